/**
 * Tags of state machines and activities, in the shared tags table under the resource's own account
 * and region (tagging finds a resource by its ARN alone, as it always did).
 */
import type { RequestContext } from '../../../core/context.js';
import {
  InvalidArn,
  ResourceNotFound,
  type ListTagsForResourceInput,
  type ListTagsForResourceOutput,
  type SFNApi,
  type TagResourceInput,
  type UntagResourceInput,
} from '../../../generated/stepfunctions.js';
import type { Queryable } from '../../../storage/db.js';
import { arnParts, resourceTypeNotValid, tagError, tagMap, type SfnCore } from '../core.js';
import { TAG_RULES, type Scope } from '../store.js';

export class TagOps implements Pick<SFNApi, 'TagResource' | 'UntagResource' | 'ListTagsForResource'> {
  constructor(private readonly core: SfnCore) {}

  async TagResource(_ctx: RequestContext, input: TagResourceInput) {
    await this.core.store.db.tx(async (tx) => {
      const scope = await this.taggable(input.resourceArn, tx);
      const problem = await this.core.store.tags.tag(tx, scope, input.resourceArn, tagMap(input.tags), TAG_RULES);
      if (problem) throw tagError(problem);
    });
    return {};
  }

  async UntagResource(_ctx: RequestContext, input: UntagResourceInput) {
    await this.core.store.db.tx(async (tx) => {
      const scope = await this.taggable(input.resourceArn, tx);
      await this.core.store.tags.untag(tx, scope, input.resourceArn, input.tagKeys ?? []);
    });
    return {};
  }

  async ListTagsForResource(_ctx: RequestContext, input: ListTagsForResourceInput): Promise<ListTagsForResourceOutput> {
    const scope = await this.taggable(input.resourceArn);
    const tags = await this.core.store.tags.entries(scope, input.resourceArn);
    return { tags: tags.map(([key, value]) => ({ key, value })) };
  }

  /** The account and region of the resource: a state machine (not a version or alias) or an activity that exists. */
  private async taggable(arn: string, q?: Queryable): Promise<Scope> {
    const scope = await this.core.store.taggedResource(arn, taggableTable(arn), q);
    if (!scope) throw new ResourceNotFound(`Resource not found: '${arn}'`);
    return scope;
  }
}

function taggableTable(arn: string): 'sfn_state_machines' | 'sfn_activities' {
  const parts = arnParts(arn);
  if (!parts) throw new InvalidArn(`Invalid Arn: '${arn}'`);
  if (parts[5] === 'stateMachine' && parts.length === 7) return 'sfn_state_machines';
  if (parts[5] === 'activity') return 'sfn_activities';
  throw resourceTypeNotValid(parts[5]!);
}
