import { StateRun } from '../state-run.js';
import type { StateResult } from '../types.js';

/** Succeed: ends its program with its input (through InputPath/OutputPath, or Output). */
export class SucceedState extends StateRun {
  protected override async execute(): Promise<StateResult> {
    const s = this.state;
    const output =
      this.queryLanguage === 'JSONata'
        ? s.Output !== undefined
          ? await this.evaluateJsonata(s.Output, 'Output')
          : this.rawInput
        : this.applyOutputPath(this.applyInputPath());
    this.exit(output, undefined);
    return { output, next: undefined };
  }
}
