/**
 * AttributeValues as they are on the wire ({"S": "x"}, {"N": "1.5"}, {"B": "<base64>"}, ...),
 * validated and canonicalized the way DynamoDB does, plus sizes, comparison and key encoding.
 */
import { AwsError } from '../../aws/errors.js';
import { canonicalNumber, compareNumbers, encodeNumberKey, numberSize } from './numbers.js';

export interface AttributeValue {
  S?: string;
  N?: string;
  B?: string;
  SS?: string[];
  NS?: string[];
  BS?: string[];
  M?: Record<string, AttributeValue>;
  L?: AttributeValue[];
  NULL?: boolean;
  BOOL?: boolean;
}
export type Item = Record<string, AttributeValue>;
export type ValueType = 'S' | 'N' | 'B' | 'SS' | 'NS' | 'BS' | 'M' | 'L' | 'NULL' | 'BOOL';
export type KeyType = 'S' | 'N' | 'B';

export const MAX_ITEM_SIZE = 400 * 1024;
export const MAX_DEPTH = 32;

export function validation(message: string): AwsError {
  return new AwsError('ValidationException', message, 400);
}
export function invalidParam(message: string): AwsError {
  return validation(`One or more parameter values were invalid: ${message}`);
}

const TYPES = new Set(['S', 'N', 'B', 'SS', 'NS', 'BS', 'M', 'L', 'NULL', 'BOOL']);
const BASE64_RE = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=|[A-Za-z0-9+/]{2,3})?$/;

export function typeOf(v: AttributeValue): ValueType {
  for (const k in v) return k as ValueType;
  return 'NULL';
}

function serialization(message: string): AwsError {
  return new AwsError('SerializationException', message, 400);
}

function canonicalBinary(v: unknown): string {
  if (typeof v !== 'string') throw serialization(`Unexpected value type in payload: expected a base64 string`);
  if (v.length % 4 === 1 || !BASE64_RE.test(v)) {
    throw serialization(`Base64 encoded length is expected a multiple of 4 bytes but found: ${v.length}`);
  }
  return v.length % 4 === 0 ? v : Buffer.from(v, 'base64').toString('base64');
}

function valueStr(list: unknown[]): string {
  return '[' + list.map((x) => String(x)).join(', ') + ']';
}

/**
 * Validates one AttributeValue from the wire and returns its canonical form (numbers normalized,
 * binaries padded). `depth` is the nesting level of this value (1 for a top-level attribute).
 */
export function checkValue(v: unknown, depth: number): AttributeValue {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) {
    throw serialization('Unexpected value type in payload: an AttributeValue must be an object');
  }
  if (depth > MAX_DEPTH) throw validation('Nesting Levels have exceeded supported limits');
  const src = v as Record<string, unknown>;
  let type: string | undefined;
  let count = 0;
  for (const k in src) {
    if (src[k] === null || src[k] === undefined) continue;
    if (!TYPES.has(k)) continue;
    count++;
    type = k;
  }
  if (count === 0) throw validation('Supplied AttributeValue is empty, must contain exactly one of the supported datatypes');
  if (count > 1) throw validation('Supplied AttributeValue has more than one datatypes set, must contain exactly one of the supported datatypes');
  const x = src[type!];
  switch (type) {
    case 'S':
      if (typeof x !== 'string') throw serialization('Unexpected value type in payload: S must be a string');
      return { S: x };
    case 'N':
      if (typeof x !== 'string') throw serialization('Unexpected value type in payload: N must be a string');
      return { N: canonicalNumber(x) };
    case 'B':
      return { B: canonicalBinary(x) };
    case 'BOOL':
      if (typeof x !== 'boolean') throw serialization('Unexpected value type in payload: BOOL must be a boolean');
      return { BOOL: x };
    case 'NULL':
      if (typeof x !== 'boolean') throw serialization('Unexpected value type in payload: NULL must be a boolean');
      if (!x) throw invalidParam('Null attribute value types must have the value of true');
      return { NULL: true };
    case 'SS': {
      if (!Array.isArray(x)) throw serialization('Unexpected value type in payload: SS must be a list');
      if (x.length === 0) throw invalidParam('An string set  may not be empty');
      for (const s of x) if (typeof s !== 'string') throw serialization('Unexpected value type in payload: SS members must be strings');
      if (new Set(x).size !== x.length) throw invalidParam(`Input collection ${valueStr(x)} contains duplicates.`);
      return { SS: x.slice() as string[] };
    }
    case 'NS': {
      if (!Array.isArray(x)) throw serialization('Unexpected value type in payload: NS must be a list');
      if (x.length === 0) throw invalidParam('An number set  may not be empty');
      const out = x.map((n) => {
        if (typeof n !== 'string') throw serialization('Unexpected value type in payload: NS members must be strings');
        return canonicalNumber(n);
      });
      if (new Set(out).size !== out.length) throw validation('Input collection contains duplicates');
      return { NS: out };
    }
    case 'BS': {
      if (!Array.isArray(x)) throw serialization('Unexpected value type in payload: BS must be a list');
      if (x.length === 0) throw invalidParam('Binary sets should not be empty');
      const out = x.map(canonicalBinary);
      if (new Set(out).size !== out.length) throw invalidParam(`Input collection ${valueStr(out)}of type BS contains duplicates.`);
      return { BS: out };
    }
    case 'M': {
      if (typeof x !== 'object' || x === null || Array.isArray(x)) throw serialization('Unexpected value type in payload: M must be an object');
      const out: Record<string, AttributeValue> = {};
      for (const k in x as Record<string, unknown>) {
        const member = (x as Record<string, unknown>)[k];
        if (member === null || member === undefined) continue;
        out[k] = checkValue(member, depth + 1);
      }
      return { M: out };
    }
    case 'L': {
      if (!Array.isArray(x)) throw serialization('Unexpected value type in payload: L must be a list');
      return { L: x.map((m) => checkValue(m, depth + 1)) };
    }
  }
  throw validation('Supplied AttributeValue is empty, must contain exactly one of the supported datatypes');
}

/** Validates a whole item (attribute name -> value) and returns its canonical form. */
export function checkItem(item: unknown): Item {
  if (item === null || typeof item !== 'object' || Array.isArray(item)) throw serialization('Unexpected value type in payload: an item must be an object');
  const out: Item = {};
  for (const k in item as Record<string, unknown>) {
    const v = (item as Record<string, unknown>)[k];
    if (v === null || v === undefined) continue;
    out[k] = checkValue(v, 1);
  }
  return out;
}

const utf8Len = (s: string): number => {
  // Fast path for ASCII.
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 0x7f) return Buffer.byteLength(s, 'utf8');
  return s.length;
};
export { utf8Len };

export function binaryLength(b64: string): number {
  let pad = 0;
  if (b64.endsWith('==')) pad = 2;
  else if (b64.endsWith('=')) pad = 1;
  return (b64.length / 4) * 3 - pad;
}

/** Size of a value by AWS's rules (names excluded). */
export function valueSize(v: AttributeValue): number {
  if (v.S !== undefined) return utf8Len(v.S);
  if (v.N !== undefined) return numberSize(v.N);
  if (v.B !== undefined) return binaryLength(v.B);
  if (v.BOOL !== undefined || v.NULL !== undefined) return 1;
  if (v.SS) return v.SS.reduce((n, s) => n + utf8Len(s), 0);
  if (v.NS) return v.NS.reduce((n, s) => n + numberSize(s), 0);
  if (v.BS) return v.BS.reduce((n, s) => n + binaryLength(s), 0);
  if (v.M) {
    let n = 3;
    for (const k in v.M) n += utf8Len(k) + valueSize(v.M[k]!) + 1;
    return n;
  }
  if (v.L) {
    let n = 3;
    for (const m of v.L) n += valueSize(m) + 1;
    return n;
  }
  return 0;
}

export function itemSize(item: Item): number {
  let n = 0;
  for (const k in item) n += utf8Len(k) + valueSize(item[k]!);
  return n;
}

/** Compares strings by their UTF-8 bytes (code point order), as DynamoDB orders them. */
export function compareStrings(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    let x = a.charCodeAt(i);
    let y = b.charCodeAt(i);
    if (x === y) continue;
    if (x >= 0xd800 && y >= 0xd800) {
      x = x >= 0xe000 ? x - 0x800 : x + 0x2000;
      y = y >= 0xe000 ? y - 0x800 : y + 0x2000;
    }
    return x < y ? -1 : 1;
  }
  return a.length === b.length ? 0 : a.length < b.length ? -1 : 1;
}

export function compareBinary(a: string, b: string): number {
  if (a === b) return 0;
  return Buffer.compare(Buffer.from(a, 'base64'), Buffer.from(b, 'base64'));
}

/** Orders two scalars of the same type (S, N or B); undefined when not comparable. */
export function compareScalars(a: AttributeValue, b: AttributeValue): number | undefined {
  if (a.S !== undefined && b.S !== undefined) return compareStrings(a.S, b.S);
  if (a.N !== undefined && b.N !== undefined) return compareNumbers(a.N, b.N);
  if (a.B !== undefined && b.B !== undefined) return compareBinary(a.B, b.B);
  return undefined;
}

function sameSet(a: string[], b: string[]): boolean {
  if (a.length !== b.length) return false;
  const s = new Set(a);
  for (const x of b) if (!s.has(x)) return false;
  return true;
}

/** Deep equality of canonical values (sets compare regardless of order). */
export function valuesEqual(a: AttributeValue, b: AttributeValue): boolean {
  if (a.S !== undefined) return a.S === b.S;
  if (a.N !== undefined) return a.N === b.N;
  if (a.B !== undefined) return a.B === b.B;
  if (a.BOOL !== undefined) return a.BOOL === b.BOOL;
  if (a.NULL !== undefined) return b.NULL !== undefined;
  if (a.SS) return !!b.SS && sameSet(a.SS, b.SS);
  if (a.NS) return !!b.NS && sameSet(a.NS, b.NS);
  if (a.BS) return !!b.BS && sameSet(a.BS, b.BS);
  if (a.L) {
    if (!b.L || b.L.length !== a.L.length) return false;
    for (let i = 0; i < a.L.length; i++) if (!valuesEqual(a.L[i]!, b.L[i]!)) return false;
    return true;
  }
  if (a.M) {
    if (!b.M) return false;
    const ka = Object.keys(a.M);
    if (ka.length !== Object.keys(b.M).length) return false;
    for (const k of ka) {
      const y = b.M[k];
      if (!y || !valuesEqual(a.M[k]!, y)) return false;
    }
    return true;
  }
  return false;
}

/** The byte-sortable encoding of a key attribute value. */
export function encodeKey(v: AttributeValue, type: KeyType): Buffer {
  if (type === 'S') return Buffer.from(v.S!, 'utf8');
  if (type === 'N') return encodeNumberKey(v.N!);
  return Buffer.from(v.B!, 'base64');
}
