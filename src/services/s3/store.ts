/**
 * S3's SQL: buckets, objects and multipart uploads. Object bytes live in the blob store; a row
 * references its blob (or, for a completed multipart upload, its parts' blobs) and holds a claim on
 * each, taken in the transaction that writes the row.
 *
 * Versions: an object row is keyed by (bucket, key, version_id). Without versioning every row has
 * version_id 'null' (AWS's name for it) and is_latest 1, and a write replaces it. Versioning adds
 * rows with generated ids, flips is_latest on the previous one and writes delete markers
 * (delete_marker 1, no blob) instead of deleting; see docs/services/s3.md.
 */
import type { Migration, Queryable, Tx } from '../../storage/db.js';
import type { ChecksumAlgorithm } from './checksums.js';

export const S3_MIGRATIONS: Migration[] = [
  {
    version: 1,
    sql: `
CREATE TABLE IF NOT EXISTS s3_buckets (
  name TEXT NOT NULL COLLATE "C" PRIMARY KEY,
  account TEXT NOT NULL, region TEXT NOT NULL, created BIGINT NOT NULL,
  config TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS s3_buckets_account ON s3_buckets (account, name);
CREATE TABLE IF NOT EXISTS s3_objects (
  bucket TEXT NOT NULL COLLATE "C", object_key TEXT NOT NULL COLLATE "C", version_id TEXT NOT NULL,
  is_latest INTEGER NOT NULL, delete_marker INTEGER NOT NULL,
  size BIGINT NOT NULL, etag TEXT NOT NULL, last_modified BIGINT NOT NULL, storage_class TEXT NOT NULL,
  blob TEXT, parts TEXT, meta TEXT NOT NULL, tags TEXT NOT NULL,
  PRIMARY KEY (bucket, object_key, version_id)
);
CREATE INDEX IF NOT EXISTS s3_objects_latest ON s3_objects (bucket, is_latest, object_key);
CREATE TABLE IF NOT EXISTS s3_uploads (
  upload_id TEXT NOT NULL PRIMARY KEY,
  bucket TEXT NOT NULL COLLATE "C", object_key TEXT NOT NULL COLLATE "C", initiated BIGINT NOT NULL,
  meta TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS s3_uploads_key ON s3_uploads (bucket, object_key, initiated);
CREATE TABLE IF NOT EXISTS s3_upload_parts (
  upload_id TEXT NOT NULL, part_number INTEGER NOT NULL,
  blob TEXT NOT NULL, size BIGINT NOT NULL, etag TEXT NOT NULL, last_modified BIGINT NOT NULL, checksum TEXT, crc64 TEXT,
  PRIMARY KEY (upload_id, part_number)
);
`,
  },
  {
    // Versioning (versions.ts): the order of a key's versions, newest with the highest seq.
    version: 20,
    sql: `
ALTER TABLE s3_objects ADD COLUMN seq BIGINT NOT NULL DEFAULT 0;
CREATE INDEX IF NOT EXISTS s3_objects_versions ON s3_objects (bucket, object_key, seq);
`,
  },
];

export const NULL_VERSION = 'null';

export interface BucketRow {
  name: string;
  account: string;
  region: string;
  created: number;
}

export interface StoredChecksum {
  algorithm: ChecksumAlgorithm;
  /** Base64 digest; a composite multipart checksum ends in `-N`. */
  value: string;
  type: 'FULL_OBJECT' | 'COMPOSITE';
}

/** What an object carries besides its bytes: the headers it was written with. */
export interface ObjectMeta {
  contentType?: string;
  contentEncoding?: string;
  contentDisposition?: string;
  contentLanguage?: string;
  cacheControl?: string;
  expires?: string;
  websiteRedirectLocation?: string;
  metadata: Record<string, string>;
  checksum?: StoredChecksum;
  /** Object Lock: retention (until, ms) and legal hold of this version. */
  lock?: { mode?: 'GOVERNANCE' | 'COMPLIANCE'; until?: number; legalHold?: boolean };
}

/** One part of an object assembled by CompleteMultipartUpload, in order. */
export interface ObjectPart {
  blob: string;
  size: number;
  etag: string;
  checksum?: string;
}

export interface Tag {
  Key: string;
  Value: string;
}

export interface ObjectRow {
  bucket: string;
  key: string;
  versionId: string;
  isLatest: boolean;
  deleteMarker: boolean;
  size: number;
  /** Quoted, as sent in ETag headers. */
  etag: string;
  lastModified: number;
  storageClass: string;
  blob: string | null;
  parts: ObjectPart[] | null;
  meta: ObjectMeta;
  tags: Tag[];
}

export interface UploadMeta extends ObjectMeta {
  storageClass: string;
  tags: Tag[];
  checksumAlgorithm?: ChecksumAlgorithm;
  checksumType?: 'FULL_OBJECT' | 'COMPOSITE';
  owner: string;
}

export interface UploadRow {
  uploadId: string;
  bucket: string;
  key: string;
  initiated: number;
  meta: UploadMeta;
}

export interface PartRow {
  partNumber: number;
  blob: string;
  size: number;
  etag: string;
  lastModified: number;
  /** `<ALGORITHM>:<base64>`: the upload's algorithm, or the one the part was sent with. */
  checksum: string | null;
  /** The part's CRC64NVME when the upload has no algorithm (the object's default full-object checksum combines them). */
  crc64: string | null;
}

export const OBJECT_COLUMNS = 'bucket, object_key, version_id, is_latest, delete_marker, size, etag, last_modified, storage_class, blob, parts, meta, tags';

export function objectOf(r: Record<string, any>): ObjectRow {
  return {
    bucket: r.bucket,
    key: r.object_key,
    versionId: r.version_id,
    isLatest: Number(r.is_latest) === 1,
    deleteMarker: Number(r.delete_marker) === 1,
    size: Number(r.size),
    etag: r.etag,
    lastModified: Number(r.last_modified),
    storageClass: r.storage_class,
    blob: r.blob ?? null,
    parts: r.parts ? (JSON.parse(r.parts) as ObjectPart[]) : null,
    meta: JSON.parse(r.meta) as ObjectMeta,
    tags: JSON.parse(r.tags) as Tag[],
  };
}

/** The blobs an object row holds claims on. */
export function blobsOf(o: Pick<ObjectRow, 'blob' | 'parts'>): string[] {
  return o.parts ? o.parts.map((p) => p.blob) : o.blob ? [o.blob] : [];
}

export const store = {
  async bucket(q: Queryable, name: string): Promise<BucketRow | undefined> {
    const r = await q.get('SELECT name, account, region, created FROM s3_buckets WHERE name = ?', [name]);
    return r && { name: r.name, account: r.account, region: r.region, created: Number(r.created) };
  },

  async insertBucket(tx: Tx, b: BucketRow): Promise<void> {
    await tx.run('INSERT INTO s3_buckets (name, account, region, created, config) VALUES (?, ?, ?, ?, ?)', [b.name, b.account, b.region, b.created, '{}']);
  },

  async deleteBucket(tx: Tx, name: string): Promise<void> {
    await tx.run('DELETE FROM s3_buckets WHERE name = ?', [name]);
  },

  /** An account's buckets after `after` (by name), `limit` of them, optionally by prefix and region. */
  async listBuckets(q: Queryable, account: string, after: string, limit: number, prefix?: string, region?: string): Promise<BucketRow[]> {
    let sql = 'SELECT name, account, region, created FROM s3_buckets WHERE account = ? AND name > ?';
    const params: (string | number)[] = [account, after];
    if (prefix) {
      sql += ' AND substr(name, 1, ?) = ?';
      params.push(prefix.length, prefix);
    }
    if (region) {
      sql += ' AND region = ?';
      params.push(region);
    }
    sql += ' ORDER BY name LIMIT ?';
    params.push(limit);
    const rows = await q.all(sql, params);
    return rows.map((r) => ({ name: r.name, account: r.account, region: r.region, created: Number(r.created) }));
  },

  async hasObjectsOrUploads(q: Queryable, bucket: string): Promise<boolean> {
    const o = await q.get('SELECT 1 AS x FROM s3_objects WHERE bucket = ? LIMIT 1', [bucket]);
    if (o) return true;
    return !!(await q.get('SELECT 1 AS x FROM s3_uploads WHERE bucket = ? LIMIT 1', [bucket]));
  },

  /** The current version of a key (a delete marker included), if any. */
  async latest(q: Queryable, bucket: string, key: string): Promise<ObjectRow | undefined> {
    const r = await q.get(`SELECT ${OBJECT_COLUMNS} FROM s3_objects WHERE bucket = ? AND object_key = ? AND is_latest = 1`, [bucket, key]);
    return r && objectOf(r);
  },

  async putObject(tx: Tx, o: ObjectRow): Promise<void> {
    await tx.run('DELETE FROM s3_objects WHERE bucket = ? AND object_key = ? AND version_id = ?', [o.bucket, o.key, o.versionId]);
    // A write is the newest version of its key: its seq follows every other version's.
    await tx.run(
      `INSERT INTO s3_objects (${OBJECT_COLUMNS}, seq) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, (SELECT COALESCE(MAX(seq), 0) + 1 FROM s3_objects WHERE bucket = ? AND object_key = ?))`,
      [
      o.bucket,
      o.key,
      o.versionId,
      o.isLatest ? 1 : 0,
      o.deleteMarker ? 1 : 0,
      o.size,
      o.etag,
      o.lastModified,
      o.storageClass,
      o.blob,
      o.parts ? JSON.stringify(o.parts) : null,
      JSON.stringify(o.meta),
      JSON.stringify(o.tags),
      o.bucket,
      o.key,
    ],
    );
  },

  async setTags(tx: Tx, bucket: string, key: string, versionId: string, tags: Tag[]): Promise<void> {
    await tx.run('UPDATE s3_objects SET tags = ? WHERE bucket = ? AND object_key = ? AND version_id = ?', [JSON.stringify(tags), bucket, key, versionId]);
  },

  async deleteObject(tx: Tx, bucket: string, key: string, versionId: string): Promise<void> {
    await tx.run('DELETE FROM s3_objects WHERE bucket = ? AND object_key = ? AND version_id = ?', [bucket, key, versionId]);
  },

  /** Current, live objects of a bucket from `from` (inclusive) in key byte order. */
  async listFrom(q: Queryable, bucket: string, from: string, inclusive: boolean, limit: number): Promise<ObjectRow[]> {
    const rows = await q.all(
      `SELECT ${OBJECT_COLUMNS} FROM s3_objects WHERE bucket = ? AND is_latest = 1 AND delete_marker = 0 AND object_key ${inclusive ? '>=' : '>'} ? ORDER BY object_key LIMIT ?`,
      [bucket, from, limit],
    );
    return rows.map(objectOf);
  },

  async upload(q: Queryable, uploadId: string): Promise<UploadRow | undefined> {
    const r = await q.get('SELECT upload_id, bucket, object_key, initiated, meta FROM s3_uploads WHERE upload_id = ?', [uploadId]);
    return r && { uploadId: r.upload_id, bucket: r.bucket, key: r.object_key, initiated: Number(r.initiated), meta: JSON.parse(r.meta) as UploadMeta };
  },

  async insertUpload(tx: Tx, u: UploadRow): Promise<void> {
    await tx.run('INSERT INTO s3_uploads (upload_id, bucket, object_key, initiated, meta) VALUES (?, ?, ?, ?, ?)', [u.uploadId, u.bucket, u.key, u.initiated, JSON.stringify(u.meta)]);
  },

  async deleteUpload(tx: Tx, uploadId: string): Promise<void> {
    await tx.run('DELETE FROM s3_upload_parts WHERE upload_id = ?', [uploadId]);
    await tx.run('DELETE FROM s3_uploads WHERE upload_id = ?', [uploadId]);
  },

  /** A bucket's uploads in (key, initiated, upload id) order after the markers. */
  async listUploads(q: Queryable, bucket: string, keyMarker: string, limit: number): Promise<UploadRow[]> {
    const rows = await q.all(
      'SELECT upload_id, bucket, object_key, initiated, meta FROM s3_uploads WHERE bucket = ? AND object_key >= ? ORDER BY object_key, initiated, upload_id LIMIT ?',
      [bucket, keyMarker, limit],
    );
    return rows.map((r) => ({ uploadId: r.upload_id, bucket: r.bucket, key: r.object_key, initiated: Number(r.initiated), meta: JSON.parse(r.meta) as UploadMeta }));
  },

  async part(q: Queryable, uploadId: string, partNumber: number): Promise<PartRow | undefined> {
    const r = await q.get('SELECT part_number, blob, size, etag, last_modified, checksum, crc64 FROM s3_upload_parts WHERE upload_id = ? AND part_number = ?', [uploadId, partNumber]);
    return r && partOf(r);
  },

  async parts(q: Queryable, uploadId: string, after = 0, limit = 10_001): Promise<PartRow[]> {
    const rows = await q.all(
      'SELECT part_number, blob, size, etag, last_modified, checksum, crc64 FROM s3_upload_parts WHERE upload_id = ? AND part_number > ? ORDER BY part_number LIMIT ?',
      [uploadId, after, limit],
    );
    return rows.map(partOf);
  },

  async putPart(tx: Tx, uploadId: string, p: PartRow): Promise<void> {
    await tx.run('DELETE FROM s3_upload_parts WHERE upload_id = ? AND part_number = ?', [uploadId, p.partNumber]);
    await tx.run('INSERT INTO s3_upload_parts (upload_id, part_number, blob, size, etag, last_modified, checksum, crc64) VALUES (?, ?, ?, ?, ?, ?, ?, ?)', [
      uploadId,
      p.partNumber,
      p.blob,
      p.size,
      p.etag,
      p.lastModified,
      p.checksum,
      p.crc64,
    ]);
  },
};

function partOf(r: Record<string, any>): PartRow {
  return { partNumber: Number(r.part_number), blob: r.blob, size: Number(r.size), etag: r.etag, lastModified: Number(r.last_modified), checksum: r.checksum ?? null, crc64: r.crc64 ?? null };
}
