import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { CreateAuthorizerCommand } from '@aws-sdk/client-api-gateway';
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

  it('an expired token is refused on the platform clock', async () => {
    gw.server.clock.advance(3601_000);
    const r = await call('/me', idToken);
    assert.equal(r.status, 401);
    assert.deepEqual(r.json(), { message: 'Unauthorized' });
  });
});
