/**
 * Durable background work for every service: a job is a row in SQL (`queue.ts`), run by a runner
 * per kind on the platform clock (`runner.ts`), under a lease, so that nothing lives only in memory
 * and several nodes sharing a database run each job once.
 *
 *   const jobs = await Jobs.open({ db, clock, log });
 *   jobs.handle('lambda.async', async (job) => { ...; return { then: 'retry', delayMs: 60_000 } }, { concurrency: 10, leaseMs: 960_000 });
 *   jobs.start();                // once the process is ready to serve what the handlers call (the server listens)
 *   await jobs.enqueue({ kind: 'lambda.async', account, region, payload: { ... } });
 *
 * Leases of a process that died. A lease names its owner node (`stratus_nodes`, one row per live
 * process) and runs out at `lease_until`; a run in progress renews it. A node that starts takes
 * over AT ONCE every lease whose owner is not a live node, instead of waiting for it to run out:
 * - SQLite (`shared: false`): the data directory is held by one process at a time (an exclusive
 *   lock the kernel drops when the process dies, storage/sqlite/dir-lock.ts), so at start every
 *   other node is dead: their rows go and all their leases are released.
 * - PostgreSQL (`shared: true`, later): each node heartbeats every `heartbeatMs`; a node silent for
 *   `staleMs` is dead, and the next heartbeat of any node releases its leases. `lease_until` stays
 *   the backstop for a node that is alive but stuck. Runners poll every `pollMs` (1 s), since another
 *   node's enqueue does not wake them.
 * Every claim has an id of its own (queue.ts), so a run that lost its lease records nothing.
 * Runners of every database also poll (every 10 s with SQLite), a backstop for a wake-up missed.
 * Heartbeats use the platform clock: advancing it is a single-node (test) feature.
 *
 * Enqueueing inside a service's own transaction: `await enqueue(tx, spec, now)` from queue.ts in
 * the `db.tx` callback, then `jobs.wake(kind, dueAt)` once it has committed.
 */
import type { Clock } from '../core/clock.js';
import type { Db } from '../storage/db.js';
import { NodeRegistry } from './nodes.js';
import { cancel, cancelPrefix, enqueue, JOBS_MIGRATIONS, type Job, type JobSpec, type OnConflict } from './queue.js';
import { Runner, type HandlerOptions, type JobHandler, type RunnerHost } from './runner.js';
import { Schedules, SCHEDULE_KIND } from './recurring.js';

export type { Job, JobSpec, OnConflict } from './queue.js';

/** A run slot of this process held for one job that its holder enqueues already claimed (Jobs.reserve). */
export interface JobSlot {
  /** The lease to enqueue the job under: `enqueueClaimed(tx, spec, slot.owner, slot.leaseMs, now)` (queue.ts). */
  readonly owner: string;
  readonly leaseMs: number;
  /** Once the transaction settled: runs the job it claimed, or frees the slot (undefined: none was claimed, or it rolled back). Once. */
  settle(job: Job | undefined): void;
}
export type { HandlerOptions, JobHandler, JobOutcome, RunContext } from './runner.js';

export interface JobsOptions {
  readonly db: Db;
  readonly clock: Clock;
  readonly log?: (fields: Record<string, unknown>) => void;
  /** Whether other live processes share the database. Default: false for SQLite, true otherwise. */
  readonly shared?: boolean;
  /** Shared database only: heartbeat period, and staleness after which a node is dead. */
  readonly heartbeatMs?: number;
  readonly staleMs?: number;
  /** The longest sleep of a runner, in platform time. Default 1 s with a shared database, 10 s otherwise. */
  readonly pollMs?: number;
  /** How long (real time) `close()` waits for the handlers in progress to end. Default 5 s. */
  readonly closeGraceMs?: number;
}

export class Jobs {
  private readonly runners = new Map<string, Runner<any>>();
  private readonly host: RunnerHost;
  private started = false;
  private closed = false;
  /** Durable recurring schedules (cron, rate, at) that enqueue a job of their kind at each fire. */
  readonly schedules: Schedules;
  /** Told of a job woken (enqueued, due) whose kind has no handler here: the server loads the service that handles it. */
  onUnhandled: ((kind: string) => void) | undefined;

  private constructor(
    readonly db: Db,
    readonly clock: Clock,
    private readonly nodes: NodeRegistry,
    log: (fields: Record<string, unknown>) => void,
    timing: Pick<RunnerHost, 'pollMs' | 'closeGraceMs'>,
  ) {
    this.host = { db, clock, owner: nodes.id, ...timing, log, wake: (kind, dueAt) => this.wake(kind, dueAt) };
    this.schedules = new Schedules(this);
  }

  /** Creates the tables if needed, registers this node and takes over the leases of dead ones. */
  static async open(options: JobsOptions): Promise<Jobs> {
    const shared = options.shared ?? options.db.dialect !== 'sqlite';
    await options.db.migrate('jobs', JOBS_MIGRATIONS);
    const log = options.log ?? (() => {});
    const timing = { shared, heartbeatMs: options.heartbeatMs ?? 10_000, staleMs: options.staleMs ?? 30_000 };
    const nodes = new NodeRegistry(options.db, options.clock, timing, () => jobs.kickAll(), log);
    const jobs: Jobs = new Jobs(options.db, options.clock, nodes, log, {
      pollMs: options.pollMs ?? (shared ? 1000 : 10_000),
      closeGraceMs: options.closeGraceMs ?? 5000,
    });
    await nodes.join();
    jobs.handle(SCHEDULE_KIND, jobs.schedules.fire, { concurrency: 4 });
    return jobs;
  }

  /** This process's node id (the owner its leases name). */
  get nodeId(): string {
    return this.nodes.id;
  }

  /** Runs the jobs of `kind` with `handler` in this process, from `start()` on, starting with those already due. One handler per kind. */
  handle<P>(kind: string, handler: JobHandler<P>, options: HandlerOptions = {}): void {
    if (this.runners.has(kind)) throw new Error(`jobs of kind ${kind} already have a handler`);
    const runner = new Runner<P>(kind, handler, options, this.host);
    this.runners.set(kind, runner);
    if (this.started) runner.kick();
  }

  /** The kinds that have a handler in this process. */
  kinds(): string[] {
    return [...this.runners.keys()];
  }

  /**
   * Stops running the jobs of `kind` in this process (they stay queued), waiting for the runs in
   * progress as close() does: a service stopped to be started again (a reset) registers it anew.
   */
  async unhandle(kind: string): Promise<void> {
    const runner = this.runners.get(kind);
    if (!runner) return;
    this.runners.delete(kind);
    await runner.close();
  }

  /**
   * Starts running jobs. Until then handlers are only registered: the server starts its jobs once it
   * listens, since handlers call it (a Lambda environment is handed the server's endpoint).
   */
  start(): void {
    this.started = true;
    this.kickAll();
  }

  /** Enqueues a job (by default replacing one with the same key) and wakes its runner. Returns its key. */
  async enqueue<P>(spec: JobSpec<P>, onConflict: OnConflict = 'replace'): Promise<string> {
    const now = this.clock.now();
    const key = await this.db.tx((tx) => enqueue(tx, spec, now, onConflict));
    this.wake(spec.kind, spec.dueAt ?? now);
    return key;
  }

  /**
   * Work to start at once in this process, as the transaction that asks for it commits: a run slot of
   * `kind`'s runner, held until `settle`. Its holder enqueues the job already leased to this node in
   * that transaction (queue.ts enqueueClaimed), then hands it over, and it runs without a claim
   * transaction of its own. Undefined when the runner has no free slot (or is not started, or
   * closed): the job is enqueued as usual then, and claimed when a slot frees.
   */
  reserve(kind: string): JobSlot | undefined {
    const runner = this.started && !this.closed ? this.runners.get(kind) : undefined;
    if (!runner?.hold()) return undefined;
    let settled = false;
    return {
      owner: this.nodes.id,
      leaseMs: runner.leaseMs,
      settle: (job) => {
        if (settled) return;
        settled = true;
        runner.adopt(job);
      },
    };
  }

  /** Removes a job; true if it existed. */
  cancel(kind: string, key: string): Promise<boolean> {
    return this.db.tx((tx) => cancel(tx, kind, key));
  }

  /** Removes the jobs of `kind` whose key starts with `prefix`; how many. */
  cancelPrefix(kind: string, prefix: string): Promise<number> {
    return this.db.tx((tx) => cancelPrefix(tx, kind, prefix));
  }

  /** A job of `kind` was enqueued (in a service's own transaction) due at `dueAt`: its runner in this process claims it in time. */
  wake(kind: string, dueAt: number = this.clock.now()): void {
    if (!this.started || this.closed) return;
    const runner = this.runners.get(kind);
    if (runner) runner.wake(dueAt);
    else this.onUnhandled?.(kind);
  }

  /** The kinds of the jobs queued (whatever their due time): those without a handler here need their service loaded. */
  async queuedKinds(): Promise<string[]> {
    const rows = await this.db.all<{ kind: string }>('SELECT DISTINCT kind FROM stratus_jobs');
    return rows.map((r) => r.kind);
  }

  private kickAll(): void {
    if (this.started) for (const runner of this.runners.values()) runner.kick();
  }

  /**
   * Stops every runner, waits a little for the handlers in progress (their signal aborted), and
   * leaves (the leases still held go to other nodes at once). Before `db.close()`.
   */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await Promise.all([...this.runners.values()].map((r) => r.close()));
    await this.nodes.leave();
  }
}
