/**
 * Step Functions calling the messaging services and any served API: the optimised SQS, SNS and
 * EventBridge integrations and AWS SDK integrations (S3, DynamoDB, SQS), with outputs and error names
 * as AWS records them (the Java SDK's metadata, `SNS.NotFoundException`, `S3.NoSuchKeyException`).
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { CreateQueueCommand, ReceiveMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { CreateTopicCommand, SNSClient } from '@aws-sdk/client-sns';
import { EventBridgeClient, PutRuleCommand, PutTargetsCommand } from '@aws-sdk/client-eventbridge';
import { CreateBucketCommand, GetObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { GetExecutionHistoryCommand } from '@aws-sdk/client-sfn';
import { definition as sqsService } from '../../src/services/sqs/index.js';
import { definition as snsService } from '../../src/services/sns/index.js';
import { definition as eventsService } from '../../src/services/events/index.js';
import { definition as s3Service } from '../../src/services/s3/index.js';
import { definition as dynamodbService } from '../../src/services/dynamodb/index.js';
import { clientConfig } from '../helpers/server.js';
import { machine, setup, start, waitFor, type Env } from './helpers.js';

describe('Step Functions service integrations', () => {
  let env: Env;
  let sqs: SQSClient;
  let queueUrl: string;
  before(async () => {
    env = await setup({ extra: [sqsService, snsService, eventsService, s3Service, dynamodbService] });
    sqs = new SQSClient(clientConfig(env.server.endpoint));
    queueUrl = (await sqs.send(new CreateQueueCommand({ QueueName: 'sfn-out' }))).QueueUrl!;
  });
  after(async () => {
    sqs.destroy();
    await env.stop();
  });

  /** Runs a one-state machine to its end; the description and the task's history details. */
  async function run(state: Record<string, unknown>, input: unknown = {}) {
    const sm = await machine(env, { StartAt: 'T', States: { T: { Type: 'Task', ...state, End: true } } });
    const arn = await start(env, sm, input);
    const d = await waitFor(env, arn);
    const events = (await env.client.send(new GetExecutionHistoryCommand({ executionArn: arn }))).events ?? [];
    return { d, events, output: d.output ? JSON.parse(d.output) : undefined };
  }

  async function receive(): Promise<string[]> {
    const r = await sqs.send(new ReceiveMessageCommand({ QueueUrl: queueUrl, MaxNumberOfMessages: 10, WaitTimeSeconds: 2 }));
    return (r.Messages ?? []).map((m) => m.Body!);
  }

  it('sqs:sendMessage sends the body (a JSON value serialised) and answers with the SDK metadata', async () => {
    const { d, events, output } = await run({ Resource: 'arn:aws:states:::sqs:sendMessage', Parameters: { QueueUrl: queueUrl, 'MessageBody.$': '$' } }, { order: 7 });
    assert.equal(d.status, 'SUCCEEDED', d.cause ?? '');
    assert.deepEqual(await receive(), ['{"order":7}']);
    assert.match(output.MessageId, /^[0-9a-f-]{36}$/);
    assert.equal(output.MD5OfMessageBody, createHash('md5').update('{"order":7}').digest('hex'));
    assert.equal(output.SdkHttpMetadata.HttpStatusCode, 200);
    assert.equal(output.SdkHttpMetadata.HttpHeaders['Content-Type'], 'application/x-amz-json-1.0');
    assert.equal(output.SdkResponseMetadata.RequestId, output.SdkHttpMetadata.HttpHeaders['x-amzn-RequestId']);
    const scheduled = events.find((e) => e.type === 'TaskScheduled')!.taskScheduledEventDetails!;
    assert.equal(scheduled.resourceType, 'sqs');
    assert.equal(scheduled.resource, 'sendMessage');
  });

  it('sns:publish to a topic that does not exist fails with SNS.NotFoundException and the SDK 1.x cause', async () => {
    const sns = new SNSClient(clientConfig(env.server.endpoint));
    const topic = (await sns.send(new CreateTopicCommand({ Name: 'sfn-topic' }))).TopicArn!;
    const ok = await run({ Resource: 'arn:aws:states:::sns:publish', Parameters: { TopicArn: topic, Message: { hello: 'world' } } });
    assert.equal(ok.d.status, 'SUCCEEDED', ok.d.cause ?? '');
    assert.match(ok.output.MessageId, /^[0-9a-f-]{36}$/);
    assert.equal(ok.output.SdkHttpMetadata.HttpHeaders['Content-Type'], 'text/xml');
    const missing = await run({ Resource: 'arn:aws:states:::sns:publish', Parameters: { TopicArn: `${topic}-gone`, Message: 'x' } });
    assert.equal(missing.d.status, 'FAILED');
    assert.equal(missing.d.error, 'SNS.NotFoundException');
    assert.match(missing.d.cause!, /^Topic does not exist \(Service: AmazonSNS; Status Code: 404; Error Code: NotFound; Request ID: [0-9a-f-]{36}; Proxy: null\)$/);
    sns.destroy();
  });

  it('events:putEvents delivers through a rule; a failed entry fails the task with EventBridge.FailedEntry', async () => {
    const eb = new EventBridgeClient(clientConfig(env.server.endpoint));
    await eb.send(new PutRuleCommand({ Name: 'from-sfn', EventPattern: JSON.stringify({ source: ['my.app'] }) }));
    await eb.send(new PutTargetsCommand({ Rule: 'from-sfn', Targets: [{ Id: 'q', Arn: 'arn:aws:sqs:us-east-1:000000000000:sfn-out' }] }));
    const ok = await run({ Resource: 'arn:aws:states:::events:putEvents', Parameters: { Entries: [{ Source: 'my.app', DetailType: 'Order', Detail: { id: 1 } }] } });
    assert.equal(ok.d.status, 'SUCCEEDED', ok.d.cause ?? '');
    assert.equal(ok.output.FailedEntryCount, 0);
    assert.equal(ok.output.Entries.length, 1);
    assert.equal(ok.output.SdkHttpMetadata, undefined);
    const delivered = await receive();
    assert.deepEqual(JSON.parse(delivered[0]!).detail, { id: 1 });
    const bad = await run({ Resource: 'arn:aws:states:::events:putEvents', Parameters: { Entries: [{ Source: 'my.app', DetailType: 'Order', Detail: 'not json' }] } });
    assert.equal(bad.d.error, 'EventBridge.FailedEntry');
    assert.deepEqual(JSON.parse(bad.d.cause!), { Entries: [{ ErrorCode: 'MalformedDetail', ErrorMessage: 'Detail is malformed.' }], FailedEntryCount: 1 });
    eb.destroy();
  });

  it('aws-sdk:s3 puts and gets an object (Body as text, dates as ISO 8601); a missing key is S3.NoSuchKeyException', async () => {
    const s3 = new S3Client({ ...clientConfig(env.server.endpoint), forcePathStyle: true });
    await s3.send(new CreateBucketCommand({ Bucket: 'sfn-bucket' }));
    const put = await run({ Resource: 'arn:aws:states:::aws-sdk:s3:putObject', Parameters: { Bucket: 'sfn-bucket', Key: 'doc.json', Body: { a: [1, 2] } } });
    assert.equal(put.d.status, 'SUCCEEDED', put.d.cause ?? '');
    assert.equal(put.output.ETag, `"${createHash('md5').update('{"a":[1,2]}').digest('hex')}"`);
    const scheduled = put.events.find((e) => e.type === 'TaskScheduled')!.taskScheduledEventDetails!;
    assert.equal(scheduled.resourceType, 'aws-sdk:s3');
    assert.equal(scheduled.resource, 'putObject');
    const got = await run({ Resource: 'arn:aws:states:::aws-sdk:s3:getObject', Parameters: { Bucket: 'sfn-bucket', Key: 'doc.json' } });
    assert.equal(got.d.status, 'SUCCEEDED', got.d.cause ?? '');
    assert.equal(got.output.Body, '{"a":[1,2]}');
    assert.equal(got.output.ContentLength, 11);
    assert.match(got.output.LastModified, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    assert.deepEqual(got.output.Metadata, {});
    const missing = await run({ Resource: 'arn:aws:states:::aws-sdk:s3:getObject', Parameters: { Bucket: 'sfn-bucket', Key: 'nope' } });
    assert.equal(missing.d.error, 'S3.NoSuchKeyException');
    assert.match(missing.d.cause!, /^The specified key does not exist\. \(Service: S3, Status Code: 404, Request ID: [0-9a-f-]{36}\) \(SDK Attempt Count: 1\)$/);
    s3.destroy();
  });

  it('aws-sdk:dynamodb errors carry the DynamoDb prefix and a Catch can route them; an unserved service is States.Runtime', async () => {
    const missing = await run({ Resource: 'arn:aws:states:::aws-sdk:dynamodb:getItem', Parameters: { TableName: 'none', Key: { id: { S: 'a' } } } });
    assert.equal(missing.d.error, 'DynamoDb.ResourceNotFoundException');
    const listed = await run({ Resource: 'arn:aws:states:::aws-sdk:dynamodb:listTables', Parameters: {} });
    assert.deepEqual(listed.output, { TableNames: [] });
    const caught = await run({
      Resource: 'arn:aws:states:::aws-sdk:sqs:getQueueUrl',
      Parameters: { QueueName: 'absent' },
      Catch: [{ ErrorEquals: ['Sqs.QueueDoesNotExistException'], ResultPath: '$.error' }],
    });
    assert.equal(caught.d.status, 'SUCCEEDED', caught.d.cause ?? '');
    assert.equal(caught.output.error.Error, 'Sqs.QueueDoesNotExistException');
    const unserved = await run({ Resource: 'arn:aws:states:::aws-sdk:secretsmanager:listSecrets', Parameters: {} });
    assert.equal(unserved.d.error, 'States.Runtime');
  });

  it('a Standard execution sends Step Functions Execution Status Change events to the default bus (RUNNING, then SUCCEEDED)', async () => {
    const eb = new EventBridgeClient(clientConfig(env.server.endpoint));
    const watched = (await sqs.send(new CreateQueueCommand({ QueueName: 'sfn-status' }))).QueueUrl!;
    const sm = await machine(env, { StartAt: 'P', States: { P: { Type: 'Pass', Result: { done: true }, End: true } } });
    const pattern = { source: ['aws.states'], 'detail-type': ['Step Functions Execution Status Change'], detail: { stateMachineArn: [sm] } };
    await eb.send(new PutRuleCommand({ Name: 'sfn-status', EventPattern: JSON.stringify(pattern) }));
    await eb.send(new PutTargetsCommand({ Rule: 'sfn-status', Targets: [{ Id: 'q', Arn: 'arn:aws:sqs:us-east-1:000000000000:sfn-status' }] }));
    const arn = await start(env, sm, { n: 1 });
    await waitFor(env, arn);
    const seen: { resources: string[]; detail: Record<string, any> }[] = [];
    for (let i = 0; i < 20 && seen.length < 2; i++) {
      const r = await sqs.send(new ReceiveMessageCommand({ QueueUrl: watched, MaxNumberOfMessages: 10, WaitTimeSeconds: 1 }));
      for (const m of r.Messages ?? []) seen.push(JSON.parse(m.Body!));
    }
    const byStatus = new Map(seen.map((e) => [e.detail.status, e]));
    const running = byStatus.get('RUNNING')!;
    const succeeded = byStatus.get('SUCCEEDED')!;
    assert.deepEqual(running.resources, [arn]);
    assert.equal(running.detail.executionArn, arn);
    assert.equal(running.detail.stateMachineArn, sm);
    assert.equal(running.detail.input, '{"n":1}');
    assert.equal(running.detail.stopDate, null);
    assert.equal(running.detail.output, null);
    assert.deepEqual(running.detail.inputDetails, { included: true });
    assert.equal(typeof running.detail.startDate, 'number');
    assert.equal(succeeded.detail.output, '{"done":true}');
    assert.deepEqual(succeeded.detail.outputDetails, { included: true });
    assert.equal(typeof succeeded.detail.stopDate, 'number');
    assert.equal(succeeded.detail.error, null);
    eb.destroy();
  });

  it('a distributed Map reads its items from S3 (CSV, JSON, a listing) and writes its results with ResultWriter', async () => {
    const s3 = new S3Client({ ...clientConfig(env.server.endpoint), forcePathStyle: true });
    await s3.send(new CreateBucketCommand({ Bucket: 'map-data' }));
    await s3.send(new PutObjectCommand({ Bucket: 'map-data', Key: 'in/people.csv', Body: 'name,age\r\n"Smith, Ann",41\r\nBob,7\r\n' }));
    await s3.send(new PutObjectCommand({ Bucket: 'map-data', Key: 'in/list.json', Body: JSON.stringify([{ n: 1 }, { n: 2 }, { n: 3 }]) }));
    const processor = { ProcessorConfig: { Mode: 'DISTRIBUTED', ExecutionType: 'STANDARD' }, StartAt: 'P', States: { P: { Type: 'Pass', End: true } } };
    const csv = await run({
      Type: 'Map',
      ItemReader: { Resource: 'arn:aws:states:::s3:getObject', ReaderConfig: { InputType: 'CSV', CSVHeaderLocation: 'FIRST_ROW' }, Parameters: { Bucket: 'map-data', Key: 'in/people.csv' } },
      ItemProcessor: processor,
    });
    assert.equal(csv.d.status, 'SUCCEEDED', csv.d.cause ?? '');
    assert.deepEqual(csv.output, [{ name: 'Smith, Ann', age: '41' }, { name: 'Bob', age: '7' }]);

    const json = await run({
      Type: 'Map',
      ItemReader: { Resource: 'arn:aws:states:::s3:getObject', ReaderConfig: { InputType: 'JSON', MaxItems: 2 }, Parameters: { Bucket: 'map-data', 'Key.$': '$.key' } },
      ItemSelector: { 'value.$': '$$.Map.Item.Value.n', 'index.$': '$$.Map.Item.Index' },
      ItemProcessor: processor,
      ResultWriter: { Resource: 'arn:aws:states:::s3:putObject', Parameters: { Bucket: 'map-data', Prefix: 'out' } },
    }, { key: 'in/list.json' });
    assert.equal(json.d.status, 'SUCCEEDED', json.d.cause ?? '');
    assert.match(json.output.MapRunArn, /^arn:aws:states:us-east-1:000000000000:mapRun:sm-\d+-\d+\/T:[0-9a-f-]{36}$/);
    const runId = json.output.MapRunArn.split(':').pop();
    assert.deepEqual(json.output.ResultWriterDetails, { Bucket: 'map-data', Key: `out/${runId}/manifest.json` });
    const text = async (key: string) => (await s3.send(new GetObjectCommand({ Bucket: 'map-data', Key: key }))).Body!.transformToString();
    const manifest = JSON.parse(await text(`out/${runId}/manifest.json`));
    assert.equal(manifest.DestinationBucket, 'map-data');
    assert.equal(manifest.MapRunArn, json.output.MapRunArn);
    assert.deepEqual(manifest.ResultFiles.FAILED, []);
    assert.equal(manifest.ResultFiles.SUCCEEDED[0].Key, `out/${runId}/SUCCEEDED_0.json`);
    const results = JSON.parse(await text(`out/${runId}/SUCCEEDED_0.json`)) as Record<string, any>[];
    assert.deepEqual(results.map((r) => JSON.parse(r.Output)).sort((a, b) => a.index - b.index), [{ value: 1, index: 0 }, { value: 2, index: 1 }]);
    assert.equal(results[0]!.Status, 'SUCCEEDED');
    assert.match(results[0]!.ExecutionArn, /:execution:sm-\d+-\d+\/T:[0-9a-f-]{36}$/);

    const listing = await run({
      Type: 'Map',
      ItemReader: { Resource: 'arn:aws:states:::s3:listObjectsV2', Parameters: { Bucket: 'map-data', Prefix: 'in/' } },
      ItemSelector: { 'key.$': '$$.Map.Item.Value.Key', 'size.$': '$$.Map.Item.Value.Size' },
      ItemProcessor: processor,
    });
    assert.equal(listing.d.status, 'SUCCEEDED', listing.d.cause ?? '');
    assert.deepEqual(listing.output.map((o: { key: string }) => o.key), ['in/list.json', 'in/people.csv']);

    const missing = await run({ Type: 'Map', ItemReader: { Resource: 'arn:aws:states:::s3:getObject', Parameters: { Bucket: 'map-data', Key: 'nope.json' } }, ItemProcessor: processor });
    assert.equal(missing.d.error, 'States.ItemReaderFailed');
    s3.destroy();
  });
});
