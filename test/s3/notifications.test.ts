/** S3 event notifications: an upload reaches an SQS queue and a delete a Lambda function, with the documented record. */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { CreateBucketCommand, DeleteObjectCommand, PutBucketNotificationConfigurationCommand, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { CreateQueueCommand, GetQueueAttributesCommand, ReceiveMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { LambdaClient } from '@aws-sdk/client-lambda';
import { definition as sqsService } from '../../src/services/sqs/index.js';
import { createFunction, SERVICES } from '../lambda/helpers.js';
import { clientConfig, type TestServer } from '../helpers/server.js';
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
    server = await startS3({ services: [s3Service, sqsService, ...SERVICES] });
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
});
