/**
 * Kinesis Data Streams as an event source: each shard of the stream is polled under its own job,
 * read through Kinesis's own API (GetShardIterator after the checkpoint's sequence number, then
 * GetRecords). A caught-up poller waits on the Kinesis provider's in-process wake-up after a put to its
 * shard (`watchShard`, a hook beside its operations: no records pass through it), or, without it,
 * reads again once a second of platform time, as Lambda polls a shard. A mapping
 * made at LATEST starts at the time it was made (an AT_TIMESTAMP iterator), so that records put
 * between its creation and its first read are not skipped. A closed shard read to its end starts
 * the pollers of its child shards, and is then read only every 10 minutes. Records have the documented Lambda event shape; failed batches
 * are handled by the stream sender (streams.ts) as for DynamoDB Streams.
 */
import { parseArn } from '../../../aws/arn.js';
import { isAwsError } from '../../../aws/errors.js';
import type { KinesisApi, Record_ } from '../../../generated/kinesis.js';
import type { Source, SourceEntry } from '../../../jobs/pollers/source.js';
import { serviceClient, type ServiceClient } from '../../clients.js';
import type { Platform, ServiceEntry } from '../../service.js';
import type { MappingDoc } from './model.js';

/** The Kinesis provider's hook (services/kinesis/index.ts `WatchShard`), typed here: services do not import each other. */
type WatchShard = (streamArn: string, shardId: string, wake: () => void) => () => void;

export interface KinesisEventRecord {
  kinesis: { kinesisSchemaVersion: string; partitionKey: string; sequenceNumber: string; data: string; approximateArrivalTimestamp: number };
  eventSource: 'aws:kinesis';
  eventVersion: '1.0';
  eventID: string;
  eventName: 'aws:kinesis:record';
  invokeIdentityArn: string;
  awsRegion: string;
  eventSourceARN: string;
}

/** The Kinesis client of a stream's account and region, or undefined while Kinesis is not loaded. */
export function kinesisClientFor(platform: Platform, streamArn: string): ServiceClient<KinesisApi> | undefined {
  const arn = parseArn(streamArn);
  return arn ? serviceClient<KinesisApi>(platform, 'kinesis', { accountId: arn.account, region: arn.region }) : undefined;
}

export class KinesisSource implements Source<KinesisEventRecord> {
  private readonly kinesis: ServiceClient<KinesisApi> | undefined;
  private readonly region: string;
  /** The Kinesis provider's wake-up hook, when it has one. */
  readonly subscribe?: (shard: string, wake: () => void) => () => void;

  constructor(
    platform: Platform,
    private readonly doc: MappingDoc,
    /** The function's execution role (the records' invokeIdentityArn). */
    private readonly role: () => Promise<string>,
    /** A closed shard was read to its end: its children are to be polled. */
    private readonly onShardsChanged: () => void,
    /** The mapping's shards read to their end (kept by the pollers across rebuilds of this source). */
    private readonly ended: Set<string>,
  ) {
    this.kinesis = kinesisClientFor(platform, doc.EventSourceArn);
    this.region = parseArn(doc.EventSourceArn)?.region ?? '';
    const kinesis = platform.services.get('kinesis');
    if (kinesis) this.subscribe = (shard, wake) => watchOnceLoaded(kinesis, doc.EventSourceArn, shard, wake);
  }

  /**
   * The shards to poll: those without a parent still listed, and the children of parents read to
   * their end (both parents of a merge), so that a partition key's records are handled in order
   * across a reshard, as Lambda does.
   */
  async shards(): Promise<readonly string[]> {
    if (!this.kinesis) return [];
    const all: { id: string; parents: string[] }[] = [];
    try {
      let token: string | undefined;
      do {
        const page = await this.kinesis.ListShards(token ? { NextToken: token } : { StreamARN: this.doc.EventSourceArn });
        for (const s of page.Shards ?? []) all.push({ id: s.ShardId, parents: [s.ParentShardId, s.AdjacentParentShardId].filter((p): p is string => p !== undefined) });
        token = page.NextToken;
      } while (token);
    } catch (e) {
      if (isAwsError(e) && e.code === 'ResourceNotFoundException') return [];
      throw e;
    }
    const listed = new Set(all.map((s) => s.id));
    return all.filter((s) => s.parents.every((p) => !listed.has(p) || this.ended.has(p))).map((s) => s.id);
  }

  async read(shard: string, position: string | null, limit: number): Promise<readonly SourceEntry<KinesisEventRecord>[]> {
    if (!this.kinesis) return [];
    let records: Record_[];
    try {
      const { ShardIterator } = await this.kinesis.GetShardIterator({ StreamARN: this.doc.EventSourceArn, ShardId: shard, ...this.start(position) });
      if (!ShardIterator) return [];
      const out = await this.kinesis.GetRecords({ ShardIterator, Limit: Math.min(10_000, Math.max(1, limit)) });
      records = out.Records;
      if (!out.NextShardIterator && records.length === 0 && !this.ended.has(shard)) {
        this.ended.add(shard);
        this.onShardsChanged();
      }
    } catch (e) {
      // The stream or shard is gone (or not active yet): nothing to read for now.
      if (isAwsError(e) && (e.code === 'ResourceNotFoundException' || e.code === 'ResourceInUseException')) return [];
      throw e;
    }
    if (records.length === 0) return [];
    const role = await this.role();
    return records.map((r) => {
      const data = Buffer.from(r.Data).toString('base64');
      const record: KinesisEventRecord = {
        kinesis: {
          kinesisSchemaVersion: '1.0',
          partitionKey: r.PartitionKey,
          sequenceNumber: r.SequenceNumber,
          data,
          approximateArrivalTimestamp: (r.ApproximateArrivalTimestamp?.getTime() ?? 0) / 1000,
        },
        eventSource: 'aws:kinesis',
        eventVersion: '1.0',
        eventID: `${shard}:${r.SequenceNumber}`,
        eventName: 'aws:kinesis:record',
        invokeIdentityArn: role,
        awsRegion: this.region,
        eventSourceARN: this.doc.EventSourceArn,
      };
      return { record, position: r.SequenceNumber, bytes: data.length + r.PartitionKey.length + r.SequenceNumber.length * 2 + this.doc.EventSourceArn.length + role.length + 300 };
    });
  }

  finished(shard: string): boolean {
    return this.ended.has(shard);
  }

  /** Where reading starts: after the checkpoint, else at the mapping's starting position. */
  private start(position: string | null): { ShardIteratorType: 'AFTER_SEQUENCE_NUMBER' | 'TRIM_HORIZON' | 'AT_TIMESTAMP'; StartingSequenceNumber?: string; Timestamp?: Date } {
    if (position !== null) return { ShardIteratorType: 'AFTER_SEQUENCE_NUMBER', StartingSequenceNumber: position };
    if (this.doc.StartingPosition === 'TRIM_HORIZON') return { ShardIteratorType: 'TRIM_HORIZON' };
    const at = this.doc.StartingPosition === 'AT_TIMESTAMP' ? (this.doc.StartingPositionTimestamp ?? 0) : (this.doc.startTimestamp ?? 0);
    return { ShardIteratorType: 'AT_TIMESTAMP', Timestamp: new Date(at) };
  }
}

/** Kinesis's wake-ups for a shard, once Kinesis is loaded (the mapping's first read loads it, if nothing did before). */
function watchOnceLoaded(kinesis: ServiceEntry, streamArn: string, shard: string, wake: () => void): () => void {
  const watch = (): (() => void) => {
    const hook = kinesis.provider.watchShard as WatchShard | undefined;
    return typeof hook === 'function' ? hook(streamArn, shard, wake) : () => undefined;
  };
  if (kinesis.loaded) return watch();
  let stop: (() => void) | undefined;
  let stopped = false;
  kinesis.load().then(
    () => {
      if (!stopped) stop = watch();
    },
    () => undefined,
  );
  return () => {
    stopped = true;
    stop?.();
  };
}
