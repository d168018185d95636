/**
 * Settings of a log group: its retention (stored, not applied) and its tags, kept in the shared tags
 * table (storage/tags.ts) under the group's ARN, through both the ARN-based operations and the older
 * name-based ones (TagLogGroup, UntagLogGroup, ListTagsLogGroup).
 */
import type { RequestContext } from '../../../core/context.js';
import {
  InvalidParameterException,
  ResourceNotFoundException,
  ValidationException,
  type CloudWatchLogsApi,
  type DeleteRetentionPolicyRequest,
  type ListTagsForResourceRequest,
  type ListTagsForResourceResponse,
  type ListTagsLogGroupRequest,
  type ListTagsLogGroupResponse,
  type PutRetentionPolicyRequest,
  type TagLogGroupRequest,
  type TagResourceRequest,
  type Tags,
  type UntagLogGroupRequest,
  type UntagResourceRequest,
} from '../../../generated/logs.js';
import { parseLogGroupArn } from '../../../aws/arn.js';
import { GROUP_NOT_FOUND, groupArn, groupName, tagProblem, type LogsCore } from '../core.js';

const RETENTION_DAYS = new Set([1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653]);

type RetentionAndTagOperations =
  | 'PutRetentionPolicy'
  | 'DeleteRetentionPolicy'
  | 'TagResource'
  | 'UntagResource'
  | 'ListTagsForResource'
  | 'TagLogGroup'
  | 'UntagLogGroup'
  | 'ListTagsLogGroup';

export class RetentionAndTagOps implements Pick<CloudWatchLogsApi, RetentionAndTagOperations> {
  constructor(private readonly core: LogsCore) {}

  async PutRetentionPolicy(ctx: RequestContext, input: PutRetentionPolicyRequest): Promise<void> {
    if (!RETENTION_DAYS.has(input.retentionInDays)) {
      throw new InvalidParameterException(
        `1 validation error detected: Value '${input.retentionInDays}' at 'retentionInDays' failed to satisfy constraint: Member must satisfy enum value set: [${[...RETENTION_DAYS].join(', ')}]`,
      );
    }
    await this.setRetention(ctx, groupName(input), input.retentionInDays);
  }

  async DeleteRetentionPolicy(ctx: RequestContext, input: DeleteRetentionPolicyRequest): Promise<void> {
    await this.setRetention(ctx, groupName(input), null);
  }

  async TagResource(ctx: RequestContext, input: TagResourceRequest): Promise<void> {
    await this.tag(ctx, this.taggedGroup(ctx, input.resourceArn), input.tags, 'TooManyTagsException');
  }

  async UntagResource(ctx: RequestContext, input: UntagResourceRequest): Promise<void> {
    await this.untag(ctx, this.taggedGroup(ctx, input.resourceArn), input.tagKeys);
  }

  async ListTagsForResource(ctx: RequestContext, input: ListTagsForResourceRequest): Promise<ListTagsForResourceResponse> {
    return { tags: await this.listTags(ctx, this.taggedGroup(ctx, input.resourceArn)) };
  }

  /** TagLogGroup is the older form of TagResource; its model lists no TooManyTagsException. */
  async TagLogGroup(ctx: RequestContext, input: TagLogGroupRequest): Promise<void> {
    await this.tag(ctx, input.logGroupName, input.tags, 'InvalidParameterException');
  }

  async UntagLogGroup(ctx: RequestContext, input: UntagLogGroupRequest): Promise<void> {
    await this.untag(ctx, input.logGroupName, input.tags);
  }

  async ListTagsLogGroup(ctx: RequestContext, input: ListTagsLogGroupRequest): Promise<ListTagsLogGroupResponse> {
    return { tags: await this.listTags(ctx, input.logGroupName) };
  }

  private async setRetention(ctx: RequestContext, name: string, days: number | null): Promise<void> {
    await this.core.group(ctx, name);
    await this.core.db.run('UPDATE logs_groups SET retention = ? WHERE account = ? AND region = ? AND name = ?', [days, ctx.accountId, ctx.region, name]);
  }

  /**
   * The log group a tagging ARN names: the group's own ARN (`logGroupArn`), in the caller's account
   * and region. AWS refuses the `:*` form DescribeLogGroups shows as `arn` with this error.
   */
  private taggedGroup(ctx: RequestContext, resourceArn: string): string {
    const group = resourceArn.endsWith(':*') ? undefined : parseLogGroupArn(resourceArn);
    if (!group) throw new ValidationException('Invalid resourceArn');
    if (group.account !== ctx.accountId || group.region !== ctx.region) throw new ResourceNotFoundException(GROUP_NOT_FOUND);
    return group.name;
  }

  private async tag(ctx: RequestContext, name: string, tags: Tags, tooMany: 'TooManyTagsException' | 'InvalidParameterException'): Promise<void> {
    await this.core.db.tx(async (tx) => {
      await this.core.group(ctx, name, tx);
      const arn = groupArn(ctx, name);
      const problem = await this.core.tags.tag(tx, ctx, arn, tags);
      if (problem) throw tagProblem(problem, arn, tooMany);
    });
  }

  private async untag(ctx: RequestContext, name: string, keys: readonly string[]): Promise<void> {
    await this.core.db.tx(async (tx) => {
      await this.core.group(ctx, name, tx);
      await this.core.tags.untag(tx, ctx, groupArn(ctx, name), keys);
    });
  }

  private async listTags(ctx: RequestContext, name: string): Promise<Tags> {
    await this.core.group(ctx, name);
    return this.core.tags.list(ctx, groupArn(ctx, name));
  }
}
