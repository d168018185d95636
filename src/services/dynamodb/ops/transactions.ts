/**
 * TransactGetItems and TransactWriteItems. A write transaction checks every condition, then
 * applies every write, in one storage transaction (`runTransaction`, which PartiQL's
 * ExecuteTransaction uses too). Storage runs transactions one at a time, so DynamoDB's
 * TransactionConflictException never happens here.
 */
import { createHash } from 'node:crypto';
import { AwsError } from '../../../aws/errors.js';
import type { RequestContext } from '../../../core/context.js';
import {
  IdempotentParameterMismatchException,
  TransactionCanceledException,
  type CancellationReason,
  type ConsumedCapacity,
  type DynamoDBApi,
  type TransactGetItemsInput,
  type TransactGetItemsOutput,
  type TransactWriteItemsInput,
  type TransactWriteItemsOutput,
} from '../../../generated/dynamodb.js';
import { addWriteUnits, consumedCapacity, newConsumed, readUnits, type Consumed } from '../capacity.js';
import type { DynamoDbCore } from '../core.js';
import { applyUpdate, evalCondition, project, type BAction, type BCondition, type Path } from '../expressions/bind.js';
import { checkIndexAttrs, itemKey, keyParam, type EncodedKey } from '../keys.js';
import {
  bindExpressions,
  checkParamKinds,
  distinctItems,
  fromWire,
  keyOfItem,
  parseItem,
  sizeExceeded,
  updateActions,
  type ExpressionParams,
  type Wire,
} from '../request.js';
import type { StoredRow } from '../store.js';
import type { TableMeta } from '../tables.js';
import { checkItem, itemSize, MAX_ITEM_SIZE, validation, type Item } from '../values.js';

/** A transaction's items may total 4 MB at the most. */
const MAX_TRANSACTION_BYTES = 4 * 1024 * 1024;

/** One write (or condition check) of a transaction. */
export interface WritePlan {
  t: TableMeta;
  key: EncodedKey;
  keyItem: Item;
  kind: 'put' | 'delete' | 'update' | 'check';
  item?: Item;
  actions?: BAction[];
  condition?: BCondition;
  returnOnFail?: string;
}

/** What TransactWriteItems' ConditionCheck, Put, Delete and Update have in common. */
type TransactRequest = ExpressionParams & {
  TableName: string;
  Key?: unknown;
  Item?: unknown;
  ReturnValuesOnConditionCheckFailure?: string;
};

const KINDS = ['ConditionCheck', 'Put', 'Delete', 'Update'] as const;

/** A check that refuses a transaction naming one item twice. */
export function distinctTransactionItems(): (t: TableMeta, key: EncodedKey) => void {
  return distinctItems('Transaction request cannot include multiple operations on one item');
}

/** The digest a ClientRequestToken is bound to: the same token with other items is refused. */
export function requestDigest(token: string | undefined, items: unknown): string {
  return token ? createHash('sha256').update(JSON.stringify(items)).digest('hex') : '';
}

interface Outcome {
  /** False when the token shows the transaction was applied already (nothing written again). */
  applied: boolean;
  consumed: Map<TableMeta, Consumed>;
  /** The items put or updated. */
  written: { t: TableMeta; item: Item }[];
}

/** Checks every condition, then applies every write, in one storage transaction. */
export async function runTransaction(
  core: DynamoDbCore,
  ctx: RequestContext,
  plans: WritePlan[],
  token: string | undefined,
  digest: string,
  returnConsumed: string | undefined,
): Promise<{ ConsumedCapacity?: ConsumedCapacity[] }> {
  for (const p of plans) core.checkWrite(p.t);
  const store = core.store;
  const outcome = await core.db.tx(async (tx): Promise<Outcome> => {
    const consumed = new Map<TableMeta, Consumed>();
    if (token) {
      const prior = await store.tokenDigest(tx, ctx.accountId, ctx.region, token);
      if (prior !== undefined) {
        if (prior !== digest) {
          throw new IdempotentParameterMismatchException(
            'Request parameters in the request do not match with the request parameters of the prior request with the same token',
          );
        }
        return { applied: false, consumed, written: [] }; // Already applied: answer as the first time, without writing again.
      }
    }
    const olds: { row?: StoredRow; old?: Item }[] = [];
    const reasons: Wire<CancellationReason>[] = [];
    let failed = false;
    for (const p of plans) {
      const row = await store.getRow(tx, p.t, p.key);
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
        if (reasons[i]!.Code === 'None') reasons[i] = { Code: 'ValidationError', Message: e.message };
        results.push(undefined);
      }
    }
    if (failed) {
      throw new TransactionCanceledException(
        `Transaction cancelled, please refer cancellation reasons for specific reasons [${reasons.map((r) => r.Code).join(', ')}]`,
        { CancellationReasons: reasons },
      );
    }
    const written: Outcome['written'] = [];
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
        if (row) await store.delete(tx, p.t, p.key, old);
        addWriteUnits(c, p.t, old, row?.size ?? 0, undefined, 0, true);
        continue;
      }
      const item = results[i]!;
      const size = itemSize(item);
      await store.put(tx, p.t, p.key, item, JSON.stringify(item), size, old);
      addWriteUnits(c, p.t, old, row?.size ?? 0, item, size, true);
      written.push({ t: p.t, item });
    }
    if (token) await store.saveToken(tx, ctx.accountId, ctx.region, token, digest);
    return { applied: true, consumed, written };
  });
  for (const { t, item } of outcome.written) core.wakeTtl(t, item);
  const list: ConsumedCapacity[] = [];
  for (const [t, c] of outcome.consumed) {
    if (outcome.applied) core.chargeWrite(t, c);
    const cc = consumedCapacity(t.name, c, returnConsumed, 'write');
    if (cc) list.push(cc);
  }
  return list.length ? { ConsumedCapacity: list } : {};
}

export class TransactionOps implements Pick<DynamoDBApi, 'TransactGetItems' | 'TransactWriteItems'> {
  constructor(private readonly core: DynamoDbCore) {}

  async TransactGetItems(ctx: RequestContext, input: TransactGetItemsInput): Promise<TransactGetItemsOutput> {
    const plans: { t: TableMeta; key: EncodedKey; projection?: Path[] }[] = [];
    const distinct = distinctTransactionItems();
    for (const { Get: get } of input.TransactItems) {
      const bound = bindExpressions(get);
      const t = await this.core.tableOrThrow(ctx, get.TableName);
      const key = keyParam(t, checkItem(get.Key));
      distinct(t, key);
      plans.push({ t, key, projection: bound.projection });
    }
    const consumed = new Map<TableMeta, Consumed>();
    let bytes = 0;
    const responses = plans.map(async (p) => {
      const row = await this.core.store.getRow(this.core.db, p.t, p.key);
      const c = consumed.get(p.t) ?? newConsumed();
      consumed.set(p.t, c);
      c.table += readUnits(row?.size ?? 0, true, true);
      if (!row) return {};
      bytes += row.size;
      const item = parseItem(row.item);
      return { Item: p.projection ? project(item, p.projection) : item };
    });
    const out: Wire<TransactGetItemsOutput> = { Responses: await Promise.all(responses) };
    if (bytes > MAX_TRANSACTION_BYTES) throw validation('Total size of the transaction items exceeds the maximum allowed size of 4 MB');
    const list: ConsumedCapacity[] = [];
    for (const [t, c] of consumed) {
      this.core.chargeRead(t, c.table);
      const cc = consumedCapacity(t.name, c, input.ReturnConsumedCapacity, 'read');
      if (cc) list.push(cc);
    }
    if (list.length) out.ConsumedCapacity = list;
    return fromWire<TransactGetItemsOutput>(out);
  }

  async TransactWriteItems(ctx: RequestContext, input: TransactWriteItemsInput): Promise<TransactWriteItemsOutput> {
    const plans: WritePlan[] = [];
    const distinct = distinctTransactionItems();
    let totalSize = 0;
    for (const ti of input.TransactItems) {
      const kinds = KINDS.filter((k) => ti[k] !== undefined);
      if (kinds.length !== 1) throw validation('TransactItems can only contain one of Check, Put, Update or Delete');
      const kind = kinds[0]!;
      const req: TransactRequest = ti[kind]!;
      if (kind === 'Update') checkParamKinds(req, ['UpdateExpression', 'ConditionExpression'], []);
      const bound = bindExpressions(req);
      const t = await this.core.tableOrThrow(ctx, req.TableName);
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
        if (kind === 'Update') plan.actions = updateActions(t, undefined, bound);
        if (kind === 'ConditionCheck' && !bound.condition) {
          throw validation("1 validation error detected: Value null at 'transactItems.1.member.conditionCheck.conditionExpression' failed to satisfy constraint: Member must not be null");
        }
      }
      plan.condition = bound.condition;
      plan.returnOnFail = req.ReturnValuesOnConditionCheckFailure;
      distinct(t, plan.key);
      plans.push(plan);
    }
    if (totalSize > MAX_TRANSACTION_BYTES) throw validation('Total size of the transaction items exceeds the maximum allowed size of 4 MB');
    const token = input.ClientRequestToken;
    return fromWire<TransactWriteItemsOutput>(await runTransaction(this.core, ctx, plans, token, requestDigest(token, input.TransactItems), input.ReturnConsumedCapacity));
  }
}
