/**
 * What DynamoDB's operations share in reading a request and shaping its output: the rules that mix
 * expression and legacy parameters, the bound expressions, condition checks, and the wire form of
 * items in outputs.
 */
import type { AwsError } from '../../aws/errors.js';
import { SerializedJson } from '../../aws/serialized-json.js';
import { ConditionalCheckFailedException, type AttributeValue as ModelAttributeValue, type ItemCollectionMetrics } from '../../generated/dynamodb.js';
import { Binder, evalCondition, type BAction, type BCondition, type Path } from './expressions/bind.js';
import type { EncodedKey } from './keys.js';
import { attributeUpdates } from './legacy.js';
import type { TableMeta } from './tables.js';
import { invalidParam, validation, type AttributeValue, type Item } from './values.js';

type SameKeys<A, B> = [keyof A] extends [keyof B] ? ([keyof B] extends [keyof A] ? true : false) : false;

/**
 * A generated input or output type as DynamoDB's operations read and build it. AttributeValue is
 * a wire shape (the definition's `wireShapes`): B and BS hold base64 text where the generated
 * types, written for decoded values, say Buffer. `Wire<T>` is T with the wire form (values.ts).
 */
export type Wire<T> = T extends Date
  ? T
  : T extends readonly (infer U)[]
    ? Wire<U>[]
    : T extends object
      ? SameKeys<T, ModelAttributeValue> extends true
        ? AttributeValue
        : { [K in keyof T]: Wire<T[K]> }
      : T;

/** An output built in wire form, as its generated type (the protocol writes both alike). */
export function fromWire<T>(out: Wire<T>): T {
  return out as unknown as T;
}

/** An input as it really arrives: AttributeValues in wire form. */
export function toWire<T>(input: T): Wire<T> {
  return input as unknown as Wire<T>;
}

/** An output already serialized as awsJson (stored items); the protocol writes the text as it is. */
export function serializedOutput<T>(json: string): T {
  return new SerializedJson(json) as unknown as T;
}

export function sizeExceeded(): AwsError {
  return validation('Item size has exceeded the maximum allowed size');
}

/** Checks the mix of expression and legacy parameters, as DynamoDB does, before anything else. */
export function checkParamKinds(request: object, exprNames: string[], legacyNames: string[]): void {
  const input = request as Record<string, unknown>;
  const expr = exprNames.filter((n) => input[n] !== undefined);
  const legacy = legacyNames.filter((n) => input[n] !== undefined);
  if (expr.length && legacy.length) {
    throw validation(
      `Can not use both expression and non-expression parameters in the same request: Non-expression parameters: {${legacy.join(', ')}} Expression parameters: {${expr.join(', ')}}`,
    );
  }
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

/** The expression parameters a request may carry. */
export interface ExpressionParams {
  ConditionExpression?: string;
  ProjectionExpression?: string;
  UpdateExpression?: string;
  FilterExpression?: string;
  KeyConditionExpression?: string;
  ExpressionAttributeNames?: Record<string, string>;
  ExpressionAttributeValues?: Record<string, unknown>;
}

/** A request's expressions, parsed and bound to its attribute names and values. */
export interface BoundExpressions {
  condition?: BCondition;
  projection?: Path[];
  update?: BAction[];
  filter?: BCondition;
  keyCondition?: BCondition;
}

/** Parses and binds every expression of a request (cached parse, per-request bind). */
export function bindExpressions(input: ExpressionParams): BoundExpressions {
  const out: BoundExpressions = {};
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

export function attributesToGet(list: string[] | undefined): Path[] | undefined {
  if (!list) return undefined;
  if (new Set(list).size !== list.length) throw invalidParam(`Duplicate value in attribute name: ${list.find((x, i) => list.indexOf(x) !== i)}`);
  return list.map((n) => [n]);
}

export function parseItem(json: string): Item {
  return JSON.parse(json) as Item;
}

export function keyOfItem(t: TableMeta, item: Item): Item {
  const k: Item = { [t.hash.name]: item[t.hash.name]! };
  if (t.range) k[t.range.name] = item[t.range.name]!;
  return k;
}

/** A check that refuses (with `message`) a request that names one item twice. */
export function distinctItems(message: string): (t: TableMeta, key: EncodedKey) => void {
  const seen = new Set<string>();
  return (t, key) => {
    const id = `${t.id}:${key.pk.toString('hex')}:${key.sk.toString('hex')}`;
    if (seen.has(id)) throw validation(message);
    seen.add(id);
  };
}

/** The item collection metrics DynamoDB returns for tables with local secondary indexes. */
export function collectionMetrics(t: TableMeta, mode: string | undefined, item: Item | undefined): Wire<ItemCollectionMetrics> | undefined {
  if (mode !== 'SIZE' || !t.lsis.length || !item) return undefined;
  return { ItemCollectionKey: { [t.hash.name]: item[t.hash.name]! }, SizeEstimateRangeGB: [0, 1] };
}

/** Throws ConditionalCheckFailedException (carrying the old item when asked to) when the condition is false. */
export function requireCondition(condition: BCondition | undefined, old: Item | undefined, input: { ReturnValuesOnConditionCheckFailure?: string }): void {
  if (condition && !evalCondition(condition, old)) {
    const item = input.ReturnValuesOnConditionCheckFailure === 'ALL_OLD' ? old : undefined;
    throw new ConditionalCheckFailedException('The conditional request failed', item ? { Item: item } : {});
  }
}

/** Refuses update actions on the table's key attributes. */
export function checkNoKeyUpdates(t: TableMeta, actions: BAction[]): void {
  for (const a of actions) {
    const head = a.p[0] as string;
    if (head === t.hash.name || head === t.range?.name) {
      throw invalidParam(`Cannot update attribute ${head}. This attribute is part of the key`);
    }
  }
}

/** An update's actions: its UpdateExpression or its legacy AttributeUpdates. */
export function updateActions(t: TableMeta, legacyUpdates: Record<string, unknown> | undefined, bound: BoundExpressions): BAction[] {
  const actions = bound.update ?? (legacyUpdates ? attributeUpdates(legacyUpdates) : []);
  checkNoKeyUpdates(t, actions);
  return actions;
}
