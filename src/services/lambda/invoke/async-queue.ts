/**
 * Asynchronous (Event) invocations: a durable queue in `lambda_async`. Each event is a row, run
 * under a lease so that one node runs it when several share the database, retried with backoff
 * (MaximumRetryAttempts, MaximumEventAgeInSeconds of the event invoke configuration), deleted once
 * it succeeded, ran out of attempts or of age, or its function is gone.
 */
import { randomUUID } from 'node:crypto';
import { internalContext, type RequestContext } from '../../../core/context.js';
import type { PoolResult } from '../../../runtime/pool.js';
import type { LambdaCore, Target } from '../core.js';
import { ASYNC_RETRY_DELAYS_MS, MAX_EVENT_AGE_MS } from '../limits.js';
import type { EventConfigDoc } from '../ops/event-config.js';
import type { InvocationRunner } from './sync.js';

interface EventRow {
  account: string;
  region: string;
  name: string;
  qualifier: string | null;
  payload: Buffer;
  request_id: string;
  attempt: number;
  created: number;
  lease: number | null;
}

export class AsyncQueue {
  /** When each pending event of this process runs next, by event id. */
  private readonly timers = new Map<string, { cancel(): void }>();
  private closed = false;

  constructor(
    private readonly core: LambdaCore,
    private readonly runner: InvocationRunner,
  ) {}

  async enqueue(ctx: RequestContext, name: string, qualifier: string | undefined, payload: Buffer): Promise<void> {
    const id = randomUUID();
    const now = ctx.clock.now();
    await this.core.db.run(
      'INSERT INTO lambda_async (id, account, region, name, qualifier, payload, request_id, attempt, next_at, created, lease) VALUES (?, ?, ?, ?, ?, ?, ?, 0, ?, ?, NULL)',
      [id, ctx.accountId, ctx.region, name, qualifier ?? null, payload, ctx.requestId, now, now],
    );
    this.schedule(id, 0);
  }

  /** Picks up async events left by a previous run. */
  async resume(): Promise<void> {
    const rows = await this.core.db.all<{ id: string; next_at: number; lease: number | null }>('SELECT id, next_at, lease FROM lambda_async');
    const now = this.core.clock.now();
    for (const r of rows) this.schedule(r.id, Math.max(0, Math.max(r.next_at, (r.lease ?? 0) + 1) - now));
  }

  close(): void {
    this.closed = true;
    for (const t of this.timers.values()) t.cancel();
    this.timers.clear();
  }

  private schedule(id: string, delayMs: number): void {
    if (this.closed) return;
    this.timers.get(id)?.cancel();
    const timer = this.core.clock.setTimer(delayMs, () => {
      this.timers.delete(id);
      void this.run(id).catch((e: unknown) => this.logFailure(id, e));
    });
    this.timers.set(id, timer);
  }

  private logFailure(id: string, e: unknown): void {
    this.core.platform.log({ level: 'error', service: 'lambda', asyncEvent: id, error: String((e as Error)?.stack ?? e) });
  }

  private async run(id: string): Promise<void> {
    if (this.closed) return;
    const db = this.core.db;
    const clock = this.core.clock;
    const now = clock.now();
    const row = await db.get<EventRow>('SELECT * FROM lambda_async WHERE id = ?', [id]);
    if (!row) return;
    const ctx = internalContext(clock, { accountId: row.account, region: row.region, service: 'lambda', operation: 'Invoke', requestId: row.request_id });
    const drop = async (): Promise<void> => {
      await db.run('DELETE FROM lambda_async WHERE id = ?', [id]);
    };
    let target: Target;
    try {
      target = await this.core.resolve(ctx, row.name, row.qualifier ?? undefined, true);
    } catch {
      return drop();
    }
    // A lease (the function's timeout plus a margin) so that only one node runs an event when
    // several share the database; an expired lease (a node died) lets another node run it.
    const leaseMs = (target.config.Timeout + 60) * 1000;
    const { changes } = await db.run('UPDATE lambda_async SET lease = ? WHERE id = ? AND (lease IS NULL OR lease < ?)', [now + leaseMs, id, now]);
    if (changes === 0) {
      if (row.lease !== null) this.schedule(id, Math.max(1000, row.lease - now + 1));
      return;
    }
    const eventConfig: Partial<EventConfigDoc> = target.row.event_config ? (JSON.parse(target.row.event_config) as EventConfigDoc) : {};
    const maxRetries = eventConfig.MaximumRetryAttempts ?? 2;
    const maxAge = (eventConfig.MaximumEventAgeInSeconds ?? MAX_EVENT_AGE_MS / 1000) * 1000;
    if (now - row.created > maxAge) return drop();
    const reason = await this.runner.acquire(ctx, target);
    if (reason) {
      // Throttled: retried with backoff until the maximum event age.
      const delay = Math.min(5 * 60_000, 1000 * 2 ** Math.min(8, row.attempt));
      await db.run('UPDATE lambda_async SET lease = NULL, next_at = ? WHERE id = ?', [now + delay, id]);
      this.schedule(id, delay);
      return;
    }
    let result: PoolResult | undefined;
    try {
      result = await this.runner.run(ctx, target, Buffer.from(row.payload), row.request_id);
    } catch (e) {
      this.logFailure(id, e);
    } finally {
      this.runner.release(ctx, target);
    }
    if (!result) {
      if (this.closed) return;
      const delay = 1000 * 2 ** Math.min(8, row.attempt);
      await db.run('UPDATE lambda_async SET lease = NULL, next_at = ? WHERE id = ?', [clock.now() + delay, id]);
      this.schedule(id, delay);
      return;
    }
    if (result.outcome === 'success') return drop();
    const attempt = row.attempt + 1;
    if (attempt > maxRetries) return drop();
    const delay = ASYNC_RETRY_DELAYS_MS[Math.min(attempt - 1, ASYNC_RETRY_DELAYS_MS.length - 1)]!;
    await db.run('UPDATE lambda_async SET attempt = ?, next_at = ?, lease = NULL WHERE id = ?', [attempt, clock.now() + delay, id]);
    this.schedule(id, delay);
  }
}
