import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { PutEventsCommand, PutRuleCommand, PutTargetsCommand } from '@aws-sdk/client-eventbridge';
import { CreateStreamCommand, GetRecordsCommand, GetShardIteratorCommand, type KinesisClient } from '@aws-sdk/client-kinesis';
import { definition as kinesisService } from '../../../src/services/kinesis/index.js';
import { eventsServer, type EventsTestContext } from '../../events/helpers.js';
import { kinesisClient } from './helpers.js';

const ACCOUNT = '000000000000';

describe('EventBridge rule -> Kinesis stream', () => {
  let t: EventsTestContext;
  let kinesis: KinesisClient;
  before(async () => {
    t = await eventsServer([kinesisService]);
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
});
