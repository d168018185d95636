import { createRequire } from 'node:module';
import type { Socket } from 'node:net';
import type { Http2Server, Http2ServerRequest, Http2ServerResponse, ServerHttp2Session } from 'node:http2';
import type { OutgoingHttpHeaders } from 'node:http';
import type { BodySource, ResponseSink } from '../core/http.js';
import { ConnectionClosedError, IncomingBody, type IncomingRequest } from './body.js';

const require = createRequire(import.meta.url);

/**
 * HTTP/2 in cleartext with prior knowledge (h2c), for clients that speak it to an `http://`
 * endpoint: the AWS SDK for JavaScript v3's Kinesis client (and others whose model asks for h2)
 * use Node's http2 client by default. http1.ts sees the connection preface (`PRI * HTTP/2.0`) and
 * hands the connection, with the bytes already read, to this Node http2 server, which is not
 * listening itself. Its requests reach the same handler as HTTP/1.1's: the pseudo-headers become
 * the method, path and Host, and headers HTTP/2 forbids in a response (connection-specific ones)
 * are dropped from what the handler writes.
 */
export function createH2cServer(handler: (req: IncomingRequest, res: ResponseSink) => Promise<void>, options: { bodyIdleMs: number }): H2cServer {
  let server: Http2Server | undefined;
  const sessions = new Set<ServerHttp2Session>();
  // Node's http2 (and the TLS it loads) is read on the first h2c connection, not at every start:
  // synchronously, since the connection is handed over at once.
  const serverOf = (): Http2Server => {
    if (server) return server;
    const { createServer } = require('node:http2') as typeof import('node:http2');
    server = createServer({}, (raw, res) => {
      const sink = new H2Response(res);
      void handler(incomingRequest(raw, options.bodyIdleMs), sink)
        .catch(() => undefined)
        .finally(() => {
          if (!sink.headersSent && !res.stream.destroyed) {
            sink.writeHead(500, { 'content-type': 'application/json' });
            sink.end('{"message":"Internal server error"}');
          }
        });
    });
    // A client that goes away mid-stream is not an error of the server's.
    server.on('sessionError', () => undefined);
    server.on('session', (session: ServerHttp2Session) => {
      sessions.add(session);
      session.once('close', () => sessions.delete(session));
    });
    return server;
  };
  return {
    emit: (event, socket) => serverOf().emit(event, socket),
    closeSessions(): void {
      for (const s of sessions) s.close();
    },
  };
}

/** The h2c server http1.ts hands connections to (`emit('connection', socket)`). */
export interface H2cServer {
  emit(event: 'connection', socket: Socket): boolean;
  /** At shutdown: each session is told to open no more streams (GOAWAY); those in progress finish. */
  closeSessions(): void;
}

/** The HTTP/2 connection preface a client with prior knowledge opens with. */
export const H2_PREFACE = Buffer.from('PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n', 'latin1');

function incomingRequest(raw: Http2ServerRequest, bodyIdleMs: number): IncomingRequest {
  const url = raw.url ?? '/';
  const q = url.indexOf('?');
  const headers: Record<string, string | undefined> = {};
  const rawHeaders: string[] = [];
  for (const [k, v] of Object.entries(raw.headers)) {
    if (k.startsWith(':') || v === undefined) continue;
    const value = Array.isArray(v) ? v.join(', ') : String(v);
    headers[k] = value;
    rawHeaders.push(k, value);
  }
  if (headers.host === undefined && raw.authority) {
    headers.host = raw.authority;
    rawHeaders.push('host', raw.authority);
  }
  const declared = headers['content-length'];
  // HTTP/2 frames the body itself: a request without Content-Length may still have one (not the end of its stream).
  const hasBody = declared !== undefined ? declared !== '0' : !raw.stream.endAfterHeaders && raw.method !== 'GET' && raw.method !== 'HEAD';
  return {
    method: raw.method ?? 'GET',
    rawPath: q >= 0 ? url.slice(0, q) : url,
    rawQuery: q >= 0 ? url.slice(q + 1) : '',
    headers,
    body: EMPTY,
    incoming: hasBody ? bodyOf(raw, declared === undefined ? undefined : Number(declared), bodyIdleMs) : undefined,
    raw: { rawHeaders, socket: { remoteAddress: raw.socket?.remoteAddress } },
  };
}

function bodyOf(raw: Http2ServerRequest, length: number | undefined, idleMs: number): IncomingBody {
  raw.pause();
  const body = new IncomingBody(length, { pause: () => raw.pause(), resume: () => raw.resume(), start: () => raw.resume(), abort: () => raw.stream.close() }, idleMs);
  raw.on('data', (chunk: Buffer) => body.push(chunk));
  raw.on('end', () => body.end());
  raw.on('error', (e) => body.fail(e));
  raw.on('close', () => body.fail(new ConnectionClosedError('the client closed the stream before the end of the body')));
  return body;
}

/** Headers HTTP/2 forbids in a message (RFC 9113 8.2.2), which Node's http2 refuses to send. */
const CONNECTION_HEADERS = new Set(['connection', 'keep-alive', 'proxy-connection', 'transfer-encoding', 'upgrade', 'host']);

class H2Response implements ResponseSink {
  constructor(private readonly res: Http2ServerResponse) {}

  get headersSent(): boolean {
    return this.res.headersSent;
  }

  writeHead(status: number, headers: OutgoingHttpHeaders = {}): this {
    const out: OutgoingHttpHeaders = {};
    for (const [k, v] of Object.entries(headers)) if (v !== undefined && !CONNECTION_HEADERS.has(k.toLowerCase())) out[k.toLowerCase()] = v;
    this.res.writeHead(status, out);
    return this;
  }

  end(body?: Buffer | string): this {
    if (this.res.stream.destroyed) return this;
    if (body === undefined) this.res.end();
    else this.res.end(body);
    return this;
  }

  async stream(body: BodySource): Promise<void> {
    const res = this.res;
    try {
      for await (const chunk of body) {
        if (res.stream.destroyed) throw new ConnectionClosedError();
        if (!res.write(chunk)) {
          await new Promise<void>((resolve, reject) => {
            const done = (): void => {
              res.off('close', gone);
              resolve();
            };
            const gone = (): void => {
              res.off('drain', done);
              reject(new ConnectionClosedError());
            };
            res.once('drain', done);
            res.once('close', gone);
          });
        }
      }
    } catch (e) {
      res.stream.close();
      throw e;
    }
    res.end();
  }
}

const EMPTY = Buffer.alloc(0);
