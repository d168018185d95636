import type * as Yaml from 'yaml';
import { lazyModule } from '../../core/lazy.js';

const yaml = lazyModule<typeof Yaml>('yaml');
import { BadRequestException } from '../../generated/apigatewayv2.js';
import { newId } from './core.js';
import { checkRouteKey, parseHttpRouteKey } from './route-keys.js';
import type { Scope } from './store.js';
import type { ApiDoc, AuthorizerDoc, CorsDoc, IntegrationDoc, RouteDoc, StageDoc } from './types.js';

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'];
const ANY = 'x-amazon-apigateway-any-method';

/** An HTTP API as OpenAPI 3.0 with API Gateway's extensions (ExportApi). */
export function exportOpenApi(doc: ApiDoc, scope: Scope, stage: StageDoc | undefined, extensions: boolean): Record<string, unknown> {
  const api = doc.api;
  const out: Record<string, unknown> = {
    openapi: '3.0.1',
    info: { title: api.Name, version: api.Version ?? new Date(api.CreatedDate).toISOString().replace(/\.\d{3}Z$/, 'Z'), ...(api.Description ? { description: api.Description } : {}) },
  };
  const basePath = stage && stage.StageName !== '$default' ? stage.StageName : '';
  out.servers = [{ url: `https://${api.ApiId}.execute-api.${scope.region}.amazonaws.com/{basePath}`, variables: { basePath: { default: basePath } } }];
  const paths: Record<string, Record<string, unknown>> = {};
  const schemes: Record<string, unknown> = {};
  for (const route of Object.values(doc.routes)) {
    let path: string;
    let method: string;
    let parameters: string[] = [];
    if (route.RouteKey === '$default') {
      path = '$default';
      method = ANY;
    } else {
      const key = parseHttpRouteKey(route.RouteKey);
      if ('error' in key) continue;
      path = route.RouteKey.slice(route.RouteKey.indexOf(' ') + 1);
      method = key.method === 'ANY' ? ANY : key.method.toLowerCase();
      parameters = key.segments.filter((s): s is { name: string; greedy?: boolean } => typeof s !== 'string').map((s) => (s.greedy ? `${s.name}+` : s.name));
    }
    const op: Record<string, unknown> = { responses: { default: { description: `Default response for ${route.RouteKey}` } } };
    if (parameters.length) op.parameters = parameters.map((name) => ({ name, in: 'path', description: `Generated path parameter for ${name}`, required: true, schema: { type: 'string' } }));
    if (route.OperationName) op.operationId = route.OperationName;
    const authorizer = route.AuthorizerId ? doc.authorizers[route.AuthorizerId] : undefined;
    if (authorizer) {
      op.security = [{ [authorizer.Name]: route.AuthorizationScopes ?? [] }];
      schemes[authorizer.Name] = securityScheme(authorizer, extensions);
    } else if (route.AuthorizationType === 'AWS_IAM') {
      op.security = [{ sigv4: [] }];
      schemes.sigv4 = { type: 'apiKey', name: 'Authorization', in: 'header', ...(extensions ? { 'x-amazon-apigateway-authtype': 'awsSigv4' } : {}) };
    }
    const target = /^integrations\/(.+)$/.exec(route.Target ?? '');
    const integration = target ? doc.integrations[target[1]!] : undefined;
    if (integration && extensions) op['x-amazon-apigateway-integration'] = integrationOut(integration);
    (paths[path] ??= {})[method] = op;
  }
  out.paths = paths;
  if (Object.keys(schemes).length) out.components = { securitySchemes: schemes };
  if (extensions) {
    if (api.CorsConfiguration) out['x-amazon-apigateway-cors'] = corsOut(api.CorsConfiguration);
    out['x-amazon-apigateway-importexport-version'] = '1.0';
  }
  return out;
}

function integrationOut(i: IntegrationDoc): Record<string, unknown> {
  const out: Record<string, unknown> = {
    payloadFormatVersion: i.PayloadFormatVersion,
    type: i.IntegrationType.toLowerCase(),
    httpMethod: i.IntegrationMethod,
    uri: i.IntegrationUri,
    connectionType: i.ConnectionType ?? 'INTERNET',
  };
  if (i.TimeoutInMillis !== undefined) out.timeoutInMillis = i.TimeoutInMillis;
  if (i.RequestParameters) out.requestParameters = i.RequestParameters;
  if (i.ResponseParameters) out.responseParameters = i.ResponseParameters;
  if (i.CredentialsArn) out.credentials = i.CredentialsArn;
  return out;
}

function securityScheme(a: AuthorizerDoc, extensions: boolean): Record<string, unknown> {
  if (a.AuthorizerType === 'JWT') {
    const ext = { type: 'jwt', jwtConfiguration: { issuer: a.JwtConfiguration?.Issuer, audience: a.JwtConfiguration?.Audience ?? [] }, identitySource: a.IdentitySource?.[0] };
    return { type: 'oauth2', flows: {}, ...(extensions ? { 'x-amazon-apigateway-authorizer': ext } : {}) };
  }
  const ext: Record<string, unknown> = {
    type: 'request',
    identitySource: (a.IdentitySource ?? []).join(','),
    authorizerUri: a.AuthorizerUri,
    authorizerPayloadFormatVersion: a.AuthorizerPayloadFormatVersion,
    authorizerResultTtlInSeconds: a.AuthorizerResultTtlInSeconds ?? 0,
  };
  if (a.EnableSimpleResponses !== undefined) ext.enableSimpleResponses = a.EnableSimpleResponses;
  return { type: 'apiKey', name: 'Unused', in: 'header', ...(extensions ? { 'x-amazon-apigateway-authorizer': ext } : {}) };
}

function corsOut(c: CorsDoc): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (c.AllowOrigins) out.allowOrigins = c.AllowOrigins;
  if (c.AllowMethods) out.allowMethods = c.AllowMethods;
  if (c.AllowHeaders) out.allowHeaders = c.AllowHeaders;
  if (c.ExposeHeaders) out.exposeHeaders = c.ExposeHeaders;
  if (c.MaxAge !== undefined) out.maxAge = c.MaxAge;
  if (c.AllowCredentials !== undefined) out.allowCredentials = c.AllowCredentials;
  return out;
}

/** What an OpenAPI definition makes of an HTTP API (ImportApi, ReimportApi). */
export interface Imported {
  name: string;
  version?: string;
  description?: string;
  cors?: CorsDoc;
  routes: Record<string, RouteDoc>;
  integrations: Record<string, IntegrationDoc>;
  authorizers: Record<string, AuthorizerDoc>;
  warnings: string[];
}

type Obj = Record<string, any>;

export function importOpenApi(body: string, failOnWarnings: boolean): Imported {
  let spec: Obj;
  try {
    spec = (body.trimStart().startsWith('{') ? JSON.parse(body) : yaml().parse(body)) as Obj;
  } catch (e) {
    throw new BadRequestException(`Invalid OpenAPI input: ${(e as Error).message}`);
  }
  if (!spec || typeof spec !== 'object' || typeof spec.openapi !== 'string' || !spec.openapi.startsWith('3.')) {
    throw new BadRequestException('Only OpenAPI 3.0 definitions are supported for HTTP APIs.');
  }
  const name = spec.info?.title;
  if (typeof name !== 'string' || name === '') throw new BadRequestException('The API name (info.title) is required.');
  const warnings: string[] = [];
  const routes: Record<string, RouteDoc> = {};
  const integrations: Record<string, IntegrationDoc> = {};
  const authorizers: Record<string, AuthorizerDoc> = {};
  const byScheme = new Map<string, AuthorizerDoc>();
  const schemes: Obj = spec.components?.securitySchemes ?? {};
  for (const [schemeName, scheme] of Object.entries(schemes) as [string, Obj][]) {
    const ext = scheme?.['x-amazon-apigateway-authorizer'];
    if (!ext) continue;
    const a: AuthorizerDoc =
      String(ext.type).toLowerCase() === 'jwt'
        ? {
            AuthorizerId: newId(),
            AuthorizerType: 'JWT',
            Name: schemeName,
            IdentitySource: [ext.identitySource ?? '$request.header.Authorization'],
            JwtConfiguration: { Issuer: ext.jwtConfiguration?.issuer, Audience: ext.jwtConfiguration?.audience ?? [] },
          }
        : {
            AuthorizerId: newId(),
            AuthorizerType: 'REQUEST',
            Name: schemeName,
            IdentitySource: String(ext.identitySource ?? '')
              .split(',')
              .map((s: string) => s.trim())
              .filter((s: string) => s !== ''),
            AuthorizerUri: ext.authorizerUri,
            AuthorizerPayloadFormatVersion: ext.authorizerPayloadFormatVersion ?? '2.0',
            AuthorizerResultTtlInSeconds: ext.authorizerResultTtlInSeconds ?? 0,
            ...(ext.enableSimpleResponses !== undefined ? { EnableSimpleResponses: !!ext.enableSimpleResponses } : {}),
          };
    authorizers[a.AuthorizerId] = a;
    byScheme.set(schemeName, a);
  }
  for (const [path, item] of Object.entries((spec.paths ?? {}) as Obj)) {
    for (const [method, op] of Object.entries(item as Obj) as [string, Obj][]) {
      if (method !== ANY && !METHODS.includes(method)) continue;
      const routeKey = path === '$default' ? '$default' : `${method === ANY ? 'ANY' : method.toUpperCase()} ${path}`;
      try {
        checkRouteKey('HTTP', routeKey);
      } catch (e) {
        warnings.push(`Unable to create route ${routeKey}: ${(e as Error).message}`);
        continue;
      }
      const route: RouteDoc = { RouteId: newId(), RouteKey: routeKey, ApiKeyRequired: false, AuthorizationType: 'NONE' };
      if (op?.operationId) route.OperationName = String(op.operationId);
      const ext = op?.['x-amazon-apigateway-integration'];
      if (ext) {
        const type = String(ext.type ?? '').toUpperCase();
        const i: IntegrationDoc = {
          IntegrationId: newId(),
          IntegrationType: type,
          IntegrationUri: ext.uri,
          IntegrationMethod: ext.httpMethod ?? (type === 'AWS_PROXY' ? 'POST' : 'ANY'),
          PayloadFormatVersion: ext.payloadFormatVersion ?? (type === 'AWS_PROXY' ? '2.0' : '1.0'),
          ConnectionType: ext.connectionType ?? 'INTERNET',
          TimeoutInMillis: ext.timeoutInMillis ?? 30000,
        };
        if (ext.requestParameters) i.RequestParameters = ext.requestParameters;
        if (ext.responseParameters) i.ResponseParameters = ext.responseParameters;
        if (ext.credentials) i.CredentialsArn = ext.credentials;
        if (type !== 'AWS_PROXY' && type !== 'HTTP_PROXY') {
          warnings.push(`Unsupported integration type ${type} for route ${routeKey}`);
        } else {
          integrations[i.IntegrationId] = i;
          route.Target = `integrations/${i.IntegrationId}`;
        }
      }
      const security = (op?.security ?? spec.security) as Obj[] | undefined;
      const first = security?.[0] ? Object.entries(security[0])[0] : undefined;
      if (first) {
        const a = byScheme.get(first[0]);
        if (a) {
          route.AuthorizationType = a.AuthorizerType === 'JWT' ? 'JWT' : 'CUSTOM';
          route.AuthorizerId = a.AuthorizerId;
          if (Array.isArray(first[1]) && first[1].length) route.AuthorizationScopes = first[1].map(String);
        } else if (schemes[first[0]]?.['x-amazon-apigateway-authtype'] === 'awsSigv4') {
          route.AuthorizationType = 'AWS_IAM';
        } else {
          warnings.push(`Unknown security scheme ${first[0]} for route ${routeKey}`);
        }
      }
      routes[route.RouteId] = route;
    }
  }
  if (failOnWarnings && warnings.length) throw new BadRequestException(`Warnings found during import:\n\t${warnings.join('\n\t')}`);
  const c = spec['x-amazon-apigateway-cors'] as Obj | undefined;
  const cors: CorsDoc | undefined = c
    ? {
        ...(c.allowOrigins ? { AllowOrigins: c.allowOrigins } : {}),
        ...(c.allowMethods ? { AllowMethods: c.allowMethods } : {}),
        ...(c.allowHeaders ? { AllowHeaders: c.allowHeaders } : {}),
        ...(c.exposeHeaders ? { ExposeHeaders: c.exposeHeaders } : {}),
        ...(c.maxAge !== undefined ? { MaxAge: c.maxAge } : {}),
        ...(c.allowCredentials !== undefined ? { AllowCredentials: c.allowCredentials } : {}),
      }
    : undefined;
  return { name, version: spec.info?.version, description: spec.info?.description, cors, routes, integrations, authorizers, warnings };
}
