import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setup, raw, hashTable, type Env } from './helpers.js';

let env: Env;
before(async () => {
  env = await setup();
  await env.client.send(hashTable('rob'));
});
after(() => env.stop());

const call = (target: string, body: string | Buffer) => raw(env.server.endpoint, target, body);

test('malformed JSON, null body, wrong JSON types: AWS errors, server alive', async () => {
  let r = await call('PutItem', '{"TableName": "rob", "Item": {');
  assert.equal(r.status, 400);
  assert.match(r.body.__type, /SerializationException$/);
  r = await call('PutItem', 'null');
  assert.equal(r.status, 400);
  assert.match(r.body.__type, /ValidationException$/);
  r = await call('PutItem', '{"TableName": "rob", "Item": {"pk": {"S": 5}}}');
  assert.equal(r.status, 400);
  assert.match(r.body.__type, /SerializationException$/);
  r = await call('PutItem', '{"TableName": "rob", "Item": {"pk": "x"}}');
  assert.equal(r.status, 400);
  r = await call('PutItem', '{"TableName": "rob", "Item": {"pk": {"S": "x"}, "n": {"N": "1e99999999999"}}}');
  assert.equal(r.status, 400);
  assert.equal(r.body.message, 'Number overflow. Attempting to store a number with magnitude larger than supported range');
  r = await call('GetItem', '{"TableName": "rob", "Key": {"pk": {"S": "x", "N": "1"}}}');
  assert.equal(r.body.message, 'Supplied AttributeValue has more than one datatypes set, must contain exactly one of the supported datatypes');
  r = await call('GetItem', Buffer.from([0xff, 0xfe, 0x00]));
  assert.equal(r.status, 400);
  r = await call('Query', JSON.stringify({ TableName: 'rob', KeyConditionExpression: 'pk = :p', ExpressionAttributeValues: { ':p': { S: 'x' } }, Limit: 'many' }));
  assert.equal(r.status, 400);
  r = await call('PutItem', JSON.stringify({ TableName: 'rob', Item: { pk: { S: 'alive' } } }));
  assert.equal(r.status, 200);
  assert.equal(r.body.__type, undefined);
});

test('deeply nested values and expressions are refused quickly', async () => {
  const deep = '{"M":{"a":'.repeat(5000) + '{"S":"x"}' + '}}'.repeat(5000);
  let r = await call('PutItem', `{"TableName":"rob","Item":{"pk":{"S":"d"},"v":${deep}}}`);
  assert.equal(r.status, 400);
  assert.equal(r.body.message, 'Nesting Levels have exceeded supported limits');
  const parens = '('.repeat(2000) + 'a = :v' + ')'.repeat(2000);
  r = await call('PutItem', JSON.stringify({ TableName: 'rob', Item: { pk: { S: 'd' } }, ConditionExpression: parens, ExpressionAttributeValues: { ':v': { S: 'x' } } }));
  assert.equal(r.status, 400);
  assert.match(r.body.message, /^Invalid ConditionExpression: /);
  const path = Array.from({ length: 2000 }, () => 'a').join('.');
  r = await call('GetItem', JSON.stringify({ TableName: 'rob', Key: { pk: { S: 'd' } }, ProjectionExpression: path }));
  assert.equal(r.status, 400);
  const huge = Array.from({ length: 5000 }, (_, i) => `a${i}`).join(', ');
  r = await call('GetItem', JSON.stringify({ TableName: 'rob', Key: { pk: { S: 'd' } }, ProjectionExpression: huge }));
  assert.equal(r.status, 400);
  assert.match(r.body.message, /^Invalid ProjectionExpression: Expression size has exceeded the maximum allowed size; expression size: \d+$/);
  const nots = 'NOT '.repeat(1000) + 'a = :v';
  r = await call('PutItem', JSON.stringify({ TableName: 'rob', Item: { pk: { S: 'd' } }, ConditionExpression: nots, ExpressionAttributeValues: { ':v': { S: 'x' } } }));
  assert.equal(r.status, 400);
  assert.match(r.body.message, /too many operators/);
  const list = '[' + '0]['.repeat(1000) + '0]';
  r = await call('GetItem', JSON.stringify({ TableName: 'rob', Key: { pk: { S: 'd' } }, ProjectionExpression: 'a' + list }));
  assert.equal(r.status, 400);
  r = await call('GetItem', JSON.stringify({ TableName: 'rob', Key: { pk: { S: 'alive' } } }));
  assert.equal(r.status, 200);
  assert.equal(r.body.Item.pk.S, 'alive');
});

test('errors carry the DynamoDB __type namespace', async () => {
  const r = await call('GetItem', JSON.stringify({ TableName: 'missing', Key: { pk: { S: 'd' } } }));
  assert.equal(r.body.__type, 'com.amazonaws.dynamodb.v20120810#ResourceNotFoundException');
  assert.equal(r.body.message, 'Requested resource not found');
});

test('fuzzed requests never produce a 5xx', async () => {
  let seed = Number(process.env.SEED ?? 42);
  const rnd = (n: number) => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed % n;
  };
  const atoms: unknown[] = [null, 0, -1, 1.5, '', 'x', 'pk', true, [], {}, { S: 'a' }, { N: 'x' }, { N: '1' }, { SS: [] }, { L: [null] }, { M: { a: 5 } }, { B: '!!' }, { NULL: false }, '#a', ':v', 'a.b[1]', 'SET', 'pk = :v', '(', 'attribute_exists(pk)'];
  const value = (depth: number): unknown => {
    const r = rnd(10);
    if (depth > 3 || r < 5) return atoms[rnd(atoms.length)];
    if (r < 8) {
      const o: Record<string, unknown> = {};
      for (let i = rnd(4); i >= 0; i--) o[String(atoms[rnd(atoms.length)])] = value(depth + 1);
      return o;
    }
    return Array.from({ length: rnd(3) }, () => value(depth + 1));
  };
  const ops = ['PutItem', 'GetItem', 'UpdateItem', 'DeleteItem', 'Query', 'Scan', 'BatchGetItem', 'BatchWriteItem', 'TransactWriteItems', 'TransactGetItems', 'ExecuteStatement', 'CreateTable', 'UpdateTable'];
  const fields = ['TableName', 'Item', 'Key', 'UpdateExpression', 'ConditionExpression', 'KeyConditionExpression', 'FilterExpression', 'ProjectionExpression', 'ExpressionAttributeNames', 'ExpressionAttributeValues', 'ExclusiveStartKey', 'RequestItems', 'TransactItems', 'Statement', 'Parameters', 'Expected', 'AttributeUpdates', 'KeyConditions', 'Limit', 'Select', 'IndexName', 'Segment', 'TotalSegments'];
  for (let i = 0; i < Number(process.env.N ?? 400); i++) {
    const body: Record<string, unknown> = { TableName: rnd(3) ? 'rob' : value(0) };
    for (let j = rnd(5); j >= 0; j--) body[fields[rnd(fields.length)]!] = value(0);
    const op = ops[rnd(ops.length)]!;
    const r = await call(op, JSON.stringify(body));
    assert.ok(r.status < 500, `${op} ${JSON.stringify(body)} -> ${r.status} ${JSON.stringify(r.body)}`);
  }
  const alive = await call('GetItem', JSON.stringify({ TableName: 'rob', Key: { pk: { S: 'alive' } } }));
  assert.equal(alive.status, 200);
});
