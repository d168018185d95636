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
import { streamArn, type TableMeta } from '../tables.js';
import { parseStreamArn, shardId, type StreamsCore } from './core.js';

/** Table names read at a time while listing streams. */
const TABLE_PAGE = 100;

export class StreamOps implements Pick<DynamoDBStreamsApi, 'ListStreams' | 'DescribeStream'> {
  constructor(private readonly core: StreamsCore) {}

  /** Streams in table name order, then in creation order; a page resumes after the stream its ARN names (keyset). */
  async ListStreams(ctx: RequestContext, input: ListStreamsInput): Promise<ListStreamsOutput> {
    const limit = input.Limit ?? 100;
    const after = input.ExclusiveStartStreamArn === undefined ? undefined : parseStreamArn(input.ExclusiveStartStreamArn);
    const out: Stream[] = [];
    for await (const t of this.tables(ctx, input.TableName, after?.table)) {
      for (const st of t.streams ?? []) {
        if (this.core.expired(st) || (t.name === after?.table && st.label <= after.label)) continue;
        out.push({ StreamArn: streamArn(t, st.label), TableName: t.name, StreamLabel: st.label });
        // One more than the page shows: there is a next page.
        if (out.length > limit) return { Streams: out.slice(0, limit), LastEvaluatedStreamArn: out[limit - 1]!.StreamArn };
      }
    }
    return { Streams: out };
  }

  /** The table named, or every table from `from` on in name order, read by pages of names. */
  private async *tables(ctx: RequestContext, only: string | undefined, from: string | undefined): AsyncGenerator<TableMeta> {
    const store = this.core.store();
    if (only !== undefined) {
      const t = await store.table(ctx.accountId, ctx.region, only);
      if (!t) throw new ResourceNotFoundException(`Requested resource not found: Table: ${only} not found`);
      yield t;
      return;
    }
    const first = from === undefined ? undefined : await store.table(ctx.accountId, ctx.region, from);
    if (first) yield first;
    for (let after = from; ; ) {
      const names = await store.tableNames(ctx.accountId, ctx.region, after, TABLE_PAGE);
      for (const name of names) {
        const t = await store.table(ctx.accountId, ctx.region, name);
        if (t) yield t;
      }
      if (names.length < TABLE_PAGE) return;
      after = names[names.length - 1];
    }
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
