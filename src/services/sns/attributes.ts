/**
 * Topic and subscription attributes: which names each call takes, their values checked with SNS's
 * words. Subscribe and CreateTopic word a fault `Invalid parameter: Attributes Reason: <x>`,
 * SetSubscriptionAttributes and SetTopicAttributes `Invalid parameter: <x>`.
 */
import { compileFilterPolicy, FilterPolicyError, filterPolicyScope } from '../../aws/event-patterns/index.js';
import { parseArn } from '../../aws/arn.js';
import { invalidParameter } from './core.js';

export type Via = 'create' | 'set';

export function fault(via: Via, reason: string): Error {
  return invalidParameter(via === 'create' ? `Invalid parameter: Attributes Reason: ${reason}` : `Invalid parameter: ${reason}`);
}

const FEEDBACK = ['HTTP', 'Firehose', 'Lambda', 'SQS', 'Application'].flatMap((p) => [`${p}SuccessFeedbackRoleArn`, `${p}SuccessFeedbackSampleRate`, `${p}FailureFeedbackRoleArn`]);

/** Attributes SetTopicAttributes takes (CreateTopic also takes FifoTopic). */
export const TOPIC_SETTABLE = new Set(['DeliveryPolicy', 'DisplayName', 'Policy', 'TracingConfig', 'KmsMasterKeyId', 'SignatureVersion', 'ContentBasedDeduplication', 'ArchivePolicy', 'FifoThroughputScope', ...FEEDBACK]);
const FIFO_ONLY = new Set(['ContentBasedDeduplication', 'ArchivePolicy', 'FifoThroughputScope']);

export const DEFAULT_HTTP_POLICY = {
  minDelayTarget: 20,
  maxDelayTarget: 20,
  numRetries: 3,
  numMaxDelayRetries: 0,
  numNoDelayRetries: 0,
  numMinDelayRetries: 0,
  backoffFunction: 'linear',
};

export const DEFAULT_EFFECTIVE_DELIVERY_POLICY = {
  http: { defaultHealthyRetryPolicy: DEFAULT_HTTP_POLICY, disableSubscriptionOverrides: false, defaultRequestPolicy: { headerContentType: 'text/plain; charset=UTF-8' } },
};

function json(via: Via, name: string, value: string): Record<string, unknown> {
  try {
    const v = JSON.parse(value) as unknown;
    if (v && typeof v === 'object' && !Array.isArray(v)) return v as Record<string, unknown>;
  } catch {
    // answered below
  }
  throw fault(via, `${name}: failed to parse JSON.`);
}

/** Checks one topic attribute; returns the value to store. */
export function checkTopicAttribute(via: Via, name: string, value: string, fifo: boolean): string {
  if (name === 'FifoTopic' && via === 'create') {
    if (value !== 'true' && value !== 'false') throw fault(via, `FifoTopic: Invalid value [${value}]. Must be true or false.`);
    return value;
  }
  if (!TOPIC_SETTABLE.has(name)) throw invalidParameter(via === 'create' ? `Invalid parameter: Attributes Reason: Unknown attribute ${name}` : 'Invalid parameter: AttributeName');
  if (FIFO_ONLY.has(name) && !fifo) throw fault(via, `${name}: ${name} is only valid for FIFO topics`);
  switch (name) {
    case 'DisplayName':
      if (value.length > 100) throw fault(via, 'DisplayName: must be at most 100 characters long');
      return value;
    case 'Policy': {
      let doc: unknown;
      try {
        doc = JSON.parse(value);
      } catch {
        throw invalidParameter('Invalid parameter: Policy Error: null');
      }
      if (!doc || typeof doc !== 'object' || !('Statement' in doc)) throw invalidParameter('Invalid parameter: Policy Error: null');
      return value;
    }
    case 'DeliveryPolicy':
      json(via, name, value);
      return value;
    case 'ArchivePolicy':
      if (value !== '' && value !== '{}') {
        const p = json(via, name, value);
        const days = p.MessageRetentionPeriod;
        if (typeof days !== 'number' || !Number.isInteger(days) || days < 1 || days > 365) throw fault(via, 'ArchivePolicy: MessageRetentionPeriod must be an integer between 1 and 365');
      }
      return value;
    case 'SignatureVersion':
      if (value !== '1' && value !== '2') throw fault(via, `SignatureVersion: Invalid value [${value}]. Must be 1 or 2.`);
      return value;
    case 'TracingConfig':
      if (value !== 'PassThrough' && value !== 'Active') throw fault(via, `TracingConfig: Invalid value [${value}]. Must be PassThrough or Active.`);
      return value;
    case 'ContentBasedDeduplication':
      if (value !== 'true' && value !== 'false') throw fault(via, `ContentBasedDeduplication: Invalid value [${value}]. Must be true or false.`);
      return value;
    case 'FifoThroughputScope':
      if (value !== 'Topic' && value !== 'MessageGroup') throw fault(via, `FifoThroughputScope: Invalid value [${value}]. Must be Topic or MessageGroup.`);
      return value;
    default:
      return value;
  }
}

/** The default access policy of a new topic. */
export function defaultTopicPolicy(arn: string, account: string): string {
  return JSON.stringify({
    Version: '2008-10-17',
    Id: '__default_policy_ID',
    Statement: [
      {
        Sid: '__default_statement_ID',
        Effect: 'Allow',
        Principal: { AWS: '*' },
        Action: ['SNS:GetTopicAttributes', 'SNS:SetTopicAttributes', 'SNS:AddPermission', 'SNS:RemovePermission', 'SNS:DeleteTopic', 'SNS:Subscribe', 'SNS:ListSubscriptionsByTopic', 'SNS:Publish'],
        Resource: arn,
        Condition: { StringEquals: { 'AWS:SourceOwner': account } },
      },
    ],
  });
}

// Subscriptions --------------------------------------------------------------------------------

export const SUBSCRIPTION_SETTABLE = new Set(['DeliveryPolicy', 'FilterPolicy', 'FilterPolicyScope', 'RawMessageDelivery', 'RedrivePolicy', 'SubscriptionRoleArn', 'ReplayPolicy']);
const RAW_PROTOCOLS = new Set(['sqs', 'http', 'https', 'firehose']);

export interface SubscriptionContext {
  protocol: string;
  /** The topic is FIFO. */
  fifo: boolean;
  /** The attributes already set (for FilterPolicyScope and FilterPolicy checked together). */
  current: Readonly<Record<string, string>>;
}

/** Checks one subscription attribute; returns the value to store, or undefined to remove it. */
export function checkSubscriptionAttribute(via: Via, name: string, value: string, sub: SubscriptionContext): string | undefined {
  if (!SUBSCRIPTION_SETTABLE.has(name)) throw invalidParameter(via === 'create' ? `Invalid parameter: Attributes Reason: Unknown attribute ${name}` : 'Invalid parameter: AttributeName');
  switch (name) {
    case 'RawMessageDelivery': {
      if (value.toLowerCase() !== 'true' && value.toLowerCase() !== 'false') throw fault(via, `RawMessageDelivery: Invalid value [${value}]. Must be true or false.`);
      if (!RAW_PROTOCOLS.has(sub.protocol)) throw fault(via, `Delivery protocol [${sub.protocol}] does not support raw message delivery.`);
      return value.toLowerCase();
    }
    case 'FilterPolicy': {
      if (value === '' || value === '{}') return undefined;
      try {
        compileFilterPolicy(value, filterPolicyScope(sub.current.FilterPolicyScope ?? 'MessageAttributes'));
      } catch (e) {
        if (e instanceof FilterPolicyError) throw invalidParameter(e.awsMessage(via === 'create' ? 'Subscribe' : 'SetSubscriptionAttributes'));
        throw e;
      }
      return value;
    }
    case 'FilterPolicyScope': {
      try {
        filterPolicyScope(value);
        if (sub.current.FilterPolicy) compileFilterPolicy(sub.current.FilterPolicy, filterPolicyScope(value));
      } catch (e) {
        if (e instanceof FilterPolicyError) throw invalidParameter(e.awsMessage(via === 'create' ? 'Subscribe' : 'SetSubscriptionAttributes'));
        throw e;
      }
      return value;
    }
    case 'RedrivePolicy': {
      if (value === '') return undefined;
      let doc: unknown;
      try {
        doc = JSON.parse(value);
      } catch (e) {
        throw fault(via, `RedrivePolicy: failed to parse JSON. ${jacksonReason(value, e)}`);
      }
      const target = doc && typeof doc === 'object' ? (doc as Record<string, unknown>).deadLetterTargetArn : undefined;
      const arn = typeof target === 'string' ? parseArn(target) : undefined;
      if (!arn || arn.service !== 'sqs' || !arn.region || !/^\d{12}$/.test(arn.account)) throw fault(via, 'RedrivePolicy: deadLetterTargetArn is an invalid arn');
      if (sub.fifo && sub.protocol === 'sqs' && !arn.resource.endsWith('.fifo')) throw fault(via, 'RedrivePolicy: must use a FIFO queue as DLQ for a FIFO Subscription to a FIFO Topic.');
      return value;
    }
    case 'DeliveryPolicy':
      json(via, name, value);
      return value;
    case 'SubscriptionRoleArn':
      if (!parseArn(value) || parseArn(value)!.service !== 'iam') throw fault(via, 'SubscriptionRoleArn: must be an IAM role ARN');
      return value;
    default:
      return value;
  }
}

/** Jackson's reason for the first fault in a JSON text, as SNS quotes it (the common cases). */
function jacksonReason(text: string, _e: unknown): string {
  let i = 0;
  while (i < text.length && /\s/.test(text[i]!)) i++;
  const c = text[i];
  if (c === '{') {
    let j = i + 1;
    while (j < text.length && /\s/.test(text[j]!)) j++;
    const d = text[j];
    if (d !== undefined && d !== '"' && d !== '}') {
      return `Unexpected character ('${d}' (code ${d.charCodeAt(0)})): was expecting double-quote to start field name\n at [Source: REDACTED (\`StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION\` disabled); line: 1, column: ${j + 1}]`;
    }
  }
  const token = /^[A-Za-z0-9_]+/.exec(text.slice(i))?.[0] ?? text.slice(i, i + 1);
  return `Unrecognized token '${token}': was expecting (JSON String, Number, Array, Object or token 'null', 'true' or 'false')\n at [Source: REDACTED (\`StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION\` disabled); line: 1, column: ${i + token.length + 1}]`;
}
