import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { awsCli, boto3 } from '../helpers/clients.js';
import { snsServer, type SnsTestContext } from './helpers.js';

describe('SNS with the AWS CLI and boto3', () => {
  let t: SnsTestContext;
  before(async () => {
    t = await snsServer();
  });
  after(async () => {
    t.sns.destroy();
    t.sqs.destroy();
    await t.server.stop();
  });

  it('AWS CLI: create-topic, subscribe a queue, publish, receive the envelope; errors as AWS', async () => {
    const e = ['--endpoint-url', t.server.endpoint];
    const topic = JSON.parse(await awsCli(['sns', 'create-topic', '--name', 'cli-topic', ...e])).TopicArn as string;
    const queueUrl = JSON.parse(await awsCli(['sqs', 'create-queue', '--queue-name', 'cli-queue', ...e])).QueueUrl as string;
    const sub = JSON.parse(await awsCli(['sns', 'subscribe', '--topic-arn', topic, '--protocol', 'sqs', '--notification-endpoint', 'arn:aws:sqs:us-east-1:000000000000:cli-queue', ...e]));
    assert.ok(sub.SubscriptionArn.startsWith(`${topic}:`));
    const pub = JSON.parse(await awsCli(['sns', 'publish', '--topic-arn', topic, '--message', 'from the cli', '--subject', 'cli', '--message-attributes', '{"k":{"DataType":"String","StringValue":"v"}}', ...e]));
    let body: Record<string, unknown> | undefined;
    for (let i = 0; i < 20 && !body; i++) {
      const out = await awsCli(['sqs', 'receive-message', '--queue-url', queueUrl, '--wait-time-seconds', '1', ...e]);
      if (out.trim()) body = JSON.parse(JSON.parse(out).Messages[0].Body);
    }
    assert.equal(body!.MessageId, pub.MessageId);
    assert.equal(body!.Message, 'from the cli');
    assert.deepEqual(body!.MessageAttributes, { k: { Type: 'String', Value: 'v' } });
    await assert.rejects(awsCli(['sns', 'get-topic-attributes', '--topic-arn', `${topic}-missing`, ...e]), /\(NotFound\) when calling the GetTopicAttributes operation: Topic does not exist/);
  });

  it('boto3: publish_batch to a FIFO topic answers sequence numbers', async () => {
    const out = await boto3(
      `
import boto3, json, os
sns = boto3.client('sns', endpoint_url=os.environ['ENDPOINT'])
arn = sns.create_topic(Name='py.fifo', Attributes={'FifoTopic': 'true', 'ContentBasedDeduplication': 'true'})['TopicArn']
r = sns.publish_batch(TopicArn=arn, PublishBatchRequestEntries=[{'Id': str(i), 'Message': 'm%d' % i, 'MessageGroupId': 'g'} for i in range(3)])
try:
    sns.publish(TopicArn=arn, Message='x')
    err = None
except sns.exceptions.InvalidParameterException as e:
    err = e.response['Error']
print(json.dumps({'ok': [s['SequenceNumber'] for s in r['Successful']], 'err': err}))
`,
      t.server.endpoint,
    );
    const r = JSON.parse(out);
    assert.equal(r.ok.length, 3);
    assert.deepEqual([...r.ok].sort(), r.ok);
    assert.equal(r.err.Code, 'InvalidParameter');
    assert.equal(r.err.Message, 'Invalid parameter: The MessageGroupId parameter is required for FIFO topics');
  });
});
