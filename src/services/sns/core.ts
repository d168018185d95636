/**
 * What the SNS families share: the database, clock, jobs and tags; topic and subscription lookups
 * with AWS's errors; ARN checks worded as SNS words them; the URLs SNS hands out (certificate,
 * SubscribeURL, UnsubscribeURL) on this server's port.
 */
import { arnFor, parseArn } from '../../aws/arn.js';
import type { RequestContext } from '../../core/context.js';
import type { Clock } from '../../core/clock.js';
import { InvalidParameterException, NotFoundException } from '../../generated/sns.js';
import type { Jobs } from '../../jobs/index.js';
import type { Db, Queryable } from '../../storage/db.js';
import { ResourcePolicyCache } from '../../aws/iam-resource-policies.js';
import { TagStore } from '../../storage/tags.js';
import type { Platform } from '../service.js';
import { Signer } from './signing.js';
import { SNS_MIGRATIONS, type SubscriptionRow, type TopicRow } from './store.js';

export interface Scope {
  accountId: string;
  region: string;
}

export interface Topic extends TopicRow {
  /** The attributes as stored (settable ones; defaults are added when read). */
  a: Record<string, string>;
  arn: string;
}

export interface Subscription extends SubscriptionRow {
  a: Record<string, string>;
}

export function invalidParameter(message: string): InvalidParameterException {
  return new InvalidParameterException(message);
}

export function topicNotFound(): NotFoundException {
  return new NotFoundException('Topic does not exist');
}

export function subscriptionNotFound(): NotFoundException {
  return new NotFoundException('Subscription does not exist');
}

/** SNS's words for a parameter that is not an ARN: it counts the colon-separated elements. */
export function arnElements(param: string, text: string): InvalidParameterException {
  return invalidParameter(`Invalid parameter: ${param} Reason: An ARN must have at least 6 elements, not ${text.split(':').length}`);
}

export class SnsCore {
  private constructor(
    readonly platform: Platform,
    readonly db: Db,
    readonly clock: Clock,
    readonly jobs: Jobs,
    readonly tags: TagStore,
    private readonly signerOf: () => Signer,
  ) {
    this.policies = new ResourcePolicyCache(clock, async (arn) => {
      const topic = await this.topicOfArn(arn);
      return topic && { accountId: topic.account, policy: topic.a.Policy };
    });
  }

  /** Topic policies and owners for `--iam enforce`, by topic ARN (changed() after topic writes commit). */
  readonly policies: ResourcePolicyCache;

  /** The signing key and certificate, made on first use when none is stored (signing.ts). */
  get signer(): Signer {
    return this.signerOf();
  }

  static async open(platform: Platform): Promise<SnsCore> {
    await platform.db.migrate('sns', SNS_MIGRATIONS);
    const signerOf = await Signer.open(platform.db);
    return new SnsCore(platform, platform.db, platform.clock, platform.jobs, await TagStore.open(platform.db), signerOf);
  }

  topicArn(scope: Scope, name: string): string {
    return arnFor('sns', scope, name);
  }

  /**
   * The topic an ARN names, in the caller's region: a malformed ARN, or one of another region,
   * is InvalidParameter; a missing topic NotFound.
   */
  parseTopicArn(ctx: RequestContext, text: string, param = 'TopicArn'): { scope: Scope; name: string } {
    const arn = parseArn(text);
    if (!arn || text.split(':').length < 6) throw arnElements(param, text);
    if (arn.service !== 'sns' || arn.region !== ctx.region || !/^\d{12}$/.test(arn.account) || arn.resource.includes(':')) {
      throw invalidParameter(`Invalid parameter: ${param}`);
    }
    return { scope: { accountId: arn.account, region: arn.region }, name: arn.resource };
  }

  async topicByArn(ctx: RequestContext, text: string, q: Queryable = this.db, param = 'TopicArn'): Promise<Topic> {
    const { scope, name } = this.parseTopicArn(ctx, text, param);
    const topic = await this.topic(scope, name, q);
    if (!topic) throw topicNotFound();
    return topic;
  }

  async topic(scope: Scope, name: string, q: Queryable = this.db): Promise<Topic | undefined> {
    const row = await q.get<TopicRow>('SELECT * FROM sns_topics WHERE account = ? AND region = ? AND name = ?', [scope.accountId, scope.region, name]);
    return row && this.withTopicAttrs(row);
  }

  /** The topic an ARN names, if it exists (deliveries: no request context). */
  async topicOfArn(arn: string, q: Queryable = this.db): Promise<Topic | undefined> {
    const parsed = parseArn(arn);
    if (!parsed || parsed.service !== 'sns') return undefined;
    return this.topic({ accountId: parsed.account, region: parsed.region }, parsed.resource, q);
  }

  withTopicAttrs(row: TopicRow): Topic {
    return {
      ...row,
      fifo: Number(row.fifo),
      next_seq: Number(row.next_seq),
      deleted_subs: Number(row.deleted_subs),
      a: JSON.parse(row.attrs) as Record<string, string>,
      arn: this.topicArn({ accountId: row.account, region: row.region }, row.name),
    };
  }

  /** A subscription ARN as SNS checks it: six elements, the topic's and an id. */
  parseSubscriptionArn(ctx: { readonly region: string }, text: string): void {
    if (text === '') throw invalidParameter('Invalid parameter: SubscriptionArn Reason: no value for required parameter');
    const parts = text.split(':');
    if (!text.startsWith('arn:') || parts.length < 6) throw arnElements('SubscriptionArn', text);
    if (parts.length !== 7 || parts[2] !== 'sns' || parts[3] !== ctx.region) throw invalidParameter('Invalid parameter: SubscriptionId');
  }

  async subscription(arn: string, q: Queryable = this.db): Promise<Subscription | undefined> {
    const row = await q.get<SubscriptionRow>('SELECT * FROM sns_subscriptions WHERE arn = ?', [arn]);
    return row && withSubAttrs(row);
  }

  async subscriptionByArn(ctx: RequestContext, arn: string, q: Queryable = this.db): Promise<Subscription> {
    this.parseSubscriptionArn(ctx, arn);
    const sub = await this.subscription(arn, q);
    if (!sub) throw subscriptionNotFound();
    return sub;
  }

  // URLs -----------------------------------------------------------------------------------

  /** `http://sns.{region}.localhost:{port}`: AWS's host form on this server's port. */
  serviceUrl(region: string): string {
    const port = /:(\d+)$/.exec(this.platform.endpoint())?.[1];
    return `http://sns.${region}.localhost${port ? `:${port}` : ''}`;
  }

  certUrl(region: string): string {
    return `${this.serviceUrl(region)}/${this.signer.certFile}`;
  }

  subscribeUrl(region: string, topicArn: string, token: string): string {
    return `${this.serviceUrl(region)}/?Action=ConfirmSubscription&TopicArn=${topicArn}&Token=${token}`;
  }

  unsubscribeUrl(region: string, subArn: string): string {
    return `${this.serviceUrl(region)}/?Action=Unsubscribe&SubscriptionArn=${subArn}`;
  }
}

export function withSubAttrs(row: SubscriptionRow): Subscription {
  return {
    ...row,
    confirmed: Number(row.confirmed),
    authenticated: Number(row.authenticated),
    created: Number(row.created),
    a: JSON.parse(row.attrs) as Record<string, string>,
  };
}

/** The account and region of a resource ARN (a topic's, a subscription's). */
export function scopeOfArn(arn: string): Scope {
  const parts = arn.split(':');
  return { accountId: parts[4] ?? '', region: parts[3] ?? '' };
}
