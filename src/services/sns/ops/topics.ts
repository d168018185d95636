/** Topics: CreateTopic (idempotent with the same attributes and tags), DeleteTopic, Get/SetTopicAttributes, ListTopics. */
import type { RequestContext } from '../../../core/context.js';
import type {
  CreateTopicInput,
  CreateTopicResponse,
  DeleteTopicInput,
  GetTopicAttributesInput,
  GetTopicAttributesResponse,
  ListTopicsInput,
  ListTopicsResponse,
  SetTopicAttributesInput,
  SNSApi,
} from '../../../generated/sns.js';
import { decodePageToken, listingOf, pageOf } from '../../../storage/paginate.js';
import type { Queryable } from '../../../storage/db.js';
import { checkTopicAttribute, DEFAULT_EFFECTIVE_DELIVERY_POLICY, defaultTopicPolicy, TOPIC_SETTABLE } from '../attributes.js';
import { invalidParameter, topicNotFound, type SnsCore, type Topic } from '../core.js';
import { unsupportedDataProtection } from '../errors.js';
import { checkTagList, tagError } from './tags.js';

const PAGE = 100;

export class TopicOps implements Pick<SNSApi, 'CreateTopic' | 'DeleteTopic' | 'GetTopicAttributes' | 'SetTopicAttributes' | 'ListTopics'> {
  constructor(private readonly core: SnsCore) {}

  async CreateTopic(ctx: RequestContext, input: CreateTopicInput): Promise<CreateTopicResponse> {
    const name = input.Name;
    const given = input.Attributes ?? {};
    const fifo = given.FifoTopic === 'true';
    const base = fifo ? name.replace(/\.fifo$/, '') : name;
    if (!/^[A-Za-z0-9_-]{1,256}$/.test(base) || name.length > 256 || (fifo && !name.endsWith('.fifo'))) throw invalidParameter('Invalid parameter: Topic Name');
    if (input.DataProtectionPolicy !== undefined) throw unsupportedDataProtection();
    const attrs: Record<string, string> = {};
    for (const [k, v] of Object.entries(given)) {
      if (k === 'FifoTopic') continue;
      attrs[k] = checkTopicAttribute('create', k, v, fifo);
    }
    if ('FifoTopic' in given) checkTopicAttribute('create', 'FifoTopic', given.FifoTopic!, fifo);
    const tags = checkTagList(input.Tags);
    const scope = { accountId: ctx.accountId, region: ctx.region };
    const arn = this.core.topicArn(scope, name);
    const now = this.core.clock.now();
    await this.core.db.tx(async (tx) => {
      const existing = await this.core.topic(scope, name, tx);
      if (existing) {
        // The same call again answers the topic; other attributes or tags are refused.
        const current: Record<string, string> = { ...existing.a, FifoTopic: existing.fifo ? 'true' : 'false' };
        for (const [k, v] of Object.entries(given)) {
          const have = current[k] ?? (k === 'ContentBasedDeduplication' ? 'false' : k === 'DisplayName' ? '' : undefined);
          if (have !== v) throw invalidParameter('Invalid parameter: Attributes Reason: Topic already exists with different attributes');
        }
        if (tags) {
          const old = await this.core.tags.list(scope, arn, tx);
          if (Object.entries(tags).some(([k, v]) => old[k] !== v)) throw invalidParameter('Invalid parameter: Tags Reason: Topic already exists with different tags');
        }
        return;
      }
      await tx.run('INSERT INTO sns_topics (account, region, name, fifo, attrs, created, next_seq, deleted_subs) VALUES (?, ?, ?, ?, ?, ?, 1, 0)', [
        scope.accountId,
        scope.region,
        name,
        fifo ? 1 : 0,
        JSON.stringify(attrs),
        now,
      ]);
      if (tags) {
        const problem = await this.core.tags.tag(tx, scope, arn, tags);
        if (problem) throw tagError(problem);
      }
    });
    this.core.policies.changed();
    return { TopicArn: arn };
  }

  async DeleteTopic(ctx: RequestContext, input: DeleteTopicInput): Promise<void> {
    const { scope, name } = this.core.parseTopicArn(ctx, input.TopicArn);
    const arn = this.core.topicArn(scope, name);
    // Deleting a topic that does not exist succeeds, as in AWS; its subscriptions go with it.
    await this.core.db.tx(async (tx) => {
      await tx.run('DELETE FROM sns_topics WHERE account = ? AND region = ? AND name = ?', [scope.accountId, scope.region, name]);
      await tx.run('DELETE FROM sns_subscriptions WHERE topic = ?', [arn]);
      await tx.run('DELETE FROM sns_dedup WHERE account = ? AND region = ? AND topic = ?', [scope.accountId, scope.region, name]);
      await tx.run('DELETE FROM stratus_tags WHERE account = ? AND region = ? AND arn = ?', [scope.accountId, scope.region, arn]);
    });
    this.core.policies.changed();
  }

  async GetTopicAttributes(ctx: RequestContext, input: GetTopicAttributesInput): Promise<GetTopicAttributesResponse> {
    const topic = await this.core.topicByArn(ctx, input.TopicArn);
    return { Attributes: await topicAttributes(topic, this.core.db) };
  }

  async SetTopicAttributes(ctx: RequestContext, input: SetTopicAttributesInput): Promise<void> {
    const topic = await this.core.topicByArn(ctx, input.TopicArn);
    const name = input.AttributeName;
    if (!TOPIC_SETTABLE.has(name)) throw invalidParameter('Invalid parameter: AttributeName');
    const value = input.AttributeValue ?? '';
    const checked = checkTopicAttribute('set', name, value, topic.fifo === 1);
    await this.core.db.tx(async (tx) => {
      const current = await this.core.topic({ accountId: topic.account, region: topic.region }, topic.name, tx);
      if (!current) throw topicNotFound();
      const attrs = { ...current.a };
      // An empty value removes what has a default (the policy, the delivery policy).
      if (checked === '' && name !== 'DisplayName') delete attrs[name];
      else attrs[name] = checked;
      await tx.run('UPDATE sns_topics SET attrs = ? WHERE account = ? AND region = ? AND name = ?', [JSON.stringify(attrs), topic.account, topic.region, topic.name]);
    });
    this.core.policies.changed();
  }

  async ListTopics(ctx: RequestContext, input: ListTopicsInput): Promise<ListTopicsResponse> {
    const scope = { accountId: ctx.accountId, region: ctx.region };
    const listing = listingOf('ListTopics', scope);
    let after: string | undefined;
    if (input.NextToken !== undefined) {
      const key = decodePageToken(input.NextToken, listing);
      if (!key) throw invalidParameter('Invalid parameter: NextToken');
      after = String(key[0]);
    }
    const rows = await this.core.db.all<{ name: string }>(
      `SELECT name FROM sns_topics WHERE account = ? AND region = ?${after !== undefined ? ' AND name > ?' : ''} ORDER BY name LIMIT ?`,
      after !== undefined ? [scope.accountId, scope.region, after, PAGE + 1] : [scope.accountId, scope.region, PAGE + 1],
    );
    const page = pageOf(listing, rows, PAGE, (r) => [r.name]);
    return { Topics: page.items.map((r) => ({ TopicArn: this.core.topicArn(scope, r.name) })), ...(page.next ? { NextToken: page.next } : {}) };
  }
}

/** What GetTopicAttributes answers: the stored attributes with AWS's defaults and the counters. */
export async function topicAttributes(topic: Topic, q: Queryable): Promise<Record<string, string>> {
  const counts = await q.all<{ confirmed: number; n: number }>('SELECT confirmed, COUNT(*) AS n FROM sns_subscriptions WHERE topic = ? GROUP BY confirmed', [topic.arn]);
  const count = (c: number): string => String(counts.find((r) => Number(r.confirmed) === c)?.n ?? 0);
  const out: Record<string, string> = {
    Policy: defaultTopicPolicy(topic.arn, topic.account),
    Owner: topic.account,
    SubscriptionsPending: count(0),
    SubscriptionsConfirmed: count(1),
    SubscriptionsDeleted: String(topic.deleted_subs),
    TopicArn: topic.arn,
    EffectiveDeliveryPolicy: JSON.stringify(effectiveDeliveryPolicy(topic.a.DeliveryPolicy)),
    DisplayName: '',
  };
  if (topic.fifo) {
    out.FifoTopic = 'true';
    out.ContentBasedDeduplication = 'false';
  }
  return { ...out, ...topic.a };
}

/** The topic's DeliveryPolicy over AWS's defaults. */
export function effectiveDeliveryPolicy(text: string | undefined): typeof DEFAULT_EFFECTIVE_DELIVERY_POLICY {
  if (!text) return DEFAULT_EFFECTIVE_DELIVERY_POLICY;
  const given = JSON.parse(text) as { http?: Record<string, unknown> };
  const d = DEFAULT_EFFECTIVE_DELIVERY_POLICY.http;
  const http = given.http ?? {};
  return {
    http: {
      ...d,
      ...http,
      defaultHealthyRetryPolicy: { ...d.defaultHealthyRetryPolicy, ...((http.defaultHealthyRetryPolicy as object | undefined) ?? {}) },
      defaultRequestPolicy: { ...d.defaultRequestPolicy, ...((http.defaultRequestPolicy as object | undefined) ?? {}) },
    } as typeof d,
  };
}
