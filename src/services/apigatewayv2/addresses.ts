/**
 * Where HTTP and WebSocket APIs are invoked (dataplane/index.ts): the addresses the server routes to
 * API Gateway v2 before it is loaded (index.ts) and the data plane's own routes use alike.
 */
import { hostPattern } from '../../core/http.js';
import type { RouteGuard } from '../service.js';

/** `{apiId}.execute-api.localhost` (or `.localhost.localstack.cloud`), with a region, and AWS's own host name. */
export const HOST_RE = hostPattern('([a-z0-9]{1,64})\\.execute-api(?:\\.[a-z0-9-]+)?', ['amazonaws\\.com']);
export const PATH_PREFIX = '/_aws/execute-api/';

/** The invoke URLs, and custom domain names (any host name, until the domains are read). */
export const INVOKE_URL_GUARDS: readonly RouteGuard[] = [{ host: HOST_RE }, { pathPrefix: PATH_PREFIX }, { claimsHost: true }];
