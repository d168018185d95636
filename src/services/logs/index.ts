/**
 * CloudWatch Logs (awsJson1.1, Logs_20140328): log groups and streams, writing and reading events.
 * Lambda writes its function logs here (see store.ts for the in-process writer other services use).
 */
import { AwsError } from '../../aws/errors.js';
import type { RequestContext } from '../../core/context.js';
import type { Db } from '../../storage/db.js';
import type { Platform, ServiceDefinition, ServiceProvider } from '../service.js';
import {
  LOGS_MIGRATIONS,
  ensureLogStream,
  flushPendingLogs,
  insertEvents,
  logWriterFor,
} from './store.js';

export { writeLogEvents, logWriterFor, flushPendingLogs, type WriteLogEventsInput, type LogEventInput } from './store.js';

const invalid = (message: string): AwsError => new AwsError('InvalidParameterException', message, 400);
const notFound = (message: string): AwsError => new AwsError('ResourceNotFoundException', message, 400);
const exists = (message: string): AwsError => new AwsError('ResourceAlreadyExistsException', message, 400);

const GROUP_NOT_FOUND = 'The specified log group does not exist.';
const STREAM_NOT_FOUND = 'The specified log stream does not exist.';

interface GroupRow {
  name: string;
  created: number;
  retention: number | null;
  kms_key: string | null;
  class: string;
  stored_bytes: number;
}
interface StreamRow {
  name: string;
  created: number;
  first_ts: number | null;
  last_ts: number | null;
  last_ingest: number | null;
  stored_bytes: number;
}
interface EventRow {
  id: number;
  ts: number;
  ingest: number;
  message: string;
  stream_name: string;
}

const RETENTION_DAYS = new Set([1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653]);

function encodeToken(v: unknown): string {
  return Buffer.from(JSON.stringify(v)).toString('base64url');
}
function decodeToken<T>(token: string | undefined): T | undefined {
  if (token === undefined) return undefined;
  try {
    return JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as T;
  } catch {
    throw invalid('The specified nextToken is invalid.');
  }
}

function groupArn(ctx: RequestContext, name: string): string {
  return `arn:aws:logs:${ctx.region}:${ctx.accountId}:log-group:${name}`;
}

/** The log group a request names (logGroupName or logGroupIdentifier, a name or an ARN). */
function groupName(input: { logGroupName?: string; logGroupIdentifier?: string }): string {
  if (input.logGroupName !== undefined && input.logGroupIdentifier !== undefined) {
    throw invalid('LogGroup name and LogGroup ARN are mutually exclusive parameters.');
  }
  const id = input.logGroupIdentifier ?? input.logGroupName;
  if (id === undefined) throw invalid('Either logGroupName or logGroupIdentifier must be specified.');
  const m = /^arn:[^:]+:logs:[^:]*:[^:]*:log-group:(.+?)(:\*)?$/.exec(id);
  return m ? m[1]! : id;
}

/** Simple CloudWatch Logs filter patterns: terms (all must match), "quoted phrases", ?any, -exclude. */
export function compileFilter(pattern: string | undefined): (message: string) => boolean {
  const p = (pattern ?? '').trim();
  if (p === '' || p === '""') return () => true;
  if (p.startsWith('{') || p.startsWith('[')) {
    throw invalid('Stratus supports term filter patterns only (terms, "quoted phrases", ?optional, -excluded); JSON and space-delimited patterns are not supported.');
  }
  const tokens: string[] = [];
  const re = /(-|\?)?"((?:[^"\\]|\\.)*)"|(\S+)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(p))) tokens.push(m[3] !== undefined ? m[3] : `${m[1] ?? ''}\u0000${m[2]!.replace(/\\"/g, '"')}`);
  const all: string[] = [];
  const any: string[] = [];
  const none: string[] = [];
  for (const t of tokens) {
    const quoted = t.includes('\u0000');
    const [prefix, body] = quoted ? (t.split('\u0000') as [string, string]) : [t[0] === '?' || t[0] === '-' ? t[0] : '', t[0] === '?' || t[0] === '-' ? t.slice(1) : t];
    if (body === '') continue;
    if (prefix === '?') any.push(body);
    else if (prefix === '-') none.push(body);
    else all.push(body);
  }
  return (message) =>
    all.every((t) => message.includes(t)) &&
    (any.length === 0 || any.some((t) => message.includes(t))) &&
    !none.some((t) => message.includes(t));
}

class LogsProvider implements ServiceProvider {
  [operation: string]: unknown;
  constructor(private readonly db: Db, private readonly platform: Platform) {}

  private async group(ctx: RequestContext, name: string): Promise<GroupRow> {
    const row = await this.db.get<GroupRow>('SELECT * FROM logs_groups WHERE account = ? AND region = ? AND name = ?', [ctx.accountId, ctx.region, name]);
    if (!row) throw notFound(GROUP_NOT_FOUND);
    return row;
  }

  async CreateLogGroup(ctx: RequestContext, input: { logGroupName: string; kmsKeyId?: string; logGroupClass?: string; tags?: Record<string, string> }): Promise<Record<string, never>> {
    await flushPendingLogs(this.db);
    await this.db.tx(async (tx) => {
      const row = await tx.get('SELECT name FROM logs_groups WHERE account = ? AND region = ? AND name = ?', [ctx.accountId, ctx.region, input.logGroupName]);
      if (row) throw exists('The specified log group already exists');
      await tx.run('INSERT INTO logs_groups (account, region, name, created, kms_key, class, stored_bytes, tags) VALUES (?, ?, ?, ?, ?, ?, 0, ?)', [
        ctx.accountId,
        ctx.region,
        input.logGroupName,
        ctx.clock.now(),
        input.kmsKeyId ?? null,
        input.logGroupClass ?? 'STANDARD',
        input.tags ? JSON.stringify(input.tags) : null,
      ]);
    });
    return {};
  }

  async DeleteLogGroup(ctx: RequestContext, input: { logGroupName: string }): Promise<Record<string, never>> {
    await flushPendingLogs(this.db);
    await this.db.tx(async (tx) => {
      const { changes } = await tx.run('DELETE FROM logs_groups WHERE account = ? AND region = ? AND name = ?', [ctx.accountId, ctx.region, input.logGroupName]);
      if (changes === 0) throw notFound(GROUP_NOT_FOUND);
      logWriterFor(this.db, this.platform.clock).forget();
      await tx.run('DELETE FROM logs_streams WHERE account = ? AND region = ? AND group_name = ?', [ctx.accountId, ctx.region, input.logGroupName]);
      await tx.run('DELETE FROM logs_events WHERE account = ? AND region = ? AND group_name = ?', [ctx.accountId, ctx.region, input.logGroupName]);
    });
    return {};
  }

  async PutRetentionPolicy(ctx: RequestContext, input: { logGroupName?: string; logGroupIdentifier?: string; retentionInDays: number }): Promise<Record<string, never>> {
    if (!RETENTION_DAYS.has(input.retentionInDays)) {
      throw invalid(`1 validation error detected: Value '${input.retentionInDays}' at 'retentionInDays' failed to satisfy constraint: Member must satisfy enum value set: [${[...RETENTION_DAYS].join(', ')}]`);
    }
    const name = groupName(input);
    await this.group(ctx, name);
    await this.db.run('UPDATE logs_groups SET retention = ? WHERE account = ? AND region = ? AND name = ?', [input.retentionInDays, ctx.accountId, ctx.region, name]);
    return {};
  }

  async DeleteRetentionPolicy(ctx: RequestContext, input: { logGroupName?: string; logGroupIdentifier?: string }): Promise<Record<string, never>> {
    const name = groupName(input);
    await this.group(ctx, name);
    await this.db.run('UPDATE logs_groups SET retention = NULL WHERE account = ? AND region = ? AND name = ?', [ctx.accountId, ctx.region, name]);
    return {};
  }

  async DescribeLogGroups(
    ctx: RequestContext,
    input: { logGroupNamePrefix?: string; logGroupNamePattern?: string; limit?: number; nextToken?: string; logGroupClass?: string; logGroupIdentifiers?: string[] },
  ): Promise<unknown> {
    if (input.logGroupNamePrefix !== undefined && input.logGroupNamePattern !== undefined) {
      throw invalid('LogGroup name prefix and LogGroup name pattern are mutually exclusive parameters.');
    }
    await flushPendingLogs(this.db);
    const limit = input.limit ?? 50;
    const after = decodeToken<string>(input.nextToken) ?? '';
    const rows = await this.db.all<GroupRow>('SELECT * FROM logs_groups WHERE account = ? AND region = ? AND name > ? ORDER BY name', [ctx.accountId, ctx.region, after]);
    const pattern = input.logGroupNamePattern?.toLowerCase();
    const ids = input.logGroupIdentifiers?.map((id) => groupName({ logGroupIdentifier: id }));
    const matching = rows.filter(
      (r) =>
        (input.logGroupNamePrefix === undefined || r.name.startsWith(input.logGroupNamePrefix)) &&
        (pattern === undefined || r.name.toLowerCase().includes(pattern)) &&
        (input.logGroupClass === undefined || r.class === input.logGroupClass) &&
        (ids === undefined || ids.includes(r.name)),
    );
    const page = matching.slice(0, limit);
    return {
      logGroups: page.map((r) => ({
        logGroupName: r.name,
        creationTime: r.created,
        retentionInDays: r.retention ?? undefined,
        metricFilterCount: 0,
        arn: `${groupArn(ctx, r.name)}:*`,
        logGroupArn: groupArn(ctx, r.name),
        storedBytes: r.stored_bytes,
        kmsKeyId: r.kms_key ?? undefined,
        logGroupClass: r.class,
      })),
      nextToken: matching.length > limit ? encodeToken(page[page.length - 1]!.name) : undefined,
    };
  }

  async CreateLogStream(ctx: RequestContext, input: { logGroupName: string; logStreamName: string }): Promise<Record<string, never>> {
    await flushPendingLogs(this.db);
    await this.db.tx(async (tx) => {
      const g = await tx.get('SELECT name FROM logs_groups WHERE account = ? AND region = ? AND name = ?', [ctx.accountId, ctx.region, input.logGroupName]);
      if (!g) throw notFound(GROUP_NOT_FOUND);
      const s = await tx.get('SELECT name FROM logs_streams WHERE account = ? AND region = ? AND group_name = ? AND name = ?', [
        ctx.accountId,
        ctx.region,
        input.logGroupName,
        input.logStreamName,
      ]);
      if (s) throw exists('The specified log stream already exists');
      await ensureLogStream(tx, ctx.accountId, ctx.region, input.logGroupName, input.logStreamName, ctx.clock.now());
    });
    return {};
  }

  async DeleteLogStream(ctx: RequestContext, input: { logGroupName: string; logStreamName: string }): Promise<Record<string, never>> {
    await flushPendingLogs(this.db);
    await this.group(ctx, input.logGroupName);
    await this.db.tx(async (tx) => {
      const { changes } = await tx.run('DELETE FROM logs_streams WHERE account = ? AND region = ? AND group_name = ? AND name = ?', [
        ctx.accountId,
        ctx.region,
        input.logGroupName,
        input.logStreamName,
      ]);
      if (changes === 0) throw notFound(STREAM_NOT_FOUND);
      logWriterFor(this.db, this.platform.clock).forget();
      await tx.run('DELETE FROM logs_events WHERE account = ? AND region = ? AND group_name = ? AND stream_name = ?', [
        ctx.accountId,
        ctx.region,
        input.logGroupName,
        input.logStreamName,
      ]);
    });
    return {};
  }

  async DescribeLogStreams(
    ctx: RequestContext,
    input: { logGroupName?: string; logGroupIdentifier?: string; logStreamNamePrefix?: string; orderBy?: string; descending?: boolean; limit?: number; nextToken?: string },
  ): Promise<unknown> {
    const name = groupName(input);
    const orderBy = input.orderBy ?? 'LogStreamName';
    if (orderBy === 'LastEventTime' && input.logStreamNamePrefix !== undefined) {
      throw invalid('Cannot order by LastEventTime with a logStreamNamePrefix.');
    }
    await flushPendingLogs(this.db);
    await this.group(ctx, name);
    const limit = input.limit ?? 50;
    const offset = decodeToken<number>(input.nextToken) ?? 0;
    if (!Number.isInteger(offset) || offset < 0) throw invalid('The specified nextToken is invalid.');
    const dir = input.descending ? 'DESC' : 'ASC';
    const order = orderBy === 'LastEventTime' ? `COALESCE(last_ts, created) ${dir}, name ${dir}` : `name ${dir}`;
    const params: (string | number)[] = [ctx.accountId, ctx.region, name];
    let where = 'account = ? AND region = ? AND group_name = ?';
    if (input.logStreamNamePrefix !== undefined) {
      where += ' AND name >= ? AND name < ?';
      params.push(input.logStreamNamePrefix, `${input.logStreamNamePrefix}\uffff`);
    }
    const rows = await this.db.all<StreamRow>(`SELECT * FROM logs_streams WHERE ${where} ORDER BY ${order} LIMIT ? OFFSET ?`, [...params, limit + 1, offset]);
    const page = rows.slice(0, limit);
    return {
      logStreams: page.map((r) => ({
        logStreamName: r.name,
        creationTime: r.created,
        firstEventTimestamp: r.first_ts ?? undefined,
        lastEventTimestamp: r.last_ts ?? undefined,
        lastIngestionTime: r.last_ingest ?? undefined,
        uploadSequenceToken: '1',
        arn: `${groupArn(ctx, name)}:log-stream:${r.name}`,
        storedBytes: 0,
      })),
      nextToken: rows.length > limit ? encodeToken(offset + limit) : undefined,
    };
  }

  async PutLogEvents(ctx: RequestContext, input: { logGroupName: string; logStreamName: string; logEvents: { timestamp: number; message: string }[] }): Promise<unknown> {
    const events = input.logEvents;
    for (let i = 1; i < events.length; i++) {
      if (events[i]!.timestamp < events[i - 1]!.timestamp) {
        throw invalid('Log events in a single PutLogEvents request must be in chronological order.');
      }
    }
    const now = ctx.clock.now();
    const tooNewLimit = now + 2 * 3600_000;
    const tooOldLimit = now - 14 * 24 * 3600_000;
    let tooNew: number | undefined;
    let tooOld: number | undefined;
    const accepted = events.filter((e, i) => {
      if (e.timestamp > tooNewLimit) {
        tooNew ??= i;
        return false;
      }
      if (e.timestamp < tooOldLimit) {
        tooOld = i;
        return false;
      }
      return true;
    });
    await flushPendingLogs(this.db);
    await this.db.tx(async (tx) => {
      const s = await tx.get('SELECT name FROM logs_streams WHERE account = ? AND region = ? AND group_name = ? AND name = ?', [
        ctx.accountId,
        ctx.region,
        input.logGroupName,
        input.logStreamName,
      ]);
      if (!s) {
        const g = await tx.get('SELECT name FROM logs_groups WHERE account = ? AND region = ? AND name = ?', [ctx.accountId, ctx.region, input.logGroupName]);
        throw notFound(g ? STREAM_NOT_FOUND : GROUP_NOT_FOUND);
      }
      await insertEvents(tx, { accountId: ctx.accountId, region: ctx.region, logGroupName: input.logGroupName, logStreamName: input.logStreamName, events: accepted }, now);
    });
    const rejected: Record<string, number> = {};
    if (tooNew !== undefined) rejected.tooNewLogEventStartIndex = tooNew;
    if (tooOld !== undefined) rejected.tooOldLogEventEndIndex = tooOld;
    return { nextSequenceToken: String(now), rejectedLogEventsInfo: Object.keys(rejected).length ? rejected : undefined };
  }

  async GetLogEvents(
    ctx: RequestContext,
    input: { logGroupName?: string; logGroupIdentifier?: string; logStreamName: string; startTime?: number; endTime?: number; nextToken?: string; limit?: number; startFromHead?: boolean },
  ): Promise<unknown> {
    const name = groupName(input);
    await flushPendingLogs(this.db);
    await this.group(ctx, name);
    const stream = await this.db.get('SELECT name FROM logs_streams WHERE account = ? AND region = ? AND group_name = ? AND name = ?', [
      ctx.accountId,
      ctx.region,
      name,
      input.logStreamName,
    ]);
    if (!stream) throw notFound(STREAM_NOT_FOUND);
    const limit = input.limit ?? 10000;
    let where = 'account = ? AND region = ? AND group_name = ? AND stream_name = ?';
    const params: (string | number)[] = [ctx.accountId, ctx.region, name, input.logStreamName];
    if (input.startTime !== undefined) {
      where += ' AND ts >= ?';
      params.push(input.startTime);
    }
    if (input.endTime !== undefined) {
      where += ' AND ts < ?';
      params.push(input.endTime);
    }
    let forward = input.startFromHead === true;
    const token = input.nextToken;
    if (token !== undefined) {
      const m = /^([fb])\/(\d+)$/.exec(token);
      if (!m) throw invalid('The specified nextToken is invalid.');
      forward = m[1] === 'f';
      where += forward ? ' AND id > ?' : ' AND id < ?';
      params.push(Number(m[2]));
    }
    const rows = await this.db.all<EventRow>(
      `SELECT id, ts, ingest, message FROM logs_events WHERE ${where} ORDER BY id ${forward ? 'ASC' : 'DESC'} LIMIT ?`,
      [...params, limit],
    );
    if (!forward) rows.reverse();
    const pad = (n: number): string => String(n).padStart(56, '0');
    const first = rows[0];
    const last = rows[rows.length - 1];
    // With nothing new, the tokens stay as they were (clients stop when the token repeats).
    const fwd = last ? `f/${pad(last.id)}` : token?.startsWith('f/') ? token : `f/${pad(first?.id ?? 0)}`;
    const bwd = first ? `b/${pad(first.id)}` : token?.startsWith('b/') ? token : `b/${pad(0)}`;
    return {
      events: rows.map((r) => ({ timestamp: r.ts, message: r.message, ingestionTime: r.ingest })),
      nextForwardToken: fwd,
      nextBackwardToken: bwd,
    };
  }

  async FilterLogEvents(
    ctx: RequestContext,
    input: {
      logGroupName?: string;
      logGroupIdentifier?: string;
      logStreamNames?: string[];
      logStreamNamePrefix?: string;
      startTime?: number;
      endTime?: number;
      filterPattern?: string;
      nextToken?: string;
      limit?: number;
    },
  ): Promise<unknown> {
    const name = groupName(input);
    if (input.logStreamNames !== undefined && input.logStreamNamePrefix !== undefined) {
      throw invalid('logStreamNames and logStreamNamePrefix are mutually exclusive parameters.');
    }
    const match = compileFilter(input.filterPattern);
    await flushPendingLogs(this.db);
    await this.group(ctx, name);
    const limit = input.limit ?? 10000;
    let where = 'account = ? AND region = ? AND group_name = ?';
    const params: (string | number)[] = [ctx.accountId, ctx.region, name];
    if (input.startTime !== undefined) {
      where += ' AND ts >= ?';
      params.push(input.startTime);
    }
    if (input.endTime !== undefined) {
      where += ' AND ts <= ?';
      params.push(input.endTime);
    }
    if (input.logStreamNames) {
      where += ` AND stream_name IN (${input.logStreamNames.map(() => '?').join(', ')})`;
      params.push(...input.logStreamNames);
    }
    if (input.logStreamNamePrefix !== undefined) {
      where += ' AND stream_name >= ? AND stream_name < ?';
      params.push(input.logStreamNamePrefix, `${input.logStreamNamePrefix}\uffff`);
    }
    const after = decodeToken<[number, number]>(input.nextToken);
    if (after) {
      if (!Array.isArray(after) || after.length !== 2) throw invalid('The specified nextToken is invalid.');
      where += ' AND (ts > ? OR (ts = ? AND id > ?))';
      params.push(after[0], after[0], after[1]);
    }
    const events: unknown[] = [];
    let lastRow: EventRow | undefined;
    let more = false;
    const batch = 1000;
    let cursor: [number, number] | undefined;
    scan: for (;;) {
      const extra = cursor ? ' AND (ts > ? OR (ts = ? AND id > ?))' : '';
      const extraParams = cursor ? [cursor[0], cursor[0], cursor[1]] : [];
      const rows = await this.db.all<EventRow>(
        `SELECT id, ts, ingest, message, stream_name FROM logs_events WHERE ${where}${extra} ORDER BY ts, id LIMIT ?`,
        [...params, ...extraParams, batch],
      );
      for (const r of rows) {
        if (!match(r.message)) {
          lastRow = r;
          continue;
        }
        if (events.length >= limit) {
          more = true;
          break scan;
        }
        events.push({ logStreamName: r.stream_name, timestamp: r.ts, message: r.message, ingestionTime: r.ingest, eventId: String(r.id).padStart(56, '0') });
        lastRow = r;
      }
      if (rows.length < batch) break;
      const tail = rows[rows.length - 1]!;
      cursor = [tail.ts, tail.id];
    }
    return {
      events,
      searchedLogStreams: [],
      nextToken: more && lastRow ? encodeToken([lastRow.ts, lastRow.id]) : undefined,
    };
  }
}

export const definition: ServiceDefinition = {
  name: 'logs',
  validationErrorCode: 'InvalidParameterException',
  async create(platform: Platform): Promise<ServiceProvider> {
    await platform.db.migrate('logs', LOGS_MIGRATIONS);
    const provider = new LogsProvider(platform.db, platform);
    const writer = logWriterFor(platform.db, platform.clock);
    return Object.assign(provider, {
      close: async () => {
        await writer.flush().catch(() => undefined);
      },
    });
  },
};
