/**
 * The pollers of event-source mappings (jobs of kind `lambda.esm`, src/jobs/pollers/): each run
 * reads its mapping from `lambda_esm` (a disabled or deleted mapping ends its shard jobs), and
 * builds the source and sender for its kind of source. Mappings are parsed once per stored text.
 */
import { compileFilterCriteria, recordMatchesFilterCriteria } from '../../../aws/event-patterns/lambda.js';
import { Pollers, type Mapping } from '../../../jobs/pollers/poller.js';
import type { LambdaCore } from '../core.js';
import type { InvocationRunner } from '../invoke/sync.js';
import { MAX_SYNC_PAYLOAD } from '../limits.js';
import { invokeMapping } from './invoke.js';
import { KinesisSource, type KinesisEventRecord } from './kinesis.js';
import { filterSource, type MappingDoc } from './model.js';
import { ParallelSender } from './parallel.js';
import { SqsSender, SqsSource } from './sqs.js';
import { DYNAMODB_RECORDS, StreamSender, StreamSource, type StreamRecordKind } from './streams.js';
import { WindowSender } from './windows.js';

export const ESM_KIND = 'lambda.esm';

/** How long a caught-up poller waits for a wake-up within one run before its job is rescheduled. */
const IDLE_WAIT_MS = 20_000;
/** A caught-up Kinesis shard without the provider's wake-ups is read again after this long, as Lambda polls a shard once a second. */
const KINESIS_POLL_MS = 1000;

const KINESIS_RECORDS: StreamRecordKind<KinesisEventRecord> = {
  sequenceNumber: (r) => r.kinesis.sequenceNumber,
  arrival: (r) => Math.round(r.kinesis.approximateArrivalTimestamp * 1000),
  batchInfo: 'KinesisBatchInfo',
  time: (ms) => new Date(ms).toISOString(),
};

type AnyRecord = Record<string, unknown>;

export class MappingPollers {
  private readonly pollers: Pollers<AnyRecord>;
  private readonly built = new Map<string, { text: string; mapping: Mapping<AnyRecord> }>();
  /** Kinesis shards each mapping has read to their end (in this process). */
  private readonly endedShards = new Map<string, Set<string>>();

  constructor(
    private readonly core: LambdaCore,
    private readonly runner: InvocationRunner,
  ) {
    // Caught-up pollers wait inside their runs: many may be running at once, nearly all of them idle.
    this.pollers = new Pollers<AnyRecord>(core.platform.jobs, ESM_KIND, (uuid) => this.resolve(uuid), { concurrency: 1000, leaseMs: 20 * 60_000 });
  }

  start(uuid: string, scope: { accountId: string; region: string }): Promise<void> {
    this.built.delete(uuid);
    return this.pollers.start(uuid, { account: scope.accountId, region: scope.region });
  }

  stop(uuid: string): Promise<number> {
    this.built.delete(uuid);
    this.endedShards.delete(uuid);
    return this.pollers.stop(uuid);
  }

  /** The mapping's row changed: the next run builds it again. */
  changed(uuid: string): void {
    this.built.delete(uuid);
  }

  private async resolve(uuid: string): Promise<Mapping<AnyRecord> | undefined> {
    const row = await this.core.db.get<{ account: string; region: string; doc: string }>('SELECT account, region, doc FROM lambda_esm WHERE uuid = ?', [uuid]);
    if (!row) return undefined;
    const doc = JSON.parse(row.doc) as MappingDoc;
    if (!doc.Enabled) return undefined;
    const hit = this.built.get(uuid);
    if (hit && hit.text === row.doc) return hit.mapping;
    // The source's service is loaded first (its in-process store and wake-ups), as after a restart nothing may have called it yet.
    await this.core.platform.services.get(doc.kind === 'sqs-fifo' ? 'sqs' : doc.kind)?.load();
    const mapping = this.build(doc, { accountId: row.account, region: row.region });
    if (this.built.size >= 10_000) this.built.clear();
    this.built.set(uuid, { text: row.doc, mapping });
    return mapping;
  }

  private build(doc: MappingDoc, scope: { accountId: string; region: string }): Mapping<AnyRecord> {
    const platform = this.core.platform;
    const invoke = (event: unknown, signal: AbortSignal) => invokeMapping(this.core, this.runner, scope, doc, event, signal);
    const criteria = doc.FilterCriteria ? compileFilterCriteria(doc.FilterCriteria, filterSource(doc.kind)) : undefined;
    const filter = criteria && criteria.filters.length > 0 ? (record: AnyRecord) => recordMatchesFilterCriteria(criteria, record) : undefined;
    const batch = { maxRecords: doc.BatchSize, maxBytes: MAX_SYNC_PAYLOAD - 1024, windowMs: doc.MaximumBatchingWindowInSeconds * 1000 };
    if (doc.kind === 'kinesis') {
      const sender = new StreamSender(platform, doc, invoke, (result) => void this.recordResult(doc.UUID, result), KINESIS_RECORDS);
      const role = async (): Promise<string> => (await this.core.resolve(scope, doc.name, doc.qualifier, true)).config.Role;
      // A closed shard read to its end: its children get pollers (start is idempotent).
      const reshard = (): void => void this.pollers.start(doc.UUID, { account: scope.accountId, region: scope.region }).catch(() => undefined);
      let ended = this.endedShards.get(doc.UUID);
      if (!ended) this.endedShards.set(doc.UUID, (ended = new Set()));
      const source = new KinesisSource(platform, doc, role, reshard, ended);
      const idleMs = source.subscribe ? IDLE_WAIT_MS : KINESIS_POLL_MS;
      if ((doc.TumblingWindowInSeconds ?? 0) > 0) {
        // A window's state is the shard's: its batches go one at a time (no ParallelizationFactor split).
        const windows = new WindowSender(platform, doc, sender, KINESIS_RECORDS, invoke);
        return { source: source as never, sender: windows as never, filter, batch, idleMs, together: windows.together as never };
      }
      const factor = doc.ParallelizationFactor ?? 1;
      if (factor > 1) {
        const parallel = new ParallelSender(sender, factor, doc.BatchSize, batch.maxBytes, (r: KinesisEventRecord) => r.kinesis.partitionKey);
        const gathered = { ...batch, maxRecords: doc.BatchSize * factor, maxBytes: batch.maxBytes * factor };
        return { source: source as never, sender: parallel as never, filter, batch: gathered, idleMs };
      }
      return { source: source as never, sender: sender as never, filter, batch, idleMs };
    }
    if (doc.kind === 'dynamodb') {
      const sender = new StreamSender(platform, doc, invoke, (result) => void this.recordResult(doc.UUID, result));
      const source = new StreamSource(platform, doc);
      if ((doc.TumblingWindowInSeconds ?? 0) > 0) {
        const windows = new WindowSender(platform, doc, sender, DYNAMODB_RECORDS, invoke);
        return { source: source as never, sender: windows as never, filter, batch, idleMs: IDLE_WAIT_MS, together: windows.together as never };
      }
      return { source: source as never, sender: sender as never, filter, batch, idleMs: IDLE_WAIT_MS };
    }
    const sender = new SqsSender(doc, async (event, signal) => {
      try {
        const out = await invoke(event, signal);
        return out && { ok: out.result.outcome === 'success', response: out.response };
      } catch (e) {
        // The function is gone or cannot run: the messages stay in the queue.
        platform.log({ level: 'warn', service: 'lambda', mapping: doc.UUID, error: String((e as Error)?.message ?? e) });
        return { ok: false, response: undefined };
      }
    });
    return { source: new SqsSource(platform, doc) as never, sender: sender as never, filter, batch, idleMs: IDLE_WAIT_MS };
  }

  /** LastProcessingResult of a stream mapping, written when it changes. */
  private readonly results = new Map<string, string>();

  private async recordResult(uuid: string, result: string): Promise<void> {
    if (this.results.get(uuid) === result) return;
    this.results.set(uuid, result);
    if (this.results.size > 10_000) this.results.clear();
    const row = await this.core.db.get<{ doc: string }>('SELECT doc FROM lambda_esm WHERE uuid = ?', [uuid]);
    if (!row) return;
    const doc = JSON.parse(row.doc) as MappingDoc;
    if (doc.LastProcessingResult === result) return;
    doc.LastProcessingResult = result;
    // Only this field changes: a concurrent update's text is kept when it no longer matches.
    await this.core.db.run('UPDATE lambda_esm SET doc = ? WHERE uuid = ? AND doc = ?', [JSON.stringify(doc), uuid, row.doc]);
  }
}
