/**
 * AWS schedule expressions, as EventBridge Scheduler takes them (EventBridge rules take rate and
 * cron only, in UTC): `at(yyyy-mm-ddThh:mm:ss)`, `rate(N minute|minutes|hour|hours|day|days)`
 * (singular for 1, plural otherwise) and `cron(...)` (cron.ts), and when they fire next.
 *
 * Validation errors carry AWS's wording: Scheduler answers `ValidationException` "Invalid Schedule
 * Expression <expression>." (the message of ScheduleExpressionError); EventBridge PutRule answers
 * "Parameter ScheduleExpression is not valid." for any invalid expression.
 */
import { nextCronTime, parseCron, type Cron } from './cron.js';
import { daysInMonth, fromLocal, isTimeZone, type LocalTime } from './zone.js';

export { isTimeZone };

export type ScheduleExpression =
  | { readonly type: 'at'; readonly time: LocalTime }
  | { readonly type: 'rate'; readonly value: number; readonly unit: RateUnit; readonly periodMs: number }
  | { readonly type: 'cron'; readonly cron: Cron };

export type RateUnit = 'minute' | 'hour' | 'day';

const UNIT_MS: Record<RateUnit, number> = { minute: 60_000, hour: 3_600_000, day: 86_400_000 };

/** EventBridge PutRule's message for an invalid ScheduleExpression. */
export const EVENTS_INVALID_SCHEDULE_MESSAGE = 'Parameter ScheduleExpression is not valid.';

/** An expression AWS rejects; the message is EventBridge Scheduler's. */
export class ScheduleExpressionError extends Error {
  constructor(readonly expression: string) {
    super(`Invalid Schedule Expression ${expression}.`);
    this.name = 'ScheduleExpressionError';
  }
}

/** Parses an expression exactly as written (AWS accepts no surrounding spaces); `allowAt: false` for EventBridge rules. */
export function parseScheduleExpression(text: string, options: { allowAt?: boolean } = {}): ScheduleExpression {
  const parsed = parse(text, options.allowAt ?? true);
  if (!parsed) throw new ScheduleExpressionError(text);
  return parsed;
}

function parse(text: string, allowAt: boolean): ScheduleExpression | undefined {
  const call = /^(at|rate|cron)\((.*)\)$/.exec(text);
  if (!call) return undefined;
  const body = call[2]!;
  switch (call[1]) {
    case 'at':
      return allowAt ? parseAt(body) : undefined;
    case 'rate':
      return parseRate(body);
    default: {
      const cron = parseCron(body);
      return cron && { type: 'cron', cron };
    }
  }
}

function parseAt(body: string): ScheduleExpression | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})$/.exec(body);
  if (!m) return undefined;
  const [year, month, day, hour, minute, second] = m.slice(1).map(Number) as [number, number, number, number, number, number];
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month) || hour > 23 || minute > 59 || second > 59) return undefined;
  return { type: 'at', time: { year, month, day, hour, minute, second } };
}

function parseRate(body: string): ScheduleExpression | undefined {
  const m = /^(\d+) (minute|hour|day)(s?)$/.exec(body);
  if (!m) return undefined;
  const value = Number(m[1]);
  const unit = m[2] as RateUnit;
  if (value < 1 || (value === 1) !== (m[3] === '')) return undefined;
  return { type: 'rate', value, unit, periodMs: value * UNIT_MS[unit] };
}

export interface FireOptions {
  /** IANA name the expression is read in (Scheduler's ScheduleExpressionTimezone). Default UTC. */
  readonly timeZone?: string;
  /** A rate schedule's first fire (its StartDate, or when it was created); later fires follow every period after it. */
  readonly anchorMs?: number;
}

/**
 * The first fire at or after `fromMs`, or undefined if there is none (a past `at`, a cron whose
 * years are over). Rates count fixed periods (a day is 24 hours across daylight saving changes);
 * an `at` in a local time the clocks skip fires at the same offset from the change.
 */
export function nextFire(expression: ScheduleExpression, fromMs: number, options: FireOptions = {}): number | undefined {
  const timeZone = options.timeZone ?? 'UTC';
  switch (expression.type) {
    case 'at': {
      const t = expression.time;
      const at = fromLocal(t, timeZone) ?? fromLocal({ ...t, hour: t.hour + 1 }, timeZone);
      return at !== undefined && at >= fromMs ? at : undefined;
    }
    case 'rate': {
      const anchor = options.anchorMs ?? fromMs;
      if (anchor >= fromMs) return anchor;
      return anchor + Math.ceil((fromMs - anchor) / expression.periodMs) * expression.periodMs;
    }
    case 'cron':
      return nextCronTime(expression.cron, fromMs, timeZone);
  }
}
