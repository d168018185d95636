import type { RequestContext } from '../../../core/context.js';
import {
  BadRequestException,
  ConflictException,
  NotFoundException,
  type ApiGatewayV2Api,
  type CreateIntegrationRequest,
  type CreateIntegrationResponseRequest,
  type CreateIntegrationResponseResponse,
  type CreateIntegrationResult,
  type DeleteIntegrationRequest,
  type DeleteIntegrationResponseRequest,
  type GetIntegrationRequest,
  type GetIntegrationResponseRequest,
  type GetIntegrationResponseResponse,
  type GetIntegrationResponsesRequest,
  type GetIntegrationResponsesResponse,
  type GetIntegrationResult,
  type GetIntegrationsRequest,
  type GetIntegrationsResponse,
  type UpdateIntegrationRequest,
  type UpdateIntegrationResponseRequest,
  type UpdateIntegrationResponseResponse,
  type UpdateIntegrationResult,
} from '../../../generated/apigatewayv2.js';
import { newId, pageItems, type ControlCore } from '../core.js';
import { checkServiceIntegration } from '../dataplane/aws-service.js';
import { isMappingKey } from '../dataplane/mapping.js';
import type { ApiDoc, IntegrationDoc, IntegrationResponseDoc } from '../types.js';

type Ops =
  | 'CreateIntegration'
  | 'GetIntegration'
  | 'GetIntegrations'
  | 'UpdateIntegration'
  | 'DeleteIntegration'
  | 'CreateIntegrationResponse'
  | 'GetIntegrationResponse'
  | 'GetIntegrationResponses'
  | 'UpdateIntegrationResponse'
  | 'DeleteIntegrationResponse';

const COPIED = [
  'ConnectionId',
  'ConnectionType',
  'ContentHandlingStrategy',
  'CredentialsArn',
  'Description',
  'IntegrationMethod',
  'IntegrationSubtype',
  'IntegrationUri',
  'PassthroughBehavior',
  'PayloadFormatVersion',
  'RequestParameters',
  'RequestTemplates',
  'ResponseParameters',
  'TemplateSelectionExpression',
  'TimeoutInMillis',
  'TlsConfig',
] as const;

/** Integrations and (WebSocket) integration responses. */
export class IntegrationOps implements Pick<ApiGatewayV2Api, Ops> {
  constructor(private readonly core: ControlCore) {}

  async CreateIntegration(ctx: RequestContext, input: CreateIntegrationRequest): Promise<CreateIntegrationResult> {
    return this.core.mutate(
      ctx,
      input.ApiId,
      (doc) => {
        const i: IntegrationDoc = { IntegrationId: newId(), IntegrationType: input.IntegrationType, ConnectionType: 'INTERNET' };
        copy(i, input);
        complete(doc, i);
        doc.integrations[i.IntegrationId] = i;
        return i as CreateIntegrationResult;
      },
      { deploy: true },
    );
  }

  async GetIntegration(ctx: RequestContext, input: GetIntegrationRequest): Promise<GetIntegrationResult> {
    return integrationOf(await this.core.load(ctx, input.ApiId), input.IntegrationId) as GetIntegrationResult;
  }

  async GetIntegrations(ctx: RequestContext, input: GetIntegrationsRequest): Promise<GetIntegrationsResponse> {
    const doc = await this.core.load(ctx, input.ApiId);
    return pageItems(Object.values(doc.integrations), input.MaxResults, input.NextToken) as GetIntegrationsResponse;
  }

  async UpdateIntegration(ctx: RequestContext, input: UpdateIntegrationRequest): Promise<UpdateIntegrationResult> {
    return this.core.mutate(
      ctx,
      input.ApiId,
      (doc) => {
        const i = integrationOf(doc, input.IntegrationId);
        if (i.ApiGatewayManaged) throw new ConflictException('Cannot modify an integration managed by API Gateway (created with quick create): update the API instead.');
        if (input.IntegrationType !== undefined) i.IntegrationType = input.IntegrationType;
        copy(i, input);
        complete(doc, i);
        return i as UpdateIntegrationResult;
      },
      { deploy: true },
    );
  }

  async DeleteIntegration(ctx: RequestContext, input: DeleteIntegrationRequest): Promise<void> {
    await this.core.mutate(
      ctx,
      input.ApiId,
      (doc) => {
        const i = integrationOf(doc, input.IntegrationId);
        if (i.ApiGatewayManaged) throw new ConflictException('Cannot delete an integration managed by API Gateway (created with quick create): delete the API instead.');
        const user = Object.values(doc.routes).find((r) => r.Target === `integrations/${i.IntegrationId}`);
        if (user) throw new ConflictException(`Cannot delete Integration ${i.IntegrationId}: it is the target of route ${user.RouteId}`);
        delete doc.integrations[i.IntegrationId];
        delete doc.integrationResponses[i.IntegrationId];
      },
      { deploy: true },
    );
  }

  async CreateIntegrationResponse(ctx: RequestContext, input: CreateIntegrationResponseRequest): Promise<CreateIntegrationResponseResponse> {
    return this.core.mutate(
      ctx,
      input.ApiId,
      (doc) => {
        if (doc.api.ProtocolType !== 'WEBSOCKET') throw new BadRequestException('Integration responses are supported only for WebSocket APIs.');
        integrationOf(doc, input.IntegrationId);
        const all = (doc.integrationResponses[input.IntegrationId] ??= {});
        if (Object.values(all).some((r) => r.IntegrationResponseKey === input.IntegrationResponseKey)) {
          throw new ConflictException(`IntegrationResponse with key ${input.IntegrationResponseKey} already exists for this Integration`);
        }
        const r: IntegrationResponseDoc = { IntegrationResponseId: newId(), IntegrationResponseKey: input.IntegrationResponseKey };
        setResponseFields(r, input);
        all[r.IntegrationResponseId] = r;
        return r as CreateIntegrationResponseResponse;
      },
      { deploy: true },
    );
  }

  async GetIntegrationResponse(ctx: RequestContext, input: GetIntegrationResponseRequest): Promise<GetIntegrationResponseResponse> {
    return responseOf(await this.core.load(ctx, input.ApiId), input.IntegrationId, input.IntegrationResponseId) as GetIntegrationResponseResponse;
  }

  async GetIntegrationResponses(ctx: RequestContext, input: GetIntegrationResponsesRequest): Promise<GetIntegrationResponsesResponse> {
    const doc = await this.core.load(ctx, input.ApiId);
    integrationOf(doc, input.IntegrationId);
    return pageItems(Object.values(doc.integrationResponses[input.IntegrationId] ?? {}), input.MaxResults, input.NextToken) as GetIntegrationResponsesResponse;
  }

  async UpdateIntegrationResponse(ctx: RequestContext, input: UpdateIntegrationResponseRequest): Promise<UpdateIntegrationResponseResponse> {
    return this.core.mutate(
      ctx,
      input.ApiId,
      (doc) => {
        const r = responseOf(doc, input.IntegrationId, input.IntegrationResponseId);
        if (input.IntegrationResponseKey !== undefined) r.IntegrationResponseKey = input.IntegrationResponseKey;
        setResponseFields(r, input);
        return r as UpdateIntegrationResponseResponse;
      },
      { deploy: true },
    );
  }

  async DeleteIntegrationResponse(ctx: RequestContext, input: DeleteIntegrationResponseRequest): Promise<void> {
    await this.core.mutate(
      ctx,
      input.ApiId,
      (doc) => {
        responseOf(doc, input.IntegrationId, input.IntegrationResponseId);
        delete doc.integrationResponses[input.IntegrationId]![input.IntegrationResponseId];
      },
      { deploy: true },
    );
  }
}

export function integrationOf(doc: ApiDoc, id: string): IntegrationDoc {
  const i = doc.integrations[id];
  if (!i) throw new NotFoundException(`Invalid Integration identifier specified ${id}`, { ResourceType: 'Integration' });
  return i;
}

function responseOf(doc: ApiDoc, integrationId: string, id: string): IntegrationResponseDoc {
  integrationOf(doc, integrationId);
  const r = doc.integrationResponses[integrationId]?.[id];
  if (!r) throw new NotFoundException(`Invalid IntegrationResponse identifier specified ${id}`, { ResourceType: 'IntegrationResponse' });
  return r;
}

function setResponseFields(r: IntegrationResponseDoc, input: Partial<IntegrationResponseDoc>): void {
  if (input.ContentHandlingStrategy !== undefined) r.ContentHandlingStrategy = input.ContentHandlingStrategy;
  if (input.ResponseParameters) r.ResponseParameters = input.ResponseParameters;
  if (input.ResponseTemplates) r.ResponseTemplates = input.ResponseTemplates;
  if (input.TemplateSelectionExpression !== undefined) r.TemplateSelectionExpression = input.TemplateSelectionExpression;
}

function copy(i: IntegrationDoc, input: Partial<Record<(typeof COPIED)[number], unknown>>): void {
  const target = i as unknown as Record<string, unknown>;
  for (const k of COPIED) if (input[k] !== undefined) target[k] = input[k];
}

/** Defaults and the checks AWS makes of an integration against its API's protocol. */
function complete(doc: ApiDoc, i: IntegrationDoc): void {
  const http = doc.api.ProtocolType === 'HTTP';
  const type = i.IntegrationType;
  if (http && !['AWS_PROXY', 'HTTP_PROXY'].includes(type)) {
    throw new BadRequestException(`Integration type ${type} is not supported for HTTP APIs. Use AWS_PROXY or HTTP_PROXY.`);
  }
  if (type !== 'MOCK' && !i.IntegrationUri && !(type === 'AWS_PROXY' && i.IntegrationSubtype)) {
    throw new BadRequestException('IntegrationUri is required for this integration type.');
  }
  if (http) {
    if (type === 'AWS_PROXY' && i.IntegrationSubtype) {
      checkServiceIntegration(i);
    } else if (type === 'AWS_PROXY') {
      if (i.PayloadFormatVersion === undefined) throw new BadRequestException('PayloadFormatVersion is required for AWS_PROXY integrations of HTTP APIs.');
      if (!['1.0', '2.0'].includes(i.PayloadFormatVersion)) throw new BadRequestException(`Unsupported PayloadFormatVersion ${i.PayloadFormatVersion}. Supported values are 1.0 and 2.0.`);
      i.IntegrationMethod ??= 'POST';
    } else {
      if (i.PayloadFormatVersion !== undefined && i.PayloadFormatVersion !== '1.0') throw new BadRequestException('HTTP_PROXY integrations support only PayloadFormatVersion 1.0.');
      i.PayloadFormatVersion = '1.0';
      if (!i.IntegrationMethod) throw new BadRequestException('IntegrationMethod is required for HTTP_PROXY integrations.');
      if (!/^https?:\/\//.test(i.IntegrationUri ?? '') && i.ConnectionType !== 'VPC_LINK') throw new BadRequestException(`Invalid HTTP endpoint specified for URI: ${i.IntegrationUri}`);
    }
    i.TimeoutInMillis ??= 30000;
    for (const key of i.IntegrationSubtype ? [] : Object.keys(i.RequestParameters ?? {})) {
      if (!isMappingKey(key, false)) throw new BadRequestException(`Invalid mapping expression specified: Validation Result: warnings : [], errors : [Invalid mapping key ${key}]`);
    }
    for (const [status, mapping] of Object.entries(i.ResponseParameters ?? {})) {
      if (!/^[1-5]\d\d$/.test(status)) throw new BadRequestException(`Invalid status code ${status} in response parameters`);
      for (const key of Object.keys(mapping)) {
        if (!isMappingKey(key, true)) throw new BadRequestException(`Invalid mapping expression specified: Validation Result: warnings : [], errors : [Invalid mapping key ${key}]`);
      }
    }
  } else {
    i.PayloadFormatVersion ??= '1.0';
    if (i.PayloadFormatVersion !== '1.0') throw new BadRequestException('WebSocket APIs support only PayloadFormatVersion 1.0.');
    i.TimeoutInMillis ??= 29000;
    if (type === 'AWS' || type === 'HTTP' || type === 'MOCK') i.PassthroughBehavior ??= 'WHEN_NO_MATCH';
    i.ContentHandlingStrategy ??= undefined;
    if (i.ContentHandlingStrategy === undefined) delete i.ContentHandlingStrategy;
  }
}
