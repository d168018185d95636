import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { InvokeCommand, type LambdaClient } from '@aws-sdk/client-lambda';
import { createFunction, json, startLambdaServer, type LambdaTestContext } from './helpers.js';

interface PoolStats {
  environments: number;
  idle: number;
  idleRssKb: number;
  idleBudgetKb: number | null;
}

/** Invokes with the tail log: the result, and whether the REPORT line has an Init Duration (a cold start). */
async function invoke(lambda: LambdaClient, name: string): Promise<{ result: unknown; cold: boolean }> {
  const out = await lambda.send(new InvokeCommand({ FunctionName: name, LogType: 'Tail', Payload: Buffer.from('{"n":1}') }));
  assert.equal(out.FunctionError, undefined, Buffer.from(out.Payload ?? []).toString());
  return { result: json(out.Payload), cold: /Init Duration/.test(Buffer.from(out.LogResult ?? '', 'base64').toString()) };
}

function poolStats(t: LambdaTestContext): PoolStats {
  return (t.server.services.get('lambda')!.provider as unknown as { pool: { stats(): PoolStats } }).pool.stats();
}

describe('warm environments bounded by memory', () => {
  const servers: LambdaTestContext[] = [];
  const start = async (settings: Record<string, unknown> = {}): Promise<LambdaTestContext> => {
    const t = await startLambdaServer(settings);
    servers.push(t);
    return t;
  };
  after(async () => {
    for (const t of servers) await t.server.stop();
  });

  it('keeps 44 small functions invoked in rotation all warm with the default budget', async () => {
    const t = await start();
    const names: string[] = [];
    // Mostly Python (about 10 MB each), some Node (about 40 MB): well within the default budget.
    for (let i = 0; i < 44; i++) {
      const name = `rot-${i}`;
      names.push(name);
      if (i % 4 === 0) await createFunction(t.lambda, name, { 'index.js': `exports.handler = async (e) => ({ fn: ${i}, n: e.n });` });
      else await createFunction(t.lambda, name, { 'app.py': `def handler(event, context):\n    return {"fn": ${i}, "n": event["n"]}\n` }, { Runtime: 'python3.12', Handler: 'app.handler' });
    }
    const coldByPass: number[] = [];
    for (let pass = 0; pass < 3; pass++) {
      let cold = 0;
      for (let i = 0; i < names.length; i++) {
        const r = await invoke(t.lambda, names[i]!);
        assert.deepEqual(r.result, { fn: i, n: 1 });
        if (r.cold) cold++;
      }
      coldByPass.push(cold);
    }
    // Every function started once, then stayed warm (more than the 32 a fixed cap used to keep).
    assert.deepEqual(coldByPass, [44, 0, 0]);
    const stats = poolStats(t);
    assert.equal(stats.idle, 44);
    assert.ok(stats.idleBudgetKb !== null && stats.idleRssKb > 0 && stats.idleRssKb <= stats.idleBudgetKb, JSON.stringify(stats));
  });

  it('stops the least recently used idle environments past maxIdleMemoryMb, keeping the most recent one', async () => {
    // A budget smaller than any environment: only the most recently used one stays warm.
    const t = await start({ maxIdleMemoryMb: 1 });
    for (const name of ['small-a', 'small-b']) {
      await createFunction(t.lambda, name, { 'app.py': `def handler(event, context):\n    return "${name}"\n` }, { Runtime: 'python3.12', Handler: 'app.handler' });
    }
    assert.deepEqual(await invoke(t.lambda, 'small-a'), { result: 'small-a', cold: true });
    assert.deepEqual(await invoke(t.lambda, 'small-a'), { result: 'small-a', cold: false });
    assert.deepEqual(await invoke(t.lambda, 'small-b'), { result: 'small-b', cold: true });
    // small-a was evicted for small-b; small-b is kept.
    assert.deepEqual(await invoke(t.lambda, 'small-b'), { result: 'small-b', cold: false });
    assert.deepEqual(await invoke(t.lambda, 'small-a'), { result: 'small-a', cold: true });
    assert.equal(poolStats(t).idle, 1);
  });

  it('still honours maxIdleEnvironments when it is set', async () => {
    const t = await start({ maxIdleEnvironments: 2 });
    for (const name of ['cap-a', 'cap-b', 'cap-c']) {
      await createFunction(t.lambda, name, { 'app.py': `def handler(event, context):\n    return "${name}"\n` }, { Runtime: 'python3.12', Handler: 'app.handler' });
    }
    for (const name of ['cap-a', 'cap-b', 'cap-c']) assert.equal((await invoke(t.lambda, name)).cold, true);
    // Two kept: b and c are warm, a (least recently used) was stopped.
    assert.equal((await invoke(t.lambda, 'cap-b')).cold, false);
    assert.equal((await invoke(t.lambda, 'cap-c')).cold, false);
    assert.equal((await invoke(t.lambda, 'cap-a')).cold, true);
    assert.equal(poolStats(t).idle, 2);
  });
});
