/**
 * On-demand backups: CreateBackup, DescribeBackup, ListBackups, DeleteBackup and
 * RestoreTableFromBackup.
 *
 * A backup is taken in one storage transaction: the table's metadata and one
 * `INSERT INTO ddb_backup_items SELECT ... FROM ddb_items` statement, so it is exactly the table
 * as of one commit. SQLite copies the rows inside the engine (no JavaScript, no parsing); readers
 * of the table go on meanwhile (they read the WAL snapshot on their own connection), and writes
 * to any table wait for the copy like for any other transaction (about 1 s per 100 MB on a
 * laptop-class disk). Copying in bounded batches across transactions would need a copy-on-write
 * step on every write while a backup runs to stay consistent; one statement is cheaper for the
 * sizes an emulator holds.
 */
import { randomBytes } from 'node:crypto';
import type { RequestContext } from '../../../core/context.js';
import {
  BackupNotFoundException,
  TableInUseException,
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
import type { DynamoDbCore } from '../core.js';
import { RecoveryStore, type BackupRow } from '../recovery-store.js';
import { createRestoredTable, restoredMeta } from '../restore.js';
import { describeTable, tableArn, tableNameOf, tableStatus, type TableMeta } from '../tables.js';

type BackupOperations = 'CreateBackup' | 'DescribeBackup' | 'ListBackups' | 'DeleteBackup' | 'RestoreTableFromBackup';

/** `<table ARN>/backup/<14-digit ms>-<8 hex>`, as AWS names backups. */
function backupArn(t: TableMeta, now: number): string {
  return `${tableArn(t)}/backup/${String(now).padStart(14, '0')}-${randomBytes(4).toString('hex')}`;
}

function keySchema(t: { hash: { name: string }; range?: { name: string } }) {
  return [{ AttributeName: t.hash.name, KeyType: 'HASH' as const }, ...(t.range ? [{ AttributeName: t.range.name, KeyType: 'RANGE' as const }] : [])];
}

export function backupNotFound(arn: string) {
  return new BackupNotFoundException(`Backup not found: ${arn}`);
}

export class BackupOps implements Pick<DynamoDBApi, BackupOperations> {
  private readonly recovery = new RecoveryStore();

  constructor(private readonly core: DynamoDbCore) {}

  private status(b: BackupRow, now: number): 'CREATING' | 'AVAILABLE' {
    return now < b.meta.availableAt ? 'CREATING' : 'AVAILABLE';
  }

  private details(b: BackupRow, status: 'CREATING' | 'AVAILABLE' | 'DELETED') {
    return {
      BackupArn: b.arn,
      BackupName: b.meta.name,
      BackupSizeBytes: b.meta.size,
      BackupStatus: status,
      BackupType: 'USER' as const,
      BackupCreationDateTime: new Date(b.created),
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
    const b = await this.core.db.tx(async (tx) => {
      const t = await store.loadTable(tx, ctx.accountId, ctx.region, name);
      if (!t) throw new TableNotFoundException(`Table not found: ${name}`);
      if (tableStatus(t, now) === 'CREATING') throw new TableInUseException(`Table is being created: ${name}`);
      const id = await this.recovery.nextBackupId(tx);
      const { count, size } = await this.recovery.copyToBackup(tx, t, id);
      const row: BackupRow = {
        arn: backupArn(t, now),
        account: ctx.accountId,
        region: ctx.region,
        id,
        tableName: t.name,
        created: now,
        meta: { name: input.BackupName, table: t, size, count, availableAt: now + this.core.activationMs },
      };
      await this.recovery.insertBackup(tx, row);
      return row;
    });
    // As AWS answers: the backup is complete once acknowledged, its status reads AVAILABLE from then on.
    return { BackupDetails: this.details(b, 'CREATING') };
  }

  async DescribeBackup(ctx: RequestContext, input: DescribeBackupInput): Promise<DescribeBackupOutput> {
    const b = await this.find(ctx, input.BackupArn);
    return { BackupDescription: this.description(b, this.status(b, this.core.now())) };
  }

  async DeleteBackup(ctx: RequestContext, input: DeleteBackupInput): Promise<DeleteBackupOutput> {
    const b = await this.core.db.tx(async (tx) => {
      const b = await this.recovery.backup(tx, ctx.accountId, ctx.region, input.BackupArn);
      if (!b) throw backupNotFound(input.BackupArn);
      await this.recovery.deleteBackup(tx, b);
      return b;
    });
    return { BackupDescription: this.description(b, 'DELETED') };
  }

  async ListBackups(ctx: RequestContext, input: ListBackupsInput): Promise<ListBackupsOutput> {
    const type = input.BackupType ?? 'USER';
    const limit = input.Limit ?? 100;
    if (type === 'SYSTEM' || type === 'AWS_BACKUP') return { BackupSummaries: [] };
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
        lower: input.TimeRangeLowerBound?.getTime(),
        upper: input.TimeRangeUpperBound?.getTime(),
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
          BackupStatus: this.status(b, now),
          BackupType: 'USER',
          BackupSizeBytes: b.meta.size,
        }),
      ),
    };
    if (rows.length > limit) out.LastEvaluatedBackupArn = page[page.length - 1]!.arn;
    return out;
  }

  async RestoreTableFromBackup(ctx: RequestContext, input: RestoreTableFromBackupInput): Promise<RestoreTableFromBackupOutput> {
    const b = await this.find(ctx, input.BackupArn);
    const now = this.core.now();
    const meta = restoredMeta(this.core, ctx, b.meta.table, input.TargetTableName, input);
    meta.restore = { sourceBackupArn: b.arn, sourceTableArn: tableArn(b.meta.table), at: now };
    const t = await this.core.db.tx(async (tx) => {
      // The backup may have been deleted since it was read.
      if (!(await this.recovery.backup(tx, ctx.accountId, ctx.region, b.arn))) throw backupNotFound(b.arn);
      return createRestoredTable(this.core, tx, meta, (t) => this.recovery.restoreBackupItems(tx, t, b.id));
    });
    this.core.store.cacheTable(t);
    return { TableDescription: describeTable(t, now, undefined, 'CREATING') };
  }
}

