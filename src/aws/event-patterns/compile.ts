import { PatternSyntaxError, tokenize, type Token } from './json-tokens.js';
import { parseCidr, parseIp, type IpRange } from './ip.js';

/**
 * The event-pattern language of EventBridge (rules, TestEventPattern, Pipes), reused by Lambda
 * event-source filter criteria and SNS filter policies: a pattern is a JSON object whose leaves are
 * arrays of matchers, OR-ed; fields are AND-ed; `$or` lists alternative sub-patterns. The compiler
 * refuses what AWS refuses, with AWS's reasons (those of its open-source rule engine).
 */
export type Matcher =
  | { readonly kind: 'exact'; readonly value: string | number | boolean | null }
  | { readonly kind: 'ip'; readonly range: IpRange }
  | { readonly kind: 'prefix' | 'suffix'; readonly value: string; readonly ignoreCase: boolean }
  | { readonly kind: 'equalsIgnoreCase'; readonly value: string }
  | { readonly kind: 'wildcard'; readonly regex: RegExp }
  | { readonly kind: 'numeric'; readonly lower?: number; readonly lowerOpen?: boolean; readonly upper?: number; readonly upperOpen?: boolean }
  | { readonly kind: 'exists'; readonly present: boolean }
  | { readonly kind: 'anythingBut'; readonly not: Matcher[] };

/** An object level of a pattern: every field must match, and one alternative of each `$or`. */
export interface PatternNode {
  readonly fields: ReadonlyMap<string, PatternNode | readonly Matcher[]>;
  readonly ors: readonly (readonly PatternNode[])[];
}

export class EventPatternError extends Error {
  constructor(readonly reason: string, readonly line: number, readonly column: number, readonly source: string) {
    super(reason);
  }

  /** EventBridge's InvalidEventPatternException message. */
  awsMessage(): string {
    const shown = this.source.length > 500 ? `${this.source.slice(0, 500)}"[truncated ${this.source.length - 500} chars]` : `${this.source}"`;
    return `Event pattern is not valid. Reason: ${this.reason} at [Source: (String)"${shown}; line: ${this.line}, column: ${this.column}]`;
  }
}

const RESERVED_IN_OR = new Set(['equals-ignore-case', 'prefix', 'suffix', 'anything-but', 'exists', 'numeric', 'cidr', 'wildcard']);

/** Compiles a pattern's JSON text; throws EventPatternError with AWS's reason. */
export function compileEventPattern(source: string): PatternNode {
  let tokens: Token[];
  try {
    tokens = tokenize(source);
  } catch (e) {
    if (e instanceof PatternSyntaxError) throw new EventPatternError(e.reason, e.line, e.column, source);
    throw e;
  }
  return new Compiler(tokens, source).pattern();
}

class Compiler {
  private at = -1;

  constructor(private readonly tokens: Token[], private readonly source: string) {}

  pattern(): PatternNode {
    if (this.next().type !== '{') this.fail('Filter is not an object');
    return this.object(false);
  }

  private next(): Token {
    this.at = Math.min(this.at + 1, this.tokens.length - 1);
    return this.tokens[this.at]!;
  }

  private fail(reason: string): never {
    const t = this.tokens[Math.max(this.at, 0)]!;
    throw new EventPatternError(reason, t.line, t.column, this.source);
  }

  /** After '{': the fields of one object level, up to its '}'. */
  private object(insideOr: boolean): PatternNode {
    const fields = new Map<string, PatternNode | readonly Matcher[]>();
    const ors: PatternNode[][] = [];
    let any = false;
    for (let t = this.next(); t.type !== '}'; t = this.next()) {
      any = true;
      const name = t.text;
      if (name === '$or') {
        ors.push(this.orList());
        continue;
      }
      if (insideOr && RESERVED_IN_OR.has(name)) this.fail(`${name} is Ruler reserved fieldName which cannot be used inside $or.`);
      const v = this.next();
      let value: PatternNode | readonly Matcher[];
      if (v.type === '{') value = this.object(insideOr);
      else if (v.type === '[') value = this.matchers();
      else this.fail(`"${name}" must be an object or an array`);
      if (fields.has(name)) this.fail(`Path \`${name}\` cannot be allowed multiple times`);
      fields.set(name, value!);
    }
    if (!any) this.fail('Empty objects are not allowed');
    return { fields, ors };
  }

  private orList(): PatternNode[] {
    if (this.next().type !== '[') this.fail('It must be an Array followed with $or.');
    const alternatives: PatternNode[] = [];
    for (let t = this.next(); t.type !== ']'; t = this.next()) {
      if (t.type !== '{') this.fail('Only JSON object is allowed in array of $or relationship.');
      alternatives.push(this.object(true));
    }
    if (alternatives.length < 2) this.fail('There must have at least 2 Objects in $or relationship.');
    return alternatives;
  }

  /** After '[': the OR-ed matchers of a field. */
  private matchers(): Matcher[] {
    const out: Matcher[] = [];
    for (let t = this.next(); t.type !== ']'; t = this.next()) {
      if (t.type === '{') out.push(this.expression());
      else if (t.type === 'string') {
        const ip = parseIp(t.text);
        out.push(ip ? { kind: 'ip', range: ip } : { kind: 'exact', value: t.text });
      } else if (t.type === 'number') out.push({ kind: 'exact', value: Number(t.text) });
      else if (t.type === 'true' || t.type === 'false') out.push({ kind: 'exact', value: t.type === 'true' });
      else if (t.type === 'null') out.push({ kind: 'exact', value: null });
      else this.fail('Match value must be String, number, true, false, or null');
    }
    if (out.length === 0) this.fail('Empty arrays are not allowed');
    return out;
  }

  private endOfExpression(reason = 'Only one key allowed in match expression'): void {
    if (this.next().type !== '}') this.fail(reason);
  }

  private string(reason: string): string {
    const t = this.next();
    if (t.type !== 'string') this.fail(reason);
    return t.text;
  }

  /** After '{' inside a matcher list: one match expression. */
  private expression(): Matcher {
    const t = this.next();
    if (t.type !== 'name') this.fail('Match expression name not found');
    let m: Matcher;
    switch (t.text) {
      case 'prefix':
      case 'suffix': {
        const kind = t.text;
        const v = this.next();
        if (v.type === '{') {
          m = { kind, value: this.ignoreCaseInside(kind === 'prefix' ? 'Prefix' : 'Suffix'), ignoreCase: true };
          this.endOfExpression();
          return m;
        }
        if (v.type !== 'string') this.fail(`${kind} match pattern must be a string`);
        m = { kind, value: v.text, ignoreCase: false };
        break;
      }
      case 'equals-ignore-case':
        m = { kind: 'equalsIgnoreCase', value: this.string('equals-ignore-case match pattern must be a string') };
        break;
      case 'wildcard':
        m = { kind: 'wildcard', regex: this.wildcard(this.string('wildcard match pattern must be a string')) };
        break;
      case 'numeric':
        if (this.next().type !== '[') this.fail('Value of numeric must be an array.');
        m = this.numeric();
        this.endOfExpression('Too many elements in numeric expression');
        return m;
      case 'exists': {
        const v = this.next();
        if (v.type !== 'true' && v.type !== 'false') this.fail('exists match pattern must be either true or false.');
        m = { kind: 'exists', present: v.type === 'true' };
        break;
      }
      case 'cidr': {
        const range = parseCidr(this.string('prefix match pattern must be a string'));
        if (!range) this.fail(`Nonstandard IP address: ${this.tokens[this.at]!.text}`);
        m = { kind: 'ip', range: range! };
        break;
      }
      case 'anything-but':
        return this.anythingBut();
      default:
        this.fail(`Unrecognized match type ${t.text}`);
    }
    this.endOfExpression();
    return m!;
  }

  /** `{"equals-ignore-case": "x"}` inside prefix or suffix. */
  private ignoreCaseInside(which: 'Prefix' | 'Suffix'): string {
    const t = this.next();
    if (t.type !== 'name') this.fail(`${which} expression name not found`);
    if (t.text !== 'equals-ignore-case') this.fail(`Unsupported ${which.toLowerCase()} pattern: ${t.text}`);
    const value = this.string('equals-ignore-case match pattern must be a string');
    this.endOfExpression();
    return value;
  }

  private numeric(): Matcher {
    const op = this.next();
    if (op.type !== 'string') this.fail(`Invalid member in numeric match: ${op.text}`);
    const value = (operator: string): number => {
      const v = this.next();
      if (v.type !== 'number') this.fail(`Value of ${operator === '=' ? 'equals' : operator} must be numeric`);
      return comparable(v.text, (r) => this.fail(r));
    };
    const end = (): void => {
      if (this.next().type !== ']') this.fail('Too many elements in numeric expression');
    };
    switch (op.text) {
      case '=': {
        const v = value('=');
        end();
        return { kind: 'numeric', lower: v, lowerOpen: false, upper: v, upperOpen: false };
      }
      case '<':
      case '<=': {
        const v = value(op.text);
        end();
        return { kind: 'numeric', upper: v, upperOpen: op.text === '<' };
      }
      case '>':
      case '>=': {
        const lower = value(op.text);
        const lowerOpen = op.text === '>';
        const t = this.next();
        if (t.type === ']') return { kind: 'numeric', lower, lowerOpen };
        if (t.type !== 'string') this.fail(`Bad value in numeric range: ${t.text}`);
        if (t.text !== '<' && t.text !== '<=') this.fail(`Bad numeric range operator: ${t.text}`);
        const v = this.next();
        if (v.type !== 'number') this.fail(`Value of ${t.text} must be numeric`);
        const upper = comparable(v.text, (r) => this.fail(r));
        if (this.next().type !== ']') this.fail('Too many terms in numeric range expression');
        return { kind: 'numeric', lower, lowerOpen, upper, upperOpen: t.text === '<' };
      }
      default:
        this.fail(`Unrecognized numeric range operator: ${op.text}`);
    }
  }

  /** After `"anything-but":`, a value, a list, or `{prefix|suffix|equals-ignore-case|wildcard: value or list}`. */
  private anythingBut(): Matcher {
    let t = this.next();
    let inner: 'prefix' | 'suffix' | 'equals-ignore-case' | 'wildcard' | undefined;
    if (t.type === '{') {
      const op = this.next();
      if (op.type !== 'name') this.fail('Anything-But expression name not found');
      if (op.text !== 'prefix' && op.text !== 'suffix' && op.text !== 'equals-ignore-case' && op.text !== 'wildcard') this.fail(`Unsupported anything-but pattern: ${op.text}`);
      inner = op.text;
      t = this.next();
    }
    if (t.type !== '[' && t.type !== 'string' && t.type !== 'number') this.fail('Value of anything-but must be an array or single string/number value.');
    const values: Token[] = [];
    if (t.type === '[') for (let v = this.next(); v.type !== ']'; v = this.next()) values.push(v);
    else values.push(t);
    let not: Matcher[];
    if (!inner) {
      const strings = values.filter((v) => v.type === 'string').length;
      const numbers = values.filter((v) => v.type === 'number').length;
      if (strings + numbers !== values.length) this.fail('Inside anything but list, start|null|boolean is not supported.');
      if ((strings > 0) === (numbers > 0)) this.fail('Inside anything but list, either all values are number or string, mixed type is not supported');
      not = values.map((v) => (v.type === 'number' ? { kind: 'exact', value: comparable(v.text, (r) => this.fail(r)) } : { kind: 'exact', value: v.text }));
    } else {
      for (const v of values) {
        if (v.type === 'null' && inner !== 'equals-ignore-case' && inner !== 'wildcard') this.fail('Null prefix/suffix not allowed');
        if (v.type !== 'string') {
          if (inner === 'equals-ignore-case') this.fail('Inside anything-but/equals-ignore-case list, number|start|null|boolean is not supported.');
          this.fail(inner === 'wildcard' ? 'wildcard match pattern must be a string' : 'prefix/suffix match pattern must be a string');
        }
      }
      not = values.map((v): Matcher => {
        if (inner === 'equals-ignore-case') return { kind: 'equalsIgnoreCase', value: v.text };
        if (inner === 'wildcard') return { kind: 'wildcard', regex: this.wildcard(v.text) };
        return { kind: inner!, value: v.text, ignoreCase: false };
      });
      this.endOfExpression();
    }
    this.endOfExpression();
    return { kind: 'anythingBut', not };
  }

  /** `*` matches any run of characters; `\*` and `\\` are the literal characters; `**` is refused. */
  private wildcard(text: string): RegExp {
    let re = '';
    for (let i = 0; i < text.length; i++) {
      const c = text[i]!;
      const pos = Buffer.byteLength(text.slice(0, i), 'utf8');
      if (c === '*') {
        if (text[i + 1] === '*') this.fail(`Consecutive wildcard characters at pos ${pos}`);
        re += '[\\s\\S]*';
      } else if (c === '\\') {
        const n = text[i + 1];
        if (n !== '*' && n !== '\\') this.fail(`Invalid escape character at pos ${pos}`);
        re += `\\${n}`;
        i++;
      } else re += c.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
    }
    return new RegExp(`^${re}$`, 'u');
  }
}

/** A number the engine can compare: exactly representable as a double (AWS refuses the others). */
function comparable(text: string, fail: (reason: string) => never): number {
  const n = Number(text);
  if (!Number.isFinite(n) || !sameDecimal(text, n)) fail(`Cannot compare number : ${text}`);
  return n;
}

/** Whether the double `n` is exactly the decimal `text` (1.5 yes; 0.1 is not exactly representable, but is the shortest repr). */
function sameDecimal(text: string, n: number): boolean {
  // AWS compares BigDecimal(text) with BigDecimal.valueOf(double), i.e. the shortest decimal of the double.
  const norm = (s: string): string => {
    const m = /^(-?)(\d+)(?:\.(\d+))?(?:[eE]([-+]?\d+))?$/.exec(s);
    if (!m) return s;
    const digits = (m[2]! + (m[3] ?? '')).replace(/^0+/, '');
    const exp = Number(m[4] ?? 0) - (m[3]?.length ?? 0);
    const trimmed = digits.replace(/0+$/, '');
    if (trimmed === '') return '0';
    return `${m[1]}${trimmed}e${exp + (digits.length - trimmed.length)}`;
  };
  return norm(text) === norm(String(n).replace(/e\+/, 'e'));
}
