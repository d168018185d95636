import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  CreateEventBusCommand, DeleteEventBusCommand, DeleteRuleCommand, DescribeEventBusCommand, DescribeRuleCommand, DisableRuleCommand,
  ListEventBusesCommand, ListRuleNamesByTargetCommand, ListRulesCommand, ListTagsForResourceCommand, ListTargetsByRuleCommand,
  PutEventsCommand, PutPermissionCommand, PutRuleCommand, PutTargetsCommand, RemovePermissionCommand, RemoveTargetsCommand,
  TagResourceCommand, TestEventPatternCommand,
} from '@aws-sdk/client-eventbridge';
import { eventsServer, failure, type EventsTestContext } from './helpers.js';

const ACCOUNT = '000000000000';
const Q = `arn:aws:sqs:us-east-1:${ACCOUNT}:q`;

describe('EventBridge API', () => {
  let t: EventsTestContext;
  before(async () => (t = await eventsServer()));
  after(() => t.server.stop());

  it('buses: the default one, custom ones, policies, errors', async () => {
    const { EventBusArn } = await t.events.send(new CreateEventBusCommand({ Name: 'orders', Tags: [{ Key: 'team', Value: 'a' }] }));
    assert.equal(EventBusArn, `arn:aws:events:us-east-1:${ACCOUNT}:event-bus/orders`);
    assert.deepEqual((await t.events.send(new ListEventBusesCommand({}))).EventBuses!.map((b) => b.Name), ['default', 'orders']);
    assert.deepEqual((await t.events.send(new ListTagsForResourceCommand({ ResourceARN: EventBusArn }))).Tags, [{ Key: 'team', Value: 'a' }]);
    assert.deepEqual(await failure(t.events.send(new CreateEventBusCommand({ Name: 'orders' }))), { name: 'ResourceAlreadyExistsException', status: 400, message: 'Event bus orders already exists.' });
    assert.deepEqual(await failure(t.events.send(new DescribeEventBusCommand({ Name: 'nope' }))), { name: 'ResourceNotFoundException', status: 400, message: 'Event bus nope does not exist.' });
    assert.deepEqual(await failure(t.events.send(new DeleteEventBusCommand({ Name: 'default' }))), { name: 'ValidationException', status: 400, message: 'Cannot delete event bus default.' });
    await t.events.send(new PutPermissionCommand({ EventBusName: 'orders', Action: 'events:PutEvents', Principal: '111122223333', StatementId: 'partner' }));
    const policy = JSON.parse((await t.events.send(new DescribeEventBusCommand({ Name: EventBusArn }))).Policy!);
    assert.deepEqual(policy.Statement[0], { Sid: 'partner', Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:root' }, Action: 'events:PutEvents', Resource: EventBusArn });
    assert.deepEqual(await failure(t.events.send(new RemovePermissionCommand({ EventBusName: 'orders', StatementId: 'other' }))), { name: 'ResourceNotFoundException', status: 400, message: 'Statement with the provided id does not exist.' });
    await t.events.send(new RemovePermissionCommand({ EventBusName: 'orders', StatementId: 'partner' }));
    assert.equal((await t.events.send(new DescribeEventBusCommand({ Name: 'orders' }))).Policy, undefined);
  });

  it('rules: patterns, schedules, listing, targets, deletion', async () => {
    assert.deepEqual(await failure(t.events.send(new PutRuleCommand({ Name: 'r' }))), { name: 'ValidationException', status: 400, message: 'Parameter(s) EventPattern or ScheduleExpression must be specified.' });
    assert.deepEqual(await failure(t.events.send(new PutRuleCommand({ Name: 'r', ScheduleExpression: 'rate(1 minutes)' }))), { name: 'ValidationException', status: 400, message: 'Parameter ScheduleExpression is not valid.' });
    assert.deepEqual(await failure(t.events.send(new PutRuleCommand({ Name: 'r', EventBusName: 'orders', ScheduleExpression: 'rate(5 minutes)' }))), { name: 'ValidationException', status: 400, message: 'ScheduleExpression is supported only on the default event bus.' });
    const bad = await failure(t.events.send(new PutRuleCommand({ Name: 'r', EventPattern: '{"source":"x"}' })));
    assert.equal(bad.name, 'InvalidEventPatternException');
    assert.match(bad.message, /^Event pattern is not valid\. Reason: /);
    assert.deepEqual(await failure(t.events.send(new PutRuleCommand({ Name: 'r', EventBusName: 'ghost', EventPattern: '{"source":["x"]}' }))), { name: 'ResourceNotFoundException', status: 400, message: 'Event bus ghost does not exist.' });
    for (const name of ['a1', 'a2', 'a3', 'b1']) await t.events.send(new PutRuleCommand({ Name: name, EventPattern: '{"source":["x"]}' }));
    const first = await t.events.send(new ListRulesCommand({ NamePrefix: 'a', Limit: 2 }));
    assert.deepEqual(first.Rules!.map((r) => r.Name), ['a1', 'a2']);
    const second = await t.events.send(new ListRulesCommand({ NamePrefix: 'a', Limit: 2, NextToken: first.NextToken }));
    assert.deepEqual(second.Rules!.map((r) => r.Name), ['a3']);
    assert.equal(second.NextToken, undefined);
    await t.events.send(new DisableRuleCommand({ Name: 'a1' }));
    assert.equal((await t.events.send(new DescribeRuleCommand({ Name: 'a1' }))).State, 'DISABLED');
    assert.deepEqual(await failure(t.events.send(new DescribeRuleCommand({ Name: 'zz' }))), { name: 'ResourceNotFoundException', status: 400, message: 'Rule zz does not exist on EventBus default.' });
    await t.events.send(new PutTargetsCommand({ Rule: 'a1', Targets: [1, 2, 3].map((i) => ({ Id: `t${i}`, Arn: Q })) }));
    await t.events.send(new PutTargetsCommand({ Rule: 'a2', Targets: [{ Id: 't', Arn: Q }] }));
    assert.deepEqual(await failure(t.events.send(new PutTargetsCommand({ Rule: 'a1', Targets: [4, 5, 6].map((i) => ({ Id: `t${i}`, Arn: Q })) }))), { name: 'LimitExceededException', status: 400, message: 'The requested resource exceeds the maximum number allowed.' });
    assert.deepEqual((await t.events.send(new ListRuleNamesByTargetCommand({ TargetArn: Q }))).RuleNames, ['a1', 'a2']);
    assert.deepEqual((await t.events.send(new ListTargetsByRuleCommand({ Rule: 'a1' }))).Targets!.map((x) => x.Id), ['t1', 't2', 't3']);
    assert.deepEqual(await failure(t.events.send(new DeleteRuleCommand({ Name: 'a1' }))), { name: 'ValidationException', status: 400, message: "Rule can't be deleted since it has targets." });
    await t.events.send(new RemoveTargetsCommand({ Rule: 'a1', Ids: ['t1', 't2', 't3'] }));
    await t.events.send(new DeleteRuleCommand({ Name: 'a1' }));
    await t.events.send(new DeleteRuleCommand({ Name: 'a1' })); // absent: succeeds
    await t.events.send(new TagResourceCommand({ ResourceARN: `arn:aws:events:us-east-1:${ACCOUNT}:rule/a2`, Tags: [{ Key: 'k', Value: 'v' }] }));
    assert.deepEqual((await t.events.send(new ListTagsForResourceCommand({ ResourceARN: `arn:aws:events:us-east-1:${ACCOUNT}:rule/a2` }))).Tags, [{ Key: 'k', Value: 'v' }]);
  });

  it('PutEvents: per-entry failures, the entry limit and the size limit', async () => {
    const out = await t.events.send(new PutEventsCommand({ Entries: [
      { Source: 'ok', DetailType: 'T', Detail: '{}' },
      { DetailType: 'T', Detail: '{}' },
      { Source: 's', DetailType: 'T', Detail: 'not json' },
      { Source: 'aws.s3', DetailType: 'T', Detail: '{}' },
      { Source: 's', DetailType: 'T', Detail: '{}', EventBusName: 'no-such-bus' },
    ] }));
    assert.equal(out.FailedEntryCount, 3);
    assert.match(out.Entries![0]!.EventId!, /^[0-9a-f-]{36}$/);
    assert.deepEqual(out.Entries![1], { ErrorCode: 'InvalidArgument', ErrorMessage: 'Parameter Source is not valid. Reason: Source is a required argument.' });
    assert.deepEqual(out.Entries![2], { ErrorCode: 'MalformedDetail', ErrorMessage: 'Detail is malformed.' });
    assert.deepEqual(out.Entries![3], { ErrorCode: 'NotAuthorizedForSourceException', ErrorMessage: 'Not authorized for the source.' });
    assert.ok(out.Entries![4]!.EventId, 'AWS accepts events for a bus that does not exist');
    const tooMany = await failure(t.events.send(new PutEventsCommand({ Entries: Array.from({ length: 11 }, () => ({ Source: 's', DetailType: 'T', Detail: '{}' })) })));
    assert.equal(tooMany.name, 'ValidationException');
    assert.equal(tooMany.status, 400);
    assert.match(tooMany.message, /Member must have length less than or equal to 10/);
    const big = '{"x":"' + 'a'.repeat(200 * 1024) + '"}';
    assert.deepEqual(await failure(t.events.send(new PutEventsCommand({ Entries: [{ Source: 's', DetailType: 'T', Detail: big }, { Source: 's', DetailType: 'T', Detail: big }] }))), { name: 'ValidationException', status: 400, message: 'Total size of the entries in the request is over the limit.' });
  });

  it('TestEventPattern: an event without its required fields is refused', async () => {
    assert.deepEqual(await failure(t.events.send(new TestEventPatternCommand({ Event: '{"source":"x"}', EventPattern: '{"source":["x"]}' }))), { name: 'ValidationException', status: 400, message: 'Parameter Event is not valid.' });
  });
});
