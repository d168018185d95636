/**
 * A lean closed-loop load generator for the DynamoDB bench: raw HTTP/1.1 over keep-alive TCP
 * sockets (no http module per-request machinery), each request SigV4-signed as an SDK would.
 * N connections each send their next request as soon as the previous response is complete.
 * Used for both servers, so the comparison stays fair while the client costs as little CPU as
 * possible on a small machine.
 */
import { connect, type Socket } from 'node:net';
import { Signer } from './sign.js';

export interface Result {
  requests: number;
  errors: number;
  rps: number;
  p50ms: number;
  p99ms: number;
}

interface Pending {
  resolve: (status: number) => void;
  reject: (e: Error) => void;
}

/** One keep-alive connection that reads one response per request (Content-Length or chunked). */
class Conn {
  private buf: Buffer = Buffer.alloc(0);
  private pending: Pending | undefined;
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
    this.socket.on('error', (e) => this.pending?.reject(e));
    this.socket.on('close', () => this.pending?.reject(new Error('connection closed')));
  }

  private parse(): void {
    if (!this.pending) return;
    const end = this.buf.indexOf('\r\n\r\n');
    if (end < 0) return;
    const head = this.buf.subarray(0, end).toString('latin1');
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
        const size = parseInt(this.buf.subarray(pos, lineEnd).toString('latin1'), 16);
        pos = lineEnd + 2 + size + 2;
        if (pos > this.buf.length) return;
        if (size === 0) break;
      }
      total = pos;
    } else {
      total = end + 4;
    }
    this.buf = this.buf.subarray(total);
    const p = this.pending;
    this.pending = undefined;
    p.resolve(status);
  }

  send(data: Buffer): Promise<number> {
    return new Promise((resolve, reject) => {
      this.pending = { resolve, reject };
      this.socket.write(data);
    });
  }

  close(): void {
    this.socket.destroy();
  }
}

export async function runLoad(options: {
  endpoint: string;
  connections: number;
  durationMs: number;
  request: (i: number) => { target: string; body: string };
}): Promise<Result> {
  const url = new URL(options.endpoint);
  const host = url.host;
  const signer = new Signer();
  const conns = Array.from({ length: options.connections }, () => new Conn(url.hostname, Number(url.port)));
  await Promise.all(conns.map((c) => c.ready));
  const latencies: number[] = [];
  let errors = 0;
  let n = 0;
  const started = performance.now();
  const deadline = started + options.durationMs;
  await Promise.all(
    conns.map(async (c) => {
      while (performance.now() < deadline) {
        const { target, body } = options.request(n++);
        const bodyBuf = Buffer.from(body);
        const headers = signer.sign(host, target, bodyBuf);
        let head = `POST / HTTP/1.1\r\nhost: ${host}\r\ncontent-length: ${bodyBuf.length}\r\n`;
        for (const k in headers) head += `${k}: ${headers[k]}\r\n`;
        const t0 = performance.now();
        try {
          const status = await c.send(Buffer.concat([Buffer.from(head + '\r\n', 'latin1'), bodyBuf]));
          if (status !== 200) errors++;
        } catch {
          errors++;
          break;
        }
        latencies.push(performance.now() - t0);
      }
    }),
  );
  const elapsed = performance.now() - started;
  for (const c of conns) c.close();
  latencies.sort((a, b) => a - b);
  const pct = (p: number): number => latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * p))] ?? NaN;
  return { requests: latencies.length, errors, rps: (latencies.length / elapsed) * 1000, p50ms: pct(0.5), p99ms: pct(0.99) };
}
