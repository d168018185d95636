import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { loadModel } from '../../src/aws/model.js';
import { ServiceIndex } from '../../src/aws/service-index.js';
import { readInput } from '../../src/aws/validate.js';

const ddb = new ServiceIndex('dynamodb', loadModel('dynamodb'), ['AttributeValue']);
const idp = new ServiceIndex('cognito-idp', loadModel('cognito-idp'));

function message(fn: () => unknown): { code: string; message: string } {
  try {
    fn();
  } catch (e) {
    const err = e as { code: string; message: string };
    return { code: err.code, message: err.message };
  }
  throw new Error('expected an error');
}

describe('input validation from the model', () => {
  it('words every violation as AWS does, in one message', () => {
    const m = message(() =>
      readInput(ddb, 'CreateTableInput', { TableName: 'tbl', BillingMode: 'FREE', KeySchema: [{ AttributeName: 'id', KeyType: 'HAS' }], AttributeDefinitions: [] }, true, 'ValidationException'),
    );
    assert.equal(m.code, 'ValidationException');
    assert.equal(
      m.message,
      "2 validation errors detected: Value 'FREE' at 'billingMode' failed to satisfy constraint: Member must satisfy enum value set: [PROVISIONED, PAY_PER_REQUEST]; " +
        "Value 'HAS' at 'keySchema.1.member.keyType' failed to satisfy constraint: Member must satisfy enum value set: [HASH, RANGE]",
    );
  });

  it('reports a missing required member', () => {
    assert.equal(
      message(() => readInput(ddb, 'DescribeTableInput', {}, true, 'ValidationException')).message,
      "1 validation error detected: Value null at 'tableName' failed to satisfy constraint: Member must not be null",
    );
  });

  it('checks patterns against the whole value and ranges of numbers', () => {
    assert.equal(
      message(() => readInput(ddb, 'ScanInput', { TableName: 'tbl', Limit: 0, IndexName: 'bad name!' }, true, 'ValidationException')).message,
      "2 validation errors detected: Value 'bad name!' at 'indexName' failed to satisfy constraint: Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+; " +
        "Value '0' at 'limit' failed to satisfy constraint: Member must have value greater than or equal to 1",
    );
  });

  it('leaves wire shapes untouched for the provider', () => {
    const input = readInput(ddb, 'PutItemInput', { TableName: 'tbl', Item: { id: { S: 'x' }, n: { N: '1.50' }, b: { B: 'AAE=' } } }, true, 'ValidationException');
    assert.deepEqual(input.Item, { id: { S: 'x' }, n: { N: '1.50' }, b: { B: 'AAE=' } });
  });

  it('rejects a JSON value of the wrong type with SerializationException', () => {
    assert.deepEqual(message(() => readInput(ddb, 'DescribeTableInput', { TableName: 5 }, true, 'ValidationException')), {
      code: 'SerializationException',
      message: 'NUMBER_VALUE cannot be converted to String',
    });
    assert.deepEqual(message(() => readInput(ddb, 'ScanInput', { TableName: 'tbl', Limit: 'ten' }, true, 'ValidationException')), {
      code: 'SerializationException',
      // DynamoDB's older Coral: no article, "cannot".
      message: 'STRING_VALUE cannot be converted to Integer',
    });
  });

  it('never prints the value of a sensitive member', () => {
    const m = message(() => readInput(idp, 'InitiateAuthRequest', { AuthFlow: 'USER_PASSWORD_AUTH', ClientId: '' }, true, 'InvalidParameterException'));
    assert.match(m.message, /Value at 'clientId' failed to satisfy constraint: Member must have length greater than or equal to 1/);
  });

  it('refuses null members of lists and maps instead of passing holes to the provider', () => {
    assert.equal(
      message(() => readInput(ddb, 'TransactGetItemsInput', { TransactItems: [null] }, true, 'ValidationException')).message,
      "1 validation error detected: Value null at 'transactItems.1.member' failed to satisfy constraint: Member must not be null",
    );
    assert.equal(
      message(() => readInput(ddb, 'PutItemInput', { TableName: 'tbl', Item: { a: null } }, true, 'ValidationException')).message,
      "1 validation error detected: Value null at 'item.a.member' failed to satisfy constraint: Member must not be null",
    );
  });
});
