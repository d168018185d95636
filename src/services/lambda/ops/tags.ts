import { isAccountId, parseResourceArn } from '../../../aws/arn.js';
/** Tags of functions (on the unqualified function ARN), kept in the function's row. */
import type { RequestContext } from '../../../core/context.js';
import {
  InvalidParameterValueException,
  ResourceNotFoundException,
  type LambdaApi,
  type ListTagsRequest,
  type ListTagsResponse,
  type TagResourceRequest,
  type Tags,
  type UntagResourceRequest,
} from '../../../generated/lambda.js';
import type { LambdaCore } from '../core.js';
import { USER_FAULT } from '../errors.js';
import { MAX_TAGS } from '../limits.js';

export class TagOps implements Pick<LambdaApi, 'TagResource' | 'UntagResource' | 'ListTags'> {
  constructor(private readonly core: LambdaCore) {}

  async TagResource(ctx: RequestContext, input: TagResourceRequest): Promise<void> {
    const name = taggedFunction(ctx, input.Resource);
    await this.core.db.tx(async (tx) => {
      const row = await this.core.fnRow(ctx, name, tx);
      const tags = { ...(JSON.parse(row.tags) as Tags), ...input.Tags };
      if (Object.keys(tags).length > MAX_TAGS) throw new InvalidParameterValueException('Number of tags exceeds resource tag limit.', USER_FAULT);
      await tx.run('UPDATE lambda_functions SET tags = ? WHERE account = ? AND region = ? AND name = ?', [JSON.stringify(tags), ctx.accountId, ctx.region, name]);
    });
  }

  async UntagResource(ctx: RequestContext, input: UntagResourceRequest): Promise<void> {
    const name = taggedFunction(ctx, input.Resource);
    await this.core.db.tx(async (tx) => {
      const row = await this.core.fnRow(ctx, name, tx);
      const tags = JSON.parse(row.tags) as Tags;
      for (const k of input.TagKeys) delete tags[k];
      await tx.run('UPDATE lambda_functions SET tags = ? WHERE account = ? AND region = ? AND name = ?', [JSON.stringify(tags), ctx.accountId, ctx.region, name]);
    });
  }

  async ListTags(ctx: RequestContext, input: ListTagsRequest): Promise<ListTagsResponse> {
    const name = taggedFunction(ctx, input.Resource);
    const row = await this.core.fnRow(ctx, name);
    return { Tags: JSON.parse(row.tags) as Tags };
  }
}

/** The function name in a taggable ARN of this account and region. */
function taggedFunction(ctx: RequestContext, resource: string): string {
  const arn = parseResourceArn(resource, 'lambda', 'function:');
  if (!arn || !isAccountId(arn.account) || arn.region === '' || !/^[a-zA-Z0-9-_]+$/.test(arn.name)) {
    throw new InvalidParameterValueException(`Tags are supported on unqualified function ARNs only in Stratus: ${resource}`, USER_FAULT);
  }
  if (arn.region !== ctx.region || arn.account !== ctx.accountId) throw new ResourceNotFoundException(`Function not found: ${resource}`, USER_FAULT);
  return arn.name;
}
