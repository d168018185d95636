import type { RequestContext } from '../../../core/context.js';
import {
  BadRequestException,
  ConflictException,
  LimitExceededException,
  type APIGatewayApi,
  type CreateResourceRequest,
  type DeleteMethodRequest,
  type DeleteMethodResponseRequest,
  type DeleteResourceRequest,
  type GetMethodRequest,
  type GetMethodResponseRequest,
  type GetResourceRequest,
  type GetResourcesRequest,
  type Method,
  type MethodResponse,
  type PutMethodRequest,
  type PutMethodResponseRequest,
  type Resource,
  type Resources,
  type UpdateMethodRequest,
  type UpdateMethodResponseRequest,
  type UpdateResourceRequest,
} from '../../../generated/apigateway.js';
import { clone, found, newId, page } from '../common.js';
import { applyPatch } from '../patch.js';
import type { ApiDoc, MethodDoc, MethodResponseDoc, ResourceDoc } from '../types.js';
import { checkHttpMethod, checkMethodRefs, checkModels, checkSibling, checkStatusCode, childPath, validatePathPart } from './checks.js';
import { ApiMembers, type ControlCore } from './core.js';
import { methodOut, resourceOut } from './shapes.js';

/** AWS's limit on resources per REST API. */
const MAX_RESOURCES = 300;

export const resourceOf = (doc: ApiDoc, id: string): ResourceDoc => found(doc.resources[id], 'Invalid Resource identifier specified');

export const methodOf = (doc: ApiDoc, resourceId: string, httpMethod: string): MethodDoc =>
  found(resourceOf(doc, resourceId).resourceMethods?.[httpMethod], 'Invalid Method identifier specified');

/** Recomputes `path` of every descendant of `id` after a move or rename. */
function repath(doc: ApiDoc, id: string): void {
  for (const r of Object.values(doc.resources)) {
    if (r.parentId === id) {
      r.path = childPath(doc.resources[id]!, r.pathPart!);
      repath(doc, r.id);
    }
  }
}

/** The API's resource tree: resources, their methods and method responses. */
export class ResourceOps
  implements
    Pick<
      APIGatewayApi,
      | 'CreateResource'
      | 'GetResource'
      | 'GetResources'
      | 'UpdateResource'
      | 'DeleteResource'
      | 'PutMethod'
      | 'GetMethod'
      | 'UpdateMethod'
      | 'DeleteMethod'
      | 'PutMethodResponse'
      | 'GetMethodResponse'
      | 'UpdateMethodResponse'
      | 'DeleteMethodResponse'
    >
{
  private readonly methodResponses: ApiMembers<MethodResponseDoc, MethodResponse, GetMethodResponseRequest, Omit<GetMethodResponseRequest, 'statusCode'>>;

  constructor(private readonly core: ControlCore) {
    this.methodResponses = new ApiMembers(core, {
      in: (doc, where) => (methodOf(doc, where.resourceId, where.httpMethod).methodResponses ??= {}),
      id: (key) => key.statusCode,
      idOf: (r) => r.statusCode,
      missing: () => 'Invalid Response status code specified',
      fields: { responseParameters: 'boolmap', responseModels: 'map' },
      out: clone,
    });
  }

  // ---- resources

  async CreateResource(ctx: RequestContext, input: CreateResourceRequest): Promise<Resource> {
    return this.core.mutate(ctx, input.restApiId, (doc) => {
      const parent = resourceOf(doc, input.parentId);
      validatePathPart(input.pathPart);
      checkSibling(doc, parent, input.pathPart);
      const r: ResourceDoc = { id: newId(6), parentId: parent.id, pathPart: input.pathPart, path: childPath(parent, input.pathPart) };
      if (Object.keys(doc.resources).length >= MAX_RESOURCES) throw new LimitExceededException(`Exceeded the maximum number of resources (${MAX_RESOURCES}) for this API`);
      doc.resources[r.id] = r;
      return resourceOut(r, true);
    });
  }

  async GetResource(ctx: RequestContext, input: GetResourceRequest): Promise<Resource> {
    const doc = await this.core.read(ctx, input.restApiId);
    return resourceOut(resourceOf(doc, input.resourceId), (input.embed ?? []).includes('methods'));
  }

  async GetResources(ctx: RequestContext, input: GetResourcesRequest): Promise<Resources> {
    const doc = await this.core.read(ctx, input.restApiId);
    const embed = (input.embed ?? []).includes('methods');
    const all = Object.values(doc.resources).sort((a, b) => a.path.localeCompare(b.path));
    const p = page(all, input.position, input.limit);
    return { items: p.items.map((r) => resourceOut(r, embed)), position: p.position };
  }

  async UpdateResource(ctx: RequestContext, input: UpdateResourceRequest): Promise<Resource> {
    return this.core.mutate(ctx, input.restApiId, (doc) => {
      const r = resourceOf(doc, input.resourceId);
      if (r.id === doc.api.rootResourceId) throw new BadRequestException('Cannot update the root resource');
      const next = { pathPart: r.pathPart, parentId: r.parentId } as Record<string, any>;
      applyPatch(next, input.patchOperations, { pathPart: 'string', parentId: 'string' });
      const parent = resourceOf(doc, next.parentId);
      for (let p: ResourceDoc | undefined = parent; p; p = p.parentId ? doc.resources[p.parentId] : undefined) {
        if (p.id === r.id) throw new BadRequestException('Cannot move a resource under itself');
      }
      validatePathPart(next.pathPart);
      checkSibling(doc, parent, next.pathPart, r.id);
      r.pathPart = next.pathPart;
      r.parentId = parent.id;
      r.path = childPath(parent, r.pathPart!);
      repath(doc, r.id);
      return resourceOut(r, true);
    });
  }

  async DeleteResource(ctx: RequestContext, input: DeleteResourceRequest): Promise<void> {
    await this.core.mutate(ctx, input.restApiId, (doc) => {
      const r = resourceOf(doc, input.resourceId);
      if (r.id === doc.api.rootResourceId) throw new BadRequestException('Cannot delete root resource');
      const drop = (id: string) => {
        for (const c of Object.values(doc.resources)) if (c.parentId === id) drop(c.id);
        delete doc.resources[id];
      };
      drop(r.id);
    });
  }

  // ---- methods

  async PutMethod(ctx: RequestContext, input: PutMethodRequest): Promise<Method> {
    return this.core.mutate(ctx, input.restApiId, (doc) => {
      const r = resourceOf(doc, input.resourceId);
      checkHttpMethod(input.httpMethod);
      if (r.resourceMethods?.[input.httpMethod]) throw new ConflictException('Method already exists for this resource');
      const m: MethodDoc = {
        httpMethod: input.httpMethod,
        authorizationType: input.authorizationType,
        authorizerId: input.authorizerId,
        apiKeyRequired: input.apiKeyRequired ?? false,
        requestValidatorId: input.requestValidatorId,
        operationName: input.operationName,
        requestParameters: input.requestParameters,
        requestModels: input.requestModels,
        authorizationScopes: input.authorizationScopes,
      };
      if (m.authorizationType !== 'CUSTOM' && m.authorizationType !== 'COGNITO_USER_POOLS') delete m.authorizerId;
      checkMethodRefs(doc, m);
      (r.resourceMethods ??= {})[m.httpMethod] = m;
      return methodOut(m);
    });
  }

  async GetMethod(ctx: RequestContext, input: GetMethodRequest): Promise<Method> {
    return methodOut(methodOf(await this.core.read(ctx, input.restApiId), input.resourceId, input.httpMethod));
  }

  async UpdateMethod(ctx: RequestContext, input: UpdateMethodRequest): Promise<Method> {
    return this.core.mutate(ctx, input.restApiId, (doc) => {
      const m = methodOf(doc, input.resourceId, input.httpMethod);
      applyPatch(m, input.patchOperations, {
        authorizationType: 'string',
        authorizerId: 'string',
        apiKeyRequired: 'bool',
        requestValidatorId: 'string',
        operationName: 'string',
        requestParameters: 'boolmap',
        requestModels: 'map',
        authorizationScopes: 'strlist',
      });
      if (m.requestValidatorId === '') delete m.requestValidatorId;
      checkMethodRefs(doc, m);
      return methodOut(m);
    });
  }

  async DeleteMethod(ctx: RequestContext, input: DeleteMethodRequest): Promise<void> {
    await this.core.mutate(ctx, input.restApiId, (doc) => {
      methodOf(doc, input.resourceId, input.httpMethod);
      delete doc.resources[input.resourceId]!.resourceMethods![input.httpMethod];
    });
  }

  // ---- method responses

  PutMethodResponse(ctx: RequestContext, input: PutMethodResponseRequest): Promise<MethodResponse> {
    return this.methodResponses.put(ctx, input, (doc) => {
      methodOf(doc, input.resourceId, input.httpMethod);
      checkStatusCode(input.statusCode);
      checkModels(doc, input.responseModels);
      return { statusCode: input.statusCode, responseParameters: input.responseParameters, responseModels: input.responseModels };
    });
  }

  GetMethodResponse(ctx: RequestContext, input: GetMethodResponseRequest): Promise<MethodResponse> {
    return this.methodResponses.get(ctx, input);
  }

  UpdateMethodResponse(ctx: RequestContext, input: UpdateMethodResponseRequest): Promise<MethodResponse> {
    return this.methodResponses.update(ctx, input);
  }

  DeleteMethodResponse(ctx: RequestContext, input: DeleteMethodResponseRequest): Promise<void> {
    return this.methodResponses.delete(ctx, input);
  }
}
