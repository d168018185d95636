import { createPublicKey, verify, type KeyObject } from 'node:crypto';
import { parseArn } from '../../../aws/arn.js';
import type { Platform } from '../../service.js';
import type { AuthorizerDoc } from '../types.js';

/** How long a pool's keys are kept before they are fetched again. */
const JWKS_TTL_MS = 60 * 60 * 1000;
/** The least time between two fetches of one pool's keys (an unknown kid refetches at most this often). */
const REFETCH_MS = 60 * 1000;

interface PoolKeys {
  keys: Map<string, KeyObject>;
  fetchedAt: number;
}

/**
 * COGNITO_USER_POOLS authorizers of REST API methods: the token (an id token, or an access token
 * carrying one of the method's scopes when it has authorizationScopes) must be signed RS256 by one of
 * the authorizer's pools, with that pool's issuer, unexpired on the platform clock. Pool keys are the
 * pool's JWKS, fetched over HTTP from Stratus itself and kept in memory.
 * Returns the token's claims, or undefined when the caller is refused (401).
 */
export class CognitoAuthorizer {
  private readonly pools = new Map<string, PoolKeys>();
  private readonly pending = new Map<string, Promise<PoolKeys>>();

  constructor(private readonly platform: Platform) {}

  async verify(a: AuthorizerDoc, token: string, scopes: readonly string[] | undefined): Promise<Record<string, unknown> | undefined> {
    const parts = token.replace(/^Bearer\s+/i, '').split('.');
    if (parts.length !== 3) return undefined;
    let head: Record<string, unknown>;
    let claims: Record<string, unknown>;
    try {
      head = JSON.parse(Buffer.from(parts[0]!, 'base64url').toString('utf8')) as Record<string, unknown>;
      claims = JSON.parse(Buffer.from(parts[1]!, 'base64url').toString('utf8')) as Record<string, unknown>;
    } catch {
      return undefined;
    }
    if (!head || typeof head !== 'object' || !claims || typeof claims !== 'object') return undefined;
    if (head.alg !== 'RS256' || typeof head.kid !== 'string') return undefined;
    const pool = (a.providerARNs ?? []).map(poolOf).find((p) => p && (claims.iss === issuerOf(p.region, p.poolId) || claims.iss === `${this.platform.endpoint()}/${p.poolId}`));
    if (!pool) return undefined;
    let key: KeyObject | undefined;
    try {
      key = await this.key(pool.poolId, head.kid);
    } catch {
      return undefined;
    }
    if (!key || !verify('sha256', Buffer.from(`${parts[0]}.${parts[1]}`), key, Buffer.from(parts[2]!, 'base64url'))) return undefined;
    if (typeof claims.exp !== 'number' || claims.exp <= this.platform.clock.now() / 1000) return undefined;
    if (scopes && scopes.length > 0) {
      if (claims.token_use !== 'access') return undefined;
      const granted = typeof claims.scope === 'string' ? claims.scope.split(' ') : [];
      if (!scopes.some((s) => granted.includes(s))) return undefined;
    } else if (claims.token_use !== 'id') return undefined;
    return claims;
  }

  private async key(poolId: string, kid: string): Promise<KeyObject | undefined> {
    const now = this.platform.clock.now();
    let set = this.pools.get(poolId);
    if (!set || now - set.fetchedAt > JWKS_TTL_MS || (!set.keys.has(kid) && now - set.fetchedAt > REFETCH_MS)) set = await this.fetchKeys(poolId);
    return set.keys.get(kid);
  }

  private fetchKeys(poolId: string): Promise<PoolKeys> {
    let p = this.pending.get(poolId);
    if (!p) {
      p = (async () => {
        const res = await fetch(`${this.platform.endpoint()}/${poolId}/.well-known/jwks.json`, { signal: AbortSignal.timeout(5000) });
        if (!res.ok) throw new Error(`JWKS of ${poolId}: ${res.status}`);
        const jwks = (await res.json()) as { keys?: Record<string, unknown>[] };
        const keys = new Map<string, KeyObject>();
        for (const jwk of jwks.keys ?? []) {
          if (jwk.kty !== 'RSA' || typeof jwk.kid !== 'string') continue;
          try {
            keys.set(jwk.kid, createPublicKey({ key: { kty: 'RSA', n: jwk.n as string, e: jwk.e as string }, format: 'jwk' }));
          } catch {
            // A malformed key is skipped.
          }
        }
        const set = { keys, fetchedAt: this.platform.clock.now() };
        this.pools.set(poolId, set);
        return set;
      })().finally(() => this.pending.delete(poolId));
      this.pending.set(poolId, p);
    }
    return p;
  }
}

/** arn:aws:cognito-idp:{region}:{account}:userpool/{poolId} */
function poolOf(arn: string): { region: string; poolId: string } | undefined {
  const parts = parseArn(arn);
  const m = parts && parts.service === 'cognito-idp' ? /^userpool\/(.+)$/.exec(parts.resource) : null;
  return m ? { region: parts!.region, poolId: m[1]! } : undefined;
}

/** The iss of the pool's tokens: AWS's form, the one Stratus issues by default. */
function issuerOf(region: string, poolId: string): string {
  return `https://cognito-idp.${region}.amazonaws.com/${poolId}`;
}

/** Claims as API Gateway hands them on: every value a string, exp and iat as dates ("Wed Jan 05 21:13:35 UTC 2022"). */
export function stringClaims(claims: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(claims)) {
    if ((k === 'exp' || k === 'iat') && typeof v === 'number') out[k] = javaDate(v);
    else out[k] = typeof v === 'string' ? v : Array.isArray(v) ? v.join(',') : JSON.stringify(v);
  }
  return out;
}

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function javaDate(seconds: number): string {
  const d = new Date(seconds * 1000);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${DAYS[d.getUTCDay()]} ${MONTHS[d.getUTCMonth()]} ${p(d.getUTCDate())} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())} UTC ${d.getUTCFullYear()}`;
}
