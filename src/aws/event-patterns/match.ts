import type { CompiledPattern, SubRule } from './compile.js';
import { flattenEvent, type EventField, type FlatEvent } from './event.js';
import { matchesLeaf } from './matchers.js';

/** Whether a parsed event matches a compiled pattern (any of its sub-rules). */
export function matchesEventPattern(pattern: CompiledPattern, event: unknown): boolean {
  const flat = flattenEvent(event);
  return pattern.rules.some((rule) => matchesSubRule(rule, flat));
}

type Membership = ReadonlyMap<number, number>;

/** The membership of a match so far joined with a field's, or undefined if they name different elements of one array. */
function joined(soFar: Membership, field: Membership): Membership | undefined {
  let out: Map<number, number> | undefined;
  for (const [array, index] of field) {
    const seen = soFar.get(array);
    if (seen === undefined) (out ??= new Map(soFar)).set(array, index);
    else if (seen !== index) return undefined;
  }
  return out ?? soFar;
}

/**
 * The engine's walk: fields in sorted order, each satisfied by one value consistent with the array
 * elements chosen so far, or, for `exists: false`, by having no such value. Absence is judged against the
 * elements chosen by the fields before it in that order, as the engine does.
 */
export function matchesSubRule(rule: SubRule, event: FlatEvent): boolean {
  const paths = [...rule.keys()].sort();
  const walk = (i: number, membership: Membership): boolean => {
    if (i === paths.length) return true;
    const matchers = rule.get(paths[i]!)!;
    const values: readonly EventField[] = event.get(paths[i]!) ?? [];
    if (matchers.some((m) => m.kind === 'exists' && !m.present) && !values.some((v) => joined(membership, v.membership)) && walk(i + 1, membership)) return true;
    for (const v of values) {
      const next = joined(membership, v.membership);
      if (next && matchers.some((m) => (m.kind !== 'exists' || m.present) && matchesLeaf(m, v.leaf)) && walk(i + 1, next)) return true;
    }
    return false;
  };
  return walk(0, new Map());
}
