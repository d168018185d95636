/**
 * One delivery attempt to one endpoint: SQS (SendMessage through the SQS service), Lambda (an Event
 * invocation), HTTP/S (a POST with SNS's headers), and email, SMS and mobile endpoints, which are
 * recorded to the local inbox instead of sent. A failure says whether AWS would retry it: server-side
 * errors are retried by the delivery policy, client-side ones (a queue or function that is gone, a
 * 4xx answer) go to the dead-letter queue at once.
 */
import { randomUUID } from 'node:crypto';
import { parseArn } from '../../../aws/arn.js';
import { isAwsError } from '../../../aws/errors.js';
import type { LambdaApi } from '../../../generated/lambda.js';
import type { MessageAttributeValue, SQSApi } from '../../../generated/sqs.js';
import type { Tx } from '../../../storage/db.js';
import { serviceClient } from '../../clients.js';
import { scopeOfArn, type SnsCore } from '../core.js';
import { messageFor, type StoredMessage } from '../message.js';
import { formatEnvelope, lambdaEvent, notification, type Target } from './envelope.js';

export class DeliveryFailure extends Error {
  constructor(
    message: string,
    readonly retryable: boolean,
  ) {
    super(message);
  }
}

export interface SubTarget extends Target {
  endpoint: string;
  raw: boolean;
  topicArn: string;
  /** The HTTP Content-Type the delivery policy asks for. */
  contentType?: string;
}

function failure(e: unknown): DeliveryFailure {
  if (e instanceof DeliveryFailure) return e;
  if (isAwsError(e)) return new DeliveryFailure(`${e.code}: ${e.message}`, e.status >= 500 || e.status === 429);
  return new DeliveryFailure(String((e as Error)?.message ?? e), true);
}

/** SendMessage to a queue by ARN, as SNS (or its redrive) sends. */
export async function sendToQueue(core: SnsCore, queueArn: string, body: string, m: StoredMessage, attributes: Record<string, MessageAttributeValue> | undefined): Promise<void> {
  const arn = parseArn(queueArn);
  if (!arn) throw new DeliveryFailure(`not a queue ARN: ${queueArn}`, false);
  const sqs = serviceClient<SQSApi>(core.platform, 'sqs', { accountId: arn.account, region: arn.region });
  if (!sqs) throw new DeliveryFailure('the SQS service is not running', true);
  const fifo = arn.resource.endsWith('.fifo');
  try {
    await sqs.SendMessage({
      QueueUrl: `http://sqs.${arn.region}.localhost/${arn.account}/${arn.resource}`,
      MessageBody: body,
      ...(attributes && Object.keys(attributes).length > 0 ? { MessageAttributes: attributes } : {}),
      ...(fifo && m.groupId ? { MessageGroupId: m.groupId } : {}),
      ...(fifo && m.dedupId ? { MessageDeduplicationId: m.dedupId } : {}),
    });
  } catch (e) {
    throw failure(e);
  }
}

/** Publish's attributes as SQS message attributes (raw delivery). */
export function sqsAttributes(m: StoredMessage): Record<string, MessageAttributeValue> {
  const out: Record<string, MessageAttributeValue> = {};
  for (const [k, a] of Object.entries(m.attributes)) {
    out[k] = a.binary ? { DataType: a.Type, BinaryValue: Buffer.from(a.Value, 'base64') } : { DataType: a.Type, StringValue: a.Value };
  }
  return out;
}

/** The body (and attributes) a subscription's endpoint, or its dead-letter queue, receives. */
export function bodyFor(core: SnsCore, m: StoredMessage, sub: SubTarget): string {
  return sub.raw ? messageFor(m, sub.protocol) : formatEnvelope(notification(core, m, sub));
}

export async function deliver(core: SnsCore, m: StoredMessage, sub: SubTarget): Promise<void> {
  switch (sub.protocol) {
    case 'sqs':
      return sendToQueue(core, sub.endpoint, bodyFor(core, m, sub), m, sub.raw ? sqsAttributes(m) : undefined);
    case 'lambda': {
      const arn = parseArn(sub.endpoint)!;
      const lambda = serviceClient<LambdaApi>(core.platform, 'lambda', { accountId: arn.account, region: arn.region });
      if (!lambda) throw new DeliveryFailure('the Lambda service is not running', true);
      try {
        await lambda.Invoke({ FunctionName: sub.endpoint, InvocationType: 'Event', Payload: Buffer.from(lambdaEvent(core, m, sub)) });
      } catch (e) {
        throw failure(e);
      }
      return;
    }
    case 'http':
    case 'https': {
      const headers: Record<string, string> = {
        'content-type': sub.contentType ?? 'text/plain; charset=UTF-8',
        'user-agent': 'Amazon Simple Notification Service Agent',
        'x-amz-sns-message-type': 'Notification',
        'x-amz-sns-message-id': m.id,
        'x-amz-sns-topic-arn': m.topicArn,
        'x-amz-sns-subscription-arn': sub.arn,
      };
      if (sub.raw) headers['x-amz-sns-rawdelivery'] = 'true';
      return post(sub.endpoint, headers, bodyFor(core, m, sub));
    }
    case 'firehose':
      // Stratus runs no Kinesis Data Firehose: the delivery fails as it would to a stream that is gone.
      throw new DeliveryFailure('Kinesis Data Firehose is not available in Stratus', false);
    default:
      await core.db.tx((tx) => recordToInbox(tx, core, scopeOfArn(sub.arn), {
        type: 'Notification',
        protocol: sub.protocol,
        endpoint: sub.endpoint,
        topicArn: m.topicArn,
        subscriptionArn: sub.arn,
        messageId: m.id,
        subject: m.subject,
        message: sub.protocol === 'email-json' ? formatEnvelope(notification(core, m, sub)) : messageFor(m, sub.protocol),
        messageAttributes: m.attributes,
        timestamp: m.timestamp,
      }));
  }
}

/** A POST to an HTTP/S endpoint: 2xx delivered, 5xx/429/no answer retried, other answers refused. */
export async function post(url: string, headers: Record<string, string>, body: string): Promise<void> {
  let res: Response;
  try {
    // SNS gives an endpoint 15 seconds to answer (network time, not the platform clock).
    res = await fetch(url, { method: 'POST', headers, body, signal: AbortSignal.timeout(15_000), redirect: 'manual' });
    await res.arrayBuffer().catch(() => undefined);
  } catch (e) {
    throw new DeliveryFailure(`${url}: ${String((e as Error)?.message ?? e)}`, true);
  }
  if (res.status >= 200 && res.status < 300) return;
  throw new DeliveryFailure(`${url} answered ${res.status}`, res.status >= 500 || res.status === 429);
}

let inboxSeq = 0;

export interface InboxEntry {
  type: string;
  protocol: string;
  endpoint: string;
  topicArn?: string;
  subscriptionArn?: string;
  messageId: string;
  subject?: string;
  message: string;
  messageAttributes?: Record<string, unknown>;
  timestamp: string;
}

/** Keeps what an email, SMS or mobile endpoint would have received (GET /_stratus/sns/messages). */
export async function recordToInbox(tx: Tx, core: SnsCore, scope: { accountId: string; region: string }, entry: InboxEntry): Promise<void> {
  await tx.run('INSERT INTO sns_inbox (id, account, region, at, seq, doc) VALUES (?, ?, ?, ?, ?, ?)', [
    randomUUID(),
    scope.accountId,
    scope.region,
    core.clock.now(),
    ++inboxSeq,
    JSON.stringify(entry),
  ]);
}
