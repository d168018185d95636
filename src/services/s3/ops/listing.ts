/** ListObjectsV2 and ListObjects (V1). */
import { AwsError } from '../../../aws/errors.js';
import type { RequestContext } from '../../../core/context.js';
import type { ListObjectsOutput, ListObjectsRequest, ListObjectsV2Output, ListObjectsV2Request, S3Api, Object_ } from '../../../generated/s3.js';
import { decodePageToken, encodePageToken, listingOf } from '../../../storage/paginate.js';
import type { S3Core } from '../core.js';
import { invalidArgument } from '../errors.js';
import { listKeys, urlEncodeKey } from '../listing.js';
import { ownerOf } from '../owner.js';
import type { ObjectRow } from '../store.js';

const MAX_KEYS = 1000;

function entryOf(o: ObjectRow, encode: (s: string) => string, owner?: { ID: string }): Object_ {
  const c = o.meta.checksum;
  return {
    Key: encode(o.key),
    LastModified: new Date(o.lastModified),
    ETag: o.etag,
    Size: o.size,
    StorageClass: o.storageClass as Object_['StorageClass'],
    ChecksumAlgorithm: c ? [c.algorithm] : undefined,
    ChecksumType: c?.type,
    Owner: owner,
  };
}

function encoderFor(encodingType: string | undefined): (s: string) => string {
  if (encodingType === undefined) return (s) => s;
  if (encodingType !== 'url') throw invalidArgument('Invalid Encoding Method specified in Request', 'encoding-type', encodingType);
  return urlEncodeKey;
}

export class ListingOps implements Pick<S3Api, 'ListObjectsV2' | 'ListObjects'> {
  constructor(private readonly core: S3Core) {}

  async ListObjectsV2(ctx: RequestContext, input: ListObjectsV2Request): Promise<ListObjectsV2Output> {
    await this.core.bucket(ctx, input.Bucket);
    const encode = encoderFor(input.EncodingType);
    const maxKeys = Math.min(input.MaxKeys ?? MAX_KEYS, MAX_KEYS);
    if (maxKeys < 0) throw invalidArgument('Argument maxKeys must be an integer between 0 and 2147483647', 'maxKeys', String(input.MaxKeys));
    const prefix = input.Prefix ?? '';
    const listing = listingOf('ListObjectsV2', { accountId: ctx.accountId, region: '' }, input.Bucket, prefix, input.Delimiter);
    let after = input.StartAfter ?? '';
    if (input.ContinuationToken !== undefined) {
      const key = decodePageToken(input.ContinuationToken, listing);
      if (!key || typeof key[0] !== 'string') throw invalidArgument('The continuation token provided is incorrect', 'continuation-token', input.ContinuationToken);
      after = key[0];
    }
    const r = await listKeys(this.core.db, { bucket: input.Bucket, prefix, delimiter: input.Delimiter || undefined, after, maxKeys });
    const owner = input.FetchOwner ? ownerOf(ctx.accountId) : undefined;
    return {
      Name: input.Bucket,
      Prefix: encode(prefix),
      Delimiter: input.Delimiter !== undefined ? encode(input.Delimiter) : undefined,
      MaxKeys: maxKeys,
      EncodingType: input.EncodingType,
      KeyCount: r.contents.length + r.commonPrefixes.length,
      IsTruncated: r.truncated,
      ContinuationToken: input.ContinuationToken,
      NextContinuationToken: r.truncated && r.last !== undefined ? encodePageToken(listing, [r.last]) : undefined,
      StartAfter: input.StartAfter !== undefined ? encode(input.StartAfter) : undefined,
      Contents: r.contents.length > 0 ? r.contents.map((o) => entryOf(o, encode, owner)) : undefined,
      CommonPrefixes: r.commonPrefixes.length > 0 ? r.commonPrefixes.map((p) => ({ Prefix: encode(p) })) : undefined,
    };
  }

  async ListObjects(ctx: RequestContext, input: ListObjectsRequest): Promise<ListObjectsOutput> {
    await this.core.bucket(ctx, input.Bucket);
    const encode = encoderFor(input.EncodingType);
    const maxKeys = Math.min(input.MaxKeys ?? MAX_KEYS, MAX_KEYS);
    if (maxKeys < 0) throw new AwsError('InvalidArgument', 'Argument maxKeys must be an integer between 0 and 2147483647', 400);
    const prefix = input.Prefix ?? '';
    const marker = input.Marker ?? '';
    const r = await listKeys(this.core.db, { bucket: input.Bucket, prefix, delimiter: input.Delimiter || undefined, after: marker, maxKeys });
    const owner = ownerOf(ctx.accountId);
    return {
      Name: input.Bucket,
      Prefix: encode(prefix),
      Marker: encode(marker),
      Delimiter: input.Delimiter !== undefined ? encode(input.Delimiter) : undefined,
      MaxKeys: maxKeys,
      EncodingType: input.EncodingType,
      IsTruncated: r.truncated,
      // AWS gives NextMarker only with a delimiter; without one the last key is the next marker.
      NextMarker: r.truncated && input.Delimiter && r.last !== undefined ? encode(r.last) : undefined,
      Contents: r.contents.length > 0 ? r.contents.map((o) => entryOf(o, encode, owner)) : undefined,
      CommonPrefixes: r.commonPrefixes.length > 0 ? r.commonPrefixes.map((p) => ({ Prefix: encode(p) })) : undefined,
    };
  }
}
