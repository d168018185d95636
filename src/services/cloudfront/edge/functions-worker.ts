/**
 * The worker thread CloudFront Functions run in (see functions-runtime.ts). Each function's code
 * gets its own `node:vm` context with JavaScript's built-ins only. A run (an async handler's
 * microtasks included) happens within one task of this thread; the id of the run in progress is
 * kept in shared memory, and the main thread ends this worker when one run outlives its limit (a
 * vm timeout per run would cost a watchdog thread per run) or the worker passes its memory limit.
 * The code's top level runs once per context, under the vm timeout.
 */
import vm from 'node:vm';
import { parentPort, workerData } from 'node:worker_threads';

/** [0]: the id of the run in progress (0: idle), read by the main thread's watchdog. */
const busy = new Int32Array(workerData.busy as SharedArrayBuffer);

interface RunMessage {
  id: number;
  code: string;
  event: string;
  timeoutMs: number;
}

const PRELUDE = `
var __cf_logs = [];
var console = { log: function () { var a = []; for (var i = 0; i < arguments.length; i++) { var v = arguments[i]; a.push(typeof v === 'string' ? v : (function () { try { return JSON.stringify(v); } catch (e) { return String(v); } })()); } if (__cf_logs.length < 100) __cf_logs.push(a.join(' ')); } };
console.info = console.warn = console.error = console.debug = console.log;
var __cf_run = function (input, done) {
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

const RUN = new vm.Script('__cf_run(__cf_in, __cf_done)');

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
    new vm.Script(code, { filename: 'function.js' }).runInContext(context, { timeout: timeoutMs });
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
    Atomics.store(busy, 0, 0);
    parentPort!.postMessage({ id: m.id, ...r, elapsedMs: Number(process.hrtime.bigint() - started) / 1e6 });
  };
  const c = compile(m.code, m.timeoutMs);
  if (!c.context) return reply({ error: c.syntaxError });
  const ctx = c.context;
  ctx.__cf_in = m.event;
  ctx.__cf_done = (error: string | undefined, output: string | undefined, logs: string) => reply({ error, output, logs });
  try {
    RUN.runInContext(ctx);
  } catch (e) {
    reply({ error: e instanceof Error ? e.message : String(e) });
  }
  // A promise that never settles (nothing but microtasks can settle it here) gives no value.
  if (!settled) setImmediate(() => reply({ error: 'The function did not return a value.' }));
});
