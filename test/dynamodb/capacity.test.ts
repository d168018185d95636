import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { GetItemCommand, PutItemCommand, QueryCommand, CreateTableCommand, UpdateItemCommand } from '@aws-sdk/client-dynamodb';
import { setup, error, hashTable, rangeTable, type Env } from './helpers.js';

let env: Env;
before(async () => {
  env = await setup();
});
after(() => env.stop());

test('ConsumedCapacity: 4 KB reads, halves for eventual consistency, 1 KB writes, index writes', async () => {
  await env.client.send(
    rangeTable('cap', 'S', {
      AttributeDefinitions: [{ AttributeName: 'g', AttributeType: 'S' }],
      GlobalSecondaryIndexes: [{ IndexName: 'gix', KeySchema: [{ AttributeName: 'g', KeyType: 'HASH' }], Projection: { ProjectionType: 'ALL' } }],
    }),
  );
  const item = { pk: { S: 'p' }, sk: { S: 's' }, g: { S: 'g' }, v: { S: 'x'.repeat(5000) } };
  const w = await env.client.send(new PutItemCommand({ TableName: 'cap', Item: item, ReturnConsumedCapacity: 'INDEXES' }));
  assert.equal(w.ConsumedCapacity?.Table?.CapacityUnits, 5);
  assert.equal(w.ConsumedCapacity?.GlobalSecondaryIndexes?.gix?.CapacityUnits, 5);
  assert.equal(w.ConsumedCapacity?.CapacityUnits, 10);
  const r1 = await env.client.send(new GetItemCommand({ TableName: 'cap', Key: { pk: { S: 'p' }, sk: { S: 's' } }, ReturnConsumedCapacity: 'TOTAL' }));
  assert.equal(r1.ConsumedCapacity?.CapacityUnits, 1);
  const r2 = await env.client.send(new GetItemCommand({ TableName: 'cap', Key: { pk: { S: 'p' }, sk: { S: 's' } }, ConsistentRead: true, ReturnConsumedCapacity: 'TOTAL' }));
  assert.equal(r2.ConsumedCapacity?.CapacityUnits, 2);
  const r3 = await env.client.send(new GetItemCommand({ TableName: 'cap', Key: { pk: { S: 'p' }, sk: { S: 'none' } }, ReturnConsumedCapacity: 'TOTAL' }));
  assert.equal(r3.ConsumedCapacity?.CapacityUnits, 0.5);
  const q = await env.client.send(new QueryCommand({ TableName: 'cap', IndexName: 'gix', KeyConditionExpression: 'g = :g', ExpressionAttributeValues: { ':g': { S: 'g' } }, ReturnConsumedCapacity: 'INDEXES' }));
  assert.equal(q.ConsumedCapacity?.GlobalSecondaryIndexes?.gix?.CapacityUnits, 1);
});

test('provisioned tables throttle once burst credit is spent; on-demand never does', async () => {
  await env.client.send(
    new CreateTableCommand({
      TableName: 'cap-prov',
      AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }],
      KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }],
      ProvisionedThroughput: { ReadCapacityUnits: 1, WriteCapacityUnits: 1 },
    }),
  );
  await env.client.send(hashTable('cap-od'));
  const big = 'x'.repeat(100 * 1024); // 100 WCU per write; burst credit is 300 s x 1 WCU
  let throttled: any;
  for (let i = 0; i < 10 && !throttled; i++) {
    try {
      await env.client.send(new PutItemCommand({ TableName: 'cap-prov', Item: { pk: { S: `k${i}` }, v: { S: big } } }));
    } catch (e) {
      throttled = e;
    }
  }
  assert.ok(throttled, 'expected throttling');
  assert.equal(throttled.name, 'ProvisionedThroughputExceededException');
  assert.match(throttled.message, /The level of configured provisioned throughput for the table was exceeded/);
  // A batch touching a throttled table and an on-demand one: the throttled part comes back unprocessed.
  const { BatchWriteItemCommand } = await import('@aws-sdk/client-dynamodb');
  const b = await env.client.send(
    new BatchWriteItemCommand({ RequestItems: { 'cap-prov': [{ PutRequest: { Item: { pk: { S: 'b1' } } } }], 'cap-od': [{ PutRequest: { Item: { pk: { S: 'b1' } } } }] } }),
  );
  assert.deepEqual(Object.keys(b.UnprocessedItems ?? {}), ['cap-prov']);
  // Time refills the bucket.
  env.server.clock.advance(600_000);
  await env.client.send(new UpdateItemCommand({ TableName: 'cap-prov', Key: { pk: { S: 'k0' } }, UpdateExpression: 'SET a = :a', ExpressionAttributeValues: { ':a': { S: 'a' } } }));
  for (let i = 0; i < 10; i++) await env.client.send(new PutItemCommand({ TableName: 'cap-od', Item: { pk: { S: `k${i}` }, v: { S: big } } }));
});

test('throttling can be switched off', async () => {
  const off = await setup({ services: { dynamodb: { throttling: false } } });
  try {
    await off.client.send(
      new CreateTableCommand({
        TableName: 'cap-off',
        AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }],
        KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }],
        ProvisionedThroughput: { ReadCapacityUnits: 1, WriteCapacityUnits: 1 },
      }),
    );
    const big = 'x'.repeat(100 * 1024);
    for (let i = 0; i < 6; i++) await off.client.send(new PutItemCommand({ TableName: 'cap-off', Item: { pk: { S: `k${i}` }, v: { S: big } } }));
    const e = await error(() => off.client.send(new GetItemCommand({ TableName: 'cap-off', Key: { pk: { S: 'k0' }, x: { S: '1' } } })));
    assert.equal(e.name, 'ValidationException');
  } finally {
    await off.stop();
  }
});
