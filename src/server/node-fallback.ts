import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { OutgoingHttpHeaders } from 'node:http';
import type { BodySource, ResponseSink } from '../core/http.js';
import { ConnectionClosedError, IncomingBody, type IncomingRequest } from './body.js';

/**
 * Node's http server, not listening itself: it serves the connections http1.ts hands over for an
 * Upgrade header. Its parser (llhttp) refuses what http1.ts refuses (NUL and other control bytes in
 * a header, Content-Length with Transfer-Encoding) with 400. Requests reach the same handler as
 * http1.ts's, with the body as it arrives and a ResponseSink over ServerResponse.
 */
export function createFallbackServer(handler: (req: IncomingRequest, res: ResponseSink) => Promise<void>, options: { bodyIdleMs: number }): Server {
  return createServer({ keepAliveTimeout: 65_000, requestTimeout: 0 }, (raw, res) => {
    const sink = new NodeResponse(res);
    void handler(incomingRequest(raw, options.bodyIdleMs), sink)
      .catch(() => undefined)
      .finally(() => {
        if (!sink.headersSent) {
          sink.writeHead(500, { 'content-type': 'application/json' });
          sink.end('{"message":"Internal server error"}');
        }
      });
  });
}

/** An upgrade request's head as the routers see it (the connection's bytes after it are the new protocol's). */
export function upgradeRequest(raw: IncomingMessage): IncomingRequest {
  return { ...incomingRequest(raw, 0), incoming: undefined };
}

function incomingRequest(raw: IncomingMessage, bodyIdleMs: number): IncomingRequest {
  const url = raw.url ?? '/';
  const q = url.indexOf('?');
  const headers: Record<string, string | undefined> = {};
  for (const [k, v] of Object.entries(raw.headers)) headers[k] = Array.isArray(v) ? v.join(', ') : v;
  const declared = headers['content-length'];
  const hasBody = headers['transfer-encoding'] !== undefined || (declared !== undefined && declared !== '0');
  return {
    method: raw.method ?? 'GET',
    rawPath: q >= 0 ? url.slice(0, q) : url,
    rawQuery: q >= 0 ? url.slice(q + 1) : '',
    headers,
    body: EMPTY,
    incoming: hasBody ? bodyOf(raw, declared === undefined ? undefined : Number(declared), bodyIdleMs) : undefined,
    raw,
  };
}

/** The message's body as an IncomingBody: the message is paused while the reader lags. */
function bodyOf(raw: IncomingMessage, length: number | undefined, idleMs: number): IncomingBody {
  raw.pause();
  const body = new IncomingBody(length, { pause: () => raw.pause(), resume: () => raw.resume(), start: () => raw.resume(), abort: () => raw.destroy() }, idleMs);
  raw.on('data', (chunk: Buffer) => body.push(chunk));
  raw.on('end', () => body.end());
  raw.on('error', (e) => body.fail(e));
  raw.on('close', () => body.fail(new ConnectionClosedError('the client closed the connection before the end of the body')));
  return body;
}

/** ResponseSink over Node's ServerResponse. */
class NodeResponse implements ResponseSink {
  constructor(private readonly res: ServerResponse) {}

  get headersSent(): boolean {
    return this.res.headersSent;
  }

  writeHead(status: number, headers?: OutgoingHttpHeaders): this {
    this.res.writeHead(status, headers);
    return this;
  }

  end(body?: Buffer | string): this {
    this.res.end(body);
    return this;
  }

  async stream(body: BodySource): Promise<void> {
    const res = this.res;
    try {
      for await (const chunk of body) {
        if (res.destroyed) throw new ConnectionClosedError();
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
      res.destroy();
      throw e;
    }
    res.end();
  }
}

const EMPTY = Buffer.alloc(0);
