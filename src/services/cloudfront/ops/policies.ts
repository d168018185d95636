/**
 * Cache policies (Create, Get, GetConfig, Update, Delete, List) and origin request policies (Create,
 * Get, GetConfig, Delete, List): the managed ones AWS provides and the account's own, with ETags.
 */
import { randomUUID } from 'node:crypto';
import type { RequestContext } from '../../../core/context.js';
import type * as CF from '../../../generated/cloudfront.js';
import {
  CachePolicyAlreadyExists,
  CachePolicyInUse,
  IllegalDelete,
  IllegalUpdate,
  InvalidArgument,
  InvalidTTLOrder,
  NoSuchCachePolicy,
  NoSuchOriginRequestPolicy,
  OriginRequestPolicyAlreadyExists,
  OriginRequestPolicyInUse,
  NoSuchResponseHeadersPolicy,
  ResponseHeadersPolicyAlreadyExists,
  ResponseHeadersPolicyInUse,
} from '../../../generated/cloudfront.js';
import { MANAGED_RESPONSE_HEADERS_POLICIES } from '../edge/response-headers.js';
import { checkIfMatch, newETag, type CloudFrontCore } from '../core.js';
import { MANAGED_CACHE_POLICIES, MANAGED_ETAG, MANAGED_MODIFIED, MANAGED_ORIGIN_REQUEST_POLICIES } from '../policies.js';
import type { PolicyDoc } from '../store.js';
import { API_ROOT, maxItems } from './distributions.js';

type Kind = 'cache' | 'origin-request' | 'response-headers';

const MANAGED: Record<Kind, { id: string; config: any }[]> = {
  cache: MANAGED_CACHE_POLICIES,
  'origin-request': MANAGED_ORIGIN_REQUEST_POLICIES,
  'response-headers': MANAGED_RESPONSE_HEADERS_POLICIES,
};

export class PolicyOps
  implements
    Pick<
      CF.CloudFrontApi,
      | 'CreateCachePolicy'
      | 'GetCachePolicy'
      | 'GetCachePolicyConfig'
      | 'UpdateCachePolicy'
      | 'DeleteCachePolicy'
      | 'ListCachePolicies'
      | 'CreateOriginRequestPolicy'
      | 'GetOriginRequestPolicy'
      | 'GetOriginRequestPolicyConfig'
      | 'DeleteOriginRequestPolicy'
      | 'ListOriginRequestPolicies'
      | 'CreateResponseHeadersPolicy'
      | 'GetResponseHeadersPolicy'
      | 'GetResponseHeadersPolicyConfig'
      | 'DeleteResponseHeadersPolicy'
      | 'UpdateOriginRequestPolicy'
      | 'UpdateResponseHeadersPolicy'
      | 'ListDistributionsByCachePolicyId'
      | 'ListDistributionsByOriginRequestPolicyId'
      | 'ListDistributionsByResponseHeadersPolicyId'
      | 'ListResponseHeadersPolicies'
    >
{
  constructor(private readonly core: CloudFrontCore) {}

  /** The policy (managed or the account's own) by id, or the kind's not-found error. */
  async find(account: string, kind: Kind, id: string): Promise<PolicyDoc & { managed: boolean }> {
    const managed = MANAGED[kind].find((p) => p.id === id);
    if (managed) return { id, kind, etag: MANAGED_ETAG, config: managed.config, lastModified: MANAGED_MODIFIED.getTime(), managed: true };
    const own = await this.core.store.policy(account, kind, id);
    if (!own) {
      throw kind === 'cache'
        ? new NoSuchCachePolicy('The cache policy does not exist.')
        : kind === 'origin-request'
          ? new NoSuchOriginRequestPolicy('The origin request policy does not exist.')
          : new NoSuchResponseHeadersPolicy('The response headers policy does not exist.');
    }
    return { ...own, managed: false };
  }

  private checkCacheConfig(config: any): any {
    const c = structuredClone(config);
    c.DefaultTTL ??= Math.max(86400, c.MinTTL);
    c.MaxTTL ??= Math.max(31536000, c.DefaultTTL);
    if (!(c.MinTTL <= c.DefaultTTL && c.DefaultTTL <= c.MaxTTL)) throw new InvalidTTLOrder('The TTL order specified is not valid.');
    const p = c.ParametersInCacheKeyAndForwardedToOrigin;
    if (p) {
      for (const [cfg, list] of [
        [p.HeadersConfig, 'Headers'],
        [p.CookiesConfig, 'Cookies'],
        [p.QueryStringsConfig, 'QueryStrings'],
      ] as const) {
        const l = cfg?.[list];
        if (l && l.Quantity !== (l.Items ?? []).length) throw new InvalidArgument("The value of Quantity and the size of Items don't match.");
      }
    }
    return c;
  }

  private async create(ctx: RequestContext, kind: Kind, config: any): Promise<PolicyDoc> {
    const name = String(config.Name);
    const managedNames = MANAGED[kind].map((p) => p.config.Name);
    const doc: PolicyDoc = { id: randomUUID(), kind, etag: newETag(), config, lastModified: this.core.now() };
    await this.core.db.tx(async (tx) => {
      if (managedNames.includes(name) || (await this.core.store.policyNameTaken(tx, ctx.accountId, kind, name, ''))) {
        throw alreadyExists(kind);
      }
      await this.core.store.putPolicy(tx, ctx.accountId, doc);
    });
    return doc;
  }

  private async remove(ctx: RequestContext, kind: Kind, id: string, ifMatch: string | undefined): Promise<void> {
    const p = await this.find(ctx.accountId, kind, id);
    if (p.managed) throw new IllegalDelete('You cannot delete a managed policy.');
    checkIfMatch(ifMatch, p.etag);
    if (await this.core.store.distributionsMentioning(ctx.accountId, `"${id}"`)) {
      throw kind === 'cache'
        ? new CachePolicyInUse('Cannot delete the cache policy because it is attached to one or more cache behaviors.')
        : kind === 'origin-request'
          ? new OriginRequestPolicyInUse('Cannot delete the origin request policy because it is attached to one or more cache behaviors.')
          : new ResponseHeadersPolicyInUse('Cannot delete the response headers policy because it is attached to one or more cache behaviors.');
    }
    await this.core.db.tx((tx) => this.core.store.deletePolicy(tx, ctx.accountId, kind, id));
  }

  private async list(ctx: RequestContext, kind: Kind, type: string | undefined, marker: string | undefined, max: number) {
    const managed = MANAGED[kind].map((p) => ({
      doc: { id: p.id, kind, etag: MANAGED_ETAG, config: p.config, lastModified: MANAGED_MODIFIED.getTime() } as PolicyDoc,
      type: 'managed',
    }));
    const own = (await this.core.store.listPolicies(ctx.accountId, kind)).map((doc) => ({ doc, type: 'custom' }));
    const all = [...(type !== 'custom' ? managed : []), ...(type !== 'managed' ? own : [])];
    const start = marker ? all.findIndex((x) => x.doc.id === marker) + 1 : 0;
    const page = all.slice(start, start + max);
    const truncated = start + max < all.length;
    return { page, truncated, next: truncated ? page[page.length - 1]!.doc.id : undefined };
  }

  async CreateCachePolicy(ctx: RequestContext, input: CF.CreateCachePolicyRequest): Promise<CF.CreateCachePolicyResult> {
    const doc = await this.create(ctx, 'cache', this.checkCacheConfig(input.CachePolicyConfig));
    return { CachePolicy: cachePolicy(doc), ETag: doc.etag, Location: `${API_ROOT}/cache-policy/${doc.id}` };
  }

  async GetCachePolicy(ctx: RequestContext, input: CF.GetCachePolicyRequest): Promise<CF.GetCachePolicyResult> {
    const p = await this.find(ctx.accountId, 'cache', input.Id);
    return { CachePolicy: cachePolicy(p), ETag: p.etag };
  }

  async GetCachePolicyConfig(ctx: RequestContext, input: CF.GetCachePolicyConfigRequest): Promise<CF.GetCachePolicyConfigResult> {
    const p = await this.find(ctx.accountId, 'cache', input.Id);
    return { CachePolicyConfig: p.config, ETag: p.etag };
  }

  async UpdateCachePolicy(ctx: RequestContext, input: CF.UpdateCachePolicyRequest): Promise<CF.UpdateCachePolicyResult> {
    const next = await this.update(ctx, 'cache', input.Id, input.IfMatch, this.checkCacheConfig(input.CachePolicyConfig));
    return { CachePolicy: cachePolicy(next), ETag: next.etag };
  }

  async UpdateOriginRequestPolicy(ctx: RequestContext, input: CF.UpdateOriginRequestPolicyRequest): Promise<CF.UpdateOriginRequestPolicyResult> {
    const next = await this.update(ctx, 'origin-request', input.Id, input.IfMatch, structuredClone(input.OriginRequestPolicyConfig));
    return { OriginRequestPolicy: originRequestPolicy(next), ETag: next.etag };
  }

  async UpdateResponseHeadersPolicy(ctx: RequestContext, input: CF.UpdateResponseHeadersPolicyRequest): Promise<CF.UpdateResponseHeadersPolicyResult> {
    const next = await this.update(ctx, 'response-headers', input.Id, input.IfMatch, structuredClone(input.ResponseHeadersPolicyConfig));
    return { ResponseHeadersPolicy: responseHeadersPolicy(next), ETag: next.etag };
  }

  /** A custom policy's new config under If-Match (managed ones cannot change); the edge rereads policies. */
  private async update(ctx: RequestContext, kind: Kind, id: string, ifMatch: string | undefined, config: any): Promise<PolicyDoc> {
    const p = await this.find(ctx.accountId, kind, id);
    if (p.managed) throw new IllegalUpdate('You cannot update a managed policy.');
    checkIfMatch(ifMatch, p.etag);
    const next: PolicyDoc = { id: p.id, kind, etag: newETag(), config, lastModified: this.core.now() };
    await this.core.db.tx(async (tx) => {
      if (await this.core.store.policyNameTaken(tx, ctx.accountId, kind, String(config.Name), p.id)) throw alreadyExists(kind);
      await this.core.store.putPolicy(tx, ctx.accountId, next);
    });
    this.core.onDistributionChange('*');
    return next;
  }

  async DeleteCachePolicy(ctx: RequestContext, input: CF.DeleteCachePolicyRequest): Promise<void> {
    await this.remove(ctx, 'cache', input.Id, input.IfMatch);
  }

  async ListCachePolicies(ctx: RequestContext, input: CF.ListCachePoliciesRequest): Promise<CF.ListCachePoliciesResult> {
    const max = maxItems(input.MaxItems);
    const { page, next } = await this.list(ctx, 'cache', input.Type, input.Marker, max);
    const items = page.map((x) => ({ Type: x.type as CF.CachePolicyType, CachePolicy: cachePolicy(x.doc) }));
    return { CachePolicyList: { MaxItems: max, Quantity: items.length, ...(items.length ? { Items: items } : {}), ...(next ? { NextMarker: next } : {}) } };
  }

  async CreateOriginRequestPolicy(ctx: RequestContext, input: CF.CreateOriginRequestPolicyRequest): Promise<CF.CreateOriginRequestPolicyResult> {
    const doc = await this.create(ctx, 'origin-request', structuredClone(input.OriginRequestPolicyConfig));
    return { OriginRequestPolicy: originRequestPolicy(doc), ETag: doc.etag, Location: `${API_ROOT}/origin-request-policy/${doc.id}` };
  }

  async GetOriginRequestPolicy(ctx: RequestContext, input: CF.GetOriginRequestPolicyRequest): Promise<CF.GetOriginRequestPolicyResult> {
    const p = await this.find(ctx.accountId, 'origin-request', input.Id);
    return { OriginRequestPolicy: originRequestPolicy(p), ETag: p.etag };
  }

  async GetOriginRequestPolicyConfig(ctx: RequestContext, input: CF.GetOriginRequestPolicyConfigRequest): Promise<CF.GetOriginRequestPolicyConfigResult> {
    const p = await this.find(ctx.accountId, 'origin-request', input.Id);
    return { OriginRequestPolicyConfig: p.config, ETag: p.etag };
  }

  async DeleteOriginRequestPolicy(ctx: RequestContext, input: CF.DeleteOriginRequestPolicyRequest): Promise<void> {
    await this.remove(ctx, 'origin-request', input.Id, input.IfMatch);
  }

  async ListOriginRequestPolicies(ctx: RequestContext, input: CF.ListOriginRequestPoliciesRequest): Promise<CF.ListOriginRequestPoliciesResult> {
    const max = maxItems(input.MaxItems);
    const { page, next } = await this.list(ctx, 'origin-request', input.Type, input.Marker, max);
    const items = page.map((x) => ({ Type: x.type as CF.OriginRequestPolicyType, OriginRequestPolicy: originRequestPolicy(x.doc) }));
    return { OriginRequestPolicyList: { MaxItems: max, Quantity: items.length, ...(items.length ? { Items: items } : {}), ...(next ? { NextMarker: next } : {}) } };
  }

  async CreateResponseHeadersPolicy(ctx: RequestContext, input: CF.CreateResponseHeadersPolicyRequest): Promise<CF.CreateResponseHeadersPolicyResult> {
    const doc = await this.create(ctx, 'response-headers', structuredClone(input.ResponseHeadersPolicyConfig));
    return { ResponseHeadersPolicy: responseHeadersPolicy(doc), ETag: doc.etag, Location: `${API_ROOT}/response-headers-policy/${doc.id}` };
  }

  async GetResponseHeadersPolicy(ctx: RequestContext, input: CF.GetResponseHeadersPolicyRequest): Promise<CF.GetResponseHeadersPolicyResult> {
    const p = await this.find(ctx.accountId, 'response-headers', input.Id);
    return { ResponseHeadersPolicy: responseHeadersPolicy(p), ETag: p.etag };
  }

  async GetResponseHeadersPolicyConfig(ctx: RequestContext, input: CF.GetResponseHeadersPolicyConfigRequest): Promise<CF.GetResponseHeadersPolicyConfigResult> {
    const p = await this.find(ctx.accountId, 'response-headers', input.Id);
    return { ResponseHeadersPolicyConfig: p.config, ETag: p.etag };
  }

  async DeleteResponseHeadersPolicy(ctx: RequestContext, input: CF.DeleteResponseHeadersPolicyRequest): Promise<void> {
    await this.remove(ctx, 'response-headers', input.Id, input.IfMatch);
  }

  async ListResponseHeadersPolicies(ctx: RequestContext, input: CF.ListResponseHeadersPoliciesRequest): Promise<CF.ListResponseHeadersPoliciesResult> {
    const max = maxItems(input.MaxItems);
    const { page, next } = await this.list(ctx, 'response-headers', input.Type, input.Marker, max);
    const items = page.map((x) => ({ Type: x.type as CF.ResponseHeadersPolicyType, ResponseHeadersPolicy: responseHeadersPolicy(x.doc) }));
    return { ResponseHeadersPolicyList: { MaxItems: max, Quantity: items.length, ...(items.length ? { Items: items } : {}), ...(next ? { NextMarker: next } : {}) } };
  }

  async ListDistributionsByCachePolicyId(ctx: RequestContext, input: CF.ListDistributionsByCachePolicyIdRequest): Promise<CF.ListDistributionsByCachePolicyIdResult> {
    return { DistributionIdList: await this.distributionsUsing(ctx, 'cache', 'CachePolicyId', input.CachePolicyId, input.Marker, input.MaxItems) };
  }

  async ListDistributionsByOriginRequestPolicyId(ctx: RequestContext, input: CF.ListDistributionsByOriginRequestPolicyIdRequest): Promise<CF.ListDistributionsByOriginRequestPolicyIdResult> {
    return { DistributionIdList: await this.distributionsUsing(ctx, 'origin-request', 'OriginRequestPolicyId', input.OriginRequestPolicyId, input.Marker, input.MaxItems) };
  }

  async ListDistributionsByResponseHeadersPolicyId(ctx: RequestContext, input: CF.ListDistributionsByResponseHeadersPolicyIdRequest): Promise<CF.ListDistributionsByResponseHeadersPolicyIdResult> {
    return { DistributionIdList: await this.distributionsUsing(ctx, 'response-headers', 'ResponseHeadersPolicyId', input.ResponseHeadersPolicyId, input.Marker, input.MaxItems) };
  }

  /** The ids of the account's distributions with a behavior naming the policy (which must exist). */
  private async distributionsUsing(ctx: RequestContext, kind: Kind, member: string, id: string, marker: string | undefined, maxText: string | undefined): Promise<CF.DistributionIdList> {
    await this.find(ctx.accountId, kind, id);
    const max = maxItems(maxText);
    const ids = await this.core.store.distributionIdsMentioning(ctx.accountId, `"${member}":"${id}"`, marker ?? '', max + 1);
    const page = ids.slice(0, max);
    const truncated = ids.length > max;
    return {
      Marker: marker ?? '',
      MaxItems: max,
      IsTruncated: truncated,
      Quantity: page.length,
      ...(page.length ? { Items: page } : {}),
      ...(truncated ? { NextMarker: page[page.length - 1] } : {}),
    };
  }
}

function responseHeadersPolicy(p: PolicyDoc): CF.ResponseHeadersPolicy {
  return { Id: p.id, LastModifiedTime: new Date(p.lastModified), ResponseHeadersPolicyConfig: p.config };
}

function alreadyExists(kind: Kind): Error {
  return kind === 'cache'
    ? new CachePolicyAlreadyExists('A cache policy with this name already exists. You must provide a unique name. To modify an existing cache policy, use UpdateCachePolicy.')
    : kind === 'origin-request'
      ? new OriginRequestPolicyAlreadyExists('An origin request policy with this name already exists. You must provide a unique name. To modify an existing origin request policy, use UpdateOriginRequestPolicy.')
      : new ResponseHeadersPolicyAlreadyExists('A response headers policy with this name already exists. You must provide a unique name. To modify an existing response headers policy, use UpdateResponseHeadersPolicy.');
}

function cachePolicy(p: PolicyDoc): CF.CachePolicy {
  return { Id: p.id, LastModifiedTime: new Date(p.lastModified), CachePolicyConfig: p.config };
}

function originRequestPolicy(p: PolicyDoc): CF.OriginRequestPolicy {
  return { Id: p.id, LastModifiedTime: new Date(p.lastModified), OriginRequestPolicyConfig: p.config };
}
