import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  CreateTableCommand,
  DeleteTableCommand,
  DescribeTableCommand,
  ListTablesCommand,
  UpdateTableCommand,
  TagResourceCommand,
  UntagResourceCommand,
  ListTagsOfResourceCommand,
  DescribeLimitsCommand,
  DescribeEndpointsCommand,
  PutItemCommand,
  QueryCommand,
  waitUntilTableExists,
} from '@aws-sdk/client-dynamodb';
import { setup, error, hashTable, rangeTable, type Env } from './helpers.js';

let env: Env;
before(async () => {
  env = await setup();
});
after(() => env.stop());

test('CreateTable returns CREATING, then DescribeTable shows ACTIVE with counts', async () => {
  const created = await env.client.send(
    rangeTable('tables-a', 'N', {
      AttributeDefinitions: [{ AttributeName: 'g', AttributeType: 'S' }],
      GlobalSecondaryIndexes: [{ IndexName: 'byG', KeySchema: [{ AttributeName: 'g', KeyType: 'HASH' }], Projection: { ProjectionType: 'KEYS_ONLY' } }],
      TableClass: 'STANDARD_INFREQUENT_ACCESS',
      DeletionProtectionEnabled: true,
      Tags: [{ Key: 'team', Value: 'core' }],
    }),
  );
  const d0 = created.TableDescription!;
  assert.equal(d0.TableStatus, 'CREATING');
  assert.equal(d0.TableArn, 'arn:aws:dynamodb:us-east-1:000000000000:table/tables-a');
  assert.equal(d0.BillingModeSummary?.BillingMode, 'PAY_PER_REQUEST');
  await waitUntilTableExists({ client: env.client, maxWaitTime: 20, minDelay: 1 }, { TableName: 'tables-a' });
  await env.client.send(new PutItemCommand({ TableName: 'tables-a', Item: { pk: { S: 'x' }, sk: { N: '1' }, g: { S: 'gg' } } }));
  const d = (await env.client.send(new DescribeTableCommand({ TableName: 'tables-a' }))).Table!;
  assert.equal(d.TableStatus, 'ACTIVE');
  assert.equal(d.ItemCount, 1);
  assert.ok(d.TableSizeBytes! > 0);
  assert.equal(d.GlobalSecondaryIndexes![0]!.IndexStatus, 'ACTIVE');
  assert.equal(d.GlobalSecondaryIndexes![0]!.ItemCount, 1);
  assert.equal(d.TableClassSummary?.TableClass, 'STANDARD_INFREQUENT_ACCESS');
  assert.equal(d.DeletionProtectionEnabled, true);
  assert.ok(d.CreationDateTime instanceof Date);
  const e = await error(() => env.client.send(new DeleteTableCommand({ TableName: 'tables-a' })));
  assert.equal(e.name, 'ValidationException');
  assert.match(e.message, /protected against deletion/);
});

test('CreateTable validation and duplicate names', async () => {
  await env.client.send(hashTable('tables-dup'));
  let e = await error(() => env.client.send(hashTable('tables-dup')));
  assert.equal(e.name, 'ResourceInUseException');
  assert.equal(e.message, 'Table already exists: tables-dup');
  e = await error(() =>
    env.client.send(
      new CreateTableCommand({
        TableName: 'tables-bad',
        AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }, { AttributeName: 'zz', AttributeType: 'S' }],
        KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }],
        BillingMode: 'PAY_PER_REQUEST',
      }),
    ),
  );
  assert.equal(e.name, 'ValidationException');
  assert.match(e.message, /Number of attributes in KeySchema does not exactly match number of attributes defined in AttributeDefinitions/);
  e = await error(() => env.client.send(new CreateTableCommand({ TableName: 'tables-bad', AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }], KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }] })));
  assert.equal(e.name, 'ValidationException');
  e = await error(() =>
    env.client.send(
      hashTable('tables-bad', {
        LocalSecondaryIndexes: [{ IndexName: 'lsi1', KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }], Projection: { ProjectionType: 'ALL' } }],
      }),
    ),
  );
  assert.match(e.message, /Table KeySchema does not have a range key, which is required when specifying a LocalSecondaryIndex/);
  e = await error(() => env.client.send(new DescribeTableCommand({ TableName: 'nope' })));
  assert.equal(e.name, 'ResourceNotFoundException');
  assert.equal(e.message, 'Requested resource not found: Table: nope not found');
});

test('ListTables paginates in name order', async () => {
  for (const n of ['lt-c', 'lt-a', 'lt-b']) await env.client.send(hashTable(n));
  const all = (await env.client.send(new ListTablesCommand({}))).TableNames!;
  assert.deepEqual(all.filter((n) => n.startsWith('lt-')), ['lt-a', 'lt-b', 'lt-c']);
  const p1 = await env.client.send(new ListTablesCommand({ Limit: 1, ExclusiveStartTableName: 'lt-a' }));
  assert.deepEqual(p1.TableNames, ['lt-b']);
  assert.equal(p1.LastEvaluatedTableName, 'lt-b');
});

test('UpdateTable: billing mode, capacity, GSI create with backfill and delete', async () => {
  await env.client.send(rangeTable('tables-u'));
  for (let i = 0; i < 5; i++) {
    await env.client.send(new PutItemCommand({ TableName: 'tables-u', Item: { pk: { S: 'p' }, sk: { S: `s${i}` }, color: { S: i % 2 ? 'red' : 'blue' } } }));
  }
  let d = (
    await env.client.send(
      new UpdateTableCommand({
        TableName: 'tables-u',
        AttributeDefinitions: [{ AttributeName: 'color', AttributeType: 'S' }],
        GlobalSecondaryIndexUpdates: [{ Create: { IndexName: 'byColor', KeySchema: [{ AttributeName: 'color', KeyType: 'HASH' }], Projection: { ProjectionType: 'ALL' } } }],
      }),
    )
  ).TableDescription!;
  assert.equal(d.GlobalSecondaryIndexes?.[0]?.IndexName, 'byColor');
  const q = await env.client.send(new QueryCommand({ TableName: 'tables-u', IndexName: 'byColor', KeyConditionExpression: 'color = :c', ExpressionAttributeValues: { ':c': { S: 'blue' } } }));
  assert.equal(q.Count, 3);
  d = (await env.client.send(new UpdateTableCommand({ TableName: 'tables-u', BillingMode: 'PROVISIONED', ProvisionedThroughput: { ReadCapacityUnits: 5, WriteCapacityUnits: 5 }, GlobalSecondaryIndexUpdates: [{ Delete: { IndexName: 'byColor' } }] }))).TableDescription!;
  assert.equal(d.BillingModeSummary?.BillingMode, 'PROVISIONED');
  assert.equal(d.ProvisionedThroughput?.ReadCapacityUnits, 5);
  assert.equal(d.GlobalSecondaryIndexes, undefined);
  const e = await error(() => env.client.send(new UpdateTableCommand({ TableName: 'tables-u', ProvisionedThroughput: { ReadCapacityUnits: 5, WriteCapacityUnits: 5 } })));
  assert.match(e.message, /^The provisioned throughput for the table will not change/);
  const e2 = await error(() => env.client.send(new UpdateTableCommand({ TableName: 'tables-u' })));
  assert.equal(e2.name, 'ValidationException');
});

test('tags, limits, endpoints', async () => {
  await env.client.send(hashTable('tables-tags'));
  const arn = 'arn:aws:dynamodb:us-east-1:000000000000:table/tables-tags';
  await env.client.send(new TagResourceCommand({ ResourceArn: arn, Tags: [{ Key: 'a', Value: '1' }, { Key: 'b', Value: '2' }] }));
  await env.client.send(new UntagResourceCommand({ ResourceArn: arn, TagKeys: ['a'] }));
  const tags = await env.client.send(new ListTagsOfResourceCommand({ ResourceArn: arn }));
  assert.deepEqual(tags.Tags, [{ Key: 'b', Value: '2' }]);
  const e = await error(() => env.client.send(new ListTagsOfResourceCommand({ ResourceArn: 'arn:aws:dynamodb:us-east-1:000000000000:table/none' })));
  assert.equal(e.name, 'ResourceNotFoundException');
  const limits = await env.client.send(new DescribeLimitsCommand({}));
  assert.equal(limits.TableMaxReadCapacityUnits, 40000);
  const ep = await env.client.send(new DescribeEndpointsCommand({}));
  assert.equal(ep.Endpoints?.[0]?.CachePeriodInMinutes, 1440);
  assert.ok(env.server.endpoint.includes(ep.Endpoints![0]!.Address!));
});

test('DeleteTable removes the table and its items', async () => {
  await env.client.send(hashTable('tables-del'));
  await env.client.send(new PutItemCommand({ TableName: 'tables-del', Item: { pk: { S: 'x' } } }));
  const d = await env.client.send(new DeleteTableCommand({ TableName: 'tables-del' }));
  assert.equal(d.TableDescription?.TableStatus, 'DELETING');
  const e = await error(() => env.client.send(new PutItemCommand({ TableName: 'tables-del', Item: { pk: { S: 'x' } } })));
  assert.equal(e.name, 'ResourceNotFoundException');
  assert.equal(e.message, 'Requested resource not found');
  await env.client.send(hashTable('tables-del'));
  const q = await env.client.send(new QueryCommand({ TableName: 'tables-del', KeyConditionExpression: 'pk = :p', ExpressionAttributeValues: { ':p': { S: 'x' } } }));
  assert.equal(q.Count, 0);
});

test('tables are per account and region', async () => {
  const { DynamoDBClient } = await import('@aws-sdk/client-dynamodb');
  const { clientConfig } = await import('../helpers/server.js');
  const west = new DynamoDBClient(clientConfig(env.server.endpoint, 'us-west-2'));
  try {
    await env.client.send(hashTable('tables-region'));
    const e = await error(() => west.send(new DescribeTableCommand({ TableName: 'tables-region' })));
    assert.equal(e.name, 'ResourceNotFoundException');
    await west.send(hashTable('tables-region'));
    const d = await west.send(new DescribeTableCommand({ TableName: 'tables-region' }));
    assert.equal(d.Table?.TableArn, 'arn:aws:dynamodb:us-west-2:000000000000:table/tables-region');
  } finally {
    west.destroy();
  }
});

test('stream specification checks; unsupported features answer AWS-shaped errors', async () => {
  const e = await error(() => env.client.send(hashTable('tables-stream', { StreamSpecification: { StreamEnabled: false, StreamViewType: 'NEW_IMAGE' } })));
  assert.equal(e.name, 'ValidationException');
  assert.equal(e.message, 'One or more parameter values were invalid: Table is being created with a stream disabled, UpdateViewType should not be specified');
  await env.client.send(hashTable('tables-replica'));
  // Replicas are made (global-tables.test.ts); per-replica settings are not.
  const r = await error(() => env.client.send(new UpdateTableCommand({ TableName: 'tables-replica', ReplicaUpdates: [{ Update: { RegionName: 'eu-west-1' } }] })));
  assert.equal(r.name, 'ValidationException');
  assert.match(r.message, /does not support per-replica settings/);
  const n = await error(() => env.client.send(new CreateTableCommand({ TableName: 'ab', AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }], KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }], BillingMode: 'PAY_PER_REQUEST' })));
  assert.equal(n.message, "1 validation error detected: Value 'ab' at 'tableName' failed to satisfy constraint: Member must have length greater than or equal to 3");
});

test('CREATING lasts tableActivationMs of platform time', async () => {
  const slow = await setup({ services: { dynamodb: { tableActivationMs: 5000 } } });
  try {
    await slow.client.send(hashTable('tables-slow'));
    assert.equal((await slow.client.send(new DescribeTableCommand({ TableName: 'tables-slow' }))).Table?.TableStatus, 'CREATING');
    const e = await error(() => slow.client.send(new PutItemCommand({ TableName: 'tables-slow', Item: { pk: { S: 'x' } } })));
    assert.equal(e.name, 'ResourceNotFoundException');
    slow.server.clock.advance(5000);
    assert.equal((await slow.client.send(new DescribeTableCommand({ TableName: 'tables-slow' }))).Table?.TableStatus, 'ACTIVE');
    await slow.client.send(new PutItemCommand({ TableName: 'tables-slow', Item: { pk: { S: 'x' } } }));
  } finally {
    await slow.stop();
  }
});
