/**
 * GetShardIterator and GetRecords. An iterator is the stream, the shard and the next sequence
 * number to read, with its creation time, as base64url JSON: nothing is kept for it on the server.
 */
import type { RequestContext } from '../../../core/context.js';
import {
  ExpiredIteratorException,
  ResourceNotFoundException,
  TrimmedDataAccessException,
  type DynamoDBStreamsApi,
  type GetRecordsInput,
  type GetRecordsOutput,
  type GetShardIteratorInput,
  type GetShardIteratorOutput,
} from '../../../generated/dynamodbstreams.js';
import { STREAM_RETENTION_MS } from '../store.js';
import { validation } from '../values.js';
import { shardId, type StreamsCore } from './core.js';

const ITERATOR_TTL_MS = 15 * 60 * 1000;
const MAX_RECORDS = 1000;

interface Iterator {
  a: string; // stream ARN
  s: string; // shard id
  n: number; // next sequence to read
  c: number; // created at (platform ms)
}

function encodeIterator(it: Iterator): string {
  return Buffer.from(JSON.stringify(it)).toString('base64url');
}

function parseSeq(s: string): number {
  if (!/^\d{21,40}$/.test(s)) throw validation(`Invalid SequenceNumber: ${s}`);
  const n = BigInt(s) - 10n ** 20n;
  if (n < 0n || n > BigInt(Number.MAX_SAFE_INTEGER)) throw validation(`Invalid SequenceNumber: ${s}`);
  return Number(n);
}

export class ShardOps implements Pick<DynamoDBStreamsApi, 'GetShardIterator' | 'GetRecords'> {
  constructor(private readonly core: StreamsCore) {}

  async GetShardIterator(ctx: RequestContext, input: GetShardIteratorInput): Promise<GetShardIteratorOutput> {
    const { st } = await this.core.stream(ctx, input.StreamArn);
    if (input.ShardId !== shardId(st)) throw new ResourceNotFoundException(`Requested resource not found: Shard: ${input.ShardId} in Stream: ${input.StreamArn} not found`);
    // Retention: records older than 24 hours go away.
    await this.core.store().trimStream(st.id, this.core.now() - STREAM_RETENTION_MS);
    const { first, last } = await this.core.bounds(st);
    const type = input.ShardIteratorType;
    let n: number;
    if (type === 'TRIM_HORIZON') n = first;
    else if (type === 'LATEST') n = last + 1;
    else {
      if (!input.SequenceNumber) throw validation(`SequenceNumber must be provided for ShardIteratorType ${type}`);
      const seq = parseSeq(input.SequenceNumber);
      if (seq < first && seq <= last) throw new TrimmedDataAccessException('The operation attempted to read past the oldest stream record in a shard.');
      if (seq > last) throw validation(`Invalid SequenceNumber: ${input.SequenceNumber} is beyond the last record in the shard`);
      n = type === 'AT_SEQUENCE_NUMBER' ? seq : seq + 1;
    }
    return { ShardIterator: encodeIterator({ a: input.StreamArn, s: input.ShardId, n, c: this.core.now() }) };
  }

  async GetRecords(ctx: RequestContext, input: GetRecordsInput): Promise<GetRecordsOutput> {
    let it: Iterator;
    try {
      it = JSON.parse(Buffer.from(input.ShardIterator, 'base64url').toString('utf8')) as Iterator;
      if (typeof it.a !== 'string' || typeof it.n !== 'number' || typeof it.c !== 'number') throw new Error('shape');
    } catch {
      throw validation('Invalid ShardIterator');
    }
    const now = this.core.now();
    if (now - it.c > ITERATOR_TTL_MS) {
      throw new ExpiredIteratorException(
        `Iterator expired. The iterator was created at time ${new Date(it.c).toUTCString()} while right now it is ${new Date(now).toUTCString()}. The iterator is only valid for 15 minutes.`,
      );
    }
    const { st } = await this.core.stream(ctx, it.a);
    const limit = Math.min(input.Limit ?? MAX_RECORDS, MAX_RECORDS);
    const rows = await this.core.store().streamRecords(st.id, it.n, now - STREAM_RETENTION_MS, limit);
    const records = rows.map((r) => {
      const rec = JSON.parse(r.record);
      rec.dynamodb.ApproximateCreationDateTime = new Date(rec.dynamodb.ApproximateCreationDateTime * 1000);
      return rec;
    });
    const next = rows.length ? Number(rows[rows.length - 1]!.seq) + 1 : it.n;
    const out: GetRecordsOutput = { Records: records };
    const { last } = await this.core.bounds(st);
    const closed = st.disabledAt !== undefined && next > last;
    if (!closed) out.NextShardIterator = encodeIterator({ ...it, n: next, c: now });
    return out;
  }
}
