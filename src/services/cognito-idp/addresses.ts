/** Where the pools' OpenID documents and the message inbox are served (dataplane.ts), known to the server before Cognito is loaded (index.ts). */
import { hostPattern, type HttpRequest } from '../../core/http.js';
import type { RouteGuard } from '../service.js';

export const WELL_KNOWN = /^\/([a-z]{2}(?:-[a-z]+)+-\d_[A-Za-z0-9]+)\/\.well-known\/(jwks\.json|openid-configuration)$/;
export const INBOX = '/_stratus/cognito/messages';
export const DOC_HOST = hostPattern('cognito-idp\\.([a-z0-9-]+)', ['amazonaws\\.com']);

export const wellKnown = (req: HttpRequest): boolean => req.method === 'GET' && req.rawPath.includes('/.well-known/') && WELL_KNOWN.test(req.rawPath);
export const inInbox = (req: HttpRequest): boolean => req.method === 'GET' && req.rawPath.replace(/\/$/, '') === INBOX;

export const IDP_GUARDS: readonly RouteGuard[] = [
  { host: DOC_HOST, accepts: wellKnown },
  { pathPrefix: '/', accepts: wellKnown },
  { pathPrefix: INBOX, accepts: inInbox },
];
