import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { PutEventsCommand, PutRuleCommand, PutTargetsCommand } from '@aws-sdk/client-eventbridge';
import { CreateStreamCommand, GetRecordsCommand, GetShardIteratorCommand, type KinesisClient } from '@aws-sdk/client-kinesis';
import { CreateScheduleCommand, SchedulerClient } from '@aws-sdk/client-scheduler';
import { definition as kinesisService } from '../../../src/services/kinesis/index.js';
import { definition as schedulerService } from '../../../src/services/scheduler/index.js';
import { clientConfig } from '../../helpers/server.js';
import { eventsServer, type EventsTestContext } from '../../events/helpers.js';
import { kinesisClient } from './helpers.js';

const ACCOUNT = '000000000000';

describe('EventBridge rule -> Kinesis stream', () => {
  let t: EventsTestContext;
  let kinesis: KinesisClient;
  before(async () => {
    t = await eventsServer([kinesisService, schedulerService]);
    kinesis = kinesisClient(t.server.endpoint);
  });
  after(async () => {
    kinesis.destroy();
    await t.server.stop();
  });

  async function records(stream: string, count: number) {
    const it = (await kinesis.send(new GetShardIteratorCommand({ StreamName: stream, ShardId: 'shardId-000000000000', ShardIteratorType: 'TRIM_HORIZON' }))).ShardIterator!;
    for (let i = 0; i < 200; i++) {
      const out = await kinesis.send(new GetRecordsCommand({ ShardIterator: it }));
      if (out.Records!.length >= count) return out.Records!;
      await new Promise((r) => setTimeout(r, 25));
    }
    throw new Error(`fewer than ${count} records in ${stream}`);
  }

  it('puts the event with the partition key at PartitionKeyPath, else the event id', async () => {
    await kinesis.send(new CreateStreamCommand({ StreamName: 'events-in', ShardCount: 1 }));
    const arn = `arn:aws:kinesis:us-east-1:${ACCOUNT}:stream/events-in`;
    await t.events.send(new PutRuleCommand({ Name: 'to-kinesis', EventPattern: JSON.stringify({ source: ['orders'] }) }));
    await t.events.send(
      new PutTargetsCommand({
        Rule: 'to-kinesis',
        Targets: [
          { Id: 'keyed', Arn: arn, KinesisParameters: { PartitionKeyPath: '$.detail.customer' } },
          { Id: 'plain', Arn: arn, InputPath: '$.detail' },
        ],
      }),
    );
    const out = await t.events.send(new PutEventsCommand({ Entries: [{ Source: 'orders', DetailType: 'Placed', Detail: '{"customer":"c-42","total":9}' }] }));
    const got = await records('events-in', 2);
    const byKey = new Map(got.map((r) => [r.PartitionKey, JSON.parse(Buffer.from(r.Data!).toString())]));
    assert.deepEqual(byKey.get('c-42').detail, { customer: 'c-42', total: 9 });
    assert.deepEqual(byKey.get(out.Entries![0]!.EventId!), { customer: 'c-42', total: 9 });
  });

  it('a Scheduler schedule puts its Input with KinesisParameters.PartitionKey', async () => {
    await kinesis.send(new CreateStreamCommand({ StreamName: 'scheduled-in', ShardCount: 1 }));
    const scheduler = new SchedulerClient(clientConfig(t.server.endpoint));
    const when = new Date(t.server.clock.now() + 120_000).toISOString().slice(0, 19);
    await scheduler.send(
      new CreateScheduleCommand({
        Name: 'to-kinesis',
        ScheduleExpression: `at(${when})`,
        FlexibleTimeWindow: { Mode: 'OFF' },
        Target: { Arn: `arn:aws:kinesis:us-east-1:${ACCOUNT}:stream/scheduled-in`, RoleArn: `arn:aws:iam::${ACCOUNT}:role/scheduler`, Input: '{"tick":1}', KinesisParameters: { PartitionKey: 'ticks' } },
      }),
    );
    t.server.clock.advance(180_000);
    const [r] = await records('scheduled-in', 1);
    assert.equal(r!.PartitionKey, 'ticks');
    assert.deepEqual(JSON.parse(Buffer.from(r!.Data!).toString()), { tick: 1 });
    scheduler.destroy();
  });
});
