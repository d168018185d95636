/**
 * A lazy JSON tokenizer that reports what the JSON parser behind AWS's rule engine (Jackson's streaming
 * parser) reports: the same syntax-error texts, raised only when the parser reaches them (a pattern
 * error earlier in the text wins over a syntax error later), and the same locations. Jackson's location
 * is the offset just past what it has consumed: after a field name it has already read the start of the
 * value, and a string value is consumed up to its opening quote until its text is asked for.
 */
export type TokenType = '{' | '}' | '[' | ']' | 'name' | 'string' | 'number' | 'true' | 'false' | 'null';

export interface Token {
  readonly type: TokenType;
  /** A string's or name's value, a number's literal text, or the punctuation/keyword itself. */
  readonly text: string;
  /** Offset just past the whole token. */
  readonly end: number;
  /** Offset Jackson reports while the token is current and its text unread (see above). */
  readonly shallowEnd: number;
  /** A fault inside a string's content, raised when its text is read or the parser moves past it. */
  readonly deferred?: PatternSyntaxError;
}

export class PatternSyntaxError extends Error {
  /** `offset` is where Jackson's location points (characters consumed). */
  constructor(readonly reason: string, readonly offset: number) {
    super(reason);
  }
}

const VALID_VALUES = "(JSON String, Number, Array, Object or token 'null', 'true' or 'false')";
const ESCAPES: Readonly<Record<string, string>> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };

/** Jackson's description of a character in its messages. */
export function charDescription(code: number): string {
  if (code < 0x20 || (code >= 0x7f && code <= 0x9f)) return `(CTRL-CHAR, code ${code})`;
  const c = String.fromCharCode(code);
  return code > 255 ? `'${c}' (code ${code} / 0x${code.toString(16)})` : `'${c}' (code ${code})`;
}

/** Line and 1-based column of an offset, counting line breaks as Jackson does (\n, \r, \r\n). */
export function locate(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    const c = text[i];
    if (c === '\n' || (c === '\r' && text[i + 1] !== '\n')) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

export class JsonTokenizer {
  private pos = 0;
  /** Open containers with where they started (for "start marker" messages) and whether a comma is due. */
  private readonly open: { kind: '{' | '['; start: number; afterValue: boolean }[] = [];
  private pending: Token | undefined;
  private last: Token | undefined;

  constructor(readonly text: string) {}

  /** The next token, or undefined when the root value is complete and only whitespace remains. */
  next(): Token | undefined {
    if (this.last?.deferred) throw this.last.deferred;
    const pending = this.pending;
    this.pending = undefined;
    const t = pending ?? this.read();
    this.last = t;
    if (t && t.type !== 'name') this.settle(t);
    return t;
  }

  private settle(t: Token): void {
    if (t.type === '{' || t.type === '[') {
      this.open.push({ kind: t.type, start: t.end - 1, afterValue: false });
    } else {
      if (t.type === '}' || t.type === ']') this.open.pop();
      const parent = this.open[this.open.length - 1];
      if (parent) parent.afterValue = true;
    }
  }

  private fail(reason: string, offset: number): never {
    throw new PatternSyntaxError(reason, offset);
  }

  private unexpected(at: number, comment: string): never {
    this.fail(`Unexpected character (${charDescription(this.text.charCodeAt(at))}): ${comment}`, at);
  }

  private skipSpace(): number {
    while (this.pos < this.text.length && ' \t\r\n'.includes(this.text[this.pos]!)) this.pos++;
    return this.pos;
  }

  private startMarker(start: number): string {
    const { line, column } = locate(this.text, start);
    return `[Source: (String)"${this.text}"; line: ${line}, column: ${column}]`;
  }

  private read(): Token | undefined {
    const at = this.skipSpace();
    const top = this.open[this.open.length - 1];
    if (at >= this.text.length) {
      if (!top) return undefined;
      this.fail(`Unexpected end-of-input: expected close marker for ${top.kind === '{' ? 'Object' : 'Array'} (start marker at ${this.startMarker(top.start)})`, at);
    }
    const c = this.text[at]!;
    if (c === '}' || c === ']') return this.close(c, at, top);
    if (top?.afterValue) {
      if (c !== ',') this.unexpected(at, `was expecting comma to separate ${top.kind === '{' ? 'Object' : 'Array'} entries`);
      this.pos++;
      if (this.skipSpace() >= this.text.length) this.fail(`Unexpected end-of-input within/between ${top.kind === '{' ? 'Object' : 'Array'} entries`, this.pos);
    }
    if (top?.kind !== '{') return this.value();
    if (this.text[this.pos] !== '"') this.unexpected(this.pos, 'was expecting double-quote to start field name');
    const name = this.string(true);
    if (name.deferred) throw name.deferred;
    this.skipSpace();
    if (this.pos >= this.text.length) this.fail('Unexpected end-of-input within/between Object entries', this.pos);
    if (this.text[this.pos] !== ':') this.unexpected(this.pos, 'was expecting a colon to separate field name and value');
    this.pos++;
    if (this.skipSpace() >= this.text.length) this.fail('Unexpected end-of-input within/between Object entries', this.pos);
    this.pending = this.value();
    return { type: 'name', text: name.text, end: name.end, shallowEnd: this.pending.shallowEnd };
  }

  private close(c: '}' | ']', at: number, top: { kind: '{' | '['; start: number } | undefined): Token {
    const expected = c === '}' ? '{' : '[';
    if (top?.kind !== expected) {
      const other = c === '}' ? ']' : '}';
      const where = top ? `${top.kind === '{' ? 'Object' : 'Array'} starting at ${this.startMarker(top.start)}` : 'root starting at [Source: (String)"' + this.text + '"; line: 1, column: 0]';
      this.fail(`Unexpected close marker '${c}': expected '${other}' (for ${where})`, at);
    }
    this.pos = at + 1;
    return { type: c, text: c, end: this.pos, shallowEnd: this.pos };
  }

  private value(): Token {
    const at = this.pos;
    const c = this.text[at]!;
    if (c === '{' || c === '[') {
      this.pos++;
      return { type: c, text: c, end: this.pos, shallowEnd: this.pos };
    }
    if (c === '"') return this.string(false);
    if (c === '-' || (c >= '0' && c <= '9')) return this.number();
    if (c === '}') this.unexpected(at, 'expected a value');
    if (/[\p{L}\p{Nl}$_\p{Sc}\p{Pc}]/u.test(c)) {
      let end = at + 1;
      while (end < this.text.length && /[\p{L}\p{Nl}\p{Mn}\p{Mc}\p{Nd}\p{Pc}\p{Sc}$_]/u.test(this.text[end]!)) end++;
      const word = this.text.slice(at, end);
      this.pos = end;
      if (word === 'true' || word === 'false' || word === 'null') return { type: word, text: word, end, shallowEnd: end };
      this.fail(`Unrecognized token '${word}': was expecting ${VALID_VALUES}`, end);
    }
    this.unexpected(at, `expected a valid value ${VALID_VALUES}`);
  }

  /** Reads a string or name; a fault in a value's content is deferred, as Jackson reads values lazily. */
  private string(isName: boolean): Token {
    const open = this.pos;
    let out = '';
    let deferred: PatternSyntaxError | undefined;
    let i = open + 1;
    for (;;) {
      if (i >= this.text.length) {
        if (isName) this.fail('Unexpected end-of-input in field name', i);
        deferred ??= new PatternSyntaxError('Unexpected end-of-input: was expecting closing quote for a string value', i);
        break;
      }
      const c = this.text[i]!;
      if (c === '"') break;
      if (c === '\\') {
        const e = this.text[i + 1];
        if (e !== undefined && ESCAPES[e] !== undefined) {
          out += ESCAPES[e];
          i += 2;
          continue;
        }
        if (e === 'u') {
          const bad = [2, 3, 4, 5].find((k) => !/[0-9a-fA-F]/.test(this.text[i + k] ?? ''));
          if (bad === undefined) {
            out += String.fromCharCode(parseInt(this.text.slice(i + 2, i + 6), 16));
            i += 6;
            continue;
          }
          deferred ??= new PatternSyntaxError(`Unexpected character (${charDescription(this.text.charCodeAt(i + bad))}): expected a hex-digit for character escape sequence`, i + bad);
        } else if (e !== undefined) {
          deferred ??= new PatternSyntaxError(`Unrecognized character escape ${charDescription(e.charCodeAt(0))}`, i + 1);
        }
        i += 2;
        continue;
      }
      if (c.charCodeAt(0) < 0x20) {
        deferred ??= new PatternSyntaxError(`Illegal unquoted character (${charDescription(c.charCodeAt(0))}): has to be escaped using backslash to be included in ${isName ? 'name' : 'string value'}`, i);
      }
      out += c;
      i++;
    }
    this.pos = Math.min(i + 1, this.text.length);
    return { type: isName ? 'name' : 'string', text: out, end: this.pos, shallowEnd: open + 1, ...(deferred ? { deferred } : {}) };
  }

  private number(): Token {
    const start = this.pos;
    let i = start;
    const digits = (): number => {
      const from = i;
      while (i < this.text.length && this.text[i]! >= '0' && this.text[i]! <= '9') i++;
      return i - from;
    };
    const need = (what: string): void => {
      if (i >= this.text.length) this.fail('Unexpected end-of-input in a Number value', i);
      this.fail(`Unexpected character (${charDescription(this.text.charCodeAt(i))}) in numeric value: ${what}`, i);
    };
    if (this.text[i] === '-') i++;
    const intStart = i;
    if (digits() === 0) need('expected digit (0-9) to follow minus sign, for valid numeric value');
    if (this.text[intStart] === '0' && i - intStart > 1) this.fail('Invalid numeric value: Leading zeroes not allowed', intStart + 1);
    if (this.text[i] === '.') {
      i++;
      if (digits() === 0) need('Decimal point not followed by a digit');
    }
    if (this.text[i] === 'e' || this.text[i] === 'E') {
      i++;
      if (this.text[i] === '+' || this.text[i] === '-') i++;
      if (digits() === 0) need('Exponent indicator not followed by a digit');
    }
    this.pos = i;
    return { type: 'number', text: this.text.slice(start, i), end: i, shallowEnd: i };
  }
}

/** A JSON number as written: the engine compares numbers by their text when they are not exact doubles. */
export class JsonNumber {
  constructor(readonly text: string) {}
}

/**
 * Parses JSON text for matching (events, message bodies): like JSON.parse, except that numbers become
 * JsonNumber so that their written form is kept. Throws PatternSyntaxError for text that is not JSON, or
 * that goes on after its value unless `trailing` is 'ignore' (as Jackson's tree reader does by default).
 */
export function parseJson(text: string, trailing: 'error' | 'ignore' = 'error'): unknown {
  const tokens = new JsonTokenizer(text);
  const value = (t: Token | undefined): unknown => {
    if (!t) throw new PatternSyntaxError('Unexpected end-of-input', text.length);
    switch (t.type) {
      case '{': {
        const obj: Record<string, unknown> = {};
        for (let n = tokens.next(); n!.type !== '}'; n = tokens.next()) {
          Object.defineProperty(obj, n!.text, { value: value(tokens.next()), enumerable: true, writable: true, configurable: true });
        }
        return obj;
      }
      case '[': {
        const arr: unknown[] = [];
        for (let n = tokens.next(); n!.type !== ']'; n = tokens.next()) arr.push(value(n));
        return arr;
      }
      case 'string':
        if (t.deferred) throw t.deferred;
        return t.text;
      case 'number':
        return new JsonNumber(t.text);
      case 'true':
      case 'false':
        return t.type === 'true';
      case 'null':
        return null;
      default:
        throw new PatternSyntaxError(`Unexpected token ${t.text}`, t.end);
    }
  };
  const root = value(tokens.next());
  if (trailing === 'error' && tokens.next() !== undefined) throw new PatternSyntaxError('Unexpected content after the JSON value', text.length);
  return root;
}
