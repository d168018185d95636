/**
 * Lambda's URLs that are not API calls: function URLs (urls/dataplane.ts) and code downloads
 * (dataplane.ts), known to the server before Lambda is loaded (index.ts).
 */
import { hostPattern } from '../../core/http.js';
import type { RouteGuard } from '../service.js';

export const URL_HOST_RE = hostPattern('([a-z0-9]{32})\\.lambda-url\\.([a-z0-9-]+)', ['on\\.aws']);
export const URL_PATH_PREFIX = '/_aws/lambda-url/';
/** Where GetFunction's Code.Location points. */
export const CODE_PATH = '/stratus-lambda-code/';

export const LAMBDA_GUARDS: readonly RouteGuard[] = [{ host: URL_HOST_RE }, { pathPrefix: URL_PATH_PREFIX }, { pathPrefix: CODE_PATH, accepts: (req) => req.method === 'GET' }];
