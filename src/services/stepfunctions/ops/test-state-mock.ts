/**
 * TestState's `mock` (https://docs.aws.amazon.com/step-functions/latest/apireference/API_TestState.html,
 * "mock"; https://docs.aws.amazon.com/step-functions/latest/dg/test-state-isolation.html) and its
 * inspection data. The checks and their messages are AWS's, as recorded in
 * tests/aws/services/stepfunctions/v2/test_state/test_state_mock_validation.snapshot.json (Dec 2025 - Mar 2026).
 */
import { InvalidDefinition, ValidationException, type InspectionData, type MockInput, type TestStateInput } from '../../../generated/stepfunctions.js';
import { StatesError } from '../asl/errors.js';
import type { TaskCall, TaskRunner } from '../asl/engine.js';

/** The resource a mocked Map or Parallel runs as (never called: the mock runner answers it). */
const MOCKED_STATE_RESOURCE = 'arn:aws:states:::stratus:testStateMock';

/** The request's mock, checked as AWS does before anything runs; undefined when there is none. */
export function checkMockRequest(input: TestStateInput): MockInput | undefined {
  const mock = input.mock;
  const cfg = input.stateConfiguration;
  if (cfg && (cfg.mapIterationFailureCount !== undefined) && !mock)
    throw new ValidationException('TestState does not support MapIterationFailureCount when a mock is not specified.');
  if (cfg !== undefined) throw new ValidationException('TestState stateConfiguration is not supported by Stratus');
  if (!mock) return undefined;
  if (mock.result !== undefined && mock.errorOutput !== undefined)
    throw new ValidationException('A test mock should have only one of the following fields: [result, errorOutput].');
  if (input.revealSecrets) throw new ValidationException('TestState does not support RevealSecrets when a mock is specified.');
  return mock;
}

/**
 * The state as it runs: a mocked Map or Parallel becomes a Task of the mock resource (its paths,
 * selectors, Retry, Catch and transitions kept), since its result is the mock's. Map and Parallel
 * without a mock are refused, as AWS's TestState does; Pass, Wait, Choice, Succeed and Fail take no mock.
 */
export function mockedState(state: Record<string, any>, mock: MockInput | undefined): Record<string, any> {
  const type = state.Type;
  if (!mock) {
    if (type === 'Map' || type === 'Parallel')
      throw new InvalidDefinition('TestState API does not support Map or Parallel states. Supported state types include: [Task, Wait, Pass, Succeed, Fail, Choice]');
    return state;
  }
  if (type !== 'Task' && type !== 'Map' && type !== 'Parallel') throw new ValidationException(`State type '${type}' is not supported when a mock is specified`);
  if (type === 'Task') return state;
  const keep = ['InputPath', 'ResultSelector', 'ResultPath', 'OutputPath', 'Retry', 'Catch', 'Next', 'End', 'Assign', 'Output', 'QueryLanguage', 'Comment'];
  const task: Record<string, any> = { Type: 'Task', Resource: MOCKED_STATE_RESOURCE };
  for (const k of keep) if (state[k] !== undefined) task[k] = state[k];
  return task;
}

/** The mocked result as a JSON value, checked against the state it stands for (undefined for an errorOutput mock). */
export function checkMockResult(state: Record<string, any>, mock: MockInput): unknown {
  if (mock.result === undefined) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(mock.result);
  } catch {
    throw new ValidationException('Mocked result must be valid JSON');
  }
  if (state.Type === 'Map') {
    if (state.ResultWriter !== undefined) {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new ValidationException('Mocked result must be a JSON object.');
    } else if (!Array.isArray(value)) throw new ValidationException('Mocked result must be an array.');
  }
  if (state.Type === 'Parallel') {
    if (!Array.isArray(value)) throw new ValidationException('Mocked result must be an array.');
    if (value.length !== (Array.isArray(state.Branches) ? state.Branches.length : 0))
      throw new ValidationException('Mocked result must contain the same number of items as number of Parallel branches.');
  }
  return value;
}

/**
 * The task runner of a mocked TestState: the task's resource is not called; the mocked result is its
 * result (a `.waitForTaskToken` task is submitted first and the result is its token's answer), the
 * mocked errorOutput its failure.
 */
export function mockRunner(base: TaskRunner, mock: MockInput, result: unknown): TaskRunner {
  return {
    newToken: (execution, stateName) => base.newToken(execution, stateName),
    async run(call: TaskCall): Promise<unknown> {
      if (call.resource.endsWith('.waitForTaskToken')) call.onSubmitted(undefined);
      if (mock.errorOutput) throw new StatesError(mock.errorOutput.error ?? 'States.TaskFailed', mock.errorOutput.cause);
      return structuredClone(result);
    },
  };
}

/**
 * DEBUG and TRACE inspection data: the input, then what the state's steps gave (JSON text), as AWS
 * shows them (test_test_state_scenarios.snapshot.json, 14-11-2025; test_test_state_mock_scenarios,
 * 24-02-2026): a Pass with Result shows `result` and no afterInputPath/afterParameters; a mocked
 * Map or Parallel shows only what follows its result (afterResultSelector, afterResultPath).
 */
export function inspectionData(input: string, state: Record<string, any>, inspected: Record<string, unknown>, variables: Record<string, unknown> | undefined): InspectionData {
  const out: InspectionData = { input };
  const group = state.Type === 'Map' || state.Type === 'Parallel';
  const keys = ['afterArguments', 'afterInputPath', 'afterParameters', 'result', 'afterResultSelector', 'afterResultPath'] as const;
  for (const k of keys) {
    if (group && (k === 'afterInputPath' || k === 'afterParameters' || k === 'result')) continue;
    if (k in inspected) out[k] = JSON.stringify(inspected[k] ?? null);
  }
  if (variables) out.variables = JSON.stringify(variables);
  return out;
}
