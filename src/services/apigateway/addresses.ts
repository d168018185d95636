/**
 * Where REST APIs are invoked (dataplane/entry.ts): the addresses the server routes to API Gateway
 * before it is loaded (index.ts) and the data plane's own routes use alike.
 */
import { hostPattern } from '../../core/http.js';
import type { RouteGuard } from '../service.js';

/** `{apiId}.execute-api.localhost`, also with a region, and AWS's own host names (for clients behind a DNS override). */
export const HOST_RE = hostPattern('([a-z0-9]{1,64})\\.execute-api(?:\\.[a-z0-9-]+)?', ['amazonaws\\.com']);
export const PATH_PREFIX = '/restapis/';
export const USER_REQUEST_RE = /^\/restapis\/([^/]+)\/([^/]+)\/_user_request_(\/.*)?$/;
export const AWS_PATH_PREFIX = '/_aws/execute-api/';
export const AWS_PATH_RE = /^\/_aws\/execute-api\/([^/]+)\/([^/]+)(\/.*)?$/;

/** The invoke URLs, and custom domain names (any host name, until the domains are read). */
export const INVOKE_URL_GUARDS: readonly RouteGuard[] = [
  { host: HOST_RE },
  { pathPrefix: PATH_PREFIX, accepts: (req) => USER_REQUEST_RE.test(req.rawPath) },
  { pathPrefix: AWS_PATH_PREFIX },
  { claimsHost: true },
];
