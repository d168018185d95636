/**
 * S3 throughput against s3rver (npm) in the same run, rows alternating A B A B so that a busy
 * machine affects both alike:
 *  - 4 KiB PutObject and GetObject requests/s at 8 and 32 connections (goal >= 2x s3rver);
 *  - a 1 GiB upload and download against a bare Node stream copy on loopback (an http server that
 *    pipes the request into a file and the file into the response: goal >= 70 % of it), with the
 *    server's RSS sampled during each transfer (goal < 200 MB).
 *
 *   npm run bench:s3 -- [seconds per row] [--gib N] [--rounds N] [--no-peer] [--small-only | --large-only] [--ephemeral] [--cpu-prof DIR]
 *
 * Each server is its own process. Stratus runs with a data directory (fsyncs on: an acknowledged PUT
 * is durable) unless --ephemeral; s3rver writes files without fsync. s3rver 3.7 is installed on
 * demand into bench/s3/peer.
 *
 * Signing, as the SDKs sign over http: the 4 KiB PUTs carry the body's SHA-256 in
 * x-amz-content-sha256 (precomputed with the request pool, before the timed window) and the
 * x-amz-checksum-crc32 header the v3 SDKs send by default; the 1 GiB upload is signed
 * UNSIGNED-PAYLOAD with no checksum header, so Stratus computes MD5 and its default CRC64NVME.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createReadStream, createWriteStream, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';
import { crc32 } from 'node:zlib';
import { errorSummary, runLoad, signHeaders, type LoadRequest, type LoadResult, type SigningCredentials } from '../lib/load.js';
import { ensurePeer, freePort, stopChild } from '../lib/processes.js';

const args = process.argv.slice(2);
const flag = (name: string): string | undefined => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const seconds = Number(args.find((a, i) => /^\d+(\.\d+)?$/.test(a) && !args[i - 1]?.startsWith('--')) ?? 5);
const gib = Number(flag('--gib') ?? 1);
const withPeer = !args.includes('--no-peer');
const small = !args.includes('--large-only');
const large = !args.includes('--small-only');
const profDir = flag('--cpu-prof');
const here = dirname(fileURLToPath(import.meta.url));
const repo = resolve(here, '../../..');
const peerDir = join(repo, 'bench/s3/peer');
const MiB = 1024 * 1024;
const OBJECT_BYTES = 4096;
const KEYS = 4096;
const CONNECTIONS = [8, 32];
const ROUNDS = Number(flag('--rounds') ?? 2);

interface Target {
  name: string;
  endpoint: string;
  pid: number;
  cred: SigningCredentials;
  stop(): Promise<unknown>;
}

async function waitForPort(endpoint: string, child: ChildProcess, log: () => string): Promise<void> {
  for (let i = 0; i < 300; i++) {
    if (child.exitCode !== null) throw new Error(`exited before listening:\n${log()}`);
    try {
      await fetch(endpoint);
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  throw new Error(`not listening after 30 s:\n${log()}`);
}

async function stratus(): Promise<Target> {
  const dir = mkdtempSync(join(tmpdir(), 'stratus-s3bench-'));
  const node = profDir ? ['--cpu-prof', `--cpu-prof-dir=${resolve(profDir)}`] : [];
  const data = args.includes('--ephemeral') ? ['--ephemeral'] : ['--data-dir', dir];
  const child = spawn(process.execPath, [...node, join(repo, 'dist/src/cli/main.js'), 'start', '--port', '0', '--quiet', ...data], { stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  child.stderr!.on('data', (d: Buffer) => (log += d.toString()));
  const endpoint = await new Promise<string>((ok, fail) => {
    child.stdout!.on('data', (d: Buffer) => {
      log += d.toString();
      const m = /ready at (http:\/\/\S+)/.exec(log);
      if (m) ok(m[1]!);
    });
    child.once('exit', () => fail(new Error(`stratus exited before it was ready:\n${log}`)));
  });
  return {
    name: 'stratus',
    endpoint,
    pid: child.pid!,
    cred: { service: 's3', region: 'us-east-1', accessKeyId: 'test', secretAccessKey: 'test' },
    stop: async () => {
      await stopChild(child);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function s3rver(): Promise<Target | undefined> {
  const bin = ensurePeer(peerDir, 'node_modules/s3rver/bin/s3rver.js', 's3rver@3');
  if (!bin) return undefined;
  const dir = mkdtempSync(join(tmpdir(), 'stratus-s3rver-'));
  const port = await freePort();
  const child = spawn(process.execPath, [bin, '-d', dir, '-a', '127.0.0.1', '-p', String(port), '--silent'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  child.stdout!.on('data', (d: Buffer) => (log += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (log += d.toString()));
  const endpoint = `http://127.0.0.1:${port}`;
  await waitForPort(endpoint, child, () => log);
  return {
    name: 's3rver',
    endpoint,
    pid: child.pid!,
    cred: { service: 's3', region: 'us-east-1', accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
    stop: async () => {
      await stopChild(child);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The bare Node copy: PUT pipes the request into a file, GET pipes the file into the response. */
async function serveBare(dir: string): Promise<void> {
  const server = http.createServer((req, res) => {
    const file = join(dir, 'object');
    const done = (e?: unknown): void => {
      res.writeHead(e ? 500 : 200).end();
    };
    if (req.method === 'PUT') pipeline(req, createWriteStream(file)).then(() => done(), done);
    else pipeline(createReadStream(file, { highWaterMark: 256 * 1024 }), res).catch(() => res.destroy());
  });
  server.listen(0, '127.0.0.1', () => process.stdout.write(`listening ${(server.address() as { port: number }).port}\n`));
  process.on('SIGTERM', () => process.exit(0));
}

async function bare(): Promise<Target> {
  const dir = mkdtempSync(join(tmpdir(), 'stratus-bare-'));
  const child = spawn(process.execPath, [fileURLToPath(import.meta.url), '--serve-bare', dir], { stdio: ['ignore', 'pipe', 'inherit'] });
  const port = await new Promise<number>((ok, fail) => {
    let out = '';
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /listening (\d+)/.exec(out);
      if (m) ok(Number(m[1]));
    });
    child.once('exit', () => fail(new Error('the bare server exited')));
  });
  return {
    name: 'node copy',
    endpoint: `http://127.0.0.1:${port}`,
    pid: child.pid!,
    cred: { service: 's3', region: 'us-east-1', accessKeyId: 'x', secretAccessKey: 'x' },
    stop: async () => {
      await stopChild(child);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A signed request's headers (host included). */
function signed(t: Target, method: string, path: string, headers: Record<string, string> = {}, body = Buffer.alloc(0), payloadHash?: string): Record<string, string> {
  const all = { host: new URL(t.endpoint).host, ...headers };
  return { ...all, ...signHeaders(t.cred, method, path, all, body, payloadHash) };
}

async function createBucket(t: Target): Promise<void> {
  const res = await fetch(`${t.endpoint}/bench`, { method: 'PUT', headers: signed(t, 'PUT', '/bench') });
  if (res.status !== 200) throw new Error(`${t.name}: CreateBucket ${res.status} ${await res.text()}`);
}

const bodies = Array.from({ length: KEYS }, (_, i) => Buffer.alloc(OBJECT_BYTES, `object ${i} `));

function crc32Base64(b: Buffer): string {
  const out = Buffer.alloc(4);
  out.writeUInt32BE(crc32(b) >>> 0);
  return out.toString('base64');
}
const crcs = bodies.map(crc32Base64);

/** Writes every key once, so that no GET row meets a key its PUT rows did not reach. */
async function fill(t: Target): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    for (let i = next++; i < KEYS; i = next++) {
      const path = `/bench/obj-${i}`;
      const res = await fetch(`${t.endpoint}${path}`, { method: 'PUT', headers: signed(t, 'PUT', path, {}, bodies[i]!), body: bodies[i]! });
      if (res.status !== 200) throw new Error(`${t.name}: PutObject ${res.status} ${await res.text()}`);
      await res.arrayBuffer();
    }
  };
  await Promise.all(Array.from({ length: 8 }, worker));
}

async function smallRow(t: Target, op: 'PUT' | 'GET', connections: number): Promise<LoadResult> {
  const request = (i: number): LoadRequest =>
    op === 'PUT'
      ? {
          method: 'PUT',
          path: `/bench/obj-${i}`,
          headers: { 'content-type': 'application/octet-stream', 'x-amz-checksum-crc32': crcs[i]!, 'x-amz-sdk-checksum-algorithm': 'CRC32' },
          body: bodies[i]!,
        }
      : { method: 'GET', path: `/bench/obj-${i}`, headers: {} };
  const options = { endpoint: t.endpoint, connections, request, pool: KEYS, sign: t.cred, cpuPids: [t.pid] };
  await runLoad({ ...options, durationMs: 1000 }); // warm-up
  return runLoad({ ...options, durationMs: seconds * 1000 });
}

function smallLine(name: string, r: LoadResult): string {
  return `  ${name.padEnd(22)} ${r.rps.toFixed(0).padStart(7)} req/s  p50 ${r.p50ms.toFixed(2).padStart(6)} ms  p99 ${r.p99ms.toFixed(2).padStart(6)} ms  cpu ${(r.cpuUsPerRequest ?? NaN).toFixed(0).padStart(5)} us/req${r.errors ? `  errors ${r.errors} (${errorSummary(r)})` : ''}`;
}

function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/^VmRSS:\s+(\d+)/m.exec(status)?.[1] ?? NaN) / 1024;
}

/** Samples the process's RSS while `work` runs; resolves with its result and the highest sample. */
async function sampled<T>(pid: number, work: () => Promise<T>): Promise<{ value: T; peakMb: number }> {
  let peakMb = rssMb(pid);
  const timer = setInterval(() => (peakMb = Math.max(peakMb, rssMb(pid))), 50);
  try {
    const value = await work();
    return { value, peakMb: Math.max(peakMb, rssMb(pid)) };
  } finally {
    clearInterval(timer);
  }
}

const block = Buffer.alloc(MiB, 'stratus s3 bench ');

/** Sends `size` bytes as one PUT body with backpressure; resolves with the status. */
function upload(t: Target, path: string, size: number): Promise<number> {
  const headers = signed(t, 'PUT', path, { 'content-length': String(size), 'content-type': 'application/octet-stream' }, undefined, 'UNSIGNED-PAYLOAD');
  return new Promise((ok, fail) => {
    const req = http.request(`${t.endpoint}${path}`, { method: 'PUT', headers, agent: false }, (res) => {
      let text = '';
      res.on('data', (d: Buffer) => (text += d.toString()));
      res.on('end', () => (res.statusCode === 200 ? ok(200) : fail(new Error(`${t.name}: PUT ${res.statusCode} ${text.slice(0, 300)}`))));
    });
    req.on('error', fail);
    void (async () => {
      for (let left = size; left > 0; left -= block.length) {
        if (!req.write(left >= block.length ? block : block.subarray(0, left))) await new Promise((r) => req.once('drain', r));
      }
      req.end();
    })();
  });
}

/** Reads a GET's body to its end; resolves with its size. */
function download(t: Target, path: string): Promise<number> {
  return new Promise((ok, fail) => {
    http
      .get(`${t.endpoint}${path}`, { headers: signed(t, 'GET', path), agent: false }, (res) => {
        let size = 0;
        res.on('data', (d: Buffer) => (size += d.length));
        res.on('end', () => (res.statusCode === 200 ? ok(size) : fail(new Error(`${t.name}: GET ${res.statusCode}`))));
      })
      .on('error', fail);
  });
}

interface Transfer {
  mibps: number;
  seconds: number;
  peakMb: number;
  /** CPU seconds (user + system) the server spent on the transfer. */
  cpu: number;
}

/** User + system CPU seconds of a process so far. */
function cpuSeconds(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'latin1');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

async function transfer(t: Target, op: 'upload' | 'download', size: number): Promise<Transfer> {
  const path = '/bench/large-object';
  const t0 = performance.now();
  const cpu0 = cpuSeconds(t.pid);
  const { peakMb } = await sampled(t.pid, async () => {
    if (op === 'upload') await upload(t, path, size);
    else if ((await download(t, path)) !== size) throw new Error(`${t.name}: short download`);
  });
  const s = (performance.now() - t0) / 1000;
  return { mibps: size / MiB / s, seconds: s, peakMb, cpu: cpuSeconds(t.pid) - cpu0 };
}

function transferLine(name: string, r: Transfer, size: number): string {
  const perGib = r.cpu / (size / (1024 * MiB));
  return `  ${name.padEnd(22)} ${r.mibps.toFixed(0).padStart(6)} MiB/s  (${r.seconds.toFixed(1)} s)  server cpu ${r.cpu.toFixed(1)} s (${perGib.toFixed(2)} s/GiB)  RSS peak ${r.peakMb.toFixed(0)} MB  load ${loadavg()[0]!.toFixed(1)}`;
}

const mean = (xs: number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;

async function main(): Promise<void> {
  const ours = await stratus();
  const targets: Target[] = [ours];
  try {
    const peer = withPeer && small ? await s3rver() : undefined;
    if (peer) targets.push(peer);
    for (const t of targets) await createBucket(t);
    console.log(`S3 bench: ${seconds} s per row after a 1 s warm-up, ${ROUNDS} rounds alternating; Stratus ${args.includes('--ephemeral') ? 'ephemeral (no fsync)' : 'with a data directory (fsync per PUT)'}`);
    if (small) {
      for (const t of targets) await fill(t);
      for (const connections of CONNECTIONS) {
        for (const op of ['PUT', 'GET'] as const) {
          console.log(`4 KiB ${op === 'PUT' ? 'PutObject' : 'GetObject'}, ${connections} connections`);
          const rps: Record<string, number[]> = {};
          for (let round = 0; round < ROUNDS; round++) {
            for (const t of targets) {
              const r = await smallRow(t, op, connections);
              (rps[t.name] ??= []).push(r.rps);
              console.log(smallLine(t.name, r));
            }
          }
          if (peer) console.log(`  => stratus / s3rver = ${(mean(rps.stratus!) / mean(rps.s3rver!)).toFixed(2)}x`);
        }
      }
    }
    if (large) {
      const size = gib * 1024 * MiB;
      const copy = await bare();
      targets.push(copy);
      try {
        for (const op of ['upload', 'download'] as const) {
          console.log(`${gib} GiB ${op}`);
          const speeds: Record<string, number[]> = {};
          const cpus: Record<string, number[]> = {};
          const peaks: number[] = [];
          for (let round = 0; round < ROUNDS; round++) {
            for (const t of [ours, copy]) {
              const r = await transfer(t, op, size);
              (speeds[t.name] ??= []).push(r.mibps);
              (cpus[t.name] ??= []).push(r.cpu);
              if (t === ours) peaks.push(r.peakMb);
              console.log(transferLine(t.name, r, size));
            }
          }
          const ratio = mean(speeds.stratus!) / mean(speeds['node copy']!);
          const cpuRatio = mean(cpus.stratus!) / mean(cpus['node copy']!);
          console.log(`  => stratus / node copy = ${(ratio * 100).toFixed(0)} % of its speed, ${cpuRatio.toFixed(2)}x its CPU per GiB; stratus RSS peak ${Math.max(...peaks).toFixed(0)} MB`);
        }
      } finally {
        await copy.stop();
      }
    }
  } finally {
    for (const t of targets) if (t.name !== 'node copy') await t.stop();
  }
}

if (args[0] === '--serve-bare') await serveBare(args[1]!);
else {
  await main();
  process.exit(0);
}
