import type * as Yaml from 'yaml';
import { lazyModule } from '../../core/lazy.js';

const yaml = lazyModule<typeof Yaml>('yaml');
import { BadRequestException } from '../../generated/apigateway.js';
import { newId } from './common.js';
import { checkSibling, childPath, validateIntegration, validatePathPart } from './control/checks.js';
import { GATEWAY_RESPONSE_STATUS, defaultModels } from './defaults.js';
import { modelUrl } from './models.js';
import type { ApiDoc, AuthorizerDoc, IntegrationDoc, MethodDoc, ResourceDoc, Snapshot } from './types.js';

type Obj = Record<string, any>;
const OPS = ['get', 'put', 'post', 'delete', 'patch', 'options', 'head', 'x-amazon-apigateway-any-method'];

/** Reads an OpenAPI 3.x or Swagger 2.0 definition, JSON or YAML. */
export function parseSpec(body: Buffer | undefined): Obj {
  const text = (body ?? Buffer.alloc(0)).toString('utf8');
  if (!text.trim()) throw new BadRequestException('Invalid OpenAPI input: the body is empty');
  let spec: unknown;
  try {
    spec = text.trimStart().startsWith('{') ? JSON.parse(text) : yaml().parse(text);
  } catch (e) {
    throw new BadRequestException(`Invalid OpenAPI input: ${(e as Error).message}`);
  }
  if (!spec || typeof spec !== 'object') throw new BadRequestException('Invalid OpenAPI input: not an object');
  const s = spec as Obj;
  if (!(typeof s.openapi === 'string' && s.openapi.startsWith('3.')) && String(s.swagger) !== '2.0') {
    throw new BadRequestException('Invalid OpenAPI input: only OpenAPI 3.x and Swagger 2.0 definitions are supported');
  }
  return s;
}

const refName = (ref: unknown): string | undefined => (typeof ref === 'string' ? /^#\/(?:components\/schemas|definitions)\/(.+)$/.exec(ref)?.[1] : undefined);

/** Rewrites local $refs of a schema to API Gateway model URLs. */
function rewriteRefs(schema: unknown, apiId: string): unknown {
  if (Array.isArray(schema)) return schema.map((s) => rewriteRefs(s, apiId));
  if (schema && typeof schema === 'object') {
    const out: Obj = {};
    for (const [k, v] of Object.entries(schema as Obj)) {
      if (k === '$ref' && refName(v)) out[k] = modelUrl(apiId, refName(v)!);
      else out[k] = rewriteRefs(v, apiId);
    }
    return out;
  }
  return schema;
}

/** Fills `doc` from an OpenAPI/Swagger definition; returns the import warnings. */
export function importInto(doc: ApiDoc, spec: Obj, mode: 'merge' | 'overwrite'): string[] {
  const warnings: string[] = [];
  const apiId = doc.api.id;
  const oas3 = typeof spec.openapi === 'string';
  if (spec.info?.title) doc.api.name = String(spec.info.title);
  if (spec.info?.description !== undefined) doc.api.description = String(spec.info.description);
  if (spec.info?.version !== undefined) doc.api.version = String(spec.info.version);
  if (Array.isArray(spec['x-amazon-apigateway-binary-media-types'])) doc.api.binaryMediaTypes = spec['x-amazon-apigateway-binary-media-types'].map(String);
  if (spec['x-amazon-apigateway-api-key-source']) doc.api.apiKeySource = String(spec['x-amazon-apigateway-api-key-source']);
  if (spec['x-amazon-apigateway-policy']) doc.api.policy = JSON.stringify(spec['x-amazon-apigateway-policy']);
  if (mode === 'overwrite') {
    const rootId = doc.api.rootResourceId;
    doc.resources = { [rootId]: { id: rootId, path: '/' } };
    doc.models = defaultModels(() => newId(6));
    doc.validators = {};
    doc.authorizers = {};
    doc.gatewayResponses = {};
  }
  // models
  const schemas: Obj = (oas3 ? spec.components?.schemas : spec.definitions) ?? {};
  for (const [name, schema] of Object.entries(schemas)) {
    if (!/^[a-zA-Z0-9]+$/.test(name)) {
      warnings.push(`Model name must be alphanumeric: ${name}`);
      continue;
    }
    const existing = doc.models[name];
    doc.models[name] = { id: existing?.id ?? newId(6), name, contentType: 'application/json', schema: JSON.stringify({ $schema: 'http://json-schema.org/draft-04/schema#', title: name, ...(rewriteRefs(schema, apiId) as Obj) }) };
  }
  // validators
  const validatorIds = new Map<string, string>();
  for (const v of Object.values(doc.validators)) if (v.name) validatorIds.set(v.name, v.id);
  for (const [name, v] of Object.entries((spec['x-amazon-apigateway-request-validators'] ?? {}) as Obj)) {
    const id = validatorIds.get(name) ?? newId(6);
    doc.validators[id] = { id, name, validateRequestBody: !!v?.validateRequestBody, validateRequestParameters: !!v?.validateRequestParameters };
    validatorIds.set(name, id);
  }
  const defaultValidator = spec['x-amazon-apigateway-request-validator'] as string | undefined;
  // security schemes: authorizers, API keys, SigV4
  const schemes: Obj = (oas3 ? spec.components?.securitySchemes : spec.securityDefinitions) ?? {};
  const authorizerIds = new Map<string, string>();
  const apiKeySchemes = new Set<string>();
  const iamSchemes = new Set<string>();
  for (const a of Object.values(doc.authorizers)) authorizerIds.set(a.name, a.id);
  for (const [name, s] of Object.entries(schemes)) {
    const ext = s?.['x-amazon-apigateway-authorizer'];
    if (ext) {
      const type = String(ext.type ?? 'token').toUpperCase();
      const id = authorizerIds.get(name) ?? newId(6);
      const a: AuthorizerDoc = {
        id,
        name,
        type,
        providerARNs: type === 'COGNITO_USER_POOLS' ? ext.providerARNs : undefined,
        authType: s['x-amazon-apigateway-authtype'],
        authorizerUri: ext.authorizerUri,
        authorizerCredentials: ext.authorizerCredentials,
        identitySource: ext.identitySource ?? ((type === 'TOKEN' || type === 'COGNITO_USER_POOLS') && s.in === 'header' && s.name ? `method.request.header.${s.name}` : undefined),
        identityValidationExpression: ext.identityValidationExpression,
        authorizerResultTtlInSeconds: ext.authorizerResultTtlInSeconds ?? 300,
      };
      doc.authorizers[id] = a;
      authorizerIds.set(name, id);
    } else if (s?.['x-amazon-apigateway-authtype'] === 'awsSigv4') {
      iamSchemes.add(name);
    } else if (s?.type === 'apiKey') {
      apiKeySchemes.add(name);
    }
  }
  // gateway responses
  for (const [type, g] of Object.entries((spec['x-amazon-apigateway-gateway-responses'] ?? {}) as Obj)) {
    if (!(type in GATEWAY_RESPONSE_STATUS)) {
      warnings.push(`Invalid gateway response type: ${type}`);
      continue;
    }
    doc.gatewayResponses[type] = {
      responseType: type,
      statusCode: g?.statusCode !== undefined ? String(g.statusCode) : undefined,
      responseParameters: g?.responseParameters ?? {},
      responseTemplates: g?.responseTemplates ?? {},
      defaultResponse: false,
    };
  }
  const globalSecurity: Obj[] | undefined = spec.security;
  // paths
  for (const [path, item] of Object.entries((spec.paths ?? {}) as Obj)) {
    const resource = ensureResource(doc, path);
    const shared: Obj[] = item?.parameters ?? [];
    for (const op of OPS) {
      const o = item?.[op];
      if (!o) continue;
      const verb = op === 'x-amazon-apigateway-any-method' ? 'ANY' : op.toUpperCase();
      const m: MethodDoc = { httpMethod: verb, authorizationType: 'NONE', apiKeyRequired: false, operationName: o.operationId };
      const security: Obj[] = o.security ?? globalSecurity ?? [];
      for (const req of security) {
        for (const name of Object.keys(req ?? {})) {
          if (authorizerIds.has(name)) {
            m.authorizerId = authorizerIds.get(name);
            m.authorizationType = doc.authorizers[m.authorizerId!]?.type === 'COGNITO_USER_POOLS' ? 'COGNITO_USER_POOLS' : 'CUSTOM';
            const scopes = Array.isArray(req[name]) ? (req[name] as unknown[]).map(String) : [];
            if (m.authorizationType === 'COGNITO_USER_POOLS' && scopes.length > 0) m.authorizationScopes = scopes;
          } else if (iamSchemes.has(name)) m.authorizationType = 'AWS_IAM';
          else if (apiKeySchemes.has(name)) m.apiKeyRequired = true;
        }
      }
      const params: Record<string, boolean> = {};
      let bodyModel: string | undefined;
      for (const p of [...shared, ...(o.parameters ?? [])] as Obj[]) {
        const loc = p.in === 'query' ? 'querystring' : p.in === 'path' ? 'path' : p.in === 'header' ? 'header' : undefined;
        if (loc) params[`method.request.${loc}.${p.name}`] = !!p.required || p.in === 'path';
        if (p.in === 'body') bodyModel = refName(p.schema?.$ref);
      }
      if (Object.keys(params).length) m.requestParameters = params;
      const models: Record<string, string> = {};
      if (oas3) {
        for (const [ct, c] of Object.entries((o.requestBody?.content ?? {}) as Obj)) {
          const n = refName(c?.schema?.$ref);
          if (n) models[ct] = n;
        }
      } else if (bodyModel) {
        for (const ct of (o.consumes ?? spec.consumes ?? ['application/json']) as string[]) models[ct] = bodyModel;
      }
      if (Object.keys(models).length) m.requestModels = models;
      const validatorName = o['x-amazon-apigateway-request-validator'] ?? defaultValidator;
      if (validatorName) {
        const vid = validatorIds.get(validatorName);
        if (vid) m.requestValidatorId = vid;
        else warnings.push(`Invalid request validator ${validatorName} for ${verb} ${path}`);
      }
      const responses: Record<string, { statusCode: string; responseParameters?: Record<string, boolean>; responseModels?: Record<string, string> }> = {};
      for (const [code, r] of Object.entries((o.responses ?? {}) as Obj)) {
        if (!/^[1-5]\d\d$/.test(code)) continue;
        const rp: Record<string, boolean> = {};
        for (const h of Object.keys(r?.headers ?? {})) rp[`method.response.header.${h}`] = false;
        const rm: Record<string, string> = {};
        if (oas3) {
          for (const [ct, c] of Object.entries((r?.content ?? {}) as Obj)) {
            const n = refName(c?.schema?.$ref);
            if (n) rm[ct] = n;
          }
        } else {
          const n = refName(r?.schema?.$ref);
          if (n) for (const ct of (o.produces ?? spec.produces ?? ['application/json']) as string[]) rm[ct] = n;
        }
        responses[code] = { statusCode: code, ...(Object.keys(rp).length ? { responseParameters: rp } : {}), ...(Object.keys(rm).length ? { responseModels: rm } : {}) };
      }
      if (Object.keys(responses).length) m.methodResponses = responses;
      const x = o['x-amazon-apigateway-integration'];
      if (x) {
        const integration: IntegrationDoc = {
          type: String(x.type ?? '').toUpperCase(),
          httpMethod: x.httpMethod ? String(x.httpMethod).toUpperCase() : undefined,
          uri: x.uri,
          connectionType: x.connectionType,
          connectionId: x.connectionId,
          credentials: x.credentials,
          requestParameters: x.requestParameters,
          requestTemplates: x.requestTemplates,
          passthroughBehavior: x.passthroughBehavior ? String(x.passthroughBehavior).toUpperCase() : 'WHEN_NO_MATCH',
          contentHandling: x.contentHandling,
          timeoutInMillis: x.timeoutInMillis ?? 29000,
          cacheNamespace: x.cacheNamespace ?? resource.id,
          cacheKeyParameters: x.cacheKeyParameters ?? [],
          tlsConfig: x.tlsConfig,
          integrationResponses: {},
        };
        for (const [pattern, r] of Object.entries((x.responses ?? {}) as Obj)) {
          const code = String(r?.statusCode ?? '200');
          integration.integrationResponses![code] = {
            statusCode: code,
            ...(pattern !== 'default' ? { selectionPattern: pattern } : {}),
            ...(r?.responseParameters ? { responseParameters: r.responseParameters } : {}),
            ...(r?.responseTemplates ? { responseTemplates: r.responseTemplates } : {}),
            ...(r?.contentHandling ? { contentHandling: r.contentHandling } : {}),
          };
        }
        try {
          validateIntegration(integration);
          m.methodIntegration = integration;
        } catch (e) {
          warnings.push(`Unable to put integration on '${verb}' for resource at path '${path}': ${(e as Error).message}`);
        }
      }
      (resource.resourceMethods ??= {})[verb] = m;
    }
  }
  return warnings;
}

function ensureResource(doc: ApiDoc, path: string): ResourceDoc {
  let current = doc.resources[doc.api.rootResourceId]!;
  for (const part of path.split('/').filter(Boolean)) {
    const existing = Object.values(doc.resources).find((r) => r.parentId === current.id && r.pathPart === part);
    if (existing) {
      current = existing;
      continue;
    }
    validatePathPart(part);
    checkSibling(doc, current, part);
    const r: ResourceDoc = { id: newId(6), parentId: current.id, pathPart: part, path: childPath(current, part) };
    doc.resources[r.id] = r;
    current = r;
  }
  return current;
}

/** Writes a deployment as OpenAPI 3.0 or Swagger 2.0, with x-amazon-apigateway-* extensions. */
export function exportSpec(
  api: { id: string; name: string; description?: string; version?: string; createdDate: number },
  snap: Snapshot,
  stage: string,
  region: string,
  oas3: boolean,
  withIntegrations: boolean,
): Obj {
  const schemasKey = oas3 ? '#/components/schemas/' : '#/definitions/';
  const fromModelUrl = (schema: unknown): unknown => {
    if (Array.isArray(schema)) return schema.map(fromModelUrl);
    if (schema && typeof schema === 'object') {
      const out: Obj = {};
      for (const [k, v] of Object.entries(schema as Obj)) {
        if (k === '$schema') continue;
        const m = k === '$ref' && typeof v === 'string' ? /\/models\/([^/]+)$/.exec(v) : null;
        out[k] = m ? schemasKey + m[1] : fromModelUrl(v);
      }
      return out;
    }
    return schema;
  };
  const paths: Obj = {};
  const schemes: Obj = {};
  let usesApiKey = false;
  for (const r of Object.values(snap.resources).sort((a, b) => a.path.localeCompare(b.path))) {
    const methods = r.resourceMethods ?? {};
    if (!Object.keys(methods).length) continue;
    const item: Obj = {};
    for (const m of Object.values(methods)) {
      const op: Obj = {};
      if (m.operationName) op.operationId = m.operationName;
      const params: Obj[] = [];
      for (const [name, required] of Object.entries(m.requestParameters ?? {})) {
        const p = /^method\.request\.(path|querystring|header)\.(.+)$/.exec(name);
        if (!p) continue;
        const loc = p[1] === 'querystring' ? 'query' : p[1]!;
        params.push(oas3 ? { name: p[2], in: loc, required: loc === 'path' || required, schema: { type: 'string' } } : { name: p[2], in: loc, required: loc === 'path' || required, type: 'string' });
      }
      for (const part of r.path.split('/')) {
        const pm = /^\{(.+?)\+?\}$/.exec(part);
        if (pm && !params.some((p) => p.in === 'path' && p.name === pm[1])) params.push(oas3 ? { name: pm[1], in: 'path', required: true, schema: { type: 'string' } } : { name: pm[1], in: 'path', required: true, type: 'string' });
      }
      const models = Object.entries(m.requestModels ?? {});
      if (models.length) {
        if (oas3) op.requestBody = { content: Object.fromEntries(models.map(([ct, n]) => [ct, { schema: { $ref: schemasKey + n } }])), required: true };
        else params.push({ in: 'body', name: models[0]![1], required: true, schema: { $ref: schemasKey + models[0]![1] } });
      }
      if (params.length) op.parameters = params;
      const responses: Obj = {};
      for (const mr of Object.values(m.methodResponses ?? {})) {
        const resp: Obj = { description: `${mr.statusCode} response` };
        const headers = Object.keys(mr.responseParameters ?? {}).map((h) => h.replace(/^method\.response\.header\./, ''));
        if (headers.length) resp.headers = Object.fromEntries(headers.map((h) => [h, oas3 ? { schema: { type: 'string' } } : { type: 'string' }]));
        const rm = Object.entries(mr.responseModels ?? {});
        if (rm.length) {
          if (oas3) resp.content = Object.fromEntries(rm.map(([ct, n]) => [ct, { schema: { $ref: schemasKey + n } }]));
          else resp.schema = { $ref: schemasKey + rm[0]![1] };
        }
        responses[mr.statusCode] = resp;
      }
      op.responses = Object.keys(responses).length ? responses : { '200': { description: '200 response' } };
      const security: Obj[] = [];
      if (m.apiKeyRequired) {
        usesApiKey = true;
        security.push({ api_key: [] });
      }
      if ((m.authorizationType === 'CUSTOM' || m.authorizationType === 'COGNITO_USER_POOLS') && m.authorizerId && snap.authorizers[m.authorizerId]) {
        const a = snap.authorizers[m.authorizerId]!;
        security.push({ [a.name]: m.authorizationScopes ?? [] });
      }
      if (m.authorizationType === 'AWS_IAM') {
        security.push({ sigv4: [] });
        schemes.sigv4 = { type: 'apiKey', name: 'Authorization', in: 'header', 'x-amazon-apigateway-authtype': 'awsSigv4' };
      }
      if (security.length) op.security = security;
      if (withIntegrations && m.methodIntegration) {
        const i = m.methodIntegration;
        const x: Obj = { type: i.type.toLowerCase() };
        if (i.httpMethod) x.httpMethod = i.httpMethod;
        if (i.uri) x.uri = i.uri;
        if (i.requestParameters) x.requestParameters = i.requestParameters;
        if (i.requestTemplates) x.requestTemplates = i.requestTemplates;
        x.passthroughBehavior = (i.passthroughBehavior ?? 'WHEN_NO_MATCH').toLowerCase();
        if (i.contentHandling) x.contentHandling = i.contentHandling;
        if (i.timeoutInMillis !== 29000) x.timeoutInMillis = i.timeoutInMillis;
        if (i.cacheKeyParameters.length) x.cacheKeyParameters = i.cacheKeyParameters;
        const rs = Object.values(i.integrationResponses ?? {});
        if (rs.length) {
          x.responses = Object.fromEntries(
            rs.map((ir) => [
              ir.selectionPattern ?? 'default',
              { statusCode: ir.statusCode, ...(ir.responseParameters ? { responseParameters: ir.responseParameters } : {}), ...(ir.responseTemplates ? { responseTemplates: ir.responseTemplates } : {}) },
            ]),
          );
        }
        op['x-amazon-apigateway-integration'] = x;
      }
      if (withIntegrations && m.requestValidatorId && snap.validators[m.requestValidatorId]?.name) op['x-amazon-apigateway-request-validator'] = snap.validators[m.requestValidatorId]!.name;
      item[m.httpMethod === 'ANY' ? 'x-amazon-apigateway-any-method' : m.httpMethod.toLowerCase()] = op;
    }
    paths[r.path] = item;
  }
  if (usesApiKey) schemes.api_key = { type: 'apiKey', name: 'x-api-key', in: 'header' };
  for (const a of Object.values(snap.authorizers)) {
    const header = /^method\.request\.header\.(.+)$/.exec(a.identitySource ?? '')?.[1];
    schemes[a.name] = {
      type: 'apiKey',
      name: header ?? 'Unused',
      in: 'header',
      'x-amazon-apigateway-authtype': a.type === 'COGNITO_USER_POOLS' ? 'cognito_user_pools' : 'custom',
      ...(withIntegrations
        ? {
            'x-amazon-apigateway-authorizer': {
              type: a.type.toLowerCase(),
              ...(a.providerARNs ? { providerARNs: a.providerARNs } : {}),
              ...(a.authorizerUri ? { authorizerUri: a.authorizerUri } : {}),
              ...(a.identitySource ? { identitySource: a.identitySource } : {}),
              ...(a.identityValidationExpression ? { identityValidationExpression: a.identityValidationExpression } : {}),
              authorizerResultTtlInSeconds: a.authorizerResultTtlInSeconds,
            },
          }
        : {}),
    };
  }
  const models: Obj = {};
  for (const m of Object.values(snap.models)) {
    try {
      models[m.name] = fromModelUrl(JSON.parse(m.schema ?? '{}'));
    } catch {
      models[m.name] = {};
    }
  }
  const info = { title: api.name, ...(api.description ? { description: api.description } : {}), version: api.version ?? new Date(api.createdDate).toISOString().replace(/\.\d+Z$/, 'Z') };
  const out: Obj = oas3
    ? { openapi: '3.0.1', info, servers: [{ url: `https://${api.id}.execute-api.${region}.amazonaws.com/{basePath}`, variables: { basePath: { default: stage } } }], paths, components: { schemas: models } }
    : { swagger: '2.0', info, host: `${api.id}.execute-api.${region}.amazonaws.com`, basePath: `/${stage}`, schemes: ['https'], paths, definitions: models };
  if (Object.keys(schemes).length) {
    if (oas3) out.components.securitySchemes = schemes;
    else out.securityDefinitions = schemes;
  }
  if (withIntegrations) {
    if (snap.binaryMediaTypes.length) out['x-amazon-apigateway-binary-media-types'] = snap.binaryMediaTypes;
    if (snap.apiKeySource !== 'HEADER') out['x-amazon-apigateway-api-key-source'] = snap.apiKeySource;
    const validators = Object.values(snap.validators);
    if (validators.length) out['x-amazon-apigateway-request-validators'] = Object.fromEntries(validators.map((v) => [v.name ?? v.id, { validateRequestBody: v.validateRequestBody, validateRequestParameters: v.validateRequestParameters }]));
    const gr = Object.values(snap.gatewayResponses);
    if (gr.length) out['x-amazon-apigateway-gateway-responses'] = Object.fromEntries(gr.map((g) => [g.responseType, { ...(g.statusCode ? { statusCode: g.statusCode } : {}), responseParameters: g.responseParameters, responseTemplates: g.responseTemplates }]));
  }
  return out;
}
