import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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
  ListTagsForResourceCommand,
  ListTagsLogGroupCommand,
  PutLogEventsCommand,
  PutRetentionPolicyCommand,
  TagLogGroupCommand,
  TagResourceCommand,
  UntagLogGroupCommand,
  UntagResourceCommand,
} from '@aws-sdk/client-cloudwatch-logs';
import { internalContext } from '../../src/core/context.js';
import { clientConfig, startServer, type TestServer } from '../helpers/server.js';
import { definition as logsService } from '../../src/services/logs/index.js';
import { writeLogEvents, logWriterFor } from '../../src/services/logs/store.js';
import { compileFilter } from '../../src/services/logs/filter.js';

const ARN = 'arn:aws:logs:us-east-1:000000000000:log-group:';

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
    // Structured patterns (filter-patterns.test.ts) apply too; one that does not parse is refused.
    const json = await logs.send(new FilterLogEventsCommand({ logGroupName: '/app/one', filterPattern: '{ $.level = "x" }' }));
    assert.deepEqual(json.events, []);
    await assert.rejects(logs.send(new FilterLogEventsCommand({ logGroupName: '/app/one', filterPattern: '{ $.level = ' })), awsError('InvalidParameterException', "If a filter pattern starts with '{' it must end with '}'"));
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

  it('brings back a deleted log group when the sink writes to it again', async () => {
    const sink = logWriterFor(server.db, server.clock);
    const entry = (message: string) => ({ accountId: '000000000000', region: 'us-east-1', logGroupName: '/sink/again', logStreamName: 's', events: [{ timestamp: server.clock.now(), message }] });
    sink.put(entry('before'));
    await sink.flush();
    await logs.send(new DeleteLogGroupCommand({ logGroupName: '/sink/again' }));
    sink.put(entry('after'));
    const out = await logs.send(new GetLogEventsCommand({ logGroupName: '/sink/again', logStreamName: 's', startFromHead: true }));
    assert.deepEqual(out.events!.map((e) => e.message), ['after']);
  });

  it('pages log streams by name and by last event time with tokens bound to their listing', async () => {
    await logs.send(new CreateLogGroupCommand({ logGroupName: '/paged' }));
    const names = ['a', 'b', 'c', 'd', 'e'];
    for (const logStreamName of names) await logs.send(new CreateLogStreamCommand({ logGroupName: '/paged', logStreamName }));
    const now = server.clock.now();
    // Last event times in the order e, c, a (b and d have none and order by their creation time).
    for (const [i, logStreamName] of ['e', 'c', 'a'].entries()) {
      await logs.send(new PutLogEventsCommand({ logGroupName: '/paged', logStreamName, logEvents: [{ timestamp: now + 10_000 + i, message: 'm' }] }));
    }
    const pageThrough = async (input: { orderBy?: 'LogStreamName' | 'LastEventTime'; descending?: boolean }): Promise<string[]> => {
      const seen: string[] = [];
      let nextToken: string | undefined;
      do {
        const out = await logs.send(new DescribeLogStreamsCommand({ logGroupName: '/paged', limit: 2, nextToken, ...input }));
        assert.ok(out.logStreams!.length <= 2);
        seen.push(...out.logStreams!.map((s) => s.logStreamName!));
        nextToken = out.nextToken;
      } while (nextToken);
      return seen;
    };
    assert.deepEqual(await pageThrough({}), names);
    assert.deepEqual(await pageThrough({ descending: true }), [...names].reverse());
    assert.deepEqual(await pageThrough({ orderBy: 'LastEventTime', descending: true }), ['a', 'c', 'e', 'd', 'b']);
    const first = await logs.send(new DescribeLogStreamsCommand({ logGroupName: '/paged', limit: 2 }));
    await assert.rejects(
      logs.send(new DescribeLogStreamsCommand({ logGroupName: '/paged', limit: 2, descending: true, nextToken: first.nextToken })),
      awsError('InvalidParameterException', 'The specified nextToken is invalid.'),
    );
    await assert.rejects(
      logs.send(new DescribeLogGroupsCommand({ nextToken: first.nextToken })),
      awsError('InvalidParameterException', 'The specified nextToken is invalid.'),
    );
  });

  it('filters log groups by a name pattern, where _ is not a wildcard', async () => {
    await logs.send(new CreateLogGroupCommand({ logGroupName: '/pattern/A_b' }));
    await logs.send(new CreateLogGroupCommand({ logGroupName: '/pattern/axb' }));
    const out = await logs.send(new DescribeLogGroupsCommand({ logGroupNamePattern: 'a_B' }));
    assert.deepEqual(out.logGroups!.map((g) => g.logGroupName), ['/pattern/A_b']);
  });

  it('pages FilterLogEvents with tokens bound to the filter', async () => {
    const now = server.clock.now();
    await logs.send(new PutLogEventsCommand({ logGroupName: '/paged', logStreamName: 'b', logEvents: [1, 2, 3].map((i) => ({ timestamp: now + i, message: `hit ${i}` })) }));
    const page1 = await logs.send(new FilterLogEventsCommand({ logGroupName: '/paged', filterPattern: 'hit', limit: 2 }));
    assert.deepEqual(page1.events!.map((e) => e.message), ['hit 1', 'hit 2']);
    const page2 = await logs.send(new FilterLogEventsCommand({ logGroupName: '/paged', filterPattern: 'hit', limit: 2, nextToken: page1.nextToken }));
    assert.deepEqual(page2.events!.map((e) => e.message), ['hit 3']);
    await assert.rejects(
      logs.send(new FilterLogEventsCommand({ logGroupName: '/paged', filterPattern: 'other', nextToken: page1.nextToken })),
      awsError('InvalidParameterException', 'The specified nextToken is invalid.'),
    );
  });

  it('reads a decimal limit as its integer part instead of failing (issue #10)', async () => {
    const provider = server.services.get('logs')!.provider as Record<string, (ctx: unknown, input: unknown) => Promise<any>>;
    const ctx = internalContext(server.clock, { accountId: '000000000000', region: 'us-east-1', service: 'logs' });
    const streams = await provider.DescribeLogStreams!(ctx, { logGroupName: '/paged', limit: 1.5 });
    assert.equal(streams.logStreams.length, 1);
    const groups = await provider.DescribeLogGroups!(ctx, { limit: 1.5 });
    assert.equal(groups.logGroups.length, 1);
    const events = await provider.GetLogEvents!(ctx, { logGroupName: '/paged', logStreamName: 'b', limit: 1.5, startFromHead: true });
    assert.equal(events.events.length, 1);
    const filtered = await provider.FilterLogEvents!(ctx, { logGroupName: '/paged', limit: 1.5 });
    assert.equal(filtered.events.length, 1);
    // Over the wire, whatever the reader makes of 1.5, the answer is not an internal failure.
    const res = await fetch(server.endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': 'Logs_20140328.DescribeLogStreams' },
      body: JSON.stringify({ logGroupName: '/paged', limit: 1.5 }),
    });
    assert.ok(res.status < 500, `${res.status} ${await res.text()}`);
  });

  it('tags log groups through the ARN and the name operations', async () => {
    await logs.send(new CreateLogGroupCommand({ logGroupName: '/tagged', tags: { team: 'a' } }));
    const arn = `${ARN}/tagged`;
    assert.deepEqual((await logs.send(new ListTagsForResourceCommand({ resourceArn: arn }))).tags, { team: 'a' });
    await logs.send(new TagResourceCommand({ resourceArn: arn, tags: { env: 'dev', team: 'b' } }));
    await logs.send(new TagLogGroupCommand({ logGroupName: '/tagged', tags: { cost: '1' } }));
    assert.deepEqual((await logs.send(new ListTagsLogGroupCommand({ logGroupName: '/tagged' }))).tags, { cost: '1', env: 'dev', team: 'b' });
    await logs.send(new UntagResourceCommand({ resourceArn: arn, tagKeys: ['env'] }));
    await logs.send(new UntagLogGroupCommand({ logGroupName: '/tagged', tags: ['cost'] }));
    assert.deepEqual((await logs.send(new ListTagsForResourceCommand({ resourceArn: arn }))).tags, { team: 'b' });

    await assert.rejects(
      logs.send(new ListTagsForResourceCommand({ resourceArn: 'arn:aws:logs:us-east-1:000000000000:destination:d' })),
      awsError('ValidationException', 'Invalid resourceArn'),
    );
    await assert.rejects(
      logs.send(new TagResourceCommand({ resourceArn: `${ARN}/missing`, tags: { a: 'b' } })),
      awsError('ResourceNotFoundException', 'The specified log group does not exist.'),
    );
    const many = Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`k${i}`, 'v']));
    await assert.rejects(logs.send(new TagResourceCommand({ resourceArn: arn, tags: many })), awsError('TooManyTagsException'));

    await logs.send(new DeleteLogGroupCommand({ logGroupName: '/tagged' }));
    await logs.send(new CreateLogGroupCommand({ logGroupName: '/tagged' }));
    assert.deepEqual((await logs.send(new ListTagsForResourceCommand({ resourceArn: arn }))).tags, {});
  });
});

describe('CloudWatch Logs tags kept in the old column', () => {
  it('moves them whole to the shared tags table at start-up, aws: keys included', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'stratus-logs-'));
    try {
      const first = await startServer({ config: { dataDir }, services: [logsService] });
      await first.db.tx((tx) =>
        tx.run("INSERT INTO logs_groups (account, region, name, created, class, stored_bytes, tags) VALUES ('000000000000', 'us-east-1', '/old', 1, 'STANDARD', 0, ?)", [
          JSON.stringify({ owner: 'me', 'aws:old': 'kept' }),
        ]),
      );
      await first.stop();
      const second = await startServer({ config: { dataDir }, services: [logsService] });
      try {
        const logs = new CloudWatchLogsClient(clientConfig(second.endpoint));
        assert.deepEqual((await logs.send(new ListTagsLogGroupCommand({ logGroupName: '/old' }))).tags, { 'aws:old': 'kept', owner: 'me' });
        assert.deepEqual(await second.db.all("SELECT tags FROM logs_groups WHERE name = '/old'"), [{ tags: null }]);
      } finally {
        await second.stop();
      }
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
