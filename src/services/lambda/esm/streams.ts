/**
 * DynamoDB Streams as an event source (Kinesis's source is kinesis.ts; both use the sender here): a stream's one shard is read from DynamoDB's store after the
 * mapping's checkpoint (a job payload, so a restart resumes after the last batch processed), and
 * the poller waits on the store's in-process wake-ups after writes. A batch that fails is retried
 * in order, the shard blocked meanwhile: split in two first when BisectBatchOnFunctionError is on,
 * retried from the first reported failure with ReportBatchItemFailures, and given up after
 * MaximumRetryAttempts or MaximumRecordAgeInSeconds, its invocation record sent to the OnFailure
 * destination.
 */
import type { SendContext, Sender, Source, SourceEntry } from '../../../jobs/pollers/source.js';
import { dynamoDbStore } from '../../dynamodb/core.js';
import { parseStreamArn, shardId } from '../../dynamodb/streams/core.js';
import { STREAM_RETENTION_MS, type Store } from '../../dynamodb/store.js';
import type { StreamMeta } from '../../dynamodb/tables.js';
import type { Platform } from '../../service.js';
import { deliver } from '../destinations.js';
import { reportedFailures, sleep, type MappingInvocation } from './invoke.js';
import type { MappingDoc } from './model.js';

export interface StreamRecord {
  eventID: string;
  eventName: string;
  eventSourceARN: string;
  dynamodb: { SequenceNumber: string; ApproximateCreationDateTime: number };
  [key: string]: unknown;
}

export class StreamSource implements Source<StreamRecord> {
  private readonly store: Store | undefined;

  constructor(
    private readonly platform: Platform,
    private readonly doc: MappingDoc,
  ) {
    this.store = dynamoDbStore(platform);
  }

  private async stream(): Promise<StreamMeta | undefined> {
    const parts = parseStreamArn(this.doc.EventSourceArn);
    const table = parts && (await this.store?.table(parts.account, parts.region, parts.table));
    return table?.streams?.find((s) => s.label === parts!.label);
  }

  async shards(): Promise<readonly string[]> {
    const st = await this.stream();
    return st ? [shardId(st)] : [];
  }

  async read(_shard: string, position: string | null, limit: number): Promise<readonly SourceEntry<StreamRecord>[]> {
    const st = await this.stream();
    if (!st || !this.store) return [];
    const from = position !== null ? Number(position) : this.doc.StartingPosition === 'LATEST' ? (this.doc.startSeq ?? 0) : 0;
    const rows = await this.store.streamRecords(st.id, from, this.platform.clock.now() - STREAM_RETENTION_MS, limit);
    return rows.map((row) => {
      const record = { ...(JSON.parse(row.record) as StreamRecord), eventSourceARN: this.doc.EventSourceArn };
      return { record, position: String(Number(row.seq) + 1), bytes: row.record.length + this.doc.EventSourceArn.length + 20 };
    });
  }

  subscribe(_shard: string, wake: () => void): () => void {
    let stop: (() => void) | undefined;
    let stopped = false;
    void this.stream().then((st) => {
      if (!st || stopped || !this.store) return;
      stop = this.store.watchStream(st.id, wake);
      wake(); // a write committed before the watcher was set is read now
    });
    return () => {
      stopped = true;
      stop?.();
    };
  }
}

/** A retry of a failed stream batch waits this long, doubling per retry (at most 30 s). */
const RETRY_BASE_MS = 200;

type Invoke = (event: unknown, signal: AbortSignal) => Promise<MappingInvocation | undefined>;

/** How the stream sender reads a record of its kind of stream, and names the batch in an invocation record. */
export interface StreamRecordKind<R> {
  sequenceNumber(record: R): string;
  /** Epoch ms. */
  arrival(record: R): number;
  /** The invocation record's member that describes the batch. */
  readonly batchInfo: 'DDBStreamBatchInfo' | 'KinesisBatchInfo';
  /** How that member writes an arrival time. */
  time(ms: number): string;
}

export const DYNAMODB_RECORDS: StreamRecordKind<StreamRecord> = {
  sequenceNumber: (r) => r.dynamodb.SequenceNumber,
  arrival: (r) => r.dynamodb.ApproximateCreationDateTime * 1000,
  batchInfo: 'DDBStreamBatchInfo',
  time: (ms) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z'),
};

/** How one invocation of a batch is made and judged (a tumbling window adds its fields, and needs `state` back). */
export interface InvocationShape<R> {
  event(records: readonly R[]): unknown;
  /** Whether a function that returned `response` succeeded (a window's function must answer its state). */
  accepts(response: unknown): boolean;
}

const PLAIN_SHAPE: InvocationShape<unknown> = { event: (records) => ({ Records: records }), accepts: () => true };

export class StreamSender<R = StreamRecord> implements Sender<R> {
  constructor(
    private readonly platform: Platform,
    private readonly doc: MappingDoc,
    private readonly invoke: Invoke,
    private readonly onResult: (result: string) => void,
    private readonly kind: StreamRecordKind<R> = DYNAMODB_RECORDS as unknown as StreamRecordKind<R>,
  ) {}

  /** Delivers the batch, retrying in place; resolves once every record succeeded or was given up. Throws only when stopping. */
  async send(records: readonly R[], context: SendContext, shape: InvocationShape<R> = PLAIN_SHAPE): Promise<void> {
    const maxRetries = this.doc.MaximumRetryAttempts ?? -1;
    const maxAgeMs = (this.doc.MaximumRecordAgeInSeconds ?? -1) * 1000;
    // Batches still to deliver, in order, with the retries each has used.
    const pending: { records: readonly R[]; retries: number }[] = [{ records, retries: 0 }];
    const seq = (r: R): string => this.kind.sequenceNumber(r);
    const reportsFailures = this.doc.FunctionResponseTypes.includes('ReportBatchItemFailures');
    while (pending.length > 0) {
      if (context.signal.aborted) throw new Error('stopping');
      const batch = pending[0]!;
      const oldest = this.kind.arrival(batch.records[0]!);
      if (maxAgeMs >= 0 && this.platform.clock.now() - oldest > maxAgeMs) {
        await this.discard(batch.records, 'RecordAgeExceeded', batch.retries, undefined, context.shard);
        pending.shift();
        continue;
      }
      const out = await this.invoke(shape.event(batch.records), context.signal);
      if (!out) throw new Error('stopping');
      let failedFrom = -1;
      if (out.result.outcome === 'success' && shape.accepts(out.response)) {
        const failures = reportsFailures ? reportedFailures(out.response, new Set(batch.records.map(seq))) : new Set<string>();
        if (failures === 'all') failedFrom = 0;
        else if (failures.size > 0) failedFrom = batch.records.findIndex((r) => failures.has(seq(r)));
      } else failedFrom = 0;
      if (failedFrom < 0) {
        this.onResult('OK');
        pending.shift();
        continue;
      }
      this.onResult('PROBLEM: Function call failed');
      const rest = batch.records.slice(failedFrom);
      // Splitting a failed batch does not use a retry; a record alone that fails does.
      if (this.doc.BisectBatchOnFunctionError && rest.length > 1 && failedFrom === 0) {
        const half = Math.ceil(rest.length / 2);
        pending.splice(0, 1, { records: rest.slice(0, half), retries: batch.retries }, { records: rest.slice(half), retries: batch.retries });
        continue;
      }
      const retries = batch.retries + 1;
      if (maxRetries >= 0 && retries > maxRetries) {
        await this.discard(rest, 'RetryAttemptsExhausted', retries, out, context.shard);
        pending.shift();
        continue;
      }
      pending[0] = { records: rest, retries };
      await sleep(this.platform.clock, Math.min(30_000, RETRY_BASE_MS * 2 ** (retries - 1)), context.signal);
    }
  }

  /** Records given up (`invocations`: how many times this batch itself was sent): their invocation record goes to the OnFailure destination, if any (a delivery failure is logged). */
  private async discard(records: readonly R[], condition: string, invocations: number, last: MappingInvocation | undefined, shard: string): Promise<void> {
    const destination = this.doc.DestinationConfig?.OnFailure?.Destination;
    if (!destination) return;
    const first = records[0]!;
    const lastRecord = records[records.length - 1]!;
    const record = {
      requestContext: { requestId: last?.requestId ?? '', functionArn: this.doc.FunctionArn, condition, approximateInvokeCount: invocations },
      responseContext: { statusCode: 200, executedVersion: last?.target.version ?? '$LATEST', functionError: last && last.result.outcome !== 'success' ? 'Unhandled' : '' },
      version: '1.0',
      timestamp: new Date(this.platform.clock.now()).toISOString(),
      [this.kind.batchInfo]: {
        shardId: shard,
        startSequenceNumber: this.kind.sequenceNumber(first),
        endSequenceNumber: this.kind.sequenceNumber(lastRecord),
        approximateArrivalOfFirstRecord: this.kind.time(this.kind.arrival(first)),
        approximateArrivalOfLastRecord: this.kind.time(this.kind.arrival(lastRecord)),
        batchSize: records.length,
        streamArn: this.doc.EventSourceArn,
      },
    };
    try {
      await deliver(this.platform, destination, { body: JSON.stringify(record) });
    } catch (e) {
      this.platform.log({ level: 'warn', service: 'lambda', mapping: this.doc.UUID, destination, error: String((e as Error)?.message ?? e) });
    }
  }
}
