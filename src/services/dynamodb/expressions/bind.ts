/**
 * Binds parsed expressions to a request's ExpressionAttributeNames/Values (checking undefined and
 * unused placeholders and operand types as DynamoDB does), and evaluates conditions on items.
 */
import { AwsError } from '../../../aws/errors.js';
import { addNumbers, subtractNumbers } from '../numbers.js';
import {
  compareScalars,
  typeOf,
  utf8Len,
  binaryLength,
  validation,
  valuesEqual,
  checkValue,
  type AttributeValue,
  type Item,
} from '../values.js';
import {
  ExprError,
  parseExpression,
  pathToString,
  type Comparator,
  type Condition,
  type Operand,
  type PathNode,
  type UpdateAction,
  type UpdateValue,
} from './parser.js';

export type Path = (string | number)[];
export type BOperand = { k: 'path'; p: Path } | { k: 'const'; v: AttributeValue } | { k: 'size'; arg: BOperand };
export type BCondition =
  | { k: 'cmp'; op: Comparator; l: BOperand; r: BOperand }
  | { k: 'between'; v: BOperand; lo: BOperand; hi: BOperand }
  | { k: 'in'; v: BOperand; list: BOperand[] }
  | { k: 'and' | 'or'; l: BCondition; r: BCondition }
  | { k: 'not'; c: BCondition }
  | { k: 'fn'; name: string; args: BOperand[] };
export type BValue =
  | BOperand
  | { k: 'plus' | 'minus'; l: BValue; r: BValue }
  | { k: 'if_not_exists'; p: Path; value: BValue }
  | { k: 'list_append'; a: BValue; b: BValue };
export interface BAction {
  kind: 'SET' | 'REMOVE' | 'ADD' | 'DELETE';
  p: Path;
  value?: BValue;
}

const VALID_TYPES = ['S', 'N', 'B', 'NULL', 'SS', 'BOOL', 'L', 'BS', 'NS', 'M'];

/**
 * One request's placeholder context. Create it, bind every expression of the request, then call
 * `finish()` to report unused names/values as DynamoDB does.
 */
export class Binder {
  private readonly usedNames = new Set<string>();
  private readonly usedValues = new Set<string>();
  private readonly checkedValues = new Map<string, AttributeValue>();
  private prefix = '';

  constructor(
    private readonly names: Record<string, string> | undefined,
    private readonly values: Record<string, unknown> | undefined,
  ) {
    if (names !== undefined) {
      if (Object.keys(names).length === 0) throw validation('ExpressionAttributeNames must not be empty');
      for (const k in names) {
        if (!/^#[0-9a-zA-Z_]+$/.test(k)) throw validation(`ExpressionAttributeNames contains invalid key: Syntax error; key: "${k}"`);
      }
    }
    if (values !== undefined) {
      if (Object.keys(values).length === 0) throw validation('ExpressionAttributeValues must not be empty');
      for (const k in values) {
        if (!/^:[0-9a-zA-Z_]+$/.test(k)) throw validation(`ExpressionAttributeValues contains invalid key: Syntax error; key: "${k}"`);
      }
      for (const k in values) {
        try {
          this.checkedValues.set(k, checkValue(values[k], 1));
        } catch (e) {
          if (e instanceof AwsError && e.code === 'ValidationException') {
            throw validation(`ExpressionAttributeValues contains invalid value: ${e.message} for key ${k}`);
          }
          throw e;
        }
      }
    }
  }

  private err(message: string): AwsError {
    return validation(this.prefix + message);
  }

  private run<T>(label: string, kind: 'condition' | 'projection' | 'update', src: string, fn: (ast: any) => T): T {
    this.prefix = `Invalid ${label}: `;
    try {
      const parsed = parseExpression(kind, src);
      return fn(parsed.ast);
    } catch (e) {
      if (e instanceof ExprError) throw this.err(e.message);
      throw e;
    }
  }

  condition(label: string, src: string): BCondition {
    return this.run(label, 'condition', src, (ast: Condition) => this.cond(ast));
  }

  projection(src: string): Path[] {
    return this.run('ProjectionExpression', 'projection', src, (ast: PathNode[]) => {
      const paths = ast.map((p) => this.path(p));
      checkOverlaps(paths, (m) => this.err(m));
      return paths;
    });
  }

  update(src: string): BAction[] {
    return this.run('UpdateExpression', 'update', src, (ast: UpdateAction[]) => {
      const actions = ast.map((a) => {
        const p = this.path(a.path);
        const value = a.value ? this.updateValue(a.value, a.kind) : undefined;
        if ((a.kind === 'ADD' || a.kind === 'DELETE') && value && value.k === 'const') {
          const t = typeOf(value.v);
          const ok = a.kind === 'ADD' ? t === 'N' || t === 'SS' || t === 'NS' || t === 'BS' : t === 'SS' || t === 'NS' || t === 'BS';
          if (!ok) throw this.err(`Incorrect operand type for operator or function; operator: ${a.kind}, operand type: ${t}`);
        }
        return { kind: a.kind, p, value };
      });
      checkOverlaps(
        actions.map((a) => a.p),
        (m) => this.err(m),
      );
      return actions;
    });
  }

  /** Reports placeholders that no expression used. */
  finish(): void {
    if (this.names) {
      const unused = Object.keys(this.names).filter((k) => !this.usedNames.has(k));
      if (unused.length) throw validation(`Value provided in ExpressionAttributeNames unused in expressions: keys: {${unused.join(', ')}}`);
    }
    if (this.values) {
      const unused = Object.keys(this.values).filter((k) => !this.usedValues.has(k));
      if (unused.length) throw validation(`Value provided in ExpressionAttributeValues unused in expressions: keys: {${unused.join(', ')}}`);
    }
  }

  path(node: PathNode): Path {
    const out: Path = new Array(node.elems.length);
    for (let i = 0; i < node.elems.length; i++) {
      const e = node.elems[i]!;
      if (typeof e === 'string' && e.charCodeAt(0) === 35 /* # */) {
        const name = this.names?.[e];
        if (name === undefined) throw this.err(`An expression attribute name used in the document path is not defined; attribute name: ${e}`);
        this.usedNames.add(e);
        out[i] = name;
      } else out[i] = e;
    }
    return out;
  }

  private value(ref: string): AttributeValue {
    const v = this.checkedValues.get(ref);
    if (v === undefined) throw this.err(`An expression attribute value used in expression is not defined; attribute value: ${ref}`);
    this.usedValues.add(ref);
    return v;
  }

  operand(o: Operand, allowFunctions = false): BOperand {
    switch (o.k) {
      case 'path':
        return { k: 'path', p: this.path(o) };
      case 'value':
        return { k: 'const', v: this.value(o.ref) };
      case 'fn': {
        if (o.name !== 'size' && !allowFunctions) throw this.err(`The function is not allowed to be used this way in an expression; function: ${o.name}`);
        if (o.args.length !== 1) throw this.err(`Incorrect number of operands for operator or function; operator or function: size, number of operands: ${o.args.length}`);
        const arg = this.operand(o.args[0]!);
        if (arg.k === 'const') {
          const t = typeOf(arg.v);
          if (t === 'N' || t === 'BOOL' || t === 'NULL') throw this.err(`Incorrect operand type for operator or function; operator or function: size, operand type: ${t}`);
        }
        if (arg.k === 'size') throw this.err('Incorrect operand type for operator or function; operator or function: size, operand type: N');
        return { k: 'size', arg };
      }
      default:
        return { k: 'size', arg: this.operand((o as any).arg) };
    }
  }

  private cond(c: Condition): BCondition {
    switch (c.k) {
      case 'paren':
        return this.cond(c.c);
      case 'and':
      case 'or':
        return { k: c.k, l: this.cond(c.l), r: this.cond(c.r) };
      case 'not':
        return { k: 'not', c: this.cond(c.c) };
      case 'cmp': {
        const l = this.operand(c.l);
        const r = this.operand(c.r);
        checkDistinct(c.op, l, r, (m) => this.err(m));
        return { k: 'cmp', op: c.op, l, r };
      }
      case 'between': {
        const v = this.operand(c.v);
        const lo = this.operand(c.lo);
        const hi = this.operand(c.hi);
        if (lo.k === 'const' && hi.k === 'const') {
          const t1 = typeOf(lo.v);
          const t2 = typeOf(hi.v);
          const desc = (x: AttributeValue, t: string) => `AttributeValue: {${t}:${(x as any)[t]}}`;
          if (t1 !== t2) {
            throw this.err(`The BETWEEN operator requires same data type for lower and upper bounds; lower bound operand: ${desc(lo.v, t1)}, upper bound operand: ${desc(hi.v, t2)}`);
          }
          const cmp = compareScalars(lo.v, hi.v);
          if (cmp !== undefined && cmp > 0) {
            throw this.err(`The BETWEEN operator requires upper bound to be greater than or equal to lower bound; lower bound operand: ${desc(lo.v, t1)}, upper bound operand: ${desc(hi.v, t2)}`);
          }
        }
        return { k: 'between', v, lo, hi };
      }
      case 'in':
        return { k: 'in', v: this.operand(c.v), list: c.list.map((o) => this.operand(o)) };
      case 'fn':
        return this.fn(c.name, c.args);
    }
  }

  private fn(name: string, rawArgs: Operand[]): BCondition {
    if (name === 'size') throw this.err('The function is not allowed to be used this way in an expression; function: size');
    const expected = name === 'attribute_exists' || name === 'attribute_not_exists' ? 1 : 2;
    for (const a of rawArgs) if (a.k === 'fn' && a.name !== 'size') throw this.err(`The function is not allowed to be used this way in an expression; function: ${a.name}`);
    if (rawArgs.length !== expected) {
      throw this.err(`Incorrect number of operands for operator or function; operator or function: ${name}, number of operands: ${rawArgs.length}`);
    }
    const args = rawArgs.map((a) => this.operand(a));
    if (args.length === 2) checkDistinct(name, args[0]!, args[1]!, (m) => this.err(m));
    switch (name) {
      case 'attribute_exists':
      case 'attribute_not_exists':
        if (args[0]!.k !== 'path') throw this.err(`Operator or function requires a document path; operator or function: ${name}`);
        break;
      case 'attribute_type': {
        if (args[0]!.k !== 'path') throw this.err(`Operator or function requires a document path; operator or function: ${name}`);
        const t = args[1]!;
        if (t.k !== 'const' || t.v.S === undefined) {
          const type = t.k === 'const' ? typeOf(t.v) : '{NS,SS,L,BS,N,M,B,BOOL,NULL,S}';
          throw this.err(`Incorrect operand type for operator or function; operator or function: ${name}, operand type: ${type}`);
        }
        if (!VALID_TYPES.includes(t.v.S)) throw this.err(`Invalid attribute type name found; type: ${t.v.S}, valid types: {B,NULL,SS,BOOL,L,BS,N,NS,S,M}`);
        break;
      }
      case 'begins_with':
        for (const a of args) {
          if (a.k === 'const') {
            const t = typeOf(a.v);
            if (t !== 'S' && t !== 'B') throw this.err(`Incorrect operand type for operator or function; operator or function: ${name}, operand type: ${t}`);
          }
        }
        break;
      case 'contains':
        if (args[0]!.k !== 'path') throw this.err(`Operator or function requires a document path; operator or function: ${name}`);
        break;
    }
    return { k: 'fn', name, args };
  }

  private updateValue(v: UpdateValue, kind: string): BValue {
    switch (v.k) {
      case 'plus':
      case 'minus': {
        const l = this.updateValue(v.l, kind);
        const r = this.updateValue(v.r, kind);
        for (const x of [l, r]) {
          if (x.k === 'const' && x.v.N === undefined) {
            throw this.err(`Incorrect operand type for operator or function; operator: ${v.k === 'plus' ? '+' : '-'}, operand type: ${typeOf(x.v)}`);
          }
        }
        return { k: v.k, l, r };
      }
      case 'if_not_exists':
        return { k: 'if_not_exists', p: this.path(v.path as PathNode), value: this.updateValue(v.value, kind) };
      case 'list_append': {
        const a = this.updateValue(v.a, kind);
        const b = this.updateValue(v.b, kind);
        for (const x of [a, b]) {
          if (x.k === 'const' && x.v.L === undefined) {
            throw this.err(`Incorrect operand type for operator or function; operator or function: list_append, operand type: ${typeOf(x.v)}`);
          }
        }
        return { k: 'list_append', a, b };
      }
      case 'fn':
        if (v.name === 'size') throw this.err('Invalid function name; function: size');
        throw this.err(`Invalid function name; function: ${v.name}`);
      default:
        return this.operand(v as Operand);
    }
  }
}

function pathKey(p: Path): string {
  return JSON.stringify(p);
}

function checkDistinct(op: string, a: BOperand, b: BOperand, err: (m: string) => AwsError): void {
  if (a.k === 'path' && b.k === 'path' && pathKey(a.p) === pathKey(b.p)) {
    throw err(`The first operand must be distinct from the remaining operands for this operator or function; operator: ${op}, first operand: ${pathToString(a.p)}`);
  }
}

function checkOverlaps(paths: Path[], err: (m: string) => AwsError): void {
  if (paths.length < 2) return;
  // Sort by textual key so that a path and its extensions are adjacent enough to compare pairwise
  // in a bounded way: compare each path against every other only when they share a head.
  const byHead = new Map<string, Path[]>();
  for (const p of paths) {
    const head = String(p[0]);
    let list = byHead.get(head);
    if (!list) byHead.set(head, (list = []));
    for (const q of list) {
      const n = Math.min(p.length, q.length);
      let same = true;
      for (let i = 0; i < n; i++) {
        if (p[i] !== q[i]) {
          same = false;
          if (typeof p[i] !== typeof q[i]) {
            throw err(`Two document paths conflict with each other; must remove or rewrite one of these paths; path one: ${pathToString(q)}, path two: ${pathToString(p)}`);
          }
          break;
        }
      }
      if (same) throw err(`Two document paths overlap with each other; must remove or rewrite one of these paths; path one: ${pathToString(q)}, path two: ${pathToString(p)}`);
    }
    list.push(p);
  }
}

// ---------------------------------------------------------------------------------------------
// Evaluation

export function resolvePath(item: Item | undefined, p: Path): AttributeValue | undefined {
  if (!item) return undefined;
  let cur: AttributeValue | undefined = item[p[0] as string];
  for (let i = 1; i < p.length && cur !== undefined; i++) {
    const e = p[i]!;
    if (typeof e === 'number') cur = cur.L ? cur.L[e] : undefined;
    else cur = cur.M ? cur.M[e] : undefined;
  }
  return cur;
}

export function evalOperand(o: BOperand, item: Item | undefined): AttributeValue | undefined {
  if (o.k === 'const') return o.v;
  if (o.k === 'path') return resolvePath(item, o.p);
  const v = evalOperand(o.arg, item);
  if (!v) return undefined;
  let n: number | undefined;
  if (v.S !== undefined) n = utf8Len(v.S);
  else if (v.B !== undefined) n = binaryLength(v.B);
  else if (v.SS) n = v.SS.length;
  else if (v.NS) n = v.NS.length;
  else if (v.BS) n = v.BS.length;
  else if (v.L) n = v.L.length;
  else if (v.M) n = Object.keys(v.M).length;
  return n === undefined ? undefined : { N: String(n) };
}

export function evalCondition(c: BCondition, item: Item | undefined): boolean {
  switch (c.k) {
    case 'and':
      return evalCondition(c.l, item) && evalCondition(c.r, item);
    case 'or':
      return evalCondition(c.l, item) || evalCondition(c.r, item);
    case 'not':
      return !evalCondition(c.c, item);
    case 'cmp': {
      const l = evalOperand(c.l, item);
      const r = evalOperand(c.r, item);
      if (c.op === '=') return !!l && !!r && valuesEqual(l, r);
      if (c.op === '<>') return !l || !r || !valuesEqual(l, r);
      if (!l || !r) return false;
      const cmp = compareScalars(l, r);
      if (cmp === undefined) return false;
      switch (c.op) {
        case '<':
          return cmp < 0;
        case '<=':
          return cmp <= 0;
        case '>':
          return cmp > 0;
        default:
          return cmp >= 0;
      }
    }
    case 'between': {
      const v = evalOperand(c.v, item);
      const lo = evalOperand(c.lo, item);
      const hi = evalOperand(c.hi, item);
      if (!v || !lo || !hi) return false;
      const a = compareScalars(v, lo);
      const b = compareScalars(v, hi);
      return a !== undefined && b !== undefined && a >= 0 && b <= 0;
    }
    case 'in': {
      const v = evalOperand(c.v, item);
      if (!v) return false;
      for (const o of c.list) {
        const x = evalOperand(o, item);
        if (x && valuesEqual(v, x)) return true;
      }
      return false;
    }
    case 'fn':
      return evalFunction(c.name, c.args, item);
  }
}

function evalFunction(name: string, args: BOperand[], item: Item | undefined): boolean {
  const a = evalOperand(args[0]!, item);
  switch (name) {
    case 'attribute_exists':
      return a !== undefined;
    case 'attribute_not_exists':
      return a === undefined;
    case 'attribute_type': {
      const t = evalOperand(args[1]!, item);
      return !!a && !!t && t.S === typeOf(a);
    }
    case 'begins_with': {
      const b = evalOperand(args[1]!, item);
      if (!a || !b) return false;
      if (a.S !== undefined && b.S !== undefined) return a.S.startsWith(b.S);
      if (a.B !== undefined && b.B !== undefined) {
        const x = Buffer.from(a.B, 'base64');
        const y = Buffer.from(b.B, 'base64');
        return x.length >= y.length && x.subarray(0, y.length).equals(y);
      }
      return false;
    }
    case 'contains': {
      const b = evalOperand(args[1]!, item);
      if (!a || !b) return false;
      if (a.S !== undefined) return b.S !== undefined && a.S.includes(b.S);
      if (a.B !== undefined) return b.B !== undefined && Buffer.from(a.B, 'base64').includes(Buffer.from(b.B, 'base64'));
      if (a.SS) return b.S !== undefined && a.SS.includes(b.S);
      if (a.NS) return b.N !== undefined && a.NS.includes(b.N);
      if (a.BS) return b.B !== undefined && a.BS.includes(b.B);
      if (a.L) return a.L.some((x) => valuesEqual(x, b));
      return false;
    }
  }
  return false;
}

// ---------------------------------------------------------------------------------------------
// Projection

/** Builds the projection of `item` on `paths` (nested paths keep their structure, lists compact). */
export function project(item: Item, paths: Path[]): Item {
  type Node = { leaf: AttributeValue } | { map: Map<string, Node> } | { list: Map<number, Node> };
  const root = new Map<string, Node>();
  for (const p of paths) {
    let src: AttributeValue | undefined = item[p[0] as string];
    if (src === undefined || resolvePath(item, p) === undefined) continue;
    if (p.length === 1) {
      root.set(p[0] as string, { leaf: src });
      continue;
    }
    let parent: Map<string | number, Node> = root as Map<string | number, Node>;
    let key: string | number = p[0] as string;
    for (let i = 1; i < p.length; i++) {
      const e = p[i]!;
      let node = parent.get(key);
      if (node && 'leaf' in node) break;
      if (typeof e === 'number') {
        if (!node) parent.set(key, (node = { list: new Map() }));
        parent = (node as { list: Map<number, Node> }).list as Map<string | number, Node>;
        src = src!.L![e]!;
      } else {
        if (!node) parent.set(key, (node = { map: new Map() }));
        parent = (node as { map: Map<string, Node> }).map as Map<string | number, Node>;
        src = src!.M![e]!;
      }
      key = e;
      if (i === p.length - 1) parent.set(key, { leaf: src });
    }
  }
  const build = (n: Node): AttributeValue => {
    if ('leaf' in n) return n.leaf;
    if ('map' in n) {
      const M: Record<string, AttributeValue> = {};
      for (const [k, v] of n.map) M[k] = build(v);
      return { M };
    }
    return { L: [...n.list.entries()].sort((x, y) => x[0] - y[0]).map(([, v]) => build(v)) };
  };
  const out: Item = {};
  for (const [k, v] of root) out[k] = build(v);
  return out;
}

// ---------------------------------------------------------------------------------------------
// Updates

function updateErr(message: string): AwsError {
  return validation(`Invalid UpdateExpression: ${message}`);
}

export function evalValue(v: BValue, item: Item | undefined): AttributeValue {
  switch (v.k) {
    case 'const':
      return v.v;
    case 'path': {
      const x = resolvePath(item, v.p);
      if (x === undefined) throw updateErr(`The provided expression refers to an attribute that does not exist in the item`);
      return x;
    }
    case 'size':
      throw updateErr('Invalid function name; function: size');
    case 'plus':
    case 'minus': {
      const l = evalValue(v.l, item);
      const r = evalValue(v.r, item);
      const op = v.k === 'plus' ? '+' : '-';
      for (const x of [l, r]) {
        if (x.N === undefined) throw updateErr(`Incorrect operand type for operator or function; operator: ${op}, operand type: ${typeOf(x)}`);
      }
      return { N: v.k === 'plus' ? addNumbers(l.N!, r.N!) : subtractNumbers(l.N!, r.N!) };
    }
    case 'if_not_exists': {
      const x = resolvePath(item, v.p);
      return x !== undefined ? x : evalValue(v.value, item);
    }
    case 'list_append': {
      const a = evalValue(v.a, item);
      const b = evalValue(v.b, item);
      for (const x of [a, b]) {
        if (!x.L) throw updateErr(`Incorrect operand type for operator or function; operator or function: list_append, operand type: ${typeOf(x)}`);
      }
      return { L: [...a.L!, ...b.L!] };
    }
  }
}

const invalidPath = (): AwsError => updateErr('The document path provided in the update expression is invalid for update');

/** Applies update actions to a copy of `item` (which may be a new item holding only the key). */
export function applyUpdate(start: Item, actions: BAction[], original: Item | undefined): Item {
  // All operands are evaluated against the item as it was before the update; the result is a
  // fresh copy, so the original stays intact (for ReturnValues ALL_OLD/UPDATED_OLD).
  const item = structuredClone(start);
  original = original && structuredClone(original);
  const values = actions.map((a) => (a.kind === 'SET' ? evalValue(a.value!, original) : a.value ? evalValue(a.value, original) : undefined));
  // Removals of list elements are applied from the highest index down so indexes refer to the original list.
  const order = actions.map((_, i) => i);
  for (const i of order) {
    const a = actions[i]!;
    const v = values[i];
    switch (a.kind) {
      case 'SET':
        setPath(item, a.p, v!);
        break;
      case 'REMOVE':
        break;
      case 'ADD':
        addPath(item, a.p, v!);
        break;
      case 'DELETE':
        deletePath(item, a.p, v!);
        break;
    }
  }
  const removals = actions.filter((a) => a.kind === 'REMOVE');
  for (const a of removals) {
    // The container of a removed element must exist and be of the right kind.
    if (a.p.length > 1) {
      const parent = resolvePath(item, a.p.slice(0, -1));
      const last = a.p[a.p.length - 1];
      if (!parent || (typeof last === 'number' ? !parent.L : !parent.M)) throw invalidPath();
    }
  }
  removals.sort((x, y) => {
    const a = x.p[x.p.length - 1];
    const b = y.p[y.p.length - 1];
    return typeof a === 'number' && typeof b === 'number' ? b - a : 0;
  });
  for (const a of removals) removePath(item, a.p);
  return item;
}

function parentOf(item: Item, p: Path, create: boolean): { container: AttributeValue | Item; isItem: boolean } | undefined {
  if (p.length === 1) return { container: item, isItem: true };
  let cur: AttributeValue | undefined = item[p[0] as string];
  for (let i = 1; i < p.length - 1 && cur !== undefined; i++) {
    const e = p[i]!;
    if (typeof e === 'number') cur = cur.L ? cur.L[e] : undefined;
    else cur = cur.M ? cur.M[e] : undefined;
  }
  if (cur === undefined) {
    if (create) throw invalidPath();
    return undefined;
  }
  return { container: cur, isItem: false };
}

function setPath(item: Item, p: Path, v: AttributeValue): void {
  const parent = parentOf(item, p, true)!;
  const last = p[p.length - 1]!;
  if (parent.isItem) {
    (parent.container as Item)[last as string] = v;
    return;
  }
  const c = parent.container as AttributeValue;
  if (typeof last === 'number') {
    if (!c.L) throw invalidPath();
    if (last >= c.L.length) c.L.push(v);
    else c.L[last] = v;
  } else {
    if (!c.M) throw invalidPath();
    c.M[last] = v;
  }
}

function getAt(item: Item, p: Path): AttributeValue | undefined {
  return resolvePath(item, p);
}

function addPath(item: Item, p: Path, v: AttributeValue): void {
  const cur = getAt(item, p);
  if (cur === undefined) {
    setPath(item, p, v);
    return;
  }
  if (v.N !== undefined) {
    if (cur.N === undefined) throw validation('An operand in the update expression has an incorrect data type');
    setPath(item, p, { N: addNumbers(cur.N, v.N) });
    return;
  }
  const t = typeOf(v) as 'SS' | 'NS' | 'BS';
  const list = cur[t];
  if (!list) throw validation('An operand in the update expression has an incorrect data type');
  const merged = [...list];
  const seen = new Set(list);
  for (const x of v[t]!) if (!seen.has(x)) merged.push(x);
  setPath(item, p, { [t]: merged });
}

function deletePath(item: Item, p: Path, v: AttributeValue): void {
  parentOf(item, p, true);
  const cur = getAt(item, p);
  if (cur === undefined) return;
  const t = typeOf(v) as 'SS' | 'NS' | 'BS';
  const list = cur[t];
  if (!list) throw validation('An operand in the update expression has an incorrect data type');
  const drop = new Set(v[t]!);
  const rest = list.filter((x) => !drop.has(x));
  if (rest.length === 0) removePath(item, p);
  else setPath(item, p, { [t]: rest });
}

function removePath(item: Item, p: Path): void {
  const parent = parentOf(item, p, false);
  if (!parent) return;
  const last = p[p.length - 1]!;
  if (parent.isItem) {
    delete (parent.container as Item)[last as string];
    return;
  }
  const c = parent.container as AttributeValue;
  if (typeof last === 'number') {
    if (c.L && last < c.L.length) c.L.splice(last, 1);
  } else if (c.M) delete c.M[last];
}
