import { randomId } from '../../core/ids.js';
import type { RequestContext } from '../../core/context.js';
import { conflict, newId, notFound, page, scopeOf } from './control.js';
import { applyPatch, badRequest } from './patch.js';
import type { Store } from './store.js';
import type { BasePathMappingDoc, DomainDoc } from './types.js';

/** Route 53 hosted zone ids AWS answers for CloudFront (edge) and regional API Gateway domains. */
const CLOUDFRONT_ZONE = 'Z2FDTNDATAQYW2';
const REGIONAL_ZONES: Record<string, string> = {
  'us-east-1': 'Z1UJRXOUMOOFQ8',
  'us-east-2': 'ZOJJZC49E0EPZ',
  'us-west-1': 'Z2MOQ6JGB7OFJX',
  'us-west-2': 'Z2OJLYMUO9EFXC',
  'eu-west-1': 'ZLY8HYME6SFDD',
  'eu-central-1': 'Z1U9ULNL0V5AJ3',
};

const DOMAIN = /^(?=.{1,253}$)(\*\.)?([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/i;
const BASE_PATH = /^[a-zA-Z0-9$_.+!*'()-]+(\/[a-zA-Z0-9$_.+!*'()-]+)*$/;

/**
 * Custom domain names and base path mappings. The data plane serves a request whose Host is a
 * custom domain through its mappings (`(none)` maps the whole domain). Certificates are recorded,
 * not checked; Stratus serves plain HTTP on its own port.
 */
export class Domains {
  constructor(
    private readonly store: Store,
    private readonly changed: () => void,
  ) {}

  private out(ctx: RequestContext, d: DomainDoc): Record<string, unknown> {
    const edge = d.endpointConfiguration.types.includes('EDGE');
    return {
      domainName: d.domainName,
      domainNameId: d.domainNameId,
      domainNameArn: `arn:aws:apigateway:${ctx.region}::/domainnames/${d.domainName}`,
      certificateArn: d.certificateArn,
      certificateName: d.certificateName,
      certificateUploadDate: edge ? new Date(d.certificateUploadDate) : undefined,
      distributionDomainName: d.distributionDomainName,
      distributionHostedZoneId: edge ? CLOUDFRONT_ZONE : undefined,
      regionalDomainName: d.regionalDomainName,
      regionalHostedZoneId: edge ? undefined : REGIONAL_ZONES[ctx.region] ?? REGIONAL_ZONES['us-east-1'],
      regionalCertificateArn: d.regionalCertificateArn,
      regionalCertificateName: d.regionalCertificateName,
      endpointConfiguration: d.endpointConfiguration,
      domainNameStatus: 'AVAILABLE',
      securityPolicy: d.securityPolicy,
      tags: d.tags && Object.keys(d.tags).length ? d.tags : undefined,
    };
  }

  private async domain(ctx: RequestContext, name: string): Promise<DomainDoc> {
    const d = await this.store.getDomain(this.store.db, scopeOf(ctx), name);
    if (!d) throw notFound('Invalid domain name identifier specified');
    return d;
  }

  async CreateDomainName(ctx: RequestContext, input: any) {
    const s = scopeOf(ctx);
    const name = String(input.domainName).toLowerCase();
    if (!DOMAIN.test(name)) throw badRequest(`Invalid domain name: ${input.domainName}`);
    const types: string[] = input.endpointConfiguration?.types ?? ['EDGE'];
    if (types.length !== 1) throw badRequest('Cannot create a domain name with multiple Endpoint Types.');
    const edge = types[0] === 'EDGE';
    if (edge && !input.certificateArn && !input.certificateBody) throw badRequest('A certificate must be provided for an edge-optimized domain name: certificateArn or certificateBody');
    if (!edge && !input.regionalCertificateArn) throw badRequest('A regional certificate ARN must be provided for a regional domain name: regionalCertificateArn');
    if (input.mutualTlsAuthentication) throw badRequest('Mutual TLS authentication is not supported by Stratus');
    const d: DomainDoc = {
      domainName: name,
      domainNameId: newId(10),
      certificateArn: input.certificateArn,
      certificateName: input.certificateName,
      regionalCertificateArn: input.regionalCertificateArn,
      regionalCertificateName: input.regionalCertificateName,
      certificateUploadDate: Math.floor(ctx.clock.now() / 1000) * 1000,
      endpointConfiguration: { types },
      securityPolicy: input.securityPolicy ?? 'TLS_1_2',
      distributionDomainName: edge ? `d${randomId(13)}.cloudfront.net` : undefined,
      regionalDomainName: edge ? undefined : `d-${randomId(10)}.execute-api.${ctx.region}.amazonaws.com`,
      tags: input.tags,
      mappings: {},
    };
    await this.store.db.tx(async (tx) => {
      if (await this.store.getDomain(tx, s, name)) throw conflict('The domain name you provided already exists.');
      await this.store.putDomain(tx, s, d);
    });
    this.changed();
    return this.out(ctx, d);
  }

  async GetDomainName(ctx: RequestContext, input: any) {
    return this.out(ctx, await this.domain(ctx, input.domainName));
  }

  async GetDomainNames(ctx: RequestContext, input: any) {
    const p = page(await this.store.listDomains(this.store.db, scopeOf(ctx)), input.position, input.limit);
    return { items: p.items.map((d) => this.out(ctx, d)), position: p.position };
  }

  async UpdateDomainName(ctx: RequestContext, input: any) {
    const s = scopeOf(ctx);
    const d = await this.store.db.tx(async (tx) => {
      const d = await this.store.getDomain(tx, s, input.domainName);
      if (!d) throw notFound('Invalid domain name identifier specified');
      applyPatch(d as unknown as Record<string, any>, input.patchOperations, {
        certificateArn: 'string',
        certificateName: 'string',
        regionalCertificateArn: 'string',
        regionalCertificateName: 'string',
        securityPolicy: 'string',
      });
      await this.store.putDomain(tx, s, d);
      return d;
    });
    return this.out(ctx, d);
  }

  async DeleteDomainName(ctx: RequestContext, input: any) {
    const s = scopeOf(ctx);
    await this.store.db.tx(async (tx) => {
      if (!(await this.store.getDomain(tx, s, input.domainName))) throw notFound('Invalid domain name identifier specified');
      await this.store.deleteDomain(tx, s, input.domainName);
    });
    this.changed();
    return {};
  }

  // ---- base path mappings

  private async checkTarget(ctx: RequestContext, m: BasePathMappingDoc): Promise<void> {
    const s = scopeOf(ctx);
    if (!(await this.store.getApi(this.store.db, s, m.restApiId))) throw badRequest('Invalid REST API identifier specified');
    if (m.stage && !(await this.store.getStage(this.store.db, s, m.restApiId, m.stage))) throw badRequest('Invalid stage identifier specified');
  }

  async CreateBasePathMapping(ctx: RequestContext, input: any) {
    const s = scopeOf(ctx);
    const basePath = input.basePath === undefined || input.basePath === '' ? '(none)' : String(input.basePath);
    if (basePath !== '(none)' && !BASE_PATH.test(basePath)) throw badRequest(`Invalid base path: ${basePath}`);
    const m: BasePathMappingDoc = { basePath, restApiId: input.restApiId, stage: input.stage };
    await this.checkTarget(ctx, m);
    await this.store.db.tx(async (tx) => {
      const d = await this.store.getDomain(tx, s, input.domainName);
      if (!d) throw notFound('Invalid domain name identifier specified');
      if (d.mappings[basePath]) throw conflict('Base path already exists for this domain name');
      d.mappings[basePath] = m;
      await this.store.putDomain(tx, s, d);
    });
    this.changed();
    return { ...m };
  }

  async GetBasePathMapping(ctx: RequestContext, input: any) {
    const d = await this.domain(ctx, input.domainName);
    const m = d.mappings[input.basePath];
    if (!m) throw notFound('Invalid base path mapping identifier specified');
    return { ...m };
  }

  async GetBasePathMappings(ctx: RequestContext, input: any) {
    const d = await this.domain(ctx, input.domainName);
    const p = page(Object.values(d.mappings), input.position, input.limit);
    return { items: p.items.map((m) => ({ ...m })), position: p.position };
  }

  async UpdateBasePathMapping(ctx: RequestContext, input: any) {
    const s = scopeOf(ctx);
    const m = await this.store.db.tx(async (tx) => {
      const d = await this.store.getDomain(tx, s, input.domainName);
      if (!d) throw notFound('Invalid domain name identifier specified');
      const m = d.mappings[input.basePath];
      if (!m) throw notFound('Invalid base path mapping identifier specified');
      const next = { basePath: m.basePath, restapiId: m.restApiId, stage: m.stage } as Record<string, any>;
      applyPatch(next, input.patchOperations, { basePath: 'string', restapiId: 'string', stage: 'string' });
      const updated: BasePathMappingDoc = { basePath: next.basePath || '(none)', restApiId: next.restapiId, stage: next.stage || undefined };
      await this.checkTarget(ctx, updated);
      if (updated.basePath !== m.basePath && d.mappings[updated.basePath]) throw conflict('Base path already exists for this domain name');
      delete d.mappings[m.basePath];
      d.mappings[updated.basePath] = updated;
      await this.store.putDomain(tx, s, d);
      return updated;
    });
    this.changed();
    return { ...m };
  }

  async DeleteBasePathMapping(ctx: RequestContext, input: any) {
    const s = scopeOf(ctx);
    await this.store.db.tx(async (tx) => {
      const d = await this.store.getDomain(tx, s, input.domainName);
      if (!d) throw notFound('Invalid domain name identifier specified');
      if (!d.mappings[input.basePath]) throw notFound('Invalid base path mapping identifier specified');
      delete d.mappings[input.basePath];
      await this.store.putDomain(tx, s, d);
    });
    this.changed();
    return {};
  }
}
