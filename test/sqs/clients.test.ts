import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { CreateQueueCommand, GetQueueAttributesCommand, SendMessageBatchCommand, SendMessageCommand, type SQSClient } from '@aws-sdk/client-sqs';
import { Consumer } from 'sqs-consumer';
import { awsCli, boto3 } from '../helpers/clients.js';
import { createHash } from 'node:crypto';
import { request } from 'node:http';
import type { TestServer } from '../helpers/server.js';
import { sqsServer } from './helpers.js';

describe('SQS with other clients', () => {
  let server: TestServer;
  let sqs: SQSClient;
  before(async () => ({ server, sqs } = await sqsServer()));
  after(() => server.stop());

  it('boto3 over the query protocol: queues, FIFO order, attributes, MD5s, errors', async () => {
    const out = await boto3(
      [
        'import boto3, json, os',
        "c = boto3.client('sqs', endpoint_url=os.environ['ENDPOINT'])",
        "u = c.create_queue(QueueName='py.fifo', Attributes={'FifoQueue': 'true', 'ContentBasedDeduplication': 'true'})['QueueUrl']",
        "for i in range(3): c.send_message(QueueUrl=u, MessageBody='m%d' % i, MessageGroupId='g', MessageAttributes={'n': {'DataType': 'Number', 'StringValue': str(i)}})",
        "r = c.receive_message(QueueUrl=u, MaxNumberOfMessages=10, MessageAttributeNames=['All'], AttributeNames=['All'])",
        "b = c.send_message_batch(QueueUrl=u, Entries=[{'Id': 'x', 'MessageBody': 'y', 'MessageGroupId': 'h'}, {'Id': 'z', 'MessageBody': 'z', 'MessageGroupId': 'h'}])",
        'try:',
        "    c.get_queue_url(QueueName='nope')",
        '    err = None',
        'except c.exceptions.QueueDoesNotExist as e:',
        "    err = e.response['Error']['Code']",
        "a = c.get_queue_attributes(QueueUrl=u, AttributeNames=['All'])['Attributes']",
        "print(json.dumps({'url': u, 'bodies': [m['Body'] for m in r['Messages']], 'n': [m['MessageAttributes']['n']['StringValue'] for m in r['Messages']], 'group': r['Messages'][0]['Attributes']['MessageGroupId'], 'err': err, 'fifo': a['FifoQueue'], 'batch_ok': len(b.get('Successful', []))}))",
      ].join('\n'),
      server.endpoint,
    );
    const r = JSON.parse(out) as Record<string, unknown>;
    assert.deepEqual(r.bodies, ['m0', 'm1', 'm2']);
    assert.deepEqual(r.n, ['0', '1', '2']);
    assert.equal(r.group, 'g');
    assert.equal(r.err, 'AWS.SimpleQueueService.NonExistentQueue');
    assert.equal(r.fifo, 'true');
    assert.equal(r.batch_ok, 2);
  });

  it('the query protocol POSTed to the queue URL (older SDKs) names the queue by its path', async () => {
    const { QueueUrl } = await sqs.send(new CreateQueueCommand({ QueueName: 'by-path' }));
    const path = new URL(QueueUrl!).pathname;
    const res = await post(server.port, path, `sqs.us-east-1.localhost:${server.port}`, 'Action=SendMessage&Version=2012-11-05&MessageBody=hello');
    assert.equal(res.status, 200, res.text);
    assert.match(res.text, /<MD5OfMessageBody>5d41402abc4b2a76b9719d911017c592<\/MD5OfMessageBody>/);
    const { Attributes } = await sqs.send(new GetQueueAttributesCommand({ QueueUrl, AttributeNames: ['ApproximateNumberOfMessages'] }));
    assert.equal(Attributes!.ApproximateNumberOfMessages, '1');
  });

  it('the AWS CLI: create-queue, send-message, receive-message, delete-message', async () => {
    const ep = ['--endpoint-url', server.endpoint];
    const { QueueUrl } = JSON.parse(await awsCli(['sqs', 'create-queue', '--queue-name', 'cli', ...ep])) as { QueueUrl: string };
    const sent = JSON.parse(await awsCli(['sqs', 'send-message', '--queue-url', QueueUrl, '--message-body', 'from cli', '--message-attributes', 'k={DataType=String,StringValue=v}', ...ep])) as { MD5OfMessageBody: string };
    assert.equal(sent.MD5OfMessageBody, createHash('md5').update('from cli').digest('hex'));
    const got = JSON.parse(await awsCli(['sqs', 'receive-message', '--queue-url', QueueUrl, '--message-attribute-names', 'All', ...ep])) as { Messages: { Body: string; ReceiptHandle: string; MessageAttributes: Record<string, { StringValue: string }> }[] };
    assert.equal(got.Messages[0]!.Body, 'from cli');
    assert.equal(got.Messages[0]!.MessageAttributes.k!.StringValue, 'v');
    await awsCli(['sqs', 'delete-message', '--queue-url', QueueUrl, '--receipt-handle', got.Messages[0]!.ReceiptHandle, ...ep]);
    const attrs = JSON.parse(await awsCli(['sqs', 'get-queue-attributes', '--queue-url', QueueUrl, '--attribute-names', 'All', ...ep])) as { Attributes: Record<string, string> };
    assert.equal(attrs.Attributes.ApproximateNumberOfMessages, '0');
    assert.equal(attrs.Attributes.ApproximateNumberOfMessagesNotVisible, '0');
  });

  it('sqs-consumer consumes every message once, failures go to the dead-letter queue', async () => {
    const dlq = (await sqs.send(new CreateQueueCommand({ QueueName: 'consumer-dlq' }))).QueueUrl!;
    const dlqArn = (await sqs.send(new GetQueueAttributesCommand({ QueueUrl: dlq, AttributeNames: ['QueueArn'] }))).Attributes!.QueueArn!;
    const QueueUrl = (await sqs.send(new CreateQueueCommand({ QueueName: 'consumer', Attributes: { VisibilityTimeout: '1', RedrivePolicy: JSON.stringify({ deadLetterTargetArn: dlqArn, maxReceiveCount: 1 }) } }))).QueueUrl!;
    for (let i = 0; i < 3; i++) {
      await sqs.send(new SendMessageBatchCommand({ QueueUrl, Entries: Array.from({ length: 10 }, (_, j) => ({ Id: `e${j}`, MessageBody: String(i * 10 + j) })) }));
    }
    await sqs.send(new SendMessageCommand({ QueueUrl, MessageBody: 'poison' }));
    const seen: string[] = [];
    const consumer = Consumer.create({
      queueUrl: QueueUrl,
      sqs,
      batchSize: 10,
      waitTimeSeconds: 1,
      handleMessage: async (m) => {
        if (m.Body === 'poison') throw new Error('cannot handle');
        seen.push(m.Body!);
        return m;
      },
    });
    consumer.on('error', () => {});
    consumer.on('processing_error', () => {});
    consumer.start();
    for (let i = 0; i < 100 && seen.length < 30; i++) await new Promise((r) => setTimeout(r, 50));
    // The poison message's visibility runs out (platform clock), and its next receive moves it.
    for (let i = 0; i < 40; i++) {
      server.clock.advance(1_000);
      await new Promise((r) => setTimeout(r, 50));
      const { Attributes } = await sqs.send(new GetQueueAttributesCommand({ QueueUrl: dlq, AttributeNames: ['ApproximateNumberOfMessages'] }));
      if (Attributes!.ApproximateNumberOfMessages === '1') break;
    }
    consumer.stop({ abort: true });
    assert.equal(seen.length, 30);
    assert.equal(new Set(seen).size, 30);
    const { Attributes } = await sqs.send(new GetQueueAttributesCommand({ QueueUrl: dlq, AttributeNames: ['ApproximateNumberOfMessages'] }));
    assert.equal(Attributes!.ApproximateNumberOfMessages, '1');
  });
});

/** A form POST with its own Host header (an older SDK sending to the queue URL). */
function post(port: number, path: string, host: string, body: string): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ port, host: '127.0.0.1', path, method: 'POST', headers: { host, 'content-type': 'application/x-www-form-urlencoded' } }, (res) => {
      let text = '';
      res.on('data', (d: Buffer) => (text += d.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}
