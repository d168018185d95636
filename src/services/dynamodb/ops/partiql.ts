/**
 * PartiQL: ExecuteStatement, BatchExecuteStatement and ExecuteTransaction. Statements are parsed
 * by ../partiql.ts into the bound conditions and update actions of the expression API, then run as
 * the item, query and transaction operations run them.
 */
import { AwsError } from '../../../aws/errors.js';
import type { RequestContext } from '../../../core/context.js';
import {
  DuplicateItemException,
  type BatchExecuteStatementInput,
  type BatchExecuteStatementOutput,
  type BatchStatementErrorCodeEnum,
  type BatchStatementResponse,
  type DynamoDBApi,
  type ExecuteStatementInput,
  type ExecuteStatementOutput,
  type ExecuteTransactionInput,
  type ExecuteTransactionOutput,
} from '../../../generated/dynamodb.js';
import type { DynamoDbCore } from '../core.js';
import { project, type BCondition } from '../expressions/bind.js';
import { checkIndexAttrs, encodeKeyAttrs, itemKey, keyParam } from '../keys.js';
import { equalities, parseStatement, type Statement } from '../partiql.js';
import { checkNoKeyUpdates, fromWire, keyOfItem, parseItem, sizeExceeded, type Wire } from '../request.js';
import { hashAttrsOf, type TableMeta } from '../tables.js';
import { checkItem, itemSize, MAX_ITEM_SIZE, validation, type Item } from '../values.js';
import { deleteItem, putItem, updateItem } from './items.js';
import { readPage } from './query.js';
import { distinctTransactionItems, requestDigest, runTransaction, type WritePlan } from './transactions.js';

/** The members of ExecuteStatement (and of one statement of a batch) a statement runs with. */
interface StatementRequest {
  Statement: string;
  Parameters?: unknown[];
  ConsistentRead?: boolean;
  Limit?: number;
  NextToken?: string;
  ReturnConsumedCapacity?: string;
  ReturnValuesOnConditionCheckFailure?: string;
}

/** The item key a statement's WHERE clause names by equalities on every key attribute. */
function statementKey(t: TableMeta, where: BCondition | undefined): Item {
  const eq = equalities(where);
  const key: Item = {};
  for (const k of t.range ? [t.hash, t.range] : [t.hash]) {
    const v = eq.get(k.name);
    if (!v) throw validation('Where clause does not contain a mandatory equality on all key attributes');
    key[k.name] = v;
  }
  return key;
}

function isConjunctionOfEqualities(c: BCondition): boolean {
  if (c.k === 'and') return isConjunctionOfEqualities(c.l) && isConjunctionOfEqualities(c.r);
  return c.k === 'cmp' && c.op === '=';
}

function attributeExists(t: TableMeta): BCondition {
  return { k: 'fn', name: 'attribute_exists', args: [{ k: 'path', p: [t.hash.name] }] };
}

function attributeNotExists(t: TableMeta): BCondition {
  return { k: 'fn', name: 'attribute_not_exists', args: [{ k: 'path', p: [t.hash.name] }] };
}

export class PartiqlOps implements Pick<DynamoDBApi, 'ExecuteStatement' | 'BatchExecuteStatement' | 'ExecuteTransaction'> {
  constructor(private readonly core: DynamoDbCore) {}

  async ExecuteStatement(ctx: RequestContext, input: ExecuteStatementInput): Promise<ExecuteStatementOutput> {
    return fromWire<ExecuteStatementOutput>(await this.statement(ctx, input));
  }

  async BatchExecuteStatement(ctx: RequestContext, input: BatchExecuteStatementInput): Promise<BatchExecuteStatementOutput> {
    const list = input.Statements;
    const parsed = list.map((s) => {
      try {
        return parseStatement(s.Statement, s.Parameters);
      } catch (e) {
        return e as AwsError;
      }
    });
    const kinds = new Set(parsed.filter((p): p is Statement => !(p instanceof Error)).map((p) => (p.kind === 'select' ? 'read' : 'write')));
    if (kinds.size > 1) throw validation('Statements in a batch must all be reads or all be writes');
    const responses: Wire<BatchStatementResponse>[] = [];
    for (let i = 0; i < list.length; i++) {
      const p = parsed[i]!;
      const s = list[i]!;
      try {
        if (p instanceof Error) throw p;
        if (p.kind === 'select') {
          const t = await this.core.tableOrThrow(ctx, p.table);
          statementKey(t, p.where); // batch reads must name a full primary key
          const r = await this.statement(ctx, { ...s, ReturnConsumedCapacity: undefined });
          responses.push({ TableName: t.name, ...(r.Items?.[0] ? { Item: r.Items[0] } : {}) });
        } else {
          await this.statement(ctx, { ...s, ReturnConsumedCapacity: undefined });
          responses.push({ TableName: p.table });
        }
      } catch (e) {
        if (!(e instanceof AwsError)) throw e;
        const code = e.code === 'ConditionalCheckFailedException' ? 'ConditionalCheckFailed' : e.code.replace(/Exception$/, '');
        const item = e.fields.Item as Item | undefined;
        responses.push({
          Error: { Code: code as BatchStatementErrorCodeEnum, Message: e.message, ...(item ? { Item: item } : {}) },
          ...(p instanceof Error ? {} : { TableName: p.table }),
        });
      }
    }
    return fromWire<BatchExecuteStatementOutput>({ Responses: responses });
  }

  async ExecuteTransaction(ctx: RequestContext, input: ExecuteTransactionInput): Promise<ExecuteTransactionOutput> {
    const list = input.TransactStatements;
    const parsed = list.map((s) => parseStatement(s.Statement, s.Parameters));
    const reads = parsed.filter((p) => p.kind === 'select').length;
    if (reads && reads !== parsed.length) throw validation('Transactions must contain only reads or only writes');
    if (reads) return fromWire<ExecuteTransactionOutput>({ Responses: await this.transactGets(ctx, parsed) });
    const plans: WritePlan[] = [];
    const distinct = distinctTransactionItems();
    for (const p of parsed) {
      const t = await this.core.tableOrThrow(ctx, p.table);
      let plan: WritePlan;
      if (p.kind === 'insert') {
        const item = checkItem(p.item);
        checkIndexAttrs(t, item);
        if (itemSize(item) > MAX_ITEM_SIZE) throw sizeExceeded();
        plan = { t, key: itemKey(t, item), keyItem: keyOfItem(t, item), kind: 'put', item, condition: attributeNotExists(t) };
      } else if (p.kind === 'update') {
        const keyItem = statementKey(t, p.where);
        checkNoKeyUpdates(t, p.actions);
        plan = { t, key: keyParam(t, keyItem), keyItem, kind: 'update', actions: p.actions, condition: { k: 'and', l: attributeExists(t), r: p.where } };
      } else {
        // Only writes are left: a DELETE (a SELECT here would have made the transaction a read).
        const where = (p as Extract<Statement, { kind: 'delete' }>).where;
        const keyItem = statementKey(t, where);
        plan = { t, key: keyParam(t, keyItem), keyItem, kind: 'delete', condition: isConjunctionOfEqualities(where) ? undefined : where };
      }
      distinct(t, plan.key);
      plans.push(plan);
    }
    const token = input.ClientRequestToken;
    return fromWire<ExecuteTransactionOutput>(await runTransaction(this.core, ctx, plans, token, requestDigest(token, list), input.ReturnConsumedCapacity));
  }

  /** A read transaction: every SELECT names one item by its key. */
  private async transactGets(ctx: RequestContext, parsed: Statement[]): Promise<{ Item?: Item }[]> {
    const gets = await Promise.all(
      parsed.map(async (p) => {
        const select = p as Extract<Statement, { kind: 'select' }>;
        const t = await this.core.tableOrThrow(ctx, select.table);
        return { t, key: statementKey(t, select.where), projection: select.projection };
      }),
    );
    return Promise.all(
      gets.map(async (g) => {
        const row = await this.core.store.getRow(this.core.db, g.t, keyParam(g.t, g.key));
        if (!row) return {};
        const item = parseItem(row.item);
        return { Item: g.projection ? project(item, g.projection) : item };
      }),
    );
  }

  private async statement(ctx: RequestContext, input: StatementRequest): Promise<Wire<ExecuteStatementOutput>> {
    const st = parseStatement(input.Statement, input.Parameters);
    const t = await this.core.tableOrThrow(ctx, st.table);
    const opts = { ReturnConsumedCapacity: input.ReturnConsumedCapacity, ReturnValuesOnConditionCheckFailure: input.ReturnValuesOnConditionCheckFailure };
    switch (st.kind) {
      case 'select':
        return this.select(t, st, input);
      case 'insert': {
        try {
          const r = await putItem(this.core, t, st.item, attributeNotExists(t), opts);
          return r.ConsumedCapacity ? { ConsumedCapacity: r.ConsumedCapacity } : {};
        } catch (e) {
          if (e instanceof AwsError && e.code === 'ConditionalCheckFailedException') throw new DuplicateItemException('Duplicate primary key exists in table');
          throw e;
        }
      }
      case 'update': {
        const key = statementKey(t, st.where);
        checkNoKeyUpdates(t, st.actions);
        const r = await updateItem(this.core, t, key, st.actions, { k: 'and', l: attributeExists(t), r: st.where }, { ...opts, ReturnValues: st.returning ?? 'NONE' });
        return writeOutput(r);
      }
      case 'delete': {
        const key = statementKey(t, st.where);
        const onlyKey = [...equalities(st.where).keys()].length === (t.range ? 2 : 1) && isConjunctionOfEqualities(st.where);
        const r = await deleteItem(this.core, t, key, onlyKey ? undefined : st.where, { ...opts, ReturnValues: st.returning === 'ALL_OLD' ? 'ALL_OLD' : 'NONE' });
        return writeOutput(r);
      }
    }
  }

  /** A SELECT: one page of a Query (WHERE names the partition key) or of a Scan, its NextToken the page's last key. */
  private async select(t: TableMeta, st: Extract<Statement, { kind: 'select' }>, input: StatementRequest): Promise<Wire<ExecuteStatementOutput>> {
    const ix = this.core.indexOrThrow(t, st.index, !!input.ConsistentRead);
    // Equality on every partition key attribute (several for a multi-attribute GSI key) makes the SELECT a Query.
    const hashAttrs = ix ? hashAttrsOf(ix) : [t.hash];
    const eqs = equalities(st.where);
    const pkValues: Item = {};
    for (const a of hashAttrs) {
      const v = eqs.get(a.name);
      if (v && v[a.type] !== undefined) pkValues[a.name] = v;
    }
    let start: Item | undefined;
    if (input.NextToken) {
      try {
        start = JSON.parse(Buffer.from(input.NextToken, 'base64').toString('utf8')) as Item;
      } catch {
        throw validation('Invalid NextToken');
      }
    }
    const pk = Object.keys(pkValues).length === hashAttrs.length ? encodeKeyAttrs(hashAttrs, pkValues) : undefined;
    const keyRange = ix ? ix.range : t.range;
    if (st.orderBy && (!pk || st.orderBy.attr !== keyRange?.name)) {
      throw validation('Must have WHERE clause in the statement when using ORDER BY clause, and ORDER BY must use the sort key');
    }
    const request = {
      Limit: input.Limit,
      ExclusiveStartKey: start,
      ConsistentRead: input.ConsistentRead,
      ReturnConsumedCapacity: input.ReturnConsumedCapacity,
      Select: ix && !st.projection ? 'ALL_PROJECTED_ATTRIBUTES' : undefined,
    };
    const scope = pk ? { pk, forward: !st.orderBy?.desc } : { forward: true };
    const { out: page } = await readPage(this.core, false, t, ix, request, { projection: st.projection }, st.where, scope);
    const out: Wire<ExecuteStatementOutput> = { Items: page.Items };
    if (page.LastEvaluatedKey) out.NextToken = Buffer.from(JSON.stringify(page.LastEvaluatedKey)).toString('base64');
    if (page.ConsumedCapacity) out.ConsumedCapacity = page.ConsumedCapacity;
    return out;
  }
}

/** A PartiQL write's output: the item RETURNING asked for, and the capacity used. */
function writeOutput(r: { Attributes?: Item; ConsumedCapacity?: Wire<ExecuteStatementOutput>['ConsumedCapacity'] }): Wire<ExecuteStatementOutput> {
  const out: Wire<ExecuteStatementOutput> = {};
  if (r.Attributes) out.Items = [r.Attributes];
  if (r.ConsumedCapacity) out.ConsumedCapacity = r.ConsumedCapacity;
  return out;
}
