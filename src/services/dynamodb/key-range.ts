/**
 * A Query's key condition as a key range: the partition key and the bounds of the sort key, in
 * the byte-sortable encoding storage orders items by (keys.ts).
 */
import type { BCondition, BOperand } from './expressions/bind.js';
import type { KeyAttr } from './tables.js';
import { encodeTuple, escapeTuplePart } from './keys.js';
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

type KeyOp = '=' | '<' | '<=' | '>' | '>=' | 'between' | 'begins_with';

/** One condition of a key condition on a multi-attribute index key: its attribute, operator and values. */
interface KeyClause {
  name: string;
  op: KeyOp;
  values: AttributeValue[];
}

const FLIPPED = { '=': '=', '<': '>', '<=': '>=', '>': '<', '>=': '<=' } as const;

function keyClause(c: BCondition): KeyClause {
  const pathName = (o: BOperand): string => {
    if (o.k === 'size') throw validation('KeyConditionExpressions cannot contain nested operations');
    if (o.k !== 'path') throw validation('Invalid condition in KeyConditionExpression: No key attribute specified');
    if (o.p.length > 1) throw validation('KeyConditionExpressions cannot have conditions on nested attributes');
    return o.p[0] as string;
  };
  const constant = (o: BOperand): AttributeValue => {
    if (o.k !== 'const') throw validation('KeyConditionExpressions cannot contain nested operations');
    return o.v;
  };
  if (c.k === 'cmp') {
    if (c.op === '<>') throw validation('Invalid operator used in KeyConditionExpression: <>');
    if (c.l.k === 'path' && c.r.k === 'path') throw validation('Invalid condition in KeyConditionExpression: Multiple attribute names used in one condition');
    if (c.l.k !== 'path' && c.r.k === 'path') return { name: pathName(c.r), op: FLIPPED[c.op], values: [constant(c.l)] };
    return { name: pathName(c.l), op: c.op, values: [constant(c.r)] };
  }
  if (c.k === 'between') return { name: pathName(c.v), op: 'between', values: [constant(c.lo), constant(c.hi)] };
  if (c.k === 'fn' && c.name === 'begins_with') return { name: pathName(c.args[0]!), op: 'begins_with', values: [constant(c.args[1]!)] };
  throw validation(`Invalid operator used in KeyConditionExpression: ${c.k === 'fn' ? c.name : c.k.toUpperCase()}`);
}

/**
 * The key range of a Query on an index with a multi-attribute key (keys.ts encodeTuple): equality
 * on every partition key attribute, then sort key conditions left to right in KeySchema order,
 * equality on a prefix and at most one other condition, on the attribute after it.
 */
export function multiKeyRangeOf(cond: BCondition, hashAttrs: KeyAttr[], rangeAttrs: KeyAttr[]): { pk: Buffer; lo?: KeyBound; hi?: KeyBound } {
  const clauses = new Map<string, KeyClause>();
  const flatten = (c: BCondition): void => {
    if (c.k === 'and') {
      flatten(c.l);
      flatten(c.r);
      return;
    }
    const clause = keyClause(c);
    if (clauses.has(clause.name)) throw validation('KeyConditionExpressions must only contain one condition per key');
    clauses.set(clause.name, clause);
  };
  flatten(cond);
  const typed = (attr: KeyAttr, v: AttributeValue): Buffer => {
    if (v[attr.type] === undefined) throw invalidParam('Condition parameter type does not match schema type');
    return encodeKey(v, attr.type);
  };
  for (const name of clauses.keys()) {
    if (!hashAttrs.some((a) => a.name === name) && !rangeAttrs.some((a) => a.name === name)) {
      throw validation(`Query condition missed key schema element: ${hashAttrs.find((a) => !clauses.has(a.name))?.name ?? name}`);
    }
  }
  const pkParts: Buffer[] = [];
  for (const a of hashAttrs) {
    const c = clauses.get(a.name);
    if (!c) throw validation(`Query condition missed key schema element: ${a.name}`);
    if (c.op !== '=') throw validation('Query key condition not supported');
    pkParts.push(typed(a, c.values[0]!));
  }
  const pk = hashAttrs.length === 1 ? pkParts[0]! : encodeTuple(pkParts);
  // The sort key attributes conditioned must be a prefix of the KeySchema's, all but the last by equality.
  const used = rangeAttrs.filter((a) => clauses.has(a.name));
  const gap = rangeAttrs.findIndex((a) => !clauses.has(a.name));
  if (gap >= 0 && used.length > gap) throw validation(`Query condition missed key schema element: ${rangeAttrs[gap]!.name}`);
  if (used.slice(0, -1).some((a) => clauses.get(a.name)!.op !== '=')) throw validation('Query key condition not supported');
  const lastAttr = used[used.length - 1];
  const last = lastAttr && clauses.get(lastAttr.name)!;
  if (last?.op === 'begins_with' && lastAttr!.type === 'N') {
    throw validation('Invalid KeyConditionExpression: Incorrect operand type for operator or function; operator or function: begins_with, operand type: N');
  }
  const lastValues = last ? last.values.map((v) => typed(lastAttr!, v)) : [];
  if (rangeAttrs.length <= 1) return { pk, ...(last ? singleBounds(last.op, lastValues) : {}) };
  const eqParts = used.slice(0, last && last.op !== '=' ? -1 : undefined).map((a) => typed(a, clauses.get(a.name)!.values[0]!));
  const prefix = encodeTuple(eqParts);
  return { pk, ...tupleBounds(prefix, last && last.op !== '=' ? { op: last.op, values: lastValues } : undefined) };
}

/** The bounds of one condition on a sort key of one attribute (stored as its plain encoding). */
function singleBounds(op: KeyOp, v: Buffer[]): { lo?: KeyBound; hi?: KeyBound } {
  switch (op) {
    case '=':
      return { lo: { v: v[0]!, inclusive: true }, hi: { v: v[0]!, inclusive: true } };
    case '<':
      return { hi: { v: v[0]!, inclusive: false } };
    case '<=':
      return { hi: { v: v[0]!, inclusive: true } };
    case '>':
      return { lo: { v: v[0]!, inclusive: false } };
    case '>=':
      return { lo: { v: v[0]!, inclusive: true } };
    case 'between':
      return { lo: { v: v[0]!, inclusive: true }, hi: { v: v[1]!, inclusive: true } };
    case 'begins_with': {
      const end = prefixEnd(v[0]!);
      return { lo: { v: v[0]!, inclusive: true }, ...(end ? { hi: { v: end, inclusive: false } } : {}) };
    }
  }
}

/**
 * The bounds of sort keys stored as tuples: those starting with `prefix` (the equalities), and
 * when `last` is given, whose next value meets it.
 */
function tupleBounds(prefix: Buffer, last: { op: KeyOp; values: Buffer[] } | undefined): { lo?: KeyBound; hi?: KeyBound } {
  const prefixEndKey = prefix.length ? prefixEnd(prefix) : undefined;
  const floor: KeyBound | undefined = prefix.length ? { v: prefix, inclusive: true } : undefined;
  const ceiling: KeyBound | undefined = prefixEndKey ? { v: prefixEndKey, inclusive: false } : undefined;
  if (!last) return { lo: floor, hi: ceiling };
  // `at(v)`: where tuples whose next value is v start; `after(v)`: where they end (the terminator 0x00 0x01 makes prefixEnd defined).
  const at = (v: Buffer): Buffer => Buffer.concat([prefix, escapeTuplePart(v, true)]);
  const after = (v: Buffer): Buffer => prefixEnd(at(v))!;
  const [a, b] = last.values as [Buffer, Buffer];
  switch (last.op) {
    case '<':
      return { lo: floor, hi: { v: at(a), inclusive: false } };
    case '<=':
      return { lo: floor, hi: { v: after(a), inclusive: false } };
    case '>':
      return { lo: { v: after(a), inclusive: true }, hi: ceiling };
    case '>=':
      return { lo: { v: at(a), inclusive: true }, hi: ceiling };
    case 'between':
      return { lo: { v: at(a), inclusive: true }, hi: { v: after(b), inclusive: false } };
    case 'begins_with': {
      const p = Buffer.concat([prefix, escapeTuplePart(a, false)]);
      const end = prefixEnd(p);
      return { lo: { v: p, inclusive: true }, hi: end ? { v: end, inclusive: false } : ceiling };
    }
    default: {
      return { lo: { v: at(a), inclusive: true }, hi: { v: after(a), inclusive: false } };
    }
  }
}
