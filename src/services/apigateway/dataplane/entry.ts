import { randomUUID } from 'node:crypto';
import { hostName, type HttpRequest, type ResponseSink } from '../../../core/http.js';
import type { Scope, Store } from '../store.js';
import type { BasePathMappingDoc, DomainDoc } from '../types.js';
import { rawHeaderPairs } from './http-util.js';
import { RELOAD_MS, type Reply, type StageRequest } from './types.js';
// The invoke URLs' addresses, shared with the definition (index.ts) the server routes by before loading API Gateway.
import { AWS_PATH_PREFIX, AWS_PATH_RE, HOST_RE, PATH_PREFIX, USER_REQUEST_RE } from '../addresses.js';

export { AWS_PATH_PREFIX, AWS_PATH_RE, HOST_RE, PATH_PREFIX, USER_REQUEST_RE };

/** Serves one request to a stage of an API. */
export type ServeStage = (apiId: string, stageName: string, request: StageRequest) => Promise<Reply>;

type ScopedDomain = DomainDoc & { scope: Scope };

/**
 * Custom domain names by host name, in memory so that routing a request never waits on storage:
 * reloaded at once after this process's domain writes and every RELOAD_MS in the background (for
 * writes by other nodes sharing the database) until close().
 */
export class CustomDomains {
  private domains = new Map<string, ScopedDomain>();
  private timer: NodeJS.Timeout | undefined;
  /** Reloads started, and the latest one applied: one that read the table earlier never replaces a later one. */
  private started = 0;
  private applied = 0;
  private readonly loading = new Set<Promise<void>>();

  constructor(
    private readonly store: Store,
    private readonly log: (fields: Record<string, unknown>) => void,
  ) {}

  async open(): Promise<void> {
    await this.reload();
    this.timer = setInterval(() => {
      if (this.loading.size === 0) void this.reload();
    }, RELOAD_MS);
    this.timer.unref();
  }

  /** Reads the table again; resolves once this read (or a later one) is what `claims` answers from. */
  reload(): Promise<void> {
    const seq = ++this.started;
    const loading = this.store
      .allDomains(this.store.db)
      .then((all) => {
        if (seq < this.applied) return;
        this.applied = seq;
        this.domains = new Map(all.map((d) => [d.domainName, d]));
      })
      // The names held stay in use; the next reload tries again.
      .catch((e: unknown) => this.log({ level: 'error', service: 'apigateway', error: `custom domains not reloaded: ${String(e)}` }))
      .finally(() => this.loading.delete(loading));
    this.loading.add(loading);
    return loading;
  }

  async close(): Promise<void> {
    clearInterval(this.timer);
    await Promise.all(this.loading);
  }

  /** Whether a host name is a custom domain. Synchronous and from memory, for routing. */
  claims(host: string): boolean {
    return this.domains.has(host);
  }

  find(host: string): ScopedDomain | undefined {
    return this.domains.get(host);
  }
}

/** The HTTP side of the data plane: an invoke URL to (API, stage, StageRequest), and the reply back to HTTP. */
export class InvokeUrls {
  constructor(
    private readonly domains: CustomDomains,
    private readonly serve: ServeStage,
  ) {}

  serveHost(req: HttpRequest, res: ResponseSink): Promise<void> {
    const host = hostName(req.headers.host);
    return this.dispatch(req, res, HOST_RE.exec(host)![1]!, req.rawPath, host);
  }

  /** The path forms (`re` matched the path already): `/restapis/{apiId}/{stage}/_user_request_/...` and `/_aws/execute-api/{apiId}/{stage}/...`. */
  servePath(req: HttpRequest, res: ResponseSink, re: RegExp): Promise<void> {
    const m = re.exec(req.rawPath)!;
    return this.dispatch(req, res, m[1]!, `/${m[2]}${m[3] ?? ''}`, undefined);
  }

  /** A custom domain (claimed by name); one deleted since it was claimed has no mappings left. */
  async serveDomain(req: HttpRequest, res: ResponseSink): Promise<void> {
    const domain = this.domains.find(hostName(req.headers.host));
    const found = domain && mappingFor(domain, req.rawPath);
    if (!found) return writeReply(req, res, bareError(403, 'ForbiddenException', 'Forbidden'));
    const rest = found.mapping.stage ? `/${encodeURIComponent(found.mapping.stage)}${found.rest === '/' ? '' : found.rest}` : found.rest;
    return this.dispatch(req, res, found.mapping.restApiId, rest, domain.domainName);
  }

  /** `rest` is `/{stage}/{path inside the stage}`. */
  private async dispatch(req: HttpRequest, res: ResponseSink, apiId: string, rest: string, domainName: string | undefined): Promise<void> {
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
