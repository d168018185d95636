/**
 * Compressed request and response bodies for the services that take them (DynamoDB): a request
 * body sent with `Content-Encoding: gzip` is decompressed before it is read (after its signature,
 * which covers the compressed bytes, is checked), and a response body of at least the service's
 * threshold is compressed with the encoding the client's Accept-Encoding prefers. The rules are
 * DynamoDB's as observed (ScyllaDB's Alternator test suite records them): gzip only for requests,
 * anything else or broken gzip a 500; gzip and deflate for responses of 4 KiB or more.
 */
import { deflateSync, gunzipSync, gzipSync } from 'node:zlib';
import { AwsError } from '../aws/errors.js';
import type { HttpResponse } from '../core/http.js';
import type { CompressionRules } from '../services/service.js';

/** A compressed body larger than this once decompressed is refused, so one small request can't fill memory. */
export const MAX_DECOMPRESSED_BYTES = 64 * 1024 * 1024;

export class DecompressedTooLarge extends Error {}

/** The request body as the service reads it: decompressed when its Content-Encoding says so. */
export function requestBody(body: Buffer, contentEncoding: string | undefined, rules: CompressionRules): Buffer {
  const encoding = contentEncoding?.trim().toLowerCase();
  if (!encoding || encoding === 'identity') return body;
  if (!rules.requestEncodings.includes(encoding)) throw internalError();
  try {
    return gunzipSync(body, { maxOutputLength: MAX_DECOMPRESSED_BYTES });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') throw new DecompressedTooLarge();
    throw internalError();
  }
}

function internalError(): AwsError {
  return new AwsError('InternalServerError', 'Internal server error', 500);
}

/** Compresses the response in place when it is large enough and the client accepts gzip or deflate. */
export function compressResponse(response: HttpResponse, acceptEncoding: string | undefined, rules: CompressionRules): void {
  const body = response.body;
  if (!acceptEncoding || !(typeof body === 'string' || Buffer.isBuffer(body))) return;
  const bytes = typeof body === 'string' ? Buffer.from(body) : body;
  if (bytes.length < rules.responseThreshold) return;
  const encoding = preferredEncoding(acceptEncoding);
  if (!encoding) return;
  response.body = encoding === 'gzip' ? gzipSync(bytes) : deflateSync(bytes);
  response.headers['content-encoding'] = encoding;
}

const OFFERED = ['gzip', 'deflate'] as const;

/**
 * The encoding an Accept-Encoding value prefers among gzip and deflate, or undefined for none:
 * the highest quality above 0; at equal quality a coding named outright beats `*`, then the one
 * listed first, and `*` alone means gzip. Quality values above 1 count as 1, below 0 as 0, and one
 * that is not a number as 1 (the first `q` of an entry counts); names are case-insensitive;
 * unknown codings and `identity` are ignored.
 */
export function preferredEncoding(header: string): (typeof OFFERED)[number] | undefined {
  const explicit = new Map<string, { q: number; at: number }>();
  let star: number | undefined;
  header.split(',').forEach((entry, at) => {
    const [rawName, ...params] = entry.split(';');
    const name = rawName!.trim().toLowerCase();
    if (name !== '*' && !(OFFERED as readonly string[]).includes(name)) return;
    let q = 1;
    for (const p of params) {
      const m = /^\s*q\s*=\s*(.*?)\s*$/i.exec(p);
      if (!m) continue;
      q = /^-?(\d+\.?\d*|\.\d+)$/.test(m[1]!) ? Math.min(1, Math.max(0, Number(m[1]))) : 1;
      break;
    }
    if (name === '*') star ??= q;
    else {
      const seen = explicit.get(name);
      if (!seen || q > seen.q) explicit.set(name, { q, at: seen?.at ?? at });
    }
  });
  let best: { name: (typeof OFFERED)[number]; q: number; named: boolean; at: number } | undefined;
  for (const name of OFFERED) {
    const e = explicit.get(name);
    const cand = e ? { name, q: e.q, named: true, at: e.at } : star !== undefined ? { name, q: star, named: false, at: Infinity } : undefined;
    if (!cand || cand.q <= 0) continue;
    if (!best || cand.q > best.q || (cand.q === best.q && ((cand.named && !best.named) || (cand.named === best.named && cand.at < best.at)))) best = cand;
  }
  return best?.name;
}
