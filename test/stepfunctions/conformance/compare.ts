/**
 * Compares recorded AWS responses (snapshot form, see the corpus README) with Stratus responses:
 * applies the snapshot tool's normalisations (JSON strings parsed, timestamps/ARNs/UUIDs
 * replaced by placeholders, Parallel branch events sorted with id [0]).
 */

import { vintageHistory, vintageObject } from './vintage.js';

const WILDCARD_STRINGS = new Set(['timestamp', 'date', 'snf_role_arn', 'start-time', 'entered-time', '<uuid>', 'sfn_role_arn', 'datetime']);

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

const regexCache = new Map<string, RegExp>();

function placeholderRegex(expected: string): RegExp {
  let re = regexCache.get(expected);
  if (!re) {
    let src = '';
    const parts = expected.split(/(<[A-Za-z][^<>]*>|111111111111|snf_role_arn)/);
    for (const p of parts) {
      if (!p) continue;
      if (/^<[A-Za-z][^<>]*>$/.test(p)) src += '.+?';
      else if (p === '111111111111') src += '\\d{12}';
      else if (p === 'snf_role_arn') src += 'arn:[^"\\s]+';
      else src += escapeRe(p);
    }
    re = new RegExp(`^${src}$`, 's');
    regexCache.set(expected, re);
  }
  return re;
}

function tryParse(s: string): { ok: boolean; value: unknown } {
  try {
    return { ok: true, value: JSON.parse(s) };
  } catch {
    return { ok: false, value: undefined };
  }
}

/** Whether `actual` matches `expected` (recorded, normalised); returns a reason when not. */
export function match(expected: unknown, actual: unknown, path = ''): string | undefined {
  if (actual instanceof Date) actual = 'timestamp';
  if (typeof expected === 'string') {
    if (WILDCARD_STRINGS.has(expected) && actual !== undefined && actual !== null) return undefined;
    if (typeof actual === 'string') {
      if (actual === expected) return undefined;
      if (/<[A-Za-z][^<>]*>|111111111111|snf_role_arn/.test(expected) && placeholderRegex(expected).test(actual)) return undefined;
      const e = tryParse(expected);
      const a = tryParse(actual);
      if (e.ok && a.ok && (typeof e.value === 'object' || typeof a.value === 'object' || typeof e.value !== 'string')) {
        return match(e.value, a.value, path);
      }
      return `${path}: expected ${JSON.stringify(expected).slice(0, 300)}, got ${JSON.stringify(actual).slice(0, 300)}`;
    }
    const e = tryParse(expected);
    if (e.ok && actual !== undefined) return match(e.value, actual, path);
    return `${path}: expected ${JSON.stringify(expected).slice(0, 200)}, got ${JSON.stringify(actual)?.slice(0, 200)}`;
  }
  if (typeof actual === 'string' && expected !== null && typeof expected === 'object') {
    const a = tryParse(actual);
    if (a.ok) return match(expected, a.value, path);
    return `${path}: expected ${JSON.stringify(expected).slice(0, 200)}, got ${JSON.stringify(actual).slice(0, 200)}`;
  }
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual)) return `${path}: expected an array, got ${JSON.stringify(actual)?.slice(0, 200)}`;
    if (actual.length !== expected.length) return `${path}: expected ${expected.length} items, got ${actual.length}: ${JSON.stringify(actual).slice(0, 300)}`;
    for (let i = 0; i < expected.length; i++) {
      const r = match(expected[i], actual[i], `${path}[${i}]`);
      if (r) return r;
    }
    return undefined;
  }
  if (expected !== null && typeof expected === 'object') {
    if (actual === null || typeof actual !== 'object' || Array.isArray(actual))
      return `${path}: expected an object, got ${JSON.stringify(actual)?.slice(0, 200)}`;
    const e = expected as Record<string, unknown>;
    const a = vintageObject(e, actual as Record<string, unknown>);
    const ek = Object.keys(e).filter((k) => k !== 'ResponseMetadata');
    const ak = Object.keys(a).filter((k) => k !== 'ResponseMetadata' && a[k] !== undefined && k !== '$metadata');
    for (const k of ek) if (!(k in a) || a[k] === undefined) return `${path}.${k}: missing (expected ${JSON.stringify(e[k])?.slice(0, 200)})`;
    for (const k of ak) if (!(k in e)) return `${path}.${k}: unexpected ${JSON.stringify(a[k])?.slice(0, 200)}`;
    for (const k of ek) {
      const r = match(e[k], a[k], `${path}.${k}`);
      if (r) return r;
    }
    return undefined;
  }
  if (typeof expected === 'number' && typeof actual === 'number') return expected === actual ? undefined : `${path}: expected ${expected}, got ${actual}`;
  return expected === actual ? undefined : `${path}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`;
}

type Ev = Record<string, unknown>;

/**
 * The snapshot tool's Parallel normalisation (LocalStack's SfnNoneRecursiveParallelTransformer),
 * reimplemented to give the same result: walking the events, a ParallelStateStarted opens a
 * sublist (the events after it, each given id [0] and previousEventId 0; a nested
 * ParallelStateStarted opens a new one), and every ParallelState{Succeeded,Aborted,Exited,Failed}
 * replaces the events from the sublist's start up to itself with the (sorted) sublist. With
 * nested Parallel states that replacement drops events, and the walk goes on by position in the
 * shortened list, exactly as the tool's loop did. Applied to Stratus's history when the recorded
 * one went through it (it holds ids [0]).
 */
export function parallelNormalise(input: Ev[]): Ev[] {
  const events = input.map((e) => ({ ...e }));
  const closers = new Set(['ParallelStateSucceeded', 'ParallelStateAborted', 'ParallelStateExited', 'ParallelStateFailed']);
  let start: number | undefined;
  let sublist: Ev[] = [];
  let inSublist = false;
  for (let i = 0; i < events.length; i++) {
    const e = events[i]!;
    const type = e.type as string | undefined;
    if (type === undefined) inSublist = false;
    else if (closers.has(type)) {
      const from = start ?? 0;
      // Order inside the sublist does not matter to the comparison (matched as a multiset).
      events.splice(from, Math.max(0, i - from), ...sublist);
      inSublist = false;
    } else if (type === 'ParallelStateStarted') {
      inSublist = true;
      sublist = [];
      start = i + 1;
    } else if (inSublist) {
      e.id = [0];
      e.previousEventId = 0;
      sublist.push(e);
    }
  }
  return events;
}

/** Compares two execution histories, with the Parallel normalisation of the snapshot tool. */
export function matchHistory(expected: Ev[], actualIn: Ev[]): string | undefined {
  const parallelNormalised = expected.some((e) => Array.isArray(e.id));
  const actual = vintageHistory(expected, parallelNormalised ? parallelNormalise(actualIn) : actualIn);
  let i = 0;
  let j = 0;
  while (i < expected.length) {
    const e = expected[i]!;
    if (Array.isArray(e.id)) {
      let k = i;
      while (k < expected.length && Array.isArray(expected[k]!.id)) k++;
      const bucket = expected.slice(i, k);
      const window = actual.slice(j, j + bucket.length).map((a) => ({ ...a, id: e.id, previousEventId: 0 }));
      if (window.length < bucket.length) return `events[${i}..]: history too short (${actual.length} events)`;
      const used = new Set<number>();
      for (const b of bucket) {
        const idx = window.findIndex((w, n) => !used.has(n) && match(b, w) === undefined);
        if (idx < 0) return `events[${i}..${k}] (parallel branches): no event matches ${JSON.stringify(b).slice(0, 300)}`;
        used.add(idx);
      }
      i = k;
      j += bucket.length;
      continue;
    }
    const a = actual[j];
    if (!a) return `events[${i}]: missing ${String(e.type)} (history has ${actual.length} events)`;
    const r = match(e, a, `events[${i}]`);
    if (r) return r;
    i++;
    j++;
  }
  if (j < actual.length) return `events: ${actual.length - j} extra events, first ${JSON.stringify(actual[j]).slice(0, 300)}`;
  return undefined;
}
