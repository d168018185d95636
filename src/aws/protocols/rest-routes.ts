import { percentDecode } from '../../core/http.js';
import type { OperationModel } from '../model.js';

/** One operation's HTTP binding compiled for matching. */
export interface RestRoute {
  readonly operation: OperationModel;
  readonly method: string;
  readonly segments: readonly Segment[];
  /** Literal query parameters the URI requires (e.g. `?uploads`, `?list-type=2`). */
  readonly query: readonly [string, string | undefined][];
  /** Ordering key: more literal segments and required query first. */
  readonly score: number;
  /** Has a `{name+}` segment (so it may match more path segments than it has). */
  readonly greedy: boolean;
}

type Segment =
  | { kind: 'literal'; value: string }
  | { kind: 'label'; name: string }
  | { kind: 'greedy'; name: string };

export function compileRoutes(operations: Iterable<OperationModel>): RestRoute[] {
  const routes: RestRoute[] = [];
  for (const operation of operations) {
    const [pathPart, queryPart] = operation.http.requestUri.split('?', 2) as [string, string | undefined];
    const segments: Segment[] = pathPart
      .split('/')
      .filter((s) => s !== '')
      .map((s) => {
        const m = /^\{([^}+]+)(\+)?\}$/.exec(s);
        if (!m) return { kind: 'literal', value: s };
        return m[2] ? { kind: 'greedy', name: m[1]! } : { kind: 'label', name: m[1]! };
      });
    const query: [string, string | undefined][] = [];
    if (queryPart) {
      for (const part of queryPart.split('&')) {
        const [k, v] = part.split('=', 2) as [string, string | undefined];
        query.push([k, v]);
      }
    }
    const literals = segments.filter((s) => s.kind === 'literal').length;
    const greedy = segments.some((s) => s.kind === 'greedy');
    routes.push({
      operation,
      method: operation.http.method,
      segments,
      query,
      score: literals * 100 + segments.length * 10 + query.length * 5 - (greedy ? 50 : 0),
      greedy,
    });
  }
  return routes.sort((a, b) => b.score - a.score);
}

export interface RouteMatch {
  route: RestRoute;
  /** URI label values, percent-decoded. */
  labels: Record<string, string>;
}

/**
 * Finds the operation for a method and path. `pathMatched` tells whether some route matched
 * the path with another method (so the caller can tell 404 from 405).
 */
export function matchRoute(
  routes: readonly RestRoute[],
  method: string,
  rawPath: string,
  query: URLSearchParams,
): RouteMatch | undefined {
  // Segments percent-decoded once, compared and captured decoded.
  const parts = rawPath
    .split('/')
    .filter((s) => s !== '')
    .map(percentDecode);
  // SDKs name the operation in `x-id` where several share a route (S3's PUT /{Bucket}/{Key+}: PutObject, CopyObject).
  const named = query.get('x-id');
  let first: RouteMatch | undefined;
  for (const route of routes) {
    if (route.method !== method) continue;
    if (!route.greedy && route.segments.length !== parts.length) continue;
    const labels = matchSegments(route.segments, parts);
    if (!labels) continue;
    if (!route.query.every(([k, v]) => query.has(k) && (v === undefined || query.get(k) === v))) continue;
    if (named === null || route.operation.name === named) return { route, labels };
    first ??= { route, labels };
  }
  return first;
}

function matchSegments(segments: readonly Segment[], parts: string[]): Record<string, string> | undefined {
  const labels: Record<string, string> = {};
  let i = 0;
  for (let s = 0; s < segments.length; s++) {
    const seg = segments[s]!;
    if (seg.kind === 'greedy') {
      const rest = segments.length - s - 1;
      const take = parts.length - i - rest;
      if (take < 1) return undefined;
      labels[seg.name] = parts.slice(i, i + take).join('/');
      i += take;
      continue;
    }
    const part = parts[i++];
    if (part === undefined) return undefined;
    if (seg.kind === 'literal') {
      if (part !== seg.value) return undefined;
    } else {
      labels[seg.name] = part;
    }
  }
  return i === parts.length ? labels : undefined;
}

