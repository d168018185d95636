import { describe, it, after } from 'node:test';
import assert from 'node:assert/strict';
import type { DynamoDBApi } from '../../src/generated/dynamodb.js';
import type { SFNApi } from '../../src/generated/stepfunctions.js';
import { serviceClient } from '../../src/services/clients.js';
import { definition as dynamodb } from '../../src/services/dynamodb/index.js';
import { startServer } from '../helpers/server.js';

describe('typed internal clients', async () => {
  const server = await startServer({ services: [dynamodb] });
  after(() => server.stop());
  const platform = { clock: server.clock, services: server.services };
  const scope = { accountId: '123456789012', region: 'eu-west-1' };

  it('calls the target provider in the caller scope', async () => {
    const ddb = serviceClient<DynamoDBApi>(platform, 'dynamodb', scope)!;
    await ddb.CreateTable({ TableName: 'Tab', AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }], KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }], BillingMode: 'PAY_PER_REQUEST' });
    assert.deepEqual((await ddb.ListTables({})).TableNames, ['Tab']);
    assert.deepEqual((await serviceClient<DynamoDBApi>(platform, 'dynamodb', { ...scope, region: 'us-east-1' })!.ListTables({})).TableNames, []);
  });

  it("validates input against the target's model, as a call from outside", async () => {
    const ddb = serviceClient<DynamoDBApi>(platform, 'dynamodb', scope)!;
    await assert.rejects(ddb.ListTables({ Limit: 0 }), (e: Error & { code?: string }) => {
      assert.equal(e.code, 'ValidationException');
      assert.match(e.message, /^1 validation error detected: Value '0' at 'limit' failed to satisfy constraint: Member must have value greater than or equal to 1$/);
      return true;
    });
  });

  it('answers undefined for a service that is not loaded', () => {
    assert.equal(serviceClient<SFNApi>(platform, 'stepfunctions', scope), undefined);
  });
});
