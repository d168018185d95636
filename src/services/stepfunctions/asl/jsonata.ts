/** JSONata evaluation for QueryLanguage "JSONata": `{% expr %}` templates, $states, variables, AWS's added functions. */
import type jsonataLib from 'jsonata';
import { lazyModule } from '../../../core/lazy.js';

const jsonata = lazyModule<typeof jsonataLib>('jsonata');
import { createHash, randomUUID } from 'node:crypto';
import { StatesError } from './errors.js';

const EXPR = /^\{%(.*)%\}$/s;

export function isJsonataExpr(v: unknown): v is string {
  return typeof v === 'string' && EXPR.test(v);
}

export function exprText(v: string): string {
  return EXPR.exec(v)![1]!.trim();
}

const compiled = new Map<string, jsonataLib.Expression>();

function compile(text: string): jsonataLib.Expression {
  let e = compiled.get(text);
  if (!e) {
    e = jsonata()(text);
    registerAwsFunctions(e);
    if (compiled.size > 2000) compiled.clear();
    compiled.set(text, e);
  }
  return e;
}

function registerAwsFunctions(e: jsonataLib.Expression): void {
  e.registerFunction(
    'partition',
    (arr: unknown, size: unknown) => {
      if (!Array.isArray(arr)) throw fnError('$partition', 'The first argument must be an array');
      if (typeof size !== 'number' || !Number.isInteger(size) || size <= 0)
        throw fnError('$partition', 'The chunk size must be a positive integer');
      const out: unknown[][] = [];
      for (let i = 0; i < arr.length; i += size) out.push(arr.slice(i, i + size));
      return out;
    },
    '<an:a>',
  );
  e.registerFunction(
    'range',
    (a: number, b: number, s: number) => {
      if (![a, b, s].every((x) => Number.isInteger(x))) throw fnError('$range', 'Arguments must be integers');
      if (s === 0) throw fnError('$range', 'The step cannot be 0');
      const out: number[] = [];
      if (s > 0) for (let x = a; x <= b; x += s) out.push(x);
      else for (let x = a; x >= b; x += s) out.push(x);
      if (out.length > 1000) throw fnError('$range', 'The result cannot contain more than 1000 items');
      // A JSONata sequence: a single item collapses to the item itself, as in AWS.
      (out as unknown as { sequence: boolean }).sequence = true;
      return out;
    },
    '<nnn:a>',
  );
  e.registerFunction(
    'hash',
    (data: unknown, algo: unknown) => {
      const algos: Record<string, string> = { MD5: 'md5', 'SHA-1': 'sha1', 'SHA-256': 'sha256', 'SHA-384': 'sha384', 'SHA-512': 'sha512' };
      if (typeof algo !== 'string' || !algos[algo]) throw fnError('$hash', 'Unsupported hashing algorithm');
      const s = typeof data === 'string' ? data : JSON.stringify(data);
      return createHash(algos[algo]!).update(s, 'utf8').digest('hex');
    },
    '<j-s:s>',
  );
  e.registerFunction('random', (seed?: unknown) => (seed === undefined ? Math.random() : seeded(Number(seed))), '<n?:n>');
  e.registerFunction('uuid', () => randomUUID(), '<:s>');
  e.registerFunction(
    'parse',
    (s: unknown) => {
      if (typeof s !== 'string') throw fnError('$parse', 'The argument must be a string');
      try {
        return JSON.parse(s);
      } catch {
        throw fnError('$parse', 'The argument is not a valid JSON string');
      }
    },
    '<s:j>',
  );
}

function fnError(fn: string, msg: string): Error {
  const e = new Error(`${fn}: ${msg}`) as Error & { code?: string };
  return e;
}

function seeded(seed: number): number {
  let t = (Math.trunc(seed) + 0x6d2b79f5) | 0;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}

export interface JsonataScope {
  states: Record<string, unknown>;
  variables: Record<string, unknown>;
  /** Prefix for QueryEvaluationError causes: "An error occurred while executing the state 'X' (entered at the event id #N)." */
  errorPrefix: string;
}

/** Evaluates one `{% %}` expression for the named field (location, e.g. "Output/FunctionResult"). */
export async function evaluateExpression(expr: string, scope: JsonataScope, location: string): Promise<unknown> {
  const text = exprText(expr);
  let value: unknown;
  try {
    const e = compile(text);
    value = await e.evaluate({}, { ...scope.variables, states: scope.states });
  } catch (err) {
    if (err instanceof StatesError) throw err;
    const e = err as { code?: string; message?: string };
    const detail = e.code ? `${e.code}: ${e.message}` : String(e.message ?? err);
    throw evaluationError(
      `${scope.errorPrefix} The JSONata expression '${text}' specified for the field '${location}' threw an error during evaluation. ${detail}`,
      location,
    );
  }
  if (typeof value === 'function' || (value && typeof value === 'object' && ('_jsonata_lambda' in value || '_jsonata_function' in value))) {
    throw evaluationError(
      `${scope.errorPrefix} The JSONata expression '${text}' specified for the field '${location}' returned an unsupported result type.`,
      location,
    );
  }
  if (value === undefined) {
    throw evaluationError(
      `${scope.errorPrefix} The JSONata expression '${text}' specified for the field '${location}' returned nothing (undefined).`,
      location,
    );
  }
  return normalize(value);
}

export function evaluationError(cause: string, location: string | undefined): StatesError {
  const e = new StatesError('States.QueryEvaluationError', cause, location);
  e.evaluation = true;
  return e;
}

/** JSONata results can carry sequence markers and functions; turn them into plain JSON. */
function normalize(v: unknown): unknown {
  if (typeof v === 'function') return undefined;
  if (Array.isArray(v)) return Array.from(v, (x) => normalize(x));
  if (v && typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) {
      const n = normalize(x);
      if (n !== undefined) out[k] = n;
    }
    return out;
  }
  return v;
}

/** Evaluates every `{% %}` string inside a JSON template (Arguments, Output, Assign...). */
export async function evaluateTemplate(template: unknown, scope: JsonataScope, location: string): Promise<unknown> {
  if (isJsonataExpr(template)) return evaluateExpression(template, scope, location);
  if (Array.isArray(template)) {
    const out: unknown[] = [];
    for (let i = 0; i < template.length; i++) out.push(await evaluateTemplate(template[i], scope, `${location}[${i}]`));
    return out;
  }
  if (template && typeof template === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(template)) out[k] = await evaluateTemplate(v, scope, `${location}/${k}`);
    return out;
  }
  return template;
}
