import { AwsError } from '../../aws/errors.js';
import { randomId } from '../../core/ids.js';
import type { RequestContext } from '../../core/context.js';
import type { Queryable } from '../../storage/db.js';
import { DEFAULT_ERROR_TEMPLATE, GATEWAY_RESPONSE_STATUS, HTTP_METHODS, defaultGatewayResponse, defaultMethodSetting, defaultModels } from './defaults.js';
import { applyPatch, badRequest, convert, type FieldType, type PatchOp } from './patch.js';
import type { Scope, Store } from './store.js';
import { quotaPeriodStart as periodStart } from './quota.js';
import type {
  ApiDoc,
  ApiKeyDoc,
  AuthorizerDoc,
  DeploymentDoc,
  GatewayResponseDoc,
  IntegrationDoc,
  MethodDoc,
  MethodSettingDoc,
  ModelDoc,
  ResourceDoc,
  Snapshot,
  StageDoc,
  UsagePlanDoc,
} from './types.js';

const LOWER = 'abcdefghijklmnopqrstuvwxyz0123456789';
const MIXED = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
export const newId = (n: number): string => randomId(n, LOWER);

export const notFound = (message: string): AwsError => new AwsError('NotFoundException', message, 404);
export const conflict = (message: string): AwsError => new AwsError('ConflictException', message, 409);

export const scopeOf = (ctx: RequestContext): Scope => ({ accountId: ctx.accountId, region: ctx.region });
const date = (ms: number | undefined): Date | undefined => (ms === undefined ? undefined : new Date(ms));
const clone = <T>(v: T): T => (v === undefined ? v : (JSON.parse(JSON.stringify(v)) as T));

/** Callbacks into the data plane when deployed state changes. */
export interface ControlHooks {
  invalidate(apiId?: string): void;
  flushCache(apiId: string, stage: string): void;
  flushAuthorizers(apiId: string, stage: string): void;
}

/** AWS's position/limit paging: position is an opaque offset token. */
export function page<T>(items: T[], position: string | undefined, limit: number | undefined): { items: T[]; position?: string } {
  const max = Math.min(Math.max(limit ?? 25, 1), 500);
  let start = 0;
  if (position) {
    const text = /^[A-Za-z0-9_-]+$/.test(position) ? Buffer.from(position, 'base64url').toString('utf8') : '';
    const n = /^\d+$/.test(text) ? Number(text) : NaN;
    if (!Number.isInteger(n)) throw badRequest('Invalid position parameter');
    start = n;
  }
  const slice = items.slice(start, start + max);
  const next = start + max < items.length ? Buffer.from(String(start + max)).toString('base64url') : undefined;
  return next ? { items: slice, position: next } : { items: slice };
}

// ---------------------------------------------------------------- output shapes

export function restApiOut(doc: ApiDoc): Record<string, unknown> {
  const a = doc.api;
  return {
    id: a.id,
    name: a.name,
    description: a.description,
    createdDate: date(a.createdDate),
    version: a.version,
    binaryMediaTypes: a.binaryMediaTypes?.length ? a.binaryMediaTypes : undefined,
    minimumCompressionSize: a.minimumCompressionSize,
    apiKeySource: a.apiKeySource,
    endpointConfiguration: a.endpointConfiguration,
    policy: a.policy,
    tags: a.tags && Object.keys(a.tags).length ? a.tags : undefined,
    disableExecuteApiEndpoint: a.disableExecuteApiEndpoint,
    rootResourceId: a.rootResourceId,
    warnings: a.warnings,
  };
}

export function integrationOut(i: IntegrationDoc): Record<string, unknown> {
  const out: Record<string, unknown> = { ...clone(i) };
  if (i.integrationResponses && Object.keys(i.integrationResponses).length === 0) delete out.integrationResponses;
  return out;
}

export function methodOut(m: MethodDoc): Record<string, unknown> {
  const out: Record<string, unknown> = { ...clone(m) };
  if (m.methodIntegration) out.methodIntegration = integrationOut(m.methodIntegration);
  else delete out.methodIntegration;
  if (m.methodResponses && Object.keys(m.methodResponses).length === 0) delete out.methodResponses;
  return out;
}

export function resourceOut(r: ResourceDoc, embedMethods: boolean): Record<string, unknown> {
  const out: Record<string, unknown> = { id: r.id, parentId: r.parentId, pathPart: r.pathPart, path: r.path };
  const methods = r.resourceMethods ?? {};
  if (Object.keys(methods).length) {
    const rm: Record<string, unknown> = {};
    for (const [k, m] of Object.entries(methods)) rm[k] = embedMethods ? methodOut(m) : {};
    out.resourceMethods = rm;
  }
  return out;
}

function stageOut(s: StageDoc): Record<string, unknown> {
  return {
    ...clone(s),
    cacheClusterStatus: s.cacheClusterEnabled ? 'AVAILABLE' : 'NOT_AVAILABLE',
    createdDate: date(s.createdDate),
    lastUpdatedDate: date(s.lastUpdatedDate),
    tags: s.tags && Object.keys(s.tags).length ? s.tags : undefined,
  };
}

function keyOut(k: ApiKeyDoc, includeValue: boolean): Record<string, unknown> {
  return {
    id: k.id,
    value: includeValue ? k.value : undefined,
    name: k.name,
    customerId: k.customerId,
    description: k.description,
    enabled: k.enabled,
    createdDate: date(k.createdDate),
    lastUpdatedDate: date(k.lastUpdatedDate),
    stageKeys: k.stageKeys,
    tags: k.tags && Object.keys(k.tags).length ? k.tags : undefined,
  };
}

function deploymentOut(d: DeploymentDoc, summary: boolean): Record<string, unknown> {
  const out: Record<string, unknown> = { id: d.id, description: d.description, createdDate: date(d.createdDate) };
  if (summary) {
    const s: Record<string, Record<string, { authorizationType: string; apiKeyRequired: boolean }>> = {};
    for (const r of Object.values(d.snapshot.resources)) {
      for (const [verb, m] of Object.entries(r.resourceMethods ?? {})) (s[r.path] ??= {})[verb] = { authorizationType: m.authorizationType, apiKeyRequired: m.apiKeyRequired };
    }
    out.apiSummary = s;
  }
  return out;
}

/** Builds the frozen copy of an API that a deployment serves. */
export function snapshotOf(doc: ApiDoc): Snapshot {
  return clone({
    binaryMediaTypes: doc.api.binaryMediaTypes ?? [],
    apiKeySource: doc.api.apiKeySource,
    resources: doc.resources,
    models: doc.models,
    validators: doc.validators,
    authorizers: doc.authorizers,
    gatewayResponses: doc.gatewayResponses,
    disableExecuteApiEndpoint: doc.api.disableExecuteApiEndpoint,
    minimumCompressionSize: doc.api.minimumCompressionSize,
    policy: doc.api.policy,
  });
}

const PATH_PART = /^(\{[a-zA-Z0-9._-]+\+?\}|[a-zA-Z0-9._:-]+)$/;
const MODEL_NAME = /^[a-zA-Z0-9]+$/;
const STAGE_NAME = /^[a-zA-Z0-9_-]+$/;

export function validatePathPart(part: string): void {
  if (!PATH_PART.test(part)) {
    throw badRequest("Resource's path part only allow a-zA-Z0-9._- and curly braces at the beginning and the end and an optional plus sign before the closing brace.");
  }
}

function childPath(parent: ResourceDoc, part: string): string {
  return parent.path === '/' ? `/${part}` : `${parent.path}/${part}`;
}

/** Checks a new child of `parent` against its siblings (AWS's rules on variables and greedy parts). */
export function checkSibling(doc: ApiDoc, parent: ResourceDoc, part: string, selfId?: string): void {
  if (parent.pathPart?.endsWith('+}')) throw badRequest(`Cannot create a child of a resource with a greedy path variable: ${parent.pathPart}`);
  for (const r of Object.values(doc.resources)) {
    if (r.parentId !== parent.id || r.id === selfId) continue;
    if (r.pathPart === part) throw conflict(`Another resource with the same parent already has this name: ${part}`);
    if (part.startsWith('{') && r.pathPart?.startsWith('{')) throw badRequest(`A sibling (${r.pathPart}) of this resource already has a variable path part -- only one is allowed`);
  }
}

/** Recomputes `path` of every descendant of `id` after a move or rename. */
function repath(doc: ApiDoc, id: string): void {
  for (const r of Object.values(doc.resources)) {
    if (r.parentId === id) {
      r.path = childPath(doc.resources[id]!, r.pathPart!);
      repath(doc, r.id);
    }
  }
}

export function validateIntegration(i: IntegrationDoc): void {
  const type = i.type;
  if (type !== 'MOCK') {
    if (!i.httpMethod) throw badRequest('Enumeration value for HttpMethod must be non-empty');
    if (!HTTP_METHODS.includes(i.httpMethod)) throw badRequest(`Invalid HttpMethod specified. Valid options are ${HTTP_METHODS.join(',')}`);
    if (!i.uri) throw badRequest('Invalid integration URI specified');
  }
  if (type === 'HTTP' || type === 'HTTP_PROXY') {
    if (!/^https?:\/\/[^/]+/i.test(i.uri!)) throw badRequest('Invalid HTTP endpoint specified for URI');
  }
  if (type === 'AWS' || type === 'AWS_PROXY') {
    if (!/^arn:aws[a-z-]*:apigateway:[^:]*:[^:]+:(path|action)\//.test(i.uri!)) throw badRequest('AWS ARN for integration must contain path or action');
    if (type === 'AWS_PROXY' && !/:lambda:path\/\d{4}-\d{2}-\d{2}\/functions\/.+\/invocations$/.test(i.uri!)) {
      throw badRequest("Integrations of type 'AWS_PROXY' currently only supports Lambda function and Firehose stream invocations.");
    }
  }
  if (i.timeoutInMillis < 50 || i.timeoutInMillis > 29000) throw badRequest('Timeout should be between 50 ms and 29000 ms');
  if (i.passthroughBehavior && !['WHEN_NO_MATCH', 'WHEN_NO_TEMPLATES', 'NEVER'].includes(i.passthroughBehavior)) {
    throw badRequest('Invalid passthrough behavior specified, must be one of: [WHEN_NO_MATCH, WHEN_NO_TEMPLATES, NEVER]');
  }
  if (i.contentHandling && !['CONVERT_TO_BINARY', 'CONVERT_TO_TEXT'].includes(i.contentHandling)) throw badRequest('Invalid content handling specified');
}

function checkHttpMethod(m: string): void {
  if (!HTTP_METHODS.includes(m)) throw badRequest(`Invalid HttpMethod specified. Valid options are ${HTTP_METHODS.join(',')}`);
}

function checkStatusCode(code: string): void {
  if (!/^[1-5]\d\d$/.test(code)) throw badRequest('Invalid status code specified');
}

function checkMethodRefs(doc: ApiDoc, m: MethodDoc): void {
  if (!['NONE', 'AWS_IAM', 'CUSTOM', 'COGNITO_USER_POOLS'].includes(m.authorizationType)) {
    throw badRequest(`Invalid authorization type specified. Valid options are: [NONE, AWS_IAM, CUSTOM, COGNITO_USER_POOLS]`);
  }
  if (m.authorizationType === 'CUSTOM' || m.authorizationType === 'COGNITO_USER_POOLS') {
    const a = m.authorizerId ? doc.authorizers[m.authorizerId] : undefined;
    if (!a) throw badRequest('Invalid authorizer ID specified. Setting the authorization type to CUSTOM or COGNITO_USER_POOLS requires a valid authorizer.');
    if ((a.type === 'COGNITO_USER_POOLS') !== (m.authorizationType === 'COGNITO_USER_POOLS')) throw badRequest('Authorizer type does not match the authorization type of the method.');
  }
  if (m.requestValidatorId && !doc.validators[m.requestValidatorId]) throw badRequest('Invalid Request Validator identifier specified');
  for (const model of Object.values(m.requestModels ?? {})) if (!doc.models[model]) throw badRequest(`Invalid model identifier specified: ${model}`);
}

const METHOD_SETTING_PATHS: Record<string, [keyof MethodSettingDoc, FieldType]> = {
  'metrics/enabled': ['metricsEnabled', 'bool'],
  'logging/loglevel': ['loggingLevel', 'string'],
  'logging/dataTrace': ['dataTraceEnabled', 'bool'],
  'throttling/burstLimit': ['throttlingBurstLimit', 'int'],
  'throttling/rateLimit': ['throttlingRateLimit', 'double'],
  'caching/enabled': ['cachingEnabled', 'bool'],
  'caching/ttlInSeconds': ['cacheTtlInSeconds', 'int'],
  'caching/dataEncrypted': ['cacheDataEncrypted', 'bool'],
  'caching/requireAuthorizationForCacheControl': ['requireAuthorizationForCacheControl', 'bool'],
  'caching/unauthorizedCacheControlHeaderStrategy': ['unauthorizedCacheControlHeaderStrategy', 'string'],
};

/** The methodSettings key for a resource path and method, as AWS writes it ("~1pets/GET", "*\/*"). */
export function methodSettingKey(resourcePath: string, method: string): string {
  return `${resourcePath === '*' ? '*' : resourcePath.replace(/\//g, '~1')}/${method}`;
}

// ---------------------------------------------------------------- the provider

export class ControlPlane {
  constructor(
    readonly store: Store,
    private readonly hooks: ControlHooks,
  ) {}

  private get db() {
    return this.store.db;
  }

  async loadApi(q: Queryable, s: Scope, id: string): Promise<ApiDoc> {
    const doc = await this.store.getApi(q, s, id);
    if (!doc) throw notFound(`Invalid API identifier specified ${s.accountId}:${id}`);
    return doc;
  }

  /** Read-modify-write of one REST API document in a transaction. */
  async mutate<T>(ctx: RequestContext, apiId: string, fn: (doc: ApiDoc) => T | Promise<T>): Promise<T> {
    const s = scopeOf(ctx);
    const result = await this.db.tx(async (tx) => {
      const doc = await this.loadApi(tx, s, apiId);
      const r = await fn(doc);
      await this.store.putApi(tx, s, doc);
      return r;
    });
    this.hooks.invalidate(apiId);
    return result;
  }

  private async read(ctx: RequestContext, apiId: string): Promise<ApiDoc> {
    return this.loadApi(this.db, scopeOf(ctx), apiId);
  }

  // ---- REST APIs

  newApiDoc(ctx: RequestContext, input: any): ApiDoc {
    const rootId = newId(10);
    const types = input.endpointConfiguration?.types ?? ['EDGE'];
    if (types.length !== 1) throw badRequest('Cannot create an api with multiple Endpoint Types.');
    return {
      api: {
        id: newId(10),
        name: input.name,
        description: input.description,
        createdDate: Math.floor(ctx.clock.now() / 1000) * 1000,
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

  async CreateRestApi(ctx: RequestContext, input: any) {
    const s = scopeOf(ctx);
    if (input.minimumCompressionSize !== undefined && (input.minimumCompressionSize < 0 || input.minimumCompressionSize > 10485760)) {
      throw badRequest('Invalid minimum compression size, must be between 0 and 10485760');
    }
    let doc = this.newApiDoc(ctx, input);
    if (input.cloneFrom) {
      const source = await this.loadApi(this.db, s, input.cloneFrom);
      const idMap = new Map<string, string>([[source.api.rootResourceId, doc.api.rootResourceId]]);
      for (const r of Object.values(source.resources)) if (!idMap.has(r.id)) idMap.set(r.id, newId(6));
      const resources: Record<string, ResourceDoc> = {};
      for (const r of Object.values(source.resources)) {
        const id = idMap.get(r.id)!;
        resources[id] = { ...clone(r), id, parentId: r.parentId ? idMap.get(r.parentId) : undefined };
      }
      doc = { ...doc, resources, models: clone(source.models), validators: clone(source.validators), authorizers: clone(source.authorizers), gatewayResponses: clone(source.gatewayResponses) };
    }
    await this.db.tx((tx) => this.store.putApi(tx, s, doc));
    return restApiOut(doc);
  }

  async GetRestApi(ctx: RequestContext, input: any) {
    return restApiOut(await this.read(ctx, input.restApiId));
  }

  async GetRestApis(ctx: RequestContext, input: any) {
    const all = await this.store.listApis(this.db, scopeOf(ctx));
    const p = page(all, input.position, input.limit);
    return { items: p.items.map(restApiOut), position: p.position };
  }

  async UpdateRestApi(ctx: RequestContext, input: any) {
    return this.mutate(ctx, input.restApiId, (doc) => {
      const api = doc.api as unknown as Record<string, any>;
      applyPatch(
        api,
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
            throw badRequest(`Invalid patch path '${op.path}' specified for op '${op.op}'`);
          }
          if (segs[0] === 'minimumCompressionSize' && (op.op === 'remove' || op.value === '' || op.value === undefined)) {
            delete api.minimumCompressionSize;
            return true;
          }
          return false;
        },
      );
      if (!doc.api.name) throw badRequest('Invalid API name specified');
      if (!['HEADER', 'AUTHORIZER'].includes(doc.api.apiKeySource)) throw badRequest('Invalid API Key source specified, must be one of [HEADER, AUTHORIZER]');
      return restApiOut(doc);
    });
  }

  async DeleteRestApi(ctx: RequestContext, input: any) {
    const s = scopeOf(ctx);
    await this.db.tx(async (tx) => {
      await this.loadApi(tx, s, input.restApiId);
      await this.store.deleteApi(tx, s, input.restApiId);
      for (const plan of await this.store.listPlans(tx, s)) {
        const stages = plan.apiStages.filter((a) => a.apiId !== input.restApiId);
        if (stages.length !== plan.apiStages.length) await this.store.putPlan(tx, s, { ...plan, apiStages: stages });
      }
    });
    this.hooks.invalidate(input.restApiId);
    return {};
  }

  // ---- resources

  private resource(doc: ApiDoc, id: string): ResourceDoc {
    const r = doc.resources[id];
    if (!r) throw notFound('Invalid Resource identifier specified');
    return r;
  }

  async CreateResource(ctx: RequestContext, input: any) {
    return this.mutate(ctx, input.restApiId, (doc) => {
      const parent = this.resource(doc, input.parentId);
      validatePathPart(input.pathPart);
      checkSibling(doc, parent, input.pathPart);
      const r: ResourceDoc = { id: newId(6), parentId: parent.id, pathPart: input.pathPart, path: childPath(parent, input.pathPart) };
      if (Object.keys(doc.resources).length >= 300) throw new AwsError('LimitExceededException', 'Exceeded the maximum number of resources (300) for this API', 429);
      doc.resources[r.id] = r;
      return resourceOut(r, true);
    });
  }

  async GetResource(ctx: RequestContext, input: any) {
    const doc = await this.read(ctx, input.restApiId);
    return resourceOut(this.resource(doc, input.resourceId), (input.embed ?? []).includes('methods'));
  }

  async GetResources(ctx: RequestContext, input: any) {
    const doc = await this.read(ctx, input.restApiId);
    const embed = (input.embed ?? []).includes('methods');
    const all = Object.values(doc.resources).sort((a, b) => a.path.localeCompare(b.path));
    const p = page(all, input.position, input.limit);
    return { items: p.items.map((r) => resourceOut(r, embed)), position: p.position };
  }

  async UpdateResource(ctx: RequestContext, input: any) {
    return this.mutate(ctx, input.restApiId, (doc) => {
      const r = this.resource(doc, input.resourceId);
      if (r.id === doc.api.rootResourceId) throw badRequest('Cannot update the root resource');
      const next = { pathPart: r.pathPart, parentId: r.parentId } as Record<string, any>;
      applyPatch(next, input.patchOperations, { pathPart: 'string', parentId: 'string' });
      const parent = this.resource(doc, next.parentId);
      for (let p: ResourceDoc | undefined = parent; p; p = p.parentId ? doc.resources[p.parentId] : undefined) {
        if (p.id === r.id) throw badRequest('Cannot move a resource under itself');
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

  async DeleteResource(ctx: RequestContext, input: any) {
    await this.mutate(ctx, input.restApiId, (doc) => {
      const r = this.resource(doc, input.resourceId);
      if (r.id === doc.api.rootResourceId) throw badRequest('Cannot delete root resource');
      const drop = (id: string) => {
        for (const c of Object.values(doc.resources)) if (c.parentId === id) drop(c.id);
        delete doc.resources[id];
      };
      drop(r.id);
    });
    return {};
  }

  // ---- methods

  private method(doc: ApiDoc, resourceId: string, httpMethod: string): MethodDoc {
    const m = this.resource(doc, resourceId).resourceMethods?.[httpMethod];
    if (!m) throw notFound('Invalid Method identifier specified');
    return m;
  }

  async PutMethod(ctx: RequestContext, input: any) {
    return this.mutate(ctx, input.restApiId, (doc) => {
      const r = this.resource(doc, input.resourceId);
      checkHttpMethod(input.httpMethod);
      if (r.resourceMethods?.[input.httpMethod]) throw conflict('Method already exists for this resource');
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

  async GetMethod(ctx: RequestContext, input: any) {
    const doc = await this.read(ctx, input.restApiId);
    return methodOut(this.method(doc, input.resourceId, input.httpMethod));
  }

  async UpdateMethod(ctx: RequestContext, input: any) {
    return this.mutate(ctx, input.restApiId, (doc) => {
      const m = this.method(doc, input.resourceId, input.httpMethod);
      applyPatch(m as unknown as Record<string, any>, input.patchOperations, {
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

  async DeleteMethod(ctx: RequestContext, input: any) {
    await this.mutate(ctx, input.restApiId, (doc) => {
      this.method(doc, input.resourceId, input.httpMethod);
      delete doc.resources[input.resourceId]!.resourceMethods![input.httpMethod];
    });
    return {};
  }

  // ---- method responses

  async PutMethodResponse(ctx: RequestContext, input: any) {
    return this.mutate(ctx, input.restApiId, (doc) => {
      const m = this.method(doc, input.resourceId, input.httpMethod);
      checkStatusCode(input.statusCode);
      for (const model of Object.values((input.responseModels ?? {}) as Record<string, string>)) if (!doc.models[model]) throw badRequest(`Invalid model identifier specified: ${model}`);
      const r = { statusCode: input.statusCode, responseParameters: input.responseParameters, responseModels: input.responseModels };
      (m.methodResponses ??= {})[input.statusCode] = r;
      return clone(r);
    });
  }

  private methodResponse(doc: ApiDoc, input: any) {
    const r = this.method(doc, input.resourceId, input.httpMethod).methodResponses?.[input.statusCode];
    if (!r) throw notFound('Invalid Response status code specified');
    return r;
  }

  async GetMethodResponse(ctx: RequestContext, input: any) {
    return clone(this.methodResponse(await this.read(ctx, input.restApiId), input));
  }

  async UpdateMethodResponse(ctx: RequestContext, input: any) {
    return this.mutate(ctx, input.restApiId, (doc) => {
      const r = this.methodResponse(doc, input);
      applyPatch(r as unknown as Record<string, any>, input.patchOperations, { responseParameters: 'boolmap', responseModels: 'map' });
      return clone(r);
    });
  }

  async DeleteMethodResponse(ctx: RequestContext, input: any) {
    await this.mutate(ctx, input.restApiId, (doc) => {
      this.methodResponse(doc, input);
      delete this.method(doc, input.resourceId, input.httpMethod).methodResponses![input.statusCode];
    });
    return {};
  }

  // ---- integrations

  /** VPC_LINK integrations name an existing VPC link (or a stage variable that will). */
  private async checkConnection(ctx: RequestContext, i: IntegrationDoc): Promise<void> {
    if (i.connectionType === undefined || i.connectionType === 'INTERNET') return;
    if (i.connectionType !== 'VPC_LINK') throw badRequest('Invalid connection type specified, must be one of: [INTERNET, VPC_LINK]');
    if (i.type !== 'HTTP' && i.type !== 'HTTP_PROXY') throw badRequest('VPC_LINK connections are only supported for HTTP and HTTP_PROXY integrations');
    if (!i.connectionId) throw badRequest('ConnectionId must be specified for connection type VPC_LINK');
    if (/^\$\{stageVariables\.[A-Za-z0-9_]+\}$/.test(i.connectionId)) return;
    if (!(await this.store.getVpcLink(this.db, scopeOf(ctx), i.connectionId))) throw badRequest(`Invalid VPC link identifier specified: ${i.connectionId}`);
  }

  async PutIntegration(ctx: RequestContext, input: any) {
    return this.mutate(ctx, input.restApiId, async (doc) => {
      const m = this.method(doc, input.resourceId, input.httpMethod);
      const i: IntegrationDoc = {
        type: input.type,
        httpMethod: input.type === 'MOCK' ? input.integrationHttpMethod : input.integrationHttpMethod,
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

  private integration(doc: ApiDoc, input: any): IntegrationDoc {
    const i = this.method(doc, input.resourceId, input.httpMethod).methodIntegration;
    if (!i) throw notFound('Invalid Integration identifier specified');
    return i;
  }

  async GetIntegration(ctx: RequestContext, input: any) {
    return integrationOut(this.integration(await this.read(ctx, input.restApiId), input));
  }

  async UpdateIntegration(ctx: RequestContext, input: any) {
    return this.mutate(ctx, input.restApiId, async (doc) => {
      const i = this.integration(doc, input);
      applyPatch(i as unknown as Record<string, any>, input.patchOperations, {
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

  async DeleteIntegration(ctx: RequestContext, input: any) {
    await this.mutate(ctx, input.restApiId, (doc) => {
      this.integration(doc, input);
      delete this.method(doc, input.resourceId, input.httpMethod).methodIntegration;
    });
    return {};
  }

  // ---- integration responses

  async PutIntegrationResponse(ctx: RequestContext, input: any) {
    return this.mutate(ctx, input.restApiId, (doc) => {
      const i = this.integration(doc, input);
      checkStatusCode(input.statusCode);
      if (input.selectionPattern !== undefined) {
        try {
          new RegExp(input.selectionPattern);
        } catch {
          throw badRequest(`Invalid selection pattern specified: ${input.selectionPattern}`);
        }
      }
      const r = {
        statusCode: input.statusCode,
        selectionPattern: input.selectionPattern,
        responseParameters: input.responseParameters,
        responseTemplates: input.responseTemplates,
        contentHandling: input.contentHandling,
      };
      (i.integrationResponses ??= {})[input.statusCode] = r;
      return clone(r);
    });
  }

  private integrationResponse(doc: ApiDoc, input: any) {
    const r = this.integration(doc, input).integrationResponses?.[input.statusCode];
    if (!r) throw notFound('Invalid Response status code specified');
    return r;
  }

  async GetIntegrationResponse(ctx: RequestContext, input: any) {
    return clone(this.integrationResponse(await this.read(ctx, input.restApiId), input));
  }

  async UpdateIntegrationResponse(ctx: RequestContext, input: any) {
    return this.mutate(ctx, input.restApiId, (doc) => {
      const r = this.integrationResponse(doc, input);
      applyPatch(r as unknown as Record<string, any>, input.patchOperations, {
        selectionPattern: 'string',
        responseParameters: 'map',
        responseTemplates: 'map',
        contentHandling: 'string',
      });
      return clone(r);
    });
  }

  async DeleteIntegrationResponse(ctx: RequestContext, input: any) {
    await this.mutate(ctx, input.restApiId, (doc) => {
      this.integrationResponse(doc, input);
      delete this.integration(doc, input).integrationResponses![input.statusCode];
    });
    return {};
  }

  // ---- deployments and stages

  async CreateDeployment(ctx: RequestContext, input: any) {
    const s = scopeOf(ctx);
    const now = Math.floor(ctx.clock.now() / 1000) * 1000;
    const d = await this.db.tx(async (tx) => {
      const doc = await this.loadApi(tx, s, input.restApiId);
      let methods = 0;
      for (const r of Object.values(doc.resources)) {
        for (const m of Object.values(r.resourceMethods ?? {})) {
          methods++;
          if (!m.methodIntegration) throw badRequest('No integration defined for method');
        }
      }
      if (methods === 0) throw badRequest("The REST API doesn't contain any methods");
      const dep: DeploymentDoc = { id: newId(6), description: input.description, createdDate: now, snapshot: snapshotOf(doc) };
      if (input.stageName !== undefined) {
        if (!STAGE_NAME.test(input.stageName)) throw badRequest('Stage name only allows a-zA-Z0-9_');
      }
      await this.store.putDeployment(tx, s, input.restApiId, dep);
      if (input.canarySettings) {
        const c = input.canarySettings;
        const stage = input.stageName ? await this.store.getStage(tx, s, input.restApiId, input.stageName) : undefined;
        if (!stage) throw badRequest('A canary deployment needs an existing stage: stageName must name one');
        stage.canarySettings = { deploymentId: dep.id, percentTraffic: checkPercent(c.percentTraffic ?? 0), stageVariableOverrides: c.stageVariableOverrides, useStageCache: c.useStageCache ?? false };
        stage.lastUpdatedDate = now;
        await this.store.putStage(tx, s, input.restApiId, stage);
        return dep;
      }
      if (input.stageName) {
        const existing = await this.store.getStage(tx, s, input.restApiId, input.stageName);
        const stage: StageDoc = existing ?? this.newStage(now, { stageName: input.stageName, deploymentId: dep.id, description: input.stageDescription });
        stage.deploymentId = dep.id;
        stage.lastUpdatedDate = now;
        if (input.variables) stage.variables = { ...(stage.variables ?? {}), ...input.variables };
        if (input.cacheClusterEnabled !== undefined) stage.cacheClusterEnabled = input.cacheClusterEnabled;
        if (input.cacheClusterSize !== undefined) stage.cacheClusterSize = input.cacheClusterSize;
        if (input.tracingEnabled !== undefined) stage.tracingEnabled = input.tracingEnabled;
        await this.store.putStage(tx, s, input.restApiId, stage);
      }
      return dep;
    });
    this.hooks.invalidate(input.restApiId);
    return deploymentOut(d, false);
  }

  private async deployment(q: Queryable, s: Scope, apiId: string, id: string): Promise<DeploymentDoc> {
    const d = await this.store.getDeployment(q, s, apiId, id);
    if (!d) throw notFound('Invalid Deployment identifier specified');
    return d;
  }

  async GetDeployment(ctx: RequestContext, input: any) {
    const s = scopeOf(ctx);
    await this.loadApi(this.db, s, input.restApiId);
    return deploymentOut(await this.deployment(this.db, s, input.restApiId, input.deploymentId), (input.embed ?? []).includes('apisummary'));
  }

  async GetDeployments(ctx: RequestContext, input: any) {
    const s = scopeOf(ctx);
    await this.loadApi(this.db, s, input.restApiId);
    const p = page(await this.store.listDeployments(this.db, s, input.restApiId), input.position, input.limit);
    return { items: p.items.map((d) => deploymentOut(d, false)), position: p.position };
  }

  async UpdateDeployment(ctx: RequestContext, input: any) {
    const s = scopeOf(ctx);
    return this.db.tx(async (tx) => {
      await this.loadApi(tx, s, input.restApiId);
      const d = await this.deployment(tx, s, input.restApiId, input.deploymentId);
      applyPatch(d as unknown as Record<string, any>, input.patchOperations, { description: 'string' });
      await this.store.putDeployment(tx, s, input.restApiId, d);
      return deploymentOut(d, false);
    });
  }

  async DeleteDeployment(ctx: RequestContext, input: any) {
    const s = scopeOf(ctx);
    await this.db.tx(async (tx) => {
      await this.loadApi(tx, s, input.restApiId);
      await this.deployment(tx, s, input.restApiId, input.deploymentId);
      const stages = await this.store.listStages(tx, s, input.restApiId);
      if (stages.some((st) => st.deploymentId === input.deploymentId || st.canarySettings?.deploymentId === input.deploymentId)) throw badRequest('Active stages pointing to this deployment must be moved or deleted');
      await this.store.deleteDeployment(tx, s, input.restApiId, input.deploymentId);
    });
    return {};
  }

  private newStage(now: number, f: { stageName: string; deploymentId: string; description?: string }): StageDoc {
    return {
      stageName: f.stageName,
      deploymentId: f.deploymentId,
      description: f.description,
      cacheClusterEnabled: false,
      cacheClusterStatus: 'NOT_AVAILABLE',
      methodSettings: {},
      tracingEnabled: false,
      createdDate: now,
      lastUpdatedDate: now,
    };
  }

  async CreateStage(ctx: RequestContext, input: any) {
    const s = scopeOf(ctx);
    const now = Math.floor(ctx.clock.now() / 1000) * 1000;
    if (!STAGE_NAME.test(input.stageName)) throw badRequest('Stage name only allows a-zA-Z0-9_');
    const stage = await this.db.tx(async (tx) => {
      await this.loadApi(tx, s, input.restApiId);
      await this.deployment(tx, s, input.restApiId, input.deploymentId);
      if (await this.store.getStage(tx, s, input.restApiId, input.stageName)) throw conflict('Stage already exists');
      const st = this.newStage(now, input);
      st.variables = input.variables;
      st.cacheClusterEnabled = input.cacheClusterEnabled ?? false;
      st.cacheClusterSize = input.cacheClusterEnabled ? input.cacheClusterSize ?? '0.5' : input.cacheClusterSize;
      st.tracingEnabled = input.tracingEnabled ?? false;
      st.documentationVersion = input.documentationVersion;
      st.tags = input.tags;
      if (input.canarySettings) {
        const c = input.canarySettings;
        const canaryDeployment = c.deploymentId ?? input.deploymentId;
        await this.deployment(tx, s, input.restApiId, canaryDeployment);
        st.canarySettings = { deploymentId: canaryDeployment, percentTraffic: checkPercent(c.percentTraffic ?? 0), stageVariableOverrides: c.stageVariableOverrides, useStageCache: c.useStageCache ?? false };
      }
      await this.store.putStage(tx, s, input.restApiId, st);
      return st;
    });
    this.hooks.invalidate(input.restApiId);
    return stageOut(stage);
  }

  private async stage(q: Queryable, s: Scope, apiId: string, name: string): Promise<StageDoc> {
    const st = await this.store.getStage(q, s, apiId, name);
    if (!st) throw notFound('Invalid stage identifier specified');
    return st;
  }

  async GetStage(ctx: RequestContext, input: any) {
    const s = scopeOf(ctx);
    await this.loadApi(this.db, s, input.restApiId);
    return stageOut(await this.stage(this.db, s, input.restApiId, input.stageName));
  }

  async GetStages(ctx: RequestContext, input: any) {
    const s = scopeOf(ctx);
    await this.loadApi(this.db, s, input.restApiId);
    const all = await this.store.listStages(this.db, s, input.restApiId);
    return { item: all.filter((st) => !input.deploymentId || st.deploymentId === input.deploymentId).map(stageOut) };
  }

  async UpdateStage(ctx: RequestContext, input: any) {
    const s = scopeOf(ctx);
    const st = await this.db.tx(async (tx) => {
      await this.loadApi(tx, s, input.restApiId);
      const st = await this.stage(tx, s, input.restApiId, input.stageName);
      applyPatch(
        st as unknown as Record<string, any>,
        input.patchOperations,
        {
          description: 'string',
          deploymentId: 'string',
          cacheClusterEnabled: 'bool',
          cacheClusterSize: 'string',
          variables: 'map',
          tracingEnabled: 'bool',
          clientCertificateId: 'string',
          documentationVersion: 'string',
          webAclArn: 'string',
        },
        (op, segs) => {
          if (segs[0] === 'accessLogSettings') {
            if (segs.length === 1 && op.op === 'remove') {
              delete st.accessLogSettings;
              return true;
            }
            const field = segs[1];
            if (segs.length !== 2 || (field !== 'format' && field !== 'destinationArn')) throw badRequest(`Invalid patch path '${op.path}' specified for op '${op.op}'`);
            const a = (st.accessLogSettings ??= {});
            if (op.op === 'remove') delete a[field];
            else a[field] = op.value ?? '';
            if (field === 'destinationArn' && a.destinationArn && !/^arn:aws[a-z-]*:logs:[^:]+:\d{12}:log-group:[^:*]+(:\*)?$/.test(a.destinationArn)) {
              throw badRequest(`Invalid CloudWatch Logs log group ARN: ${a.destinationArn}`);
            }
            return true;
          }
          if (segs[0] === 'canarySettings') {
            if (segs.length === 1) {
              if (op.op !== 'remove') throw badRequest(`Invalid patch path '${op.path}' specified for op '${op.op}'`);
              delete st.canarySettings;
              return true;
            }
            const c = (st.canarySettings ??= { deploymentId: st.deploymentId, percentTraffic: 0, useStageCache: false });
            const field = segs[1];
            if (field === 'percentTraffic') c.percentTraffic = checkPercent(convert('double', op.value, op.path ?? '') as number);
            else if (field === 'deploymentId' && op.value) c.deploymentId = op.value;
            else if (field === 'useStageCache') c.useStageCache = convert('bool', op.value, op.path ?? '') as boolean;
            else if (field === 'stageVariableOverrides' && segs.length === 3) {
              c.stageVariableOverrides ??= {};
              if (op.op === 'remove') delete c.stageVariableOverrides[segs[2]!];
              else c.stageVariableOverrides[segs[2]!] = op.value ?? '';
            } else throw badRequest(`Invalid patch path '${op.path}' specified for op '${op.op}'`);
            return true;
          }
          if (segs.length < 3) return false;
          const key = methodSettingKey(segs[0]!, segs[1]!);
          const setting = METHOD_SETTING_PATHS[segs.slice(2).join('/')];
          if (!setting || (segs[0] !== '*' && !segs[0]!.startsWith('/')) || (segs[1] !== '*' && !HTTP_METHODS.includes(segs[1]!))) {
            throw badRequest(`Invalid method setting path: ${op.path}. Must be one of: [${Object.keys(METHOD_SETTING_PATHS).map((p) => `/{resourcePath}/{httpMethod}/${p}`).join(', ')}]`);
          }
          const entry = (st.methodSettings[key] ??= { ...(st.methodSettings['*/*'] ?? defaultMethodSetting()) });
          if (op.op === 'remove') {
            (entry as unknown as Record<string, unknown>)[setting[0]] = defaultMethodSetting()[setting[0]];
          } else {
            (entry as unknown as Record<string, unknown>)[setting[0]] = convert(setting[1], op.value, op.path ?? '');
          }
          return true;
        },
      );
      if (st.cacheClusterEnabled && !st.cacheClusterSize) st.cacheClusterSize = '0.5';
      await this.deployment(tx, s, input.restApiId, st.deploymentId);
      if (st.canarySettings) await this.deployment(tx, s, input.restApiId, st.canarySettings.deploymentId);
      if (st.clientCertificateId && !(await this.store.getCertificate(tx, s, st.clientCertificateId))) throw badRequest('Invalid client certificate identifier specified');
      if (st.clientCertificateId === '') delete st.clientCertificateId;
      st.lastUpdatedDate = Math.floor(ctx.clock.now() / 1000) * 1000;
      await this.store.putStage(tx, s, input.restApiId, st);
      return st;
    });
    this.hooks.invalidate(input.restApiId);
    this.hooks.flushCache(input.restApiId, input.stageName);
    return stageOut(st);
  }

  async DeleteStage(ctx: RequestContext, input: any) {
    const s = scopeOf(ctx);
    await this.db.tx(async (tx) => {
      await this.loadApi(tx, s, input.restApiId);
      await this.stage(tx, s, input.restApiId, input.stageName);
      await this.store.deleteStage(tx, s, input.restApiId, input.stageName);
    });
    this.hooks.invalidate(input.restApiId);
    this.hooks.flushCache(input.restApiId, input.stageName);
    return {};
  }

  async FlushStageCache(ctx: RequestContext, input: any) {
    const s = scopeOf(ctx);
    await this.loadApi(this.db, s, input.restApiId);
    await this.stage(this.db, s, input.restApiId, input.stageName);
    this.hooks.flushCache(input.restApiId, input.stageName);
    return {};
  }

  async FlushStageAuthorizersCache(ctx: RequestContext, input: any) {
    const s = scopeOf(ctx);
    await this.loadApi(this.db, s, input.restApiId);
    await this.stage(this.db, s, input.restApiId, input.stageName);
    this.hooks.flushAuthorizers(input.restApiId, input.stageName);
    return {};
  }

  // ---- models

  async CreateModel(ctx: RequestContext, input: any) {
    return this.mutate(ctx, input.restApiId, (doc) => {
      if (!MODEL_NAME.test(input.name)) throw badRequest('Model name must be alphanumeric: ' + input.name);
      if (doc.models[input.name]) throw conflict('Model name already exists for this REST API');
      checkSchema(input.schema);
      const m: ModelDoc = { id: newId(6), name: input.name, description: input.description, schema: input.schema, contentType: input.contentType };
      doc.models[m.name] = m;
      return clone(m);
    });
  }

  private model(doc: ApiDoc, name: string): ModelDoc {
    const m = doc.models[name];
    if (!m) throw notFound(`Invalid model name specified: ${name}`);
    return m;
  }

  async GetModel(ctx: RequestContext, input: any) {
    return clone(this.model(await this.read(ctx, input.restApiId), input.modelName));
  }

  async GetModels(ctx: RequestContext, input: any) {
    const doc = await this.read(ctx, input.restApiId);
    const p = page(Object.values(doc.models).sort((a, b) => a.name.localeCompare(b.name)), input.position, input.limit);
    return { items: clone(p.items), position: p.position };
  }

  /** A mapping template that renders the model's shape from the request body, as the console generates it. */
  async GetModelTemplate(ctx: RequestContext, input: any) {
    const doc = await this.read(ctx, input.restApiId);
    const m = this.model(doc, input.modelName);
    let schema: Record<string, any>;
    try {
      schema = JSON.parse(m.schema ?? '{}');
    } catch {
      throw badRequest(`Invalid model specified: ${m.name}`);
    }
    const resolve = (s: Record<string, any>): Record<string, any> => {
      const ref = typeof s?.$ref === 'string' ? /\/models\/([^/]+)$/.exec(s.$ref) ?? /^#\/definitions\/(.+)$/.exec(s.$ref) : null;
      if (ref) {
        const target = doc.models[ref[1]!];
        if (target) return JSON.parse(target.schema ?? '{}');
        const local = schema.definitions?.[ref[1]!];
        if (local) return local;
      }
      return s ?? {};
    };
    let depth = 0;
    const render = (raw: Record<string, any>, ref: string, indent: string): string => {
      const s = resolve(raw);
      if (++depth > 20) return '{}';
      try {
        const type = Array.isArray(s.type) ? s.type[0] : s.type ?? (s.properties ? 'object' : s.items ? 'array' : 'string');
        if (type === 'object') {
          const props = Object.entries((s.properties ?? {}) as Record<string, any>);
          if (!props.length) return '{}';
          const inner = indent + '  ';
          return `{\n${props.map(([k, v]) => `${inner}"${k}" : ${render(v, `${ref}.${k}`, inner)}`).join(',\n')}\n${indent}}`;
        }
        if (type === 'array') {
          const v = `$elem${depth}`;
          const inner = indent + '  ';
          return `[\n#foreach(${v} in ${ref})\n${inner}${render(s.items ?? {}, v, inner)}#if($foreach.hasNext),#end\n#end\n${indent}]`;
        }
        if (type === 'string') return `"${ref}"`;
        return ref;
      } finally {
        depth--;
      }
    };
    return { value: `#set($inputRoot = $input.path('$'))\n${render(schema, '$inputRoot', '')}` };
  }

  async UpdateModel(ctx: RequestContext, input: any) {
    return this.mutate(ctx, input.restApiId, (doc) => {
      const m = this.model(doc, input.modelName);
      applyPatch(m as unknown as Record<string, any>, input.patchOperations, { schema: 'string', description: 'string' });
      checkSchema(m.schema);
      return clone(m);
    });
  }

  async DeleteModel(ctx: RequestContext, input: any) {
    await this.mutate(ctx, input.restApiId, (doc) => {
      this.model(doc, input.modelName);
      for (const r of Object.values(doc.resources)) {
        for (const m of Object.values(r.resourceMethods ?? {})) {
          if (Object.values(m.requestModels ?? {}).includes(input.modelName)) throw conflict(`Cannot delete model '${input.modelName}', is referenced in method request: ${r.path}/${m.httpMethod}`);
        }
      }
      delete doc.models[input.modelName];
    });
    return {};
  }

  // ---- request validators

  async CreateRequestValidator(ctx: RequestContext, input: any) {
    return this.mutate(ctx, input.restApiId, (doc) => {
      const v = { id: newId(6), name: input.name, validateRequestBody: input.validateRequestBody ?? false, validateRequestParameters: input.validateRequestParameters ?? false };
      doc.validators[v.id] = v;
      return clone(v);
    });
  }

  private validator(doc: ApiDoc, id: string) {
    const v = doc.validators[id];
    if (!v) throw notFound('Invalid Request Validator identifier specified');
    return v;
  }

  async GetRequestValidator(ctx: RequestContext, input: any) {
    return clone(this.validator(await this.read(ctx, input.restApiId), input.requestValidatorId));
  }

  async GetRequestValidators(ctx: RequestContext, input: any) {
    const doc = await this.read(ctx, input.restApiId);
    const p = page(Object.values(doc.validators), input.position, input.limit);
    return { items: clone(p.items), position: p.position };
  }

  async UpdateRequestValidator(ctx: RequestContext, input: any) {
    return this.mutate(ctx, input.restApiId, (doc) => {
      const v = this.validator(doc, input.requestValidatorId);
      applyPatch(v as unknown as Record<string, any>, input.patchOperations, { name: 'string', validateRequestBody: 'bool', validateRequestParameters: 'bool' });
      return clone(v);
    });
  }

  async DeleteRequestValidator(ctx: RequestContext, input: any) {
    await this.mutate(ctx, input.restApiId, (doc) => {
      this.validator(doc, input.requestValidatorId);
      for (const r of Object.values(doc.resources)) {
        for (const m of Object.values(r.resourceMethods ?? {})) if (m.requestValidatorId === input.requestValidatorId) delete m.requestValidatorId;
      }
      delete doc.validators[input.requestValidatorId];
    });
    return {};
  }

  // ---- authorizers

  async CreateAuthorizer(ctx: RequestContext, input: any) {
    return this.mutate(ctx, input.restApiId, (doc) => {
      const a: AuthorizerDoc = {
        id: newId(6),
        name: input.name,
        type: input.type,
        providerARNs: input.providerARNs,
        authType: input.authType,
        authorizerUri: input.authorizerUri,
        authorizerCredentials: input.authorizerCredentials,
        identitySource: input.identitySource,
        identityValidationExpression: input.identityValidationExpression,
        authorizerResultTtlInSeconds: input.authorizerResultTtlInSeconds ?? 300,
      };
      checkAuthorizer(a);
      doc.authorizers[a.id] = a;
      return clone(a);
    });
  }

  private authorizer(doc: ApiDoc, id: string) {
    const a = doc.authorizers[id];
    if (!a) throw notFound('Invalid Authorizer identifier specified');
    return a;
  }

  async GetAuthorizer(ctx: RequestContext, input: any) {
    return clone(this.authorizer(await this.read(ctx, input.restApiId), input.authorizerId));
  }

  async GetAuthorizers(ctx: RequestContext, input: any) {
    const doc = await this.read(ctx, input.restApiId);
    const p = page(Object.values(doc.authorizers), input.position, input.limit);
    return { items: clone(p.items), position: p.position };
  }

  async UpdateAuthorizer(ctx: RequestContext, input: any) {
    return this.mutate(ctx, input.restApiId, (doc) => {
      const a = this.authorizer(doc, input.authorizerId);
      applyPatch(a as unknown as Record<string, any>, input.patchOperations, {
        name: 'string',
        type: 'string',
        authType: 'string',
        authorizerUri: 'string',
        authorizerCredentials: 'string',
        identitySource: 'string',
        identityValidationExpression: 'string',
        authorizerResultTtlInSeconds: 'int',
        providerARNs: 'strlist',
      });
      checkAuthorizer(a);
      return clone(a);
    });
  }

  async DeleteAuthorizer(ctx: RequestContext, input: any) {
    await this.mutate(ctx, input.restApiId, (doc) => {
      this.authorizer(doc, input.authorizerId);
      for (const r of Object.values(doc.resources)) {
        for (const m of Object.values(r.resourceMethods ?? {})) {
          if (m.authorizerId === input.authorizerId) throw conflict(`Cannot delete authorizer '${doc.authorizers[input.authorizerId]!.name}', is referenced in method: ${m.httpMethod}${r.path}`);
        }
      }
      delete doc.authorizers[input.authorizerId];
    });
    return {};
  }

  // ---- gateway responses

  private gatewayResponse(doc: ApiDoc, type: string): GatewayResponseDoc {
    if (!(type in GATEWAY_RESPONSE_STATUS)) throw notFound('Invalid gateway response type specified');
    return clone(doc.gatewayResponses[type]) ?? defaultGatewayResponse(type);
  }

  async PutGatewayResponse(ctx: RequestContext, input: any) {
    return this.mutate(ctx, input.restApiId, (doc) => {
      if (!(input.responseType in GATEWAY_RESPONSE_STATUS)) throw badRequest('Invalid gateway response type specified');
      if (input.statusCode !== undefined) checkStatusCode(input.statusCode);
      const g: GatewayResponseDoc = {
        responseType: input.responseType,
        statusCode: input.statusCode,
        responseParameters: input.responseParameters ?? {},
        responseTemplates: input.responseTemplates ?? {},
        defaultResponse: false,
      };
      doc.gatewayResponses[g.responseType] = g;
      return clone(g);
    });
  }

  async GetGatewayResponse(ctx: RequestContext, input: any) {
    return this.gatewayResponse(await this.read(ctx, input.restApiId), input.responseType);
  }

  async GetGatewayResponses(ctx: RequestContext, input: any) {
    const doc = await this.read(ctx, input.restApiId);
    const p = page(Object.keys(GATEWAY_RESPONSE_STATUS).map((t) => this.gatewayResponse(doc, t)), input.position, input.limit);
    return { items: p.items, position: p.position };
  }

  async UpdateGatewayResponse(ctx: RequestContext, input: any) {
    return this.mutate(ctx, input.restApiId, (doc) => {
      const g = this.gatewayResponse(doc, input.responseType);
      applyPatch(g as unknown as Record<string, any>, input.patchOperations, { statusCode: 'string', responseParameters: 'map', responseTemplates: 'map' });
      g.defaultResponse = false;
      if (g.statusCode !== undefined) checkStatusCode(g.statusCode);
      doc.gatewayResponses[g.responseType] = g;
      return clone(g);
    });
  }

  async DeleteGatewayResponse(ctx: RequestContext, input: any) {
    await this.mutate(ctx, input.restApiId, (doc) => {
      this.gatewayResponse(doc, input.responseType);
      delete doc.gatewayResponses[input.responseType];
    });
    return {};
  }

  // ---- API keys

  async CreateApiKey(ctx: RequestContext, input: any) {
    const s = scopeOf(ctx);
    const now = Math.floor(ctx.clock.now() / 1000) * 1000;
    if (input.value !== undefined && input.value.length < 20) throw badRequest('API Key value should be at least 20 characters');
    const key: ApiKeyDoc = {
      id: newId(10),
      value: input.value ?? randomId(40, MIXED),
      name: input.name,
      customerId: input.customerId,
      description: input.description,
      enabled: input.enabled ?? false,
      createdDate: now,
      lastUpdatedDate: now,
      stageKeys: (input.stageKeys ?? []).map((k: any) => `${k.restApiId}/${k.stageName}`),
      tags: input.tags,
    };
    await this.db.tx(async (tx) => {
      if (await this.store.getKeyByValue(tx, s, key.value)) throw conflict('API Key already exists');
      for (const k of input.stageKeys ?? []) {
        await this.loadApi(tx, s, k.restApiId);
        await this.stage(tx, s, k.restApiId, k.stageName);
      }
      await this.store.putKey(tx, s, key);
    });
    return keyOut(key, true);
  }

  private async key(q: Queryable, s: Scope, id: string): Promise<ApiKeyDoc> {
    const k = await this.store.getKey(q, s, id);
    if (!k) throw notFound('Invalid API Key identifier specified');
    return k;
  }

  async GetApiKey(ctx: RequestContext, input: any) {
    return keyOut(await this.key(this.db, scopeOf(ctx), input.apiKey), input.includeValue ?? false);
  }

  async GetApiKeys(ctx: RequestContext, input: any) {
    const all = (await this.store.listKeys(this.db, scopeOf(ctx))).filter(
      (k) => (!input.nameQuery || (k.name ?? '').startsWith(input.nameQuery)) && (!input.customerId || k.customerId === input.customerId),
    );
    const p = page(all, input.position, input.limit);
    return { items: p.items.map((k) => keyOut(k, input.includeValues ?? false)), position: p.position };
  }

  async UpdateApiKey(ctx: RequestContext, input: any) {
    const s = scopeOf(ctx);
    return this.db.tx(async (tx) => {
      const k = await this.key(tx, s, input.apiKey);
      applyPatch(k as unknown as Record<string, any>, input.patchOperations, { name: 'string', description: 'string', enabled: 'bool', customerId: 'string', stages: 'strlist' }, (op, segs) => {
        if (segs[0] !== 'stages') return false;
        const v = op.value ?? '';
        if (op.op === 'add') k.stageKeys = [...new Set([...k.stageKeys, v])];
        else if (op.op === 'remove') k.stageKeys = k.stageKeys.filter((x) => x !== v);
        else throw badRequest(`Invalid patch operation for path ${op.path}`);
        return true;
      });
      k.lastUpdatedDate = Math.floor(ctx.clock.now() / 1000) * 1000;
      await this.store.putKey(tx, s, k);
      return keyOut(k, false);
    });
  }

  async DeleteApiKey(ctx: RequestContext, input: any) {
    const s = scopeOf(ctx);
    await this.db.tx(async (tx) => {
      await this.key(tx, s, input.apiKey);
      await this.store.deleteKey(tx, s, input.apiKey);
    });
    return {};
  }

  // ---- usage plans

  private async checkApiStages(q: Queryable, s: Scope, stages: UsagePlanDoc['apiStages']): Promise<void> {
    for (const st of stages) {
      const api = await this.store.getApi(q, s, st.apiId);
      if (!api) throw notFound(`Invalid API identifier specified ${s.accountId}:${st.apiId}`);
      if (!(await this.store.getStage(q, s, st.apiId, st.stage))) throw notFound(`Invalid stage identifier specified`);
    }
  }

  async CreateUsagePlan(ctx: RequestContext, input: any) {
    const s = scopeOf(ctx);
    const plan: UsagePlanDoc = {
      id: newId(6),
      name: input.name,
      description: input.description,
      apiStages: (input.apiStages ?? []).map((a: any) => ({ apiId: a.apiId, stage: a.stage, throttle: a.throttle })),
      throttle: input.throttle,
      quota: input.quota ? { limit: input.quota.limit, offset: input.quota.offset ?? 0, period: input.quota.period } : undefined,
      tags: input.tags,
    };
    checkPlan(plan);
    await this.db.tx(async (tx) => {
      await this.checkApiStages(tx, s, plan.apiStages);
      await this.store.putPlan(tx, s, plan);
    });
    this.hooks.invalidate();
    return clone(plan);
  }

  private async plan(q: Queryable, s: Scope, id: string): Promise<UsagePlanDoc> {
    const p = await this.store.getPlan(q, s, id);
    if (!p) throw notFound('Invalid Usage Plan ID specified');
    return p;
  }

  async GetUsagePlan(ctx: RequestContext, input: any) {
    return clone(await this.plan(this.db, scopeOf(ctx), input.usagePlanId));
  }

  async GetUsagePlans(ctx: RequestContext, input: any) {
    const s = scopeOf(ctx);
    let all = await this.store.listPlans(this.db, s);
    if (input.keyId) {
      const ids = new Set(await this.store.plansOfKey(this.db, s, input.keyId));
      all = all.filter((p) => ids.has(p.id));
    }
    const p = page(all, input.position, input.limit);
    return { items: p.items, position: p.position };
  }

  async UpdateUsagePlan(ctx: RequestContext, input: any) {
    const s = scopeOf(ctx);
    const plan = await this.db.tx(async (tx) => {
      const plan = await this.plan(tx, s, input.usagePlanId);
      applyPatch(plan as unknown as Record<string, any>, input.patchOperations, { name: 'string', description: 'string', productCode: 'string' }, (op, segs) => {
        const [head, a, b, c, d] = segs;
        if (head === 'throttle' && (a === 'rateLimit' || a === 'burstLimit') && segs.length === 2) {
          plan.throttle ??= {};
          if (op.op === 'remove') delete plan.throttle[a];
          else plan.throttle[a] = convert(a === 'rateLimit' ? 'double' : 'int', op.value, op.path ?? '') as number;
          return true;
        }
        if (head === 'throttle' && segs.length === 1 && op.op === 'remove') {
          delete plan.throttle;
          return true;
        }
        if (head === 'quota' && segs.length === 1 && op.op === 'remove') {
          delete plan.quota;
          return true;
        }
        if (head === 'quota' && (a === 'limit' || a === 'offset' || a === 'period') && segs.length === 2) {
          plan.quota ??= { limit: 0, offset: 0, period: 'DAY' };
          if (a === 'period') plan.quota.period = op.value ?? '';
          else plan.quota[a] = convert('int', op.value, op.path ?? '') as number;
          return true;
        }
        if (head === 'apiStages' && segs.length === 1) {
          const [apiId, stage] = (op.value ?? '').split(':');
          if (!apiId || !stage) throw badRequest(`Invalid API stage specified: ${op.value}`);
          if (op.op === 'add') {
            if (!plan.apiStages.some((x) => x.apiId === apiId && x.stage === stage)) plan.apiStages.push({ apiId, stage });
          } else if (op.op === 'remove') plan.apiStages = plan.apiStages.filter((x) => !(x.apiId === apiId && x.stage === stage));
          else throw badRequest(`Invalid patch operation for path ${op.path}`);
          return true;
        }
        if (head === 'apiStages' && b === 'throttle' && a) {
          const [apiId, stage] = a.split(':');
          const st = plan.apiStages.find((x) => x.apiId === apiId && x.stage === stage);
          if (!st) throw badRequest(`Invalid API stage specified: ${a}`);
          if (!c) {
            if (op.op === 'remove') delete st.throttle;
            else throw badRequest(`Invalid patch path ${op.path}`);
            return true;
          }
          st.throttle ??= {};
          const methodKey = c;
          if (d === undefined) {
            if (op.op === 'remove') delete st.throttle[methodKey];
            else st.throttle[methodKey] = convert('json', op.value, op.path ?? '') as { rateLimit?: number; burstLimit?: number };
          } else if (d === 'rateLimit' || d === 'burstLimit') {
            const t = (st.throttle[methodKey] ??= {});
            t[d] = convert(d === 'rateLimit' ? 'double' : 'int', op.value, op.path ?? '') as number;
          } else throw badRequest(`Invalid patch path ${op.path}`);
          return true;
        }
        return false;
      });
      checkPlan(plan);
      await this.checkApiStages(tx, s, plan.apiStages);
      await this.store.putPlan(tx, s, plan);
      return plan;
    });
    this.hooks.invalidate();
    return clone(plan);
  }

  async DeleteUsagePlan(ctx: RequestContext, input: any) {
    const s = scopeOf(ctx);
    await this.db.tx(async (tx) => {
      await this.plan(tx, s, input.usagePlanId);
      await this.store.deletePlan(tx, s, input.usagePlanId);
    });
    this.hooks.invalidate();
    return {};
  }

  async CreateUsagePlanKey(ctx: RequestContext, input: any) {
    const s = scopeOf(ctx);
    if (input.keyType !== 'API_KEY') throw badRequest('Invalid key type specified, must be API_KEY');
    const key = await this.db.tx(async (tx) => {
      await this.plan(tx, s, input.usagePlanId);
      const key = await this.key(tx, s, input.keyId);
      if ((await this.store.planKeys(tx, s, input.usagePlanId)).includes(key.id)) throw conflict(`Usage Plan ${input.usagePlanId} cannot be added because API Key ${key.id} cannot reference multiple Usage Plans with the same API Stage`);
      await this.store.addPlanKey(tx, s, input.usagePlanId, key.id);
      return key;
    });
    this.hooks.invalidate();
    return { id: key.id, type: 'API_KEY', name: key.name, value: key.value };
  }

  async GetUsagePlanKey(ctx: RequestContext, input: any) {
    const s = scopeOf(ctx);
    await this.plan(this.db, s, input.usagePlanId);
    if (!(await this.store.planKeys(this.db, s, input.usagePlanId)).includes(input.keyId)) throw notFound('Invalid Usage Plan Key identifier specified');
    const key = await this.key(this.db, s, input.keyId);
    return { id: key.id, type: 'API_KEY', name: key.name, value: key.value };
  }

  async GetUsagePlanKeys(ctx: RequestContext, input: any) {
    const s = scopeOf(ctx);
    await this.plan(this.db, s, input.usagePlanId);
    const out = [];
    for (const id of await this.store.planKeys(this.db, s, input.usagePlanId)) {
      const k = await this.store.getKey(this.db, s, id);
      if (k && (!input.nameQuery || (k.name ?? '').startsWith(input.nameQuery))) out.push({ id: k.id, type: 'API_KEY', name: k.name, value: k.value });
    }
    const p = page(out, input.position, input.limit);
    return { items: p.items, position: p.position };
  }

  async DeleteUsagePlanKey(ctx: RequestContext, input: any) {
    const s = scopeOf(ctx);
    await this.db.tx(async (tx) => {
      await this.plan(tx, s, input.usagePlanId);
      if ((await this.store.removePlanKey(tx, s, input.usagePlanId, input.keyId)) === 0) throw notFound('Invalid Usage Plan Key identifier specified');
    });
    this.hooks.invalidate();
    return {};
  }

  async GetUsage(ctx: RequestContext, input: any) {
    const s = scopeOf(ctx);
    const plan = await this.plan(this.db, s, input.usagePlanId);
    const day = /^\d{4}-\d{2}-\d{2}$/;
    if (!day.test(input.startDate) || !day.test(input.endDate)) throw badRequest('Invalid date format, must be yyyy-MM-dd');
    if (input.startDate > input.endDate) throw badRequest('The usage data period must begin on or before the end date');
    const rows = await this.store.usage(this.db, s, plan.id, input.keyId, input.startDate, input.endDate);
    const days: string[] = [];
    for (let t = Date.parse(input.startDate + 'T00:00:00Z'); t <= Date.parse(input.endDate + 'T00:00:00Z'); t += 86400000) days.push(new Date(t).toISOString().slice(0, 10));
    if (days.length > 90) throw badRequest('The usage data period cannot exceed 90 days');
    const keys = input.keyId ? [input.keyId] : await this.store.planKeys(this.db, s, plan.id);
    const items: Record<string, number[][]> = {};
    for (const k of keys) {
      let used = 0;
      items[k] = days.map((d) => {
        const n = rows.find((r) => r.key_id === k && r.day === d)?.used ?? 0;
        used = n;
        return [n, plan.quota ? Math.max(0, plan.quota.limit - used) : 0];
      });
    }
    return { usagePlanId: plan.id, startDate: input.startDate, endDate: input.endDate, items };
  }

  async UpdateUsage(ctx: RequestContext, input: any) {
    const s = scopeOf(ctx);
    return this.db.tx(async (tx) => {
      const plan = await this.plan(tx, s, input.usagePlanId);
      if (!(await this.store.planKeys(tx, s, plan.id)).includes(input.keyId)) throw notFound('Invalid Usage Plan Key identifier specified');
      if (!plan.quota) throw badRequest('Usage plan does not have a quota');
      const now = ctx.clock.now();
      const today = new Date(now).toISOString().slice(0, 10);
      const from = periodStart(now, plan.quota.period, plan.quota.offset);
      for (const op of (input.patchOperations ?? []) as PatchOp[]) {
        if (op.op !== 'replace' || op.path !== '/remaining') throw badRequest(`Invalid patch path '${op.path}' specified for op '${op.op}'. Must be one of: [/remaining]`);
        const remaining = convert('int', op.value, op.path) as number;
        if (remaining < 0) throw badRequest('Invalid remaining value, must be >= 0');
        const rows = await this.store.usage(tx, s, plan.id, input.keyId, from, today);
        const earlier = rows.filter((r) => r.day !== today).reduce((n, r) => n + r.used, 0);
        await this.store.setUsage(tx, s, plan.id, input.keyId, today, Math.max(0, plan.quota.limit - remaining - earlier));
      }
      const rows = await this.store.usage(tx, s, plan.id, input.keyId, from, today);
      const used = rows.reduce((n, r) => n + r.used, 0);
      return { usagePlanId: plan.id, startDate: from, endDate: today, items: { [input.keyId]: [[used, Math.max(0, plan.quota.limit - used)]] } };
    });
  }

  async ImportApiKeys(ctx: RequestContext, input: any) {
    const s = scopeOf(ctx);
    if (input.format !== 'csv') throw badRequest('Invalid format, must be csv');
    const lines = Buffer.from(input.body ?? Buffer.alloc(0)).toString('utf8').split(/\r?\n/).filter((l) => l.trim() !== '');
    if (lines.length === 0) throw badRequest('Invalid API keys CSV: no header row');
    const header = lines[0]!.split(',').map((h) => h.trim().toLowerCase());
    const col = (name: string) => header.indexOf(name);
    if (col('key') < 0) throw badRequest('Invalid API keys CSV: the Key column is required');
    const ids: string[] = [];
    const warnings: string[] = [];
    const now = Math.floor(ctx.clock.now() / 1000) * 1000;
    await this.db.tx(async (tx) => {
      for (const [n, line] of lines.slice(1).entries()) {
        const cells = line.split(',').map((c) => c.trim());
        const cell = (name: string) => (col(name) >= 0 ? cells[col(name)] : undefined);
        const value = cell('key') ?? '';
        const problem = value.length < 20 ? 'API Key value should be at least 20 characters' : (await this.store.getKeyByValue(tx, s, value)) ? 'API Key already exists' : undefined;
        if (problem) {
          if (input.failOnWarnings) throw badRequest(`Line ${n + 2}: ${problem}`);
          warnings.push(`Line ${n + 2}: ${problem}`);
          continue;
        }
        const key: ApiKeyDoc = { id: newId(10), value, name: cell('name'), description: cell('description'), customerId: cell('customerid'), enabled: (cell('enabled') ?? 'false').toLowerCase() === 'true', createdDate: now, lastUpdatedDate: now, stageKeys: [] };
        await this.store.putKey(tx, s, key);
        for (const planId of (cell('usageplanids') ?? '').split(/[;:]/).map((x) => x.trim()).filter(Boolean)) {
          await this.plan(tx, s, planId);
          await this.store.addPlanKey(tx, s, planId, key.id);
        }
        ids.push(key.id);
      }
    });
    this.hooks.invalidate();
    return { ids, warnings: warnings.length ? warnings : undefined };
  }

  // ---- account and tags

  async GetAccount(ctx: RequestContext) {
    const settings = await this.store.getAccount(this.db, scopeOf(ctx));
    return { cloudwatchRoleArn: settings?.cloudwatchRoleArn, throttleSettings: { burstLimit: 5000, rateLimit: 10000 }, features: ['UsagePlans'], apiKeyVersion: '4' };
  }

  async UpdateAccount(ctx: RequestContext, input: any) {
    const s = scopeOf(ctx);
    await this.db.tx(async (tx) => {
      const settings = (await this.store.getAccount(tx, s)) ?? {};
      applyPatch(settings as Record<string, any>, input.patchOperations, { cloudwatchRoleArn: 'string' }, (op, segs) => {
        // The UsagePlans feature is always on (as for every account created since 2016).
        if (segs[0] === 'features' && op.op === 'add' && op.value === 'UsagePlans') return true;
        return false;
      });
      if (settings.cloudwatchRoleArn && !/^arn:aws[a-z-]*:iam::\d{12}:role\/.+$/.test(settings.cloudwatchRoleArn)) throw badRequest('The role ARN is not well formed');
      await this.store.putAccount(tx, s, settings);
    });
    return this.GetAccount(ctx);
  }

  private parseArn(ctx: RequestContext, arn: string): { kind: string; ids: string[] } {
    const m = /^arn:aws[a-z-]*:apigateway:([^:]*):[^:]*:\/(.+)$/.exec(arn);
    if (!m || m[1] !== ctx.region) throw badRequest(`Invalid resource ARN: ${arn}`);
    const parts = m[2]!.split('/');
    if (parts[0] === 'restapis' && parts.length === 2) return { kind: 'api', ids: [parts[1]!] };
    if (parts[0] === 'restapis' && parts[2] === 'stages' && parts.length === 4) return { kind: 'stage', ids: [parts[1]!, parts[3]!] };
    if (parts[0] === 'apikeys' && parts.length === 2) return { kind: 'key', ids: [parts[1]!] };
    if (parts[0] === 'usageplans' && parts.length === 2) return { kind: 'plan', ids: [parts[1]!] };
    throw badRequest(`Tagging is not supported for resource ${arn}`);
  }

  private async withTags(ctx: RequestContext, arn: string, fn: (tags: Record<string, string>) => boolean): Promise<Record<string, string>> {
    const s = scopeOf(ctx);
    const { kind, ids } = this.parseArn(ctx, arn);
    return this.db.tx(async (tx) => {
      let tags: Record<string, string>;
      if (kind === 'api') {
        const doc = await this.loadApi(tx, s, ids[0]!);
        tags = doc.api.tags ??= {};
        if (fn(tags)) await this.store.putApi(tx, s, doc);
      } else if (kind === 'stage') {
        await this.loadApi(tx, s, ids[0]!);
        const st = await this.stage(tx, s, ids[0]!, ids[1]!);
        tags = st.tags ??= {};
        if (fn(tags)) await this.store.putStage(tx, s, ids[0]!, st);
      } else if (kind === 'key') {
        const k = await this.key(tx, s, ids[0]!);
        tags = k.tags ??= {};
        if (fn(tags)) await this.store.putKey(tx, s, k);
      } else {
        const p = await this.plan(tx, s, ids[0]!);
        tags = p.tags ??= {};
        if (fn(tags)) await this.store.putPlan(tx, s, p);
      }
      return { ...tags };
    });
  }

  async GetTags(ctx: RequestContext, input: any) {
    return { tags: await this.withTags(ctx, input.resourceArn, () => false) };
  }

  async TagResource(ctx: RequestContext, input: any) {
    await this.withTags(ctx, input.resourceArn, (tags) => {
      Object.assign(tags, input.tags);
      if (Object.keys(tags).length > 50) throw badRequest('Too many tags: a resource can have at most 50 tags');
      return true;
    });
    return {};
  }

  async UntagResource(ctx: RequestContext, input: any) {
    await this.withTags(ctx, input.resourceArn, (tags) => {
      for (const k of input.tagKeys ?? []) delete tags[k];
      return true;
    });
    return {};
  }
}

function checkPercent(p: number): number {
  if (!(p >= 0 && p <= 100)) throw badRequest('Canary traffic percentage must be between 0.0 and 100.0');
  return p;
}

function checkSchema(schema: string | undefined): void {
  if (schema === undefined) return;
  try {
    const v = JSON.parse(schema);
    if (typeof v !== 'object' || v === null) throw new Error('not an object');
  } catch {
    throw badRequest('Invalid model specified: Validation Result: warnings : [], errors : [Invalid model schema specified]');
  }
}

function checkAuthorizer(a: AuthorizerDoc): void {
  if (!['TOKEN', 'REQUEST', 'COGNITO_USER_POOLS'].includes(a.type)) throw badRequest('Invalid authorizer type specified, must be one of: [TOKEN, REQUEST, COGNITO_USER_POOLS]');
  if (a.type === 'COGNITO_USER_POOLS') throw badRequest('Authorizers of type COGNITO_USER_POOLS are not supported by Stratus yet');
  if (!a.authorizerUri) throw badRequest('Authorizer URI must be specified for authorizer types TOKEN and REQUEST');
  if (!/:lambda:path\/\d{4}-\d{2}-\d{2}\/functions\/.+\/invocations$/.test(a.authorizerUri)) throw badRequest('Invalid Authorizer URI specified');
  const ttl = a.authorizerResultTtlInSeconds ?? 300;
  if (ttl < 0 || ttl > 3600) throw badRequest('Invalid TTL specified, must be between 0 and 3600 seconds');
  if (a.type === 'TOKEN') {
    if (!a.identitySource || !/^method\.request\.header\.[^,\s]+$/.test(a.identitySource)) throw badRequest('Invalid identity source specified, a TOKEN authorizer requires one method.request.header.<name> identity source');
  } else if (a.identitySource) {
    for (const src of a.identitySource.split(',').map((x) => x.trim())) {
      if (!/^(method\.request\.(header|querystring|multivalueheader|multivaluequerystring)\.[^\s]+|stageVariables\.[^\s]+|context\.[^\s]+)$/.test(src)) throw badRequest(`Invalid identity source specified: ${src}`);
    }
  } else if (ttl > 0) {
    throw badRequest('Identity source must be specified when authorizer caching is enabled');
  }
  if (a.identityValidationExpression) {
    try {
      new RegExp(a.identityValidationExpression);
    } catch {
      throw badRequest('Invalid identity validation expression specified');
    }
  }
}

function checkPlan(p: UsagePlanDoc): void {
  if (p.throttle?.rateLimit !== undefined && p.throttle.rateLimit < 0) throw badRequest('Invalid throttle rate limit');
  if (p.throttle?.burstLimit !== undefined && p.throttle.burstLimit < 0) throw badRequest('Invalid throttle burst limit');
  if (p.quota) {
    if (!['DAY', 'WEEK', 'MONTH'].includes(p.quota.period)) throw badRequest('Invalid quota period, must be one of: [DAY, WEEK, MONTH]');
    if (!(p.quota.limit >= 0)) throw badRequest('Invalid quota limit');
  }
}

export { DEFAULT_ERROR_TEMPLATE };
export type { PatchOp };
