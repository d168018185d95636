/**
 * CloudFront Functions (cloudfront-js-1.0 and 2.0) run in a worker thread, each function's code in
 * its own `node:vm` context with JavaScript's built-ins only (no require, process, timers, network
 * or filesystem; `eval` and `Function` refused) and a `console` whose lines TestFunction shows.
 * Events go in and results come out as JSON text, so no object of the server is reachable.
 * Limits: a run in progress (the worker publishes its id in shared memory) for longer than the
 * limit ends the worker, as does passing the worker's heap limit (a function that allocates without
 * bound); the runs it held fail and a new worker takes the next ones. The server's own thread never
 * runs function code.
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
}

interface Running {
  worker: Worker;
  busy: Int32Array;
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
  ) {}

  private spawn(): Running {
    const shared = new SharedArrayBuffer(4);
    const w = new Worker(WORKER_URL, { workerData: { busy: shared }, resourceLimits: { maxOldGenerationSizeMb: this.heapMb, maxYoungGenerationSizeMb: 16 } });
    w.unref();
    const running: Running = { worker: w, busy: new Int32Array(shared), seen: 0, since: 0 };
    w.on('message', (m: { id: number; output?: string; error?: string; timedOut?: boolean; logs?: string; elapsedMs: number }) => {
      const p = this.pending.get(m.id);
      if (!p) return;
      this.pending.delete(m.id);
      let logs: string[] = [];
      try {
        logs = m.logs ? (JSON.parse(m.logs) as string[]) : [];
      } catch {
        logs = [];
      }
      if (m.error !== undefined) p.resolve({ error: m.error, timedOut: m.timedOut, logs, elapsedMs: m.elapsedMs });
      else p.resolve({ output: m.output === undefined ? undefined : JSON.parse(m.output), logs, elapsedMs: m.elapsedMs });
      this.idle();
    });
    w.on('error', (e: Error & { code?: string }) =>
      this.failAll(w, e.code === 'ERR_WORKER_OUT_OF_MEMORY' ? 'The function exceeded its memory limit.' : `The function could not run: ${e.message}`, false),
    );
    w.on('exit', () => this.failAll(w, 'The function could not run.', false));
    return running;
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
  run(code: string, event: unknown): Promise<FunctionRun> {
    const r = (this.current ??= this.spawn());
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.pending.set(id, { resolve, worker: r.worker });
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
