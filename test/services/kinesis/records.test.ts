import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import {
  CreateStreamCommand,
  DescribeStreamCommand,
  GetRecordsCommand,
  GetShardIteratorCommand,
  ListShardsCommand,
  MergeShardsCommand,
  PutRecordCommand,
  PutRecordsCommand,
  SplitShardCommand,
  UpdateShardCountCommand,
  type KinesisClient,
} from '@aws-sdk/client-kinesis';
import type { TestServer } from '../../helpers/server.js';
import { failure, kinesisServer } from './helpers.js';

const ACCOUNT = '000000000000';
const text = (b: Uint8Array | undefined): string => Buffer.from(b ?? []).toString('utf8');

describe('Kinesis records', () => {
  let server: TestServer;
  let kinesis: KinesisClient;
  before(async () => {
    ({ server, kinesis } = await kinesisServer());
  });
  after(async () => {
    kinesis.destroy();
    await server.stop();
  });

  async function iterator(stream: string, shard: string, type: 'TRIM_HORIZON' | 'LATEST' | 'AT_SEQUENCE_NUMBER' | 'AFTER_SEQUENCE_NUMBER' | 'AT_TIMESTAMP', extra: { StartingSequenceNumber?: string; Timestamp?: Date } = {}): Promise<string> {
    return (await kinesis.send(new GetShardIteratorCommand({ StreamName: stream, ShardId: shard, ShardIteratorType: type, ...extra }))).ShardIterator!;
  }

  it('puts a record on the shard whose hash-key range holds the MD5 of its partition key', async () => {
    await kinesis.send(new CreateStreamCommand({ StreamName: 'hashing', ShardCount: 4 }));
    const shards = (await kinesis.send(new ListShardsCommand({ StreamName: 'hashing' }))).Shards!;
    for (const key of ['alpha', 'beta', 'gamma', 'delta', 'épsilon']) {
      const out = await kinesis.send(new PutRecordCommand({ StreamName: 'hashing', PartitionKey: key, Data: Buffer.from(key) }));
      const h = BigInt(`0x${createHash('md5').update(key, 'utf8').digest('hex')}`);
      const expected = shards.find((s) => h >= BigInt(s.HashKeyRange!.StartingHashKey!) && h <= BigInt(s.HashKeyRange!.EndingHashKey!))!;
      assert.equal(out.ShardId, expected.ShardId);
      assert.match(out.SequenceNumber!, /^\d{56}$/);
      assert.equal(out.EncryptionType, 'NONE');
    }
    const explicit = await kinesis.send(new PutRecordCommand({ StreamName: 'hashing', PartitionKey: 'x', ExplicitHashKey: '340282366920938463463374607431768211455', Data: Buffer.from('last') }));
    assert.equal(explicit.ShardId, 'shardId-000000000003');
    const tooBig = await failure(kinesis.send(new PutRecordCommand({ StreamName: 'hashing', PartitionKey: 'x', ExplicitHashKey: '340282366920938463463374607431768211456', Data: Buffer.from('x') })));
    assert.equal(tooBig.name, 'InvalidArgumentException');
    assert.equal(tooBig.message, 'Invalid ExplicitHashKey. ExplicitHashKey must be in the range: [0, 2^128-1]. Specified value was 340282366920938463463374607431768211456');
  });

  it('reads a shard in order with every iterator type', async () => {
    await kinesis.send(new CreateStreamCommand({ StreamName: 'reads', ShardCount: 1 }));
    const shard = 'shardId-000000000000';
    const latest = await iterator('reads', shard, 'LATEST');
    const seqs: string[] = [];
    for (let i = 0; i < 5; i++) {
      seqs.push((await kinesis.send(new PutRecordCommand({ StreamName: 'reads', PartitionKey: `k${i}`, Data: Buffer.from(`r${i}`) }))).SequenceNumber!);
      server.clock.advance(1000);
    }
    assert.deepEqual([...seqs].sort((a, b) => (BigInt(a) < BigInt(b) ? -1 : 1)), seqs);

    const all = await kinesis.send(new GetRecordsCommand({ ShardIterator: await iterator('reads', shard, 'TRIM_HORIZON'), Limit: 3 }));
    assert.deepEqual(all.Records!.map((r) => text(r.Data)), ['r0', 'r1', 'r2']);
    assert.deepEqual(all.Records!.map((r) => r.PartitionKey), ['k0', 'k1', 'k2']);
    assert.deepEqual(all.Records!.map((r) => r.SequenceNumber), seqs.slice(0, 3));
    assert.ok(all.Records![0]!.ApproximateArrivalTimestamp instanceof Date);
    // Two records are left, the oldest of them put at least 2 s of platform time ago (the clock moved 1 s after each put).
    assert.ok(all.MillisBehindLatest! >= 2000);
    const rest = await kinesis.send(new GetRecordsCommand({ ShardIterator: all.NextShardIterator! }));
    assert.deepEqual(rest.Records!.map((r) => text(r.Data)), ['r3', 'r4']);
    assert.equal(rest.MillisBehindLatest, 0);
    const empty = await kinesis.send(new GetRecordsCommand({ ShardIterator: rest.NextShardIterator! }));
    assert.deepEqual(empty.Records, []);
    assert.ok(empty.NextShardIterator);

    const fromLatest = await kinesis.send(new GetRecordsCommand({ ShardIterator: latest }));
    assert.deepEqual(fromLatest.Records!.map((r) => text(r.Data)), ['r0', 'r1', 'r2', 'r3', 'r4']);
    const nowLatest = await kinesis.send(new GetRecordsCommand({ ShardIterator: await iterator('reads', shard, 'LATEST') }));
    assert.deepEqual(nowLatest.Records, []);

    const at = await kinesis.send(new GetRecordsCommand({ ShardIterator: await iterator('reads', shard, 'AT_SEQUENCE_NUMBER', { StartingSequenceNumber: seqs[2] }) }));
    assert.deepEqual(at.Records!.map((r) => text(r.Data)), ['r2', 'r3', 'r4']);
    const afterSeq = await kinesis.send(new GetRecordsCommand({ ShardIterator: await iterator('reads', shard, 'AFTER_SEQUENCE_NUMBER', { StartingSequenceNumber: seqs[2] }) }));
    assert.deepEqual(afterSeq.Records!.map((r) => text(r.Data)), ['r3', 'r4']);
    // The shard's StartingSequenceNumber is no record's: AFTER it is the first record.
    const start = (await kinesis.send(new ListShardsCommand({ StreamName: 'reads' }))).Shards![0]!.SequenceNumberRange!.StartingSequenceNumber!;
    assert.ok(BigInt(start) < BigInt(seqs[0]!));
    const afterStart = await kinesis.send(new GetRecordsCommand({ ShardIterator: await iterator('reads', shard, 'AFTER_SEQUENCE_NUMBER', { StartingSequenceNumber: start }), Limit: 1 }));
    assert.deepEqual(afterStart.Records!.map((r) => text(r.Data)), ['r0']);
    const ts = all.Records![1]!.ApproximateArrivalTimestamp!;
    const byTime = await kinesis.send(new GetRecordsCommand({ ShardIterator: await iterator('reads', shard, 'AT_TIMESTAMP', { Timestamp: ts }) }));
    assert.deepEqual(byTime.Records!.map((r) => text(r.Data)), ['r1', 'r2', 'r3', 'r4']);
  });

  it('refuses iterators as AWS does', async () => {
    await kinesis.send(new CreateStreamCommand({ StreamName: 'iters', ShardCount: 2 }));
    const seq = (await kinesis.send(new PutRecordCommand({ StreamName: 'iters', PartitionKey: 'a', Data: Buffer.from('x') }))).SequenceNumber!;
    const put = await kinesis.send(new PutRecordCommand({ StreamName: 'iters', PartitionKey: 'a', Data: Buffer.from('y') }));
    const other = put.ShardId === 'shardId-000000000000' ? 'shardId-000000000001' : 'shardId-000000000000';
    const wrongShard = await failure(iterator('iters', other, 'AT_SEQUENCE_NUMBER', { StartingSequenceNumber: seq }));
    assert.equal(wrongShard.name, 'InvalidArgumentException');
    assert.equal(wrongShard.message, `Invalid StartingSequenceNumber. It encodes ${put.ShardId}, while it was used in a call to a shard with ${other}`);
    const noSeq = await failure(iterator('iters', other, 'AT_SEQUENCE_NUMBER'));
    assert.equal(
      noSeq.message,
      'Must either specify (1) AT_SEQUENCE_NUMBER or AFTER_SEQUENCE_NUMBER and StartingSequenceNumber or (2) TRIM_HORIZON or LATEST and no StartingSequenceNumber. Request specified AT_SEQUENCE_NUMBER and no StartingSequenceNumber.',
    );
    const noShard = await failure(iterator('iters', 'shardId-000000000009', 'LATEST'));
    assert.equal(noShard.name, 'ResourceNotFoundException');
    assert.equal(noShard.message, `Shard shardId-000000000009 in stream iters under account ${ACCOUNT} does not exist`);
    const future = await failure(iterator('iters', other, 'AT_TIMESTAMP', { Timestamp: new Date(server.clock.now() + 60_000) }));
    assert.equal(future.name, 'InvalidArgumentException');
    assert.match(future.message, /^The timestampInMillis parameter cannot be greater than the currentTimestampInMillis\./);
    const invalid = await failure(kinesis.send(new GetRecordsCommand({ ShardIterator: 'AAAAnotaniterator' })));
    assert.equal(invalid.name, 'InvalidArgumentException');
    assert.equal(invalid.message, 'Invalid ShardIterator.');

    const it5 = await iterator('iters', other, 'TRIM_HORIZON');
    server.clock.advance(300_001);
    const expired = await failure(kinesis.send(new GetRecordsCommand({ ShardIterator: it5 })));
    assert.equal(expired.name, 'ExpiredIteratorException');
    assert.match(expired.message, /^Iterator expired\. The iterator was created at time \w{3} \w{3} \d{2} \d{2}:\d{2}:\d{2} UTC \d{4} while right now it is .* which is further in the future than the tolerated delay of 300000 milliseconds\.$/);
  });

  it('puts a batch with PutRecords, in order within each shard', async () => {
    await kinesis.send(new CreateStreamCommand({ StreamName: 'batch', ShardCount: 2 }));
    const records = Array.from({ length: 20 }, (_, i) => ({ PartitionKey: `p${i % 4}`, Data: Buffer.from(`b${i}`) }));
    const out = await kinesis.send(new PutRecordsCommand({ StreamName: 'batch', Records: records }));
    assert.equal(out.FailedRecordCount, 0);
    assert.equal(out.Records!.length, 20);
    for (const shard of ['shardId-000000000000', 'shardId-000000000001']) {
      const got = await kinesis.send(new GetRecordsCommand({ ShardIterator: await iterator('batch', shard, 'TRIM_HORIZON') }));
      const expected = out.Records!.map((r, i) => ({ r, i })).filter(({ r }) => r.ShardId === shard);
      assert.deepEqual(got.Records!.map((r) => text(r.Data)), expected.map(({ i }) => `b${i}`));
      assert.deepEqual(got.Records!.map((r) => r.SequenceNumber), expected.map(({ r }) => r.SequenceNumber));
    }
    const big = await failure(kinesis.send(new PutRecordsCommand({ StreamName: 'batch', Records: Array.from({ length: 6 }, () => ({ PartitionKey: 'a', Data: Buffer.alloc(1024 * 1024 - 1) })) })));
    assert.equal(big.name, 'InvalidArgumentException');
    const oversized = await failure(kinesis.send(new PutRecordCommand({ StreamName: 'batch', PartitionKey: 'a', Data: Buffer.alloc(1024 * 1024) })));
    assert.equal(oversized.name, 'ValidationException');
    const missing = await failure(kinesis.send(new PutRecordsCommand({ StreamName: 'none', Records: records })));
    assert.equal(missing.name, 'ResourceNotFoundException');
    assert.equal(missing.message, `Stream none under account ${ACCOUNT} not found.`);
  });

  it('trims records past the retention period', async () => {
    await kinesis.send(new CreateStreamCommand({ StreamName: 'trimmed', ShardCount: 1 }));
    await kinesis.send(new PutRecordCommand({ StreamName: 'trimmed', PartitionKey: 'o', Data: Buffer.from('old') }));
    server.clock.advance(23 * 3_600_000);
    await kinesis.send(new PutRecordCommand({ StreamName: 'trimmed', PartitionKey: 'a', Data: Buffer.from('new') }));
    const before = await kinesis.send(new GetRecordsCommand({ ShardIterator: await iterator('trimmed', 'shardId-000000000000', 'TRIM_HORIZON') }));
    assert.deepEqual(before.Records!.map((r) => text(r.Data)), ['old', 'new']);
    server.clock.advance(2 * 3_600_000);
    const after = await kinesis.send(new GetRecordsCommand({ ShardIterator: await iterator('trimmed', 'shardId-000000000000', 'TRIM_HORIZON') }));
    assert.deepEqual(after.Records!.map((r) => text(r.Data)), ['new']);
    // The trim job (due at the first record's expiry) deletes the expired row itself.
    let left = 1;
    for (let i = 0; i < 200 && left > 0; i++) {
      await new Promise((r) => setTimeout(r, 10));
      left = Number((await server.db.get<{ n: number }>("SELECT COUNT(*) AS n FROM kinesis_records WHERE pkey = 'o'"))?.n ?? 0);
    }
    assert.equal(left, 0);
  });

  it('splits and merges shards: parents close, children continue', async () => {
    await kinesis.send(new CreateStreamCommand({ StreamName: 'reshard', ShardCount: 1 }));
    await kinesis.send(new PutRecordCommand({ StreamName: 'reshard', PartitionKey: 'a', Data: Buffer.from('before') }));
    const parentIt = await iterator('reshard', 'shardId-000000000000', 'TRIM_HORIZON');
    const bad = await failure(kinesis.send(new SplitShardCommand({ StreamName: 'reshard', ShardToSplit: 'shardId-000000000000', NewStartingHashKey: '1' })));
    assert.equal(bad.name, 'InvalidArgumentException');
    await kinesis.send(new SplitShardCommand({ StreamName: 'reshard', ShardToSplit: 'shardId-000000000000', NewStartingHashKey: '170141183460469231731687303715884105728' }));
    const d = (await kinesis.send(new DescribeStreamCommand({ StreamName: 'reshard' }))).StreamDescription!;
    assert.deepEqual(
      d.Shards!.map((s) => [s.ShardId, s.ParentShardId, s.HashKeyRange!.StartingHashKey, s.SequenceNumberRange!.EndingSequenceNumber !== undefined]),
      [
        ['shardId-000000000000', undefined, '0', true],
        ['shardId-000000000001', 'shardId-000000000000', '0', false],
        ['shardId-000000000002', 'shardId-000000000000', '170141183460469231731687303715884105728', false],
      ],
    );
    const parent = await kinesis.send(new GetRecordsCommand({ ShardIterator: parentIt }));
    assert.deepEqual(parent.Records!.map((r) => text(r.Data)), ['before']);
    assert.equal(parent.NextShardIterator, undefined);
    assert.deepEqual(parent.ChildShards!.map((c) => [c.ShardId, c.ParentShards]), [
      ['shardId-000000000001', ['shardId-000000000000']],
      ['shardId-000000000002', ['shardId-000000000000']],
    ]);
    const closedSplit = await failure(kinesis.send(new SplitShardCommand({ StreamName: 'reshard', ShardToSplit: 'shardId-000000000000', NewStartingHashKey: '12345' })));
    assert.equal(closedSplit.name, 'ResourceNotFoundException');
    assert.equal(closedSplit.message, `Could not find shard shardId-000000000000 in stream reshard under account ${ACCOUNT}.`);
    await kinesis.send(new MergeShardsCommand({ StreamName: 'reshard', ShardToMerge: 'shardId-000000000001', AdjacentShardToMerge: 'shardId-000000000002' }));
    const open = (await kinesis.send(new ListShardsCommand({ StreamName: 'reshard', ShardFilter: { Type: 'AT_LATEST' } }))).Shards!;
    assert.deepEqual(
      open.map((s) => [s.ShardId, s.ParentShardId, s.AdjacentParentShardId, s.HashKeyRange!.StartingHashKey, s.HashKeyRange!.EndingHashKey]),
      [['shardId-000000000003', 'shardId-000000000001', 'shardId-000000000002', '0', '340282366920938463463374607431768211455']],
    );
    const put = await kinesis.send(new PutRecordCommand({ StreamName: 'reshard', PartitionKey: 'a', Data: Buffer.from('after') }));
    assert.equal(put.ShardId, 'shardId-000000000003');
  });

  it('scales a provisioned stream uniformly with UpdateShardCount', async () => {
    await kinesis.send(new CreateStreamCommand({ StreamName: 'scaled', ShardCount: 2 }));
    const tooMany = await failure(kinesis.send(new UpdateShardCountCommand({ StreamName: 'scaled', TargetShardCount: 5, ScalingType: 'UNIFORM_SCALING' })));
    assert.equal(tooMany.name, 'InvalidArgumentException');
    const out = await kinesis.send(new UpdateShardCountCommand({ StreamName: 'scaled', TargetShardCount: 4, ScalingType: 'UNIFORM_SCALING' }));
    assert.deepEqual([out.CurrentShardCount, out.TargetShardCount, out.StreamName], [2, 4, 'scaled']);
    const open = (await kinesis.send(new ListShardsCommand({ StreamName: 'scaled', ShardFilter: { Type: 'AT_LATEST' } }))).Shards!;
    assert.deepEqual(open.map((s) => [s.ShardId, s.ParentShardId]), [
      ['shardId-000000000002', 'shardId-000000000000'],
      ['shardId-000000000003', 'shardId-000000000000'],
      ['shardId-000000000004', 'shardId-000000000001'],
      ['shardId-000000000005', 'shardId-000000000001'],
    ]);
  });
});
