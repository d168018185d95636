import type { DynamoDBApi } from '../../generated/dynamodb.js';
import { defineProvider, type Platform, type ServiceProvider } from '../service.js';
import { DynamoDbCore } from './core.js';
import { BACKUP_EXPIRY_JOB, BACKUP_JOB, BackupCopier, BackupExpiry, BackupOps } from './ops/backups.js';
import { BatchOps } from './ops/batch.js';
import { EXPORT_JOB, ExportOps, ExportWriter } from './ops/exports.js';
import { IMPORT_JOB, ImportOps, ImportReader } from './ops/imports.js';
import { ItemOps } from './ops/items.js';
import { KinesisDestinationOps } from './ops/kinesis.js';
import { KINESIS_JOB, kinesisForwarder } from './kinesis-destinations.js';
import { GlobalTableOps } from './ops/global-tables.js';
import { REPLICATE_JOB, ReplicaApplier } from './global-tables.js';
import { PartiqlOps } from './ops/partiql.js';
import { PitrOps, PitrPruner } from './ops/pitr.js';
import { QueryOps } from './ops/query.js';
import { ResourcePolicyOps } from './ops/resource-policies.js';
import { TableOps } from './ops/tables.js';
import { TagOps } from './ops/tags.js';
import { TransactionOps } from './ops/transactions.js';
import { TtlOps, TtlSweeper } from './ops/ttl.js';
import { RESTORE_JOB, RestoreFiller } from './restore.js';
import { PITR_JOB, TTL_JOB } from './store.js';

/** DynamoDB (awsJson1.0, target prefix DynamoDB_20120810). */
export async function create(platform: Platform): Promise<ServiceProvider> {
  const core = await DynamoDbCore.open(platform);
  platform.jobs.handle(TTL_JOB, new TtlSweeper(core).run, { concurrency: 2 });
  platform.jobs.handle(PITR_JOB, new PitrPruner(core).run, { concurrency: 1 });
  platform.jobs.handle(BACKUP_EXPIRY_JOB, new BackupExpiry(core).run, { concurrency: 1 });
  platform.jobs.handle(RESTORE_JOB, new RestoreFiller(core).run, { concurrency: 2, leaseMs: 10 * 60 * 1000 });
  platform.jobs.handle(BACKUP_JOB, new BackupCopier(core, core.backupBatch).run, { concurrency: 2, leaseMs: 10 * 60 * 1000 });
  platform.jobs.handle(EXPORT_JOB, new ExportWriter(core).run, { concurrency: 1, leaseMs: 10 * 60 * 1000 });
  platform.jobs.handle(IMPORT_JOB, new ImportReader(core).run, { concurrency: 1, leaseMs: 10 * 60 * 1000 });
  // One record at a time, oldest first, so that a stream gets an item's changes in order.
  platform.jobs.handle(KINESIS_JOB, kinesisForwarder(platform), { concurrency: 1 });
  // One change at a time, oldest first, so that a replica gets an item's changes in order.
  platform.jobs.handle(REPLICATE_JOB, new ReplicaApplier(core).run, { concurrency: 1 });
  const policies = await ResourcePolicyOps.open(core, platform.db);
  return defineProvider<DynamoDBApi>()(
    [new TableOps(core), new TagOps(core), new TtlOps(core), new ItemOps(core), new BatchOps(core), new TransactionOps(core), new QueryOps(core), new PartiqlOps(core), new BackupOps(core), new PitrOps(core), new KinesisDestinationOps(core), new GlobalTableOps(core), new ExportOps(core), new ImportOps(core), policies],
    { health: () => core.health(), resourcePolicy: (arn) => policies.resourcePolicy(arn) },
  );
}
