/**
 * The HTTP/1.1 listener each execution environment's Runtime API is served on. A small server on
 * node:net instead of node:http: the Runtime API is a handful of requests per invocation, and on
 * the warm path the generic HTTP machinery costs more than the work. It handles what runtime
 * clients send: keep-alive, pipelined requests (answered in order), Content-Length and chunked
 * bodies, `Expect: 100-continue` (curl), and bodies over the limit (read and discarded, flagged).
 */
import { createServer, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { tcpPeerUid } from './sandbox.js';

export interface RuntimeRequest {
  method: string;
  /** The request target (path and query). */
  path: string;
  /** Lower-cased header names. */
  headers: Record<string, string>;
  body: Buffer;
  /** The body exceeded the size limit (it was discarded). */
  tooLarge: boolean;
  /**
   * A streamed function response (`Lambda-Runtime-Function-Response-Mode: streaming`): the request
   * is handed over as soon as its head arrives and `body` stays empty; its body reaches the
   * handler's callbacks here piece by piece, then its trailers.
   */
  stream?: RuntimeBodyStream;
}

/** Where the body of a streamed response goes; the handler sets the callbacks it needs. */
export interface RuntimeBodyStream {
  onData?: (chunk: Buffer) => void;
  /** The body ended; the trailers (lower-cased names) carry a mid-stream error. */
  onEnd?: (trailers: Record<string, string>) => void;
  /** The connection closed before the body ended. */
  onAbort?: () => void;
}

/** The largest streamed response body (AWS's default maximum for response streaming, 200 MB). */
export const MAX_STREAMED_BODY = 200 * 1024 * 1024;

export interface RuntimeResponder {
  /**
   * `coalesce`: when the client pipelined another request behind this one, hold this response
   * until that one is ready too and write both at once (one write, one wake-up of the runtime).
   */
  send(status: number, headers: Record<string, string | number>, body: Buffer | string, options?: { coalesce?: boolean }): void;
  /** Drops the connection without answering. */
  destroy(): void;
  readonly closed: boolean;
  onClose(fn: () => void): void;
}

const REASONS: Record<number, string> = { 200: 'OK', 202: 'Accepted', 400: 'Bad Request', 403: 'Forbidden', 404: 'Not Found', 413: 'Payload Too Large', 500: 'Internal Server Error' };
const MAX_HEAD = 64 * 1024;

/** Below this many bytes a batch of responses is copied into one buffer; above, written with writev. */
const COPY_LIMIT = 16 * 1024;
const CONTINUE = Buffer.from('HTTP/1.1 100 Continue\r\n\r\n', 'latin1');
const EMPTY = Buffer.alloc(0);

/**
 * Connections with responses to write. Writes are not made from inside request handlers: each
 * connection is flushed once per turn of the event loop (setImmediate), after everything that
 * arrived in that turn was handled, so responses produced together leave in one write.
 */
const dirty = new Set<Connection>();
let flushScheduled = false;

function flushDirty(): void {
  flushScheduled = false;
  const list = [...dirty];
  dirty.clear();
  for (const c of list) c.flush();
}

class Responder implements RuntimeResponder {
  /** Status line and headers, once the response is ready. */
  head: Buffer | undefined;
  body: Buffer = EMPTY;
  /** `100 Continue` to send before the final response (the client waits for it to send the body). */
  interim = false;
  coalesce = false;
  closed = false;
  private readonly closers: (() => void)[] = [];
  constructor(private readonly conn: Connection) {}

  send(status: number, headers: Record<string, string | number>, body: Buffer | string, options?: { coalesce?: boolean }): void {
    if (this.head || this.closed) return;
    this.coalesce = options?.coalesce === true;
    const data = typeof body === 'string' ? Buffer.from(body) : body;
    let head = `HTTP/1.1 ${status} ${REASONS[status] ?? 'OK'}\r\n`;
    for (const k in headers) if (k.toLowerCase() !== 'content-length') head += `${k}: ${headers[k]}\r\n`;
    head += `Content-Length: ${data.length}\r\n\r\n`;
    this.head = Buffer.from(head, 'latin1');
    this.body = data;
    this.conn.schedule();
  }

  destroy(): void {
    this.conn.socket.destroy();
  }

  onClose(fn: () => void): void {
    if (this.closed) fn();
    else this.closers.push(fn);
  }

  markClosed(): void {
    if (this.closed) return;
    this.closed = true;
    for (const fn of this.closers.splice(0)) fn();
  }
}

class Connection {
  private buffer: Buffer = Buffer.alloc(0);
  private readonly queue: Responder[] = [];
  /** A request whose body is still arriving. */
  private partial: { req: RuntimeRequest; res: Responder; remaining: number; chunks: Buffer[]; chunked: boolean; limit: number; received: number } | undefined;

  constructor(
    readonly socket: Socket,
    private readonly handler: (req: RuntimeRequest, res: RuntimeResponder) => void,
    /** Read at each request: a pre-started process's server is given its environment's limit when adopted. */
    private readonly maxBody: () => number,
  ) {
    socket.setNoDelay(true);
    socket.on('data', (chunk: Buffer) => {
      this.buffer = this.buffer.length ? Buffer.concat([this.buffer, chunk]) : chunk;
      this.parse();
    });
    socket.on('error', () => undefined);
    socket.on('close', () => {
      dirty.delete(this);
      const cut = this.partial?.req.stream;
      this.partial = undefined;
      cut?.onAbort?.();
      for (const r of this.queue.splice(0)) r.markClosed();
    });
  }

  /** Asks for a flush at the end of this turn of the event loop. */
  schedule(): void {
    dirty.add(this);
    if (!flushScheduled) {
      flushScheduled = true;
      setImmediate(flushDirty);
    }
  }

  /**
   * Writes what is ready, in request order, in one write: interim `100 Continue` of the request
   * at the front, then finished responses (a response marked `coalesce` waits for the one
   * pipelined behind it, so the runtime gets the `202` and its next event together).
   */
  flush(): void {
    if (this.socket.destroyed) return;
    const out: Buffer[] = [];
    let bytes = 0;
    while (this.queue.length) {
      const r = this.queue[0]!;
      if (r.interim && !r.head) {
        r.interim = false;
        out.push(CONTINUE);
        bytes += CONTINUE.length;
      }
      if (!r.head) break;
      if (r.coalesce && this.queue.length > 1 && !this.queue[1]!.head) break;
      this.queue.shift();
      r.interim = false;
      out.push(r.head);
      bytes += r.head.length;
      if (r.body.length) {
        out.push(r.body);
        bytes += r.body.length;
      }
      r.markClosed();
    }
    if (!out.length) return;
    if (out.length === 1) {
      this.socket.write(out[0]!);
    } else if (bytes <= COPY_LIMIT) {
      this.socket.write(Buffer.concat(out, bytes));
    } else {
      // Large bodies are not copied: corked writes leave as one writev.
      this.socket.cork();
      for (const b of out) this.socket.write(b);
      this.socket.uncork();
    }
  }

  private fail(): void {
    if (!this.socket.destroyed) this.socket.end('HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nConnection: close\r\n\r\n');
    this.buffer = Buffer.alloc(0);
  }

  private parse(): void {
    for (;;) {
      if (this.partial) {
        if (!this.readBody()) return;
        continue;
      }
      const end = this.buffer.indexOf('\r\n\r\n');
      if (end < 0) {
        if (this.buffer.length > MAX_HEAD) this.fail();
        return;
      }
      const lines = this.buffer.toString('latin1', 0, end).split('\r\n');
      this.buffer = this.buffer.subarray(end + 4);
      const [method, path, version] = lines[0]!.split(' ');
      if (!method || !path || !version?.startsWith('HTTP/1.')) return this.fail();
      const headers = parseHeaderLines(lines.slice(1));
      const req: RuntimeRequest = { method, path, headers, body: Buffer.alloc(0), tooLarge: false };
      const chunked = /\bchunked\b/i.test(headers['transfer-encoding'] ?? '');
      const length = chunked ? 0 : Number(headers['content-length'] ?? 0);
      if (!Number.isFinite(length) || length < 0) return this.fail();
      const expectsContinue = (headers.expect ?? '').toLowerCase() === '100-continue';
      const streamed = (headers['lambda-runtime-function-response-mode'] ?? '').toLowerCase() === 'streaming';
      if (chunked || length > 0 || streamed) {
        // Its place in the response order is taken now: a 100 Continue must not overtake the
        // responses to requests pipelined before it.
        const res = new Responder(this);
        this.queue.push(res);
        this.partial = { req, res, remaining: length, chunks: [], chunked, limit: streamed ? MAX_STREAMED_BODY : this.maxBody(), received: 0 };
        if (streamed) {
          // The handler sees a streamed response at once, to pass its pieces on as they come.
          req.stream = {};
          this.handler(req, res);
        }
        if (expectsContinue && this.buffer.length === 0) {
          res.interim = true;
          this.schedule();
        }
        if (!this.readBody()) return;
        continue;
      }
      this.dispatch(req);
    }
  }

  /** Reads (part of) the body of the partial request; true when it is complete and dispatched. */
  private readBody(): boolean {
    const p = this.partial!;
    if (!p.chunked) {
      const take = Math.min(p.remaining, this.buffer.length);
      if (take > 0) {
        this.keep(p, this.buffer.subarray(0, take));
        this.buffer = this.buffer.subarray(take);
        p.remaining -= take;
      }
      if (p.remaining > 0) return false;
      return this.complete(p);
    }
    for (;;) {
      if (p.remaining > 0) {
        // Inside a chunk: its data, then CRLF.
        if (this.buffer.length < p.remaining + 2) return false;
        this.keep(p, this.buffer.subarray(0, p.remaining));
        this.buffer = this.buffer.subarray(p.remaining + 2);
        p.remaining = 0;
        continue;
      }
      const eol = this.buffer.indexOf('\r\n');
      if (eol < 0) return false;
      const size = parseInt(this.buffer.toString('latin1', 0, eol).split(';')[0]!, 16);
      if (!Number.isFinite(size) || size < 0) {
        this.partial = undefined;
        this.fail();
        return false;
      }
      if (size === 0) {
        // Trailers (usually none; a streamed response's error travels in them) end with an empty line.
        const end = this.buffer.indexOf('\r\n\r\n', eol);
        if (end < 0) return false;
        const trailers = end > eol ? parseHeaderLines(this.buffer.toString('latin1', eol + 2, end).split('\r\n')) : {};
        this.buffer = this.buffer.subarray(end + 4);
        return this.complete(p, trailers);
      }
      this.buffer = this.buffer.subarray(eol + 2);
      p.remaining = size;
    }
  }

  private keep(p: NonNullable<Connection['partial']>, data: Buffer): void {
    if (p.req.tooLarge) return;
    p.received += data.length;
    if (p.received > p.limit) {
      p.req.tooLarge = true;
      p.chunks = [];
      return;
    }
    if (p.req.stream) p.req.stream.onData?.(Buffer.from(data));
    else p.chunks.push(Buffer.from(data));
  }

  private complete(p: NonNullable<Connection['partial']>, trailers: Record<string, string> = {}): true {
    this.partial = undefined;
    if (p.req.stream) {
      p.req.stream.onEnd?.(trailers);
      return true;
    }
    p.req.body = p.chunks.length === 1 ? p.chunks[0]! : Buffer.concat(p.chunks);
    this.handler(p.req, p.res);
    return true;
  }

  private dispatch(req: RuntimeRequest): void {
    const res = new Responder(this);
    this.queue.push(res);
    this.handler(req, res);
  }
}

/** `Name: value` lines as a record with lower-cased names; a repeated name's values joined with ', '. */
function parseHeaderLines(lines: string[]): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const line of lines) {
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    const name = line.slice(0, colon).trim().toLowerCase();
    const value = line.slice(colon + 1).trim();
    headers[name] = headers[name] !== undefined ? `${headers[name]}, ${value}` : value;
  }
  return headers;
}

function allowed(peer: number | undefined, uid: number): boolean {
  return peer === uid || peer === 0;
}

export class RuntimeApiServer {
  private readonly server: Server;
  private readonly sockets = new Set<Socket>();

  /** Where requests go (switchable: a pre-started process is adopted by an environment). */
  handler: (req: RuntimeRequest, res: RuntimeResponder) => void;
  /**
   * When set, connections are accepted only from sockets owned by this uid (looked up in
   * /proc/net/tcp) or by root (a pre-started process connects before it drops to the function's
   * uid; root can do anything anyway): an environment's Runtime API serves that environment only.
   */
  allowUid: number | undefined;
  private port = 0;

  /** Bodies larger than this are read and discarded (`tooLarge`); it may change while connections are open. */
  maxBody: number;

  constructor(handler: (req: RuntimeRequest, res: RuntimeResponder) => void, maxBody: number) {
    this.handler = handler;
    this.maxBody = maxBody;
    this.server = createServer((socket) => {
      if (this.allowUid !== undefined && !allowed(tcpPeerUid(socket.remotePort ?? 0, this.port), this.allowUid)) {
        socket.destroy();
        return;
      }
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
      new Connection(socket, (req, res) => this.handler(req, res), () => this.maxBody);
    });
  }

  listen(): Promise<number> {
    return new Promise((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(0, '127.0.0.1', () => {
        this.port = (this.server.address() as AddressInfo).port;
        resolve(this.port);
      });
    });
  }

  close(): void {
    this.server.close();
    for (const s of this.sockets) s.destroy();
    this.sockets.clear();
  }
}
