import { arnFor } from '../../../aws/arn.js';
import { randomId } from '../../../core/ids.js';
import type { RequestContext } from '../../../core/context.js';
import {
  BadRequestException,
  ConflictException,
  type APIGatewayApi,
  type BasePathMapping,
  type BasePathMappings,
  type CreateBasePathMappingRequest,
  type CreateDomainNameRequest,
  type DeleteBasePathMappingRequest,
  type DeleteDomainNameRequest,
  type DomainName,
  type DomainNames,
  type EndpointType,
  type GetBasePathMappingRequest,
  type GetBasePathMappingsRequest,
  type GetDomainNameRequest,
  type GetDomainNamesRequest,
  type SecurityPolicy,
  type UpdateBasePathMappingRequest,
  type UpdateDomainNameRequest,
} from '../../../generated/apigateway.js';
import type { Queryable } from '../../../storage/db.js';
import { date, found, newId, page, scopeOf, wholeSecond } from '../common.js';
import { applyPatch } from '../patch.js';
import type { BasePathMappingDoc, DomainDoc } from '../types.js';
import { TableResources, type ControlCore } from './core.js';
import { tagsOut } from './shapes.js';

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
const NO_MAPPING = 'Invalid base path mapping identifier specified';

function out(d: DomainDoc, ctx: RequestContext): DomainName {
  const edge = d.endpointConfiguration.types.includes('EDGE');
  return {
    domainName: d.domainName,
    domainNameId: d.domainNameId,
    domainNameArn: arnFor('apigateway', { accountId: '', region: ctx.region }, `/domainnames/${d.domainName}`),
    certificateArn: d.certificateArn,
    certificateName: d.certificateName,
    certificateUploadDate: edge ? date(d.certificateUploadDate) : undefined,
    distributionDomainName: d.distributionDomainName,
    distributionHostedZoneId: edge ? CLOUDFRONT_ZONE : undefined,
    regionalDomainName: d.regionalDomainName,
    regionalHostedZoneId: edge ? undefined : REGIONAL_ZONES[ctx.region] ?? REGIONAL_ZONES['us-east-1'],
    regionalCertificateArn: d.regionalCertificateArn,
    regionalCertificateName: d.regionalCertificateName,
    endpointConfiguration: d.endpointConfiguration as { types: EndpointType[] },
    domainNameStatus: 'AVAILABLE',
    securityPolicy: d.securityPolicy as SecurityPolicy,
    tags: tagsOut(d.tags),
  };
}

/**
 * Custom domain names and base path mappings. The data plane serves a request whose Host is a
 * custom domain through its mappings (`(none)` maps the whole domain). Certificates are recorded,
 * not checked; Stratus serves plain HTTP on its own port.
 */
export class DomainOps
  implements
    Pick<
      APIGatewayApi,
      | 'CreateDomainName'
      | 'GetDomainName'
      | 'GetDomainNames'
      | 'UpdateDomainName'
      | 'DeleteDomainName'
      | 'CreateBasePathMapping'
      | 'GetBasePathMapping'
      | 'GetBasePathMappings'
      | 'UpdateBasePathMapping'
      | 'DeleteBasePathMapping'
    >
{
  private readonly domains: TableResources<DomainDoc, DomainName>;

  constructor(private readonly core: ControlCore) {
    this.domains = new TableResources(core, {
      table: core.store.domains,
      missing: 'Invalid domain name identifier specified',
      fields: { certificateArn: 'string', certificateName: 'string', regionalCertificateArn: 'string', regionalCertificateName: 'string', securityPolicy: 'string' },
      out,
    });
  }

  async CreateDomainName(ctx: RequestContext, input: CreateDomainNameRequest): Promise<DomainName> {
    const s = scopeOf(ctx);
    const name = String(input.domainName).toLowerCase();
    if (!DOMAIN.test(name)) throw new BadRequestException(`Invalid domain name: ${input.domainName}`);
    const types = input.endpointConfiguration?.types ?? ['EDGE'];
    if (types.length !== 1) throw new BadRequestException('Cannot create a domain name with multiple Endpoint Types.');
    const edge = types[0] === 'EDGE';
    if (edge && !input.certificateArn && !input.certificateBody) throw new BadRequestException('A certificate must be provided for an edge-optimized domain name: certificateArn or certificateBody');
    if (!edge && !input.regionalCertificateArn) throw new BadRequestException('A regional certificate ARN must be provided for a regional domain name: regionalCertificateArn');
    if (input.mutualTlsAuthentication) throw new BadRequestException('Mutual TLS authentication is not supported by Stratus');
    const d: DomainDoc = {
      domainName: name,
      domainNameId: newId(10),
      certificateArn: input.certificateArn,
      certificateName: input.certificateName,
      regionalCertificateArn: input.regionalCertificateArn,
      regionalCertificateName: input.regionalCertificateName,
      certificateUploadDate: wholeSecond(ctx),
      endpointConfiguration: { types },
      securityPolicy: input.securityPolicy ?? 'TLS_1_2',
      distributionDomainName: edge ? `d${randomId(13)}.cloudfront.net` : undefined,
      regionalDomainName: edge ? undefined : `d-${randomId(10)}.execute-api.${ctx.region}.amazonaws.com`,
      tags: input.tags,
      mappings: {},
    };
    await this.core.db.tx(async (tx) => {
      if (await this.core.store.domains.get(tx, s, [name])) throw new ConflictException('The domain name you provided already exists.');
      await this.core.store.domains.put(tx, s, [name], d);
    });
    await this.core.hooks.domainsChanged();
    return out(d, ctx);
  }

  GetDomainName(ctx: RequestContext, input: GetDomainNameRequest): Promise<DomainName> {
    return this.domains.get(ctx, input.domainName);
  }

  GetDomainNames(ctx: RequestContext, input: GetDomainNamesRequest): Promise<DomainNames> {
    return this.domains.list(ctx, input);
  }

  UpdateDomainName(ctx: RequestContext, input: UpdateDomainNameRequest): Promise<DomainName> {
    return this.domains.update(ctx, input.domainName, input.patchOperations);
  }

  async DeleteDomainName(ctx: RequestContext, input: DeleteDomainNameRequest): Promise<void> {
    await this.domains.delete(ctx, input.domainName);
    await this.core.hooks.domainsChanged();
  }

  // ---- base path mappings

  private async checkTarget(q: Queryable, ctx: RequestContext, m: BasePathMappingDoc): Promise<void> {
    const s = scopeOf(ctx);
    if (!(await this.core.store.apis.get(q, s, [m.restApiId]))) throw new BadRequestException('Invalid REST API identifier specified');
    if (m.stage && !(await this.core.store.stages.get(q, s, [m.restApiId, m.stage]))) throw new BadRequestException('Invalid stage identifier specified');
  }

  /** Read-modify-write of one domain's mappings in a transaction; the data plane reloads its domains after. */
  private async mutate<T>(ctx: RequestContext, domainName: string, fn: (d: DomainDoc, q: Queryable) => Promise<T>): Promise<T> {
    const s = scopeOf(ctx);
    const result = await this.core.db.tx(async (tx) => {
      const d = await this.domains.find(tx, ctx, domainName);
      const r = await fn(d, tx);
      await this.core.store.domains.put(tx, s, [d.domainName], d);
      return r;
    });
    await this.core.hooks.domainsChanged();
    return result;
  }

  async CreateBasePathMapping(ctx: RequestContext, input: CreateBasePathMappingRequest): Promise<BasePathMapping> {
    const basePath = input.basePath === undefined || input.basePath === '' ? '(none)' : String(input.basePath);
    if (basePath !== '(none)' && !BASE_PATH.test(basePath)) throw new BadRequestException(`Invalid base path: ${basePath}`);
    const m: BasePathMappingDoc = { basePath, restApiId: input.restApiId, stage: input.stage };
    await this.checkTarget(this.core.db, ctx, m);
    await this.mutate(ctx, input.domainName, async (d) => {
      if (d.mappings[basePath]) throw new ConflictException('Base path already exists for this domain name');
      d.mappings[basePath] = m;
    });
    return { ...m };
  }

  async GetBasePathMapping(ctx: RequestContext, input: GetBasePathMappingRequest): Promise<BasePathMapping> {
    const d = await this.domains.find(this.core.db, ctx, input.domainName);
    return { ...found(d.mappings[input.basePath], NO_MAPPING) };
  }

  async GetBasePathMappings(ctx: RequestContext, input: GetBasePathMappingsRequest): Promise<BasePathMappings> {
    const d = await this.domains.find(this.core.db, ctx, input.domainName);
    const p = page(Object.values(d.mappings), input.position, input.limit);
    return { items: p.items.map((m) => ({ ...m })), position: p.position };
  }

  async UpdateBasePathMapping(ctx: RequestContext, input: UpdateBasePathMappingRequest): Promise<BasePathMapping> {
    const m = await this.mutate(ctx, input.domainName, async (d, q) => {
      const m = found(d.mappings[input.basePath], NO_MAPPING);
      // The patch path is /restapiId (sic), as in AWS's API reference.
      const next = { basePath: m.basePath, restapiId: m.restApiId, stage: m.stage } as Record<string, any>;
      applyPatch(next, input.patchOperations, { basePath: 'string', restapiId: 'string', stage: 'string' });
      const updated: BasePathMappingDoc = { basePath: next.basePath || '(none)', restApiId: next.restapiId, stage: next.stage || undefined };
      await this.checkTarget(q, ctx, updated);
      if (updated.basePath !== m.basePath && d.mappings[updated.basePath]) throw new ConflictException('Base path already exists for this domain name');
      delete d.mappings[m.basePath];
      d.mappings[updated.basePath] = updated;
      return updated;
    });
    return { ...m };
  }

  async DeleteBasePathMapping(ctx: RequestContext, input: DeleteBasePathMappingRequest): Promise<void> {
    await this.mutate(ctx, input.domainName, async (d) => {
      found(d.mappings[input.basePath], NO_MAPPING);
      delete d.mappings[input.basePath];
    });
  }
}
