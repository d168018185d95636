import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { cancel, claimDue, complete, enqueue, nextDue, peek, reschedule, retry, type Job } from '../../src/jobs/queue.js';
import { openJobs, settled, until } from './helpers.js';

describe('job queue (SQL)', () => {
  it('claims due jobs oldest first under a lease, and completes or retries them', async () => {
    const { db, clock, close } = await openJobs();
    try {
      const now = clock.now();
      await db.tx(async (tx) => {
        await enqueue(tx, { kind: 'k', key: 'late', dueAt: now + 60_000, payload: { n: 3 } }, now);
        await enqueue(tx, { kind: 'k', key: 'b', dueAt: now - 1000, payload: { n: 2 } }, now);
        await enqueue(tx, { kind: 'k', key: 'a', dueAt: now - 2000, payload: { n: 1 } }, now);
        await enqueue(tx, { kind: 'other', key: 'a', payload: null }, now);
      });
      const claimed = await db.tx((tx) => claimDue(tx, 'k', 10, 'node-1', 30_000, now));
      assert.deepEqual(
        claimed.map((j) => [j.key, j.payload]),
        [
          ['a', { n: 1 }],
          ['b', { n: 2 }],
        ],
      );
      assert.deepEqual(await db.tx((tx) => claimDue(tx, 'k', 10, 'node-2', 30_000, now)), [], 'leased jobs are not claimed again');
      const stored = await peek(db, 'k', 'a');
      assert.equal(stored?.leaseOwner, 'node-1');
      assert.equal(stored?.leaseUntil, now + 30_000);

      assert.equal(await db.tx((tx) => complete(tx, claimed[0]!)), true);
      assert.equal(await peek(db, 'k', 'a'), undefined);
      assert.equal(await db.tx((tx) => retry(tx, claimed[1]!, now + 5000)), true);
      const retried = await peek(db, 'k', 'b');
      assert.deepEqual([retried?.attempt, retried?.dueAt, retried?.leaseOwner], [1, now + 5000, null]);
      assert.equal(await nextDue(db, 'k'), now + 5000);

      // An expired lease lets another node claim; the first claim is then fenced off.
      const [first] = await db.tx((tx) => claimDue(tx, 'k', 1, 'node-1', 1000, now + 5000));
      const [second] = await db.tx((tx) => claimDue(tx, 'k', 1, 'node-2', 1000, now + 7000));
      assert.equal(second?.key, 'b');
      assert.equal(await db.tx((tx) => complete(tx, first!)), false);
      assert.equal((await peek(db, 'k', 'b'))?.leaseOwner, 'node-2');
      assert.equal(await db.tx((tx) => complete(tx, second!)), true);
    } finally {
      await close();
    }
  });

  it('keeps or replaces a job with the same key, and a replaced or cancelled claim records nothing', async () => {
    const { db, clock, close } = await openJobs();
    try {
      const now = clock.now();
      await db.tx((tx) => enqueue(tx, { kind: 'k', key: 'x', payload: 1 }, now));
      await db.tx((tx) => enqueue(tx, { kind: 'k', key: 'x', payload: 2 }, now, 'keep'));
      assert.equal((await peek(db, 'k', 'x'))?.payload, 1);
      const [claim] = await db.tx((tx) => claimDue(tx, 'k', 1, 'n', 60_000, now));
      await db.tx((tx) => enqueue(tx, { kind: 'k', key: 'x', payload: 3, dueAt: now + 10 }, now, 'replace'));
      // The replacement waits for the run in progress: still leased, not claimable.
      assert.deepEqual(await db.tx((tx) => claimDue(tx, 'k', 1, 'other', 60_000, now + 20)), []);
      assert.equal(await db.tx((tx) => complete(tx, claim!)), false);
      const replaced = await peek(db, 'k', 'x');
      assert.deepEqual([replaced?.payload, replaced?.leaseOwner, replaced?.dueAt], [3, null, now + 10]);

      const [again] = await db.tx((tx) => claimDue(tx, 'k', 1, 'n', 60_000, now + 20));
      assert.equal(await db.tx((tx) => cancel(tx, 'k', 'x')), true);
      assert.equal(await db.tx((tx) => complete(tx, again!)), false);
      assert.equal(await peek(db, 'k', 'x'), undefined);
    } finally {
      await close();
    }
  });

  it("'earlier' brings a job forward, never back, and fences off a run in progress", async () => {
    const { db, clock, close } = await openJobs();
    try {
      const now = clock.now();
      const earlier = (dueAt: number) => db.tx((tx) => enqueue(tx, { kind: 'k', key: 'e', dueAt, payload: { dueAt } }, now, 'earlier'));
      await earlier(now + 5000);
      await earlier(now + 9000);
      assert.deepEqual([(await peek(db, 'k', 'e'))?.dueAt, (await peek(db, 'k', 'e'))?.payload], [now + 5000, { dueAt: now + 5000 }]);
      await earlier(now + 1000);
      assert.deepEqual([(await peek(db, 'k', 'e'))?.dueAt, (await peek(db, 'k', 'e'))?.payload], [now + 1000, { dueAt: now + 5000 }], 'the payload stays');

      const [run] = await db.tx((tx) => claimDue(tx, 'k', 1, 'n', 60_000, now + 1000));
      await earlier(now + 7000);
      assert.equal(await db.tx((tx) => reschedule(tx, run!, now + 20_000, null)), false, 'the run may predate the write: fenced off');
      const after = await peek(db, 'k', 'e');
      assert.deepEqual([after?.dueAt, after?.leaseOwner], [now + 1000, null], 'due again at once');
    } finally {
      await close();
    }
  });
});

describe('job runner', () => {
  it('runs due jobs, and a future one only once the clock reaches it', async () => {
    const { jobs, db, clock, close } = await openJobs();
    try {
      const ran: string[] = [];
      jobs.handle<{ v: string }>('test.run', async (job) => {
        ran.push(job.payload.v);
      });
      await jobs.enqueue({ kind: 'test.run', payload: { v: 'now' } });
      await jobs.enqueue({ kind: 'test.run', payload: { v: 'in an hour' }, dueAt: clock.now() + 3_600_000 });
      await until(() => ran.length === 1, 'the due job ran');
      await settled(db, clock);
      assert.deepEqual(ran, ['now']);
      clock.advance(3_600_000);
      await until(() => ran.length === 2, 'the later job ran');
      assert.deepEqual(ran, ['now', 'in an hour']);
      await settled(db, clock);
      assert.equal((await db.get<{ n: number }>('SELECT COUNT(*) AS n FROM stratus_jobs WHERE kind = ?', ['test.run']))!.n, 0);
    } finally {
      await close();
    }
  });

  it('retries a job whose handler threw after its backoff, counting attempts', async () => {
    const { jobs, db, clock, close, errors } = await openJobs();
    try {
      const attempts: number[] = [];
      jobs.handle(
        'test.flaky',
        async (job) => {
          attempts.push(job.attempt);
          if (job.attempt < 2) throw new Error('not yet');
        },
        { backoff: (attempt) => 10_000 * (attempt + 1) },
      );
      await jobs.enqueue({ kind: 'test.flaky', key: 'f' });
      await until(() => attempts.length === 1, 'first attempt');
      await settled(db, clock);
      assert.equal((await peek(db, 'test.flaky', 'f'))?.dueAt, clock.now() + 10_000);
      clock.advance(9_999);
      await settled(db, clock);
      assert.deepEqual(attempts, [0], 'not before its backoff');
      clock.advance(1);
      await until(() => attempts.length === 2, 'second attempt');
      clock.advance(20_000);
      await until(() => attempts.length === 3, 'third attempt');
      await settled(db, clock);
      assert.deepEqual(attempts, [0, 1, 2]);
      assert.equal(await peek(db, 'test.flaky', 'f'), undefined);
      assert.equal(errors.filter((e) => e.jobs === 'test.flaky').length, 2);
    } finally {
      await close();
    }
  });

  it('drops a job after maxAttempts, and honours retry and reschedule outcomes', async () => {
    const { jobs, db, clock, close, errors } = await openJobs();
    try {
      let failures = 0;
      jobs.handle(
        'test.poison',
        async () => {
          failures++;
          throw new Error('always');
        },
        { maxAttempts: 2, backoff: () => 0 },
      );
      const runs: { attempt: number; payload: number }[] = [];
      jobs.handle<number>('test.outcomes', async (job) => {
        runs.push({ attempt: job.attempt, payload: job.payload });
        if (runs.length === 1) return { then: 'retry', delayMs: 1000, countAttempt: false };
        if (runs.length === 2) return { then: 'reschedule', dueAt: clock.now() + 5000, payload: job.payload + 1, enqueue: [{ kind: 'test.poison', key: 'p' }] };
      });
      await jobs.enqueue({ kind: 'test.outcomes', key: 'o', payload: 1 });
      await until(() => runs.length === 1, 'first run');
      clock.advance(1000);
      await until(() => runs.length === 2 && failures === 2, 'second run, and the follow-up it enqueued failed twice');
      await settled(db, clock);
      assert.equal(await peek(db, 'test.poison', 'p'), undefined, 'dropped after 2 attempts');
      assert.equal(errors.filter((e) => e.dropped).length, 1);
      clock.advance(5000);
      await until(() => runs.length === 3, 'rescheduled run');
      await settled(db, clock);
      assert.deepEqual(runs, [
        { attempt: 0, payload: 1 },
        { attempt: 0, payload: 1 },
        { attempt: 0, payload: 2 },
      ]);
    } finally {
      await close();
    }
  });

  it('claims no more than its concurrency at a time, however many jobs are due', async () => {
    const { jobs, db, clock, close } = await openJobs();
    try {
      const release: (() => void)[] = [];
      let running = 0;
      let most = 0;
      let mostLeased = 0;
      let done = 0;
      jobs.handle(
        'test.bounded',
        async () => {
          running++;
          most = Math.max(most, running);
          const leased = (await db.get<{ n: number }>('SELECT COUNT(*) AS n FROM stratus_jobs WHERE lease_owner IS NOT NULL'))!.n;
          mostLeased = Math.max(mostLeased, leased);
          await new Promise<void>((r) => release.push(r));
          running--;
          done++;
        },
        { concurrency: 3 },
      );
      await db.tx(async (tx) => {
        for (let i = 0; i < 50; i++) await enqueue(tx, { kind: 'test.bounded', key: `j${i}` }, clock.now());
      });
      jobs.wake('test.bounded');
      while (done < 50) {
        await until(() => release.length > 0 || done === 50, 'a run in progress');
        release.shift()?.();
      }
      await settled(db, clock);
      assert.equal(most, 3);
      assert.ok(mostLeased <= 3, `at most 3 leases at once, saw ${mostLeased}`);
    } finally {
      await close();
    }
  });

  it('runs a job replaced while it ran once more, with the new payload, after the run in progress', async () => {
    const { jobs, db, clock, close } = await openJobs();
    try {
      const seen: string[] = [];
      let unblock!: () => void;
      jobs.handle<string>('test.replace', async (job) => {
        seen.push(job.payload);
        if (job.payload === 'v1') await new Promise<void>((r) => (unblock = r));
      }, { concurrency: 2 });
      await jobs.enqueue({ kind: 'test.replace', key: 'r', payload: 'v1' });
      await until(() => seen.length === 1, 'v1 started');
      await jobs.enqueue({ kind: 'test.replace', key: 'r', payload: 'v2' });
      const waiting = await peek(db, 'test.replace', 'r');
      assert.deepEqual([waiting?.payload, waiting?.leaseOwner], ['v2', jobs.nodeId], 'v2 waits for the lease of v1');
      assert.deepEqual(seen, ['v1']);
      unblock();
      await until(() => seen.length === 2, 'v2 ran');
      await settled(db, clock);
      assert.deepEqual(seen, ['v1', 'v2']);
    } finally {
      await close();
    }
  });
});
