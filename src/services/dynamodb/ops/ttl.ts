/**
 * Time to live: UpdateTimeToLive and DescribeTimeToLive, and the sweeper that deletes expired
 * items (with a stream record naming DynamoDB as the actor), as AWS's background process does.
 */
import type { TimerHandle } from '../../../core/clock.js';
import type { RequestContext } from '../../../core/context.js';
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
import { expiryOf } from '../store.js';
import { tableNameOf } from '../tables.js';
import { validation } from '../values.js';

export class TtlOps implements Pick<DynamoDBApi, 'UpdateTimeToLive' | 'DescribeTimeToLive'> {
  constructor(private readonly core: DynamoDbCore) {}

  async UpdateTimeToLive(ctx: RequestContext, input: UpdateTimeToLiveInput): Promise<UpdateTimeToLiveOutput> {
    const spec = input.TimeToLiveSpecification;
    const name = tableNameOf(input.TableName);
    await this.core.changeTable(
      ctx,
      name,
      async (t, tx) => {
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
      },
      () => new ResourceNotFoundException('Requested resource not found'),
    );
    return { TimeToLiveSpecification: { Enabled: spec.Enabled, AttributeName: spec.AttributeName } };
  }

  async DescribeTimeToLive(ctx: RequestContext, input: DescribeTimeToLiveInput): Promise<DescribeTimeToLiveOutput> {
    const t = await this.core.tableOrThrow(ctx, input.TableName);
    if (!t.ttl?.enabled) return { TimeToLiveDescription: { TimeToLiveStatus: 'DISABLED' } };
    return { TimeToLiveDescription: { TimeToLiveStatus: 'ENABLED', AttributeName: t.ttl.attribute } };
  }
}

/** Deletes expired items in batches on the platform clock. */
export class TtlSweeper {
  private sweepTimer: TimerHandle | undefined;
  private sweeping: Promise<void> | undefined;
  private closed = false;

  constructor(private readonly core: DynamoDbCore) {}

  start(): void {
    this.scheduleSweep(this.core.ttlSweepMs);
  }

  private scheduleSweep(ms: number): void {
    if (this.closed) return;
    this.sweepTimer?.cancel();
    this.sweepTimer = this.core.platform.clock.setTimer(ms, () => {
      this.sweeping = this.sweep()
        .catch((e) => this.core.platform.log({ service: 'dynamodb', event: 'ttl-sweep-failed', error: String(e) }))
        .then((more) => {
          this.sweeping = undefined;
          this.scheduleSweep(more === true ? 0 : this.core.ttlSweepMs);
        });
    });
  }

  /** Deletes due items; true when there may be more due right away. */
  async sweep(): Promise<boolean> {
    let more = false;
    const store = this.core.store;
    for (const t of await store.ttlTables()) {
      const now = this.core.now();
      const due = await store.dueTtl(t, now, 200);
      if (due.length === 200) more = true;
      if (!due.length) continue;
      await this.core.db.tx(async (tx) => {
        const current = await store.loadTable(tx, t.account, t.region, t.name);
        if (!current?.ttl?.enabled || current.id !== t.id) return;
        for (const key of due) {
          const row = await store.getRow(tx, current, key);
          if (!row) {
            await store.forgetExpiry(tx, current, key);
            continue;
          }
          const item = parseItem(row.item);
          const exp = expiryOf(current, item, now);
          if (exp !== undefined && exp * 1000 <= now) await store.delete(tx, current, key, item, true);
        }
      });
    }
    return more;
  }

  async close(): Promise<void> {
    this.closed = true;
    this.sweepTimer?.cancel();
    await this.sweeping;
  }
}
