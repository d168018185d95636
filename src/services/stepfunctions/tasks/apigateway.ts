/**
 * arn:aws:states:::apigateway:invoke(.waitForTaskToken): calls a stage of a REST or HTTP API by its
 * invoke host name (`<api id>.execute-api.<region>.amazonaws.com`), which Stratus's API Gateway data
 * planes answer on its own endpoint: the request goes there over loopback, so it meets the same
 * routing, authorizers and integrations as any client's. Parameters as AWS documents them: Method,
 * Headers and QueryParameters (lists of values), Stage (none for an HTTP API's `$default`), Path,
 * RequestBody (a JSON value is sent as JSON, with its null members dropped unless AllowNullValues),
 * AuthType (NO_AUTH; IAM_ROLE and RESOURCE_POLICY sign the request with SigV4 as the account). The
 * output is `{ Headers, ResponseBody, StatusCode, StatusText }`; a status other than 2XX fails the
 * task with `ApiGateway.<status>` and the response body as its cause, a failed connection with
 * `ApiGateway.<exception>`.
 */
import { request as httpRequest, STATUS_CODES } from 'node:http';
import { signHeaders } from '../../../aws/sigv4-sign.js';
import type { Platform } from '../../service.js';
import { StatesError } from '../asl/errors.js';
import type { TaskCall } from '../asl/engine.js';

const METHODS = new Set(['GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'HEAD', 'OPTIONS']);
const AUTH_TYPES = new Set(['NO_AUTH', 'IAM_ROLE', 'RESOURCE_POLICY']);
/** Headers Step Functions does not let a task set (and names beginning with X-Forwarded, X-Amz, X-Amzn). */
const FORBIDDEN_HEADERS = new Set([
  'authorization', 'connection', 'content-md5', 'expect', 'host', 'max-forwards', 'proxy-authenticate', 'server', 'te', 'transfer-encoding', 'trailer', 'upgrade', 'via', 'www-authenticate',
]);
const ENDPOINT_RE = /^([0-9a-z]+)\.execute-api\.([a-z0-9-]+)\.amazonaws\.com$/;

interface InvokeParameters {
  ApiEndpoint?: unknown;
  Method?: unknown;
  Headers?: unknown;
  Stage?: unknown;
  Path?: unknown;
  QueryParameters?: unknown;
  RequestBody?: unknown;
  AllowNullValues?: unknown;
  AuthType?: unknown;
}

const runtime = (message: string): StatesError => new StatesError('States.Runtime', message);

export async function apiGatewayInvoke(platform: Platform, call: TaskCall): Promise<unknown> {
  const p = (call.parameters ?? {}) as InvokeParameters;
  const endpoint = typeof p.ApiEndpoint === 'string' ? p.ApiEndpoint : undefined;
  const region = endpoint ? ENDPOINT_RE.exec(endpoint)?.[2] : undefined;
  if (!endpoint || !region) throw runtime(`The ApiEndpoint field must be of the form <API ID>.execute-api.<region>.amazonaws.com: ${String(p.ApiEndpoint)}`);
  if (typeof p.Method !== 'string' || !METHODS.has(p.Method)) throw runtime(`The Method field must be one of ${[...METHODS].join(', ')}: ${String(p.Method)}`);
  const authType = p.AuthType ?? 'NO_AUTH';
  if (typeof authType !== 'string' || !AUTH_TYPES.has(authType)) throw runtime(`The AuthType field must be one of ${[...AUTH_TYPES].join(', ')}: ${String(authType)}`);

  const headers: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(listMap(p.Headers, 'Headers'))) {
    const lower = name.toLowerCase();
    if (FORBIDDEN_HEADERS.has(lower) || /^x-(forwarded|amzn?)/.test(lower)) throw runtime(`The 'Headers' field contains unsupported values: ${name}`);
    headers[lower] = value.length === 1 ? value[0]! : value;
  }
  let body = Buffer.alloc(0);
  if (p.RequestBody !== undefined) {
    if (typeof p.RequestBody === 'string') body = Buffer.from(p.RequestBody);
    else {
      body = Buffer.from(JSON.stringify(p.AllowNullValues === true ? p.RequestBody : withoutNulls(p.RequestBody)));
      headers['content-type'] ??= 'application/json';
    }
  }
  const path = invokePath(p);
  headers.host = endpoint;
  if (body.length > 0) headers['content-length'] = String(body.length);
  if (authType !== 'NO_AUTH') Object.assign(headers, signed(platform, call, region, p.Method, path, headers, body));

  let response: { status: number; headers: Record<string, string[]>; body: Buffer };
  try {
    response = await send(platform.endpoint(), p.Method, path, headers, body, call.signal);
  } catch (e) {
    throw new StatesError(`ApiGateway.${(e as Error)?.name ?? 'Error'}`, String((e as Error)?.message ?? e));
  }
  const text = response.body.toString('utf8');
  if (response.status < 200 || response.status > 299) throw new StatesError(`ApiGateway.${response.status}`, text);
  let responseBody: unknown = text;
  try {
    if (text !== '') responseBody = JSON.parse(text);
  } catch {
    // Not JSON: the body as text.
  }
  return { Headers: response.headers, ResponseBody: responseBody, StatusCode: response.status, StatusText: STATUS_CODES[response.status] ?? '' };
}

/** `/{Stage}/{Path}?{QueryParameters}`: no stage for an HTTP API's `$default`; the path's segments and the query percent-encoded. */
function invokePath(p: InvokeParameters): string {
  const stage = typeof p.Stage === 'string' && p.Stage !== '' && p.Stage !== '$default' ? `/${encodeURIComponent(p.Stage)}` : '';
  const rest = typeof p.Path === 'string' ? p.Path.replace(/^\/+/, '') : '';
  const path = `${stage}/${rest.split('/').map(encodeURIComponent).join('/')}`;
  const query = Object.entries(listMap(p.QueryParameters, 'QueryParameters')).flatMap(([k, vs]) => vs.map((v) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`));
  return query.length > 0 ? `${path}?${query.join('&')}` : path;
}

/** A map of names to lists of values (a single value is taken as a list of one). */
function listMap(value: unknown, field: string): Record<string, string[]> {
  if (value === undefined || value === null) return {};
  if (typeof value !== 'object' || Array.isArray(value)) throw runtime(`The '${field}' field must be an object of lists of strings`);
  const out: Record<string, string[]> = {};
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) out[k] = (Array.isArray(v) ? v : [v]).map((x) => (typeof x === 'string' ? x : JSON.stringify(x)));
  return out;
}

/** A JSON value with its null object members removed, at any depth. */
function withoutNulls(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(withoutNulls);
  if (v === null || typeof v !== 'object') return v;
  return Object.fromEntries(Object.entries(v as Record<string, unknown>).filter(([, x]) => x !== null).map(([k, x]) => [k, withoutNulls(x)]));
}

/** SigV4 headers for execute-api, signed at platform time with the account's credentials. */
function signed(platform: Platform, call: TaskCall, region: string, method: string, path: string, headers: Record<string, string | string[]>, body: Buffer): Record<string, string> {
  const config = platform.config;
  const cred = config.credentials.find((c) => c.accountId === call.execution.accountId) ?? config.credentials[0];
  const flat = Object.fromEntries(Object.entries(headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(',') : v]));
  return signHeaders(
    { service: 'execute-api', region, accessKeyId: cred?.accessKeyId ?? call.execution.accountId, secretAccessKey: cred?.secretAccessKey ?? 'test' },
    method,
    path,
    flat,
    body,
    undefined,
    platform.clock.now(),
  );
}

/** One HTTP/1.1 request to Stratus's own endpoint; the response with its headers as lists, names as sent. */
function send(endpoint: string, method: string, path: string, headers: Record<string, string | string[]>, body: Buffer, signal: AbortSignal): Promise<{ status: number; headers: Record<string, string[]>; body: Buffer }> {
  const url = new URL(endpoint);
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: url.hostname, port: url.port, method, path, headers, signal, setHost: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('error', reject);
      res.on('end', () => {
        const out: Record<string, string[]> = {};
        for (let i = 0; i + 1 < res.rawHeaders.length; i += 2) (out[res.rawHeaders[i]!] ??= []).push(res.rawHeaders[i + 1]!);
        resolve({ status: res.statusCode ?? 0, headers: out, body: Buffer.concat(chunks) });
      });
    });
    req.on('error', reject);
    req.end(body);
  });
}
