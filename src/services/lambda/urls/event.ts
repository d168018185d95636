/**
 * Payload format 2.0 as function URLs use it ("Invoking Lambda function URLs", and events recorded
 * from AWS): the request event, and the function's answer turned into an HTTP response. Written so
 * that API Gateway HTTP APIs (the same format) can build on it.
 */
import type { HttpRequest } from '../../../core/http.js';

/** The IAM caller of an AWS_IAM URL, as `requestContext.authorizer.iam` shows it. */
export interface IamCaller {
  accessKey: string;
  accountId: string;
  callerId: string;
  userArn: string;
  userId: string;
}

export interface EventRequest {
  /** The URL id (apiId, domainPrefix). */
  urlId: string;
  /** The host name the client used (domainName). */
  domainName: string;
  /** The path and query as the function sees them (the path form's prefix removed). */
  rawPath: string;
  rawQuery: string;
  requestId: string;
  /** When the request arrived (ms since the epoch). */
  now: number;
  sourceIp: string;
  /** The server's port (x-forwarded-port). */
  port: string;
  traceId: string;
  iam?: IamCaller | undefined;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** `12/Mar/2020:19:03:58 +0000`, the `requestContext.time` format. */
export function requestTime(ms: number): string {
  const d = new Date(ms);
  const p = (n: number): string => String(n).padStart(2, '0');
  return `${p(d.getUTCDate())}/${MONTHS[d.getUTCMonth()]}/${d.getUTCFullYear()}:${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())} +0000`;
}

/** Hop-by-hop headers the front end consumes; cookies travel in `cookies`. */
const DROPPED_HEADERS = new Set(['connection', 'keep-alive', 'transfer-encoding', 'upgrade', 'cookie']);

/** Media types whose bodies reach the function as text; any other body is base64 (isBase64Encoded). */
function isTextBody(contentType: string | undefined): boolean {
  if (!contentType) return false;
  const t = contentType.split(';')[0]!.trim().toLowerCase();
  return t.startsWith('text/') || /(^|[/+])(json|xml|javascript)$/.test(t) || t === 'application/x-www-form-urlencoded';
}

/**
 * The event of one request: headers lower-cased with repeated ones joined by commas, cookies
 * apart, query parameters decoded with repeated ones joined by commas, the body as text or base64.
 */
export function urlEvent(req: HttpRequest, r: EventRequest): Record<string, unknown> {
  const headers: Record<string, string> = {};
  const raw = req.raw.rawHeaders;
  const cookies: string[] = [];
  for (let i = 0; i + 1 < raw.length; i += 2) {
    const name = raw[i]!.toLowerCase();
    const value = raw[i + 1]!;
    if (name === 'cookie') cookies.push(...value.split(';').map((c) => c.trim()).filter(Boolean));
    if (DROPPED_HEADERS.has(name)) continue;
    headers[name] = headers[name] === undefined ? value : `${headers[name]},${value}`;
  }
  // What AWS's front end adds, describing this connection.
  headers['x-amzn-trace-id'] ??= r.traceId;
  headers['x-forwarded-for'] = headers['x-forwarded-for'] ? `${headers['x-forwarded-for']}, ${r.sourceIp}` : r.sourceIp;
  headers['x-forwarded-proto'] ??= 'http';
  headers['x-forwarded-port'] ??= r.port;

  const event: Record<string, unknown> = { version: '2.0', routeKey: '$default', rawPath: r.rawPath, rawQueryString: r.rawQuery };
  if (cookies.length) event.cookies = cookies;
  event.headers = headers;
  if (r.rawQuery) {
    const params: Record<string, string> = {};
    for (const [k, v] of new URLSearchParams(r.rawQuery)) params[k] = params[k] === undefined ? v : `${params[k]},${v}`;
    event.queryStringParameters = params;
  }
  const requestContext: Record<string, unknown> = {
    accountId: r.iam ? r.iam.accountId : 'anonymous',
    apiId: r.urlId,
  };
  if (r.iam) requestContext.authorizer = { iam: { ...r.iam, cognitoIdentity: null, principalOrgId: null } };
  Object.assign(requestContext, {
    domainName: r.domainName,
    domainPrefix: r.urlId,
    http: { method: req.method, path: r.rawPath, protocol: 'HTTP/1.1', sourceIp: r.sourceIp, userAgent: req.headers['user-agent'] ?? '' },
    requestId: r.requestId,
    routeKey: '$default',
    stage: '$default',
    time: requestTime(r.now),
    timeEpoch: r.now,
  });
  event.requestContext = requestContext;
  if (req.body.length) {
    const text = isTextBody(req.headers['content-type']);
    event.body = text ? req.body.toString('utf8') : req.body.toString('base64');
    event.isBase64Encoded = !text;
  } else {
    event.isBase64Encoded = false;
  }
  return event;
}

export interface UrlResponse {
  status: number;
  /** Header values; set-cookie may repeat. */
  headers: Record<string, string | string[]>;
  body: Buffer;
}

/**
 * The HTTP response for what a function returned: an object with `statusCode` is a response
 * (statusCode, headers, cookies, body, isBase64Encoded); any other JSON value is the body of a 200,
 * written back compactly (a string as its text). Undefined when the answer is malformed (a 502).
 */
export function urlResponse(payload: Buffer): UrlResponse | undefined {
  let value: unknown;
  try {
    value = JSON.parse(payload.toString('utf8'));
  } catch {
    return undefined;
  }
  const json = { 'content-type': 'application/json' };
  if (value === null || typeof value !== 'object' || Array.isArray(value) || !('statusCode' in value)) {
    const body = typeof value === 'string' ? value : JSON.stringify(value);
    return { status: 200, headers: json, body: Buffer.from(body, 'utf8') };
  }
  const r = value as Record<string, unknown>;
  const status = typeof r.statusCode === 'string' && /^\d+$/.test(r.statusCode) ? Number(r.statusCode) : r.statusCode;
  if (typeof status !== 'number' || !Number.isInteger(status) || status < 100 || status > 599) return undefined;
  const headers: Record<string, string | string[]> = {};
  if (r.headers !== undefined && r.headers !== null) {
    if (typeof r.headers !== 'object' || Array.isArray(r.headers)) return undefined;
    for (const [k, v] of Object.entries(r.headers)) if (v !== null && v !== undefined) headers[k.toLowerCase()] = typeof v === 'object' ? JSON.stringify(v) : String(v);
  }
  headers['content-type'] ??= 'application/json';
  if (Array.isArray(r.cookies) && r.cookies.length) headers['set-cookie'] = r.cookies.map(String);
  // The front end frames the body itself.
  for (const h of ['content-length', 'transfer-encoding', 'connection']) delete headers[h];
  let body: Buffer;
  if (r.body === undefined || r.body === null) body = Buffer.alloc(0);
  else if (typeof r.body === 'string') body = Buffer.from(r.body, r.isBase64Encoded === true ? 'base64' : 'utf8');
  else body = Buffer.from(JSON.stringify(r.body), 'utf8');
  return { status, headers, body };
}
