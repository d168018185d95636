import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApiGatewayV2Client, CreateApiCommand, CreateAuthorizerCommand, CreateIntegrationCommand, CreateRouteCommand, CreateStageCommand } from '@aws-sdk/client-apigatewayv2';
import {
  AdminCreateUserCommand,
  AdminSetUserPasswordCommand,
  CognitoIdentityProviderClient,
  CreateUserPoolClientCommand,
  CreateUserPoolCommand,
  InitiateAuthCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { definition as apigatewayv2 } from '../../src/services/apigatewayv2/index.js';
import { definition as cognito } from '../../src/services/cognito-idp/index.js';
import { clientConfig, startServer, type TestServer } from '../helpers/server.js';
import { http } from './helpers.js';

describe('apigatewayv2 JWT authorizer with a Stratus Cognito user pool as issuer', () => {
  let server: TestServer;
  let backend: Server;
  let v2: ApiGatewayV2Client;
  let idp: CognitoIdentityProviderClient;
  let api: string;
  let idToken: string;
  let accessToken: string;
  before(async () => {
    backend = createServer((_req, res) => {
      res.setHeader('content-type', 'application/json');
      res.end('{"hello":"world"}');
    });
    await new Promise<void>((r) => backend.listen(0, '127.0.0.1', r));
    server = await startServer({ services: [apigatewayv2, cognito] });
    v2 = new ApiGatewayV2Client(clientConfig(server.endpoint));
    idp = new CognitoIdentityProviderClient(clientConfig(server.endpoint));
    const poolId = (await idp.send(new CreateUserPoolCommand({ PoolName: 'http-api' }))).UserPool!.Id!;
    const clientId = (await idp.send(new CreateUserPoolClientCommand({ UserPoolId: poolId, ClientName: 'app', ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'] })))
      .UserPoolClient!.ClientId!;
    await idp.send(new AdminCreateUserCommand({ UserPoolId: poolId, Username: 'ada', MessageAction: 'SUPPRESS' }));
    await idp.send(new AdminSetUserPasswordCommand({ UserPoolId: poolId, Username: 'ada', Password: 'Passw0rd!', Permanent: true }));
    const auth = await idp.send(new InitiateAuthCommand({ ClientId: clientId, AuthFlow: 'USER_PASSWORD_AUTH', AuthParameters: { USERNAME: 'ada', PASSWORD: 'Passw0rd!' } }));
    idToken = auth.AuthenticationResult!.IdToken!;
    accessToken = auth.AuthenticationResult!.AccessToken!;

    const Issuer = `https://cognito-idp.us-east-1.amazonaws.com/${poolId}`;
    api = (await v2.send(new CreateApiCommand({ Name: 'cognito', ProtocolType: 'HTTP' }))).ApiId!;
    const i = await v2.send(
      new CreateIntegrationCommand({ ApiId: api, IntegrationType: 'HTTP_PROXY', IntegrationMethod: 'GET', IntegrationUri: `http://127.0.0.1:${(backend.address() as AddressInfo).port}/`, PayloadFormatVersion: '1.0' }),
    );
    const mine = await v2.send(new CreateAuthorizerCommand({ ApiId: api, Name: 'pool', AuthorizerType: 'JWT', IdentitySource: ['$request.header.Authorization'], JwtConfiguration: { Issuer, Audience: [clientId] } }));
    const theirs = await v2.send(
      new CreateAuthorizerCommand({ ApiId: api, Name: 'other', AuthorizerType: 'JWT', IdentitySource: ['$request.header.Authorization'], JwtConfiguration: { Issuer, Audience: ['another-client'] } }),
    );
    const route = (RouteKey: string, extra: Record<string, unknown>) => v2.send(new CreateRouteCommand({ ApiId: api, RouteKey, Target: `integrations/${i.IntegrationId}`, AuthorizationType: 'JWT', ...extra }));
    await route('GET /me', { AuthorizerId: mine.AuthorizerId });
    await route('GET /other', { AuthorizerId: theirs.AuthorizerId });
    await route('GET /orders', { AuthorizerId: mine.AuthorizerId, AuthorizationScopes: ['orders/read'] });
    await v2.send(new CreateStageCommand({ ApiId: api, StageName: '$default', AutoDeploy: true }));
  });
  after(async () => {
    v2.destroy();
    idp.destroy();
    await server.stop();
    await new Promise((r) => backend.close(r));
  });

  const call = (path: string, token?: string) => http(`${server.endpoint}/_aws/execute-api/${api}${path}`, { headers: token === undefined ? {} : { authorization: token } });

  it('a valid id token of the pool reaches the backend; so does its access token (client_id)', async () => {
    const ok = await call('/me', idToken);
    assert.equal(ok.status, 200);
    assert.deepEqual(ok.json(), { hello: 'world' });
    assert.equal((await call('/me', `Bearer ${accessToken}`)).status, 200);
  });

  it('a wrong audience, a tampered or a missing token: 401', async () => {
    const other = await call('/other', idToken);
    assert.equal(other.status, 401);
    assert.deepEqual(other.json(), { message: 'Unauthorized' });
    const [h, c] = idToken.split('.');
    assert.equal((await call('/me', `${h}.${c}.AAAA`)).status, 401);
    assert.equal((await call('/me')).status, 401);
  });

  it('a token without the route scope: 403', async () => {
    const r = await call('/orders', idToken);
    assert.equal(r.status, 403);
    assert.deepEqual(r.json(), { message: 'Forbidden' });
  });
});
