/**
 * Multipart uploads: parts streamed into the blob store (each claimed by its part row), completed
 * into an object that keeps the part list and reads part after part; an aborted upload, or a part
 * left out of the completion, leaves no blob behind.
 */
import { createHash, randomBytes } from 'node:crypto';
import { AwsError } from '../../../aws/errors.js';
import type { RequestContext } from '../../../core/context.js';
import type { BodyStream } from '../../../core/http.js';
import type {
  AbortMultipartUploadOutput,
  AbortMultipartUploadRequest,
  CompleteMultipartUploadOutput,
  CompleteMultipartUploadRequest,
  CompletedPart,
  CreateMultipartUploadOutput,
  CreateMultipartUploadRequest,
  ListMultipartUploadsOutput,
  ListMultipartUploadsRequest,
  ListPartsOutput,
  ListPartsRequest,
  S3Api,
  UploadPartCopyOutput,
  UploadPartCopyRequest,
  UploadPartOutput,
  UploadPartRequest,
} from '../../../generated/s3.js';
import { checksummer, checksumMember, combineCrc, parseAlgorithm, type ChecksumAlgorithm } from '../checksums.js';
import { checkWrite } from '../conditions.js';
import { checkCopySize, copySourceObject } from '../copy-source.js';
import { MAX_OBJECT_BYTES, MAX_PARTS, MIN_PART_BYTES, type S3Core } from '../core.js';
import {
  entityTooSmall,
  invalidArgument,
  invalidPart,
  invalidPartOrder,
  invalidRequest,
  malformedXml,
  noSuchUpload,
  unsupportedChecksum,
  storageClassOf,
} from '../errors.js';
import { declaredChecksum, ingest } from '../ingest.js';
import { compareKeys, urlEncodeKey } from '../listing.js';
import { checksumFields, metaFromInput, quotedEtag } from '../object-headers.js';
import { ownerOf } from '../owner.js';
import { NULL_VERSION, store, type ObjectPart, type ObjectRow, type PartRow, type UploadRow } from '../store.js';
import { parseTaggingHeader } from '../tagging.js';
import { lockFromInput } from './object-lock.js';
import { checkKey } from './objects.js';

const MAX_LIST = 1000;

const partNumberError = (n: number): AwsError => invalidArgument('Part number must be an integer between 1 and 10000, inclusive', 'partNumber', String(n));

export class MultipartOps
  implements Pick<S3Api, 'CreateMultipartUpload' | 'UploadPart' | 'UploadPartCopy' | 'ListParts' | 'ListMultipartUploads' | 'CompleteMultipartUpload' | 'AbortMultipartUpload'>
{
  constructor(private readonly core: S3Core) {}

  async CreateMultipartUpload(ctx: RequestContext, input: CreateMultipartUploadRequest): Promise<CreateMultipartUploadOutput> {
    checkKey(input.Key);
    const { settings } = await this.core.owned(ctx, input.Bucket);
    const lock = lockFromInput(ctx, input, settings, false);
    let algorithm: ChecksumAlgorithm | undefined;
    if (input.ChecksumAlgorithm !== undefined) {
      algorithm = parseAlgorithm(input.ChecksumAlgorithm);
      if (!algorithm) throw unsupportedChecksum();
    }
    let type = input.ChecksumType;
    if (type && !algorithm) throw invalidRequest('The x-amz-checksum-type header can only be used with the x-amz-checksum-algorithm header.');
    if (algorithm) {
      type ??= algorithm === 'CRC64NVME' ? 'FULL_OBJECT' : 'COMPOSITE';
      if (type === 'FULL_OBJECT' && (algorithm === 'SHA1' || algorithm === 'SHA256')) {
        throw invalidRequest(`The FULL_OBJECT checksum type cannot be used with the ${algorithm.toLowerCase()} checksum algorithm.`);
      }
      if (type === 'COMPOSITE' && algorithm === 'CRC64NVME') throw invalidRequest('The COMPOSITE checksum type cannot be used with the crc64nvme checksum algorithm.');
    }
    const upload: UploadRow = {
      uploadId: randomBytes(48).toString('base64url'),
      bucket: input.Bucket,
      key: input.Key,
      initiated: this.core.now(),
      meta: {
        ...metaFromInput(input, ctx.headers.expires),
        lock,
        storageClass: storageClassOf(input.StorageClass),
        tags: parseTaggingHeader(input.Tagging),
        checksumAlgorithm: algorithm,
        checksumType: type,
        owner: ctx.accountId,
      },
    };
    await this.core.db.tx(async (tx) => {
      await this.core.bucket(ctx, input.Bucket, tx);
      await store.insertUpload(tx, upload);
    });
    return { Bucket: input.Bucket, Key: input.Key, UploadId: upload.uploadId, ChecksumAlgorithm: algorithm, ChecksumType: type, ServerSideEncryption: 'AES256' };
  }

  /** The upload, for this bucket and key: NoSuchUpload otherwise. */
  private async upload(ctx: RequestContext, bucket: string, key: string, uploadId: string): Promise<UploadRow> {
    await this.core.bucket(ctx, bucket);
    const u = await store.upload(this.core.db, uploadId);
    if (!u || u.bucket !== bucket || u.key !== key) throw noSuchUpload(uploadId);
    return u;
  }

  async UploadPart(ctx: RequestContext, input: UploadPartRequest): Promise<UploadPartOutput> {
    if (input.PartNumber < 1 || input.PartNumber > MAX_PARTS) throw partNumberError(input.PartNumber);
    const upload = await this.upload(ctx, input.Bucket, input.Key, input.UploadId);
    const expected = upload.meta.checksumAlgorithm;
    const declared = declaredChecksum(ctx.headers);
    if (expected && declared && declared.algorithm !== expected) {
      throw invalidRequest(`Checksum Type mismatch occurred, expected checksum Type: ${expected.toLowerCase()}, actual checksum Type: ${declared.algorithm.toLowerCase()}`);
    }
    const got = await ingest(this.core, ctx, input.Body as unknown as BodyStream, { maxBytes: MAX_OBJECT_BYTES, defaultAlgorithm: expected, extra: expected ? undefined : 'CRC64NVME' });
    const part: PartRow = {
      partNumber: input.PartNumber,
      blob: got.blob.id,
      size: got.blob.size,
      etag: quotedEtag(got.md5),
      lastModified: this.core.now(),
      checksum: got.checksum ? `${got.checksum.algorithm}:${got.checksum.value}` : null,
      crc64: got.extra ?? null,
    };
    await this.recordPart(input.UploadId, part);
    return { ETag: part.etag, ServerSideEncryption: 'AES256', ...(got.checksum ? { [checksumMember(got.checksum.algorithm)]: got.checksum.value } : {}) };
  }

  /** Stores a part (claiming its blob), replacing one of the same number; its blob is removed if the upload is gone. */
  private async recordPart(uploadId: string, part: PartRow): Promise<void> {
    let dropped: string[];
    try {
      dropped = await this.core.db.tx(async (tx) => {
        if (!(await store.upload(tx, uploadId))) throw noSuchUpload(uploadId);
        const old = await store.part(tx, uploadId, part.partNumber);
        await this.core.blobs.claim(tx, part.blob);
        if (old) await this.core.blobs.release(tx, old.blob);
        await store.putPart(tx, uploadId, part);
        return old ? [old.blob] : [];
      });
    } catch (e) {
      await this.core.dropBlobs([part.blob]);
      throw e;
    }
    await this.core.dropBlobs(dropped);
  }

  async UploadPartCopy(ctx: RequestContext, input: UploadPartCopyRequest): Promise<UploadPartCopyOutput> {
    if (input.PartNumber < 1 || input.PartNumber > MAX_PARTS) throw partNumberError(input.PartNumber);
    const upload = await this.upload(ctx, input.Bucket, input.Key, input.UploadId);
    const { source, object: src } = await copySourceObject(this.core, ctx, input.CopySource, {
      ifMatch: input.CopySourceIfMatch,
      ifNoneMatch: input.CopySourceIfNoneMatch,
      ifModifiedSince: input.CopySourceIfModifiedSince,
      ifUnmodifiedSince: input.CopySourceIfUnmodifiedSince,
    });
    let start = 0;
    let end = src.size - 1;
    if (input.CopySourceRange !== undefined) {
      const m = /^bytes=(\d+)-(\d+)$/.exec(input.CopySourceRange.trim());
      if (!m) {
        throw invalidArgument(
          'The x-amz-copy-source-range value must be of the form bytes=first-last where first and last are the zero-based offsets of the first and last bytes to copy',
          'x-amz-copy-source-range',
          input.CopySourceRange,
        );
      }
      start = Number(m[1]);
      end = Number(m[2]);
      if (start > end || end >= src.size) throw invalidArgument(`Range specified is not valid for source object of size: ${src.size}`, 'x-amz-copy-source-range', input.CopySourceRange);
    }
    checkCopySize(end - start + 1);
    const md5 = createHash('md5');
    const algorithm = upload.meta.checksumAlgorithm;
    const sum = checksummer(algorithm ?? 'CRC64NVME');
    const core = this.core;
    const blob = await core.blobs.put(
      (async function* () {
        for await (const chunk of core.read(src, start, end)) {
          md5.update(chunk);
          sum.update(chunk);
          yield chunk;
        }
      })(),
      { sha256: false, inline: true },
    );
    const digest = sum.digest().toString('base64');
    const checksum = algorithm ? digest : undefined;
    const part: PartRow = {
      partNumber: input.PartNumber,
      blob: blob.id,
      size: blob.size,
      etag: quotedEtag(md5.digest()),
      lastModified: this.core.now(),
      checksum: checksum ? `${algorithm}:${checksum}` : null,
      crc64: algorithm ? null : digest,
    };
    await this.recordPart(input.UploadId, part);
    return {
      CopyPartResult: { ETag: part.etag, LastModified: new Date(part.lastModified), ...(checksum ? { [checksumMember(algorithm!)]: checksum } : {}) },
      ServerSideEncryption: 'AES256',
      CopySourceVersionId: source.versionId ?? (src.versionId !== NULL_VERSION ? src.versionId : undefined),
    };
  }

  async ListParts(ctx: RequestContext, input: ListPartsRequest): Promise<ListPartsOutput> {
    const upload = await this.upload(ctx, input.Bucket, input.Key, input.UploadId);
    const max = Math.min(input.MaxParts ?? MAX_LIST, MAX_LIST);
    const marker = input.PartNumberMarker !== undefined ? Number(input.PartNumberMarker) : 0;
    const rows = await store.parts(this.core.db, input.UploadId, Number.isFinite(marker) ? marker : 0, max + 1);
    const page = rows.slice(0, max);
    const truncated = rows.length > max;
    const owner = ownerOf(upload.meta.owner);
    return {
      Bucket: input.Bucket,
      Key: input.Key,
      UploadId: input.UploadId,
      PartNumberMarker: input.PartNumberMarker ?? 0,
      NextPartNumberMarker: page.length > 0 ? page[page.length - 1]!.partNumber : undefined,
      MaxParts: max,
      IsTruncated: truncated,
      Parts: page.map((p) => ({ PartNumber: p.partNumber, LastModified: new Date(p.lastModified), ETag: p.etag, Size: p.size, ...partChecksum(p) })),
      Initiator: owner,
      Owner: owner,
      StorageClass: upload.meta.storageClass as ListPartsOutput['StorageClass'],
      ChecksumAlgorithm: upload.meta.checksumAlgorithm,
      ChecksumType: upload.meta.checksumType,
    };
  }

  async ListMultipartUploads(ctx: RequestContext, input: ListMultipartUploadsRequest): Promise<ListMultipartUploadsOutput> {
    await this.core.bucket(ctx, input.Bucket);
    if (input.EncodingType !== undefined && input.EncodingType !== 'url') throw invalidArgument('Invalid Encoding Method specified in Request', 'encoding-type', input.EncodingType);
    const encode = input.EncodingType === 'url' ? urlEncodeKey : (s: string): string => s;
    const max = Math.min(input.MaxUploads ?? MAX_LIST, MAX_LIST);
    const prefix = input.Prefix ?? '';
    const keyMarker = input.KeyMarker ?? '';
    const uploads: UploadRow[] = [];
    const prefixes: string[] = [];
    let truncated = false;
    let last: { key: string; uploadId?: string } | undefined;
    let from = compareKeys(prefix, keyMarker) > 0 ? prefix : keyMarker;
    outer: for (;;) {
      const rows = await store.listUploads(this.core.db, input.Bucket, from, MAX_LIST);
      for (const u of rows) {
        if (!u.key.startsWith(prefix)) {
          if (compareKeys(u.key, prefix) > 0) break outer;
          continue;
        }
        if (keyMarker && compareKeys(u.key, keyMarker) <= 0) {
          // Past the marker key only, unless an upload id marker picks up within it.
          if (!(u.key === keyMarker && input.UploadIdMarker && u.uploadId > input.UploadIdMarker)) continue;
        }
        const cut = input.Delimiter ? u.key.indexOf(input.Delimiter, prefix.length) : -1;
        if (cut >= 0) {
          const p = u.key.slice(0, cut + input.Delimiter!.length);
          if (prefixes[prefixes.length - 1] === p) continue;
          if (uploads.length + prefixes.length === max) {
            truncated = true;
            break outer;
          }
          prefixes.push(p);
          last = { key: p };
          continue;
        }
        if (uploads.length + prefixes.length === max) {
          truncated = true;
          break outer;
        }
        uploads.push(u);
        last = { key: u.key, uploadId: u.uploadId };
      }
      if (rows.length < MAX_LIST) break;
      from = rows[rows.length - 1]!.key;
    }
    return {
      Bucket: input.Bucket,
      KeyMarker: encode(keyMarker),
      UploadIdMarker: input.UploadIdMarker ?? '',
      NextKeyMarker: truncated && last ? encode(last.key) : undefined,
      NextUploadIdMarker: truncated && last?.uploadId ? last.uploadId : undefined,
      Prefix: encode(prefix),
      Delimiter: input.Delimiter,
      MaxUploads: max,
      IsTruncated: truncated,
      EncodingType: input.EncodingType,
      Uploads: uploads.map((u) => ({
        UploadId: u.uploadId,
        Key: encode(u.key),
        Initiated: new Date(u.initiated),
        StorageClass: u.meta.storageClass as 'STANDARD',
        Owner: ownerOf(u.meta.owner),
        Initiator: ownerOf(u.meta.owner),
        ChecksumAlgorithm: u.meta.checksumAlgorithm,
        ChecksumType: u.meta.checksumType,
      })),
      CommonPrefixes: prefixes.length > 0 ? prefixes.map((p) => ({ Prefix: encode(p) })) : undefined,
    };
  }

  async CompleteMultipartUpload(ctx: RequestContext, input: CompleteMultipartUploadRequest): Promise<CompleteMultipartUploadOutput> {
    const upload = await this.upload(ctx, input.Bucket, input.Key, input.UploadId);
    const listed = input.MultipartUpload?.Parts ?? [];
    if (listed.length === 0) throw malformedXml();
    const conditions = { ifMatch: input.IfMatch, ifNoneMatch: input.IfNoneMatch };
    const stored = new Map((await store.parts(this.core.db, input.UploadId)).map((p) => [p.partNumber, p]));
    const chosen = this.choose(upload, listed, stored);
    const md5s = Buffer.concat(chosen.map((p) => Buffer.from(p.etag.replace(/"/g, ''), 'hex')));
    const etag = `"${createHash('md5').update(md5s).digest('hex')}-${chosen.length}"`;
    const size = chosen.reduce((n, p) => n + p.size, 0);
    if (input.MpuObjectSize !== undefined && input.MpuObjectSize !== size) {
      throw invalidRequest(`The provided 'x-amz-mp-object-size' header value ${input.MpuObjectSize} does not match the sum of the part sizes ${size}.`);
    }
    const checksum = await this.objectChecksum(upload, chosen, input);
    const { storageClass, tags, checksumAlgorithm: _a, checksumType: _t, owner: _o, ...meta } = upload.meta;
    const parts: ObjectPart[] = chosen.map((p) => ({ blob: p.blob, size: p.size, etag: p.etag, checksum: p.checksum ?? undefined }));
    const object: ObjectRow = {
      bucket: input.Bucket,
      key: input.Key,
      versionId: NULL_VERSION,
      isLatest: true,
      deleteMarker: false,
      size,
      etag,
      lastModified: this.core.now(),
      storageClass,
      blob: null,
      parts,
      meta: { ...meta, checksum },
      tags,
    };
    const used = new Set(chosen.map((p) => p.blob));
    const committed = await this.core.commitObject(ctx, object, {
      claim: [],
      check: input.IfMatch !== undefined || input.IfNoneMatch !== undefined ? (current) => checkWrite(current, input.Key, conditions) : undefined,
      // The upload goes in the same transaction; its parts keep their claims as the object's, the rest are released.
      also: async (tx) => {
        if (!(await store.upload(tx, input.UploadId))) throw noSuchUpload(input.UploadId);
        const now = await store.parts(tx, input.UploadId);
        for (const p of chosen) if (!now.some((n) => n.partNumber === p.partNumber && n.blob === p.blob)) throw invalidPart(input.UploadId, p.partNumber, p.etag);
        const released: string[] = [];
        for (const p of now) {
          if (used.has(p.blob)) continue;
          await this.core.blobs.release(tx, p.blob);
          released.push(p.blob);
        }
        await store.deleteUpload(tx, input.UploadId);
        return released;
      },
    });
    return {
      Bucket: input.Bucket,
      Key: input.Key,
      ETag: etag,
      Location: `${this.core.platform.endpoint()}/${input.Bucket}/${encodeURI(input.Key)}`,
      ServerSideEncryption: 'AES256',
      VersionId: committed.versionId,
      Expiration: committed.expiration,
      ...checksumFields(checksum),
    };
  }

  /** The listed parts, checked against the stored ones as AWS checks them. */
  private choose(upload: UploadRow, listed: CompletedPart[], stored: Map<number, PartRow>): PartRow[] {
    const chosen: PartRow[] = [];
    let previous = 0;
    for (const l of listed) {
      const n = l.PartNumber ?? 0;
      if (n <= previous) throw invalidPartOrder(upload.uploadId);
      previous = n;
      const p = stored.get(n);
      if (!p || (l.ETag !== undefined && l.ETag.replace(/"/g, '') !== p.etag.replace(/"/g, ''))) throw invalidPart(upload.uploadId, n, l.ETag);
      const algorithm = upload.meta.checksumAlgorithm;
      if (algorithm && upload.meta.checksumType === 'COMPOSITE') {
        const sent = l[checksumMember(algorithm) as keyof CompletedPart] as string | undefined;
        if (sent === undefined) {
          throw invalidRequest(`The upload was created using a ${algorithm.toLowerCase()} checksum. The complete request must include the checksum for each part. It was missing for part ${n} in the request.`);
        }
        if (p.checksum && sent !== p.checksum.slice(p.checksum.indexOf(':') + 1)) throw invalidPart(upload.uploadId, n, l.ETag);
      }
      chosen.push(p);
    }
    for (let i = 0; i < chosen.length - 1; i++) {
      if (chosen[i]!.size < MIN_PART_BYTES) {
        const e = entityTooSmall(chosen[i]!.size, MIN_PART_BYTES);
        Object.assign(e.fields, { PartNumber: chosen[i]!.partNumber, ETag: chosen[i]!.etag });
        throw e;
      }
    }
    return chosen;
  }

  /**
   * The completed object's checksum: COMPOSITE is the checksum of the parts' checksums with `-N`;
   * FULL_OBJECT (CRC types) combines the parts' CRCs (no byte is read again); an upload without an
   * algorithm gets AWS's default, a full-object CRC64NVME.
   */
  private async objectChecksum(upload: UploadRow, parts: PartRow[], input: CompleteMultipartUploadRequest): Promise<ObjectRow['meta']['checksum']> {
    const algorithm = upload.meta.checksumAlgorithm;
    if (!algorithm) {
      if (parts.some((p) => !p.crc64)) return undefined;
      return { algorithm: 'CRC64NVME', value: combineParts('CRC64NVME', parts.map((p) => ({ value: p.crc64!, size: p.size }))), type: 'FULL_OBJECT' };
    }
    let value: string;
    if (upload.meta.checksumType === 'COMPOSITE') {
      const sum = checksummer(algorithm);
      for (const p of parts) {
        if (!p.checksum) throw invalidPart(upload.uploadId, p.partNumber, p.etag);
        sum.update(Buffer.from(p.checksum.slice(p.checksum.indexOf(':') + 1), 'base64'));
      }
      value = `${sum.digest().toString('base64')}-${parts.length}`;
    } else {
      for (const p of parts) if (!p.checksum) throw invalidPart(upload.uploadId, p.partNumber, p.etag);
      value = combineParts(algorithm, parts.map((p) => ({ value: p.checksum!.slice(p.checksum!.indexOf(':') + 1), size: p.size })));
      const sent = input[checksumMember(algorithm)];
      if (sent !== undefined && sent !== value) throw new AwsError('BadDigest', `The ${algorithm.toLowerCase()} you specified did not match the calculated checksum.`, 400);
    }
    return { algorithm, value, type: upload.meta.checksumType ?? 'COMPOSITE' };
  }

  async AbortMultipartUpload(ctx: RequestContext, input: AbortMultipartUploadRequest): Promise<AbortMultipartUploadOutput> {
    await this.core.bucket(ctx, input.Bucket);
    const dropped = await this.core.db.tx(async (tx) => {
      const u = await store.upload(tx, input.UploadId);
      if (!u || u.bucket !== input.Bucket || u.key !== input.Key) throw noSuchUpload(input.UploadId);
      const parts = await store.parts(tx, input.UploadId);
      for (const p of parts) await this.core.blobs.release(tx, p.blob);
      await store.deleteUpload(tx, input.UploadId);
      return parts.map((p) => p.blob);
    });
    await this.core.dropBlobs(dropped);
    return {};
  }
}

/** The CRC of the parts one after another, from each part's CRC and size. */
function combineParts(algorithm: ChecksumAlgorithm, parts: { value: string; size: number }[]): string {
  let crc: Buffer = Buffer.from(parts[0]!.value, 'base64');
  for (const p of parts.slice(1)) crc = combineCrc(algorithm, crc, Buffer.from(p.value, 'base64'), p.size);
  return crc.toString('base64');
}

function partChecksum(p: PartRow): Record<string, string> {
  if (!p.checksum) return {};
  const colon = p.checksum.indexOf(':');
  return { [checksumMember(p.checksum.slice(0, colon) as ChecksumAlgorithm)]: p.checksum.slice(colon + 1) };
}
