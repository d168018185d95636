/**
 * Kinesis Data Streams for DynamoDB: a table's streaming destinations (kept in its metadata) and the
 * records its item changes put on them. Each change of an item is enqueued as one job
 * (`dynamodb.kinesis`) in the transaction that commits the change, so an acknowledged write is
 * streamed even after `kill -9`; the job puts the record on the stream through Kinesis's own API.
 *
 * States as AWS shows them (recorded against AWS): Enable answers ENABLING, then ACTIVE, or
 * ENABLE_FAILED ("User does not have a permission to use kinesis stream") when the stream does not
 * exist; Disable answers DISABLING, then DISABLED; a precision Update answers UPDATING, then ACTIVE.
 * A table has at most one destination that is not DISABLED or ENABLE_FAILED; those linger, newest
 * first. The stored status is where the destination is going; the shown one is the transition until
 * TRANSITION_MS of platform time have passed.
 */
import { createHash, randomUUID } from 'node:crypto';
import { parseArn } from '../../aws/arn.js';
import { isAwsError } from '../../aws/errors.js';
import type { ApproximateCreationDateTimePrecision, DestinationStatus, KinesisDataStreamDestination } from '../../generated/dynamodb.js';
import type { KinesisApi } from '../../generated/kinesis.js';
import type { JobOutcome } from '../../jobs/runner.js';
import type { Job, JobSpec } from '../../jobs/queue.js';
import { serviceClient } from '../clients.js';
import type { Platform } from '../service.js';
import type { TableMeta } from './tables.js';
import { itemSize, type Item } from './values.js';

export const KINESIS_JOB = 'dynamodb.kinesis';

/** How long (platform ms) ENABLING, DISABLING and UPDATING last before the destination settles. */
export const TRANSITION_MS = 1000;

export const ENABLE_FAILED_DESCRIPTION = 'User does not have a permission to use kinesis stream';

export interface KinesisDestinationMeta {
  streamArn: string;
  /** Where it is going: ACTIVE (shown ENABLING or UPDATING until `since + TRANSITION_MS`), DISABLED (DISABLING), ENABLE_FAILED (ENABLING). */
  target: 'ACTIVE' | 'DISABLED' | 'ENABLE_FAILED';
  /** The transition that leads there: ENABLING, UPDATING or DISABLING. */
  via: 'ENABLING' | 'UPDATING' | 'DISABLING';
  since: number;
  /** Set by Enable or Update; absent means MILLISECOND (AWS shows nothing then). */
  precision?: ApproximateCreationDateTimePrecision;
}

/** The status AWS shows for a destination at `now`. */
export function shownStatus(d: KinesisDestinationMeta, now: number): DestinationStatus {
  return now < d.since + TRANSITION_MS ? d.via : d.target;
}

export function describeDestination(d: KinesisDestinationMeta, now: number): KinesisDataStreamDestination {
  const status = shownStatus(d, now);
  return {
    StreamArn: d.streamArn,
    DestinationStatus: status,
    ...(status === 'ENABLE_FAILED' ? { DestinationStatusDescription: ENABLE_FAILED_DESCRIPTION } : {}),
    ...(d.precision ? { ApproximateCreationDateTimePrecision: d.precision } : {}),
  };
}

/** Whether item changes go to this destination: from Enable until Disable, unless the stream was not found. */
function streams(d: KinesisDestinationMeta): boolean {
  return d.target === 'ACTIVE';
}

export interface KinesisJobPayload {
  streamArn: string;
  partitionKey: string;
  /** The record, as JSON text. */
  data: string;
}

/**
 * The jobs that put one item change on the table's live destinations (none when the item did not
 * change), in the documented record format: both images always, the time at the destination's
 * precision, `userIdentity` naming DynamoDB for a TTL deletion. The partition key is the MD5 of the
 * item's partition key value in upper-case hex, as the records AWS writes show.
 */
export function kinesisJobs(t: TableMeta, old: Item | undefined, item: Item | undefined, byService: boolean, now: number): JobSpec[] {
  const live = t.kinesis?.filter(streams) ?? [];
  if (live.length === 0) return [];
  const source = (item ?? old)!;
  const keys: Item = { [t.hash.name]: source[t.hash.name]! };
  if (t.range) keys[t.range.name] = source[t.range.name]!;
  const partitionKey = createHash('md5').update(JSON.stringify(source[t.hash.name])).digest('hex').toUpperCase();
  return live.map((d) => {
    const precision = d.precision ?? 'MILLISECOND';
    const record = {
      awsRegion: t.region,
      eventID: randomUUID(),
      eventName: !old ? 'INSERT' : !item ? 'REMOVE' : 'MODIFY',
      userIdentity: byService ? { principalId: 'dynamodb.amazonaws.com', type: 'Service' } : null,
      recordFormat: 'application/json',
      tableName: t.name,
      dynamodb: {
        ApproximateCreationDateTime: precision === 'MICROSECOND' ? now * 1000 : now,
        Keys: keys,
        ...(item ? { NewImage: item } : {}),
        ...(old ? { OldImage: old } : {}),
        SizeBytes: itemSize(keys) + (item ? itemSize(item) : 0) + (old ? itemSize(old) : 0),
        ApproximateCreationDateTimePrecision: precision,
      },
      eventSource: 'aws:dynamodb',
    };
    const payload: KinesisJobPayload = { streamArn: d.streamArn, partitionKey, data: JSON.stringify(record) };
    return { kind: KINESIS_JOB, account: t.account, region: t.region, dueAt: now, payload };
  });
}

/** Runs the `dynamodb.kinesis` jobs: puts each record on its stream. */
export function kinesisForwarder(platform: Platform): (job: Job<KinesisJobPayload>) => Promise<JobOutcome> {
  return async (job) => {
    const { streamArn, partitionKey, data } = job.payload;
    const arn = parseArn(streamArn);
    const kinesis = arn && serviceClient<KinesisApi>(platform, 'kinesis', { accountId: arn.account, region: arn.region });
    if (!kinesis) return { then: 'done' };
    try {
      await kinesis.PutRecord({ StreamARN: streamArn, PartitionKey: partitionKey, Data: Buffer.from(data) });
    } catch (e) {
      // The stream is gone: AWS keeps the destination ACTIVE and the change is not delivered.
      if (isAwsError(e) && e.code === 'ResourceNotFoundException') {
        platform.log({ level: 'warn', service: 'dynamodb', destination: streamArn, error: e.message });
        return { then: 'done' };
      }
      throw e; // throttled or busy: retried after the runner's backoff
    }
    return { then: 'done' };
  };
}
