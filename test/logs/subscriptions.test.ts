/**
 * Subscription filters: a function's own log lines reach another function as the documented gzipped
 * DATA_MESSAGE (the AWS tutorial's `zlib.gunzipSync(Buffer.from(event.awslogs.data, 'base64'))`
 * handler), a term pattern selects the events; AWS's errors for a missing function, a third filter,
 * a missing filter.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  CloudWatchLogsClient,
  CreateLogGroupCommand,
  CreateLogStreamCommand,
  DeleteSubscriptionFilterCommand,
  DescribeSubscriptionFiltersCommand,
  PutLogEventsCommand,
  PutSubscriptionFilterCommand,
} from '@aws-sdk/client-cloudwatch-logs';
import { CreateQueueCommand, ReceiveMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { LambdaClient } from '@aws-sdk/client-lambda';
import { definition as sqsService } from '../../src/services/sqs/index.js';
import { createFunction, SERVICES } from '../lambda/helpers.js';
import { clientConfig, startServer, type TestServer } from '../helpers/server.js';

const FN = 'arn:aws:lambda:us-east-1:000000000000:function:';

describe('CloudWatch Logs subscription filters', () => {
  let server: TestServer;
  let logs: CloudWatchLogsClient;
  let sqs: SQSClient;
  let queueUrl: string;
  before(async () => {
    server = await startServer({ services: [...SERVICES, sqsService] });
    logs = new CloudWatchLogsClient(clientConfig(server.endpoint));
    sqs = new SQSClient(clientConfig(server.endpoint));
    queueUrl = (await sqs.send(new CreateQueueCommand({ QueueName: 'log-data' }))).QueueUrl!;
    const lambda = new LambdaClient(clientConfig(server.endpoint));
    // The consumer from AWS's documentation, forwarding what it decoded to a queue.
    await createFunction(lambda, 'log-consumer', {
      'index.mjs': `import zlib from 'node:zlib';
import { SQSClient, SendMessageCommand } from '@aws-sdk/client-sqs';
const sqs = new SQSClient({});
export const handler = async (event) => {
  const payload = JSON.parse(zlib.gunzipSync(Buffer.from(event.awslogs.data, 'base64')).toString('utf8'));
  await sqs.send(new SendMessageCommand({ QueueUrl: ${JSON.stringify(queueUrl)}, MessageBody: JSON.stringify(payload) }));
};`,
    }, { Timeout: 15 });
    lambda.destroy();
  });
  after(async () => {
    logs.destroy();
    sqs.destroy();
    await server.stop();
  });

  it('delivers the matching events of a log group to the function as a gzipped DATA_MESSAGE', async () => {
    await logs.send(new CreateLogGroupCommand({ logGroupName: 'app' }));
    await logs.send(new CreateLogStreamCommand({ logGroupName: 'app', logStreamName: 's1' }));
    await logs.send(new PutSubscriptionFilterCommand({ logGroupName: 'app', filterName: 'errors', filterPattern: 'ERROR', destinationArn: `${FN}log-consumer` }));
    const described = await logs.send(new DescribeSubscriptionFiltersCommand({ logGroupName: 'app' }));
    assert.equal(described.subscriptionFilters!.length, 1);
    const f = described.subscriptionFilters![0]!;
    assert.equal(f.filterName, 'errors');
    assert.equal(f.filterPattern, 'ERROR');
    assert.equal(f.destinationArn, `${FN}log-consumer`);
    assert.equal(f.distribution, 'ByLogStream');
    assert.equal(typeof f.creationTime, 'number');

    const now = Date.now();
    await logs.send(new PutLogEventsCommand({
      logGroupName: 'app',
      logStreamName: 's1',
      logEvents: [
        { timestamp: now, message: 'INFO all good' },
        { timestamp: now + 1, message: 'ERROR disk full' },
      ],
    }));
    let payload: { messageType: string; owner: string; logGroup: string; logStream: string; subscriptionFilters: string[]; logEvents: { id: string; timestamp: number; message: string }[] } | undefined;
    for (let i = 0; i < 30 && !payload; i++) {
      const r = await sqs.send(new ReceiveMessageCommand({ QueueUrl: queueUrl, WaitTimeSeconds: 1 }));
      if (r.Messages?.length) payload = JSON.parse(r.Messages[0]!.Body!);
    }
    assert.ok(payload, 'the consumer received the data');
    assert.equal(payload.messageType, 'DATA_MESSAGE');
    assert.equal(payload.owner, '000000000000');
    assert.equal(payload.logGroup, 'app');
    assert.equal(payload.logStream, 's1');
    assert.deepEqual(payload.subscriptionFilters, ['errors']);
    assert.deepEqual(payload.logEvents.map((e) => [e.timestamp, e.message]), [[now + 1, 'ERROR disk full']]);
    assert.match(payload.logEvents[0]!.id, /^\d+$/);
  });

  it('answers AWS errors: a missing function, a third filter, a missing filter', async () => {
    await logs.send(new CreateLogGroupCommand({ logGroupName: 'limits' }));
    await assert.rejects(
      logs.send(new PutSubscriptionFilterCommand({ logGroupName: 'limits', filterName: 'x', filterPattern: '', destinationArn: `${FN}nope` })),
      (e: Error) => e.name === 'InvalidParameterException' && e.message === 'Could not execute the lambda function. Make sure you have given CloudWatch Logs permission to execute your function.',
    );
    await assert.rejects(
      logs.send(new PutSubscriptionFilterCommand({ logGroupName: 'absent', filterName: 'x', filterPattern: '', destinationArn: `${FN}log-consumer` })),
      (e: Error) => e.name === 'ResourceNotFoundException' && e.message === 'The specified log group does not exist.',
    );
    for (const name of ['a', 'b']) await logs.send(new PutSubscriptionFilterCommand({ logGroupName: 'limits', filterName: name, filterPattern: '', destinationArn: `${FN}log-consumer` }));
    // Putting an existing filter again replaces it; a third one is over the limit.
    await logs.send(new PutSubscriptionFilterCommand({ logGroupName: 'limits', filterName: 'b', filterPattern: 'WARN', destinationArn: `${FN}log-consumer` }));
    await assert.rejects(
      logs.send(new PutSubscriptionFilterCommand({ logGroupName: 'limits', filterName: 'c', filterPattern: '', destinationArn: `${FN}log-consumer` })),
      (e: Error) => e.name === 'LimitExceededException' && e.message === 'Resource limit exceeded.',
    );
    const page = await logs.send(new DescribeSubscriptionFiltersCommand({ logGroupName: 'limits', limit: 1 }));
    assert.deepEqual(page.subscriptionFilters!.map((f) => f.filterName), ['a']);
    const next = await logs.send(new DescribeSubscriptionFiltersCommand({ logGroupName: 'limits', limit: 1, nextToken: page.nextToken }));
    assert.deepEqual(next.subscriptionFilters!.map((f) => [f.filterName, f.filterPattern]), [['b', 'WARN']]);
    await logs.send(new DeleteSubscriptionFilterCommand({ logGroupName: 'limits', filterName: 'a' }));
    await assert.rejects(
      logs.send(new DeleteSubscriptionFilterCommand({ logGroupName: 'limits', filterName: 'a' })),
      (e: Error) => e.name === 'ResourceNotFoundException' && e.message === 'The specified subscription filter does not exist.',
    );
  });
});
