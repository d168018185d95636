import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { CloudWatchLogsClient, FilterLogEventsCommand } from '@aws-sdk/client-cloudwatch-logs';
import { LambdaClient } from '@aws-sdk/client-lambda';
import { CreateTopicCommand, PublishCommand, SubscribeCommand } from '@aws-sdk/client-sns';
import { clientConfig } from '../helpers/server.js';
import { createFunction, SERVICES } from '../lambda/helpers.js';
import { eventually, snsServer, type SnsTestContext } from './helpers.js';

describe('SNS delivery to Lambda', () => {
  let t: SnsTestContext;
  let lambda: LambdaClient;
  let logs: CloudWatchLogsClient;
  before(async () => {
    t = await snsServer({ services: SERVICES, config: { services: { lambda: { idleTimeoutSeconds: 600 } } } });
    lambda = new LambdaClient(clientConfig(t.server.endpoint));
    logs = new CloudWatchLogsClient(clientConfig(t.server.endpoint));
  });
  after(async () => {
    lambda.destroy();
    logs.destroy();
    t.sns.destroy();
    t.sqs.destroy();
    await t.server.stop();
  });

  it('invokes the function asynchronously with the documented Records[].Sns event', async () => {
    await createFunction(lambda, 'sns-listener', { 'index.js': 'exports.handler = async (e) => { console.log("SNS-EVENT " + JSON.stringify(e)); };' });
    const { TopicArn } = await t.sns.send(new CreateTopicCommand({ Name: 'to-lambda' }));
    const FunctionArn = 'arn:aws:lambda:us-east-1:000000000000:function:sns-listener';
    const { SubscriptionArn } = await t.sns.send(new SubscribeCommand({ TopicArn, Protocol: 'lambda', Endpoint: FunctionArn }));
    const { MessageId } = await t.sns.send(new PublishCommand({ TopicArn, Message: 'Hello world.', MessageAttributes: { Test: { DataType: 'String', StringValue: 'TestString' } } }));
    const line = await eventually(async () => {
      try {
        const out = await logs.send(new FilterLogEventsCommand({ logGroupName: '/aws/lambda/sns-listener', filterPattern: '"SNS-EVENT"' }));
        return out.events?.[0]?.message;
      } catch (e) {
        if ((e as Error).name === 'ResourceNotFoundException') return undefined;
        throw e;
      }
    }, 60_000);
    const event = JSON.parse(line.slice(line.indexOf('SNS-EVENT ') + 'SNS-EVENT '.length));
    assert.equal(event.Records.length, 1);
    const r = event.Records[0];
    assert.equal(r.EventSource, 'aws:sns');
    assert.equal(r.EventVersion, '1.0');
    assert.equal(r.EventSubscriptionArn, SubscriptionArn);
    assert.deepEqual(Object.keys(r.Sns).sort(), ['Message', 'MessageAttributes', 'MessageId', 'Signature', 'SignatureVersion', 'SigningCertUrl', 'Subject', 'Timestamp', 'TopicArn', 'Type', 'UnsubscribeUrl']);
    assert.equal(r.Sns.Type, 'Notification');
    assert.equal(r.Sns.MessageId, MessageId);
    assert.equal(r.Sns.TopicArn, TopicArn);
    assert.equal(r.Sns.Subject, null);
    assert.equal(r.Sns.Message, 'Hello world.');
    assert.deepEqual(r.Sns.MessageAttributes, { Test: { Type: 'String', Value: 'TestString' } });
    assert.match(r.Sns.SigningCertUrl, /SimpleNotificationService-[0-9a-f]{32}\.pem$/);
    assert.equal(r.Sns.UnsubscribeUrl.endsWith(`?Action=Unsubscribe&SubscriptionArn=${SubscriptionArn}`), true);
  });
});
