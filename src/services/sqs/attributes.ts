/**
 * Queue attributes: which exist, their defaults, and AWS's checks of the values CreateQueue and
 * SetQueueAttributes are given. Values are kept as the strings AWS answers with.
 */
import { parseArn } from '../../aws/arn.js';
import { InvalidAttributeName, InvalidAttributeValue } from '../../generated/sqs.js';
import { invalidParameter } from './errors.js';

/** The largest message, and the default MaximumMessageSize (1 MiB since August 2025). */
export const MAX_MESSAGE_BYTES = 1_048_576;

export const DEFAULTS: Readonly<Record<string, string>> = {
  DelaySeconds: '0',
  MaximumMessageSize: String(MAX_MESSAGE_BYTES),
  MessageRetentionPeriod: '345600',
  ReceiveMessageWaitTimeSeconds: '0',
  VisibilityTimeout: '30',
  SqsManagedSseEnabled: 'true',
};

export const FIFO_DEFAULTS: Readonly<Record<string, string>> = {
  ContentBasedDeduplication: 'false',
  DeduplicationScope: 'queue',
  FifoThroughputLimit: 'perQueue',
};

const RANGES: Readonly<Record<string, [number, number]>> = {
  DelaySeconds: [0, 900],
  MaximumMessageSize: [1024, MAX_MESSAGE_BYTES],
  MessageRetentionPeriod: [60, 1_209_600],
  ReceiveMessageWaitTimeSeconds: [0, 20],
  VisibilityTimeout: [0, 43_200],
  KmsDataKeyReusePeriodSeconds: [60, 86_400],
};

/** Attributes GetQueueAttributes answers but nobody sets. */
export const READ_ONLY = new Set([
  'ApproximateNumberOfMessages',
  'ApproximateNumberOfMessagesNotVisible',
  'ApproximateNumberOfMessagesDelayed',
  'CreatedTimestamp',
  'LastModifiedTimestamp',
  'QueueArn',
]);

const COMMON = new Set([
  'DelaySeconds',
  'MaximumMessageSize',
  'MessageRetentionPeriod',
  'Policy',
  'ReceiveMessageWaitTimeSeconds',
  'VisibilityTimeout',
  'RedrivePolicy',
  'RedriveAllowPolicy',
  'KmsMasterKeyId',
  'KmsDataKeyReusePeriodSeconds',
  'SqsManagedSseEnabled',
]);
const FIFO_ONLY = new Set(['FifoQueue', 'ContentBasedDeduplication', 'DeduplicationScope', 'FifoThroughputLimit']);

/** Every name GetQueueAttributes knows, in the order AWS lists them for `All`. */
export const ALL_NAMES = [
  'Policy',
  'VisibilityTimeout',
  'MaximumMessageSize',
  'MessageRetentionPeriod',
  'ApproximateNumberOfMessages',
  'ApproximateNumberOfMessagesNotVisible',
  'CreatedTimestamp',
  'LastModifiedTimestamp',
  'QueueArn',
  'ApproximateNumberOfMessagesDelayed',
  'DelaySeconds',
  'ReceiveMessageWaitTimeSeconds',
  'RedrivePolicy',
  'FifoQueue',
  'ContentBasedDeduplication',
  'KmsMasterKeyId',
  'KmsDataKeyReusePeriodSeconds',
  'DeduplicationScope',
  'FifoThroughputLimit',
  'RedriveAllowPolicy',
  'SqsManagedSseEnabled',
];

export interface RedrivePolicy {
  deadLetterTargetArn: string;
  maxReceiveCount: number;
}

export interface RedriveAllowPolicy {
  redrivePermission: 'allowAll' | 'denyAll' | 'byQueue';
  sourceQueueArns?: string[];
}

const isTrue = (v: string | undefined): boolean => v?.toLowerCase() === 'true';

/**
 * Checks attributes given to CreateQueue (`creating`) or SetQueueAttributes and returns them
 * normalised (booleans lower-cased, integers as AWS prints them). Throws AWS's error for the first
 * problem, before anything is written.
 */
export function checkAttributes(given: Readonly<Record<string, string>>, fifo: boolean, creating: boolean): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, raw] of Object.entries(given)) {
    const value = String(raw);
    if (READ_ONLY.has(name) || (!COMMON.has(name) && !FIFO_ONLY.has(name))) throw new InvalidAttributeName(`Unknown Attribute ${name}.`);
    if (FIFO_ONLY.has(name) && !fifo) {
      if (name === 'DeduplicationScope' || name === 'FifoThroughputLimit') throw new InvalidAttributeName(`You can specify the ${name} only when FifoQueue is set to true.`);
      // FifoQueue=false on a standard queue is accepted at creation, and means what it says.
      if (name === 'FifoQueue' && creating && value.toLowerCase() === 'false') continue;
      throw new InvalidAttributeName(`Unknown Attribute ${name}.`);
    }
    if (name === 'FifoQueue') {
      if (!creating) throw new InvalidAttributeValue('Invalid value for the parameter FifoQueue. Reason: Modifying queue type is not supported.');
      continue;
    }
    const range = RANGES[name];
    if (range) {
      if (!/^-?\d+$/.test(value.trim()) || Number(value) < range[0] || Number(value) > range[1]) throw new InvalidAttributeValue(`Invalid value for the parameter ${name}.`);
      out[name] = String(Number(value));
      continue;
    }
    switch (name) {
      case 'ContentBasedDeduplication':
      case 'SqsManagedSseEnabled':
        if (!/^(true|false)$/i.test(value)) throw new InvalidAttributeValue(`Invalid value for the parameter ${name}.`);
        out[name] = value.toLowerCase();
        break;
      case 'DeduplicationScope':
        if (value !== 'messageGroup' && value !== 'queue') throw new InvalidAttributeValue(`Invalid value for the parameter ${name}.`);
        out[name] = value;
        break;
      case 'FifoThroughputLimit':
        if (value !== 'perQueue' && value !== 'perMessageGroupId') throw new InvalidAttributeValue(`Invalid value for the parameter ${name}.`);
        out[name] = value;
        break;
      case 'Policy':
        out[name] = value === '' ? '' : checkPolicy(value);
        break;
      case 'RedrivePolicy':
        if (value !== '') parseRedrivePolicy(value);
        out[name] = value === '' ? '' : normaliseRedrive(value);
        break;
      case 'RedriveAllowPolicy':
        if (value !== '') parseRedriveAllowPolicy(value);
        out[name] = value;
        break;
      default:
        out[name] = value;
    }
  }
  if (isTrue(out.SqsManagedSseEnabled) && out.KmsMasterKeyId) {
    throw new InvalidAttributeName('You can use one type of server-side encryption (SSE) at one time. You can either enable KMS SSE or SQS SSE.');
  }
  return out;
}

/** A queue policy must be a JSON object with a Statement: AWS's InvalidAttributeValue otherwise. */
function checkPolicy(value: string): string {
  let doc: unknown;
  try {
    doc = JSON.parse(value);
  } catch {
    throw new InvalidAttributeValue('Invalid value for the parameter Policy.');
  }
  if (!doc || typeof doc !== 'object' || Array.isArray(doc)) throw new InvalidAttributeValue('Invalid value for the parameter Policy.');
  const statements = (doc as { Statement?: unknown }).Statement;
  const list = Array.isArray(statements) ? statements : statements === undefined ? [] : [statements];
  for (const s of list) {
    if (!s || typeof s !== 'object') throw new InvalidAttributeValue('Invalid value for the parameter Policy.');
    const effect = (s as { Effect?: unknown }).Effect;
    if (effect !== 'Allow' && effect !== 'Deny') throw new InvalidAttributeValue('Invalid value for the parameter Policy.');
  }
  return value;
}

/** AWS keeps RedrivePolicy as compact JSON with maxReceiveCount a number. */
function normaliseRedrive(value: string): string {
  const p = parseRedrivePolicy(value);
  return JSON.stringify({ deadLetterTargetArn: p.deadLetterTargetArn, maxReceiveCount: p.maxReceiveCount });
}

export function parseRedrivePolicy(value: string): RedrivePolicy {
  const bad = (reason: string) => invalidParameter(`Value ${value} for parameter RedrivePolicy is invalid. Reason: ${reason}`);
  let doc: unknown;
  try {
    doc = JSON.parse(value);
  } catch {
    throw bad('Redrive policy is not a valid JSON map.');
  }
  if (!doc || typeof doc !== 'object' || Array.isArray(doc)) throw bad('Redrive policy is not a valid JSON map.');
  const p = doc as Record<string, unknown>;
  for (const key of Object.keys(p)) {
    if (key !== 'deadLetterTargetArn' && key !== 'maxReceiveCount') throw bad(`Only following attributes are supported: [deadLetterTargetArn, maxReceiveCount].`);
  }
  if (p.deadLetterTargetArn === undefined) throw bad('Redrive policy does not contain mandatory attribute: deadLetterTargetArn.');
  if (p.maxReceiveCount === undefined) throw bad('Redrive policy does not contain mandatory attribute: maxReceiveCount.');
  const count = Number(p.maxReceiveCount);
  if (!Number.isInteger(count) || count < 1 || count > 1000) {
    throw bad(`Invalid value for maxReceiveCount: ${String(p.maxReceiveCount)}, valid values are from 1 to 1000 both inclusive.`);
  }
  const arn = typeof p.deadLetterTargetArn === 'string' ? parseArn(p.deadLetterTargetArn) : undefined;
  if (!arn || arn.service !== 'sqs') throw bad('Invalid value for deadLetterTargetArn.');
  return { deadLetterTargetArn: p.deadLetterTargetArn as string, maxReceiveCount: count };
}

export function parseRedriveAllowPolicy(value: string): RedriveAllowPolicy {
  const bad = (reason: string) => invalidParameter(`Value ${value} for parameter RedriveAllowPolicy is invalid. Reason: ${reason}`);
  let doc: unknown;
  try {
    doc = JSON.parse(value);
  } catch {
    throw bad('Invalid value for RedriveAllowPolicy: not a valid JSON map.');
  }
  if (!doc || typeof doc !== 'object' || Array.isArray(doc)) throw bad('Invalid value for RedriveAllowPolicy: not a valid JSON map.');
  const p = doc as Record<string, unknown>;
  const permission = p.redrivePermission;
  if (permission !== 'allowAll' && permission !== 'denyAll' && permission !== 'byQueue') {
    throw bad('Amazon SQS can\'t create the redrive allow policy, as it’s in an unsupported format.');
  }
  const arns = p.sourceQueueArns;
  if (permission === 'byQueue') {
    if (!Array.isArray(arns) || arns.length === 0 || !arns.every((a) => typeof a === 'string')) throw bad('Invalid value for sourceQueueArns: must be a non-empty list when redrivePermission is byQueue.');
    if (arns.length > 10) throw bad('Invalid value for sourceQueueArns: at most 10 source queues may be specified.');
  } else if (arns !== undefined) {
    throw bad(`Invalid value for sourceQueueArns: sourceQueueArns may only be specified when redrivePermission is byQueue.`);
  }
  return { redrivePermission: permission, sourceQueueArns: arns as string[] | undefined };
}

/** Whether `source` may use the queue with this RedriveAllowPolicy as its dead-letter queue. */
export function allowsSource(policy: string | undefined, source: string): boolean {
  if (!policy) return true;
  const p = parseRedriveAllowPolicy(policy);
  if (p.redrivePermission === 'allowAll') return true;
  if (p.redrivePermission === 'denyAll') return false;
  return p.sourceQueueArns!.includes(source);
}

/** The attributes a new queue keeps: defaults, then what CreateQueue was given. */
export function initialAttributes(given: Record<string, string>, fifo: boolean): Record<string, string> {
  const attrs: Record<string, string> = { ...DEFAULTS, ...(fifo ? FIFO_DEFAULTS : {}), ...given };
  // A KMS key given means KMS encryption: SSE-SQS is then off unless asked for (which fails above).
  if (given.KmsMasterKeyId && given.SqsManagedSseEnabled === undefined) attrs.SqsManagedSseEnabled = 'false';
  if (attrs.KmsMasterKeyId && attrs.KmsDataKeyReusePeriodSeconds === undefined) attrs.KmsDataKeyReusePeriodSeconds = '300';
  dropEmpty(attrs);
  return attrs;
}

/** Attributes set to '' are removed (Policy, RedrivePolicy, KmsMasterKeyId...). */
export function dropEmpty(attrs: Record<string, string>): void {
  for (const [k, v] of Object.entries(attrs)) if (v === '') delete attrs[k];
  if (!attrs.KmsMasterKeyId) delete attrs.KmsDataKeyReusePeriodSeconds;
}

export function intAttr(attrs: Readonly<Record<string, string>>, name: string): number {
  return Number(attrs[name] ?? DEFAULTS[name] ?? 0);
}
