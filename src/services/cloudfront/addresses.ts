/** Where distributions are served (edge/plane.ts), also known to the server before CloudFront is loaded (index.ts). */
import { hostPattern } from '../../core/http.js';
import type { RouteGuard } from '../service.js';

/** `{id or label}.cloudfront.localhost` and AWS's `*.cloudfront.net`; the path form needs no DNS. */
export const CLOUDFRONT_HOST = hostPattern('([a-z0-9]+)\\.cloudfront', ['net']);
export const CLOUDFRONT_PATH_PREFIX = '/_aws/cloudfront/';

export const EDGE_GUARDS: readonly RouteGuard[] = [{ host: CLOUDFRONT_HOST }, { pathPrefix: CLOUDFRONT_PATH_PREFIX }];
