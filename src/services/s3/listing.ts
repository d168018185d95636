/**
 * The walk both ListObjects versions share: live keys in UTF-8 byte order after a start, under a
 * prefix, keys holding the delimiter past the prefix rolled up into common prefixes (each counted
 * once against MaxKeys, the walk jumping past the keys it rolls up).
 */
import type { Queryable } from '../../storage/db.js';
import { store, type ObjectRow } from './store.js';

export interface ListRequest {
  bucket: string;
  prefix: string;
  delimiter?: string;
  /** Entries (keys or common prefixes) returned are after this, in byte order. */
  after: string;
  maxKeys: number;
}

export interface ListResult {
  contents: ObjectRow[];
  commonPrefixes: string[];
  truncated: boolean;
  /** The last key or common prefix returned. */
  last?: string;
}

const BATCH = 1000;
/** Sorts after every character: a key range `[p, p + MAX_CHAR)` holds every key starting with p. */
const MAX_CHAR = '\u{10FFFF}';

/** Byte order of the UTF-8 encodings (JS compares UTF-16 code units, which differs above U+FFFF). */
export function compareKeys(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a), Buffer.from(b));
}

export async function listKeys(q: Queryable, r: ListRequest): Promise<ListResult> {
  const out: ListResult = { contents: [], commonPrefixes: [], truncated: false };
  if (r.maxKeys <= 0) return out;
  let from = r.after;
  let inclusive = false;
  if (compareKeys(r.prefix, r.after) > 0) {
    from = r.prefix;
    inclusive = true;
  }
  let count = 0;
  for (;;) {
    const rows = await store.listFrom(q, r.bucket, from, inclusive, BATCH);
    let jumped = false;
    for (const o of rows) {
      if (!o.key.startsWith(r.prefix)) return out;
      const cut = r.delimiter ? o.key.indexOf(r.delimiter, r.prefix.length) : -1;
      const entry = cut >= 0 ? o.key.slice(0, cut + r.delimiter!.length) : o.key;
      if (cut >= 0 && compareKeys(entry, r.after) <= 0) {
        // A common prefix at or before the start: jump past its keys.
        from = entry + MAX_CHAR;
        inclusive = true;
        jumped = true;
        break;
      }
      if (count === r.maxKeys) {
        out.truncated = true;
        return out;
      }
      count++;
      out.last = entry;
      if (cut < 0) {
        out.contents.push(o);
        continue;
      }
      out.commonPrefixes.push(entry);
      from = entry + MAX_CHAR;
      inclusive = true;
      jumped = true;
      break;
    }
    if (jumped) continue;
    if (rows.length < BATCH) return out;
    from = rows[rows.length - 1]!.key;
    inclusive = false;
  }
}

/** EncodingType=url: keys and prefixes percent-encoded as S3 sends them (spaces as +, slashes kept). */
export function urlEncodeKey(s: string): string {
  return encodeURIComponent(s)
    .replace(/%2F/g, '/')
    .replace(/%20/g, '+')
    .replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}
