/**
 * CloudFront's compression: with Compress on the behavior, a viewer that accepts gzip or Brotli,
 * and a response of a compressible type between 1,000 and 10,000,000 bytes that the origin did not
 * encode, the edge answers it compressed (Brotli preferred) with `Content-Encoding` and
 * `Vary: Accept-Encoding` (a strong ETag made weak). The compressed bytes of a cached body are kept beside it (by identity).
 */
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { EdgeResponse } from './events.js';

const COMPRESSIBLE = [
  /^text\//,
  /^application\/(javascript|x-javascript|json|ld\+json|xml|xhtml\+xml|rss\+xml|atom\+xml|manifest\+json|wasm|vnd\.ms-fontobject|x-font-ttf|x-font-opentype|x-font-truetype|font-woff|font-eot|font-otf|font-ttf|x-web-app-manifest\+json|x-httpd-cgi|x-perl|x-otf|x-ttf|x-protobuf)\b/,
  /^font\//,
  /^image\/(svg\+xml|x-icon|vnd\.microsoft\.icon|x-win-bitmap)\b/,
];

const memo = new WeakMap<Buffer, { gzip?: Buffer; br?: Buffer }>();

export function compressFor(acceptEncoding: string | undefined, response: EdgeResponse): EdgeResponse {
  if (!acceptEncoding || response.status !== 200 || response.headers['content-encoding']) return response;
  const size = response.body.length;
  if (size < 1000 || size > 10_000_000) return response;
  const type = (response.headers['content-type'] ?? '').toLowerCase();
  if (!COMPRESSIBLE.some((re) => re.test(type))) return response;
  const accepted = acceptEncoding.toLowerCase().split(',').map((e) => e.trim().split(';')[0]);
  const encoding = accepted.includes('br') ? 'br' : accepted.includes('gzip') ? 'gzip' : undefined;
  if (!encoding) return response;
  const known = memo.get(response.body) ?? {};
  let body = known[encoding];
  if (!body) {
    body = encoding === 'br' ? brotliCompressSync(response.body, { params: { [constants.BROTLI_PARAM_QUALITY]: 4 } }) : gzipSync(response.body, { level: 6 });
    known[encoding] = body;
    memo.set(response.body, known);
  }
  const headers: Record<string, string> = { ...response.headers, 'content-encoding': encoding, vary: response.headers.vary ? `${response.headers.vary}, Accept-Encoding` : 'Accept-Encoding' };
  delete headers['content-length'];
  // A compressed body is another representation: CloudFront weakens a strong ETag.
  if (headers.etag && !headers.etag.startsWith('W/')) headers.etag = `W/${headers.etag}`;
  return { ...response, headers, body };
}
