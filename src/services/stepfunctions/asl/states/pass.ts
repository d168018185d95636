import { StateRun } from '../state-run.js';
import type { StateResult } from '../types.js';

/** Pass: passes its input (or Result) on, through the usual paths and Assign. */
export class PassState extends StateRun {
  protected override async execute(): Promise<StateResult> {
    const s = this.state;
    if (this.queryLanguage === 'JSONata') return this.exitWithJsonataOutput(this.rawInput, this.nextOf());
    // A Result replaces the input: AWS's inspection data then shows no afterInputPath/afterParameters.
    const eff = s.Result !== undefined ? this.quietly(() => this.effectiveInput()) : this.effectiveInput();
    const result = s.Result !== undefined ? this.inspect('result', s.Result) : eff;
    this.inspect('afterResultSelector', result);
    const assignValues = await this.computeAssign(s.Assign, result);
    const output = this.applyOutputPath(this.applyResultPath(result));
    const assigned = this.applyAssign(assignValues);
    this.exit(output, assigned);
    return { output, next: this.nextOf() };
  }
}
