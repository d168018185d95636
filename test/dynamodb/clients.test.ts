import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { DynamoDBDocumentClient, PutCommand, GetCommand, QueryCommand, UpdateCommand, TransactWriteCommand, paginateQuery } from '@aws-sdk/lib-dynamodb';
import { setup, rangeTable, type Env } from './helpers.js';
import { awsCli, boto3 } from '../helpers/clients.js';

let env: Env;
before(async () => {
  env = await setup();
  await env.client.send(rangeTable('docs', 'N'));
});
after(() => env.stop());

test('DocumentClient (lib-dynamodb): native JS values, sets, pagination', async () => {
  const doc = DynamoDBDocumentClient.from(env.client, { marshallOptions: { removeUndefinedValues: true } });
  await doc.send(new PutCommand({ TableName: 'docs', Item: { pk: 'u1', sk: 1, name: 'Ada', tags: new Set(['a', 'b']), meta: { age: 36, langs: ['en', 'fr'] }, bin: new Uint8Array([1]) } }));
  const got = await doc.send(new GetCommand({ TableName: 'docs', Key: { pk: 'u1', sk: 1 } }));
  assert.equal(got.Item!.name, 'Ada');
  assert.deepEqual([...got.Item!.tags].sort(), ['a', 'b']);
  assert.deepEqual(got.Item!.meta, { age: 36, langs: ['en', 'fr'] });
  const upd = await doc.send(new UpdateCommand({ TableName: 'docs', Key: { pk: 'u1', sk: 1 }, UpdateExpression: 'SET meta.age = meta.age + :one', ExpressionAttributeValues: { ':one': 1 }, ReturnValues: 'UPDATED_NEW' }));
  assert.deepEqual(upd.Attributes, { meta: { age: 37 } });
  await doc.send(new TransactWriteCommand({ TransactItems: Array.from({ length: 10 }, (_, i) => ({ Put: { TableName: 'docs', Item: { pk: 'many', sk: i } } })) }));
  const seen: number[] = [];
  for await (const page of paginateQuery({ client: doc, pageSize: 3 }, { TableName: 'docs', KeyConditionExpression: 'pk = :p', ExpressionAttributeValues: { ':p': 'many' }, ScanIndexForward: false })) {
    seen.push(...page.Items!.map((i) => i.sk as number));
  }
  assert.deepEqual(seen, [9, 8, 7, 6, 5, 4, 3, 2, 1, 0]);
  const q = await doc.send(new QueryCommand({ TableName: 'docs', KeyConditionExpression: 'pk = :p AND sk BETWEEN :a AND :b', ExpressionAttributeValues: { ':p': 'many', ':a': 2, ':b': 4 } }));
  assert.equal(q.Count, 3);
});

test('AWS CLI v2 scenario', async () => {
  const ep = ['--endpoint-url', env.server.endpoint, '--region', 'us-east-1'];
  const created = JSON.parse(
    await awsCli([
      'dynamodb', 'create-table', ...ep, '--table-name', 'cli-t',
      '--attribute-definitions', 'AttributeName=id,AttributeType=S',
      '--key-schema', 'AttributeName=id,KeyType=HASH', '--billing-mode', 'PAY_PER_REQUEST',
    ]),
  );
  assert.equal(created.TableDescription.TableName, 'cli-t');
  await awsCli(['dynamodb', 'wait', 'table-exists', ...ep, '--table-name', 'cli-t']);
  await awsCli(['dynamodb', 'put-item', ...ep, '--table-name', 'cli-t', '--item', '{"id":{"S":"1"},"n":{"N":"10"}}']);
  const upd = JSON.parse(
    await awsCli([
      'dynamodb', 'update-item', ...ep, '--table-name', 'cli-t', '--key', '{"id":{"S":"1"}}',
      '--update-expression', 'ADD n :d', '--expression-attribute-values', '{":d":{"N":"5"}}', '--return-values', 'ALL_NEW',
    ]),
  );
  assert.equal(upd.Attributes.n.N, '15');
  const scan = JSON.parse(await awsCli(['dynamodb', 'scan', ...ep, '--table-name', 'cli-t']));
  assert.equal(scan.Count, 1);
  const failed = await awsCli(['dynamodb', 'put-item', ...ep, '--table-name', 'cli-t', '--item', '{"id":{"S":"1"}}', '--condition-expression', 'attribute_not_exists(id)']).then(
    () => '',
    (e: Error) => e.message,
  );
  assert.match(failed, /ConditionalCheckFailedException/);
  const list = JSON.parse(await awsCli(['dynamodb', 'list-tables', ...ep]));
  assert.ok(list.TableNames.includes('cli-t'));
  await awsCli(['dynamodb', 'delete-table', ...ep, '--table-name', 'cli-t']);
});

test('boto3 scenario (resource API with Decimal numbers)', async () => {
  const out = await boto3(
    `
import os, json, boto3
from decimal import Decimal
from boto3.dynamodb.conditions import Key, Attr
ddb = boto3.resource('dynamodb', endpoint_url=os.environ['ENDPOINT'], region_name='us-east-1')
t = ddb.create_table(TableName='py-t', KeySchema=[{'AttributeName':'pk','KeyType':'HASH'},{'AttributeName':'sk','KeyType':'RANGE'}],
  AttributeDefinitions=[{'AttributeName':'pk','AttributeType':'S'},{'AttributeName':'sk','AttributeType':'N'}], BillingMode='PAY_PER_REQUEST')
t.wait_until_exists()
with t.batch_writer() as b:
    for i in range(30):
        b.put_item(Item={'pk':'p','sk':i,'price':Decimal('0.1')*i,'even': i % 2 == 0})
r = t.query(KeyConditionExpression=Key('pk').eq('p') & Key('sk').gte(25), FilterExpression=Attr('even').eq(True))
u = t.update_item(Key={'pk':'p','sk':3}, UpdateExpression='SET price = price + :x', ExpressionAttributeValues={':x': Decimal('0.01')}, ReturnValues='UPDATED_NEW')
err = ''
try:
    t.put_item(Item={'pk':'p','sk':1}, ConditionExpression=Attr('pk').not_exists())
except ddb.meta.client.exceptions.ConditionalCheckFailedException as e:
    err = e.response['Error']['Code']
print(json.dumps({'count': r['Count'], 'sks': [int(i['sk']) for i in r['Items']], 'price': str(u['Attributes']['price']), 'err': err, 'scan': t.scan(Select='COUNT')['Count']}))
`,
    env.server.endpoint,
  );
  const r = JSON.parse(out.trim().split('\n').pop()!);
  assert.equal(r.count, 2);
  assert.deepEqual(r.sks, [26, 28]);
  assert.equal(r.price, '0.31');
  assert.equal(r.err, 'ConditionalCheckFailedException');
  assert.equal(r.scan, 30);
});
