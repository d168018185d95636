/**
 * The processes (nodes) that may hold job leases, in `stratus_nodes`, so that the leases of one
 * that died are taken over at once instead of when they expire. See index.ts for the design.
 */
import { randomUUID } from 'node:crypto';
import type { Clock, TimerHandle } from '../core/clock.js';
import type { Db, Tx } from '../storage/db.js';
import { UNLEASED } from './queue.js';

export interface NodeOptions {
  /**
   * Whether other live processes share the database (PostgreSQL). False for SQLite, whose data
   * directory one process holds at a time: every other node found at start-up is dead.
   */
  readonly shared: boolean;
  /** How often a node of a shared database marks itself alive. */
  readonly heartbeatMs: number;
  /** After how long without a heartbeat a node counts as dead. */
  readonly staleMs: number;
}

export class NodeRegistry {
  /** This process's node id: every lease it takes names it. */
  readonly id = randomUUID();
  private timer: TimerHandle | undefined;
  private closed = false;

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly options: NodeOptions,
    /** Called after leases of dead nodes were released, so that runners claim them now. */
    private readonly onTakeover: () => void,
    private readonly log: (fields: Record<string, unknown>) => void,
  ) {}

  /** Registers this node and takes over the leases of dead ones. */
  async join(): Promise<void> {
    const now = this.clock.now();
    await this.db.tx(async (tx) => {
      await tx.run('INSERT INTO stratus_nodes (id, started_at, heartbeat_at) VALUES (?, ?, ?)', [this.id, now, now]);
      return this.reap(tx, now);
    });
    if (this.options.shared) this.schedule();
  }

  /** Leaves cleanly: the leases still held go to the other nodes at once. */
  async leave(): Promise<void> {
    this.closed = true;
    this.timer?.cancel();
    await this.db.tx(async (tx) => {
      await tx.run('DELETE FROM stratus_nodes WHERE id = ?', [this.id]);
      await tx.run(`UPDATE stratus_jobs SET ${UNLEASED} WHERE lease_owner = ?`, [this.id]);
    });
  }

  private schedule(): void {
    if (this.closed) return;
    this.timer = this.clock.setTimer(this.options.heartbeatMs, () => {
      void this.beat()
        .catch((e: unknown) => this.log({ level: 'error', jobs: 'heartbeat', error: String((e as Error)?.stack ?? e) }))
        .finally(() => this.schedule());
    });
  }

  private async beat(): Promise<void> {
    const now = this.clock.now();
    const released = await this.db.tx(async (tx) => {
      const { changes } = await tx.run('UPDATE stratus_nodes SET heartbeat_at = ? WHERE id = ?', [now, this.id]);
      // Another node took this one for dead (a pause longer than staleMs) and released its leases:
      // it registers again; its runs in progress finish fenced off.
      if (changes === 0) await tx.run('INSERT INTO stratus_nodes (id, started_at, heartbeat_at) VALUES (?, ?, ?)', [this.id, now, now]);
      return this.reap(tx, now);
    });
    if (released > 0) this.onTakeover();
  }

  /** Forgets dead nodes and releases every lease whose owner is not a live node. */
  private async reap(tx: Tx, now: number): Promise<number> {
    if (this.options.shared) await tx.run('DELETE FROM stratus_nodes WHERE heartbeat_at < ? AND id <> ?', [now - this.options.staleMs, this.id]);
    else await tx.run('DELETE FROM stratus_nodes WHERE id <> ?', [this.id]);
    const { changes } = await tx.run(
      `UPDATE stratus_jobs SET ${UNLEASED} WHERE lease_owner IS NOT NULL AND lease_owner NOT IN (SELECT id FROM stratus_nodes)`,
    );
    return changes;
  }
}
