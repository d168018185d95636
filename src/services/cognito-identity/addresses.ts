/** Where the OpenID documents of identity pools are served (dataplane.ts), known to the server before the service is loaded (index.ts). */
import { hostPattern, type HttpRequest } from '../../core/http.js';
import type { RouteGuard } from '../service.js';

export const PREFIX = '/_stratus/cognito-identity';
export const DOC = /\/\.well-known\/(jwks\.json|openid-configuration)$/;
export const DOC_HOST = hostPattern('cognito-identity', ['amazonaws\\.com']);

/** A document on the host `cognito-identity.*`. */
export const onHost = (req: HttpRequest): boolean => req.method === 'GET' && /^\/\.well-known\//.test(req.rawPath) && DOC.test(req.rawPath);
/** A document under PREFIX on the endpoint. */
export const onPath = (req: HttpRequest): boolean => req.method === 'GET' && req.rawPath.startsWith(`${PREFIX}/.well-known/`) && DOC.test(req.rawPath);

export const DOC_GUARDS: readonly RouteGuard[] = [
  { host: DOC_HOST, accepts: onHost },
  { pathPrefix: PREFIX, accepts: onPath },
];
