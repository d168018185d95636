import type { RequestContext } from '../../../core/context.js';
import { randomId } from '../../../core/ids.js';
import {
  BadRequestException,
  NotFoundException,
  type ApiGatewayV2Api,
  type CreateApiRequest,
  type CreateApiResponse,
  type DeleteApiRequest,
  type DeleteCorsConfigurationRequest,
  type GetApiRequest,
  type GetApiResponse,
  type GetApisRequest,
  type GetApisResponse,
  type GetTagsRequest,
  type GetTagsResponse,
  type TagResourceRequest,
  type TagResourceResponse,
  type UntagResourceRequest,
  type UpdateApiRequest,
  type UpdateApiResponse,
} from '../../../generated/apigatewayv2.js';
import { decodePageToken, encodePageToken, listingOf } from '../../../storage/paginate.js';
import type { TagProblem } from '../../../storage/tags.js';
import { apiOut, newId, type ControlCore } from '../core.js';
import { checkRouteKey, checkSelectionExpression, HTTP_ROUTE_SELECTION } from '../route-keys.js';
import type { Scope } from '../store.js';
import type { ApiDoc, ApiFields, CorsDoc, IntegrationDoc } from '../types.js';

type Ops = 'CreateApi' | 'GetApi' | 'GetApis' | 'UpdateApi' | 'DeleteApi' | 'DeleteCorsConfiguration' | 'TagResource' | 'UntagResource' | 'GetTags';

/** APIs: create (with quick create), read, update, delete; CORS; tags. */
export class ApiOps implements Pick<ApiGatewayV2Api, Ops> {
  constructor(private readonly core: ControlCore) {}

  async CreateApi(ctx: RequestContext, input: CreateApiRequest): Promise<CreateApiResponse> {
    const scope = this.core.scope(ctx);
    const now = this.core.clock.now();
    const http = input.ProtocolType === 'HTTP';
    if (!http) {
      if (input.RouteSelectionExpression === undefined) throw new BadRequestException('RouteSelectionExpression is a required parameter for WEBSOCKET APIs.');
      if (input.Target !== undefined || input.RouteKey !== undefined) throw new BadRequestException('Target and RouteKey are not supported for WEBSOCKET APIs.');
      if (input.CorsConfiguration !== undefined) throw new BadRequestException('CorsConfiguration is not supported for WebSocket APIs');
    }
    const rse = input.RouteSelectionExpression ?? HTTP_ROUTE_SELECTION;
    checkSelectionExpression(input.ProtocolType, rse);
    if (input.RouteKey !== undefined && input.Target === undefined) throw new BadRequestException('RouteKey can only be specified with Target for quick create.');
    const api: ApiFields = {
      ApiId: randomId(10),
      Name: input.Name,
      ProtocolType: input.ProtocolType,
      RouteSelectionExpression: rse,
      ApiKeySelectionExpression: input.ApiKeySelectionExpression ?? '$request.header.x-api-key',
      CreatedDate: now,
      DisableExecuteApiEndpoint: input.DisableExecuteApiEndpoint ?? false,
      IpAddressType: input.IpAddressType ?? 'ipv4',
    };
    if (input.Description !== undefined) api.Description = input.Description;
    if (input.Version !== undefined) api.Version = input.Version;
    if (input.DisableSchemaValidation !== undefined) api.DisableSchemaValidation = input.DisableSchemaValidation;
    if (input.CorsConfiguration) api.CorsConfiguration = corsOf(input.CorsConfiguration);
    const doc: ApiDoc = { api, routes: {}, integrations: {}, authorizers: {}, stages: {}, routeResponses: {}, integrationResponses: {}, models: {} };
    if (input.Target !== undefined) quickCreate(doc, input.Target, input.RouteKey ?? '$default', input.CredentialsArn, now);
    const arn = this.core.apiArn(scope, api.ApiId);
    await this.core.store.db.tx(async (tx) => {
      if (input.Tags) throwTagProblem(await this.core.tags.tag(tx, scope, arn, input.Tags));
      if (input.Target !== undefined) {
        const dep = await this.core.deploy(tx, scope, doc, now, 'Automatic deployment triggered by changes to the Api configuration', true);
        doc.stages.$default!.DeploymentId = dep.DeploymentId;
        doc.stages.$default!.LastDeploymentStatusMessage = `Successfully deployed stage with deployment ID '${dep.DeploymentId}'`;
      }
      await this.core.store.apis.put(tx, scope, [api.ApiId], doc);
    });
    this.core.notifyChanged(api.ApiId, scope, true);
    return { ...apiOut(api, scope), Tags: input.Tags ?? {} } as CreateApiResponse;
  }

  async GetApi(ctx: RequestContext, input: GetApiRequest): Promise<GetApiResponse> {
    const doc = await this.core.load(ctx, input.ApiId);
    return this.out(ctx, doc.api) as Promise<GetApiResponse>;
  }

  async GetApis(ctx: RequestContext, input: GetApisRequest): Promise<GetApisResponse> {
    const scope = this.core.scope(ctx);
    const listing = listingOf('GetApis', scope);
    let after: (string | number | null)[] | undefined;
    if (input.NextToken !== undefined) {
      const key = decodePageToken(input.NextToken, listing);
      if (!key) throw new BadRequestException('Invalid pagination token specified');
      after = key as (string | number | null)[];
    }
    const limit = input.MaxResults !== undefined && /^\d+$/.test(input.MaxResults) ? Math.min(Math.max(Number(input.MaxResults), 1), 500) : 100;
    const page = await this.core.store.apis.list(this.core.store.db, scope, { after, limit });
    const items = await Promise.all(page.items.map((d) => this.out(ctx, d.api)));
    return { Items: items as unknown as GetApisResponse['Items'], ...(page.next ? { NextToken: encodePageToken(listing, page.next) } : {}) };
  }

  async UpdateApi(ctx: RequestContext, input: UpdateApiRequest): Promise<UpdateApiResponse> {
    const api = await this.core.mutate(
      ctx,
      input.ApiId,
      (doc) => {
        const a = doc.api;
        const http = a.ProtocolType === 'HTTP';
        if (!http && input.CorsConfiguration !== undefined) throw new BadRequestException('CorsConfiguration is not supported for WebSocket APIs');
        if (input.RouteSelectionExpression !== undefined) {
          checkSelectionExpression(a.ProtocolType, input.RouteSelectionExpression);
          a.RouteSelectionExpression = input.RouteSelectionExpression;
        }
        if (input.Name !== undefined) a.Name = input.Name;
        if (input.Description !== undefined) a.Description = input.Description;
        if (input.Version !== undefined) a.Version = input.Version;
        if (input.ApiKeySelectionExpression !== undefined) a.ApiKeySelectionExpression = input.ApiKeySelectionExpression;
        if (input.DisableExecuteApiEndpoint !== undefined) a.DisableExecuteApiEndpoint = input.DisableExecuteApiEndpoint;
        if (input.DisableSchemaValidation !== undefined) a.DisableSchemaValidation = input.DisableSchemaValidation;
        if (input.IpAddressType !== undefined) a.IpAddressType = input.IpAddressType;
        if (input.CorsConfiguration !== undefined) a.CorsConfiguration = corsOf(input.CorsConfiguration);
        if (input.Target !== undefined || input.RouteKey !== undefined) {
          if (!http) throw new BadRequestException('Target and RouteKey are not supported for WEBSOCKET APIs.');
          const managed = Object.values(doc.integrations).find((i) => i.ApiGatewayManaged);
          const route = Object.values(doc.routes).find((r) => r.ApiGatewayManaged);
          if (!managed || !route) throw new BadRequestException('Target and RouteKey can only be updated on APIs created with quick create.');
          if (input.Target !== undefined) Object.assign(managed, targetIntegration(managed.IntegrationId, input.Target, managed.CredentialsArn));
          if (input.RouteKey !== undefined) {
            checkRouteKey('HTTP', input.RouteKey);
            route.RouteKey = input.RouteKey;
          }
        }
        return a;
      },
      { deploy: true },
    );
    return this.out(ctx, api) as Promise<UpdateApiResponse>;
  }

  async DeleteApi(ctx: RequestContext, input: DeleteApiRequest): Promise<void> {
    const scope = this.core.scope(ctx);
    const deleted = await this.core.store.db.tx(async (tx) => {
      if (!(await this.core.store.apis.delete(tx, scope, [input.ApiId]))) return false;
      await this.core.store.deployments.deleteAll(tx, scope, [input.ApiId]);
      await this.core.tags.forget(tx, scope, this.core.apiArn(scope, input.ApiId));
      return true;
    });
    if (!deleted) throw this.core.apiNotFound(ctx, input.ApiId);
    this.core.notifyChanged(input.ApiId, scope, false);
  }

  async DeleteCorsConfiguration(ctx: RequestContext, input: DeleteCorsConfigurationRequest): Promise<void> {
    await this.core.mutate(
      ctx,
      input.ApiId,
      (doc) => {
        if (!doc.api.CorsConfiguration) throw new NotFoundException(`Invalid CorsConfiguration specified ${ctx.accountId}:${input.ApiId}`);
        delete doc.api.CorsConfiguration;
      },
      { deploy: true },
    );
  }

  async TagResource(ctx: RequestContext, input: TagResourceRequest): Promise<TagResourceResponse> {
    const { scope, arn } = await this.resource(ctx, input.ResourceArn);
    await this.core.store.db.tx(async (tx) => throwTagProblem(await this.core.tags.tag(tx, scope, arn, input.Tags ?? {})));
    return {};
  }

  async UntagResource(ctx: RequestContext, input: UntagResourceRequest): Promise<void> {
    const { scope, arn } = await this.resource(ctx, input.ResourceArn);
    await this.core.store.db.tx((tx) => this.core.tags.untag(tx, scope, arn, input.TagKeys));
  }

  async GetTags(ctx: RequestContext, input: GetTagsRequest): Promise<GetTagsResponse> {
    const { scope, arn } = await this.resource(ctx, input.ResourceArn);
    return { Tags: await this.core.tags.list(scope, arn) };
  }

  private async out(ctx: RequestContext, api: ApiFields): Promise<Record<string, unknown>> {
    const scope = this.core.scope(ctx);
    return { ...apiOut(api, scope), Tags: await this.core.tags.list(scope, this.core.apiArn(scope, api.ApiId)) };
  }

  /** A taggable resource by its ARN: an API or a stage of one (which must exist). */
  private async resource(ctx: RequestContext, arn: string): Promise<{ scope: Scope; arn: string }> {
    const link = /^arn:aws[a-z-]*:apigateway:[a-z0-9-]+::\/vpclinks\/([a-z0-9]+)$/.exec(arn);
    if (link) {
      if (!(await this.core.store.vpcLinks.get(this.core.store.db, this.core.scope(ctx), [link[1]!]))) throw new NotFoundException(`Invalid resource identifier specified ${arn}`);
      return { scope: this.core.scope(ctx), arn };
    }
    const m = /^arn:aws[a-z-]*:apigateway:([a-z0-9-]+)::\/apis\/([a-z0-9]+)(?:\/stages\/([^/]+))?$/.exec(arn);
    if (!m) throw new BadRequestException(`Invalid resource ARN specified ${arn}`);
    const scope = this.core.scope(ctx);
    const doc = await this.core.store.apis.get(this.core.store.db, scope, [m[2]!]);
    if (!doc || (m[3] !== undefined && !doc.stages[decodeURIComponent(m[3])])) throw new NotFoundException(`Invalid resource identifier specified ${arn}`);
    return { scope, arn };
  }
}

function corsOf(c: CorsDoc): CorsDoc {
  const out: CorsDoc = {};
  if (c.AllowCredentials !== undefined) out.AllowCredentials = c.AllowCredentials;
  if (c.AllowHeaders) out.AllowHeaders = c.AllowHeaders;
  if (c.AllowMethods) out.AllowMethods = c.AllowMethods;
  if (c.AllowOrigins) out.AllowOrigins = c.AllowOrigins;
  if (c.ExposeHeaders) out.ExposeHeaders = c.ExposeHeaders;
  if (c.MaxAge !== undefined) out.MaxAge = c.MaxAge;
  if (out.AllowCredentials && out.AllowOrigins?.includes('*')) {
    throw new BadRequestException('Cannot allow credentials when AllowOrigins is * (wildcard). Specify the origins to allow credentials for.');
  }
  return out;
}

/** The integration quick create (and UpdateApi's Target) makes for a Lambda ARN or an HTTP URL. */
function targetIntegration(id: string, target: string, credentialsArn: string | undefined): IntegrationDoc {
  const lambda = target.startsWith('arn:');
  const i: IntegrationDoc = {
    IntegrationId: id,
    ApiGatewayManaged: true,
    ConnectionType: 'INTERNET',
    IntegrationMethod: lambda ? 'POST' : 'ANY',
    IntegrationType: lambda ? 'AWS_PROXY' : 'HTTP_PROXY',
    IntegrationUri: target,
    PayloadFormatVersion: lambda ? '2.0' : '1.0',
    TimeoutInMillis: 30000,
  };
  if (credentialsArn !== undefined) i.CredentialsArn = credentialsArn;
  return i;
}

/** Quick create: the integration, a route to it and the auto-deployed $default stage. */
function quickCreate(doc: ApiDoc, target: string, routeKey: string, credentialsArn: string | undefined, now: number): void {
  checkRouteKey('HTTP', routeKey);
  const integration = targetIntegration(newId(), target, credentialsArn);
  doc.integrations[integration.IntegrationId] = integration;
  const routeId = newId();
  doc.routes[routeId] = {
    RouteId: routeId,
    RouteKey: routeKey,
    ApiGatewayManaged: true,
    ApiKeyRequired: false,
    AuthorizationType: 'NONE',
    Target: `integrations/${integration.IntegrationId}`,
  };
  doc.stages.$default = {
    StageName: '$default',
    AutoDeploy: true,
    ApiGatewayManaged: true,
    CreatedDate: now,
    LastUpdatedDate: now,
    DefaultRouteSettings: { DetailedMetricsEnabled: false },
    RouteSettings: {},
    StageVariables: {},
  };
}

export function throwTagProblem(p: TagProblem | undefined): void {
  if (!p) return;
  if (p.kind === 'tooMany') throw new BadRequestException('Too many tags: a resource can have at most 50 tags.');
  throw new BadRequestException(`Invalid tag: ${JSON.stringify(p)}`);
}
