/**
 * Wildcard complexity, as AWS's rule engine measures it (MachineComplexityEvaluator): the largest number
 * of wildcard-pattern prefixes that one input string can match at once, i.e. the most states the
 * matching automaton of a field's wildcard patterns can be in after reading the same bytes. EventBridge
 * refuses a rule above its limit ("Rule is too complex"). The limit is not published; AWS accepts
 * complexity 9 and refuses 11, and 10 is the per-rule limit the engine's documentation uses as its
 * example, so a rule is refused above 10.
 */
export const MAX_WILDCARD_COMPLEXITY = 10;

/** A bound on the automaton states explored; past it the rule is taken as too complex. */
const MAX_STATES = 20000;

type Step = number | '*';

/** The pattern as the engine stores it: its UTF-8 bytes between quotes, `*` standing for any run. */
function steps(text: string): Step[] {
  const out: Step[] = [0x22];
  for (let i = 0; i < text.length; ) {
    if (text[i] === '*') {
      out.push('*');
      i++;
      continue;
    }
    if (text[i] === '\\') i++; // the escape of a literal * or \
    const ch = String.fromCodePoint(text.codePointAt(i)!);
    for (const b of Buffer.from(ch, 'utf8')) out.push(b);
    i += ch.length;
  }
  out.push(0x22);
  return out;
}

/** Positions reachable without input: a `*` may match nothing. */
function closure(s: Step[], positions: Iterable<number>): number[] {
  const out = new Set<number>();
  for (let p of positions) {
    out.add(p);
    while (s[p] === '*') out.add(++p);
  }
  return [...out].sort((a, b) => a - b);
}

function advance(s: Step[], positions: readonly number[], byte: number): number[] {
  const next: number[] = [];
  for (const p of positions) {
    if (p > 0 && s[p - 1] === '*') next.push(p);
    if (p < s.length && s[p] === byte) next.push(p + 1);
  }
  return closure(s, next);
}

/** The complexity of one field's wildcard patterns, capped just above `limit`. */
export function wildcardComplexity(texts: readonly string[], limit = MAX_WILDCARD_COMPLEXITY): number {
  const patterns = [...new Set(texts)].map(steps);
  if (patterns.length === 0) return 0;
  const alphabet = new Set<number>([-1]);
  for (const s of patterns) for (const step of s) if (step !== '*') alphabet.add(step);
  const start = patterns.map((s) => closure(s, [0]));
  const seen = new Set<string>();
  // The start state itself is not counted: only states reached by reading at least one byte.
  const queue: number[][][] = [...alphabet].map((b) => patterns.map((s, i) => advance(s, start[i]!, b)));
  let max = 0;
  for (let q = 0; q < queue.length; q++) {
    const state = queue[q]!;
    const key = state.map((p) => p.join(',')).join('|');
    if (seen.has(key)) continue;
    seen.add(key);
    const size = state.reduce((n, p) => n + p.length, 0);
    max = Math.max(max, size);
    if (max > limit || seen.size > MAX_STATES) return limit + 1;
    if (size > 0) for (const b of alphabet) queue.push(patterns.map((s, i) => advance(s, state[i]!, b)));
  }
  return max;
}
