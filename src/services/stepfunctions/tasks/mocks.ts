/**
 * Mocked service integrations, in the mock configuration format of AWS Step Functions Local
 * (https://docs.aws.amazon.com/step-functions/latest/dg/sfn-local-mock-cfg-file.html):
 *
 *   { "StateMachines": { "<machine name>": { "TestCases": { "<test case>": { "<state>": "<mocked response>" } } } },
 *     "MockedResponses": { "<mocked response>": { "0": {"Return": ...}, "1-2": {"Throw": {"Error", "Cause"}} } } }
 *
 * An execution runs under a test case when StartExecution (or StartSyncExecution) names the machine
 * as `<stateMachineArn>#<test case>`, as with Step Functions Local. A Task state the test case maps
 * never calls its resource: its n-th invocation in the execution (retries included, 0-based) takes
 * the response whose key covers n, a `Return` value as the task's result or a `Throw` as its failure.
 *
 * The configuration comes from the `services.stepfunctions.mockConfig` setting (the configuration
 * object itself, or the path of its JSON file) or else the SFN_MOCK_CONFIG environment variable (a
 * path, as LocalStack reads it). A file is read again when an execution starts under a test case.
 */
import { readFileSync } from 'node:fs';
import type { Platform } from '../../service.js';
import { StatesError } from '../asl/errors.js';
import type { TaskCall } from '../asl/engine.js';

export type MockedResponse = { kind: 'return'; value: unknown } | { kind: 'throw'; error: string; cause: string | undefined };

/** One test case: each mocked state's responses, one per invocation. */
export type TestCase = ReadonlyMap<string, readonly MockedResponse[]>;

/** Why a mock configuration or a test case cannot be used (StartExecution answers it as a ValidationException). */
export class MockConfigError extends Error {}

/** How many executions' invocation counts are kept (the oldest is forgotten first). */
const MAX_COUNTED_EXECUTIONS = 10_000;

export class TaskMocks {
  /** Invocations of each mocked state, per execution. */
  private readonly counts = new Map<string, Map<string, number>>();

  constructor(private readonly source: () => unknown) {}

  static fromPlatform(platform: Platform): TaskMocks {
    return new TaskMocks(() => platform.config.services?.stepfunctions?.mockConfig ?? process.env.SFN_MOCK_CONFIG);
  }

  /** The test case of a machine (MockConfigError when there is no configuration, no such case, or a malformed one). */
  testCase(machineName: string, caseName: string): TestCase {
    const config = this.load();
    const cases = objectAt(config, ['StateMachines', machineName, 'TestCases']);
    const testCase = cases?.[caseName];
    if (!isObject(testCase)) throw new MockConfigError(`Test case '${caseName}' of state machine '${machineName}' is not in the mock configuration`);
    const responses = objectAt(config, ['MockedResponses']) ?? {};
    const out = new Map<string, MockedResponse[]>();
    for (const [state, name] of Object.entries(testCase)) {
      if (typeof name !== 'string' || !isObject(responses[name])) throw new MockConfigError(`Mocked response '${String(name)}' of state '${state}' is not in MockedResponses`);
      out.set(state, expand(name, responses[name]));
    }
    return out;
  }

  /**
   * The mocked response of this invocation of the call's state, or undefined when the execution runs
   * under no test case or the test case does not mock the state (then the resource is called).
   */
  take(call: TaskCall): MockedResponse | undefined {
    const caseName = call.execution.mockTestCase;
    if (!caseName) return undefined;
    let responses: readonly MockedResponse[] | undefined;
    try {
      responses = this.testCase(call.execution.stateMachineName, caseName).get(call.stateName);
    } catch (e) {
      if (e instanceof MockConfigError) throw new StatesError('States.Runtime', e.message);
      throw e;
    }
    if (!responses) return undefined;
    let counts = this.counts.get(call.execution.executionArn);
    if (!counts) {
      counts = new Map();
      this.counts.set(call.execution.executionArn, counts);
      if (this.counts.size > MAX_COUNTED_EXECUTIONS) this.counts.delete(this.counts.keys().next().value!);
    }
    const n = counts.get(call.stateName) ?? 0;
    counts.set(call.stateName, n + 1);
    const r = responses[n];
    if (!r) throw new StatesError('States.Runtime', `No mocked response for invocation ${n} of state '${call.stateName}' in test case '${caseName}'`);
    return r;
  }

  private load(): Record<string, unknown> {
    const src = this.source();
    if (src === undefined || src === null || src === '') throw new MockConfigError('No mock configuration is loaded (SFN_MOCK_CONFIG or services.stepfunctions.mockConfig)');
    let config: unknown = src;
    if (typeof src === 'string') {
      try {
        config = JSON.parse(readFileSync(src, 'utf8'));
      } catch (e) {
        throw new MockConfigError(`The mock configuration file '${src}' cannot be read: ${(e as Error).message}`);
      }
    }
    if (!isObject(config)) throw new MockConfigError('The mock configuration is not a JSON object');
    return config;
  }
}

/** A mocked response's invocations in order: keys "n" or "a-b", consecutive from 0; each holds exactly one of Return or Throw. */
function expand(name: string, def: Record<string, unknown>): MockedResponse[] {
  const ranges = Object.entries(def).map(([key, body]) => {
    const m = /^\s*(\d+)\s*(?:-\s*(\d+)\s*)?$/.exec(key);
    if (!m) throw new MockConfigError(`Mocked response '${name}': '${key}' is neither an invocation number nor a range such as '1-2'`);
    const from = Number(m[1]);
    const to = m[2] === undefined ? from : Number(m[2]);
    if (to < from) throw new MockConfigError(`Mocked response '${name}': the range '${key}' ends before it starts`);
    return { from, to, response: responseOf(name, key, body) };
  });
  ranges.sort((a, b) => a.from - b.from);
  const out: MockedResponse[] = [];
  for (const r of ranges) {
    if (r.from !== out.length) throw new MockConfigError(`Mocked response '${name}': invocations must be numbered consecutively from 0 (expected ${out.length}, found ${r.from})`);
    for (let i = r.from; i <= r.to; i++) out.push(r.response);
  }
  return out;
}

function responseOf(name: string, key: string, body: unknown): MockedResponse {
  if (!isObject(body) || ('Return' in body) === ('Throw' in body)) throw new MockConfigError(`Mocked response '${name}' '${key}' must have exactly one of Return and Throw`);
  if ('Return' in body) return { kind: 'return', value: body.Return };
  const t = body.Throw;
  if (!isObject(t) || typeof t.Error !== 'string') throw new MockConfigError(`Mocked response '${name}' '${key}': Throw needs an Error string`);
  return { kind: 'throw', error: t.Error, cause: typeof t.Cause === 'string' ? t.Cause : undefined };
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function objectAt(v: unknown, path: string[]): Record<string, unknown> | undefined {
  let cur = v;
  for (const p of path) cur = isObject(cur) ? cur[p] : undefined;
  return isObject(cur) ? cur : undefined;
}
