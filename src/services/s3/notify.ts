/**
 * S3 event notifications to SQS, SNS and Lambda. A write, delete, tagging or ACL change, or a
 * lifecycle expiration or transition, that matches a bucket's notification configuration (event type and the key's prefix/suffix rules) enqueues, in the
 * transaction that commits it, one job per destination, so an acknowledged change is never left
 * unannounced (kill -9 included). The job sends the documented event message (`Records[]`, event
 * version 2.1) through the shared target sender, retrying a throttled or failing destination with
 * backoff on the platform clock; a destination that does not exist is dropped and logged, as S3 does.
 * A bucket with EventBridgeConfiguration also sends every such event, unfiltered, to its account's
 * default bus as the documented `aws.s3` event ("Object Created", "Object Deleted", "Object Tags
 * Added"...).
 */
import type { Tx } from '../../storage/db.js';
import { enqueue } from '../../jobs/queue.js';
import type { Job, JobOutcome } from '../../jobs/index.js';
import type { NotificationConfiguration } from '../../generated/s3.js';
import { asDeliveryError, send } from '../targets/send.js';
import { enqueueServiceEvent, type ServiceEventSpec } from '../targets/service-events.js';
import type { Platform } from '../service.js';

export const NOTIFY_KIND = 's3.notify';

/** Attempts at a destination before the record is given up (S3 retries for some hours; Stratus's clock decides). */
const MAX_ATTEMPTS = 8;

interface NotifyPayload {
  arn: string;
  body: string;
}

/** What happened to an object, as the event record tells it. */
export interface ObjectEvent {
  /** Without the `s3:` prefix: `ObjectCreated:Put`, `ObjectRemoved:DeleteMarkerCreated`, `LifecycleExpiration:Delete`, `ObjectTagging:Put`... */
  readonly name: string;
  readonly bucket: string;
  readonly key: string;
  readonly size?: number | undefined;
  /** The ETag without its quotes. */
  readonly eTag?: string | undefined;
  /** Absent for an unversioned bucket's objects. */
  readonly versionId?: string | undefined;
  /** The new storage class of a LifecycleTransition. */
  readonly storageClass?: string | undefined;
  readonly requestId: string;
  readonly time: number;
}

/** Which operation created an object, as its ObjectCreated event names it. */
export function createdEvent(operation: string): string {
  const names: Record<string, string> = { PutObject: 'Put', CopyObject: 'Copy', CompleteMultipartUpload: 'CompleteMultipartUpload' };
  return `ObjectCreated:${names[operation] ?? 'Post'}`;
}

type Configured = { Events: string[]; Filter?: { Key?: { FilterRules?: { Name?: string; Value?: string }[] } }; Id?: string };

function matches(c: Configured, e: ObjectEvent): boolean {
  const name = `s3:${e.name}`;
  const family = `${name.slice(0, name.lastIndexOf(':'))}:*`;
  if (!c.Events.some((x) => x === name || x === family)) return false;
  for (const r of c.Filter?.Key?.FilterRules ?? []) {
    const value = r.Value ?? '';
    const rule = (r.Name ?? '').toLowerCase();
    if (rule === 'prefix' && !e.key.startsWith(value)) return false;
    if (rule === 'suffix' && !e.key.endsWith(value)) return false;
  }
  return true;
}

/** Orders the events of one key: hex of the event time (ms); S3 keeps its own value opaque. */
function sequencer(e: ObjectEvent): string {
  return e.time.toString(16).toUpperCase().padStart(16, '0');
}

/** The S3 event message structure AWS documents (one record). The key is URL-encoded, spaces as `+`. */
function record(e: ObjectEvent, account: string, region: string, configurationId: string): unknown {
  const object: Record<string, unknown> = { key: encodeURIComponent(e.key).replace(/%20/g, '+').replace(/%2F/g, '/') };
  if (e.size !== undefined) object.size = e.size;
  if (e.eTag !== undefined) object.eTag = e.eTag;
  if (e.versionId !== undefined) object.versionId = e.versionId;
  object.sequencer = sequencer(e);
  return {
    eventVersion: '2.1',
    eventSource: 'aws:s3',
    awsRegion: region,
    eventTime: new Date(e.time).toISOString(),
    eventName: e.name,
    userIdentity: { principalId: byS3(e) ? 's3.amazonaws.com' : `AWS:${account}` },
    requestParameters: { sourceIPAddress: byS3(e) ? 's3.amazonaws.com' : '127.0.0.1' },
    responseElements: { 'x-amz-request-id': e.requestId, 'x-amz-id-2': Buffer.from(e.requestId).toString('base64') },
    s3: {
      s3SchemaVersion: '1.0',
      configurationId,
      bucket: { name: e.bucket, ownerIdentity: { principalId: account }, arn: `arn:aws:s3:::${e.bucket}` },
      object,
    },
  };
}

/** S3 API names of the ObjectCreated event kinds, as EventBridge events give them in `reason`. */
const CREATED_REASONS: Record<string, string> = { Put: 'PutObject', Post: 'POST Object', Copy: 'CopyObject', CompleteMultipartUpload: 'CompleteMultipartUpload' };

/** Events that S3 itself causes (lifecycle rules) rather than a client's request. */
function byS3(e: ObjectEvent): boolean {
  return e.name.startsWith('Lifecycle');
}

/** The event S3 sends to EventBridge for an object event (the user guide's "EventBridge event message structure"). */
function eventBridgeEvent(e: ObjectEvent, account: string, region: string): ServiceEventSpec {
  const [family, kind = ''] = e.name.split(':');
  const object: Record<string, unknown> = { key: e.key };
  if (e.size !== undefined) object.size = e.size;
  if (e.eTag !== undefined) object.etag = e.eTag;
  if (e.versionId !== undefined) object['version-id'] = e.versionId;
  if (family === 'ObjectCreated' || family === 'ObjectRemoved' || family === 'LifecycleExpiration') object.sequencer = sequencer(e);
  const detail: Record<string, unknown> = { version: '0', bucket: { name: e.bucket }, object, 'request-id': e.requestId, requester: byS3(e) ? 's3.amazonaws.com' : account };
  if (!byS3(e)) detail['source-ip-address'] = '127.0.0.1';
  let detailType: string;
  switch (family) {
    case 'ObjectCreated':
      detailType = 'Object Created';
      detail.reason = CREATED_REASONS[kind] ?? kind;
      break;
    case 'ObjectRemoved':
    case 'LifecycleExpiration':
      detailType = 'Object Deleted';
      detail.reason = family === 'ObjectRemoved' ? 'DeleteObject' : 'Lifecycle Expiration';
      detail['deletion-type'] = kind === 'DeleteMarkerCreated' ? 'Delete Marker Created' : 'Permanently Deleted';
      break;
    case 'LifecycleTransition':
      detailType = 'Object Storage Class Changed';
      detail['destination-storage-class'] = e.storageClass;
      break;
    case 'ObjectTagging':
      detailType = kind === 'Put' ? 'Object Tags Added' : 'Object Tags Deleted';
      break;
    default:
      detailType = 'Object ACL Updated';
  }
  return { account, region, source: 'aws.s3', detailType, resources: [`arn:aws:s3:::${e.bucket}`], detail, time: e.time };
}

/** Enqueues, in the caller's transaction, the deliveries an object event makes under its bucket's configuration. */
export async function enqueueNotifications(tx: Tx, platform: Pick<Platform, 'services'>, e: ObjectEvent): Promise<void> {
  const row = await tx.get<{ account: string; region: string; config: string | null }>('SELECT account, region, config FROM s3_buckets WHERE name = ?', [e.bucket]);
  const config = row?.config ? ((JSON.parse(row.config) as { notification?: NotificationConfiguration }).notification ?? undefined) : undefined;
  if (!row || !config) return;
  const destinations: [Configured, string][] = [
    ...(config.QueueConfigurations ?? []).map((c): [Configured, string] => [c as Configured, c.QueueArn]),
    ...(config.TopicConfigurations ?? []).map((c): [Configured, string] => [c as Configured, c.TopicArn]),
    ...(config.LambdaFunctionConfigurations ?? []).map((c): [Configured, string] => [c as Configured, c.LambdaFunctionArn]),
  ];
  if (config.EventBridgeConfiguration) await enqueueServiceEvent(tx, platform, eventBridgeEvent(e, row.account, row.region));
  for (const [c, arn] of destinations) {
    if (!matches(c, e)) continue;
    const body = JSON.stringify({ Records: [record(e, row.account, row.region, c.Id ?? '')] });
    await enqueue(tx, { kind: NOTIFY_KIND, account: row.account, region: row.region, payload: { arn, body } satisfies NotifyPayload }, e.time);
  }
}

export function handleNotifications(platform: Platform): void {
  platform.jobs.handle<NotifyPayload>(
    NOTIFY_KIND,
    async (job: Job<NotifyPayload>): Promise<JobOutcome | void> => {
      try {
        await send(platform, { arn: job.payload.arn, payload: job.payload.body });
      } catch (e) {
        const err = asDeliveryError(e);
        if (err.retryable && job.attempt + 1 < MAX_ATTEMPTS) return { then: 'retry', delayMs: Math.min(300_000, 1000 * 2 ** job.attempt) };
        platform.log({ service: 's3', msg: 'event notification not delivered', destination: job.payload.arn, code: err.code, error: err.message, attempts: job.attempt + 1 });
      }
    },
    { concurrency: 8 },
  );
}
