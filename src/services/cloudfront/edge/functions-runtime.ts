/**
 * CloudFront Functions (cloudfront-js-1.0 and 2.0): each function's code runs in its own `node:vm`
 * context with JavaScript's built-ins only (no require, process, timers, network or filesystem;
 * `eval` and `Function` refused), a `console` whose lines are kept for TestFunction, and a time
 * limit on each run (microtasks included, so an async handler is bounded too). Events go in and
 * results come out as JSON text, so no object of the server is reachable from the function.
 * A vm context is not a hard security boundary against hostile code; it keeps a function from
 * the server's APIs and from other functions, as CloudFront's runtime keeps them apart.
 */
import { createHash } from 'node:crypto';
import vm from 'node:vm';

export interface FunctionRun {
  /** The handler's result (a request or a response object), when it returned one. */
  output?: any;
  /** Why it failed: a thrown error, a syntax error, the time limit. */
  error?: string;
  /** Whether the time limit stopped it. */
  timedOut?: boolean;
  logs: string[];
  /** Milliseconds spent in the handler. */
  elapsedMs: number;
}

const PRELUDE = `
var __cf_logs = [];
var console = { log: function () { var a = []; for (var i = 0; i < arguments.length; i++) { var v = arguments[i]; a.push(typeof v === 'string' ? v : (function () { try { return JSON.stringify(v); } catch (e) { return String(v); } })()); } if (__cf_logs.length < 100) __cf_logs.push(a.join(' ')); } };
console.info = console.warn = console.error = console.debug = console.log;
`;

const RUN = new vm.Script(`(function () {
  __cf_logs = []; globalThis.__cf_out = undefined; globalThis.__cf_err = undefined;
  var settle = function (v) { try { globalThis.__cf_out = JSON.stringify(v === undefined ? null : v); } catch (e) { globalThis.__cf_err = 'The function returned a value that cannot be serialized: ' + e.message; } };
  var fail = function (e) { globalThis.__cf_err = (e && e.stack) ? String(e.stack).split('\\n').slice(0, 2).join(' ') : String(e); };
  try {
    if (typeof handler !== 'function') throw new Error('The function must define a handler function named handler');
    var r = handler(JSON.parse(globalThis.__cf_in));
    if (r && typeof r.then === 'function') r.then(settle, fail); else settle(r);
  } catch (e) { fail(e); }
})()`);

interface Compiled {
  context?: vm.Context;
  syntaxError?: string;
}

/** Compiled functions by code hash (a bounded map: the least recently used are dropped). */
export class FunctionRuntime {
  private readonly compiled = new Map<string, Compiled>();

  constructor(
    private readonly timeoutMs: number,
    private readonly maxCompiled = 500,
  ) {}

  private compile(code: string): Compiled {
    const key = createHash('sha256').update(code).digest('hex');
    const hit = this.compiled.get(key);
    if (hit) {
      this.compiled.delete(key);
      this.compiled.set(key, hit);
      return hit;
    }
    let entry: Compiled;
    try {
      const context = vm.createContext(Object.create(null), { codeGeneration: { strings: false, wasm: false }, microtaskMode: 'afterEvaluate', name: 'cloudfront-function' });
      vm.runInContext(PRELUDE, context);
      new vm.Script(code, { filename: 'function.js' }).runInContext(context, { timeout: this.timeoutMs });
      entry = { context };
    } catch (e) {
      entry = { syntaxError: e instanceof Error ? `${e.name}: ${e.message}` : String(e) };
    }
    this.compiled.set(key, entry);
    if (this.compiled.size > this.maxCompiled) this.compiled.delete(this.compiled.keys().next().value!);
    return entry;
  }

  /** Runs `handler(event)` of the code; never throws. */
  run(code: string, event: unknown): FunctionRun {
    const c = this.compile(code);
    if (!c.context) return { error: c.syntaxError, logs: [], elapsedMs: 0 };
    const ctx = c.context;
    ctx.__cf_in = JSON.stringify(event);
    const started = process.hrtime.bigint();
    let timedOut = false;
    let thrown: string | undefined;
    try {
      RUN.runInContext(ctx, { timeout: this.timeoutMs });
    } catch (e) {
      timedOut = (e as { code?: string }).code === 'ERR_SCRIPT_EXECUTION_TIMEOUT';
      thrown = e instanceof Error ? e.message : String(e);
    }
    const elapsedMs = Number(process.hrtime.bigint() - started) / 1e6;
    let logs: string[] = [];
    try {
      logs = JSON.parse(vm.runInContext('JSON.stringify(__cf_logs)', ctx, { timeout: this.timeoutMs })) as string[];
    } catch {
      logs = [];
    }
    if (timedOut) {
      // A context stopped mid-run may hold broken state: compile afresh next time.
      this.compiled.delete(createHash('sha256').update(code).digest('hex'));
      return { error: 'The function exceeded its compute limit.', timedOut, logs, elapsedMs };
    }
    if (thrown) return { error: thrown, logs, elapsedMs };
    const err = ctx.__cf_err as string | undefined;
    if (err !== undefined) return { error: err, logs, elapsedMs };
    const out = ctx.__cf_out as string | undefined;
    if (out === undefined) return { error: 'The function did not return a value.', logs, elapsedMs };
    return { output: JSON.parse(out), logs, elapsedMs };
  }
}

