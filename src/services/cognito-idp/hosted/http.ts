/** What the hosted UI's pages and OAuth 2.0 endpoints share: where they are served, forms, cookies, answers. */
import type { HttpRequest, ResponseSink } from '../../../core/http.js';
import type { StoredPool } from '../core.js';
import type { StoredDomain } from '../ops/domains.js';

/** A request to one pool's domain: the pool, and the path the links of its pages start with. */
export interface DomainRequest {
  req: HttpRequest;
  res: ResponseSink;
  domain: StoredDomain;
  pool: StoredPool;
  /** '' on the domain's own host name; `/_aws/cognito/{domain}` on the path form. */
  base: string;
  /** The endpoint's path after the base: `/oauth2/authorize`, `/login`... */
  path: string;
  query: URLSearchParams;
}

/** The session cookie of the hosted UI, as AWS names its own. */
export const COOKIE = 'cognito';

/** A urlencoded form body; anything else reads as an empty form. */
export function form(req: HttpRequest): URLSearchParams {
  const type = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  return type === 'application/x-www-form-urlencoded' ? new URLSearchParams(req.body.toString('utf8')) : new URLSearchParams();
}

export function isForm(req: HttpRequest): boolean {
  return (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase() === 'application/x-www-form-urlencoded';
}

export function cookie(req: HttpRequest, name: string): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return decodeURIComponent(part.slice(eq + 1).trim());
  }
  return undefined;
}

export function sessionCookie(d: DomainRequest, value: string | undefined): string {
  const path = d.base || '/';
  return value === undefined
    ? `${COOKIE}=; Path=${path}; Max-Age=0; HttpOnly; SameSite=Lax`
    : `${COOKIE}=${encodeURIComponent(value)}; Path=${path}; Max-Age=3600; HttpOnly; SameSite=Lax`;
}

export function redirect(res: ResponseSink, location: string, headers: Record<string, string> = {}): void {
  res.writeHead(302, { location, 'cache-control': 'no-store', 'content-length': 0, ...headers });
  res.end();
}

export function html(res: ResponseSink, status: number, body: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'text/html;charset=UTF-8', 'cache-control': 'no-store', ...headers });
  res.end(body);
}

export function json(res: ResponseSink, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json;charset=UTF-8', 'cache-control': 'no-store', pragma: 'no-cache', ...headers });
  res.end(JSON.stringify(body));
}

/** A redirect URI with parameters added to its query (the code grant) or as its fragment (the implicit grant). */
export function withParams(uri: string, params: Record<string, string | undefined>, fragment = false): string {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined) p.set(k, v);
  const text = p.toString();
  if (fragment) return `${uri.split('#')[0]}#${text}`;
  return `${uri}${uri.includes('?') ? '&' : '?'}${text}`;
}

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}
