/** Tags (TagResource, UntagResource, ListTagsForResource) and topic permissions (AddPermission, RemovePermission). */
import { parseArn } from '../../../aws/arn.js';
import type { RequestContext } from '../../../core/context.js';
import {
  ResourceNotFoundException,
  TagLimitExceededException,
  TagPolicyException,
  type AddPermissionInput,
  type ListTagsForResourceRequest,
  type ListTagsForResourceResponse,
  type RemovePermissionInput,
  type SNSApi,
  type Tag,
  type TagResourceRequest,
  type TagResourceResponse,
  type UntagResourceRequest,
  type UntagResourceResponse,
} from '../../../generated/sns.js';
import type { TagProblem } from '../../../storage/tags.js';
import { invalidParameter, topicNotFound, type SnsCore, type Topic } from '../core.js';
import { defaultTopicPolicy } from '../attributes.js';

export function tagError(problem: TagProblem): Error {
  switch (problem.kind) {
    case 'tooMany':
      return new TagLimitExceededException('Could not complete request: tag quota of per resource exceeded');
    case 'keyLength':
      return new TagPolicyException(`Tag key length must be between 1 and 128 characters: ${problem.key}`);
    case 'valueLength':
      return new TagPolicyException(`Tag value length must be at most 256 characters: ${problem.key}`);
    case 'reservedPrefix':
      return invalidParameter(`Invalid parameter: Tags Reason: Keys can not start with "aws:"`);
  }
}

/** A Tags list as a map, refusing a key given twice. */
export function checkTagList(tags: readonly Tag[] | undefined): Record<string, string> | undefined {
  if (!tags || tags.length === 0) return undefined;
  const out: Record<string, string> = {};
  for (const t of tags) {
    if (t.Key in out) throw invalidParameter('Invalid parameter: Duplicated keys are not allowed.');
    out[t.Key] = t.Value;
  }
  return out;
}

/** The actions AddPermission may grant (SNS's own, without the prefix). */
const GRANTABLE = new Set([
  '*', 'AddPermission', 'ConfirmSubscription', 'DeleteTopic', 'GetDataProtectionPolicy', 'GetTopicAttributes', 'ListSubscriptionsByTopic',
  'ListTagsForResource', 'Publish', 'PutDataProtectionPolicy', 'RemovePermission', 'SetTopicAttributes', 'Subscribe',
]);

export class TagAndPermissionOps implements Pick<SNSApi, 'TagResource' | 'UntagResource' | 'ListTagsForResource' | 'AddPermission' | 'RemovePermission'> {
  constructor(private readonly core: SnsCore) {}

  private async resource(ctx: RequestContext, text: string): Promise<Topic> {
    const arn = parseArn(text);
    if (!arn || arn.service !== 'sns' || arn.region !== ctx.region) throw invalidParameter('Invalid parameter: ResourceArn');
    const topic = await this.core.topic({ accountId: arn.account, region: arn.region }, arn.resource);
    if (!topic) throw new ResourceNotFoundException('Resource does not exist');
    return topic;
  }

  async TagResource(ctx: RequestContext, input: TagResourceRequest): Promise<TagResourceResponse> {
    const topic = await this.resource(ctx, input.ResourceArn);
    const tags = checkTagList(input.Tags) ?? {};
    await this.core.db.tx(async (tx) => {
      const problem = await this.core.tags.tag(tx, { accountId: topic.account, region: topic.region }, topic.arn, tags);
      if (problem) throw tagError(problem);
    });
    return {};
  }

  async UntagResource(ctx: RequestContext, input: UntagResourceRequest): Promise<UntagResourceResponse> {
    const topic = await this.resource(ctx, input.ResourceArn);
    await this.core.db.tx((tx) => this.core.tags.untag(tx, { accountId: topic.account, region: topic.region }, topic.arn, input.TagKeys));
    return {};
  }

  async ListTagsForResource(ctx: RequestContext, input: ListTagsForResourceRequest): Promise<ListTagsForResourceResponse> {
    const topic = await this.resource(ctx, input.ResourceArn);
    const entries = await this.core.tags.entries({ accountId: topic.account, region: topic.region }, topic.arn);
    return { Tags: entries.map(([Key, Value]) => ({ Key, Value })) };
  }

  async AddPermission(ctx: RequestContext, input: AddPermissionInput): Promise<void> {
    const topic = await this.core.topicByArn(ctx, input.TopicArn);
    for (const action of input.ActionName) {
      if (!GRANTABLE.has(action)) throw invalidParameter('Invalid parameter: Policy statement action out of service scope!');
    }
    const principals = input.AWSAccountId.map((a) => (/^\d{12}$/.test(a) ? `arn:aws:iam::${a}:root` : a));
    const actions = input.ActionName.map((a) => `SNS:${a}`);
    const statement = {
      Sid: input.Label,
      Effect: 'Allow',
      Principal: { AWS: principals.length === 1 ? principals[0] : principals },
      Action: actions.length === 1 ? actions[0] : actions,
      Resource: topic.arn,
    };
    await this.updatePolicy(topic, (statements) => {
      if (statements.some((s) => s.Sid === input.Label)) throw invalidParameter('Invalid parameter: Statement already exists');
      return [...statements, statement];
    });
  }

  async RemovePermission(ctx: RequestContext, input: RemovePermissionInput): Promise<void> {
    const topic = await this.core.topicByArn(ctx, input.TopicArn);
    await this.updatePolicy(topic, (statements) => statements.filter((s) => s.Sid !== input.Label));
  }

  private async updatePolicy(topic: Topic, change: (statements: { Sid?: string }[]) => object[]): Promise<void> {
    await this.core.db.tx(async (tx) => {
      const current = await this.core.topic({ accountId: topic.account, region: topic.region }, topic.name, tx);
      if (!current) throw topicNotFound();
      const doc = JSON.parse(current.a.Policy ?? defaultTopicPolicy(topic.arn, topic.account)) as { Statement?: unknown };
      const list = Array.isArray(doc.Statement) ? doc.Statement : doc.Statement ? [doc.Statement] : [];
      const attrs = { ...current.a, Policy: JSON.stringify({ ...doc, Statement: change(list as { Sid?: string }[]) }) };
      await tx.run('UPDATE sns_topics SET attrs = ? WHERE account = ? AND region = ? AND name = ?', [JSON.stringify(attrs), topic.account, topic.region, topic.name]);
    });
    this.core.policies.changed();
  }
}
