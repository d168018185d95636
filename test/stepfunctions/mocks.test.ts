/**
 * Mocked service integrations in the mock configuration format of AWS Step Functions Local
 * (https://docs.aws.amazon.com/step-functions/latest/dg/sfn-local-mock-cfg-file.html, "Mock
 * configuration file structure"; test cases selected as in
 * https://docs.aws.amazon.com/step-functions/latest/dg/sfn-local-test-sm-exec.html, step 3:
 * `--state-machine-arn <arn>#HappyPath`). No Lambda or SQS service runs behind these servers: a
 * mocked state never calls its resource.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CreateStateMachineCommand, DescribeExecutionCommand, StartExecutionCommand, StartSyncExecutionCommand } from '@aws-sdk/client-sfn';
import { setup, waitFor, history, ROLE, type Env } from './helpers.js';

/** The documented example (sfn-local-mock-cfg-file.html), plus a task-token and a failure case. */
const MOCK_CONFIG = {
  StateMachines: {
    LambdaSQSIntegration: {
      TestCases: {
        HappyPath: { LambdaState: 'MockedLambdaSuccess', SQSState: 'MockedSQSSuccess' },
        RetryPath: { LambdaState: 'MockedLambdaRetry', SQSState: 'MockedSQSSuccess' },
        CallbackPath: { LambdaState: 'MockedLambdaSuccess', SQSState: 'MockedCallbackAnswer' },
        FailPath: { LambdaState: 'MockedLambdaFatal' },
      },
    },
  },
  MockedResponses: {
    MockedLambdaSuccess: { '0': { Return: { StatusCode: 200, Payload: { StatusCode: 200, body: 'Hello from Lambda!' } } } },
    MockedSQSSuccess: { '0': { Return: { MD5OfMessageBody: '3bcb6e8e-7h85-4375-b0bc-1a59812c6e51', MessageId: '3bcb6e8e-8b51-4375-b0bc-1a59812c6e51' } } },
    MockedLambdaRetry: {
      '0': { Throw: { Error: 'Lambda.ResourceNotReadyException', Cause: 'Lambda resource is not ready.' } },
      '1-2': { Throw: { Error: 'Lambda.TimeoutException', Cause: 'Lambda timed out.' } },
      '3': { Return: { StatusCode: 200, Payload: { StatusCode: 200, body: 'Hello from Lambda!' } } },
    },
    MockedCallbackAnswer: { '0': { Return: { approved: true } } },
    MockedLambdaFatal: { '0': { Throw: { Error: 'Lambda.ServiceException', Cause: 'mocked outage' } } },
  },
};

function definition(sqsResource: string) {
  return {
    StartAt: 'LambdaState',
    States: {
      LambdaState: {
        Type: 'Task',
        Resource: 'arn:aws:states:::lambda:invoke',
        Parameters: { FunctionName: 'HelloWorldFunction', 'Payload.$': '$' },
        Retry: [{ ErrorEquals: ['Lambda.ResourceNotReadyException', 'Lambda.TimeoutException'], IntervalSeconds: 1, BackoffRate: 1, MaxAttempts: 3 }],
        Catch: [{ ErrorEquals: ['States.ALL'], ResultPath: '$.error', Next: 'Failed' }],
        Next: 'SQSState',
      },
      SQSState: {
        Type: 'Task',
        Resource: sqsResource,
        Parameters: { QueueUrl: 'https://sqs.us-east-1.amazonaws.com/000000000000/q', MessageBody: sqsResource.endsWith('.waitForTaskToken') ? { 'TaskToken.$': '$$.Task.Token' } : { 'Message.$': '$.Payload.body' } },
        End: true,
      },
      Failed: { Type: 'Fail', Error: 'Caught', Cause: 'the mocked Lambda failed' },
    },
  };
}

async function withMocks(fn: (env: Env, arnOf: (type?: 'STANDARD' | 'EXPRESS', sqs?: string) => Promise<string>) => Promise<void>) {
  const dir = mkdtempSync(join(tmpdir(), 'sfn-mocks-'));
  const file = join(dir, 'MockConfigFile.json');
  writeFileSync(file, JSON.stringify(MOCK_CONFIG));
  const env = await setup({ config: { services: { stepfunctions: { mockConfig: file } } } });
  try {
    await fn(env, async (type = 'STANDARD', sqs = 'arn:aws:states:::sqs:sendMessage') => {
      // The test cases belong to the machine named LambdaSQSIntegration: one server per machine type.
      const out = await env.client.send(
        new CreateStateMachineCommand({ name: 'LambdaSQSIntegration', definition: JSON.stringify(definition(sqs)), roleArn: ROLE, type }),
      );
      return out.stateMachineArn!;
    });
  } finally {
    await env.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Advances the platform clock until the execution ends (retry intervals wait on it). */
async function drive(env: Env, arn: string) {
  for (let i = 0; i < 500; i++) {
    const d = await env.client.send(new DescribeExecutionCommand({ executionArn: arn }));
    if (d.status !== 'RUNNING') return d;
    env.server.clock.advance(1000);
    await new Promise((r) => setTimeout(r, 2));
  }
  throw new Error('execution did not end');
}

const shape = (events: Awaited<ReturnType<typeof history>>) => events.map((e) => e.type);

test('HappyPath: mocked tasks record Scheduled/Started/Succeeded with the mocked Return as output', async () => {
  await withMocks(async (env, arnOf) => {
    const sm = await arnOf();
    const { executionArn } = await env.client.send(new StartExecutionCommand({ stateMachineArn: `${sm}#HappyPath`, input: '{"x":1}' }));
    const d = await waitFor(env, executionArn!);
    assert.equal(d.status, 'SUCCEEDED', `${d.error}: ${d.cause}`);
    assert.deepEqual(JSON.parse(d.output!), MOCK_CONFIG.MockedResponses.MockedSQSSuccess['0'].Return);
    const h = await history(env, executionArn!);
    assert.deepEqual(shape(h), [
      'ExecutionStarted',
      'TaskStateEntered', 'TaskScheduled', 'TaskStarted', 'TaskSucceeded', 'TaskStateExited',
      'TaskStateEntered', 'TaskScheduled', 'TaskStarted', 'TaskSucceeded', 'TaskStateExited',
      'ExecutionSucceeded',
    ]);
    const lambda = h.find((e) => e.type === 'TaskSucceeded')!.taskSucceededEventDetails!;
    assert.equal(lambda.resourceType, 'lambda');
    assert.equal(lambda.resource, 'invoke');
    assert.deepEqual(JSON.parse(lambda.output!), MOCK_CONFIG.MockedResponses.MockedLambdaSuccess['0'].Return);
    // The scheduled parameters are the state's, evaluated as usual.
    const sched = h.find((e) => e.type === 'TaskScheduled')!.taskScheduledEventDetails!;
    assert.deepEqual(JSON.parse(sched.parameters!), { FunctionName: 'HelloWorldFunction', Payload: { x: 1 } });
    // The execution itself is an ordinary one of the machine.
    assert.equal(d.stateMachineArn, sm);
  });
});

test('RetryPath: "0" and "1-2" Throw, "3" Return; each retry takes the next invocation (Retry with MaxAttempts 3)', async () => {
  await withMocks(async (env, arnOf) => {
    const sm = await arnOf();
    const { executionArn } = await env.client.send(new StartExecutionCommand({ stateMachineArn: `${sm}#RetryPath`, input: '{}' }));
    const d = await drive(env, executionArn!);
    assert.equal(d.status, 'SUCCEEDED');
    const h = await history(env, executionArn!);
    const failed = h.filter((e) => e.type === 'TaskFailed').map((e) => [e.taskFailedEventDetails!.error, e.taskFailedEventDetails!.cause]);
    assert.deepEqual(failed, [
      ['Lambda.ResourceNotReadyException', 'Lambda resource is not ready.'],
      ['Lambda.TimeoutException', 'Lambda timed out.'],
      ['Lambda.TimeoutException', 'Lambda timed out.'],
    ]);
    assert.equal(h.filter((e) => e.type === 'TaskScheduled').length, 5);
    assert.equal(h.find((e) => e.type === 'TaskFailed')!.taskFailedEventDetails!.resourceType, 'lambda');
  });
});

test('a Throw that no retrier takes is caught: TaskFailed with the mocked error and cause, then the Catch path', async () => {
  await withMocks(async (env, arnOf) => {
    const sm = await arnOf();
    const { executionArn } = await env.client.send(new StartExecutionCommand({ stateMachineArn: `${sm}#FailPath` }));
    const d = await waitFor(env, executionArn!);
    assert.equal(d.status, 'FAILED');
    assert.equal(d.error, 'Caught');
    const h = await history(env, executionArn!);
    const f = h.find((e) => e.type === 'TaskFailed')!.taskFailedEventDetails!;
    assert.deepEqual([f.error, f.cause], ['Lambda.ServiceException', 'mocked outage']);
    const exited = h.find((e) => e.type === 'TaskStateExited')!.stateExitedEventDetails!;
    assert.deepEqual(JSON.parse(exited.output!).error, { Error: 'Lambda.ServiceException', Cause: 'mocked outage' });
  });
});

test('.waitForTaskToken mocked: TaskSubmitted, then the mocked Return is the token answer (no SendTaskSuccess)', async () => {
  await withMocks(async (env, arnOf) => {
    const sm = await arnOf('STANDARD', 'arn:aws:states:::sqs:sendMessage.waitForTaskToken');
    const { executionArn } = await env.client.send(new StartExecutionCommand({ stateMachineArn: `${sm}#CallbackPath` }));
    const d = await waitFor(env, executionArn!);
    assert.equal(d.status, 'SUCCEEDED');
    assert.deepEqual(JSON.parse(d.output!), { approved: true });
    const h = await history(env, executionArn!);
    assert.deepEqual(shape(h).slice(6), ['TaskStateEntered', 'TaskScheduled', 'TaskStarted', 'TaskSubmitted', 'TaskSucceeded', 'TaskStateExited', 'ExecutionSucceeded']);
    // A token was generated for the message (as Step Functions Local does for mocked .waitForTaskToken tasks).
    const params = JSON.parse(h.find((e) => e.type === 'TaskScheduled' && e.taskScheduledEventDetails!.resourceType === 'sqs')!.taskScheduledEventDetails!.parameters!);
    assert.equal(typeof params.MessageBody.TaskToken, 'string');
    assert.ok(params.MessageBody.TaskToken.length > 0);
  });
});

test('Express StartSyncExecution under a test case; a state the test case does not mock calls its resource', async () => {
  await withMocks(async (env, arnOf) => {
    const sm = await arnOf('EXPRESS');
    const ok = await env.client.send(new StartSyncExecutionCommand({ stateMachineArn: `${sm}#HappyPath` }));
    assert.equal(ok.status, 'SUCCEEDED');
    // FailPath mocks LambdaState only: no Lambda service here, so an unmocked Lambda call would fail,
    // and without a test case the real integration is called.
    const real = await env.client.send(new StartSyncExecutionCommand({ stateMachineArn: sm }));
    assert.equal(real.status, 'FAILED');
    assert.equal(real.error, 'Caught');
  });
});

test('an unknown test case, or none configured, is refused at StartExecution', async () => {
  await withMocks(async (env, arnOf) => {
    const sm = await arnOf();
    await assert.rejects(env.client.send(new StartExecutionCommand({ stateMachineArn: `${sm}#NoSuchCase` })), (e: any) => {
      assert.equal(e.name, 'ValidationException');
      assert.match(e.message, /Test case 'NoSuchCase' of state machine 'LambdaSQSIntegration'/);
      return true;
    });
  });
  const env = await setup();
  try {
    const out = await env.client.send(new CreateStateMachineCommand({ name: 'Plain', definition: JSON.stringify({ StartAt: 'P', States: { P: { Type: 'Pass', End: true } } }), roleArn: ROLE }));
    await assert.rejects(env.client.send(new StartExecutionCommand({ stateMachineArn: `${out.stateMachineArn}#HappyPath` })), /No mock configuration is loaded/);
  } finally {
    await env.stop();
  }
});

test('a malformed mocked response (ranges not consecutive from 0) is refused', async () => {
  const config = {
    StateMachines: { M: { TestCases: { T: { P: 'Bad' } } } },
    MockedResponses: { Bad: { '0': { Return: 1 }, '2': { Return: 2 } } },
  };
  const env = await setup({ config: { services: { stepfunctions: { mockConfig: config } } } });
  try {
    const out = await env.client.send(new CreateStateMachineCommand({ name: 'M', definition: JSON.stringify({ StartAt: 'P', States: { P: { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', End: true } } }), roleArn: ROLE }));
    await assert.rejects(env.client.send(new StartExecutionCommand({ stateMachineArn: `${out.stateMachineArn}#T` })), /numbered consecutively from 0 \(expected 1, found 2\)/);
  } finally {
    await env.stop();
  }
});
