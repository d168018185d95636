/**
 * Scheduling of invocations on execution environments under concurrency (src/runtime/pool.ts):
 * bursts queue and take whichever environment comes first (a warm one released or a new one
 * started), no more than `maxStartingEnvironments` environments start at once, the timeout runs
 * from the hand-off to an environment (not from the queue or the init), failing inits do not
 * strand queued invocations, and reserved concurrency still throttles with 429.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { createServer } from 'node:http';
import { connect, Socket, type AddressInfo } from 'node:net';
import { RuntimeApiServer, type RuntimeResponder } from '../../src/runtime/runtime-api-server.js';
import { InvokeCommand, PutFunctionConcurrencyCommand, UpdateFunctionConfigurationCommand } from '@aws-sdk/client-lambda';
import { createFunction, json, startLambdaServer, type LambdaTestContext } from './helpers.js';

const CAP = 2;

interface PoolStats {
  environments: number;
  busy: number;
  starting: number;
  queued: number;
  maxStarting: number;
  peakStarting: number;
}

describe('lambda scheduling under concurrency', () => {
  let t: LambdaTestContext;
  const stats = (): PoolStats => (t.server.services.get('lambda')!.provider as unknown as { pool: { stats(): PoolStats } }).pool.stats();

  /** Waits until no environment is starting (starts asked for by a burst complete on their own). */
  async function settled(): Promise<void> {
    for (let i = 0; i < 2000 && stats().starting > 0; i++) await sleep(10);
    assert.equal(stats().starting, 0);
  }

  before(async () => {
    t = await startLambdaServer({ maxStartingEnvironments: CAP });
  });
  after(async () => {
    await t.server.stop();
  });

  it('serves a burst of 40 concurrent invokes of a 50 ms function, starting at most the cap of environments at once', async () => {
    await createFunction(t.lambda, 'burst', { 'index.js': 'exports.handler = async (e) => { await new Promise((r) => setTimeout(r, 50)); return { i: e.i, pid: process.pid }; };' });
    await createFunction(t.lambda, 'burst-other', { 'index.js': 'exports.handler = async (e) => ({ other: e.i });' });
    assert.equal(stats().maxStarting, CAP);
    let maxStartingSeen = 0;
    let sampling = true;
    const sampler = (async () => {
      while (sampling) {
        maxStartingSeen = Math.max(maxStartingSeen, stats().starting);
        await sleep(2);
      }
    })();
    const invoke = (name: string, i: number) => t.lambda.send(new InvokeCommand({ FunctionName: name, Payload: Buffer.from(JSON.stringify({ i })) }));
    // A second function's requests arrive in the same burst: they are queued too, not starved.
    const [burst, other] = await Promise.all([
      Promise.all(Array.from({ length: 40 }, (_, i) => invoke('burst', i))),
      Promise.all(Array.from({ length: 4 }, (_, i) => invoke('burst-other', i))),
    ]);
    sampling = false;
    await sampler;
    const pids = new Set<number>();
    burst.forEach((r, i) => {
      assert.equal(r.StatusCode, 200);
      assert.equal(r.FunctionError, undefined, Buffer.from(r.Payload ?? []).toString());
      const out = json(r.Payload) as { i: number; pid: number };
      assert.equal(out.i, i);
      pids.add(out.pid);
    });
    other.forEach((r, i) => {
      assert.equal(r.FunctionError, undefined);
      assert.deepEqual(json(r.Payload), { other: i });
    });
    // Each environment runs one invocation at a time, so several served the burst; none
    // beyond one per request.
    assert.ok(pids.size >= 1 && pids.size <= 40, `environments used: ${pids.size}`);
    const s = stats();
    assert.ok(maxStartingSeen <= CAP, `starting at once (sampled): ${maxStartingSeen}`);
    assert.ok(s.peakStarting <= CAP && s.peakStarting >= 1, `peak starting: ${s.peakStarting}`);
    assert.equal(s.queued, 0);
    // Starts asked for by requests that a warm environment served first complete and stay warm.
    await settled();
  });

  it('serves a burst onto a warm fast function mostly with warm environments, not one start per request', async () => {
    await createFunction(t.lambda, 'fast', { 'index.js': 'exports.handler = async () => ({ pid: process.pid });' });
    // Warm: one environment, and the pool has measured an invocation and a start.
    for (let i = 0; i < 3; i++) await t.lambda.send(new InvokeCommand({ FunctionName: 'fast' }));
    const results = await Promise.all(Array.from({ length: 30 }, () => t.lambda.send(new InvokeCommand({ FunctionName: 'fast' }))));
    const pids = new Set<number>();
    for (const r of results) {
      assert.equal(r.FunctionError, undefined);
      pids.add((json(r.Payload) as { pid: number }).pid);
    }
    assert.ok(pids.size < 30, `environments used for 30 requests: ${pids.size}`);
    await settled();
  });

  it('runs the timeout from the hand-off to an environment: queue and init time do not count', async () => {
    // Init blocks 1.5 s; the function's timeout is 1 s; three requests wait for the first
    // environments to start (cap 2), so each waits longer than its timeout before it runs.
    const code = 'Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 1500);\nexports.handler = async (e) => ({ ok: e.n });\n';
    await createFunction(t.lambda, 'slow-init', { 'index.js': code }, { Timeout: 1 });
    const results = await Promise.all([1, 2, 3].map((n) => t.lambda.send(new InvokeCommand({ FunctionName: 'slow-init', Payload: Buffer.from(JSON.stringify({ n })), LogType: 'Tail' }))));
    results.forEach((r, i) => {
      assert.equal(r.FunctionError, undefined, Buffer.from(r.Payload ?? []).toString());
      assert.deepEqual(json(r.Payload), { ok: i + 1 });
    });
    const coldLogs = results.map((r) => Buffer.from(r.LogResult ?? '', 'base64').toString()).filter((l) => /Init Duration/.test(l));
    assert.ok(coldLogs.length >= 1, 'at least one cold start reported its Init Duration');
    for (const log of coldLogs) {
      const init = Number(/Init Duration: ([\d.]+) ms/.exec(log)![1]);
      assert.ok(init >= 1400, `init duration ${init} covers the 1.5 s module load`);
      assert.doesNotMatch(log, /Task timed out/);
    }
  });

  it('reports a failing init to each queued invocation instead of leaving them waiting', async () => {
    await createFunction(t.lambda, 'bad-init', { 'index.js': 'throw new Error("init boom");\n' });
    const results = await Promise.all(Array.from({ length: 5 }, () => t.lambda.send(new InvokeCommand({ FunctionName: 'bad-init' }))));
    for (const r of results) {
      assert.equal(r.StatusCode, 200);
      assert.equal(r.FunctionError, 'Unhandled');
      const doc = json(r.Payload) as { errorType: string; errorMessage: string };
      assert.equal(doc.errorMessage, 'init boom');
    }
    assert.equal(stats().queued, 0);
    await settled();
  });

  it('serves invocations queued before a configuration change with the old configuration', async () => {
    const code = 'Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 800);\nexports.handler = async () => process.env.VALUE;\n';
    await createFunction(t.lambda, 'retired', { 'index.js': code }, { Environment: { Variables: { VALUE: 'old' } } });
    const queued = [1, 2, 3].map(() => t.lambda.send(new InvokeCommand({ FunctionName: 'retired' })));
    // Change the configuration while their environments are still starting.
    for (let i = 0; i < 1000 && stats().starting === 0; i++) await sleep(5);
    await t.lambda.send(new UpdateFunctionConfigurationCommand({ FunctionName: 'retired', Environment: { Variables: { VALUE: 'new' } } }));
    for (const r of await Promise.all(queued)) {
      assert.equal(r.FunctionError, undefined, Buffer.from(r.Payload ?? []).toString());
      assert.equal(json(r.Payload), 'old');
    }
    const after = await t.lambda.send(new InvokeCommand({ FunctionName: 'retired' }));
    assert.equal(json(after.Payload), 'new');
    await settled();
  });

  it('still throttles with 429 when reserved concurrency is 1 and an invocation is in flight', async () => {
    // The function holds its slot until the test lets it go (over HTTP: the function may not
    // share this process's /tmp).
    let released = false;
    const gate = createServer((_req, res) => res.end(released ? 'go' : 'wait'));
    await new Promise<void>((r) => gate.listen(0, '127.0.0.1', r));
    const url = `http://127.0.0.1:${(gate.address() as AddressInfo).port}/`;
    try {
      const code = `exports.handler = async () => { while ((await (await fetch(${JSON.stringify(url)})).text()) !== 'go') await new Promise((r) => setTimeout(r, 10)); return 'released'; };\n`;
      await createFunction(t.lambda, 'reserved-one', { 'index.js': code }, { Timeout: 30 });
      await t.lambda.send(new PutFunctionConcurrencyCommand({ FunctionName: 'reserved-one', ReservedConcurrentExecutions: 1 }));
      const first = t.lambda.send(new InvokeCommand({ FunctionName: 'reserved-one' }));
      // Wait until the first invocation holds the function's only slot (queued, starting or running).
      for (let i = 0; i < 1000 && stats().busy === 0 && stats().queued === 0 && stats().starting === 0; i++) await sleep(5);
      const second = await Promise.allSettled([t.lambda.send(new InvokeCommand({ FunctionName: 'reserved-one' })), t.lambda.send(new InvokeCommand({ FunctionName: 'reserved-one' }))]);
      for (const r of second) {
        assert.equal(r.status, 'rejected');
        const err = (r as PromiseRejectedResult).reason as Error & { Reason?: string; $metadata: { httpStatusCode?: number } };
        assert.equal(err.name, 'TooManyRequestsException');
        assert.equal(err.$metadata.httpStatusCode, 429);
        assert.equal(err.Reason, 'ReservedFunctionConcurrentInvocationLimitExceeded');
        assert.equal(err.message, 'Rate Exceeded.');
      }
      released = true;
      const done = await first;
      assert.equal(done.FunctionError, undefined, Buffer.from(done.Payload ?? []).toString());
      assert.equal(json(done.Payload), 'released');
    } finally {
      released = true;
      gate.close();
    }
  });
});

describe('Runtime API server write path', () => {
  /** Connects a raw client; `received()` is everything read so far. */
  async function client(port: number): Promise<{ socket: Socket; received: () => string; waitFor: (text: string) => Promise<void> }> {
    const socket = connect({ host: '127.0.0.1', port });
    await new Promise<void>((r) => socket.once('connect', () => r()));
    let data = '';
    const waiters: (() => void)[] = [];
    socket.on('data', (d: Buffer) => {
      data += d.toString('latin1');
      for (const w of waiters.splice(0)) w();
    });
    const waitFor = async (text: string): Promise<void> => {
      while (!data.includes(text)) await new Promise<void>((r) => waiters.push(r));
    };
    return { socket, received: () => data, waitFor };
  }

  it('answers a pipelined result and next event with one write, 202 first', async () => {
    let held: RuntimeResponder | undefined;
    const server = new RuntimeApiServer((req, res) => {
      if (req.path.endsWith('/response')) res.send(202, { 'Content-Type': 'application/json' }, '{"status":"OK"}', { coalesce: true });
      else held = res;
    }, 1024);
    const port = await server.listen();
    const c = await client(port);
    const writes: Buffer[] = [];
    const original = Socket.prototype.write;
    try {
      c.socket.write('POST /2018-06-01/runtime/invocation/r1/response HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\n\r\n{}GET /2018-06-01/runtime/invocation/next HTTP/1.1\r\nHost: x\r\n\r\n');
      while (!held) await sleep(1);
      // Count the server's writes from here on.
      Socket.prototype.write = function (this: Socket, ...args: unknown[]) {
        if (this.localPort === port) writes.push(Buffer.from(args[0] as Buffer));
        return (original as (...a: unknown[]) => boolean).apply(this, args);
      } as typeof Socket.prototype.write;
      held.send(200, { 'content-type': 'application/json', 'lambda-runtime-aws-request-id': 'r2' }, '{"n":2}');
      await c.waitFor('{"n":2}');
    } finally {
      Socket.prototype.write = original;
      c.socket.destroy();
      server.close();
    }
    assert.equal(writes.length, 1, 'one write for both responses');
    const text = writes[0]!.toString('latin1');
    assert.ok(text.startsWith('HTTP/1.1 202 Accepted\r\n'), text);
    assert.match(text, /Content-Length: 15\r\n\r\n\{"status":"OK"\}HTTP\/1\.1 200 OK\r\n/);
    assert.match(text, /lambda-runtime-aws-request-id: r2\r\nContent-Length: 7\r\n\r\n\{"n":2\}$/);
    assert.equal(c.received(), text);
  });

  it('keeps 100 Continue behind the responses to earlier pipelined requests', async () => {
    let first: RuntimeResponder | undefined;
    const bodies: string[] = [];
    const server = new RuntimeApiServer((req, res) => {
      if (req.path === '/first') first = res;
      else {
        bodies.push(req.body.toString());
        res.send(202, {}, 'ok');
      }
    }, 1024);
    const port = await server.listen();
    const c = await client(port);
    try {
      c.socket.write('GET /first HTTP/1.1\r\nHost: x\r\n\r\nPOST /second HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\nContent-Length: 5\r\n\r\n');
      while (!first) await sleep(1);
      first.send(200, {}, 'one');
      await c.waitFor('100 Continue\r\n\r\n');
      c.socket.write('hello');
      await c.waitFor('\r\n\r\nok');
      assert.equal(c.received(), 'HTTP/1.1 200 OK\r\nContent-Length: 3\r\n\r\noneHTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 202 Accepted\r\nContent-Length: 2\r\n\r\nok');
      assert.deepEqual(bodies, ['hello']);
    } finally {
      c.socket.destroy();
      server.close();
    }
  });

  it('sends a large event without corrupting it (head and body written together)', async () => {
    const big = Buffer.alloc(3 * 1024 * 1024, 'x');
    const server = new RuntimeApiServer((_req, res) => res.send(200, { 'content-type': 'application/json' }, big), 1024);
    const port = await server.listen();
    const c = await client(port);
    try {
      c.socket.write('GET /2018-06-01/runtime/invocation/next HTTP/1.1\r\nHost: x\r\n\r\n');
      const head = `HTTP/1.1 200 OK\r\ncontent-type: application/json\r\nContent-Length: ${big.length}\r\n\r\n`;
      while (c.received().length < head.length + big.length) await sleep(5);
      const got = c.received();
      assert.equal(got.length, head.length + big.length);
      assert.ok(got.startsWith(head));
      assert.equal(got.slice(head.length), big.toString('latin1'));
    } finally {
      c.socket.destroy();
      server.close();
    }
  });
});
