/**
 * Table tags, kept in the shared tags table (storage/tags.ts) under the table's ARN. CreateTable
 * writes the tags it is given and DeleteTable forgets them (./tables.ts).
 */
import type { RequestContext } from '../../../core/context.js';
import {
  ResourceNotFoundException,
  type DynamoDBApi,
  type ListTagsOfResourceInput,
  type ListTagsOfResourceOutput,
  type TagResourceInput,
  type UntagResourceInput,
} from '../../../generated/dynamodb.js';
import type { Tx } from '../../../storage/db.js';
import { DYNAMODB_TAG_RULES, tableNotFound, tagError, tagMap, type DynamoDbCore } from '../core.js';
import { parseTableArn, tableArn, type TableMeta } from '../tables.js';

type TagOperations = 'TagResource' | 'UntagResource' | 'ListTagsOfResource';

export class TagOps implements Pick<DynamoDBApi, TagOperations> {
  constructor(private readonly core: DynamoDbCore) {}

  async TagResource(ctx: RequestContext, input: TagResourceInput): Promise<void> {
    await this.changeTags(ctx, input.ResourceArn, async (tx, arn) => {
      const problem = await this.core.tags.tag(tx, ctx, arn, tagMap(input.Tags), DYNAMODB_TAG_RULES);
      if (problem) throw tagError(problem);
    });
  }

  async UntagResource(ctx: RequestContext, input: UntagResourceInput): Promise<void> {
    await this.changeTags(ctx, input.ResourceArn, (tx, arn) => this.core.tags.untag(tx, ctx, arn, input.TagKeys));
  }

  /** Every tag of the table, in key order, on one page (no NextToken). */
  async ListTagsOfResource(ctx: RequestContext, input: ListTagsOfResourceInput): Promise<ListTagsOfResourceOutput> {
    const tags = await this.core.tags.list(ctx, tableArn(await this.tableByArn(ctx, input.ResourceArn)));
    return { Tags: Object.entries(tags).map(([Key, Value]) => ({ Key, Value })) };
  }

  /** Runs `change` on the tags of the table `arn` names, in a transaction that finds the table still there. */
  private async changeTags(ctx: RequestContext, arn: string, change: (tx: Tx, arn: string) => Promise<void>): Promise<void> {
    const t = await this.tableByArn(ctx, arn);
    await this.core.db.tx(async (tx) => {
      if (!(await this.core.store.tableExists(tx, ctx.accountId, ctx.region, t.name))) throw tableNotFound(t.name);
      await change(tx, tableArn(t));
    });
  }

  /** The table a tagging ARN names, in the caller's account and region. */
  private async tableByArn(ctx: RequestContext, arn: string): Promise<TableMeta> {
    const { region, account, name } = parseTableArn(arn);
    const t = region === ctx.region && account === ctx.accountId ? await this.core.store.table(ctx.accountId, ctx.region, name) : undefined;
    if (!t) throw new ResourceNotFoundException(`Requested resource not found: ResourcArn: ${arn} not found`);
    return t;
  }
}
