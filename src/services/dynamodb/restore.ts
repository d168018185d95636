/**
 * Restores (from a backup or to a point in time) and imports create a new table: its metadata is
 * the source's key schema and settings with the request's overrides, validated as CreateTable
 * validates them, and it goes CREATING -> ACTIVE as CreateTable's tables do.
 */
import { randomUUID } from 'node:crypto';
import type { RequestContext } from '../../core/context.js';
import { LimitExceededException, TableAlreadyExistsException, type GlobalSecondaryIndex, type LocalSecondaryIndex } from '../../generated/dynamodb.js';
import type { Tx } from '../../storage/db.js';
import type { DynamoDbCore } from './core.js';
import { buildTable, type IndexMeta, type TableMeta } from './tables.js';

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
    KeySchema: [{ AttributeName: ix.hash.name, KeyType: 'HASH' }, ...(ix.range ? [{ AttributeName: ix.range.name, KeyType: 'RANGE' }] : [])],
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

/**
 * Inserts a new table in `tx` (TableAlreadyExistsException when the name is taken), lets `fill`
 * write its items, then builds its indexes from them.
 */
export async function createRestoredTable(core: DynamoDbCore, tx: Tx, meta: Omit<TableMeta, 'id'>, fill: (t: TableMeta) => Promise<void>): Promise<TableMeta> {
  const store = core.store;
  if (await store.tableExists(tx, meta.account, meta.region, meta.name)) throw new TableAlreadyExistsException(`Table already exists: ${meta.name}`);
  if ((await store.countTables(tx, meta.account, meta.region)) >= MAX_TABLES) {
    throw new LimitExceededException(`Subscriber limit exceeded: Too many tables. Limit: ${MAX_TABLES}`);
  }
  const t: TableMeta = { ...meta, id: await store.nextId(tx) };
  await store.insertTable(tx, t);
  await fill(t);
  for (const ix of [...t.lsis, ...t.gsis]) await store.backfill(tx, t, ix);
  return t;
}
