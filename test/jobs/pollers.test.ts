import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { getEventListeners } from 'node:events';
import { Batcher } from '../../src/jobs/pollers/batcher.js';
import { Pollers, type Mapping } from '../../src/jobs/pollers/poller.js';
import type { SendContext, Sender, Source, SourceEntry } from '../../src/jobs/pollers/source.js';
import { peek } from '../../src/jobs/queue.js';
import type { HandlerOptions, JobHandler } from '../../src/jobs/runner.js';
import { openJobs, settled, until } from './helpers.js';

interface Rec {
  readonly id: number;
  readonly body: string;
}

/** Shards as arrays; a position is the index of the last record read. */
class MemorySource implements Source<Rec> {
  readonly streams = new Map<string, Rec[]>();
  readonly acknowledged: number[] = [];
  reads = 0;

  constructor(shards: Record<string, number[]>, body = 'x') {
    for (const [shard, ids] of Object.entries(shards)) this.streams.set(shard, ids.map((id) => ({ id, body })));
  }

  async shards(): Promise<string[]> {
    return [...this.streams.keys()];
  }

  async read(shard: string, position: string | null, limit: number): Promise<SourceEntry<Rec>[]> {
    this.reads++;
    const from = position === null ? 0 : Number(position) + 1;
    return this.streams
      .get(shard)!
      .slice(from, from + limit)
      .map((record, i) => ({ record, position: String(from + i), bytes: record.body.length }));
  }

  async acknowledge(_shard: string, records: readonly Rec[]): Promise<void> {
    this.acknowledged.push(...records.map((r) => r.id));
  }
}

class MemorySender implements Sender<Rec> {
  readonly batches: { shard: string; ids: number[]; attempt: number }[] = [];
  failures = 0;
  readonly failedAttempts: number[] = [];

  async send(records: readonly Rec[], context: SendContext): Promise<void> {
    if (this.failures > 0) {
      this.failures--;
      this.failedAttempts.push(context.attempt);
      throw new Error('the target failed');
    }
    this.batches.push({ shard: context.shard, ids: records.map((r) => r.id), attempt: context.attempt });
  }

  ids(shard: string): number[][] {
    return this.batches.filter((b) => b.shard === shard).map((b) => b.ids);
  }
}

async function setup(mapping: Partial<Mapping<Rec>> & { source: MemorySource }) {
  const opened = await openJobs();
  const sender = new MemorySender();
  const full: Mapping<Rec> = { sender, batch: { maxRecords: 2, maxBytes: 1 << 20, windowMs: 0 }, idleMs: 1000, ...mapping };
  const mappings = new Map([['m1', full]]);
  const pollers = new Pollers<Rec>(opened.jobs, 'test.esm', async (id) => mappings.get(id));
  return { ...opened, sender, pollers, mappings };
}

describe('poller loop', () => {
  it('delivers each shard in order, in batches, filtered, checkpointed in SQL', async () => {
    const source = new MemorySource({ 'shard-a': [1, 2, 3, 4, 5, 6, 7], 'shard-b': [101, 102, 103] });
    const t = await setup({ source, filter: (r) => r.id % 2 === 1 });
    try {
      await t.pollers.start('m1');
      await t.pollers.start('m1'); // idempotent
      await until(() => t.sender.batches.length === 3, 'three batches');
      await settled(t.db, t.clock);
      assert.deepEqual(t.sender.ids('shard-a'), [
        [1, 3],
        [5, 7],
      ]);
      assert.deepEqual(t.sender.ids('shard-b'), [[101, 103]]);
      assert.deepEqual((await peek(t.db, 'test.esm', 'm1/shard-a'))?.payload, { mapping: 'm1', shard: 'shard-a', position: '6' });
      assert.deepEqual(
        source.acknowledged.sort((a, b) => a - b),
        [1, 2, 3, 4, 5, 6, 7, 101, 102, 103],
        'filtered-out records are acknowledged too',
      );

      // New records are read after the idle pause, from the checkpoint.
      source.streams.get('shard-a')!.push({ id: 8, body: 'x' }, { id: 9, body: 'x' });
      t.clock.advance(1000);
      await until(() => t.sender.batches.length === 4, 'the new record');
      assert.deepEqual(t.sender.ids('shard-a').at(-1), [9]);

      assert.equal(await t.pollers.stop('m1'), 2);
      assert.equal(await peek(t.db, 'test.esm', 'm1/shard-a'), undefined);
    } finally {
      await t.close();
    }
  });

  it('sends a batch whose send failed again, with the same records, after a backoff', async () => {
    const source = new MemorySource({ s: [1, 2, 3] });
    const t = await setup({ source, backoff: () => 5000 });
    t.sender.failures = 1;
    try {
      await t.pollers.start('m1');
      await until(() => t.sender.failedAttempts.length === 1, 'the failed send');
      await settled(t.db, t.clock);
      assert.deepEqual(t.sender.batches, []);
      assert.deepEqual(source.acknowledged, [], 'nothing acknowledged');
      t.clock.advance(5000);
      await until(() => t.sender.batches.length === 2, 'the batches after the retry');
      assert.deepEqual(t.sender.batches, [
        { shard: 's', ids: [1, 2], attempt: 1 },
        { shard: 's', ids: [3], attempt: 0 },
      ]);
    } finally {
      await t.close();
    }
  });

  it('gives a batch up after maxAttempts to onDiscard, and moves on', async () => {
    const source = new MemorySource({ s: [1, 2, 3] });
    const discarded: number[][] = [];
    const t = await setup({ source, backoff: () => 0, maxAttempts: 2, onDiscard: async (records) => void discarded.push(records.map((r) => r.id)) });
    t.sender.failures = 2;
    try {
      await t.pollers.start('m1');
      await until(() => t.sender.batches.length === 1, 'the next batch');
      assert.deepEqual(discarded, [[1, 2]]);
      assert.deepEqual(t.sender.ids('s'), [[3]]);
    } finally {
      await t.close();
    }
  });

  it('caps a batch by bytes, a record larger than the cap going alone', async () => {
    const source = new MemorySource({ s: [1, 2, 3] }, '123456');
    source.streams.get('s')!.push({ id: 4, body: 'x'.repeat(20) }, { id: 5, body: '1' });
    const t = await setup({ source, batch: { maxRecords: 10, maxBytes: 13, windowMs: 0 } });
    try {
      await t.pollers.start('m1');
      await until(() => t.sender.batches.length === 4, 'four batches');
      assert.deepEqual(t.sender.ids('s'), [[1, 2], [3], [4], [5]]);
    } finally {
      await t.close();
    }
  });

  it('holds a batch open for its batching window, gathering records that arrive meanwhile', async () => {
    const source = new MemorySource({ s: [1, 2, 3] });
    const t = await setup({ source, batch: { maxRecords: 10, maxBytes: 1 << 20, windowMs: 10_000 } });
    try {
      await t.pollers.start('m1');
      await until(() => source.reads === 1, 'the first read');
      source.streams.get('s')!.push({ id: 4, body: 'x' }, { id: 5, body: 'x' });
      t.clock.advance(1000);
      await until(() => source.reads === 2, 'the read after the idle pause');
      assert.deepEqual(t.sender.batches, [], 'the window is still open');
      t.clock.advance(9000);
      await until(() => t.sender.batches.length === 1, 'the batch at the end of its window');
      assert.deepEqual(t.sender.ids('s'), [[1, 2, 3, 4, 5]]);
    } finally {
      await t.close();
    }
  });

  it('leaves no abort listener behind on the runner signal from the sleeps of a batching window', async () => {
    const source = new MemorySource({ s: [1] });
    const opened = await openJobs();
    let signal: AbortSignal | undefined;
    const handle = opened.jobs.handle.bind(opened.jobs);
    opened.jobs.handle = <P>(kind: string, handler: JobHandler<P>, options?: HandlerOptions) =>
      handle<P>(kind, (job, run) => ((signal = run.signal), handler(job, run)), options);
    const sender = new MemorySender();
    const mapping: Mapping<Rec> = { source, sender, batch: { maxRecords: 10, maxBytes: 1 << 20, windowMs: 10_000 }, idleMs: 1000 };
    const pollers = new Pollers<Rec>(opened.jobs, 'test.esm', async () => mapping);
    try {
      await pollers.start('m1');
      await until(() => {
        opened.clock.advance(1000);
        return sender.batches.length === 1;
      }, 'the batch at the end of its window');
      assert.ok(source.reads > 1, 'the run slept in the window');
      assert.equal(getEventListeners(signal!, 'abort').length, 0);
    } finally {
      await opened.close();
    }
  });
});

describe('batcher', () => {
  it('closes on its record count or its byte cap; its window opens with its first record', () => {
    const b = new Batcher<string>({ maxRecords: 3, maxBytes: 10, windowMs: 100 });
    assert.equal(b.deadline, undefined);
    assert.equal(b.add('a', 4, 1000), true);
    assert.equal(b.deadline, 1100, 'the window opens with the first record');
    assert.equal(b.room, 2);
    assert.equal(b.add('b', 7, 1001), false, 'past the byte cap');
    assert.equal(b.add('c', 6, 1001), true);
    assert.equal(b.full, true);
    assert.deepEqual(b.records, ['a', 'c']);
    const big = new Batcher<string>({ maxRecords: 3, maxBytes: 10, windowMs: 0 });
    assert.equal(big.add('huge', 50, 0), true, 'a first record always fits');
  });
});
