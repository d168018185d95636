/** Retry and Catch, shared by the states that can fail and be retried: Task, Map and Parallel. */
import { setAtPath } from './jsonpath.js';
import { errorMatches, StatesError } from './errors.js';
import { evaluateExpression, evaluationError, isJsonataExpr } from './jsonata.js';
import { StateRun } from './state-run.js';
import { compact, type Checkpoint, type EmitOptions, type StateDefinition, type StateResult } from './types.js';

export abstract class RetryingStateRun extends StateRun {
  /** One try of the state's work, ending with `finish` (or throwing a StatesError). */
  protected abstract attempt(): Promise<StateResult>;

  /** How many times each retrier retried the state so far. */
  protected attempts: number[] = [];

  /** The retry progress a checkpoint of this state records. */
  protected get retries(): Checkpoint['retries'] {
    return { attempts: [...this.attempts], count: this.retryCount };
  }

  protected override async execute(): Promise<StateResult> {
    const s = this.state;
    const retriers = (Array.isArray(s.Retry) ? s.Retry : []) as StateDefinition[];
    const attempts = this.resume?.retries?.attempts.slice() ?? retriers.map(() => 0);
    this.attempts = attempts;
    this.retryCount = this.resume?.retries?.count ?? 0;
    const retryAt = this.resume?.retryAt;
    if (retryAt !== undefined) await this.sleepUntil(retryAt, { retries: this.retries, retryAt });
    for (;;) {
      try {
        return await this.attempt();
      } catch (e) {
        if (!(e instanceof StatesError)) throw e;
        this.execution.checkInterrupted();
        if (e.evaluation && !e.recorded) {
          e.recorded = true;
          this.evaluationFailed(e, this.entered.prev);
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
            const at = this.execution.clock.now() + Math.round(delay * 1000);
            await this.sleepUntil(at, { retries: this.retries, retryAt: at });
            continue;
          }
        }
        // Failure is final for this state: Map/Parallel record their Failed event first.
        if ((this.type === 'Map' || this.type === 'Parallel') && (e.needsStateFailed || e.evaluation)) {
          this.execution.emit(this.frame, `${this.type}StateFailed`, undefined, undefined);
        }
        const catchers = (Array.isArray(s.Catch) ? s.Catch : []) as StateDefinition[];
        const c = catchers.find((x) => errorMatches(x.ErrorEquals ?? [], errName));
        if (!c) {
          // A Task whose failure ends its Parallel branch is recorded as aborted, linked to its failure
          // and off the branch's chain (AWS: test_error_output.py::test_parallel_catch_error, 12-11-2024;
          // test_callback.py::test_sqs_failure_in_wait_for_task_tok_no_error_field[SQS_PARALLEL_WAIT_FOR_TASK_TOKEN]).
          if (this.type === 'Task' && !this.frame.top && !this.frame.mapItem && !e.evaluation)
            this.execution.emit(this.frame, 'TaskStateAborted', undefined, undefined, { update: false });
          throw e;
        }
        return this.caught(c, e);
      }
    }
  }

  /** The catcher's Output/Assign (JSONata) or ResultPath/Assign (JSONPath) over the error output, then Next. */
  private async caught(c: StateDefinition, e: StatesError): Promise<StateResult> {
    const errorOutput: Record<string, unknown> = { Error: e.error };
    if (e.cause !== undefined) errorOutput.Cause = e.cause;
    if (this.queryLanguage === 'JSONata') {
      const extra = { errorOutput };
      const output = c.Output !== undefined ? await this.evaluateJsonata(c.Output, 'Output', extra) : errorOutput;
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

  /** ResultSelector / ResultPath / OutputPath / Assign, or Output / Assign in JSONata. */
  protected async finish(result: unknown, opts: EmitOptions = {}): Promise<StateResult> {
    const s = this.state;
    if (this.type === 'Task') this.inspect('result', result);
    if (this.queryLanguage === 'JSONata') return this.exitWithJsonataOutput(result, this.nextOf(), { result }, opts);
    let r = result;
    if (s.ResultSelector !== undefined) r = this.payload(s.ResultSelector, r);
    this.inspect('afterResultSelector', r);
    const assignValues = await this.computeAssign(s.Assign, r);
    const output = this.applyOutputPath(this.applyResultPath(r));
    const assigned = this.applyAssign(assignValues);
    this.exit(output, assigned, opts);
    return { output, next: this.nextOf() };
  }

  /** An integer field (TimeoutSeconds, MaxConcurrency...) given as a number, as `<name>Path` or as a JSONata expression. */
  protected async numberField(name: string, dflt: number | undefined): Promise<number | undefined> {
    const s = this.state;
    const v = s[name];
    if (this.queryLanguage === 'JSONata' && isJsonataExpr(v)) {
      const n = await evaluateExpression(v, this.jsonataScope(), name);
      if (typeof n !== 'number' || !Number.isInteger(n) || n < 0)
        throw evaluationError(`${this.prefix} The ${name} field must evaluate to a non-negative integer: ${compact(n)}`, name);
      return n;
    }
    if (typeof v === 'number') return v;
    const p = s[`${name}Path`];
    if (typeof p === 'string') {
      const raw = this.path(p, this.rawInput);
      const n = typeof raw === 'string' && /^-?\d+$/.test(raw) ? Number(raw) : raw;
      if (typeof n !== 'number' || !Number.isInteger(n))
        throw this.runtime(`The ${name}Path field refers to value "${typeof raw === 'string' ? raw : compact(raw)}" which is not a valid integer: ${p}`);
      return n;
    }
    return dflt;
  }
}
