/**
 * Table operations: create, describe, list, delete and update tables, account limits and
 * endpoints. Table metadata and its validation live in ../tables.ts; tags in ./tags.ts.
 */
import { randomUUID } from 'node:crypto';
import type { RequestContext } from '../../../core/context.js';
import {
  LimitExceededException,
  ResourceInUseException,
  ResourceNotFoundException,
  type CreateTableInput,
  type CreateTableOutput,
  type DeleteTableInput,
  type DeleteTableOutput,
  type DescribeEndpointsResponse,
  type DescribeLimitsOutput,
  type DescribeTableInput,
  type DescribeTableOutput,
  type DynamoDBApi,
  type ListTablesInput,
  type ListTablesOutput,
  type UpdateTableInput,
  type UpdateTableOutput,
} from '../../../generated/dynamodb.js';
import type { Tx } from '../../../storage/db.js';
import { DYNAMODB_TAG_RULES, tableNotFound, tagError, tagMap, type DynamoDbCore } from '../core.js';
import type { Store } from '../store.js';
import { systemBackupOnDelete } from './backups.js';
import { leaveGlobalTable, uncacheTouched, updateReplicas, type Touched } from './global-tables.js';
import {
  activeStream,
  attributeDefs,
  buildIndex,
  keyAttrsOf,
  buildTable,
  checkStreamSpec,
  describeTable,
  MAX_GSIS,
  tableArn,
  tableNameOf,
  tableStatus,
  unsupportedTableParams,
  type TableMeta,
} from '../tables.js';
import { invalidParam, validation } from '../values.js';

const MAX_TABLES = 2500;

type TableOperations =
  | 'CreateTable'
  | 'DescribeTable'
  | 'ListTables'
  | 'DeleteTable'
  | 'UpdateTable'
  | 'DescribeLimits'
  | 'DescribeEndpoints';

export class TableOps implements Pick<DynamoDBApi, TableOperations> {
  constructor(private readonly core: DynamoDbCore) {}

  async CreateTable(ctx: RequestContext, input: CreateTableInput): Promise<CreateTableOutput> {
    const now = this.core.now();
    const name = String(input.TableName);
    const pattern = /^[a-zA-Z0-9_.-]+$/;
    if (name.length < 3 || name.length > 255 || !pattern.test(name)) {
      const issues: string[] = [];
      if (name.length < 3) issues.push(`Value '${name}' at 'tableName' failed to satisfy constraint: Member must have length greater than or equal to 3`);
      if (name.length > 255) issues.push(`Value '${name}' at 'tableName' failed to satisfy constraint: Member must have length less than or equal to 255`);
      if (!pattern.test(name)) issues.push(`Value '${name}' at 'tableName' failed to satisfy constraint: Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+`);
      throw validation(`${issues.length} validation error${issues.length > 1 ? 's' : ''} detected: ${issues.join('; ')}`);
    }
    const meta = buildTable(input, { account: ctx.accountId, region: ctx.region, now, tableId: randomUUID(), activeAt: now + this.core.activationMs });
    const store = this.core.store;
    const t = await this.core.db.tx(async (tx) => {
      if (await store.tableExists(tx, ctx.accountId, ctx.region, meta.name)) throw new ResourceInUseException(`Table already exists: ${meta.name}`);
      if ((await store.countTables(tx, ctx.accountId, ctx.region)) >= MAX_TABLES) {
        throw new LimitExceededException(`Subscriber limit exceeded: Too many tables. Limit: ${MAX_TABLES}`);
      }
      const full: TableMeta = { ...meta, id: await store.nextId(tx) };
      await store.insertTable(tx, full);
      const problem = await this.core.tags.tag(tx, ctx, tableArn(full), tagMap(input.Tags ?? []), DYNAMODB_TAG_RULES);
      if (problem) throw tagError(problem);
      return full;
    });
    store.cacheTable(t);
    return { TableDescription: describeTable(t, now, undefined, 'CREATING') };
  }

  async DescribeTable(ctx: RequestContext, input: DescribeTableInput): Promise<DescribeTableOutput> {
    const t = await this.core.tableOrThrow(ctx, input.TableName, false);
    return { Table: describeTable(t, this.core.now(), await this.core.store.stats(t, this.core.now())) };
  }

  async ListTables(ctx: RequestContext, input: ListTablesInput): Promise<ListTablesOutput> {
    // Keyset on the table name: one more name than the page shows says there is a next page.
    const limit = input.Limit ?? 100;
    const names = await this.core.store.tableNames(ctx.accountId, ctx.region, input.ExclusiveStartTableName, limit + 1);
    const out: ListTablesOutput = { TableNames: names.slice(0, limit) };
    if (names.length > limit) out.LastEvaluatedTableName = names[limit - 1];
    return out;
  }

  async DeleteTable(ctx: RequestContext, input: DeleteTableInput): Promise<DeleteTableOutput> {
    const name = tableNameOf(input.TableName);
    const now = this.core.now();
    const store = this.core.store;
    const touched: Touched[] = [];
    const t = await this.core.db.tx(async (tx) => {
      touched.length = 0;
      const t = await store.loadTable(tx, ctx.accountId, ctx.region, name);
      if (!t) throw tableNotFound(name);
      if (t.deletionProtection) {
        throw validation('Resource cannot be deleted as it is currently protected against deletion. Disable deletion protection first.');
      }
      if (now < t.activeAt) throw new ResourceInUseException(`Attempt to change a resource which is still in use: Table is being created: ${name}`);
      await systemBackupOnDelete(this.core, tx, t);
      await store.deleteTable(tx, t);
      await this.core.tags.forget(tx, ctx, tableArn(t));
      await leaveGlobalTable(this.core, tx, t, touched);
      return t;
    });
    store.forgetTable(t);
    uncacheTouched(this.core, touched);
    this.core.throttle.forget(`${t.id}:`);
    return { TableDescription: describeTable(t, now, undefined, 'DELETING') };
  }

  async UpdateTable(ctx: RequestContext, input: UpdateTableInput): Promise<UpdateTableOutput> {
    const name = tableNameOf(input.TableName);
    const now = this.core.now();
    const touched: Touched[] = [];
    const t = await this.core.changeTable(ctx, name, async (t, tx) => {
      touched.length = 0;
      let changed = updateStream(t, input, now);
      unsupportedTableParams({ ...input, MultiRegionConsistency: undefined });
      changed = (await updateReplicas(this.core, tx, t, input, now, touched)) || changed;
      changed = updateSettings(t, input) || changed;
      if (tableStatus(t, now) !== 'ACTIVE' && (input.ProvisionedThroughput || input.GlobalSecondaryIndexUpdates || input.BillingMode)) {
        throw new ResourceInUseException(`Attempt to change a resource which is still in use: Table is being updated: ${name}`);
      }
      changed = updateBillingMode(t, input, now) || changed;
      changed = updateProvisioned(t, input, now) || changed;
      if (input.GlobalSecondaryIndexUpdates) {
        changed = (await updateIndexes(this.core.store, tx, t, input, now + this.core.activationMs)) || changed;
        // A global table's indexes are the same in every replica: the change is made in each.
        for (const r of t.replicas ?? []) {
          const replica = await this.core.store.loadTable(tx, t.account, r.region, t.name);
          if (!replica) continue;
          await updateIndexes(this.core.store, tx, replica, input, now + this.core.activationMs);
          await this.core.store.saveTable(tx, replica);
          touched.push({ account: t.account, region: r.region, name: t.name });
        }
      }
      if (!changed) {
        throw validation(
          'At least one of ProvisionedThroughput, BillingMode, UpdateStreamEnabled, GlobalSecondaryIndexUpdates or SSESpecification or ReplicaUpdates is required',
        );
      }
      if (t.billingMode === 'PROVISIONED' && (t.read === 0 || t.write === 0)) {
        throw validation('One or more parameter values were invalid: ProvisionedThroughput must be specified when BillingMode is PROVISIONED');
      }
    });
    uncacheTouched(this.core, touched);
    return { TableDescription: describeTable(t, now, await this.core.store.stats(t, this.core.now())) };
  }

  async DescribeLimits(): Promise<DescribeLimitsOutput> {
    return {
      AccountMaxReadCapacityUnits: 80000,
      AccountMaxWriteCapacityUnits: 80000,
      TableMaxReadCapacityUnits: 40000,
      TableMaxWriteCapacityUnits: 40000,
    };
  }

  async DescribeEndpoints(): Promise<DescribeEndpointsResponse> {
    const address = this.core.platform.endpoint().replace(/^https?:\/\//, '');
    return { Endpoints: [{ Address: address, CachePeriodInMinutes: 1440 }] };
  }
}

// UpdateTable, one part of the table at a time. Each helper changes `t` and says whether the
// request asked for a change there.

/** Enables or disables the table's stream. */
function updateStream(t: TableMeta, input: UpdateTableInput, now: number): boolean {
  const spec = input.StreamSpecification;
  if (!spec) return false;
  const current = activeStream(t);
  if (spec.StreamEnabled && current) throw validation(`Table already has an enabled stream: TableName: ${t.name}`);
  if (!spec.StreamEnabled && !current) throw validation(`Table already has no enabled stream: TableName: ${t.name}`);
  const next = checkStreamSpec(spec, now, randomUUID());
  t.streams ??= [];
  if (next) t.streams.push(next);
  else current!.disabledAt = now;
  return true;
}

/** On-demand maximums, warm throughput, table class, deletion protection and encryption. */
function updateSettings(t: TableMeta, input: UpdateTableInput): boolean {
  if (input.OnDemandThroughput !== undefined) t.onDemand = input.OnDemandThroughput;
  if (input.WarmThroughput !== undefined) t.warm = input.WarmThroughput;
  if (input.TableClass !== undefined) t.tableClass = input.TableClass;
  if (input.DeletionProtectionEnabled !== undefined) t.deletionProtection = input.DeletionProtectionEnabled;
  if (input.SSESpecification !== undefined) t.sse = input.SSESpecification;
  return [input.OnDemandThroughput, input.WarmThroughput, input.TableClass, input.DeletionProtectionEnabled, input.SSESpecification].some((v) => v !== undefined);
}

/** A switch between provisioned and on-demand billing (on-demand drops every provisioned figure). */
function updateBillingMode(t: TableMeta, input: UpdateTableInput, now: number): boolean {
  if (input.BillingMode === undefined) return false;
  t.billingModeExplicit = true;
  if (input.BillingMode === t.billingMode) return false;
  t.billingMode = input.BillingMode;
  if (t.billingMode === 'PAY_PER_REQUEST') {
    t.lastPayPerRequestAt = now;
    t.read = 0;
    t.write = 0;
    for (const g of t.gsis) {
      g.read = 0;
      g.write = 0;
    }
  } else if (!input.ProvisionedThroughput) {
    throw validation('One or more parameter values were invalid: ProvisionedThroughput must be specified when BillingMode is PROVISIONED');
  }
  return true;
}

/** New provisioned read and write capacity, with the increase and decrease times AWS reports. */
function updateProvisioned(t: TableMeta, input: UpdateTableInput, now: number): boolean {
  if (!input.ProvisionedThroughput) return false;
  if (t.billingMode === 'PAY_PER_REQUEST') {
    throw validation('One or more parameter values were invalid: Neither ReadCapacityUnits nor WriteCapacityUnits can be specified when BillingMode is PAY_PER_REQUEST');
  }
  const r = input.ProvisionedThroughput.ReadCapacityUnits;
  const w = input.ProvisionedThroughput.WriteCapacityUnits;
  if (r === t.read && w === t.write && input.BillingMode === undefined) {
    throw validation(
      `The provisioned throughput for the table will not change. The requested value equals the current value. Current ReadCapacityUnits provisioned for the table: ${t.read}. Requested ReadCapacityUnits: ${r}. Current WriteCapacityUnits provisioned for the table: ${t.write}. Requested WriteCapacityUnits: ${w}. Refer to the Amazon DynamoDB Developer Guide for current limits and how to request higher limits.`,
    );
  }
  if (r > t.read || w > t.write) t.lastIncreaseAt = now;
  if (r < t.read || w < t.write) {
    t.lastDecreaseAt = now;
    t.decreasesToday++;
  }
  t.read = r;
  t.write = w;
  return true;
}

/** GlobalSecondaryIndexUpdates: creates (with backfill), deletes and throughput updates of GSIs. */
async function updateIndexes(store: Store, tx: Tx, t: TableMeta, input: UpdateTableInput, activeAt: number): Promise<boolean> {
  const updates = input.GlobalSecondaryIndexUpdates ?? [];
  const added = (input.AttributeDefinitions ?? []).filter((d) => !t.attributeDefinitions.some((x) => x.AttributeName === d.AttributeName));
  const defs = attributeDefs({ AttributeDefinitions: [...t.attributeDefinitions, ...added] });
  for (const d of input.AttributeDefinitions ?? []) {
    const existing = t.attributeDefinitions.find((x) => x.AttributeName === d.AttributeName);
    if (existing && existing.AttributeType !== d.AttributeType) {
      throw invalidParam(`Cannot change the type of an attribute in AttributeDefinitions: ${d.AttributeName}`);
    }
  }
  if (updates.length > 1 && updates.filter((u) => u.Create || u.Delete).length > 1) {
    throw new LimitExceededException('Subscriber limit exceeded: Only 1 online index can be created or deleted simultaneously per table');
  }
  let changed = false;
  for (const u of updates) {
    if (u.Create) {
      const spec = u.Create;
      if (t.gsis.some((g) => g.name === spec.IndexName) || t.lsis.some((g) => g.name === spec.IndexName)) {
        throw invalidParam(`Table already has an index with name: ${spec.IndexName}`);
      }
      if (t.gsis.length >= MAX_GSIS) throw new LimitExceededException(`Subscriber limit exceeded: GlobalSecondaryIndex count exceeds the per-table limit of ${MAX_GSIS}`);
      const ix = buildIndex('GSI', spec, defs, t, activeAt);
      for (const k of keyAttrsOf(ix)) {
        if (!t.attributeDefinitions.some((d) => d.AttributeName === k.name)) t.attributeDefinitions.push({ AttributeName: k.name, AttributeType: k.type });
      }
      t.gsis.push(ix);
      await store.backfill(tx, t, ix);
    } else if (u.Delete) {
      const indexName = u.Delete.IndexName;
      const i = t.gsis.findIndex((g) => g.name === indexName);
      if (i < 0) throw new ResourceNotFoundException(`Requested resource not found: Index: ${indexName} not found`);
      t.gsis.splice(i, 1);
      await store.dropIndex(tx, t, indexName);
    } else if (u.Update) {
      const spec = u.Update;
      const g = t.gsis.find((x) => x.name === spec.IndexName);
      if (!g) throw new ResourceNotFoundException(`Requested resource not found: Index: ${spec.IndexName} not found`);
      if (spec.ProvisionedThroughput) {
        if (t.billingMode === 'PAY_PER_REQUEST') {
          throw invalidParam(`ProvisionedThroughput should not be specified for index: ${g.name} when BillingMode is PAY_PER_REQUEST`);
        }
        g.read = spec.ProvisionedThroughput.ReadCapacityUnits;
        g.write = spec.ProvisionedThroughput.WriteCapacityUnits;
      }
    } else continue;
    changed = true;
  }
  // Drop attribute definitions no key uses any more.
  const used = new Set<string>([t.hash.name, ...(t.range ? [t.range.name] : [])]);
  for (const ix of [...t.lsis, ...t.gsis]) for (const k of keyAttrsOf(ix)) used.add(k.name);
  t.attributeDefinitions = t.attributeDefinitions.filter((d) => used.has(d.AttributeName));
  return changed;
}
