/**
 * Single-item operations: PutItem, GetItem, DeleteItem and UpdateItem. The writes share one frame
 * (`writeOne`), which PartiQL's INSERT, UPDATE and DELETE use too.
 */
import type { RequestContext } from '../../../core/context.js';
import type {
  DeleteItemInput,
  DeleteItemOutput,
  DynamoDBApi,
  GetItemInput,
  GetItemOutput,
  PutItemInput,
  PutItemOutput,
  UpdateItemInput,
  UpdateItemOutput,
} from '../../../generated/dynamodb.js';
import { addWriteUnits, consumedCapacity, newConsumed, readUnits } from '../capacity.js';
import type { DynamoDbCore } from '../core.js';
import { applyUpdate, project, type BAction, type BCondition, type Path } from '../expressions/bind.js';
import { checkIndexAttrs, itemKey, keyParam, type EncodedKey } from '../keys.js';
import { expectedCondition } from '../legacy.js';
import {
  bindExpressions,
  checkParamKinds,
  collectionMetrics,
  fromWire,
  parseItem,
  requireCondition,
  serializedOutput,
  sizeExceeded,
  updateActions,
  attributesToGet,
  type BoundExpressions,
  type Wire,
} from '../request.js';
import { needsOld } from '../store.js';
import type { TableMeta } from '../tables.js';
import { checkItem, itemSize, MAX_ITEM_SIZE, validation, type Item } from '../values.js';

/** What a single-item write returns, as its request asks. */
export interface WriteOptions {
  ReturnValues?: string;
  ReturnConsumedCapacity?: string;
  ReturnItemCollectionMetrics?: string;
  ReturnValuesOnConditionCheckFailure?: string;
}

export type WriteResult = Wire<UpdateItemOutput>;

/** An item as it is written: with its JSON and its size. */
interface NewItem {
  item: Item;
  json: string;
  size: number;
}

/** One item write, described for `writeOne`. */
interface SingleWrite {
  key: EncodedKey;
  /** The key as attributes (item collection metrics of a delete of a missing item). */
  keyItem: Item;
  condition?: BCondition;
  /** Whether the stored row is read (the old item, or only its size for capacity). */
  readRow: boolean;
  /** Whether the old item is parsed (a condition, ReturnValues, indexes or a stream need it). */
  parseOld: boolean;
  /** The item after the write from the one before it; undefined deletes the item. Runs in the transaction. */
  next(old: Item | undefined): NewItem | undefined;
  /** The attribute paths an update names (ReturnValues UPDATED_OLD and UPDATED_NEW). */
  paths?: Path[];
}

/**
 * The frame of every single-item write: read the old item, check the condition, write, then charge
 * the capacity used and build ReturnValues, ConsumedCapacity and ItemCollectionMetrics.
 */
async function writeOne(core: DynamoDbCore, t: TableMeta, w: SingleWrite, opts: WriteOptions): Promise<WriteResult> {
  core.checkWrite(t);
  const { old, item, consumed } = await core.db.tx(async (tx) => {
    const row = w.readRow ? await core.store.getRow(tx, t, w.key) : undefined;
    const old = row && w.parseOld ? parseItem(row.item) : undefined;
    requireCondition(w.condition, old, opts);
    const change = w.next(old);
    if (change) await core.store.put(tx, t, w.key, change.item, change.json, change.size, old);
    else if (row) await core.store.delete(tx, t, w.key, old);
    const consumed = newConsumed();
    addWriteUnits(consumed, t, old, row?.size ?? 0, change?.item, change?.size ?? 0);
    return { old, item: change?.item, consumed };
  });
  core.chargeWrite(t, consumed);
  core.wakeTtl(t, item);
  const out: WriteResult = {};
  const attributes = returnedAttributes(opts.ReturnValues ?? 'NONE', old, item, w.paths ?? []);
  if (attributes) out.Attributes = attributes;
  const cc = consumedCapacity(t.name, consumed, opts.ReturnConsumedCapacity, 'write');
  if (cc) out.ConsumedCapacity = cc;
  const icm = collectionMetrics(t, opts.ReturnItemCollectionMetrics, item ?? old ?? w.keyItem);
  if (icm) out.ItemCollectionMetrics = icm;
  return out;
}

function returnedAttributes(rv: string, old: Item | undefined, item: Item | undefined, paths: Path[]): Item | undefined {
  const updated = (x: Item | undefined) => {
    const p = x && project(x, paths);
    return p && Object.keys(p).length ? p : undefined;
  };
  switch (rv) {
    case 'ALL_OLD':
      return old;
    case 'ALL_NEW':
      return item;
    case 'UPDATED_OLD':
      return updated(old);
    case 'UPDATED_NEW':
      return updated(item);
  }
  return undefined;
}

/** PutItem once its expressions are bound (also PartiQL INSERT). */
export async function putItem(core: DynamoDbCore, t: TableMeta, rawItem: unknown, condition: BCondition | undefined, opts: WriteOptions): Promise<WriteResult> {
  const rv = opts.ReturnValues ?? 'NONE';
  const item = checkItem(rawItem);
  const key = itemKey(t, item);
  checkIndexAttrs(t, item);
  const size = itemSize(item);
  if (size > MAX_ITEM_SIZE) throw sizeExceeded();
  const change = { item, json: JSON.stringify(item), size };
  const parseOld = condition !== undefined || rv === 'ALL_OLD' || needsOld(t);
  // The old row is read only when something needs it: the old item, or its size (capacity
  // reporting and provisioned throughput).
  const readRow = parseOld || t.billingMode === 'PROVISIONED' || (opts.ReturnConsumedCapacity !== undefined && opts.ReturnConsumedCapacity !== 'NONE');
  return writeOne(core, t, { key, keyItem: item, condition, readRow, parseOld, next: () => change }, opts);
}

/** DeleteItem once its expressions are bound (also PartiQL DELETE). */
export async function deleteItem(core: DynamoDbCore, t: TableMeta, keyItem: Item, condition: BCondition | undefined, opts: WriteOptions): Promise<WriteResult> {
  const key = keyParam(t, keyItem);
  return writeOne(core, t, { key, keyItem, condition, readRow: true, parseOld: true, next: () => undefined }, opts);
}

/** UpdateItem once its expressions are bound (also PartiQL UPDATE). */
export async function updateItem(
  core: DynamoDbCore,
  t: TableMeta,
  keyItem: Item,
  actions: BAction[],
  condition: BCondition | undefined,
  opts: WriteOptions,
): Promise<WriteResult> {
  const key = keyParam(t, keyItem);
  const next = (old: Item | undefined): NewItem => {
    // Like AWS, an update creates the item when it does not exist (even one that only removes).
    const item = applyUpdate(old ?? keyItem, actions, old);
    checkIndexAttrs(t, item, true);
    const size = itemSize(item);
    if (size > MAX_ITEM_SIZE) throw validation('Item size to update has exceeded the maximum allowed size');
    return { item, json: JSON.stringify(item), size };
  };
  return writeOne(core, t, { key, keyItem, condition, readRow: true, parseOld: true, next, paths: actions.map((a) => a.p) }, opts);
}

/** The condition of a write: its ConditionExpression or its legacy Expected. */
function writeCondition(bound: BoundExpressions, input: { Expected?: Record<string, unknown>; ConditionalOperator?: string }): BCondition | undefined {
  return bound.condition ?? (input.Expected ? expectedCondition(input.Expected, input.ConditionalOperator) : undefined);
}

function onlyAllOld(rv: string | undefined): void {
  if (rv !== undefined && rv !== 'NONE' && rv !== 'ALL_OLD') throw validation('ReturnValues can only be ALL_OLD or NONE');
}

export class ItemOps implements Pick<DynamoDBApi, 'PutItem' | 'GetItem' | 'DeleteItem' | 'UpdateItem'> {
  constructor(private readonly core: DynamoDbCore) {}

  async PutItem(ctx: RequestContext, input: PutItemInput): Promise<PutItemOutput> {
    checkParamKinds(input, ['ConditionExpression'], ['Expected', 'ConditionalOperator']);
    onlyAllOld(input.ReturnValues);
    const condition = writeCondition(bindExpressions(input), input);
    const t = await this.core.tableOrThrow(ctx, input.TableName);
    return fromWire<PutItemOutput>(await putItem(this.core, t, input.Item, condition, input));
  }

  async GetItem(ctx: RequestContext, input: GetItemInput): Promise<GetItemOutput> {
    checkParamKinds(input, ['ProjectionExpression'], ['AttributesToGet']);
    const bound = bindExpressions(input);
    const projection = bound.projection ?? attributesToGet(input.AttributesToGet);
    const t = await this.core.tableOrThrow(ctx, input.TableName);
    const key = keyParam(t, checkItem(input.Key));
    this.core.checkRead(t);
    const row = await this.core.store.getRow(this.core.db, t, key);
    const units = readUnits(row?.size ?? 0, !!input.ConsistentRead);
    this.core.chargeRead(t, units);
    let cc;
    if (input.ReturnConsumedCapacity === 'TOTAL' || input.ReturnConsumedCapacity === 'INDEXES') {
      const c = newConsumed();
      c.table = units;
      cc = consumedCapacity(t.name, c, input.ReturnConsumedCapacity, 'read');
    }
    if (ctx.jsonWire && !projection) {
      // The stored JSON is the item's wire form already.
      const fields = row ? [`"Item":${row.item}`] : [];
      if (cc) fields.push(`"ConsumedCapacity":${JSON.stringify(cc)}`);
      return serializedOutput<GetItemOutput>(`{${fields.join(',')}}`);
    }
    const out: Wire<GetItemOutput> = {};
    if (row) {
      const item = parseItem(row.item);
      out.Item = projection ? project(item, projection) : item;
    }
    if (cc) out.ConsumedCapacity = cc;
    return fromWire<GetItemOutput>(out);
  }

  async DeleteItem(ctx: RequestContext, input: DeleteItemInput): Promise<DeleteItemOutput> {
    checkParamKinds(input, ['ConditionExpression'], ['Expected', 'ConditionalOperator']);
    onlyAllOld(input.ReturnValues);
    const condition = writeCondition(bindExpressions(input), input);
    const t = await this.core.tableOrThrow(ctx, input.TableName);
    return fromWire<DeleteItemOutput>(await deleteItem(this.core, t, checkItem(input.Key), condition, input));
  }

  async UpdateItem(ctx: RequestContext, input: UpdateItemInput): Promise<UpdateItemOutput> {
    checkParamKinds(input, ['UpdateExpression', 'ConditionExpression'], ['AttributeUpdates', 'Expected', 'ConditionalOperator']);
    const bound = bindExpressions(input);
    const condition = writeCondition(bound, input);
    const t = await this.core.tableOrThrow(ctx, input.TableName);
    const keyItem = checkItem(input.Key);
    keyParam(t, keyItem);
    return fromWire<UpdateItemOutput>(await updateItem(this.core, t, keyItem, updateActions(t, input.AttributeUpdates, bound), condition, input));
  }
}
