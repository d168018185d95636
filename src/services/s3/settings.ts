/**
 * The bucket settings the versioning, Object Lock and lifecycle families keep in the
 * `s3_buckets.config` JSON column, beside the keys other families keep there: each update reads the
 * whole document and writes it back with only its own keys changed, in one transaction.
 */
import type { RequestContext } from '../../core/context.js';
import type { Queryable, Tx } from '../../storage/db.js';
import { accessDenied } from './core.js';
import { noSuchBucket } from './errors.js';
import { checkBucketRegion } from './regions.js';
import type { BucketRow } from './store.js';

export type VersioningStatus = 'Enabled' | 'Suspended';
export type LockMode = 'GOVERNANCE' | 'COMPLIANCE';

/** A lifecycle rule as validated and stored (lifecycle-rules.ts). */
export interface StoredRule {
  id: string;
  enabled: boolean;
  /** The rule's filter: prefix, tags (all must match), size bounds (exclusive). */
  filter: { prefix: string; tags: { Key: string; Value: string }[]; greaterThan?: number; lessThan?: number };
  /** The rule as the client sent it (the model's LifecycleRule), for GetBucketLifecycleConfiguration. */
  wire: Record<string, unknown>;
  expiration?: { days?: number; date?: number; expiredObjectDeleteMarker?: boolean };
  noncurrentExpiration?: { days: number; newer?: number };
  abortDays?: number;
  transitions: { days?: number; date?: number; storageClass: string }[];
  noncurrentTransitions: { days: number; newer?: number; storageClass: string }[];
}

export interface BucketSettings {
  versioning?: VersioningStatus;
  mfaDelete?: 'Enabled' | 'Disabled';
  objectLock?: { enabled: true; rule?: { mode: LockMode; days?: number; years?: number } };
  lifecycle?: { rules: StoredRule[]; minimumSize?: string };
}

function parse(config: string | null | undefined): Record<string, unknown> {
  try {
    return config ? (JSON.parse(config) as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

function settingsOf(doc: Record<string, unknown>): BucketSettings {
  return {
    versioning: doc.versioning as BucketSettings['versioning'],
    mfaDelete: doc.mfaDelete as BucketSettings['mfaDelete'],
    objectLock: doc.objectLock as BucketSettings['objectLock'],
    lifecycle: doc.lifecycle as BucketSettings['lifecycle'],
  };
}

/** The caller's bucket with its settings, in one read: NoSuchBucket, or AccessDenied for another account's (unless its policy let the caller in). */
export async function ownedBucket(ctx: RequestContext, q: Queryable, name: string): Promise<{ bucket: BucketRow; settings: BucketSettings }> {
  const r = await q.get('SELECT name, account, region, created, config FROM s3_buckets WHERE name = ?', [name]);
  if (!r) throw noSuchBucket(name);
  const bucket: BucketRow = { name: r.name, account: r.account, region: r.region, created: Number(r.created) };
  checkBucketRegion(ctx, bucket);
  if (r.account !== ctx.accountId && !ctx.crossAccountGrant) throw accessDenied();
  return { bucket, settings: settingsOf(parse(r.config)) };
}

export async function bucketSettings(q: Queryable, name: string): Promise<BucketSettings | undefined> {
  const r = await q.get('SELECT config FROM s3_buckets WHERE name = ?', [name]);
  return r ? settingsOf(parse(r.config)) : undefined;
}

/** Changes this family's keys of a bucket's settings (the others' kept as they are). */
export async function updateSettings(tx: Tx, name: string, change: (s: BucketSettings) => void): Promise<BucketSettings> {
  const r = await tx.get('SELECT config FROM s3_buckets WHERE name = ?', [name]);
  if (!r) throw noSuchBucket(name);
  const doc = parse(r.config);
  const s = settingsOf(doc);
  change(s);
  for (const k of ['versioning', 'mfaDelete', 'objectLock', 'lifecycle'] as const) {
    if (s[k] === undefined) delete doc[k];
    else doc[k] = s[k];
  }
  await tx.run('UPDATE s3_buckets SET config = ? WHERE name = ?', [JSON.stringify(doc), name]);
  return s;
}
