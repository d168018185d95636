/**
 * Subscriptions: Subscribe (endpoints checked per protocol as AWS checks them; http, https and email
 * wait for confirmation), ConfirmSubscription, Unsubscribe, Get/SetSubscriptionAttributes,
 * ListSubscriptions(ByTopic).
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { parseArn } from '../../../aws/arn.js';
import type { RequestContext } from '../../../core/context.js';
import type {
  ConfirmSubscriptionInput,
  ConfirmSubscriptionResponse,
  GetSubscriptionAttributesInput,
  GetSubscriptionAttributesResponse,
  ListSubscriptionsByTopicInput,
  ListSubscriptionsByTopicResponse,
  ListSubscriptionsInput,
  ListSubscriptionsResponse,
  SetSubscriptionAttributesInput,
  SNSApi,
  SubscribeInput,
  SubscribeResponse,
  Subscription as SubscriptionShape,
  UnsubscribeInput,
} from '../../../generated/sns.js';
import { decodePageToken, listingOf, pageOf } from '../../../storage/paginate.js';
import type { Tx } from '../../../storage/db.js';
import { checkSubscriptionAttribute, SUBSCRIPTION_SETTABLE } from '../attributes.js';
import { invalidParameter, subscriptionNotFound, withSubAttrs, type SnsCore, type Subscription, type Topic } from '../core.js';
import { enqueueConfirmation } from '../delivery/jobs.js';
import { effectiveDeliveryPolicy } from './topics.js';
import type { SubscriptionRow } from '../store.js';

const PAGE = 100;
/** How long a confirmation token is good for. */
const TOKEN_MS = 3 * 24 * 3600_000;
const PROTOCOLS = new Set(['http', 'https', 'email', 'email-json', 'sms', 'sqs', 'application', 'lambda', 'firehose']);
/** Protocols whose endpoint owner must confirm the subscription. */
const CONFIRMED_BY_ENDPOINT = new Set(['http', 'https', 'email', 'email-json']);

/** An SMS endpoint as SNS takes it: E.164 digits, an optional +, single dashes between digit groups. */
export function validPhone(text: string): boolean {
  return /^\+?\d+(?:-\d+)*$/.test(text) && text.replace(/\D/g, '').length <= 15;
}

function checkEndpoint(protocol: string, endpoint: string | undefined, topic: Topic): string {
  if (endpoint === undefined || endpoint === '') throw invalidParameter('Invalid parameter: Endpoint');
  const arn = parseArn(endpoint);
  switch (protocol) {
    case 'sqs':
      if (!arn || arn.service !== 'sqs' || !arn.region || !/^\d{12}$/.test(arn.account) || !/^[A-Za-z0-9_-]{1,80}(\.fifo)?$/.test(arn.resource)) {
        throw invalidParameter('Invalid parameter: SQS endpoint ARN');
      }
      if (arn.resource.endsWith('.fifo') && !topic.fifo) throw invalidParameter('Invalid parameter: Invalid parameter: Endpoint Reason: FIFO SQS Queues can not be subscribed to standard SNS topics');
      return endpoint;
    case 'lambda':
      if (!arn || arn.service !== 'lambda' || !/^function:[A-Za-z0-9_-]{1,64}(:[A-Za-z0-9$_-]+)?$/.test(arn.resource)) throw invalidParameter('Invalid parameter: Lambda endpoint ARN');
      return endpoint;
    case 'firehose':
      if (!arn || arn.service !== 'firehose' || !arn.resource.startsWith('deliverystream/')) throw invalidParameter('Invalid parameter: Firehose endpoint ARN');
      return endpoint;
    case 'application':
      if (!arn || arn.service !== 'sns' || !/^endpoint\/[^/]+\/[^/]+\/[^/]+$/.test(arn.resource)) throw invalidParameter('Invalid parameter: Application endpoint ARN');
      return endpoint;
    case 'http':
    case 'https': {
      let url: URL | undefined;
      try {
        url = new URL(endpoint);
      } catch {
        url = undefined;
      }
      if (!url || url.protocol !== `${protocol}:` || !endpoint.toLowerCase().startsWith(`${protocol}://`)) throw invalidParameter('Invalid parameter: Endpoint must match the specified protocol');
      return endpoint;
    }
    case 'email':
    case 'email-json':
      if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(endpoint)) throw invalidParameter('Invalid parameter: Email address');
      return endpoint;
    case 'sms':
      if (!validPhone(endpoint)) throw invalidParameter(`Invalid SMS endpoint: ${endpoint}`);
      return endpoint;
  }
  return endpoint;
}

function same(a: Readonly<Record<string, string>>, b: Readonly<Record<string, string>>): boolean {
  const ka = Object.keys(a);
  return ka.length === Object.keys(b).length && ka.every((k) => a[k] === b[k]);
}

export class SubscriptionOps
  implements Pick<SNSApi, 'Subscribe' | 'ConfirmSubscription' | 'Unsubscribe' | 'GetSubscriptionAttributes' | 'SetSubscriptionAttributes' | 'ListSubscriptions' | 'ListSubscriptionsByTopic'>
{
  constructor(private readonly core: SnsCore) {}

  async Subscribe(ctx: RequestContext, input: SubscribeInput): Promise<SubscribeResponse> {
    const topic = await this.core.topicByArn(ctx, input.TopicArn);
    const protocol = input.Protocol;
    if (!PROTOCOLS.has(protocol)) throw invalidParameter(`Invalid parameter: Amazon SNS does not support this protocol string: ${protocol}`);
    if (topic.fifo && protocol !== 'sqs') throw invalidParameter(`Invalid parameter: Invalid protocol type: ${protocol}`);
    const endpoint = checkEndpoint(protocol, input.Endpoint, topic);
    const attrs: Record<string, string> = {};
    const given = input.Attributes ?? {};
    // The scope first: the policy is compiled for it.
    for (const name of Object.keys(given).sort((a, b) => (a === 'FilterPolicyScope' ? -1 : b === 'FilterPolicyScope' ? 1 : 0))) {
      const v = checkSubscriptionAttribute('create', name, given[name]!, { protocol, fifo: topic.fifo === 1, current: attrs });
      if (v !== undefined) attrs[name] = v;
    }
    if (protocol === 'firehose' && !attrs.SubscriptionRoleArn) throw invalidParameter('Invalid parameter: Attributes Reason: SubscriptionRoleArn is required for firehose subscriptions');
    const needsConfirmation = CONFIRMED_BY_ENDPOINT.has(protocol);
    const now = this.core.clock.now();
    const { arn, pending, wake } = await this.core.db.tx(async (tx) => {
      const existing = await tx.get<SubscriptionRow>('SELECT * FROM sns_subscriptions WHERE topic = ? AND protocol = ? AND endpoint = ?', [topic.arn, protocol, endpoint]);
      if (existing) {
        const sub = withSubAttrs(existing);
        if (!same(sub.a, attrs)) throw invalidParameter('Invalid parameter: Attributes Reason: Subscription already exists with different attributes');
        if (sub.confirmed) return { arn: sub.arn, pending: false, wake: undefined };
        // Subscribing again while pending sends a new confirmation.
        const at = await this.confirm(tx, sub, 'SubscriptionConfirmation', now);
        return { arn: sub.arn, pending: true, wake: at };
      }
      const sub: Subscription = {
        arn: `${topic.arn}:${randomUUID()}`,
        account: topic.account,
        region: topic.region,
        topic: topic.arn,
        protocol,
        endpoint,
        owner: ctx.accountId,
        attrs: JSON.stringify(attrs),
        a: attrs,
        confirmed: needsConfirmation ? 0 : 1,
        authenticated: needsConfirmation ? 0 : 1,
        token: null,
        token_expires: null,
        created: now,
      };
      await tx.run(
        'INSERT INTO sns_subscriptions (arn, account, region, topic, protocol, endpoint, owner, attrs, confirmed, authenticated, token, token_expires, created) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, NULL, ?)',
        [sub.arn, sub.account, sub.region, sub.topic, protocol, endpoint, sub.owner, sub.attrs, sub.confirmed, sub.authenticated, now],
      );
      const at = needsConfirmation ? await this.confirm(tx, sub, 'SubscriptionConfirmation', now) : undefined;
      return { arn: sub.arn, pending: needsConfirmation, wake: at };
    });
    if (wake !== undefined) this.core.jobs.wake(wake.kind, wake.at);
    return { SubscriptionArn: pending && input.ReturnSubscriptionArn !== true ? 'pending confirmation' : arn };
  }

  /** A new token for the subscription and its confirmation message, in the caller's transaction. */
  private async confirm(tx: Tx, sub: Subscription, type: 'SubscriptionConfirmation', now: number): Promise<{ kind: string; at: number }> {
    const token = randomBytes(144).toString('hex');
    await tx.run('UPDATE sns_subscriptions SET token = ?, token_expires = ? WHERE arn = ?', [token, now + TOKEN_MS, sub.arn]);
    return enqueueConfirmation(tx, this.core, { sub: sub.arn, topic: sub.topic, protocol: sub.protocol, endpoint: sub.endpoint, type, token }, now);
  }

  async ConfirmSubscription(ctx: RequestContext, input: ConfirmSubscriptionInput): Promise<ConfirmSubscriptionResponse> {
    return { SubscriptionArn: await this.confirmByToken(ctx, input.TopicArn, input.Token, true, input.AuthenticateOnUnsubscribe) };
  }

  /** ConfirmSubscription, signed (the API) or not (the SubscribeURL a recipient visits). */
  async confirmByToken(ctx: Pick<RequestContext, 'region'>, topicArn: string, token: string, authenticated: boolean, authenticateOnUnsubscribe?: string): Promise<string> {
    const arn = parseArn(topicArn);
    if (!arn || arn.service !== 'sns' || arn.region !== ctx.region || topicArn.split(':').length !== 6) throw invalidParameter('Invalid parameter: Topic');
    if (!/^[0-9a-f]+$/.test(token)) throw invalidParameter('Invalid token');
    const now = this.core.clock.now();
    return this.core.db.tx(async (tx) => {
      const row = await tx.get<SubscriptionRow>('SELECT * FROM sns_subscriptions WHERE token = ?', [token]);
      if (!row || Number(row.token_expires) < now) throw invalidParameter('Invalid parameter: Token');
      const auth = authenticated && authenticateOnUnsubscribe?.toLowerCase() === 'true' ? 1 : Number(row.authenticated);
      await tx.run('UPDATE sns_subscriptions SET confirmed = 1, authenticated = ? WHERE arn = ?', [auth, row.arn]);
      return row.arn;
    });
  }

  async Unsubscribe(ctx: RequestContext, input: UnsubscribeInput): Promise<void> {
    this.core.parseSubscriptionArn(ctx, input.SubscriptionArn);
    await this.unsubscribe(input.SubscriptionArn);
  }

  /** Removes a subscription (none is fine: Unsubscribe is idempotent); its endpoint hears of it as AWS tells it. */
  async unsubscribe(arn: string): Promise<void> {
    const now = this.core.clock.now();
    const wake = await this.core.db.tx(async (tx) => {
      const row = await tx.get<SubscriptionRow>('SELECT * FROM sns_subscriptions WHERE arn = ?', [arn]);
      if (!row) return undefined;
      await tx.run('DELETE FROM sns_subscriptions WHERE arn = ?', [arn]);
      const topic = await this.core.topicOfArn(row.topic, tx);
      if (topic) await tx.run('UPDATE sns_topics SET deleted_subs = deleted_subs + 1 WHERE account = ? AND region = ? AND name = ?', [topic.account, topic.region, topic.name]);
      if ((row.protocol === 'http' || row.protocol === 'https') && Number(row.confirmed)) {
        const token = randomBytes(144).toString('hex');
        return enqueueConfirmation(tx, this.core, { sub: arn, topic: row.topic, protocol: row.protocol, endpoint: row.endpoint, type: 'UnsubscribeConfirmation', token }, now);
      }
      return undefined;
    });
    if (wake) this.core.jobs.wake(wake.kind, wake.at);
  }

  async GetSubscriptionAttributes(ctx: RequestContext, input: GetSubscriptionAttributesInput): Promise<GetSubscriptionAttributesResponse> {
    const sub = await this.core.subscriptionByArn(ctx, input.SubscriptionArn);
    const topic = await this.core.topicOfArn(sub.topic);
    const out: Record<string, string> = {
      ConfirmationWasAuthenticated: sub.authenticated ? 'true' : 'false',
      Endpoint: sub.endpoint,
      Owner: sub.owner,
      PendingConfirmation: sub.confirmed ? 'false' : 'true',
      Protocol: sub.protocol,
      RawMessageDelivery: 'false',
      SubscriptionArn: sub.arn,
      SubscriptionPrincipal: `arn:aws:iam::${sub.owner}:root`,
      TopicArn: sub.topic,
    };
    if (sub.protocol === 'http' || sub.protocol === 'https') {
      const topicPolicy = effectiveDeliveryPolicy(topic?.a.DeliveryPolicy).http;
      const own = sub.a.DeliveryPolicy ? (JSON.parse(sub.a.DeliveryPolicy) as Record<string, unknown>) : {};
      out.EffectiveDeliveryPolicy = JSON.stringify({
        healthyRetryPolicy: { ...topicPolicy.defaultHealthyRetryPolicy, ...((own.healthyRetryPolicy as object | undefined) ?? {}) },
        requestPolicy: { ...topicPolicy.defaultRequestPolicy, ...((own.requestPolicy as object | undefined) ?? {}) },
        ...(own.throttlePolicy ? { throttlePolicy: own.throttlePolicy } : {}),
      });
    }
    Object.assign(out, sub.a);
    if (sub.a.FilterPolicy && !sub.a.FilterPolicyScope) out.FilterPolicyScope = 'MessageAttributes';
    return { Attributes: out };
  }

  async SetSubscriptionAttributes(ctx: RequestContext, input: SetSubscriptionAttributesInput): Promise<void> {
    const sub = await this.core.subscriptionByArn(ctx, input.SubscriptionArn);
    if (!SUBSCRIPTION_SETTABLE.has(input.AttributeName)) throw invalidParameter('Invalid parameter: AttributeName');
    const topic = await this.core.topicOfArn(sub.topic);
    const value = checkSubscriptionAttribute('set', input.AttributeName, input.AttributeValue ?? '', { protocol: sub.protocol, fifo: topic?.fifo === 1, current: sub.a });
    await this.core.db.tx(async (tx) => {
      const current = await this.core.subscription(sub.arn, tx);
      if (!current) throw subscriptionNotFound();
      const attrs = { ...current.a };
      if (value === undefined) delete attrs[input.AttributeName];
      else attrs[input.AttributeName] = value;
      await tx.run('UPDATE sns_subscriptions SET attrs = ? WHERE arn = ?', [JSON.stringify(attrs), sub.arn]);
    });
  }

  async ListSubscriptions(ctx: RequestContext, input: ListSubscriptionsInput): Promise<ListSubscriptionsResponse> {
    const scope = { accountId: ctx.accountId, region: ctx.region };
    const listing = listingOf('ListSubscriptions', scope);
    const after = this.after(input.NextToken, listing);
    const rows = await this.core.db.all<SubscriptionRow>(
      `SELECT * FROM sns_subscriptions WHERE account = ? AND region = ?${after !== undefined ? ' AND arn > ?' : ''} ORDER BY arn LIMIT ?`,
      [scope.accountId, scope.region, ...(after !== undefined ? [after] : []), PAGE + 1],
    );
    return this.page(listing, rows);
  }

  async ListSubscriptionsByTopic(ctx: RequestContext, input: ListSubscriptionsByTopicInput): Promise<ListSubscriptionsByTopicResponse> {
    const topic = await this.core.topicByArn(ctx, input.TopicArn);
    const listing = listingOf('ListSubscriptionsByTopic', { accountId: ctx.accountId, region: ctx.region }, topic.arn);
    const after = this.after(input.NextToken, listing);
    const rows = await this.core.db.all<SubscriptionRow>(
      `SELECT * FROM sns_subscriptions WHERE topic = ?${after !== undefined ? ' AND arn > ?' : ''} ORDER BY arn LIMIT ?`,
      [topic.arn, ...(after !== undefined ? [after] : []), PAGE + 1],
    );
    return this.page(listing, rows);
  }

  private after(token: string | undefined, listing: string): string | undefined {
    if (token === undefined) return undefined;
    const key = decodePageToken(token, listing);
    if (!key) throw invalidParameter('Invalid parameter: NextToken');
    return String(key[0]);
  }

  private page(listing: string, rows: SubscriptionRow[]): { Subscriptions: SubscriptionShape[]; NextToken?: string } {
    const page = pageOf(listing, rows, PAGE, (r) => [r.arn]);
    const subs = page.items.map((r) => ({
      SubscriptionArn: Number(r.confirmed) ? r.arn : 'PendingConfirmation',
      Owner: r.owner,
      Protocol: r.protocol,
      Endpoint: r.endpoint,
      TopicArn: r.topic,
    }));
    return { Subscriptions: subs, ...(page.next ? { NextToken: page.next } : {}) };
  }
}
