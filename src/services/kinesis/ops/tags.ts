/** Stream tags: AddTagsToStream, RemoveTagsFromStream, ListTagsForStream, and the ARN-addressed TagResource family. */
import type { RequestContext } from '../../../core/context.js';
import {
  InvalidArgumentException,
  LimitExceededException,
  type AddTagsToStreamInput,
  type KinesisApi,
  type ListTagsForResourceInput,
  type ListTagsForResourceOutput,
  type ListTagsForStreamInput,
  type ListTagsForStreamOutput,
  type RemoveTagsFromStreamInput,
  type TagResourceInput,
  type UntagResourceInput,
} from '../../../generated/kinesis.js';
import { MAX_TAGS_PER_RESOURCE, type TagProblem } from '../../../storage/tags.js';
import type { KinesisCore, StreamRef } from '../core.js';

type Ops = 'AddTagsToStream' | 'RemoveTagsFromStream' | 'ListTagsForStream' | 'TagResource' | 'UntagResource' | 'ListTagsForResource';

export function tagProblem(problem: TagProblem, stream: string): LimitExceededException | InvalidArgumentException {
  switch (problem.kind) {
    case 'tooMany':
      return new LimitExceededException(`Failed to add tags to stream ${stream} because it would exceed the tag limit of ${MAX_TAGS_PER_RESOURCE}.`);
    case 'reservedPrefix':
      return new InvalidArgumentException(`Tag key ${problem.key} uses the reserved prefix 'aws:'.`);
    case 'keyLength':
      return new InvalidArgumentException(`Tag key ${problem.key} is too long.`);
    case 'valueLength':
      return new InvalidArgumentException(`The value of tag key ${problem.key} is too long.`);
  }
}

export class TagOps implements Pick<KinesisApi, Ops> {
  constructor(private readonly core: KinesisCore) {}

  async AddTagsToStream(ctx: RequestContext, input: AddTagsToStreamInput): Promise<void> {
    await this.tag(ctx, input, input.Tags);
  }

  async TagResource(ctx: RequestContext, input: TagResourceInput): Promise<void> {
    await this.tag(ctx, { StreamARN: input.ResourceARN }, input.Tags);
  }

  async RemoveTagsFromStream(ctx: RequestContext, input: RemoveTagsFromStreamInput): Promise<void> {
    await this.untag(ctx, input, input.TagKeys);
  }

  async UntagResource(ctx: RequestContext, input: UntagResourceInput): Promise<void> {
    await this.untag(ctx, { StreamARN: input.ResourceARN }, input.TagKeys);
  }

  async ListTagsForStream(ctx: RequestContext, input: ListTagsForStreamInput): Promise<ListTagsForStreamOutput> {
    const { scope, doc } = await this.core.stream(ctx, input);
    const limit = input.Limit ?? 50;
    const all = (await this.core.tags.entries(scope, doc.arn)).filter(([k]) => input.ExclusiveStartTagKey === undefined || k > input.ExclusiveStartTagKey);
    return { Tags: all.slice(0, limit).map(([Key, Value]) => ({ Key, Value })), HasMoreTags: all.length > limit };
  }

  async ListTagsForResource(ctx: RequestContext, input: ListTagsForResourceInput): Promise<ListTagsForResourceOutput> {
    const { scope, doc } = await this.core.stream(ctx, { StreamARN: input.ResourceARN });
    return { Tags: (await this.core.tags.entries(scope, doc.arn)).map(([Key, Value]) => ({ Key, Value })) };
  }

  private async tag(ctx: RequestContext, ref: StreamRef, tags: Record<string, string>): Promise<void> {
    await this.core.db.tx(async (tx) => {
      const { scope, doc } = await this.core.stream(ctx, ref, tx);
      const problem = await this.core.tags.tag(tx, scope, doc.arn, tags);
      if (problem) throw tagProblem(problem, doc.name);
    });
  }

  private async untag(ctx: RequestContext, ref: StreamRef, keys: readonly string[]): Promise<void> {
    await this.core.db.tx(async (tx) => {
      const { scope, doc } = await this.core.stream(ctx, ref, tx);
      await this.core.tags.untag(tx, scope, doc.arn, keys);
    });
  }
}
