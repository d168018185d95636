/**
 * Where things are in a JSON text: a small parser that keeps each value's and each member name's
 * offset, so that a diagnostic's location (`/States/Choose/Choices[0]/Next`, or Jackson's
 * `line: 3, column: 5`) can be shown on its line in the editor.
 */

/** Parses `text`; `{ value, spans }` where spans maps a pointer ('' for the root) to { start, end, keyStart? }. */
export function parseWithSpans(text) {
  const spans = new Map();
  let i = 0;
  const ws = () => {
    while (i < text.length && (text[i] === ' ' || text[i] === '\n' || text[i] === '\r' || text[i] === '\t')) i++;
  };
  const fail = (what) => {
    const e = new SyntaxError(`${what} at line ${lineOf(text, i)}`);
    e.offset = i;
    throw e;
  };
  const string = () => {
    const start = i;
    i++;
    while (i < text.length && text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
    if (i >= text.length) fail('Unterminated string');
    i++;
    return JSON.parse(text.slice(start, i));
  };
  const value = (ptr, keyStart) => {
    ws();
    const start = i;
    let v;
    const c = text[i];
    if (c === '{') {
      v = {};
      i++;
      ws();
      if (text[i] === '}') i++;
      else {
        for (;;) {
          ws();
          if (text[i] !== '"') fail('Expected a member name');
          const ks = i;
          const k = string();
          ws();
          if (text[i] !== ':') fail("Expected ':'");
          i++;
          v[k] = value(`${ptr}/${k}`, ks);
          ws();
          if (text[i] === ',') i++;
          else if (text[i] === '}') {
            i++;
            break;
          } else fail("Expected ',' or '}'");
        }
      }
    } else if (c === '[') {
      v = [];
      i++;
      ws();
      if (text[i] === ']') i++;
      else {
        for (;;) {
          v.push(value(`${ptr}[${v.length}]`));
          ws();
          if (text[i] === ',') i++;
          else if (text[i] === ']') {
            i++;
            break;
          } else fail("Expected ',' or ']'");
        }
      }
    } else if (c === '"') v = string();
    else {
      const m = /^(?:-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null)/.exec(text.slice(i, i + 64));
      if (!m) fail('Unexpected character');
      i += m[0].length;
      v = JSON.parse(m[0]);
    }
    spans.set(ptr, { start: keyStart ?? start, end: i });
    return v;
  };
  const root = value('');
  ws();
  if (i < text.length) fail('Unexpected text after the JSON value');
  return { value: root, spans };
}

/** The 1-based line of an offset. */
export function lineOf(text, offset) {
  let line = 1;
  for (let k = 0; k < offset && k < text.length; k++) if (text.charCodeAt(k) === 10) line++;
  return line;
}

/**
 * The 1-based line a diagnostic's location points at in `text`: a JSON pointer in AWS's form
 * (`/States/A/Choices[0]/Next`, nearest existing ancestor when the field itself is missing), or
 * a `line: N` in Jackson's message; undefined when it names no place.
 */
export function locate(text, location, message = '') {
  const jackson = /line: (\d+)/.exec(`${location ?? ''} ${message}`);
  if (jackson) return Number(jackson[1]);
  if (!location || !location.startsWith('/')) return undefined;
  let spans;
  try {
    spans = parseWithSpans(text).spans;
  } catch {
    return undefined;
  }
  // AWS writes `/States/A/Choices[0]/Next`; ours are the same: `[i]` glued to the member before it.
  let ptr = location === '/' ? '' : location.replace(/\/$/, '');
  for (;;) {
    const span = spans.get(ptr);
    if (span) return lineOf(text, span.start);
    if (ptr === '') return undefined;
    const cut = Math.max(ptr.lastIndexOf('/'), ptr.lastIndexOf('['));
    ptr = cut <= 0 ? '' : ptr.slice(0, cut);
  }
}
