/**
 * One execution of a state machine: runs its states thread by thread, records the history events and
 * hands the host its checkpoints. Stop, suspend, park and the execution timeout unwind the running states.
 */
import type { Clock, TimerHandle } from '../../../core/clock.js';
import { ExecutionInterrupted, StatesError } from './errors.js';
import { createStateRun } from './states/index.js';
import {
  BranchCancelled,
  compact,
  outputFields,
  queryLanguageOf,
  type CancelToken,
  type Checkpoint,
  type EmitOptions,
  type EngineHost,
  type ExecutionInfo,
  type ExecutionResult,
  type Frame,
  type HistoryEvent,
  type MapRunHost,
  type StateDefinition,
  type StateMachineDefinition,
  type StateResult,
  type TaskRunner,
} from './types.js';

/** The most events the states that only compute (Pass, Choice...) record before a checkpoint is written. */
const PURE_STEP_EVENTS = 1000;

export class Execution {
  readonly events: HistoryEvent[] = [];
  private unsaved: HistoryEvent[] = [];
  private nextId = 1;
  private interrupted: ExecutionInterrupted | undefined;
  private readonly waiters = new Set<() => void>();
  private readonly def: StateMachineDefinition;
  private timeoutTimer: TimerHandle | undefined;
  private result: ExecutionResult | undefined;
  private dirty = false;
  /** The first event id of the batch not written yet (a run writes nothing before its first state with effects, unless its batch grows). */
  private checkpointedAt = 1;
  private stopDetails: StopDetails = {};

  constructor(
    definition: StateMachineDefinition | string,
    readonly info: ExecutionInfo,
    private readonly host: EngineHost,
  ) {
    this.def = typeof definition === 'string' ? (JSON.parse(definition) as StateMachineDefinition) : definition;
  }

  get clock(): Clock {
    return this.host.clock;
  }

  get tasks(): TaskRunner | undefined {
    return this.host.tasks;
  }

  /** Where map runs are recorded (EngineHost.mapRuns). */
  get mapRuns(): MapRunHost | undefined {
    return this.host.mapRuns;
  }

  /** TestState's inspection data: what the top-level state's paths and templates gave (EngineHost.inspect). */
  inspect(key: string, value: unknown): void {
    this.host.inspect?.(key, value);
  }

  /** Whether the host resumes this execution from its checkpoints (see EngineHost.durable). */
  get durable(): boolean {
    return this.host.durable === true;
  }

  /** Why the execution is interrupted, if it is. */
  get interruption(): ExecutionInterrupted | undefined {
    return this.interrupted;
  }

  /** When the execution times out (ms), if it has a TimeoutSeconds. */
  private get deadline(): number | undefined {
    const timeout = this.def.TimeoutSeconds;
    return typeof timeout === 'number' && timeout > 0 ? this.info.startTime + timeout * 1000 : undefined;
  }

  /** Stops the execution (StopExecution): running states unwind, ExecutionAborted is recorded. */
  stop(error?: string, cause?: string): void {
    if (this.interrupted || this.result) return;
    this.stopDetails = { error, cause };
    this.interrupt(new ExecutionInterrupted('ABORTED'));
  }

  /** Stops running without recording anything (server shutdown): a later resume continues. */
  suspend(): void {
    if (this.interrupted || this.result) return;
    this.interrupt(new ExecutionInterrupted('SUSPENDED'));
  }

  /**
   * Ends this run of a durable execution whose top-level thread only waits, its checkpoint saved: the
   * host resumes it by `until` (or the execution's timeout), or sooner when an answer comes.
   */
  park(until: number | undefined): void {
    if (!this.durable || this.interrupted || this.result) return;
    const deadline = this.deadline;
    if (deadline !== undefined && deadline <= this.clock.now()) return this.interrupt(new ExecutionInterrupted('TIMED_OUT'));
    const wakeAt = until === undefined ? deadline : deadline === undefined ? until : Math.min(until, deadline);
    this.interrupt(new ExecutionInterrupted('PARKED', wakeAt));
  }

  /** The first interruption wins (a timeout after a stop or a suspension changes nothing). */
  private interrupt(e: ExecutionInterrupted): void {
    if (this.interrupted) return;
    this.interrupted = e;
    for (const w of [...this.waiters]) w();
  }

  /** Calls `fn` when the execution is stopped, suspended or times out; returns the unsubscribe. */
  onInterrupt(fn: () => void): () => void {
    this.waiters.add(fn);
    return () => this.waiters.delete(fn);
  }

  /** Throws once the execution is stopped, suspended or timed out. */
  checkInterrupted(): void {
    if (this.interrupted) throw this.interrupted;
  }

  /** Records an event in `frame`'s chain (none: linked to event 0 or to `opts.prev`); returns its id. */
  emit(frame: Frame | undefined, type: string, key?: string, det?: Record<string, unknown>, opts: EmitOptions = {}): number {
    const id = this.nextId++;
    const ev: HistoryEvent = { id, previousEventId: opts.prev ?? frame?.last ?? 0, timestamp: opts.at ?? this.clock.now(), type };
    if (key) ev[key] = det ?? {};
    this.events.push(ev);
    this.unsaved.push(ev);
    this.host.onEvent?.(ev);
    if (frame && opts.update !== false) frame.last = id;
    return id;
  }

  get lastEventId(): number {
    return this.nextId - 1;
  }

  get nextEventId(): number {
    return this.nextId;
  }

  /** Hands the host the events recorded since the last call, with the checkpoint or the execution's end when given. */
  async saveProgress(cp?: Checkpoint, end?: ExecutionResult): Promise<void> {
    if (!this.host.persist) {
      this.unsaved = [];
      return;
    }
    const batch = this.unsaved;
    this.unsaved = [];
    await this.host.persist(cp, batch, end);
  }

  /** Sleeps on the platform clock; wakes early (and throws) when the execution is stopped. */
  async sleepUntil(due: number, cancel?: CancelToken): Promise<void> {
    this.checkInterrupted();
    if (cancel?.cancelled) throw new BranchCancelled();
    const ms = due - this.clock.now();
    if (ms <= 0) return;
    await new Promise<void>((resolve) => {
      let off: () => void = () => undefined;
      const done = () => {
        handle.cancel();
        this.waiters.delete(done);
        off();
        resolve();
      };
      const handle = this.clock.setTimer(ms, done);
      this.waiters.add(done);
      if (cancel) off = cancel.onCancel(done);
    });
    this.checkInterrupted();
    if (cancel?.cancelled) throw new BranchCancelled();
  }

  /**
   * Runs (or resumes) the execution to its end. `resume` continues from a checkpoint after a restart;
   * with `redrive` it restarts a failed execution from the state it failed in (RedriveExecution).
   */
  async run(resume?: { checkpoint: Checkpoint; events: HistoryEvent[]; redrive?: boolean }): Promise<ExecutionResult> {
    const frame: Frame = {
      last: 0,
      scope: { vars: {}, parent: undefined },
      top: true,
      queryLanguage: queryLanguageOf(this.def, 'JSONPath'),
    };
    let input: unknown;
    let startAt: string = this.def.StartAt;
    let resumeCp: Checkpoint | undefined;
    if (resume?.redrive) {
      this.events.push(...resume.events);
      this.nextId = (resume.events[resume.events.length - 1]?.id ?? 0) + 1;
      frame.scope.vars = resume.checkpoint.variables;
      input = resume.checkpoint.input;
      startAt = resume.checkpoint.stateName;
      frame.last = this.emit(undefined, 'ExecutionRedriven', 'executionRedrivenEventDetails', redrivenDetails(this.info), { prev: this.nextId - 1 });
    } else if (resume) {
      this.events.push(...resume.events);
      this.nextId = resume.checkpoint.nextEventId;
      frame.last = resume.checkpoint.last;
      frame.scope.vars = resume.checkpoint.variables;
      input = resume.checkpoint.input;
      startAt = resume.checkpoint.stateName;
      resumeCp = resume.checkpoint;
    } else {
      input = JSON.parse(this.info.input);
      if (this.host.initialVariables) frame.scope.vars = { ...this.host.initialVariables };
      this.emit(undefined, 'ExecutionStarted', 'executionStartedEventDetails', startedDetails(this.info, input));
    }
    this.checkpointedAt = this.nextId;
    const timeout = this.def.TimeoutSeconds;
    const deadline = this.deadline;
    // A resumed execution past its deadline times out before it runs anything.
    if (deadline !== undefined && deadline <= this.clock.now()) this.interrupt(new ExecutionInterrupted('TIMED_OUT'));
    else if (deadline !== undefined)
      this.timeoutTimer = this.clock.setTimer(deadline - this.clock.now(), () => this.interrupt(new ExecutionInterrupted('TIMED_OUT')));
    try {
      const output = await this.runStates(this.def, startAt, input, frame, resumeCp);
      this.checkInterrupted();
      this.emit(frame, 'ExecutionSucceeded', 'executionSucceededEventDetails', outputFields(output));
      this.result = { status: 'SUCCEEDED', output: compact(output) };
    } catch (e) {
      if (e instanceof ExecutionInterrupted || this.interrupted) {
        const why = this.interrupted ?? (e as ExecutionInterrupted);
        if (why.resumable) {
          this.timeoutTimer?.cancel();
          throw why;
        }
        if (why.reason === 'ABORTED') {
          this.emit(undefined, 'ExecutionAborted', 'executionAbortedEventDetails', abortedDetails(this.stopDetails));
          this.result = { status: 'ABORTED', error: this.stopDetails.error, cause: this.stopDetails.cause };
        } else {
          this.emit(frame, 'ExecutionTimedOut', 'executionTimedOutEventDetails', {
            error: 'States.Timeout',
            cause: `The execution timed out after ${timeout} seconds.`,
          });
          this.result = { status: 'TIMED_OUT', error: 'States.Timeout' };
        }
      } else if (e instanceof StatesError) {
        const d: Record<string, unknown> = { error: e.error };
        if (e.cause !== undefined) d.cause = e.cause;
        this.emit(frame, 'ExecutionFailed', 'executionFailedEventDetails', d);
        this.result = { status: 'FAILED', error: e.error, cause: e.cause };
      } else {
        const cause = e instanceof Error ? e.message : String(e);
        this.emit(frame, 'ExecutionFailed', 'executionFailedEventDetails', { error: 'States.Runtime', cause });
        this.result = { status: 'FAILED', error: 'States.Runtime', cause };
      }
    }
    this.timeoutTimer?.cancel();
    await this.saveProgress(undefined, this.result);
    return this.result!;
  }

  /** Runs a branch or an item processor from its StartAt in `frame`'s thread. */
  runProgram(program: StateMachineDefinition, input: unknown, frame: Frame): Promise<unknown> {
    return this.runStates(program, program.StartAt, input, frame);
  }

  /**
   * An execution with this one's identity, clock and task runner whose events stay out of this history:
   * the child executions of a distributed Map keep their own histories.
   */
  detached(program: StateMachineDefinition): Execution {
    return new Execution(program, this.info, { clock: this.clock, tasks: this.tasks });
  }

  private async runStates(program: StateMachineDefinition, startAt: string, input: unknown, frame: Frame, resume?: Checkpoint): Promise<unknown> {
    let name = startAt;
    let data = input;
    let resumeCp = resume;
    for (;;) {
      this.checkInterrupted();
      if (frame.cancel?.cancelled) throw new BranchCancelled();
      const state = program.States?.[name] as StateDefinition | undefined;
      if (!state) throw new StatesError('States.Runtime', `State '${name}' not found in the definition`);
      const step = await this.runState(name, state, data, frame, resumeCp);
      resumeCp = undefined;
      if (step.next === undefined) return step.output;
      name = step.next;
      data = step.output;
    }
  }

  private async runState(name: string, state: StateDefinition, input: unknown, frame: Frame, resume: Checkpoint | undefined): Promise<StateResult> {
    const type = String(state.Type);
    let enteredId: number;
    let enteredTime: number;
    // The Entered event's previousEventId (known before it is emitted; looked up for a resumed state).
    let enteredPrev: number;
    if (resume) {
      enteredId = resume.enteredEventId;
      enteredTime = resume.enteredTime;
      enteredPrev = this.events.find((e) => e.id === enteredId)?.previousEventId ?? 0;
    } else {
      enteredTime = this.clock.now();
      enteredPrev = frame.last;
      enteredId = this.emit(frame, `${type}StateEntered`, 'stateEnteredEventDetails', {
        name,
        input: compact(input),
        inputDetails: { truncated: false },
      });
      // Durable progress: a checkpoint at every state with effects (Task, Wait, Map, Parallel) and at the
      // state after one, so an effect whose next checkpoint was written never runs again; a crash
      // between the effect and that checkpoint runs it again (at least once, not exactly once). The
      // states in between that only compute (Pass, Choice...) are one step: their events are written
      // with the next checkpoint or the execution's end, in one transaction, and a crash before that
      // replays them from the last checkpoint, recording them again. A long run of them still
      // checkpoints every PURE_STEP_EVENTS events, which bounds the work a crash replays and lets
      // the server serve requests in between.
      const effectful = type === 'Task' || type === 'Wait' || type === 'Map' || type === 'Parallel';
      if (frame.top && (effectful || this.dirty || this.nextId - this.checkpointedAt >= PURE_STEP_EVENTS)) {
        this.dirty = effectful;
        this.checkpointedAt = this.nextId;
        await this.saveProgress({
          stateName: name,
          input,
          variables: frame.scope.vars,
          enteredEventId: enteredId,
          enteredTime,
          last: frame.last,
          nextEventId: this.nextId,
        });
      }
    }
    const queryLanguage = queryLanguageOf(state, frame.queryLanguage);
    return createStateRun(this, name, state, type, queryLanguage, input, frame, { id: enteredId, time: enteredTime, prev: enteredPrev }, resume).run();
  }
}

/** StopExecution's error and cause. */
export interface StopDetails {
  error?: string;
  cause?: string;
}

/** Last events of an execution that ended; a RUNNING execution whose history ends so was redriven. */
export const END_EVENTS: ReadonlySet<string> = new Set(['ExecutionFailed', 'ExecutionTimedOut', 'ExecutionAborted']);

/**
 * What a run that resumes an execution after its stored history (`last`: its last event) records
 * when it was stopped before it runs anything: ExecutionStarted when nothing is stored yet (at the
 * start time), ExecutionRedriven when a redrive did not run yet, then ExecutionAborted. StopExecution
 * writes these for an execution that no run has in memory.
 */
export function stoppedHistory(info: ExecutionInfo, last: Pick<HistoryEvent, 'id' | 'type'> | undefined, at: number, stop: StopDetails): HistoryEvent[] {
  const events: HistoryEvent[] = [];
  let id = last?.id ?? 0;
  if (!last) {
    const input: unknown = JSON.parse(info.input);
    events.push({ id: ++id, previousEventId: 0, timestamp: info.startTime, type: 'ExecutionStarted', executionStartedEventDetails: startedDetails(info, input) });
  } else if (END_EVENTS.has(last.type)) {
    events.push({ id: ++id, previousEventId: last.id, timestamp: at, type: 'ExecutionRedriven', executionRedrivenEventDetails: redrivenDetails(info) });
  }
  events.push({ id: ++id, previousEventId: 0, timestamp: at, type: 'ExecutionAborted', executionAbortedEventDetails: abortedDetails(stop) });
  return events;
}

function startedDetails(info: ExecutionInfo, input: unknown): Record<string, unknown> {
  const started: Record<string, unknown> = {
    input: info.input.trim() === '' ? '{}' : compact(input),
    inputDetails: { truncated: false },
    roleArn: info.roleArn,
  };
  if (info.aliasArn) started.stateMachineAliasArn = info.aliasArn;
  if (info.versionArn) started.stateMachineVersionArn = info.versionArn;
  return started;
}

function redrivenDetails(info: ExecutionInfo): Record<string, unknown> {
  return { redriveCount: info.redriveCount };
}

/** The error and cause StopExecution gave, those it gave only. */
function abortedDetails(stop: StopDetails): Record<string, unknown> {
  const d: Record<string, unknown> = {};
  if (stop.error !== undefined) d.error = stop.error;
  if (stop.cause !== undefined) d.cause = stop.cause;
  return d;
}
