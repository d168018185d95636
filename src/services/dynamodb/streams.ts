/**
 * DynamoDB Streams (service `dynamodbstreams`, target prefix DynamoDBStreams_20120810): the
 * records a table's writes produce, read through ListStreams, DescribeStream, GetShardIterator and
 * GetRecords. Each stream has one shard; records are kept 24 hours; shard iterators expire after
 * 15 minutes, all on the platform clock.
 */
import { AwsError } from '../../aws/errors.js';
import type { RequestContext } from '../../core/context.js';
import type { Platform } from '../service.js';
import type { DynamoDbProvider } from './provider.js';
import { sequenceNumber, STREAM_RETENTION_MS, type Store } from './store.js';
import { streamArn, type StreamMeta, type TableMeta } from './tables.js';
import { validation } from './values.js';

const ITERATOR_TTL_MS = 15 * 60 * 1000;

interface Iterator {
  a: string; // stream ARN
  s: string; // shard id
  n: number; // next sequence to read
  c: number; // created at (platform ms)
}

function notFound(what: string): AwsError {
  return new AwsError('ResourceNotFoundException', `Requested resource not found: ${what}`, 400);
}

function shardId(st: StreamMeta): string {
  return `shardId-${String(st.createdAt).padStart(20, '0')}-${st.id.replace(/-/g, '').slice(0, 8)}`;
}

function parseSeq(s: string): number {
  if (!/^\d{21,40}$/.test(s)) throw validation(`Invalid SequenceNumber: ${s}`);
  const n = BigInt(s) - 10n ** 20n;
  if (n < 0n || n > BigInt(Number.MAX_SAFE_INTEGER)) throw validation(`Invalid SequenceNumber: ${s}`);
  return Number(n);
}

export class StreamsProvider {
  constructor(private readonly platform: Platform) {}

  private store(): Store {
    const ddb = this.platform.services.get('dynamodb')?.provider as unknown as DynamoDbProvider | undefined;
    if (!ddb) throw new AwsError('ServiceUnavailable', 'The dynamodb service is not loaded', 503, { senderFault: false });
    return ddb.store;
  }

  private now(): number {
    return this.platform.clock.now();
  }

  /** Finds a stream by ARN in the caller's account and region. */
  private async stream(ctx: RequestContext, arn: string): Promise<{ t: TableMeta; st: StreamMeta }> {
    const m = /^arn:[^:]+:dynamodb:([^:]*):([^:]*):table\/([^/]+)\/stream\/(.+)$/.exec(arn);
    if (!m) throw validation(`Invalid StreamArn: ${arn}`);
    const t = m[1] === ctx.region && m[2] === ctx.accountId ? await this.store().table(ctx.accountId, ctx.region, m[3]!) : undefined;
    const st = t?.streams?.find((s) => s.label === m[4]);
    if (!t || !st) throw notFound(`Stream: ${arn} not found`);
    if (st.disabledAt !== undefined && this.now() - st.disabledAt > STREAM_RETENTION_MS) throw notFound(`Stream: ${arn} not found`);
    return { t, st };
  }

  private async bounds(st: StreamMeta): Promise<{ first: number; last: number }> {
    const db = this.store().db;
    const cutoff = this.now() - STREAM_RETENTION_MS;
    const row = await db.get<{ lo: number | null; hi: number | null }>(
      'SELECT MIN(seq) AS lo, MAX(seq) AS hi FROM ddb_stream_records WHERE sid = ? AND created >= ?',
      [st.id, cutoff],
    );
    const all = await db.get<{ hi: number | null }>('SELECT MAX(seq) AS hi FROM ddb_stream_records WHERE sid = ?', [st.id]);
    const last = Number(all?.hi ?? 0);
    return { first: row?.lo == null ? last + 1 : Number(row.lo), last };
  }

  async ListStreams(ctx: RequestContext, input: any): Promise<any> {
    const store = this.store();
    const names = input.TableName ? [input.TableName] : await store.listTables(ctx.accountId, ctx.region);
    const out: { StreamArn: string; TableName: string; StreamLabel: string }[] = [];
    for (const name of names) {
      const t = await store.table(ctx.accountId, ctx.region, name);
      if (!t) {
        if (input.TableName) throw notFound(`Table: ${name} not found`);
        continue;
      }
      for (const st of t.streams ?? []) {
        if (st.disabledAt !== undefined && this.now() - st.disabledAt > STREAM_RETENTION_MS) continue;
        out.push({ StreamArn: streamArn(t, st.label), TableName: t.name, StreamLabel: st.label });
      }
    }
    let start = 0;
    if (input.ExclusiveStartStreamArn) start = out.findIndex((s) => s.StreamArn === input.ExclusiveStartStreamArn) + 1;
    const limit = input.Limit ?? 100;
    const page = out.slice(start, start + limit);
    const res: any = { Streams: page };
    if (start + limit < out.length) res.LastEvaluatedStreamArn = page[page.length - 1]!.StreamArn;
    return res;
  }

  async DescribeStream(ctx: RequestContext, input: any): Promise<any> {
    const { t, st } = await this.stream(ctx, input.StreamArn);
    const { first, last } = await this.bounds(st);
    const range: Record<string, string> = { StartingSequenceNumber: sequenceNumber(Math.max(1, first)) };
    if (st.disabledAt !== undefined) range.EndingSequenceNumber = sequenceNumber(Math.max(1, last));
    const shards = input.ExclusiveStartShardId === shardId(st) ? [] : [{ ShardId: shardId(st), SequenceNumberRange: range }];
    const keySchema = [{ AttributeName: t.hash.name, KeyType: 'HASH' }];
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

  async GetShardIterator(ctx: RequestContext, input: any): Promise<any> {
    const { st } = await this.stream(ctx, input.StreamArn);
    if (input.ShardId !== shardId(st)) throw notFound(`Shard: ${input.ShardId} in Stream: ${input.StreamArn} not found`);
    // Retention: records older than 24 hours go away.
    await this.store().db.tx((tx) => tx.run('DELETE FROM ddb_stream_records WHERE sid = ? AND created < ?', [st.id, this.now() - STREAM_RETENTION_MS]));
    const { first, last } = await this.bounds(st);
    const type = input.ShardIteratorType as string;
    let n: number;
    if (type === 'TRIM_HORIZON') n = first;
    else if (type === 'LATEST') n = last + 1;
    else {
      if (!input.SequenceNumber) throw validation(`SequenceNumber must be provided for ShardIteratorType ${type}`);
      const seq = parseSeq(input.SequenceNumber);
      if (seq < first && seq <= last) {
        throw new AwsError('TrimmedDataAccessException', 'The operation attempted to read past the oldest stream record in a shard.', 400);
      }
      if (seq > last) throw validation(`Invalid SequenceNumber: ${input.SequenceNumber} is beyond the last record in the shard`);
      n = type === 'AT_SEQUENCE_NUMBER' ? seq : seq + 1;
    }
    const it: Iterator = { a: input.StreamArn, s: input.ShardId, n, c: this.now() };
    return { ShardIterator: Buffer.from(JSON.stringify(it)).toString('base64url') };
  }

  async GetRecords(ctx: RequestContext, input: any): Promise<any> {
    let it: Iterator;
    try {
      it = JSON.parse(Buffer.from(input.ShardIterator, 'base64url').toString('utf8')) as Iterator;
      if (typeof it.a !== 'string' || typeof it.n !== 'number' || typeof it.c !== 'number') throw new Error('shape');
    } catch {
      throw validation('Invalid ShardIterator');
    }
    const now = this.now();
    if (now - it.c > ITERATOR_TTL_MS) {
      throw new AwsError(
        'ExpiredIteratorException',
        `Iterator expired. The iterator was created at time ${new Date(it.c).toUTCString()} while right now it is ${new Date(now).toUTCString()}. The iterator is only valid for 15 minutes.`,
        400,
      );
    }
    const { st } = await this.stream(ctx, it.a);
    const limit = Math.min(input.Limit ?? 1000, 1000);
    const rows = await this.store().db.all<{ seq: number; record: string }>(
      'SELECT seq, record FROM ddb_stream_records WHERE sid = ? AND seq >= ? AND created >= ? ORDER BY seq LIMIT ?',
      [st.id, it.n, now - STREAM_RETENTION_MS, limit],
    );
    const records = rows.map((r) => {
      const rec = JSON.parse(r.record);
      rec.dynamodb.ApproximateCreationDateTime = new Date(rec.dynamodb.ApproximateCreationDateTime * 1000);
      return rec;
    });
    const next = rows.length ? Number(rows[rows.length - 1]!.seq) + 1 : it.n;
    const out: any = { Records: records };
    const { last } = await this.bounds(st);
    const closed = st.disabledAt !== undefined && next > last;
    if (!closed) out.NextShardIterator = Buffer.from(JSON.stringify({ ...it, n: next, c: now })).toString('base64url');
    return out;
  }
}
