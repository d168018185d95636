import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { hostName, type HttpRequest, type ResponseSink } from '../../../core/http.js';
import type { DataPlaneRoute, Platform } from '../../service.js';
import type { Scope, Store } from '../store.js';
import type { ApiDoc, Snapshot, StageDoc } from '../types.js';
import { Authorizers } from './auth.js';
import { jsonReply, type GatewayReply, type HttpCall } from './events.js';
import { serveHttpApi } from './http-api.js';
import { JwtVerifier } from './jwt.js';
import { LambdaCaller } from './lambda.js';
import { DomainTable } from './domains.js';
import { iamCheck } from './iam.js';
import { HttpRouter } from './match.js';
import { AccessLogs, Throttles } from './stage-effects.js';
import { WebSockets } from './websocket.js';

import { HOST_RE, PATH_PREFIX } from '../addresses.js';

export { HOST_RE, PATH_PREFIX };
const PATH_RE = /^\/_aws\/execute-api\/([a-z0-9]{1,64})(\/.*)?$/;
/** How long an API document read for requests is used before it is read again (writes of this process invalidate at once). */
const RELOAD_MS = 1000;

/** A deployed stage, ready to serve. */
export interface Deployed {
  scope: Scope;
  apiId: string;
  stage: StageDoc;
  snap: Snapshot;
  router: HttpRouter;
}

interface Located {
  apiId: string;
  /** The path after the API (host form: the whole path), still percent-encoded. */
  rest: string;
}

/**
 * The v2 data plane: which host names and paths are v2 APIs (their ids kept in memory for routing
 * from the request head), the API documents and deployments read for requests, HTTP API requests,
 * WebSocket upgrades and the @connections API.
 */
export class DataPlaneV2 {
  private known = new Map<string, Scope>();
  /** This process's changes not yet covered by a completed reload of the ids. */
  private changes: { seq: number; apiId: string; scope: Scope; exists: boolean }[] = [];
  private seq = 0;
  private reloading = false;
  private readonly docs = new Map<string, { doc: ApiDoc; scope: Scope; at: number }>();
  private readonly snapshots = new Map<string, { snap: Snapshot; router: HttpRouter }>();
  private timer: NodeJS.Timeout | undefined;
  private readonly authorizers: Authorizers;
  private readonly lambda: LambdaCaller;
  private readonly throttles: Throttles;
  private readonly accessLogs: AccessLogs;
  readonly websockets: WebSockets;
  private readonly domains: DomainTable;

  constructor(
    private readonly platform: Platform,
    private readonly store: Store,
  ) {
    const lambda = (this.lambda = new LambdaCaller(platform));
    this.throttles = new Throttles(() => platform.clock.now());
    this.accessLogs = new AccessLogs(platform);
    this.authorizers = new Authorizers(platform.clock, new JwtVerifier(platform.clock, () => platform.endpoint()), lambda);
    this.websockets = new WebSockets(platform, store, lambda, this.authorizers, this.accessLogs);
    this.domains = new DomainTable(store);
  }

  async open(): Promise<void> {
    await this.store.forgetConnections(this.store.db);
    await this.reloadIds();
    await this.domains.reload();
    this.timer = setInterval(() => {
      if (this.reloading) return;
      this.reloading = true;
      void Promise.all([this.reloadIds(), this.domains.reload()])
        .catch(() => undefined)
        .finally(() => (this.reloading = false));
    }, RELOAD_MS);
    this.timer.unref();
  }

  async close(): Promise<void> {
    clearInterval(this.timer);
    await this.websockets.close();
  }

  /** The control plane changed an API (or created or deleted it). */
  changed(apiId: string, scope: Scope, exists: boolean): void {
    this.changes.push({ seq: ++this.seq, apiId, scope, exists });
    this.apply(apiId, scope, exists);
    this.docs.delete(apiId);
    this.authorizers.flush(apiId);
  }

  /** A custom domain or one of its mappings changed: resolves once requests see the change. */
  domainsChanged(): Promise<void> {
    return this.domains.reload();
  }

  private apply(apiId: string, scope: Scope, exists: boolean): void {
    if (exists) this.known.set(apiId, scope);
    else this.known.delete(apiId);
  }

  /** Reads every API id again (for other nodes' writes); this process's changes made during the read are applied over it. */
  private async reloadIds(): Promise<void> {
    const started = this.seq;
    const all = await this.store.allApiIds();
    const known = new Map(all.map((a) => [a.id, a.scope]));
    this.known = known;
    for (const c of this.changes) if (c.seq > started) this.apply(c.apiId, c.scope, c.exists);
    this.changes = this.changes.filter((c) => c.seq > started);
  }

  routes(): DataPlaneRoute[] {
    const byHost = (req: HttpRequest): Located | undefined => {
      const m = HOST_RE.exec(hostName(req.headers.host));
      return m && this.known.has(m[1]!) ? { apiId: m[1]!, rest: req.rawPath || '/' } : undefined;
    };
    const byPath = (req: HttpRequest): Located | undefined => {
      const m = PATH_RE.exec(req.rawPath);
      return m && this.known.has(m[1]!) ? { apiId: m[1]!, rest: m[2] ?? '/' } : undefined;
    };
    const route = (locate: (req: HttpRequest) => Located | undefined): Omit<DataPlaneRoute, 'host' | 'pathPrefix'> => ({
      priority: 1,
      accepts: (req) => locate(req) !== undefined,
      handle: (req, res) => this.handle(locate(req)!, req, res),
      upgrade: (req, raw, socket, head) => void this.upgrade(locate(req), req, raw, socket, head),
    });
    return [
      { host: HOST_RE, ...route(byHost) },
      { pathPrefix: PATH_PREFIX, ...route(byPath) },
      // Custom domain names: any host name, claimed from the names held in memory.
      {
        claimsHost: (host) => this.domains.claims(host),
        handle: (req, res) => this.handleDomain(req, res),
        upgrade: (req, raw, socket, head) => void this.upgradeDomain(req, raw, socket, head),
      },
    ];
  }

  private async api(apiId: string): Promise<{ doc: ApiDoc; scope: Scope } | undefined> {
    const now = this.platform.clock.now();
    const cached = this.docs.get(apiId);
    if (cached && now - cached.at < RELOAD_MS) return cached;
    const scope = this.known.get(apiId);
    if (!scope) return undefined;
    const doc = await this.store.apis.get(this.store.db, scope, [apiId]);
    if (!doc) return undefined;
    const entry = { doc, scope, at: now };
    this.docs.set(apiId, entry);
    return entry;
  }

  /** The stage a path names (a named stage's first segment, else $default) and the path within it. */
  async deployed(apiId: string, rest: string): Promise<{ dep: Deployed; stagePath: string } | undefined> {
    const found = await this.api(apiId);
    if (!found) return undefined;
    const { doc } = found;
    const seg = rest.split('/')[1] ?? '';
    let stage: StageDoc | undefined;
    let stagePath = rest;
    let name: string;
    try {
      name = decodeURIComponent(seg);
    } catch {
      name = seg;
    }
    if (name !== '' && doc.stages[name] && (name !== '$default' || doc.api.ProtocolType === 'HTTP')) {
      stage = doc.stages[name];
      stagePath = rest.slice(seg.length + 1) || '/';
    } else {
      stage = doc.stages.$default;
    }
    const dep = stage && (await this.compiled(apiId, found.scope, stage));
    return dep && { dep, stagePath };
  }

  /** A stage's deployment, compiled for routing (kept by deployment id: deployments never change). */
  private async compiled(apiId: string, scope: Scope, stage: StageDoc): Promise<Deployed | undefined> {
    if (!stage.DeploymentId) return undefined;
    const key = `${apiId}/${stage.DeploymentId}`;
    let compiled = this.snapshots.get(key);
    if (!compiled) {
      const dep = await this.store.deployments.get(this.store.db, scope, [apiId, stage.DeploymentId]);
      if (!dep) return undefined;
      if (this.snapshots.size > 1000) this.snapshots.clear();
      compiled = { snap: dep.snapshot, router: new HttpRouter(dep.snapshot.routes) };
      this.snapshots.set(key, compiled);
    }
    return { scope, apiId, stage, ...compiled };
  }

  /** A request to a custom domain: its API mapping gives the API, the stage and the path within it. */
  private async handleDomain(req: HttpRequest, res: ResponseSink): Promise<void> {
    const requestId = randomUUID();
    const reply = await (async (): Promise<GatewayReply> => {
      const m = this.domains.match(hostName(req.headers.host), req.rawPath);
      if (!m) return jsonReply(404, { message: 'Not Found' });
      const found = await this.api(m.mapping.ApiId);
      const stage = found?.doc.stages[m.mapping.Stage];
      const dep = found && stage && found.doc.api.ProtocolType === 'HTTP' ? await this.compiled(m.mapping.ApiId, found.scope, stage) : undefined;
      if (!dep) return jsonReply(404, { message: 'Not Found' });
      return this.serveStage(req, requestId, dep, m.rest, req.rawPath, hostName(req.headers.host));
    })().catch((e: unknown) => {
      this.platform.log({ level: 'error', service: 'apigatewayv2', error: String((e as Error)?.stack ?? e) });
      return jsonReply(500, { message: 'Internal Server Error' });
    });
    this.write(req, res, reply, requestId);
  }

  /** A WebSocket handshake on a custom domain mapped to a WebSocket API's stage. */
  private async upgradeDomain(req: HttpRequest, raw: IncomingMessage, socket: Duplex, head: Buffer): Promise<void> {
    try {
      const m = this.domains.match(hostName(req.headers.host), req.rawPath);
      const found = m && (await this.api(m.mapping.ApiId));
      const stage = m && found?.doc.stages[m.mapping.Stage];
      const dep = m && found && stage && found.doc.api.ProtocolType === 'WEBSOCKET' ? await this.compiled(m.mapping.ApiId, found.scope, stage) : undefined;
      if (!dep) return void socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
      await this.websockets.connect(dep, req, raw, socket, head, headerList(req), sourceIp(req), (route) => iamCheck(this.platform, req, { scope: dep.scope, apiId: dep.apiId, stage: dep.stage.StageName, route, sourceIp: sourceIp(req) }));
    } catch (e) {
      this.platform.log({ level: 'error', service: 'apigatewayv2', error: String((e as Error)?.stack ?? e) });
      if (socket.writable) socket.end('HTTP/1.1 500 Internal Server Error\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
    }
  }

  private write(req: HttpRequest, res: ResponseSink, reply: GatewayReply, requestId: string): void {
    if (res.headersSent) return;
    res.writeHead(reply.status, { ...reply.headers, 'content-length': String(reply.body.length), 'apigw-requestid': requestId });
    res.end(req.method === 'HEAD' ? undefined : reply.body);
  }

  private async handle(loc: Located, req: HttpRequest, res: ResponseSink): Promise<void> {
    const requestId = randomUUID();
    const reply = await this.reply(loc, req, requestId).catch((e: unknown) => {
      this.platform.log({ level: 'error', service: 'apigatewayv2', error: String((e as Error)?.stack ?? e) });
      return jsonReply(500, { message: 'Internal Server Error' });
    });
    this.write(req, res, reply, requestId);
  }

  private async reply(loc: Located, req: HttpRequest, requestId: string): Promise<GatewayReply> {
    const found = await this.api(loc.apiId);
    if (!found) return jsonReply(404, { message: 'Not Found' });
    if (found.doc.api.DisableExecuteApiEndpoint) return jsonReply(403, { message: 'Forbidden' });
    const manage = /^(?:\/([^/@][^/]*))?\/@connections\/([^/]+)$/.exec(loc.rest);
    if (found.doc.api.ProtocolType === 'WEBSOCKET') {
      if (!manage) return jsonReply(403, { message: 'Forbidden' });
      // The @connections API takes IAM-signed calls only.
      const iam = await iamCheck(this.platform, req);
      if (!iam.ok) return jsonReply(403, { message: iam.message }, { 'x-amzn-errortype': 'ForbiddenException' });
      return this.websockets.manage(req, found.scope, loc.apiId, decodeURIComponent(manage[2]!));
    }
    const target = await this.deployed(loc.apiId, loc.rest);
    if (!target) return jsonReply(404, { message: 'Not Found' });
    return this.serveStage(req, requestId, target.dep, target.stagePath, loc.rest);
  }

  /** One HTTP API request to a deployed stage; `rawPath` is the path the event shows. */
  private serveStage(req: HttpRequest, requestId: string, dep: Deployed, stagePath: string, rawPath: string, domainName?: string): Promise<GatewayReply> {
    const call: HttpCall = {
      scope: dep.scope,
      apiId: dep.apiId,
      stage: dep.stage.StageName,
      routeKey: '$default',
      requestId,
      method: req.method,
      rawPath,
      rawQuery: req.rawQuery,
      headerList: headerList(req),
      body: req.body,
      sourceIp: sourceIp(req),
      pathParameters: {},
      stageVariables: dep.stage.StageVariables ?? {},
      timeEpoch: this.platform.clock.now(),
      domainName: domainName ?? `${dep.apiId}.execute-api.${dep.scope.region}.amazonaws.com`,
      iam: (route) => iamCheck(this.platform, req, { scope: dep.scope, apiId: dep.apiId, stage: dep.stage.StageName, route, sourceIp: sourceIp(req) }),
    };
    const deps = { authorizers: this.authorizers, lambda: this.lambda, throttles: this.throttles, accessLogs: this.accessLogs, now: () => this.platform.clock.now(), platform: this.platform };
    return serveHttpApi(deps, dep.snap, dep.router, dep.stage, call, stagePath);
  }

  private async upgrade(loc: Located | undefined, req: HttpRequest, raw: IncomingMessage, socket: Duplex, head: Buffer): Promise<void> {
    const refuse = (status: number, text: string): void => {
      socket.end(`HTTP/1.1 ${status} ${text}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
    };
    try {
      if (!loc) return refuse(404, 'Not Found');
      const found = await this.api(loc.apiId);
      if (!found || found.doc.api.ProtocolType !== 'WEBSOCKET') return refuse(404, 'Not Found');
      const target = await this.deployed(loc.apiId, loc.rest);
      if (!target || target.dep.stage.StageName === '$default') return refuse(403, 'Forbidden');
      const dep = target.dep;
      await this.websockets.connect(dep, req, raw, socket, head, headerList(req), sourceIp(req), (route) => iamCheck(this.platform, req, { scope: dep.scope, apiId: dep.apiId, stage: dep.stage.StageName, route, sourceIp: sourceIp(req) }));
    } catch (e) {
      this.platform.log({ level: 'error', service: 'apigatewayv2', error: String((e as Error)?.stack ?? e) });
      if (socket.writable) refuse(500, 'Internal Server Error');
    }
  }
}

/** The request's headers in order, names lower-cased, with the forwarding headers API Gateway adds. */
export function headerList(req: HttpRequest): [string, string][] {
  const out: [string, string][] = [];
  const raw = req.raw.rawHeaders;
  for (let i = 0; i + 1 < raw.length; i += 2) out.push([raw[i]!.toLowerCase(), raw[i + 1]!]);
  const ip = sourceIp(req);
  if (!out.some(([k]) => k === 'x-forwarded-for')) out.push(['x-forwarded-for', ip]);
  if (!out.some(([k]) => k === 'x-forwarded-proto')) out.push(['x-forwarded-proto', 'http']);
  return out;
}

export function sourceIp(req: HttpRequest): string {
  return (req.raw.socket.remoteAddress ?? '127.0.0.1').replace(/^::ffff:/, '');
}
