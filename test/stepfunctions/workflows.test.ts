import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  CreateActivityCommand,
  DescribeExecutionCommand,
  GetActivityTaskCommand,
  SendTaskSuccessCommand,
  StartSyncExecutionCommand,
  CreateStateMachineCommand,
  ListExecutionsCommand,
} from '@aws-sdk/client-sfn';
import { setup, machine, start, waitFor, history, fakeLambda, ROLE, type Env } from './helpers.js';

const LAMBDA_ARN = (name: string) => `arn:aws:lambda:us-east-1:000000000000:function:${name}`;

/** Advances the platform clock step by step until the execution ends (waits, retries, timeouts). */
async function drive(env: Env, arn: string, stepMs: number) {
  for (let i = 0; i < 500; i++) {
    const d = await env.client.send(new DescribeExecutionCommand({ executionArn: arn }));
    if (d.status !== 'RUNNING') return d;
    env.server.clock.advance(stepMs);
    await new Promise((r) => setTimeout(r, 2));
  }
  throw new Error('execution did not end');
}

test('a Lambda-backed workflow: plain function ARN and lambda:invoke with ResultSelector', async () => {
  const calls: { name: string; event: any; type: string }[] = [];
  const env = await setup({ extra: [fakeLambda({ double: (e) => ({ n: e.n * 2 }), add: (e) => e.n + 1 }, calls)] });
  try {
    const sm = await machine(env, {
      StartAt: 'Double',
      States: {
        Double: { Type: 'Task', Resource: LAMBDA_ARN('double'), Next: 'Add' },
        Add: {
          Type: 'Task',
          Resource: 'arn:aws:states:::lambda:invoke',
          Parameters: { FunctionName: LAMBDA_ARN('add'), 'Payload.$': '$' },
          ResultSelector: { 'value.$': '$.Payload', 'status.$': '$.StatusCode' },
          End: true,
        },
      },
    });
    const arn = await start(env, sm, { n: 20 });
    const d = await waitFor(env, arn);
    assert.equal(d.status, 'SUCCEEDED');
    assert.deepEqual(JSON.parse(d.output!), { value: 41, status: 200 });
    assert.deepEqual(calls.map((c) => [c.name, c.event]), [['double', { n: 20 }], ['add', { n: 40 }]]);
    const types = (await history(env, arn)).map((e) => e.type);
    assert.deepEqual(types, [
      'ExecutionStarted',
      'TaskStateEntered',
      'LambdaFunctionScheduled',
      'LambdaFunctionStarted',
      'LambdaFunctionSucceeded',
      'TaskStateExited',
      'TaskStateEntered',
      'TaskScheduled',
      'TaskStarted',
      'TaskSucceeded',
      'TaskStateExited',
      'ExecutionSucceeded',
    ]);
    const scheduled = (await history(env, arn)).find((e) => e.type === 'TaskScheduled')!;
    assert.equal(scheduled.taskScheduledEventDetails!.resourceType, 'lambda');
    assert.equal(scheduled.taskScheduledEventDetails!.resource, 'invoke');
    assert.deepEqual(JSON.parse(scheduled.taskScheduledEventDetails!.parameters!), { FunctionName: LAMBDA_ARN('add'), Payload: { n: 40 } });
  } finally {
    await env.stop();
  }
});

test('Retry then Catch: a failing Lambda is retried with backoff on the platform clock, then caught', async () => {
  const calls: { name: string; event: any; type: string }[] = [];
  const env = await setup({
    extra: [
      fakeLambda(
        {
          flaky: () => {
            const e = new Error('still broken');
            e.name = 'CustomError';
            throw e;
          },
        },
        calls,
      ),
    ],
  });
  try {
    const sm = await machine(env, {
      StartAt: 'Call',
      States: {
        Call: {
          Type: 'Task',
          Resource: LAMBDA_ARN('flaky'),
          Retry: [{ ErrorEquals: ['CustomError'], IntervalSeconds: 2, MaxAttempts: 2, BackoffRate: 3 }],
          Catch: [{ ErrorEquals: ['States.ALL'], ResultPath: '$.error', Next: 'Fallback' }],
          End: true,
        },
        Fallback: { Type: 'Pass', End: true },
      },
    });
    const arn = await start(env, sm, { id: 7 });
    const d = await drive(env, arn, 1000);
    assert.equal(d.status, 'SUCCEEDED');
    assert.equal(calls.length, 3, 'one call and two retries');
    const out = JSON.parse(d.output!);
    assert.equal(out.id, 7);
    assert.equal(out.error.Error, 'CustomError');
    assert.equal(JSON.parse(out.error.Cause).errorMessage, 'still broken');
    const types = (await history(env, arn)).map((e) => e.type);
    assert.equal(types.filter((t) => t === 'LambdaFunctionFailed').length, 3);
    assert.deepEqual(types.slice(-4), ['TaskStateExited', 'PassStateEntered', 'PassStateExited', 'ExecutionSucceeded']);
  } finally {
    await env.stop();
  }
});

test('Parallel and Map with failures tolerated: Catch on a Parallel branch, ToleratedFailureCount on a distributed Map', async () => {
  const env = await setup();
  try {
    const failing = {
      StartAt: 'Check',
      States: {
        Check: { Type: 'Choice', Choices: [{ Variable: '$', NumericEquals: 2, Next: 'Boom' }], Default: 'Ok' },
        Boom: { Type: 'Fail', Error: 'ItemFailed', Cause: 'item 2' },
        Ok: { Type: 'Pass', End: true },
      },
    };
    const mapDef = (tolerated: number) => ({
      StartAt: 'Map',
      States: {
        Map: {
          Type: 'Map',
          ItemProcessor: { ProcessorConfig: { Mode: 'DISTRIBUTED', ExecutionType: 'STANDARD' }, ...failing },
          ToleratedFailureCount: tolerated,
          End: true,
        },
      },
    });
    const tolerant = await start(env, await machine(env, mapDef(1)), [1, 2, 3]);
    const ok = await waitFor(env, tolerant);
    assert.equal(ok.status, 'SUCCEEDED');
    const strict = await start(env, await machine(env, mapDef(0)), [1, 2, 3]);
    const failed = await waitFor(env, strict);
    assert.equal(failed.status, 'FAILED');
    assert.equal(failed.error, 'States.ExceedToleratedFailureThreshold');
    const types = (await history(env, strict)).map((e) => e.type);
    assert.deepEqual(types.slice(-3), ['MapRunFailed', 'MapStateFailed', 'ExecutionFailed']);

    const par = await machine(env, {
      StartAt: 'P',
      States: {
        P: {
          Type: 'Parallel',
          Branches: [
            { StartAt: 'A', States: { A: { Type: 'Pass', Result: 'a', End: true } } },
            { StartAt: 'B', States: { B: { Type: 'Fail', Error: 'BranchFailed', Cause: 'b' } } },
          ],
          Catch: [{ ErrorEquals: ['BranchFailed'], Next: 'Recovered' }],
          End: true,
        },
        Recovered: { Type: 'Pass', End: true },
      },
    });
    const p = await waitFor(env, await start(env, par, {}));
    assert.equal(p.status, 'SUCCEEDED');
    assert.deepEqual(JSON.parse(p.output!), { Error: 'BranchFailed', Cause: 'b' });

    const inline = await machine(env, {
      StartAt: 'M',
      States: { M: { Type: 'Map', MaxConcurrency: 2, ItemProcessor: { StartAt: 'I', States: { I: { Type: 'Pass', Parameters: { 'v.$': '$' }, End: true } } }, End: true } },
    });
    const m = await waitFor(env, await start(env, inline, [1, 2, 3]));
    assert.deepEqual(JSON.parse(m.output!), [{ v: 1 }, { v: 2 }, { v: 3 }]);
  } finally {
    await env.stop();
  }
});

test('task token: an approval completed by SendTaskSuccess, and one timed out by its heartbeat', async () => {
  const calls: { name: string; event: any; type: string }[] = [];
  const env = await setup({ extra: [fakeLambda({ ask: () => ({ asked: true }) }, calls)] });
  try {
    const sm = await machine(env, {
      StartAt: 'Approve',
      States: {
        Approve: {
          Type: 'Task',
          Resource: 'arn:aws:states:::lambda:invoke.waitForTaskToken',
          Parameters: { FunctionName: 'ask', Payload: { 'token.$': '$$.Task.Token', 'request.$': '$.request' } },
          HeartbeatSeconds: 30,
          End: true,
        },
      },
    });
    const arn = await start(env, sm, { request: 'deploy' });
    await waitFor(env, arn, (_d, h) => h.some((e) => e.type === 'TaskSubmitted'));
    assert.equal(calls.length, 1);
    assert.equal(calls[0]!.type, 'Event');
    assert.equal(calls[0]!.event.request, 'deploy');
    await env.client.send(new SendTaskSuccessCommand({ taskToken: calls[0]!.event.token, output: JSON.stringify({ approved: true }) }));
    const d = await waitFor(env, arn);
    assert.equal(d.status, 'SUCCEEDED');
    assert.deepEqual(JSON.parse(d.output!), { approved: true });
    await assert.rejects(
      env.client.send(new SendTaskSuccessCommand({ taskToken: calls[0]!.event.token, output: '{}' })),
      (e: Error) => e.name === 'TaskTimedOut',
    );

    const late = await start(env, sm, { request: 'ignored' });
    await waitFor(env, late, (_d, h) => h.some((e) => e.type === 'TaskSubmitted'));
    env.server.clock.advance(31_000);
    const t = await waitFor(env, late);
    assert.equal(t.status, 'FAILED');
    assert.equal(t.error, 'States.HeartbeatTimeout');
    const types = (await history(env, late)).map((e) => e.type);
    assert.deepEqual(types.slice(-2), ['TaskTimedOut', 'ExecutionFailed']);
  } finally {
    await env.stop();
  }
});

test('an activity worker loop: GetActivityTask long poll, SendTaskSuccess, two tasks in sequence', async () => {
  const env = await setup();
  try {
    const { activityArn } = await env.client.send(new CreateActivityCommand({ name: 'worker' }));
    const sm = await machine(env, {
      StartAt: 'First',
      States: {
        First: { Type: 'Task', Resource: activityArn, Next: 'Second' },
        Second: { Type: 'Task', Resource: activityArn, TimeoutSeconds: 300, End: true },
      },
    });
    const worker = (async () => {
      let done = 0;
      while (done < 2) {
        const task = await env.client.send(new GetActivityTaskCommand({ activityArn, workerName: 'w1' }));
        if (!task.taskToken) continue;
        const input = JSON.parse(task.input!);
        await env.client.send(new SendTaskSuccessCommand({ taskToken: task.taskToken, output: JSON.stringify({ n: input.n * 10 }) }));
        done++;
      }
    })();
    const arn = await start(env, sm, { n: 1 });
    await worker;
    const d = await waitFor(env, arn);
    assert.equal(d.status, 'SUCCEEDED');
    assert.deepEqual(JSON.parse(d.output!), { n: 100 });
    const h = await history(env, arn);
    const started = h.filter((e) => e.type === 'ActivityStarted');
    assert.equal(started.length, 2);
    assert.equal(started[0]!.activityStartedEventDetails!.workerName, 'w1');
    assert.equal(h.find((e) => e.type === 'ActivityScheduled')!.activityScheduledEventDetails!.resource, activityArn);
  } finally {
    await env.stop();
  }
});

test('Express: StartSyncExecution returns the result; Standard-only APIs answer AWS errors', async () => {
  const env = await setup();
  try {
    const sm = await machine(
      env,
      { StartAt: 'P', States: { P: { Type: 'Pass', Parameters: { 'sum.$': 'States.MathAdd($.a, $.b)' }, End: true } } },
      'EXPRESS',
    );
    const out = await env.client.send(new StartSyncExecutionCommand({ stateMachineArn: sm, input: JSON.stringify({ a: 2, b: 3 }) }));
    assert.equal(out.status, 'SUCCEEDED');
    assert.deepEqual(JSON.parse(out.output!), { sum: 5 });
    assert.match(out.executionArn!, /^arn:aws:states:us-east-1:000000000000:express:sm-\d+-\d+:[^:]+:[0-9a-f-]{36}$/);
    await assert.rejects(env.client.send(new DescribeExecutionCommand({ executionArn: out.executionArn })), (e: Error) => {
      assert.equal(e.name, 'InvalidArn');
      assert.equal(e.message, "Invalid Arn: 'Resource type not valid in this context: express'");
      return true;
    });
    const failing = await machine(env, { StartAt: 'F', States: { F: { Type: 'Fail', Error: 'Nope', Cause: 'because' } } }, 'EXPRESS');
    const f = await env.client.send(new StartSyncExecutionCommand({ stateMachineArn: failing }));
    assert.equal(f.status, 'FAILED');
    assert.equal(f.error, 'Nope');
    assert.equal(f.cause, 'because');
    const standard = await machine(env, { StartAt: 'P', States: { P: { Type: 'Pass', End: true } } });
    await assert.rejects(env.client.send(new StartSyncExecutionCommand({ stateMachineArn: standard })), (e: Error) => {
      assert.equal(e.name, 'StateMachineTypeNotSupported');
      return true;
    });
    await assert.rejects(
      env.client.send(new CreateStateMachineCommand({ name: 'bad', roleArn: ROLE, definition: JSON.stringify({ StartAt: 'X' }) })),
      (e: Error) => {
        assert.equal(e.name, 'InvalidDefinition');
        assert.equal(e.message, "Invalid State Machine Definition: 'SCHEMA_VALIDATION_FAILED: These fields are required: [States] at /'");
        return true;
      },
    );
  } finally {
    await env.stop();
  }
});

test('a Standard execution survives a restart mid-Wait and does not run completed states again', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'stratus-sfn-'));
  const calls: { name: string; event: any; type: string }[] = [];
  const lambda = fakeLambda({ once: (e) => ({ ...e, called: true }) }, calls);
  try {
    const first = await setup({ config: { dataDir: dir }, extra: [lambda] });
    const sm = await machine(first, {
      StartAt: 'Call',
      States: {
        Call: { Type: 'Task', Resource: LAMBDA_ARN('once'), Next: 'Wait' },
        Wait: { Type: 'Wait', Seconds: 3600, Next: 'Done' },
        Done: { Type: 'Pass', Result: 'finished', ResultPath: '$.result', End: true },
      },
    });
    const arn = await start(first, sm, { x: 1 });
    await waitFor(first, arn, (_d, h) => h.some((e) => e.type === 'WaitStateEntered'));
    await first.stop();

    const second = await setup({ config: { dataDir: dir }, extra: [lambda] });
    try {
      const d = await drive(second, arn, 600_000);
      assert.equal(d.status, 'SUCCEEDED');
      assert.deepEqual(JSON.parse(d.output!), { x: 1, called: true, result: 'finished' });
      assert.equal(calls.length, 1, 'the completed Task state did not run again');
      const h = await history(second, arn);
      assert.equal(h.filter((e) => e.type === 'WaitStateEntered').length, 1);
      assert.deepEqual(
        h.map((e) => e.id),
        h.map((_e, i) => i + 1),
      );
      assert.equal(h.find((e) => e.type === 'WaitStateExited')!.previousEventId, h.find((e) => e.type === 'WaitStateEntered')!.id);
    } finally {
      await second.stop();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('RedriveExecution restarts a failed Standard execution from the state that failed', async () => {
  let calls = 0;
  const env = await setup({
    extra: [
      fakeLambda({
        flaky: (e) => {
          calls++;
          if (calls === 1) {
            const err = new Error('first call fails');
            err.name = 'Transient';
            throw err;
          }
          return { ...e, ok: true };
        },
      }),
    ],
  });
  try {
    const sm = await machine(env, {
      StartAt: 'Prepare',
      States: {
        Prepare: { Type: 'Pass', Result: 1, ResultPath: '$.prepared', Next: 'Call' },
        Call: { Type: 'Task', Resource: LAMBDA_ARN('flaky'), Parameters: { 'input.$': '$', 'redrives.$': '$$.Execution.RedriveCount' }, End: true },
      },
    });
    const arn = await start(env, sm, { x: 1 });
    const failed = await waitFor(env, arn);
    assert.equal(failed.status, 'FAILED');
    assert.equal(failed.redriveStatus, 'REDRIVABLE');
    const done = await env.client.send(new DescribeExecutionCommand({ executionArn: arn }));
    assert.equal(done.redriveCount, 0);
    const { RedriveExecutionCommand } = await import('@aws-sdk/client-sfn');
    const r = await env.client.send(new RedriveExecutionCommand({ executionArn: arn }));
    assert.ok(r.redriveDate instanceof Date);
    const d = await waitFor(env, arn);
    assert.equal(d.status, 'SUCCEEDED');
    assert.equal(d.redriveCount, 1);
    assert.deepEqual(JSON.parse(d.output!), { input: { x: 1, prepared: 1 }, redrives: 1, ok: true });
    const types = (await history(env, arn)).map((e) => e.type);
    assert.equal(types.filter((t) => t === 'PassStateEntered').length, 1, 'the completed Pass state is not run again');
    assert.deepEqual(types.slice(types.indexOf('ExecutionFailed'), types.indexOf('ExecutionFailed') + 3), ['ExecutionFailed', 'ExecutionRedriven', 'TaskStateEntered']);
    await assert.rejects(env.client.send(new RedriveExecutionCommand({ executionArn: arn })), (e: Error) => {
      assert.equal(e.name, 'ExecutionNotRedrivable');
      assert.equal(e.message, 'Execution is SUCCEEDED and cannot be redriven');
      return true;
    });
  } finally {
    await env.stop();
  }
});

test('TestState runs one state: nextState, Choice, Fail, a caught error and a retriable one', async () => {
  const env = await setup({
    extra: [
      fakeLambda({
        boom: () => {
          const e = new Error('nope');
          e.name = 'Boom';
          throw e;
        },
      }),
    ],
  });
  try {
    const { TestStateCommand } = await import('@aws-sdk/client-sfn');
    const run = (definition: unknown, input: unknown = {}, extra: Record<string, unknown> = {}) =>
      env.client.send(new TestStateCommand({ definition: JSON.stringify(definition), roleArn: ROLE, input: JSON.stringify(input), ...extra }));
    const pass = await run({ Type: 'Pass', Parameters: { 'v.$': 'States.MathAdd($.a, $x)' }, Next: 'After' }, { a: 1 }, { variables: JSON.stringify({ x: 2 }) });
    assert.equal(pass.status, 'SUCCEEDED');
    assert.deepEqual(JSON.parse(pass.output!), { v: 3 });
    assert.equal(pass.nextState, 'After');
    const choice = await run({ Type: 'Choice', Choices: [{ Variable: '$.n', NumericGreaterThan: 1, Next: 'Big' }], Default: 'Small' }, { n: 5 });
    assert.equal(choice.nextState, 'Big');
    const fail = await run({ Type: 'Fail', Error: 'E', Cause: 'C' });
    assert.equal(fail.status, 'FAILED');
    assert.equal(fail.error, 'E');
    assert.equal(fail.cause, 'C');
    const task = { Type: 'Task', Resource: 'arn:aws:lambda:us-east-1:000000000000:function:boom', End: true };
    const caught = await run({ ...task, Catch: [{ ErrorEquals: ['Boom'], Next: 'Handler' }] });
    assert.equal(caught.status, 'CAUGHT_ERROR');
    assert.equal(caught.nextState, 'Handler');
    assert.equal(JSON.parse(caught.output!).Error, 'Boom');
    const retriable = await run({ ...task, Retry: [{ ErrorEquals: ['Boom'] }] });
    assert.equal(retriable.status, 'RETRIABLE');
    assert.equal(retriable.error, 'Boom');
  } finally {
    await env.stop();
  }
});

test('kill -9 mid-Wait: the spawned server comes back and the execution resumes where it was', async () => {
  const { spawnServer } = await import('../helpers/server.js');
  const { SFNClient, CreateStateMachineCommand: Create, StartExecutionCommand: Start, GetExecutionHistoryCommand: History } = await import('@aws-sdk/client-sfn');
  const { clientConfig } = await import('../helpers/server.js');
  const dir = mkdtempSync(join(tmpdir(), 'stratus-sfn-kill-'));
  try {
    const first = await spawnServer(['--data-dir', dir]);
    let executionArn: string;
    {
      const client = new SFNClient({ ...clientConfig(first.endpoint), disableHostPrefix: true });
      const sm = await client.send(
        new Create({
          name: 'killed',
          roleArn: ROLE,
          definition: JSON.stringify({ StartAt: 'W', States: { W: { Type: 'Wait', Seconds: 3600, Next: 'P' }, P: { Type: 'Pass', Result: 'after', End: true } } }),
        }),
      );
      executionArn = (await client.send(new Start({ stateMachineArn: sm.stateMachineArn, input: '{}' }))).executionArn!;
      for (let i = 0; i < 500; i++) {
        const h = await client.send(new History({ executionArn }));
        if (h.events?.some((e) => e.type === 'WaitStateEntered')) break;
        await new Promise((r) => setTimeout(r, 10));
      }
      client.destroy();
    }
    await first.kill('SIGKILL');
    const second = await spawnServer(['--data-dir', dir]);
    try {
      const client = new SFNClient({ ...clientConfig(second.endpoint), disableHostPrefix: true });
      let status = 'RUNNING';
      for (let i = 0; i < 500 && status === 'RUNNING'; i++) {
        await fetch(`${second.endpoint}/_stratus/clock`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ advanceMs: 600_000 }) });
        status = (await client.send(new DescribeExecutionCommand({ executionArn }))).status!;
        await new Promise((r) => setTimeout(r, 10));
      }
      assert.equal(status, 'SUCCEEDED');
      const types = ((await client.send(new History({ executionArn }))).events ?? []).map((e) => e.type);
      assert.deepEqual(types, ['ExecutionStarted', 'WaitStateEntered', 'WaitStateExited', 'PassStateEntered', 'PassStateExited', 'ExecutionSucceeded']);
      client.destroy();
    } finally {
      await second.stop();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('GetExecutionHistory pages (maxResults/nextToken), reverseOrder and includeExecutionData=false', async () => {
  const env = await setup();
  try {
    const { GetExecutionHistoryCommand } = await import('@aws-sdk/client-sfn');
    const sm = await machine(env, { StartAt: 'A', States: { A: { Type: 'Pass', Next: 'B' }, B: { Type: 'Pass', Next: 'C' }, C: { Type: 'Pass', End: true } } });
    const arn = await start(env, sm, { secret: 's' });
    await waitFor(env, arn);
    const all = await history(env, arn);
    assert.equal(all.length, 8);
    const p1 = await env.client.send(new GetExecutionHistoryCommand({ executionArn: arn, maxResults: 3 }));
    assert.deepEqual(p1.events!.map((e) => e.id), [1, 2, 3]);
    assert.ok(p1.nextToken);
    const p2 = await env.client.send(new GetExecutionHistoryCommand({ executionArn: arn, maxResults: 3, nextToken: p1.nextToken }));
    assert.deepEqual(p2.events!.map((e) => e.id), [4, 5, 6]);
    const rev = await env.client.send(new GetExecutionHistoryCommand({ executionArn: arn, reverseOrder: true }));
    assert.deepEqual(rev.events!.map((e) => e.id), [8, 7, 6, 5, 4, 3, 2, 1]);
    const bare = await env.client.send(new GetExecutionHistoryCommand({ executionArn: arn, includeExecutionData: false }));
    assert.equal(bare.events![0]!.executionStartedEventDetails!.input, undefined);
    assert.equal(bare.events![0]!.executionStartedEventDetails!.roleArn, ROLE);
    assert.equal(bare.events![2]!.stateExitedEventDetails!.name, 'A');
    assert.equal(bare.events![2]!.stateExitedEventDetails!.output, undefined);
    await assert.rejects(
      env.client.send(new GetExecutionHistoryCommand({ executionArn: arn.replace(/:[^:]+$/, ':missing') })),
      (e: Error) => e.name === 'ExecutionDoesNotExist',
    );
  } finally {
    await env.stop();
  }
});

test('ListExecutions statusFilter: an invalid value lists the enum in the order AWS prints it', async () => {
  const env = await setup();
  try {
    const arn = await machine(env, { StartAt: 'A', States: { A: { Type: 'Pass', End: true } } });
    await assert.rejects(
      env.client.send(new ListExecutionsCommand({ stateMachineArn: arn, statusFilter: 'succeeded' as never })),
      (e: Error) => {
        assert.equal(e.name, 'ValidationException');
        assert.equal(
          e.message,
          "1 validation error detected: Value 'succeeded' at 'statusFilter' failed to satisfy constraint: Member must satisfy enum value set: [SUCCEEDED, TIMED_OUT, PENDING_REDRIVE, ABORTED, FAILED, RUNNING]",
        );
        return true;
      },
    );
  } finally {
    await env.stop();
  }
});
