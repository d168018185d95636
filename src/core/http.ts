import type { OutgoingHttpHeaders } from 'node:http';

/**
 * An HTTP request as the routers, protocol parsers and data planes see it. Most requests arrive
 * with their whole body in `body`; a streaming route or operation (DataPlaneRoute `streaming`, a
 * model payload member marked `streaming`, e.g. S3 PutObject) gets it in `stream` instead.
 */
export interface HttpRequest {
  readonly method: string;
  /** The path without the query string, still percent-encoded. */
  readonly rawPath: string;
  /**
   * The path the client sent and signed, where a service addressed the request by its host and gave
   * the router another `rawPath` (S3's virtual-hosted buckets: `/key` sent, `/bucket/key` routed).
   */
  readonly signedPath?: string;
  /** The query string without '?', still percent-encoded ('' when absent). */
  readonly rawQuery: string;
  /** Lower-cased header names; repeated headers joined with ', '. */
  readonly headers: Readonly<Record<string, string | undefined>>;
  /** The whole body; empty when it streams (`stream` is set). */
  readonly body: Buffer;
  /** The body as it arrives, for streaming routes and operations only. */
  readonly stream?: BodyStream;
  /** The headers as received (name, value, name, value...) and the peer's address. */
  readonly raw: RawRequestInfo;
}

/**
 * A request body read as it arrives, once. Reading pulls: while the reader does not ask for more,
 * the connection is paused (backpressure), so a 5 GB upload holds a few chunks in memory at a time.
 * Iteration throws when the client goes away or sends a malformed body.
 */
export interface BodyStream extends AsyncIterable<Buffer> {
  /** The declared Content-Length; undefined for a chunked body. */
  readonly length: number | undefined;
  /**
   * Set on a body the server checks against its x-amz-content-sha256 as it streams: the same body
   * unchecked, for a reader that computes that SHA-256 itself and answers a mismatch (S3's uploads).
   */
  readonly unchecked?: BodyStream;
}

/** What Node's IncomingMessage offers beyond HttpRequest, and the fast HTTP/1.1 server also provides. */
export interface RawRequestInfo {
  readonly rawHeaders: string[];
  readonly socket: { readonly remoteAddress?: string };
}

/** A response body produced as it is sent: chunks are written as the consumer (the socket) takes them. */
export type BodySource = AsyncIterable<Uint8Array>;

export interface HttpResponse {
  status: number;
  headers: Record<string, string>;
  /** A stream is sent with its content-length header when set, else chunked. */
  body: Buffer | string | BodySource;
  /** The service set its own CORS headers (S3's bucket rules): the server adds none. */
  ownCors?: boolean;
}

/** Where a response is written: the fast HTTP/1.1 server's writer, or an adapter over Node's ServerResponse. */
export interface ResponseSink {
  readonly headersSent: boolean;
  writeHead(status: number, headers?: OutgoingHttpHeaders): unknown;
  /** Sends the head and a whole body (one socket write for small responses). */
  end(body?: Buffer | string): unknown;
  /**
   * Sends the head and then `body` as it is produced, waiting for the socket to drain (backpressure):
   * with Content-Length when writeHead gave one, else chunked. Resolves once all is written;
   * rejects if the client went away (the source is then closed through its iterator's return()).
   */
  stream(body: BodySource): Promise<void>;
}

/** True for a value to send as a stream (an async iterable that is not a Buffer or string). */
export function isBodySource(value: unknown): value is BodySource {
  return typeof value === 'object' && value !== null && typeof (value as BodySource)[Symbol.asyncIterator] === 'function';
}

/** Lets a body that will not be sent release what it holds (an open file, a blob reader). */
export async function closeSource(body: BodySource): Promise<void> {
  await body[Symbol.asyncIterator]().return?.();
}

/** The Host header lower-cased, without its port. */
export function hostName(header: string | undefined): string {
  if (!header) return '';
  const h = header.toLowerCase();
  if (h.startsWith('[')) return h.slice(0, h.indexOf(']') + 1);
  const colon = h.lastIndexOf(':');
  return colon >= 0 ? h.slice(0, colon) : h;
}

/** Percent-decodes a URL part; text that is not valid percent-encoding is kept as it is. */
export function percentDecode(s: string): string {
  if (!s.includes('%')) return s;
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/**
 * The domains that stand for this server in host names, as regular-expression source: `localhost`
 * (Stratus's own `{id}.execute-api.localhost`) and LocalStack's `localhost.localstack.cloud`, whose
 * DNS answers 127.0.0.1 for every subdomain, so configurations written for LocalStack work unchanged.
 */
export const LOCAL_DOMAINS = ['localhost', 'localhost\\.localstack\\.cloud'] as const;

/**
 * A host-name pattern for a data plane or host-addressed API: `prefix` (regular-expression source,
 * with its capture groups) followed by one of the local domains or one of `awsDomains` (AWS's own,
 * for clients whose DNS points AWS's names here), e.g. hostPattern('([a-z0-9]+)\\.execute-api', ['amazonaws\\.com']).
 */
export function hostPattern(prefix: string, awsDomains: readonly string[] = []): RegExp {
  return new RegExp(`^${prefix}\\.(?:${[...LOCAL_DOMAINS, ...awsDomains].join('|')})$`);
}

/** The names clients use to reach the API endpoint itself: no data plane lives there. */
export function isPlainHost(host: string): boolean {
  return host === 'localhost' || host === 'localhost.localstack.cloud' || host === '127.0.0.1' || host.startsWith('[') || /^\d+\.\d+\.\d+\.\d+$/.test(host);
}

const EXPOSED_HEADERS = 'x-amzn-requestid, x-amz-request-id, x-amz-id-2, x-amzn-errortype, x-amz-function-error, x-amz-log-result, x-amz-executed-version, etag, x-amz-version-id, date';

/**
 * Writes a response. Browsers send Origin on every cross-origin request, so the CORS headers they
 * need to read AWS responses go only to requests that carry one (SDKs and the CLI never do).
 */
export function send(res: ResponseSink, req: HttpRequest, response: HttpResponse): Promise<void> | undefined {
  if (res.headersSent) return undefined;
  const headers: Record<string, string | number> = response.headers;
  const origin = req.headers.origin;
  if (origin && !response.ownCors) {
    headers['access-control-allow-origin'] = origin;
    headers['access-control-expose-headers'] = EXPOSED_HEADERS;
    headers.vary = 'Origin';
  }
  const body = response.body;
  if (typeof body !== 'string' && !Buffer.isBuffer(body)) {
    // A stream: sent with the content-length the headers give, else chunked.
    res.writeHead(response.status, headers);
    if (req.method !== 'HEAD') return res.stream(body);
    res.end();
    return closeSource(body);
  }
  // A HEAD response describes the body a GET would send (e.g. S3 HeadObject's Content-Length).
  if (req.method !== 'HEAD' || !headers['content-length']) headers['content-length'] = typeof body === 'string' ? Buffer.byteLength(body) : body.length;
  res.writeHead(response.status, headers);
  res.end(req.method === 'HEAD' ? undefined : body);
  return undefined;
}

/** The answer to a browser's preflight for an AWS API: any method and header from any origin. */
export function preflight(req: HttpRequest, res: ResponseSink): void {
  send(res, req, {
    status: 200,
    headers: {
      'access-control-allow-methods': 'GET, POST, PUT, PATCH, DELETE, HEAD, OPTIONS',
      'access-control-allow-headers': req.headers['access-control-request-headers'] ?? '*',
      'access-control-max-age': '86400',
    },
    body: '',
  });
}
