import type { RequestContext } from '../../../core/context.js';
import { randomId } from '../../../core/ids.js';
import {
  BadRequestException,
  NotFoundException,
  type ApiGatewayV2Api,
  type CreateVpcLinkRequest,
  type CreateVpcLinkResponse,
  type DeleteVpcLinkRequest,
  type DeleteVpcLinkResponse,
  type GetVpcLinkRequest,
  type GetVpcLinkResponse,
  type GetVpcLinksRequest,
  type GetVpcLinksResponse,
  type UpdateVpcLinkRequest,
  type UpdateVpcLinkResponse,
} from '../../../generated/apigatewayv2.js';
import { decodePageToken, encodePageToken, listingOf } from '../../../storage/paginate.js';
import type { ControlCore } from '../core.js';
import type { Scope } from '../store.js';
import type { VpcLinkDoc } from '../types.js';
import { throwTagProblem } from './apis.js';

type Ops = 'CreateVpcLink' | 'GetVpcLink' | 'GetVpcLinks' | 'UpdateVpcLink' | 'DeleteVpcLink';

/** VPC links: recorded and answered AVAILABLE; integrations through them reach no VPC. */
export class VpcLinkOps implements Pick<ApiGatewayV2Api, Ops> {
  constructor(private readonly core: ControlCore) {}

  private arn(scope: Scope, id: string): string {
    return `arn:aws:apigateway:${scope.region}::/vpclinks/${id}`;
  }

  private async out(scope: Scope, d: VpcLinkDoc): Promise<GetVpcLinkResponse> {
    return {
      ...d,
      CreatedDate: new Date(d.CreatedDate),
      Tags: await this.core.tags.list(scope, this.arn(scope, d.VpcLinkId)),
      VpcLinkStatus: 'AVAILABLE',
      VpcLinkStatusMessage: 'VPC link is ready to route traffic',
      VpcLinkVersion: 'V2',
    };
  }

  private async get(ctx: RequestContext, id: string): Promise<VpcLinkDoc> {
    const d = await this.core.store.vpcLinks.get(this.core.store.db, this.core.scope(ctx), [id]);
    if (!d) throw new NotFoundException(`Invalid VpcLink identifier specified ${id}`, { ResourceType: 'VpcLink' });
    return d;
  }

  async CreateVpcLink(ctx: RequestContext, input: CreateVpcLinkRequest): Promise<CreateVpcLinkResponse> {
    const scope = this.core.scope(ctx);
    const d: VpcLinkDoc = { VpcLinkId: randomId(6), Name: input.Name, SecurityGroupIds: input.SecurityGroupIds ?? [], SubnetIds: input.SubnetIds, CreatedDate: this.core.clock.now() };
    await this.core.store.db.tx(async (tx) => {
      if (input.Tags) throwTagProblem(await this.core.tags.tag(tx, scope, this.arn(scope, d.VpcLinkId), input.Tags));
      await this.core.store.vpcLinks.put(tx, scope, [d.VpcLinkId], d);
    });
    return this.out(scope, d);
  }

  async GetVpcLink(ctx: RequestContext, input: GetVpcLinkRequest): Promise<GetVpcLinkResponse> {
    return this.out(this.core.scope(ctx), await this.get(ctx, input.VpcLinkId));
  }

  async GetVpcLinks(ctx: RequestContext, input: GetVpcLinksRequest): Promise<GetVpcLinksResponse> {
    const scope = this.core.scope(ctx);
    const listing = listingOf('GetVpcLinks', scope);
    let after: (string | number | null)[] | undefined;
    if (input.NextToken !== undefined) {
      const key = decodePageToken(input.NextToken, listing);
      if (!key) throw new BadRequestException('Invalid pagination token specified');
      after = key as (string | number | null)[];
    }
    const limit = input.MaxResults !== undefined && /^\d+$/.test(input.MaxResults) ? Math.min(Math.max(Number(input.MaxResults), 1), 500) : 100;
    const page = await this.core.store.vpcLinks.list(this.core.store.db, scope, { after, limit });
    const items = await Promise.all(page.items.map((d) => this.out(scope, d)));
    return { Items: items as GetVpcLinksResponse['Items'], ...(page.next ? { NextToken: encodePageToken(listing, page.next) } : {}) };
  }

  async UpdateVpcLink(ctx: RequestContext, input: UpdateVpcLinkRequest): Promise<UpdateVpcLinkResponse> {
    const scope = this.core.scope(ctx);
    const d = await this.get(ctx, input.VpcLinkId);
    if (input.Name !== undefined) d.Name = input.Name;
    await this.core.store.db.tx((tx) => this.core.store.vpcLinks.put(tx, scope, [d.VpcLinkId], d));
    return this.out(scope, d);
  }

  async DeleteVpcLink(ctx: RequestContext, input: DeleteVpcLinkRequest): Promise<DeleteVpcLinkResponse> {
    const scope = this.core.scope(ctx);
    const deleted = await this.core.store.db.tx(async (tx) => {
      const ok = await this.core.store.vpcLinks.delete(tx, scope, [input.VpcLinkId]);
      if (ok) await this.core.tags.forget(tx, scope, this.arn(scope, input.VpcLinkId));
      return ok;
    });
    if (!deleted) throw new NotFoundException(`Invalid VpcLink identifier specified ${input.VpcLinkId}`, { ResourceType: 'VpcLink' });
    return {};
  }
}
