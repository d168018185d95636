import type { RequestContext } from '../../../core/context.js';
import {
  BadRequestException,
  ConflictException,
  NotFoundException,
  type ApiGatewayV2Api,
  type CreateRouteRequest,
  type CreateRouteResponseRequest,
  type CreateRouteResponseResponse,
  type CreateRouteResult,
  type DeleteRouteRequest,
  type DeleteRouteRequestParameterRequest,
  type DeleteRouteResponseRequest,
  type GetRouteRequest,
  type GetRouteResponseRequest,
  type GetRouteResponseResponse,
  type GetRouteResponsesRequest,
  type GetRouteResponsesResponse,
  type GetRouteResult,
  type GetRoutesRequest,
  type GetRoutesResponse,
  type UpdateRouteRequest,
  type UpdateRouteResponseRequest,
  type UpdateRouteResponseResponse,
  type UpdateRouteResult,
} from '../../../generated/apigatewayv2.js';
import { newId, pageItems, type ControlCore } from '../core.js';
import { checkRouteKey } from '../route-keys.js';
import type { ApiDoc, RouteDoc, RouteResponseDoc } from '../types.js';

type Ops =
  | 'CreateRoute'
  | 'GetRoute'
  | 'GetRoutes'
  | 'UpdateRoute'
  | 'DeleteRoute'
  | 'DeleteRouteRequestParameter'
  | 'CreateRouteResponse'
  | 'GetRouteResponse'
  | 'GetRouteResponses'
  | 'UpdateRouteResponse'
  | 'DeleteRouteResponse';

type RouteFields = Omit<CreateRouteRequest, 'ApiId' | 'RouteKey'> & { RouteKey?: string };

/** Routes and (WebSocket) route responses. */
export class RouteOps implements Pick<ApiGatewayV2Api, Ops> {
  constructor(private readonly core: ControlCore) {}

  async CreateRoute(ctx: RequestContext, input: CreateRouteRequest): Promise<CreateRouteResult> {
    return this.core.mutate(
      ctx,
      input.ApiId,
      (doc) => {
        const route: RouteDoc = { RouteId: newId(), RouteKey: input.RouteKey, ApiKeyRequired: false, AuthorizationType: 'NONE' };
        apply(doc, route, input);
        doc.routes[route.RouteId] = route;
        return route as CreateRouteResult;
      },
      { deploy: true },
    );
  }

  async GetRoute(ctx: RequestContext, input: GetRouteRequest): Promise<GetRouteResult> {
    const doc = await this.core.load(ctx, input.ApiId);
    return routeOf(doc, input.RouteId) as GetRouteResult;
  }

  async GetRoutes(ctx: RequestContext, input: GetRoutesRequest): Promise<GetRoutesResponse> {
    const doc = await this.core.load(ctx, input.ApiId);
    return pageItems(Object.values(doc.routes), input.MaxResults, input.NextToken) as GetRoutesResponse;
  }

  async UpdateRoute(ctx: RequestContext, input: UpdateRouteRequest): Promise<UpdateRouteResult> {
    return this.core.mutate(
      ctx,
      input.ApiId,
      (doc) => {
        const route = routeOf(doc, input.RouteId);
        if (route.ApiGatewayManaged) throw new ConflictException('Cannot modify a route managed by API Gateway (created with quick create): update the API instead.');
        const { ApiId: _a, RouteId: _r, ...fields } = input;
        void _a, _r;
        apply(doc, route, fields);
        return route as UpdateRouteResult;
      },
      { deploy: true },
    );
  }

  async DeleteRoute(ctx: RequestContext, input: DeleteRouteRequest): Promise<void> {
    await this.core.mutate(
      ctx,
      input.ApiId,
      (doc) => {
        const route = routeOf(doc, input.RouteId);
        if (route.ApiGatewayManaged) throw new ConflictException('Cannot delete a route managed by API Gateway (created with quick create): delete the API instead.');
        delete doc.routes[input.RouteId];
        delete doc.routeResponses[input.RouteId];
      },
      { deploy: true },
    );
  }

  async DeleteRouteRequestParameter(ctx: RequestContext, input: DeleteRouteRequestParameterRequest): Promise<void> {
    await this.core.mutate(
      ctx,
      input.ApiId,
      (doc) => {
        const route = routeOf(doc, input.RouteId);
        if (!route.RequestParameters?.[input.RequestParameterKey]) throw new NotFoundException(`Invalid request parameter key specified ${input.RequestParameterKey}`);
        delete route.RequestParameters[input.RequestParameterKey];
      },
      { deploy: true },
    );
  }

  async CreateRouteResponse(ctx: RequestContext, input: CreateRouteResponseRequest): Promise<CreateRouteResponseResponse> {
    return this.core.mutate(
      ctx,
      input.ApiId,
      (doc) => {
        websocketOnly(doc, 'Route responses');
        routeOf(doc, input.RouteId);
        const all = (doc.routeResponses[input.RouteId] ??= {});
        if (Object.values(all).some((r) => r.RouteResponseKey === input.RouteResponseKey)) {
          throw new ConflictException(`RouteResponse with key ${input.RouteResponseKey} already exists for this Route`);
        }
        const rr: RouteResponseDoc = { RouteResponseId: newId(), RouteResponseKey: input.RouteResponseKey };
        if (input.ModelSelectionExpression !== undefined) rr.ModelSelectionExpression = input.ModelSelectionExpression;
        if (input.ResponseModels) rr.ResponseModels = input.ResponseModels;
        if (input.ResponseParameters) rr.ResponseParameters = input.ResponseParameters;
        all[rr.RouteResponseId] = rr;
        return rr;
      },
      { deploy: true },
    );
  }

  async GetRouteResponse(ctx: RequestContext, input: GetRouteResponseRequest): Promise<GetRouteResponseResponse> {
    const doc = await this.core.load(ctx, input.ApiId);
    return routeResponseOf(doc, input.RouteId, input.RouteResponseId);
  }

  async GetRouteResponses(ctx: RequestContext, input: GetRouteResponsesRequest): Promise<GetRouteResponsesResponse> {
    const doc = await this.core.load(ctx, input.ApiId);
    routeOf(doc, input.RouteId);
    return pageItems(Object.values(doc.routeResponses[input.RouteId] ?? {}), input.MaxResults, input.NextToken);
  }

  async UpdateRouteResponse(ctx: RequestContext, input: UpdateRouteResponseRequest): Promise<UpdateRouteResponseResponse> {
    return this.core.mutate(
      ctx,
      input.ApiId,
      (doc) => {
        const rr = routeResponseOf(doc, input.RouteId, input.RouteResponseId);
        if (input.RouteResponseKey !== undefined) rr.RouteResponseKey = input.RouteResponseKey;
        if (input.ModelSelectionExpression !== undefined) rr.ModelSelectionExpression = input.ModelSelectionExpression;
        if (input.ResponseModels) rr.ResponseModels = input.ResponseModels;
        if (input.ResponseParameters) rr.ResponseParameters = input.ResponseParameters;
        return rr;
      },
      { deploy: true },
    );
  }

  async DeleteRouteResponse(ctx: RequestContext, input: DeleteRouteResponseRequest): Promise<void> {
    await this.core.mutate(
      ctx,
      input.ApiId,
      (doc) => {
        routeResponseOf(doc, input.RouteId, input.RouteResponseId);
        delete doc.routeResponses[input.RouteId]![input.RouteResponseId];
      },
      { deploy: true },
    );
  }
}

export function routeOf(doc: ApiDoc, routeId: string): RouteDoc {
  const r = doc.routes[routeId];
  if (!r) throw new NotFoundException(`Invalid Route identifier specified ${routeId}`, { ResourceType: 'Route' });
  return r;
}

function routeResponseOf(doc: ApiDoc, routeId: string, id: string): RouteResponseDoc {
  routeOf(doc, routeId);
  const rr = doc.routeResponses[routeId]?.[id];
  if (!rr) throw new NotFoundException(`Invalid RouteResponse identifier specified ${id}`, { ResourceType: 'RouteResponse' });
  return rr;
}

function websocketOnly(doc: ApiDoc, what: string): void {
  if (doc.api.ProtocolType !== 'WEBSOCKET') throw new BadRequestException(`${what} are supported only for WebSocket APIs.`);
}

/** Sets a route's fields from a create or update request, with the checks AWS makes against the API. */
function apply(doc: ApiDoc, route: RouteDoc, input: RouteFields): void {
  const protocol = doc.api.ProtocolType;
  if (input.RouteKey !== undefined) {
    checkRouteKey(protocol, input.RouteKey);
    if (Object.values(doc.routes).some((r) => r.RouteKey === input.RouteKey && r.RouteId !== route.RouteId)) {
      throw new ConflictException(`Route with key ${input.RouteKey} already exists for this API`);
    }
    route.RouteKey = input.RouteKey;
  }
  if (input.Target !== undefined) {
    const m = /^integrations\/([a-z0-9]+)$/.exec(input.Target);
    if (!m || !doc.integrations[m[1]!]) throw new BadRequestException(`Invalid target ${input.Target}. Target must be of the form integrations/{integrationId}, naming an integration of this API.`);
    route.Target = input.Target;
  }
  for (const k of ['ApiKeyRequired', 'ModelSelectionExpression', 'OperationName', 'RequestModels', 'RequestParameters', 'RouteResponseSelectionExpression'] as const) {
    if (input[k] !== undefined) (route as unknown as Record<string, unknown>)[k] = input[k];
  }
  if (input.AuthorizationType !== undefined) route.AuthorizationType = input.AuthorizationType;
  if (input.AuthorizerId !== undefined) route.AuthorizerId = input.AuthorizerId;
  if (input.AuthorizationScopes !== undefined) route.AuthorizationScopes = input.AuthorizationScopes;
  if (route.AuthorizationType === 'NONE' || route.AuthorizationType === 'AWS_IAM') delete route.AuthorizerId;
  const type = route.AuthorizationType ?? 'NONE';
  if (protocol === 'HTTP' && !['NONE', 'JWT', 'AWS_IAM', 'CUSTOM'].includes(type)) throw new BadRequestException(`Invalid authorization type ${type} for HTTP API`);
  if (protocol === 'WEBSOCKET' && !['NONE', 'AWS_IAM', 'CUSTOM'].includes(type)) throw new BadRequestException(`Invalid authorization type ${type} for WebSocket API`);
  if (protocol === 'WEBSOCKET' && type !== 'NONE' && route.RouteKey !== '$connect') {
    throw new BadRequestException('Currently, authorization is restricted to the $connect route only');
  }
  if (type === 'JWT' || type === 'CUSTOM') {
    if (!route.AuthorizerId) throw new BadRequestException(`An authorizer must be specified for authorization type ${type}`);
    const a = doc.authorizers[route.AuthorizerId];
    if (!a) throw new BadRequestException(`Invalid authorizer ID specified ${route.AuthorizerId}`);
    if ((type === 'JWT') !== (a.AuthorizerType === 'JWT')) {
      throw new BadRequestException(`Authorizer type ${a.AuthorizerType} is not compatible with authorization type ${type}`);
    }
  } else if (route.AuthorizerId) {
    throw new BadRequestException(`An authorizer can only be specified for authorization type JWT or CUSTOM`);
  }
  if (route.AuthorizationScopes?.length && type !== 'JWT' && !(type === 'CUSTOM' && protocol === 'HTTP')) {
    throw new BadRequestException('Authorization scopes are supported only for JWT authorizers');
  }
}
