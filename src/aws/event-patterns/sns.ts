import { compileEventPattern, type CompiledPattern } from './compile.js';
import { JsonNumber, PatternSyntaxError, locate, parseJson } from './json-tokens.js';
import { matchesEventPattern } from './match.js';
import { EventPatternError } from './reader.js';

/**
 * SNS subscription filter policies (Amazon SNS developer guide: "Subscription filter policies",
 * "Filter policy constraints"). A policy is an event pattern in SNS's dialect, checked against either
 * the message attributes (the default scope) or the JSON message body. SNS reads the policy into a JSON
 * tree first and compiles the tree written back compactly, which is the text its messages quote.
 */
export type FilterPolicyScope = 'MessageAttributes' | 'MessageBody';

/** A message attribute as Publish receives it. */
export interface SnsMessageAttribute {
  readonly DataType: string;
  readonly StringValue?: string;
  readonly BinaryValue?: unknown;
}

export const MAX_FILTER_POLICY_KEYS = 5;
export const MAX_FILTER_POLICY_COMBINATIONS = 150;

/** An InvalidParameter refusal; its words depend on the call that carried the policy. */
export class FilterPolicyError extends Error {
  constructor(readonly detail: string) {
    super(detail);
  }

  /** "Invalid parameter: ..." as Subscribe (attributes map) or SetSubscriptionAttributes words it. */
  awsMessage(via: 'Subscribe' | 'SetSubscriptionAttributes'): string {
    return `Invalid parameter: ${via === 'Subscribe' ? 'Attributes Reason: ' : ''}${this.detail}`;
  }
}

/** Checks a FilterPolicyScope attribute value. */
export function filterPolicyScope(value: string): FilterPolicyScope {
  if (value === 'MessageAttributes' || value === 'MessageBody') return value;
  throw new FilterPolicyError(`FilterPolicyScope: Invalid value [${value}]. Please use either MessageBody or MessageAttributes`);
}

/** Compiles a FilterPolicy attribute value; throws FilterPolicyError with SNS's reason. */
export function compileFilterPolicy(text: string, scope: FilterPolicyScope = 'MessageAttributes'): CompiledPattern {
  let tree: unknown;
  try {
    tree = parseJson(text, 'ignore');
  } catch (e) {
    if (!(e instanceof PatternSyntaxError)) throw e;
    const { line, column } = locate(text, e.offset);
    throw new FilterPolicyError(`FilterPolicy: failed to parse JSON. ${e.reason}\n at [Source: REDACTED (\`StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION\` disabled); line: ${line}, column: ${column}]`);
  }
  let compiled: CompiledPattern;
  try {
    compiled = compileEventPattern(compactJson(tree), { dialect: 'sns' });
  } catch (e) {
    if (e instanceof EventPatternError) throw new FilterPolicyError(`FilterPolicy: ${e.detail()}`);
    throw e;
  }
  if (scope === 'MessageAttributes' && nested(tree)) throw new FilterPolicyError('Filter policy scope MessageAttributes does not support nested filter policy');
  const rules = expand(tree as Record<string, unknown>, []);
  if (rules.some((rule) => new Set(rule.map((f) => f.path[0])).size > MAX_FILTER_POLICY_KEYS)) {
    throw new FilterPolicyError(`FilterPolicy: Filter policy can not have more than ${MAX_FILTER_POLICY_KEYS} keys`);
  }
  // Each sub-rule counts the product, over its fields, of the field's depth times its number of values.
  const combinations = rules.reduce((sum, rule) => sum + rule.reduce((product, f) => product * f.path.length * f.values, 1), 0);
  if (combinations > MAX_FILTER_POLICY_COMBINATIONS) throw new FilterPolicyError('FilterPolicy: Filter policy is too complex');
  return compiled;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v) && !(v instanceof JsonNumber);
}

function nested(policy: unknown): boolean {
  if (!isObject(policy)) return false;
  return Object.entries(policy).some(([name, v]) => (name === '$or' && Array.isArray(v) ? v.some(nested) : isObject(v)));
}

/** The policy's sub-rules (as `$or` multiplies them), each a list of fields with their path and number of values. */
function expand(policy: Record<string, unknown>, path: readonly string[]): { path: string[]; values: number }[][] {
  let rules: { path: string[]; values: number }[][] = [[]];
  for (const [name, v] of Object.entries(policy)) {
    let branches: { path: string[]; values: number }[][];
    if (name === '$or' && Array.isArray(v)) branches = v.filter(isObject).flatMap((alt) => expand(alt, path));
    else if (isObject(v)) branches = expand(v, [...path, name]);
    else branches = [[{ path: [...path, name], values: Array.isArray(v) ? v.length : 1 }]];
    rules = rules.flatMap((rule) => branches.map((b) => [...rule, ...b]));
  }
  return rules;
}

/** The tree written back as Jackson writes it: compact, floats as Java's Double.toString. */
function compactJson(v: unknown): string {
  if (v instanceof JsonNumber) return javaNumber(v.text);
  if (typeof v === 'string') return javaString(v);
  if (Array.isArray(v)) return `[${v.map(compactJson).join(',')}]`;
  if (isObject(v)) return `{${Object.entries(v).map(([k, x]) => `${javaString(k)}:${compactJson(x)}`).join(',')}}`;
  return String(v);
}

function javaString(s: string): string {
  const short: Record<string, string> = { '"': '\\"', '\\': '\\\\', '\b': '\\b', '\t': '\\t', '\n': '\\n', '\f': '\\f', '\r': '\\r' };
  // eslint-disable-next-line no-control-regex
  return `"${s.replace(/["\\\u0000-\u001f]/g, (c) => short[c] ?? `\\u${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`)}"`;
}

function javaNumber(text: string): string {
  if (!/[.eE]/.test(text)) return BigInt(text).toString();
  const d = Number(text);
  if (!Number.isFinite(d)) return d > 0 ? 'Infinity' : '-Infinity';
  if (d === 0) return Object.is(d, -0) ? '-0.0' : '0.0';
  const [mantissa, exp] = d.toExponential().split('e') as [string, string];
  const e = Number(exp);
  const digits = mantissa.replace('-', '').replace('.', '');
  const sign = d < 0 ? '-' : '';
  if (Math.abs(d) >= 1e-3 && Math.abs(d) < 1e7) {
    const whole = e >= 0 ? digits.slice(0, e + 1).padEnd(e + 1, '0') : '0';
    const fraction = e >= 0 ? digits.slice(e + 1) : '0'.repeat(-e - 1) + digits;
    return `${sign}${whole}.${fraction || '0'}`;
  }
  return `${sign}${digits[0]}.${digits.slice(1) || '0'}E${e}`;
}

/**
 * The event a policy sees. MessageAttributes: String (with `"` and `\` escaped, which is why SNS asks
 * policies to escape them twice), String.Array (its JSON array's values), Number (its text); Binary
 * attributes are ignored. MessageBody: the body's JSON object, or nothing to match when it is not one.
 */
export function filterPolicyEvent(scope: FilterPolicyScope, message: { readonly body?: string; readonly attributes?: Readonly<Record<string, SnsMessageAttribute>> }): unknown {
  if (scope === 'MessageBody') {
    try {
      const body = parseJson(message.body ?? '');
      return isObject(body) ? body : undefined;
    } catch {
      return undefined;
    }
  }
  const event: Record<string, unknown> = {};
  for (const [name, a] of Object.entries(message.attributes ?? {})) {
    if (a.StringValue === undefined || a.DataType.startsWith('Binary')) continue;
    if (a.DataType === 'String.Array') {
      try {
        const values = parseJson(a.StringValue);
        if (Array.isArray(values)) event[name] = values;
      } catch {
        // Publish refuses such a value; nothing to compare.
      }
    } else if (a.DataType.startsWith('Number')) event[name] = new JsonNumber(a.StringValue);
    else event[name] = a.StringValue.replace(/["\\]/g, '\\$&');
  }
  return event;
}

export function matchesFilterPolicy(policy: CompiledPattern, scope: FilterPolicyScope, message: Parameters<typeof filterPolicyEvent>[1]): boolean {
  const event = filterPolicyEvent(scope, message);
  return event !== undefined && matchesEventPattern(policy, event);
}
