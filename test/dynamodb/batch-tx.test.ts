import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  BatchGetItemCommand,
  BatchWriteItemCommand,
  GetItemCommand,
  PutItemCommand,
  TransactGetItemsCommand,
  TransactWriteItemsCommand,
} from '@aws-sdk/client-dynamodb';
import { setup, error, hashTable, type Env } from './helpers.js';

let env: Env;
before(async () => {
  env = await setup();
  await env.client.send(hashTable('bt-a'));
  await env.client.send(hashTable('bt-b'));
});
after(() => env.stop());

const key = (pk: string) => ({ pk: { S: pk } });

test('BatchWriteItem and BatchGetItem across tables', async () => {
  const w = await env.client.send(
    new BatchWriteItemCommand({
      RequestItems: {
        'bt-a': Array.from({ length: 20 }, (_, i) => ({ PutRequest: { Item: { ...key(`a${i}`), n: { N: String(i) } } } })),
        'bt-b': [{ PutRequest: { Item: { ...key('b0') } } }, { DeleteRequest: { Key: key('missing') } }],
      },
      ReturnConsumedCapacity: 'TOTAL',
    }),
  );
  assert.deepEqual(w.UnprocessedItems, {});
  assert.equal(w.ConsumedCapacity?.find((c) => c.TableName === 'bt-a')?.CapacityUnits, 20);
  const g = await env.client.send(
    new BatchGetItemCommand({
      RequestItems: { 'bt-a': { Keys: [key('a1'), key('a2'), key('nope')], ProjectionExpression: 'n' }, 'bt-b': { Keys: [key('b0')] } },
    }),
  );
  assert.deepEqual(g.Responses!['bt-a']!.map((i) => i.n!.N).sort(), ['1', '2']);
  assert.equal(g.Responses!['bt-b']!.length, 1);
  assert.deepEqual(g.UnprocessedKeys, {});
  let e = await error(() => env.client.send(new BatchWriteItemCommand({ RequestItems: { 'bt-a': Array.from({ length: 26 }, (_, i) => ({ PutRequest: { Item: key(`z${i}`) } })) } })));
  assert.equal(e.name, 'ValidationException');
  e = await error(() => env.client.send(new BatchWriteItemCommand({ RequestItems: { 'bt-a': [{ PutRequest: { Item: key('d') } }, { DeleteRequest: { Key: key('d') } }] } })));
  assert.equal(e.message, 'Provided list of item keys contains duplicates');
  e = await error(() => env.client.send(new BatchGetItemCommand({ RequestItems: { 'bt-a': { Keys: Array.from({ length: 101 }, (_, i) => key(`k${i}`)) } } })));
  assert.equal(e.name, 'ValidationException');
});

test('TransactWriteItems: all or nothing with CancellationReasons in order', async () => {
  await env.client.send(new PutItemCommand({ TableName: 'bt-a', Item: { ...key('acct'), bal: { N: '100' } } }));
  const e = await error(() =>
    env.client.send(
      new TransactWriteItemsCommand({
        TransactItems: [
          { Put: { TableName: 'bt-b', Item: key('new') } },
          {
            Update: {
              TableName: 'bt-a',
              Key: key('acct'),
              UpdateExpression: 'SET bal = bal - :amt',
              ConditionExpression: 'bal >= :amt',
              ExpressionAttributeValues: { ':amt': { N: '150' } },
              ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
            },
          },
        ],
      }),
    ),
  );
  assert.equal(e.name, 'TransactionCanceledException');
  assert.equal(e.message, 'Transaction cancelled, please refer cancellation reasons for specific reasons [None, ConditionalCheckFailed]');
  assert.equal(e.CancellationReasons[0].Code, 'None');
  assert.equal(e.CancellationReasons[1].Code, 'ConditionalCheckFailed');
  assert.deepEqual(e.CancellationReasons[1].Item, { ...key('acct'), bal: { N: '100' } });
  assert.equal((await env.client.send(new GetItemCommand({ TableName: 'bt-b', Key: key('new') }))).Item, undefined);
  await env.client.send(
    new TransactWriteItemsCommand({
      TransactItems: [
        { Put: { TableName: 'bt-b', Item: key('new') } },
        { Update: { TableName: 'bt-a', Key: key('acct'), UpdateExpression: 'SET bal = bal - :amt', ConditionExpression: 'bal >= :amt', ExpressionAttributeValues: { ':amt': { N: '30' } } } },
        { ConditionCheck: { TableName: 'bt-a', Key: key('a1'), ConditionExpression: 'attribute_exists(pk)' } },
        { Delete: { TableName: 'bt-a', Key: key('a2') } },
      ],
    }),
  );
  const acct = await env.client.send(new GetItemCommand({ TableName: 'bt-a', Key: key('acct') }));
  assert.equal(acct.Item!.bal!.N, '70');
  assert.ok((await env.client.send(new GetItemCommand({ TableName: 'bt-b', Key: key('new') }))).Item);
  const dup = await error(() =>
    env.client.send(new TransactWriteItemsCommand({ TransactItems: [{ Put: { TableName: 'bt-a', Item: key('x') } }, { Delete: { TableName: 'bt-a', Key: key('x') } }] })),
  );
  assert.equal(dup.message, 'Transaction request cannot include multiple operations on one item');
});

test('ClientRequestToken makes TransactWriteItems idempotent', async () => {
  const input = {
    ClientRequestToken: 'token-1',
    TransactItems: [{ Update: { TableName: 'bt-a', Key: key('counter'), UpdateExpression: 'ADD n :one', ExpressionAttributeValues: { ':one': { N: '1' } } } }],
  };
  await env.client.send(new TransactWriteItemsCommand(input));
  await env.client.send(new TransactWriteItemsCommand(input));
  const got = await env.client.send(new GetItemCommand({ TableName: 'bt-a', Key: key('counter') }));
  assert.equal(got.Item!.n!.N, '1');
  const e = await error(() =>
    env.client.send(new TransactWriteItemsCommand({ ...input, TransactItems: [{ Put: { TableName: 'bt-a', Item: key('other') } }] })),
  );
  assert.equal(e.name, 'IdempotentParameterMismatchException');
  // After 10 minutes the token may be reused.
  env.server.clock.advance(11 * 60 * 1000);
  await env.client.send(new TransactWriteItemsCommand(input));
  const again = await env.client.send(new GetItemCommand({ TableName: 'bt-a', Key: key('counter') }));
  assert.equal(again.Item!.n!.N, '2');
});

test('TransactGetItems returns items in request order', async () => {
  const r = await env.client.send(
    new TransactGetItemsCommand({
      TransactItems: [{ Get: { TableName: 'bt-a', Key: key('a3') } }, { Get: { TableName: 'bt-a', Key: key('none') } }, { Get: { TableName: 'bt-b', Key: key('b0'), ProjectionExpression: 'pk' } }],
      ReturnConsumedCapacity: 'TOTAL',
    }),
  );
  assert.equal(r.Responses![0]!.Item!.n!.N, '3');
  assert.equal(r.Responses![1]!.Item, undefined);
  assert.deepEqual(r.Responses![2]!.Item, key('b0'));
  assert.equal(r.ConsumedCapacity?.find((c) => c.TableName === 'bt-a')?.CapacityUnits, 4);
});

test('concurrent transactions on one item are serialized: no lost update', async () => {
  await env.client.send(new PutItemCommand({ TableName: 'bt-a', Item: { ...key('race'), n: { N: '0' } } }));
  await Promise.all(
    Array.from({ length: 20 }, () =>
      env.client.send(
        new TransactWriteItemsCommand({
          TransactItems: [{ Update: { TableName: 'bt-a', Key: key('race'), UpdateExpression: 'SET n = n + :one', ExpressionAttributeValues: { ':one': { N: '1' } } } }],
        }),
      ),
    ),
  );
  const got = await env.client.send(new GetItemCommand({ TableName: 'bt-a', Key: key('race') }));
  assert.equal(got.Item!.n!.N, '20');
});
