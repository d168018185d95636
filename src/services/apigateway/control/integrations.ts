import type { RequestContext } from '../../../core/context.js';
import {
  BadRequestException,
  type APIGatewayApi,
  type DeleteIntegrationRequest,
  type DeleteIntegrationResponseRequest,
  type GetIntegrationRequest,
  type GetIntegrationResponseRequest,
  type Integration,
  type IntegrationResponse,
  type PutIntegrationRequest,
  type PutIntegrationResponseRequest,
  type UpdateIntegrationRequest,
  type UpdateIntegrationResponseRequest,
} from '../../../generated/apigateway.js';
import { clone, found, scopeOf } from '../common.js';
import { applyPatch } from '../patch.js';
import type { ApiDoc, IntegrationDoc, IntegrationResponseDoc } from '../types.js';
import { checkStatusCode, validateIntegration } from './checks.js';
import { ApiMembers, type ControlCore } from './core.js';
import { methodOf } from './resources.js';
import { integrationOut } from './shapes.js';

type MethodRef = GetIntegrationRequest;

const integrationOf = (doc: ApiDoc, m: MethodRef): IntegrationDoc => found(methodOf(doc, m.resourceId, m.httpMethod).methodIntegration, 'Invalid Integration identifier specified');

/** Methods' integrations and integration responses. */
export class IntegrationOps
  implements
    Pick<
      APIGatewayApi,
      | 'PutIntegration'
      | 'GetIntegration'
      | 'UpdateIntegration'
      | 'DeleteIntegration'
      | 'PutIntegrationResponse'
      | 'GetIntegrationResponse'
      | 'UpdateIntegrationResponse'
      | 'DeleteIntegrationResponse'
    >
{
  private readonly responses: ApiMembers<IntegrationResponseDoc, IntegrationResponse, GetIntegrationResponseRequest, MethodRef>;

  constructor(private readonly core: ControlCore) {
    this.responses = new ApiMembers(core, {
      in: (doc, where) => (integrationOf(doc, where).integrationResponses ??= {}),
      id: (key) => key.statusCode,
      idOf: (r) => r.statusCode,
      missing: () => 'Invalid Response status code specified',
      fields: { selectionPattern: 'string', responseParameters: 'map', responseTemplates: 'map', contentHandling: 'string' },
      out: (r) => clone(r) as IntegrationResponse,
    });
  }

  /** VPC_LINK integrations name an existing VPC link (or a stage variable that will). */
  private async checkConnection(ctx: RequestContext, i: IntegrationDoc): Promise<void> {
    if (i.connectionType === undefined || i.connectionType === 'INTERNET') return;
    if (i.connectionType !== 'VPC_LINK') throw new BadRequestException('Invalid connection type specified, must be one of: [INTERNET, VPC_LINK]');
    if (i.type !== 'HTTP' && i.type !== 'HTTP_PROXY') throw new BadRequestException('VPC_LINK connections are only supported for HTTP and HTTP_PROXY integrations');
    if (!i.connectionId) throw new BadRequestException('ConnectionId must be specified for connection type VPC_LINK');
    if (/^\$\{stageVariables\.[A-Za-z0-9_]+\}$/.test(i.connectionId)) return;
    if (!(await this.core.store.vpcLinks.get(this.core.db, scopeOf(ctx), [i.connectionId]))) throw new BadRequestException(`Invalid VPC link identifier specified: ${i.connectionId}`);
  }

  async PutIntegration(ctx: RequestContext, input: PutIntegrationRequest): Promise<Integration> {
    return this.core.mutate(ctx, input.restApiId, async (doc) => {
      const m = methodOf(doc, input.resourceId, input.httpMethod);
      const i: IntegrationDoc = {
        type: input.type,
        httpMethod: input.integrationHttpMethod,
        uri: input.uri,
        connectionType: input.connectionType,
        connectionId: input.connectionId,
        credentials: input.credentials,
        requestParameters: input.requestParameters,
        requestTemplates: input.requestTemplates,
        passthroughBehavior: input.passthroughBehavior ?? 'WHEN_NO_MATCH',
        contentHandling: input.contentHandling,
        timeoutInMillis: input.timeoutInMillis ?? 29000,
        cacheNamespace: input.cacheNamespace ?? input.resourceId,
        cacheKeyParameters: input.cacheKeyParameters ?? [],
        tlsConfig: input.tlsConfig,
        integrationResponses: m.methodIntegration?.integrationResponses,
      };
      validateIntegration(i);
      await this.checkConnection(ctx, i);
      m.methodIntegration = i;
      return integrationOut(i);
    });
  }

  async GetIntegration(ctx: RequestContext, input: GetIntegrationRequest): Promise<Integration> {
    return integrationOut(integrationOf(await this.core.read(ctx, input.restApiId), input));
  }

  async UpdateIntegration(ctx: RequestContext, input: UpdateIntegrationRequest): Promise<Integration> {
    return this.core.mutate(ctx, input.restApiId, async (doc) => {
      const i = integrationOf(doc, input);
      applyPatch(i, input.patchOperations, {
        type: 'string',
        httpMethod: 'string',
        uri: 'string',
        connectionType: 'string',
        connectionId: 'string',
        credentials: 'string',
        requestParameters: 'map',
        requestTemplates: 'map',
        passthroughBehavior: 'string',
        contentHandling: 'string',
        timeoutInMillis: 'int',
        cacheNamespace: 'string',
        cacheKeyParameters: 'strlist',
      });
      validateIntegration(i);
      await this.checkConnection(ctx, i);
      return integrationOut(i);
    });
  }

  async DeleteIntegration(ctx: RequestContext, input: DeleteIntegrationRequest): Promise<void> {
    await this.core.mutate(ctx, input.restApiId, (doc) => {
      integrationOf(doc, input);
      delete methodOf(doc, input.resourceId, input.httpMethod).methodIntegration;
    });
  }

  // ---- integration responses

  PutIntegrationResponse(ctx: RequestContext, input: PutIntegrationResponseRequest): Promise<IntegrationResponse> {
    return this.responses.put(ctx, input, (doc) => {
      integrationOf(doc, input);
      checkStatusCode(input.statusCode);
      if (input.selectionPattern !== undefined) {
        try {
          new RegExp(input.selectionPattern);
        } catch {
          throw new BadRequestException(`Invalid selection pattern specified: ${input.selectionPattern}`);
        }
      }
      return {
        statusCode: input.statusCode,
        selectionPattern: input.selectionPattern,
        responseParameters: input.responseParameters,
        responseTemplates: input.responseTemplates,
        contentHandling: input.contentHandling,
      };
    });
  }

  GetIntegrationResponse(ctx: RequestContext, input: GetIntegrationResponseRequest): Promise<IntegrationResponse> {
    return this.responses.get(ctx, input);
  }

  UpdateIntegrationResponse(ctx: RequestContext, input: UpdateIntegrationResponseRequest): Promise<IntegrationResponse> {
    return this.responses.update(ctx, input);
  }

  DeleteIntegrationResponse(ctx: RequestContext, input: DeleteIntegrationResponseRequest): Promise<void> {
    return this.responses.delete(ctx, input);
  }
}
