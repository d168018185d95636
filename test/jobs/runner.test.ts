import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { PlatformClock, type TimerHandle } from '../../src/core/clock.js';
import { Jobs } from '../../src/jobs/index.js';
import { claimDue, complete, enqueue, enqueueClaimed, peek, renew } from '../../src/jobs/queue.js';
import { SqliteDb } from '../../src/storage/sqlite/sqlite-db.js';
import { frozenClock, openJobs, settled, until } from './helpers.js';

const START = Date.parse('2030-01-01T09:00:00.000Z');

describe('fencing a run off the job that comes after it', () => {
  it('a claim of a job cancelled and enqueued again under its key records nothing, renews nothing', async () => {
    const { db, clock, close } = await openJobs();
    try {
      const now = clock.now();
      await db.tx((tx) => enqueue(tx, { kind: 'k', key: 'x', payload: 'old' }, now));
      const [old] = await db.tx((tx) => claimDue(tx, 'k', 1, 'node-1', 60_000, now));
      await db.tx(async (tx) => {
        await tx.run("DELETE FROM stratus_jobs WHERE kind = 'k' AND key = 'x'");
        await enqueue(tx, { kind: 'k', key: 'x', payload: 'new' }, now);
      });
      const [current] = await db.tx((tx) => claimDue(tx, 'k', 1, 'node-2', 60_000, now));
      assert.equal(current?.payload, 'new');

      await db.tx((tx) => renew(tx, [old!], now + 999_999));
      assert.equal((await peek(db, 'k', 'x'))?.leaseUntil, now + 60_000, 'the old claim renews nothing');
      assert.equal(await db.tx((tx) => complete(tx, old!)), false, 'the old claim is fenced off');
      const after = await peek(db, 'k', 'x');
      assert.deepEqual([after?.payload, after?.leaseOwner], ['new', 'node-2'], 'the new job and its lease stay');
      assert.equal(await db.tx((tx) => complete(tx, current!)), true);
    } finally {
      await close();
    }
  });

  it('a job cancelled and enqueued again while it runs runs after that run, not beside it, and the old run leaves it be', async () => {
    const { jobs, db, clock, close } = await openJobs();
    try {
      const log: string[] = [];
      let releaseOld!: () => void;
      jobs.handle<string>(
        'test.again',
        async (job) => {
          log.push(`start ${job.payload}`);
          if (job.payload === 'old') await new Promise<void>((r) => (releaseOld = r));
          log.push(`end ${job.payload}`);
        },
        { concurrency: 2 },
      );
      await jobs.enqueue({ kind: 'test.again', key: 'x', payload: 'old' });
      await until(() => log.length === 1, 'the old run started');
      await jobs.cancel('test.again', 'x');
      await jobs.enqueue({ kind: 'test.again', key: 'x', payload: 'new' });
      // Transactions commit in order: a claim of the new job asked for by now has committed (and its run started).
      await db.tx(async () => {});
      releaseOld();
      await until(() => log.length === 4, 'both runs ended');
      await settled(db, clock);
      assert.deepEqual(log, ['start old', 'end old', 'start new', 'end new']);
      assert.equal(await peek(db, 'test.again', 'x'), undefined);
    } finally {
      await close();
    }
  });
});

/** A clock that calls `onTimer` (once, from a microtask) when a timer of `ms` is set. */
class WatchedClock extends PlatformClock {
  onTimer: { ms: number; fn: () => void } | undefined;

  override setTimer(ms: number, fn: () => void): TimerHandle {
    const handle = super.setTimer(ms, fn);
    const watched = this.onTimer;
    if (watched?.ms === ms) {
      this.onTimer = undefined;
      queueMicrotask(watched.fn);
    }
    return handle;
  }
}

describe('waking a runner', () => {
  it('a wake-up that comes as a claim ends is not lost', async () => {
    const clock = new WatchedClock(() => START);
    const { jobs, db, close } = await openJobs({ clock });
    try {
      const ran: string[] = [];
      await db.tx((tx) => enqueue(tx, { kind: 'test.wake', key: 'b', dueAt: clock.now() + 1000 }, clock.now()));
      // The runner arms its timer for b at the end of its first claim; the clock reaches b's time
      // just after, before that claim is over.
      clock.onTimer = { ms: 1000, fn: () => clock.advance(1000) };
      jobs.handle('test.wake', async (job) => {
        ran.push(job.key);
      });
      await until(() => ran.length === 1, 'b ran');
      assert.deepEqual(ran, ['b']);
    } finally {
      await close();
    }
  });

  it('a job no wake-up announced (an expired lease) runs by the next poll, with SQLite too', async () => {
    const { jobs, db, clock, close } = await openJobs();
    try {
      const ran: string[] = [];
      jobs.handle('test.poll', async (job) => {
        ran.push(job.key);
      });
      // Leased by a node that is alive but stuck: due again once its lease runs out.
      await db.tx(async (tx) => {
        await enqueue(tx, { kind: 'test.poll', key: 'stuck' }, clock.now());
        await claimDue(tx, 'test.poll', 1, 'stuck-node', 5000, clock.now());
      });
      await until(() => {
        clock.advance(10_000);
        return ran.length === 1;
      }, 'the job ran');
      assert.deepEqual(ran, ['stuck']);
    } finally {
      await close();
    }
  });
});

describe('starting and stopping', () => {
  it('runs no job before start()', async () => {
    const db = new SqliteDb();
    const jobs = await Jobs.open({ db, clock: frozenClock() });
    try {
      const ran: string[] = [];
      jobs.handle('test.start', async (job) => {
        ran.push(job.key);
      });
      await jobs.enqueue({ kind: 'test.start', key: 'early' });
      // Transactions commit in order: a claim asked for by now has committed (and its run started).
      await db.tx(async () => {});
      assert.deepEqual([ran, (await peek(db, 'test.start', 'early'))?.leaseOwner], [[], null], 'registered, not run');
      jobs.start();
      await until(() => ran.length === 1, 'the job ran once started');
    } finally {
      await jobs.close();
      await db.close();
    }
  });

  it('close() waits for the handlers in progress, their signal aborted, before it releases their leases', async () => {
    const { jobs, db, close } = await openJobs();
    try {
      let leaseWhileStopping: string | null | undefined;
      let stopped = false;
      jobs.handle('test.stop', async (job, { signal }) => {
        await new Promise((r) => signal.addEventListener('abort', r));
        await new Promise((r) => setTimeout(r, 20));
        leaseWhileStopping = (await peek(db, job.kind, job.key))?.leaseOwner;
        stopped = true;
      });
      await jobs.enqueue({ kind: 'test.stop', key: 's' });
      await until(async () => (await peek(db, 'test.stop', 's'))?.leaseOwner === jobs.nodeId, 'the run started');
      await jobs.close();
      assert.equal(stopped, true, 'the handler ended first');
      assert.equal(leaseWhileStopping, jobs.nodeId, 'holding its lease while it stopped');
      assert.equal((await peek(db, 'test.stop', 's'))?.leaseOwner, null, 'released after');
    } finally {
      await close();
    }
  });

  it('close() waits no longer than its grace for a handler that ignores its signal', async () => {
    const db = new SqliteDb();
    const jobs = await Jobs.open({ db, clock: frozenClock(), closeGraceMs: 50 });
    jobs.start();
    try {
      jobs.handle('test.hang', () => new Promise<void>(() => {}));
      await jobs.enqueue({ kind: 'test.hang', key: 'h' });
      await until(async () => (await peek(db, 'test.hang', 'h'))?.leaseOwner === jobs.nodeId, 'the run started');
      await jobs.close();
      assert.equal((await peek(db, 'test.hang', 'h'))?.leaseOwner, null, 'its lease released, for the next start');
    } finally {
      await db.close();
    }
  });
});

describe('jobs started at once by the transaction that enqueues them', () => {
  it('a reserved slot runs its job as the transaction commits, with no claim of its own; a full runner reserves none, and its job waits for a slot', async () => {
    const { jobs, db, clock, close } = await openJobs();
    try {
      const started: string[] = [];
      const release: (() => void)[] = [];
      jobs.handle(
        'test.prompt',
        async (job) => {
          started.push(job.key);
          await new Promise<void>((r) => release.push(r));
        },
        { concurrency: 1 },
      );
      const slot = jobs.reserve('test.prompt')!;
      assert.ok(slot, 'a free slot');
      assert.equal(jobs.reserve('test.prompt'), undefined, 'the one slot is held');
      const job = await db.tx((tx) => enqueueClaimed(tx, { kind: 'test.prompt', key: 'a' }, slot.owner, slot.leaseMs, clock.now()));
      const stored = await peek(db, 'test.prompt', 'a');
      assert.deepEqual([stored?.leaseOwner, stored?.leaseUntil], [jobs.nodeId, clock.now() + slot.leaseMs], 'enqueued leased to this node');
      assert.equal(
        await db.tx((tx) => enqueueClaimed(tx, { kind: 'test.prompt', key: 'a' }, slot.owner, slot.leaseMs, clock.now())),
        undefined,
        'an existing key is not claimed again',
      );
      slot.settle(job);
      assert.deepEqual(started, ['a'], 'runs at once');
      assert.equal(jobs.reserve('test.prompt'), undefined, 'the runner is full');
      await jobs.enqueue({ kind: 'test.prompt', key: 'b' });
      release.shift()!();
      await until(() => started.length === 2, 'the queued job ran once the slot was free');
      release.shift()!();
      await settled(db, clock);
      assert.deepEqual(started, ['a', 'b']);
    } finally {
      await close();
    }
  });
});
