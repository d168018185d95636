/**
 * Test control: POST /_stratus/reset (all state or some services, no restart), fault injection
 * (answered in the service's own wire shape; the SDK's retries see it), and snapshots restored into
 * a fresh server.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CreateTableCommand, DynamoDBClient, GetItemCommand, ListTablesCommand, PutItemCommand, ScanCommand, TransactWriteItemsCommand, type AttributeValue } from '@aws-sdk/client-dynamodb';
import { CreateQueueCommand, GetQueueUrlCommand, ListQueuesCommand, ReceiveMessageCommand, SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { CreateBucketCommand, GetObjectCommand, ListBucketsCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { CreateTopicCommand, ListTopicsCommand, PublishCommand, SNSClient, SubscribeCommand } from '@aws-sdk/client-sns';
import { CreateLogGroupCommand, CloudWatchLogsClient, DescribeLogGroupsCommand } from '@aws-sdk/client-cloudwatch-logs';
import { GetFunctionCommand, InvokeCommand, LambdaClient, ListFunctionsCommand } from '@aws-sdk/client-lambda';
import { CreateStateMachineCommand, ListStateMachinesCommand, SFNClient } from '@aws-sdk/client-sfn';
import { CreateEventBusCommand, EventBridgeClient, ListEventBusesCommand, ListRulesCommand, PutRuleCommand } from '@aws-sdk/client-eventbridge';
import { CreateScheduleCommand, ListSchedulesCommand, SchedulerClient } from '@aws-sdk/client-scheduler';
import { APIGatewayClient, CreateRestApiCommand, GetRestApisCommand } from '@aws-sdk/client-api-gateway';
import { clientConfig, startServer, type TestServer } from '../helpers/server.js';
import { createFunction, ROLE } from '../lambda/helpers.js';
import { tablesOf } from '../../src/server/lifecycle.js';

const post = (endpoint: string, path: string, body?: unknown) =>
  fetch(`${endpoint}${path}`, { method: 'POST', body: body === undefined ? undefined : JSON.stringify(body) });

async function seed(endpoint: string): Promise<void> {
  const ddb = new DynamoDBClient(clientConfig(endpoint));
  await ddb.send(new CreateTableCommand({ TableName: 'orders', BillingMode: 'PAY_PER_REQUEST', KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }], AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }] }));
  await ddb.send(new PutItemCommand({ TableName: 'orders', Item: { id: { S: 'o-1' }, total: { N: '42' } } }));
  const sqs = new SQSClient(clientConfig(endpoint));
  const { QueueUrl } = await sqs.send(new CreateQueueCommand({ QueueName: 'jobs' }));
  await sqs.send(new SendMessageCommand({ QueueUrl, MessageBody: 'hello' }));
  const s3 = new S3Client({ ...clientConfig(endpoint), forcePathStyle: true });
  await s3.send(new CreateBucketCommand({ Bucket: 'assets' }));
  // Past the size kept in its SQL row: a blob in a file.
  await s3.send(new PutObjectCommand({ Bucket: 'assets', Key: 'big.bin', Body: Buffer.alloc(200_000, 7) }));
  await s3.send(new PutObjectCommand({ Bucket: 'assets', Key: 'small.txt', Body: 'small' }));
  await new SNSClient(clientConfig(endpoint)).send(new CreateTopicCommand({ Name: 'events' }));
  await new CloudWatchLogsClient(clientConfig(endpoint)).send(new CreateLogGroupCommand({ logGroupName: '/app' }));
}

describe('POST /_stratus/reset', () => {
  let server: TestServer;
  before(async () => {
    server = await startServer();
  });
  after(() => server.stop());

  it('empties the named services only, then every service; the emptied services work as new', async () => {
    await seed(server.endpoint);
    const ddb = new DynamoDBClient(clientConfig(server.endpoint));
    const sqs = new SQSClient(clientConfig(server.endpoint));
    const s3 = new S3Client({ ...clientConfig(server.endpoint), forcePathStyle: true });

    const some = await post(server.endpoint, '/_stratus/reset?services=sqs,s3');
    assert.equal(some.status, 200);
    assert.deepEqual(await some.json(), { reset: ['sqs', 's3'] });
    assert.deepEqual((await sqs.send(new ListQueuesCommand({}))).QueueUrls ?? [], []);
    assert.deepEqual((await s3.send(new ListBucketsCommand({}))).Buckets ?? [], []);
    assert.deepEqual((await ddb.send(new ListTablesCommand({}))).TableNames, ['orders']);

    // A queue of the same name is a new one (nothing cached of the old one).
    const { QueueUrl } = await sqs.send(new CreateQueueCommand({ QueueName: 'jobs' }));
    await sqs.send(new SendMessageCommand({ QueueUrl, MessageBody: 'after reset' }));
    const got = await sqs.send(new ReceiveMessageCommand({ QueueUrl, WaitTimeSeconds: 1 }));
    assert.deepEqual(got.Messages?.map((m) => m.Body), ['after reset']);

    const all = await post(server.endpoint, '/_stratus/reset');
    assert.equal(all.status, 200);
    assert.ok(((await all.json()) as { reset: string[] }).reset.includes('dynamodb'));
    assert.deepEqual((await ddb.send(new ListTablesCommand({}))).TableNames, []);
    assert.deepEqual((await sqs.send(new ListQueuesCommand({}))).QueueUrls ?? [], []);
    assert.deepEqual((await new SNSClient(clientConfig(server.endpoint)).send(new ListTopicsCommand({}))).Topics, []);
    assert.deepEqual((await new CloudWatchLogsClient(clientConfig(server.endpoint)).send(new DescribeLogGroupsCommand({}))).logGroups, []);
    await assert.rejects(sqs.send(new GetQueueUrlCommand({ QueueName: 'jobs' })), { name: 'QueueDoesNotExist' });
  });

  it('a full reset empties every service: functions, state machines, rules, schedules, APIs too', async () => {
    const e = server.endpoint;
    await createFunction(new LambdaClient(clientConfig(e)), 'fn', { 'index.mjs': 'export const handler = async () => 1;' }, { Handler: 'index.handler' });
    const sfn = new SFNClient(clientConfig(e));
    await sfn.send(new CreateStateMachineCommand({ name: 'sm', roleArn: ROLE, definition: JSON.stringify({ StartAt: 'P', States: { P: { Type: 'Pass', End: true } } }) }));
    const events = new EventBridgeClient(clientConfig(e));
    await events.send(new CreateEventBusCommand({ Name: 'orders' }));
    await events.send(new PutRuleCommand({ Name: 'r', EventPattern: JSON.stringify({ source: ['app'] }) }));
    const scheduler = new SchedulerClient(clientConfig(e));
    await scheduler.send(new CreateScheduleCommand({ Name: 's', ScheduleExpression: 'rate(1 hour)', FlexibleTimeWindow: { Mode: 'OFF' }, Target: { Arn: 'arn:aws:sqs:us-east-1:000000000000:q', RoleArn: ROLE } }));
    const apigw = new APIGatewayClient(clientConfig(e));
    await apigw.send(new CreateRestApiCommand({ name: 'api' }));
    // SNS makes its signing key on the first notification it signs.
    const sns = new SNSClient(clientConfig(e));
    const topic = (await sns.send(new CreateTopicCommand({ Name: 'signed' }))).TopicArn!;
    const inbox = new SQSClient(clientConfig(e));
    const queueUrl = (await inbox.send(new CreateQueueCommand({ QueueName: 'signed-inbox' }))).QueueUrl!;
    await sns.send(new SubscribeCommand({ TopicArn: topic, Protocol: 'sqs', Endpoint: 'arn:aws:sqs:us-east-1:000000000000:signed-inbox' }));
    await sns.send(new PublishCommand({ TopicArn: topic, Message: 'hello' }));
    const [signed] = (await inbox.send(new ReceiveMessageCommand({ QueueUrl: queueUrl, WaitTimeSeconds: 10 }))).Messages ?? [];
    assert.ok(JSON.parse(signed!.Body!).Signature);

    assert.equal((await post(e, '/_stratus/reset')).status, 200);
    assert.deepEqual((await new LambdaClient(clientConfig(e)).send(new ListFunctionsCommand({}))).Functions, []);
    assert.deepEqual((await sfn.send(new ListStateMachinesCommand({}))).stateMachines, []);
    assert.deepEqual((await events.send(new ListEventBusesCommand({}))).EventBuses?.map((b) => b.Name), ['default']);
    assert.deepEqual((await events.send(new ListRulesCommand({}))).Rules, []);
    assert.deepEqual((await scheduler.send(new ListSchedulesCommand({}))).Schedules, []);
    assert.deepEqual((await apigw.send(new GetRestApisCommand({}))).items ?? [], []);
    // What a definition keeps (keepOnReset): SNS's signing key.
    assert.equal((await server.db.get<{ n: number }>('SELECT COUNT(*) AS n FROM sns_signing'))?.n, 1);
    // Created again after the reset, they work.
    await createFunction(new LambdaClient(clientConfig(e)), 'fn', { 'index.mjs': 'export const handler = async () => 2;' }, { Handler: 'index.handler' });
    const out = await new LambdaClient(clientConfig(e)).send(new InvokeCommand({ FunctionName: 'fn' }));
    assert.equal(Buffer.from(out.Payload!).toString(), '2');
  });

  it('refuses an unknown service', async () => {
    const res = await post(server.endpoint, '/_stratus/reset?services=nosuch');
    assert.equal(res.status, 400);
    assert.match(((await res.json()) as { message: string }).message, /unknown service nosuch/);
  });
});

describe('POST /_stratus/faults', () => {
  let server: TestServer;
  before(async () => {
    server = await startServer();
  });
  after(() => server.stop());

  it('fails matching calls with the service error in its wire shape; the SDK retries and succeeds', async () => {
    const ddb = new DynamoDBClient({ ...clientConfig(server.endpoint), maxAttempts: 3 });
    await ddb.send(new CreateTableCommand({ TableName: 'faulty', BillingMode: 'PAY_PER_REQUEST', KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }], AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }] }));
    const set = await post(server.endpoint, '/_stratus/faults', {
      rules: [{ service: 'dynamodb', operation: 'PutItem', resource: 'faulty', probability: 1, error: 'ProvisionedThroughputExceededException', times: 2 }],
    });
    assert.equal(set.status, 200);
    const listed = (await (await fetch(`${server.endpoint}/_stratus/faults`)).json()) as { rules: { service: string; remaining: number }[] };
    assert.equal(listed.rules[0]!.service, 'dynamodb');
    assert.equal(listed.rules[0]!.remaining, 2);

    const put = await ddb.send(new PutItemCommand({ TableName: 'faulty', Item: { id: { S: 'a' } } }));
    assert.equal(put.$metadata.attempts, 3);
    const item = await ddb.send(new GetItemCommand({ TableName: 'faulty', Key: { id: { S: 'a' } } }));
    assert.deepEqual(item.Item, { id: { S: 'a' } });
  });

  it('answers an injected error as the service would, and only for the matching resource', async () => {
    await post(server.endpoint, '/_stratus/faults', { rules: [{ service: 'sqs', operation: 'SendMessage', resource: 'flaky', error: 'RequestThrottled' }] });
    const sqs = new SQSClient(clientConfig(server.endpoint));
    const { QueueUrl: flaky } = await sqs.send(new CreateQueueCommand({ QueueName: 'flaky' }));
    const { QueueUrl: steady } = await sqs.send(new CreateQueueCommand({ QueueName: 'steady' }));
    await assert.rejects(sqs.send(new SendMessageCommand({ QueueUrl: flaky, MessageBody: 'x' })), (e: Error & { $metadata: { httpStatusCode: number } }) => {
      assert.equal(e.name, 'RequestThrottled');
      assert.equal(e.$metadata.httpStatusCode, 400);
      return true;
    });
    await sqs.send(new SendMessageCommand({ QueueUrl: steady, MessageBody: 'x' }));
    // The JSON wire shape of the dynamodb protocol, status from the model.
    await post(server.endpoint, '/_stratus/faults', { rules: [{ service: 'dynamodb', operation: 'ListTables', error: { code: 'InternalServerError' } }] });
    const raw = await fetch(server.endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/x-amz-json-1.0', 'x-amz-target': 'DynamoDB_20120810.ListTables' },
      body: '{}',
    });
    assert.equal(raw.status, 500);
    assert.match(((await raw.json()) as { __type: string }).__type, /InternalServerError$/);

    const cleared = await fetch(`${server.endpoint}/_stratus/faults`, { method: 'DELETE' });
    assert.deepEqual(await cleared.json(), { rules: [] });
    await sqs.send(new SendMessageCommand({ QueueUrl: flaky, MessageBody: 'x' }));
  });

  it('rejects a rule it cannot read, naming the field', async () => {
    const res = await post(server.endpoint, '/_stratus/faults', { rules: [{ service: 'sqs', probability: 2, error: 'X' }] });
    assert.equal(res.status, 400);
    assert.match(((await res.json()) as { message: string }).message, /rules\[0\]\.probability/);
  });
});

describe('snapshot and restore', () => {
  const dir = mkdtempSync(join(tmpdir(), 'stratus-snap-'));
  const file = join(dir, 'state.db');

  it('a snapshot restored into a fresh server holds the same tables, items, functions, queues and objects', async () => {
    const first = await startServer();
    try {
      await seed(first.endpoint);
      const lambda = new LambdaClient(clientConfig(first.endpoint));
      await createFunction(lambda, 'greeter', { 'index.mjs': 'export const handler = async (e) => ({ hello: e.name });' }, { Handler: 'index.handler' });
      const res = await post(first.endpoint, '/_stratus/snapshot', { path: file });
      assert.equal(res.status, 200);
      assert.ok(((await res.json()) as { bytes: number }).bytes > 200_000);
    } finally {
      await first.stop();
    }

    const second = await startServer();
    try {
      const res = await post(second.endpoint, '/_stratus/restore', { path: file });
      assert.equal(res.status, 200);
      const ddb = new DynamoDBClient(clientConfig(second.endpoint));
      assert.deepEqual((await ddb.send(new GetItemCommand({ TableName: 'orders', Key: { id: { S: 'o-1' } } }))).Item, { id: { S: 'o-1' }, total: { N: '42' } });
      const sqs = new SQSClient(clientConfig(second.endpoint));
      const { QueueUrl } = await sqs.send(new GetQueueUrlCommand({ QueueName: 'jobs' }));
      const got = await sqs.send(new ReceiveMessageCommand({ QueueUrl, WaitTimeSeconds: 1 }));
      assert.deepEqual(got.Messages?.map((m) => m.Body), ['hello']);
      const s3 = new S3Client({ ...clientConfig(second.endpoint), forcePathStyle: true });
      const big = Buffer.from(await (await s3.send(new GetObjectCommand({ Bucket: 'assets', Key: 'big.bin' }))).Body!.transformToByteArray());
      assert.deepEqual(big, Buffer.alloc(200_000, 7));
      assert.equal(await (await s3.send(new GetObjectCommand({ Bucket: 'assets', Key: 'small.txt' }))).Body!.transformToString(), 'small');
      const lambda = new LambdaClient(clientConfig(second.endpoint));
      assert.equal((await lambda.send(new GetFunctionCommand({ FunctionName: 'greeter' }))).Configuration?.FunctionName, 'greeter');
      assert.deepEqual((await lambda.send(new ListFunctionsCommand({}))).Functions?.map((f) => f.FunctionName), ['greeter']);
      const out = await lambda.send(new InvokeCommand({ FunctionName: 'greeter', Payload: JSON.stringify({ name: 'snap' }) }));
      assert.deepEqual(JSON.parse(Buffer.from(out.Payload!).toString()), { hello: 'snap' });
    } finally {
      await second.stop();
    }

    // The same file at start-up (--restore, STRATUS_RESTORE).
    const third = await startServer({ config: { restoreFrom: file } });
    try {
      const ddb = new DynamoDBClient(clientConfig(third.endpoint));
      assert.deepEqual((await ddb.send(new GetItemCommand({ TableName: 'orders', Key: { id: { S: 'o-1' } } }))).Item, { id: { S: 'o-1' }, total: { N: '42' } });
    } finally {
      await third.stop();
    }
  });

  it('a snapshot taken while writes run holds each transaction whole or not at all', async () => {
    const path = join(dir, 'busy.db');
    const first = await startServer();
    try {
      const ddb = new DynamoDBClient(clientConfig(first.endpoint));
      await ddb.send(new CreateTableCommand({ TableName: 'pairs', BillingMode: 'PAY_PER_REQUEST', KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }], AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }] }));
      let stop = false;
      let written = 0;
      const writers = [0, 1, 2, 3].map(async (w) => {
        for (let i = 0; !stop; i++) {
          await ddb.send(
            new TransactWriteItemsCommand({
              TransactItems: [{ Put: { TableName: 'pairs', Item: { id: { S: `a-${w}-${i}` } } } }, { Put: { TableName: 'pairs', Item: { id: { S: `b-${w}-${i}` } } } }],
            }),
          );
          written++;
        }
      });
      while (written < 20) await new Promise((r) => setImmediate(r));
      const res = await post(first.endpoint, '/_stratus/snapshot', { path });
      assert.equal(res.status, 200);
      stop = true;
      await Promise.all(writers);
    } finally {
      await first.stop();
    }
    const second = await startServer({ config: { restoreFrom: path } });
    try {
      const ddb = new DynamoDBClient(clientConfig(second.endpoint));
      const ids = new Set<string>();
      let ExclusiveStartKey: Record<string, AttributeValue> | undefined;
      do {
        const page = await ddb.send(new ScanCommand({ TableName: 'pairs', ExclusiveStartKey }));
        for (const item of page.Items ?? []) ids.add(item.id!.S!);
        ExclusiveStartKey = page.LastEvaluatedKey;
      } while (ExclusiveStartKey);
      assert.ok(ids.size >= 40, `the snapshot holds the writes made before it (${ids.size} items)`);
      for (const id of ids) assert.ok(ids.has(id.startsWith('a-') ? `b-${id.slice(2)}` : `a-${id.slice(2)}`), `${id} without its pair`);
    } finally {
      await second.stop();
    }
  });

  it('refuses a relative path and a missing file', async () => {
    const server = await startServer();
    try {
      assert.equal((await post(server.endpoint, '/_stratus/snapshot', { path: 'relative.db' })).status, 400);
      const missing = await post(server.endpoint, '/_stratus/restore', { path: join(dir, 'nothing.db') });
      assert.equal(missing.status, 400);
      assert.match(((await missing.json()) as { message: string }).message, /no snapshot at/);
    } finally {
      await server.stop();
    }
  });
});

describe('what a reset empties', () => {
  it('reads the tables a service owns from its migrations: created, renamed, dropped', () => {
    const tables = tablesOf([
      { version: 2, sql: 'ALTER TABLE q_old RENAME TO q_new; DROP TABLE IF EXISTS gone;' },
      { version: 1, sql: 'CREATE TABLE q_old (id TEXT);\nCREATE TABLE IF NOT EXISTS "gone" (x TEXT); CREATE INDEX q_idx ON q_old (id);' },
      { version: 3, sql: 'ALTER TABLE q_new ADD COLUMN y TEXT; create table later (z TEXT)' },
    ]);
    assert.deepEqual([...tables].sort(), ['later', 'q_new']);
  });
});
