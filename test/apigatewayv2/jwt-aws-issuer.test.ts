import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { generateKeyPairSync, sign } from 'node:crypto';
import { ApiGatewayV2Client, CreateApiCommand, CreateAuthorizerCommand, CreateIntegrationCommand, CreateRouteCommand, CreateStageCommand } from '@aws-sdk/client-apigatewayv2';
import { clientConfig, startServer, type TestServer } from '../helpers/server.js';
import { definition as apigatewayv2 } from '../../src/services/apigatewayv2/index.js';
import { http } from './helpers.js';

const POOL = 'us-east-1_TestPool1';
const ISSUER = `https://cognito-idp.us-east-1.amazonaws.com/${POOL}`;

describe('apigatewayv2 JWT authorizer with an issuer on an AWS host name', () => {
  let server: TestServer;
  let client: ApiGatewayV2Client;
  let api: string;
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const fetched: string[] = [];
  before(async () => {
    // A stand-in for Cognito's endpoints on its AWS host name: the authorizer must fetch them from Stratus, not the network.
    server = await startServer({
      services: [apigatewayv2],
      extraDataPlanes: () => [
        {
          host: /^cognito-idp\.us-east-1\.amazonaws\.com$/,
          handle: (req, res) => {
            fetched.push(req.rawPath);
            const body =
              req.rawPath === `/${POOL}/.well-known/openid-configuration`
                ? { issuer: ISSUER, jwks_uri: `${ISSUER}/.well-known/jwks.json` }
                : { keys: [{ ...publicKey.export({ format: 'jwk' }), kid: 'cognito-1', use: 'sig', alg: 'RS256' }] };
            res.writeHead(200, { 'content-type': 'application/json' });
            res.end(JSON.stringify(body));
          },
        },
      ],
    });
    client = new ApiGatewayV2Client(clientConfig(server.endpoint));
    api = (await client.send(new CreateApiCommand({ Name: 'cognito', ProtocolType: 'HTTP' }))).ApiId!;
    const i = await client.send(new CreateIntegrationCommand({ ApiId: api, IntegrationType: 'HTTP_PROXY', IntegrationMethod: 'GET', IntegrationUri: 'http://127.0.0.1:1/' }));
    const a = await client.send(
      new CreateAuthorizerCommand({ ApiId: api, Name: 'pool', AuthorizerType: 'JWT', IdentitySource: ['$request.header.Authorization'], JwtConfiguration: { Issuer: ISSUER, Audience: ['client-1'] } }),
    );
    await client.send(new CreateRouteCommand({ ApiId: api, RouteKey: 'GET /me', Target: `integrations/${i.IntegrationId}`, AuthorizationType: 'JWT', AuthorizerId: a.AuthorizerId }));
    await client.send(new CreateStageCommand({ ApiId: api, StageName: '$default', AutoDeploy: true }));
  });
  after(async () => {
    client.destroy();
    await server.stop();
  });

  it('fetches the discovery document and keys through Stratus and checks the token', async () => {
    const b64 = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');
    const input = `${b64({ alg: 'RS256', kid: 'cognito-1' })}.${b64({ iss: ISSUER, client_id: 'client-1', token_use: 'access', exp: Math.floor(Date.now() / 1000) + 600 })}`;
    const token = `${input}.${sign('sha256', Buffer.from(input), privateKey).toString('base64url')}`;
    // Past the authorizer, the (unreachable) backend answers 500: the token was accepted.
    const ok = await http(`${server.endpoint}/_aws/execute-api/${api}/me`, { headers: { authorization: token } });
    assert.equal(ok.status, 500);
    assert.deepEqual(fetched, [`/${POOL}/.well-known/openid-configuration`, `/${POOL}/.well-known/jwks.json`]);
    const bad = await http(`${server.endpoint}/_aws/execute-api/${api}/me`, { headers: { authorization: `${input}.AAAA` } });
    assert.equal(bad.status, 401);
  });
});
