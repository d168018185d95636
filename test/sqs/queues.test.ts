import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  AddPermissionCommand,
  CreateQueueCommand,
  DeleteQueueCommand,
  GetQueueAttributesCommand,
  GetQueueUrlCommand,
  ListQueuesCommand,
  ListQueueTagsCommand,
  PurgeQueueCommand,
  RemovePermissionCommand,
  SetQueueAttributesCommand,
  TagQueueCommand,
  UntagQueueCommand,
  type SQSClient,
} from '@aws-sdk/client-sqs';
import type { TestServer } from '../helpers/server.js';
import { failure, sqsServer } from './helpers.js';

describe('SQS queues', () => {
  let server: TestServer;
  let sqs: SQSClient;
  before(async () => ({ server, sqs } = await sqsServer()));
  after(() => server.stop());

  it('CreateQueue answers a queue URL on sqs.{region}.localhost, and the default attributes', async () => {
    const { QueueUrl } = await sqs.send(new CreateQueueCommand({ QueueName: 'plain' }));
    assert.equal(QueueUrl, `http://sqs.us-east-1.localhost:${server.port}/000000000000/plain`);
    const { Attributes } = await sqs.send(new GetQueueAttributesCommand({ QueueUrl, AttributeNames: ['All'] }));
    assert.equal(Attributes!.VisibilityTimeout, '30');
    assert.equal(Attributes!.MaximumMessageSize, '1048576');
    assert.equal(Attributes!.MessageRetentionPeriod, '345600');
    assert.equal(Attributes!.DelaySeconds, '0');
    assert.equal(Attributes!.ReceiveMessageWaitTimeSeconds, '0');
    assert.equal(Attributes!.SqsManagedSseEnabled, 'true');
    assert.equal(Attributes!.QueueArn, 'arn:aws:sqs:us-east-1:000000000000:plain');
    assert.equal(Attributes!.ApproximateNumberOfMessages, '0');
    assert.match(Attributes!.CreatedTimestamp!, /^\d{10}$/);
    assert.equal(Attributes!.FifoQueue, undefined);
    // The path form of the URL is accepted too.
    const byPath = await sqs.send(new GetQueueAttributesCommand({ QueueUrl: `http://localhost:${server.port}/000000000000/plain`, AttributeNames: ['QueueArn'] }));
    assert.deepEqual(byPath.Attributes, { QueueArn: 'arn:aws:sqs:us-east-1:000000000000:plain' });
  });

  it('CreateQueue is idempotent with identical attributes, QueueAlreadyExists otherwise', async () => {
    const a = await sqs.send(new CreateQueueCommand({ QueueName: 'idem', Attributes: { DelaySeconds: '5' } }));
    const b = await sqs.send(new CreateQueueCommand({ QueueName: 'idem', Attributes: { DelaySeconds: '5' } }));
    assert.equal(a.QueueUrl, b.QueueUrl);
    const err = await failure(sqs.send(new CreateQueueCommand({ QueueName: 'idem', Attributes: { DelaySeconds: '6' } })));
    assert.equal(err.name, 'QueueNameExists');
    assert.equal(err.code, 'QueueAlreadyExists');
    assert.equal(err.message, 'A queue already exists with the same name and a different value for attribute DelaySeconds');
  });

  it('refuses bad names and attribute values with AWS errors, creating nothing', async () => {
    let err = await failure(sqs.send(new CreateQueueCommand({ QueueName: 'bad name' })));
    assert.equal(err.code, 'InvalidParameterValue');
    assert.equal(err.message, 'Can only include alphanumeric characters, hyphens, or underscores. 1 to 80 in length');
    err = await failure(sqs.send(new CreateQueueCommand({ QueueName: 'x'.repeat(81) })));
    assert.equal(err.code, 'InvalidParameterValue');
    err = await failure(sqs.send(new CreateQueueCommand({ QueueName: 'std.fifo' })));
    assert.equal(err.code, 'InvalidParameterValue');
    err = await failure(sqs.send(new CreateQueueCommand({ QueueName: 'nofifo', Attributes: { FifoQueue: 'true' } })));
    assert.equal(err.code, 'InvalidParameterValue');
    assert.match(err.message, /must end with \.fifo suffix/);
    err = await failure(sqs.send(new CreateQueueCommand({ QueueName: 'vt', Attributes: { VisibilityTimeout: '43201' } })));
    assert.equal(err.name, 'InvalidAttributeValue');
    assert.equal(err.message, 'Invalid value for the parameter VisibilityTimeout.');
    err = await failure(sqs.send(new CreateQueueCommand({ QueueName: 'mms', Attributes: { MaximumMessageSize: '1048577' } })));
    assert.equal(err.message, 'Invalid value for the parameter MaximumMessageSize.');
    err = await failure(sqs.send(new CreateQueueCommand({ QueueName: 'cbd', Attributes: { ContentBasedDeduplication: 'true' } })));
    assert.equal(err.name, 'InvalidAttributeName');
    assert.equal(err.message, 'Unknown Attribute ContentBasedDeduplication.');
    err = await failure(sqs.send(new CreateQueueCommand({ QueueName: 'ds', Attributes: { DeduplicationScope: 'queue' } })));
    assert.equal(err.message, 'You can specify the DeduplicationScope only when FifoQueue is set to true.');
    err = await failure(sqs.send(new CreateQueueCommand({ QueueName: 'pol', Attributes: { Policy: '{not json' } })));
    assert.equal(err.name, 'InvalidAttributeValue');
    assert.equal(err.message, 'Invalid value for the parameter Policy.');
    err = await failure(sqs.send(new CreateQueueCommand({ QueueName: 'rp', Attributes: { RedrivePolicy: '{"maxReceiveCount":"1000"}' } })));
    assert.equal(err.code, 'InvalidParameterValue');
    assert.equal(err.message, 'Value {"maxReceiveCount":"1000"} for parameter RedrivePolicy is invalid. Reason: Redrive policy does not contain mandatory attribute: deadLetterTargetArn.');
    err = await failure(sqs.send(new CreateQueueCommand({ QueueName: 'rp', Attributes: { RedrivePolicy: '{"deadLetterTargetArn":"arn:aws:sqs:us-east-1:000000000000:nope","maxReceiveCount":3}' } })));
    assert.match(err.message, /Reason: Dead letter target does not exist\.$/);
    const { QueueUrls } = await sqs.send(new ListQueuesCommand({}));
    for (const name of ['vt', 'mms', 'cbd', 'ds', 'pol', 'rp', 'nofifo']) assert.ok(!QueueUrls?.some((u) => u.endsWith(`/${name}`)), name);
  });

  it('GetQueueUrl finds a queue (and one of a named owner), QueueDoesNotExist otherwise', async () => {
    await sqs.send(new CreateQueueCommand({ QueueName: 'findme' }));
    const { QueueUrl } = await sqs.send(new GetQueueUrlCommand({ QueueName: 'findme', QueueOwnerAWSAccountId: '000000000000' }));
    assert.match(QueueUrl!, /\/000000000000\/findme$/);
    const err = await failure(sqs.send(new GetQueueUrlCommand({ QueueName: 'missing' })));
    assert.equal(err.name, 'QueueDoesNotExist');
    assert.equal(err.code, 'AWS.SimpleQueueService.NonExistentQueue');
    assert.equal(err.message, 'The specified queue does not exist.');
  });

  it('ListQueues filters by prefix and pages with MaxResults/NextToken', async () => {
    for (let i = 0; i < 5; i++) await sqs.send(new CreateQueueCommand({ QueueName: `page-${i}` }));
    const first = await sqs.send(new ListQueuesCommand({ QueueNamePrefix: 'page-', MaxResults: 2 }));
    assert.equal(first.QueueUrls!.length, 2);
    assert.ok(first.NextToken);
    const second = await sqs.send(new ListQueuesCommand({ QueueNamePrefix: 'page-', MaxResults: 2, NextToken: first.NextToken }));
    const third = await sqs.send(new ListQueuesCommand({ QueueNamePrefix: 'page-', MaxResults: 2, NextToken: second.NextToken }));
    assert.equal(third.NextToken, undefined);
    const all = [...first.QueueUrls!, ...second.QueueUrls!, ...third.QueueUrls!].map((u) => u.split('/').pop());
    assert.deepEqual(all, ['page-0', 'page-1', 'page-2', 'page-3', 'page-4']);
    const none = await sqs.send(new ListQueuesCommand({ QueueNamePrefix: 'zzz' }));
    assert.equal(none.QueueUrls, undefined);
  });

  it('SetQueueAttributes changes attributes and LastModifiedTimestamp; refuses read-only and FifoQueue', async () => {
    const { QueueUrl } = await sqs.send(new CreateQueueCommand({ QueueName: 'settable' }));
    server.clock.advance(5000);
    await sqs.send(new SetQueueAttributesCommand({ QueueUrl, Attributes: { VisibilityTimeout: '60', KmsMasterKeyId: 'alias/aws/sqs' } }));
    const { Attributes } = await sqs.send(new GetQueueAttributesCommand({ QueueUrl, AttributeNames: ['All'] }));
    assert.equal(Attributes!.VisibilityTimeout, '60');
    assert.equal(Attributes!.KmsMasterKeyId, 'alias/aws/sqs');
    assert.equal(Attributes!.KmsDataKeyReusePeriodSeconds, '300');
    assert.equal(Attributes!.SqsManagedSseEnabled, 'false');
    assert.ok(Number(Attributes!.LastModifiedTimestamp) >= Number(Attributes!.CreatedTimestamp) + 4);
    let err = await failure(sqs.send(new SetQueueAttributesCommand({ QueueUrl, Attributes: { QueueArn: 'x' } })));
    assert.equal(err.name, 'InvalidAttributeName');
    assert.equal(err.message, 'Unknown Attribute QueueArn.');
    err = await failure(sqs.send(new SetQueueAttributesCommand({ QueueUrl, Attributes: { VisibilityTimeout: '10', DelaySeconds: '901' } })));
    assert.equal(err.message, 'Invalid value for the parameter DelaySeconds.');
    const after = await sqs.send(new GetQueueAttributesCommand({ QueueUrl, AttributeNames: ['VisibilityTimeout'] }));
    assert.equal(after.Attributes!.VisibilityTimeout, '60', 'nothing half-applied');
    err = await failure(sqs.send(new GetQueueAttributesCommand({ QueueUrl, AttributeNames: ['Nope' as 'All'] })));
    assert.equal(err.name, 'InvalidAttributeName');
    assert.equal(err.message, 'Unknown Attribute Nope.');
    err = await failure(sqs.send(new SetQueueAttributesCommand({ QueueUrl, Attributes: { SqsManagedSseEnabled: 'true', KmsMasterKeyId: 'k' } })));
    assert.equal(err.message, 'You can use one type of server-side encryption (SSE) at one time. You can either enable KMS SSE or SQS SSE.');
  });

  it('FIFO queues: FifoQueue and the high-throughput settings', async () => {
    const { QueueUrl } = await sqs.send(
      new CreateQueueCommand({ QueueName: 'ht.fifo', Attributes: { FifoQueue: 'true', DeduplicationScope: 'messageGroup', FifoThroughputLimit: 'perMessageGroupId' } }),
    );
    const { Attributes } = await sqs.send(new GetQueueAttributesCommand({ QueueUrl, AttributeNames: ['All'] }));
    assert.equal(Attributes!.FifoQueue, 'true');
    assert.equal(Attributes!.ContentBasedDeduplication, 'false');
    assert.equal(Attributes!.DeduplicationScope, 'messageGroup');
    assert.equal(Attributes!.FifoThroughputLimit, 'perMessageGroupId');
    const err = await failure(sqs.send(new SetQueueAttributesCommand({ QueueUrl, Attributes: { FifoQueue: 'false' } })));
    assert.equal(err.name, 'InvalidAttributeValue');
    assert.equal(err.message, 'Invalid value for the parameter FifoQueue. Reason: Modifying queue type is not supported.');
    const bad = await failure(sqs.send(new SetQueueAttributesCommand({ QueueUrl, Attributes: { FifoThroughputLimit: 'fast' } })));
    assert.equal(bad.message, 'Invalid value for the parameter FifoThroughputLimit.');
  });

  it('tags: TagQueue, UntagQueue, ListQueueTags, and tags given at creation', async () => {
    const { QueueUrl } = await sqs.send(new CreateQueueCommand({ QueueName: 'tagged', tags: { team: 'a' } }));
    await sqs.send(new TagQueueCommand({ QueueUrl, Tags: { env: 'dev', cost: '1' } }));
    await sqs.send(new UntagQueueCommand({ QueueUrl, TagKeys: ['cost'] }));
    const { Tags } = await sqs.send(new ListQueueTagsCommand({ QueueUrl }));
    assert.deepEqual(Tags, { env: 'dev', team: 'a' });
  });

  it('AddPermission and RemovePermission write the queue Policy', async () => {
    const { QueueUrl } = await sqs.send(new CreateQueueCommand({ QueueName: 'perm' }));
    await sqs.send(new AddPermissionCommand({ QueueUrl, Label: 'p1', AWSAccountIds: ['111111111111'], Actions: ['SendMessage'] }));
    const { Attributes } = await sqs.send(new GetQueueAttributesCommand({ QueueUrl, AttributeNames: ['Policy'] }));
    const policy = JSON.parse(Attributes!.Policy!);
    assert.deepEqual(policy.Statement, [
      { Sid: 'p1', Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111111111111:root' }, Action: 'SQS:SendMessage', Resource: 'arn:aws:sqs:us-east-1:000000000000:perm' },
    ]);
    let err = await failure(sqs.send(new AddPermissionCommand({ QueueUrl, Label: 'p1', AWSAccountIds: ['111111111111'], Actions: ['SendMessage'] })));
    assert.equal(err.message, 'Value p1 for parameter Label is invalid. Reason: Already exists.');
    await sqs.send(new RemovePermissionCommand({ QueueUrl, Label: 'p1' }));
    err = await failure(sqs.send(new RemovePermissionCommand({ QueueUrl, Label: 'p1' })));
    assert.equal(err.message, "Value p1 for parameter Label is invalid. Reason: can't find label.");
    const none = await sqs.send(new GetQueueAttributesCommand({ QueueUrl, AttributeNames: ['Policy'] }));
    assert.equal(none.Attributes, undefined);
  });

  it('PurgeQueue: once per 60 seconds; DeleteQueue then QueueDeletedRecently for 60 seconds', async () => {
    const { QueueUrl } = await sqs.send(new CreateQueueCommand({ QueueName: 'purge' }));
    await sqs.send(new PurgeQueueCommand({ QueueUrl }));
    const err = await failure(sqs.send(new PurgeQueueCommand({ QueueUrl })));
    assert.equal(err.name, 'PurgeQueueInProgress');
    assert.equal(err.code, 'AWS.SimpleQueueService.PurgeQueueInProgress');
    assert.equal(err.status, 403);
    assert.equal(err.message, 'Only one PurgeQueue operation on purge is allowed every 60 seconds.');
    server.clock.advance(60_000);
    await sqs.send(new PurgeQueueCommand({ QueueUrl }));
    await sqs.send(new DeleteQueueCommand({ QueueUrl }));
    const gone = await failure(sqs.send(new GetQueueAttributesCommand({ QueueUrl, AttributeNames: ['All'] })));
    assert.equal(gone.name, 'QueueDoesNotExist');
    const recent = await failure(sqs.send(new CreateQueueCommand({ QueueName: 'purge' })));
    assert.equal(recent.name, 'QueueDeletedRecently');
    server.clock.advance(60_000);
    await sqs.send(new CreateQueueCommand({ QueueName: 'purge' }));
  });
});
