import { StatesError } from '../errors.js';
import { isIntrinsic } from '../intrinsics.js';
import { evaluatePath } from '../jsonpath.js';
import { evaluateExpression, isJsonataExpr } from '../jsonata.js';
import { StateRun } from '../state-run.js';
import { compact, type StateResult } from '../types.js';

/** Fail: fails the execution with its Error and Cause (literal, from a path, or JSONata). */
export class FailState extends StateRun {
  protected override async execute(): Promise<StateResult> {
    const s = this.state;
    let error: unknown = s.Error;
    let cause: unknown = s.Cause;
    if (this.queryLanguage === 'JSONata') {
      if (isJsonataExpr(error)) error = await evaluateExpression(error, this.jsonataScope(), 'Error');
      if (isJsonataExpr(cause)) cause = await evaluateExpression(cause, this.jsonataScope(), 'Cause');
    } else {
      // Fail takes no InputPath; AWS's TestState inspection data shows the input as afterInputPath.
      this.inspect('afterInputPath', this.rawInput);
      if (typeof s.ErrorPath === 'string') error = this.failPath(s.ErrorPath, 'ErrorPath');
      if (typeof s.CausePath === 'string') cause = this.failPath(s.CausePath, 'CausePath');
    }
    throw new StatesError(
      error === undefined ? undefined! : String(error),
      cause === undefined ? undefined : typeof cause === 'string' ? cause : compact(cause),
    );
  }

  /**
   * ErrorPath and CausePath take a path or an intrinsic function call. A path that selects nothing
   * fails as AWS records it (test_base_scenarios.py::test_invalid_jsonpath[INVALID_JSONPATH_IN_ERRORPATH]
   * and [ST.INVALID_JSONPATH_IN_CAUSEPATH]): "The JSONPath '$.x' specified for the field 'ErrorPath'
   * could not be found in the input '<input>'".
   */
  private failPath(p: string, field: string): unknown {
    if (isIntrinsic(p)) return this.valueOf(p, this.rawInput, field);
    let r: { found: boolean; value: unknown };
    try {
      r = evaluatePath(p, this.roots(this.rawInput));
    } catch {
      throw this.runtime(`Invalid path '${p}'`);
    }
    if (!r.found) throw this.runtime(`The JSONPath '${p}' specified for the field '${field}' could not be found in the input '${compact(this.rawInput)}'`);
    return r.value;
  }
}
