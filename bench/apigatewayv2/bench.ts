/**
 * API Gateway v2 figures: HTTP API -> Lambda (payload 2.0) requests/s and p50/p99 at 10 and 50
 * connections, against serverless-offline's `httpApi` events serving the same handler in the same
 * run; then a WebSocket API whose $default route echoes through a function: round trip p50/p99,
 * and messages/s with 1,000 clients connected (50 of them sending), with the server's RSS.
 *
 *   npm run build && node dist/bench/apigatewayv2/bench.js [seconds] [--no-peer] [--clients N]
 *
 * Stratus runs as its own process (`stratus start --ephemeral`), as does serverless-offline, which
 * is the one the REST API bench installs on demand into bench/apigateway/peer (serverless@3 +
 * serverless-offline@13).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { WebSocket } from 'ws';
import { ApiGatewayV2Client, CreateApiCommand, CreateIntegrationCommand, CreateRouteCommand, CreateRouteResponseCommand, CreateStageCommand } from '@aws-sdk/client-apigatewayv2';
import { CreateFunctionCommand, LambdaClient, waitUntilFunctionActiveV2 } from '@aws-sdk/client-lambda';
import { createZip } from '../../src/runtime/zip.js';
import { spawnServer, type SpawnedServer } from '../../test/helpers/server.js';
import { row, runLoad, type LoadResult } from '../lib/load.js';
import { ensurePeer, freePort } from '../lib/processes.js';

const args = process.argv.slice(2);
const seconds = Number(args.find((a) => /^\d+(\.\d+)?$/.test(a)) ?? 10);
const withPeer = !args.includes('--no-peer');
const clientsArg = args.indexOf('--clients');
const CLIENTS = clientsArg >= 0 ? Number(args[clientsArg + 1]) : 1000;
const SENDERS = Math.min(50, CLIENTS);
const here = dirname(fileURLToPath(import.meta.url));
const repo = resolve(here, '../../..');
const peerDir = join(repo, 'bench/apigateway/peer');
const HANDLER = `exports.handler = async () => ({ statusCode: 200, headers: { 'content-type': 'application/json' }, body: JSON.stringify({ message: 'hello world' }) });\n`;
const ECHO = `exports.handler = async (event) => ({ statusCode: 200, body: event.body });\n`;
const CONNECTIONS = [10, 50];

async function one(name: string, endpoint: string, path: string, connections: number): Promise<LoadResult> {
  const request = () => ({ method: 'GET', path, headers: {} });
  await runLoad({ endpoint, connections, durationMs: 2000, request });
  const r = await runLoad({ endpoint, connections, durationMs: seconds * 1000, request });
  console.log(row(`${name} c=${connections}`, r));
  return r;
}

function rssMb(pid: number | undefined): string {
  try {
    const kb = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1]);
    return `${(kb / 1024).toFixed(0)} MB`;
  } catch {
    return 'n/a';
  }
}

async function stratus(): Promise<{ server: SpawnedServer; httpPath: string; wsUrl: string }> {
  const server = await spawnServer(['--ephemeral']);
  const cfg = { endpoint: server.endpoint, region: 'us-east-1', credentials: { accessKeyId: 'test', secretAccessKey: 'test' } };
  const lambda = new LambdaClient(cfg);
  const v2 = new ApiGatewayV2Client(cfg);
  try {
    for (const [name, code] of [
      ['hello', HANDLER],
      ['echo', ECHO],
    ] as const) {
      await lambda.send(
        new CreateFunctionCommand({ FunctionName: name, Runtime: 'nodejs20.x', Handler: 'index.handler', Role: 'arn:aws:iam::000000000000:role/bench', Code: { ZipFile: createZip({ 'index.js': code }) } }),
      );
      await waitUntilFunctionActiveV2({ client: lambda, maxWaitTime: 60, minDelay: 1 }, { FunctionName: name });
    }
    const http = await v2.send(new CreateApiCommand({ Name: 'bench', ProtocolType: 'HTTP', Target: 'arn:aws:lambda:us-east-1:000000000000:function:hello', RouteKey: 'GET /hello' }));
    const ws = await v2.send(new CreateApiCommand({ Name: 'echo', ProtocolType: 'WEBSOCKET', RouteSelectionExpression: '$request.body.action' }));
    const i = await v2.send(new CreateIntegrationCommand({ ApiId: ws.ApiId, IntegrationType: 'AWS_PROXY', IntegrationUri: 'arn:aws:lambda:us-east-1:000000000000:function:echo' }));
    const route = await v2.send(new CreateRouteCommand({ ApiId: ws.ApiId, RouteKey: '$default', Target: `integrations/${i.IntegrationId}`, RouteResponseSelectionExpression: '$default' }));
    await v2.send(new CreateRouteResponseCommand({ ApiId: ws.ApiId, RouteId: route.RouteId, RouteResponseKey: '$default' }));
    await v2.send(new CreateStageCommand({ ApiId: ws.ApiId, StageName: 'bench', AutoDeploy: true }));
    return { server, httpPath: `/_aws/execute-api/${http.ApiId}/hello`, wsUrl: `${server.endpoint.replace('http:', 'ws:')}/_aws/execute-api/${ws.ApiId}/bench` };
  } catch (e) {
    await server.stop();
    throw e;
  } finally {
    lambda.destroy();
    v2.destroy();
  }
}

async function serverlessOffline(): Promise<{ endpoint: string; stop(): void } | undefined> {
  const bin = ensurePeer(peerDir, 'node_modules/serverless/bin/serverless.js', 'serverless@3 + serverless-offline@13');
  if (!bin) return undefined;
  const dir = mkdtempSync(join(tmpdir(), 'stratus-sls-v2-'));
  const httpPort = await freePort();
  const lambdaPort = await freePort();
  writeFileSync(join(dir, 'handler.js'), HANDLER);
  writeFileSync(
    join(dir, 'serverless.yml'),
    [
      'service: bench',
      'frameworkVersion: "3"',
      'provider:',
      '  name: aws',
      '  runtime: nodejs20.x',
      '  region: us-east-1',
      'plugins:',
      `  - ${join(peerDir, 'node_modules/serverless-offline')}`,
      'functions:',
      '  hello:',
      '    handler: handler.handler',
      '    events:',
      '      - httpApi:',
      '          path: /hello',
      '          method: get',
      '',
    ].join('\n'),
  );
  const child: ChildProcess = spawn(process.execPath, [bin, 'offline', 'start', '--httpPort', String(httpPort), '--lambdaPort', String(lambdaPort)], {
    cwd: dir,
    env: { ...process.env, SLS_TELEMETRY_DISABLED: '1', SLS_NOTIFICATIONS_MODE: 'off', AWS_ACCESS_KEY_ID: 'test', AWS_SECRET_ACCESS_KEY: 'test' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  const ready = await new Promise<boolean>((ok) => {
    const timer = setTimeout(() => ok(false), 60_000);
    const check = (d: Buffer) => {
      log += d.toString();
      if (/Server ready/i.test(log)) {
        clearTimeout(timer);
        ok(true);
      }
    };
    child.stdout!.on('data', check);
    child.stderr!.on('data', check);
    child.once('exit', () => {
      clearTimeout(timer);
      ok(false);
    });
  });
  const stop = () => {
    child.kill('SIGTERM');
    rmSync(dir, { recursive: true, force: true });
  };
  if (!ready) {
    console.log(`serverless-offline did not start:\n${log.slice(-2000)}`);
    stop();
    return undefined;
  }
  return { endpoint: `http://127.0.0.1:${httpPort}`, stop };
}

function open(url: string): Promise<WebSocket> {
  const ws = new WebSocket(url);
  return new Promise((ok, fail) => {
    ws.once('open', () => ok(ws));
    ws.once('error', fail);
  });
}

function echo(ws: WebSocket, body: string): Promise<number> {
  const start = process.hrtime.bigint();
  return new Promise((ok) => {
    ws.once('message', () => ok(Number(process.hrtime.bigint() - start) / 1e6));
    ws.send(body);
  });
}

const pct = (sorted: number[], p: number): number => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? NaN;

async function websocketFigures(url: string, pid: number | undefined): Promise<void> {
  const clients: WebSocket[] = [];
  for (let i = 0; i < CLIENTS; i += 50) clients.push(...(await Promise.all(Array.from({ length: Math.min(50, CLIENTS - i) }, () => open(url)))));
  console.log(`websocket: ${clients.length} clients connected, server RSS ${rssMb(pid)}`);
  const first = clients[0]!;
  for (let i = 0; i < 50; i++) await echo(first, `warm ${i}`);
  const rtts: number[] = [];
  for (let i = 0; i < 500; i++) rtts.push(await echo(first, `{"n":${i}}`));
  rtts.sort((a, b) => a - b);
  console.log(`websocket echo through a function, one client: p50 ${pct(rtts, 0.5).toFixed(2)} ms, p99 ${pct(rtts, 0.99).toFixed(2)} ms`);
  let count = 0;
  const end = Date.now() + seconds * 1000;
  await Promise.all(
    clients.slice(0, SENDERS).map(async (ws, k) => {
      while (Date.now() < end) {
        await echo(ws, `{"k":${k}}`);
        count++;
      }
    }),
  );
  console.log(`websocket echo, ${SENDERS} of ${clients.length} clients sending: ${(count / seconds).toFixed(0)} messages/s, server RSS ${rssMb(pid)}`);
  for (const ws of clients) ws.terminate();
}

console.log(`API Gateway v2: HTTP API -> hello-world Node function, ${seconds} s per row (after a 2 s warm-up), GET, keep-alive`);
const ours = await stratus();
const peer = withPeer ? await serverlessOffline() : undefined;
try {
  for (const c of CONNECTIONS) {
    const a = await one('stratus HTTP API -> Lambda (2.0)', ours.server.endpoint, ours.httpPath, c);
    if (peer) {
      const b = await one('serverless-offline httpApi (same handler)', peer.endpoint, '/hello', c);
      console.log(`c=${c}: stratus / serverless-offline = ${(a.rps / b.rps).toFixed(2)}x req/s`);
    }
  }
  console.log(`server RSS after the HTTP rows: ${rssMb(ours.server.process.pid)}`);
  await websocketFigures(ours.wsUrl, ours.server.process.pid);
} finally {
  await ours.server.stop();
  peer?.stop();
}
process.exit(0);
