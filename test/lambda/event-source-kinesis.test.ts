import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { CreateStreamCommand, PutRecordCommand, PutRecordsCommand, SplitShardCommand, type KinesisClient } from '@aws-sdk/client-kinesis';
import { CreateEventSourceMappingCommand, GetEventSourceMappingCommand, LambdaClient } from '@aws-sdk/client-lambda';
import { CreateQueueCommand, ReceiveMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { definition as kinesisService } from '../../src/services/kinesis/index.js';
import { clientConfig, startServer } from '../helpers/server.js';
import { kinesisClient } from '../services/kinesis/helpers.js';
import { ESM_SERVICES, logged, until, type EsmContext } from './esm-helpers.js';
import { awsError, createFunction, ROLE } from './helpers.js';

const ACCOUNT = '000000000000';
const arnOf = (stream: string): string => `arn:aws:kinesis:us-east-1:${ACCOUNT}:stream/${stream}`;

describe('Lambda event-source mappings: Kinesis', () => {
  let t: EsmContext;
  let kinesis: KinesisClient;
  before(async () => {
    const server = await startServer({ config: { services: { lambda: { idleTimeoutSeconds: 600 } } }, services: [...ESM_SERVICES, kinesisService] });
    const c = clientConfig(server.endpoint);
    t = { server, lambda: new LambdaClient(c), sqs: new SQSClient(c), ddb: new DynamoDBClient(c), logs: new CloudWatchLogsClient(c) };
    kinesis = kinesisClient(server.endpoint);
  });
  after(async () => {
    await t.server.stop();
    for (const c of [t.lambda, t.sqs, t.ddb, t.logs, kinesis]) c.destroy();
  });

  const stream = async (name: string, shards = 1): Promise<string> => {
    await kinesis.send(new CreateStreamCommand({ StreamName: name, ShardCount: shards }));
    return arnOf(name);
  };
  const put = (name: string, key: string, data: unknown) => kinesis.send(new PutRecordCommand({ StreamName: name, PartitionKey: key, Data: Buffer.from(JSON.stringify(data)) }));

  it('delivers the documented Kinesis event from LATEST, filtered by the criteria', async () => {
    await createFunction(t.lambda, 'k-filter', { 'index.js': "exports.handler = async (e) => { for (const r of e.Records) console.log('rec', JSON.stringify(r)); };" });
    const arn = await stream('k-filtered');
    await put('k-filtered', 'before', { kind: 'keep', n: 0 });
    // LATEST starts at the mapping's creation time: a record of an earlier millisecond is not read.
    t.server.clock.advance(1);
    const m = await t.lambda.send(
      new CreateEventSourceMappingCommand({
        FunctionName: 'k-filter',
        EventSourceArn: arn,
        StartingPosition: 'LATEST',
        FilterCriteria: { Filters: [{ Pattern: JSON.stringify({ data: { kind: ['keep'] } }) }] },
      }),
    );
    assert.equal(m.State, 'Creating');
    assert.equal(m.StartingPosition, 'LATEST');
    assert.equal(m.BatchSize, 100);
    assert.equal(m.ParallelizationFactor, 1);
    assert.equal(m.MaximumRetryAttempts, -1);
    assert.equal(m.StateTransitionReason, 'User action');
    const p1 = await put('k-filtered', 'pk-1', { kind: 'keep', n: 1 });
    await put('k-filtered', 'pk-2', { kind: 'drop', n: 2 });
    await put('k-filtered', 'pk-3', { kind: 'keep', n: 3 });
    const recs = await logged(t, 'k-filter', 'rec', 2, 1000);
    assert.deepEqual(recs.map((r) => JSON.parse(Buffer.from(r.kinesis.data, 'base64').toString()).n), [1, 3]);
    const r = recs[0];
    assert.deepEqual(Object.keys(r), ['kinesis', 'eventSource', 'eventVersion', 'eventID', 'eventName', 'invokeIdentityArn', 'awsRegion', 'eventSourceARN']);
    assert.deepEqual(Object.keys(r.kinesis), ['kinesisSchemaVersion', 'partitionKey', 'sequenceNumber', 'data', 'approximateArrivalTimestamp']);
    assert.equal(r.kinesis.kinesisSchemaVersion, '1.0');
    assert.equal(r.kinesis.partitionKey, 'pk-1');
    assert.equal(r.kinesis.sequenceNumber, p1.SequenceNumber);
    assert.equal(typeof r.kinesis.approximateArrivalTimestamp, 'number');
    assert.equal(r.eventSource, 'aws:kinesis');
    assert.equal(r.eventVersion, '1.0');
    assert.equal(r.eventID, `shardId-000000000000:${p1.SequenceNumber}`);
    assert.equal(r.eventName, 'aws:kinesis:record');
    assert.equal(r.invokeIdentityArn, ROLE);
    assert.equal(r.awsRegion, 'us-east-1');
    assert.equal(r.eventSourceARN, arn);
    await until(t, async () => ((await t.lambda.send(new GetEventSourceMappingCommand({ UUID: m.UUID }))).LastProcessingResult === 'OK' ? true : undefined), 1000);
  });

  it('bisects a failing batch and sends the record that still fails to the OnFailure queue', async () => {
    await createFunction(t.lambda, 'k-bisect', {
      'index.js': `exports.handler = async (e) => {
        const ids = e.Records.map((r) => JSON.parse(Buffer.from(r.kinesis.data, 'base64').toString()).id);
        console.log('batch', JSON.stringify(ids));
        if (ids.includes('r3')) throw new Error('poison');
      };`,
    });
    const arn = await stream('k-bisected');
    const failures = (await t.sqs.send(new CreateQueueCommand({ QueueName: 'k-bisect-failures' }))).QueueUrl!;
    await kinesis.send(new PutRecordsCommand({ StreamName: 'k-bisected', Records: ['r1', 'r2', 'r3', 'r4'].map((id) => ({ PartitionKey: 'same', Data: Buffer.from(JSON.stringify({ id })) })) }));
    await t.lambda.send(
      new CreateEventSourceMappingCommand({
        FunctionName: 'k-bisect',
        EventSourceArn: arn,
        StartingPosition: 'TRIM_HORIZON',
        BatchSize: 4,
        BisectBatchOnFunctionError: true,
        MaximumRetryAttempts: 0,
        DestinationConfig: { OnFailure: { Destination: `arn:aws:sqs:us-east-1:${ACCOUNT}:k-bisect-failures` } },
      }),
    );
    const message = await until(t, async () => (await t.sqs.send(new ReceiveMessageCommand({ QueueUrl: failures }))).Messages?.[0], 0, 'the on-failure record');
    const record = JSON.parse(message.Body!);
    assert.deepEqual(Object.keys(record).sort(), ['KinesisBatchInfo', 'requestContext', 'responseContext', 'timestamp', 'version']);
    assert.equal(record.requestContext.condition, 'RetryAttemptsExhausted');
    assert.equal(record.requestContext.functionArn, `arn:aws:lambda:us-east-1:${ACCOUNT}:function:k-bisect`);
    assert.deepEqual(record.responseContext, { statusCode: 200, executedVersion: '$LATEST', functionError: 'Unhandled' });
    const info = record.KinesisBatchInfo;
    assert.equal(info.shardId, 'shardId-000000000000');
    assert.equal(info.batchSize, 1);
    assert.equal(info.streamArn, arn);
    assert.equal(info.startSequenceNumber, info.endSequenceNumber);
    assert.match(info.approximateArrivalOfFirstRecord, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    const batches = await logged<string[]>(t, 'k-bisect', 'batch', 5);
    assert.deepEqual(batches.slice(0, 5), [['r1', 'r2', 'r3', 'r4'], ['r1', 'r2'], ['r3', 'r4'], ['r3'], ['r4']]);
  });

  it('retries from the first failure a function reports (ReportBatchItemFailures)', async () => {
    await createFunction(t.lambda, 'k-partial', {
      'index.js': `let failed = false;
      exports.handler = async (e) => {
        const ids = e.Records.map((r) => JSON.parse(Buffer.from(r.kinesis.data, 'base64').toString()).id);
        console.log('batch', JSON.stringify(ids));
        const bad = e.Records.find((r) => JSON.parse(Buffer.from(r.kinesis.data, 'base64').toString()).id === 'p2');
        if (bad && !failed) { failed = true; return { batchItemFailures: [{ itemIdentifier: bad.kinesis.sequenceNumber }] }; }
        return { batchItemFailures: [] };
      };`,
    });
    const arn = await stream('k-partial');
    await kinesis.send(new PutRecordsCommand({ StreamName: 'k-partial', Records: ['p1', 'p2', 'p3'].map((id) => ({ PartitionKey: 'same', Data: Buffer.from(JSON.stringify({ id })) })) }));
    await t.lambda.send(new CreateEventSourceMappingCommand({ FunctionName: 'k-partial', EventSourceArn: arn, StartingPosition: 'TRIM_HORIZON', FunctionResponseTypes: ['ReportBatchItemFailures'] }));
    const batches = await logged<string[]>(t, 'k-partial', 'batch', 2, 1000);
    assert.deepEqual(batches.slice(0, 2), [
      ['p1', 'p2', 'p3'],
      ['p2', 'p3'],
    ]);
  });

  it('follows a split: the child shards are polled once the parent is read', async () => {
    await createFunction(t.lambda, 'k-split', { 'index.js': "exports.handler = async (e) => { for (const r of e.Records) console.log('rec', JSON.stringify(r.eventID)); };" });
    const arn = await stream('k-split');
    await put('k-split', 'a', { n: 1 });
    await t.lambda.send(new CreateEventSourceMappingCommand({ FunctionName: 'k-split', EventSourceArn: arn, StartingPosition: 'TRIM_HORIZON' }));
    await logged(t, 'k-split', 'rec', 1, 1000);
    await kinesis.send(new SplitShardCommand({ StreamName: 'k-split', ShardToSplit: 'shardId-000000000000', NewStartingHashKey: '170141183460469231731687303715884105728' }));
    const p = await put('k-split', 'a', { n: 2 });
    const ids = await logged<string>(t, 'k-split', 'rec', 2, 1000);
    assert.equal(ids[1], `${p.ShardId}:${p.SequenceNumber}`);
  });

  it('reads a parent shard before its children (TRIM_HORIZON after a split)', async () => {
    await createFunction(t.lambda, 'k-order', { 'index.js': "exports.handler = async (e) => { for (const r of e.Records) console.log('rec', JSON.stringify(Buffer.from(r.kinesis.data, 'base64').toString())); };" });
    const arn = await stream('k-order');
    for (const n of [1, 2, 3]) await put('k-order', 'same', n);
    await kinesis.send(new SplitShardCommand({ StreamName: 'k-order', ShardToSplit: 'shardId-000000000000', NewStartingHashKey: '170141183460469231731687303715884105728' }));
    for (const n of [4, 5]) await put('k-order', 'same', n);
    await t.lambda.send(new CreateEventSourceMappingCommand({ FunctionName: 'k-order', EventSourceArn: arn, StartingPosition: 'TRIM_HORIZON' }));
    const seen = await logged<string>(t, 'k-order', 'rec', 5, 1000);
    assert.deepEqual(seen, ['1', '2', '3', '4', '5']);
  });

  it('ParallelizationFactor splits a shard\'s records by partition key, each key in order', async () => {
    await createFunction(t.lambda, 'k-par', {
      'index.js': "exports.handler = async (e) => { console.log('batch', JSON.stringify(e.Records.map((r) => r.kinesis.partitionKey + '=' + Buffer.from(r.kinesis.data, 'base64').toString()))); };",
    });
    const arn = await stream('k-par');
    // Two keys that the MD5 of the key puts in different groups of 2.
    const group = (k: string) => createHash('md5').update(k).digest().readUInt32BE(0) % 2;
    const keys = ['a', 'b', 'c', 'd', 'e', 'f'];
    const ka = keys.find((k) => group(k) === 0)!;
    const kb = keys.find((k) => group(k) === 1)!;
    await kinesis.send(new PutRecordsCommand({ StreamName: 'k-par', Records: Array.from({ length: 10 }, (_, i) => ({ PartitionKey: i % 2 ? kb : ka, Data: Buffer.from(JSON.stringify(i)) })) }));
    const m = await t.lambda.send(new CreateEventSourceMappingCommand({ FunctionName: 'k-par', EventSourceArn: arn, StartingPosition: 'TRIM_HORIZON', ParallelizationFactor: 2, BatchSize: 3 }));
    assert.equal(m.ParallelizationFactor, 2);
    const batches = await logged<string[]>(t, 'k-par', 'batch', 4, 1000);
    for (const b of batches) {
      assert.ok(b.length <= 3);
      assert.equal(new Set(b.map((x) => x.split('=')[0])).size, 1, `one key per batch: ${b}`);
    }
    const byKey = (k: string) => batches.flat().filter((x) => x.startsWith(`${k}=`)).map((x) => Number(x.split('=')[1]));
    assert.deepEqual(byKey(ka), [0, 2, 4, 6, 8]);
    assert.deepEqual(byKey(kb), [1, 3, 5, 7, 9]);
  });

  it('gives up records older than MaximumRecordAgeInSeconds (RecordAgeExceeded)', async () => {
    await createFunction(t.lambda, 'k-age', { 'index.js': "exports.handler = async () => { throw new Error('always'); };" });
    const arn = await stream('k-age');
    const failures = (await t.sqs.send(new CreateQueueCommand({ QueueName: 'k-age-failures' }))).QueueUrl!;
    await put('k-age', 'a', { n: 1 });
    await t.lambda.send(
      new CreateEventSourceMappingCommand({
        FunctionName: 'k-age',
        EventSourceArn: arn,
        StartingPosition: 'TRIM_HORIZON',
        MaximumRecordAgeInSeconds: 60,
        DestinationConfig: { OnFailure: { Destination: `arn:aws:sqs:us-east-1:${ACCOUNT}:k-age-failures` } },
      }),
    );
    const message = await until(t, async () => (await t.sqs.send(new ReceiveMessageCommand({ QueueUrl: failures }))).Messages?.[0], 5000, 'the on-failure record');
    const record = JSON.parse(message.Body!);
    assert.equal(record.requestContext.condition, 'RecordAgeExceeded');
    assert.equal(record.KinesisBatchInfo.batchSize, 1);
  });

  it("answers AWS's errors for Kinesis mapping settings", async () => {
    await createFunction(t.lambda, 'k-errors', { 'index.js': 'exports.handler = async () => {};' });
    const arn = await stream('k-errors');
    const create = (input: Record<string, unknown>) => t.lambda.send(new CreateEventSourceMappingCommand({ FunctionName: 'k-errors', EventSourceArn: arn, StartingPosition: 'LATEST', ...input }));
    const bad = (message: string) => awsError('InvalidParameterValueException', 400, message);
    await assert.rejects(create({ StartingPosition: undefined }), bad("1 validation error detected: Value null at 'startingPosition' failed to satisfy constraint: Member must not be null."));
    await assert.rejects(create({ EventSourceArn: arnOf('missing') }), bad(`Stream not found: ${arnOf('missing')}`));
    await assert.rejects(create({ FilterCriteria: { Filters: [{ Pattern: '{"data": "plain"}' }] } }), bad('Invalid filter pattern definition.'));
    await assert.rejects(create({ ScalingConfig: { MaximumConcurrency: 5 } }), bad('Unsupported ScalingConfig parameter for given event source mapping type.'));
    const at = await create({ StartingPosition: 'AT_TIMESTAMP', StartingPositionTimestamp: new Date(t.server.clock.now() - 1000) });
    assert.equal(at.StartingPosition, 'AT_TIMESTAMP');
    assert.ok(at.StartingPositionTimestamp instanceof Date);
    await assert.rejects(
      create({}),
      awsError('ResourceConflictException', 409, `The event source arn (" ${arn} ") and function (" k-errors ") provided mapping already exists. Please update or delete the existing mapping with UUID ${at.UUID}`),
    );
  });
});
