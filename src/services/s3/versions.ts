/**
 * Object versions: version ids, lookups by version, delete markers, the removal of a version (the
 * next newest becoming current) and Object Lock's protection of a version against deletion.
 *
 * A key's versions are its rows, ordered by `seq` (store.putObject gives each write the next one);
 * exactly one of them (the newest) has is_latest = 1. Unversioned buckets and suspended versioning
 * write the version 'null', replacing the previous 'null' version wherever it stands.
 */
import { randomBytes } from 'node:crypto';
import { AwsError } from '../../aws/errors.js';
import type { RequestContext } from '../../core/context.js';
import type { Queryable, Tx } from '../../storage/db.js';
import type { S3Core } from './core.js';
import { invalidArgument, invalidRequest, noSuchKey } from './errors.js';
import type { BucketSettings } from './settings.js';
import { blobsOf, NULL_VERSION, OBJECT_COLUMNS, objectOf, store, type ObjectRow } from './store.js';
import { enqueueNotifications } from './notify.js';

/** 32 characters, as AWS's version ids are (letters, digits, '.' and '_'). */
export function newVersionId(): string {
  return randomBytes(24).toString('base64url').replace(/-/g, '.');
}

/** Whether a version id could name a version here ('null' or one of ours). */
export function wellFormedVersionId(id: string): boolean {
  return id === NULL_VERSION || /^[A-Za-z0-9._]{32}$/.test(id);
}

export const noSuchVersion = (key: string, versionId: string): AwsError =>
  new AwsError('NoSuchVersion', 'The specified version does not exist.', 404, { fields: { Key: key, VersionId: versionId } });

export const invalidVersionId = (versionId: string, name = 'versionId'): AwsError => invalidArgument('Invalid version id specified', name, versionId);

export const objectLocked = (): AwsError => new AwsError('AccessDenied', 'Access Denied because object protected by object lock.', 403);

/** AWS requires an integrity header on these bodies (every SDK sends one). */
export function requireIntegrity(headers: RequestContext['headers']): void {
  if (headers['content-md5'] === undefined && headers['x-amz-sdk-checksum-algorithm'] === undefined && !Object.keys(headers).some((k) => k.startsWith('x-amz-checksum-'))) {
    throw invalidRequest('Missing required header for this request: Content-MD5');
  }
}

/** The headers AWS sends with an answer about a delete marker. */
function markerHeaders(m: ObjectRow): Record<string, string> {
  return { 'x-amz-delete-marker': 'true', 'x-amz-version-id': m.versionId, 'last-modified': new Date(m.lastModified).toUTCString() };
}

export const versions = {
  async get(q: Queryable, bucket: string, key: string, versionId: string): Promise<ObjectRow | undefined> {
    const r = await q.get(`SELECT ${OBJECT_COLUMNS} FROM s3_objects WHERE bucket = ? AND object_key = ? AND version_id = ?`, [bucket, key, versionId]);
    return r && objectOf(r);
  },

  async seq(q: Queryable, bucket: string, key: string, versionId: string): Promise<number | undefined> {
    const r = await q.get('SELECT seq FROM s3_objects WHERE bucket = ? AND object_key = ? AND version_id = ?', [bucket, key, versionId]);
    return r ? Number(r.seq) : undefined;
  },

  async setLatest(tx: Tx, bucket: string, key: string, versionId: string, latest: boolean): Promise<void> {
    await tx.run('UPDATE s3_objects SET is_latest = ? WHERE bucket = ? AND object_key = ? AND version_id = ?', [latest ? 1 : 0, bucket, key, versionId]);
  },

  async setMeta(tx: Tx, o: ObjectRow): Promise<void> {
    await tx.run('UPDATE s3_objects SET meta = ? WHERE bucket = ? AND object_key = ? AND version_id = ?', [JSON.stringify(o.meta), o.bucket, o.key, o.versionId]);
  },

  async setStorageClass(tx: Tx, o: ObjectRow, storageClass: string): Promise<void> {
    await tx.run('UPDATE s3_objects SET storage_class = ? WHERE bucket = ? AND object_key = ? AND version_id = ?', [storageClass, o.bucket, o.key, o.versionId]);
  },

  /** A key's versions, newest first. */
  async ofKey(q: Queryable, bucket: string, key: string): Promise<ObjectRow[]> {
    const rows = await q.all(`SELECT ${OBJECT_COLUMNS} FROM s3_objects WHERE bucket = ? AND object_key = ? ORDER BY seq DESC`, [bucket, key]);
    return rows.map(objectOf);
  },

  /**
   * Versions of a bucket in (key byte order, newest first): after version `seq` of `key` when a seq
   * is given, else from `key` (inclusive or not).
   */
  async page(q: Queryable, bucket: string, from: { key: string; seq?: number; inclusive?: boolean }, limit: number): Promise<(ObjectRow & { seq: number })[]> {
    const where =
      from.seq !== undefined ? '((object_key = ? AND seq < ?) OR object_key > ?)' : from.inclusive ? 'object_key >= ?' : 'object_key > ?';
    const params = from.seq !== undefined ? [from.key, from.seq, from.key] : [from.key];
    const rows = await q.all(`SELECT ${OBJECT_COLUMNS}, seq FROM s3_objects WHERE bucket = ? AND ${where} ORDER BY object_key, seq DESC LIMIT ?`, [bucket, ...params, limit]);
    return rows.map((r) => ({ ...objectOf(r), seq: Number(r.seq) }));
  },
};

/**
 * The object a read names: its version (NoSuchVersion; 405 for a delete marker) or the current one
 * (NoSuchKey, with the delete marker's headers when one hides the key).
 */
export async function resolveObject(q: Queryable, bucket: string, key: string, versionId: string | undefined, method: string): Promise<ObjectRow> {
  if (versionId !== undefined) {
    const o = await versions.get(q, bucket, key, versionId);
    if (!o) throw wellFormedVersionId(versionId) ? noSuchVersion(key, versionId) : invalidVersionId(versionId);
    if (o.deleteMarker) {
      throw new AwsError('MethodNotAllowed', 'The specified method is not allowed against this resource.', 405, {
        fields: { Method: method, ResourceType: 'DeleteMarker' },
        headers: markerHeaders(o),
      });
    }
    return o;
  }
  const o = await store.latest(q, bucket, key);
  if (!o) throw noSuchKey(key);
  if (o.deleteMarker) {
    const e = noSuchKey(key);
    Object.assign(e.headers, markerHeaders(o));
    throw e;
  }
  return o;
}

/** Whether Object Lock keeps this version from being deleted now (GOVERNANCE gives way to the bypass header). */
export function lockHolds(o: ObjectRow, now: number, bypass: boolean): boolean {
  const l = o.meta.lock;
  if (!l || o.deleteMarker) return false;
  if (l.legalHold) return true;
  if (l.mode && l.until !== undefined && l.until > now) return l.mode === 'COMPLIANCE' || !bypass;
  return false;
}

function deleteMarker(bucket: string, key: string, versionId: string, now: number): ObjectRow {
  return {
    bucket,
    key,
    versionId,
    isLatest: true,
    deleteMarker: true,
    size: 0,
    etag: '',
    lastModified: now,
    storageClass: 'STANDARD',
    blob: null,
    parts: null,
    meta: { metadata: {} },
    tags: [],
  };
}

/** Removes one version (its blobs released: the ids to drop once committed); the next newest becomes current. */
export async function removeVersion(core: S3Core, tx: Tx, o: ObjectRow): Promise<string[]> {
  await store.deleteObject(tx, o.bucket, o.key, o.versionId);
  const ids = blobsOf(o);
  for (const id of ids) await core.blobs.release(tx, id);
  if (o.isLatest) {
    await tx.run(
      'UPDATE s3_objects SET is_latest = 1 WHERE bucket = ? AND object_key = ? AND seq = (SELECT MAX(seq) FROM s3_objects WHERE bucket = ? AND object_key = ?)',
      [o.bucket, o.key, o.bucket, o.key],
    );
  }
  return ids;
}

export interface Deleted {
  deleteMarker?: boolean;
  versionId?: string;
  /** Blobs to drop once committed. */
  released: string[];
}

/**
 * DeleteObject's effect in a transaction: a named version is removed (a version that is not there
 * is a success, as on AWS; a locked one is AccessDenied); otherwise an unversioned bucket loses its
 * object, a versioned one gets a delete marker (versioning suspended: the 'null' marker, replacing
 * the 'null' version).
 */
export async function deleteIn(
  core: S3Core,
  tx: Tx,
  settings: BucketSettings,
  bucket: string,
  key: string,
  versionId: string | undefined,
  bypass: boolean,
  /** Who deletes: a client's request (its id names it in the event) or a lifecycle rule (S3's own request id). */
  cause: { requestId: string; lifecycle?: boolean },
): Promise<Deleted> {
  const now = core.now();
  const notify = async (name: string, id: string | undefined): Promise<void> => {
    const event = cause.lifecycle ? name.replace('ObjectRemoved:', 'LifecycleExpiration:') : name;
    await enqueueNotifications(tx, core.platform, { name: event, bucket, key, versionId: id, requestId: cause.requestId, time: now });
  };
  if (versionId !== undefined) {
    const o = await versions.get(tx, bucket, key, versionId);
    if (!o) return { versionId, released: [] };
    if (lockHolds(o, core.platform.clock.now(), bypass)) throw objectLocked();
    const released = await removeVersion(core, tx, o);
    await notify('ObjectRemoved:Delete', versionId);
    return { deleteMarker: o.deleteMarker || undefined, versionId, released };
  }
  const current = await store.latest(tx, bucket, key);
  if (!settings.versioning) {
    if (!current) return { released: [] };
    const released = await removeVersion(core, tx, current);
    await notify('ObjectRemoved:Delete', undefined);
    return { released };
  }
  const markerId = settings.versioning === 'Enabled' ? newVersionId() : NULL_VERSION;
  const released: string[] = [];
  if (markerId === NULL_VERSION) {
    const previous = await versions.get(tx, bucket, key, NULL_VERSION);
    if (previous) {
      for (const id of blobsOf(previous)) {
        await core.blobs.release(tx, id);
        released.push(id);
      }
    }
  }
  if (current && current.versionId !== markerId) await versions.setLatest(tx, bucket, key, current.versionId, false);
  await store.putObject(tx, deleteMarker(bucket, key, markerId, now));
  await notify('ObjectRemoved:DeleteMarkerCreated', markerId);
  return { deleteMarker: true, versionId: markerId, released };
}
