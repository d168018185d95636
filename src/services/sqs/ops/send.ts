/**
 * SendMessage and SendMessageBatch: each entry checked as AWS checks it, then the whole batch
 * written in one transaction (one multi-row INSERT), committed before the answer.
 */
import { createHash, randomUUID } from 'node:crypto';
import type { RequestContext } from '../../../core/context.js';
import type { SendMessageBatchRequest, SendMessageBatchResult, SendMessageBatchResultEntry, SendMessageRequest, SendMessageResult, SQSApi } from '../../../generated/sqs.js';
import { AwsError } from '../../../aws/errors.js';
import type { Tx } from '../../../storage/db.js';
import { MAX_MESSAGE_BYTES } from '../attributes.js';
import { checkBatch, failedEntry } from '../batch.js';
import { sequenceNumber, type Queue, type SqsCore } from '../core.js';
import { invalidParameter, missingParameter, noSuchQueue } from '../errors.js';
import { checkAttributes, checkFifoId, hasInvalidChars, invalidContents, md5Hex, md5OfAttributes } from '../message.js';
import { insertMessagesSql, pushMessageValues, type MessageRow } from '../store.js';

/** How long FIFO deduplication ids are remembered. */
export const DEDUP_WINDOW_MS = 5 * 60_000;

type Entry = Omit<SendMessageRequest, 'QueueUrl'>;

/** An entry checked and ready to store (its seq given in the transaction). */
interface Prepared {
  row: Omit<MessageRow, 'seq'>;
  dedupScope: string | undefined;
  result: Omit<SendMessageResult, 'SequenceNumber'>;
}

export class SendOps implements Pick<SQSApi, 'SendMessage' | 'SendMessageBatch'> {
  constructor(private readonly core: SqsCore) {}

  async SendMessage(ctx: RequestContext, input: SendMessageRequest): Promise<SendMessageResult> {
    const queue = await this.core.cachedQueueByUrl(ctx, input.QueueUrl);
    const p = this.prepare(ctx, queue, input, false);
    const [out] = await this.store(queue, [p]);
    return out!;
  }

  async SendMessageBatch(ctx: RequestContext, input: SendMessageBatchRequest): Promise<SendMessageBatchResult> {
    const queue = await this.core.cachedQueueByUrl(ctx, input.QueueUrl);
    checkBatch(input.Entries, 'SendMessageBatchRequestEntry');
    let total = 0;
    for (const e of input.Entries) total += entryBytes(e);
    if (total > MAX_MESSAGE_BYTES) throw new AwsError('BatchRequestTooLong', `Batch requests cannot be longer than ${MAX_MESSAGE_BYTES} bytes. You have sent ${total} bytes.`, 400);
    if (queue.fifo) {
      // A FIFO batch missing what every FIFO message needs fails as a whole.
      for (const e of input.Entries) {
        if (e.MessageGroupId === undefined) throw invalidParameter('The request must contain the parameter MessageGroupId.');
        if (e.MessageDeduplicationId === undefined && queue.a.ContentBasedDeduplication !== 'true') {
          throw invalidParameter('The queue should either have ContentBasedDeduplication enabled or MessageDeduplicationId provided explicitly');
        }
      }
    }
    const prepared: { id: string; p: Prepared }[] = [];
    const failed: SendMessageBatchResult['Failed'] = [];
    for (const e of input.Entries) {
      try {
        prepared.push({ id: e.Id, p: this.prepare(ctx, queue, e, true) });
      } catch (error) {
        failed.push(failedEntry(e.Id, error));
      }
    }
    const results = prepared.length > 0 ? await this.store(queue, prepared.map((x) => x.p)) : [];
    const successful: SendMessageBatchResultEntry[] = results.map((r, i) => ({ Id: prepared[i]!.id, ...r }) as SendMessageBatchResultEntry);
    return { Successful: successful, Failed: failed };
  }

  /** Checks one message against the queue; AWS's error for the first problem. */
  private prepare(ctx: RequestContext, queue: Queue, e: Entry, inBatch: boolean): Prepared {
    const body = e.MessageBody;
    if (body === undefined || body === '') throw missingParameter('MessageBody');
    if (hasInvalidChars(body)) throw invalidContents();
    const user = checkAttributes(e.MessageAttributes, false);
    const system = checkAttributes(e.MessageSystemAttributes, true);
    const size = Buffer.byteLength(body) + user.bytes;
    const max = Number(queue.a.MaximumMessageSize);
    if (size > max) {
      throw invalidParameter(`One or more parameters ${inBatch ? 'cannot be validated' : 'are invalid'}. Reason: Message must be shorter than ${max} bytes.`);
    }
    const delay = e.DelaySeconds;
    if (delay !== undefined && (delay < 0 || delay > 900 || !Number.isInteger(delay))) {
      throw invalidParameter(`Value ${delay} for parameter DelaySeconds is invalid. Reason: DelaySeconds must be >= 0 and <= 900.`);
    }
    checkFifoId(e.MessageGroupId, 'MessageGroupId');
    let dedupId = e.MessageDeduplicationId;
    let dedupScope: string | undefined;
    if (queue.fifo) {
      if (delay) throw invalidParameter(`Value ${delay} for parameter DelaySeconds is invalid. Reason: The request include parameter that is not valid for this queue type.`);
      if (e.MessageGroupId === undefined) throw missingParameter('MessageGroupId');
      checkFifoId(dedupId, 'MessageDeduplicationId');
      if (dedupId === undefined) {
        if (queue.a.ContentBasedDeduplication !== 'true') throw invalidParameter('The queue should either have ContentBasedDeduplication enabled or MessageDeduplicationId provided explicitly');
        dedupId = createHash('sha256').update(body).digest('hex');
      }
      dedupScope = queue.a.DeduplicationScope === 'messageGroup' ? e.MessageGroupId : '';
    } else if (dedupId !== undefined) {
      throw invalidParameter(`Value ${dedupId} for parameter MessageDeduplicationId is invalid. Reason: The request includes a parameter that is not valid for this queue type.`);
    }
    const now = this.core.clock.now();
    const md5 = md5Hex(body);
    const md5Attrs = md5OfAttributes(user.stored);
    const trace = system.stored?.AWSTraceHeader?.StringValue;
    const md5Sys = md5OfAttributes(system.stored);
    const id = randomUUID();
    const result: Prepared['result'] = { MessageId: id, MD5OfMessageBody: md5 };
    if (md5Attrs) result.MD5OfMessageAttributes = md5Attrs;
    if (md5Sys) result.MD5OfMessageSystemAttributes = md5Sys;
    return {
      row: {
        queue: queue.id,
        id,
        body,
        md5,
        attrs: user.stored ? JSON.stringify(user.stored) : null,
        md5_attrs: md5Attrs ?? null,
        trace: trace ?? null,
        md5_sys: md5Sys ?? null,
        group_id: e.MessageGroupId ?? null,
        dedup_id: queue.fifo ? dedupId! : null,
        sender: ctx.accessKeyId && /^A[A-Z]{3}[A-Z0-9]{12,}$/.test(ctx.accessKeyId) ? ctx.accessKeyId : ctx.accountId,
        sent: now,
        visible_at: now + (delay ?? Number(queue.a.DelaySeconds)) * 1000,
        receives: 0,
        first_receive: null,
        receipt: null,
        dlq_source: null,
      },
      dedupScope,
      result,
    };
  }

  /** Stores checked messages in one transaction; a FIFO duplicate answers the original's id. */
  private async store(queue: Queue, batch: Prepared[]): Promise<SendMessageResult[]> {
    const now = this.core.clock.now();
    const { results, visibleNow, delayedUntil } = await this.core.db.tx(async (tx) => {
      const head = await tx.get<{ next_seq: number }>('SELECT next_seq FROM sqs_queues WHERE id = ?', [queue.id]);
      if (!head) throw noSuchQueue();
      let seq = Number(head.next_seq);
      const results: SendMessageResult[] = [];
      const values: (string | number | null)[] = [];
      let stored = 0;
      let visibleNow = 0;
      let delayedUntil = Infinity;
      for (const p of batch) {
        if (p.dedupScope !== undefined) {
          const dup = await this.duplicate(tx, queue.id, p.dedupScope, p.row.dedup_id!, now);
          if (dup) {
            results.push({ ...p.result, MessageId: dup.message_id, SequenceNumber: sequenceNumber(Number(dup.seq)) });
            continue;
          }
          await tx.run(
            'INSERT INTO sqs_dedup (queue, scope, dedup_id, expires, message_id, seq) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (queue, scope, dedup_id) DO UPDATE SET expires = excluded.expires, message_id = excluded.message_id, seq = excluded.seq',
            [queue.id, p.dedupScope, p.row.dedup_id!, now + DEDUP_WINDOW_MS, p.row.id, seq],
          );
        }
        pushMessageValues(values, p.row, seq);
        if (++stored === 10) {
          await tx.run(insertMessagesSql(10), values);
          values.length = stored = 0;
        }
        results.push(queue.fifo ? { ...p.result, SequenceNumber: sequenceNumber(seq) } : p.result);
        if (p.row.visible_at <= now) visibleNow++;
        else delayedUntil = Math.min(delayedUntil, p.row.visible_at);
        seq++;
      }
      if (stored > 0) await tx.run(insertMessagesSql(stored), values);
      if (seq !== Number(head.next_seq)) await tx.run('UPDATE sqs_queues SET next_seq = ? WHERE id = ?', [seq, queue.id]);
      return { results, visibleNow, delayedUntil };
    });
    if (visibleNow > 0) this.core.notify(queue.id, visibleNow);
    if (delayedUntil !== Infinity) this.core.notifyAt(queue.id, delayedUntil);
    return results;
  }

  private async duplicate(tx: Tx, queueId: number, scope: string, dedupId: string, now: number): Promise<{ message_id: string; seq: number } | undefined> {
    return tx.get<{ message_id: string; seq: number }>('SELECT message_id, seq FROM sqs_dedup WHERE queue = ? AND scope = ? AND dedup_id = ? AND expires > ?', [queueId, scope, dedupId, now]);
  }
}

/** What an entry counts toward a batch's total size: its body and message attributes. */
function entryBytes(e: Entry): number {
  let n = Buffer.byteLength(e.MessageBody ?? '');
  for (const [name, a] of Object.entries(e.MessageAttributes ?? {})) {
    n += Buffer.byteLength(name) + Buffer.byteLength(a.DataType ?? '');
    if (a.StringValue !== undefined) n += Buffer.byteLength(a.StringValue);
    if (a.BinaryValue !== undefined) n += typeof a.BinaryValue === 'string' ? Buffer.from(a.BinaryValue, 'base64').length : a.BinaryValue.length;
  }
  return n;
}
