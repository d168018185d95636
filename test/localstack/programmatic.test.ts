/**
 * Stratus from code: startStratus() serves SDK calls on a free port, with the test-control helpers;
 * and the node:test example imports it by the package name (`import { startStratus } from 'stratus'`).
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CreateTableCommand, DynamoDBClient, GetItemCommand, ListTablesCommand, PutItemCommand } from '@aws-sdk/client-dynamodb';
import { GetQueueUrlCommand, SQSClient } from '@aws-sdk/client-sqs';
import { startStratus } from '../../src/index.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../../..');

/** This process's environment without the test runner's: the child reports on its own. */
function childEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  delete env.NODE_TEST_CONTEXT;
  return env;
}

describe('startStratus()', () => {
  it('serves a DynamoDB call on a free port and resets between tests', async () => {
    const stratus = await startStratus({ services: ['dynamodb'] });
    try {
      assert.match(stratus.endpoint, /^http:\/\/127\.0\.0\.1:\d+$/);
      assert.notEqual(stratus.port, 4566);
      const ddb = new DynamoDBClient({ endpoint: stratus.endpoint, region: stratus.region, credentials: stratus.credentials });
      await ddb.send(new CreateTableCommand({ TableName: 'users', BillingMode: 'PAY_PER_REQUEST', KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }], AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }] }));
      await ddb.send(new PutItemCommand({ TableName: 'users', Item: { id: { S: 'u1' } } }));
      assert.deepEqual((await ddb.send(new GetItemCommand({ TableName: 'users', Key: { id: { S: 'u1' } } }))).Item, { id: { S: 'u1' } });
      const health = (await (await fetch(`${stratus.endpoint}/_localstack/health`)).json()) as { services: Record<string, string> };
      assert.deepEqual(health.services, { dynamodb: 'running' });
      await stratus.reset();
      assert.deepEqual((await ddb.send(new ListTablesCommand({}))).TableNames, []);
    } finally {
      await stratus.stop();
    }
  });

  it('runs the ready.d hooks (a boto3 script here) before it resolves', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'stratus-api-init-'));
    mkdirSync(join(dir, 'ready.d'));
    writeFileSync(
      join(dir, 'ready.d', 'seed.py'),
      ['import os, boto3', "sqs = boto3.client('sqs', endpoint_url=os.environ['AWS_ENDPOINT_URL'])", "sqs.create_queue(QueueName='seeded')", ''].join('\n'),
    );
    const stratus = await startStratus({ services: ['sqs'], initDir: dir });
    try {
      const sqs = new SQSClient({ endpoint: stratus.endpoint, region: stratus.region, credentials: stratus.credentials });
      assert.match((await sqs.send(new GetQueueUrlCommand({ QueueName: 'seeded' }))).QueueUrl!, /\/seeded$/);
      const init = (await (await fetch(`${stratus.endpoint}/_localstack/init/ready`)).json()) as unknown;
      assert.deepEqual(init, { completed: true, scripts: [{ stage: 'READY', name: 'seed.py', state: 'SUCCESSFUL' }] });
    } finally {
      await stratus.stop();
    }
  });

  it('the node:test example runs, importing the package by its name', async () => {
    const result = await new Promise<{ code: number; out: string }>((resolve) => {
      execFile(process.execPath, ['--test', join(ROOT, 'examples/node-test/dynamodb.test.mjs')], { cwd: ROOT, env: childEnv() }, (error, stdout, stderr) => {
        resolve({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, out: stdout + stderr });
      });
    });
    assert.equal(result.code, 0, result.out);
    assert.match(result.out, /# pass 2/);
  });
});
