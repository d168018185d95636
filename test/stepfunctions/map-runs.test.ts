/**
 * Map runs of distributed Map states: DescribeMapRun, ListMapRuns, UpdateMapRun
 * (https://docs.aws.amazon.com/step-functions/latest/apireference/API_DescribeMapRun.html,
 * API_ListMapRuns.html, API_UpdateMapRun.html; "Examining Map Runs" and "Redriving Map Runs" in the
 * developer guide). The shapes are AWS's recording test_sfn_api_map_run.py::test_list_map_runs_and_describe_map_run
 * (21-09-2023): the map run ARN `mapRun:<machine>/<label>:<id>`, the list item's `stateMachineArn`
 * `stateMachine:<machine>/<label>`, unset thresholds answered as 0, item and execution counts.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DescribeExecutionCommand, DescribeMapRunCommand, ListMapRunsCommand, UpdateMapRunCommand } from '@aws-sdk/client-sfn';
import { setup, machine, start, waitFor, history } from './helpers.js';

const distributed = (processor: unknown, extra: Record<string, unknown> = {}) => ({
  StartAt: 'M',
  States: {
    M: {
      Type: 'Map',
      Label: 'Lbl',
      ItemProcessor: { ProcessorConfig: { Mode: 'DISTRIBUTED', ExecutionType: 'STANDARD' }, ...(processor as object) },
      End: true,
      ...extra,
    },
  },
});

test('a finished map run: ListMapRuns and DescribeMapRun with its counts (AWS recording of 21-09-2023)', async () => {
  const env = await setup();
  try {
    const sm = await machine(env, distributed({ StartAt: 'P', States: { P: { Type: 'Pass', End: true } } }, { MaxConcurrency: 1 }));
    const arn = await start(env, sm, [1, 2]);
    assert.equal((await waitFor(env, arn)).status, 'SUCCEEDED');
    const list = await env.client.send(new ListMapRunsCommand({ executionArn: arn }));
    assert.equal(list.mapRuns!.length, 1);
    const item = list.mapRuns![0]!;
    const machineName = sm.split(':')[6];
    assert.match(item.mapRunArn!, new RegExp(`:mapRun:${machineName}/Lbl:[0-9a-f-]{36}$`));
    assert.equal(item.stateMachineArn, `${sm}/Lbl`);
    assert.equal(item.executionArn, arn);
    assert.ok(item.stopDate instanceof Date);
    // The same ARN as the MapRunStarted event.
    const started = (await history(env, arn)).find((e) => e.type === 'MapRunStarted')!;
    assert.equal(started.mapRunStartedEventDetails!.mapRunArn, item.mapRunArn);
    const d = await env.client.send(new DescribeMapRunCommand({ mapRunArn: item.mapRunArn! }));
    assert.equal(d.status, 'SUCCEEDED');
    assert.equal(d.executionArn, arn);
    assert.equal(d.maxConcurrency, 1);
    assert.equal(d.toleratedFailureCount, 0);
    assert.equal(d.toleratedFailurePercentage, 0);
    const counts = { aborted: 0, failed: 0, pending: 0, resultsWritten: 2, running: 0, succeeded: 2, timedOut: 0, total: 2 };
    assert.deepEqual(d.itemCounts, counts);
    assert.deepEqual(d.executionCounts, counts);
  } finally {
    await env.stop();
  }
});

test('ItemBatcher: items are counted per item, child executions per batch; a failed run shows FAILED', async () => {
  const env = await setup();
  try {
    const sm = await machine(env, distributed({ StartAt: 'F', States: { F: { Type: 'Fail', Error: 'E' } } }, { ItemBatcher: { MaxItemsPerBatch: 2 } }));
    const arn = await start(env, sm, [1, 2, 3]);
    assert.equal((await waitFor(env, arn)).status, 'FAILED');
    const [item] = (await env.client.send(new ListMapRunsCommand({ executionArn: arn }))).mapRuns!;
    const d = await env.client.send(new DescribeMapRunCommand({ mapRunArn: item!.mapRunArn! }));
    assert.equal(d.status, 'FAILED');
    assert.equal(d.itemCounts!.total, 3);
    assert.equal(d.itemCounts!.failed, 3);
    assert.equal(d.executionCounts!.total, 2);
    assert.equal(d.executionCounts!.failed, 2);
  } finally {
    await env.stop();
  }
});

test('UpdateMapRun while the run goes on: a raised tolerated failure count and concurrency apply to the running map run', async () => {
  const env = await setup();
  try {
    const processor = {
      StartAt: 'W',
      States: {
        W: { Type: 'Wait', Seconds: 10, Next: 'C' },
        C: { Type: 'Choice', Choices: [{ Variable: '$', StringEquals: 'bad', Next: 'F' }], Default: 'S' },
        F: { Type: 'Fail', Error: 'Bad' },
        S: { Type: 'Succeed' },
      },
    };
    const sm = await machine(env, distributed(processor, { MaxConcurrency: 1 }));
    const arn = await start(env, sm, ['ok', 'bad', 'ok']);
    let mapRunArn: string | undefined;
    for (let i = 0; i < 2000 && !mapRunArn; i++) {
      mapRunArn = (await env.client.send(new ListMapRunsCommand({ executionArn: arn }))).mapRuns?.[0]?.mapRunArn;
      if (!mapRunArn) await new Promise((r) => setTimeout(r, 5));
    }
    const running = await env.client.send(new DescribeMapRunCommand({ mapRunArn }));
    assert.equal(running.status, 'RUNNING');
    assert.deepEqual([running.executionCounts!.running, running.executionCounts!.pending], [1, 2]);
    await env.client.send(new UpdateMapRunCommand({ mapRunArn, maxConcurrency: 3, toleratedFailureCount: 1 }));
    const updated = await env.client.send(new DescribeMapRunCommand({ mapRunArn }));
    assert.equal(updated.maxConcurrency, 3);
    assert.equal(updated.toleratedFailureCount, 1);
    // The raised concurrency starts the two pending children at once.
    assert.equal(updated.executionCounts!.running, 3);
    let status: string | undefined = 'RUNNING';
    for (let i = 0; i < 500 && status === 'RUNNING'; i++) {
      env.server.clock.advance(10_000);
      await new Promise((r) => setTimeout(r, 2));
      status = (await env.client.send(new DescribeExecutionCommand({ executionArn: arn }))).status;
    }
    assert.equal(status, 'SUCCEEDED');
    const end = await env.client.send(new DescribeMapRunCommand({ mapRunArn }));
    assert.deepEqual([end.status, end.executionCounts!.succeeded, end.executionCounts!.failed], ['SUCCEEDED', 2, 1]);
  } finally {
    await env.stop();
  }
});

test('unknown map runs and executions, and ARNs of another resource type', async () => {
  const env = await setup();
  try {
    const missing = 'arn:aws:states:us-east-1:000000000000:mapRun:nope/M:00000000-0000-0000-0000-000000000000';
    await assert.rejects(env.client.send(new DescribeMapRunCommand({ mapRunArn: missing })), (e: any) => e.name === 'ResourceNotFound');
    await assert.rejects(env.client.send(new UpdateMapRunCommand({ mapRunArn: missing, maxConcurrency: 1 })), (e: any) => e.name === 'ResourceNotFound');
    await assert.rejects(
      env.client.send(new ListMapRunsCommand({ executionArn: 'arn:aws:states:us-east-1:000000000000:execution:nope:x' })),
      (e: any) => e.name === 'ExecutionDoesNotExist',
    );
    await assert.rejects(
      env.client.send(new DescribeMapRunCommand({ mapRunArn: 'arn:aws:states:us-east-1:000000000000:execution:nope:x' })),
      (e: any) => e.name === 'InvalidArn' && e.message === "Invalid Arn: 'Resource type not valid in this context: execution'",
    );
  } finally {
    await env.stop();
  }
});
