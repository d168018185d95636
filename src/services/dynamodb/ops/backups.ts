/**
 * On-demand backups: CreateBackup, DescribeBackup, ListBackups, DeleteBackup and
 * RestoreTableFromBackup, and the `dynamodb.backup` job that copies a backup's items.
 *
 * A backup is the table as of the transaction that starts it, copied without holding the table:
 * that transaction records the backup (CREATING) with a progress row, then the job copies the
 * items in key order, a bounded batch per transaction, while writes go on. Consistency is by copy
 * on write: a write to the table while its backup is copied first keeps the item as it was (or a
 * marker that there was none) in the backup, unless the copier got there first; the copier never
 * overwrites a kept value (store.ts `keepForBackups`, one extra statement per write, only for
 * tables being backed up, flagged in memory). Once copied, the markers go and the backup is
 * AVAILABLE. Deleting the table meanwhile copies the rest at once.
 */
import { randomBytes } from 'node:crypto';
import type { RequestContext } from '../../../core/context.js';
import type { JobOutcome } from '../../../jobs/index.js';
import { enqueue, type Job } from '../../../jobs/queue.js';
import {
  BackupInUseException,
  BackupNotFoundException,
  TableNotFoundException,
  type BackupDescription,
  type BackupSummary,
  type CreateBackupInput,
  type CreateBackupOutput,
  type DeleteBackupInput,
  type DeleteBackupOutput,
  type DescribeBackupInput,
  type DescribeBackupOutput,
  type DynamoDBApi,
  type ListBackupsInput,
  type ListBackupsOutput,
  type RestoreTableFromBackupInput,
  type RestoreTableFromBackupOutput,
} from '../../../generated/dynamodb.js';
import type { Tx } from '../../../storage/db.js';
import type { DynamoDbCore } from '../core.js';
import { RecoveryStore, type BackupRow } from '../recovery-store.js';
import { createRestoredTable, RESTORE_JOB, restoredMeta } from '../restore.js';
import { backupsUnavailable } from './pitr.js';
import { describeTable, tableArn, tableNameOf, tableStatus, type TableMeta } from '../tables.js';

type BackupOperations = 'CreateBackup' | 'DescribeBackup' | 'ListBackups' | 'DeleteBackup' | 'RestoreTableFromBackup';

/** `<table ARN>/backup/<14-digit ms>-<8 hex>`, as AWS names backups. */
function backupArn(t: TableMeta, now: number): string {
  return `${tableArn(t)}/backup/${String(now).padStart(14, '0')}-${randomBytes(4).toString('hex')}`;
}

function keySchema(t: { hash: { name: string }; range?: { name: string } }) {
  return [{ AttributeName: t.hash.name, KeyType: 'HASH' as const }, ...(t.range ? [{ AttributeName: t.range.name, KeyType: 'RANGE' as const }] : [])];
}

export const BACKUP_JOB = 'dynamodb.backup';
/** The job that deletes a system backup when it expires, keyed by its ARN. */
export const BACKUP_EXPIRY_JOB = 'dynamodb.backup-expiry';
/** How long AWS keeps the system backup of a deleted table with PITR. */
const SYSTEM_BACKUP_MS = 35 * 24 * 60 * 60 * 1000;

/**
 * Deleting a table with point-in-time recovery keeps it as a system backup
 * (`<table>$DeletedTableBackup`, BackupType SYSTEM) for 35 days, as AWS does; called in the
 * deleting transaction, so it copies the items in one statement.
 */
export async function systemBackupOnDelete(core: DynamoDbCore, tx: Tx, t: TableMeta): Promise<void> {
  if (!t.pitr) return;
  const recovery = new RecoveryStore();
  const now = core.now();
  const id = await recovery.nextBackupId(tx);
  const { count, size } = await recovery.copyAll(tx, id, t.id);
  const arn = backupArn(t, now);
  const expiresAt = now + SYSTEM_BACKUP_MS;
  await recovery.insertBackup(tx, {
    arn,
    account: t.account,
    region: t.region,
    id,
    tableName: t.name,
    created: now,
    type: 'SYSTEM',
    meta: { name: `${t.name}$DeletedTableBackup`, table: t, size, count, expiresAt },
  });
  await enqueue(tx, { kind: BACKUP_EXPIRY_JOB, key: arn, account: t.account, region: t.region, dueAt: expiresAt, payload: {} }, now, 'replace');
}

/** Runs the expiry jobs of system backups. */
export class BackupExpiry {
  private readonly recovery = new RecoveryStore();

  constructor(private readonly core: DynamoDbCore) {}

  readonly run = async (job: Job<Record<string, never>>): Promise<JobOutcome> => {
    const busy = await this.core.db.tx(async (tx) => {
      const b = await this.recovery.backup(tx, job.account, job.region, job.key);
      if (b?.meta.restores) return true;
      if (b) await this.recovery.deleteBackup(tx, b);
      return false;
    });
    // A restore from it still running: the backup goes once it is done.
    return busy ? { then: 'reschedule', dueAt: this.core.now() + 60_000 } : { then: 'done' };
  };
}

function backupInUse() {
  return new BackupInUseException('There is another ongoing conflicting backup control plane operation on the table. The backup is either being created, deleted or restored to a table.');
}

/** A backup of the table is complete (or was never started): one fewer for its writes to keep items for. */
function releaseBackupTable(core: DynamoDbCore, tid: number): void {
  const n = (core.store.backupTables.get(tid) ?? 0) - 1;
  if (n > 0) core.store.backupTables.set(tid, n);
  else core.store.backupTables.delete(tid);
}

/** A time bound in ms; one too far for a Date (NaN) bounds nothing below, everything above. */
function finiteTime(d: Date | undefined): number | undefined {
  if (d === undefined) return undefined;
  const ms = d.getTime();
  return Number.isFinite(ms) ? ms : undefined;
}

export function backupNotFound(arn: string) {
  return new BackupNotFoundException(`Backup not found: ${arn}`);
}

export class BackupOps implements Pick<DynamoDBApi, BackupOperations> {
  private readonly recovery = new RecoveryStore();

  constructor(private readonly core: DynamoDbCore) {}

  private status(b: BackupRow): 'CREATING' | 'AVAILABLE' {
    return b.meta.creating ? 'CREATING' : 'AVAILABLE';
  }

  private details(b: BackupRow, status: 'CREATING' | 'AVAILABLE' | 'DELETED') {
    return {
      BackupArn: b.arn,
      BackupName: b.meta.name,
      BackupSizeBytes: b.meta.size,
      BackupStatus: status,
      BackupType: b.type,
      BackupCreationDateTime: new Date(b.created),
      ...(b.meta.expiresAt !== undefined ? { BackupExpiryDateTime: new Date(b.meta.expiresAt) } : {}),
    };
  }

  private description(b: BackupRow, status: 'CREATING' | 'AVAILABLE' | 'DELETED'): BackupDescription {
    const t = b.meta.table;
    const full = describeTable(t, this.core.now(), { count: b.meta.count, bytes: b.meta.size, indexes: new Map() }, 'ACTIVE');
    const features: BackupDescription['SourceTableFeatureDetails'] = {};
    if (t.lsis.length) features.LocalSecondaryIndexes = t.lsis.map((l) => ({ IndexName: l.name, KeySchema: keySchema(l), Projection: l.projection }));
    if (t.gsis.length) {
      features.GlobalSecondaryIndexes = t.gsis.map((g) => ({
        IndexName: g.name,
        KeySchema: keySchema(g),
        Projection: g.projection,
        ProvisionedThroughput: { ReadCapacityUnits: g.read, WriteCapacityUnits: g.write },
      }));
    }
    if (full.StreamSpecification?.StreamEnabled) features.StreamDescription = full.StreamSpecification;
    if (t.ttl?.enabled) features.TimeToLiveDescription = { TimeToLiveStatus: 'ENABLED', AttributeName: t.ttl.attribute };
    if (full.SSEDescription) features.SSEDescription = full.SSEDescription;
    return {
      BackupDetails: this.details(b, status),
      SourceTableDetails: {
        TableName: t.name,
        TableId: t.tableId,
        TableArn: tableArn(t),
        TableSizeBytes: b.meta.size,
        KeySchema: keySchema(t),
        TableCreationDateTime: new Date(t.createdAt),
        ProvisionedThroughput: { ReadCapacityUnits: t.read, WriteCapacityUnits: t.write },
        ...(t.onDemand ? { OnDemandThroughput: t.onDemand } : {}),
        ItemCount: b.meta.count,
        BillingMode: t.billingMode,
      },
      SourceTableFeatureDetails: features,
    };
  }

  private async find(ctx: RequestContext, arn: string): Promise<BackupRow> {
    const b = await this.recovery.backup(this.core.db, ctx.accountId, ctx.region, arn);
    if (!b) throw backupNotFound(arn);
    return b;
  }

  async CreateBackup(ctx: RequestContext, input: CreateBackupInput): Promise<CreateBackupOutput> {
    const name = tableNameOf(input.TableName);
    const now = this.core.now();
    const store = this.core.store;
    const cached = await store.table(ctx.accountId, ctx.region, name);
    if (!cached) throw new TableNotFoundException(`Table not found: ${name}`);
    // Writes keep what they change for this backup from its first transaction on (flagged before it).
    const tid = cached.id;
    store.backupTables.set(tid, (store.backupTables.get(tid) ?? 0) + 1);
    let b: BackupRow;
    try {
      b = await this.core.db.tx(async (tx) => {
        const t = await store.loadTable(tx, ctx.accountId, ctx.region, name);
        if (!t || t.id !== tid) throw new TableNotFoundException(`Table not found: ${name}`);
        if (tableStatus(t, now) === 'CREATING') throw backupsUnavailable(name);
        const id = await this.recovery.nextBackupId(tx);
        await this.recovery.startBackup(tx, id, t.id);
        const row: BackupRow = {
          arn: backupArn(t, now),
          account: ctx.accountId,
          region: ctx.region,
          id,
          tableName: t.name,
          created: now,
          type: 'USER',
          meta: { name: input.BackupName, table: t, size: 0, count: 0, creating: true },
        };
        await this.recovery.insertBackup(tx, row);
        await enqueue(tx, { kind: BACKUP_JOB, key: row.arn, account: ctx.accountId, region: ctx.region, dueAt: now, payload: {} }, now, 'keep');
        return row;
      });
    } catch (e) {
      releaseBackupTable(this.core, tid);
      throw e;
    }
    this.core.platform.jobs.wake(BACKUP_JOB, now);
    return { BackupDetails: this.details(b, 'CREATING') };
  }

  async DescribeBackup(ctx: RequestContext, input: DescribeBackupInput): Promise<DescribeBackupOutput> {
    const b = await this.find(ctx, input.BackupArn);
    return { BackupDescription: this.description(b, this.status(b)) };
  }

  async DeleteBackup(ctx: RequestContext, input: DeleteBackupInput): Promise<DeleteBackupOutput> {
    const b = await this.core.db.tx(async (tx) => {
      const b = await this.recovery.backup(tx, ctx.accountId, ctx.region, input.BackupArn);
      if (!b) throw backupNotFound(input.BackupArn);
      if (b.meta.creating || b.meta.restores) throw backupInUse();
      await this.recovery.deleteBackup(tx, b);
      return b;
    });
    return { BackupDescription: this.description(b, 'DELETED') };
  }

  async ListBackups(ctx: RequestContext, input: ListBackupsInput): Promise<ListBackupsOutput> {
    const type = input.BackupType ?? 'USER';
    const limit = input.Limit ?? 100;
    // Stratus keeps no AWS Backup backups.
    const types = type === 'ALL' ? ['USER', 'SYSTEM'] : type === 'AWS_BACKUP' ? [] : [type];
    if (!types.length) return { BackupSummaries: [] };
    let after: { created: number; arn: string } | undefined;
    if (input.ExclusiveStartBackupArn !== undefined) {
      const start = await this.find(ctx, input.ExclusiveStartBackupArn);
      after = { created: start.created, arn: start.arn };
    }
    const rows = await this.recovery.listBackups(
      ctx.accountId,
      ctx.region,
      {
        tableName: input.TableName === undefined ? undefined : tableNameOf(input.TableName),
        types,
        lower: finiteTime(input.TimeRangeLowerBound),
        upper: finiteTime(input.TimeRangeUpperBound),
        after,
      },
      limit + 1,
      this.core.db,
    );
    const now = this.core.now();
    const page = rows.slice(0, limit);
    const out: ListBackupsOutput = {
      BackupSummaries: page.map(
        (b): BackupSummary => ({
          TableName: b.meta.table.name,
          TableId: b.meta.table.tableId,
          TableArn: tableArn(b.meta.table),
          BackupArn: b.arn,
          BackupName: b.meta.name,
          BackupCreationDateTime: new Date(b.created),
          BackupStatus: this.status(b),
          BackupType: b.type,
          BackupSizeBytes: b.meta.size,
          ...(b.meta.expiresAt !== undefined ? { BackupExpiryDateTime: new Date(b.meta.expiresAt) } : {}),
        }),
      ),
    };
    if (rows.length > limit) out.LastEvaluatedBackupArn = page[page.length - 1]!.arn;
    return out;
  }

  async RestoreTableFromBackup(ctx: RequestContext, input: RestoreTableFromBackupInput): Promise<RestoreTableFromBackupOutput> {
    const b = await this.find(ctx, input.BackupArn);
    if (b.meta.creating) throw backupInUse();
    const now = this.core.now();
    const meta = restoredMeta(this.core, ctx, b.meta.table, input.TargetTableName, input);
    meta.restore = { sourceBackupArn: b.arn, sourceTableArn: tableArn(b.meta.table), at: now };
    const t = await this.core.db.tx(async (tx) => {
      // The backup may have been deleted since it was read.
      const current = await this.recovery.backup(tx, ctx.accountId, ctx.region, b.arn);
      if (!current) throw backupNotFound(b.arn);
      if (current.meta.creating) throw backupInUse();
      const t = await createRestoredTable(this.core, tx, meta, { backup: b.id });
      await this.recovery.restoreStarted(tx, b.id);
      return t;
    });
    this.core.store.cacheTable(t);
    this.core.platform.jobs.wake(RESTORE_JOB, now);
    return { TableDescription: describeTable(t, now, undefined, 'CREATING') };
  }
}


/** Runs the backup jobs: copies the table's items a batch per transaction, then makes the backup AVAILABLE. */
export class BackupCopier {
  private readonly recovery = new RecoveryStore();

  constructor(
    private readonly core: DynamoDbCore,
    private readonly batch: number,
  ) {}

  readonly run = async (job: Job<Record<string, never>>): Promise<JobOutcome> => {
    const b = await this.recovery.backup(this.core.db, job.account, job.region, job.key);
    if (!b?.meta.creating) return { then: 'done' };
    while (await this.core.db.tx((tx) => this.recovery.copyBatch(tx, b.id, this.batch))) {
      // One bounded batch per transaction: the table's writes go on between them.
    }
    await this.core.db.tx(async (tx) => {
      const current = await this.recovery.backup(tx, job.account, job.region, job.key);
      if (!current?.meta.creating) return;
      const { count, size } = await this.recovery.finishBackup(tx, b.id);
      await this.recovery.saveBackup(tx, b.arn, { ...current.meta, count, size, creating: undefined });
    });
    releaseBackupTable(this.core, b.meta.table.id);
    return { then: 'done' };
  };
}
