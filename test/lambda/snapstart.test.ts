/**
 * Lambda SnapStart: the configuration (supported runtimes, $LATEST vs published versions, version
 * states) and Python environments restored from one initialisation (src/runtime/snapstart.ts).
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  CreateFunctionCommand,
  DeleteFunctionCommand,
  GetFunctionConfigurationCommand,
  InvokeCommand,
  ListVersionsByFunctionCommand,
  PublishVersionCommand,
  UpdateFunctionConfigurationCommand,
  waitUntilFunctionUpdatedV2,
  waitUntilPublishedVersionActive,
} from '@aws-sdk/client-lambda';
import { CloudWatchLogsClient, FilterLogEventsCommand } from '@aws-sdk/client-cloudwatch-logs';
import { LambdaClient } from '@aws-sdk/client-lambda';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { clientConfig, startServer } from '../helpers/server.js';
import { awsError, createFunction, json, ROLE, SERVICES, startLambdaServer, text, zip, type LambdaTestContext } from './helpers.js';

interface PoolStats {
  environments: number;
  snapshots: number;
}

const tailOf = (logResult: string | undefined): string => Buffer.from(logResult ?? '', 'base64').toString('utf8');
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** A module whose init draws a random value, with one hook of each kind counting its runs. */
const HOOKED_MODULE = [
  'import os, random, sys, tempfile, time',
  'from snapshot_restore_py import register_before_snapshot, register_after_restore',
  'VALUE = random.random()',
  'INIT_AT = time.time()',
  'INIT_PID = os.getpid()',
  'INIT_FILE = os.path.join(tempfile.gettempdir(), "written-at-init")',
  'with open(INIT_FILE, "w") as f:',
  '    f.write(repr(VALUE))',
  'STDIN = sys.stdin.read()',
  'runs = {"before": 0, "after": 0, "calls": 0}',
  'order = []',
  '@register_before_snapshot',
  'def before_one():',
  '    runs["before"] += 1',
  '    order.append("before-1")',
  '    print("before-snapshot hook ran")',
  'def before_two(tag):',
  '    order.append(tag)',
  'register_before_snapshot(before_two, "before-2")',
  '@register_after_restore',
  'def after_one():',
  '    runs["after"] += 1',
  '    order.append("after-1")',
  '    print("after-restore hook ran in", os.getpid())',
  'register_after_restore(lambda: order.append("after-2"))',
  'def handler(event, context):',
  '    runs["calls"] += 1',
  '    if event.get("sleep"):',
  '        time.sleep(event["sleep"])',
  '    return {"value": VALUE, "initAt": INIT_AT, "pid": os.getpid(), "initPid": INIT_PID, "runs": runs, "order": order,',
  '            "initType": os.environ.get("AWS_LAMBDA_INITIALIZATION_TYPE"), "streamVar": os.environ.get("AWS_LAMBDA_LOG_STREAM_NAME"),',
  '            "api": os.environ.get("AWS_LAMBDA_RUNTIME_API"), "version": context.function_version, "stdin": STDIN,',
  '            "initFile": open(INIT_FILE).read(), "tmp": tempfile.gettempdir() == os.environ["TMPDIR"]}',
].join('\n');

describe('lambda SnapStart', () => {
  let t: LambdaTestContext;
  let logs: CloudWatchLogsClient;
  const stats = (): PoolStats => (t.server.services.get('lambda')!.provider as unknown as { pool: { stats(): PoolStats } }).pool.stats();
  const invoke = async (name: string, payload: unknown = {}): Promise<{ out: Record<string, any>; tail: string; error?: string | undefined }> => {
    const r = await t.lambda.send(new InvokeCommand({ FunctionName: name, Payload: Buffer.from(JSON.stringify(payload)), LogType: 'Tail' }));
    return { out: json(r.Payload) as Record<string, any>, tail: tailOf(r.LogResult), error: r.FunctionError };
  };
  /** Waits until the pool has at most `n` live environments (a killed one is concluded asynchronously). */
  const environmentsAtMost = async (n: number): Promise<void> => {
    for (let i = 0; i < 400 && stats().environments > n; i++) await sleep(25);
    assert.ok(stats().environments <= n, `at most ${n} environments`);
  };

  before(async () => {
    t = await startLambdaServer();
    logs = new CloudWatchLogsClient(clientConfig(t.server.endpoint));
  });
  after(async () => {
    await t.server.stop();
  });

  it('rejects SnapStart for runtimes without it, with AWS\'s error', async () => {
    const create = (name: string, runtime: string, applyOn: string) =>
      t.lambda.send(
        new CreateFunctionCommand({
          FunctionName: name,
          Runtime: runtime as 'nodejs20.x',
          Handler: runtime.startsWith('python') ? 'app.handler' : 'index.handler',
          Role: ROLE,
          Code: { ZipFile: zip({ 'index.js': 'exports.handler = async () => 1;', 'app.py': 'def handler(e, c):\n    return 1\n' }) },
          SnapStart: { ApplyOn: applyOn as 'PublishedVersions' },
        }),
      );
    await assert.rejects(create('ss-node', 'nodejs20.x', 'PublishedVersions'), awsError('InvalidParameterValueException', 400, 'nodejs20.x is not supported for SnapStart enabled functions.'));
    await assert.rejects(create('ss-py311', 'python3.11', 'PublishedVersions'), awsError('InvalidParameterValueException', 400, 'python3.11 is not supported for SnapStart enabled functions.'));
    await assert.rejects(
      create('ss-bad', 'python3.12', 'invalidOption'),
      awsError('ValidationException', 400, "1 validation error detected: Value 'invalidOption' at 'snapStart.applyOn' failed to satisfy constraint: Member must satisfy enum value set: [PublishedVersions, None]"),
    );
    // ApplyOn None is every runtime's default.
    await create('ss-node-none', 'nodejs20.x', 'None');
    await assert.rejects(
      t.lambda.send(new UpdateFunctionConfigurationCommand({ FunctionName: 'ss-node-none', SnapStart: { ApplyOn: 'PublishedVersions' } })),
      awsError('InvalidParameterValueException', 400, 'nodejs20.x is not supported for SnapStart enabled functions.'),
    );
    // A SnapStart function cannot move to a runtime without it.
    await createFunction(t.lambda, 'ss-switch', { 'app.py': 'def handler(e, c):\n    return 1\n' }, { Runtime: 'python3.12', Handler: 'app.handler', SnapStart: { ApplyOn: 'PublishedVersions' } });
    await assert.rejects(
      t.lambda.send(new UpdateFunctionConfigurationCommand({ FunctionName: 'ss-switch', Runtime: 'python3.11' })),
      awsError('InvalidParameterValueException', 400, 'python3.11 is not supported for SnapStart enabled functions.'),
    );
  });

  it('shows SnapStart Off on $LATEST and On on a published version, Pending then Active', async () => {
    await createFunction(t.lambda, 'ss-config', { 'app.py': 'def handler(e, c):\n    return {"ok": True}\n' }, { Runtime: 'python3.12', Handler: 'app.handler', SnapStart: { ApplyOn: 'PublishedVersions' } });
    const latest = await t.lambda.send(new GetFunctionConfigurationCommand({ FunctionName: 'ss-config' }));
    assert.deepEqual(latest.SnapStart, { ApplyOn: 'PublishedVersions', OptimizationStatus: 'Off' });
    const published = await t.lambda.send(new PublishVersionCommand({ FunctionName: 'ss-config' }));
    assert.equal(published.Version, '1');
    assert.deepEqual(published.SnapStart, { ApplyOn: 'PublishedVersions', OptimizationStatus: 'On' });
    assert.equal(published.State, 'Pending');
    assert.equal(published.StateReasonCode, 'Creating');
    assert.equal(published.LastUpdateStatus, undefined);
    await waitUntilPublishedVersionActive({ client: t.lambda, maxWaitTime: 60, minDelay: 1 }, { FunctionName: 'ss-config', Qualifier: '1' });
    const v1 = await t.lambda.send(new GetFunctionConfigurationCommand({ FunctionName: 'ss-config', Qualifier: '1' }));
    assert.equal(v1.State, 'Active');
    assert.equal(v1.StateReason, undefined);
    assert.equal(v1.LastUpdateStatus, 'Successful');
    assert.deepEqual(v1.SnapStart, { ApplyOn: 'PublishedVersions', OptimizationStatus: 'On' });
    // Publishing again without a change returns version 1 (OptimizationStatus is no change).
    assert.equal((await t.lambda.send(new PublishVersionCommand({ FunctionName: 'ss-config' }))).Version, '1');
    const listed = await t.lambda.send(new ListVersionsByFunctionCommand({ FunctionName: 'ss-config' }));
    assert.deepEqual(
      listed.Versions!.map((v) => [v.Version, v.SnapStart?.OptimizationStatus, v.State]),
      [
        ['$LATEST', 'Off', 'Active'],
        ['1', 'On', 'Active'],
      ],
    );
    // Turned off: the next version is published without a snapshot.
    await t.lambda.send(new UpdateFunctionConfigurationCommand({ FunctionName: 'ss-config', SnapStart: { ApplyOn: 'None' } }));
    await waitUntilFunctionUpdatedV2({ client: t.lambda, maxWaitTime: 30, minDelay: 1 }, { FunctionName: 'ss-config' });
    const v2 = await t.lambda.send(new PublishVersionCommand({ FunctionName: 'ss-config' }));
    assert.equal(v2.Version, '2');
    assert.deepEqual(v2.SnapStart, { ApplyOn: 'None', OptimizationStatus: 'Off' });
    assert.equal(v2.State, 'Active');
  });

  it('restores every environment of a version from one initialisation; $LATEST initialises each time', async () => {
    await createFunction(t.lambda, 'ss-restore', { 'app.py': HOOKED_MODULE }, { Runtime: 'python3.12', Handler: 'app.handler', Timeout: 10, SnapStart: { ApplyOn: 'PublishedVersions' } });
    await t.lambda.send(new PublishVersionCommand({ FunctionName: 'ss-restore' }));
    await waitUntilPublishedVersionActive({ client: t.lambda, maxWaitTime: 60, minDelay: 1 }, { FunctionName: 'ss-restore', Qualifier: '1' });
    assert.ok(stats().snapshots >= 1, 'the version has a template');

    const first = await invoke('ss-restore:1');
    assert.equal(first.error, undefined, JSON.stringify(first.out));
    assert.equal(first.out.version, '1');
    assert.equal(first.out.initType, 'snap-start');
    assert.equal(first.out.streamVar, null, 'AWS sets no AWS_LAMBDA_LOG_STREAM_NAME for SnapStart functions');
    assert.match(first.out.api, /^127\.0\.0\.1:\d+$/);
    assert.notEqual(first.out.pid, first.out.initPid, 'the environment is a fork of the initialised process');
    assert.equal(first.out.stdin, '', 'init read nothing of the control channel');
    assert.equal(first.out.initFile, String(first.out.value), '/tmp as init left it');
    assert.equal(first.out.tmp, true);
    // Before-snapshot hooks ran once, last registered first, before the snapshot; after-restore hooks in order.
    assert.deepEqual(first.out.runs, { before: 1, after: 1, calls: 1 });
    assert.deepEqual(first.out.order, ['before-2', 'before-1', 'after-1', 'after-2']);
    assert.match(first.tail, /RESTORE_START Runtime Version: python:3\.\d+\.\d+[^\t]*\tRuntime Version ARN: arn:aws:lambda:us-east-1::runtime:[0-9a-f]{64}\n/);
    assert.match(first.tail, new RegExp(`after-restore hook ran in ${first.out.pid}`));
    assert.match(first.tail, /RESTORE_REPORT Restore Duration: [\d.]+ ms\n/);
    assert.match(first.tail, /\tMax Memory Used: \d+ MB\tRestore Duration: [\d.]+ ms\tBilled Restore Duration: \d+ ms\t/);
    assert.doesNotMatch(first.tail, /Init Duration|before-snapshot hook ran/);
    const warm = await invoke('ss-restore:1');
    assert.equal(warm.out.pid, first.out.pid);
    assert.equal(warm.out.runs.calls, 2);
    assert.doesNotMatch(warm.tail, /Restore Duration|RESTORE_START/);

    // A second environment (the first is killed): restored from the same snapshot, so the same module-level value.
    process.kill(first.out.pid, 'SIGKILL');
    await environmentsAtMost(0);
    const second = await invoke('ss-restore:1');
    assert.equal(second.error, undefined, JSON.stringify(second.out));
    assert.notEqual(second.out.pid, first.out.pid);
    assert.equal(second.out.value, first.out.value, 'one initialisation for both environments');
    assert.equal(second.out.initAt, first.out.initAt);
    assert.deepEqual(second.out.runs, { before: 1, after: 1, calls: 1 });
    assert.match(second.tail, /Restore Duration: [\d.]+ ms\tBilled Restore Duration: \d+ ms/);

    // Two at once: two more environments, the same value again.
    const both = await Promise.all([invoke('ss-restore:1', { sleep: 1 }), invoke('ss-restore:1', { sleep: 1 })]);
    assert.equal(new Set(both.map((b) => b.out.value)).size, 1);
    assert.equal(both[0]!.out.value, first.out.value);

    // $LATEST is not restored: each environment runs init, and no hook runs.
    const latest = await invoke('ss-restore');
    assert.equal(latest.out.initType, 'on-demand');
    assert.notEqual(latest.out.value, first.out.value);
    assert.deepEqual(latest.out.runs, { before: 0, after: 0, calls: 1 });
    assert.match(latest.tail, /Init Duration: [\d.]+ ms/);
    assert.doesNotMatch(latest.tail, /Restore Duration/);
    process.kill(latest.out.pid, 'SIGKILL');
    for (let i = 0; i < 400; i++) {
      const again = await invoke('ss-restore');
      if (again.error === undefined && again.out.pid !== latest.out.pid) {
        assert.notEqual(again.out.value, latest.out.value, '$LATEST initialises again');
        break;
      }
      await sleep(25);
    }

    // The snapshot's own log stream: INIT_START, the init (before-snapshot hook included), INIT_REPORT.
    const events = await logs.send(new FilterLogEventsCommand({ logGroupName: '/aws/lambda/ss-restore', logStreamNamePrefix: `${new Date().toISOString().slice(0, 10).replace(/-/g, '/')}/[1]` }));
    const snapshotStream = events.events!.find((e) => e.message!.startsWith('INIT_START'))!.logStreamName;
    const messages = events.events!.filter((e) => e.logStreamName === snapshotStream).map((e) => e.message!.trimEnd());
    assert.match(messages[0]!, /^INIT_START Runtime Version: python:3\.\d+\.\d+[^\t]*\t/);
    assert.equal(messages.filter((m) => m === 'before-snapshot hook ran').length, 1);
    assert.match(messages.at(-1)!, /^INIT_REPORT Init Duration: [\d.]+ ms$/);
  });

  it('tracks restored environments: a timeout kills one, the next is restored again', async () => {
    await createFunction(t.lambda, 'ss-timeout', { 'app.py': HOOKED_MODULE }, { Runtime: 'python3.12', Handler: 'app.handler', Timeout: 1, SnapStart: { ApplyOn: 'PublishedVersions' } });
    await t.lambda.send(new PublishVersionCommand({ FunctionName: 'ss-timeout' }));
    await waitUntilPublishedVersionActive({ client: t.lambda, maxWaitTime: 60, minDelay: 1 }, { FunctionName: 'ss-timeout', Qualifier: '1' });
    const before = stats().environments;
    const slow = await invoke('ss-timeout:1', { sleep: 5 });
    assert.equal(slow.error, 'Unhandled');
    assert.equal(slow.out.errorType, 'Sandbox.Timedout');
    assert.match(slow.tail, /Task timed out after 1\.00 seconds/);
    assert.match(slow.tail, /Restore Duration: [\d.]+ ms\tBilled Restore Duration: \d+ ms\tStatus: timeout/);
    await environmentsAtMost(before);
    const next = await invoke('ss-timeout:1');
    assert.equal(next.error, undefined);
    assert.match(next.tail, /RESTORE_START/);
  });

  it('answers invocations of a version whose snapshot is not made, and marks a failed init Failed', async () => {
    await createFunction(t.lambda, 'ss-slow', { 'app.py': 'import time\ntime.sleep(3)\ndef handler(e, c):\n    return 1\n' }, { Runtime: 'python3.12', Handler: 'app.handler', SnapStart: { ApplyOn: 'PublishedVersions' } });
    await t.lambda.send(new PublishVersionCommand({ FunctionName: 'ss-slow' }));
    await assert.rejects(
      t.lambda.send(new InvokeCommand({ FunctionName: 'ss-slow:1' })),
      awsError('ResourceConflictException', 409, 'The operation cannot be performed at this time. The function is currently in the following state: Pending'),
    );
    await waitUntilPublishedVersionActive({ client: t.lambda, maxWaitTime: 60, minDelay: 1 }, { FunctionName: 'ss-slow', Qualifier: '1' });
    assert.equal(json((await t.lambda.send(new InvokeCommand({ FunctionName: 'ss-slow:1' }))).Payload), 1);

    await createFunction(t.lambda, 'ss-broken', { 'app.py': 'raise RuntimeError("no init today")\n' }, { Runtime: 'python3.12', Handler: 'app.handler', SnapStart: { ApplyOn: 'PublishedVersions' } });
    await t.lambda.send(new PublishVersionCommand({ FunctionName: 'ss-broken' }));
    await assert.rejects(waitUntilPublishedVersionActive({ client: t.lambda, maxWaitTime: 60, minDelay: 1 }, { FunctionName: 'ss-broken', Qualifier: '1' }));
    const failed = await t.lambda.send(new GetFunctionConfigurationCommand({ FunctionName: 'ss-broken', Qualifier: '1' }));
    assert.equal(failed.State, 'Failed');
    assert.equal(failed.StateReasonCode, 'FunctionError');
    assert.match(failed.StateReason!, /RuntimeError: no init today/);
    await assert.rejects(
      t.lambda.send(new InvokeCommand({ FunctionName: 'ss-broken:1' })),
      awsError('ResourceConflictException', 409, 'The operation cannot be performed at this time. The function is currently in the following state: Failed'),
    );
    // $LATEST is invoked as usual (and reports its init error).
    const r = await t.lambda.send(new InvokeCommand({ FunctionName: 'ss-broken' }));
    assert.equal(r.FunctionError, 'Unhandled');
    assert.match(text(r.Payload), /no init today/);
  });

  it('stops a version\'s template when the function is deleted', async () => {
    await createFunction(t.lambda, 'ss-delete', { 'app.py': 'def handler(e, c):\n    return 2\n' }, { Runtime: 'python3.12', Handler: 'app.handler', SnapStart: { ApplyOn: 'PublishedVersions' } });
    await t.lambda.send(new PublishVersionCommand({ FunctionName: 'ss-delete' }));
    await waitUntilPublishedVersionActive({ client: t.lambda, maxWaitTime: 60, minDelay: 1 }, { FunctionName: 'ss-delete', Qualifier: '1' });
    assert.equal(json((await t.lambda.send(new InvokeCommand({ FunctionName: 'ss-delete:1' }))).Payload), 2);
    const templates = stats().snapshots;
    await t.lambda.send(new DeleteFunctionCommand({ FunctionName: 'ss-delete' }));
    for (let i = 0; i < 400 && stats().snapshots >= templates; i++) await sleep(25);
    assert.equal(stats().snapshots, templates - 1);
  });
});

/** The isolation modes other than the one this machine probes (namespace as root): the fork keeps the template's uid. */
for (const isolation of ['uid', 'none'] as const) {
  describe(`lambda SnapStart with isolation ${isolation}`, () => {
    let t: LambdaTestContext;
    before(async () => {
      t = await startLambdaServer({ isolation });
    });
    after(async () => {
      await t.server.stop();
    });

    it('restores two environments from one initialisation', async () => {
      await createFunction(t.lambda, 'ss-iso', { 'app.py': HOOKED_MODULE }, { Runtime: 'python3.12', Handler: 'app.handler', SnapStart: { ApplyOn: 'PublishedVersions' } });
      await t.lambda.send(new PublishVersionCommand({ FunctionName: 'ss-iso' }));
      await waitUntilPublishedVersionActive({ client: t.lambda, maxWaitTime: 60, minDelay: 1 }, { FunctionName: 'ss-iso', Qualifier: '1' });
      const call = async (): Promise<Record<string, any>> => json((await t.lambda.send(new InvokeCommand({ FunctionName: 'ss-iso:1', Payload: Buffer.from('{"sleep":1}') }))).Payload) as Record<string, any>;
      const [a, b] = await Promise.all([call(), call()]);
      assert.equal(a!.initType, 'snap-start', JSON.stringify(a));
      assert.notEqual(a!.pid, b!.pid);
      assert.equal(a!.value, b!.value);
      assert.deepEqual(a!.runs, { before: 1, after: 1, calls: 1 });
    });
  });
}

describe('lambda SnapStart across a restart', () => {
  it('makes the snapshot of a version left Pending when the server stopped; an Active one cold starts once, then restores', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'stratus-snapstart-'));
    const start = () => startServer({ config: { dataDir, services: { lambda: { idleTimeoutSeconds: 600 } } }, services: SERVICES });
    try {
      let server = await start();
      let lambda = new LambdaClient(clientConfig(server.endpoint));
      const code = 'import os, time\ntime.sleep(2)\ndef handler(e, c):\n    return os.getpid()\n';
      await createFunction(lambda, 'ss-restart', { 'app.py': code }, { Runtime: 'python3.12', Handler: 'app.handler', SnapStart: { ApplyOn: 'PublishedVersions' } });
      assert.equal((await lambda.send(new PublishVersionCommand({ FunctionName: 'ss-restart' }))).State, 'Pending');
      await server.stop();
      server = await start();
      lambda = new LambdaClient(clientConfig(server.endpoint));
      try {
        assert.equal((await lambda.send(new GetFunctionConfigurationCommand({ FunctionName: 'ss-restart', Qualifier: '1' }))).State, 'Pending');
        await waitUntilPublishedVersionActive({ client: lambda, maxWaitTime: 60, minDelay: 1 }, { FunctionName: 'ss-restart', Qualifier: '1' });
        const r = await lambda.send(new InvokeCommand({ FunctionName: 'ss-restart:1', LogType: 'Tail' }));
        assert.equal(typeof json(r.Payload), 'number');
        assert.match(Buffer.from(r.LogResult!, 'base64').toString(), /Restore Duration/);
      } finally {
        await server.stop();
      }
      // Active, but its template is gone with the server: the first environment cold starts, and
      // a template is made again for the next ones.
      server = await start();
      lambda = new LambdaClient(clientConfig(server.endpoint));
      try {
        const invoke = async () => {
          const r = await lambda.send(new InvokeCommand({ FunctionName: 'ss-restart:1', LogType: 'Tail' }));
          return { pid: json(r.Payload) as number, tail: Buffer.from(r.LogResult!, 'base64').toString() };
        };
        const cold = await invoke();
        assert.match(cold.tail, /Init Duration: [\d.]+ ms/);
        let pid = cold.pid;
        let restored = false;
        for (let i = 0; i < 100 && !restored; i++) {
          process.kill(pid, 'SIGKILL');
          await new Promise((r) => setTimeout(r, 200));
          const next = await invoke().catch(() => undefined);
          if (!next || typeof next.pid !== 'number') continue;
          pid = next.pid;
          restored = /Restore Duration/.test(next.tail);
        }
        assert.ok(restored, 'a later environment was restored from the new template');
      } finally {
        await server.stop();
      }
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
