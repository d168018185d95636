/**
 * DynamoDB Streams (service `dynamodbstreams`, target prefix DynamoDBStreams_20120810): the
 * records a table's writes produce, read through ListStreams, DescribeStream, GetShardIterator and
 * GetRecords. Each stream has one shard; records are kept 24 hours; shard iterators expire after
 * 15 minutes, all on the platform clock. The records are in DynamoDB's store, which this service
 * shares (`dynamoDbStore`).
 */
import { parseResourceArn } from '../../../aws/arn.js';
import { AwsError } from '../../../aws/errors.js';
import type { RequestContext } from '../../../core/context.js';
import { ResourceNotFoundException } from '../../../generated/dynamodbstreams.js';
import type { Platform } from '../../service.js';
import { dynamoDbStore } from '../core.js';
import { STREAM_RETENTION_MS, type Store } from '../store.js';
import type { StreamMeta, TableMeta } from '../tables.js';
import { validation } from '../values.js';

export class StreamsCore {
  constructor(private readonly platform: Platform) {}

  /** DynamoDB's store; the streams of a server without DynamoDB are unavailable. */
  store(): Store {
    const store = dynamoDbStore(this.platform);
    if (!store) throw new AwsError('ServiceUnavailable', 'The dynamodb service is not loaded', 503, { senderFault: false });
    return store;
  }

  now(): number {
    return this.platform.clock.now();
  }

  /** Whether a disabled stream's records are past retention (the stream is gone then). */
  expired(st: StreamMeta): boolean {
    return st.disabledAt !== undefined && this.now() - st.disabledAt > STREAM_RETENTION_MS;
  }

  /** Finds a stream by ARN in the caller's account and region. */
  async stream(ctx: RequestContext, arn: string): Promise<{ t: TableMeta; st: StreamMeta }> {
    const m = parseStreamArn(arn);
    if (!m) throw validation(`Invalid StreamArn: ${arn}`);
    const t = m.region === ctx.region && m.account === ctx.accountId ? await this.store().table(ctx.accountId, ctx.region, m.table) : undefined;
    const st = t?.streams?.find((s) => s.label === m.label);
    if (!t || !st || this.expired(st)) throw new ResourceNotFoundException(`Requested resource not found: Stream: ${arn} not found`);
    return { t, st };
  }

  /** The first readable and the last written sequence number of a stream. */
  bounds(st: StreamMeta): Promise<{ first: number; last: number }> {
    return this.store().streamBounds(st.id, this.now() - STREAM_RETENTION_MS);
  }
}

/** The parts of a stream ARN (`arn:aws:dynamodb:<region>:<account>:table/<name>/stream/<label>`), if it is one. */
export function parseStreamArn(text: string): { region: string; account: string; table: string; label: string } | undefined {
  const arn = parseResourceArn(text, 'dynamodb', 'table/');
  const m = arn && /^([^/]+)\/stream\/(.+)$/.exec(arn.name);
  return arn && m ? { region: arn.region, account: arn.account, table: m[1]!, label: m[2]! } : undefined;
}

/** The one shard of a stream. */
export function shardId(st: StreamMeta): string {
  return `shardId-${String(st.createdAt).padStart(20, '0')}-${st.id.replace(/-/g, '').slice(0, 8)}`;
}
