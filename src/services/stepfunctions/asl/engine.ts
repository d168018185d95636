/**
 * The ASL interpreter: definition + input + clock + task runner -> execution history events.
 * Pure: no storage, no HTTP. The provider persists the events and checkpoints it hands out.
 *
 * Event ids and previousEventId follow what AWS records: each thread (the execution, a Map
 * iteration, a Parallel branch) links its events in a chain; ExecutionStarted does not start the
 * chain (the first state's Entered event has previousEventId 0); XxxSucceeded events of Map and
 * Parallel, and MapIterationSucceeded/Failed, do not move the chain forward.
 */
import type { Clock, TimerHandle } from '../../../core/clock.js';
import { evaluatePath, parsePath, setAtPath, type PathRoots } from './jsonpath.js';
import { evaluateIntrinsic, isIntrinsic } from './intrinsics.js';
import { evaluateRule, parseTimestamp } from './choice.js';
import { errorMatches, ExecutionInterrupted, StatesError } from './errors.js';
import { evaluateExpression, evaluateTemplate, evaluationError, isJsonataExpr, type JsonataScope } from './jsonata.js';

export type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

export interface HistoryEvent {
  id: number;
  previousEventId: number;
  timestamp: number;
  type: string;
  [details: string]: unknown;
}

export interface ExecutionInfo {
  executionArn: string;
  name: string;
  stateMachineArn: string;
  stateMachineName: string;
  roleArn: string;
  startTime: number;
  /** The execution input as JSON text. */
  input: string;
  redriveCount: number;
  /** Express executions have no RedriveCount in their context object. */
  express?: boolean;
  /** Set when the execution was started through a version or an alias ARN. */
  versionArn?: string;
  aliasArn?: string;
  region: string;
  accountId: string;
}

export interface TaskCall {
  resource: string;
  parameters: unknown;
  stateName: string;
  execution: ExecutionInfo;
  /** The callback token (for .waitForTaskToken and activities). */
  taskToken: string | undefined;
  heartbeatSeconds: number | undefined;
  timeoutSeconds: number | undefined;
  /** For activities: a worker took the task. */
  onStarted(workerName: string | undefined): void;
  /** For callback integrations: the request went out; the task now waits on its token. */
  onSubmitted(output: unknown): void;
  /** A heartbeat arrived (SendTaskHeartbeat). */
  onHeartbeat(): void;
  signal: AbortSignal;
}

export interface TaskRunner {
  /** Runs a Task resource; resolves with its result or rejects with a StatesError. */
  run(call: TaskCall): Promise<unknown>;
  /** Creates the token a callback task waits on (registered before the request goes out). */
  newToken(execution: ExecutionInfo, stateName: string): string;
}

/** Durable progress of the top-level thread, written at each state entry. */
export interface Checkpoint {
  stateName: string;
  /** Raw input of the state (JSON value). */
  input: unknown;
  variables: Record<string, unknown>;
  enteredEventId: number;
  enteredTime: number;
  last: number;
  nextEventId: number;
  /** When the Wait state of this checkpoint ends (ms). */
  waitUntil?: number;
}

export interface EngineHost {
  readonly clock: Clock;
  readonly tasks?: TaskRunner;
  /** Persist the events emitted since the last call (and the checkpoint, when given). */
  persist?(checkpoint: Checkpoint | undefined, events: HistoryEvent[]): Promise<void>;
  /** Express executions record no history detail beyond what the caller needs. */
  readonly includeHistory?: boolean;
  /** Workflow variables the execution starts with (TestState's `variables`). */
  readonly initialVariables?: Record<string, unknown>;
  /** Sees every event as it is recorded (CloudWatch Logs delivery). */
  readonly onEvent?: (event: HistoryEvent) => void;
}

export interface ExecutionResult {
  status: 'SUCCEEDED' | 'FAILED' | 'ABORTED' | 'TIMED_OUT';
  output?: string;
  error?: string;
  cause?: string;
}

type Def = Record<string, any>;

interface Scope {
  vars: Record<string, unknown>;
  parent: Scope | undefined;
}

/** Stops one Parallel branch or Map iteration (and what runs inside it) when a sibling failed. */
class CancelToken {
  cancelled = false;
  private readonly listeners = new Set<() => void>();
  constructor(parent?: CancelToken) {
    parent?.onCancel(() => this.cancel());
  }
  cancel(): void {
    if (this.cancelled) return;
    this.cancelled = true;
    for (const l of [...this.listeners]) l();
  }
  onCancel(fn: () => void): () => void {
    if (this.cancelled) {
      fn();
      return () => undefined;
    }
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }
}

/** Thrown inside a cancelled branch or iteration; its Parallel/Map ignores it. */
class BranchCancelled extends Error {}

interface Frame {
  /** Cancellation of the enclosing branch/iteration (none for the top-level thread). */
  cancel?: CancelToken;
  last: number;
  scope: Scope;
  /** Map iteration context ($$.Map.Item). */
  mapItem?: { Index: number; Value: unknown; Key?: string };
  /** The top-level thread checkpoints; nested threads do not. */
  top: boolean;
  queryLanguage: 'JSONPath' | 'JSONata';
}

/** The largest input/output a state may pass on (256 KiB), as AWS. */
const MAX_PAYLOAD_BYTES = 262144;

const compact = (v: unknown): string => JSON.stringify(v === undefined ? null : v);

const details = (output: unknown) => ({ output: compact(output), outputDetails: { truncated: false } });

function lookupVar(scope: Scope | undefined, name: string): { found: boolean; value: unknown } {
  for (let s = scope; s; s = s.parent) if (Object.prototype.hasOwnProperty.call(s.vars, name)) return { found: true, value: s.vars[name] };
  return { found: false, value: undefined };
}

function allVars(scope: Scope | undefined): Record<string, unknown> {
  const chain: Scope[] = [];
  for (let s = scope; s; s = s.parent) chain.unshift(s);
  return Object.assign({}, ...chain.map((s) => s.vars));
}

function iso(ms: number): string {
  return new Date(ms).toISOString();
}

export class Execution {
  readonly events: HistoryEvent[] = [];
  private unsaved: HistoryEvent[] = [];
  private nextId = 1;
  private interrupted: ExecutionInterrupted | undefined;
  private readonly abort = new AbortController();
  private readonly waiters = new Set<() => void>();
  private readonly def: Def;
  private timeoutTimer: TimerHandle | undefined;
  private result: ExecutionResult | undefined;
  private dirty = false;
  private checkpointedAt = -1000;

  constructor(
    definition: Def | string,
    readonly info: ExecutionInfo,
    private readonly host: EngineHost,
  ) {
    this.def = typeof definition === 'string' ? (JSON.parse(definition) as Def) : definition;
  }

  get clock(): Clock {
    return this.host.clock;
  }

  /** Stops the execution (StopExecution): running states unwind, ExecutionAborted is recorded. */
  stop(error?: string, cause?: string): void {
    if (this.interrupted || this.result) return;
    this.stopDetails = { error, cause };
    this.interrupt(new ExecutionInterrupted('ABORTED'));
  }
  private stopDetails: { error?: string; cause?: string } = {};

  /** Stops running without recording anything (server shutdown): a later resume continues. */
  suspend(): void {
    if (this.interrupted || this.result) return;
    this.interrupt(new ExecutionInterrupted('SUSPENDED'));
  }

  private interrupt(e: ExecutionInterrupted): void {
    this.interrupted = e;
    this.abort.abort(e);
    for (const w of [...this.waiters]) w();
  }

  emit(frame: Frame | undefined, type: string, key?: string, det?: Record<string, unknown>, opts: { update?: boolean; prev?: number } = {}): number {
    const id = this.nextId++;
    const ev: HistoryEvent = { id, previousEventId: opts.prev ?? frame?.last ?? 0, timestamp: this.clock.now(), type };
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

  private async persist(cp?: Checkpoint): Promise<void> {
    if (!this.host.persist) {
      this.unsaved = [];
      return;
    }
    const batch = this.unsaved;
    this.unsaved = [];
    await this.host.persist(cp, batch);
  }

  private check(): void {
    if (this.interrupted) throw this.interrupted;
  }

  /** Sleeps on the platform clock; wakes early (and throws) when the execution is stopped. */
  private async sleepUntil(due: number, cancel?: CancelToken): Promise<void> {
    this.check();
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
    this.check();
    if (cancel?.cancelled) throw new BranchCancelled();
  }

  /** Runs (or resumes) the execution to its end. */
  /**
   * Runs (or resumes) the execution to its end. `resume` continues from a checkpoint after a restart;
   * with `redrive` it restarts a failed execution from the state it failed in (RedriveExecution).
   */
  async run(resume?: { checkpoint: Checkpoint; events: HistoryEvent[]; redrive?: boolean }): Promise<ExecutionResult> {
    const frame: Frame = {
      last: 0,
      scope: { vars: {}, parent: undefined },
      top: true,
      queryLanguage: this.def.QueryLanguage === 'JSONata' ? 'JSONata' : 'JSONPath',
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
      frame.last = this.emit(undefined, 'ExecutionRedriven', 'executionRedrivenEventDetails', { redriveCount: this.info.redriveCount }, {
        prev: this.nextId - 1,
      });
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
      const started: Record<string, unknown> = {
        input: this.info.input.trim() === '' ? '{}' : compact(input),
        inputDetails: { truncated: false },
        roleArn: this.info.roleArn,
      };
      if (this.info.aliasArn) started.stateMachineAliasArn = this.info.aliasArn;
      if (this.info.versionArn) started.stateMachineVersionArn = this.info.versionArn;
      this.emit(undefined, 'ExecutionStarted', 'executionStartedEventDetails', started);
    }
    const timeout = this.def.TimeoutSeconds;
    if (typeof timeout === 'number' && timeout > 0) {
      const due = this.info.startTime + timeout * 1000;
      this.timeoutTimer = this.clock.setTimer(Math.max(0, due - this.clock.now()), () =>
        this.interrupt(new ExecutionInterrupted('TIMED_OUT')),
      );
    }
    try {
      const output = await this.runStates(this.def, startAt, input, frame, resumeCp);
      this.check();
      this.emit(frame, 'ExecutionSucceeded', 'executionSucceededEventDetails', details(output));
      this.result = { status: 'SUCCEEDED', output: compact(output) };
    } catch (e) {
      if (e instanceof ExecutionInterrupted || this.interrupted) {
        const why = this.interrupted ?? (e as ExecutionInterrupted);
        if (why.reason === 'SUSPENDED') {
          this.timeoutTimer?.cancel();
          throw why;
        }
        if (why.reason === 'ABORTED') {
          const d: Record<string, unknown> = {};
          if (this.stopDetails.error !== undefined) d.error = this.stopDetails.error;
          if (this.stopDetails.cause !== undefined) d.cause = this.stopDetails.cause;
          this.emit(undefined, 'ExecutionAborted', 'executionAbortedEventDetails', d);
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
    await this.persist();
    return this.result!;
  }

  // ---------------------------------------------------------------- states

  private async runStates(program: Def, startAt: string, input: unknown, frame: Frame, resume?: Checkpoint): Promise<unknown> {
    let name = startAt;
    let data = input;
    let resumeCp = resume;
    for (;;) {
      this.check();
      if (frame.cancel?.cancelled) throw new BranchCancelled();
      const state = program.States?.[name] as Def | undefined;
      if (!state) throw new StatesError('States.Runtime', `State '${name}' not found in the definition`);
      const step = await this.runState(program, name, state, data, frame, resumeCp);
      resumeCp = undefined;
      if (step.next === undefined) return step.output;
      name = step.next;
      data = step.output;
    }
  }

  private stateType(state: Def): string {
    return String(state.Type);
  }

  private async runState(
    program: Def,
    name: string,
    state: Def,
    input: unknown,
    frame: Frame,
    resume: Checkpoint | undefined,
  ): Promise<{ output: unknown; next: string | undefined }> {
    const type = this.stateType(state);
    const ql: 'JSONPath' | 'JSONata' =
      state.QueryLanguage === 'JSONata' || state.QueryLanguage === 'JSONPath' ? state.QueryLanguage : frame.queryLanguage;
    let enteredId: number;
    let enteredTime: number;
    if (resume) {
      enteredId = resume.enteredEventId;
      enteredTime = resume.enteredTime;
    } else {
      const enteredPrev = frame.last;
      enteredTime = this.clock.now();
      enteredId = this.emit(frame, `${type}StateEntered`, 'stateEnteredEventDetails', {
        name,
        input: compact(input),
        inputDetails: { truncated: false },
      });
      void enteredPrev;
      // Durable progress: a checkpoint at every state with effects (Task, Wait, Map, Parallel) and at the
      // state after one, so a completed effect never runs again; pure states in between (Pass, Choice...)
      // may be replayed after a crash, rewriting the same events, so they checkpoint only every 100 events.
      const effectful = type === 'Task' || type === 'Wait' || type === 'Map' || type === 'Parallel';
      if (frame.top && (effectful || this.dirty || this.nextId - this.checkpointedAt >= 100)) {
        this.dirty = effectful;
        this.checkpointedAt = this.nextId;
        await this.persist({
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
    const enteredPrev = this.events.find((e) => e.id === enteredId)?.previousEventId ?? 0;
    const st = new StateRun(this, program, name, state, type, ql, input, frame, enteredId, enteredTime, enteredPrev, resume);
    return st.run();
  }

  // Exposed to StateRun.
  get hostRef(): EngineHost {
    return this.host;
  }
  sleep(due: number, cancel?: CancelToken): Promise<void> {
    return this.sleepUntil(due, cancel);
  }
  checkInterrupted(): void {
    this.check();
  }
  get signal(): AbortSignal {
    return this.abort.signal;
  }
  onInterrupt(fn: () => void): () => void {
    this.waiters.add(fn);
    return () => this.waiters.delete(fn);
  }
  saveProgress(cp?: Checkpoint): Promise<void> {
    return this.persist(cp);
  }
  runProgram(program: Def, input: unknown, frame: Frame): Promise<unknown> {
    return this.runStates(program, program.StartAt, input, frame);
  }
  get nextEventId(): number {
    return this.nextId;
  }
  get definition(): Def {
    return this.def;
  }
}

class StateRun {
  constructor(
    private readonly ex: Execution,
    private readonly program: Def,
    private readonly name: string,
    private readonly state: Def,
    private readonly type: string,
    private readonly ql: 'JSONPath' | 'JSONata',
    private readonly rawInput: unknown,
    private readonly frame: Frame,
    private readonly enteredId: number,
    private readonly enteredTime: number,
    private readonly enteredPrev: number,
    private readonly resume: Checkpoint | undefined,
  ) {}

  private retryCount = 0;
  private taskToken: string | undefined;

  private get prefix(): string {
    return `An error occurred while executing the state '${this.name}' (entered at the event id #${this.enteredId}).`;
  }

  private runtime(msg: string): StatesError {
    return new StatesError('States.Runtime', `${this.prefix} ${msg}`);
  }

  private context(): Record<string, unknown> {
    const info = this.ex.info;
    const ctx: Record<string, unknown> = {
      Execution: {
        Id: info.executionArn,
        Input: JSON.parse(info.input),
        StartTime: iso(info.startTime),
        Name: info.name,
        RoleArn: info.roleArn,
        ...(info.express ? {} : { RedriveCount: info.redriveCount }),
      },
      StateMachine: { Id: info.stateMachineArn, Name: info.stateMachineName },
      State: { Name: this.name, EnteredTime: iso(this.enteredTime) } as Record<string, unknown>,
    };
    if (this.type === 'Task' || this.type === 'Map' || this.type === 'Parallel')
      (ctx.State as Record<string, unknown>).RetryCount = this.retryCount;
    if (this.taskToken) ctx.Task = { Token: this.taskToken };
    if (this.frame.mapItem) ctx.Map = { Item: this.frame.mapItem };
    return ctx;
  }

  private roots(data: unknown): PathRoots {
    const scope = this.frame.scope;
    let ctx: Record<string, unknown> | undefined;
    const self = this;
    return {
      data,
      get context() {
        return (ctx ??= self.context());
      },
      variable: (n) => lookupVar(scope, n),
    };
  }

  // ---------------- JSONPath helpers

  private path(text: string, data: unknown, field: string): unknown {
    let r: { found: boolean; value: unknown };
    try {
      r = evaluatePath(text, this.roots(data));
    } catch {
      throw this.runtime(`Invalid path '${text}'`);
    }
    if (!r.found) {
      const p = parsePath(text);
      if (typeof p.root === 'object') throw this.runtime(`Invalid path '${text}' : The variable '${p.root.variable}' could not be found`);
      throw this.runtime(`Invalid path '${text}' : No results for path: ${jaywayPath(text)}`);
    }
    void field;
    return r.value;
  }

  /** Payload template (Parameters, ResultSelector, ItemSelector, Assign): keys ending in .$ are evaluated. */
  private payload(tmpl: unknown, data: unknown): unknown {
    if (Array.isArray(tmpl)) return tmpl.map((x) => this.payload(x, data));
    if (tmpl && typeof tmpl === 'object') {
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(tmpl)) {
        if (k.endsWith('.$') && typeof v === 'string') {
          const key = k.slice(0, -2);
          out[key] = this.valueOf(v, data, key);
        } else out[k] = this.payload(v, data);
      }
      return out;
    }
    return tmpl;
  }

  private valueOf(expr: string, data: unknown, key: string): unknown {
    if (isIntrinsic(expr)) {
      try {
        return evaluateIntrinsic(expr, this.roots(data));
      } catch (e) {
        if (e instanceof StatesError && e.error === 'States.Runtime') throw this.runtime(e.cause ?? '');
        throw e;
      }
    }
    if (!expr.startsWith('$')) throw this.runtime(`The value for the field '${key}.$' must be a valid JSONPath or a valid intrinsic function call`);
    try {
      const r = evaluatePath(expr, this.roots(data));
      if (!r.found) {
        const p = parsePath(expr);
        if (typeof p.root === 'object')
          throw this.runtime(`The JSONPath '${expr}' specified for the field '${key}.$' could not be found in the input '${compact(data)}'`);
        throw this.runtime(`The JSONPath '${expr}' specified for the field '${key}.$' could not be found in the input '${compact(data)}'`);
      }
      return r.value;
    } catch (e) {
      if (e instanceof StatesError) throw e;
      throw this.runtime(`Invalid path '${expr}'`);
    }
  }

  private effectiveInput(): unknown {
    const s = this.state;
    let v = this.rawInput;
    if (s.InputPath === null) v = {};
    else if (typeof s.InputPath === 'string') v = this.path(s.InputPath, v, 'InputPath');
    if (s.Parameters !== undefined) v = this.payload(s.Parameters, v);
    return v;
  }

  private applyResultPath(result: unknown): unknown {
    const rp = this.state.ResultPath;
    if (rp === null) return this.rawInput;
    if (rp === undefined || rp === '$') return result;
    try {
      return setAtPath(this.rawInput, rp, result);
    } catch {
      throw this.runtime(`Invalid path '${rp}'`);
    }
  }

  private applyOutputPath(v: unknown): unknown {
    const op = this.state.OutputPath;
    if (op === null) return {};
    if (op === undefined || op === '$') return v;
    return this.path(op, v, 'OutputPath');
  }

  // ---------------- JSONata helpers

  private jscope(extra: Record<string, unknown> = {}): JsonataScope {
    return {
      states: { input: this.rawInput, context: this.context(), ...extra },
      variables: allVars(this.frame.scope),
      errorPrefix: this.prefix,
    };
  }

  private async jeval(tmpl: unknown, location: string, extra: Record<string, unknown> = {}): Promise<unknown> {
    return evaluateTemplate(tmpl, this.jscope(extra), location);
  }

  // ---------------- Assign

  private async computeAssign(assign: unknown, data: unknown, extra: Record<string, unknown> = {}): Promise<Record<string, unknown> | undefined> {
    if (assign === undefined || assign === null) return undefined;
    if (this.ql === 'JSONata') return (await this.jeval(assign, 'Assign', extra)) as Record<string, unknown>;
    return this.payload(assign, data) as Record<string, unknown>;
  }

  private applyAssign(values: Record<string, unknown> | undefined): Record<string, unknown> | undefined {
    if (!values) return undefined;
    Object.assign(this.frame.scope.vars, values);
    if (Object.keys(values).length === 0) return undefined;
    const assigned: Record<string, string> = {};
    for (const [k, v] of Object.entries(values)) assigned[k] = compact(v);
    return assigned;
  }

  private exit(output: unknown, assigned: Record<string, unknown> | undefined, opts: { update?: boolean; prev?: number } = {}): void {
    const det: Record<string, unknown> = { name: this.name, ...details(output) };
    // AWS's payload quota: a state output over 256 KiB fails the state (not matched by States.ALL).
    if (Buffer.byteLength(det.output as string) > MAX_PAYLOAD_BYTES)
      throw new StatesError(
        'States.DataLimitExceeded',
        `The state/task '${this.name}' returned a result with a size exceeding the maximum number of bytes service limit.`,
      );
    if (assigned) {
      det.assignedVariables = assigned;
      det.assignedVariablesDetails = { truncated: false };
    }
    this.ex.emit(this.frame, `${this.type}StateExited`, 'stateExitedEventDetails', det, opts);
  }

  private nextOf(): string | undefined {
    return this.state.End === true ? undefined : (this.state.Next as string | undefined);
  }

  /** Records a JSONata evaluation failure as AWS does: an EvaluationFailed event before the state fails. */
  private evaluationFailed(e: StatesError, prev: number): void {
    const det: Record<string, unknown> = { error: e.error, cause: e.cause };
    if (e.location) det.location = e.location;
    det.state = this.name;
    this.ex.emit(this.frame, 'EvaluationFailed', 'evaluationFailedEventDetails', det, { prev });
  }

  // ---------------- dispatch

  async run(): Promise<{ output: unknown; next: string | undefined }> {
    try {
      switch (this.type) {
        case 'Pass':
          return await this.pass();
        case 'Succeed':
          return await this.succeed();
        case 'Fail':
          return await this.fail();
        case 'Choice':
          return await this.choice();
        case 'Wait':
          return await this.wait();
        case 'Task':
        case 'Map':
        case 'Parallel':
          return await this.withRetry();
        default:
          throw this.runtime(`Unsupported state type ${this.type}`);
      }
    } catch (e) {
      if (e instanceof StatesError && e.evaluation && !e.recorded) {
        e.recorded = true;
        this.evaluationFailed(e, this.type === 'Wait' ? this.enteredId : this.enteredPrev);
      }
      throw e;
    }
  }

  private async pass(): Promise<{ output: unknown; next: string | undefined }> {
    const s = this.state;
    if (this.ql === 'JSONata') {
      const output = s.Output !== undefined ? await this.jeval(s.Output, 'Output') : this.rawInput;
      const assigned = this.applyAssign(await this.computeAssign(s.Assign, undefined));
      this.exit(output, assigned);
      return { output, next: this.nextOf() };
    }
    const eff = this.effectiveInput();
    const result = s.Result !== undefined ? s.Result : eff;
    const assignValues = await this.computeAssign(s.Assign, result);
    const output = this.applyOutputPath(this.applyResultPath(result));
    const assigned = this.applyAssign(assignValues);
    this.exit(output, assigned);
    return { output, next: this.nextOf() };
  }

  private async succeed(): Promise<{ output: unknown; next: string | undefined }> {
    const s = this.state;
    let output: unknown;
    if (this.ql === 'JSONata') output = s.Output !== undefined ? await this.jeval(s.Output, 'Output') : this.rawInput;
    else {
      let v = this.rawInput;
      if (s.InputPath === null) v = {};
      else if (typeof s.InputPath === 'string') v = this.path(s.InputPath, v, 'InputPath');
      output = this.applyOutputPath(v);
    }
    this.exit(output, undefined);
    return { output, next: undefined };
  }

  private async fail(): Promise<never> {
    const s = this.state;
    let error: unknown = s.Error;
    let cause: unknown = s.Cause;
    if (this.ql === 'JSONata') {
      if (isJsonataExpr(error)) error = await evaluateExpression(error, this.jscope(), 'Error');
      if (isJsonataExpr(cause)) cause = await evaluateExpression(cause, this.jscope(), 'Cause');
    } else {
      if (typeof s.ErrorPath === 'string') error = this.failPath(s.ErrorPath, 'ErrorPath');
      if (typeof s.CausePath === 'string') cause = this.failPath(s.CausePath, 'CausePath');
    }
    throw new StatesError(
      error === undefined ? undefined! : String(error),
      cause === undefined ? undefined : typeof cause === 'string' ? cause : compact(cause),
    );
  }

  private failPath(p: string, field: string): unknown {
    if (isIntrinsic(p)) return this.valueOf(p, this.rawInput, field);
    return this.path(p, this.rawInput, field);
  }

  private async choice(): Promise<{ output: unknown; next: string | undefined }> {
    const s = this.state;
    const choices = (s.Choices ?? []) as Def[];
    if (this.ql === 'JSONata') {
      for (let i = 0; i < choices.length; i++) {
        const c = choices[i]!;
        const ok = isJsonataExpr(c.Condition) ? await evaluateExpression(c.Condition, this.jscope(), `Choices[${i}]/Condition`) : c.Condition;
        if (typeof ok !== 'boolean')
          throw evaluationError(
            `${this.prefix} The Condition field of the choice rule at index ${i} must evaluate to a boolean value, but the JSONata expression returned a value of type '${ok === null ? 'null' : Array.isArray(ok) ? 'array' : typeof ok}'.`,
            `Choices[${i}]/Condition`,
          );
        if (ok) return this.choiceExit(c.Next, c.Output, c.Assign);
      }
      if (s.Default) return this.choiceExit(s.Default, s.Output, s.Assign);
      throw new StatesError('States.NoChoiceMatched', `No Matches!`);
    }
    let v = this.rawInput;
    if (s.InputPath === null) v = {};
    else if (typeof s.InputPath === 'string') v = this.path(s.InputPath, v, 'InputPath');
    for (const c of choices) {
      let ok: boolean;
      try {
        ok = evaluateRule(c, this.roots(v));
      } catch (e) {
        if (e instanceof StatesError && e.error === 'States.Runtime') throw this.runtime(e.cause ?? '');
        throw e;
      }
      if (ok) return this.choiceExitPath(c.Next, v, c.Assign ?? s.Assign);
    }
    if (s.Default) return this.choiceExitPath(s.Default, v, s.Assign);
    throw new StatesError('States.NoChoiceMatched', `No Matches!`);
  }

  private async choiceExit(next: string, outputTmpl: unknown, assignTmpl: unknown): Promise<{ output: unknown; next: string | undefined }> {
    const outTmpl = outputTmpl ?? this.state.Output;
    const output = outTmpl !== undefined ? await this.jeval(outTmpl, 'Output') : this.rawInput;
    const assigned = this.applyAssign(await this.computeAssign(assignTmpl ?? this.state.Assign, undefined));
    this.exit(output, assigned);
    return { output, next };
  }

  private async choiceExitPath(next: string, data: unknown, assignTmpl: unknown): Promise<{ output: unknown; next: string | undefined }> {
    const assignValues = await this.computeAssign(assignTmpl, data);
    const output = this.applyOutputPath(data);
    const assigned = this.applyAssign(assignValues);
    this.exit(output, assigned);
    return { output, next };
  }

  private async wait(): Promise<{ output: unknown; next: string | undefined }> {
    const s = this.state;
    let due: number;
    if (this.resume?.waitUntil !== undefined) due = this.resume.waitUntil;
    else {
      const base = this.ex.clock.now();
      if (this.ql === 'JSONata') {
        if (s.Seconds !== undefined) {
          const sec = isJsonataExpr(s.Seconds) ? await evaluateExpression(s.Seconds, this.jscope(), 'Seconds') : s.Seconds;
          if (typeof sec !== 'number' || !Number.isInteger(sec) || sec < 0)
            throw evaluationError(`${this.prefix} The Seconds field must be a non-negative integer: ${compact(sec)}`, 'Seconds');
          due = base + sec * 1000;
        } else {
          const ts = isJsonataExpr(s.Timestamp) ? await evaluateExpression(s.Timestamp, this.jscope(), 'Timestamp') : s.Timestamp;
          const t = parseTimestamp(ts);
          if (Number.isNaN(t))
            throw evaluationError(
              `${this.prefix} The Timestamp field cannot be parsed as an ISO-8601 extended offset date-time format string: ${typeof ts === 'string' ? ts : compact(ts)}`,
              'Timestamp',
            );
          due = t;
        }
      } else {
        let v = this.rawInput;
        if (s.InputPath === null) v = {};
        else if (typeof s.InputPath === 'string') v = this.path(s.InputPath, v, 'InputPath');
        if (typeof s.Seconds === 'number') due = base + s.Seconds * 1000;
        else if (typeof s.Timestamp === 'string') {
          due = parseTimestamp(s.Timestamp);
        } else if (typeof s.SecondsPath === 'string') {
          const sec = this.path(s.SecondsPath, v, 'SecondsPath');
          if (typeof sec !== 'number' || !Number.isInteger(sec))
            throw this.runtime(`The SecondsPath parameter cannot be parsed as a long value: ${s.SecondsPath} == ${typeof sec === 'string' ? sec : compact(sec)}`);
          if (sec < 0) throw this.runtime(`The SecondsPath parameter references a negative value: ${s.SecondsPath} == ${sec}`);
          due = base + sec * 1000;
        } else if (typeof s.TimestampPath === 'string') {
          const ts = this.path(s.TimestampPath, v, 'TimestampPath');
          const t = parseTimestamp(ts);
          if (Number.isNaN(t))
            throw this.runtime(
              `The TimestampPath parameter does not reference a valid ISO-8601 extended offset date-time format string: ${s.TimestampPath} == ${typeof ts === 'string' ? ts : compact(ts)}`,
            );
          due = t;
        } else due = base;
      }
      // AWS keeps the delay in a signed 32-bit count of seconds (about 24855 days).
      if ((due - base) / 1000 > 2147483647) throw this.runtime('Wait state delay is too long.');
      if (this.frame.top)
        await this.ex.saveProgress({
          stateName: this.name,
          input: this.rawInput,
          variables: this.frame.scope.vars,
          enteredEventId: this.enteredId,
          enteredTime: this.enteredTime,
          last: this.frame.last,
          nextEventId: this.ex.nextEventId,
          waitUntil: due,
        });
      else await this.ex.saveProgress();
    }
    await this.ex.sleep(due, this.frame.cancel);
    if (this.ql === 'JSONata') {
      const output = s.Output !== undefined ? await this.jeval(s.Output, 'Output') : this.rawInput;
      const assigned = this.applyAssign(await this.computeAssign(s.Assign, undefined));
      this.exit(output, assigned);
      return { output, next: this.nextOf() };
    }
    let v = this.rawInput;
    if (s.InputPath === null) v = {};
    else if (typeof s.InputPath === 'string') v = this.path(s.InputPath, v, 'InputPath');
    const assignValues = await this.computeAssign(s.Assign, v);
    const output = this.applyOutputPath(v);
    const assigned = this.applyAssign(assignValues);
    this.exit(output, assigned);
    return { output, next: this.nextOf() };
  }

  // ---------------- Retry / Catch for Task, Map, Parallel

  private async withRetry(): Promise<{ output: unknown; next: string | undefined }> {
    const s = this.state;
    const retriers = (Array.isArray(s.Retry) ? s.Retry : []) as Def[];
    const attempts = retriers.map(() => 0);
    for (;;) {
      try {
        return await this.execute();
      } catch (e) {
        if (!(e instanceof StatesError)) throw e;
        this.ex.checkInterrupted();
        if (e.evaluation && !e.recorded) {
          e.recorded = true;
          this.evaluationFailed(e, this.enteredPrev);
        }
        const errName = e.error;
        const idx = retriers.findIndex((r) => errorMatches(r.ErrorEquals ?? [], errName));
        if (idx >= 0 && !e.evaluation) {
          const r = retriers[idx]!;
          const max = r.MaxAttempts ?? 3;
          if (attempts[idx]! < max) {
            const interval = r.IntervalSeconds ?? 1;
            const rate = r.BackoffRate ?? 2.0;
            let delay = interval * Math.pow(rate, attempts[idx]!);
            if (typeof r.MaxDelaySeconds === 'number') delay = Math.min(delay, r.MaxDelaySeconds);
            if (r.JitterStrategy === 'FULL') delay = Math.random() * delay;
            attempts[idx]!++;
            this.retryCount++;
            await this.ex.saveProgress();
            await this.ex.sleep(this.ex.clock.now() + Math.round(delay * 1000), this.frame.cancel);
            continue;
          }
        }
        // Failure is final for this state: Map/Parallel record their Failed event first.
        if ((this.type === 'Map' || this.type === 'Parallel') && (e.needsStateFailed || e.evaluation)) {
          this.ex.emit(this.frame, `${this.type}StateFailed`, undefined, undefined);
        }
        const catchers = (Array.isArray(s.Catch) ? s.Catch : []) as Def[];
        const c = catchers.find((x) => errorMatches(x.ErrorEquals ?? [], errName));
        if (!c) throw e;
        const errorOutput: Record<string, unknown> = { Error: errName };
        if (e.cause !== undefined) errorOutput.Cause = e.cause;
        if (this.ql === 'JSONata') {
          const extra = { errorOutput };
          const output = c.Output !== undefined ? await this.jeval(c.Output, 'Output', extra) : errorOutput;
          const assigned = this.applyAssign(await this.computeAssign(c.Assign, undefined, extra));
          this.exit(output, assigned);
          return { output, next: c.Next };
        }
        const assignValues = await this.computeAssign(c.Assign, errorOutput);
        const rp = c.ResultPath;
        let output: unknown;
        if (rp === null) output = this.rawInput;
        else if (rp === undefined || rp === '$') output = errorOutput;
        else output = setAtPath(this.rawInput, rp, errorOutput);
        const assigned = this.applyAssign(assignValues);
        this.exit(output, assigned);
        return { output, next: c.Next };
      }
    }
  }

  private async execute(): Promise<{ output: unknown; next: string | undefined }> {
    switch (this.type) {
      case 'Task':
        return this.task();
      case 'Map':
        return this.map();
      default:
        return this.parallel();
    }
  }

  /** ResultSelector / ResultPath / OutputPath / Assign, or Output / Assign in JSONata. */
  private async finish(result: unknown, opts: { update?: boolean; prev?: number } = {}): Promise<{ output: unknown; next: string | undefined }> {
    const s = this.state;
    if (this.ql === 'JSONata') {
      const extra = { result };
      const output = s.Output !== undefined ? await this.jeval(s.Output, 'Output', extra) : result;
      const assigned = this.applyAssign(await this.computeAssign(s.Assign, undefined, extra));
      this.exit(output, assigned, opts);
      return { output, next: this.nextOf() };
    }
    let r = result;
    if (s.ResultSelector !== undefined) r = this.payload(s.ResultSelector, r);
    const assignValues = await this.computeAssign(s.Assign, r);
    const output = this.applyOutputPath(this.applyResultPath(r));
    const assigned = this.applyAssign(assignValues);
    this.exit(output, assigned, opts);
    return { output, next: this.nextOf() };
  }

  private async numberField(name: string, dflt: number | undefined): Promise<number | undefined> {
    const s = this.state;
    const v = s[name];
    if (this.ql === 'JSONata' && isJsonataExpr(v)) {
      const n = await evaluateExpression(v, this.jscope(), name);
      if (typeof n !== 'number' || !Number.isInteger(n) || n < 0)
        throw evaluationError(`${this.prefix} The ${name} field must evaluate to a non-negative integer: ${compact(n)}`, name);
      return n;
    }
    if (typeof v === 'number') return v;
    const p = s[`${name}Path`];
    if (typeof p === 'string') {
      const raw = this.path(p, this.rawInput, `${name}Path`);
      const n = typeof raw === 'string' && /^-?\d+$/.test(raw) ? Number(raw) : raw;
      if (typeof n !== 'number' || !Number.isInteger(n))
        throw this.runtime(`The ${name}Path field refers to value "${typeof raw === 'string' ? raw : compact(raw)}" which is not a valid integer: ${p}`);
      return n;
    }
    return dflt;
  }

  // ---------------- Task

  private async task(): Promise<{ output: unknown; next: string | undefined }> {
    const s = this.state;
    const runner = this.ex.hostRef.tasks;
    let params: unknown;
    const resource: string = this.ql === 'JSONata' && isJsonataExpr(s.Resource) ? String(await evaluateExpression(s.Resource, this.jscope(), 'Resource')) : s.Resource;
    const kind = classify(resource);
    const callback = resource.endsWith('.waitForTaskToken') || kind.type === 'activity';
    if (callback && runner) this.taskToken = runner.newToken(this.ex.info, this.name);
    if (this.ql === 'JSONata') {
      params = s.Arguments !== undefined ? await this.jeval(s.Arguments, 'Arguments') : this.rawInput;
    } else {
      params = this.effectiveInput();
    }
    const timeoutSeconds = await this.numberField('TimeoutSeconds', undefined);
    const heartbeatSeconds = await this.numberField('HeartbeatSeconds', undefined);

    const ev = taskEvents(kind);
    const sched: Record<string, unknown> =
      kind.type === 'service'
        ? { resourceType: kind.service, resource: kind.action, region: this.ex.info.region, parameters: compact(params) }
        : { resource, input: compact(params), inputDetails: { truncated: false } };
    if (timeoutSeconds !== undefined) sched.timeoutInSeconds = timeoutSeconds;
    if (heartbeatSeconds !== undefined) sched.heartbeatInSeconds = heartbeatSeconds;
    const res = kind.type === 'service' ? { resourceType: kind.service, resource: kind.action } : {};
    this.ex.emit(this.frame, ev.scheduled, ev.key('Scheduled'), sched);
    if (kind.type !== 'activity') this.ex.emit(this.frame, ev.started, ev.startedKey ? ev.key('Started') : undefined, kind.type === 'service' ? res : undefined);
    if (!runner) {
      throw new StatesError('States.Runtime', `${this.prefix} No task runner is configured for resource '${resource}'`);
    }
    await this.ex.saveProgress();
    const ac = new AbortController();
    const offInterrupt = this.ex.onInterrupt(() => ac.abort());
    let timer: TimerHandle | undefined;
    let heartbeat: TimerHandle | undefined;
    let rejectTimeout: ((e: StatesError) => void) | undefined;
    const timeoutPromise = new Promise<never>((_, reject) => {
      rejectTimeout = reject;
    });
    const armHeartbeat = () => {
      heartbeat?.cancel();
      if (heartbeatSeconds !== undefined)
        heartbeat = this.ex.clock.setTimer(heartbeatSeconds * 1000, () => {
          ac.abort();
          rejectTimeout?.(new StatesError('States.HeartbeatTimeout', undefined));
        });
    };
    // Without TimeoutSeconds a task may run as long as its integration allows (AWS's default is 99999999 s).
    const tSec = timeoutSeconds;
    if (tSec !== undefined)
      timer = this.ex.clock.setTimer(tSec * 1000, () => {
        ac.abort();
        rejectTimeout?.(new StatesError('States.Timeout', undefined));
      });
    if (kind.type !== 'activity') armHeartbeat();
    const interrupted = new Promise<never>((_, reject) => {
      const off = this.ex.onInterrupt(() => {
        off();
        reject(new ExecutionInterrupted('ABORTED'));
      });
      this.frame.cancel?.onCancel(() => {
        ac.abort();
        reject(new BranchCancelled());
      });
    });
    interrupted.catch(() => undefined);
    timeoutPromise.catch(() => undefined);
    let result: unknown;
    try {
      const call: TaskCall = {
        resource,
        parameters: params,
        stateName: this.name,
        execution: this.ex.info,
        taskToken: this.taskToken,
        heartbeatSeconds,
        timeoutSeconds,
        onStarted: (workerName) => {
          const d: Record<string, unknown> = {};
          if (workerName) d.workerName = workerName;
          this.ex.emit(this.frame, 'ActivityStarted', 'activityStartedEventDetails', d);
          armHeartbeat();
        },
        onSubmitted: (output) => {
          this.ex.emit(this.frame, 'TaskSubmitted', 'taskSubmittedEventDetails', { ...res, ...details(output) });
          void this.ex.saveProgress();
        },
        onHeartbeat: () => armHeartbeat(),
        signal: ac.signal,
      };
      result = await Promise.race([runner.run(call), timeoutPromise, interrupted]);
    } catch (e) {
      this.ex.checkInterrupted();
      if (e instanceof BranchCancelled) throw e;
      if (e instanceof StatesError) {
        const d: Record<string, unknown> = { ...res, error: e.error };
        if (e.cause !== undefined) d.cause = e.cause;
        const timedOut = e.error === 'States.Timeout' || e.error === 'States.HeartbeatTimeout';
        this.ex.emit(this.frame, timedOut ? ev.timedOut : ev.failed, ev.key(timedOut ? 'TimedOut' : 'Failed'), d);
      }
      throw e;
    } finally {
      timer?.cancel();
      heartbeat?.cancel();
      offInterrupt();
      this.taskToken = undefined;
    }
    this.ex.emit(this.frame, ev.succeeded, ev.key('Succeeded'), { ...res, ...details(result) });
    return this.finish(result);
  }

  // ---------------- Parallel

  private async parallel(): Promise<{ output: unknown; next: string | undefined }> {
    const s = this.state;
    const input = this.ql === 'JSONata' ? (s.Arguments !== undefined ? await this.jeval(s.Arguments, 'Arguments') : this.rawInput) : this.effectiveInput();
    this.ex.emit(this.frame, 'ParallelStateStarted', undefined);
    const branches = (s.Branches ?? []) as Def[];
    const startLast = this.frame.last;
    const frames: Frame[] = branches.map((b) => ({
      cancel: new CancelToken(this.frame.cancel),
      last: startLast,
      scope: { vars: {}, parent: this.frame.scope },
      top: false,
      queryLanguage: b.QueryLanguage === 'JSONata' ? 'JSONata' : b.QueryLanguage === 'JSONPath' ? 'JSONPath' : this.ql,
    }));
    let failed: { e: unknown; frame: Frame } | undefined;
    const outputs = await Promise.all(
      branches.map(async (b, i) => {
        try {
          return await this.ex.runProgram(b, input, frames[i]!);
        } catch (e) {
          if (e instanceof BranchCancelled && !this.frame.cancel?.cancelled) return undefined;
          if (!failed) {
            failed = { e, frame: frames[i]! };
            // A failed branch stops the others, as in AWS.
            frames.forEach((f, j) => j !== i && f.cancel?.cancel());
          }
          return undefined;
        }
      }),
    );
    if (failed) {
      this.frame.last = failed.frame.last;
      if (failed.e instanceof StatesError) failed.e.needsStateFailed = true;
      throw failed.e;
    }
    this.frame.last = this.ex.lastEventId;
    this.ex.emit(this.frame, 'ParallelStateSucceeded', undefined, undefined, { update: false });
    return this.finish(outputs);
  }

  // ---------------- Map

  private async map(): Promise<{ output: unknown; next: string | undefined }> {
    const s = this.state;
    const processor = (s.ItemProcessor ?? s.Iterator) as Def;
    const mode = (processor?.ProcessorConfig?.Mode as string | undefined) ?? 'INLINE';
    const distributed = mode === 'DISTRIBUTED';
    if (s.ItemReader !== undefined || s.ResultWriter !== undefined)
      throw this.runtime(`The ${s.ItemReader !== undefined ? 'ItemReader' : 'ResultWriter'} field is not supported by Stratus yet.`);
    // Items
    let items: unknown;
    let selectorInput: unknown;
    if (this.ql === 'JSONata') {
      if (s.Items !== undefined) {
        // A JSONata expression, or an array whose elements may themselves be `{% %}` expressions
        // (AWS evaluates them: [1, "{% $number('2') %}", 3] gives [1, 2, 3]).
        items = isJsonataExpr(s.Items)
          ? await evaluateExpression(s.Items, this.jscope(), 'Items')
          : Array.isArray(s.Items)
            ? await evaluateTemplate(s.Items, this.jscope(), 'Items')
            : s.Items;
        if (!Array.isArray(items))
          throw evaluationError(
            `${this.prefix} The JSONata expression '${isJsonataExpr(s.Items) ? String(s.Items).replace(/^\{%\s*/, '').replace(/\s*%\}$/, '') : compact(s.Items)}' specified for the field 'Items' returned an unexpected result type. Expected 'array', but was '${jsonType(items)}' for value: ${compact(items)}`,
            'Items',
          );
      } else {
        items = this.rawInput;
        if (!Array.isArray(items))
          throw evaluationError(`${this.prefix} Map state input must be an array but was: ${compact(items)}`, undefined);
      }
      selectorInput = this.rawInput;
    } else {
      let v = this.rawInput;
      if (s.InputPath === null) v = {};
      else if (typeof s.InputPath === 'string') v = this.path(s.InputPath, v, 'InputPath');
      selectorInput = v;
      items = typeof s.ItemsPath === 'string' ? this.path(s.ItemsPath, v, 'ItemsPath') : v;
      if (!Array.isArray(items))
        throw this.runtime(`Map state input must be an array but was: ${jsonType(items) === 'object' ? 'Object' : jsonType(items)}`);
    }
    const list = items as unknown[];
    const maxConcurrency = (await this.numberField('MaxConcurrency', 0)) ?? 0;
    let toleratedCount: number | undefined;
    let toleratedPct: number | undefined;
    this.ex.emit(this.frame, 'MapStateStarted', 'mapStateStartedEventDetails', { length: list.length });
    if (distributed) {
      toleratedCount = await this.tolerated('ToleratedFailureCount');
      toleratedPct = await this.tolerated('ToleratedFailurePercentage');
    }
    // Item selection
    const selected: unknown[] = [];
    for (let i = 0; i < list.length; i++) {
      const item = list[i];
      if (this.ql === 'JSONata') {
        const sel = s.ItemSelector;
        if (sel !== undefined) selected.push(await this.jeval(sel, 'ItemSelector', { context: { ...this.context(), Map: { Item: { Index: i, Value: item } } } }));
        else selected.push(item);
      } else if (s.ItemSelector !== undefined || s.Parameters !== undefined) {
        const saved = this.frame.mapItem;
        const tmpl = s.ItemSelector ?? s.Parameters;
        const itemFrameCtx = { Index: i, Value: item };
        const prev = this.frame.mapItem;
        this.frame.mapItem = itemFrameCtx;
        try {
          selected.push(this.payload(tmpl, selectorInput));
        } finally {
          this.frame.mapItem = prev ?? saved;
        }
      } else selected.push(item);
    }
    // Batching (distributed mode)
    let work: unknown[] = selected;
    if (s.ItemBatcher) {
      const b = s.ItemBatcher as Def;
      const maxItems = typeof b.MaxItemsPerBatch === 'number' ? b.MaxItemsPerBatch : selected.length || 1;
      const batchInput = b.BatchInput !== undefined ? (this.ql === 'JSONata' ? await this.jeval(b.BatchInput, 'ItemBatcher/BatchInput') : this.payload(b.BatchInput, selectorInput)) : undefined;
      work = [];
      for (let i = 0; i < selected.length; i += maxItems) {
        const batch: Record<string, unknown> = { Items: selected.slice(i, i + maxItems) };
        if (batchInput !== undefined) batch.BatchInput = batchInput;
        work.push(batch);
      }
    }
    const subQl: 'JSONPath' | 'JSONata' = processor?.QueryLanguage === 'JSONata' ? 'JSONata' : processor?.QueryLanguage === 'JSONPath' ? 'JSONPath' : this.ql;
    if (distributed) return this.distributedMap(processor, work, list, maxConcurrency, toleratedCount, toleratedPct, subQl);

    const outputs: unknown[] = new Array(work.length);
    let failure: { e: unknown; frame: Frame } | undefined;
    let lastIterationEnd = this.frame.last;
    const limit = maxConcurrency > 0 ? maxConcurrency : work.length || 1;
    let nextIndex = 0;
    const running = new Set<Frame>();
    const runOne = async (i: number): Promise<void> => {
      const frame: Frame = {
        cancel: new CancelToken(this.frame.cancel),
        last: lastIterationEnd,
        scope: { vars: {}, parent: this.frame.scope },
        top: false,
        mapItem: { Index: i, Value: list[i] },
        queryLanguage: subQl,
      };
      this.ex.emit(frame, 'MapIterationStarted', 'mapIterationStartedEventDetails', { index: i, name: this.name });
      running.add(frame);
      try {
        outputs[i] = await this.ex.runProgram(processor, work[i], frame);
        this.ex.emit(frame, 'MapIterationSucceeded', 'mapIterationSucceededEventDetails', { index: i, name: this.name }, { update: false });
        lastIterationEnd = frame.last;
      } catch (e) {
        if (e instanceof BranchCancelled && !this.frame.cancel?.cancelled) {
          this.ex.emit(frame, 'MapIterationAborted', 'mapIterationAbortedEventDetails', { index: i, name: this.name }, { update: false });
          return;
        }
        if (e instanceof StatesError)
          this.ex.emit(frame, 'MapIterationFailed', 'mapIterationFailedEventDetails', { index: i, name: this.name }, { update: false });
        lastIterationEnd = frame.last;
        if (!failure) {
          failure = { e, frame };
          // The other running iterations stop, as in AWS.
          for (const f of running) if (f !== frame) f.cancel?.cancel();
        }
      } finally {
        running.delete(frame);
      }
    };
    const workers: Promise<void>[] = [];
    for (let w = 0; w < Math.min(limit, work.length); w++) {
      workers.push(
        (async () => {
          while (!failure && nextIndex < work.length) {
            const i = nextIndex++;
            await runOne(i);
          }
        })(),
      );
    }
    await Promise.all(workers);
    if (failure) {
      this.frame.last = failure.frame.last;
      if (failure.e instanceof StatesError) failure.e.needsStateFailed = true;
      throw failure.e;
    }
    if (work.length > 0) this.frame.last = this.ex.lastEventId;
    this.ex.emit(this.frame, 'MapStateSucceeded', undefined, undefined, { update: false });
    return this.finish(outputs);
  }

  private async tolerated(name: string): Promise<number | undefined> {
    const s = this.state;
    const v = s[name];
    if (this.ql === 'JSONata' && isJsonataExpr(v)) {
      const n = await evaluateExpression(v, this.jscope(), name);
      return typeof n === 'number' ? n : undefined;
    }
    if (typeof v === 'number') return v;
    const p = s[`${name}Path`];
    if (typeof p === 'string') {
      const raw = this.path(p, this.rawInput, `${name}Path`);
      const n = typeof raw === 'string' && /^-?\d+(\.\d+)?$/.test(raw) ? Number(raw) : raw;
      const shown = typeof raw === 'string' ? raw : compact(raw);
      if (name === 'ToleratedFailureCount') {
        if (typeof n !== 'number' || !Number.isInteger(n))
          throw this.runtime(`The ToleratedFailureCountPath field refers to value "${shown}" which is not a valid integer: ${p}`);
        if (n < 0) throw this.runtime('ToleratedFailureCount cannot be negative.');
      } else {
        if (typeof n !== 'number') throw this.runtime(`The ToleratedFailurePercentagePath field refers to value "${shown}" which is not a valid float: ${p}`);
        if (n < 0 || n > 100) throw this.runtime('ToleratedFailurePercentage must be between 0 and 100.');
      }
      return n;
    }
    return undefined;
  }

  private async distributedMap(
    processor: Def,
    work: unknown[],
    list: unknown[],
    maxConcurrency: number,
    toleratedCount: number | undefined,
    toleratedPct: number | undefined,
    subQl: 'JSONPath' | 'JSONata',
  ): Promise<{ output: unknown; next: string | undefined }> {
    const info = this.ex.info;
    const smName = info.stateMachineArn.split(':').pop();
    const execName = info.name;
    const mapRunArn = `${info.stateMachineArn.replace(':stateMachine:', ':mapRun:')}/${typeof this.state.Label === 'string' ? this.state.Label : this.name}:${randomHex()}`;
    void smName;
    void execName;
    this.ex.emit(this.frame, 'MapRunStarted', 'mapRunStartedEventDetails', { mapRunArn });
    const runStartedId = this.frame.last;
    const outputs: unknown[] = new Array(work.length);
    let failures = 0;
    let firstError: StatesError | undefined;
    const limit = maxConcurrency > 0 ? maxConcurrency : Math.min(work.length || 1, 1000);
    let nextIndex = 0;
    // Child executions of a distributed map keep their own histories; the parent records the map run only.
    const sink = new Execution({ StartAt: processor.StartAt, States: processor.States, QueryLanguage: subQl }, info, {
      clock: this.ex.clock,
      tasks: this.ex.hostRef.tasks,
    });
    await Promise.all(
      Array.from({ length: Math.min(limit, work.length) }, async () => {
        while (nextIndex < work.length) {
          const i = nextIndex++;
          const frame: Frame = {
            cancel: new CancelToken(this.frame.cancel),
            last: 0,
            scope: { vars: {}, parent: this.frame.scope },
            top: false,
            mapItem: { Index: i, Value: list[i] },
            queryLanguage: subQl,
          };
          try {
            outputs[i] = await sink.runProgram(processor, work[i], frame);
          } catch (e) {
            this.ex.checkInterrupted();
            failures++;
            if (e instanceof StatesError) firstError ??= e;
            else throw e;
          }
        }
      }),
    );
    const total = work.length;
    const countOk = toleratedCount === undefined ? failures === 0 : failures <= toleratedCount;
    const pctOk = toleratedPct === undefined ? false : total > 0 && (failures / total) * 100 <= toleratedPct;
    if (failures > 0 && !countOk && !pctOk) {
      this.ex.emit(this.frame, 'MapRunFailed', 'mapRunFailedEventDetails', {
        error: 'States.ExceedToleratedFailureThreshold',
        cause: 'The specified tolerated failure threshold was exceeded',
      });
      const e = new StatesError('States.ExceedToleratedFailureThreshold', 'The specified tolerated failure threshold was exceeded');
      e.needsStateFailed = true;
      void firstError;
      throw e;
    }
    this.ex.emit(this.frame, 'MapRunSucceeded', undefined);
    this.ex.emit(this.frame, 'MapStateSucceeded', undefined, undefined);
    // Since late 2024 AWS links MapStateExited to MapRunStarted (earlier recordings: MapRunSucceeded).
    this.frame.last = runStartedId;
    return this.finish(outputs);
  }
}

declare module './errors.js' {
  interface StatesError {
    recorded?: boolean;
    needsStateFailed?: boolean;
  }
}

function randomHex(): string {
  return globalThis.crypto.randomUUID();
}

function jsonType(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  return typeof v;
}

/** `$.a.b` -> `$['a']['b']`, as Jayway prints paths in its messages. */
function jaywayPath(text: string): string {
  try {
    const p = parsePath(text);
    const root = p.root === '$' ? '$' : p.root === '$$' ? '$$' : `$${p.root.variable}`;
    return (
      root +
      p.segments
        .map((s) => (s.kind === 'prop' ? `['${s.name}']` : s.kind === 'index' ? `[${s.index}]` : s.kind === 'wildcard' ? '[*]' : ''))
        .join('')
    );
  } catch {
    return text;
  }
}

export type ResourceKind =
  | { type: 'service'; service: string; action: string }
  | { type: 'lambda' }
  | { type: 'activity' };

export function classify(resource: string): ResourceKind {
  const m = /^arn:[^:]+:states:[^:]*:[^:]*:activity:/.exec(resource);
  if (m) return { type: 'activity' };
  if (/^arn:[^:]+:lambda:/.test(resource)) return { type: 'lambda' };
  const s = /^arn:[^:]+:states:::([^:]+):(.+)$/.exec(resource);
  if (s) return { type: 'service', service: s[1]!, action: s[2]! };
  const aws = /^arn:[^:]+:states:::aws-sdk:([^:]+):(.+)$/.exec(resource);
  if (aws) return { type: 'service', service: aws[1]!, action: aws[2]! };
  return { type: 'service', service: 'unknown', action: resource };
}

function taskEvents(kind: ResourceKind) {
  const prefix = kind.type === 'lambda' ? 'LambdaFunction' : kind.type === 'activity' ? 'Activity' : 'Task';
  const lower = kind.type === 'lambda' ? 'lambdaFunction' : kind.type === 'activity' ? 'activity' : 'task';
  return {
    scheduled: `${prefix}Scheduled`,
    started: `${prefix}Started`,
    startedKey: kind.type === 'service',
    succeeded: `${prefix}Succeeded`,
    failed: `${prefix}Failed`,
    timedOut: `${prefix}TimedOut`,
    key: (suffix: string) => `${lower}${suffix}EventDetails`,
  };
}

export { StatesError } from './errors.js';
