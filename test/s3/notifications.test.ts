/** S3 event notifications: an upload reaches an SQS queue and a delete a Lambda function, with the documented record; EventBridge gets both. */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { CreateBucketCommand, DeleteObjectCommand, DeleteObjectTaggingCommand, PutBucketLifecycleConfigurationCommand, PutBucketNotificationConfigurationCommand, PutBucketVersioningCommand, PutObjectAclCommand, PutObjectTaggingCommand, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { CreateQueueCommand, GetQueueAttributesCommand, ReceiveMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { LambdaClient } from '@aws-sdk/client-lambda';
import { EventBridgeClient, PutRuleCommand, PutTargetsCommand } from '@aws-sdk/client-eventbridge';
import { definition as eventsService } from '../../src/services/events/index.js';
import { definition as sqsService } from '../../src/services/sqs/index.js';
import { createFunction, SERVICES } from '../lambda/helpers.js';
import { clientConfig, type TestServer } from '../helpers/server.js';
import { settled } from '../jobs/helpers.js';
import { definition as s3Service, s3Client, startS3 } from './helpers.js';

interface S3Record {
  eventVersion: string;
  eventSource: string;
  awsRegion: string;
  eventName: string;
  s3: { configurationId: string; bucket: { name: string; arn: string }; object: { key: string; size?: number; eTag?: string; sequencer: string } };
}

describe('S3 event notifications', () => {
  let server: TestServer;
  let s3: S3Client;
  let sqs: SQSClient;
  before(async () => {
    server = await startS3({ services: [s3Service, sqsService, eventsService, ...SERVICES] });
    s3 = s3Client(server);
    sqs = new SQSClient(clientConfig(server.endpoint));
  });
  after(async () => {
    await server.stop();
  });

  /** The records of the next messages of a queue (long polls until `count` have come). */
  async function records(queueUrl: string, count: number): Promise<S3Record[]> {
    const out: S3Record[] = [];
    for (let i = 0; i < 40 && out.length < count; i++) {
      const r = await sqs.send(new ReceiveMessageCommand({ QueueUrl: queueUrl, MaxNumberOfMessages: 10, WaitTimeSeconds: 1 }));
      for (const m of r.Messages ?? []) out.push(...(JSON.parse(m.Body!) as { Records: S3Record[] }).Records);
    }
    return out;
  }

  it('an upload matching the prefix rule reaches SQS with the documented record; a delete invokes the Lambda function', async () => {
    const uploads = (await sqs.send(new CreateQueueCommand({ QueueName: 'uploads' }))).QueueUrl!;
    const removals = (await sqs.send(new CreateQueueCommand({ QueueName: 'removals' }))).QueueUrl!;
    const lambda = new LambdaClient(clientConfig(server.endpoint));
    // The function forwards its event to the removals queue through the SDK the runtime ships.
    await createFunction(lambda, 'on-delete', {
      'index.mjs': `import { SQSClient, SendMessageCommand } from '@aws-sdk/client-sqs';
const sqs = new SQSClient({});
export const handler = async (event) => { await sqs.send(new SendMessageCommand({ QueueUrl: ${JSON.stringify(removals)}, MessageBody: JSON.stringify(event) })); };`,
    }, { Timeout: 15 });
    await s3.send(new CreateBucketCommand({ Bucket: 'notified' }));
    await s3.send(
      new PutBucketNotificationConfigurationCommand({
        Bucket: 'notified',
        NotificationConfiguration: {
          QueueConfigurations: [
            { Id: 'uploads-rule', QueueArn: 'arn:aws:sqs:us-east-1:000000000000:uploads', Events: ['s3:ObjectCreated:*'], Filter: { Key: { FilterRules: [{ Name: 'prefix', Value: 'uploads/' }] } } },
          ],
          LambdaFunctionConfigurations: [{ Id: 'removals-rule', LambdaFunctionArn: 'arn:aws:lambda:us-east-1:000000000000:function:on-delete', Events: ['s3:ObjectRemoved:*'] }],
        },
      }),
    );
    await s3.send(new PutObjectCommand({ Bucket: 'notified', Key: 'other/skipped.txt', Body: 'no' }));
    await s3.send(new PutObjectCommand({ Bucket: 'notified', Key: 'uploads/a photo.jpg', Body: 'hello' }));
    const [created] = await records(uploads, 1);
    assert.equal(created!.eventVersion, '2.1');
    assert.equal(created!.eventSource, 'aws:s3');
    assert.equal(created!.awsRegion, 'us-east-1');
    assert.equal(created!.eventName, 'ObjectCreated:Put');
    assert.equal(created!.s3.configurationId, 'uploads-rule');
    assert.deepEqual(created!.s3.bucket.name, 'notified');
    assert.equal(created!.s3.bucket.arn, 'arn:aws:s3:::notified');
    assert.equal(created!.s3.object.key, 'uploads/a+photo.jpg');
    assert.equal(created!.s3.object.size, 5);
    assert.equal(created!.s3.object.eTag, '5d41402abc4b2a76b9719d911017c592');
    // Only the matching key was announced.
    const left = await sqs.send(new GetQueueAttributesCommand({ QueueUrl: uploads, AttributeNames: ['ApproximateNumberOfMessages', 'ApproximateNumberOfMessagesNotVisible'] }));
    assert.equal(left.Attributes!.ApproximateNumberOfMessages, '0');

    await s3.send(new DeleteObjectCommand({ Bucket: 'notified', Key: 'uploads/a photo.jpg' }));
    const [removed] = await records(removals, 1);
    assert.equal(removed!.eventName, 'ObjectRemoved:Delete');
    assert.equal(removed!.s3.configurationId, 'removals-rule');
    assert.equal(removed!.s3.object.key, 'uploads/a+photo.jpg');
    assert.equal(removed!.s3.object.size, undefined);
  });

  it('a bucket with EventBridge enabled sends Object Created and Object Deleted to the default bus, where a rule routes them', async () => {
    const events = new EventBridgeClient(clientConfig(server.endpoint));
    const queueUrl = (await sqs.send(new CreateQueueCommand({ QueueName: 'from-eventbridge' }))).QueueUrl!;
    await events.send(new PutRuleCommand({ Name: 's3-events', EventPattern: JSON.stringify({ source: ['aws.s3'], 'detail-type': ['Object Created', 'Object Deleted'], detail: { bucket: { name: ['bridged'] } } }) }));
    await events.send(new PutTargetsCommand({ Rule: 's3-events', Targets: [{ Id: 'q', Arn: 'arn:aws:sqs:us-east-1:000000000000:from-eventbridge' }] }));
    await s3.send(new CreateBucketCommand({ Bucket: 'bridged' }));
    await s3.send(new PutBucketVersioningCommand({ Bucket: 'bridged', VersioningConfiguration: { Status: 'Enabled' } }));
    await s3.send(new PutBucketNotificationConfigurationCommand({ Bucket: 'bridged', NotificationConfiguration: { EventBridgeConfiguration: {} } }));
    const put = await s3.send(new PutObjectCommand({ Bucket: 'bridged', Key: 'a b.txt', Body: 'hello' }));
    const del = await s3.send(new DeleteObjectCommand({ Bucket: 'bridged', Key: 'a b.txt' }));

    const received: { 'detail-type': string; source: string; account: string; region: string; resources: string[]; detail: Record<string, unknown> }[] = [];
    for (let i = 0; i < 40 && received.length < 2; i++) {
      const r = await sqs.send(new ReceiveMessageCommand({ QueueUrl: queueUrl, MaxNumberOfMessages: 10, WaitTimeSeconds: 1 }));
      for (const m of r.Messages ?? []) received.push(JSON.parse(m.Body!));
    }
    const created = received.find((e) => e['detail-type'] === 'Object Created')!;
    const deleted = received.find((e) => e['detail-type'] === 'Object Deleted')!;
    assert.equal(created.source, 'aws.s3');
    assert.equal(created.account, '000000000000');
    assert.equal(created.region, 'us-east-1');
    assert.deepEqual(created.resources, ['arn:aws:s3:::bridged']);
    const object = created.detail.object as Record<string, unknown>;
    assert.equal(created.detail.version, '0');
    assert.deepEqual(created.detail.bucket, { name: 'bridged' });
    // EventBridge's key is not URL-encoded, unlike the notification record's.
    assert.equal(object.key, 'a b.txt');
    assert.equal(object.size, 5);
    assert.equal(object.etag, '5d41402abc4b2a76b9719d911017c592');
    assert.equal(object['version-id'], put.VersionId);
    assert.equal(created.detail.reason, 'PutObject');
    assert.equal(created.detail.requester, '000000000000');
    assert.equal(typeof created.detail['request-id'], 'string');
    assert.equal(deleted.detail.reason, 'DeleteObject');
    assert.equal(deleted.detail['deletion-type'], 'Delete Marker Created');
    assert.equal((deleted.detail.object as Record<string, unknown>)['version-id'], del.VersionId);
  });

  it('tagging, ACL changes and lifecycle expirations and transitions are announced', async () => {
    const queueUrl = (await sqs.send(new CreateQueueCommand({ QueueName: 'object-changes' }))).QueueUrl!;
    // Lifecycle events to their own queue: the first queue's messages come back once the clock passes their visibility timeout.
    const lifecycleUrl = (await sqs.send(new CreateQueueCommand({ QueueName: 'object-lifecycle' }))).QueueUrl!;
    await s3.send(new CreateBucketCommand({ Bucket: 'watched' }));
    await s3.send(
      new PutBucketNotificationConfigurationCommand({
        Bucket: 'watched',
        NotificationConfiguration: {
          QueueConfigurations: [
            { QueueArn: 'arn:aws:sqs:us-east-1:000000000000:object-changes', Events: ['s3:ObjectTagging:*', 's3:ObjectAcl:Put'] },
            { QueueArn: 'arn:aws:sqs:us-east-1:000000000000:object-lifecycle', Events: ['s3:LifecycleExpiration:*', 's3:LifecycleTransition'] },
          ],
        },
      }),
    );
    await s3.send(new PutObjectCommand({ Bucket: 'watched', Key: 'doc.txt', Body: 'hello' }));
    await s3.send(new PutObjectTaggingCommand({ Bucket: 'watched', Key: 'doc.txt', Tagging: { TagSet: [{ Key: 'k', Value: 'v' }] } }));
    await s3.send(new DeleteObjectTaggingCommand({ Bucket: 'watched', Key: 'doc.txt' }));
    await s3.send(new PutObjectAclCommand({ Bucket: 'watched', Key: 'doc.txt', ACL: 'private' }));
    assert.deepEqual((await records(queueUrl, 3)).map((r) => r.eventName), ['ObjectTagging:Put', 'ObjectTagging:Delete', 'ObjectAcl:Put']);

    await s3.send(new PutBucketLifecycleConfigurationCommand({
      Bucket: 'watched',
      LifecycleConfiguration: { Rules: [{ ID: 'age', Status: 'Enabled', Filter: { ObjectSizeGreaterThan: 1 }, Transitions: [{ Days: 1, StorageClass: 'GLACIER' }], Expiration: { Days: 3 } }] },
    }));
    server.clock.advance(2 * 86_400_000);
    await settled(server.db, server.clock as never);
    const [transition] = await records(lifecycleUrl, 1);
    assert.equal(transition!.eventName, 'LifecycleTransition');
    server.clock.advance(2 * 86_400_000);
    await settled(server.db, server.clock as never);
    const expiration = (await records(lifecycleUrl, 2)).find((r) => r.eventName !== 'LifecycleTransition');
    assert.equal(expiration!.eventName, 'LifecycleExpiration:Delete');
    assert.equal(expiration!.s3.object.key, 'doc.txt');
  });
});
