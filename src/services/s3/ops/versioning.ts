/** Versioning: Put/GetBucketVersioning and ListObjectVersions (versions.ts holds the version rules). */
import { AwsError } from '../../../aws/errors.js';
import type { RequestContext } from '../../../core/context.js';
import type {
  DeleteMarkerEntry,
  GetBucketVersioningOutput,
  GetBucketVersioningRequest,
  ListObjectVersionsOutput,
  ListObjectVersionsRequest,
  ObjectVersion,
  PutBucketVersioningRequest,
  S3Api,
} from '../../../generated/s3.js';
import type { S3Core } from '../core.js';
import { invalidArgument, malformedXml } from '../errors.js';
import { compareKeys, urlEncodeKey } from '../listing.js';
import { ownerOf } from '../owner.js';
import { updateSettings } from '../settings.js';
import { invalidVersionId, requireIntegrity, versions, wellFormedVersionId } from '../versions.js';

const MAX_KEYS = 1000;
const BATCH = 1000;
const MAX_CHAR = '\u{10FFFF}';

export class VersioningOps implements Pick<S3Api, 'PutBucketVersioning' | 'GetBucketVersioning' | 'ListObjectVersions'> {
  constructor(private readonly core: S3Core) {}

  async PutBucketVersioning(ctx: RequestContext, input: PutBucketVersioningRequest): Promise<void> {
    requireIntegrity(ctx.headers);
    const c = input.VersioningConfiguration;
    if (c.Status !== undefined && c.Status !== 'Enabled' && c.Status !== 'Suspended') throw malformedXml();
    if (c.MFADelete !== undefined && c.MFADelete !== 'Enabled' && c.MFADelete !== 'Disabled') throw malformedXml();
    await this.core.db.tx(async (tx) => {
      const { settings } = await this.core.owned(ctx, input.Bucket, tx);
      // Stratus has no MFA devices: enabling MFA delete cannot be authenticated.
      if (c.MFADelete === 'Enabled') throw new AwsError('AccessDenied', 'Mfa Authentication must be used for this request', 403);
      if (settings.objectLock && c.Status === 'Suspended') {
        throw new AwsError('InvalidBucketState', 'An Object Lock configuration is present on this bucket, so the versioning state cannot be changed.', 409);
      }
      await updateSettings(tx, input.Bucket, (s) => {
        if (c.Status !== undefined) s.versioning = c.Status;
        if (c.MFADelete !== undefined) s.mfaDelete = c.MFADelete;
      });
    });
  }

  async GetBucketVersioning(ctx: RequestContext, input: GetBucketVersioningRequest): Promise<GetBucketVersioningOutput> {
    const { settings } = await this.core.owned(ctx, input.Bucket);
    return { Status: settings.versioning, MFADelete: settings.mfaDelete };
  }

  async ListObjectVersions(ctx: RequestContext, input: ListObjectVersionsRequest): Promise<ListObjectVersionsOutput> {
    await this.core.owned(ctx, input.Bucket);
    if (input.EncodingType !== undefined && input.EncodingType !== 'url') throw invalidArgument('Invalid Encoding Method specified in Request', 'encoding-type', input.EncodingType);
    const encode = input.EncodingType === 'url' ? urlEncodeKey : (s: string): string => s;
    const maxKeys = Math.min(input.MaxKeys ?? MAX_KEYS, MAX_KEYS);
    if (maxKeys < 0) throw invalidArgument('max-keys cannot be negative', 'max-keys', String(input.MaxKeys));
    const prefix = input.Prefix ?? '';
    const delimiter = input.Delimiter || undefined;
    const keyMarker = input.KeyMarker ?? '';
    const versionIdMarker = input.VersionIdMarker || undefined;
    if (versionIdMarker !== undefined) {
      if (!keyMarker) throw invalidArgument('A version-id marker cannot be specified without a key marker.', 'version-id-marker', versionIdMarker);
      if (!wellFormedVersionId(versionIdMarker)) throw invalidVersionId(versionIdMarker, 'version-id-marker');
    }
    const owner = ownerOf(ctx.accountId);
    const db = this.core.db;

    // Where the walk starts: after the marker version, after every version of the marker key, or at the prefix.
    let from: { key: string; seq?: number; inclusive?: boolean } = { key: keyMarker };
    if (versionIdMarker !== undefined) {
      const seq = await versions.seq(db, input.Bucket, keyMarker, versionIdMarker);
      if (seq !== undefined) from = { key: keyMarker, seq };
    }
    if (compareKeys(prefix, keyMarker) > 0) from = { key: prefix, inclusive: true };

    const versionsOut: ObjectVersion[] = [];
    const markers: DeleteMarkerEntry[] = [];
    const prefixes: string[] = [];
    let count = 0;
    let truncated = false;
    let last: { key: string; versionId?: string } | undefined;
    outer: for (;;) {
      const rows = await versions.page(db, input.Bucket, from, BATCH);
      for (const o of rows) {
        if (!o.key.startsWith(prefix)) {
          if (compareKeys(o.key, prefix) > 0) break outer;
          continue;
        }
        const cut = delimiter ? o.key.indexOf(delimiter, prefix.length) : -1;
        if (cut >= 0) {
          const p = o.key.slice(0, cut + delimiter!.length);
          from = { key: p + MAX_CHAR, inclusive: true };
          // A common prefix at or before the key marker was listed on an earlier page.
          if (compareKeys(p, keyMarker) <= 0 && keyMarker) continue outer;
          if (count === maxKeys) {
            truncated = true;
            break outer;
          }
          count++;
          prefixes.push(p);
          last = { key: p };
          continue outer;
        }
        if (count === maxKeys) {
          truncated = true;
          break outer;
        }
        count++;
        last = { key: o.key, versionId: o.versionId };
        if (o.deleteMarker) {
          const m: DeleteMarkerEntry = { Key: encode(o.key), VersionId: o.versionId, IsLatest: o.isLatest, LastModified: new Date(o.lastModified), Owner: owner };
          markers.push(m);
        } else {
          const c = o.meta.checksum;
          const v: ObjectVersion = {
            Key: encode(o.key),
            VersionId: o.versionId,
            IsLatest: o.isLatest,
            LastModified: new Date(o.lastModified),
            ETag: o.etag,
            Size: o.size,
            StorageClass: o.storageClass as ObjectVersion['StorageClass'],
            Owner: owner,
            ChecksumAlgorithm: c ? [c.algorithm] : undefined,
            ChecksumType: c?.type,
          };
          versionsOut.push(v);
        }
      }
      if (rows.length < BATCH) break;
      const end = rows[rows.length - 1]!;
      from = { key: end.key, seq: end.seq };
    }
    return {
      Name: input.Bucket,
      Prefix: encode(prefix),
      KeyMarker: encode(keyMarker),
      VersionIdMarker: input.VersionIdMarker ?? '',
      NextKeyMarker: truncated && last ? encode(last.key) : undefined,
      NextVersionIdMarker: truncated && last?.versionId ? last.versionId : undefined,
      MaxKeys: maxKeys,
      Delimiter: input.Delimiter !== undefined ? encode(input.Delimiter) : undefined,
      EncodingType: input.EncodingType,
      IsTruncated: truncated,
      Versions: versionsOut.length > 0 ? versionsOut : undefined,
      DeleteMarkers: markers.length > 0 ? markers : undefined,
      CommonPrefixes: prefixes.length > 0 ? prefixes.map((p) => ({ Prefix: encode(p) })) : undefined,
    };
  }
}
