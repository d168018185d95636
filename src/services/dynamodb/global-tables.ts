/**
 * Global tables, version 2019.11.21: replicas of a table in other regions of this Stratus, made
 * and removed by UpdateTable ReplicaUpdates. Each replica is an ordinary table of its region whose
 * metadata names the other replicas. A write to any replica enqueues, in its own transaction, one
 * `dynamodb.replicate` job per other replica (so an acknowledged write is replicated even after
 * `kill -9`); the job applies the change there unless that replica holds a later version of the
 * item: last writer wins, by write time, then by region name. Each item's version (time, region)
 * is kept in `ddb_replica_versions`, deletions included, so a late delete or put loses to a newer
 * one whichever order they arrive in. An applied change goes through the replica's own write path:
 * its indexes, stream and TTL see it as any write.
 */
import type { JobOutcome } from '../../jobs/runner.js';
import type { Job, JobSpec } from '../../jobs/queue.js';
import type { Migration, Queryable, Tx } from '../../storage/db.js';
import type { DynamoDbCore } from './core.js';
import type { EncodedKey } from './keys.js';
import { itemKey } from './keys.js';
import { parseItem } from './request.js';
import type { TableMeta } from './tables.js';
import { itemSize, type Item } from './values.js';

export const REPLICATE_JOB = 'dynamodb.replicate';

/** The version (write time and region) of each item of a replica: DynamoDB's migration 7 (store.ts). */
export const REPLICA_VERSIONS_MIGRATION: Migration = {
  version: 7,
  sql: `
CREATE TABLE ddb_replica_versions (
  tid BIGINT NOT NULL,
  pk BYTEA NOT NULL,
  sk BYTEA NOT NULL,
  at BIGINT NOT NULL,
  region TEXT NOT NULL,
  PRIMARY KEY (tid, pk, sk)
);
`,
};

/** The only global tables version Stratus makes (the 2017.11.29 API, CreateGlobalTable, is not answered). */
export const GLOBAL_TABLE_VERSION = '2019.11.21';

/** Another replica of a global table, as a replica's metadata names it. */
export interface ReplicaMeta {
  region: string;
  /** Platform time at which that replica became (or becomes) ACTIVE. */
  activeAt: number;
}

export interface ReplicateJobPayload {
  /** The table's name (the job's account and region say which replica). */
  name: string;
  /** The item written (null: deleted) and its key. */
  key: Item;
  item: Item | null;
  /** When, and in which region, the write was made. */
  at: number;
  from: string;
}

/** The version of an item a replica holds, if any write of it was replicated or made there. */
async function versionOf(q: Queryable, t: TableMeta, k: EncodedKey): Promise<{ at: number; region: string } | undefined> {
  const row = await q.get<{ at: number; region: string }>('SELECT at, region FROM ddb_replica_versions WHERE tid = ? AND pk = ? AND sk = ?', [t.id, k.pk, k.sk]);
  return row ? { at: Number(row.at), region: row.region } : undefined;
}

export async function writeVersion(tx: Tx, t: TableMeta, k: EncodedKey, at: number, region: string): Promise<void> {
  await tx.run(
    'INSERT INTO ddb_replica_versions (tid, pk, sk, at, region) VALUES (?, ?, ?, ?, ?) ON CONFLICT (tid, pk, sk) DO UPDATE SET at = excluded.at, region = excluded.region',
    [t.id, k.pk, k.sk, at, region],
  );
}

/** The jobs that carry one write of a replica to each other replica. */
export function replicateJobs(t: TableMeta, key: Item, item: Item | undefined, now: number): JobSpec<ReplicateJobPayload>[] {
  return (t.replicas ?? []).map((r) => ({
    kind: REPLICATE_JOB,
    account: t.account,
    region: r.region,
    dueAt: now,
    payload: { name: t.name, key, item: item ?? null, at: now, from: t.region },
  }));
}

/** Whether a change made at (`at`, `from`) is newer than the version a replica holds. */
function wins(at: number, from: string, held: { at: number; region: string } | undefined): boolean {
  if (!held) return true;
  if (at !== held.at) return at > held.at;
  return from >= held.region;
}

/** Runs the `dynamodb.replicate` jobs: applies a change made in another region, last writer winning. */
export class ReplicaApplier {
  constructor(private readonly core: DynamoDbCore) {}

  readonly run = async (job: Job<ReplicateJobPayload>): Promise<JobOutcome> => {
    const p = job.payload;
    const store = this.core.store;
    const applied = await this.core.db.tx(async (tx) => {
      const t = await store.loadTable(tx, job.account, job.region, p.name);
      // The replica was deleted since (or never made it): nothing to apply.
      if (!t || !(t.replicas ?? []).some((r) => r.region === p.from)) return undefined;
      const k = itemKey(t, p.key);
      if (!wins(p.at, p.from, await versionOf(tx, t, k))) return undefined;
      const row = await store.getRow(tx, t, k);
      const old = row ? parseItem(row.item) : undefined;
      // Applied as a write of this replica that is not replicated again.
      const local: TableMeta = { ...t, replicas: [] };
      if (p.item) await store.put(tx, local, k, p.item, JSON.stringify(p.item), itemSize(p.item), old);
      else if (row) await store.delete(tx, local, k, old);
      await writeVersion(tx, t, k, p.at, p.from);
      return { t, item: p.item ?? undefined };
    });
    if (applied) this.core.wakeTtl(applied.t, applied.item);
    return { then: 'done' };
  };
}
