/**
 * A decimal where the model says integer or long. The newer Coral stack (CloudWatch Logs, Step
 * Functions, Lambda...) refuses it with SerializationException "DECIMAL_VALUE can not be converted
 * to an Integer", worded as it words a string there ("STRING_VALUE can not be converted to an
 * Integer", seen from SQS and ECS: async-aws/aws#1667, aws/aws-cdk#27087); DynamoDB's older Coral
 * truncates it (test/aws/validate-fidelity.test.ts). It used to reach the provider and fail there
 * with a 500 InternalFailure.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { CloudWatchLogsClient, CreateLogGroupCommand, CreateLogStreamCommand, DescribeLogStreamsCommand, GetLogEventsCommand } from '@aws-sdk/client-cloudwatch-logs';
import { SFNClient, ListStateMachinesCommand } from '@aws-sdk/client-sfn';
import { loadModel } from '../../src/aws/model.js';
import { ServiceIndex } from '../../src/aws/service-index.js';
import { readInput } from '../../src/aws/validate.js';
import { fromText } from '../../src/aws/protocols/values.js';
import { definition as logsService } from '../../src/services/logs/index.js';
import { definition as sfnService } from '../../src/services/stepfunctions/index.js';
import { clientConfig, startServer, type TestServer } from '../helpers/server.js';

function refusedWith(name: string, message: string) {
  return (e: Error): boolean => {
    assert.equal(e.name, name, e.message);
    assert.equal(e.message, message);
    assert.equal((e as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode, 400);
    return true;
  };
}

describe('decimals for integer members', () => {
  let server: TestServer;
  before(async () => {
    server = await startServer({ services: [logsService, sfnService] });
  });
  after(() => server.stop());

  it('CloudWatch Logs DescribeLogStreams "limit": 1.5 is a SerializationException, not a 500', async () => {
    const logs = new CloudWatchLogsClient(clientConfig(server.endpoint));
    // The group and stream exist: the decimal used to reach the provider (and its SQL) and fail there.
    await logs.send(new CreateLogGroupCommand({ logGroupName: 'g' }));
    await logs.send(new CreateLogStreamCommand({ logGroupName: 'g', logStreamName: 's' }));
    await assert.rejects(
      logs.send(new DescribeLogStreamsCommand({ logGroupName: 'g', limit: 1.5 })),
      refusedWith('SerializationException', 'DECIMAL_VALUE can not be converted to an Integer'),
    );
    // A long member (epoch milliseconds) is worded with its own Java type.
    await assert.rejects(
      logs.send(new GetLogEventsCommand({ logGroupName: 'g', logStreamName: 's', startTime: 2.5 })),
      refusedWith('SerializationException', 'DECIMAL_VALUE can not be converted to a Long'),
    );
  });

  it('Step Functions ListStateMachines "maxResults": 1.5 likewise', async () => {
    const sfn = new SFNClient(clientConfig(server.endpoint));
    await assert.rejects(
      sfn.send(new ListStateMachinesCommand({ maxResults: 1.5 })),
      refusedWith('SerializationException', 'DECIMAL_VALUE can not be converted to an Integer'),
    );
  });

  it('whole numbers written with a fraction are still integers; text members refuse decimals too', () => {
    const logs = new ServiceIndex('logs', loadModel('logs'));
    assert.equal(readInput(logs, 'DescribeLogStreamsRequest', { logGroupName: 'g', limit: 2.0 }, true, 'ValidationException').limit, 2);
    const integer = logs.shape('DescribeLimit');
    assert.equal(fromText(logs, integer, '7', 'iso8601'), 7);
    assert.throws(() => fromText(logs, integer, '1.5', 'iso8601'), { code: 'SerializationException', message: 'STRING_VALUE can not be converted to an Integer' });
  });
});
