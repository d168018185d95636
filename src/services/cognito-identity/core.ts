/**
 * Shared state of the identity-pool service: pools and identities in SQL, the signing key of the
 * OpenID tokens, and the checks of the logins (Cognito user pool ID tokens) that GetId,
 * GetOpenIdToken and GetCredentialsForIdentity are given.
 */
import { createPrivateKey, createPublicKey, generateKeyPairSync, randomUUID, sign, verify, type KeyObject } from 'node:crypto';
import type { Db, Queryable } from '../../storage/db.js';
import { NotAuthorizedException, ResourceNotFoundException, type IdentityPool, type RoleMapping } from '../../generated/cognito-identity.js';
import type { Platform } from '../service.js';
import { COGNITO_IDENTITY_MIGRATIONS } from './store.js';

export const ISSUER = 'https://cognito-identity.amazonaws.com';
/** The login name under which an app presents an OpenID token of this service (developer-authenticated identities). */
export const SELF_PROVIDER = 'cognito-identity.amazonaws.com';

/** A pool as stored: its description plus its roles and role mappings. */
export interface StoredPool extends IdentityPool {
  account: string;
  region: string;
  Roles?: Record<string, string>;
  RoleMappings?: Record<string, RoleMapping>;
}

export interface StoredIdentity {
  identity_id: string;
  pool_id: string;
  created: number;
  modified: number;
  /** Provider names linked to the identity. */
  logins: string[];
}

export interface SigningKey {
  kid: string;
  privateKey: KeyObject;
  publicJwk: Record<string, string>;
}

/** A verified login: the provider name and the token's subject. */
export interface Login {
  provider: string;
  sub: string;
  claims: Record<string, unknown>;
}

const USER_POOL_PROVIDER = /^cognito-idp\.([a-z]{2}(?:-[a-z]+)+-\d)\.amazonaws\.com\/([a-z]{2}(?:-[a-z]+)+-\d_[A-Za-z0-9]+)$/;

export function parseUserPoolProvider(name: string): { region: string; poolId: string } | undefined {
  const m = USER_POOL_PROVIDER.exec(name);
  return m ? { region: m[1]!, poolId: m[2]! } : undefined;
}

const invalidLogin = (detail: string) => new NotAuthorizedException(`Invalid login token. ${detail}`);

export class IdentityCore {
  private signing?: SigningKey;
  /** Public keys of user pools read from their JWKS, by `{poolId} {kid}`. */
  private readonly poolKeys = new Map<string, KeyObject>();

  private constructor(readonly platform: Platform, readonly db: Db) {}

  static async open(platform: Platform): Promise<IdentityCore> {
    await platform.db.migrate('cognito-identity', COGNITO_IDENTITY_MIGRATIONS);
    return new IdentityCore(platform, platform.db);
  }

  now(): number {
    return this.platform.clock.now();
  }

  arn(pool: StoredPool): string {
    return `arn:aws:cognito-identity:${pool.region}:${pool.account}:identitypool/${pool.IdentityPoolId}`;
  }

  async findPool(poolId: string, q: Queryable = this.db): Promise<StoredPool | undefined> {
    const row = await q.get<{ doc: string; account: string; region: string }>('SELECT doc, account, region FROM cognito_identity_pools WHERE pool_id = ?', [poolId]);
    return row ? { ...(JSON.parse(row.doc) as StoredPool), account: row.account, region: row.region } : undefined;
  }

  /** The pool, which must be in the caller's account when `account` is given. */
  async pool(poolId: string, account?: string, q: Queryable = this.db): Promise<StoredPool> {
    const pool = await this.findPool(poolId, q);
    if (!pool || (account !== undefined && pool.account !== account)) throw new ResourceNotFoundException(`IdentityPool '${poolId}' not found.`);
    return pool;
  }

  async savePool(pool: StoredPool, q: Queryable): Promise<void> {
    const { account, region, ...doc } = pool;
    await q.run(
      'INSERT INTO cognito_identity_pools (pool_id, account, region, created, doc) VALUES (?, ?, ?, ?, ?) ON CONFLICT (pool_id) DO UPDATE SET doc = excluded.doc',
      [pool.IdentityPoolId, account, region, this.now(), JSON.stringify(doc)],
    );
  }

  async identity(identityId: string, q: Queryable = this.db): Promise<StoredIdentity> {
    const row = await q.get<{ identity_id: string; pool_id: string; created: number; modified: number; logins: string }>(
      'SELECT identity_id, pool_id, created, modified, logins FROM cognito_identity_ids WHERE identity_id = ?',
      [identityId],
    );
    if (!row) throw new ResourceNotFoundException(`Identity '${identityId}' not found.`);
    return { ...row, created: Number(row.created), modified: Number(row.modified), logins: JSON.parse(row.logins) as string[] };
  }

  /** The identity of these logins in the pool, made on first use; a new one for no login (a guest). */
  async identityFor(pool: StoredPool, logins: Login[]): Promise<string> {
    const now = this.now();
    return this.db.tx(async (tx) => {
      for (const l of logins) {
        const hit = await tx.get<{ identity_id: string }>('SELECT identity_id FROM cognito_identity_logins WHERE pool_id = ? AND login = ?', [pool.IdentityPoolId, `${l.provider}|${l.sub}`]);
        if (hit) return hit.identity_id;
      }
      const id = `${pool.region}:${randomUUID()}`;
      const providers = [...new Set(logins.map((l) => l.provider))];
      await tx.run('INSERT INTO cognito_identity_ids (identity_id, pool_id, created, modified, logins) VALUES (?, ?, ?, ?, ?)', [id, pool.IdentityPoolId, now, now, JSON.stringify(providers)]);
      for (const l of logins) await tx.run('INSERT INTO cognito_identity_logins (pool_id, login, identity_id) VALUES (?, ?, ?)', [pool.IdentityPoolId, `${l.provider}|${l.sub}`, id]);
      return id;
    });
  }

  /** Whether these verified logins belong to the identity. */
  async loginsMatch(identityId: string, poolId: string, logins: Login[]): Promise<boolean> {
    for (const l of logins) {
      // This service's own token names its identity.
      if (l.provider === SELF_PROVIDER) {
        if (l.sub !== identityId) return false;
        continue;
      }
      const hit = await this.db.get<{ identity_id: string }>('SELECT identity_id FROM cognito_identity_logins WHERE pool_id = ? AND login = ?', [poolId, `${l.provider}|${l.sub}`]);
      if (hit?.identity_id !== identityId) return false;
    }
    return true;
  }

  /**
   * Verifies each login of a Logins map against the pool's providers: a Cognito user pool's ID token
   * (signature by the user pool's JWKS, issuer, audience one of the configured client ids, expiry on
   * the platform clock). Other providers (Facebook, Google, OIDC, SAML, developer) are not verified
   * by Stratus and are refused.
   */
  async verifyLogins(pool: StoredPool, logins: Record<string, string>): Promise<Login[]> {
    const out: Login[] = [];
    for (const [provider, token] of Object.entries(logins)) {
      if (provider === SELF_PROVIDER) {
        out.push(await this.verifyOwnToken(pool, token));
        continue;
      }
      const configured = (pool.CognitoIdentityProviders ?? []).filter((p) => p.ProviderName === provider);
      const user = parseUserPoolProvider(provider);
      if (!configured.length || !user) throw new NotAuthorizedException('Token is not from a supported provider of this identity pool.');
      const parts = token.split('.');
      let header: Record<string, unknown>;
      let claims: Record<string, unknown>;
      try {
        if (parts.length !== 3) throw new Error('parts');
        header = JSON.parse(Buffer.from(parts[0]!, 'base64url').toString('utf8')) as Record<string, unknown>;
        claims = JSON.parse(Buffer.from(parts[1]!, 'base64url').toString('utf8')) as Record<string, unknown>;
      } catch {
        throw invalidLogin('Not a valid OpenId Connect identity token.');
      }
      if (claims.iss !== `https://${provider}`) throw invalidLogin("Issuer doesn't match providerName");
      if (claims.token_use !== 'id') throw invalidLogin('Not a valid OpenId Connect identity token.');
      if (!configured.some((p) => p.ClientId === claims.aud)) throw invalidLogin('Incorrect token audience.');
      const now = Math.floor(this.now() / 1000);
      if (typeof claims.exp !== 'number' || claims.exp <= now) throw invalidLogin(`Token expired: ${now} >= ${String(claims.exp)}`);
      const key = await this.userPoolKey(user.poolId, String(header.kid ?? ''));
      const ok = header.alg === 'RS256' && key !== undefined && verify('sha256', Buffer.from(`${parts[0]}.${parts[1]}`), key, Buffer.from(parts[2]!, 'base64url'));
      if (!ok) throw invalidLogin("Couldn't verify signed token.");
      out.push({ provider, sub: String(claims.sub ?? ''), claims });
    }
    return out;
  }

  /** An OpenID token this service issued for an identity of the pool (GetOpenIdTokenForDeveloperIdentity, GetOpenIdToken). */
  private async verifyOwnToken(pool: StoredPool, token: string): Promise<Login> {
    const parts = token.split('.');
    let claims: Record<string, unknown>;
    try {
      if (parts.length !== 3) throw new Error('parts');
      claims = JSON.parse(Buffer.from(parts[1]!, 'base64url').toString('utf8')) as Record<string, unknown>;
    } catch {
      throw invalidLogin('Not a valid OpenId Connect identity token.');
    }
    const key = await this.signingKey();
    if (!verify('sha512', Buffer.from(`${parts[0]}.${parts[1]}`), createPublicKey(key.privateKey), Buffer.from(parts[2]!, 'base64url'))) throw invalidLogin("Couldn't verify signed token.");
    if (claims.iss !== ISSUER) throw invalidLogin("Issuer doesn't match providerName");
    if (claims.aud !== pool.IdentityPoolId) throw invalidLogin('Incorrect token audience.');
    const now = Math.floor(this.now() / 1000);
    if (typeof claims.exp !== 'number' || claims.exp <= now) throw invalidLogin(`Token expired: ${now} >= ${String(claims.exp)}`);
    return { provider: SELF_PROVIDER, sub: String(claims.sub ?? ''), claims };
  }

  /** A user pool's public key, read from its JWKS on the endpoint (as a client would read it). */
  private async userPoolKey(poolId: string, kid: string): Promise<KeyObject | undefined> {
    const cached = this.poolKeys.get(`${poolId} ${kid}`);
    if (cached) return cached;
    try {
      const res = await fetch(`${this.platform.endpoint()}/${poolId}/.well-known/jwks.json`, { signal: AbortSignal.timeout(5000) });
      if (!res.ok) return undefined;
      const jwks = (await res.json()) as { keys?: Array<Record<string, string>> };
      const jwk = (jwks.keys ?? []).find((k) => k.kid === kid);
      if (!jwk) return undefined;
      const key = createPublicKey({ key: jwk, format: 'jwk' });
      if (this.poolKeys.size > 1000) this.poolKeys.clear();
      this.poolKeys.set(`${poolId} ${kid}`, key);
      return key;
    } catch {
      return undefined;
    }
  }

  /** The key that signs the OpenID tokens, made once and kept in SQL. */
  async signingKey(): Promise<SigningKey> {
    if (this.signing) return this.signing;
    let row = await this.db.get<{ kid: string; private_pem: string; public_jwk: string }>("SELECT kid, private_pem, public_jwk FROM cognito_identity_keys WHERE id = 'default'");
    if (!row) {
      const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
      const jwk = publicKey.export({ format: 'jwk' });
      const kid = `us-east-1-${randomUUID().slice(0, 8)}`;
      const made = {
        kid,
        private_pem: privateKey.export({ format: 'pem', type: 'pkcs8' }) as string,
        public_jwk: JSON.stringify({ kty: 'RSA', alg: 'RS512', use: 'sig', kid, n: jwk.n, e: jwk.e }),
      };
      await this.db.tx((tx) => tx.run("INSERT INTO cognito_identity_keys (id, kid, private_pem, public_jwk) VALUES ('default', ?, ?, ?) ON CONFLICT (id) DO NOTHING", [made.kid, made.private_pem, made.public_jwk]));
      row = (await this.db.get<{ kid: string; private_pem: string; public_jwk: string }>("SELECT kid, private_pem, public_jwk FROM cognito_identity_keys WHERE id = 'default'"))!;
    }
    this.signing = { kid: row.kid, privateKey: createPrivateKey(row.private_pem), publicJwk: JSON.parse(row.public_jwk) as Record<string, string> };
    return this.signing;
  }

  /** An OpenID token (RS512, as Cognito signs them) for the identity, valid `seconds`. */
  async openIdToken(pool: StoredPool, identityId: string, logins: Login[], seconds = 600): Promise<string> {
    const key = await this.signingKey();
    const now = Math.floor(this.now() / 1000);
    const amrOf = (l: Login): string[] => {
      // A developer's login, or this service's own token standing for one: AWS's developer amr.
      if (l.provider === SELF_PROVIDER) return Array.isArray(l.claims.amr) ? (l.claims.amr as string[]).filter((a) => a !== 'authenticated') : [SELF_PROVIDER];
      if (l.claims.developer === true) return [SELF_PROVIDER, `${SELF_PROVIDER}:${pool.IdentityPoolId}:${l.provider}`];
      return [l.provider, `${l.provider}:CognitoSignIn:${l.sub}`];
    };
    const amr = logins.length ? ['authenticated', ...new Set(logins.flatMap(amrOf))] : ['unauthenticated'];
    const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
    const head = `${b64({ kid: key.kid, typ: 'JWS', alg: 'RS512' })}.${b64({ sub: identityId, aud: pool.IdentityPoolId, amr, iss: ISSUER, exp: now + seconds, iat: now })}`;
    return `${head}.${sign('sha512', Buffer.from(head), key.privateKey).toString('base64url')}`;
  }
}
