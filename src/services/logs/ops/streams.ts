/** Log streams: create, delete, describe (by name or by last event time, keyset-paged). */
import type { RequestContext } from '../../../core/context.js';
import {
  InvalidParameterException,
  ResourceAlreadyExistsException,
  ResourceNotFoundException,
  type CloudWatchLogsApi,
  type CreateLogStreamRequest,
  type DeleteLogStreamRequest,
  type DescribeLogStreamsRequest,
  type DescribeLogStreamsResponse,
} from '../../../generated/logs.js';
import type { SqlValue } from '../../../storage/db.js';
import { keysetPage, listingOf } from '../../../storage/paginate.js';
import { STREAM_NOT_FOUND, groupArn, groupName, pageLimit, prefixBounds, readPageToken, type LogsCore } from '../core.js';
import { ensureLogStream, type StreamRow } from '../store.js';

/** A stream's last event time, its creation time before its first event (what LastEventTime orders by). */
const LAST_EVENT_TIME = 'COALESCE(last_ts, created)';

export class StreamOps implements Pick<CloudWatchLogsApi, 'CreateLogStream' | 'DeleteLogStream' | 'DescribeLogStreams'> {
  constructor(private readonly core: LogsCore) {}

  async CreateLogStream(ctx: RequestContext, input: CreateLogStreamRequest): Promise<void> {
    await this.core.flushPending();
    await this.core.db.tx(async (tx) => {
      await this.core.group(ctx, input.logGroupName, tx);
      if (await this.core.streamExists(ctx, input.logGroupName, input.logStreamName, tx)) {
        throw new ResourceAlreadyExistsException('The specified log stream already exists');
      }
      await ensureLogStream(tx, ctx.accountId, ctx.region, input.logGroupName, input.logStreamName, ctx.clock.now());
    });
  }

  async DeleteLogStream(ctx: RequestContext, input: DeleteLogStreamRequest): Promise<void> {
    await this.core.flushPending();
    await this.core.group(ctx, input.logGroupName);
    await this.core.db.tx(async (tx) => {
      const key = [ctx.accountId, ctx.region, input.logGroupName, input.logStreamName];
      const { changes } = await tx.run('DELETE FROM logs_streams WHERE account = ? AND region = ? AND group_name = ? AND name = ?', key);
      if (changes === 0) throw new ResourceNotFoundException(STREAM_NOT_FOUND);
      await tx.run('DELETE FROM logs_events WHERE account = ? AND region = ? AND group_name = ? AND stream_name = ?', key);
    });
  }

  async DescribeLogStreams(ctx: RequestContext, input: DescribeLogStreamsRequest): Promise<DescribeLogStreamsResponse> {
    const name = groupName(input);
    const orderBy = input.orderBy ?? 'LogStreamName';
    const prefix = input.logStreamNamePrefix;
    if (orderBy === 'LastEventTime' && prefix !== undefined) {
      throw new InvalidParameterException('Cannot order by LastEventTime with a logStreamNamePrefix.');
    }
    await this.core.flushPending();
    await this.core.group(ctx, name);
    let where = 'account = ? AND region = ? AND group_name = ?';
    const params: SqlValue[] = [ctx.accountId, ctx.region, name];
    if (prefix !== undefined) {
      where += ' AND name >= ? AND name < ?';
      params.push(...prefixBounds(prefix));
    }
    const byTime = orderBy === 'LastEventTime';
    const descending = input.descending === true;
    const listing = listingOf('DescribeLogStreams', ctx, name, prefix, orderBy, descending ? 'descending' : 'ascending');
    const keys = byTime ? [LAST_EVENT_TIME, 'name'] : ['name'];
    const page = await keysetPage<StreamRow>(this.core.db, { select: '*', from: 'logs_streams', where, params, keys, descending }, {
      listing,
      limit: pageLimit(input.limit, 50),
      after: readPageToken(input.nextToken, listing, byTime ? ['number', 'string'] : ['string']),
      keyOf: (r) => (byTime ? [r.last_ts ?? r.created, r.name] : [r.name]),
    });
    return {
      logStreams: page.items.map((r) => ({
        logStreamName: r.name,
        creationTime: r.created,
        firstEventTimestamp: r.first_ts ?? undefined,
        lastEventTimestamp: r.last_ts ?? undefined,
        lastIngestionTime: r.last_ingest ?? undefined,
        uploadSequenceToken: '1',
        arn: `${groupArn(ctx, name)}:log-stream:${r.name}`,
        storedBytes: 0,
      })),
      nextToken: page.next,
    };
  }
}
