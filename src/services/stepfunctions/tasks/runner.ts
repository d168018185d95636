/** The engine's TaskRunner: picks the integration a Task state's resource names. */
import type { Platform } from '../../service.js';
import { StatesError } from '../asl/errors.js';
import { classify, type ExecutionInfo, type TaskCall, type TaskRunner } from '../asl/engine.js';
import type { TaskTokens } from './tokens.js';
import { invokeFunctionResource, lambdaInvoke } from './lambda.js';
import { apiGatewayInvoke } from './apigateway.js';
import { awsSdkTask } from './aws-sdk.js';
import { isOptimized, optimizedTask } from './optimized.js';
import { nestedMode, type NestedMode } from './states.js';
import type { MockedResponse, TaskMocks } from './mocks.js';

/** Starts a nested execution (tasks/states.ts); given to the runner, which the executions it starts use in turn. */
export type StartChild = (parent: ExecutionInfo, params: Record<string, any>, mode: NestedMode, signal: AbortSignal) => Promise<unknown>;

export function makeTaskRunner(platform: Platform, tokens: TaskTokens, startChild: StartChild, mocks?: TaskMocks): TaskRunner {
  return {
    newToken: () => tokens.newToken(),
    resume: (call) => tokens.resume(call),
    async run(call: TaskCall): Promise<unknown> {
      const kind = classify(call.resource);
      const mocked = mocks?.take(call);
      if (mocked) return answerMocked(call, kind.type === 'activity', mocked);
      if (kind.type === 'activity') {
        // A worker takes the task (GetActivityTask), then answers through its token.
        const { answer } = await tokens.open(call, { arn: call.resource, input: JSON.stringify(call.parameters ?? null) });
        call.onWaiting();
        return answer;
      }
      const waitToken = call.resource.endsWith('.waitForTaskToken');
      const invoke = async (): Promise<unknown> => {
        if (kind.type === 'lambda') return invokeFunctionResource(platform, call);
        const action = kind.action.replace(/\.waitForTaskToken$/, '');
        if (kind.service === 'lambda' && action === 'invoke') return lambdaInvoke(platform, call, waitToken);
        if (kind.service === 'apigateway' && action === 'invoke') return apiGatewayInvoke(platform, call);
        if (isOptimized(kind.service, action)) return optimizedTask(platform, call, kind.service, action);
        if (kind.service.startsWith('aws-sdk:')) return awsSdkTask(platform, call, kind.service.slice('aws-sdk:'.length), action);
        const mode = kind.service === 'states' ? nestedMode(action) : undefined;
        if (mode) return startChild(call.execution, (call.parameters ?? {}) as Record<string, any>, mode, call.signal);
        throw new StatesError('States.Runtime', `The resource ${call.resource} is not supported by Stratus`);
      };
      if (waitToken) {
        // The token is stored before the request goes out: its answer may come before the request returns.
        const { answer } = await tokens.open(call);
        const out = await invoke();
        call.onSubmitted(out);
        call.onWaiting();
        return answer;
      }
      return invoke();
    },
  };
}

/**
 * A mocked Task (tasks/mocks.ts): nothing is called. An activity is started at once (no worker); a
 * `.waitForTaskToken` task is submitted (no output: no request went out) and the mocked response is
 * its token's answer. A `Throw` fails the task with its error and cause.
 */
function answerMocked(call: TaskCall, activity: boolean, mocked: MockedResponse): unknown {
  if (activity) call.onStarted(undefined);
  else if (call.resource.endsWith('.waitForTaskToken')) call.onSubmitted(undefined);
  if (mocked.kind === 'throw') throw new StatesError(mocked.error, mocked.cause);
  return structuredClone(mocked.value);
}
