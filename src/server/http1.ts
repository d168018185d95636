import { STATUS_CODES, type Server as NodeHttpServer } from 'node:http';
import { isAscii } from 'node:buffer';
import { createServer, type Server, type Socket } from 'node:net';
import type { ResponseSink } from '../core/http.js';
import { ChunkedFraming, ConnectionClosedError, IncomingBody, LengthFraming, MalformedBodyError, type BodyFraming, type IncomingRequest } from './body.js';
import { H2_PREFACE } from './h2c.js';
import { END, flushWrites, Http1Response, httpDate, outbox } from './http1-response.js';

/**
 * A lean HTTP/1.1 server for the AWS API hot path. Node's http module spends more CPU per request
 * in its JavaScript layers (streams, IncomingMessage/ServerResponse objects) than Stratus spends
 * serving a DynamoDB GetItem; this server parses the request head itself and writes each small
 * response with one socket write.
 *
 * A body that came in with its head is handed over whole; a longer one is handed over as it
 * arrives (IncomingBody), for the server to read whole under its destination's limit or to stream,
 * and the socket is paused while the reader lags. Requests on a connection are served one after
 * another (pipelined ones wait their turn, their bytes capped by pausing the socket too).
 * A request it does not serve itself (an Upgrade, e.g. WebSocket) hands the connection, with the
 * bytes already read, to a Node http server, which then owns it; a connection that opens with the
 * HTTP/2 preface (h2c with prior knowledge) goes to the `h2c` server the same way.
 */
export interface Http1Options {
  /** Serves an upgrade request (and everything after it on that connection). */
  fallback: NodeHttpServer;
  /** Serves a WebSocket upgrade (its 'upgrade' listener takes the connection); the fallback when absent. */
  websocket?: NodeHttpServer;
  /** Serves a connection that opens with the HTTP/2 preface (h2c.ts). */
  h2c?: { emit(event: 'connection', socket: Socket): boolean };
  /** Idle keep-alive connections are closed after this long. */
  keepAliveMs: number;
  /** A body that receives nothing for this long fails, and its connection is dropped (body.ts). */
  bodyIdleMs: number;
}

export type Http1Handler = (req: IncomingRequest, res: ResponseSink) => Promise<void>;

const MAX_HEAD_BYTES = 64 * 1024;
/** Bytes of pipelined requests held while one is served, before the socket is paused. */
const MAX_PIPELINED_BYTES = 1024 * 1024;
/** How long the rest of an unread body is read and dropped after the response, before the connection is cut. */
const DISCARD_MS = 5_000;
const CRLF2 = Buffer.from('\r\n\r\n');
/**
 * The header lines: each a name that is an RFC 9110 token, a colon, and a value without CR or LF.
 * Whitespace in or after a name ('Transfer-Encoding : chunked') is refused, as Node's parser
 * refuses it: read either way, it frames the body differently here than in a proxy in front.
 * One test of the whole block costs less than one per line.
 */
const HEADER_LINES = /^(?:[!#$%&'*+.^_`|~0-9A-Za-z-]+:[^\r\n]*(?:\r\n|$))*$/;

export function createHttp1Server(handler: Http1Handler, options: Http1Options): Server & { shutdown(graceMs: number): Promise<void> } {
  /** Every connection accepted and not closed yet, handed-off ones included. */
  const sockets = new Set<Socket>();
  const connections = new Set<Connection>();
  let draining = false;
  const server = createServer({ noDelay: true }, (socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
    const conn = new Connection(socket, handler, options, () => connections.delete(conn));
    connections.add(conn);
    if (draining) conn.closeWhenIdle();
  });
  return Object.assign(server, {
    /**
     * Stops listening and closes every connection: idle ones now, busy ones after their response.
     * Whatever is still open after `graceMs` (a request that does not end, a client that does not
     * close, a connection handed to the fallback) is cut. Resolves once all are closed.
     */
    shutdown: async (graceMs: number): Promise<void> => {
      const stopped = new Promise<void>((resolve) => server.close(() => resolve()));
      draining = true;
      for (const c of connections) c.closeWhenIdle();
      const cut = setTimeout(() => {
        for (const s of sockets) s.destroy();
      }, graceMs);
      await stopped;
      clearTimeout(cut);
    },
  });
}

/** A body still arriving: how to find its end, and where its bytes go. */
interface Receiving {
  framing: BodyFraming;
  body: IncomingBody;
}

class Connection {
  /**
   * Bytes received and not parsed yet (`len` of them at the start of `buf`). A chunk is kept as it
   * came when nothing else is pending; appending copies into a buffer grown by doubling, so many
   * small reads cost linear time.
   */
  private buf: Buffer = EMPTY;
  private len = 0;
  private owned = false;
  /** How far the current head was searched for its end without finding it. */
  private scanned = 0;
  private receiving: Receiving | undefined;
  /** After a response that left its body unread: bytes are dropped until the connection closes. */
  private discarding = false;
  private busy = false;
  private closing = false;
  private continued = false;
  private pausedForInput = false;
  private pausedForBody = false;
  private idleTimer: NodeJS.Timeout | undefined;

  constructor(
    private readonly socket: Socket,
    private readonly handler: Http1Handler,
    private readonly options: Http1Options,
    /** Called once the connection is closed or handed off: it is no longer this server's to close. */
    private readonly release: () => void,
  ) {
    socket.on('data', this.onData);
    socket.on('error', () => socket.destroy());
    socket.on('end', this.onGone);
    socket.on('close', () => {
      clearTimeout(this.idleTimer);
      this.onGone();
      this.release();
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

  /** The client closed or went away: a body it was sending will not complete. */
  private readonly onGone = (): void => {
    const r = this.receiving;
    this.receiving = undefined;
    r?.body.fail(new ConnectionClosedError('the client closed the connection before the end of the body'));
  };

  private readonly onData = (chunk: Buffer): void => {
    if (this.receiving) return this.feedBody(chunk);
    if (this.discarding) return;
    this.append(chunk);
    if (!this.busy) this.next();
    else if (this.len > MAX_PIPELINED_BYTES) {
      this.pausedForInput = true;
      this.updateFlow();
    }
  };

  private append(chunk: Buffer): void {
    if (this.len === 0) {
      this.buf = chunk;
      this.len = chunk.length;
      this.owned = false;
      return;
    }
    const need = this.len + chunk.length;
    if (!this.owned || need > this.buf.length) {
      const grown = Buffer.allocUnsafe(Math.max(need, this.len * 2, 16 * 1024));
      this.buf.copy(grown, 0, 0, this.len);
      this.buf = grown;
      this.owned = true;
    }
    chunk.copy(this.buf, this.len);
    this.len = need;
  }

  /** Drops the first `n` pending bytes. */
  private consume(n: number): void {
    if (n >= this.len) {
      this.buf = EMPTY;
      this.len = 0;
      this.owned = false;
    } else {
      this.buf = this.buf.subarray(n);
      this.len -= n;
    }
  }

  private feedBody(chunk: Buffer): void {
    const r = this.receiving!;
    let used: number;
    try {
      used = r.framing.feed(chunk, (data) => r.body.push(data));
    } catch (e) {
      // The reader gets the error (a 400); nothing after it on this connection can be trusted.
      this.receiving = undefined;
      this.closing = true;
      this.discarding = true;
      r.body.fail(e as Error);
      return;
    }
    if (!r.framing.done) return;
    this.receiving = undefined;
    r.body.end();
    if (used < chunk.length) this.onData(chunk.subarray(used));
  }

  private updateFlow(): void {
    if (this.socket.destroyed) return;
    if (this.pausedForInput || this.pausedForBody) this.socket.pause();
    else this.socket.resume();
  }

  /** Parses and serves the next complete request head, if the buffer holds one. */
  private next(): void {
    if (this.busy || this.closing || this.socket.destroyed) return;
    if (this.pausedForInput) {
      this.pausedForInput = false;
      this.updateFlow();
    }
    const parsed = this.parse();
    if (!parsed) return;
    this.busy = true;
    clearTimeout(this.idleTimer);
    const { req, keepAlive, http10 } = parsed;
    const res = new Http1Response(this.socket, req.method === 'HEAD', http10, () => keepAlive && !this.closing && !this.receiving);
    void this.handler(req, res)
      .catch(() => undefined)
      .finally(() => {
        // A handler that failed or never answered still gets its request answered.
        if (!res.headersSent) {
          res.writeHead(500, { 'content-type': 'application/json' });
          res.end('{"message":"Internal server error"}');
        }
        this.busy = false;
        if (this.pausedForBody) {
          this.pausedForBody = false; // a body received whole but left unread no longer holds the connection
          this.updateFlow();
        }
        if (res.closes || this.closing || this.receiving) {
          this.finishUnread();
          outbox(this.socket, END);
          return;
        }
        this.armIdle();
        if (this.len > 0) setImmediate(() => this.next());
      });
  }

  /**
   * The connection closes after this response. A body the handler left unread is read on and
   * dropped for a while, so the client (still sending) sees the response rather than a reset.
   */
  private finishUnread(): void {
    this.closing = true;
    const r = this.receiving;
    if (!r) return;
    this.receiving = undefined;
    r.body.fail(new ConnectionClosedError('the response was sent before the body was read'));
    this.discarding = true;
    this.pausedForBody = this.pausedForInput = false;
    this.updateFlow();
    setTimeout(() => this.socket.destroy(), DISCARD_MS).unref();
  }

  /**
   * The next request off the buffer: its head, and its body whole when it is all here, or as it
   * arrives. Undefined when more bytes are needed, or when the request was answered here (a
   * malformed head: 400 and close) or handed off (Upgrade).
   */
  private parse(): { req: IncomingRequest; keepAlive: boolean; http10: boolean } | undefined {
    const buf = this.buf.subarray(0, this.len);
    if (this.options.h2c && buf[0] === 0x50 /* P */) {
      const n = Math.min(buf.length, H2_PREFACE.length);
      if (buf.subarray(0, n).equals(H2_PREFACE.subarray(0, n))) {
        if (n < H2_PREFACE.length) return undefined; // the rest of the preface is on its way
        this.handOff(this.options.h2c);
        return undefined;
      }
    }
    const headEnd = buf.indexOf(CRLF2, Math.max(0, this.scanned - 3));
    if (headEnd < 0) {
      this.scanned = this.len;
      if (this.len > MAX_HEAD_BYTES) this.reject(431, 'Request Header Fields Too Large');
      return undefined;
    }
    this.scanned = 0;
    if (headEnd > MAX_HEAD_BYTES) return this.reject(431, 'Request Header Fields Too Large');
    // Header values are bytes on the wire; UTF-8 is what clients send in practice (and ASCII the rule).
    const ascii = isAscii(buf.subarray(0, headEnd));
    // A NUL byte, or a CR or LF outside a line end (HEADER_LINES), is refused as Node's
    // parser and AWS's front end refuse them: such heads are how requests are smuggled past proxies.
    const nul = buf.indexOf(0);
    if (nul >= 0 && nul < headEnd) return this.reject(400, 'Bad Request');
    const head = buf.toString('latin1', 0, headEnd);
    const lineEnd = head.indexOf('\r\n');
    const requestLine = lineEnd < 0 ? head : head.slice(0, lineEnd);
    const m = /^([A-Z]+) (\S+) HTTP\/1\.([01])$/.exec(requestLine);
    if (!m) return this.reject(400, 'Bad Request');
    const [, method, target, minor] = m as unknown as [string, string, string, string];
    const headers: Record<string, string | undefined> = {};
    const rawHeaders: string[] = [];
    if (lineEnd >= 0) {
      const fields = head.slice(lineEnd + 2);
      if (!HEADER_LINES.test(fields)) return this.reject(400, 'Bad Request');
      for (const line of fields.split('\r\n')) {
        const colon = line.indexOf(':');
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
      this.handOff(/^websocket$/i.test(headers.upgrade.trim()) ? this.options.websocket : undefined);
      return undefined;
    }

    const bodyStart = headEnd + 4;
    let framing: BodyFraming | undefined;
    let length: number | undefined;
    const te = headers['transfer-encoding'];
    const cl = headers['content-length'];
    if (te !== undefined) {
      // Both framings at once is how requests are smuggled past a proxy: refused, as AWS's front end does.
      if (cl !== undefined) return this.reject(400, 'Bad Request');
      if (te.toLowerCase() !== 'chunked') return this.reject(501, 'Not Implemented');
      framing = new ChunkedFraming();
    } else if (cl !== undefined) {
      length = /^\d{1,16}$/.test(cl) ? Number(cl) : NaN;
      if (!Number.isSafeInteger(length)) return this.reject(400, 'Bad Request');
      if (this.len < bodyStart + length) framing = new LengthFraming(length);
    }

    let body: Buffer = EMPTY;
    let incoming: IncomingBody | undefined;
    let consumed = bodyStart;
    if (length !== undefined && this.len >= bodyStart + length) {
      // The common case: the whole body came with the head.
      body = buf.subarray(bodyStart, bodyStart + length);
      consumed += length;
    } else if (framing) {
      const parts: Buffer[] = [];
      try {
        consumed += framing.feed(buf.subarray(bodyStart), (data) => parts.push(data));
      } catch (e) {
        if (e instanceof MalformedBodyError) return this.reject(400, 'Bad Request');
        throw e;
      }
      if (framing.done) {
        body = parts.length === 1 ? parts[0]! : Buffer.concat(parts);
      } else {
        incoming = new IncomingBody(length, {
          pause: () => {
            this.pausedForBody = true;
            this.updateFlow();
          },
          resume: () => {
            this.pausedForBody = false;
            this.updateFlow();
          },
          start: () => this.expectContinue(headers),
          abort: () => this.socket.destroy(),
        }, this.options.bodyIdleMs);
        for (const part of parts) incoming.push(part);
        this.receiving = { framing, body: incoming };
      }
    }
    // The rest stays for the next request; copy the body out so it does not pin a large buffer.
    this.consume(consumed);
    if (body.length > 0 && this.len > 0) body = Buffer.from(body);
    this.continued = false;

    const q = target.indexOf('?');
    const connection = headers.connection?.toLowerCase();
    const keepAlive = minor === '1' ? connection !== 'close' : connection === 'keep-alive';
    const req: IncomingRequest = {
      method,
      rawPath: q >= 0 ? target.slice(0, q) : target,
      rawQuery: q >= 0 ? target.slice(q + 1) : '',
      headers,
      body,
      incoming,
      raw: { rawHeaders, socket: this.socket },
    };
    return { req, keepAlive, http10: minor === '0' };
  }

  /** Tells a client waiting on `Expect: 100-continue` to send its body (once per request). */
  private expectContinue(headers: Record<string, string | undefined>): void {
    if (!this.continued && headers.expect?.toLowerCase() === '100-continue') {
      this.continued = true;
      outbox(this.socket, 'HTTP/1.1 100 Continue\r\n\r\n');
    }
  }

  private reject(status: number, message: string): undefined {
    const body = JSON.stringify({ message });
    outbox(
      this.socket,
      `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? ''}\r\ncontent-type: application/json\r\ncontent-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\ndate: ${httpDate()}\r\n\r\n${body}`,
    );
    outbox(this.socket, END);
    this.consume(this.len);
    this.closing = true;
    this.discarding = true;
    return undefined;
  }

  /** Gives the connection, with what was read of it, to the Node http server (or the h2c server). */
  private handOff(to: { emit(event: 'connection', socket: Socket): boolean } = this.options.fallback): void {
    flushWrites(); // what was answered on this connection goes out before the new owner writes
    this.socket.off('data', this.onData);
    this.socket.off('end', this.onGone);
    clearTimeout(this.idleTimer);
    this.closing = true;
    this.release();
    const pending = this.buf.subarray(0, this.len);
    this.consume(this.len);
    to.emit('connection', this.socket);
    this.socket.unshift(pending);
  }
}

const EMPTY: Buffer = Buffer.alloc(0);
