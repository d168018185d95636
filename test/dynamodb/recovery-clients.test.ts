/**
 * Backups, point-in-time recovery and exports driven by boto3 and the AWS CLI v2.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { S3Client, CreateBucketCommand } from '@aws-sdk/client-s3';
import { clientConfig, startServer, type TestServer } from '../helpers/server.js';
import { awsCli, boto3 } from '../helpers/clients.js';
import { definition } from '../../src/services/dynamodb/index.js';
import { definition as s3Definition } from '../../src/services/s3/index.js';

let server: TestServer;
before(async () => {
  server = await startServer({ services: [definition, s3Definition] });
});
after(() => server.stop());

test('boto3: backup, restore with a waiter, point-in-time recovery and its restore', async () => {
  const out = await boto3(
    `
import os, json, time, boto3
from botocore.exceptions import ClientError
c = boto3.client('dynamodb', endpoint_url=os.environ['ENDPOINT'], region_name='us-east-1')
c.create_table(TableName='py-src', AttributeDefinitions=[{'AttributeName': 'id', 'AttributeType': 'S'}],
               KeySchema=[{'AttributeName': 'id', 'KeyType': 'HASH'}], BillingMode='PAY_PER_REQUEST')
c.get_waiter('table_exists').wait(TableName='py-src')
c.put_item(TableName='py-src', Item={'id': {'S': 'a'}, 'n': {'N': '1'}})
b = c.create_backup(TableName='py-src', BackupName='py-backup')['BackupDetails']
c.put_item(TableName='py-src', Item={'id': {'S': 'b'}})
c.restore_table_from_backup(TargetTableName='py-restored', BackupArn=b['BackupArn'])
c.get_waiter('table_exists').wait(TableName='py-restored')
restored = sorted(i['id']['S'] for i in c.scan(TableName='py-restored')['Items'])
summaries = c.list_backups(TableName='py-src')['BackupSummaries']
pitr = c.update_continuous_backups(TableName='py-src', PointInTimeRecoverySpecification={'PointInTimeRecoveryEnabled': True})
desc = c.describe_continuous_backups(TableName='py-src')['ContinuousBackupsDescription']['PointInTimeRecoveryDescription']
try:
    c.describe_backup(BackupArn=b['BackupArn'] + '0')
    missing = None
except ClientError as e:
    missing = e.response['Error']['Code']
print(json.dumps({'status': b['BackupStatus'], 'restored': restored, 'names': [s['BackupName'] for s in summaries],
                  'pitr': desc['PointInTimeRecoveryStatus'],
                  'earliest': desc['EarliestRestorableDateTime'].timestamp(), 'missing': missing}))
`,
    server.endpoint,
  );
  const r = JSON.parse(out);
  assert.deepEqual([r.status, r.restored, r.names, r.pitr, r.missing], ['CREATING', ['a'], ['py-backup'], 'ENABLED', 'BackupNotFoundException']);
  assert.ok(Math.abs(r.earliest * 1000 - server.clock.now()) < 60_000);

  server.clock.advance(10 * 60_000);
  const restore = await boto3(
    `
import os, json, boto3
c = boto3.client('dynamodb', endpoint_url=os.environ['ENDPOINT'], region_name='us-east-1')
t = c.restore_table_to_point_in_time(SourceTableName='py-src', TargetTableName='py-pitr', UseLatestRestorableTime=True)['TableDescription']
c.get_waiter('table_exists').wait(TableName='py-pitr')
print(json.dumps({'source': t['RestoreSummary']['SourceTableArn'], 'items': sorted(i['id']['S'] for i in c.scan(TableName='py-pitr')['Items'])}))
`,
    server.endpoint,
  );
  assert.deepEqual(JSON.parse(restore), { source: 'arn:aws:dynamodb:us-east-1:000000000000:table/py-src', items: ['a', 'b'] });
});

test('AWS CLI: create, list, describe and delete backups; export to S3 and describe it', async () => {
  const ep = ['--endpoint-url', server.endpoint, '--region', 'us-east-1'];
  const s3 = new S3Client({ ...clientConfig(server.endpoint), forcePathStyle: true });
  await s3.send(new CreateBucketCommand({ Bucket: 'cli-exports' }));
  s3.destroy();
  // prettier-ignore
  await awsCli(['dynamodb', 'create-table', ...ep, '--table-name', 'cli-bk', '--attribute-definitions', 'AttributeName=id,AttributeType=S',
    '--key-schema', 'AttributeName=id,KeyType=HASH', '--billing-mode', 'PAY_PER_REQUEST']);
  await awsCli(['dynamodb', 'put-item', ...ep, '--table-name', 'cli-bk', '--item', '{"id":{"S":"1"}}']);
  const created = JSON.parse(await awsCli(['dynamodb', 'create-backup', ...ep, '--table-name', 'cli-bk', '--backup-name', 'cli-backup']));
  const arn: string = created.BackupDetails.BackupArn;
  const listed = JSON.parse(await awsCli(['dynamodb', 'list-backups', ...ep, '--table-name', 'cli-bk']));
  assert.deepEqual(
    listed.BackupSummaries.map((b: { BackupArn: string }) => b.BackupArn),
    [arn],
  );
  const described = JSON.parse(await awsCli(['dynamodb', 'describe-backup', ...ep, '--backup-arn', arn]));
  assert.equal(described.BackupDescription.SourceTableDetails.ItemCount, 1);
  const deleted = JSON.parse(await awsCli(['dynamodb', 'delete-backup', ...ep, '--backup-arn', arn]));
  assert.equal(deleted.BackupDescription.BackupDetails.BackupStatus, 'DELETED');

  // prettier-ignore
  await awsCli(['dynamodb', 'update-continuous-backups', ...ep, '--table-name', 'cli-bk',
    '--point-in-time-recovery-specification', 'PointInTimeRecoveryEnabled=true']);
  // prettier-ignore
  const exported = JSON.parse(await awsCli(['dynamodb', 'export-table-to-point-in-time', ...ep,
    '--table-arn', 'arn:aws:dynamodb:us-east-1:000000000000:table/cli-bk', '--s3-bucket', 'cli-exports', '--export-format', 'DYNAMODB_JSON']));
  const exportArn: string = exported.ExportDescription.ExportArn;
  let status = exported.ExportDescription.ExportStatus;
  for (let i = 0; i < 100 && status === 'IN_PROGRESS'; i++) {
    await new Promise((r) => setTimeout(r, 20));
    status = JSON.parse(await awsCli(['dynamodb', 'describe-export', ...ep, '--export-arn', exportArn])).ExportDescription.ExportStatus;
  }
  assert.equal(status, 'COMPLETED');
  const exports = JSON.parse(await awsCli(['dynamodb', 'list-exports', ...ep]));
  assert.ok(exports.ExportSummaries.some((e: { ExportArn: string }) => e.ExportArn === exportArn));
});
