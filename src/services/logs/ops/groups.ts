/** Log groups: create, delete, describe. */
import type { RequestContext } from '../../../core/context.js';
import {
  InvalidParameterException,
  ResourceAlreadyExistsException,
  ResourceNotFoundException,
  type CloudWatchLogsApi,
  type CreateLogGroupRequest,
  type DeleteLogGroupRequest,
  type DescribeLogGroupsRequest,
  type DescribeLogGroupsResponse,
  type LogGroupClass,
} from '../../../generated/logs.js';
import type { SqlValue } from '../../../storage/db.js';
import { keysetPage, listingOf } from '../../../storage/paginate.js';
import { GROUP_NOT_FOUND, groupArn, groupName, pageLimit, prefixBounds, readPageToken, tagProblem, type LogsCore } from '../core.js';
import type { GroupRow } from '../store.js';

export class GroupOps implements Pick<CloudWatchLogsApi, 'CreateLogGroup' | 'DeleteLogGroup' | 'DescribeLogGroups'> {
  constructor(private readonly core: LogsCore) {}

  async CreateLogGroup(ctx: RequestContext, input: CreateLogGroupRequest): Promise<void> {
    await this.core.flushPending();
    await this.core.db.tx(async (tx) => {
      const row = await tx.get('SELECT name FROM logs_groups WHERE account = ? AND region = ? AND name = ?', [ctx.accountId, ctx.region, input.logGroupName]);
      if (row) throw new ResourceAlreadyExistsException('The specified log group already exists');
      await tx.run('INSERT INTO logs_groups (account, region, name, created, kms_key, class, stored_bytes) VALUES (?, ?, ?, ?, ?, ?, 0)', [
        ctx.accountId,
        ctx.region,
        input.logGroupName,
        ctx.clock.now(),
        input.kmsKeyId ?? null,
        input.logGroupClass ?? 'STANDARD',
      ]);
      if (input.tags) {
        const arn = groupArn(ctx, input.logGroupName);
        const problem = await this.core.tags.tag(tx, ctx, arn, input.tags);
        if (problem) throw tagProblem(problem, arn, 'InvalidParameterException');
      }
    });
  }

  async DeleteLogGroup(ctx: RequestContext, input: DeleteLogGroupRequest): Promise<void> {
    await this.core.flushPending();
    await this.core.db.tx(async (tx) => {
      const key = [ctx.accountId, ctx.region, input.logGroupName];
      const { changes } = await tx.run('DELETE FROM logs_groups WHERE account = ? AND region = ? AND name = ?', key);
      if (changes === 0) throw new ResourceNotFoundException(GROUP_NOT_FOUND);
      await tx.run('DELETE FROM logs_streams WHERE account = ? AND region = ? AND group_name = ?', key);
      await tx.run('DELETE FROM logs_events WHERE account = ? AND region = ? AND group_name = ?', key);
      await tx.run('DELETE FROM logs_subscription_filters WHERE account = ? AND region = ? AND group_name = ?', key);
      await this.core.tags.forget(tx, ctx, groupArn(ctx, input.logGroupName));
    });
  }

  async DescribeLogGroups(ctx: RequestContext, input: DescribeLogGroupsRequest): Promise<DescribeLogGroupsResponse> {
    const prefix = input.logGroupNamePrefix;
    if (prefix !== undefined && input.logGroupNamePattern !== undefined) {
      throw new InvalidParameterException('LogGroup name prefix and LogGroup name pattern are mutually exclusive parameters.');
    }
    await this.core.flushPending();
    const pattern = input.logGroupNamePattern?.toLowerCase();
    const names = input.logGroupIdentifiers?.map((id) => groupName({ logGroupIdentifier: id }));
    let where = 'account = ? AND region = ?';
    const params: SqlValue[] = [ctx.accountId, ctx.region];
    if (prefix !== undefined) {
      where += ' AND name >= ? AND name < ?';
      params.push(...prefixBounds(prefix));
    }
    if (pattern !== undefined) {
      // A case-insensitive substring; the names' characters leave `_` as the only LIKE wildcard to escape.
      where += " AND LOWER(name) LIKE ? ESCAPE '\\'";
      params.push(`%${pattern.replace(/[\\%_]/g, '\\$&')}%`);
    }
    if (input.logGroupClass !== undefined) {
      where += ' AND class = ?';
      params.push(input.logGroupClass);
    }
    if (names !== undefined) {
      where += ` AND name IN (${names.map(() => '?').join(', ')})`;
      params.push(...names);
    }
    const listing = listingOf('DescribeLogGroups', ctx, prefix, pattern, input.logGroupClass, names && JSON.stringify(names));
    const page = await keysetPage<GroupRow>(this.core.db, { select: '*', from: 'logs_groups', where, params, keys: ['name'] }, {
      listing,
      limit: pageLimit(input.limit, 50),
      after: readPageToken(input.nextToken, listing, ['string']),
      keyOf: (r) => [r.name],
    });
    return {
      logGroups: page.items.map((r) => ({
        logGroupName: r.name,
        creationTime: r.created,
        retentionInDays: r.retention ?? undefined,
        metricFilterCount: 0,
        arn: `${groupArn(ctx, r.name)}:*`,
        logGroupArn: groupArn(ctx, r.name),
        storedBytes: r.stored_bytes,
        kmsKeyId: r.kms_key ?? undefined,
        logGroupClass: r.class as LogGroupClass,
      })),
      nextToken: page.next,
    };
  }
}
