import type { OutgoingHttpHeaders } from 'node:http';

/** An HTTP request as the routers and protocol parsers see it: the whole body already read. */
export interface HttpRequest {
  readonly method: string;
  /** The path without the query string, still percent-encoded. */
  readonly rawPath: string;
  /** The query string without '?', still percent-encoded ('' when absent). */
  readonly rawQuery: string;
  /** Lower-cased header names; repeated headers joined with ', '. */
  readonly headers: Readonly<Record<string, string | undefined>>;
  readonly body: Buffer;
  /** The headers as received (name, value, name, value...) and the peer's address. */
  readonly raw: RawRequestInfo;
}

/** What Node's IncomingMessage offers beyond HttpRequest, and the fast HTTP/1.1 server also provides. */
export interface RawRequestInfo {
  readonly rawHeaders: string[];
  readonly socket: { readonly remoteAddress?: string };
}

export interface HttpResponse {
  status: number;
  headers: Record<string, string>;
  body: Buffer | string;
}

/** Where a response is written: Node's ServerResponse, or the fast HTTP/1.1 server's writer. */
export interface ResponseSink {
  readonly headersSent: boolean;
  writeHead(status: number, headers?: OutgoingHttpHeaders): unknown;
  end(body?: Buffer | string): unknown;
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
