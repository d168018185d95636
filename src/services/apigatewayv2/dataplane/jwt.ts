import { createPublicKey, verify, type KeyObject } from 'node:crypto';
import { request } from 'node:http';
import type { Clock } from '../../../core/clock.js';

/** How long an issuer's keys are kept before they are fetched again. */
const JWKS_TTL_MS = 60 * 60 * 1000;
/** The least time between two fetches of one issuer's keys (an unknown kid refetches at most this often). */
const REFETCH_MS = 60 * 1000;
/** The JWT algorithms API Gateway accepts: RSA signatures only. */
const ALGORITHMS: Record<string, string> = { RS256: 'sha256', RS384: 'sha384', RS512: 'sha512' };

export type JwtResult = { ok: true; claims: Record<string, unknown>; scopes: string[] } | { ok: false; reason: string };

interface KeySet {
  keys: Map<string, KeyObject>;
  fetchedAt: number;
}

/**
 * JWT validation as API Gateway's JWT authorizer does it: the issuer's OIDC discovery document
 * names its JWKS, kept in memory; RSA signatures only (`none` and HMAC refused); iss, aud or
 * client_id, exp, nbf checked on the platform clock.
 */
export class JwtVerifier {
  private readonly sets = new Map<string, KeySet>();
  private readonly pending = new Map<string, Promise<KeySet>>();

  constructor(
    private readonly clock: Clock,
    /** Stratus's own endpoint, where AWS and local host names are fetched from. */
    private readonly endpoint: () => string,
  ) {}

  async verify(token: string, issuer: string, audiences: readonly string[]): Promise<JwtResult> {
    const parts = token.split('.');
    if (parts.length !== 3) return { ok: false, reason: 'malformed token' };
    let head: Record<string, unknown>;
    let claims: Record<string, unknown>;
    try {
      head = JSON.parse(Buffer.from(parts[0]!, 'base64url').toString('utf8')) as Record<string, unknown>;
      claims = JSON.parse(Buffer.from(parts[1]!, 'base64url').toString('utf8')) as Record<string, unknown>;
    } catch {
      return { ok: false, reason: 'malformed token' };
    }
    if (!head || typeof head !== 'object' || !claims || typeof claims !== 'object') return { ok: false, reason: 'malformed token' };
    const hash = ALGORITHMS[String(head.alg)];
    if (!hash) return { ok: false, reason: `unsupported algorithm ${String(head.alg)}` };
    if (typeof head.kid !== 'string') return { ok: false, reason: 'no kid' };
    let key: KeyObject | undefined;
    try {
      key = await this.key(issuer, head.kid);
    } catch (e) {
      return { ok: false, reason: `keys of ${issuer} not fetched: ${String(e)}` };
    }
    if (!key) return { ok: false, reason: `no key ${head.kid}` };
    const signature = Buffer.from(parts[2]!, 'base64url');
    if (!verify(hash, Buffer.from(`${parts[0]}.${parts[1]}`), key, signature)) return { ok: false, reason: 'bad signature' };
    if (claims.iss !== issuer) return { ok: false, reason: 'issuer' };
    const aud = claims.aud === undefined ? [] : Array.isArray(claims.aud) ? claims.aud.map(String) : [String(claims.aud)];
    const audOk = aud.length > 0 ? aud.some((a) => audiences.includes(a)) : typeof claims.client_id === 'string' && audiences.includes(claims.client_id);
    if (!audOk) return { ok: false, reason: 'audience' };
    const now = this.clock.now() / 1000;
    if (typeof claims.exp !== 'number' || claims.exp <= now) return { ok: false, reason: 'expired' };
    if (claims.nbf !== undefined && (typeof claims.nbf !== 'number' || claims.nbf > now)) return { ok: false, reason: 'not yet valid' };
    if (claims.iat !== undefined && typeof claims.iat !== 'number') return { ok: false, reason: 'iat' };
    const scope = typeof claims.scope === 'string' ? claims.scope : typeof claims.scp === 'string' ? claims.scp : Array.isArray(claims.scp) ? claims.scp.join(' ') : '';
    return { ok: true, claims, scopes: scope.split(' ').filter((s) => s !== '') };
  }

  forget(): void {
    this.sets.clear();
  }

  private async key(issuer: string, kid: string): Promise<KeyObject | undefined> {
    const now = this.clock.now();
    let set = this.sets.get(issuer);
    if (!set || now - set.fetchedAt > JWKS_TTL_MS || (!set.keys.has(kid) && now - set.fetchedAt > REFETCH_MS)) set = await this.fetchSet(issuer);
    return set.keys.get(kid);
  }

  private fetchSet(issuer: string): Promise<KeySet> {
    let p = this.pending.get(issuer);
    if (!p) {
      p = (async () => {
        const discovery = (await this.getJson(`${issuer.replace(/\/$/, '')}/.well-known/openid-configuration`)) as { jwks_uri?: unknown };
        if (typeof discovery.jwks_uri !== 'string') throw new Error('the discovery document has no jwks_uri');
        const jwks = (await this.getJson(discovery.jwks_uri)) as { keys?: Record<string, unknown>[] };
        const keys = new Map<string, KeyObject>();
        for (const jwk of jwks.keys ?? []) {
          if (jwk.kty !== 'RSA' || typeof jwk.kid !== 'string' || (jwk.use !== undefined && jwk.use !== 'sig')) continue;
          try {
            keys.set(jwk.kid, createPublicKey({ key: { kty: 'RSA', n: jwk.n as string, e: jwk.e as string }, format: 'jwk' }));
          } catch {
            // A malformed key is skipped.
          }
        }
        const set = { keys, fetchedAt: this.clock.now() };
        this.sets.set(issuer, set);
        return set;
      })().finally(() => this.pending.delete(issuer));
      this.pending.set(issuer, p);
    }
    return p;
  }

  /** GETs JSON: AWS host names and local `.localhost` forms from Stratus itself, others from the network. */
  private async getJson(url: string): Promise<unknown> {
    const u = new URL(url);
    if (/(^|\.)amazonaws\.com$|\.localhost$/.test(u.hostname)) {
      const target = new URL(this.endpoint());
      return new Promise((resolve, reject) => {
        const req = request(
          { hostname: target.hostname, port: target.port, path: u.pathname + u.search, method: 'GET', headers: { host: u.host } },
          (res) => {
            const chunks: Buffer[] = [];
            res.on('data', (c: Buffer) => chunks.push(c));
            res.on('end', () => {
              if ((res.statusCode ?? 500) >= 300) return reject(new Error(`${url}: ${res.statusCode}`));
              try {
                resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')));
              } catch (e) {
                reject(e as Error);
              }
            });
          },
        );
        req.setTimeout(5000, () => req.destroy(new Error(`${url}: timed out`)));
        req.on('error', reject);
        req.end();
      });
    }
    const res = await fetch(url, { signal: AbortSignal.timeout(5000) });
    if (!res.ok) throw new Error(`${url}: ${res.status}`);
    return res.json();
  }
}
