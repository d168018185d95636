/** TestState: one state run in isolation. */
import { arnFor } from '../../../aws/arn.js';
import { randomUUID } from 'node:crypto';
import type { RequestContext } from '../../../core/context.js';
import { InvalidDefinition, ValidationException, type SFNApi, type TestStateInput, type TestStateOutput } from '../../../generated/stepfunctions.js';
import { Execution, type ExecutionInfo } from '../asl/engine.js';
import { invalidDefinitionMessage, parseDefinition } from '../validate.js';
import { checkExecutionInput, type SfnCore } from '../core.js';
import { checkMockRequest, checkMockResult, inspectionData, mockedState, mockRunner } from './test-state-mock.js';

export class TestStateOps implements Pick<SFNApi, 'TestState'> {
  constructor(private readonly core: SfnCore) {}

  /**
   * Runs one state in isolation (no retries: a matching Retrier answers RETRIABLE), with the real
   * integrations or the request's `mock` (a Task's result or error; the whole result of a Map or
   * Parallel, which run only when mocked). Inspection data (DEBUG/TRACE): the input, what each path
   * and template gave, and the variables.
   */
  async TestState(ctx: RequestContext, input: TestStateInput) {
    const mock = checkMockRequest(input);
    let parsed: Record<string, any>;
    try {
      parsed = JSON.parse(input.definition);
    } catch (e) {
      throw new InvalidDefinition(`Invalid State Machine Definition: 'INVALID_JSON_DESCRIPTION: ${(e as Error).message}'`);
    }
    let name: string = input.stateName ?? 'TestState';
    let state: Record<string, any> = parsed;
    let ql: string | undefined = parsed.QueryLanguage;
    if (parsed.States && typeof parsed.States === 'object') {
      name = input.stateName ?? parsed.StartAt;
      state = parsed.States[name];
      if (!state) throw new ValidationException(`State '${name}' not found in the definition`);
    } else ql = undefined;
    if (typeof state !== 'object' || state === null) throw new ValidationException(`State '${name}' not found in the definition`);
    const original = state;
    const { Retry, ...rest } = mockedState(state, mock) as { Retry?: { ErrorEquals?: string[] }[] } & Record<string, any>;
    // The state's transitions end in Succeed states, so that the run stops after the state.
    const targets = new Set<string>();
    const add = (t: unknown) => typeof t === 'string' && t !== name && targets.add(t);
    add(rest.Next);
    add(rest.Default);
    for (const c of rest.Choices ?? []) add(c?.Next);
    for (const c of rest.Catch ?? []) add(c?.Next);
    const States: Record<string, unknown> = { [name]: rest };
    for (const t of targets) States[t] = { Type: 'Succeed' };
    const def = { StartAt: name, States, ...(ql ? { QueryLanguage: ql } : {}) };
    // The definition is checked as given (a mocked Map or Parallel runs as a Task, see mockedState).
    const checked = { ...def, States: { ...States, [name]: original } };
    const check = parseDefinition(JSON.stringify(checked));
    const errors = check.diagnostics.filter((d) => d.severity === 'ERROR');
    if (errors.length) throw new InvalidDefinition(invalidDefinitionMessage(errors));
    const mockedResult = mock && checkMockResult(original, mock);
    const data = checkExecutionInput(input.input);
    let variables: Record<string, unknown> | undefined;
    if (input.variables !== undefined) {
      try {
        variables = JSON.parse(input.variables);
      } catch {
        throw new ValidationException('The variables must be a JSON object');
      }
    }
    const now = this.core.clock.now();
    const execName = randomUUID();
    const info: ExecutionInfo = {
      executionArn: arnFor('states', ctx, `execution:TestStateMachine:${execName}`),
      name: execName,
      stateMachineArn: arnFor('states', ctx, `stateMachine:TestStateMachine`),
      stateMachineName: 'TestStateMachine',
      roleArn: input.roleArn ?? arnFor('iam', ctx, 'role/TestState'),
      startTime: now,
      input: data,
      redriveCount: 0,
      region: ctx.region,
      accountId: ctx.accountId,
    };
    const inspected: Record<string, unknown> = {};
    const tasks = mock ? mockRunner(this.core.tasks, mock, mockedResult) : this.core.tasks;
    const exec = new Execution(def, info, { clock: this.core.clock, tasks, initialVariables: variables, inspect: (k, v) => (inspected[k] = v) });
    const result = await exec.run().finally(() => this.core.tokens.forget(info.executionArn));
    const events = exec.events;
    const out: TestStateOutput = {};
    const exited = events.find((e) => e.type.endsWith('StateExited') && (e.stateExitedEventDetails as { name?: string })?.name === name);
    const nextEntered = events.find((e) => e.type.endsWith('StateEntered') && (e.stateEnteredEventDetails as { name?: string })?.name !== name);
    const nextName = (nextEntered?.stateEnteredEventDetails as { name?: string } | undefined)?.name;
    const caught = !!exited && events.some((e) => e.type.endsWith('Failed') && e.type !== 'ExecutionFailed');
    if (result.status === 'FAILED' && !exited) {
      const retriable = (Retry ?? []).some((r) => (r.ErrorEquals ?? []).some((x) => x === result.error || (x === 'States.ALL' && result.error !== 'States.Runtime')));
      out.status = retriable ? 'RETRIABLE' : 'FAILED';
      if (result.error !== undefined) out.error = result.error;
      if (result.cause !== undefined) out.cause = result.cause;
    } else {
      out.status = caught ? 'CAUGHT_ERROR' : 'SUCCEEDED';
      out.output = (exited?.stateExitedEventDetails as { output?: string })?.output ?? result.output;
      if (nextName) out.nextState = nextName;
    }
    if (input.inspectionLevel === 'DEBUG' || input.inspectionLevel === 'TRACE') out.inspectionData = inspectionData(data, original, inspected, variables);
    return out;
  }
}
