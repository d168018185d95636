import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { CreateStreamCommand, GetRecordsCommand, GetShardIteratorCommand, ListShardsCommand, PutRecordsCommand } from '@aws-sdk/client-kinesis';
import { spawnServer } from '../../helpers/server.js';
import { kinesisClient } from './helpers.js';

describe('Kinesis durability', () => {
  it('kill -9 while producers write: every acknowledged record is read back after restart, in order per shard', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'stratus-kinesis-crash-'));
    try {
      const first = await spawnServer(['--data-dir', dataDir]);
      const kinesis = kinesisClient(first.endpoint);
      await kinesis.send(new CreateStreamCommand({ StreamName: 'durable', ShardCount: 2 }));
      const acked: { data: string; shard: string; seq: string }[] = [];
      let stop = false;
      const producer = async (p: number) => {
        for (let i = 0; !stop; i++) {
          try {
            const Records = Array.from({ length: 20 }, (_, j) => ({ PartitionKey: `k${j}`, Data: Buffer.from(`p${p}-${i}-${j}`) }));
            const out = await kinesis.send(new PutRecordsCommand({ StreamName: 'durable', Records }));
            out.Records!.forEach((r, j) => acked.push({ data: `p${p}-${i}-${j}`, shard: r.ShardId!, seq: r.SequenceNumber! }));
          } catch {
            return;
          }
        }
      };
      const work = [producer(1), producer(2)];
      while (acked.length < 2000) await new Promise((r) => setTimeout(r, 20));
      await first.kill('SIGKILL');
      stop = true;
      await Promise.all(work);
      kinesis.destroy();

      const second = await spawnServer(['--data-dir', dataDir]);
      const again = kinesisClient(second.endpoint);
      const found = new Map<string, string>();
      for (const shard of (await again.send(new ListShardsCommand({ StreamName: 'durable' }))).Shards!) {
        let it = (await again.send(new GetShardIteratorCommand({ StreamName: 'durable', ShardId: shard.ShardId!, ShardIteratorType: 'TRIM_HORIZON' }))).ShardIterator;
        let last = -1n;
        while (it) {
          const out = await again.send(new GetRecordsCommand({ ShardIterator: it }));
          for (const r of out.Records!) {
            assert.ok(BigInt(r.SequenceNumber!) > last, 'sequence numbers increase within a shard');
            last = BigInt(r.SequenceNumber!);
            found.set(Buffer.from(r.Data!).toString(), `${shard.ShardId}/${r.SequenceNumber}`);
          }
          it = out.Records!.length ? out.NextShardIterator : undefined;
        }
      }
      await second.stop();
      again.destroy();
      for (const a of acked) assert.equal(found.get(a.data), `${a.shard}/${a.seq}`, `acknowledged ${a.data} was lost`);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
