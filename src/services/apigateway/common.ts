import { parseArn } from '../../aws/arn.js';
import { randomId } from '../../core/ids.js';
import type { RequestContext } from '../../core/context.js';
import { BadRequestException, NotFoundException } from '../../generated/apigateway.js';
import type { Queryable, SqlValue } from '../../storage/db.js';
import type { DocTable, Scope } from '../../storage/documents.js';

/** Helpers shared by API Gateway's control plane families and its data plane. */

const LOWER = 'abcdefghijklmnopqrstuvwxyz0123456789';
/** A new resource id: lower-case letters and digits, as AWS's ids (10 for APIs and keys, 6 for the rest). */
export const newId = (n: number): string => randomId(n, LOWER);

export const scopeOf = (ctx: RequestContext): Scope => ({ accountId: ctx.accountId, region: ctx.region });

/** The clock's time to the whole second: AWS's dates on API Gateway resources have no milliseconds. */
export const wholeSecond = (ctx: RequestContext): number => Math.floor(ctx.clock.now() / 1000) * 1000;

export const date = (ms: number | undefined): Date | undefined => (ms === undefined ? undefined : new Date(ms));

/** A deep copy, so that an answer never shares objects with a stored document. */
export const clone = <T>(v: T): T => (v === undefined ? v : (JSON.parse(JSON.stringify(v)) as T));

/** The value, or AWS's NotFoundException with `message` when there is none. */
export function found<T>(value: T | undefined, message: string): T {
  if (value === undefined) throw new NotFoundException(message);
  return value;
}

/** The methodSettings key for a resource path and method, as AWS writes it ("~1pets/GET", "*\/*"). */
export function methodSettingKey(resourcePath: string, method: string): string {
  return `${resourcePath === '*' ? '*' : resourcePath.replace(/\//g, '~1')}/${method}`;
}

/** AWS's page size: `limit`, 25 by default, at most 500. */
const pageSize = (limit: number | undefined): number => Math.min(Math.max(limit ?? 25, 1), 500);

const invalidPosition = () => new BadRequestException('Invalid position parameter');

function decodePosition(position: string): unknown {
  if (!/^[A-Za-z0-9_-]+$/.test(position)) throw invalidPosition();
  try {
    return JSON.parse(Buffer.from(position, 'base64url').toString('utf8'));
  } catch {
    throw invalidPosition();
  }
}

const encodePosition = (v: unknown): string => Buffer.from(JSON.stringify(v)).toString('base64url');

/** AWS's position/limit paging over a list held in memory (the members of one API document). */
export function page<T>(items: T[], position: string | undefined, limit: number | undefined): { items: T[]; position?: string } {
  const max = pageSize(limit);
  const start = position ? decodePosition(position) : 0;
  if (typeof start !== 'number' || !Number.isInteger(start) || start < 0) throw invalidPosition();
  const next = start + max < items.length ? encodePosition(start + max) : undefined;
  return { items: items.slice(start, start + max), position: next };
}

/**
 * AWS's position/limit paging over a document table: the position is the keyset cursor after the
 * last item returned. `keep` filters (nameQuery and the like) without loading the whole table.
 */
export async function pageTable<T>(
  table: DocTable<T, readonly string[]>,
  q: Queryable,
  s: Scope,
  input: { position?: string; limit?: number },
  options: { parent?: readonly string[]; keep?: (doc: T) => boolean } = {},
): Promise<{ items: T[]; position?: string }> {
  const max = pageSize(input.limit);
  let after: SqlValue[] | undefined;
  if (input.position) {
    const cursor = decodePosition(input.position);
    if (!Array.isArray(cursor) || cursor.length !== table.order.length || !cursor.every((v) => typeof v === 'string' || typeof v === 'number')) throw invalidPosition();
    after = cursor as SqlValue[];
  }
  const items: T[] = [];
  do {
    const p = await table.list(q, s, { parent: options.parent, after, limit: max - items.length });
    items.push(...(options.keep ? p.items.filter(options.keep) : p.items));
    after = p.next;
  } while (after && items.length < max);
  return { items, position: after ? encodePosition(after) : undefined };
}

/**
 * An AWS integration URI, `arn:aws:apigateway:{region}:{service}:{path|action}/...`: an apigateway
 * ARN whose account field names the service integrated with (`lambda`, `dynamodb`, `s3`...).
 */
export function parseIntegrationUri(uri: string): { region: string; service: string; resource: string } | undefined {
  const arn = parseArn(uri);
  return arn?.service === 'apigateway' && arn.account !== '' ? { region: arn.region, service: arn.account, resource: arn.resource } : undefined;
}
