import { connect, type Socket } from 'node:net';

export interface RawResponse {
  status: number;
  head: string;
  body: Buffer;
}

/** One raw HTTP/1.1 connection: bytes out with backpressure, responses in (Content-Length, chunked, or until close). */
export class RawConnection {
  private buf = Buffer.alloc(0);
  private waiting: (() => void) | undefined;
  ended = false;
  readonly socket: Socket;

  constructor(port: number) {
    this.socket = connect({ port, host: '127.0.0.1' });
    this.socket.on('data', (d: Buffer) => {
      this.buf = Buffer.concat([this.buf, d]);
      this.wake();
    });
    this.socket.on('close', () => {
      this.ended = true;
      this.wake();
    });
    this.socket.on('error', () => undefined);
  }

  private wake(): void {
    const w = this.waiting;
    this.waiting = undefined;
    w?.();
  }

  private more(): Promise<void> {
    return new Promise((resolve) => (this.waiting = resolve));
  }

  /** Writes `data`, waiting for the socket to drain; false if the server closed first. */
  async write(data: Buffer | string): Promise<boolean> {
    if (this.socket.destroyed || this.ended) return false;
    if (this.socket.write(data)) return true;
    return new Promise((resolve) => {
      const done = (ok: boolean) => () => {
        this.socket.off('drain', drained);
        this.socket.off('close', closed);
        resolve(ok);
      };
      const drained = done(true);
      const closed = done(false);
      this.socket.once('drain', drained);
      this.socket.once('close', closed);
    });
  }

  /** The next response; `headOnly` for the answer to a HEAD request. */
  async response(headOnly = false): Promise<RawResponse> {
    for (;;) {
      const end = this.buf.indexOf('\r\n\r\n');
      if (end >= 0) {
        const head = this.buf.toString('latin1', 0, end);
        const status = Number(head.slice(9, 12));
        if (status === 100) {
          this.buf = this.buf.subarray(end + 4);
          continue;
        }
        const length = /\r\ncontent-length: (\d+)/i.exec(head);
        const chunked = /\r\ntransfer-encoding: chunked/i.test(head);
        const body = headOnly ? this.fixed(end + 4, 0) : length ? this.fixed(end + 4, Number(length[1])) : chunked ? this.chunked(end + 4) : this.ended ? this.fixed(end + 4, this.buf.length - end - 4) : undefined;
        if (body) return { status, head, body };
      }
      if (this.ended) throw new Error(`connection closed; received: ${this.buf.toString('latin1', 0, 200)}`);
      await this.more();
    }
  }

  private fixed(start: number, length: number): Buffer | undefined {
    if (this.buf.length < start + length) return undefined;
    const body = this.buf.subarray(start, start + length);
    this.buf = this.buf.subarray(start + length);
    return body;
  }

  private chunked(start: number): Buffer | undefined {
    const parts: Buffer[] = [];
    let pos = start;
    for (;;) {
      const lineEnd = this.buf.indexOf('\r\n', pos);
      if (lineEnd < 0) return undefined;
      const size = parseInt(this.buf.toString('latin1', pos, lineEnd), 16);
      if (this.buf.length < lineEnd + 2 + size + 2) return undefined;
      parts.push(this.buf.subarray(lineEnd + 2, lineEnd + 2 + size));
      pos = lineEnd + 2 + size + 2;
      if (size === 0) break;
    }
    this.buf = this.buf.subarray(pos);
    return Buffer.concat(parts);
  }

  /** Resolves once the server closed the connection. */
  async closed(): Promise<void> {
    while (!this.ended) await this.more();
  }

  close(): void {
    this.socket.destroy();
  }
}
