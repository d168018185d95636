import type { Queryable, Row, SqlValue } from './db.js';

/**
 * Keyset pagination for every list operation: `WHERE (keys) > (last seen) ORDER BY keys LIMIT n+1`, so a
 * page costs O(page) whatever the table holds and memory stays bounded. Tokens are opaque to clients,
 * bound to the operation and the caller's scope: a token from another operation, account or region, or
 * a tampered one, is refused, and the service answers its own invalid-token error.
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

/** Encodes the position after `key` for `operation` in `scope`. */
export function encodePageToken(operation: string, scope: PageScope, key: readonly SqlValue[]): string {
  const payload = JSON.stringify({ o: operation, a: scope.accountId, r: scope.region, k: key.map((v) => (typeof v === 'bigint' ? v.toString() : v)) });
  return Buffer.from(payload, 'utf8').toString('base64url');
}

/** The position a token names, or undefined when it is not a token of this operation and scope. */
export function decodePageToken(token: string, operation: string, scope: PageScope): SqlValue[] | undefined {
  try {
    if (!/^[A-Za-z0-9_-]+$/.test(token)) return undefined;
    const p = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as { o?: unknown; a?: unknown; r?: unknown; k?: unknown };
    if (p.o !== operation || p.a !== scope.accountId || p.r !== scope.region || !Array.isArray(p.k)) return undefined;
    if (!p.k.every((v) => v === null || typeof v === 'string' || typeof v === 'number')) return undefined;
    return p.k as SqlValue[];
  } catch {
    return undefined;
  }
}

/**
 * One page of a keyset query after `after` (the decoded token, or undefined for the first page).
 * `keyOf` gives a row's ordering key, in the order of `query.keys`.
 */
export async function keysetPage<T extends Row>(
  db: Queryable,
  query: KeysetQuery,
  options: { operation: string; scope: PageScope; limit: number; after: readonly SqlValue[] | undefined; keyOf: (row: T) => SqlValue[] },
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
  if (rows.length <= options.limit) return { items: rows, next: undefined };
  const items = rows.slice(0, options.limit);
  return { items, next: encodePageToken(options.operation, options.scope, options.keyOf(items[items.length - 1]!)) };
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
