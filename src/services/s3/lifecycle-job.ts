/**
 * The lifecycle job: once a day, at midnight UTC on the platform clock (AWS evaluates its rules
 * daily and rounds each action's time up to a midnight), one run per bucket with a configuration
 * applies the actions that are due, key after key, each key in its own transaction:
 * - Expiration (Days, Date) of a current version: removed (unversioned bucket) or hidden by a
 *   delete marker (versioned; the 'null' marker when suspended);
 * - ExpiredObjectDeleteMarker: a delete marker that is a key's only version is removed;
 * - NoncurrentVersionExpiration: a version noncurrent for NoncurrentDays (counted from when the next
 *   newer version was written), beyond the NewerNoncurrentVersions newest noncurrent ones, is removed;
 * - Transitions and NoncurrentVersionTransitions: the storage class is recorded (nothing moves);
 *   objects under 128 KiB stay unless the rule filters by size or the configuration says
 *   varies_by_storage_class;
 * - AbortIncompleteMultipartUpload: uploads initiated DaysAfterInitiation ago are aborted.
 * A version Object Lock holds is never removed. Expirations and transitions send their event
 * notifications (LifecycleExpiration:*, LifecycleTransition). The job then waits for the next midnight.
 */
import { randomBytes } from 'node:crypto';
import type { JobOutcome, RunContext } from '../../jobs/index.js';
import type { Job } from '../../jobs/queue.js';
import type { Tx } from '../../storage/db.js';
import type { S3Core } from './core.js';
import { DAY_MS, expiryOf, matches, midnightAtOrAfter, MIN_TRANSITION_BYTES, nextMidnight } from './lifecycle-rules.js';
import { bucketSettings, type BucketSettings, type StoredRule } from './settings.js';
import { enqueueNotifications } from './notify.js';
import { NULL_VERSION, store, type ObjectRow } from './store.js';
import { deleteIn, lockHolds, removeVersion, versions } from './versions.js';

export const LIFECYCLE_JOB = 's3.lifecycle';
const KEY_BATCH = 200;

export class LifecycleRunner {
  constructor(private readonly core: S3Core) {}

  readonly run = async (job: Job<null>, { signal }: RunContext): Promise<JobOutcome> => {
    const bucket = job.key;
    const settings = await bucketSettings(this.core.db, bucket);
    if (!settings?.lifecycle) return { then: 'done' };
    const now = this.core.platform.clock.now();
    let after = '';
    for (;;) {
      const rows = await this.core.db.all('SELECT DISTINCT object_key FROM s3_objects WHERE bucket = ? AND object_key > ? ORDER BY object_key LIMIT ?', [bucket, after, KEY_BATCH]);
      for (const r of rows) {
        if (signal.aborted) return { then: 'retry', delayMs: 0 };
        await this.applyToKey(bucket, r.object_key as string, now);
      }
      if (rows.length < KEY_BATCH) break;
      after = rows[rows.length - 1]!.object_key as string;
    }
    await this.abortUploads(bucket, now);
    return { then: 'reschedule', dueAt: nextMidnight(now) };
  };

  private async applyToKey(bucket: string, key: string, now: number): Promise<void> {
    // S3's own request, as the events of its actions name it.
    const requestId = randomBytes(8).toString('hex').toUpperCase();
    const expired = (tx: Tx, o: ObjectRow) =>
      enqueueNotifications(tx, this.core.platform, {
        name: o.deleteMarker ? 'LifecycleExpiration:DeleteMarkerCreated' : 'LifecycleExpiration:Delete',
        bucket,
        key,
        versionId: o.versionId !== NULL_VERSION ? o.versionId : undefined,
        requestId,
        time: now,
      });
    const dropped = await this.core.db.tx(async (tx) => {
      const settings = await bucketSettings(tx, bucket);
      const rules = (settings?.lifecycle?.rules ?? []).filter((r) => r.enabled);
      if (!settings || rules.length === 0) return [];
      const all = await versions.ofKey(tx, bucket, key);
      const released: string[] = [];
      let left = all.length;
      for (let i = 1; i < all.length; i++) {
        const v = all[i]!;
        const since = all[i - 1]!.lastModified;
        const newer = i - 1;
        const expire = rules.some((r) => {
          const ne = r.noncurrentExpiration;
          return ne && matches(r, v) && (ne.newer === undefined || newer >= ne.newer) && midnightAtOrAfter(since + ne.days * DAY_MS) <= now;
        });
        if (expire && !lockHolds(v, now, false)) {
          released.push(...(await removeVersion(this.core, tx, v)));
          await expired(tx, v);
          left--;
          continue;
        }
        if (!v.deleteMarker) {
          const due = rules.flatMap((r) =>
            r.noncurrentTransitions
              .filter((t) => matches(r, v) && sizeAllows(settings, r, v, t.storageClass) && (t.newer === undefined || newer >= t.newer))
              .map((t) => ({ at: midnightAtOrAfter(since + t.days * DAY_MS), storageClass: t.storageClass })),
          );
          await this.transition(tx, v, due, now, requestId);
        }
      }
      const current = all[0]!;
      if (!current.deleteMarker) {
        const at = Math.min(...rules.map((r) => expiryOf(r, current) ?? Infinity));
        if (at <= now) {
          if (settings.versioning) released.push(...(await deleteIn(this.core, tx, settings, bucket, key, undefined, false, { requestId, lifecycle: true })).released);
          else if (!lockHolds(current, now, false)) {
            released.push(...(await removeVersion(this.core, tx, current)));
            await expired(tx, current);
          }
          return released;
        }
        const due = rules.flatMap((r) =>
          r.transitions
            .filter(() => matches(r, current) && sizeAllows(settings, r, current, ''))
            .map((t) => ({ at: t.days !== undefined ? midnightAtOrAfter(current.lastModified + t.days * DAY_MS) : t.date!, storageClass: t.storageClass })),
        );
        await this.transition(tx, current, due, now, requestId);
      } else if (left === 1 && rules.some((r) => r.expiration?.expiredObjectDeleteMarker && matches(r, current))) {
        released.push(...(await removeVersion(this.core, tx, current)));
        await expired(tx, current);
      }
      return released;
    });
    await this.core.dropBlobs(dropped);
  }

  /** Records the storage class of the latest transition that is due (a LifecycleTransition event). */
  private async transition(tx: Tx, o: ObjectRow, due: { at: number; storageClass: string }[], now: number, requestId: string): Promise<void> {
    let best: { at: number; storageClass: string } | undefined;
    for (const d of due) if (d.at <= now && (!best || d.at > best.at)) best = d;
    if (!best || best.storageClass === o.storageClass) return;
    await versions.setStorageClass(tx, o, best.storageClass);
    await enqueueNotifications(tx, this.core.platform, {
      name: 'LifecycleTransition',
      bucket: o.bucket,
      key: o.key,
      size: o.size,
      eTag: o.etag.replace(/"/g, ''),
      versionId: o.versionId !== NULL_VERSION ? o.versionId : undefined,
      storageClass: best.storageClass,
      requestId,
      time: now,
    });
  }

  private async abortUploads(bucket: string, now: number): Promise<void> {
    let keyMarker = '';
    let seen = new Set<string>();
    for (;;) {
      const uploads = (await store.listUploads(this.core.db, bucket, keyMarker, KEY_BATCH)).filter((u) => !seen.has(u.uploadId));
      if (uploads.length === 0) return;
      for (const u of uploads) {
        const dropped = await this.core.db.tx(async (tx) => {
          const rules = ((await bucketSettings(tx, bucket))?.lifecycle?.rules ?? []).filter((r) => r.enabled && r.abortDays !== undefined);
          if (!rules.some((r) => u.key.startsWith(r.filter.prefix) && midnightAtOrAfter(u.initiated + r.abortDays! * DAY_MS) <= now)) return [];
          if (!(await store.upload(tx, u.uploadId))) return [];
          const parts = await store.parts(tx, u.uploadId);
          for (const p of parts) await this.core.blobs.release(tx, p.blob);
          await store.deleteUpload(tx, u.uploadId);
          return parts.map((p) => p.blob);
        });
        await this.core.dropBlobs(dropped);
      }
      if (uploads[uploads.length - 1]!.key !== keyMarker) seen = new Set();
      for (const u of uploads) seen.add(u.uploadId);
      keyMarker = uploads[uploads.length - 1]!.key;
    }
  }
}

/** The default minimum size for transitions (128 KiB), unless the rule filters by size itself. */
function sizeAllows(settings: BucketSettings, rule: StoredRule, o: ObjectRow, _storageClass: string): boolean {
  if (rule.filter.greaterThan !== undefined || rule.filter.lessThan !== undefined) return true;
  if (settings.lifecycle?.minimumSize === 'varies_by_storage_class') return true;
  return o.size >= MIN_TRANSITION_BYTES;
}
