import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Jobs } from '../../src/jobs/index.js';
import { peek } from '../../src/jobs/queue.js';
import { SqliteDb } from '../../src/storage/sqlite/sqlite-db.js';
import { frozenClock, openJobs, settled, until } from './helpers.js';

const CHILD = join(dirname(fileURLToPath(import.meta.url)), 'fixtures/claim-and-hang.js');
const START = '2030-01-01T09:00:00.000Z';

test('a job leased by a process killed with SIGKILL runs once, at once, after a restart', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'stratus-jobs-crash-'));
  try {
    const first = await openJobs({ dataDir: dir, clock: frozenClock(START) });
    await first.jobs.enqueue({ kind: 'test.crash', key: 'only', payload: { n: 1 } });
    await first.close();

    const child = spawn(process.execPath, [CHILD, dir, String(Date.parse(START))], { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    await new Promise<void>((resolve, reject) => {
      const read = (d: Buffer) => {
        output += d.toString();
        if (output.includes('claimed only')) resolve();
      };
      child.stdout!.on('data', read);
      child.stderr!.on('data', read);
      void exited.then(() => reject(new Error(`the child exited:\n${output}`)));
    });
    child.kill('SIGKILL');
    await exited;

    // The lease the dead process took still has an hour to run.
    const db = new SqliteDb({ dataDir: dir });
    const leased = await peek(db, 'test.crash', 'only');
    await db.close();
    assert.ok(leased?.leaseOwner && leased.leaseUntil === Date.parse(START) + 3_600_000, 'the dead process held the lease');

    const second = await openJobs({ dataDir: dir, clock: frozenClock(START) });
    try {
      const runs: unknown[] = [];
      second.jobs.handle('test.crash', async (job) => {
        runs.push(job.payload);
      });
      await until(() => runs.length === 1, 'the job ran after the restart');
      assert.ok(second.clock.now() < leased.leaseUntil!, 'without waiting for the lease to expire');
      await settled(second.db, second.clock);
      second.clock.advance(2 * 3_600_000);
      await settled(second.db, second.clock);
      assert.deepEqual(runs, [{ n: 1 }], 'exactly once');
      assert.equal(await peek(second.db, 'test.crash', 'only'), undefined);
    } finally {
      await second.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('with a shared database, a node whose heartbeat stopped loses its leases to another node before they expire', async () => {
  const db = new SqliteDb();
  // Node A's handler hangs: closing gives it no grace.
  const timing = { shared: true, heartbeatMs: 10_000, staleMs: 30_000, pollMs: 1000, closeGraceMs: 0 };
  const clockA = frozenClock(START);
  const clockB = frozenClock(START);
  const a = await Jobs.open({ db, clock: clockA, ...timing });
  const b = await Jobs.open({ db, clock: clockB, ...timing });
  a.start();
  b.start();
  try {
    let claimedByA = 0;
    a.handle(
      'test.shared',
      async () => {
        claimedByA++;
        await new Promise(() => {});
      },
      { leaseMs: 3_600_000 },
    );
    const runsB: string[] = [];
    b.handle('test.shared', async (job) => {
      runsB.push(job.key);
    });
    await a.enqueue({ kind: 'test.shared', key: 'j' });
    await until(async () => (await peek(db, 'test.shared', 'j'))?.leaseOwner === a.nodeId, 'node A holds the lease');
    // Node B's time moves on; node A, frozen, stops heartbeating and goes stale.
    clockB.advance(40_000);
    await until(() => runsB.length === 1, 'node B took the job over');
    assert.ok(clockB.now() < Date.parse(START) + 3_600_000, 'before the lease of node A expired');
    assert.equal(claimedByA, 1);
    // The handler returning and the job's removal are not one step: wait for the commit.
    await until(async () => (await peek(db, 'test.shared', 'j')) === undefined, 'the finished job is removed');
    assert.equal((await db.get<{ n: number }>('SELECT COUNT(*) AS n FROM stratus_nodes'))!.n, 1, 'node A was forgotten');
    assert.deepEqual(runsB, ['j'], 'node B ran it once');
  } finally {
    await a.close();
    await b.close();
    await db.close();
  }
});
