import { randomUUID } from 'node:crypto';
import type { Platform } from '../../service.js';
import { GatewayError, renderGatewayResponse } from '../gateway-responses.js';
import { matchRoute, methodFor } from '../router.js';
import type { MethodAuthorization } from './auth.js';
import type { ResponseCache } from './cache.js';
import { compress, headerMaps, headerValue, withForwardingHeaders } from './http-util.js';
import { awsIntegration, type AwsBackends } from './integrations/aws.js';
import { httpIntegration, httpProxyIntegration, type HttpBackends } from './integrations/http.js';
import { lambdaProxyIntegration } from './integrations/lambda.js';
import { mockIntegration } from './integrations/mock.js';
import type { StageLogs } from './logging.js';
import { contextExtras, methodSettings, newMethodRequest, paramSource, requestTime } from './request-context.js';
import { configurationError, type Deployed, type ExecutionLog, type MethodRequest, type Reply, type StageRequest } from './types.js';
import type { UsageLimits } from './usage.js';
import { validateRequest } from './validation.js';

/** API Gateway's payload limit: 10 MB. */
const MAX_PAYLOAD_BYTES = 10 * 1024 * 1024;

/** The stages a request goes through, built once by the DataPlane. */
export interface Stages {
  readonly platform: Platform;
  readonly auth: MethodAuthorization;
  readonly usage: UsageLimits;
  readonly cache: ResponseCache;
  readonly logs: StageLogs;
  readonly backends: AwsBackends & HttpBackends;
}

/**
 * One request through a deployed stage: match the method, authenticate, check keys and limits,
 * validate, answer from the stage cache or the integration, and log. Every failure becomes the API's
 * gateway response.
 */
export async function execute(stages: Stages, dep: Deployed, request: StageRequest, log: ExecutionLog): Promise<Reply> {
  const { platform } = stages;
  const receivedAt = platform.clock.now();
  const requestId = randomUUID();
  // randomUUID draws from Node's cached entropy pool: far cheaper than small randomBytes calls.
  const extra = randomUUID().replace(/-/g, '');
  const extendedRequestId = Buffer.from(extra.slice(0, 22), 'hex').toString('base64').replace(/[+/=]/g, 'A').slice(0, 14) + '=';
  const traceId = `Root=1-${Math.floor(receivedAt / 1000).toString(16)}-${extra.slice(8, 32)}`;
  const { headers, multiHeaders } = headerMaps(withForwardingHeaders(request, traceId));
  const stageVariables = dep.stage.variables ?? {};
  const baseContext = (): Record<string, unknown> => ({
    requestId,
    extendedRequestId,
    apiId: dep.apiId,
    accountId: dep.scope.accountId,
    stage: dep.stageName,
    httpMethod: request.method,
    domainName: request.domainName,
    domainPrefix: request.domainName.split('.')[0],
    path: `/${dep.stageName}${request.path}`,
    protocol: 'HTTP/1.1',
    requestTime: requestTime(receivedAt),
    requestTimeEpoch: receivedAt,
    identity: { sourceIp: request.sourceIp, userAgent: headers['user-agent'] ?? headers['User-Agent'] },
  });
  let req: MethodRequest | undefined;
  let failure: GatewayError | undefined;
  const finish = (reply: Reply): Reply => {
    reply.headers['x-amzn-requestid'] = requestId;
    reply.headers['x-amz-apigw-id'] = extendedRequestId;
    reply.headers['x-amzn-trace-id'] ??= traceId;
    compress(reply, dep.snapshot.minimumCompressionSize, headerValue(headers, 'accept-encoding'));
    if (!dep.testInvoke && stages.logs.wanted(dep, req)) stages.logs.write(dep, req, log, reply, { ...baseContext(), ...(req ? contextExtras(req) : {}) }, failure);
    return reply;
  };
  try {
    if (dep.snapshot.disableExecuteApiEndpoint && !dep.testInvoke) throw new GatewayError('ACCESS_DENIED', 'Forbidden', 403);
    if (request.body.length > MAX_PAYLOAD_BYTES) throw new GatewayError('REQUEST_TOO_LARGE', 'Request Too Long', 413);
    const match = dep.root ? matchRoute(dep.root, request.path) : undefined;
    const method = match ? methodFor(match.resource, request.method) : undefined;
    if (!match || !method) throw new GatewayError('MISSING_AUTHENTICATION_TOKEN', 'Missing Authentication Token');
    req = newMethodRequest({ dep, stageRequest: request, requestId, extendedRequestId, receivedAt, resource: match.resource, method, pathParameters: match.pathParameters, headers, multiHeaders, log });
    log.lines.push(`Starting execution for request: ${requestId}`, `HTTP Method: ${request.method}, Resource Path: ${request.path}`);
    if (!dep.testInvoke) {
      await stages.auth.authenticate(req);
      await stages.usage.check(req);
    }
    validateRequest(req);
    const settings = methodSettings(req);
    const cacheKey = stages.cache.keyFor(req, settings);
    const cached = cacheKey ? stages.cache.lookup(req, cacheKey, settings) : undefined;
    if (cached) {
      log.lines.push('Sending response from the stage cache');
      return finish(cached);
    }
    const reply = await integrate(stages, req);
    if (cacheKey) stages.cache.remember(req, cacheKey, settings, reply);
    log.lines.push(`Method completed with status: ${reply.status}`);
    return finish(reply);
  } catch (e) {
    if (!(e instanceof GatewayError)) {
      platform.log({ level: 'error', service: 'apigateway', requestId, error: String((e as Error)?.stack ?? e) });
      e = configurationError(log);
    }
    const err = e as GatewayError;
    failure = err;
    log.lines.push(`Gateway response type: ${err.type} with message: ${err.messageValue}`);
    const context = { ...baseContext(), ...(req ? contextExtras(req) : {}) };
    const g = renderGatewayResponse(err, dep.snapshot.gatewayResponses, {
      context,
      stageVariables,
      requestParams: (source) => (req ? paramSource(req, source) : undefined),
    });
    return finish({ status: g.status, headers: g.headers, body: Buffer.from(g.body) });
  }
}

/** Runs the method's integration, bounded by its timeout (504 past it); MOCK answers at once. */
async function integrate(stages: Stages, req: MethodRequest): Promise<Reply> {
  const i = req.method.methodIntegration;
  if (!i) throw configurationError(req.log);
  req.log.lines.push(`Integration type: ${i.type}`);
  const { backends } = stages;
  const run = async (): Promise<Reply> => {
    switch (i.type) {
      case 'AWS_PROXY':
        return lambdaProxyIntegration(backends.invokeLambda, req, i);
      case 'HTTP_PROXY':
        return httpProxyIntegration(backends, req, i);
      case 'MOCK':
        return mockIntegration(req, i);
      case 'HTTP':
        return httpIntegration(backends, req, i);
      case 'AWS':
        return awsIntegration(backends, req, i);
      default:
        throw configurationError(req.log);
    }
  };
  if (i.type === 'MOCK') return run();
  return new Promise<Reply>((resolve, reject) => {
    const timer = backends.clock.setTimer(i.timeoutInMillis, () => reject(new GatewayError('INTEGRATION_TIMEOUT', 'Endpoint request timed out', 504)));
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
