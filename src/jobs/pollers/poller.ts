/**
 * The one polling loop of every event-source mapping: for each shard of a mapping, a job (leased,
 * so one node polls a shard at a time) whose payload is the shard's checkpoint. A run reads records
 * after the checkpoint, filters them, gathers a batch (size, bytes, batching window), sends it,
 * and in the same transaction that releases the lease moves the checkpoint past what it read and
 * schedules the next run: at once if the shard had more, after `idleMs` if it was caught up, after
 * a backoff (checkpoint unchanged, the same records read again) if the send failed.
 */
import { setMaxListeners } from 'node:events';
import type { Clock } from '../../core/clock.js';
import type { Jobs } from '../index.js';
import type { Job } from '../queue.js';
import type { JobOutcome, RunContext } from '../runner.js';
import { Batcher, type BatchLimits } from './batcher.js';
import type { RecordFilter, Sender, SendResult, Source } from './source.js';

/** One event-source mapping, as its service reads it from SQL when a shard's turn comes. */
export interface Mapping<R> {
  readonly source: Source<R>;
  readonly sender: Sender<R>;
  readonly filter?: RecordFilter<R>;
  readonly batch: BatchLimits;
  /** Whether `next` may join a batch that starts with `first` (one tumbling window's records). Default: always. */
  readonly together?: (first: R, next: R) => boolean;
  /**
   * Pause before reading a caught-up shard again. Default 1 s. A source with `subscribe` is waited
   * on instead, for up to this long, within the run (a wake-up reads at once).
   */
  readonly idleMs?: number;
  /** Delay before a batch whose send failed is read and sent again, by failed attempts so far. Default 1 s doubling up to 1 min. */
  readonly backoff?: (attempt: number) => number;
  /** Failed sends after which a batch is given up: handed to `onDiscard` (a failure destination) and passed over. Default: never. */
  readonly maxAttempts?: number;
  readonly onDiscard?: (records: readonly R[], shard: string, error: unknown) => Promise<void>;
}

interface Checkpoint {
  readonly mapping: string;
  readonly shard: string;
  readonly position: string | null;
  /** The sender's carry (SendContext.carry), when it keeps one. */
  readonly carry?: unknown;
}

export interface PollerOptions {
  /** Shards polled at once by this process. Default 10. */
  readonly concurrency?: number;
  /** How long a node may hold a shard without renewing its lease. Default 60 s. */
  readonly leaseMs?: number;
}

/** A run reads at most this many batches' worth of records, filtered out or not, before it checkpoints. */
const MAX_EXAMINED_BATCHES = 10;

/** How long the poller of a shard that has ended (`Source.finished`) waits before it reads it again. */
const FINISHED_WAIT_MS = 10 * 60_000;

const defaultBackoff = (attempt: number): number => Math.min(60_000, 1000 * 2 ** Math.min(attempt, 6));

export class Pollers<R> {
  private readonly clock: Clock;
  /** The runs in progress in this process, by mapping: `stop` aborts them (a waiting run ends at once). */
  private readonly running = new Map<string, Set<AbortController>>();

  /**
   * Polls the mappings of job kind `kind` (e.g. 'lambda.esm'); `resolve` reads a mapping by id,
   * undefined once it is deleted (its shard jobs then end).
   */
  constructor(
    private readonly jobs: Jobs,
    private readonly kind: string,
    private readonly resolve: (mapping: string) => Promise<Mapping<R> | undefined>,
    options: PollerOptions = {},
  ) {
    this.clock = jobs.clock;
    jobs.handle<Checkpoint>(kind, (job, run) => this.poll(job, run), { concurrency: options.concurrency ?? 10, leaseMs: options.leaseMs });
  }

  /**
   * Polls every shard of `mapping` that is not polled yet, from its starting position. Idempotent:
   * call it again when the source's shards change. A mapping id must not contain '/'.
   */
  async start(mapping: string, scope: { account?: string; region?: string } = {}): Promise<void> {
    const resolved = await this.resolve(mapping);
    if (!resolved) return;
    for (const shard of await resolved.source.shards()) {
      const payload: Checkpoint = { mapping, shard, position: null };
      await this.jobs.enqueue({ kind: this.kind, key: `${mapping}/${shard}`, ...scope, payload }, 'keep');
    }
  }

  /**
   * Stops polling a mapping: a run in progress finishes, its checkpoint fenced off; if the mapping
   * starts again meanwhile, this node polls the new shard jobs only after that run.
   */
  stop(mapping: string): Promise<number> {
    for (const run of this.running.get(mapping) ?? []) run.abort();
    return this.jobs.cancelPrefix(this.kind, `${mapping}/`);
  }

  private async poll(job: Job<Checkpoint>, run: RunContext): Promise<JobOutcome> {
    const { mapping } = job.payload;
    const controller = new AbortController();
    const abort = (): void => controller.abort();
    // The runner's one signal is shared by every run in progress (up to the kind's concurrency).
    setMaxListeners(0, run.signal);
    run.signal.addEventListener('abort', abort, { once: true });
    let runs = this.running.get(mapping);
    if (!runs) this.running.set(mapping, (runs = new Set()));
    runs.add(controller);
    try {
      return await this.pollShard(job, controller.signal);
    } finally {
      run.signal.removeEventListener('abort', abort);
      runs.delete(controller);
      if (runs.size === 0 && this.running.get(mapping) === runs) this.running.delete(mapping);
    }
  }

  private async pollShard(job: Job<Checkpoint>, signal: AbortSignal): Promise<JobOutcome> {
    const { mapping, shard } = job.payload;
    const m = await this.resolve(mapping);
    if (!m) return { then: 'done' };
    // Wake-ups are counted from before the first read, so that a record arriving while a read runs
    // is not missed by the wait after it.
    let wakes = 0;
    let woken: (() => void) | undefined;
    // A shard that has ended is not waited on: it is read again only after FINISHED_WAIT_MS.
    const waits = m.source.subscribe !== undefined && m.source.finished?.(shard) !== true;
    const unsubscribe = waits
      ? m.source.subscribe!(shard, () => {
          wakes++;
          woken?.();
        })
      : undefined;
    try {
      return await this.gather(job, m, signal, waits, () => wakes, (resolve) => (woken = resolve));
    } finally {
      unsubscribe?.();
    }
  }

  private async gather(job: Job<Checkpoint>, m: Mapping<R>, signal: AbortSignal, waits: boolean, wakes: () => number, onWake: (resolve: (() => void) | undefined) => void): Promise<JobOutcome> {
    const { mapping, shard } = job.payload;
    const idleMs = m.idleMs ?? 1000;
    const idleUntil = this.clock.now() + idleMs;
    const batch = new Batcher<R>(m.batch);
    const filteredOut: R[] = [];
    let position = job.payload.position;
    let caughtUp = false;
    // The sender wants a call by this time even without records (a tumbling window's end).
    const senderDue = m.sender.dueAt?.(job.payload.carry);
    // Reads while the shard has records at hand; once caught up, waits for more only while the
    // batch's window is open. A run examines a bounded number of records (a filter may drop most).
    for (let examined = 0; ; ) {
      const seen = wakes();
      const limit = Math.max(1, batch.room);
      const entries = await m.source.read(shard, position, limit);
      let closed = false;
      for (const entry of entries) {
        if (m.filter && !m.filter(entry.record)) filteredOut.push(entry.record);
        else if ((batch.records.length > 0 && m.together && !m.together(batch.records[0]!, entry.record)) || !batch.add(entry.record, entry.bytes, this.clock.now())) {
          closed = true; // this record opens the next batch
          break;
        }
        position = entry.position;
        examined++;
      }
      caughtUp = !closed && entries.length < limit;
      if (closed || batch.full || examined >= MAX_EXAMINED_BATCHES * m.batch.maxRecords) break;
      if (!caughtUp) continue;
      const now = this.clock.now();
      // An empty batch of a source that wakes its poller waits for records within the run.
      let until = batch.deadline ?? (waits && filteredOut.length === 0 ? idleUntil : undefined);
      if (senderDue !== undefined) until = Math.min(until ?? senderDue, senderDue);
      if (until === undefined || now >= until) break;
      // A wake-up that came during the read: read again at once.
      if (!waits || wakes() === seen) await this.sleep(Math.min(idleMs, until - now), signal, waits ? onWake : undefined);
      // Stopping: nothing is recorded any more, the shard is read again from its checkpoint later.
      if (signal.aborted) return { then: 'retry', delayMs: 0, countAttempt: false };
    }
    let failed: ReadonlySet<R> = new Set();
    const carry = { value: job.payload.carry };
    if (batch.records.length > 0 || (senderDue !== undefined && this.clock.now() >= senderDue)) {
      try {
        const result = await m.sender.send(batch.records, { mapping, shard, attempt: job.attempt, signal, carry });
        if (result) failed = new Set((result as SendResult<R>).failed);
      } catch (error) {
        if (signal.aborted) return { then: 'retry', delayMs: 0, countAttempt: false };
        if (m.maxAttempts === undefined || job.attempt + 1 < m.maxAttempts) return { then: 'retry', delayMs: (m.backoff ?? defaultBackoff)(job.attempt) };
        await m.onDiscard?.(batch.records, shard, error);
      }
    }
    const done = failed.size === 0 ? batch.records : batch.records.filter((r) => !failed.has(r));
    await m.source.acknowledge?.(shard, [...done, ...filteredOut]);
    const now = this.clock.now();
    const checkpoint: Checkpoint = carry.value === undefined ? { mapping, shard, position } : { mapping, shard, position, carry: carry.value };
    // A source that wakes its poller is read again at once: the next run waits for it.
    let dueAt = caughtUp && m.source.finished?.(shard) === true ? now + FINISHED_WAIT_MS : caughtUp && !waits ? now + idleMs : now;
    const nextDue = m.sender.dueAt?.(carry.value);
    if (nextDue !== undefined) dueAt = Math.max(now, Math.min(dueAt, nextDue));
    return { then: 'reschedule', dueAt, payload: checkpoint };
  }

  /**
   * Sleeps on the platform clock, or until `signal` aborts (the runner's one signal: the listener
   * goes with the sleep), or until the source wakes the poller (`onWake` given).
   */
  private sleep(ms: number, signal: AbortSignal, onWake?: (resolve: (() => void) | undefined) => void): Promise<void> {
    if (signal.aborted) return Promise.resolve();
    return new Promise((resolve) => {
      const wake = (): void => {
        timer.cancel();
        signal.removeEventListener('abort', wake);
        onWake?.(undefined);
        resolve();
      };
      const timer = this.clock.setTimer(ms, wake);
      signal.addEventListener('abort', wake, { once: true });
      onWake?.(wake);
    });
  }
}
