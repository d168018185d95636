/**
 * CloudWatch Logs storage: log groups, log streams and events in SQL, keyed by account and region,
 * and the buffered writer behind the Platform's Logs sink (sink.ts): other services write through
 * `platform.logs`, never through this module.
 */
import type { Clock } from '../../core/clock.js';
import type { Db, Migration, Queryable, SqlValue, Tx } from '../../storage/db.js';
import { enqueueSubscribed } from './subscriptions.js';

/**
 * `logs_groups.tags` is where CreateLogGroup kept tags before the shared tags table (storage/tags.ts):
 * nothing writes it now, and the Logs service moves what it still holds at start-up (core.ts).
 */
export const LOGS_MIGRATIONS: Migration[] = [
  {
    version: 1,
    sql: `
CREATE TABLE IF NOT EXISTS logs_groups (
  account TEXT NOT NULL, region TEXT NOT NULL, name TEXT COLLATE "C" NOT NULL,
  created BIGINT NOT NULL, retention INTEGER, kms_key TEXT, class TEXT NOT NULL,
  stored_bytes BIGINT NOT NULL, tags TEXT,
  PRIMARY KEY (account, region, name)
);
CREATE TABLE IF NOT EXISTS logs_streams (
  account TEXT NOT NULL, region TEXT NOT NULL, group_name TEXT NOT NULL, name TEXT COLLATE "C" NOT NULL,
  created BIGINT NOT NULL, first_ts BIGINT, last_ts BIGINT, last_ingest BIGINT,
  stored_bytes BIGINT NOT NULL,
  PRIMARY KEY (account, region, group_name, name)
);
CREATE TABLE IF NOT EXISTS logs_events (
  account TEXT NOT NULL, region TEXT NOT NULL, group_name TEXT NOT NULL, stream_name TEXT COLLATE "C" NOT NULL,
  id BIGINT NOT NULL, ts BIGINT NOT NULL, ingest BIGINT NOT NULL, message TEXT NOT NULL,
  PRIMARY KEY (account, region, group_name, stream_name, id)
);
CREATE INDEX IF NOT EXISTS logs_events_by_group ON logs_events (account, region, group_name, ts, id);
`,
  },
  {
    version: 2,
    sql: `
CREATE TABLE IF NOT EXISTS logs_subscription_filters (
  account TEXT NOT NULL, region TEXT NOT NULL, group_name TEXT NOT NULL, name TEXT COLLATE "C" NOT NULL,
  pattern TEXT NOT NULL, destination TEXT NOT NULL, role_arn TEXT, distribution TEXT NOT NULL, created BIGINT NOT NULL,
  PRIMARY KEY (account, region, group_name, name)
);
`,
  },
];

export interface LogEventInput {
  timestamp: number;
  message: string;
}

export interface WriteLogEventsInput {
  accountId: string;
  region: string;
  logGroupName: string;
  logStreamName: string;
  events: readonly LogEventInput[];
}

/** The largest event message CloudWatch Logs keeps (longer ones are truncated). */
const MAX_EVENT_BYTES = 256 * 1024 - 26;

let lastId = 0;
/**
 * Increasing event ids (ordering within a stream), unique per process. Taken inside transactions:
 * a retried transaction takes fresh ids, which are just as ordered.
 */
function nextEventId(now: number): number {
  lastId = Math.max(lastId + 1, now * 1024);
  return lastId;
}

async function ensureLogGroup(tx: Queryable, accountId: string, region: string, name: string, now: number): Promise<void> {
  await tx.run(
    'INSERT INTO logs_groups (account, region, name, created, class, stored_bytes) VALUES (?, ?, ?, ?, ?, 0) ON CONFLICT DO NOTHING',
    [accountId, region, name, now, 'STANDARD'],
  );
}

export async function ensureLogStream(tx: Queryable, accountId: string, region: string, group: string, name: string, now: number): Promise<void> {
  await tx.run(
    'INSERT INTO logs_streams (account, region, group_name, name, created, stored_bytes) VALUES (?, ?, ?, ?, ?, 0) ON CONFLICT DO NOTHING',
    [accountId, region, group, name, now],
  );
}

export interface GroupRow {
  name: string;
  created: number;
  retention: number | null;
  kms_key: string | null;
  class: string;
  stored_bytes: number;
}

export interface StreamRow {
  name: string;
  created: number;
  first_ts: number | null;
  last_ts: number | null;
  last_ingest: number | null;
  stored_bytes: number;
}

export interface EventRow {
  id: number;
  ts: number;
  ingest: number;
  message: string;
  stream_name: string;
}

/** Inserts events into an existing stream and enqueues their subscription deliveries (within the caller's transaction). */
export async function insertEvents(tx: Tx, input: WriteLogEventsInput, now: number): Promise<void> {
  const { accountId, region, logGroupName, logStreamName } = input;
  let bytes = 0;
  let first: number | undefined;
  let last: number | undefined;
  const rows: SqlValue[][] = [];
  const stored: { id: number; timestamp: number; message: string }[] = [];
  for (const e of input.events) {
    let message = e.message;
    if (message === '') continue;
    if (message.length > MAX_EVENT_BYTES / 4 && Buffer.byteLength(message) > MAX_EVENT_BYTES) message = Buffer.from(message).subarray(0, MAX_EVENT_BYTES).toString('utf8');
    bytes += Buffer.byteLength(message) + 26;
    first = first === undefined ? e.timestamp : Math.min(first, e.timestamp);
    last = last === undefined ? e.timestamp : Math.max(last, e.timestamp);
    const id = nextEventId(now);
    rows.push([accountId, region, logGroupName, logStreamName, id, e.timestamp, now, message]);
    stored.push({ id, timestamp: e.timestamp, message });
  }
  // Multi-row INSERTs (the same SQL in SQLite and PostgreSQL), in chunks of a few fixed sizes.
  for (let i = 0; i < rows.length; ) {
    const n = rows.length - i >= 32 ? 32 : rows.length - i >= 8 ? 8 : 1;
    const sql = `INSERT INTO logs_events (account, region, group_name, stream_name, id, ts, ingest, message) VALUES ${Array(n).fill('(?, ?, ?, ?, ?, ?, ?, ?)').join(', ')}`;
    await tx.run(sql, rows.slice(i, i + n).flat());
    i += n;
  }
  if (first === undefined || last === undefined) return;
  await enqueueSubscribed(tx, accountId, region, logGroupName, logStreamName, stored, now);
  await tx.run(
    `UPDATE logs_streams SET
       first_ts = CASE WHEN first_ts IS NULL OR first_ts > ? THEN ? ELSE first_ts END,
       last_ts = CASE WHEN last_ts IS NULL OR last_ts < ? THEN ? ELSE last_ts END,
       last_ingest = ?, stored_bytes = stored_bytes + ?
     WHERE account = ? AND region = ? AND group_name = ? AND name = ?`,
    [first, first, last, last, now, bytes, accountId, region, logGroupName, logStreamName],
  );
  await tx.run('UPDATE logs_groups SET stored_bytes = stored_bytes + ? WHERE account = ? AND region = ? AND name = ?', [
    bytes,
    accountId,
    region,
    logGroupName,
  ]);
}

/**
 * Inserts events, creating the log group and stream when missing (as Lambda, API Gateway and Step
 * Functions do with their log groups), within the caller's transaction.
 */
async function appendEvents(tx: Tx, input: WriteLogEventsInput, now: number): Promise<void> {
  await ensureLogGroup(tx, input.accountId, input.region, input.logGroupName, now);
  await ensureLogStream(tx, input.accountId, input.region, input.logGroupName, input.logStreamName, now);
  await insertEvents(tx, input, now);
}

/** Writes log events now, unbuffered (after what is buffered); resolves once they are stored. */
export async function writeLogEvents(db: Db, input: WriteLogEventsInput, now: number): Promise<void> {
  await flushPendingLogs(db);
  await db.tx((tx) => appendEvents(tx, input, now));
}

/** Buffers log events and writes them in batches (one transaction per flush). */
export class LogWriter {
  private buffer: WriteLogEventsInput[] = [];
  private timer: NodeJS.Timeout | undefined;
  private flushing: Promise<void> = Promise.resolve();

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly delayMs = 50,
  ) {}

  put(input: WriteLogEventsInput): void {
    if (input.events.length === 0) return;
    this.buffer.push(input);
    if (!this.timer) {
      // Internal batching delay, not an AWS-visible time.
      this.timer = setTimeout(() => void this.flush().catch(() => undefined), this.delayMs);
      this.timer.unref();
    }
  }

  get pending(): number {
    return this.buffer.length;
  }

  flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    const batch = this.buffer;
    this.buffer = [];
    const run = this.flushing.then(async () => {
      if (batch.length === 0) return;
      const now = this.clock.now();
      // One insert pass per stream, events in the order they were put.
      const byStream = new Map<string, WriteLogEventsInput & { events: LogEventInput[] }>();
      for (const input of batch) {
        const key = `${input.accountId}\n${input.region}\n${input.logGroupName}\n${input.logStreamName}`;
        const merged = byStream.get(key);
        if (merged) merged.events.push(...input.events);
        else byStream.set(key, { ...input, events: [...input.events] });
      }
      // The group and stream are created when missing on every flush (two keyed no-op inserts per
      // stream), so a group or stream deleted meanwhile comes back with its new events.
      await this.db.tx(async (tx) => {
        for (const input of byStream.values()) await appendEvents(tx, input, now);
      });
    });
    this.flushing = run.catch(() => undefined);
    return run;
  }
}

const writers = new WeakMap<Db, LogWriter>();

/** The shared buffered writer for a database. */
export function logWriterFor(db: Db, clock: Clock): LogWriter {
  let w = writers.get(db);
  if (!w) {
    w = new LogWriter(db, clock);
    writers.set(db, w);
  }
  return w;
}

/** Writes whatever is buffered for this database (the Logs API calls it before reading). */
export async function flushPendingLogs(db: Db): Promise<void> {
  const w = writers.get(db);
  if (w && w.pending > 0) await w.flush();
}
