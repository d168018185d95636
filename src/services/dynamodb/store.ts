/**
 * SQL storage for DynamoDB tables and items.
 *
 * ddb_tables       one row per table (account, region, name) with its metadata as JSON.
 * ddb_items        one row per item: table id, partition key and sort key in byte-sortable form
 *                  (so Query ranges and ordering run on the primary-key index), a 32-bit hash of
 *                  the partition key (parallel Scan segments), the item as compact JSON, its size.
 * ddb_index_items  one row per item per secondary index holding the index key (same encoding)
 *                  and the base table key; maintained in the same transaction as the item.
 * ddb_tokens       TransactWriteItems ClientRequestTokens (idempotency for 10 minutes).
 * ddb_seq          counters by name (the last table id given).
 * ddb_ttl          expiry time of each item of a table with TTL enabled (swept in expiry order by
 *                  the table's `dynamodb.ttl` job, due at its first expiry: ops/ttl.ts).
 * ddb_stream_records  DynamoDB Streams records (one shard per stream, 24 hours), written in the
 *                  same transaction as the item change they describe.
 * Table tags are kept in the shared tags table (storage/tags.ts) under the table's ARN.
 *
 * The migrations are written in the portable types of storage/ddl.ts (each keeps the SQLite
 * affinity the column had, so data directories created before stay valid).
 */
import type { Db, Migration, Queryable, Tx } from '../../storage/db.js';
import { randomUUID } from 'node:crypto';
import type { Clock } from '../../core/clock.js';
import { cancel, enqueue, type JobSpec } from '../../jobs/queue.js';
import type { TagStore } from '../../storage/tags.js';
import { kinesisJobs } from './kinesis-destinations.js';
import { REPLICA_VERSIONS_MIGRATION, replicateJobs, writeVersion } from './global-tables.js';
import { keyOfItem } from './request.js';
import { activeStream, keyAttrsOf, tableArn, type IndexMeta, type Stats, type StreamMeta, type TableMeta } from './tables.js';
import { hashKey, indexKey, projectedNames, type EncodedKey } from './keys.js';
import type { KeyBound, ReadScope } from './key-range.js';
import { itemSize, typeOf, utf8Len, valuesEqual, valueSize, type Item } from './values.js';

export const MIGRATIONS: Migration[] = [
  {
    version: 1,
    sql: `
CREATE TABLE ddb_tables (
  account TEXT NOT NULL,
  region TEXT NOT NULL,
  name TEXT COLLATE "C" NOT NULL,
  id BIGINT NOT NULL,
  meta TEXT NOT NULL,
  PRIMARY KEY (account, region, name)
);
CREATE TABLE ddb_items (
  tid BIGINT NOT NULL,
  pk BYTEA NOT NULL,
  sk BYTEA NOT NULL,
  h INTEGER NOT NULL,
  size INTEGER NOT NULL,
  item TEXT NOT NULL,
  PRIMARY KEY (tid, pk, sk)
);
CREATE TABLE ddb_index_items (
  tid BIGINT NOT NULL,
  iname TEXT NOT NULL,
  ipk BYTEA NOT NULL,
  isk BYTEA NOT NULL,
  pk BYTEA NOT NULL,
  sk BYTEA NOT NULL,
  h INTEGER NOT NULL,
  size INTEGER NOT NULL,
  PRIMARY KEY (tid, iname, ipk, isk, pk, sk)
);
CREATE TABLE ddb_tokens (
  account TEXT NOT NULL,
  region TEXT NOT NULL,
  token TEXT NOT NULL,
  digest TEXT NOT NULL,
  created DOUBLE PRECISION NOT NULL,
  PRIMARY KEY (account, region, token)
);
CREATE TABLE ddb_seq (
  name TEXT NOT NULL PRIMARY KEY,
  value BIGINT NOT NULL
);
`,
  },
  {
    version: 2,
    sql: `
CREATE TABLE ddb_stream_records (
  sid TEXT NOT NULL,
  seq BIGINT NOT NULL,
  created DOUBLE PRECISION NOT NULL,
  record TEXT NOT NULL,
  PRIMARY KEY (sid, seq)
);
`,
  },
  {
    version: 3,
    sql: `
CREATE TABLE ddb_ttl (
  tid BIGINT NOT NULL,
  pk BYTEA NOT NULL,
  sk BYTEA NOT NULL,
  expires DOUBLE PRECISION NOT NULL,
  PRIMARY KEY (tid, pk, sk)
);
CREATE INDEX ddb_ttl_due ON ddb_ttl (tid, expires);
`,
  },
  {
    // TTL moved from a sweeper loop to one job per table (stratus_jobs exists: the server opens its
    // jobs before the services): tables that have expiry rows get their job, due at their first
    // expiry (payload as ttlJob writes it; table names need no JSON escaping).
    version: 4,
    sql: `
INSERT INTO stratus_jobs (kind, key, account, region, due_at, lease_owner, lease_until, attempt, rev, enqueued_at, payload)
SELECT 'dynamodb.ttl', CAST(t.id AS TEXT), t.account, t.region,
  CASE WHEN MIN(x.expires) < 8640000000000 THEN CAST(MIN(x.expires) * 1000 AS BIGINT) ELSE 8640000000000000 END,
  NULL, NULL, 0, 1, 0, '{"name":"' || t.name || '"}'
FROM ddb_tables t JOIN ddb_ttl x ON x.tid = t.id
GROUP BY t.id, t.account, t.region, t.name;
`,
  },
  {
    // Backups, point-in-time recovery, exports and imports (recovery-store.ts).
    version: 6,
    sql: `
CREATE TABLE ddb_pitr_log (
  tid BIGINT NOT NULL,
  pk BYTEA NOT NULL,
  sk BYTEA NOT NULL,
  at BIGINT NOT NULL,
  h INTEGER NOT NULL,
  size INTEGER NOT NULL,
  item TEXT,
  PRIMARY KEY (tid, pk, sk, at)
);
CREATE TABLE ddb_backups (
  arn TEXT COLLATE "C" NOT NULL PRIMARY KEY,
  account TEXT NOT NULL,
  region TEXT NOT NULL,
  id BIGINT NOT NULL,
  table_name TEXT COLLATE "C" NOT NULL,
  created BIGINT NOT NULL,
  type TEXT NOT NULL,
  meta TEXT NOT NULL
);
CREATE INDEX ddb_backups_list ON ddb_backups (account, region, created, arn);
CREATE TABLE ddb_backup_items (
  bid BIGINT NOT NULL,
  pk BYTEA NOT NULL,
  sk BYTEA NOT NULL,
  h INTEGER NOT NULL,
  size INTEGER NOT NULL,
  item TEXT,
  PRIMARY KEY (bid, pk, sk)
);
CREATE TABLE ddb_backup_progress (
  bid BIGINT NOT NULL PRIMARY KEY,
  tid BIGINT NOT NULL,
  cursor_pk BYTEA,
  cursor_sk BYTEA
);
CREATE INDEX ddb_backup_progress_tid ON ddb_backup_progress (tid);
CREATE TABLE ddb_transfers (
  arn TEXT COLLATE "C" NOT NULL PRIMARY KEY,
  kind TEXT NOT NULL,
  account TEXT NOT NULL,
  region TEXT NOT NULL,
  table_arn TEXT COLLATE "C" NOT NULL,
  created BIGINT NOT NULL,
  token TEXT,
  meta TEXT NOT NULL
);
CREATE INDEX ddb_transfers_list ON ddb_transfers (account, region, kind, created, arn);
`,
  },
  REPLICA_VERSIONS_MIGRATION,
];

/** The job, one per table with point-in-time recovery enabled, keyed by table id, that prunes its change log (ops/pitr.ts). */
export const PITR_JOB = 'dynamodb.pitr';

/** AWS ignores TTL values more than five years in the past. */
const TTL_MAX_AGE_S = 5 * 365 * 24 * 60 * 60;

/** The job, one per table with TTL enabled and expiry rows, keyed by table id, that deletes expired items (ops/ttl.ts). */
export const TTL_JOB = 'dynamodb.ttl';

export interface TtlJobPayload {
  /** The table's name (with the job's account and region, how the run finds the table). */
  readonly name: string;
}

/** The latest time a JavaScript Date holds: a later expiry is due then. */
const MAX_DUE_MS = 8.64e15;

/** When an expiry (epoch seconds) is due, in platform ms. */
export function expiryDueAt(expires: number): number {
  return Math.min(MAX_DUE_MS, Math.ceil(expires * 1000));
}

/** The TTL job of a table, due when `expires` (epoch seconds) passes. */
export function ttlJob(t: TableMeta, expires: number): JobSpec<TtlJobPayload> {
  return { kind: TTL_JOB, key: String(t.id), account: t.account, region: t.region, dueAt: expiryDueAt(expires), payload: { name: t.name } };
}

/** An item's expiry (epoch seconds) under a table's TTL attribute, if it has a usable one. */
export function expiryOf(t: TableMeta, item: Item | undefined, nowMs: number): number | undefined {
  if (!item || !t.ttl?.enabled) return undefined;
  const v = item[t.ttl.attribute];
  if (!v || v.N === undefined) return undefined;
  const n = Number(v.N);
  if (!Number.isFinite(n) || n < nowMs / 1000 - TTL_MAX_AGE_S) return undefined;
  return n;
}

export interface StoredRow {
  item: string;
  size: number;
}

/** Whether a write must read the old item first (to maintain indexes or write a stream record). */
export function needsOld(t: TableMeta): boolean {
  return t.gsis.length > 0 || t.lsis.length > 0 || activeStream(t) !== undefined;
}

export const STREAM_RETENTION_MS = 24 * 60 * 60 * 1000;

/** A stream record's SequenceNumber: 21 digits, increasing. */
export function sequenceNumber(seq: number): string {
  return (10n ** 20n + BigInt(seq)).toString();
}

/** A row of a Query or Scan page: the item with its base table key and, read through an index, its index key. */
export interface PageRow extends StoredRow {
  pk: Buffer;
  sk: Buffer;
  ipk?: Buffer;
  isk?: Buffer;
}

/** Where a Query or Scan page resumes: the key of the last row read (with its index key for an index). */
export type Cursor = Omit<PageRow, 'item' | 'size'>;

/** TransactWriteItems ClientRequestTokens are remembered this long. */
const TOKEN_TTL_MS = 10 * 60 * 1000;

/**
 * The SQL of DynamoDB. Methods taking a `Tx` only run SQL, so that a transaction can be retried;
 * the table metadata cache is written by the caller once a transaction has committed
 * (`cacheTable`, `forgetTable`).
 */
export class Store {
  private readonly cache = new Map<string, TableMeta>();
  /** In-process readers of streams (Lambda event-source mappings), by stream id: woken after a write that appended. */
  private readonly streamWatchers = new Map<string, Set<() => void>>();
  /** Streams appended to by the transaction in progress (or one just rolled back: a spurious wake-up is harmless). */
  private readonly appended = new Set<string>();
  /** Writes enqueued records for Kinesis destinations since the forwarder was last woken. */
  private kinesisPending = false;
  /** Writes enqueued changes for other replicas of a global table since the applier was last woken. */
  private replicationPending = false;

  /**
   * Tables whose writes are logged for point-in-time recovery (with the time PITR was enabled)
   * whatever the metadata a write holds says: from just before the transaction that enables PITR (a write still holding the metadata
   * it read before that commit is logged too), for as long as PITR stays enabled by this process.
   */
  readonly pitrTables = new Map<number, number>();

  /**
   * Tables with backups being copied, and how many (ops/backups.ts): their writes keep the items
   * they change for those backups (`keepForBackups`). Counted up before the transaction that starts
   * a backup, down once it is complete; loaded from `ddb_backup_progress` at start-up.
   */
  readonly backupTables = new Map<number, number>();

  constructor(
    readonly db: Db,
    private readonly clock: Clock,
  ) {}

  /** Applies the migrations; the tags table must be open (migration 5 moves tags into it). */
  async init(tags: TagStore): Promise<void> {
    const moveTags: Migration = { version: 5, sql: '', data: (tx) => this.moveMetadataTags(tx, tags) };
    await this.db.migrate('dynamodb', [...MIGRATIONS.filter((m) => m.version < 5), moveTags, ...MIGRATIONS.filter((m) => m.version > 5)]);
    for (const r of await this.db.all<{ tid: number }>('SELECT tid FROM ddb_backup_progress')) {
      this.backupTables.set(Number(r.tid), (this.backupTables.get(Number(r.tid)) ?? 0) + 1);
    }
  }

  /** Tags that tables kept in their metadata (`tags`) before the shared tags table, moved there whole. */
  private async moveMetadataTags(tx: Tx, tags: TagStore): Promise<void> {
    const rows = await tx.all<{ meta: string }>('SELECT meta FROM ddb_tables');
    for (const row of rows) {
      const t = JSON.parse(row.meta) as TableMeta & { tags?: Record<string, string> };
      if (t.tags === undefined) continue;
      await tags.tag(tx, { accountId: t.account, region: t.region }, tableArn(t), t.tags, { acceptReservedPrefix: true, acceptAnyLength: true, limit: Infinity });
      delete t.tags;
      await this.saveTable(tx, t);
    }
  }

  private cacheKey(account: string, region: string, name: string): string {
    return account + '\u0000' + region + '\u0000' + name;
  }

  /** A table's committed metadata, cached. */
  async table(account: string, region: string, name: string): Promise<TableMeta | undefined> {
    const key = this.cacheKey(account, region, name);
    const hit = this.cache.get(key);
    if (hit) return hit;
    const meta = await this.loadTable(this.db, account, region, name);
    if (meta) this.cache.set(key, meta);
    return meta;
  }

  /** A table's metadata as `q` sees it, not cached: in a transaction, a fresh copy to change and save. */
  async loadTable(q: Queryable, account: string, region: string, name: string): Promise<TableMeta | undefined> {
    const row = await q.get<{ meta: string }>('SELECT meta FROM ddb_tables WHERE account = ? AND region = ? AND name = ?', [account, region, name]);
    return row ? (JSON.parse(row.meta) as TableMeta) : undefined;
  }

  /** Caches metadata a committed transaction wrote. */
  cacheTable(t: TableMeta): void {
    this.cache.set(this.cacheKey(t.account, t.region, t.name), t);
  }

  /** Forgets what is cached of a deleted table. */
  forgetTable(t: TableMeta): void {
    this.cache.delete(this.cacheKey(t.account, t.region, t.name));
    this.pitrTables.delete(t.id);
    this.statsCache.delete(t.id);
  }

  /** Up to `limit` table names in name order, after `after` if given (keyset on the primary key). */
  async tableNames(account: string, region: string, after: string | undefined, limit: number): Promise<string[]> {
    const rows =
      after === undefined
        ? await this.db.all<{ name: string }>('SELECT name FROM ddb_tables WHERE account = ? AND region = ? ORDER BY name LIMIT ?', [account, region, limit])
        : await this.db.all<{ name: string }>('SELECT name FROM ddb_tables WHERE account = ? AND region = ? AND name > ? ORDER BY name LIMIT ?', [
            account,
            region,
            after,
            limit,
          ]);
    return rows.map((r) => r.name);
  }

  async tableExists(tx: Tx, account: string, region: string, name: string): Promise<boolean> {
    return (await tx.get('SELECT 1 AS x FROM ddb_tables WHERE account = ? AND region = ? AND name = ?', [account, region, name])) !== undefined;
  }

  async countTables(tx: Queryable, account: string, region: string): Promise<number> {
    const row = await tx.get<{ n: number }>('SELECT COUNT(*) AS n FROM ddb_tables WHERE account = ? AND region = ?', [account, region]);
    return Number(row?.n ?? 0);
  }

  async nextId(tx: Tx): Promise<number> {
    const row = await tx.get<{ value: number }>("SELECT value FROM ddb_seq WHERE name = 'table'");
    const next = (row ? Number(row.value) : 0) + 1;
    if (row) await tx.run("UPDATE ddb_seq SET value = ? WHERE name = 'table'", [next]);
    else await tx.run("INSERT INTO ddb_seq (name, value) VALUES ('table', ?)", [next]);
    return next;
  }

  async insertTable(tx: Tx, t: TableMeta): Promise<void> {
    await tx.run('INSERT INTO ddb_tables (account, region, name, id, meta) VALUES (?, ?, ?, ?, ?)', [t.account, t.region, t.name, t.id, JSON.stringify(t)]);
  }

  async saveTable(tx: Tx, t: TableMeta): Promise<void> {
    await tx.run('UPDATE ddb_tables SET meta = ? WHERE account = ? AND region = ? AND name = ?', [JSON.stringify(t), t.account, t.region, t.name]);
  }

  async deleteTable(tx: Tx, t: TableMeta): Promise<void> {
    // Backups still being copied take the rest of the items now (what a write kept is not replaced).
    await tx.run(
      'INSERT INTO ddb_backup_items (bid, pk, sk, h, size, item) SELECT p.bid, i.pk, i.sk, i.h, i.size, i.item FROM ddb_backup_progress p JOIN ddb_items i ON i.tid = p.tid WHERE p.tid = ? ON CONFLICT (bid, pk, sk) DO NOTHING',
      [t.id],
    );
    await tx.run('DELETE FROM ddb_tables WHERE account = ? AND region = ? AND name = ?', [t.account, t.region, t.name]);
    await tx.run('DELETE FROM ddb_items WHERE tid = ?', [t.id]);
    await tx.run('DELETE FROM ddb_index_items WHERE tid = ?', [t.id]);
    await tx.run('DELETE FROM ddb_ttl WHERE tid = ?', [t.id]);
    await cancel(tx, TTL_JOB, String(t.id));
    await tx.run('DELETE FROM ddb_pitr_log WHERE tid = ?', [t.id]);
    await cancel(tx, PITR_JOB, String(t.id));
    await tx.run('DELETE FROM ddb_replica_versions WHERE tid = ?', [t.id]);
  }

  /** Drops the cached metadata of a table another transaction changed (a replica's list of replicas). */
  uncache(account: string, region: string, name: string): void {
    this.cache.delete(this.cacheKey(account, region, name));
  }

  private readonly statsCache = new Map<number, { at: number; value: Stats }>();

  /**
   * ItemCount, TableSizeBytes and index sizes. Exact for tables up to 50,000 items; for larger
   * tables the figures are recomputed at most once a minute (AWS refreshes them every six hours).
   */
  async stats(t: TableMeta, now: number): Promise<Stats> {
    const hit = this.statsCache.get(t.id);
    if (hit && now - hit.at < 60_000 && hit.value.count > 50_000) return hit.value;
    const value = await this.computeStats(t);
    this.statsCache.set(t.id, { at: now, value });
    return value;
  }

  private async computeStats(t: TableMeta): Promise<Stats> {
    const row = await this.db.get<{ n: number; b: number | null }>('SELECT COUNT(*) AS n, SUM(size) AS b FROM ddb_items WHERE tid = ?', [t.id]);
    const indexes = new Map<string, { count: number; bytes: number }>();
    if (t.gsis.length || t.lsis.length) {
      const rows = await this.db.all<{ iname: string; n: number; b: number | null }>(
        'SELECT iname, COUNT(*) AS n, SUM(size) AS b FROM ddb_index_items WHERE tid = ? GROUP BY iname',
        [t.id],
      );
      for (const r of rows) indexes.set(r.iname, { count: Number(r.n), bytes: Number(r.b ?? 0) });
    }
    return { count: Number(row?.n ?? 0), bytes: Number(row?.b ?? 0), indexes };
  }

  async getRow(q: Queryable, t: TableMeta, k: EncodedKey): Promise<StoredRow | undefined> {
    return q.get<StoredRow>('SELECT item, size FROM ddb_items WHERE tid = ? AND pk = ? AND sk = ?', [t.id, k.pk, k.sk]);
  }

  /** Writes an item (insert or replace) and keeps its index rows in step with it. */
  async put(tx: Tx, t: TableMeta, k: EncodedKey, item: Item, json: string, size: number, old: Item | undefined): Promise<void> {
    if (this.backupTables.size !== 0 && this.backupTables.has(t.id)) await this.keepForBackups(tx, t, k);
    const pitrSince = t.pitr?.enabledAt ?? (this.pitrTables.size !== 0 ? this.pitrTables.get(t.id) : undefined);
    if (pitrSince !== undefined) await this.logVersion(tx, t, k, json, size, pitrSince);
    await tx.run(
      'INSERT INTO ddb_items (tid, pk, sk, h, size, item) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (tid, pk, sk) DO UPDATE SET size = excluded.size, item = excluded.item',
      [t.id, k.pk, k.sk, hashKey(k.pk), size, json],
    );
    if (t.gsis.length || t.lsis.length) await this.updateIndexes(tx, t, k, old, item);
    if (t.ttl?.enabled) {
      const now = this.clock.now();
      const expires = await this.writeExpiry(tx, t, k, item, now);
      // The table's TTL job runs by this expiry (the caller wakes it once committed: DynamoDbCore.wakeTtl).
      if (expires !== undefined) await enqueue(tx, ttlJob(t, expires), now, 'earlier');
    }
    const st = activeStream(t);
    if (st) await this.appendRecord(tx, t, st, old, item);
    if (t.kinesis?.length) await this.streamToKinesis(tx, t, old, item, false);
    if (t.replicas?.length) await this.replicate(tx, t, k, item);
  }

  /** Keeps an item's expiry row in step with the item; returns its expiry (epoch seconds), if any. */
  private async writeExpiry(tx: Tx, t: TableMeta, k: EncodedKey, item: Item, now: number): Promise<number | undefined> {
    const expires = expiryOf(t, item, now);
    if (expires === undefined) await this.forgetExpiry(tx, t, k);
    else {
      await tx.run('INSERT INTO ddb_ttl (tid, pk, sk, expires) VALUES (?, ?, ?, ?) ON CONFLICT (tid, pk, sk) DO UPDATE SET expires = excluded.expires', [
        t.id,
        k.pk,
        k.sk,
        expires,
      ]);
    }
    return expires;
  }

  /** Drops an item's expiry row. */
  async forgetExpiry(tx: Tx, t: TableMeta, k: EncodedKey): Promise<void> {
    await tx.run('DELETE FROM ddb_ttl WHERE tid = ? AND pk = ? AND sk = ?', [t.id, k.pk, k.sk]);
  }

  /**
   * Rebuilds a table's expiry rows from its items (TTL enabled on a table with data, or disabled),
   * and schedules its TTL job at the first expiry, or cancels it when there is none.
   */
  async rebuildTtl(tx: Tx, t: TableMeta): Promise<void> {
    await tx.run('DELETE FROM ddb_ttl WHERE tid = ?', [t.id]);
    const now = this.clock.now();
    if (t.ttl?.enabled) {
      await this.forEachItem(tx, t, async (key, item) => {
        await this.writeExpiry(tx, t, key, item, now);
      });
    }
    const first = await this.firstExpiry(tx, t);
    if (first === undefined) await cancel(tx, TTL_JOB, String(t.id));
    else await enqueue(tx, ttlJob(t, first), now, 'replace');
  }

  /** Calls `fn` on every item of a table in key order, reading 500 at a time. */
  private async forEachItem(tx: Tx, t: TableMeta, fn: (key: EncodedKey, item: Item) => Promise<void>): Promise<void> {
    let after: EncodedKey | undefined;
    for (;;) {
      const rows: { pk: Buffer; sk: Buffer; item: string }[] = after
        ? await tx.all('SELECT pk, sk, item FROM ddb_items WHERE tid = ? AND (pk > ? OR (pk = ? AND sk > ?)) ORDER BY pk, sk LIMIT 500', [t.id, after.pk, after.pk, after.sk])
        : await tx.all('SELECT pk, sk, item FROM ddb_items WHERE tid = ? ORDER BY pk, sk LIMIT 500', [t.id]);
      for (const r of rows) await fn({ pk: r.pk, sk: r.sk }, JSON.parse(r.item) as Item);
      if (rows.length < 500) break;
      const last = rows[rows.length - 1]!;
      after = { pk: last.pk, sk: last.sk };
    }
  }

  /** Keys of up to `limit` items whose expiry has passed, oldest first. */
  async dueTtl(q: Queryable, t: TableMeta, nowMs: number, limit: number): Promise<EncodedKey[]> {
    return q.all<EncodedKey>('SELECT pk, sk FROM ddb_ttl WHERE tid = ? AND expires <= ? ORDER BY expires LIMIT ?', [t.id, nowMs / 1000, limit]);
  }

  /** The earliest expiry (epoch seconds) of a table's items, if any (read from the expiry index). */
  async firstExpiry(q: Queryable, t: TableMeta): Promise<number | undefined> {
    const row = await q.get<{ expires: number }>('SELECT expires FROM ddb_ttl WHERE tid = ? ORDER BY expires LIMIT 1', [t.id]);
    return row ? Number(row.expires) : undefined;
  }

  /** Deletes an item; `byService` marks a TTL expiry (its stream record names DynamoDB as the actor). */
  async delete(tx: Tx, t: TableMeta, k: EncodedKey, old: Item | undefined, byService = false): Promise<void> {
    if (this.backupTables.size !== 0 && this.backupTables.has(t.id)) await this.keepForBackups(tx, t, k);
    const pitrSince = t.pitr?.enabledAt ?? (this.pitrTables.size !== 0 ? this.pitrTables.get(t.id) : undefined);
    if (pitrSince !== undefined) await this.logVersion(tx, t, k, null, 0, pitrSince);
    await tx.run('DELETE FROM ddb_items WHERE tid = ? AND pk = ? AND sk = ?', [t.id, k.pk, k.sk]);
    if (old && (t.gsis.length || t.lsis.length)) await this.updateIndexes(tx, t, k, old, undefined);
    if (t.ttl?.enabled) await this.forgetExpiry(tx, t, k);
    const st = activeStream(t);
    if (st && old) await this.appendRecord(tx, t, st, old, undefined, byService);
    if (old && t.kinesis?.length) await this.streamToKinesis(tx, t, old, undefined, byService);
    if (old && t.replicas?.length) await this.replicate(tx, t, k, undefined, old);
  }

  /** Records a write of a global table's replica as its item's version and enqueues it for the other replicas (global-tables.ts). */
  private async replicate(tx: Tx, t: TableMeta, k: EncodedKey, item: Item | undefined, old?: Item): Promise<void> {
    const now = this.clock.now();
    await writeVersion(tx, t, k, now, t.region);
    for (const spec of replicateJobs(t, keyOfItem(t, (item ?? old)!), item, now)) await enqueue(tx, spec, now);
    this.replicationPending = true;
  }

  /** Whether writes since the last call enqueued changes for other replicas (the applier is then woken). */
  takeReplicationPending(): boolean {
    const pending = this.replicationPending;
    this.replicationPending = false;
    return pending;
  }

  /** Enqueues an item change for the table's Kinesis destinations, in the write's transaction (none when the item did not change). */
  private async streamToKinesis(tx: Tx, t: TableMeta, old: Item | undefined, item: Item | undefined, byService: boolean): Promise<void> {
    if (old && item && valuesEqual({ M: old }, { M: item })) return;
    const now = this.clock.now();
    const jobs = kinesisJobs(t, old, item, byService, now);
    for (const spec of jobs) await enqueue(tx, spec, now);
    // Not a record of the outcome: only that the forwarder is to be woken once the write ends.
    if (jobs.length > 0) this.kinesisPending = true;
  }

  /** Whether writes since the last call enqueued Kinesis records (the forwarder is then woken). */
  takeKinesisPending(): boolean {
    const pending = this.kinesisPending;
    this.kinesisPending = false;
    return pending;
  }

  /**
   * Copy-on-write for the backups of a table being copied (ops/backups.ts): before a write changes
   * an item, the item as it was (or a marker that there was none) goes into each running backup
   * that has not copied that key yet; the copier never overwrites what is there. Backups whose
   * snapshot started after this write's transaction have no progress row yet and get nothing.
   */
  private async keepForBackups(tx: Tx, t: TableMeta, k: EncodedKey): Promise<void> {
    await tx.run(
      'INSERT INTO ddb_backup_items (bid, pk, sk, h, size, item) SELECT p.bid, ?, ?, ?, COALESCE(i.size, 0), i.item FROM ddb_backup_progress p LEFT JOIN ddb_items i ON i.tid = p.tid AND i.pk = ? AND i.sk = ? WHERE p.tid = ? ON CONFLICT (bid, pk, sk) DO NOTHING',
      [k.pk, k.sk, hashKey(k.pk), k.pk, k.sk, t.id],
    );
  }

  /**
   * Point-in-time recovery's change log, before the write changes the item: its new version (null:
   * deleted) at now, in one statement with, on the key's first write since PITR was enabled, the
   * item as it was then (its base, at `enabledAt - 1`; keys never written since are read from the
   * table itself: recovery-store.ts). Two writes of one key in the same millisecond keep the later,
   * which is the state at that millisecond.
   */
  private async logVersion(tx: Tx, t: TableMeta, k: EncodedKey, json: string | null, size: number, enabledAt: number): Promise<void> {
    await tx.run(
      'INSERT INTO ddb_pitr_log (tid, pk, sk, at, h, size, item) SELECT i.tid, i.pk, i.sk, ?, i.h, i.size, i.item FROM ddb_items i WHERE i.tid = ? AND i.pk = ? AND i.sk = ? AND NOT EXISTS (SELECT 1 FROM ddb_pitr_log m WHERE m.tid = i.tid AND m.pk = i.pk AND m.sk = i.sk) UNION ALL SELECT ?, ?, ?, ?, ?, ?, ? WHERE 1 = 1 ON CONFLICT (tid, pk, sk, at) DO UPDATE SET h = excluded.h, size = excluded.size, item = excluded.item',
      [enabledAt - 1, t.id, k.pk, k.sk, t.id, k.pk, k.sk, this.clock.now(), hashKey(k.pk), size, json],
    );
  }

  /** Calls `wake` after each write that appended to stream `sid`, until the returned function is called. */
  watchStream(sid: string, wake: () => void): () => void {
    let set = this.streamWatchers.get(sid);
    if (!set) this.streamWatchers.set(sid, (set = new Set()));
    set.add(wake);
    return () => {
      set.delete(wake);
      if (set.size === 0 && this.streamWatchers.get(sid) === set) this.streamWatchers.delete(sid);
    };
  }

  /** A write finished: wakes the readers of the streams it appended to. */
  flushStreamWakes(): void {
    if (this.appended.size === 0) return;
    for (const sid of this.appended) for (const wake of [...(this.streamWatchers.get(sid) ?? [])]) wake();
    this.appended.clear();
  }

  /** Writes the stream record of one item change (none when the item did not change). */
  private async appendRecord(tx: Tx, t: TableMeta, st: StreamMeta, old: Item | undefined, item: Item | undefined, byService = false): Promise<void> {
    if (old && item && valuesEqual({ M: old }, { M: item })) return;
    // Read in the transaction (not counted in memory) so that a rolled-back or retried write
    // leaves no trace; trimStream keeps the newest record, so numbers never go back.
    const row = await tx.get<{ m: number | null }>('SELECT MAX(seq) AS m FROM ddb_stream_records WHERE sid = ?', [st.id]);
    const seq = Number(row?.m ?? 0) + 1;
    const now = this.clock.now();
    const source = (item ?? old)!;
    const keys: Item = { [t.hash.name]: source[t.hash.name]! };
    if (t.range) keys[t.range.name] = source[t.range.name]!;
    const record: Record<string, any> = { Keys: keys };
    if (item && (st.viewType === 'NEW_IMAGE' || st.viewType === 'NEW_AND_OLD_IMAGES')) record.NewImage = item;
    if (old && (st.viewType === 'OLD_IMAGE' || st.viewType === 'NEW_AND_OLD_IMAGES')) record.OldImage = old;
    record.SequenceNumber = sequenceNumber(seq);
    record.SizeBytes = itemSize(keys) + (record.NewImage ? itemSize(item!) : 0) + (record.OldImage ? itemSize(old!) : 0);
    record.StreamViewType = st.viewType;
    record.ApproximateCreationDateTime = Math.floor(now / 1000);
    const full = {
      eventID: randomUUID().replace(/-/g, ''),
      eventName: !old ? 'INSERT' : !item ? 'REMOVE' : 'MODIFY',
      eventVersion: '1.1',
      eventSource: 'aws:dynamodb',
      awsRegion: t.region,
      dynamodb: record,
      ...(byService ? { userIdentity: { PrincipalId: 'dynamodb.amazonaws.com', Type: 'Service' } } : {}),
    };
    await tx.run('INSERT INTO ddb_stream_records (sid, seq, created, record) VALUES (?, ?, ?, ?)', [st.id, seq, now, JSON.stringify(full)]);
    // Not a cache or counter of the transaction's outcome: only whom to wake once it ends.
    if (this.streamWatchers.has(st.id)) this.appended.add(st.id);
  }

  private async updateIndexes(tx: Tx, t: TableMeta, k: EncodedKey, old: Item | undefined, item: Item | undefined): Promise<void> {
    for (const ix of t.lsis.length ? [...t.lsis, ...t.gsis] : t.gsis) {
      const before = old && indexKey(ix, old);
      const after = item && indexKey(ix, item);
      if (before && (!after || !before.ipk.equals(after.ipk) || !before.isk.equals(after.isk))) {
        await tx.run('DELETE FROM ddb_index_items WHERE tid = ? AND iname = ? AND ipk = ? AND isk = ? AND pk = ? AND sk = ?', [
          t.id,
          ix.name,
          before.ipk,
          before.isk,
          k.pk,
          k.sk,
        ]);
      }
      if (after) {
        const size = projectedSize(t, ix, item!);
        await tx.run(
          'INSERT INTO ddb_index_items (tid, iname, ipk, isk, pk, sk, h, size) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (tid, iname, ipk, isk, pk, sk) DO UPDATE SET size = excluded.size',
          [t.id, ix.name, after.ipk, after.isk, k.pk, k.sk, hashKey(after.ipk), size],
        );
      }
    }
  }

  /** Builds one index's rows from the items already in the table (GSI backfill). */
  async backfill(tx: Tx, t: TableMeta, ix: IndexMeta): Promise<void> {
    await this.forEachItem(tx, t, async (k, item) => {
      const key = indexKey(ix, item);
      if (!key || !typesMatch(ix, item)) return;
      await tx.run('INSERT INTO ddb_index_items (tid, iname, ipk, isk, pk, sk, h, size) VALUES (?, ?, ?, ?, ?, ?, ?, ?)', [
        t.id,
        ix.name,
        key.ipk,
        key.isk,
        k.pk,
        k.sk,
        hashKey(key.ipk),
        projectedSize(t, ix, item),
      ]);
    });
  }

  async dropIndex(tx: Tx, t: TableMeta, name: string): Promise<void> {
    await tx.run('DELETE FROM ddb_index_items WHERE tid = ? AND iname = ?', [t.id, name]);
  }

  /** One batch of a Query or Scan: up to `limit` rows in key order after `cursor`, within `scope`. */
  async readRows(t: TableMeta, ix: IndexMeta | undefined, scope: ReadScope, cursor: Cursor | undefined, limit: number): Promise<PageRow[]> {
    const where: string[] = [];
    const params: (Buffer | number | string)[] = [];
    const dir = scope.forward ? 'ASC' : 'DESC';
    const gt = scope.forward ? '>' : '<';
    if (!ix) {
      where.push('tid = ?');
      params.push(t.id);
      if (scope.pk) {
        where.push('pk = ?');
        params.push(scope.pk);
        rangeSql('sk', scope, where, params);
        if (cursor) {
          where.push(`sk ${gt} ?`);
          params.push(cursor.sk);
        }
      } else {
        if (scope.segment) {
          where.push('h >= ? AND h < ?');
          params.push(scope.segment.lo, scope.segment.hi);
        }
        if (cursor) {
          where.push('(pk > ? OR (pk = ? AND sk > ?))');
          params.push(cursor.pk, cursor.pk, cursor.sk);
        }
      }
      params.push(limit);
      const order = scope.pk ? `sk ${dir}` : 'pk, sk';
      return this.db.all<PageRow>(`SELECT pk, sk, size, item FROM ddb_items WHERE ${where.join(' AND ')} ORDER BY ${order} LIMIT ?`, params);
    }
    where.push('x.tid = ? AND x.iname = ?');
    params.push(t.id, ix.name);
    if (scope.pk) {
      where.push('x.ipk = ?');
      params.push(scope.pk);
      rangeSql('x.isk', scope, where, params);
      if (cursor) {
        where.push(`(x.isk ${gt} ? OR (x.isk = ? AND (x.pk ${gt} ? OR (x.pk = ? AND x.sk ${gt} ?))))`);
        params.push(cursor.isk!, cursor.isk!, cursor.pk, cursor.pk, cursor.sk);
      }
    } else {
      if (scope.segment) {
        where.push('x.h >= ? AND x.h < ?');
        params.push(scope.segment.lo, scope.segment.hi);
      }
      if (cursor) {
        where.push('(x.ipk > ? OR (x.ipk = ? AND (x.isk > ? OR (x.isk = ? AND (x.pk > ? OR (x.pk = ? AND x.sk > ?))))))');
        params.push(cursor.ipk!, cursor.ipk!, cursor.isk!, cursor.isk!, cursor.pk, cursor.pk, cursor.sk);
      }
    }
    params.push(limit);
    const order = scope.pk ? `x.isk ${dir}, x.pk ${dir}, x.sk ${dir}` : 'x.ipk, x.isk, x.pk, x.sk';
    return this.db.all<PageRow>(
      `SELECT x.ipk AS ipk, x.isk AS isk, x.pk AS pk, x.sk AS sk, i.size AS size, i.item AS item FROM ddb_index_items x JOIN ddb_items i ON i.tid = x.tid AND i.pk = x.pk AND i.sk = x.sk WHERE ${where.join(' AND ')} ORDER BY ${order} LIMIT ?`,
      params,
    );
  }

  /** The request digest a ClientRequestToken was last used with, if within the last 10 minutes. */
  async tokenDigest(tx: Tx, account: string, region: string, token: string): Promise<string | undefined> {
    const prior = await tx.get<{ digest: string; created: number }>('SELECT digest, created FROM ddb_tokens WHERE account = ? AND region = ? AND token = ?', [account, region, token]);
    return prior && this.clock.now() - Number(prior.created) < TOKEN_TTL_MS ? prior.digest : undefined;
  }

  /** Remembers a ClientRequestToken with its request digest, and forgets expired ones. */
  async saveToken(tx: Tx, account: string, region: string, token: string, digest: string): Promise<void> {
    const now = this.clock.now();
    await tx.run('DELETE FROM ddb_tokens WHERE account = ? AND region = ? AND token = ?', [account, region, token]);
    await tx.run('INSERT INTO ddb_tokens (account, region, token, digest, created) VALUES (?, ?, ?, ?, ?)', [account, region, token, digest, now]);
    await tx.run('DELETE FROM ddb_tokens WHERE created < ?', [now - TOKEN_TTL_MS]);
  }

  /** The first sequence number readable (records from `since` on) and the last one written, of a stream. */
  async streamBounds(sid: string, since: number): Promise<{ first: number; last: number }> {
    const row = await this.db.get<{ lo: number | null }>('SELECT MIN(seq) AS lo FROM ddb_stream_records WHERE sid = ? AND created >= ?', [sid, since]);
    const all = await this.db.get<{ hi: number | null }>('SELECT MAX(seq) AS hi FROM ddb_stream_records WHERE sid = ?', [sid]);
    const last = Number(all?.hi ?? 0);
    return { first: row?.lo == null ? last + 1 : Number(row.lo), last };
  }

  /** Deletes a stream's records written before `before`, except the newest (which numbers the next). */
  async trimStream(sid: string, before: number): Promise<void> {
    await this.db.tx((tx) =>
      tx.run('DELETE FROM ddb_stream_records WHERE sid = ? AND created < ? AND seq < (SELECT MAX(seq) FROM ddb_stream_records WHERE sid = ?)', [sid, before, sid]),
    );
  }

  /** Up to `limit` records of a stream from sequence number `from` on, written since `since`. */
  async streamRecords(sid: string, from: number, since: number, limit: number): Promise<{ seq: number; record: string }[]> {
    return this.db.all('SELECT seq, record FROM ddb_stream_records WHERE sid = ? AND seq >= ? AND created >= ? ORDER BY seq LIMIT ?', [sid, from, since, limit]);
  }
}

function rangeSql(col: string, scope: { lo?: KeyBound; hi?: KeyBound }, where: string[], params: (Buffer | number | string)[]): void {
  if (scope.lo) {
    where.push(`${col} ${scope.lo.inclusive ? '>=' : '>'} ?`);
    params.push(scope.lo.v);
  }
  if (scope.hi) {
    where.push(`${col} ${scope.hi.inclusive ? '<=' : '<'} ?`);
    params.push(scope.hi.v);
  }
}

function typesMatch(ix: IndexMeta, item: Item): boolean {
  for (const k of keyAttrsOf(ix)) {
    const v = item[k.name];
    if (!v || typeOf(v) !== k.type) return false;
  }
  return true;
}

function projectedSize(t: TableMeta, ix: IndexMeta, item: Item): number {
  const names = projectedNames(t, ix);
  let n = 100; // AWS adds 100 bytes of overhead per index item.
  for (const k in item) {
    if (names && !names.has(k)) continue;
    n += utf8Len(k) + valueSize(item[k]!);
  }
  return n;
}
