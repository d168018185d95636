/**
 * The durable job table every service's background work lives in: one row per job in
 * `stratus_jobs`, identified by (kind, key). The SQL only; `runner.ts` runs the jobs and
 * `index.ts` ties the pieces together (the lease design is described there).
 *
 * A row is due at `due_at`. A claim leases it: `lease_owner` (the node that runs it),
 * `lease_until` (when another node may take it if the owner neither finishes nor renews) and
 * `claim`, a random id that no other claim of any job ever has. `rev` counts the replacements of
 * the row. The finishing writes of a claim (and its renewals) apply only while the row holds its
 * claim id and the rev it claimed, so a run that lost its job (cancelled, replaced, taken over,
 * or cancelled and enqueued again under the same key) cannot delete or reschedule what came
 * after it.
 *
 * Every method takes the transaction it runs in, so a service can enqueue in the same transaction
 * as its own writes (SQL only, per the tx contract of storage/db.ts).
 */
import { randomUUID } from 'node:crypto';
import type { Migration, Queryable, SqlValue, Tx } from '../storage/db.js';

export const JOBS_MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    sql: `
      CREATE TABLE stratus_jobs (
        kind TEXT COLLATE "C" NOT NULL,
        key TEXT COLLATE "C" NOT NULL,
        account TEXT NOT NULL,
        region TEXT NOT NULL,
        due_at BIGINT NOT NULL,
        lease_owner TEXT,
        lease_until BIGINT,
        attempt INTEGER NOT NULL,
        rev BIGINT NOT NULL,
        enqueued_at BIGINT NOT NULL,
        payload TEXT NOT NULL,
        PRIMARY KEY (kind, key)
      );
      CREATE INDEX stratus_jobs_due ON stratus_jobs (kind, due_at);
      CREATE INDEX stratus_jobs_owner ON stratus_jobs (lease_owner);
      CREATE TABLE stratus_nodes (
        id TEXT PRIMARY KEY,
        started_at BIGINT NOT NULL,
        heartbeat_at BIGINT NOT NULL
      );`,
  },
  {
    // The id of the claim that holds the lease: a rev alone starts again at 1 when a key is
    // cancelled and enqueued again, and a run still going could then pass for the new claim.
    // Leases taken before it have none: a starting node releases them (nodes.ts).
    version: 2,
    sql: 'ALTER TABLE stratus_jobs ADD COLUMN claim TEXT;',
  },
];

/** A job to enqueue. */
export interface JobSpec<P = unknown> {
  readonly kind: string;
  /** Unique within the kind; enqueueing an existing key keeps or replaces that job. Absent: a new random key. */
  readonly key?: string;
  /** The account and region the work belongs to ('' for platform-wide work). */
  readonly account?: string;
  readonly region?: string;
  /** Platform time (ms) at which it becomes due; absent: now. */
  readonly dueAt?: number;
  /** Stored as JSON. */
  readonly payload?: P;
  /** Failed attempts already made, for work moved from elsewhere (a migration); default 0. */
  readonly attempt?: number;
}

/**
 * What to do when a job with the same (kind, key) exists: leave it as it is, replace its due time,
 * payload and attempt count, or (`'earlier'`) keep it but make it due by the new due time at the
 * latest. `'earlier'` also fences off a run in progress, so that the job runs again after it: that
 * run may have read the state before the change that asked for the earlier time.
 */
export type OnConflict = 'keep' | 'replace' | 'earlier';

const CONFLICT_SQL: Record<OnConflict, string> = {
  keep: 'DO NOTHING',
  // A replacement keeps a running claim's lease: the run finishes (its fenced writes miss) and the
  // replacement runs after it, never beside it.
  replace:
    'DO UPDATE SET account = excluded.account, region = excluded.region, due_at = excluded.due_at, attempt = excluded.attempt, rev = stratus_jobs.rev + 1, enqueued_at = excluded.enqueued_at, payload = excluded.payload',
  earlier: 'DO UPDATE SET due_at = CASE WHEN excluded.due_at < stratus_jobs.due_at THEN excluded.due_at ELSE stratus_jobs.due_at END, rev = stratus_jobs.rev + 1',
};

/** A claimed job, as its handler sees it. */
export interface Job<P = unknown> {
  readonly kind: string;
  readonly key: string;
  readonly account: string;
  readonly region: string;
  /** When it was due (platform ms). */
  readonly dueAt: number;
  /** Failed runs so far (retries that counted). */
  readonly attempt: number;
  /** When it was first enqueued (platform ms), e.g. for a maximum event age. */
  readonly enqueuedAt: number;
  readonly payload: P;
  /** The job's version when claimed (every replacement bumps it): its outcome is recorded only if it is still that version. */
  readonly rev: number;
  /** This claim's id, never used again: its outcome is recorded only while the job is still leased to it. */
  readonly claim: string;
}

interface JobRow {
  kind: string;
  key: string;
  account: string;
  region: string;
  due_at: number;
  attempt: number;
  enqueued_at: number;
  payload: string;
  rev: number;
}

const CLAIMABLE = '(lease_until IS NULL OR lease_until <= ?) AND (lease_owner IS NULL OR lease_owner <> ?)';
const JOB_COLUMNS = 'kind, key, account, region, due_at, attempt, enqueued_at, payload, rev';
/** The row is still this claim's, and was not replaced since; its parameters are `fenceOf(job)`. */
const FENCE = 'kind = ? AND key = ? AND claim = ? AND rev = ?';
const fenceOf = (job: Job): SqlValue[] => [job.kind, job.key, job.claim, job.rev];
/** Releases a lease. */
export const UNLEASED = 'lease_owner = NULL, lease_until = NULL, claim = NULL';

/** The keys a runner has runs of in progress: it claims none of them again until that run is over. */
export interface RunningKeys {
  has(key: string): boolean;
}

const NONE_RUNNING: RunningKeys = { has: () => false };

/** Inserts a job, or keeps, replaces or brings forward the one with its key (see `OnConflict`). Returns the key. */
export async function enqueue(tx: Tx, spec: JobSpec, now: number, onConflict: OnConflict = 'replace'): Promise<string> {
  const key = spec.key ?? randomUUID();
  const payload = JSON.stringify(spec.payload ?? null);
  const dueAt = spec.dueAt ?? now;
  if (onConflict === 'earlier') {
    // Most calls find the job due by then already (a write path calls this for each write): a read,
    // so that they do not all write its row.
    const current = await tx.get<{ due_at: number; lease_owner: string | null }>('SELECT due_at, lease_owner FROM stratus_jobs WHERE kind = ? AND key = ?', [
      spec.kind,
      key,
    ]);
    if (current && current.lease_owner === null && Number(current.due_at) <= dueAt) return key;
  }
  await tx.run(
    `INSERT INTO stratus_jobs (kind, key, account, region, due_at, lease_owner, lease_until, claim, attempt, rev, enqueued_at, payload)
     VALUES (?, ?, ?, ?, ?, NULL, NULL, NULL, ?, 1, ?, ?) ON CONFLICT (kind, key) ${CONFLICT_SQL[onConflict]}`,
    [spec.kind, key, spec.account ?? '', spec.region ?? '', dueAt, spec.attempt ?? 0, now, payload],
  );
  return key;
}

/**
 * Inserts a job already leased to `owner` under a new claim, for work its own node starts at once
 * (Jobs.reserve): the claim of an enqueued job without the transaction that claims it. Undefined,
 * inserting nothing, when a job with its key exists (that one runs as it is).
 */
export async function enqueueClaimed(tx: Tx, spec: JobSpec, owner: string, leaseMs: number, now: number): Promise<Job | undefined> {
  const key = spec.key ?? randomUUID();
  const claim = randomUUID();
  const payload = JSON.stringify(spec.payload ?? null);
  const dueAt = spec.dueAt ?? now;
  const { changes } = await tx.run(
    `INSERT INTO stratus_jobs (kind, key, account, region, due_at, lease_owner, lease_until, claim, attempt, rev, enqueued_at, payload)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?) ON CONFLICT (kind, key) DO NOTHING`,
    [spec.kind, key, spec.account ?? '', spec.region ?? '', dueAt, owner, now + leaseMs, claim, spec.attempt ?? 0, now, payload],
  );
  if (changes === 0) return undefined;
  return { kind: spec.kind, key, account: spec.account ?? '', region: spec.region ?? '', dueAt, attempt: spec.attempt ?? 0, enqueuedAt: now, payload: spec.payload ?? null, rev: 1, claim };
}

/**
 * Leases up to `limit` due jobs of `kind` to `owner` until `now + leaseMs`, oldest due first. Jobs
 * leased by `owner` itself are skipped: this node is running them (and renews their leases); so
 * are the `running` keys, whose job may have been cancelled and enqueued again while they ran.
 */
export async function claimDue(tx: Tx, kind: string, limit: number, owner: string, leaseMs: number, now: number, running: RunningKeys = NONE_RUNNING): Promise<Job[]> {
  const due = await firstNotRunning<{ key: string }>(
    tx,
    `SELECT key FROM stratus_jobs WHERE kind = ? AND due_at <= ? AND ${CLAIMABLE} ORDER BY due_at LIMIT ?`,
    [kind, now, now, owner],
    limit,
    running,
  );
  const claimed: Job[] = [];
  for (const { key } of due) {
    const claim = randomUUID();
    // The conditions again, and the row as it is when leased: it may have changed since it was read.
    const [row] = await tx.all<JobRow>(
      `UPDATE stratus_jobs SET lease_owner = ?, lease_until = ?, claim = ? WHERE kind = ? AND key = ? AND due_at <= ? AND ${CLAIMABLE} RETURNING ${JOB_COLUMNS}`,
      [owner, now + leaseMs, claim, kind, key, now, now, owner],
    );
    if (row) claimed.push({ ...toJob(row), claim });
  }
  return claimed;
}

/** The job is done: removes it. False when the claim was fenced off (the job is no longer this claim's). */
export async function complete(tx: Tx, job: Job): Promise<boolean> {
  const { changes } = await tx.run(`DELETE FROM stratus_jobs WHERE ${FENCE}`, fenceOf(job));
  return changes === 1 || release(tx, job);
}

/** Runs the job again at `dueAt`, counting a failed attempt or not (a throttle is no failure). */
export async function retry(tx: Tx, job: Job, dueAt: number, countAttempt = true): Promise<boolean> {
  const { changes } = await tx.run(`UPDATE stratus_jobs SET due_at = ?, attempt = attempt + ?, ${UNLEASED} WHERE ${FENCE}`, [dueAt, countAttempt ? 1 : 0, ...fenceOf(job)]);
  return changes === 1 || release(tx, job);
}

/** Keeps the job for another run at `dueAt` (recurring work: a schedule, a poller), with a new payload if given. */
export async function reschedule(tx: Tx, job: Job, dueAt: number, payload: unknown): Promise<boolean> {
  const { changes } = await tx.run(`UPDATE stratus_jobs SET due_at = ?, payload = ?, attempt = 0, ${UNLEASED} WHERE ${FENCE}`, [dueAt, JSON.stringify(payload ?? null), ...fenceOf(job)]);
  return changes === 1 || release(tx, job);
}

/**
 * A fenced-off claim lets go of the lease it may still hold (the job was replaced while it ran, so
 * the replacement may run now). Always false: this claim's outcome was not recorded.
 */
async function release(tx: Tx, job: Job): Promise<false> {
  await tx.run(`UPDATE stratus_jobs SET ${UNLEASED} WHERE kind = ? AND key = ? AND claim = ?`, [job.kind, job.key, job.claim]);
  return false;
}

/** Extends the leases these claims still hold to `until`. */
export async function renew(tx: Tx, jobs: readonly Job[], until: number): Promise<void> {
  for (const job of jobs) {
    await tx.run('UPDATE stratus_jobs SET lease_until = ? WHERE kind = ? AND key = ? AND claim = ?', [until, job.kind, job.key, job.claim]);
  }
}

/** Removes a job, leased or not (a run in progress finds it gone when it finishes). */
export async function cancel(tx: Tx, kind: string, key: string): Promise<boolean> {
  return (await tx.run('DELETE FROM stratus_jobs WHERE kind = ? AND key = ?', [kind, key])).changes === 1;
}

/** Removes every job of `kind` whose key starts with `prefix` (e.g. every shard of one event-source mapping). */
export async function cancelPrefix(tx: Tx, kind: string, prefix: string): Promise<number> {
  // A key range rather than LIKE, whose wildcards a key may contain: [prefix, prefix with its last
  // character incremented), in byte order ("C" collation; UTF-8 keeps code point order).
  const end = prefix.slice(0, -1) + String.fromCharCode(prefix.charCodeAt(prefix.length - 1) + 1);
  return (await tx.run('DELETE FROM stratus_jobs WHERE kind = ? AND key >= ? AND key < ?', [kind, prefix, end])).changes;
}

/**
 * When the earliest job of `kind` that nobody leases is due, if any: the one wake-up a runner arms.
 * The `running` keys' jobs do not count: the end of their run wakes the runner.
 */
export async function nextDue(db: Queryable, kind: string, running: RunningKeys = NONE_RUNNING): Promise<number | undefined> {
  const [row] = await firstNotRunning<{ key: string; due_at: number }>(
    db,
    'SELECT key, due_at FROM stratus_jobs WHERE kind = ? AND lease_owner IS NULL ORDER BY due_at LIMIT ?',
    [kind],
    1,
    running,
  );
  return row ? Number(row.due_at) : undefined;
}

/**
 * The first `limit` rows of `sql` (which ends in `LIMIT ?`) whose key is not `running`. Those are
 * rare among them (a runner leases its own jobs), so this reads further only past the ones it met.
 */
async function firstNotRunning<T extends { key: string }>(db: Queryable, sql: string, params: readonly SqlValue[], limit: number, running: RunningKeys): Promise<T[]> {
  for (let passedOver = 0; ; ) {
    const rows = await db.all<T>(sql, [...params, limit + passedOver]);
    const kept = rows.filter((row) => !running.has(row.key));
    const met = rows.length - kept.length;
    if (met <= passedOver || rows.length < limit + passedOver) return kept.slice(0, limit);
    passedOver = met;
  }
}

/** One job as stored (for tests and admin views), unclaimed. */
export async function peek<P = unknown>(db: Queryable, kind: string, key: string): Promise<(Omit<Job<P>, 'claim'> & { leaseOwner: string | null; leaseUntil: number | null }) | undefined> {
  const row = await db.get<JobRow & { lease_owner: string | null; lease_until: number | null }>('SELECT * FROM stratus_jobs WHERE kind = ? AND key = ?', [kind, key]);
  if (!row) return undefined;
  return { ...(toJob(row) as Omit<Job<P>, 'claim'>), leaseOwner: row.lease_owner, leaseUntil: row.lease_until === null ? null : Number(row.lease_until) };
}

function toJob(row: JobRow): Omit<Job, 'claim'> {
  return {
    kind: row.kind,
    key: row.key,
    account: row.account,
    region: row.region,
    dueAt: Number(row.due_at),
    attempt: row.attempt,
    enqueuedAt: Number(row.enqueued_at),
    payload: JSON.parse(row.payload) as unknown,
    rev: Number(row.rev),
  };
}
