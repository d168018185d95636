import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { PutEventsCommand, PutRuleCommand, PutTargetsCommand } from '@aws-sdk/client-eventbridge';
import { CloudWatchLogsClient, FilterLogEventsCommand } from '@aws-sdk/client-cloudwatch-logs';
import { CreateQueueCommand, GetQueueAttributesCommand } from '@aws-sdk/client-sqs';
import { CreateStateMachineCommand, DescribeExecutionCommand, ListExecutionsCommand, SFNClient } from '@aws-sdk/client-sfn';
import { LambdaClient } from '@aws-sdk/client-lambda';
import { definition as stepfunctionsService } from '../../src/services/stepfunctions/index.js';
import { clientConfig } from '../helpers/server.js';
import { createFunction, ROLE, SERVICES } from '../lambda/helpers.js';
import { eventsServer, receiveN, type EventsTestContext } from './helpers.js';

const ACCOUNT = '000000000000';

describe('EventBridge targets: Lambda, Step Functions, dead-letter queues', () => {
  let t: EventsTestContext;
  let lambda: LambdaClient;
  let logs: CloudWatchLogsClient;
  before(async () => {
    t = await eventsServer([...SERVICES, stepfunctionsService], { config: { services: { lambda: { idleTimeoutSeconds: 600 } } } });
    lambda = new LambdaClient(clientConfig(t.server.endpoint));
    logs = new CloudWatchLogsClient(clientConfig(t.server.endpoint));
  });
  after(() => t.server.stop());

  it('a Lambda target is invoked asynchronously with the InputTransformer output', async () => {
    await createFunction(lambda, 'on-event', { 'index.js': 'exports.handler = async (e) => { console.log("GOT " + JSON.stringify(e)); return "ok"; };' });
    await t.events.send(new PutRuleCommand({ Name: 'to-lambda', EventPattern: JSON.stringify({ source: ['app'] }) }));
    await t.events.send(new PutTargetsCommand({ Rule: 'to-lambda', Targets: [{ Id: 'fn', Arn: `arn:aws:lambda:us-east-1:${ACCOUNT}:function:on-event`, InputTransformer: { InputPathsMap: { user: '$.detail.user' }, InputTemplate: '{"greeting": "hello <user>", "rule": "<aws.events.rule-arn>"}' } }] }));
    await t.events.send(new PutEventsCommand({ Entries: [{ Source: 'app', DetailType: 'Signup', Detail: '{"user":"ada"}' }] }));
    let line: string | undefined;
    for (let i = 0; i < 100 && !line; i++) {
      const out = await logs.send(new FilterLogEventsCommand({ logGroupName: '/aws/lambda/on-event' })).catch(() => ({ events: [] }));
      line = out.events?.find((e) => e.message?.includes('GOT '))?.message;
      if (!line) await new Promise((r) => setTimeout(r, 100));
    }
    assert.ok(line, 'the function ran');
    const payload = JSON.parse(line!.slice(line!.indexOf('GOT ') + 4).trim());
    assert.deepEqual(payload, { greeting: 'hello ada', rule: `arn:aws:events:us-east-1:${ACCOUNT}:rule/to-lambda` });
  });

  it('a rule -> Step Functions StartExecution with the event as input', async () => {
    const sfn = new SFNClient(clientConfig(t.server.endpoint));
    const { stateMachineArn } = await sfn.send(new CreateStateMachineCommand({ name: 'flow', roleArn: ROLE, definition: JSON.stringify({ StartAt: 'P', States: { P: { Type: 'Pass', End: true } } }) }));
    await t.events.send(new PutRuleCommand({ Name: 'to-sfn', EventPattern: JSON.stringify({ source: ['wf'] }) }));
    await t.events.send(new PutTargetsCommand({ Rule: 'to-sfn', Targets: [{ Id: 'sm', Arn: stateMachineArn }] }));
    const out = await t.events.send(new PutEventsCommand({ Entries: [{ Source: 'wf', DetailType: 'Go', Detail: '{"n":7}' }] }));
    let executions: { executionArn?: string }[] = [];
    for (let i = 0; i < 100 && executions.length === 0; i++) {
      executions = (await sfn.send(new ListExecutionsCommand({ stateMachineArn }))).executions ?? [];
      if (!executions.length) await new Promise((r) => setTimeout(r, 50));
    }
    assert.equal(executions.length, 1);
    const ex = await sfn.send(new DescribeExecutionCommand({ executionArn: executions[0]!.executionArn }));
    const input = JSON.parse(ex.input!);
    assert.equal(input.id, out.Entries![0]!.EventId);
    assert.deepEqual(input.detail, { n: 7 });
  });

  it('a Lambda target that does not exist: not retried, dead-lettered with NO_RESOURCE', async () => {
    const { QueueUrl } = await t.sqs.send(new CreateQueueCommand({ QueueName: 'fn-dlq' }));
    const { Attributes } = await t.sqs.send(new GetQueueAttributesCommand({ QueueUrl, AttributeNames: ['QueueArn'] }));
    const missing = `arn:aws:lambda:us-east-1:${ACCOUNT}:function:missing`;
    await t.events.send(new PutRuleCommand({ Name: 'to-missing', EventPattern: JSON.stringify({ source: ['lost'] }) }));
    await t.events.send(new PutTargetsCommand({ Rule: 'to-missing', Targets: [{ Id: 'fn', Arn: missing, DeadLetterConfig: { Arn: Attributes!.QueueArn } }] }));
    const out = await t.events.send(new PutEventsCommand({ Entries: [{ Source: 'lost', DetailType: 'L', Detail: '{}' }] }));
    const [m] = await receiveN(t.sqs, QueueUrl!, 1);
    assert.equal(JSON.parse(m!.Body!).id, out.Entries![0]!.EventId);
    const attr = (k: string) => m!.MessageAttributes![k]?.StringValue;
    assert.equal(attr('ERROR_CODE'), 'NO_RESOURCE');
    assert.equal(attr('RETRY_ATTEMPTS'), '0');
    assert.equal(attr('TARGET_ARN'), missing);
    assert.equal(attr('EXHAUSTED_RETRY_CONDITION'), undefined);
  });
});
