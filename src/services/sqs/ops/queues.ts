/**
 * Queues: CreateQueue, GetQueueUrl, ListQueues, DeleteQueue, Get/SetQueueAttributes, PurgeQueue,
 * ListDeadLetterSourceQueues.
 */
import type { RequestContext } from '../../../core/context.js';
import {
  InvalidAttributeName,
  QueueDeletedRecently,
  QueueNameExists,
  type CreateQueueRequest,
  type CreateQueueResult,
  type DeleteQueueRequest,
  type GetQueueAttributesRequest,
  type GetQueueAttributesResult,
  type GetQueueUrlRequest,
  type GetQueueUrlResult,
  type ListDeadLetterSourceQueuesRequest,
  type ListDeadLetterSourceQueuesResult,
  type ListQueuesRequest,
  type ListQueuesResult,
  type PurgeQueueRequest,
  type SetQueueAttributesRequest,
  type SQSApi,
} from '../../../generated/sqs.js';
import type { Queryable } from '../../../storage/db.js';
import { decodePageToken, encodePageToken, listingOf } from '../../../storage/paginate.js';
import { enqueue } from '../../../jobs/queue.js';
import { ALL_NAMES, allowsSource, checkAttributes, dropEmpty, initialAttributes, parseRedrivePolicy, READ_ONLY } from '../attributes.js';
import { queueIdFor, type Queue, type QueueScope, type SqsCore } from '../core.js';
import { invalidParameter, noSuchQueue, purgeInProgress } from '../errors.js';
import { RETENTION_KIND } from '../retention.js';
import { checkTagMap } from './tags.js';

const QUEUE_NAME = /^[A-Za-z0-9_-]{1,80}$/;
const PURGE_INTERVAL_MS = 60_000;
const RECREATE_INTERVAL_MS = 60_000;

export class QueueOps implements Pick<SQSApi, 'CreateQueue' | 'GetQueueUrl' | 'ListQueues' | 'DeleteQueue' | 'GetQueueAttributes' | 'SetQueueAttributes' | 'PurgeQueue' | 'ListDeadLetterSourceQueues'> {
  constructor(private readonly core: SqsCore) {}

  async CreateQueue(ctx: RequestContext, input: CreateQueueRequest): Promise<CreateQueueResult> {
    const name = input.QueueName;
    const given = input.Attributes ?? {};
    const fifo = String(given.FifoQueue ?? '').toLowerCase() === 'true';
    if (given.FifoQueue !== undefined && !/^(true|false)$/i.test(String(given.FifoQueue))) {
      throw invalidParameter(`Invalid value for the parameter FifoQueue.`);
    }
    if (fifo) {
      if (!name.endsWith('.fifo') || !QUEUE_NAME.test(name.slice(0, -5) + '_fifo')) {
        throw invalidParameter('The name of a FIFO queue can only include alphanumeric characters, hyphens, or underscores, must end with .fifo suffix and be 1 to 80 in length.');
      }
    } else if (!QUEUE_NAME.test(name)) {
      throw invalidParameter('Can only include alphanumeric characters, hyphens, or underscores. 1 to 80 in length');
    }
    const attrs = checkAttributes(given, fifo, true);
    const tags = input.tags ?? {};
    checkTagMap(tags);
    const scope = { accountId: ctx.accountId, region: ctx.region };
    const arn = this.core.queueArn(scope, name);
    const now = this.core.clock.now();
    const created = await this.core.db.tx(async (tx) => {
      const existing = await this.core.queue(scope, name, tx);
      if (existing) {
        for (const [k, v] of Object.entries(attrs)) {
          if ((existing.a[k] ?? '') !== v) throw new QueueNameExists(`A queue already exists with the same name and a different value for attribute ${k}`);
        }
        return undefined;
      }
      const deleted = await tx.get<{ deleted: number }>('SELECT deleted FROM sqs_deleted WHERE account = ? AND region = ? AND name = ?', [scope.accountId, scope.region, name]);
      if (deleted && Number(deleted.deleted) + RECREATE_INTERVAL_MS > now) {
        throw new QueueDeletedRecently('You must wait 60 seconds after deleting a queue before you can create another with the same name.');
      }
      if (attrs.RedrivePolicy) await this.checkDeadLetterTarget(tx, arn, fifo, attrs.RedrivePolicy);
      const stored = initialAttributes(attrs, fifo);
      const id = queueIdFor();
      await tx.run(
        'INSERT INTO sqs_queues (account, region, name, id, fifo, attrs, created, modified, purged, next_seq) VALUES (?, ?, ?, ?, ?, ?, ?, ?, NULL, 1)',
        [scope.accountId, scope.region, name, id, fifo ? 1 : 0, JSON.stringify(stored), now, now],
      );
      if (Object.keys(tags).length > 0) await this.core.tags.tag(tx, scope, arn, tags);
      await enqueue(tx, { kind: RETENTION_KIND, key: String(id), account: scope.accountId, region: scope.region, payload: { queue: id }, dueAt: now + Number(stored.MessageRetentionPeriod) * 1000 }, now, 'replace');
      return { id, due: now + Number(stored.MessageRetentionPeriod) * 1000 };
    });
    this.core.queuesChanged();
    if (created) this.core.jobs.wake(RETENTION_KIND, created.due);
    return { QueueUrl: this.core.queueUrl(scope, name) };
  }

  /** A RedrivePolicy's dead-letter queue must exist, be of the same type, and allow this source. */
  private async checkDeadLetterTarget(q: Queryable, sourceArn: string, fifo: boolean, value: string): Promise<void> {
    const policy = parseRedrivePolicy(value);
    const bad = (reason: string) => invalidParameter(`Value ${value} for parameter RedrivePolicy is invalid. Reason: ${reason}`);
    const dlq = await this.core.queueByArn(policy.deadLetterTargetArn, q);
    if (!dlq) throw bad('Dead letter target does not exist.');
    if (Boolean(dlq.fifo) !== fifo) throw bad('Dead-letter queue must be same type of queue as the source.');
    if (!allowsSource(dlq.a.RedriveAllowPolicy, sourceArn)) throw bad(`Queue ${policy.deadLetterTargetArn} does not allow this queue to use it as a dead-letter queue.`);
  }

  async GetQueueUrl(ctx: RequestContext, input: GetQueueUrlRequest): Promise<GetQueueUrlResult> {
    const scope = { accountId: input.QueueOwnerAWSAccountId ?? ctx.accountId, region: ctx.region };
    const queue = await this.core.queue(scope, input.QueueName);
    if (!queue) throw noSuchQueue();
    return { QueueUrl: this.core.queueUrl(scope, queue.name) };
  }

  async ListQueues(ctx: RequestContext, input: ListQueuesRequest): Promise<ListQueuesResult> {
    const prefix = input.QueueNamePrefix ?? '';
    const listing = listingOf('ListQueues', ctx, prefix);
    const { limit, after } = pageArgs(input.MaxResults, input.NextToken, listing);
    const rows = await this.core.db.all<{ name: string }>(
      `SELECT name FROM sqs_queues WHERE account = ? AND region = ? AND name >= ? AND name < ?${after !== undefined ? ' AND name > ?' : ''} ORDER BY name LIMIT ?`,
      [ctx.accountId, ctx.region, prefix, `${prefix}\u{10FFFF}`, ...(after !== undefined ? [after] : []), limit + 1],
    );
    const scope = { accountId: ctx.accountId, region: ctx.region };
    const shown = rows.slice(0, limit);
    const out: ListQueuesResult = shown.length > 0 ? { QueueUrls: shown.map((r) => this.core.queueUrl(scope, r.name)) } : {};
    // A next token only for a caller that asked for pages (MaxResults), as AWS does.
    if (input.MaxResults !== undefined && rows.length > limit) out.NextToken = encodePageToken(listing, [shown[shown.length - 1]!.name]);
    return out;
  }

  async DeleteQueue(ctx: RequestContext, input: DeleteQueueRequest): Promise<void> {
    const queue = await this.core.queueByUrl(ctx, input.QueueUrl);
    const scope = { accountId: queue.account, region: queue.region };
    const now = this.core.clock.now();
    await this.core.db.tx(async (tx) => {
      const { changes } = await tx.run('DELETE FROM sqs_queues WHERE id = ?', [queue.id]);
      if (changes === 0) throw noSuchQueue();
      await tx.run('DELETE FROM sqs_messages WHERE queue = ?', [queue.id]);
      await tx.run('DELETE FROM sqs_dedup WHERE queue = ?', [queue.id]);
      await tx.run('DELETE FROM sqs_attempts WHERE queue = ?', [queue.id]);
      await this.core.tags.forget(tx, scope, queue.arn);
      await tx.run(
        'INSERT INTO sqs_deleted (account, region, name, deleted) VALUES (?, ?, ?, ?) ON CONFLICT (account, region, name) DO UPDATE SET deleted = excluded.deleted',
        [scope.accountId, scope.region, queue.name, now],
      );
    });
    this.core.queuesChanged();
    await this.core.jobs.cancel(RETENTION_KIND, String(queue.id));
    this.core.notify(queue.id);
  }

  async GetQueueAttributes(ctx: RequestContext, input: GetQueueAttributesRequest): Promise<GetQueueAttributesResult> {
    const queue = await this.core.queueByUrl(ctx, input.QueueUrl);
    const names = input.AttributeNames ?? [];
    for (const n of names) if (n !== 'All' && !ALL_NAMES.includes(n)) throw new InvalidAttributeName(`Unknown Attribute ${n}.`);
    if (names.length === 0) return {};
    const wanted = names.includes('All') ? ALL_NAMES : names;
    const attrs = await this.attributesOf(queue, wanted);
    return Object.keys(attrs).length > 0 ? { Attributes: attrs } : {};
  }

  /** The named attributes of a queue, the approximate counters counted now. */
  async attributesOf(queue: Queue, names: readonly string[]): Promise<Record<string, string>> {
    const out: Record<string, string> = {};
    let counts: { visible: number; inflight: number; delayed: number } | undefined;
    for (const n of names) {
      if (n.startsWith('ApproximateNumberOfMessages')) {
        counts ??= await this.counts(queue);
        out[n] = String(n === 'ApproximateNumberOfMessages' ? counts.visible : n === 'ApproximateNumberOfMessagesNotVisible' ? counts.inflight : counts.delayed);
      } else if (n === 'CreatedTimestamp') out[n] = String(Math.floor(queue.created / 1000));
      else if (n === 'LastModifiedTimestamp') out[n] = String(Math.floor(queue.modified / 1000));
      else if (n === 'QueueArn') out[n] = queue.arn;
      else if (n === 'FifoQueue') {
        if (queue.fifo) out[n] = 'true';
      } else if (queue.a[n] !== undefined) out[n] = queue.a[n]!;
    }
    return out;
  }

  private async counts(queue: Queue): Promise<{ visible: number; inflight: number; delayed: number }> {
    const now = this.core.clock.now();
    const oldest = now - Number(queue.a.MessageRetentionPeriod) * 1000;
    const row = await this.core.db.get<{ visible: number; inflight: number; delayed: number }>(
      `SELECT
         COALESCE(SUM(CASE WHEN visible_at <= ? THEN 1 ELSE 0 END), 0) AS visible,
         COALESCE(SUM(CASE WHEN visible_at > ? AND receives > 0 THEN 1 ELSE 0 END), 0) AS inflight,
         COALESCE(SUM(CASE WHEN visible_at > ? AND receives = 0 THEN 1 ELSE 0 END), 0) AS delayed
       FROM sqs_messages WHERE queue = ? AND sent > ?`,
      [now, now, now, queue.id, oldest],
    );
    return { visible: Number(row?.visible ?? 0), inflight: Number(row?.inflight ?? 0), delayed: Number(row?.delayed ?? 0) };
  }

  async SetQueueAttributes(ctx: RequestContext, input: SetQueueAttributesRequest): Promise<void> {
    const queue = await this.core.queueByUrl(ctx, input.QueueUrl);
    const given = input.Attributes ?? {};
    for (const k of Object.keys(given)) if (READ_ONLY.has(k)) throw new InvalidAttributeName(`Unknown Attribute ${k}.`);
    const attrs = checkAttributes(given, Boolean(queue.fifo), false);
    const now = this.core.clock.now();
    const retentionChanged = attrs.MessageRetentionPeriod !== undefined && attrs.MessageRetentionPeriod !== queue.a.MessageRetentionPeriod;
    await this.core.db.tx(async (tx) => {
      const current = await this.core.queueById(queue.id, tx);
      if (!current) throw noSuchQueue();
      if (attrs.RedrivePolicy) await this.checkDeadLetterTarget(tx, current.arn, Boolean(current.fifo), attrs.RedrivePolicy);
      const next = { ...current.a, ...attrs };
      // KMS and SQS-managed encryption exclude each other: choosing one turns the other off.
      if (attrs.KmsMasterKeyId && attrs.SqsManagedSseEnabled === undefined) next.SqsManagedSseEnabled = 'false';
      if (attrs.SqsManagedSseEnabled === 'true' && attrs.KmsMasterKeyId === undefined) delete next.KmsMasterKeyId;
      if (next.KmsMasterKeyId && next.KmsDataKeyReusePeriodSeconds === undefined) next.KmsDataKeyReusePeriodSeconds = '300';
      if (attrs.KmsDataKeyReusePeriodSeconds === '300' && !attrs.KmsMasterKeyId && !current.a.KmsMasterKeyId) delete next.KmsDataKeyReusePeriodSeconds;
      dropEmpty(next);
      await tx.run('UPDATE sqs_queues SET attrs = ?, modified = ? WHERE id = ?', [JSON.stringify(next), now, queue.id]);
      if (retentionChanged) await enqueue(tx, { kind: RETENTION_KIND, key: String(queue.id), account: queue.account, region: queue.region, payload: { queue: queue.id }, dueAt: now }, now, 'replace');
    });
    this.core.queuesChanged();
    if (retentionChanged) this.core.jobs.wake(RETENTION_KIND, now);
    // A shorter delay or visibility may have made messages receivable.
    this.core.notify(queue.id);
  }

  async PurgeQueue(ctx: RequestContext, input: PurgeQueueRequest): Promise<void> {
    const queue = await this.core.queueByUrl(ctx, input.QueueUrl);
    const now = this.core.clock.now();
    await this.core.db.tx(async (tx) => {
      const current = await this.core.queueById(queue.id, tx);
      if (!current) throw noSuchQueue();
      if (current.purged !== null && Number(current.purged) + PURGE_INTERVAL_MS > now) throw purgeInProgress(current.name);
      await tx.run('UPDATE sqs_queues SET purged = ? WHERE id = ?', [now, queue.id]);
      await tx.run('DELETE FROM sqs_messages WHERE queue = ? AND sent <= ?', [queue.id, now]);
      await tx.run('DELETE FROM sqs_attempts WHERE queue = ?', [queue.id]);
    });
    this.core.queuesChanged();
  }

  async ListDeadLetterSourceQueues(ctx: RequestContext, input: ListDeadLetterSourceQueuesRequest): Promise<ListDeadLetterSourceQueuesResult> {
    const queue = await this.core.queueByUrl(ctx, input.QueueUrl);
    const listing = listingOf('ListDeadLetterSourceQueues', ctx, queue.arn);
    const { limit, after } = pageArgs(input.MaxResults, input.NextToken, listing);
    const rows = await this.core.db.all<{ name: string; attrs: string }>(
      `SELECT name, attrs FROM sqs_queues WHERE account = ? AND region = ?${after !== undefined ? ' AND name > ?' : ''} ORDER BY name`,
      [queue.account, queue.region, ...(after !== undefined ? [after] : [])],
    );
    const sources = rows.filter((r) => {
      const redrive = (JSON.parse(r.attrs) as Record<string, string>).RedrivePolicy;
      return redrive !== undefined && (JSON.parse(redrive) as { deadLetterTargetArn: string }).deadLetterTargetArn === queue.arn;
    });
    const scope: QueueScope = { accountId: queue.account, region: queue.region };
    const shown = sources.slice(0, limit);
    const out: ListDeadLetterSourceQueuesResult = { queueUrls: shown.map((r) => this.core.queueUrl(scope, r.name)) };
    if (input.MaxResults !== undefined && sources.length > limit) out.NextToken = encodePageToken(listing, [shown[shown.length - 1]!.name]);
    return out;
  }
}

/** MaxResults (1-1000) and NextToken, as ListQueues and ListDeadLetterSourceQueues read them. */
function pageArgs(maxResults: number | undefined, token: string | undefined, listing: string): { limit: number; after: string | undefined } {
  if (maxResults !== undefined && (maxResults < 1 || maxResults > 1000 || !Number.isInteger(maxResults))) {
    throw invalidParameter(`Value ${maxResults} for parameter MaxResults is invalid. Reason: MaxResults must be an integer between 1 and 1000.`);
  }
  let after: string | undefined;
  if (token !== undefined) {
    const key = decodePageToken(token, listing);
    if (!key || key.length !== 1 || typeof key[0] !== 'string') throw invalidParameter('Invalid NextToken value.');
    after = key[0];
  }
  return { limit: maxResults ?? 1000, after };
}

