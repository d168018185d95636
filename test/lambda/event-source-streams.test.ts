import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { CreateEventSourceMappingCommand, GetEventSourceMappingCommand } from '@aws-sdk/client-lambda';
import { CreateTableCommand, PutItemCommand, UpdateItemCommand } from '@aws-sdk/client-dynamodb';
import { CreateQueueCommand, ReceiveMessageCommand } from '@aws-sdk/client-sqs';
import { awsError, createFunction } from './helpers.js';
import { logged, startEsmServer, stopEsmServer, until, type EsmContext } from './esm-helpers.js';

describe('Lambda event-source mappings: DynamoDB Streams', () => {
  let t: EsmContext;
  before(async () => {
    t = await startEsmServer();
  });
  after(async () => {
    await stopEsmServer(t);
  });

  async function table(name: string): Promise<string> {
    const out = await t.ddb.send(
      new CreateTableCommand({
        TableName: name,
        KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
        AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }],
        BillingMode: 'PAY_PER_REQUEST',
        StreamSpecification: { StreamEnabled: true, StreamViewType: 'NEW_AND_OLD_IMAGES' },
      }),
    );
    return out.TableDescription!.LatestStreamArn!;
  }

  const put = (tableName: string, id: string, extra: Record<string, { S: string }> = {}) => t.ddb.send(new PutItemCommand({ TableName: tableName, Item: { id: { S: id }, ...extra } }));

  it('delivers the documented DynamoDB event, filtered by the criteria', async () => {
    await createFunction(t.lambda, 'ddb-filter', { 'index.js': "exports.handler = async (e) => { for (const r of e.Records) console.log('rec', JSON.stringify(r)); };" });
    const stream = await table('filtered');
    const m = await t.lambda.send(
      new CreateEventSourceMappingCommand({
        FunctionName: 'ddb-filter',
        EventSourceArn: stream,
        StartingPosition: 'LATEST',
        FilterCriteria: { Filters: [{ Pattern: JSON.stringify({ eventName: ['INSERT'], dynamodb: { NewImage: { kind: { S: ['keep'] } } } }) }] },
      }),
    );
    assert.equal(m.State, 'Creating');
    assert.equal(m.StateTransitionReason, 'User action');
    assert.equal(m.StartingPosition, 'LATEST');
    assert.equal(m.BatchSize, 100);
    assert.equal(m.MaximumRetryAttempts, -1);
    assert.equal(m.MaximumRecordAgeInSeconds, -1);
    assert.equal(m.BisectBatchOnFunctionError, false);
    assert.equal(m.ParallelizationFactor, 1);
    assert.equal(m.LastProcessingResult, 'No records processed');
    await put('filtered', 'a', { kind: { S: 'keep' } });
    await put('filtered', 'b', { kind: { S: 'drop' } });
    await t.ddb.send(new UpdateItemCommand({ TableName: 'filtered', Key: { id: { S: 'a' } }, UpdateExpression: 'SET n = :n', ExpressionAttributeValues: { ':n': { S: '1' } } }));
    await put('filtered', 'c', { kind: { S: 'keep' } });
    const recs = await logged(t, 'ddb-filter', 'rec', 2);
    assert.deepEqual(recs.map((r) => r.dynamodb.Keys.id.S), ['a', 'c']);
    const r = recs[0];
    assert.deepEqual(Object.keys(r).sort(), ['awsRegion', 'dynamodb', 'eventID', 'eventName', 'eventSource', 'eventSourceARN', 'eventVersion']);
    assert.equal(r.eventName, 'INSERT');
    assert.equal(r.eventSource, 'aws:dynamodb');
    assert.equal(r.eventSourceARN, stream);
    assert.deepEqual(Object.keys(r.dynamodb).sort(), ['ApproximateCreationDateTime', 'Keys', 'NewImage', 'SequenceNumber', 'SizeBytes', 'StreamViewType']);
    assert.equal(r.dynamodb.StreamViewType, 'NEW_AND_OLD_IMAGES');
    assert.deepEqual(r.dynamodb.NewImage, { id: { S: 'a' }, kind: { S: 'keep' } });
    assert.equal(typeof r.dynamodb.ApproximateCreationDateTime, 'number');
    await until(t, async () => ((await t.lambda.send(new GetEventSourceMappingCommand({ UUID: m.UUID }))).LastProcessingResult === 'OK' ? true : undefined));
  });

  it('bisects a failing batch and sends the record that still fails to the OnFailure queue', async () => {
    await createFunction(t.lambda, 'ddb-bisect', {
      'index.js': `exports.handler = async (e) => {
        console.log('batch', JSON.stringify(e.Records.map((r) => r.dynamodb.Keys.id.S)));
        if (e.Records.some((r) => r.dynamodb.NewImage.bad)) throw new Error('poison');
      };`,
    });
    const stream = await table('bisected');
    const failures = (await t.sqs.send(new CreateQueueCommand({ QueueName: 'bisect-failures' }))).QueueUrl!;
    for (const id of ['r1', 'r2', 'r3', 'r4']) await put('bisected', id, id === 'r3' ? { bad: { S: 'yes' } } : {});
    await t.lambda.send(
      new CreateEventSourceMappingCommand({
        FunctionName: 'ddb-bisect',
        EventSourceArn: stream,
        StartingPosition: 'TRIM_HORIZON',
        BatchSize: 4,
        BisectBatchOnFunctionError: true,
        MaximumRetryAttempts: 0,
        DestinationConfig: { OnFailure: { Destination: 'arn:aws:sqs:us-east-1:000000000000:bisect-failures' } },
      }),
    );
    const message = await until(t, async () => (await t.sqs.send(new ReceiveMessageCommand({ QueueUrl: failures }))).Messages?.[0], 0, 'the on-failure record');
    const record = JSON.parse(message.Body!);
    assert.deepEqual(Object.keys(record).sort(), ['DDBStreamBatchInfo', 'requestContext', 'responseContext', 'timestamp', 'version']);
    assert.equal(record.version, '1.0');
    assert.equal(record.requestContext.condition, 'RetryAttemptsExhausted');
    assert.equal(record.requestContext.functionArn, 'arn:aws:lambda:us-east-1:000000000000:function:ddb-bisect');
    assert.equal(record.requestContext.approximateInvokeCount, 1);
    assert.deepEqual(record.responseContext, { statusCode: 200, executedVersion: '$LATEST', functionError: 'Unhandled' });
    assert.equal(record.DDBStreamBatchInfo.batchSize, 1);
    assert.equal(record.DDBStreamBatchInfo.streamArn, stream);
    assert.equal(record.DDBStreamBatchInfo.startSequenceNumber, record.DDBStreamBatchInfo.endSequenceNumber);
    assert.match(record.DDBStreamBatchInfo.shardId, /^shardId-/);
    const batches = await logged<string[]>(t, 'ddb-bisect', 'batch', 5);
    assert.deepEqual(batches.slice(0, 5), [['r1', 'r2', 'r3', 'r4'], ['r1', 'r2'], ['r3', 'r4'], ['r3'], ['r4']]);
  });

  it("answers AWS's errors for stream settings", async () => {
    await createFunction(t.lambda, 'ddb-errors', { 'index.js': 'exports.handler = async () => {};' });
    const stream = await table('errors');
    const create = (input: Record<string, unknown>) => t.lambda.send(new CreateEventSourceMappingCommand({ FunctionName: 'ddb-errors', EventSourceArn: stream, StartingPosition: 'LATEST', ...input }));
    const bad = (message: string) => awsError('InvalidParameterValueException', 400, message);
    await assert.rejects(create({ StartingPosition: undefined }), bad("1 validation error detected: Value null at 'startingPosition' failed to satisfy constraint: Member must not be null."));
    await assert.rejects(create({ StartingPosition: 'AT_TIMESTAMP', StartingPositionTimestamp: new Date() }), bad(`Unsupported starting position for arn type: ${stream}`));
    await assert.rejects(create({ DestinationConfig: { OnSuccess: { Destination: 'arn:aws:sqs:us-east-1:000000000000:x' } } }), bad('Unsupported DestinationConfig parameter for given event source mapping type.'));
    await assert.rejects(
      create({ DestinationConfig: { OnFailure: { Destination: 'arn:aws:s3:::bucket' } } }),
      bad('The provided destination config DestinationConfig(onSuccess=null, onFailure=OnFailure(destination=arn:aws:s3:::bucket)) is invalid.'),
    );
    await assert.rejects(create({ FilterCriteria: { Filters: [{ Pattern: '{"dynamodb": "plain"}' }] } }), bad('Invalid filter pattern definition.'));
    await assert.rejects(create({ EventSourceArn: `${stream}x` }), bad(`Stream not found: ${stream}x`));
    const m = await create({});
    await assert.rejects(
      create({}),
      awsError('ResourceConflictException', 409, `The event source arn (" ${stream} ") and function (" ddb-errors ") provided mapping already exists. Please update or delete the existing mapping with UUID ${m.UUID}`),
    );
  });
});
