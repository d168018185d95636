/**
 * Hand-written, linear-time parsers for DynamoDB expressions (condition/filter/key condition,
 * projection, update). One token of lookahead, no backtracking, recursion bounded by the
 * operator limit. Parsed expressions are cached by text; placeholders (#name, :value) are bound
 * per request by ./bind.ts.
 */
import { RESERVED_WORDS } from './reserved.js';

export class ExprError extends Error {}

/** A path element: an attribute name (literal, or '#ref' placeholder) or a list index. */
export type PathElem = string | number;

export interface PathNode {
  k: 'path';
  elems: PathElem[];
}
export interface ValueNode {
  k: 'value';
  ref: string;
}
export interface SizeNode {
  k: 'size';
  arg: Operand;
}
export interface FnNode {
  k: 'fn';
  name: string;
  args: Operand[];
}
export type Operand = PathNode | ValueNode | SizeNode | FnNode;

export type Comparator = '=' | '<>' | '<' | '<=' | '>' | '>=';
export type Condition =
  | { k: 'cmp'; op: Comparator; l: Operand; r: Operand }
  | { k: 'between'; v: Operand; lo: Operand; hi: Operand }
  | { k: 'in'; v: Operand; list: Operand[] }
  | { k: 'and' | 'or'; l: Condition; r: Condition }
  | { k: 'not'; c: Condition }
  | { k: 'fn'; name: string; args: Operand[] }
  | { k: 'paren'; c: Condition };

export type UpdateValue =
  | Operand
  | { k: 'plus' | 'minus'; l: UpdateValue; r: UpdateValue }
  | { k: 'if_not_exists'; path: Operand; value: UpdateValue }
  | { k: 'list_append'; a: UpdateValue; b: UpdateValue };

export interface UpdateAction {
  kind: 'SET' | 'REMOVE' | 'ADD' | 'DELETE';
  path: PathNode;
  value?: UpdateValue;
}

export const MAX_EXPRESSION_BYTES = 4096;
export const MAX_OPERATORS = 300;
const MAX_DEPTH = 350;

type TokType = 'id' | 'name' | 'value' | 'num' | 'op' | 'eof';
interface Token {
  t: TokType;
  v: string;
  start: number;
  end: number;
}

const ID_START = /[A-Za-z_]/;

function tokenize(src: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  const n = src.length;
  while (i < n) {
    const c = src[i]!;
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r') {
      i++;
      continue;
    }
    const start = i;
    if (ID_START.test(c)) {
      i++;
      while (i < n && /[A-Za-z0-9_]/.test(src[i]!)) i++;
      out.push({ t: 'id', v: src.slice(start, i), start, end: i });
    } else if (c === '#' || c === ':') {
      i++;
      while (i < n && /[A-Za-z0-9_]/.test(src[i]!)) i++;
      if (i === start + 1) syntax(src, { t: 'op', v: c, start, end: i }, out[out.length - 1], undefined);
      out.push({ t: c === '#' ? 'name' : 'value', v: src.slice(start, i), start, end: i });
    } else if (c >= '0' && c <= '9') {
      while (i < n && src[i]! >= '0' && src[i]! <= '9') i++;
      out.push({ t: 'num', v: src.slice(start, i), start, end: i });
    } else if (c === '<') {
      i += src[i + 1] === '=' || src[i + 1] === '>' ? 2 : 1;
      out.push({ t: 'op', v: src.slice(start, i), start, end: i });
    } else if (c === '>') {
      i += src[i + 1] === '=' ? 2 : 1;
      out.push({ t: 'op', v: src.slice(start, i), start, end: i });
    } else if ('()[],.=+-'.includes(c)) {
      i++;
      out.push({ t: 'op', v: c, start, end: i });
    } else {
      // Invalid character: AWS reports it as a syntax error on that token.
      const cp = src.codePointAt(i)!;
      const len = cp > 0xffff ? 2 : 1;
      syntax(src, { t: 'op', v: src.slice(i, i + len), start: i, end: i + len }, out[out.length - 1], undefined);
    }
  }
  out.push({ t: 'eof', v: '<EOF>', start: n, end: n });
  return out;
}

function syntax(src: string, tok: Token, prev: Token | undefined, next: Token | undefined): never {
  const from = prev ? prev.start : tok.start;
  const to = next && next.t !== 'eof' ? next.end : tok.end;
  throw new ExprError(`Syntax error; token: "${tok.v}", near: "${src.slice(from, to)}"`);
}

const FUNCTIONS = new Set(['attribute_exists', 'attribute_not_exists', 'attribute_type', 'begins_with', 'contains', 'size']);
const UPDATE_FUNCTIONS = new Set(['if_not_exists', 'list_append']);
const COMPARATORS = new Set(['=', '<>', '<', '<=', '>', '>=']);

class Parser {
  private pos = 0;
  private depth = 0;
  operators = 0;
  constructor(
    private readonly src: string,
    private readonly toks: Token[],
  ) {}

  peek(): Token {
    return this.toks[this.pos]!;
  }
  next(): Token {
    return this.toks[this.pos++]!;
  }
  fail(tok: Token = this.peek()): never {
    const i = this.toks.indexOf(tok);
    syntax(this.src, tok, i > 0 ? this.toks[i - 1] : undefined, this.toks[i + 1]);
  }
  isKeyword(word: string): boolean {
    const t = this.peek();
    return t.t === 'id' && t.v.toUpperCase() === word;
  }
  expectOp(v: string): void {
    const t = this.next();
    if (t.t !== 'op' || t.v !== v) this.fail(t);
  }
  countOp(): void {
    this.operators++;
  }
  enter(): void {
    if (++this.depth > MAX_DEPTH) throw new ExprError(`The expression contains too many operators; operator count: ${MAX_OPERATORS + 1}`);
  }
  leave(): void {
    this.depth--;
  }

  path(): PathNode {
    const elems: PathElem[] = [];
    const first = this.next();
    if (first.t === 'name') elems.push(first.v);
    else if (first.t === 'id') {
      if (RESERVED_WORDS.has(first.v.toUpperCase())) throw new ExprError(`Attribute name is a reserved keyword; reserved keyword: ${first.v}`);
      elems.push(first.v);
    } else this.fail(first);
    for (;;) {
      const t = this.peek();
      if (t.t === 'op' && t.v === '.') {
        this.next();
        const n = this.next();
        if (n.t === 'name') elems.push(n.v);
        else if (n.t === 'id') {
          if (RESERVED_WORDS.has(n.v.toUpperCase())) throw new ExprError(`Attribute name is a reserved keyword; reserved keyword: ${n.v}`);
          elems.push(n.v);
        } else this.fail(n);
      } else if (t.t === 'op' && t.v === '[') {
        this.next();
        const n = this.next();
        if (n.t !== 'num') this.fail(n);
        const idx = Number(n.v);
        if (!Number.isSafeInteger(idx)) this.fail(n);
        this.expectOp(']');
        elems.push(idx);
      } else break;
    }
    if (elems.length > 32) throw new ExprError(`The document path has too many nesting levels; nesting levels: ${elems.length}`);
    return { k: 'path', elems };
  }

  /** An operand: path, :value, or a function call (size or, in updates, if_not_exists/list_append). */
  operand(update: boolean): Operand | UpdateValue {
    const t = this.peek();
    if (t.t === 'value') {
      this.next();
      return { k: 'value', ref: t.v };
    }
    if (t.t === 'id' && this.toks[this.pos + 1]?.t === 'op' && this.toks[this.pos + 1]!.v === '(') {
      return this.call(update);
    }
    if (t.t === 'id' || t.t === 'name') return this.path();
    this.fail(t);
  }

  call(update: boolean): FnNode | UpdateValue {
    const nameTok = this.next();
    const name = nameTok.v;
    this.expectOp('(');
    this.countOp();
    this.enter();
    const args: (Operand | UpdateValue)[] = [];
    if (!(this.peek().t === 'op' && this.peek().v === ')')) {
      for (;;) {
        args.push(update ? this.updateValue() : (this.operand(false) as Operand));
        const t = this.peek();
        if (t.t === 'op' && t.v === ',') {
          this.next();
          continue;
        }
        break;
      }
    }
    this.expectOp(')');
    this.leave();
    if (update && UPDATE_FUNCTIONS.has(name)) {
      if (args.length !== 2) throw new ExprError(`Incorrect number of operands for operator or function; operator or function: ${name}, number of operands: ${args.length}`);
      if (name === 'if_not_exists') {
        if ((args[0] as Operand).k !== 'path') throw new ExprError(`Operator or function requires a document path; operator or function: ${name}`);
        return { k: 'if_not_exists', path: args[0] as Operand, value: args[1]! };
      }
      return { k: 'list_append', a: args[0]!, b: args[1]! };
    }
    if (!FUNCTIONS.has(name) || (update && name !== 'size')) {
      throw new ExprError(`Invalid function name; function: ${name}`);
    }
    return { k: 'fn', name, args: args as Operand[] };
  }

  // ---- conditions ----
  condition(): Condition {
    this.enter();
    let left = this.andCond();
    while (this.isKeyword('OR')) {
      this.next();
      this.countOp();
      left = { k: 'or', l: left, r: this.andCond() };
    }
    this.leave();
    return left;
  }
  andCond(): Condition {
    let left = this.notCond();
    while (this.isKeyword('AND')) {
      this.next();
      this.countOp();
      left = { k: 'and', l: left, r: this.notCond() };
    }
    return left;
  }
  notCond(): Condition {
    if (this.isKeyword('NOT')) {
      this.next();
      this.countOp();
      this.enter();
      const c = this.notCond();
      this.leave();
      return { k: 'not', c };
    }
    return this.primary();
  }
  primary(): Condition {
    const t = this.peek();
    if (t.t === 'op' && t.v === '(') {
      this.next();
      const c = this.condition();
      this.expectOp(')');
      if (c.k === 'paren') throw new ExprError('The expression has redundant parentheses;');
      return { k: 'paren', c };
    }
    const left = this.operand(false) as Operand;
    const op = this.peek();
    if (op.t === 'op' && COMPARATORS.has(op.v)) {
      this.next();
      this.countOp();
      const right = this.operand(false) as Operand;
      return { k: 'cmp', op: op.v as Comparator, l: left, r: right };
    }
    if (this.isKeyword('BETWEEN')) {
      this.next();
      this.countOp();
      const lo = this.operand(false) as Operand;
      if (!this.isKeyword('AND')) this.fail();
      this.next();
      const hi = this.operand(false) as Operand;
      return { k: 'between', v: left, lo, hi };
    }
    if (this.isKeyword('IN')) {
      this.next();
      this.countOp();
      this.expectOp('(');
      const list: Operand[] = [];
      for (;;) {
        list.push(this.operand(false) as Operand);
        const n = this.peek();
        if (n.t === 'op' && n.v === ',') {
          this.next();
          continue;
        }
        break;
      }
      this.expectOp(')');
      if (list.length > 100) throw new ExprError(`Too many operands for IN operator; the maximum number of operands is: 100, number of operands: ${list.length}`);
      return { k: 'in', v: left, list };
    }
    if (left.k === 'fn' && left.name !== 'size') return { k: 'fn', name: left.name, args: left.args };
    this.fail(op);
  }

  // ---- projection ----
  projection(): PathNode[] {
    const out: PathNode[] = [this.path()];
    while (this.peek().t === 'op' && this.peek().v === ',') {
      this.next();
      out.push(this.path());
    }
    return out;
  }

  // ---- update ----
  updateValue(): UpdateValue {
    const left = this.operand(true) as UpdateValue;
    const t = this.peek();
    if (t.t === 'op' && (t.v === '+' || t.v === '-')) {
      this.next();
      this.countOp();
      const right = this.operand(true) as UpdateValue;
      return { k: t.v === '+' ? 'plus' : 'minus', l: left, r: right };
    }
    return left;
  }

  update(): UpdateAction[] {
    const actions: UpdateAction[] = [];
    const seen = new Set<string>();
    if (this.peek().t === 'eof') this.fail();
    while (this.peek().t !== 'eof') {
      const kw = this.next();
      const kind = kw.t === 'id' ? kw.v.toUpperCase() : '';
      if (kind !== 'SET' && kind !== 'REMOVE' && kind !== 'ADD' && kind !== 'DELETE') this.fail(kw);
      if (seen.has(kind)) throw new ExprError(`The "${kind}" section can only be used once in an update expression;`);
      seen.add(kind);
      for (;;) {
        const path = this.path();
        if (kind === 'SET') {
          this.expectOp('=');
          actions.push({ kind, path, value: this.updateValue() });
        } else if (kind === 'REMOVE') {
          actions.push({ kind, path });
        } else {
          const v = this.peek();
          if (v.t !== 'value') this.fail(v);
          this.next();
          actions.push({ kind: kind as 'ADD' | 'DELETE', path, value: { k: 'value', ref: v.v } });
        }
        const n = this.peek();
        if (n.t === 'op' && n.v === ',') {
          this.next();
          continue;
        }
        break;
      }
    }
    return actions;
  }

  end(): void {
    if (this.peek().t !== 'eof') this.fail();
  }
}

export type ExprKind = 'condition' | 'projection' | 'update';
export type Parsed =
  | { kind: 'condition'; ast: Condition }
  | { kind: 'projection'; ast: PathNode[] }
  | { kind: 'update'; ast: UpdateAction[] };

function byteLength(s: string): number {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 0x7f) return Buffer.byteLength(s, 'utf8');
  return s.length;
}

function parseUncached(kind: ExprKind, src: string): Parsed {
  if (src.length === 0) throw new ExprError('The expression can not be empty;');
  const size = byteLength(src);
  if (size > MAX_EXPRESSION_BYTES) throw new ExprError(`Expression size has exceeded the maximum allowed size; expression size: ${size}`);
  const toks = tokenize(src);
  const p = new Parser(src, toks);
  let result: Parsed;
  if (kind === 'condition') {
    const ast = p.condition();
    p.end();
    result = { kind, ast };
  } else if (kind === 'projection') {
    const ast = p.projection();
    p.end();
    result = { kind, ast };
  } else {
    result = { kind, ast: p.update() };
  }
  if (p.operators > MAX_OPERATORS) throw new ExprError(`The expression contains too many operators; operator count: ${p.operators}`);
  return result;
}

const CACHE_LIMIT = 2000;
const cache = new Map<string, Parsed | ExprError>();

/** Parses an expression (cached by kind and text); throws ExprError with AWS's message tail. */
export function parseExpression(kind: ExprKind, src: string): Parsed {
  const key = kind + '\u0000' + src;
  let hit = cache.get(key);
  if (hit === undefined) {
    try {
      hit = parseUncached(kind, src);
    } catch (e) {
      if (!(e instanceof ExprError)) throw e;
      hit = e;
    }
    if (src.length <= MAX_EXPRESSION_BYTES) {
      if (cache.size >= CACHE_LIMIT) cache.clear();
      cache.set(key, hit);
    }
  }
  if (hit instanceof ExprError) throw hit;
  return hit;
}

export function pathToString(elems: readonly (string | number)[]): string {
  return '[' + elems.map((e) => (typeof e === 'number' ? `[${e}]` : e)).join(', ') + ']';
}
