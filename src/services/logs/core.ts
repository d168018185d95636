/**
 * What the Logs operation families share: the database, the tags table, the lookups of log groups
 * and streams, how a request names its log group, and the paging tokens and limits.
 */
import { arnFor, parseLogGroupArn } from '../../aws/arn.js';
import type { RequestContext } from '../../core/context.js';
import { InvalidParameterException, ResourceNotFoundException, TooManyTagsException } from '../../generated/logs.js';
import type { Db, Queryable, SqlValue } from '../../storage/db.js';
import { decodePageToken } from '../../storage/paginate.js';
import { MAX_TAG_KEY_LENGTH, MAX_TAG_VALUE_LENGTH, MAX_TAGS_PER_RESOURCE, TagStore, type TagProblem, type TagScope } from '../../storage/tags.js';
import { LOGS_MIGRATIONS, flushPendingLogs, type GroupRow } from './store.js';

export const GROUP_NOT_FOUND = 'The specified log group does not exist.';
export const STREAM_NOT_FOUND = 'The specified log stream does not exist.';

export class LogsCore {
  private constructor(
    readonly db: Db,
    readonly tags: TagStore,
  ) {}

  /** Opens the Logs tables and the tags table, and moves tags still kept in the old column. */
  static async open(db: Db): Promise<LogsCore> {
    await db.migrate('logs', LOGS_MIGRATIONS);
    const core = new LogsCore(db, await TagStore.open(db));
    await core.moveColumnTags();
    return core;
  }

  /** Stores what other services queued on the Logs sink, so that the API reads it (and sees its groups). */
  flushPending(): Promise<void> {
    return flushPendingLogs(this.db);
  }

  /** The log group, or AWS's ResourceNotFoundException. */
  async group(ctx: RequestContext, name: string, q: Queryable = this.db): Promise<GroupRow> {
    const row = await q.get<GroupRow>('SELECT * FROM logs_groups WHERE account = ? AND region = ? AND name = ?', [ctx.accountId, ctx.region, name]);
    if (!row) throw new ResourceNotFoundException(GROUP_NOT_FOUND);
    return row;
  }

  async streamExists(ctx: RequestContext, group: string, stream: string, q: Queryable = this.db): Promise<boolean> {
    const row = await q.get('SELECT name FROM logs_streams WHERE account = ? AND region = ? AND group_name = ? AND name = ?', [ctx.accountId, ctx.region, group, stream]);
    return row !== undefined;
  }

  /**
   * Tags that CreateLogGroup kept in `logs_groups.tags` before the shared tags table, moved there
   * whole: what an earlier version accepted stays visible, even where today's checks would refuse it.
   */
  private async moveColumnTags(): Promise<void> {
    const rows = await this.db.all<{ account: string; region: string; name: string; tags: string }>(
      'SELECT account, region, name, tags FROM logs_groups WHERE tags IS NOT NULL',
    );
    if (rows.length === 0) return;
    await this.db.tx(async (tx) => {
      for (const row of rows) {
        const scope = { accountId: row.account, region: row.region };
        const tags = JSON.parse(row.tags) as Record<string, string>;
        await this.tags.tag(tx, scope, groupArn(scope, row.name), tags, { limit: Infinity, acceptReservedPrefix: true, acceptAnyLength: true });
        await tx.run('UPDATE logs_groups SET tags = NULL WHERE account = ? AND region = ? AND name = ?', [row.account, row.region, row.name]);
      }
    });
  }
}

/** A log group's ARN, as `logGroupArn` shows it and tags are kept under (DescribeLogGroups' `arn` adds `:*`). */
export function groupArn(scope: TagScope, name: string): string {
  return arnFor('logs', scope, `log-group:${name}`);
}

/** The log group a request names (logGroupName or logGroupIdentifier, a name or an ARN). */
export function groupName(input: { logGroupName?: string; logGroupIdentifier?: string }): string {
  if (input.logGroupName !== undefined && input.logGroupIdentifier !== undefined) {
    throw new InvalidParameterException('LogGroup name and LogGroup ARN are mutually exclusive parameters.');
  }
  const id = input.logGroupIdentifier ?? input.logGroupName;
  if (id === undefined) throw new InvalidParameterException('Either logGroupName or logGroupIdentifier must be specified.');
  return parseLogGroupArn(id)?.name ?? id;
}

/**
 * The page size a request asked for. The model makes it an integer within bounds; a decimal that gets
 * past the reader (1.5) counts as its integer part, as Coral reads it, rather than reaching SQL.
 */
export function pageLimit(limit: number | undefined, byDefault: number): number {
  return limit === undefined ? byDefault : Math.max(1, Math.floor(limit));
}

/**
 * The position a next token carries (storage/paginate.ts, bound to its listing), of the given
 * types; the same InvalidParameterException as AWS for any other token.
 */
export function readPageToken(token: string | undefined, listing: string, types: readonly ('string' | 'number')[]): SqlValue[] | undefined {
  if (token === undefined) return undefined;
  const key = decodePageToken(token, listing);
  if (!key || key.length !== types.length || !key.every((v, i) => typeof v === types[i])) throw invalidToken();
  return key;
}

/** The error for tags the shared tags table refuses. */
export function tagProblem(problem: TagProblem, arn: string, tooMany: 'TooManyTagsException' | 'InvalidParameterException'): TooManyTagsException | InvalidParameterException {
  switch (problem.kind) {
    case 'tooMany': {
      const message = `A resource can have no more than ${MAX_TAGS_PER_RESOURCE} tags.`;
      return tooMany === 'TooManyTagsException' ? new TooManyTagsException(message, { resourceName: arn }) : new InvalidParameterException(message);
    }
    case 'reservedPrefix':
      return new InvalidParameterException(`Tag keys beginning with 'aws:' are reserved for AWS use: ${problem.key}`);
    case 'keyLength':
      return new InvalidParameterException(`Tag keys must be 1 to ${MAX_TAG_KEY_LENGTH} characters long: ${problem.key}`);
    case 'valueLength':
      return new InvalidParameterException(`Tag values must be at most ${MAX_TAG_VALUE_LENGTH} characters long (key ${problem.key}).`);
  }
}

export function invalidToken(): InvalidParameterException {
  return new InvalidParameterException('The specified nextToken is invalid.');
}

/** Bounds for `column >= low AND column < high`: the names that start with `prefix` (byte order). */
export function prefixBounds(prefix: string): [string, string] {
  return [prefix, `${prefix}\u{10FFFF}`];
}
