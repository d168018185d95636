/** Task tokens: the answers of callback tasks and activity workers. */
import type { RequestContext } from '../../../core/context.js';
import {
  InvalidOutput,
  InvalidToken,
  TaskTimedOut,
  type SendTaskFailureInput,
  type SendTaskHeartbeatInput,
  type SendTaskSuccessInput,
  type SFNApi,
} from '../../../generated/stepfunctions.js';
import type { SfnCore } from '../core.js';

export class CallbackOps implements Pick<SFNApi, 'SendTaskSuccess' | 'SendTaskFailure' | 'SendTaskHeartbeat'> {
  constructor(private readonly core: SfnCore) {}

  async SendTaskSuccess(_ctx: RequestContext, input: SendTaskSuccessInput) {
    let output: unknown;
    try {
      output = JSON.parse(input.output);
    } catch {
      // A token that takes no answer is refused before its output is looked at.
      refuse(input.taskToken, await this.core.tokens.isOpen(input.taskToken));
      throw new InvalidOutput(`Invalid Output: '${input.output}'`);
    }
    refuse(input.taskToken, await this.core.tokens.answer(input.taskToken, { output }));
    return {};
  }

  async SendTaskFailure(_ctx: RequestContext, input: SendTaskFailureInput) {
    refuse(input.taskToken, await this.core.tokens.answer(input.taskToken, { error: input.error ?? '', ...(input.cause !== undefined ? { cause: input.cause } : {}) }));
    return {};
  }

  async SendTaskHeartbeat(_ctx: RequestContext, input: SendTaskHeartbeatInput) {
    refuse(input.taskToken, await this.core.tokens.heartbeat(input.taskToken));
    return {};
  }
}

/** A token no task waits on is malformed, or its task ended. */
function refuse(token: string, accepted: boolean): void {
  if (accepted) return;
  if (typeof token !== 'string' || token.length < 20) throw new InvalidToken('Invalid Token');
  throw new TaskTimedOut('Task Timed Out');
}
