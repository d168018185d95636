import { protocolFor, queryProtocol } from '../aws/protocols/index.js';
import type { ServiceModel } from '../aws/model.js';
import type { Protocol } from '../aws/protocols/protocol.js';
import { matchRoute } from '../aws/protocols/rest-routes.js';
import type { ServiceIndex } from '../aws/service-index.js';
import type { HttpRequest } from '../core/http.js';

export interface Routed<S> {
  service: S;
  protocol: Protocol;
}

/** A service to route to: its name, its model's metadata, and its model's lookups (read when first needed). */
export interface Routable<S> {
  readonly service: S;
  readonly name: string;
  readonly metadata: ServiceModel['metadata'];
  readonly index: () => ServiceIndex;
}

interface Entry<S> extends Routable<S> {
  readonly protocol: Protocol;
}

/**
 * Finds the service a request is for: by the SigV4 signing name, then X-Amz-Target, then the
 * query protocol's Action/Version, then the REST services' URI templates. All but the last need
 * only the models' metadata: a REST service's model is read when a request may be for it.
 */
export class ServiceRouter<S> {
  private readonly entries: Entry<S>[];
  private readonly byTarget = new Map<string, Entry<S>>();
  private readonly bySigningName = new Map<string, Entry<S>[]>();

  constructor(services: readonly Routable<S>[]) {
    // S3's `/{Bucket}` matches nearly any path: try it last.
    this.entries = services
      .map((s) => ({ ...s, protocol: protocolFor(s.metadata.protocol, s.metadata.jsonVersion) }))
      .sort((a, b) => Number(a.name === 's3') - Number(b.name === 's3'));
    for (const e of this.entries) {
      if (e.metadata.targetPrefix) this.byTarget.set(e.metadata.targetPrefix, e);
      const signingName = e.metadata.signingName ?? e.metadata.endpointPrefix;
      const same = this.bySigningName.get(signingName) ?? [];
      same.push(e);
      this.bySigningName.set(signingName, same);
    }
  }

  /** A request a service addressed by its host (HostAddressing): that service, with its protocol. */
  routeTo(service: S): Routed<S> | undefined {
    const e = this.entries.find((x) => x.service === service);
    return e && { service: e.service, protocol: e.protocol };
  }

  route(req: HttpRequest, signingName: string | undefined): Routed<S> | undefined {
    const signed = (signingName && this.bySigningName.get(signingName)) || [];
    const candidates = signed.length > 0 ? signed : this.entries;

    const target = req.headers['x-amz-target'];
    if (target) {
      const e = this.byTarget.get(target.slice(0, target.lastIndexOf('.')));
      if (e) return { service: e.service, protocol: e.protocol };
    }

    if (isQueryRequest(req)) {
      const queryCapable = candidates.filter(
        (e) => e.metadata.protocol === 'query' || e.metadata.protocols?.includes('query') || e.metadata.awsQueryCompatible,
      );
      const version = paramOf(req, 'Version');
      const e = queryCapable.length === 1 ? queryCapable[0] : queryCapable.find((q) => q.metadata.apiVersion === version);
      if (e) return { service: e.service, protocol: queryProtocol };
    }

    const query = new URLSearchParams(req.rawQuery);
    for (const e of candidates) {
      if (e.metadata.protocol !== 'rest-json' && e.metadata.protocol !== 'rest-xml') continue;
      if (matchRoute(e.index().restRoutes, req.method, req.rawPath, query, req.headers)) return { service: e.service, protocol: e.protocol };
    }
    // A signed request for a known service that matched no operation: let its protocol answer.
    const only = signed[0];
    return only ? { service: only.service, protocol: only.protocol } : undefined;
  }
}

/** A query-protocol request: its routing and operation are in its (form-encoded) body, which must be read first. */
export function isQueryRequest(req: HttpRequest): boolean {
  if (req.rawPath !== '/' && req.rawPath !== '' && !isResourcePath(req.rawPath)) return false;
  const ct = req.headers['content-type'] ?? '';
  if (req.method === 'POST' && ct.startsWith('application/x-www-form-urlencoded')) return true;
  return /(^|&)Action=/.test(req.rawQuery);
}

/** SQS's queue URLs (`/{account}/{queue}`), which older SDKs POST query requests to. */
function isResourcePath(path: string): boolean {
  return /^\/\d{12}\/[A-Za-z0-9_.-]{1,80}\/?$/.test(path);
}

function paramOf(req: HttpRequest, name: string): string | null {
  const fromQuery = new URLSearchParams(req.rawQuery).get(name);
  if (fromQuery !== null) return fromQuery;
  if (req.method !== 'POST') return null;
  return new URLSearchParams(req.body.toString('utf8')).get(name);
}
