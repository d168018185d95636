/** Choice rules in JSONPath mode: every comparison operator, And/Or/Not. */
import { evaluatePath, type PathRoots } from './jsonpath.js';
import { StatesError } from './errors.js';

export const COMPARISON_OPERATORS = [
  'BooleanEquals',
  'IsBoolean',
  'IsNull',
  'IsNumeric',
  'IsPresent',
  'IsString',
  'IsTimestamp',
  'NumericEquals',
  'NumericGreaterThan',
  'NumericGreaterThanEquals',
  'NumericLessThan',
  'NumericLessThanEquals',
  'StringEquals',
  'StringGreaterThan',
  'StringGreaterThanEquals',
  'StringLessThan',
  'StringLessThanEquals',
  'StringMatches',
  'TimestampEquals',
  'TimestampGreaterThan',
  'TimestampGreaterThanEquals',
  'TimestampLessThan',
  'TimestampLessThanEquals',
] as const;

const WITH_PATH = new Set([
  'BooleanEquals',
  'NumericEquals',
  'NumericGreaterThan',
  'NumericGreaterThanEquals',
  'NumericLessThan',
  'NumericLessThanEquals',
  'StringEquals',
  'StringGreaterThan',
  'StringGreaterThanEquals',
  'StringLessThan',
  'StringLessThanEquals',
  'TimestampEquals',
  'TimestampGreaterThan',
  'TimestampGreaterThanEquals',
  'TimestampLessThan',
  'TimestampLessThanEquals',
]);

export function isOperatorKey(k: string): boolean {
  if ((COMPARISON_OPERATORS as readonly string[]).includes(k)) return true;
  return k.endsWith('Path') && WITH_PATH.has(k.slice(0, -4));
}

const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

/** Parses an ISO-8601 extended offset date-time (as AWS requires: with a T and a zone); NaN if invalid. */
export function parseTimestamp(v: unknown): number {
  if (typeof v !== 'string') return NaN;
  const m = RFC3339.exec(v);
  if (!m) return NaN;
  const [, y, mo, d, h, mi, s] = m;
  if (Number(mo) < 1 || Number(mo) > 12 || Number(d) < 1 || Number(d) > 31 || Number(h) > 23 || Number(mi) > 59 || Number(s) > 60)
    return NaN;
  void y;
  const t = Date.parse(v);
  return t;
}

function matchesPattern(value: string, pattern: string): boolean {
  let re = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === '\\' && i + 1 < pattern.length) {
      re += pattern[i + 1]!.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
      i++;
    } else if (c === '*') re += '.*';
    else re += c.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  }
  return new RegExp(`^${re}$`, 's').test(value);
}

export function evaluateRule(rule: Record<string, any>, roots: PathRoots): boolean {
  if (Array.isArray(rule.And)) return rule.And.every((r: Record<string, any>) => evaluateRule(r, roots));
  if (Array.isArray(rule.Or)) return rule.Or.some((r: Record<string, any>) => evaluateRule(r, roots));
  if (rule.Not && typeof rule.Not === 'object') return !evaluateRule(rule.Not, roots);
  const variable = rule.Variable as string;
  const op = Object.keys(rule).find((k) => isOperatorKey(k));
  if (!op) throw new StatesError('States.Runtime', 'Choice rule has no comparison operator');
  const r = evaluatePath(variable, roots);
  if (op === 'IsPresent') return r.found === Boolean(rule.IsPresent);
  if (!r.found)
    throw new StatesError('States.Runtime', `Invalid path '${variable}': The choice state's condition path references an invalid value.`);
  const v = r.value;
  let expected: unknown = rule[op];
  let base = op;
  if (op.endsWith('Path') && WITH_PATH.has(op.slice(0, -4))) {
    base = op.slice(0, -4);
    const e = evaluatePath(String(expected), roots);
    if (!e.found)
      throw new StatesError('States.Runtime', `Invalid path '${String(expected)}': The choice state's condition path references an invalid value.`);
    expected = e.value;
  }
  switch (base) {
    case 'IsNull':
      return (v === null) === Boolean(expected);
    case 'IsBoolean':
      return (typeof v === 'boolean') === Boolean(expected);
    case 'IsNumeric':
      return (typeof v === 'number') === Boolean(expected);
    case 'IsString':
      return (typeof v === 'string') === Boolean(expected);
    case 'IsTimestamp':
      return !Number.isNaN(parseTimestamp(v)) === Boolean(expected);
    case 'BooleanEquals':
      return typeof v === 'boolean' && v === expected;
    case 'NumericEquals':
      return typeof v === 'number' && typeof expected === 'number' && v === expected;
    case 'NumericGreaterThan':
      return typeof v === 'number' && typeof expected === 'number' && v > expected;
    case 'NumericGreaterThanEquals':
      return typeof v === 'number' && typeof expected === 'number' && v >= expected;
    case 'NumericLessThan':
      return typeof v === 'number' && typeof expected === 'number' && v < expected;
    case 'NumericLessThanEquals':
      return typeof v === 'number' && typeof expected === 'number' && v <= expected;
    case 'StringEquals':
      return typeof v === 'string' && typeof expected === 'string' && v === expected;
    case 'StringGreaterThan':
      return typeof v === 'string' && typeof expected === 'string' && v > expected;
    case 'StringGreaterThanEquals':
      return typeof v === 'string' && typeof expected === 'string' && v >= expected;
    case 'StringLessThan':
      return typeof v === 'string' && typeof expected === 'string' && v < expected;
    case 'StringLessThanEquals':
      return typeof v === 'string' && typeof expected === 'string' && v <= expected;
    case 'StringMatches':
      return typeof v === 'string' && typeof expected === 'string' && matchesPattern(v, expected);
    default: {
      const a = parseTimestamp(v);
      const b = parseTimestamp(expected);
      if (Number.isNaN(a) || Number.isNaN(b)) return false;
      switch (base) {
        case 'TimestampEquals':
          return a === b;
        case 'TimestampGreaterThan':
          return a > b;
        case 'TimestampGreaterThanEquals':
          return a >= b;
        case 'TimestampLessThan':
          return a < b;
        case 'TimestampLessThanEquals':
          return a <= b;
      }
      return false;
    }
  }
}
