/**
 * CORS of a function URL with a `Cors` configuration: Lambda answers preflight requests itself,
 * without invoking the function, and adds the CORS headers to the function's responses, the
 * configured ones taking precedence over the function's own. A request from an origin the
 * configuration does not allow gets no CORS headers (the browser then refuses it).
 */
import type { Cors } from '../../../generated/lambda.js';
import type { HttpRequest } from '../../../core/http.js';

const lower = (list: string[] | undefined): string[] => (list ?? []).map((s) => s.toLowerCase());

/** A preflight request: OPTIONS with an Origin and Access-Control-Request-Method. */
export function isPreflight(req: HttpRequest): boolean {
  return req.method === 'OPTIONS' && !!req.headers.origin && !!req.headers['access-control-request-method'];
}

function allowedOrigin(cors: Cors, origin: string | undefined): string | undefined {
  if (!origin) return undefined;
  const origins = cors.AllowOrigins ?? [];
  // `*` answers `*`, unless credentials are allowed (browsers refuse `*` with credentials).
  if (origins.includes('*')) return cors.AllowCredentials ? origin : '*';
  return lower(origins).includes(origin.toLowerCase()) ? origin : undefined;
}

/** The answer to a preflight request (status 200, no body). */
export function preflightHeaders(cors: Cors, req: HttpRequest): Record<string, string> {
  const headers: Record<string, string> = { vary: 'Origin' };
  const origin = allowedOrigin(cors, req.headers.origin);
  const method = (req.headers['access-control-request-method'] ?? '').toUpperCase();
  const methods = (cors.AllowMethods ?? []).map((m) => m.toUpperCase());
  const requested = (req.headers['access-control-request-headers'] ?? '').split(',').map((h) => h.trim().toLowerCase()).filter(Boolean);
  const allowedHeaders = lower(cors.AllowHeaders);
  const methodOk = methods.includes('*') || methods.includes(method);
  const headersOk = allowedHeaders.includes('*') || requested.every((h) => allowedHeaders.includes(h));
  if (!origin || !methodOk || !headersOk) return headers;
  headers['access-control-allow-origin'] = origin;
  headers['access-control-allow-methods'] = methods.join(',');
  if (cors.AllowHeaders?.length) headers['access-control-allow-headers'] = cors.AllowHeaders.join(',');
  if (cors.ExposeHeaders?.length) headers['access-control-expose-headers'] = cors.ExposeHeaders.join(',');
  if (cors.MaxAge !== undefined) headers['access-control-max-age'] = String(cors.MaxAge);
  if (cors.AllowCredentials) headers['access-control-allow-credentials'] = 'true';
  return headers;
}

/** Sets the CORS headers of a response to a request from an allowed origin (over the function's). */
export function addCorsHeaders(cors: Cors | undefined, req: HttpRequest, headers: Record<string, string | string[]>): void {
  if (!cors) return;
  const origin = allowedOrigin(cors, req.headers.origin);
  if (!origin) return;
  headers['access-control-allow-origin'] = origin;
  if (cors.ExposeHeaders?.length) headers['access-control-expose-headers'] = cors.ExposeHeaders.join(',');
  if (cors.AllowCredentials) headers['access-control-allow-credentials'] = 'true';
  headers.vary = 'Origin';
}
