/**
 * Pagination of the List operations and GetExecutionHistory, on the shared keyset tokens
 * (storage/paginate.ts): the store reads `size + 1` rows after a position, and the next token carries
 * the position of the last row shown, bound to its listing (what it lists, and the filters).
 */
import { InvalidToken } from '../../generated/stepfunctions.js';
import { decodePageToken, pageOf as sharedPageOf } from '../../storage/paginate.js';

type KeyTypes = readonly ('string' | 'number')[];
type KeyOf<T extends KeyTypes> = { -readonly [I in keyof T]: T[I] extends 'number' ? number : string };

/** A listing: what it lists, for which scope (the filters that select its rows), and its key's types. */
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
  const key = decodePageToken(token, listingId(listing));
  if (!key || key.length !== listing.key.length || !key.every((v, i) => typeof v === listing.key[i])) {
    throw new InvalidToken("Invalid Token: 'Invalid token'");
  }
  return key as KeyOf<T>;
}

/** The page of `size` rows out of `rows`, which were read with a limit of size + 1. */
export function pageOf<T extends KeyTypes, R>(listing: Listing<T>, rows: R[], size: number, positionOf: (row: R) => KeyOf<T>): Page<R> {
  const page = sharedPageOf(listingId(listing), rows, size, (r) => [...positionOf(r)]);
  return page.next ? { rows: page.items, nextToken: page.next } : { rows: page.items };
}

function listingId(listing: Listing<KeyTypes>): string {
  return JSON.stringify([listing.kind, listing.scope]);
}
