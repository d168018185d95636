import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { CorsDoc, IntegrationDoc, Snapshot, StageDoc } from '../types.js';
import type { Platform } from '../../service.js';
import type { Authorizers } from './auth.js';
import { serviceIntegration } from './aws-service.js';
import { eventV1, eventV2, INTERNAL_ERROR, jsonReply, replyV1, replyV2, type GatewayReply, type HttpCall } from './events.js';
import { functionArnOf, type LambdaCaller } from './lambda.js';
import { mapRequest, mapResponse } from './mapping.js';
import type { HttpRouter } from './match.js';
import type { AccessLogs, Throttles } from './stage-effects.js';

/** What serving one HTTP API request needs of the data plane. */
export interface HttpApiDeps {
  authorizers: Authorizers;
  lambda: LambdaCaller;
  throttles: Throttles;
  accessLogs: AccessLogs;
  now: () => number;
  platform: Platform;
}

/** What the integration did, for the access log. */
interface IntegrationNote {
  status?: number;
  error?: string;
  latency?: number;
}

const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'transfer-encoding', 'upgrade', 'host', 'content-length', 'te', 'trailer', 'proxy-authorization', 'proxy-connection']);

/**
 * One request to a deployed HTTP API stage: CORS preflight from the API's configuration, the
 * matching route, its authorizer, its integration (Lambda proxy 1.0/2.0 or HTTP proxy), and the
 * CORS headers of the answer.
 */
export async function serveHttpApi(deps: HttpApiDeps, snap: Snapshot, router: HttpRouter, stage: StageDoc, call: HttpCall, stagePath: string): Promise<GatewayReply> {
  const cors = snap.api.CorsConfiguration;
  const origin = call.headerList.find(([k]) => k === 'origin')?.[1];
  const note: IntegrationNote = {};
  let reply: GatewayReply;
  if (cors && call.method === 'OPTIONS' && origin && call.headerList.some(([k]) => k === 'access-control-request-method')) {
    reply = preflight(cors, origin, call);
  } else {
    reply = await route(deps, snap, router, stage, call, stagePath, note);
    if (cors && origin) addCors(reply, cors, origin);
  }
  deps.accessLogs.write(stage, call, reply, note);
  return reply;
}

async function route(deps: HttpApiDeps, snap: Snapshot, router: HttpRouter, stage: StageDoc, call: HttpCall, stagePath: string, note: IntegrationNote): Promise<GatewayReply> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(stagePath);
  } catch {
    decoded = stagePath;
  }
  const match = router.match(call.method, decoded);
  if (!match) return jsonReply(404, { message: 'Not Found' });
  call.routeKey = match.route.RouteKey;
  call.pathParameters = match.pathParameters;
  if (!deps.throttles.take(call.apiId, stage, call.routeKey)) return jsonReply(429, { message: 'Too Many Requests' });
  const target = /^integrations\/(.+)$/.exec(match.route.Target ?? '');
  const integration = target ? snap.integrations[target[1]!] : undefined;
  const format = integration?.PayloadFormatVersion ?? '1.0';
  const auth = await deps.authorizers.authorize(match.route, match.route.AuthorizerId ? snap.authorizers[match.route.AuthorizerId] : undefined, call, format);
  if (!auth.ok) return auth.reply;
  if (auth.authorizer) call.authorizer = auth.authorizer;
  if (!integration) return jsonReply(404, { message: 'Not Found' });
  const started = deps.now();
  let reply: GatewayReply;
  if (integration.IntegrationType === 'AWS_PROXY' && integration.IntegrationSubtype) reply = await serviceIntegration(deps.platform, integration, call, note);
  else if (integration.IntegrationType === 'AWS_PROXY') reply = await lambdaProxy(deps, integration, call, note);
  else if (integration.IntegrationType === 'HTTP_PROXY') reply = await httpProxy(integration, call);
  else reply = INTERNAL_ERROR();
  note.latency = deps.now() - started;
  note.status ??= reply.status;
  return mapResponse(integration.ResponseParameters, call, reply);
}

async function lambdaProxy(deps: HttpApiDeps, i: IntegrationDoc, call: HttpCall, note: IntegrationNote): Promise<GatewayReply> {
  const arn = functionArnOf(i.IntegrationUri ?? '', call.stageVariables);
  if (!arn) {
    note.error = 'The integration URI names no Lambda function';
    return INTERNAL_ERROR();
  }
  const v2 = i.PayloadFormatVersion === '2.0';
  const out = await deps.lambda.invoke(call.scope, arn, v2 ? eventV2(call) : eventV1(call), i.TimeoutInMillis ?? 30000);
  note.status = out.kind === 'ok' || out.kind === 'functionError' ? 200 : undefined;
  if (out.kind === 'timeout') {
    note.error = 'Network error communicating with endpoint';
    return jsonReply(503, { message: 'Service Unavailable' });
  }
  if (out.kind !== 'ok') {
    note.error = out.kind === 'functionError' ? 'The Lambda function returned an error' : 'The Lambda function could not be invoked';
    return INTERNAL_ERROR();
  }
  return v2 ? replyV2(out.payload) : replyV1(out.payload);
}

/** HTTP_PROXY: the request goes to the integration URI ({param} and stage variables substituted), the answer comes back as it is. */
function httpProxy(i: IntegrationDoc, call: HttpCall): Promise<GatewayReply> {
  let uri = (i.IntegrationUri ?? '').replace(/\$\{stageVariables\.([A-Za-z0-9_]+)\}/g, (_m, k: string) => call.stageVariables[k] ?? '');
  uri = uri.replace(/\{([A-Za-z0-9._-]+)\+?\}/g, (_m, k: string) => call.pathParameters[k] ?? '');
  let url: URL;
  try {
    url = new URL(uri);
  } catch {
    return Promise.resolve(INTERNAL_ERROR());
  }
  const headers: [string, string][] = call.headerList.filter(([k]) => !HOP_BY_HOP.has(k));
  if (!headers.some(([k]) => k === 'x-forwarded-for')) headers.push(['x-forwarded-for', call.sourceIp]);
  headers.push(['x-amzn-trace-id', `Root=1-${Math.floor(call.timeEpoch / 1000).toString(16)}-${call.requestId.replace(/-/g, '').slice(0, 24)}`]);
  const query: [string, string][] = [...new URLSearchParams(url.search)];
  const target: { headers: [string, string][]; query: [string, string][]; path?: string } = { headers, query: [...query, ...queryPairsOf(call.rawQuery)] };
  mapRequest(i.RequestParameters, call, target);
  if (target.path !== undefined) url.pathname = target.path;
  url.search = target.query.length ? `?${new URLSearchParams(target.query).toString()}` : '';
  const outgoing: Record<string, string> = {};
  for (const [k, v] of target.headers) outgoing[k] = outgoing[k] === undefined ? v : `${outgoing[k]}, ${v}`;
  outgoing['content-length'] = String(call.body.length);
  const method = i.IntegrationMethod === 'ANY' || !i.IntegrationMethod ? call.method : i.IntegrationMethod;
  const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve) => {
    const req = send(url, { method, headers: outgoing }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const out: Record<string, string | string[]> = {};
        for (const [k, v] of Object.entries(res.headers)) if (v !== undefined && !HOP_BY_HOP.has(k)) out[k] = v;
        resolve({ status: res.statusCode ?? 502, headers: out, body: Buffer.concat(chunks) });
      });
      res.on('error', () => resolve(INTERNAL_ERROR()));
    });
    req.setTimeout(i.TimeoutInMillis ?? 30000, () => {
      req.destroy();
      resolve(jsonReply(503, { message: 'Service Unavailable' }));
    });
    req.on('error', () => resolve(INTERNAL_ERROR()));
    req.end(call.body);
  });
}

function queryPairsOf(rawQuery: string): [string, string][] {
  return rawQuery ? [...new URLSearchParams(rawQuery)] : [];
}

function originAllowed(cors: CorsDoc, origin: string): string | undefined {
  const origins = cors.AllowOrigins ?? [];
  if (origins.includes('*')) return '*';
  return origins.some((o) => o.toLowerCase() === origin.toLowerCase()) ? origin : undefined;
}

/** The gateway's own answer to a preflight when the API has a CORS configuration. */
function preflight(cors: CorsDoc, origin: string, call: HttpCall): GatewayReply {
  const allowed = originAllowed(cors, origin);
  const headers: Record<string, string> = {};
  const method = call.headerList.find(([k]) => k === 'access-control-request-method')?.[1] ?? '';
  const methods = cors.AllowMethods ?? [];
  const requested = (call.headerList.find(([k]) => k === 'access-control-request-headers')?.[1] ?? '')
    .split(',')
    .map((h) => h.trim().toLowerCase())
    .filter((h) => h !== '');
  const allowHeaders = (cors.AllowHeaders ?? []).map((h) => h.toLowerCase());
  const methodOk = methods.includes('*') || methods.map((m) => m.toUpperCase()).includes(method.toUpperCase());
  const headersOk = allowHeaders.includes('*') || requested.every((h) => allowHeaders.includes(h));
  if (allowed && methodOk && headersOk) {
    headers['access-control-allow-origin'] = allowed;
    headers['access-control-allow-methods'] = methods.includes('*') ? method : methods.join(',');
    if (requested.length) headers['access-control-allow-headers'] = allowHeaders.includes('*') ? requested.join(',') : allowHeaders.join(',');
    if (cors.AllowCredentials) headers['access-control-allow-credentials'] = 'true';
    if (cors.MaxAge !== undefined && cors.MaxAge >= 0) headers['access-control-max-age'] = String(cors.MaxAge);
  }
  return { status: 204, headers, body: Buffer.alloc(0) };
}

function addCors(reply: GatewayReply, cors: CorsDoc, origin: string): void {
  const allowed = originAllowed(cors, origin);
  if (!allowed) return;
  reply.headers['access-control-allow-origin'] = allowed;
  if (cors.AllowCredentials) reply.headers['access-control-allow-credentials'] = 'true';
  if (cors.ExposeHeaders?.length) reply.headers['access-control-expose-headers'] = cors.ExposeHeaders.join(',');
  if (allowed !== '*') reply.headers.vary = 'Origin';
}
