/**
 * Durable delivery on platform jobs. Publish writes, in its own transaction, the message, one
 * `sns_deliveries` row per subscription it goes to, and the jobs:
 *   sns.deliver  one per delivery (standard topics), retried by the subscription's delivery policy;
 *   sns.fifo     one per (subscription, message group) of a FIFO topic, delivering that group's rows
 *                in sequence order, one at a time, so a FIFO queue receives them in order;
 *   sns.confirm  a SubscriptionConfirmation / UnsubscribeConfirmation to an HTTP/S or email endpoint.
 * A delivery that succeeds, or fails for good (then to the subscription's redrive DLQ), deletes its
 * row, and the message with its last row. A job that finds its row gone was delivered already.
 */
import { randomUUID } from 'node:crypto';
import { enqueue } from '../../../jobs/queue.js';
import type { Tx } from '../../../storage/db.js';
import { DEFAULT_HTTP_POLICY } from '../attributes.js';
import { scopeOfArn, type SnsCore, type Subscription } from '../core.js';
import type { StoredMessage } from '../message.js';
import { effectiveDeliveryPolicy } from '../ops/topics.js';
import { confirmation, formatEnvelope, type ConfirmationPayload } from './envelope.js';
import { bodyFor, deliver, DeliveryFailure, post, recordToInbox, sendToQueue, sqsAttributes, type SubTarget } from './send.js';

export const DELIVER = 'sns.deliver';
export const FIFO = 'sns.fifo';
export const CONFIRM = 'sns.confirm';

interface RetryPolicy {
  numRetries: number;
  numNoDelayRetries: number;
  numMinDelayRetries: number;
  numMaxDelayRetries: number;
  minDelayTarget: number;
  maxDelayTarget: number;
  backoffFunction: string;
}

/** AWS-managed endpoints (SQS, Lambda, Firehose): 3 at once, 2 a second apart, 10 backing off to 20 s, 100,000 20 s apart. */
const MANAGED_POLICY: RetryPolicy = { numRetries: 100_014, numNoDelayRetries: 3, numMinDelayRetries: 2, numMaxDelayRetries: 100_000, minDelayTarget: 1, maxDelayTarget: 20, backoffFunction: 'exponential' };
/** Email (SMTP): 2 retries 10 s apart, 10 backing off to 600 s, 38 600 s apart. */
const SMTP_POLICY: RetryPolicy = { numRetries: 49, numNoDelayRetries: 0, numMinDelayRetries: 2, numMaxDelayRetries: 37, minDelayTarget: 10, maxDelayTarget: 600, backoffFunction: 'exponential' };

/** The delay (ms) before retry number `n` (1-based) under a policy, or undefined once it is exhausted. */
export function retryDelayMs(p: RetryPolicy, n: number): number | undefined {
  if (n > p.numRetries) return undefined;
  if (n <= p.numNoDelayRetries) return 0;
  if (n <= p.numNoDelayRetries + p.numMinDelayRetries) return p.minDelayTarget * 1000;
  const backoff = Math.max(0, p.numRetries - p.numNoDelayRetries - p.numMinDelayRetries - p.numMaxDelayRetries);
  const i = n - p.numNoDelayRetries - p.numMinDelayRetries;
  if (i > backoff) return p.maxDelayTarget * 1000;
  const f = backoff <= 1 ? 1 : (i - 1) / (backoff - 1);
  const min = p.minDelayTarget;
  const max = p.maxDelayTarget;
  let s: number;
  switch (p.backoffFunction) {
    case 'arithmetic':
      s = min + (max - min) * f * f;
      break;
    case 'geometric':
      s = min + (max - min) * Math.sqrt(f);
      break;
    case 'exponential':
      s = min * Math.pow(max / Math.max(min, 0.001), f);
      break;
    default:
      s = min + (max - min) * f;
  }
  return Math.round(s * 1000);
}

function policyFor(core: SnsCore, sub: Subscription, topicPolicy: string | undefined): RetryPolicy {
  if (sub.protocol === 'http' || sub.protocol === 'https') {
    const topicHttp = effectiveDeliveryPolicy(topicPolicy).http;
    const own = sub.a.DeliveryPolicy && !topicHttp.disableSubscriptionOverrides ? ((JSON.parse(sub.a.DeliveryPolicy) as { healthyRetryPolicy?: object }).healthyRetryPolicy ?? {}) : {};
    return { ...DEFAULT_HTTP_POLICY, ...topicHttp.defaultHealthyRetryPolicy, ...own } as RetryPolicy;
  }
  if (sub.protocol === 'email' || sub.protocol === 'email-json') return SMTP_POLICY;
  void core;
  return MANAGED_POLICY;
}

function targetOf(sub: Subscription, topicPolicy: string | undefined): SubTarget {
  let contentType: string | undefined;
  if (sub.protocol === 'http' || sub.protocol === 'https') {
    const own = sub.a.DeliveryPolicy ? (JSON.parse(sub.a.DeliveryPolicy) as { requestPolicy?: { headerContentType?: string } }).requestPolicy?.headerContentType : undefined;
    contentType = own ?? effectiveDeliveryPolicy(topicPolicy).http.defaultRequestPolicy.headerContentType;
  }
  return { arn: sub.arn, protocol: sub.protocol, region: sub.region, endpoint: sub.endpoint, raw: sub.a.RawMessageDelivery === 'true', topicArn: sub.topic, contentType };
}

/** In Publish's transaction: the delivery rows and their jobs; returns the kinds to wake. */
export async function enqueueDeliveries(tx: Tx, m: StoredMessage, subs: readonly Subscription[], seq: number, now: number): Promise<Set<string>> {
  const kinds = new Set<string>();
  const scope = scopeOfArn(m.topicArn);
  for (const sub of subs) {
    await tx.run('INSERT INTO sns_deliveries (message_id, sub_arn, seq, group_id) VALUES (?, ?, ?, ?)', [m.id, sub.arn, seq, m.fifo ? (m.groupId ?? '') : null]);
    if (m.fifo) {
      await enqueue(tx, { kind: FIFO, key: `${sub.arn}#${m.groupId ?? ''}`, account: scope.accountId, region: scope.region, payload: { s: sub.arn, g: m.groupId ?? '' }, dueAt: now }, now, 'earlier');
      kinds.add(FIFO);
    } else {
      await enqueue(tx, { kind: DELIVER, key: `${m.id}/${sub.arn}`, account: scope.accountId, region: scope.region, payload: { m: m.id, s: sub.arn }, dueAt: now }, now);
      kinds.add(DELIVER);
    }
  }
  return kinds;
}

/** In the caller's transaction: a confirmation message for an endpoint. */
export async function enqueueConfirmation(tx: Tx, core: SnsCore, p: Omit<ConfirmationPayload, 'messageId' | 'timestamp'>, now: number): Promise<{ kind: string; at: number }> {
  const scope = scopeOfArn(p.topic);
  const payload: ConfirmationPayload = { ...p, messageId: randomUUID(), timestamp: new Date(now).toISOString() };
  void core;
  await enqueue(tx, { kind: CONFIRM, account: scope.accountId, region: scope.region, payload, dueAt: now }, now);
  return { kind: CONFIRM, at: now };
}

interface Loaded {
  message: StoredMessage;
  sub: Subscription;
  topicPolicy: string | undefined;
}

/** The delivery's message and subscription, or undefined when it is done (row gone) or moot (subscription gone). */
async function load(core: SnsCore, messageId: string, subArn: string): Promise<Loaded | 'done' | 'orphan'> {
  const row = await core.db.get<{ doc: string }>(
    'SELECT m.doc AS doc FROM sns_deliveries d JOIN sns_messages m ON m.id = d.message_id WHERE d.message_id = ? AND d.sub_arn = ?',
    [messageId, subArn],
  );
  if (!row) return 'done';
  const sub = await core.subscription(subArn);
  if (!sub) return 'orphan';
  const topic = await core.topicOfArn(sub.topic);
  return { message: JSON.parse(row.doc) as StoredMessage, sub, topicPolicy: topic?.a.DeliveryPolicy };
}

/** The delivery is over (delivered, or failed for good): its row goes, and the message with its last row. */
async function finish(core: SnsCore, messageId: string, subArn: string): Promise<void> {
  await core.db.tx(async (tx) => {
    await tx.run('DELETE FROM sns_deliveries WHERE message_id = ? AND sub_arn = ?', [messageId, subArn]);
    const left = await tx.get('SELECT 1 AS x FROM sns_deliveries WHERE message_id = ? LIMIT 1', [messageId]);
    if (!left) await tx.run('DELETE FROM sns_messages WHERE id = ?', [messageId]);
  });
}

/** A delivery that failed for good goes to the subscription's redrive DLQ, if it has one. */
async function toDeadLetterQueue(core: SnsCore, l: Loaded, error: DeliveryFailure): Promise<void> {
  const policy = l.sub.a.RedrivePolicy ? (JSON.parse(l.sub.a.RedrivePolicy) as { deadLetterTargetArn?: string }) : undefined;
  const target = targetOf(l.sub, l.topicPolicy);
  core.platform.log({ level: 'warn', service: 'sns', subscription: l.sub.arn, messageId: l.message.id, error: error.message, redrive: policy?.deadLetterTargetArn ?? null });
  if (!policy?.deadLetterTargetArn) return;
  const body = target.protocol === 'sqs' || target.protocol === 'http' || target.protocol === 'https' ? bodyFor(core, l.message, target) : bodyFor(core, l.message, { ...target, raw: false });
  try {
    await sendToQueue(core, policy.deadLetterTargetArn, body, l.message, target.raw ? sqsAttributes(l.message) : undefined);
  } catch (e) {
    core.platform.log({ level: 'warn', service: 'sns', subscription: l.sub.arn, messageId: l.message.id, error: `dead-letter queue: ${(e as Error).message}` });
  }
}

/** One attempt: 'done', or the delay before the next. */
async function attempt(core: SnsCore, l: Loaded, retries: number): Promise<'done' | number> {
  try {
    await deliver(core, l.message, targetOf(l.sub, l.topicPolicy));
  } catch (e) {
    const f = e instanceof DeliveryFailure ? e : new DeliveryFailure(String((e as Error)?.message ?? e), true);
    const delay = f.retryable ? retryDelayMs(policyFor(core, l.sub, l.topicPolicy), retries + 1) : undefined;
    if (delay !== undefined) return delay;
    await toDeadLetterQueue(core, l, f);
  }
  await finish(core, l.message.id, l.sub.arn);
  return 'done';
}

export function handleDeliveries(core: SnsCore): void {
  const jobs = core.jobs;
  jobs.handle<{ m: string; s: string }>(
    DELIVER,
    async (job) => {
      const l = await load(core, job.payload.m, job.payload.s);
      if (l === 'done') return { then: 'done' };
      if (l === 'orphan') {
        await finish(core, job.payload.m, job.payload.s);
        return { then: 'done' };
      }
      const r = await attempt(core, l, job.attempt);
      return r === 'done' ? { then: 'done' } : { then: 'retry', delayMs: r };
    },
    { concurrency: 16, leaseMs: 120_000 },
  );

  jobs.handle<{ s: string; g: string; head?: string; tries?: number }>(
    FIFO,
    async (job) => {
      const { s, g } = job.payload;
      for (;;) {
        const next = await core.db.get<{ message_id: string }>('SELECT message_id FROM sns_deliveries WHERE sub_arn = ? AND group_id = ? ORDER BY seq LIMIT 1', [s, g]);
        if (!next) return { then: 'done' };
        const l = await load(core, next.message_id, s);
        if (l === 'done') continue;
        if (l === 'orphan') {
          await finish(core, next.message_id, s);
          continue;
        }
        const tries = job.payload.head === next.message_id ? (job.payload.tries ?? 0) : 0;
        const r = await attempt(core, l, tries);
        if (r !== 'done') return { then: 'reschedule', dueAt: jobs.clock.now() + r, payload: { s, g, head: next.message_id, tries: tries + 1 } };
      }
    },
    { concurrency: 16, leaseMs: 120_000 },
  );

  jobs.handle<ConfirmationPayload>(
    CONFIRM,
    async (job) => {
      const p = job.payload;
      const msg = confirmation(core, p);
      try {
        if (p.protocol === 'http' || p.protocol === 'https') {
          await post(
            p.endpoint,
            {
              'content-type': 'text/plain; charset=UTF-8',
              'user-agent': 'Amazon Simple Notification Service Agent',
              'x-amz-sns-message-type': p.type,
              'x-amz-sns-message-id': p.messageId,
              'x-amz-sns-topic-arn': p.topic,
            },
            formatEnvelope(msg),
          );
        } else {
          await core.db.tx((tx) =>
            recordToInbox(tx, core, scopeOfArn(p.topic), {
              type: p.type,
              protocol: p.protocol,
              endpoint: p.endpoint,
              topicArn: p.topic,
              subscriptionArn: p.sub,
              messageId: p.messageId,
              subject: 'AWS Notification - Subscription Confirmation',
              message: p.protocol === 'email-json' ? formatEnvelope(msg) : `${String(msg.Message)}\n\n${String(msg.SubscribeURL)}`,
              timestamp: p.timestamp,
            }),
          );
        }
      } catch (e) {
        const delay = e instanceof DeliveryFailure && e.retryable ? retryDelayMs({ ...DEFAULT_HTTP_POLICY } as RetryPolicy, job.attempt + 1) : undefined;
        if (delay !== undefined) return { then: 'retry', delayMs: delay };
        core.platform.log({ level: 'warn', service: 'sns', subscription: p.sub, error: `confirmation: ${(e as Error).message}` });
      }
      return { then: 'done' };
    },
    { concurrency: 8, leaseMs: 60_000 },
  );
}
