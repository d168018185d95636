import type { RequestContext } from '../../../core/context.js';
import { randomId } from '../../../core/ids.js';
import {
  BadRequestException,
  ConflictException,
  NotFoundException,
  type ApiGatewayV2Api,
  type CreateApiMappingRequest,
  type CreateApiMappingResponse,
  type CreateDomainNameRequest,
  type CreateDomainNameResponse,
  type DeleteApiMappingRequest,
  type DeleteDomainNameRequest,
  type GetApiMappingRequest,
  type GetApiMappingResponse,
  type GetApiMappingsRequest,
  type GetApiMappingsResponse,
  type GetDomainNameRequest,
  type GetDomainNameResponse,
  type GetDomainNamesRequest,
  type GetDomainNamesResponse,
  type UpdateApiMappingRequest,
  type UpdateApiMappingResponse,
  type UpdateDomainNameRequest,
  type UpdateDomainNameResponse,
} from '../../../generated/apigatewayv2.js';
import type { Queryable, Tx } from '../../../storage/db.js';
import { decodePageToken, encodePageToken, listingOf } from '../../../storage/paginate.js';
import { pageItems, type ControlCore } from '../core.js';
import type { Scope } from '../store.js';
import type { ApiMappingDoc, DomainDoc } from '../types.js';
import { throwTagProblem } from './apis.js';

type Ops =
  | 'CreateDomainName'
  | 'GetDomainName'
  | 'GetDomainNames'
  | 'UpdateDomainName'
  | 'DeleteDomainName'
  | 'CreateApiMapping'
  | 'GetApiMapping'
  | 'GetApiMappings'
  | 'UpdateApiMapping'
  | 'DeleteApiMapping';

/** Hosted zone ids of regional API Gateway endpoints, as AWS answers them (us-east-1's for other regions). */
const ZONES: Record<string, string> = { 'us-east-1': 'Z1UJRXOUMOOFQ8', 'us-east-2': 'ZOJJZC49E0EPZ', 'us-west-1': 'Z2MUQ32089INYE', 'us-west-2': 'Z2OJLYMUO9EFXC', 'eu-west-1': 'ZLY8HYME6SFDD', 'eu-central-1': 'Z1U9ULNL0V5AJ3' };

/** Custom domain names of HTTP APIs and their API mappings (served by the data plane by Host). */
export class DomainOps implements Pick<ApiGatewayV2Api, Ops> {
  constructor(
    private readonly core: ControlCore,
    /** Resolves once the data plane routes by the changed domains. */
    private readonly domainsChanged: () => Promise<void>,
  ) {}

  private arn(scope: Scope, name: string): string {
    return `arn:aws:apigateway:${scope.region}::/domainnames/${name}`;
  }

  private async out(scope: Scope, d: DomainDoc): Promise<GetDomainNameResponse> {
    return {
      ApiMappingSelectionExpression: '$request.basepath',
      DomainName: d.DomainName,
      DomainNameArn: this.arn(scope, d.DomainName),
      DomainNameConfigurations: d.DomainNameConfigurations.map((c) => ({ ...c, ...(typeof c.CertificateUploadDate === 'number' ? { CertificateUploadDate: new Date(c.CertificateUploadDate) } : {}) })),
      RoutingMode: (d.RoutingMode ?? 'API_MAPPING_ONLY') as GetDomainNameResponse['RoutingMode'],
      Tags: await this.core.tags.list(scope, this.arn(scope, d.DomainName)),
    };
  }

  private async domain(ctx: RequestContext, name: string, q: Queryable = this.core.store.db): Promise<DomainDoc> {
    const d = await this.core.store.domains.get(q, this.core.scope(ctx), [name]);
    if (!d) throw new NotFoundException('The domain name resource specified in the request was not found.', { ResourceType: 'DomainName' });
    return d;
  }

  private configurations(scope: Scope, input: Record<string, unknown>[] | undefined): Record<string, unknown>[] {
    return (input?.length ? input : [{}]).map((c) => ({
      ApiGatewayDomainName: `d-${randomId(10)}.execute-api.${scope.region}.amazonaws.com`,
      DomainNameStatus: 'AVAILABLE',
      EndpointType: 'REGIONAL',
      HostedZoneId: ZONES[scope.region] ?? ZONES['us-east-1'],
      IpAddressType: 'ipv4',
      SecurityPolicy: 'TLS_1_2',
      ...(c.CertificateArn ? { CertificateUploadDate: this.core.clock.now() } : {}),
      ...c,
    }));
  }

  async CreateDomainName(ctx: RequestContext, input: CreateDomainNameRequest): Promise<CreateDomainNameResponse> {
    if (input.MutualTlsAuthentication?.TruststoreUri) throw new BadRequestException('Mutual TLS authentication is not supported by this emulator.');
    const scope = this.core.scope(ctx);
    const name = input.DomainName.toLowerCase();
    const doc: DomainDoc = {
      DomainName: name,
      DomainNameConfigurations: this.configurations(scope, input.DomainNameConfigurations as Record<string, unknown>[] | undefined),
      mappings: {},
      ...(input.RoutingMode ? { RoutingMode: input.RoutingMode } : {}),
    };
    await this.core.store.db.tx(async (tx) => {
      if (await this.core.store.domains.get(tx, scope, [name])) throw new ConflictException('The domain name you provided already exists.');
      if (input.Tags) throwTagProblem(await this.core.tags.tag(tx, scope, this.arn(scope, name), input.Tags));
      await this.core.store.domains.put(tx, scope, [name], doc);
    });
    await this.domainsChanged();
    return this.out(scope, doc);
  }

  async GetDomainName(ctx: RequestContext, input: GetDomainNameRequest): Promise<GetDomainNameResponse> {
    return this.out(this.core.scope(ctx), await this.domain(ctx, input.DomainName.toLowerCase()));
  }

  async GetDomainNames(ctx: RequestContext, input: GetDomainNamesRequest): Promise<GetDomainNamesResponse> {
    const scope = this.core.scope(ctx);
    const listing = listingOf('GetDomainNames', scope);
    let after: (string | number | null)[] | undefined;
    if (input.NextToken !== undefined) {
      const key = decodePageToken(input.NextToken, listing);
      if (!key) throw new BadRequestException('Invalid pagination token specified');
      after = key as (string | number | null)[];
    }
    const limit = input.MaxResults !== undefined && /^\d+$/.test(input.MaxResults) ? Math.min(Math.max(Number(input.MaxResults), 1), 500) : 100;
    const page = await this.core.store.domains.list(this.core.store.db, scope, { after, limit });
    const items = await Promise.all(page.items.map((d) => this.out(scope, d)));
    return { Items: items as GetDomainNamesResponse['Items'], ...(page.next ? { NextToken: encodePageToken(listing, page.next) } : {}) };
  }

  async UpdateDomainName(ctx: RequestContext, input: UpdateDomainNameRequest): Promise<UpdateDomainNameResponse> {
    if (input.MutualTlsAuthentication?.TruststoreUri) throw new BadRequestException('Mutual TLS authentication is not supported by this emulator.');
    const scope = this.core.scope(ctx);
    const name = input.DomainName.toLowerCase();
    const doc = await this.core.store.db.tx(async (tx) => {
      const d = await this.domain(ctx, name, tx);
      if (input.DomainNameConfigurations) d.DomainNameConfigurations = this.configurations(scope, input.DomainNameConfigurations as Record<string, unknown>[]);
      if (input.RoutingMode) d.RoutingMode = input.RoutingMode;
      await this.core.store.domains.put(tx, scope, [name], d);
      return d;
    });
    return this.out(scope, doc);
  }

  async DeleteDomainName(ctx: RequestContext, input: DeleteDomainNameRequest): Promise<void> {
    const scope = this.core.scope(ctx);
    const name = input.DomainName.toLowerCase();
    const deleted = await this.core.store.db.tx(async (tx) => {
      const ok = await this.core.store.domains.delete(tx, scope, [name]);
      if (ok) await this.core.tags.forget(tx, scope, this.arn(scope, name));
      return ok;
    });
    if (!deleted) throw new NotFoundException('The domain name resource specified in the request was not found.', { ResourceType: 'DomainName' });
    await this.domainsChanged();
  }

  /** Changes a domain's mappings in one transaction, then waits for the data plane to route by them. */
  private async mappings<T>(ctx: RequestContext, domainName: string, fn: (d: DomainDoc, tx: Tx) => Promise<T> | T): Promise<T> {
    const scope = this.core.scope(ctx);
    const name = domainName.toLowerCase();
    const out = await this.core.store.db.tx(async (tx) => {
      const d = await this.domain(ctx, name, tx);
      const r = await fn(d, tx);
      await this.core.store.domains.put(tx, scope, [name], d);
      return r;
    });
    await this.domainsChanged();
    return out;
  }

  private async checkMapping(ctx: RequestContext, tx: Tx, d: DomainDoc, m: ApiMappingDoc): Promise<void> {
    const api = await this.core.store.apis.get(tx, this.core.scope(ctx), [m.ApiId]);
    if (!api) throw this.core.apiNotFound(ctx, m.ApiId);
    if (!api.stages[m.Stage]) throw new BadRequestException(`Invalid stage identifier specified`);
    if (m.ApiMappingKey !== '' && !/^[A-Za-z0-9$_.+!*'()-]+(\/[A-Za-z0-9$_.+!*'()-]+)*$/.test(m.ApiMappingKey)) {
      throw new BadRequestException(`Invalid API mapping key specified: ${m.ApiMappingKey}`);
    }
    if (Object.values(d.mappings).some((x) => x.ApiMappingKey === m.ApiMappingKey && x.ApiMappingId !== m.ApiMappingId)) {
      throw new ConflictException(`ApiMapping with key ${m.ApiMappingKey === '' ? '(none)' : m.ApiMappingKey} already exists for domain name ${d.DomainName}`);
    }
  }

  async CreateApiMapping(ctx: RequestContext, input: CreateApiMappingRequest): Promise<CreateApiMappingResponse> {
    return this.mappings(ctx, input.DomainName, async (d, tx) => {
      const m: ApiMappingDoc = { ApiMappingId: randomId(6), ApiId: input.ApiId, Stage: input.Stage, ApiMappingKey: input.ApiMappingKey ?? '' };
      await this.checkMapping(ctx, tx, d, m);
      d.mappings[m.ApiMappingId] = m;
      return m;
    });
  }

  async GetApiMapping(ctx: RequestContext, input: GetApiMappingRequest): Promise<GetApiMappingResponse> {
    return mappingOf(await this.domain(ctx, input.DomainName.toLowerCase()), input.ApiMappingId);
  }

  async GetApiMappings(ctx: RequestContext, input: GetApiMappingsRequest): Promise<GetApiMappingsResponse> {
    const d = await this.domain(ctx, input.DomainName.toLowerCase());
    return pageItems(Object.values(d.mappings), input.MaxResults, input.NextToken);
  }

  async UpdateApiMapping(ctx: RequestContext, input: UpdateApiMappingRequest): Promise<UpdateApiMappingResponse> {
    return this.mappings(ctx, input.DomainName, async (d, tx) => {
      const m = { ...mappingOf(d, input.ApiMappingId) };
      m.ApiId = input.ApiId;
      if (input.Stage !== undefined) m.Stage = input.Stage;
      if (input.ApiMappingKey !== undefined) m.ApiMappingKey = input.ApiMappingKey;
      await this.checkMapping(ctx, tx, d, m);
      d.mappings[m.ApiMappingId] = m;
      return m;
    });
  }

  async DeleteApiMapping(ctx: RequestContext, input: DeleteApiMappingRequest): Promise<void> {
    await this.mappings(ctx, input.DomainName, (d) => {
      mappingOf(d, input.ApiMappingId);
      delete d.mappings[input.ApiMappingId];
    });
  }
}

function mappingOf(d: DomainDoc, id: string): ApiMappingDoc {
  const m = d.mappings[id];
  if (!m) throw new NotFoundException(`Invalid ApiMapping identifier specified ${id}`, { ResourceType: 'ApiMapping' });
  return m;
}
