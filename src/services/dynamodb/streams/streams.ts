/** ListStreams and DescribeStream: the streams of the caller's tables and their one shard. */
import type { RequestContext } from '../../../core/context.js';
import {
  ResourceNotFoundException,
  type DescribeStreamInput,
  type DescribeStreamOutput,
  type DynamoDBStreamsApi,
  type KeySchemaElement,
  type ListStreamsInput,
  type ListStreamsOutput,
  type Stream,
} from '../../../generated/dynamodbstreams.js';
import { sequenceNumber } from '../store.js';
import { streamArn } from '../tables.js';
import { shardId, type StreamsCore } from './core.js';

export class StreamOps implements Pick<DynamoDBStreamsApi, 'ListStreams' | 'DescribeStream'> {
  constructor(private readonly core: StreamsCore) {}

  async ListStreams(ctx: RequestContext, input: ListStreamsInput): Promise<ListStreamsOutput> {
    const store = this.core.store();
    const names = input.TableName ? [input.TableName] : await store.listTables(ctx.accountId, ctx.region);
    const out: Stream[] = [];
    for (const name of names) {
      const t = await store.table(ctx.accountId, ctx.region, name);
      if (!t) {
        if (input.TableName) throw new ResourceNotFoundException(`Requested resource not found: Table: ${name} not found`);
        continue;
      }
      for (const st of t.streams ?? []) {
        if (!this.core.expired(st)) out.push({ StreamArn: streamArn(t, st.label), TableName: t.name, StreamLabel: st.label });
      }
    }
    let start = 0;
    if (input.ExclusiveStartStreamArn) start = out.findIndex((s) => s.StreamArn === input.ExclusiveStartStreamArn) + 1;
    const limit = input.Limit ?? 100;
    const page = out.slice(start, start + limit);
    const res: ListStreamsOutput = { Streams: page };
    if (start + limit < out.length) res.LastEvaluatedStreamArn = page[page.length - 1]!.StreamArn;
    return res;
  }

  async DescribeStream(ctx: RequestContext, input: DescribeStreamInput): Promise<DescribeStreamOutput> {
    const { t, st } = await this.core.stream(ctx, input.StreamArn);
    const { first, last } = await this.core.bounds(st);
    const range: Record<string, string> = { StartingSequenceNumber: sequenceNumber(Math.max(1, first)) };
    if (st.disabledAt !== undefined) range.EndingSequenceNumber = sequenceNumber(Math.max(1, last));
    const shards = input.ExclusiveStartShardId === shardId(st) ? [] : [{ ShardId: shardId(st), SequenceNumberRange: range }];
    const keySchema: KeySchemaElement[] = [{ AttributeName: t.hash.name, KeyType: 'HASH' }];
    if (t.range) keySchema.push({ AttributeName: t.range.name, KeyType: 'RANGE' });
    return {
      StreamDescription: {
        StreamArn: streamArn(t, st.label),
        StreamLabel: st.label,
        StreamStatus: st.disabledAt === undefined ? 'ENABLED' : 'DISABLED',
        StreamViewType: st.viewType,
        CreationRequestDateTime: new Date(st.createdAt),
        TableName: t.name,
        KeySchema: keySchema,
        Shards: shards,
      },
    };
  }
}
