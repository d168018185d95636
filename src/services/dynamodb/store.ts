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
 * ddb_ttl          expiry time of each item of a table with TTL enabled (swept in expiry order).
 * ddb_stream_records  DynamoDB Streams records (one shard per stream, 24 hours), written in the
 *                  same transaction as the item change they describe.
 *
 * The migrations are written in the portable types of storage/ddl.ts (each keeps the SQLite
 * affinity the column had, so data directories created before stay valid).
 */
import type { Db, Migration, Queryable, Tx } from '../../storage/db.js';
import { randomUUID } from 'node:crypto';
import type { Clock } from '../../core/clock.js';
import { activeStream, type IndexMeta, type Stats, type StreamMeta, type TableMeta } from './tables.js';
import { encodeKey, invalidParam, itemSize, utf8Len, validation, valuesEqual, valueSize, type AttributeValue, type Item } from './values.js';

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
];

/** AWS ignores TTL values more than five years in the past. */
const TTL_MAX_AGE_S = 5 * 365 * 24 * 60 * 60;

/** An item's expiry (epoch seconds) under a table's TTL attribute, if it has a usable one. */
export function expiryOf(t: TableMeta, item: Item | undefined, nowMs: number): number | undefined {
  if (!item || !t.ttl?.enabled) return undefined;
  const v = item[t.ttl.attribute];
  if (!v || v.N === undefined) return undefined;
  const n = Number(v.N);
  if (!Number.isFinite(n) || n < nowMs / 1000 - TTL_MAX_AGE_S) return undefined;
  return n;
}

const EMPTY: Buffer = Buffer.alloc(0);

/** Segments hash into [0, HASH_RANGE): 31 bits, so the value fits a signed 32-bit INTEGER in any SQL. */
export const HASH_RANGE = 2 ** 31;

/** FNV-1a over the partition key bytes: spreads items over parallel Scan segments. */
export function hashKey(pk: Buffer): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < pk.length; i++) {
    h ^= pk[i]!;
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0) % HASH_RANGE;
}

export interface EncodedKey {
  pk: Buffer;
  sk: Buffer;
}

function typeName(v: AttributeValue): string {
  for (const k in v) return k;
  return 'NULL';
}

/** The primary key of an item being written, checked as PutItem does. */
export function itemKey(t: TableMeta, item: Item): EncodedKey {
  const pk = keyPart(t, t.hash.name, t.hash.type, item[t.hash.name], 'hash');
  const sk = t.range ? keyPart(t, t.range.name, t.range.type, item[t.range.name], 'range') : EMPTY;
  return { pk, sk };
}

function keyPart(_t: TableMeta, name: string, type: string, v: AttributeValue | undefined, part: 'hash' | 'range'): Buffer {
  if (v === undefined) throw invalidParam(`Missing the key ${name} in the item`);
  const actual = typeName(v);
  if (actual !== type) throw invalidParam(`Type mismatch for key ${name} expected: ${type} actual: ${actual}`);
  const b = encodeKey(v, type as 'S');
  if ((type === 'S' && v.S === '') || (type === 'B' && b.length === 0)) {
    throw validation(
      `One or more parameter values are not valid. The AttributeValue for a key attribute cannot contain an empty ${type === 'S' ? 'string' : 'binary'} value. Key: ${name}`,
    );
  }
  const size = type === 'S' ? utf8Len(v.S!) : type === 'B' ? b.length : 0;
  if (part === 'hash' && size > 2048) throw invalidParam('Size of hashkey has exceeded the maximum size limit of2048 bytes');
  if (part === 'range' && size > 1024) throw invalidParam('Aggregated size of all range keys has exceeded the size limit of 1024 bytes');
  return b;
}

/** A Key parameter (GetItem, DeleteItem, UpdateItem...): exactly the table's key attributes. */
export function keyParam(t: TableMeta, key: Item): EncodedKey {
  const names = Object.keys(key);
  const expected = t.range ? 2 : 1;
  if (names.length !== expected) throw validation('The provided key element does not match the schema');
  const h = key[t.hash.name];
  if (!h || typeName(h) !== t.hash.type) throw validation('The provided key element does not match the schema');
  let r: AttributeValue | undefined;
  if (t.range) {
    r = key[t.range.name];
    if (!r || typeName(r) !== t.range.type) throw validation('The provided key element does not match the schema');
  }
  return itemKey(t, key);
}

/** The key of `item` in index `ix`, or undefined when the item is not in the index (sparse). */
export function indexKey(ix: IndexMeta, item: Item): { ipk: Buffer; isk: Buffer } | undefined {
  const h = item[ix.hash.name];
  if (h === undefined) return undefined;
  let isk: Buffer = EMPTY;
  if (ix.range) {
    const r = item[ix.range.name];
    if (r === undefined) return undefined;
    isk = encodeKey(r, ix.range.type);
  }
  return { ipk: encodeKey(h, ix.hash.type), isk };
}

/** Checks an item's index key attributes (types, empty values) as PutItem does. */
export function checkIndexAttrs(t: TableMeta, item: Item, update = false): void {
  for (const ix of t.lsis.length || t.gsis.length ? [...t.lsis, ...t.gsis] : []) {
    for (const k of ix.range ? [ix.hash, ix.range] : [ix.hash]) {
      const v = item[k.name];
      if (v === undefined) continue;
      const actual = typeName(v);
      if (actual !== k.type) {
        if (update) throw validation('The update expression attempted to update the secondary index key to unsupported type');
        throw invalidParam(`Type mismatch for Index Key ${k.name} Expected: ${k.type} Actual: ${actual} IndexName: ${ix.name}`);
      }
      if ((k.type === 'S' && v.S === '') || (k.type === 'B' && v.B === '')) {
        throw validation(
          `One or more parameter values are not valid. A value specified for a secondary index key is not supported. The AttributeValue for a key attribute cannot contain an empty ${k.type === 'S' ? 'string' : 'binary'} value. IndexName: ${ix.name}, IndexKey: ${k.name}`,
        );
      }
    }
  }
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

export class Store {
  private readonly cache = new Map<string, TableMeta>();
  private readonly streamSeq = new Map<string, number>();

  constructor(
    readonly db: Db,
    private readonly clock: Clock,
  ) {}

  async init(): Promise<void> {
    await this.db.migrate('dynamodb', MIGRATIONS);
  }

  private cacheKey(account: string, region: string, name: string): string {
    return account + '\u0000' + region + '\u0000' + name;
  }

  async table(account: string, region: string, name: string, q: Queryable = this.db): Promise<TableMeta | undefined> {
    const key = this.cacheKey(account, region, name);
    const hit = this.cache.get(key);
    if (hit) return hit;
    const row = await q.get<{ meta: string }>('SELECT meta FROM ddb_tables WHERE account = ? AND region = ? AND name = ?', [account, region, name]);
    if (!row) return undefined;
    const meta = JSON.parse(row.meta) as TableMeta;
    this.cache.set(key, meta);
    return meta;
  }

  /** Every table with TTL enabled (for the expiry sweeper). */
  async ttlTables(): Promise<TableMeta[]> {
    const rows = await this.db.all<{ account: string; region: string; name: string; meta: string }>('SELECT account, region, name, meta FROM ddb_tables');
    const out: TableMeta[] = [];
    for (const r of rows) {
      if (!r.meta.includes('"ttl"')) continue;
      const t = await this.table(r.account, r.region, r.name);
      if (t?.ttl?.enabled) out.push(t);
    }
    return out;
  }

  async listTables(account: string, region: string): Promise<string[]> {
    const rows = await this.db.all<{ name: string }>('SELECT name FROM ddb_tables WHERE account = ? AND region = ? ORDER BY name', [account, region]);
    return rows.map((r) => r.name);
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
    this.cache.delete(this.cacheKey(t.account, t.region, t.name));
  }

  async saveTable(tx: Tx, t: TableMeta): Promise<void> {
    await tx.run('UPDATE ddb_tables SET meta = ? WHERE account = ? AND region = ? AND name = ?', [JSON.stringify(t), t.account, t.region, t.name]);
    this.cache.set(this.cacheKey(t.account, t.region, t.name), t);
  }

  async deleteTable(tx: Tx, t: TableMeta): Promise<void> {
    await tx.run('DELETE FROM ddb_tables WHERE account = ? AND region = ? AND name = ?', [t.account, t.region, t.name]);
    await tx.run('DELETE FROM ddb_items WHERE tid = ?', [t.id]);
    await tx.run('DELETE FROM ddb_index_items WHERE tid = ?', [t.id]);
    await tx.run('DELETE FROM ddb_ttl WHERE tid = ?', [t.id]);
    this.cache.delete(this.cacheKey(t.account, t.region, t.name));
    this.statsCache.delete(t.id);
  }

  /** Forgets cached metadata (after a failed transaction that may have changed it). */
  invalidate(t: { account: string; region: string; name: string }): void {
    this.cache.delete(this.cacheKey(t.account, t.region, t.name));
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
    await tx.run(
      'INSERT INTO ddb_items (tid, pk, sk, h, size, item) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (tid, pk, sk) DO UPDATE SET size = excluded.size, item = excluded.item',
      [t.id, k.pk, k.sk, hashKey(k.pk), size, json],
    );
    if (t.gsis.length || t.lsis.length) await this.updateIndexes(tx, t, k, old, item);
    if (t.ttl?.enabled) await this.updateTtl(tx, t, k, item);
    const st = activeStream(t);
    if (st) await this.appendRecord(tx, t, st, old, item);
  }

  private async updateTtl(tx: Tx, t: TableMeta, k: EncodedKey, item: Item | undefined): Promise<void> {
    const expires = expiryOf(t, item, this.clock.now());
    if (expires === undefined) await tx.run('DELETE FROM ddb_ttl WHERE tid = ? AND pk = ? AND sk = ?', [t.id, k.pk, k.sk]);
    else {
      await tx.run('INSERT INTO ddb_ttl (tid, pk, sk, expires) VALUES (?, ?, ?, ?) ON CONFLICT (tid, pk, sk) DO UPDATE SET expires = excluded.expires', [
        t.id,
        k.pk,
        k.sk,
        expires,
      ]);
    }
  }

  /** Rebuilds a table's expiry rows from its items (TTL enabled on a table with data). */
  async rebuildTtl(tx: Tx, t: TableMeta): Promise<void> {
    await tx.run('DELETE FROM ddb_ttl WHERE tid = ?', [t.id]);
    if (!t.ttl?.enabled) return;
    let after: { pk: Buffer; sk: Buffer } | undefined;
    for (;;) {
      const rows: { pk: Buffer; sk: Buffer; item: string }[] = after
        ? await tx.all('SELECT pk, sk, item FROM ddb_items WHERE tid = ? AND (pk > ? OR (pk = ? AND sk > ?)) ORDER BY pk, sk LIMIT 500', [t.id, after.pk, after.pk, after.sk])
        : await tx.all('SELECT pk, sk, item FROM ddb_items WHERE tid = ? ORDER BY pk, sk LIMIT 500', [t.id]);
      for (const r of rows) await this.updateTtl(tx, t, { pk: r.pk, sk: r.sk }, JSON.parse(r.item) as Item);
      if (rows.length < 500) break;
      const last = rows[rows.length - 1]!;
      after = { pk: last.pk, sk: last.sk };
    }
  }

  /** Keys of items whose expiry has passed, oldest first. */
  async dueTtl(t: TableMeta, nowMs: number, limit: number): Promise<EncodedKey[]> {
    return this.db.all<EncodedKey>('SELECT pk, sk FROM ddb_ttl WHERE tid = ? AND expires <= ? ORDER BY expires LIMIT ?', [t.id, nowMs / 1000, limit]);
  }

  /** Deletes an item; `byService` marks a TTL expiry (its stream record names DynamoDB as the actor). */
  async delete(tx: Tx, t: TableMeta, k: EncodedKey, old: Item | undefined, byService = false): Promise<void> {
    await tx.run('DELETE FROM ddb_items WHERE tid = ? AND pk = ? AND sk = ?', [t.id, k.pk, k.sk]);
    if (old && (t.gsis.length || t.lsis.length)) await this.updateIndexes(tx, t, k, old, undefined);
    if (t.ttl?.enabled) await tx.run('DELETE FROM ddb_ttl WHERE tid = ? AND pk = ? AND sk = ?', [t.id, k.pk, k.sk]);
    const st = activeStream(t);
    if (st && old) await this.appendRecord(tx, t, st, old, undefined, byService);
  }

  /** Writes the stream record of one item change (none when the item did not change). */
  private async appendRecord(tx: Tx, t: TableMeta, st: StreamMeta, old: Item | undefined, item: Item | undefined, byService = false): Promise<void> {
    if (old && item && valuesEqual({ M: old }, { M: item })) return;
    let seq = this.streamSeq.get(st.id);
    if (seq === undefined) {
      const row = await tx.get<{ m: number | null }>('SELECT MAX(seq) AS m FROM ddb_stream_records WHERE sid = ?', [st.id]);
      seq = Number(row?.m ?? 0);
    }
    seq++;
    this.streamSeq.set(st.id, seq);
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
    let after: { pk: Buffer; sk: Buffer } | undefined;
    for (;;) {
      const rows: { pk: Buffer; sk: Buffer; item: string }[] = after
        ? await tx.all('SELECT pk, sk, item FROM ddb_items WHERE tid = ? AND (pk > ? OR (pk = ? AND sk > ?)) ORDER BY pk, sk LIMIT 500', [t.id, after.pk, after.pk, after.sk])
        : await tx.all('SELECT pk, sk, item FROM ddb_items WHERE tid = ? ORDER BY pk, sk LIMIT 500', [t.id]);
      for (const r of rows) {
        const item = JSON.parse(r.item) as Item;
        const key = indexKey(ix, item);
        if (!key) continue;
        if (!typesMatch(ix, item)) continue;
        await tx.run('INSERT INTO ddb_index_items (tid, iname, ipk, isk, pk, sk, h, size) VALUES (?, ?, ?, ?, ?, ?, ?, ?)', [
          t.id,
          ix.name,
          key.ipk,
          key.isk,
          r.pk,
          r.sk,
          hashKey(key.ipk),
          projectedSize(t, ix, item),
        ]);
      }
      if (rows.length < 500) break;
      const last = rows[rows.length - 1]!;
      after = { pk: last.pk, sk: last.sk };
    }
  }

  async dropIndex(tx: Tx, t: TableMeta, name: string): Promise<void> {
    await tx.run('DELETE FROM ddb_index_items WHERE tid = ? AND iname = ?', [t.id, name]);
  }
}

function typesMatch(ix: IndexMeta, item: Item): boolean {
  for (const k of ix.range ? [ix.hash, ix.range] : [ix.hash]) {
    const v = item[k.name];
    if (!v || typeName(v) !== k.type) return false;
  }
  return true;
}

/** Attribute names an index projects (undefined = all). */
export function projectedNames(t: TableMeta, ix: IndexMeta): Set<string> | undefined {
  if (ix.projection.ProjectionType === 'ALL') return undefined;
  const names = new Set<string>([t.hash.name, ix.hash.name]);
  if (t.range) names.add(t.range.name);
  if (ix.range) names.add(ix.range.name);
  for (const n of ix.projection.NonKeyAttributes ?? []) names.add(n);
  return names;
}

export function projectItem(item: Item, names: Set<string> | undefined): Item {
  if (!names) return item;
  const out: Item = {};
  for (const n of names) if (item[n] !== undefined) out[n] = item[n]!;
  return out;
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
