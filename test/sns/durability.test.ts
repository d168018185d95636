import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { CreateTopicCommand, PublishBatchCommand, PublishCommand, SNSClient, SubscribeCommand } from '@aws-sdk/client-sns';
import { CreateQueueCommand, DeleteMessageBatchCommand, ReceiveMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { clientConfig, spawnServer } from '../helpers/server.js';

describe('SNS durability', () => {
  it('kill -9 while publishers run: every acknowledged publish is delivered after the restart', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'stratus-sns-crash-'));
    try {
      const first = await spawnServer(['--data-dir', dataDir]);
      const sns = new SNSClient(clientConfig(first.endpoint));
      const sqs = new SQSClient(clientConfig(first.endpoint));
      const { TopicArn } = await sns.send(new CreateTopicCommand({ Name: 'durable' }));
      const { QueueUrl } = await sqs.send(new CreateQueueCommand({ QueueName: 'durable-sink' }));
      await sns.send(new SubscribeCommand({ TopicArn, Protocol: 'sqs', Endpoint: 'arn:aws:sqs:us-east-1:000000000000:durable-sink', Attributes: { RawMessageDelivery: 'true' } }));
      const acked = new Set<string>();
      let stop = false;
      const publisher = async (p: number) => {
        for (let i = 0; !stop; i++) {
          try {
            if (i % 2) {
              await sns.send(new PublishBatchCommand({ TopicArn, PublishBatchRequestEntries: Array.from({ length: 10 }, (_, j) => ({ Id: `e${j}`, Message: `p${p}-${i}-${j}` })) }));
              for (let j = 0; j < 10; j++) acked.add(`p${p}-${i}-${j}`);
            } else {
              await sns.send(new PublishCommand({ TopicArn, Message: `p${p}-${i}` }));
              acked.add(`p${p}-${i}`);
            }
          } catch {
            return;
          }
        }
      };
      const work = [publisher(1), publisher(2), publisher(3)];
      while (acked.size < 600) await new Promise((r) => setTimeout(r, 20));
      await first.kill('SIGKILL');
      stop = true;
      await Promise.all(work);
      sns.destroy();
      sqs.destroy();

      const second = await spawnServer(['--data-dir', dataDir]);
      const again = new SQSClient(clientConfig(second.endpoint));
      const got = new Set<string>();
      const until = Date.now() + 60_000;
      while (Date.now() < until && [...acked].some((b) => !got.has(b))) {
        const { Messages } = await again.send(new ReceiveMessageCommand({ QueueUrl, MaxNumberOfMessages: 10, WaitTimeSeconds: 1 }));
        if (!Messages) continue;
        for (const m of Messages) got.add(m.Body!);
        await again.send(new DeleteMessageBatchCommand({ QueueUrl, Entries: Messages.map((m, i) => ({ Id: `d${i}`, ReceiptHandle: m.ReceiptHandle! })) }));
      }
      await second.stop();
      again.destroy();
      const missing = [...acked].filter((b) => !got.has(b));
      assert.deepEqual(missing, [], 'acknowledged publishes lost');
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
