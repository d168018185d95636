/**
 * Streams: CreateStream (provisioned or on-demand), DeleteStream, DescribeStream(Summary),
 * ListStreams, ListShards, the retention period and the stream mode.
 */
import { randomUUID } from 'node:crypto';
import type { RequestContext } from '../../../core/context.js';
import {
  InvalidArgumentException,
  LimitExceededException,
  ResourceInUseException,
  type CreateStreamInput,
  type DecreaseStreamRetentionPeriodInput,
  type DeleteStreamInput,
  type DescribeLimitsOutput,
  type DescribeStreamInput,
  type DescribeStreamOutput,
  type DescribeStreamSummaryInput,
  type DescribeStreamSummaryOutput,
  type IncreaseStreamRetentionPeriodInput,
  type KinesisApi,
  type ListShardsInput,
  type ListShardsOutput,
  type ListStreamsInput,
  type ListStreamsOutput,
  type Shard,
  type UpdateStreamModeInput,
} from '../../../generated/kinesis.js';
import { decodePageToken, encodePageToken, listingOf } from '../../../storage/paginate.js';
import { streamArn, type KinesisCore, type Scope } from '../core.js';
import { evenRanges, sequenceNumber, shardIdOf, shardIndexOf, type ShardInfo } from '../shards.js';
import { accountUsage, addShardCounters, readStream, writeStream, type StreamDoc } from '../store.js';
import { tagProblem } from './tags.js';

type Ops =
  | 'CreateStream'
  | 'DeleteStream'
  | 'DescribeStream'
  | 'DescribeStreamSummary'
  | 'ListStreams'
  | 'ListShards'
  | 'IncreaseStreamRetentionPeriod'
  | 'DecreaseStreamRetentionPeriod'
  | 'UpdateStreamMode'
  | 'DescribeLimits';

const HOUR = 3_600_000;
/** An on-demand stream starts with 4 shards, as on AWS. */
const ON_DEMAND_SHARDS = 4;
const MIN_RETENTION = 24;
const MAX_RETENTION = 8760;

export class StreamOps implements Pick<KinesisApi, Ops> {
  constructor(private readonly core: KinesisCore) {}

  async CreateStream(ctx: RequestContext, input: CreateStreamInput): Promise<void> {
    const mode = input.StreamModeDetails?.StreamMode ?? (input.ShardCount === undefined ? 'ON_DEMAND' : 'PROVISIONED');
    if (mode === 'PROVISIONED' && input.ShardCount === undefined) throw new InvalidArgumentException('ShardCount is missing for PROVISIONED stream mode.');
    if (mode === 'ON_DEMAND' && input.ShardCount !== undefined) throw new InvalidArgumentException('ShardCount is not supported for ON_DEMAND stream mode.');
    const count = mode === 'ON_DEMAND' ? ON_DEMAND_SHARDS : input.ShardCount!;
    if (count > 10_000) throw new InvalidArgumentException(`ShardCount ${count} is too large: a stream has at most 10000 shards in Stratus.`);
    const now = ctx.clock.now();
    const scope: Scope = { accountId: ctx.accountId, region: ctx.region };
    const shards: ShardInfo[] = evenRanges(count).map((r, index) => ({ index, ...r, created: now }));
    const doc: StreamDoc = {
      id: randomUUID(),
      name: input.StreamName,
      arn: streamArn(scope, input.StreamName),
      created: now,
      activeAt: now + this.core.activationMs,
      mode,
      retentionHours: MIN_RETENTION,
      maxRecordKiB: input.MaxRecordSizeInKiB ?? 1024,
      monitoring: [],
      shards,
    };
    await this.core.db.tx(async (tx) => {
      if (await readStream(tx, scope.accountId, scope.region, doc.name)) {
        throw new ResourceInUseException(`Stream ${doc.name} under account ${scope.accountId} already exists.`);
      }
      if (mode === 'PROVISIONED') await this.core.checkShardLimit(tx, scope, count);
      else if ((await accountUsage(tx, scope.accountId, scope.region)).onDemandStreams >= this.core.onDemandStreamLimit) {
        throw new LimitExceededException(`This request would exceed the limit of ${this.core.onDemandStreamLimit} on-demand streams for the account ${scope.accountId} in ${scope.region}.`);
      }
      if (input.Tags && Object.keys(input.Tags).length > 0) {
        const problem = await this.core.tags.tag(tx, scope, doc.arn, input.Tags);
        if (problem) throw tagProblem(problem, doc.name);
      }
      await writeStream(tx, scope.accountId, scope.region, doc);
      await addShardCounters(tx, doc.id, shards);
    });
    await this.core.scheduleTrim(scope, doc, now + doc.retentionHours * HOUR);
  }

  async DeleteStream(ctx: RequestContext, input: DeleteStreamInput): Promise<void> {
    const { scope, doc } = await this.core.stream(ctx, input);
    if ((doc.consumers ?? []).length > 0 && input.EnforceConsumerDeletion !== true) {
      throw new ResourceInUseException(`Stream ${doc.name} under account ${scope.accountId} has registered consumers. Set EnforceConsumerDeletion to true to delete it with them.`);
    }
    await this.core.db.tx(async (tx) => {
      await tx.run('DELETE FROM kinesis_streams WHERE account = ? AND region = ? AND name = ? AND id = ?', [scope.accountId, scope.region, doc.name, doc.id]);
      await this.core.tags.forget(tx, scope, doc.arn);
    });
    await this.core.schedulePurge(scope, doc.id);
  }

  async DescribeStream(ctx: RequestContext, input: DescribeStreamInput): Promise<DescribeStreamOutput> {
    const { doc } = await this.core.stream(ctx, input);
    const limit = input.Limit ?? 100;
    const after = input.ExclusiveStartShardId === undefined ? -1 : (shardIndexOf(input.ExclusiveStartShardId) ?? -1);
    const visible = this.visibleShards(doc).filter((s) => s.index > after);
    const page = visible.slice(0, limit);
    return {
      StreamDescription: {
        StreamName: doc.name,
        StreamARN: doc.arn,
        StreamStatus: this.core.status(doc),
        StreamModeDetails: { StreamMode: doc.mode },
        Shards: page.map((s) => shardOf(doc, s)),
        HasMoreShards: visible.length > limit,
        RetentionPeriodHours: doc.retentionHours,
        StreamCreationTimestamp: new Date(doc.created),
        EnhancedMonitoring: [{ ShardLevelMetrics: doc.monitoring as never }],
        EncryptionType: 'NONE',
      },
    };
  }

  async DescribeStreamSummary(ctx: RequestContext, input: DescribeStreamSummaryInput): Promise<DescribeStreamSummaryOutput> {
    const { doc } = await this.core.stream(ctx, input);
    return {
      StreamDescriptionSummary: {
        StreamName: doc.name,
        StreamARN: doc.arn,
        StreamStatus: this.core.status(doc),
        StreamModeDetails: { StreamMode: doc.mode },
        RetentionPeriodHours: doc.retentionHours,
        StreamCreationTimestamp: new Date(doc.created),
        EnhancedMonitoring: [{ ShardLevelMetrics: doc.monitoring as never }],
        EncryptionType: 'NONE',
        OpenShardCount: doc.shards.filter((s) => s.closed === undefined).length,
        ConsumerCount: (doc.consumers ?? []).length,
        MaxRecordSizeInKiB: doc.maxRecordKiB,
      },
    };
  }

  async DescribeLimits(ctx: RequestContext): Promise<DescribeLimitsOutput> {
    const usage = await accountUsage(this.core.db, ctx.accountId, ctx.region);
    return {
      ShardLimit: this.core.shardLimit(ctx.region),
      OpenShardCount: usage.provisionedShards,
      OnDemandStreamCount: usage.onDemandStreams,
      OnDemandStreamCountLimit: this.core.onDemandStreamLimit,
    };
  }

  async ListStreams(ctx: RequestContext, input: ListStreamsInput): Promise<ListStreamsOutput> {
    const limit = input.Limit ?? 100;
    const listing = listingOf('ListStreams', ctx);
    let after = input.ExclusiveStartStreamName ?? '';
    if (input.NextToken !== undefined) {
      const key = decodePageToken(input.NextToken, listing);
      if (!key || typeof key[0] !== 'string') throw new InvalidArgumentException('Invalid NextToken.');
      after = key[0];
    }
    const rows = await this.core.db.all<{ doc: string }>('SELECT doc FROM kinesis_streams WHERE account = ? AND region = ? AND name > ? ORDER BY name LIMIT ?', [
      ctx.accountId,
      ctx.region,
      after,
      limit + 1,
    ]);
    const docs = rows.slice(0, limit).map((r) => JSON.parse(r.doc) as StreamDoc);
    const more = rows.length > limit;
    const out: ListStreamsOutput = {
      StreamNames: docs.map((d) => d.name),
      HasMoreStreams: more,
      StreamSummaries: docs.map((d) => ({
        StreamName: d.name,
        StreamARN: d.arn,
        StreamStatus: this.core.status(d),
        StreamModeDetails: { StreamMode: d.mode },
        StreamCreationTimestamp: new Date(d.created),
      })),
    };
    if (more) out.NextToken = encodePageToken(listing, [docs[docs.length - 1]!.name]);
    return out;
  }

  async ListShards(ctx: RequestContext, input: ListShardsInput): Promise<ListShardsOutput> {
    const limit = input.MaxResults ?? 1000;
    let ref: { StreamName?: string; StreamARN?: string } = input;
    let after = input.ExclusiveStartShardId === undefined ? -1 : (shardIndexOf(input.ExclusiveStartShardId) ?? -1);
    let filter = input.ShardFilter;
    if (input.NextToken !== undefined) {
      if (input.StreamName !== undefined) throw new InvalidArgumentException('NextToken and StreamName cannot be provided together.');
      const key = decodePageToken(input.NextToken, listingOf('ListShards', ctx));
      if (!key || key.length !== 4 || typeof key[0] !== 'string' || typeof key[1] !== 'number') throw new InvalidArgumentException('Invalid NextToken.');
      ref = { StreamARN: key[0] };
      after = key[1];
      filter = key[2] === null ? undefined : (JSON.parse(String(key[2])) as typeof filter);
    }
    const { doc } = await this.core.stream(ctx, ref);
    let shards = this.visibleShards(doc);
    if (filter) {
      const now = ctx.clock.now();
      const at = filter.Timestamp?.getTime() ?? now;
      const horizon = Math.max(doc.created, now - doc.retentionHours * HOUR);
      const openAt = (s: ShardInfo, t: number): boolean => s.created <= t && (s.closed === undefined || s.closed > t);
      switch (filter.Type) {
        case 'AFTER_SHARD_ID': {
          if (filter.ShardId === undefined) throw new InvalidArgumentException('ShardId is required for the AFTER_SHARD_ID shard filter.');
          const idx = shardIndexOf(filter.ShardId) ?? -1;
          shards = shards.filter((s) => s.index > idx);
          break;
        }
        case 'AT_LATEST':
          shards = shards.filter((s) => s.closed === undefined);
          break;
        case 'AT_TRIM_HORIZON':
          shards = shards.filter((s) => openAt(s, horizon));
          break;
        case 'FROM_TRIM_HORIZON':
          break;
        case 'AT_TIMESTAMP':
          shards = shards.filter((s) => openAt(s, at));
          break;
        case 'FROM_TIMESTAMP':
          shards = shards.filter((s) => s.closed === undefined || s.closed > at);
          break;
      }
    }
    shards = shards.filter((s) => s.index > after);
    const page = shards.slice(0, limit);
    const out: ListShardsOutput = { Shards: page.map((s) => shardOf(doc, s)) };
    if (shards.length > limit) {
      out.NextToken = encodePageToken(listingOf('ListShards', ctx), [doc.arn, page[page.length - 1]!.index, filter ? JSON.stringify(filter) : null, doc.id]);
    }
    return out;
  }

  async IncreaseStreamRetentionPeriod(ctx: RequestContext, input: IncreaseStreamRetentionPeriodInput): Promise<void> {
    await this.retention(ctx, input, 'increase');
  }

  async DecreaseStreamRetentionPeriod(ctx: RequestContext, input: DecreaseStreamRetentionPeriodInput): Promise<void> {
    await this.retention(ctx, input, 'decrease');
  }

  async UpdateStreamMode(ctx: RequestContext, input: UpdateStreamModeInput): Promise<void> {
    const { scope, doc } = await this.core.activeStream(ctx, { StreamARN: input.StreamARN });
    const mode = input.StreamModeDetails.StreamMode;
    if (mode === doc.mode) throw new InvalidArgumentException(`Stream ${doc.name} under account ${scope.accountId} is already in ${mode} mode.`);
    doc.mode = mode;
    doc.updatingUntil = ctx.clock.now() + this.core.activationMs;
    await this.core.db.tx((tx) => writeStream(tx, scope.accountId, scope.region, doc));
  }

  private async retention(ctx: RequestContext, input: { StreamName?: string; StreamARN?: string; RetentionPeriodHours: number }, way: 'increase' | 'decrease'): Promise<void> {
    const hours = input.RetentionPeriodHours;
    if (hours < MIN_RETENTION) throw new InvalidArgumentException(`Minimum allowed retention period is ${MIN_RETENTION} hours. Requested retention period (${hours} hours) is too short.`);
    if (hours > MAX_RETENTION) throw new InvalidArgumentException(`Maximum allowed retention period is ${MAX_RETENTION} hours. Requested retention period (${hours} hours) is too long.`);
    const { scope, doc } = await this.core.activeStream(ctx, input);
    if (way === 'increase' && hours < doc.retentionHours) {
      throw new InvalidArgumentException(
        `Requested retention period (${hours} hours) for stream ${doc.name} can not be shorter than existing retention period (${doc.retentionHours} hours). Use DecreaseRetentionPeriod API.`,
      );
    }
    if (way === 'decrease' && hours > doc.retentionHours) {
      throw new InvalidArgumentException(
        `Requested retention period (${hours} hours) for stream ${doc.name} can not be longer than existing retention period (${doc.retentionHours} hours). Use IncreaseRetentionPeriod API.`,
      );
    }
    doc.retentionHours = hours;
    await this.core.db.tx((tx) => writeStream(tx, scope.accountId, scope.region, doc));
    // A shorter retention expires records at once: the trim job runs now.
    if (way === 'decrease') await this.core.scheduleTrim(scope, doc, ctx.clock.now());
  }

  /** The shards a description lists: open ones, and closed ones until their records expire. */
  private visibleShards(doc: StreamDoc): ShardInfo[] {
    const cutoff = this.core.now() - doc.retentionHours * HOUR;
    return doc.shards.filter((s) => s.closed === undefined || s.closed >= cutoff);
  }
}

/** A shard as DescribeStream and ListShards show it. */
export function shardOf(doc: StreamDoc, s: ShardInfo): Shard {
  const out: Shard = {
    ShardId: shardIdOf(s.index),
    HashKeyRange: { StartingHashKey: s.start, EndingHashKey: s.end },
    SequenceNumberRange: { StartingSequenceNumber: sequenceNumber(doc.created, s.index, 0) },
  };
  if (s.parent !== undefined) out.ParentShardId = shardIdOf(s.parent);
  if (s.adjacentParent !== undefined) out.AdjacentParentShardId = shardIdOf(s.adjacentParent);
  if (s.closed !== undefined) out.SequenceNumberRange.EndingSequenceNumber = sequenceNumber(doc.created, s.index, Math.max(0, s.lastCounter ?? 0));
  return out;
}
