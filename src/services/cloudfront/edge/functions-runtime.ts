/**
 * CloudFront Functions (cloudfront-js-1.0 and 2.0) run in a worker thread, each function's code in
 * its own `node:vm` context with JavaScript's built-ins only (no require, process, timers, network
 * or filesystem; `eval` and `Function` refused) and a `console` whose lines TestFunction shows.
 * Events go in and results come out as JSON text, so no object of the server is reachable.
 * Limits: a run in progress (the worker publishes its id in shared memory) for longer than the
 * limit ends the worker, as does passing the worker's heap limit (a function that allocates without
 * bound); the runs it held fail and a new worker takes the next ones. The server's own thread never
 * runs function code.
 *
 * KeyValueStore reads (the `cloudfront` module's kvs().get/exists/meta) are synchronous for the
 * worker: it posts the lookup and waits on shared memory while this thread reads the store and
 * writes the answer there, so a run still happens within one task of the worker. A function reads
 * only the stores associated with it (the run's `kvs`).
 */
import { Worker } from 'node:worker_threads';

export interface FunctionRun {
  /** The handler's result (a request or a response object), when it returned one. */
  output?: any;
  /** Why it failed: a thrown error, a syntax error, the time or memory limit. */
  error?: string;
  /** Whether the compute limit stopped it. */
  timedOut?: boolean;
  logs: string[];
  /** Milliseconds spent in the handler. */
  elapsedMs: number;
}

interface Pending {
  resolve: (r: FunctionRun) => void;
  worker: Worker;
  kvs?: KvsScope;
}

/** The stores a run may read: the function's account and the ids of its associated stores. */
export interface KvsScope {
  account: string;
  stores: readonly string[];
}

/**
 * Reads a store for a function: 'get' answers `v:<value>`, 'exists' `v:true|false`, 'meta'
 * `v:<json>`; `n` for a key that is not there, `e:<message>` for an error.
 */
export type KvsReader = (account: string, storeId: string, op: string, key: string) => Promise<string>;

/** The answer area the worker waits on: [0] state (0 waiting, 1 answered), [1] byte length, then the bytes. */
const KVS_AREA_BYTES = 16 * 1024;

interface Running {
  worker: Worker;
  busy: Int32Array;
  kvsSignal: Int32Array;
  kvsData: Uint8Array;
  /** The run last seen in progress and since when (performance.now()). */
  seen: number;
  since: number;
}

const WORKER_URL = new URL('./functions-worker.js', import.meta.url);

export class FunctionRuntime {
  private current: Running | undefined;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private watchdog: NodeJS.Timeout | undefined;

  constructor(
    private readonly timeoutMs: number,
    private readonly heapMb = 64,
    private readonly kvsReader?: KvsReader,
  ) {}

  private spawn(): Running {
    const shared = new SharedArrayBuffer(4);
    const kvsArea = new SharedArrayBuffer(KVS_AREA_BYTES);
    const w = new Worker(WORKER_URL, { workerData: { busy: shared, kvs: kvsArea }, resourceLimits: { maxOldGenerationSizeMb: this.heapMb, maxYoungGenerationSizeMb: 16 } });
    w.unref();
    const running: Running = { worker: w, busy: new Int32Array(shared), kvsSignal: new Int32Array(kvsArea, 0, 2), kvsData: new Uint8Array(kvsArea, 8), seen: 0, since: 0 };
    w.on('message', (m: { id: number; kvs?: { store: string; op: string; key: string }; output?: string; error?: string; timedOut?: boolean; logs?: string; elapsedMs: number }) => {
      if (m.kvs) return void this.answerKvs(running, m.id, m.kvs);
      const p = this.pending.get(m.id);
      if (!p) return;
      this.pending.delete(m.id);
      let logs: string[] = [];
      try {
        const parsed: unknown = m.logs ? JSON.parse(m.logs) : [];
        logs = Array.isArray(parsed) ? parsed.map(String) : [];
      } catch {
        logs = [];
      }
      if (m.error !== undefined) p.resolve({ error: m.error, timedOut: m.timedOut, logs, elapsedMs: m.elapsedMs });
      else {
        // The text comes from the function's realm (its JSON.stringify may be replaced): read it with care.
        let output: unknown;
        try {
          output = m.output === undefined ? undefined : JSON.parse(m.output);
        } catch {
          p.resolve({ error: 'The function returned a value that cannot be serialized.', logs, elapsedMs: m.elapsedMs });
          return void this.idle();
        }
        p.resolve({ output, logs, elapsedMs: m.elapsedMs });
      }
      this.idle();
    });
    w.on('error', (e: Error & { code?: string }) =>
      this.failAll(w, e.code === 'ERR_WORKER_OUT_OF_MEMORY' ? 'The function exceeded its memory limit.' : `The function could not run: ${e.message}`, false),
    );
    w.on('exit', () => this.failAll(w, 'The function could not run.', false));
    return running;
  }

  /** Answers a worker's KeyValueStore lookup for run `id` in the shared area, then wakes the worker. */
  private async answerKvs(r: Running, id: number, q: { store: string; op: string; key: string }): Promise<void> {
    const scope = this.pending.get(id)?.kvs;
    let answer: string;
    if (!scope || scope.stores.length === 0) answer = 'e:No KeyValueStore is associated with this function.';
    else {
      const store = q.store === '' ? scope.stores[0]! : q.store;
      if (!scope.stores.includes(store) || !this.kvsReader) answer = 'e:The KeyValueStore is not associated with this function.';
      else answer = await this.kvsReader(scope.account, store, q.op, q.key).catch(() => 'e:The KeyValueStore could not be read.');
    }
    const bytes = Buffer.from(answer, 'utf8');
    const n = Math.min(bytes.length, r.kvsData.length);
    r.kvsData.set(bytes.subarray(0, n));
    Atomics.store(r.kvsSignal, 1, n);
    Atomics.store(r.kvsSignal, 0, 1);
    Atomics.notify(r.kvsSignal, 0);
  }

  private failAll(w: Worker, error: string, timedOut: boolean, elapsedMs = 0): void {
    if (this.current?.worker === w) this.current = undefined;
    for (const [id, p] of this.pending) {
      if (p.worker !== w) continue;
      p.resolve({ error, timedOut, logs: [], elapsedMs });
      this.pending.delete(id);
    }
    this.idle();
  }

  /** Stops the watchdog when nothing is pending. */
  private idle(): void {
    if (this.pending.size === 0 && this.watchdog) {
      clearInterval(this.watchdog);
      this.watchdog = undefined;
    }
  }

  /** Every few milliseconds while runs are pending: a run in progress for longer than the limit ends its worker. */
  private watch(): void {
    if (this.watchdog) return;
    const every = Math.max(5, Math.min(50, Math.floor(this.timeoutMs / 4)));
    this.watchdog = setInterval(() => {
      const r = this.current;
      if (!r) return;
      const id = Atomics.load(r.busy, 0);
      const now = performance.now();
      if (id === 0 || id !== r.seen) {
        r.seen = id;
        r.since = now;
        return;
      }
      if (now - r.since < this.timeoutMs) return;
      // The run in progress is stopped with its worker; the others it held fail and are not retried.
      const p = this.pending.get(id);
      if (p) {
        this.pending.delete(id);
        p.resolve({ error: 'The function exceeded its compute limit.', timedOut: true, logs: [], elapsedMs: now - r.since });
      }
      this.current = undefined;
      void r.worker.terminate();
    }, every);
    this.watchdog.unref();
  }

  /** Runs `handler(event)` of the code; never rejects. */
  run(code: string, event: unknown, kvs?: KvsScope): Promise<FunctionRun> {
    const r = (this.current ??= this.spawn());
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.pending.set(id, { resolve, worker: r.worker, ...(kvs ? { kvs } : {}) });
      this.watch();
      r.worker.postMessage({ id, code, event: JSON.stringify(event), timeoutMs: this.timeoutMs });
    });
  }

  async close(): Promise<void> {
    const r = this.current;
    this.current = undefined;
    if (this.watchdog) clearInterval(this.watchdog);
    this.watchdog = undefined;
    if (r) await r.worker.terminate();
  }
}
