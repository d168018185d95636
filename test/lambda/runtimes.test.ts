import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { InvokeCommand, UpdateFunctionConfigurationCommand, waitUntilFunctionUpdatedV2 } from '@aws-sdk/client-lambda';
import { createFunction, json, startLambdaServer, text, type LambdaTestContext } from './helpers.js';

const tailOf = (logResult: string | undefined): string => Buffer.from(logResult ?? '', 'base64').toString('utf8');

describe('lambda runtimes through the Runtime API', () => {
  let t: LambdaTestContext;
  before(async () => {
    t = await startLambdaServer();
  });
  after(async () => {
    await t.server.stop();
  });

  it('runs a Node CommonJS handler with the context object and AWS environment variables', async () => {
    await createFunction(t.lambda, 'node-cjs', {
      'index.js': `exports.handler = async (event, context) => ({
        event,
        requestId: context.awsRequestId,
        functionName: context.functionName,
        functionVersion: context.functionVersion,
        memory: context.memoryLimitInMB,
        arn: context.invokedFunctionArn,
        logGroup: context.logGroupName,
        logStream: context.logStreamName,
        remaining: context.getRemainingTimeInMillis(),
        env: {
          name: process.env.AWS_LAMBDA_FUNCTION_NAME, handler: process.env._HANDLER, root: process.env.LAMBDA_TASK_ROOT,
          region: process.env.AWS_REGION, api: process.env.AWS_LAMBDA_RUNTIME_API, endpoint: process.env.AWS_ENDPOINT_URL,
          key: process.env.AWS_ACCESS_KEY_ID, custom: process.env.GREETING, cwd: process.cwd(),
        },
      });`,
    }, { Environment: { Variables: { GREETING: 'hello' } }, MemorySize: 256, Timeout: 10 });
    const r = await t.lambda.send(new InvokeCommand({ FunctionName: 'node-cjs', Payload: Buffer.from('{"a":1}') }));
    assert.equal(r.StatusCode, 200);
    assert.equal(r.FunctionError, undefined);
    assert.equal(r.ExecutedVersion, '$LATEST');
    const out = json(r.Payload) as Record<string, any>;
    assert.deepEqual(out.event, { a: 1 });
    assert.match(out.requestId, /^[0-9a-f-]{36}$/);
    assert.equal(out.functionName, 'node-cjs');
    assert.equal(out.functionVersion, '$LATEST');
    assert.equal(out.memory, '256');
    assert.equal(out.arn, 'arn:aws:lambda:us-east-1:000000000000:function:node-cjs');
    assert.equal(out.logGroup, '/aws/lambda/node-cjs');
    assert.match(out.logStream, /^\d{4}\/\d{2}\/\d{2}\/\[\$LATEST\][0-9a-f]{32}$/);
    assert.ok(out.remaining > 0 && out.remaining <= 10_000);
    assert.equal(out.env.name, 'node-cjs');
    assert.equal(out.env.handler, 'index.handler');
    assert.equal(out.env.root, out.env.cwd);
    assert.equal(out.env.region, 'us-east-1');
    assert.match(out.env.api, /^127\.0\.0\.1:\d+$/);
    assert.equal(out.env.endpoint, t.server.endpoint);
    assert.equal(out.env.key, 'test');
    assert.equal(out.env.custom, 'hello');
  });

  it('runs a Node ESM handler (.mjs) and a callback-style handler', async () => {
    await createFunction(t.lambda, 'node-esm', { 'app.mjs': 'export const handler = async (e) => ({ esm: true, got: e.x });' }, { Handler: 'app.handler', Runtime: 'nodejs22.x' });
    const r = await t.lambda.send(new InvokeCommand({ FunctionName: 'node-esm', Payload: Buffer.from('{"x":42}') }));
    assert.deepEqual(json(r.Payload), { esm: true, got: 42 });

    await createFunction(t.lambda, 'node-esm-pkg', {
      'package.json': '{"type":"module"}',
      'index.js': 'import { sep } from "node:path"; export async function handler() { return { sep }; }',
    });
    const r2 = await t.lambda.send(new InvokeCommand({ FunctionName: 'node-esm-pkg' }));
    assert.deepEqual(json(r2.Payload), { sep: '/' });

    await createFunction(t.lambda, 'node-callback', { 'index.js': 'exports.handler = (event, context, callback) => { setTimeout(() => callback(null, { cb: event.n * 2 }), 5); };' });
    const r3 = await t.lambda.send(new InvokeCommand({ FunctionName: 'node-callback', Payload: Buffer.from('{"n":21}') }));
    assert.deepEqual(json(r3.Payload), { cb: 42 });
  });

  it('runs a Python handler with its context', async () => {
    await createFunction(
      t.lambda,
      'py-fn',
      {
        'lambda_function.py': [
          'import os',
          'count = 0',
          'def handler(event, context):',
          '    global count',
          '    count += 1',
          '    print("python says", event)',
          '    return {"echo": event, "count": count, "name": context.function_name, "rid": context.aws_request_id,',
          '            "remaining": context.get_remaining_time_in_millis(), "region": os.environ["AWS_REGION"]}',
        ].join('\n'),
      },
      { Runtime: 'python3.12', Handler: 'lambda_function.handler' },
    );
    const r = await t.lambda.send(new InvokeCommand({ FunctionName: 'py-fn', Payload: Buffer.from('{"k":"v"}'), LogType: 'Tail' }));
    assert.equal(r.StatusCode, 200);
    const out = json(r.Payload) as Record<string, any>;
    assert.deepEqual(out.echo, { k: 'v' });
    assert.equal(out.name, 'py-fn');
    assert.equal(out.region, 'us-east-1');
    assert.ok(out.remaining > 0);
    const logs = tailOf(r.LogResult);
    assert.match(logs, /python says \{'k': 'v'\}/);
    assert.match(logs, new RegExp(`REPORT RequestId: ${out.rid}\\tDuration: [\\d.]+ ms\\tBilled Duration: \\d+ ms\\tMemory Size: 128 MB\\tMax Memory Used: \\d+ MB\\tInit Duration: [\\d.]+ ms`));
    const r2 = await t.lambda.send(new InvokeCommand({ FunctionName: 'py-fn', Payload: Buffer.from('{}') }));
    assert.equal((json(r2.Payload) as { count: number }).count, 2, 'module state persists in the warm environment');
  });

  it('runs a shell-script custom runtime (provided.al2023) through the Runtime API', async () => {
    const bootstrap = [
      '#!/bin/sh',
      'set -eu',
      'while true; do',
      '  HEADERS="$(mktemp)"',
      '  EVENT=$(curl -sS -D "$HEADERS" "http://${AWS_LAMBDA_RUNTIME_API}/2018-06-01/runtime/invocation/next")',
      '  REQUEST_ID=$(grep -i Lambda-Runtime-Aws-Request-Id "$HEADERS" | tr -d "[:space:]" | cut -d: -f2)',
      '  echo "custom runtime got $EVENT"',
      '  curl -sS -X POST "http://${AWS_LAMBDA_RUNTIME_API}/2018-06-01/runtime/invocation/$REQUEST_ID/response" -d "{\\"shell\\":true,\\"handler\\":\\"$_HANDLER\\",\\"event\\":$EVENT}" > /dev/null',
      'done',
    ].join('\n');
    await createFunction(t.lambda, 'shell-fn', { bootstrap: { data: bootstrap, mode: 0o755 } }, { Runtime: 'provided.al2023', Handler: 'function.handler' });
    const r = await t.lambda.send(new InvokeCommand({ FunctionName: 'shell-fn', Payload: Buffer.from('{"q":1}'), LogType: 'Tail' }));
    assert.equal(r.FunctionError, undefined, text(r.Payload));
    assert.deepEqual(json(r.Payload), { shell: true, handler: 'function.handler', event: { q: 1 } });
    assert.match(tailOf(r.LogResult), /custom runtime got \{"q":1\}/);
  });

  it('serves a cold start from a pre-started runtime process with the function\'s own environment', async () => {
    const pool = (t.server.services.get('lambda')!.provider as unknown as { pool: { stats(): { spares: number } } }).pool;
    await createFunction(t.lambda, 'prestart-1', { 'index.js': 'exports.handler = async () => 1;' });
    await t.lambda.send(new InvokeCommand({ FunctionName: 'prestart-1' }));
    for (let i = 0; i < 200 && pool.stats().spares === 0; i++) await new Promise((r) => setTimeout(r, 25));
    assert.ok(pool.stats().spares >= 1, 'a Node process was started ahead');
    await createFunction(t.lambda, 'prestart-2', {
      'index.js': 'exports.handler = async () => ({ name: process.env.AWS_LAMBDA_FUNCTION_NAME, flag: process.env.FLAG_VALUE, standby: process.env._STRATUS_STANDBY ?? null, cwd: process.cwd() === process.env.LAMBDA_TASK_ROOT, tz: process.env.TZ });',
    }, { Environment: { Variables: { FLAG_VALUE: 'on' } } });
    const r = await t.lambda.send(new InvokeCommand({ FunctionName: 'prestart-2', LogType: 'Tail' }));
    assert.deepEqual(json(r.Payload), { name: 'prestart-2', flag: 'on', standby: null, cwd: true, tz: ':UTC' });
    assert.match(tailOf(r.LogResult), /Init Duration: [\d.]+ ms/);
  });

  it('reports a custom runtime without an executable bootstrap as Runtime.InvalidEntrypoint', async () => {
    await createFunction(t.lambda, 'no-bootstrap', { 'main.sh': 'echo hi' }, { Runtime: 'provided.al2', Handler: 'x' });
    const e1 = json((await t.lambda.send(new InvokeCommand({ FunctionName: 'no-bootstrap' }))).Payload) as { errorType: string; errorMessage: string };
    assert.equal(e1.errorType, 'Runtime.InvalidEntrypoint');
    assert.match(e1.errorMessage, /^Couldn't find valid bootstrap\(s\): \[\S+\/bootstrap \/opt\/bootstrap\]$/);
    await createFunction(t.lambda, 'not-executable', { bootstrap: { data: '#!/bin/sh\necho hi\n', mode: 0o644 } }, { Runtime: 'provided.al2023', Handler: 'x' });
    const e2 = json((await t.lambda.send(new InvokeCommand({ FunctionName: 'not-executable' }))).Payload) as { errorType: string; errorMessage: string };
    assert.equal(e2.errorType, 'Runtime.InvalidEntrypoint');
    assert.match(e2.errorMessage, /permission denied$/);
  });

  it('gives each environment its own temporary directory and limits its size to the ephemeral storage', async () => {
    await createFunction(t.lambda, 'tmp-fn', {
      'index.js': `const fs = require('fs'); const os = require('os');
        exports.handler = async () => {
          const limits = fs.readFileSync('/proc/self/limits', 'utf8').split('\\n').find((l) => l.startsWith('Max file size'));
          fs.writeFileSync(os.tmpdir() + '/probe.txt', 'x');
          const st = fs.statfsSync(os.tmpdir());
          return { tmp: os.tmpdir(), limit: limits.split(/\\s+/)[3], wrote: fs.existsSync(os.tmpdir() + '/probe.txt'), sizeBytes: st.blocks * st.bsize };
        };`,
    }, { EphemeralStorage: { Size: 1024 } });
    const out = json((await t.lambda.send(new InvokeCommand({ FunctionName: 'tmp-fn' }))).Payload) as { tmp: string; limit: string; wrote: boolean; sizeBytes: number };
    assert.equal(out.wrote, true);
    const mode = (t.server.services.get('lambda')!.provider as unknown as { health(): { isolation: string } }).health().isolation;
    if (mode === 'namespace') {
      // Its own tmpfs of the ephemeral storage size on the literal /tmp; no per-file limit.
      assert.equal(out.tmp, '/tmp');
      assert.equal(out.sizeBytes, 1024 * 1024 * 1024);
      assert.equal(out.limit, 'unlimited');
    } else {
      assert.notEqual(out.tmp, '/tmp');
      // util-linux prlimit applies the limit (Debian's util-linux is essential; without it no limit is set).
      assert.equal(out.limit, existsSync('/usr/bin/prlimit') || existsSync('/bin/prlimit') ? String(1024 * 1024 * 1024) : 'unlimited');
    }
  });

  it('reuses a warm environment: init runs once, module state persists', async () => {
    await createFunction(t.lambda, 'warm', {
      'index.js': 'const started = Date.now() + "-" + Math.random(); let calls = 0; exports.handler = async () => ({ started, calls: ++calls, pid: process.pid });',
    });
    const a = json((await t.lambda.send(new InvokeCommand({ FunctionName: 'warm', LogType: 'Tail' }))).Payload) as Record<string, unknown>;
    const second = await t.lambda.send(new InvokeCommand({ FunctionName: 'warm', LogType: 'Tail' }));
    const b = json(second.Payload) as Record<string, unknown>;
    assert.equal(b.started, a.started);
    assert.equal(b.pid, a.pid);
    assert.equal(a.calls, 1);
    assert.equal(b.calls, 2);
    assert.doesNotMatch(tailOf(second.LogResult), /Init Duration/);
  });

  it('reports an unhandled Node error as AWS does (200, X-Amz-Function-Error, errorType/errorMessage/trace)', async () => {
    await createFunction(t.lambda, 'node-throws', {
      'index.js': 'class ValidationError extends Error { constructor(m) { super(m); this.name = "ValidationError"; } }\nexports.handler = async () => { throw new ValidationError("bad input"); };',
    });
    const r = await t.lambda.send(new InvokeCommand({ FunctionName: 'node-throws', LogType: 'Tail' }));
    assert.equal(r.StatusCode, 200);
    assert.equal(r.FunctionError, 'Unhandled');
    const err = json(r.Payload) as { errorType: string; errorMessage: string; trace: string[] };
    assert.equal(err.errorType, 'ValidationError');
    assert.equal(err.errorMessage, 'bad input');
    assert.ok(Array.isArray(err.trace) && err.trace[0] === 'ValidationError: bad input');
    assert.match(tailOf(r.LogResult), /ERROR\tInvoke Error \t\{"errorType":"ValidationError"/);
  });

  it('reports an unhandled Python error with its stackTrace', async () => {
    await createFunction(t.lambda, 'py-throws', { 'app.py': 'def handler(event, context):\n    raise ValueError("nope")\n' }, { Runtime: 'python3.11', Handler: 'app.handler' });
    const r = await t.lambda.send(new InvokeCommand({ FunctionName: 'py-throws' }));
    assert.equal(r.FunctionError, 'Unhandled');
    const err = json(r.Payload) as { errorType: string; errorMessage: string; stackTrace: string[]; requestId: string };
    assert.equal(err.errorType, 'ValueError');
    assert.equal(err.errorMessage, 'nope');
    assert.match(err.stackTrace.join(''), /app\.py", line 2, in handler/);
    assert.match(err.requestId, /^[0-9a-f-]{36}$/);
  });

  it('reports init errors: missing module, missing handler, a throw at load time', async () => {
    await createFunction(t.lambda, 'no-module', { 'other.js': 'exports.x = 1;' });
    const r1 = await t.lambda.send(new InvokeCommand({ FunctionName: 'no-module' }));
    assert.equal(r1.FunctionError, 'Unhandled');
    const e1 = json(r1.Payload) as { errorType: string; errorMessage: string };
    assert.equal(e1.errorType, 'Runtime.ImportModuleError');
    assert.match(e1.errorMessage, /Cannot find module 'index'/);

    await createFunction(t.lambda, 'no-handler', { 'index.js': 'exports.other = async () => 1;' });
    const e2 = json((await t.lambda.send(new InvokeCommand({ FunctionName: 'no-handler' }))).Payload) as { errorType: string; errorMessage: string };
    assert.equal(e2.errorType, 'Runtime.HandlerNotFound');
    assert.equal(e2.errorMessage, 'index.handler is undefined or not exported');

    await createFunction(t.lambda, 'init-throws', { 'index.js': 'throw new TypeError("config missing");\nexports.handler = async () => 1;' });
    const r3 = await t.lambda.send(new InvokeCommand({ FunctionName: 'init-throws', LogType: 'Tail' }));
    const e3 = json(r3.Payload) as { errorType: string; errorMessage: string };
    assert.equal(r3.FunctionError, 'Unhandled');
    assert.equal(e3.errorType, 'TypeError');
    assert.equal(e3.errorMessage, 'config missing');
    assert.match(tailOf(r3.LogResult), /INIT_REPORT Init Duration: [\d.]+ ms\tPhase: init\tStatus: error\tError Type: TypeError/);

    await createFunction(t.lambda, 'py-no-module', { 'x.py': 'y = 1\n' }, { Runtime: 'python3.12', Handler: 'lambda_function.handler' });
    const e4 = json((await t.lambda.send(new InvokeCommand({ FunctionName: 'py-no-module' }))).Payload) as { errorType: string; errorMessage: string };
    assert.equal(e4.errorType, 'Runtime.ImportModuleError');
    assert.equal(e4.errorMessage, "Unable to import module 'lambda_function': No module named 'lambda_function'");
  });

  it('times out a function with AWS body and log line, and starts a fresh environment afterwards', async () => {
    await createFunction(t.lambda, 'sleepy', { 'index.js': 'let calls = 0; exports.handler = async (e) => { calls++; if (e.sleep) await new Promise(() => {}); return { calls }; };' }, { Timeout: 1 });
    const r = await t.lambda.send(new InvokeCommand({ FunctionName: 'sleepy', Payload: Buffer.from('{"sleep":true}'), LogType: 'Tail' }));
    assert.equal(r.StatusCode, 200);
    assert.equal(r.FunctionError, 'Unhandled');
    const err = json(r.Payload) as { errorType: string; errorMessage: string };
    assert.equal(err.errorType, 'Sandbox.Timedout');
    assert.match(err.errorMessage, /^RequestId: [0-9a-f-]{36} Error: Task timed out after 1\.00 seconds$/);
    const logs = tailOf(r.LogResult);
    assert.match(logs, /Task timed out after 1\.00 seconds/);
    assert.match(logs, /Status: timeout/);
    const again = json((await t.lambda.send(new InvokeCommand({ FunctionName: 'sleepy', Payload: Buffer.from('{}') }))).Payload) as { calls: number };
    assert.equal(again.calls, 1, 'the timed-out environment was replaced');
  });

  it('kills a function that exceeds its memory with Runtime.OutOfMemory', async () => {
    await createFunction(t.lambda, 'hog', {
      'index.js': 'const keep = []; exports.handler = async () => { for (;;) { keep.push(Buffer.alloc(16 * 1024 * 1024, 1)); await new Promise((r) => setTimeout(r, 5)); } };',
    }, { MemorySize: 128, Timeout: 30 });
    const r = await t.lambda.send(new InvokeCommand({ FunctionName: 'hog', LogType: 'Tail' }));
    assert.equal(r.FunctionError, 'Unhandled');
    const err = json(r.Payload) as { errorType: string; errorMessage: string };
    assert.equal(err.errorType, 'Runtime.OutOfMemory');
    assert.match(err.errorMessage, /Error: Runtime exited with error: signal: killed$/);
    assert.match(tailOf(r.LogResult), /Error Type: Runtime.OutOfMemory/);
  });

  it('reports a runtime that exits during an invocation as Runtime.ExitError', async () => {
    await createFunction(t.lambda, 'exits', { 'index.js': 'exports.handler = async () => { process.exit(3); };' });
    const r = await t.lambda.send(new InvokeCommand({ FunctionName: 'exits' }));
    assert.equal(r.FunctionError, 'Unhandled');
    assert.deepEqual(Object.keys(json(r.Payload) as object).sort(), ['errorMessage', 'errorType']);
    const err = json(r.Payload) as { errorType: string; errorMessage: string };
    assert.equal(err.errorType, 'Runtime.ExitError');
    assert.match(err.errorMessage, /^RequestId: [0-9a-f-]{36} Error: Runtime exited with error: exit status 3$/);
  });

  it('answers Tail with the last 4 KB of the invocation log, base64', async () => {
    await createFunction(t.lambda, 'chatty', { 'index.js': 'exports.handler = async () => { for (let i = 0; i < 200; i++) console.log("line " + i + " " + "x".repeat(40)); return 1; };' });
    const r = await t.lambda.send(new InvokeCommand({ FunctionName: 'chatty', LogType: 'Tail' }));
    const raw = Buffer.from(r.LogResult ?? '', 'base64');
    assert.equal(raw.length, 4096);
    assert.match(raw.toString('utf8'), /REPORT RequestId: /);
    assert.match(raw.toString('utf8'), /line 199 x+/);
  });

  it('a function calls Stratus STS through the AWS SDK with no endpoint in its code', async () => {
    await createFunction(t.lambda, 'calls-sts', {
      'index.js': `const { STSClient, GetCallerIdentityCommand } = require('@aws-sdk/client-sts');
        const sts = new STSClient({});
        exports.handler = async () => { const id = await sts.send(new GetCallerIdentityCommand({})); return { account: id.Account, arn: id.Arn }; };`,
    }, { Timeout: 20 });
    const r = await t.lambda.send(new InvokeCommand({ FunctionName: 'calls-sts' }));
    assert.equal(r.FunctionError, undefined, text(r.Payload));
    assert.equal((json(r.Payload) as { account: string }).account, '000000000000');
  });

  it('rejects payloads over 6 MB and non-JSON payloads', async () => {
    await assert.rejects(
      t.lambda.send(new InvokeCommand({ FunctionName: 'warm', Payload: Buffer.from(`"${'x'.repeat(6 * 1024 * 1024)}"`) })),
      (e: Error & { $metadata?: { httpStatusCode?: number } }) => e.name === 'RequestTooLargeException' && e.$metadata?.httpStatusCode === 413,
    );
    await assert.rejects(t.lambda.send(new InvokeCommand({ FunctionName: 'warm', Payload: Buffer.from('{nope') })), (e: Error) => e.name === 'InvalidRequestContentException');
  });

  it('applies a configuration change to new environments only', async () => {
    await createFunction(t.lambda, 'cfg', { 'index.js': 'exports.handler = async () => process.env.MODE ?? null;' });
    assert.equal(json((await t.lambda.send(new InvokeCommand({ FunctionName: 'cfg' }))).Payload), null);
    await t.lambda.send(new UpdateFunctionConfigurationCommand({ FunctionName: 'cfg', Environment: { Variables: { MODE: 'two' } } }));
    await waitUntilFunctionUpdatedV2({ client: t.lambda, maxWaitTime: 30, minDelay: 1 }, { FunctionName: 'cfg' });
    assert.equal(json((await t.lambda.send(new InvokeCommand({ FunctionName: 'cfg' }))).Payload), 'two');
  });
});
