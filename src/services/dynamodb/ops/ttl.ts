/**
 * Time to live: UpdateTimeToLive and DescribeTimeToLive, and the job that deletes expired items
 * (with a stream record naming DynamoDB as the actor), as AWS's background process does.
 *
 * Each table with TTL enabled and items that expire has one leased job (`TTL_JOB`, keyed by table
 * id, store.ts) due at its first expiry, read from the expiry index. Enabling TTL schedules it,
 * disabling it or deleting the table cancels it, and a write that sets an earlier expiry brings it
 * forward in the write's transaction. A run deletes one bounded batch, then reschedules the job at
 * the next expiry (at once if more are due) or ends it.
 */
import type { RequestContext } from '../../../core/context.js';
import type { JobOutcome } from '../../../jobs/index.js';
import { peek, type Job } from '../../../jobs/queue.js';
import {
  ResourceNotFoundException,
  type DescribeTimeToLiveInput,
  type DescribeTimeToLiveOutput,
  type DynamoDBApi,
  type UpdateTimeToLiveInput,
  type UpdateTimeToLiveOutput,
} from '../../../generated/dynamodb.js';
import type { DynamoDbCore } from '../core.js';
import { parseItem } from '../request.js';
import { uncacheTouched, type Touched } from './global-tables.js';
import { expiryDueAt, expiryOf, TTL_JOB, type TtlJobPayload } from '../store.js';
import { tableNameOf } from '../tables.js';
import { validation } from '../values.js';

export class TtlOps implements Pick<DynamoDBApi, 'UpdateTimeToLive' | 'DescribeTimeToLive'> {
  constructor(private readonly core: DynamoDbCore) {}

  async UpdateTimeToLive(ctx: RequestContext, input: UpdateTimeToLiveInput): Promise<UpdateTimeToLiveOutput> {
    const spec = input.TimeToLiveSpecification;
    const name = tableNameOf(input.TableName);
    const touched: Touched[] = [];
    await this.core.changeTable(
      ctx,
      name,
      async (t, tx) => {
        touched.length = 0;
        if (spec.Enabled) {
          if (t.ttl?.enabled) throw validation('TimeToLive is already enabled');
          t.ttl = { attribute: spec.AttributeName, enabled: true };
        } else {
          if (!t.ttl?.enabled) throw validation('TimeToLive is already disabled');
          if (t.ttl.attribute !== spec.AttributeName) {
            throw validation(`TimeToLive is active on a different AttributeName: current AttributeName is ${t.ttl.attribute}`);
          }
          t.ttl = { attribute: spec.AttributeName, enabled: false };
        }
        await this.core.store.rebuildTtl(tx, t);
        // A global table's TTL setting is the same in every replica.
        for (const r of t.replicas ?? []) {
          const replica = await this.core.store.loadTable(tx, t.account, r.region, t.name);
          if (!replica) continue;
          replica.ttl = { ...t.ttl };
          await this.core.store.rebuildTtl(tx, replica);
          await this.core.store.saveTable(tx, replica);
          touched.push({ account: t.account, region: r.region, name: t.name });
        }
      },
      () => new ResourceNotFoundException('Requested resource not found'),
    );
    uncacheTouched(this.core, touched);
    this.core.platform.jobs.wake(TTL_JOB);
    return { TimeToLiveSpecification: { Enabled: spec.Enabled, AttributeName: spec.AttributeName } };
  }

  async DescribeTimeToLive(ctx: RequestContext, input: DescribeTimeToLiveInput): Promise<DescribeTimeToLiveOutput> {
    const t = await this.core.tableOrThrow(ctx, input.TableName);
    if (!t.ttl?.enabled) return { TimeToLiveDescription: { TimeToLiveStatus: 'DISABLED' } };
    return { TimeToLiveDescription: { TimeToLiveStatus: 'ENABLED', AttributeName: t.ttl.attribute } };
  }
}

/** Expired items deleted by one run of a table's TTL job (in one transaction). */
const SWEEP_BATCH = 200;

/** Runs the TTL jobs: `jobs.handle(TTL_JOB, sweeper.run)`. */
export class TtlSweeper {
  constructor(private readonly core: DynamoDbCore) {}

  /** Deletes a batch of the table's expired items; then waits for its next expiry, or ends. */
  readonly run = async (job: Job<TtlJobPayload>): Promise<JobOutcome> => {
    const store = this.core.store;
    const now = this.core.now();
    const next = await this.core.db.tx(async (tx) => {
      // Reading its job row orders this transaction after the writes that bring the job forward (a
      // SERIALIZABLE database then sees the conflict with one that raced this run), and a job
      // cancelled meanwhile (TTL disabled, table deleted) ends here.
      if (!(await peek(tx, TTL_JOB, job.key))) return undefined;
      const t = await store.loadTable(tx, job.account, job.region, job.payload.name);
      if (!t?.ttl?.enabled || String(t.id) !== job.key) return undefined;
      for (const key of await store.dueTtl(tx, t, now, SWEEP_BATCH)) {
        const row = await store.getRow(tx, t, key);
        const item = row && parseItem(row.item);
        // An expiry row always goes: with its item, or alone when the item is gone or its expiry no
        // longer counts (more than five years in the past by now), so every run makes progress.
        if (item && expiryOf(t, item, now) !== undefined) await store.delete(tx, t, key, item, true);
        else await store.forgetExpiry(tx, t, key);
      }
      return store.firstExpiry(tx, t);
    });
    return next === undefined ? { then: 'done' } : { then: 'reschedule', dueAt: expiryDueAt(next) };
  };
}
