import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocket } from 'ws';
import { CreateApiCommand, CreateAuthorizerCommand, CreateIntegrationCommand, CreateRouteCommand, CreateStageCommand, UpdateStageCommand } from '@aws-sdk/client-apigatewayv2';
import { CloudWatchLogsClient, FilterLogEventsCommand } from '@aws-sdk/client-cloudwatch-logs';
import { ApiGatewayManagementApiClient, GetConnectionCommand } from '@aws-sdk/client-apigatewaymanagementapi';
import { clientConfig } from '../helpers/server.js';
import { createFunction } from '../lambda/helpers.js';
import { fnArn, startEnv, type Env } from './helpers.js';

const AUTH = `exports.handler = async (event) => ({
  principalId: 'user-' + event.queryStringParameters.token,
  policyDocument: { Version: '2012-10-17', Statement: [{ Action: 'execute-api:Invoke', Effect: event.queryStringParameters.token === 'good' ? 'Allow' : 'Deny', Resource: event.methodArn }] },
  context: { role: 'member' },
});`;
const ECHO = `exports.handler = async (event) => ({ statusCode: 200, body: JSON.stringify(event.requestContext) });`;

function open(url: string): Promise<WebSocket> {
  const ws = new WebSocket(url);
  return new Promise((resolve, reject) => {
    ws.once('open', () => resolve(ws));
    ws.once('unexpected-response', (_req, res) => reject(Object.assign(new Error(`refused ${res.statusCode}`), { status: res.statusCode })));
    ws.once('error', reject);
  });
}

const closed = (ws: WebSocket): Promise<number> => new Promise((resolve) => ws.once('close', (code) => resolve(code)));
const next = (ws: WebSocket): Promise<string> => new Promise((resolve) => ws.once('message', (d) => resolve(d.toString())));

describe('apigatewayv2 WebSocket authorizers and limits', () => {
  let env: Env;
  let url: string;
  let sink: Server;
  const received: any[] = [];
  let management: ApiGatewayManagementApiClient;
  let apiId: string;
  before(async () => {
    sink = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const url = new URL(req.url ?? '/', 'http://x');
        received.push({ headers: req.headers, code: url.searchParams.get('code'), reason: url.searchParams.get('reason'), body: Buffer.concat(chunks).toString('utf8') });
        res.end('{}');
      });
    });
    await new Promise<void>((r) => sink.listen(0, '127.0.0.1', r));
    env = await startEnv();
    await createFunction(env.lambda, 'ws-auth', { 'index.js': AUTH });
    await createFunction(env.lambda, 'ws-echo', { 'index.js': ECHO });
    const api = (await env.v2.send(new CreateApiCommand({ Name: 'limits', ProtocolType: 'WEBSOCKET', RouteSelectionExpression: '$request.body.action' }))).ApiId!;
    const auth = await env.v2.send(
      new CreateAuthorizerCommand({ ApiId: api, Name: 'a', AuthorizerType: 'REQUEST', AuthorizerUri: fnArn('ws-auth'), IdentitySource: ['route.request.querystring.token'] }),
    );
    const mock = await env.v2.send(new CreateIntegrationCommand({ ApiId: api, IntegrationType: 'MOCK', RequestTemplates: { '$default': '{"statusCode": 200}' } }));
    const echo = await env.v2.send(new CreateIntegrationCommand({ ApiId: api, IntegrationType: 'AWS_PROXY', IntegrationUri: fnArn('ws-echo') }));
    const port = (sink.address() as AddressInfo).port;
    const disconnect = await env.v2.send(
      new CreateIntegrationCommand({
        ApiId: api,
        IntegrationType: 'HTTP_PROXY',
        IntegrationMethod: 'POST',
        IntegrationUri: `http://127.0.0.1:${port}/`,
        RequestParameters: {
          'integration.request.header.x-connection-id': 'context.connectionId',
          'integration.request.header.x-event-type': 'context.eventType',
          'integration.request.header.x-route-key': 'context.routeKey',
          'integration.request.querystring.code': 'context.disconnectStatusCode',
          'integration.request.querystring.reason': 'context.disconnectReason',
          'integration.request.header.x-static': "'fixed'",
        },
      }),
    );
    await env.v2.send(new CreateRouteCommand({ ApiId: api, RouteKey: '$connect', Target: `integrations/${mock.IntegrationId}`, AuthorizationType: 'CUSTOM', AuthorizerId: auth.AuthorizerId }));
    await env.v2.send(new CreateRouteCommand({ ApiId: api, RouteKey: '$default', Target: `integrations/${echo.IntegrationId}`, RouteResponseSelectionExpression: '$default' }));
    await env.v2.send(new CreateRouteCommand({ ApiId: api, RouteKey: '$disconnect', Target: `integrations/${disconnect.IntegrationId}` }));
    await env.v2.send(new CreateStageCommand({ ApiId: api, StageName: 'live', AutoDeploy: true }));
    url = `ws://127.0.0.1:${env.port}/_aws/execute-api/${api}/live`;
    apiId = api;
    management = new ApiGatewayManagementApiClient(clientConfig(`${env.server.endpoint}/_aws/execute-api/${api}/live`));
  });
  after(async () => {
    management.destroy();
    await env.stop();
    sink.close();
  });

  it('the $connect authorizer admits an allowed identity, its context reaching later routes; refuses others', async () => {
    await assert.rejects(open(url), (e: Error & { status?: number }) => e.status === 401);
    await assert.rejects(open(`${url}?token=bad`), (e: Error & { status?: number }) => e.status === 403);
    const ws = await open(`${url}?token=good`);
    ws.send('hi');
    const context = JSON.parse(await next(ws));
    assert.equal(context.authorizer.principalId, 'user-good');
    assert.equal(context.authorizer.role, 'member');
    assert.equal(context.eventType, 'MESSAGE');
    assert.equal(context.routeKey, '$default');
    const gone = closed(ws);
    ws.close(1000, 'bye');
    assert.equal(await gone, 1000);
  });

  it('runs $disconnect through an HTTP proxy integration, its context mapped to request parameters', async () => {
    // The $disconnect of the previous test's connection, or of this one.
    const ws = await open(`${url}?token=good`);
    const gone = closed(ws);
    ws.close(4000, 'leaving');
    await gone;
    while (!received.some((e) => e.code === '4000')) await new Promise((r) => setTimeout(r, 20));
    const e = received.find((x) => x.code === '4000');
    assert.equal(e.headers['x-event-type'], 'DISCONNECT');
    assert.equal(e.headers['x-route-key'], '$disconnect');
    assert.equal(e.headers['x-static'], 'fixed');
    assert.match(e.headers['x-connection-id'], /^[A-Za-z0-9=]{16}$/);
    assert.equal(e.reason, 'leaving');
    assert.equal(e.body, '');
  });

  it('closes a connection idle for 10 minutes (platform clock) and answers GoneException for it', async () => {
    const ws = await open(`${url}?token=good`);
    ws.send('who');
    const { connectionId } = JSON.parse(await next(ws));
    const gone = closed(ws);
    env.server.clock.advance(10 * 60 * 1000 + 1);
    assert.equal(await gone, 1001);
    await assert.rejects(management.send(new GetConnectionCommand({ ConnectionId: connectionId })), (e: Error) => e.name === 'GoneException');
  });

  it('closes a connection that sends a frame over 32 KB or a message over 128 KB with 1009', async () => {
    const ws = await open(`${url}?token=good`);
    // A 128 KB message in 32 KB frames is taken.
    const chunk = 'y'.repeat(32 * 1024);
    const parts = [chunk, chunk, chunk, chunk.slice(0, 32 * 1024 - 100)];
    parts.forEach((p, i) => ws.send(p, { fin: i === parts.length - 1 }));
    const context = JSON.parse(await next(ws));
    assert.equal(context.routeKey, '$default');
    const frame = closed(ws);
    ws.send('x'.repeat(32 * 1024 + 1));
    assert.equal(await frame, 1009);
    const big = await open(`${url}?token=good`);
    const gone = closed(big);
    parts.push('z'.repeat(200));
    parts.forEach((p, i) => big.send(p, { fin: i === parts.length - 1 }));
    assert.equal(await gone, 1009);
  });

  it('writes access logs of connections and messages', async () => {
    await env.v2.send(
      new UpdateStageCommand({
        ApiId: apiId,
        StageName: 'live',
        AccessLogSettings: { DestinationArn: 'arn:aws:logs:us-east-1:000000000000:log-group:ws-access', Format: '$context.eventType $context.routeKey $context.status $context.connectionId' },
      }),
    );
    // The data plane reads the stage again within a second (at once on this node).
    const ws = await open(`${url}?token=good`);
    ws.send('hello');
    const { connectionId } = JSON.parse(await next(ws));
    const cwl = new CloudWatchLogsClient(clientConfig(env.server.endpoint));
    let lines: string[] = [];
    for (let i = 0; i < 200 && lines.length < 2; i++) {
      const out = await cwl.send(new FilterLogEventsCommand({ logGroupName: 'ws-access' })).catch(() => ({ events: [] }));
      lines = (out.events ?? []).map((e) => e.message!);
      if (lines.length < 2) await new Promise((r) => setTimeout(r, 25));
    }
    cwl.destroy();
    assert.deepEqual(lines, [`CONNECT $connect 200 ${connectionId}`, `MESSAGE $default 200 ${connectionId}`]);
    ws.close();
  });
});
