import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  CreateStreamCommand,
  DeleteStreamCommand,
  DeregisterStreamConsumerCommand,
  DescribeStreamConsumerCommand,
  DescribeStreamSummaryCommand,
  KinesisClient,
  ListStreamConsumersCommand,
  PutRecordCommand,
  RegisterStreamConsumerCommand,
  SplitShardCommand,
  SubscribeToShardCommand,
} from '@aws-sdk/client-kinesis';
import { clientConfig, type TestServer } from '../../helpers/server.js';
import { failure, kinesisServer } from './helpers.js';

const ACCOUNT = '000000000000';
const streamArn = (name: string) => `arn:aws:kinesis:us-east-1:${ACCOUNT}:stream/${name}`;
const text = (b: Uint8Array | undefined): string => Buffer.from(b ?? []).toString('utf8');

describe('Kinesis enhanced fan-out', () => {
  let server: TestServer;
  let kinesis: KinesisClient;
  before(async () => {
    ({ server } = await kinesisServer());
    // The SDK's default handler: HTTP/2 in cleartext, as SubscribeToShard needs.
    kinesis = new KinesisClient(clientConfig(server.endpoint));
  });
  after(async () => {
    kinesis.destroy();
    await server.stop();
  });

  it('registers, describes, lists and deregisters consumers', async () => {
    await kinesis.send(new CreateStreamCommand({ StreamName: 'fan', ShardCount: 1 }));
    const c = (await kinesis.send(new RegisterStreamConsumerCommand({ StreamARN: streamArn('fan'), ConsumerName: 'app' }))).Consumer!;
    assert.match(c.ConsumerARN!, new RegExp(`^${streamArn('fan')}/consumer/app:\\d+$`));
    assert.equal(c.ConsumerStatus, 'ACTIVE');
    const dup = await failure(kinesis.send(new RegisterStreamConsumerCommand({ StreamARN: streamArn('fan'), ConsumerName: 'app' })));
    assert.equal(dup.name, 'ResourceInUseException');
    await kinesis.send(new RegisterStreamConsumerCommand({ StreamARN: streamArn('fan'), ConsumerName: 'other' }));
    const byArn = (await kinesis.send(new DescribeStreamConsumerCommand({ ConsumerARN: c.ConsumerARN }))).ConsumerDescription!;
    assert.equal(byArn.ConsumerName, 'app');
    assert.equal(byArn.StreamARN, streamArn('fan'));
    const byName = (await kinesis.send(new DescribeStreamConsumerCommand({ StreamARN: streamArn('fan'), ConsumerName: 'app' }))).ConsumerDescription!;
    assert.equal(byName.ConsumerARN, c.ConsumerARN);
    const page = await kinesis.send(new ListStreamConsumersCommand({ StreamARN: streamArn('fan'), MaxResults: 1 }));
    assert.deepEqual(page.Consumers!.map((x) => x.ConsumerName), ['app']);
    const rest = await kinesis.send(new ListStreamConsumersCommand({ StreamARN: streamArn('fan'), NextToken: page.NextToken }));
    assert.deepEqual(rest.Consumers!.map((x) => x.ConsumerName), ['other']);
    assert.equal((await kinesis.send(new DescribeStreamSummaryCommand({ StreamName: 'fan' }))).StreamDescriptionSummary!.ConsumerCount, 2);
    const refused = await failure(kinesis.send(new DeleteStreamCommand({ StreamName: 'fan' })));
    assert.equal(refused.name, 'ResourceInUseException');
    await kinesis.send(new DeregisterStreamConsumerCommand({ ConsumerARN: c.ConsumerARN }));
    const gone = await failure(kinesis.send(new DescribeStreamConsumerCommand({ ConsumerARN: c.ConsumerARN })));
    assert.equal(gone.name, 'ResourceNotFoundException');
    await kinesis.send(new DeleteStreamCommand({ StreamName: 'fan', EnforceConsumerDeletion: true }));
  });

  it('SubscribeToShard pushes records as they are put, then the child shards once the shard closes', async () => {
    await kinesis.send(new CreateStreamCommand({ StreamName: 'pushed', ShardCount: 1 }));
    const c = (await kinesis.send(new RegisterStreamConsumerCommand({ StreamARN: streamArn('pushed'), ConsumerName: 'sub' }))).Consumer!;
    const first = await kinesis.send(new PutRecordCommand({ StreamName: 'pushed', PartitionKey: 'k', Data: Buffer.from('one') }));
    await kinesis.send(new PutRecordCommand({ StreamName: 'pushed', PartitionKey: 'k', Data: Buffer.from('two') }));
    const out = await kinesis.send(new SubscribeToShardCommand({ ConsumerARN: c.ConsumerARN, ShardId: 'shardId-000000000000', StartingPosition: { Type: 'AT_SEQUENCE_NUMBER', SequenceNumber: first.SequenceNumber } }));
    const seen: string[] = [];
    let children: string[] = [];
    let step = 0;
    for await (const event of out.EventStream!) {
      const e = event.SubscribeToShardEvent;
      assert.ok(e, `an event: ${JSON.stringify(event)}`);
      for (const r of e.Records!) seen.push(text(r.Data));
      assert.match(e.ContinuationSequenceNumber!, /^\d{56}$/);
      assert.equal(typeof e.MillisBehindLatest, 'number');
      if (e.ChildShards) {
        children = e.ChildShards.map((s) => s.ShardId!);
        break;
      }
      if (seen.length === 2 && step === 0) {
        step = 1;
        await kinesis.send(new PutRecordCommand({ StreamName: 'pushed', PartitionKey: 'k', Data: Buffer.from('three') }));
      } else if (seen.length === 3 && step === 1) {
        step = 2;
        await kinesis.send(new SplitShardCommand({ StreamName: 'pushed', ShardToSplit: 'shardId-000000000000', NewStartingHashKey: '170141183460469231731687303715884105728' }));
        server.clock.advance(5000); // the next heartbeat reads the closed shard's end
      }
    }
    assert.deepEqual(seen, ['one', 'two', 'three']);
    assert.deepEqual(children, ['shardId-000000000001', 'shardId-000000000002']);
  });

  it('SubscribeToShard refuses an unknown consumer', async () => {
    await kinesis.send(new CreateStreamCommand({ StreamName: 'nosub', ShardCount: 1 }));
    const err = await failure(kinesis.send(new SubscribeToShardCommand({ ConsumerARN: `${streamArn('nosub')}/consumer/none:1`, ShardId: 'shardId-000000000000', StartingPosition: { Type: 'LATEST' } })));
    assert.equal(err.name, 'ResourceNotFoundException');
  });
});
