import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { DeleteItemCommand, DescribeTableCommand, PutItemCommand, UpdateItemCommand, UpdateTableCommand } from '@aws-sdk/client-dynamodb';
import { setup, raw, hashTable, type Env } from './helpers.js';

let env: Env;
before(async () => {
  env = await setup();
});
after(() => env.stop());

const streams = async (op: string, body: unknown) => {
  const r = await raw(env.server.endpoint, `DynamoDBStreams_20120810.${op}`, JSON.stringify(body));
  return r;
};
const ok = async (op: string, body: unknown) => {
  const r = await streams(op, body);
  assert.equal(r.status, 200, JSON.stringify(r.body));
  return r.body;
};

test('table writes produce stream records: INSERT, MODIFY, REMOVE with images, in order', async () => {
  const created = await env.client.send(hashTable('st-a', { StreamSpecification: { StreamEnabled: true, StreamViewType: 'NEW_AND_OLD_IMAGES' } }));
  const arn = created.TableDescription!.LatestStreamArn!;
  assert.match(arn, /^arn:aws:dynamodb:us-east-1:000000000000:table\/st-a\/stream\/\d{4}-\d\d-\d\dT/);
  assert.deepEqual(created.TableDescription!.StreamSpecification, { StreamEnabled: true, StreamViewType: 'NEW_AND_OLD_IMAGES' });
  await env.client.send(new PutItemCommand({ TableName: 'st-a', Item: { pk: { S: 'k' }, v: { N: '1' } } }));
  await env.client.send(new PutItemCommand({ TableName: 'st-a', Item: { pk: { S: 'k' }, v: { N: '1' } } })); // no change: no record
  await env.client.send(new UpdateItemCommand({ TableName: 'st-a', Key: { pk: { S: 'k' } }, UpdateExpression: 'SET v = :two', ExpressionAttributeValues: { ':two': { N: '2' } } }));
  await env.client.send(new DeleteItemCommand({ TableName: 'st-a', Key: { pk: { S: 'k' } } }));
  await env.client.send(new DeleteItemCommand({ TableName: 'st-a', Key: { pk: { S: 'none' } } })); // nothing deleted: no record

  const list = await ok('ListStreams', { TableName: 'st-a' });
  assert.deepEqual(list.Streams.map((s: any) => s.StreamArn), [arn]);
  const desc = await ok('DescribeStream', { StreamArn: arn });
  assert.equal(desc.StreamDescription.StreamStatus, 'ENABLED');
  assert.equal(desc.StreamDescription.StreamViewType, 'NEW_AND_OLD_IMAGES');
  const shard = desc.StreamDescription.Shards[0].ShardId;
  const it = await ok('GetShardIterator', { StreamArn: arn, ShardId: shard, ShardIteratorType: 'TRIM_HORIZON' });
  const page = await ok('GetRecords', { ShardIterator: it.ShardIterator });
  assert.deepEqual(page.Records.map((r: any) => r.eventName), ['INSERT', 'MODIFY', 'REMOVE']);
  const [ins, mod, rem] = page.Records;
  assert.equal(ins.eventSource, 'aws:dynamodb');
  assert.deepEqual(ins.dynamodb.Keys, { pk: { S: 'k' } });
  assert.deepEqual(ins.dynamodb.NewImage, { pk: { S: 'k' }, v: { N: '1' } });
  assert.equal(ins.dynamodb.OldImage, undefined);
  assert.deepEqual(mod.dynamodb.OldImage.v, { N: '1' });
  assert.deepEqual(mod.dynamodb.NewImage.v, { N: '2' });
  assert.deepEqual(rem.dynamodb.OldImage.v, { N: '2' });
  assert.ok(BigInt(ins.dynamodb.SequenceNumber) < BigInt(mod.dynamodb.SequenceNumber));
  assert.equal(typeof ins.dynamodb.ApproximateCreationDateTime, 'number');

  // LATEST sees only what comes next; AFTER_SEQUENCE_NUMBER resumes.
  const latest = await ok('GetShardIterator', { StreamArn: arn, ShardId: shard, ShardIteratorType: 'LATEST' });
  assert.equal((await ok('GetRecords', { ShardIterator: latest.ShardIterator })).Records.length, 0);
  await env.client.send(new PutItemCommand({ TableName: 'st-a', Item: { pk: { S: 'j' } } }));
  const next = await ok('GetRecords', { ShardIterator: latest.ShardIterator });
  assert.equal(next.Records.length, 1);
  const after = await ok('GetShardIterator', { StreamArn: arn, ShardId: shard, ShardIteratorType: 'AFTER_SEQUENCE_NUMBER', SequenceNumber: mod.dynamodb.SequenceNumber });
  assert.deepEqual((await ok('GetRecords', { ShardIterator: after.ShardIterator })).Records.map((r: any) => r.eventName), ['REMOVE', 'INSERT']);

  // Iterators expire after 15 minutes of platform time.
  env.server.clock.advance(16 * 60 * 1000);
  const expired = await streams('GetRecords', { ShardIterator: latest.ShardIterator });
  assert.equal(expired.status, 400);
  assert.match(expired.body.__type, /ExpiredIteratorException$/);
});

test('view types, disabling a stream, errors', async () => {
  const created = await env.client.send(hashTable('st-b', { StreamSpecification: { StreamEnabled: true, StreamViewType: 'KEYS_ONLY' } }));
  const arn = created.TableDescription!.LatestStreamArn!;
  await env.client.send(new PutItemCommand({ TableName: 'st-b', Item: { pk: { S: 'a' }, big: { S: 'x' } } }));
  const shard = (await ok('DescribeStream', { StreamArn: arn })).StreamDescription.Shards[0].ShardId;
  const it = await ok('GetShardIterator', { StreamArn: arn, ShardId: shard, ShardIteratorType: 'TRIM_HORIZON' });
  const rec = (await ok('GetRecords', { ShardIterator: it.ShardIterator })).Records[0];
  assert.deepEqual(rec.dynamodb.Keys, { pk: { S: 'a' } });
  assert.equal(rec.dynamodb.NewImage, undefined);
  await env.client.send(new UpdateTableCommand({ TableName: 'st-b', StreamSpecification: { StreamEnabled: false } }));
  const d = await env.client.send(new DescribeTableCommand({ TableName: 'st-b' }));
  assert.deepEqual(d.Table!.StreamSpecification, { StreamEnabled: false });
  await env.client.send(new PutItemCommand({ TableName: 'st-b', Item: { pk: { S: 'b' } } }));
  const desc = await ok('DescribeStream', { StreamArn: arn });
  assert.equal(desc.StreamDescription.StreamStatus, 'DISABLED');
  assert.ok(desc.StreamDescription.Shards[0].SequenceNumberRange.EndingSequenceNumber);
  const all = await ok('GetRecords', { ShardIterator: it.ShardIterator });
  assert.equal(all.Records.length, 1, 'no record after the stream was disabled');
  assert.equal(all.NextShardIterator, undefined, 'the shard is closed');
  let r = await streams('DescribeStream', { StreamArn: 'arn:aws:dynamodb:us-east-1:000000000000:table/st-b/stream/2020-01-01T00:00:00.000' });
  assert.match(r.body.__type, /ResourceNotFoundException$/);
  r = await streams('GetRecords', { ShardIterator: 'garbage' });
  assert.equal(r.status, 400);
  r = await streams('GetShardIterator', { StreamArn: arn, ShardId: 'shardId-00000000000000000000-00000000', ShardIteratorType: 'LATEST' });
  assert.match(r.body.__type, /ResourceNotFoundException$/);
  const e = await env.client.send(new UpdateTableCommand({ TableName: 'st-b', StreamSpecification: { StreamEnabled: false } })).catch((x) => x);
  assert.equal(e.name, 'ValidationException');
});
