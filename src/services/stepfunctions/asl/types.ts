/** What the interpreter exchanges with its host (the provider), and the pieces its modules share. */
import type { Clock } from '../../../core/clock.js';

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
  /** The mock configuration's test case the execution runs under (StartExecution with `arn#TestCase`). */
  mockTestCase?: string;
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
  /** The token outlives this process: the task is in a durable execution's top-level thread, which resumes to take the answer. */
  durable: boolean;
  /** For activities: a worker took the task (at `at`, when that was earlier than now). */
  onStarted(workerName: string | undefined, at?: number): void;
  /** For callback integrations: the request went out (its response as output; undefined for none); the task now waits on its token. */
  onSubmitted(output: unknown): void;
  /** A callback task has nothing left to do but wait for its token's answer. */
  onWaiting(): void;
  /** A heartbeat arrived (SendTaskHeartbeat), at `at` when that was earlier than now. */
  onHeartbeat(at?: number): void;
  signal: AbortSignal;
}

export interface TaskRunner {
  /** Runs a Task resource; resolves with its result or rejects with a StatesError. */
  run(call: TaskCall): Promise<unknown>;
  /** Creates the token a callback task waits on (registered before the request goes out). */
  newToken(execution: ExecutionInfo, stateName: string): string;
  /**
   * A callback task resumed from its checkpoint (its execution was parked): reports what happened to
   * its token meanwhile (onStarted, onHeartbeat), then resolves with its answer as `run` does.
   */
  resume?(call: TaskCall): Promise<unknown>;
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
  /** Retry progress of the state (Task, Map, Parallel) when it had been retried. */
  retries?: { attempts: number[]; count: number };
  /** When the retry interval the state is sleeping in ends (ms). */
  retryAt?: number;
  /** The callback task the state is waiting on. */
  task?: TaskWait;
}

/** A callback Task waiting for its token's answer, as its checkpoint records it. */
export interface TaskWait {
  token: string;
  resource: string;
  /** TimeoutSeconds' deadline (ms). */
  timeoutAt?: number;
  heartbeatSeconds?: number;
  /** Since when the heartbeat timer runs (ms): the task's start, its activity's start or its last heartbeat. */
  heartbeatFrom?: number;
  /** For activities: ActivityStarted is in the history. */
  started: boolean;
}

export interface EngineHost {
  readonly clock: Clock;
  readonly tasks?: TaskRunner;
  /**
   * Persist the events emitted since the last call (and the checkpoint, or the execution's end, when
   * given). A host whose run lost the execution meanwhile (stopped or redriven elsewhere) writes
   * nothing and suspends the execution.
   */
  persist?(checkpoint: Checkpoint | undefined, events: HistoryEvent[], end?: ExecutionResult): Promise<void>;
  /**
   * The host persists every checkpoint and resumes the execution from it (Standard executions): a
   * top-level thread with nothing to do but wait (Wait, a retry interval, a callback task) ends the
   * run instead (ExecutionInterrupted PARKED), and the host runs it again when the wait is over.
   */
  readonly durable?: boolean;
  /** Express executions record no history detail beyond what the caller needs. */
  readonly includeHistory?: boolean;
  /** Workflow variables the execution starts with (TestState's `variables`). */
  readonly initialVariables?: Record<string, unknown>;
  /**
   * Sees what the top-level thread's states computed on the way (TestState's inspection data):
   * afterInputPath, afterParameters, afterArguments, result, afterResultSelector, afterResultPath.
   */
  readonly inspect?: (key: string, value: unknown) => void;
  /** Records the map runs of distributed Map states (DescribeMapRun, ListMapRuns, UpdateMapRun). */
  readonly mapRuns?: MapRunHost;
  /** Sees every event as it is recorded (CloudWatch Logs delivery). */
  readonly onEvent?: (event: HistoryEvent) => void;
}

export interface ExecutionResult {
  status: 'SUCCEEDED' | 'FAILED' | 'ABORTED' | 'TIMED_OUT';
  output?: string;
  error?: string;
  cause?: string;
}

/** A program of states (StartAt, States, QueryLanguage): the state machine, a Parallel branch, a Map item processor. */
export type StateMachineDefinition = Record<string, any>;

/** One state of a definition, or an object inside one (a retrier, a catcher, a choice rule, an item batcher). */
export type StateDefinition = Record<string, any>;

export type QueryLanguage = 'JSONPath' | 'JSONata';

/** A state's or a program's own QueryLanguage, else the one it inherits. */
export function queryLanguageOf(definition: StateDefinition | StateMachineDefinition | undefined, inherited: QueryLanguage): QueryLanguage {
  const own = definition?.QueryLanguage;
  return own === 'JSONata' || own === 'JSONPath' ? own : inherited;
}

/** What running one state gives: its output and the state to go to (none at the end of a program). */
export interface StateResult {
  output: unknown;
  next: string | undefined;
}

/** Workflow variables: each branch or iteration sees its parent's and assigns its own. */
export interface VariableScope {
  vars: Record<string, unknown>;
  parent: VariableScope | undefined;
}

export function lookupVar(scope: VariableScope | undefined, name: string): { found: boolean; value: unknown } {
  for (let s = scope; s; s = s.parent) if (Object.prototype.hasOwnProperty.call(s.vars, name)) return { found: true, value: s.vars[name] };
  return { found: false, value: undefined };
}

export function allVars(scope: VariableScope | undefined): Record<string, unknown> {
  const chain: VariableScope[] = [];
  for (let s = scope; s; s = s.parent) chain.unshift(s);
  return Object.assign({}, ...chain.map((s) => s.vars));
}

/** Stops one Parallel branch or Map iteration (and what runs inside it) when a sibling failed. */
export class CancelToken {
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
export class BranchCancelled extends Error {}

/** One thread of the execution: the top level, a Parallel branch or a Map iteration. */
export interface Frame {
  /** Cancellation of the enclosing branch/iteration (none for the top-level thread). */
  cancel?: CancelToken;
  /** The last event of this thread's chain (the next event's previousEventId). */
  last: number;
  scope: VariableScope;
  /** Map iteration context ($$.Map.Item). */
  mapItem?: { Index: number; Value: unknown; Key?: string };
  /** The top-level thread checkpoints; nested threads do not. */
  top: boolean;
  queryLanguage: QueryLanguage;
}

/** Options of `Execution.emit`: `update: false` leaves the thread's chain where it was; `prev` links to another event; `at` dates it. */
export interface EmitOptions {
  update?: boolean;
  prev?: number;
  at?: number;
}

/** A value as history events record it: compact JSON text (undefined as null). */
export const compact = (v: unknown): string => JSON.stringify(v === undefined ? null : v);

/** The `output` and `outputDetails` fields of an event. */
export const outputFields = (output: unknown) => ({ output: compact(output), outputDetails: { truncated: false } });

/** A map run's counts of items or of child executions, as DescribeMapRun answers them. */
export interface MapRunCounts {
  pending: number;
  running: number;
  succeeded: number;
  failed: number;
  timedOut: number;
  aborted: number;
  total: number;
  resultsWritten: number;
}

/** A distributed Map's map run as it goes; UpdateMapRun changes its limits while it runs (then calls `changed`). */
export interface MapRunRecord {
  mapRunArn: string;
  executionArn: string;
  /** `arn:...:stateMachine:<machine>/<label>`, as ListMapRuns shows it. */
  stateMachineArn: string;
  status: 'RUNNING' | 'SUCCEEDED' | 'FAILED' | 'ABORTED';
  startDate: number;
  stopDate?: number;
  maxConcurrency: number;
  toleratedFailureCount: number | undefined;
  toleratedFailurePercentage: number | undefined;
  items: MapRunCounts;
  executions: MapRunCounts;
  changed?: () => void;
}

/** Where the host keeps map runs (SQL for Standard executions). */
export interface MapRunHost {
  start(run: MapRunRecord): Promise<void>;
  end(run: MapRunRecord): Promise<void>;
}

export function emptyCounts(total: number): MapRunCounts {
  return { pending: total, running: 0, succeeded: 0, failed: 0, timedOut: 0, aborted: 0, total, resultsWritten: 0 };
}
