/**
 * `aws-chunked` content encoding, decoded as it streams: `<hex size>[;chunk-signature=<sig>]\r\n
 * <bytes>\r\n ... 0[;chunk-signature=<sig>]\r\n[<trailer>:<value>\r\n]*\r\n`. The v3 SDKs send it
 * unsigned with a trailing checksum (STREAMING-UNSIGNED-PAYLOAD-TRAILER); the AWS CLI and boto3
 * sign each chunk (STREAMING-AWS4-HMAC-SHA256-PAYLOAD), each signature chained to the previous one.
 */
import { createHash, type Hash } from 'node:crypto';
import { AwsError } from '../../aws/errors.js';
import { incompleteBody } from './errors.js';

/** Checks chunk signatures; given only when the server verifies signatures (--auth strict). */
export interface ChunkSignatures {
  /** Whether `signature` signs a chunk whose bytes hash to `sha256Hex` (the chain advances on success). */
  verify(signature: string, sha256Hex: string): boolean;
}

const MAX_LINE = 4096;

const malformed = (): AwsError => new AwsError('InvalidRequest', 'Invalid chunked encoding: the aws-chunked body is malformed.', 400);
const chunkSignatureMismatch = (): AwsError =>
  new AwsError('SignatureDoesNotMatch', 'The request signature we calculated does not match the signature you provided. Check your key and signing method.', 403);

/** The decoded bytes of an aws-chunked body; `trailers` holds the trailing headers once it ended. */
export class AwsChunkedDecoder implements AsyncIterable<Buffer> {
  readonly trailers = new Map<string, string>();

  constructor(
    private readonly source: AsyncIterable<Buffer>,
    private readonly signatures?: ChunkSignatures,
  ) {}

  async *[Symbol.asyncIterator](): AsyncIterator<Buffer> {
    let state: 'size' | 'data' | 'data-end' | 'trailer' | 'done' = 'size';
    let line = Buffer.alloc(0);
    let remaining = 0;
    let signature: string | undefined;
    let hash: Hash | undefined;
    for await (let chunk of this.source) {
      while (chunk.length > 0) {
        if (state === 'data') {
          const take = Math.min(remaining, chunk.length);
          const data = chunk.subarray(0, take);
          hash?.update(data);
          remaining -= take;
          chunk = chunk.subarray(take);
          if (data.length > 0) yield data;
          if (remaining === 0) {
            state = 'data-end';
            this.checkSignature(signature, hash);
          }
          continue;
        }
        if (state === 'done') {
          // Bytes past the final empty line.
          if (chunk.toString('latin1').trim() !== '') throw malformed();
          break;
        }
        const nl = chunk.indexOf(0x0a);
        if (nl < 0) {
          line = Buffer.concat([line, chunk]);
          if (line.length > MAX_LINE) throw malformed();
          break;
        }
        const text = Buffer.concat([line, chunk.subarray(0, nl)]).toString('latin1').replace(/\r$/, '');
        line = Buffer.alloc(0);
        chunk = chunk.subarray(nl + 1);
        if (state === 'data-end') {
          if (text !== '') throw malformed();
          state = 'size';
        } else if (state === 'size') {
          const m = /^([0-9a-fA-F]+)(?:;chunk-signature=([0-9a-f]{64}))?$/.exec(text);
          if (!m) throw malformed();
          remaining = parseInt(m[1]!, 16);
          signature = m[2];
          if (this.signatures && !signature) throw chunkSignatureMismatch();
          hash = this.signatures ? createHash('sha256') : undefined;
          if (remaining === 0) {
            this.checkSignature(signature, hash);
            state = 'trailer';
          } else state = 'data';
        } else if (state === 'trailer') {
          if (text === '') state = 'done';
          else {
            const colon = text.indexOf(':');
            if (colon <= 0) throw malformed();
            this.trailers.set(text.slice(0, colon).trim().toLowerCase(), text.slice(colon + 1).trim());
          }
        }
      }
    }
    // A body may end right after its trailers (no final empty line), as some clients send it.
    if (state !== 'done' && state !== 'trailer') throw incompleteBody();
  }

  private checkSignature(signature: string | undefined, hash: Hash | undefined): void {
    if (!this.signatures || !hash) return;
    if (!signature || !this.signatures.verify(signature, hash.digest('hex'))) throw chunkSignatureMismatch();
  }
}
