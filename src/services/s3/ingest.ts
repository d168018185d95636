/**
 * A request body into the blob store, as it streams: aws-chunked decoded, its length, Content-MD5,
 * x-amz-content-sha256 and x-amz-checksum-* (header or trailer) checked, AWS's error for each
 * mismatch. Nothing stays behind a body that failed: its blob is deleted before the error is thrown.
 */
import { createHash, createHmac } from 'node:crypto';
import { AwsError } from '../../aws/errors.js';
import { parseSigV4, signingKey } from '../../aws/sigv4.js';
import type { RequestContext } from '../../core/context.js';
import type { BodyStream } from '../../core/http.js';
import { BlobTooLargeError, type BlobInfo } from '../../storage/blobs/index.js';
import { AwsChunkedDecoder, type ChunkSignatures } from './aws-chunked.js';
import {
  CHECKSUM_ALGORITHMS,
  checksumHeader,
  checksummer,
  DIGEST_BYTES,
  parseAlgorithm,
  type ChecksumAlgorithm,
  type Checksummer,
} from './checksums.js';
import type { S3Core } from './core.js';
import { OFFLOAD_FROM, offloadWorthIt, OffloadedDigests } from './digest-offload.js';
import {
  badDigest,
  checksumMismatch,
  entityTooLarge,
  incompleteBody,
  invalidChecksumHeader,
  invalidDigest,
  invalidRequest,
  missingContentLength,
  sha256Mismatch,
  unsupportedChecksum,
} from './errors.js';

export interface Ingested {
  blob: BlobInfo;
  /** MD5 of the bytes (the ETag of a single-part object). */
  md5: Buffer;
  /** The checksum sent (verified), else the one computed for `defaultAlgorithm`. */
  checksum?: { algorithm: ChecksumAlgorithm; value: string };
  /** The `extra` algorithm's checksum, when asked for. */
  extra?: string;
}

const EMPTY_SHA256 = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';

/** The checksum a request declares: its algorithm and, when sent in a header, its value. */
export function declaredChecksum(headers: RequestContext['headers']): { algorithm: ChecksumAlgorithm; value?: string; trailer?: string } | undefined {
  const present = CHECKSUM_ALGORITHMS.filter((a) => headers[checksumHeader(a)] !== undefined);
  if (present.length > 1) throw invalidRequest('Expecting a single x-amz-checksum- header. Multiple checksum Types are not allowed.');
  const trailer = headers['x-amz-trailer']?.trim().toLowerCase();
  const fromTrailer = trailer?.startsWith('x-amz-checksum-') ? parseAlgorithm(trailer.slice('x-amz-checksum-'.length)) : undefined;
  if (trailer && !fromTrailer) throw invalidRequest(`The value specified in the x-amz-trailer header is not supported`);
  const algorithm = present[0] ?? fromTrailer ?? parseAlgorithm(headers['x-amz-sdk-checksum-algorithm']);
  if (!algorithm) {
    if (headers['x-amz-sdk-checksum-algorithm']) throw unsupportedChecksum();
    return undefined;
  }
  const header = checksumHeader(algorithm);
  const value = headers[header];
  if (value !== undefined && !validDigest(algorithm, value)) throw invalidChecksumHeader(header);
  return { algorithm, value, trailer: fromTrailer ? header : undefined };
}

/** The digests computed on this thread as the bytes pass (a small body), with OffloadedDigests' interface. */
function inlineDigests(names: string[]): Pick<OffloadedDigests, 'update' | 'digests' | 'close'> {
  const sums = names.map((name): Checksummer => {
    if (name !== 'MD5') return checksummer(name as ChecksumAlgorithm);
    const h = createHash('md5');
    return { update: (c) => h.update(c), digest: () => h.digest() };
  });
  return {
    update(chunk) {
      for (const sum of sums) sum.update(chunk);
      return undefined;
    },
    digests: async () => new Map(names.map((name, i) => [name, sums[i]!.digest()])),
    close() {},
  };
}

function validDigest(algorithm: ChecksumAlgorithm, value: string): boolean {
  return /^[A-Za-z0-9+/]*={0,2}$/.test(value) && Buffer.from(value, 'base64').length === DIGEST_BYTES[algorithm];
}

/** Reads `body` into a new blob, checking what the request's headers declare about it. */
export async function ingest(
  core: S3Core,
  ctx: RequestContext,
  body: BodyStream,
  options: { maxBytes: number; defaultAlgorithm?: ChecksumAlgorithm; extra?: ChecksumAlgorithm },
): Promise<Ingested> {
  const h = ctx.headers;
  const md5Header = h['content-md5'];
  let expectedMd5: Buffer | undefined;
  if (md5Header !== undefined) {
    expectedMd5 = Buffer.from(md5Header, 'base64');
    if (expectedMd5.length !== 16 || !/^[A-Za-z0-9+/]+={0,2}$/.test(md5Header.trim())) throw invalidDigest(md5Header);
  }
  const declared = declaredChecksum(h);
  const contentSha = h['x-amz-content-sha256']?.trim();
  const chunked = /(^|,)\s*aws-chunked\s*(,|$)/i.test(h['content-encoding'] ?? '') || !!contentSha?.startsWith('STREAMING-');
  let length: number | undefined = body.length;
  if (chunked) {
    const decoded = h['x-amz-decoded-content-length'];
    length = decoded !== undefined && /^\d+$/.test(decoded) ? Number(decoded) : undefined;
  }
  if (length === undefined) throw missingContentLength();
  if (length > options.maxBytes) throw entityTooLarge(length, options.maxBytes);

  const decoder = chunked ? new AwsChunkedDecoder(body, chunkSignatures(core, ctx)) : undefined;
  const wantSha = !!contentSha && /^[0-9a-fA-F]{64}$/.test(contentSha) && !chunked;
  // The server's own check of that SHA-256 would be a second pass over the bytes: this one answers it.
  const source: AsyncIterable<Buffer> = decoder ?? (wantSha && body.unchecked ? body.unchecked : body);
  const algorithm = declared?.algorithm ?? options.defaultAlgorithm;
  const extraAlgorithm = options.extra && options.extra !== algorithm ? options.extra : undefined;
  // One SHA-256 serves both x-amz-content-sha256 and a SHA256 checksum.
  const names = [...new Set(['MD5', ...(wantSha ? ['SHA256'] : []), ...(algorithm ? [algorithm] : []), ...(extraAlgorithm ? [extraAlgorithm] : [])])];
  const digests = length >= OFFLOAD_FROM && offloadWorthIt() ? new OffloadedDigests(names) : inlineDigests(names);
  let count = 0;
  async function* tap(): AsyncIterable<Buffer> {
    for await (const chunk of source) {
      count += chunk.length;
      const wait = digests.update(chunk);
      if (wait) await wait;
      yield chunk;
    }
  }
  let blob: BlobInfo;
  try {
    blob = await core.blobs.put(tap(), { maxBytes: options.maxBytes, sha256: false, inline: true });
  } catch (e) {
    digests.close();
    if (e instanceof BlobTooLargeError) throw entityTooLarge(count, options.maxBytes);
    throw e;
  }
  try {
    if (count !== length) {
      digests.close();
      throw incompleteBody();
    }
    const computed = await digests.digests();
    const digest = computed.get('MD5')!;
    if (wantSha) {
      const hex = computed.get('SHA256')!.toString('hex');
      if (hex !== contentSha!.toLowerCase()) throw sha256Mismatch(contentSha!, hex);
    }
    if (expectedMd5 && !expectedMd5.equals(digest)) throw badDigest(md5Header!, digest.toString('base64'));
    let checksum: Ingested['checksum'];
    if (algorithm) {
      const value = computed.get(algorithm)!.toString('base64');
      let sent = declared?.value;
      if (declared?.trailer) {
        sent = decoder?.trailers.get(declared.trailer);
        if (sent === undefined) throw new AwsError('MalformedTrailerError', 'The request contained trailing data that was not well-formed or did not conform to our published schema.', 400);
        if (!validDigest(algorithm, sent)) throw invalidChecksumHeader(declared.trailer);
      }
      if (sent !== undefined && sent !== value) throw checksumMismatch(algorithm);
      checksum = { algorithm, value };
    }
    const extraValue = extraAlgorithm ? computed.get(extraAlgorithm)!.toString('base64') : options.extra && options.extra === checksum?.algorithm ? checksum.value : undefined;
    return { blob, md5: digest, checksum, extra: extraValue };
  } catch (e) {
    await core.blobs.delete(blob.id).catch(() => false);
    throw e;
  }
}

/**
 * The chunk signature chain of a STREAMING-AWS4-HMAC-SHA256-PAYLOAD body, checked when the server
 * verifies signatures (--auth strict); the seed is the request's own signature.
 */
function chunkSignatures(core: S3Core, ctx: RequestContext): ChunkSignatures | undefined {
  const config = core.platform.config;
  if (config.auth !== 'strict' || !ctx.headers['x-amz-content-sha256']?.startsWith('STREAMING-AWS4-HMAC-SHA256-PAYLOAD')) return undefined;
  const info = parseSigV4({ method: 'PUT', rawPath: '/', rawQuery: '', headers: ctx.headers, body: Buffer.alloc(0), raw: { rawHeaders: [], socket: {} } }, 's3');
  const cred = info && config.credentials.find((c) => c.accessKeyId === info.accessKeyId);
  if (!info || !cred) return undefined;
  const key = signingKey(cred.secretAccessKey, info.date, info.region, info.service);
  const scope = `${info.date}/${info.region}/${info.service}/aws4_request`;
  let previous = info.signature;
  return {
    verify(signature, sha256Hex) {
      const toSign = ['AWS4-HMAC-SHA256-PAYLOAD', info.amzDate, scope, previous, EMPTY_SHA256, sha256Hex].join('\n');
      const expected = createHmac('sha256', key).update(toSign).digest('hex');
      if (expected !== signature) return false;
      previous = signature;
      return true;
    },
  };
}
