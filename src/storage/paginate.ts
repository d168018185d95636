import { createHash } from 'node:crypto';
import type { Queryable, Row, SqlValue } from './db.js';

/**
 * Keyset pagination for every list operation: `WHERE (keys) > (last seen) ORDER BY keys LIMIT n+1`, so a
 * page costs O(page) whatever the table holds and memory stays bounded. Tokens are opaque to clients
 * and bound to their listing (operation, scope and filters, hashed): a token from another listing,
 * account or region, or a tampered one, is refused, and the service answers its own invalid-token error.
 * A service that writes its own SQL uses the token functions and `pageOf` with a LIMIT of size + 1.
 */
export interface PageScope {
  readonly accountId: string;
  readonly region: string;
}

export interface Page<T> {
  readonly items: T[];
  /** The token for the next page, undefined on the last page. */
  readonly next: string | undefined;
}

export interface KeysetQuery {
  /** Columns and FROM clause: `SELECT ${select} FROM ${from}`. */
  readonly select: string;
  readonly from: string;
  /** Conditions every row of the listing meets (the scope, a prefix filter...). */
  readonly where: string;
  readonly params: readonly SqlValue[];
  /** The unique ordering key, most significant first (e.g. ['name'] or ['created', 'id']). */
  readonly keys: readonly string[];
  readonly descending?: boolean;
}

/**
 * The identity of one listing: the operation, the caller's scope and every filter that selects its
 * rows. A token is valid only for the listing it came from.
 */
export function listingOf(operation: string, scope: PageScope, ...filters: readonly (string | number | undefined)[]): string {
  return JSON.stringify([operation, scope.accountId, scope.region, ...filters.map((f) => f ?? null)]);
}

/** The token for the position after `key` (the ordering key of the last row shown) in `listing`. */
export function encodePageToken(listing: string, key: readonly SqlValue[]): string {
  const position = key.map((v) => (typeof v === 'bigint' ? v.toString() : v));
  return Buffer.from(JSON.stringify([listingHash(listing), ...position]), 'utf8').toString('base64url');
}

/** The position a token names, or undefined when it is not a token of this listing (the service answers its own error). */
export function decodePageToken(token: string, listing: string): SqlValue[] | undefined {
  if (!/^[A-Za-z0-9_-]+$/.test(token)) return undefined;
  let parts: unknown;
  try {
    parts = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
  } catch {
    return undefined;
  }
  if (!Array.isArray(parts) || parts[0] !== listingHash(listing) || parts.length < 2) return undefined;
  const key = parts.slice(1);
  return key.every((v) => v === null || typeof v === 'string' || typeof v === 'number') ? (key as SqlValue[]) : undefined;
}

/**
 * The page of `size` rows out of `rows`, read with a limit of size + 1: one more row than shown means
 * there is a next page, which starts after the last row shown.
 */
export function pageOf<T>(listing: string, rows: T[], size: number, keyOf: (row: T) => SqlValue[]): Page<T> {
  if (rows.length <= size) return { items: rows, next: undefined };
  const items = rows.slice(0, size);
  return { items, next: encodePageToken(listing, keyOf(items[items.length - 1]!)) };
}

function listingHash(listing: string): string {
  return createHash('sha256').update(listing).digest('base64url').slice(0, 16);
}

/**
 * One page of a keyset query after `after` (the decoded token, or undefined for the first page).
 * `keyOf` gives a row's ordering key, in the order of `query.keys`.
 */
export async function keysetPage<T extends Row>(
  db: Queryable,
  query: KeysetQuery,
  options: { listing: string; limit: number; after: readonly SqlValue[] | undefined; keyOf: (row: T) => SqlValue[] },
): Promise<Page<T>> {
  const params: SqlValue[] = [...query.params];
  let where = query.where;
  if (options.after) {
    if (options.after.length !== query.keys.length) throw new Error('page token does not match the listing keys');
    where = `(${where}) AND ${afterCondition(query.keys, query.descending ? '<' : '>', options.after, params)}`;
  }
  const order = query.keys.map((k) => `${k}${query.descending ? ' DESC' : ''}`).join(', ');
  params.push(options.limit + 1);
  const rows = await db.all<T>(`SELECT ${query.select} FROM ${query.from} WHERE ${where} ORDER BY ${order} LIMIT ?`, params);
  return pageOf(options.listing, rows, options.limit, options.keyOf);
}

/** `(k1 > ?) OR (k1 = ? AND k2 > ?) ...`: row-value comparison written portably. */
function afterCondition(keys: readonly string[], op: '<' | '>', after: readonly SqlValue[], params: SqlValue[]): string {
  const terms: string[] = [];
  for (let i = 0; i < keys.length; i++) {
    const eq = keys.slice(0, i).map((k, j) => {
      params.push(after[j]!);
      return `${k} = ?`;
    });
    params.push(after[i]!);
    terms.push(`(${[...eq, `${keys[i]} ${op} ?`].join(' AND ')})`);
  }
  return `(${terms.join(' OR ')})`;
}
