import { isAccountId, parseResourceArn } from '../../../aws/arn.js';
import type { RequestContext } from '../../../core/context.js';
import {
  BadRequestException,
  type APIGatewayApi,
  type CreateVpcLinkRequest,
  type DeleteVpcLinkRequest,
  type GetVpcLinkRequest,
  type GetVpcLinksRequest,
  type UpdateVpcLinkRequest,
  type VpcLink,
  type VpcLinks,
} from '../../../generated/apigateway.js';
import { newId, scopeOf } from '../common.js';
import type { VpcLinkDoc } from '../types.js';
import { TableResources, type ControlCore } from './core.js';
import { tagsOut } from './shapes.js';

/**
 * VPC links (REST): private integrations through a Network Load Balancer. Locally there is no VPC:
 * a link is AVAILABLE as soon as it is created (the state AWS reaches after provisioning), and a
 * VPC_LINK integration connects to the host of its URI as the load balancer would forward to it.
 */

/** A Network Load Balancer's ARN: `arn:aws:elasticloadbalancing:<region>:<account>:loadbalancer/net/<name>/<id>`. */
function isNlbArn(text: string): boolean {
  const arn = parseResourceArn(text, 'elasticloadbalancing', 'loadbalancer/net/');
  return !!arn && arn.region !== '' && isAccountId(arn.account) && /^[^/]+\/[^/]+$/.test(arn.name);
}

const out = (l: VpcLinkDoc): VpcLink => ({
  id: l.id,
  name: l.name,
  description: l.description,
  targetArns: l.targetArns,
  status: 'AVAILABLE',
  statusMessage: 'Your vpc link is ready for use',
  tags: tagsOut(l.tags),
});

export class VpcLinkOps implements Pick<APIGatewayApi, 'CreateVpcLink' | 'GetVpcLink' | 'GetVpcLinks' | 'UpdateVpcLink' | 'DeleteVpcLink'> {
  private readonly links: TableResources<VpcLinkDoc, VpcLink>;

  constructor(private readonly core: ControlCore) {
    this.links = new TableResources(core, { table: core.store.vpcLinks, missing: 'Invalid Vpc Link identifier specified', fields: { name: 'string', description: 'string' }, out });
  }

  async CreateVpcLink(ctx: RequestContext, input: CreateVpcLinkRequest): Promise<VpcLink> {
    const targets = input.targetArns ?? [];
    if (targets.length !== 1) throw new BadRequestException('A VPC link for a REST API takes exactly one Network Load Balancer ARN in targetArns');
    if (!isNlbArn(targets[0]!)) throw new BadRequestException(`Invalid Network Load Balancer ARN: ${targets[0]}`);
    const link: VpcLinkDoc = { id: newId(6), name: input.name, description: input.description, targetArns: targets, tags: input.tags, created: ctx.clock.now() };
    await this.core.db.tx((tx) => this.core.store.vpcLinks.put(tx, scopeOf(ctx), [link.id], link));
    return out(link);
  }

  GetVpcLink(ctx: RequestContext, input: GetVpcLinkRequest): Promise<VpcLink> {
    return this.links.get(ctx, input.vpcLinkId);
  }

  GetVpcLinks(ctx: RequestContext, input: GetVpcLinksRequest): Promise<VpcLinks> {
    return this.links.list(ctx, input);
  }

  UpdateVpcLink(ctx: RequestContext, input: UpdateVpcLinkRequest): Promise<VpcLink> {
    return this.links.update(ctx, input.vpcLinkId, input.patchOperations);
  }

  DeleteVpcLink(ctx: RequestContext, input: DeleteVpcLinkRequest): Promise<void> {
    return this.links.delete(ctx, input.vpcLinkId);
  }
}
