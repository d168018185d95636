/**
 * The DynamoDB provider: one method per operation of the model.
 */
import { createHash, randomUUID } from 'node:crypto';
import { AwsError } from '../../aws/errors.js';
import { SerializedJson } from '../../aws/serialized-json.js';
import type { RequestContext } from '../../core/context.js';
import type { Platform } from '../service.js';
import type { Queryable, Tx } from '../../storage/db.js';
import { addIndex, consumedCapacity, newConsumed, readUnits, Throttle, writeUnits, type Consumed } from './capacity.js';
import { applyUpdate, Binder, evalCondition, project, type BAction, type BCondition, type Path } from './expressions/bind.js';
import { attributeUpdates, expectedCondition, filterCondition } from './legacy.js';
import { equalities, parseStatement, type Statement } from './partiql.js';
import { checkIndexAttrs, indexKey, itemKey, keyParam, projectedNames, projectItem, Store, hashKey, HASH_RANGE, needsOld, expiryOf, type EncodedKey } from './store.js';
import type { TimerHandle } from '../../core/clock.js';
import {
  attributeDefs,
  buildIndex,
  buildTable,
  describeTable,
  MAX_GSIS,
  notFound,
  tableArn,
  tableNameOf,
  tableNotFound,
  tableStatus,
  activeStream,
  checkStreamSpec,
  unsupportedTableParams,
  type IndexMeta,
  type TableMeta,
} from './tables.js';
import {
  checkItem,
  checkValue,
  encodeKey,
  invalidParam,
  itemSize,
  MAX_ITEM_SIZE,
  validation,
  valuesEqual,
  type AttributeValue,
  type Item,
} from './values.js';

const PAGE_BYTES = 1024 * 1024;
const TOKEN_TTL_MS = 10 * 60 * 1000;
const MAX_TABLES = 2500;

function conditionalFailed(item?: Item): AwsError {
  return new AwsError('ConditionalCheckFailedException', 'The conditional request failed', 400, item ? { fields: { Item: item } } : {});
}

function sizeExceeded(): AwsError {
  return validation('Item size has exceeded the maximum allowed size');
}

function bothKinds(nonExpr: string[], expr: string[]): AwsError {
  return validation(
    `Can not use both expression and non-expression parameters in the same request: Non-expression parameters: {${nonExpr.join(', ')}} Expression parameters: {${expr.join(', ')}}`,
  );
}

/** Checks the mix of expression and legacy parameters, as DynamoDB does, before anything else. */
function checkParamKinds(input: any, exprNames: string[], legacyNames: string[]): void {
  const expr = exprNames.filter((n) => input[n] !== undefined);
  const legacy = legacyNames.filter((n) => input[n] !== undefined);
  if (expr.length && legacy.length) throw bothKinds(legacy, expr);
  if (input.ExpressionAttributeNames !== undefined && !expr.length) {
    throw validation('ExpressionAttributeNames can only be specified when using expressions');
  }
  const valueExprs = exprNames.filter((n) => n !== 'ProjectionExpression');
  if (input.ExpressionAttributeValues !== undefined && valueExprs.length === 0 && !expr.length) {
    throw validation('ExpressionAttributeValues can only be specified when using expressions');
  }
  if (input.ExpressionAttributeValues !== undefined && valueExprs.length > 0 && valueExprs.every((n) => input[n] === undefined)) {
    throw validation(`ExpressionAttributeValues can only be specified when using expressions: ${valueExprs.join(' and ')} ${valueExprs.length > 1 ? 'are' : 'is'} null`);
  }
}

interface Bound {
  condition?: BCondition;
  projection?: Path[];
  update?: BAction[];
  filter?: BCondition;
  keyCondition?: BCondition;
}

/** Parses and binds every expression of a request (cached parse, per-request bind). */
function bindExpressions(input: any): Bound {
  const out: Bound = {};
  const hasExpr =
    input.ConditionExpression !== undefined ||
    input.ProjectionExpression !== undefined ||
    input.UpdateExpression !== undefined ||
    input.FilterExpression !== undefined ||
    input.KeyConditionExpression !== undefined;
  if (!hasExpr && input.ExpressionAttributeNames === undefined && input.ExpressionAttributeValues === undefined) return out;
  const b = new Binder(input.ExpressionAttributeNames, input.ExpressionAttributeValues);
  if (input.UpdateExpression !== undefined) out.update = b.update(input.UpdateExpression);
  if (input.ConditionExpression !== undefined) out.condition = b.condition('ConditionExpression', input.ConditionExpression);
  if (input.KeyConditionExpression !== undefined) out.keyCondition = b.condition('KeyConditionExpression', input.KeyConditionExpression);
  if (input.FilterExpression !== undefined) out.filter = b.condition('FilterExpression', input.FilterExpression);
  if (input.ProjectionExpression !== undefined) out.projection = b.projection(input.ProjectionExpression);
  b.finish();
  return out;
}

function attributesToGet(list: string[] | undefined): Path[] | undefined {
  if (!list) return undefined;
  if (new Set(list).size !== list.length) throw invalidParam(`Duplicate value in attribute name: ${list.find((x, i) => list.indexOf(x) !== i)}`);
  return list.map((n) => [n]);
}

function parseItem(json: string): Item {
  return JSON.parse(json) as Item;
}

function keyOfItem(t: TableMeta, item: Item): Item {
  const k: Item = { [t.hash.name]: item[t.hash.name]! };
  if (t.range) k[t.range.name] = item[t.range.name]!;
  return k;
}

/** The item collection metrics DynamoDB returns for tables with local secondary indexes. */
function collectionMetrics(t: TableMeta, mode: string | undefined, item: Item | undefined): Record<string, unknown> | undefined {
  if (mode !== 'SIZE' || !t.lsis.length || !item) return undefined;
  return { ItemCollectionKey: { [t.hash.name]: item[t.hash.name] }, SizeEstimateRangeGB: [0, 1] };
}

interface WritePlan {
  t: TableMeta;
  key: EncodedKey;
  keyItem: Item;
  kind: 'put' | 'delete' | 'update' | 'check';
  item?: Item;
  actions?: BAction[];
  condition?: BCondition;
  returnOnFail?: string;
}

export class DynamoDbProvider {
  readonly store: Store;
  private readonly throttle: Throttle;
  private readonly activationMs: number;
  private readonly sweepMs: number;

  constructor(private readonly platform: Platform) {
    this.store = new Store(platform.db, platform.clock);
    const opts = platform.config.services?.dynamodb ?? {};
    this.throttle = new Throttle(platform.clock, opts.throttling !== false);
    this.activationMs = typeof opts.tableActivationMs === 'number' ? opts.tableActivationMs : 0;
    this.sweepMs = typeof opts.ttlSweepMs === 'number' ? opts.ttlSweepMs : 1000;
  }

  async init(): Promise<void> {
    await this.store.init();
    this.scheduleSweep(this.sweepMs);
  }

  // ----------------------------------------------------------------------------------------------
  // Time to live: a sweeper on the platform clock deletes expired items (with a stream record
  // naming DynamoDB as the actor), as AWS's background process does.

  private sweepTimer: TimerHandle | undefined;
  private sweeping: Promise<void> | undefined;
  private closed = false;

  private scheduleSweep(ms: number): void {
    if (this.closed) return;
    this.sweepTimer?.cancel();
    this.sweepTimer = this.platform.clock.setTimer(ms, () => {
      this.sweeping = this.sweep()
        .catch((e) => this.platform.log({ service: 'dynamodb', event: 'ttl-sweep-failed', error: String(e) }))
        .then((more) => {
          this.sweeping = undefined;
          this.scheduleSweep(more === true ? 0 : this.sweepMs);
        });
    });
  }

  /** Deletes due items; true when there may be more due right away. */
  async sweep(): Promise<boolean> {
    let more = false;
    for (const t of await this.store.ttlTables()) {
      const now = this.now();
      const due = await this.store.dueTtl(t, now, 200);
      if (due.length === 200) more = true;
      if (!due.length) continue;
      await this.platform.db.tx(async (tx) => {
        const current = await this.store.table(t.account, t.region, t.name, tx);
        if (!current?.ttl?.enabled || current.id !== t.id) return;
        for (const key of due) {
          const row = await this.store.getRow(tx, current, key);
          if (!row) {
            await tx.run('DELETE FROM ddb_ttl WHERE tid = ? AND pk = ? AND sk = ?', [current.id, key.pk, key.sk]);
            continue;
          }
          const item = parseItem(row.item);
          const exp = expiryOf(current, item, now);
          if (exp !== undefined && exp * 1000 <= now) await this.store.delete(tx, current, key, item, true);
        }
      });
    }
    return more;
  }

  async close(): Promise<void> {
    this.closed = true;
    this.sweepTimer?.cancel();
    await this.sweeping;
  }

  async UpdateTimeToLive(ctx: RequestContext, input: any): Promise<any> {
    const spec = input.TimeToLiveSpecification;
    const name = tableNameOf(input.TableName);
    await this.platform.db
      .tx(async (tx) => {
        this.store.invalidate({ account: ctx.accountId, region: ctx.region, name });
        const cur = await this.store.table(ctx.accountId, ctx.region, name, tx);
        if (!cur) throw notFound();
        const t: TableMeta = structuredClone(cur);
        if (spec.Enabled) {
          if (t.ttl?.enabled) throw validation('TimeToLive is already enabled');
          t.ttl = { attribute: spec.AttributeName, enabled: true };
        } else {
          if (!t.ttl?.enabled) throw validation('TimeToLive is already disabled');
          if (t.ttl.attribute !== spec.AttributeName) {
            throw validation(`TimeToLive is active on a different AttributeName: current AttributeName is ${t.ttl.attribute}`);
          }
          t.ttl = { attribute: spec.AttributeName, enabled: false };
        }
        await this.store.saveTable(tx, t);
        await this.store.rebuildTtl(tx, t);
      })
      .catch((e) => {
        this.store.invalidate({ account: ctx.accountId, region: ctx.region, name });
        throw e;
      });
    return { TimeToLiveSpecification: { Enabled: spec.Enabled, AttributeName: spec.AttributeName } };
  }

  async DescribeTimeToLive(ctx: RequestContext, input: any): Promise<any> {
    const t = await this.tableOrThrow(ctx, input.TableName);
    if (!t.ttl?.enabled) return { TimeToLiveDescription: { TimeToLiveStatus: 'DISABLED' } };
    return { TimeToLiveDescription: { TimeToLiveStatus: 'ENABLED', AttributeName: t.ttl.attribute } };
  }

  private now(): number {
    return this.platform.clock.now();
  }

  // ----------------------------------------------------------------------------------------------
  // Tables

  private async tableOrThrow(ctx: RequestContext, nameOrArn: string, forItems = true): Promise<TableMeta> {
    const name = tableNameOf(nameOrArn);
    const t = await this.store.table(ctx.accountId, ctx.region, name);
    if (!t) throw forItems ? notFound() : tableNotFound(name);
    if (forItems && this.now() < t.activeAt) throw notFound();
    return t;
  }

  async CreateTable(ctx: RequestContext, input: any): Promise<any> {
    const now = this.now();
    const name = String(input.TableName);
    if (name.length < 3 || name.length > 255 || !/^[a-zA-Z0-9_.-]+$/.test(name)) {
      const issues: string[] = [];
      if (name.length < 3) issues.push(`Value '${name}' at 'tableName' failed to satisfy constraint: Member must have length greater than or equal to 3`);
      if (name.length > 255) issues.push(`Value '${name}' at 'tableName' failed to satisfy constraint: Member must have length less than or equal to 255`);
      if (!/^[a-zA-Z0-9_.-]+$/.test(name)) issues.push(`Value '${name}' at 'tableName' failed to satisfy constraint: Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+`);
      throw validation(`${issues.length} validation error${issues.length > 1 ? 's' : ''} detected: ${issues.join('; ')}`);
    }
    const meta = buildTable(input, {
      account: ctx.accountId,
      region: ctx.region,
      now,
      tableId: randomUUID(),
      activeAt: now + this.activationMs,
    });
    const t = await this.platform.db.tx(async (tx) => {
      const exists = await tx.get('SELECT 1 AS x FROM ddb_tables WHERE account = ? AND region = ? AND name = ?', [ctx.accountId, ctx.region, meta.name]);
      if (exists) throw new AwsError('ResourceInUseException', `Table already exists: ${meta.name}`, 400);
      if ((await this.store.countTables(tx, ctx.accountId, ctx.region)) >= MAX_TABLES) {
        throw new AwsError('LimitExceededException', `Subscriber limit exceeded: Too many tables. Limit: ${MAX_TABLES}`, 400);
      }
      const full: TableMeta = { ...meta, id: await this.store.nextId(tx) };
      await this.store.insertTable(tx, full);
      return full;
    });
    return { TableDescription: describeTable(t, now, undefined, 'CREATING') };
  }

  async DescribeTable(ctx: RequestContext, input: any): Promise<any> {
    const t = await this.tableOrThrow(ctx, input.TableName, false);
    return { Table: describeTable(t, this.now(), await this.store.stats(t, this.now())) };
  }

  async ListTables(ctx: RequestContext, input: any): Promise<any> {
    const names = await this.store.listTables(ctx.accountId, ctx.region);
    const limit = input.Limit ?? 100;
    let start = 0;
    if (input.ExclusiveStartTableName !== undefined) {
      start = names.findIndex((n) => n > input.ExclusiveStartTableName);
      if (start < 0) start = names.length;
    }
    const page = names.slice(start, start + limit);
    const out: any = { TableNames: page };
    if (start + limit < names.length) out.LastEvaluatedTableName = page[page.length - 1];
    return out;
  }

  async DeleteTable(ctx: RequestContext, input: any): Promise<any> {
    const name = tableNameOf(input.TableName);
    const now = this.now();
    const t = await this.platform.db.tx(async (tx) => {
      this.store.invalidate({ account: ctx.accountId, region: ctx.region, name });
      const t = await this.store.table(ctx.accountId, ctx.region, name, tx);
      if (!t) throw tableNotFound(name);
      if (t.deletionProtection) {
        throw validation('Resource cannot be deleted as it is currently protected against deletion. Disable deletion protection first.');
      }
      if (now < t.activeAt) throw new AwsError('ResourceInUseException', `Attempt to change a resource which is still in use: Table is being created: ${name}`, 400);
      await this.store.deleteTable(tx, t);
      return t;
    });
    this.throttle.forget(`${t.id}:`);
    return { TableDescription: describeTable(t, now, undefined, 'DELETING') };
  }

  async UpdateTable(ctx: RequestContext, input: any): Promise<any> {
    const name = tableNameOf(input.TableName);
    const now = this.now();
    const t = await this.platform.db.tx(async (tx) => {
      this.store.invalidate({ account: ctx.accountId, region: ctx.region, name });
      const cur = await this.store.table(ctx.accountId, ctx.region, name, tx);
      if (!cur) throw tableNotFound(name);
      const t: TableMeta = structuredClone(cur);
      let changed = false;
      if (input.StreamSpecification) {
        const spec = input.StreamSpecification;
        const current = activeStream(t);
        if (spec.StreamEnabled && current) {
          throw validation(`Table already has an enabled stream: TableName: ${t.name}`);
        }
        if (!spec.StreamEnabled && !current) {
          throw validation(`Table already has no enabled stream: TableName: ${t.name}`);
        }
        const next = checkStreamSpec(spec, now, randomUUID());
        t.streams ??= [];
        if (next) t.streams.push(next);
        else current!.disabledAt = now;
        changed = true;
      }
      if (input.ReplicaUpdates) throw validation('Stratus does not support global table replicas: ReplicaUpdates is not supported');
      unsupportedTableParams(input);
      if (input.OnDemandThroughput !== undefined) {
        t.onDemand = input.OnDemandThroughput;
        changed = true;
      }
      if (input.WarmThroughput !== undefined) {
        t.warm = input.WarmThroughput;
        changed = true;
      }
      if (tableStatus(t, now) !== 'ACTIVE' && (input.ProvisionedThroughput || input.GlobalSecondaryIndexUpdates || input.BillingMode)) {
        throw new AwsError('ResourceInUseException', `Attempt to change a resource which is still in use: Table is being updated: ${name}`, 400);
      }
      if (input.BillingMode !== undefined && input.BillingMode !== t.billingMode) {
        t.billingMode = input.BillingMode;
        t.billingModeExplicit = true;
        changed = true;
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
      } else if (input.BillingMode !== undefined) {
        t.billingModeExplicit = true;
      }
      if (input.ProvisionedThroughput) {
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
        changed = true;
      }
      if (input.TableClass !== undefined) {
        t.tableClass = input.TableClass;
        changed = true;
      }
      if (input.DeletionProtectionEnabled !== undefined) {
        t.deletionProtection = input.DeletionProtectionEnabled;
        changed = true;
      }
      if (input.SSESpecification !== undefined) {
        t.sse = input.SSESpecification;
        changed = true;
      }
      if (input.GlobalSecondaryIndexUpdates) {
        const defs = attributeDefs({ AttributeDefinitions: [...t.attributeDefinitions, ...(input.AttributeDefinitions ?? []).filter((d: any) => !t.attributeDefinitions.some((x) => x.AttributeName === d.AttributeName))] });
        for (const d of input.AttributeDefinitions ?? []) {
          const existing = t.attributeDefinitions.find((x) => x.AttributeName === d.AttributeName);
          if (existing && existing.AttributeType !== d.AttributeType) {
            throw invalidParam(`Cannot change the type of an attribute in AttributeDefinitions: ${d.AttributeName}`);
          }
        }
        if (input.GlobalSecondaryIndexUpdates.length > 1 && input.GlobalSecondaryIndexUpdates.filter((u: any) => u.Create || u.Delete).length > 1) {
          throw new AwsError('LimitExceededException', 'Subscriber limit exceeded: Only 1 online index can be created or deleted simultaneously per table', 400);
        }
        for (const u of input.GlobalSecondaryIndexUpdates) {
          if (u.Create) {
            if (t.gsis.some((g) => g.name === u.Create.IndexName) || t.lsis.some((g) => g.name === u.Create.IndexName)) {
              throw invalidParam(`Table already has an index with name: ${u.Create.IndexName}`);
            }
            if (t.gsis.length >= MAX_GSIS) throw new AwsError('LimitExceededException', `Subscriber limit exceeded: GlobalSecondaryIndex count exceeds the per-table limit of ${MAX_GSIS}`, 400);
            const ix = buildIndex('GSI', u.Create, defs, t, now + this.activationMs);
            for (const k of ix.range ? [ix.hash, ix.range] : [ix.hash]) {
              if (!t.attributeDefinitions.some((d) => d.AttributeName === k.name)) t.attributeDefinitions.push({ AttributeName: k.name, AttributeType: k.type });
            }
            t.gsis.push(ix);
            await this.store.backfill(tx, t, ix);
            changed = true;
          } else if (u.Delete) {
            const i = t.gsis.findIndex((g) => g.name === u.Delete.IndexName);
            if (i < 0) throw new AwsError('ResourceNotFoundException', `Requested resource not found: Index: ${u.Delete.IndexName} not found`, 400);
            t.gsis.splice(i, 1);
            await this.store.dropIndex(tx, t, u.Delete.IndexName);
            changed = true;
          } else if (u.Update) {
            const g = t.gsis.find((x) => x.name === u.Update.IndexName);
            if (!g) throw new AwsError('ResourceNotFoundException', `Requested resource not found: Index: ${u.Update.IndexName} not found`, 400);
            if (u.Update.ProvisionedThroughput) {
              if (t.billingMode === 'PAY_PER_REQUEST') {
                throw invalidParam(`ProvisionedThroughput should not be specified for index: ${g.name} when BillingMode is PAY_PER_REQUEST`);
              }
              g.read = u.Update.ProvisionedThroughput.ReadCapacityUnits;
              g.write = u.Update.ProvisionedThroughput.WriteCapacityUnits;
            }
            changed = true;
          }
        }
        // Drop attribute definitions no key uses any more.
        const used = new Set<string>([t.hash.name, ...(t.range ? [t.range.name] : [])]);
        for (const ix of [...t.lsis, ...t.gsis]) {
          used.add(ix.hash.name);
          if (ix.range) used.add(ix.range.name);
        }
        t.attributeDefinitions = t.attributeDefinitions.filter((d) => used.has(d.AttributeName));
      }
      if (!changed) {
        throw validation(
          'At least one of ProvisionedThroughput, BillingMode, UpdateStreamEnabled, GlobalSecondaryIndexUpdates or SSESpecification or ReplicaUpdates is required',
        );
      }
      if (t.billingMode === 'PROVISIONED' && (t.read === 0 || t.write === 0)) {
        throw validation('One or more parameter values were invalid: ProvisionedThroughput must be specified when BillingMode is PROVISIONED');
      }
      await this.store.saveTable(tx, t);
      return t;
    }).catch((e) => {
      this.store.invalidate({ account: ctx.accountId, region: ctx.region, name });
      throw e;
    });
    return { TableDescription: describeTable(t, now, await this.store.stats(t, this.now())) };
  }

  async DescribeLimits(): Promise<any> {
    return {
      AccountMaxReadCapacityUnits: 80000,
      AccountMaxWriteCapacityUnits: 80000,
      TableMaxReadCapacityUnits: 40000,
      TableMaxWriteCapacityUnits: 40000,
    };
  }

  async DescribeEndpoints(): Promise<any> {
    const address = this.platform.endpoint().replace(/^https?:\/\//, '');
    return { Endpoints: [{ Address: address, CachePeriodInMinutes: 1440 }] };
  }

  private async tableByArn(ctx: RequestContext, arn: string): Promise<TableMeta> {
    const m = /^arn:[^:]+:dynamodb:([^:]*):([^:]*):table\/([^/]+)$/.exec(arn);
    if (!m) throw validation(`Invalid TableArn: Invalid ResourceArn provided as input ${arn}`);
    const t = m[1] === ctx.region && m[2] === ctx.accountId ? await this.store.table(ctx.accountId, ctx.region, m[3]!) : undefined;
    if (!t) throw new AwsError('ResourceNotFoundException', `Requested resource not found: ResourcArn: ${arn} not found`, 400);
    return t;
  }

  async TagResource(ctx: RequestContext, input: any): Promise<any> {
    const name = (await this.tableByArn(ctx, input.ResourceArn)).name;
    await this.mutateTable(ctx, name, (t) => {
      for (const tag of input.Tags) t.tags[tag.Key] = tag.Value;
      if (Object.keys(t.tags).length > 50) throw new AwsError('LimitExceededException', 'Subscriber limit exceeded: The number of tags exceeds the limit of 50', 400);
    });
    return {};
  }

  async UntagResource(ctx: RequestContext, input: any): Promise<any> {
    const name = (await this.tableByArn(ctx, input.ResourceArn)).name;
    await this.mutateTable(ctx, name, (t) => {
      for (const k of input.TagKeys) delete t.tags[k];
    });
    return {};
  }

  async ListTagsOfResource(ctx: RequestContext, input: any): Promise<any> {
    const t = await this.tableByArn(ctx, input.ResourceArn);
    return { Tags: Object.entries(t.tags).map(([Key, Value]) => ({ Key, Value })) };
  }

  private async mutateTable(ctx: RequestContext, name: string, fn: (t: TableMeta) => void): Promise<TableMeta> {
    return this.platform.db
      .tx(async (tx) => {
        this.store.invalidate({ account: ctx.accountId, region: ctx.region, name });
        const cur = await this.store.table(ctx.accountId, ctx.region, name, tx);
        if (!cur) throw tableNotFound(name);
        const t = structuredClone(cur);
        fn(t);
        await this.store.saveTable(tx, t);
        return t;
      })
      .catch((e) => {
        this.store.invalidate({ account: ctx.accountId, region: ctx.region, name });
        throw e;
      });
  }

  // ----------------------------------------------------------------------------------------------
  // Capacity helpers

  private checkRead(t: TableMeta, ix?: IndexMeta): void {
    if (t.billingMode !== 'PROVISIONED') return;
    if (ix?.kind === 'GSI') this.throttle.check(`${t.id}:r:${ix.name}`, ix.read);
    else this.throttle.check(`${t.id}:r`, t.read);
  }
  private chargeRead(t: TableMeta, units: number, ix?: IndexMeta): void {
    if (t.billingMode !== 'PROVISIONED') return;
    if (ix?.kind === 'GSI') this.throttle.consume(`${t.id}:r:${ix.name}`, ix.read, units);
    else this.throttle.consume(`${t.id}:r`, t.read, units);
  }
  private checkWrite(t: TableMeta): void {
    if (t.billingMode !== 'PROVISIONED') return;
    this.throttle.check(`${t.id}:w`, t.write);
    for (const g of t.gsis) this.throttle.check(`${t.id}:w:${g.name}`, g.write);
  }
  private chargeWrite(t: TableMeta, c: Consumed): void {
    if (t.billingMode !== 'PROVISIONED') return;
    this.throttle.consume(`${t.id}:w`, t.write, c.table);
    for (const g of t.gsis) {
      const u = c.gsis.get(g.name);
      if (u) this.throttle.consume(`${t.id}:w:${g.name}`, g.write, u);
    }
  }

  /** Write units for a change of one item from `old` to `item`, table and indexes. */
  private writeCost(t: TableMeta, old: Item | undefined, oldSize: number, item: Item | undefined, newSize: number, c: Consumed, transactional = false): void {
    c.table += writeUnits(Math.max(oldSize, newSize), transactional);
    for (const ix of t.lsis.length ? [...t.lsis, ...t.gsis] : t.gsis) {
      const before = old && indexKey(ix, old);
      const after = item && indexKey(ix, item);
      if (!before && !after) continue;
      const names = projectedNames(t, ix);
      const sz = (x: Item | undefined) => (x ? itemSize(projectItem(x, names)) : 0);
      let units = 0;
      if (before && after && before.ipk.equals(after.ipk) && before.isk.equals(after.isk)) units = writeUnits(Math.max(sz(old), sz(item)), transactional);
      else {
        if (before) units += writeUnits(sz(old), transactional);
        if (after) units += writeUnits(sz(item), transactional);
      }
      addIndex(c, ix.kind, ix.name, units);
    }
  }

  // ----------------------------------------------------------------------------------------------
  // Items

  async PutItem(ctx: RequestContext, input: any): Promise<any> {
    checkParamKinds(input, ['ConditionExpression'], ['Expected', 'ConditionalOperator']);
    const rv = input.ReturnValues ?? 'NONE';
    if (rv !== 'NONE' && rv !== 'ALL_OLD') throw validation('ReturnValues can only be ALL_OLD or NONE');
    const bound = bindExpressions(input);
    const condition = bound.condition ?? (input.Expected ? expectedCondition(input.Expected, input.ConditionalOperator) : undefined);
    const t = await this.tableOrThrow(ctx, input.TableName);
    return this.putCore(t, input.Item, condition, input);
  }

  /** PutItem once its expressions are bound (shared with PartiQL INSERT). */
  async putCore(t: TableMeta, rawItem: unknown, condition: BCondition | undefined, input: any): Promise<any> {
    const rv = input.ReturnValues ?? 'NONE';
    const item = checkItem(rawItem);
    const key = itemKey(t, item);
    checkIndexAttrs(t, item);
    const size = itemSize(item);
    if (size > MAX_ITEM_SIZE) throw sizeExceeded();
    const json = JSON.stringify(item);
    this.checkWrite(t);
    const c = newConsumed();
    // The old item is read only when something needs it: a condition, ALL_OLD, indexes, a stream,
    // or its size (capacity reporting and provisioned throughput).
    const needRow =
      condition !== undefined ||
      rv === 'ALL_OLD' ||
      needsOld(t) ||
      t.billingMode === 'PROVISIONED' ||
      (input.ReturnConsumedCapacity !== undefined && input.ReturnConsumedCapacity !== 'NONE');
    const old = await this.platform.db.tx(async (tx) => {
      const row = needRow ? await this.store.getRow(tx, t, key) : undefined;
      const old = row && (condition || rv === 'ALL_OLD' || needsOld(t)) ? parseItem(row.item) : undefined;
      requireCondition(condition, old, input);
      await this.store.put(tx, t, key, item, json, size, old);
      this.writeCost(t, old, row?.size ?? 0, item, size, c);
      return old;
    });
    this.chargeWrite(t, c);
    const out: any = {};
    if (rv === 'ALL_OLD' && old) out.Attributes = old;
    const cc = consumedCapacity(t.name, c, input.ReturnConsumedCapacity, 'write');
    if (cc) out.ConsumedCapacity = cc;
    const icm = collectionMetrics(t, input.ReturnItemCollectionMetrics, item);
    if (icm) out.ItemCollectionMetrics = icm;
    return out;
  }

  async GetItem(ctx: RequestContext, input: any): Promise<any> {
    checkParamKinds(input, ['ProjectionExpression'], ['AttributesToGet']);
    const bound = bindExpressions(input);
    const projection = bound.projection ?? attributesToGet(input.AttributesToGet);
    const t = await this.tableOrThrow(ctx, input.TableName);
    const key = keyParam(t, checkItem(input.Key));
    this.checkRead(t);
    const row = await this.store.getRow(this.platform.db, t, key);
    const units = readUnits(row?.size ?? 0, !!input.ConsistentRead);
    this.chargeRead(t, units);
    let cc: unknown;
    if (input.ReturnConsumedCapacity === 'TOTAL' || input.ReturnConsumedCapacity === 'INDEXES') {
      const c = newConsumed();
      c.table = units;
      cc = consumedCapacity(t.name, c, input.ReturnConsumedCapacity, 'read');
    }
    if (ctx.jsonWire && !projection) {
      // The stored JSON is the item's wire form already.
      const fields = row ? [`"Item":${row.item}`] : [];
      if (cc) fields.push(`"ConsumedCapacity":${JSON.stringify(cc)}`);
      return new SerializedJson(`{${fields.join(',')}}`);
    }
    const out: any = {};
    if (row) {
      const item = parseItem(row.item);
      out.Item = projection ? project(item, projection) : item;
    }
    if (cc) out.ConsumedCapacity = cc;
    return out;
  }

  async DeleteItem(ctx: RequestContext, input: any): Promise<any> {
    checkParamKinds(input, ['ConditionExpression'], ['Expected', 'ConditionalOperator']);
    const rv = input.ReturnValues ?? 'NONE';
    if (rv !== 'NONE' && rv !== 'ALL_OLD') throw validation('ReturnValues can only be ALL_OLD or NONE');
    const bound = bindExpressions(input);
    const condition = bound.condition ?? (input.Expected ? expectedCondition(input.Expected, input.ConditionalOperator) : undefined);
    const t = await this.tableOrThrow(ctx, input.TableName);
    return this.deleteCore(t, checkItem(input.Key), condition, input);
  }

  /** DeleteItem once its expressions are bound (shared with PartiQL DELETE). */
  async deleteCore(t: TableMeta, keyItem: Item, condition: BCondition | undefined, input: any): Promise<any> {
    const rv = input.ReturnValues ?? 'NONE';
    const key = keyParam(t, keyItem);
    this.checkWrite(t);
    const c = newConsumed();
    const old = await this.platform.db.tx(async (tx) => {
      const row = await this.store.getRow(tx, t, key);
      const old = row ? parseItem(row.item) : undefined;
      requireCondition(condition, old, input);
      if (row) await this.store.delete(tx, t, key, old);
      this.writeCost(t, old, row?.size ?? 0, undefined, 0, c);
      return old;
    });
    this.chargeWrite(t, c);
    const out: any = {};
    if (rv === 'ALL_OLD' && old) out.Attributes = old;
    const cc = consumedCapacity(t.name, c, input.ReturnConsumedCapacity, 'write');
    if (cc) out.ConsumedCapacity = cc;
    const icm = collectionMetrics(t, input.ReturnItemCollectionMetrics, old ?? keyItem);
    if (icm) out.ItemCollectionMetrics = icm;
    return out;
  }

  private updateActions(t: TableMeta, input: any, bound: Bound): BAction[] {
    const actions = bound.update ?? (input.AttributeUpdates ? attributeUpdates(input.AttributeUpdates) : []);
    for (const a of actions) {
      const head = a.p[0] as string;
      if (head === t.hash.name || head === t.range?.name) {
        throw invalidParam(`Cannot update attribute ${head}. This attribute is part of the key`);
      }
    }
    return actions;
  }

  async UpdateItem(ctx: RequestContext, input: any): Promise<any> {
    checkParamKinds(input, ['UpdateExpression', 'ConditionExpression'], ['AttributeUpdates', 'Expected', 'ConditionalOperator']);
    const rv = input.ReturnValues ?? 'NONE';
    const bound = bindExpressions(input);
    const condition = bound.condition ?? (input.Expected ? expectedCondition(input.Expected, input.ConditionalOperator) : undefined);
    const t = await this.tableOrThrow(ctx, input.TableName);
    const keyItem = checkItem(input.Key);
    keyParam(t, keyItem);
    return this.updateCore(t, keyItem, this.updateActions(t, input, bound), condition, input);
  }

  /** UpdateItem once its expressions are bound (shared with PartiQL UPDATE). */
  async updateCore(t: TableMeta, keyItem: Item, actions: BAction[], condition: BCondition | undefined, input: any): Promise<any> {
    const rv = input.ReturnValues ?? 'NONE';
    const key = keyParam(t, keyItem);
    this.checkWrite(t);
    const c = newConsumed();
    const result = await this.platform.db.tx(async (tx) => {
      const row = await this.store.getRow(tx, t, key);
      const old = row ? parseItem(row.item) : undefined;
      requireCondition(condition, old, input);
      // Like AWS, an update creates the item when it does not exist (even one that only removes).
      const item = applyUpdate(old ?? keyItem, actions, old);
      checkIndexAttrs(t, item, true);
      const size = itemSize(item);
      if (size > MAX_ITEM_SIZE) throw validation('Item size to update has exceeded the maximum allowed size');
      await this.store.put(tx, t, key, item, JSON.stringify(item), size, old);
      this.writeCost(t, old, row?.size ?? 0, item, size, c);
      return { old, item };
    });
    this.chargeWrite(t, c);
    const out: any = {};
    const { old, item } = result;
    const paths = actions.map((a) => a.p);
    switch (rv) {
      case 'ALL_OLD':
        if (old) out.Attributes = old;
        break;
      case 'ALL_NEW':
        if (item) out.Attributes = item;
        break;
      case 'UPDATED_OLD':
        if (old) {
          const p = project(old, paths);
          if (Object.keys(p).length) out.Attributes = p;
        }
        break;
      case 'UPDATED_NEW':
        if (item) {
          const p = project(item, paths);
          if (Object.keys(p).length) out.Attributes = p;
        }
        break;
    }
    const cc = consumedCapacity(t.name, c, input.ReturnConsumedCapacity, 'write');
    if (cc) out.ConsumedCapacity = cc;
    const icm = collectionMetrics(t, input.ReturnItemCollectionMetrics, item ?? old);
    if (icm) out.ItemCollectionMetrics = icm;
    return out;
  }

  // ----------------------------------------------------------------------------------------------
  // Batches

  async BatchGetItem(ctx: RequestContext, input: any): Promise<any> {
    const requests = input.RequestItems as Record<string, any>;
    let total = 0;
    const plans: { t: TableMeta; name: string; keys: { k: EncodedKey; raw: Item }[]; projection?: Path[]; req: any }[] = [];
    for (const [name, req] of Object.entries(requests)) {
      checkParamKinds(req, ['ProjectionExpression'], ['AttributesToGet']);
      const bound = bindExpressions(req);
      const projection = bound.projection ?? attributesToGet(req.AttributesToGet);
      total += req.Keys.length;
      if (total > 100) throw validation('Too many items requested for the BatchGetItem call');
      const t = await this.tableOrThrow(ctx, name);
      const seen = new Set<string>();
      const keys = (req.Keys as unknown[]).map((raw) => {
        const item = checkItem(raw);
        const k = keyParam(t, item);
        const id = k.pk.toString('hex') + ':' + k.sk.toString('hex');
        if (seen.has(id)) throw validation('Provided list of item keys contains duplicates');
        seen.add(id);
        return { k, raw: item };
      });
      plans.push({ t, name, keys, projection, req });
    }
    const responses: Record<string, Item[]> = {};
    const unprocessed: Record<string, any> = {};
    const consumed: any[] = [];
    let bytes = 0;
    const throttled = new Set<(typeof plans)[number]>();
    let lastThrottle: unknown;
    for (const p of plans) {
      try {
        this.checkRead(p.t);
      } catch (e) {
        throttled.add(p);
        lastThrottle = e;
      }
    }
    if (plans.length > 0 && throttled.size === plans.length) throw lastThrottle;
    for (const p of plans) {
      if (throttled.has(p)) {
        unprocessed[p.name] = p.req;
        continue;
      }
      const items: Item[] = [];
      const c = newConsumed();
      const rest: Item[] = [];
      for (const { k, raw } of p.keys) {
        if (bytes >= 16 * 1024 * 1024) {
          rest.push(raw);
          continue;
        }
        const row = await this.store.getRow(this.platform.db, p.t, k);
        c.table += readUnits(row?.size ?? 0, !!p.req.ConsistentRead);
        if (row) {
          bytes += row.size;
          const item = parseItem(row.item);
          items.push(p.projection ? project(item, p.projection) : item);
        }
      }
      this.chargeRead(p.t, c.table);
      responses[p.name] = items;
      if (rest.length) unprocessed[p.name] = { ...p.req, Keys: rest };
      const cc = consumedCapacity(p.t.name, c, input.ReturnConsumedCapacity, 'read');
      if (cc) consumed.push(cc);
    }
    const out: any = { Responses: responses, UnprocessedKeys: unprocessed };
    if (consumed.length) out.ConsumedCapacity = consumed;
    return out;
  }

  async BatchWriteItem(ctx: RequestContext, input: any): Promise<any> {
    const requests = input.RequestItems as Record<string, any[]>;
    let total = 0;
    type Op = { t: TableMeta; key: EncodedKey; item?: Item; json?: string; size?: number };
    const ops: Op[] = [];
    const tables: TableMeta[] = [];
    const requestKey = new Map<TableMeta, string>();
    for (const [name, list] of Object.entries(requests)) {
      total += list.length;
      if (total > 25) {
        throw validation(
          "1 validation error detected: Value at 'requestItems' failed to satisfy constraint: Map value must satisfy constraint: [Member must have length less than or equal to 25, Member must have length greater than or equal to 1]",
        );
      }
      const t = await this.tableOrThrow(ctx, name);
      tables.push(t);
      requestKey.set(t, name);
      const seen = new Set<string>();
      for (const req of list) {
        const put = req.PutRequest;
        const del = req.DeleteRequest;
        if ((put ? 1 : 0) + (del ? 1 : 0) !== 1) {
          throw validation('Supplied AttributeValue has more than one datatypes set, must contain exactly one of the supported datatypes');
        }
        let op: Op;
        if (put) {
          const item = checkItem(put.Item);
          const key = itemKey(t, item);
          checkIndexAttrs(t, item);
          const size = itemSize(item);
          if (size > MAX_ITEM_SIZE) throw sizeExceeded();
          op = { t, key, item, json: JSON.stringify(item), size };
        } else {
          op = { t, key: keyParam(t, checkItem(del.Key)) };
        }
        const id = op.key.pk.toString('hex') + ':' + op.key.sk.toString('hex');
        if (seen.has(id)) throw validation('Provided list of item keys contains duplicates');
        seen.add(id);
        ops.push(op);
      }
    }
    // A table whose throughput is exhausted gets its requests back in UnprocessedItems; only
    // when every table is throttled does the whole call fail, as in AWS.
    const throttled = new Set<TableMeta>();
    let lastThrottle: unknown;
    for (const t of tables) {
      try {
        this.checkWrite(t);
      } catch (e) {
        throttled.add(t);
        lastThrottle = e;
      }
    }
    if (throttled.size === tables.length && tables.length > 0) throw lastThrottle;
    const consumedByTable = new Map<TableMeta, Consumed>();
    for (const t of tables) if (!throttled.has(t)) consumedByTable.set(t, newConsumed());
    await this.platform.db.tx(async (tx) => {
      for (const op of ops) {
        if (throttled.has(op.t)) continue;
        const c = consumedByTable.get(op.t)!;
        const needOld = needsOld(op.t);
        const row = await this.store.getRow(tx, op.t, op.key);
        const old = row && needOld ? parseItem(row.item) : undefined;
        if (op.item) {
          await this.store.put(tx, op.t, op.key, op.item, op.json!, op.size!, old);
          this.writeCost(op.t, old, row?.size ?? 0, op.item, op.size!, c);
        } else {
          if (row) await this.store.delete(tx, op.t, op.key, old ?? parseItem(row.item));
          this.writeCost(op.t, old, row?.size ?? 0, undefined, 0, c);
        }
      }
    });
    const unprocessed: Record<string, unknown[]> = {};
    for (const t of throttled) unprocessed[requestKey.get(t)!] = requests[requestKey.get(t)!]!;
    const out: any = { UnprocessedItems: unprocessed };
    const consumed: any[] = [];
    for (const [t, c] of consumedByTable) {
      this.chargeWrite(t, c);
      const cc = consumedCapacity(t.name, c, input.ReturnConsumedCapacity, 'write');
      if (cc) consumed.push(cc);
    }
    if (consumed.length) out.ConsumedCapacity = consumed;
    if (input.ReturnItemCollectionMetrics === 'SIZE') {
      const metrics: Record<string, unknown[]> = {};
      for (const op of ops) {
        const m = collectionMetrics(op.t, 'SIZE', op.item);
        if (m) (metrics[op.t.name] ??= []).push(m);
      }
      out.ItemCollectionMetrics = metrics;
    }
    return out;
  }

  // ----------------------------------------------------------------------------------------------
  // Transactions

  async TransactGetItems(ctx: RequestContext, input: any): Promise<any> {
    const items = input.TransactItems as any[];
    const plans: { t: TableMeta; key: EncodedKey; projection?: Path[] }[] = [];
    const seen = new Set<string>();
    for (const ti of items) {
      const g = ti.Get;
      const bound = bindExpressions(g);
      const t = await this.tableOrThrow(ctx, g.TableName);
      const key = keyParam(t, checkItem(g.Key));
      const id = `${t.id}:${key.pk.toString('hex')}:${key.sk.toString('hex')}`;
      if (seen.has(id)) throw validation('Transaction request cannot include multiple operations on one item');
      seen.add(id);
      plans.push({ t, key, projection: bound.projection });
    }
    const consumed = new Map<TableMeta, Consumed>();
    let bytes = 0;
    const responses = plans.map((p) => {
      return this.store.getRow(this.platform.db, p.t, p.key).then((row) => {
        const c = consumed.get(p.t) ?? newConsumed();
        consumed.set(p.t, c);
        c.table += readUnits(row?.size ?? 0, true, true);
        if (!row) return {};
        bytes += row.size;
        const item = parseItem(row.item);
        return { Item: p.projection ? project(item, p.projection) : item };
      });
    });
    const out: any = { Responses: await Promise.all(responses) };
    if (bytes > 4 * 1024 * 1024) throw validation('Total size of the transaction items exceeds the maximum allowed size of 4 MB');
    const list: any[] = [];
    for (const [t, c] of consumed) {
      this.chargeRead(t, c.table);
      const cc = consumedCapacity(t.name, c, input.ReturnConsumedCapacity, 'read');
      if (cc) list.push(cc);
    }
    if (list.length) out.ConsumedCapacity = list;
    return out;
  }

  async TransactWriteItems(ctx: RequestContext, input: any): Promise<any> {
    const items = input.TransactItems as any[];
    const plans: WritePlan[] = [];
    const seen = new Set<string>();
    let totalSize = 0;
    for (const ti of items) {
      const kinds = ['ConditionCheck', 'Put', 'Delete', 'Update'].filter((k) => ti[k] !== undefined);
      if (kinds.length !== 1) {
        throw validation('TransactItems can only contain one of Check, Put, Update or Delete');
      }
      const kind = kinds[0]!;
      const req = ti[kind];
      if (kind === 'Update') checkParamKinds(req, ['UpdateExpression', 'ConditionExpression'], []);
      const bound = bindExpressions(req);
      const t = await this.tableOrThrow(ctx, req.TableName);
      let plan: WritePlan;
      if (kind === 'Put') {
        const item = checkItem(req.Item);
        const key = itemKey(t, item);
        checkIndexAttrs(t, item);
        const size = itemSize(item);
        if (size > MAX_ITEM_SIZE) throw sizeExceeded();
        totalSize += size;
        plan = { t, key, keyItem: keyOfItem(t, item), kind: 'put', item };
      } else {
        const keyItem = checkItem(req.Key);
        const key = keyParam(t, keyItem);
        plan = { t, key, keyItem, kind: kind === 'Delete' ? 'delete' : kind === 'Update' ? 'update' : 'check' };
        if (kind === 'Update') plan.actions = this.updateActions(t, req, bound);
        if (kind === 'ConditionCheck' && !bound.condition) {
          throw validation("1 validation error detected: Value null at 'transactItems.1.member.conditionCheck.conditionExpression' failed to satisfy constraint: Member must not be null");
        }
      }
      plan.condition = bound.condition;
      plan.returnOnFail = req.ReturnValuesOnConditionCheckFailure;
      const id = `${t.id}:${plan.key.pk.toString('hex')}:${plan.key.sk.toString('hex')}`;
      if (seen.has(id)) throw validation('Transaction request cannot include multiple operations on one item');
      seen.add(id);
      plans.push(plan);
    }
    if (totalSize > 4 * 1024 * 1024) throw validation('Total size of the transaction items exceeds the maximum allowed size of 4 MB');
    const token: string | undefined = input.ClientRequestToken;
    const digest = token ? createHash('sha256').update(JSON.stringify(input.TransactItems)).digest('hex') : '';
    return this.runTransaction(ctx, plans, token, digest, input.ReturnConsumedCapacity);
  }

  /** Checks every condition, then applies every write, in one storage transaction. */
  private async runTransaction(ctx: RequestContext, plans: WritePlan[], token: string | undefined, digest: string, returnConsumed: string | undefined): Promise<any> {
    for (const p of plans) this.checkWrite(p.t);
    const consumed = new Map<TableMeta, Consumed>();
    const done = await this.platform.db.tx(async (tx) => {
      if (token) {
        const prior = await tx.get<{ digest: string; created: number }>('SELECT digest, created FROM ddb_tokens WHERE account = ? AND region = ? AND token = ?', [
          ctx.accountId,
          ctx.region,
          token,
        ]);
        if (prior && this.now() - Number(prior.created) < TOKEN_TTL_MS) {
          if (prior.digest !== digest) {
            throw new AwsError('IdempotentParameterMismatchException', 'Request parameters in the request do not match with the request parameters of the prior request with the same token', 400);
          }
          return false; // Already applied: answer as the first time, without writing again.
        }
      }
      const olds: { row?: { item: string; size: number }; old?: Item }[] = [];
      const reasons: any[] = [];
      let failed = false;
      for (const p of plans) {
        const row = await this.store.getRow(tx, p.t, p.key);
        const old = row ? parseItem(row.item) : undefined;
        olds.push({ row, old });
        if (p.condition && !evalCondition(p.condition, old)) {
          failed = true;
          reasons.push({
            Code: 'ConditionalCheckFailed',
            Message: 'The conditional request failed',
            ...(p.returnOnFail === 'ALL_OLD' && old ? { Item: old } : {}),
          });
        } else reasons.push({ Code: 'None' });
      }
      // Updates are applied to compute their result before anything is written: an invalid
      // result (size, types) cancels the transaction with a ValidationError reason.
      const results: (Item | undefined)[] = [];
      for (let i = 0; i < plans.length; i++) {
        const p = plans[i]!;
        if (p.kind !== 'update') {
          results.push(p.item);
          continue;
        }
        try {
          const item = applyUpdate(olds[i]!.old ?? p.keyItem, p.actions!, olds[i]!.old);
          checkIndexAttrs(p.t, item, true);
          if (itemSize(item) > MAX_ITEM_SIZE) throw validation('Item size to update has exceeded the maximum allowed size');
          results.push(item);
        } catch (e) {
          if (!(e instanceof AwsError) || e.code !== 'ValidationException') throw e;
          failed = true;
          if (reasons[i].Code === 'None') reasons[i] = { Code: 'ValidationError', Message: e.message };
          results.push(undefined);
        }
      }
      if (failed) {
        throw new AwsError(
          'TransactionCanceledException',
          `Transaction cancelled, please refer cancellation reasons for specific reasons [${reasons.map((r) => r.Code).join(', ')}]`,
          400,
          { fields: { CancellationReasons: reasons } },
        );
      }
      for (let i = 0; i < plans.length; i++) {
        const p = plans[i]!;
        const { row, old } = olds[i]!;
        const c = consumed.get(p.t) ?? newConsumed();
        consumed.set(p.t, c);
        if (p.kind === 'check') {
          c.table += readUnits(row?.size ?? 0, true, true);
          continue;
        }
        if (p.kind === 'delete') {
          if (row) await this.store.delete(tx, p.t, p.key, old);
          this.writeCost(p.t, old, row?.size ?? 0, undefined, 0, c, true);
          continue;
        }
        const item = results[i]!;
        const size = itemSize(item);
        await this.store.put(tx, p.t, p.key, item, JSON.stringify(item), size, old);
        this.writeCost(p.t, old, row?.size ?? 0, item, size, c, true);
      }
      if (token) {
        await tx.run('DELETE FROM ddb_tokens WHERE account = ? AND region = ? AND token = ?', [ctx.accountId, ctx.region, token]);
        await tx.run('INSERT INTO ddb_tokens (account, region, token, digest, created) VALUES (?, ?, ?, ?, ?)', [ctx.accountId, ctx.region, token, digest, this.now()]);
        await tx.run('DELETE FROM ddb_tokens WHERE created < ?', [this.now() - TOKEN_TTL_MS]);
      }
      return true;
    });
    const out: any = {};
    const list: any[] = [];
    for (const [t, c] of consumed) {
      if (done) this.chargeWrite(t, c);
      const cc = consumedCapacity(t.name, c, returnConsumed, 'write');
      if (cc) list.push(cc);
    }
    if (list.length) out.ConsumedCapacity = list;
    return out;
  }

  // ----------------------------------------------------------------------------------------------
  // Query and Scan

  async Query(ctx: RequestContext, input: any): Promise<any> {
    checkParamKinds(
      input,
      ['KeyConditionExpression', 'FilterExpression', 'ProjectionExpression'],
      ['KeyConditions', 'QueryFilter', 'AttributesToGet', 'ConditionalOperator'],
    );
    if (input.KeyConditionExpression === undefined && input.KeyConditions === undefined) {
      throw validation('Either the KeyConditions or KeyConditionExpression parameter must be specified in the request.');
    }
    const bound = bindExpressions(input);
    const t = await this.tableOrThrow(ctx, input.TableName);
    const ix = this.index(t, input.IndexName, !!input.ConsistentRead);
    const keyHash = ix ? ix.hash : t.hash;
    const keyRange = ix ? ix.range : t.range;
    const keyCond = bound.keyCondition ?? filterCondition(input.KeyConditions, 'AND')!;
    const range = keyRangeOf(keyCond, keyHash, keyRange);
    const filter = bound.filter ?? (input.QueryFilter ? filterCondition(input.QueryFilter, input.ConditionalOperator) : undefined);
    if (input.QueryFilter) {
      for (const k of Object.keys(input.QueryFilter)) {
        if (k === keyHash.name || k === keyRange?.name) {
          throw invalidParam(`QueryFilter can only contain non-primary key attributes: Primary key attribute: ${k}`);
        }
      }
    }
    return this.readPage(!!ctx.jsonWire, t, ix, input, bound, filter, { pk: range.pk, lo: range.lo, hi: range.hi, forward: input.ScanIndexForward !== false });
  }

  async Scan(ctx: RequestContext, input: any): Promise<any> {
    checkParamKinds(input, ['FilterExpression', 'ProjectionExpression'], ['ScanFilter', 'AttributesToGet', 'ConditionalOperator']);
    if ((input.Segment === undefined) !== (input.TotalSegments === undefined)) {
      throw validation(
        input.Segment === undefined
          ? 'The Segment parameter is required but was not present in the request when parameter TotalSegments is present'
          : 'The TotalSegments parameter is required but was not present in the request when Segment parameter is present',
      );
    }
    if (input.Segment !== undefined && input.Segment >= input.TotalSegments) {
      throw validation(`The Segment parameter is zero-based and must be less than parameter TotalSegments: Segment: ${input.Segment} is not less than TotalSegments: ${input.TotalSegments}`);
    }
    const bound = bindExpressions(input);
    const t = await this.tableOrThrow(ctx, input.TableName);
    const ix = this.index(t, input.IndexName, !!input.ConsistentRead);
    const filter = bound.filter ?? (input.ScanFilter ? filterCondition(input.ScanFilter, input.ConditionalOperator) : undefined);
    let segment: { lo: number; hi: number } | undefined;
    if (input.TotalSegments !== undefined) {
      const size = HASH_RANGE / input.TotalSegments;
      segment = { lo: Math.floor(input.Segment * size), hi: Math.floor((input.Segment + 1) * size) };
    }
    return this.readPage(!!ctx.jsonWire, t, ix, input, bound, filter, { segment, forward: true });
  }

  private index(t: TableMeta, name: string | undefined, consistent: boolean): IndexMeta | undefined {
    if (name === undefined) return undefined;
    const ix = t.gsis.find((g) => g.name === name) ?? t.lsis.find((l) => l.name === name);
    if (!ix) throw validation(`The table does not have the specified index: ${name}`);
    if (ix.kind === 'GSI' && consistent) throw validation('Consistent reads are not supported on global secondary indexes');
    if (ix.kind === 'GSI' && this.now() < ix.activeAt) {
      throw validation(`Cannot read from backfilling global secondary index: ${name}`);
    }
    return ix;
  }

  /** One page of a Query or Scan; `serialize`: the items may come back as their stored JSON (a SerializedJson). */
  private async readPage(
    serialize: boolean,
    t: TableMeta,
    ix: IndexMeta | undefined,
    input: any,
    bound: Bound,
    filter: BCondition | undefined,
    scope: { pk?: Buffer; lo?: Bound_; hi?: Bound_; forward: boolean; segment?: { lo: number; hi: number } },
  ): Promise<any> {
    const projection = bound.projection ?? attributesToGet(input.AttributesToGet);
    let select: string = input.Select ?? (projection ? 'SPECIFIC_ATTRIBUTES' : ix ? 'ALL_PROJECTED_ATTRIBUTES' : 'ALL_ATTRIBUTES');
    if (input.Select && input.Select !== 'SPECIFIC_ATTRIBUTES' && projection) {
      throw validation(
        input.ProjectionExpression !== undefined
          ? `One or more parameter values were invalid: Select type ${input.Select} is not valid when ProjectionExpression is specified`
          : `Cannot specify the AttributesToGet when choosing to get ${input.Select}`,
      );
    }
    if (select === 'SPECIFIC_ATTRIBUTES' && !projection) {
      throw validation('One or more parameter values were invalid: Select type SPECIFIC_ATTRIBUTES requires either AttributesToGet or ProjectionExpression');
    }
    if (select === 'ALL_PROJECTED_ATTRIBUTES' && !ix) {
      throw validation('One or more parameter values were invalid: Select type ALL_PROJECTED_ATTRIBUTES is not valid when IndexName is not specified');
    }
    const names = ix ? projectedNames(t, ix) : undefined;
    if (ix && ix.kind === 'GSI' && names && select === 'ALL_ATTRIBUTES') {
      throw validation(
        `One or more parameter values were invalid: Select type ALL_ATTRIBUTES is not supported for global secondary index ${ix.name} because its projection type is not ALL`,
      );
    }
    const limit: number | undefined = input.Limit;
    const start = input.ExclusiveStartKey ? this.startKey(t, ix, checkItem(input.ExclusiveStartKey), scope.pk) : undefined;
    const consistent = !!input.ConsistentRead;
    const db: Queryable = this.platform.db;
    this.checkRead(t, ix);

    const items: Item[] = [];
    // Whole base-table items unfiltered go out as the JSON they are stored as (when the caller
    // serializes to JSON): no parse and re-serialization per item.
    const rawItems = serialize && !ix && !filter && !projection && select === 'ALL_ATTRIBUTES' ? ([] as string[]) : undefined;
    let scanned = 0;
    let count = 0;
    let bytes = 0;
    let last: Item | undefined;
    let lastRaw: string | undefined;
    let cursor = start;
    let more = true;
    let stoppedEarly = false;
    const batch = Math.min(limit ?? 200, 200);
    while (more) {
      const want = limit !== undefined ? Math.min(batch, limit - scanned) : batch;
      const rows = await this.fetch(db, t, ix, scope, cursor, want);
      if (rows.length < want) more = false;
      for (const r of rows) {
        scanned++;
        cursor = { pk: r.pk, sk: r.sk, ipk: r.ipk, isk: r.isk };
        if (rawItems) {
          count++;
          bytes += r.size;
          rawItems.push(r.item);
          lastRaw = r.item;
        } else {
          const full = parseItem(r.item);
          const visible = names ? projectItem(full, names) : full;
          bytes += ix ? itemSize(visible) : r.size;
          last = visible;
          // A local index reads attributes it does not project from the table (as AWS does, at
          // extra cost); a global index only has what it projects.
          const lsiFetch = ix?.kind === 'LSI' && (select === 'ALL_ATTRIBUTES' || select === 'SPECIFIC_ATTRIBUTES' || filter !== undefined);
          if (!filter || evalCondition(filter, ix?.kind === 'LSI' ? full : visible)) {
            count++;
            if (select !== 'COUNT') {
              const base = lsiFetch && select !== 'ALL_PROJECTED_ATTRIBUTES' ? full : visible;
              items.push(projection ? project(base, projection) : base);
            }
          }
        }
        if ((limit !== undefined && scanned >= limit) || bytes >= PAGE_BYTES) {
          stoppedEarly = true;
          more = false;
          break;
        }
      }
    }
    if (lastRaw !== undefined) last = parseItem(lastRaw);
    const units = readUnits(bytes, consistent);
    this.chargeRead(t, units, ix);
    const out: any = { Count: count, ScannedCount: scanned };
    if (select !== 'COUNT' && !rawItems) out.Items = items;
    if (stoppedEarly && last) {
      const lek = keyOfItem(t, last);
      if (ix) {
        lek[ix.hash.name] = last[ix.hash.name]!;
        if (ix.range) lek[ix.range.name] = last[ix.range.name]!;
      }
      out.LastEvaluatedKey = lek;
    }
    if (input.ReturnConsumedCapacity === 'TOTAL' || input.ReturnConsumedCapacity === 'INDEXES') {
      const c = newConsumed();
      if (ix) addIndex(c, ix.kind, ix.name, units);
      else c.table = units;
      out.ConsumedCapacity = consumedCapacity(t.name, c, input.ReturnConsumedCapacity, 'read');
    }
    if (rawItems) return new SerializedJson(`${JSON.stringify(out).slice(0, -1)},"Items":[${rawItems.join(',')}]}`);
    return out;
  }

  private startKey(t: TableMeta, ix: IndexMeta | undefined, key: Item, pk: Buffer | undefined): Cursor {
    const invalid = () => validation('The provided starting key is invalid: The provided key element does not match the schema');
    const attrs = [t.hash, ...(t.range ? [t.range] : [])];
    if (ix) for (const k of ix.range ? [ix.hash, ix.range] : [ix.hash]) if (!attrs.some((a) => a.name === k.name)) attrs.push(k);
    if (Object.keys(key).length !== attrs.length) throw invalid();
    for (const a of attrs) {
      const v = key[a.name];
      if (!v || (v as any)[a.type] === undefined) throw invalid();
    }
    const c: Cursor = { pk: encodeKey(key[t.hash.name]!, t.hash.type), sk: t.range ? encodeKey(key[t.range.name]!, t.range.type) : Buffer.alloc(0) };
    if (ix) {
      c.ipk = encodeKey(key[ix.hash.name]!, ix.hash.type);
      c.isk = ix.range ? encodeKey(key[ix.range.name]!, ix.range.type) : Buffer.alloc(0);
      if (pk && !c.ipk.equals(pk)) throw validation('The provided starting key is outside query boundaries based on provided conditions');
    } else if (pk && !c.pk.equals(pk)) throw validation('The provided starting key is outside query boundaries based on provided conditions');
    return c;
  }

  /** One batch of rows in key order after `cursor`, within the query's or scan's scope. */
  private async fetch(
    db: Queryable,
    t: TableMeta,
    ix: IndexMeta | undefined,
    scope: { pk?: Buffer; lo?: Bound_; hi?: Bound_; forward: boolean; segment?: { lo: number; hi: number } },
    cursor: Cursor | undefined,
    limit: number,
  ): Promise<Row[]> {
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
      return db.all<Row>(`SELECT pk, sk, size, item FROM ddb_items WHERE ${where.join(' AND ')} ORDER BY ${order} LIMIT ?`, params);
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
    return db.all<Row>(
      `SELECT x.ipk AS ipk, x.isk AS isk, x.pk AS pk, x.sk AS sk, i.size AS size, i.item AS item FROM ddb_index_items x JOIN ddb_items i ON i.tid = x.tid AND i.pk = x.pk AND i.sk = x.sk WHERE ${where.join(' AND ')} ORDER BY ${order} LIMIT ?`,
      params,
    );
  }

  // ----------------------------------------------------------------------------------------------
  // PartiQL

  private partiqlKey(t: TableMeta, where: BCondition | undefined): Item {
    const eq = equalities(where);
    const key: Item = {};
    for (const k of t.range ? [t.hash, t.range] : [t.hash]) {
      const v = eq.get(k.name);
      if (!v) throw validation('Where clause does not contain a mandatory equality on all key attributes');
      key[k.name] = v;
    }
    return key;
  }

  private checkKeyActions(t: TableMeta, actions: BAction[]): void {
    for (const a of actions) {
      const head = a.p[0] as string;
      if (head === t.hash.name || head === t.range?.name) {
        throw invalidParam(`Cannot update attribute ${head}. This attribute is part of the key`);
      }
    }
  }

  private async statement(ctx: RequestContext, input: any): Promise<any> {
    const st = parseStatement(input.Statement, input.Parameters);
    const t = await this.tableOrThrow(ctx, st.table);
    const exists: BCondition = { k: 'fn', name: 'attribute_exists', args: [{ k: 'path', p: [t.hash.name] }] };
    const opts = { ReturnConsumedCapacity: input.ReturnConsumedCapacity, ReturnValuesOnConditionCheckFailure: input.ReturnValuesOnConditionCheckFailure };
    switch (st.kind) {
      case 'select': {
        const ix = this.index(t, st.index, !!input.ConsistentRead);
        const keyHash = ix ? ix.hash : t.hash;
        const eq = equalities(st.where).get(keyHash.name);
        let start: Item | undefined;
        if (input.NextToken) {
          try {
            start = JSON.parse(Buffer.from(input.NextToken, 'base64').toString('utf8')) as Item;
          } catch {
            throw validation('Invalid NextToken');
          }
        }
        const pk = eq && (eq as any)[keyHash.type] !== undefined ? encodeKey(eq, keyHash.type) : undefined;
        const keyRange = ix ? ix.range : t.range;
        if (st.orderBy && (!pk || st.orderBy.attr !== keyRange?.name)) {
          throw validation('Must have WHERE clause in the statement when using ORDER BY clause, and ORDER BY must use the sort key');
        }
        const page = await this.readPage(
          false,
          t,
          ix,
          { Limit: input.Limit, ExclusiveStartKey: start, ConsistentRead: input.ConsistentRead, ReturnConsumedCapacity: input.ReturnConsumedCapacity, Select: ix && !st.projection ? 'ALL_PROJECTED_ATTRIBUTES' : undefined },
          { projection: st.projection },
          st.where,
          pk ? { pk, forward: !st.orderBy?.desc } : { forward: true },
        );
        const out: any = { Items: page.Items };
        if (page.LastEvaluatedKey) out.NextToken = Buffer.from(JSON.stringify(page.LastEvaluatedKey)).toString('base64');
        if (page.ConsumedCapacity) out.ConsumedCapacity = page.ConsumedCapacity;
        return out;
      }
      case 'insert': {
        const notExists: BCondition = { k: 'fn', name: 'attribute_not_exists', args: [{ k: 'path', p: [t.hash.name] }] };
        try {
          const r = await this.putCore(t, st.item, notExists, opts);
          return r.ConsumedCapacity ? { ConsumedCapacity: r.ConsumedCapacity } : {};
        } catch (e) {
          if (e instanceof AwsError && e.code === 'ConditionalCheckFailedException') {
            throw new AwsError('DuplicateItemException', 'Duplicate primary key exists in table', 400);
          }
          throw e;
        }
      }
      case 'update': {
        const key = this.partiqlKey(t, st.where);
        this.checkKeyActions(t, st.actions);
        const r = await this.updateCore(t, key, st.actions, { k: 'and', l: exists, r: st.where }, { ...opts, ReturnValues: st.returning ?? 'NONE' });
        const out: any = {};
        if (r.Attributes) out.Items = [r.Attributes];
        if (r.ConsumedCapacity) out.ConsumedCapacity = r.ConsumedCapacity;
        return out;
      }
      case 'delete': {
        const key = this.partiqlKey(t, st.where);
        const onlyKey = [...equalities(st.where).keys()].length === (t.range ? 2 : 1) && isConjunctionOfEqualities(st.where);
        const r = await this.deleteCore(t, key, onlyKey ? undefined : st.where, { ...opts, ReturnValues: st.returning === 'ALL_OLD' ? 'ALL_OLD' : 'NONE' });
        const out: any = {};
        if (r.Attributes) out.Items = [r.Attributes];
        if (r.ConsumedCapacity) out.ConsumedCapacity = r.ConsumedCapacity;
        return out;
      }
    }
  }

  async ExecuteStatement(ctx: RequestContext, input: any): Promise<any> {
    return this.statement(ctx, input);
  }

  async BatchExecuteStatement(ctx: RequestContext, input: any): Promise<any> {
    const list = input.Statements as any[];
    const parsed = list.map((s) => {
      try {
        return parseStatement(s.Statement, s.Parameters);
      } catch (e) {
        return e as AwsError;
      }
    });
    const kinds = new Set(parsed.filter((p): p is Statement => !(p instanceof Error)).map((p) => (p.kind === 'select' ? 'read' : 'write')));
    if (kinds.size > 1) throw validation('Statements in a batch must all be reads or all be writes');
    const responses: any[] = [];
    for (let i = 0; i < list.length; i++) {
      const p = parsed[i]!;
      const s = list[i]!;
      try {
        if (p instanceof Error) throw p;
        if (p.kind === 'select') {
          const t = await this.tableOrThrow(ctx, p.table);
          this.partiqlKey(t, p.where); // batch reads must name a full primary key
          const r = await this.statement(ctx, { ...s, ReturnConsumedCapacity: undefined });
          responses.push({ TableName: t.name, ...(r.Items?.[0] ? { Item: r.Items[0] } : {}) });
        } else {
          await this.statement(ctx, { ...s, ReturnConsumedCapacity: undefined });
          responses.push({ TableName: p.table });
        }
      } catch (e) {
        if (!(e instanceof AwsError)) throw e;
        const code = e.code === 'ConditionalCheckFailedException' ? 'ConditionalCheckFailed' : e.code.replace(/Exception$/, '');
        responses.push({
          Error: { Code: code, Message: e.message, ...(e.fields.Item ? { Item: e.fields.Item } : {}) },
          ...(p instanceof Error ? {} : { TableName: p.table }),
        });
      }
    }
    return { Responses: responses };
  }

  async ExecuteTransaction(ctx: RequestContext, input: any): Promise<any> {
    const list = input.TransactStatements as any[];
    const parsed = list.map((s) => parseStatement(s.Statement, s.Parameters));
    const reads = parsed.filter((p) => p.kind === 'select').length;
    if (reads && reads !== parsed.length) throw validation('Transactions must contain only reads or only writes');
    if (reads) {
      const gets = await Promise.all(
        parsed.map(async (p) => {
          const t = await this.tableOrThrow(ctx, p.table);
          return { t, key: this.partiqlKey(t, (p as any).where), projection: (p as any).projection as Path[] | undefined };
        }),
      );
      const responses = await Promise.all(
        gets.map(async (g) => {
          const row = await this.store.getRow(this.platform.db, g.t, keyParam(g.t, g.key));
          if (!row) return {};
          const item = parseItem(row.item);
          return { Item: g.projection ? project(item, g.projection) : item };
        }),
      );
      return { Responses: responses };
    }
    const plans: WritePlan[] = [];
    const seen = new Set<string>();
    for (const p of parsed) {
      const t = await this.tableOrThrow(ctx, p.table);
      const exists: BCondition = { k: 'fn', name: 'attribute_exists', args: [{ k: 'path', p: [t.hash.name] }] };
      let plan: WritePlan;
      if (p.kind === 'insert') {
        const item = checkItem(p.item);
        checkIndexAttrs(t, item);
        if (itemSize(item) > MAX_ITEM_SIZE) throw sizeExceeded();
        plan = { t, key: itemKey(t, item), keyItem: keyOfItem(t, item), kind: 'put', item, condition: { k: 'fn', name: 'attribute_not_exists', args: [{ k: 'path', p: [t.hash.name] }] } };
      } else if (p.kind === 'update') {
        const keyItem = this.partiqlKey(t, p.where);
        this.checkKeyActions(t, p.actions);
        plan = { t, key: keyParam(t, keyItem), keyItem, kind: 'update', actions: p.actions, condition: { k: 'and', l: exists, r: p.where } };
      } else {
        const keyItem = this.partiqlKey(t, (p as any).where);
        plan = { t, key: keyParam(t, keyItem), keyItem, kind: 'delete', condition: isConjunctionOfEqualities((p as any).where) ? undefined : (p as any).where };
      }
      const id = `${t.id}:${plan.key.pk.toString('hex')}:${plan.key.sk.toString('hex')}`;
      if (seen.has(id)) throw validation('Transaction request cannot include multiple operations on one item');
      seen.add(id);
      plans.push(plan);
    }
    const token: string | undefined = input.ClientRequestToken;
    const digest = token ? createHash('sha256').update(JSON.stringify(list)).digest('hex') : '';
    const r = await this.runTransaction(ctx, plans, token, digest, input.ReturnConsumedCapacity);
    return r;
  }

  health(): Record<string, unknown> {
    return { throttling: this.throttle.enabled };
  }
}

interface Row {
  pk: Buffer;
  sk: Buffer;
  ipk?: Buffer;
  isk?: Buffer;
  size: number;
  item: string;
}
interface Cursor {
  pk: Buffer;
  sk: Buffer;
  ipk?: Buffer;
  isk?: Buffer;
}
interface Bound_ {
  v: Buffer;
  inclusive: boolean;
}

function rangeSql(col: string, scope: { lo?: Bound_; hi?: Bound_ }, where: string[], params: (Buffer | number | string)[]): void {
  if (scope.lo) {
    where.push(`${col} ${scope.lo.inclusive ? '>=' : '>'} ?`);
    params.push(scope.lo.v);
  }
  if (scope.hi) {
    where.push(`${col} ${scope.hi.inclusive ? '<=' : '<'} ?`);
    params.push(scope.hi.v);
  }
}

/** The smallest byte string greater than every string starting with `prefix` (none if all 0xFF). */
function prefixEnd(prefix: Buffer): Buffer | undefined {
  let n = prefix.length;
  while (n > 0 && prefix[n - 1] === 0xff) n--;
  if (n === 0) return undefined;
  const out = Buffer.from(prefix.subarray(0, n));
  out[n - 1]! += 1;
  return out;
}

/** Turns a bound key condition into the partition key and a sort key byte range. */
function keyRangeOf(
  cond: BCondition,
  hash: { name: string; type: string },
  range: { name: string; type: string } | undefined,
): { pk: Buffer; lo?: Bound_; hi?: Bound_ } {
  const clauses: BCondition[] = [];
  const flatten = (c: BCondition): void => {
    if (c.k === 'and') {
      flatten(c.l);
      flatten(c.r);
    } else clauses.push(c);
  };
  flatten(cond);
  const invalidOp = (op: string) => validation(`Invalid operator used in KeyConditionExpression: ${op}`);
  let pk: Buffer | undefined;
  let lo: Bound_ | undefined;
  let hi: Bound_ | undefined;
  const seen = new Set<string>();
  const typed = (attr: { name: string; type: string }, v: AttributeValue): Buffer => {
    if ((v as any)[attr.type] === undefined) throw invalidParam('Condition parameter type does not match schema type');
    return encodeKey(v, attr.type as 'S');
  };
  for (const c of clauses) {
    let name: string;
    let attr: { name: string; type: string } | undefined;
    const pathName = (o: any): string => {
      if (o.k === 'size') throw validation('KeyConditionExpressions cannot contain nested operations');
      if (o.k !== 'path') throw validation('Invalid condition in KeyConditionExpression: No key attribute specified');
      if (o.p.length > 1) throw validation('KeyConditionExpressions cannot have conditions on nested attributes');
      return o.p[0] as string;
    };
    if (c.k === 'or' || c.k === 'not' || c.k === 'in') throw invalidOp(c.k.toUpperCase());
    if (c.k === 'cmp') {
      if (c.op === '<>') throw invalidOp('<>');
      let op = c.op;
      let pathOp = c.l;
      let valueOp = c.r;
      if (c.l.k !== 'path' && c.r.k === 'path') {
        pathOp = c.r;
        valueOp = c.l;
        op = ({ '=': '=', '<': '>', '<=': '>=', '>': '<', '>=': '<=' } as const)[op];
      } else if (c.l.k === 'path' && c.r.k === 'path') {
        throw validation('Invalid condition in KeyConditionExpression: Multiple attribute names used in one condition');
      }
      name = pathName(pathOp);
      if (valueOp.k !== 'const') throw validation('KeyConditionExpressions cannot contain nested operations');
      attr = name === hash.name ? hash : name === range?.name ? range : undefined;
      if (!attr) throw validation(`Query condition missed key schema element: ${hash.name}`);
      if (seen.has(name)) throw validation('KeyConditionExpressions must only contain one condition per key');
      seen.add(name);
      const v = typed(attr, valueOp.v);
      if (attr === hash) {
        if (op !== '=') throw validation('Query key condition not supported');
        pk = v;
        continue;
      }
      if (op === '=') lo = hi = { v, inclusive: true };
      else if (op === '<') hi = { v, inclusive: false };
      else if (op === '<=') hi = { v, inclusive: true };
      else if (op === '>') lo = { v, inclusive: false };
      else lo = { v, inclusive: true };
      continue;
    }
    if (c.k === 'between') {
      name = pathName(c.v);
      attr = name === range?.name ? range : undefined;
      if (name === hash.name) throw validation('Query key condition not supported');
      if (!attr) throw validation(`Query condition missed key schema element: ${hash.name}`);
      if (seen.has(name)) throw validation('KeyConditionExpressions must only contain one condition per key');
      seen.add(name);
      if (c.lo.k !== 'const' || c.hi.k !== 'const') throw validation('KeyConditionExpressions cannot contain nested operations');
      lo = { v: typed(attr, c.lo.v), inclusive: true };
      hi = { v: typed(attr, c.hi.v), inclusive: true };
      continue;
    }
    if (c.k === 'fn') {
      if (c.name !== 'begins_with') throw invalidOp(c.name);
      name = pathName(c.args[0]);
      attr = name === range?.name ? range : undefined;
      if (name === hash.name) throw validation('Query key condition not supported');
      if (!attr) throw validation(`Query condition missed key schema element: ${hash.name}`);
      if (seen.has(name)) throw validation('KeyConditionExpressions must only contain one condition per key');
      seen.add(name);
      const arg = c.args[1]!;
      if (arg.k !== 'const') throw validation('KeyConditionExpressions cannot contain nested operations');
      if (attr.type === 'N') throw validation(`Invalid KeyConditionExpression: Incorrect operand type for operator or function; operator or function: begins_with, operand type: N`);
      const prefix = typed(attr, arg.v);
      lo = { v: prefix, inclusive: true };
      const end = prefixEnd(prefix);
      if (end) hi = { v: end, inclusive: false };
      continue;
    }
  }
  if (!pk) throw validation(`Query condition missed key schema element: ${hash.name}`);
  return { pk, lo, hi };
}

function isConjunctionOfEqualities(c: BCondition): boolean {
  if (c.k === 'and') return isConjunctionOfEqualities(c.l) && isConjunctionOfEqualities(c.r);
  return c.k === 'cmp' && c.op === '=';
}

export { hashKey, checkValue, valuesEqual, tableArn };

/** Throws ConditionalCheckFailedException (carrying the old item when asked to) when the condition is false. */
function requireCondition(condition: BCondition | undefined, old: Item | undefined, input: { ReturnValuesOnConditionCheckFailure?: string }): void {
  if (condition && !evalCondition(condition, old)) {
    throw conditionalFailed(input.ReturnValuesOnConditionCheckFailure === 'ALL_OLD' ? old : undefined);
  }
}
