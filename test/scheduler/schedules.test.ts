import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  CreateScheduleCommand, CreateScheduleGroupCommand, DeleteScheduleCommand, GetScheduleCommand, ListSchedulesCommand,
  SchedulerClient, UpdateScheduleCommand,
} from '@aws-sdk/client-scheduler';
import { CreateQueueCommand, GetQueueAttributesCommand } from '@aws-sdk/client-sqs';
import { PutRuleCommand, PutTargetsCommand } from '@aws-sdk/client-eventbridge';
import { definition as schedulerService } from '../../src/services/scheduler/index.js';
import { clientConfig } from '../helpers/server.js';
import { eventsServer, failure, receiveN, type EventsTestContext } from '../events/helpers.js';

const ROLE = 'arn:aws:iam::000000000000:role/scheduler';
const OFF = { Mode: 'OFF' as const };

describe('EventBridge Scheduler', () => {
  let t: EventsTestContext;
  let scheduler: SchedulerClient;
  const queue = async (name: string) => {
    const { QueueUrl } = await t.sqs.send(new CreateQueueCommand({ QueueName: name }));
    const { Attributes } = await t.sqs.send(new GetQueueAttributesCommand({ QueueUrl, AttributeNames: ['QueueArn'] }));
    return { url: QueueUrl!, arn: Attributes!.QueueArn! };
  };
  before(async () => {
    t = await eventsServer([schedulerService]);
    scheduler = new SchedulerClient(clientConfig(t.server.endpoint));
  });
  after(() => t.server.stop());

  it('a cron schedule -> SQS fires once per advanced interval, with the context attributes in its Input', async () => {
    const q = await queue('cron-target');
    const { ScheduleArn } = await scheduler.send(new CreateScheduleCommand({
      Name: 'every-hour', ScheduleExpression: 'cron(0 * * * ? *)', ScheduleExpressionTimezone: 'Europe/Paris', FlexibleTimeWindow: OFF,
      Target: { Arn: q.arn, RoleArn: ROLE, Input: '{"arn":"<aws.scheduler.schedule-arn>","at":"<aws.scheduler.scheduled-time>"}' },
    }));
    // Move to just past the next hour, then advance one hour at a time.
    const now = t.server.clock.now();
    t.server.clock.advance(3_600_000 - (now % 3_600_000) + 1000);
    const got = [...(await receiveN(t.sqs, q.url, 1))];
    for (let i = 0; i < 3; i++) {
      t.server.clock.advance(3_600_000);
      got.push(...(await receiveN(t.sqs, q.url, 1)));
    }
    assert.equal(got.length, 4);
    const bodies = got.map((m) => JSON.parse(m.Body!));
    assert.equal(bodies[0].arn, ScheduleArn);
    const times = bodies.map((b) => Date.parse(b.at));
    for (let i = 1; i < times.length; i++) assert.equal(times[i]! - times[i - 1]!, 3_600_000);
    assert.equal(times[0]! % 3_600_000, 0);
    await scheduler.send(new DeleteScheduleCommand({ Name: 'every-hour' }));
    t.server.clock.advance(3_600_000);
    assert.equal((await receiveN(t.sqs, q.url, 1, 2)).length, 0);
  });

  it('a one-time at() schedule with ActionAfterCompletion DELETE fires once and is deleted', async () => {
    const q = await queue('once');
    const when = new Date(t.server.clock.now() + 120_000).toISOString().slice(0, 19);
    await scheduler.send(new CreateScheduleCommand({ Name: 'once', ScheduleExpression: `at(${when})`, FlexibleTimeWindow: OFF, ActionAfterCompletion: 'DELETE', Target: { Arn: q.arn, RoleArn: ROLE, Input: '"hello"' } }));
    const got = await scheduler.send(new GetScheduleCommand({ Name: 'once' }));
    assert.equal(got.State, 'ENABLED');
    assert.deepEqual(got.Target!.RetryPolicy, { MaximumEventAgeInSeconds: 86400, MaximumRetryAttempts: 185 });
    t.server.clock.advance(180_000);
    const [m] = await receiveN(t.sqs, q.url, 1);
    assert.equal(m!.Body, '"hello"');
    let gone = false;
    for (let i = 0; i < 20 && !gone; i++) {
      gone = (await failure(scheduler.send(new GetScheduleCommand({ Name: 'once' }))).catch(() => undefined))?.name === 'ResourceNotFoundException';
      if (!gone) await new Promise((r) => setTimeout(r, 50));
    }
    assert.ok(gone);
  });

  it('a flexible window delivers within the window; a universal target calls the service; an EventBridge target puts an event', async () => {
    const q = await queue('flex');
    const viaBus = await queue('via-bus');
    await t.events.send(new PutRuleCommand({ Name: 'from-scheduler', EventPattern: JSON.stringify({ source: ['my.scheduler'] }) }));
    await t.events.send(new PutTargetsCommand({ Rule: 'from-scheduler', Targets: [{ Id: 'q', Arn: viaBus.arn }] }));
    const start = t.server.clock.now();
    await scheduler.send(new CreateScheduleGroupCommand({ Name: 'team' }));
    await scheduler.send(new CreateScheduleCommand({ Name: 'flex', GroupName: 'team', ScheduleExpression: 'rate(1 hour)', StartDate: new Date(start + 60_000), FlexibleTimeWindow: { Mode: 'FLEXIBLE', MaximumWindowInMinutes: 15 }, Target: { Arn: q.arn, RoleArn: ROLE, Input: '"flex"' } }));
    await scheduler.send(new CreateScheduleCommand({ Name: 'sdk', GroupName: 'team', ScheduleExpression: 'rate(1 hour)', StartDate: new Date(start + 60_000), FlexibleTimeWindow: OFF, Target: { Arn: 'arn:aws:scheduler:::aws-sdk:sqs:sendMessage', RoleArn: ROLE, Input: JSON.stringify({ QueueUrl: q.url, MessageBody: 'from-sdk' }) } }));
    await scheduler.send(new CreateScheduleCommand({ Name: 'bus', GroupName: 'team', ScheduleExpression: 'rate(1 hour)', StartDate: new Date(start + 60_000), FlexibleTimeWindow: OFF, Target: { Arn: 'arn:aws:events:us-east-1:000000000000:event-bus/default', RoleArn: ROLE, Input: '{"k":1}', EventBridgeParameters: { Source: 'my.scheduler', DetailType: 'Tick' } } }));
    t.server.clock.advance(60_000 + 16 * 60_000);
    const got = await receiveN(t.sqs, q.url, 2);
    assert.deepEqual(got.map((m) => m.Body).sort(), ['"flex"', 'from-sdk']);
    const [e] = await receiveN(t.sqs, viaBus.url, 1);
    const event = JSON.parse(e!.Body!);
    assert.equal(event['detail-type'], 'Tick');
    assert.deepEqual(event.detail, { k: 1 });
    const list = await scheduler.send(new ListSchedulesCommand({ GroupName: 'team', NamePrefix: 'f' }));
    assert.deepEqual(list.Schedules!.map((s) => s.Name), ['flex']);
    await scheduler.send(new UpdateScheduleCommand({ Name: 'flex', GroupName: 'team', ScheduleExpression: 'rate(1 hour)', FlexibleTimeWindow: OFF, State: 'DISABLED', Target: { Arn: q.arn, RoleArn: ROLE } }));
    assert.deepEqual((await scheduler.send(new ListSchedulesCommand({ State: 'DISABLED' }))).Schedules!.map((s) => s.Name), ['flex']);
  });

  it('bad input: status, code and message', async () => {
    const target = { Arn: 'arn:aws:sqs:us-east-1:000000000000:x', RoleArn: ROLE };
    let e = await failure(scheduler.send(new CreateScheduleCommand({ Name: 'bad', ScheduleExpression: 'rate(10 seconds)', FlexibleTimeWindow: OFF, Target: target })));
    assert.deepEqual(e, { name: 'ValidationException', status: 400, message: 'Invalid Schedule Expression rate(10 seconds).' });
    e = await failure(scheduler.send(new GetScheduleCommand({ Name: 'nope' })));
    assert.deepEqual(e, { name: 'ResourceNotFoundException', status: 404, message: 'Schedule nope does not exist.' });
    e = await failure(scheduler.send(new CreateScheduleCommand({ Name: 'g', GroupName: 'nogroup', ScheduleExpression: 'rate(1 hour)', FlexibleTimeWindow: OFF, Target: target })));
    assert.deepEqual(e, { name: 'ResourceNotFoundException', status: 404, message: 'Schedule group nogroup does not exist.' });
    await scheduler.send(new CreateScheduleCommand({ Name: 'dup', ScheduleExpression: 'rate(1 hour)', FlexibleTimeWindow: OFF, Target: target }));
    e = await failure(scheduler.send(new CreateScheduleCommand({ Name: 'dup', ScheduleExpression: 'rate(1 hour)', FlexibleTimeWindow: OFF, Target: target })));
    assert.deepEqual(e, { name: 'ConflictException', status: 409, message: 'Schedule dup already exists.' });
  });
});
