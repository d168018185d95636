/**
 * Asynchronous (Event) invocations: each is a job of kind `lambda.async` (src/jobs/), its payload
 * the invocation, so it is in SQL from the 202 on and a restarted server (even after kill -9) runs
 * it at once. A run retries a function error after AWS's delays (1 min, then 2 min) up to
 * MaximumRetryAttempts of the event invoke configuration, retries a throttle or an environment that
 * failed to run with a backoff that counts no attempt, and drops the event once it succeeded, ran
 * out of attempts or of age (MaximumEventAgeInSeconds), or its function is gone. A success goes
 * to the OnSuccess destination, a failure to the OnFailure destination and the function's
 * dead-letter queue, each as a `lambda.destination` job enqueued with the event's end (durable,
 * retried), carrying the documented invocation record (or, for a DLQ, the event itself).
 */
import { randomUUID } from 'node:crypto';
import { internalContext, type RequestContext } from '../../../core/context.js';
import type { Job, JobOutcome, RunContext } from '../../../jobs/index.js';
import { enqueue } from '../../../jobs/queue.js';
import type { PoolResult } from '../../../runtime/pool.js';
import type { Tx } from '../../../storage/db.js';
import type { LambdaCore, Scope, Target } from '../core.js';
import { ASYNC_RETRY_DELAYS_MS, MAX_EVENT_AGE_MS, MAX_TIMEOUT_SECONDS } from '../limits.js';
import type { EventConfigDoc } from '../ops/event-config.js';
import { deliver, type Delivery } from '../destinations.js';
import type { InvocationRunner } from './sync.js';

export const ASYNC_KIND = 'lambda.async';
export const DESTINATION_KIND = 'lambda.destination';

/** The payload of a `lambda.destination` job: where to, and what. */
interface DestinationJob {
  arn: string;
  delivery: Delivery;
}

/** A destination that fails takes this many tries (1 s doubling) before the record is dropped and logged. */
const DESTINATION_ATTEMPTS = 6;

/** The payload of a `lambda.async` job. */
export interface AsyncInvocation {
  name: string;
  qualifier: string | null;
  /** The request id of the Invoke, which every attempt keeps. */
  requestId: string;
  /** The event as the caller sent it, base64. */
  event: string;
}

/** Keys of a function's async invocations start with this, so that DeleteFunction drops them (`cancelPrefix`). */
export function asyncKeyPrefix(scope: Scope, name: string): string {
  return `${scope.accountId}/${scope.region}/${name}/`;
}

/**
 * Migration: the events of the former `lambda_async` table (data directories of earlier versions)
 * become jobs, keeping their request id, due time, attempts and age; in batches, so a backlog is
 * never held in memory at once.
 */
export async function moveAsyncTableToJobs(tx: Tx): Promise<void> {
  for (;;) {
    const rows = await tx.all<LegacyAsyncRow>('SELECT * FROM lambda_async LIMIT 100');
    if (rows.length === 0) return;
    for (const r of rows) {
      const payload: AsyncInvocation = { name: r.name, qualifier: r.qualifier, requestId: r.request_id, event: Buffer.from(r.payload).toString('base64') };
      const spec = { kind: ASYNC_KIND, key: asyncKeyPrefix({ accountId: r.account, region: r.region }, r.name) + r.id, account: r.account, region: r.region, dueAt: Number(r.next_at), attempt: r.attempt, payload };
      // Enqueued when the event was acknowledged: its maximum age counts from then.
      await enqueue(tx, spec, Number(r.created));
      await tx.run('DELETE FROM lambda_async WHERE id = ?', [r.id]);
    }
  }
}

interface LegacyAsyncRow {
  id: string;
  account: string;
  region: string;
  name: string;
  qualifier: string | null;
  payload: Uint8Array;
  request_id: string;
  attempt: number;
  next_at: number;
  created: number;
}

/** The delay before retrying a throttled event, or one whose environment failed to run it. */
function backoffMs(attempt: number): number {
  return Math.min(5 * 60_000, 1000 * 2 ** Math.min(8, attempt));
}

export class AsyncQueue {
  constructor(
    private readonly core: LambdaCore,
    private readonly runner: InvocationRunner,
  ) {
    // The lease outlasts the longest invocation; runs in progress renew it anyway.
    core.platform.jobs.handle<AsyncInvocation>(ASYNC_KIND, (job, run) => this.run(job, run), {
      concurrency: core.accountLimit(),
      leaseMs: (MAX_TIMEOUT_SECONDS + 60) * 1000,
    });
    core.platform.jobs.handle<DestinationJob>(DESTINATION_KIND, (job) => deliver(core.platform, job.payload.arn, job.payload.delivery), {
      concurrency: 50,
      maxAttempts: DESTINATION_ATTEMPTS,
    });
  }

  async enqueue(ctx: RequestContext, name: string, qualifier: string | undefined, payload: Buffer): Promise<void> {
    await this.core.platform.jobs.enqueue<AsyncInvocation>({
      kind: ASYNC_KIND,
      key: asyncKeyPrefix(ctx, name) + randomUUID(),
      account: ctx.accountId,
      region: ctx.region,
      payload: { name, qualifier: qualifier ?? null, requestId: ctx.requestId, event: payload.toString('base64') },
    });
  }

  private async run(job: Job<AsyncInvocation>, { signal }: RunContext): Promise<JobOutcome | void> {
    const { name, qualifier, requestId, event } = job.payload;
    const clock = this.core.clock;
    const ctx = internalContext(clock, { accountId: job.account, region: job.region, service: 'lambda', operation: 'Invoke', requestId });
    let target: Target;
    try {
      target = await this.core.resolve(ctx, name, qualifier ?? undefined, true);
    } catch {
      return;
    }
    const eventConfig: Partial<EventConfigDoc> = target.row.event_config ? (JSON.parse(target.row.event_config) as EventConfigDoc) : {};
    const maxRetries = eventConfig.MaximumRetryAttempts ?? 2;
    const maxAge = (eventConfig.MaximumEventAgeInSeconds ?? MAX_EVENT_AGE_MS / 1000) * 1000;
    if (clock.now() - job.enqueuedAt > maxAge) return this.finish(job, target, eventConfig, 'EventAgeExceeded', undefined);
    if (await this.runner.acquire(ctx, target)) return { then: 'retry', delayMs: backoffMs(job.attempt), countAttempt: false };
    let result: PoolResult | undefined;
    try {
      result = await this.runner.run(ctx, target, Buffer.from(event, 'base64'), requestId);
    } catch (e) {
      if (!signal.aborted) this.core.platform.log({ level: 'error', service: 'lambda', asyncEvent: job.key, error: String((e as Error)?.stack ?? e) });
    } finally {
      this.runner.release(ctx, target);
    }
    if (!result) return { then: 'retry', delayMs: backoffMs(job.attempt), countAttempt: false };
    if (result.outcome === 'success') return this.finish(job, target, eventConfig, 'Success', result);
    if (job.attempt + 1 > maxRetries) return this.finish(job, target, eventConfig, 'RetriesExhausted', result);
    return { then: 'retry', delayMs: ASYNC_RETRY_DELAYS_MS[Math.min(job.attempt, ASYNC_RETRY_DELAYS_MS.length - 1)]! };
  }

  /** The event's end: its records to the destinations configured for how it ended, enqueued with the job's completion. */
  private finish(job: Job<AsyncInvocation>, target: Target, config: Partial<EventConfigDoc>, condition: 'Success' | 'RetriesExhausted' | 'EventAgeExceeded', result: PoolResult | undefined): JobOutcome | void {
    const success = condition === 'Success';
    const destination = (success ? config.DestinationConfig?.OnSuccess : config.DestinationConfig?.OnFailure)?.Destination;
    const dlq = success ? undefined : target.config.DeadLetterConfig?.TargetArn;
    if (!destination && !dlq) return;
    const { requestId, event } = job.payload;
    const functionArn = `${target.invokedArn.split(':').slice(0, 7).join(':')}:${target.version}`;
    const enqueue: { kind: string; account: string; region: string; payload: DestinationJob }[] = [];
    const spec = (arn: string, delivery: Delivery) => ({ kind: DESTINATION_KIND, account: job.account, region: job.region, payload: { arn, delivery } });
    if (destination) {
      const record: Record<string, unknown> = {
        version: '1.0',
        timestamp: new Date(this.core.clock.now()).toISOString(),
        requestContext: { requestId, functionArn, condition, approximateInvokeCount: result ? job.attempt + 1 : job.attempt },
        requestPayload: parsedOrText(Buffer.from(event, 'base64')),
      };
      if (result) {
        record.responseContext = { statusCode: 200, executedVersion: target.version, ...(success ? {} : { functionError: 'Unhandled' }) };
        record.responsePayload = parsedOrText(result.payload);
      }
      const detailType = `Lambda Function Invocation Result - ${success ? 'Success' : 'Failure'}`;
      enqueue.push(spec(destination, { body: JSON.stringify(record), detailType, functionArn }));
    }
    if (dlq) {
      const error = result ? parsedOrText(result.payload) : undefined;
      const message = typeof error === 'object' && error !== null && typeof (error as { errorMessage?: unknown }).errorMessage === 'string' ? (error as { errorMessage: string }).errorMessage : 'Event age exceeded';
      const body = Buffer.from(event, 'base64').toString('utf8') || '{}';
      enqueue.push(spec(dlq, { body, attributes: { RequestID: requestId, ErrorCode: '200', ErrorMessage: message.slice(0, 1024) } }));
    }
    return { then: 'done', enqueue };
  }
}

/** A payload as JSON when it is JSON, else as text. */
function parsedOrText(payload: Buffer): unknown {
  const text = payload.toString('utf8');
  try {
    return text === '' ? null : JSON.parse(text);
  } catch {
    return text;
  }
}
