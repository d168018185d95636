/**
 * What CloudFront decides from a distribution's config for one request: the cache behavior (the
 * first whose PathPattern matches, in the order listed, else the default), the cache key and what
 * is forwarded to the origin (cache policy and origin request policy, or the legacy
 * ForwardedValues), and how long a response is kept (MinTTL/DefaultTTL/MaxTTL against the origin's
 * Cache-Control and Expires).
 */

/** Which of a kind of request parameter counts: none, all, only some, all but some. */
export interface Selection {
  behavior: 'none' | 'all' | 'whitelist' | 'allExcept';
  names: string[];
}

export interface ResolvedPolicy {
  ttl: { min: number; default: number; max: number };
  key: { query: Selection; headers: Selection; cookies: Selection };
  forward: { query: Selection; headers: Selection; cookies: Selection };
}

const NONE: Selection = { behavior: 'none', names: [] };

/** CloudFront's path patterns: `*` any characters, `?` one; the leading slash optional; case-sensitive. */
export function patternMatches(pattern: string, path: string): boolean {
  const p = pattern.startsWith('/') ? pattern : '/' + pattern;
  let re = '^';
  for (const ch of p) re += ch === '*' ? '.*' : ch === '?' ? '.' : ch.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  return new RegExp(re + '$', 's').test(path);
}

export function selectBehavior(config: any, path: string): any {
  for (const b of config.CacheBehaviors?.Items ?? []) if (patternMatches(String(b.PathPattern), path)) return b;
  return config.DefaultCacheBehavior;
}

function selection(behavior: string | undefined, list: { Items?: string[] } | undefined, lower: boolean): Selection {
  const names = (list?.Items ?? []).map((n) => (lower ? n.toLowerCase() : n));
  switch (behavior) {
    case 'all':
    case 'allViewer':
    case 'allViewerAndWhitelistCloudFront':
      return { behavior: 'all', names: [] };
    case 'whitelist':
      return { behavior: 'whitelist', names };
    case 'allExcept':
      return { behavior: 'allExcept', names };
    default:
      return NONE;
  }
}

function union(a: Selection, b: Selection): Selection {
  if (a.behavior === 'all' || b.behavior === 'all') return { behavior: 'all', names: [] };
  if (a.behavior === 'allExcept') return a;
  if (b.behavior === 'allExcept') return b;
  const names = [...new Set([...a.names, ...b.names])];
  return names.length ? { behavior: 'whitelist', names } : NONE;
}

/** A behavior's policy from its cache policy config (and origin request policy config), or its legacy settings. */
export function resolvePolicy(behavior: any, cachePolicy: any | undefined, originRequestPolicy: any | undefined): ResolvedPolicy {
  let key: ResolvedPolicy['key'];
  let ttl: ResolvedPolicy['ttl'];
  if (cachePolicy) {
    const p = cachePolicy.ParametersInCacheKeyAndForwardedToOrigin ?? {};
    ttl = { min: Number(cachePolicy.MinTTL ?? 0), default: Number(cachePolicy.DefaultTTL ?? 86400), max: Number(cachePolicy.MaxTTL ?? 31536000) };
    key = {
      query: selection(p.QueryStringsConfig?.QueryStringBehavior, p.QueryStringsConfig?.QueryStrings, false),
      headers: selection(p.HeadersConfig?.HeaderBehavior, p.HeadersConfig?.Headers, true),
      cookies: selection(p.CookiesConfig?.CookieBehavior, p.CookiesConfig?.Cookies, false),
    };
  } else {
    const fv = behavior.ForwardedValues ?? {};
    ttl = { min: Number(behavior.MinTTL ?? 0), default: Number(behavior.DefaultTTL ?? 86400), max: Number(behavior.MaxTTL ?? 31536000) };
    const qsKeys = fv.QueryStringCacheKeys?.Items ?? [];
    const headers = (fv.Headers?.Items ?? []) as string[];
    key = {
      query: fv.QueryString ? (qsKeys.length ? { behavior: 'whitelist', names: qsKeys } : { behavior: 'all', names: [] }) : NONE,
      headers: headers.includes('*') ? { behavior: 'all', names: [] } : headers.length ? { behavior: 'whitelist', names: headers.map((h) => h.toLowerCase()) } : NONE,
      cookies: selection(fv.Cookies?.Forward, fv.Cookies?.WhitelistedNames, false),
    };
  }
  let forward = key;
  if (originRequestPolicy) {
    forward = {
      query: union(key.query, selection(originRequestPolicy.QueryStringsConfig?.QueryStringBehavior, originRequestPolicy.QueryStringsConfig?.QueryStrings, false)),
      headers: union(key.headers, selection(originRequestPolicy.HeadersConfig?.HeaderBehavior, originRequestPolicy.HeadersConfig?.Headers, true)),
      cookies: union(key.cookies, selection(originRequestPolicy.CookiesConfig?.CookieBehavior, originRequestPolicy.CookiesConfig?.Cookies, false)),
    };
  } else if (!cachePolicy && behavior.ForwardedValues?.QueryString) {
    // Legacy settings forward every query string when QueryString is true, whatever the cache keys.
    forward = { ...key, query: { behavior: 'all', names: [] } };
  }
  return { ttl, key, forward };
}

export function selects(s: Selection, name: string): boolean {
  switch (s.behavior) {
    case 'all':
      return true;
    case 'whitelist':
      return s.names.includes(name);
    case 'allExcept':
      return !s.names.includes(name);
    default:
      return false;
  }
}

/** The query string parameters (raw `name=value` pairs, in the viewer's order) a selection keeps. */
export function selectQuery(rawQuery: string, s: Selection): string {
  if (s.behavior === 'none' || rawQuery === '') return '';
  if (s.behavior === 'all') return rawQuery;
  return rawQuery
    .split('&')
    .filter((pair) => pair !== '' && selects(s, decodeName(pair.split('=')[0]!)))
    .join('&');
}

function decodeName(s: string): string {
  try {
    return decodeURIComponent(s.replace(/\+/g, ' '));
  } catch {
    return s;
  }
}

export function parseCookies(header: string | undefined): [string, string][] {
  if (!header) return [];
  return header
    .split(';')
    .map((c) => c.trim())
    .filter(Boolean)
    .map((c) => {
      const eq = c.indexOf('=');
      return eq < 0 ? [c, ''] : [c.slice(0, eq), c.slice(eq + 1)];
    });
}

/** The cache key of a request: its path, the selected query string, headers and cookies. */
export function cacheKey(distributionId: string, uri: string, rawQuery: string, headers: Record<string, string | undefined>, policy: ResolvedPolicy): string {
  let key = `${distributionId}\n${uri}\n${selectQuery(rawQuery, policy.key.query)}`;
  if (policy.key.headers.behavior !== 'none') {
    const names = Object.keys(headers).filter((h) => selects(policy.key.headers, h)).sort();
    for (const h of names) key += `\n${h}:${headers[h]}`;
  }
  if (policy.key.cookies.behavior !== 'none') {
    const kept = parseCookies(headers.cookie).filter(([n]) => selects(policy.key.cookies, n)).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    key += `\ncookie:${kept.map(([n, v]) => `${n}=${v}`).join(';')}`;
  }
  return key;
}

/**
 * How many seconds CloudFront keeps a response (0: not cached): s-maxage, else max-age, else
 * Expires, within MinTTL and MaxTTL; DefaultTTL when the origin says nothing; no-store, no-cache
 * and private keep nothing unless MinTTL is above 0.
 */
export function ttlSeconds(originHeaders: Record<string, string>, ttl: ResolvedPolicy['ttl'], now: number): number {
  if (ttl.max <= 0) return 0;
  const clamp = (n: number) => Math.min(Math.max(n, ttl.min), ttl.max);
  const cc = parseCacheControl(originHeaders['cache-control']);
  if (cc.has('no-store') || cc.has('no-cache') || cc.has('private')) return ttl.min;
  const sMax = cc.get('s-maxage');
  if (sMax !== undefined && /^\d+$/.test(sMax)) return clamp(Number(sMax));
  const max = cc.get('max-age');
  if (max !== undefined && /^\d+$/.test(max)) return clamp(Number(max));
  const expires = originHeaders.expires;
  if (expires) {
    const at = Date.parse(expires);
    return clamp(Number.isNaN(at) ? 0 : Math.max(0, Math.floor((at - now) / 1000)));
  }
  return clamp(ttl.default);
}

function parseCacheControl(v: string | undefined): Map<string, string | undefined> {
  const out = new Map<string, string | undefined>();
  for (const part of (v ?? '').split(',')) {
    const t = part.trim().toLowerCase();
    if (!t) continue;
    const eq = t.indexOf('=');
    if (eq < 0) out.set(t, undefined);
    else out.set(t.slice(0, eq).trim(), t.slice(eq + 1).trim().replace(/^"|"$/g, ''));
  }
  return out;
}
