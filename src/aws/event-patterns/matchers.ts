import { inIpRange, type IpRange } from './ip.js';
import { inNumericRange, type NumericRange } from './numbers.js';
import { matchesAlternatives, matchesWildcard, type CaseAlternatives, type Wildcard } from './text.js';

/** One value of an event, as the engine sees it: strings, numbers (with their written text) and keywords. */
export type Leaf =
  | { readonly kind: 'string'; readonly text: string }
  | { readonly kind: 'number'; readonly text: string; readonly value: number | undefined }
  | { readonly kind: 'literal'; readonly text: 'true' | 'false' | 'null' };

/** One entry of a field's list in a pattern; the field matches when any of its entries does. */
export type Matcher =
  | { readonly kind: 'string'; readonly value: string }
  | { readonly kind: 'number'; readonly text: string; readonly value: number | undefined }
  | { readonly kind: 'literal'; readonly value: 'true' | 'false' | 'null' }
  | { readonly kind: 'ip'; readonly range: IpRange }
  | { readonly kind: 'prefix' | 'suffix'; readonly value: string }
  | { readonly kind: 'prefixIgnoreCase' | 'suffixIgnoreCase' | 'equalsIgnoreCase'; readonly alternatives: CaseAlternatives }
  | { readonly kind: 'wildcard'; readonly wildcard: Wildcard; readonly text: string }
  | { readonly kind: 'numeric'; readonly range: NumericRange }
  | { readonly kind: 'exists'; readonly present: boolean }
  | { readonly kind: 'anythingBut'; readonly not: readonly Matcher[] };

/**
 * Whether one value satisfies one matcher. String operators see only strings, numeric ones only numbers
 * that are exact doubles; a number literal equals a number written the same way or, when both are exact
 * doubles, of the same value (300 = 300.0 = 3e2). Anything-but holds for every value that none of its
 * entries matches, whatever its type (null, true, a number against strings). `exists: false` is decided
 * by the absence of values, not here.
 */
export function matchesLeaf(m: Matcher, leaf: Leaf): boolean {
  switch (m.kind) {
    case 'string':
      return leaf.kind === 'string' && leaf.text === m.value;
    case 'number':
      return leaf.kind === 'number' && (leaf.text === m.text || (m.value !== undefined && leaf.value === m.value));
    case 'literal':
      return leaf.kind === 'literal' && leaf.text === m.value;
    case 'ip':
      return leaf.kind === 'string' && inIpRange(m.range, leaf.text);
    case 'prefix':
      return leaf.kind === 'string' && leaf.text.startsWith(m.value);
    case 'suffix':
      return leaf.kind === 'string' && leaf.text.endsWith(m.value);
    case 'prefixIgnoreCase':
      return leaf.kind === 'string' && matchesAlternatives(m.alternatives, leaf.text, 'prefix');
    case 'suffixIgnoreCase':
      return leaf.kind === 'string' && matchesAlternatives(m.alternatives, leaf.text, 'suffix');
    case 'equalsIgnoreCase':
      return leaf.kind === 'string' && matchesAlternatives(m.alternatives, leaf.text, 'whole');
    case 'wildcard':
      return leaf.kind === 'string' && matchesWildcard(m.wildcard, leaf.text);
    case 'numeric':
      return leaf.kind === 'number' && leaf.value !== undefined && inNumericRange(m.range, leaf.value);
    case 'exists':
      return m.present;
    case 'anythingBut':
      return !m.not.some((n) => matchesLeaf(n, leaf));
  }
}
