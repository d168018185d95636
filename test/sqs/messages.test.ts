import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  ChangeMessageVisibilityBatchCommand,
  ChangeMessageVisibilityCommand,
  CreateQueueCommand,
  DeleteMessageBatchCommand,
  DeleteMessageCommand,
  GetQueueAttributesCommand,
  ReceiveMessageCommand,
  SendMessageBatchCommand,
  SendMessageCommand,
  SetQueueAttributesCommand,
  type SQSClient,
} from '@aws-sdk/client-sqs';
import type { TestServer } from '../helpers/server.js';
import { failure, sqsServer } from './helpers.js';

describe('SQS messages', () => {
  let server: TestServer;
  let sqs: SQSClient;
  before(async () => ({ server, sqs } = await sqsServer()));
  after(() => server.stop());
  const queue = async (name: string, Attributes?: Record<string, string>) => (await sqs.send(new CreateQueueCommand({ QueueName: name, Attributes }))).QueueUrl!;
  const counts = async (QueueUrl: string) => {
    const { Attributes } = await sqs.send(new GetQueueAttributesCommand({ QueueUrl, AttributeNames: ['ApproximateNumberOfMessages', 'ApproximateNumberOfMessagesNotVisible', 'ApproximateNumberOfMessagesDelayed'] }));
    return [Number(Attributes!.ApproximateNumberOfMessages), Number(Attributes!.ApproximateNumberOfMessagesNotVisible), Number(Attributes!.ApproximateNumberOfMessagesDelayed)];
  };

  it('MD5 digests are AWS\'s (known values), and the SDK verifies them on send and receive', async () => {
    const QueueUrl = await queue('md5');
    const sent = await sqs.send(
      new SendMessageCommand({
        QueueUrl,
        MessageBody: 'message-1',
        MessageAttributes: { MyAttribute: { DataType: 'String', StringValue: 'foobar' } },
        MessageSystemAttributes: { AWSTraceHeader: { DataType: 'String', StringValue: 'Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1' } },
      }),
    );
    // Values recorded from AWS for this body and attribute.
    assert.equal(sent.MD5OfMessageBody, '3d6b824fd8c1520e9a047d21fee6fb1f');
    assert.equal(sent.MD5OfMessageAttributes, 'adb59cd4678ea5a855436b949cd07ab6');
    assert.match(sent.MD5OfMessageSystemAttributes!, /^[0-9a-f]{32}$/);
    await sqs.send(new SendMessageCommand({ QueueUrl, MessageBody: 'bin', MessageAttributes: { b: { DataType: 'Binary.gz', BinaryValue: Buffer.from([0, 1, 255]) }, n: { DataType: 'Number', StringValue: '-1.5e3' } } }));
    const { Messages } = await sqs.send(new ReceiveMessageCommand({ QueueUrl, MaxNumberOfMessages: 10, MessageAttributeNames: ['All'], MessageSystemAttributeNames: ['All'] }));
    assert.equal(Messages!.length, 2);
    const [m1, m2] = Messages!.sort((a, b) => a.Body!.localeCompare(b.Body!));
    assert.equal(m2!.MD5OfMessageAttributes, 'adb59cd4678ea5a855436b949cd07ab6');
    assert.equal(m2!.Attributes!.AWSTraceHeader, 'Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1');
    assert.equal(m2!.Attributes!.ApproximateReceiveCount, '1');
    assert.deepEqual([...m1!.MessageAttributes!.b!.BinaryValue!], [0, 1, 255]);
    assert.equal(m1!.MessageAttributes!.n!.StringValue, '-1.5e3');
  });

  it('MessageAttributeNames: exact names and prefixes (name.*), with the MD5 of what is returned', async () => {
    const QueueUrl = await queue('filters');
    await sqs.send(
      new SendMessageCommand({
        QueueUrl,
        MessageBody: 'x',
        MessageAttributes: { 'order.id': { DataType: 'String', StringValue: '1' }, 'order.kind': { DataType: 'String', StringValue: 'k' }, other: { DataType: 'Number', StringValue: '5' } },
      }),
    );
    const { Messages } = await sqs.send(new ReceiveMessageCommand({ QueueUrl, MessageAttributeNames: ['order.*'], MessageSystemAttributeNames: ['SentTimestamp'] }));
    assert.deepEqual(Object.keys(Messages![0]!.MessageAttributes!).sort(), ['order.id', 'order.kind']);
    assert.deepEqual(Object.keys(Messages![0]!.Attributes!), ['SentTimestamp']);
  });

  it('visibility: an unacknowledged message comes back when its timeout ends (platform clock), never before', async () => {
    const QueueUrl = await queue('vis', { VisibilityTimeout: '30' });
    await sqs.send(new SendMessageCommand({ QueueUrl, MessageBody: 'again' }));
    const first = await sqs.send(new ReceiveMessageCommand({ QueueUrl, AttributeNames: ['All'] }));
    assert.equal(first.Messages!.length, 1);
    assert.deepEqual(await counts(QueueUrl), [0, 1, 0]);
    assert.equal((await sqs.send(new ReceiveMessageCommand({ QueueUrl }))).Messages, undefined);
    server.clock.advance(29_000);
    assert.equal((await sqs.send(new ReceiveMessageCommand({ QueueUrl }))).Messages, undefined);
    server.clock.advance(1_000);
    const second = await sqs.send(new ReceiveMessageCommand({ QueueUrl, AttributeNames: ['All'] }));
    assert.equal(second.Messages![0]!.Attributes!.ApproximateReceiveCount, '2');
    assert.equal(second.Messages![0]!.Attributes!.ApproximateFirstReceiveTimestamp, first.Messages![0]!.Attributes!.ApproximateFirstReceiveTimestamp);
    // The first receipt handle is stale: deleting with it succeeds but keeps the message.
    await sqs.send(new DeleteMessageCommand({ QueueUrl, ReceiptHandle: first.Messages![0]!.ReceiptHandle! }));
    assert.deepEqual(await counts(QueueUrl), [0, 1, 0]);
    await sqs.send(new DeleteMessageCommand({ QueueUrl, ReceiptHandle: second.Messages![0]!.ReceiptHandle! }));
    assert.deepEqual(await counts(QueueUrl), [0, 0, 0]);
  });

  it('ChangeMessageVisibility(Batch) and receipt handle errors', async () => {
    const QueueUrl = await queue('chvis');
    await sqs.send(new SendMessageBatchCommand({ QueueUrl, Entries: [{ Id: 'a', MessageBody: 'a' }, { Id: 'b', MessageBody: 'b' }] }));
    const { Messages } = await sqs.send(new ReceiveMessageCommand({ QueueUrl, MaxNumberOfMessages: 10 }));
    assert.equal(Messages!.length, 2);
    await sqs.send(new ChangeMessageVisibilityCommand({ QueueUrl, ReceiptHandle: Messages![0]!.ReceiptHandle!, VisibilityTimeout: 0 }));
    assert.deepEqual(await counts(QueueUrl), [1, 1, 0]);
    const batch = await sqs.send(
      new ChangeMessageVisibilityBatchCommand({ QueueUrl, Entries: [{ Id: 'ok', ReceiptHandle: Messages![1]!.ReceiptHandle!, VisibilityTimeout: 100 }, { Id: 'bad', ReceiptHandle: 'garbage', VisibilityTimeout: 5 }] }),
    );
    assert.deepEqual(batch.Successful, [{ Id: 'ok' }]);
    assert.deepEqual(batch.Failed, [{ Id: 'bad', SenderFault: true, Code: 'ReceiptHandleIsInvalid', Message: 'The input receipt handle "garbage" is not a valid receipt handle.' }]);
    let err = await failure(sqs.send(new DeleteMessageCommand({ QueueUrl, ReceiptHandle: 'garbage' })));
    assert.equal(err.name, 'ReceiptHandleIsInvalid');
    assert.equal(err.status, 404);
    assert.equal(err.message, 'The input receipt handle "garbage" is not a valid receipt handle.');
    err = await failure(sqs.send(new ChangeMessageVisibilityCommand({ QueueUrl, ReceiptHandle: Messages![1]!.ReceiptHandle!, VisibilityTimeout: 43_201 })));
    assert.equal(err.code, 'InvalidParameterValue');
    const del = await sqs.send(new DeleteMessageBatchCommand({ QueueUrl, Entries: [{ Id: 'x', ReceiptHandle: Messages![1]!.ReceiptHandle! }] }));
    assert.deepEqual(del.Successful, [{ Id: 'x' }]);
    err = await failure(sqs.send(new ChangeMessageVisibilityCommand({ QueueUrl, ReceiptHandle: Messages![1]!.ReceiptHandle!, VisibilityTimeout: 5 })));
    assert.equal(err.code, 'InvalidParameterValue');
    assert.match(err.message, /Reason: Message does not exist or is not available for visibility timeout change\.$/);
  });

  it('DelaySeconds (queue and per message) keeps messages delayed until due', async () => {
    const QueueUrl = await queue('delay', { DelaySeconds: '10' });
    await sqs.send(new SendMessageCommand({ QueueUrl, MessageBody: 'queue-delay' }));
    await sqs.send(new SendMessageCommand({ QueueUrl, MessageBody: 'now', DelaySeconds: 0 }));
    await sqs.send(new SendMessageCommand({ QueueUrl, MessageBody: 'later', DelaySeconds: 60 }));
    assert.deepEqual(await counts(QueueUrl), [1, 0, 2]);
    server.clock.advance(10_000);
    assert.deepEqual(await counts(QueueUrl), [2, 0, 1]);
    server.clock.advance(50_000);
    assert.deepEqual(await counts(QueueUrl), [3, 0, 0]);
  });

  it('long polling returns as soon as a message arrives (and a delayed one when due)', async () => {
    const QueueUrl = await queue('longpoll');
    const waiting = sqs.send(new ReceiveMessageCommand({ QueueUrl, WaitTimeSeconds: 20 }));
    await new Promise((r) => setTimeout(r, 100));
    await sqs.send(new SendMessageCommand({ QueueUrl, MessageBody: 'wake' }));
    assert.equal((await waiting).Messages![0]!.Body, 'wake');
    const delayed = sqs.send(new ReceiveMessageCommand({ QueueUrl, WaitTimeSeconds: 20 }));
    await new Promise((r) => setTimeout(r, 100));
    await sqs.send(new SendMessageCommand({ QueueUrl, MessageBody: 'due', DelaySeconds: 5 }));
    await new Promise((r) => setTimeout(r, 100));
    server.clock.advance(5_000);
    assert.equal((await delayed).Messages![0]!.Body, 'due');
    // An empty long poll ends at its wait time (advanced on the platform clock).
    const empty = sqs.send(new ReceiveMessageCommand({ QueueUrl, WaitTimeSeconds: 2 }));
    await new Promise((r) => setTimeout(r, 100));
    server.clock.advance(2_000);
    assert.equal((await empty).Messages, undefined);
  });

  it('concurrent receives never get the same message', async () => {
    const QueueUrl = await queue('concurrent');
    for (let i = 0; i < 10; i++) {
      await sqs.send(new SendMessageBatchCommand({ QueueUrl, Entries: Array.from({ length: 10 }, (_, j) => ({ Id: `m${j}`, MessageBody: `${i}-${j}` })) }));
    }
    const got = await Promise.all(Array.from({ length: 20 }, () => sqs.send(new ReceiveMessageCommand({ QueueUrl, MaxNumberOfMessages: 10 }))));
    const ids = got.flatMap((r) => r.Messages ?? []).map((m) => m.MessageId);
    assert.equal(ids.length, 100);
    assert.equal(new Set(ids).size, 100);
  });

  it('bad input: size, characters, attributes, batch ids and counts, receive parameters', async () => {
    const QueueUrl = await queue('bad');
    let err = await failure(sqs.send(new SendMessageCommand({ QueueUrl, MessageBody: 'x'.repeat(1_048_577) })));
    assert.equal(err.code, 'InvalidParameterValue');
    assert.equal(err.message, 'One or more parameters are invalid. Reason: Message must be shorter than 1048576 bytes.');
    err = await failure(sqs.send(new SendMessageCommand({ QueueUrl, MessageBody: 'bad \u0001 char' })));
    assert.equal(err.name, 'InvalidMessageContents');
    err = await failure(sqs.send(new SendMessageCommand({ QueueUrl, MessageBody: '' })));
    assert.equal(err.code, 'MissingParameter');
    assert.equal(err.message, 'The request must contain the parameter MessageBody.');
    err = await failure(sqs.send(new SendMessageCommand({ QueueUrl, MessageBody: 'x', MessageAttributes: { a: { DataType: 'Foo', StringValue: 'v' } } })));
    assert.equal(err.message, "The message attribute 'a' has an invalid message attribute type, the set of supported type prefixes is Binary, Number, and String.");
    err = await failure(sqs.send(new SendMessageCommand({ QueueUrl, MessageBody: 'x', MessageAttributes: { ErrorDetails: { DataType: 'String', StringValue: '' } } })));
    assert.equal(err.message, "Message (user) attribute 'ErrorDetails' must contain a non-empty value of type 'String'.");
    err = await failure(sqs.send(new SendMessageCommand({ QueueUrl, MessageBody: 'x', MessageAttributes: { n: { DataType: 'Number', StringValue: 'abc' } } })));
    assert.equal(err.message, "Can't cast the value of message (user) attribute 'n' to a number.");
    const eleven = Object.fromEntries(Array.from({ length: 11 }, (_, i) => [`a${i}`, { DataType: 'String', StringValue: 'v' }]));
    err = await failure(sqs.send(new SendMessageCommand({ QueueUrl, MessageBody: 'x', MessageAttributes: eleven })));
    assert.equal(err.message, 'Number of message attributes [11] exceeds the allowed maximum [10].');
    err = await failure(sqs.send(new SendMessageBatchCommand({ QueueUrl, Entries: Array.from({ length: 11 }, (_, i) => ({ Id: `i${i}`, MessageBody: 'x' })) })));
    assert.equal(err.code, 'AWS.SimpleQueueService.TooManyEntriesInBatchRequest');
    assert.equal(err.message, 'Maximum number of entries per request are 10. You have sent 11.');
    err = await failure(sqs.send(new SendMessageBatchCommand({ QueueUrl, Entries: [{ Id: 'a', MessageBody: 'x' }, { Id: 'a', MessageBody: 'y' }] })));
    assert.equal(err.code, 'AWS.SimpleQueueService.BatchEntryIdsNotDistinct');
    err = await failure(sqs.send(new SendMessageBatchCommand({ QueueUrl, Entries: [{ Id: 'invalid:id', MessageBody: 'x' }] })));
    assert.equal(err.code, 'AWS.SimpleQueueService.InvalidBatchEntryId');
    assert.equal(err.message, 'A batch entry id can only contain alphanumeric characters, hyphens and underscores. It can be at most 80 letters long.');
    err = await failure(sqs.send(new SendMessageBatchCommand({ QueueUrl, Entries: [] })));
    assert.equal(err.code, 'AWS.SimpleQueueService.EmptyBatchRequest');
    err = await failure(sqs.send(new SendMessageBatchCommand({ QueueUrl, Entries: [{ Id: 'a', MessageBody: 'x'.repeat(600_000) }, { Id: 'b', MessageBody: 'y'.repeat(448_577) }] })));
    assert.equal(err.code, 'AWS.SimpleQueueService.BatchRequestTooLong');
    assert.equal(err.message, 'Batch requests cannot be longer than 1048576 bytes. You have sent 1048577 bytes.');
    err = await failure(sqs.send(new ReceiveMessageCommand({ QueueUrl, MaxNumberOfMessages: 11 })));
    assert.equal(err.message, 'Value 11 for parameter MaxNumberOfMessages is invalid. Reason: Must be between 1 and 10, if provided.');
    err = await failure(sqs.send(new ReceiveMessageCommand({ QueueUrl, WaitTimeSeconds: 21 })));
    assert.equal(err.message, 'Value 21 for parameter WaitTimeSeconds is invalid. Reason: Must be >= 0 and <= 20, if provided.');
    assert.deepEqual(await counts(QueueUrl), [0, 0, 0], 'nothing was stored');
    // Per-entry problems fail only their entry.
    await sqs.send(new SetQueueAttributesCommand({ QueueUrl, Attributes: { MaximumMessageSize: '1024' } }));
    const mixed = await sqs.send(new SendMessageBatchCommand({ QueueUrl, Entries: [{ Id: 'ok', MessageBody: 'fine' }, { Id: 'big', MessageBody: 'x'.repeat(1025) }] }));
    assert.equal(mixed.Successful!.length, 1);
    assert.deepEqual(mixed.Failed, [{ Id: 'big', SenderFault: true, Code: 'InvalidParameterValue', Message: 'One or more parameters cannot be validated. Reason: Message must be shorter than 1024 bytes.' }]);
  });

  it('MessageRetentionPeriod: expired messages are gone', async () => {
    const QueueUrl = await queue('retention', { MessageRetentionPeriod: '60' });
    await sqs.send(new SendMessageCommand({ QueueUrl, MessageBody: 'old' }));
    server.clock.advance(30_000);
    await sqs.send(new SendMessageCommand({ QueueUrl, MessageBody: 'young' }));
    server.clock.advance(31_000);
    assert.deepEqual(await counts(QueueUrl), [1, 0, 0]);
    const { Messages } = await sqs.send(new ReceiveMessageCommand({ QueueUrl, MaxNumberOfMessages: 10 }));
    assert.deepEqual(Messages!.map((m) => m.Body), ['young']);
  });
});
