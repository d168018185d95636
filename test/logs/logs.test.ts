import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  CloudWatchLogsClient,
  CreateLogGroupCommand,
  CreateLogStreamCommand,
  DeleteLogGroupCommand,
  DeleteLogStreamCommand,
  DescribeLogGroupsCommand,
  DescribeLogStreamsCommand,
  FilterLogEventsCommand,
  GetLogEventsCommand,
  PutLogEventsCommand,
  PutRetentionPolicyCommand,
} from '@aws-sdk/client-cloudwatch-logs';
import { clientConfig, startServer, type TestServer } from '../helpers/server.js';
import { definition as logsService, writeLogEvents, logWriterFor } from '../../src/services/logs/index.js';
import { compileFilter } from '../../src/services/logs/index.js';

function awsError(name: string, message?: string) {
  return (e: Error): boolean => {
    assert.equal(e.name, name, e.message);
    if (message !== undefined) assert.equal(e.message, message);
    return true;
  };
}

describe('CloudWatch Logs', () => {
  let server: TestServer;
  let logs: CloudWatchLogsClient;
  before(async () => {
    server = await startServer({ services: [logsService] });
    logs = new CloudWatchLogsClient(clientConfig(server.endpoint));
  });
  after(async () => {
    await server.stop();
  });

  it('creates and describes log groups and streams, with AWS errors', async () => {
    await logs.send(new CreateLogGroupCommand({ logGroupName: '/app/one' }));
    await logs.send(new CreateLogGroupCommand({ logGroupName: '/app/two' }));
    await logs.send(new CreateLogGroupCommand({ logGroupName: '/other' }));
    await assert.rejects(logs.send(new CreateLogGroupCommand({ logGroupName: '/app/one' })), awsError('ResourceAlreadyExistsException', 'The specified log group already exists'));
    await logs.send(new PutRetentionPolicyCommand({ logGroupName: '/app/one', retentionInDays: 7 }));
    const groups = await logs.send(new DescribeLogGroupsCommand({ logGroupNamePrefix: '/app/' }));
    assert.deepEqual(groups.logGroups!.map((g) => g.logGroupName), ['/app/one', '/app/two']);
    assert.equal(groups.logGroups![0]!.retentionInDays, 7);
    assert.equal(groups.logGroups![0]!.arn, 'arn:aws:logs:us-east-1:000000000000:log-group:/app/one:*');
    const paged = await logs.send(new DescribeLogGroupsCommand({ limit: 1 }));
    assert.equal(paged.logGroups!.length, 1);
    assert.ok(paged.nextToken);
    const rest = await logs.send(new DescribeLogGroupsCommand({ limit: 50, nextToken: paged.nextToken }));
    assert.equal(rest.logGroups!.length, 2);

    await logs.send(new CreateLogStreamCommand({ logGroupName: '/app/one', logStreamName: 's1' }));
    await logs.send(new CreateLogStreamCommand({ logGroupName: '/app/one', logStreamName: 's2' }));
    await assert.rejects(logs.send(new CreateLogStreamCommand({ logGroupName: '/app/one', logStreamName: 's1' })), awsError('ResourceAlreadyExistsException'));
    await assert.rejects(logs.send(new CreateLogStreamCommand({ logGroupName: '/nope', logStreamName: 's1' })), awsError('ResourceNotFoundException', 'The specified log group does not exist.'));
    const streams = await logs.send(new DescribeLogStreamsCommand({ logGroupName: '/app/one', logStreamNamePrefix: 's' }));
    assert.deepEqual(streams.logStreams!.map((s) => s.logStreamName), ['s1', 's2']);
    await assert.rejects(
      logs.send(new DescribeLogStreamsCommand({ logGroupName: '/app/one', logStreamNamePrefix: 's', orderBy: 'LastEventTime' })),
      awsError('InvalidParameterException', 'Cannot order by LastEventTime with a logStreamNamePrefix.'),
    );
  });

  it('puts events and reads them back with GetLogEvents tokens', async () => {
    const now = server.clock.now();
    const logEvents = Array.from({ length: 25 }, (_, i) => ({ timestamp: now - 25_000 + i * 1000, message: `event ${i}` }));
    await logs.send(new PutLogEventsCommand({ logGroupName: '/app/one', logStreamName: 's1', logEvents }));
    await assert.rejects(
      logs.send(new PutLogEventsCommand({ logGroupName: '/app/one', logStreamName: 'missing', logEvents: [{ timestamp: now, message: 'x' }] })),
      awsError('ResourceNotFoundException', 'The specified log stream does not exist.'),
    );
    const head = await logs.send(new GetLogEventsCommand({ logGroupName: '/app/one', logStreamName: 's1', startFromHead: true, limit: 10 }));
    assert.deepEqual(head.events!.map((e) => e.message), Array.from({ length: 10 }, (_, i) => `event ${i}`));
    const next = await logs.send(new GetLogEventsCommand({ logGroupName: '/app/one', logStreamName: 's1', nextToken: head.nextForwardToken, limit: 10 }));
    assert.equal(next.events![0]!.message, 'event 10');
    const tail = await logs.send(new GetLogEventsCommand({ logGroupName: '/app/one', logStreamName: 's1', limit: 5 }));
    assert.deepEqual(tail.events!.map((e) => e.message), ['event 20', 'event 21', 'event 22', 'event 23', 'event 24']);
    const end = await logs.send(new GetLogEventsCommand({ logGroupName: '/app/one', logStreamName: 's1', nextToken: tail.nextForwardToken }));
    assert.equal(end.events!.length, 0);
    assert.equal(end.nextForwardToken, tail.nextForwardToken, 'the forward token repeats at the end of the stream');
    const back = await logs.send(new GetLogEventsCommand({ logGroupName: '/app/one', logStreamName: 's1', nextToken: tail.nextBackwardToken, limit: 5 }));
    assert.deepEqual(back.events!.map((e) => e.message), ['event 15', 'event 16', 'event 17', 'event 18', 'event 19']);
    const ranged = await logs.send(new GetLogEventsCommand({ logGroupName: '/app/one', logStreamName: 's1', startTime: now - 5000, startFromHead: true }));
    assert.equal(ranged.events!.length, 5);
  });

  it('filters events across streams with term patterns and pages with nextToken', async () => {
    const now = server.clock.now();
    await logs.send(new PutLogEventsCommand({ logGroupName: '/app/one', logStreamName: 's2', logEvents: [
      { timestamp: now, message: 'ERROR disk full' },
      { timestamp: now + 1, message: 'INFO all good' },
      { timestamp: now + 2, message: 'ERROR timeout talking to db' },
    ] }));
    const errors = await logs.send(new FilterLogEventsCommand({ logGroupName: '/app/one', filterPattern: 'ERROR' }));
    assert.deepEqual(errors.events!.map((e) => e.message), ['ERROR disk full', 'ERROR timeout talking to db']);
    assert.equal(errors.events![0]!.logStreamName, 's2');
    const phrase = await logs.send(new FilterLogEventsCommand({ logGroupName: '/app/one', filterPattern: '"disk full"' }));
    assert.equal(phrase.events!.length, 1);
    const excluded = await logs.send(new FilterLogEventsCommand({ logGroupName: '/app/one', filterPattern: 'ERROR -db' }));
    assert.deepEqual(excluded.events!.map((e) => e.message), ['ERROR disk full']);
    const page1 = await logs.send(new FilterLogEventsCommand({ logGroupName: '/app/one', logStreamNames: ['s1'], limit: 20 }));
    assert.equal(page1.events!.length, 20);
    assert.ok(page1.nextToken);
    const page2 = await logs.send(new FilterLogEventsCommand({ logGroupName: '/app/one', logStreamNames: ['s1'], limit: 20, nextToken: page1.nextToken }));
    assert.equal(page2.events!.length, 5);
    assert.equal(page2.nextToken, undefined);
    await assert.rejects(logs.send(new FilterLogEventsCommand({ logGroupName: '/app/one', filterPattern: '{ $.level = "x" }' })), awsError('InvalidParameterException'));
  });

  it('lets other services write events in-process (immediately or buffered)', async () => {
    await writeLogEvents(server.db, { accountId: '000000000000', region: 'us-east-1', logGroupName: '/aws/states/sm', logStreamName: 'exec-1', events: [{ timestamp: server.clock.now(), message: 'state entered' }] }, server.clock.now());
    logWriterFor(server.db, server.clock).put({ accountId: '000000000000', region: 'us-east-1', logGroupName: '/aws/states/sm', logStreamName: 'exec-1', events: [{ timestamp: server.clock.now() + 1, message: 'state exited' }] });
    const out = await logs.send(new GetLogEventsCommand({ logGroupName: '/aws/states/sm', logStreamName: 'exec-1', startFromHead: true }));
    assert.deepEqual(out.events!.map((e) => e.message), ['state entered', 'state exited']);
  });

  it('deletes streams and groups', async () => {
    await logs.send(new DeleteLogStreamCommand({ logGroupName: '/app/one', logStreamName: 's2' }));
    await assert.rejects(logs.send(new GetLogEventsCommand({ logGroupName: '/app/one', logStreamName: 's2' })), awsError('ResourceNotFoundException', 'The specified log stream does not exist.'));
    await logs.send(new DeleteLogGroupCommand({ logGroupName: '/app/one' }));
    await assert.rejects(logs.send(new DeleteLogGroupCommand({ logGroupName: '/app/one' })), awsError('ResourceNotFoundException', 'The specified log group does not exist.'));
  });

  it('compiles term filter patterns', () => {
    assert.equal(compileFilter('')('anything'), true);
    assert.equal(compileFilter('a b')('b a'), true);
    assert.equal(compileFilter('a b')('a'), false);
    assert.equal(compileFilter('?x ?y')('has y'), true);
    assert.equal(compileFilter('?x ?y')('none'), false);
    assert.equal(compileFilter('"a b" -c')('a b c'), false);
    assert.equal(compileFilter('"a b"')('ab'), false);
    assert.equal(compileFilter('"a b" -c')('a b'), true);
  });
});
