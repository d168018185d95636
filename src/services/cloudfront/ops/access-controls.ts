/**
 * Origin access controls: Create, Get, GetConfig, Update, Delete, List, with ETags. Origins name
 * them by OriginAccessControlId; the edge reads S3 origins as the distribution's account whether or
 * not one is set (what an OAC with the bucket policy AWS suggests grants).
 */
import type { RequestContext } from '../../../core/context.js';
import type * as CF from '../../../generated/cloudfront.js';
import { NoSuchOriginAccessControl, OriginAccessControlAlreadyExists, OriginAccessControlInUse } from '../../../generated/cloudfront.js';
import { checkIfMatch, newDistributionId, newETag, type CloudFrontCore } from '../core.js';
import type { PolicyDoc } from '../store.js';
import { API_ROOT, maxItems } from './distributions.js';

const KIND = 'oac' as const;

export class AccessControlOps
  implements
    Pick<
      CF.CloudFrontApi,
      'CreateOriginAccessControl' | 'GetOriginAccessControl' | 'GetOriginAccessControlConfig' | 'UpdateOriginAccessControl' | 'DeleteOriginAccessControl' | 'ListOriginAccessControls'
    >
{
  constructor(private readonly core: CloudFrontCore) {}

  private async find(account: string, id: string): Promise<PolicyDoc> {
    const doc = await this.core.store.policy(account, KIND, id);
    if (!doc) throw new NoSuchOriginAccessControl('The origin access control does not exist.');
    return doc;
  }

  private async checkName(account: string, name: string, except: string): Promise<void> {
    if (await this.core.store.policyNameTaken(this.core.db, account, KIND, name, except)) {
      throw new OriginAccessControlAlreadyExists('An origin access control with the same name already exists.');
    }
  }

  async CreateOriginAccessControl(ctx: RequestContext, input: CF.CreateOriginAccessControlRequest): Promise<CF.CreateOriginAccessControlResult> {
    const config = { Description: '', ...input.OriginAccessControlConfig };
    const doc: PolicyDoc = { id: newDistributionId(), kind: KIND, etag: newETag(), config, lastModified: this.core.now() };
    await this.checkName(ctx.accountId, config.Name, '');
    await this.core.db.tx((tx) => this.core.store.putPolicy(tx, ctx.accountId, doc));
    return { OriginAccessControl: { Id: doc.id, OriginAccessControlConfig: config }, ETag: doc.etag, Location: `${API_ROOT}/origin-access-control/${doc.id}` };
  }

  async GetOriginAccessControl(ctx: RequestContext, input: CF.GetOriginAccessControlRequest): Promise<CF.GetOriginAccessControlResult> {
    const doc = await this.find(ctx.accountId, input.Id);
    return { OriginAccessControl: { Id: doc.id, OriginAccessControlConfig: doc.config }, ETag: doc.etag };
  }

  async GetOriginAccessControlConfig(ctx: RequestContext, input: CF.GetOriginAccessControlConfigRequest): Promise<CF.GetOriginAccessControlConfigResult> {
    const doc = await this.find(ctx.accountId, input.Id);
    return { OriginAccessControlConfig: doc.config, ETag: doc.etag };
  }

  async UpdateOriginAccessControl(ctx: RequestContext, input: CF.UpdateOriginAccessControlRequest): Promise<CF.UpdateOriginAccessControlResult> {
    const doc = await this.find(ctx.accountId, input.Id);
    checkIfMatch(input.IfMatch, doc.etag);
    const config = { Description: '', ...input.OriginAccessControlConfig };
    await this.checkName(ctx.accountId, config.Name, doc.id);
    const next = { ...doc, config, etag: newETag(), lastModified: this.core.now() };
    await this.core.db.tx((tx) => this.core.store.putPolicy(tx, ctx.accountId, next));
    return { OriginAccessControl: { Id: next.id, OriginAccessControlConfig: config }, ETag: next.etag };
  }

  async DeleteOriginAccessControl(ctx: RequestContext, input: CF.DeleteOriginAccessControlRequest): Promise<void> {
    const doc = await this.find(ctx.accountId, input.Id);
    checkIfMatch(input.IfMatch, doc.etag);
    if (await this.core.store.distributionsMentioning(ctx.accountId, `"OriginAccessControlId":"${doc.id}"`)) {
      throw new OriginAccessControlInUse('Cannot delete this origin access control because it\'s in use by one or more origins.');
    }
    await this.core.db.tx((tx) => this.core.store.deletePolicy(tx, ctx.accountId, KIND, doc.id));
  }

  async ListOriginAccessControls(ctx: RequestContext, input: CF.ListOriginAccessControlsRequest): Promise<CF.ListOriginAccessControlsResult> {
    const max = maxItems(input.MaxItems);
    const all = await this.core.store.listPolicies(ctx.accountId, KIND);
    const start = input.Marker ? all.findIndex((d) => d.id === input.Marker) + 1 : 0;
    const page = all.slice(start, start + max);
    const truncated = start + max < all.length;
    const items = page.map((d) => ({ Id: d.id, Description: d.config.Description ?? '', ...d.config }));
    return {
      OriginAccessControlList: {
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
