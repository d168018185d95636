import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { CloudWatchLogsClient, FilterLogEventsCommand } from '@aws-sdk/client-cloudwatch-logs';
import { DynamoDBClient, CreateTableCommand, PutItemCommand, GetItemCommand, ScanCommand } from '@aws-sdk/client-dynamodb';
import { InvokeCommand, LambdaClient } from '@aws-sdk/client-lambda';
import { clientConfig, spawnServer } from '../helpers/server.js';
import { createFunction } from '../lambda/helpers.js';

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

describe('Lambda Event invocations running at kill -9', () => {
  it('run again as soon as the server restarts on the same data dir, not once their lease ran out', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'stratus-durable-lambda-'));
    // Timeout 120 s: the lease of the former queue (timeout + 60 s) would have held the event for 3 minutes.
    const handler = 'exports.handler = async (e) => { await new Promise((r) => setTimeout(r, 3000)); console.log("done", e.k); };';
    const first = await spawnServer(['--data-dir', dataDir]);
    try {
      const lambda = new LambdaClient(clientConfig(first.endpoint));
      await createFunction(lambda, 'interrupted', { 'index.js': handler }, { Timeout: 120 });
      const ack = await lambda.send(new InvokeCommand({ FunctionName: 'interrupted', InvocationType: 'Event', Payload: Buffer.from('{"k":"v1"}') }));
      assert.equal(ack.StatusCode, 202);
      const busy = async (): Promise<number> => {
        const health = (await (await fetch(`${first.endpoint}/_stratus/health`)).json()) as { services: { lambda: { environments: { busy: number } } } };
        return health.services.lambda.environments.busy;
      };
      for (let i = 0; i < 600 && (await busy()) === 0; i++) await sleep(20);
      assert.equal(await busy(), 1, 'the invocation is running when the server is killed');
    } finally {
      await first.kill('SIGKILL');
    }

    const second = await spawnServer(['--data-dir', dataDir]);
    try {
      const logs = new CloudWatchLogsClient(clientConfig(second.endpoint));
      const events = async (pattern: string): Promise<string[]> => {
        try {
          const out = await logs.send(new FilterLogEventsCommand({ logGroupName: '/aws/lambda/interrupted', filterPattern: pattern }));
          return (out.events ?? []).map((e) => e.message!);
        } catch (e) {
          if ((e as Error).name === 'ResourceNotFoundException') return [];
          throw e;
        }
      };
      // Loose on purpose: the old behaviour needed 180 s (the lease), this one a few seconds.
      const deadline = Date.now() + 30_000;
      while (Date.now() < deadline && (await events('"done v1"')).length === 0) await sleep(100);
      assert.equal((await events('"done v1"')).length, 1, 'the interrupted invocation ran again, to its end, within 30 s');
      const ids = new Set((await events('START RequestId')).map((m) => /START RequestId: (\S+)/.exec(m)![1]));
      assert.equal(ids.size, 1, 'it ran as the same invocation (request id)');
    } finally {
      await second.stop();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
