/**
 * AWS cron expressions (EventBridge rules and Scheduler): six fields, `minutes hours day-of-month
 * month day-of-week year`, with `,` lists, `-` ranges (wrapping, e.g. FRI-MON), `/` increments,
 * `*`, names JAN-DEC and SUN-SAT (day-of-week 1-7 = SUN-SAT), `?` in exactly one of the two day
 * fields, `L` (last day of the month; alone in day-of-week, Saturday; `5L` the last Thursday), `W`
 * (`15W` the weekday nearest the 15th, `LW` the last weekday) and `#` (`3#2` the second Tuesday).
 */
import { daysInMonth, fromLocal, localTime, weekday } from './zone.js';

interface DayOfMonth {
  readonly days: ReadonlySet<number>;
  readonly last: boolean;
  readonly lastWeekday: boolean;
  readonly nearestWeekday: readonly number[];
}

interface DayOfWeek {
  readonly days: ReadonlySet<number>;
  /** `nL`: the last such weekday of the month. */
  readonly lastOf: readonly number[];
  /** `n#k`: the k-th such weekday of the month. */
  readonly nth: readonly { readonly day: number; readonly k: number }[];
}

export interface Cron {
  readonly minutes: readonly number[];
  readonly hours: readonly number[];
  /** Exactly one of the two day fields is set; the other was `?`. */
  readonly dayOfMonth: DayOfMonth | undefined;
  readonly months: readonly number[];
  readonly dayOfWeek: DayOfWeek | undefined;
  readonly years: readonly number[];
}

interface Range {
  readonly min: number;
  readonly max: number;
  readonly names?: readonly string[];
  /** Whether `/` increments are allowed (AWS lists none for day-of-week). */
  readonly steps: boolean;
}

const MONTHS = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];
const WEEKDAYS = ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'];
const MINUTE: Range = { min: 0, max: 59, steps: true };
const HOUR: Range = { min: 0, max: 23, steps: true };
const DAY: Range = { min: 1, max: 31, steps: true };
const MONTH: Range = { min: 1, max: 12, names: MONTHS, steps: true };
const WEEKDAY: Range = { min: 1, max: 7, names: WEEKDAYS, steps: false };
const YEAR: Range = { min: 1970, max: 2199, steps: true };

/** Parses the inside of `cron(...)`; undefined when AWS would reject it. */
export function parseCron(body: string): Cron | undefined {
  const fields = body.split(/ +/);
  if (fields.length !== 6) return undefined;
  const [min, hour, dom, month, dow, year] = fields.map((f) => f.toUpperCase()) as [string, string, string, string, string, string];
  if ((dom === '?') === (dow === '?')) return undefined;
  const minutes = parseList(min, MINUTE);
  const hours = parseList(hour, HOUR);
  const months = parseList(month, MONTH);
  const years = parseList(year, YEAR);
  const dayOfMonth = dom === '?' ? undefined : parseDayOfMonth(dom);
  const dayOfWeek = dow === '?' ? undefined : parseDayOfWeek(dow);
  if (!minutes || !hours || !months || !years || (dom !== '?' && !dayOfMonth) || (dow !== '?' && !dayOfWeek)) return undefined;
  return { minutes, hours, dayOfMonth, months, dayOfWeek, years };
}

function parseValue(text: string, range: Range): number | undefined {
  const named = range.names?.indexOf(text) ?? -1;
  const n = named >= 0 ? named + range.min : /^\d+$/.test(text) ? Number(text) : NaN;
  return n >= range.min && n <= range.max ? n : undefined;
}

/** A comma-separated list of `*`, `v`, `a-b`, each optionally `/step`: the sorted values it selects. */
function parseList(text: string, range: Range): number[] | undefined {
  const values = new Set<number>();
  for (const item of text.split(',')) {
    const selected = parseItem(item, range);
    if (!selected) return undefined;
    for (const v of selected) values.add(v);
  }
  return [...values].sort((a, b) => a - b);
}

function parseItem(item: string, range: Range): number[] | undefined {
  const slash = item.indexOf('/');
  const base = slash < 0 ? item : item.slice(0, slash);
  let step = 1;
  if (slash >= 0) {
    if (!range.steps || !/^\d+$/.test(item.slice(slash + 1))) return undefined;
    step = Number(item.slice(slash + 1));
    if (step < 1 || step > range.max - range.min + 1) return undefined;
  }
  let from: number | undefined;
  let to: number | undefined;
  if (base === '*') [from, to] = [range.min, range.max];
  else {
    const dash = base.indexOf('-');
    from = parseValue(dash < 0 ? base : base.slice(0, dash), range);
    // `v/step` runs from v to the end of the field.
    to = dash >= 0 ? parseValue(base.slice(dash + 1), range) : slash >= 0 ? range.max : from;
  }
  if (from === undefined || to === undefined) return undefined;
  const span = to >= from ? to - from : to - from + range.max - range.min + 1; // a range may wrap
  const values: number[] = [];
  for (let i = 0; i <= span; i += step) values.push(((from - range.min + i) % (range.max - range.min + 1)) + range.min);
  return values;
}

function parseDayOfMonth(text: string): DayOfMonth | undefined {
  const days: number[] = [];
  const nearestWeekday: number[] = [];
  let last = false;
  let lastWeekday = false;
  for (const item of text.split(',')) {
    if (item === 'L') last = true;
    else if (item === 'LW') lastWeekday = true;
    else if (item.endsWith('W')) {
      const day = parseValue(item.slice(0, -1), DAY);
      if (day === undefined) return undefined;
      nearestWeekday.push(day);
    } else {
      const values = parseItem(item, DAY);
      if (!values) return undefined;
      days.push(...values);
    }
  }
  return { days: new Set(days), last, lastWeekday, nearestWeekday };
}

function parseDayOfWeek(text: string): DayOfWeek | undefined {
  const hash = /^(\w+)#([1-5])$/.exec(text);
  if (hash) {
    const day = parseValue(hash[1]!, WEEKDAY);
    return day === undefined ? undefined : { days: new Set(), lastOf: [], nth: [{ day, k: Number(hash[2]) }] };
  }
  const days: number[] = [];
  const lastOf: number[] = [];
  for (const item of text.split(',')) {
    if (item === 'L') days.push(7);
    else if (item.length > 1 && item.endsWith('L')) {
      const day = parseValue(item.slice(0, -1), WEEKDAY);
      if (day === undefined) return undefined;
      lastOf.push(day);
    } else {
      const values = parseItem(item, WEEKDAY);
      if (!values) return undefined;
      days.push(...values);
    }
  }
  return { days: new Set(days), lastOf, nth: [] };
}

/** The days of a month the expression selects, in order. */
function daysOf(cron: Cron, year: number, month: number): number[] {
  const length = daysInMonth(year, month);
  const selected: number[] = [];
  for (let day = 1; day <= length; day++) if (selects(cron, year, month, day, length)) selected.push(day);
  return selected;
}

function selects(cron: Cron, year: number, month: number, day: number, length: number): boolean {
  const dom = cron.dayOfMonth;
  const wd = weekday(year, month, day);
  if (dom) {
    if (dom.days.has(day) || (dom.last && day === length)) return true;
    if (dom.lastWeekday && day === nearestWeekdayTo(year, month, length, length)) return true;
    return dom.nearestWeekday.some((n) => n <= length && day === nearestWeekdayTo(year, month, n, length));
  }
  const dow = cron.dayOfWeek!;
  if (dow.days.has(wd)) return true;
  if (dow.lastOf.includes(wd) && day + 7 > length) return true;
  return dow.nth.some((n) => n.day === wd && Math.ceil(day / 7) === n.k);
}

/** The weekday nearest to day `n`, within the month (the 1st on a Saturday moves to Monday the 3rd). */
function nearestWeekdayTo(year: number, month: number, n: number, length: number): number {
  const wd = weekday(year, month, n);
  if (wd === 7) return n === 1 ? 3 : n - 1;
  if (wd === 1) return n === length ? n - 2 : n + 1;
  return n;
}

/**
 * The first time the expression selects at or after `fromMs`, evaluated in `timeZone`; undefined if
 * there is none before 2200. A local time the clocks skip (daylight saving time starts) is skipped;
 * one they show twice fires once, at its first occurrence.
 */
export function nextCronTime(cron: Cron, fromMs: number, timeZone: string): number | undefined {
  const start = localTime(Math.ceil(fromMs / 60_000) * 60_000, timeZone);
  for (const year of cron.years) {
    if (year < start.year) continue;
    const sameYear = year === start.year;
    for (const month of cron.months) {
      if (sameYear && month < start.month) continue;
      const sameMonth = sameYear && month === start.month;
      for (const day of daysOf(cron, year, month)) {
        if (sameMonth && day < start.day) continue;
        const sameDay = sameMonth && day === start.day;
        for (const hour of cron.hours) {
          if (sameDay && hour < start.hour) continue;
          const sameHour = sameDay && hour === start.hour;
          for (const minute of cron.minutes) {
            if (sameHour && minute < start.minute) continue;
            const at = fromLocal({ year, month, day, hour, minute, second: 0 }, timeZone);
            if (at !== undefined && at >= fromMs) return at;
          }
        }
      }
    }
  }
  return undefined;
}
