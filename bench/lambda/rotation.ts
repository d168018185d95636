/**
 * Many functions staying warm: an application of N functions (default 50) invoked in rotation,
 * one client, each invocation waiting for the previous one, as a test suite or a local API walks
 * its routes. Prints, per setting compared: single-function warm invoke p50/p99 (closed loop, one
 * keep-alive connection), then the rotation's p50/p99 for Node and for Python functions and how
 * many of its invocations were cold starts (Init Duration in the REPORT line of the tail log),
 * and the p50 of the first pass (each function's first invocation, cold starts back to back).
 *
 * The two settings run in alternating rounds (A B A B ...), each in a fresh server process, so
 * both see the same machine load:
 *   A: the previous defaults, `maxIdleEnvironments: 32` (a fixed count) and one pre-started
 *      process per kind (`maxSparesPerKind: 1`)
 *   B: the defaults (idle environments bounded by memory, up to 3 pre-started processes per kind)
 *
 *   npm run bench:lambda:rotation [-- --functions 50 --rounds 2 --passes 6]
 *
 * SETTINGS_A / SETTINGS_B (JSON for `services.lambda`) replace the two settings compared;
 * SERVER_A / SERVER_B run that side on another build (its dist/bench/lambda/server.js).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { Agent, request } from 'node:http';
import { cpus, loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createZip } from '../../src/runtime/zip.js';
import { runLoad } from '../lib/load.js';

const here = dirname(fileURLToPath(import.meta.url));
const arg = (name: string, fallback: number): number => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const FUNCTIONS = arg('functions', 50);
const ROUNDS = arg('rounds', 2);
/** Passes over the N functions that are measured (after one pass that creates the environments). */
const PASSES = arg('passes', 6);
const setting = (label: string, env: string | undefined, fallback: [string, Record<string, unknown>]): [string, Record<string, unknown>] =>
  env ? [`${label} ${env}`, JSON.parse(env) as Record<string, unknown>] : [`${label} ${fallback[0]}`, fallback[1]];
const SETTINGS: [string, Record<string, unknown>][] = [
  setting('A', process.env.SETTINGS_A, ['previous defaults', { maxIdleEnvironments: 32, maxSparesPerKind: 1 }]),
  setting('B', process.env.SETTINGS_B, ['defaults', {}]),
];
/** SERVER_A / SERVER_B: another build's dist/bench/lambda/server.js for that side (a before/after of two builds). */
const SERVERS = [process.env.SERVER_A, process.env.SERVER_B];

interface Server {
  endpoint: string;
  child: ChildProcess;
  stop(): Promise<void>;
}

async function startServer(settings: Record<string, unknown>, script = join(here, 'server.js')): Promise<Server> {
  const child = spawn(process.execPath, [script], {
    env: { ...process.env, IDLE_SECONDS: '600', LAMBDA_SETTINGS: JSON.stringify(settings) },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let out = '';
  const endpoint = await new Promise<string>((resolve, reject) => {
    const on = (d: Buffer): void => {
      out += d.toString();
      const m = /ready at (http:\/\/\S+)/.exec(out);
      if (m) resolve(m[1]!);
    };
    child.stdout!.on('data', on);
    child.stderr!.on('data', on);
    child.once('exit', () => reject(new Error(`server exited:\n${out}`)));
  });
  const stop = (): Promise<void> =>
    new Promise((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once('exit', () => resolve());
      process.kill(-child.pid!, 'SIGTERM');
      setTimeout(() => {
        try {
          process.kill(-child.pid!, 'SIGKILL');
        } catch {
          /* gone */
        }
      }, 5000).unref();
    });
  return { endpoint, child, stop };
}

const agent = new Agent({ keepAlive: true, maxSockets: 4 });

function call(endpoint: string, method: string, path: string, body: string, headers: Record<string, string> = {}): Promise<{ status: number; headers: Record<string, unknown>; body: Buffer }> {
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

const KINDS = {
  node: { runtime: 'nodejs20.x', handler: 'index.handler', files: (i: number) => ({ 'index.js': `exports.handler = async (e) => ({ fn: ${i}, e });` }) },
  python: { runtime: 'python3.12', handler: 'app.handler', files: (i: number) => ({ 'app.py': `def handler(e, c):\n    return {"fn": ${i}, "e": e}\n` }) },
};
type Kind = keyof typeof KINDS;

async function createFunction(endpoint: string, name: string, kind: Kind, i: number): Promise<void> {
  const k = KINDS[kind];
  const body = JSON.stringify({ FunctionName: name, Runtime: k.runtime, Handler: k.handler, Role: 'arn:aws:iam::000000000000:role/bench', Code: { ZipFile: createZip(k.files(i)).toString('base64') } });
  const res = await call(endpoint, 'POST', '/2015-03-31/functions', body);
  if (res.status !== 201) throw new Error(`CreateFunction ${name}: ${res.status} ${res.body.toString()}`);
}

function pct(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? NaN;
}

interface Rotation {
  p50: number;
  p99: number;
  invocations: number;
  cold: number;
  /** The first pass: every function's first invocation, one after the other (cold starts back to back). */
  firstP50: number;
}

/** One pass to create the environments (not counted), then PASSES measured passes over the functions. */
async function rotation(endpoint: string, kind: Kind): Promise<Rotation> {
  const names = Array.from({ length: FUNCTIONS }, (_, i) => `rot-${kind}-${i}`);
  for (let i = 0; i < names.length; i++) await createFunction(endpoint, names[i]!, kind, i);
  const latencies: number[] = [];
  const first: number[] = [];
  let cold = 0;
  for (let pass = 0; pass <= PASSES; pass++) {
    for (const name of names) {
      const t0 = performance.now();
      const res = await call(endpoint, 'POST', `/2015-03-31/functions/${name}/invocations`, '{"k":1}', { 'x-amz-log-type': 'Tail' });
      const ms = performance.now() - t0;
      if (res.status !== 200 || res.headers['x-amz-function-error']) throw new Error(`invoke ${name}: ${res.status} ${res.body.toString()}`);
      if (pass === 0) {
        first.push(ms);
        continue;
      }
      latencies.push(ms);
      if (/Init Duration/.test(Buffer.from(String(res.headers['x-amz-log-result'] ?? ''), 'base64').toString())) cold++;
    }
  }
  latencies.sort((a, b) => a - b);
  first.sort((a, b) => a - b);
  return { p50: pct(latencies, 0.5), p99: pct(latencies, 0.99), invocations: latencies.length, cold, firstP50: pct(first, 0.5) };
}

interface RoundResult {
  single: { p50: number; p99: number };
  node: Rotation;
  python: Rotation;
  environments: number;
  environmentsMb: number;
}

async function round(settings: Record<string, unknown>, script: string | undefined): Promise<RoundResult> {
  const server = await startServer(settings, script);
  try {
    await createFunction(server.endpoint, 'single', 'node', -1);
    const req = () => ({ method: 'POST', path: '/2015-03-31/functions/single/invocations', headers: { 'content-type': 'application/json' }, body: '{"k":1}' });
    await runLoad({ endpoint: server.endpoint, connections: 1, durationMs: 1000, request: req });
    const single = await runLoad({ endpoint: server.endpoint, connections: 1, durationMs: 3000, request: req });
    const node = await rotation(server.endpoint, 'node');
    const python = await rotation(server.endpoint, 'python');
    const health = JSON.parse((await call(server.endpoint, 'GET', '/_stratus/health', '')).body.toString()) as { services: { lambda: { environments: { environments: number; rssKb: number } } } };
    const envs = health.services.lambda.environments;
    return { single: { p50: single.p50ms, p99: single.p99ms }, node, python, environments: envs.environments, environmentsMb: Math.round(envs.rssKb / 1024) };
  } finally {
    await server.stop();
  }
}

const f = (n: number): string => n.toFixed(2).padStart(7);
for (const [i, script] of SERVERS.entries()) if (script) console.log(`${'AB'[i]} runs ${script}`);
console.log(`lambda rotation: ${FUNCTIONS} functions per kind, ${PASSES} measured passes, ${ROUNDS} rounds A/B alternating; node ${process.version}, ${cpus().length} CPUs, load ${loadavg()[0]!.toFixed(2)}`);
const all = new Map<string, RoundResult[]>(SETTINGS.map(([name]) => [name, []]));
for (let r = 0; r < ROUNDS; r++) {
  for (const [i, [name, settings]] of SETTINGS.entries()) {
    const res = await round(settings, SERVERS[i]);
    all.get(name)!.push(res);
    console.log(
      `round ${r + 1} ${name.padEnd(20)} single warm p50 ${f(res.single.p50)} ms p99 ${f(res.single.p99)} ms | ` +
        `node rotation p50 ${f(res.node.p50)} ms p99 ${f(res.node.p99)} ms cold ${res.node.cold}/${res.node.invocations} (first pass p50 ${f(res.node.firstP50)}) | ` +
        `python rotation p50 ${f(res.python.p50)} ms p99 ${f(res.python.p99)} ms cold ${res.python.cold}/${res.python.invocations} (first pass p50 ${f(res.python.firstP50)}) | ` +
        `${res.environments} environments ${res.environmentsMb} MB`,
    );
  }
}
const range = (xs: number[]): string => {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted.length > 1 ? `${sorted[0]!.toFixed(2)}-${sorted[sorted.length - 1]!.toFixed(2)}` : sorted[0]!.toFixed(2);
};
console.log('\nranges over rounds (ms):');
for (const [name, rs] of all) {
  console.log(
    `${name.padEnd(20)} single warm p50 ${range(rs.map((x) => x.single.p50))} p99 ${range(rs.map((x) => x.single.p99))} | ` +
      `node rotation p50 ${range(rs.map((x) => x.node.p50))} p99 ${range(rs.map((x) => x.node.p99))} | ` +
      `python rotation p50 ${range(rs.map((x) => x.python.p50))} p99 ${range(rs.map((x) => x.python.p99))} | ` +
      `first pass p50 node ${range(rs.map((x) => x.node.firstP50))} python ${range(rs.map((x) => x.python.firstP50))}`,
  );
}
agent.destroy();
