/**
 * Where Lambda sends invocation records and failed events: the destinations of asynchronous
 * invocations (OnSuccess, OnFailure), the OnFailure destination of stream mappings, and a function's
 * dead-letter queue. Each goes through the target service's own operation (serviceClient), so the
 * target's errors (a queue that does not exist, a message too large) are the ones logged.
 */
import { parseArn } from '../../aws/arn.js';
import type { EventBridgeApi } from '../../generated/events.js';
import type { LambdaApi } from '../../generated/lambda.js';
import type { SNSApi } from '../../generated/sns.js';
import type { MessageAttributeValue, SQSApi } from '../../generated/sqs.js';
import { serviceClient } from '../clients.js';
import type { Platform } from '../service.js';


/** Thrown when a destination cannot take a record: the caller logs it (AWS drops the record then). */
export class DeliveryError extends Error {}

/** The services a destination ARN may name. */
export function destinationService(arn: string): 'sqs' | 'sns' | 'lambda' | 'events' | undefined {
  const service = parseArn(arn)?.service;
  return service === 'sqs' || service === 'sns' || service === 'lambda' || service === 'events' ? service : undefined;
}

export interface Delivery {
  /** The JSON document sent (an invocation record, or the event itself for a dead-letter queue). */
  readonly body: string;
  /** EventBridge's detail-type. */
  readonly detailType?: string;
  /** The function whose invocation this is (EventBridge `resources`). */
  readonly functionArn?: string;
  /** Message attributes (dead-letter queues: RequestID, ErrorCode, ErrorMessage). */
  readonly attributes?: Record<string, string>;
}

/** Sends `delivery` to the queue, topic, function or event bus `arn` names, in that resource's account and region. */
export async function deliver(platform: Platform, arn: string, delivery: Delivery): Promise<void> {
  const parsed = parseArn(arn);
  const service = destinationService(arn);
  if (!parsed || !service) throw new DeliveryError(`The destination ARN ${arn} is invalid.`);
  const scope = { accountId: parsed.account, region: parsed.region };
  const missing = (): DeliveryError => new DeliveryError(`The destination ${arn} does not exist: the ${service} service is not loaded.`);
  switch (service) {
    case 'sqs': {
      const sqs = serviceClient<SQSApi>(platform, 'sqs', scope);
      if (!sqs) throw missing();
      const attributes: Record<string, MessageAttributeValue> = {};
      for (const [k, v] of Object.entries(delivery.attributes ?? {})) attributes[k] = { DataType: 'String', StringValue: v };
      await sqs.SendMessage({
        QueueUrl: `/${parsed.account}/${parsed.resource}`,
        MessageBody: delivery.body,
        ...(Object.keys(attributes).length ? { MessageAttributes: attributes } : {}),
      });
      return;
    }
    case 'sns': {
      const sns = serviceClient<SNSApi>(platform, 'sns', scope);
      if (!sns) throw missing();
      const attributes = Object.fromEntries(Object.entries(delivery.attributes ?? {}).map(([k, v]) => [k, { DataType: 'String', StringValue: v }]));
      await sns.Publish({ TopicArn: arn, Message: delivery.body, ...(Object.keys(attributes).length ? { MessageAttributes: attributes } : {}) });
      return;
    }
    case 'lambda': {
      const lambda = serviceClient<LambdaApi>(platform, 'lambda', scope);
      if (!lambda) throw missing();
      await lambda.Invoke({ FunctionName: arn, InvocationType: 'Event', Payload: Buffer.from(delivery.body) });
      return;
    }
    case 'events': {
      const events = serviceClient<EventBridgeApi>(platform, 'events', scope);
      if (!events) throw missing();
      const out = await events.PutEvents({
        Entries: [{ Source: 'lambda', DetailType: delivery.detailType ?? 'Lambda Function Invocation Result', Detail: delivery.body, EventBusName: arn, ...(delivery.functionArn ? { Resources: [delivery.functionArn] } : {}) }],
      });
      if (out.FailedEntryCount) throw new DeliveryError(`EventBridge refused the invocation record for ${arn}.`);
      return;
    }
  }
}
