/**
 * Restores (from a backup or to a point in time) create a new table: its metadata is the source's
 * key schema and settings with the request's overrides, validated as CreateTable validates them.
 * It is CREATING (RestoreInProgress) while a job fills it in bounded batches, then ACTIVE.
 */
import { randomUUID } from 'node:crypto';
import type { RequestContext } from '../../core/context.js';
import { LimitExceededException, TableAlreadyExistsException, type GlobalSecondaryIndex, type LocalSecondaryIndex } from '../../generated/dynamodb.js';
import type { JobOutcome } from '../../jobs/index.js';
import { enqueue, type Job } from '../../jobs/queue.js';
import type { Tx } from '../../storage/db.js';
import type { DynamoDbCore } from './core.js';
import { BATCH_BYTES, RecoveryStore } from './recovery-store.js';
import { parseItem } from './request.js';
import { buildTable, indexKeySchema, type IndexMeta, type TableMeta } from './tables.js';

const MAX_TABLES = 2500;

/** The overrides RestoreTableFromBackup and RestoreTableToPointInTime take. */
export interface RestoreOverrides {
  BillingModeOverride?: 'PROVISIONED' | 'PAY_PER_REQUEST';
  GlobalSecondaryIndexOverride?: GlobalSecondaryIndex[];
  LocalSecondaryIndexOverride?: LocalSecondaryIndex[];
  ProvisionedThroughputOverride?: { ReadCapacityUnits: number; WriteCapacityUnits: number };
  OnDemandThroughputOverride?: { MaxReadRequestUnits?: number; MaxWriteRequestUnits?: number };
  SSESpecificationOverride?: { Enabled?: boolean; SSEType?: string; KMSMasterKeyId?: string };
}

function indexSpec(ix: IndexMeta, provisioned: boolean, table: { read: number; write: number }): any {
  const spec: any = {
    IndexName: ix.name,
    KeySchema: indexKeySchema(ix),
    Projection: ix.projection,
  };
  if (ix.kind === 'GSI' && provisioned) {
    spec.ProvisionedThroughput = ix.read > 0 ? { ReadCapacityUnits: ix.read, WriteCapacityUnits: ix.write } : { ReadCapacityUnits: table.read, WriteCapacityUnits: table.write };
  }
  return spec;
}

/** The metadata (without id) of a table restored from `source` as `name`, with the overrides applied. */
export function restoredMeta(core: DynamoDbCore, ctx: RequestContext, source: TableMeta, name: string, o: RestoreOverrides): Omit<TableMeta, 'id'> {
  const now = core.now();
  const billing = o.BillingModeOverride ?? source.billingMode;
  const provisioned = billing === 'PROVISIONED';
  const throughput =
    o.ProvisionedThroughputOverride ?? (provisioned && source.read > 0 ? { ReadCapacityUnits: source.read, WriteCapacityUnits: source.write } : undefined);
  const tableRate = { read: throughput?.ReadCapacityUnits ?? 0, write: throughput?.WriteCapacityUnits ?? 0 };
  const gsis = o.GlobalSecondaryIndexOverride ?? source.gsis.filter((g) => !g.deleting).map((g) => indexSpec(g, provisioned, tableRate));
  const lsis = o.LocalSecondaryIndexOverride ?? source.lsis.map((l) => indexSpec(l, provisioned, tableRate));
  const used = new Set<string>([source.hash.name, ...(source.range ? [source.range.name] : [])]);
  for (const ix of [...gsis, ...lsis]) for (const k of ix.KeySchema ?? []) used.add(k.AttributeName);
  const input: any = {
    TableName: name,
    AttributeDefinitions: source.attributeDefinitions.filter((d) => used.has(d.AttributeName)),
    KeySchema: [{ AttributeName: source.hash.name, KeyType: 'HASH' }, ...(source.range ? [{ AttributeName: source.range.name, KeyType: 'RANGE' }] : [])],
    BillingMode: billing,
    ...(provisioned && throughput ? { ProvisionedThroughput: throughput } : {}),
    ...(gsis.length ? { GlobalSecondaryIndexes: gsis } : {}),
    ...(lsis.length ? { LocalSecondaryIndexes: lsis } : {}),
    ...(o.SSESpecificationOverride ?? source.sse ? { SSESpecification: o.SSESpecificationOverride ?? source.sse } : {}),
    ...(o.OnDemandThroughputOverride ?? source.onDemand ? { OnDemandThroughput: o.OnDemandThroughputOverride ?? source.onDemand } : {}),
    ...(source.tableClass ? { TableClass: source.tableClass } : {}),
  };
  const meta = buildTable(input, { account: ctx.accountId, region: ctx.region, now, tableId: randomUUID(), activeAt: now + core.activationMs });
  meta.billingModeExplicit = source.billingModeExplicit || o.BillingModeOverride !== undefined;
  return meta;
}

/** The job that fills a restored table, keyed by its table id. */
export const RESTORE_JOB = 'dynamodb.restore';
/** A table being restored stays CREATING until it is filled (the latest time a Date holds). */
export const PENDING = 8.64e15;

/**
 * Inserts a new table in `tx` (TableAlreadyExistsException when the name is taken), CREATING until
 * the `dynamodb.restore` job has copied its items from `source` (RestoreFiller).
 */
export async function createRestoredTable(core: DynamoDbCore, tx: Tx, meta: Omit<TableMeta, 'id'>, source: { backup: number } | { table: number; at: number }): Promise<TableMeta> {
  const store = core.store;
  if (await store.tableExists(tx, meta.account, meta.region, meta.name)) throw new TableAlreadyExistsException(`Table already exists: ${meta.name}`);
  if ((await store.countTables(tx, meta.account, meta.region)) >= MAX_TABLES) {
    throw new LimitExceededException(`Subscriber limit exceeded: Too many tables. Limit: ${MAX_TABLES}`);
  }
  const t: TableMeta = { ...meta, id: await store.nextId(tx), activeAt: PENDING, restoring: { ...source } };
  for (const ix of [...t.gsis, ...t.lsis]) ix.activeAt = PENDING;
  await store.insertTable(tx, t);
  const now = core.now();
  await enqueue(tx, { kind: RESTORE_JOB, key: String(t.id), account: t.account, region: t.region, dueAt: now, payload: { name: t.name } }, now, 'keep');
  return t;
}

/** Items copied per transaction. */
const BATCH = 1000;

/**
 * Runs the restore jobs: copies the source's items into the new table a batch per transaction
 * (with their index rows), records how far it got in the table's metadata in the same
 * transaction, then makes the table ACTIVE. A backup's items never change; a point-in-time
 * restore reads the source's change log (versions at or before the time never change) and, for
 * keys not written since PITR was enabled, the source table as it is when read.
 */
export class RestoreFiller {
  private readonly recovery = new RecoveryStore();

  constructor(private readonly core: DynamoDbCore) {}

  readonly run = async (job: Job<{ name: string }>): Promise<JobOutcome> => {
    const store = this.core.store;
    for (;;) {
      const out = await this.core.db.tx(async (tx) => {
        const t = await store.loadTable(tx, job.account, job.region, job.payload.name);
        if (!t || String(t.id) !== job.key || !t.restoring) return { done: true as const, t: undefined };
        const r = t.restoring;
        const after = r.pk !== undefined ? { pk: Buffer.from(r.pk, 'base64'), sk: Buffer.from(r.sk ?? '', 'base64') } : undefined;
        const rows =
          r.backup !== undefined ? await this.recovery.backupItems(tx, r.backup, after, BATCH) : await this.recovery.stateAt(tx, r.table!, r.at!, after, BATCH);
        // Up to BATCH rows or BATCH_BYTES of items, whichever comes first.
        let bytes = 0;
        let last: (typeof rows)[number] | undefined;
        for (const row of rows) {
          last = row;
          if (row.item === null) continue;
          const item = parseItem(row.item);
          await store.put(tx, t, { pk: row.pk, sk: row.sk }, item, row.item, Number(row.size), undefined);
          bytes += Number(row.size);
          if (bytes >= BATCH_BYTES) break;
        }
        if (last && (rows.length === BATCH || last !== rows[rows.length - 1])) {
          t.restoring = { ...r, pk: last.pk.toString('base64'), sk: last.sk.toString('base64') };
          await store.saveTable(tx, t);
          return { done: false as const, t };
        }
        const now = this.core.now();
        delete t.restoring;
        t.activeAt = now + this.core.activationMs;
        for (const ix of [...t.gsis, ...t.lsis]) ix.activeAt = t.activeAt;
        await store.saveTable(tx, t);
        if (r.backup !== undefined) await this.recovery.restoreEnded(tx, r.backup);
        return { done: true as const, t };
      });
      if (out.t) store.cacheTable(out.t);
      if (out.done) return { then: 'done' };
    }
  };
}
