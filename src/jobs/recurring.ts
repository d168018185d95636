/**
 * Durable recurring schedules on the job queue (Scheduler schedules, EventBridge scheduled rules,
 * retention sweeps). A schedule is one job of kind `stratus.schedule`, due at its next fire. When it
 * fires, one transaction enqueues the fire's own job (of the schedule's kind, keyed
 * `<schedule key>@<fire time>`, so a fire is enqueued once even if the schedule job runs twice) and
 * moves the schedule job to the fire after. Fires missed while the server was down, or skipped
 * over by one clock advance, fire once, then the schedule resumes at its next time after now.
 */
import type { Jobs } from './index.js';
import type { Job, JobSpec } from './queue.js';
import type { JobOutcome } from './runner.js';
import { isTimeZone, nextFire, parseScheduleExpression, type ScheduleExpression } from './schedule.js';

export const SCHEDULE_KIND = 'stratus.schedule';

export interface ScheduleSpec<P = unknown> {
  /** The kind of job each fire enqueues; its service handles that kind with `jobs.handle`. */
  readonly kind: string;
  /** Names the schedule within its kind. */
  readonly key: string;
  readonly account?: string;
  readonly region?: string;
  /** at(...), rate(...) or cron(...); an invalid one throws ScheduleExpressionError. */
  readonly expression: string;
  /** IANA time zone the expression is read in. Default UTC. */
  readonly timeZone?: string;
  /** No fire before `startMs` (a rate schedule's first fire is at it) or after `endMs`. */
  readonly startMs?: number;
  readonly endMs?: number;
  /** The payload of every fire's job. */
  readonly payload?: P;
}

interface StoredSchedule {
  readonly kind: string;
  readonly key: string;
  readonly expression: string;
  readonly timeZone: string;
  readonly anchorMs: number;
  readonly endMs: number | null;
  readonly payload: unknown;
}

export class Schedules {
  constructor(private readonly jobs: Jobs) {}

  /** The handler of the schedule jobs themselves (registered once by Jobs). */
  readonly fire = async (job: Job<StoredSchedule>): Promise<JobOutcome> => {
    const s = job.payload;
    const expression = parseScheduleExpression(s.expression);
    const fired: JobSpec = { kind: s.kind, key: `${s.key}@${new Date(job.dueAt).toISOString()}`, account: job.account, region: job.region, dueAt: job.dueAt, payload: s.payload };
    const next = this.after(expression, s, Math.max(job.dueAt + 1, this.jobs.clock.now()));
    return next === undefined ? { then: 'done', enqueue: [fired] } : { then: 'reschedule', dueAt: next, enqueue: [fired] };
  };

  /** Creates or replaces a schedule (the service validates the time zone name with isTimeZone first). Returns its first fire time, or undefined if it never fires (it is then removed). */
  async put<P>(spec: ScheduleSpec<P>): Promise<number | undefined> {
    const expression = parseScheduleExpression(spec.expression);
    if (spec.timeZone !== undefined && !isTimeZone(spec.timeZone)) throw new RangeError(`unknown time zone ${spec.timeZone}`);
    const now = this.jobs.clock.now();
    const stored: StoredSchedule = {
      kind: spec.kind,
      key: spec.key,
      expression: spec.expression,
      timeZone: spec.timeZone ?? 'UTC',
      anchorMs: spec.startMs ?? now,
      endMs: spec.endMs ?? null,
      payload: spec.payload ?? null,
    };
    // A one-time schedule fires at its time, at once if that has passed.
    const first = this.after(expression, stored, expression.type === 'at' ? -Infinity : Math.max(now, stored.anchorMs));
    if (first === undefined) {
      await this.delete(spec.kind, spec.key);
      return undefined;
    }
    await this.jobs.enqueue({ kind: SCHEDULE_KIND, key: scheduleKey(spec.kind, spec.key), account: spec.account, region: spec.region, dueAt: first, payload: stored });
    return first;
  }

  /** Removes a schedule (fires already enqueued still run). */
  delete(kind: string, key: string): Promise<boolean> {
    return this.jobs.cancel(SCHEDULE_KIND, scheduleKey(kind, key));
  }

  private after(expression: ScheduleExpression, s: StoredSchedule, fromMs: number): number | undefined {
    const next = nextFire(expression, fromMs, { timeZone: s.timeZone, anchorMs: s.anchorMs });
    return next === undefined || (s.endMs !== null && next > s.endMs) ? undefined : next;
  }
}

function scheduleKey(kind: string, key: string): string {
  return `${kind}/${key}`;
}
