import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { CreateAuthorizerCommand, CreateDeploymentCommand, GetExportCommand, ImportRestApiCommand, TestInvokeAuthorizerCommand } from '@aws-sdk/client-api-gateway';
import {
  AdminCreateUserCommand,
  AdminSetUserPasswordCommand,
  CognitoIdentityProviderClient,
  CreateUserPoolClientCommand,
  CreateUserPoolCommand,
  InitiateAuthCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { definition as cognito } from '../../src/services/cognito-idp/index.js';
import { clientConfig } from '../helpers/server.js';
import { http, startGateway, type Gateway } from './helpers.js';
import { ApiBuilder, lambdaProxy } from './build.js';

describe('apigateway COGNITO_USER_POOLS authorizers with a Stratus user pool', () => {
  let gw: Gateway;
  let idp: CognitoIdentityProviderClient;
  let poolId: string;
  let clientId: string;
  let idToken: string;
  let accessToken: string;
  let apiId: string;
  let authorizerId: string;
  before(async () => {
    gw = await startGateway([cognito]);
    idp = new CognitoIdentityProviderClient(clientConfig(gw.server.endpoint));
    poolId = (await idp.send(new CreateUserPoolCommand({ PoolName: 'gw' }))).UserPool!.Id!;
    clientId = (await idp.send(new CreateUserPoolClientCommand({ UserPoolId: poolId, ClientName: 'app', ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'] })))
      .UserPoolClient!.ClientId!;
    await idp.send(new AdminCreateUserCommand({ UserPoolId: poolId, Username: 'ada', MessageAction: 'SUPPRESS', UserAttributes: [{ Name: 'email', Value: 'ada@example.com' }] }));
    await idp.send(new AdminSetUserPasswordCommand({ UserPoolId: poolId, Username: 'ada', Password: 'Passw0rd!', Permanent: true }));
    const auth = await idp.send(new InitiateAuthCommand({ ClientId: clientId, AuthFlow: 'USER_PASSWORD_AUTH', AuthParameters: { USERNAME: 'ada', PASSWORD: 'Passw0rd!' } }));
    idToken = auth.AuthenticationResult!.IdToken!;
    accessToken = auth.AuthenticationResult!.AccessToken!;

    const hello = gw.lambda.add('hello', (event) => ({ statusCode: 200, body: JSON.stringify({ authorizer: event.requestContext.authorizer ?? null }) }));
    const api = await ApiBuilder.create(gw.client, 'cognito');
    apiId = api.id;
    const a = await gw.client.send(
      new CreateAuthorizerCommand({ restApiId: api.id, name: 'pool', type: 'COGNITO_USER_POOLS', providerARNs: [`arn:aws:cognito-idp:us-east-1:000000000000:userpool/${poolId}`], identitySource: 'method.request.header.Authorization' }),
    );
    authorizerId = a.id!;
    await api.method('/me', 'GET', lambdaProxy(hello), { authorizationType: 'COGNITO_USER_POOLS', authorizerId: a.id });
    await api.method('/admin', 'GET', lambdaProxy(hello), { authorizationType: 'COGNITO_USER_POOLS', authorizerId: a.id, authorizationScopes: ['aws.cognito.signin.user.admin'] });
    await api.method('/orders', 'GET', lambdaProxy(hello), { authorizationType: 'COGNITO_USER_POOLS', authorizerId: a.id, authorizationScopes: ['orders/read'] });
    await api.deploy('dev');
  });
  after(async () => {
    idp.destroy();
    await gw.stop();
  });

  const call = (path: string, token?: string) => http(gw.url(apiId, 'dev', path), { headers: token === undefined ? {} : { authorization: token } });

  it('an id token passes and its claims reach the Lambda proxy event', async () => {
    const r = await call('/me', idToken);
    assert.equal(r.status, 200);
    const claims = r.json().authorizer.claims;
    assert.equal(claims['cognito:username'], 'ada');
    assert.equal(claims.email, 'ada@example.com');
    assert.equal(claims.aud, clientId);
    assert.equal(claims.token_use, 'id');
    assert.equal(claims.iss, `https://cognito-idp.us-east-1.amazonaws.com/${poolId}`);
    assert.match(claims.exp, /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun) [A-Z][a-z]{2} \d{2} \d{2}:\d{2}:\d{2} UTC \d{4}$/);
    assert.match(claims.auth_time, /^\d+$/);
  });

  it('refuses a missing, tampered or foreign-kind token with 401 Unauthorized', async () => {
    for (const token of [undefined, 'not-a-jwt', accessToken]) {
      const r = await call('/me', token);
      assert.equal(r.status, 401, String(token));
      assert.deepEqual(r.json(), { message: 'Unauthorized' });
    }
    const [h, c, s] = idToken.split('.');
    const claims = JSON.parse(Buffer.from(c!, 'base64url').toString());
    const forged = `${h}.${Buffer.from(JSON.stringify({ ...claims, 'cognito:username': 'mallory' })).toString('base64url')}.${s}`;
    const r = await call('/me', forged);
    assert.equal(r.status, 401);
    assert.deepEqual(r.json(), { message: 'Unauthorized' });
  });

  it('methods with authorization scopes take an access token carrying one of them', async () => {
    const ok = await call('/admin', accessToken);
    assert.equal(ok.status, 200);
    assert.equal(ok.json().authorizer.claims.username, 'ada');
    assert.equal(ok.json().authorizer.claims.client_id, clientId);
    assert.equal((await call('/admin', idToken)).status, 401);
    const missing = await call('/orders', accessToken);
    assert.equal(missing.status, 401);
    assert.deepEqual(missing.json(), { message: 'Unauthorized' });
  });

  it('CreateAuthorizer needs pool ARNs; TestInvokeAuthorizer answers the claims or 401', async () => {
    await assert.rejects(gw.client.send(new CreateAuthorizerCommand({ restApiId: apiId, name: 'none', type: 'COGNITO_USER_POOLS', identitySource: 'method.request.header.Authorization' })), (e: Error) => e.name === 'BadRequestException');
    await assert.rejects(
      gw.client.send(new CreateAuthorizerCommand({ restApiId: apiId, name: 'bad', type: 'COGNITO_USER_POOLS', providerARNs: ['arn:aws:lambda:us-east-1:000000000000:function:x'] })),
      (e: Error) => e.name === 'BadRequestException',
    );
    const ok = await gw.client.send(new TestInvokeAuthorizerCommand({ restApiId: apiId, authorizerId, headers: { Authorization: idToken } }));
    assert.equal(ok.clientStatus, 200);
    assert.equal(ok.claims?.['cognito:username'], 'ada');
    const bad = await gw.client.send(new TestInvokeAuthorizerCommand({ restApiId: apiId, authorizerId, headers: { Authorization: 'nope' } }));
    assert.equal(bad.clientStatus, 401);
  });

  it('OpenAPI import and export carry the authorizer and the method scopes', async () => {
    const hello = gw.lambda.add('hello', (event) => ({ statusCode: 200, body: JSON.stringify({ authorizer: event.requestContext.authorizer ?? null }) }));
    const providerARNs = [`arn:aws:cognito-idp:us-east-1:000000000000:userpool/${poolId}`];
    const integration = { type: 'aws_proxy', httpMethod: 'POST', uri: hello };
    const spec = {
      openapi: '3.0.1',
      info: { title: 'cognito-oas', version: '1' },
      paths: {
        '/me': { get: { security: [{ pool: [] }], 'x-amazon-apigateway-integration': integration } },
        '/admin': { get: { security: [{ pool: ['aws.cognito.signin.user.admin'] }], 'x-amazon-apigateway-integration': integration } },
      },
      components: {
        securitySchemes: {
          pool: { type: 'apiKey', name: 'Authorization', in: 'header', 'x-amazon-apigateway-authtype': 'cognito_user_pools', 'x-amazon-apigateway-authorizer': { type: 'cognito_user_pools', providerARNs } },
        },
      },
    };
    const api = await gw.client.send(new ImportRestApiCommand({ body: Buffer.from(JSON.stringify(spec)), failOnWarnings: true }));
    await gw.client.send(new CreateDeploymentCommand({ restApiId: api.id, stageName: 'dev' }));
    const me = await http(gw.url(api.id!, 'dev', '/me'), { headers: { authorization: idToken } });
    assert.equal(me.status, 200);
    assert.equal(me.json().authorizer.claims['cognito:username'], 'ada');
    assert.equal((await http(gw.url(api.id!, 'dev', '/admin'), { headers: { authorization: idToken } })).status, 401);
    assert.equal((await http(gw.url(api.id!, 'dev', '/admin'), { headers: { authorization: accessToken } })).status, 200);
    const exported = await gw.client.send(new GetExportCommand({ restApiId: api.id, stageName: 'dev', exportType: 'oas30', parameters: { extensions: 'integrations' }, accepts: 'application/json' }));
    const doc = JSON.parse(Buffer.from(exported.body!).toString('utf8'));
    assert.deepEqual(doc.components.securitySchemes.pool['x-amazon-apigateway-authorizer'].providerARNs, providerARNs);
    assert.equal(doc.components.securitySchemes.pool['x-amazon-apigateway-authtype'], 'cognito_user_pools');
    assert.deepEqual(doc.paths['/admin'].get.security, [{ pool: ['aws.cognito.signin.user.admin'] }]);
  });

  it('an expired token is refused on the platform clock', async () => {
    gw.server.clock.advance(3601_000);
    const r = await call('/me', idToken);
    assert.equal(r.status, 401);
    assert.deepEqual(r.json(), { message: 'Unauthorized' });
  });
});
