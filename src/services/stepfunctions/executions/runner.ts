/**
 * Runs executions. A Standard execution runs as a leased job (EXECUTION_JOB, keyed by its ARN), so
 * one node runs it at a time and a crashed node's executions are taken over (jobs/). Its run persists
 * events and checkpoints as it goes and, when its top-level thread has nothing to do but wait (a
 * Wait state, a retry interval, a task token), parks: the run ends and the job is rescheduled for
 * when the wait ends or a deadline passes (TimeoutSeconds, HeartbeatSeconds, the execution's
 * timeout). Whatever ends a wait sooner re-enqueues the job in its own transaction: a token's answer,
 * an activity worker. A resumed run continues from the last checkpoint.
 *
 * StopExecution answers once the stop is durable, without waiting for a free run: a run of this
 * process stops at once and records ExecutionAborted; any other execution (parked, queued, or run
 * by another process) is aborted in SQL, and a run elsewhere finds its next write fenced off and
 * ends without a trace (store.ts RunFence).
 *
 * Express executions live in memory only.
 */
import type { Job, JobOutcome, JobSlot } from '../../../jobs/index.js';
import type { Platform } from '../../service.js';
import { END_EVENTS, Execution, type Checkpoint, type ExecutionResult, type HistoryEvent, type StopDetails, type TaskRunner } from '../asl/engine.js';
import { ExecutionInterrupted } from '../asl/errors.js';
import { EXECUTION_JOB, executionInfo, type ExecutionEnd, type ExecutionRow, type RunFence, type SfnStore } from '../store.js';
import type { TaskTokens } from '../tasks/tokens.js';
import { deferredLogger } from './logging.js';
import type { MapRuns } from './map-runs.js';

/** How many Standard executions one process runs at once (parked ones do not count). */
const CONCURRENCY = 100;
/** When a parked execution that waits without a deadline is looked at again anyway. */
const IDLE_WAKE_MS = 86_400_000;
/** How often a wait for an execution's end looks at its row (it may end in another process). */
const FINISH_POLL_MS = 1000;

/** An execution this process is running. */
export interface RunningExecution {
  readonly exec: Execution;
  /** Settles when the run ends (finished, parked or suspended). */
  readonly done: Promise<RunEnd>;
  readonly express: boolean;
  /** An Express execution's row: it is never stored. */
  readonly row?: ExecutionRow;
}

/** How a run ended: the execution is over, parked (its job due again by `wakeAt`), or suspended (the server stops). */
type RunEnd =
  | { readonly then: 'suspended' }
  /** `jobCompleted`: the transaction that recorded the end removed the run's job too. */
  | { readonly then: 'ended'; readonly jobCompleted?: boolean }
  | { readonly then: 'parked'; readonly wakeAt: number | undefined };

/** Where a run starts: the beginning, a checkpoint, or a redrive of a failed execution. */
type Resume = { checkpoint: Checkpoint; events: HistoryEvent[]; redrive?: boolean } | undefined;

export class ExecutionRunner {
  private readonly running = new Map<string, RunningExecution>();
  /** Runs this process claimed and is loading; StopExecution waits for them. */
  private readonly loading = new Map<string, Promise<RunningExecution | undefined>>();
  /** Wake-ups of the waits for an execution's end. */
  private readonly endWaits = new Map<string, Set<() => void>>();
  /** Executions being stored by launch(), which their run, started as that transaction commits, need not read. */
  private readonly launched = new Map<string, ExecutionRow>();
  private closed = false;

  constructor(
    private readonly platform: Platform,
    private readonly store: SfnStore,
    private readonly tasks: TaskRunner,
    private readonly tokens: TaskTokens,
    private readonly mapRuns: MapRuns,
  ) {}

  get size(): number {
    return this.running.size;
  }

  get(executionArn: string): RunningExecution | undefined {
    return this.running.get(executionArn);
  }

  /** Runs the Standard executions' jobs in this process, starting with those already due (after a restart). */
  start(): void {
    this.platform.jobs.handle<null>(EXECUTION_JOB, (job, { signal }) => this.runJob(job, signal), { concurrency: CONCURRENCY });
  }

  /** Stores a new Standard execution; its job runs it, at once when this process has a free run. */
  async launch(row: ExecutionRow): Promise<void> {
    // The run it starts at once knows the row: it was just written, and no event yet.
    this.launched.set(row.arn, row);
    try {
      await this.claimAtOnce((slot) => this.store.startExecution(row, this.platform.clock.now(), slot));
    } finally {
      this.launched.delete(row.arn);
    }
  }

  /** RedriveExecution: its job runs it again from the state it failed in. */
  async redrive(row: ExecutionRow, now: number): Promise<void> {
    await this.claimAtOnce((slot) => this.store.redriveExecution(row, now, slot));
  }

  /**
   * Runs a transaction that enqueues an execution's job, leased to this process when it has a free
   * run: the run then starts as the transaction commits, without waiting for a claim of the job.
   */
  private async claimAtOnce(enqueue: (slot: JobSlot | undefined) => Promise<Job | undefined>): Promise<void> {
    const slot = this.platform.jobs.reserve(EXECUTION_JOB);
    let job: Job | undefined;
    try {
      job = await enqueue(slot);
    } finally {
      slot?.settle(job);
    }
    if (!job) this.platform.jobs.wake(EXECUTION_JOB);
  }

  /**
   * StopExecution; resolves once the stop is stored. A run of this process stops and records it; an
   * execution it does not stop (not here, or parked meanwhile) is aborted in SQL.
   */
  async stop(row: ExecutionRow, stop: StopDetails): Promise<void> {
    const run = this.running.get(row.arn) ?? (await this.loading.get(row.arn));
    if (run) {
      run.exec.stop(stop.error, stop.cause);
      await run.done.catch(() => undefined);
    }
    const events = await this.store.abortExecution(row, stop, this.platform.clock.now());
    if (!events) return;
    const log = deferredLogger(this.platform, this.store, row);
    for (const e of events) log(e);
    this.wakeEndWaits(row.arn);
  }

  /** Resolves once the execution is no longer RUNNING (or `signal` aborts). */
  async ended(executionArn: string, signal?: AbortSignal): Promise<void> {
    while (!signal?.aborted && !this.closed) {
      let wake!: () => void;
      const woken = new Promise<void>((resolve) => (wake = resolve));
      const waits = this.endWaits.get(executionArn) ?? new Set();
      waits.add(wake);
      this.endWaits.set(executionArn, waits);
      const timer = this.platform.clock.setTimer(FINISH_POLL_MS, wake);
      signal?.addEventListener('abort', wake, { once: true });
      try {
        const row = await this.store.execution(executionArn);
        if (row?.status !== 'RUNNING') return;
        await woken;
      } finally {
        timer.cancel();
        signal?.removeEventListener('abort', wake);
        waits.delete(wake);
        if (waits.size === 0 && this.endWaits.get(executionArn) === waits) this.endWaits.delete(executionArn);
      }
    }
  }

  /** Interrupts every execution of this process (their durable state stays, for the next run). */
  async close(): Promise<void> {
    this.closed = true;
    for (const r of this.running.values()) r.exec.suspend();
    await Promise.allSettled([...this.running.values()].map((r) => r.done));
    for (const waits of this.endWaits.values()) for (const wake of waits) wake();
  }

  /** Runs an Express execution to its end; the row comes back with its result. */
  async runExpress(row: ExecutionRow): Promise<ExecutionRow> {
    const exec = new Execution(row.definition, executionInfo(row), { clock: this.platform.clock, tasks: this.tasks, onEvent: deferredLogger(this.platform, this.store, row) });
    const run = exec.run();
    const done = run.then(
      (): RunEnd => ({ then: 'ended' }),
      (): RunEnd => ({ then: 'suspended' }),
    );
    this.running.set(row.arn, { exec, done, express: true, row });
    try {
      const r = await run;
      Object.assign(row, { status: r.status, output: r.output ?? null, error: r.error ?? null, cause: r.cause ?? null, stop_ms: this.platform.clock.now() });
    } catch (e) {
      if (!(e instanceof ExecutionInterrupted)) throw e;
    } finally {
      this.running.delete(row.arn);
      await this.tokens.forget(row.arn).catch(() => undefined);
    }
    return row;
  }

  /** The job's handler: one run of the execution, until it ends, parks or the server stops. */
  private async runJob(job: Job, signal: AbortSignal): Promise<JobOutcome | void> {
    if (this.closed) return whenAborted(signal);
    const arn = job.key;
    const loading = this.load(arn, job);
    this.loading.set(arn, loading);
    let run: RunningExecution | undefined;
    try {
      run = await loading;
    } finally {
      this.loading.delete(arn);
    }
    if (!run) return;
    const end = await run.done;
    if (end.then === 'ended' && end.jobCompleted) return { then: 'recorded', completed: true };
    if (end.then === 'parked') return { then: 'reschedule', dueAt: end.wakeAt ?? this.platform.clock.now() + IDLE_WAKE_MS };
    if (end.then === 'suspended') return whenAborted(signal);
  }

  /** Loads a RUNNING execution and starts its run where it was; undefined when it is over. */
  private async load(arn: string, job?: Job): Promise<RunningExecution | undefined> {
    const launched = this.launched.get(arn);
    if (launched) return this.run(launched, { arn, redriveCount: launched.redrive_count }, undefined, job);
    const row = await this.store.execution(arn);
    if (!row || row.status !== 'RUNNING') return undefined;
    const fence: RunFence = { arn, redriveCount: row.redrive_count };
    const events = await this.store.events(arn);
    let resume: Resume;
    if (!row.checkpoint) {
      // Nothing durable beyond the start: run from the beginning.
      if (events.length && !(await this.store.deleteEvents(fence))) return undefined;
    } else if (END_EVENTS.has(events[events.length - 1]?.type ?? '')) {
      resume = { checkpoint: JSON.parse(row.checkpoint) as Checkpoint, events, redrive: true };
    } else {
      const checkpoint = JSON.parse(row.checkpoint) as Checkpoint;
      // Events after the checkpoint belong to the interrupted state: they are rewritten by the resumed run.
      if (!(await this.store.deleteEvents(fence, checkpoint.nextEventId))) return undefined;
      resume = { checkpoint, events: events.filter((e) => e.id < checkpoint.nextEventId) };
    }
    return this.run(row, fence, resume, job);
  }

  /** Runs the execution; the transaction that records its end removes `job` (its job's claim) too. */
  private run(row: ExecutionRow, fence: RunFence, resume: Resume, job?: Job): RunningExecution {
    const arn = row.arn;
    const clock = this.platform.clock;
    // Set once a write of this run was fenced off: the execution was stopped (or redriven) without it.
    let fencedOff = false;
    let jobCompleted = false;
    const exec: Execution = new Execution(row.definition, executionInfo(row), {
      clock,
      tasks: this.tasks,
      durable: true,
      mapRuns: this.mapRuns.host(row.account, row.region),
      onEvent: deferredLogger(this.platform, this.store, row),
      persist: async (cp, events, end) => {
        if (fencedOff || (!events.length && !cp && !end)) return;
        const saved = await this.store.saveProgress(fence, cp, events, end && endOf(end, clock.now()), job);
        if (saved === 'completed') jobCompleted = true;
        if (saved !== 'fenced') return;
        fencedOff = true;
        exec.suspend();
      },
    });
    // Loaded while the service stopped: suspended before it does anything.
    if (this.closed) exec.suspend();
    const done = (async (): Promise<RunEnd> => {
      try {
        await exec.run(resume);
        return { then: 'ended', jobCompleted };
      } catch (e) {
        if (e instanceof ExecutionInterrupted && e.reason === 'PARKED') return { then: 'parked', wakeAt: e.wakeAt };
        if (e instanceof ExecutionInterrupted && e.reason === 'SUSPENDED') return { then: fencedOff ? 'ended' : 'suspended' };
        this.platform.log({ level: 'error', service: 'stepfunctions', execution: arn, error: String((e as Error)?.stack ?? e) });
        throw e;
      } finally {
        this.running.delete(arn);
        this.wakeEndWaits(arn);
      }
    })();
    const running = { exec, done, express: false };
    this.running.set(arn, running);
    return running;
  }

  /** The waits for the execution's end look at its row now. */
  private wakeEndWaits(executionArn: string): void {
    for (const wake of this.endWaits.get(executionArn) ?? []) wake();
  }
}

/** How an execution's row records its result. A timed-out execution shows no error/cause in DescribeExecution (the history has them). */
function endOf(r: ExecutionResult, now: number): ExecutionEnd {
  const timedOut = r.status === 'TIMED_OUT';
  return {
    status: r.status,
    output: r.output ?? null,
    error: timedOut ? null : (r.error ?? null),
    cause: timedOut ? null : (r.cause ?? null),
    stop_ms: now,
    // The last checkpoint of an unsuccessful execution stays: RedriveExecution restarts from it.
    keepCheckpoint: r.status !== 'SUCCEEDED',
  };
}

/** Resolves once the jobs of this process stop: what a run returns after that is not recorded (the job runs again at the next start). */
function whenAborted(signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => (signal.aborted ? resolve() : signal.addEventListener('abort', () => resolve(), { once: true })));
}
