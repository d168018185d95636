/**
 * Kinesis's SQL: streams as JSON documents (settings and their shards), one counter row per shard
 * (the next record's counter, so that a put does not rewrite the stream's document), and records
 * keyed by stream, shard and counter. Reads page by size first (`sizes`), so a GetRecords never
 * loads more than its 10 MiB of data.
 */
import type { Migration, Queryable, Tx } from '../../storage/db.js';
import type { ShardInfo } from './shards.js';

export const KINESIS_MIGRATIONS: Migration[] = [
  {
    version: 1,
    sql: `
CREATE TABLE IF NOT EXISTS kinesis_streams (
  account TEXT NOT NULL, region TEXT NOT NULL, name TEXT COLLATE "C" NOT NULL,
  id TEXT NOT NULL, doc TEXT NOT NULL,
  mode TEXT NOT NULL, open_shards INTEGER NOT NULL,
  PRIMARY KEY (account, region, name)
);
CREATE TABLE IF NOT EXISTS kinesis_shards (
  stream_id TEXT NOT NULL, idx INTEGER NOT NULL, next BIGINT NOT NULL,
  PRIMARY KEY (stream_id, idx)
);
CREATE TABLE IF NOT EXISTS kinesis_records (
  stream_id TEXT NOT NULL, idx INTEGER NOT NULL, seq BIGINT NOT NULL, arrival BIGINT NOT NULL,
  pkey TEXT NOT NULL, size INTEGER NOT NULL, data BYTEA NOT NULL,
  PRIMARY KEY (stream_id, idx, seq)
);
CREATE INDEX IF NOT EXISTS kinesis_records_arrival ON kinesis_records (stream_id, idx, arrival);
`,
  },
];

export type StreamMode = 'PROVISIONED' | 'ON_DEMAND';

/** A stream as stored. */
export interface StreamDoc {
  id: string;
  name: string;
  arn: string;
  /** Platform ms. */
  created: number;
  /** CREATING until then. */
  activeAt: number;
  /** UPDATING until then (a reshard, a mode change). */
  updatingUntil?: number;
  mode: StreamMode;
  retentionHours: number;
  maxRecordKiB: number;
  monitoring: string[];
  shards: ShardInfo[];
  /** Enhanced fan-out consumers (at most 20). */
  consumers?: ConsumerInfo[];
}

export interface ConsumerInfo {
  name: string;
  /** Platform ms; its ARN ends with the creation time in seconds. */
  created: number;
  /** CREATING until then. */
  activeAt: number;
}

export interface RecordRow {
  idx: number;
  seq: number;
  arrival: number;
  pkey: string;
  data: Buffer;
}

export async function readStream(q: Queryable, account: string, region: string, name: string): Promise<StreamDoc | undefined> {
  const row = await q.get<{ doc: string }>('SELECT doc FROM kinesis_streams WHERE account = ? AND region = ? AND name = ?', [account, region, name]);
  return row ? (JSON.parse(row.doc) as StreamDoc) : undefined;
}

export async function writeStream(tx: Tx, account: string, region: string, doc: StreamDoc): Promise<void> {
  await tx.run(
    'INSERT INTO kinesis_streams (account, region, name, id, doc, mode, open_shards) VALUES (?, ?, ?, ?, ?, ?, ?) ' +
      'ON CONFLICT (account, region, name) DO UPDATE SET id = excluded.id, doc = excluded.doc, mode = excluded.mode, open_shards = excluded.open_shards',
    [account, region, doc.name, doc.id, JSON.stringify(doc), doc.mode, doc.shards.filter((s) => s.closed === undefined).length],
  );
}

export async function addShardCounters(tx: Tx, streamId: string, shards: readonly ShardInfo[]): Promise<void> {
  // Counter 0 is the shard's StartingSequenceNumber, which no record has (AFTER it is the first record).
  for (const s of shards) await tx.run('INSERT INTO kinesis_shards (stream_id, idx, next) VALUES (?, ?, 1)', [streamId, s.index]);
}

/** Takes `count` counters of a shard: the first one. */
export async function takeCounters(tx: Tx, streamId: string, idx: number, count: number): Promise<number> {
  const row = await tx.get<{ next: number }>('SELECT next FROM kinesis_shards WHERE stream_id = ? AND idx = ?', [streamId, idx]);
  const first = Number(row?.next ?? 1);
  await tx.run('UPDATE kinesis_shards SET next = ? WHERE stream_id = ? AND idx = ?', [first + count, streamId, idx]);
  return first;
}

/** The counter the shard's next record gets. */
export async function nextCounter(q: Queryable, streamId: string, idx: number): Promise<number> {
  const row = await q.get<{ next: number }>('SELECT next FROM kinesis_shards WHERE stream_id = ? AND idx = ?', [streamId, idx]);
  return Number(row?.next ?? 1);
}

export async function insertRecord(tx: Tx, streamId: string, idx: number, seq: number, arrival: number, pkey: string, data: Buffer): Promise<void> {
  await tx.run('INSERT INTO kinesis_records (stream_id, idx, seq, arrival, pkey, size, data) VALUES (?, ?, ?, ?, ?, ?, ?)', [
    streamId,
    idx,
    seq,
    arrival,
    pkey,
    data.length + Buffer.byteLength(pkey),
    data,
  ]);
}

/** Sizes of up to `limit` records of a shard from counter `from`, arrived at or after `cutoff`. */
export function sizes(q: Queryable, streamId: string, idx: number, from: number, cutoff: number, limit: number): Promise<{ seq: number; size: number; arrival: number }[]> {
  return q.all('SELECT seq, size, arrival FROM kinesis_records WHERE stream_id = ? AND idx = ? AND seq >= ? AND arrival >= ? ORDER BY seq LIMIT ?', [streamId, idx, from, cutoff, limit]);
}

export function recordsBetween(q: Queryable, streamId: string, idx: number, from: number, to: number, cutoff: number): Promise<RecordRow[]> {
  return q.all('SELECT idx, seq, arrival, pkey, data FROM kinesis_records WHERE stream_id = ? AND idx = ? AND seq >= ? AND seq <= ? AND arrival >= ? ORDER BY seq', [
    streamId,
    idx,
    from,
    to,
    cutoff,
  ]);
}

/** The counter of the first record of a shard that arrived at or after `at`, if any. */
export async function firstAtOrAfter(q: Queryable, streamId: string, idx: number, at: number): Promise<number | undefined> {
  const row = await q.get<{ seq: number }>('SELECT seq FROM kinesis_records WHERE stream_id = ? AND idx = ? AND arrival >= ? ORDER BY arrival, seq LIMIT 1', [streamId, idx, at]);
  return row ? Number(row.seq) : undefined;
}

/** The oldest arrival of a stream's records, or undefined when it has none. */
export async function oldestArrival(q: Queryable, streamId: string): Promise<number | undefined> {
  const row = await q.get<{ arrival: number | null }>('SELECT MIN(arrival) AS arrival FROM kinesis_records WHERE stream_id = ?', [streamId]);
  return row?.arrival === null || row?.arrival === undefined ? undefined : Number(row.arrival);
}

/** Deletes up to `chunk` records of each shard older than `cutoff` (or all of them); answers whether some remain to delete. */
export async function trimRecords(tx: Tx, streamId: string, shards: readonly number[], cutoff: number, chunk: number): Promise<boolean> {
  let more = false;
  for (const idx of shards) {
    const first = await tx.get<{ seq: number | null }>('SELECT MIN(seq) AS seq FROM kinesis_records WHERE stream_id = ? AND idx = ?', [streamId, idx]);
    if (first?.seq === null || first?.seq === undefined) continue;
    const upTo = Number(first.seq) + chunk - 1;
    await tx.run('DELETE FROM kinesis_records WHERE stream_id = ? AND idx = ? AND seq <= ? AND arrival < ?', [streamId, idx, upTo, cutoff]);
    const left = await tx.get('SELECT seq FROM kinesis_records WHERE stream_id = ? AND idx = ? AND seq > ? AND arrival < ? LIMIT 1', [streamId, idx, upTo, cutoff]);
    if (left) more = true;
  }
  return more;
}

/** Deletes up to `chunk` records per shard of a deleted stream (and its counters once none are left); answers whether some remain. */
export async function purgeRecords(tx: Tx, streamId: string, chunk: number): Promise<boolean> {
  return trimRecords(tx, streamId, await shardIndexes(tx, streamId), Number.MAX_SAFE_INTEGER, chunk);
}

export async function shardIndexes(q: Queryable, streamId: string): Promise<number[]> {
  const rows = await q.all<{ idx: number }>('SELECT idx FROM kinesis_shards WHERE stream_id = ? ORDER BY idx', [streamId]);
  return rows.map((r) => Number(r.idx));
}

export async function dropCounters(tx: Tx, streamId: string): Promise<void> {
  await tx.run('DELETE FROM kinesis_shards WHERE stream_id = ?', [streamId]);
}

/** The open shards of the account's provisioned streams in a region, and its on-demand streams. */
export async function accountUsage(q: Queryable, account: string, region: string): Promise<{ provisionedShards: number; onDemandStreams: number }> {
  const rows = await q.all<{ mode: string; n: number; shards: number | null }>(
    'SELECT mode, COUNT(*) AS n, SUM(open_shards) AS shards FROM kinesis_streams WHERE account = ? AND region = ? GROUP BY mode',
    [account, region],
  );
  let provisionedShards = 0;
  let onDemandStreams = 0;
  for (const r of rows) {
    if (r.mode === 'ON_DEMAND') onDemandStreams = Number(r.n);
    else provisionedShards = Number(r.shards ?? 0);
  }
  return { provisionedShards, onDemandStreams };
}
