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
import { StatesError } from '../asl/errors.js';
import type { SfnCore } from '../core.js';
import type { TokenWaiter } from '../tasks/tokens.js';

export class CallbackOps implements Pick<SFNApi, 'SendTaskSuccess' | 'SendTaskFailure' | 'SendTaskHeartbeat'> {
  constructor(private readonly core: SfnCore) {}

  async SendTaskSuccess(_ctx: RequestContext, input: SendTaskSuccessInput) {
    const w = this.waiter(input.taskToken);
    let out: unknown;
    try {
      out = JSON.parse(input.output);
    } catch {
      throw new InvalidOutput(`Invalid Output: '${input.output}'`);
    }
    w.resolve(out);
    return {};
  }

  async SendTaskFailure(_ctx: RequestContext, input: SendTaskFailureInput) {
    this.waiter(input.taskToken).reject(new StatesError(input.error ?? '', input.cause));
    return {};
  }

  async SendTaskHeartbeat(_ctx: RequestContext, input: SendTaskHeartbeatInput) {
    this.waiter(input.taskToken).heartbeat();
    return {};
  }

  /** The task waiting on the token; a token no task waits on is malformed or its task ended. */
  private waiter(token: string): TokenWaiter {
    const w = this.core.tokens.waiter(token);
    if (w) return w;
    if (typeof token !== 'string' || token.length < 20) throw new InvalidToken('Invalid Token');
    throw new TaskTimedOut('Task Timed Out');
  }
}
