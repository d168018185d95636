import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { CloudWatchLogsClient, FilterLogEventsCommand } from '@aws-sdk/client-cloudwatch-logs';
import { CreateStreamCommand, KinesisClient, PutRecordCommand } from '@aws-sdk/client-kinesis';
import { CreateEventSourceMappingCommand, CreateFunctionCommand, LambdaClient, waitUntilFunctionActiveV2 } from '@aws-sdk/client-lambda';
import { createZip } from '../../src/runtime/zip.js';
import { clientConfig, spawnServer } from '../helpers/server.js';
import { ROLE } from './helpers.js';

const HANDLER = `exports.handler = async (e) => {
  for (const r of e.Records) console.log('rec', JSON.stringify(Buffer.from(r.kinesis.data, 'base64').toString()));
};`;

describe('Kinesis event-source mapping across a kill -9', () => {
  it('continues after its checkpoint: records put before and after the crash are each handled once', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'stratus-kinesis-esm-crash-'));
    const clients = (endpoint: string) => {
      const c = clientConfig(endpoint);
      return { lambda: new LambdaClient(c), kinesis: new KinesisClient(c), logs: new CloudWatchLogsClient(c) };
    };
    const lines = async (logs: CloudWatchLogsClient): Promise<string[]> => {
      try {
        const out = await logs.send(new FilterLogEventsCommand({ logGroupName: '/aws/lambda/durable-kinesis', filterPattern: '"rec"' }));
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
      await c.lambda.send(new CreateFunctionCommand({ FunctionName: 'durable-kinesis', Runtime: 'nodejs20.x', Handler: 'index.handler', Role: ROLE, Code: { ZipFile: createZip({ 'index.js': HANDLER }) } }));
      await waitUntilFunctionActiveV2({ client: c.lambda, maxWaitTime: 30, minDelay: 1 }, { FunctionName: 'durable-kinesis' });
      await c.kinesis.send(new CreateStreamCommand({ StreamName: 'durable-kinesis', ShardCount: 2 }));
      await c.lambda.send(new CreateEventSourceMappingCommand({ FunctionName: 'durable-kinesis', EventSourceArn: 'arn:aws:kinesis:us-east-1:000000000000:stream/durable-kinesis', StartingPosition: 'TRIM_HORIZON' }));
      for (const n of ['k1', 'k2', 'k3']) await c.kinesis.send(new PutRecordCommand({ StreamName: 'durable-kinesis', PartitionKey: n, Data: Buffer.from(n) }));
      await waitFor(c.logs, ['k1', 'k2', 'k3']);
      await sleep(500); // the checkpoints are written as the runs end
      await first.kill('SIGKILL');
      for (const x of Object.values(c)) x.destroy();

      const second = await spawnServer(['--data-dir', dataDir]);
      c = clients(second.endpoint);
      for (const n of ['k4', 'k5']) await c.kinesis.send(new PutRecordCommand({ StreamName: 'durable-kinesis', PartitionKey: n, Data: Buffer.from(n) }));
      const got = await waitFor(c.logs, ['k4', 'k5']);
      await second.stop();
      for (const x of Object.values(c)) x.destroy();
      assert.deepEqual(got, ['k1', 'k2', 'k3', 'k4', 'k5']);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
