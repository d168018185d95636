/**
 * A streamed function response on its way to a client: the runtime side pushes (ResponseStreamSink),
 * the HTTP side pulls (an async iterator), and the metadata prelude of
 * `application/vnd.awslambda.http-integration-response` (JSON, then 8 NUL bytes) is read off the front.
 */
import type { ResponseStreamSink } from '../../../runtime/streamed-response.js';

export const HTTP_INTEGRATION_RESPONSE = 'application/vnd.awslambda.http-integration-response';
const DELIMITER = Buffer.alloc(8);

export class StreamBridge implements ResponseStreamSink {
  /** Resolves with the Content-Type once the function began its response. */
  readonly begun: Promise<string>;
  /** The function failed after it began (the stream was cut short). */
  failure: { errorType: string; payload: Buffer } | undefined;
  private resolveBegun!: (contentType: string) => void;
  private readonly queue: Buffer[] = [];
  private ended = false;
  private wake: (() => void) | undefined;

  constructor() {
    this.begun = new Promise((resolve) => (this.resolveBegun = resolve));
  }

  begin(contentType: string): void {
    this.resolveBegun(contentType);
  }

  chunk(data: Buffer): void {
    this.queue.push(data);
    this.notify();
  }

  end(error?: { errorType: string; payload: Buffer }): void {
    this.ended = true;
    this.failure = error;
    this.notify();
  }

  private notify(): void {
    const w = this.wake;
    this.wake = undefined;
    w?.();
  }

  /** The pieces in order, as they come; done when the function's response ended. */
  async next(): Promise<Buffer | undefined> {
    for (;;) {
      const piece = this.queue.shift();
      if (piece) return piece;
      if (this.ended) return undefined;
      await new Promise<void>((resolve) => (this.wake = resolve));
    }
  }
}

/**
 * Reads the prelude off the front of the stream: its JSON (undefined when it is not valid, or the
 * stream ended before the delimiter) and what followed the delimiter in the same piece.
 */
export async function readPrelude(bridge: StreamBridge): Promise<{ metadata: Record<string, unknown>; rest: Buffer } | undefined> {
  let head = Buffer.alloc(0);
  for (;;) {
    const at = head.indexOf(DELIMITER);
    if (at >= 0) {
      let metadata: unknown;
      try {
        metadata = JSON.parse(head.subarray(0, at).toString('utf8'));
      } catch {
        return undefined;
      }
      if (metadata === null || typeof metadata !== 'object' || Array.isArray(metadata)) return undefined;
      return { metadata: metadata as Record<string, unknown>, rest: head.subarray(at + DELIMITER.length) };
    }
    const piece = await bridge.next();
    if (!piece) return undefined;
    head = Buffer.concat([head, piece]);
  }
}

/** Status and headers from a prelude: `statusCode` (200 by default), `headers`, `cookies`. */
export function preludeHead(metadata: Record<string, unknown>): { status: number; headers: Record<string, string | string[]> } {
  const code = Number(metadata.statusCode);
  const status = Number.isInteger(code) && code >= 100 && code <= 599 ? code : 200;
  const headers: Record<string, string | string[]> = {};
  const given = metadata.headers;
  if (given && typeof given === 'object' && !Array.isArray(given)) {
    for (const [k, v] of Object.entries(given)) if (v !== null && v !== undefined) headers[k.toLowerCase()] = String(v);
  }
  headers['content-type'] ??= 'application/octet-stream';
  if (Array.isArray(metadata.cookies) && metadata.cookies.length) headers['set-cookie'] = metadata.cookies.map(String);
  for (const h of ['content-length', 'transfer-encoding', 'connection']) delete headers[h];
  return { status, headers };
}
