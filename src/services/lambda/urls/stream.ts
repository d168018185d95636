/**
 * The metadata prelude of a streamed `application/vnd.awslambda.http-integration-response`
 * (HttpResponseStream.from): JSON, then 8 NUL bytes, then the body.
 */
import type { StreamBridge } from '../invoke/stream-bridge.js';

export const HTTP_INTEGRATION_RESPONSE = 'application/vnd.awslambda.http-integration-response';
const DELIMITER = Buffer.alloc(8);

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
