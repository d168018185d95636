/**
 * Coral's validation texts for collections and numbers, and its two generations of wording for
 * JSON values of the wrong type, pinned against messages AWS has been seen to send.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { loadModel } from '../../src/aws/model.js';
import { ServiceIndex } from '../../src/aws/service-index.js';
import { readInput } from '../../src/aws/validate.js';

const lambda = new ServiceIndex('lambda', loadModel('lambda'));
const ddb = new ServiceIndex('dynamodb', loadModel('dynamodb'), ['AttributeValue']);
const logs = new ServiceIndex('logs', loadModel('logs'));

function failure(fn: () => unknown): { code: string; message: string } {
  try {
    fn();
  } catch (e) {
    const err = e as { code: string; message: string };
    return { code: err.code, message: err.message };
  }
  throw new Error('expected an error');
}

const createFunction = { FunctionName: 'f', Role: 'arn:aws:iam::000000000000:role/r', Code: { ZipFile: 'UEsFBgAAAAAAAAAAAAAAAAAAAAAAAA==' } };

describe('Coral validation texts for lists and maps', () => {
  it('a list of simple members: reported once at the list, with every constraint of the member', () => {
    assert.equal(
      failure(() => readInput(lambda, 'CreateFunctionRequest', { ...createFunction, Architectures: ['foo'] }, true, 'ValidationException')).message,
      "1 validation error detected: Value '[foo]' at 'architectures' failed to satisfy constraint: Member must satisfy constraint: [Member must satisfy enum value set: [x86_64, arm64], Member must not be null]",
    );
  });

  it('map keys: "Map keys must satisfy constraint: [...]" at the map', () => {
    assert.equal(
      failure(() => readInput(lambda, 'UpdateAliasRequest', { FunctionName: 'f', Name: 'live', RoutingConfig: { AdditionalVersionWeights: { x: 0.5 } } }, true, 'ValidationException')).message,
      "1 validation error detected: Value '{x=0.5}' at 'routingConfig.additionalVersionWeights' failed to satisfy constraint: Map keys must satisfy constraint: " +
        '[Member must have length less than or equal to 1024, Member must have length greater than or equal to 1, Member must satisfy regular expression pattern: [0-9]+, Member must not be null]',
    );
  });

  it('map values: "Map value must satisfy constraint: [...]", doubles printed as Java prints them', () => {
    assert.equal(
      failure(() => readInput(lambda, 'UpdateAliasRequest', { FunctionName: 'f', Name: 'live', RoutingConfig: { AdditionalVersionWeights: { '1': 1.5 } } }, true, 'ValidationException')).message,
      "1 validation error detected: Value '{1=1.5}' at 'routingConfig.additionalVersionWeights' failed to satisfy constraint: Map value must satisfy constraint: " +
        '[Member must have value less than or equal to 1.0, Member must have value greater than or equal to 0.0, Member must not be null]',
    );
  });

  it('keys and values both bad: keys first, each once however many entries break it', () => {
    const m = failure(() =>
      readInput(lambda, 'UpdateAliasRequest', { FunctionName: 'f', Name: 'live', RoutingConfig: { AdditionalVersionWeights: { a: 2, b: 3 } } }, true, 'ValidationException'),
    ).message;
    assert.match(m, /^2 validation errors detected: Value '\{a=2\.0, b=3\.0\}' at 'routingConfig\.additionalVersionWeights' failed to satisfy constraint: Map keys must satisfy constraint: \[.*\]; Value '\{a=2\.0, b=3\.0\}' at 'routingConfig\.additionalVersionWeights' failed to satisfy constraint: Map value must satisfy constraint: \[.*\]$/);
  });

  it('a sensitive map never shows its value', () => {
    assert.equal(
      failure(() => readInput(lambda, 'CreateFunctionRequest', { ...createFunction, Environment: { Variables: { _X_AMZN_TRACE_ID: 'v' } } }, true, 'ValidationException')).message,
      "1 validation error detected: Value at 'environment.variables' failed to satisfy constraint: Map keys must satisfy constraint: [Member must satisfy regular expression pattern: [a-zA-Z]([a-zA-Z0-9_])+]",
    );
  });

  it('a map whose list values are too long (DynamoDB BatchWriteItem, 26 writes)', () => {
    const writes = Array.from({ length: 26 }, (_, i) => ({ DeleteRequest: { Key: { k: { S: String(i) } } } }));
    const m = failure(() => readInput(ddb, 'BatchWriteItemInput', { RequestItems: { tbl: writes } }, true, 'ValidationException'));
    assert.equal(m.code, 'ValidationException');
    assert.match(
      m.message,
      /^1 validation error detected: Value '\{tbl=\[.*\]\}' at 'requestItems' failed to satisfy constraint: Map value must satisfy constraint: \[Member must have length less than or equal to 25, Member must have length greater than or equal to 1\]$/,
    );
  });

  it('structures inside lists and maps are checked member by member, with .N.member paths', () => {
    assert.match(
      failure(() => readInput(ddb, 'CreateTableInput', { TableName: 'tbl', KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }, { AttributeName: '', KeyType: 'RANGE' }], AttributeDefinitions: [] }, true, 'ValidationException')).message,
      /Value '' at 'keySchema\.2\.member\.attributeName' failed to satisfy constraint: Member must have length greater than or equal to 1/,
    );
  });
});

describe('wrong JSON types: two Coral generations', () => {
  const ser = (index: ServiceIndex, shape: string, input: unknown) => failure(() => readInput(index, shape, input, true, 'ValidationException'));

  it('DynamoDB (older Coral): "cannot be converted to Integer", collection and structure forms', () => {
    assert.deepEqual(ser(ddb, 'ListTablesInput', { Limit: true }), { code: 'SerializationException', message: 'TRUE_VALUE cannot be converted to Integer' });
    assert.deepEqual(ser(ddb, 'DescribeTableInput', { TableName: 1.5 }), { code: 'SerializationException', message: 'DECIMAL_VALUE cannot be converted to String' });
    assert.deepEqual(ser(ddb, 'DescribeTableInput', { TableName: {} }), { code: 'SerializationException', message: 'Start of structure or map found where not expected' });
    assert.deepEqual(ser(ddb, 'CreateTableInput', { TableName: 't', ProvisionedThroughput: [] }), {
      code: 'SerializationException',
      message: 'Unrecognized collection type class com.amazonaws.dynamodb.v20120810.ProvisionedThroughput',
    });
    assert.deepEqual(ser(ddb, 'CreateTableInput', { TableName: 't', KeySchema: 'x' }), { code: 'SerializationException', message: 'Unexpected field type' });
    assert.deepEqual(ser(ddb, 'QueryInput', { TableName: 't', ExpressionAttributeNames: [] }), {
      code: 'SerializationException',
      message: 'Unrecognized collection type java.util.Map<java.lang.String, java.lang.String>',
    });
  });

  it('DynamoDB reads "yes"/"true"/"1" as booleans and truncates decimals for integers', () => {
    assert.equal(readInput(ddb, 'ScanInput', { TableName: 'tbl', ConsistentRead: 'yes', Limit: 5.7 }, true, 'ValidationException').ConsistentRead, true);
    assert.equal(readInput(ddb, 'ScanInput', { TableName: 'tbl', Limit: 5.7 }, true, 'ValidationException').Limit, 5);
    assert.deepEqual(ser(ddb, 'ScanInput', { TableName: 'tbl', ConsistentRead: 'maybe' }), { code: 'SerializationException', message: 'Unexpected token received from parser' });
  });

  it('newer Coral (CloudWatch Logs): "can not be converted to a/an ..."', () => {
    assert.deepEqual(ser(logs, 'DescribeLogGroupsRequest', { limit: '5' }), { code: 'SerializationException', message: 'STRING_VALUE can not be converted to an Integer' });
    assert.deepEqual(ser(logs, 'DescribeLogGroupsRequest', { logGroupNamePrefix: 5 }), { code: 'SerializationException', message: 'NUMBER_VALUE can not be converted to a String' });
    assert.deepEqual(ser(logs, 'DescribeLogGroupsRequest', { includeLinkedAccounts: 'yes' }), { code: 'SerializationException', message: 'STRING_VALUE can not be converted to an Boolean' });
  });
});
