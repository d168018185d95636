/**
 * Pagination of the List operations and GetExecutionHistory: keyset pages read from SQL (`limit`
 * rows after a position), and next tokens that carry the position of the last row shown. A token is
 * bound to its listing (kind and scope, hashed) so that it cannot be replayed against another one.
 */
import { createHash } from 'node:crypto';
import { InvalidToken } from '../../generated/stepfunctions.js';

type KeyPart = string | number;
type KeyTypes = readonly ('string' | 'number')[];
type KeyOf<T extends KeyTypes> = { -readonly [I in keyof T]: T[I] extends 'number' ? number : string };

/** A listing: what it lists and for which scope (the filters that select its rows). */
export interface Listing<T extends KeyTypes> {
  readonly kind: string;
  readonly scope: string;
  readonly key: T;
}

export interface Page<R> {
  readonly rows: R[];
  readonly nextToken?: string;
}

/** The page size a call asked for: maxResults 1-1000 (the model caps it), 100 when 0 or absent. */
export function pageSize(maxResults: number | undefined): number {
  return maxResults && maxResults > 0 ? maxResults : 100;
}

/** The position a next token carries, or undefined for the first page; AWS's InvalidToken for anything else. */
export function readToken<T extends KeyTypes>(listing: Listing<T>, token: string | undefined): KeyOf<T> | undefined {
  if (token === undefined) return undefined;
  let parts: unknown;
  try {
    parts = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
  } catch {
    throw invalidToken();
  }
  if (!Array.isArray(parts) || parts.length !== listing.key.length + 2 || parts[0] !== listing.kind || parts[1] !== scopeHash(listing.scope)) throw invalidToken();
  const key = parts.slice(2);
  if (!key.every((v, i) => typeof v === listing.key[i])) throw invalidToken();
  return key as KeyOf<T>;
}

/**
 * The page of `size` rows out of `rows`, which were read with a limit of size + 1: one more row
 * than shown means there is a next page, which starts after the position of the last row shown.
 */
export function pageOf<T extends KeyTypes, R>(listing: Listing<T>, rows: R[], size: number, positionOf: (row: R) => KeyOf<T>): Page<R> {
  if (rows.length <= size) return { rows };
  const shown = rows.slice(0, size);
  const position: KeyPart[] = positionOf(shown[shown.length - 1]!);
  const nextToken = Buffer.from(JSON.stringify([listing.kind, scopeHash(listing.scope), ...position])).toString('base64url');
  return { rows: shown, nextToken };
}

function scopeHash(scope: string): string {
  return createHash('sha256').update(scope).digest('base64url').slice(0, 16);
}

function invalidToken(): InvalidToken {
  return new InvalidToken("Invalid Token: 'Invalid token'");
}
