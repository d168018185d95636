import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { GetFunctionEventInvokeConfigCommand, InvokeCommand, PutFunctionEventInvokeConfigCommand, UpdateFunctionEventInvokeConfigCommand } from '@aws-sdk/client-lambda';
import { CreateQueueCommand, ReceiveMessageCommand } from '@aws-sdk/client-sqs';
import { awsError, createFunction } from './helpers.js';
import { logged, startEsmServer, stopEsmServer, until, type EsmContext } from './esm-helpers.js';

const Q = 'arn:aws:sqs:us-east-1:000000000000:';
const FN = 'arn:aws:lambda:us-east-1:000000000000:function:';

describe('Lambda asynchronous invocation destinations and dead-letter queues', () => {
  let t: EsmContext;
  before(async () => {
    t = await startEsmServer();
    await createFunction(t.lambda, 'dest', {
      'index.js': "exports.handler = async (e) => { if (e.fail) throw new Error('boom ' + e.n); return { echoed: e.n }; };",
    });
  });
  after(async () => {
    await stopEsmServer(t);
  });

  async function queue(name: string): Promise<string> {
    return (await t.sqs.send(new CreateQueueCommand({ QueueName: name }))).QueueUrl!;
  }

  const next = (url: string, advanceMs = 0) =>
    until(t, async () => (await t.sqs.send(new ReceiveMessageCommand({ QueueUrl: url, MessageAttributeNames: ['All'] }))).Messages?.[0], advanceMs, `a message on ${url}`);

  it('sends the documented invocation record to OnSuccess and OnFailure queues', async () => {
    const ok = await queue('on-success');
    const failed = await queue('on-failure');
    const config = await t.lambda.send(
      new PutFunctionEventInvokeConfigCommand({
        FunctionName: 'dest',
        MaximumRetryAttempts: 0,
        DestinationConfig: { OnSuccess: { Destination: `${Q}on-success` }, OnFailure: { Destination: `${Q}on-failure` } },
      }),
    );
    assert.deepEqual(config.DestinationConfig, { OnSuccess: { Destination: `${Q}on-success` }, OnFailure: { Destination: `${Q}on-failure` } });
    assert.deepEqual((await t.lambda.send(new GetFunctionEventInvokeConfigCommand({ FunctionName: 'dest' }))).DestinationConfig, config.DestinationConfig);

    const invoked = await t.lambda.send(new InvokeCommand({ FunctionName: 'dest', InvocationType: 'Event', Payload: Buffer.from('{"n":1}') }));
    const success = JSON.parse((await next(ok)).Body!);
    assert.deepEqual(Object.keys(success), ['version', 'timestamp', 'requestContext', 'requestPayload', 'responseContext', 'responsePayload']);
    assert.equal(success.version, '1.0');
    assert.match(success.timestamp, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    assert.deepEqual(success.requestContext, { requestId: invoked.$metadata.requestId, functionArn: `${FN}dest:$LATEST`, condition: 'Success', approximateInvokeCount: 1 });
    assert.deepEqual(success.requestPayload, { n: 1 });
    assert.deepEqual(success.responseContext, { statusCode: 200, executedVersion: '$LATEST' });
    assert.deepEqual(success.responsePayload, { echoed: 1 });

    await t.lambda.send(new InvokeCommand({ FunctionName: 'dest', InvocationType: 'Event', Payload: Buffer.from('{"n":2,"fail":true}') }));
    const failure = JSON.parse((await next(failed)).Body!);
    assert.equal(failure.requestContext.condition, 'RetriesExhausted');
    assert.equal(failure.requestContext.approximateInvokeCount, 1);
    assert.deepEqual(failure.requestPayload, { n: 2, fail: true });
    assert.deepEqual(failure.responseContext, { statusCode: 200, executedVersion: '$LATEST', functionError: 'Unhandled' });
    assert.equal(failure.responsePayload.errorType, 'Error');
    assert.equal(failure.responsePayload.errorMessage, 'boom 2');
  });

  it("sends a failed event to the function's dead-letter queue after its retries", async () => {
    const dlq = await queue('fn-dlq');
    await createFunction(
      t.lambda,
      'with-dlq',
      { 'index.js': "exports.handler = async (e) => { console.log('attempt', JSON.stringify(e.n)); throw new Error('always ' + e.n); };" },
      { DeadLetterConfig: { TargetArn: `${Q}fn-dlq` } },
    );
    await t.lambda.send(new PutFunctionEventInvokeConfigCommand({ FunctionName: 'with-dlq', MaximumRetryAttempts: 1 }));
    const invoked = await t.lambda.send(new InvokeCommand({ FunctionName: 'with-dlq', InvocationType: 'Event', Payload: Buffer.from('{"n":7}') }));
    // The first attempt runs (and its environment starts) before the platform clock moves: the retry comes a minute later.
    await logged(t, 'with-dlq', 'attempt', 1);
    const m = await next(dlq, 61_000);
    assert.equal((await logged(t, 'with-dlq', 'attempt', 2)).length, 2);
    assert.equal(m.Body, '{"n":7}');
    assert.equal(m.MessageAttributes!.RequestID!.StringValue, invoked.$metadata.requestId);
    assert.equal(m.MessageAttributes!.ErrorCode!.StringValue, '200');
    assert.equal(m.MessageAttributes!.ErrorMessage!.StringValue, 'always 7');
  });

  it('updates one setting and keeps the others; refuses destinations AWS refuses', async () => {
    const updated = await t.lambda.send(new UpdateFunctionEventInvokeConfigCommand({ FunctionName: 'dest', MaximumEventAgeInSeconds: 600 }));
    assert.equal(updated.MaximumEventAgeInSeconds, 600);
    assert.equal(updated.MaximumRetryAttempts, 0);
    assert.equal(updated.DestinationConfig!.OnSuccess!.Destination, `${Q}on-success`);
    const bad = (message: string) => awsError('InvalidParameterValueException', 400, message);
    await assert.rejects(
      t.lambda.send(new PutFunctionEventInvokeConfigCommand({ FunctionName: 'dest', DestinationConfig: { OnFailure: { Destination: 'arn:aws:s3:::bucket' } } })),
      bad('The provided destination config DestinationConfig(onSuccess=null, onFailure=OnFailure(destination=arn:aws:s3:::bucket)) is invalid.'),
    );
    await assert.rejects(
      t.lambda.send(new PutFunctionEventInvokeConfigCommand({ FunctionName: 'dest', DestinationConfig: { OnSuccess: { Destination: `${FN}dest` } } })),
      bad("You can't specify the function as a destination for itself."),
    );
    await assert.rejects(
      t.lambda.send(new PutFunctionEventInvokeConfigCommand({ FunctionName: 'dest', DestinationConfig: { OnSuccess: { Destination: `${FN}missing` } } })),
      bad(`The destination ARN ${FN}missing is invalid.`),
    );
    await assert.rejects(
      t.lambda.send(new UpdateFunctionEventInvokeConfigCommand({ FunctionName: 'with-dlq-none', MaximumRetryAttempts: 1 })),
      (e: Error) => e.name === 'ResourceNotFoundException',
    );
  });
});
