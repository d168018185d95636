import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import {
  CreateEventSourceMappingCommand,
  DeleteEventSourceMappingCommand,
  GetEventSourceMappingCommand,
  ListEventSourceMappingsCommand,
  UpdateEventSourceMappingCommand,
} from '@aws-sdk/client-lambda';
import { CreateQueueCommand, GetQueueAttributesCommand, ReceiveMessageCommand, SendMessageBatchCommand, SendMessageCommand } from '@aws-sdk/client-sqs';
import { awsError, createFunction } from './helpers.js';
import { logged, startEsmServer, stopEsmServer, until, type EsmContext } from './esm-helpers.js';

const ARN = 'arn:aws:sqs:us-east-1:000000000000:';

/** Logs each record; reports the records whose body contains "fail" as failures. */
const REPORTING = `exports.handler = async (e) => {
  for (const r of e.Records) console.log('rec', JSON.stringify(r));
  return { batchItemFailures: e.Records.filter((r) => r.body.includes('fail')).map((r) => ({ itemIdentifier: r.messageId })) };
};`;

describe('Lambda event-source mappings: SQS', () => {
  let t: EsmContext;
  before(async () => {
    t = await startEsmServer();
  });
  after(async () => {
    await stopEsmServer(t);
  });

  async function queue(name: string, attributes: Record<string, string> = {}): Promise<string> {
    return (await t.sqs.send(new CreateQueueCommand({ QueueName: name, Attributes: attributes }))).QueueUrl!;
  }

  async function counts(url: string): Promise<{ visible: number; inFlight: number }> {
    const a = (await t.sqs.send(new GetQueueAttributesCommand({ QueueUrl: url, AttributeNames: ['All'] }))).Attributes!;
    return { visible: Number(a.ApproximateNumberOfMessages), inFlight: Number(a.ApproximateNumberOfMessagesNotVisible) };
  }

  it('delivers the documented SQS event; with ReportBatchItemFailures only the failed message comes back, then goes to the DLQ', async () => {
    await createFunction(t.lambda, 'sqs-partial', { 'index.js': REPORTING });
    const dlq = await queue('partial-dlq');
    const url = await queue('partial', { VisibilityTimeout: '30', RedrivePolicy: JSON.stringify({ deadLetterTargetArn: `${ARN}partial-dlq`, maxReceiveCount: 2 }) });
    const created = await t.lambda.send(
      new CreateEventSourceMappingCommand({ FunctionName: 'sqs-partial', EventSourceArn: `${ARN}partial`, BatchSize: 10, FunctionResponseTypes: ['ReportBatchItemFailures'] }),
    );
    assert.equal(created.State, 'Creating');
    assert.equal(created.StateTransitionReason, 'USER_INITIATED');
    assert.equal(created.BatchSize, 10);
    assert.equal(created.MaximumBatchingWindowInSeconds, 0);
    assert.equal(created.FunctionArn, 'arn:aws:lambda:us-east-1:000000000000:function:sqs-partial');
    assert.equal(created.EventSourceMappingArn, `arn:aws:lambda:us-east-1:000000000000:event-source-mapping:${created.UUID}`);
    assert.match(created.UUID!, /^[0-9a-f-]{36}$/);
    assert.equal((await t.lambda.send(new GetEventSourceMappingCommand({ UUID: created.UUID }))).State, 'Enabled');

    await t.sqs.send(
      new SendMessageBatchCommand({
        QueueUrl: url,
        Entries: [
          { Id: 'a', MessageBody: 'ok-1', MessageAttributes: { color: { DataType: 'String', StringValue: 'red' } } },
          { Id: 'b', MessageBody: 'fail-1' },
          { Id: 'c', MessageBody: 'ok-2' },
        ],
      }),
    );
    const first = await logged(t, 'sqs-partial', 'rec', 3);
    const ok = first.find((r) => r.body === 'ok-1');
    assert.deepEqual(Object.keys(ok).sort(), ['attributes', 'awsRegion', 'body', 'eventSource', 'eventSourceARN', 'md5OfBody', 'md5OfMessageAttributes', 'messageAttributes', 'messageId', 'receiptHandle']);
    assert.equal(ok.eventSource, 'aws:sqs');
    assert.equal(ok.eventSourceARN, `${ARN}partial`);
    assert.equal(ok.awsRegion, 'us-east-1');
    assert.equal(ok.md5OfBody, createHash('md5').update('ok-1').digest('hex'));
    assert.deepEqual(ok.messageAttributes, { color: { stringValue: 'red', stringListValues: [], binaryListValues: [], dataType: 'String' } });
    assert.equal(ok.attributes.ApproximateReceiveCount, '1');
    assert.ok(ok.attributes.SentTimestamp && ok.attributes.SenderId && ok.attributes.ApproximateFirstReceiveTimestamp);
    // The successes are deleted; the failure stays in flight until its visibility timeout ends.
    assert.deepEqual(await until(t, async () => { const c = await counts(url); return c.inFlight === 1 && c.visible === 0 ? c : undefined; }), { visible: 0, inFlight: 1 });

    // It comes back once (receive count 2), fails again, and the next receive moves it to the DLQ.
    const again = await logged(t, 'sqs-partial', 'rec', 4, 31_000);
    assert.deepEqual(again.filter((r) => r.body === 'fail-1').map((r) => r.attributes.ApproximateReceiveCount), ['1', '2']);
    const dead = await until(t, async () => (await t.sqs.send(new ReceiveMessageCommand({ QueueUrl: dlq, WaitTimeSeconds: 0 }))).Messages?.[0], 31_000, 'the DLQ message');
    assert.equal(dead.Body, 'fail-1');
    assert.equal((await logged(t, 'sqs-partial', 'rec', 4)).length, 4);
  });

  it('keeps FIFO order within a message group', async () => {
    await createFunction(t.lambda, 'sqs-fifo', { 'index.js': "exports.handler = async (e) => { for (const r of e.Records) console.log('rec', JSON.stringify({ g: r.attributes.MessageGroupId, b: r.body })); };" });
    const url = await queue('ordered.fifo', { FifoQueue: 'true', ContentBasedDeduplication: 'true' });
    await t.lambda.send(new CreateEventSourceMappingCommand({ FunctionName: 'sqs-fifo', EventSourceArn: `${ARN}ordered.fifo`, BatchSize: 3 }));
    for (let i = 0; i < 12; i++) await t.sqs.send(new SendMessageCommand({ QueueUrl: url, MessageBody: `m${i}`, MessageGroupId: `g${i % 2}` }));
    const recs = await logged<{ g: string; b: string }>(t, 'sqs-fifo', 'rec', 12);
    for (const g of ['g0', 'g1']) {
      const bodies = recs.filter((r) => r.g === g).map((r) => Number(r.b.slice(1)));
      assert.deepEqual(bodies, [...bodies].sort((a, b) => a - b), `group ${g} out of order: ${bodies}`);
      assert.equal(bodies.length, 6);
    }
  });

  it('passes only messages matching the filter criteria, and deletes the others', async () => {
    await createFunction(t.lambda, 'sqs-filter', { 'index.js': "exports.handler = async (e) => { for (const r of e.Records) console.log('rec', JSON.stringify(r.body)); };" });
    const url = await queue('filtered');
    await t.lambda.send(
      new CreateEventSourceMappingCommand({ FunctionName: 'sqs-filter', EventSourceArn: `${ARN}filtered`, FilterCriteria: { Filters: [{ Pattern: JSON.stringify({ body: { kind: ['order'] } }) }] } }),
    );
    for (const body of ['{"kind":"order","n":1}', '{"kind":"refund"}', 'plain text', '{"kind":"order","n":2}']) await t.sqs.send(new SendMessageCommand({ QueueUrl: url, MessageBody: body }));
    const bodies = await logged<string>(t, 'sqs-filter', 'rec', 2);
    assert.deepEqual(bodies.map((b) => JSON.parse(b).n).sort(), [1, 2]);
    await until(t, async () => { const c = await counts(url); return c.visible + c.inFlight === 0 ? true : undefined; }, 0, 'the filtered-out messages deleted');
  });

  it('updates, disables, lists and deletes mappings with the states AWS reports', async () => {
    await createFunction(t.lambda, 'sqs-crud', { 'index.js': 'exports.handler = async () => {};' });
    await queue('crud');
    const m = await t.lambda.send(new CreateEventSourceMappingCommand({ FunctionName: 'sqs-crud', EventSourceArn: `${ARN}crud`, Enabled: false }));
    assert.equal((await t.lambda.send(new GetEventSourceMappingCommand({ UUID: m.UUID }))).State, 'Disabled');
    const enabling = await t.lambda.send(new UpdateEventSourceMappingCommand({ UUID: m.UUID, Enabled: true, BatchSize: 5 }));
    assert.equal(enabling.State, 'Enabling');
    assert.equal(enabling.BatchSize, 5);
    assert.equal((await t.lambda.send(new UpdateEventSourceMappingCommand({ UUID: m.UUID, BatchSize: 6 }))).State, 'Updating');
    assert.equal((await t.lambda.send(new UpdateEventSourceMappingCommand({ UUID: m.UUID, Enabled: false }))).State, 'Disabling');
    const byFunction = await t.lambda.send(new ListEventSourceMappingsCommand({ FunctionName: 'sqs-crud' }));
    assert.deepEqual(byFunction.EventSourceMappings!.map((x) => x.UUID), [m.UUID]);
    const bySource = await t.lambda.send(new ListEventSourceMappingsCommand({ EventSourceArn: `${ARN}crud` }));
    assert.deepEqual(bySource.EventSourceMappings!.map((x) => x.UUID), [m.UUID]);
    const page = await t.lambda.send(new ListEventSourceMappingsCommand({ MaxItems: 1 }));
    assert.equal(page.EventSourceMappings!.length, 1);
    assert.ok(page.NextMarker);
    const next = await t.lambda.send(new ListEventSourceMappingsCommand({ MaxItems: 1, Marker: page.NextMarker }));
    assert.notEqual(next.EventSourceMappings![0]!.UUID, page.EventSourceMappings![0]!.UUID);
    assert.equal((await t.lambda.send(new DeleteEventSourceMappingCommand({ UUID: m.UUID }))).State, 'Deleting');
    await assert.rejects(t.lambda.send(new GetEventSourceMappingCommand({ UUID: m.UUID })), awsError('ResourceNotFoundException', 404, 'The resource you requested does not exist.'));
  });

  it('ScalingConfig.MaximumConcurrency: shown by Get, List and Update, and no more invocations at once than it allows', async () => {
    await createFunction(t.lambda, 'sqs-scaled', { 'index.js': "exports.handler = async (e) => { await new Promise((r) => setTimeout(r, 150)); console.log('done', JSON.stringify(e.Records.length)); };" });
    const url = await queue('scaled');
    await t.sqs.send(new SendMessageBatchCommand({ QueueUrl: url, Entries: Array.from({ length: 10 }, (_, i) => ({ Id: String(i), MessageBody: `m${i}` })) }));
    await t.sqs.send(new SendMessageBatchCommand({ QueueUrl: url, Entries: Array.from({ length: 10 }, (_, i) => ({ Id: String(i), MessageBody: `n${i}` })) }));
    const pool = (t.server.services.get('lambda')!.provider as unknown as { pool: { stats(): { busy: number } } }).pool;
    let most = 0;
    const sampler = setInterval(() => (most = Math.max(most, pool.stats().busy)), 2);
    const m = await t.lambda.send(new CreateEventSourceMappingCommand({ FunctionName: 'sqs-scaled', EventSourceArn: `${ARN}scaled`, BatchSize: 1, ScalingConfig: { MaximumConcurrency: 2 } }));
    assert.deepEqual(m.ScalingConfig, { MaximumConcurrency: 2 });
    try {
      const done = await logged<number>(t, 'sqs-scaled', 'done', 20);
      assert.deepEqual(done, Array(20).fill(1));
    } finally {
      clearInterval(sampler);
    }
    assert.ok(most >= 1 && most <= 2, `at most 2 invocations at once (saw ${most})`);
    assert.deepEqual((await t.lambda.send(new GetEventSourceMappingCommand({ UUID: m.UUID }))).ScalingConfig, { MaximumConcurrency: 2 });
    const listed = await t.lambda.send(new ListEventSourceMappingsCommand({ EventSourceArn: `${ARN}scaled` }));
    assert.deepEqual(listed.EventSourceMappings![0]!.ScalingConfig, { MaximumConcurrency: 2 });
    const raised = await t.lambda.send(new UpdateEventSourceMappingCommand({ UUID: m.UUID, ScalingConfig: { MaximumConcurrency: 1000 } }));
    assert.deepEqual(raised.ScalingConfig, { MaximumConcurrency: 1000 });
    // An empty ScalingConfig removes the limit.
    const cleared = await t.lambda.send(new UpdateEventSourceMappingCommand({ UUID: m.UUID, ScalingConfig: {} }));
    assert.equal(cleared.ScalingConfig, undefined);
    assert.equal((await t.lambda.send(new GetEventSourceMappingCommand({ UUID: m.UUID }))).ScalingConfig, undefined);
    for (const [value, rule] of [[1, 'greater than or equal to 2'], [1001, 'less than or equal to 1000']] as const) {
      await assert.rejects(
        t.lambda.send(new UpdateEventSourceMappingCommand({ UUID: m.UUID, ScalingConfig: { MaximumConcurrency: value } })),
        awsError('ValidationException', 400, `1 validation error detected: Value '${value}' at 'scalingConfig.maximumConcurrency' failed to satisfy constraint: Member must have value ${rule}`),
      );
    }
  });

  it("answers AWS's errors for bad settings", async () => {
    await createFunction(t.lambda, 'sqs-errors', { 'index.js': 'exports.handler = async () => {};' });
    await queue('errors');
    await queue('errors.fifo', { FifoQueue: 'true' });
    const create = (input: Record<string, unknown>) => t.lambda.send(new CreateEventSourceMappingCommand({ FunctionName: 'sqs-errors', EventSourceArn: `${ARN}errors`, ...input }));
    const bad = (message: string) => awsError('InvalidParameterValueException', 400, message);
    await assert.rejects(create({ BatchSize: 100 }), bad('Maximum batch window in seconds must be greater than 0 if maximum batch size is greater than 10'));
    await assert.rejects(create({ EventSourceArn: `${ARN}errors.fifo`, BatchSize: 20, MaximumBatchingWindowInSeconds: 1 }), bad('Maximum batch size must be between 1 and 10 inclusive'));
    await assert.rejects(create({ StartingPosition: 'LATEST' }), bad(`Unsupported starting position for arn type: ${ARN}errors`));
    await assert.rejects(create({ DestinationConfig: { OnFailure: { Destination: `${ARN}errors` } } }), bad('Unsupported DestinationConfig parameter for given event source mapping type.'));
    await assert.rejects(create({ FilterCriteria: { Filters: [{ Pattern: '{"body": "not-a-list"}' }] } }), bad('Invalid filter pattern definition.'));
    await assert.rejects(create({ EventSourceArn: `${ARN}missing` }), bad('Error occurred while ReceiveMessage. SQS Error Code: AWS.SimpleQueueService.NonExistentQueue. SQS Error Message: The specified queue does not exist.'));
    await assert.rejects(create({ FunctionName: 'no-such-function' }), bad('Function does not exist'));
    await assert.rejects(create({ EventSourceArn: 'arn:aws:kinesis:us-east-1:000000000000:stream/nope' }), bad('Stream not found: arn:aws:kinesis:us-east-1:000000000000:stream/nope'));
    await assert.rejects(create({ BatchSize: 0 }), (e: Error) => e.name === 'ValidationException');
    const m = await create({});
    await assert.rejects(
      create({}),
      awsError(
        'ResourceConflictException',
        409,
        `An event source mapping with SQS arn (" ${ARN}errors ") and function (" sqs-errors ") already exists. Please update or delete the existing mapping with UUID ${m.UUID}`,
      ),
    );
    await assert.rejects(t.lambda.send(new UpdateEventSourceMappingCommand({ UUID: 'nope', BatchSize: 1 })), awsError('ResourceNotFoundException', 404, 'The resource you requested does not exist.'));
  });
});
