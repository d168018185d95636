/** The engine's TaskRunner: picks the integration a Task state's resource names. */
import type { Platform } from '../../service.js';
import { StatesError } from '../asl/errors.js';
import { classify, type ExecutionInfo, type TaskCall, type TaskRunner } from '../asl/engine.js';
import type { TaskTokens } from './tokens.js';
import type { ActivityQueues } from './activity.js';
import { invokeFunctionResource, lambdaInvoke } from './lambda.js';
import { dynamodbTask } from './dynamodb.js';
import { nestedMode, type NestedMode } from './states.js';

/** Starts a nested execution (tasks/states.ts); given to the runner, which the executions it starts use in turn. */
export type StartChild = (parent: ExecutionInfo, params: Record<string, any>, mode: NestedMode) => Promise<unknown>;

export function makeTaskRunner(platform: Platform, tokens: TaskTokens, activities: ActivityQueues, startChild: StartChild): TaskRunner {
  return {
    newToken: () => tokens.newToken(),
    async run(call: TaskCall): Promise<unknown> {
      const kind = classify(call.resource);
      if (kind.type === 'activity') return activities.run(tokens, call);
      const waitToken = call.resource.endsWith('.waitForTaskToken');
      const invoke = async (): Promise<unknown> => {
        if (kind.type === 'lambda') return invokeFunctionResource(platform, call);
        const action = kind.action.replace(/\.waitForTaskToken$/, '');
        if (kind.service === 'lambda' && action === 'invoke') return lambdaInvoke(platform, call, waitToken);
        if (kind.service === 'dynamodb') return dynamodbTask(platform, call, action);
        const mode = kind.service === 'states' ? nestedMode(action) : undefined;
        if (mode) return startChild(call.execution, (call.parameters ?? {}) as Record<string, any>, mode);
        throw new StatesError('States.Runtime', `The resource ${call.resource} is not supported by Stratus`);
      };
      if (waitToken) {
        const p = tokens.wait(call.taskToken!, call.execution.executionArn, () => call.onHeartbeat(), call.signal);
        p.catch(() => undefined);
        const out = await invoke();
        call.onSubmitted(out);
        return p;
      }
      return invoke();
    },
  };
}
