/**
 * The 18 intrinsic functions of Amazon States Language (`States.Format(...)` etc.), parsed from
 * their text and evaluated with paths resolved against the state's data, context and variables.
 */
import { createHash, randomUUID } from 'node:crypto';
import { evaluatePath, type PathRoots } from './jsonpath.js';
import { StatesError } from './errors.js';

type Arg =
  | { kind: 'literal'; value: unknown }
  | { kind: 'path'; path: string }
  | { kind: 'call'; name: string; args: Arg[] };

export function isIntrinsic(text: string): boolean {
  return /^\s*States\.[A-Za-z0-9]+\s*\(/.test(text);
}

const cache = new Map<string, Arg>();

export function parseIntrinsic(text: string): Arg {
  const hit = cache.get(text);
  if (hit) return hit;
  const p = new Parser(text);
  const call = p.parseArg();
  p.skipWs();
  if (p.i !== text.length || call.kind !== 'call') throw new StatesError('States.Runtime', `Invalid intrinsic function: ${text}`);
  if (cache.size > 2000) cache.clear();
  cache.set(text, call);
  return call;
}

class Parser {
  i = 0;
  constructor(readonly s: string) {}
  skipWs(): void {
    while (this.i < this.s.length && /\s/.test(this.s[this.i]!)) this.i++;
  }
  fail(): never {
    throw new StatesError('States.Runtime', `Invalid intrinsic function: ${this.s}`);
  }
  parseArg(): Arg {
    this.skipWs();
    const s = this.s;
    const c = s[this.i];
    if (c === "'") {
      let out = '';
      this.i++;
      while (this.i < s.length && s[this.i] !== "'") {
        if (s[this.i] === '\\' && this.i + 1 < s.length) {
          // The only escapes intrinsic string literals allow.
          if (!"'{}\\".includes(s[this.i + 1]!)) this.fail();
          out += s[this.i + 1];
          this.i += 2;
        } else out += s[this.i++];
      }
      if (s[this.i] !== "'") this.fail();
      this.i++;
      return { kind: 'literal', value: out };
    }
    if (c === '$') {
      const start = this.i;
      let depth = 0;
      let quote: string | undefined;
      while (this.i < s.length) {
        const ch = s[this.i]!;
        if (quote) {
          if (ch === quote) quote = undefined;
        } else if (ch === "'" || ch === '"') quote = ch;
        else if (ch === '[' || ch === '(') depth++;
        else if (ch === ']' || ch === ')') {
          if (depth === 0) break;
          depth--;
        } else if (ch === ',' && depth === 0) break;
        this.i++;
      }
      return { kind: 'path', path: s.slice(start, this.i).trim() };
    }
    const m = /^States\.([A-Za-z0-9]+)\s*\(/.exec(s.slice(this.i));
    if (m) {
      this.i += m[0].length;
      const args: Arg[] = [];
      this.skipWs();
      if (s[this.i] === ')') {
        this.i++;
        return { kind: 'call', name: m[1]!, args };
      }
      for (;;) {
        args.push(this.parseArg());
        this.skipWs();
        if (s[this.i] === ',') {
          this.i++;
          continue;
        }
        if (s[this.i] === ')') {
          this.i++;
          break;
        }
        this.fail();
      }
      return { kind: 'call', name: m[1]!, args };
    }
    const lit = /^(-?\d+(\.\d+)?([eE][+-]?\d+)?|true|false|null)/.exec(s.slice(this.i));
    if (lit) {
      this.i += lit[0].length;
      return { kind: 'literal', value: JSON.parse(lit[0]) };
    }
    this.fail();
  }
}

export function evaluateIntrinsic(text: string, roots: PathRoots): unknown {
  return evalArg(parseIntrinsic(text), roots, text);
}

function evalArg(arg: Arg, roots: PathRoots, text: string): unknown {
  if (arg.kind === 'literal') return arg.value;
  if (arg.kind === 'path') {
    const r = evaluatePath(arg.path, roots);
    if (!r.found)
      throw new StatesError('States.Runtime', `The JsonPath argument for the field '${arg.path}' could not be found in the input`);
    return r.value;
  }
  const args = arg.args.map((a) => evalArg(a, roots, text));
  return call(arg.name, args, text);
}

const typeName = (v: unknown): string =>
  v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v === 'object' ? 'object' : typeof v;

function deepEqual(a: unknown, b: unknown): boolean {
  return canonical(a) === canonical(b);
}
function canonical(v: unknown): string {
  if (Array.isArray(v)) return '[' + v.map(canonical).join(',') + ']';
  if (v && typeof v === 'object')
    return (
      '{' +
      Object.keys(v)
        .sort()
        .map((k) => JSON.stringify(k) + ':' + canonical((v as Record<string, unknown>)[k]))
        .join(',') +
      '}'
    );
  return JSON.stringify(v);
}

function fail(msg: string): never {
  throw new StatesError('States.IntrinsicFailure', msg);
}

function argCount(name: string, args: unknown[], min: number, max = min): void {
  if (args.length < min || args.length > max)
    fail(
      min === max
        ? `Function States.${name} expects ${min} argument${min === 1 ? '' : 's'}, but got ${args.length}`
        : `Function States.${name} expects between ${min} and ${max} arguments, but got ${args.length}`,
    );
}

function isInt(v: unknown): v is number {
  return typeof v === 'number' && Number.isInteger(v);
}

function call(name: string, args: unknown[], text: string): unknown {
  switch (name) {
    case 'Format': {
      if (args.length < 1 || typeof args[0] !== 'string') fail('Format: the first argument must be a string');
      const tmpl = args[0];
      const values = args.slice(1);
      let k = 0;
      let out = '';
      for (let i = 0; i < tmpl.length; i++) {
        if (tmpl[i] === '{' && tmpl[i + 1] === '}') {
          if (k >= values.length) fail(`Number of arguments in the format string does not match the number of arguments`);
          const v = values[k++];
          out += javaString(v);
          i++;
        } else out += tmpl[i];
      }
      if (k !== values.length) fail(`Number of arguments in the format string does not match the number of arguments`);
      return out;
    }
    case 'StringToJson':
      argCount(name, args, 1);
      if (typeof args[0] !== 'string') fail(`Function States.StringToJson expects a string argument`);
      try {
        return args[0].trim() === '' ? null : JSON.parse(args[0]);
      } catch {
        fail(`Function States.StringToJson could not parse ${args[0]}`);
      }
    // eslint-disable-next-line no-fallthrough
    case 'JsonToString':
      argCount(name, args, 1);
      return JSON.stringify(args[0]);
    case 'Array':
      return args;
    case 'ArrayPartition': {
      argCount(name, args, 2);
      const [arr, size] = args;
      if (!Array.isArray(arr)) fail(`Function States.ArrayPartition expects an array as first argument`);
      if (!isInt(size) || size <= 0) fail(`Function States.ArrayPartition expects a positive integer as chunk size`);
      const out: unknown[][] = [];
      for (let i = 0; i < arr.length; i += size) out.push(arr.slice(i, i + size));
      return out;
    }
    case 'ArrayContains': {
      argCount(name, args, 2);
      if (!Array.isArray(args[0])) fail(`Function States.ArrayContains expects an array as first argument`);
      return args[0].some((x) => deepEqual(x, args[1]));
    }
    case 'ArrayRange': {
      argCount(name, args, 3);
      const [a, b, s] = args;
      if (!isInt(a) || !isInt(b) || !isInt(s)) fail(`Function States.ArrayRange expects integer arguments`);
      if (s === 0) fail(`Function States.ArrayRange step cannot be 0`);
      const out: number[] = [];
      if (s > 0) for (let x = a; x <= b; x += s) out.push(x);
      else for (let x = a; x >= b; x += s) out.push(x);
      if (out.length > 1000) fail(`Function States.ArrayRange cannot produce more than 1000 items`);
      return out;
    }
    case 'ArrayGetItem': {
      argCount(name, args, 2);
      const [arr, idx] = args;
      if (!Array.isArray(arr)) fail(`Function States.ArrayGetItem expects an array as first argument`);
      if (!isInt(idx) || idx < 0) fail(`Function States.ArrayGetItem expects a non-negative integer index`);
      if (idx >= arr.length) fail(`Index ${idx} is out of bounds for array of length ${arr.length}`);
      return arr[idx];
    }
    case 'ArrayLength':
      argCount(name, args, 1);
      if (!Array.isArray(args[0])) fail(`Function States.ArrayLength expects an array argument`);
      return args[0].length;
    case 'ArrayUnique': {
      argCount(name, args, 1);
      if (!Array.isArray(args[0])) fail(`Function States.ArrayUnique expects an array argument`);
      const seen = new Set<string>();
      const out: unknown[] = [];
      for (const x of args[0]) {
        const c = canonical(x);
        if (!seen.has(c)) {
          seen.add(c);
          out.push(x);
        }
      }
      return out;
    }
    case 'Base64Encode':
      argCount(name, args, 1);
      if (typeof args[0] !== 'string') fail(`Function States.Base64Encode expects a string argument`);
      if (args[0].length > 10000) fail(`Function States.Base64Encode input exceeds 10000 characters`);
      return Buffer.from(args[0], 'utf8').toString('base64');
    case 'Base64Decode':
      argCount(name, args, 1);
      if (typeof args[0] !== 'string') fail(`Function States.Base64Decode expects a string argument`);
      if (args[0].length > 10000) fail(`Function States.Base64Decode input exceeds 10000 characters`);
      return Buffer.from(args[0], 'base64').toString('utf8');
    case 'Hash': {
      argCount(name, args, 2);
      const [data, algo] = args;
      const algos: Record<string, string> = { MD5: 'md5', 'SHA-1': 'sha1', 'SHA-256': 'sha256', 'SHA-384': 'sha384', 'SHA-512': 'sha512' };
      if (typeof algo !== 'string' || !algos[algo])
        fail(`Function States.Hash expects one of the algorithms MD5, SHA-1, SHA-256, SHA-384, SHA-512`);
      const str = typeof data === 'string' ? data : JSON.stringify(data);
      if (str.length > 10000) fail(`Function States.Hash input exceeds 10000 characters`);
      return createHash(algos[algo]!).update(str, 'utf8').digest('hex');
    }
    case 'JsonMerge': {
      argCount(name, args, 3);
      const [a, b, deep] = args;
      if (typeTypeObj(a) || typeTypeObj(b)) fail(`Function States.JsonMerge expects two JSON objects`);
      if (deep !== false) fail(`Function States.JsonMerge only supports shallow merge (the third argument must be false)`);
      return { ...(a as object), ...(b as object) };
    }
    case 'MathRandom': {
      argCount(name, args, 2, 3);
      const [lo, hi] = args;
      if (!isInt(lo) || !isInt(hi)) fail(`Function States.MathRandom expects integer arguments`);
      const seed = args[2];
      const r = seed === undefined ? Math.random() : seededRandom(Number(seed));
      return lo + Math.floor(r * (hi - lo));
    }
    case 'MathAdd': {
      argCount(name, args, 2);
      const [a, b] = args;
      if (typeof a !== 'number' || typeof b !== 'number') fail(`Function States.MathAdd expects numeric arguments`);
      return Math.round(a) + Math.round(b);
    }
    case 'StringSplit': {
      argCount(name, args, 2);
      const [s, d] = args;
      if (typeof s !== 'string' || typeof d !== 'string') fail(`Function States.StringSplit expects string arguments`);
      if (d === '') return [s];
      const out: string[] = [];
      let cur = '';
      for (const ch of s) {
        if (d.includes(ch)) {
          if (cur !== '') out.push(cur);
          cur = '';
        } else cur += ch;
      }
      if (cur !== '') out.push(cur);
      return out;
    }
    case 'UUID':
      argCount(name, args, 0);
      return randomUUID();
    default:
      throw new StatesError('States.Runtime', `Unknown intrinsic function in ${text}`);
  }
}

/** How AWS (Java) prints a value inside States.Format: maps as {k=v, ...}, lists as [a, b]. */
function javaString(v: unknown): string {
  if (typeof v === 'string') return v;
  if (v === null || v === undefined) return 'null';
  if (Array.isArray(v)) return '[' + v.map(javaString).join(', ') + ']';
  if (typeof v === 'object') return '{' + Object.entries(v).map(([k, x]) => `${k}=${javaString(x)}`).join(', ') + '}';
  return String(v);
}

function typeTypeObj(v: unknown): boolean {
  return typeName(v) !== 'object';
}

function seededRandom(seed: number): number {
  let t = (Math.trunc(seed) + 0x6d2b79f5) | 0;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
