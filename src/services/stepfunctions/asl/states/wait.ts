import { parseTimestamp } from '../choice.js';
import { evaluateExpression, evaluationError, isJsonataExpr } from '../jsonata.js';
import { StateRun } from '../state-run.js';
import { compact, type StateResult } from '../types.js';

/** Wait: sleeps on the platform clock until Seconds/Timestamp (or their paths); the end survives a restart. */
export class WaitState extends StateRun {
  protected override async execute(): Promise<StateResult> {
    let due: number;
    if (this.resume?.waitUntil !== undefined) due = this.resume.waitUntil;
    else {
      const base = this.execution.clock.now();
      due = this.queryLanguage === 'JSONata' ? await this.dueJsonata(base) : this.dueJsonPath(base);
      // AWS keeps the delay in a signed 32-bit count of seconds (about 24855 days).
      if ((due - base) / 1000 > 2147483647) throw this.runtime('Wait state delay is too long.');
    }
    await this.sleepUntil(due, { waitUntil: due });
    if (this.queryLanguage === 'JSONata') return this.exitWithJsonataOutput(this.rawInput, this.nextOf());
    const v = this.applyInputPath();
    const assignValues = await this.computeAssign(this.state.Assign, v);
    const output = this.applyOutputPath(v);
    const assigned = this.applyAssign(assignValues);
    this.exit(output, assigned);
    return { output, next: this.nextOf() };
  }

  private async dueJsonata(base: number): Promise<number> {
    const s = this.state;
    if (s.Seconds !== undefined) {
      const sec = isJsonataExpr(s.Seconds) ? await evaluateExpression(s.Seconds, this.jsonataScope(), 'Seconds') : s.Seconds;
      if (typeof sec !== 'number' || !Number.isInteger(sec) || sec < 0)
        throw evaluationError(`${this.prefix} The Seconds field must be a non-negative integer: ${compact(sec)}`, 'Seconds');
      return base + sec * 1000;
    }
    const ts = isJsonataExpr(s.Timestamp) ? await evaluateExpression(s.Timestamp, this.jsonataScope(), 'Timestamp') : s.Timestamp;
    const t = parseTimestamp(ts);
    if (Number.isNaN(t))
      throw evaluationError(
        `${this.prefix} The Timestamp field cannot be parsed as an ISO-8601 extended offset date-time format string: ${typeof ts === 'string' ? ts : compact(ts)}`,
        'Timestamp',
      );
    return t;
  }

  private dueJsonPath(base: number): number {
    const s = this.state;
    const v = this.applyInputPath();
    if (typeof s.Seconds === 'number') return base + s.Seconds * 1000;
    if (typeof s.Timestamp === 'string') return parseTimestamp(s.Timestamp);
    if (typeof s.SecondsPath === 'string') {
      const sec = this.path(s.SecondsPath, v);
      if (typeof sec !== 'number' || !Number.isInteger(sec))
        throw this.runtime(`The SecondsPath parameter cannot be parsed as a long value: ${s.SecondsPath} == ${typeof sec === 'string' ? sec : compact(sec)}`);
      if (sec < 0) throw this.runtime(`The SecondsPath parameter references a negative value: ${s.SecondsPath} == ${sec}`);
      return base + sec * 1000;
    }
    if (typeof s.TimestampPath === 'string') {
      const ts = this.path(s.TimestampPath, v);
      const t = parseTimestamp(ts);
      if (Number.isNaN(t))
        throw this.runtime(
          `The TimestampPath parameter does not reference a valid ISO-8601 extended offset date-time format string: ${s.TimestampPath} == ${typeof ts === 'string' ? ts : compact(ts)}`,
        );
      return t;
    }
    return base;
  }
}
