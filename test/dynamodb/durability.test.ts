import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DynamoDBClient, PutItemCommand, GetItemCommand, ScanCommand, UpdateItemCommand } from '@aws-sdk/client-dynamodb';
import { clientConfig } from '../helpers/server.js';
import { hashTable, startChildServer } from './helpers.js';

async function start(dataDir: string) {
  const server = await startChildServer(dataDir);
  const client = new DynamoDBClient(clientConfig(server.endpoint));
  return {
    client,
    kill: async (signal: NodeJS.Signals) => {
      client.destroy();
      await server.kill(signal);
    },
  };
}

test('data survives a clean restart and a kill -9 during a write load (no acknowledged write lost)', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'stratus-ddb-'));
  try {
    let s = await start(dir);
    await s.client.send(hashTable('dur'));
    await s.client.send(new PutItemCommand({ TableName: 'dur', Item: { pk: { S: 'first' }, v: { N: '1' } } }));
    await s.kill('SIGTERM');

    s = await start(dir);
    const got = await s.client.send(new GetItemCommand({ TableName: 'dur', Key: { pk: { S: 'first' } } }));
    assert.equal(got.Item?.v?.N, '1');

    // Write load from 8 concurrent writers; record every acknowledged write; kill -9 mid-load.
    const acked = new Set<string>();
    let counterAcked = 0;
    let stop = false;
    const writers = Array.from({ length: 8 }, async (_, w) => {
      for (let i = 0; !stop; i++) {
        const pk = `w${w}-${i}`;
        try {
          if (i % 4 === 0) {
            await s.client.send(new UpdateItemCommand({ TableName: 'dur', Key: { pk: { S: 'counter' } }, UpdateExpression: 'ADD n :one', ExpressionAttributeValues: { ':one': { N: '1' } } }));
            counterAcked++;
          } else {
            await s.client.send(new PutItemCommand({ TableName: 'dur', Item: { pk: { S: pk }, data: { S: 'x'.repeat(200) } } }));
            acked.add(pk);
          }
        } catch {
          return; // the server is gone
        }
      }
    });
    while (acked.size < 400) await new Promise((r) => setTimeout(r, 20));
    await s.kill('SIGKILL');
    stop = true;
    await Promise.all(writers);

    s = await start(dir);
    const found = new Set<string>();
    let start_: any;
    do {
      const page = await s.client.send(new ScanCommand({ TableName: 'dur', ExclusiveStartKey: start_ }));
      for (const i of page.Items!) found.add(i.pk!.S!);
      start_ = page.LastEvaluatedKey;
    } while (start_);
    for (const pk of acked) assert.ok(found.has(pk), `acknowledged write ${pk} lost`);
    const counter = await s.client.send(new GetItemCommand({ TableName: 'dur', Key: { pk: { S: 'counter' } } }));
    assert.ok(Number(counter.Item?.n?.N ?? 0) >= counterAcked, 'acknowledged counter increments lost');
    await s.client.send(new PutItemCommand({ TableName: 'dur', Item: { pk: { S: 'after' } } }));
    await s.kill('SIGTERM');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
