/**
 * Wall-clock time in an IANA time zone (EventBridge Scheduler's ScheduleExpressionTimezone), from
 * the time zone data of Node's Intl: an instant's local fields, and the instant of local fields.
 */

/** Local calendar fields; month 1-12. */
export interface LocalTime {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
}

const DAY_MS = 86_400_000;
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** Whether `name` is a time zone name (region/city, or UTC); offsets such as "+02:00" are not names. */
export function isTimeZone(name: string): boolean {
  if (!/^[A-Za-z][A-Za-z0-9_+\-/]*$/.test(name)) return false;
  try {
    formatter(name);
    return true;
  } catch {
    return false;
  }
}

/** The local fields of instant `ms` in `timeZone`. */
export function localTime(ms: number, timeZone: string): LocalTime {
  if (timeZone === 'UTC') {
    const d = new Date(ms);
    return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), hour: d.getUTCHours(), minute: d.getUTCMinutes(), second: d.getUTCSeconds() };
  }
  const fields: Record<string, number> = {};
  for (const part of formatter(timeZone).formatToParts(ms)) if (part.type !== 'literal') fields[part.type] = Number(part.value);
  return { year: fields.year!, month: fields.month!, day: fields.day!, hour: fields.hour!, minute: fields.minute!, second: fields.second! };
}

/** The local fields read as if they were UTC: instant + the zone's offset at that instant. */
function asUtc(t: LocalTime): number {
  return Date.UTC(t.year, t.month - 1, t.day, t.hour, t.minute, t.second);
}

function offsetAt(ms: number, timeZone: string): number {
  const whole = Math.floor(ms / 1000) * 1000;
  return asUtc(localTime(whole, timeZone)) - whole;
}

/**
 * The instant at which the clocks of `timeZone` show `t`: the earlier one when they show it twice
 * (the hour repeated when daylight saving time ends), undefined when they skip it (the hour lost
 * when it starts).
 */
export function fromLocal(t: LocalTime, timeZone: string): number | undefined {
  const local = asUtc(t);
  if (timeZone === 'UTC') return local;
  // The offsets in force a day before and a day after cover any single transition in between.
  const candidates = [local - offsetAt(local - DAY_MS, timeZone), local - offsetAt(local + DAY_MS, timeZone)].sort((a, b) => a - b);
  return candidates.find((ms) => ms + offsetAt(ms, timeZone) === local);
}

/** Day of the week of a calendar date as AWS cron numbers it: 1 = Sunday ... 7 = Saturday. */
export function weekday(year: number, month: number, day: number): number {
  return new Date(Date.UTC(year, month - 1, day)).getUTCDay() + 1;
}

/** How many days the month has. */
export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}
