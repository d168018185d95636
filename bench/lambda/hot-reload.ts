/**
 * Hot reload: from a file edit in a function's directory to the first invocation that answers
 * with the edited code. A Node and a Python function run from a local directory
 * (`Code: {S3Bucket: "hot-reload", S3Key: dir}`); each round edits the handler (writes a new
 * value), then invokes in a loop until the answer is the new value. Printed per runtime: the
 * change-to-answer latency (p50, p99, max over the rounds), how many invocations it took, and the
 * warm invoke latency with no change, for scale. No peer: no other tool reloads code in place
 * this way without a container restart.
 *
 *   npm run bench:lambda:hot-reload [-- --rounds 30]
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const roundsArg = process.argv.indexOf('--rounds');
const ROUNDS = roundsArg > 0 ? Number(process.argv[roundsArg + 1]) : 30;
const agent = new Agent({ keepAlive: true, maxSockets: 1 });

function call(endpoint: string, method: string, path: string, body?: unknown): Promise<{ status: number; body: string }> {
  const data = body === undefined ? undefined : Buffer.from(JSON.stringify(body));
  return new Promise((resolve, reject) => {
    const url = new URL(path, endpoint);
    const req = request(
      { host: url.hostname, port: url.port, path: url.pathname, method, agent, headers: { 'content-type': 'application/json' } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
      },
    );
    req.on('error', reject);
    req.end(data);
  });
}

const invoke = async (endpoint: string, name: string): Promise<string> => (await call(endpoint, 'POST', `/2015-03-31/functions/${name}/invocations`, {})).body;

/** Writes a file as editors do (a new file renamed over the old one). */
function save(path: string, text: string): void {
  writeFileSync(`${path}.tmp`, text);
  renameSync(`${path}.tmp`, path);
}

const pct = (a: number[], p: number): number => [...a].sort((x, y) => x - y)[Math.min(a.length - 1, Math.floor((a.length * p) / 100))] ?? NaN;

async function main(): Promise<void> {
  const child = spawn(process.execPath, [join(here, 'server.js')], { env: { ...process.env, IDLE_SECONDS: '600' }, stdio: ['ignore', 'pipe', 'inherit'] });
  const endpoint = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /ready at (\S+)/.exec(out);
      if (m) resolve(m[1]!);
    });
    child.on('exit', () => reject(new Error(`server exited:\n${out}`)));
  });
  console.log(`hot reload, change to answer (node ${process.version}, ${cpus().length} cpus, load ${loadavg().map((l) => l.toFixed(1)).join(' ')}), ${ROUNDS} rounds`);
  const runtimes = [
    { runtime: 'nodejs20.x', file: 'index.js', handler: 'index.handler', code: (v: number) => `exports.handler = async () => ${v};\n` },
    { runtime: 'python3.12', file: 'app.py', handler: 'app.handler', code: (v: number) => `def handler(event, context):\n    return ${v}\n` },
  ];
  const dirs: string[] = [];
  try {
    for (const r of runtimes) {
      const dir = mkdtempSync(join(tmpdir(), 'stratus-hot-bench-'));
      dirs.push(dir);
      save(join(dir, r.file), r.code(0));
      const name = `hot-${r.runtime.replace(/\W/g, '')}`;
      const created = await call(endpoint, 'POST', '/2015-03-31/functions', {
        FunctionName: name,
        Runtime: r.runtime,
        Handler: r.handler,
        Role: 'arn:aws:iam::000000000000:role/bench',
        Code: { S3Bucket: 'hot-reload', S3Key: dir },
      });
      if (created.status !== 201) throw new Error(`CreateFunction: ${created.status} ${created.body}`);
      if ((await invoke(endpoint, name)) !== '0') throw new Error('first invoke did not answer 0');
      const warm: number[] = [];
      for (let i = 0; i < 50; i++) {
        const t = performance.now();
        await invoke(endpoint, name);
        warm.push(performance.now() - t);
      }
      const latencies: number[] = [];
      const attempts: number[] = [];
      for (let v = 1; v <= ROUNDS; v++) {
        const t = performance.now();
        save(join(dir, r.file), r.code(v));
        let n = 0;
        for (;;) {
          n++;
          if ((await invoke(endpoint, name)) === String(v)) break;
          if (performance.now() - t > 10_000) throw new Error(`round ${v}: the edit did not show within 10 s`);
        }
        latencies.push(performance.now() - t);
        attempts.push(n);
      }
      console.log(
        `${r.runtime.padEnd(11)} change to answer p50 ${pct(latencies, 50).toFixed(1)} ms  p99 ${pct(latencies, 99).toFixed(1)} ms  max ${Math.max(...latencies).toFixed(1)} ms` +
          `  (invocations per change: median ${pct(attempts, 50)}, max ${Math.max(...attempts)});  warm invoke, no change: p50 ${pct(warm, 50).toFixed(2)} ms`,
      );
    }
  } finally {
    child.kill('SIGTERM');
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  }
}

await main();
