/**
 * Token issue and verification: id and access tokens as RS256 JWTs with AWS's claims, refresh
 * tokens as opaque random strings stored by their hash (revocable, with the origin_jti their access
 * tokens carry), and the check of an access token a signed-in user presents.
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { NotAuthorizedException, UserNotFoundException, type AuthenticationResultType } from '../../../generated/cognito-idp.js';
import { hashToken, type CognitoCore, type StoredClient, type StoredPool, type StoredUser } from '../core.js';
import { decodeJwt, signatureValid, signJwt } from '../crypto/tokens.js';
import { validityMs } from '../ops/clients.js';
import { invokeTrigger, triggerArn } from '../triggers.js';
import { newDevice } from './devices.js';

export const ADMIN_SCOPE = 'aws.cognito.signin.user.admin';
const PROTECTED = new Set(['acr', 'amr', 'aud', 'auth_time', 'azp', 'exp', 'iat', 'identities', 'iss', 'sub', 'token_use', 'nonce', 'at_hash', 'cognito:username', 'client_id', 'jti', 'origin_jti', 'event_id', 'username', 'scope']);


export interface IssueOptions {
  authTime: number;
  /** Refresh: the origin of the refresh token used (no new refresh token unless rotation). */
  originJti?: string;
  triggerSource: string;
  clientMetadata?: Record<string, string>;
  /** The device the user proved at sign-in (its key goes in the access token). */
  deviceKey?: string;
  /**
   * Tokens for the OAuth 2.0 endpoints: the granted scopes (an id token only with `openid`), the
   * authorize request's nonce, and whether a refresh token is returned (not for the implicit grant).
   */
  oauth?: { scopes: string[]; nonce?: string; refreshToken: boolean };
  /** When a new refresh token expires (rotation: when the one it replaces would have); else the client's validity from now. */
  refreshExpires?: number;
}

function typed(name: string, value: string): unknown {
  if (name === 'email_verified' || name === 'phone_number_verified') return value === 'true';
  if (name === 'updated_at') return Number(value);
  if (name === 'identities') return identitiesClaim(value);
  return value;
}

/** A federated user's `identities` attribute as id tokens carry it: an array, dateCreated and primary as strings. */
function identitiesClaim(value: string): unknown {
  try {
    const list = JSON.parse(value) as Record<string, unknown>[];
    return list.map((i) => ({ ...i, dateCreated: String(i.dateCreated), primary: String(i.primary) }));
  } catch {
    return value;
  }
}

export function applyClaims(claims: Record<string, unknown>, spec: unknown): void {
  if (!spec || typeof spec !== 'object') return;
  const s = spec as { claimsToAddOrOverride?: Record<string, unknown>; claimsToSuppress?: string[] };
  for (const name of s.claimsToSuppress ?? []) if (!PROTECTED.has(name)) delete claims[name];
  for (const [k, v] of Object.entries(s.claimsToAddOrOverride ?? {})) if (!PROTECTED.has(k)) claims[k] = v;
}

export async function issueTokens(core: CognitoCore, pool: StoredPool, client: StoredClient, user: StoredUser, opts: IssueOptions): Promise<AuthenticationResultType> {
  const now = core.now();
  const iat = Math.floor(now / 1000);
  const ukey = core.ukey(pool, user.Username);
  const valid = validityMs(client);
  const originJti = opts.originJti ?? randomUUID();
  const eventId = randomUUID();
  const authTime = Math.floor(opts.authTime / 1000);
  const groupDocs = await core.groupsOf(pool.Id, ukey);
  let groups = groupDocs.map((g) => g.GroupName);
  let roles = groupDocs.filter((g) => g.RoleArn).map((g) => g.RoleArn!);
  let preferredRole = [...groupDocs].filter((g) => g.RoleArn).sort((a, b) => (a.Precedence ?? Infinity) - (b.Precedence ?? Infinity))[0]?.RoleArn;

  const idClaims: Record<string, unknown> = { sub: user.sub };
  const accessClaims: Record<string, unknown> = { sub: user.sub };
  let scopes = opts.oauth ? [...opts.oauth.scopes] : [ADMIN_SCOPE];

  const version = pool.LambdaConfig?.PreTokenGenerationConfig?.LambdaVersion ?? 'V1_0';
  let override: Record<string, unknown> | undefined;
  if (triggerArn(pool, 'PreTokenGeneration')) {
    override = await invokeTrigger(core, pool, {
      trigger: 'PreTokenGeneration',
      triggerSource: opts.triggerSource,
      userName: user.Username,
      clientId: client.ClientId,
      version: version === 'V1_0' ? '1' : version === 'V2_0' ? '2' : '3',
      request: {
        userAttributes: { sub: user.sub, ...user.attrs, 'cognito:user_status': user.status },
        groupConfiguration: { groupsToOverride: groups, iamRolesToOverride: roles, ...(preferredRole ? { preferredRole } : {}) },
        ...(version === 'V1_0' ? {} : { scopes }),
        ...(opts.clientMetadata ? { clientMetadata: opts.clientMetadata } : {}),
      },
      response: version === 'V1_0' ? { claimsOverrideDetails: null } : { claimsAndScopeOverrideDetails: null },
    });
    const details = (override?.claimsOverrideDetails ?? override?.claimsAndScopeOverrideDetails) as Record<string, unknown> | null | undefined;
    const go = details?.groupOverrideDetails as { groupsToOverride?: string[]; iamRolesToOverride?: string[]; preferredRole?: string } | undefined;
    if (go) {
      if (go.groupsToOverride) groups = go.groupsToOverride;
      if (go.iamRolesToOverride) roles = go.iamRolesToOverride;
      if (go.preferredRole !== undefined) preferredRole = go.preferredRole;
    }
  }
  if (groups.length) {
    idClaims['cognito:groups'] = groups;
    accessClaims['cognito:groups'] = groups;
  }
  if (preferredRole) idClaims['cognito:preferred_role'] = preferredRole;
  if (roles.length) idClaims['cognito:roles'] = roles;
  for (const [name, value] of Object.entries(user.attrs)) {
    if (!client.ReadAttributes || client.ReadAttributes.includes(name)) idClaims[name] = typed(name, value);
  }
  Object.assign(idClaims, {
    iss: core.issuer(pool),
    'cognito:username': user.Username,
    origin_jti: originJti,
    aud: client.ClientId,
    event_id: eventId,
    token_use: 'id',
    auth_time: authTime,
    exp: iat + Math.floor(valid.id / 1000),
    iat,
    jti: randomUUID(),
  });
  Object.assign(accessClaims, {
    iss: core.issuer(pool),
    client_id: client.ClientId,
    origin_jti: originJti,
    event_id: eventId,
    token_use: 'access',
    scope: '',
    auth_time: authTime,
    exp: iat + Math.floor(valid.access / 1000),
    iat,
    jti: randomUUID(),
    username: user.Username,
    ...(opts.deviceKey ? { device_key: opts.deviceKey } : {}),
  });
  const details = (override?.claimsOverrideDetails ?? override?.claimsAndScopeOverrideDetails) as Record<string, unknown> | null | undefined;
  if (details && version === 'V1_0') applyClaims(idClaims, details);
  if (details && version !== 'V1_0') {
    applyClaims(idClaims, details.idTokenGeneration);
    const at = details.accessTokenGeneration as { scopesToAdd?: string[]; scopesToSuppress?: string[] } | undefined;
    applyClaims(accessClaims, at);
    if (at?.scopesToSuppress) scopes = scopes.filter((s) => !at.scopesToSuppress!.includes(s));
    if (at?.scopesToAdd) scopes = [...new Set([...scopes, ...at.scopesToAdd])];
  }
  accessClaims.scope = scopes.join(' ');
  const key = await core.key(pool.Id);
  const accessToken = signJwt(key, accessClaims);
  if (opts.oauth) {
    // As the OAuth 2.0 endpoints issue them: at_hash binds the id token to its access token.
    const digest = createHash('sha256').update(accessToken).digest();
    idClaims.at_hash = digest.subarray(0, 16).toString('base64url');
    if (opts.oauth.nonce !== undefined) idClaims.nonce = opts.oauth.nonce;
  }
  const result: AuthenticationResultType = {
    AccessToken: accessToken,
    ExpiresIn: Math.floor(valid.access / 1000),
    TokenType: 'Bearer',
    ...(!opts.oauth || opts.oauth.scopes.includes('openid') ? { IdToken: signJwt(key, idClaims) } : {}),
  };
  if (!opts.originJti) {
    const refresh = newRefreshToken();
    await core.db.tx(async (tx) => {
      // The user's refresh tokens that expired go (their access tokens, shorter-lived, have expired too).
      await tx.run('DELETE FROM cognito_refresh WHERE pool_id = ? AND ukey = ? AND expires < ?', [pool.Id, ukey, now]);
      await tx.run('INSERT INTO cognito_refresh (token_hash, pool_id, client_id, ukey, origin_jti, auth_time, expires, revoked, scopes) VALUES (?, ?, ?, ?, ?, ?, ?, 0, ?)', [
        hashToken(refresh), pool.Id, client.ClientId, ukey, originJti, opts.authTime, opts.refreshExpires ?? now + valid.refresh, opts.oauth ? opts.oauth.scopes.join(' ') : null,
      ]);
    });
    // The implicit grant returns no refresh token: its row still stands for the origin the access token names (revocation, global sign-out).
    if (opts.oauth && !opts.oauth.refreshToken) return result;
    result.RefreshToken = refresh;
    if (pool.DeviceConfiguration && !opts.deviceKey) result.NewDeviceMetadata = await newDevice(core, pool, ukey);
  }
  return result;
}

/**
 * New tokens for a refresh token, the same for GetTokensFromRefreshToken and the token endpoint's
 * refresh_token grant. With the client's RefreshTokenRotation enabled, a new refresh token too,
 * valid for what remained of the one it replaces, which lasts RetryGracePeriodSeconds more (none by default).
 */
export async function refreshTokens(core: CognitoCore, pool: StoredPool, client: StoredClient, user: StoredUser, row: RefreshRow, opts: { clientMetadata?: Record<string, string> } = {}): Promise<AuthenticationResultType> {
  const base = { authTime: Number(row.auth_time), triggerSource: 'TokenGeneration_RefreshTokens', oauth: grantOf(row), ...(opts.clientMetadata ? { clientMetadata: opts.clientMetadata } : {}) };
  if (client.RefreshTokenRotation?.Feature !== 'ENABLED') return issueTokens(core, pool, client, user, { ...base, originJti: row.origin_jti });
  const now = core.now();
  const until = now + (client.RefreshTokenRotation.RetryGracePeriodSeconds ?? 0) * 1000;
  await core.db.tx((tx) => tx.run('UPDATE cognito_refresh SET expires = ? WHERE origin_jti = ? AND expires > ?', [until, row.origin_jti, until]));
  return issueTokens(core, pool, client, user, { ...base, refreshExpires: Number(row.expires) });
}

/** An opaque refresh token in the five-part form of AWS's (encrypted JWT), random throughout. */
function newRefreshToken(): string {
  const header = Buffer.from(JSON.stringify({ cty: 'JWT', enc: 'A256GCM', alg: 'RSA-OAEP' })).toString('base64url');
  return [header, randomBytes(256).toString('base64url'), randomBytes(12).toString('base64url'), randomBytes(384).toString('base64url'), randomBytes(16).toString('base64url')].join('.');
}

export interface RefreshRow {
  pool_id: string;
  client_id: string;
  ukey: string;
  origin_jti: string;
  auth_time: number;
  expires: number;
  revoked: number;
  /** The scopes an OAuth 2.0 grant gave (space-separated); null for tokens from InitiateAuth. */
  scopes: string | null;
}

/** The OAuth 2.0 grant a refresh token came from, kept by the tokens it refreshes. */
export function grantOf(row: RefreshRow): IssueOptions['oauth'] {
  return row.scopes === null || row.scopes === undefined ? undefined : { scopes: row.scopes ? row.scopes.split(' ') : [], refreshToken: true };
}

export async function refreshRow(core: CognitoCore, token: string): Promise<RefreshRow | undefined> {
  return core.db.get<RefreshRow>('SELECT pool_id, client_id, ukey, origin_jti, auth_time, expires, revoked, scopes FROM cognito_refresh WHERE token_hash = ?', [hashToken(token)]);
}

export interface SignedIn {
  pool: StoredPool;
  user: StoredUser;
  claims: Record<string, unknown>;
}

/** The pool and user of a valid, unexpired, unrevoked access token. */
export async function verifyAccessToken(core: CognitoCore, token: string): Promise<SignedIn> {
  const decoded = decodeJwt(token);
  const iss = decoded?.claims.iss;
  const poolId = typeof iss === 'string' ? iss.slice(iss.lastIndexOf('/') + 1) : '';
  const pool = poolId ? await core.pool(poolId).catch(() => undefined) : undefined;
  if (!decoded || !pool || decoded.claims.token_use !== 'access') throw new NotAuthorizedException('Invalid Access Token');
  const key = await core.key(pool.Id);
  if (decoded.header.kid !== key.kid || !signatureValid(token, key)) throw new NotAuthorizedException('Invalid Access Token');
  const claims = decoded.claims;
  if (Number(claims.exp) * 1000 <= core.now()) throw new NotAuthorizedException('Access Token has expired');
  const origin = await core.db.get<{ revoked: number }>('SELECT revoked FROM cognito_refresh WHERE origin_jti = ?', [String(claims.origin_jti)]);
  if (!origin || origin.revoked) throw new NotAuthorizedException('Access Token has been revoked');
  const user = await core.userByKey(pool.Id, core.ukey(pool, String(claims.username)));
  if (!user) throw new UserNotFoundException('User does not exist.');
  if (!user.enabled) throw new NotAuthorizedException('User is disabled.');
  return { pool, user, claims };
}
