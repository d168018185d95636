/**
 * CloudFront Functions (cloudfront-js-1.0 and 2.0) run in a worker thread, each function's code in
 * its own `node:vm` context with JavaScript's built-ins only (no require, process, timers, network
 * or filesystem; `eval` and `Function` refused) and a `console` whose lines TestFunction shows.
 * Events go in and results come out as JSON text, so no object of the server is reachable.
 * Limits: the vm timeout stops a synchronous run; a run still unsettled after its limit (an async
 * handler that loops) ends the worker, as does passing the worker's heap limit (a function that
 * allocates without bound); the runs it held fail and a new worker takes the next ones. The
 * server's own thread never runs function code.
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
  timer: NodeJS.Timeout | undefined;
  worker: Worker;
}

const WORKER_URL = new URL('./functions-worker.js', import.meta.url);

export class FunctionRuntime {
  private worker: Worker | undefined;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;

  constructor(
    private readonly timeoutMs: number,
    private readonly heapMb = 64,
  ) {}

  /** Workers that have started (runs posted before are timed from then, not from their posting). */
  private readonly online = new WeakMap<Worker, Promise<void>>();

  private spawn(): Worker {
    const w = new Worker(WORKER_URL, { resourceLimits: { maxOldGenerationSizeMb: this.heapMb, maxYoungGenerationSizeMb: 16 } });
    w.unref();
    this.online.set(w, new Promise((resolve) => w.once('online', () => resolve())));
    w.on('message', (m: { id: number; output?: string; error?: string; timedOut?: boolean; logs?: string; elapsedMs: number }) => {
      const p = this.pending.get(m.id);
      if (!p) return;
      this.pending.delete(m.id);
      clearTimeout(p.timer);
      let logs: string[] = [];
      try {
        logs = m.logs ? (JSON.parse(m.logs) as string[]) : [];
      } catch {
        logs = [];
      }
      if (m.error !== undefined) p.resolve({ error: m.error, timedOut: m.timedOut, logs, elapsedMs: m.elapsedMs });
      else p.resolve({ output: m.output === undefined ? undefined : JSON.parse(m.output), logs, elapsedMs: m.elapsedMs });
    });
    const failAll = (error: string, timedOut: boolean) => {
      if (this.worker === w) this.worker = undefined;
      for (const [id, p] of this.pending) {
        if (p.worker !== w) continue;
        clearTimeout(p.timer);
        p.resolve({ error, timedOut, logs: [], elapsedMs: 0 });
        this.pending.delete(id);
      }
    };
    w.on('error', (e: Error & { code?: string }) => failAll(e.code === 'ERR_WORKER_OUT_OF_MEMORY' ? 'The function exceeded its memory limit.' : `The function could not run: ${e.message}`, false));
    w.on('exit', () => failAll('The function could not run.', false));
    return w;
  }

  /** Runs `handler(event)` of the code; never rejects. */
  run(code: string, event: unknown): Promise<FunctionRun> {
    const w = (this.worker ??= this.spawn());
    const id = this.nextId++;
    return new Promise((resolve) => {
      // The watchdog for what the vm timeout cannot stop (a run that loops after an await): the
      // worker is ended and the runs it held fail. It starts once the worker is up.
      const watchdog = () => setTimeout(() => {
        const p = this.pending.get(id);
        if (!p) return;
        this.pending.delete(id);
        p.resolve({ error: 'The function exceeded its compute limit.', timedOut: true, logs: [], elapsedMs: this.timeoutMs });
        if (this.worker === w) this.worker = undefined;
        void w.terminate();
      }, this.timeoutMs * 4 + 1000).unref();
      const pending: Pending = { resolve, timer: undefined, worker: w };
      this.pending.set(id, pending);
      void this.online.get(w)!.then(() => {
        if (this.pending.get(id) === pending) pending.timer = watchdog();
      });
      w.postMessage({ id, code, event: JSON.stringify(event), timeoutMs: this.timeoutMs });
    });
  }

  async close(): Promise<void> {
    const w = this.worker;
    this.worker = undefined;
    if (w) await w.terminate();
  }
}
