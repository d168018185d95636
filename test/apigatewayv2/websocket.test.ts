import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { WebSocket } from 'ws';
import {
  CreateApiCommand,
  CreateApiMappingCommand,
  CreateDomainNameCommand,
  CreateIntegrationCommand,
  CreateRouteCommand,
  CreateRouteResponseCommand,
  CreateStageCommand,
  CreateRouteCommandInput,
} from '@aws-sdk/client-apigatewayv2';
import {
  ApiGatewayManagementApiClient,
  DeleteConnectionCommand,
  GetConnectionCommand,
  GoneException,
  PostToConnectionCommand,
} from '@aws-sdk/client-apigatewaymanagementapi';
import { clientConfig } from '../helpers/server.js';
import { createFunction } from '../lambda/helpers.js';
import { fnArn, startEnv, type Env } from './helpers.js';

const CONNECT = `exports.handler = async (event) => {
  if (event.queryStringParameters && event.queryStringParameters.deny) return { statusCode: 403 };
  return { statusCode: 200 };
};`;

/** The chat room: whoami answers the caller (a two-way route); send posts to others through the @connections API, as AWS's example does. */
const CHAT = `
const { ApiGatewayManagementApiClient, PostToConnectionCommand } = require('@aws-sdk/client-apigatewaymanagementapi');
exports.handler = async (event) => {
  const { routeKey, connectionId, domainName, stage, eventType } = event.requestContext;
  if (routeKey === 'whoami') return { statusCode: 200, body: JSON.stringify({ connectionId, eventType, routeKey }) };
  if (routeKey === '$default') return { statusCode: 200, body: 'echo:' + event.body };
  const msg = JSON.parse(event.body);
  const client = new ApiGatewayManagementApiClient({ endpoint: 'https://' + domainName + '/' + stage });
  const gone = [];
  for (const to of msg.to) {
    try {
      await client.send(new PostToConnectionCommand({ ConnectionId: to, Data: Buffer.from(msg.text) }));
    } catch (e) {
      if (e.name === 'GoneException') gone.push(to); else throw e;
    }
  }
  return { statusCode: 200, body: JSON.stringify({ gone }) };
};`;

class Client {
  readonly messages: string[] = [];
  private waiters: ((m: string) => void)[] = [];
  constructor(readonly ws: WebSocket) {
    ws.on('message', (data) => {
      const text = data.toString();
      const w = this.waiters.shift();
      if (w) w(text);
      else this.messages.push(text);
    });
  }
  static open(url: string, headers?: Record<string, string>): Promise<Client> {
    const ws = new WebSocket(url, { headers });
    const c = new Client(ws);
    return new Promise((resolve, reject) => {
      ws.once('open', () => resolve(c));
      ws.once('unexpected-response', (_req, res) => reject(Object.assign(new Error(`refused ${res.statusCode}`), { status: res.statusCode })));
      ws.once('error', reject);
    });
  }
  next(): Promise<string> {
    const m = this.messages.shift();
    if (m !== undefined) return Promise.resolve(m);
    return new Promise((resolve) => this.waiters.push(resolve));
  }
  async ask(body: unknown): Promise<string> {
    this.ws.send(typeof body === 'string' ? body : JSON.stringify(body));
    return this.next();
  }
  close(): Promise<void> {
    return new Promise((resolve) => {
      this.ws.once('close', () => resolve());
      this.ws.close();
    });
  }
}

describe('apigatewayv2 WebSocket APIs', () => {
  let env: Env;
  let api: string;
  let url: string;
  let management: ApiGatewayManagementApiClient;
  before(async () => {
    env = await startEnv();
    await createFunction(env.lambda, 'ws-connect', { 'index.js': CONNECT });
    await createFunction(env.lambda, 'ws-chat', { 'index.js': CHAT }, { Timeout: 10 });
    api = (await env.v2.send(new CreateApiCommand({ Name: 'chat', ProtocolType: 'WEBSOCKET', RouteSelectionExpression: '$request.body.action' }))).ApiId!;
    const connect = await env.v2.send(new CreateIntegrationCommand({ ApiId: api, IntegrationType: 'AWS_PROXY', IntegrationUri: fnArn('ws-connect') }));
    const chat = await env.v2.send(new CreateIntegrationCommand({ ApiId: api, IntegrationType: 'AWS_PROXY', IntegrationUri: fnArn('ws-chat') }));
    const route = async (RouteKey: string, integrationId: string, extra: Partial<CreateRouteCommandInput> = {}) => {
      const r = await env.v2.send(new CreateRouteCommand({ ApiId: api, RouteKey, Target: `integrations/${integrationId}`, ...extra }));
      if (extra.RouteResponseSelectionExpression) await env.v2.send(new CreateRouteResponseCommand({ ApiId: api, RouteId: r.RouteId, RouteResponseKey: '$default' }));
    };
    await route('$connect', connect.IntegrationId!);
    await route('whoami', chat.IntegrationId!, { RouteResponseSelectionExpression: '$default' });
    await route('send', chat.IntegrationId!, { RouteResponseSelectionExpression: '$default' });
    await route('$default', chat.IntegrationId!, { RouteResponseSelectionExpression: '$default' });
    await env.v2.send(new CreateStageCommand({ ApiId: api, StageName: 'prod', AutoDeploy: true }));
    url = `ws://127.0.0.1:${env.port}/_aws/execute-api/${api}/prod`;
    management = new ApiGatewayManagementApiClient(clientConfig(`${env.server.endpoint}/_aws/execute-api/${api}/prod`));
  });
  after(async () => {
    management.destroy();
    await env.stop();
  });

  it('runs a chat room: messages reach the others through PostToConnection from a function; a dropped client is GoneException', async () => {
    const [a, b, c] = await Promise.all([Client.open(url), Client.open(url), Client.open(url)]);
    const ids: string[] = [];
    for (const client of [a, b, c]) {
      const me = JSON.parse(await client.ask({ action: 'whoami' }));
      assert.equal(me.eventType, 'MESSAGE');
      assert.equal(me.routeKey, 'whoami');
      ids.push(me.connectionId);
    }
    assert.equal(new Set(ids).size, 3);
    const sent = JSON.parse(await a.ask({ action: 'send', to: [ids[1], ids[2]], text: 'hello room' }));
    assert.deepEqual(sent, { gone: [] });
    assert.equal(await b.next(), 'hello room');
    assert.equal(await c.next(), 'hello room');
    await c.close();
    const after = JSON.parse(await a.ask({ action: 'send', to: [ids[1], ids[2]], text: 'still there?' }));
    assert.deepEqual(after, { gone: [ids[2]] });
    assert.equal(await b.next(), 'still there?');
    await Promise.all([a.close(), b.close()]);
  });

  it('routes unknown actions and non-JSON messages to $default', async () => {
    const a = await Client.open(url);
    assert.equal(await a.ask({ action: 'nope' }), 'echo:{"action":"nope"}');
    assert.equal(await a.ask('plain text'), 'echo:plain text');
    await a.close();
  });

  it('connects through a custom domain mapped to the stage', async () => {
    await env.v2.send(new CreateDomainNameCommand({ DomainName: 'ws.example.com' }));
    await env.v2.send(new CreateApiMappingCommand({ DomainName: 'ws.example.com', ApiId: api, Stage: 'prod', ApiMappingKey: 'chat' }));
    const a = await Client.open(`ws://127.0.0.1:${env.port}/chat`, { host: 'ws.example.com' });
    assert.equal(JSON.parse(await a.ask({ action: 'whoami' })).routeKey, 'whoami');
    await a.close();
    await assert.rejects(Client.open(`ws://127.0.0.1:${env.port}/other`, { host: 'ws.example.com' }), (e: Error & { status?: number }) => e.status === 404);
  });

  it('a $connect that answers non-2xx refuses the handshake with its status', async () => {
    await assert.rejects(Client.open(`${url}?deny=1`), (e: Error & { status?: number }) => e.status === 403);
  });

  it('serves the @connections API: PostToConnection, GetConnection, DeleteConnection, and GoneException once closed', async () => {
    const a = await Client.open(url);
    const { connectionId } = JSON.parse(await a.ask({ action: 'whoami' }));
    await management.send(new PostToConnectionCommand({ ConnectionId: connectionId, Data: Buffer.from('from outside') }));
    assert.equal(await a.next(), 'from outside');
    await assert.rejects(management.send(new PostToConnectionCommand({ ConnectionId: connectionId, Data: Buffer.alloc(128 * 1024 + 1, 'a') })), (e: Error) => {
      assert.equal(e.name, 'PayloadTooLargeException');
      assert.equal((e as GoneException).$metadata.httpStatusCode, 413);
      return true;
    });
    const info = await management.send(new GetConnectionCommand({ ConnectionId: connectionId }));
    assert.ok(info.ConnectedAt instanceof Date);
    assert.ok(info.LastActiveAt instanceof Date);
    assert.equal(info.Identity?.SourceIp, '127.0.0.1');
    const closed = new Promise<number>((resolve) => a.ws.once('close', (code) => resolve(code)));
    await management.send(new DeleteConnectionCommand({ ConnectionId: connectionId }));
    assert.equal(await closed, 1000);
    await assert.rejects(management.send(new PostToConnectionCommand({ ConnectionId: connectionId, Data: Buffer.from('x') })), (e: Error) => {
      assert.ok(e instanceof GoneException, e.name);
      assert.equal((e as GoneException).$metadata.httpStatusCode, 410);
      return true;
    });
    await assert.rejects(management.send(new GetConnectionCommand({ ConnectionId: 'nope' })), (e: Error) => e.name === 'GoneException');
    const unsigned = await fetch(`${env.server.endpoint}/_aws/execute-api/${api}/prod/@connections/${encodeURIComponent(connectionId)}`);
    assert.equal(unsigned.status, 403);
  });

  it('refuses WebSocket upgrades to HTTP APIs and unknown stages', async () => {
    await assert.rejects(Client.open(`ws://127.0.0.1:${env.port}/_aws/execute-api/${api}/nostage`), (e: Error & { status?: number }) => e.status === 403);
  });
});
