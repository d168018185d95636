import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { PutItemCommand, QueryCommand, ScanCommand, BatchWriteItemCommand } from '@aws-sdk/client-dynamodb';
import { setup, error, rangeTable, type Env } from './helpers.js';

let env: Env;
const numbers = ['-100', '-1.5', '-1', '0', '0.25', '1', '2', '10', '11', '100', '1E+20'];
before(async () => {
  env = await setup();
  await env.client.send(rangeTable('q-num', 'N'));
  await env.client.send(
    rangeTable('q-str', 'S', {
      AttributeDefinitions: [{ AttributeName: 'g', AttributeType: 'S' }, { AttributeName: 'lsk', AttributeType: 'N' }],
      GlobalSecondaryIndexes: [
        { IndexName: 'byG', KeySchema: [{ AttributeName: 'g', KeyType: 'HASH' }, { AttributeName: 'sk', KeyType: 'RANGE' }], Projection: { ProjectionType: 'INCLUDE', NonKeyAttributes: ['extra'] } },
      ],
      LocalSecondaryIndexes: [{ IndexName: 'byLsk', KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }, { AttributeName: 'lsk', KeyType: 'RANGE' }], Projection: { ProjectionType: 'KEYS_ONLY' } }],
    }),
  );
  await env.client.send(rangeTable('q-bin', 'B'));
  for (const n of numbers) await env.client.send(new PutItemCommand({ TableName: 'q-num', Item: { pk: { S: 'p' }, sk: { N: n }, odd: { BOOL: n.endsWith('1') } } }));
  for (const s of ['a', 'ab', 'abc', 'b', 'B', 'é', '\u{1F600}', 'z']) {
    await env.client.send(
      new PutItemCommand({
        TableName: 'q-str',
        Item: { pk: { S: 'p' }, sk: { S: s }, g: { S: s.length > 1 ? 'long' : 'short' }, lsk: { N: String(s.codePointAt(0)) }, extra: { S: 'e' }, hidden: { S: 'h' } },
      }),
    );
  }
  for (const b of [[0], [0, 1], [1], [255], [128, 0]]) await env.client.send(new PutItemCommand({ TableName: 'q-bin', Item: { pk: { S: 'p' }, sk: { B: new Uint8Array(b) } } }));
});
after(() => env.stop());

const q = (input: any) => env.client.send(new QueryCommand(input));

test('numbers sort numerically, both directions, with range conditions', async () => {
  let r = await q({ TableName: 'q-num', KeyConditionExpression: 'pk = :p', ExpressionAttributeValues: { ':p': { S: 'p' } } });
  assert.deepEqual(r.Items!.map((i) => i.sk!.N), numbers.map((n) => (n === '1E+20' ? '100000000000000000000' : n)));
  r = await q({ TableName: 'q-num', KeyConditionExpression: 'pk = :p AND sk BETWEEN :a AND :b', ExpressionAttributeValues: { ':p': { S: 'p' }, ':a': { N: '-1' }, ':b': { N: '2' } }, ScanIndexForward: false });
  assert.deepEqual(r.Items!.map((i) => i.sk!.N), ['2', '1', '0.25', '0', '-1']);
  r = await q({ TableName: 'q-num', KeyConditionExpression: ':a < sk AND pk = :p', ExpressionAttributeValues: { ':p': { S: 'p' }, ':a': { N: '10' } } });
  assert.deepEqual(r.Items!.map((i) => i.sk!.N), ['11', '100', '100000000000000000000']);
  r = await q({ TableName: 'q-num', KeyConditions: { pk: { ComparisonOperator: 'EQ', AttributeValueList: [{ S: 'p' }] }, sk: { ComparisonOperator: 'LE', AttributeValueList: [{ N: '-1' }] } } });
  assert.equal(r.Count, 3);
});

test('strings sort by UTF-8 bytes; begins_with; binary order', async () => {
  let r = await q({ TableName: 'q-str', KeyConditionExpression: 'pk = :p', ExpressionAttributeValues: { ':p': { S: 'p' } } });
  assert.deepEqual(r.Items!.map((i) => i.sk!.S), ['B', 'a', 'ab', 'abc', 'b', 'z', 'é', '\u{1F600}']);
  r = await q({ TableName: 'q-str', KeyConditionExpression: 'pk = :p AND begins_with(sk, :a)', ExpressionAttributeValues: { ':p': { S: 'p' }, ':a': { S: 'a' } } });
  assert.deepEqual(r.Items!.map((i) => i.sk!.S), ['a', 'ab', 'abc']);
  r = await q({ TableName: 'q-bin', KeyConditionExpression: 'pk = :p', ExpressionAttributeValues: { ':p': { S: 'p' } } });
  assert.deepEqual(r.Items!.map((i) => [...i.sk!.B!]), [[0], [0, 1], [1], [128, 0], [255]]);
});

test('Limit, Select COUNT, filters and pagination with LastEvaluatedKey', async () => {
  const seen: string[] = [];
  let start: any;
  let pages = 0;
  do {
    const r = await q({ TableName: 'q-num', KeyConditionExpression: 'pk = :p', FilterExpression: 'odd = :t', ExpressionAttributeValues: { ':p': { S: 'p' }, ':t': { BOOL: true } }, Limit: 3, ExclusiveStartKey: start });
    assert.ok(r.ScannedCount! <= 3);
    seen.push(...r.Items!.map((i) => i.sk!.N!));
    start = r.LastEvaluatedKey;
    pages++;
  } while (start);
  assert.deepEqual(seen, ['-1', '1', '11']);
  assert.equal(pages, 4);
  const c = await q({ TableName: 'q-num', KeyConditionExpression: 'pk = :p', ExpressionAttributeValues: { ':p': { S: 'p' } }, Select: 'COUNT' });
  assert.equal(c.Count, numbers.length);
  assert.equal(c.Items, undefined);
  const legacy = await q({ TableName: 'q-num', KeyConditions: { pk: { ComparisonOperator: 'EQ', AttributeValueList: [{ S: 'p' }] } }, QueryFilter: { odd: { ComparisonOperator: 'EQ', AttributeValueList: [{ BOOL: true }] } } });
  assert.equal(legacy.Count, 3);
});

test('key condition errors', async () => {
  let e = await error(() => q({ TableName: 'q-num', KeyConditionExpression: 'sk = :s', ExpressionAttributeValues: { ':s': { N: '1' } } }));
  assert.equal(e.message, 'Query condition missed key schema element: pk');
  e = await error(() => q({ TableName: 'q-num', KeyConditionExpression: 'pk = :p OR sk = :s', ExpressionAttributeValues: { ':p': { S: 'p' }, ':s': { N: '1' } } }));
  assert.equal(e.message, 'Invalid operator used in KeyConditionExpression: OR');
  e = await error(() => q({ TableName: 'q-num', KeyConditionExpression: 'pk = :p', ExpressionAttributeValues: { ':p': { N: '1' } } }));
  assert.equal(e.message, 'One or more parameter values were invalid: Condition parameter type does not match schema type');
  e = await error(() => q({ TableName: 'q-num' }));
  assert.equal(e.message, 'Either the KeyConditions or KeyConditionExpression parameter must be specified in the request.');
  e = await error(() => q({ TableName: 'q-str', IndexName: 'byG', ConsistentRead: true, KeyConditionExpression: 'g = :g', ExpressionAttributeValues: { ':g': { S: 'long' } } }));
  assert.equal(e.message, 'Consistent reads are not supported on global secondary indexes');
  e = await error(() => q({ TableName: 'q-str', IndexName: 'nope', KeyConditionExpression: 'g = :g', ExpressionAttributeValues: { ':g': { S: 'long' } } }));
  assert.equal(e.message, 'The table does not have the specified index: nope');
});

test('GSI and LSI queries honour projections and sparse indexes', async () => {
  let r = await q({ TableName: 'q-str', IndexName: 'byG', KeyConditionExpression: 'g = :g', ExpressionAttributeValues: { ':g': { S: 'long' } } });
  assert.equal(r.Count, 3);
  assert.deepEqual(Object.keys(r.Items![0]!).sort(), ['extra', 'g', 'pk', 'sk']);
  let e = await error(() => q({ TableName: 'q-str', IndexName: 'byG', Select: 'ALL_ATTRIBUTES', KeyConditionExpression: 'g = :g', ExpressionAttributeValues: { ':g': { S: 'long' } } }));
  assert.match(e.message, /Select type ALL_ATTRIBUTES is not supported for global secondary index byG/);
  r = await q({ TableName: 'q-str', IndexName: 'byLsk', KeyConditionExpression: 'pk = :p AND lsk > :n', ExpressionAttributeValues: { ':p': { S: 'p' }, ':n': { N: '120' } } });
  assert.deepEqual(r.Items!.map((i) => i.sk!.S), ['z', 'é', '\u{1F600}']);
  assert.deepEqual(Object.keys(r.Items![0]!).sort(), ['lsk', 'pk', 'sk']);
  r = await q({ TableName: 'q-str', IndexName: 'byLsk', KeyConditionExpression: 'pk = :p AND lsk > :n', FilterExpression: '#h = :h', ProjectionExpression: 'sk, #h', ExpressionAttributeNames: { '#h': 'hidden' }, ExpressionAttributeValues: { ':p': { S: 'p' }, ':n': { N: '120' }, ':h': { S: 'h' } } });
  assert.deepEqual(r.Items![0], { sk: { S: 'z' }, hidden: { S: 'h' } }, 'an LSI fetches unprojected attributes from the table');
  r = await q({ TableName: 'q-str', IndexName: 'byG', KeyConditionExpression: 'g = :g', FilterExpression: '#h = :h', ExpressionAttributeNames: { '#h': 'hidden' }, ExpressionAttributeValues: { ':g': { S: 'long' }, ':h': { S: 'h' } } });
  assert.equal(r.Count, 0, 'a GSI only has its projected attributes');
  r = await q({ TableName: 'q-str', IndexName: 'byLsk', Select: 'ALL_ATTRIBUTES', KeyConditionExpression: 'pk = :p AND lsk > :n', ExpressionAttributeValues: { ':p': { S: 'p' }, ':n': { N: '120' } } });
  assert.equal(r.Items![0]!.hidden!.S, 'h');
  // paginate the GSI one item at a time
  let start: any;
  const got: string[] = [];
  do {
    const p = await q({ TableName: 'q-str', IndexName: 'byG', KeyConditionExpression: 'g = :g', ExpressionAttributeValues: { ':g': { S: 'short' } }, Limit: 1, ExclusiveStartKey: start });
    got.push(...p.Items!.map((i) => i.sk!.S!));
    start = p.LastEvaluatedKey;
    if (start) assert.deepEqual(Object.keys(start).sort(), ['g', 'pk', 'sk']);
  } while (start);
  assert.equal(got.length, 5);
});

test('Scan: filters, parallel segments cover the table once, 1 MB pages', async () => {
  const r = await env.client.send(new ScanCommand({ TableName: 'q-num', FilterExpression: 'sk > :z', ExpressionAttributeValues: { ':z': { N: '0' } } }));
  assert.equal(r.Count, 7);
  assert.equal(r.ScannedCount, numbers.length);
  const all: string[] = [];
  for (let s = 0; s < 4; s++) {
    let start: any;
    do {
      const p = await env.client.send(new ScanCommand({ TableName: 'q-str', Segment: s, TotalSegments: 4, Limit: 2, ExclusiveStartKey: start }));
      all.push(...p.Items!.map((i) => i.sk!.S!));
      start = p.LastEvaluatedKey;
    } while (start);
  }
  assert.equal(all.length, 8);
  assert.equal(new Set(all).size, 8);
  const e = await error(() => env.client.send(new ScanCommand({ TableName: 'q-str', Segment: 4, TotalSegments: 4 })));
  assert.equal(e.message, 'The Segment parameter is zero-based and must be less than parameter TotalSegments: Segment: 4 is not less than TotalSegments: 4');
  // 1 MB page limit: 30 items of ~100 KB
  await env.client.send(rangeTable('q-big'));
  const blob = 'x'.repeat(100 * 1024);
  for (let i = 0; i < 30; i += 10) {
    await env.client.send(
      new BatchWriteItemCommand({ RequestItems: { 'q-big': Array.from({ length: 10 }, (_, j) => ({ PutRequest: { Item: { pk: { S: 'b' }, sk: { S: String(i + j).padStart(3, '0') }, v: { S: blob } } } })) } }),
    );
  }
  const page = await env.client.send(new ScanCommand({ TableName: 'q-big' }));
  assert.ok(page.Count! >= 10 && page.Count! <= 11, `page of ${page.Count}`);
  assert.ok(page.LastEvaluatedKey);
  const qp = await q({ TableName: 'q-big', KeyConditionExpression: 'pk = :p', ExpressionAttributeValues: { ':p': { S: 'b' } }, ExclusiveStartKey: page.LastEvaluatedKey });
  assert.ok(qp.Count! >= 10);
});
