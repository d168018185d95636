/**
 * The worker thread CloudFront Functions run in (see functions-runtime.ts). Each function's code
 * gets its own `node:vm` context with JavaScript's built-ins only. A run (an async handler's
 * microtasks included) happens within one task of this thread; the id of the run in progress is
 * kept in shared memory, and the main thread ends this worker when one run outlives its limit (a
 * vm timeout per run would cost a watchdog thread per run) or the worker passes its memory limit.
 * The code's top level runs once per context, under the vm timeout.
 *
 * The functions the context calls out to (the run's end, KeyValueStore lookups) are captured by the
 * prelude's closures and never reachable as globals: a function of this realm reached from the
 * context would hand it this realm's Function constructor. `import cf from 'cloudfront'` (the
 * cloudfront-js-2.0 module, which vm.Script cannot import) becomes a variable holding the module.
 */
import vm from 'node:vm';
import { parentPort, workerData } from 'node:worker_threads';

/** [0]: the id of the run in progress (0: idle), read by the main thread's watchdog. */
const busy = new Int32Array(workerData.busy as SharedArrayBuffer);
/** KeyValueStore answers: [0] state (0 waiting, 1 answered), [1] byte length; the bytes after (functions-runtime.ts). */
const kvsSignal = new Int32Array(workerData.kvs as SharedArrayBuffer, 0, 2);
const kvsData = new Uint8Array(workerData.kvs as SharedArrayBuffer, 8);
const decoder = new TextDecoder();
/** The run in progress (its id and how to answer it). */
let current: { id: number; timeoutMs: number; reply: (r: { output?: string; error?: string; logs?: string }) => void } | undefined;

/** A KeyValueStore lookup for the run in progress: asks the main thread and waits for its answer. */
function kvsLookup(store: unknown, op: unknown, key: unknown): string {
  const run = current;
  if (!run) return 'e:No run in progress.';
  Atomics.store(kvsSignal, 0, 0);
  parentPort!.postMessage({ id: run.id, kvs: { store: String(store ?? ''), op: String(op), key: String(key) } });
  if (Atomics.wait(kvsSignal, 0, 0, run.timeoutMs) === 'timed-out') return 'e:The KeyValueStore lookup timed out.';
  return decoder.decode(kvsData.slice(0, Atomics.load(kvsSignal, 1)));
}

/** The run's end, from the context: only strings cross (code may have replaced JSON.stringify). */
function hostDone(error: unknown, output: unknown, logs: unknown): void {
  const text = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
  current?.reply({ error: error === undefined ? undefined : (text(error) ?? 'The function failed.'), output: text(output), logs: text(logs) });
}

interface RunMessage {
  id: number;
  code: string;
  event: string;
  timeoutMs: number;
}

const PRELUDE = `
var __cf_logs = [];
var __cf_run, __cf_module;
var __cf_install = function (done, lookup) {
  var answer = function (r) { if (r.charAt(0) === 'e') throw new Error(r.slice(2)); return r; };
  var utf8 = function (s) { var b = unescape(encodeURIComponent(s)); var out = new Uint8Array(b.length); for (var i = 0; i < b.length; i++) out[i] = b.charCodeAt(i); return out; };
  __cf_module = Object.freeze({
    kvs: function (id) {
      // Resolved at each call (a handle made at the top level outlives runs): '' is the associated store.
      var store = id === undefined ? '' : String(id);
      var call = function (op, key) { return new Promise(function (resolve, reject) { try { resolve(answer(lookup(store, op, key))); } catch (e) { reject(e); } }); };
      return Object.freeze({
        get: function (key, options) {
          var format = options && options.format !== undefined ? options.format : 'string';
          if (format !== 'string' && format !== 'json' && format !== 'bytes') return Promise.reject(new Error('Unknown format: ' + format));
          return call('get', String(key)).then(function (r) {
            if (r === 'n') throw new Error('Key not found: ' + key);
            var v = r.slice(2);
            return format === 'json' ? JSON.parse(v) : format === 'bytes' ? utf8(v) : v;
          });
        },
        exists: function (key) { return call('exists', String(key)).then(function (r) { return r === 'v:true'; }); },
        meta: function () { return call('meta', '').then(function (r) { var m = JSON.parse(r.slice(2)); return { creationDateTime: m.creationDateTime, lastUpdatedDateTime: m.lastUpdatedDateTime, keyCount: m.keyCount }; }); },
      });
    },
  });
  // Taken now, before the function's code runs: code that redefines the global never receives done.
  var start = __cf_start;
  __cf_run = function (input) { start(input, done); };
};
var console = { log: function () { var a = []; for (var i = 0; i < arguments.length; i++) { var v = arguments[i]; a.push(typeof v === 'string' ? v : (function () { try { return JSON.stringify(v); } catch (e) { return String(v); } })()); } if (__cf_logs.length < 100) __cf_logs.push(a.join(' ')); } };
console.info = console.warn = console.error = console.debug = console.log;
var __cf_start = function (input, done) {
  __cf_logs = [];
  var finish = function (error, value) {
    var out;
    if (error === undefined) { try { out = JSON.stringify(value === undefined ? null : value); } catch (e) { error = 'The function returned a value that cannot be serialized: ' + e.message; } }
    done(error, out, JSON.stringify(__cf_logs));
  };
  var fail = function (e) { finish((e && e.stack) ? String(e.stack).split('\\n').slice(0, 2).join(' ') : String(e)); };
  try {
    if (typeof handler !== 'function') throw new Error('The function must define a handler function named handler');
    var r = handler(JSON.parse(input));
    if (r && typeof r.then === 'function') r.then(function (v) { finish(undefined, v); }, fail); else finish(undefined, r);
  } catch (e) { fail(e); }
};
`;

const RUN = new vm.Script('__cf_run(__cf_in)');

/** `import cf from 'cloudfront'` to `var cf = __cf_module` (the only import CloudFront Functions have). */
function withModule(code: string): string {
  return code.replace(/^\s*import\s+([A-Za-z_$][\w$]*)\s+from\s+(['"])cloudfront\2\s*;?/m, (_m, name: string) => `var ${name} = __cf_module;`);
}

interface Compiled {
  context?: vm.Context;
  syntaxError?: string;
}

const compiled = new Map<string, Compiled>();
const MAX_COMPILED = 500;

function compile(code: string, timeoutMs: number): Compiled {
  // Keyed by the code itself (at most 10 KB; V8 hashes a string once).
  const key = code;
  const hit = compiled.get(key);
  if (hit) {
    compiled.delete(key);
    compiled.set(key, hit);
    return hit;
  }
  let entry: Compiled;
  try {
    const context = vm.createContext(Object.create(null), { codeGeneration: { strings: false, wasm: false }, name: 'cloudfront-function' });
    vm.runInContext(PRELUDE, context);
    (context.__cf_install as (d: typeof hostDone, l: typeof kvsLookup) => void)(hostDone, kvsLookup);
    delete context.__cf_install;
    new vm.Script(withModule(code), { filename: 'function.js' }).runInContext(context, { timeout: timeoutMs });
    entry = { context };
  } catch (e) {
    entry = { syntaxError: e instanceof Error ? `${e.name}: ${e.message}` : String(e) };
  }
  compiled.set(key, entry);
  if (compiled.size > MAX_COMPILED) compiled.delete(compiled.keys().next().value!);
  return entry;
}

parentPort!.on('message', (m: RunMessage) => {
  const started = process.hrtime.bigint();
  Atomics.store(busy, 0, m.id);
  let settled = false;
  const reply = (r: { output?: string; error?: string; timedOut?: boolean; logs?: string }) => {
    if (settled) return;
    settled = true;
    current = undefined;
    Atomics.store(busy, 0, 0);
    parentPort!.postMessage({ id: m.id, ...r, elapsedMs: Number(process.hrtime.bigint() - started) / 1e6 });
  };
  const c = compile(m.code, m.timeoutMs);
  if (!c.context) return reply({ error: c.syntaxError });
  const ctx = c.context;
  ctx.__cf_in = m.event;
  current = { id: m.id, timeoutMs: m.timeoutMs, reply };
  try {
    RUN.runInContext(ctx);
  } catch (e) {
    reply({ error: e instanceof Error ? e.message : String(e) });
  }
  // A promise that never settles (nothing but microtasks can settle it here) gives no value.
  if (!settled) setImmediate(() => reply({ error: 'The function did not return a value.' }));
});
