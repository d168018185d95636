import type * as Velocity from 'velocityjs';
import { lazyModule } from '../../core/lazy.js';

const velocity = lazyModule<typeof Velocity>('velocityjs');

/**
 * API Gateway mapping templates: Velocity with `$input`, `$util`, `$context` and `$stageVariables`
 * as API Gateway defines them. Parsed templates are cached by text.
 */

/** A JSONPath subset as API Gateway templates use it: $, .name, ['name'], [n], [*], .*, ..name */
export function jsonPath(root: unknown, path: string): unknown {
  const p = path.trim();
  if (p === '' || p === '$') return root;
  if (!p.startsWith('$')) throw new Error(`Invalid JSONPath: ${path}`);
  let nodes: unknown[] = [root];
  let multi = false;
  let i = 1;
  const step = (fn: (n: unknown) => unknown[]) => {
    nodes = nodes.flatMap(fn);
  };
  const child = (name: string) => (n: unknown) => (n !== null && typeof n === 'object' && !Array.isArray(n) && name in (n as object) ? [(n as Record<string, unknown>)[name]] : []);
  const all = (n: unknown): unknown[] => (Array.isArray(n) ? n : n !== null && typeof n === 'object' ? Object.values(n as object) : []);
  const descend = (n: unknown): unknown[] => [n, ...all(n).flatMap(descend)];
  while (i < p.length) {
    const c = p[i];
    if (c === '.' && p[i + 1] === '.') {
      i += 2;
      const m = /^[A-Za-z0-9_$-]+|^\*/.exec(p.slice(i));
      if (!m) throw new Error(`Invalid JSONPath: ${path}`);
      i += m[0].length;
      multi = true;
      const name = m[0];
      step((n) => descend(n).flatMap(name === '*' ? all : child(name)));
    } else if (c === '.') {
      i++;
      const m = /^[A-Za-z0-9_$@:-]+|^\*/.exec(p.slice(i));
      if (!m) throw new Error(`Invalid JSONPath: ${path}`);
      i += m[0].length;
      if (m[0] === '*') {
        multi = true;
        step(all);
      } else step(child(m[0]));
    } else if (c === '[') {
      const end = p.indexOf(']', i);
      if (end < 0) throw new Error(`Invalid JSONPath: ${path}`);
      const inner = p.slice(i + 1, end).trim();
      i = end + 1;
      if (inner === '*') {
        multi = true;
        step(all);
      } else if (/^-?\d+$/.test(inner)) {
        const k = Number(inner);
        step((n) => (Array.isArray(n) ? [n[k < 0 ? n.length + k : k]].filter((x) => x !== undefined) : []));
      } else if (/^'.*'$|^".*"$/.test(inner)) {
        step(child(inner.slice(1, -1)));
      } else throw new Error(`Unsupported JSONPath expression: ${path}`);
    } else throw new Error(`Invalid JSONPath: ${path}`);
  }
  return multi ? nodes : nodes[0];
}

/** Java-ish string escaping as $util.escapeJavaScript does it (double and single quotes escaped). */
export function escapeJavaScript(s: unknown): string {
  return String(s ?? '')
    .replace(/\\/g, '\\\\')
    .replace(/"/g, '\\"')
    .replace(/'/g, "\\'")
    .replace(/\n/g, '\\n')
    .replace(/\r/g, '\\r')
    .replace(/\t/g, '\\t')
    .replace(/\//g, '\\/')
    .replace(/[\u0000-\u001f]/g, (ch) => '\\u' + ch.charCodeAt(0).toString(16).padStart(4, '0'));
}

export const util = {
  escapeJavaScript,
  parseJson: (s: unknown): unknown => JSON.parse(String(s)),
  urlEncode: (s: unknown): string => encodeURIComponent(String(s ?? '')).replace(/%20/g, '+').replace(/[!'()*]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase()),
  urlDecode: (s: unknown): string => decodeURIComponent(String(s ?? '').replace(/\+/g, ' ')),
  base64Encode: (s: unknown): string => Buffer.from(String(s ?? ''), 'utf8').toString('base64'),
  base64Decode: (s: unknown): string => Buffer.from(String(s ?? ''), 'base64').toString('utf8'),
};

export interface TemplateInput {
  /** The body as text ('' when absent). */
  body: string;
  /** path, querystring and header parameters (single values). */
  params: { path: Record<string, string>; querystring: Record<string, string>; header: Record<string, string> };
}

/** Builds the `$input` variable for a template. */
export function inputVariable(t: TemplateInput) {
  let parsed: unknown;
  let parsedOk = false;
  const json = (): unknown => {
    if (!parsedOk) {
      parsedOk = true;
      try {
        parsed = t.body.trim() === '' ? {} : JSON.parse(t.body);
      } catch {
        parsed = undefined;
      }
    }
    return parsed;
  };
  return {
    body: t.body,
    json: (path: string): string => {
      const root = json();
      if (root === undefined) return t.body;
      const v = jsonPath(root, String(path));
      return v === undefined ? '' : JSON.stringify(v);
    },
    path: (path: string): unknown => {
      const root = json();
      if (root === undefined) return undefined;
      return jsonPath(root, String(path));
    },
    params: (name?: string): unknown => {
      if (name === undefined) return t.params;
      const n = String(name);
      if (n in t.params.path) return t.params.path[n];
      if (n in t.params.querystring) return t.params.querystring[n];
      const lower = n.toLowerCase();
      for (const [k, v] of Object.entries(t.params.header)) if (k.toLowerCase() === lower) return v;
      return '';
    },
  };
}

const cache = new Map<string, ReturnType<typeof Velocity.parse>>();

/** Renders a mapping template with the given variables (input, context, stageVariables, util). */
export function renderTemplate(template: string, vars: Record<string, unknown>): string {
  let ast = cache.get(template);
  if (!ast) {
    ast = velocity().parse(template);
    if (cache.size > 1000) cache.clear();
    cache.set(template, ast);
  }
  return new (velocity().Compile)(ast, { escape: false }).render({ util, ...vars });
}
