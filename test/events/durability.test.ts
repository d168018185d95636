import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { EventBridgeClient, PutEventsCommand, PutRuleCommand, PutTargetsCommand } from '@aws-sdk/client-eventbridge';
import { CreateQueueCommand, SQSClient } from '@aws-sdk/client-sqs';
import { clientConfig, spawnServer } from '../helpers/server.js';
import { receiveN } from './helpers.js';

describe('EventBridge durability', () => {
  it('kill -9 while events are put: every acknowledged event is delivered after the restart', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'stratus-events-crash-'));
    try {
      const first = await spawnServer(['--data-dir', dataDir]);
      const events = new EventBridgeClient(clientConfig(first.endpoint));
      const sqs = new SQSClient(clientConfig(first.endpoint));
      const { QueueUrl } = await sqs.send(new CreateQueueCommand({ QueueName: 'sink' }));
      await events.send(new PutRuleCommand({ Name: 'all', EventPattern: JSON.stringify({ source: ['load'] }) }));
      await events.send(new PutTargetsCommand({ Rule: 'all', Targets: [{ Id: 'q', Arn: 'arn:aws:sqs:us-east-1:000000000000:sink' }] }));
      const acked = new Set<string>();
      let stop = false;
      const producer = async (p: number) => {
        for (let i = 0; !stop; i++) {
          try {
            const out = await events.send(new PutEventsCommand({ Entries: Array.from({ length: 10 }, (_, j) => ({ Source: 'load', DetailType: 'L', Detail: JSON.stringify({ k: `${p}-${i}-${j}` }) })) }));
            for (const e of out.Entries ?? []) if (e.EventId) acked.add(e.EventId);
          } catch {
            return;
          }
        }
      };
      const work = [producer(1), producer(2)];
      while (acked.size < 300) await new Promise((r) => setTimeout(r, 10));
      await first.kill('SIGKILL');
      stop = true;
      await Promise.all(work);
      events.destroy();
      sqs.destroy();

      const second = await spawnServer(['--data-dir', dataDir]);
      const again = new SQSClient(clientConfig(second.endpoint));
      // Messages received before the crash (none here) would come back after their visibility timeout.
      const seen = new Set<string>();
      for (let round = 0; round < 40; round++) {
        const got = await receiveN(again, QueueUrl!, 10, 1);
        for (const m of got) seen.add(JSON.parse(m.Body!).id);
        if ([...acked].every((id) => seen.has(id))) break;
      }
      await second.stop();
      again.destroy();
      const missing = [...acked].filter((id) => !seen.has(id));
      assert.deepEqual(missing, [], 'acknowledged events lost');
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
