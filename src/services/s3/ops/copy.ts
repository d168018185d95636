/**
 * CopyObject: the copy shares the source's blobs (each claimed once more), so copying costs a row
 * whatever the object's size; metadata and tags copied or replaced as the directives say.
 */
import type { RequestContext } from '../../../core/context.js';
import type { CopyObjectOutput, CopyObjectRequest, S3Api } from '../../../generated/s3.js';
import { checksummer, checksumMember, parseAlgorithm } from '../checksums.js';
import { checkWrite } from '../conditions.js';
import { checkCopySize, copySourceObject } from '../copy-source.js';
import type { S3Core } from '../core.js';
import { invalidArgument, invalidRequest, unsupportedChecksum, storageClassOf } from '../errors.js';
import { metaFromInput } from '../object-headers.js';
import { blobsOf, NULL_VERSION, type ObjectRow, type StoredChecksum } from '../store.js';
import { parseTaggingHeader } from '../tagging.js';
import { lockFromInput } from './object-lock.js';
import { checkKey } from './objects.js';

export class CopyOps implements Pick<S3Api, 'CopyObject'> {
  constructor(private readonly core: S3Core) {}

  async CopyObject(ctx: RequestContext, input: CopyObjectRequest): Promise<CopyObjectOutput> {
    checkKey(input.Key);
    const metadataDirective = input.MetadataDirective ?? 'COPY';
    if (metadataDirective !== 'COPY' && metadataDirective !== 'REPLACE') throw invalidArgument('Unknown metadata directive.', 'x-amz-metadata-directive', metadataDirective);
    const taggingDirective = input.TaggingDirective ?? 'COPY';
    if (taggingDirective !== 'COPY' && taggingDirective !== 'REPLACE') throw invalidArgument('Unknown tagging directive.', 'x-amz-tagging-directive', taggingDirective);
    const { settings } = await this.core.owned(ctx, input.Bucket);
    const lock = lockFromInput(ctx, input, settings, false);
    const { source, object: src } = await copySourceObject(this.core, ctx, input.CopySource, {
      ifMatch: input.CopySourceIfMatch,
      ifNoneMatch: input.CopySourceIfNoneMatch,
      ifModifiedSince: input.CopySourceIfModifiedSince,
      ifUnmodifiedSince: input.CopySourceIfUnmodifiedSince,
    });
    checkCopySize(src.size);
    // Copying a version onto its own key restores it: only the current object copied onto itself is the same object.
    const sameObject = source.bucket === input.Bucket && source.key === input.Key && src.isLatest;
    if (sameObject && metadataDirective !== 'REPLACE' && input.StorageClass === undefined && input.WebsiteRedirectLocation === undefined && input.ServerSideEncryption === undefined && input.ChecksumAlgorithm === undefined) {
      throw invalidRequest(
        "This copy request is illegal because it is trying to copy an object to itself without changing the object's metadata, storage class, website redirect location or encryption attributes.",
      );
    }
    const meta = metadataDirective === 'REPLACE' ? metaFromInput(input, ctx.headers.expires) : { ...src.meta };
    meta.checksum = await this.checksumFor(src, input.ChecksumAlgorithm);
    // A copy carries no retention or legal hold of its source, only what the request (or the bucket's default) gives it.
    meta.lock = lock;
    const object: ObjectRow = {
      bucket: input.Bucket,
      key: input.Key,
      versionId: NULL_VERSION,
      isLatest: true,
      deleteMarker: false,
      size: src.size,
      etag: src.etag,
      lastModified: this.core.now(),
      storageClass: storageClassOf(input.StorageClass),
      blob: src.blob,
      parts: src.parts,
      meta,
      tags: taggingDirective === 'REPLACE' ? parseTaggingHeader(input.Tagging) : src.tags,
    };
    const conditional = input.IfMatch !== undefined || input.IfNoneMatch !== undefined;
    const committed = await this.core.commitObject(ctx, object, {
      claim: blobsOf(src),
      check: conditional ? (current) => checkWrite(current, input.Key, { ifMatch: input.IfMatch, ifNoneMatch: input.IfNoneMatch }) : undefined,
    });
    const c = meta.checksum;
    return {
      CopyObjectResult: { ETag: object.etag, LastModified: new Date(object.lastModified), ...(c ? { [checksumMember(c.algorithm)]: c.value, ChecksumType: c.type } : {}) },
      ServerSideEncryption: 'AES256',
      VersionId: committed.versionId,
      Expiration: committed.expiration,
      CopySourceVersionId: source.versionId ?? (src.versionId !== NULL_VERSION ? src.versionId : undefined),
    };
  }

  /** The source's checksum, or one of another algorithm computed over its bytes. */
  private async checksumFor(src: ObjectRow, algorithm: CopyObjectRequest['ChecksumAlgorithm']): Promise<StoredChecksum | undefined> {
    if (!algorithm || src.meta.checksum?.algorithm === algorithm) return src.meta.checksum;
    const supported = parseAlgorithm(algorithm);
    if (!supported) throw unsupportedChecksum();
    const sum = checksummer(supported);
    for await (const chunk of this.core.read(src, 0, src.size - 1)) sum.update(chunk);
    return { algorithm: supported, value: sum.digest().toString('base64'), type: 'FULL_OBJECT' };
  }
}
