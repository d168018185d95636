/**
 * A backup being copied when the server is killed (kill -9) resumes after the restart and is
 * still the table as it was when it started, whatever the writes that raced the copy.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  BatchWriteItemCommand,
  CreateBackupCommand,
  DeleteItemCommand,
  DescribeBackupCommand,
  DescribeTableCommand,
  DynamoDBClient,
  PutItemCommand,
  RestoreTableFromBackupCommand,
  ScanCommand,
  type ScanCommandOutput,
} from '@aws-sdk/client-dynamodb';
import { clientConfig } from '../helpers/server.js';
import { hashTable, startChildServer } from './helpers.js';

async function start(dataDir: string, options?: Record<string, unknown>) {
  const server = await startChildServer(dataDir, options);
  const client = new DynamoDBClient(clientConfig(server.endpoint));
  return {
    client,
    kill: async (signal: NodeJS.Signals) => {
      client.destroy();
      await server.kill(signal);
    },
  };
}

const key = (i: number) => `k${String(i).padStart(4, '0')}`;

test('kill -9 during a backup copy under writes: the backup resumes and is the table as of its start', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'stratus-ddb-backup-'));
  try {
    // One item a transaction: the copy is still running when the server dies.
    let s = await start(dir, { backupBatch: 1 });
    await s.client.send(hashTable('dur-bk'));
    for (let i = 0; i < 1000; i += 25) {
      await s.client.send(
        new BatchWriteItemCommand({ RequestItems: { 'dur-bk': Array.from({ length: 25 }, (_, j) => ({ PutRequest: { Item: { pk: { S: key(i + j) }, v: { N: '0' } } } })) } }),
      );
    }
    const arn = (await s.client.send(new CreateBackupCommand({ TableName: 'dur-bk', BackupName: 'dur-backup' }))).BackupDetails!.BackupArn!;
    // Writes racing the copy, then kill -9 while they (and the copy) run.
    let stop = false;
    const writers = Array.from({ length: 4 }, async (_, w) => {
      for (let i = w; !stop && i < 1000; i += 4) {
        try {
          if (i % 3 === 0) await s.client.send(new DeleteItemCommand({ TableName: 'dur-bk', Key: { pk: { S: key(i) } } }));
          else await s.client.send(new PutItemCommand({ TableName: 'dur-bk', Item: { pk: { S: i % 3 === 1 ? key(i) : `${key(i)}-new` }, v: { N: '1' } } }));
        } catch {
          return;
        }
      }
    });
    await new Promise((r) => setTimeout(r, 150));
    const status = (await s.client.send(new DescribeBackupCommand({ BackupArn: arn }))).BackupDescription!.BackupDetails!.BackupStatus;
    assert.equal(status, 'CREATING', 'still copying when killed');
    await s.kill('SIGKILL');
    stop = true;
    await Promise.all(writers);

    s = await start(dir);
    let done = false;
    for (let i = 0; i < 1000 && !done; i++) {
      done = (await s.client.send(new DescribeBackupCommand({ BackupArn: arn }))).BackupDescription!.BackupDetails!.BackupStatus === 'AVAILABLE';
      if (!done) await new Promise((r) => setTimeout(r, 20));
    }
    assert.ok(done, 'the copy resumed after the restart');
    await s.client.send(new RestoreTableFromBackupCommand({ BackupArn: arn, TargetTableName: 'dur-bk-copy' }));
    for (let i = 0; i < 1000; i++) {
      if ((await s.client.send(new DescribeTableCommand({ TableName: 'dur-bk-copy' }))).Table!.TableStatus === 'ACTIVE') break;
      await new Promise((r) => setTimeout(r, 20));
    }
    const items: NonNullable<ScanCommandOutput['Items']> = [];
    let start_: ScanCommandOutput['LastEvaluatedKey'];
    do {
      const page = await s.client.send(new ScanCommand({ TableName: 'dur-bk-copy', ExclusiveStartKey: start_ }));
      items.push(...page.Items!);
      start_ = page.LastEvaluatedKey;
    } while (start_);
    assert.equal(items.length, 1000, 'the 1,000 items of the start, none added after');
    assert.ok(
      items.every((i) => i.v!.N === '0' && /^k\d{4}$/.test(i.pk!.S!)),
      'none as changed after the start',
    );
    await s.kill('SIGTERM');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
