import { parseHttpRouteKey, type HttpRouteKey } from '../route-keys.js';
import type { RouteDoc } from '../types.js';

export interface RouteMatch {
  route: RouteDoc;
  pathParameters: Record<string, string>;
}

interface Compiled {
  route: RouteDoc;
  key: HttpRouteKey;
}

/**
 * An HTTP API's routes compiled for matching with AWS's precedence: the most specific path wins
 * (literal segments over `{param}`, both over a greedy `{proxy+}`, longer over shorter), a route
 * of the request's method over `ANY`, and `$default` when nothing else matches.
 */
export class HttpRouter {
  private readonly routes: Compiled[] = [];
  private readonly fallback: RouteDoc | undefined;

  constructor(routes: readonly RouteDoc[]) {
    for (const route of routes) {
      if (route.RouteKey === '$default') continue;
      const key = parseHttpRouteKey(route.RouteKey);
      if (!('error' in key)) this.routes.push({ route, key });
    }
    this.fallback = routes.find((r) => r.RouteKey === '$default');
  }

  /** `path` is the decoded request path within the stage, e.g. '/pets/1'. */
  match(method: string, path: string): RouteMatch | undefined {
    const parts = path === '/' || path === '' ? [] : path.replace(/^\//, '').split('/');
    let best: { c: Compiled; params: Record<string, string>; score: number[] } | undefined;
    for (const c of this.routes) {
      if (c.key.method !== method && c.key.method !== 'ANY') continue;
      const params = matchSegments(c.key.segments, parts);
      if (!params) continue;
      const score = scoreOf(c.key, method);
      if (!best || compare(score, best.score) > 0) best = { c, params, score };
    }
    if (best) return { route: best.c.route, pathParameters: best.params };
    return this.fallback ? { route: this.fallback, pathParameters: {} } : undefined;
  }
}

function matchSegments(segments: HttpRouteKey['segments'], parts: string[]): Record<string, string> | undefined {
  const params: Record<string, string> = {};
  for (let i = 0; i < segments.length; i++) {
    const s = segments[i]!;
    if (typeof s === 'string') {
      if (parts[i] !== s) return undefined;
      continue;
    }
    if (s.greedy) {
      // A greedy parameter takes one segment or more.
      if (parts.length <= i) return undefined;
      params[s.name] = parts.slice(i).join('/');
      return params;
    }
    const part = parts[i];
    if (part === undefined || part === '') return undefined;
    params[s.name] = part;
  }
  return parts.length === segments.length ? params : undefined;
}

/**
 * Rank of a matching route, compared lexicographically: not greedy first, then segment by segment
 * literal (2) over parameter (1) over greedy (0), then more segments, then an exact method over ANY.
 */
function scoreOf(key: HttpRouteKey, method: string): number[] {
  const greedy = key.segments.some((s) => typeof s !== 'string' && s.greedy);
  const kinds = key.segments.map((s) => (typeof s === 'string' ? 2 : s.greedy ? 0 : 1));
  return [greedy ? 0 : 1, ...kinds, key.segments.length, key.method === method ? 1 : 0];
}

function compare(a: number[], b: number[]): number {
  const n = Math.max(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const d = (a[i] ?? -1) - (b[i] ?? -1);
    if (d !== 0) return d;
  }
  return 0;
}
