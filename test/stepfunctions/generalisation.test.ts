/**
 * The engine against AWS's documented rules and recorded answers, on workflows outside the shared
 * conformance corpus. Each test names the documentation section it pins and the recording of real
 * AWS (LocalStack's snapshot suite, tests/aws/services/stepfunctions/v2/...) its exact texts come from.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PlatformClock } from '../../src/core/clock.js';
import { Execution, type ExecutionInfo, type HistoryEvent } from '../../src/services/stepfunctions/asl/engine.js';
import { parseDefinition } from '../../src/services/stepfunctions/validate.js';

const info = (input: unknown): ExecutionInfo => ({
  executionArn: 'arn:aws:states:us-east-1:000000000000:execution:sm:ex',
  name: 'ex',
  stateMachineArn: 'arn:aws:states:us-east-1:000000000000:stateMachine:sm',
  stateMachineName: 'sm',
  roleArn: 'arn:aws:iam::000000000000:role/r',
  startTime: Date.UTC(2024, 0, 1),
  input: JSON.stringify(input),
  redriveCount: 0,
  region: 'us-east-1',
  accountId: '000000000000',
});

async function run(def: unknown, input: unknown = {}) {
  const ex = new Execution(def as Record<string, unknown>, info(input), { clock: new PlatformClock() });
  const result = await ex.run();
  return { result, events: ex.events };
}

const detail = (events: HistoryEvent[], type: string) => events.find((e) => e.type === type) as Record<string, any> | undefined;

// ---------------------------------------------------------------- Map: Items of every JSON type

/** scenarios/statemachines/map_state_items.json5: a JSONata Map over what the previous state output. */
const itemsFromPrevious = {
  QueryLanguage: 'JSONata',
  StartAt: 'Start',
  States: {
    Start: { Type: 'Pass', Output: '{% $states.input.items %}', Next: 'MapIterateState' },
    MapIterateState: { Type: 'Map', MaxConcurrency: 1, ItemProcessor: { ProcessorConfig: { Mode: 'INLINE' }, StartAt: 'Pass', States: { Pass: { Type: 'Pass', End: true } } }, End: true },
  },
};

test('Map input of each non-array JSON type fails with QueryEvaluationError (state-map.html "Items"; test_map_state_items_input_types, 19-11-2024)', async () => {
  const shown: [unknown, string][] = [
    [1, '1'],
    ['string', '"string"'],
    [true, 'true'],
    [{ foo: 'bar' }, '{"foo":"bar"}'],
    [null, 'null'],
  ];
  for (const [items, text] of shown) {
    const { result, events } = await run(itemsFromPrevious, { items });
    const cause = `An error occurred while executing the state 'MapIterateState' (entered at the event id #4). Map state input must be an array but was: ${text}`;
    assert.deepEqual([result.status, result.error, result.cause], ['FAILED', 'States.QueryEvaluationError', cause]);
    const ev = detail(events, 'EvaluationFailed')!.evaluationFailedEventDetails;
    assert.deepEqual(ev, { error: 'States.QueryEvaluationError', cause, state: 'MapIterateState' }, 'no location for the input itself');
    assert.ok(detail(events, 'MapStateFailed'));
  }
  // Arrays of any content are iterated, an empty one included (test_map_state_items_input_array).
  for (const items of [[], [0], [1, 'two', true]]) {
    const { result, events } = await run(itemsFromPrevious, { items });
    assert.equal(result.status, 'SUCCEEDED');
    assert.deepEqual(JSON.parse(result.output!), items);
    assert.equal(detail(events, 'MapStateStarted')!.mapStateStartedEventDetails.length, items.length);
  }
});

test('a JSONata Items expression that is not an array: location Items, the type and value named (test_map_state_items_eval_jsonata_fail, 19-11-2024)', async () => {
  const def = (expr: string) => ({
    QueryLanguage: 'JSONata',
    StartAt: 'MapIterateState',
    States: { MapIterateState: { Type: 'Map', Items: `{% ${expr} %}`, ItemProcessor: { StartAt: 'P', States: { P: { Type: 'Pass', End: true } } }, End: true } },
  });
  const cases: [string, string][] = [
    ['1', "Expected 'array', but was 'number' for value: 1"],
    ['null', "Expected 'array', but was 'null' for value: null"],
  ];
  for (const [expr, tail] of cases) {
    const { result, events } = await run(def(expr));
    const cause = `An error occurred while executing the state 'MapIterateState' (entered at the event id #2). The JSONata expression '${expr}' specified for the field 'Items' returned an unexpected result type. ${tail}`;
    assert.equal(result.cause, cause);
    assert.deepEqual(detail(events, 'EvaluationFailed')!.evaluationFailedEventDetails, { error: 'States.QueryEvaluationError', cause, location: 'Items', state: 'MapIterateState' });
  }
});

// ---------------------------------------------------------------- Map: MaxConcurrencyPath, ToleratedFailure*Path

const distributedMap = (extra: Record<string, unknown>) => ({
  StartAt: 'MapState',
  States: {
    MapState: {
      Type: 'Map',
      ItemsPath: '$.Items',
      MaxConcurrency: 1,
      ItemProcessor: { ProcessorConfig: { Mode: 'DISTRIBUTED', ExecutionType: 'STANDARD' }, StartAt: 'HandleItem', States: { HandleItem: { Type: 'Pass', End: true } } },
      End: true,
      ...extra,
    },
  },
});

test('ToleratedFailurePercentagePath: a float from 0 to 100, else States.Runtime (state-map-distributed.html "Setting failure thresholds"; test_map_state_tolerated_failure_percentage_path, 19-06-2024)', async () => {
  const def = distributedMap({ ToleratedFailurePercentagePath: '$.ToleratedFailurePercentage' });
  const prefix = "An error occurred while executing the state 'MapState' (entered at the event id #2). ";
  const refused: [unknown, string][] = [
    [{}, 'The ToleratedFailurePercentagePath field refers to value "{}" which is not a valid float: $.ToleratedFailurePercentage'],
    ['NoNumber', 'The ToleratedFailurePercentagePath field refers to value "NoNumber" which is not a valid float: $.ToleratedFailurePercentage'],
    [-1.1, 'ToleratedFailurePercentage must be between 0 and 100.'],
    [-1, 'ToleratedFailurePercentage must be between 0 and 100.'],
    [100.1, 'ToleratedFailurePercentage must be between 0 and 100.'],
  ];
  for (const [value, message] of refused) {
    const { result, events } = await run(def, { Items: [0], ToleratedFailurePercentage: value });
    assert.deepEqual([result.error, result.cause], ['States.Runtime', prefix + message], JSON.stringify(value));
    // The check comes after MapStateStarted, as recorded.
    assert.ok(detail(events, 'MapStateStarted'));
  }
  for (const value of [0, 1, 1.1, 100]) assert.equal((await run(def, { Items: [0], ToleratedFailurePercentage: value })).result.status, 'SUCCEEDED');
});

test('ToleratedFailureCountPath: a non-negative integer (test_map_state_tolerated_failure_count_path, 19-06-2024)', async () => {
  const def = distributedMap({ ToleratedFailureCountPath: '$.ToleratedFailureCount' });
  const prefix = "An error occurred while executing the state 'MapState' (entered at the event id #2). ";
  const refused: [unknown, string][] = [
    [{}, 'The ToleratedFailureCountPath field refers to value "{}" which is not a valid integer: $.ToleratedFailureCount'],
    ['NoNumber', 'The ToleratedFailureCountPath field refers to value "NoNumber" which is not a valid integer: $.ToleratedFailureCount'],
    [-1, 'ToleratedFailureCount cannot be negative.'],
  ];
  for (const [value, message] of refused) assert.equal((await run(def, { Items: [0], ToleratedFailureCount: value })).result.cause, prefix + message);
  for (const value of [0, 1]) assert.equal((await run(def, { Items: [0], ToleratedFailureCount: value })).result.status, 'SUCCEEDED');
});

test('MaxConcurrencyPath must select an integer; failure before MapStateStarted (state-map.html "MaxConcurrencyPath"; test_max_concurrency_path, 19-06-2024)', async () => {
  const def = {
    StartAt: 'MapState',
    States: {
      MapState: { Type: 'Map', ItemsPath: '$.Values', MaxConcurrencyPath: '$.MaxConcurrencyValue', ItemProcessor: { StartAt: 'P', States: { P: { Type: 'Pass', End: true } } }, End: true },
    },
  };
  for (const [value, shown] of [[{}, '{}'], ['NoNumber', 'NoNumber']] as const) {
    const { result, events } = await run(def, { MaxConcurrencyValue: value, Values: ['HelloWorld'] });
    assert.equal(
      result.cause,
      `An error occurred while executing the state 'MapState' (entered at the event id #2). The MaxConcurrencyPath field refers to value "${shown}" which is not a valid integer: $.MaxConcurrencyValue`,
    );
    assert.deepEqual(events.map((e) => e.type), ['ExecutionStarted', 'MapStateEntered', 'ExecutionFailed']);
  }
  for (const value of [0, 1]) assert.equal((await run(def, { MaxConcurrencyValue: value, Values: ['HelloWorld'] })).result.status, 'SUCCEEDED');
});

// ---------------------------------------------------------------- Wait: Timestamp and TimestampPath

test('Wait Timestamp at CreateStateMachine: RFC 3339 with T and Z only (state-wait.html "Timestamp"; test_wait_timestamp_invalid, 2024)', () => {
  const check = (ts: string) => parseDefinition(JSON.stringify({ StartAt: 'WaitUntil', States: { WaitUntil: { Type: 'Wait', Timestamp: ts, End: true } } })).diagnostics;
  const message = 'String does not match RFC3339 timestamp';
  for (const bad of ['2016-12-05 21:29:29Z', '2016-12-05T21:29:29', '2016-13-05T21:29:29Z', '2016-12-05T25:29:29Z', '05-12-2016T21:29:29Z', "{% '2016-03-14T01:59:00Z' %}"]) {
    const d = check(bad);
    assert.equal(d.length, 1, bad);
    assert.deepEqual([d[0]!.code, d[0]!.message, d[0]!.location], ['SCHEMA_VALIDATION_FAILED', message, '/States/WaitUntil/Timestamp']);
  }
  // Seconds and nanoseconds precision are accepted (test_wait_timestamp[SECONDS] / [NANOSECONDS]).
  for (const good of ['2016-03-14T01:59:00Z', '2016-03-05T21:29:29.243167252Z']) assert.deepEqual(check(good), []);
});

test('Wait TimestampPath with a value that is not an extended offset date-time (test_wait_timestamp_path, 27-12-2024)', async () => {
  const def = { StartAt: 'WaitUntil', States: { WaitUntil: { Type: 'Wait', TimestampPath: '$.TimestampValue', End: true } } };
  for (const bad of ['2016-12-05 21:29:29Z', '2016-13-05T21:29:29Z', '2016-12-05T25:29:29Z', '05-12-2016T21:29:29Z']) {
    const { result } = await run(def, { TimestampValue: bad });
    assert.deepEqual(
      [result.error, result.cause],
      [
        'States.Runtime',
        `An error occurred while executing the state 'WaitUntil' (entered at the event id #2). The TimestampPath parameter does not reference a valid ISO-8601 extended offset date-time format string: $.TimestampValue == ${bad}`,
      ],
    );
  }
  for (const past of ['2016-03-14T01:59:00Z', '2016-03-05T21:29:29.243167252Z']) assert.equal((await run(def, { TimestampValue: past })).result.status, 'SUCCEEDED');
});

// ---------------------------------------------------------------- Fail: ErrorPath and CausePath

test('Fail ErrorPath/CausePath that select nothing (state-fail.html "ErrorPath"; test_invalid_jsonpath[INVALID_JSONPATH_IN_ERRORPATH], 02-01-2025)', async () => {
  for (const field of ['ErrorPath', 'CausePath']) {
    const def = {
      StartAt: 'pass',
      States: { pass: { Type: 'Pass', Next: 'fail', Parameters: { Error: 'error-value' } }, fail: { Type: 'Fail', [field]: '$.Missing' } },
    };
    const { result } = await run(def, { 'int-literal': 0 });
    assert.deepEqual(
      [result.error, result.cause],
      [
        'States.Runtime',
        `An error occurred while executing the state 'fail' (entered at the event id #4). The JSONPath '$.Missing' specified for the field '${field}' could not be found in the input '{"Error":"error-value"}'`,
      ],
    );
  }
  // A path that selects a value gives the error (state-fail.html: "ErrorPath ... a path to the error name").
  const ok = await run({ StartAt: 'fail', States: { fail: { Type: 'Fail', ErrorPath: '$.e', CausePath: "States.Format('c={}', $.c)" } } }, { e: 'MyError', c: 1 });
  assert.deepEqual([ok.result.error, ok.result.cause], ['MyError', 'c=1']);
});

// ---------------------------------------------------------------- Intrinsic functions at CreateStateMachine

test('an intrinsic call with illegal escapes is refused at CreateStateMachine (intrinsic-functions.html "Reserved characters"; test_illegal_escapes)', () => {
  const def = { StartAt: 'IntrinsicEscape', States: { IntrinsicEscape: { Type: 'Pass', Parameters: { 'parsed.$': "States.Format('He said, \\\"Hello, {}!\\\"', 'Test \\\"Name\\\" Here')" }, End: true } } };
  const d = parseDefinition(JSON.stringify(def)).diagnostics;
  assert.deepEqual(
    d.map((x) => [x.code, x.message, x.location]),
    [['SCHEMA_VALIDATION_FAILED', "The value for the field 'parsed.$' must be a valid JSONPath or a valid intrinsic function call", '/States/IntrinsicEscape/Parameters']],
  );
});

// ---------------------------------------------------------------- ValidateStateMachineDefinition / CreateStateMachine

test('definitions that are not one: blank, a bare word, an empty object (API_ValidateStateMachineDefinition.html; test_validate_state_machine_definition_not_a_definition, 19-10-2025)', () => {
  const diags = (text: string) => parseDefinition(text).diagnostics.map((d) => ({ ...d }));
  assert.deepEqual(diags(' '), [{ severity: 'ERROR', code: 'SCHEMA_VALIDATION_FAILED', message: 'Definition must be a valid JSON object' }]);
  const source = '[Source: (String)"not a definition"; line: 1, column: 4]';
  assert.deepEqual(diags('not a definition'), [
    {
      severity: 'ERROR',
      code: 'INVALID_JSON_DESCRIPTION',
      message: `Unrecognized token 'not': was expecting (JSON String, Number, Array, Object or token 'null', 'true' or 'false')\n at ${source}`,
      location: source,
    },
  ]);
  assert.deepEqual(diags('{}'), [{ severity: 'ERROR', code: 'SCHEMA_VALIDATION_FAILED', message: 'These fields are required: [States, StartAt]', location: '/' }]);
  assert.deepEqual(diags('{"States": {"P": {"Type": "Pass", "End": true}}}'), [
    { severity: 'ERROR', code: 'SCHEMA_VALIDATION_FAILED', message: 'These fields are required: [StartAt]', location: '/' },
  ]);
});

test('Express machines take no callback, .sync or activity task (concepts-standard-vs-express.html; test_illegal_callbacks, test_illegal_activity_task, ILLEGAL_WFTT)', () => {
  const task = (Resource: string) => ({ StartAt: 'T', States: { T: { Type: 'Task', Resource, End: true } } });
  const cases: [string, string][] = [
    ['arn:aws:states:::sqs:sendMessage.waitForTaskToken', "Express state machine does not support '.waitForTaskToken' service integration "],
    ['arn:aws:states:::states:startExecution.sync', "Express state machine does not support '.sync' service integration"],
    ['arn:aws:states:::states:startExecution.sync:2', "Express state machine does not support '.sync' service integration"],
    ['arn:aws:states:us-east-1:000000000000:activity:a', 'Express state machine does not support Activity ARN'],
  ];
  for (const [resource, message] of cases) {
    const d = parseDefinition(JSON.stringify(task(resource)), 'EXPRESS').diagnostics;
    assert.deepEqual(d, [{ severity: 'ERROR', code: 'SCHEMA_VALIDATION_FAILED', message, location: '/States/T/Resource' }]);
    // The same definition is fine for a Standard machine.
    assert.deepEqual(parseDefinition(JSON.stringify(task(resource)), 'STANDARD').diagnostics, []);
  }
  // Nested in a Parallel branch or a Map processor too.
  const nested = { StartAt: 'P', States: { P: { Type: 'Parallel', Branches: [task('arn:aws:states:::lambda:invoke.waitForTaskToken')], End: true } } };
  assert.equal(parseDefinition(JSON.stringify(nested), 'EXPRESS').diagnostics[0]!.location, '/States/P/Branches[0]/States/T/Resource');
  assert.deepEqual(parseDefinition(JSON.stringify(task('arn:aws:states:::lambda:invoke')), 'EXPRESS').diagnostics, []);
});

// ---------------------------------------------------------------- API: execution input and ARNs

test('StartExecution input errors in Jackson\'s words; non-ARNs are "Invalid ARN prefix" (API_StartExecution.html "InvalidExecutionInput"; test_invalid_start_execution_input, 22-06-2023; test_*_invalid_arn, 2024)', async () => {
  const { setup, machine } = await import('./helpers.js');
  const { StartExecutionCommand, DescribeStateMachineCommand, DescribeExecutionCommand, GetExecutionHistoryCommand, ListExecutionsCommand, DescribeActivityCommand } = await import('@aws-sdk/client-sfn');
  const env = await setup();
  try {
    const sm = await machine(env, { StartAt: 'P', States: { P: { Type: 'Pass', End: true } } });
    const refused = async (input: string, message: string) =>
      assert.rejects(env.client.send(new StartExecutionCommand({ stateMachineArn: sm, input })), (e: any) => e.name === 'InvalidExecutionInput' && e.message === `Invalid State Machine Execution Input: '${message}'`);
    await refused('not some json', "Unrecognized token 'not': was expecting (JSON String, Number, Array, Object or token 'null', 'true' or 'false')");
    await refused("{'not': 'json'", "Unexpected character (''' (code 39)): was expecting double-quote to start field name");
    await refused('', 'Invalid execution input.');
    // Any JSON value is an input (start_res_num, start_res_str, start_res_null).
    for (const input of ['1', '"str"', 'null']) assert.ok((await env.client.send(new StartExecutionCommand({ stateMachineArn: sm, input }))).executionArn);
    const prefix = (p: Promise<unknown>, v: string) => assert.rejects(p, (e: any) => e.name === 'InvalidArn' && e.message === `Invalid Arn: 'Invalid ARN prefix: ${v}'`);
    await prefix(env.client.send(new DescribeStateMachineCommand({ stateMachineArn: 'not_a_valid_arn' })), 'not_a_valid_arn');
    await prefix(env.client.send(new ListExecutionsCommand({ stateMachineArn: 'invalid_state_machine_arn' })), 'invalid_state_machine_arn');
    await prefix(env.client.send(new DescribeExecutionCommand({ executionArn: 'invalid_state_machine_arn' })), 'invalid_state_machine_arn');
    await prefix(env.client.send(new GetExecutionHistoryCommand({ executionArn: 'invalid_state_machine_arn' })), 'invalid_state_machine_arn');
    await prefix(env.client.send(new DescribeActivityCommand({ activityArn: 'no_an_activity_arn' })), 'no_an_activity_arn');
  } finally {
    await env.stop();
  }
});

// ---------------------------------------------------------------- JSONata evaluation failures and their location

test('JSONata expressions that return nothing: States.QueryEvaluationError at the field path (transforming-data.html "JSONata errors"; test_undefined_reference, 21-11-2024)', async () => {
  const cases: [Record<string, unknown>, string][] = [
    [{ Type: 'Pass', Output: '{% $doesNotExist %}', End: true }, 'Output'],
    [{ Type: 'Pass', Output: { result: '{% $doesNotExist %}' }, End: true }, 'Output/result'],
    [{ Type: 'Pass', Assign: { result: '{% $doesNotExist %}' }, End: true }, 'Assign/result'],
    [{ Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', Arguments: '{% $doesNotExist %}', End: true }, 'Arguments'],
    [{ Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', Arguments: { FunctionName: '{% $doesNotExist %}' }, End: true }, 'Arguments/FunctionName'],
  ];
  for (const [state, location] of cases) {
    const { result, events } = await run({ QueryLanguage: 'JSONata', StartAt: 'State0', States: { State0: state } });
    const cause = `An error occurred while executing the state 'State0' (entered at the event id #2). The JSONata expression '$doesNotExist' specified for the field '${location}' returned nothing (undefined).`;
    assert.deepEqual([result.error, result.cause], ['States.QueryEvaluationError', cause], location);
    assert.deepEqual(detail(events, 'EvaluationFailed')!.evaluationFailedEventDetails, { error: 'States.QueryEvaluationError', cause, location, state: 'State0' });
  }
});

test('a JSONata Wait Timestamp that is not an extended offset date-time (state-wait.html; test_wait_timestamp_jsonata, 27-12-2024)', async () => {
  const def = { QueryLanguage: 'JSONata', StartAt: 'WaitState', States: { WaitState: { Type: 'Wait', Timestamp: '{% $states.input.TimestampValue %}', End: true } } };
  for (const bad of ['2016-12-05 21:29:29Z', '2016-12-05T21:29:29', '2016-13-05T21:29:29Z']) {
    const { result, events } = await run(def, { TimestampValue: bad });
    const cause = `An error occurred while executing the state 'WaitState' (entered at the event id #2). The Timestamp field cannot be parsed as an ISO-8601 extended offset date-time format string: ${bad}`;
    assert.equal(result.cause, cause);
    assert.equal(detail(events, 'EvaluationFailed')!.evaluationFailedEventDetails.location, 'Timestamp');
  }
});

// ---------------------------------------------------------------- Parallel: the failing Task of a branch

test('a Task failure that ends its Parallel branch: TaskStateAborted linked to the failure, ParallelStateFailed to the failure too (state-parallel.html "Parallel state failure"; test_sqs_failure_in_wait_for_task_tok_no_error_field[SQS_PARALLEL_WAIT_FOR_TASK_TOKEN], 29-04-2024)', async () => {
  const { StatesError } = await import('../../src/services/stepfunctions/asl/errors.js');
  const tasks = {
    newToken: () => 't',
    run: async () => {
      throw new StatesError('Exception', 'boom');
    },
  };
  const def = {
    StartAt: 'ParallelJob',
    States: {
      ParallelJob: {
        Type: 'Parallel',
        Branches: [{ StartAt: 'T', States: { T: { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', Parameters: { FunctionName: 'f' }, End: true } } }],
        Catch: [{ ErrorEquals: ['States.ALL'], ResultPath: '$.err', Next: 'Caught' }],
        Next: 'Caught',
      },
      Caught: { Type: 'Pass', End: true },
    },
  };
  const ex = new Execution(def, info({}), { clock: new PlatformClock(), tasks });
  const result = await ex.run();
  assert.equal(result.status, 'SUCCEEDED');
  const shape = ex.events.map((e) => `${e.id}<${e.previousEventId} ${e.type}`);
  assert.deepEqual(shape.slice(0, 10), [
    '1<0 ExecutionStarted',
    '2<0 ParallelStateEntered',
    '3<2 ParallelStateStarted',
    '4<3 TaskStateEntered',
    '5<4 TaskScheduled',
    '6<5 TaskStarted',
    '7<6 TaskFailed',
    '8<7 TaskStateAborted',
    '9<7 ParallelStateFailed',
    '10<9 ParallelStateExited',
  ]);
  // A Task failure caught inside its state, or in the top-level thread, is not aborted.
  const top = new Execution({ StartAt: 'T', States: { T: { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', End: true } } }, info({}), { clock: new PlatformClock(), tasks });
  await top.run();
  assert.equal(top.events.filter((e) => e.type === 'TaskStateAborted').length, 0);
});
