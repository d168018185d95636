import { percentDecode } from '../../core/http.js';
import type { OperationModel, Shape } from '../model.js';

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
  /**
   * Query parameters and (lower-cased) headers bound to required input members: where several
   * operations share a URI (S3's GET /{Bucket}/{Key+}: GetObject, and ListParts with its uploadId),
   * the one whose required bindings the request carries wins.
   */
  readonly requiredQuery: readonly string[];
  readonly requiredHeaders: readonly string[];
}

type Segment =
  | { kind: 'literal'; value: string }
  | { kind: 'label'; name: string }
  | { kind: 'greedy'; name: string };

export function compileRoutes(operations: Iterable<OperationModel>, shapeOf?: (name: string) => Shape | undefined): RestRoute[] {
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
    const requiredQuery: string[] = [];
    const requiredHeaders: string[] = [];
    const input = operation.input && shapeOf?.(operation.input.shape);
    for (const name of input?.required ?? []) {
      const ref = input!.members?.[name];
      const wire = ref?.locationName ?? name;
      if (ref?.location === 'querystring') requiredQuery.push(wire);
      else if (ref?.location === 'header') requiredHeaders.push(wire.toLowerCase());
    }
    routes.push({
      operation,
      method: operation.http.method,
      segments,
      query,
      // Among routes of one URI, more required bindings first; deprecated operations after their successors.
      score: literals * 100 + segments.length * 10 + query.length * 5 - (greedy ? 50 : 0) + requiredQuery.length + requiredHeaders.length - (operation.deprecated ? 1 : 0),
      greedy,
      requiredQuery,
      requiredHeaders,
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
  headers?: Readonly<Record<string, string | undefined>>,
): RouteMatch | undefined {
  // Segments percent-decoded once, compared and captured decoded. Empty segments are skipped,
  // except inside a greedy label, which keeps them (S3 keys such as `a//b` and `dir/`).
  const all = rawPath.split('/').slice(1).map(percentDecode);
  const parts = all.filter((s) => s !== '');
  // SDKs name the operation in `x-id` where several share a route (S3's PUT /{Bucket}/{Key+}: PutObject, CopyObject).
  const named = query.get('x-id');
  let first: RouteMatch | undefined;
  let firstBound: RouteMatch | undefined;
  for (const route of routes) {
    if (route.method !== method) continue;
    if (!route.greedy && route.segments.length !== parts.length) continue;
    const labels = route.greedy ? matchSegments(route.segments, all, true) : matchSegments(route.segments, parts, false);
    if (!labels) continue;
    if (!route.query.every(([k, v]) => query.has(k) && (v === undefined || query.get(k) === v))) continue;
    if (named !== null) {
      if (route.operation.name === named) return { route, labels };
    } else if (route.requiredQuery.every((q) => query.has(q)) && (!headers || route.requiredHeaders.every((h) => headers[h] !== undefined))) {
      firstBound ??= { route, labels };
    }
    first ??= { route, labels };
  }
  // A request lacking what every matching route requires still reaches one (and its validation error).
  return firstBound ?? first;
}

/** `parts` raw (empty segments kept) for a greedy route: segments before the greedy label must not be empty. */
function matchSegments(segments: readonly Segment[], parts: string[], raw: boolean): Record<string, string> | undefined {
  const labels: Record<string, string> = {};
  let i = 0;
  if (raw && parts.length > 0 && parts[parts.length - 1] === '' && segments[segments.length - 1]?.kind !== 'greedy') return undefined;
  for (let s = 0; s < segments.length; s++) {
    const seg = segments[s]!;
    if (seg.kind === 'greedy') {
      const rest = segments.length - s - 1;
      const take = parts.length - i - rest;
      if (take < 1) return undefined;
      const value = parts.slice(i, i + take).join('/');
      if (value === '') return undefined;
      labels[seg.name] = value;
      i += take;
      continue;
    }
    if (raw && parts[i] === '') return undefined;
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

