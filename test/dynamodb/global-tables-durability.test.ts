/**
 * Global tables across `kill -9`: writes acknowledged in either region during replication all
 * reach the other region once the server is started again (the replication jobs are committed with
 * the writes).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DynamoDBClient, PutItemCommand, ScanCommand, UpdateTableCommand } from '@aws-sdk/client-dynamodb';
import { clientConfig } from '../helpers/server.js';
import { hashTable, startChildServer } from './helpers.js';

async function start(dataDir: string) {
  const server = await startChildServer(dataDir);
  const us = new DynamoDBClient(clientConfig(server.endpoint, 'us-east-1'));
  const eu = new DynamoDBClient(clientConfig(server.endpoint, 'eu-west-1'));
  return {
    us,
    eu,
    kill: async (signal: NodeJS.Signals) => {
      us.destroy();
      eu.destroy();
      await server.kill(signal);
    },
  };
}

async function keys(c: DynamoDBClient): Promise<Set<string>> {
  const found = new Set<string>();
  let from: any;
  do {
    const page = await c.send(new ScanCommand({ TableName: 'gtd', ExclusiveStartKey: from }));
    for (const i of page.Items!) found.add(i.pk!.S!);
    from = page.LastEvaluatedKey;
  } while (from);
  return found;
}

test('kill -9 during replication loses no acknowledged write in either region', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'stratus-ddb-gt-'));
  try {
    let s = await start(dir);
    await s.us.send(hashTable('gtd'));
    await s.us.send(new UpdateTableCommand({ TableName: 'gtd', ReplicaUpdates: [{ Create: { RegionName: 'eu-west-1' } }] }));
    const acked = new Set<string>();
    let stop = false;
    const writers = Array.from({ length: 6 }, async (_, w) => {
      const client = w % 2 === 0 ? s.us : s.eu;
      for (let i = 0; !stop; i++) {
        const pk = `${w % 2 === 0 ? 'us' : 'eu'}-${w}-${i}`;
        try {
          await client.send(new PutItemCommand({ TableName: 'gtd', Item: { pk: { S: pk }, data: { S: 'x'.repeat(100) } } }));
          acked.add(pk);
        } catch {
          return; // the server is gone
        }
      }
    });
    while (acked.size < 300) await new Promise((r) => setTimeout(r, 20));
    await s.kill('SIGKILL');
    stop = true;
    await Promise.all(writers);

    s = await start(dir);
    // Replication resumes after the restart; poll until both regions hold every acknowledged write.
    let us = new Set<string>();
    let eu = new Set<string>();
    for (let i = 0; i < 500; i++) {
      us = await keys(s.us);
      eu = await keys(s.eu);
      if ([...acked].every((k) => us.has(k) && eu.has(k))) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    assert.deepEqual([...acked].filter((k) => !us.has(k)), []);
    assert.deepEqual([...acked].filter((k) => !eu.has(k)), []);
    assert.ok([...acked].some((k) => k.startsWith('us')) && [...acked].some((k) => k.startsWith('eu')));
    await s.kill('SIGTERM');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
