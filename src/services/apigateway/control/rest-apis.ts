import type { RequestContext } from '../../../core/context.js';
import {
  BadRequestException,
  type APIGatewayApi,
  type CreateRestApiRequest,
  type DeleteRestApiRequest,
  type GetRestApiRequest,
  type GetRestApisRequest,
  type RestApi,
  type RestApis,
  type UpdateRestApiRequest,
} from '../../../generated/apigateway.js';
import { clone, newId, pageTable, scopeOf, wholeSecond } from '../common.js';
import { defaultModels } from '../defaults.js';
import { applyPatch } from '../patch.js';
import type { ApiDoc, ResourceDoc } from '../types.js';
import type { ControlCore } from './core.js';
import { restApiOut } from './shapes.js';

/** A new REST API document: its root resource and the default models (also the start of ImportRestApi). */
export function newApiDoc(ctx: RequestContext, input: Pick<CreateRestApiRequest, 'name' | 'description' | 'version' | 'binaryMediaTypes' | 'minimumCompressionSize' | 'apiKeySource' | 'endpointConfiguration' | 'policy' | 'tags' | 'disableExecuteApiEndpoint'>): ApiDoc {
  const rootId = newId(10);
  const types = input.endpointConfiguration?.types ?? ['EDGE'];
  if (types.length !== 1) throw new BadRequestException('Cannot create an api with multiple Endpoint Types.');
  return {
    api: {
      id: newId(10),
      name: input.name,
      description: input.description,
      createdDate: wholeSecond(ctx),
      version: input.version,
      binaryMediaTypes: input.binaryMediaTypes ?? [],
      minimumCompressionSize: input.minimumCompressionSize,
      apiKeySource: input.apiKeySource ?? 'HEADER',
      endpointConfiguration: { ...(input.endpointConfiguration ?? {}), types },
      policy: input.policy,
      tags: input.tags,
      disableExecuteApiEndpoint: input.disableExecuteApiEndpoint ?? false,
      rootResourceId: rootId,
    },
    resources: { [rootId]: { id: rootId, path: '/' } },
    models: defaultModels(() => newId(6)),
    validators: {},
    authorizers: {},
    gatewayResponses: {},
  };
}

/** The copy of `source`'s tree and members that CreateRestApi's cloneFrom puts in the new API `doc`. */
function cloneInto(doc: ApiDoc, source: ApiDoc): ApiDoc {
  const idMap = new Map<string, string>([[source.api.rootResourceId, doc.api.rootResourceId]]);
  for (const r of Object.values(source.resources)) if (!idMap.has(r.id)) idMap.set(r.id, newId(6));
  const resources: Record<string, ResourceDoc> = {};
  for (const r of Object.values(source.resources)) {
    const id = idMap.get(r.id)!;
    resources[id] = { ...clone(r), id, parentId: r.parentId ? idMap.get(r.parentId) : undefined };
  }
  return { ...doc, resources, models: clone(source.models), validators: clone(source.validators), authorizers: clone(source.authorizers), gatewayResponses: clone(source.gatewayResponses) };
}

export class RestApiOps implements Pick<APIGatewayApi, 'CreateRestApi' | 'GetRestApi' | 'GetRestApis' | 'UpdateRestApi' | 'DeleteRestApi'> {
  constructor(private readonly core: ControlCore) {}

  async CreateRestApi(ctx: RequestContext, input: CreateRestApiRequest): Promise<RestApi> {
    const s = scopeOf(ctx);
    if (input.minimumCompressionSize !== undefined && (input.minimumCompressionSize < 0 || input.minimumCompressionSize > 10485760)) {
      throw new BadRequestException('Invalid minimum compression size, must be between 0 and 10485760');
    }
    let doc = newApiDoc(ctx, input);
    if (input.cloneFrom) doc = cloneInto(doc, await this.core.loadApi(this.core.db, s, input.cloneFrom));
    await this.core.db.tx((tx) => this.core.store.apis.put(tx, s, [doc.api.id], doc));
    return restApiOut(doc);
  }

  async GetRestApi(ctx: RequestContext, input: GetRestApiRequest): Promise<RestApi> {
    return restApiOut(await this.core.read(ctx, input.restApiId));
  }

  async GetRestApis(ctx: RequestContext, input: GetRestApisRequest): Promise<RestApis> {
    const p = await pageTable(this.core.store.apis, this.core.db, scopeOf(ctx), input);
    return { items: p.items.map(restApiOut), position: p.position };
  }

  async UpdateRestApi(ctx: RequestContext, input: UpdateRestApiRequest): Promise<RestApi> {
    return this.core.mutate(ctx, input.restApiId, (doc) => {
      applyPatch(
        doc.api,
        input.patchOperations,
        {
          name: 'string',
          description: 'string',
          version: 'string',
          binaryMediaTypes: 'strlist',
          minimumCompressionSize: 'int',
          apiKeySource: 'string',
          policy: 'string',
          disableExecuteApiEndpoint: 'bool',
          endpointConfiguration: 'string',
        },
        (op, segs) => {
          if (segs[0] === 'endpointConfiguration') {
            if (segs[1] === 'types' && op.op === 'replace' && op.value) {
              doc.api.endpointConfiguration.types = [op.value];
              return true;
            }
            throw new BadRequestException(`Invalid patch path '${op.path}' specified for op '${op.op}'`);
          }
          if (segs[0] === 'minimumCompressionSize' && (op.op === 'remove' || op.value === '' || op.value === undefined)) {
            delete doc.api.minimumCompressionSize;
            return true;
          }
          return false;
        },
      );
      if (!doc.api.name) throw new BadRequestException('Invalid API name specified');
      if (!['HEADER', 'AUTHORIZER'].includes(doc.api.apiKeySource)) throw new BadRequestException('Invalid API Key source specified, must be one of [HEADER, AUTHORIZER]');
      return restApiOut(doc);
    });
  }

  async DeleteRestApi(ctx: RequestContext, input: DeleteRestApiRequest): Promise<void> {
    const s = scopeOf(ctx);
    const { store } = this.core;
    await this.core.db.tx(async (tx) => {
      await this.core.loadApi(tx, s, input.restApiId);
      await store.deleteApi(tx, s, input.restApiId);
      for await (const plan of store.plans.scan(tx, s)) {
        const stages = plan.apiStages.filter((a) => a.apiId !== input.restApiId);
        if (stages.length !== plan.apiStages.length) await store.plans.put(tx, s, [plan.id], { ...plan, apiStages: stages });
      }
    });
    this.core.hooks.invalidate(input.restApiId);
  }
}
