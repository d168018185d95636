/**
 * A Query's key condition as a key range: the partition key and the bounds of the sort key, in
 * the byte-sortable encoding storage orders items by (keys.ts).
 */
import type { BCondition, BOperand } from './expressions/bind.js';
import type { KeyAttr } from './tables.js';
import { encodeKey, invalidParam, validation, type AttributeValue } from './values.js';

/** One end of a sort key range. */
export interface KeyBound {
  v: Buffer;
  inclusive: boolean;
}

/** What one Query or Scan page reads: a partition and sort key range (Query) or all partitions, or a hash segment of them (parallel Scan). */
export interface ReadScope {
  pk?: Buffer;
  lo?: KeyBound;
  hi?: KeyBound;
  forward: boolean;
  segment?: { lo: number; hi: number };
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
export function keyRangeOf(
  cond: BCondition,
  hash: KeyAttr,
  range: KeyAttr | undefined,
): { pk: Buffer; lo?: KeyBound; hi?: KeyBound } {
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
  let lo: KeyBound | undefined;
  let hi: KeyBound | undefined;
  const seen = new Set<string>();
  const typed = (attr: KeyAttr, v: AttributeValue): Buffer => {
    if (v[attr.type] === undefined) throw invalidParam('Condition parameter type does not match schema type');
    return encodeKey(v, attr.type);
  };
  for (const c of clauses) {
    let name: string;
    let attr: KeyAttr | undefined;
    const pathName = (o: BOperand): string => {
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
