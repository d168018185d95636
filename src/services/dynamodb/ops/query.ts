/**
 * Query and Scan: one page of items in key order, from the table or one of its indexes, read in
 * batches (store.readRows) until the Limit or 1 MB. PartiQL's SELECT reads its pages here too.
 */
import type { RequestContext } from '../../../core/context.js';
import type { DynamoDBApi, QueryInput, QueryOutput, ScanInput, ScanOutput } from '../../../generated/dynamodb.js';
import { addIndex, consumedCapacity, newConsumed, readUnits } from '../capacity.js';
import type { DynamoDbCore } from '../core.js';
import { evalCondition, project, type BCondition, type BOperand } from '../expressions/bind.js';
import { encodeKeyAttrs, HASH_RANGE, projectedNames, projectItem } from '../keys.js';
import { keyRangeOf, multiKeyRangeOf, type ReadScope } from '../key-range.js';
import { filterCondition } from '../legacy.js';
import { attributesToGet, bindExpressions, checkParamKinds, fromWire, keyOfItem, parseItem, serializedOutput, type BoundExpressions, type Wire } from '../request.js';
import type { Cursor } from '../store.js';
import { hashAttrsOf, isMultiAttribute, keyAttrsOf, rangeAttrsOf, type IndexMeta, type TableMeta } from '../tables.js';
import { checkItem, encodeKey, invalidParam, itemSize, validation, type Item } from '../values.js';

/** A page holds at most 1 MB of items (before any filter). */
const PAGE_BYTES = 1024 * 1024;
/** Rows are read from storage this many at a time. */
const BATCH_ROWS = 200;

/** The members of a Query, Scan or PartiQL SELECT that shape its page. */
export interface PageRequest {
  Select?: string;
  AttributesToGet?: string[];
  ProjectionExpression?: string;
  Limit?: number;
  ExclusiveStartKey?: unknown;
  ConsistentRead?: boolean;
  ReturnConsumedCapacity?: string;
}

/** A page: its output, and with `serialize`, the items as their stored JSON (kept out of `out`). */
export interface Page {
  out: Wire<QueryOutput>;
  rawItems?: string[];
}

/** A page as the output of a Query or Scan. */
function pageOutput<T>(page: Page): T {
  if (page.rawItems) return serializedOutput<T>(`${JSON.stringify(page.out).slice(0, -1)},"Items":[${page.rawItems.join(',')}]}`);
  return fromWire<T>(page.out as Wire<T>);
}

/** Checks Select against the projection and the index; returns the Select in force. */
function selectOf(request: PageRequest, projection: unknown, t: TableMeta, ix: IndexMeta | undefined): string {
  const select = request.Select ?? (projection ? 'SPECIFIC_ATTRIBUTES' : ix ? 'ALL_PROJECTED_ATTRIBUTES' : 'ALL_ATTRIBUTES');
  if (request.Select && request.Select !== 'SPECIFIC_ATTRIBUTES' && projection) {
    throw validation(
      request.ProjectionExpression !== undefined
        ? `One or more parameter values were invalid: Select type ${request.Select} is not valid when ProjectionExpression is specified`
        : `Cannot specify the AttributesToGet when choosing to get ${request.Select}`,
    );
  }
  if (select === 'SPECIFIC_ATTRIBUTES' && !projection) {
    throw validation('One or more parameter values were invalid: Select type SPECIFIC_ATTRIBUTES requires either AttributesToGet or ProjectionExpression');
  }
  if (select === 'ALL_PROJECTED_ATTRIBUTES' && !ix) {
    throw validation('One or more parameter values were invalid: Select type ALL_PROJECTED_ATTRIBUTES is not valid when IndexName is not specified');
  }
  if (ix && ix.kind === 'GSI' && projectedNames(t, ix) && select === 'ALL_ATTRIBUTES') {
    throw validation(
      `One or more parameter values were invalid: Select type ALL_ATTRIBUTES is not supported for global secondary index ${ix.name} because its projection type is not ALL`,
    );
  }
  return select;
}

/** One page of a Query, Scan or SELECT; `serialize`: the items may come back as their stored JSON. */
export async function readPage(
  core: DynamoDbCore,
  serialize: boolean,
  t: TableMeta,
  ix: IndexMeta | undefined,
  request: PageRequest,
  bound: BoundExpressions,
  filter: BCondition | undefined,
  scope: ReadScope,
): Promise<Page> {
  const projection = bound.projection ?? attributesToGet(request.AttributesToGet);
  const select = selectOf(request, projection, t, ix);
  const names = ix ? projectedNames(t, ix) : undefined;
  const limit = request.Limit;
  const start = request.ExclusiveStartKey ? startKey(t, ix, checkItem(request.ExclusiveStartKey), scope.pk) : undefined;
  core.checkRead(t, ix);

  const items: Item[] = [];
  // Whole base-table items unfiltered go out as the JSON they are stored as (when the caller
  // serializes to JSON): no parse and re-serialization per item.
  const rawItems = serialize && !ix && !filter && !projection && select === 'ALL_ATTRIBUTES' ? ([] as string[]) : undefined;
  // A local index reads attributes it does not project from the table (as AWS does, at extra
  // cost); a global index only has what it projects.
  const lsiFetch = ix?.kind === 'LSI' && (select === 'ALL_ATTRIBUTES' || select === 'SPECIFIC_ATTRIBUTES' || filter !== undefined);
  let scanned = 0;
  let count = 0;
  let bytes = 0;
  let last: Item | undefined;
  let lastRaw: string | undefined;
  let cursor: Cursor | undefined = start;
  let more = true;
  let stoppedEarly = false;
  const batch = Math.min(limit ?? BATCH_ROWS, BATCH_ROWS);
  while (more) {
    const want = limit !== undefined ? Math.min(batch, limit - scanned) : batch;
    const rows = await core.store.readRows(t, ix, scope, cursor, want);
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
  const units = readUnits(bytes, !!request.ConsistentRead);
  core.chargeRead(t, units, ix);
  const out: Wire<QueryOutput> = { Count: count, ScannedCount: scanned };
  if (select !== 'COUNT' && !rawItems) out.Items = items;
  if (stoppedEarly && last) {
    const lek = keyOfItem(t, last);
    if (ix) for (const k of keyAttrsOf(ix)) lek[k.name] = last[k.name]!;
    out.LastEvaluatedKey = lek;
  }
  if (request.ReturnConsumedCapacity === 'TOTAL' || request.ReturnConsumedCapacity === 'INDEXES') {
    const c = newConsumed();
    if (ix) addIndex(c, ix.kind, ix.name, units);
    else c.table = units;
    out.ConsumedCapacity = consumedCapacity(t.name, c, request.ReturnConsumedCapacity, 'read');
  }
  return { out, rawItems };
}

/** The top-level attributes a condition reads. */
function conditionAttributes(c: BCondition, out = new Set<string>()): Set<string> {
  const operand = (o: BOperand): void => {
    if (o.k === 'path') out.add(String(o.p[0]));
    else if (o.k === 'size') operand(o.arg);
  };
  if (c.k === 'and' || c.k === 'or') {
    conditionAttributes(c.l, out);
    conditionAttributes(c.r, out);
  } else if (c.k === 'not') conditionAttributes(c.c, out);
  else if (c.k === 'cmp') [c.l, c.r].forEach(operand);
  else if (c.k === 'between') [c.v, c.lo, c.hi].forEach(operand);
  else if (c.k === 'in') [c.v, ...c.list].forEach(operand);
  else if (c.k === 'fn') c.args.forEach(operand);
  return out;
}

/** ExclusiveStartKey as a cursor: the table's key (and the index's), within the query's partition. */
function startKey(t: TableMeta, ix: IndexMeta | undefined, key: Item, pk: Buffer | undefined): Cursor {
  const invalid = () => validation('The provided starting key is invalid: The provided key element does not match the schema');
  const attrs = [t.hash, ...(t.range ? [t.range] : [])];
  if (ix) for (const k of keyAttrsOf(ix)) if (!attrs.some((a) => a.name === k.name)) attrs.push(k);
  if (Object.keys(key).length !== attrs.length) throw invalid();
  for (const a of attrs) {
    const v = key[a.name];
    if (!v || v[a.type] === undefined) throw invalid();
  }
  const c: Cursor = { pk: encodeKey(key[t.hash.name]!, t.hash.type), sk: t.range ? encodeKey(key[t.range.name]!, t.range.type) : Buffer.alloc(0) };
  if (ix) {
    c.ipk = encodeKeyAttrs(hashAttrsOf(ix), key);
    c.isk = encodeKeyAttrs(rangeAttrsOf(ix), key);
    if (pk && !c.ipk.equals(pk)) throw validation('The provided starting key is outside query boundaries based on provided conditions');
  } else if (pk && !c.pk.equals(pk)) throw validation('The provided starting key is outside query boundaries based on provided conditions');
  return c;
}

export class QueryOps implements Pick<DynamoDBApi, 'Query' | 'Scan'> {
  constructor(private readonly core: DynamoDbCore) {}

  async Query(ctx: RequestContext, input: QueryInput): Promise<QueryOutput> {
    checkParamKinds(
      input,
      ['KeyConditionExpression', 'FilterExpression', 'ProjectionExpression'],
      ['KeyConditions', 'QueryFilter', 'AttributesToGet', 'ConditionalOperator'],
    );
    if (input.KeyConditionExpression === undefined && input.KeyConditions === undefined) {
      throw validation('Either the KeyConditions or KeyConditionExpression parameter must be specified in the request.');
    }
    const bound = bindExpressions(input);
    const t = await this.core.tableOrThrow(ctx, input.TableName);
    const ix = this.core.indexOrThrow(t, input.IndexName, !!input.ConsistentRead);
    const keyHash = ix ? ix.hash : t.hash;
    const keyRange = ix ? ix.range : t.range;
    if (ix && isMultiAttribute(ix) && bound.keyCondition === undefined) {
      throw validation(`KeyConditions cannot be used to query index ${ix.name}, whose key has several attributes: use KeyConditionExpression`);
    }
    const keyCond = bound.keyCondition ?? filterCondition(input.KeyConditions!, 'AND')!;
    const range = ix && isMultiAttribute(ix) ? multiKeyRangeOf(keyCond, hashAttrsOf(ix), rangeAttrsOf(ix)) : keyRangeOf(keyCond, keyHash, keyRange);
    if (ix && isMultiAttribute(ix) && bound.filter) {
      const keyNames = new Set(keyAttrsOf(ix).map((k) => k.name));
      const named = [...conditionAttributes(bound.filter)].find((n) => keyNames.has(n));
      if (named !== undefined) throw validation(`Filter Expression can only contain non-primary key attributes: Primary key attribute: ${named}`);
    }
    const filter = bound.filter ?? (input.QueryFilter ? filterCondition(input.QueryFilter, input.ConditionalOperator) : undefined);
    for (const k of Object.keys(input.QueryFilter ?? {})) {
      if (k === keyHash.name || k === keyRange?.name) {
        throw invalidParam(`QueryFilter can only contain non-primary key attributes: Primary key attribute: ${k}`);
      }
    }
    const scope: ReadScope = { pk: range.pk, lo: range.lo, hi: range.hi, forward: input.ScanIndexForward !== false };
    return pageOutput<QueryOutput>(await readPage(this.core, !!ctx.jsonWire, t, ix, input, bound, filter, scope));
  }

  async Scan(ctx: RequestContext, input: ScanInput): Promise<ScanOutput> {
    checkParamKinds(input, ['FilterExpression', 'ProjectionExpression'], ['ScanFilter', 'AttributesToGet', 'ConditionalOperator']);
    if ((input.Segment === undefined) !== (input.TotalSegments === undefined)) {
      throw validation(
        input.Segment === undefined
          ? 'The Segment parameter is required but was not present in the request when parameter TotalSegments is present'
          : 'The TotalSegments parameter is required but was not present in the request when Segment parameter is present',
      );
    }
    if (input.Segment !== undefined && input.Segment >= input.TotalSegments!) {
      throw validation(`The Segment parameter is zero-based and must be less than parameter TotalSegments: Segment: ${input.Segment} is not less than TotalSegments: ${input.TotalSegments}`);
    }
    const bound = bindExpressions(input);
    const t = await this.core.tableOrThrow(ctx, input.TableName);
    const ix = this.core.indexOrThrow(t, input.IndexName, !!input.ConsistentRead);
    const filter = bound.filter ?? (input.ScanFilter ? filterCondition(input.ScanFilter, input.ConditionalOperator) : undefined);
    const scope: ReadScope = { forward: true };
    if (input.TotalSegments !== undefined) {
      const size = HASH_RANGE / input.TotalSegments;
      scope.segment = { lo: Math.floor(input.Segment! * size), hi: Math.floor((input.Segment! + 1) * size) };
    }
    return pageOutput<ScanOutput>(await readPage(this.core, !!ctx.jsonWire, t, ix, input, bound, filter, scope));
  }
}
