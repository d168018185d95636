/**
 * Kinesis Data Streams: PutRecords then GetRecords throughput through the SDK (HTTP/1.1), against an
 * in-process Stratus and, when the `kinesalite` package is installed, against kinesalite in the same run.
 * - put: `records` records of 100 bytes in PutRecords calls of 500, from 8 concurrent senders, to a
 *   stream of 4 shards; records per second;
 * - get: every shard read from TRIM_HORIZON with GetRecords (Limit 10000) to its end; records per second.
 *   npm run build && node dist/bench/kinesis/bench.js [records]
 */
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { CreateStreamCommand, DescribeStreamSummaryCommand, GetRecordsCommand, GetShardIteratorCommand, KinesisClient, ListShardsCommand, PutRecordsCommand } from '@aws-sdk/client-kinesis';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import { defaultConfig } from '../../src/core/config.js';
import { startStratus } from '../../src/server/server.js';
import { definition as kinesisService } from '../../src/services/kinesis/index.js';

const records = Number(process.argv[2] ?? 50_000);
const now = (): number => performance.now();

async function run(endpoint: string): Promise<{ put: number; get: number }> {
  const k = new KinesisClient({ endpoint, region: 'us-east-1', credentials: { accessKeyId: 'test', secretAccessKey: 'test' }, maxAttempts: 1, requestHandler: new NodeHttpHandler() });
  await k.send(new CreateStreamCommand({ StreamName: 'bench', ShardCount: 4 }));
  while ((await k.send(new DescribeStreamSummaryCommand({ StreamName: 'bench' }))).StreamDescriptionSummary!.StreamStatus !== 'ACTIVE') await new Promise((r) => setTimeout(r, 50));
  const data = Buffer.alloc(100, 120);
  let next = 0;
  const t0 = now();
  await Promise.all(
    Array.from({ length: 8 }, async () => {
      while (next < records) {
        const from = next;
        next += 500;
        const n = Math.min(500, records - from);
        await k.send(new PutRecordsCommand({ StreamName: 'bench', Records: Array.from({ length: n }, (_, i) => ({ PartitionKey: `k${from + i}`, Data: data })) }));
      }
    }),
  );
  const put = records / ((now() - t0) / 1000);
  const t1 = now();
  let read = 0;
  for (const shard of (await k.send(new ListShardsCommand({ StreamName: 'bench' }))).Shards!) {
    let it = (await k.send(new GetShardIteratorCommand({ StreamName: 'bench', ShardId: shard.ShardId!, ShardIteratorType: 'TRIM_HORIZON' }))).ShardIterator;
    while (it) {
      const out = await k.send(new GetRecordsCommand({ ShardIterator: it, Limit: 10_000 }));
      read += out.Records!.length;
      it = out.Records!.length > 0 ? out.NextShardIterator : undefined;
    }
  }
  if (read !== records) throw new Error(`read ${read} of ${records} records`);
  const get = records / ((now() - t1) / 1000);
  k.destroy();
  return { put, get };
}

const stratus = await startStratus({ ...defaultConfig(), port: 0, dataDir: undefined, logRequests: false }, { services: [kinesisService] });
const ours = await run(stratus.endpoint);
await stratus.close();
console.log(`Kinesis, ${records} records of 100 bytes, 4 shards, SDK over HTTP/1.1`);
console.log(`Stratus     PutRecords ${Math.round(ours.put)} records/s   GetRecords ${Math.round(ours.get)} records/s`);

interface Listening {
  listen(port: number, cb: () => void): unknown;
  address(): AddressInfo;
  close(cb: () => void): void;
}
let kinesalite: ((options: object) => Listening) | undefined;
try {
  kinesalite = createRequire(import.meta.url)('kinesalite');
} catch {
  console.log('kinesalite: not installed (add it to devDependencies to compare in the same run)');
}
if (kinesalite) {
  const server = kinesalite({ createStreamMs: 0, deleteStreamMs: 0, updateStreamMs: 0 });
  await new Promise<void>((resolve) => server.listen(0, resolve));
  const port = server.address().port;
  const theirs = await run(`http://127.0.0.1:${port}`);
  await new Promise<void>((resolve) => server.close(() => resolve()));
  console.log(`kinesalite  PutRecords ${Math.round(theirs.put)} records/s   GetRecords ${Math.round(theirs.get)} records/s`);
  console.log(`ratio       PutRecords ${(ours.put / theirs.put).toFixed(2)}x   GetRecords ${(ours.get / theirs.get).toFixed(2)}x`);
}
