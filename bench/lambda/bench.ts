/**
 * Lambda benchmark: warm sync invoke throughput and latency at 1, 10 and 50 concurrent clients
 * (raw keep-alive sockets, the shared generator in bench/lib/load.ts), cold start of a Node and a Python function, RSS (server plus environments) after 200
 * functions were invoked once and left idle, then after the idle environments were reaped.
 * serverless-offline's invoke endpoint is measured in the same run when it is installed
 * (SLS_DIR=<dir with node_modules/serverless and serverless-offline>, default /tmp/sls-bench).
 *
 * Also looked for: /tmp/sls-bench, then bench/apigateway/peer (installed by the API Gateway bench).
 *
 *   npx tsc -p tsconfig.json && node dist/bench/lambda/bench.js [--quick] [--warm-only]
 *
 * --warm-only: the warm-invoke rows only (no cold starts, no RSS). MAX_STARTING=<n> sets
 * services.lambda.maxStartingEnvironments of the Stratus process.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createZip } from '../../src/runtime/zip.js';
import { runLoad } from '../lib/load.js';

const here = dirname(fileURLToPath(import.meta.url));
const quick = process.argv.includes('--quick');
const warmOnly = process.argv.includes('--warm-only');
const DURATION_MS = quick ? 2000 : 5000;
const FUNCTIONS_FOR_RSS = quick ? 40 : 200;
/** Concurrent clients of the warm-invoke rows (50: a burst beyond the CPU count, see docs/services/lambda.md). */
const CLIENTS = [1, 10, 50];

interface Server {
  endpoint: string;
  child: ChildProcess;
  stop(): Promise<void>;
}

async function startProcess(cmd: string, args: string[], ready: RegExp, options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): Promise<{ child: ChildProcess; match: RegExpExecArray }> {
  const child = spawn(cmd, args, { cwd: options.cwd, env: { ...process.env, ...options.env }, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  let out = '';
  const match = await new Promise<RegExpExecArray>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${cmd} did not start:\n${out}`)), 120_000);
    const on = (d: Buffer): void => {
      out += d.toString();
      const m = ready.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m);
      }
    };
    child.stdout!.on('data', on);
    child.stderr!.on('data', on);
    child.once('exit', () => reject(new Error(`${cmd} exited:\n${out}`)));
  });
  return { child, match };
}

function stopProcess(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.once('exit', () => resolve());
    try {
      process.kill(-child.pid!, 'SIGTERM');
    } catch {
      child.kill('SIGTERM');
    }
    setTimeout(() => {
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        /* gone */
      }
    }, 5000).unref();
  });
}

async function startStratus(): Promise<Server> {
  const { child, match } = await startProcess(process.execPath, [join(here, 'server.js')], /ready at (http:\/\/\S+)/, { env: { IDLE_SECONDS: '300', MAX_IDLE: '32' } });
  return { endpoint: match[1]!, child, stop: () => stopProcess(child) };
}

const agent = new Agent({ keepAlive: true, maxSockets: 64 });

async function call(endpoint: string, method: string, path: string, body?: string | Buffer, headers: Record<string, string> = {}): Promise<{ status: number; headers: Record<string, unknown>; body: Buffer }> {
  try {
    return await callOnce(endpoint, method, path, body, headers);
  } catch (e) {
    // A keep-alive socket the server closed as it was reused: once more on a new one.
    if ((e as NodeJS.ErrnoException).code !== 'ECONNRESET') throw e;
    return callOnce(endpoint, method, path, body, headers);
  }
}

function callOnce(endpoint: string, method: string, path: string, body?: string | Buffer, headers: Record<string, string> = {}): Promise<{ status: number; headers: Record<string, unknown>; body: Buffer }> {
  const url = new URL(endpoint);
  return new Promise((resolve, reject) => {
    const req = request({ host: url.hostname, port: url.port, method, path, agent, headers: { 'content-type': 'application/json', ...headers } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

async function createFunction(endpoint: string, name: string, runtime: string, handler: string, files: Record<string, string>, memory = 128, variables?: Record<string, string>): Promise<void> {
  const body = JSON.stringify({ FunctionName: name, Runtime: runtime, Handler: handler, Role: 'arn:aws:iam::000000000000:role/bench', MemorySize: memory, Code: { ZipFile: createZip(files).toString('base64') }, Environment: variables ? { Variables: variables } : undefined });
  const res = await call(endpoint, 'POST', '/2015-03-31/functions', body);
  if (res.status !== 201) throw new Error(`CreateFunction ${name}: ${res.status} ${res.body.toString()}`);
}

function invokePath(name: string): string {
  return `/2015-03-31/functions/${name}/invocations`;
}

interface WarmResult {
  clients: number;
  requests: number;
  errors: number;
  rps: number;
  p50: number;
  p99: number;
}

/** Warm invokes with the shared closed-loop generator (raw keep-alive sockets), after a 1 s warm-up. */
async function load(endpoint: string, path: string, clients: number, durationMs: number): Promise<WarmResult> {
  const request = () => ({ method: 'POST', path, headers: { 'content-type': 'application/json' }, body: '{"hello":"world"}' });
  // Warm-up (environments started, JIT): a second of load that is not counted.
  await runLoad({ endpoint, connections: clients, durationMs: 1000, request });
  const r = await runLoad({ endpoint, connections: clients, durationMs, request });
  return { clients, requests: r.requests, errors: r.errors, rps: Math.round(r.rps), p50: r.p50ms, p99: r.p99ms };
}

function rssKb(pid: number): number {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) : 0;
  } catch {
    return 0;
  }
}

async function environmentsRssKb(endpoint: string): Promise<{ environments: number; spares: number; rssKb: number }> {
  const res = await call(endpoint, 'GET', '/_stratus/health');
  const health = JSON.parse(res.body.toString()) as { services: { lambda: { environments: { environments: number; spares: number; rssKb: number } } } };
  return health.services.lambda.environments;
}

async function coldStarts(endpoint: string, runtime: string, handler: string, files: Record<string, string>, n: number, memory = 128, label = 'spare', variables?: Record<string, string>): Promise<{ init: number; firstInvoke: number }> {
  const inits: number[] = [];
  const firsts: number[] = [];
  for (let i = 0; i < n; i++) {
    const name = `cold-${label}-${runtime.replace(/\W/g, '')}-${memory}-${i}`;
    await createFunction(endpoint, name, runtime, handler, files, memory, variables);
    // Let the pre-started process for the next cold start come up (as between real deploys).
    await new Promise((r) => setTimeout(r, 300));
    const t = performance.now();
    const res = await call(endpoint, 'POST', invokePath(name), '{}', { 'x-amz-log-type': 'Tail' });
    firsts.push(performance.now() - t);
    const log = Buffer.from(String(res.headers['x-amz-log-result'] ?? ''), 'base64').toString();
    const m = /Init Duration: ([\d.]+) ms/.exec(log);
    if (m) inits.push(Number(m[1]));
  }
  const median = (a: number[]): number => [...a].sort((x, y) => x - y)[Math.floor(a.length / 2)] ?? NaN;
  return { init: median(inits), firstInvoke: median(firsts) };
}

async function slsOffline(): Promise<{ endpoint: string; stop(): Promise<void> } | undefined> {
  // SLS_DIR, else /tmp/sls-bench, else the peer the API Gateway bench installs.
  const dir = process.env.SLS_DIR ?? [join('/tmp', 'sls-bench'), join(here, '../../../bench/apigateway/peer')].find((d) => existsSync(join(d, 'node_modules', 'serverless-offline'))) ?? '/tmp/sls-bench';
  const bin = join(dir, 'node_modules', '.bin', 'serverless');
  if (!existsSync(bin) || !existsSync(join(dir, 'node_modules', 'serverless-offline'))) return undefined;
  const svc = mkdtempSync(join(tmpdir(), 'sls-svc-'));
  writeFileSync(join(svc, 'handler.js'), 'module.exports.hello = async (event) => event;\n');
  writeFileSync(
    join(svc, 'serverless.yml'),
    ['service: bench', 'frameworkVersion: "3"', 'provider:', '  name: aws', '  runtime: nodejs20.x', 'plugins:', '  - serverless-offline', 'functions:', '  hello:', '    handler: handler.hello', ''].join('\n'),
  );
  const lambdaPort = 30000 + Math.floor(Math.random() * 20000);
  const { child } = await startProcess(bin, ['offline', 'start', '--lambdaPort', String(lambdaPort), '--httpPort', String(lambdaPort + 1), '--noPrependStageInUrl'], /Offline \[http for lambda\] listening|listening on http/i, {
    cwd: svc,
    env: { NODE_PATH: join(dir, 'node_modules'), SLS_TELEMETRY_DISABLED: '1', SLS_NOTIFICATIONS_MODE: 'off', AWS_ACCESS_KEY_ID: 'x', AWS_SECRET_ACCESS_KEY: 'x' },
  });
  return {
    endpoint: `http://127.0.0.1:${lambdaPort}`,
    stop: async () => {
      await stopProcess(child);
      rmSync(svc, { recursive: true, force: true });
    },
  };
}

async function main(): Promise<void> {
  const results: Record<string, unknown> = { node: process.version, cpus: (await import('node:os')).cpus().length, loadAverage: (await import('node:os')).loadavg() };
  const sls = await slsOffline().catch((e: unknown) => {
    console.log('serverless-offline could not start:', (e as Error).message.slice(0, 500));
    return undefined;
  });
  const stratus = await startStratus();
  try {
    await createFunction(stratus.endpoint, 'echo', 'nodejs20.x', 'index.handler', { 'index.js': 'exports.handler = async (e) => e;' });
    const slsPath = invokePath('bench-dev-hello');
    if (sls) {
      const probe = await call(sls.endpoint, 'POST', slsPath, '{}');
      if (probe.status !== 200) throw new Error(`serverless-offline invoke answered ${probe.status}: ${probe.body.toString().slice(0, 300)}`);
    }
    // Interleaved, so both see the same machine load.
    const stratusWarm: WarmResult[] = [];
    const slsWarm: WarmResult[] = [];
    const line = (name: string, r: WarmResult): string =>
      `${name.padEnd(32)} ${String(r.rps).padStart(6)} req/s   p50 ${r.p50.toFixed(2).padStart(6)} ms   p99 ${r.p99.toFixed(2).padStart(6)} ms${r.errors ? `   errors ${r.errors}` : ''}`;
    for (const clients of CLIENTS) {
      const ours = await load(stratus.endpoint, invokePath('echo'), clients, DURATION_MS);
      stratusWarm.push(ours);
      console.log(line(`stratus warm invoke c=${clients}`, ours));
      if (sls) {
        try {
          const theirs = await load(sls.endpoint, slsPath, clients, DURATION_MS);
          slsWarm.push(theirs);
          console.log(line(`serverless-offline c=${clients}`, theirs));
          console.log(`c=${clients}: stratus / serverless-offline = ${(ours.rps / theirs.rps).toFixed(2)}x req/s`);
        } catch (e) {
          console.log(`serverless-offline failed at ${clients} clients: ${(e as Error).message}`);
        }
      }
    }
    results.stratusWarm = stratusWarm;
    results.serverlessOffline = sls ? slsWarm : 'not installed (SLS_DIR)';
    if (sls) await sls.stop();
    if (warmOnly) {
      console.log(JSON.stringify(results, null, 2));
      agent.destroy();
      return;
    }

    // With a process boot: variables read at process start (NODE_OPTIONS, PYTHONOPTIMIZE) rule out a pre-started process.
    const nodeBoot = await coldStarts(stratus.endpoint, 'nodejs20.x', 'index.handler', { 'index.js': 'exports.handler = async () => 1;' }, 3, 128, 'boot', { NODE_OPTIONS: '--no-warnings' });
    const pythonBoot = await coldStarts(stratus.endpoint, 'python3.12', 'app.handler', { 'app.py': 'def handler(e, c):\n    return 1\n' }, 3, 128, 'boot', { PYTHONOPTIMIZE: '0' });
    // New functions invoked after they were created, served by pre-started runtime processes.
    const node = await coldStarts(stratus.endpoint, 'nodejs20.x', 'index.handler', { 'index.js': 'exports.handler = async () => 1;' }, 5);
    const python = await coldStarts(stratus.endpoint, 'python3.12', 'app.handler', { 'app.py': 'def handler(e, c):\n    return 1\n' }, 5);
    results.coldStart = { node, python, nodeProcessBoot: nodeBoot, pythonProcessBoot: pythonBoot };
    console.log('cold start (median of 5): node', node, 'python', python, 'with a process boot: node', nodeBoot, 'python', pythonBoot);

    for (let i = 0; i < FUNCTIONS_FOR_RSS; i++) {
      const name = `many-${i}`;
      await createFunction(stratus.endpoint, name, 'nodejs20.x', 'index.handler', { 'index.js': `exports.handler = async () => ${i};` });
      const res = await call(stratus.endpoint, 'POST', invokePath(name), '{}');
      if (res.status !== 200) throw new Error(`invoke ${name}: ${res.status}`);
    }
    const idle = await environmentsRssKb(stratus.endpoint);
    const serverIdle = rssKb(stratus.child.pid!);
    console.log(`after ${FUNCTIONS_FOR_RSS} functions invoked once: server ${Math.round(serverIdle / 1024)} MB + ${idle.environments} idle environments ${Math.round(idle.rssKb / 1024)} MB`);
    // Idle environments are reaped after the idle timeout on the platform clock: move it forward.
    await call(stratus.endpoint, 'POST', '/_stratus/clock', JSON.stringify({ advanceSeconds: 301 }));
    let after = await environmentsRssKb(stratus.endpoint);
    for (let i = 0; i < 100 && (after.environments > 0 || after.spares > 0); i++) {
      await new Promise((r) => setTimeout(r, 50));
      after = await environmentsRssKb(stratus.endpoint);
    }
    const serverAfter = rssKb(stratus.child.pid!);
    results.rss = {
      functions: FUNCTIONS_FOR_RSS,
      idle: { serverMb: Math.round(serverIdle / 1024), environments: idle.environments, spares: idle.spares, environmentsMb: Math.round(idle.rssKb / 1024) },
      reaped: { serverMb: Math.round(serverAfter / 1024), environments: after.environments, spares: after.spares, environmentsMb: Math.round(after.rssKb / 1024), totalMb: Math.round((serverAfter + after.rssKb) / 1024) },
    };
  } finally {
    await stratus.stop();
    if (sls) await sls.stop().catch(() => undefined);
  }
  console.log(JSON.stringify(results, null, 2));
  agent.destroy();
}

await main();
