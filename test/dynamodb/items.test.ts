import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { PutItemCommand, GetItemCommand, UpdateItemCommand, DeleteItemCommand } from '@aws-sdk/client-dynamodb';
import { setup, error, hashTable, rangeTable, type Env } from './helpers.js';

let env: Env;
before(async () => {
  env = await setup();
  await env.client.send(hashTable('items'));
  await env.client.send(rangeTable('items-r', 'N'));
});
after(() => env.stop());

const put = (Item: any, extra: any = {}) => env.client.send(new PutItemCommand({ TableName: 'items', Item, ...extra }));
const get = (pk: string, extra: any = {}) => env.client.send(new GetItemCommand({ TableName: 'items', Key: { pk: { S: pk } }, ...extra }));
const update = (pk: string, extra: any) => env.client.send(new UpdateItemCommand({ TableName: 'items', Key: { pk: { S: pk } }, ...extra }));

test('PutItem/GetItem round trip all types with canonical numbers', async () => {
  const item = {
    pk: { S: 'all' },
    s: { S: '' },
    n: { N: '001.500' },
    b: { B: new Uint8Array([1, 2, 3]) },
    bool: { BOOL: false },
    nul: { NULL: true },
    ss: { SS: ['a', 'b'] },
    ns: { NS: ['1', '2.50'] },
    bs: { BS: [new Uint8Array([9])] },
    l: { L: [{ S: 'x' }, { N: '1' }] },
    m: { M: { inr: { M: { deep: { S: 'y' } } } } },
  };
  await put(item);
  const got = (await get('all')).Item!;
  assert.equal(got.n!.N, '1.5');
  assert.equal(got.s!.S, '');
  assert.deepEqual([...got.b!.B!], [1, 2, 3]);
  assert.deepEqual(got.ns!.NS, ['1', '2.5']);
  assert.equal(got.m!.M!.inr!.M!.deep!.S, 'y');
  assert.equal(got.nul!.NULL, true);
  const proj = (await get('all', { ProjectionExpression: 'm.inr.deep, l[1], #n', ExpressionAttributeNames: { '#n': 'n' } })).Item!;
  assert.deepEqual(Object.keys(proj).sort(), ['l', 'm', 'n']);
  assert.deepEqual(proj.l!.L, [{ N: '1' }]);
  const legacy = (await get('all', { AttributesToGet: ['bool', 'ss'] })).Item!;
  assert.deepEqual(Object.keys(legacy).sort(), ['bool', 'ss']);
  assert.equal((await get('missing')).Item, undefined);
});

test('key validation messages', async () => {
  let e = await error(() => put({ other: { S: 'x' } }));
  assert.equal(e.message, 'One or more parameter values were invalid: Missing the key pk in the item');
  e = await error(() => put({ pk: { N: '1' } }));
  assert.equal(e.message, 'One or more parameter values were invalid: Type mismatch for key pk expected: S actual: N');
  e = await error(() => put({ pk: { S: '' } }));
  assert.equal(e.message, 'One or more parameter values are not valid. The AttributeValue for a key attribute cannot contain an empty string value. Key: pk');
  e = await error(() => env.client.send(new GetItemCommand({ TableName: 'items', Key: { pk: { S: 'a' }, x: { S: 'b' } } })));
  assert.equal(e.message, 'The provided key element does not match the schema');
  e = await error(() => put({ pk: { S: 'x'.repeat(2049) } }));
  assert.equal(e.message, 'One or more parameter values were invalid: Size of hashkey has exceeded the maximum size limit of2048 bytes');
  e = await error(() => put({ pk: { S: 'big' }, v: { S: 'x'.repeat(400 * 1024) } }));
  assert.equal(e.message, 'Item size has exceeded the maximum allowed size');
  e = await error(() => env.client.send(new GetItemCommand({ TableName: 'nope', Key: { pk: { S: 'a' } } })));
  assert.equal(e.name, 'ResourceNotFoundException');
  e = await error(() => put({ pk: { S: 'n' }, v: { N: '1e200' } }));
  assert.equal(e.message, 'Number overflow. Attempting to store a number with magnitude larger than supported range');
});

test('conditional writes and ReturnValues', async () => {
  await put({ pk: { S: 'c' }, v: { N: '1' } });
  let e = await error(() => put({ pk: { S: 'c' } }, { ConditionExpression: 'attribute_not_exists(pk)' }));
  assert.equal(e.name, 'ConditionalCheckFailedException');
  assert.equal(e.message, 'The conditional request failed');
  e = await error(() => put({ pk: { S: 'c' } }, { ConditionExpression: 'v = :two', ExpressionAttributeValues: { ':two': { N: '2' } }, ReturnValuesOnConditionCheckFailure: 'ALL_OLD' }));
  assert.deepEqual(e.Item, { pk: { S: 'c' }, v: { N: '1' } });
  const old = await put({ pk: { S: 'c' }, v: { N: '3' } }, { ConditionExpression: 'v = :one', ExpressionAttributeValues: { ':one': { N: '1' } }, ReturnValues: 'ALL_OLD' });
  assert.deepEqual(old.Attributes, { pk: { S: 'c' }, v: { N: '1' } });
  e = await error(() => put({ pk: { S: 'c' } }, { ReturnValues: 'ALL_NEW' }));
  assert.equal(e.message, 'ReturnValues can only be ALL_OLD or NONE');
  // Legacy Expected
  e = await error(() => put({ pk: { S: 'c' } }, { Expected: { v: { Value: { N: '9' } } } }));
  assert.equal(e.name, 'ConditionalCheckFailedException');
  await put({ pk: { S: 'c' }, v: { N: '4' } }, { Expected: { v: { ComparisonOperator: 'GE', AttributeValueList: [{ N: '3' }] } } });
  e = await error(() => put({ pk: { S: 'c' } }, { Expected: { v: { Value: { N: '4' } } }, ConditionExpression: 'attribute_exists(v)' }));
  assert.equal(e.message, 'Can not use both expression and non-expression parameters in the same request: Non-expression parameters: {Expected} Expression parameters: {ConditionExpression}');
  const del = await env.client.send(new DeleteItemCommand({ TableName: 'items', Key: { pk: { S: 'c' } }, ReturnValues: 'ALL_OLD', ConditionExpression: 'attribute_exists(v)' }));
  assert.deepEqual(del.Attributes, { pk: { S: 'c' }, v: { N: '4' } });
  assert.equal((await get('c')).Item, undefined);
});

test('UpdateItem: SET arithmetic, if_not_exists, list_append, REMOVE, ADD, DELETE, nested paths', async () => {
  let r = await update('u', {
    UpdateExpression: 'SET #c = if_not_exists(#c, :zero) + :inc, tags = list_append(if_not_exists(tags, :empty), :t), m = :m ADD tot :inc, s :s',
    ExpressionAttributeNames: { '#c': 'count' },
    ExpressionAttributeValues: { ':zero': { N: '0' }, ':inc': { N: '0.1' }, ':empty': { L: [] }, ':t': { L: [{ S: 'a' }] }, ':m': { M: { x: { L: [{ N: '1' }, { N: '2' }] } } }, ':s': { SS: ['p', 'q', 'r'] } },
    ReturnValues: 'ALL_NEW',
  });
  assert.equal(r.Attributes!.count!.N, '0.1');
  r = await update('u', {
    UpdateExpression: 'SET #c = #c + :inc, m.x[0] = :v, m.y = :v, tags = list_append(:t, tags) REMOVE m.x[1] DELETE s :d',
    ExpressionAttributeNames: { '#c': 'count' },
    ExpressionAttributeValues: { ':inc': { N: '0.2' }, ':v': { S: 'v' }, ':t': { L: [{ S: 'z' }] }, ':d': { SS: ['q'] } },
    ReturnValues: 'UPDATED_NEW',
  });
  assert.equal(r.Attributes!.count!.N, '0.3');
  assert.deepEqual(r.Attributes!.tags!.L, [{ S: 'z' }, { S: 'a' }]);
  assert.deepEqual(r.Attributes!.m!.M, { x: { L: [{ S: 'v' }] }, y: { S: 'v' } });
  const full = (await get('u')).Item!;
  assert.deepEqual(full.s!.SS!.sort(), ['p', 'r']);
  assert.equal(full.tot!.N, '0.1');
  r = await update('u', { UpdateExpression: 'REMOVE tags', ReturnValues: 'UPDATED_OLD' });
  assert.deepEqual(r.Attributes, { tags: { L: [{ S: 'z' }, { S: 'a' }] } });
  let e = await error(() => update('u', { UpdateExpression: 'SET pk = :v', ExpressionAttributeValues: { ':v': { S: 'x' } } }));
  assert.equal(e.message, 'One or more parameter values were invalid: Cannot update attribute pk. This attribute is part of the key');
  e = await error(() => update('u', { UpdateExpression: 'SET a = :v + :v', ExpressionAttributeValues: { ':v': { S: 'x' } } }));
  assert.equal(e.message, 'Invalid UpdateExpression: Incorrect operand type for operator or function; operator: +, operand type: S');
  e = await error(() => update('u', { UpdateExpression: 'SET a = :v', ExpressionAttributeValues: { ':v': { S: 'x' }, ':w': { S: 'y' } } }));
  assert.equal(e.message, 'Value provided in ExpressionAttributeValues unused in expressions: keys: {:w}');
  e = await error(() => update('u', { UpdateExpression: 'SET a.b.c = :v', ExpressionAttributeValues: { ':v': { S: 'x' } } }));
  assert.equal(e.message, 'Invalid UpdateExpression: The document path provided in the update expression is invalid for update');
  e = await error(() => update('u', { UpdateExpression: 'SET a = :v, a = :v', ExpressionAttributeValues: { ':v': { S: 'x' } } }));
  assert.equal(e.message, 'Invalid UpdateExpression: Two document paths overlap with each other; must remove or rewrite one of these paths; path one: [a], path two: [a]');
  e = await error(() => update('u', { UpdateExpression: 'ADD s2 :n', ExpressionAttributeValues: { ':n': { N: '1' } }, ConditionExpression: 'attribute_exists(pk)' }).then(() => update('u', { UpdateExpression: 'SET s3 = :s ADD s3x :n', ExpressionAttributeValues: { ':s': { S: 'x' }, ':n': { N: '1' } } })).then(() => update('u', { UpdateExpression: 'ADD s3 :n', ExpressionAttributeValues: { ':n': { N: '1' } } })));
  assert.equal(e.message, 'An operand in the update expression has an incorrect data type');
  e = await error(() => update('u', { UpdateExpression: 'REMOVE nope.deeper' }));
  assert.equal(e.message, 'Invalid UpdateExpression: The document path provided in the update expression is invalid for update');
  const created = await update('fresh', { UpdateExpression: 'REMOVE gone', ReturnValues: 'ALL_NEW' });
  assert.deepEqual(created.Attributes, { pk: { S: 'fresh' } });
  // legacy AttributeUpdates
  await update('legacy', { AttributeUpdates: { n: { Action: 'ADD', Value: { N: '5' } }, s: { Action: 'PUT', Value: { S: 'x' } } } });
  await update('legacy', { AttributeUpdates: { n: { Action: 'ADD', Value: { N: '-2' } }, s: { Action: 'DELETE' } } });
  assert.deepEqual((await get('legacy')).Item, { pk: { S: 'legacy' }, n: { N: '3' } });
});

test('sort keys: numbers keep precision in keys', async () => {
  await env.client.send(new PutItemCommand({ TableName: 'items-r', Item: { pk: { S: 'a' }, sk: { N: '1.10' } } }));
  const got = await env.client.send(new GetItemCommand({ TableName: 'items-r', Key: { pk: { S: 'a' }, sk: { N: '1.1' } } }));
  assert.equal(got.Item?.sk?.N, '1.1');
});
