/** An object's stored headers: taken from a write's input, given back on GET/HEAD. */
import { AwsError } from '../../aws/errors.js';
import type { HeadObjectOutput } from '../../generated/s3.js';
import { checksumMember } from './checksums.js';
import type { ObjectMeta, ObjectRow, StoredChecksum } from './store.js';

/** AWS's limit on user-defined metadata: names and values, in UTF-8 bytes. */
export const MAX_METADATA_BYTES = 2048;

interface WriteHeaders {
  ContentType?: string;
  ContentEncoding?: string;
  ContentDisposition?: string;
  ContentLanguage?: string;
  CacheControl?: string;
  WebsiteRedirectLocation?: string;
  Metadata?: Record<string, string>;
}

/** The headers a write stores, `expires` as the client sent it. aws-chunked is transfer framing, not the object's encoding. */
export function metaFromInput(input: WriteHeaders, expires: string | undefined): ObjectMeta {
  const metadata: Record<string, string> = {};
  let bytes = 0;
  for (const [k, v] of Object.entries(input.Metadata ?? {})) {
    metadata[k.toLowerCase()] = v;
    bytes += Buffer.byteLength(k) + Buffer.byteLength(v);
  }
  if (bytes > MAX_METADATA_BYTES) {
    throw new AwsError('MetadataTooLarge', 'Your metadata headers exceed the maximum allowed metadata size', 400, { fields: { Size: bytes, MaxSizeAllowed: MAX_METADATA_BYTES } });
  }
  const encoding = input.ContentEncoding?.split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '' && s.toLowerCase() !== 'aws-chunked')
    .join(', ');
  return {
    contentType: input.ContentType,
    contentEncoding: encoding || undefined,
    contentDisposition: input.ContentDisposition,
    contentLanguage: input.ContentLanguage,
    cacheControl: input.CacheControl,
    expires,
    websiteRedirectLocation: input.WebsiteRedirectLocation,
    metadata,
  };
}

export function checksumFields(c: StoredChecksum | undefined): Partial<HeadObjectOutput> {
  if (!c) return {};
  return { [checksumMember(c.algorithm)]: c.value, ChecksumType: c.type };
}

/** What GET and HEAD answer about an object (checksums only when asked for with ChecksumMode). */
export function objectHeaders(o: ObjectRow, withChecksum: boolean): HeadObjectOutput {
  const m = o.meta;
  return {
    AcceptRanges: 'bytes',
    ETag: o.etag,
    LastModified: new Date(o.lastModified),
    ContentLength: o.size,
    ContentType: m.contentType ?? 'binary/octet-stream',
    ContentEncoding: m.contentEncoding,
    ContentDisposition: m.contentDisposition,
    ContentLanguage: m.contentLanguage,
    CacheControl: m.cacheControl,
    Expires: m.expires,
    WebsiteRedirectLocation: m.websiteRedirectLocation,
    Metadata: m.metadata,
    // Every object is encrypted at rest on AWS (SSE-S3 by default since 2023).
    ServerSideEncryption: 'AES256',
    StorageClass: o.storageClass === 'STANDARD' ? undefined : (o.storageClass as HeadObjectOutput['StorageClass']),
    TagCount: o.tags.length > 0 ? o.tags.length : undefined,
    ...(withChecksum ? checksumFields(m.checksum) : {}),
  };
}

/** `"<hex md5>"`, S3's ETag of a single-part object. */
export const quotedEtag = (md5: Buffer): string => `"${md5.toString('hex')}"`;
