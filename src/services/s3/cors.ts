/**
 * Bucket CORS as S3 applies it: a preflight (OPTIONS) is answered from the first rule whose origin,
 * method and requested headers all match, else 403 AccessForbidden; an actual request with Origin
 * gets the first rule matching its origin and method as Access-Control-* headers, else none (its
 * answer is unchanged). Origins and headers take one `*` wildcard; headers compare case-insensitively.
 */
import { AwsError } from '../../aws/errors.js';
import { percentDecode, type HttpRequest } from '../../core/http.js';
import { wildcardMatch } from '../../aws/iam-policy.js';
import type { CorsRule } from './bucket-config.js';

const VARY = 'Origin, Access-Control-Request-Headers, Access-Control-Request-Method';
const NOT_ALLOWED =
  "CORSResponse: This CORS request is not allowed. This is usually because the evalution of Origin, request method / Access-Control-Request-Method or Access-Control-Request-Headers are not whitelisted by the resource's CORS spec.";

/** The bucket and key a request names, from its (rewritten) path `/bucket/key`. */
export function bucketAndKey(req: Pick<HttpRequest, 'rawPath'>): { bucket: string; key: string } {
  const path = req.rawPath.slice(1);
  const slash = path.indexOf('/');
  return slash < 0 ? { bucket: percentDecode(path), key: '' } : { bucket: percentDecode(path.slice(0, slash)), key: percentDecode(path.slice(slash + 1)) };
}

const originMatches = (allowed: string, origin: string): boolean => allowed === '*' || wildcardMatch(allowed.replace(/\?/g, '\\?'), origin);
const headerMatches = (allowed: readonly string[], header: string): boolean => allowed.some((a) => wildcardMatch(a.toLowerCase().replace(/\?/g, '\\?'), header));

function ruleHeaders(rule: CorsRule, origin: string): Record<string, string> {
  const wildcard = rule.AllowedOrigins.includes('*');
  const h: Record<string, string> = {
    'access-control-allow-origin': wildcard ? '*' : origin,
    'access-control-allow-methods': rule.AllowedMethods.join(', '),
    vary: VARY,
  };
  // A rule for every origin answers `*`, which browsers refuse with credentials: none are offered.
  if (!wildcard) h['access-control-allow-credentials'] = 'true';
  if (rule.ExposeHeaders?.length) h['access-control-expose-headers'] = rule.ExposeHeaders.join(', ');
  if (rule.MaxAgeSeconds !== undefined) h['access-control-max-age'] = String(rule.MaxAgeSeconds);
  return h;
}

/** The CORS headers of an actual (non-preflight) request's answer. */
export function actualCorsHeaders(rules: readonly CorsRule[] | undefined, origin: string, method: string): Record<string, string> {
  const rule = rules?.find((r) => r.AllowedOrigins.some((o) => originMatches(o, origin)) && r.AllowedMethods.includes(method));
  return rule ? ruleHeaders(rule, origin) : {};
}

const forbidden = (message: string, method: string, resourceType: string): AwsError =>
  new AwsError('AccessForbidden', message, 403, { fields: { Method: method, ResourceType: resourceType } });

/** A preflight's answer headers, or AWS's error for it; `rules` undefined when the bucket has none (or does not exist: `exists`). */
export function preflightHeaders(req: HttpRequest, rules: readonly CorsRule[] | undefined, exists: boolean, resourceType: 'BUCKET' | 'OBJECT'): Record<string, string> {
  const origin = req.headers.origin;
  if (origin === undefined) throw new AwsError('BadRequest', 'Insufficient information. Origin request header needed.', 400);
  const method = req.headers['access-control-request-method'] ?? 'OPTIONS';
  if (!exists) throw forbidden('CORSResponse: Bucket not found', method, 'BUCKET');
  if (!rules) throw forbidden('CORSResponse: CORS is not enabled for this bucket.', method, resourceType);
  const requested = (req.headers['access-control-request-headers'] ?? '')
    .split(',')
    .map((h) => h.trim().toLowerCase())
    .filter((h) => h !== '');
  const rule = rules.find(
    (r) => r.AllowedOrigins.some((o) => originMatches(o, origin)) && r.AllowedMethods.includes(method) && requested.every((h) => headerMatches(r.AllowedHeaders ?? [], h)),
  );
  if (!rule) throw forbidden(NOT_ALLOWED, method, resourceType);
  const h = ruleHeaders(rule, origin);
  if (requested.length > 0) h['access-control-allow-headers'] = requested.join(', ');
  return h;
}
