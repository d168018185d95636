import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import {
  CreateApiDestinationCommand, CreateArchiveCommand, CreateConnectionCommand, CreateEventBusCommand, DescribeArchiveCommand,
  DescribeReplayCommand, PutEventsCommand, PutRuleCommand, PutTargetsCommand, StartReplayCommand,
} from '@aws-sdk/client-eventbridge';
import { CreateQueueCommand, GetQueueAttributesCommand } from '@aws-sdk/client-sqs';
import { eventsServer, receiveN, type EventsTestContext } from './helpers.js';

const ACCOUNT = '000000000000';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('EventBridge delivery', () => {
  let t: EventsTestContext;
  const queue = async (name: string, attributes?: Record<string, string>) => {
    const { QueueUrl } = await t.sqs.send(new CreateQueueCommand({ QueueName: name, Attributes: attributes }));
    const { Attributes } = await t.sqs.send(new GetQueueAttributesCommand({ QueueUrl, AttributeNames: ['QueueArn'] }));
    return { url: QueueUrl!, arn: Attributes!.QueueArn! };
  };
  before(async () => (t = await eventsServer()));
  after(() => t.server.stop());

  it('PutEvents -> rule -> SQS: the message body is the event', async () => {
    const q = await queue('orders');
    await t.events.send(new PutRuleCommand({ Name: 'orders', EventPattern: JSON.stringify({ source: ['shop'], detail: { total: [{ numeric: ['>', 100] }] } }) }));
    await t.events.send(new PutTargetsCommand({ Rule: 'orders', Targets: [{ Id: 'q', Arn: q.arn }] }));
    const time = new Date('2024-05-01T10:00:00.123Z');
    const out = await t.events.send(new PutEventsCommand({ Entries: [
      { Source: 'shop', DetailType: 'Order', Detail: JSON.stringify({ total: 150, id: 'o-1' }), Resources: ['arn:aws:shop:::o-1'], Time: time },
      { Source: 'shop', DetailType: 'Order', Detail: JSON.stringify({ total: 50 }) },
    ] }));
    assert.equal(out.FailedEntryCount, 0);
    const [m, extra] = await receiveN(t.sqs, q.url, 1, 5);
    assert.equal(extra, undefined);
    const event = JSON.parse(m!.Body!);
    assert.deepEqual(event, {
      version: '0', id: out.Entries![0]!.EventId, 'detail-type': 'Order', source: 'shop', account: ACCOUNT,
      time: '2024-05-01T10:00:00Z', region: 'us-east-1', resources: ['arn:aws:shop:::o-1'], detail: { total: 150, id: 'o-1' },
    });
  });

  it('InputPath, Input and InputTransformer shape what the target gets; FIFO queues get the group id', async () => {
    const plain = await queue('shaped');
    const fifo = await queue('shaped.fifo', { FifoQueue: 'true' });
    await t.events.send(new PutRuleCommand({ Name: 'shaped', EventPattern: JSON.stringify({ source: ['shape'] }) }));
    await t.events.send(new PutTargetsCommand({ Rule: 'shaped', Targets: [
      { Id: 'path', Arn: plain.arn, InputPath: '$.detail.item' },
      { Id: 'const', Arn: plain.arn, Input: '{"fixed":true}' },
      { Id: 'tmpl', Arn: plain.arn, InputTransformer: {
        InputPathsMap: { name: '$.detail.item.name', qty: '$.detail.item.qty', src: '$.source' },
        InputTemplate: '{"who": <name>, "count": <qty>, "text": "<name> x<qty> from <src>", "rule": "<aws.events.rule-name>", "orig": <aws.events.event.json>}',
      } },
      { Id: 'fifo', Arn: fifo.arn, SqsParameters: { MessageGroupId: 'g1' }, InputTransformer: { InputPathsMap: { n: '$.detail.item.name' }, InputTemplate: '"<n> arrived"' } },
    ] }));
    const out = await t.events.send(new PutEventsCommand({ Entries: [{ Source: 'shape', DetailType: 'T', Detail: JSON.stringify({ item: { name: 'pen', qty: 3 } }) }] }));
    const got = await receiveN(t.sqs, plain.url, 3);
    const bodies = got.map((m) => JSON.parse(m.Body!));
    const tmpl = bodies.find((b) => b.who);
    assert.deepEqual(bodies.find((b) => b.name), { name: 'pen', qty: 3 });
    assert.deepEqual(bodies.find((b) => b.fixed), { fixed: true });
    assert.equal(tmpl.count, 3);
    assert.equal(tmpl.text, 'pen x3 from shape');
    assert.equal(tmpl.rule, 'shaped');
    assert.equal(tmpl.orig.id, out.Entries![0]!.EventId);
    const [f] = await receiveN(t.sqs, fifo.url, 1);
    assert.equal(f!.Body, '"pen arrived"');
  });

  it('a rule whose target is another bus: the event is routed by that bus\'s rules', async () => {
    const q = await queue('crossbus');
    await t.events.send(new CreateEventBusCommand({ Name: 'second' }));
    await t.events.send(new PutRuleCommand({ Name: 'forward', EventPattern: JSON.stringify({ source: ['fwd'] }) }));
    await t.events.send(new PutTargetsCommand({ Rule: 'forward', Targets: [{ Id: 'bus', Arn: `arn:aws:events:us-east-1:${ACCOUNT}:event-bus/second` }] }));
    await t.events.send(new PutRuleCommand({ Name: 'on-second', EventBusName: 'second', EventPattern: JSON.stringify({ source: ['fwd'] }) }));
    await t.events.send(new PutTargetsCommand({ Rule: 'on-second', EventBusName: 'second', Targets: [{ Id: 'q', Arn: q.arn }] }));
    const out = await t.events.send(new PutEventsCommand({ Entries: [{ Source: 'fwd', DetailType: 'X', Detail: '{"a":1}' }] }));
    const [m] = await receiveN(t.sqs, q.url, 1);
    assert.equal(JSON.parse(m!.Body!).id, out.Entries![0]!.EventId);
  });

  it('a target that keeps failing is retried with backoff on the clock, then dead-lettered with the documented attributes', async () => {
    let calls = 0;
    const http: Server = createServer((req, res) => {
      calls++;
      req.resume();
      res.writeHead(503).end();
    });
    await new Promise<void>((r) => http.listen(0, '127.0.0.1', r));
    try {
      const dlq = await queue('dlq');
      const { ConnectionArn } = await t.events.send(new CreateConnectionCommand({ Name: 'c', AuthorizationType: 'API_KEY', AuthParameters: { ApiKeyAuthParameters: { ApiKeyName: 'x-api-key', ApiKeyValue: 'secret' } } }));
      const { ApiDestinationArn } = await t.events.send(new CreateApiDestinationCommand({ Name: 'hook', ConnectionArn, HttpMethod: 'POST', InvocationEndpoint: `http://127.0.0.1:${(http.address() as AddressInfo).port}/hook`, InvocationRateLimitPerSecond: 10 }));
      await t.events.send(new PutRuleCommand({ Name: 'hooked', EventPattern: JSON.stringify({ source: ['hook'] }) }));
      await t.events.send(new PutTargetsCommand({ Rule: 'hooked', Targets: [{ Id: 'h', Arn: ApiDestinationArn, RetryPolicy: { MaximumRetryAttempts: 2, MaximumEventAgeInSeconds: 3600 }, DeadLetterConfig: { Arn: dlq.arn } }] }));
      const out = await t.events.send(new PutEventsCommand({ Entries: [{ Source: 'hook', DetailType: 'H', Detail: '{}' }] }));
      for (let i = 0; i < 50 && calls < 3; i++) {
        await sleep(50);
        t.server.clock.advance(10_000);
      }
      assert.equal(calls, 3, 'one attempt and two retries');
      const [m] = await receiveN(t.sqs, dlq.url, 1);
      assert.equal(JSON.parse(m!.Body!).id, out.Entries![0]!.EventId);
      const attr = (k: string) => m!.MessageAttributes![k]?.StringValue;
      assert.equal(attr('RULE_ARN'), `arn:aws:events:us-east-1:${ACCOUNT}:rule/hooked`);
      assert.equal(attr('TARGET_ARN'), ApiDestinationArn);
      assert.equal(attr('ERROR_CODE'), 'ERROR_FROM_TARGET');
      assert.equal(attr('RETRY_ATTEMPTS'), '2');
      assert.equal(attr('EXHAUSTED_RETRY_CONDITION'), 'MaximumRetryAttempts');
      assert.ok(attr('ERROR_MESSAGE'));
    } finally {
      http.close();
    }
  });

  it('an archive keeps matching events; a replay sends them again with replay-name', async () => {
    const q = await queue('replayed');
    const busArn = `arn:aws:events:us-east-1:${ACCOUNT}:event-bus/default`;
    const { ArchiveArn } = await t.events.send(new CreateArchiveCommand({ ArchiveName: 'arch', EventSourceArn: busArn, EventPattern: JSON.stringify({ source: ['arch'] }), RetentionDays: 1 }));
    await t.events.send(new PutRuleCommand({ Name: 'arch-rule', EventPattern: JSON.stringify({ source: ['arch'] }) }));
    await t.events.send(new PutTargetsCommand({ Rule: 'arch-rule', Targets: [{ Id: 'q', Arn: q.arn }] }));
    const start = new Date(t.server.clock.now() - 60_000);
    await t.events.send(new PutEventsCommand({ Entries: [1, 2].map((n) => ({ Source: 'arch', DetailType: 'A', Detail: JSON.stringify({ n }) })).concat([{ Source: 'other', DetailType: 'A', Detail: '{}' }]) }));
    assert.equal((await receiveN(t.sqs, q.url, 2)).length, 2);
    const archive = await t.events.send(new DescribeArchiveCommand({ ArchiveName: 'arch' }));
    assert.equal(archive.EventCount, 2);
    t.server.clock.advance(2000);
    await t.events.send(new StartReplayCommand({ ReplayName: 'r1', EventSourceArn: ArchiveArn, Destination: { Arn: busArn }, EventStartTime: start, EventEndTime: new Date(t.server.clock.now()) }));
    const again = await receiveN(t.sqs, q.url, 2);
    assert.deepEqual(again.map((m) => JSON.parse(m.Body!)['replay-name']), ['r1', 'r1']);
    assert.deepEqual(again.map((m) => JSON.parse(m.Body!).detail.n).sort(), [1, 2]);
    const replay = await t.events.send(new DescribeReplayCommand({ ReplayName: 'r1' }));
    assert.equal(replay.State, 'COMPLETED');
  });

  it('a schedule rule fires the documented Scheduled Event once per advanced interval', async () => {
    const q = await queue('ticks');
    const { RuleArn } = await t.events.send(new PutRuleCommand({ Name: 'tick', ScheduleExpression: 'rate(5 minutes)' }));
    await t.events.send(new PutTargetsCommand({ Rule: 'tick', Targets: [{ Id: 'q', Arn: q.arn }] }));
    const got = [];
    for (let i = 0; i < 3; i++) {
      t.server.clock.advance(5 * 60_000);
      got.push(...(await receiveN(t.sqs, q.url, 1)));
    }
    assert.equal(got.length, 3);
    const e = JSON.parse(got[0]!.Body!);
    assert.equal(e['detail-type'], 'Scheduled Event');
    assert.equal(e.source, 'aws.events');
    assert.deepEqual(e.resources, [RuleArn]);
    assert.deepEqual(e.detail, {});
    assert.match(e.time, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
  });
});
