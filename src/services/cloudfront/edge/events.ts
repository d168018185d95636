/**
 * The event objects edge code sees and what it may return. CloudFront Functions: `{ version,
 * context, viewer, request[, response] }` with headers, query strings and cookies as objects of
 * `{ value[, multiValue] }`. Lambda@Edge: `{ Records: [{ cf: { config, request[, response] } }] }`
 * with headers as lists of `{ key, value }` and the query string as text.
 */

export interface EdgeRequest {
  method: string;
  uri: string;
  /** Raw (percent-encoded) query string without '?'. */
  rawQuery: string;
  /** Lower-cased names. */
  headers: Record<string, string>;
  clientIp: string;
  body: Buffer;
}

export interface EdgeResponse {
  status: number;
  statusDescription?: string;
  headers: Record<string, string>;
  body: Buffer;
}

export interface EdgeContext {
  distributionDomainName: string;
  distributionId: string;
  requestId: string;
}

type ValueObj = { value: string; multiValue?: { value: string }[] };

function multi(values: string[]): ValueObj {
  return values.length > 1 ? { value: values[0]!, multiValue: values.map((value) => ({ value })) } : { value: values[0] ?? '' };
}

function fromValueObj(v: any): string[] {
  if (v === null || typeof v !== 'object') return [];
  if (Array.isArray(v.multiValue) && v.multiValue.length) return v.multiValue.map((m: any) => String(m?.value ?? ''));
  return v.value === undefined ? [] : [String(v.value)];
}

export function queryObject(rawQuery: string): Record<string, ValueObj> {
  const groups = new Map<string, string[]>();
  for (const pair of rawQuery.split('&')) {
    if (!pair) continue;
    const eq = pair.indexOf('=');
    const name = eq < 0 ? pair : pair.slice(0, eq);
    const value = eq < 0 ? '' : pair.slice(eq + 1);
    const list = groups.get(name) ?? [];
    list.push(value);
    groups.set(name, list);
  }
  const out: Record<string, ValueObj> = {};
  for (const [k, v] of groups) out[k] = multi(v);
  return out;
}

function queryText(obj: any): string {
  if (obj === null || typeof obj !== 'object') return '';
  const parts: string[] = [];
  for (const [name, v] of Object.entries(obj)) for (const value of fromValueObj(v)) parts.push(value === '' ? name : `${name}=${value}`);
  return parts.join('&');
}

function headerObject(headers: Record<string, string>, skip: string): Record<string, ValueObj> {
  const out: Record<string, ValueObj> = {};
  for (const [k, v] of Object.entries(headers)) if (k !== skip) out[k] = { value: v };
  return out;
}

function headersFrom(obj: any): Record<string, string> {
  const out: Record<string, string> = {};
  if (obj === null || typeof obj !== 'object') return out;
  for (const [k, v] of Object.entries(obj)) {
    const values = fromValueObj(v);
    if (values.length) out[k.toLowerCase()] = values.join(', ');
  }
  return out;
}

function cookieObject(header: string | undefined): Record<string, ValueObj> {
  const groups = new Map<string, string[]>();
  for (const part of (header ?? '').split(';')) {
    const c = part.trim();
    if (!c) continue;
    const eq = c.indexOf('=');
    const name = eq < 0 ? c : c.slice(0, eq);
    const list = groups.get(name) ?? [];
    list.push(eq < 0 ? '' : c.slice(eq + 1));
    groups.set(name, list);
  }
  const out: Record<string, ValueObj> = {};
  for (const [k, v] of groups) out[k] = multi(v);
  return out;
}

function cookieHeader(obj: any): string | undefined {
  if (obj === null || typeof obj !== 'object') return undefined;
  const parts: string[] = [];
  for (const [name, v] of Object.entries(obj)) for (const value of fromValueObj(v)) parts.push(`${name}=${value}`);
  return parts.length ? parts.join('; ') : undefined;
}

/** The CloudFront Functions event for a viewer request or viewer response. */
export function functionEvent(ctx: EdgeContext, eventType: string, req: EdgeRequest, res?: EdgeResponse): unknown {
  const event: any = {
    version: '1.0',
    context: { distributionDomainName: ctx.distributionDomainName, distributionId: ctx.distributionId, eventType, requestId: ctx.requestId },
    viewer: { ip: req.clientIp },
    request: { method: req.method, uri: req.uri, querystring: queryObject(req.rawQuery), headers: headerObject(req.headers, 'cookie'), cookies: cookieObject(req.headers.cookie) },
  };
  if (res) {
    const cookies: Record<string, any> = {};
    for (const line of (res.headers['set-cookie'] ?? '').split(/\n/)) {
      if (!line) continue;
      const [pair, ...attrs] = line.split(';');
      const eq = pair!.indexOf('=');
      cookies[pair!.slice(0, eq < 0 ? undefined : eq).trim()] = { value: eq < 0 ? '' : pair!.slice(eq + 1).trim(), ...(attrs.length ? { attributes: attrs.join(';').trim() } : {}) };
    }
    event.response = { statusCode: res.status, statusDescription: res.statusDescription ?? '', headers: headerObject(res.headers, 'set-cookie'), cookies };
  }
  return event;
}

/** What a CloudFront Function returned: a request to go on with, or a response to answer. */
export function fromFunctionResult(out: any, req: EdgeRequest): { request: EdgeRequest } | { response: EdgeResponse } | { invalid: string } {
  if (out === null || typeof out !== 'object') return { invalid: 'The function returned no object.' };
  if (out.statusCode !== undefined) {
    const status = Number(out.statusCode);
    if (!Number.isInteger(status) || status < 100 || status > 599) return { invalid: `The function returned an invalid status code: ${out.statusCode}` };
    const headers = headersFrom(out.headers);
    const setCookies: string[] = [];
    if (out.cookies && typeof out.cookies === 'object') {
      for (const [name, v] of Object.entries<any>(out.cookies)) {
        const values = Array.isArray(v?.multiValue) && v.multiValue.length ? v.multiValue : [v];
        for (const one of values) setCookies.push(`${name}=${one?.value ?? ''}${one?.attributes ? '; ' + one.attributes : ''}`);
      }
    }
    if (setCookies.length) headers['set-cookie'] = setCookies.join('\n');
    let body = Buffer.alloc(0);
    if (typeof out.body === 'string') body = Buffer.from(out.body);
    else if (out.body && typeof out.body === 'object') body = Buffer.from(String(out.body.data ?? ''), out.body.encoding === 'base64' ? 'base64' : 'utf8');
    return { response: { status, statusDescription: out.statusDescription, headers, body } };
  }
  if (typeof out.uri !== 'string' || !out.uri.startsWith('/')) return { invalid: 'The function returned a request with an invalid uri.' };
  const headers = headersFrom(out.headers);
  delete headers.cookie;
  const cookie = cookieHeader(out.cookies);
  if (cookie) headers.cookie = cookie;
  return { request: { ...req, method: req.method, uri: out.uri, rawQuery: queryText(out.querystring), headers } };
}

/** A viewer-response function's response (it may change status and headers; the body stays). */
export function responseFromFunction(out: any, res: EdgeResponse): EdgeResponse | undefined {
  if (out === null || typeof out !== 'object' || out.statusCode === undefined) return undefined;
  const r = fromFunctionResult(out, { method: 'GET', uri: '/', rawQuery: '', headers: {}, clientIp: '', body: Buffer.alloc(0) });
  if (!('response' in r)) return undefined;
  return { ...r.response, body: out.body !== undefined ? r.response.body : res.body };
}

type CfHeaders = Record<string, { key: string; value: string }[]>;

/** Headers Lambda@Edge functions neither see nor may set (AWS's "disallowed headers"). */
const DISALLOWED = new Set([
  'connection', 'expect', 'keep-alive', 'proxy-authenticate', 'proxy-authorization', 'proxy-connection', 'trailer', 'upgrade',
  'x-accel-buffering', 'x-accel-charset', 'x-accel-limit-rate', 'x-accel-redirect', 'x-amzn-auth', 'x-amzn-cf-billing', 'x-amzn-cf-id',
  'x-amzn-cf-xff', 'x-amzn-errortype', 'x-amzn-fle-profile', 'x-amzn-header-count', 'x-amzn-header-order', 'x-amzn-lambda-integration-tag',
  'x-amzn-requestid', 'x-cache', 'x-forwarded-proto', 'x-real-ip',
]);

export function isDisallowedHeader(name: string): boolean {
  return DISALLOWED.has(name) || name.startsWith('x-amz-cf-') || name.startsWith('x-edge-');
}

/** Headers each event's function may read but not change (AWS's "read-only headers"). */
const READ_ONLY: Record<string, readonly string[]> = {
  'viewer-request': ['content-length', 'host', 'transfer-encoding', 'via'],
  'origin-request': ['accept-encoding', 'content-length', 'if-modified-since', 'if-none-match', 'if-range', 'if-unmodified-since', 'transfer-encoding', 'via'],
  'origin-response': ['transfer-encoding', 'via'],
  'viewer-response': ['content-encoding', 'content-length', 'transfer-encoding', 'warning', 'via'],
};

/** Why the headers a Lambda@Edge function returned are refused (CloudFront's LambdaValidationError), if they are. */
export function lambdaHeadersProblem(eventType: string, before: Record<string, string>, returned: any): string | undefined {
  if (returned === undefined) return undefined;
  if (returned === null || typeof returned !== 'object') return 'headers must be an object';
  for (const [name, list] of Object.entries(returned)) {
    if (name !== name.toLowerCase()) return `header name ${name} must be lower case`;
    if (!Array.isArray(list)) return `header ${name} must be a list`;
    for (const h of list as any[]) if (h?.key !== undefined && String(h.key).toLowerCase() !== name) return `header key ${h.key} does not match ${name}`;
    if (isDisallowedHeader(name)) return `header ${name} is not allowed`;
  }
  const after = fromCfHeaders(returned);
  for (const name of READ_ONLY[eventType] ?? []) if ((before[name] ?? undefined) !== (after[name] ?? undefined) && before[name] !== undefined) return `header ${name} is read-only`;
  return undefined;
}

const CANONICAL: Record<string, string> = { 'cache-control': 'Cache-Control', etag: 'ETag', 'x-cache': 'X-Cache' };

function canonical(name: string): string {
  return CANONICAL[name] ?? name.replace(/(^|-)([a-z])/g, (_m, d: string, c: string) => d + c.toUpperCase());
}

export function toCfHeaders(headers: Record<string, string>): CfHeaders {
  const out: CfHeaders = {};
  for (const [k, v] of Object.entries(headers)) {
    if (isDisallowedHeader(k)) continue;
    const values = k === 'set-cookie' ? v.split('\n') : [v];
    out[k] = values.map((value) => ({ key: canonical(k), value }));
  }
  return out;
}

export function fromCfHeaders(obj: any): Record<string, string> {
  const out: Record<string, string> = {};
  if (obj === null || typeof obj !== 'object') return out;
  for (const [k, list] of Object.entries(obj)) {
    if (!Array.isArray(list)) continue;
    const values = list.map((h: any) => String(h?.value ?? ''));
    if (values.length) out[k.toLowerCase()] = k.toLowerCase() === 'set-cookie' ? values.join('\n') : values.join(', ');
  }
  return out;
}

/** The Lambda@Edge event (`Records[0].cf`). */
export function lambdaEdgeEvent(ctx: EdgeContext, eventType: string, req: EdgeRequest, origin: unknown, includeBody: boolean, res?: EdgeResponse): unknown {
  const request: any = {
    clientIp: req.clientIp,
    headers: toCfHeaders(req.headers),
    method: req.method,
    querystring: req.rawQuery,
    uri: req.uri,
  };
  if (origin && eventType.startsWith('origin')) request.origin = origin;
  if (includeBody && (eventType === 'viewer-request' || eventType === 'origin-request')) {
    request.body = { inputTruncated: req.body.length > 1024 * 1024, action: 'read-only', encoding: 'base64', data: req.body.subarray(0, 1024 * 1024).toString('base64') };
  }
  const cf: any = { config: { distributionDomainName: ctx.distributionDomainName, distributionId: ctx.distributionId, eventType, requestId: ctx.requestId }, request };
  if (res) cf.response = { status: String(res.status), statusDescription: res.statusDescription ?? '', headers: toCfHeaders(res.headers) };
  return { Records: [{ cf }] };
}

/** A Lambda@Edge result: a response (it has `status`) or the request to go on with. */
export function fromLambdaResult(out: any, req: EdgeRequest, eventType: string, before?: EdgeResponse): { request: EdgeRequest; origin?: any } | { response: EdgeResponse } | { invalid: string } {
  if (out === null || typeof out !== 'object') return { invalid: 'The Lambda function returned an invalid response.' };
  const visible = (h: Record<string, string>) => Object.fromEntries(Object.entries(h).filter(([k]) => !isDisallowedHeader(k)));
  const returnsResponse = out.status !== undefined;
  // Read-only headers are checked against what the function was given (the response on response events).
  const problem = lambdaHeadersProblem(eventType, returnsResponse && before ? visible(before.headers) : returnsResponse ? {} : visible(req.headers), out.headers);
  if (problem) return { invalid: problem };
  if (out.status !== undefined) {
    const status = Number(out.status);
    if (!Number.isInteger(status) || status < 100 || status > 599) return { invalid: `The Lambda function returned an invalid status: ${out.status}` };
    const body = typeof out.body === 'string' ? Buffer.from(out.body, out.bodyEncoding === 'base64' ? 'base64' : 'utf8') : Buffer.alloc(0);
    return { response: { status, statusDescription: out.statusDescription, headers: fromCfHeaders(out.headers), body } };
  }
  if (typeof out.uri !== 'string' || !out.uri.startsWith('/')) return { invalid: 'The Lambda function returned an invalid request.' };
  let body = req.body;
  if (out.body && out.body.action === 'replace') body = Buffer.from(String(out.body.data ?? ''), out.body.encoding === 'base64' ? 'base64' : 'utf8');
  return {
    request: { ...req, uri: out.uri, rawQuery: typeof out.querystring === 'string' ? out.querystring : req.rawQuery, headers: fromCfHeaders(out.headers), body },
    origin: out.origin,
  };
}
