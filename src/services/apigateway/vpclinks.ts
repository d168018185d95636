import type { RequestContext } from '../../core/context.js';
import { newId, notFound, page, scopeOf } from './control.js';
import { applyPatch, badRequest } from './patch.js';
import type { Store } from './store.js';

/**
 * VPC links (REST): private integrations through a Network Load Balancer. Locally there is no VPC:
 * a link is AVAILABLE as soon as it is created (the state AWS reaches after provisioning), and a
 * VPC_LINK integration connects to the host of its URI as the load balancer would forward to it.
 */
export interface VpcLinkDoc {
  id: string;
  name: string;
  description?: string;
  targetArns: string[];
  tags?: Record<string, string>;
  created: number;
}

const NLB_ARN = /^arn:aws[a-z-]*:elasticloadbalancing:[^:]+:\d{12}:loadbalancer\/net\/[^/]+\/[^/]+$/;

const out = (l: VpcLinkDoc) => ({
  id: l.id,
  name: l.name,
  description: l.description,
  targetArns: l.targetArns,
  status: 'AVAILABLE',
  statusMessage: 'Your vpc link is ready for use',
  tags: l.tags && Object.keys(l.tags).length ? l.tags : undefined,
});

export class VpcLinks {
  constructor(private readonly store: Store) {}

  async CreateVpcLink(ctx: RequestContext, input: any) {
    const targets: string[] = input.targetArns ?? [];
    if (targets.length !== 1) throw badRequest('A VPC link for a REST API takes exactly one Network Load Balancer ARN in targetArns');
    if (!NLB_ARN.test(targets[0]!)) throw badRequest(`Invalid Network Load Balancer ARN: ${targets[0]}`);
    const link: VpcLinkDoc = { id: newId(6), name: input.name, description: input.description, targetArns: targets, tags: input.tags, created: ctx.clock.now() };
    await this.store.db.tx((tx) => this.store.putVpcLink(tx, scopeOf(ctx), link));
    return out(link);
  }

  private async get(ctx: RequestContext, id: string): Promise<VpcLinkDoc> {
    const l = await this.store.getVpcLink(this.store.db, scopeOf(ctx), id);
    if (!l) throw notFound('Invalid Vpc Link identifier specified');
    return l;
  }

  async GetVpcLink(ctx: RequestContext, input: any) {
    return out(await this.get(ctx, input.vpcLinkId));
  }

  async GetVpcLinks(ctx: RequestContext, input: any) {
    const p = page(await this.store.listVpcLinks(this.store.db, scopeOf(ctx)), input.position, input.limit);
    return { items: p.items.map(out), position: p.position };
  }

  async UpdateVpcLink(ctx: RequestContext, input: any) {
    const l = await this.get(ctx, input.vpcLinkId);
    applyPatch(l as unknown as Record<string, any>, input.patchOperations, { name: 'string', description: 'string' });
    await this.store.db.tx((tx) => this.store.putVpcLink(tx, scopeOf(ctx), l));
    return out(l);
  }

  async DeleteVpcLink(ctx: RequestContext, input: any) {
    await this.get(ctx, input.vpcLinkId);
    await this.store.db.tx((tx) => this.store.deleteVpcLink(tx, scopeOf(ctx), input.vpcLinkId));
    return {};
  }
}
