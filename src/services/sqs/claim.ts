/**
 * The receive transaction: picks the next visible messages of a queue and makes them in flight in
 * the same transaction (so two concurrent receives never get the same message), moving those past
 * their queue's maxReceiveCount to its dead-letter queue instead.
 *
 * Standard queues read the (queue, visible_at, seq) index from its start: O(log n) per receive.
 * FIFO queues read visible messages in send order and keep, per message group, only a group whose
 * oldest message is among them (a group with a message in flight or delayed ahead is blocked).
 */
import type { Tx } from '../../storage/db.js';
import { parseRedrivePolicy } from './attributes.js';
import { newNonce, type Queue, type SqsCore } from './core.js';
import { MESSAGE_COLUMNS, insertMessagesSql, pushMessageValues, type MessageRow } from './store.js';

/** A received message: for a standard queue without a RedrivePolicy, only the columns the receive shows (see shownColumns). */
export interface Claimed extends MessageRow {
  /** The nonce this receive holds the message with (its receipt handle's). */
  receipt: string;
}

export interface ClaimResult {
  messages: Claimed[];
  /** Dead-letter queues that got messages (their long polls to wake). */
  movedTo: Map<number, number>;
  /** The message ids moved to a dead-letter queue. */
  moved: number;
}

const FIFO_SCAN = 1000;

const claimSqls = new Map<number, string>();
function claimSql(n: number): string {
  let sql = claimSqls.get(n);
  if (!sql) {
    sql = `UPDATE sqs_messages SET visible_at = ?, receives = receives + 1, first_receive = COALESCE(first_receive, ?), receipt = ? WHERE queue = ? AND seq IN (${Array(n).fill('?').join(', ')})`;
    claimSqls.set(n, sql);
  }
  return sql;
}

/** What a receive shows of its messages: their system attributes, their message attributes. */
export interface Shown {
  system: boolean;
  user: boolean;
}

/**
 * The columns a standard receive reads: what it answers with (turning SQLite rows into objects
 * costs per column, and this is the busy path). Dead-lettering needs whole rows (MESSAGE_COLUMNS).
 */
const SHOWN_COLUMNS = new Map<string, string>();
function shownColumns(shown: Shown): string {
  const key = `${shown.system}${shown.user}`;
  let columns = SHOWN_COLUMNS.get(key);
  if (!columns) {
    columns = `seq, id, body, md5, receives, first_receive${shown.system ? ', sender, sent, group_id, trace, dlq_source' : ''}${shown.user ? ', attrs, md5_attrs' : ''}`;
    SHOWN_COLUMNS.set(key, columns);
  }
  return columns;
}

export async function claim(core: SqsCore, tx: Tx, queue: Queue, max: number, visibilityMs: number, now: number, shown: Shown): Promise<ClaimResult> {
  const oldest = now - Number(queue.a.MessageRetentionPeriod) * 1000;
  const redrive = queue.a.RedrivePolicy ? parseRedrivePolicy(queue.a.RedrivePolicy) : undefined;
  const candidates = queue.fifo ? await fifoCandidates(tx, queue.id, max, now, oldest) : await tx.all<MessageRow>(
    `SELECT ${redrive ? MESSAGE_COLUMNS : shownColumns(shown)} FROM sqs_messages WHERE queue = ? AND visible_at <= ? AND sent > ? ORDER BY visible_at, seq LIMIT ?`,
    [queue.id, now, oldest, max],
  );
  const out: ClaimResult = { messages: [], movedTo: new Map(), moved: 0 };
  let dlq: Queue | undefined | null = null;
  const seqs: number[] = [];
  for (const m of candidates) {
    if (redrive && m.receives >= redrive.maxReceiveCount) {
      if (dlq === null) dlq = await core.queueByArn(redrive.deadLetterTargetArn, tx);
      if (dlq) {
        await moveMessages(tx, [m], dlq, { keepReceives: true, dlqSource: queue.arn, now });
        out.movedTo.set(dlq.id, (out.movedTo.get(dlq.id) ?? 0) + 1);
        out.moved++;
        continue;
      }
    }
    seqs.push(m.seq);
    // The row read is this receive's own: updated in place (spreading rows is slow on this path).
    m.visible_at = now + visibilityMs;
    m.receives = Number(m.receives) + 1;
    m.first_receive ??= now;
    out.messages.push(m as Claimed);
  }
  if (seqs.length > 0) {
    // One statement for the whole receive; the messages share its nonce (a handle also names its message's seq).
    const nonce = newNonce();
    for (const m of out.messages) m.receipt = nonce;
    await tx.run(claimSql(seqs.length), [now + visibilityMs, now, nonce, queue.id, ...seqs]);
  }
  return out;
}

/**
 * Visible messages of a FIFO queue that may be received now, in order: the messages of each group
 * whose head (oldest message) is visible, the first group's as far as they go, then the next's.
 */
async function fifoCandidates(tx: Tx, queueId: number, max: number, now: number, oldest: number): Promise<MessageRow[]> {
  const rows = await tx.all<MessageRow>(`SELECT ${MESSAGE_COLUMNS} FROM sqs_messages WHERE queue = ? AND visible_at <= ? AND sent > ? ORDER BY seq LIMIT ?`, [
    queueId,
    now,
    oldest,
    FIFO_SCAN,
  ]);
  const groups = new Map<string, MessageRow[] | null>();
  for (const r of rows) {
    const g = r.group_id ?? '';
    let list = groups.get(g);
    if (list === null) continue;
    if (list === undefined) {
      // The group is blocked if an older message of it is not visible (in flight or delayed).
      const ahead = await tx.get('SELECT 1 AS x FROM sqs_messages WHERE queue = ? AND group_id = ? AND seq < ? AND sent > ? LIMIT 1', [queueId, g, r.seq, oldest]);
      if (ahead) {
        groups.set(g, null);
        continue;
      }
      groups.set(g, (list = []));
    }
    list.push(r);
  }
  const out: MessageRow[] = [];
  for (const list of groups.values()) {
    if (!list) continue;
    for (const r of list) {
      if (out.length >= max) return out;
      out.push(r);
    }
  }
  return out;
}

/**
 * Moves messages to another queue (dead-lettering on receive, or a move task): new seqs at the end
 * of the destination, visible at once. A dead-lettered message keeps its receive count, first
 * receive and send time, and names its source; a redriven one starts over.
 */
export async function moveMessages(tx: Tx, rows: readonly MessageRow[], to: Queue, how: { keepReceives: boolean; dlqSource: string | null; now: number }): Promise<void> {
  if (rows.length === 0) return;
  const head = await tx.get<{ next_seq: number }>('SELECT next_seq FROM sqs_queues WHERE id = ?', [to.id]);
  let seq = Number(head!.next_seq);
  const moved: MessageRow[] = rows.map((m) => ({
    ...m,
    queue: to.id,
    seq: seq++,
    visible_at: how.now,
    receives: how.keepReceives ? m.receives : 0,
    first_receive: how.keepReceives ? m.first_receive : null,
    receipt: null,
    dlq_source: how.keepReceives ? how.dlqSource : null,
    // A standard destination has no use for a deduplication id; a FIFO one keeps it.
    dedup_id: to.fifo ? m.dedup_id : null,
  }));
  for (let i = 0; i < moved.length; i += 10) {
    const part = moved.slice(i, i + 10);
    const values: (string | number | null)[] = [];
    for (const m of part) pushMessageValues(values, m, m.seq);
    await tx.run(insertMessagesSql(part.length), values);
  }
  await tx.run('UPDATE sqs_queues SET next_seq = ? WHERE id = ?', [seq, to.id]);
  for (const m of rows) await tx.run('DELETE FROM sqs_messages WHERE queue = ? AND seq = ?', [m.queue, m.seq]);
}
