import { randomUUID } from 'node:crypto';
import { deflateSync, gzipSync } from 'node:zlib';
import { request as httpRequest, Agent as HttpAgent, type IncomingHttpHeaders } from 'node:http';
import { request as httpsRequest, Agent as HttpsAgent } from 'node:https';
import { checkSigV4Time, parseSigV4, verifySigV4 } from '../../aws/sigv4.js';
import { hostName, type HttpRequest, type ResponseSink } from '../../core/http.js';
import type { DataPlaneRoute, Platform } from '../service.js';
import { defaultMethodSetting } from './defaults.js';
import { GatewayError, renderGatewayResponse } from './gateway-responses.js';
import { functionArnOf, lambdaInvoker, LambdaUnavailable, type LambdaInvoke, type LambdaResult } from './lambda.js';
import { ModelValidators } from './models.js';
import { buildRoutes, matchRoute, methodFor, type RouteNode } from './router.js';
import type { Scope, Store } from './store.js';
import type { BasePathMappingDoc, DomainDoc, ApiKeyDoc, AuthorizerDoc, IntegrationDoc, MethodDoc, MethodSettingDoc, ResourceDoc, Snapshot, StageDoc, UsagePlanDoc } from './types.js';
import { inputVariable, jsonPath, renderTemplate } from './vtl.js';
import { methodSettingKey } from './common.js';
import { AwsServiceActions, UnsupportedServiceIntegration } from './aws-service.js';
import { dayOf, quotaPeriodStart } from './quota.js';
import { logWriterFor } from '../logs/store.js';
import { evaluatePolicy, maskedArn, parsePolicy } from './policy.js';

/** A request to a deployed API, as the pipeline sees it. */
export interface Call {
  method: string;
  /** Path inside the stage, percent-encoded, starting with '/'. */
  path: string;
  rawQuery: string;
  /** Original-case header pairs in arrival order. */
  rawHeaders: [string, string][];
  body: Buffer;
  sourceIp: string;
  domainName: string;
  /** The HTTP request as received (for SigV4 verification). */
  original?: HttpRequest;
}

export interface Reply {
  status: number;
  headers: Record<string, string | string[]>;
  body: Buffer;
}

export interface Deployed {
  scope: Scope;
  apiId: string;
  stageName: string;
  stage: StageDoc;
  snapshot: Snapshot;
  root: RouteNode | undefined;
  validators: ModelValidators;
  loadedAt: number;
  testInvoke?: boolean;
  /** The stage's canary deployment, when it has one. */
  canary?: Deployed;
  isCanary?: boolean;
}

interface CacheEntry {
  expires: number;
  reply: Reply;
}

interface AuthResult {
  principalId?: string;
  context: Record<string, unknown>;
  usageIdentifierKey?: string;
  expires: number;
  statements: { effect: string; actions: string[]; resources: string[] }[];
}

interface Bucket {
  tokens: number;
  last: number;
}

/** Set in a proxy integration's result to mean "serve this exact reply". */
interface ExecLog {
  lines: string[];
}

const HOST_RE = /^([a-z0-9]{1,64})\.execute-api\.(?:[a-z0-9-]+\.)?(?:localhost|amazonaws\.com)$/;
const PATH_PREFIX = '/restapis/';
const USER_REQUEST_RE = /^\/restapis\/([^/]+)\/([^/]+)\/_user_request_(\/.*)?$/;
const AWS_PATH_PREFIX = '/_aws/execute-api/';
const AWS_PATH_RE = /^\/_aws\/execute-api\/([^/]+)\/([^/]+)(\/.*)?$/;
const RELOAD_MS = 1000;
const MAX_CACHE_ENTRIES = 10000;
/** API Gateway's payload limit: 10 MB. */
const MAX_PAYLOAD_BYTES = 10 * 1024 * 1024;
const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'proxy-authenticate', 'proxy-authorization', 'te', 'trailer', 'transfer-encoding', 'upgrade', 'content-length', 'host']);

const httpAgent = new HttpAgent({ keepAlive: true, maxSockets: 256 });
const httpsAgent = new HttpsAgent({ keepAlive: true, maxSockets: 256 });

function mediaMatches(pattern: string, type: string): boolean {
  const p = pattern.trim().toLowerCase();
  const t = type.split(';')[0]!.trim().toLowerCase();
  if (p === '*/*') return true;
  if (p.endsWith('/*')) return t.startsWith(p.slice(0, -1));
  return p === t;
}

function fullMatch(pattern: string, text: string): boolean {
  try {
    return new RegExp(`^(?:${pattern})$`, 's').test(text);
  } catch {
    return false;
  }
}

function wildcard(pattern: string, text: string): boolean {
  const re = '^' + pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.') + '$';
  return new RegExp(re, 's').test(text);
}

function requestTime(ms: number): string {
  const d = new Date(ms);
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  const p = (n: number) => String(n).padStart(2, '0');
  return `${p(d.getUTCDate())}/${months[d.getUTCMonth()]}/${d.getUTCFullYear()}:${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())} +0000`;
}

export { quotaPeriodStart };

/** Everything known about the request once it has been matched to a method. */
interface Req {
  dep: Deployed;
  call: Call;
  requestId: string;
  extendedRequestId: string;
  receivedAt: number;
  resource: ResourceDoc;
  method: MethodDoc;
  pathParameters: Record<string, string>;
  query: Record<string, string>;
  multiQuery: Record<string, string[]>;
  headers: Record<string, string>;
  multiHeaders: Record<string, string[]>;
  identity: Record<string, unknown>;
  authorizer?: AuthResult & { principalId?: string };
  apiKey?: ApiKeyDoc;
  stageVariables: Record<string, string>;
  log: ExecLog;
  /** $context.requestOverride set by the request template (header, querystring, path). */
  requestOverride?: { header: Record<string, unknown>; querystring: Record<string, unknown>; path: Record<string, unknown> };
}

export class DataPlane {
  private readonly deployed = new Map<string, Deployed>();
  private readonly caches = new Map<string, Map<string, CacheEntry>>();
  private readonly authCaches = new Map<string, Map<string, AuthResult>>();
  private readonly buckets = new Map<string, Bucket>();
  private readonly invoke: (scope: Scope, arn: string, payload: Buffer) => Promise<LambdaResult>;
  private readonly actions: AwsServiceActions;
  private readonly certificates = new Map<string, { cert: string; key: string }>();
  private domains = new Map<string, DomainDoc & { scope: Scope }>();
  private domainsLoadedAt = 0;
  /** This node's log stream in access and execution log groups. */
  private readonly logStream = randomUUID().replace(/-/g, '');
  /** Bumped on every local change, so a load racing an invalidation is not kept. */
  private generation = 0;

  constructor(
    private readonly platform: Platform,
    private readonly store: Store,
    lambda?: LambdaInvoke,
  ) {
    this.invoke = lambdaInvoker(platform, lambda);
    this.actions = new AwsServiceActions(platform);
  }

  private get clock() {
    return this.platform.clock;
  }

  invalidate(apiId?: string): void {
    this.generation++;
    if (!apiId) this.deployed.clear();
    else for (const k of [...this.deployed.keys()]) if (k.startsWith(apiId + '/')) this.deployed.delete(k);
  }

  flushCache(apiId: string, stage: string): void {
    this.caches.delete(`${apiId}/${stage}`);
  }

  flushAuthorizers(apiId: string, stage: string): void {
    this.authCaches.delete(`${apiId}/${stage}`);
  }

  // ------------------------------------------------------------------ HTTP entry

  forgetCertificates(): void {
    this.certificates.clear();
  }

  invalidateDomains(): void {
    this.domainsLoadedAt = 0;
  }

  /** Custom domains by host name, reloaded at most every second (at once after a local change). */
  private async domainFor(hostname: string): Promise<(DomainDoc & { scope: Scope }) | undefined> {
    const now = Date.now();
    if (now - this.domainsLoadedAt >= RELOAD_MS) {
      this.domainsLoadedAt = now;
      this.domains = new Map((await this.store.allDomains(this.store.db)).map((d) => [d.domainName, d]));
    }
    return this.domains.size ? this.domains.get(hostname) : undefined;
  }

  /** The mapping serving `rawPath` on a custom domain: the longest matching base path, else (none). */
  private static mappingFor(domain: DomainDoc, rawPath: string): { mapping: BasePathMappingDoc; rest: string } | undefined {
    const segs = rawPath.split('/').filter(Boolean).map((x) => decodeURIComponent(x));
    for (let n = segs.length; n > 0; n--) {
      const m = domain.mappings[segs.slice(0, n).join('/')];
      if (m) return { mapping: m, rest: '/' + rawPath.split('/').filter(Boolean).slice(n).join('/') };
    }
    const none = domain.mappings['(none)'];
    return none ? { mapping: none, rest: rawPath || '/' } : undefined;
  }

  /**
   * The invoke URLs this data plane answers: `{apiId}.execute-api.localhost` (also with a region,
   * and AWS's own `{apiId}.execute-api.{region}.amazonaws.com` for clients behind a DNS override),
   * the path forms `/restapis/{apiId}/{stage}/_user_request_/...` and `/_aws/execute-api/{apiId}/{stage}/...`,
   * and custom domain names.
   */
  routes(): DataPlaneRoute[] {
    return [
      { host: HOST_RE, handle: (req, res) => this.serveHost(req, res) },
      { pathPrefix: PATH_PREFIX, handle: (req, res) => this.servePath(req, res, USER_REQUEST_RE) },
      { pathPrefix: AWS_PATH_PREFIX, handle: (req, res) => this.servePath(req, res, AWS_PATH_RE) },
      // A custom domain is any host name: claimed while the domain table says so, or is due a reload.
      { claimsHost: (host) => Date.now() - this.domainsLoadedAt >= RELOAD_MS || this.domains.has(host), handle: (req, res) => this.serveDomain(req, res) },
    ];
  }

  private serveHost(req: HttpRequest, res: ResponseSink): Promise<boolean> {
    const host = hostName(req.headers.host);
    return this.dispatch(req, res, HOST_RE.exec(host)![1]!, req.rawPath, host);
  }

  private async servePath(req: HttpRequest, res: ResponseSink, re: RegExp): Promise<boolean> {
    const m = re.exec(req.rawPath);
    if (!m) return false;
    return this.dispatch(req, res, m[1]!, `/${m[2]}${m[3] ?? ''}`, undefined);
  }

  private async serveDomain(req: HttpRequest, res: ResponseSink): Promise<boolean> {
    const domain = await this.domainFor(hostName(req.headers.host));
    if (!domain) return false;
    const found = DataPlane.mappingFor(domain, req.rawPath);
    if (!found) {
      await this.write(req, res, this.bareError(403, 'ForbiddenException', 'Forbidden'));
      return true;
    }
    const rest = found.mapping.stage ? `/${encodeURIComponent(found.mapping.stage)}${found.rest === '/' ? '' : found.rest}` : found.rest;
    return this.dispatch(req, res, found.mapping.restApiId, rest, domain.domainName);
  }

  private async dispatch(req: HttpRequest, res: ResponseSink, apiId: string, rest: string, domainName: string | undefined): Promise<boolean> {
    const slash = rest.indexOf('/', 1);
    const stageName = decodeURIComponent(slash < 0 ? rest.slice(1) : rest.slice(1, slash));
    const path = slash < 0 ? '/' : rest.slice(slash);
    const reply = await this.serve(apiId, stageName, {
      method: req.method,
      path,
      rawQuery: req.rawQuery,
      rawHeaders: pairs(req.raw.rawHeaders),
      body: req.body,
      sourceIp: (req.raw.socket.remoteAddress ?? '127.0.0.1').replace(/^::ffff:/, ''),
      domainName: domainName ?? `${apiId}.execute-api.localhost`,
      original: req,
    });
    await this.write(req, res, reply);
    return true;
  }

  private async write(req: HttpRequest, res: ResponseSink, reply: Reply): Promise<void> {
    const headers = { ...reply.headers };
    if (!('content-length' in headers)) headers['content-length'] = String(reply.body.length);
    res.writeHead(reply.status, headers);
    res.end(req.method === 'HEAD' ? undefined : reply.body);
  }

  /** Serves one request to a stage; every failure becomes the API's gateway response. */
  async serve(apiId: string, stageName: string, call: Call): Promise<Reply> {
    const dep = await this.load(apiId, stageName);
    if (!dep) return this.bareError(403, 'ForbiddenException', 'Forbidden');
    const canary = dep.canary;
    if (canary && Math.random() * 100 < (dep.stage.canarySettings?.percentTraffic ?? 0)) return this.execute(canary, call);
    return this.execute(dep, call);
  }

  private bareError(status: number, type: string, message: string): Reply {
    return {
      status,
      headers: { 'content-type': 'application/json', 'x-amzn-requestid': randomUUID(), 'x-amzn-errortype': type },
      body: Buffer.from(JSON.stringify({ message })),
    };
  }

  /** The deployed stage, from memory (reloaded from SQL at most every second, at once after a local change). */
  async load(apiId: string, stageName: string): Promise<Deployed | undefined> {
    const key = `${apiId}/${stageName}`;
    const now = Date.now();
    const hit = this.deployed.get(key);
    if (hit && now - hit.loadedAt < RELOAD_MS) return hit;
    const gen = this.generation;
    const db = this.store.db;
    const scope = await this.store.locateApi(db, apiId);
    if (!scope) return undefined;
    const stage = await this.store.getStage(db, scope, apiId, stageName);
    if (!stage) return undefined;
    let d: Deployed;
    if (hit && hit.stage.deploymentId === stage.deploymentId) {
      // Same deployment: keep the compiled routes and validators, refresh the stage settings.
      d = { ...hit, scope, stage, loadedAt: now };
    } else {
      const dep = await this.store.getDeployment(db, scope, apiId, stage.deploymentId);
      if (!dep) return undefined;
      d = {
        scope,
        apiId,
        stageName,
        stage,
        snapshot: dep.snapshot,
        root: buildRoutes(dep.snapshot.resources),
        validators: new ModelValidators(apiId, dep.snapshot.models),
        loadedAt: now,
      };
    }
    const c = stage.canarySettings;
    if (!c) delete d.canary;
    else if (!(d.canary && d.canary.stage.deploymentId === c.deploymentId)) {
      const cdep = await this.store.getDeployment(db, scope, apiId, c.deploymentId);
      if (cdep) {
        d.canary = {
          ...d,
          canary: undefined,
          snapshot: cdep.snapshot,
          root: buildRoutes(cdep.snapshot.resources),
          validators: new ModelValidators(apiId, cdep.snapshot.models),
          stage: stage,
          isCanary: true,
        };
      }
    }
    if (d.canary && c) {
      // The canary serves with the stage's settings, its own deployment and the variable overrides.
      d.canary = { ...d.canary, scope, stage: { ...stage, deploymentId: c.deploymentId, variables: { ...(stage.variables ?? {}), ...(c.stageVariableOverrides ?? {}) } }, loadedAt: now };
    }
    if (gen === this.generation) this.deployed.set(key, d);
    return d;
  }

  // ------------------------------------------------------------------ the pipeline

  async execute(dep: Deployed, call: Call, log: ExecLog = { lines: [] }): Promise<Reply> {
    const receivedAt = this.clock.now();
    const requestId = randomUUID();
    // randomUUID draws from Node's cached entropy pool: far cheaper than small randomBytes calls.
    const extra = randomUUID().replace(/-/g, '');
    const extendedRequestId = Buffer.from(extra.slice(0, 22), 'hex').toString('base64').replace(/[+/=]/g, 'A').slice(0, 14) + '=';
    const traceId = `Root=1-${Math.floor(receivedAt / 1000).toString(16)}-${extra.slice(8, 32)}`;
    const { headers, multiHeaders } = headerMaps(withForwardingHeaders(call, traceId));
    const { query, multiQuery } = queryMaps(call.rawQuery);
    const stageVariables = dep.stage.variables ?? {};
    const baseContext = (): Record<string, unknown> => ({
      requestId,
      extendedRequestId,
      apiId: dep.apiId,
      accountId: dep.scope.accountId,
      stage: dep.stageName,
      httpMethod: call.method,
      domainName: call.domainName,
      domainPrefix: call.domainName.split('.')[0],
      path: `/${dep.stageName}${call.path}`,
      protocol: 'HTTP/1.1',
      requestTime: requestTime(receivedAt),
      requestTimeEpoch: receivedAt,
      identity: { sourceIp: call.sourceIp, userAgent: headers['user-agent'] ?? headers['User-Agent'] },
    });
    let req: Req | undefined;
    let failure: GatewayError | undefined;
    const finish = (reply: Reply): Reply => {
      reply.headers['x-amzn-requestid'] = requestId;
      reply.headers['x-amz-apigw-id'] = extendedRequestId;
      reply.headers['x-amzn-trace-id'] ??= traceId;
      compress(reply, dep.snapshot.minimumCompressionSize, headerValue(headers, 'accept-encoding'));
      if (!dep.testInvoke && this.wantsLogs(dep, req)) this.writeLogs(dep, req, log, reply, { ...baseContext(), ...(req ? this.contextExtras(req) : {}) }, failure);
      return reply;
    };
    try {
      if (dep.snapshot.disableExecuteApiEndpoint && !dep.testInvoke) throw new GatewayError('ACCESS_DENIED', 'Forbidden', 403);
      if (call.body.length > MAX_PAYLOAD_BYTES) throw new GatewayError('REQUEST_TOO_LARGE', 'Request Too Long', 413);
      const match = dep.root ? matchRoute(dep.root, call.path) : undefined;
      const method = match ? methodFor(match.resource, call.method) : undefined;
      if (!match || !method) throw new GatewayError('MISSING_AUTHENTICATION_TOKEN', 'Missing Authentication Token');
      req = {
        dep,
        call,
        requestId,
        extendedRequestId,
        receivedAt,
        resource: match.resource,
        method,
        pathParameters: match.pathParameters,
        query,
        multiQuery,
        headers,
        multiHeaders,
        identity: this.baseIdentity(call, headers),
        stageVariables,
        log,
      };
      log.lines.push(`Starting execution for request: ${requestId}`, `HTTP Method: ${call.method}, Resource Path: ${call.path}`);
      if (!dep.testInvoke) {
        await this.authenticate(req);
        await this.checkApiKeyAndLimits(req);
      }
      this.validate(req);
      const setting = this.methodSetting(dep, req.resource.path, method.httpMethod === 'ANY' ? call.method : method.httpMethod);
      const cacheKey = this.cacheKey(req, setting);
      if (cacheKey) {
        const cache = this.caches.get(`${dep.apiId}/${dep.stageName}`);
        const hit = cache?.get(cacheKey);
        const noCache = !setting.requireAuthorizationForCacheControl && /max-age=0/.test(headerValue(headers, 'cache-control') ?? '');
        if (hit && hit.expires > this.clock.now() && !noCache) {
          log.lines.push('Sending response from the stage cache');
          return finish(copyReply(hit.reply));
        }
      }
      const reply = await this.integrate(req);
      if (cacheKey && reply.status >= 200 && reply.status < 300) {
        const k = `${dep.apiId}/${dep.stageName}`;
        let cache = this.caches.get(k);
        if (!cache) this.caches.set(k, (cache = new Map()));
        if (cache.size >= MAX_CACHE_ENTRIES) cache.delete(cache.keys().next().value!);
        cache.set(cacheKey, { expires: this.clock.now() + setting.cacheTtlInSeconds * 1000, reply: copyReply(reply) });
      }
      log.lines.push(`Method completed with status: ${reply.status}`);
      return finish(reply);
    } catch (e) {
      if (!(e instanceof GatewayError)) {
        this.platform.log({ level: 'error', service: 'apigateway', requestId, error: String((e as Error)?.stack ?? e) });
        e = new GatewayError('API_CONFIGURATION_ERROR', 'Internal server error', 500);
      }
      const err = e as GatewayError;
      failure = err;
      log.lines.push(`Gateway response type: ${err.type} with message: ${err.messageValue}`);
      const context = { ...baseContext(), ...(req ? this.contextExtras(req) : {}) };
      const g = renderGatewayResponse(err, dep.snapshot.gatewayResponses, {
        context,
        stageVariables,
        requestParams: (source) => (req ? this.paramSource(req, source) : undefined),
      });
      return finish({ status: g.status, headers: g.headers, body: Buffer.from(g.body) });
    }
  }

  /** Whether this request writes access or execution logs (checked before building anything). */
  private wantsLogs(dep: Deployed, req: Req | undefined): boolean {
    const stage = dep.stage;
    const access = !!stage.accessLogSettings?.destinationArn;
    const settings = stage.methodSettings;
    if (!access && (!req || Object.keys(settings).length === 0)) return false;
    return this.platform.services.has('logs');
  }

  /** Access logs (stage accessLogSettings) and execution logs (method setting loggingLevel) to CloudWatch Logs. */
  private writeLogs(dep: Deployed, req: Req | undefined, log: ExecLog, reply: Reply, context: Record<string, unknown>, failure: GatewayError | undefined): void {
    const now = this.clock.now();
    const writer = logWriterFor(this.store.db, this.clock);
    const access = dep.stage.accessLogSettings;
    if (access?.destinationArn && access.format) {
      const m = /^arn:aws[a-z-]*:logs:([^:]+):(\d{12}):log-group:([^:*]+)/.exec(access.destinationArn);
      if (m) {
        const ctx: Record<string, unknown> = {
          ...context,
          status: reply.status,
          responseLength: reply.body.length,
          responseLatency: Math.max(0, now - (context.requestTimeEpoch as number)),
          error: failure ? { message: failure.messageValue, responseType: failure.type } : undefined,
        };
        const message = access.format.replace(/\$\{?context\.([A-Za-z0-9_.]+)\}?/g, (_, path: string) => {
          let v: unknown = ctx;
          for (const part of path.split('.')) v = v !== null && typeof v === 'object' ? (v as Record<string, unknown>)[part] : undefined;
          return v === undefined || v === null ? '-' : String(v);
        });
        writer.put({ accountId: m[2]!, region: m[1]!, logGroupName: m[3]!, logStreamName: this.logStream, events: [{ timestamp: now, message }] });
      }
    }
    if (req) {
      const verb = req.method.httpMethod === 'ANY' ? req.call.method : req.method.httpMethod;
      const level = this.methodSetting(dep, req.resource.path, verb).loggingLevel;
      if (level === 'INFO' || (level === 'ERROR' && reply.status >= 400)) {
        writer.put({
          accountId: dep.scope.accountId,
          region: dep.scope.region,
          logGroupName: `API-Gateway-Execution-Logs_${dep.apiId}/${dep.stageName}`,
          logStreamName: this.logStream,
          events: log.lines.map((line) => ({ timestamp: now, message: `(${req.requestId}) ${line}` })),
        });
      }
    }
  }

  private baseIdentity(call: Call, headers: Record<string, string>): Record<string, unknown> {
    return {
      cognitoIdentityPoolId: null,
      accountId: null,
      cognitoIdentityId: null,
      caller: null,
      sourceIp: call.sourceIp,
      principalOrgId: null,
      accessKey: null,
      cognitoAuthenticationType: null,
      cognitoAuthenticationProvider: null,
      userArn: null,
      userAgent: headerValue(headers, 'user-agent') ?? null,
      user: null,
    };
  }

  private contextExtras(req: Req): Record<string, unknown> {
    return {
      resourceId: req.resource.id,
      resourcePath: req.resource.path,
      httpMethod: req.call.method,
      deploymentId: req.dep.stage.deploymentId,
      isCanaryRequest: !!req.dep.isCanary,
      identity: req.identity,
      authorizer: req.authorizer ? { principalId: req.authorizer.principalId, ...req.authorizer.context } : undefined,
    };
  }

  methodSetting(dep: Deployed, resourcePath: string, verb: string): MethodSettingDoc {
    const s = dep.stage.methodSettings;
    return s[methodSettingKey(resourcePath, verb)] ?? s['*/*'] ?? defaultMethodSetting();
  }

  // ------------------------------------------------------------------ auth, keys, throttling

  private async authenticate(req: Req): Promise<void> {
    const type = req.method.authorizationType;
    if (type === 'AWS_IAM') this.verifyIam(req);
    this.checkResourcePolicy(req);
    if (type === 'CUSTOM') return this.runAuthorizer(req);
    if (type === 'COGNITO_USER_POOLS') throw new GatewayError('UNAUTHORIZED', 'Unauthorized');
  }

  private readonly policies = new WeakMap<Snapshot, ReturnType<typeof parsePolicy>>();

  private checkResourcePolicy(req: Req): void {
    const snap = req.dep.snapshot;
    if (!snap.policy) return;
    let statements = this.policies.get(snap);
    if (statements === undefined && !this.policies.has(snap)) {
      statements = parsePolicy(snap.policy);
      this.policies.set(snap, statements);
    }
    if (!statements) return;
    const arn = this.methodArn(req);
    const caller = req.identity.accountId as string | null;
    const decision = evaluatePolicy(statements, {
      methodArn: arn,
      region: req.dep.scope.region,
      accountId: req.dep.scope.accountId,
      apiId: req.dep.apiId,
      sourceIp: req.call.sourceIp,
      callerAccount: caller ?? undefined,
    });
    if (decision.allowed) return;
    const who = caller ? `arn:aws:iam::${caller}:root` : 'anonymous';
    const message = `User: ${who} is not authorized to perform: execute-api:Invoke on resource: ${maskedArn(arn)}${decision.explicitDeny ? ' with an explicit deny' : ''}`;
    throw new GatewayError('ACCESS_DENIED', message);
  }

  private verifyIam(req: Req): void {
    const original = req.call.original;
    let sig;
    try {
      sig = original ? parseSigV4(original, 'execute-api') : undefined;
    } catch {
      throw new GatewayError('INVALID_SIGNATURE', 'Authorization header requires \'Credential\' parameter. Authorization header requires \'Signature\' parameter. Authorization header requires \'SignedHeaders\' parameter.', 403);
    }
    if (!sig) throw new GatewayError('MISSING_AUTHENTICATION_TOKEN', 'Missing Authentication Token');
    const cred = this.platform.config.credentials.find((c) => c.accessKeyId === sig.accessKeyId);
    if (!cred) throw new GatewayError('INVALID_SIGNATURE', 'The security token included in the request is invalid.', 403);
    const time = checkSigV4Time(sig, this.clock.now());
    if (time !== 'ok') throw new GatewayError('INVALID_SIGNATURE', 'Signature expired: ' + sig.amzDate + ' is now earlier than the allowed time window.', 403);
    if (!verifySigV4(original!, sig, cred.secretAccessKey)) {
      throw new GatewayError('INVALID_SIGNATURE', 'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.', 403);
    }
    req.identity = {
      ...req.identity,
      accountId: cred.accountId,
      accessKey: sig.accessKeyId,
      caller: cred.accountId,
      user: cred.accountId,
      userArn: `arn:aws:iam::${cred.accountId}:root`,
    };
  }

  private methodArn(req: Req): string {
    const d = req.dep;
    return `arn:aws:execute-api:${d.scope.region}:${d.scope.accountId}:${d.apiId}/${d.stageName}/${req.call.method}${req.call.path === '/' ? '/' : req.call.path}`;
  }

  private identityValues(req: Req, a: AuthorizerDoc): string[] | undefined {
    if (!a.identitySource) return [];
    const out: string[] = [];
    for (const src of a.identitySource.split(',').map((s) => s.trim())) {
      const v = this.paramSource(req, src);
      if (v === undefined || v === '') return undefined;
      out.push(v);
    }
    return out;
  }

  /** TestInvokeAuthorizer: runs an authorizer once (no cache) for a simulated request. */
  async testAuthorizer(dep: Deployed, authorizerId: string, call: Call): Promise<Record<string, unknown>> {
    const a = dep.snapshot.authorizers[authorizerId];
    const started = Date.now();
    const match = dep.root ? matchRoute(dep.root, call.path) : undefined;
    const resource = match?.resource ?? dep.snapshot.resources[Object.keys(dep.snapshot.resources).find((k) => dep.snapshot.resources[k]!.path === '/')!]!;
    const { headers, multiHeaders } = headerMaps(call.rawHeaders);
    const { query, multiQuery } = queryMaps(call.rawQuery);
    const req: Req = {
      dep,
      call,
      requestId: randomUUID(),
      extendedRequestId: 'test-invoke-extended-request-id',
      receivedAt: this.clock.now(),
      resource,
      method: { httpMethod: call.method, authorizationType: 'CUSTOM', authorizerId, apiKeyRequired: false },
      pathParameters: match?.pathParameters ?? {},
      query,
      multiQuery,
      headers,
      multiHeaders,
      identity: this.baseIdentity(call, headers),
      stageVariables: dep.stage.variables ?? {},
      log: { lines: [] },
    };
    const done = (clientStatus: number, extra: Record<string, unknown> = {}) => ({ clientStatus, latency: Date.now() - started, log: req.log.lines.join('\n'), ...extra });
    if (!a) return done(500);
    const values = this.identityValues(req, a);
    if (!values || (a.type === 'TOKEN' && values.length === 0)) return done(401);
    if (a.type === 'TOKEN' && a.identityValidationExpression && !fullMatch(a.identityValidationExpression, values[0]!)) return done(401);
    try {
      const r = await this.invokeAuthorizer(req, a, values);
      const policy = { Version: '2012-10-17', Statement: r.statements.map((st) => ({ Action: st.actions, Effect: st.effect, Resource: st.resources })) };
      const authorization: Record<string, string[]> = {};
      for (const [k, v] of Object.entries(r.context)) authorization[k] = [String(v)];
      return done(200, { principalId: r.principalId, policy: JSON.stringify(policy), authorization });
    } catch (e) {
      if (e instanceof GatewayError) return done(e.type === 'UNAUTHORIZED' ? 401 : 500);
      throw e;
    }
  }

  private async runAuthorizer(req: Req): Promise<void> {
    const a = req.method.authorizerId ? req.dep.snapshot.authorizers[req.method.authorizerId] : undefined;
    if (!a) throw new GatewayError('AUTHORIZER_CONFIGURATION_ERROR', null, 500);
    const values = this.identityValues(req, a);
    if (!values || (a.type === 'TOKEN' && values.length === 0)) throw new GatewayError('UNAUTHORIZED', 'Unauthorized');
    if (a.type === 'TOKEN' && a.identityValidationExpression && !fullMatch(a.identityValidationExpression, values[0]!)) throw new GatewayError('UNAUTHORIZED', 'Unauthorized');
    const ttl = a.authorizerResultTtlInSeconds ?? 300;
    const cacheName = `${req.dep.apiId}/${req.dep.stageName}`;
    const cacheKey = `${a.id}\u0000${values.join('\u0000')}`;
    let result = ttl > 0 ? this.authCaches.get(cacheName)?.get(cacheKey) : undefined;
    if (result && result.expires <= this.clock.now()) result = undefined;
    if (!result) {
      result = await this.invokeAuthorizer(req, a, values);
      if (ttl > 0) {
        result.expires = this.clock.now() + ttl * 1000;
        let cache = this.authCaches.get(cacheName);
        if (!cache) this.authCaches.set(cacheName, (cache = new Map()));
        if (cache.size >= MAX_CACHE_ENTRIES) cache.delete(cache.keys().next().value!);
        cache.set(cacheKey, result);
      }
    } else req.log.lines.push('Authorizer result served from the cache');
    const arn = this.methodArn(req);
    const applies = (s: AuthResult['statements'][number]) =>
      s.actions.some((x) => wildcard(x, 'execute-api:Invoke')) && s.resources.some((r) => wildcard(r, arn));
    if (result.statements.some((s) => s.effect === 'Deny' && applies(s))) throw new GatewayError('ACCESS_DENIED', 'User is not authorized to access this resource with an explicit deny');
    if (!result.statements.some((s) => s.effect === 'Allow' && applies(s))) throw new GatewayError('ACCESS_DENIED', 'User is not authorized to access this resource');
    req.authorizer = result;
  }

  private async invokeAuthorizer(req: Req, a: AuthorizerDoc, values: string[]): Promise<AuthResult> {
    const arn = functionArnOf(a.authorizerUri ?? '', req.stageVariables);
    if (!arn) throw new GatewayError('AUTHORIZER_CONFIGURATION_ERROR', null, 500);
    const event =
      a.type === 'TOKEN'
        ? { type: 'TOKEN', methodArn: this.methodArn(req), authorizationToken: values[0] }
        : {
            type: 'REQUEST',
            methodArn: this.methodArn(req),
            resource: req.resource.path,
            path: decodePath(req.call.path),
            httpMethod: req.call.method,
            headers: req.headers,
            multiValueHeaders: req.multiHeaders,
            queryStringParameters: req.query,
            multiValueQueryStringParameters: req.multiQuery,
            pathParameters: req.pathParameters,
            stageVariables: req.stageVariables,
            requestContext: this.requestContext(req),
          };
    let out: LambdaResult;
    try {
      out = await this.invoke(req.dep.scope, arn, Buffer.from(JSON.stringify(event)));
    } catch (e) {
      if (e instanceof LambdaUnavailable) throw new GatewayError('AUTHORIZER_CONFIGURATION_ERROR', null, 500);
      throw e;
    }
    let parsed: any;
    try {
      parsed = JSON.parse(out.payload.toString('utf8'));
    } catch {
      throw new GatewayError('AUTHORIZER_CONFIGURATION_ERROR', null, 500);
    }
    if (out.functionError) {
      if (parsed?.errorMessage === 'Unauthorized') throw new GatewayError('UNAUTHORIZED', 'Unauthorized');
      throw new GatewayError('AUTHORIZER_CONFIGURATION_ERROR', null, 500);
    }
    const policy = parsed?.policyDocument;
    if (!parsed || typeof parsed !== 'object' || !policy || typeof policy !== 'object' || parsed.principalId === undefined) throw new GatewayError('AUTHORIZER_CONFIGURATION_ERROR', null, 500);
    const list = <T>(v: T | T[] | undefined): T[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);
    const statements = list(policy.Statement as any).map((s: any) => ({ effect: String(s?.Effect ?? ''), actions: list(s?.Action).map(String), resources: list(s?.Resource).map(String) }));
    const context: Record<string, unknown> = {};
    for (const [k, v] of Object.entries((parsed.context ?? {}) as Record<string, unknown>)) {
      if (v !== null && typeof v === 'object') throw new GatewayError('AUTHORIZER_CONFIGURATION_ERROR', null, 500);
      context[k] = v;
    }
    return { principalId: String(parsed.principalId), context, usageIdentifierKey: parsed.usageIdentifierKey, statements, expires: 0 };
  }

  private async checkApiKeyAndLimits(req: Req): Promise<void> {
    const dep = req.dep;
    const verb = req.method.httpMethod === 'ANY' ? req.call.method : req.method.httpMethod;
    const setting = this.methodSetting(dep, req.resource.path, verb);
    if (!this.take(`s/${dep.apiId}/${dep.stageName}/${methodSettingKey(req.resource.path, verb)}`, setting.throttlingRateLimit, setting.throttlingBurstLimit)) {
      throw new GatewayError('THROTTLED', 'Too Many Requests');
    }
    if (!req.method.apiKeyRequired) return;
    const value = dep.snapshot.apiKeySource === 'AUTHORIZER' ? req.authorizer?.usageIdentifierKey : headerValue(req.headers, 'x-api-key');
    if (!value) throw new GatewayError('INVALID_API_KEY', 'Forbidden');
    const db = this.store.db;
    const key = await this.store.getKeyByValue(db, dep.scope, value);
    if (!key || !key.enabled) throw new GatewayError('INVALID_API_KEY', 'Forbidden');
    let plan: UsagePlanDoc | undefined;
    for (const id of await this.store.plansOfKey(db, dep.scope, key.id)) {
      const p = await this.store.getPlan(db, dep.scope, id);
      if (p?.apiStages.some((s) => s.apiId === dep.apiId && s.stage === dep.stageName)) {
        plan = p;
        break;
      }
    }
    if (!plan) throw new GatewayError('INVALID_API_KEY', 'Forbidden');
    req.apiKey = key;
    req.identity = { ...req.identity, apiKey: key.value, apiKeyId: key.id };
    const apiStage = plan.apiStages.find((s) => s.apiId === dep.apiId && s.stage === dep.stageName)!;
    const methodThrottle = apiStage.throttle?.[`${req.resource.path}/${verb}`];
    if (methodThrottle && !this.take(`m/${plan.id}/${key.id}/${req.resource.path}/${verb}`, methodThrottle.rateLimit ?? Infinity, methodThrottle.burstLimit ?? Infinity)) {
      throw new GatewayError('THROTTLED', 'Too Many Requests');
    }
    if (plan.throttle && !this.take(`p/${plan.id}/${key.id}`, plan.throttle.rateLimit ?? Infinity, plan.throttle.burstLimit ?? Infinity)) {
      throw new GatewayError('THROTTLED', 'Too Many Requests');
    }
    if (plan.quota) {
      const quota = plan.quota;
      const now = this.clock.now();
      const today = dayOf(now);
      const from = quotaPeriodStart(now, quota.period, quota.offset);
      const planId = plan.id;
      const exceeded = await db.tx(async (tx) => {
        const rows = await this.store.usage(tx, dep.scope, planId, key.id, from, today);
        const used = rows.reduce((n, r) => n + r.used, 0);
        if (used >= quota.limit) return true;
        await this.store.addUsage(tx, dep.scope, planId, key.id, today, 1);
        return false;
      });
      if (exceeded) throw new GatewayError('QUOTA_EXCEEDED', 'Limit Exceeded');
    }
  }

  /** Token bucket: `rate` tokens per second, at most `burst` stored. */
  private take(key: string, rate: number, burst: number): boolean {
    if (rate === Infinity && burst === Infinity) return true;
    const now = this.clock.now();
    let b = this.buckets.get(key);
    if (!b) {
      b = { tokens: burst, last: now };
      this.buckets.set(key, b);
    } else {
      b.tokens = Math.min(burst, b.tokens + ((now - b.last) / 1000) * rate);
      b.last = now;
    }
    if (b.tokens >= 1) {
      b.tokens -= 1;
      return true;
    }
    return false;
  }

  // ------------------------------------------------------------------ validation

  private validate(req: Req): void {
    const v = req.method.requestValidatorId ? req.dep.snapshot.validators[req.method.requestValidatorId] : undefined;
    if (!v) return;
    if (v.validateRequestParameters) {
      const missing: string[] = [];
      for (const [name, required] of Object.entries(req.method.requestParameters ?? {})) {
        if (!required) continue;
        const m = /^method\.request\.(querystring|header|path|multivaluequerystring|multivalueheader)\.(.+)$/.exec(name);
        if (!m) continue;
        const value = this.paramSource(req, name);
        if (value === undefined || (m[1] !== 'header' && value === '')) missing.push(m[2]!);
      }
      if (missing.length) throw new GatewayError('BAD_REQUEST_PARAMETERS', `Missing required request parameters: [${missing.join(', ')}]`);
    }
    if (v.validateRequestBody) {
      const models = req.method.requestModels ?? {};
      const contentType = (headerValue(req.headers, 'content-type') ?? 'application/json').split(';')[0]!.trim().toLowerCase();
      const model = models[contentType] ?? models.$default;
      if (model) {
        let data: unknown;
        try {
          data = req.call.body.length ? JSON.parse(req.call.body.toString('utf8')) : undefined;
        } catch {
          throw new GatewayError('BAD_REQUEST_BODY', 'Invalid request body', undefined, { validationErrorString: '[Invalid JSON in request body]' });
        }
        const problem = req.dep.validators.validate(model, data === undefined ? {} : data);
        if (problem) throw new GatewayError('BAD_REQUEST_BODY', 'Invalid request body', undefined, { validationErrorString: problem });
      }
    }
  }

  // ------------------------------------------------------------------ cache

  private cacheKey(req: Req, setting: MethodSettingDoc): string | undefined {
    if (!req.dep.stage.cacheClusterEnabled || req.dep.testInvoke) return undefined;
    if (req.dep.isCanary && !req.dep.stage.canarySettings?.useStageCache) return undefined;
    const verb = req.method.httpMethod === 'ANY' ? req.call.method : req.method.httpMethod;
    const specific = req.dep.stage.methodSettings[methodSettingKey(req.resource.path, verb)];
    const enabled = specific ? specific.cachingEnabled : setting.cachingEnabled && verb === 'GET';
    if (!enabled || setting.cacheTtlInSeconds <= 0) return undefined;
    const parts = [req.call.method, req.resource.path, req.call.path];
    for (const p of req.method.methodIntegration?.cacheKeyParameters ?? []) parts.push(`${p}=${this.paramSource(req, p) ?? ''}`);
    return parts.join('\u0000');
  }

  // ------------------------------------------------------------------ parameters

  /** Reads a mapping source: method.request.*, stageVariables.*, context.*, 'literal'. */
  paramSource(req: Req, source: string): string | undefined {
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
    if (s === 'method.request.body') return req.call.body.toString('utf8');
    m = /^method\.request\.body\.(.+)$/.exec(s);
    if (m) {
      try {
        const v = jsonPath(JSON.parse(req.call.body.toString('utf8')), '$.' + m[1]);
        return v === undefined ? undefined : typeof v === 'string' ? v : JSON.stringify(v);
      } catch {
        return undefined;
      }
    }
    m = /^stageVariables\.(.+)$/.exec(s);
    if (m) return req.stageVariables[m[1]!];
    m = /^context\.(.+)$/.exec(s);
    if (m) {
      let v: unknown = { ...this.requestContext(req), ...this.contextExtras(req) };
      for (const part of m[1]!.split('.')) v = v !== null && typeof v === 'object' ? (v as Record<string, unknown>)[part] : undefined;
      return v === undefined || v === null ? undefined : String(v);
    }
    return undefined;
  }

  private requestContext(req: Req): Record<string, unknown> {
    const d = req.dep;
    const ctx: Record<string, unknown> = {
      resourceId: req.resource.id,
      resourcePath: req.resource.path,
      httpMethod: req.call.method,
      extendedRequestId: req.extendedRequestId,
      requestTime: requestTime(req.receivedAt),
      path: `/${d.stageName}${decodePath(req.call.path)}`,
      accountId: d.scope.accountId,
      protocol: 'HTTP/1.1',
      stage: d.stageName,
      domainPrefix: req.call.domainName.split('.')[0],
      requestTimeEpoch: req.receivedAt,
      requestId: req.requestId,
      identity: req.identity,
      domainName: req.call.domainName,
      deploymentId: d.stage.deploymentId,
      apiId: d.apiId,
    };
    if (req.authorizer) ctx.authorizer = { ...req.authorizer.context, principalId: req.authorizer.principalId, integrationLatency: 0 };
    return ctx;
  }

  // ------------------------------------------------------------------ integrations

  private async integrate(req: Req): Promise<Reply> {
    const i = req.method.methodIntegration;
    if (!i) throw new GatewayError('API_CONFIGURATION_ERROR', 'Internal server error', 500);
    req.log.lines.push(`Integration type: ${i.type}`);
    const run = async (): Promise<Reply> => {
      switch (i.type) {
        case 'AWS_PROXY':
          return this.lambdaProxy(req, i);
        case 'HTTP_PROXY':
          return this.httpProxy(req, i);
        case 'MOCK':
          return this.mock(req, i);
        case 'HTTP':
          return this.httpNonProxy(req, i);
        case 'AWS':
          return this.awsNonProxy(req, i);
        default:
          throw new GatewayError('API_CONFIGURATION_ERROR', 'Internal server error', 500);
      }
    };
    if (i.type === 'MOCK') return run();
    return new Promise<Reply>((resolve, reject) => {
      const timer = this.clock.setTimer(i.timeoutInMillis, () => reject(new GatewayError('INTEGRATION_TIMEOUT', 'Endpoint request timed out', 504)));
      run().then(
        (r) => {
          timer.cancel();
          resolve(r);
        },
        (e: unknown) => {
          timer.cancel();
          reject(e);
        },
      );
    });
  }

  private isBinaryRequest(req: Req): boolean {
    const ct = headerValue(req.headers, 'content-type');
    return !!ct && req.dep.snapshot.binaryMediaTypes.some((p) => mediaMatches(p, ct));
  }

  private wantsBinary(req: Req, responseType: string | undefined): boolean {
    const accept = headerValue(req.headers, 'accept')?.split(',')[0]?.trim();
    const types = req.dep.snapshot.binaryMediaTypes;
    return types.some((p) => (accept ? mediaMatches(p, accept) : false) || (responseType ? p.trim() === '*/*' : false));
  }

  /** The REST (v1) Lambda proxy event. */
  proxyEvent(req: Req): Record<string, unknown> {
    const binary = this.isBinaryRequest(req);
    const body = req.call.body.length === 0 ? null : binary ? req.call.body.toString('base64') : req.call.body.toString('utf8');
    const nonEmpty = <T>(o: Record<string, T>): Record<string, T> | null => (Object.keys(o).length ? o : null);
    return {
      resource: req.resource.path,
      path: decodePath(req.call.path),
      httpMethod: req.call.method,
      headers: nonEmpty(req.headers),
      multiValueHeaders: nonEmpty(req.multiHeaders),
      queryStringParameters: nonEmpty(req.query),
      multiValueQueryStringParameters: nonEmpty(req.multiQuery),
      pathParameters: nonEmpty(req.pathParameters),
      stageVariables: nonEmpty(req.stageVariables),
      requestContext: this.requestContext(req),
      body,
      isBase64Encoded: binary && body !== null,
    };
  }

  private async callLambda(req: Req, uri: string | undefined, payload: Buffer): Promise<LambdaResult> {
    const arn = functionArnOf(uri ?? '', req.stageVariables);
    if (!arn) throw new GatewayError('API_CONFIGURATION_ERROR', 'Internal server error', 500);
    try {
      return await this.invoke(req.dep.scope, arn, payload);
    } catch (e) {
      if (e instanceof LambdaUnavailable) {
        req.log.lines.push(`Execution failed due to configuration error: ${e.message}`);
        throw new GatewayError('API_CONFIGURATION_ERROR', 'Internal server error', 500);
      }
      throw e;
    }
  }

  private async lambdaProxy(req: Req, i: IntegrationDoc): Promise<Reply> {
    const out = await this.callLambda(req, i.uri, Buffer.from(JSON.stringify(this.proxyEvent(req))));
    const malformed = () => {
      req.log.lines.push('Execution failed due to configuration error: Malformed Lambda proxy response');
      return new GatewayError('DEFAULT_5XX', 'Internal server error', 502);
    };
    if (out.functionError) {
      req.log.lines.push('Lambda execution failed with status 200 due to customer function error');
      throw new GatewayError('DEFAULT_5XX', 'Internal server error', 502);
    }
    let r: any;
    try {
      r = JSON.parse(out.payload.toString('utf8'));
    } catch {
      throw malformed();
    }
    if (r === null || typeof r !== 'object' || Array.isArray(r)) throw malformed();
    for (const k of Object.keys(r)) if (!['statusCode', 'headers', 'multiValueHeaders', 'body', 'isBase64Encoded'].includes(k)) throw malformed();
    const status = typeof r.statusCode === 'string' && /^\d+$/.test(r.statusCode) ? Number(r.statusCode) : r.statusCode;
    if (!Number.isInteger(status) || status < 100 || status > 599) throw malformed();
    if (r.body !== undefined && r.body !== null && typeof r.body !== 'string') throw malformed();
    const headers: Record<string, string | string[]> = {};
    if (r.headers !== undefined && r.headers !== null) {
      if (typeof r.headers !== 'object' || Array.isArray(r.headers)) throw malformed();
      for (const [k, v] of Object.entries(r.headers)) {
        if (v !== null && typeof v === 'object') throw malformed();
        if (v !== null && v !== undefined) headers[k.toLowerCase()] = String(v);
      }
    }
    if (r.multiValueHeaders !== undefined && r.multiValueHeaders !== null) {
      if (typeof r.multiValueHeaders !== 'object' || Array.isArray(r.multiValueHeaders)) throw malformed();
      for (const [k, v] of Object.entries(r.multiValueHeaders)) {
        if (!Array.isArray(v)) throw malformed();
        const key = k.toLowerCase();
        const prev = headers[key];
        const vals = v.map(String);
        headers[key] = prev === undefined ? vals : [...(Array.isArray(prev) ? prev : [prev]), ...vals];
      }
    }
    headers['content-type'] ??= 'application/json';
    // The gateway frames the body itself.
    delete headers['content-length'];
    delete headers['transfer-encoding'];
    delete headers['connection'];
    let body = Buffer.from(r.body ?? '', 'utf8');
    if (r.isBase64Encoded === true && this.wantsBinary(req, String(headers['content-type']))) body = Buffer.from(r.body ?? '', 'base64');
    return { status, headers, body };
  }

  private integrationUrl(req: Req, i: IntegrationDoc, proxy: boolean): URL {
    const mapped = this.mappedParams(req, i);
    let uri = (i.uri ?? '').replace(/\$\{stageVariables\.([A-Za-z0-9_]+)\}/g, (_, n: string) => req.stageVariables[n] ?? '');
    uri = uri.replace(/\{([A-Za-z0-9._-]+)\+?\}/g, (_, name: string) => {
      const override = req.requestOverride?.path[name];
      const v = (override !== undefined && override !== null ? String(override) : undefined) ?? mapped.path[name] ?? (proxy ? req.pathParameters[name] : undefined) ?? '';
      return v.split('/').map(encodeURIComponent).join('/');
    });
    let url: URL;
    try {
      url = new URL(uri);
    } catch {
      throw new GatewayError('API_CONFIGURATION_ERROR', 'Internal server error', 500);
    }
    if (proxy) for (const [k, vs] of Object.entries(req.multiQuery)) for (const v of vs) url.searchParams.append(k, v);
    for (const [k, v] of Object.entries(mapped.querystring)) url.searchParams.set(k, v);
    for (const [k, v] of Object.entries(req.requestOverride?.querystring ?? {})) if (v !== undefined && v !== null) url.searchParams.set(k, String(v));
    return url;
  }

  private mappedParams(req: Req, i: IntegrationDoc): { path: Record<string, string>; querystring: Record<string, string>; header: Record<string, string> } {
    const out = { path: {} as Record<string, string>, querystring: {} as Record<string, string>, header: {} as Record<string, string> };
    for (const [target, source] of Object.entries(i.requestParameters ?? {})) {
      const m = /^integration\.request\.(path|querystring|header|multivaluequerystring|multivalueheader)\.(.+)$/.exec(target);
      if (!m) continue;
      const v = this.paramSource(req, source);
      if (v === undefined) continue;
      const kind = m[1] === 'multivaluequerystring' ? 'querystring' : m[1] === 'multivalueheader' ? 'header' : (m[1] as 'path' | 'querystring' | 'header');
      out[kind][m[2]!] = v;
    }
    return out;
  }

  private async httpProxy(req: Req, i: IntegrationDoc): Promise<Reply> {
    const url = this.integrationUrl(req, i, true);
    const headers: Record<string, string | string[]> = {};
    for (const [k, v] of Object.entries(req.multiHeaders)) if (!HOP_BY_HOP.has(k.toLowerCase())) headers[k] = v.length === 1 ? v[0]! : v;
    for (const [k, v] of Object.entries(this.mappedParams(req, i).header)) headers[k] = v;
    const verb = !i.httpMethod || i.httpMethod === 'ANY' ? req.call.method : i.httpMethod;
    const r = await this.http(req, url, verb, headers, req.call.body, i);
    const out: Record<string, string | string[]> = {};
    for (const [k, v] of Object.entries(r.headers)) if (v !== undefined && !HOP_BY_HOP.has(k)) out[k] = v;
    return { status: r.status, headers: out, body: r.body };
  }

  /** The stage's client certificate (PEM certificate and key), cached by id. */
  private async clientCertificate(dep: Deployed): Promise<{ cert: string; key: string } | undefined> {
    const id = dep.stage.clientCertificateId;
    if (!id) return undefined;
    const key = `${dep.scope.accountId}/${dep.scope.region}/${id}`;
    let c = this.certificates.get(key);
    if (!c) {
      const doc = await this.store.getCertificate(this.store.db, dep.scope, id);
      if (!doc) return undefined;
      c = { cert: doc.pemEncodedCertificate, key: doc.privateKeyPem };
      this.certificates.set(key, c);
    }
    return c;
  }

  private async http(req: Req, url: URL, method: string, headers: Record<string, string | string[]>, body: Buffer, i: IntegrationDoc): Promise<{ status: number; headers: IncomingHttpHeaders; body: Buffer }> {
    const isHttps = url.protocol === 'https:';
    const clientCert = isHttps ? await this.clientCertificate(req.dep) : undefined;
    return new Promise((resolve, reject) => {
      const send = isHttps ? httpsRequest : httpRequest;
      const r = send(
        url,
        {
          method,
          headers: { ...headers, 'content-length': String(body.length) },
          agent: isHttps ? httpsAgent : httpAgent,
          rejectUnauthorized: isHttps ? !i.tlsConfig?.insecureSkipVerification : undefined,
          ...(clientCert ? { cert: clientCert.cert, key: clientCert.key } : {}),
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => resolve({ status: res.statusCode ?? 502, headers: res.headers, body: Buffer.concat(chunks) }));
          res.on('error', reject);
        },
      );
      r.on('error', (e) => {
        req.log.lines.push(`Execution failed due to an internal error: ${e.message}`);
        reject(new GatewayError('API_CONFIGURATION_ERROR', 'Internal server error', 500));
      });
      const timer = this.clock.setTimer(i.timeoutInMillis, () => r.destroy());
      r.on('close', () => timer.cancel());
      r.end(body);
    });
  }

  /** Chooses the request template and renders it, applying the passthrough behaviour. */
  private requestBody(req: Req, i: IntegrationDoc): Buffer {
    const templates = i.requestTemplates ?? {};
    const contentType = (headerValue(req.headers, 'content-type') ?? 'application/json').split(';')[0]!.trim().toLowerCase();
    const template = templates[contentType];
    const binary = this.isBinaryRequest(req);
    if (template === undefined) {
      const behaviour = i.passthroughBehavior ?? 'WHEN_NO_MATCH';
      const any = Object.keys(templates).length > 0;
      if (behaviour === 'NEVER' || (behaviour === 'WHEN_NO_TEMPLATES' && any)) throw new GatewayError('UNSUPPORTED_MEDIA_TYPE', 'Unsupported Media Type', 415);
      if (binary && i.contentHandling === 'CONVERT_TO_TEXT') return Buffer.from(req.call.body.toString('base64'));
      return req.call.body;
    }
    const text = binary ? req.call.body.toString('base64') : req.call.body.toString('utf8');
    const requestOverride = (req.requestOverride = { header: {}, querystring: {}, path: {} });
    return Buffer.from(this.render(req, template, text, { requestOverride }));
  }

  private render(req: Req, template: string, body: string, extra: Record<string, unknown>): string {
    const context = { ...this.requestContext(req), ...this.contextExtras(req), ...extra };
    try {
      return renderTemplate(template, {
        input: inputVariable({ body, params: { path: req.pathParameters, querystring: req.query, header: req.headers } }),
        context,
        stageVariables: req.stageVariables,
      });
    } catch (e) {
      req.log.lines.push(`Execution failed due to configuration error: Unable to transform request: ${(e as Error).message}`);
      throw new GatewayError('API_CONFIGURATION_ERROR', 'Internal server error', 500);
    }
  }

  private async mock(req: Req, i: IntegrationDoc): Promise<Reply> {
    const body = this.requestBody(req, i).toString('utf8');
    let status = 200;
    const hasTemplate = Object.keys(i.requestTemplates ?? {}).length > 0;
    if (hasTemplate) {
      try {
        const parsed = body.trim() ? JSON.parse(body) : {};
        if (parsed.statusCode !== undefined) status = Number(parsed.statusCode);
      } catch {
        status = 200;
      }
    }
    return this.integrationResponse(req, i, { status, headers: {}, body: Buffer.alloc(0), selector: String(status) });
  }

  private async httpNonProxy(req: Req, i: IntegrationDoc): Promise<Reply> {
    const payload = this.requestBody(req, i);
    const url = this.integrationUrl(req, i, false);
    const headers: Record<string, string> = { ...this.mappedParams(req, i).header };
    for (const [k, v] of Object.entries(req.requestOverride?.header ?? {})) if (v !== undefined && v !== null) headers[k] = String(v);
    if (!Object.keys(headers).some((h) => h.toLowerCase() === 'content-type')) headers['content-type'] = Object.keys(i.requestTemplates ?? {}).length ? 'application/json' : headerValue(req.headers, 'content-type') ?? 'application/json';
    const r = await this.http(req, url, i.httpMethod === 'ANY' ? req.call.method : i.httpMethod ?? req.call.method, headers, payload, i);
    const flat: Record<string, string> = {};
    for (const [k, v] of Object.entries(r.headers)) if (v !== undefined) flat[k] = Array.isArray(v) ? v.join(',') : v;
    return this.integrationResponse(req, i, { status: r.status, headers: flat, body: r.body, selector: String(r.status) });
  }

  private async awsNonProxy(req: Req, i: IntegrationDoc): Promise<Reply> {
    if (!/:lambda:path\//.test(i.uri ?? '')) {
      const uri = (i.uri ?? '').replace(/\$\{stageVariables\.([A-Za-z0-9_]+)\}/g, (_, n: string) => req.stageVariables[n] ?? '');
      let result;
      try {
        result = await this.actions.call(req.dep.scope, uri, this.requestBody(req, i), req.requestId);
      } catch (e) {
        if (!(e instanceof UnsupportedServiceIntegration)) throw e;
        req.log.lines.push(`Execution failed due to configuration error: ${e.message}`);
        throw new GatewayError('API_CONFIGURATION_ERROR', 'Internal server error', 500);
      }
      return this.integrationResponse(req, i, { status: result.status, headers: { 'content-type': 'application/x-amz-json-1.0' }, body: result.body, selector: String(result.status) });
    }
    let payload = this.requestBody(req, i);
    if (payload.length === 0) payload = Buffer.from('{}');
    const out = await this.callLambda(req, i.uri, payload);
    let selector = '';
    if (out.functionError) {
      try {
        selector = String(JSON.parse(out.payload.toString('utf8')).errorMessage ?? '');
      } catch {
        selector = out.payload.toString('utf8');
      }
    }
    return this.integrationResponse(req, i, { status: 200, headers: { 'content-type': 'application/json' }, body: out.payload, selector, lambda: true, functionError: out.functionError });
  }

  /** Selects the integration response, maps parameters and renders the response template. */
  private integrationResponse(
    req: Req,
    i: IntegrationDoc,
    r: { status: number; headers: Record<string, string>; body: Buffer; selector: string; lambda?: boolean; functionError?: boolean },
  ): Reply {
    const responses = Object.values(i.integrationResponses ?? {});
    const fallback = responses.find((x) => !x.selectionPattern);
    let chosen = responses.find((x) => x.selectionPattern && (r.lambda ? r.functionError : true) && fullMatch(x.selectionPattern, r.selector));
    chosen ??= fallback;
    if (!chosen) {
      req.log.lines.push(`Execution failed due to configuration error: No match for output mapping and no default output mapping configured. Endpoint Response Status Code: ${r.status}`);
      throw new GatewayError('API_CONFIGURATION_ERROR', 'Internal server error', 500);
    }
    const responseOverride = { status: undefined as unknown, header: {} as Record<string, unknown> };
    const templates = chosen.responseTemplates ?? {};
    const accept = headerValue(req.headers, 'accept')?.split(',')[0]?.split(';')[0]?.trim().toLowerCase();
    const entry = (accept && accept in templates ? [accept, templates[accept]!] : undefined) ?? (Object.entries(templates).find(([k]) => k === 'application/json') ?? Object.entries(templates)[0]);
    let body = r.body;
    let contentType = 'application/json';
    if (entry) {
      contentType = entry[0];
      if (entry[1] !== '') body = Buffer.from(this.render(req, entry[1], r.body.toString('utf8'), { responseOverride }));
    }
    if (chosen.contentHandling === 'CONVERT_TO_TEXT') body = Buffer.from(body.toString('base64'));
    else if (chosen.contentHandling === 'CONVERT_TO_BINARY') body = Buffer.from(body.toString('utf8'), 'base64');
    const headers: Record<string, string | string[]> = { 'content-type': contentType };
    let parsedBody: unknown;
    let parsedOk = false;
    for (const [target, source] of Object.entries(chosen.responseParameters ?? {})) {
      const m = /^method\.response\.header\.(.+)$/.exec(target);
      if (!m) continue;
      let v: string | undefined;
      const s = source.trim();
      let sm: RegExpExecArray | null;
      if (s.startsWith("'") && s.endsWith("'") && s.length >= 2) v = s.slice(1, -1);
      else if ((sm = /^integration\.response\.header\.(.+)$/.exec(s))) v = headerValue(r.headers, sm[1]!);
      else if ((sm = /^integration\.response\.multivalueheader\.(.+)$/.exec(s))) v = headerValue(r.headers, sm[1]!);
      else if (s === 'integration.response.body') v = r.body.toString('utf8');
      else if ((sm = /^integration\.response\.body\.(.+)$/.exec(s))) {
        if (!parsedOk) {
          parsedOk = true;
          try {
            parsedBody = JSON.parse(r.body.toString('utf8'));
          } catch {
            parsedBody = undefined;
          }
        }
        const x = parsedBody === undefined ? undefined : jsonPath(parsedBody, '$.' + sm[1]);
        v = x === undefined ? undefined : typeof x === 'string' ? x : JSON.stringify(x);
      } else v = this.paramSource(req, s);
      if (v !== undefined) headers[m[1]!.toLowerCase()] = v;
    }
    let status = Number(chosen.statusCode);
    if (responseOverride.status !== undefined && responseOverride.status !== null && responseOverride.status !== '') {
      const n = Number(responseOverride.status);
      if (Number.isInteger(n) && n >= 100 && n <= 599) status = n;
    }
    for (const [k, v] of Object.entries(responseOverride.header)) if (v !== undefined && v !== null) headers[k.toLowerCase()] = String(v);
    return { status, headers, body };
  }
}

// ------------------------------------------------------------------ helpers

/**
 * The headers API Gateway adds before the integration sees the request (X-Forwarded-For/Port/Proto,
 * X-Amzn-Trace-Id), unless the client sent them; here they describe the local connection.
 */
function withForwardingHeaders(call: Call, traceId: string): [string, string][] {
  const present = new Set(call.rawHeaders.map(([k]) => k.toLowerCase()));
  const out = [...call.rawHeaders];
  const host = call.rawHeaders.find(([k]) => k.toLowerCase() === 'host')?.[1] ?? '';
  const port = /:(\d+)$/.exec(host)?.[1] ?? '80';
  if (!present.has('x-forwarded-for')) out.push(['X-Forwarded-For', call.sourceIp]);
  else {
    const i = out.findIndex(([k]) => k.toLowerCase() === 'x-forwarded-for');
    out[i] = [out[i]![0], `${out[i]![1]}, ${call.sourceIp}`];
  }
  if (!present.has('x-forwarded-port')) out.push(['X-Forwarded-Port', port]);
  if (!present.has('x-forwarded-proto')) out.push(['X-Forwarded-Proto', 'http']);
  if (!present.has('x-amzn-trace-id')) out.push(['X-Amzn-Trace-Id', traceId]);
  return out;
}

/** Payload compression (minimumCompressionSize): gzip or deflate when the client accepts it and the body is large enough. */
function compress(reply: Reply, minimum: number | undefined, acceptEncoding: string | undefined): void {
  if (minimum === undefined || minimum === null || !acceptEncoding || reply.body.length < minimum || reply.headers['content-encoding']) return;
  const accepted = acceptEncoding.split(',').map((e) => e.split(';')[0]!.trim().toLowerCase());
  const encoding = accepted.includes('gzip') ? 'gzip' : accepted.includes('deflate') ? 'deflate' : undefined;
  if (!encoding) return;
  reply.body = encoding === 'gzip' ? gzipSync(reply.body) : deflateSync(reply.body);
  reply.headers['content-encoding'] = encoding;
  delete reply.headers['content-length'];
}

function pairs(raw: string[]): [string, string][] {
  const out: [string, string][] = [];
  for (let i = 0; i + 1 < raw.length; i += 2) out.push([raw[i]!, raw[i + 1]!]);
  return out;
}

export function headerMaps(raw: [string, string][]): { headers: Record<string, string>; multiHeaders: Record<string, string[]> } {
  const headers: Record<string, string> = {};
  const multiHeaders: Record<string, string[]> = {};
  const canonical = new Map<string, string>();
  for (const [k, v] of raw) {
    const lower = k.toLowerCase();
    const name = canonical.get(lower) ?? k;
    canonical.set(lower, name);
    headers[name] = v;
    (multiHeaders[name] ??= []).push(v);
  }
  return { headers, multiHeaders };
}

export function queryMaps(rawQuery: string): { query: Record<string, string>; multiQuery: Record<string, string[]> } {
  const query: Record<string, string> = {};
  const multiQuery: Record<string, string[]> = {};
  if (!rawQuery) return { query, multiQuery };
  for (const [k, v] of new URLSearchParams(rawQuery)) {
    query[k] = v;
    (multiQuery[k] ??= []).push(v);
  }
  return { query, multiQuery };
}

/** A header by case-insensitive name. */
export function headerValue(headers: Record<string, string>, name: string): string | undefined {
  if (name in headers) return headers[name];
  const lower = name.toLowerCase();
  for (const [k, v] of Object.entries(headers)) if (k.toLowerCase() === lower) return v;
  return undefined;
}

function decodePath(p: string): string {
  try {
    return decodeURIComponent(p);
  } catch {
    return p;
  }
}

function copyReply(r: Reply): Reply {
  return { status: r.status, headers: { ...r.headers }, body: r.body };
}
