/**
 * Invalidations: Create, Get, List. Paths start with a slash and may end with `*`; the edge drops
 * the matching cached objects as soon as the invalidation is stored, and the invalidation shows
 * InProgress for the deployment delay, then Completed. A repeated CallerReference answers the
 * invalidation it created.
 */
import type { RequestContext } from '../../../core/context.js';
import type * as CF from '../../../generated/cloudfront.js';
import { BatchTooLarge, InconsistentQuantities, InvalidArgument, NoSuchInvalidation, TooManyInvalidationsInProgress } from '../../../generated/cloudfront.js';
import { newInvalidationId, type CloudFrontCore } from '../core.js';
import type { InvalidationDoc } from '../store.js';
import { API_ROOT, maxItems } from './distributions.js';

const MAX_PATHS = 3000;
const MAX_WILDCARDS = 15;

export class InvalidationOps implements Pick<CF.CloudFrontApi, 'CreateInvalidation' | 'GetInvalidation' | 'ListInvalidations'> {
  constructor(private readonly core: CloudFrontCore) {}

  private view(inv: InvalidationDoc): CF.Invalidation {
    return {
      Id: inv.id,
      Status: this.core.now() < inv.completedAt ? 'InProgress' : 'Completed',
      CreateTime: new Date(inv.created),
      InvalidationBatch: { CallerReference: inv.callerReference, Paths: { Quantity: inv.paths.length, Items: inv.paths } },
    };
  }

  async CreateInvalidation(ctx: RequestContext, input: CF.CreateInvalidationRequest): Promise<CF.CreateInvalidationResult> {
    await this.core.distribution(ctx.accountId, input.DistributionId);
    const batch = input.InvalidationBatch;
    const paths = batch.Paths.Items ?? [];
    if (batch.Paths.Quantity !== paths.length) throw new InconsistentQuantities("The value of Quantity and the size of Items don't match.");
    if (paths.length === 0) throw new InvalidArgument('The parameter Paths must contain at least one path.');
    if (paths.length > MAX_PATHS) throw new BatchTooLarge('Invalidation batch specified is too large.');
    if (paths.filter((p) => p.includes('*')).length > MAX_WILDCARDS) throw new TooManyInvalidationsInProgress('Processing your request will cause you to exceed the maximum number of in-progress wildcard invalidations.');
    for (const p of paths) {
      if (!p.startsWith('/') || (p.includes('*') && !p.endsWith('*'))) throw new InvalidArgument('Your request contains one or more invalid invalidation paths.');
    }
    const now = this.core.now();
    const inv: InvalidationDoc = {
      id: newInvalidationId(),
      distributionId: input.DistributionId,
      created: now,
      completedAt: now + this.core.deploymentMs,
      callerReference: batch.CallerReference,
      paths,
    };
    const stored = await this.core.db.tx(async (tx) => {
      const existing = await this.core.store.invalidationByCallerRef(tx, input.DistributionId, batch.CallerReference);
      if (existing) return { inv: existing, created: false };
      await this.core.store.putInvalidation(tx, inv);
      return { inv, created: true };
    });
    if (stored.created) this.core.onInvalidation(input.DistributionId, paths);
    const view = this.view(stored.inv);
    // A new invalidation answers InProgress, as AWS's do, however short the deployment delay.
    if (stored.created) view.Status = 'InProgress';
    return { Invalidation: view, Location: `${API_ROOT}/distribution/${input.DistributionId}/invalidation/${stored.inv.id}` };
  }

  async GetInvalidation(ctx: RequestContext, input: CF.GetInvalidationRequest): Promise<CF.GetInvalidationResult> {
    await this.core.distribution(ctx.accountId, input.DistributionId);
    const inv = await this.core.store.invalidation(input.DistributionId, input.Id);
    if (!inv) throw new NoSuchInvalidation('The specified invalidation does not exist.');
    return { Invalidation: this.view(inv) };
  }

  async ListInvalidations(ctx: RequestContext, input: CF.ListInvalidationsRequest): Promise<CF.ListInvalidationsResult> {
    await this.core.distribution(ctx.accountId, input.DistributionId);
    const max = maxItems(input.MaxItems);
    let after: { created: number; id: string } | undefined;
    if (input.Marker) {
      const marked = await this.core.store.invalidation(input.DistributionId, input.Marker);
      if (marked) after = { created: marked.created, id: marked.id };
    }
    const rows = await this.core.store.listInvalidations(input.DistributionId, after, max + 1);
    const page = rows.slice(0, max);
    const items = page.map((inv) => {
      const v = this.view(inv);
      return { Id: v.Id, CreateTime: v.CreateTime, Status: v.Status };
    });
    return {
      InvalidationList: {
        Marker: input.Marker ?? '',
        MaxItems: max,
        IsTruncated: rows.length > max,
        Quantity: items.length,
        ...(items.length ? { Items: items } : {}),
        ...(rows.length > max ? { NextMarker: page[page.length - 1]!.id } : {}),
      },
    };
  }
}
