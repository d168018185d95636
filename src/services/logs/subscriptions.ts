/**
 * Subscription filters: log events that a log group's filter matches go to its destination (a Lambda
 * function or a Kinesis stream), gzipped in the documented DATA_MESSAGE. Matching events are enqueued
 * in the transaction that stores them (one job per filter and batch), so a stored event is delivered
 * after a crash too; the job retries a throttled or failing destination on the platform clock.
 */
import { gzipSync } from 'node:zlib';
import { parseArn } from '../../aws/arn.js';
import { enqueue } from '../../jobs/queue.js';
import type { Job, JobOutcome } from '../../jobs/index.js';
import type { Tx } from '../../storage/db.js';
import { serviceClient } from '../clients.js';
import type { Platform } from '../service.js';
import { asDeliveryError, send } from '../targets/send.js';
import { compileFilter } from './filter.js';

export const SUBSCRIPTION_KIND = 'logs.subscription';

/** At most this many filters per log group (LimitExceededException beyond). */
export const MAX_FILTERS_PER_GROUP = 2;

const MAX_ATTEMPTS = 8;

export interface FilterRow {
  name: string;
  group_name: string;
  pattern: string;
  destination: string;
  role_arn: string | null;
  distribution: string;
  created: number;
}

interface DeliveryPayload {
  destination: string;
  message: string;
  /** Kinesis partition key: the log stream, as `ByLogStream` distribution groups records. */
  partitionKey: string;
}

/** Compiled filter patterns: each log flush matches with them, so they are parsed once (bounded: a few per group). */
const matchers = new Map<string, (message: string) => boolean>();
const MAX_MATCHERS = 1000;

function matcherOf(pattern: string): (message: string) => boolean {
  let m = matchers.get(pattern);
  if (!m) {
    if (matchers.size >= MAX_MATCHERS) matchers.clear();
    m = compileFilter(pattern);
    matchers.set(pattern, m);
  }
  return m;
}

/** The events of one stream batch that the group's filters match, enqueued for delivery in `tx`. */
export async function enqueueSubscribed(
  tx: Tx,
  account: string,
  region: string,
  group: string,
  stream: string,
  events: readonly { id: number; timestamp: number; message: string }[],
  now: number,
): Promise<void> {
  const filters = await tx.all<FilterRow>('SELECT * FROM logs_subscription_filters WHERE account = ? AND region = ? AND group_name = ?', [account, region, group]);
  for (const f of filters) {
    const match = matcherOf(f.pattern);
    const logEvents = events.filter((e) => match(e.message)).map((e) => ({ id: String(e.id), timestamp: e.timestamp, message: e.message }));
    if (logEvents.length === 0) continue;
    const message = JSON.stringify({ messageType: 'DATA_MESSAGE', owner: account, logGroup: group, logStream: stream, subscriptionFilters: [f.name], logEvents });
    await enqueue(tx, { kind: SUBSCRIPTION_KIND, account, region, payload: { destination: f.destination, message, partitionKey: stream } satisfies DeliveryPayload }, now);
  }
}

/** The CONTROL_MESSAGE CloudWatch Logs sends a Kinesis destination when a filter is put, to check it. */
export function controlMessage(now: number): string {
  return JSON.stringify({
    messageType: 'CONTROL_MESSAGE',
    owner: 'CloudwatchLogs',
    logGroup: '',
    logStream: '',
    subscriptionFilters: [],
    logEvents: [{ id: '', timestamp: now, message: 'CWL CONTROL MESSAGE: Checking health of destination Kinesis stream.' }],
  });
}

/** Sends one gzipped message: a Lambda function gets `{"awslogs": {"data": base64}}`, a Kinesis stream the gzipped bytes. */
export async function deliver(platform: Platform, destination: string, message: string, partitionKey: string): Promise<void> {
  const data = gzipSync(message);
  const arn = parseArn(destination);
  if (arn?.service === 'kinesis') {
    const kinesis = serviceClient<{ PutRecord(ctx: unknown, input: { StreamARN: string; Data: Uint8Array; PartitionKey: string }): Promise<unknown> }>(platform, 'kinesis', {
      accountId: arn.account,
      region: arn.region,
    });
    if (!kinesis) throw new Error('Kinesis is not available in this Stratus.');
    await kinesis.PutRecord({ StreamARN: destination, Data: data, PartitionKey: partitionKey });
    return;
  }
  await send(platform, { arn: destination, payload: JSON.stringify({ awslogs: { data: data.toString('base64') } }) });
}

export function handleSubscriptions(platform: Platform): void {
  platform.jobs.handle<DeliveryPayload>(
    SUBSCRIPTION_KIND,
    async (job: Job<DeliveryPayload>): Promise<JobOutcome | void> => {
      try {
        await deliver(platform, job.payload.destination, job.payload.message, job.payload.partitionKey);
      } catch (e) {
        const err = asDeliveryError(e);
        if (err.retryable && job.attempt + 1 < MAX_ATTEMPTS) return { then: 'retry', delayMs: Math.min(300_000, 1000 * 2 ** job.attempt) };
        platform.log({ service: 'logs', msg: 'subscription delivery failed', destination: job.payload.destination, code: err.code, error: err.message, attempts: job.attempt + 1 });
      }
    },
    { concurrency: 8 },
  );
}
