/**
 * arn:aws:states:::apigateway:invoke against Stratus's own REST and HTTP API data planes (HTTP_PROXY
 * integrations to an echo server): the request built from the task's parameters, the output shape,
 * `ApiGateway.<status>` failures, IAM_ROLE signing, and `.waitForTaskToken`.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { APIGatewayClient, CreateDeploymentCommand, CreateResourceCommand, CreateRestApiCommand, GetResourcesCommand, PutIntegrationCommand, PutMethodCommand } from '@aws-sdk/client-api-gateway';
import { ApiGatewayV2Client, CreateApiCommand, CreateIntegrationCommand, CreateRouteCommand, CreateStageCommand } from '@aws-sdk/client-apigatewayv2';
import { GetExecutionHistoryCommand, SendTaskSuccessCommand } from '@aws-sdk/client-sfn';
import { definition as restService } from '../../src/services/apigateway/index.js';
import { definition as httpService } from '../../src/services/apigatewayv2/index.js';
import { clientConfig } from '../helpers/server.js';
import { machine, setup, start, waitFor, type Env } from './helpers.js';

interface Seen {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
}

describe('Step Functions: apigateway:invoke', () => {
  let env: Env;
  let backend: Server;
  let rest: APIGatewayClient;
  let v2: ApiGatewayV2Client;
  let restId: string;
  let httpId: string;
  const seen: Seen[] = [];

  before(async () => {
    backend = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const body = Buffer.concat(chunks).toString();
        seen.push({ method: req.method!, url: req.url!, headers: req.headers, body });
        if (req.url!.includes('missing')) {
          res.writeHead(404, { 'content-type': 'application/json' }).end(JSON.stringify({ message: 'no such bill' }));
          return;
        }
        if (req.url!.includes('text')) {
          res.writeHead(200, { 'content-type': 'text/plain', 'x-backend': 'yes' }).end('plain words');
          return;
        }
        res.writeHead(200, { 'content-type': 'application/json', 'x-backend': 'yes' }).end(JSON.stringify({ got: body ? JSON.parse(body) : null, url: req.url }));
      });
    });
    await new Promise<void>((r) => backend.listen(0, '127.0.0.1', r));
    const base = `http://127.0.0.1:${(backend.address() as AddressInfo).port}`;
    env = await setup({ extra: [restService, httpService] });
    rest = new APIGatewayClient(clientConfig(env.server.endpoint));
    v2 = new ApiGatewayV2Client(clientConfig(env.server.endpoint));

    // REST API: ANY /{proxy+} without auth, GET /secure with AWS_IAM, both proxied to the backend.
    restId = (await rest.send(new CreateRestApiCommand({ name: 'bills' }))).id!;
    const root = (await rest.send(new GetResourcesCommand({ restApiId: restId }))).items!.find((r) => r.path === '/')!.id!;
    const proxy = (await rest.send(new CreateResourceCommand({ restApiId: restId, parentId: root, pathPart: '{proxy+}' }))).id!;
    await rest.send(new PutMethodCommand({ restApiId: restId, resourceId: proxy, httpMethod: 'ANY', authorizationType: 'NONE', requestParameters: { 'method.request.path.proxy': true } }));
    await rest.send(
      new PutIntegrationCommand({
        restApiId: restId,
        resourceId: proxy,
        httpMethod: 'ANY',
        type: 'HTTP_PROXY',
        integrationHttpMethod: 'ANY',
        uri: `${base}/{proxy}`,
        requestParameters: { 'integration.request.path.proxy': 'method.request.path.proxy' },
      }),
    );
    const secure = (await rest.send(new CreateResourceCommand({ restApiId: restId, parentId: root, pathPart: 'secure' }))).id!;
    await rest.send(new PutMethodCommand({ restApiId: restId, resourceId: secure, httpMethod: 'GET', authorizationType: 'AWS_IAM' }));
    await rest.send(new PutIntegrationCommand({ restApiId: restId, resourceId: secure, httpMethod: 'GET', type: 'HTTP_PROXY', integrationHttpMethod: 'GET', uri: `${base}/secure` }));
    await rest.send(new CreateDeploymentCommand({ restApiId: restId, stageName: 'prod' }));

    // HTTP API with its $default stage.
    httpId = (await v2.send(new CreateApiCommand({ Name: 'bills-http', ProtocolType: 'HTTP' }))).ApiId!;
    const integration = await v2.send(new CreateIntegrationCommand({ ApiId: httpId, IntegrationType: 'HTTP_PROXY', IntegrationMethod: 'ANY', IntegrationUri: `${base}/h/{proxy}`, PayloadFormatVersion: '1.0' }));
    await v2.send(new CreateRouteCommand({ ApiId: httpId, RouteKey: 'ANY /{proxy+}', Target: `integrations/${integration.IntegrationId}` }));
    await v2.send(new CreateStageCommand({ ApiId: httpId, StageName: '$default', AutoDeploy: true }));
  });

  after(async () => {
    rest.destroy();
    v2.destroy();
    await env.stop();
    await new Promise<void>((r) => backend.close(() => r()));
  });

  async function run(parameters: Record<string, unknown>, input: unknown = {}, resource = 'arn:aws:states:::apigateway:invoke') {
    const sm = await machine(env, { StartAt: 'Call', States: { Call: { Type: 'Task', Resource: resource, Parameters: parameters, End: true } } });
    const arn = await start(env, sm, input);
    const d = await waitFor(env, arn);
    return { d, output: d.output ? JSON.parse(d.output) : undefined, arn };
  }

  it('calls a REST API stage: method, path, query lists, headers and a JSON body without its nulls; answers Headers, ResponseBody, StatusCode, StatusText', async () => {
    seen.length = 0;
    const { d, output } = await run(
      {
        ApiEndpoint: `${restId}.execute-api.us-east-1.amazonaws.com`,
        Method: 'POST',
        Stage: 'prod',
        Path: 'bills/add',
        'QueryParameters.$': '$.query',
        Headers: { 'x-tenant': ['acme'], 'x-list': ['a', 'b'] },
        RequestBody: { billId: 'b-1', note: null, lines: [{ n: 1, tax: null }] },
        AuthType: 'NO_AUTH',
      },
      { query: { billId: ['123', '456'], mode: ['fast'] } },
    );
    assert.equal(d.status, 'SUCCEEDED', d.cause ?? '');
    assert.equal(seen.length, 1);
    const req = seen[0]!;
    assert.equal(req.method, 'POST');
    assert.equal(req.url, '/bills/add?billId=123&billId=456&mode=fast');
    assert.equal(req.headers['x-tenant'], 'acme');
    assert.equal(req.headers['x-list'], 'a, b');
    assert.equal(req.headers['content-type'], 'application/json');
    assert.deepEqual(JSON.parse(req.body), { billId: 'b-1', lines: [{ n: 1 }] });
    assert.deepEqual(Object.keys(output).sort(), ['Headers', 'ResponseBody', 'StatusCode', 'StatusText']);
    assert.equal(output.StatusCode, 200);
    assert.equal(output.StatusText, 'OK');
    assert.deepEqual(output.ResponseBody, { got: { billId: 'b-1', lines: [{ n: 1 }] }, url: '/bills/add?billId=123&billId=456&mode=fast' });
    const header = (name: string) => Object.entries(output.Headers as Record<string, string[]>).find(([k]) => k.toLowerCase() === name)?.[1];
    assert.deepEqual(header('x-backend'), ['yes']);
    assert.deepEqual(header('content-type'), ['application/json']);
  });

  it('keeps null values with AllowNullValues, and answers a text body as a string', async () => {
    seen.length = 0;
    const kept = await run({ ApiEndpoint: `${restId}.execute-api.us-east-1.amazonaws.com`, Method: 'PUT', Stage: 'prod', Path: '/bills/1', RequestBody: { note: null }, AllowNullValues: true });
    assert.equal(kept.d.status, 'SUCCEEDED', kept.d.cause ?? '');
    assert.equal(seen[0]!.body, '{"note":null}');
    const text = await run({ ApiEndpoint: `${restId}.execute-api.us-east-1.amazonaws.com`, Method: 'GET', Stage: 'prod', Path: 'text' });
    assert.equal(text.output.ResponseBody, 'plain words');
  });

  it('fails with ApiGateway.<status> and the response body as the cause', async () => {
    const missing = await run({ ApiEndpoint: `${restId}.execute-api.us-east-1.amazonaws.com`, Method: 'GET', Stage: 'prod', Path: 'bills/missing' });
    assert.equal(missing.d.status, 'FAILED');
    assert.equal(missing.d.error, 'ApiGateway.404');
    assert.equal(missing.d.cause, '{"message":"no such bill"}');
    // AWS_IAM without signing: the gateway's own 403.
    const unsigned = await run({ ApiEndpoint: `${restId}.execute-api.us-east-1.amazonaws.com`, Method: 'GET', Stage: 'prod', Path: 'secure' });
    assert.equal(unsigned.d.error, 'ApiGateway.403');
    assert.equal(unsigned.d.cause, '{"message":"Missing Authentication Token"}');
    const history = (await env.client.send(new GetExecutionHistoryCommand({ executionArn: unsigned.arn }))).events!;
    const failed = history.find((e) => e.type === 'TaskFailed')!.taskFailedEventDetails!;
    assert.equal(failed.resourceType, 'apigateway');
    assert.equal(failed.resource, 'invoke');
    const forbidden = await run({ ApiEndpoint: `${restId}.execute-api.us-east-1.amazonaws.com`, Method: 'GET', Stage: 'prod', Headers: { 'X-Amz-Date': ['x'] } });
    assert.equal(forbidden.d.status, 'FAILED');
    assert.match(forbidden.d.cause ?? '', /The 'Headers' field contains unsupported values: X-Amz-Date/);
  });

  it('IAM_ROLE signs the request with SigV4, which an AWS_IAM method verifies', async () => {
    seen.length = 0;
    const { d, output } = await run({ ApiEndpoint: `${restId}.execute-api.us-east-1.amazonaws.com`, Method: 'GET', Stage: 'prod', Path: 'secure', AuthType: 'IAM_ROLE' });
    assert.equal(d.status, 'SUCCEEDED', d.cause ?? '');
    assert.equal(output.StatusCode, 200);
    assert.equal(seen[0]!.url, '/secure');
  });

  it('calls an HTTP API on its $default stage (no Stage)', async () => {
    seen.length = 0;
    const { d, output } = await run({ ApiEndpoint: `${httpId}.execute-api.us-east-1.amazonaws.com`, Method: 'DELETE', Path: 'orders/9', QueryParameters: { force: ['true'] } });
    assert.equal(d.status, 'SUCCEEDED', d.cause ?? '');
    assert.equal(seen[0]!.method, 'DELETE');
    assert.equal(seen[0]!.url, '/h/orders/9?force=true');
    assert.equal(output.StatusCode, 200);
  });

  it('.waitForTaskToken sends the request, then waits for the token', async () => {
    seen.length = 0;
    const sm = await machine(env, {
      StartAt: 'Call',
      States: {
        Call: {
          Type: 'Task',
          Resource: 'arn:aws:states:::apigateway:invoke.waitForTaskToken',
          Parameters: { ApiEndpoint: `${restId}.execute-api.us-east-1.amazonaws.com`, Method: 'POST', Stage: 'prod', Path: 'callbacks', Headers: { 'TaskToken.$': 'States.Array($$.Task.Token)' }, RequestBody: { job: 1 } },
          End: true,
        },
      },
    });
    const arn = await start(env, sm, {});
    await waitFor(env, arn, () => seen.length === 1);
    const token = seen[0]!.headers['tasktoken'] as string;
    assert.ok(token);
    assert.equal((await waitFor(env, arn, (x) => x.status === 'RUNNING')).status, 'RUNNING');
    await env.client.send(new SendTaskSuccessCommand({ taskToken: token, output: JSON.stringify({ done: true }) }));
    const d = await waitFor(env, arn);
    assert.equal(d.status, 'SUCCEEDED', d.cause ?? '');
    assert.deepEqual(JSON.parse(d.output!), { done: true });
  });
});
