/**
 * Bucket-level settings kept in the `s3_buckets.config` JSON column, one member per configuration
 * (tagging, policy, cors, website...). A member that is absent has S3's default for a new bucket
 * (ownership BucketOwnerEnforced, public access fully blocked, SSE-S3 encryption); `null` records a
 * configuration deleted where the default was a configuration itself.
 */
import type { Queryable, Tx } from '../../storage/db.js';

export interface BucketConfig {
  tagging?: { Key: string; Value: string }[];
  policy?: string;
  cors?: CorsRule[];
  website?: WebsiteSettings;
  encryption?: unknown;
  ownership?: string | null;
  publicAccessBlock?: PublicAccessBlock | null;
  acl?: StoredAcl;
  notification?: unknown;
  requestPayment?: string;
  accelerate?: string;
  logging?: unknown;
  /** Metrics, analytics, inventory and intelligent-tiering configurations by id. */
  metrics?: Record<string, unknown>;
  analytics?: Record<string, unknown>;
  inventory?: Record<string, unknown>;
  tiering?: Record<string, unknown>;
}

export interface CorsRule {
  ID?: string;
  AllowedHeaders?: string[];
  AllowedMethods: string[];
  AllowedOrigins: string[];
  ExposeHeaders?: string[];
  MaxAgeSeconds?: number;
}

export interface WebsiteSettings {
  IndexDocument?: { Suffix: string };
  ErrorDocument?: { Key: string };
  RedirectAllRequestsTo?: { HostName: string; Protocol?: string };
  RoutingRules?: RoutingRule[];
}

export interface RoutingRule {
  Condition?: { HttpErrorCodeReturnedEquals?: string; KeyPrefixEquals?: string };
  Redirect: { HostName?: string; HttpRedirectCode?: string; Protocol?: string; ReplaceKeyPrefixWith?: string; ReplaceKeyWith?: string };
}

export interface PublicAccessBlock {
  BlockPublicAcls: boolean;
  IgnorePublicAcls: boolean;
  BlockPublicPolicy: boolean;
  RestrictPublicBuckets: boolean;
}

/** Grants besides the owner's FULL_CONTROL, as a canned ACL or explicit grants. */
export interface StoredAcl {
  grants: { Grantee: { Type: string; ID?: string; URI?: string; EmailAddress?: string }; Permission: string }[];
}

export const DEFAULT_OWNERSHIP = 'BucketOwnerEnforced';
export const BLOCK_ALL: PublicAccessBlock = { BlockPublicAcls: true, IgnorePublicAcls: true, BlockPublicPolicy: true, RestrictPublicBuckets: true };

export async function bucketConfig(q: Queryable, bucket: string): Promise<BucketConfig> {
  const r = await q.get<{ config: string }>('SELECT config FROM s3_buckets WHERE name = ?', [bucket]);
  return r ? (JSON.parse(r.config) as BucketConfig) : {};
}

/** Sets (or with `undefined` removes) one member, in the caller's transaction so other members are kept. */
export async function setBucketConfig<K extends keyof BucketConfig>(tx: Tx, bucket: string, key: K, value: BucketConfig[K] | undefined): Promise<void> {
  const settings = await bucketConfig(tx, bucket);
  if (value === undefined) delete settings[key];
  else settings[key] = value;
  await tx.run('UPDATE s3_buckets SET config = ? WHERE name = ?', [JSON.stringify(settings), bucket]);
}

export const ownershipOf = (s: BucketConfig): string | undefined => (s.ownership === null ? undefined : (s.ownership ?? DEFAULT_OWNERSHIP));
export const publicAccessBlockOf = (s: BucketConfig): PublicAccessBlock | undefined => (s.publicAccessBlock === null ? undefined : (s.publicAccessBlock ?? BLOCK_ALL));
