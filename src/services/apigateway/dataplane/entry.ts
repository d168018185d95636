import { randomUUID } from 'node:crypto';
import { hostName, type HttpRequest, type ResponseSink } from '../../../core/http.js';
import type { Scope, Store } from '../store.js';
import type { BasePathMappingDoc, DomainDoc } from '../types.js';
import { rawHeaderPairs } from './http-util.js';
import { RELOAD_MS, type Reply, type StageRequest } from './types.js';

/** `{apiId}.execute-api.localhost`, also with a region, and AWS's own host names (for clients behind a DNS override). */
export const HOST_RE = /^([a-z0-9]{1,64})\.execute-api\.(?:[a-z0-9-]+\.)?(?:localhost|amazonaws\.com)$/;
export const PATH_PREFIX = '/restapis/';
export const USER_REQUEST_RE = /^\/restapis\/([^/]+)\/([^/]+)\/_user_request_(\/.*)?$/;
export const AWS_PATH_PREFIX = '/_aws/execute-api/';
export const AWS_PATH_RE = /^\/_aws\/execute-api\/([^/]+)\/([^/]+)(\/.*)?$/;

/** Serves one request to a stage of an API. */
export type ServeStage = (apiId: string, stageName: string, request: StageRequest) => Promise<Reply>;

type ScopedDomain = DomainDoc & { scope: Scope };

/** Custom domain names by host name, reloaded at most every second (at once after a local change). */
export class CustomDomains {
  private domains = new Map<string, ScopedDomain>();
  private loadedAt = 0;

  constructor(private readonly store: Store) {}

  invalidate(): void {
    this.loadedAt = 0;
  }

  /** Whether a host may be a custom domain: it is one, or the table is due a reload. Synchronous, for routing. */
  claims(host: string): boolean {
    return Date.now() - this.loadedAt >= RELOAD_MS || this.domains.has(host);
  }

  async find(hostname: string): Promise<ScopedDomain | undefined> {
    const now = Date.now();
    if (now - this.loadedAt >= RELOAD_MS) {
      this.loadedAt = now;
      this.domains = new Map((await this.store.allDomains(this.store.db)).map((d) => [d.domainName, d]));
    }
    return this.domains.size ? this.domains.get(hostname) : undefined;
  }
}

/** The HTTP side of the data plane: an invoke URL to (API, stage, StageRequest), and the reply back to HTTP. */
export class InvokeUrls {
  constructor(
    private readonly domains: CustomDomains,
    private readonly serve: ServeStage,
  ) {}

  serveHost(req: HttpRequest, res: ResponseSink): Promise<boolean> {
    const host = hostName(req.headers.host);
    return this.dispatch(req, res, HOST_RE.exec(host)![1]!, req.rawPath, host);
  }

  /** The path forms: `/restapis/{apiId}/{stage}/_user_request_/...` and `/_aws/execute-api/{apiId}/{stage}/...`. */
  async servePath(req: HttpRequest, res: ResponseSink, re: RegExp): Promise<boolean> {
    const m = re.exec(req.rawPath);
    if (!m) return false;
    return this.dispatch(req, res, m[1]!, `/${m[2]}${m[3] ?? ''}`, undefined);
  }

  async serveDomain(req: HttpRequest, res: ResponseSink): Promise<boolean> {
    const domain = await this.domains.find(hostName(req.headers.host));
    if (!domain) return false;
    const found = mappingFor(domain, req.rawPath);
    if (!found) {
      writeReply(req, res, bareError(403, 'ForbiddenException', 'Forbidden'));
      return true;
    }
    const rest = found.mapping.stage ? `/${encodeURIComponent(found.mapping.stage)}${found.rest === '/' ? '' : found.rest}` : found.rest;
    return this.dispatch(req, res, found.mapping.restApiId, rest, domain.domainName);
  }

  /** `rest` is `/{stage}/{path inside the stage}`. */
  private async dispatch(req: HttpRequest, res: ResponseSink, apiId: string, rest: string, domainName: string | undefined): Promise<boolean> {
    const slash = rest.indexOf('/', 1);
    const stageName = decodeURIComponent(slash < 0 ? rest.slice(1) : rest.slice(1, slash));
    const path = slash < 0 ? '/' : rest.slice(slash);
    const reply = await this.serve(apiId, stageName, {
      method: req.method,
      path,
      rawQuery: req.rawQuery,
      rawHeaders: rawHeaderPairs(req.raw.rawHeaders),
      body: req.body,
      sourceIp: (req.raw.socket.remoteAddress ?? '127.0.0.1').replace(/^::ffff:/, ''),
      domainName: domainName ?? `${apiId}.execute-api.localhost`,
      original: req,
    });
    writeReply(req, res, reply);
    return true;
  }
}

/** The mapping serving `rawPath` on a custom domain: the longest matching base path, else (none). */
function mappingFor(domain: DomainDoc, rawPath: string): { mapping: BasePathMappingDoc; rest: string } | undefined {
  const segs = rawPath.split('/').filter(Boolean).map((x) => decodeURIComponent(x));
  for (let n = segs.length; n > 0; n--) {
    const m = domain.mappings[segs.slice(0, n).join('/')];
    if (m) return { mapping: m, rest: '/' + rawPath.split('/').filter(Boolean).slice(n).join('/') };
  }
  const none = domain.mappings['(none)'];
  return none ? { mapping: none, rest: rawPath || '/' } : undefined;
}

function writeReply(req: HttpRequest, res: ResponseSink, reply: Reply): void {
  const headers = { ...reply.headers };
  if (!('content-length' in headers)) headers['content-length'] = String(reply.body.length);
  res.writeHead(reply.status, headers);
  res.end(req.method === 'HEAD' ? undefined : reply.body);
}

/** An error answered before any API is found (no gateway responses to render). */
export function bareError(status: number, type: string, message: string): Reply {
  return {
    status,
    headers: { 'content-type': 'application/json', 'x-amzn-requestid': randomUUID(), 'x-amzn-errortype': type },
    body: Buffer.from(JSON.stringify({ message })),
  };
}
