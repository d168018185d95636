/**
 * One run of one state: the context object, the JSONPath and JSONata helpers, Assign and the state's
 * exit event. Each state type extends it in states/ (Task, Map and Parallel through RetryingStateRun).
 */
import { evaluatePath, parsePath, setAtPath, type PathRoots } from './jsonpath.js';
import { evaluateIntrinsic, isIntrinsic } from './intrinsics.js';
import { StatesError } from './errors.js';
import { evaluateTemplate, type JsonataScope } from './jsonata.js';
import type { Execution } from './execution.js';
import {
  allVars,
  compact,
  lookupVar,
  outputFields,
  type Checkpoint,
  type EmitOptions,
  type Frame,
  type QueryLanguage,
  type StateDefinition,
  type StateResult,
} from './types.js';

/** The largest input/output a state may pass on (256 KiB), as AWS. */
const MAX_PAYLOAD_BYTES = 262144;

/** The state's Entered event: its id, when it was recorded, and the event before it in the chain. */
export interface StateEntry {
  id: number;
  time: number;
  prev: number;
}

export class StateRun {
  constructor(
    protected readonly execution: Execution,
    protected readonly name: string,
    protected readonly state: StateDefinition,
    protected readonly type: string,
    protected readonly queryLanguage: QueryLanguage,
    protected readonly rawInput: unknown,
    protected readonly frame: Frame,
    protected readonly entered: StateEntry,
    protected readonly resume: Checkpoint | undefined,
  ) {}

  /** $$.State.RetryCount of Task, Map and Parallel. */
  protected retryCount = 0;
  /** $$.Task.Token while a callback task waits. */
  protected taskToken: string | undefined;

  /** Runs the state; a JSONata evaluation failure is recorded as an EvaluationFailed event on the way out. */
  async run(): Promise<StateResult> {
    try {
      return await this.execute();
    } catch (e) {
      if (e instanceof StatesError && e.evaluation && !e.recorded) {
        e.recorded = true;
        this.evaluationFailed(e, this.type === 'Wait' ? this.entered.id : this.entered.prev);
      }
      throw e;
    }
  }

  /** What the state type does; overridden in states/ (the base knows no state type). */
  protected async execute(): Promise<StateResult> {
    throw this.runtime(`Unsupported state type ${this.type}`);
  }

  protected get prefix(): string {
    return `An error occurred while executing the state '${this.name}' (entered at the event id #${this.entered.id}).`;
  }

  protected runtime(msg: string): StatesError {
    return new StatesError('States.Runtime', `${this.prefix} ${msg}`);
  }

  /** The context object ($$ in JSONPath, $states.context in JSONata). */
  protected context(): Record<string, unknown> {
    const info = this.execution.info;
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
      State: { Name: this.name, EnteredTime: iso(this.entered.time) } as Record<string, unknown>,
    };
    if (this.type === 'Task' || this.type === 'Map' || this.type === 'Parallel')
      (ctx.State as Record<string, unknown>).RetryCount = this.retryCount;
    if (this.taskToken) ctx.Task = { Token: this.taskToken };
    if (this.frame.mapItem) ctx.Map = { Item: this.frame.mapItem };
    return ctx;
  }

  protected roots(data: unknown): PathRoots {
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

  protected path(text: string, data: unknown): unknown {
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
    return r.value;
  }

  /** Payload template (Parameters, ResultSelector, ItemSelector, Assign): keys ending in .$ are evaluated. */
  protected payload(tmpl: unknown, data: unknown): unknown {
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

  /** The value of a `key.$` field: a path or an intrinsic function call. */
  protected valueOf(expr: string, data: unknown, key: string): unknown {
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
      if (!r.found)
        throw this.runtime(`The JSONPath '${expr}' specified for the field '${key}.$' could not be found in the input '${compact(data)}'`);
      return r.value;
    } catch (e) {
      if (e instanceof StatesError) throw e;
      throw this.runtime(`Invalid path '${expr}'`);
    }
  }

  /** Hands TestState's inspection data a value the top-level state computed (EngineHost.inspect). */
  protected inspect(key: string, value: unknown): unknown {
    if (this.frame.top && !this.muted) this.execution.inspect(key, value);
    return value;
  }

  private muted = false;

  /** Runs `fn` without recording inspection data. */
  protected quietly<T>(fn: () => T): T {
    this.muted = true;
    try {
      return fn();
    } finally {
      this.muted = false;
    }
  }

  /** The raw input through InputPath. */
  protected applyInputPath(): unknown {
    const inputPath = this.state.InputPath;
    if (inputPath === null) return this.inspect('afterInputPath', {});
    if (typeof inputPath === 'string') return this.inspect('afterInputPath', this.path(inputPath, this.rawInput));
    return this.inspect('afterInputPath', this.rawInput);
  }

  /** The raw input through InputPath and Parameters. */
  protected effectiveInput(): unknown {
    const v = this.applyInputPath();
    return this.inspect('afterParameters', this.state.Parameters !== undefined ? this.payload(this.state.Parameters, v) : v);
  }

  protected applyResultPath(result: unknown): unknown {
    const rp = this.state.ResultPath;
    if (rp === null) return this.inspect('afterResultPath', this.rawInput);
    if (rp === undefined || rp === '$') return this.inspect('afterResultPath', result);
    try {
      return this.inspect('afterResultPath', setAtPath(this.rawInput, rp, result));
    } catch {
      throw this.runtime(`Invalid path '${rp}'`);
    }
  }

  protected applyOutputPath(v: unknown): unknown {
    const op = this.state.OutputPath;
    if (op === null) return {};
    if (op === undefined || op === '$') return v;
    return this.path(op, v);
  }

  // ---------------- JSONata helpers

  /** `$states` (input, context and `extra` such as result or errorOutput) and the visible variables. */
  protected jsonataScope(extra: Record<string, unknown> = {}): JsonataScope {
    return {
      states: { input: this.rawInput, context: this.context(), ...extra },
      variables: allVars(this.frame.scope),
      errorPrefix: this.prefix,
    };
  }

  /** Evaluates a field that may hold `{% %}` expressions at any depth. */
  protected async evaluateJsonata(tmpl: unknown, location: string, extra: Record<string, unknown> = {}): Promise<unknown> {
    return evaluateTemplate(tmpl, this.jsonataScope(extra), location);
  }

  // ---------------- Assign and exit

  protected async computeAssign(assign: unknown, data: unknown, extra: Record<string, unknown> = {}): Promise<Record<string, unknown> | undefined> {
    if (assign === undefined || assign === null) return undefined;
    if (this.queryLanguage === 'JSONata') return (await this.evaluateJsonata(assign, 'Assign', extra)) as Record<string, unknown>;
    return this.payload(assign, data) as Record<string, unknown>;
  }

  /** Sets the variables; returns them as the exit event's assignedVariables (none when empty). */
  protected applyAssign(values: Record<string, unknown> | undefined): Record<string, unknown> | undefined {
    if (!values) return undefined;
    Object.assign(this.frame.scope.vars, values);
    if (Object.keys(values).length === 0) return undefined;
    const assigned: Record<string, string> = {};
    for (const [k, v] of Object.entries(values)) assigned[k] = compact(v);
    return assigned;
  }

  protected exit(output: unknown, assigned: Record<string, unknown> | undefined, opts: EmitOptions = {}): void {
    const det: Record<string, unknown> = { name: this.name, ...outputFields(output) };
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
    this.execution.emit(this.frame, `${this.type}StateExited`, 'stateExitedEventDetails', det, opts);
  }

  /** JSONata Output and Assign (`extra` joins $states), then the exit event. */
  protected async exitWithJsonataOutput(input: unknown, next: string | undefined, extra: Record<string, unknown> = {}, opts: EmitOptions = {}): Promise<StateResult> {
    const output = this.state.Output !== undefined ? await this.evaluateJsonata(this.state.Output, 'Output', extra) : input;
    const assigned = this.applyAssign(await this.computeAssign(this.state.Assign, undefined, extra));
    this.exit(output, assigned, opts);
    return { output, next };
  }

  // ---------------- durable waits

  /** A checkpoint that resumes this state (entered, not exited) with `progress` (what it is waiting for). */
  protected checkpoint(progress: Partial<Checkpoint>): Checkpoint {
    return {
      stateName: this.name,
      input: this.rawInput,
      variables: this.frame.scope.vars,
      enteredEventId: this.entered.id,
      enteredTime: this.entered.time,
      last: this.frame.last,
      nextEventId: this.execution.nextEventId,
      ...progress,
    };
  }

  /**
   * Sleeps until `due` on the platform clock. The top-level thread checkpoints first (`progress` says
   * what resumes the wait) and, in a durable execution, parks instead of sleeping.
   */
  protected async sleepUntil(due: number, progress: Partial<Checkpoint>): Promise<void> {
    if (!this.frame.top) await this.execution.saveProgress();
    else {
      await this.execution.saveProgress(this.checkpoint(progress));
      if (due > this.execution.clock.now()) this.execution.park(due);
    }
    await this.execution.sleepUntil(due, this.frame.cancel);
  }

  protected nextOf(): string | undefined {
    return this.state.End === true ? undefined : (this.state.Next as string | undefined);
  }

  /** Records a JSONata evaluation failure as AWS does: an EvaluationFailed event before the state fails. */
  protected evaluationFailed(e: StatesError, prev: number): void {
    const det: Record<string, unknown> = { error: e.error, cause: e.cause };
    if (e.location) det.location = e.location;
    det.state = this.name;
    this.execution.emit(this.frame, 'EvaluationFailed', 'evaluationFailedEventDetails', det, { prev });
  }
}

function iso(ms: number): string {
  return new Date(ms).toISOString();
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
