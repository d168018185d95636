/**
 * Standard executions outlive their process: a task token, a queued activity task and a long Wait
 * survive a clean restart and a kill -9, and the execution ends as it would have without them.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  SFNClient,
  CreateActivityCommand,
  CreateStateMachineCommand,
  DescribeExecutionCommand,
  GetActivityTaskCommand,
  GetExecutionHistoryCommand,
  ListExecutionsCommand,
  SendTaskHeartbeatCommand,
  SendTaskSuccessCommand,
  StartExecutionCommand,
  StopExecutionCommand,
  type HistoryEvent,
} from '@aws-sdk/client-sfn';
import { DynamoDBClient, CreateTableCommand, GetItemCommand } from '@aws-sdk/client-dynamodb';
import { clientConfig, spawnServer } from '../helpers/server.js';
import { peek } from '../../src/jobs/queue.js';
import { EXECUTION_JOB, SfnStore } from '../../src/services/stepfunctions/store.js';
import { TagStore } from '../../src/storage/tags.js';
import { setup, machine, start, waitFor, history, fakeLambda, ROLE, type Env } from './helpers.js';

/** Waits until `running` executions (none by default) run in the server's memory: the others are parked (or over). */
async function parked(endpoint: string, running = 0): Promise<void> {
  await eventually('the park', async () => {
    const health = (await (await fetch(`${endpoint}/_stratus/health`)).json()) as { services: Record<string, { running?: number }> };
    return health.services.stepfunctions?.running === running ? true : undefined;
  });
}

async function eventually<T>(what: string, read: () => Promise<T | undefined>): Promise<T> {
  for (let i = 0; i < 2000; i++) {
    const v = await read();
    if (v !== undefined) return v;
    await new Promise((r) => setTimeout(r, 5));
  }
  throw new Error(`${what} did not happen`);
}

const types = (h: HistoryEvent[]) => h.map((e) => e.type);

/** Ids count up from 1 and each event links to one before it. */
function assertChained(h: HistoryEvent[]): void {
  assert.deepEqual(
    h.map((e) => e.id),
    h.map((_e, i) => i + 1),
  );
  for (const e of h) assert.ok(e.previousEventId! < e.id!);
}

test('a task token survives a server restart: SendTaskSuccess after it completes the execution, without sending the request again', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'stratus-sfn-token-'));
  const calls: { name: string; event: any; type: string }[] = [];
  const lambda = fakeLambda({ ask: () => ({ asked: true }) }, calls);
  try {
    const first = await setup({ config: { dataDir: dir }, extra: [lambda] });
    const sm = await machine(first, {
      StartAt: 'Approve',
      States: {
        Approve: {
          Type: 'Task',
          Resource: 'arn:aws:states:::lambda:invoke.waitForTaskToken',
          Parameters: { FunctionName: 'ask', Payload: { 'token.$': '$$.Task.Token', 'request.$': '$.request' } },
          ResultPath: '$.approval',
          HeartbeatSeconds: 3600,
          Next: 'Done',
        },
        Done: { Type: 'Pass', End: true },
      },
    });
    const arn = await start(first, sm, { request: 'deploy' });
    await waitFor(first, arn, (_d, h) => h.some((e) => e.type === 'TaskSubmitted'));
    await parked(first.server.endpoint);
    await first.stop();
    assert.equal(calls.length, 1);
    const token = calls[0]!.event.token as string;

    const second = await setup({ config: { dataDir: dir }, extra: [lambda] });
    try {
      assert.equal((await second.client.send(new DescribeExecutionCommand({ executionArn: arn }))).status, 'RUNNING');
      await second.client.send(new SendTaskHeartbeatCommand({ taskToken: token }));
      await second.client.send(new SendTaskSuccessCommand({ taskToken: token, output: JSON.stringify({ approved: true }) }));
      const d = await waitFor(second, arn);
      assert.equal(d.status, 'SUCCEEDED');
      assert.deepEqual(JSON.parse(d.output!), { request: 'deploy', approval: { approved: true } });
      assert.equal(calls.length, 1, 'the request was not sent again');
      const h = await history(second, arn);
      assert.deepEqual(types(h), [
        'ExecutionStarted',
        'TaskStateEntered',
        'TaskScheduled',
        'TaskStarted',
        'TaskSubmitted',
        'TaskSucceeded',
        'TaskStateExited',
        'PassStateEntered',
        'PassStateExited',
        'ExecutionSucceeded',
      ]);
      assertChained(h);
      const succeeded = h.find((e) => e.type === 'TaskSucceeded')!;
      assert.equal(succeeded.previousEventId, h.find((e) => e.type === 'TaskSubmitted')!.id);
      assert.deepEqual(JSON.parse(succeeded.taskSucceededEventDetails!.output!), { approved: true });
      await assert.rejects(second.client.send(new SendTaskSuccessCommand({ taskToken: token, output: '{}' })), (e: Error) => e.name === 'TaskTimedOut');
    } finally {
      await second.stop();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

/**
 * Runs `before` against a spawned server on a fresh data directory, waits until its executions are
 * parked, kills it with SIGKILL, then runs `after` against a server spawned on the same directory.
 */
async function acrossKill9<T>(before: (sfn: SFNClient, endpoint: string) => Promise<T>, after: (sfn: SFNClient, state: T) => Promise<void>): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'stratus-sfn-kill-'));
  const client = (endpoint: string) => new SFNClient({ ...clientConfig(endpoint), disableHostPrefix: true });
  try {
    const first = await spawnServer(['--data-dir', dir]);
    let state: T;
    try {
      const sfn = client(first.endpoint);
      state = await before(sfn, first.endpoint);
      await parked(first.endpoint);
      sfn.destroy();
    } finally {
      await first.kill('SIGKILL');
    }
    const second = await spawnServer(['--data-dir', dir]);
    try {
      const sfn = client(second.endpoint);
      await after(sfn, state);
      sfn.destroy();
    } finally {
      await second.stop();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The execution once it left RUNNING, and its history. */
async function outcome(sfn: SFNClient, executionArn: string) {
  const described = await eventually('the end of the execution', async () => {
    const out = await sfn.send(new DescribeExecutionCommand({ executionArn }));
    return out.status === 'RUNNING' ? undefined : out;
  });
  return { described, history: (await sfn.send(new GetExecutionHistoryCommand({ executionArn }))).events ?? [] };
}

test('kill -9 while an execution waits on a task token: SendTaskSuccess to the restarted server completes it', async () => {
  await acrossKill9(
    async (sfn, endpoint) => {
      const ddb = new DynamoDBClient(clientConfig(endpoint));
      await ddb.send(
        new CreateTableCommand({
          TableName: 'approvals',
          BillingMode: 'PAY_PER_REQUEST',
          KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
          AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }],
        }),
      );
      const sm = await sfn.send(
        new CreateStateMachineCommand({
          name: 'approval',
          roleArn: ROLE,
          definition: JSON.stringify({
            StartAt: 'Ask',
            States: {
              Ask: {
                Type: 'Task',
                Resource: 'arn:aws:states:::dynamodb:putItem.waitForTaskToken',
                Parameters: { TableName: 'approvals', Item: { id: { S: 'one' }, token: { 'S.$': '$$.Task.Token' } } },
                End: true,
              },
            },
          }),
        }),
      );
      const executionArn = (await sfn.send(new StartExecutionCommand({ stateMachineArn: sm.stateMachineArn, input: '{"n":1}' }))).executionArn!;
      const token = await eventually('the request', async () => (await ddb.send(new GetItemCommand({ TableName: 'approvals', Key: { id: { S: 'one' } } }))).Item?.token?.S);
      ddb.destroy();
      return { executionArn, token };
    },
    async (sfn, { executionArn, token }) => {
      await sfn.send(new SendTaskSuccessCommand({ taskToken: token, output: JSON.stringify({ approved: 'yes' }) }));
      const { described, history: h } = await outcome(sfn, executionArn);
      assert.equal(described.status, 'SUCCEEDED');
      assert.deepEqual(JSON.parse(described.output!), { approved: 'yes' });
      assert.deepEqual(types(h), ['ExecutionStarted', 'TaskStateEntered', 'TaskScheduled', 'TaskStarted', 'TaskSubmitted', 'TaskSucceeded', 'TaskStateExited', 'ExecutionSucceeded']);
      assertChained(h);
    },
  );
});

test('an activity task queued before a kill -9 is handed out by GetActivityTask after the restart, and its answer completes the execution', async () => {
  await acrossKill9(
    async (sfn) => {
      const activityArn = (await sfn.send(new CreateActivityCommand({ name: 'durable-worker' }))).activityArn!;
      const sm = await sfn.send(
        new CreateStateMachineCommand({
          name: 'activity',
          roleArn: ROLE,
          definition: JSON.stringify({ StartAt: 'Work', States: { Work: { Type: 'Task', Resource: activityArn, HeartbeatSeconds: 600, End: true } } }),
        }),
      );
      const executionArn = (await sfn.send(new StartExecutionCommand({ stateMachineArn: sm.stateMachineArn, input: '{"job":42}' }))).executionArn!;
      await eventually('the scheduling', async () =>
        ((await sfn.send(new GetExecutionHistoryCommand({ executionArn }))).events ?? []).some((e) => e.type === 'ActivityScheduled') ? true : undefined,
      );
      return { executionArn, activityArn };
    },
    async (sfn, { executionArn, activityArn }) => {
      const task = await sfn.send(new GetActivityTaskCommand({ activityArn, workerName: 'after-restart' }));
      assert.ok(task.taskToken);
      assert.deepEqual(JSON.parse(task.input!), { job: 42 });
      await sfn.send(new SendTaskSuccessCommand({ taskToken: task.taskToken, output: JSON.stringify({ done: 42 }) }));
      const { described, history: h } = await outcome(sfn, executionArn);
      assert.equal(described.status, 'SUCCEEDED');
      assert.deepEqual(JSON.parse(described.output!), { done: 42 });
      assert.deepEqual(types(h), ['ExecutionStarted', 'TaskStateEntered', 'ActivityScheduled', 'ActivityStarted', 'ActivitySucceeded', 'TaskStateExited', 'ExecutionSucceeded']);
      assertChained(h);
      assert.equal(h.find((e) => e.type === 'ActivityStarted')!.activityStartedEventDetails!.workerName, 'after-restart');
    },
  );
});

test('a one-hour Wait survives a restart as a durable wake-up: it ends when the platform clock reaches it, not before', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'stratus-sfn-wait-'));
  const advance = (env: Env, ms: number) =>
    fetch(`${env.server.endpoint}/_stratus/clock`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ advanceMs: ms }) });
  try {
    const first = await setup({ config: { dataDir: dir } });
    const sm = await machine(first, { StartAt: 'W', States: { W: { Type: 'Wait', Seconds: 3600, Next: 'P' }, P: { Type: 'Pass', Result: 'after', End: true } } });
    const arn = await start(first, sm);
    const entered = await waitFor(first, arn, (_d, h) => h.some((e) => e.type === 'WaitStateEntered'));
    assert.equal(entered.status, 'RUNNING');
    await parked(first.server.endpoint);
    await first.stop();

    const second = await setup({ config: { dataDir: dir } });
    try {
      const enteredAt = (await history(second, arn)).find((e) => e.type === 'WaitStateEntered')!.timestamp!.getTime();
      const job = await peek(second.server.db, EXECUTION_JOB, arn);
      assert.ok(job, 'the parked execution has its job');
      assert.equal(job.leaseOwner, null, 'nobody runs it while it waits');
      assert.ok(job.dueAt >= enteredAt + 3600_000 && job.dueAt < enteredAt + 3601_000, 'it is due when the Wait ends');

      await advance(second, 59 * 60_000);
      assert.ok(second.server.clock.now() < job.dueAt);
      assert.equal((await second.client.send(new DescribeExecutionCommand({ executionArn: arn }))).status, 'RUNNING');
      assert.deepEqual(types(await history(second, arn)), ['ExecutionStarted', 'WaitStateEntered']);

      await advance(second, 2 * 60_000);
      const d = await waitFor(second, arn);
      assert.equal(d.status, 'SUCCEEDED');
      assert.equal(d.output, '"after"');
      const h = await history(second, arn);
      assert.deepEqual(types(h), ['ExecutionStarted', 'WaitStateEntered', 'WaitStateExited', 'PassStateEntered', 'PassStateExited', 'ExecutionSucceeded']);
      assertChained(h);
      assert.equal(await peek(second.server.db, EXECUTION_JOB, arn), undefined, 'the job is gone with the execution');
    } finally {
      await second.stop();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

/** Starts an execution whose task sends its token to the Lambda function 'ask', and waits until it parked. */
async function startParkedOnToken(env: Env): Promise<string> {
  const sm = await machine(env, {
    StartAt: 'Ask',
    States: { Ask: { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke.waitForTaskToken', Parameters: { FunctionName: 'ask', Payload: { 'token.$': '$$.Task.Token' } }, End: true } },
  });
  const arn = await start(env, sm);
  await waitFor(env, arn, (_d, h) => h.some((e) => e.type === 'TaskSubmitted'));
  await parked(env.server.endpoint);
  return arn;
}

test('StopExecution of a parked execution records ExecutionAborted and ends its task token', async () => {
  const calls: { name: string; event: any; type: string }[] = [];
  const env = await setup({ extra: [fakeLambda({ ask: () => ({}) }, calls)] });
  try {
    const arn = await startParkedOnToken(env);
    await env.client.send(new StopExecutionCommand({ executionArn: arn, error: 'Stopped', cause: 'by the test' }));
    const d = await env.client.send(new DescribeExecutionCommand({ executionArn: arn }));
    assert.equal(d.status, 'ABORTED');
    assert.equal(d.error, 'Stopped');
    assert.equal(d.cause, 'by the test');
    const h = await history(env, arn);
    assert.deepEqual(types(h).slice(-2), ['TaskSubmitted', 'ExecutionAborted']);
    assert.deepEqual(h.at(-1)!.executionAbortedEventDetails, { error: 'Stopped', cause: 'by the test' });
    await assert.rejects(env.client.send(new SendTaskSuccessCommand({ taskToken: calls[0]!.event.token, output: '{}' })), (e: Error) => e.name === 'TaskTimedOut');
  } finally {
    await env.stop();
  }
});

test('StopExecution answers while 100 executions hold every run: a parked and a queued execution are ABORTED at once', { timeout: 120_000 }, async () => {
  const calls: { name: string; event: any; type: string }[] = [];
  let release!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  const env = await setup({ extra: [fakeLambda({ ask: () => ({}), slow: () => gate.then(() => ({ done: true })) }, calls)] });
  try {
    const parkedArn = await startParkedOnToken(env);
    const slow = await machine(env, { StartAt: 'Slow', States: { Slow: { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', Parameters: { FunctionName: 'slow' }, End: true } } });
    const busy: string[] = [];
    for (let i = 0; i < 100; i++) busy.push(await start(env, slow));
    await parked(env.server.endpoint, 100);
    // No run is free for this one: it stays queued.
    const queuedArn = await start(env, await machine(env, { StartAt: 'P', States: { P: { Type: 'Pass', End: true } } }), { n: 1 });

    await env.client.send(new StopExecutionCommand({ executionArn: parkedArn, error: 'Stopped', cause: 'by the test' }));
    const d = await env.client.send(new DescribeExecutionCommand({ executionArn: parkedArn }));
    assert.equal(d.status, 'ABORTED');
    assert.equal(d.error, 'Stopped');
    assert.equal(d.cause, 'by the test');
    assert.ok(d.stopDate);
    const h = await history(env, parkedArn);
    assert.deepEqual(types(h), ['ExecutionStarted', 'TaskStateEntered', 'TaskScheduled', 'TaskStarted', 'TaskSubmitted', 'ExecutionAborted']);
    assert.equal(h.at(-1)!.previousEventId, 0);
    assert.deepEqual(h.at(-1)!.executionAbortedEventDetails, { error: 'Stopped', cause: 'by the test' });
    await assert.rejects(env.client.send(new SendTaskSuccessCommand({ taskToken: calls[0]!.event.token, output: '{}' })), (e: Error) => e.name === 'TaskTimedOut');

    const stopped = await env.client.send(new StopExecutionCommand({ executionArn: queuedArn }));
    const q = await env.client.send(new DescribeExecutionCommand({ executionArn: queuedArn }));
    assert.equal(q.status, 'ABORTED');
    assert.deepEqual(q.stopDate, stopped.stopDate);
    const qh = await history(env, queuedArn);
    assert.deepEqual(
      qh.map((e) => [e.id, e.previousEventId, e.type]),
      [
        [1, 0, 'ExecutionStarted'],
        [2, 0, 'ExecutionAborted'],
      ],
    );
    assert.deepEqual(qh[1]!.executionAbortedEventDetails, {});
    assert.equal(await peek(env.server.db, EXECUTION_JOB, queuedArn), undefined, 'the job of the stopped execution is gone');

    // The stops did not wait for a run: all 100 still hold theirs.
    assert.equal(calls.filter((c) => c.name === 'slow').length, 100);
    await parked(env.server.endpoint, 100);
    release();
    for (const arn of busy) assert.equal((await waitFor(env, arn)).status, 'SUCCEEDED');
    assert.equal((await env.client.send(new DescribeExecutionCommand({ executionArn: queuedArn }))).status, 'ABORTED');
    assert.equal((await history(env, queuedArn)).length, 2, 'the stopped execution never ran');
  } finally {
    release();
    await env.stop();
  }
});

test('a run that goes on after another process stopped its execution writes nothing more and ends', async () => {
  let release!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  const calls: { name: string; event: any; type: string }[] = [];
  const env = await setup({ extra: [fakeLambda({ slow: () => gate.then(() => ({ done: true })) }, calls)] });
  try {
    const sm = await machine(env, {
      StartAt: 'Slow',
      States: { Slow: { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', Parameters: { FunctionName: 'slow' }, Next: 'After' }, After: { Type: 'Pass', End: true } },
    });
    const arn = await start(env, sm);
    await eventually('the Lambda call', async () => (calls.length === 1 ? true : undefined));
    // Another process's StopExecution: it does not have the run in memory, so it aborts in SQL.
    const elsewhere = new SfnStore(env.server.db, await TagStore.open(env.server.db));
    const row = (await elsewhere.execution(arn))!;
    assert.ok(await elsewhere.abortExecution(row, { error: 'Elsewhere' }, env.server.clock.now()));
    release();
    await parked(env.server.endpoint);
    const d = await env.client.send(new DescribeExecutionCommand({ executionArn: arn }));
    assert.equal(d.status, 'ABORTED');
    assert.equal(d.error, 'Elsewhere');
    assert.equal(d.output, undefined);
    const h = await history(env, arn);
    assert.deepEqual(types(h), ['ExecutionStarted', 'TaskStateEntered', 'TaskScheduled', 'TaskStarted', 'ExecutionAborted']);
    assertChained(h.slice(0, -1));
    assert.equal(await peek(env.server.db, EXECUTION_JOB, arn), undefined);
  } finally {
    release();
    await env.stop();
  }
});

test('states:startExecution.sync waits for a child that parks on a Wait, and takes its output', async () => {
  const env = await setup();
  try {
    const child = await machine(env, { StartAt: 'W', States: { W: { Type: 'Wait', Seconds: 600, Next: 'P' }, P: { Type: 'Pass', Parameters: { 'doubled.$': 'States.MathAdd($.n, $.n)' }, End: true } } });
    const parent = await machine(env, {
      StartAt: 'Child',
      States: {
        Child: {
          Type: 'Task',
          Resource: 'arn:aws:states:::states:startExecution.sync:2',
          Parameters: { StateMachineArn: child, Input: { 'n.$': '$.n' } },
          OutputPath: '$.Output',
          End: true,
        },
      },
    });
    const arn = await start(env, parent, { n: 21 });
    const childArn = await eventually('the child', async () => (await env.client.send(new ListExecutionsCommand({ stateMachineArn: child }))).executions?.[0]?.executionArn);
    await waitFor(env, childArn, (_d, h) => h.some((e) => e.type === 'WaitStateEntered'));
    // The child parks on its Wait: the parent waits for its end, not for its run.
    await parked(env.server.endpoint, 1);
    assert.equal((await env.client.send(new DescribeExecutionCommand({ executionArn: arn }))).status, 'RUNNING');
    env.server.clock.advance(600_000);
    const d = await waitFor(env, arn);
    assert.equal(d.status, 'SUCCEEDED');
    assert.deepEqual(JSON.parse(d.output!), { doubled: 42 });
  } finally {
    await env.stop();
  }
});
