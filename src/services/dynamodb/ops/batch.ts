/**
 * BatchGetItem and BatchWriteItem: up to 100 reads or 25 writes over several tables. A table whose
 * provisioned throughput is exhausted gets its requests back unprocessed; only when every table is
 * throttled does the whole call fail, as in AWS.
 */
import type { RequestContext } from '../../../core/context.js';
import type { BatchGetItemInput, BatchGetItemOutput, BatchWriteItemInput, BatchWriteItemOutput, ConsumedCapacity, DynamoDBApi } from '../../../generated/dynamodb.js';
import { addWriteUnits, consumedCapacity, newConsumed, readUnits, type Consumed } from '../capacity.js';
import type { DynamoDbCore } from '../core.js';
import { project, type Path } from '../expressions/bind.js';
import { checkIndexAttrs, itemKey, keyParam, type EncodedKey } from '../keys.js';
import {
  attributesToGet,
  bindExpressions,
  checkParamKinds,
  collectionMetrics,
  distinctItems,
  fromWire,
  parseItem,
  sizeExceeded,
  toWire,
  type Wire,
} from '../request.js';
import { needsOld } from '../store.js';
import type { TableMeta } from '../tables.js';
import { checkItem, itemSize, MAX_ITEM_SIZE, validation, type Item } from '../values.js';

const MAX_GETS = 100;
const MAX_WRITES = 25;
/** BatchGetItem returns at most this much; the rest of the keys come back in UnprocessedKeys. */
const MAX_GET_BYTES = 16 * 1024 * 1024;
const DUPLICATE_KEYS = 'Provided list of item keys contains duplicates';

type KeysAndAttributes = Wire<BatchGetItemInput>['RequestItems'][string];

/** The reads of one table of a BatchGetItem. */
interface TableGets {
  t: TableMeta;
  name: string;
  keys: { key: EncodedKey; raw: Item }[];
  projection?: Path[];
  req: KeysAndAttributes;
}

/** One write of a BatchWriteItem: a put (with its item) or a delete. */
interface BatchWrite {
  t: TableMeta;
  key: EncodedKey;
  item?: Item;
  json?: string;
  size?: number;
}

/** Runs `check` on each of `items`: those it throws for are throttled; all of them throttled throws. */
function throttled<T>(items: T[], check: (item: T) => void): Set<T> {
  const out = new Set<T>();
  let last: unknown;
  for (const x of items) {
    try {
      check(x);
    } catch (e) {
      out.add(x);
      last = e;
    }
  }
  if (items.length > 0 && out.size === items.length) throw last;
  return out;
}

export class BatchOps implements Pick<DynamoDBApi, 'BatchGetItem' | 'BatchWriteItem'> {
  constructor(private readonly core: DynamoDbCore) {}

  async BatchGetItem(ctx: RequestContext, request: BatchGetItemInput): Promise<BatchGetItemOutput> {
    const input = toWire(request);
    let total = 0;
    const plans: TableGets[] = [];
    for (const [name, req] of Object.entries(input.RequestItems)) {
      checkParamKinds(req, ['ProjectionExpression'], ['AttributesToGet']);
      const bound = bindExpressions(req);
      const projection = bound.projection ?? attributesToGet(req.AttributesToGet);
      total += req.Keys.length;
      if (total > MAX_GETS) throw validation('Too many items requested for the BatchGetItem call');
      const t = await this.core.tableOrThrow(ctx, name);
      const distinct = distinctItems(DUPLICATE_KEYS);
      const keys = req.Keys.map((raw) => {
        const item = checkItem(raw);
        const key = keyParam(t, item);
        distinct(t, key);
        return { key, raw: item };
      });
      plans.push({ t, name, keys, projection, req });
    }
    const responses: Record<string, Item[]> = {};
    const unprocessed: Record<string, KeysAndAttributes> = {};
    const consumed: ConsumedCapacity[] = [];
    let bytes = 0;
    const skipped = throttled(plans, (p) => this.core.checkRead(p.t));
    for (const p of plans) {
      if (skipped.has(p)) {
        unprocessed[p.name] = p.req;
        continue;
      }
      const items: Item[] = [];
      const c = newConsumed();
      const rest: Item[] = [];
      for (const { key, raw } of p.keys) {
        if (bytes >= MAX_GET_BYTES) {
          rest.push(raw);
          continue;
        }
        const row = await this.core.store.getRow(this.core.db, p.t, key);
        c.table += readUnits(row?.size ?? 0, !!p.req.ConsistentRead);
        if (row) {
          bytes += row.size;
          const item = parseItem(row.item);
          items.push(p.projection ? project(item, p.projection) : item);
        }
      }
      this.core.chargeRead(p.t, c.table);
      responses[p.name] = items;
      if (rest.length) unprocessed[p.name] = { ...p.req, Keys: rest };
      const cc = consumedCapacity(p.t.name, c, input.ReturnConsumedCapacity, 'read');
      if (cc) consumed.push(cc);
    }
    const out: Wire<BatchGetItemOutput> = { Responses: responses, UnprocessedKeys: unprocessed };
    if (consumed.length) out.ConsumedCapacity = consumed;
    return fromWire<BatchGetItemOutput>(out);
  }

  async BatchWriteItem(ctx: RequestContext, request: BatchWriteItemInput): Promise<BatchWriteItemOutput> {
    const input = toWire(request);
    const requests = input.RequestItems;
    let total = 0;
    const writes: BatchWrite[] = [];
    const tables: TableMeta[] = [];
    const requestKey = new Map<TableMeta, string>();
    for (const [name, list] of Object.entries(requests)) {
      total += list.length;
      if (total > MAX_WRITES) {
        throw validation(
          "1 validation error detected: Value at 'requestItems' failed to satisfy constraint: Map value must satisfy constraint: [Member must have length less than or equal to 25, Member must have length greater than or equal to 1]",
        );
      }
      const t = await this.core.tableOrThrow(ctx, name);
      tables.push(t);
      requestKey.set(t, name);
      const distinct = distinctItems(DUPLICATE_KEYS);
      for (const req of list) {
        const put = req.PutRequest;
        const del = req.DeleteRequest;
        if ((put ? 1 : 0) + (del ? 1 : 0) !== 1) {
          throw validation('Supplied AttributeValue has more than one datatypes set, must contain exactly one of the supported datatypes');
        }
        let write: BatchWrite;
        if (put) {
          const item = checkItem(put.Item);
          const key = itemKey(t, item);
          checkIndexAttrs(t, item);
          const size = itemSize(item);
          if (size > MAX_ITEM_SIZE) throw sizeExceeded();
          write = { t, key, item, json: JSON.stringify(item), size };
        } else {
          write = { t, key: keyParam(t, checkItem(del!.Key)) };
        }
        distinct(t, write.key);
        writes.push(write);
      }
    }
    const skipped = throttled(tables, (t) => this.core.checkWrite(t));
    const store = this.core.store;
    const consumedByTable = await this.core.db.tx(async (tx) => {
      const consumed = new Map<TableMeta, Consumed>();
      for (const t of tables) if (!skipped.has(t)) consumed.set(t, newConsumed());
      for (const w of writes) {
        if (skipped.has(w.t)) continue;
        const c = consumed.get(w.t)!;
        const row = await store.getRow(tx, w.t, w.key);
        const old = row && needsOld(w.t) ? parseItem(row.item) : undefined;
        if (w.item) {
          await store.put(tx, w.t, w.key, w.item, w.json!, w.size!, old);
          addWriteUnits(c, w.t, old, row?.size ?? 0, w.item, w.size!);
        } else {
          if (row) await store.delete(tx, w.t, w.key, old ?? parseItem(row.item));
          addWriteUnits(c, w.t, old, row?.size ?? 0, undefined, 0);
        }
      }
      return consumed;
    });
    for (const w of writes) if (!skipped.has(w.t)) this.core.wakeTtl(w.t, w.item);
    const unprocessed: Wire<BatchWriteItemOutput>['UnprocessedItems'] = {};
    for (const t of skipped) unprocessed[requestKey.get(t)!] = requests[requestKey.get(t)!]!;
    const out: Wire<BatchWriteItemOutput> = { UnprocessedItems: unprocessed };
    const consumed: ConsumedCapacity[] = [];
    for (const [t, c] of consumedByTable) {
      this.core.chargeWrite(t, c);
      const cc = consumedCapacity(t.name, c, input.ReturnConsumedCapacity, 'write');
      if (cc) consumed.push(cc);
    }
    if (consumed.length) out.ConsumedCapacity = consumed;
    if (input.ReturnItemCollectionMetrics === 'SIZE') {
      const metrics: NonNullable<Wire<BatchWriteItemOutput>['ItemCollectionMetrics']> = {};
      for (const w of writes) {
        const m = collectionMetrics(w.t, 'SIZE', w.item);
        if (m) (metrics[w.t.name] ??= []).push(m);
      }
      out.ItemCollectionMetrics = metrics;
    }
    return fromWire<BatchWriteItemOutput>(out);
  }
}
