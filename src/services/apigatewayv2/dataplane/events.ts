import type { IamOutcome } from './iam.js';
import type { Scope } from '../store.js';

/** What the events of one HTTP API request are built from. */
export interface HttpCall {
  scope: Scope;
  apiId: string;
  stage: string;
  routeKey: string;
  requestId: string;
  method: string;
  /** The path as the client sent it (still percent-encoded), the stage segment included for a named stage. */
  rawPath: string;
  rawQuery: string;
  /** Lower-cased names, values in order of arrival. */
  headerList: [string, string][];
  body: Buffer;
  sourceIp: string;
  pathParameters: Record<string, string>;
  stageVariables: Record<string, string>;
  timeEpoch: number;
  domainName: string;
  /** requestContext.authorizer for the integration, set by the route's authorizer. */
  authorizer?: Record<string, unknown>;
  /** AWS_IAM authorization of the request for its route (iam.ts): `route` is `METHOD/path` or a WebSocket route key. */
  iam?: (route: string) => Promise<IamOutcome>;
}

/** CLF time as API Gateway writes it: 12/Mar/2020:19:03:58 +0000. */
export function clfTime(ms: number): string {
  const d = new Date(ms);
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  const p = (n: number) => String(n).padStart(2, '0');
  return `${p(d.getUTCDate())}/${months[d.getUTCMonth()]}/${d.getUTCFullYear()}:${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())} +0000`;
}

/** Whether a body of this content type goes to the function as text (else base64). */
export function isTextual(contentType: string | undefined): boolean {
  if (!contentType) return true;
  const t = contentType.split(';')[0]!.trim().toLowerCase();
  return t.startsWith('text/') || /[/+](json|xml|javascript|x-www-form-urlencoded|yaml|csv|html)$/.test(t) || t === 'application/javascript';
}

function decode(s: string): string {
  try {
    return decodeURIComponent(s.replace(/\+/g, ' '));
  } catch {
    return s;
  }
}

export function queryPairs(rawQuery: string): [string, string][] {
  if (!rawQuery) return [];
  return rawQuery
    .split('&')
    .filter((p) => p !== '')
    .map((p) => {
      const eq = p.indexOf('=');
      return eq < 0 ? [decode(p), ''] : [decode(p.slice(0, eq)), decode(p.slice(eq + 1))];
    });
}

function header(call: HttpCall, name: string): string | undefined {
  return call.headerList.find(([k]) => k === name)?.[1];
}

function bodyOf(call: HttpCall): { body?: string; isBase64Encoded: boolean } {
  if (call.body.length === 0) return { isBase64Encoded: false };
  if (isTextual(header(call, 'content-type'))) return { body: call.body.toString('utf8'), isBase64Encoded: false };
  return { body: call.body.toString('base64'), isBase64Encoded: true };
}

function pathOf(call: HttpCall): string {
  try {
    return decodeURIComponent(call.rawPath);
  } catch {
    return call.rawPath;
  }
}

/** The payload format 2.0 event, as AWS documents it (empty members left out). */
export function eventV2(call: HttpCall): Record<string, unknown> {
  const headers: Record<string, string> = {};
  const cookies: string[] = [];
  for (const [k, v] of call.headerList) {
    if (k === 'cookie') {
      cookies.push(...v.split(';').map((c) => c.trim()).filter((c) => c !== ''));
      continue;
    }
    headers[k] = headers[k] === undefined ? v : `${headers[k]},${v}`;
  }
  const query: Record<string, string> = {};
  for (const [k, v] of queryPairs(call.rawQuery)) query[k] = query[k] === undefined ? v : `${query[k]},${v}`;
  const event: Record<string, unknown> = { version: '2.0', routeKey: call.routeKey, rawPath: pathOf(call), rawQueryString: call.rawQuery };
  if (cookies.length) event.cookies = cookies;
  event.headers = headers;
  if (Object.keys(query).length) event.queryStringParameters = query;
  const requestContext: Record<string, unknown> = {
    accountId: call.scope.accountId,
    apiId: call.apiId,
    ...(call.authorizer ? { authorizer: call.authorizer } : {}),
    domainName: call.domainName,
    domainPrefix: call.domainName.split('.')[0],
    http: { method: call.method, path: pathOf(call), protocol: 'HTTP/1.1', sourceIp: call.sourceIp, userAgent: header(call, 'user-agent') ?? '' },
    requestId: call.requestId,
    routeKey: call.routeKey,
    stage: call.stage,
    time: clfTime(call.timeEpoch),
    timeEpoch: call.timeEpoch,
  };
  event.requestContext = requestContext;
  const { body, isBase64Encoded } = bodyOf(call);
  if (body !== undefined) event.body = body;
  if (Object.keys(call.pathParameters).length) event.pathParameters = call.pathParameters;
  event.isBase64Encoded = isBase64Encoded;
  if (Object.keys(call.stageVariables).length) event.stageVariables = call.stageVariables;
  return event;
}

/** The payload format 1.0 event of an HTTP API (the REST proxy shape, with version and API Gateway v2's context). */
export function eventV1(call: HttpCall): Record<string, unknown> {
  const headers: Record<string, string> = {};
  const multiHeaders: Record<string, string[]> = {};
  for (const [k, v] of call.headerList) {
    headers[k] = v;
    (multiHeaders[k] ??= []).push(v);
  }
  const query: Record<string, string> = {};
  const multiQuery: Record<string, string[]> = {};
  for (const [k, v] of queryPairs(call.rawQuery)) {
    query[k] = v;
    (multiQuery[k] ??= []).push(v);
  }
  const nonEmpty = <T>(o: Record<string, T>): Record<string, T> | null => (Object.keys(o).length ? o : null);
  const resource = call.routeKey === '$default' ? '$default' : call.routeKey.slice(call.routeKey.indexOf(' ') + 1);
  const { body, isBase64Encoded } = bodyOf(call);
  return {
    version: '1.0',
    resource,
    path: pathOf(call),
    httpMethod: call.method,
    headers,
    multiValueHeaders: multiHeaders,
    queryStringParameters: nonEmpty(query),
    multiValueQueryStringParameters: nonEmpty(multiQuery),
    requestContext: {
      accountId: call.scope.accountId,
      apiId: call.apiId,
      authorizer: call.authorizer ?? { claims: null, scopes: null },
      domainName: call.domainName,
      domainPrefix: call.domainName.split('.')[0],
      extendedRequestId: call.requestId,
      httpMethod: call.method,
      identity: {
        accessKey: null,
        accountId: null,
        caller: null,
        cognitoAuthenticationProvider: null,
        cognitoAuthenticationType: null,
        cognitoIdentityId: null,
        cognitoIdentityPoolId: null,
        principalOrgId: null,
        sourceIp: call.sourceIp,
        user: null,
        userAgent: header(call, 'user-agent') ?? '',
        userArn: null,
      },
      path: pathOf(call),
      protocol: 'HTTP/1.1',
      requestId: call.requestId,
      requestTime: clfTime(call.timeEpoch),
      requestTimeEpoch: call.timeEpoch,
      resourceId: call.routeKey,
      resourcePath: resource,
      stage: call.stage,
    },
    pathParameters: nonEmpty(call.pathParameters),
    stageVariables: nonEmpty(call.stageVariables),
    body: body ?? null,
    isBase64Encoded,
  };
}

/** A reply of the gateway: status, headers (set-cookie may repeat), body. */
export interface GatewayReply {
  status: number;
  headers: Record<string, string | string[]>;
  body: Buffer;
}

export function jsonReply(status: number, body: unknown, headers: Record<string, string | string[]> = {}): GatewayReply {
  return { status, headers: { 'content-type': 'application/json', ...headers }, body: Buffer.from(JSON.stringify(body)) };
}

export const INTERNAL_ERROR = (): GatewayReply => jsonReply(500, { message: 'Internal Server Error' });

/** The function's answer under payload format 2.0: structured when it has a statusCode, else a 200 JSON body. */
export function replyV2(payload: Buffer): GatewayReply {
  let r: unknown;
  try {
    r = JSON.parse(payload.toString('utf8'));
  } catch {
    // Not JSON: AWS answers the text as a 200 JSON response body.
    return { status: 200, headers: { 'content-type': 'application/json' }, body: payload };
  }
  if (r === null || typeof r !== 'object' || Array.isArray(r) || !('statusCode' in r)) {
    return { status: 200, headers: { 'content-type': 'application/json' }, body: payload };
  }
  const o = r as Record<string, unknown>;
  const status = typeof o.statusCode === 'string' && /^\d+$/.test(o.statusCode) ? Number(o.statusCode) : o.statusCode;
  if (typeof status !== 'number' || !Number.isInteger(status) || status < 100 || status > 599) return INTERNAL_ERROR();
  const headers: Record<string, string | string[]> = {};
  if (o.headers && typeof o.headers === 'object') {
    for (const [k, v] of Object.entries(o.headers as Record<string, unknown>)) if (v !== null && v !== undefined) headers[k.toLowerCase()] = String(v);
  }
  if (Array.isArray(o.cookies) && o.cookies.length) headers['set-cookie'] = o.cookies.map(String);
  headers['content-type'] ??= 'application/json';
  const text = o.body === undefined || o.body === null ? '' : typeof o.body === 'string' ? o.body : JSON.stringify(o.body);
  const body = o.isBase64Encoded === true ? Buffer.from(text, 'base64') : Buffer.from(text, 'utf8');
  return { status, headers, body };
}

/** The function's answer under payload format 1.0 (the REST proxy response); anything else is a 500. */
export function replyV1(payload: Buffer): GatewayReply {
  let r: unknown;
  try {
    r = JSON.parse(payload.toString('utf8'));
  } catch {
    return INTERNAL_ERROR();
  }
  if (r === null || typeof r !== 'object' || Array.isArray(r)) return INTERNAL_ERROR();
  const o = r as Record<string, unknown>;
  const status = typeof o.statusCode === 'string' && /^\d+$/.test(o.statusCode) ? Number(o.statusCode) : o.statusCode;
  if (typeof status !== 'number' || !Number.isInteger(status) || status < 100 || status > 599) return INTERNAL_ERROR();
  if (o.body !== undefined && o.body !== null && typeof o.body !== 'string') return INTERNAL_ERROR();
  const headers: Record<string, string | string[]> = {};
  if (o.headers && typeof o.headers === 'object') {
    for (const [k, v] of Object.entries(o.headers as Record<string, unknown>)) if (v !== null && v !== undefined) headers[k.toLowerCase()] = String(v);
  }
  if (o.multiValueHeaders && typeof o.multiValueHeaders === 'object') {
    for (const [k, v] of Object.entries(o.multiValueHeaders as Record<string, unknown>)) {
      if (!Array.isArray(v)) return INTERNAL_ERROR();
      const key = k.toLowerCase();
      const prev = headers[key];
      headers[key] = [...(prev === undefined ? [] : Array.isArray(prev) ? prev : [prev]), ...v.map(String)];
    }
  }
  headers['content-type'] ??= 'application/json';
  const text = (o.body as string | undefined) ?? '';
  return { status, headers, body: o.isBase64Encoded === true ? Buffer.from(text, 'base64') : Buffer.from(text, 'utf8') };
}
