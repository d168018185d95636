import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DynamoDBClient, CreateTableCommand, PutItemCommand, GetItemCommand, ScanCommand } from '@aws-sdk/client-dynamodb';
import { clientConfig, spawnServer } from '../helpers/server.js';

describe('acknowledged writes survive kill -9', () => {
  it('writes through the API, is killed with SIGKILL, restarts on the same data dir and reads everything back', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'stratus-durable-'));
    const first = await spawnServer(['--data-dir', dataDir]);
    const acknowledged: string[] = [];
    try {
      const ddb = new DynamoDBClient(clientConfig(first.endpoint));
      await ddb.send(
        new CreateTableCommand({
          TableName: 'durable',
          BillingMode: 'PAY_PER_REQUEST',
          KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
          AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }],
        }),
      );
      // Eight writers in flight at once; the server is killed while they are still writing.
      let stop = false;
      const writer = async (w: number): Promise<void> => {
        for (let i = 0; !stop; i++) {
          const id = `w${w}-${i}`;
          try {
            await ddb.send(new PutItemCommand({ TableName: 'durable', Item: { id: { S: id }, n: { N: String(i) } } }));
            acknowledged.push(id);
          } catch {
            return; // the server died mid-request: this write was never acknowledged
          }
        }
      };
      const writers = Array.from({ length: 8 }, (_, w) => writer(w));
      while (acknowledged.length < 400) await new Promise((r) => setTimeout(r, 5));
      await first.kill('SIGKILL');
      stop = true;
      await Promise.all(writers);
    } finally {
      await first.kill('SIGKILL');
    }

    const second = await spawnServer(['--data-dir', dataDir]);
    try {
      const ddb = new DynamoDBClient(clientConfig(second.endpoint));
      const one = await ddb.send(new GetItemCommand({ TableName: 'durable', Key: { id: { S: acknowledged[0]! } } }));
      assert.equal(one.Item?.id?.S, acknowledged[0]);
      const stored = new Set<string>();
      let ExclusiveStartKey: Record<string, any> | undefined;
      do {
        const page = await ddb.send(new ScanCommand({ TableName: 'durable', ExclusiveStartKey }));
        for (const item of page.Items ?? []) stored.add(item.id!.S!);
        ExclusiveStartKey = page.LastEvaluatedKey;
      } while (ExclusiveStartKey);
      assert.deepEqual(acknowledged.filter((id) => !stored.has(id)), []);
    } finally {
      await second.stop();
    }
  });
});
