import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LambdaClient } from '@aws-sdk/client-lambda';
import { DynamoDBClient, CreateTableCommand, GetItemCommand } from '@aws-sdk/client-dynamodb';
import { clientConfig } from '../helpers/server.js';
import { createFunction } from '../lambda/helpers.js';
import { definition as lambdaService } from '../../src/services/lambda/index.js';
import { definition as logsService } from '../../src/services/logs/index.js';
import { definition as stsService } from '../../src/services/sts/index.js';
import { definition as dynamodbService } from '../../src/services/dynamodb/index.js';
import { setup, machine, start, waitFor, history, fakeLambda } from './helpers.js';

test('real Lambda and DynamoDB integrations: lambda:invoke, a Lambda error caught, dynamodb putItem/getItem/updateItem/deleteItem', async () => {
  const env = await setup({ extra: [lambdaService, logsService, stsService, dynamodbService] });
  const lambda = new LambdaClient(clientConfig(env.server.endpoint));
  const ddb = new DynamoDBClient(clientConfig(env.server.endpoint));
  try {
    await createFunction(lambda, 'sfn-double', { 'index.js': 'exports.handler = async (e) => ({ n: e.n * 2 });' });
    await createFunction(lambda, 'sfn-broken', {
      'index.js': 'exports.handler = async () => { const e = new Error("no luck"); e.name = "LuckError"; throw e; };',
    });
    await ddb.send(
      new CreateTableCommand({
        TableName: 'sfn-items',
        AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }],
        KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
        BillingMode: 'PAY_PER_REQUEST',
      }),
    );
    const sm = await machine(env, {
      StartAt: 'Double',
      States: {
        Double: {
          Type: 'Task',
          Resource: 'arn:aws:states:::lambda:invoke',
          Parameters: { FunctionName: 'sfn-double', 'Payload.$': '$' },
          ResultSelector: { 'n.$': '$.Payload.n' },
          Next: 'Put',
        },
        Put: {
          Type: 'Task',
          Resource: 'arn:aws:states:::dynamodb:putItem',
          Parameters: { TableName: 'sfn-items', Item: { id: { S: 'a' }, n: { 'N.$': 'States.Format(\'{}\', $.n)' } } },
          ResultPath: null,
          Next: 'Update',
        },
        Update: {
          Type: 'Task',
          Resource: 'arn:aws:states:::dynamodb:updateItem',
          Parameters: {
            TableName: 'sfn-items',
            Key: { id: { S: 'a' } },
            UpdateExpression: 'SET n = n + :one',
            ExpressionAttributeValues: { ':one': { N: '1' } },
          },
          ResultPath: null,
          Next: 'Get',
        },
        Get: {
          Type: 'Task',
          Resource: 'arn:aws:states:::dynamodb:getItem',
          Parameters: { TableName: 'sfn-items', Key: { id: { S: 'a' } } },
          ResultSelector: { 'stored.$': '$.Item.n.N' },
          Next: 'Broken',
        },
        Broken: {
          Type: 'Task',
          Resource: 'arn:aws:lambda:us-east-1:000000000000:function:sfn-broken',
          Catch: [{ ErrorEquals: ['LuckError'], ResultPath: '$.caught', Next: 'Delete' }],
          Next: 'Delete',
        },
        Delete: {
          Type: 'Task',
          Resource: 'arn:aws:states:::dynamodb:deleteItem',
          Parameters: { TableName: 'sfn-items', Key: { id: { S: 'a' } } },
          ResultPath: null,
          End: true,
        },
      },
    });
    const arn = await start(env, sm, { n: 21 });
    const d = await waitFor(env, arn);
    assert.equal(d.status, 'SUCCEEDED', d.cause ?? '');
    const out = JSON.parse(d.output!);
    assert.equal(out.stored, '43');
    assert.equal(out.caught.Error, 'LuckError');
    assert.equal(JSON.parse(out.caught.Cause).errorMessage, 'no luck');
    const gone = await ddb.send(new GetItemCommand({ TableName: 'sfn-items', Key: { id: { S: 'a' } } }));
    assert.equal(gone.Item, undefined);
    const types = (await history(env, arn)).map((e) => e.type);
    assert.ok(types.includes('LambdaFunctionFailed'));
    assert.equal(types.filter((t) => t === 'TaskSucceeded').length, 5);
  } finally {
    lambda.destroy();
    ddb.destroy();
    await env.stop();
  }
});

test('execution events go to CloudWatch Logs as the loggingConfiguration asks (level, includeExecutionData)', async () => {
  const { CloudWatchLogsClient, FilterLogEventsCommand } = await import('@aws-sdk/client-cloudwatch-logs');
  const { CreateStateMachineCommand, StartSyncExecutionCommand } = await import('@aws-sdk/client-sfn');
  const env = await setup({ extra: [logsService] });
  const logs = new CloudWatchLogsClient(clientConfig(env.server.endpoint));
  try {
    const group = (name: string) => `arn:aws:logs:us-east-1:000000000000:log-group:${name}:*`;
    const def = JSON.stringify({ StartAt: 'P', States: { P: { Type: 'Pass', Result: { a: 1 }, Next: 'F' }, F: { Type: 'Fail', Error: 'E', Cause: 'C' } } });
    const all = await env.client.send(
      new CreateStateMachineCommand({
        name: 'logged-all',
        definition: def,
        roleArn: 'arn:aws:iam::000000000000:role/r',
        type: 'EXPRESS',
        loggingConfiguration: { level: 'ALL', includeExecutionData: true, destinations: [{ cloudWatchLogsLogGroup: { logGroupArn: group('/sfn/all') } }] },
      }),
    );
    const errorsOnly = await env.client.send(
      new CreateStateMachineCommand({
        name: 'logged-errors',
        definition: def,
        roleArn: 'arn:aws:iam::000000000000:role/r',
        type: 'EXPRESS',
        loggingConfiguration: { level: 'ERROR', includeExecutionData: false, destinations: [{ cloudWatchLogsLogGroup: { logGroupArn: group('/sfn/errors') } }] },
      }),
    );
    const run = await env.client.send(new StartSyncExecutionCommand({ stateMachineArn: all.stateMachineArn, input: '{"x":1}' }));
    await env.client.send(new StartSyncExecutionCommand({ stateMachineArn: errorsOnly.stateMachineArn, input: '{"x":1}' }));
    const read = async (name: string, count: number) => {
      for (let i = 0; i < 200; i++) {
        try {
          const out = await logs.send(new FilterLogEventsCommand({ logGroupName: name }));
          const events = (out.events ?? []).map((e) => JSON.parse(e.message!));
          if (events.length >= count) return events;
        } catch {
          /* the group is created by the first delivery */
        }
        await new Promise((r) => setTimeout(r, 20));
      }
      throw new Error(`no log events in ${name}`);
    };
    const allEvents = await read('/sfn/all', 5);
    assert.deepEqual(
      allEvents.map((e) => e.type),
      ['ExecutionStarted', 'PassStateEntered', 'PassStateExited', 'FailStateEntered', 'ExecutionFailed'],
    );
    assert.equal(allEvents[0].execution_arn, run.executionArn);
    assert.equal(allEvents[0].details.input, '{"x":1}');
    assert.equal(allEvents[2].details.output, '{"a":1}');
    assert.equal(allEvents[4].previous_event_id, '4');
    const errorEvents = await read('/sfn/errors', 1);
    assert.deepEqual(errorEvents.map((e) => e.type), ['ExecutionFailed']);
    assert.deepEqual(errorEvents[0].details, { error: 'E', cause: 'C' });
  } finally {
    logs.destroy();
    await env.stop();
  }
});

test('a bad Parameters block gets the target service validation error (DynamoDB, Lambda), before the call', async () => {
  const calls: { name: string; event: any; type: string }[] = [];
  const env = await setup({ extra: [dynamodbService, fakeLambda({ echo: (e) => e }, calls)] });
  try {
    const failed = async (state: Record<string, unknown>) => {
      const sm = await machine(env, { StartAt: 'T', States: { T: { Type: 'Task', ...state, End: true } } });
      const d = await waitFor(env, await start(env, sm));
      assert.equal(d.status, 'FAILED');
      return d;
    };
    const ddb = await failed({ Resource: 'arn:aws:states:::dynamodb:getItem', Parameters: { Key: { id: { S: 'a' } } } });
    // The Java SDK 1.x that AWS calls DynamoDB with does not model ValidationException: its generic exception names it.
    assert.equal(ddb.error, 'DynamoDB.AmazonDynamoDBException');
    assert.match(ddb.cause!, /^1 validation error detected: Value null at 'tableName' failed to satisfy constraint: Member must not be null \(Service: AmazonDynamoDBv2; Status Code: 400; Error Code: ValidationException; Request ID: [0-9a-f-]{36}; Proxy: null\)$/);
    const ddbType = await failed({ Resource: 'arn:aws:states:::dynamodb:putItem', Parameters: { TableName: 't', Item: { id: { S: 'a' } }, ReturnValues: 7 } });
    assert.equal(ddbType.error, 'DynamoDB.AmazonDynamoDBException');
    const lambda = await failed({ Resource: 'arn:aws:states:::lambda:invoke', Parameters: { FunctionName: 'echo', Qualifier: 'not a qualifier!' } });
    assert.equal(lambda.error, 'Lambda.ValidationException');
    assert.match(lambda.cause!, /^1 validation error detected: Value 'not a qualifier!' at 'qualifier' failed to satisfy constraint: Member must satisfy regular expression pattern: /);
    assert.deepEqual(calls, []);
  } finally {
    await env.stop();
  }
});
