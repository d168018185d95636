/**
 * What S3's operation families share: the store, the blob store, bucket lookups with AWS's errors,
 * reading an object's bytes (one blob, or part after part) and the commit of a new current object.
 */
import { AwsError } from '../../aws/errors.js';
import type { RequestContext } from '../../core/context.js';
import type { Db, Tx } from '../../storage/db.js';
import type { BlobStore } from '../../storage/blobs/index.js';
import type { Platform } from '../service.js';
import type { ResourcePolicy } from '../../aws/iam-authorize.js';
import { ResourcePolicyCache } from '../../aws/iam-resource-policies.js';
import type { BucketConfig } from './bucket-config.js';
import { noSuchBucket } from './errors.js';
import { expirationHeader } from './lifecycle-rules.js';
import { checkBucketRegion } from './regions.js';
import { createdEvent, enqueueNotifications } from './notify.js';
import { ownedBucket, type BucketSettings } from './settings.js';
import { blobsOf, NULL_VERSION, S3_MIGRATIONS, store, type BucketRow, type ObjectRow } from './store.js';
import { newVersionId, versions } from './versions.js';

/** What a committed write answers: its version id (versioning enabled) and x-amz-expiration. */
export interface Committed {
  versionId?: string;
  expiration?: string;
}

/** AWS's limits. */
export const MAX_OBJECT_BYTES = 5 * 1024 * 1024 * 1024;
export const MIN_PART_BYTES = 5 * 1024 * 1024;
export const MAX_PARTS = 10_000;
export const MAX_KEY_BYTES = 1024;

export const accessDenied = (): AwsError => new AwsError('AccessDenied', 'Access Denied', 403);

export class S3Core {
  readonly db: Db;
  readonly blobs: BlobStore;

  /** Bucket policies and owners for `--iam enforce`, by bucket name (changed() after a policy or a bucket is written). */
  readonly policies: ResourcePolicyCache;

  private constructor(readonly platform: Platform) {
    this.db = platform.db;
    this.blobs = platform.blobs;
    this.policies = new ResourcePolicyCache(platform.clock, async (bucket) => {
      const b = await this.db.get<{ account: string; config: string }>('SELECT account, config FROM s3_buckets WHERE name = ?', [bucket]);
      return b && { accountId: b.account, policy: (JSON.parse(b.config) as BucketConfig).policy };
    });
  }

  /** The provider's resourcePolicy hook: the bucket of an S3 ARN (`arn:aws:s3:::bucket[/key]`), its owner and policy. */
  resourcePolicy(arn: string): Promise<ResourcePolicy | undefined> {
    if (!arn.startsWith('arn:aws:s3:::')) return Promise.resolve(undefined);
    const rest = arn.slice('arn:aws:s3:::'.length);
    const slash = rest.indexOf('/');
    return this.policies.get(slash < 0 ? rest : rest.slice(0, slash));
  }

  static async open(platform: Platform): Promise<S3Core> {
    await platform.db.migrate('s3', S3_MIGRATIONS);
    return new S3Core(platform);
  }

  /** Platform time to the second: S3 keeps LastModified, Initiated and CreationDate in whole seconds. */
  now(): number {
    return Math.floor(this.platform.clock.now() / 1000) * 1000;
  }

  /**
   * The caller's bucket: NoSuchBucket when there is none, a redirect to its region (regions.ts),
   * AccessDenied when another account owns it (unless that bucket's policy let the caller in:
   * `--iam enforce`).
   */
  async bucket(ctx: RequestContext, name: string, q: Pick<Tx, 'get'> = this.db): Promise<BucketRow> {
    const b = await store.bucket(q as Tx, name);
    if (!b) throw noSuchBucket(name);
    checkBucketRegion(ctx, b);
    if (b.account !== ctx.accountId && !ctx.crossAccountGrant) throw accessDenied();
    return b;
  }

  /** The caller's bucket and its versioning, Object Lock and lifecycle settings (settings.ts). */
  owned(ctx: RequestContext, name: string, q: Pick<Tx, 'get'> = this.db): Promise<{ bucket: BucketRow; settings: BucketSettings }> {
    return ownedBucket(ctx, q as Tx, name);
  }

  /**
   * Makes `object` the current version of its key in one transaction, after `check` (conditional
   * writes) looked at the one it replaces. With versioning enabled it gets a new version id and the
   * previous versions stay; otherwise it is the 'null' version, whose previous blobs are released
   * and removed once committed. The bucket's default retention applies to it (Object Lock). The new
   * object's blobs must be claimed by `claim` (fresh blobs) or already be.
   */
  async commitObject(
    ctx: RequestContext,
    object: ObjectRow,
    options: { claim: readonly string[]; check?: (current: ObjectRow | undefined) => void; also?: (tx: Tx) => Promise<string[]> },
  ): Promise<Committed> {
    const { dropped, settings } = await this.db.tx(async (tx) => {
      const { settings } = await ownedBucket(ctx, tx, object.bucket);
      const current = await store.latest(tx, object.bucket, object.key);
      options.check?.(current && !current.deleteMarker ? current : undefined);
      for (const id of options.claim) await this.blobs.claim(tx, id);
      object.versionId = settings.versioning === 'Enabled' ? newVersionId() : NULL_VERSION;
      const rule = settings.objectLock?.rule;
      if (rule && !object.meta.lock?.mode) {
        const until = new Date(object.lastModified);
        if (rule.years) until.setUTCFullYear(until.getUTCFullYear() + rule.years);
        else until.setTime(until.getTime() + (rule.days ?? 0) * 86_400_000);
        object.meta.lock = { ...object.meta.lock, mode: rule.mode, until: until.getTime() };
      }
      const released: string[] = [];
      if (object.versionId === NULL_VERSION) {
        const previous = current?.versionId === NULL_VERSION ? current : await versions.get(tx, object.bucket, object.key, NULL_VERSION);
        for (const id of previous ? blobsOf(previous) : []) {
          await this.blobs.release(tx, id);
          released.push(id);
        }
      }
      if (current && current.versionId !== object.versionId) await versions.setLatest(tx, object.bucket, object.key, current.versionId, false);
      await store.putObject(tx, object);
      if (options.also) released.push(...(await options.also(tx)));
      await enqueueNotifications(tx, this.platform, {
        name: createdEvent(ctx.operation ?? ''),
        bucket: object.bucket,
        key: object.key,
        size: object.size,
        eTag: object.etag.replace(/"/g, ''),
        versionId: settings.versioning ? object.versionId : undefined,
        requestId: ctx.requestId,
        time: object.lastModified,
      });
      return { dropped: released, settings };
    });
    await this.dropBlobs(dropped);
    return { versionId: settings.versioning === 'Enabled' ? object.versionId : undefined, expiration: expirationHeader(settings, object) };
  }

  /** Removes blobs whose references were released (kept if something still claims them). */
  async dropBlobs(ids: readonly string[]): Promise<void> {
    for (const id of ids) await this.blobs.delete(id).catch(() => false);
  }

  /** The bytes of an object from `start` to `end` inclusive, reading its parts in order. */
  async *read(o: ObjectRow, start: number, end: number): AsyncIterable<Buffer> {
    if (end < start) return;
    const pieces = o.parts ?? (o.blob ? [{ blob: o.blob, size: o.size }] : []);
    let offset = 0;
    for (const p of pieces) {
      const pStart = offset;
      const pEnd = offset + p.size - 1;
      offset += p.size;
      if (p.size === 0 || pEnd < start || pStart > end) continue;
      const from = Math.max(start, pStart) - pStart;
      const to = Math.min(end, pEnd) - pStart;
      const body = await this.blobs.read(p.blob, { start: from, end: to });
      if (!body) throw new Error(`blob ${p.blob} of ${o.bucket}/${o.key} is missing`);
      yield* body;
    }
  }
}
