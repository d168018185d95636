/** Nested executions: arn:aws:states:::states:startExecution(.sync, .sync:2, .waitForTaskToken). */
import { internalContext } from '../../../core/context.js';
import { isAwsError } from '../../../aws/errors.js';
import type { SFNApi, StartExecutionOutput } from '../../../generated/stepfunctions.js';
import { StatesError } from '../asl/errors.js';
import type { ExecutionInfo } from '../asl/engine.js';
import type { SfnCore } from '../core.js';

/** fire: answer once started; sync: wait for the end, input/output as JSON text; sync2: the same as JSON values. */
export type NestedMode = 'fire' | 'sync' | 'sync2';

/** The mode of a states: action, or undefined when it is not startExecution. */
export function nestedMode(action: string): NestedMode | undefined {
  if (!action.startsWith('startExecution')) return undefined;
  return action === 'startExecution.sync' ? 'sync' : action === 'startExecution.sync:2' ? 'sync2' : 'fire';
}

export class NestedExecutions {
  constructor(
    private readonly core: SfnCore,
    private readonly executions: Pick<SFNApi, 'StartExecution'>,
  ) {}

  /**
   * Starts a child execution through StartExecution (in the parent's account and region); its errors
   * become StepFunctions.<Code>Exception. The sync modes wait for its end (until `signal` aborts).
   */
  async start(parent: ExecutionInfo, params: Record<string, any>, mode: NestedMode, signal: AbortSignal): Promise<unknown> {
    const ctx = internalContext(this.core.clock, { accountId: parent.accountId, region: parent.region, service: 'stepfunctions', operation: 'StartExecution' });
    let started: StartExecutionOutput;
    try {
      const inputText = typeof params.Input === 'string' ? params.Input : JSON.stringify(params.Input ?? {});
      started = await this.executions.StartExecution(ctx, { stateMachineArn: params.StateMachineArn, name: params.Name, input: inputText });
    } catch (e) {
      if (isAwsError(e)) throw new StatesError(`StepFunctions.${e.code}Exception`, e.message);
      throw e;
    }
    if (mode === 'fire') return { ExecutionArn: started.executionArn, StartDate: started.startDate.getTime() / 1000 };
    const r = this.core.runner.get(started.executionArn);
    if (r?.express) await r.done;
    else await this.core.runner.ended(started.executionArn, signal);
    // An Express child is not stored: its row lives in the running entry until it ends.
    const row = r?.express && r.row ? r.row : await this.core.executionOrThrow(ctx, started.executionArn);
    if (row.status !== 'SUCCEEDED') {
      throw new StatesError('States.TaskFailed', JSON.stringify({ ExecutionArn: row.arn, Status: row.status, Error: row.error, Cause: row.cause }));
    }
    return {
      ExecutionArn: row.arn,
      Input: mode === 'sync2' ? JSON.parse(row.input) : row.input,
      InputDetails: { Included: true },
      Name: row.name,
      Output: mode === 'sync2' ? JSON.parse(row.output ?? 'null') : row.output,
      OutputDetails: { Included: true },
      StartDate: row.start_ms,
      StateMachineArn: row.sm_arn,
      Status: row.status,
      StopDate: row.stop_ms,
    };
  }
}
