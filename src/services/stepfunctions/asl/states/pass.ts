import { StateRun } from '../state-run.js';
import type { StateResult } from '../types.js';

/** Pass: passes its input (or Result) on, through the usual paths and Assign. */
export class PassState extends StateRun {
  protected override async execute(): Promise<StateResult> {
    const s = this.state;
    if (this.queryLanguage === 'JSONata') return this.exitWithJsonataOutput(this.rawInput, this.nextOf());
    const eff = this.effectiveInput();
    const result = s.Result !== undefined ? s.Result : eff;
    const assignValues = await this.computeAssign(s.Assign, result);
    const output = this.applyOutputPath(this.applyResultPath(result));
    const assigned = this.applyAssign(assignValues);
    this.exit(output, assigned);
    return { output, next: this.nextOf() };
  }
}
