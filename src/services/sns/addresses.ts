/** SNS's URLs that are not API calls (dataplane.ts), known to the server before SNS is loaded (index.ts). */
import { hostPattern, type HttpRequest } from '../../core/http.js';
import type { RouteGuard } from '../service.js';

export const PATH_FORM = '/_aws/sns/';
export const INBOX = '/_stratus/sns/messages';
export const SNS_HOST = hostPattern('sns\\.([a-z0-9-]+)', ['amazonaws\\.com']);

export function actionOf(req: HttpRequest): string | null {
  return new URLSearchParams(req.rawQuery).get('Action');
}

/** The signing certificate, and the SubscribeURL and UnsubscribeURL, on the host form. */
export const onHost = (req: HttpRequest): boolean =>
  req.method === 'GET' && (/^\/SimpleNotificationService-[0-9a-f]+\.pem$/.test(req.rawPath) || (req.rawPath === '/' && ['ConfirmSubscription', 'Unsubscribe'].includes(actionOf(req) ?? '')));
export const onPathForm = (req: HttpRequest): boolean => req.method === 'GET';
export const inInbox = (req: HttpRequest): boolean => (req.method === 'GET' || req.method === 'DELETE') && req.rawPath.replace(/\/$/, '') === INBOX;

export const SNS_GUARDS: readonly RouteGuard[] = [
  { host: SNS_HOST, accepts: onHost },
  { pathPrefix: PATH_FORM, accepts: onPathForm },
  { pathPrefix: INBOX, accepts: inInbox },
];
