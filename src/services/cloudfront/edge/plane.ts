/**
 * The distribution data plane: `{distributionId}.cloudfront.localhost`, the distribution's AWS
 * domain name (`d111111abcdef8.cloudfront.net`) as Host, and `/_aws/cloudfront/{id}/...` on the
 * main endpoint. A request takes its cache behavior, runs the viewer-request function, is answered
 * from the cache or goes through the origin-request function to the origin and back through the
 * origin-response function (custom error responses applied, the result cached by its TTL), then
 * the viewer-response function; CloudFront's headers are added on the way out.
 */
import { createPublicKey, type KeyObject } from 'node:crypto';
import { parseArn } from '../../../aws/arn.js';
import { hostName, percentDecode, send, type HttpRequest, type ResponseSink } from '../../../core/http.js';
import type { LambdaApi } from '../../../generated/lambda.js';
import { serviceClient } from '../../clients.js';
import type { DataPlaneRoute } from '../../service.js';
import type { CloudFrontCore } from '../core.js';
import { parseFunctionArn } from '../ops/functions.js';
import { managedCachePolicy, managedOriginRequestPolicy } from '../policies.js';
import type { DistributionDoc } from '../store.js';
import { cacheKey, parseCookies, resolvePolicy, selectBehavior, selectQuery, selects, ttlSeconds, type ResolvedPolicy } from './behaviors.js';
import { EdgeCache, type CachedResponse } from './cache.js';
import { compressFor } from './compress.js';
import { fromFunctionResult, fromLambdaResult, functionEvent, lambdaEdgeEvent, responseFromFunction, type EdgeContext, type EdgeRequest, type EdgeResponse } from './events.js';
import type { FunctionRuntime } from './functions-runtime.js';
import { associatedStores } from '../kvs.js';
import { checkSigned, geoBlocked, GEO_BLOCKED, VIEWER_COUNTRY_HEADER } from './access.js';
import { fetchOrigin, OriginUnreachable } from './origin.js';
import { errorPage, MESSAGES, newCfId, POP, viaHeader } from './pages.js';
import { applyResponseHeadersPolicy, managedResponseHeadersPolicy } from './response-headers.js';
import { CLOUDFRONT_HOST, CLOUDFRONT_PATH_PREFIX } from '../addresses.js';

export { CLOUDFRONT_HOST, CLOUDFRONT_PATH_PREFIX };

/** How long a distribution, function or policy read from SQL is used before it is read again (platform ms). */
const RELOAD_MS = 1000;
const MAX_VIA_HOPS = 3;
const CACHEABLE = new Set([200, 203, 300, 301, 410]);
const ERROR_CACHED = new Set([400, 403, 404, 405, 414, 416, 500, 501, 502, 503, 504]);

type Outcome = { response: EdgeResponse; xCache: string; age?: number };

class EdgeFailure extends Error {
  constructor(
    readonly status: number,
    readonly text: string,
    readonly xCache: string,
  ) {
    super(text);
  }
}

export class EdgePlane {
  readonly cache: EdgeCache;
  private readonly distributions = new Map<string, { doc: DistributionDoc | undefined; at: number }>();
  private readonly loaded = new Map<string, { value: any; at: number }>();
  /** The country of viewers that name none (services.cloudfront.viewerCountry); undefined: unknown. */
  private readonly viewerCountry: string | undefined;

  constructor(
    private readonly core: CloudFrontCore,
    private readonly runtime: FunctionRuntime,
    cacheBytes: number,
  ) {
    this.cache = new EdgeCache(cacheBytes);
    const country = core.platform.config.services?.cloudfront?.viewerCountry;
    this.viewerCountry = typeof country === 'string' && country !== '' ? country : undefined;
    core.onDistributionChange = (id) => {
      if (id === '*') this.loaded.clear();
      for (const [k, v] of this.distributions) if (k === id || v.doc?.id === id || id === '*') this.distributions.delete(k);
    };
    core.onInvalidation = (id, paths) => this.cache.invalidate(id, paths);
    core.onDistributionDeleted = (id) => this.cache.forget(id);
    core.onFunctionChange = () => this.loaded.clear();
  }

  routes(): DataPlaneRoute[] {
    return [
      { host: CLOUDFRONT_HOST, handle: (req, res) => this.serve(req, res, CLOUDFRONT_HOST.exec(hostName(req.headers.host))![1]!, req.rawPath || '/') },
      {
        pathPrefix: CLOUDFRONT_PATH_PREFIX,
        handle: (req, res) => {
          const rest = req.rawPath.slice(CLOUDFRONT_PATH_PREFIX.length);
          const slash = rest.indexOf('/');
          return this.serve(req, res, (slash < 0 ? rest : rest.slice(0, slash)).toLowerCase(), slash < 0 ? '/' : rest.slice(slash));
        },
      },
    ];
  }

  private async distribution(label: string): Promise<DistributionDoc | undefined> {
    const now = this.core.now();
    const hit = this.distributions.get(label);
    if (hit && now - hit.at < RELOAD_MS) return hit.doc;
    const doc = /^e[a-z0-9]{13}$/.test(label) ? await this.core.store.distribution(label.toUpperCase()) : await this.core.store.distributionByDomain(`${label}.cloudfront.net`);
    if (this.distributions.size > 10_000) this.distributions.clear();
    this.distributions.set(label, { doc, at: now });
    return doc;
  }

  /** A function's, policy's... value read through a short-lived memo. */
  private async memo<T>(key: string, load: () => Promise<T>): Promise<T> {
    const now = this.core.now();
    const hit = this.loaded.get(key);
    if (hit && now - hit.at < RELOAD_MS) return hit.value as T;
    const value = await load();
    if (this.loaded.size > 10_000) this.loaded.clear();
    this.loaded.set(key, { value, at: now });
    return value;
  }

  private policyOf(d: DistributionDoc, behavior: any): Promise<ResolvedPolicy> {
    return this.memo(`policy\n${d.id}\n${d.etag}\n${behavior.PathPattern ?? '*'}`, async () => {
      const cacheId = behavior.CachePolicyId as string | undefined;
      const orpId = behavior.OriginRequestPolicyId as string | undefined;
      const cp = cacheId ? (managedCachePolicy(cacheId)?.config ?? (await this.core.store.policy(d.account, 'cache', cacheId))?.config) : undefined;
      const orp = orpId ? (managedOriginRequestPolicy(orpId)?.config ?? (await this.core.store.policy(d.account, 'origin-request', orpId))?.config) : undefined;
      return resolvePolicy(behavior, cp, orp);
    });
  }

  /** The origin access control an origin names (its config), if any. */
  private oacOf(account: string, origin: any): Promise<any> {
    const id = origin?.OriginAccessControlId as string | undefined;
    if (!id) return Promise.resolve(undefined);
    return this.memo(`oac\n${account}\n${id}`, async () => (await this.core.store.policy(account, 'oac', id))?.config);
  }

  private responseHeadersPolicyOf(d: DistributionDoc, behavior: any): Promise<any> {
    const id = behavior.ResponseHeadersPolicyId as string | undefined;
    if (!id) return Promise.resolve(undefined);
    return this.memo(`rhp\n${d.account}\n${id}`, async () => managedResponseHeadersPolicy(id)?.config ?? (await this.core.store.policy(d.account, 'response-headers', id))?.config);
  }

  async serve(req: HttpRequest, res: ResponseSink, label: string, rawPath: string): Promise<void> {
    const cfId = newCfId();
    let outcome: Outcome;
    let distributionId = label;
    try {
      const d = await this.distribution(label);
      if (!d || !d.config.Enabled) throw new EdgeFailure(403, MESSAGES.badRequest, 'Error from cloudfront');
      // A request that came through CloudFront several times is a loop (an origin pointing back at the distribution).
      if ((req.headers.via?.match(/\(CloudFront\)/g)?.length ?? 0) >= MAX_VIA_HOPS) throw new EdgeFailure(403, MESSAGES.badRequest, 'Error from cloudfront');
      distributionId = d.id;
      outcome = await this.handle(d, req, rawPath, cfId);
    } catch (e) {
      if (!(e instanceof EdgeFailure)) {
        this.core.platform.log({ level: 'error', msg: 'cloudfront edge failure', error: String((e as Error)?.stack ?? e) });
      }
      const f = e instanceof EdgeFailure ? e : new EdgeFailure(502, MESSAGES.originUnreachable, 'Error from cloudfront');
      outcome = { response: errorPage(f.status, f.text, cfId), xCache: f.xCache };
    }
    const { response, xCache, age } = outcome;
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries(response.headers)) if (k !== 'set-cookie') headers[k] = v;
    headers['x-cache'] = xCache;
    headers.via = viaHeader(distributionId);
    headers['x-amz-cf-pop'] = POP;
    headers['x-amz-cf-id'] = cfId;
    if (age !== undefined) headers.age = String(age);
    // A HEAD answer describes the GET body: its length from the origin's HEAD, else the body's (never sent).
    headers['content-length'] = req.method === 'HEAD' && response.body.length === 0 && response.headers['content-length'] ? response.headers['content-length'] : String(response.body.length);
    const out: Record<string, string | string[]> = headers;
    if (response.headers['set-cookie']) out['set-cookie'] = response.headers['set-cookie'].split('\n');
    await send(res, req, { status: response.status, headers: out as Record<string, string>, body: response.body, ownCors: true });
  }

  private async handle(d: DistributionDoc, req: HttpRequest, rawPath: string, cfId: string): Promise<Outcome> {
    const behavior = selectBehavior(d.config, percentDecode(rawPath));
    const allowed: string[] = behavior.AllowedMethods?.Items ?? ['GET', 'HEAD'];
    if (!allowed.includes(req.method)) throw new EdgeFailure(403, MESSAGES.methodNotAllowed, 'Error from cloudfront');
    const country = req.headers[VIEWER_COUNTRY_HEADER] ?? this.viewerCountry;
    if (geoBlocked(d.config.Restrictions?.GeoRestriction, country)) throw new EdgeFailure(403, GEO_BLOCKED, 'Error from cloudfront');
    const denied = await this.signedCheck(d, behavior, req, rawPath);
    if (denied) return { response: denied, xCache: 'Error from cloudfront' };
    const ctx: EdgeContext = { distributionDomainName: d.domain, distributionId: d.id, requestId: cfId };
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries(req.headers)) if (v !== undefined) headers[k] = v;
    // CloudFront-Viewer-Country is CloudFront's to set, from the country it decided on (a viewer's is replaced).
    delete headers['cloudfront-viewer-country'];
    if (country) headers['cloudfront-viewer-country'] = country.toUpperCase();
    let request: EdgeRequest = { method: req.method, uri: rawPath, rawQuery: req.rawQuery, headers, clientIp: clientIp(req), body: req.body };

    // Viewer request.
    const viewerRequest = await this.viewerCode(d, behavior, 'viewer-request', ctx, request);
    if ('response' in viewerRequest) return { response: viewerRequest.response, xCache: 'FunctionGeneratedResponse from cloudfront' };
    if ('request' in viewerRequest) request = viewerRequest.request;
    if (request.uri === '/' && d.config.DefaultRootObject) request = { ...request, uri: '/' + String(d.config.DefaultRootObject) };

    let outcome = await this.fromCacheOrOrigin(d, behavior, request, ctx, cfId);
    if (behavior.Compress) outcome = { ...outcome, response: compressFor(request.headers['accept-encoding'], outcome.response) };

    // Viewer response.
    const viewerResponse = await this.viewerCode(d, behavior, 'viewer-response', ctx, request, outcome.response);
    if ('response' in viewerResponse) outcome = { ...outcome, response: viewerResponse.response };
    const rhp = await this.responseHeadersPolicyOf(d, behavior);
    if (rhp) outcome = { ...outcome, response: { ...outcome.response, headers: applyResponseHeadersPolicy(rhp, outcome.response.headers, request.headers) } };
    return outcome;
  }

  /** CloudFront's 403 for a behavior that needs a signed URL or cookie the request lacks, else undefined. */
  private async signedCheck(d: DistributionDoc, behavior: any, req: HttpRequest, rawPath: string): Promise<EdgeResponse | undefined> {
    const groups: string[] = behavior.TrustedKeyGroups?.Enabled ? (behavior.TrustedKeyGroups.Items ?? []) : [];
    if (groups.length === 0 && !behavior.TrustedSigners?.Enabled) return undefined;
    // Legacy TrustedSigners trust CloudFront key pairs, which cannot exist here: their ids are unknown keys.
    const keys = await this.memo(`keys\n${d.account}\n${groups.join(',')}`, async () => {
      const out = new Map<string, KeyObject>();
      for (const g of groups) {
        for (const id of ((await this.core.store.policy(d.account, 'key-group', g))?.config.Items ?? []) as string[]) {
          const pem = (await this.core.store.policy(d.account, 'public-key', id))?.config.EncodedKey;
          if (pem) out.set(id, createPublicKey(String(pem)));
        }
      }
      return out;
    });
    const host = req.headers.host ?? '';
    return checkSigned(
      {
        rawPath,
        rawQuery: req.rawQuery,
        cookieHeader: req.headers.cookie,
        clientIp: clientIp(req),
        hosts: [d.domain, ...((d.config.Aliases?.Items ?? []) as string[]), hostName(host), host],
        nowSeconds: Math.floor(this.core.now() / 1000),
      },
      async (id) => keys.get(id),
    );
  }

  private async fromCacheOrOrigin(d: DistributionDoc, behavior: any, request: EdgeRequest, ctx: EdgeContext, cfId: string): Promise<Outcome> {
    const policy = await this.policyOf(d, behavior);
    const cachedMethods: string[] = behavior.AllowedMethods?.CachedMethods?.Items ?? ['GET', 'HEAD'];
    const cacheable = cachedMethods.includes(request.method) && request.headers.range === undefined && policy.ttl.max > 0;
    const key = cacheable ? cacheKey(d.id, request.uri, request.rawQuery, request.headers, policy) : undefined;
    const now = this.core.now();
    let stale: CachedResponse | undefined;
    if (key) {
      const found = this.cache.lookup(key, now);
      const hit = found && !found.stale ? found.entry : undefined;
      if (found?.stale) stale = found.entry;
      if (hit) {
        this.cache.hits++;
        const age = Math.floor((now - hit.storedAt) / 1000);
        const etag = hit.headers.etag;
        const ifNoneMatch = request.headers['if-none-match'];
        if (etag && ifNoneMatch && ifNoneMatch.split(',').some((e) => e.trim().replace(/^W\//, '') === etag.replace(/^W\//, ''))) return { response: { status: 304, headers: { etag }, body: Buffer.alloc(0) }, xCache: 'Hit from cloudfront', age };
        return { response: { status: hit.status, headers: hit.headers, body: hit.body }, xCache: hit.status >= 400 ? 'Error from cloudfront' : 'Hit from cloudfront', age };
      }
      this.cache.misses++;
    }
    // An expired object with a validator is revalidated: the origin's 304 refreshes it (RefreshHit).
    const conditional = stale ? { ...request, headers: { ...request.headers, ...validators(stale) } } : request;
    const { response, ttl } = await this.fromOrigin(d, behavior, conditional, ctx, policy, cfId);
    if (stale && key && response.status === 304) {
      const headers = { ...stale.headers };
      for (const h of ['cache-control', 'expires', 'etag', 'last-modified']) if (response.headers[h] !== undefined) headers[h] = response.headers[h]!;
      const fresh = ttlSeconds(headers, policy.ttl, now);
      this.cache.put(key, { ...stale, headers, storedAt: now, expiresAt: now + Math.max(fresh, 0) * 1000 });
      return { response: { status: stale.status, headers, body: stale.body }, xCache: 'RefreshHit from cloudfront', age: 0 };
    }
    if (key && ttl > 0 && request.method === 'GET') {
      this.cache.put(key, { status: response.status, headers: response.headers, body: response.body, storedAt: now, expiresAt: now + ttl * 1000, distributionId: d.id, path: request.uri });
    }
    const xCache = response.status >= 400 ? 'Error from cloudfront' : 'Miss from cloudfront';
    return { response, xCache };
  }

  /** The origin's answer (after the origin functions and custom error responses) and how long to cache it. */
  private async fromOrigin(d: DistributionDoc, behavior: any, request: EdgeRequest, ctx: EdgeContext, policy: ResolvedPolicy, cfId: string): Promise<{ response: EdgeResponse; ttl: number }> {
    let origin = originFor(d.config, behavior.TargetOriginId);
    const originRequestFn = lambdaAssociation(behavior, 'origin-request');
    let toOrigin = request;
    if (originRequestFn) {
      const event = lambdaEdgeEvent(ctx, 'origin-request', request, edgeOrigin(origin), originRequestFn.IncludeBody === true);
      const r = fromLambdaResult(await this.invokeLambda(originRequestFn.LambdaFunctionARN, event, ctx.requestId), request, 'origin-request');
      if ('invalid' in r) throw new EdgeFailure(502, MESSAGES.lambdaInvalid, 'LambdaValidationError from cloudfront');
      if ('response' in r) return { response: r.response, ttl: ttlSeconds(r.response.headers, policy.ttl, this.core.now()) };
      toOrigin = r.request;
      if (r.origin) origin = configOrigin(r.origin, origin);
    }
    const forward = forwardedHeaders(toOrigin, policy, d, cfId);
    const query = originRequestFn ? toOrigin.rawQuery : selectQuery(toOrigin.rawQuery, policy.forward.query);
    let response: EdgeResponse;
    try {
      response = await this.fetchWithFailover(d, behavior, origin, { ...toOrigin, rawQuery: query }, forward);
    } catch (e) {
      if (!(e instanceof OriginUnreachable)) throw e;
      throw new EdgeFailure(e.timeout ? 504 : 502, e.timeout ? MESSAGES.originTimeout : MESSAGES.originUnreachable, 'Error from cloudfront');
    }
    const originResponseFn = lambdaAssociation(behavior, 'origin-response');
    if (originResponseFn) {
      const event = lambdaEdgeEvent(ctx, 'origin-response', toOrigin, edgeOrigin(origin), false, response);
      const out = await this.invokeLambda(originResponseFn.LambdaFunctionARN, event, ctx.requestId);
      const r = fromLambdaResult(out, toOrigin, 'origin-response', response);
      if (!('response' in r)) throw new EdgeFailure(502, MESSAGES.lambdaInvalid, 'LambdaValidationError from cloudfront');
      // An origin-response function changes status and headers; the body stays unless it gives one.
      response = { ...r.response, body: typeof out?.body === 'string' ? r.response.body : response.body };
    }
    const now = this.core.now();
    const custom = (d.config.CustomErrorResponses?.Items ?? []).find((e: any) => Number(e.ErrorCode) === response.status);
    if (response.status >= 400 && custom) {
      if (custom.ResponsePagePath) {
        const pageBehavior = selectBehavior(d.config, custom.ResponsePagePath);
        const page = await fetchOrigin(this.core.platform, d.account, originFor(d.config, pageBehavior.TargetOriginId), { ...request, method: 'GET', uri: custom.ResponsePagePath, rawQuery: '' }, forward).catch(() => undefined);
        if (page && page.status < 400) response = { ...page, status: Number(custom.ResponseCode) };
        else if (custom.ResponseCode) response = { ...response, status: Number(custom.ResponseCode) };
      }
      return { response, ttl: Number(custom.ErrorCachingMinTTL ?? 10) };
    }
    if (ERROR_CACHED.has(response.status)) return { response, ttl: 10 };
    if (!CACHEABLE.has(response.status)) return { response, ttl: 0 };
    return { response, ttl: ttlSeconds(response.headers, policy.ttl, now) };
  }

  /** An origin group tries its next member when the first fails or answers a failover status. */
  private async fetchWithFailover(d: DistributionDoc, behavior: any, origin: any, request: EdgeRequest, forward: Record<string, string>): Promise<EdgeResponse> {
    const group = (d.config.OriginGroups?.Items ?? []).find((g: any) => g.Id === behavior.TargetOriginId);
    if (!group) return fetchOrigin(this.core.platform, d.account, origin, request, forward, await this.oacOf(d.account, origin));
    const members: any[] = group.Members?.Items ?? [];
    const failover: number[] = group.FailoverCriteria?.StatusCodes?.Items ?? [];
    let last: unknown;
    for (let i = 0; i < members.length; i++) {
      const member = originFor(d.config, members[i].OriginId);
      try {
        const r = await fetchOrigin(this.core.platform, d.account, member, request, forward, await this.oacOf(d.account, member));
        if (i < members.length - 1 && failover.includes(r.status)) continue;
        return r;
      } catch (e) {
        last = e;
      }
    }
    throw last ?? new OriginUnreachable('no origin', false);
  }

  /** Runs the viewer function (CloudFront Function or Lambda@Edge) of an event, if the behavior has one. */
  private async viewerCode(d: DistributionDoc, behavior: any, eventType: 'viewer-request' | 'viewer-response', ctx: EdgeContext, request: EdgeRequest, response?: EdgeResponse): Promise<{ request: EdgeRequest } | { response: EdgeResponse } | { none: true }> {
    const fn = (behavior.FunctionAssociations?.Items ?? []).find((f: any) => f.EventType === eventType);
    if (fn) {
      const live = await this.functionCode(d.account, String(fn.FunctionARN));
      if (live === undefined) throw new EdgeFailure(503, MESSAGES.functionError, 'FunctionExecutionError from cloudfront');
      const run = await this.runtime.run(live.code, functionEvent(ctx, eventType, request, response), { account: d.account, stores: live.stores });
      if (run.timedOut) throw new EdgeFailure(503, MESSAGES.functionThrottled, 'FunctionThrottledError from cloudfront');
      if (run.error !== undefined) throw new EdgeFailure(503, MESSAGES.functionError, 'FunctionExecutionError from cloudfront');
      if (eventType === 'viewer-response') {
        const changed = responseFromFunction(run.output, response!);
        if (!changed) throw new EdgeFailure(503, MESSAGES.functionError, 'FunctionExecutionError from cloudfront');
        return { response: changed };
      }
      const r = fromFunctionResult(run.output, request);
      if ('invalid' in r) throw new EdgeFailure(503, MESSAGES.functionError, 'FunctionExecutionError from cloudfront');
      return r;
    }
    const lambda = lambdaAssociation(behavior, eventType);
    if (!lambda) return eventType === 'viewer-request' ? { request } : { none: true };
    const event = lambdaEdgeEvent(ctx, eventType, request, undefined, lambda.IncludeBody === true, response);
    const out = await this.invokeLambda(lambda.LambdaFunctionARN, event, ctx.requestId);
    const r = fromLambdaResult(out, request, eventType, response);
    if ('invalid' in r) throw new EdgeFailure(502, MESSAGES.lambdaInvalid, 'LambdaValidationError from cloudfront');
    if (eventType === 'viewer-response') {
      if (!('response' in r)) throw new EdgeFailure(502, MESSAGES.lambdaInvalid, 'LambdaValidationError from cloudfront');
      return { response: { ...r.response, body: typeof out?.body === 'string' ? r.response.body : response!.body } };
    }
    return 'response' in r ? { response: r.response } : { request: r.request };
  }

  /** A LIVE function's code and the ids of the KeyValueStores associated with it. */
  private functionCode(account: string, arnText: string): Promise<{ code: string; stores: string[] } | undefined> {
    return this.memo(`fn\n${arnText}`, async () => {
      const arn = parseFunctionArn(arnText);
      if (!arn || arn.account !== account) return undefined;
      const f = await this.core.store.fn(account, arn.name, 'LIVE');
      return f ? { code: Buffer.from(f.code, 'base64').toString('utf8'), stores: associatedStores(account, f.keyValueStoreAssociations) } : undefined;
    });
  }

  private async invokeLambda(arnText: string, event: unknown, requestId: string): Promise<any> {
    const arn = parseArn(arnText)!;
    const [, name, version] = arn.resource.split(':');
    const lambda = serviceClient<LambdaApi>(this.core.platform, 'lambda', { accountId: arn.account, region: arn.region, requestId });
    if (!lambda) throw new EdgeFailure(503, MESSAGES.lambdaError, 'LambdaExecutionError from cloudfront');
    let out;
    try {
      out = await lambda.Invoke({ FunctionName: name!, Qualifier: version, Payload: Buffer.from(JSON.stringify(event)) });
    } catch {
      throw new EdgeFailure(503, MESSAGES.lambdaError, 'LambdaExecutionError from cloudfront');
    }
    if (out.FunctionError) throw new EdgeFailure(503, MESSAGES.lambdaError, 'LambdaExecutionError from cloudfront');
    try {
      return JSON.parse(Buffer.from(out.Payload ?? Buffer.alloc(0)).toString('utf8'));
    } catch {
      throw new EdgeFailure(502, MESSAGES.lambdaInvalid, 'LambdaValidationError from cloudfront');
    }
  }
}

/** The conditional headers that revalidate a cached object with its origin. */
function validators(e: CachedResponse): Record<string, string> {
  const out: Record<string, string> = {};
  if (e.headers.etag) out['if-none-match'] = e.headers.etag;
  if (e.headers['last-modified']) out['if-modified-since'] = e.headers['last-modified'];
  return out;
}

function clientIp(req: HttpRequest): string {
  const ip = req.raw.socket.remoteAddress ?? '127.0.0.1';
  return ip.startsWith('::ffff:') ? ip.slice(7) : ip;
}

function lambdaAssociation(behavior: any, eventType: string): any {
  return (behavior.LambdaFunctionAssociations?.Items ?? []).find((l: any) => l.EventType === eventType);
}

/** The origin (or, for an origin group, its first member) a behavior targets. */
function originFor(config: any, id: string): any {
  const origins: any[] = config.Origins?.Items ?? [];
  const direct = origins.find((o) => o.Id === id);
  if (direct) return direct;
  const group = (config.OriginGroups?.Items ?? []).find((g: any) => g.Id === id);
  const first = group?.Members?.Items?.[0]?.OriginId;
  return origins.find((o) => o.Id === first) ?? origins[0];
}

/** The origin as Lambda@Edge sees it. */
function edgeOrigin(o: any): unknown {
  const customHeaders: Record<string, { key: string; value: string }[]> = {};
  for (const h of o.CustomHeaders?.Items ?? []) customHeaders[String(h.HeaderName).toLowerCase()] = [{ key: h.HeaderName, value: h.HeaderValue }];
  if (o.S3OriginConfig) {
    const region = /\.s3[.-]([a-z0-9-]+)\.amazonaws\.com$/.exec(o.DomainName)?.[1] ?? 'us-east-1';
    return { s3: { authMethod: o.OriginAccessControlId || o.S3OriginConfig.OriginAccessIdentity ? 'origin-access-identity' : 'none', customHeaders, domainName: o.DomainName, path: o.OriginPath ?? '', region } };
  }
  const cc = o.CustomOriginConfig ?? {};
  const https = cc.OriginProtocolPolicy === 'https-only';
  return {
    custom: {
      customHeaders,
      domainName: o.DomainName,
      keepaliveTimeout: cc.OriginKeepaliveTimeout ?? 5,
      path: o.OriginPath ?? '',
      port: https ? cc.HTTPSPort : cc.HTTPPort,
      protocol: https ? 'https' : 'http',
      readTimeout: cc.OriginReadTimeout ?? 30,
      sslProtocols: cc.OriginSslProtocols?.Items ?? ['TLSv1.2'],
    },
  };
}

/** An origin a Lambda@Edge function set, in the config's shape. */
function configOrigin(o: any, fallback: any): any {
  const headers = (h: any) => {
    const items = Object.values<any>(h ?? {}).flatMap((list: any) => (Array.isArray(list) ? list : [])).map((x: any) => ({ HeaderName: x.key, HeaderValue: x.value }));
    return { Quantity: items.length, Items: items };
  };
  if (o?.s3) return { Id: fallback.Id, DomainName: o.s3.domainName, OriginPath: o.s3.path ?? '', S3OriginConfig: {}, CustomHeaders: headers(o.s3.customHeaders) };
  if (o?.custom) {
    const https = o.custom.protocol === 'https';
    return {
      Id: fallback.Id,
      DomainName: o.custom.domainName,
      OriginPath: o.custom.path ?? '',
      CustomHeaders: headers(o.custom.customHeaders),
      CustomOriginConfig: { HTTPPort: o.custom.port ?? 80, HTTPSPort: o.custom.port ?? 443, OriginProtocolPolicy: https ? 'https-only' : 'http-only', OriginReadTimeout: o.custom.readTimeout ?? 30 },
    };
  }
  return fallback;
}

/** The headers sent to the origin: those the policies forward, CloudFront's own, and its User-Agent unless forwarded. */
function forwardedHeaders(request: EdgeRequest, policy: ResolvedPolicy, d: DistributionDoc, cfId: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(request.headers)) {
    if (k === 'cookie' || k === 'content-length' || k === 'connection' || k === 'transfer-encoding') continue;
    if (selects(policy.forward.headers, k)) out[k] = v;
  }
  if (policy.forward.cookies.behavior !== 'none') {
    const kept = parseCookies(request.headers.cookie).filter(([n]) => selects(policy.forward.cookies, n));
    if (kept.length) out.cookie = kept.map(([n, v]) => `${n}=${v}`).join('; ');
  }
  if (request.headers['content-type'] && request.method !== 'GET' && request.method !== 'HEAD') out['content-type'] = request.headers['content-type'];
  // CloudFront's own conditional requests (revalidation) reach every origin.
  for (const h of ['if-none-match', 'if-modified-since']) if (request.headers[h] !== undefined) out[h] = request.headers[h]!;
  out['user-agent'] ??= 'Amazon CloudFront';
  out['x-amz-cf-id'] = cfId;
  out['x-forwarded-for'] = request.clientIp;
  out.via = request.headers.via ? `${request.headers.via}, ${viaHeader(d.id)}` : viaHeader(d.id);
  return out;
}
