/**
 * A JSON tokenizer that knows where each token ends, for the error locations AWS reports with an
 * invalid event pattern ("... at [Source: (String)"..."; line: 1, column: 40]"): the line and the
 * 1-based column just past the token the compiler stopped at, as the JSON parser behind EventBridge
 * reports them.
 */
export type TokenType = '{' | '}' | '[' | ']' | 'name' | 'string' | 'number' | 'true' | 'false' | 'null';

export interface Token {
  readonly type: TokenType;
  /** The string's value, or the number's literal text. */
  readonly text: string;
  readonly line: number;
  readonly column: number;
}

export class PatternSyntaxError extends Error {
  constructor(readonly reason: string, readonly line: number, readonly column: number) {
    super(reason);
  }
}

/** Reads the whole text into tokens; throws PatternSyntaxError for text that is not JSON. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  let line = 1;
  let lineStart = 0;
  // The open containers: inside an object every entry starts with a field name.
  const stack: ('{' | '[')[] = [];
  const fail = (reason: string): never => {
    throw new PatternSyntaxError(reason, line, i - lineStart + 1);
  };
  const push = (type: TokenType, value: string): void => {
    tokens.push({ type, text: value, line, column: i - lineStart + 1 });
  };
  const skipSpace = (): void => {
    while (i < text.length) {
      const c = text[i]!;
      if (c === '\n') {
        line++;
        lineStart = i + 1;
      } else if (c !== ' ' && c !== '\t' && c !== '\r') return;
      i++;
    }
  };
  const readString = (): string => {
    let out = '';
    i++;
    for (;;) {
      if (i >= text.length) fail('Unexpected end-of-input: was expecting closing quote for a string value');
      const c = text[i]!;
      if (c === '"') {
        i++;
        return out;
      }
      if (c === '\\') {
        const e = text[i + 1];
        const simple: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };
        if (e !== undefined && simple[e] !== undefined) {
          out += simple[e];
          i += 2;
        } else if (e === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) {
          out += String.fromCharCode(parseInt(text.slice(i + 2, i + 6), 16));
          i += 6;
        } else {
          i++;
          fail(`Unrecognized character escape '${e ?? ''}' (code ${e?.charCodeAt(0) ?? -1})`);
        }
        continue;
      }
      if (c.charCodeAt(0) < 0x20) fail(`Illegal unquoted character ((CTRL-CHAR, code ${c.charCodeAt(0)})): has to be escaped using backslash to be included in string value`);
      out += c;
      i++;
    }
  };
  const readValue = (): void => {
    const c = text[i];
    if (c === '{') {
      i++;
      push('{', '{');
      stack.push('{');
    } else if (c === '[') {
      i++;
      push('[', '[');
      stack.push('[');
    } else if (c === '"') {
      const s = readString();
      push('string', s);
    } else if (c !== undefined && /[-0-9]/.test(c)) {
      const m = /^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][-+]?[0-9]+)?/.exec(text.slice(i));
      if (!m || m[0] === '-') fail(`Unexpected character ('${c}' (code ${c.charCodeAt(0)})): expected a valid value`);
      i += m![0].length;
      push('number', m![0]);
    } else {
      for (const word of ['true', 'false', 'null'] as const) {
        if (text.startsWith(word, i)) {
          i += word.length;
          push(word, word);
          return;
        }
      }
      if (c === undefined) fail('Unexpected end-of-input: expected a value');
      fail(`Unexpected character ('${c}' (code ${c!.charCodeAt(0)})): expected a valid value (JSON String, Number, Array, Object or token 'null', 'true' or 'false')`);
    }
  };
  skipSpace();
  readValue();
  while (stack.length > 0) {
    skipSpace();
    const top = stack[stack.length - 1]!;
    const c = text[i];
    const last = tokens[tokens.length - 1]!.type;
    const justOpened = last === top;
    if ((top === '{' && c === '}') || (top === '[' && c === ']')) {
      i++;
      push(c, c);
      stack.pop();
      continue;
    }
    if (!justOpened) {
      if (c !== ',') fail(c === undefined ? `Unexpected end-of-input: expected close marker for ${top === '{' ? 'Object' : 'Array'}` : `Unexpected character ('${c}' (code ${c.charCodeAt(0)})): was expecting comma to separate ${top === '{' ? 'Object entries' : 'Array entries'}`);
      i++;
      skipSpace();
    }
    if (top === '{') {
      if (text[i] !== '"') fail(`Unexpected character ('${text[i] ?? ''}' (code ${text.charCodeAt(i) || -1})): was expecting double-quote to start field name`);
      const name = readString();
      skipSpace();
      if (text[i] !== ':') fail(`Unexpected character ('${text[i] ?? ''}' (code ${text.charCodeAt(i) || -1})): was expecting a colon to separate field name and value`);
      i++;
      push('name', name);
      skipSpace();
    }
    readValue();
  }
  skipSpace();
  if (i < text.length) fail(`Unexpected character ('${text[i]}' (code ${text.charCodeAt(i)})): expected end of input`);
  return tokens;
}
