import type { DataPlaneRoute, Platform } from '../../service.js';
import type { Store } from '../store.js';
import { MethodAuthorization } from './auth.js';
import { ResponseCache } from './cache.js';
import { DeploymentCache } from './deployments.js';
import { AWS_PATH_PREFIX, AWS_PATH_RE, bareError, CustomDomains, HOST_RE, InvokeUrls, PATH_PREFIX, USER_REQUEST_RE } from './entry.js';
import { AwsServiceActions } from './integrations/aws.js';
import { ClientCertificates } from './integrations/http.js';
import { lambdaInvoker, type LambdaInvoke } from './integrations/lambda.js';
import { StageLogs } from './logging.js';
import { execute, type Stages } from './pipeline.js';
import type { Deployed, ExecutionLog, Reply, StageRequest } from './types.js';
import { UsageLimits } from './usage.js';

export type { Deployed } from './types.js';

/**
 * The REST API data plane (invoke URLs): what it keeps in memory (deployed stages, custom domains,
 * the stage and authorizer caches, throttle buckets, client certificates), the hooks that invalidate
 * it, and its routes. A request goes entry.ts -> pipeline.ts -> the stage files -> integrations/.
 */
export class DataPlane {
  private readonly deployments: DeploymentCache;
  private readonly domains: CustomDomains;
  private readonly certificates: ClientCertificates;
  private readonly stages: Stages;
  private readonly invokeUrls: InvokeUrls;

  constructor(platform: Platform, store: Store, lambda?: LambdaInvoke) {
    this.deployments = new DeploymentCache(store);
    this.domains = new CustomDomains(store, platform.log);
    this.certificates = new ClientCertificates(store);
    const invokeLambda = lambdaInvoker(platform, lambda);
    this.stages = {
      platform,
      auth: new MethodAuthorization(platform, invokeLambda),
      usage: new UsageLimits(store, platform.clock),
      cache: new ResponseCache(platform.clock),
      logs: new StageLogs(platform),
      backends: { clock: platform.clock, invokeLambda, actions: new AwsServiceActions(platform), certificates: this.certificates },
    };
    this.invokeUrls = new InvokeUrls(this.domains, (apiId, stageName, request) => this.serve(apiId, stageName, request));
  }

  /** A deployment or stage changed (of one API, or of all). */
  invalidate(apiId?: string): void {
    this.deployments.invalidate(apiId);
  }

  flushCache(apiId: string, stage: string): void {
    this.stages.cache.flush(apiId, stage);
  }

  flushAuthorizers(apiId: string, stage: string): void {
    this.stages.auth.flush(apiId, stage);
  }

  forgetCertificates(): void {
    this.certificates.forget();
  }

  /** Loads what must be in memory before the first request: the custom domain names. */
  open(): Promise<void> {
    return this.domains.open();
  }

  close(): Promise<void> {
    return this.domains.close();
  }

  /** A custom domain or one of its mappings changed: resolves once requests see the change. */
  domainsChanged(): Promise<void> {
    return this.domains.reload();
  }

  /**
   * The invoke URLs this data plane answers: `{apiId}.execute-api.localhost` (also with a region,
   * and AWS's own `{apiId}.execute-api.{region}.amazonaws.com` for clients behind a DNS override),
   * the path forms `/restapis/{apiId}/{stage}/_user_request_/...` and `/_aws/execute-api/{apiId}/{stage}/...`,
   * and custom domain names.
   */
  routes(): DataPlaneRoute[] {
    const urls = this.invokeUrls;
    return [
      { host: HOST_RE, handle: (req, res) => urls.serveHost(req, res) },
      pathRoute(PATH_PREFIX, USER_REQUEST_RE, urls),
      pathRoute(AWS_PATH_PREFIX, AWS_PATH_RE, urls),
      // A custom domain is any host name: claimed by the names held in memory.
      { claimsHost: (host) => this.domains.claims(host), handle: (req, res) => urls.serveDomain(req, res) },
    ];
  }

  /** Serves one request to a stage (or, by its traffic share, to the stage's canary). */
  async serve(apiId: string, stageName: string, request: StageRequest): Promise<Reply> {
    const dep = await this.deployments.load(apiId, stageName);
    if (!dep) return bareError(403, 'ForbiddenException', 'Forbidden');
    const canary = dep.canary;
    if (canary && Math.random() * 100 < (dep.stage.canarySettings?.percentTraffic ?? 0)) return this.execute(canary, request);
    return this.execute(dep, request);
  }

  /** Runs the pipeline for a request to `dep` (TestInvokeMethod calls it with a test deployment). */
  execute(dep: Deployed, request: StageRequest, log: ExecutionLog = { lines: [] }): Promise<Reply> {
    return execute(this.stages, dep, request, log);
  }

  /** TestInvokeAuthorizer: runs an authorizer once (no cache) for a simulated request. */
  testAuthorizer(dep: Deployed, authorizerId: string, request: StageRequest): Promise<Record<string, unknown>> {
    return this.stages.auth.test(dep, authorizerId, request);
  }
}

/** A path form of the invoke URL: other paths under its prefix (the control plane's `/restapis/{id}`) are AWS API calls. */
function pathRoute(prefix: string, re: RegExp, urls: InvokeUrls): DataPlaneRoute {
  return { pathPrefix: prefix, accepts: (req) => re.test(req.rawPath), handle: (req, res) => urls.servePath(req, res, re) };
}
