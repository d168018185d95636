import { StatesError } from '../errors.js';
import { RetryingStateRun } from '../retry.js';
import { BranchCancelled, CancelToken, queryLanguageOf, type Frame, type StateMachineDefinition, type StateResult } from '../types.js';

/** Parallel: runs every branch on the same input, each in its own thread; the first failure stops the others. */
export class ParallelState extends RetryingStateRun {
  protected override async attempt(): Promise<StateResult> {
    const s = this.state;
    const input =
      this.queryLanguage === 'JSONata'
        ? s.Arguments !== undefined
          ? await this.evaluateJsonata(s.Arguments, 'Arguments')
          : this.rawInput
        : this.effectiveInput();
    this.execution.emit(this.frame, 'ParallelStateStarted', undefined);
    const branches = (s.Branches ?? []) as StateMachineDefinition[];
    const startLast = this.frame.last;
    const frames: Frame[] = branches.map((b) => ({
      cancel: new CancelToken(this.frame.cancel),
      last: startLast,
      scope: { vars: {}, parent: this.frame.scope },
      top: false,
      queryLanguage: queryLanguageOf(b, this.queryLanguage),
    }));
    let failed: { e: unknown; frame: Frame } | undefined;
    const outputs = await Promise.all(
      branches.map(async (b, i) => {
        try {
          return await this.execution.runProgram(b, input, frames[i]!);
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
    this.frame.last = this.execution.lastEventId;
    this.execution.emit(this.frame, 'ParallelStateSucceeded', undefined, undefined, { update: false });
    return this.finish(outputs);
  }
}
