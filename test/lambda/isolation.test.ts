import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { DeleteFunctionCommand, InvokeCommand, LambdaClient } from '@aws-sdk/client-lambda';
import { clientConfig, startServer } from '../helpers/server.js';
import { createFunction, json, SERVICES, startLambdaServer, type LambdaTestContext } from './helpers.js';

const isRoot = process.getuid?.() === 0;
const invoke = async (t: LambdaTestContext, name: string, event: unknown = {}): Promise<{ payload: unknown; error: string | undefined }> => {
  const r = await t.lambda.send(new InvokeCommand({ FunctionName: name, Payload: Buffer.from(JSON.stringify(event)) }));
  return { payload: json(r.Payload), error: r.FunctionError };
};

describe('lambda isolation, ephemeral storage and event-loop semantics', () => {
  let t: LambdaTestContext;
  let dataDir: string;
  let mode: string;
  before(async () => {
    // A marker in the server's environment: functions must not see it.
    process.env.STRATUS_TEST_SERVER_SECRET = 'server-only';
    // Not under /tmp: with a private /tmp the path would not even exist for functions.
    dataDir = mkdtempSync(join(existsSync('/var/tmp') ? '/var/tmp' : tmpdir(), 'stratus-iso-data-'));
    const server = await startServer({ config: { dataDir, services: { lambda: { idleTimeoutSeconds: 600 } } }, services: SERVICES });
    t = { server, lambda: new LambdaClient(clientConfig(server.endpoint)) };
    mode = ((await server.services.get('lambda')!.load()).provider as unknown as { health(): { isolation: string } }).health().isolation;
  });
  after(async () => {
    await t.server.stop();
    delete process.env.STRATUS_TEST_SERVER_SECRET;
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('runs as root here, so isolation is on (uid, or namespace with util-linux)', { skip: !isRoot && 'not running as root: functions run as the server user' }, () => {
    assert.ok(mode === 'uid' || mode === 'namespace', mode);
    assert.equal(statSync(dataDir).mode & 0o777, 0o700);
  });

  it("keeps each function to its own files: another function's code, the data directory, the server's signals and environment are out of reach", { skip: !isRoot && 'not running as root' }, async () => {
    const probe = `const fs = require('fs'); const http = require('http');
      const attempt = (fn) => { try { fn(); return 'ok'; } catch (e) { return e.code; } };
      exports.handler = async (event) => {
        const out = {
          uid: process.getuid(), gid: process.getgid(), groups: process.getgroups(),
          root: process.env.LAMBDA_TASK_ROOT, api: process.env.AWS_LAMBDA_RUNTIME_API,
          own: attempt(() => fs.readFileSync(process.env.LAMBDA_TASK_ROOT + '/index.js')),
          secret: process.env.STRATUS_TEST_SERVER_SECRET ?? null,
          fds: fs.readdirSync('/proc/self/fd').map(Number).filter((fd) => fd > 2).map((fd) => { try { return fs.readlinkSync('/proc/self/fd/' + fd); } catch { return 'gone'; } }),
        };
        if (event.other) {
          out.otherCode = attempt(() => fs.readFileSync(event.other.root + '/index.js'));
          out.otherDir = attempt(() => fs.readdirSync(event.other.root));
          out.db = attempt(() => fs.readFileSync(event.dataDir + '/stratus.db'));
          out.dataDir = attempt(() => fs.readdirSync(event.dataDir));
          out.signal = attempt(() => process.kill(event.serverPid, 0));
          out.otherApi = await new Promise((resolve) => {
            const req = http.get('http://' + event.other.api + '/2018-06-01/runtime/invocation/next', (res) => resolve('status ' + res.statusCode));
            req.on('error', (e) => resolve(e.code || e.message));
            req.setTimeout(5000, () => { req.destroy(); resolve('timeout'); });
          });
        }
        return out;
      };`;
    await createFunction(t.lambda, 'iso-a', { 'index.js': probe });
    await createFunction(t.lambda, 'iso-b', { 'index.js': probe });
    const b = await invoke(t, 'iso-b');
    assert.equal(b.error, undefined);
    const other = b.payload as { uid: number; gid: number; root: string; api: string; own: string };
    const a = await invoke(t, 'iso-a', { other, dataDir, serverPid: process.pid });
    assert.equal(a.error, undefined);
    const out = a.payload as Record<string, unknown>;
    // Both run normally, each under its own unprivileged uid/gid, with no supplementary groups.
    assert.equal(other.own, 'ok');
    assert.equal(out.own, 'ok');
    for (const x of [other, out] as { uid: number; gid: number; groups: number[] }[]) {
      assert.ok(x.uid >= 60000 && x.uid <= 64999, String(x.uid));
      assert.equal(x.gid, x.uid);
      assert.deepEqual(x.groups.filter((g) => g !== x.gid), []);
    }
    assert.notEqual(out.uid, other.uid);
    assert.equal(out.otherCode, 'EACCES');
    assert.equal(out.otherDir, 'EACCES');
    assert.equal(out.db, 'EACCES');
    assert.equal(out.dataDir, 'EACCES');
    assert.equal(out.signal, 'EPERM');
    assert.equal(out.secret, null);
    // Another environment's Runtime API refuses the connection.
    assert.ok(out.otherApi === 'ECONNRESET' || out.otherApi === 'socket hang up', String(out.otherApi));
    // No descriptor of the server is inherited: only the runtime's own socket (and pipes node opens).
    for (const fd of out.fds as string[]) assert.match(fd, /^(socket|pipe|anon_inode):|^\/dev\/(null|urandom)$|^gone$/, fd);
    // The uid is stable for a function: a second invocation (same environment or not) reports the same.
    const again = (await invoke(t, 'iso-b')).payload as { uid: number };
    assert.equal(again.uid, other.uid);
  });

  it('isolates Python and custom runtimes the same way', { skip: !isRoot && 'not running as root' }, async () => {
    await createFunction(t.lambda, 'iso-py', {
      'app.py': [
        'import os',
        'def handler(event, context):',
        '    def attempt(fn):',
        '        try:',
        '            fn()',
        '            return "ok"',
        '        except OSError as e:',
        '            return os.strerror(e.errno)',
        '    return {"uid": os.getuid(), "groups": os.getgroups(), "tmp": os.environ.get("TMPDIR"),',
        '            "other": attempt(lambda: open(event["root"] + "/index.js").read()),',
        '            "db": attempt(lambda: open(event["dataDir"] + "/stratus.db", "rb").read(1))}',
      ].join('\n'),
    }, { Runtime: 'python3.12', Handler: 'app.handler' });
    const b = (await invoke(t, 'iso-b')).payload as { root: string; uid: number };
    const py = (await invoke(t, 'iso-py', { root: b.root, dataDir })).payload as { uid: number; groups: number[]; other: string; db: string };
    assert.ok(py.uid >= 60000 && py.uid <= 64999 && py.uid !== b.uid, String(py.uid));
    assert.deepEqual(py.groups.filter((g) => g !== py.uid), []);
    assert.equal(py.other, 'Permission denied');
    assert.equal(py.db, 'Permission denied');
    await createFunction(t.lambda, 'iso-sh', {
      bootstrap: {
        mode: 0o755,
        data: [
          '#!/bin/sh',
          'while true; do',
          '  HEADERS=$(mktemp)',
          '  curl -sS -D "$HEADERS" "http://${AWS_LAMBDA_RUNTIME_API}/2018-06-01/runtime/invocation/next" > /dev/null',
          '  REQUEST_ID=$(grep -i "Lambda-Runtime-Aws-Request-Id" "$HEADERS" | tr -d "[:space:]" | cut -d: -f2)',
          `  if cat ${b.root}/index.js > /dev/null 2>&1; then OTHER=readable; else OTHER=denied; fi`,
          '  curl -sS -X POST "http://${AWS_LAMBDA_RUNTIME_API}/2018-06-01/runtime/invocation/$REQUEST_ID/response" -d "{\\"uid\\":$(id -u),\\"other\\":\\"$OTHER\\"}" > /dev/null',
          'done',
        ].join('\n'),
      },
    }, { Runtime: 'provided.al2023', Handler: 'x' });
    const sh = (await invoke(t, 'iso-sh')).payload as { uid: number; other: string };
    assert.ok(sh.uid >= 60000 && sh.uid <= 64999 && sh.uid !== b.uid, String(sh.uid));
    assert.equal(sh.other, 'denied');
  });

  it('enforces the ephemeral storage size on /tmp: writing past it fails with ENOSPC (No space left on device)', { skip: !isRoot && 'not running as root' }, async (ctx) => {
    if (mode !== 'namespace') return ctx.skip('no mount namespace here: only RLIMIT_FSIZE applies');
    await createFunction(t.lambda, 'fill-tmp', {
      'index.js': `const fs = require('fs');
        exports.handler = async () => {
          const chunk = Buffer.alloc(1024 * 1024, 1);
          const fd = fs.openSync('/tmp/fill', 'w');
          let mb = 0; let error = null;
          try { for (;;) { fs.writeSync(fd, chunk); mb++; if (mb > 600) break; } } catch (e) { error = { code: e.code, message: e.message }; }
          fs.closeSync(fd);
          fs.unlinkSync('/tmp/fill');
          const st = fs.statfsSync('/tmp');
          return { mb, error, free: st.bfree * st.bsize, size: st.blocks * st.bsize };
        };`,
    }, { EphemeralStorage: { Size: 512 }, Timeout: 30 });
    const r = await invoke(t, 'fill-tmp');
    assert.equal(r.error, undefined);
    const out = r.payload as { mb: number; error: { code: string; message: string } | null; free: number; size: number };
    assert.equal(out.error?.code, 'ENOSPC');
    assert.match(out.error!.message, /no space left on device/);
    assert.ok(out.mb >= 500 && out.mb <= 512, String(out.mb));
    assert.equal(out.size, 512 * 1024 * 1024);
    assert.equal(out.free, out.size);
  });

  it('honours context.callbackWaitsForEmptyEventLoop: by default the callback answers once the event loop is empty', async () => {
    await createFunction(t.lambda, 'cb-wait', {
      'index.js': `exports.handler = (event, context, callback) => {
          const result = { value: 'at callback time' };
          if (event.noWait) context.callbackWaitsForEmptyEventLoop = false;
          setTimeout(() => { result.value = 'after the pending timer ran'; }, 100);
          callback(null, result);
        };`,
    });
    assert.deepEqual((await invoke(t, 'cb-wait')).payload, { value: 'after the pending timer ran' });
    assert.deepEqual((await invoke(t, 'cb-wait', { noWait: true })).payload, { value: 'at callback time' });
    // context.succeed answers at once, whatever the flag.
    await createFunction(t.lambda, 'cb-succeed', {
      'index.js': `exports.handler = (event, context) => {
          const result = { value: 'at succeed time' };
          setTimeout(() => { result.value = 'later'; }, 100);
          context.succeed(result);
        };`,
    });
    assert.deepEqual((await invoke(t, 'cb-succeed')).payload, { value: 'at succeed time' });
    // An error passed to the callback answers at once; only the first completion counts.
    await createFunction(t.lambda, 'cb-error', {
      'index.js': `exports.handler = (event, context, callback) => {
          if (event.twice) { callback(null, 'first'); context.succeed('second'); return; }
          const e = new Error('at callback time');
          setTimeout(() => { e.message = 'later'; }, 100);
          callback(e);
        };`,
    });
    const failed = await invoke(t, 'cb-error');
    assert.equal(failed.error, 'Unhandled');
    assert.deepEqual([(failed.payload as { errorType: string }).errorType, (failed.payload as { errorMessage: string }).errorMessage], ['Error', 'at callback time']);
    assert.equal((await invoke(t, 'cb-error', { twice: true })).payload, 'first');
  });

  it('ignores what a non-async handler returns without a promise: it answers null, as AWS does', async () => {
    await createFunction(t.lambda, 'sync-return', { 'index.js': 'exports.handler = (event) => ({ ignored: true });' });
    const r = await invoke(t, 'sync-return');
    assert.equal(r.error, undefined);
    assert.equal(r.payload, null);
    await createFunction(t.lambda, 'sync-promise', { 'index.js': 'exports.handler = (event) => Promise.resolve({ fromPromise: true });' });
    assert.deepEqual((await invoke(t, 'sync-promise')).payload, { fromPromise: true });
  });

  it('answers null for a callback handler that never calls back once its work is done, and times out one whose event loop never empties', async () => {
    await createFunction(t.lambda, 'cb-never', {
      'index.js': `exports.handler = (event, context, callback) => { setTimeout(() => console.log('work done'), 20); };`,
    });
    const r = await invoke(t, 'cb-never');
    assert.equal(r.error, undefined);
    assert.equal(r.payload, null);
    await createFunction(t.lambda, 'cb-busy-loop', {
      'index.js': `exports.handler = (event, context, callback) => { setInterval(() => undefined, 50); callback(null, 'done'); };`,
    }, { Timeout: 1 });
    const busy = await invoke(t, 'cb-busy-loop');
    assert.equal(busy.error, 'Unhandled');
    assert.equal((busy.payload as { errorType: string }).errorType, 'Sandbox.Timedout');
  });
});

describe('lambda isolation modes chosen by configuration', () => {
  const probe = `const fs = require('fs'); const os = require('os');
    exports.handler = async (event) => {
      let other = 'none';
      if (event.root) { try { fs.readFileSync(event.root + '/index.js'); other = 'ok'; } catch (e) { other = e.code; } }
      const st = fs.statSync(os.tmpdir());
      return { uid: process.getuid(), root: process.env.LAMBDA_TASK_ROOT, tmp: os.tmpdir(), tmpMode: st.mode & 0o777, tmpOwner: st.uid, other };
    };`;

  it('uid mode (root without mount namespaces): own uid, own 0700 scratch directory, no access to other functions', { skip: !isRoot && 'not running as root' }, async () => {
    // A sandbox left by a Stratus process that died without cleaning up is removed at start.
    const dead = spawnSync(process.execPath, ['-e', '0']).pid!;
    const stale = mkdtempSync(join(existsSync('/var/tmp') ? '/var/tmp' : tmpdir(), 'stratus-sandbox-'));
    writeFileSync(join(stale, '.stratus-owner'), `${dead}\n`);
    const t = await startLambdaServer({ isolation: 'uid' });
    try {
      assert.equal(existsSync(stale), false);
      assert.equal((t.server.services.get('lambda')!.provider as unknown as { health(): { isolation: string } }).health().isolation, 'uid');
      await createFunction(t.lambda, 'u-a', { 'index.js': probe });
      await createFunction(t.lambda, 'u-b', { 'index.js': probe });
      const b = (await invoke(t, 'u-b')).payload as { uid: number; root: string };
      const a = (await invoke(t, 'u-a', { root: b.root })).payload as { uid: number; tmp: string; tmpMode: number; tmpOwner: number; other: string };
      assert.ok(a.uid >= 60000 && a.uid <= 64999 && a.uid !== b.uid);
      assert.notEqual(a.tmp, '/tmp');
      assert.equal(a.tmpOwner, a.uid);
      assert.equal(a.tmpMode, 0o700);
      assert.equal(a.other, 'EACCES');
      // A deleted function's own directory goes once its invocations are surely over (900 s + margin).
      const own = dirname(b.root);
      assert.equal(existsSync(own), true);
      await t.lambda.send(new DeleteFunctionCommand({ FunctionName: 'u-b' }));
      t.server.clock.advance(906_000);
      for (let i = 0; i < 200 && existsSync(own); i++) await new Promise((r) => setTimeout(r, 10));
      assert.equal(existsSync(own), false);
    } finally {
      await t.server.stop();
    }
  });

  it("removes a deleted function's own directory after a restart too (the removal is a job, not a timer)", { skip: !isRoot && 'not running as root' }, async () => {
    const parent = existsSync('/var/tmp') ? '/var/tmp' : tmpdir();
    const dataDir = mkdtempSync(join(parent, 'stratus-iso-restart-'));
    const sandboxDir = mkdtempSync(join(parent, 'stratus-iso-sandbox-'));
    const config = { dataDir, services: { lambda: { sandboxDir, idleTimeoutSeconds: 600 } } };
    try {
      const first = await startServer({ config, services: SERVICES });
      let own: string;
      try {
        const t = { server: first, lambda: new LambdaClient(clientConfig(first.endpoint)) };
        await createFunction(t.lambda, 'r-a', { 'index.js': probe });
        own = dirname(((await invoke(t, 'r-a')).payload as { root: string }).root);
        await t.lambda.send(new DeleteFunctionCommand({ FunctionName: 'r-a' }));
      } finally {
        await first.stop();
      }
      assert.equal(existsSync(own), true);
      const second = await startServer({ config, services: SERVICES });
      try {
        second.clock.advance(906_000);
        for (let i = 0; i < 200 && existsSync(own); i++) await new Promise((r) => setTimeout(r, 10));
        assert.equal(existsSync(own), false);
      } finally {
        await second.stop();
      }
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
      rmSync(sandboxDir, { recursive: true, force: true });
    }
  });

  it('isolation: false keeps functions as the server user (the behaviour without root)', async () => {
    const t = await startLambdaServer({ isolation: false });
    try {
      assert.equal((t.server.services.get('lambda')!.provider as unknown as { health(): { isolation: string } }).health().isolation, 'none');
      await createFunction(t.lambda, 'n-a', { 'index.js': probe });
      const a = (await invoke(t, 'n-a')).payload as { uid: number; tmp: string };
      assert.equal(a.uid, process.getuid!());
      assert.notEqual(a.tmp, '/tmp');
    } finally {
      await t.server.stop();
    }
  });
});
