/** Tags on distributions and functions: TagResource, UntagResource, ListTagsForResource. */
import { parseArn } from '../../../aws/arn.js';
import type { RequestContext } from '../../../core/context.js';
import type * as CF from '../../../generated/cloudfront.js';
import { InvalidArgument, InvalidTagging, NoSuchResource } from '../../../generated/cloudfront.js';
import type { CloudFrontCore } from '../core.js';
import { TAG_SCOPE, tagRecord } from './distributions.js';

export class TagOps implements Pick<CF.CloudFrontApi, 'TagResource' | 'UntagResource' | 'ListTagsForResource'> {
  constructor(private readonly core: CloudFrontCore) {}

  /** The ARN's resource must exist in the caller's account. */
  private async check(ctx: RequestContext, text: string): Promise<void> {
    const arn = parseArn(text);
    if (!arn || arn.service !== 'cloudfront') throw new InvalidArgument('The specified ARN is invalid.');
    const [type, id] = arn.resource.split('/');
    let found = false;
    if (arn.account === ctx.accountId && id) {
      if (type === 'distribution') found = (await this.core.store.distribution(id))?.account === ctx.accountId;
      else if (type === 'function') found = (await this.core.store.fn(ctx.accountId, id, 'DEVELOPMENT')) !== undefined || (await this.core.store.fn(ctx.accountId, id, 'LIVE')) !== undefined;
    }
    if (!found) throw new NoSuchResource('The specified resource does not exist.');
  }

  async TagResource(ctx: RequestContext, input: CF.TagResourceRequest): Promise<void> {
    await this.check(ctx, input.Resource);
    const tags = tagRecord(input.Tags);
    const problem = await this.core.db.tx((tx) => this.core.tags.tag(tx, TAG_SCOPE(ctx.accountId), input.Resource, tags));
    if (problem) throw new InvalidTagging('Your request contains too many tags.');
  }

  async UntagResource(ctx: RequestContext, input: CF.UntagResourceRequest): Promise<void> {
    await this.check(ctx, input.Resource);
    await this.core.db.tx((tx) => this.core.tags.untag(tx, TAG_SCOPE(ctx.accountId), input.Resource, input.TagKeys.Items ?? []));
  }

  async ListTagsForResource(ctx: RequestContext, input: CF.ListTagsForResourceRequest): Promise<CF.ListTagsForResourceResult> {
    await this.check(ctx, input.Resource);
    const entries = await this.core.tags.entries(TAG_SCOPE(ctx.accountId), input.Resource);
    const items = entries.map(([Key, Value]) => ({ Key, Value }));
    return { Tags: { ...(items.length ? { Items: items } : {}) } };
  }
}
