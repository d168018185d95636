/** Tags of functions (on the unqualified function ARN), kept in the shared tags table (storage/tags.ts). */
import { isAccountId, parseResourceArn } from '../../../aws/arn.js';
import type { RequestContext } from '../../../core/context.js';
import {
  InvalidParameterValueException,
  ResourceNotFoundException,
  type LambdaApi,
  type ListTagsRequest,
  type ListTagsResponse,
  type TagResourceRequest,
  type UntagResourceRequest,
} from '../../../generated/lambda.js';
import { functionArn, type LambdaCore } from '../core.js';
import { USER_FAULT } from '../errors.js';

export class TagOps implements Pick<LambdaApi, 'TagResource' | 'UntagResource' | 'ListTags'> {
  constructor(private readonly core: LambdaCore) {}

  async TagResource(ctx: RequestContext, input: TagResourceRequest): Promise<void> {
    const name = taggedFunction(ctx, input.Resource);
    await this.core.db.tx(async (tx) => {
      await this.core.fnRow(ctx, name, tx);
      await this.core.tagFunction(tx, ctx, name, input.Tags);
    });
  }

  async UntagResource(ctx: RequestContext, input: UntagResourceRequest): Promise<void> {
    const name = taggedFunction(ctx, input.Resource);
    await this.core.db.tx(async (tx) => {
      await this.core.fnRow(ctx, name, tx);
      await this.core.tags.untag(tx, ctx, functionArn(ctx, name), input.TagKeys);
    });
  }

  async ListTags(ctx: RequestContext, input: ListTagsRequest): Promise<ListTagsResponse> {
    const name = taggedFunction(ctx, input.Resource);
    await this.core.fnRow(ctx, name);
    return { Tags: await this.core.tags.list(ctx, functionArn(ctx, name)) };
  }
}

/** The function name in a taggable ARN of this account and region. */
function taggedFunction(ctx: RequestContext, resource: string): string {
  const arn = parseResourceArn(resource, 'lambda', 'function:');
  // AWS refuses a version or alias ARN before it looks the function up.
  if (arn && /^[a-zA-Z0-9-_]+:[^:]+$/.test(arn.name)) {
    throw new InvalidParameterValueException('Tags on function aliases and versions are not supported. Please specify a function ARN.', USER_FAULT);
  }
  if (!arn || !isAccountId(arn.account) || arn.region === '' || !/^[a-zA-Z0-9-_]+$/.test(arn.name)) {
    throw new InvalidParameterValueException(`Tags are supported on unqualified function ARNs only in Stratus: ${resource}`, USER_FAULT);
  }
  if (arn.region !== ctx.region || arn.account !== ctx.accountId) throw new ResourceNotFoundException(`Function not found: ${resource}`, USER_FAULT);
  return arn.name;
}
