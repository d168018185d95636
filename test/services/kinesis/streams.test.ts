import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  AddTagsToStreamCommand,
  CreateStreamCommand,
  DecreaseStreamRetentionPeriodCommand,
  DeleteStreamCommand,
  DescribeLimitsCommand,
  DisableEnhancedMonitoringCommand,
  EnableEnhancedMonitoringCommand,
  DescribeStreamCommand,
  DescribeStreamSummaryCommand,
  IncreaseStreamRetentionPeriodCommand,
  ListShardsCommand,
  ListStreamsCommand,
  ListTagsForResourceCommand,
  ListTagsForStreamCommand,
  RemoveTagsFromStreamCommand,
  UpdateShardCountCommand,
  UpdateStreamModeCommand,
  type KinesisClient,
} from '@aws-sdk/client-kinesis';
import type { TestServer } from '../../helpers/server.js';
import { failure, kinesisServer } from './helpers.js';

const ACCOUNT = '000000000000';

describe('Kinesis streams', () => {
  let server: TestServer;
  let kinesis: KinesisClient;
  before(async () => {
    ({ server, kinesis } = await kinesisServer());
  });
  after(async () => {
    kinesis.destroy();
    await server.stop();
  });

  it('creates a provisioned stream with the 128-bit hash space split evenly', async () => {
    await kinesis.send(new CreateStreamCommand({ StreamName: 'three', ShardCount: 3 }));
    const d = (await kinesis.send(new DescribeStreamCommand({ StreamName: 'three' }))).StreamDescription!;
    assert.equal(d.StreamStatus, 'ACTIVE');
    assert.equal(d.StreamARN, `arn:aws:kinesis:us-east-1:${ACCOUNT}:stream/three`);
    assert.equal(d.RetentionPeriodHours, 24);
    assert.equal(d.HasMoreShards, false);
    assert.deepEqual(d.StreamModeDetails, { StreamMode: 'PROVISIONED' });
    assert.equal(d.EncryptionType, 'NONE');
    assert.deepEqual(
      d.Shards!.map((s) => [s.ShardId, s.HashKeyRange!.StartingHashKey, s.HashKeyRange!.EndingHashKey]),
      [
        ['shardId-000000000000', '0', '113427455640312821154458202477256070484'],
        ['shardId-000000000001', '113427455640312821154458202477256070485', '226854911280625642308916404954512140969'],
        ['shardId-000000000002', '226854911280625642308916404954512140970', '340282366920938463463374607431768211455'],
      ],
    );
    const start = d.Shards![0]!.SequenceNumberRange!.StartingSequenceNumber!;
    assert.match(start, /^\d{56}$/);
    assert.equal(d.Shards![0]!.SequenceNumberRange!.EndingSequenceNumber, undefined);
  });

  it('creates an on-demand stream with 4 shards, and answers AWS errors for duplicates and unknown streams', async () => {
    await kinesis.send(new CreateStreamCommand({ StreamName: 'od', StreamModeDetails: { StreamMode: 'ON_DEMAND' } }));
    const s = (await kinesis.send(new DescribeStreamSummaryCommand({ StreamName: 'od' }))).StreamDescriptionSummary!;
    assert.equal(s.OpenShardCount, 4);
    assert.deepEqual(s.StreamModeDetails, { StreamMode: 'ON_DEMAND' });
    assert.equal(s.ConsumerCount, 0);
    const dup = await failure(kinesis.send(new CreateStreamCommand({ StreamName: 'od', ShardCount: 1 })));
    assert.equal(dup.name, 'ResourceInUseException');
    assert.equal(dup.message, `Stream od under account ${ACCOUNT} already exists.`);
    const missing = await failure(kinesis.send(new DescribeStreamCommand({ StreamName: 'nope' })));
    assert.equal(missing.name, 'ResourceNotFoundException');
    assert.equal(missing.message, `Stream nope under account ${ACCOUNT} not found.`);
    assert.equal(missing.status, 400);
    const bad = await failure(kinesis.send(new CreateStreamCommand({ StreamName: 'bad name!', ShardCount: 1 })));
    assert.equal(bad.name, 'ValidationException');
  });

  it('addresses a stream by its ARN', async () => {
    await kinesis.send(new CreateStreamCommand({ StreamName: 'by-arn', ShardCount: 1 }));
    const arn = `arn:aws:kinesis:us-east-1:${ACCOUNT}:stream/by-arn`;
    const d = (await kinesis.send(new DescribeStreamSummaryCommand({ StreamARN: arn }))).StreamDescriptionSummary!;
    assert.equal(d.StreamName, 'by-arn');
    const shards = (await kinesis.send(new ListShardsCommand({ StreamARN: arn }))).Shards!;
    assert.deepEqual(shards.map((x) => x.ShardId), ['shardId-000000000000']);
  });

  it('pages ListStreams and ListShards', async () => {
    await kinesis.send(new CreateStreamCommand({ StreamName: 'pages', ShardCount: 5 }));
    const first = await kinesis.send(new ListShardsCommand({ StreamName: 'pages', MaxResults: 2 }));
    assert.deepEqual(first.Shards!.map((x) => x.ShardId), ['shardId-000000000000', 'shardId-000000000001']);
    assert.ok(first.NextToken);
    const both = await failure(kinesis.send(new ListShardsCommand({ StreamName: 'pages', NextToken: first.NextToken })));
    assert.equal(both.name, 'InvalidArgumentException');
    const second = await kinesis.send(new ListShardsCommand({ NextToken: first.NextToken, MaxResults: 10 }));
    assert.deepEqual(second.Shards!.map((x) => x.ShardId), ['shardId-000000000002', 'shardId-000000000003', 'shardId-000000000004']);
    assert.equal(second.NextToken, undefined);
    const after = await kinesis.send(new ListShardsCommand({ StreamName: 'pages', ShardFilter: { Type: 'AFTER_SHARD_ID', ShardId: 'shardId-000000000003' } }));
    assert.deepEqual(after.Shards!.map((x) => x.ShardId), ['shardId-000000000004']);

    const names: string[] = [];
    let token: string | undefined;
    do {
      const page = await kinesis.send(new ListStreamsCommand({ Limit: 2, NextToken: token }));
      names.push(...page.StreamNames!);
      assert.equal(page.StreamSummaries!.length, page.StreamNames!.length);
      token = page.NextToken;
      assert.equal(page.HasMoreStreams, token !== undefined);
    } while (token);
    assert.deepEqual(names, [...names].sort());
    assert.ok(names.includes('pages') && names.includes('three'));
    const start = await kinesis.send(new ListStreamsCommand({ ExclusiveStartStreamName: 'pages' }));
    assert.ok(!start.StreamNames!.includes('pages') && start.StreamNames!.includes('three'));
  });

  it('changes the retention period within AWS bounds', async () => {
    await kinesis.send(new CreateStreamCommand({ StreamName: 'ret', ShardCount: 1 }));
    await kinesis.send(new IncreaseStreamRetentionPeriodCommand({ StreamName: 'ret', RetentionPeriodHours: 48 }));
    assert.equal((await kinesis.send(new DescribeStreamSummaryCommand({ StreamName: 'ret' }))).StreamDescriptionSummary!.RetentionPeriodHours, 48);
    const shorter = await failure(kinesis.send(new IncreaseStreamRetentionPeriodCommand({ StreamName: 'ret', RetentionPeriodHours: 30 })));
    assert.equal(shorter.name, 'InvalidArgumentException');
    assert.equal(shorter.message, 'Requested retention period (30 hours) for stream ret can not be shorter than existing retention period (48 hours). Use DecreaseRetentionPeriod API.');
    const tooShort = await failure(kinesis.send(new DecreaseStreamRetentionPeriodCommand({ StreamName: 'ret', RetentionPeriodHours: 2 })));
    assert.equal(tooShort.message, 'Minimum allowed retention period is 24 hours. Requested retention period (2 hours) is too short.');
    await kinesis.send(new DecreaseStreamRetentionPeriodCommand({ StreamName: 'ret', RetentionPeriodHours: 24 }));
    assert.equal((await kinesis.send(new DescribeStreamSummaryCommand({ StreamName: 'ret' }))).StreamDescriptionSummary!.RetentionPeriodHours, 24);
  });

  it('tags a stream by name and by ARN', async () => {
    await kinesis.send(new CreateStreamCommand({ StreamName: 'tagged', ShardCount: 1, Tags: { team: 'a' } }));
    await kinesis.send(new AddTagsToStreamCommand({ StreamName: 'tagged', Tags: { env: 'dev', zone: 'z' } }));
    const listed = await kinesis.send(new ListTagsForStreamCommand({ StreamName: 'tagged', Limit: 2 }));
    assert.deepEqual(listed.Tags, [
      { Key: 'env', Value: 'dev' },
      { Key: 'team', Value: 'a' },
    ]);
    assert.equal(listed.HasMoreTags, true);
    await kinesis.send(new RemoveTagsFromStreamCommand({ StreamName: 'tagged', TagKeys: ['zone'] }));
    const byArn = await kinesis.send(new ListTagsForResourceCommand({ ResourceARN: `arn:aws:kinesis:us-east-1:${ACCOUNT}:stream/tagged` }));
    assert.deepEqual(byArn.Tags, [
      { Key: 'env', Value: 'dev' },
      { Key: 'team', Value: 'a' },
    ]);
  });

  it("counts shards against the account's quota (DescribeLimits, LimitExceededException)", async () => {
    const before = await kinesis.send(new DescribeLimitsCommand({}));
    assert.equal(before.ShardLimit, 500);
    assert.equal(before.OnDemandStreamCountLimit, 50);
    await kinesis.send(new CreateStreamCommand({ StreamName: 'quota', ShardCount: 3 }));
    const after = await kinesis.send(new DescribeLimitsCommand({}));
    assert.equal(after.OpenShardCount, before.OpenShardCount! + 3);
    const over = await failure(kinesis.send(new CreateStreamCommand({ StreamName: 'too-big', ShardCount: 500 })));
    assert.equal(over.name, 'LimitExceededException');
    assert.equal(
      over.message,
      `This request would exceed the shard limit for the account ${ACCOUNT} in us-east-1. Current shard count for the account: ${after.OpenShardCount}. Limit: 500. ` +
        'Number of additional shards that would have resulted from this request: 500. Refer to the AWS Service Limits page (http://docs.aws.amazon.com/general/latest/gr/aws_service_limits.html) for current limits and how to request higher limits.',
    );
  });

  it('switches a stream between on-demand and provisioned', async () => {
    await kinesis.send(new CreateStreamCommand({ StreamName: 'modes', StreamModeDetails: { StreamMode: 'ON_DEMAND' } }));
    const arn = `arn:aws:kinesis:us-east-1:${ACCOUNT}:stream/modes`;
    const scale = await failure(kinesis.send(new UpdateShardCountCommand({ StreamName: 'modes', TargetShardCount: 5, ScalingType: 'UNIFORM_SCALING' })));
    assert.equal(scale.name, 'InvalidArgumentException');
    const same = await failure(kinesis.send(new UpdateStreamModeCommand({ StreamARN: arn, StreamModeDetails: { StreamMode: 'ON_DEMAND' } })));
    assert.equal(same.name, 'InvalidArgumentException');
    await kinesis.send(new UpdateStreamModeCommand({ StreamARN: arn, StreamModeDetails: { StreamMode: 'PROVISIONED' } }));
    assert.deepEqual((await kinesis.send(new DescribeStreamSummaryCommand({ StreamARN: arn }))).StreamDescriptionSummary!.StreamModeDetails, { StreamMode: 'PROVISIONED' });
    const out = await kinesis.send(new UpdateShardCountCommand({ StreamName: 'modes', TargetShardCount: 5, ScalingType: 'UNIFORM_SCALING' }));
    assert.equal(out.TargetShardCount, 5);
  });

  it('records enhanced monitoring settings', async () => {
    await kinesis.send(new CreateStreamCommand({ StreamName: 'watched', ShardCount: 1 }));
    const on = await kinesis.send(new EnableEnhancedMonitoringCommand({ StreamName: 'watched', ShardLevelMetrics: ['IncomingBytes', 'OutgoingBytes'] }));
    assert.deepEqual(on.CurrentShardLevelMetrics, []);
    assert.deepEqual(on.DesiredShardLevelMetrics, ['IncomingBytes', 'OutgoingBytes']);
    const off = await kinesis.send(new DisableEnhancedMonitoringCommand({ StreamName: 'watched', ShardLevelMetrics: ['IncomingBytes'] }));
    assert.deepEqual(off.DesiredShardLevelMetrics, ['OutgoingBytes']);
    const d = (await kinesis.send(new DescribeStreamCommand({ StreamName: 'watched' }))).StreamDescription!;
    assert.deepEqual(d.EnhancedMonitoring, [{ ShardLevelMetrics: ['OutgoingBytes'] }]);
  });

  it('deletes a stream', async () => {
    await kinesis.send(new CreateStreamCommand({ StreamName: 'gone', ShardCount: 2 }));
    await kinesis.send(new DeleteStreamCommand({ StreamName: 'gone' }));
    const err = await failure(kinesis.send(new DescribeStreamCommand({ StreamName: 'gone' })));
    assert.equal(err.name, 'ResourceNotFoundException');
    const again = await failure(kinesis.send(new DeleteStreamCommand({ StreamName: 'gone' })));
    assert.equal(again.name, 'ResourceNotFoundException');
  });
});

describe('Kinesis stream status on the platform clock', () => {
  it('is CREATING for streamActivationMs, then ACTIVE; records are refused until then', async () => {
    const { server, kinesis } = await kinesisServer({ services: { kinesis: { streamActivationMs: 5000 } } });
    try {
      await kinesis.send(new CreateStreamCommand({ StreamName: 'slow', ShardCount: 1 }));
      assert.equal((await kinesis.send(new DescribeStreamCommand({ StreamName: 'slow' }))).StreamDescription!.StreamStatus, 'CREATING');
      server.clock.advance(5000);
      assert.equal((await kinesis.send(new DescribeStreamCommand({ StreamName: 'slow' }))).StreamDescription!.StreamStatus, 'ACTIVE');
    } finally {
      kinesis.destroy();
      await server.stop();
    }
  });
});
