import assert from 'node:assert/strict';
import { createVerify, X509Certificate } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { CreateTopicCommand, PublishBatchCommand, PublishCommand, SetTopicAttributesCommand, SubscribeCommand } from '@aws-sdk/client-sns';
import { CreateQueueCommand, GetQueueAttributesCommand } from '@aws-sdk/client-sqs';
import { failure, getVia127, receive, snsServer, type SnsTestContext } from './helpers.js';

/** The string AWS signs for a notification (Verifying the signatures of Amazon SNS messages). */
function canonical(m: Record<string, string>): string {
  return ['Message', 'MessageId', 'Subject', 'Timestamp', 'TopicArn', 'Type'].filter((k) => m[k] !== undefined).map((k) => `${k}\n${m[k]}\n`).join('');
}

describe('SNS delivery to SQS', () => {
  let t: SnsTestContext;
  const queue = async (name: string, attributes: Record<string, string> = {}) => {
    const { QueueUrl } = await t.sqs.send(new CreateQueueCommand({ QueueName: name, Attributes: attributes }));
    const arn = (await t.sqs.send(new GetQueueAttributesCommand({ QueueUrl, AttributeNames: ['QueueArn'] }))).Attributes!.QueueArn!;
    return { url: QueueUrl!, arn };
  };
  before(async () => {
    t = await snsServer();
  });
  after(async () => {
    t.sns.destroy();
    t.sqs.destroy();
    await t.server.stop();
  });

  it('fans out the signed JSON envelope, and raw messages with their attributes', async () => {
    const { TopicArn } = await t.sns.send(new CreateTopicCommand({ Name: 'fan' }));
    const q1 = await queue('fan-envelope');
    const q2 = await queue('fan-raw');
    const sub1 = await t.sns.send(new SubscribeCommand({ TopicArn, Protocol: 'sqs', Endpoint: q1.arn, ReturnSubscriptionArn: true }));
    await t.sns.send(new SubscribeCommand({ TopicArn, Protocol: 'sqs', Endpoint: q2.arn, Attributes: { RawMessageDelivery: 'true' } }));
    const { MessageId } = await t.sns.send(
      new PublishCommand({
        TopicArn,
        Message: 'hello',
        Subject: 'greeting',
        MessageAttributes: { n: { DataType: 'Number', StringValue: '99.12' }, b: { DataType: 'Binary', BinaryValue: Buffer.from([1, 2, 3]) } },
      }),
    );
    const [env] = await receive(t.sqs, q1.url, 1);
    const body = JSON.parse(env!.Body!);
    assert.deepEqual(Object.keys(body), ['Type', 'MessageId', 'TopicArn', 'Subject', 'Message', 'Timestamp', 'SignatureVersion', 'Signature', 'SigningCertURL', 'UnsubscribeURL', 'MessageAttributes']);
    assert.equal(body.Type, 'Notification');
    assert.equal(body.MessageId, MessageId);
    assert.equal(body.TopicArn, TopicArn);
    assert.equal(body.Subject, 'greeting');
    assert.equal(body.Message, 'hello');
    assert.match(body.Timestamp, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    assert.equal(body.SignatureVersion, '1');
    assert.match(body.SigningCertURL, /^http:\/\/sns\.us-east-1\.localhost:\d+\/SimpleNotificationService-[0-9a-f]{32}\.pem$/);
    assert.equal(body.UnsubscribeURL, `${body.SigningCertURL.replace(/\/Simple.*$/, '')}/?Action=Unsubscribe&SubscriptionArn=${sub1.SubscriptionArn}`);
    assert.deepEqual(body.MessageAttributes, { n: { Type: 'Number', Value: '99.12' }, b: { Type: 'Binary', Value: 'AQID' } });
    assert.ok(env!.Body!.startsWith('{\n  "Type" : "Notification",\n'));

    const [raw] = await receive(t.sqs, q2.url, 1);
    assert.equal(raw!.Body, 'hello');
    assert.equal(raw!.MessageAttributes!.n!.StringValue, '99.12');
    assert.deepEqual(Buffer.from(raw!.MessageAttributes!.b!.BinaryValue!), Buffer.from([1, 2, 3]));
  });

  it('the signature verifies with the certificate served at SigningCertURL (versions 1 and 2)', async () => {
    const { TopicArn } = await t.sns.send(new CreateTopicCommand({ Name: 'signed' }));
    const q = await queue('signed-q');
    await t.sns.send(new SubscribeCommand({ TopicArn, Protocol: 'sqs', Endpoint: q.arn }));
    for (const version of ['1', '2']) {
      await t.sns.send(new SetTopicAttributesCommand({ TopicArn, AttributeName: 'SignatureVersion', AttributeValue: version }));
      await t.sns.send(new PublishCommand({ TopicArn, Message: `signed v${version}`, ...(version === '1' ? { Subject: 'S' } : {}) }));
      const [m] = await receive(t.sqs, q.url, 1);
      const body = JSON.parse(m!.Body!) as Record<string, string>;
      assert.equal(body.SignatureVersion, version);
      const cert = await getVia127(body.SigningCertURL!);
      assert.equal(cert.status, 200);
      const x509 = new X509Certificate(cert.body);
      const verify = createVerify(version === '1' ? 'RSA-SHA1' : 'RSA-SHA256');
      verify.update(canonical(body), 'utf8');
      assert.ok(verify.verify(x509.publicKey, body.Signature!, 'base64'), `signature v${version}`);
      // The same certificate without DNS: the path form on the endpoint.
      const file = body.SigningCertURL!.split('/').pop();
      const byPath = await fetch(`${t.server.endpoint}/_aws/sns/${file}`);
      assert.equal(await byPath.text(), cert.body);
      // A tampered message does not verify.
      const tampered = createVerify(version === '1' ? 'RSA-SHA1' : 'RSA-SHA256');
      tampered.update(canonical({ ...body, Message: 'forged' }), 'utf8');
      assert.equal(tampered.verify(x509.publicKey, body.Signature!, 'base64'), false);
    }
  });

  it('filter policies on attributes and on the message body', async () => {
    const { TopicArn } = await t.sns.send(new CreateTopicCommand({ Name: 'filtered' }));
    const byAttr = await queue('filter-attr');
    const byBody = await queue('filter-body');
    await t.sns.send(
      new SubscribeCommand({
        TopicArn,
        Protocol: 'sqs',
        Endpoint: byAttr.arn,
        Attributes: { RawMessageDelivery: 'true', FilterPolicy: JSON.stringify({ color: ['red', { prefix: 'bl' }], size: [{ numeric: ['>', 10] }] }) },
      }),
    );
    await t.sns.send(
      new SubscribeCommand({
        TopicArn,
        Protocol: 'sqs',
        Endpoint: byBody.arn,
        Attributes: { RawMessageDelivery: 'true', FilterPolicyScope: 'MessageBody', FilterPolicy: JSON.stringify({ order: { status: [{ 'anything-but': ['cancelled'] }] } }) },
      }),
    );
    const attr = (color: string, size: string) => ({ color: { DataType: 'String', StringValue: color }, size: { DataType: 'Number', StringValue: size } });
    await t.sns.send(new PublishCommand({ TopicArn, Message: 'a1', MessageAttributes: attr('red', '11') }));
    await t.sns.send(new PublishCommand({ TopicArn, Message: 'a2', MessageAttributes: attr('blue', '5') }));
    await t.sns.send(new PublishCommand({ TopicArn, Message: 'a3', MessageAttributes: attr('blue', '50') }));
    await t.sns.send(new PublishCommand({ TopicArn, Message: JSON.stringify({ order: { status: 'paid' } }) }));
    await t.sns.send(new PublishCommand({ TopicArn, Message: JSON.stringify({ order: { status: 'cancelled' } }) }));
    await t.sns.send(new PublishCommand({ TopicArn, Message: 'not json' }));
    const got = (await receive(t.sqs, byAttr.url, 2, 10)).map((m) => m.Body).sort();
    assert.deepEqual(got, ['a1', 'a3']);
    const bodies = (await receive(t.sqs, byBody.url, 1, 10)).map((m) => m.Body);
    assert.deepEqual(bodies, [JSON.stringify({ order: { status: 'paid' } })]);
  });

  it('MessageStructure json sends each protocol its own message', async () => {
    const { TopicArn } = await t.sns.send(new CreateTopicCommand({ Name: 'structured' }));
    const q = await queue('structured-q');
    await t.sns.send(new SubscribeCommand({ TopicArn, Protocol: 'sqs', Endpoint: q.arn, Attributes: { RawMessageDelivery: 'true' } }));
    await t.sns.send(new PublishCommand({ TopicArn, MessageStructure: 'json', Message: JSON.stringify({ default: 'everyone', sqs: 'queues only' }) }));
    assert.equal((await receive(t.sqs, q.url, 1))[0]!.Body, 'queues only');
  });

  it('a FIFO topic delivers to a FIFO queue in order, with group and deduplication ids', async () => {
    const { TopicArn } = await t.sns.send(new CreateTopicCommand({ Name: 'ordered.fifo', Attributes: { FifoTopic: 'true', ContentBasedDeduplication: 'true' } }));
    const q = await queue('ordered.fifo', { FifoQueue: 'true' });
    await t.sns.send(new SubscribeCommand({ TopicArn, Protocol: 'sqs', Endpoint: q.arn, Attributes: { RawMessageDelivery: 'true' } }));
    const seqs: string[] = [];
    for (let i = 0; i < 15; i++) {
      const r = await t.sns.send(new PublishCommand({ TopicArn, Message: `m${i}`, MessageGroupId: i % 2 ? 'odd' : 'even' }));
      seqs.push(r.SequenceNumber!);
    }
    assert.deepEqual([...seqs].sort(), seqs);
    const batch = await t.sns.send(
      new PublishBatchCommand({ TopicArn, PublishBatchRequestEntries: [15, 16, 17].map((i) => ({ Id: `e${i}`, Message: `m${i}`, MessageGroupId: i % 2 ? 'odd' : 'even' })) }),
    );
    assert.equal(batch.Successful!.length, 3);
    // A duplicate within five minutes is answered with the original and not delivered again.
    const dup = await t.sns.send(new PublishCommand({ TopicArn, Message: 'm0', MessageGroupId: 'even' }));
    assert.equal(dup.SequenceNumber, seqs[0]);
    const got = await receive(t.sqs, q.url, 18);
    const even = got.filter((m) => m.Attributes!.MessageGroupId === 'even').map((m) => m.Body);
    const odd = got.filter((m) => m.Attributes!.MessageGroupId === 'odd').map((m) => m.Body);
    assert.deepEqual(even, ['m0', 'm2', 'm4', 'm6', 'm8', 'm10', 'm12', 'm14', 'm16']);
    assert.deepEqual(odd, ['m1', 'm3', 'm5', 'm7', 'm9', 'm11', 'm13', 'm15', 'm17']);
    assert.match(got[0]!.Attributes!.MessageDeduplicationId!, /^[0-9a-f]{64}$/);
  });

  it('a failed delivery goes to the redrive DLQ', async () => {
    const { TopicArn } = await t.sns.send(new CreateTopicCommand({ Name: 'redrive' }));
    const dlq = await queue('redrive-dlq');
    const gone = 'arn:aws:sqs:us-east-1:000000000000:does-not-exist';
    await t.sns.send(new SubscribeCommand({ TopicArn, Protocol: 'sqs', Endpoint: gone, Attributes: { RedrivePolicy: JSON.stringify({ deadLetterTargetArn: dlq.arn }), RawMessageDelivery: 'true' } }));
    await t.sns.send(new PublishCommand({ TopicArn, Message: 'undeliverable', MessageAttributes: { a: { DataType: 'String', StringValue: 'x' } } }));
    const [m] = await receive(t.sqs, dlq.url, 1);
    assert.equal(m!.Body, 'undeliverable');
    assert.equal(m!.MessageAttributes!.a!.StringValue, 'x');
  });

  it('Publish refuses bad input with AWS errors', async () => {
    const { TopicArn } = await t.sns.send(new CreateTopicCommand({ Name: 'strict' }));
    const { TopicArn: fifo } = await t.sns.send(new CreateTopicCommand({ Name: 'strict.fifo', Attributes: { FifoTopic: 'true' } }));
    const cases: [Promise<unknown>, string, string, number][] = [
      [t.sns.send(new PublishCommand({ TopicArn, Message: '' })), 'InvalidParameter', 'Invalid parameter: Empty message', 400],
      [t.sns.send(new PublishCommand({ TopicArn, Message: 'x'.repeat(262_145) })), 'InvalidParameter', 'Invalid parameter: Message too long', 400],
      [t.sns.send(new PublishCommand({ TopicArn, Message: 'x', Subject: '' })), 'InvalidParameter', 'Invalid parameter: Subject', 400],
      [t.sns.send(new PublishCommand({ TopicArn, Message: 'x', Subject: 'a\nb' })), 'InvalidParameter', 'Invalid parameter: Subject', 400],
      [t.sns.send(new PublishCommand({ TopicArn, Message: '{"sqs":"x"}', MessageStructure: 'json' })), 'InvalidParameter', 'Invalid parameter: Message Structure - No default entry in JSON message body', 400],
      [t.sns.send(new PublishCommand({ TopicArn, Message: '{oops', MessageStructure: 'json' })), 'InvalidParameter', 'Invalid parameter: Message Structure - JSON message body failed to parse', 400],
      [t.sns.send(new PublishCommand({ TopicArn, Message: 'x', MessageAttributes: { attr1: { DataType: 'String', StringValue: '' } } })), 'ParameterValueInvalid', "The message attribute 'attr1' must contain non-empty message attribute value for message attribute type 'String'.", 400],
      [t.sns.send(new PublishCommand({ TopicArn, Message: 'x', MessageAttributes: { attr1: { DataType: 'Integer', StringValue: '1' } } })), 'ParameterValueInvalid', "The message attribute 'attr1' has an invalid message attribute type, the set of supported type prefixes is Binary, Number, and String.", 400],
      [t.sns.send(new PublishCommand({ TopicArn, Message: 'x', MessageAttributes: { attr1: { DataType: 'Binary', StringValue: 'x' } } })), 'ParameterValueInvalid', "The message attribute 'attr1' with type 'Binary' must use field 'Binary'.", 400],
      [t.sns.send(new PublishCommand({ TopicArn, Message: 'x', MessageAttributes: { 'a^b': { DataType: 'String', StringValue: 'x' } } })), 'ParameterValueInvalid', "Invalid non-alphanumeric character '#x5E' was found in the message attribute name. Can only include alphanumeric characters, hyphens, underscores, or dots.", 400],
      [t.sns.send(new PublishCommand({ TopicArn, Message: 'x', MessageAttributes: { 'a..b': { DataType: 'String', StringValue: 'x' } } })), 'ParameterValueInvalid', "Message attribute name can not have successive '.' character.", 400],
      [t.sns.send(new PublishCommand({ TopicArn, Message: 'x', MessageDeduplicationId: 'd' })), 'InvalidParameter', 'Invalid parameter: MessageDeduplicationId Reason: The request includes MessageDeduplicationId parameter that is not valid for this topic type', 400],
      [t.sns.send(new PublishCommand({ TopicArn: fifo, Message: 'x' })), 'InvalidParameter', 'Invalid parameter: The MessageGroupId parameter is required for FIFO topics', 400],
      [t.sns.send(new PublishCommand({ TopicArn: fifo, Message: 'x', MessageGroupId: 'g' })), 'InvalidParameter', 'Invalid parameter: The topic should either have ContentBasedDeduplication enabled or MessageDeduplicationId provided explicitly', 400],
      [t.sns.send(new PublishCommand({ TopicArn: `${TopicArn}-nope`, Message: 'x' })), 'NotFound', 'Topic does not exist', 404],
      [t.sns.send(new PublishCommand({ PhoneNumber: '+1a234', Message: 'x' })), 'InvalidParameter', 'Invalid parameter: PhoneNumber Reason: +1a234 is not valid to publish to', 400],
      [t.sns.send(new PublishBatchCommand({ TopicArn, PublishBatchRequestEntries: [] })), 'EmptyBatchRequest', "The batch request doesn't contain any entries.", 400],
      [t.sns.send(new PublishBatchCommand({ TopicArn, PublishBatchRequestEntries: Array.from({ length: 11 }, (_, i) => ({ Id: `${i}`, Message: 'x' })) })), 'TooManyEntriesInBatchRequest', 'The batch request contains more entries than permissible.', 400],
      [t.sns.send(new PublishBatchCommand({ TopicArn, PublishBatchRequestEntries: [{ Id: 'a', Message: 'x' }, { Id: 'a', Message: 'y' }] })), 'BatchEntryIdsNotDistinct', 'Two or more batch entries in the request have the same Id.', 400],
      [t.sns.send(new PublishBatchCommand({ TopicArn, PublishBatchRequestEntries: [{ Id: 'message.id', Message: 'x' }] })), 'InvalidBatchEntryId', 'The Id of a batch entry in the batch request contains an impermissible character: message.id', 400],
      [t.sns.send(new PublishBatchCommand({ TopicArn, PublishBatchRequestEntries: [{ Id: 'a', Message: 'x'.repeat(200_000) }, { Id: 'b', Message: 'x'.repeat(100_000) }] })), 'BatchRequestTooLong', 'The length of all the messages put together is more than the limit.', 400],
    ];
    for (const [p, code, message, status] of cases) {
      const e = await failure(p);
      assert.deepEqual({ code: e.code, message: e.message, status: e.status }, { code, message, status });
    }
  });
});
