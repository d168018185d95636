import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import { CreateTableCommand, DynamoDBClient, PutItemCommand } from '@aws-sdk/client-dynamodb';
import { CreateStreamCommand, PutRecordCommand, type KinesisClient } from '@aws-sdk/client-kinesis';
import { CreateEventSourceMappingCommand, GetEventSourceMappingCommand, LambdaClient, UpdateEventSourceMappingCommand } from '@aws-sdk/client-lambda';
import { SQSClient } from '@aws-sdk/client-sqs';
import { definition as kinesisService } from '../../src/services/kinesis/index.js';
import { clientConfig, startServer } from '../helpers/server.js';
import { kinesisClient } from '../services/kinesis/helpers.js';
import { ESM_SERVICES, logged, type EsmContext } from './esm-helpers.js';
import { createFunction } from './helpers.js';

/**
 * Sums the `n` of its records into `state.total` and logs each invocation; the first time it sees
 * n = 99 it answers without a state (a failed invocation, so the batch is sent again).
 */
const AGGREGATOR = (decode: string) => `let refused = false;
exports.handler = async (e) => {
  const ns = e.Records.map((r) => ${decode});
  console.log('win', JSON.stringify({ ns, window: e.window, state: e.state, shardId: e.shardId, eventSourceARN: e.eventSourceARN, final: e.isFinalInvokeForWindow, early: e.isWindowTerminatedEarly, keys: Object.keys(e) }));
  if (ns.includes(99) && !refused) { refused = true; return { batchItemFailures: [] }; }
  return { state: { total: (e.state.total || 0) + ns.reduce((a, b) => a + b, 0) }, batchItemFailures: [] };
};`;

interface Invocation {
  ns: number[];
  window: { start: string; end: string };
  state: { total?: number };
  shardId: string;
  eventSourceARN: string;
  final: boolean;
  early: boolean;
  keys: string[];
}

const WINDOW_S = 60;

describe('Lambda event-source mappings: tumbling windows', () => {
  let t: EsmContext;
  let kinesis: KinesisClient;
  before(async () => {
    const server = await startServer({ config: { services: { lambda: { idleTimeoutSeconds: 600 } } }, services: [...ESM_SERVICES, kinesisService] });
    const c = clientConfig(server.endpoint);
    t = { server, lambda: new LambdaClient(c), sqs: new SQSClient(c), ddb: new DynamoDBClient(c), logs: new CloudWatchLogsClient(c) };
    kinesis = kinesisClient(server.endpoint);
  });
  after(async () => {
    await t.server.stop();
    for (const c of [t.lambda, t.sqs, t.ddb, t.logs, kinesis]) c.destroy();
  });

  /** Moves the platform clock just past the start of the next window, and answers that window's start. */
  function toNextWindow(): number {
    const now = t.server.clock.now();
    const start = now - (now % (WINDOW_S * 1000)) + WINDOW_S * 1000;
    t.server.clock.advance(start - now + 5);
    return start;
  }
  const iso = (ms: number): string => new Date(ms).toISOString().replace('.000Z', 'Z');

  /** Checks the invocations of one window: state carried from each to the next, then the final invoke. */
  function checkWindow(calls: Invocation[], start: number, arn: string, shard: string, expected: number[]): void {
    const window = { start: iso(start), end: iso(start + WINDOW_S * 1000) };
    const batches = calls.filter((c) => !c.final);
    let total = 0;
    let accepted = false;
    const refused = batches.find((b) => b.ns.includes(99));
    for (const c of batches) {
      assert.deepEqual(c.window, window);
      assert.equal(c.shardId, shard);
      assert.equal(c.eventSourceARN, arn);
      assert.equal(c.early, false);
      assert.deepEqual(c.keys, ['Records', 'window', 'state', 'shardId', 'eventSourceARN', 'isFinalInvokeForWindow', 'isWindowTerminatedEarly']);
      // The state the function answered last (the refused invocation's batch comes again with the same state).
      assert.deepEqual(c.state, accepted ? { total } : {});
      if (c !== refused) {
        total += c.ns.reduce((a, b) => a + b, 0);
        accepted = true;
      }
    }
    const seen = [...new Set(batches.flatMap((c) => c.ns))].sort((a, b) => a - b);
    assert.deepEqual(seen, expected);
    const finals = calls.filter((c) => c.final);
    assert.equal(finals.length, 1);
    assert.deepEqual(finals[0]!.ns, []);
    assert.deepEqual(finals[0]!.window, window);
    assert.deepEqual(finals[0]!.state, { total: expected.reduce((a, b) => a + b, 0) });
    assert.equal(finals[0]!.early, false);
  }

  it('Kinesis: carries the state between the batches of a window, and makes the final invoke when the platform clock passes its end', async () => {
    await createFunction(t.lambda, 'k-window', { 'index.js': AGGREGATOR("JSON.parse(Buffer.from(r.kinesis.data, 'base64').toString()).n") });
    await kinesis.send(new CreateStreamCommand({ StreamName: 'k-window', ShardCount: 1 }));
    const arn = 'arn:aws:kinesis:us-east-1:000000000000:stream/k-window';
    const m = await t.lambda.send(
      new CreateEventSourceMappingCommand({ FunctionName: 'k-window', EventSourceArn: arn, StartingPosition: 'TRIM_HORIZON', BatchSize: 2, TumblingWindowInSeconds: WINDOW_S }),
    );
    assert.equal(m.TumblingWindowInSeconds, WINDOW_S);
    assert.equal((await t.lambda.send(new GetEventSourceMappingCommand({ UUID: m.UUID }))).TumblingWindowInSeconds, WINDOW_S);
    const start = toNextWindow();
    for (const n of [1, 2, 99, 3, 4]) await kinesis.send(new PutRecordCommand({ StreamName: 'k-window', PartitionKey: `p${n}`, Data: Buffer.from(JSON.stringify({ n })) }));
    const put = async (n: number) => kinesis.send(new PutRecordCommand({ StreamName: 'k-window', PartitionKey: 'p', Data: Buffer.from(JSON.stringify({ n })) }));
    // Every record is processed within the window (the refused batch twice); no final invoke yet.
    const expected = [1, 2, 3, 4, 99];
    let calls: Invocation[] = [];
    for (let i = 0; i < 400; i++) {
      calls = await logged<Invocation>(t, 'k-window', 'win', 1);
      if (expected.every((n) => calls.some((c) => c.ns.includes(n)))) break;
      await new Promise((r) => setTimeout(r, 25));
    }
    assert.equal(calls.filter((c) => c.final).length, 0);
    // The window ends on the platform clock: the final invoke, with no records and the whole state.
    t.server.clock.advance(WINDOW_S * 1000);
    const after = await logged<Invocation>(t, 'k-window', 'win', calls.length + 1);
    checkWindow(after, start, arn, 'shardId-000000000000', expected);
    // The batch answered without a state failed, and was sent again.
    assert.equal(after.filter((c) => c.ns.includes(99)).length, 2);
    // A record of the next window starts with a fresh state.
    await put(7);
    const next = await logged<Invocation>(t, 'k-window', 'win', after.length + 1);
    const fresh = next[next.length - 1]!;
    assert.deepEqual(fresh.ns, [7]);
    assert.deepEqual(fresh.state, {});
    assert.equal(fresh.final, false);
    assert.deepEqual(fresh.window, { start: iso(start + WINDOW_S * 1000), end: iso(start + 2 * WINDOW_S * 1000) });
  });

  it('a state over 1 MB ends the window early: a final invoke with isWindowTerminatedEarly, then the same window with a fresh state', async () => {
    const code = `exports.handler = async (e) => {
  const ns = e.Records.map((r) => JSON.parse(Buffer.from(r.kinesis.data, 'base64').toString()).n);
  console.log('win', JSON.stringify({ ns, window: e.window, stateSize: JSON.stringify(e.state).length, final: e.isFinalInvokeForWindow, early: e.isWindowTerminatedEarly }));
  return { state: ns.includes(2) ? { big: 'x'.repeat(1100000) } : { n: ns.length } };
};`;
    await createFunction(t.lambda, 'k-early', { 'index.js': code });
    await kinesis.send(new CreateStreamCommand({ StreamName: 'k-early', ShardCount: 1 }));
    const arn = 'arn:aws:kinesis:us-east-1:000000000000:stream/k-early';
    await t.lambda.send(new CreateEventSourceMappingCommand({ FunctionName: 'k-early', EventSourceArn: arn, StartingPosition: 'TRIM_HORIZON', BatchSize: 1, TumblingWindowInSeconds: WINDOW_S }));
    const start = toNextWindow();
    for (const n of [1, 2, 3]) await kinesis.send(new PutRecordCommand({ StreamName: 'k-early', PartitionKey: 'p', Data: Buffer.from(JSON.stringify({ n })) }));
    type Call = { ns: number[]; window: { start: string }; stateSize: number; final: boolean; early: boolean };
    const calls = await logged<Call>(t, 'k-early', 'win', 4);
    assert.deepEqual(calls.map((c) => [c.ns, c.final, c.early]), [[[1], false, false], [[2], false, false], [[], true, true], [[3], false, false]]);
    assert.ok(calls[2]!.stateSize > 1_000_000);
    // After the early end, the window goes on with a fresh state.
    assert.equal(calls[3]!.stateSize, 2);
    for (const c of calls) assert.equal(c.window.start, iso(start));
  });

  it('DynamoDB Streams: the same, with the window of each record\'s ApproximateCreationDateTime', async () => {
    await createFunction(t.lambda, 'd-window', { 'index.js': AGGREGATOR('Number(r.dynamodb.NewImage.n.N)') });
    const table = await t.ddb.send(
      new CreateTableCommand({
        TableName: 'd-window',
        KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
        AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }],
        BillingMode: 'PAY_PER_REQUEST',
        StreamSpecification: { StreamEnabled: true, StreamViewType: 'NEW_IMAGE' },
      }),
    );
    const arn = table.TableDescription!.LatestStreamArn!;
    const m = await t.lambda.send(new CreateEventSourceMappingCommand({ FunctionName: 'd-window', EventSourceArn: arn, StartingPosition: 'LATEST', BatchSize: 3, TumblingWindowInSeconds: WINDOW_S }));
    const start = toNextWindow();
    for (const n of [5, 6, 7, 8]) await t.ddb.send(new PutItemCommand({ TableName: 'd-window', Item: { id: { S: `i${n}` }, n: { N: String(n) } } }));
    let calls: Invocation[] = [];
    for (let i = 0; i < 400; i++) {
      calls = await logged<Invocation>(t, 'd-window', 'win', 1);
      if ([5, 6, 7, 8].every((n) => calls.some((c) => c.ns.includes(n)))) break;
      await new Promise((r) => setTimeout(r, 25));
    }
    t.server.clock.advance(WINDOW_S * 1000);
    const after = await logged<Invocation>(t, 'd-window', 'win', calls.length + 1);
    checkWindow(after, start, arn, (after[0]!.shardId), [5, 6, 7, 8]);
    assert.match(after[0]!.shardId, /^shardId-/);
    // The setting can be changed, within AWS's range (0-900; 0 turns windows off).
    assert.equal((await t.lambda.send(new UpdateEventSourceMappingCommand({ UUID: m.UUID, TumblingWindowInSeconds: 0 }))).TumblingWindowInSeconds, 0);
    await assert.rejects(t.lambda.send(new UpdateEventSourceMappingCommand({ UUID: m.UUID, TumblingWindowInSeconds: 901 })), (e: Error) => {
      assert.equal(e.name, 'ValidationException');
      assert.match(e.message, /Value '901' at 'tumblingWindowInSeconds' failed to satisfy constraint: Member must have value less than or equal to 900/);
      return true;
    });
  });
});
