import type { Clock } from '../../../core/clock.js';
import type { AuthorizerDoc, RouteDoc } from '../types.js';
import { eventV1, eventV2, jsonReply, queryPairs, type GatewayReply, type HttpCall } from './events.js';
import type { JwtVerifier } from './jwt.js';
import { functionArnOf, type LambdaCaller } from './lambda.js';

export type AuthOutcome = { ok: true; authorizer?: Record<string, unknown> } | { ok: false; reply: GatewayReply };

const UNAUTHORIZED = (headers: Record<string, string> = {}): AuthOutcome => ({ ok: false, reply: jsonReply(401, { message: 'Unauthorized' }, headers) });
const FORBIDDEN = (headers: Record<string, string> = {}): AuthOutcome => ({ ok: false, reply: jsonReply(403, { message: 'Forbidden' }, headers) });
const AUTH_ERROR = (): AuthOutcome => ({ ok: false, reply: jsonReply(500, { message: 'Internal Server Error' }) });

/** The value of one identity source of a request ($request.header.X, $request.querystring.X, $context.X, $stageVariables.X). */
export function identityValue(source: string, call: HttpCall): string | undefined {
  const m = /^\$?(?:route\.)?request\.(header|querystring)\.(.+)$/.exec(source);
  if (m) {
    if (m[1] === 'header') {
      const name = m[2]!.toLowerCase();
      const values = call.headerList.filter(([k]) => k === name).map(([, v]) => v);
      return values.length ? values.join(',') : undefined;
    }
    const values = queryPairs(call.rawQuery).filter(([k]) => k === m[2]).map(([, v]) => v);
    return values.length ? values.join(',') : undefined;
  }
  const s = /^\$stageVariables\.(.+)$/.exec(source);
  if (s) return call.stageVariables[s[1]!];
  const c = /^\$context\.(.+)$/.exec(source);
  if (c) {
    const context: Record<string, string> = { routeKey: call.routeKey, stage: call.stage, apiId: call.apiId, requestId: call.requestId, 'identity.sourceIp': call.sourceIp };
    return context[c[1]!];
  }
  return undefined;
}

/** API Gateway stringifies claims for the integration: numbers and booleans as text, arrays as "[a b]". */
function stringClaims(claims: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(claims)) out[k] = Array.isArray(v) ? `[${v.map(String).join(' ')}]` : typeof v === 'object' && v !== null ? JSON.stringify(v) : String(v);
  return out;
}

interface Cached {
  expires: number;
  outcome: AuthOutcome;
}

/** JWT and Lambda (REQUEST) authorizers of HTTP API routes, and REQUEST authorizers of WebSocket $connect routes. */
export class Authorizers {
  private readonly cache = new Map<string, Cached>();

  constructor(
    private readonly clock: Clock,
    private readonly jwt: JwtVerifier,
    private readonly lambda: LambdaCaller,
  ) {}

  flush(apiId: string): void {
    for (const k of this.cache.keys()) if (k.startsWith(`${apiId}/`)) this.cache.delete(k);
  }

  /** `format` is the payload format of the integration the authorizer's context goes to. */
  async authorize(route: RouteDoc, authorizer: AuthorizerDoc | undefined, call: HttpCall, format: string, websocket = false): Promise<AuthOutcome> {
    const type = route.AuthorizationType ?? 'NONE';
    if (type === 'NONE') return { ok: true };
    if (type === 'AWS_IAM') {
      const route = websocket ? call.routeKey : `${call.method}${pathOf(call.rawPath)}`;
      const check = call.iam ? await call.iam(route) : { ok: false as const, message: 'Missing Authentication Token', errorType: 'MissingAuthenticationTokenException' };
      if (!check.ok) return { ok: false, reply: jsonReply(403, { message: check.message }, { 'x-amzn-errortype': check.errorType }) };
      return { ok: true };
    }
    if (!authorizer) return AUTH_ERROR();
    if (type === 'JWT') return this.jwtAuthorize(route, authorizer, call, format);
    return this.lambdaAuthorize(authorizer, call, format, websocket);
  }

  private async jwtAuthorize(route: RouteDoc, a: AuthorizerDoc, call: HttpCall, format: string): Promise<AuthOutcome> {
    const raw = identityValue(a.IdentitySource?.[0] ?? '$request.header.Authorization', call);
    if (!raw) return UNAUTHORIZED({ 'www-authenticate': 'Bearer' });
    const token = raw.replace(/^Bearer\s+/i, '').trim();
    const result = await this.jwt.verify(token, a.JwtConfiguration?.Issuer ?? '', a.JwtConfiguration?.Audience ?? []);
    if (!result.ok) {
      const description = result.reason === 'expired' ? 'the token has expired' : result.reason === 'audience' ? 'the token does not have a valid audience' : 'the token is not valid';
      return UNAUTHORIZED({ 'www-authenticate': `Bearer scope="" error="invalid_token" error_description="${description}"` });
    }
    const wanted = route.AuthorizationScopes ?? [];
    if (wanted.length && !wanted.some((s) => result.scopes.includes(s))) {
      return FORBIDDEN({ 'www-authenticate': `Bearer scope="${wanted.join(' ')}" error="insufficient_scope" error_description="expected scopes: ${wanted.join(' ')}"` });
    }
    const claims = stringClaims(result.claims);
    const scopes = wanted.length ? result.scopes : null;
    return { ok: true, authorizer: format === '2.0' ? { jwt: { claims, scopes } } : { claims, scopes } };
  }

  private async lambdaAuthorize(a: AuthorizerDoc, call: HttpCall, format: string, websocket: boolean): Promise<AuthOutcome> {
    const sources = a.IdentitySource ?? [];
    const values: string[] = [];
    for (const s of sources) {
      const v = identityValue(s, call);
      if (v === undefined || v === '') return UNAUTHORIZED();
      values.push(v);
    }
    const ttl = (a.AuthorizerResultTtlInSeconds ?? 0) * 1000;
    const key = `${call.apiId}/${call.stage}/${a.AuthorizerId}/${JSON.stringify(values)}`;
    const now = this.clock.now();
    if (ttl > 0 && sources.length) {
      const hit = this.cache.get(key);
      if (hit && hit.expires > now) return hit.outcome;
    }
    const arn = functionArnOf(a.AuthorizerUri ?? '', call.stageVariables);
    if (!arn) return AUTH_ERROR();
    const version = a.AuthorizerPayloadFormatVersion ?? '1.0';
    const routeArn = `arn:aws:execute-api:${call.scope.region}:${call.scope.accountId}:${call.apiId}/${call.stage}/${websocket ? call.routeKey : `${call.method}${pathOf(call.rawPath)}`}`;
    const event = version === '2.0' ? authEventV2(call, routeArn, values) : authEventV1(call, routeArn, values, websocket);
    const out = await this.lambda.invoke(call.scope, arn, event, 10_000);
    if (out.kind !== 'ok') return AUTH_ERROR();
    let r: Record<string, unknown>;
    try {
      r = JSON.parse(out.payload.toString('utf8')) as Record<string, unknown>;
    } catch {
      return AUTH_ERROR();
    }
    if (!r || typeof r !== 'object') return AUTH_ERROR();
    let outcome: AuthOutcome;
    if (version === '2.0' && a.EnableSimpleResponses) {
      if (typeof r.isAuthorized !== 'boolean') return AUTH_ERROR();
      const context = (r.context && typeof r.context === 'object' ? r.context : {}) as Record<string, unknown>;
      outcome = r.isAuthorized ? { ok: true, authorizer: lambdaContext(context, format, undefined) } : FORBIDDEN();
    } else {
      const policy = r.policyDocument as { Statement?: unknown } | undefined;
      if (!policy || typeof policy !== 'object') return AUTH_ERROR();
      const allowed = policyAllows(policy.Statement, routeArn);
      const context = (r.context && typeof r.context === 'object' ? r.context : {}) as Record<string, unknown>;
      outcome = allowed ? { ok: true, authorizer: lambdaContext(context, format, r.principalId) } : FORBIDDEN();
    }
    if (ttl > 0 && sources.length) {
      if (this.cache.size > 10_000) this.cache.clear();
      this.cache.set(key, { expires: now + ttl, outcome });
    }
    return outcome;
  }
}

function pathOf(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

function lambdaContext(context: Record<string, unknown>, format: string, principalId: unknown): Record<string, unknown> {
  if (format === '2.0') return { lambda: context };
  return { ...context, ...(principalId !== undefined ? { principalId } : {}), integrationLatency: 0 };
}

function authEventV2(call: HttpCall, routeArn: string, identity: string[]): Record<string, unknown> {
  const e = eventV2(call);
  delete e.body;
  delete e.isBase64Encoded;
  return { version: '2.0', type: 'REQUEST', routeArn, identitySource: identity, ...e };
}

function authEventV1(call: HttpCall, methodArn: string, identity: string[], websocket: boolean): Record<string, unknown> {
  const e = eventV1(call);
  delete e.body;
  delete e.isBase64Encoded;
  const { version: _v, ...rest } = e;
  void _v;
  return websocket ? { type: 'REQUEST', methodArn, ...rest } : { version: '1.0', type: 'REQUEST', methodArn, identitySource: identity.join(','), authorizationToken: identity[0], ...rest };
}

/** Whether an IAM policy's statements allow execute-api:Invoke on `arn` (an explicit Deny wins). */
export function policyAllows(statements: unknown, arn: string): boolean {
  const list = Array.isArray(statements) ? statements : statements ? [statements] : [];
  let allowed = false;
  for (const s of list as Record<string, unknown>[]) {
    const actions = [s.Action].flat().map(String);
    const resources = [s.Resource].flat().map(String);
    if (!actions.some((a) => a === '*' || a === 'execute-api:*' || a === 'execute-api:Invoke')) continue;
    if (!resources.some((r) => wildcard(r, arn))) continue;
    if (s.Effect === 'Deny') return false;
    if (s.Effect === 'Allow') allowed = true;
  }
  return allowed;
}

function wildcard(pattern: string, value: string): boolean {
  const re = new RegExp(`^${pattern.split('*').map((p) => p.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`);
  return re.test(value);
}
