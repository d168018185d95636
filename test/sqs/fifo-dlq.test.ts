import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  CancelMessageMoveTaskCommand,
  CreateQueueCommand,
  DeleteMessageCommand,
  GetQueueAttributesCommand,
  ListDeadLetterSourceQueuesCommand,
  ListMessageMoveTasksCommand,
  ReceiveMessageCommand,
  SendMessageBatchCommand,
  SendMessageCommand,
  StartMessageMoveTaskCommand,
  type SQSClient,
} from '@aws-sdk/client-sqs';
import type { TestServer } from '../helpers/server.js';
import { failure, sqsServer } from './helpers.js';

describe('SQS FIFO queues and dead-letter queues', () => {
  let server: TestServer;
  let sqs: SQSClient;
  before(async () => ({ server, sqs } = await sqsServer()));
  after(() => server.stop());
  const queue = async (name: string, Attributes?: Record<string, string>) => (await sqs.send(new CreateQueueCommand({ QueueName: name, Attributes }))).QueueUrl!;
  const arnOf = async (QueueUrl: string) => (await sqs.send(new GetQueueAttributesCommand({ QueueUrl, AttributeNames: ['QueueArn'] }))).Attributes!.QueueArn!;

  it('delivers each group in order, a group blocked while a message of it is in flight', async () => {
    const QueueUrl = await queue('order.fifo', { FifoQueue: 'true', ContentBasedDeduplication: 'true' });
    for (const [g, n] of [['A', 1], ['B', 1], ['A', 2], ['B', 2], ['A', 3]] as const) {
      await sqs.send(new SendMessageCommand({ QueueUrl, MessageBody: `${g}${n}`, MessageGroupId: g }));
    }
    const first = await sqs.send(new ReceiveMessageCommand({ QueueUrl, MaxNumberOfMessages: 2, MessageSystemAttributeNames: ['All'] }));
    // As many of one group as possible first.
    assert.deepEqual(first.Messages!.map((m) => m.Body), ['A1', 'A2']);
    assert.equal(first.Messages![0]!.Attributes!.MessageGroupId, 'A');
    assert.match(first.Messages![0]!.Attributes!.SequenceNumber!, /^\d{20}$/);
    assert.match(first.Messages![0]!.Attributes!.MessageDeduplicationId!, /^[0-9a-f]{64}$/);
    // Group A is blocked (A1, A2 in flight): only B comes.
    const second = await sqs.send(new ReceiveMessageCommand({ QueueUrl, MaxNumberOfMessages: 10 }));
    assert.deepEqual(second.Messages!.map((m) => m.Body), ['B1', 'B2']);
    assert.equal((await sqs.send(new ReceiveMessageCommand({ QueueUrl, MaxNumberOfMessages: 10 }))).Messages, undefined);
    await sqs.send(new DeleteMessageCommand({ QueueUrl, ReceiptHandle: first.Messages![0]!.ReceiptHandle! }));
    assert.equal((await sqs.send(new ReceiveMessageCommand({ QueueUrl }))).Messages, undefined, 'A2 still in flight');
    await sqs.send(new DeleteMessageCommand({ QueueUrl, ReceiptHandle: first.Messages![1]!.ReceiptHandle! }));
    assert.deepEqual((await sqs.send(new ReceiveMessageCommand({ QueueUrl }))).Messages!.map((m) => m.Body), ['A3']);
  });

  it('FIFO delete after the visibility timeout: the receipt handle has expired', async () => {
    const QueueUrl = await queue('expire.fifo', { FifoQueue: 'true', VisibilityTimeout: '10' });
    await sqs.send(new SendMessageCommand({ QueueUrl, MessageBody: 'm', MessageGroupId: 'g', MessageDeduplicationId: 'd' }));
    const { Messages } = await sqs.send(new ReceiveMessageCommand({ QueueUrl }));
    server.clock.advance(10_000);
    const err = await failure(sqs.send(new DeleteMessageCommand({ QueueUrl, ReceiptHandle: Messages![0]!.ReceiptHandle! })));
    assert.equal(err.code, 'InvalidParameterValue');
    assert.equal(err.message, `Value ${Messages![0]!.ReceiptHandle} for parameter ReceiptHandle is invalid. Reason: The receipt handle has expired.`);
  });

  it('deduplicates by id and by content over 5 minutes, answering the first message id', async () => {
    const QueueUrl = await queue('dedup.fifo', { FifoQueue: 'true', ContentBasedDeduplication: 'true' });
    const a = await sqs.send(new SendMessageCommand({ QueueUrl, MessageBody: 'same', MessageGroupId: 'g' }));
    const b = await sqs.send(new SendMessageCommand({ QueueUrl, MessageBody: 'same', MessageGroupId: 'g' }));
    assert.equal(b.MessageId, a.MessageId);
    assert.equal(b.SequenceNumber, a.SequenceNumber);
    const c = await sqs.send(new SendMessageCommand({ QueueUrl, MessageBody: 'other', MessageGroupId: 'g', MessageDeduplicationId: 'id-1' }));
    const d = await sqs.send(new SendMessageCommand({ QueueUrl, MessageBody: 'different body', MessageGroupId: 'h', MessageDeduplicationId: 'id-1' }));
    assert.equal(d.MessageId, c.MessageId, 'queue-wide dedup scope');
    server.clock.advance(5 * 60_000);
    const e = await sqs.send(new SendMessageCommand({ QueueUrl, MessageBody: 'same', MessageGroupId: 'g' }));
    assert.notEqual(e.MessageId, a.MessageId);
    const { Attributes } = await sqs.send(new GetQueueAttributesCommand({ QueueUrl, AttributeNames: ['ApproximateNumberOfMessages'] }));
    assert.equal(Attributes!.ApproximateNumberOfMessages, '3');
  });

  it('ReceiveRequestAttemptId answers the same messages on a retry', async () => {
    const QueueUrl = await queue('attempt.fifo', { FifoQueue: 'true', ContentBasedDeduplication: 'true' });
    await sqs.send(new SendMessageBatchCommand({ QueueUrl, Entries: [{ Id: '1', MessageBody: 'one', MessageGroupId: 'g' }, { Id: '2', MessageBody: 'two', MessageGroupId: 'g' }] }));
    const a = await sqs.send(new ReceiveMessageCommand({ QueueUrl, MaxNumberOfMessages: 10, ReceiveRequestAttemptId: 'try-1' }));
    const b = await sqs.send(new ReceiveMessageCommand({ QueueUrl, MaxNumberOfMessages: 10, ReceiveRequestAttemptId: 'try-1' }));
    assert.deepEqual(b.Messages!.map((m) => m.ReceiptHandle), a.Messages!.map((m) => m.ReceiptHandle));
  });

  it('invalid FIFO parameters', async () => {
    const QueueUrl = await queue('params.fifo', { FifoQueue: 'true' });
    let err = await failure(sqs.send(new SendMessageCommand({ QueueUrl, MessageBody: 'x', MessageDeduplicationId: 'd' })));
    assert.equal(err.code, 'MissingParameter');
    assert.equal(err.message, 'The request must contain the parameter MessageGroupId.');
    err = await failure(sqs.send(new SendMessageCommand({ QueueUrl, MessageBody: 'x', MessageGroupId: 'g' })));
    assert.equal(err.message, 'The queue should either have ContentBasedDeduplication enabled or MessageDeduplicationId provided explicitly');
    err = await failure(sqs.send(new SendMessageCommand({ QueueUrl, MessageBody: 'x', MessageGroupId: 'g', MessageDeduplicationId: 'd', DelaySeconds: 2 })));
    assert.equal(err.message, 'Value 2 for parameter DelaySeconds is invalid. Reason: The request include parameter that is not valid for this queue type.');
    err = await failure(sqs.send(new SendMessageCommand({ QueueUrl, MessageBody: 'x', MessageGroupId: 'group 123', MessageDeduplicationId: 'd' })));
    assert.equal(err.message, 'Value group 123 for parameter MessageGroupId is invalid. Reason: MessageGroupId can only include alphanumeric and punctuation characters. 1 to 128 in length.');
    err = await failure(sqs.send(new SendMessageBatchCommand({ QueueUrl, Entries: [{ Id: 'a', MessageBody: 'x', MessageDeduplicationId: 'd' }] })));
    assert.equal(err.code, 'InvalidParameterValue');
    const std = await queue('params-std');
    err = await failure(sqs.send(new SendMessageCommand({ QueueUrl: std, MessageBody: 'x', MessageDeduplicationId: 'd' })));
    assert.equal(err.message, 'Value d for parameter MessageDeduplicationId is invalid. Reason: The request includes a parameter that is not valid for this queue type.');
  });

  it('moves a message to the dead-letter queue after maxReceiveCount, then redrives it back with a move task', async () => {
    const dlq = await queue('dlq');
    const dlqArn = await arnOf(dlq);
    const src = await queue('src', { VisibilityTimeout: '5', RedrivePolicy: JSON.stringify({ deadLetterTargetArn: dlqArn, maxReceiveCount: 2 }) });
    const srcArn = await arnOf(src);
    assert.deepEqual((await sqs.send(new ListDeadLetterSourceQueuesCommand({ QueueUrl: dlq }))).queueUrls, [src]);
    const { MessageId } = await sqs.send(new SendMessageCommand({ QueueUrl: src, MessageBody: 'poison' }));
    for (let i = 0; i < 2; i++) {
      assert.equal((await sqs.send(new ReceiveMessageCommand({ QueueUrl: src }))).Messages!.length, 1);
      server.clock.advance(5_000);
    }
    assert.equal((await sqs.send(new ReceiveMessageCommand({ QueueUrl: src }))).Messages, undefined, 'moved on the third receive');
    const dead = await sqs.send(new ReceiveMessageCommand({ QueueUrl: dlq, MessageSystemAttributeNames: ['All'], VisibilityTimeout: 0 }));
    assert.equal(dead.Messages![0]!.MessageId, MessageId);
    assert.equal(dead.Messages![0]!.Attributes!.DeadLetterQueueSourceArn, srcArn);
    assert.equal(dead.Messages![0]!.Attributes!.ApproximateReceiveCount, '3');

    let err = await failure(sqs.send(new StartMessageMoveTaskCommand({ SourceArn: srcArn })));
    assert.equal(err.message, 'Source queue must be configured as a Dead Letter Queue.');
    const { TaskHandle } = await sqs.send(new StartMessageMoveTaskCommand({ SourceArn: dlqArn }));
    assert.ok(TaskHandle);
    let back: string | undefined;
    for (let i = 0; i < 50 && !back; i++) {
      const r = await sqs.send(new ReceiveMessageCommand({ QueueUrl: src, WaitTimeSeconds: 1 }));
      back = r.Messages?.[0]?.Body;
    }
    assert.equal(back, 'poison');
    const { Results } = await sqs.send(new ListMessageMoveTasksCommand({ SourceArn: dlqArn, MaxResults: 10 }));
    assert.equal(Results![0]!.Status, 'COMPLETED');
    assert.equal(Results![0]!.ApproximateNumberOfMessagesMoved, 1);
    assert.equal(Results![0]!.TaskHandle, undefined);
    err = await failure(sqs.send(new CancelMessageMoveTaskCommand({ TaskHandle: TaskHandle! })));
    assert.equal(err.message, 'Only active tasks can be cancelled.');
  });

  it('RedriveAllowPolicy is enforced, and the dead-letter queue must be the same type', async () => {
    const closed = await queue('closed-dlq', { RedriveAllowPolicy: JSON.stringify({ redrivePermission: 'denyAll' }) });
    const arn = await arnOf(closed);
    let err = await failure(sqs.send(new CreateQueueCommand({ QueueName: 'wants-closed', Attributes: { RedrivePolicy: JSON.stringify({ deadLetterTargetArn: arn, maxReceiveCount: 1 }) } })));
    assert.equal(err.code, 'InvalidParameterValue');
    const fifo = await queue('dlq.fifo', { FifoQueue: 'true' });
    err = await failure(sqs.send(new CreateQueueCommand({ QueueName: 'std-src', Attributes: { RedrivePolicy: JSON.stringify({ deadLetterTargetArn: await arnOf(fifo), maxReceiveCount: 1 }) } })));
    assert.match(err.message, /Dead-letter queue must be same type of queue as the source\.$/);
    err = await failure(sqs.send(new CreateQueueCommand({ QueueName: 'rap', Attributes: { RedriveAllowPolicy: '{"redrivePermission":"byQueue"}' } })));
    assert.equal(err.code, 'InvalidParameterValue');
  });
});
