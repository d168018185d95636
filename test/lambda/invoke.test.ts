import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { CreateAliasCommand, DeleteFunctionCommand, DeleteFunctionConcurrencyCommand, InvokeCommand, PublishVersionCommand, PutFunctionConcurrencyCommand, PutFunctionEventInvokeConfigCommand, UpdateFunctionCodeCommand } from '@aws-sdk/client-lambda';
import { CloudWatchLogsClient, DescribeLogGroupsCommand, DescribeLogStreamsCommand, FilterLogEventsCommand, GetLogEventsCommand } from '@aws-sdk/client-cloudwatch-logs';
import { clientConfig } from '../helpers/server.js';
import { internalContext } from '../../src/core/context.js';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LambdaClient } from '@aws-sdk/client-lambda';
import { startServer } from '../helpers/server.js';
import { peek } from '../../src/jobs/queue.js';
import { LAMBDA_MIGRATIONS } from '../../src/services/lambda/store.js';
import { SqliteDb } from '../../src/storage/sqlite/sqlite-db.js';
import { createFunction, json, SERVICES, startLambdaServer, zip, type LambdaTestContext } from './helpers.js';

describe('lambda invocation modes, concurrency, async retries and logs', () => {
  let t: LambdaTestContext;
  let logs: CloudWatchLogsClient;
  before(async () => {
    t = await startLambdaServer();
    logs = new CloudWatchLogsClient(clientConfig(t.server.endpoint));
  });
  after(async () => {
    await t.server.stop();
  });

  /** Polls the function's log group until `count` events match `pattern`; advances the clock between polls when asked. */
  async function waitForEvents(group: string, pattern: string, count: number, advanceMs = 0): Promise<{ message?: string }[]> {
    for (let i = 0; i < 400; i++) {
      try {
        const out = await logs.send(new FilterLogEventsCommand({ logGroupName: group, filterPattern: pattern }));
        if ((out.events?.length ?? 0) >= count) return out.events!;
      } catch (e) {
        if ((e as Error).name !== 'ResourceNotFoundException') throw e;
      }
      // Platform time moves only while no environment is busy (moving it would time them out).
      const pool = (t.server.services.get('lambda')!.provider as unknown as { pool: { stats(): { busy: number } } }).pool;
      if (advanceMs && pool.stats().busy === 0) t.server.clock.advance(advanceMs);
      await sleep(25);
    }
    throw new Error(`fewer than ${count} events matching ${pattern} in ${group}`);
  }

  /** The function's async invocations still queued (jobs keyed account/region/name/id). */
  function pendingEvents(name: string): Promise<unknown[]> {
    return t.server.db.all("SELECT key FROM stratus_jobs WHERE kind = 'lambda.async' AND key LIKE ?", [`%/${name}/%`]);
  }

  it('returns responses up to 6 MB, also from a pre-started environment (whose standby Runtime API took only small bodies)', async () => {
    await createFunction(t.lambda, 'big-answer', { 'index.js': "exports.handler = async (e) => ({ text: 'y'.repeat(e.size) });" });
    for (const size of [200_000, 2_000_000]) {
      const out = await t.lambda.send(new InvokeCommand({ FunctionName: 'big-answer', Payload: Buffer.from(JSON.stringify({ size })) }));
      assert.equal(out.FunctionError, undefined, Buffer.from(out.Payload ?? []).toString().slice(0, 200));
      assert.equal((json(out.Payload) as { text: string }).text.length, size);
    }
    const over = await t.lambda.send(new InvokeCommand({ FunctionName: 'big-answer', Payload: Buffer.from(JSON.stringify({ size: 7_000_000 })) }));
    assert.equal(over.FunctionError, 'Unhandled');
    assert.equal((json(over.Payload) as { errorType: string }).errorType, 'Function.ResponseSizeTooLarge');
  });

  it('answers DryRun with 204 and Event with 202, and runs the event', async () => {
    await createFunction(t.lambda, 'modes', { 'index.js': 'exports.handler = async (e) => { console.log("event-run", e.id); return e; };' });
    const dry = await t.lambda.send(new InvokeCommand({ FunctionName: 'modes', InvocationType: 'DryRun' }));
    assert.equal(dry.StatusCode, 204);
    const ev = await t.lambda.send(new InvokeCommand({ FunctionName: 'modes', InvocationType: 'Event', Payload: Buffer.from('{"id":"e1"}') }));
    assert.equal(ev.StatusCode, 202);
    const events = await waitForEvents('/aws/lambda/modes', '"event-run e1"', 1);
    assert.match(events[0]!.message!, /INFO\tevent-run e1/);
    await assert.rejects(t.lambda.send(new InvokeCommand({ FunctionName: 'modes', InvocationType: 'DryRun', Qualifier: '7' })), (e: Error) => e.name === 'ResourceNotFoundException');
  });

  it('throttles with 429 TooManyRequestsException when reserved concurrency is 1 and two invokes overlap', async () => {
    await createFunction(t.lambda, 'one-at-a-time', { 'index.js': 'exports.handler = async () => { await new Promise((r) => setTimeout(r, 1500)); return "done"; };' }, { Timeout: 10 });
    await t.lambda.send(new PutFunctionConcurrencyCommand({ FunctionName: 'one-at-a-time', ReservedConcurrentExecutions: 1 }));
    const results = await Promise.allSettled([
      t.lambda.send(new InvokeCommand({ FunctionName: 'one-at-a-time' })),
      t.lambda.send(new InvokeCommand({ FunctionName: 'one-at-a-time' })),
    ]);
    const ok = results.filter((r) => r.status === 'fulfilled');
    const failed = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    assert.equal(ok.length, 1);
    assert.equal(failed.length, 1);
    const err = failed[0]!.reason as Error & { Reason?: string; $metadata: { httpStatusCode?: number } };
    assert.equal(err.name, 'TooManyRequestsException');
    assert.equal(err.$metadata.httpStatusCode, 429);
    assert.equal(err.Reason, 'ReservedFunctionConcurrentInvocationLimitExceeded');
    assert.equal(err.message, 'Rate Exceeded.');
    await t.lambda.send(new PutFunctionConcurrencyCommand({ FunctionName: 'one-at-a-time', ReservedConcurrentExecutions: 0 }));
    await assert.rejects(t.lambda.send(new InvokeCommand({ FunctionName: 'one-at-a-time' })), (e: Error) => e.name === 'TooManyRequestsException');
  });

  it('invokes versions and aliases, splitting traffic by routing weights', async () => {
    await createFunction(t.lambda, 'weighted', { 'index.js': 'exports.handler = async () => "one";' });
    await t.lambda.send(new PublishVersionCommand({ FunctionName: 'weighted' }));
    await t.lambda.send(new UpdateFunctionCodeCommand({ FunctionName: 'weighted', ZipFile: zip({ 'index.js': 'exports.handler = async () => "two";' }) }));
    await t.lambda.send(new PublishVersionCommand({ FunctionName: 'weighted' }));
    const v1 = await t.lambda.send(new InvokeCommand({ FunctionName: 'weighted', Qualifier: '1' }));
    assert.equal(json(v1.Payload), 'one');
    assert.equal(v1.ExecutedVersion, '1');
    const v2 = await t.lambda.send(new InvokeCommand({ FunctionName: 'weighted:2' }));
    assert.equal(json(v2.Payload), 'two');
    await t.lambda.send(new CreateAliasCommand({ FunctionName: 'weighted', Name: 'canary', FunctionVersion: '1', RoutingConfig: { AdditionalVersionWeights: { '2': 0.5 } } }));
    const seen = new Map<string, number>();
    for (let i = 0; i < 40; i++) {
      const r = await t.lambda.send(new InvokeCommand({ FunctionName: 'weighted', Qualifier: 'canary' }));
      assert.equal(json(r.Payload), r.ExecutedVersion === '1' ? 'one' : 'two');
      seen.set(r.ExecutedVersion!, (seen.get(r.ExecutedVersion!) ?? 0) + 1);
    }
    assert.deepEqual([...seen.keys()].sort(), ['1', '2']);
  });

  it('retries a failing async invocation twice (on the platform clock), visible in the logs', async () => {
    await createFunction(t.lambda, 'always-fails', { 'index.js': 'exports.handler = async (e) => { console.log("attempt for", e.n); throw new Error("boom"); };' });
    const r = await t.lambda.send(new InvokeCommand({ FunctionName: 'always-fails', InvocationType: 'Event', Payload: Buffer.from('{"n":7}') }));
    assert.equal(r.StatusCode, 202);
    const first = await waitForEvents('/aws/lambda/always-fails', 'START RequestId', 1);
    const starts = await waitForEvents('/aws/lambda/always-fails', 'START RequestId', 3, 30_000);
    assert.equal(starts.length, 3);
    const ids = new Set(starts.map((e) => /START RequestId: (\S+)/.exec(e.message!)![1]));
    assert.equal(ids.size, 1, 'retries keep the request id');
    assert.ok(first[0]!.message!.includes([...ids][0]!));
    const errors = await waitForEvents('/aws/lambda/always-fails', '"Invoke Error"', 3);
    assert.equal(errors.length, 3);
    const left = await pendingEvents('always-fails');
    assert.equal(left.length, 0, 'the event is dropped after the last retry');
  });

  it('honours MaximumRetryAttempts 0 from the event invoke config', async () => {
    await createFunction(t.lambda, 'no-retry', { 'index.js': 'exports.handler = async () => { throw new Error("x"); };' });
    await t.lambda.send(new PutFunctionEventInvokeConfigCommand({ FunctionName: 'no-retry', MaximumRetryAttempts: 0 }));
    await t.lambda.send(new InvokeCommand({ FunctionName: 'no-retry', InvocationType: 'Event', Payload: Buffer.from('{}') }));
    await waitForEvents('/aws/lambda/no-retry', 'REPORT', 1);
    for (let i = 0; i < 100; i++) {
      const left = await pendingEvents('no-retry');
      if (left.length === 0) break;
      await sleep(20);
    }
    assert.equal((await pendingEvents('no-retry')).length, 0);
  });

  it('drops the pending async invocations of a deleted function', async () => {
    await createFunction(t.lambda, 'deleted-with-events', { 'index.js': 'exports.handler = async () => 1;' });
    await t.lambda.send(new PutFunctionConcurrencyCommand({ FunctionName: 'deleted-with-events', ReservedConcurrentExecutions: 0 }));
    await t.lambda.send(new InvokeCommand({ FunctionName: 'deleted-with-events', InvocationType: 'Event', Payload: Buffer.from('{}') }));
    assert.equal((await pendingEvents('deleted-with-events')).length, 1);
    await t.lambda.send(new DeleteFunctionCommand({ FunctionName: 'deleted-with-events' }));
    assert.equal((await pendingEvents('deleted-with-events')).length, 0);
  });

  it('keeps the in-process Invoke contract other services use', async () => {
    await createFunction(t.lambda, 'in-process', { 'index.js': 'exports.handler = async (e, ctx) => { if (e.fail) throw new Error("asked to"); return { got: e, custom: ctx.clientContext && ctx.clientContext.custom }; };' });
    const provider = t.server.services.get('lambda')!.provider as unknown as {
      Invoke(ctx: unknown, input: Record<string, unknown>): Promise<{ StatusCode: number; FunctionError?: string; LogResult?: string; Payload?: Buffer; ExecutedVersion?: string }>;
    };
    const ctx = internalContext(t.server.clock, { accountId: '000000000000', region: 'us-east-1', service: 'stepfunctions' });
    const ok = await provider.Invoke(ctx, {
      FunctionName: 'arn:aws:lambda:us-east-1:000000000000:function:in-process',
      Payload: Buffer.from('{"x":1}'),
      LogType: 'Tail',
      ClientContext: Buffer.from(JSON.stringify({ custom: { from: 'sfn' } })).toString('base64'),
    });
    assert.equal(ok.StatusCode, 200);
    assert.equal(ok.FunctionError, undefined);
    assert.equal(ok.ExecutedVersion, '$LATEST');
    assert.ok(Buffer.isBuffer(ok.Payload));
    assert.deepEqual(JSON.parse(ok.Payload!.toString()), { got: { x: 1 }, custom: { from: 'sfn' } });
    assert.match(Buffer.from(ok.LogResult!, 'base64').toString(), /REPORT RequestId: /);
    const failed = await provider.Invoke(ctx, { FunctionName: 'in-process', Payload: Buffer.from('{"fail":true}') });
    assert.equal(failed.StatusCode, 200);
    assert.equal(failed.FunctionError, 'Unhandled');
    assert.equal((JSON.parse(failed.Payload!.toString()) as { errorMessage: string }).errorMessage, 'asked to');
    const queued = await provider.Invoke(ctx, { FunctionName: 'in-process', InvocationType: 'Event', Payload: Buffer.from('{}') });
    assert.equal(queued.StatusCode, 202);
    await assert.rejects(provider.Invoke(ctx, { FunctionName: 'not-there' }), (e: Error & { code?: string; status?: number }) => e.code === 'ResourceNotFoundException' && e.status === 404);
  });

  it('stores START, END and REPORT lines in /aws/lambda/<name>, readable through the Logs API', async () => {
    await createFunction(t.lambda, 'logged', { 'index.js': 'exports.handler = async () => { console.log("hello from logged"); return 1; };' });
    const r = await t.lambda.send(new InvokeCommand({ FunctionName: 'logged' }));
    assert.equal(r.StatusCode, 200);
    const groups = await logs.send(new DescribeLogGroupsCommand({ logGroupNamePrefix: '/aws/lambda/logged' }));
    assert.deepEqual(groups.logGroups!.map((g) => g.logGroupName), ['/aws/lambda/logged']);
    const streams = await logs.send(new DescribeLogStreamsCommand({ logGroupName: '/aws/lambda/logged', orderBy: 'LastEventTime', descending: true }));
    assert.equal(streams.logStreams!.length, 1);
    assert.match(streams.logStreams![0]!.logStreamName!, /^\d{4}\/\d\d\/\d\d\/\[\$LATEST\][0-9a-f]{32}$/);
    const events = await logs.send(new GetLogEventsCommand({ logGroupName: '/aws/lambda/logged', logStreamName: streams.logStreams![0]!.logStreamName!, startFromHead: true }));
    const messages = events.events!.map((e) => e.message!);
    // A cold start: AWS's INIT_START line first.
    assert.equal(messages.shift()!.replace(/\tRuntime Version ARN: arn:aws:lambda:us-east-1::runtime:[0-9a-f]{64}$/, ''), `INIT_START Runtime Version: nodejs:${process.versions.node}`);
    assert.match(messages[0]!, /^START RequestId: [0-9a-f-]{36} Version: \$LATEST$/);
    assert.match(messages[1]!, /^\d{4}-\d\d-\d\dT[\d:.]+Z\t[0-9a-f-]{36}\tINFO\thello from logged$/);
    assert.match(messages[2]!, /^END RequestId: /);
    assert.match(messages[3]!, /^REPORT RequestId: [0-9a-f-]{36}\tDuration: [\d.]+ ms\tBilled Duration: \d+ ms\tMemory Size: 128 MB\tMax Memory Used: \d+ MB\tInit Duration: [\d.]+ ms\t$/);
  });
});

describe('lambda async invocations are durable', () => {
  /** How many events of the group match, once some do (polled in real time, bounded so a broken test fails). */
  async function logCount(endpoint: string, group: string, pattern: string): Promise<number> {
    const logs = new CloudWatchLogsClient(clientConfig(endpoint));
    let found = 0;
    // The throttled event is retried with a short backoff (no clock advance: advancing platform
    // time would also time out the function it starts).
    for (let i = 0; i < 600 && found === 0; i++) {
      await sleep(25);
      try {
        const out = await logs.send(new FilterLogEventsCommand({ logGroupName: group, filterPattern: pattern }));
        found = out.events?.length ?? 0;
      } catch (e) {
        if ((e as Error).name !== 'ResourceNotFoundException') throw e;
      }
    }
    return found;
  }

  it('runs an acknowledged Event invocation after a restart of the server', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'stratus-lambda-durable-'));
    try {
      const first = await startServer({ config: { dataDir }, services: SERVICES });
      const lambda1 = new LambdaClient(clientConfig(first.endpoint));
      await createFunction(lambda1, 'durable', { 'index.js': 'exports.handler = async (e) => { console.log("durable ran", e.k); return 1; };' });
      // Reserved concurrency 0 throttles the event, so it is still queued when the server stops.
      await lambda1.send(new PutFunctionConcurrencyCommand({ FunctionName: 'durable', ReservedConcurrentExecutions: 0 }));
      const ack = await lambda1.send(new InvokeCommand({ FunctionName: 'durable', InvocationType: 'Event', Payload: Buffer.from('{"k":"v1"}') }));
      assert.equal(ack.StatusCode, 202);
      await first.stop();

      const second = await startServer({ config: { dataDir }, services: SERVICES });
      try {
        const lambda2 = new LambdaClient(clientConfig(second.endpoint));
        await lambda2.send(new DeleteFunctionConcurrencyCommand({ FunctionName: 'durable' }));
        const found = await logCount(second.endpoint, '/aws/lambda/durable', '"durable ran v1"');
        assert.equal(found, 1);
      } finally {
        await second.stop();
      }
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('moves the events of a data directory of an earlier version (the lambda_async table) into jobs', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'stratus-lambda-legacy-'));
    try {
      const first = await startServer({ config: { dataDir }, services: SERVICES });
      const lambda1 = new LambdaClient(clientConfig(first.endpoint));
      await createFunction(lambda1, 'legacy', { 'index.js': 'exports.handler = async (e) => { console.log("legacy ran", e.k); return 1; };' });
      await lambda1.send(new PutFunctionConcurrencyCommand({ FunctionName: 'legacy', ReservedConcurrentExecutions: 0 }));
      await first.stop();
      // The data directory as an earlier version left it: Lambda's migrations 1-2 only, one event
      // queued in lambda_async that failed once already.
      const created = Date.now() - 60_000;
      const db = new SqliteDb({ dataDir });
      await db.migrate('lambda-earlier', [LAMBDA_MIGRATIONS[0]!]);
      await db.run("DELETE FROM stratus_migrations WHERE service = 'lambda' AND version > 2");
      await db.run(
        'INSERT INTO lambda_async (id, account, region, name, qualifier, payload, request_id, attempt, next_at, created, lease) VALUES (?, ?, ?, ?, NULL, ?, ?, 1, ?, ?, ?)',
        ['e1', '000000000000', 'us-east-1', 'legacy', Buffer.from('{"k":"v1"}'), 'legacy-request', created + 60_000, created, created + 1000],
      );
      await db.close();

      const second = await startServer({ config: { dataDir }, services: SERVICES });
      try {
        // Lambda is created (its migrations run) before the test reads its tables.
        await second.services.get('lambda')!.load();
        await assert.rejects(async () => second.db.get('SELECT id FROM lambda_async'), /no such table/);
        const job = await peek<{ name: string; requestId: string; event: string }>(second.db, 'lambda.async', '000000000000/us-east-1/legacy/e1');
        assert.deepEqual(
          { attempt: job?.attempt, enqueuedAt: job?.enqueuedAt, name: job?.payload.name, requestId: job?.payload.requestId, event: Buffer.from(job?.payload.event ?? '', 'base64').toString() },
          { attempt: 1, enqueuedAt: created, name: 'legacy', requestId: 'legacy-request', event: '{"k":"v1"}' },
        );
        const lambda2 = new LambdaClient(clientConfig(second.endpoint));
        await lambda2.send(new DeleteFunctionConcurrencyCommand({ FunctionName: 'legacy' }));
        assert.equal(await logCount(second.endpoint, '/aws/lambda/legacy', '"legacy ran v1"'), 1);
      } finally {
        await second.stop();
      }
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
