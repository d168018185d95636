/**
 * CloudWatch Logs filter patterns over structured events: JSON patterns (`{ $.level = "ERROR" &&
 * $.latency > 500 }`) and space-delimited ones (`[ip, user, ..., status = 4*, bytes > 1000]`).
 * Comparisons: `=`/`!=` on text (with `*` wildcards and `%regex%`) or numbers, `<`, `<=`, `>`, `>=` on
 * numbers; JSON also has `IS NULL`, `NOT EXISTS`, `IS TRUE`, `IS FALSE`; `&&` binds tighter than `||`,
 * parentheses group. An event that is not JSON, or a selector that names nothing, does not match.
 */
import { InvalidParameterException } from '../../generated/logs.js';

type Matcher = (message: string) => boolean;
type Condition = (value: (name: string) => { found: boolean; value: unknown }) => boolean;

/** AWS answers a pattern it cannot parse with this message (FilterLogEvents and PutSubscriptionFilter alike). */
function invalid(_pattern: string): InvalidParameterException {
  return new InvalidParameterException('Invalid filter pattern');
}

/** Tokens of a condition expression: operators, parentheses, quoted strings, and bare words. */
function tokenize(text: string, pattern: string): string[] {
  const tokens: string[] = [];
  const re = /\s*(&&|\|\||!=|<=|>=|=|<|>|\(|\)|"(?:[^"\\]|\\.)*"|%(?:[^%\\]|\\.)*%|[^\s()=!<>&|"]+)/y;
  let i = 0;
  while (i < text.length) {
    if (/^\s*$/.test(text.slice(i))) break;
    re.lastIndex = i;
    const m = re.exec(text);
    if (!m) throw invalid(pattern);
    tokens.push(m[1]!);
    i = re.lastIndex;
  }
  return tokens;
}

/** A literal's test of a field value: glob text, %regex%, or a number. */
function comparison(op: string, literal: string, pattern: string): (v: unknown) => boolean {
  const quoted = literal.startsWith('"');
  const text = quoted ? (JSON.parse(literal) as string) : literal;
  const number = !quoted && /^-?\d+(\.\d+)?([eE][-+]?\d+)?$/.test(text) ? Number(text) : undefined;
  if (op !== '=' && op !== '!=') {
    if (number === undefined) throw invalid(pattern);
    const cmp = { '<': (a: number) => a < number, '<=': (a: number) => a <= number, '>': (a: number) => a > number, '>=': (a: number) => a >= number }[op];
    if (!cmp) throw invalid(pattern);
    return (v) => (typeof v === 'number' || (typeof v === 'string' && v.trim() !== '')) && !Number.isNaN(Number(v)) && cmp(Number(v));
  }
  let equal: (v: unknown) => boolean;
  if (!quoted && text.length > 1 && text.startsWith('%') && text.endsWith('%')) {
    const re = new RegExp(text.slice(1, -1));
    equal = (v) => (typeof v === 'string' || typeof v === 'number') && re.test(String(v));
  } else if (number !== undefined) {
    equal = (v) => (typeof v === 'number' ? v === number : typeof v === 'string' && v === text);
  } else {
    const glob = new RegExp(`^${text.split('*').map((p) => p.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`, 's');
    equal = (v) => (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') && glob.test(String(v));
  }
  return op === '=' ? equal : (v) => !equal(v);
}

/** Parses `a op b (&& | ||) ...` into a condition; `selector` reads names (`$.a.b` or a field name). */
function parseConditions(tokens: string[], pattern: string, json: boolean): Condition {
  let pos = 0;
  const peek = () => tokens[pos];
  const next = () => tokens[pos++];
  const primary = (): Condition => {
    if (peek() === '(') {
      next();
      const inner = or();
      if (next() !== ')') throw invalid(pattern);
      return inner;
    }
    const name = next();
    if (name === undefined || (json && !name.startsWith('$'))) throw invalid(pattern);
    const op = next();
    if (json && op === 'IS') {
      const what = next();
      if (what === 'NULL') return (get) => get(name).found && get(name).value === null;
      if (what === 'TRUE' || what === 'FALSE') return (get) => get(name).value === (what === 'TRUE');
      throw invalid(pattern);
    }
    if (json && op === 'NOT') {
      if (next() !== 'EXISTS') throw invalid(pattern);
      return (get) => !get(name).found;
    }
    const literal = next();
    if (op === undefined || literal === undefined || !['=', '!=', '<', '<=', '>', '>='].includes(op)) throw invalid(pattern);
    const test = comparison(op, literal, pattern);
    return (get) => {
      const v = get(name);
      return v.found && test(v.value);
    };
  };
  const and = (): Condition => {
    let left = primary();
    while (peek() === '&&') {
      next();
      const l = left;
      const r = primary();
      left = (get) => l(get) && r(get);
    }
    return left;
  };
  const or = (): Condition => {
    let left = and();
    while (peek() === '||') {
      next();
      const l = left;
      const r = and();
      left = (get) => l(get) || r(get);
    }
    return left;
  };
  const cond = or();
  if (pos !== tokens.length) throw invalid(pattern);
  return cond;
}

/** The value a JSON selector names (`$.a.b[0].c`). */
function select(doc: unknown, selector: string): { found: boolean; value: unknown } {
  const parts = selector.slice(1).match(/\.[^.[\]]+|\[\d+\]/g) ?? [];
  if (parts.join('') !== selector.slice(1)) return { found: false, value: undefined };
  let v: unknown = doc;
  for (const p of parts) {
    const key = p.startsWith('[') ? Number(p.slice(1, -1)) : p.slice(1);
    if (v === null || typeof v !== 'object' || !Object.hasOwn(v, key)) return { found: false, value: undefined };
    v = (v as Record<string | number, unknown>)[key];
  }
  return { found: true, value: v };
}

export function compileJsonPattern(pattern: string): Matcher {
  const body = pattern.trim().slice(1, -1);
  const cond = parseConditions(tokenize(body, pattern), pattern, true);
  return (message) => {
    let doc: unknown;
    try {
      doc = JSON.parse(message);
    } catch {
      return false;
    }
    return doc !== null && typeof doc === 'object' && cond((s) => select(doc, s));
  };
}

/** The fields of a space-delimited event: words, "quoted text" and [bracketed text] (without their delimiters). */
function fieldsOf(message: string): string[] {
  return [...message.matchAll(/"([^"]*)"|\[([^\]]*)\]|(\S+)/g)].map((m) => m[1] ?? m[2] ?? m[3]!);
}

export function compileSpaceDelimitedPattern(pattern: string): Matcher {
  const slots = pattern.trim().slice(1, -1).split(',').map((s) => s.trim());
  if (slots.some((s) => s === '')) throw invalid(pattern);
  const names: (string | undefined)[] = [];
  const conditions: Condition[] = [];
  for (const slot of slots) {
    if (slot === '...') {
      names.push(undefined);
      continue;
    }
    const tokens = tokenize(slot, pattern);
    if (tokens.length === 1) {
      if (!/^[A-Za-z_][\w-]*$/.test(tokens[0]!)) throw invalid(pattern);
      names.push(tokens[0]);
      continue;
    }
    names.push(tokens[0]);
    conditions.push(parseConditions(tokens, pattern, false));
  }
  const fixed = names.filter((n) => n !== undefined).length;
  return (message) => {
    const fields = fieldsOf(message);
    const bound = bind(names, fields, fixed);
    if (!bound) return false;
    const get = (name: string) => (bound.has(name) ? { found: true, value: bound.get(name) } : { found: false, value: undefined });
    return conditions.every((c) => c(get));
  };
}

/** Binds the named slots to fields, each `...` taking as many as the fields beyond the named slots leave (the first takes them all). */
function bind(names: readonly (string | undefined)[], fields: readonly string[], fixed: number): Map<string, string> | undefined {
  const ellipses = names.length - fixed;
  if (ellipses === 0 ? fields.length !== fixed : fields.length < fixed) return undefined;
  let spare = fields.length - fixed;
  const bound = new Map<string, string>();
  let f = 0;
  for (const name of names) {
    if (name === undefined) {
      f += spare;
      spare = 0;
      continue;
    }
    bound.set(name, fields[f++]!);
  }
  return bound;
}
