import { BadRequestException } from '../../generated/apigatewayv2.js';

/** The only route selection expression an HTTP API has. */
export const HTTP_ROUTE_SELECTION = '${request.method} ${request.path}';

const METHODS = new Set(['ANY', 'DELETE', 'GET', 'HEAD', 'OPTIONS', 'PATCH', 'POST', 'PUT']);

/** A parsed HTTP route key: `$default`, or a method and the path's segments. */
export interface HttpRouteKey {
  readonly method: string;
  /** Literal segments as strings, parameters as { name }, a greedy last one as { name, greedy }. */
  readonly segments: readonly (string | { name: string; greedy?: boolean })[];
}

/** Parses "METHOD /path" (the caller handles "$default"); undefined when malformed. */
export function parseHttpRouteKey(key: string): HttpRouteKey | { error: string } {
  const m = /^(\S+) (\/\S*)$/.exec(key);
  if (!m) return { error: `Unable to parse route key: ${key}. Route key must be '$default' or of the form 'METHOD /path'.` };
  const method = m[1]!;
  if (!METHODS.has(method)) return { error: `Unknown method ${method}. Method must be one of ANY, DELETE, GET, HEAD, OPTIONS, PATCH, POST, PUT.` };
  const path = m[2]!;
  if (path === '/') return { method, segments: [] };
  const parts = path.slice(1).split('/');
  const segments: HttpRouteKey['segments'][number][] = [];
  const names = new Set<string>();
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i]!;
    if (p === '') return { error: 'One or more path parts appear to be invalid.' };
    const param = /^\{([A-Za-z0-9._-]+)(\+)?\}$/.exec(p);
    if (param) {
      if (param[2] && i !== parts.length - 1) return { error: 'Greedy path parameters must be the last part of the path.' };
      if (names.has(param[1]!)) return { error: `Duplicate path parameter ${param[1]} in route key.` };
      names.add(param[1]!);
      segments.push(param[2] ? { name: param[1]!, greedy: true } : { name: param[1]! });
    } else if (/[{}]/.test(p) || !/^[A-Za-z0-9._~:@!$&'()*+,;=%-]+$/.test(p)) {
      return { error: 'One or more path parts appear to be invalid.' };
    } else {
      segments.push(p);
    }
  }
  return { method, segments };
}

/** A route key an API of this protocol accepts, else AWS's BadRequestException. */
export function checkRouteKey(protocol: 'HTTP' | 'WEBSOCKET', key: string): void {
  if (protocol === 'WEBSOCKET') {
    if (key.trim() === '') throw new BadRequestException('Route key must not be empty.');
    return;
  }
  if (key === '$default') return;
  if (key.startsWith('$')) throw new BadRequestException(`Route key '${key}' is not supported for HTTP APIs. Only '$default' is supported.`);
  const parsed = parseHttpRouteKey(key);
  if ('error' in parsed) throw new BadRequestException(parsed.error);
}

/** A route selection expression of this protocol, else BadRequestException. */
export function checkSelectionExpression(protocol: 'HTTP' | 'WEBSOCKET', expr: string): void {
  if (protocol === 'HTTP') {
    if (expr !== HTTP_ROUTE_SELECTION) throw new BadRequestException(`Unsupported route selection expression for HTTP protocol: ${expr}`);
    return;
  }
  if (!selectionPath(expr)) throw new BadRequestException(`The selection expression '${expr}' is not valid.`);
}

/**
 * The JSON path of a WebSocket selection expression: `$request.body.action` or `${request.body.action}`
 * give ['action']; also '$context.routeKey'-free forms only. Undefined when the expression is not one.
 */
export function selectionPath(expr: string): string[] | undefined {
  const m = /^\$\{request\.body\.([A-Za-z0-9_$.-]+)\}$/.exec(expr) ?? /^\$request\.body\.([A-Za-z0-9_$.-]+)$/.exec(expr);
  if (!m) return undefined;
  const path = m[1]!.split('.');
  return path.every((p) => p !== '') ? path : undefined;
}
