import { percentDecode } from '../../../core/http.js';
import { methodSettingKey } from '../common.js';
import { defaultMethodSetting } from '../defaults.js';
import type { MethodSettingDoc } from '../types.js';
import { jsonPath } from '../vtl.js';
import { headerValue, queryMaps } from './http-util.js';
import type { MethodRequest, StageRequest } from './types.js';

/** $context.requestTime's format: `25/Nov/2026:10:00:00 +0000`. */
export function requestTime(ms: number): string {
  const d = new Date(ms);
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  const p = (n: number) => String(n).padStart(2, '0');
  return `${p(d.getUTCDate())}/${months[d.getUTCMonth()]}/${d.getUTCFullYear()}:${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())} +0000`;
}

/** The verb the method serves this request as: an ANY method serves the request's own. */
export function methodVerb(req: MethodRequest): string {
  return req.method.httpMethod === 'ANY' ? req.stageRequest.method : req.method.httpMethod;
}

/** The stage's method settings for a request: the method's own entry, else the stage-wide one, else the defaults. */
export interface MethodSettings {
  /** The methodSettings key, `{resource path with ~1 for /}/{verb}`. */
  key: string;
  /** The method's own entry, when it has one. */
  own: MethodSettingDoc | undefined;
  effective: MethodSettingDoc;
}

export function methodSettings(req: MethodRequest): MethodSettings {
  const all = req.dep.stage.methodSettings;
  const key = methodSettingKey(req.resource.path, methodVerb(req));
  const own = all[key];
  return { key, own, effective: own ?? all['*/*'] ?? defaultMethodSetting() };
}

/** What a MethodRequest starts from; the query maps, identity and stage variables are derived. */
export type MethodRequestInit = Omit<MethodRequest, 'query' | 'multiQuery' | 'identity' | 'stageVariables' | 'authorizer' | 'apiKey' | 'requestOverride'>;

export function newMethodRequest(init: MethodRequestInit): MethodRequest {
  return { ...init, ...queryMaps(init.stageRequest.rawQuery), identity: baseIdentity(init.stageRequest, init.headers), stageVariables: init.dep.stage.variables ?? {} };
}

/** $context.identity before authentication fills it in. */
function baseIdentity(request: StageRequest, headers: Record<string, string>): Record<string, unknown> {
  return {
    cognitoIdentityPoolId: null,
    accountId: null,
    cognitoIdentityId: null,
    caller: null,
    sourceIp: request.sourceIp,
    principalOrgId: null,
    accessKey: null,
    cognitoAuthenticationType: null,
    cognitoAuthenticationProvider: null,
    userArn: null,
    userAgent: headerValue(headers, 'user-agent') ?? null,
    user: null,
  };
}

/** The $context variables known once the method is matched, for templates and logs. */
export function contextExtras(req: MethodRequest): Record<string, unknown> {
  return {
    resourceId: req.resource.id,
    resourcePath: req.resource.path,
    httpMethod: req.stageRequest.method,
    deploymentId: req.dep.stage.deploymentId,
    isCanaryRequest: !!req.dep.isCanary,
    identity: req.identity,
    authorizer: req.authorizer?.claims ? { claims: req.authorizer.claims } : req.authorizer ? { principalId: req.authorizer.principalId, ...req.authorizer.context } : undefined,
  };
}

/** The requestContext of Lambda proxy and REQUEST authorizer events. */
export function requestContext(req: MethodRequest): Record<string, unknown> {
  const d = req.dep;
  const ctx: Record<string, unknown> = {
    resourceId: req.resource.id,
    resourcePath: req.resource.path,
    httpMethod: req.stageRequest.method,
    extendedRequestId: req.extendedRequestId,
    requestTime: requestTime(req.receivedAt),
    path: `/${d.stageName}${percentDecode(req.stageRequest.path)}`,
    accountId: d.scope.accountId,
    protocol: 'HTTP/1.1',
    stage: d.stageName,
    domainPrefix: req.stageRequest.domainName.split('.')[0],
    requestTimeEpoch: req.receivedAt,
    requestId: req.requestId,
    identity: req.identity,
    domainName: req.stageRequest.domainName,
    deploymentId: d.stage.deploymentId,
    apiId: d.apiId,
  };
  if (req.authorizer?.claims) ctx.authorizer = { claims: req.authorizer.claims };
  else if (req.authorizer) ctx.authorizer = { ...req.authorizer.context, principalId: req.authorizer.principalId, integrationLatency: 0 };
  return ctx;
}

/** Reads a mapping source: method.request.*, stageVariables.*, context.*, 'literal'. */
export function paramSource(req: MethodRequest, source: string): string | undefined {
  const s = source.trim();
  if (s.length >= 2 && s.startsWith("'") && s.endsWith("'")) return s.slice(1, -1);
  let m = /^method\.request\.(path|querystring|header|multivaluequerystring|multivalueheader)\.(.+)$/.exec(s);
  if (m) {
    const name = m[2]!;
    switch (m[1]) {
      case 'path':
        return req.pathParameters[name];
      case 'querystring':
        return req.query[name];
      case 'multivaluequerystring':
        return req.multiQuery[name]?.join(',');
      case 'header':
        return headerValue(req.headers, name);
      default: {
        const lower = name.toLowerCase();
        for (const [k, v] of Object.entries(req.multiHeaders)) if (k.toLowerCase() === lower) return v.join(',');
        return undefined;
      }
    }
  }
  if (s === 'method.request.body') return req.stageRequest.body.toString('utf8');
  m = /^method\.request\.body\.(.+)$/.exec(s);
  if (m) {
    try {
      const v = jsonPath(JSON.parse(req.stageRequest.body.toString('utf8')), '$.' + m[1]);
      return v === undefined ? undefined : typeof v === 'string' ? v : JSON.stringify(v);
    } catch {
      return undefined;
    }
  }
  m = /^stageVariables\.(.+)$/.exec(s);
  if (m) return req.stageVariables[m[1]!];
  m = /^context\.(.+)$/.exec(s);
  if (m) {
    const v = valueAt({ ...requestContext(req), ...contextExtras(req) }, m[1]!);
    return v === undefined || v === null ? undefined : String(v);
  }
  return undefined;
}

/** The value at a dotted path (`identity.sourceIp`) in nested objects. */
export function valueAt(root: unknown, dottedPath: string): unknown {
  let v = root;
  for (const part of dottedPath.split('.')) v = v !== null && typeof v === 'object' ? (v as Record<string, unknown>)[part] : undefined;
  return v;
}
