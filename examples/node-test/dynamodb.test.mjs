// Stratus from a node:test file: one server for the file, emptied between tests.
//   node --test examples/node-test/
import { after, before, beforeEach, test } from 'node:test';
import assert from 'node:assert/strict';
import { CreateTableCommand, DynamoDBClient, GetItemCommand, PutItemCommand } from '@aws-sdk/client-dynamodb';
import { startStratus } from 'stratus';

let stratus;
let ddb;

before(async () => {
  stratus = await startStratus({ services: ['dynamodb'] });
  ddb = new DynamoDBClient({ endpoint: stratus.endpoint, region: stratus.region, credentials: stratus.credentials });
});

after(() => stratus.stop());

beforeEach(async () => {
  await stratus.reset();
  await ddb.send(
    new CreateTableCommand({
      TableName: 'users',
      BillingMode: 'PAY_PER_REQUEST',
      KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
      AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }],
    }),
  );
});

test('stores and reads a user', async () => {
  await ddb.send(new PutItemCommand({ TableName: 'users', Item: { id: { S: 'u1' }, name: { S: 'Ada' } } }));
  const { Item } = await ddb.send(new GetItemCommand({ TableName: 'users', Key: { id: { S: 'u1' } } }));
  assert.equal(Item?.name?.S, 'Ada');
});

test('retries a throttled write', async () => {
  await stratus.faults([{ service: 'dynamodb', operation: 'PutItem', error: 'ProvisionedThroughputExceededException', times: 1 }]);
  const out = await ddb.send(new PutItemCommand({ TableName: 'users', Item: { id: { S: 'u2' } } }));
  assert.equal(out.$metadata.attempts, 2);
  await stratus.faults([]);
});
