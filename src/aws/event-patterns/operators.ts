import type { Token } from './json-tokens.js';
import { CidrError, cidrRange } from './ip.js';
import type { Matcher } from './matchers.js';
import { comparableNumber, type NumericRange } from './numbers.js';
import type { PatternReader } from './reader.js';
import { caseAlternatives, parseWildcard } from './text.js';

/**
 * The match expressions of a field's list (`{"prefix": "a"}`, `{"numeric": [">", 0]}`, ...), read token
 * by token in the order AWS's rule engine reads them, so that its first complaint, and the place it is
 * made, are the ones AWS reports.
 *
 * The 'sns' dialect is the older engine behind SNS filter policies: inside anything-but it knows only
 * `prefix` (and words its faults the older way), and prefix/suffix take no equals-ignore-case object.
 */
export type Dialect = 'eventbridge' | 'sns';

const ONE_KEY = 'Only one key allowed in match expression';
const TOO_MANY = 'Too many elements in numeric expression';
type Inner = 'prefix' | 'suffix' | 'equals-ignore-case' | 'wildcard';
const INNER_OPERATORS: readonly string[] = ['equals-ignore-case', 'prefix', 'suffix', 'wildcard'];

export class OperatorReader {
  constructor(private readonly r: PatternReader, private readonly dialect: Dialect) {}

  private end(reason = ONE_KEY): void {
    if (this.r.next().type !== '}') this.r.fail(reason);
  }

  /** The string value of an operator, or the operator's complaint. */
  private stringValue(reason: string): string {
    const v = this.r.next();
    if (v.type !== 'string') this.r.fail(reason);
    return this.r.text(v);
  }

  private wildcard(text: string): Matcher {
    const parsed = parseWildcard(text);
    if (typeof parsed === 'string') this.r.fail(parsed);
    return { kind: 'wildcard', wildcard: parsed, text };
  }

  /** After the `{` of a match expression, up to and including its `}`. */
  expression(): Matcher {
    const t = this.r.next();
    if (t.type !== 'name') this.r.fail('Match expression name not found');
    switch (t.text) {
      case 'exactly':
        return this.ended({ kind: 'string', value: this.stringValue('exact match pattern must be a string') });
      case 'prefix':
      case 'suffix':
        return this.affix(t.text);
      case 'numeric': {
        if (this.r.next().type !== '[') this.r.fail('Value of numeric must be an array.');
        const range = this.numeric();
        this.end(TOO_MANY);
        return { kind: 'numeric', range };
      }
      case 'anything-but':
        return this.dialect === 'sns' ? this.snsAnythingBut() : this.anythingBut();
      case 'exists': {
        const v = this.r.next();
        if (v.type !== 'true' && v.type !== 'false') this.r.fail('exists match pattern must be either true or false.');
        return this.ended({ kind: 'exists', present: v.type === 'true' });
      }
      case 'cidr': {
        const text = this.stringValue('prefix match pattern must be a string');
        try {
          return this.ended({ kind: 'ip', range: cidrRange(text) });
        } catch (e) {
          if (e instanceof CidrError) this.r.failPlain(e.message);
          throw e;
        }
      }
      case 'equals-ignore-case':
        return this.ended({ kind: 'equalsIgnoreCase', alternatives: caseAlternatives(this.stringValue('equals-ignore-case match pattern must be a string')) });
      case 'wildcard':
        return this.ended(this.wildcard(this.stringValue('wildcard match pattern must be a string')));
      default:
        this.r.fail(`Unrecognized match type ${t.text}`);
    }
  }

  private ended(m: Matcher): Matcher {
    this.end();
    return m;
  }

  private affix(kind: 'prefix' | 'suffix'): Matcher {
    const v = this.r.next();
    if (v.type === '{' && this.dialect === 'eventbridge') {
      const which = kind === 'prefix' ? 'Prefix' : 'Suffix';
      const op = this.r.next();
      if (op.type !== 'name') this.r.fail(`${which} expression name not found`);
      if (op.text !== 'equals-ignore-case') this.r.fail(`Unsupported ${kind} pattern: ${op.text}`);
      const alternatives = caseAlternatives(this.stringValue('equals-ignore-case match pattern must be a string'));
      this.end();
      this.end();
      return { kind: kind === 'prefix' ? 'prefixIgnoreCase' : 'suffixIgnoreCase', alternatives };
    }
    if (v.type !== 'string') this.r.fail(`${kind} match pattern must be a string`);
    return this.ended({ kind, value: this.r.text(v) });
  }

  /** A number of a numeric expression, checked when the engine builds the range (after its `]`). */
  private comparable(text: string): number {
    const n = comparableNumber(text);
    if (n === undefined) this.r.fail(`Cannot compare number : ${text}`);
    return n;
  }

  /** After `"numeric": [`, up to and including its `]`. */
  private numeric(): NumericRange {
    const op = this.r.next();
    if (op.type !== 'string') this.r.fail(`Invalid member in numeric match: ${op.text}`);
    const operator = this.r.text(op);
    const v = this.r.next();
    const named = operator === '=' ? 'equals' : operator;
    if (!['=', '<', '<=', '>', '>='].includes(operator)) this.r.fail(`Unrecognized numeric range operator: ${operator}`);
    if (v.type !== 'number') this.r.fail(`Value of ${named} must be numeric`);
    if (operator === '>' || operator === '>=') {
      const after = this.r.next();
      if (after.type !== ']') return this.range(after, v.text, operator === '>');
      return { lower: this.comparable(v.text), lowerOpen: operator === '>' };
    }
    if (this.r.next().type !== ']') this.r.fail(TOO_MANY);
    const n = this.comparable(v.text);
    return operator === '=' ? { lower: n, upper: n } : { upper: n, upperOpen: operator === '<' };
  }

  private range(t: Token, bottom: string, lowerOpen: boolean): NumericRange {
    if (t.type !== 'string') this.r.fail(`Bad value in numeric range: ${t.text}`);
    const operator = this.r.text(t);
    if (operator !== '<' && operator !== '<=') this.r.fail(`Bad numeric range operator: ${operator}`);
    const v = this.r.next();
    if (v.type !== 'number') this.r.fail(`Value of ${operator} must be numeric`);
    if (this.r.next().type !== ']') this.r.fail('Too many terms in numeric range expression');
    const lower = this.comparable(bottom);
    const upper = this.comparable(v.text);
    if (lower >= upper) this.r.fail('Bottom must be less than top');
    return { lower, lowerOpen, upper, upperOpen: operator === '<' };
  }

  /** After `"anything-but":`: a value, a list, or `{prefix|suffix|equals-ignore-case|wildcard: value or list}`. */
  private anythingBut(): Matcher {
    let t = this.r.next();
    let inner: Inner | undefined;
    if (t.type === '{') {
      const op = this.r.next();
      if (op.type !== 'name') this.r.fail('Anything-But expression name not found');
      if (!INNER_OPERATORS.includes(op.text)) this.r.fail(`Unsupported anything-but pattern: ${op.text}`);
      inner = op.text as Inner;
      t = this.r.next();
    }
    if (t.type !== '[' && t.type !== 'string' && t.type !== 'number') this.r.fail('Value of anything-but must be an array or single string/number value.');
    const not = inner ? this.innerValues(t, inner) : this.plainValues(t);
    this.end(TOO_MANY);
    if (inner) this.end(TOO_MANY);
    return { kind: 'anythingBut', not };
  }

  /** SNS: anything-but of values, or of one prefix. */
  private snsAnythingBut(): Matcher {
    const t = this.r.next();
    if (t.type === '{') {
      const op = this.r.next();
      if (op.type !== 'name') this.r.fail('Anything-But expression name not found');
      if (op.text !== 'prefix') this.r.fail(`Unsupported anything-but pattern: ${op.text}`);
      const prefix = this.stringValue('prefix match pattern must be a string');
      if (prefix === '') this.r.fail('Null prefix not allowed');
      this.end();
      this.end();
      return { kind: 'anythingBut', not: [{ kind: 'prefix', value: prefix }] };
    }
    if (t.type !== '[' && t.type !== 'string' && t.type !== 'number') this.r.fail('Value of anything-but must be an array or single string/number value.');
    const not = this.plainValues(t);
    this.end(TOO_MANY);
    return { kind: 'anythingBut', not };
  }

  /** Strings or numbers, not both; a number must be an exact double. */
  private plainValues(t: Token): Matcher[] {
    const excluded = (v: Token): Matcher => {
      if (v.type === 'string') return { kind: 'string', value: this.r.text(v) };
      const n = comparableNumber(v.text);
      // Outside the engine's own catch this fault has no location.
      if (n === undefined) this.r.failPlain(`Cannot compare number : ${v.text}`);
      return { kind: 'numeric', range: { lower: n, upper: n } };
    };
    if (t.type !== '[') return [excluded(t)];
    const not: Matcher[] = [];
    this.r.reraising(() => {
      for (let v = this.r.next(); v.type !== ']'; v = this.r.next()) {
        if (v.type !== 'string' && v.type !== 'number') this.r.fail('Inside anything but list, start|null|boolean is not supported.');
        not.push(excluded(v));
      }
    });
    const numbers = not.filter((m) => m.kind === 'numeric').length;
    // Neither kind (an empty list) is refused with the same words as both kinds.
    if ((numbers > 0) === (numbers < not.length)) {
      this.r.fail('Inside anything but list, either all values are number or string, mixed type is not supported');
    }
    return not;
  }

  private innerValues(t: Token, inner: Inner): Matcher[] {
    const value = (v: Token): string => {
      if (v.type !== 'string') {
        if (inner === 'equals-ignore-case') this.r.fail('Inside anything-but/equals-ignore-case list, number|start|null|boolean is not supported.');
        this.r.fail(inner === 'wildcard' ? 'wildcard match pattern must be a string' : 'prefix/suffix match pattern must be a string');
      }
      const text = this.r.text(v);
      if (text === '' && (inner === 'prefix' || inner === 'suffix')) this.r.fail('Null prefix/suffix not allowed');
      return text;
    };
    const texts: string[] = [];
    if (t.type === '[') {
      this.r.reraising(() => {
        for (let v = this.r.next(); v.type !== ']'; v = this.r.next()) texts.push(value(v));
      });
    } else texts.push(value(t));
    return texts.map((text): Matcher => {
      if (inner === 'wildcard') return this.wildcard(text);
      if (inner === 'equals-ignore-case') return { kind: 'equalsIgnoreCase', alternatives: caseAlternatives(text) };
      return { kind: inner, value: text };
    });
  }
}
