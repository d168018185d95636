/**
 * API Gateway's AWS_IAM authorization and REST API resource policies on the shared evaluator, under
 * `--iam enforce`: callers sign with IAM users' keys and STS sessions (SigV4, service execute-api);
 * execute-api:Invoke on arn:aws:execute-api:{region}:{account}:{api}/{stage}/{METHOD}/{path} must be
 * allowed by their identity policies or, for a REST API, by its resource policy (cross-account: both).
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { APIGatewayClient, UpdateRestApiCommand } from '@aws-sdk/client-api-gateway';
import { ApiGatewayV2Client, CreateApiCommand, CreateIntegrationCommand, CreateRouteCommand, CreateStageCommand } from '@aws-sdk/client-apigatewayv2';
import { CreateAccessKeyCommand, CreateRoleCommand, CreateUserCommand, IAMClient, PutRolePolicyCommand, PutUserPolicyCommand } from '@aws-sdk/client-iam';
import { AssumeRoleCommand, STSClient } from '@aws-sdk/client-sts';
import { clientConfig, startServer, type TestServer } from '../helpers/server.js';
import { signHeaders } from '../helpers/sign.js';
import { http } from '../apigateway/helpers.js';
import { ApiBuilder } from '../apigateway/build.js';
import { definition as iamService } from '../../src/services/iam/index.js';
import { definition as stsService } from '../../src/services/sts/index.js';
import { definition as apigatewayService } from '../../src/services/apigateway/index.js';
import { definition as apigatewayv2Service } from '../../src/services/apigatewayv2/index.js';

const A = '000000000000';
const B = '111111111111';
type Creds = { accessKeyId: string; secretAccessKey: string; sessionToken?: string };
const doc = (...Statement: object[]) => JSON.stringify({ Version: '2012-10-17', Statement });

describe('--iam enforce: API Gateway AWS_IAM and resource policies', () => {
  let server: TestServer;
  let backend: Server;
  let iam: IAMClient;
  let restId: string;
  let httpId: string;

  /** A GET signed for execute-api with `creds` (none: unsigned). */
  const get = (url: string, creds?: Creds) => {
    const u = new URL(url);
    const headers: Record<string, string> = { host: u.host, ...(creds?.sessionToken ? { 'x-amz-security-token': creds.sessionToken } : {}) };
    const signed = creds ? signHeaders({ service: 'execute-api', region: 'us-east-1', ...creds }, 'GET', u.pathname, headers, Buffer.alloc(0)) : {};
    return http(url, { headers: { ...headers, ...signed } });
  };
  const restUrl = (path: string) => `${server.endpoint}/restapis/${restId}/dev/_user_request_${path}`;
  const httpUrl = (path: string) => `${server.endpoint}/_aws/execute-api/${httpId}${path}`;

  async function user(account: Creds | undefined, name: string, policy?: string): Promise<Creds> {
    const client = new IAMClient({ ...clientConfig(server.endpoint), ...(account ? { credentials: account } : {}) });
    await client.send(new CreateUserCommand({ UserName: name }));
    if (policy) await client.send(new PutUserPolicyCommand({ UserName: name, PolicyName: 'p', PolicyDocument: policy }));
    const k = (await client.send(new CreateAccessKeyCommand({ UserName: name }))).AccessKey!;
    return { accessKeyId: k.AccessKeyId!, secretAccessKey: k.SecretAccessKey! };
  }

  before(async () => {
    backend = createServer((_req, res) => res.end('{"from":"backend"}'));
    await new Promise<void>((r) => backend.listen(0, '127.0.0.1', r));
    server = await startServer({ services: [iamService, stsService, apigatewayService, apigatewayv2Service], config: { iam: 'enforce' } });
    iam = new IAMClient(clientConfig(server.endpoint));
    const api = await ApiBuilder.create(new APIGatewayClient(clientConfig(server.endpoint)), 'iam-api');
    const mock = { type: 'MOCK' as const, requestTemplates: { 'application/json': '{"statusCode": 200}' } };
    const ok = [{ statusCode: '200', responseTemplates: { 'application/json': '{"ok": true}' } }];
    await api.method('/orders', 'GET', mock, { authorizationType: 'AWS_IAM' }, ok);
    await api.method('/items', 'GET', mock, { authorizationType: 'AWS_IAM' }, ok);
    await api.method('/open', 'GET', mock, {}, ok);
    await api.deploy('dev');
    restId = api.id;
    const v2 = new ApiGatewayV2Client(clientConfig(server.endpoint));
    httpId = (await v2.send(new CreateApiCommand({ Name: 'iam-http', ProtocolType: 'HTTP' }))).ApiId!;
    const integration = await v2.send(new CreateIntegrationCommand({ ApiId: httpId, IntegrationType: 'HTTP_PROXY', IntegrationMethod: 'GET', IntegrationUri: `http://127.0.0.1:${(backend.address() as AddressInfo).port}/`, PayloadFormatVersion: '1.0' }));
    await v2.send(new CreateRouteCommand({ ApiId: httpId, RouteKey: 'GET /reports', Target: `integrations/${integration.IntegrationId}`, AuthorizationType: 'AWS_IAM' }));
    await v2.send(new CreateStageCommand({ ApiId: httpId, StageName: '$default', AutoDeploy: true }));
  });
  after(async () => {
    await server.stop();
    backend.close();
  });

  it('REST: an IAM user needs execute-api:Invoke on the method ARN; the account root is allowed', async () => {
    const unsigned = await get(restUrl('/orders'));
    assert.equal(unsigned.status, 403);
    assert.deepEqual(unsigned.json(), { message: 'Missing Authentication Token' });
    const nobody = await user(undefined, 'nobody');
    const denied = await get(restUrl('/orders'), nobody);
    assert.equal(denied.status, 403);
    assert.equal(denied.headers['x-amzn-errortype'], 'AccessDeniedException');
    assert.deepEqual(denied.json(), { Message: `User: arn:aws:iam::${A}:user/nobody is not authorized to perform: execute-api:Invoke on resource: arn:aws:execute-api:us-east-1:********0000:${restId}/dev/GET/orders` });
    const reader = await user(undefined, 'api-reader', doc({ Effect: 'Allow', Action: 'execute-api:Invoke', Resource: `arn:aws:execute-api:us-east-1:${A}:${restId}/dev/GET/*` }));
    const allowed = await get(restUrl('/orders'), reader);
    assert.equal(allowed.status, 200, allowed.text);
    assert.deepEqual(allowed.json(), { ok: true });
    assert.equal((await get(restUrl('/orders'), { accessKeyId: 'test', secretAccessKey: 'test' })).status, 200);
    // A wrong secret for a real key is a signature mismatch.
    const mismatch = await get(restUrl('/orders'), { ...reader, secretAccessKey: 'wrong' });
    assert.equal(mismatch.status, 403);
    assert.match(mismatch.json().message, /^The request signature we calculated does not match/);
  });

  it('REST: an assumed-role session is authorised by its role policy, an explicit deny wins', async () => {
    await iam.send(new CreateRoleCommand({ RoleName: 'api-caller', AssumeRolePolicyDocument: doc({ Effect: 'Allow', Principal: { AWS: A }, Action: 'sts:AssumeRole' }) }));
    await iam.send(
      new PutRolePolicyCommand({
        RoleName: 'api-caller',
        PolicyName: 'invoke',
        PolicyDocument: doc({ Effect: 'Allow', Action: 'execute-api:Invoke', Resource: '*' }, { Effect: 'Deny', Action: 'execute-api:Invoke', Resource: `arn:aws:execute-api:*:*:${restId}/*/GET/orders` }),
      }),
    );
    const c = (await new STSClient(clientConfig(server.endpoint)).send(new AssumeRoleCommand({ RoleArn: `arn:aws:iam::${A}:role/api-caller`, RoleSessionName: 'sess' }))).Credentials!;
    const session = { accessKeyId: c.AccessKeyId!, secretAccessKey: c.SecretAccessKey!, sessionToken: c.SessionToken! };
    assert.equal((await get(restUrl('/items'), session)).status, 200);
    const denied = await get(restUrl('/orders'), session);
    assert.equal(denied.status, 403);
    assert.equal(denied.json().Message, `User: arn:aws:sts::${A}:assumed-role/api-caller/sess is not authorized to perform: execute-api:Invoke on resource: arn:aws:execute-api:us-east-1:********0000:${restId}/dev/GET/orders with an explicit deny`);
    // Without its session token, the key is refused.
    const tokenless = await get(restUrl('/items'), { accessKeyId: session.accessKeyId, secretAccessKey: session.secretAccessKey });
    assert.equal(tokenless.status, 403);
    assert.deepEqual(tokenless.json(), { message: 'The security token included in the request is invalid.' });
  });

  it('REST: a resource policy grants another account; both sides must allow, and anonymous callers need it', async () => {
    const other = await user({ accessKeyId: B, secretAccessKey: 'test' }, 'partner', doc({ Effect: 'Allow', Action: 'execute-api:Invoke', Resource: '*' }));
    const before = await get(restUrl('/orders'), other);
    assert.equal(before.status, 403);
    assert.equal(before.json().Message, `User: arn:aws:iam::${B}:user/partner is not authorized to perform: execute-api:Invoke on resource: arn:aws:execute-api:us-east-1:********0000:${restId}/dev/GET/orders`);
    const gw = new APIGatewayClient(clientConfig(server.endpoint));
    const policy = doc(
      { Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${B}:root` }, Action: 'execute-api:Invoke', Resource: 'execute-api:/dev/GET/orders' },
      { Effect: 'Allow', Principal: '*', Action: 'execute-api:Invoke', Resource: 'execute-api:/dev/GET/open' },
    );
    await gw.send(new UpdateRestApiCommand({ restApiId: restId, patchOperations: [{ op: 'replace', path: '/policy', value: policy }] }));
    await new ApiBuilder(gw, restId, '').deploy('dev');
    assert.equal((await get(restUrl('/orders'), other)).status, 200);
    assert.equal((await get(restUrl('/open'))).status, 200);
    // Same account: the user's own identity policy allows, whatever the resource policy says.
    const reader = await user(undefined, 'api-reader-2', doc({ Effect: 'Allow', Action: 'execute-api:Invoke', Resource: '*' }));
    assert.equal((await get(restUrl('/orders'), reader)).status, 200);
  });

  it('HTTP API: AWS_IAM routes answer AWS 403s and evaluate execute-api:Invoke', async () => {
    const unsigned = await get(httpUrl('/reports'));
    assert.equal(unsigned.status, 403);
    assert.deepEqual(unsigned.json(), { message: 'Missing Authentication Token' });
    const nobody = await user(undefined, 'http-nobody');
    const denied = await get(httpUrl('/reports'), nobody);
    assert.equal(denied.status, 403);
    assert.deepEqual(denied.json(), { message: `User: arn:aws:iam::${A}:user/http-nobody is not authorized to perform: execute-api:Invoke on resource: arn:aws:execute-api:us-east-1:********0000:${httpId}/$default/GET/reports` });
    const reader = await user(undefined, 'http-reader', doc({ Effect: 'Allow', Action: 'execute-api:Invoke', Resource: `arn:aws:execute-api:us-east-1:${A}:${httpId}/*/GET/reports` }));
    const ok = await get(httpUrl('/reports'), reader);
    assert.equal(ok.status, 200, ok.text);
    assert.deepEqual(ok.json(), { from: 'backend' });
  });
});
