import { isPlainHost } from '../core/http.js';
import { hostName, type HttpRequest } from '../core/http.js';
import type { DataPlaneRoute } from '../services/service.js';

/**
 * Finds the data plane a request is for, once per request and from its head alone. A host name a
 * route owns comes first, whatever the path (a custom domain's `/restapis/...` is the API's): the
 * AWS host with its suffix swapped for `localhost` or the AWS host itself, then names services claim
 * at run time (custom domains). Then path prefixes. Most requests are AWS API calls and match none.
 */
export class DataPlaneRouter {
  private readonly byHost: DataPlaneRoute[];
  private readonly byPath: DataPlaneRoute[];
  private readonly claimers: DataPlaneRoute[];

  constructor(routes: readonly DataPlaneRoute[]) {
    const priority = (r: DataPlaneRoute): number => r.priority ?? 0;
    this.byHost = routes.filter((r) => r.host).sort((a, b) => priority(b) - priority(a));
    // Longest prefix first, so '/restapis/x/_user_request_' could sit beside '/restapis/'.
    this.byPath = routes
      .filter((r) => r.pathPrefix !== undefined)
      .sort((a, b) => b.pathPrefix!.length - a.pathPrefix!.length || priority(b) - priority(a));
    this.claimers = routes.filter((r) => r.claimsHost);
  }

  match(req: HttpRequest): DataPlaneRoute | undefined {
    const host = hostName(req.headers.host);
    // The plain endpoint is where AWS API calls go: no route owns it.
    if (host && !isPlainHost(host)) {
      for (const r of this.byHost) if (r.host!.test(host) && accepts(r, req)) return r;
      for (const r of this.claimers) if (r.claimsHost!(host) && accepts(r, req)) return r;
    }
    for (const r of this.byPath) if (req.rawPath.startsWith(r.pathPrefix!) && accepts(r, req)) return r;
    return undefined;
  }
}

function accepts(route: DataPlaneRoute, req: HttpRequest): boolean {
  return route.accepts?.(req) ?? true;
}

