/**
 * AWS service events on an account's default EventBridge bus ("Object Created" from S3 and the like).
 * The emitting service enqueues the event in the transaction that commits the change it reports, so
 * an acknowledged change is never left unannounced; EventBridge's handler of this job kind ingests it
 * onto the default bus of the event's account and region, where rules match it as any other event.
 * Events bypass PutEvents, which refuses `aws.*` sources to callers.
 */
import { randomUUID } from 'node:crypto';
import { enqueue } from '../../jobs/queue.js';
import type { Tx } from '../../storage/db.js';
import type { Platform } from '../service.js';

export const SERVICE_EVENT_KIND = 'events.service-event';

/** The envelope AWS puts service events in, as rules and targets see it. */
export interface ServiceEvent {
  readonly version: '0';
  readonly id: string;
  readonly 'detail-type': string;
  readonly source: string;
  readonly account: string;
  /** ISO 8601 without milliseconds, as EventBridge writes it. */
  readonly time: string;
  readonly region: string;
  readonly resources: string[];
  readonly detail: Record<string, unknown>;
}

export interface ServiceEventSpec {
  readonly account: string;
  readonly region: string;
  /** `aws.s3`, `aws.states`... */
  readonly source: string;
  readonly detailType: string;
  readonly resources: string[];
  readonly detail: Record<string, unknown>;
  readonly time: number;
}

/** An event's `time`: ISO 8601 to the second, as EventBridge writes it. */
export function eventTime(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}

/** Enqueues, in the caller's transaction, one service event for the account's default bus (none without EventBridge). */
export async function enqueueServiceEvent(tx: Tx, platform: Pick<Platform, 'services'>, e: ServiceEventSpec): Promise<void> {
  if (!platform.services.has('events')) return;
  const event: ServiceEvent = {
    version: '0',
    id: randomUUID(),
    'detail-type': e.detailType,
    source: e.source,
    account: e.account,
    time: eventTime(e.time),
    region: e.region,
    resources: e.resources,
    detail: e.detail,
  };
  await enqueue(tx, { kind: SERVICE_EVENT_KIND, key: event.id, account: e.account, region: e.region, payload: event }, e.time);
}
