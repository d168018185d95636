import type { IncomingMessage } from 'node:http';

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
  readonly raw: IncomingMessage;
}

export interface HttpResponse {
  status: number;
  headers: Record<string, string>;
  body: Buffer | string;
}
