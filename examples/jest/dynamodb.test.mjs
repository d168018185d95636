// Stratus from Jest (ESM: Jest needs --experimental-vm-modules): one server per test file, emptied between tests.
//   cd examples/jest && npm install && npm test
import { afterAll, beforeAll, beforeEach, expect, test } from '@jest/globals';
import { CreateTableCommand, DynamoDBClient, GetItemCommand, PutItemCommand } from '@aws-sdk/client-dynamodb';
import { startStratus } from 'stratus';

let stratus;
let ddb;

beforeAll(async () => {
  stratus = await startStratus({ services: ['dynamodb'] });
  ddb = new DynamoDBClient({ endpoint: stratus.endpoint, region: stratus.region, credentials: stratus.credentials });
}, 30_000); // start-up takes a few seconds on a busy machine: more than the runner's default hook timeout

afterAll(() => stratus.stop());

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
  expect(Item?.name?.S).toBe('Ada');
});

test('retries a throttled write', async () => {
  await stratus.faults([{ service: 'dynamodb', operation: 'PutItem', error: 'ProvisionedThroughputExceededException', times: 1 }]);
  const out = await ddb.send(new PutItemCommand({ TableName: 'users', Item: { id: { S: 'u2' } } }));
  expect(out.$metadata.attempts).toBe(2);
  await stratus.faults([]);
});
