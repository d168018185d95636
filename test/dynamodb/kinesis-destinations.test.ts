import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import {
  DeleteItemCommand,
  DescribeKinesisStreamingDestinationCommand,
  DescribeTableCommand,
  DisableKinesisStreamingDestinationCommand,
  DynamoDBClient,
  EnableKinesisStreamingDestinationCommand,
  PutItemCommand,
  UpdateItemCommand,
  UpdateKinesisStreamingDestinationCommand,
} from '@aws-sdk/client-dynamodb';
import { CreateStreamCommand, GetRecordsCommand, GetShardIteratorCommand, ListShardsCommand, type KinesisClient } from '@aws-sdk/client-kinesis';
import { definition as dynamodbService } from '../../src/services/dynamodb/index.js';
import { definition as kinesisService } from '../../src/services/kinesis/index.js';
import { clientConfig, spawnServer, startServer, type TestServer } from '../helpers/server.js';
import { failure, kinesisClient } from '../services/kinesis/helpers.js';
import { hashTable } from './helpers.js';

const STREAM = (name: string): string => `arn:aws:kinesis:us-east-1:000000000000:stream/${name}`;

describe('DynamoDB: Kinesis Data Streams destinations', () => {
  let server: TestServer;
  let ddb: DynamoDBClient;
  let kinesis: KinesisClient;
  before(async () => {
    server = await startServer({ services: [dynamodbService, kinesisService] });
    ddb = new DynamoDBClient(clientConfig(server.endpoint));
    kinesis = kinesisClient(server.endpoint);
  });
  after(async () => {
    ddb.destroy();
    kinesis.destroy();
    await server.stop();
  });

  const describeDestinations = async (table: string) => (await ddb.send(new DescribeKinesisStreamingDestinationCommand({ TableName: table }))).KinesisDataStreamDestinations!;

  /** Every record on the stream's shards, parsed, once there are at least `count`. */
  async function records(stream: string, count: number): Promise<{ partitionKey: string; data: any }[]> {
    let out: { partitionKey: string; data: any }[] = [];
    for (let i = 0; i < 200; i++) {
      out = [];
      for (const shard of (await kinesis.send(new ListShardsCommand({ StreamName: stream }))).Shards!) {
        const it = (await kinesis.send(new GetShardIteratorCommand({ StreamName: stream, ShardId: shard.ShardId!, ShardIteratorType: 'TRIM_HORIZON' }))).ShardIterator;
        const got = await kinesis.send(new GetRecordsCommand({ ShardIterator: it! }));
        for (const r of got.Records!) out.push({ partitionKey: r.PartitionKey!, data: JSON.parse(Buffer.from(r.Data!).toString()) });
      }
      if (out.length >= count) return out.sort((a, b) => a.data.dynamodb.ApproximateCreationDateTime - b.data.dynamodb.ApproximateCreationDateTime);
      await sleep(25);
    }
    throw new Error(`${out.length} of ${count} records on ${stream}`);
  }

  it('enables a destination (ENABLING then ACTIVE) and writes each item change to the stream in the documented format', async () => {
    await kinesis.send(new CreateStreamCommand({ StreamName: 'orders-cdc', ShardCount: 2 }));
    await ddb.send(hashTable('orders'));
    assert.deepEqual(await describeDestinations('orders'), []);
    const enabled = await ddb.send(new EnableKinesisStreamingDestinationCommand({ TableName: 'orders', StreamArn: STREAM('orders-cdc') }));
    assert.deepEqual(
      { ...enabled, $metadata: undefined },
      { $metadata: undefined, TableName: 'orders', StreamArn: STREAM('orders-cdc'), DestinationStatus: 'ENABLING', EnableKinesisStreamingConfiguration: {} },
    );
    assert.deepEqual(await describeDestinations('orders'), [{ StreamArn: STREAM('orders-cdc'), DestinationStatus: 'ENABLING' }]);
    server.clock.advance(2000);
    assert.deepEqual(await describeDestinations('orders'), [{ StreamArn: STREAM('orders-cdc'), DestinationStatus: 'ACTIVE' }]);
    // DescribeTable says nothing of it, as in AWS.
    assert.equal(JSON.stringify((await ddb.send(new DescribeTableCommand({ TableName: 'orders' }))).Table).includes('Kinesis'), false);

    const before = server.clock.now();
    await ddb.send(new PutItemCommand({ TableName: 'orders', Item: { pk: { S: 'o1' }, amount: { N: '5' } } }));
    server.clock.advance(5);
    await ddb.send(new UpdateItemCommand({ TableName: 'orders', Key: { pk: { S: 'o1' } }, UpdateExpression: 'SET amount = :t', ExpressionAttributeValues: { ':t': { N: '7' } } }));
    // A write that changes nothing is not streamed.
    await ddb.send(new UpdateItemCommand({ TableName: 'orders', Key: { pk: { S: 'o1' } }, UpdateExpression: 'SET amount = :t', ExpressionAttributeValues: { ':t': { N: '7' } } }));
    server.clock.advance(5);
    await ddb.send(new DeleteItemCommand({ TableName: 'orders', Key: { pk: { S: 'o1' } } }));
    const got = await records('orders-cdc', 3);
    assert.equal(got.length, 3);
    assert.deepEqual(got.map((r) => r.data.eventName), ['INSERT', 'MODIFY', 'REMOVE']);
    const insert = got[0]!.data;
    assert.deepEqual(Object.keys(insert), ['awsRegion', 'eventID', 'eventName', 'userIdentity', 'recordFormat', 'tableName', 'dynamodb', 'eventSource']);
    assert.equal(insert.awsRegion, 'us-east-1');
    assert.match(insert.eventID, /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    assert.equal(insert.userIdentity, null);
    assert.equal(insert.recordFormat, 'application/json');
    assert.equal(insert.tableName, 'orders');
    assert.equal(insert.eventSource, 'aws:dynamodb');
    assert.deepEqual(Object.keys(insert.dynamodb), ['ApproximateCreationDateTime', 'Keys', 'NewImage', 'SizeBytes', 'ApproximateCreationDateTimePrecision']);
    assert.deepEqual(insert.dynamodb.Keys, { pk: { S: 'o1' } });
    assert.deepEqual(insert.dynamodb.NewImage, { pk: { S: 'o1' }, amount: { N: '5' } });
    assert.equal(insert.dynamodb.ApproximateCreationDateTimePrecision, 'MILLISECOND');
    // Milliseconds of the platform clock.
    assert.ok(insert.dynamodb.ApproximateCreationDateTime >= before && insert.dynamodb.ApproximateCreationDateTime < before + 60_000);
    assert.equal(typeof insert.dynamodb.SizeBytes, 'number');
    const modify = got[1]!.data.dynamodb;
    assert.deepEqual(modify.OldImage, { pk: { S: 'o1' }, amount: { N: '5' } });
    assert.deepEqual(modify.NewImage, { pk: { S: 'o1' }, amount: { N: '7' } });
    const remove = got[2]!.data.dynamodb;
    assert.deepEqual(Object.keys(remove), ['ApproximateCreationDateTime', 'Keys', 'OldImage', 'SizeBytes', 'ApproximateCreationDateTimePrecision']);
    // One partition key per item: the MD5 of its partition key, upper-case hex.
    const key = createHash('md5').update(JSON.stringify({ S: 'o1' })).digest('hex').toUpperCase();
    assert.deepEqual(new Set(got.map((r) => r.partitionKey)), new Set([key]));
  });

  it('updates the precision (UPDATING, then ACTIVE), disables (DISABLING, then DISABLED) and stops streaming', async () => {
    await kinesis.send(new CreateStreamCommand({ StreamName: 'prec-cdc', ShardCount: 1 }));
    await ddb.send(hashTable('prec'));
    await ddb.send(
      new EnableKinesisStreamingDestinationCommand({ TableName: 'prec', StreamArn: STREAM('prec-cdc'), EnableKinesisStreamingConfiguration: { ApproximateCreationDateTimePrecision: 'MICROSECOND' } }),
    );
    server.clock.advance(2000);
    assert.deepEqual(await describeDestinations('prec'), [{ StreamArn: STREAM('prec-cdc'), DestinationStatus: 'ACTIVE', ApproximateCreationDateTimePrecision: 'MICROSECOND' }]);
    const now = server.clock.now();
    await ddb.send(new PutItemCommand({ TableName: 'prec', Item: { pk: { S: 'a' } } }));
    const [micro] = await records('prec-cdc', 1);
    assert.equal(micro!.data.dynamodb.ApproximateCreationDateTimePrecision, 'MICROSECOND');
    assert.ok(micro!.data.dynamodb.ApproximateCreationDateTime >= now * 1000);

    const same = await failure(ddb.send(new UpdateKinesisStreamingDestinationCommand({ TableName: 'prec', StreamArn: STREAM('prec-cdc'), UpdateKinesisStreamingConfiguration: { ApproximateCreationDateTimePrecision: 'MICROSECOND' } })));
    assert.equal(same.name, 'ValidationException');
    assert.match(same.message, /^Invalid Request: Precision is already set to the desired value of MICROSECOND for tableId: [0-9a-f-]{36}, kdsArn: arn:aws:kinesis:/);
    const empty = await failure(ddb.send(new UpdateKinesisStreamingDestinationCommand({ TableName: 'prec', StreamArn: STREAM('prec-cdc'), UpdateKinesisStreamingConfiguration: {} })));
    assert.deepEqual(empty, {
      name: 'ValidationException',
      status: 400,
      message: 'Streaming destination cannot be updated with given parameters: UpdateKinesisStreamingConfiguration cannot be null or contain only null values',
    });
    const updated = await ddb.send(new UpdateKinesisStreamingDestinationCommand({ TableName: 'prec', StreamArn: STREAM('prec-cdc'), UpdateKinesisStreamingConfiguration: { ApproximateCreationDateTimePrecision: 'MILLISECOND' } }));
    assert.equal(updated.DestinationStatus, 'UPDATING');
    assert.deepEqual(updated.UpdateKinesisStreamingConfiguration, { ApproximateCreationDateTimePrecision: 'MILLISECOND' });
    assert.deepEqual(await describeDestinations('prec'), [{ StreamArn: STREAM('prec-cdc'), DestinationStatus: 'UPDATING', ApproximateCreationDateTimePrecision: 'MILLISECOND' }]);
    // Not ACTIVE: neither Update nor Disable is taken.
    const busy = await failure(ddb.send(new DisableKinesisStreamingDestinationCommand({ TableName: 'prec', StreamArn: STREAM('prec-cdc') })));
    assert.deepEqual(busy, { name: 'ValidationException', status: 400, message: 'Table is not in a valid state to enable Kinesis Streaming Destination: KinesisStreamingDestination must be ACTIVE to perform DISABLE operation.' });
    server.clock.advance(2000);

    const disabled = await ddb.send(new DisableKinesisStreamingDestinationCommand({ TableName: 'prec', StreamArn: STREAM('prec-cdc') }));
    assert.equal(disabled.DestinationStatus, 'DISABLING');
    assert.equal((await describeDestinations('prec'))[0]!.DestinationStatus, 'DISABLING');
    server.clock.advance(2000);
    assert.deepEqual(await describeDestinations('prec'), [{ StreamArn: STREAM('prec-cdc'), DestinationStatus: 'DISABLED' }]);
    await ddb.send(new PutItemCommand({ TableName: 'prec', Item: { pk: { S: 'b' } } }));
    await ddb.send(new PutItemCommand({ TableName: 'prec', Item: { pk: { S: 'c' } } }));
    await sleep(200);
    assert.equal((await records('prec-cdc', 1)).length, 1);
    const notActive = await failure(ddb.send(new UpdateKinesisStreamingDestinationCommand({ TableName: 'prec', StreamArn: STREAM('prec-cdc'), UpdateKinesisStreamingConfiguration: { ApproximateCreationDateTimePrecision: 'MICROSECOND' } })));
    assert.equal(notActive.name, 'ValidationException');
    assert.match(notActive.message, /^Table is not in a valid state to enable Kinesis Streaming Destination: Kinesis streaming is not in ACTIVE state\. Updates are only allowed in ACTIVE state\. TableName: prec/);
  });

  it("answers AWS's errors: one live destination per table, a stream that does not exist fails after ENABLING, a missing table", async () => {
    await kinesis.send(new CreateStreamCommand({ StreamName: 'one-cdc', ShardCount: 1 }));
    await kinesis.send(new CreateStreamCommand({ StreamName: 'two-cdc', ShardCount: 1 }));
    await ddb.send(hashTable('rules'));
    // A stream that does not exist is accepted, then fails; such entries linger, newest first.
    assert.equal((await ddb.send(new EnableKinesisStreamingDestinationCommand({ TableName: 'rules', StreamArn: STREAM('nope') }))).DestinationStatus, 'ENABLING');
    server.clock.advance(2000);
    assert.deepEqual(await describeDestinations('rules'), [
      { StreamArn: STREAM('nope'), DestinationStatus: 'ENABLE_FAILED', DestinationStatusDescription: 'User does not have a permission to use kinesis stream' },
    ]);
    await ddb.send(new EnableKinesisStreamingDestinationCommand({ TableName: 'rules', StreamArn: STREAM('one-cdc') }));
    const taken = 'Table is not in a valid state to enable Kinesis Streaming Destination: EnableKinesisStreamingDestination must be DISABLED or ENABLE_FAILED to perform ENABLE operation.';
    for (const arn of [STREAM('one-cdc'), STREAM('two-cdc')]) {
      assert.deepEqual(await failure(ddb.send(new EnableKinesisStreamingDestinationCommand({ TableName: 'rules', StreamArn: arn }))), { name: 'ValidationException', status: 400, message: taken });
    }
    server.clock.advance(2000);
    assert.deepEqual((await describeDestinations('rules')).map((d) => [d.StreamArn, d.DestinationStatus]), [
      [STREAM('one-cdc'), 'ACTIVE'],
      [STREAM('nope'), 'ENABLE_FAILED'],
    ]);
    const missing = await failure(ddb.send(new DescribeKinesisStreamingDestinationCommand({ TableName: 'no-such-table' })));
    assert.deepEqual(missing, { name: 'ResourceNotFoundException', status: 400, message: 'Requested resource not found: Table: no-such-table not found' });
    const short = await failure(ddb.send(new EnableKinesisStreamingDestinationCommand({ TableName: 'rules', StreamArn: 'arn:short' })));
    assert.equal(short.name, 'ValidationException');
    assert.match(short.message, /Value 'arn:short' at 'streamArn' failed to satisfy constraint: Member must have length greater than or equal to 37/);
  });
});

describe('DynamoDB: Kinesis destinations are durable', () => {
  it('every acknowledged change reaches the stream after kill -9 and restart', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'stratus-kds-'));
    try {
      let s = await spawnServer(['--data-dir', dir, '--services', 'dynamodb,kinesis']);
      let ddb = new DynamoDBClient(clientConfig(s.endpoint));
      let kinesis = kinesisClient(s.endpoint);
      await kinesis.send(new CreateStreamCommand({ StreamName: 'durable-cdc', ShardCount: 1 }));
      await ddb.send(hashTable('durable'));
      await ddb.send(new EnableKinesisStreamingDestinationCommand({ TableName: 'durable', StreamArn: STREAM('durable-cdc') }));
      // Acknowledged writes, then kill -9 at once: the forwarder may not have put them all yet.
      await Promise.all(Array.from({ length: 40 }, (_, i) => ddb.send(new PutItemCommand({ TableName: 'durable', Item: { pk: { S: `k${i}` } } }))));
      await s.kill('SIGKILL');
      ddb.destroy();
      kinesis.destroy();
      s = await spawnServer(['--data-dir', dir, '--services', 'dynamodb,kinesis']);
      ddb = new DynamoDBClient(clientConfig(s.endpoint));
      kinesis = kinesisClient(s.endpoint);
      try {
        const keys = new Set<string>();
        for (let i = 0; i < 400 && keys.size < 40; i++) {
          const shard = (await kinesis.send(new ListShardsCommand({ StreamName: 'durable-cdc' }))).Shards![0]!;
          const it = (await kinesis.send(new GetShardIteratorCommand({ StreamName: 'durable-cdc', ShardId: shard.ShardId!, ShardIteratorType: 'TRIM_HORIZON' }))).ShardIterator;
          for (const r of (await kinesis.send(new GetRecordsCommand({ ShardIterator: it! }))).Records!) keys.add(JSON.parse(Buffer.from(r.Data!).toString()).dynamodb.Keys.pk.S);
          if (keys.size < 40) await sleep(50);
        }
        assert.equal(keys.size, 40);
      } finally {
        ddb.destroy();
        kinesis.destroy();
        await s.stop();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
