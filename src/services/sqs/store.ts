/**
 * SQS storage. Queues keyed by (account, region, name) with a numeric id that keys their messages;
 * messages keyed by (queue, seq), seq increasing per queue (send order, the FIFO sequence number).
 *
 * One column, `visible_at`, says when a message may next be received: the send time plus its delay,
 * or the end of its visibility timeout once received. With the index (queue, visible_at, seq),
 * "the next visible messages" is one range scan from the start of the queue's visible part: O(log n).
 * A message's state follows from it: visible (visible_at <= now), delayed (later and never
 * received) or in flight (later and received at least once).
 */
import type { Migration } from '../../storage/db.js';

export const SQS_MIGRATIONS: Migration[] = [
  {
    version: 1,
    sql: `
CREATE TABLE IF NOT EXISTS sqs_queues (
  account TEXT NOT NULL, region TEXT NOT NULL, name TEXT COLLATE "C" NOT NULL,
  id BIGINT NOT NULL, fifo INTEGER NOT NULL, attrs TEXT NOT NULL,
  created BIGINT NOT NULL, modified BIGINT NOT NULL, purged BIGINT, next_seq BIGINT NOT NULL,
  PRIMARY KEY (account, region, name)
);
CREATE UNIQUE INDEX IF NOT EXISTS sqs_queues_id ON sqs_queues (id);
CREATE TABLE IF NOT EXISTS sqs_deleted (
  account TEXT NOT NULL, region TEXT NOT NULL, name TEXT NOT NULL, deleted BIGINT NOT NULL,
  PRIMARY KEY (account, region, name)
);
CREATE TABLE IF NOT EXISTS sqs_messages (
  queue BIGINT NOT NULL, seq BIGINT NOT NULL, id TEXT NOT NULL,
  body TEXT NOT NULL, md5 TEXT NOT NULL, attrs TEXT, md5_attrs TEXT, trace TEXT, md5_sys TEXT,
  group_id TEXT, dedup_id TEXT, sender TEXT NOT NULL, sent BIGINT NOT NULL,
  visible_at BIGINT NOT NULL, receives INTEGER NOT NULL, first_receive BIGINT, receipt TEXT,
  dlq_source TEXT,
  PRIMARY KEY (queue, seq)
);
CREATE INDEX IF NOT EXISTS sqs_messages_visible ON sqs_messages (queue, visible_at, seq);
CREATE INDEX IF NOT EXISTS sqs_messages_group ON sqs_messages (queue, group_id, seq);
CREATE TABLE IF NOT EXISTS sqs_dedup (
  queue BIGINT NOT NULL, scope TEXT NOT NULL, dedup_id TEXT NOT NULL,
  expires BIGINT NOT NULL, message_id TEXT NOT NULL, seq BIGINT NOT NULL,
  PRIMARY KEY (queue, scope, dedup_id)
);
CREATE TABLE IF NOT EXISTS sqs_attempts (
  queue BIGINT NOT NULL, attempt TEXT NOT NULL, expires BIGINT NOT NULL, handles TEXT NOT NULL,
  PRIMARY KEY (queue, attempt)
);
CREATE TABLE IF NOT EXISTS sqs_move_tasks (
  handle TEXT NOT NULL PRIMARY KEY, account TEXT NOT NULL, region TEXT NOT NULL,
  source_arn TEXT NOT NULL, destination_arn TEXT, max_per_second INTEGER,
  started BIGINT NOT NULL, status TEXT NOT NULL, moved BIGINT NOT NULL, to_move BIGINT NOT NULL,
  failure TEXT
);
CREATE INDEX IF NOT EXISTS sqs_move_tasks_source ON sqs_move_tasks (source_arn, started);
`,
  },
];

export interface QueueRow {
  account: string;
  region: string;
  name: string;
  id: number;
  fifo: number;
  attrs: string;
  created: number;
  modified: number;
  purged: number | null;
  next_seq: number;
}

export interface MessageRow {
  queue: number;
  seq: number;
  id: string;
  body: string;
  md5: string;
  attrs: string | null;
  md5_attrs: string | null;
  trace: string | null;
  md5_sys: string | null;
  group_id: string | null;
  dedup_id: string | null;
  sender: string;
  sent: number;
  visible_at: number;
  receives: number;
  first_receive: number | null;
  receipt: string | null;
  dlq_source: string | null;
}

export interface MoveTaskRow {
  handle: string;
  account: string;
  region: string;
  source_arn: string;
  destination_arn: string | null;
  max_per_second: number | null;
  started: number;
  status: string;
  moved: number;
  to_move: number;
  failure: string | null;
}

export const MESSAGE_COLUMNS =
  'queue, seq, id, body, md5, attrs, md5_attrs, trace, md5_sys, group_id, dedup_id, sender, sent, visible_at, receives, first_receive, receipt, dlq_source';

/** A multi-row INSERT of `n` messages (the same SQL in SQLite and PostgreSQL). */
const insertSql = new Map<number, string>();
export function insertMessagesSql(n: number): string {
  let sql = insertSql.get(n);
  if (!sql) {
    const row = `(${Array(18).fill('?').join(', ')})`;
    sql = `INSERT INTO sqs_messages (${MESSAGE_COLUMNS}) VALUES ${Array(n).fill(row).join(', ')}`;
    insertSql.set(n, sql);
  }
  return sql;
}

/** Appends a message's values, in MESSAGE_COLUMNS order, with its seq (a loop, not flatMap: this is the busy path of every send). */
export function pushMessageValues(out: (string | number | null)[], m: Omit<MessageRow, 'seq'>, seq: number): void {
  out.push(m.queue, seq, m.id, m.body, m.md5, m.attrs, m.md5_attrs, m.trace, m.md5_sys, m.group_id, m.dedup_id, m.sender, m.sent, m.visible_at, m.receives, m.first_receive, m.receipt, m.dlq_source);
}

/** `?, ?, ?` for an IN list of n values. */
const lists: string[] = [];
export function placeholders(n: number): string {
  return (lists[n] ??= Array(n).fill('?').join(', '));
}
