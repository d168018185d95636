/**
 * A schedule's fires. Each fire of the recurring job (`scheduler.fire`) enqueues one delivery job
 * (`scheduler.deliver`), due at the fire time or, with a flexible time window, at a point within the
 * window chosen from the schedule and the fire time (so the same fire always lands at the same point).
 * A delivery sends the target's Input, with the context attributes substituted, to the templated
 * target (Lambda, SQS, SNS, Step Functions, EventBridge PutEvents, Kinesis, Logs) or to a universal
 * target (`arn:aws:scheduler:::aws-sdk:{service}:{action}`) through serviceClient; it retries with
 * the RetryPolicy and dead-letters with the documented attributes. ActionAfterCompletion DELETE
 * removes the schedule after its last fire.
 */
import { createHash, randomUUID } from 'node:crypto';
import { parseArn } from '../../aws/arn.js';
import type { Job, JobOutcome } from '../../jobs/index.js';
import { nextFire, parseScheduleExpression } from '../../jobs/schedule.js';
import { serviceClient } from '../clients.js';
import { sdkTarget } from '../targets/sdk-services.js';
import { asDeliveryError, DeliveryError, send, sendDeadLetter } from '../targets/send.js';
import { DELIVER_KIND, FIRE_KIND, schedules, type SchedulerCore, type StoredSchedule } from './core.js';

const DEFAULT_MAX_RETRIES = 185;
const DEFAULT_MAX_AGE_S = 86_400;

/** The service and operation of a universal target ARN, or undefined. */
export function universalTarget(arn: string): { service: string; operation: string } | undefined {
  const m = /^arn:aws[a-z-]*:scheduler:::aws-sdk:([a-z0-9]+):([a-zA-Z0-9]+)$/.exec(arn);
  return m ? sdkTarget(m[1]!, m[2]!) : undefined;
}

/** Where in a flexible window of `minutes` a fire is delivered: deterministic for the schedule and fire time. */
export function flexOffsetMs(arn: string, fireMs: number, minutes: number): number {
  const h = createHash('sha256').update(`${arn}@${fireMs}`).digest().readUInt32BE(0);
  return h % (minutes * 60_000);
}

interface FirePayload {
  group: string;
  name: string;
}

interface DeliverPayload extends FirePayload {
  fireMs: number;
  executionId: string;
}

export function handleFires(core: SchedulerCore): void {
  core.jobs.handle<FirePayload>(FIRE_KIND, async (job) => {
    const s = { accountId: job.account, region: job.region };
    const sc = await schedules.get(core.db, s, [job.payload.group, job.payload.name]);
    if (!sc || sc.state !== 'ENABLED') return;
    const offset = sc.flexMinutes ? flexOffsetMs(sc.arn, job.dueAt, sc.flexMinutes) : 0;
    const payload: DeliverPayload = { group: sc.group, name: sc.name, fireMs: job.dueAt, executionId: randomUUID() };
    return { then: 'done', enqueue: [{ kind: DELIVER_KIND, key: `${job.key}`, account: job.account, region: job.region, dueAt: job.dueAt + offset, payload }] };
  });
  core.jobs.handle<DeliverPayload>(DELIVER_KIND, (job) => deliver(core, job), { concurrency: 16, leaseMs: 120_000 });
}

async function deliver(core: SchedulerCore, job: Job<DeliverPayload>): Promise<JobOutcome | void> {
  const s = { accountId: job.account, region: job.region };
  const sc = await schedules.get(core.db, s, [job.payload.group, job.payload.name]);
  if (!sc) return;
  const t = sc.target;
  const input = substitute(t.Input ?? '{}', sc, job);
  try {
    await invoke(core, sc, input, job);
  } catch (e) {
    const err = asDeliveryError(e);
    const now = core.clock.now();
    const maxRetries = t.RetryPolicy?.MaximumRetryAttempts ?? DEFAULT_MAX_RETRIES;
    const maxAgeMs = (t.RetryPolicy?.MaximumEventAgeInSeconds ?? DEFAULT_MAX_AGE_S) * 1000;
    const delay = Math.min(1000 * 2 ** Math.min(job.attempt, 20), 300_000);
    let exhausted: string | undefined;
    if (err.retryable) {
      if (job.attempt >= maxRetries) exhausted = 'MaximumRetryAttempts';
      else if (now + delay - job.payload.fireMs > maxAgeMs) exhausted = 'MaximumEventAgeInSeconds';
      else return { then: 'retry', delayMs: delay };
    }
    core.platform.log({ service: 'scheduler', msg: 'delivery failed', schedule: sc.arn, target: t.Arn, code: err.code, error: err.message });
    if (t.DeadLetterConfig?.Arn) {
      const attributes: Record<string, string> = {
        ERROR_CODE: err.code,
        ERROR_MESSAGE: err.message,
        EXECUTION_ID: job.payload.executionId,
        IS_PAYLOAD_TRUNCATED: 'false',
        RETRY_ATTEMPTS: String(job.attempt),
        SCHEDULED_TIME: new Date(job.payload.fireMs).toISOString().replace('.000Z', 'Z'),
        SCHEDULE_ARN: sc.arn,
        TARGET_ARN: t.Arn,
        ...(exhausted ? { EXHAUSTED_RETRY_CONDITION: exhausted } : {}),
      };
      await sendDeadLetter(core.platform, t.DeadLetterConfig.Arn, input, attributes).catch((dlqError: unknown) =>
        core.platform.log({ service: 'scheduler', msg: 'dead-letter queue unreachable', error: String(dlqError) }),
      );
    }
  }
  await afterCompletion(core, s, sc, job.payload.fireMs);
}

/** ActionAfterCompletion DELETE: the schedule goes once it has no fire left. */
async function afterCompletion(core: SchedulerCore, s: { accountId: string; region: string }, sc: StoredSchedule, fireMs: number): Promise<void> {
  if (sc.actionAfterCompletion !== 'DELETE') return;
  const next = nextFire(parseScheduleExpression(sc.expression), fireMs + 1, { timeZone: sc.timeZone, anchorMs: sc.startMs ?? sc.created });
  if (next !== undefined && (sc.endMs === undefined || next <= sc.endMs)) return;
  await core.db.tx(async (tx) => {
    const current = await schedules.get(tx, s, [sc.group, sc.name]);
    if (current && current.modified === sc.modified) await schedules.delete(tx, s, [sc.group, sc.name]);
  });
}

/** The context attributes Scheduler substitutes in a target's Input. */
function substitute(input: string, sc: StoredSchedule, job: Job<DeliverPayload>): string {
  return input
    .replaceAll('<aws.scheduler.schedule-arn>', sc.arn)
    .replaceAll('<aws.scheduler.scheduled-time>', new Date(job.payload.fireMs).toISOString().replace('.000Z', 'Z'))
    .replaceAll('<aws.scheduler.execution-id>', job.payload.executionId)
    .replaceAll('<aws.scheduler.attempt-number>', String(job.attempt + 1));
}

interface EventsPutEvents {
  PutEvents(ctx: unknown, input: { Entries: { EventBusName: string; Source: string; DetailType: string; Detail: string; Resources?: string[] }[] }): Promise<{ Entries?: { ErrorCode?: string; ErrorMessage?: string }[] }>;
}

async function invoke(core: SchedulerCore, sc: StoredSchedule, input: string, job: Job<DeliverPayload>): Promise<void> {
  const t = sc.target;
  const universal = universalTarget(t.Arn);
  if (universal) {
    const scope = { accountId: job.account, region: job.region };
    const client = serviceClient<Record<string, (ctx: unknown, input: unknown) => Promise<unknown>>>(core.platform, universal.service, scope, { fromJson: true });
    if (!client) throw new DeliveryError('SDK_CLIENT_ERROR', `Service ${universal.service} is not served by this Stratus.`, false);
    const op = client[universal.operation];
    if (!op) throw new DeliveryError('SDK_CLIENT_ERROR', `Operation ${universal.operation} is not an operation of ${universal.service}.`, false);
    let params: unknown;
    try {
      params = JSON.parse(input);
    } catch {
      throw new DeliveryError('SDK_CLIENT_ERROR', 'The Input of a universal target must be JSON.', false);
    }
    await op(params);
    return;
  }
  const arn = parseArn(t.Arn);
  if (arn?.service === 'events' && arn.resource.startsWith('event-bus/')) {
    const events = serviceClient<EventsPutEvents>(core.platform, 'events', { accountId: job.account, region: job.region });
    if (!events) throw new DeliveryError('NO_RESOURCE', 'EventBridge is not available in this Stratus.', false);
    const p = t.EventBridgeParameters;
    const out = await events.PutEvents({ Entries: [{ EventBusName: t.Arn, Source: p!.Source, DetailType: p!.DetailType, Detail: input, Resources: [sc.arn] }] });
    const failed = out.Entries?.[0];
    if (failed?.ErrorCode) throw new DeliveryError('SDK_CLIENT_ERROR', `${failed.ErrorCode}: ${failed.ErrorMessage}`, false);
    return;
  }
  await send(core.platform, {
    arn: t.Arn,
    payload: input,
    messageGroupId: t.SqsParameters?.MessageGroupId,
    deduplicationId: job.payload.executionId,
    partitionKey: t.KinesisParameters?.PartitionKey,
    requestId: job.payload.executionId,
  });
}
