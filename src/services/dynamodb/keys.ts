/**
 * Item keys: the primary key and index keys of an item in the byte-sortable form storage orders
 * them by, checked with DynamoDB's messages, and what a secondary index projects.
 */
import { hashAttrsOf, keyAttrsOf, rangeAttrsOf, type IndexMeta, type KeyAttr, type TableMeta } from './tables.js';
import { encodeKey, invalidParam, typeOf, utf8Len, validation, type AttributeValue, type Item } from './values.js';

const EMPTY: Buffer = Buffer.alloc(0);

/** Segments hash into [0, HASH_RANGE): 31 bits, so the value fits a signed 32-bit INTEGER in any SQL. */
export const HASH_RANGE = 2 ** 31;

/** FNV-1a over the partition key bytes: spreads items over parallel Scan segments. */
export function hashKey(pk: Buffer): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < pk.length; i++) {
    h ^= pk[i]!;
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0) % HASH_RANGE;
}

export interface EncodedKey {
  pk: Buffer;
  sk: Buffer;
}

/** The primary key of an item being written, checked as PutItem does. */
export function itemKey(t: TableMeta, item: Item): EncodedKey {
  const pk = keyPart(t.hash.name, t.hash.type, item[t.hash.name], 'hash');
  const sk = t.range ? keyPart(t.range.name, t.range.type, item[t.range.name], 'range') : EMPTY;
  return { pk, sk };
}

function keyPart(name: string, type: string, v: AttributeValue | undefined, part: 'hash' | 'range'): Buffer {
  if (v === undefined) throw invalidParam(`Missing the key ${name} in the item`);
  const actual = typeOf(v);
  if (actual !== type) throw invalidParam(`Type mismatch for key ${name} expected: ${type} actual: ${actual}`);
  const b = encodeKey(v, type as 'S');
  if ((type === 'S' && v.S === '') || (type === 'B' && b.length === 0)) {
    throw validation(
      `One or more parameter values are not valid. The AttributeValue for a key attribute cannot contain an empty ${type === 'S' ? 'string' : 'binary'} value. Key: ${name}`,
    );
  }
  const size = type === 'S' ? utf8Len(v.S!) : type === 'B' ? b.length : 0;
  if (part === 'hash' && size > 2048) throw invalidParam('Size of hashkey has exceeded the maximum size limit of2048 bytes');
  if (part === 'range' && size > 1024) throw invalidParam('Aggregated size of all range keys has exceeded the size limit of 1024 bytes');
  return b;
}

/** A Key parameter (GetItem, DeleteItem, UpdateItem...): exactly the table's key attributes. */
export function keyParam(t: TableMeta, key: Item): EncodedKey {
  const names = Object.keys(key);
  const expected = t.range ? 2 : 1;
  if (names.length !== expected) throw validation('The provided key element does not match the schema');
  const h = key[t.hash.name];
  if (!h || typeOf(h) !== t.hash.type) throw validation('The provided key element does not match the schema');
  let r: AttributeValue | undefined;
  if (t.range) {
    r = key[t.range.name];
    if (!r || typeOf(r) !== t.range.type) throw validation('The provided key element does not match the schema');
  }
  return itemKey(t, key);
}

/**
 * Several key values as one byte string that sorts as the tuple of values does (the key of a
 * multi-attribute index key): each value with its 0x00 bytes written 0x00 0xFF, then 0x00 0x01.
 * A value that is a prefix of another thus sorts first, and a prefix of the tuple is a prefix of
 * the bytes.
 */
export function encodeTuple(parts: Buffer[]): Buffer {
  const out: number[] = [];
  for (const p of parts) {
    for (const b of p) {
      out.push(b);
      if (b === 0) out.push(0xff);
    }
    out.push(0, 1);
  }
  return Buffer.from(out);
}

/** One value of a tuple encoding (a begins_with prefix leaves off the terminator). */
export function escapeTuplePart(part: Buffer, terminated: boolean): Buffer {
  const t = encodeTuple([part]);
  return terminated ? t : t.subarray(0, t.length - 2);
}

/** The encoded key of attributes `attrs` of `values`: one attribute as itself (as stored before multi-attribute keys), several as a tuple. */
export function encodeKeyAttrs(attrs: KeyAttr[], values: Item): Buffer {
  if (attrs.length === 0) return EMPTY;
  if (attrs.length === 1) return encodeKey(values[attrs[0]!.name]!, attrs[0]!.type);
  return encodeTuple(attrs.map((a) => encodeKey(values[a.name]!, a.type)));
}

/** The key of `item` in index `ix`, or undefined when the item is not in the index (sparse: an index key attribute is missing). */
export function indexKey(ix: IndexMeta, item: Item): { ipk: Buffer; isk: Buffer } | undefined {
  for (const k of keyAttrsOf(ix)) if (item[k.name] === undefined) return undefined;
  return { ipk: encodeKeyAttrs(hashAttrsOf(ix), item), isk: encodeKeyAttrs(rangeAttrsOf(ix), item) };
}

/** Checks an item's index key attributes (types, empty values) as PutItem does. */
export function checkIndexAttrs(t: TableMeta, item: Item, update = false): void {
  for (const ix of t.lsis.length || t.gsis.length ? [...t.lsis, ...t.gsis] : []) {
    for (const k of keyAttrsOf(ix)) {
      const v = item[k.name];
      if (v === undefined) continue;
      const actual = typeOf(v);
      if (actual !== k.type) {
        if (update) throw validation('The update expression attempted to update the secondary index key to unsupported type');
        throw invalidParam(`Type mismatch for Index Key ${k.name} Expected: ${k.type} Actual: ${actual} IndexName: ${ix.name}`);
      }
      if ((k.type === 'S' && v.S === '') || (k.type === 'B' && v.B === '')) {
        throw validation(
          `One or more parameter values are not valid. A value specified for a secondary index key is not supported. The AttributeValue for a key attribute cannot contain an empty ${k.type === 'S' ? 'string' : 'binary'} value. IndexName: ${ix.name}, IndexKey: ${k.name}`,
        );
      }
    }
  }
}

/** Attribute names an index projects (undefined = all). */
export function projectedNames(t: TableMeta, ix: IndexMeta): Set<string> | undefined {
  if (ix.projection.ProjectionType === 'ALL') return undefined;
  const names = new Set<string>([t.hash.name, ...keyAttrsOf(ix).map((k) => k.name)]);
  if (t.range) names.add(t.range.name);
  for (const n of ix.projection.NonKeyAttributes ?? []) names.add(n);
  return names;
}

export function projectItem(item: Item, names: Set<string> | undefined): Item {
  if (!names) return item;
  const out: Item = {};
  for (const n of names) if (item[n] !== undefined) out[n] = item[n]!;
  return out;
}
