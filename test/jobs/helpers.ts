import { PlatformClock } from '../../src/core/clock.js';
import { Jobs } from '../../src/jobs/index.js';
import type { Db } from '../../src/storage/db.js';
import { SqliteDb } from '../../src/storage/sqlite/sqlite-db.js';

/** A platform clock that stands still at `iso` unless advanced, so a test decides when time passes. */
export function frozenClock(iso = '2030-01-01T09:00:00.000Z'): PlatformClock {
  const base = Date.parse(iso);
  return new PlatformClock(() => base);
}

export async function openJobs(options: { dataDir?: string; clock?: PlatformClock } = {}) {
  const db = new SqliteDb({ dataDir: options.dataDir });
  const clock = options.clock ?? frozenClock();
  const errors: Record<string, unknown>[] = [];
  const jobs = await Jobs.open({ db, clock, log: (fields) => errors.push(fields) });
  jobs.start();
  return {
    db,
    clock,
    jobs,
    errors,
    close: async () => {
      await jobs.close();
      await db.close();
    },
  };
}

/** Waits (in real time, bounded only so that a broken test fails instead of hanging) until `check` holds. */
export async function until(check: () => boolean | Promise<boolean>, what: string): Promise<void> {
  for (let i = 0; i < 2000; i++) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 5));
  }
  throw new Error(`gave up waiting: ${what}`);
}

/** Waits until no job is due now or leased: whatever the current platform time allows has run. */
export async function settled(db: Db, clock: PlatformClock): Promise<void> {
  await until(async () => {
    const row = await db.get<{ n: number }>('SELECT COUNT(*) AS n FROM stratus_jobs WHERE due_at <= ? OR lease_owner IS NOT NULL', [clock.now()]);
    return row!.n === 0;
  }, 'no job due or running');
}
