/**
 * Distributions: Create (with tags), Get, GetDistributionConfig, Update, Delete, List. ETags change
 * with every write; Update and Delete need the current one in If-Match. A created or updated
 * distribution is InProgress for the deployment delay, then Deployed; an enabled (or not yet
 * deployed) distribution cannot be deleted.
 */
import { parseArn } from '../../../aws/arn.js';
import type { RequestContext } from '../../../core/context.js';
import type { LambdaApi } from '../../../generated/lambda.js';
import { serviceClient } from '../../clients.js';
import type * as CF from '../../../generated/cloudfront.js';
import { DistributionAlreadyExists, DistributionNotDisabled, IllegalUpdate, InvalidArgument, InvalidTagging } from '../../../generated/cloudfront.js';
import { checkTags } from '../../../storage/tags.js';
import { normaliseConfig, type ConfigLookups } from '../config.js';
import { checkIfMatch, newDistributionId, newDomainLabel, newETag, type CloudFrontCore } from '../core.js';
import { managedResponseHeadersPolicy } from '../edge/response-headers.js';
import { managedCachePolicy, managedOriginRequestPolicy } from '../policies.js';
import type { DistributionDoc } from '../store.js';
import { parseFunctionArn } from './functions.js';

export const API_ROOT = 'https://cloudfront.amazonaws.com/2020-05-31';
export const TAG_SCOPE = (accountId: string) => ({ accountId, region: 'us-east-1' });

export function distributionArn(account: string, id: string): string {
  return `arn:aws:cloudfront::${account}:distribution/${id}`;
}

/** Tags in CloudFront's shape to a record, checked as AWS checks them. */
export function tagRecord(tags: CF.Tags | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const t of tags?.Items ?? []) out[t.Key] = t.Value ?? '';
  const problem = checkTags(out);
  if (problem) throw new InvalidTagging('Your request contains invalid tags.');
  if (Object.keys(out).length > 50) throw new InvalidTagging('Your request contains too many tags.');
  return out;
}

export class DistributionOps
  implements Pick<CF.CloudFrontApi, 'CreateDistribution' | 'CreateDistributionWithTags' | 'GetDistribution' | 'GetDistributionConfig' | 'UpdateDistribution' | 'DeleteDistribution' | 'ListDistributions'>
{
  constructor(private readonly core: CloudFrontCore) {}

  lookups(account: string): ConfigLookups {
    const store = this.core.store;
    return {
      cachePolicy: async (id) => managedCachePolicy(id) !== undefined || (await store.policy(account, 'cache', id)) !== undefined,
      originRequestPolicy: async (id) => managedOriginRequestPolicy(id) !== undefined || (await store.policy(account, 'origin-request', id)) !== undefined,
      functionExists: async (arn) => {
        const f = parseFunctionArn(arn);
        return f !== undefined && f.account === account && (await store.fn(account, f.name, 'LIVE')) !== undefined;
      },
      responseHeadersPolicy: async (id) => managedResponseHeadersPolicy(id) !== undefined || (await store.policy(account, 'response-headers', id)) !== undefined,
      originAccessControl: async (id) => (await store.policy(account, 'oac', id)) !== undefined,
      keyGroup: async (id) => (await store.policy(account, 'key-group', id)) !== undefined,
      lambdaVersion: async (text) => {
        const arn = parseArn(text)!;
        const [, name, version] = arn.resource.split(':');
        const lambda = serviceClient<LambdaApi>(this.core.platform, 'lambda', { accountId: arn.account, region: arn.region });
        if (!lambda) return undefined;
        try {
          const c = await lambda.GetFunctionConfiguration({ FunctionName: name!, Qualifier: version });
          return { found: true, environment: Object.keys(c.Environment?.Variables ?? {}).length > 0, layers: (c.Layers ?? []).length > 0, memory: c.MemorySize ?? 128 };
        } catch {
          return { found: false, environment: false, layers: false, memory: 0 };
        }
      },
    };
  }

  async view(d: DistributionDoc): Promise<CF.Distribution> {
    const inProgress = await this.core.db.get<{ n: number }>('SELECT COUNT(*) AS n FROM cf_invalidations WHERE dist_id = ? AND created > ?', [
      d.id,
      this.core.now() - this.core.deploymentMs,
    ]);
    return {
      Id: d.id,
      ARN: distributionArn(d.account, d.id),
      Status: this.core.status(d),
      LastModifiedTime: new Date(d.lastModified),
      InProgressInvalidationBatches: this.core.deploymentMs > 0 ? Number(inProgress?.n ?? 0) : 0,
      DomainName: d.domain,
      ...(await this.activeSigners(d)),
      DistributionConfig: d.config,
    };
  }

  /**
   * The signers the behaviors trust, with their key ids: key groups with their public keys; accounts
   * (legacy TrustedSigners) with none, as CloudFront key pairs cannot be made here (nor through AWS's API).
   */
  private async activeSigners(d: DistributionDoc): Promise<Pick<CF.Distribution, 'ActiveTrustedSigners' | 'ActiveTrustedKeyGroups'>> {
    const behaviors = [d.config.DefaultCacheBehavior, ...(d.config.CacheBehaviors?.Items ?? [])];
    const groups = new Set<string>();
    const accounts = new Set<string>();
    for (const b of behaviors) {
      if (b?.TrustedKeyGroups?.Enabled) for (const g of b.TrustedKeyGroups.Items ?? []) groups.add(String(g));
      if (b?.TrustedSigners?.Enabled) for (const a of b.TrustedSigners.Items ?? []) accounts.add(String(a));
    }
    const groupItems: CF.KGKeyPairIds[] = [];
    for (const id of groups) {
      const keys: string[] = (await this.core.store.policy(d.account, 'key-group', id))?.config.Items ?? [];
      groupItems.push({ KeyGroupId: id, KeyPairIds: { Quantity: keys.length, ...(keys.length ? { Items: keys } : {}) } });
    }
    const signerItems: CF.Signer[] = [...accounts].map((a) => ({ AwsAccountNumber: a, KeyPairIds: { Quantity: 0 } }));
    return {
      ActiveTrustedKeyGroups: { Enabled: groups.size > 0, Quantity: groupItems.length, ...(groupItems.length ? { Items: groupItems } : {}) },
      ActiveTrustedSigners: { Enabled: accounts.size > 0, Quantity: signerItems.length, ...(signerItems.length ? { Items: signerItems } : {}) },
    };
  }

  async CreateDistribution(ctx: RequestContext, input: CF.CreateDistributionRequest): Promise<CF.CreateDistributionResult> {
    return this.create(ctx, input.DistributionConfig, {});
  }

  async CreateDistributionWithTags(ctx: RequestContext, input: CF.CreateDistributionWithTagsRequest): Promise<CF.CreateDistributionWithTagsResult> {
    const tags = tagRecord(input.DistributionConfigWithTags.Tags);
    return this.create(ctx, input.DistributionConfigWithTags.DistributionConfig, tags);
  }

  private async create(ctx: RequestContext, raw: CF.DistributionConfig, tags: Record<string, string>) {
    const config = await normaliseConfig(raw, this.lookups(ctx.accountId));
    const now = this.core.now();
    const doc: DistributionDoc = {
      id: newDistributionId(),
      account: ctx.accountId,
      domain: `${newDomainLabel()}.cloudfront.net`,
      etag: newETag(),
      config,
      lastModified: now,
      deployedAt: now + this.core.deploymentMs,
    };
    await this.core.db.tx(async (tx) => {
      const existing = await this.core.store.distributionByCallerRef(ctx.accountId, String(config.CallerReference), tx);
      if (existing) {
        throw new DistributionAlreadyExists(
          `The caller reference that you are using to create a distribution is associated with another distribution. Already exists: ${existing}`,
        );
      }
      await this.core.store.putDistribution(tx, doc);
      if (Object.keys(tags).length) await this.core.tags.tag(tx, TAG_SCOPE(ctx.accountId), distributionArn(ctx.accountId, doc.id), tags);
    });
    const view = await this.view(doc);
    // The answer to a create or update says InProgress, as AWS's does.
    return { Distribution: { ...view, Status: 'InProgress' }, ETag: doc.etag, Location: `${API_ROOT}/distribution/${doc.id}` };
  }

  async GetDistribution(ctx: RequestContext, input: CF.GetDistributionRequest): Promise<CF.GetDistributionResult> {
    const d = await this.core.distribution(ctx.accountId, input.Id);
    return { Distribution: await this.view(d), ETag: d.etag };
  }

  async GetDistributionConfig(ctx: RequestContext, input: CF.GetDistributionConfigRequest): Promise<CF.GetDistributionConfigResult> {
    const d = await this.core.distribution(ctx.accountId, input.Id);
    return { DistributionConfig: d.config, ETag: d.etag };
  }

  async UpdateDistribution(ctx: RequestContext, input: CF.UpdateDistributionRequest): Promise<CF.UpdateDistributionResult> {
    const current = await this.core.distribution(ctx.accountId, input.Id);
    checkIfMatch(input.IfMatch, current.etag);
    if (input.DistributionConfig.CallerReference !== current.config.CallerReference) {
      throw new IllegalUpdate('The update contains modifications that are not allowed.');
    }
    const config = await normaliseConfig(input.DistributionConfig, this.lookups(ctx.accountId));
    const now = this.core.now();
    const updated = await this.core.db.tx(async (tx) => {
      const d = await this.core.store.distribution(input.Id, tx);
      if (!d || d.account !== ctx.accountId) return undefined;
      checkIfMatch(input.IfMatch, d.etag);
      const next: DistributionDoc = { ...d, config, etag: newETag(), lastModified: now, deployedAt: now + this.core.deploymentMs };
      await this.core.store.putDistribution(tx, next);
      return next;
    });
    if (!updated) await this.core.distribution(ctx.accountId, input.Id);
    this.core.onDistributionChange(input.Id);
    const view = await this.view(updated!);
    return { Distribution: { ...view, Status: 'InProgress' }, ETag: updated!.etag };
  }

  async DeleteDistribution(ctx: RequestContext, input: CF.DeleteDistributionRequest): Promise<void> {
    const d = await this.core.distribution(ctx.accountId, input.Id);
    checkIfMatch(input.IfMatch, d.etag);
    if (d.config.Enabled || this.core.status(d) !== 'Deployed') throw new DistributionNotDisabled('The distribution you are trying to delete has not been disabled.');
    await this.core.db.tx(async (tx) => {
      const again = await this.core.store.distribution(input.Id, tx);
      if (!again) return;
      checkIfMatch(input.IfMatch, again.etag);
      await this.core.store.deleteDistribution(tx, input.Id);
      await this.core.tags.forget(tx, TAG_SCOPE(ctx.accountId), distributionArn(ctx.accountId, input.Id));
    });
    this.core.onDistributionChange(input.Id);
    this.core.onDistributionDeleted(input.Id);
  }

  async ListDistributions(ctx: RequestContext, input: CF.ListDistributionsRequest): Promise<CF.ListDistributionsResult> {
    const max = maxItems(input.MaxItems);
    const rows = await this.core.store.listDistributions(ctx.accountId, input.Marker ?? '', max + 1);
    const page = rows.slice(0, max);
    const truncated = rows.length > max;
    const items: CF.DistributionSummary[] = [];
    for (const d of page) items.push(summary(await this.view(d), d.etag));
    return {
      DistributionList: {
        Marker: input.Marker ?? '',
        MaxItems: max,
        IsTruncated: truncated,
        Quantity: items.length,
        ...(items.length ? { Items: items } : {}),
        ...(truncated ? { NextMarker: page[page.length - 1]!.id } : {}),
      },
    };
  }
}

/** A list operation's MaxItems (text in the model): 100 when absent. */
export function maxItems(text: string | undefined, dflt = 100): number {
  if (text === undefined) return dflt;
  const n = Number(text);
  if (!Number.isInteger(n) || n < 0) throw new InvalidArgument('The parameter MaxItems is not valid.');
  return Math.min(n, 1000) || dflt;
}

function summary(v: CF.Distribution, etag: string): CF.DistributionSummary {
  const c = v.DistributionConfig as any;
  return {
    Id: v.Id,
    ARN: v.ARN,
    ETag: etag,
    Status: v.Status,
    LastModifiedTime: v.LastModifiedTime,
    DomainName: v.DomainName,
    Aliases: c.Aliases,
    Origins: c.Origins,
    OriginGroups: c.OriginGroups,
    DefaultCacheBehavior: c.DefaultCacheBehavior,
    CacheBehaviors: c.CacheBehaviors,
    CustomErrorResponses: c.CustomErrorResponses,
    Comment: c.Comment,
    PriceClass: c.PriceClass,
    Enabled: c.Enabled,
    ViewerCertificate: c.ViewerCertificate,
    Restrictions: c.Restrictions,
    WebACLId: c.WebACLId,
    HttpVersion: c.HttpVersion,
    IsIPV6Enabled: c.IsIPV6Enabled,
    Staging: c.Staging,
  };
}
