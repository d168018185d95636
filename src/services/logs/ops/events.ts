/** Log events: writing them (PutLogEvents) and reading them (GetLogEvents, FilterLogEvents). */
import type { RequestContext } from '../../../core/context.js';
import {
  InvalidParameterException,
  ResourceNotFoundException,
  type CloudWatchLogsApi,
  type FilteredLogEvent,
  type FilterLogEventsRequest,
  type FilterLogEventsResponse,
  type GetLogEventsRequest,
  type GetLogEventsResponse,
  type PutLogEventsRequest,
  type PutLogEventsResponse,
  type RejectedLogEventsInfo,
} from '../../../generated/logs.js';
import type { SqlValue } from '../../../storage/db.js';
import { encodePageToken, listingOf } from '../../../storage/paginate.js';
import { STREAM_NOT_FOUND, groupName, invalidToken, pageLimit, prefixBounds, readPageToken, type LogsCore } from '../core.js';
import { compileFilter } from '../filter.js';
import { insertEvents, type EventRow } from '../store.js';

/** How far ahead of and behind the current time PutLogEvents accepts event timestamps. */
const TOO_NEW_MS = 2 * 3600_000;
const TOO_OLD_MS = 14 * 24 * 3600_000;
/** Rows FilterLogEvents reads at a time while it looks for matching events. */
const FILTER_BATCH = 1000;

export class EventOps implements Pick<CloudWatchLogsApi, 'PutLogEvents' | 'GetLogEvents' | 'FilterLogEvents'> {
  constructor(private readonly core: LogsCore) {}

  async PutLogEvents(ctx: RequestContext, input: PutLogEventsRequest): Promise<PutLogEventsResponse> {
    const events = input.logEvents;
    for (let i = 1; i < events.length; i++) {
      if (events[i]!.timestamp < events[i - 1]!.timestamp) {
        throw new InvalidParameterException('Log events in a single PutLogEvents request must be in chronological order.');
      }
    }
    const now = ctx.clock.now();
    const rejected: RejectedLogEventsInfo = {};
    const accepted = events.filter((e, i) => {
      if (e.timestamp > now + TOO_NEW_MS) {
        rejected.tooNewLogEventStartIndex ??= i;
        return false;
      }
      if (e.timestamp < now - TOO_OLD_MS) {
        rejected.tooOldLogEventEndIndex = i;
        return false;
      }
      return true;
    });
    await this.core.flushPending();
    await this.core.db.tx(async (tx) => {
      if (!(await this.core.streamExists(ctx, input.logGroupName, input.logStreamName, tx))) {
        await this.core.group(ctx, input.logGroupName, tx);
        throw new ResourceNotFoundException(STREAM_NOT_FOUND);
      }
      await insertEvents(tx, { accountId: ctx.accountId, region: ctx.region, logGroupName: input.logGroupName, logStreamName: input.logStreamName, events: accepted }, now);
    });
    return { nextSequenceToken: String(now), rejectedLogEventsInfo: Object.keys(rejected).length ? rejected : undefined };
  }

  /**
   * Events of one stream by id, forward from the head or backward from the tail. The tokens are
   * AWS's own shape, `f/<id>` and `b/<id>` (56 digits): the position after (before) the page.
   */
  async GetLogEvents(ctx: RequestContext, input: GetLogEventsRequest): Promise<GetLogEventsResponse> {
    const name = groupName(input);
    await this.core.flushPending();
    await this.core.group(ctx, name);
    if (!(await this.core.streamExists(ctx, name, input.logStreamName))) throw new ResourceNotFoundException(STREAM_NOT_FOUND);
    const params: SqlValue[] = [ctx.accountId, ctx.region, name, input.logStreamName];
    let where = `account = ? AND region = ? AND group_name = ? AND stream_name = ?${timeRange(input.startTime, input.endTime, '<', params)}`;
    let forward = input.startFromHead === true;
    const token = input.nextToken;
    if (token !== undefined) {
      const m = /^([fb])\/(\d+)$/.exec(token);
      if (!m) throw invalidToken();
      forward = m[1] === 'f';
      where += forward ? ' AND id > ?' : ' AND id < ?';
      params.push(Number(m[2]));
    }
    const rows = await this.core.db.all<EventRow>(`SELECT id, ts, ingest, message FROM logs_events WHERE ${where} ORDER BY id ${forward ? 'ASC' : 'DESC'} LIMIT ?`, [
      ...params,
      pageLimit(input.limit, 10000),
    ]);
    if (!forward) rows.reverse();
    const position = (id: number): string => String(id).padStart(56, '0');
    const first = rows[0];
    const last = rows[rows.length - 1];
    // With nothing new, the tokens stay as they were (clients stop when the token repeats).
    const nextForwardToken = last ? `f/${position(last.id)}` : token?.startsWith('f/') ? token : `f/${position(first?.id ?? 0)}`;
    const nextBackwardToken = first ? `b/${position(first.id)}` : token?.startsWith('b/') ? token : `b/${position(0)}`;
    return {
      events: rows.map((r) => ({ timestamp: r.ts, message: r.message, ingestionTime: r.ingest })),
      nextForwardToken,
      nextBackwardToken,
    };
  }

  /**
   * Matching events of a group in time order, read in batches (memory stays bounded however many
   * events do not match); the next token is the position (time, id) of the last event looked at.
   */
  async FilterLogEvents(ctx: RequestContext, input: FilterLogEventsRequest): Promise<FilterLogEventsResponse> {
    const name = groupName(input);
    const { logStreamNames: streams, logStreamNamePrefix: prefix } = input;
    if (streams !== undefined && prefix !== undefined) {
      throw new InvalidParameterException('logStreamNames and logStreamNamePrefix are mutually exclusive parameters.');
    }
    const match = compileFilter(input.filterPattern);
    await this.core.flushPending();
    await this.core.group(ctx, name);
    const limit = pageLimit(input.limit, 10000);
    const params: SqlValue[] = [ctx.accountId, ctx.region, name];
    let where = `account = ? AND region = ? AND group_name = ?${timeRange(input.startTime, input.endTime, '<=', params)}`;
    if (streams) {
      where += ` AND stream_name IN (${streams.map(() => '?').join(', ')})`;
      params.push(...streams);
    }
    if (prefix !== undefined) {
      where += ' AND stream_name >= ? AND stream_name < ?';
      params.push(...prefixBounds(prefix));
    }
    const listing = listingOf('FilterLogEvents', ctx, name, streams && JSON.stringify(streams), prefix, input.startTime, input.endTime, input.filterPattern);
    let position = readPageToken(input.nextToken, listing, ['number', 'number']);
    const events: FilteredLogEvent[] = [];
    let lastSeen: EventRow | undefined;
    let more = false;
    scan: for (;;) {
      const after = position ? ' AND (ts > ? OR (ts = ? AND id > ?))' : '';
      const rows = await this.core.db.all<EventRow>(`SELECT id, ts, ingest, message, stream_name FROM logs_events WHERE ${where}${after} ORDER BY ts, id LIMIT ?`, [
        ...params,
        ...(position ? [position[0]!, position[0]!, position[1]!] : []),
        FILTER_BATCH,
      ]);
      for (const r of rows) {
        if (!match(r.message)) {
          lastSeen = r;
          continue;
        }
        if (events.length >= limit) {
          more = true;
          break scan;
        }
        events.push({ logStreamName: r.stream_name, timestamp: r.ts, message: r.message, ingestionTime: r.ingest, eventId: String(r.id).padStart(56, '0') });
        lastSeen = r;
      }
      if (rows.length < FILTER_BATCH) break;
      const tail = rows[rows.length - 1]!;
      position = [tail.ts, tail.id];
    }
    return {
      events,
      searchedLogStreams: [],
      nextToken: more && lastSeen ? encodePageToken(listing, [lastSeen.ts, lastSeen.id]) : undefined,
    };
  }
}

/** The conditions on event time from `start` to `end` (GetLogEvents leaves `end` out, FilterLogEvents keeps it), their values added to `params`. */
function timeRange(start: number | undefined, end: number | undefined, endOperator: '<' | '<=', params: SqlValue[]): string {
  let sql = '';
  if (start !== undefined) {
    sql += ' AND ts >= ?';
    params.push(start);
  }
  if (end !== undefined) {
    sql += ` AND ts ${endOperator} ?`;
    params.push(end);
  }
  return sql;
}
