/**
 * Enhanced fan-out: consumers (RegisterStreamConsumer, DescribeStreamConsumer, ListStreamConsumers,
 * DeregisterStreamConsumer; at most 20 per stream, kept in the stream's document) and SubscribeToShard,
 * an event stream (`application/vnd.amazon.eventstream`, over HTTP/2 as the SDK sends it, or HTTP/1.1)
 * that opens with `initial-response`, then pushes a SubscribeToShardEvent as soon as records are
 * committed (in-process wake-ups after each put) and an empty one every 5 seconds of platform time
 * while there are none, and ends after 5 minutes, or once a closed shard was read to its end (its
 * last event carries ChildShards).
 */
import { parseArn } from '../../../aws/arn.js';
import { EventStreamOutput, type EventMessage } from '../../../aws/protocols/eventstream.js';
import type { RequestContext } from '../../../core/context.js';
import {
  InvalidArgumentException,
  LimitExceededException,
  ResourceInUseException,
  ResourceNotFoundException,
  type Consumer,
  type DeregisterStreamConsumerInput,
  type DescribeStreamConsumerInput,
  type DescribeStreamConsumerOutput,
  type KinesisApi,
  type ListStreamConsumersInput,
  type ListStreamConsumersOutput,
  type RegisterStreamConsumerInput,
  type RegisterStreamConsumerOutput,
  type SubscribeToShardInput,
  type SubscribeToShardOutput,
} from '../../../generated/kinesis.js';
import type { Queryable } from '../../../storage/db.js';
import { decodePageToken, encodePageToken, listingOf } from '../../../storage/paginate.js';
import type { KinesisCore, Scope } from '../core.js';
import { sequenceNumber, type ShardInfo } from '../shards.js';
import { readStream, writeStream, type ConsumerInfo, type StreamDoc } from '../store.js';
import { childShards, readShard, startingCounter } from './records.js';
import { tagProblem } from './tags.js';

type Ops = 'RegisterStreamConsumer' | 'DescribeStreamConsumer' | 'ListStreamConsumers' | 'DeregisterStreamConsumer' | 'SubscribeToShard';

const MAX_CONSUMERS = 20;
const SUBSCRIPTION_MS = 5 * 60_000;
const HEARTBEAT_MS = 5000;
/** Records per event at most. */
const EVENT_RECORDS = 10_000;

export function consumerArn(doc: StreamDoc, c: ConsumerInfo): string {
  return `${doc.arn}/consumer/${c.name}:${Math.floor(c.created / 1000)}`;
}

export class ConsumerOps implements Pick<KinesisApi, Ops> {
  constructor(private readonly core: KinesisCore) {}

  async RegisterStreamConsumer(ctx: RequestContext, input: RegisterStreamConsumerInput): Promise<RegisterStreamConsumerOutput> {
    const now = ctx.clock.now();
    const c: ConsumerInfo = { name: input.ConsumerName, created: now, activeAt: now + this.core.activationMs };
    const doc = await this.core.db.tx(async (tx) => {
      const { scope, doc } = await this.core.activeStream(ctx, { StreamARN: input.StreamARN }, tx);
      const consumers = (doc.consumers ??= []);
      if (consumers.some((x) => x.name === c.name)) {
        throw new ResourceInUseException(`Consumer ${c.name} under stream ${doc.name} already exists for account ${scope.accountId}.`);
      }
      if (consumers.length >= MAX_CONSUMERS) throw new LimitExceededException(`Consumer limit of ${MAX_CONSUMERS} reached for stream ${doc.name} under account ${scope.accountId}.`);
      consumers.push(c);
      await writeStream(tx, scope.accountId, scope.region, doc);
      if (input.Tags && Object.keys(input.Tags).length > 0) {
        const problem = await this.core.tags.tag(tx, scope, consumerArn(doc, c), input.Tags);
        if (problem) throw tagProblem(problem, doc.name);
      }
      return doc;
    });
    return { Consumer: this.shown(doc, c) };
  }

  async DescribeStreamConsumer(ctx: RequestContext, input: DescribeStreamConsumerInput): Promise<DescribeStreamConsumerOutput> {
    const { doc, consumer } = await this.consumer(ctx, input);
    return { ConsumerDescription: { ...this.shown(doc, consumer), StreamARN: doc.arn } };
  }

  async ListStreamConsumers(ctx: RequestContext, input: ListStreamConsumersInput): Promise<ListStreamConsumersOutput> {
    const { doc } = await this.core.stream(ctx, { StreamARN: input.StreamARN });
    const listing = listingOf('ListStreamConsumers', ctx, doc.arn);
    let after = '';
    if (input.NextToken !== undefined) {
      const key = decodePageToken(input.NextToken, listing);
      if (!key || typeof key[0] !== 'string') throw new InvalidArgumentException('Invalid NextToken.');
      after = key[0];
    }
    const limit = input.MaxResults ?? 100;
    const all = [...(doc.consumers ?? [])].sort((a, b) => (a.name < b.name ? -1 : 1)).filter((c) => c.name > after);
    const page = all.slice(0, limit);
    const out: ListStreamConsumersOutput = { Consumers: page.map((c) => this.shown(doc, c)) };
    if (all.length > limit) out.NextToken = encodePageToken(listing, [page[page.length - 1]!.name]);
    return out;
  }

  async DeregisterStreamConsumer(ctx: RequestContext, input: DeregisterStreamConsumerInput): Promise<void> {
    await this.core.db.tx(async (tx) => {
      const { scope, doc, consumer } = await this.consumer(ctx, input, tx);
      doc.consumers = (doc.consumers ?? []).filter((c) => c !== consumer);
      await writeStream(tx, scope.accountId, scope.region, doc);
      await this.core.tags.forget(tx, scope, consumerArn(doc, consumer));
    });
  }

  async SubscribeToShard(ctx: RequestContext, input: SubscribeToShardInput): Promise<SubscribeToShardOutput> {
    const { scope, doc, consumer } = await this.consumer(ctx, { ConsumerARN: input.ConsumerARN });
    if (ctx.clock.now() < consumer.activeAt) throw new ResourceInUseException(`Consumer ${input.ConsumerARN} is not ACTIVE.`);
    const shard = this.core.shard(doc, scope, input.ShardId);
    const position = input.StartingPosition;
    const bySequence = position.Type === 'AT_SEQUENCE_NUMBER' || position.Type === 'AFTER_SEQUENCE_NUMBER';
    if (bySequence && position.SequenceNumber === undefined) throw new InvalidArgumentException(`StartingPosition.SequenceNumber is required for StartingPosition.Type ${position.Type}.`);
    const now = ctx.clock.now();
    const start = await startingCounter(this.core, scope, doc, shard, { ShardIteratorType: position.Type, StartingSequenceNumber: position.SequenceNumber, Timestamp: position.Timestamp }, now);
    return new EventStreamOutput(this.events(doc, shard, start, now)) as unknown as SubscribeToShardOutput;
  }

  /** The subscription's messages: records as they are committed, heartbeats, and its end. */
  private async *events(first: StreamDoc, shard: ShardInfo, start: number, opened: number): AsyncGenerator<EventMessage> {
    const clock = this.core.platform.clock;
    let woken = false;
    let wake: (() => void) | undefined;
    const unwatch = this.core.watch(first.arn, shard.index, () => {
      woken = true;
      wake?.();
    });
    try {
      yield { type: 'event', name: 'initial-response', payload: {} };
      let counter = start;
      let lastEvent = 0;
      for (;;) {
        const now = clock.now();
        if (now - opened >= SUBSCRIPTION_MS) return;
        woken = false;
        const where = scopeOf(first);
        const doc = await readStream(this.core.db, where.accountId, where.region, first.name);
        const current = doc && doc.id === first.id ? doc.shards.find((s) => s.index === shard.index) : undefined;
        if (!doc || !current) {
          yield { type: 'exception', name: 'ResourceNotFoundException', payload: { message: `Stream ${first.name} under account ${scopeOf(first).accountId} not found.` } };
          return;
        }
        const read = await readShard(this.core, doc, current, counter, EVENT_RECORDS, now);
        if (read.records.length > 0 || read.ended || lastEvent === 0 || now - lastEvent >= HEARTBEAT_MS) {
          const last = read.records[read.records.length - 1];
          const payload: Record<string, unknown> = {
            Records: read.records.map((r) => ({
              SequenceNumber: r.SequenceNumber,
              ApproximateArrivalTimestamp: r.ApproximateArrivalTimestamp!.getTime() / 1000,
              Data: Buffer.from(r.Data).toString('base64'),
              PartitionKey: r.PartitionKey,
            })),
            ContinuationSequenceNumber: last?.SequenceNumber ?? sequenceNumber(doc.created, current.index, Math.max(0, read.next - 1)),
            MillisBehindLatest: read.behind,
          };
          if (read.ended) payload.ChildShards = childShards(doc, current);
          yield { type: 'event', name: 'SubscribeToShardEvent', payload };
          lastEvent = now;
          counter = read.next;
          if (read.ended) return;
          if (read.records.length > 0) continue;
        }
        if (woken) continue;
        // Until a put wakes the subscription, the next heartbeat, or its end.
        await new Promise<void>((resolve) => {
          const timer = clock.setTimer(Math.max(1, Math.min(lastEvent + HEARTBEAT_MS, opened + SUBSCRIPTION_MS) - clock.now()), () => done());
          const done = (): void => {
            timer.cancel();
            wake = undefined;
            resolve();
          };
          wake = done;
        });
      }
    } finally {
      unwatch();
    }
  }

  private shown(doc: StreamDoc, c: ConsumerInfo): Consumer {
    return {
      ConsumerName: c.name,
      ConsumerARN: consumerArn(doc, c),
      ConsumerStatus: this.core.now() < c.activeAt ? 'CREATING' : 'ACTIVE',
      ConsumerCreationTimestamp: new Date(c.created),
    };
  }

  /** The consumer a request names (its ARN, or the stream's ARN and its name). */
  private async consumer(
    ctx: RequestContext,
    input: { ConsumerARN?: string; StreamARN?: string; ConsumerName?: string },
    q: Queryable = this.core.db,
  ): Promise<{ scope: Scope; doc: StreamDoc; consumer: ConsumerInfo }> {
    let streamArn = input.StreamARN;
    let name = input.ConsumerName;
    let created: number | undefined;
    if (input.ConsumerARN !== undefined) {
      const arn = parseArn(input.ConsumerARN);
      const m = arn && /^stream\/([^/]+)\/consumer\/([^/:]+):(\d+)$/.exec(arn.resource);
      if (!arn || !m) throw new InvalidArgumentException(`ConsumerARN ${input.ConsumerARN} is invalid.`);
      streamArn = input.ConsumerARN.slice(0, input.ConsumerARN.indexOf('/consumer/'));
      name = m[2];
      created = Number(m[3]);
    }
    if (streamArn === undefined || name === undefined) throw new InvalidArgumentException('Either ConsumerARN or both StreamARN and ConsumerName must be provided.');
    const { scope, doc } = await this.core.stream(ctx, { StreamARN: streamArn }, q);
    const consumer = (doc.consumers ?? []).find((c) => c.name === name && (created === undefined || Math.floor(c.created / 1000) === created));
    if (!consumer) throw new ResourceNotFoundException(`Consumer ${name} under stream ${doc.name} under account ${scope.accountId} not found.`);
    return { scope, doc, consumer };
  }
}

function scopeOf(doc: StreamDoc): Scope {
  const arn = parseArn(doc.arn)!;
  return { accountId: arn.account, region: arn.region };
}
