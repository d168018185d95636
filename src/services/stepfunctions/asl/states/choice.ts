import { evaluateRule } from '../choice.js';
import { StatesError } from '../errors.js';
import { evaluateExpression, evaluationError, isJsonataExpr } from '../jsonata.js';
import { StateRun } from '../state-run.js';
import type { StateDefinition, StateResult } from '../types.js';

/** Choice: goes to the Next of the first matching rule, else to Default. */
export class ChoiceState extends StateRun {
  protected override async execute(): Promise<StateResult> {
    const s = this.state;
    const choices = (s.Choices ?? []) as StateDefinition[];
    if (this.queryLanguage === 'JSONata') {
      for (let i = 0; i < choices.length; i++) {
        const c = choices[i]!;
        const ok = isJsonataExpr(c.Condition) ? await evaluateExpression(c.Condition, this.jsonataScope(), `Choices[${i}]/Condition`) : c.Condition;
        if (typeof ok !== 'boolean')
          throw evaluationError(
            `${this.prefix} The Condition field of the choice rule at index ${i} must evaluate to a boolean value, but the JSONata expression returned a value of type '${ok === null ? 'null' : Array.isArray(ok) ? 'array' : typeof ok}'.`,
            `Choices[${i}]/Condition`,
          );
        if (ok) return this.exitJsonata(c.Next, c.Output, c.Assign);
      }
      if (s.Default) return this.exitJsonata(s.Default, s.Output, s.Assign);
      throw new StatesError('States.NoChoiceMatched', `No Matches!`);
    }
    const v = this.applyInputPath();
    for (const c of choices) {
      let ok: boolean;
      try {
        ok = evaluateRule(c, this.roots(v));
      } catch (e) {
        if (e instanceof StatesError && e.error === 'States.Runtime') throw this.runtime(e.cause ?? '');
        throw e;
      }
      if (ok) return this.exitJsonPath(c.Next, v, c.Assign ?? s.Assign);
    }
    if (s.Default) return this.exitJsonPath(s.Default, v, s.Assign);
    throw new StatesError('States.NoChoiceMatched', `No Matches!`);
  }

  /** A rule's Output and Assign, else the state's. */
  private async exitJsonata(next: string, outputTmpl: unknown, assignTmpl: unknown): Promise<StateResult> {
    const outTmpl = outputTmpl ?? this.state.Output;
    const output = outTmpl !== undefined ? await this.evaluateJsonata(outTmpl, 'Output') : this.rawInput;
    const assigned = this.applyAssign(await this.computeAssign(assignTmpl ?? this.state.Assign, undefined));
    this.exit(output, assigned);
    return { output, next };
  }

  private async exitJsonPath(next: string, data: unknown, assignTmpl: unknown): Promise<StateResult> {
    const assignValues = await this.computeAssign(assignTmpl, data);
    const output = this.applyOutputPath(data);
    const assigned = this.applyAssign(assignValues);
    this.exit(output, assigned);
    return { output, next };
  }
}
