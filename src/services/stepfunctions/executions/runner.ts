/**
 * Runs executions: Standard ones persist their events and checkpoints as they go (and are resumed
 * after a restart); Express ones live in memory only.
 */
import type { Platform } from '../../service.js';
import { Execution, type Checkpoint, type ExecutionInfo, type HistoryEvent, type TaskRunner } from '../asl/engine.js';
import { ExecutionInterrupted } from '../asl/errors.js';
import type { ExecutionRow, SfnStore } from '../store.js';
import { deferredLogger } from './logging.js';

/** An execution this process is running. */
export interface RunningExecution {
  readonly exec: Execution;
  /** Settles when the run ends (or is interrupted). */
  readonly done: Promise<unknown>;
  readonly express: boolean;
  /** An Express execution's row: it is never stored. */
  readonly row?: ExecutionRow;
}

export class ExecutionRunner {
  private readonly running = new Map<string, RunningExecution>();

  constructor(
    private readonly platform: Platform,
    private readonly store: SfnStore,
    private readonly tasks: TaskRunner,
  ) {}

  get size(): number {
    return this.running.size;
  }

  get(executionArn: string): RunningExecution | undefined {
    return this.running.get(executionArn);
  }

  /** Resumes the Standard executions that were running when the server stopped. */
  async resumeAll(): Promise<void> {
    for (const row of await this.store.runningExecutions()) this.resume(row);
  }

  /** Interrupts every execution (their durable state stays, for the next start). */
  async close(): Promise<void> {
    for (const r of this.running.values()) r.exec.suspend();
    await Promise.allSettled([...this.running.values()].map((r) => r.done));
  }

  /** Runs an Express execution to its end; the row comes back with its result. */
  async runExpress(row: ExecutionRow): Promise<ExecutionRow> {
    const exec = new Execution(row.definition, executionInfo(row), { clock: this.platform.clock, tasks: this.tasks, onEvent: deferredLogger(this.platform, this.store, row) });
    const done = exec.run();
    this.running.set(row.arn, { exec, done, express: true, row });
    try {
      const r = await done;
      Object.assign(row, { status: r.status, output: r.output ?? null, error: r.error ?? null, cause: r.cause ?? null, stop_ms: this.platform.clock.now() });
    } catch (e) {
      if (!(e instanceof ExecutionInterrupted)) throw e;
    } finally {
      this.running.delete(row.arn);
    }
    return row;
  }

  /** Runs a Standard execution, persisting events and checkpoints as it goes. */
  launch(row: ExecutionRow, resume: { checkpoint: Checkpoint; events: HistoryEvent[]; redrive?: boolean } | undefined): void {
    const arn = row.arn;
    const clock = this.platform.clock;
    const exec = new Execution(row.definition, executionInfo(row), {
      clock,
      tasks: this.tasks,
      onEvent: deferredLogger(this.platform, this.store, row),
      persist: async (cp, events) => {
        if (!events.length && !cp) return;
        await this.store.saveProgress(arn, cp, events);
      },
    });
    const done = (async () => {
      try {
        const r = await exec.run(resume);
        // A timed-out execution shows no error/cause in DescribeExecution (the history has them).
        const timedOut = r.status === 'TIMED_OUT';
        // The last checkpoint of an unsuccessful execution stays: RedriveExecution restarts from it.
        await this.store.finishExecution(
          arn,
          {
            status: r.status,
            output: r.output ?? null,
            error: timedOut ? null : (r.error ?? null),
            cause: timedOut ? null : (r.cause ?? null),
            stop_ms: clock.now(),
          },
          r.status === 'SUCCEEDED',
        );
      } catch (e) {
        if (!(e instanceof ExecutionInterrupted)) {
          this.platform.log({ level: 'error', service: 'stepfunctions', execution: arn, error: String((e as Error)?.stack ?? e) });
        }
      } finally {
        this.running.delete(arn);
      }
    })();
    this.running.set(arn, { exec, done, express: false });
  }

  private resume(row: ExecutionRow): void {
    void (async () => {
      const events = await this.store.events(row.arn);
      if (!row.checkpoint) {
        // Nothing durable beyond the start: run from the beginning, keeping ExecutionStarted if recorded.
        if (events.length) await this.store.deleteEvents(row.arn);
        this.launch(row, undefined);
        return;
      }
      const cp = JSON.parse(row.checkpoint) as Checkpoint;
      // Events after the checkpoint belong to the interrupted state: they are rewritten by the resumed run.
      const kept = events.filter((e) => e.id < cp.nextEventId);
      await this.store.deleteEvents(row.arn, cp.nextEventId);
      this.launch(row, { checkpoint: cp, events: kept });
    })();
  }
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
