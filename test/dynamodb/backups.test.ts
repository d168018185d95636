/**
 * On-demand backups (CreateBackup, DescribeBackup, ListBackups, DeleteBackup,
 * RestoreTableFromBackup) and point-in-time recovery (Update/DescribeContinuousBackups,
 * RestoreTableToPointInTime, the pruning job).
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  BatchWriteItemCommand,
  CreateBackupCommand,
  DeleteBackupCommand,
  DeleteItemCommand,
  DeleteTableCommand,
  DescribeBackupCommand,
  DescribeContinuousBackupsCommand,
  DescribeTableCommand,
  GetItemCommand,
  ListBackupsCommand,
  PutItemCommand,
  QueryCommand,
  RestoreTableFromBackupCommand,
  RestoreTableToPointInTimeCommand,
  ScanCommand,
  UpdateContinuousBackupsCommand,
} from '@aws-sdk/client-dynamodb';
import { setup, hashTable, rangeTable, error, raw, type Env } from './helpers.js';

let env: Env;
before(async () => {
  // Small copy batches, so that writes interleave with a backup's copy.
  env = await setup({ services: { dynamodb: { backupBatch: 3 } } });
});
after(() => env.stop());

const put = (table: string, pk: string, extra: Record<string, any> = {}) => env.client.send(new PutItemCommand({ TableName: table, Item: { pk: { S: pk }, ...extra } }));
/** A table once ACTIVE (a restored table is CREATING while it is filled). */
async function active(table: string) {
  for (let i = 0; i < 500; i++) {
    const t = (await env.client.send(new DescribeTableCommand({ TableName: table }))).Table!;
    if (t.TableStatus === 'ACTIVE') return t;
    await new Promise((r) => setTimeout(r, 10));
  }
  assert.fail(`${table} not ACTIVE`);
}
const scanKeys = async (table: string) =>
  (await active(table)) &&
  ((await env.client.send(new ScanCommand({ TableName: table, ConsistentRead: true }))).Items ?? []).map((i) => i.pk!.S! + (i.sk ? `/${i.sk.S ?? i.sk.N}` : '')).sort();

/** Waits (bounded) until `check` holds, letting the jobs run. */
async function until(check: () => Promise<boolean>): Promise<void> {
  for (let i = 0; i < 500; i++) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 10));
  }
  assert.fail('condition not reached');
}

/** Waits for a backup to be copied. */
const available = (arn: string) =>
  untilValue(async () => {
    const d = (await env.client.send(new DescribeBackupCommand({ BackupArn: arn }))).BackupDescription!;
    return d.BackupDetails!.BackupStatus === 'AVAILABLE' ? d : undefined;
  });

async function untilValue<T>(fn: () => Promise<T | undefined>): Promise<T> {
  for (let i = 0; i < 500; i++) {
    const v = await fn();
    if (v !== undefined) return v;
    await new Promise((r) => setTimeout(r, 10));
  }
  assert.fail('condition not reached');
}

test('a backup is copied while the table takes writes, and is the table as it was when it started', async () => {
  await env.client.send(hashTable('bk-busy'));
  for (let i = 0; i < 200; i += 25) {
    await env.client.send(
      new BatchWriteItemCommand({
        RequestItems: { 'bk-busy': Array.from({ length: 25 }, (_, j) => ({ PutRequest: { Item: { pk: { S: `k${String(i + j).padStart(3, '0')}` }, v: { N: '0' } } } })) },
      }),
    );
  }
  const arn = (await env.client.send(new CreateBackupCommand({ TableName: 'bk-busy', BackupName: 'busy-backup' }))).BackupDetails!.BackupArn!;
  // Writes while the copy runs (67 batches of 3): updates, deletes and new items across the key range.
  const writes: Promise<unknown>[] = [];
  for (let i = 0; i < 200; i += 9) {
    const key = { pk: { S: `k${String(i).padStart(3, '0')}` } };
    writes.push(
      i % 2 ? env.client.send(new DeleteItemCommand({ TableName: 'bk-busy', Key: key })) : env.client.send(new PutItemCommand({ TableName: 'bk-busy', Item: { ...key, v: { N: '1' } } })),
    );
    writes.push(env.client.send(new PutItemCommand({ TableName: 'bk-busy', Item: { pk: { S: `k${String(i).padStart(3, '0')}-new` }, v: { N: '1' } } })));
  }
  await Promise.all(writes);
  const desc = await available(arn);
  assert.equal(desc.SourceTableDetails!.ItemCount, 200, 'the items of the start');
  const arn2 = (await env.client.send(new CreateBackupCommand({ TableName: 'bk-busy', BackupName: 'busy-backup-2' }))).BackupDetails!.BackupArn!;
  await available(arn2);
  await env.client.send(new RestoreTableFromBackupCommand({ BackupArn: arn2, TargetTableName: 'bk-busy-now' }));
  const now = await scanKeys('bk-busy-now');
  assert.deepEqual(now, await scanKeys('bk-busy'), 'a backup of a quiet table is the table');
  assert.equal(now.length, 200 - 11 + 23);
});

test('restoring the backup taken under writes gives the table as it was when the backup started', async () => {
  await env.client.send(hashTable('bk-busy2'));
  for (let i = 0; i < 300; i += 25) {
    await env.client.send(
      new BatchWriteItemCommand({
        RequestItems: { 'bk-busy2': Array.from({ length: 25 }, (_, j) => ({ PutRequest: { Item: { pk: { S: `k${String(i + j).padStart(3, '0')}` }, v: { N: '0' } } } })) },
      }),
    );
  }
  const arn = (await env.client.send(new CreateBackupCommand({ TableName: 'bk-busy2', BackupName: 'busy-backup' }))).BackupDetails!.BackupArn!;
  // The copy runs (3 items a batch, 100 batches): restoring or deleting the backup meanwhile conflicts.
  const inUse = await error(() => env.client.send(new RestoreTableFromBackupCommand({ BackupArn: arn, TargetTableName: 'bk-busy2-copy' })));
  const deleting = await error(() => env.client.send(new DeleteBackupCommand({ BackupArn: arn })));
  const writes: Promise<unknown>[] = [];
  for (let i = 0; i < 300; i += 7) {
    const key = { pk: { S: `k${String(i).padStart(3, '0')}` } };
    writes.push(i % 2 ? env.client.send(new DeleteItemCommand({ TableName: 'bk-busy2', Key: key })) : env.client.send(new PutItemCommand({ TableName: 'bk-busy2', Item: { ...key, v: { N: '1' } } })));
    writes.push(env.client.send(new PutItemCommand({ TableName: 'bk-busy2', Item: { pk: { S: `k${String(i).padStart(3, '0')}-new` } } })));
  }
  await Promise.all(writes);
  await available(arn);
  await env.client.send(new RestoreTableFromBackupCommand({ BackupArn: arn, TargetTableName: 'bk-busy2-copy' }));
  await active('bk-busy2-copy');
  const items = (await env.client.send(new ScanCommand({ TableName: 'bk-busy2-copy' }))).Items!;
  assert.equal(items.length, 300, 'every item of the start, none added after');
  assert.ok(items.every((i) => i.v!.N === '0'), 'no item as changed after the start');
  assert.equal(inUse.name, 'BackupInUseException');
  assert.equal(inUse.message, 'There is another ongoing conflicting backup control plane operation on the table. The backup is either being created, deleted or restored to a table.');
  assert.equal(deleting.name, 'BackupInUseException');
  const rows = await env.server.db.get<{ n: number }>('SELECT COUNT(*) AS n FROM ddb_backup_progress');
  assert.equal(Number(rows!.n), 0);
});

test('a backup is the table as it was: later writes do not change it; restore makes a new table with its items and indexes', async () => {
  await env.client.send(
    rangeTable('bk-src', 'S', {
      AttributeDefinitions: [{ AttributeName: 'g', AttributeType: 'S' }],
      GlobalSecondaryIndexes: [{ IndexName: 'byG', KeySchema: [{ AttributeName: 'g', KeyType: 'HASH' }], Projection: { ProjectionType: 'ALL' } }],
    }),
  );
  for (let i = 0; i < 30; i++) await env.client.send(new PutItemCommand({ TableName: 'bk-src', Item: { pk: { S: `p${i % 3}` }, sk: { S: `s${i}` }, g: { S: i % 2 ? 'odd' : 'even' } } }));
  const created = await env.client.send(new CreateBackupCommand({ TableName: 'bk-src', BackupName: 'first' }));
  const d = created.BackupDetails!;
  assert.match(d.BackupArn!, /^arn:aws:dynamodb:us-east-1:000000000000:table\/bk-src\/backup\/\d{14}-[0-9a-f]{8}$/);
  assert.deepEqual([d.BackupName, d.BackupStatus, d.BackupType], ['first', 'CREATING', 'USER']);

  // Writes after the backup: not in it.
  await put('bk-src', 'p0', { sk: { S: 'late' }, g: { S: 'odd' } });
  await env.client.send(new DeleteItemCommand({ TableName: 'bk-src', Key: { pk: { S: 'p1' }, sk: { S: 's1' } } }));

  const desc = await available(d.BackupArn!);
  assert.ok(desc.BackupDetails!.BackupSizeBytes! > 0);
  assert.equal(desc.SourceTableDetails!.ItemCount, 30);
  assert.equal(desc.SourceTableDetails!.TableName, 'bk-src');
  assert.equal(desc.SourceTableDetails!.BillingMode, 'PAY_PER_REQUEST');
  assert.deepEqual(desc.SourceTableFeatureDetails!.GlobalSecondaryIndexes!.map((g) => g.IndexName), ['byG']);

  const restored = await env.client.send(new RestoreTableFromBackupCommand({ BackupArn: d.BackupArn, TargetTableName: 'bk-restored' }));
  assert.equal(restored.TableDescription!.ItemCount, 0);
  assert.equal(restored.TableDescription!.TableStatus, 'CREATING');
  assert.deepEqual(restored.TableDescription!.RestoreSummary?.SourceBackupArn, d.BackupArn);
  assert.equal(restored.TableDescription!.RestoreSummary?.RestoreInProgress, true);
  assert.match(restored.TableDescription!.RestoreSummary!.SourceTableArn!, /table\/bk-src$/);

  const table = await active('bk-restored');
  assert.equal(table.RestoreSummary?.RestoreInProgress, false);
  assert.equal(table.ItemCount, 30);
  assert.equal(table.GlobalSecondaryIndexes?.[0]?.IndexName, 'byG');
  const keys = await scanKeys('bk-restored');
  assert.equal(keys.length, 30);
  assert.ok(keys.includes('p1/s1') && !keys.includes('p0/late'));
  const odd = await env.client.send(new QueryCommand({ TableName: 'bk-restored', IndexName: 'byG', KeyConditionExpression: 'g = :g', ExpressionAttributeValues: { ':g': { S: 'odd' } } }));
  assert.equal(odd.Count, 15, 'the index is rebuilt from the restored items');

  // The restored table is independent of the source.
  await put('bk-restored', 'p9', { sk: { S: 'new' } });
  assert.equal((await env.client.send(new GetItemCommand({ TableName: 'bk-src', Key: { pk: { S: 'p9' }, sk: { S: 'new' } } }))).Item, undefined);
});

test('restore overrides: billing mode, throughput, indexes dropped, SSE', async () => {
  await env.client.send(
    rangeTable('bk-ov', 'S', {
      AttributeDefinitions: [{ AttributeName: 'g', AttributeType: 'S' }],
      GlobalSecondaryIndexes: [{ IndexName: 'byG', KeySchema: [{ AttributeName: 'g', KeyType: 'HASH' }], Projection: { ProjectionType: 'KEYS_ONLY' } }],
    }),
  );
  await put('bk-ov', 'a', { sk: { S: '1' }, g: { S: 'x' } });
  const arn = (await env.client.send(new CreateBackupCommand({ TableName: 'bk-ov', BackupName: 'ov-backup' }))).BackupDetails!.BackupArn!;
  await available(arn);
  const out = await env.client.send(
    new RestoreTableFromBackupCommand({
      BackupArn: arn,
      TargetTableName: 'bk-ov-2',
      BillingModeOverride: 'PROVISIONED',
      ProvisionedThroughputOverride: { ReadCapacityUnits: 7, WriteCapacityUnits: 3 },
      GlobalSecondaryIndexOverride: [],
      SSESpecificationOverride: { Enabled: true, SSEType: 'KMS' },
    }),
  );
  const t = out.TableDescription!;
  assert.equal(t.BillingModeSummary?.BillingMode, 'PROVISIONED');
  assert.deepEqual([t.ProvisionedThroughput?.ReadCapacityUnits, t.ProvisionedThroughput?.WriteCapacityUnits], [7, 3]);
  assert.equal(t.GlobalSecondaryIndexes, undefined);
  assert.deepEqual(
    t.AttributeDefinitions?.map((a) => a.AttributeName),
    ['pk', 'sk'],
    'attributes only the dropped index used are dropped',
  );
  assert.equal(t.SSEDescription?.Status, 'ENABLED');

  const e = await error(() => env.client.send(new RestoreTableFromBackupCommand({ BackupArn: arn, TargetTableName: 'bk-ov', BillingModeOverride: 'PAY_PER_REQUEST' })));
  assert.equal(e.name, 'TableAlreadyExistsException');
  assert.equal(e.message, 'Table already exists: bk-ov');

  const p = await error(() => env.client.send(new RestoreTableFromBackupCommand({ BackupArn: arn, TargetTableName: 'bk-ov-3', BillingModeOverride: 'PROVISIONED' })));
  assert.equal(p.name, 'ValidationException');
  assert.equal(p.message, 'One or more parameter values were invalid: ReadCapacityUnits and WriteCapacityUnits must both be specified when BillingMode is PROVISIONED');
});

test('ListBackups filters by table, time range and type, and pages with ExclusiveStartBackupArn', async () => {
  await env.client.send(hashTable('bl-a'));
  await env.client.send(hashTable('bl-b'));
  const arns: string[] = [];
  const t0 = env.server.clock.now();
  for (let i = 0; i < 5; i++) {
    env.server.clock.advance(1000);
    arns.push((await env.client.send(new CreateBackupCommand({ TableName: i % 2 ? 'bl-b' : 'bl-a', BackupName: `bk${i}` }))).BackupDetails!.BackupArn!);
    await available(arns[i]!);
  }
  const ofA = await env.client.send(new ListBackupsCommand({ TableName: 'bl-a' }));
  assert.deepEqual(ofA.BackupSummaries!.map((b) => b.BackupName), ['bk0', 'bk2', 'bk4']);
  assert.equal(ofA.LastEvaluatedBackupArn, undefined);
  const s = ofA.BackupSummaries![0]!;
  assert.deepEqual([s.TableName, s.BackupType, s.BackupStatus], ['bl-a', 'USER', 'AVAILABLE']);

  const range = await env.client.send(new ListBackupsCommand({ TimeRangeLowerBound: new Date(t0 + 2000), TimeRangeUpperBound: new Date(t0 + 4000) }));
  assert.deepEqual(range.BackupSummaries!.map((b) => b.BackupName), ['bk1', 'bk2'], 'lower bound inclusive, upper exclusive');

  assert.deepEqual((await env.client.send(new ListBackupsCommand({ BackupType: 'SYSTEM', TableName: 'bl-a' }))).BackupSummaries, []);
  assert.equal((await env.client.send(new ListBackupsCommand({ BackupType: 'ALL', TableName: 'bl-a' }))).BackupSummaries!.length, 3);

  const names: string[] = [];
  let start: string | undefined;
  let pages = 0;
  do {
    const page = await env.client.send(new ListBackupsCommand({ TimeRangeLowerBound: new Date(t0), Limit: 2, ExclusiveStartBackupArn: start }));
    names.push(...page.BackupSummaries!.map((b) => b.BackupName!));
    start = page.LastEvaluatedBackupArn;
    pages++;
  } while (start);
  assert.deepEqual(names, ['bk0', 'bk1', 'bk2', 'bk3', 'bk4']);
  assert.equal(pages, 3);

  const deleted = await env.client.send(new DeleteBackupCommand({ BackupArn: arns[0] }));
  assert.equal(deleted.BackupDescription!.BackupDetails!.BackupStatus, 'DELETED');
  const gone = await error(() => env.client.send(new DescribeBackupCommand({ BackupArn: arns[0] })));
  assert.equal(gone.name, 'BackupNotFoundException');
  assert.equal(gone.message, `Backup not found: ${arns[0]}`);
  const again = await error(() => env.client.send(new DeleteBackupCommand({ BackupArn: arns[0] })));
  assert.equal(again.name, 'BackupNotFoundException');
});

test('backups of a missing table, and of a deleted table (the backup outlives it)', async () => {
  const e = await error(() => env.client.send(new CreateBackupCommand({ TableName: 'bk-none', BackupName: 'bk-x' })));
  assert.equal(e.name, 'TableNotFoundException');
  assert.equal(e.message, 'Table not found: bk-none');

  await env.client.send(hashTable('bk-gone'));
  await put('bk-gone', 'kept');
  const arn = (await env.client.send(new CreateBackupCommand({ TableName: 'bk-gone', BackupName: 'bk-x' }))).BackupDetails!.BackupArn!;
  // Deleted while (perhaps) still copied: the backup takes the rest of the items at once.
  await env.client.send(new DeleteTableCommand({ TableName: 'bk-gone' }));
  await available(arn);
  await env.client.send(new RestoreTableFromBackupCommand({ BackupArn: arn, TargetTableName: 'bk-gone' }));
  assert.deepEqual(await scanKeys('bk-gone'), ['kept']);
});

test('point-in-time recovery: enable, describe the window, restore to a point between two writes', async () => {
  await env.client.send(hashTable('pitr-a'));
  const off = await env.client.send(new DescribeContinuousBackupsCommand({ TableName: 'pitr-a' }));
  assert.deepEqual(off.ContinuousBackupsDescription, { ContinuousBackupsStatus: 'ENABLED', PointInTimeRecoveryDescription: { PointInTimeRecoveryStatus: 'DISABLED' } });
  const notOn = await error(() => env.client.send(new RestoreTableToPointInTimeCommand({ SourceTableName: 'pitr-a', TargetTableName: 'pitr-x', UseLatestRestorableTime: true })));
  assert.equal(notOn.name, 'PointInTimeRecoveryUnavailableException');
  assert.equal(notOn.message, "Point in time recovery is not enabled for table 'pitr-a'");

  await put('pitr-a', 'before');
  await put('pitr-a', 'stable', { v: { N: '7' } });
  const beforeOn = env.server.clock.now();
  const on = await env.client.send(
    new UpdateContinuousBackupsCommand({ TableName: 'pitr-a', PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true, RecoveryPeriodInDays: 7 } }),
  );
  const pd = on.ContinuousBackupsDescription!.PointInTimeRecoveryDescription!;
  assert.equal(pd.PointInTimeRecoveryStatus, 'ENABLED');
  assert.equal(pd.RecoveryPeriodInDays, 7);
  const enabledAt = pd.EarliestRestorableDateTime!.getTime();
  assert.ok(enabledAt >= beforeOn && enabledAt <= env.server.clock.now(), 'the window starts when PITR was enabled');

  env.server.clock.advance(60_000);
  await put('pitr-a', 'one', { v: { N: '1' } });
  const between = env.server.clock.now() + 30_000;
  env.server.clock.advance(60_000);
  await put('pitr-a', 'one', { v: { N: '2' } });
  await put('pitr-a', 'two');
  await env.client.send(new DeleteItemCommand({ TableName: 'pitr-a', Key: { pk: { S: 'before' } } }));
  env.server.clock.advance(10 * 60_000);

  const beforeDescribe = env.server.clock.now();
  const w = (await env.client.send(new DescribeContinuousBackupsCommand({ TableName: 'pitr-a' }))).ContinuousBackupsDescription!.PointInTimeRecoveryDescription!;
  const latestMs = w.LatestRestorableDateTime!.getTime();
  assert.ok(latestMs >= beforeDescribe - 5 * 60_000 && latestMs <= env.server.clock.now() - 5 * 60_000, 'five minutes behind the present');

  const r = await env.client.send(new RestoreTableToPointInTimeCommand({ SourceTableName: 'pitr-a', TargetTableName: 'pitr-between', RestoreDateTime: new Date(between) }));
  assert.equal(r.TableDescription!.RestoreSummary!.RestoreDateTime!.getTime(), between);
  assert.match(r.TableDescription!.RestoreSummary!.SourceTableArn!, /table\/pitr-a$/);
  assert.deepEqual(await scanKeys('pitr-between'), ['before', 'one', 'stable'], 'items never written since PITR was enabled come from the table');
  await active('pitr-between');
  const one = await env.client.send(new GetItemCommand({ TableName: 'pitr-between', Key: { pk: { S: 'one' } } }));
  assert.equal(one.Item?.v?.N, '1');

  const latest = await env.client.send(
    new RestoreTableToPointInTimeCommand({
      SourceTableArn: 'arn:aws:dynamodb:us-east-1:000000000000:table/pitr-a',
      TargetTableName: 'pitr-latest',
      UseLatestRestorableTime: true,
    }),
  );
  assert.ok(latest.TableDescription!.RestoreSummary!.RestoreDateTime!.getTime() >= latestMs);
  assert.deepEqual(await scanKeys('pitr-latest'), ['one', 'stable', 'two']);

  const atStart = await env.client.send(new RestoreTableToPointInTimeCommand({ SourceTableName: 'pitr-a', TargetTableName: 'pitr-start', RestoreDateTime: new Date(enabledAt) }));
  assert.ok(atStart.TableDescription);
  assert.deepEqual(await scanKeys('pitr-start'), ['before', 'stable']);

  const early = await error(() =>
    env.client.send(new RestoreTableToPointInTimeCommand({ SourceTableName: 'pitr-a', TargetTableName: 'pitr-y', RestoreDateTime: new Date(enabledAt - 1000) })),
  );
  assert.equal(early.name, 'InvalidRestoreTimeException');
  const far = await raw(env.server.endpoint, 'RestoreTableToPointInTime', JSON.stringify({ SourceTableName: 'pitr-a', TargetTableName: 'pitr-far', RestoreDateTime: 1e15 }));
  assert.deepEqual([far.status, far.body.__type.split('#').pop()], [400, 'InvalidRestoreTimeException'], 'a time past what a date holds');
  const exists = await error(() => env.client.send(new RestoreTableToPointInTimeCommand({ SourceTableName: 'pitr-a', TargetTableName: 'pitr-latest', UseLatestRestorableTime: true })));
  assert.equal(exists.name, 'TableAlreadyExistsException');
  const missing = await error(() => env.client.send(new RestoreTableToPointInTimeCommand({ SourceTableName: 'pitr-none', TargetTableName: 'pitr-z', UseLatestRestorableTime: true })));
  assert.deepEqual([missing.name, missing.message], ['TableNotFoundException', 'Table not found: pitr-none']);
  const notFound = await error(() => env.client.send(new DescribeContinuousBackupsCommand({ TableName: 'pitr-none' })));
  assert.deepEqual([notFound.name, notFound.message], ['TableNotFoundException', 'Table not found: pitr-none']);
});

test('the change log is pruned to the window on the platform clock; disabling PITR drops it', async () => {
  await env.client.send(hashTable('pitr-prune'));
  await env.client.send(new UpdateContinuousBackupsCommand({ TableName: 'pitr-prune', PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true, RecoveryPeriodInDays: 1 } }));
  for (let i = 0; i < 5; i++) {
    await put('pitr-prune', 'k', { v: { N: String(i) } });
    env.server.clock.advance(1000);
  }
  await put('pitr-prune', 'gone');
  env.server.clock.advance(1000);
  await env.client.send(new DeleteItemCommand({ TableName: 'pitr-prune', Key: { pk: { S: 'gone' } } }));
  const tid = (await env.server.db.get<{ id: number }>("SELECT id FROM ddb_tables WHERE name = 'pitr-prune'"))!.id;
  const logRows = async () => Number((await env.server.db.get<{ n: number }>('SELECT COUNT(*) AS n FROM ddb_pitr_log WHERE tid = ?', [tid]))!.n);
  assert.equal(await logRows(), 7);

  env.server.clock.advance(25 * 3600 * 1000);
  await until(async () => (await logRows()) === 1);
  const beforeDescribe = env.server.clock.now();
  const w = (await env.client.send(new DescribeContinuousBackupsCommand({ TableName: 'pitr-prune' }))).ContinuousBackupsDescription!.PointInTimeRecoveryDescription!;
  const earliest = w.EarliestRestorableDateTime!.getTime();
  assert.ok(earliest >= beforeDescribe - 24 * 3600 * 1000 && earliest <= env.server.clock.now() - 24 * 3600 * 1000, 'the window is the last day');
  await env.client.send(new RestoreTableToPointInTimeCommand({ SourceTableName: 'pitr-prune', TargetTableName: 'pitr-prune-r', RestoreDateTime: new Date(earliest + 1000) }));
  await active('pitr-prune-r');
  const k = await env.client.send(new GetItemCommand({ TableName: 'pitr-prune-r', Key: { pk: { S: 'k' } } }));
  assert.equal(k.Item?.v?.N, '4', 'the state at the start of the window is kept');
  assert.deepEqual(await scanKeys('pitr-prune-r'), ['k']);

  const off = await env.client.send(new UpdateContinuousBackupsCommand({ TableName: 'pitr-prune', PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: false } }));
  assert.equal(off.ContinuousBackupsDescription!.PointInTimeRecoveryDescription!.PointInTimeRecoveryStatus, 'DISABLED');
  assert.equal(await logRows(), 0);
  const bad = await error(() =>
    env.client.send(new UpdateContinuousBackupsCommand({ TableName: 'pitr-prune', PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true, RecoveryPeriodInDays: 36 } })),
  );
  assert.equal(bad.name, 'ValidationException');
  const none = await error(() =>
    env.client.send(new UpdateContinuousBackupsCommand({ TableName: 'pitr-none', PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true } })),
  );
  assert.deepEqual([none.name, none.message], ['TableNotFoundException', 'Table not found: pitr-none']);
});

test('a table still being created has no backups yet: ContinuousBackupsUnavailableException', async () => {
  const slow = await setup({ services: { dynamodb: { tableActivationMs: 60_000 } } });
  try {
    await slow.client.send(hashTable('bk-creating'));
    const backup = await error(() => slow.client.send(new CreateBackupCommand({ TableName: 'bk-creating', BackupName: 'too-soon' })));
    assert.deepEqual([backup.name, backup.message], ['ContinuousBackupsUnavailableException', 'Backups are being enabled for the table: bk-creating. Please retry later']);
    const pitr = await error(() =>
      slow.client.send(new UpdateContinuousBackupsCommand({ TableName: 'bk-creating', PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true } })),
    );
    assert.equal(pitr.name, 'ContinuousBackupsUnavailableException');
    slow.server.clock.advance(60_000);
    const on = await slow.client.send(new UpdateContinuousBackupsCommand({ TableName: 'bk-creating', PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true } }));
    assert.equal(on.ContinuousBackupsDescription!.PointInTimeRecoveryDescription!.PointInTimeRecoveryStatus, 'ENABLED');
    assert.equal((await slow.client.send(new CreateBackupCommand({ TableName: 'bk-creating', BackupName: 'in-time' }))).BackupDetails!.BackupStatus, 'CREATING');
  } finally {
    await slow.stop();
  }
});

test('deleting a table with PITR keeps it as a SYSTEM backup for 35 days', async () => {
  await env.client.send(hashTable('sys-gone'));
  await put('sys-gone', 'a');
  await put('sys-gone', 'b');
  await env.client.send(new UpdateContinuousBackupsCommand({ TableName: 'sys-gone', PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true } }));
  await env.client.send(new DeleteTableCommand({ TableName: 'sys-gone' }));
  assert.deepEqual((await env.client.send(new ListBackupsCommand({ TableName: 'sys-gone' }))).BackupSummaries, [], 'USER backups only by default');
  const system = (await env.client.send(new ListBackupsCommand({ TableName: 'sys-gone', BackupType: 'SYSTEM' }))).BackupSummaries!;
  assert.equal(system.length, 1);
  const s = system[0]!;
  assert.deepEqual([s.BackupName, s.BackupType, s.BackupStatus], ['sys-gone$DeletedTableBackup', 'SYSTEM', 'AVAILABLE']);
  assert.equal(s.BackupExpiryDateTime!.getTime() - s.BackupCreationDateTime!.getTime(), 35 * 24 * 3600 * 1000);
  assert.equal((await env.client.send(new ListBackupsCommand({ TableName: 'sys-gone', BackupType: 'ALL' }))).BackupSummaries!.length, 1);
  await env.client.send(new RestoreTableFromBackupCommand({ BackupArn: s.BackupArn, TargetTableName: 'sys-back' }));
  assert.deepEqual(await scanKeys('sys-back'), ['a', 'b']);

  // A table without PITR leaves nothing behind.
  await env.client.send(new DeleteTableCommand({ TableName: 'sys-back' }));
  assert.deepEqual((await env.client.send(new ListBackupsCommand({ TableName: 'sys-back', BackupType: 'ALL' }))).BackupSummaries, []);

  env.server.clock.advance(35 * 24 * 3600 * 1000);
  await untilValue(async () => ((await env.client.send(new ListBackupsCommand({ TableName: 'sys-gone', BackupType: 'SYSTEM' }))).BackupSummaries!.length === 0 ? true : undefined));
  const gone = await error(() => env.client.send(new DescribeBackupCommand({ BackupArn: s.BackupArn })));
  assert.equal(gone.name, 'BackupNotFoundException');
});
