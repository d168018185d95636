/**
 * AWS service integrations of HTTP APIs, as the API Gateway developer guide describes them
 * ("Create AWS service integrations for HTTP APIs", "Integration subtype reference"): the CLI
 * command of the guide's example, the parameters mapped from the request, the service's answer
 * passed back, and the checks CreateIntegration makes.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { createHash } from 'node:crypto';
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { CreateApiCommand, CreateIntegrationCommand, CreateRouteCommand, CreateStageCommand } from '@aws-sdk/client-apigatewayv2';
import { CreateStreamCommand, GetRecordsCommand, GetShardIteratorCommand, KinesisClient } from '@aws-sdk/client-kinesis';
import { CreateStateMachineCommand, SFNClient } from '@aws-sdk/client-sfn';
import { CreateQueueCommand, ReceiveMessageCommand, SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { definition as apigatewayv2 } from '../../src/services/apigatewayv2/index.js';
import { definition as events } from '../../src/services/events/index.js';
import { definition as kinesis } from '../../src/services/kinesis/index.js';
import { definition as sqs } from '../../src/services/sqs/index.js';
import { definition as stepfunctions } from '../../src/services/stepfunctions/index.js';
import { clientConfig, startServer, type TestServer } from '../helpers/server.js';
import { SERVICES } from '../lambda/helpers.js';
import { http } from './helpers.js';

const ROLE = 'arn:aws:iam::000000000000:role/apigateway-sqs';

describe('HTTP API AWS service integrations', () => {
  let server: TestServer;
  let v2: import('@aws-sdk/client-apigatewayv2').ApiGatewayV2Client;
  let sqsClient: SQSClient;
  let api: string;
  let queueUrl: string;
  const call = (path: string, init: { method?: string; headers?: Record<string, string>; body?: string } = {}) =>
    http(`${server.endpoint}${path}`, { method: init.method ?? 'POST', headers: { host: `${api}.execute-api.localhost:${server.port}`, ...init.headers }, body: init.body });

  async function route(routeKey: string, integration: Record<string, unknown>): Promise<void> {
    const i = await v2.send(new CreateIntegrationCommand({ ApiId: api, IntegrationType: 'AWS_PROXY', PayloadFormatVersion: '1.0', CredentialsArn: ROLE, ...integration }));
    await v2.send(new CreateRouteCommand({ ApiId: api, RouteKey: routeKey, Target: `integrations/${i.IntegrationId}` }));
  }

  before(async () => {
    server = await startServer({ services: [...SERVICES, apigatewayv2, sqs, events, kinesis, stepfunctions] });
    v2 = new (await import('@aws-sdk/client-apigatewayv2')).ApiGatewayV2Client(clientConfig(server.endpoint));
    sqsClient = new SQSClient(clientConfig(server.endpoint));
    queueUrl = (await sqsClient.send(new CreateQueueCommand({ QueueName: 'orders' }))).QueueUrl!;
    api = (await v2.send(new CreateApiCommand({ Name: 'services', ProtocolType: 'HTTP' }))).ApiId!;
    await v2.send(new CreateStageCommand({ ApiId: api, StageName: '$default', AutoDeploy: true }));
  });
  after(async () => {
    v2.destroy();
    sqsClient.destroy();
    await server.stop();
  });

  it('runs the guide\'s CLI example: SQS-SendMessage with the queue URL from a header and the body from a JSON path', async () => {
    const { stdout: out } = await promisify(execFile)('aws', [
      '--endpoint-url', server.endpoint, '--region', 'us-east-1', '--output', 'json',
      'apigatewayv2', 'create-integration', '--api-id', api, '--integration-subtype', 'SQS-SendMessage', '--integration-type', 'AWS_PROXY',
      '--payload-format-version', '1.0', '--credentials-arn', ROLE,
      '--request-parameters', '{"QueueUrl": "$request.header.queueUrl", "MessageBody": "$request.body.message"}',
    ], { env: { ...process.env, AWS_ACCESS_KEY_ID: 'test', AWS_SECRET_ACCESS_KEY: 'test', AWS_PAGER: '' } });
    const integration = JSON.parse(out);
    assert.equal(integration.IntegrationSubtype, 'SQS-SendMessage');
    assert.equal(integration.PayloadFormatVersion, '1.0');
    await v2.send(new CreateRouteCommand({ ApiId: api, RouteKey: 'POST /send', Target: `integrations/${integration.IntegrationId}` }));

    const res = await call('/send', { headers: { queueurl: queueUrl, 'content-type': 'application/json' }, body: JSON.stringify({ message: 'order 42' }) });
    assert.equal(res.status, 200, res.text);
    const result = res.json().SendMessageResponse;
    assert.match(result.SendMessageResult.MessageId, /^[0-9a-f-]{36}$/);
    assert.equal(result.SendMessageResult.MD5OfMessageBody, createHash('md5').update('order 42').digest('hex'));
    assert.equal(result.SendMessageResult.MD5OfMessageAttributes, null);
    assert.match(result.ResponseMetadata.RequestId, /^[0-9a-f-]{36}$/);
    const got = await sqsClient.send(new ReceiveMessageCommand({ QueueUrl: queueUrl, WaitTimeSeconds: 1 }));
    assert.equal(got.Messages?.[0]?.Body, 'order 42');
    assert.equal(got.Messages?.[0]?.MessageId, result.SendMessageResult.MessageId);

    const missing = await call('/send', { body: JSON.stringify({ message: 'no queue header' }) });
    assert.equal(missing.status, 400);
    assert.deepEqual(missing.json(), { message: 'Bad Request' });
  });

  it('receives and deletes messages through SQS-ReceiveMessage and SQS-DeleteMessage', async () => {
    await route('POST /receive', { IntegrationSubtype: 'SQS-ReceiveMessage', RequestParameters: { QueueUrl: queueUrl, MaxNumberOfMessages: '$request.querystring.max', VisibilityTimeout: '30' } });
    await route('POST /delete', { IntegrationSubtype: 'SQS-DeleteMessage', RequestParameters: { QueueUrl: queueUrl, ReceiptHandle: '$request.body.handle' } });
    await sqsClient.send(new SendMessageCommand({ QueueUrl: queueUrl, MessageBody: 'to receive' }));
    const res = await call('/receive?max=5');
    assert.equal(res.status, 200, res.text);
    const messages = res.json().ReceiveMessageResponse.ReceiveMessageResult.messages;
    assert.equal(messages.length, 1);
    assert.equal(messages[0].Body, 'to receive');
    const del = await call('/delete', { body: JSON.stringify({ handle: messages[0].ReceiptHandle }) });
    assert.equal(del.status, 200, del.text);
    assert.ok(del.json().DeleteMessageResponse.ResponseMetadata.RequestId);

    const bad = await call('/delete', { body: JSON.stringify({ handle: 'not-a-handle' }) });
    assert.equal(bad.status, 404, 'the status SQS answers ReceiptHandleIsInvalid with');
    assert.equal(bad.json().Error.Code, 'ReceiptHandleIsInvalid');
    assert.equal(bad.json().Error.Type, 'Sender');
  });

  it('puts events with EventBridge-PutEvents and records with Kinesis-PutRecord', async () => {
    await route('POST /events', { IntegrationSubtype: 'EventBridge-PutEvents', RequestParameters: { Detail: '$request.body', DetailType: 'OrderPlaced', Source: 'shop' } });
    const put = await call('/events', { body: JSON.stringify({ id: 7 }) });
    assert.equal(put.status, 200, put.text);
    assert.equal(put.json().FailedEntryCount, 0);
    assert.match(put.json().Entries[0].EventId, /^[0-9a-f-]{36}$/);
    const notJson = await call('/events', { body: 'not json' });
    assert.equal(notJson.json().FailedEntryCount, 1);
    assert.equal(notJson.json().Entries[0].ErrorCode, 'MalformedDetail');

    const k = new KinesisClient(clientConfig(server.endpoint));
    await k.send(new CreateStreamCommand({ StreamName: 'clicks', ShardCount: 1 }));
    await route('POST /clicks', { IntegrationSubtype: 'Kinesis-PutRecord', RequestParameters: { StreamName: 'clicks', Data: '$request.body', PartitionKey: '$request.body.user' } });
    const rec = await call('/clicks', { body: '{"user":"ann","page":"/"}' });
    assert.equal(rec.status, 200, rec.text);
    assert.equal(rec.json().ShardId, 'shardId-000000000000');
    const it = await k.send(new GetShardIteratorCommand({ StreamName: 'clicks', ShardId: 'shardId-000000000000', ShardIteratorType: 'TRIM_HORIZON' }));
    const records = await k.send(new GetRecordsCommand({ ShardIterator: it.ShardIterator! }));
    assert.equal(Buffer.from(records.Records![0]!.Data!).toString(), '{"user":"ann","page":"/"}');
    assert.equal(records.Records![0]!.PartitionKey, 'ann');
    k.destroy();
  });

  it('starts a synchronous Express execution with StepFunctions-StartSyncExecution', async () => {
    const sfn = new SFNClient(clientConfig(server.endpoint));
    const machine = await sfn.send(new CreateStateMachineCommand({
      name: 'greet', type: 'EXPRESS', roleArn: 'arn:aws:iam::000000000000:role/sfn',
      definition: JSON.stringify({ StartAt: 'Hi', States: { Hi: { Type: 'Pass', Parameters: { 'greeting.$': "States.Format('hello {}', $.name)" }, End: true } } }),
    }));
    await route('POST /greet', { IntegrationSubtype: 'StepFunctions-StartSyncExecution', RequestParameters: { StateMachineArn: machine.stateMachineArn!, Input: '$request.body' } });
    const res = await call('/greet', { body: '{"name":"ann"}' });
    assert.equal(res.status, 200, res.text);
    assert.equal(res.json().status, 'SUCCEEDED');
    assert.deepEqual(JSON.parse(res.json().output), { greeting: 'hello ann' });
    assert.equal(typeof res.json().startDate, 'number');
    sfn.destroy();
  });

  it('refuses integrations that miss a required parameter or name one the subtype does not take', async () => {
    await assert.rejects(
      v2.send(new CreateIntegrationCommand({ ApiId: api, IntegrationType: 'AWS_PROXY', IntegrationSubtype: 'SQS-SendMessage', PayloadFormatVersion: '1.0', RequestParameters: { QueueUrl: queueUrl } })),
      (e: Error & { $metadata?: { httpStatusCode?: number } }) => e.name === 'BadRequestException' && e.$metadata?.httpStatusCode === 400 && /Missing required parameter: MessageBody/.test(e.message),
    );
    await assert.rejects(
      v2.send(new CreateIntegrationCommand({ ApiId: api, IntegrationType: 'AWS_PROXY', IntegrationSubtype: 'SQS-PurgeQueue', PayloadFormatVersion: '1.0', RequestParameters: { QueueUrl: queueUrl, Body: 'x' } })),
      (e: Error) => e.name === 'BadRequestException' && /Invalid destination: Body/.test(e.message),
    );
    await assert.rejects(
      v2.send(new CreateIntegrationCommand({ ApiId: api, IntegrationType: 'AWS_PROXY', IntegrationSubtype: 'SQS-PurgeQueue', PayloadFormatVersion: '2.0', RequestParameters: { QueueUrl: queueUrl } })),
      (e: Error) => e.name === 'BadRequestException',
    );
  });

  it('answers 500 for AppConfig, a service Stratus does not serve', async () => {
    await route('GET /config', { IntegrationSubtype: 'AppConfig-GetConfiguration', RequestParameters: { Application: 'a', Environment: 'e', Configuration: 'c', ClientId: 'me' } });
    const res = await call('/config', { method: 'GET' });
    assert.equal(res.status, 500);
    assert.deepEqual(res.json(), { message: 'Internal Server Error' });
  });
});
