/**
 * Global tables, version 2019.11.21, between regions of one Stratus: UpdateTable ReplicaUpdates,
 * DescribeTable Replicas, replication both ways (last writer wins), each replica's stream,
 * DescribeTableReplicaAutoScaling, and the checks AWS makes (billing mode, MultiRegionConsistency).
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  CreateTableCommand,
  DeleteItemCommand,
  DeleteTableCommand,
  DescribeTableCommand,
  DescribeTableReplicaAutoScalingCommand,
  DescribeTimeToLiveCommand,
  DynamoDBClient,
  GetItemCommand,
  PutItemCommand,
  QueryCommand,
  UpdateItemCommand,
  UpdateTableCommand,
  UpdateTimeToLiveCommand,
  type AttributeValue,
} from '@aws-sdk/client-dynamodb';
import { DynamoDBStreamsClient, DescribeStreamCommand, GetRecordsCommand, GetShardIteratorCommand } from '@aws-sdk/client-dynamodb-streams';
import { clientConfig } from '../helpers/server.js';
import { enqueue } from '../../src/jobs/queue.js';
import { REPLICATE_JOB } from '../../src/services/dynamodb/global-tables.js';
import { setup, error, type Env } from './helpers.js';

let env: Env;
let us: DynamoDBClient;
let eu: DynamoDBClient;
let ap: DynamoDBClient;

before(async () => {
  env = await setup();
  us = env.client;
  eu = new DynamoDBClient(clientConfig(env.server.endpoint, 'eu-west-1'));
  ap = new DynamoDBClient(clientConfig(env.server.endpoint, 'ap-southeast-2'));
});
after(async () => {
  eu.destroy();
  ap.destroy();
  await env.stop();
});

/** Polls `read` until `done` holds of what it returns (replication is asynchronous); fails after 500 tries. */
async function until<T>(read: () => Promise<T>, done: (v: T) => boolean): Promise<T> {
  for (let i = 0; i < 500; i++) {
    const v = await read();
    if (done(v)) return v;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error('replication did not happen');
}

const get = (c: DynamoDBClient, table: string, pk: string) => async (): Promise<Record<string, AttributeValue> | undefined> =>
  (await c.send(new GetItemCommand({ TableName: table, Key: { pk: { S: pk } } }))).Item;

async function globalTable(name: string, extra: object = {}): Promise<void> {
  await us.send(
    new CreateTableCommand({
      TableName: name,
      BillingMode: 'PAY_PER_REQUEST',
      KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }],
      AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }, { AttributeName: 'g', AttributeType: 'S' }],
      GlobalSecondaryIndexes: [{ IndexName: 'byG', KeySchema: [{ AttributeName: 'g', KeyType: 'HASH' }], Projection: { ProjectionType: 'ALL' } }],
      ...extra,
    }),
  );
}

test('ReplicaUpdates Create makes the table in eu-west-1 with existing items; writes replicate both ways, with indexes', async () => {
  await globalTable('gt1');
  await us.send(new PutItemCommand({ TableName: 'gt1', Item: { pk: { S: 'before' }, g: { S: 'x' } } }));
  const out = await us.send(new UpdateTableCommand({ TableName: 'gt1', ReplicaUpdates: [{ Create: { RegionName: 'eu-west-1' } }] }));
  assert.deepEqual(out.TableDescription!.Replicas, [{ RegionName: 'eu-west-1', ReplicaStatus: 'ACTIVE' }]);
  assert.equal(out.TableDescription!.GlobalTableVersion, '2019.11.21');
  assert.deepEqual(out.TableDescription!.StreamSpecification, { StreamEnabled: true, StreamViewType: 'NEW_AND_OLD_IMAGES' });

  const euDesc = (await eu.send(new DescribeTableCommand({ TableName: 'gt1' }))).Table!;
  assert.equal(euDesc.TableArn, 'arn:aws:dynamodb:eu-west-1:000000000000:table/gt1');
  assert.deepEqual(euDesc.Replicas, [{ RegionName: 'us-east-1', ReplicaStatus: 'ACTIVE' }]);
  assert.deepEqual(euDesc.KeySchema, [{ AttributeName: 'pk', KeyType: 'HASH' }]);
  assert.equal(euDesc.GlobalSecondaryIndexes![0]!.IndexName, 'byG');
  assert.deepEqual(await get(eu, 'gt1', 'before')(), { pk: { S: 'before' }, g: { S: 'x' } });

  await us.send(new PutItemCommand({ TableName: 'gt1', Item: { pk: { S: 'a' }, g: { S: 'x' }, v: { N: '1' } } }));
  assert.deepEqual(await until(get(eu, 'gt1', 'a'), (i) => i !== undefined), { pk: { S: 'a' }, g: { S: 'x' }, v: { N: '1' } });
  const q = await eu.send(new QueryCommand({ TableName: 'gt1', IndexName: 'byG', KeyConditionExpression: 'g = :g', ExpressionAttributeValues: { ':g': { S: 'x' } } }));
  assert.deepEqual(q.Items!.map((i) => i.pk!.S).sort(), ['a', 'before']);

  // And back: an update in eu-west-1 reaches us-east-1, and so does a delete.
  await eu.send(new UpdateItemCommand({ TableName: 'gt1', Key: { pk: { S: 'a' } }, UpdateExpression: 'SET v = :v', ExpressionAttributeValues: { ':v': { N: '2' } } }));
  assert.equal((await until(get(us, 'gt1', 'a'), (i) => i?.v?.N === '2'))!.v!.N, '2');
  await eu.send(new DeleteItemCommand({ TableName: 'gt1', Key: { pk: { S: 'before' } } }));
  assert.equal(await until(get(us, 'gt1', 'before'), (i) => i === undefined), undefined);
  // The replicated write is not sent back: eu-west-1 still has v = 2 once us-east-1 has applied it.
  assert.equal((await get(eu, 'gt1', 'a')())!.v!.N, '2');

  // An index made in one replica is made in every one, backfilled there.
  await eu.send(
    new UpdateTableCommand({
      TableName: 'gt1',
      AttributeDefinitions: [{ AttributeName: 'v', AttributeType: 'N' }],
      GlobalSecondaryIndexUpdates: [{ Create: { IndexName: 'byV', KeySchema: [{ AttributeName: 'v', KeyType: 'HASH' }], Projection: { ProjectionType: 'KEYS_ONLY' } } }],
    }),
  );
  // So is a TTL setting.
  await us.send(new UpdateTimeToLiveCommand({ TableName: 'gt1', TimeToLiveSpecification: { Enabled: true, AttributeName: 'exp' } }));
  assert.deepEqual((await eu.send(new DescribeTimeToLiveCommand({ TableName: 'gt1' }))).TimeToLiveDescription, { TimeToLiveStatus: 'ENABLED', AttributeName: 'exp' });
  for (const c of [us, eu]) {
    const byV = await c.send(new QueryCommand({ TableName: 'gt1', IndexName: 'byV', KeyConditionExpression: 'v = :v', ExpressionAttributeValues: { ':v': { N: '2' } } }));
    assert.deepEqual(byV.Items, [{ pk: { S: 'a' }, v: { N: '2' } }]);
  }
});

test("each replica's stream shows the writes replicated to it", async () => {
  await globalTable('gt2');
  await us.send(new UpdateTableCommand({ TableName: 'gt2', ReplicaUpdates: [{ Create: { RegionName: 'eu-west-1' } }] }));
  await us.send(new PutItemCommand({ TableName: 'gt2', Item: { pk: { S: 'k' }, n: { N: '1' } } }));
  await until(get(eu, 'gt2', 'k'), (i) => i !== undefined);
  const streams = new DynamoDBStreamsClient(clientConfig(env.server.endpoint, 'eu-west-1'));
  try {
    const arn = (await eu.send(new DescribeTableCommand({ TableName: 'gt2' }))).Table!.LatestStreamArn!;
    assert.match(arn, /^arn:aws:dynamodb:eu-west-1:000000000000:table\/gt2\/stream\//);
    const shard = (await streams.send(new DescribeStreamCommand({ StreamArn: arn }))).StreamDescription!.Shards![0]!;
    const it = (await streams.send(new GetShardIteratorCommand({ StreamArn: arn, ShardId: shard.ShardId!, ShardIteratorType: 'TRIM_HORIZON' }))).ShardIterator!;
    const records = (await streams.send(new GetRecordsCommand({ ShardIterator: it }))).Records!;
    assert.deepEqual(
      records.map((r) => [r.eventName, r.awsRegion, r.dynamodb!.NewImage]),
      [['INSERT', 'eu-west-1', { pk: { S: 'k' }, n: { N: '1' } }]],
    );
  } finally {
    streams.destroy();
  }
});

test('concurrent writes converge on the last writer: a change that arrives late, older than the item, is not applied', async () => {
  await globalTable('gt3');
  await us.send(new UpdateTableCommand({ TableName: 'gt3', ReplicaUpdates: [{ Create: { RegionName: 'eu-west-1' } }] }));
  // Writes to one item in both regions, interleaved: both replicas end with the same one.
  for (let i = 0; i < 5; i++) {
    await us.send(new PutItemCommand({ TableName: 'gt3', Item: { pk: { S: 'c' }, by: { S: `us${i}` } } }));
    await eu.send(new PutItemCommand({ TableName: 'gt3', Item: { pk: { S: 'c' }, by: { S: `eu${i}` } } }));
  }
  // A sentinel written after them in each region: once each has crossed, so has every change before it (one queue, oldest first).
  await us.send(new PutItemCommand({ TableName: 'gt3', Item: { pk: { S: 'sentinel-us' } } }));
  await eu.send(new PutItemCommand({ TableName: 'gt3', Item: { pk: { S: 'sentinel-eu' } } }));
  await until(get(eu, 'gt3', 'sentinel-us'), (i) => i !== undefined);
  await until(get(us, 'gt3', 'sentinel-eu'), (i) => i !== undefined);
  const [a, b] = [await get(us, 'gt3', 'c')(), await get(eu, 'gt3', 'c')()];
  assert.deepEqual(a, b);
  assert.ok(['us4', 'eu4'].includes(a!.by!.S!));

  // A put and a delete made in eu-west-1 before the item's last write, delivered to us-east-1 only now (as after a partition).
  const now = env.server.clock.now();
  await env.server.db.tx(async (tx) => {
    for (const item of [{ pk: { S: 'c' }, by: { S: 'stale' } }, null]) {
      await enqueue(tx, { kind: REPLICATE_JOB, account: '000000000000', region: 'us-east-1', dueAt: now - 1, payload: { name: 'gt3', key: { pk: { S: 'c' } }, item, at: now - 60_000, from: 'eu-west-1' } }, now);
    }
  });
  env.server.clock.advance(1000);
  await eu.send(new PutItemCommand({ TableName: 'gt3', Item: { pk: { S: 'sentinel-2' } } }));
  await until(get(us, 'gt3', 'sentinel-2'), (i) => i !== undefined);
  assert.deepEqual(await get(us, 'gt3', 'c')(), a);
  // A later write wins wherever it was made.
  await eu.send(new PutItemCommand({ TableName: 'gt3', Item: { pk: { S: 'c' }, by: { S: 'latest' } } }));
  assert.equal((await until(get(us, 'gt3', 'c'), (i) => i?.by?.S === 'latest'))!.by!.S, 'latest');
});

test('a third replica joins; ReplicaUpdates Delete and DeleteTable remove replicas from every description', async () => {
  await globalTable('gt4');
  await us.send(new UpdateTableCommand({ TableName: 'gt4', ReplicaUpdates: [{ Create: { RegionName: 'eu-west-1' } }] }));
  await us.send(new UpdateTableCommand({ TableName: 'gt4', ReplicaUpdates: [{ Create: { RegionName: 'ap-southeast-2' } }] }));
  const regions = async (c: DynamoDBClient) => ((await c.send(new DescribeTableCommand({ TableName: 'gt4' }))).Table!.Replicas ?? []).map((r) => r.RegionName).sort();
  assert.deepEqual(await regions(us), ['ap-southeast-2', 'eu-west-1']);
  assert.deepEqual(await regions(eu), ['ap-southeast-2', 'us-east-1']);
  assert.deepEqual(await regions(ap), ['eu-west-1', 'us-east-1']);
  await ap.send(new PutItemCommand({ TableName: 'gt4', Item: { pk: { S: 'from-ap' } } }));
  await until(get(us, 'gt4', 'from-ap'), (i) => i !== undefined);
  await until(get(eu, 'gt4', 'from-ap'), (i) => i !== undefined);

  const auto = (await eu.send(new DescribeTableReplicaAutoScalingCommand({ TableName: 'gt4' }))).TableAutoScalingDescription!;
  assert.equal(auto.TableStatus, 'ACTIVE');
  assert.deepEqual(auto.Replicas!.map((r) => [r.RegionName, r.ReplicaStatus, r.GlobalSecondaryIndexes!.map((g) => g.IndexName)]).sort(), [
    ['ap-southeast-2', 'ACTIVE', ['byG']],
    ['eu-west-1', 'ACTIVE', ['byG']],
    ['us-east-1', 'ACTIVE', ['byG']],
  ]);

  await us.send(new UpdateTableCommand({ TableName: 'gt4', ReplicaUpdates: [{ Delete: { RegionName: 'ap-southeast-2' } }] }));
  assert.equal((await error(() => ap.send(new DescribeTableCommand({ TableName: 'gt4' })))).name, 'ResourceNotFoundException');
  assert.deepEqual(await regions(us), ['eu-west-1']);
  assert.deepEqual(await regions(eu), ['us-east-1']);
  await eu.send(new DeleteTableCommand({ TableName: 'gt4' }));
  const d = (await us.send(new DescribeTableCommand({ TableName: 'gt4' }))).Table!;
  assert.equal(d.Replicas, undefined);
  // No longer replicated: a write stays in us-east-1.
  await us.send(new PutItemCommand({ TableName: 'gt4', Item: { pk: { S: 'alone' } } }));
  assert.equal((await error(() => eu.send(new GetItemCommand({ TableName: 'gt4', Key: { pk: { S: 'alone' } } })))).name, 'ResourceNotFoundException');
});

test('replicas AWS refuses: provisioned without auto scaling, the same region, one already there, a stream of another view type; MultiRegionConsistency', async () => {
  await us.send(
    new CreateTableCommand({
      TableName: 'gt5',
      KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }],
      AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }],
      ProvisionedThroughput: { ReadCapacityUnits: 5, WriteCapacityUnits: 5 },
    }),
  );
  let e = await error(() => us.send(new UpdateTableCommand({ TableName: 'gt5', ReplicaUpdates: [{ Create: { RegionName: 'eu-west-1' } }] })));
  assert.equal(e.name, 'ValidationException');
  assert.equal(e.message, 'Table write capacity should either be Pay-Per-Request or AutoScaled.');
  await globalTable('gt6', { StreamSpecification: { StreamEnabled: true, StreamViewType: 'KEYS_ONLY' } });
  e = await error(() => us.send(new UpdateTableCommand({ TableName: 'gt6', ReplicaUpdates: [{ Create: { RegionName: 'eu-west-1' } }] })));
  assert.equal(e.name, 'ValidationException');
  await globalTable('gt7');
  e = await error(() => us.send(new UpdateTableCommand({ TableName: 'gt7', ReplicaUpdates: [{ Create: { RegionName: 'us-east-1' } }] })));
  assert.equal(e.name, 'ValidationException');
  await us.send(new UpdateTableCommand({ TableName: 'gt7', ReplicaUpdates: [{ Create: { RegionName: 'eu-west-1' } }] }));
  e = await error(() => us.send(new UpdateTableCommand({ TableName: 'gt7', ReplicaUpdates: [{ Create: { RegionName: 'eu-west-1' } }] })));
  assert.equal(e.name, 'ValidationException');
  e = await error(() => us.send(new UpdateTableCommand({ TableName: 'gt7', ReplicaUpdates: [{ Delete: { RegionName: 'ap-southeast-2' } }] })));
  assert.equal(e.name, 'ValidationException');
  e = await error(() => us.send(new UpdateTableCommand({ TableName: 'gt7', MultiRegionConsistency: 'STRONG' })));
  assert.equal(e.name, 'ValidationException');
  const strong = async (table: string, regions: string[]) =>
    error(() => us.send(new UpdateTableCommand({ TableName: table, MultiRegionConsistency: 'STRONG', ReplicaUpdates: regions.map((RegionName) => ({ Create: { RegionName } })) })));
  // gt7 already has eu-west-1: us-east-1, eu-west-1 and us-east-2 are three Regions but not one Region set.
  assert.match((await strong('gt7', ['us-east-2'])).message, /all Regions in one Region set/);
  assert.match((await strong('gt7', ['us-east-2', 'us-west-2'])).message, /exactly three Regions/);
  await globalTable('gt8');
  // Within the rules, STRONG is refused as not supported (no fake success).
  assert.match((await strong('gt8', ['us-east-2', 'us-west-2'])).message, /does not support multi-Region strong consistency/);
  // Nothing of a refused request was made.
  assert.equal((await error(() => new DynamoDBClient(clientConfig(env.server.endpoint, 'us-east-2')).send(new DescribeTableCommand({ TableName: 'gt7' })))).name, 'ResourceNotFoundException');
});
