import { percentDecode } from '../../core/http.js';
import type { MethodDoc, ResourceDoc } from './types.js';

/**
 * Resource matching as API Gateway does it: a static path part beats a `{param}`, which beats a
 * greedy `{proxy+}` (which takes one or more remaining segments); when a more specific branch
 * cannot match the rest of the path, the next one is tried.
 */
export interface RouteNode {
  resource: ResourceDoc;
  statics: Map<string, RouteNode>;
  param?: { name: string; node: RouteNode };
  greedy?: { name: string; node: RouteNode };
}

export interface RouteMatch {
  resource: ResourceDoc;
  pathParameters: Record<string, string>;
}

export function buildRoutes(resources: Record<string, ResourceDoc>): RouteNode | undefined {
  const nodes = new Map<string, RouteNode>();
  for (const r of Object.values(resources)) nodes.set(r.id, { resource: r, statics: new Map() });
  let root: RouteNode | undefined;
  for (const node of nodes.values()) {
    const r = node.resource;
    const parent = r.parentId ? nodes.get(r.parentId) : undefined;
    if (!parent) {
      if (r.path === '/') root = node;
      continue;
    }
    const part = r.pathPart ?? '';
    if (part.startsWith('{') && part.endsWith('+}')) parent.greedy = { name: part.slice(1, -2), node };
    else if (part.startsWith('{') && part.endsWith('}')) parent.param = { name: part.slice(1, -1), node };
    else parent.statics.set(part, node);
  }
  return root;
}

/** Matches a request path (still percent-encoded, starting with '/') against the resource tree. */
export function matchRoute(root: RouteNode, rawPath: string): RouteMatch | undefined {
  const segs = rawPath.split('/').filter((s, i, all) => !(s === '' && (i === 0 || i === all.length - 1)));
  const params: Record<string, string> = {};
  const walk = (node: RouteNode, i: number): RouteNode | undefined => {
    if (i === segs.length) return node;
    const seg = percentDecode(segs[i]!);
    const s = node.statics.get(seg);
    if (s) {
      const found = walk(s, i + 1);
      if (found) return found;
    }
    if (node.param && seg !== '') {
      const found = walk(node.param.node, i + 1);
      if (found) {
        params[node.param.name] = seg;
        return found;
      }
    }
    if (node.greedy) {
      params[node.greedy.name] = segs.slice(i).map(percentDecode).join('/');
      return node.greedy.node;
    }
    return undefined;
  };
  const node = walk(root, 0);
  return node ? { resource: node.resource, pathParameters: params } : undefined;
}

/** The method that serves `verb` on a resource: the exact one, else ANY. */
export function methodFor(resource: ResourceDoc, verb: string): MethodDoc | undefined {
  return resource.resourceMethods?.[verb] ?? resource.resourceMethods?.ANY;
}
