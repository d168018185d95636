/**
 * ReceiveMessage (short and long polls), DeleteMessage(Batch), ChangeMessageVisibility(Batch).
 * A long poll waits on an in-process wake-up (a send, a delay or visibility ending), never a loop
 * of reads.
 */
import type { RequestContext } from '../../../core/context.js';
import {
  InvalidAttributeName,
  type ChangeMessageVisibilityBatchRequest,
  type ChangeMessageVisibilityBatchResult,
  type ChangeMessageVisibilityRequest,
  type DeleteMessageBatchRequest,
  type DeleteMessageBatchResult,
  type DeleteMessageRequest,
  type Message,
  type ReceiveMessageRequest,
  type ReceiveMessageResult,
  type SQSApi,
} from '../../../generated/sqs.js';
import type { Tx } from '../../../storage/db.js';
import { ALL_NAMES } from '../attributes.js';
import { checkBatch, failedEntry } from '../batch.js';
import { claim, type Claimed, type Shown } from '../claim.js';
import { decodeHandle, encodeHandle, sequenceNumber, type Handle, type Queue, type SqsCore } from '../core.js';
import { invalidParameter, noSuchQueue } from '../errors.js';
import { attributeFilter, md5OfAttributes, type StoredAttribute } from '../message.js';
import { MESSAGE_COLUMNS, placeholders, type MessageRow } from '../store.js';

/** How long a FIFO ReceiveRequestAttemptId answers the same messages. */
const ATTEMPT_WINDOW_MS = 5 * 60_000;
const MAX_VISIBILITY = 43_200;
/** Names ReceiveMessage takes in AttributeNames / MessageSystemAttributeNames (queue attribute names are accepted and ignored). */
const SYSTEM_NAMES = new Set([
  'All', 'SenderId', 'SentTimestamp', 'ApproximateReceiveCount', 'ApproximateFirstReceiveTimestamp', 'SequenceNumber',
  'MessageDeduplicationId', 'MessageGroupId', 'AWSTraceHeader', 'DeadLetterQueueSourceArn', ...ALL_NAMES,
]);

export class ReceiveOps implements Pick<SQSApi, 'ReceiveMessage' | 'DeleteMessage' | 'DeleteMessageBatch' | 'ChangeMessageVisibility' | 'ChangeMessageVisibilityBatch'> {
  constructor(private readonly core: SqsCore) {}

  async ReceiveMessage(ctx: RequestContext, input: ReceiveMessageRequest): Promise<ReceiveMessageResult> {
    const queue = await this.core.cachedQueueByUrl(ctx, input.QueueUrl);
    const max = input.MaxNumberOfMessages ?? 1;
    if (max < 1 || max > 10 || !Number.isInteger(max)) throw invalidParameter(`Value ${max} for parameter MaxNumberOfMessages is invalid. Reason: Must be between 1 and 10, if provided.`);
    const wait = input.WaitTimeSeconds ?? Number(queue.a.ReceiveMessageWaitTimeSeconds);
    if (wait < 0 || wait > 20 || !Number.isInteger(wait)) throw invalidParameter(`Value ${wait} for parameter WaitTimeSeconds is invalid. Reason: Must be >= 0 and <= 20, if provided.`);
    const vt = input.VisibilityTimeout ?? Number(queue.a.VisibilityTimeout);
    if (vt < 0 || vt > MAX_VISIBILITY || !Number.isInteger(vt)) {
      throw invalidParameter(`Value ${vt} for parameter VisibilityTimeout is invalid. Reason: Must be >= 0 and <= ${MAX_VISIBILITY}, if provided.`);
    }
    const attempt = queue.fifo ? input.ReceiveRequestAttemptId : undefined;
    if (attempt !== undefined && !/^[\x21-\x7E]{1,128}$/.test(attempt)) {
      throw invalidParameter(`Value ${attempt} for parameter ReceiveRequestAttemptId is invalid. Reason: ReceiveRequestAttemptId can only include alphanumeric and punctuation characters. 1 to 128 in length.`);
    }
    const systemNames = [...(input.AttributeNames ?? []), ...(input.MessageSystemAttributeNames ?? [])];
    for (const n of systemNames) if (!SYSTEM_NAMES.has(n)) throw new InvalidAttributeName(`Unknown Attribute ${n}.`);
    const view = { system: attributeFilter(systemNames), user: attributeFilter(input.MessageAttributeNames) };
    const deadline = this.core.clock.now() + wait * 1000;
    for (;;) {
      // Registered before reading, so that a message sent while this receive reads still wakes it.
      let wake!: () => void;
      const woken = new Promise<void>((resolve) => (wake = resolve));
      const stop = wait > 0 ? this.core.wait(queue.id, wake) : () => {};
      let got: Claimed[];
      try {
        got = await this.receiveOnce(queue, max, vt, attempt, { system: view.system !== undefined, user: view.user !== undefined });
      } catch (e) {
        stop();
        throw e;
      }
      const now = this.core.clock.now();
      if (got.length > 0 || now >= deadline) {
        stop();
        return got.length > 0 ? { Messages: got.map((m) => this.toMessage(queue, m, view)) } : {};
      }
      const next = await this.core.db.get<{ at: number | null }>('SELECT MIN(visible_at) AS at FROM sqs_messages WHERE queue = ? AND visible_at > ?', [queue.id, now]);
      const at = Math.min(deadline, next?.at != null ? Number(next.at) : Infinity);
      const timer = this.core.clock.setTimer(at - now, wake);
      await woken;
      timer.cancel();
      stop();
      if (!(await this.core.queueById(queue.id))) throw noSuchQueue();
    }
  }

  /** One claim transaction (or the messages a FIFO receive attempt already got). */
  private async receiveOnce(queue: Queue, max: number, vt: number, attempt: string | undefined, shown: Shown): Promise<Claimed[]> {
    const now = this.core.clock.now();
    const result = await this.core.db.tx(async (tx) => {
      const current = await this.core.current(queue, tx);
      if (!current) throw noSuchQueue();
      if (attempt !== undefined) {
        const again = await this.sameAttempt(tx, queue.id, attempt, now);
        if (again) return { messages: again, movedTo: new Map<number, number>(), moved: 0 };
      }
      const r = await claim(this.core, tx, current, max, vt * 1000, now, shown);
      if (attempt !== undefined && r.messages.length > 0) {
        await tx.run(
          'INSERT INTO sqs_attempts (queue, attempt, expires, handles) VALUES (?, ?, ?, ?) ON CONFLICT (queue, attempt) DO UPDATE SET expires = excluded.expires, handles = excluded.handles',
          [queue.id, attempt, now + ATTEMPT_WINDOW_MS, JSON.stringify(r.messages.map((m) => [m.seq, m.receipt]))],
        );
      }
      return r;
    });
    for (const [dlq, n] of result.movedTo) this.core.notify(dlq, n);
    // A visibility of 0 leaves what was received visible at once (for other waiting receives).
    if (vt === 0 && result.messages.length > 0) this.core.notify(queue.id);
    else if (result.messages.length > 0) this.core.notifyAt(queue.id, now + vt * 1000);
    return result.messages;
  }

  /** The messages an earlier receive with this attempt id got, while all are still held by it. */
  private async sameAttempt(tx: Tx, queueId: number, attempt: string, now: number): Promise<Claimed[] | undefined> {
    const row = await tx.get<{ handles: string }>('SELECT handles FROM sqs_attempts WHERE queue = ? AND attempt = ? AND expires > ?', [queueId, attempt, now]);
    if (!row) return undefined;
    const out: Claimed[] = [];
    for (const [seq, nonce] of JSON.parse(row.handles) as [number, string][]) {
      const m = await tx.get<MessageRow>(`SELECT ${MESSAGE_COLUMNS} FROM sqs_messages WHERE queue = ? AND seq = ?`, [queueId, seq]);
      if (!m || m.receipt !== nonce || Number(m.visible_at) <= now) return undefined;
      out.push(m as Claimed);
    }
    return out;
  }

  private toMessage(queue: Queue, m: Claimed, view: { system?: (n: string) => boolean; user?: (n: string) => boolean }): Message {
    const msg: Message = { MessageId: m.id, ReceiptHandle: encodeHandle(queue.id, Number(m.seq), m.receipt), MD5OfBody: m.md5, Body: m.body };
    if (view.system) {
      const sys: Record<string, string> = {};
      const put = (name: string, value: string | null | undefined): void => {
        if (value !== null && value !== undefined && view.system!(name)) sys[name] = value;
      };
      put('SenderId', m.sender);
      put('SentTimestamp', String(m.sent));
      put('ApproximateReceiveCount', String(m.receives));
      put('ApproximateFirstReceiveTimestamp', String(m.first_receive));
      if (queue.fifo) {
        put('SequenceNumber', sequenceNumber(Number(m.seq)));
        put('MessageDeduplicationId', m.dedup_id);
      }
      put('MessageGroupId', m.group_id);
      put('AWSTraceHeader', m.trace);
      put('DeadLetterQueueSourceArn', m.dlq_source);
      if (Object.keys(sys).length > 0) msg.Attributes = sys;
    }
    if (view.user && m.attrs) {
      const all = JSON.parse(m.attrs) as Record<string, StoredAttribute>;
      const shown: Record<string, StoredAttribute> = {};
      for (const [k, v] of Object.entries(all)) if (view.user(k)) shown[k] = v;
      if (Object.keys(shown).length > 0) {
        msg.MD5OfMessageAttributes = Object.keys(shown).length === Object.keys(all).length ? m.md5_attrs! : md5OfAttributes(shown)!;
        msg.MessageAttributes = Object.fromEntries(
          Object.entries(shown).map(([k, v]) => [k, v.BinaryValue !== undefined ? { DataType: v.DataType, BinaryValue: Buffer.from(v.BinaryValue, 'base64') } : { DataType: v.DataType, StringValue: v.StringValue }]),
        );
      }
    }
    return msg;
  }

  async DeleteMessage(ctx: RequestContext, input: DeleteMessageRequest): Promise<void> {
    const queue = await this.core.cachedQueueByUrl(ctx, input.QueueUrl);
    const handle = decodeHandle(input.ReceiptHandle, queue.id);
    const now = this.core.clock.now();
    const { errors, freed } = await this.core.db.tx((tx) => this.deleteMany(tx, queue, [handle], [input.ReceiptHandle], now));
    if (errors[0]) throw errors[0];
    if (freed) this.core.notify(queue.id);
  }

  async DeleteMessageBatch(ctx: RequestContext, input: DeleteMessageBatchRequest): Promise<DeleteMessageBatchResult> {
    const queue = await this.core.cachedQueueByUrl(ctx, input.QueueUrl);
    checkBatch(input.Entries, 'DeleteMessageBatchRequestEntry');
    const now = this.core.clock.now();
    const decoded: (Handle | Error)[] = input.Entries.map((e) => {
      try {
        return decodeHandle(e.ReceiptHandle, queue.id);
      } catch (error) {
        return error as Error;
      }
    });
    const { result, freed } = await this.core.db.tx(async (tx) => {
      const { errors, freed } = await this.deleteMany(tx, queue, decoded, input.Entries.map((e) => e.ReceiptHandle), now);
      const result: DeleteMessageBatchResult = { Successful: [], Failed: [] };
      input.Entries.forEach((e, i) => {
        if (errors[i]) result.Failed.push(failedEntry(e.Id, errors[i]));
        else result.Successful.push({ Id: e.Id });
      });
      return { result, freed };
    });
    if (freed) this.core.notify(queue.id);
    return result;
  }

  /**
   * Deletes the messages receipt handles hold, in order, with one read and one delete. A standard
   * queue accepts a stale handle (the message is deleted if this receive still holds it, else
   * kept); a FIFO queue refuses a handle whose visibility timeout has ended. Returns each handle's
   * error (those given as errors: an undecodable handle) and whether a FIFO group may have been
   * unblocked.
   */
  private async deleteMany(tx: Tx, queue: Queue, handles: readonly (Handle | Error)[], texts: readonly string[], now: number): Promise<{ errors: (unknown | undefined)[]; freed: boolean }> {
    const seqs = [...new Set(handles.filter((h): h is Handle => !(h instanceof Error)).map((h) => h.seq))];
    const rows = seqs.length === 0 ? [] : await tx.all<{ seq: number; receipt: string | null; visible_at: number }>(
      `SELECT seq, receipt, visible_at FROM sqs_messages WHERE queue = ? AND seq IN (${placeholders(seqs.length)})`,
      [queue.id, ...seqs],
    );
    const bySeq = new Map(rows.map((r) => [Number(r.seq), r]));
    const errors: (unknown | undefined)[] = [];
    const deleted: number[] = [];
    handles.forEach((h, i) => {
      if (h instanceof Error) return void (errors[i] = h);
      const row = bySeq.get(h.seq); // gone once an earlier handle of this request deleted it
      if (!row) return;
      const expired = (): unknown => invalidParameter(`Value ${texts[i]} for parameter ReceiptHandle is invalid. Reason: The receipt handle has expired.`);
      if (row.receipt !== h.nonce) {
        if (queue.fifo) errors[i] = expired();
        return;
      }
      if (queue.fifo && Number(row.visible_at) <= now) return void (errors[i] = expired());
      bySeq.delete(h.seq);
      deleted.push(h.seq);
    });
    if (deleted.length > 0) await tx.run(`DELETE FROM sqs_messages WHERE queue = ? AND seq IN (${placeholders(deleted.length)})`, [queue.id, ...deleted]);
    return { errors, freed: Boolean(queue.fifo) && deleted.length > 0 };
  }

  async ChangeMessageVisibility(ctx: RequestContext, input: ChangeMessageVisibilityRequest): Promise<void> {
    const queue = await this.core.cachedQueueByUrl(ctx, input.QueueUrl);
    checkVisibility(input.VisibilityTimeout);
    const handle = decodeHandle(input.ReceiptHandle, queue.id);
    const now = this.core.clock.now();
    await this.core.db.tx((tx) => this.changeOne(tx, queue, handle, input.ReceiptHandle, input.VisibilityTimeout, now));
    this.core.notifyAt(queue.id, now + input.VisibilityTimeout * 1000);
    if (input.VisibilityTimeout === 0) this.core.notify(queue.id);
  }

  async ChangeMessageVisibilityBatch(ctx: RequestContext, input: ChangeMessageVisibilityBatchRequest): Promise<ChangeMessageVisibilityBatchResult> {
    const queue = await this.core.cachedQueueByUrl(ctx, input.QueueUrl);
    checkBatch(input.Entries, 'ChangeMessageVisibilityBatchRequestEntry');
    const now = this.core.clock.now();
    const { result, earliest } = await this.core.db.tx(async (tx) => {
      const result: ChangeMessageVisibilityBatchResult = { Successful: [], Failed: [] };
      let earliest = Infinity;
      for (const e of input.Entries) {
        try {
          const vt = e.VisibilityTimeout ?? 0;
          checkVisibility(vt);
          const handle = decodeHandle(e.ReceiptHandle, queue.id);
          await this.changeOne(tx, queue, handle, e.ReceiptHandle, vt, now);
          earliest = Math.min(earliest, now + vt * 1000);
          result.Successful.push({ Id: e.Id });
        } catch (error) {
          result.Failed.push(failedEntry(e.Id, error));
        }
      }
      return { result, earliest };
    });
    if (earliest <= now) this.core.notify(queue.id);
    else if (earliest !== Infinity) this.core.notifyAt(queue.id, earliest);
    return result;
  }

  private async changeOne(tx: Tx, queue: Queue, handle: { seq: number; nonce: string }, text: string, vt: number, now: number): Promise<void> {
    const row = await tx.get<{ receipt: string | null }>('SELECT receipt FROM sqs_messages WHERE queue = ? AND seq = ?', [queue.id, handle.seq]);
    if (!row || row.receipt !== handle.nonce) {
      throw invalidParameter(`Value ${text} for parameter ReceiptHandle is invalid. Reason: Message does not exist or is not available for visibility timeout change.`);
    }
    await tx.run('UPDATE sqs_messages SET visible_at = ? WHERE queue = ? AND seq = ?', [now + vt * 1000, queue.id, handle.seq]);
  }
}

function checkVisibility(vt: number): void {
  if (vt < 0 || vt > MAX_VISIBILITY || !Number.isInteger(vt)) {
    throw invalidParameter(`Value ${vt} for parameter VisibilityTimeout is invalid. Reason: Must be between 0 and ${MAX_VISIBILITY}, if provided.`);
  }
}
