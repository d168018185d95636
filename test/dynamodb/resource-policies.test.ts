/**
 * Resource-based policies (Put/Get/DeleteResourcePolicy): revisions, ExpectedRevisionId and NO_POLICY,
 * and the messages AWS answers with (as recorded against AWS by moto's aws-verified tests).
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { CreateTableCommand, DeleteResourcePolicyCommand, DeleteTableCommand, GetResourcePolicyCommand, PutResourcePolicyCommand } from '@aws-sdk/client-dynamodb';
import { setup, error, hashTable, type Env } from './helpers.js';

const arnOf = (name: string): string => `arn:aws:dynamodb:us-east-1:000000000000:table/${name}`;
const policy = (action: string): string =>
  JSON.stringify({ Version: '2012-10-17', Statement: [{ Principal: { AWS: '000000000000' }, Effect: 'Allow', Action: [action], Resource: '*' }] });

let env: Env;
before(async () => {
  env = await setup();
});
after(() => env.stop());

test('put, get and replace a table policy: the same document keeps its revision, a new one gets a later one', async () => {
  await env.client.send(hashTable('rp-table'));
  const ResourceArn = arnOf('rp-table');
  const first = await env.client.send(new PutResourcePolicyCommand({ ResourceArn, Policy: policy('dynamodb:*') }));
  const got = await env.client.send(new GetResourcePolicyCommand({ ResourceArn }));
  assert.equal(got.RevisionId, first.RevisionId);
  assert.deepEqual(JSON.parse(got.Policy!).Statement[0].Action, ['dynamodb:*']);
  const again = await env.client.send(new PutResourcePolicyCommand({ ResourceArn, Policy: policy('dynamodb:*') }));
  assert.equal(again.RevisionId, first.RevisionId);
  const next = await env.client.send(new PutResourcePolicyCommand({ ResourceArn, Policy: policy('dynamodb:PutItem'), ExpectedRevisionId: first.RevisionId }));
  assert.ok(Number(next.RevisionId) > Number(first.RevisionId));

  let e = await error(() => env.client.send(new PutResourcePolicyCommand({ ResourceArn, Policy: policy('dynamodb:GetItem'), ExpectedRevisionId: first.RevisionId })));
  assert.equal(e.name, 'PolicyNotFoundException');
  assert.equal(e.message, `Resource-based policy not found for the provided ResourceArn: Requested update for policy with revision id ${first.RevisionId}, but the policy associated to target table rp-table has revision id ${next.RevisionId}.`);
  e = await error(() => env.client.send(new PutResourcePolicyCommand({ ResourceArn, Policy: policy('dynamodb:GetItem'), ExpectedRevisionId: 'NO_POLICY' })));
  assert.equal(e.message, `Resource-based policy not found for the provided ResourceArn: Requested policy update expecting none to be present for table rp-table, but a policy exists with revision id ${next.RevisionId}.`);

  e = await error(() => env.client.send(new DeleteResourcePolicyCommand({ ResourceArn, ExpectedRevisionId: 'unknown' })));
  assert.equal(e.message, `Resource-based policy not found for the provided ResourceArn: Requested update for policy with revision id unknown, but the policy associated to target table rp-table has revision id ${next.RevisionId}.`);
  await env.client.send(new DeleteResourcePolicyCommand({ ResourceArn, ExpectedRevisionId: next.RevisionId }));
  e = await error(() => env.client.send(new GetResourcePolicyCommand({ ResourceArn })));
  assert.deepEqual([e.name, e.message], ['PolicyNotFoundException', `Resource-based policy not found for the provided ResourceArn: ${ResourceArn}`]);
  const fresh = await env.client.send(new PutResourcePolicyCommand({ ResourceArn, Policy: policy('dynamodb:Query'), ExpectedRevisionId: 'NO_POLICY' }));
  assert.ok(fresh.RevisionId);
});

test('unknown tables, other ARNs and malformed documents get AWS errors; a re-created table has no policy', async () => {
  let e = await error(() => env.client.send(new GetResourcePolicyCommand({ ResourceArn: arnOf('rp-missing') })));
  assert.deepEqual([e.name, e.message], ['ResourceNotFoundException', 'Requested resource not found: Table: rp-missing not found']);
  e = await error(() => env.client.send(new PutResourcePolicyCommand({ ResourceArn: `${arnOf('rp-missing')}/backup/0170`, Policy: policy('dynamodb:*') })));
  assert.deepEqual([e.name, e.message], ['ValidationException', `One or more parameter values were invalid: Provided Arn is not a DynamoDB resource arn: ${arnOf('rp-missing')}/backup/0170`]);
  await env.client.send(hashTable('rp-again'));
  e = await error(() => env.client.send(new PutResourcePolicyCommand({ ResourceArn: arnOf('rp-again'), Policy: '{not json' })));
  assert.equal(e.name, 'ValidationException');
  await env.client.send(new PutResourcePolicyCommand({ ResourceArn: arnOf('rp-again'), Policy: policy('dynamodb:*') }));
  await env.client.send(new DeleteTableCommand({ TableName: 'rp-again' }));
  await env.client.send(new CreateTableCommand(hashTable('rp-again').input));
  e = await error(() => env.client.send(new GetResourcePolicyCommand({ ResourceArn: arnOf('rp-again') })));
  assert.equal(e.name, 'PolicyNotFoundException');
});
