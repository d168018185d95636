import { isRoleArn, parseArn } from '../../../aws/arn.js';
import type { RequestContext } from '../../../core/context.js';
import {
  BadRequestException,
  type APIGatewayApi,
  type Account,
  type GetAccountRequest,
  type GetTagsRequest,
  type TagResourceRequest,
  type Tags,
  type UntagResourceRequest,
  type UpdateAccountRequest,
} from '../../../generated/apigateway.js';
import { scopeOf } from '../common.js';
import { applyPatch } from '../patch.js';
import type { ControlCore } from './core.js';

/** AWS's limit on tags per resource. */
const MAX_TAGS = 50;

/** The taggable resources an ARN names: REST APIs, stages, API keys and usage plans. */
type Taggable = { kind: 'api'; apiId: string } | { kind: 'stage'; apiId: string; stage: string } | { kind: 'key'; id: string } | { kind: 'plan'; id: string };

function taggableOf(ctx: RequestContext, arn: string): Taggable {
  const parsed = parseArn(arn);
  // The resource is a path on one line: `/restapis/a1b2c3`, `/restapis/a1b2c3/stages/prod`...
  const path = parsed?.service === 'apigateway' && parsed.region === ctx.region ? /^\/(.+)$/.exec(parsed.resource)?.[1] : undefined;
  if (path === undefined) throw new BadRequestException(`Invalid resource ARN: ${arn}`);
  const parts = path.split('/');
  if (parts[0] === 'restapis' && parts.length === 2) return { kind: 'api', apiId: parts[1]! };
  if (parts[0] === 'restapis' && parts[2] === 'stages' && parts.length === 4) return { kind: 'stage', apiId: parts[1]!, stage: parts[3]! };
  if (parts[0] === 'apikeys' && parts.length === 2) return { kind: 'key', id: parts[1]! };
  if (parts[0] === 'usageplans' && parts.length === 2) return { kind: 'plan', id: parts[1]! };
  throw new BadRequestException(`Tagging is not supported for resource ${arn}`);
}

/** Account settings and the tags of REST APIs, stages, API keys and usage plans. */
export class AccountAndTagOps implements Pick<APIGatewayApi, 'GetAccount' | 'UpdateAccount' | 'GetTags' | 'TagResource' | 'UntagResource'> {
  constructor(private readonly core: ControlCore) {}

  async GetAccount(ctx: RequestContext, _input?: GetAccountRequest): Promise<Account> {
    const settings = await this.core.store.account.get(this.core.db, scopeOf(ctx), []);
    return { cloudwatchRoleArn: settings?.cloudwatchRoleArn, throttleSettings: { burstLimit: 5000, rateLimit: 10000 }, features: ['UsagePlans'], apiKeyVersion: '4' };
  }

  async UpdateAccount(ctx: RequestContext, input: UpdateAccountRequest): Promise<Account> {
    const s = scopeOf(ctx);
    await this.core.db.tx(async (tx) => {
      const settings = (await this.core.store.account.get(tx, s, [])) ?? {};
      applyPatch(settings, input.patchOperations, { cloudwatchRoleArn: 'string' }, (op, segs) => {
        // The UsagePlans feature is always on (as for every account created since 2016).
        return segs[0] === 'features' && op.op === 'add' && op.value === 'UsagePlans';
      });
      if (settings.cloudwatchRoleArn && !isRoleArn(settings.cloudwatchRoleArn)) throw new BadRequestException('The role ARN is not well formed');
      await this.core.store.account.put(tx, s, [], settings);
    });
    return this.GetAccount(ctx);
  }

  /** Runs `change` on the tags of the resource `arn` names; stores them when it returns true. */
  private async withTags(ctx: RequestContext, arn: string, change: (tags: Record<string, string>) => boolean): Promise<Record<string, string>> {
    const s = scopeOf(ctx);
    const target = taggableOf(ctx, arn);
    const { store } = this.core;
    return this.core.db.tx(async (tx) => {
      let tags: Record<string, string>;
      if (target.kind === 'api') {
        const doc = await this.core.loadApi(tx, s, target.apiId);
        tags = doc.api.tags ??= {};
        if (change(tags)) await store.apis.put(tx, s, [target.apiId], doc);
      } else if (target.kind === 'stage') {
        await this.core.loadApi(tx, s, target.apiId);
        const st = await this.core.stage(tx, s, target.apiId, target.stage);
        tags = st.tags ??= {};
        if (change(tags)) await store.stages.put(tx, s, [target.apiId, target.stage], st);
      } else if (target.kind === 'key') {
        const k = await this.core.key(tx, s, target.id);
        tags = k.tags ??= {};
        if (change(tags)) await store.keys.put(tx, s, [target.id], k);
      } else {
        const p = await this.core.plan(tx, s, target.id);
        tags = p.tags ??= {};
        if (change(tags)) await store.plans.put(tx, s, [target.id], p);
      }
      return { ...tags };
    });
  }

  async GetTags(ctx: RequestContext, input: GetTagsRequest): Promise<Tags> {
    return { tags: await this.withTags(ctx, input.resourceArn, () => false) };
  }

  async TagResource(ctx: RequestContext, input: TagResourceRequest): Promise<void> {
    await this.withTags(ctx, input.resourceArn, (tags) => {
      Object.assign(tags, input.tags);
      if (Object.keys(tags).length > MAX_TAGS) throw new BadRequestException(`Too many tags: a resource can have at most ${MAX_TAGS} tags`);
      return true;
    });
  }

  async UntagResource(ctx: RequestContext, input: UntagResourceRequest): Promise<void> {
    await this.withTags(ctx, input.resourceArn, (tags) => {
      for (const k of input.tagKeys ?? []) delete tags[k];
      return true;
    });
  }
}
