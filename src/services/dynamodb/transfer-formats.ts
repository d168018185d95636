/**
 * The file formats of exports to and imports from S3: DynamoDB JSON lines (`{"Item":{...}}`),
 * Amazon Ion text (`$ion_1_0 {Item:{...}}`, sets annotated `$dynamodb_SS::` etc., numbers as
 * decimals, binaries as `{{base64}}`), and CSV (RFC 4180 quoting, a header line or HeaderList).
 */
import type { AttributeValue, Item } from './values.js';

// Ion text, written

const ION_IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;
const ION_KEYWORDS = new Set(['null', 'true', 'false', 'nan']);

function ionString(s: string): string {
  // JSON's escapes are Ion's (\" \\ \n \t \uXXXX...), except that Ion has no \/ (JSON.stringify never writes it).
  return JSON.stringify(s);
}

function ionField(name: string): string {
  return ION_IDENTIFIER.test(name) && !ION_KEYWORDS.has(name) ? name : ionString(name);
}

/** A DynamoDB number as an Ion decimal: `5.`, `1.5`, `1.5d3`. */
function ionDecimal(n: string): string {
  const m = /^([-+]?[0-9]*\.?[0-9]*)(?:[eE]([-+]?[0-9]+))?$/.exec(n);
  if (!m) return n;
  let mant = m[1]!;
  if (!mant.includes('.')) mant += '.';
  return m[2] !== undefined ? `${mant.endsWith('.') ? mant.slice(0, -1) : mant}d${m[2]}` : mant;
}

export function ionValue(v: AttributeValue): string {
  if (v.S !== undefined) return ionString(v.S);
  if (v.N !== undefined) return ionDecimal(v.N);
  if (v.B !== undefined) return `{{${v.B}}}`;
  if (v.BOOL !== undefined) return v.BOOL ? 'true' : 'false';
  if (v.NULL !== undefined) return 'null';
  if (v.SS !== undefined) return `$dynamodb_SS::[${v.SS.map(ionString).join(',')}]`;
  if (v.NS !== undefined) return `$dynamodb_NS::[${v.NS.map(ionDecimal).join(',')}]`;
  if (v.BS !== undefined) return `$dynamodb_BS::[${v.BS.map((b) => `{{${b}}}`).join(',')}]`;
  if (v.L !== undefined) return `[${v.L.map(ionValue).join(',')}]`;
  if (v.M !== undefined) return ionStruct(v.M);
  throw new Error('empty AttributeValue');
}

export function ionStruct(item: Item): string {
  return `{${Object.keys(item)
    .map((k) => `${ionField(k)}:${ionValue(item[k]!)}`)
    .join(',')}}`;
}

/** One line of an ION export data file. */
export function ionLine(item: Item): string {
  return `$ion_1_0 {Item:${ionStruct(item)}}`;
}

// Ion text, read (the subset exports write: structs, lists, strings, symbols, decimals and
// integers, blobs, booleans, null, the three set annotations)

export class IonSyntaxError extends Error {}

class IonReader {
  private i = 0;
  constructor(private readonly s: string) {}

  private ws(): void {
    for (;;) {
      const c = this.s[this.i];
      if (c === ' ' || c === '\n' || c === '\r' || c === '\t') this.i++;
      else if (c === '/' && this.s[this.i + 1] === '/') {
        while (this.i < this.s.length && this.s[this.i] !== '\n') this.i++;
      } else if (c === '/' && this.s[this.i + 1] === '*') {
        const end = this.s.indexOf('*/', this.i + 2);
        this.i = end < 0 ? this.s.length : end + 2;
      } else return;
    }
  }

  private fail(what: string): never {
    throw new IonSyntaxError(`${what} at offset ${this.i}`);
  }

  atEnd(): boolean {
    this.ws();
    return this.i >= this.s.length;
  }

  private string(): string {
    const quote = this.s[this.i]!;
    let j = this.i + 1;
    let raw = '';
    while (j < this.s.length && this.s[j] !== quote) {
      if (this.s[j] === '\\') {
        raw += this.s.slice(j, j + 2);
        j += 2;
      } else raw += this.s[j++];
    }
    if (j >= this.s.length) this.fail('unterminated string');
    this.i = j + 1;
    try {
      const json = quote === '"' ? raw : raw.replace(/\\'/g, "'").replace(/(^|[^\\])"/g, '$1\\"');
      return JSON.parse(`"${json}"`) as string;
    } catch {
      return this.fail('bad string escape');
    }
  }

  private symbolOrKeyword(): string {
    const m = /^[A-Za-z_$][A-Za-z0-9_$]*/.exec(this.s.slice(this.i, this.i + 256));
    if (!m) this.fail('unexpected character');
    this.i += m[0].length;
    return m[0];
  }

  /** A value: { kind, v } with annotations applied by the caller. */
  value(): { t: string; v?: any; ann?: string } {
    this.ws();
    let ann: string | undefined;
    // Annotation: symbol followed by `::`.
    const save = this.i;
    if (/[A-Za-z_$]/.test(this.s[this.i] ?? '')) {
      const sym = this.symbolOrKeyword();
      this.ws();
      if (this.s.startsWith('::', this.i)) {
        this.i += 2;
        ann = sym;
        this.ws();
      } else this.i = save;
    }
    const c = this.s[this.i];
    if (c === '{' && this.s[this.i + 1] === '{') {
      const end = this.s.indexOf('}}', this.i + 2);
      if (end < 0) this.fail('unterminated blob');
      const b64 = this.s.slice(this.i + 2, end).replace(/\s+/g, '');
      this.i = end + 2;
      return { t: 'blob', v: b64, ann };
    }
    if (c === '{') {
      this.i++;
      const fields: [string, any][] = [];
      this.ws();
      if (this.s[this.i] === '}') {
        this.i++;
        return { t: 'struct', v: fields, ann };
      }
      for (;;) {
        this.ws();
        const q = this.s[this.i];
        const name = q === '"' || q === "'" ? this.string() : this.symbolOrKeyword();
        this.ws();
        if (this.s[this.i] !== ':') this.fail('expected :');
        this.i++;
        fields.push([name, this.value()]);
        this.ws();
        if (this.s[this.i] === ',') {
          this.i++;
          this.ws();
          if (this.s[this.i] === '}') {
            this.i++;
            break;
          }
        } else if (this.s[this.i] === '}') {
          this.i++;
          break;
        } else this.fail('expected , or }');
      }
      return { t: 'struct', v: fields, ann };
    }
    if (c === '[') {
      this.i++;
      const items: any[] = [];
      this.ws();
      if (this.s[this.i] === ']') {
        this.i++;
        return { t: 'list', v: items, ann };
      }
      for (;;) {
        items.push(this.value());
        this.ws();
        if (this.s[this.i] === ',') {
          this.i++;
          this.ws();
          if (this.s[this.i] === ']') {
            this.i++;
            break;
          }
        } else if (this.s[this.i] === ']') {
          this.i++;
          break;
        } else this.fail('expected , or ]');
      }
      return { t: 'list', v: items, ann };
    }
    if (c === '"') return { t: 'string', v: this.string(), ann };
    if (c === "'") return { t: 'symbol', v: this.string(), ann };
    const num = /^[-+]?(?:[0-9][0-9_]*)?(?:\.[0-9_]*)?(?:[dDeE][-+]?[0-9]+)?/.exec(this.s.slice(this.i, this.i + 128));
    if (num && num[0] && /[0-9]/.test(num[0])) {
      this.i += num[0].length;
      return { t: 'number', v: num[0].replace(/_/g, ''), ann };
    }
    const sym = this.symbolOrKeyword();
    if (sym === 'null') {
      // null.struct etc.
      if (this.s[this.i] === '.') {
        this.i++;
        this.symbolOrKeyword();
      }
      return { t: 'null', ann };
    }
    if (sym === 'true' || sym === 'false') return { t: 'bool', v: sym === 'true', ann };
    return { t: 'symbol', v: sym, ann };
  }
}

/** An Ion number as DynamoDB number text. */
function ionNumber(text: string): string {
  let t = text.replace(/[dD]/, 'E');
  if (t.endsWith('.')) t = t.slice(0, -1);
  return t;
}

function toAttribute(v: { t: string; v?: any; ann?: string }): AttributeValue {
  if (v.ann === '$dynamodb_SS') return { SS: (v.v as any[]).map((x) => String(x.v)) };
  if (v.ann === '$dynamodb_NS') return { NS: (v.v as any[]).map((x) => ionNumber(x.v)) };
  if (v.ann === '$dynamodb_BS') return { BS: (v.v as any[]).map((x) => x.v) };
  switch (v.t) {
    case 'string':
    case 'symbol':
      return { S: v.v };
    case 'number':
      return { N: ionNumber(v.v) };
    case 'blob':
      return { B: v.v };
    case 'bool':
      return { BOOL: v.v };
    case 'null':
      return { NULL: true };
    case 'list':
      return { L: (v.v as any[]).map(toAttribute) };
    case 'struct':
      return { M: Object.fromEntries((v.v as [string, any][]).map(([k, x]) => [k, toAttribute(x)])) };
  }
  throw new IonSyntaxError(`unsupported Ion value ${v.t}`);
}

/**
 * The items of Ion text: top-level values `{Item:{...}}` (a `$ion_1_0` version marker is
 * skipped). Each item, or the error of the value that could not be read.
 */
export function* ionItems(text: string): Generator<Item | IonSyntaxError> {
  const r = new IonReader(text);
  while (!r.atEnd()) {
    let v;
    try {
      v = r.value();
    } catch (e) {
      yield e as IonSyntaxError;
      return;
    }
    if (v.t === 'symbol' && v.v === '$ion_1_0') continue;
    const item = v.t === 'struct' ? (v.v as [string, any][]).find(([k]) => k === 'Item')?.[1] : undefined;
    if (!item || item.t !== 'struct') {
      yield new IonSyntaxError('expected {Item:{...}}');
      continue;
    }
    try {
      yield toAttribute(item).M!;
    } catch (e) {
      yield e as IonSyntaxError;
    }
  }
}

// CSV

/** The fields of one CSV record (RFC 4180: "quoted", "" inside quotes). Undefined for a malformed line. */
export function csvFields(line: string, delimiter: string): string[] | undefined {
  const out: string[] = [];
  let i = 0;
  for (;;) {
    if (line[i] === '"') {
      let v = '';
      i++;
      for (;;) {
        if (i >= line.length) return undefined;
        if (line[i] === '"') {
          if (line[i + 1] === '"') {
            v += '"';
            i += 2;
          } else {
            i++;
            break;
          }
        } else v += line[i++];
      }
      out.push(v);
      if (i === line.length) return out;
      if (line[i] !== delimiter) return undefined;
      i++;
    } else {
      const end = line.indexOf(delimiter, i);
      if (end < 0) {
        out.push(line.slice(i));
        return out;
      }
      out.push(line.slice(i, end));
      i = end + 1;
    }
  }
}

/** Whether a CSV line ends inside a quoted field (the record continues on the next line). */
export function csvOpenQuote(line: string): boolean {
  let open = false;
  for (let i = 0; i < line.length; i++) if (line[i] === '"') open = !open;
  return open;
}
