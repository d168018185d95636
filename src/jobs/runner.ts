/**
 * Runs the jobs of one kind in this process: claims due jobs in bounded batches (never more than
 * its free concurrency), runs each handler outside the claim transaction, renews the leases of the
 * runs in progress, and records each outcome. Between claims it sleeps on ONE platform-clock timer
 * armed for the kind's next due time (read from SQL, never from rows held in memory), or sooner for
 * its poll, so advancing the clock runs what became due.
 */
import type { Clock, TimerHandle } from '../core/clock.js';
import type { Db, Tx } from '../storage/db.js';
import { claimDue, complete, enqueue, nextDue, renew, reschedule, retry, type Job, type JobSpec } from './queue.js';

/** What a handler asks for once it is done with a job; returning nothing means `done`. */
export type JobOutcome =
  /** Removes the job; `enqueue` adds jobs in the same transaction (follow-up work; an existing key is kept). */
  | { readonly then: 'done'; readonly enqueue?: readonly JobSpec[] }
  /** Runs it again after `delayMs`; `countAttempt: false` for a throttle rather than a failure. */
  | { readonly then: 'retry'; readonly delayMs: number; readonly countAttempt?: boolean }
  /** Keeps it for another run at `dueAt` (recurring work), with a new payload if given. */
  | { readonly then: 'reschedule'; readonly dueAt: number; readonly payload?: unknown; readonly enqueue?: readonly JobSpec[] }
  /**
   * The handler removed its job itself, with `complete(tx, job)` (queue.ts) in the transaction of its
   * last writes, so that they and the job's end commit together: nothing is left to record.
   * `completed` is what complete() answered (false: the job was replaced or cancelled meanwhile).
   */
  | { readonly then: 'recorded'; readonly completed: boolean };

export interface RunContext {
  /** Aborted when the process stops its jobs: a long handler stops early (its job runs again later). */
  readonly signal: AbortSignal;
}

export type JobHandler<P = unknown> = (job: Job<P>, run: RunContext) => Promise<JobOutcome | void>;

export interface HandlerOptions {
  /** How many jobs of this kind run at once in this process. Default 1. */
  readonly concurrency?: number;
  /** How long a claim holds a job before another node may take it; runs in progress renew it every third of it. Default 60 s. */
  readonly leaseMs?: number;
  /** Delay before the next run of a job whose handler threw, by its failed attempts so far. Default 1 s doubling up to 5 min. */
  readonly backoff?: (attempt: number) => number;
  /** A job whose handler threw this many times is dropped (and logged). Default: retried forever. */
  readonly maxAttempts?: number;
}

/** What a runner needs from the process around it (index.ts). */
export interface RunnerHost {
  readonly db: Db;
  readonly clock: Clock;
  /** This node's id, the owner named by its leases. */
  readonly owner: string;
  /** The longest sleep between claims (platform time): other nodes' enqueues, and expired leases, wake no runner. */
  readonly pollMs: number;
  /** How long (real time) closing waits for the runs in progress to end. */
  readonly closeGraceMs: number;
  readonly log: (fields: Record<string, unknown>) => void;
  /** Tells the runner of `kind` that a job is due at `dueAt` (after a follow-up was enqueued). */
  wake(kind: string, dueAt: number): void;
}

const defaultBackoff = (attempt: number): number => Math.min(300_000, 1000 * 2 ** Math.min(attempt, 9));

/** A run in progress: its claim, and the promise that settles once it is over. */
interface Run<P> {
  readonly job: Job<P>;
  readonly done: Promise<void>;
}

export class Runner<P = unknown> {
  private readonly concurrency: number;
  readonly leaseMs: number;
  /** Run slots held for jobs enqueued already claimed (Jobs.reserve) whose transaction has not settled yet. */
  private held = 0;
  /** By job key: a key is claimed again only once its run is over. */
  private readonly running = new Map<string, Run<P>>();
  private readonly abort = new AbortController();
  private timer: TimerHandle | undefined;
  private renewTimer: TimerHandle | undefined;
  private ticking: Promise<void> | undefined;
  private again = false;
  private closed = false;

  constructor(
    readonly kind: string,
    private readonly handler: JobHandler<P>,
    private readonly options: HandlerOptions,
    private readonly host: RunnerHost,
  ) {
    this.concurrency = Math.max(1, options.concurrency ?? 1);
    this.leaseMs = Math.max(1000, options.leaseMs ?? 60_000);
  }

  /** Claims what is due now (or, while a claim is under way, once more after it). */
  kick(): void {
    if (this.closed) return;
    if (this.ticking) {
      this.again = true;
      return;
    }
    this.ticking = this.tick().finally(() => {
      this.ticking = undefined;
      // A kick that came after the tick's last look at `again`.
      if (this.again) this.kick();
    });
  }

  /** A job of this kind is due at `dueAt`: claim now, or wake up then if that is sooner than planned. */
  wake(dueAt: number): void {
    if (this.ticking || dueAt <= this.host.clock.now()) return this.kick();
    if (this.closed || this.running.size >= this.concurrency) return;
    if (!this.timer || this.timer.due > dueAt) this.arm(dueAt);
  }

  /** Holds a run slot for a job enqueued already claimed by this node (queue.ts enqueueClaimed); false when none is free. */
  hold(): boolean {
    if (this.closed || this.running.size + this.held >= this.concurrency) return false;
    this.held++;
    return true;
  }

  /**
   * The transaction of a held slot settled: its job (undefined when none was claimed) runs now. A
   * closed runner leaves it to the take-over of this node's leases; a key still running here (its
   * job cancelled and enqueued again) gets its lease back, and runs after that run.
   */
  adopt(job: Job<P> | undefined): void {
    this.held--;
    if (this.closed) return;
    // The slot held back a claim that may have found the runner full.
    if (!job) return this.kick();
    if (!this.running.has(job.key)) return this.start(job);
    void this.host.db.tx((tx) => retry(tx, job, job.dueAt, false)).catch((e: unknown) => this.host.log({ level: 'error', jobs: this.kind, key: job.key, error: String((e as Error)?.stack ?? e) }));
  }

  /**
   * Stops claiming and aborts the signal of the runs in progress, which record nothing more; then
   * waits for them to end (at most `closeGraceMs`), so that their leases are not released while
   * they still act.
   */
  async close(): Promise<void> {
    this.closed = true;
    this.timer?.cancel();
    this.renewTimer?.cancel();
    this.abort.abort();
    await this.ticking;
    // Real time: the platform clock may stand still (tests), and a handler may ignore its signal.
    let grace: NodeJS.Timeout | undefined;
    await Promise.race([
      Promise.all([...this.running.values()].map((run) => run.done)),
      new Promise<void>((resolve) => (grace = setTimeout(resolve, this.host.closeGraceMs))),
    ]);
    clearTimeout(grace);
  }

  private async tick(): Promise<void> {
    try {
      do {
        this.again = false;
        const free = this.concurrency - this.running.size - this.held;
        if (free > 0) {
          const now = this.host.clock.now();
          const claimed = await this.host.db.tx((tx) => claimDue(tx, this.kind, free, this.host.owner, this.leaseMs, now, this.running));
          if (this.closed) return;
          for (const job of claimed) this.start(job as Job<P>);
        }
        // Full: a run that finishes claims again. Otherwise: sleep until the next due time, or
        // pollMs at most.
        if (this.running.size < this.concurrency) {
          const next = await nextDue(this.host.db, this.kind, this.running);
          if (this.closed) return;
          this.arm(Math.min(next ?? Infinity, this.host.clock.now() + this.host.pollMs));
        } else {
          this.timer?.cancel();
          this.timer = undefined;
        }
      } while (this.again && !this.closed);
    } catch (e) {
      if (this.closed) return;
      this.host.log({ level: 'error', jobs: this.kind, error: String((e as Error)?.stack ?? e) });
      this.arm(this.host.clock.now() + 1000);
    }
  }

  private arm(at: number): void {
    this.timer?.cancel();
    this.timer = this.host.clock.setTimer(Math.max(0, at - this.host.clock.now()), () => {
      this.timer = undefined;
      this.kick();
    });
  }

  private start(job: Job<P>): void {
    // run() awaits before it ends: the run is in the map by then.
    this.running.set(job.key, { job, done: this.run(job) });
    this.renewTimer ??= this.host.clock.setTimer(this.leaseMs / 3, () => void this.renewLeases());
  }

  private async run(job: Job<P>): Promise<void> {
    let outcome: JobOutcome;
    try {
      outcome = (await this.handler(job, { signal: this.abort.signal })) ?? { then: 'done' };
    } catch (e) {
      outcome = this.afterFailure(job, e);
    }
    // A job done while the runner had room, and no claim under way, frees a slot nobody waits for:
    // every due job was claimed (or is due later, and a timer waits for it), but for one of this
    // key. Otherwise it claims now (a claim under way counted its free slots before this one).
    const recorded = outcome.then === 'recorded' ? outcome.completed : await this.finish(job, outcome);
    const full = this.running.size + this.held >= this.concurrency;
    this.running.delete(job.key);
    if (full || this.ticking || !recorded || (outcome.then !== 'done' && outcome.then !== 'recorded')) this.kick();
  }

  private afterFailure(job: Job<P>, error: unknown): JobOutcome {
    const attempts = job.attempt + 1;
    const fields = { level: 'error', jobs: this.kind, key: job.key, attempt: attempts, error: String((error as Error)?.stack ?? error) };
    if (this.options.maxAttempts !== undefined && attempts >= this.options.maxAttempts) {
      this.host.log({ ...fields, dropped: true });
      return { then: 'done' };
    }
    this.host.log(fields);
    return { then: 'retry', delayMs: (this.options.backoff ?? defaultBackoff)(job.attempt) };
  }

  /** Records the outcome; a storage failure is retried (the lease stays renewed meanwhile). Whether it was recorded. */
  private async finish(job: Job<P>, outcome: Exclude<JobOutcome, { then: 'recorded' }>): Promise<boolean> {
    for (let failures = 0; !this.closed; failures++) {
      try {
        const now = this.host.clock.now();
        const recorded = await this.host.db.tx((tx) => record(tx, job, outcome, now));
        if (recorded && outcome.then !== 'retry') {
          for (const spec of outcome.enqueue ?? []) this.host.wake(spec.kind, spec.dueAt ?? now);
        }
        return recorded;
      } catch (e) {
        this.host.log({ level: 'error', jobs: this.kind, key: job.key, finishing: outcome.then, error: String((e as Error)?.stack ?? e) });
        await this.host.clock.sleep(Math.min(60_000, 1000 * 2 ** Math.min(failures, 6)));
      }
    }
    return false;
  }

  /** Keeps the leases of the runs in progress; `renewTimer` stays set while a renewal is under way, so there is one chain. */
  private async renewLeases(): Promise<void> {
    if (!this.closed && this.running.size > 0) {
      const until = this.host.clock.now() + this.leaseMs;
      try {
        await this.host.db.tx((tx) => renew(tx, [...this.running.values()].map((run) => run.job), until));
      } catch (e) {
        this.host.log({ level: 'error', jobs: this.kind, renewing: this.running.size, error: String((e as Error)?.stack ?? e) });
      }
    }
    this.renewTimer = !this.closed && this.running.size > 0 ? this.host.clock.setTimer(this.leaseMs / 3, () => void this.renewLeases()) : undefined;
  }
}

async function record(tx: Tx, job: Job, outcome: Exclude<JobOutcome, { then: 'recorded' }>, now: number): Promise<boolean> {
  switch (outcome.then) {
    case 'retry':
      return retry(tx, job, now + outcome.delayMs, outcome.countAttempt ?? true);
    case 'done':
    case 'reschedule': {
      const recorded = outcome.then === 'done' ? await complete(tx, job) : await reschedule(tx, job, outcome.dueAt, outcome.payload ?? job.payload);
      // Follow-ups belong to this claim's outcome: a fenced-off claim enqueues nothing.
      if (recorded) for (const spec of outcome.enqueue ?? []) await enqueue(tx, spec, now, 'keep');
      return recorded;
    }
  }
}
