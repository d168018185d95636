/** Where the pools' OpenID documents and the message inbox are served (dataplane.ts), known to the server before Cognito is loaded (index.ts). */
import { hostPattern, type HttpRequest } from '../../core/http.js';
import type { RouteGuard } from '../service.js';

export const WELL_KNOWN = /^\/([a-z]{2}(?:-[a-z]+)+-\d_[A-Za-z0-9]+)\/\.well-known\/(jwks\.json|openid-configuration)$/;
export const INBOX = '/_stratus/cognito/messages';
export const DOC_HOST = hostPattern('cognito-idp\\.([a-z0-9-]+)', ['amazonaws\\.com']);

export const wellKnown = (req: HttpRequest): boolean => req.method === 'GET' && req.rawPath.includes('/.well-known/') && WELL_KNOWN.test(req.rawPath);
export const inInbox = (req: HttpRequest): boolean => req.method === 'GET' && req.rawPath.replace(/\/$/, '') === INBOX;

// The hosted UI (hosted/routes.ts). The region is matched as a region name, so that a host such as
// `{bucket}.s3.localhost` of a bucket named `x.auth` stays S3's.
export const HOSTED_HOST_RE = hostPattern('([a-z0-9-]+)\\.auth\\.([a-z]{2}(?:-[a-z]+)+-\\d)', ['amazoncognito\\.com']);
export const HOSTED_PATH_PREFIX = '/_aws/cognito/';

export const IDP_GUARDS: readonly RouteGuard[] = [
  { host: HOSTED_HOST_RE },
  { pathPrefix: HOSTED_PATH_PREFIX },
  { host: DOC_HOST, accepts: wellKnown },
  { pathPrefix: '/', accepts: wellKnown },
  { pathPrefix: INBOX, accepts: inInbox },
];
