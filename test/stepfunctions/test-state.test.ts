/**
 * TestState with `mock` and inspection levels. Expected values are AWS's recordings in LocalStack's
 * snapshot suite (tests/aws/services/stepfunctions/v2/test_state/*.snapshot.json), pinned to the
 * API reference: https://docs.aws.amazon.com/step-functions/latest/apireference/API_TestState.html
 * ("mock", "inspectionLevel") and https://docs.aws.amazon.com/step-functions/latest/dg/test-state-isolation.html.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { TestStateCommand, type TestStateCommandInput } from '@aws-sdk/client-sfn';
import { setup, ROLE, type Env } from './helpers.js';

let env: Env;
before(async () => {
  env = await setup();
});
after(async () => {
  await env.stop();
});

const run = (definition: unknown, extra: Partial<TestStateCommandInput> = {}) =>
  env.client.send(new TestStateCommand({ definition: JSON.stringify(definition), roleArn: ROLE, input: '{"inputData":"HelloWorld"}', ...extra }));

const refused = async (p: Promise<unknown>, name: string, message: string) =>
  assert.rejects(p, (e: any) => {
    assert.equal(e.name, name);
    assert.equal(e.message, message);
    return true;
  });

const lambdaTask = { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', Parameters: { FunctionName: 'f', 'Payload.$': '$' }, End: true };

test('a mocked Task result is the task result; no Lambda is called (test_base_lambda_service_task_mock_success)', async () => {
  const out = await run(lambdaTask, { mock: { result: '{"Payload":"function output","SdkHttpMetadata":{"HttpStatusCode":200}}' } });
  assert.equal(out.status, 'SUCCEEDED');
  assert.deepEqual(JSON.parse(out.output!), { Payload: 'function output', SdkHttpMetadata: { HttpStatusCode: 200 } });
});

test('a mocked errorOutput fails the Task; a Catch makes it CAUGHT_ERROR, a Retrier RETRIABLE', async () => {
  const failed = await run(lambdaTask, { mock: { errorOutput: { error: 'Lambda.ServiceException', cause: 'boom' } } });
  assert.deepEqual([failed.status, failed.error, failed.cause], ['FAILED', 'Lambda.ServiceException', 'boom']);
  const caught = await run(
    { ...lambdaTask, End: undefined, Next: 'After', Catch: [{ ErrorEquals: ['States.ALL'], Next: 'After', ResultPath: '$.err' }] },
    { mock: { errorOutput: { error: 'Lambda.ServiceException', cause: 'boom' } } },
  );
  assert.equal(caught.status, 'CAUGHT_ERROR');
  assert.equal(caught.nextState, 'After');
  assert.deepEqual(JSON.parse(caught.output!).err, { Error: 'Lambda.ServiceException', Cause: 'boom' });
  const retriable = await run({ ...lambdaTask, Retry: [{ ErrorEquals: ['Lambda.ServiceException'] }] }, { mock: { errorOutput: { error: 'Lambda.ServiceException', cause: 'boom' } } });
  assert.equal(retriable.status, 'RETRIABLE');
});

test('a mocked Parallel gives its result through ResultSelector/ResultPath (test_io_parallel_state_mock_success[DEBUG])', async () => {
  const parallel = {
    Type: 'Parallel',
    InputPath: '$.parallelInput',
    ResultPath: '$.parallelResult',
    Branches: [
      { StartAt: 'B1', States: { B1: { Type: 'Pass', Result: { branch1: 'result' }, End: true } } },
      { StartAt: 'B2', States: { B2: { Type: 'Pass', Result: { branch2: 'result' }, End: true } } },
    ],
    End: true,
  };
  const mocked = '[{"branch1":"result"},{"branch2":"result"}]';
  const out = await run(parallel, { input: '{"parallelInput":{"data":"input_value"}}', mock: { result: mocked }, inspectionLevel: 'DEBUG' });
  assert.equal(out.status, 'SUCCEEDED');
  assert.deepEqual(JSON.parse(out.output!), { parallelInput: { data: 'input_value' }, parallelResult: [{ branch1: 'result' }, { branch2: 'result' }] });
  const d = out.inspectionData!;
  assert.deepEqual(Object.keys(d).sort(), ['afterResultPath', 'afterResultSelector', 'input']);
  assert.deepEqual(JSON.parse(d.afterResultSelector!), JSON.parse(mocked));
  await refused(run(parallel, { mock: { result: '[1]' } }), 'ValidationException', 'Mocked result must contain the same number of items as number of Parallel branches.');
  await refused(run(parallel, { mock: { result: '{}' } }), 'ValidationException', 'Mocked result must be an array.');
  await refused(run(parallel), 'InvalidDefinition', 'TestState API does not support Map or Parallel states. Supported state types include: [Task, Wait, Pass, Succeed, Fail, Choice]');
});

test('a mocked Map: an array result, or an object when it has a ResultWriter', async () => {
  const map = { Type: 'Map', ItemProcessor: { StartAt: 'P', States: { P: { Type: 'Pass', End: true } } }, End: true };
  const out = await run(map, { input: '[1,2]', mock: { result: '[10,20]' } });
  assert.deepEqual(JSON.parse(out.output!), [10, 20]);
  await refused(run(map, { mock: { result: '{"a":1}' } }), 'ValidationException', 'Mocked result must be an array.');
  const writer = { ...map, ResultWriter: { Resource: 'arn:aws:states:::s3:putObject', Parameters: { Bucket: 'b', Prefix: 'p' } } };
  await refused(run(writer, { mock: { result: '[1]' } }), 'ValidationException', 'Mocked result must be a JSON object.');
});

test('mock validation messages (test_state_mock_validation.snapshot.json)', async () => {
  await refused(run({ Type: 'Pass', End: true }, { mock: { result: '{}' } }), 'ValidationException', "State type 'Pass' is not supported when a mock is specified");
  await refused(run({ Type: 'Fail', Error: 'E' }, { mock: { errorOutput: { error: 'E' } } }), 'ValidationException', "State type 'Fail' is not supported when a mock is specified");
  await refused(run(lambdaTask, { mock: { result: '{}', errorOutput: { error: 'E' } } }), 'ValidationException', 'A test mock should have only one of the following fields: [result, errorOutput].');
  await refused(run(lambdaTask, { mock: { result: '{}' }, revealSecrets: true }), 'ValidationException', 'TestState does not support RevealSecrets when a mock is specified.');
  await refused(run(lambdaTask, { mock: { result: 'not json' } }), 'ValidationException', 'Mocked result must be valid JSON');
  await refused(
    run(lambdaTask, { stateConfiguration: { mapIterationFailureCount: 1 } }),
    'ValidationException',
    'TestState does not support MapIterationFailureCount when a mock is not specified.',
  );
});

test('inspection data at DEBUG and TRACE: each step of the paths; none at INFO (test_base_inspection_level_*)', async () => {
  const io = {
    Type: 'Pass',
    InputPath: '$.initialData',
    Parameters: { staticValue: 'some value', 'inputValue.$': '$.fieldFromInput' },
    ResultPath: '$.modifiedData',
    End: true,
  };
  const input = '{"initialData":{"fieldFromInput":"value from input","otherField":"other"},"unrelatedData":{"someOtherField":1234}}';
  for (const level of ['DEBUG', 'TRACE'] as const) {
    const d = (await run(io, { input, inspectionLevel: level })).inspectionData!;
    assert.deepEqual(JSON.parse(d.afterInputPath!), { fieldFromInput: 'value from input', otherField: 'other' });
    assert.deepEqual(JSON.parse(d.afterParameters!), { staticValue: 'some value', inputValue: 'value from input' });
    assert.deepEqual(JSON.parse(d.afterResultSelector!), { staticValue: 'some value', inputValue: 'value from input' });
    assert.deepEqual(JSON.parse(d.afterResultPath!).modifiedData, { staticValue: 'some value', inputValue: 'value from input' });
    assert.equal(d.result, undefined);
    assert.deepEqual(JSON.parse(d.input!), JSON.parse(input));
  }
  assert.equal((await run(io, { input, inspectionLevel: 'INFO' })).inspectionData, undefined);
  // A Pass with Result: the result, no afterInputPath/afterParameters (BASE_RESULT_PASS_STATE).
  const withResult = (await run({ Type: 'Pass', Result: { resultKey: 'result value' }, End: true }, { inspectionLevel: 'DEBUG' })).inspectionData!;
  assert.deepEqual(Object.keys(withResult).sort(), ['afterResultPath', 'afterResultSelector', 'input', 'result']);
  // A Task: the result as the integration gave it, before ResultSelector (test_base_lambda_task_state[DEBUG]).
  const task = (await run({ ...lambdaTask, ResultSelector: { 'p.$': '$.Payload' } }, { mock: { result: '{"Payload":"HelloWorld!"}' }, inspectionLevel: 'DEBUG' })).inspectionData!;
  assert.deepEqual(JSON.parse(task.result!), { Payload: 'HelloWorld!' });
  assert.deepEqual(JSON.parse(task.afterResultSelector!), { p: 'HelloWorld!' });
  assert.deepEqual(JSON.parse(task.afterParameters!), { FunctionName: 'f', Payload: { inputData: 'HelloWorld' } });
  // Fail stops after InputPath (BASE_FAIL_STATE), and so does Choice (BASE_CHOICE_STATE).
  const fail = await run({ Type: 'Fail', Error: 'SomeFailure', Cause: 'c' }, { inspectionLevel: 'DEBUG' });
  assert.deepEqual(Object.keys(fail.inspectionData!).sort(), ['afterInputPath', 'input']);
  const choice = await run({ Type: 'Choice', Choices: [{ Variable: '$.inputData', StringEquals: 'HelloWorld', Next: 'A' }], Default: 'B' }, { inspectionLevel: 'DEBUG' });
  assert.equal(choice.nextState, 'A');
  assert.deepEqual(Object.keys(choice.inspectionData!).sort(), ['afterInputPath', 'input']);
});
