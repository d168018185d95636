import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { CreateQueueCommand, DeleteMessageBatchCommand, ReceiveMessageCommand, SendMessageBatchCommand, SQSClient } from '@aws-sdk/client-sqs';
import { clientConfig, spawnServer } from '../helpers/server.js';

describe('SQS durability', () => {
  it('kill -9 while producers and consumers run: every acknowledged message comes back, no deleted one does', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'stratus-sqs-crash-'));
    try {
      const first = await spawnServer(['--data-dir', dataDir]);
      const sqs = new SQSClient(clientConfig(first.endpoint));
      const { QueueUrl } = await sqs.send(new CreateQueueCommand({ QueueName: 'durable', Attributes: { VisibilityTimeout: '0' } }));
      const acked = new Set<string>();
      const deleted = new Set<string>();
      let stop = false;
      const producer = async (p: number) => {
        for (let i = 0; !stop; i++) {
          try {
            await sqs.send(new SendMessageBatchCommand({ QueueUrl, Entries: Array.from({ length: 10 }, (_, j) => ({ Id: `e${j}`, MessageBody: `p${p}-${i}-${j}` })) }));
            for (let j = 0; j < 10; j++) acked.add(`p${p}-${i}-${j}`);
          } catch {
            return;
          }
        }
      };
      const consumer = async () => {
        while (!stop) {
          try {
            const { Messages } = await sqs.send(new ReceiveMessageCommand({ QueueUrl, MaxNumberOfMessages: 10, VisibilityTimeout: 30 }));
            if (!Messages) continue;
            const r = await sqs.send(new DeleteMessageBatchCommand({ QueueUrl, Entries: Messages.map((m, i) => ({ Id: `d${i}`, ReceiptHandle: m.ReceiptHandle! })) }));
            for (const s of r.Successful ?? []) deleted.add(Messages[Number(s.Id!.slice(1))]!.Body!);
          } catch {
            return;
          }
        }
      };
      const work = [producer(1), producer(2), consumer(), consumer()];
      while (acked.size < 2000) await new Promise((r) => setTimeout(r, 20));
      await first.kill('SIGKILL');
      stop = true;
      await Promise.all(work);
      sqs.destroy();

      const second = await spawnServer(['--data-dir', dataDir]);
      const again = new SQSClient(clientConfig(second.endpoint));
      // Messages in flight at the crash come back once their visibility timeout ends.
      await fetch(`${second.endpoint}/_stratus/clock`, { method: 'POST', body: JSON.stringify({ advanceSeconds: 31 }) });
      const left = new Set<string>();
      for (;;) {
        const { Messages } = await again.send(new ReceiveMessageCommand({ QueueUrl, MaxNumberOfMessages: 10, VisibilityTimeout: 600 }));
        if (!Messages) break;
        for (const m of Messages) left.add(m.Body!);
      }
      await second.stop();
      again.destroy();
      for (const body of deleted) assert.ok(!left.has(body), `deleted ${body} came back`);
      const missing = [...acked].filter((b) => !left.has(b) && !deleted.has(b));
      assert.deepEqual(missing, [], 'acknowledged messages lost');
      assert.ok(deleted.size > 0 && left.size > 0);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
