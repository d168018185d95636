/**
 * Multi-attribute keys of global secondary indexes (AWS, Nov 2025): up to 4 partition key and 4
 * sort key attributes. Cases ported from ScyllaDB's Alternator suite, recorded against DynamoDB:
 * scylladb/scylladb test/alternator/test_gsi_composite_keys.py (where that file pins only a part
 * of a message, so do these tests).
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  CreateTableCommand,
  DeleteTableCommand,
  DescribeTableCommand,
  ExecuteStatementCommand,
  PutItemCommand,
  QueryCommand,
  ScanCommand,
  UpdateItemCommand,
  UpdateTableCommand,
  type AttributeValue,
  type CreateTableCommandInput,
  type QueryCommandInput,
} from '@aws-sdk/client-dynamodb';
import { setup, error, type Env } from './helpers.js';

type Av = AttributeValue;
type Item = Record<string, Av>;
const S = (s: string): Av => ({ S: s });
const N = (n: number): Av => ({ N: String(n) });
const B = (b: number[]): Av => ({ B: new Uint8Array(b) });

let env: Env;
let seq = 0;
const uniq = (): string => `v${++seq}-${Math.random().toString(36).slice(2, 8)}`;

/** CreateTable input with one GSI of `hashKeys` then `rangeKeys` ([name, type]), base key `p` (and `c`). */
function gsiTable(name: string, index: string, hashKeys: [string, string][], rangeKeys: [string, string][], opts: { base?: [string, string][]; projection?: 'ALL' | 'KEYS_ONLY' } = {}): CreateTableCommandInput {
  const base = opts.base ?? [['p', 'S']];
  return {
    TableName: name,
    BillingMode: 'PAY_PER_REQUEST',
    KeySchema: base.map(([n], i) => ({ AttributeName: n, KeyType: i === 0 ? 'HASH' : 'RANGE' })),
    AttributeDefinitions: [...base, ...hashKeys, ...rangeKeys].map(([n, t]) => ({ AttributeName: n, AttributeType: t as 'S' })),
    GlobalSecondaryIndexes: [
      {
        IndexName: index,
        KeySchema: [...hashKeys.map(([n]) => ({ AttributeName: n, KeyType: 'HASH' as const })), ...rangeKeys.map(([n]) => ({ AttributeName: n, KeyType: 'RANGE' as const }))],
        Projection: { ProjectionType: opts.projection ?? 'ALL' },
      },
    ],
  };
}

/** A table with a GSI of KeySchema `ks` (name, type HASH/RANGE), every attribute an S. */
function schemaTable(name: string, ks: [string, 'HASH' | 'RANGE'][], defs: string[]): CreateTableCommandInput {
  return {
    TableName: name,
    BillingMode: 'PAY_PER_REQUEST',
    KeySchema: [{ AttributeName: 'p', KeyType: 'HASH' }],
    AttributeDefinitions: ['p', ...defs].map((n) => ({ AttributeName: n, AttributeType: 'S' })),
    GlobalSecondaryIndexes: [{ IndexName: 'gsi', KeySchema: ks.map(([AttributeName, KeyType]) => ({ AttributeName, KeyType })), Projection: { ProjectionType: 'ALL' } }],
  };
}

/** Every page of a Query. */
async function queryAll(input: QueryCommandInput): Promise<Item[]> {
  const out: Item[] = [];
  let start: Item | undefined;
  do {
    const r = await env.client.send(new QueryCommand({ ...input, ExclusiveStartKey: start }));
    out.push(...(r.Items ?? []));
    start = r.LastEvaluatedKey;
  } while (start);
  return out;
}

const q2 = (kce: string, values: Item, extra: Partial<QueryCommandInput> = {}): Promise<Item[]> =>
  queryAll({ TableName: 't2h2r', IndexName: 'idx_2h2r', KeyConditionExpression: kce, ExpressionAttributeValues: values, ...extra });
const ps = (items: Item[]): string[] => items.map((i) => i.p!.S!).sort();

async function put(table: string, item: Item): Promise<Item> {
  await env.client.send(new PutItemCommand({ TableName: table, Item: item }));
  return item;
}

/** Items of h1/h2 (fresh values) in t2h2r with r1 `r1` and each r2 of `r2s`. */
async function fill2h2r(r2s: string[], r1 = 'same'): Promise<{ h1: string; h2: string; items: Item[] }> {
  const h1 = uniq();
  const h2 = uniq();
  const items: Item[] = [];
  for (const r2 of r2s) items.push(await put('t2h2r', { p: S(uniq()), h1: S(h1), h2: S(h2), r1: S(r1), r2: S(r2) }));
  return { h1, h2, items };
}

before(async () => {
  env = await setup();
  await env.client.send(new CreateTableCommand(gsiTable('t2h2r', 'idx_2h2r', [['h1', 'S'], ['h2', 'S']], [['r1', 'S'], ['r2', 'S']])));
  await env.client.send(
    new CreateTableCommand(gsiTable('t4h4r', 'idx_4h4r', [['h1', 'S'], ['h2', 'S'], ['h3', 'S'], ['h4', 'S']], [['r1', 'N'], ['r2', 'S'], ['r3', 'B'], ['r4', 'S']])),
  );
  await env.client.send(
    new CreateTableCommand(gsiTable('tmixed', 'idx_mixed', [['mh1', 'S'], ['mh2', 'N']], [['mr1', 'N'], ['mr2', 'B']], { base: [['p', 'S'], ['c', 'S']] })),
  );
});
after(() => env.stop());

// Category 1: KeySchema validation.

test('a GSI of 2 HASH attributes and one of 4 HASH + 4 RANGE are created and described in KeySchema order', async () => {
  await env.client.send(new CreateTableCommand(gsiTable('c2h', 'gsi', [['a', 'S'], ['b', 'S']], [])));
  const d = (await env.client.send(new DescribeTableCommand({ TableName: 'c2h' }))).Table!;
  assert.deepEqual(d.GlobalSecondaryIndexes![0]!.KeySchema, [
    { AttributeName: 'a', KeyType: 'HASH' },
    { AttributeName: 'b', KeyType: 'HASH' },
  ]);
  const d4 = (await env.client.send(new DescribeTableCommand({ TableName: 't4h4r' }))).Table!;
  assert.deepEqual(d4.GlobalSecondaryIndexes![0]!.KeySchema, [
    ...['h1', 'h2', 'h3', 'h4'].map((AttributeName) => ({ AttributeName, KeyType: 'HASH' })),
    ...['r1', 'r2', 'r3', 'r4'].map((AttributeName) => ({ AttributeName, KeyType: 'RANGE' })),
  ]);
  assert.equal(d4.AttributeDefinitions!.length, 9);
});

test('KeySchemas AWS refuses: 5 HASH, 5 RANGE, HASH after RANGE, interleaved, RANGE only, duplicates, undefined attribute, several RANGE on an LSI', async () => {
  const refused = async (input: CreateTableCommandInput, pattern: RegExp) => {
    const e = await error(() => env.client.send(new CreateTableCommand(input)));
    assert.equal(e.name, 'ValidationException');
    assert.match(e.message, pattern);
  };
  await refused(gsiTable('bad1', 'gsi', [0, 1, 2, 3, 4].map((i) => [`a${i}`, 'S'] as [string, string]), []), /HASH/);
  await refused(gsiTable('bad2', 'gsi', [['h', 'S']], [0, 1, 2, 3, 4].map((i) => [`r${i}`, 'S'] as [string, string])), /RANGE/);
  await refused(schemaTable('bad3', [['a', 'RANGE'], ['b', 'HASH']], ['a', 'b']), /The first KeySchemaElement is not a HASH key type/);
  await refused(schemaTable('bad4', [['a', 'HASH'], ['b', 'RANGE'], ['c', 'HASH']], ['a', 'b', 'c']), /precede/);
  await refused(schemaTable('bad5', [['a', 'RANGE'], ['b', 'RANGE']], ['a', 'b']), /The first KeySchemaElement is not a HASH key type/);
  await refused(schemaTable('bad6', [['a', 'HASH'], ['a', 'HASH']], ['a']), /[Dd]uplicate/);
  await refused(schemaTable('bad7', [['a', 'HASH'], ['b', 'HASH'], ['a', 'RANGE']], ['a', 'b']), /[Dd]uplicate/);
  await refused(schemaTable('bad8', [['a', 'HASH'], ['b', 'HASH']], ['a']), /Some index key attributes are not defined in AttributeDefinitions. Keys: \[b\]/);
  await refused(
    {
      TableName: 'bad9',
      BillingMode: 'PAY_PER_REQUEST',
      KeySchema: [{ AttributeName: 'p', KeyType: 'HASH' }, { AttributeName: 'c', KeyType: 'RANGE' }],
      AttributeDefinitions: ['p', 'c', 'l'].map((n) => ({ AttributeName: n, AttributeType: 'S' })),
      LocalSecondaryIndexes: [
        { IndexName: 'lsi', KeySchema: [{ AttributeName: 'p', KeyType: 'HASH' }, { AttributeName: 'c', KeyType: 'RANGE' }, { AttributeName: 'l', KeyType: 'RANGE' }], Projection: { ProjectionType: 'ALL' } },
      ],
    },
    /Invalid KeySchema: too many KeySchemaElements/,
  );
});

// Categories 2-3: DescribeTable, KEYS_ONLY, several GSIs, UpdateTable.

test('KEYS_ONLY projection returns the base key and every index key attribute', async () => {
  await env.client.send(new CreateTableCommand(gsiTable('ckeys', 'gsi', [['a', 'S'], ['b', 'S']], [], { projection: 'KEYS_ONLY' })));
  await put('ckeys', { p: S('1'), a: S('x'), b: S('y'), extra: S('should_not_appear') });
  const r = await env.client.send(new ScanCommand({ TableName: 'ckeys', IndexName: 'gsi' }));
  assert.deepEqual(r.Items, [{ p: S('1'), a: S('x'), b: S('y') }]);
});

test('UpdateTable adds a GSI of 2 HASH + 1 RANGE, backfilled with existing items and kept up to date', async () => {
  await env.client.send(new CreateTableCommand({ TableName: 'cupd', BillingMode: 'PAY_PER_REQUEST', KeySchema: [{ AttributeName: 'p', KeyType: 'HASH' }], AttributeDefinitions: [{ AttributeName: 'p', AttributeType: 'S' }] }));
  const before: Item[] = [];
  for (let i = 0; i < 5; i++) before.push(await put('cupd', { p: S(`p${i}`), a: S('common'), b: S('shared'), c: S(`val${i}`) }));
  const bad = await error(() =>
    env.client.send(
      new UpdateTableCommand({
        TableName: 'cupd',
        AttributeDefinitions: [0, 1, 2, 3, 4].map((i) => ({ AttributeName: `a${i}`, AttributeType: 'S' })),
        GlobalSecondaryIndexUpdates: [{ Create: { IndexName: 'gsi5', KeySchema: [0, 1, 2, 3, 4].map((i) => ({ AttributeName: `a${i}`, KeyType: 'HASH' })), Projection: { ProjectionType: 'ALL' } } }],
      }),
    ),
  );
  assert.equal(bad.name, 'ValidationException');
  const out = await env.client.send(
    new UpdateTableCommand({
      TableName: 'cupd',
      AttributeDefinitions: ['a', 'b', 'c'].map((n) => ({ AttributeName: n, AttributeType: 'S' })),
      GlobalSecondaryIndexUpdates: [
        { Create: { IndexName: 'gsi', KeySchema: [{ AttributeName: 'a', KeyType: 'HASH' }, { AttributeName: 'b', KeyType: 'HASH' }, { AttributeName: 'c', KeyType: 'RANGE' }], Projection: { ProjectionType: 'ALL' } } },
      ],
    }),
  );
  assert.deepEqual(out.TableDescription!.GlobalSecondaryIndexes![0]!.KeySchema!.map((k) => k.KeyType), ['HASH', 'HASH', 'RANGE']);
  const added = await put('cupd', { p: S('new'), a: S('common'), b: S('shared'), c: S('val9') });
  const got = await queryAll({ TableName: 'cupd', IndexName: 'gsi', KeyConditionExpression: 'a = :a AND b = :b', ExpressionAttributeValues: { ':a': S('common'), ':b': S('shared') } });
  assert.deepEqual(got, [...before, added]);
});

// Categories 4-5: sparse index and types.

test('an item lacking any key attribute is not indexed; UpdateItem adding or removing one moves it in or out', async () => {
  const { h1, h2 } = { h1: uniq(), h2: uniq() };
  await put('t2h2r', { p: S('s1'), h1: S(h1), r1: S('a'), r2: S('b') });
  await put('t2h2r', { p: S('s2'), h1: S(h1), h2: S(h2), r1: S('a') });
  const scan = (await env.client.send(new ScanCommand({ TableName: 't2h2r', IndexName: 'idx_2h2r' }))).Items!;
  assert.ok(!scan.some((i) => i.p!.S === 's1' || i.p!.S === 's2'));
  await env.client.send(new UpdateItemCommand({ TableName: 't2h2r', Key: { p: S('s2') }, UpdateExpression: 'SET r2 = :v', ExpressionAttributeValues: { ':v': S('b') } }));
  assert.deepEqual(await q2('h1 = :h1 AND h2 = :h2', { ':h1': S(h1), ':h2': S(h2) }), [{ p: S('s2'), h1: S(h1), h2: S(h2), r1: S('a'), r2: S('b') }]);
  await env.client.send(new UpdateItemCommand({ TableName: 't2h2r', Key: { p: S('s2') }, UpdateExpression: 'REMOVE h2' }));
  assert.deepEqual(await q2('h1 = :h1 AND h2 = :h2', { ':h1': S(h1), ':h2': S(h2) }), []);
});

test('PutItem refuses a key attribute of the wrong type or an empty string, with AWS messages', async () => {
  let e = await error(() => put('t2h2r', { p: S('w'), h1: S('ok'), h2: N(123), r1: S('a'), r2: S('b') }));
  assert.equal(e.name, 'ValidationException');
  assert.equal(e.message, 'One or more parameter values were invalid: Type mismatch for Index Key h2 Expected: S Actual: N IndexName: idx_2h2r');
  e = await error(() => put('t2h2r', { p: S('w'), h1: S('ok'), h2: S('ok'), r1: N(123), r2: S('b') }));
  assert.match(e.message, /Type mismatch for Index Key r1/);
  e = await error(() => put('t2h2r', { p: S('w'), h1: S('ok'), h2: S(''), r1: S('a'), r2: S('b') }));
  assert.match(e.message, /empty string value. IndexName: idx_2h2r, IndexKey: h2/);
});

test('mixed types (S, N partition; N, B sort) are indexed and sorted numerically', async () => {
  const mh1 = uniq();
  for (const n of [100, 5, 50, 1000]) await put('tmixed', { p: S(uniq()), c: S('c'), mh1: S(mh1), mh2: N(42), mr1: N(n), mr2: B([1, 0, 3]) });
  const got = await queryAll({ TableName: 'tmixed', IndexName: 'idx_mixed', KeyConditionExpression: 'mh1 = :a AND mh2 = :b', ExpressionAttributeValues: { ':a': S(mh1), ':b': N(42) } });
  assert.deepEqual(got.map((i) => i.mr1!.N), ['5', '50', '100', '1000']);
  assert.deepEqual([...got[0]!.mr2!.B!], [1, 0, 3]);
  const back = await queryAll({ TableName: 'tmixed', IndexName: 'idx_mixed', KeyConditionExpression: 'mh1 = :a AND mh2 = :b AND mr1 > :n', ExpressionAttributeValues: { ':a': S(mh1), ':b': N(42), ':n': N(50) }, ScanIndexForward: false });
  assert.deepEqual(back.map((i) => i.mr1!.N), ['1000', '100']);
});

// Category 6: partition key conditions.

test('Query needs equality on every partition key attribute', async () => {
  const { h1, h2, items } = await fill2h2r(['x', 'y', 'z']);
  assert.deepEqual(ps(await q2('h1 = :h1 AND h2 = :h2', { ':h1': S(h1), ':h2': S(h2) })), ps(items));
  const refused = async (kce: string, values: Item, message: string) => {
    const e = await error(() => q2(kce, values));
    assert.equal(e.name, 'ValidationException');
    assert.equal(e.message, message);
  };
  await refused('h1 = :h1', { ':h1': S('v') }, 'Query condition missed key schema element: h2');
  await refused('h1 = :h1 AND h2 > :h2', { ':h1': S('v'), ':h2': S('v') }, 'Query key condition not supported');
  await refused('h1 = :h1 AND h2 BETWEEN :a AND :b', { ':h1': S('v'), ':a': S('a'), ':b': S('z') }, 'Query key condition not supported');
  await refused('h1 = :h1 AND begins_with(h2, :p)', { ':h1': S('v'), ':p': S('pre') }, 'Query key condition not supported');
  await refused('h1 = :h1 AND h2 = :h2', { ':h1': N(123), ':h2': S('v') }, 'One or more parameter values were invalid: Condition parameter type does not match schema type');
});

test('Query with all 4 HASH and all 4 RANGE attributes of the largest key', async () => {
  const h = [uniq(), uniq(), uniq(), uniq()];
  const item = await put('t4h4r', { p: S(uniq()), h1: S(h[0]!), h2: S(h[1]!), h3: S(h[2]!), h4: S(h[3]!), r1: N(10), r2: S('hello'), r3: B([1, 2]), r4: S('world') });
  await put('t4h4r', { ...item, p: S(uniq()), r4: S('other') });
  const values = { ':h1': S(h[0]!), ':h2': S(h[1]!), ':h3': S(h[2]!), ':h4': S(h[3]!) };
  const pk = 'h1 = :h1 AND h2 = :h2 AND h3 = :h3 AND h4 = :h4';
  const q4 = (kce: string, v: Item) => queryAll({ TableName: 't4h4r', IndexName: 'idx_4h4r', KeyConditionExpression: kce, ExpressionAttributeValues: v });
  assert.equal((await q4(pk, values)).length, 2);
  const all = await q4(`${pk} AND r1 = :r1 AND r2 = :r2 AND r3 = :r3 AND r4 = :r4`, { ...values, ':r1': N(10), ':r2': S('hello'), ':r3': B([1, 2]), ':r4': S('world') });
  assert.deepEqual(all, [item]);
  const gap = await error(() => q4(`${pk} AND r1 = :r1 AND r3 = :r3`, { ...values, ':r1': N(1), ':r3': B([0]) }));
  assert.equal(gap.message, 'Query condition missed key schema element: r2');
  const num = await error(() => q4(`${pk} AND begins_with(r1, :p)`, { ...values, ':p': S('1') }));
  assert.equal(num.message, 'Invalid KeyConditionExpression: Incorrect operand type for operator or function; operator or function: begins_with, operand type: N');
});

// Categories 7-8: sort key conditions, left to right.

test('sort key conditions: equality on a prefix, then one condition on the next attribute', async () => {
  const { h1, h2, items } = await fill2h2r(['aaa', 'bbb', 'ccc', 'ddd', 'eee']);
  const other = await put('t2h2r', { p: S(uniq()), h1: S(h1), h2: S(h2), r1: S('different'), r2: S('xxx') });
  const v = { ':h1': S(h1), ':h2': S(h2), ':r1': S('same') };
  const base = 'h1 = :h1 AND h2 = :h2 AND r1 = :r1';
  const r2s = (got: Item[]) => got.map((i) => i.r2!.S);
  assert.deepEqual(r2s(await q2(base, v)), ['aaa', 'bbb', 'ccc', 'ddd', 'eee']);
  assert.deepEqual(await q2(`${base} AND r2 = :r2`, { ...v, ':r2': S('bbb') }), [items[1]]);
  assert.deepEqual(r2s(await q2(`${base} AND r2 > :r2`, { ...v, ':r2': S('bbb') })), ['ccc', 'ddd', 'eee']);
  assert.deepEqual(r2s(await q2(`${base} AND r2 >= :r2`, { ...v, ':r2': S('bbb') })), ['bbb', 'ccc', 'ddd', 'eee']);
  assert.deepEqual(r2s(await q2(`${base} AND r2 < :r2`, { ...v, ':r2': S('bbb') })), ['aaa']);
  assert.deepEqual(r2s(await q2(`${base} AND r2 <= :r2`, { ...v, ':r2': S('bbb') })), ['aaa', 'bbb']);
  assert.deepEqual(r2s(await q2(`${base} AND r2 BETWEEN :lo AND :hi`, { ...v, ':lo': S('bbb'), ':hi': S('ddd') })), ['bbb', 'ccc', 'ddd']);
  // Reversed order in the expression is accepted: the attributes say which is which.
  assert.deepEqual(await q2('h1 = :h1 AND h2 = :h2 AND r2 = :r2 AND r1 = :r1', { ...v, ':r2': S('ccc') }), [items[2]]);
  // A range condition on the first sort attribute alone.
  assert.deepEqual(r2s(await q2('h1 = :h1 AND h2 = :h2 AND r1 > :r1', { ':h1': S(h1), ':h2': S(h2), ':r1': S('same') })), []);
  assert.deepEqual(await q2('h1 = :h1 AND h2 = :h2 AND r1 < :r1', { ':h1': S(h1), ':h2': S(h2), ':r1': S('e') }), [other]);
  assert.deepEqual(r2s(await q2(base, v, { ScanIndexForward: false })), ['eee', 'ddd', 'ccc', 'bbb', 'aaa']);
});

test('a value that is a prefix of another sorts first, and begins_with matches prefixes of the next attribute', async () => {
  const { h1, h2 } = await fill2h2r(['prefix_A', 'prefix_B', 'other_C', 'prefix', 'pre\u0000x']);
  const v = { ':h1': S(h1), ':h2': S(h2), ':r1': S('same') };
  const got = await q2('h1 = :h1 AND h2 = :h2 AND r1 = :r1 AND begins_with(r2, :p)', { ...v, ':p': S('prefix') });
  assert.deepEqual(got.map((i) => i.r2!.S), ['prefix', 'prefix_A', 'prefix_B']);
  const all = await q2('h1 = :h1 AND h2 = :h2 AND begins_with(r1, :p)', { ':h1': S(h1), ':h2': S(h2), ':p': S('sa') });
  assert.deepEqual(all.map((i) => i.r2!.S), ['other_C', 'pre\u0000x', 'prefix', 'prefix_A', 'prefix_B']);
  // r1 values 'a' and 'ab': all items of 'a' come before those of 'ab', whatever their r2.
  const h = uniq();
  await put('t2h2r', { p: S(uniq()), h1: S(h), h2: S(h), r1: S('ab'), r2: S('a') });
  await put('t2h2r', { p: S(uniq()), h1: S(h), h2: S(h), r1: S('a'), r2: S('zzz') });
  const order = await q2('h1 = :h AND h2 = :h', { ':h': S(h) });
  assert.deepEqual(order.map((i) => `${i.r1!.S}/${i.r2!.S}`), ['a/zzz', 'ab/a']);
  assert.deepEqual((await q2('h1 = :h AND h2 = :h AND r1 <= :a', { ':h': S(h), ':a': S('a') })).length, 1);
  assert.deepEqual((await q2('h1 = :h AND h2 = :h AND r1 > :a', { ':h': S(h), ':a': S('a') })).length, 1);
});

test('sort key conditions AWS refuses: skipping the first attribute, a range condition before another condition', async () => {
  const v = { ':h1': S('v'), ':h2': S('v') };
  let e = await error(() => q2('h1 = :h1 AND h2 = :h2 AND r2 = :r2', { ...v, ':r2': S('v') }));
  assert.equal(e.name, 'ValidationException');
  assert.equal(e.message, 'Query condition missed key schema element: r1');
  e = await error(() => q2('h1 = :h1 AND h2 = :h2 AND r1 > :r1 AND r2 = :r2', { ...v, ':r1': S('v'), ':r2': S('v') }));
  assert.equal(e.message, 'Query key condition not supported');
  e = await error(() => q2('h1 = :h1 AND h2 = :h2 AND begins_with(r1, :p) AND r2 = :r2', { ...v, ':p': S('pre'), ':r2': S('v') }));
  assert.equal(e.message, 'Query key condition not supported');
  e = await error(() => q2('h1 = :h1 AND h2 = :h2 AND r1 = :a AND r1 = :b', { ...v, ':a': S('v'), ':b': S('w') }));
  assert.equal(e.message, 'KeyConditionExpressions must only contain one condition per key');
});

// Category 9: FilterExpression.

test('FilterExpression may not name a key attribute of the index, but may name others and the base key', async () => {
  for (const attr of ['h2', 'r1']) {
    const e = await error(() => q2('h1 = :h1 AND h2 = :h2', { ':h1': S('v'), ':h2': S('v'), ':fv': S('v') }, { FilterExpression: `${attr} = :fv` }));
    assert.equal(e.name, 'ValidationException');
    assert.equal(e.message, `Filter Expression can only contain non-primary key attributes: Primary key attribute: ${attr}`);
  }
  const h1 = uniq();
  const h2 = uniq();
  const red = await put('t2h2r', { p: S(uniq()), h1: S(h1), h2: S(h2), r1: S('a'), r2: S('b'), color: S('red') });
  const blue = await put('t2h2r', { p: S(uniq()), h1: S(h1), h2: S(h2), r1: S('c'), r2: S('d'), color: S('blue') });
  assert.deepEqual(await q2('h1 = :h1 AND h2 = :h2', { ':h1': S(h1), ':h2': S(h2), ':c': S('red') }, { FilterExpression: 'color = :c' }), [red]);
  assert.deepEqual(await q2('h1 = :h1 AND h2 = :h2', { ':h1': S(h1), ':h2': S(h2), ':p': blue.p! }, { FilterExpression: 'p = :p' }), [blue]);
});

// Category 11: pagination.

test('LastEvaluatedKey holds every index key attribute and the base key; pages cover all items; an incomplete ExclusiveStartKey is refused', async () => {
  const { h1, h2, items } = await fill2h2r(Array.from({ length: 10 }, (_, i) => `r2_${String(i).padStart(3, '0')}`));
  const first = await env.client.send(
    new QueryCommand({ TableName: 't2h2r', IndexName: 'idx_2h2r', KeyConditionExpression: 'h1 = :h1 AND h2 = :h2', ExpressionAttributeValues: { ':h1': S(h1), ':h2': S(h2) }, Limit: 2 }),
  );
  assert.deepEqual(Object.keys(first.LastEvaluatedKey!).sort(), ['h1', 'h2', 'p', 'r1', 'r2']);
  assert.deepEqual(first.LastEvaluatedKey, { p: items[1]!.p, h1: S(h1), h2: S(h2), r1: S('same'), r2: items[1]!.r2 });
  assert.deepEqual(await q2('h1 = :h1 AND h2 = :h2', { ':h1': S(h1), ':h2': S(h2) }, { Limit: 3 }), items);
  const e = await error(() =>
    env.client.send(
      new QueryCommand({
        TableName: 't2h2r',
        IndexName: 'idx_2h2r',
        KeyConditionExpression: 'h1 = :h1 AND h2 = :h2',
        ExpressionAttributeValues: { ':h1': S('v'), ':h2': S('v') },
        ExclusiveStartKey: { p: S('x'), h1: S('x'), r1: S('x'), r2: S('x') },
      }),
    ),
  );
  assert.equal(e.name, 'ValidationException');
  assert.equal(e.message, 'The provided starting key is invalid: The provided key element does not match the schema');
  // Scan of the index, one item a page.
  const seen: Item[] = [];
  let start: Item | undefined;
  do {
    const r = await env.client.send(new ScanCommand({ TableName: 't2h2r', IndexName: 'idx_2h2r', Limit: 1, ExclusiveStartKey: start }));
    seen.push(...r.Items!);
    start = r.LastEvaluatedKey;
  } while (start);
  for (const it of items) assert.ok(seen.some((s) => s.p!.S === it.p!.S));
});

// Categories 12-14: legacy KeyConditions, coexistence, consistent reads.

test('legacy KeyConditions are refused on a multi-attribute index and still work on a single-attribute one', async () => {
  const e = await error(() =>
    env.client.send(
      new QueryCommand({
        TableName: 't2h2r',
        IndexName: 'idx_2h2r',
        KeyConditions: { h1: { AttributeValueList: [S('v')], ComparisonOperator: 'EQ' }, h2: { AttributeValueList: [S('v')], ComparisonOperator: 'EQ' } },
      }),
    ),
  );
  assert.equal(e.name, 'ValidationException');
  await env.client.send(
    new CreateTableCommand({
      TableName: 'cboth',
      BillingMode: 'PAY_PER_REQUEST',
      KeySchema: [{ AttributeName: 'p', KeyType: 'HASH' }],
      AttributeDefinitions: ['p', 'a', 'b', 'x'].map((n) => ({ AttributeName: n, AttributeType: 'S' })),
      GlobalSecondaryIndexes: [
        { IndexName: 'composite_gsi', KeySchema: [{ AttributeName: 'a', KeyType: 'HASH' }, { AttributeName: 'b', KeyType: 'HASH' }], Projection: { ProjectionType: 'ALL' } },
        { IndexName: 'simple_gsi', KeySchema: [{ AttributeName: 'x', KeyType: 'HASH' }], Projection: { ProjectionType: 'ALL' } },
      ],
    }),
  );
  const item = await put('cboth', { p: S('1'), a: S('A'), b: S('B'), x: S('X') });
  assert.deepEqual(await queryAll({ TableName: 'cboth', IndexName: 'composite_gsi', KeyConditionExpression: 'a = :a AND b = :b', ExpressionAttributeValues: { ':a': S('A'), ':b': S('B') } }), [item]);
  assert.deepEqual(await queryAll({ TableName: 'cboth', IndexName: 'simple_gsi', KeyConditions: { x: { AttributeValueList: [S('X')], ComparisonOperator: 'EQ' } } }), [item]);
  const d = (await env.client.send(new DescribeTableCommand({ TableName: 'cboth' }))).Table!;
  assert.deepEqual(Object.fromEntries(d.GlobalSecondaryIndexes!.map((g) => [g.IndexName, g.KeySchema!.map((k) => k.AttributeName)])), { composite_gsi: ['a', 'b'], simple_gsi: ['x'] });
  await env.client.send(new DeleteTableCommand({ TableName: 'cboth' }));
});

test('ConsistentRead on a multi-attribute GSI is refused as on any GSI', async () => {
  const e = await error(() => q2('h1 = :h1 AND h2 = :h2', { ':h1': S('v'), ':h2': S('v') }, { ConsistentRead: true }));
  assert.equal(e.name, 'ValidationException');
  assert.equal(e.message, 'Consistent reads are not supported on global secondary indexes');
});

test('a PartiQL SELECT on the index with equality on every partition attribute reads that partition in sort order', async () => {
  const { h1, h2 } = await fill2h2r(['b', 'a', 'c']);
  const r = await env.client.send(
    new ExecuteStatementCommand({ Statement: 'SELECT r2 FROM "t2h2r"."idx_2h2r" WHERE h1 = ? AND h2 = ? AND r1 = ?', Parameters: [S(h1), S(h2), S('same')] }),
  );
  assert.deepEqual(r.Items, [{ r2: S('a') }, { r2: S('b') }, { r2: S('c') }]);
});
