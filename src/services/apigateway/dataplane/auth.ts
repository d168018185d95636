import { randomUUID } from 'node:crypto';
import { arnFor } from '../../../aws/arn.js';
import { parsePolicy, wildcardMatch, type PolicyStatement } from '../../../aws/iam-policy.js';
import { invokeDenial, signedCaller, type IamCaller } from '../../execute-api/iam.js';
import { percentDecode } from '../../../core/http.js';
import type { Platform } from '../../service.js';
import { GatewayError } from '../gateway-responses.js';
import { matchRoute } from '../router.js';
import type { AuthorizerDoc, Snapshot } from '../types.js';
import { PerStageCache, stageKey } from './cache.js';
import { CognitoAuthorizer, stringClaims } from './cognito.js';
import { fullMatch, headerMaps } from './http-util.js';
import { functionArnOf, LambdaUnavailable, type InvokeLambda, type LambdaResult, type LambdaTarget } from './integrations/lambda.js';
import { newMethodRequest, paramSource, requestContext } from './request-context.js';
import type { AuthorizerResult, Deployed, MethodRequest, StageRequest } from './types.js';

/**
 * Who may call a method: the API's resource policy, AWS_IAM (SigV4), COGNITO_USER_POOLS, and Lambda authorizers (TOKEN
 * and REQUEST, results cached per stage for their TTL). `callLambdaAuthorizer` takes plain values so
 * HTTP and WebSocket APIs can use it too.
 */
export class MethodAuthorization {
  private readonly policies = new WeakMap<Snapshot, PolicyStatement[] | undefined>();
  private readonly results = new PerStageCache<AuthorizerResult>();
  private readonly cognito: CognitoAuthorizer;

  constructor(
    private readonly platform: Platform,
    private readonly invoke: InvokeLambda,
  ) {
    this.cognito = new CognitoAuthorizer(platform);
  }

  /** FlushStageAuthorizersCache. */
  flush(apiId: string, stageName: string): void {
    this.results.flush(stageKey(apiId, stageName));
  }

  async authenticate(req: MethodRequest): Promise<void> {
    const type = req.method.authorizationType;
    const caller = type === 'AWS_IAM' ? await this.verifyIam(req) : undefined;
    if (type === 'AWS_IAM' || req.dep.snapshot.policy) await this.checkInvoke(req, caller);
    if (type === 'CUSTOM') return this.runAuthorizer(req);
    if (type === 'COGNITO_USER_POOLS') return this.runCognitoAuthorizer(req);
  }

  /** execute-api:Invoke: the caller's IAM policies (AWS_IAM, `--iam enforce`) and the API's resource policy (execute-api/iam.ts). */
  private async checkInvoke(req: MethodRequest, caller: IamCaller | undefined): Promise<void> {
    const snap = req.dep.snapshot;
    let statements = this.policies.get(snap);
    if (statements === undefined && !this.policies.has(snap)) {
      statements = snap.policy ? parsePolicy(snap.policy) : undefined;
      this.policies.set(snap, statements);
    }
    const { scope, apiId } = req.dep;
    const denial = await invokeDenial(this.platform, caller, {
      methodArn: methodArn(req),
      sourceIp: req.stageRequest.sourceIp,
      ...(statements ? { policy: statements } : {}),
      // The execute-api:/{stage}/{METHOD}/{path} shorthand names this API.
      expandResource: (r) => (r.startsWith('execute-api:/') ? arnFor('execute-api', scope, `${apiId}/${r.slice('execute-api:/'.length)}`) : r),
    });
    if (denial) throw new GatewayError('ACCESS_DENIED', denial);
  }

  /** AWS_IAM: the request's SigV4 signature for execute-api, by a configured key, an IAM user's or an STS session's. */
  private async verifyIam(req: MethodRequest): Promise<IamCaller> {
    const original = req.stageRequest.original;
    const signed = original ? await signedCaller(this.platform, original) : { refused: 'missing' as const, message: 'Missing Authentication Token' };
    if ('refused' in signed) {
      const type = { missing: 'MISSING_AUTHENTICATION_TOKEN', expiredToken: 'EXPIRED_TOKEN' }[signed.refused as string] ?? 'INVALID_SIGNATURE';
      throw new GatewayError(type, signed.message, 403);
    }
    const c = signed.caller;
    req.identity = { ...req.identity, accountId: c.accountId, accessKey: c.accessKey, caller: c.caller, user: c.user, userArn: c.userArn };
    return c;
  }

  private async runCognitoAuthorizer(req: MethodRequest): Promise<void> {
    const a = req.method.authorizerId ? req.dep.snapshot.authorizers[req.method.authorizerId] : undefined;
    if (!a) throw authorizerConfigurationError();
    const token = paramSource(req, a.identitySource || 'method.request.header.Authorization');
    if (!token) throw new GatewayError('UNAUTHORIZED', 'Unauthorized');
    const claims = await this.cognito.verify(a, token, req.method.authorizationScopes);
    if (!claims) throw new GatewayError('UNAUTHORIZED', 'Unauthorized');
    req.authorizer = { claims: stringClaims(claims), principalId: typeof claims.sub === 'string' ? claims.sub : undefined, context: {}, statements: [], expires: 0 };
  }

  private async runAuthorizer(req: MethodRequest): Promise<void> {
    const a = req.method.authorizerId ? req.dep.snapshot.authorizers[req.method.authorizerId] : undefined;
    if (!a) throw authorizerConfigurationError();
    const values = identityValues(req, a);
    if (!values || (a.type === 'TOKEN' && values.length === 0)) throw new GatewayError('UNAUTHORIZED', 'Unauthorized');
    if (a.type === 'TOKEN' && a.identityValidationExpression && !fullMatch(a.identityValidationExpression, values[0]!)) throw new GatewayError('UNAUTHORIZED', 'Unauthorized');
    const ttl = a.authorizerResultTtlInSeconds ?? 300;
    const stage = stageKey(req.dep.apiId, req.dep.stageName);
    const cacheKey = `${a.id}\u0000${values.join('\u0000')}`;
    const now = this.platform.clock.now();
    let result = ttl > 0 ? this.results.get(stage, cacheKey) : undefined;
    if (result && result.expires <= now) result = undefined;
    if (!result) {
      result = await this.callAuthorizer(req, a, values);
      if (ttl > 0) {
        result.expires = this.platform.clock.now() + ttl * 1000;
        this.results.set(stage, cacheKey, result);
      }
    } else req.log.lines.push('Authorizer result served from the cache');
    const arn = methodArn(req);
    const applies = (s: AuthorizerResult['statements'][number]) =>
      s.actions.some((x) => wildcardMatch(x, 'execute-api:Invoke')) && s.resources.some((r) => wildcardMatch(r, arn));
    if (result.statements.some((s) => s.effect === 'Deny' && applies(s))) throw new GatewayError('ACCESS_DENIED', 'User is not authorized to access this resource with an explicit deny');
    if (!result.statements.some((s) => s.effect === 'Allow' && applies(s))) throw new GatewayError('ACCESS_DENIED', 'User is not authorized to access this resource');
    req.authorizer = result;
  }

  private callAuthorizer(req: MethodRequest, a: AuthorizerDoc, values: string[]): Promise<AuthorizerResult> {
    const target = { scope: req.dep.scope, uri: a.authorizerUri, stageVariables: req.stageVariables };
    return callLambdaAuthorizer(this.invoke, target, authorizerEvent(req, a, values));
  }

  /** TestInvokeAuthorizer: runs an authorizer once (no cache) for a simulated request. */
  async test(dep: Deployed, authorizerId: string, request: StageRequest): Promise<Record<string, unknown>> {
    const a = dep.snapshot.authorizers[authorizerId];
    const started = Date.now();
    const match = dep.root ? matchRoute(dep.root, request.path) : undefined;
    const resources = dep.snapshot.resources;
    const resource = match?.resource ?? resources[Object.keys(resources).find((k) => resources[k]!.path === '/')!]!;
    const req = newMethodRequest({
      dep,
      stageRequest: request,
      requestId: randomUUID(),
      extendedRequestId: 'test-invoke-extended-request-id',
      receivedAt: this.platform.clock.now(),
      resource,
      method: { httpMethod: request.method, authorizationType: 'CUSTOM', authorizerId, apiKeyRequired: false },
      pathParameters: match?.pathParameters ?? {},
      ...headerMaps(request.rawHeaders),
      log: { lines: [] },
    });
    const done = (clientStatus: number, extra: Record<string, unknown> = {}) => ({ clientStatus, latency: Date.now() - started, log: req.log.lines.join('\n'), ...extra });
    if (!a) return done(500);
    if (a.type === 'COGNITO_USER_POOLS') {
      const token = paramSource(req, a.identitySource || 'method.request.header.Authorization');
      const claims = token ? await this.cognito.verify(a, token, undefined) : undefined;
      return claims ? done(200, { claims: stringClaims(claims) }) : done(401);
    }
    const values = identityValues(req, a);
    if (!values || (a.type === 'TOKEN' && values.length === 0)) return done(401);
    if (a.type === 'TOKEN' && a.identityValidationExpression && !fullMatch(a.identityValidationExpression, values[0]!)) return done(401);
    try {
      const r = await this.callAuthorizer(req, a, values);
      const policy = { Version: '2012-10-17', Statement: r.statements.map((st) => ({ Action: st.actions, Effect: st.effect, Resource: st.resources })) };
      const authorization: Record<string, string[]> = {};
      for (const [k, v] of Object.entries(r.context)) authorization[k] = [String(v)];
      return done(200, { principalId: r.principalId, policy: JSON.stringify(policy), authorization });
    } catch (e) {
      if (e instanceof GatewayError) return done(e.type === 'UNAUTHORIZED' ? 401 : 500);
      throw e;
    }
  }
}

/** arn:aws:execute-api:{region}:{account}:{apiId}/{stage}/{METHOD}/{path}: what policies and authorizers see. */
function methodArn(req: MethodRequest): string {
  const d = req.dep;
  const { method, path } = req.stageRequest;
  return arnFor('execute-api', d.scope, `${d.apiId}/${d.stageName}/${method}${path === '/' ? '/' : path}`);
}

/** The values of the authorizer's identity sources; undefined when one is missing or empty. */
function identityValues(req: MethodRequest, a: AuthorizerDoc): string[] | undefined {
  if (!a.identitySource) return [];
  const out: string[] = [];
  for (const src of a.identitySource.split(',').map((s) => s.trim())) {
    const v = paramSource(req, src);
    if (v === undefined || v === '') return undefined;
    out.push(v);
  }
  return out;
}

/** The REST API's authorizer event: the token, or (REQUEST) the request's parts. */
function authorizerEvent(req: MethodRequest, a: AuthorizerDoc, values: string[]): Record<string, unknown> {
  if (a.type === 'TOKEN') return { type: 'TOKEN', methodArn: methodArn(req), authorizationToken: values[0] };
  return {
    type: 'REQUEST',
    methodArn: methodArn(req),
    resource: req.resource.path,
    path: percentDecode(req.stageRequest.path),
    httpMethod: req.stageRequest.method,
    headers: req.headers,
    multiValueHeaders: req.multiHeaders,
    queryStringParameters: req.query,
    multiValueQueryStringParameters: req.multiQuery,
    pathParameters: req.pathParameters,
    stageVariables: req.stageVariables,
    requestContext: requestContext(req),
  };
}

function authorizerConfigurationError(): GatewayError {
  return new GatewayError('AUTHORIZER_CONFIGURATION_ERROR', null, 500);
}

/**
 * Calls a Lambda authorizer with `event` and reads its answer: principalId, an IAM policy document,
 * a context of scalar values and an optional usage identifier key. A function that throws
 * 'Unauthorized' means 401; any other failure is the authorizer's configuration error (500).
 */
export async function callLambdaAuthorizer(invoke: InvokeLambda, target: LambdaTarget, event: unknown): Promise<AuthorizerResult> {
  const arn = functionArnOf(target.uri ?? '', target.stageVariables);
  if (!arn) throw authorizerConfigurationError();
  let out: LambdaResult;
  try {
    out = await invoke(target.scope, arn, Buffer.from(JSON.stringify(event)));
  } catch (e) {
    if (e instanceof LambdaUnavailable) throw authorizerConfigurationError();
    throw e;
  }
  let parsed: any;
  try {
    parsed = JSON.parse(out.payload.toString('utf8'));
  } catch {
    throw authorizerConfigurationError();
  }
  if (out.functionError) {
    if (parsed?.errorMessage === 'Unauthorized') throw new GatewayError('UNAUTHORIZED', 'Unauthorized');
    throw authorizerConfigurationError();
  }
  const policy = parsed?.policyDocument;
  if (!parsed || typeof parsed !== 'object' || !policy || typeof policy !== 'object' || parsed.principalId === undefined) throw authorizerConfigurationError();
  const list = <T>(v: T | T[] | undefined): T[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);
  const statements = list(policy.Statement as any).map((s: any) => ({ effect: String(s?.Effect ?? ''), actions: list(s?.Action).map(String), resources: list(s?.Resource).map(String) }));
  const context: Record<string, unknown> = {};
  for (const [k, v] of Object.entries((parsed.context ?? {}) as Record<string, unknown>)) {
    if (v !== null && typeof v === 'object') throw authorizerConfigurationError();
    context[k] = v;
  }
  return { principalId: String(parsed.principalId), context, usageIdentifierKey: parsed.usageIdentifierKey, statements, expires: 0 };
}
