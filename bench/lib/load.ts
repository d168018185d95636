/**
 * The benches' closed-loop load generator: N keep-alive connections, each sending its next request
 * as soon as the previous response is complete, for a fixed duration. Raw HTTP/1.1 over TCP (no
 * http module machinery per request) so the client costs as little CPU as possible on a small
 * machine shared with the server under test. Requests can be SigV4-signed, as SDK traffic is; they
 * are built and signed before the timed window (a pool, cycled) so that the generator's own CPU
 * does not cap what is measured. The same generator drives Stratus and each peer, so comparisons
 * stay fair.
 */
import { connect, type Socket } from 'node:net';
import { readFileSync } from 'node:fs';
import { signHeaders, type SigningCredentials } from '../../test/helpers/sign.js';

export { DYNAMODB_TEST_SIGNER, signedJsonHeaders, signHeaders, type SigningCredentials } from '../../test/helpers/sign.js';

export interface LoadRequest {
  method: string;
  /** Path with its query string, already encoded. */
  path: string;
  headers: Record<string, string>;
  body?: string | Buffer;
}

export interface LoadOptions {
  /** e.g. http://127.0.0.1:4566 */
  endpoint: string;
  connections: number;
  durationMs: number;
  /** Builds request number i; called for i in [0, pool) before the timed window. */
  request: (i: number) => LoadRequest;
  /** How many distinct requests to build; the load cycles through them (default 4096). */
  pool?: number;
  /** Sign each request with SigV4. */
  sign?: SigningCredentials;
  /** Status codes counted as success (default: 200). */
  ok?: (status: number) => boolean;
  /** Process ids whose CPU time (user + system, from /proc) is reported per request. */
  cpuPids?: number[];
}

export interface LoadResult {
  requests: number;
  errors: number;
  rps: number;
  p50ms: number;
  p99ms: number;
  /** CPU microseconds per request of the `cpuPids` processes, when given. */
  cpuUsPerRequest?: number;
  /** The errors by status code ('closed': the connection failed). */
  errorsBy: Record<string, number>;
}

export interface RawResponse {
  status: number;
  /** The body as sent: a chunked one is not decoded. */
  body: Buffer;
}

/** One keep-alive connection reading one response per request (Content-Length or chunked). */
export class RawConn {
  private buf: Buffer = Buffer.alloc(0);
  private onResponse: ((status: number, body: Buffer) => void) | undefined;
  private onFailure: ((e: Error) => void) | undefined;
  readonly ready: Promise<void>;
  private readonly socket: Socket;

  constructor(host: string, port: number) {
    this.socket = connect({ host, port, noDelay: true });
    this.ready = new Promise((resolve, reject) => {
      this.socket.once('connect', () => resolve());
      this.socket.once('error', reject);
    });
    this.socket.on('data', (d: Buffer) => {
      this.buf = this.buf.length ? Buffer.concat([this.buf, d]) : d;
      this.parse();
    });
    this.socket.on('error', (e) => this.fail(e));
    this.socket.on('close', () => this.fail(new Error('connection closed')));
  }

  private fail(e: Error): void {
    const f = this.onFailure;
    this.onResponse = this.onFailure = undefined;
    f?.(e);
  }

  private parse(): void {
    if (!this.onResponse) return;
    const end = this.buf.indexOf('\r\n\r\n');
    if (end < 0) return;
    const head = this.buf.toString('latin1', 0, end);
    const status = Number(head.slice(9, 12));
    const cl = /\r\ncontent-length:\s*(\d+)/i.exec(head);
    let total: number;
    if (cl) {
      total = end + 4 + Number(cl[1]);
      if (this.buf.length < total) return;
    } else if (/\r\ntransfer-encoding:\s*chunked/i.test(head)) {
      let pos = end + 4;
      for (;;) {
        const lineEnd = this.buf.indexOf('\r\n', pos);
        if (lineEnd < 0) return;
        const size = parseInt(this.buf.toString('latin1', pos, lineEnd), 16);
        pos = lineEnd + 2 + size + 2;
        if (pos > this.buf.length) return;
        if (size === 0) break;
      }
      total = pos;
    } else {
      total = end + 4;
    }
    const body = this.buf.subarray(end + 4, total);
    this.buf = this.buf.length === total ? Buffer.alloc(0) : this.buf.subarray(total);
    const done = this.onResponse;
    this.onResponse = this.onFailure = undefined;
    done(status, body);
  }

  send(data: Buffer, onResponse: (status: number, body: Buffer) => void, onFailure: (e: Error) => void): void {
    this.onResponse = onResponse;
    this.onFailure = onFailure;
    this.socket.write(data);
  }

  /** Sends prepared request bytes and resolves with the response (one request in flight). */
  request(data: Buffer): Promise<RawResponse> {
    return new Promise((resolve, reject) => this.send(data, (status, body) => resolve({ status, body }), reject));
  }

  close(): void {
    this.socket.destroy();
  }
}

/** The raw bytes of a request, signed when asked. */
function encode(req: LoadRequest, host: string, sign: SigningCredentials | undefined): Buffer {
  const body = req.body === undefined ? Buffer.alloc(0) : Buffer.isBuffer(req.body) ? req.body : Buffer.from(req.body);
  const headers: Record<string, string> = { host, ...lower(req.headers) };
  if (sign) Object.assign(headers, signHeaders(sign, req.method, req.path, headers, body));
  let head = `${req.method} ${req.path} HTTP/1.1\r\ncontent-length: ${body.length}\r\n`;
  for (const k in headers) head += `${k}: ${headers[k]}\r\n`;
  return Buffer.concat([Buffer.from(`${head}\r\n`, 'latin1'), body]);
}

/** Clock ticks of user + system CPU time of a process so far. */
function cpuTicks(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'latin1');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return Number(fields[11]) + Number(fields[12]); // utime, stime (fields 14 and 15 of stat)
}
const TICK_US = 10_000; // USER_HZ is 100 on Linux

export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  const url = new URL(options.endpoint);
  const ok = options.ok ?? ((s: number) => s === 200);
  const pool = Array.from({ length: options.pool ?? 4096 }, (_, i) => encode(options.request(i), url.host, options.sign));
  const conns = Array.from({ length: options.connections }, () => new RawConn(url.hostname, Number(url.port)));
  await Promise.all(conns.map((c) => c.ready));
  const latencies: number[] = [];
  let errors = 0;
  const errorsBy: Record<string, number> = {};
  const fail = (why: string): void => {
    errors++;
    errorsBy[why] = (errorsBy[why] ?? 0) + 1;
  };
  let n = 0;
  const cpuPids = options.cpuPids ?? [];
  const cpuBefore = cpuPids.reduce((sum, pid) => sum + cpuTicks(pid), 0);
  const started = performance.now();
  const deadline = started + options.durationMs;
  await Promise.all(
    conns.map(
      (c) =>
        new Promise<void>((finished) => {
          const next = (): void => {
            const t0 = performance.now();
            if (t0 >= deadline) return finished();
            c.send(
              pool[n++ % pool.length]!,
              (status) => {
                latencies.push(performance.now() - t0);
                if (!ok(status)) fail(String(status));
                next();
              },
              () => {
                fail('closed');
                finished();
              },
            );
          };
          next();
        }),
    ),
  );
  const elapsed = performance.now() - started;
  const cpuUs = (cpuPids.reduce((sum, pid) => sum + cpuTicks(pid), 0) - cpuBefore) * TICK_US;
  for (const c of conns) c.close();
  latencies.sort((a, b) => a - b);
  const pct = (p: number): number => latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * p))] ?? NaN;
  return {
    requests: latencies.length,
    errors,
    rps: (latencies.length / elapsed) * 1000,
    p50ms: pct(0.5),
    p99ms: pct(0.99),
    errorsBy,
    ...(cpuPids.length ? { cpuUsPerRequest: cpuUs / Math.max(1, latencies.length) } : {}),
  };
}

function lower(h: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const k in h) out[k.toLowerCase()] = h[k]!;
  return out;
}

/** Formats a result row: name, req/s, p50, p99. */
export function row(name: string, r: LoadResult): string {
  return `${name.padEnd(44)} ${r.rps.toFixed(0).padStart(8)} req/s   p50 ${r.p50ms.toFixed(2).padStart(6)} ms   p99 ${r.p99ms.toFixed(2).padStart(6)} ms${r.errors ? `   errors ${r.errors} (${errorSummary(r)})` : ''}`;
}

/** e.g. "429 x778, closed x1". */
export function errorSummary(r: LoadResult): string {
  return Object.entries(r.errorsBy)
    .map(([why, n]) => `${why} x${n}`)
    .join(', ');
}
