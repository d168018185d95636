import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { DescribeTimeToLiveCommand, GetItemCommand, PutItemCommand, UpdateTimeToLiveCommand, ScanCommand } from '@aws-sdk/client-dynamodb';
import { setup, error, raw, hashTable, type Env } from './helpers.js';

let env: Env;
before(async () => {
  env = await setup();
});
after(() => env.stop());

/** Waits (bounded) until `check` holds, nudging the platform clock so the sweeper runs. */
async function eventually(check: () => Promise<boolean>): Promise<void> {
  for (let i = 0; i < 100; i++) {
    if (await check()) return;
    env.server.clock.advance(1000);
    await new Promise((r) => setTimeout(r, 20));
  }
  assert.fail('condition not reached');
}

test('UpdateTimeToLive/DescribeTimeToLive and the expiry sweeper (with stream records)', async () => {
  const created = await env.client.send(hashTable('ttl-a', { StreamSpecification: { StreamEnabled: true, StreamViewType: 'OLD_IMAGE' } }));
  const nowS = Math.floor(env.server.clock.now() / 1000);
  await env.client.send(new PutItemCommand({ TableName: 'ttl-a', Item: { pk: { S: 'old' }, exp: { N: String(nowS - 10) } } }));
  await env.client.send(new PutItemCommand({ TableName: 'ttl-a', Item: { pk: { S: 'later' }, exp: { N: String(nowS + 3600) } } }));
  await env.client.send(new PutItemCommand({ TableName: 'ttl-a', Item: { pk: { S: 'never' }, exp: { S: 'not a number' } } }));
  assert.deepEqual((await env.client.send(new DescribeTimeToLiveCommand({ TableName: 'ttl-a' }))).TimeToLiveDescription, { TimeToLiveStatus: 'DISABLED' });
  const upd = await env.client.send(new UpdateTimeToLiveCommand({ TableName: 'ttl-a', TimeToLiveSpecification: { Enabled: true, AttributeName: 'exp' } }));
  assert.deepEqual(upd.TimeToLiveSpecification, { Enabled: true, AttributeName: 'exp' });
  assert.deepEqual((await env.client.send(new DescribeTimeToLiveCommand({ TableName: 'ttl-a' }))).TimeToLiveDescription, { TimeToLiveStatus: 'ENABLED', AttributeName: 'exp' });
  let e = await error(() => env.client.send(new UpdateTimeToLiveCommand({ TableName: 'ttl-a', TimeToLiveSpecification: { Enabled: true, AttributeName: 'exp' } })));
  assert.equal(e.message, 'TimeToLive is already enabled');

  const exists = async (pk: string) => !!(await env.client.send(new GetItemCommand({ TableName: 'ttl-a', Key: { pk: { S: pk } } }))).Item;
  await eventually(async () => !(await exists('old')));
  assert.equal(await exists('later'), true);
  env.server.clock.advance(2 * 3600 * 1000);
  await eventually(async () => !(await exists('later')));
  const left = await env.client.send(new ScanCommand({ TableName: 'ttl-a' }));
  assert.deepEqual(left.Items!.map((i) => i.pk!.S), ['never']);

  const arn = created.TableDescription!.LatestStreamArn!;
  const call = async (op: string, body: unknown) => (await raw(env.server.endpoint, `DynamoDBStreams_20120810.${op}`, JSON.stringify(body))).body;
  const shard = (await call('DescribeStream', { StreamArn: arn })).StreamDescription.Shards[0].ShardId;
  const it = await call('GetShardIterator', { StreamArn: arn, ShardId: shard, ShardIteratorType: 'TRIM_HORIZON' });
  const records = (await call('GetRecords', { ShardIterator: it.ShardIterator })).Records.filter((r: any) => r.eventName === 'REMOVE');
  assert.equal(records.length, 2);
  assert.deepEqual(records[0].userIdentity, { PrincipalId: 'dynamodb.amazonaws.com', Type: 'Service' });

  e = await error(() => env.client.send(new UpdateTimeToLiveCommand({ TableName: 'ttl-a', TimeToLiveSpecification: { Enabled: false, AttributeName: 'other' } })));
  assert.equal(e.message, 'TimeToLive is active on a different AttributeName: current AttributeName is exp');
  await env.client.send(new UpdateTimeToLiveCommand({ TableName: 'ttl-a', TimeToLiveSpecification: { Enabled: false, AttributeName: 'exp' } }));
  await env.client.send(new PutItemCommand({ TableName: 'ttl-a', Item: { pk: { S: 'kept' }, exp: { N: String(nowS - 10) } } }));
  env.server.clock.advance(5000);
  await new Promise((r) => setTimeout(r, 50));
  assert.equal(await exists('kept'), true);
});
