import type { IamOutcome } from './iam.js';
import { randomBytes, randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import type { TimerHandle } from '../../../core/clock.js';
import type { HttpRequest } from '../../../core/http.js';
import type { Platform } from '../../service.js';
import { selectionPath } from '../route-keys.js';
import type { Scope, Store } from '../store.js';
import type { IntegrationDoc, RouteDoc } from '../types.js';
import type { Authorizers } from './auth.js';
import { clfTime, jsonReply, queryPairs, type GatewayReply, type HttpCall } from './events.js';
import type { Deployed } from './index.js';
import { FrameWatcher } from './frames.js';
import type { AccessLogs } from './stage-effects.js';
import { functionArnOf, type LambdaCaller } from './lambda.js';

/** AWS's limits: a message of at most 128 KB, idle connections closed after 10 minutes, any after 2 hours. */
const MAX_MESSAGE_BYTES = 128 * 1024;
const MAX_FRAME_BYTES = 32 * 1024;
const IDLE_MS = 10 * 60 * 1000;
const MAX_CONNECTION_MS = 2 * 60 * 60 * 1000;

interface Connection {
  id: string;
  ws: WebSocket;
  dep: Deployed;
  connectedAt: number;
  sourceIp: string;
  userAgent: string;
  authorizer?: Record<string, unknown>;
  idle?: TimerHandle;
  limit?: TimerHandle;
  closing?: { code: number; reason: string };
}

/**
 * WebSocket APIs: the handshake ($connect, its authorizer and integration decide), messages routed
 * by the route selection expression, $disconnect, and the @connections management API. Sockets
 * live in the memory of this process; each connection's row is in SQL.
 */
export class WebSockets {
  private readonly wss = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES });
  private readonly connections = new Map<string, Connection>();
  /** Set by close(): connections cut by the shutdown run no $disconnect and write nothing. */
  private stopping = false;

  constructor(
    private readonly platform: Platform,
    private readonly store: Store,
    private readonly lambda: LambdaCaller,
    private readonly authorizers: Authorizers,
    private readonly accessLogs: AccessLogs,
  ) {}

  /** An access log line for a WebSocket event, when the stage has access logging. */
  private log(c: Omit<Connection, 'ws'>, context: Record<string, unknown>, status: number, error?: string): void {
    if (!c.dep.stage.AccessLogSettings?.DestinationArn) return;
    const identity = context.identity as { sourceIp?: string; userAgent?: string } | undefined;
    this.accessLogs.emit(c.dep.stage, {
      ...context,
      'identity.sourceIp': identity?.sourceIp,
      'identity.userAgent': identity?.userAgent,
      status,
      integrationErrorMessage: error,
      'error.message': error,
    });
  }

  async close(): Promise<void> {
    this.stopping = true;
    for (const c of this.connections.values()) {
      c.idle?.cancel();
      c.limit?.cancel();
      c.ws.terminate();
    }
    this.connections.clear();
    this.wss.close();
  }

  /** A handshake to a stage of a WebSocket API. */
  async connect(
    dep: Deployed,
    req: HttpRequest,
    raw: IncomingMessage,
    socket: Duplex,
    head: Buffer,
    headers: [string, string][],
    sourceIp: string,
    iam: (route: string) => Promise<IamOutcome>,
  ): Promise<void> {
    const id = randomBytes(12).toString('base64').replace(/\//g, 'A').replace(/\+/g, 'B');
    const now = this.platform.clock.now();
    const userAgent = headers.find(([k]) => k === 'user-agent')?.[1] ?? '';
    const conn: Omit<Connection, 'ws'> = { id, dep, connectedAt: now, sourceIp, userAgent };
    const route = dep.snap.routes.find((r) => r.RouteKey === '$connect');
    if (route) {
      const call = { ...this.call(conn, '$connect', headers, req.rawQuery), iam };
      const auth = await this.authorizers.authorize(route, route.AuthorizerId ? dep.snap.authorizers[route.AuthorizerId] : undefined, call, '1.0', true);
      if (!auth.ok) return refuse(socket, auth.reply.status);
      if (auth.authorizer) conn.authorizer = auth.authorizer;
      const event = { headers: single(headers), multiValueHeaders: multi(headers), ...queryOf(req.rawQuery), requestContext: this.context(conn, '$connect', 'CONNECT'), isBase64Encoded: false };
      const status = (await this.integrate(dep, route, event)).status;
      this.log(conn, event.requestContext, status);
      if (status < 200 || status > 299) return refuse(socket, status);
    }
    if (this.stopping) return refuse(socket, 503);
    this.wss.handleUpgrade(raw, socket, head, (ws) => {
      const c: Connection = { ...conn, ws };
      // Frames over 32 KB close the connection (1009), as API Gateway does; ws itself limits messages.
      const watcher = new FrameWatcher(MAX_FRAME_BYTES, () => this.drop(c, 1009, 'Message too big'));
      socket.prependListener('data', (chunk: Buffer) => {
        if (!c.closing) watcher.push(chunk);
      });
      void this.opened(c, headers).catch(() => ws.terminate());
    });
  }

  private async opened(c: Connection, headers: [string, string][]): Promise<void> {
    this.connections.set(c.id, c);
    const { dep } = c;
    await this.store.db.tx((tx) =>
      this.store.putConnection(tx, { connectionId: c.id, scope: dep.scope, apiId: dep.apiId, stage: dep.stage.StageName, connectedAt: c.connectedAt, lastActiveAt: c.connectedAt, sourceIp: c.sourceIp, userAgent: c.userAgent }),
    );
    this.armIdle(c);
    c.limit = this.platform.clock.setTimer(MAX_CONNECTION_MS, () => this.drop(c, 1001, 'Going away'));
    c.ws.on('message', (data: Buffer, isBinary: boolean) => {
      if (this.stopping || c.closing) return;
      void this.message(c, Buffer.isBuffer(data) ? data : Buffer.from(data as ArrayBuffer), isBinary).catch((e: unknown) => this.failed(e));
    });
    c.ws.on('close', (code: number, reason: Buffer) => {
      if (this.stopping) return;
      void this.closed(c, headers, c.closing?.code ?? code, c.closing?.reason ?? reason.toString('utf8')).catch((e: unknown) => this.failed(e));
    });
    c.ws.on('error', () => undefined);
  }

  private failed(e: unknown): void {
    this.platform.log({ level: 'error', service: 'apigatewayv2', error: String((e as Error)?.stack ?? e) });
  }

  private armIdle(c: Connection): void {
    c.idle?.cancel();
    c.idle = this.platform.clock.setTimer(IDLE_MS, () => this.drop(c, 1001, 'Going away'));
  }

  private drop(c: Connection, code: number, reason: string): void {
    c.closing ??= { code, reason };
    c.ws.close(code, reason);
  }

  private async closed(c: Connection, headers: [string, string][], code: number, reason: string): Promise<void> {
    c.idle?.cancel();
    c.limit?.cancel();
    this.connections.delete(c.id);
    await this.store.db.tx((tx) => this.store.deleteConnection(tx, c.id));
    const route = c.dep.snap.routes.find((r) => r.RouteKey === '$disconnect');
    if (!route) return;
    const context = { ...this.context(c, '$disconnect', 'DISCONNECT'), disconnectStatusCode: code, disconnectReason: reason };
    const out = await this.integrate(c.dep, route, { headers: single(headers), multiValueHeaders: multi(headers), requestContext: context, isBase64Encoded: false }).catch(() => ({ status: 500 }));
    this.log(c, context, out.status);
  }

  private async message(c: Connection, data: Buffer, binary: boolean): Promise<void> {
    const now = this.platform.clock.now();
    this.armIdle(c);
    void this.store.db.tx((tx) => this.store.touchConnection(tx, c.id, now)).catch(() => undefined);
    const requestId = randomUUID();
    const route = this.select(c, data, binary);
    if (!route) {
      c.ws.send(JSON.stringify({ message: 'Forbidden', connectionId: c.id, requestId }));
      return;
    }
    const event = {
      requestContext: { ...this.context(c, route.RouteKey, 'MESSAGE', requestId), messageId: randomBytes(12).toString('base64') },
      body: binary ? data.toString('base64') : data.toString('utf8'),
      isBase64Encoded: binary,
    };
    const out = await this.integrate(c.dep, route, event);
    this.log(c, event.requestContext, out.status, out.failed ? 'Internal server error' : undefined);
    if (out.status >= 500 && out.failed) {
      c.ws.send(JSON.stringify({ message: 'Internal server error', connectionId: c.id, requestId }));
      return;
    }
    // A two-way route (one with a route response selection expression) answers the client.
    if (route.RouteResponseSelectionExpression && out.body !== undefined && c.ws.readyState === c.ws.OPEN) c.ws.send(out.body);
  }

  /** The route a message selects: the value at the expression's path among the route keys, else $default. */
  private select(c: Connection, data: Buffer, binary: boolean): RouteDoc | undefined {
    const routes = c.dep.snap.routes;
    const path = selectionPath(c.dep.snap.api.RouteSelectionExpression);
    if (path && !binary) {
      try {
        let v: unknown = JSON.parse(data.toString('utf8'));
        for (const p of path) v = v && typeof v === 'object' ? (v as Record<string, unknown>)[p] : undefined;
        if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') {
          const key = String(v);
          const r = routes.find((x) => x.RouteKey === key && !['$connect', '$disconnect'].includes(x.RouteKey));
          if (r) return r;
        }
      } catch {
        // Not JSON: the $default route.
      }
    }
    return routes.find((r) => r.RouteKey === '$default');
  }

  private context(c: Omit<Connection, 'ws'>, routeKey: string, eventType: string, requestId = randomUUID()): Record<string, unknown> {
    const now = this.platform.clock.now();
    const { dep } = c;
    return {
      routeKey,
      eventType,
      extendedRequestId: requestId,
      requestTime: clfTime(now),
      messageDirection: 'IN',
      stage: dep.stage.StageName,
      connectedAt: c.connectedAt,
      requestTimeEpoch: now,
      identity: { userAgent: c.userAgent, sourceIp: c.sourceIp },
      requestId,
      domainName: `${dep.apiId}.execute-api.${dep.scope.region}.amazonaws.com`,
      connectionId: c.id,
      apiId: dep.apiId,
      ...(c.authorizer ? { authorizer: c.authorizer } : {}),
    };
  }

  private call(c: Omit<Connection, 'ws'>, routeKey: string, headers: [string, string][], rawQuery: string): HttpCall {
    const { dep } = c;
    return {
      scope: dep.scope,
      apiId: dep.apiId,
      stage: dep.stage.StageName,
      routeKey,
      requestId: randomUUID(),
      method: 'GET',
      rawPath: `/${dep.stage.StageName}`,
      rawQuery,
      headerList: headers,
      body: Buffer.alloc(0),
      sourceIp: c.sourceIp,
      pathParameters: {},
      stageVariables: dep.stage.StageVariables ?? {},
      timeEpoch: this.platform.clock.now(),
      domainName: `${dep.apiId}.execute-api.${dep.scope.region}.amazonaws.com`,
    };
  }

  /** Runs a route's integration: its status, and the body a two-way route sends back. */
  private async integrate(dep: Deployed, route: RouteDoc, event: Record<string, unknown>): Promise<{ status: number; body?: string; failed?: boolean }> {
    const target = /^integrations\/(.+)$/.exec(route.Target ?? '');
    const i: IntegrationDoc | undefined = target ? dep.snap.integrations[target[1]!] : undefined;
    if (!i) return { status: 200 };
    if (i.IntegrationType === 'MOCK') return { status: 200 };
    if (i.IntegrationType === 'AWS_PROXY' || (i.IntegrationType === 'AWS' && /:lambda:/.test(i.IntegrationUri ?? ''))) {
      const arn = functionArnOf(i.IntegrationUri ?? '', dep.stage.StageVariables ?? {});
      if (!arn) return { status: 500, failed: true };
      const out = await this.lambda.invoke(dep.scope, arn, event, i.TimeoutInMillis ?? 29000);
      if (out.kind !== 'ok') return { status: out.kind === 'timeout' ? 504 : 500, failed: true };
      const text = out.payload.toString('utf8');
      let r: unknown;
      try {
        r = JSON.parse(text);
      } catch {
        return { status: 200, body: text };
      }
      if (r && typeof r === 'object' && !Array.isArray(r)) {
        const o = r as Record<string, unknown>;
        const status = typeof o.statusCode === 'number' ? o.statusCode : typeof o.statusCode === 'string' && /^\d+$/.test(o.statusCode) ? Number(o.statusCode) : 200;
        const body = o.body === undefined ? undefined : typeof o.body === 'string' ? o.body : JSON.stringify(o.body);
        return { status, body };
      }
      return { status: 200, body: text };
    }
    if (i.IntegrationType === 'HTTP' || i.IntegrationType === 'HTTP_PROXY') {
      // The message (or, for $connect and $disconnect, nothing) goes as the body; the connection's
      // context reaches the backend through the integration's request parameters.
      const headers: Record<string, string> = {};
      const query = new URLSearchParams();
      const context = (event.requestContext ?? {}) as Record<string, unknown>;
      const eventHeaders = (event.headers ?? {}) as Record<string, string>;
      const eventQuery = (event.queryStringParameters ?? {}) as Record<string, string>;
      if (i.IntegrationType === 'HTTP_PROXY') for (const [k, v] of Object.entries(eventHeaders)) if (!HOP_BY_HOP.has(k)) headers[k] = v;
      for (const [key, source] of Object.entries(i.RequestParameters ?? {})) {
        const m = /^integration\.request\.(header|querystring)\.(.+)$/.exec(key);
        if (!m) continue;
        const value = parameterValue(source, context, eventHeaders, eventQuery, dep.stage.StageVariables ?? {});
        if (value === undefined) continue;
        if (m[1] === 'header') headers[m[2]!.toLowerCase()] = value;
        else query.set(m[2]!, value);
      }
      const body = typeof event.body === 'string' ? (event.isBase64Encoded ? Buffer.from(event.body, 'base64') : event.body) : undefined;
      const url = new URL(i.IntegrationUri ?? '');
      for (const [k, v] of query) url.searchParams.set(k, v);
      try {
        const res = await fetch(url, { method: i.IntegrationMethod ?? 'POST', body: body ?? (i.IntegrationMethod === 'GET' ? undefined : ''), headers });
        return { status: res.status, body: await res.text() };
      } catch {
        return { status: 500, failed: true };
      }
    }
    return { status: 500, failed: true };
  }

  /** The @connections API: POST sends to the connection, GET describes it, DELETE closes it. */
  async manage(req: HttpRequest, scope: Scope, apiId: string, connectionId: string): Promise<GatewayReply> {
    const row = await this.store.getConnection(this.store.db, connectionId);
    const local = this.connections.get(connectionId);
    const mine = row && row.apiId === apiId && row.scope.accountId === scope.accountId && row.scope.region === scope.region;
    if (!mine || !local || local.ws.readyState !== local.ws.OPEN) {
      if (row && mine && !local) await this.store.db.tx((tx) => this.store.deleteConnection(tx, connectionId));
      return jsonReply(410, { message: null }, { 'x-amzn-errortype': 'GoneException' });
    }
    if (req.method === 'POST') {
      if (req.body.length > MAX_MESSAGE_BYTES) return jsonReply(413, { message: 'Request entity too large' }, { 'x-amzn-errortype': 'PayloadTooLargeException' });
      const text = req.body.toString('utf8');
      const binary = !Buffer.from(text, 'utf8').equals(req.body);
      local.ws.send(binary ? req.body : text, { binary });
      return { status: 200, headers: {}, body: Buffer.alloc(0) };
    }
    if (req.method === 'GET') {
      return jsonReply(200, {
        connectedAt: new Date(row.connectedAt).toISOString(),
        identity: { sourceIp: row.sourceIp, userAgent: row.userAgent },
        lastActiveAt: new Date(row.lastActiveAt).toISOString(),
      });
    }
    if (req.method === 'DELETE') {
      this.drop(local, 1000, '');
      return { status: 204, headers: {}, body: Buffer.alloc(0) };
    }
    return jsonReply(403, { message: 'Forbidden' }, { 'x-amzn-errortype': 'ForbiddenException' });
  }
}

const HOP_BY_HOP = new Set(['connection', 'upgrade', 'host', 'content-length', 'transfer-encoding', 'keep-alive', 'sec-websocket-key', 'sec-websocket-version', 'sec-websocket-extensions', 'sec-websocket-protocol']);

/** A WebSocket request parameter's source: `context.X`, `route.request.header.X`, `route.request.querystring.X`, `stageVariables.X`, or a 'static' value. */
function parameterValue(source: string, context: Record<string, unknown>, headers: Record<string, string>, query: Record<string, string>, stageVariables: Record<string, string>): string | undefined {
  const quoted = /^'(.*)'$/.exec(source);
  if (quoted) return quoted[1];
  const m = /^\$?(context|route\.request\.header|route\.request\.querystring|stageVariables)\.(.+)$/.exec(source);
  if (!m) return undefined;
  let v: unknown;
  if (m[1] === 'context') v = m[2]!.split('.').reduce<unknown>((o, k) => (o && typeof o === 'object' ? (o as Record<string, unknown>)[k] : undefined), context);
  else if (m[1] === 'route.request.header') v = Object.entries(headers).find(([k]) => k.toLowerCase() === m[2]!.toLowerCase())?.[1];
  else if (m[1] === 'route.request.querystring') v = query[m[2]!];
  else v = stageVariables[m[2]!];
  return v === undefined || v === null ? undefined : String(v);
}

function refuse(socket: Duplex, status: number): void {
  const text = status === 401 ? 'Unauthorized' : status === 403 ? 'Forbidden' : status === 503 ? 'Service Unavailable' : status >= 500 ? 'Internal Server Error' : 'Error';
  socket.end(`HTTP/1.1 ${status} ${text}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
}

function single(headers: [string, string][]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of headers) out[k] = v;
  return out;
}

function multi(headers: [string, string][]): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [k, v] of headers) (out[k] ??= []).push(v);
  return out;
}

function queryOf(rawQuery: string): Record<string, unknown> {
  const pairs = queryPairs(rawQuery);
  if (!pairs.length) return {};
  const q: Record<string, string> = {};
  const mq: Record<string, string[]> = {};
  for (const [k, v] of pairs) {
    q[k] = v;
    (mq[k] ??= []).push(v);
  }
  return { queryStringParameters: q, multiValueQueryStringParameters: mq };
}
