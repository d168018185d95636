import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { compileFilterCriteria, FilterCriteriaError, recordMatchesFilterCriteria, type FilteredSource } from '../../src/aws/event-patterns/index.js';

const criteria = (source: FilteredSource, ...patterns: object[]) => compileFilterCriteria({ Filters: patterns.map((p) => ({ Pattern: JSON.stringify(p) })) }, source);

const sqsRecord = (body: string): Record<string, unknown> => ({
  messageId: '059f36b4-87a3-44ab-83d2-661975830a7d',
  body,
  attributes: { ApproximateReceiveCount: '1' },
  messageAttributes: {},
  eventSource: 'aws:sqs',
  awsRegion: 'us-west-2',
});

const kinesisRecord = (data: string): Record<string, unknown> => ({
  kinesis: { kinesisSchemaVersion: '1.0', partitionKey: '1', sequenceNumber: '49590338271490256608559692538361571095921575989136588898', data: Buffer.from(data).toString('base64'), approximateArrivalTimestamp: 1545084650.987 },
  eventSource: 'aws:kinesis',
  eventName: 'aws:kinesis:record',
});

// AWS Lambda developer guide, "Lambda event filtering" and "Using event filtering with an Amazon SQS event source".
describe('Lambda filter criteria: SQS', () => {
  it('matches a JSON body as an object under "body"; any filter may match', () => {
    const c = criteria('sqs', { body: { RequestCode: ['BBBB'] } }, { body: { RecordNumber: [{ numeric: ['>', 9000] }] } });
    assert.equal(recordMatchesFilterCriteria(c, sqsRecord('{"RecordNumber": 1234, "RequestCode": "BBBB"}')), true);
    assert.equal(recordMatchesFilterCriteria(c, sqsRecord('{"RecordNumber": 9999, "RequestCode": "AAAA"}')), true);
    assert.equal(recordMatchesFilterCriteria(c, sqsRecord('{"RecordNumber": 1234, "RequestCode": "AAAA"}')), false);
  });

  it('follows the body-format table: plain vs JSON bodies and patterns', () => {
    const plain = criteria('sqs', { body: ['plain-string'] });
    const json = criteria('sqs', { body: { 'my-key': ['my-value'] } });
    const metadata = criteria('sqs', { eventSource: ['aws:sqs'] });
    assert.equal(recordMatchesFilterCriteria(plain, sqsRecord('plain-string')), true);
    assert.equal(recordMatchesFilterCriteria(plain, sqsRecord('other')), false);
    assert.equal(recordMatchesFilterCriteria(json, sqsRecord('plain-string')), false);
    assert.equal(recordMatchesFilterCriteria(plain, sqsRecord('{"valid-json-key": "plain-string"}')), false);
    assert.equal(recordMatchesFilterCriteria(json, sqsRecord('{"my-key": "my-value"}')), true);
    assert.equal(recordMatchesFilterCriteria(metadata, sqsRecord('plain')), true);
    assert.equal(recordMatchesFilterCriteria(metadata, sqsRecord('{"a": 1}')), true);
    // Even a pattern that asks for absence drops a body of the other format.
    assert.equal(recordMatchesFilterCriteria(criteria('sqs', { body: { x: [{ exists: false }] } }), sqsRecord('plain')), false);
  });

  it('supports the documented operators on body fields', () => {
    const one = (p: object, body: object): boolean => recordMatchesFilterCriteria(criteria('sqs', { body: p }), sqsRecord(JSON.stringify(body)));
    assert.equal(one({ 'my-key': [{ exists: true }] }, { 'other-key': 'x' }), false);
    assert.equal(one({ 'my-number': [{ numeric: ['>=', 100, '<', 200] }] }, { 'my-number': 100 }), true);
    assert.equal(one({ 'my-number': [{ numeric: ['>=', 100, '<', 200] }] }, { 'my-number': 200 }), false);
    assert.equal(one({ 'my-key': [{ prefix: 'yes' }] }, { 'my-key': 'yes-value' }), true);
    assert.equal(one({ Weather: [{ 'anything-but': ['Raining'] }] }, { Weather: 'Sunny' }), true);
    assert.equal(one({ UserID: [null], LastName: [''] }, { UserID: null, LastName: '' }), true);
  });

  it('passes everything without filters', () => {
    assert.equal(recordMatchesFilterCriteria(compileFilterCriteria({}, 'sqs'), sqsRecord('x')), true);
  });
});

// Lambda developer guide, "Properly filtering Kinesis and DynamoDB messages", "Multi-level filtering".
describe('Lambda filter criteria: Kinesis and DynamoDB streams', () => {
  it('decodes Kinesis data and matches it with the record metadata', () => {
    const c = criteria('kinesis', { partitionKey: ['1'], data: { Location: ['Los Angeles'] } });
    assert.equal(recordMatchesFilterCriteria(c, kinesisRecord('{"Location": "Los Angeles"}')), true);
    assert.equal(recordMatchesFilterCriteria(c, kinesisRecord('{"Location": "Seattle"}')), false);
    const range = criteria('kinesis', { data: { Temperature: [{ numeric: ['>', 50, '<=', 60] }] } });
    assert.equal(recordMatchesFilterCriteria(range, kinesisRecord('{"Temperature": 55}')), true);
    // Data that is not JSON is dropped by a data filter, kept by a metadata-only one.
    assert.equal(recordMatchesFilterCriteria(range, kinesisRecord('not json')), false);
    assert.equal(recordMatchesFilterCriteria(criteria('kinesis', { partitionKey: ['1'] }), kinesisRecord('not json')), true);
  });

  it('refuses a plain-string pattern for stream data when the mapping is made', () => {
    assert.throws(() => criteria('kinesis', { data: ['x'] }), FilterCriteriaError);
    assert.throws(() => criteria('dynamodb', { dynamodb: [{ exists: true }] }), FilterCriteriaError);
  });

  it('matches DynamoDB records as they are', () => {
    const record = { eventName: 'INSERT', dynamodb: { Keys: { Id: { N: '101' } }, NewImage: { Message: { S: 'New item!' }, Id: { N: '101' } }, StreamViewType: 'NEW_AND_OLD_IMAGES' } };
    assert.equal(recordMatchesFilterCriteria(criteria('dynamodb', { dynamodb: { Keys: { Id: { N: ['101'] } } } }), record), true);
    assert.equal(recordMatchesFilterCriteria(criteria('dynamodb', { dynamodb: { Keys: { Id: { N: ['102'] } } } }), record), false);
    assert.equal(recordMatchesFilterCriteria(criteria('dynamodb', { eventName: ['INSERT'], dynamodb: { NewImage: { Message: { S: [{ prefix: 'New' }] } } } }), record), true);
  });
});

describe('Lambda filter criteria: validation', () => {
  it('answers "Invalid filter pattern definition." for any bad filter', () => {
    for (const Pattern of [undefined, '', 'simple string', '{"eventSource": "aws:sqs"}', '{"eventSource": []}', '{"a": [{"numeric": [">", "x"]}]}']) {
      assert.throws(() => compileFilterCriteria({ Filters: [{ Pattern }] }, 'sqs'), (e: unknown) => e instanceof FilterCriteriaError && e.message === 'Invalid filter pattern definition.', String(Pattern));
    }
  });
});
