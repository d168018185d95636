/**
 * Bodies far larger than memory through the whole server: a 5 GiB request body streamed into the
 * blob store, then read back as a 5 GiB response (or, when the disk lacks room for it, both sent
 * through a route that discards and one that generates). Prints throughput and the server's peak
 * RSS, which must stay under 200 MB: the server runs as a child process (every service loaded) and
 * its /proc status is read.
 *   npm run build && node dist/bench/platform/stream.js [GiB] [--discard]
 */
import { spawn } from 'node:child_process';
import { statfsSync, readFileSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import { defaultConfig } from '../../src/core/config.js';
import { startStratus } from '../../src/server/server.js';
import type { DataPlaneRoute, Platform } from '../../src/services/service.js';

const MiB = 1024 * 1024;
const RSS_LIMIT_MB = 200;

/** The bench's endpoints, registered beside the services' own. */
function benchRoutes(platform: Platform): DataPlaneRoute[] {
  const reply = (res: Parameters<DataPlaneRoute['handle']>[1], value: unknown): void => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify(value));
  };
  return [
    {
      pathPrefix: '/_bench/blob',
      streaming: true,
      handle: async (req, res) => {
        const id = req.rawPath.slice('/_bench/blob/'.length);
        if (req.method === 'PUT') return reply(res, await platform.blobs.put(req.stream!));
        if (req.method === 'DELETE') return reply(res, { deleted: await platform.blobs.delete(id) });
        const info = await platform.blobs.stat(id);
        if (!info) return reply(res, { missing: id });
        res.writeHead(200, { 'content-length': info.size, 'content-type': 'application/octet-stream' });
        await res.stream((await platform.blobs.read(id))!);
      },
    },
    {
      pathPrefix: '/_bench/discard',
      streaming: true,
      handle: async (req, res) => {
        let size = 0;
        for await (const chunk of req.stream!) size += chunk.length;
        reply(res, { size });
      },
    },
    {
      pathPrefix: '/_bench/generate',
      handle: async (req, res) => {
        const size = Number(new URLSearchParams(req.rawQuery).get('bytes'));
        res.writeHead(200, { 'content-length': size, 'content-type': 'application/octet-stream' });
        await res.stream(generate(size));
      },
    },
  ];
}

const block = Buffer.alloc(MiB, 'stratus ');

async function* generate(size: number): AsyncIterable<Buffer> {
  for (let left = size; left > 0; left -= block.length) yield left >= block.length ? block : block.subarray(0, left);
}

/** Sends `size` bytes as one request body, with backpressure; resolves with the response text. */
function upload(endpoint: string, path: string, size: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const req = http.request(`${endpoint}${path}`, { method: 'PUT', headers: { 'content-length': size } }, (res) => {
      let text = '';
      res.on('data', (d: Buffer) => (text += d.toString()));
      res.on('end', () => resolve(text));
    });
    req.on('error', reject);
    void (async () => {
      for await (const chunk of generate(size)) if (!req.write(chunk)) await new Promise((r) => req.once('drain', r));
      req.end();
    })();
  });
}

/** Reads a response body to its end; resolves with its size. */
function download(url: string): Promise<number> {
  return new Promise((resolve, reject) => {
    http
      .get(url, (res) => {
        let size = 0;
        res.on('data', (d: Buffer) => (size += d.length));
        res.on('end', () => resolve(size));
      })
      .on('error', reject);
  });
}

/** VmRSS and VmHWM (peak) of a process, in MB. */
function memoryOf(pid: number): { rss: number; peak: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string): number => Number(new RegExp(`^${field}:\\s+(\\d+)`, 'm').exec(status)?.[1] ?? NaN);
  return { rss: kb('VmRSS') / 1024, peak: kb('VmHWM') / 1024 };
}

async function serve(): Promise<void> {
  const stratus = await startStratus({ ...defaultConfig(), port: 0, dataDir: undefined, logRequests: false }, { extraDataPlanes: benchRoutes });
  process.stdout.write(`ready ${stratus.endpoint}\n`);
  process.on('SIGTERM', () => void stratus.close().then(() => process.exit(0)));
}

async function drive(gib: number): Promise<void> {
  const size = gib * 1024 * MiB;
  const disk = statfsSync(tmpdir());
  const free = disk.bavail * disk.bsize;
  const viaBlobs = !process.argv.includes('--discard') && free > size * 1.5 + 2 * 1024 * MiB;
  const child = spawn(process.execPath, [fileURLToPath(import.meta.url), '--serve'], { stdio: ['ignore', 'pipe', 'inherit'] });
  const endpoint = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /ready (\S+)/.exec(out);
      if (m) resolve(m[1]!);
    });
    child.once('exit', () => reject(new Error(`the server exited: ${out}`)));
  });
  const idle = memoryOf(child.pid!);
  let sampled = idle.rss;
  const sampler = setInterval(() => (sampled = Math.max(sampled, memoryOf(child.pid!).rss)), 100);

  console.log(`streaming bodies: ${gib} GiB each way, ${viaBlobs ? 'through the blob store (ephemeral, on disk)' : `discarded and generated (${(free / 1024 ** 3).toFixed(1)} GiB free)`}`);
  console.log(`server RSS at rest ${idle.rss.toFixed(0)} MB`);
  let t0 = performance.now();
  const stored = JSON.parse(await upload(endpoint, viaBlobs ? '/_bench/blob' : '/_bench/discard', size)) as { id?: string; size: number };
  const up = (performance.now() - t0) / 1000;
  if (stored.size !== size) throw new Error(`the server received ${stored.size} bytes of ${size}`);
  console.log(`request body  ${(size / MiB / up).toFixed(0).padStart(6)} MiB/s   (${up.toFixed(1)} s)`);
  t0 = performance.now();
  const got = await download(viaBlobs ? `${endpoint}/_bench/blob/${stored.id}` : `${endpoint}/_bench/generate?bytes=${size}`);
  const down = (performance.now() - t0) / 1000;
  if (got !== size) throw new Error(`the response had ${got} bytes of ${size}`);
  console.log(`response body ${(size / MiB / down).toFixed(0).padStart(6)} MiB/s   (${down.toFixed(1)} s)`);
  if (stored.id) await fetch(`${endpoint}/_bench/blob/${stored.id}`, { method: 'DELETE' });

  clearInterval(sampler);
  const { peak } = memoryOf(child.pid!);
  console.log(`server peak RSS ${peak.toFixed(0)} MB (VmHWM; highest sample ${sampled.toFixed(0)} MB): ${peak < RSS_LIMIT_MB ? 'under' : 'OVER'} the ${RSS_LIMIT_MB} MB bound`);
  child.kill('SIGTERM');
  await new Promise((r) => child.once('exit', r));
}

if (process.argv.includes('--serve')) await serve();
else await drive(Number(process.argv.find((a) => /^\d+(\.\d+)?$/.test(a)) ?? 5));
