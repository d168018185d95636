/**
 * Exports to S3 (ExportTableToPointInTime: full and incremental, DYNAMODB_JSON and ION, AWS's file
 * layout) and imports from S3 (ImportTable: DynamoDB JSON, ION, CSV, gzipped or not, error counts
 * and their CloudWatch Logs), read back through each other.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { gunzipSync, gzipSync } from 'node:zlib';
import {
  DescribeExportCommand,
  DescribeImportCommand,
  DescribeTableCommand,
  DynamoDBClient,
  ExportTableToPointInTimeCommand,
  GetItemCommand,
  ImportTableCommand,
  ListExportsCommand,
  ListImportsCommand,
  PutItemCommand,
  QueryCommand,
  ScanCommand,
  UpdateContinuousBackupsCommand,
  type ImportTableCommandInput,
} from '@aws-sdk/client-dynamodb';
import { CreateBucketCommand, GetObjectCommand, ListObjectsV2Command, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { CloudWatchLogsClient, GetLogEventsCommand } from '@aws-sdk/client-cloudwatch-logs';
import { clientConfig, startServer, type TestServer } from '../helpers/server.js';
import { definition } from '../../src/services/dynamodb/index.js';
import { definition as s3Definition } from '../../src/services/s3/index.js';
import { definition as logsDefinition } from '../../src/services/logs/index.js';
import { error, hashTable, rangeTable } from './helpers.js';

let server: TestServer;
let ddb: DynamoDBClient;
let s3: S3Client;
let logs: CloudWatchLogsClient;

before(async () => {
  server = await startServer({ services: [definition, s3Definition, logsDefinition] });
  ddb = new DynamoDBClient(clientConfig(server.endpoint));
  s3 = new S3Client({ ...clientConfig(server.endpoint), forcePathStyle: true });
  logs = new CloudWatchLogsClient(clientConfig(server.endpoint));
  await s3.send(new CreateBucketCommand({ Bucket: 'exports' }));
});
after(async () => {
  ddb.destroy();
  s3.destroy();
  logs.destroy();
  await server.stop();
});

const arnOf = (table: string) => `arn:aws:dynamodb:us-east-1:000000000000:table/${table}`;
const enablePitr = (table: string) => ddb.send(new UpdateContinuousBackupsCommand({ TableName: table, PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true } }));

async function until<T>(fn: () => Promise<T | undefined>): Promise<T> {
  for (let i = 0; i < 500; i++) {
    const v = await fn();
    if (v !== undefined) return v;
    await new Promise((r) => setTimeout(r, 10));
  }
  assert.fail('condition not reached');
}

const exportDone = (arn: string) =>
  until(async () => {
    const d = (await ddb.send(new DescribeExportCommand({ ExportArn: arn }))).ExportDescription!;
    return d.ExportStatus === 'IN_PROGRESS' ? undefined : d;
  });
const importDone = (arn: string) =>
  until(async () => {
    const d = (await ddb.send(new DescribeImportCommand({ ImportArn: arn }))).ImportTableDescription!;
    return d.ImportStatus === 'IN_PROGRESS' ? undefined : d;
  });

async function object(key: string, bucket = 'exports'): Promise<Buffer> {
  const out = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
  return Buffer.from(await out.Body!.transformToByteArray());
}

const sample = (i: number) => ({
  pk: { S: `user#${i % 7}` },
  sk: { N: String(i) },
  name: { S: `name "${i}"\nline` },
  tags: { SS: ['a', `t${i}`] },
  nums: { NS: ['1.5', String(i)] },
  bin: { B: Buffer.from([i, 255, 0]) },
  nested: { M: { list: { L: [{ N: '-0.001' }, { NULL: true }, { BOOL: i % 2 === 0 }] }, deep: { M: { x: { S: 'y' } } } } },
});

test('an export writes AWS layout to S3, and an import reads it back into a new table', async () => {
  await ddb.send(
    rangeTable('ex-src', 'N'),
  );
  await enablePitr('ex-src');
  for (let i = 0; i < 25; i++) await ddb.send(new PutItemCommand({ TableName: 'ex-src', Item: sample(i) }));

  const started = (await ddb.send(new ExportTableToPointInTimeCommand({ TableArn: arnOf('ex-src'), S3Bucket: 'exports', S3Prefix: 'snap' }))).ExportDescription!;
  assert.equal(started.ExportStatus, 'IN_PROGRESS');
  assert.match(started.ExportArn!, /^arn:aws:dynamodb:us-east-1:000000000000:table\/ex-src\/export\/\d{14}-[0-9a-f]{8}$/);
  assert.deepEqual([started.ExportFormat, started.ExportType, started.S3Bucket, started.S3Prefix], ['DYNAMODB_JSON', 'FULL_EXPORT', 'exports', 'snap']);
  // Written after the export time: not in it.
  await ddb.send(new PutItemCommand({ TableName: 'ex-src', Item: { pk: { S: 'late' }, sk: { N: '1' } } }));

  const done = await exportDone(started.ExportArn!);
  assert.equal(done.ExportStatus, 'COMPLETED');
  assert.equal(done.ItemCount, 25);
  const exportId = started.ExportArn!.split('/').pop()!;
  assert.equal(done.ExportManifest, `snap/AWSDynamoDB/${exportId}/manifest-summary.json`);

  const summary = JSON.parse((await object(done.ExportManifest!)).toString());
  assert.deepEqual(
    [summary.version, summary.exportArn, summary.tableArn, summary.itemCount, summary.outputFormat, summary.exportType, summary.s3Bucket, summary.s3Prefix],
    ['2020-06-30', started.ExportArn, arnOf('ex-src'), 25, 'DYNAMODB_JSON', 'FULL_EXPORT', 'exports', 'snap'],
  );
  assert.equal(summary.manifestFilesS3Key, `snap/AWSDynamoDB/${exportId}/manifest-files.json`);
  const files = (await object(summary.manifestFilesS3Key)).toString().trim().split('\n').map((l) => JSON.parse(l));
  assert.equal(files.length, 1);
  assert.match(files[0].dataFileS3Key, new RegExp(`^snap/AWSDynamoDB/${exportId}/data/[a-z0-9]{26}\\.json\\.gz$`));
  assert.equal(files[0].itemCount, 25);
  const lines = gunzipSync(await object(files[0].dataFileS3Key)).toString().trim().split('\n');
  assert.equal(lines.length, 25);
  const first = JSON.parse(lines[0]!);
  assert.deepEqual(Object.keys(first), ['Item']);
  assert.ok(first.Item.pk.S.startsWith('user#'));
  const listed = await s3.send(new ListObjectsV2Command({ Bucket: 'exports', Prefix: `snap/AWSDynamoDB/${exportId}/` }));
  assert.deepEqual(
    listed.Contents!.map((c) => c.Key!.slice(`snap/AWSDynamoDB/${exportId}/`.length).replace(/data\/.*/, 'data/*')).sort(),
    ['_started', 'data/*', 'manifest-files.checksum', 'manifest-files.json', 'manifest-summary.checksum', 'manifest-summary.json'],
  );

  const imported = (
    await ddb.send(
      new ImportTableCommand({
        S3BucketSource: { S3Bucket: 'exports', S3KeyPrefix: `snap/AWSDynamoDB/${exportId}/data/` },
        InputFormat: 'DYNAMODB_JSON',
        InputCompressionType: 'GZIP',
        TableCreationParameters: {
          TableName: 'ex-copy',
          AttributeDefinitions: [
            { AttributeName: 'pk', AttributeType: 'S' },
            { AttributeName: 'sk', AttributeType: 'N' },
            { AttributeName: 'name', AttributeType: 'S' },
          ],
          KeySchema: [
            { AttributeName: 'pk', KeyType: 'HASH' },
            { AttributeName: 'sk', KeyType: 'RANGE' },
          ],
          BillingMode: 'PAY_PER_REQUEST',
          GlobalSecondaryIndexes: [{ IndexName: 'byName', KeySchema: [{ AttributeName: 'name', KeyType: 'HASH' }], Projection: { ProjectionType: 'KEYS_ONLY' } }],
        },
      }),
    )
  ).ImportTableDescription!;
  assert.equal(imported.ImportStatus, 'IN_PROGRESS');
  assert.match(imported.ImportArn!, /^arn:aws:dynamodb:us-east-1:000000000000:table\/ex-copy\/import\/\d{14}-[0-9a-f]{8}$/);
  assert.equal(imported.CloudWatchLogGroupArn, 'arn:aws:logs:us-east-1:000000000000:log-group:/aws-dynamodb/imports:*');
  const end = await importDone(imported.ImportArn!);
  assert.deepEqual([end.ImportStatus, end.ProcessedItemCount, end.ImportedItemCount, end.ErrorCount], ['COMPLETED', 25, 25, 0]);
  assert.equal((await ddb.send(new DescribeTableCommand({ TableName: 'ex-copy' }))).Table!.TableStatus, 'ACTIVE');

  for (const i of [0, 13, 24]) {
    const got = await ddb.send(new GetItemCommand({ TableName: 'ex-copy', Key: { pk: sample(i).pk, sk: sample(i).sk } }));
    const want = await ddb.send(new GetItemCommand({ TableName: 'ex-src', Key: { pk: sample(i).pk, sk: sample(i).sk } }));
    assert.deepEqual(got.Item, want.Item);
  }
  const byName = await ddb.send(new QueryCommand({ TableName: 'ex-copy', IndexName: 'byName', KeyConditionExpression: '#n = :n', ExpressionAttributeNames: { '#n': 'name' }, ExpressionAttributeValues: { ':n': { S: 'name "3"\nline' } } }));
  assert.equal(byName.Count, 1, 'the index is built');
  assert.equal((await ddb.send(new ScanCommand({ TableName: 'ex-copy', Select: 'COUNT' }))).Count, 25);
});

test('ION export, read back by an ION import', async () => {
  await ddb.send(rangeTable('ion-src', 'N'));
  await enablePitr('ion-src');
  for (let i = 0; i < 6; i++) await ddb.send(new PutItemCommand({ TableName: 'ion-src', Item: sample(i) }));
  await ddb.send(new PutItemCommand({ TableName: 'ion-src', Item: { pk: { S: 'odd names' }, sk: { N: '1E+3' }, 'a b': { S: "it's" }, null: { N: '-12.5E-3' }, e: { S: '' } } }));
  const arn = (await ddb.send(new ExportTableToPointInTimeCommand({ TableArn: arnOf('ion-src'), S3Bucket: 'exports', ExportFormat: 'ION' }))).ExportDescription!.ExportArn!;
  const done = await exportDone(arn);
  assert.deepEqual([done.ExportStatus, done.ItemCount, done.ExportFormat], ['COMPLETED', 7, 'ION']);
  const exportId = arn.split('/').pop()!;
  const files = (await object(`AWSDynamoDB/${exportId}/manifest-files.json`)).toString().trim().split('\n').map((l) => JSON.parse(l));
  assert.match(files[0].dataFileS3Key, /\.ion\.gz$/);
  const text = gunzipSync(await object(files[0].dataFileS3Key)).toString();
  assert.ok(text.includes('$ion_1_0 {Item:{'), text.slice(0, 100));
  assert.ok(text.includes('tags:$dynamodb_SS::["a","t1"]'));
  assert.ok(text.includes('sk:1000.'));

  const imp = await ddb.send(
    new ImportTableCommand({
      S3BucketSource: { S3Bucket: 'exports', S3KeyPrefix: `AWSDynamoDB/${exportId}/data/` },
      InputFormat: 'ION',
      InputCompressionType: 'GZIP',
      TableCreationParameters: {
        TableName: 'ion-copy',
        AttributeDefinitions: [
          { AttributeName: 'pk', AttributeType: 'S' },
          { AttributeName: 'sk', AttributeType: 'N' },
        ],
        KeySchema: [
          { AttributeName: 'pk', KeyType: 'HASH' },
          { AttributeName: 'sk', KeyType: 'RANGE' },
        ],
        BillingMode: 'PAY_PER_REQUEST',
      },
    }),
  );
  const end = await importDone(imp.ImportTableDescription!.ImportArn!);
  assert.deepEqual([end.ImportStatus, end.ImportedItemCount, end.ErrorCount], ['COMPLETED', 7, 0]);
  const a = (await ddb.send(new ScanCommand({ TableName: 'ion-src', ConsistentRead: true }))).Items!;
  const b = (await ddb.send(new ScanCommand({ TableName: 'ion-copy', ConsistentRead: true }))).Items!;
  assert.deepEqual(b, a);
});

test('an export is a point in time; an incremental export has the changes of a period with their images', async () => {
  await ddb.send(hashTable('inc-src'));
  await enablePitr('inc-src');
  await ddb.send(new PutItemCommand({ TableName: 'inc-src', Item: { pk: { S: 'a' }, v: { N: '1' } } }));
  await ddb.send(new PutItemCommand({ TableName: 'inc-src', Item: { pk: { S: 'b' }, v: { N: '1' } } }));
  server.clock.advance(60_000);
  const from = server.clock.now();
  server.clock.advance(60_000);
  await ddb.send(new PutItemCommand({ TableName: 'inc-src', Item: { pk: { S: 'a' }, v: { N: '2' } } }));
  await ddb.send(new PutItemCommand({ TableName: 'inc-src', Item: { pk: { S: 'c' }, v: { N: '1' } } }));
  server.clock.advance(20 * 60_000);
  const to = server.clock.now();

  const full = await exportDone(
    (await ddb.send(new ExportTableToPointInTimeCommand({ TableArn: arnOf('inc-src'), S3Bucket: 'exports', S3Prefix: 'pit', ExportTime: new Date(from) }))).ExportDescription!.ExportArn!,
  );
  assert.equal(full.ItemCount, 2);
  assert.equal(full.ExportTime!.getTime(), from);

  const inc = await exportDone(
    (
      await ddb.send(
        new ExportTableToPointInTimeCommand({
          TableArn: arnOf('inc-src'),
          S3Bucket: 'exports',
          S3Prefix: 'inc',
          ExportType: 'INCREMENTAL_EXPORT',
          IncrementalExportSpecification: { ExportFromTime: new Date(from), ExportToTime: new Date(to), ExportViewType: 'NEW_AND_OLD_IMAGES' },
        }),
      )
    ).ExportDescription!.ExportArn!,
  );
  assert.equal(inc.ItemCount, 2);
  const files = (await object(`inc/AWSDynamoDB/${inc.ExportArn!.split('/').pop()}/manifest-files.json`)).toString().trim().split('\n').map((l) => JSON.parse(l));
  const lines = gunzipSync(await object(files[0].dataFileS3Key)).toString().trim().split('\n').map((l) => JSON.parse(l));
  const a = lines.find((l) => l.Keys.pk.S === 'a');
  assert.deepEqual([a.NewImage.v.N, a.OldImage.v.N], ['2', '1']);
  assert.ok(Number(a.Metadata.WriteTimestampMicros.N) > from * 1000);
  const c = lines.find((l) => l.Keys.pk.S === 'c');
  assert.equal(c.OldImage, undefined);

  const listed = await ddb.send(new ListExportsCommand({ TableArn: arnOf('inc-src'), MaxResults: 1 }));
  assert.equal(listed.ExportSummaries!.length, 1);
  assert.ok(listed.NextToken);
  const rest = await ddb.send(new ListExportsCommand({ TableArn: arnOf('inc-src'), MaxResults: 1, NextToken: listed.NextToken }));
  assert.deepEqual(rest.ExportSummaries!.map((s) => s.ExportType), ['INCREMENTAL_EXPORT']);
  assert.equal(rest.NextToken, undefined);
});

test('export and import errors', async () => {
  await ddb.send(hashTable('ee-src'));
  const noPitr = await error(() => ddb.send(new ExportTableToPointInTimeCommand({ TableArn: arnOf('ee-src'), S3Bucket: 'exports' })));
  assert.deepEqual([noPitr.name, noPitr.message], ['PointInTimeRecoveryUnavailableException', "Point in time recovery is not enabled for table 'ee-src'"]);
  const missing = await error(() => ddb.send(new ExportTableToPointInTimeCommand({ TableArn: arnOf('ee-none'), S3Bucket: 'exports' })));
  assert.equal(missing.name, 'TableNotFoundException');
  const notFound = await error(() => ddb.send(new DescribeExportCommand({ ExportArn: `${arnOf('ee-src')}/export/01234567890123-abcdef12` })));
  assert.equal(notFound.name, 'ExportNotFoundException');
  await enablePitr('ee-src');
  const future = await error(() => ddb.send(new ExportTableToPointInTimeCommand({ TableArn: arnOf('ee-src'), S3Bucket: 'exports', ExportTime: new Date(server.clock.now() + 3_600_000) })));
  assert.equal(future.name, 'InvalidExportTimeException');

  const failed = await exportDone((await ddb.send(new ExportTableToPointInTimeCommand({ TableArn: arnOf('ee-src'), S3Bucket: 'no-such-bucket' }))).ExportDescription!.ExportArn!);
  assert.deepEqual([failed.ExportStatus, failed.FailureCode], ['FAILED', 'S3NoSuchBucket']);

  const same = { TableArn: arnOf('ee-src'), S3Bucket: 'exports', ClientToken: 'token-1' };
  const one = await ddb.send(new ExportTableToPointInTimeCommand(same));
  const two = await ddb.send(new ExportTableToPointInTimeCommand(same));
  assert.equal(two.ExportDescription!.ExportArn, one.ExportDescription!.ExportArn, 'the same ClientToken and request name the same export');
  const clash = await error(() => ddb.send(new ExportTableToPointInTimeCommand({ ...same, S3Prefix: 'other' })));
  assert.equal(clash.name, 'ExportConflictException');

  const exists = await error(() =>
    ddb.send(
      new ImportTableCommand({
        S3BucketSource: { S3Bucket: 'exports' },
        InputFormat: 'CSV',
        TableCreationParameters: { TableName: 'ee-src', AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }], KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }], BillingMode: 'PAY_PER_REQUEST' },
      }),
    ),
  );
  assert.deepEqual([exists.name, exists.message], ['ResourceInUseException', 'Table already exists: ee-src']);
  const noImport = await error(() => ddb.send(new DescribeImportCommand({ ImportArn: `${arnOf('ee-src')}/import/01234567890123-abcdef12` })));
  assert.equal(noImport.name, 'ImportNotFoundException');
});

const csvImport = (table: string, prefix: string, extra: Partial<ImportTableCommandInput> = {}): ImportTableCommand =>
  new ImportTableCommand({
    ClientToken: `tok-${table}`,
    S3BucketSource: { S3Bucket: 'exports', S3KeyPrefix: prefix },
    InputFormat: 'CSV',
    TableCreationParameters: {
      TableName: table,
      AttributeDefinitions: [
        { AttributeName: 'id', AttributeType: 'S' },
        { AttributeName: 'n', AttributeType: 'N' },
      ],
      KeySchema: [
        { AttributeName: 'id', KeyType: 'HASH' },
        { AttributeName: 'n', KeyType: 'RANGE' },
      ],
      BillingMode: 'PAY_PER_REQUEST',
    },
    ...extra,
  });

test('CSV imports: header line or HeaderList, quoting, gzip, error counts logged to CloudWatch Logs, ClientToken', async () => {
  await s3.send(new PutObjectCommand({ Bucket: 'exports', Key: 'csv/a.csv', Body: 'id,n,city\nx,1,"Paris, France"\ny,2,"say ""hi"""\nz,not-a-number,Oslo\n,4,Nowhere\nbad,"5\n' }));
  await s3.send(new PutObjectCommand({ Bucket: 'exports', Key: 'csv/b.csv', Body: 'id,n,city\nw,3,"multi\nline"\n' }));
  const d = (await ddb.send(csvImport('csv-a', 'csv/'))).ImportTableDescription!;
  const again = (await ddb.send(csvImport('csv-a', 'csv/'))).ImportTableDescription!;
  assert.equal(again.ImportArn, d.ImportArn, 'the same ClientToken and request name the same import');
  const conflict = await error(() => ddb.send(csvImport('csv-a', 'other/')));
  assert.equal(conflict.name, 'ImportConflictException');
  assert.equal(
    conflict.message,
    'There was a conflict when importing from the specified S3 source. This can occur when the current import conflicts with a previous import request that had the same client token.',
  );

  const end = await importDone(d.ImportArn!);
  assert.deepEqual([end.ImportStatus, end.ProcessedItemCount, end.ImportedItemCount, end.ErrorCount], ['COMPLETED', 6, 3, 3]);
  const x = await ddb.send(new GetItemCommand({ TableName: 'csv-a', Key: { id: { S: 'x' }, n: { N: '1' } } }));
  assert.deepEqual(x.Item, { id: { S: 'x' }, n: { N: '1' }, city: { S: 'Paris, France' } });
  const y = await ddb.send(new GetItemCommand({ TableName: 'csv-a', Key: { id: { S: 'y' }, n: { N: '2' } } }));
  assert.equal(y.Item?.city?.S, 'say "hi"');
  const w = await ddb.send(new GetItemCommand({ TableName: 'csv-a', Key: { id: { S: 'w' }, n: { N: '3' } } }));
  assert.equal(w.Item?.city?.S, 'multi\nline');

  const events = await until(async () => {
    const out = await logs.send(new GetLogEventsCommand({ logGroupName: '/aws-dynamodb/imports', logStreamName: d.ImportArn!.split('/').pop()! })).catch(() => undefined);
    return out?.events?.length ? out.events : undefined;
  });
  assert.equal(events.length, 3);
  const first = JSON.parse(events[0]!.message!);
  assert.deepEqual(first.itemS3Pointer, { bucket: 'exports', key: 'csv/a.csv', itemIndex: 2 });
  assert.equal(first.importArn, d.ImportArn);

  await s3.send(new PutObjectCommand({ Bucket: 'exports', Key: 'csvgz/one.csv.gz', Body: gzipSync('p;1;Rome\nq;2;Lima\n') }));
  const gz = (
    await ddb.send(
      csvImport('csv-gz', 'csvgz/', { InputCompressionType: 'GZIP', InputFormatOptions: { Csv: { Delimiter: ';', HeaderList: ['id', 'n', 'city'] } } }),
    )
  ).ImportTableDescription!;
  const gzEnd = await importDone(gz.ImportArn!);
  assert.deepEqual([gzEnd.ImportedItemCount, gzEnd.ErrorCount], [2, 0]);

  await s3.send(new PutObjectCommand({ Bucket: 'exports', Key: 'notgz/one.csv.gz', Body: 'id,n\nplain,1\n' }));
  const notGz = await importDone((await ddb.send(csvImport('csv-notgz', 'notgz/', { InputCompressionType: 'GZIP' }))).ImportTableDescription!.ImportArn!);
  assert.deepEqual([notGz.ImportStatus, notGz.ImportedItemCount, notGz.ErrorCount], ['COMPLETED', 0, 1], 'an object that is not gzip counts as an error');

  const listed = await ddb.send(new ListImportsCommand({ TableArn: arnOf('csv-gz') }));
  assert.deepEqual(listed.ImportSummaryList!.map((s) => [s.ImportArn, s.ImportStatus, s.InputFormat]), [[gz.ImportArn, 'COMPLETED', 'CSV']]);
  const all = await ddb.send(new ListImportsCommand({ PageSize: 1 }));
  assert.equal(all.ImportSummaryList!.length, 1);
  assert.match(all.NextToken!, /^([0-9a-f]{16}){7,}$/, 'the token form the model requires');
  const next = await ddb.send(new ListImportsCommand({ PageSize: 1, NextToken: all.NextToken }));
  assert.equal(next.ImportSummaryList!.length, 1);
  assert.notEqual(next.ImportSummaryList![0]!.ImportArn, all.ImportSummaryList![0]!.ImportArn);

  const noBucket = await importDone(
    (await ddb.send(csvImport('csv-none', 'x/', { S3BucketSource: { S3Bucket: 'no-such-bucket' } }))).ImportTableDescription!.ImportArn!,
  );
  assert.equal(noBucket.ImportStatus, 'FAILED');
  const gone = await error(() => ddb.send(new DescribeTableCommand({ TableName: 'csv-none' })));
  assert.equal(gone.name, 'ResourceNotFoundException', 'a failed import deletes its table');
});
