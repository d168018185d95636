/**
 * String matching as AWS's rule engine does it on UTF-8 bytes, expressed on JS strings.
 *
 * Ignoring case: each UTF-16 unit of the pattern matches its own lower-case or its own upper-case form
 * (Java's full mappings, Locale.ROOT), so "ß" matches "ß" or "SS" but not "ss". A unit that is half of a
 * surrogate pair is encoded alone, which Java writes as "?": such a pattern matches "?" there, not the
 * character (the engine's behaviour for characters beyond the BMP).
 */
export type CaseAlternatives = readonly (readonly string[])[];

function isSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdfff;
}

/** A string as its UTF-8 bytes read back: Java encodes an unpaired surrogate as "?". */
export function utf8Text(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const code = s.charCodeAt(i);
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < s.length && isLowSurrogate(s.charCodeAt(i + 1))) {
      out += s.slice(i, i + 2);
      i++;
    } else out += isSurrogate(code) ? '?' : s[i];
  }
  return out;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

export function caseAlternatives(pattern: string): CaseAlternatives {
  const out: string[][] = [];
  for (let i = 0; i < pattern.length; i++) {
    const unit = pattern[i]!;
    if (isSurrogate(unit.charCodeAt(0))) {
      out.push(['?']);
      continue;
    }
    const lower = unit.toLowerCase();
    const upper = unit.toUpperCase();
    out.push(lower === upper ? [lower] : [lower, upper]);
  }
  return out;
}

/**
 * Whether `text` is spelled by one choice per position: in full, as a prefix (text may go on), or as a
 * suffix (matched from the end).
 */
export function matchesAlternatives(alternatives: CaseAlternatives, value: string, anchor: 'whole' | 'prefix' | 'suffix'): boolean {
  const text = utf8Text(value);
  const fromEnd = anchor === 'suffix';
  let positions = new Set([fromEnd ? text.length : 0]);
  const order = fromEnd ? [...alternatives].reverse() : alternatives;
  for (const choices of order) {
    const next = new Set<number>();
    for (const p of positions) {
      for (const c of choices) {
        const start = fromEnd ? p - c.length : p;
        if (start >= 0 && text.startsWith(c, start)) next.add(fromEnd ? start : p + c.length);
      }
    }
    if (next.size === 0) return false;
    positions = next;
  }
  return anchor !== 'whole' || positions.has(text.length);
}

/** A wildcard pattern as the literal runs between its `*`s. */
export interface Wildcard {
  readonly segments: readonly string[];
}

/**
 * Parses a wildcard value; `\*` and `\\` are the literal characters. Returns the reason AWS gives for a
 * bad one, with positions counted in UTF-8 bytes of the value as the engine stores it (after a quote).
 */
export function parseWildcard(text: string): Wildcard | string {
  const segments: string[] = [];
  let run = '';
  let bytes = 1;
  for (let i = 0; i < text.length; ) {
    const c = String.fromCodePoint(text.codePointAt(i)!);
    if (c === '*') {
      if (text[i + 1] === '*') return `Consecutive wildcard characters at pos ${bytes}`;
      segments.push(run);
      run = '';
    } else if (c === '\\') {
      const n = text[i + 1];
      if (n !== '*' && n !== '\\') return `Invalid escape character at pos ${bytes}`;
      run += n;
      i++;
      bytes++;
    } else run += c;
    bytes += Buffer.byteLength(c, 'utf8');
    i += c.length;
  }
  segments.push(run);
  return { segments };
}

export function matchesWildcard(wildcard: Wildcard, value: string): boolean {
  const text = utf8Text(value);
  const s = wildcard.segments;
  if (s.length === 1) return text === s[0];
  if (!text.startsWith(s[0]!) || !text.endsWith(s[s.length - 1]!) || text.length < s[0]!.length + s[s.length - 1]!.length) return false;
  let at = s[0]!.length;
  const end = text.length - s[s.length - 1]!.length;
  for (let k = 1; k < s.length - 1; k++) {
    const found = text.indexOf(s[k]!, at);
    if (found < 0 || found + s[k]!.length > end) return false;
    at = found + s[k]!.length;
  }
  return true;
}
