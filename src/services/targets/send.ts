/**
 * Delivery of one payload to an AWS resource named by its ARN, shared by EventBridge rule targets and
 * EventBridge Scheduler's templated targets: Lambda (asynchronous Invoke), SQS (SendMessage, a FIFO
 * queue's group id), SNS (Publish), Step Functions (StartExecution), CloudWatch Logs (a log group),
 * Kinesis (PutRecord). Each call goes through `serviceClient`, so the target answers as it would a
 * call from outside. A failure is a `DeliveryError` with the error code the services put in their
 * dead-letter messages and whether the documented retry policy applies to it.
 *
 * Not a service: this folder has no index.ts, so the registry does not load it.
 */
import { parseArn, type Arn } from '../../aws/arn.js';
import { isAwsError } from '../../aws/errors.js';
import type { LambdaApi } from '../../generated/lambda.js';
import type { SNSApi } from '../../generated/sns.js';
import type { SQSApi } from '../../generated/sqs.js';
import type { SFNApi } from '../../generated/stepfunctions.js';
import { serviceClient, type CallerScope } from '../clients.js';
import type { Platform } from '../service.js';

/**
 * The part of Kinesis's interface a target uses, typed here so that this target works as
 * soon as that service is loaded (serviceClient answers undefined while it is not).
 */
interface KinesisPutRecord {
  PutRecord(ctx: unknown, input: { StreamARN: string; Data: Uint8Array; PartitionKey: string }): Promise<unknown>;
}

export class DeliveryError extends Error {
  constructor(
    /** The dead-letter ERROR_CODE: NO_RESOURCE, THROTTLING, SDK_CLIENT_ERROR, ... */
    readonly code: string,
    message: string,
    /** Whether the retry policy applies (throttling, a server fault); a missing resource is not retried. */
    readonly retryable: boolean,
  ) {
    super(message);
  }
}

export interface Delivery {
  /** The target resource. */
  readonly arn: string;
  /** The payload text (JSON for every target but a plain-text Input). */
  readonly payload: string;
  /** SqsParameters.MessageGroupId for a FIFO queue. */
  readonly messageGroupId?: string;
  /** A deduplication id for FIFO queues and topics (the event or execution id). */
  readonly deduplicationId?: string;
  /** Kinesis partition key. */
  readonly partitionKey?: string;
  /** Log stream name for a CloudWatch Logs target. */
  readonly logStreamName?: string;
  /** Time of a log event for a CloudWatch Logs target. */
  readonly timestamp?: number;
  /** Whose call it is (the request id is carried into the target's logs). */
  readonly requestId?: string;
}

/** The kinds of ARN `send` delivers to; anything else is refused when the target is created. */
export function targetKind(arn: string): 'lambda' | 'sqs' | 'sns' | 'states' | 'logs' | 'kinesis' | 'events' | undefined {
  const a = parseArn(arn);
  if (!a) return undefined;
  switch (a.service) {
    case 'lambda':
      return a.resource.startsWith('function:') ? 'lambda' : undefined;
    case 'sqs':
      return 'sqs';
    case 'sns':
      return 'sns';
    case 'states':
      return a.resource.startsWith('stateMachine:') ? 'states' : undefined;
    case 'logs':
      return a.resource.startsWith('log-group:') ? 'logs' : undefined;
    case 'kinesis':
      return a.resource.startsWith('stream/') ? 'kinesis' : undefined;
    case 'events':
      return a.resource.startsWith('event-bus/') ? 'events' : undefined;
    default:
      return undefined;
  }
}

/** Delivers the payload to a Lambda, SQS, SNS, Step Functions, Logs or Kinesis target; throws DeliveryError. */
export async function send(platform: Platform, d: Delivery): Promise<void> {
  const arn = parseArn(d.arn);
  const kind = targetKind(d.arn);
  if (!arn || !kind || kind === 'events') throw new DeliveryError('SDK_CLIENT_ERROR', `Target ${d.arn} is not supported.`, false);
  const scope: CallerScope = { accountId: arn.account, region: arn.region, requestId: d.requestId };
  try {
    switch (kind) {
      case 'lambda':
        return await toLambda(platform, scope, d);
      case 'sqs':
        return await toSqs(platform, scope, arn, d);
      case 'sns':
        return await toSns(platform, scope, d);
      case 'states':
        return await toStepFunctions(platform, scope, d);
      case 'logs':
        return toLogs(platform, arn, d);
      case 'kinesis':
        return await toKinesis(platform, scope, d);
    }
  } catch (e) {
    throw asDeliveryError(e);
  }
}

/** A target service's error as a delivery failure: missing resources and bad requests are final, throttling and faults are retried. */
export function asDeliveryError(e: unknown): DeliveryError {
  if (e instanceof DeliveryError) return e;
  if (!isAwsError(e)) return new DeliveryError('INTERNAL_ERROR', e instanceof Error ? e.message : String(e), true);
  if (/NotFound|DoesNotExist|NonExistent/.test(e.code)) return new DeliveryError('NO_RESOURCE', e.message, false);
  if (/Throttl|TooManyRequests|LimitExceeded|RequestLimit/.test(e.code) || e.status === 429) return new DeliveryError('THROTTLING', e.message, true);
  if (e.code === 'NotImplemented') return new DeliveryError('SDK_CLIENT_ERROR', e.message, false);
  if (e.status >= 500) return new DeliveryError('ERROR_FROM_TARGET', e.message, true);
  return new DeliveryError('SDK_CLIENT_ERROR', `${e.code}: ${e.message}`, false);
}

function unavailable(service: string): DeliveryError {
  return new DeliveryError('NO_RESOURCE', `${service} is not available in this Stratus.`, false);
}

async function toLambda(platform: Platform, scope: CallerScope, d: Delivery): Promise<void> {
  const lambda = serviceClient<LambdaApi>(platform, 'lambda', scope);
  if (!lambda) throw unavailable('Lambda');
  await lambda.Invoke({ FunctionName: d.arn, InvocationType: 'Event', Payload: Buffer.from(d.payload, 'utf8') });
}

async function toSqs(platform: Platform, scope: CallerScope, arn: Arn, d: Delivery): Promise<void> {
  const sqs = serviceClient<SQSApi>(platform, 'sqs', scope);
  if (!sqs) throw unavailable('SQS');
  const fifo = arn.resource.endsWith('.fifo');
  await sqs.SendMessage({
    QueueUrl: `/${arn.account}/${arn.resource}`,
    MessageBody: d.payload,
    ...(fifo ? { MessageGroupId: d.messageGroupId, MessageDeduplicationId: d.deduplicationId } : {}),
  });
}

async function toSns(platform: Platform, scope: CallerScope, d: Delivery): Promise<void> {
  const sns = serviceClient<SNSApi>(platform, 'sns', scope);
  if (!sns) throw unavailable('SNS');
  const fifo = d.arn.endsWith('.fifo');
  await sns.Publish({ TopicArn: d.arn, Message: d.payload, ...(fifo ? { MessageGroupId: d.messageGroupId, MessageDeduplicationId: d.deduplicationId } : {}) });
}

async function toStepFunctions(platform: Platform, scope: CallerScope, d: Delivery): Promise<void> {
  const sfn = serviceClient<SFNApi>(platform, 'stepfunctions', scope);
  if (!sfn) throw unavailable('Step Functions');
  await sfn.StartExecution({ stateMachineArn: d.arn, input: d.payload });
}

function toLogs(platform: Platform, arn: Arn, d: Delivery): void {
  // log-group:NAME or log-group:NAME:*
  const logGroupName = arn.resource.slice('log-group:'.length).replace(/:\*$/, '');
  platform.logs.put({
    accountId: arn.account,
    region: arn.region,
    logGroupName,
    logStreamName: d.logStreamName ?? 'events',
    events: [{ timestamp: d.timestamp ?? platform.clock.now(), message: d.payload }],
  });
}

async function toKinesis(platform: Platform, scope: CallerScope, d: Delivery): Promise<void> {
  const kinesis = serviceClient<KinesisPutRecord>(platform, 'kinesis', scope);
  if (!kinesis) throw unavailable('Kinesis');
  await kinesis.PutRecord({ StreamARN: d.arn, Data: Buffer.from(d.payload, 'utf8'), PartitionKey: d.partitionKey ?? d.deduplicationId ?? 'partition' });
}

/** Sends a dead letter to an SQS queue (the target's or schedule's DeadLetterConfig) with its attributes. */
export async function sendDeadLetter(platform: Platform, queueArn: string, body: string, attributes: Record<string, string>): Promise<void> {
  const arn = parseArn(queueArn);
  if (!arn || arn.service !== 'sqs') throw new DeliveryError('SDK_CLIENT_ERROR', `${queueArn} is not a queue.`, false);
  const sqs = serviceClient<SQSApi>(platform, 'sqs', { accountId: arn.account, region: arn.region });
  if (!sqs) throw unavailable('SQS');
  const MessageAttributes: Record<string, { DataType: string; StringValue: string }> = {};
  for (const [k, v] of Object.entries(attributes)) MessageAttributes[k] = { DataType: 'String', StringValue: v };
  await sqs.SendMessage({ QueueUrl: `/${arn.account}/${arn.resource}`, MessageBody: body, MessageAttributes });
}
