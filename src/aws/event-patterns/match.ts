import type { Matcher, PatternNode } from './compile.js';
import { inRange } from './ip.js';

/**
 * Whether a JSON event matches a compiled pattern. Arrays in the event are "crushed": a field matches
 * when any of its array's elements does, and the fields of one sub-pattern must all match within one
 * element of an array of objects (AWS's array-consistent matching). Leaf matchers see only leaves:
 * a field whose value is an object matches nothing but `{"exists": false}`.
 */
export function matchesEventPattern(pattern: PatternNode, event: unknown): boolean {
  return matchObject(pattern, event);
}

function matchObject(node: PatternNode, value: unknown): boolean {
  if (Array.isArray(value)) return value.some((v) => matchObject(node, v));
  const obj = value !== null && typeof value === 'object' ? (value as Record<string, unknown>) : undefined;
  for (const [name, sub] of node.fields) {
    const field = obj && Object.prototype.hasOwnProperty.call(obj, name) ? obj[name] : undefined;
    if (isMatcherList(sub)) {
      if (!matchLeaf(sub, obj !== undefined && Object.prototype.hasOwnProperty.call(obj, name), field)) return false;
    } else if (!matchObject(sub, field) && !onlyAbsence(sub, field)) return false;
  }
  return node.ors.every((alternatives) => alternatives.some((alt) => matchObject(alt, value)));
}

function isMatcherList(sub: PatternNode | readonly Matcher[]): sub is readonly Matcher[] {
  return Array.isArray(sub);
}

/** A sub-pattern made only of `exists: false` leaves matches where the whole object is missing. */
function onlyAbsence(node: PatternNode, value: unknown): boolean {
  if (value !== undefined && value !== null && typeof value === 'object') return false;
  if (node.ors.length > 0) return false;
  for (const sub of node.fields.values()) {
    if (isMatcherList(sub) ? !sub.some((m) => m.kind === 'exists' && !m.present) : !onlyAbsence(sub, undefined)) return false;
  }
  return true;
}

/** The leaves of a field's value: itself, or the elements of its (nested) arrays; objects are not leaves. */
function leaves(value: unknown, out: unknown[] = []): unknown[] {
  if (Array.isArray(value)) for (const v of value) leaves(v, out);
  else if (value === null || typeof value !== 'object') out.push(value);
  return out;
}

function matchLeaf(matchers: readonly Matcher[], present: boolean, value: unknown): boolean {
  const values = present ? leaves(value) : [];
  for (const m of matchers) {
    if (m.kind === 'exists') {
      if (m.present === values.length > 0) return true;
      continue;
    }
    for (const v of values) if (matchValue(m, v)) return true;
  }
  return false;
}

function matchValue(m: Matcher, v: unknown): boolean {
  switch (m.kind) {
    case 'exact':
      return v === m.value;
    case 'ip':
      return typeof v === 'string' && inRange(m.range, v);
    case 'prefix':
      return typeof v === 'string' && (m.ignoreCase ? v.toLowerCase().startsWith(m.value.toLowerCase()) : v.startsWith(m.value));
    case 'suffix':
      return typeof v === 'string' && (m.ignoreCase ? v.toLowerCase().endsWith(m.value.toLowerCase()) : v.endsWith(m.value));
    case 'equalsIgnoreCase':
      return typeof v === 'string' && v.toLowerCase() === m.value.toLowerCase();
    case 'wildcard':
      return typeof v === 'string' && m.regex.test(v);
    case 'numeric':
      if (typeof v !== 'number') return false;
      if (m.lower !== undefined && (m.lowerOpen ? v <= m.lower : v < m.lower)) return false;
      if (m.upper !== undefined && (m.upperOpen ? v >= m.upper : v > m.upper)) return false;
      return true;
    case 'anythingBut':
      // A value of another type than the excluded ones is "anything but" them; null and booleans never are.
      if (v === null || typeof v === 'boolean') return false;
      return !m.not.some((n) => matchValue(n, v));
    case 'exists':
      return false;
  }
}
