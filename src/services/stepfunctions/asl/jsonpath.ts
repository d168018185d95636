/**
 * JSONPath as Step Functions evaluates it (Jayway semantics): `$` the data, `$$` the context object,
 * `$name` a workflow variable. Definite paths yield one value; indefinite paths (wildcards, slices,
 * deep scans, filters, unions) yield an array of every match.
 */

export type Segment =
  | { kind: 'prop'; name: string }
  | { kind: 'index'; index: number }
  | { kind: 'wildcard' }
  | { kind: 'slice'; start: number | undefined; end: number | undefined; step: number | undefined }
  | { kind: 'deep'; name: string | undefined }
  | { kind: 'union'; keys: (string | number)[] }
  | { kind: 'filter'; expr: string };

export interface ParsedPath {
  /** '$' data, '$$' context, or a variable name. */
  root: '$' | '$$' | { variable: string };
  segments: Segment[];
  definite: boolean;
  text: string;
}

export class PathError extends Error {}

const cache = new Map<string, ParsedPath>();

export function parsePath(text: string): ParsedPath {
  const hit = cache.get(text);
  if (hit) return hit;
  const parsed = parseUncached(text);
  if (cache.size > 5000) cache.clear();
  cache.set(text, parsed);
  return parsed;
}

function parseUncached(text: string): ParsedPath {
  let i = 0;
  let root: ParsedPath['root'];
  if (text.startsWith('$$')) {
    root = '$$';
    i = 2;
  } else if (text.startsWith('$')) {
    i = 1;
    const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(text.slice(1));
    if (m) {
      root = { variable: m[0] };
      i += m[0].length;
    } else root = '$';
  } else throw new PathError(`Invalid path: ${text}`);
  const segments: Segment[] = [];
  while (i < text.length) {
    const c = text[i];
    if (c === '.') {
      if (text[i + 1] === '.') {
        i += 2;
        if (text[i] === '*') {
          segments.push({ kind: 'deep', name: undefined });
          i++;
        } else if (text[i] === '[') {
          segments.push({ kind: 'deep', name: undefined });
        } else {
          const m = /^[^.[\]\s]+/.exec(text.slice(i));
          if (!m) throw new PathError(`Invalid path: ${text}`);
          segments.push({ kind: 'deep', name: m[0] });
          i += m[0].length;
        }
        continue;
      }
      i++;
      if (text[i] === '*') {
        segments.push({ kind: 'wildcard' });
        i++;
        continue;
      }
      const m = /^[^.[\]]+/.exec(text.slice(i));
      if (!m) throw new PathError(`Invalid path: ${text}`);
      segments.push({ kind: 'prop', name: m[0] });
      i += m[0].length;
    } else if (c === '[') {
      const close = findClose(text, i);
      if (close < 0) throw new PathError(`Invalid path: ${text}`);
      const inner = text.slice(i + 1, close).trim();
      i = close + 1;
      segments.push(parseBracket(inner, text));
    } else {
      throw new PathError(`Invalid path: ${text}`);
    }
  }
  const definite = segments.every((s) => s.kind === 'prop' || s.kind === 'index');
  return { root, segments, definite, text };
}

function findClose(text: string, open: number): number {
  let depth = 0;
  let quote: string | undefined;
  for (let j = open; j < text.length; j++) {
    const ch = text[j];
    if (quote) {
      if (ch === '\\') j++;
      else if (ch === quote) quote = undefined;
      continue;
    }
    if (ch === "'" || ch === '"') quote = ch;
    else if (ch === '[') depth++;
    else if (ch === ']') {
      depth--;
      if (depth === 0) return j;
    }
  }
  return -1;
}

function parseBracket(inner: string, text: string): Segment {
  if (inner === '*') return { kind: 'wildcard' };
  if (inner.startsWith('?')) return { kind: 'filter', expr: inner.slice(1).trim().replace(/^\(/, '').replace(/\)$/, '') };
  if (/^-?\d+$/.test(inner)) return { kind: 'index', index: Number(inner) };
  if (/^-?\d*\s*:\s*-?\d*(\s*:\s*-?\d*)?$/.test(inner)) {
    const parts = inner.split(':').map((p) => (p.trim() === '' ? undefined : Number(p.trim())));
    return { kind: 'slice', start: parts[0], end: parts[1], step: parts[2] };
  }
  const keys: (string | number)[] = [];
  for (const part of splitTop(inner)) {
    const p = part.trim();
    if (/^'.*'$/s.test(p) || /^".*"$/s.test(p)) keys.push(p.slice(1, -1).replace(p[0] === "'" ? /\\(')/g : /\\(")/g, '$1'));
    else if (/^-?\d+$/.test(p)) keys.push(Number(p));
    else throw new PathError(`Invalid path: ${text}`);
  }
  if (keys.length === 1) {
    const k = keys[0]!;
    return typeof k === 'number' ? { kind: 'index', index: k } : { kind: 'prop', name: k };
  }
  return { kind: 'union', keys };
}

function splitTop(s: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quote: string | undefined;
  for (let j = 0; j < s.length; j++) {
    const ch = s[j]!;
    if (quote) {
      cur += ch;
      if (ch === '\\') cur += s[++j] ?? '';
      else if (ch === quote) quote = undefined;
      continue;
    }
    if (ch === "'" || ch === '"') quote = ch;
    if (ch === ',') {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  out.push(cur);
  return out;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function step(values: unknown[], seg: Segment): unknown[] {
  const out: unknown[] = [];
  for (const v of values) {
    switch (seg.kind) {
      case 'prop':
        if (isObject(v) && Object.prototype.hasOwnProperty.call(v, seg.name)) out.push(v[seg.name]);
        break;
      case 'index':
        if (Array.isArray(v)) {
          const idx = seg.index < 0 ? v.length + seg.index : seg.index;
          if (idx >= 0 && idx < v.length) out.push(v[idx]);
        }
        break;
      case 'wildcard':
        if (Array.isArray(v)) out.push(...v);
        else if (isObject(v)) out.push(...Object.values(v));
        break;
      case 'slice':
        if (Array.isArray(v)) {
          const n = v.length;
          const norm = (x: number | undefined, dflt: number): number =>
            x === undefined ? dflt : x < 0 ? Math.max(0, n + x) : Math.min(n, x);
          const st = seg.step ?? 1;
          const a = norm(seg.start, 0);
          const b = norm(seg.end, n);
          if (st > 0) for (let k = a; k < b; k += st) out.push(v[k]);
        }
        break;
      case 'union':
        for (const k of seg.keys) {
          if (typeof k === 'number' && Array.isArray(v)) {
            const idx = k < 0 ? v.length + k : k;
            if (idx >= 0 && idx < v.length) out.push(v[idx]);
          } else if (typeof k === 'string' && isObject(v) && Object.prototype.hasOwnProperty.call(v, k)) out.push(v[k]);
        }
        break;
      case 'deep':
        deepScan(v, seg.name, out);
        break;
      case 'filter':
        if (Array.isArray(v)) {
          for (const item of v) if (evalFilter(seg.expr, item)) out.push(item);
        } else if (isObject(v)) {
          for (const item of Object.values(v)) if (evalFilter(seg.expr, item)) out.push(item);
        }
        break;
    }
  }
  return out;
}

function deepScan(v: unknown, name: string | undefined, out: unknown[]): void {
  if (Array.isArray(v)) {
    if (name === undefined) out.push(...v);
    for (const x of v) deepScan(x, name, out);
  } else if (isObject(v)) {
    for (const [k, x] of Object.entries(v)) {
      if (name === undefined || k === name) out.push(x);
      deepScan(x, name, out);
    }
  }
}

/** Filter expressions: `@.a op literal`, `@.a` (exists), joined by && and ||. */
function evalFilter(expr: string, item: unknown): boolean {
  const ors = expr.split('||');
  return ors.some((or) =>
    or.split('&&').every((term) => {
      const m = /^\s*(@[^\s<>=!]*)\s*(==|!=|<=|>=|<|>)\s*(.+?)\s*$/.exec(term);
      if (!m) {
        const p = term.trim();
        if (!p.startsWith('@')) return false;
        return lookup('$' + p.slice(1), item).length > 0;
      }
      const left = lookup('$' + m[1]!.slice(1), item);
      if (left.length === 0) return false;
      const lv = left[0];
      let rv: unknown;
      const lit = m[3]!;
      if (/^'.*'$/.test(lit)) rv = lit.slice(1, -1);
      else {
        try {
          rv = JSON.parse(lit);
        } catch {
          return false;
        }
      }
      switch (m[2]) {
        case '==':
          return JSON.stringify(lv) === JSON.stringify(rv);
        case '!=':
          return JSON.stringify(lv) !== JSON.stringify(rv);
        case '<':
          return (lv as number) < (rv as number);
        case '>':
          return (lv as number) > (rv as number);
        case '<=':
          return (lv as number) <= (rv as number);
        case '>=':
          return (lv as number) >= (rv as number);
      }
      return false;
    }),
  );
}

function lookup(text: string, data: unknown): unknown[] {
  const p = parsePath(text);
  let values = [data];
  for (const seg of p.segments) values = step(values, seg);
  return values;
}

export interface PathRoots {
  data: unknown;
  context: unknown;
  variable(name: string): { found: boolean; value: unknown };
}

/** Evaluates a path; `undefined` result means a definite path that matched nothing. */
export function evaluatePath(text: string, roots: PathRoots): { found: boolean; value: unknown } {
  const p = parsePath(text);
  let base: unknown;
  if (p.root === '$') base = roots.data;
  else if (p.root === '$$') base = roots.context;
  else {
    const v = roots.variable(p.root.variable);
    if (!v.found) return { found: false, value: undefined };
    base = v.value;
  }
  let values = [base];
  for (const seg of p.segments) values = step(values, seg);
  if (p.definite) return values.length ? { found: true, value: values[0] } : { found: false, value: undefined };
  return { found: true, value: values };
}

/** A ResultPath: sets `value` at the definite path inside a copy of `target`. */
export function setAtPath(target: unknown, text: string, value: unknown): unknown {
  const p = parsePath(text);
  if (p.root !== '$' || !p.definite) throw new PathError(`Invalid path: ${text}`);
  if (p.segments.length === 0) return value;
  const root: unknown = isObject(target) || Array.isArray(target) ? structuredClone(target) : {};
  let cur: any = root;
  for (let k = 0; k < p.segments.length; k++) {
    const seg = p.segments[k]! as { kind: 'prop'; name: string } | { kind: 'index'; index: number };
    const last = k === p.segments.length - 1;
    const key: string | number = seg.kind === 'prop' ? seg.name : seg.index;
    if (last) {
      cur[key] = value;
    } else {
      let next = cur[key];
      if (!(isObject(next) || Array.isArray(next))) {
        next = {};
        cur[key] = next;
      }
      cur = next;
    }
  }
  return root;
}
