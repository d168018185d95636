import { MAX_WILDCARD_COMPLEXITY, wildcardComplexity } from './complexity.js';
import { ipLiteralRange } from './ip.js';
import type { Matcher } from './matchers.js';
import { comparableNumber } from './numbers.js';
import { OperatorReader, type Dialect } from './operators.js';
import { PatternReader } from './reader.js';

/**
 * The event-pattern language of EventBridge (rules, TestEventPattern, Pipes), also behind Lambda filter
 * criteria and SNS filter policies. A pattern compiles, as in AWS's rule engine, into sub-rules: `$or`
 * multiplies the alternatives, and each sub-rule maps a field path (names joined with ".", so
 * `{"a": {"b": ...}}` and `{"a.b": ...}` are the same field) to the OR-ed entries of its list. A field
 * given twice keeps its last list. An event matches when any sub-rule does.
 */
export type SubRule = ReadonlyMap<string, readonly Matcher[]>;

export interface CompiledPattern {
  readonly rules: readonly SubRule[];
}

export interface CompileOptions {
  /** 'sns' reads the older dialect of SNS filter policies (see operators.ts). Default 'eventbridge'. */
  readonly dialect?: Dialect;
}

/** Field names that would be operators, refused inside `$or` so that `$or` cannot hide a typo. */
const RESERVED_IN_OR = new Set([
  'exactly', 'equals-ignore-case', 'prefix', 'suffix', 'anything-but', 'exists', 'wildcard', 'numeric', 'cidr',
  '=', '<', '<=', '>', '>=', 'regex', 'not-wildcard', 'not-equals-ignore-case', 'date-after', 'date-on-or-after',
  'date-before', 'date-on-or-before', 'in-date-range', 'ip-address-in-range', 'ip-address-not-in-range',
]);

const TOO_COMPLEX = 'Rule is too complex - try using fewer wildcard characters or fewer repeating character sequences after a wildcard character';

/** Compiles a pattern's JSON text; throws EventPatternError with AWS's reason and location. */
export function compileEventPattern(source: string, options: CompileOptions = {}): CompiledPattern {
  const reader = new PatternReader(source);
  if (reader.first()?.type !== '{') reader.fail('Filter is not an object');
  const rules: Map<string, Matcher[]>[] = [];
  new Compiler(reader, options.dialect ?? 'eventbridge').object(rules, [], false);
  if ((options.dialect ?? 'eventbridge') === 'eventbridge' && tooComplex(rules)) reader.failPlain(TOO_COMPLEX);
  return { rules };
}

/** The wildcard patterns of each field, across sub-rules, as the engine's machine holds them. */
function tooComplex(rules: readonly SubRule[]): boolean {
  const byField = new Map<string, string[]>();
  for (const rule of rules) {
    for (const [path, matchers] of rule) {
      for (const m of matchers) {
        const wildcards = m.kind === 'anythingBut' ? m.not : [m];
        for (const w of wildcards) if (w.kind === 'wildcard') byField.set(path, [...(byField.get(path) ?? []), w.text]);
      }
    }
  }
  return [...byField.values()].some((texts) => wildcardComplexity(texts) > MAX_WILDCARD_COMPLEXITY);
}

class Compiler {
  private readonly operators: OperatorReader;

  constructor(private readonly r: PatternReader, dialect: Dialect) {
    this.operators = new OperatorReader(r, dialect);
  }

  /** After `{`: the fields of one object, written into every sub-rule in `rules`. */
  object(rules: Map<string, Matcher[]>[], path: readonly string[], insideOr: boolean): void {
    let any = false;
    for (let t = this.r.next(); t.type !== '}'; t = this.r.next()) {
      any = true;
      const name = t.text;
      if (name === '$or') {
        this.or(rules, path);
        continue;
      }
      if (insideOr && RESERVED_IN_OR.has(name)) this.r.fail(`${name} is Ruler reserved fieldName which cannot be used inside $or.`);
      const v = this.r.next();
      if (v.type === '{') this.object(rules, [...path, name], insideOr);
      else if (v.type === '[') write(rules, [...path, name].join('.'), this.values());
      else this.r.fail(`"${name}" must be an object or an array`);
    }
    if (!any) this.r.fail('Empty objects are not allowed');
  }

  /** After `"$or":`: each alternative continues a copy of the sub-rules so far. */
  private or(rules: Map<string, Matcher[]>[], path: readonly string[]): void {
    const before = rules.splice(0, rules.length);
    if (this.r.next().type !== '[') this.r.fail('It must be an Array followed with $or.');
    let count = 0;
    for (let t = this.r.next(); t.type !== ']'; t = this.r.next()) {
      count++;
      if (t.type !== '{') this.r.fail('Only JSON object is allowed in array of $or relationship.');
      const branch = before.length > 0 ? before.map((rule) => new Map(rule)) : [new Map<string, Matcher[]>()];
      this.object(branch, path, true);
      rules.push(...branch);
    }
    if (count < 2) this.r.fail('There must have at least 2 Objects in $or relationship.');
  }

  /** After `[`: a field's list of values and match expressions. */
  private values(): Matcher[] {
    const out: Matcher[] = [];
    for (let t = this.r.next(); t.type !== ']'; t = this.r.next()) {
      if (t.type === '{') out.push(this.operators.expression());
      else if (t.type === 'string') {
        const text = this.r.text(t);
        const range = ipLiteralRange(text);
        out.push(range ? { kind: 'ip', range } : { kind: 'string', value: text });
      } else if (t.type === 'number') out.push({ kind: 'number', text: t.text, value: comparableNumber(t.text) });
      else if (t.type === 'true' || t.type === 'false' || t.type === 'null') out.push({ kind: 'literal', value: t.type });
      else this.r.fail('Match value must be String, number, true, false, or null');
    }
    if (out.length === 0) this.r.fail('Empty arrays are not allowed');
    return out;
  }
}

function write(rules: Map<string, Matcher[]>[], path: string, matchers: Matcher[]): void {
  if (rules.length === 0) rules.push(new Map());
  for (const rule of rules) rule.set(path, matchers);
}
