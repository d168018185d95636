/**
 * Runs executions. A Standard execution runs as a leased job (EXECUTION_JOB, keyed by its ARN), so
 * one node runs it at a time and a crashed node's executions are taken over (jobs/). Its run persists
 * events and checkpoints as it goes and, when its top-level thread has nothing to do but wait (a
 * Wait state, a retry interval, a task token), parks: the run ends and the job is rescheduled for
 * when the wait ends or a deadline passes (TimeoutSeconds, HeartbeatSeconds, the execution's
 * timeout). Whatever ends a wait sooner re-enqueues the job in its own transaction: a token's answer,
 * an activity worker, StopExecution. A resumed run continues from the last checkpoint.
 *
 * Express executions live in memory only.
 */
import type { JobOutcome } from '../../../jobs/index.js';
import type { Platform } from '../../service.js';
import { Execution, type Checkpoint, type ExecutionInfo, type ExecutionResult, type HistoryEvent, type TaskRunner } from '../asl/engine.js';
import { ExecutionInterrupted } from '../asl/errors.js';
import { EXECUTION_JOB, type ExecutionEnd, type ExecutionRow, type SfnStore } from '../store.js';
import type { TaskTokens } from '../tasks/tokens.js';
import { deferredLogger } from './logging.js';

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
type RunEnd = { readonly then: 'ended' | 'suspended' } | { readonly then: 'parked'; readonly wakeAt: number | undefined };

/** Where a run starts: the beginning, a checkpoint, or a redrive of a failed execution. */
type Resume = { checkpoint: Checkpoint; events: HistoryEvent[]; redrive?: boolean } | undefined;

/** Last events of an execution that ended; a RUNNING execution whose history ends so was redriven. */
const END_EVENTS = new Set(['ExecutionFailed', 'ExecutionTimedOut', 'ExecutionAborted']);

export class ExecutionRunner {
  private readonly running = new Map<string, RunningExecution>();
  /** Runs this process claimed and is loading; StopExecution waits for them. */
  private readonly loading = new Map<string, Promise<RunningExecution | undefined>>();
  /** Wake-ups of the waits for an execution's end. */
  private readonly endWaits = new Map<string, Set<() => void>>();
  private closed = false;

  constructor(
    private readonly platform: Platform,
    private readonly store: SfnStore,
    private readonly tasks: TaskRunner,
    private readonly tokens: TaskTokens,
  ) {}

  get size(): number {
    return this.running.size;
  }

  get(executionArn: string): RunningExecution | undefined {
    return this.running.get(executionArn);
  }

  /** Runs the Standard executions' jobs in this process, starting with those already due (after a restart). */
  start(): void {
    this.platform.jobs.handle<null>(EXECUTION_JOB, (job, { signal }) => this.runJob(job.key, signal), { concurrency: CONCURRENCY });
  }

  /** Stores a new Standard execution; its job runs it. */
  async launch(row: ExecutionRow): Promise<void> {
    await this.store.startExecution(row, this.platform.clock.now());
    this.platform.jobs.wake(EXECUTION_JOB);
  }

  /** RedriveExecution: its job runs it again from the state it failed in. */
  async redrive(row: ExecutionRow, now: number): Promise<void> {
    await this.store.redriveExecution(row, now);
    this.platform.jobs.wake(EXECUTION_JOB);
  }

  /**
   * StopExecution: records the request and re-enqueues the execution's job, stops it at once when it
   * runs here, and resolves once it ended (a parked execution's next run records the stop).
   */
  async stop(row: ExecutionRow, error: string | undefined, cause: string | undefined): Promise<void> {
    if (!(await this.store.requestStop(row, { error, cause }, this.platform.clock.now()))) return;
    this.platform.jobs.wake(EXECUTION_JOB);
    const run = this.running.get(row.arn) ?? (await this.loading.get(row.arn));
    run?.exec.stop(error, cause);
    await this.ended(row.arn);
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
  private async runJob(arn: string, signal: AbortSignal): Promise<JobOutcome | void> {
    if (this.closed) return whenAborted(signal);
    const loading = this.load(arn);
    this.loading.set(arn, loading);
    let run: RunningExecution | undefined;
    try {
      run = await loading;
    } finally {
      this.loading.delete(arn);
    }
    if (!run) return;
    const end = await run.done;
    if (end.then === 'parked') return { then: 'reschedule', dueAt: end.wakeAt ?? this.platform.clock.now() + IDLE_WAKE_MS };
    if (end.then === 'suspended') return whenAborted(signal);
  }

  /** Loads a RUNNING execution and starts its run where it was; undefined when it is over. */
  private async load(arn: string): Promise<RunningExecution | undefined> {
    const row = await this.store.execution(arn);
    if (!row || row.status !== 'RUNNING') return undefined;
    const events = await this.store.events(arn);
    let resume: Resume;
    if (!row.checkpoint) {
      // Nothing durable beyond the start: run from the beginning.
      if (events.length) await this.store.deleteEvents(arn);
    } else if (END_EVENTS.has(events[events.length - 1]?.type ?? '')) {
      resume = { checkpoint: JSON.parse(row.checkpoint) as Checkpoint, events, redrive: true };
    } else {
      const checkpoint = JSON.parse(row.checkpoint) as Checkpoint;
      // Events after the checkpoint belong to the interrupted state: they are rewritten by the resumed run.
      await this.store.deleteEvents(arn, checkpoint.nextEventId);
      resume = { checkpoint, events: events.filter((e) => e.id < checkpoint.nextEventId) };
    }
    return this.run(row, resume);
  }

  private run(row: ExecutionRow, resume: Resume): RunningExecution {
    const arn = row.arn;
    const clock = this.platform.clock;
    const exec = new Execution(row.definition, executionInfo(row), {
      clock,
      tasks: this.tasks,
      durable: true,
      onEvent: deferredLogger(this.platform, this.store, row),
      persist: async (cp, events, end) => {
        if (!events.length && !cp && !end) return;
        await this.store.saveProgress(arn, cp, events, end && endOf(end, clock.now()));
      },
    });
    if (row.stop_request) {
      const { error, cause } = JSON.parse(row.stop_request) as { error?: string; cause?: string };
      exec.stop(error, cause);
    }
    // Loaded while the service stopped: suspended before it does anything.
    if (this.closed) exec.suspend();
    const done = (async (): Promise<RunEnd> => {
      try {
        await exec.run(resume);
        return { then: 'ended' };
      } catch (e) {
        if (e instanceof ExecutionInterrupted && e.reason === 'PARKED') return { then: 'parked', wakeAt: e.wakeAt };
        if (e instanceof ExecutionInterrupted && e.reason === 'SUSPENDED') return { then: 'suspended' };
        this.platform.log({ level: 'error', service: 'stepfunctions', execution: arn, error: String((e as Error)?.stack ?? e) });
        throw e;
      } finally {
        this.running.delete(arn);
        for (const wake of this.endWaits.get(arn) ?? []) wake();
      }
    })();
    const running = { exec, done, express: false };
    this.running.set(arn, running);
    return running;
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

/** What the interpreter knows of the execution (its context object). */
function executionInfo(row: ExecutionRow): ExecutionInfo {
  return {
    executionArn: row.arn,
    name: row.name,
    stateMachineArn: row.version_arn ?? row.sm_arn,
    stateMachineName: row.sm_arn.split(':')[6]!,
    roleArn: row.role_arn,
    startTime: row.start_ms,
    input: row.input,
    redriveCount: row.redrive_count,
    express: row.arn.includes(':express:'),
    ...(row.version_arn ? { versionArn: row.version_arn } : {}),
    ...(row.alias_arn ? { aliasArn: row.alias_arn } : {}),
    region: row.region,
    accountId: row.account,
  };
}
