import { hostName, type HttpRequest } from '../core/http.js';
import type { DataPlaneRoute } from '../services/service.js';

/**
 * Finds the data plane a request is for, once per request: by host name (the AWS host with its
 * suffix swapped for `localhost`, or the AWS host itself), then by path prefix, then by host names
 * that services claim at run time (custom domains). Most requests are AWS API calls and match none.
 */
export class DataPlaneRouter {
  private readonly byHost: DataPlaneRoute[];
  private readonly byPath: DataPlaneRoute[];
  private readonly claimers: DataPlaneRoute[];

  constructor(routes: readonly DataPlaneRoute[]) {
    this.byHost = routes.filter((r) => r.host);
    // Longest prefix first, so '/restapis/x/_user_request_' could sit beside '/restapis/'.
    this.byPath = routes.filter((r) => r.pathPrefix !== undefined).sort((a, b) => b.pathPrefix!.length - a.pathPrefix!.length);
    this.claimers = routes.filter((r) => r.claimsHost);
  }

  match(req: HttpRequest): DataPlaneRoute | undefined {
    const host = hostName(req.headers.host);
    if (host && !isPlainHost(host)) {
      for (const r of this.byHost) if (r.host!.test(host)) return r;
    }
    for (const r of this.byPath) if (req.rawPath.startsWith(r.pathPrefix!)) return r;
    if (host) for (const r of this.claimers) if (r.claimsHost!(host)) return r;
    return undefined;
  }
}

/** The names clients use to reach the API endpoint itself: no data plane lives there. */
function isPlainHost(host: string): boolean {
  return host === 'localhost' || host === '127.0.0.1' || host.startsWith('[') || /^\d+\.\d+\.\d+\.\d+$/.test(host);
}
