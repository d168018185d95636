import type { RequestContext } from '../../../core/context.js';
import {
  BadRequestException,
  NotFoundException,
  type APIGatewayApi,
  type DeleteGatewayResponseRequest,
  type GatewayResponse,
  type GatewayResponses,
  type GetGatewayResponseRequest,
  type GetGatewayResponsesRequest,
  type PutGatewayResponseRequest,
  type UpdateGatewayResponseRequest,
} from '../../../generated/apigateway.js';
import { clone, page } from '../common.js';
import { GATEWAY_RESPONSE_STATUS, defaultGatewayResponse } from '../defaults.js';
import { applyPatch } from '../patch.js';
import type { ApiDoc, GatewayResponseDoc } from '../types.js';
import { checkStatusCode } from './checks.js';
import type { ControlCore } from './core.js';

/** A response type as the API answers it: its own setting, or AWS's default for the type. */
function responseOf(doc: ApiDoc, type: string): GatewayResponse {
  if (!(type in GATEWAY_RESPONSE_STATUS)) throw new NotFoundException('Invalid gateway response type specified');
  return (clone(doc.gatewayResponses[type]) ?? defaultGatewayResponse(type)) as GatewayResponse;
}

/** Gateway responses: the errors API Gateway answers itself, per response type. */
export class GatewayResponseOps
  implements Pick<APIGatewayApi, 'PutGatewayResponse' | 'GetGatewayResponse' | 'GetGatewayResponses' | 'UpdateGatewayResponse' | 'DeleteGatewayResponse'>
{
  constructor(private readonly core: ControlCore) {}

  async PutGatewayResponse(ctx: RequestContext, input: PutGatewayResponseRequest): Promise<GatewayResponse> {
    return this.core.mutate(ctx, input.restApiId, (doc) => {
      if (!(input.responseType in GATEWAY_RESPONSE_STATUS)) throw new BadRequestException('Invalid gateway response type specified');
      if (input.statusCode !== undefined) checkStatusCode(input.statusCode);
      const g: GatewayResponseDoc = {
        responseType: input.responseType,
        statusCode: input.statusCode,
        responseParameters: input.responseParameters ?? {},
        responseTemplates: input.responseTemplates ?? {},
        defaultResponse: false,
      };
      doc.gatewayResponses[g.responseType] = g;
      return clone(g) as GatewayResponse;
    });
  }

  async GetGatewayResponse(ctx: RequestContext, input: GetGatewayResponseRequest): Promise<GatewayResponse> {
    return responseOf(await this.core.read(ctx, input.restApiId), input.responseType);
  }

  async GetGatewayResponses(ctx: RequestContext, input: GetGatewayResponsesRequest): Promise<GatewayResponses> {
    const doc = await this.core.read(ctx, input.restApiId);
    return page(
      Object.keys(GATEWAY_RESPONSE_STATUS).map((t) => responseOf(doc, t)),
      input.position,
      input.limit,
    );
  }

  async UpdateGatewayResponse(ctx: RequestContext, input: UpdateGatewayResponseRequest): Promise<GatewayResponse> {
    return this.core.mutate(ctx, input.restApiId, (doc) => {
      const g = responseOf(doc, input.responseType) as GatewayResponseDoc;
      applyPatch(g, input.patchOperations, { statusCode: 'string', responseParameters: 'map', responseTemplates: 'map' });
      g.defaultResponse = false;
      if (g.statusCode !== undefined) checkStatusCode(g.statusCode);
      doc.gatewayResponses[g.responseType] = g;
      return clone(g) as GatewayResponse;
    });
  }

  async DeleteGatewayResponse(ctx: RequestContext, input: DeleteGatewayResponseRequest): Promise<void> {
    await this.core.mutate(ctx, input.restApiId, (doc) => {
      responseOf(doc, input.responseType);
      delete doc.gatewayResponses[input.responseType];
    });
  }
}
