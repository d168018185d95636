import { STATUS_CODES, type OutgoingHttpHeaders, type Server as NodeHttpServer } from 'node:http';
import { isAscii } from 'node:buffer';
import { createServer, type Server, type Socket } from 'node:net';
import type { HttpRequest, ResponseSink } from '../core/http.js';

/**
 * A lean HTTP/1.1 server for the AWS API hot path. Node's http module spends more CPU per request
 * in its JavaScript layers (streams, IncomingMessage/ServerResponse objects) than Stratus spends
 * serving a DynamoDB GetItem; this server parses the request head itself, reads Content-Length or
 * chunked bodies whole, and writes each response with one socket write.
 *
 * Requests on a connection are served one after another (pipelined ones wait their turn).
 * A request it does not serve itself (an Upgrade, e.g. WebSocket) hands the connection, with the
 * bytes already read, to a Node http server, which then owns it.
 */
export interface Http1Options {
  maxBodyBytes: number;
  /** Serves an upgrade request (and everything after it on that connection). */
  fallback: NodeHttpServer;
  /** Idle keep-alive connections are closed after this long. */
  keepAliveMs: number;
}

export type Http1Handler = (req: HttpRequest, res: ResponseSink) => Promise<void>;

const MAX_HEAD_BYTES = 64 * 1024;
const CRLF2 = Buffer.from('\r\n\r\n');

let cachedDate = '';
let cachedDateAt = 0;
/** The Date header, formatted at most once a second. */
function httpDate(): string {
  const now = Date.now();
  if (now - cachedDateAt >= 1000 || now < cachedDateAt) {
    cachedDateAt = now - (now % 1000);
    cachedDate = new Date(cachedDateAt).toUTCString();
  }
  return cachedDate;
}

export function createHttp1Server(handler: Http1Handler, options: Http1Options): Server & { inFlight(): Promise<void>; closeIdle(): void } {
  const connections = new Set<Connection>();
  const server = createServer({ noDelay: true }, (socket) => {
    const conn = new Connection(socket, handler, options, () => connections.delete(conn));
    connections.add(conn);
  });
  return Object.assign(server, {
    /** Resolves once every request being served has been answered. */
    inFlight: () => Promise.all([...connections].map((c) => c.current)).then(() => undefined),
    /** Closes connections that are not serving a request (and makes busy ones close after it). */
    closeIdle: () => {
      for (const c of connections) c.closeWhenIdle();
    },
  });
}

class Connection {
  private buffer: Buffer = Buffer.alloc(0);
  private busy = false;
  private closing = false;
  private idleTimer: NodeJS.Timeout | undefined;
  current: Promise<void> = Promise.resolve();

  constructor(
    private readonly socket: Socket,
    private readonly handler: Http1Handler,
    private readonly options: Http1Options,
    private readonly onClose: () => void,
  ) {
    socket.on('data', this.onData);
    socket.on('error', () => socket.destroy());
    socket.on('close', () => {
      clearTimeout(this.idleTimer);
      onClose();
    });
    this.armIdle();
  }

  closeWhenIdle(): void {
    this.closing = true;
    if (!this.busy) outbox(this.socket, END);
  }

  private armIdle(): void {
    clearTimeout(this.idleTimer);
    // Closing from then on: a request arriving before the end is flushed is not started.
    this.idleTimer = setTimeout(() => this.closeWhenIdle(), this.options.keepAliveMs);
    this.idleTimer.unref();
  }

  private readonly onData = (chunk: Buffer): void => {
    this.buffer = this.buffer.length === 0 ? chunk : Buffer.concat([this.buffer, chunk]);
    if (!this.busy) this.next();
  };

  /** Parses and serves as many complete requests as the buffer holds, one at a time. */
  private next(): void {
    if (this.busy || this.closing || this.socket.destroyed) return;
    const parsed = this.parse();
    if (!parsed) return;
    if (parsed === 'handed-off') return;
    this.busy = true;
    clearTimeout(this.idleTimer);
    const { req, keepAlive } = parsed;
    const res = new Response(this.socket, req.method === 'HEAD', keepAlive && !this.closing);
    this.current = this.handler(req, res)
      .catch(() => undefined)
      .finally(() => {
        // A handler that failed or never answered still gets its request answered.
        if (!res.headersSent) {
          res.writeHead(500, { 'content-type': 'application/json' });
          res.end('{"message":"Internal server error"}');
        }
        this.busy = false;
        if (!keepAlive || this.closing) {
          outbox(this.socket, END);
          return;
        }
        this.armIdle();
        if (this.buffer.length > 0) setImmediate(() => this.next());
      });
  }

  /**
   * One complete request off the buffer; undefined when more bytes are needed. A malformed or
   * oversized request is answered here and the connection closed.
   */
  private parse(): { req: HttpRequest; keepAlive: boolean } | 'handed-off' | undefined {
    const buf = this.buffer;
    const headEnd = buf.indexOf(CRLF2);
    if (headEnd < 0) {
      if (buf.length > MAX_HEAD_BYTES) this.reject(431, 'Request Header Fields Too Large');
      return undefined;
    }
    // Header values are bytes on the wire; UTF-8 is what clients send in practice (and ASCII the rule).
    const ascii = isAscii(buf.subarray(0, headEnd));
    const head = buf.toString('latin1', 0, headEnd);
    const lineEnd = head.indexOf('\r\n');
    const requestLine = lineEnd < 0 ? head : head.slice(0, lineEnd);
    const m = /^([A-Z]+) (\S+) HTTP\/1\.([01])$/.exec(requestLine);
    if (!m) {
      this.reject(400, 'Bad Request');
      return undefined;
    }
    const [, method, target, minor] = m as unknown as [string, string, string, string];
    const headers: Record<string, string | undefined> = {};
    const rawHeaders: string[] = [];
    if (lineEnd >= 0) {
      for (const line of head.slice(lineEnd + 2).split('\r\n')) {
        const colon = line.indexOf(':');
        if (colon <= 0) {
          this.reject(400, 'Bad Request');
          return undefined;
        }
        const name = line.slice(0, colon);
        const text = line.slice(colon + 1).trim();
        const value = ascii ? text : Buffer.from(text, 'latin1').toString('utf8');
        rawHeaders.push(name, value);
        const key = name.toLowerCase();
        const prev = headers[key];
        headers[key] = prev === undefined ? value : `${prev}, ${value}`;
      }
    }

    if (headers.upgrade !== undefined) {
      this.handOff();
      return 'handed-off';
    }

    let body: Buffer;
    let consumed: number;
    const bodyStart = headEnd + 4;
    const te = headers['transfer-encoding'];
    if (te !== undefined) {
      if (te.toLowerCase() !== 'chunked') {
        this.reject(501, 'Not Implemented');
        return undefined;
      }
      const chunked = readChunked(buf, bodyStart, this.options.maxBodyBytes);
      if (chunked === 'too-large') {
        this.reject(413, 'Request entity too large');
        return undefined;
      }
      if (chunked === 'malformed') {
        this.reject(400, 'Bad Request');
        return undefined;
      }
      if (!chunked) return this.expectContinue(headers);
      ({ body, consumed } = chunked);
    } else {
      const cl = headers['content-length'];
      const length = cl === undefined ? 0 : Number(cl);
      if (!Number.isInteger(length) || length < 0) {
        this.reject(400, 'Bad Request');
        return undefined;
      }
      if (length > this.options.maxBodyBytes) {
        this.reject(413, 'Request entity too large');
        return undefined;
      }
      if (buf.length < bodyStart + length) return this.expectContinue(headers);
      body = buf.subarray(bodyStart, bodyStart + length);
      consumed = bodyStart + length;
    }
    // The rest stays for the next request; copy the body out so it does not pin a large buffer.
    this.buffer = consumed === buf.length ? Buffer.alloc(0) : buf.subarray(consumed);
    if (body.length > 0 && this.buffer.length > 0) body = Buffer.from(body);
    this.continued = false;

    const q = target.indexOf('?');
    const connection = headers.connection?.toLowerCase();
    const keepAlive = minor === '1' ? connection !== 'close' : connection === 'keep-alive';
    const req: HttpRequest = {
      method,
      rawPath: q >= 0 ? target.slice(0, q) : target,
      rawQuery: q >= 0 ? target.slice(q + 1) : '',
      headers,
      body,
      raw: { rawHeaders, socket: this.socket },
    };
    return { req, keepAlive };
  }

  private continued = false;

  /** Tells a client waiting on `Expect: 100-continue` to send its body (once per request). */
  private expectContinue(headers: Record<string, string | undefined>): undefined {
    if (!this.continued && headers.expect?.toLowerCase() === '100-continue') {
      this.continued = true;
      outbox(this.socket, 'HTTP/1.1 100 Continue\r\n\r\n');
    }
    return undefined;
  }

  private reject(status: number, message: string): void {
    const body = JSON.stringify({ message });
    outbox(
      this.socket,
      `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? ''}\r\ncontent-type: application/json\r\ncontent-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\ndate: ${httpDate()}\r\n\r\n${body}`,
    );
    outbox(this.socket, END);
    this.buffer = Buffer.alloc(0);
    this.closing = true;
  }

  /** Gives the connection, with what was read of it, to the Node http server. */
  private handOff(): void {
    flushWrites(); // what was answered on this connection goes out before the new owner writes
    this.socket.off('data', this.onData);
    clearTimeout(this.idleTimer);
    this.closing = true;
    const pending = this.buffer;
    this.buffer = Buffer.alloc(0);
    this.options.fallback.emit('connection', this.socket);
    this.socket.unshift(pending);
  }
}

/**
 * A chunked body: its bytes and how far the request reached in `buf`; undefined when incomplete.
 * Chunk extensions and trailers are read past and ignored.
 */
function readChunked(buf: Buffer, start: number, max: number): { body: Buffer; consumed: number } | undefined | 'too-large' | 'malformed' {
  const parts: Buffer[] = [];
  let size = 0;
  let pos = start;
  for (;;) {
    const lineEnd = buf.indexOf('\r\n', pos);
    if (lineEnd < 0) return undefined;
    const sizeText = buf.toString('latin1', pos, lineEnd).split(';', 1)[0]!.trim();
    if (!/^[0-9a-fA-F]+$/.test(sizeText)) return 'malformed';
    const n = parseInt(sizeText, 16);
    pos = lineEnd + 2;
    if (n === 0) {
      // Trailers end with an empty line.
      for (;;) {
        const end = buf.indexOf('\r\n', pos);
        if (end < 0) return undefined;
        const empty = end === pos;
        pos = end + 2;
        if (empty) return { body: parts.length === 1 ? parts[0]! : Buffer.concat(parts), consumed: pos };
      }
    }
    size += n;
    if (size > max) return 'too-large';
    if (buf.length < pos + n + 2) return undefined;
    parts.push(buf.subarray(pos, pos + n));
    pos += n + 2;
  }
}

/** Collects the status and headers, then writes head and body in one socket write. */
class Response implements ResponseSink {
  headersSent = false;
  private status = 200;
  private headers: OutgoingHttpHeaders = {};

  constructor(
    private readonly socket: Socket,
    private readonly head: boolean,
    private readonly keepAlive: boolean,
  ) {}

  writeHead(status: number, headers: OutgoingHttpHeaders = {}): this {
    this.status = status;
    this.headers = headers;
    return this;
  }

  end(body?: Buffer | string): this {
    if (this.headersSent) return this;
    const text = typeof body === 'string' ? body : undefined;
    const data = body === undefined ? EMPTY : typeof body === 'string' ? undefined : body;
    let head = `HTTP/1.1 ${this.status} ${STATUS_CODES[this.status] ?? 'Unknown'}\r\n`;
    let hasLength = false;
    let hasDate = false;
    for (const name in this.headers) {
      const value = this.headers[name];
      if (value === undefined) continue;
      const lower = name.toLowerCase();
      if (lower === 'content-length') hasLength = true;
      else if (lower === 'date') hasDate = true;
      else if (lower === 'connection' || lower === 'transfer-encoding' || lower === 'keep-alive') continue;
      if (Array.isArray(value)) for (const v of value) head += headerLine(name, v);
      else head += headerLine(name, value as string | number);
    }
    if (!hasLength) head += `content-length: ${data ? data.length : Buffer.byteLength(text!)}\r\n`;
    if (!hasDate) head += `date: ${httpDate()}\r\n`;
    head += this.keepAlive ? 'connection: keep-alive\r\n\r\n' : 'connection: close\r\n\r\n';
    this.headersSent = true;
    if (this.head) outbox(this.socket, Buffer.from(head, 'latin1'));
    else if (text !== undefined && PRINTABLE.test(head)) outbox(this.socket, head + text); // one UTF-8 encode, no Buffers
    else {
      const headBuf = Buffer.from(head, 'latin1');
      const bytes = data ?? Buffer.from(text!);
      outbox(this.socket, bytes.length === 0 ? headBuf : Buffer.concat([headBuf, bytes], headBuf.length + bytes.length));
    }
    return this;
  }
}

const EMPTY = Buffer.alloc(0);

const END = Symbol('end');
const pendingWrites: (Socket | string | Buffer | typeof END)[] = [];
/**
 * Every write of this server goes through here: what is written during one event-loop turn goes
 * out together at its end. A client woken by the first response finds the others already there,
 * which saves the kernel a wakeup per response when many connections are busy (the largest cost
 * of a small request on loopback: 30-40% less CPU per DynamoDB GetItem at 32 connections).
 * Order per socket is kept, ends included.
 */
function outbox(socket: Socket, data: string | Buffer | typeof END): void {
  if (pendingWrites.length === 0) setImmediate(flushWrites);
  pendingWrites.push(socket, data);
}

function flushWrites(): void {
  for (let i = 0; i < pendingWrites.length; i += 2) {
    const socket = pendingWrites[i] as Socket;
    const data = pendingWrites[i + 1] as string | Buffer | typeof END;
    if (socket.destroyed) continue;
    if (data === END) socket.end();
    else socket.write(data);
  }
  pendingWrites.length = 0;
}

/** Text whose latin1 and UTF-8 encodings are the same bytes. */
const PRINTABLE = /^[\x00-\x7f]*$/;
const validNames = new Set<string>();

/** A header line; values with CR or LF (which would split the response) are refused. */
function headerLine(name: string, value: string | number): string {
  const text = typeof value === 'string' ? value : String(value);
  if (!validNames.has(name)) {
    if (/[^\t\x20-\x7e]/.test(name)) throw new Error(`invalid header ${name}`);
    if (validNames.size < 1000) validNames.add(name);
  }
  if (/[^\t\x20-\x7e]/.test(text)) {
    if (/[\r\n]/.test(text)) throw new Error(`invalid header ${name}`);
    // Non-ASCII values go out as their UTF-8 bytes, as Node does for latin1-unsafe values.
    if (/[^\x00-\xff]/.test(text)) return `${name}: ${Buffer.from(text, 'utf8').toString('latin1')}\r\n`;
  }
  return `${name}: ${text}\r\n`;
}
