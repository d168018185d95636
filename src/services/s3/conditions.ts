/**
 * Conditional requests as S3 documents them (RFC 7232 with S3's precedence): on GET/HEAD a failed
 * If-Match or If-Unmodified-Since is 412, a failed If-None-Match or If-Modified-Since is 304; If-Match
 * that holds overrides a failed If-Unmodified-Since, and If-None-Match that holds overrides a failed
 * If-Modified-Since. Copy sources answer 412 for every failed condition. Writes (PutObject,
 * CompleteMultipartUpload) take `If-None-Match: *` and `If-Match: <etag>`.
 */
import { AwsError } from '../../aws/errors.js';
import { noSuchKey, notModified, preconditionFailed } from './errors.js';
import type { ObjectRow } from './store.js';

export interface Conditions {
  ifMatch?: string;
  ifNoneMatch?: string;
  ifModifiedSince?: Date;
  ifUnmodifiedSince?: Date;
}

/** An ETag list item matches the object's ETag (quotes optional, `*` matches any). */
function etagMatches(list: string, etag: string): boolean {
  const bare = etag.replace(/"/g, '');
  return list.split(',').some((item) => {
    const t = item.trim().replace(/^W\//, '').replace(/"/g, '');
    return t === '*' || t === bare;
  });
}

/** Last-Modified has second precision in HTTP dates. */
const seconds = (ms: number): number => Math.floor(ms / 1000);

function valid(d: Date | undefined): d is Date {
  return d instanceof Date && !Number.isNaN(d.getTime());
}

/** GET and HEAD: throws 412 or 304 as AWS answers. */
export function checkRead(o: ObjectRow, c: Conditions): void {
  const lm = seconds(o.lastModified);
  if (c.ifMatch !== undefined) {
    if (!etagMatches(c.ifMatch, o.etag)) throw preconditionFailed('If-Match');
  } else if (valid(c.ifUnmodifiedSince) && lm > seconds(c.ifUnmodifiedSince.getTime())) {
    throw preconditionFailed('If-Unmodified-Since');
  }
  const headers = { etag: o.etag, 'last-modified': new Date(o.lastModified).toUTCString() };
  if (c.ifNoneMatch !== undefined) {
    if (etagMatches(c.ifNoneMatch, o.etag)) throw notModified(headers);
  } else if (valid(c.ifModifiedSince) && lm <= seconds(c.ifModifiedSince.getTime())) {
    throw notModified(headers);
  }
}

/** CopyObject / UploadPartCopy sources: every failed condition is 412. */
export function checkCopySource(o: ObjectRow, c: Conditions): void {
  const lm = seconds(o.lastModified);
  if (c.ifMatch !== undefined) {
    if (!etagMatches(c.ifMatch, o.etag)) throw preconditionFailed('x-amz-copy-source-If-Match');
  } else if (valid(c.ifUnmodifiedSince) && lm > seconds(c.ifUnmodifiedSince.getTime())) {
    throw preconditionFailed('x-amz-copy-source-If-Unmodified-Since');
  }
  if (c.ifNoneMatch !== undefined) {
    if (etagMatches(c.ifNoneMatch, o.etag)) throw preconditionFailed('x-amz-copy-source-If-None-Match');
  } else if (valid(c.ifModifiedSince) && lm <= seconds(c.ifModifiedSince.getTime())) {
    throw preconditionFailed('x-amz-copy-source-If-Modified-Since');
  }
}

/** Conditional writes, checked before the body is read (cheaply) and again where the write commits. */
export function checkWrite(current: ObjectRow | undefined, key: string, c: Pick<Conditions, 'ifMatch' | 'ifNoneMatch'>): void {
  if (c.ifNoneMatch !== undefined) {
    if (c.ifNoneMatch.trim() !== '*') throw new AwsError('NotImplemented', 'A header you provided implies functionality that is not implemented', 501, { fields: { Header: 'If-None-Match' } });
    if (current) throw preconditionFailed('If-None-Match');
  }
  if (c.ifMatch !== undefined) {
    if (!current) throw noSuchKey(key);
    if (!etagMatches(c.ifMatch, current.etag)) throw preconditionFailed('If-Match');
  }
}
