/** Objects: PutObject (streamed into the blob store), GetObject (streamed back), HeadObject, DeleteObject(s). */
import { AwsError } from '../../../aws/errors.js';
import type { RequestContext } from '../../../core/context.js';
import type { BodyStream } from '../../../core/http.js';
import { RESPONSE_STATUS } from '../../../aws/protocols/rest.js';
import type {
  DeleteObjectOutput,
  DeleteObjectRequest,
  DeleteObjectsOutput,
  DeleteObjectsRequest,
  GetObjectOutput,
  GetObjectRequest,
  HeadObjectOutput,
  HeadObjectRequest,
  PutObjectOutput,
  PutObjectRequest,
  S3Api,
} from '../../../generated/s3.js';
import { checkRead, checkWrite } from '../conditions.js';
import { MAX_KEY_BYTES, MAX_OBJECT_BYTES, type S3Core } from '../core.js';
import { invalidArgument, invalidRequest, keyTooLong, malformedXml, storageClassOf } from '../errors.js';
import { ingest } from '../ingest.js';
import { expirationHeader } from '../lifecycle-rules.js';
import { checksumFields, metaFromInput, objectHeaders, quotedEtag } from '../object-headers.js';
import { parseRange } from '../ranges.js';
import type { BucketSettings } from '../settings.js';
import { NULL_VERSION, store, type ObjectRow } from '../store.js';
import { parseTaggingHeader } from '../tagging.js';
import { deleteIn, resolveObject, versions, wellFormedVersionId } from '../versions.js';
import { lockFromInput } from './object-lock.js';
import { writeGrants } from './acl.js';

const MAX_DELETE_KEYS = 1000;

export function checkKey(key: string): void {
  const bytes = Buffer.byteLength(key);
  if (bytes > MAX_KEY_BYTES) throw keyTooLong(bytes);
}

/** What GET and HEAD say about an object's version: its id (in a bucket that has had versioning), expiration and lock. */
export function versionHeaders(settings: BucketSettings, o: ObjectRow): Partial<HeadObjectOutput> {
  const lock = o.meta.lock;
  return {
    VersionId: settings.versioning || o.versionId !== NULL_VERSION ? o.versionId : undefined,
    Expiration: o.isLatest ? expirationHeader(settings, o) : undefined,
    ObjectLockMode: lock?.mode,
    ObjectLockRetainUntilDate: lock?.until !== undefined ? new Date(lock.until) : undefined,
    ObjectLockLegalHoldStatus: lock?.legalHold !== undefined ? (lock.legalHold ? 'ON' : 'OFF') : undefined,
  };
}

export class ObjectOps implements Pick<S3Api, 'PutObject' | 'GetObject' | 'HeadObject' | 'DeleteObject' | 'DeleteObjects'> {
  constructor(private readonly core: S3Core) {}

  async PutObject(ctx: RequestContext, input: PutObjectRequest): Promise<PutObjectOutput> {
    checkKey(input.Key);
    const { settings } = await this.core.owned(ctx, input.Bucket);
    const lock = lockFromInput(ctx, input, settings, true);
    const conditions = { ifMatch: input.IfMatch, ifNoneMatch: input.IfNoneMatch };
    const conditional = input.IfMatch !== undefined || input.IfNoneMatch !== undefined;
    // A conditional write that cannot succeed fails before its body is read.
    if (conditional) checkWrite(await this.live(input.Bucket, input.Key), input.Key, conditions);
    const meta = metaFromInput(input, ctx.headers.expires);
    const tags = parseTaggingHeader(input.Tagging);
    const storageClass = storageClassOf(input.StorageClass);
    const acl = await writeGrants(this.core, ctx, input.Bucket, input);
    if (acl) (meta as { acl?: unknown }).acl = acl;
    const got = await ingest(this.core, ctx, input.Body as unknown as BodyStream, { maxBytes: MAX_OBJECT_BYTES, defaultAlgorithm: 'CRC64NVME' });
    meta.checksum = got.checksum && { ...got.checksum, type: 'FULL_OBJECT' };
    if (lock) meta.lock = lock;
    const object: ObjectRow = {
      bucket: input.Bucket,
      key: input.Key,
      versionId: NULL_VERSION,
      isLatest: true,
      deleteMarker: false,
      size: got.blob.size,
      etag: quotedEtag(got.md5),
      lastModified: this.core.now(),
      storageClass,
      blob: got.blob.id,
      parts: null,
      meta,
      tags,
    };
    let committed;
    try {
      committed = await this.core.commitObject(ctx, object, { claim: [got.blob.id], check: conditional ? (current) => checkWrite(current, input.Key, conditions) : undefined });
    } catch (e) {
      await this.core.dropBlobs([got.blob.id]);
      throw e;
    }
    return { ETag: object.etag, ServerSideEncryption: 'AES256', Size: object.size, VersionId: committed.versionId, Expiration: committed.expiration, ...checksumFields(meta.checksum) };
  }

  async GetObject(ctx: RequestContext, input: GetObjectRequest): Promise<GetObjectOutput> {
    const { object, headers, range } = await this.read(ctx, input);
    const start = range?.start ?? 0;
    const end = range?.end ?? object.size - 1;
    const out: GetObjectOutput & { [RESPONSE_STATUS]?: number } = { ...headers, Body: this.core.read(object, start, end) as unknown as Buffer };
    if (range) out[RESPONSE_STATUS] = 206;
    return out;
  }

  async HeadObject(ctx: RequestContext, input: HeadObjectRequest): Promise<HeadObjectOutput> {
    const { headers, range } = await this.read(ctx, input);
    return range ? { ...headers, [RESPONSE_STATUS]: 206 } as HeadObjectOutput : headers;
  }

  /** What GET and HEAD share: the lookup, conditions, range or part, and response header overrides. */
  private async read(ctx: RequestContext, input: GetObjectRequest | HeadObjectRequest) {
    const { settings } = await this.core.owned(ctx, input.Bucket);
    const object = await resolveObject(this.core.db, input.Bucket, input.Key, input.VersionId, ctx.operation === 'HeadObject' ? 'HEAD' : 'GET');
    checkRead(object, { ifMatch: input.IfMatch, ifNoneMatch: input.IfNoneMatch, ifModifiedSince: input.IfModifiedSince, ifUnmodifiedSince: input.IfUnmodifiedSince });
    const headers = { ...objectHeaders(object, input.ChecksumMode === 'ENABLED'), ...versionHeaders(settings, object) };
    let range = parseRange(input.Range, object.size);
    if (input.PartNumber !== undefined) {
      range = partRange(object, input.PartNumber);
      // Only a read by part number says how many parts there are.
      headers.PartsCount = object.parts?.length ?? 1;
    }
    if (range) {
      headers.ContentLength = range.end - range.start + 1;
      headers.ContentRange = `bytes ${range.start}-${range.end}/${object.size}`;
      // A part of the object has no checksum of its own here.
      if (!(range.start === 0 && range.end === object.size - 1)) for (const k of Object.keys(headers) as (keyof HeadObjectOutput)[]) if (k.startsWith('Checksum')) delete headers[k];
    }
    if (input.ResponseContentType !== undefined) headers.ContentType = input.ResponseContentType;
    if (input.ResponseContentLanguage !== undefined) headers.ContentLanguage = input.ResponseContentLanguage;
    if (input.ResponseContentDisposition !== undefined) headers.ContentDisposition = input.ResponseContentDisposition;
    if (input.ResponseContentEncoding !== undefined) headers.ContentEncoding = input.ResponseContentEncoding;
    if (input.ResponseCacheControl !== undefined) headers.CacheControl = input.ResponseCacheControl;
    if (input.ResponseExpires !== undefined) headers.Expires = input.ResponseExpires.toUTCString();
    return { object, headers, range };
  }

  private async live(bucket: string, key: string): Promise<ObjectRow | undefined> {
    // The current object a conditional write looks at (a delete marker is no object).
    const o = await store.latest(this.core.db, bucket, key);
    return o && !o.deleteMarker ? o : undefined;
  }

  async DeleteObject(ctx: RequestContext, input: DeleteObjectRequest): Promise<DeleteObjectOutput> {
    const r = await this.core.db.tx(async (tx) => {
      const { settings } = await this.core.owned(ctx, input.Bucket, tx);
      return deleteIn(this.core, tx, settings, input.Bucket, input.Key, input.VersionId, input.BypassGovernanceRetention === true, { requestId: ctx.requestId });
    });
    await this.core.dropBlobs(r.released);
    return { DeleteMarker: r.deleteMarker, VersionId: r.versionId };
  }

  async DeleteObjects(ctx: RequestContext, input: DeleteObjectsRequest): Promise<DeleteObjectsOutput> {
    // AWS requires an integrity header on DeleteObjects (every SDK sends one).
    const h = ctx.headers;
    if (h['content-md5'] === undefined && h['x-amz-sdk-checksum-algorithm'] === undefined && !Object.keys(h).some((k) => k.startsWith('x-amz-checksum-'))) {
      throw invalidRequest('Missing required header for this request: Content-MD5');
    }
    const objects = input.Delete.Objects ?? [];
    if (objects.length === 0 || objects.length > MAX_DELETE_KEYS) throw malformedXml();
    const deleted: NonNullable<DeleteObjectsOutput['Deleted']> = [];
    const errors: NonNullable<DeleteObjectsOutput['Errors']> = [];
    const bypass = input.BypassGovernanceRetention === true;
    const dropped = await this.core.db.tx(async (tx) => {
      const { settings } = await this.core.owned(ctx, input.Bucket, tx);
      const ids: string[] = [];
      for (const o of objects) {
        if (Buffer.byteLength(o.Key) > MAX_KEY_BYTES) {
          errors.push({ Key: o.Key, VersionId: o.VersionId, Code: 'KeyTooLongError', Message: 'Your key is too long' });
          continue;
        }
        // A version id S3 could not have made fails alone; one that could, but names nothing, is deleted (as on AWS).
        if (o.VersionId !== undefined && !wellFormedVersionId(o.VersionId) && !(await versions.get(tx, input.Bucket, o.Key, o.VersionId))) {
          errors.push({ Key: o.Key, VersionId: o.VersionId, Code: 'NoSuchVersion', Message: 'The specified version does not exist.' });
          continue;
        }
        let r;
        try {
          r = await deleteIn(this.core, tx, settings, input.Bucket, o.Key, o.VersionId, bypass, { requestId: ctx.requestId });
        } catch (e) {
          // A locked version fails alone (deleteIn checks before it changes anything).
          if (!(e instanceof AwsError)) throw e;
          errors.push({ Key: o.Key, VersionId: o.VersionId, Code: e.code, Message: e.message });
          continue;
        }
        ids.push(...r.released);
        deleted.push({ Key: o.Key, VersionId: o.VersionId, DeleteMarker: r.deleteMarker, DeleteMarkerVersionId: r.deleteMarker ? r.versionId : undefined });
      }
      return ids;
    });
    await this.core.dropBlobs(dropped);
    return { Deleted: input.Delete.Quiet ? undefined : deleted, Errors: errors.length > 0 ? errors : undefined };
  }
}

/** The bytes of part `n` of an object (a single-part object has part 1 only). */
function partRange(o: ObjectRow, n: number): { start: number; end: number } | undefined {
  const parts = o.parts ?? [{ size: o.size }];
  if (n < 1 || n > 10_000) throw invalidArgument('Part number must be an integer between 1 and 10000, inclusive', 'partNumber', String(n));
  if (n > parts.length) throw new AwsError('InvalidPartNumber', 'The requested partnumber is not satisfiable', 416, { fields: { PartNumberRequested: n, ActualPartCount: parts.length } });
  let start = 0;
  for (let i = 0; i < n - 1; i++) start += parts[i]!.size;
  const size = parts[n - 1]!.size;
  if (size === 0) return undefined;
  return { start, end: start + size - 1 };
}
