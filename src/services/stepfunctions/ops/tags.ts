/** Tags of state machines and activities. */
import type { RequestContext } from '../../../core/context.js';
import {
  InvalidArn,
  ResourceNotFound,
  TooManyTags,
  type ListTagsForResourceInput,
  type SFNApi,
  type TagResourceInput,
  type UntagResourceInput,
} from '../../../generated/stepfunctions.js';
import { arnParts, checkTagKeys, resourceTypeNotValid, type SfnCore } from '../core.js';

/** The most tags a resource can have, as AWS. */
const MAX_TAGS = 50;

export class TagOps implements Pick<SFNApi, 'TagResource' | 'UntagResource' | 'ListTagsForResource'> {
  constructor(private readonly core: SfnCore) {}

  async TagResource(_ctx: RequestContext, input: TagResourceInput) {
    await this.checkTaggable(input.resourceArn);
    const existing = await this.core.store.tags(input.resourceArn);
    const keys = new Set([...existing.map((t) => t.key), ...(input.tags ?? []).map((t) => t.key)]);
    if (keys.size > MAX_TAGS) throw new TooManyTags(`Too many tags: the resource can have at most 50 tags`);
    checkTagKeys(input.tags);
    await this.core.store.tagResource(input.resourceArn, input.tags ?? []);
    return {};
  }

  async UntagResource(_ctx: RequestContext, input: UntagResourceInput) {
    await this.checkTaggable(input.resourceArn);
    await this.core.store.untagResource(input.resourceArn, input.tagKeys ?? []);
    return {};
  }

  async ListTagsForResource(_ctx: RequestContext, input: ListTagsForResourceInput) {
    await this.checkTaggable(input.resourceArn);
    return { tags: await this.core.store.tags(input.resourceArn) };
  }

  /** Tags go on state machines (not their versions or aliases) and activities that exist. */
  private async checkTaggable(arn: string): Promise<void> {
    const parts = arnParts(arn);
    if (!parts) throw new InvalidArn(`Invalid Arn: '${arn}'`);
    let exists: boolean;
    if (parts[5] === 'stateMachine' && parts.length === 7) exists = !!(await this.core.store.stateMachine(arn));
    else if (parts[5] === 'activity') exists = !!(await this.core.store.activity(arn));
    else throw resourceTypeNotValid(parts[5]!);
    if (!exists) throw new ResourceNotFound(`Resource not found: '${arn}'`);
  }
}
