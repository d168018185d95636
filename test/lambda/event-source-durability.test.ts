import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { CloudWatchLogsClient, FilterLogEventsCommand } from '@aws-sdk/client-cloudwatch-logs';
import { CreateTableCommand, DynamoDBClient, PutItemCommand } from '@aws-sdk/client-dynamodb';
import { CreateEventSourceMappingCommand, CreateFunctionCommand, LambdaClient, waitUntilFunctionActiveV2 } from '@aws-sdk/client-lambda';
import { CreateQueueCommand, SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { createZip } from '../../src/runtime/zip.js';
import { clientConfig, spawnServer } from '../helpers/server.js';
import { ROLE } from './helpers.js';

const HANDLER = `exports.handler = async (e) => {
  for (const r of e.Records) console.log('rec', JSON.stringify(r.body ?? r.dynamodb.Keys.id.S));
};`;

describe('Lambda event-source mappings across a kill -9', () => {
  it('resume after a restart: the queue mapping takes new messages, the stream mapping continues after its checkpoint', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'stratus-esm-crash-'));
    const clients = (endpoint: string) => {
      const c = clientConfig(endpoint);
      return { lambda: new LambdaClient(c), sqs: new SQSClient(c), ddb: new DynamoDBClient(c), logs: new CloudWatchLogsClient(c) };
    };
    const lines = async (logs: CloudWatchLogsClient): Promise<string[]> => {
      try {
        const out = await logs.send(new FilterLogEventsCommand({ logGroupName: '/aws/lambda/durable-esm', filterPattern: '"rec"' }));
        return (out.events ?? []).map((e) => JSON.parse(e.message!.slice(e.message!.indexOf('rec') + 4)) as string).sort();
      } catch {
        return [];
      }
    };
    const waitFor = async (logs: CloudWatchLogsClient, want: string[]): Promise<string[]> => {
      for (let i = 0; i < 600; i++) {
        const got = await lines(logs);
        if (want.every((w) => got.includes(w))) return got;
        await sleep(50);
      }
      throw new Error(`never logged ${want.join(', ')}: ${(await lines(logs)).join(', ')}`);
    };
    try {
      const first = await spawnServer(['--data-dir', dataDir]);
      let c = clients(first.endpoint);
      await c.lambda.send(new CreateFunctionCommand({ FunctionName: 'durable-esm', Runtime: 'nodejs20.x', Handler: 'index.handler', Role: ROLE, Code: { ZipFile: createZip({ 'index.js': HANDLER }) } }));
      await waitUntilFunctionActiveV2({ client: c.lambda, maxWaitTime: 30, minDelay: 1 }, { FunctionName: 'durable-esm' });
      const url = (await c.sqs.send(new CreateQueueCommand({ QueueName: 'durable-esm' }))).QueueUrl!;
      const table = await c.ddb.send(
        new CreateTableCommand({
          TableName: 'durable-esm',
          KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
          AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }],
          BillingMode: 'PAY_PER_REQUEST',
          StreamSpecification: { StreamEnabled: true, StreamViewType: 'KEYS_ONLY' },
        }),
      );
      await c.lambda.send(new CreateEventSourceMappingCommand({ FunctionName: 'durable-esm', EventSourceArn: 'arn:aws:sqs:us-east-1:000000000000:durable-esm' }));
      await c.lambda.send(new CreateEventSourceMappingCommand({ FunctionName: 'durable-esm', EventSourceArn: table.TableDescription!.LatestStreamArn!, StartingPosition: 'TRIM_HORIZON' }));
      await c.sqs.send(new SendMessageCommand({ QueueUrl: url, MessageBody: 'q1' }));
      for (const id of ['s1', 's2']) await c.ddb.send(new PutItemCommand({ TableName: 'durable-esm', Item: { id: { S: id } } }));
      await waitFor(c.logs, ['q1', 's1', 's2']);
      await sleep(500); // the checkpoints are written as the runs end
      await first.kill('SIGKILL');
      for (const x of Object.values(c)) x.destroy();

      const second = await spawnServer(['--data-dir', dataDir]);
      c = clients(second.endpoint);
      await c.sqs.send(new SendMessageCommand({ QueueUrl: url, MessageBody: 'q2' }));
      await c.ddb.send(new PutItemCommand({ TableName: 'durable-esm', Item: { id: { S: 's3' } } }));
      const got = await waitFor(c.logs, ['q2', 's3']);
      await second.stop();
      for (const x of Object.values(c)) x.destroy();
      // The stream mapping resumed after its checkpoint: nothing processed before the crash came again.
      assert.deepEqual(got, ['q1', 'q2', 's1', 's2', 's3']);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
