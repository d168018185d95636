import { deflateSync, gzipSync } from 'node:zlib';
import type { Reply, StageRequest } from './types.js';

/** Header pairs from Node's flat `rawHeaders` list (name, value, name, value...). */
export function rawHeaderPairs(raw: string[]): [string, string][] {
  const out: [string, string][] = [];
  for (let i = 0; i + 1 < raw.length; i += 2) out.push([raw[i]!, raw[i + 1]!]);
  return out;
}

/** Single- and multi-value header maps; a repeated name keeps the case it first arrived in. */
export function headerMaps(raw: [string, string][]): { headers: Record<string, string>; multiHeaders: Record<string, string[]> } {
  const headers: Record<string, string> = {};
  const multiHeaders: Record<string, string[]> = {};
  const canonical = new Map<string, string>();
  for (const [k, v] of raw) {
    const lower = k.toLowerCase();
    const name = canonical.get(lower) ?? k;
    canonical.set(lower, name);
    headers[name] = v;
    (multiHeaders[name] ??= []).push(v);
  }
  return { headers, multiHeaders };
}

export function queryMaps(rawQuery: string): { query: Record<string, string>; multiQuery: Record<string, string[]> } {
  const query: Record<string, string> = {};
  const multiQuery: Record<string, string[]> = {};
  if (!rawQuery) return { query, multiQuery };
  for (const [k, v] of new URLSearchParams(rawQuery)) {
    query[k] = v;
    (multiQuery[k] ??= []).push(v);
  }
  return { query, multiQuery };
}

/** A header by case-insensitive name. */
export function headerValue(headers: Record<string, string>, name: string): string | undefined {
  if (name in headers) return headers[name];
  const lower = name.toLowerCase();
  for (const [k, v] of Object.entries(headers)) if (k.toLowerCase() === lower) return v;
  return undefined;
}

/** The request's media type, lower-cased without parameters ('application/json' when it has none). */
export function requestContentType(headers: Record<string, string>): string {
  return (headerValue(headers, 'content-type') ?? 'application/json').split(';')[0]!.trim().toLowerCase();
}

/** Whether a media type matches a pattern: an exact type, a range such as `image/*`, or the catch-all. */
export function mediaMatches(pattern: string, type: string): boolean {
  const p = pattern.trim().toLowerCase();
  const t = type.split(';')[0]!.trim().toLowerCase();
  if (p === '*/*') return true;
  if (p.endsWith('/*')) return t.startsWith(p.slice(0, -1));
  return p === t;
}

/** Whether a whole text matches a (user-written) regular expression; an invalid one matches nothing. */
export function fullMatch(pattern: string, text: string): boolean {
  try {
    return new RegExp(`^(?:${pattern})$`, 's').test(text);
  } catch {
    return false;
  }
}

/**
 * The headers API Gateway adds before the integration sees the request (X-Forwarded-For/Port/Proto,
 * X-Amzn-Trace-Id), unless the client sent them; here they describe the local connection.
 */
export function withForwardingHeaders(request: StageRequest, traceId: string): [string, string][] {
  const present = new Set(request.rawHeaders.map(([k]) => k.toLowerCase()));
  const out = [...request.rawHeaders];
  const host = request.rawHeaders.find(([k]) => k.toLowerCase() === 'host')?.[1] ?? '';
  const port = /:(\d+)$/.exec(host)?.[1] ?? '80';
  if (!present.has('x-forwarded-for')) out.push(['X-Forwarded-For', request.sourceIp]);
  else {
    const i = out.findIndex(([k]) => k.toLowerCase() === 'x-forwarded-for');
    out[i] = [out[i]![0], `${out[i]![1]}, ${request.sourceIp}`];
  }
  if (!present.has('x-forwarded-port')) out.push(['X-Forwarded-Port', port]);
  if (!present.has('x-forwarded-proto')) out.push(['X-Forwarded-Proto', 'http']);
  if (!present.has('x-amzn-trace-id')) out.push(['X-Amzn-Trace-Id', traceId]);
  return out;
}

/** Payload compression (minimumCompressionSize): gzip or deflate when the client accepts it and the body is large enough. */
export function compress(reply: Reply, minimum: number | undefined, acceptEncoding: string | undefined): void {
  if (minimum === undefined || minimum === null || !acceptEncoding || reply.body.length < minimum || reply.headers['content-encoding']) return;
  const accepted = acceptEncoding.split(',').map((e) => e.split(';')[0]!.trim().toLowerCase());
  const encoding = accepted.includes('gzip') ? 'gzip' : accepted.includes('deflate') ? 'deflate' : undefined;
  if (!encoding) return;
  reply.body = encoding === 'gzip' ? gzipSync(reply.body) : deflateSync(reply.body);
  reply.headers['content-encoding'] = encoding;
  delete reply.headers['content-length'];
}
