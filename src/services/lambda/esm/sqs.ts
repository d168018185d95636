/**
 * SQS as an event source: pollers receive with the queue's own semantics (its visibility timeout,
 * FIFO group order, redrive to its dead-letter queue after maxReceiveCount), and wait on SQS's
 * in-process long-poll wake-ups between batches. A batch that succeeded is deleted; with
 * ReportBatchItemFailures only the messages not reported; a failed batch is left in flight, so its
 * messages come back when their visibility timeout ends. Filtered-out messages are deleted.
 */
import type { Message, SQSApi } from '../../../generated/sqs.js';
import type { SendContext, SendResult, Sender, Source, SourceEntry } from '../../../jobs/pollers/source.js';
import { serviceClient, type ServiceClient } from '../../clients.js';
import { sqsCoreOf } from '../../sqs/core.js';
import type { Platform } from '../../service.js';
import { reportedFailures } from './invoke.js';
import type { MappingDoc } from './model.js';

export type SqsRecord = Record<string, unknown> & { messageId: string; receiptHandle: string };

/**
 * Pollers of a queue when ScalingConfig does not limit them, and at most. Each poller invokes one
 * batch at a time, so ScalingConfig.MaximumConcurrency N (2-1000) is honoured by polling with at
 * most N pollers: never more than N invocations of that mapping at once.
 */
const DEFAULT_POLLERS = 5;
const MAX_POLLERS = 10;

export function pollerCount(doc: MappingDoc): number {
  return Math.min(doc.ScalingConfig?.MaximumConcurrency ?? DEFAULT_POLLERS, MAX_POLLERS);
}

export class SqsSource implements Source<SqsRecord> {
  private readonly sqs: ServiceClient<SQSApi> | undefined;
  private readonly queueUrl: string;
  private readonly account: string;
  private readonly region: string;
  private readonly name: string;

  constructor(
    private readonly platform: Platform,
    private readonly doc: MappingDoc,
  ) {
    const [, , , region, account, name] = doc.EventSourceArn.split(':');
    this.account = account!;
    this.region = region!;
    this.name = name!;
    this.queueUrl = `/${account}/${name}`;
    this.sqs = serviceClient<SQSApi>(platform, 'sqs', { accountId: this.account, region: this.region });
  }

  async shards(): Promise<readonly string[]> {
    return Array.from({ length: pollerCount(this.doc) }, (_, i) => String(i));
  }

  async read(_shard: string, _position: string | null, limit: number): Promise<readonly SourceEntry<SqsRecord>[]> {
    if (!this.sqs) return [];
    const out: SourceEntry<SqsRecord>[] = [];
    while (out.length < limit) {
      const want = Math.min(10, limit - out.length);
      const { Messages = [] } = await this.sqs.ReceiveMessage({ QueueUrl: this.queueUrl, MaxNumberOfMessages: want, WaitTimeSeconds: 0, MessageSystemAttributeNames: ['All'], MessageAttributeNames: ['All'] });
      for (const m of Messages) {
        const record = this.record(m);
        out.push({ record, position: '', bytes: Buffer.byteLength(JSON.stringify(record)) });
      }
      if (Messages.length < want) break;
    }
    return out;
  }

  async acknowledge(_shard: string, records: readonly SqsRecord[]): Promise<void> {
    if (!this.sqs) return;
    for (let i = 0; i < records.length; i += 10) {
      const chunk = records.slice(i, i + 10);
      await this.sqs.DeleteMessageBatch({ QueueUrl: this.queueUrl, Entries: chunk.map((r, j) => ({ Id: String(j), ReceiptHandle: r.receiptHandle })) });
    }
  }

  subscribe(_shard: string, wake: () => void): () => void {
    const core = sqsCoreOf(this.platform);
    if (!core) return () => {};
    let stop: (() => void) | undefined;
    let stopped = false;
    // The queue's id is read once; a long-poll waiter is one-shot, so it is armed again at each wake-up.
    void core.queue({ accountId: this.account, region: this.region }, this.name).then((queue) => {
      if (!queue || stopped) return;
      const arm = (): void => {
        stop = core.wait(queue.id, () => {
          if (!stopped) arm();
          wake();
        });
      };
      arm();
      wake(); // anything sent before the waiter was armed is read now
    });
    return () => {
      stopped = true;
      stop?.();
    };
  }

  /** A message as the function sees it (the documented SQS event record). */
  private record(m: Message): SqsRecord {
    const attributes: Record<string, unknown> = {};
    for (const [name, a] of Object.entries(m.MessageAttributes ?? {})) {
      attributes[name] = {
        ...(a.StringValue !== undefined ? { stringValue: a.StringValue } : {}),
        ...(a.BinaryValue !== undefined ? { binaryValue: Buffer.from(a.BinaryValue).toString('base64') } : {}),
        stringListValues: a.StringListValues ?? [],
        binaryListValues: (a.BinaryListValues ?? []).map((b) => Buffer.from(b).toString('base64')),
        dataType: a.DataType,
      };
    }
    return {
      messageId: m.MessageId!,
      receiptHandle: m.ReceiptHandle!,
      body: m.Body ?? '',
      attributes: { ...(m.Attributes ?? {}) },
      messageAttributes: attributes,
      ...(m.MD5OfMessageAttributes ? { md5OfMessageAttributes: m.MD5OfMessageAttributes } : {}),
      md5OfBody: m.MD5OfBody,
      eventSource: 'aws:sqs',
      eventSourceARN: this.doc.EventSourceArn,
      awsRegion: this.region,
    };
  }
}

/** Invokes the function with a batch; answers the messages that failed (all of them when the function failed). */
export class SqsSender implements Sender<SqsRecord> {
  constructor(
    private readonly doc: MappingDoc,
    private readonly invoke: (event: unknown, signal: AbortSignal) => Promise<{ ok: boolean; response: unknown } | undefined>,
  ) {}

  async send(records: readonly SqsRecord[], context: SendContext): Promise<SendResult<SqsRecord>> {
    const out = await this.invoke({ Records: records }, context.signal);
    if (!out || !out.ok) return { failed: records };
    if (!this.doc.FunctionResponseTypes.includes('ReportBatchItemFailures')) return { failed: [] };
    const failed = reportedFailures(out.response, new Set(records.map((r) => r.messageId)));
    return { failed: failed === 'all' ? records : records.filter((r) => failed.has(r.messageId)) };
  }
}
