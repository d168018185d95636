/**
 * Records: PutRecord and PutRecords (a record goes to the open shard whose hash-key range holds the
 * MD5 of its partition key, or its ExplicitHashKey), GetShardIterator (every iterator type) and
 * GetRecords (iterators expire after 5 minutes; at most 10 MiB per call; MillisBehindLatest; a closed
 * shard read to its end answers no NextShardIterator and its ChildShards).
 */
import type { RequestContext } from '../../../core/context.js';
import {
  ExpiredIteratorException,
  InvalidArgumentException,
  ResourceNotFoundException,
  ValidationException,
  type ChildShard,
  type GetRecordsInput,
  type GetRecordsOutput,
  type GetShardIteratorInput,
  type GetShardIteratorOutput,
  type KinesisApi,
  type PutRecordInput,
  type PutRecordOutput,
  type PutRecordsInput,
  type PutRecordsOutput,
  type PutRecordsResultEntry,
  type Record_,
} from '../../../generated/kinesis.js';
import type { KinesisCore, Scope } from '../core.js';
import { amzUtc, decodeIterator, encodeIterator, hashKeyOf, MAX_HASH, parseSequenceNumber, sequenceNumber, shardIdOf, type ShardInfo } from '../shards.js';
import { firstAtOrAfter, insertRecord, nextCounter, readStream, recordsBetween, sizes, takeCounters, type StreamDoc } from '../store.js';

type Ops = 'PutRecord' | 'PutRecords' | 'GetShardIterator' | 'GetRecords';

const HOUR = 3_600_000;
const ITERATOR_TTL_MS = 300_000;
/** GetRecords answers at most this much data. */
const MAX_GET_BYTES = 10 * 1024 * 1024;
/** A PutRecords request carries at most this much data and partition keys. */
const MAX_PUT_RECORDS_BYTES = 5 * 1024 * 1024;

interface Entry {
  Data: Buffer;
  PartitionKey: string;
  ExplicitHashKey?: string;
}

export class RecordOps implements Pick<KinesisApi, Ops> {
  constructor(private readonly core: KinesisCore) {}

  async PutRecord(ctx: RequestContext, input: PutRecordInput): Promise<PutRecordOutput> {
    if (input.SequenceNumberForOrdering !== undefined && !parseSequenceNumber(input.SequenceNumberForOrdering)) {
      const { scope, name } = this.core.locate(ctx, input);
      throw new InvalidArgumentException(`ExclusiveMinimumSequenceNumber ${input.SequenceNumberForOrdering} used in PutRecord on stream ${name} under account ${scope.accountId} is invalid.`);
    }
    const [out] = await this.put(ctx, input, [input]);
    return { ShardId: out!.ShardId!, SequenceNumber: out!.SequenceNumber!, EncryptionType: 'NONE' };
  }

  async PutRecords(ctx: RequestContext, input: PutRecordsInput): Promise<PutRecordsOutput> {
    let total = 0;
    for (const r of input.Records) total += r.Data.length + Buffer.byteLength(r.PartitionKey);
    if (total > MAX_PUT_RECORDS_BYTES) throw new InvalidArgumentException(`Records size exceeds 5 MB limit: the request carries ${total} bytes of data and partition keys.`);
    const records = await this.put(ctx, input, input.Records);
    return { FailedRecordCount: 0, Records: records, EncryptionType: 'NONE' };
  }

  /** Stores the records in one transaction, in order; answers each one's shard and sequence number. */
  private async put(ctx: RequestContext, ref: { StreamName?: string; StreamARN?: string }, entries: readonly Entry[]): Promise<PutRecordsResultEntry[]> {
    const hashes = entries.map((e) => {
      if (e.ExplicitHashKey === undefined) return hashKeyOf(e.PartitionKey);
      const h = BigInt(e.ExplicitHashKey);
      if (h > MAX_HASH) throw new InvalidArgumentException(`Invalid ExplicitHashKey. ExplicitHashKey must be in the range: [0, 2^128-1]. Specified value was ${e.ExplicitHashKey}`);
      return h;
    });
    const now = ctx.clock.now();
    const { arn, shards, out } = await this.core.db.tx(async (tx) => {
      const { doc } = await this.core.usableStream(ctx, ref, tx);
      const limit = doc.maxRecordKiB * 1024;
      for (const e of entries) {
        const size = e.Data.length + Buffer.byteLength(e.PartitionKey);
        if (size > limit) {
          throw new ValidationException(`1 validation error detected: Value at 'data' failed to satisfy constraint: Member must have length less than or equal to ${limit - Buffer.byteLength(e.PartitionKey)}`);
        }
      }
      const open = doc.shards.filter((s) => s.closed === undefined).map((s) => ({ s, start: BigInt(s.start), end: BigInt(s.end) }));
      const targets = hashes.map((h) => open.find((o) => h >= o.start && h <= o.end)!.s);
      // Counters are taken per shard for the whole request, then handed out in the records' order.
      const counts = new Map<number, number>();
      for (const t of targets) counts.set(t.index, (counts.get(t.index) ?? 0) + 1);
      const next = new Map<number, number>();
      for (const [idx, n] of counts) next.set(idx, await takeCounters(tx, doc.id, idx, n));
      const out: PutRecordsResultEntry[] = [];
      for (let i = 0; i < entries.length; i++) {
        const shard = targets[i]!;
        const counter = next.get(shard.index)!;
        next.set(shard.index, counter + 1);
        await insertRecord(tx, doc.id, shard.index, counter, now, entries[i]!.PartitionKey, entries[i]!.Data);
        out.push({ ShardId: shardIdOf(shard.index), SequenceNumber: sequenceNumber(doc.created, shard.index, counter) });
      }
      return { arn: doc.arn, shards: [...counts.keys()], out };
    });
    this.core.notify(arn, shards);
    return out;
  }

  async GetShardIterator(ctx: RequestContext, input: GetShardIteratorInput): Promise<GetShardIteratorOutput> {
    const { scope, doc } = await this.core.usableStream(ctx, input);
    const shard = this.core.shard(doc, scope, input.ShardId);
    const type = input.ShardIteratorType;
    const bySequence = type === 'AT_SEQUENCE_NUMBER' || type === 'AFTER_SEQUENCE_NUMBER';
    if (bySequence !== (input.StartingSequenceNumber !== undefined) && type !== 'AT_TIMESTAMP') {
      throw new InvalidArgumentException(
        'Must either specify (1) AT_SEQUENCE_NUMBER or AFTER_SEQUENCE_NUMBER and StartingSequenceNumber or (2) TRIM_HORIZON or LATEST and no StartingSequenceNumber. ' +
          `Request specified ${type} and ${bySequence ? 'no' : 'also a'} StartingSequenceNumber.`,
      );
    }
    const now = ctx.clock.now();
    const counter = await startingCounter(this.core, scope, doc, shard, input, now);
    return { ShardIterator: this.iterator(scope, doc, shard.index, counter, now) };
  }

  async GetRecords(ctx: RequestContext, input: GetRecordsInput): Promise<GetRecordsOutput> {
    const it = decodeIterator(input.ShardIterator);
    if (!it) throw new InvalidArgumentException('Invalid ShardIterator.');
    const now = ctx.clock.now();
    if (now - it.issued > ITERATOR_TTL_MS) {
      throw new ExpiredIteratorException(
        `Iterator expired. The iterator was created at time ${amzUtc(it.issued)} while right now it is ${amzUtc(now)} which is further in the future than the tolerated delay of ${ITERATOR_TTL_MS} milliseconds.`,
      );
    }
    const scope: Scope = { accountId: it.account, region: it.region };
    const doc = await readStream(this.core.db, it.account, it.region, it.stream);
    const shard = doc && doc.id === it.id ? doc.shards.find((s) => s.index === it.shard) : undefined;
    if (!doc || !shard) throw new ResourceNotFoundException(`Shard ${shardIdOf(it.shard)} in stream ${it.stream} under account ${it.account} does not exist`);
    const read = await readShard(this.core, doc, shard, it.counter, input.Limit ?? 10_000, now);
    const out: GetRecordsOutput = { Records: read.records, MillisBehindLatest: read.behind };
    if (read.ended) out.ChildShards = childShards(doc, shard);
    else out.NextShardIterator = this.iterator(scope, doc, shard.index, read.next, now);
    return out;
  }

  private iterator(scope: Scope, doc: StreamDoc, shard: number, counter: number, now: number): string {
    return encodeIterator({ account: scope.accountId, region: scope.region, stream: doc.name, id: doc.id, shard, counter, issued: now });
  }
}

/** The shards a closed shard's records continue in. */
export function childShards(doc: StreamDoc, parent: ShardInfo): ChildShard[] {
  return doc.shards
    .filter((s) => s.parent === parent.index || s.adjacentParent === parent.index)
    .map((s) => ({
      ShardId: shardIdOf(s.index),
      ParentShards: [s.parent, s.adjacentParent].filter((p): p is number => p !== undefined).map(shardIdOf),
      HashKeyRange: { StartingHashKey: s.start, EndingHashKey: s.end },
    }));
}

/** The first counter an iterator or subscription of `type` reads (AWS's checks of its sequence number or timestamp). */
export async function startingCounter(
  core: KinesisCore,
  scope: Scope,
  doc: StreamDoc,
  shard: ShardInfo,
  input: { ShardIteratorType: string; StartingSequenceNumber?: string; Timestamp?: Date },
  now: number,
): Promise<number> {
  const shardId = shardIdOf(shard.index);
  switch (input.ShardIteratorType) {
    case 'TRIM_HORIZON':
      return 0;
    case 'LATEST':
      return nextCounter(core.db, doc.id, shard.index);
    case 'AT_TIMESTAMP': {
      if (input.Timestamp === undefined) {
        throw new InvalidArgumentException('Must specify timestampInMillis parameter for iterator of type AT_TIMESTAMP. Current request has no timestamp parameter.');
      }
      const at = input.Timestamp.getTime();
      if (at > now) {
        throw new InvalidArgumentException(`The timestampInMillis parameter cannot be greater than the currentTimestampInMillis. timestampInMillis: ${at}, currentTimestampInMillis: ${now}`);
      }
      return (await firstAtOrAfter(core.db, doc.id, shard.index, Math.max(at, now - doc.retentionHours * HOUR))) ?? (await nextCounter(core.db, doc.id, shard.index));
    }
    default: {
      const text = input.StartingSequenceNumber ?? '';
      const seq = parseSequenceNumber(text);
      if (!seq) throw new InvalidArgumentException(`StartingSequenceNumber ${text} used in GetShardIterator on shard ${shardId} in stream ${doc.name} under account ${scope.accountId} is invalid.`);
      if (seq.shard !== shard.index) throw new InvalidArgumentException(`Invalid StartingSequenceNumber. It encodes ${shardIdOf(seq.shard)}, while it was used in a call to a shard with ${shardId}`);
      if (seq.streamCreated !== doc.created) {
        throw new InvalidArgumentException(
          `StartingSequenceNumber ${text} used in GetShardIterator on shard ${shardId} in stream ${doc.name} under account ${scope.accountId} is invalid because it did not come from this stream.`,
        );
      }
      return input.ShardIteratorType === 'AT_SEQUENCE_NUMBER' ? seq.counter : seq.counter + 1;
    }
  }
}

export interface ShardRead {
  records: Record_[];
  /** The counter to read next. */
  next: number;
  behind: number;
  /** The shard is closed and every record of it was read. */
  ended: boolean;
}

/**
 * Up to `limit` records of a shard from counter `from`, within the retention period and 10 MiB:
 * sizes first (one more than asked, to see whether the reader is behind), then the data that fits.
 */
export async function readShard(core: KinesisCore, doc: StreamDoc, shard: ShardInfo, from: number, limit: number, now: number): Promise<ShardRead> {
  const cutoff = now - doc.retentionHours * HOUR;
  const metas = await sizes(core.db, doc.id, shard.index, from, cutoff, limit + 1);
  let taken = 0;
  let bytes = 0;
  while (taken < Math.min(limit, metas.length) && (taken === 0 || bytes + metas[taken]!.size <= MAX_GET_BYTES)) bytes += metas[taken++]!.size;
  const rows = taken === 0 ? [] : await recordsBetween(core.db, doc.id, shard.index, Number(metas[0]!.seq), Number(metas[taken - 1]!.seq), cutoff);
  const next = rows.length > 0 ? Number(rows[rows.length - 1]!.seq) + 1 : from;
  const behind = metas[taken];
  return {
    records: rows.map((r) => ({
      SequenceNumber: sequenceNumber(doc.created, shard.index, Number(r.seq)),
      ApproximateArrivalTimestamp: new Date(Number(r.arrival)),
      Data: Buffer.from(r.data),
      PartitionKey: r.pkey,
    })),
    next,
    behind: behind ? Math.max(0, now - Number(behind.arrival)) : 0,
    // Records have counters from 1 (0 is the shard's StartingSequenceNumber).
    ended: shard.closed !== undefined && Math.max(next, 1) > (shard.lastCounter ?? 0),
  };
}
