/** Tags of event buses and rules. */
import { parseArn } from '../../../aws/arn.js';
import { ValidationException } from '../errors.js';
import type { RequestContext } from '../../../core/context.js';
import {
  LimitExceededException, ResourceNotFoundException, type EventBridgeApi, type ListTagsForResourceRequest, type ListTagsForResourceResponse, type Tag,
  type TagResourceRequest, type TagResourceResponse, type UntagResourceRequest, type UntagResourceResponse,
} from '../../../generated/events.js';
import { checkTags } from '../../../storage/tags.js';
import type { Scope } from '../../../storage/documents.js';
import type { Queryable } from '../../../storage/db.js';
import { DEFAULT_BUS, type EventsCore } from '../core.js';
import { rules } from '../store.js';

export function tagsOf(list: readonly Tag[] | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const t of list ?? []) out[t.Key] = t.Value;
  return out;
}

export function tagProblem(tags: Record<string, string>): Error | undefined {
  if (Object.keys(tags).length > 50) return new LimitExceededException('The requested resource exceeds the maximum number allowed.');
  const p = checkTags(tags);
  if (p?.kind === 'reservedPrefix') return new ValidationException('Invalid tag key: tag keys prefixed with "aws:" are reserved.');
  return undefined;
}

export class TagOps implements Pick<EventBridgeApi, 'TagResource' | 'UntagResource' | 'ListTagsForResource'> {
  constructor(private readonly core: EventsCore) {}

  /** The scope of a taggable resource (a bus or a rule), or ResourceNotFoundException. */
  private async resource(ctx: RequestContext, arn: string, q: Queryable = this.core.db): Promise<Scope> {
    const a = parseArn(arn);
    if (!a || a.service !== 'events') throw new ValidationException(`Parameter ResourceARN is not valid. Reason: Provided Arn is not in correct format.`);
    const s = { accountId: a.account || ctx.accountId, region: a.region || ctx.region };
    if (a.resource.startsWith('event-bus/')) {
      await this.core.requireBus(s, a.resource.slice('event-bus/'.length), q);
      return s;
    }
    if (a.resource.startsWith('rule/')) {
      const parts = a.resource.slice('rule/'.length).split('/');
      const [bus, name] = parts.length > 1 ? [parts[0]!, parts[1]!] : [DEFAULT_BUS, parts[0]!];
      if (!(await rules.get(q, s, [bus, name]))) throw new ResourceNotFoundException(`Rule ${name} does not exist on EventBus ${bus}.`);
      return s;
    }
    throw new ResourceNotFoundException(`Resource ${arn} does not exist.`);
  }

  async TagResource(ctx: RequestContext, input: TagResourceRequest): Promise<TagResourceResponse> {
    const tags = tagsOf(input.Tags);
    const bad = tagProblem(tags);
    if (bad) throw bad;
    await this.core.db.tx(async (tx) => {
      const s = await this.resource(ctx, input.ResourceARN, tx);
      const problem = await this.core.tags.tag(tx, s, input.ResourceARN, tags);
      if (problem) throw new LimitExceededException('The requested resource exceeds the maximum number allowed.');
    });
    return {};
  }

  async UntagResource(ctx: RequestContext, input: UntagResourceRequest): Promise<UntagResourceResponse> {
    await this.core.db.tx(async (tx) => {
      const s = await this.resource(ctx, input.ResourceARN, tx);
      await this.core.tags.untag(tx, s, input.ResourceARN, input.TagKeys);
    });
    return {};
  }

  async ListTagsForResource(ctx: RequestContext, input: ListTagsForResourceRequest): Promise<ListTagsForResourceResponse> {
    const s = await this.resource(ctx, input.ResourceARN);
    const entries = await this.core.tags.entries(s, input.ResourceARN);
    return { Tags: entries.map(([Key, Value]) => ({ Key, Value })) };
  }
}
