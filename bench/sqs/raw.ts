/**
 * A raw HTTP/1.1 keep-alive client that hands back response bodies (bench/lib/load.ts counts only
 * statuses): the SQS cycle needs the receipt handles ReceiveMessage answers. One request in flight
 * per connection; requests are written as prepared bytes, so the client costs little CPU.
 */
import { connect, type Socket } from 'node:net';

export interface RawResponse {
  status: number;
  body: Buffer;
}

export class RawConn {
  private buf: Buffer = Buffer.alloc(0);
  private waiting: { resolve: (r: RawResponse) => void; reject: (e: Error) => void } | undefined;
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
    const w = this.waiting;
    this.waiting = undefined;
    w?.reject(e);
  }

  private parse(): void {
    if (!this.waiting) return;
    const end = this.buf.indexOf('\r\n\r\n');
    if (end < 0) return;
    const head = this.buf.toString('latin1', 0, end);
    const cl = /\r\ncontent-length:\s*(\d+)/i.exec(head);
    if (!cl) return this.fail(new Error('response without content-length'));
    const total = end + 4 + Number(cl[1]);
    if (this.buf.length < total) return;
    const body = this.buf.subarray(end + 4, total);
    this.buf = this.buf.length === total ? Buffer.alloc(0) : this.buf.subarray(total);
    const w = this.waiting;
    this.waiting = undefined;
    w.resolve({ status: Number(head.slice(9, 12)), body });
  }

  request(data: Buffer): Promise<RawResponse> {
    return new Promise((resolve, reject) => {
      this.waiting = { resolve, reject };
      this.socket.write(data);
    });
  }

  close(): void {
    this.socket.destroy();
  }
}

/** An unsigned awsJson1.0 SQS request (the server accepts open auth). */
export function sqsRequest(host: string, target: string, body: string): Buffer {
  const b = Buffer.from(body);
  return Buffer.concat([
    Buffer.from(
      `POST / HTTP/1.1\r\nhost: ${host}\r\ncontent-type: application/x-amz-json-1.0\r\nx-amz-target: AmazonSQS.${target}\r\ncontent-length: ${b.length}\r\n\r\n`,
      'latin1',
    ),
    b,
  ]);
}

/** The receipt handles of a ReceiveMessage answer (a regex: cheaper than parsing the whole answer). */
export function receiptHandles(body: Buffer): string[] {
  const out: string[] = [];
  const re = /"ReceiptHandle":"([^"]+)"/g;
  const text = body.toString('utf8');
  for (let m = re.exec(text); m; m = re.exec(text)) out.push(m[1]!);
  return out;
}
