/**
 * API Gateway REST API throughput: requests/s and p50/p99 through a deployed REST API (Lambda proxy
 * integration) to a hello-world Node function, at 10 and 50 connections, against serverless-offline
 * serving the same handler in the same run.
 *
 *   npm run build && node dist/bench/apigateway/bench.js [seconds] [--no-peer]
 *
 * Stratus runs as its own process (`stratus start --ephemeral`), as does serverless-offline, so the
 * load generator in this process does not share an event loop with either. serverless-offline
 * (serverless@3 + serverless-offline@13) is installed on demand into bench/apigateway/peer.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { APIGatewayClient, CreateDeploymentCommand, CreateRestApiCommand, CreateResourceCommand, PutIntegrationCommand, PutIntegrationResponseCommand, PutMethodCommand } from '@aws-sdk/client-api-gateway';
import { CreateFunctionCommand, LambdaClient, waitUntilFunctionActiveV2 } from '@aws-sdk/client-lambda';
import { createZip } from '../../src/runtime/zip.js';
import { spawnServer } from '../../test/helpers/server.js';
import { row, runLoad, type LoadResult } from '../lib/load.js';
import { ensurePeer, freePort } from '../lib/processes.js';

const args = process.argv.slice(2);
const seconds = Number(args.find((a) => /^\d+(\.\d+)?$/.test(a)) ?? 10);
/** --no-peer: measure Stratus only. */
const withPeer = !args.includes('--no-peer');
const here = dirname(fileURLToPath(import.meta.url));
const repo = resolve(here, '../../..');
const peerDir = join(repo, 'bench/apigateway/peer');
const HANDLER = `exports.handler = async () => ({ statusCode: 200, headers: { 'content-type': 'application/json' }, body: JSON.stringify({ message: 'hello world' }) });\n`;
const CONNECTIONS = [10, 50];

/** One row: a warm-up, then the measured run. */
async function one(name: string, endpoint: string, path: string, connections: number): Promise<LoadResult> {
  const request = () => ({ method: 'GET', path, headers: {} });
  await runLoad({ endpoint, connections, durationMs: 2000, request }); // warm-up: environments started, JIT warm
  const r = await runLoad({ endpoint, connections, durationMs: seconds * 1000, request });
  console.log(row(`${name} c=${connections}`, r));
  return r;
}

/** The Lambda pool's figures from the health page (environments, starting at once...). */
async function environments(endpoint: string): Promise<string> {
  try {
    const health = (await (await fetch(`${endpoint}/_stratus/health`)).json()) as { services?: { lambda?: { environments?: Record<string, number> } } };
    const e = health.services?.lambda?.environments;
    return e ? `${e.environments} (busy ${e.busy}, idle ${e.idle}, starting ${e.starting ?? '-'}, most starting at once ${e.peakStarting ?? '-'} of ${e.maxStarting ?? '-'})` : 'n/a';
  } catch {
    return 'n/a';
  }
}

interface Target {
  endpoint: string;
  stop(): Promise<unknown> | void;
}

async function stratus(): Promise<Target & { lambdaPath: string; mockPath: string }> {
  const server = await spawnServer(['--ephemeral']);
  try {
    const cfg = { endpoint: server.endpoint, region: 'us-east-1', credentials: { accessKeyId: 'test', secretAccessKey: 'test' } };
    const lambda = new LambdaClient(cfg);
    const gw = new APIGatewayClient(cfg);
    await lambda.send(
      new CreateFunctionCommand({
        FunctionName: 'hello',
        Runtime: 'nodejs20.x',
        Handler: 'index.handler',
        Role: 'arn:aws:iam::000000000000:role/bench',
        Code: { ZipFile: createZip({ 'index.js': HANDLER }) },
      }),
    );
    await waitUntilFunctionActiveV2({ client: lambda, maxWaitTime: 60, minDelay: 1 }, { FunctionName: 'hello' });
    const api = await gw.send(new CreateRestApiCommand({ name: 'bench' }));
    const res = await gw.send(new CreateResourceCommand({ restApiId: api.id, parentId: api.rootResourceId, pathPart: 'hello' }));
    await gw.send(new PutMethodCommand({ restApiId: api.id, resourceId: res.id, httpMethod: 'GET', authorizationType: 'NONE' }));
    await gw.send(
      new PutIntegrationCommand({
        restApiId: api.id,
        resourceId: res.id,
        httpMethod: 'GET',
        type: 'AWS_PROXY',
        integrationHttpMethod: 'POST',
        uri: 'arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:000000000000:function:hello/invocations',
      }),
    );
    // A MOCK method too: the gateway's own cost, without a function behind it.
    const mock = await gw.send(new CreateResourceCommand({ restApiId: api.id, parentId: api.rootResourceId, pathPart: 'mock' }));
    await gw.send(new PutMethodCommand({ restApiId: api.id, resourceId: mock.id, httpMethod: 'GET', authorizationType: 'NONE' }));
    await gw.send(new PutIntegrationCommand({ restApiId: api.id, resourceId: mock.id, httpMethod: 'GET', type: 'MOCK', requestTemplates: { 'application/json': '{"statusCode": 200}' } }));
    await gw.send(new PutIntegrationResponseCommand({ restApiId: api.id, resourceId: mock.id, httpMethod: 'GET', statusCode: '200', responseTemplates: { 'application/json': '{"message": "hello world"}' } }));
    await gw.send(new CreateDeploymentCommand({ restApiId: api.id, stageName: 'dev' }));
    lambda.destroy();
    gw.destroy();
    return { endpoint: server.endpoint, lambdaPath: `/restapis/${api.id}/dev/_user_request_/hello`, mockPath: `/restapis/${api.id}/dev/_user_request_/mock`, stop: () => server.stop() };
  } catch (e) {
    await server.stop();
    throw e;
  }
}

async function serverlessOffline(): Promise<Target | undefined> {
  const bin = ensurePeer(peerDir, 'node_modules/serverless/bin/serverless.js', 'serverless@3 + serverless-offline@13');
  if (!bin) return undefined;
  const dir = mkdtempSync(join(tmpdir(), 'stratus-sls-'));
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
      '  stage: dev',
      '  region: us-east-1',
      'plugins:',
      `  - ${join(peerDir, 'node_modules/serverless-offline')}`,
      'functions:',
      '  hello:',
      '    handler: handler.handler',
      '    events:',
      '      - http:',
      '          path: hello',
      '          method: get',
      '',
    ].join('\n'),
  );
  let child: ChildProcess | undefined;
  try {
    child = spawn(process.execPath, [bin, 'offline', 'start', '--httpPort', String(httpPort), '--lambdaPort', String(lambdaPort), '--noPrependStageInUrl'], {
      cwd: dir,
      env: { ...process.env, SLS_TELEMETRY_DISABLED: '1', SLS_NOTIFICATIONS_MODE: 'off', AWS_ACCESS_KEY_ID: 'test', AWS_SECRET_ACCESS_KEY: 'test' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let log = '';
    child.stdout!.on('data', (d: Buffer) => (log += d.toString()));
    child.stderr!.on('data', (d: Buffer) => (log += d.toString()));
    const ready = await new Promise<boolean>((ok) => {
      const timer = setTimeout(() => ok(false), 60_000);
      const check = () => {
        if (/Server ready/i.test(log)) {
          clearTimeout(timer);
          ok(true);
        }
      };
      child!.stdout!.on('data', check);
      child!.stderr!.on('data', check);
      child!.once('exit', () => {
        clearTimeout(timer);
        ok(false);
      });
    });
    if (!ready) {
      console.log(`serverless-offline did not start:\n${log.slice(-2000)}`);
      child.kill('SIGTERM');
      rmSync(dir, { recursive: true, force: true });
      return undefined;
    }
    const running = child;
    return {
      endpoint: `http://127.0.0.1:${httpPort}`,
      stop: () => {
        running.kill('SIGTERM');
        rmSync(dir, { recursive: true, force: true });
      },
    };
  } catch (e) {
    child?.kill('SIGTERM');
    rmSync(dir, { recursive: true, force: true });
    throw e;
  }
}

console.log(`API Gateway REST API -> hello-world Node function, ${seconds} s per row (after a 2 s warm-up), GET, keep-alive`);
const ours = await stratus();
const peer = withPeer ? await serverlessOffline() : undefined;
try {
  // Rows alternate between the two so that a busy machine affects both alike.
  for (const c of CONNECTIONS) {
    const a = await one('stratus REST API -> Lambda proxy', ours.endpoint, ours.lambdaPath, c);
    console.log(`  lambda environments after this row: ${await environments(ours.endpoint)}`);
    if (peer) {
      const b = await one('serverless-offline (same handler)', peer.endpoint, '/hello', c);
      console.log(`c=${c}: stratus / serverless-offline = ${(a.rps / b.rps).toFixed(2)}x req/s`);
    }
    const mock = await one('stratus REST API -> MOCK (no function)', ours.endpoint, ours.mockPath, c);
    if (mock.errorsBy['429']) console.log("  (429: past API Gateway's default account throttle of 10,000 req/s with a 5,000 burst, as on AWS)");
  }
} finally {
  await ours.stop();
  await peer?.stop();
}
process.exit(0);
