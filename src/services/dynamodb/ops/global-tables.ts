/**
 * Global tables (version 2019.11.21) through the table API: UpdateTable ReplicaUpdates creating and
 * deleting replicas in other regions of this Stratus, DeleteTable of a replica leaving the global
 * table, and DescribeTableReplicaAutoScaling. Replication itself: global-tables.ts.
 */
import { randomUUID } from 'node:crypto';
import type { RequestContext } from '../../../core/context.js';
import type {
  DescribeTableReplicaAutoScalingInput,
  DescribeTableReplicaAutoScalingOutput,
  DynamoDBApi,
  UpdateTableInput,
} from '../../../generated/dynamodb.js';
import type { Tx } from '../../../storage/db.js';
import type { DynamoDbCore } from '../core.js';
import type { ReplicaMeta } from '../global-tables.js';
import { itemKey } from '../keys.js';
import { parseItem } from '../request.js';
import { activeStream, tableStatus, type TableMeta } from '../tables.js';
import { validation } from '../values.js';

/** A table of another region that a transaction changed: its cached metadata is dropped once committed. */
export interface Touched {
  account: string;
  region: string;
  name: string;
}

/**
 * UpdateTable's ReplicaUpdates and MultiRegionConsistency on `t` (in the transaction that saves
 * it); returns whether there were any. Replicas are made and dropped in the same transaction.
 */
export async function updateReplicas(core: DynamoDbCore, tx: Tx, t: TableMeta, input: UpdateTableInput, now: number, touched: Touched[]): Promise<boolean> {
  if (input.MultiRegionConsistency !== undefined) checkConsistency(t, input);
  const updates = input.ReplicaUpdates;
  if (!updates) return false;
  if (updates.length === 0) throw validation('1 validation error detected: Value \'[]\' at \'replicaUpdates\' failed to satisfy constraint: Member must have length greater than or equal to 1');
  for (const u of updates) {
    if (u.Create) await createReplica(core, tx, t, u.Create.RegionName, now, touched);
    else if (u.Delete) await deleteReplica(core, tx, t, u.Delete.RegionName, touched);
    else if (u.Update) throw validation('Stratus does not support per-replica settings: ReplicaUpdates Update is not supported');
  }
  return true;
}

/** The Region sets within which an MRSC global table's Regions must all lie (AWS documents these three). */
const MRSC_REGION_SETS = [
  ['us-east-1', 'us-east-2', 'us-west-2'],
  ['eu-west-1', 'eu-west-2', 'eu-west-3', 'eu-central-1'],
  ['ap-northeast-1', 'ap-northeast-2', 'ap-northeast-3'],
];

/** MultiRegionConsistency: EVENTUAL is what replicas made here are; STRONG (MRSC) is refused as AWS refuses it outside its rules, and otherwise as not supported. */
function checkConsistency(t: TableMeta, input: UpdateTableInput): void {
  const mode = input.MultiRegionConsistency;
  if (mode !== 'EVENTUAL' && mode !== 'STRONG') {
    throw validation(`1 validation error detected: Value '${mode}' at 'multiRegionConsistency' failed to satisfy constraint: Member must satisfy enum value set: [EVENTUAL, STRONG]`);
  }
  if (!input.ReplicaUpdates?.some((u) => u.Create)) {
    throw validation('MultiRegionConsistency can only be specified when creating replicas with ReplicaUpdates');
  }
  if (mode === 'STRONG') {
    const regions = new Set([t.region, ...(t.replicas ?? []).map((r) => r.region), ...input.ReplicaUpdates!.flatMap((u) => (u.Create ? [u.Create.RegionName] : []))]);
    if (regions.size + (input.GlobalTableWitnessUpdates?.length ?? 0) !== 3) {
      throw validation('Multi-Region strong consistency requires exactly three Regions: three replicas, or two replicas and a witness');
    }
    if (!MRSC_REGION_SETS.some((set) => [...regions].every((r) => set.includes(r)))) {
      throw validation(`Multi-Region strong consistency requires all Regions in one Region set: ${MRSC_REGION_SETS.map((set) => set.join(', ')).join('; ')}`);
    }
    throw validation('Stratus does not support multi-Region strong consistency (MultiRegionConsistency STRONG) yet');
  }
}

async function createReplica(core: DynamoDbCore, tx: Tx, t: TableMeta, region: string, now: number, touched: Touched[]): Promise<void> {
  const store = core.store;
  if (!/^[a-z]{2}(-gov)?-[a-z]+-\d$/.test(region)) throw validation(`Region ${region} is not a valid region`);
  if (region === t.region) throw validation(`Cannot add replica in the same region as the table: ${region}`);
  if ((t.replicas ?? []).some((r) => r.region === region)) throw validation(`Failed to create a new replica of table with name: '${t.name}' because one or more replicas already existed as tables.`);
  if (tableStatus(t, now) !== 'ACTIVE') throw validation(`Table is not in a valid state to add replicas: ${t.name}`);
  if (t.billingMode === 'PROVISIONED') throw validation('Table write capacity should either be Pay-Per-Request or AutoScaled.');
  const stream = activeStream(t);
  if (stream && stream.viewType !== 'NEW_AND_OLD_IMAGES') {
    throw validation(`Table ${t.name} has a stream of view type ${stream.viewType}: a global table's stream must be NEW_AND_OLD_IMAGES`);
  }
  if (await store.tableExists(tx, t.account, region, t.name)) {
    throw validation(`Failed to create a new replica of table with name: '${t.name}' because one or more replicas already existed as tables.`);
  }
  // Replicas stream NEW_AND_OLD_IMAGES: turned on where it is not.
  if (!stream) {
    t.streams ??= [];
    t.streams.push({ id: randomUUID(), label: new Date(now).toISOString().replace('Z', ''), viewType: 'NEW_AND_OLD_IMAGES', createdAt: now });
  }
  const activeAt = now + core.activationMs;
  const others = t.replicas ?? [];
  const replica: TableMeta = {
    ...(JSON.parse(JSON.stringify(t)) as TableMeta),
    id: await store.nextId(tx),
    region,
    tableId: randomUUID(),
    createdAt: now,
    activeAt,
    streams: [{ id: randomUUID(), label: new Date(now).toISOString().replace('Z', ''), viewType: 'NEW_AND_OLD_IMAGES', createdAt: now }],
    kinesis: undefined,
    pitr: undefined,
    restore: undefined,
    restoring: undefined,
    replicas: [{ region: t.region, activeAt: t.activeAt }, ...others],
  };
  for (const ix of replica.gsis) ix.activeAt = Math.min(ix.activeAt, activeAt);
  await store.insertTable(tx, replica);
  // The items the table has now, with their versions; written without stream records (as AWS's initial copy is not in the replica's stream).
  const copying: TableMeta = { ...replica, replicas: [], streams: [], ttl: undefined };
  let after: { pk: Buffer; sk: Buffer } | undefined;
  for (;;) {
    const rows: { pk: Buffer; sk: Buffer; item: string; size: number }[] = after
      ? await tx.all('SELECT pk, sk, item, size FROM ddb_items WHERE tid = ? AND (pk > ? OR (pk = ? AND sk > ?)) ORDER BY pk, sk LIMIT 500', [t.id, after.pk, after.pk, after.sk])
      : await tx.all('SELECT pk, sk, item, size FROM ddb_items WHERE tid = ? ORDER BY pk, sk LIMIT 500', [t.id]);
    for (const r of rows) await store.put(tx, copying, itemKey(replica, parseItem(r.item)), parseItem(r.item), r.item, Number(r.size), undefined);
    if (rows.length < 500) break;
    after = rows[rows.length - 1]!;
  }
  await tx.run('INSERT INTO ddb_replica_versions (tid, pk, sk, at, region) SELECT ?, pk, sk, at, region FROM ddb_replica_versions WHERE tid = ?', [replica.id, t.id]);
  if (t.ttl?.enabled) await store.rebuildTtl(tx, replica);
  // Every replica learns of the new one.
  for (const r of others) {
    const other = await store.loadTable(tx, t.account, r.region, t.name);
    if (!other) continue;
    other.replicas = [...(other.replicas ?? []), { region, activeAt }];
    await store.saveTable(tx, other);
    touched.push({ account: t.account, region: r.region, name: t.name });
  }
  t.replicas = [...others, { region, activeAt }];
  touched.push({ account: t.account, region, name: t.name });
}

async function deleteReplica(core: DynamoDbCore, tx: Tx, t: TableMeta, region: string, touched: Touched[]): Promise<void> {
  const store = core.store;
  if (!(t.replicas ?? []).some((r) => r.region === region)) {
    throw validation(`Failed to remove replica in region ${region} of table ${t.name}: it is not a replica of this global table`);
  }
  const replica = await store.loadTable(tx, t.account, region, t.name);
  if (replica) {
    if (replica.deletionProtection) {
      throw validation('Resource cannot be deleted as it is currently protected against deletion. Disable deletion protection first.');
    }
    await store.deleteTable(tx, replica);
    await core.tags.forget(tx, { accountId: t.account, region }, `arn:aws:dynamodb:${region}:${t.account}:table/${t.name}`);
    touched.push({ account: t.account, region, name: t.name });
  }
  t.replicas = (t.replicas ?? []).filter((r) => r.region !== region);
  await leaveGlobalTable(core, tx, { ...t, region }, touched, t.region);
}

/**
 * A replica deleted (by DeleteTable or ReplicaUpdates): the other replicas stop naming it.
 * `except`: a replica whose metadata the caller saves itself.
 */
export async function leaveGlobalTable(core: DynamoDbCore, tx: Tx, gone: TableMeta, touched: Touched[], except?: string): Promise<void> {
  for (const r of gone.replicas ?? []) {
    if (r.region === except) continue;
    const other = await core.store.loadTable(tx, gone.account, r.region, gone.name);
    if (!other) continue;
    other.replicas = (other.replicas ?? []).filter((x) => x.region !== gone.region);
    await core.store.saveTable(tx, other);
    touched.push({ account: gone.account, region: r.region, name: gone.name });
  }
}

/** Drops what is cached of tables a committed transaction changed in other regions. */
export function uncacheTouched(core: DynamoDbCore, touched: Touched[]): void {
  for (const x of touched) core.store.uncache(x.account, x.region, x.name);
}

export class GlobalTableOps implements Pick<DynamoDBApi, 'DescribeTableReplicaAutoScaling'> {
  constructor(private readonly core: DynamoDbCore) {}

  /** Auto scaling of each replica: Stratus has none, so replicas and indexes show no settings (as on-demand tables do on AWS). */
  async DescribeTableReplicaAutoScaling(ctx: RequestContext, input: DescribeTableReplicaAutoScalingInput): Promise<DescribeTableReplicaAutoScalingOutput> {
    const t = await this.core.tableOrThrow(ctx, input.TableName, false);
    const now = this.core.now();
    const regions: ReplicaMeta[] = [{ region: t.region, activeAt: t.activeAt }, ...(t.replicas ?? [])];
    return {
      TableAutoScalingDescription: {
        TableName: t.name,
        TableStatus: tableStatus(t, now),
        Replicas: t.replicas?.length
          ? regions.map((r) => ({
              RegionName: r.region,
              GlobalSecondaryIndexes: t.gsis.map((g) => ({ IndexName: g.name, IndexStatus: g.deleting ? 'DELETING' : now < g.activeAt ? 'CREATING' : 'ACTIVE' })),
              ReplicaStatus: now < r.activeAt ? 'CREATING' : 'ACTIVE',
            }))
          : [],
      },
    };
  }
}
