/**
 * Point-in-time recovery: UpdateContinuousBackups, DescribeContinuousBackups and
 * RestoreTableToPointInTime, and the job that prunes each table's change log.
 *
 * Enabling PITR copies nothing: from then on every write adds the item's new version (or a delete
 * marker) to the table's change log (`ddb_pitr_log`) in its own transaction, with, on the key's
 * first write since, the item as it was when PITR was enabled (store.ts `logVersion`: one INSERT
 * statement, only for tables with PITR, the flag read from the cached metadata). The state at time
 * T is, per key, the latest version at or before T, or for a key not written since PITR was
 * enabled the item in the table (recovery-store.ts).
 * Each table with PITR has one `dynamodb.pitr` job, hourly on the platform clock, that forgets the
 * versions no restore in the window can need (recovery-store.ts `pruneLog`). Disabling PITR drops
 * the log, as AWS forgets the window.
 */
import type { RequestContext } from '../../../core/context.js';
import type { JobOutcome } from '../../../jobs/index.js';
import { cancel, enqueue, type Job } from '../../../jobs/queue.js';
import {
  ContinuousBackupsUnavailableException,
  InvalidRestoreTimeException,
  PointInTimeRecoveryUnavailableException,
  TableNotFoundException,
  type ContinuousBackupsDescription,
  type DescribeContinuousBackupsInput,
  type DescribeContinuousBackupsOutput,
  type DynamoDBApi,
  type RestoreTableToPointInTimeInput,
  type RestoreTableToPointInTimeOutput,
  type UpdateContinuousBackupsInput,
  type UpdateContinuousBackupsOutput,
} from '../../../generated/dynamodb.js';
import type { DynamoDbCore } from '../core.js';
import { RecoveryStore } from '../recovery-store.js';
import { createRestoredTable, RESTORE_JOB, restoredMeta } from '../restore.js';
import { PITR_JOB } from '../store.js';
import { describeTable, parseTableArn, tableArn, tableNameOf, tableStatus, type TableMeta } from '../tables.js';
import { validation } from '../values.js';

const DAY_MS = 24 * 60 * 60 * 1000;
/** How far behind the present the latest restorable time is, as AWS reports it. */
export const LATEST_LAG_MS = 5 * 60 * 1000;
/** How often a table's change log is pruned. */
const PRUNE_EVERY_MS = 60 * 60 * 1000;

export interface PitrJobPayload {
  readonly name: string;
}

/** The restorable window of a table with PITR enabled (platform ms). */
export function restorableWindow(t: TableMeta, now: number): { earliest: number; latest: number } {
  const p = t.pitr!;
  const earliest = Math.max(p.enabledAt, now - p.days * DAY_MS);
  return { earliest, latest: Math.max(earliest, now - LATEST_LAG_MS) };
}

/** A table still being created (or restored, or imported) has no backups yet, as AWS answers then. */
export function backupsUnavailable(name: string) {
  return new ContinuousBackupsUnavailableException(`Backups are being enabled for the table: ${name}. Please retry later`);
}

export function pitrUnavailable(name: string) {
  return new PointInTimeRecoveryUnavailableException(`Point in time recovery is not enabled for table '${name}'`);
}

function description(t: TableMeta, now: number): ContinuousBackupsDescription {
  if (!t.pitr) return { ContinuousBackupsStatus: 'ENABLED', PointInTimeRecoveryDescription: { PointInTimeRecoveryStatus: 'DISABLED' } };
  const w = restorableWindow(t, now);
  return {
    ContinuousBackupsStatus: 'ENABLED',
    PointInTimeRecoveryDescription: {
      PointInTimeRecoveryStatus: 'ENABLED',
      RecoveryPeriodInDays: t.pitr.days,
      EarliestRestorableDateTime: new Date(w.earliest),
      LatestRestorableDateTime: new Date(w.latest),
    },
  };
}

type PitrOperations = 'UpdateContinuousBackups' | 'DescribeContinuousBackups' | 'RestoreTableToPointInTime';

export class PitrOps implements Pick<DynamoDBApi, PitrOperations> {
  private readonly recovery = new RecoveryStore();

  constructor(private readonly core: DynamoDbCore) {}

  async UpdateContinuousBackups(ctx: RequestContext, input: UpdateContinuousBackupsInput): Promise<UpdateContinuousBackupsOutput> {
    const name = tableNameOf(input.TableName);
    const spec = input.PointInTimeRecoverySpecification;
    const now = this.core.now();
    if (!spec.PointInTimeRecoveryEnabled && spec.RecoveryPeriodInDays !== undefined) {
      throw validation('RecoveryPeriodInDays can only be specified when PointInTimeRecoveryEnabled is true');
    }
    const store = this.core.store;
    const cached = await store.table(ctx.accountId, ctx.region, name);
    if (cached && spec.PointInTimeRecoveryEnabled) store.pitrTables.set(cached.id, cached.pitr?.enabledAt ?? now);
    let t: TableMeta;
    try {
      t = await this.update(ctx, name, spec, now);
    } catch (e) {
      if (cached && !(await store.table(ctx.accountId, ctx.region, name))?.pitr) store.pitrTables.delete(cached.id);
      throw e;
    }
    if (t.pitr) store.pitrTables.set(t.id, t.pitr.enabledAt);
    else store.pitrTables.delete(t.id);
    this.core.platform.jobs.wake(PITR_JOB);
    return { ContinuousBackupsDescription: description(t, now) };
  }

  private update(ctx: RequestContext, name: string, spec: UpdateContinuousBackupsInput['PointInTimeRecoverySpecification'], now: number): Promise<TableMeta> {
    return this.core.changeTable(
      ctx,
      name,
      async (t, tx) => {
        if (tableStatus(t, now) === 'CREATING') throw backupsUnavailable(name);
        if (spec.PointInTimeRecoveryEnabled) {
          const days = spec.RecoveryPeriodInDays ?? t.pitr?.days ?? 35;
          if (t.pitr) t.pitr = { ...t.pitr, days };
          else {
            t.pitr = { enabledAt: now, days };
            await this.recovery.startLog(tx, t, now);
            await enqueue(tx, { kind: PITR_JOB, key: String(t.id), account: t.account, region: t.region, dueAt: now + PRUNE_EVERY_MS, payload: { name: t.name } }, now, 'replace');
          }
        } else if (t.pitr) {
          delete t.pitr;
          await this.recovery.dropLog(tx, t);
          await cancel(tx, PITR_JOB, String(t.id));
        }
      },
      () => new TableNotFoundException(`Table not found: ${name}`),
    );
  }

  async DescribeContinuousBackups(ctx: RequestContext, input: DescribeContinuousBackupsInput): Promise<DescribeContinuousBackupsOutput> {
    const name = tableNameOf(input.TableName);
    const t = await this.core.store.table(ctx.accountId, ctx.region, name);
    if (!t) throw new TableNotFoundException(`Table not found: ${name}`);
    return { ContinuousBackupsDescription: description(t, this.core.now()) };
  }

  async RestoreTableToPointInTime(ctx: RequestContext, input: RestoreTableToPointInTimeInput): Promise<RestoreTableToPointInTimeOutput> {
    if (input.SourceTableArn === undefined && input.SourceTableName === undefined) {
      throw validation('Either SourceTableArn or SourceTableName must be specified');
    }
    if (input.SourceTableArn !== undefined && input.SourceTableName !== undefined) {
      throw validation('Only one of SourceTableArn or SourceTableName may be specified');
    }
    if (input.UseLatestRestorableTime && input.RestoreDateTime !== undefined) {
      throw validation('Only one of RestoreDateTime or UseLatestRestorableTime may be specified');
    }
    const name = input.SourceTableName ?? parseTableArn(input.SourceTableArn!).name;
    const now = this.core.now();
    const source = await this.core.store.table(ctx.accountId, ctx.region, name);
    if (!source) throw new TableNotFoundException(`Table not found: ${name}`);
    if (!source.pitr) throw pitrUnavailable(name);
    const w = restorableWindow(source, now);
    let at: number;
    if (input.RestoreDateTime !== undefined) {
      at = input.RestoreDateTime.getTime();
      if (!Number.isFinite(at) || at < w.earliest || at > w.latest) {
        throw new InvalidRestoreTimeException(
          `Invalid restore time specified: RestoreDateTime must be between ${new Date(w.earliest).toISOString()} and ${new Date(w.latest).toISOString()}`,
        );
      }
    } else if (input.UseLatestRestorableTime) at = w.latest;
    else throw validation('Either RestoreDateTime or UseLatestRestorableTime must be specified');
    const meta = restoredMeta(this.core, ctx, source, input.TargetTableName, input);
    meta.restore = { sourceTableArn: tableArn(source), at };
    const t = await this.core.db.tx(async (tx) => {
      const current = await this.core.store.loadTable(tx, ctx.accountId, ctx.region, name);
      if (!current || current.id !== source.id) throw new TableNotFoundException(`Table not found: ${name}`);
      if (!current.pitr) throw pitrUnavailable(name);
      return createRestoredTable(this.core, tx, meta, { table: source.id, at });
    });
    this.core.store.cacheTable(t);
    this.core.platform.jobs.wake(RESTORE_JOB, now);
    return { TableDescription: describeTable(t, now, undefined, 'CREATING') };
  }
}

/** Runs the PITR jobs: prunes a table's change log to its window, then again in an hour. */
export class PitrPruner {
  private readonly recovery = new RecoveryStore();

  constructor(private readonly core: DynamoDbCore) {}

  readonly run = async (job: Job<PitrJobPayload>): Promise<JobOutcome> => {
    const now = this.core.now();
    const alive = await this.core.db.tx(async (tx) => {
      const t = await this.core.store.loadTable(tx, job.account, job.region, job.payload.name);
      if (!t?.pitr || String(t.id) !== job.key) return false;
      await this.recovery.pruneLog(tx, t.id, now - t.pitr.days * DAY_MS);
      return true;
    });
    return alive ? { then: 'reschedule', dueAt: now + PRUNE_EVERY_MS } : { then: 'done' };
  };
}
