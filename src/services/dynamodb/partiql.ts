/**
 * PartiQL for DynamoDB: a hand-written parser for the statements DynamoDB accepts
 * (SELECT, INSERT, UPDATE, DELETE), turning them into the same bound conditions and update
 * actions the expression API uses.
 */
import type { BAction, BCondition, BOperand, BValue, Path } from './expressions/bind.js';
import { checkValue, validation, type AttributeValue } from './values.js';
import { canonicalNumber } from './numbers.js';

export type Statement =
  | { kind: 'select'; table: string; index?: string; projection?: Path[]; where?: BCondition; orderBy?: { attr: string; desc: boolean } }
  | { kind: 'insert'; table: string; item: Record<string, AttributeValue> }
  | { kind: 'update'; table: string; actions: BAction[]; where: BCondition; returning?: string }
  | { kind: 'delete'; table: string; where: BCondition; returning?: string };

type Tok = { t: 'id' | 'qid' | 'str' | 'num' | 'op' | 'param' | 'eof'; v: string; pos: number };

const OPS = ['<<', '>>', '<=', '>=', '<>', '!=', '(', ')', '[', ']', '{', '}', ',', '.', ':', '*', '=', '<', '>', '+', '-', ';'];
const MAX_DEPTH = 100;

function malformed(detail: string): Error {
  return validation(`Statement wasn't well formed, can't be processed: ${detail}`);
}

function tokenize(src: string): Tok[] {
  const out: Tok[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i]!;
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    const pos = i;
    if (/[A-Za-z_]/.test(c)) {
      while (i < src.length && /[A-Za-z0-9_]/.test(src[i]!)) i++;
      out.push({ t: 'id', v: src.slice(pos, i), pos });
    } else if (c === '"' || c === "'") {
      let v = '';
      i++;
      for (;;) {
        if (i >= src.length) throw malformed(`unterminated ${c === '"' ? 'identifier' : 'string'} at position ${pos}`);
        if (src[i] === c) {
          if (src[i + 1] === c) {
            v += c;
            i += 2;
            continue;
          }
          i++;
          break;
        }
        v += src[i++];
      }
      out.push({ t: c === '"' ? 'qid' : 'str', v, pos });
    } else if (/[0-9]/.test(c) || (c === '.' && /[0-9]/.test(src[i + 1] ?? ''))) {
      const m = /^(\d*\.?\d*(?:[eE][+-]?\d+)?)/.exec(src.slice(i))!;
      i += m[1]!.length;
      out.push({ t: 'num', v: m[1]!, pos });
    } else if (c === '?') {
      i++;
      out.push({ t: 'param', v: '?', pos });
    } else {
      const op = OPS.find((o) => src.startsWith(o, i));
      if (!op) throw malformed(`unexpected character '${c}' at position ${pos}`);
      i += op.length;
      out.push({ t: 'op', v: op, pos });
    }
  }
  out.push({ t: 'eof', v: '<EOF>', pos: src.length });
  return out;
}

class Parser {
  private i = 0;
  private param = 0;
  private depth = 0;
  constructor(
    private readonly toks: Tok[],
    private readonly params: AttributeValue[],
  ) {}

  peek(o = 0): Tok {
    return this.toks[Math.min(this.i + o, this.toks.length - 1)]!;
  }
  next(): Tok {
    return this.toks[this.i++] ?? this.toks[this.toks.length - 1]!;
  }
  kw(word: string): boolean {
    const t = this.peek();
    return t.t === 'id' && t.v.toUpperCase() === word;
  }
  eatKw(word: string): boolean {
    if (this.kw(word)) {
      this.i++;
      return true;
    }
    return false;
  }
  expectKw(word: string): void {
    if (!this.eatKw(word)) this.fail(`expected ${word}`);
  }
  isOp(v: string): boolean {
    const t = this.peek();
    return t.t === 'op' && t.v === v;
  }
  expectOp(v: string): void {
    const t = this.next();
    if (t.t !== 'op' || t.v !== v) this.fail(`expected '${v}'`, t);
  }
  fail(what: string, t: Tok = this.peek()): never {
    throw malformed(`${what} at token '${t.v}' (position ${t.pos})`);
  }
  enter(): void {
    if (++this.depth > MAX_DEPTH) this.fail('nesting too deep');
  }
  leave(): void {
    this.depth--;
  }

  statement(): Statement {
    let s: Statement;
    if (this.eatKw('SELECT')) s = this.select();
    else if (this.eatKw('INSERT')) s = this.insert();
    else if (this.eatKw('UPDATE')) s = this.update();
    else if (this.eatKw('DELETE')) s = this.delete();
    else if (this.kw('EXISTS')) this.fail('EXISTS is only supported inside ExecuteTransaction');
    else this.fail('expected SELECT, INSERT, UPDATE or DELETE');
    if (this.isOp(';')) this.next();
    if (this.peek().t !== 'eof') this.fail('unexpected token');
    if (this.param !== this.params.length) {
      throw validation(`Number of parameters in request and statement don't match.`);
    }
    return s;
  }

  ident(): string {
    const t = this.next();
    if (t.t === 'id' || t.t === 'qid') return t.v;
    this.fail('expected an identifier', t);
  }

  target(): { table: string; index?: string } {
    const table = this.ident();
    if (this.isOp('.')) {
      this.next();
      return { table, index: this.ident() };
    }
    return { table };
  }

  path(): Path {
    const p: Path = [this.ident()];
    for (;;) {
      if (this.isOp('.')) {
        this.next();
        p.push(this.ident());
      } else if (this.isOp('[')) {
        this.next();
        const t = this.next();
        if (t.t === 'num' && /^\d+$/.test(t.v)) p.push(Number(t.v));
        else if (t.t === 'str') p.push(t.v);
        else this.fail('expected a list index or a quoted key', t);
        this.expectOp(']');
      } else break;
    }
    if (p.length > 32) this.fail('path too deep');
    return p;
  }

  select(): Statement {
    let projection: Path[] | undefined;
    if (this.isOp('*')) this.next();
    else {
      projection = [this.path()];
      while (this.isOp(',')) {
        this.next();
        projection.push(this.path());
      }
    }
    this.expectKw('FROM');
    const { table, index } = this.target();
    const where = this.eatKw('WHERE') ? this.condition() : undefined;
    let orderBy: { attr: string; desc: boolean } | undefined;
    if (this.eatKw('ORDER')) {
      this.expectKw('BY');
      const attr = this.ident();
      const desc = this.eatKw('DESC');
      if (!desc) this.eatKw('ASC');
      orderBy = { attr, desc };
    }
    return { kind: 'select', table, index, projection, where, orderBy };
  }

  insert(): Statement {
    this.expectKw('INTO');
    const { table } = this.target();
    this.expectKw('VALUE');
    const v = this.value();
    if (!v.M) throw validation('Unsupported operation: Insert with a value other than a tuple is not supported');
    return { kind: 'insert', table, item: v.M };
  }

  update(): Statement {
    const { table } = this.target();
    const actions: BAction[] = [];
    for (;;) {
      if (this.eatKw('SET')) {
        do {
          if (this.isOp(',')) this.next();
          const p = this.path();
          this.expectOp('=');
          actions.push(this.assignment(p));
        } while (this.isOp(','));
      } else if (this.eatKw('REMOVE')) {
        do {
          if (this.isOp(',')) this.next();
          actions.push({ kind: 'REMOVE', p: this.path() });
        } while (this.isOp(','));
      } else break;
    }
    if (!actions.length) this.fail('expected SET or REMOVE');
    this.expectKw('WHERE');
    const where = this.condition();
    return { kind: 'update', table, actions, where, returning: this.returning() };
  }

  delete(): Statement {
    this.expectKw('FROM');
    const { table } = this.target();
    this.expectKw('WHERE');
    const where = this.condition();
    return { kind: 'delete', table, where, returning: this.returning() };
  }

  returning(): string | undefined {
    if (!this.eatKw('RETURNING')) return undefined;
    const scope = this.ident().toUpperCase();
    const age = this.ident().toUpperCase();
    this.expectOp('*');
    if ((scope !== 'ALL' && scope !== 'MODIFIED') || (age !== 'OLD' && age !== 'NEW')) this.fail('invalid RETURNING clause');
    return `${scope === 'ALL' ? 'ALL' : 'UPDATED'}_${age}`;
  }

  assignment(p: Path): BAction {
    const t = this.peek();
    const fn = t.t === 'id' && this.peek(1).t === 'op' && this.peek(1).v === '(' ? t.v.toLowerCase() : '';
    if (fn === 'set_add' || fn === 'set_delete') {
      this.next();
      this.expectOp('(');
      const target = this.path();
      this.expectOp(',');
      const v = this.value();
      this.expectOp(')');
      if (JSON.stringify(target) !== JSON.stringify(p)) this.fail(`${fn} must update the attribute it reads`);
      return { kind: fn === 'set_add' ? 'ADD' : 'DELETE', p, value: { k: 'const', v } };
    }
    return { kind: 'SET', p, value: this.updateValue() };
  }

  updateValue(): BValue {
    let left = this.updateTerm();
    while (this.isOp('+') || this.isOp('-')) {
      const op = this.next().v;
      left = { k: op === '+' ? 'plus' : 'minus', l: left, r: this.updateTerm() };
    }
    return left;
  }

  updateTerm(): BValue {
    const t = this.peek();
    if (t.t === 'id' && this.peek(1).t === 'op' && this.peek(1).v === '(') {
      const name = t.v.toLowerCase();
      this.next();
      this.next();
      this.enter();
      const a = name === 'if_not_exists' ? this.path() : undefined;
      const first: BValue = a ? { k: 'path', p: a } : this.updateValue();
      this.expectOp(',');
      const second = this.updateValue();
      this.expectOp(')');
      this.leave();
      if (name === 'list_append') return { k: 'list_append', a: first, b: second };
      if (name === 'if_not_exists') return { k: 'if_not_exists', p: a!, value: second };
      this.fail(`unsupported function ${t.v}`, t);
    }
    if (t.t === 'id' || t.t === 'qid') {
      if (['TRUE', 'FALSE', 'NULL'].includes(t.v.toUpperCase()) && t.t === 'id') return { k: 'const', v: this.value() };
      return { k: 'path', p: this.path() };
    }
    return { k: 'const', v: this.value() };
  }

  value(): AttributeValue {
    const t = this.next();
    switch (t.t) {
      case 'str':
        return { S: t.v };
      case 'num':
        return { N: canonicalNumber(t.v) };
      case 'param': {
        const v = this.params[this.param++];
        if (v === undefined) throw validation(`Number of parameters in request and statement don't match.`);
        return v;
      }
      case 'id': {
        const w = t.v.toUpperCase();
        if (w === 'TRUE' || w === 'FALSE') return { BOOL: w === 'TRUE' };
        if (w === 'NULL') return { NULL: true };
        break;
      }
      case 'op':
        if (t.v === '-' && this.peek().t === 'num') return { N: canonicalNumber('-' + this.next().v) };
        if (t.v === '{') {
          this.enter();
          const M: Record<string, AttributeValue> = {};
          if (!this.isOp('}')) {
            do {
              if (this.isOp(',')) this.next();
              const k = this.next();
              if (k.t !== 'str') this.fail('expected a quoted key', k);
              this.expectOp(':');
              M[k.v] = this.value();
            } while (this.isOp(','));
          }
          this.expectOp('}');
          this.leave();
          return { M };
        }
        if (t.v === '[') {
          this.enter();
          const L: AttributeValue[] = [];
          if (!this.isOp(']')) {
            do {
              if (this.isOp(',')) this.next();
              L.push(this.value());
            } while (this.isOp(','));
          }
          this.expectOp(']');
          this.leave();
          return { L };
        }
        if (t.v === '<<') {
          const members: AttributeValue[] = [];
          do {
            if (this.isOp(',')) this.next();
            members.push(this.value());
          } while (this.isOp(','));
          this.expectOp('>>');
          if (members.every((m) => m.S !== undefined)) return checkValue({ SS: members.map((m) => m.S) }, 1);
          if (members.every((m) => m.N !== undefined)) return checkValue({ NS: members.map((m) => m.N) }, 1);
          if (members.every((m) => m.B !== undefined)) return checkValue({ BS: members.map((m) => m.B) }, 1);
          throw validation('Unsupported operation: a set must hold strings, numbers or binaries of one type');
        }
    }
    this.fail('expected a value', t);
  }

  operand(): BOperand {
    const t = this.peek();
    if (t.t === 'id' && t.v.toLowerCase() === 'size' && this.peek(1).t === 'op' && this.peek(1).v === '(') {
      this.next();
      this.next();
      const p = this.path();
      this.expectOp(')');
      return { k: 'size', arg: { k: 'path', p } };
    }
    if ((t.t === 'id' && !['TRUE', 'FALSE', 'NULL'].includes(t.v.toUpperCase())) || t.t === 'qid') return { k: 'path', p: this.path() };
    return { k: 'const', v: this.value() };
  }

  condition(): BCondition {
    this.enter();
    let left = this.andCond();
    while (this.eatKw('OR')) left = { k: 'or', l: left, r: this.andCond() };
    this.leave();
    return left;
  }
  andCond(): BCondition {
    let left = this.notCond();
    while (this.eatKw('AND')) left = { k: 'and', l: left, r: this.notCond() };
    return left;
  }
  notCond(): BCondition {
    if (this.eatKw('NOT')) {
      this.enter();
      const c = this.notCond();
      this.leave();
      return { k: 'not', c };
    }
    return this.predicate();
  }
  predicate(): BCondition {
    if (this.isOp('(')) {
      this.next();
      const c = this.condition();
      this.expectOp(')');
      return c;
    }
    const t = this.peek();
    if (t.t === 'id' && this.peek(1).t === 'op' && this.peek(1).v === '(' && t.v.toLowerCase() !== 'size') {
      const name = t.v.toLowerCase();
      this.next();
      this.next();
      const args: BOperand[] = [this.operand()];
      while (this.isOp(',')) {
        this.next();
        args.push(this.operand());
      }
      this.expectOp(')');
      if (name === 'begins_with' || name === 'contains' || name === 'attribute_type') {
        if (args.length !== 2) this.fail(`${name} takes 2 arguments`, t);
        return { k: 'fn', name, args };
      }
      if (name === 'exists' || name === 'missing') this.fail(`unsupported function ${t.v}`, t);
      this.fail(`unsupported function ${t.v}`, t);
    }
    const left = this.operand();
    if (this.eatKw('IS')) {
      const negate = this.eatKw('NOT');
      let c: BCondition;
      if (this.eatKw('MISSING')) c = { k: 'fn', name: 'attribute_not_exists', args: [left] };
      else if (this.eatKw('NULL')) c = { k: 'fn', name: 'attribute_type', args: [left, { k: 'const', v: { S: 'NULL' } }] };
      else this.fail('expected MISSING or NULL');
      return negate ? { k: 'not', c } : c;
    }
    if (this.eatKw('BETWEEN')) {
      const lo = this.operand();
      this.expectKw('AND');
      return { k: 'between', v: left, lo, hi: this.operand() };
    }
    if (this.eatKw('IN')) {
      const close = this.isOp('[') ? ']' : ')';
      if (!this.isOp('[') && !this.isOp('(')) this.fail("expected '[' or '('");
      this.next();
      const list: BOperand[] = [this.operand()];
      while (this.isOp(',')) {
        this.next();
        list.push(this.operand());
      }
      this.expectOp(close);
      if (list.length > 100) throw validation('Unsupported operation: IN accepts at most 100 values');
      return { k: 'in', v: left, list };
    }
    const op = this.next();
    if (op.t !== 'op' || !['=', '<>', '!=', '<', '<=', '>', '>='].includes(op.v)) this.fail('expected a comparison', op);
    const right = this.operand();
    return { k: 'cmp', op: (op.v === '!=' ? '<>' : op.v) as '=', l: left, r: right };
  }
}

const cache = new Map<string, Tok[]>();

export function parseStatement(src: string, params: unknown[] | undefined): Statement {
  if (src.length > 8192) throw validation('Statement length exceeds the maximum allowed size of 8192');
  let toks = cache.get(src);
  if (!toks) {
    toks = tokenize(src);
    if (cache.size > 1000) cache.clear();
    cache.set(src, toks);
  }
  const values = (params ?? []).map((p) => checkValue(p, 1));
  return new Parser(toks, values).statement();
}

/** Equality conjuncts at the top of a WHERE clause: attribute -> value. */
export function equalities(c: BCondition | undefined, out = new Map<string, AttributeValue>()): Map<string, AttributeValue> {
  if (!c) return out;
  if (c.k === 'and') {
    equalities(c.l, out);
    equalities(c.r, out);
  } else if (c.k === 'cmp' && c.op === '=') {
    if (c.l.k === 'path' && c.l.p.length === 1 && c.r.k === 'const') out.set(c.l.p[0] as string, c.r.v);
    else if (c.r.k === 'path' && c.r.p.length === 1 && c.l.k === 'const') out.set(c.r.p[0] as string, c.l.v);
  }
  return out;
}
