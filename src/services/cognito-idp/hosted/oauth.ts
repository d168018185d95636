/**
 * The OAuth 2.0 endpoints apps call directly: /oauth2/token (authorization_code with PKCE,
 * refresh_token, client_credentials), /oauth2/userInfo and /oauth2/revoke. Clients authenticate
 * with HTTP Basic or client_id (and client_secret) in the body; errors are AWS's JSON
 * `{"error": ...}` with its status codes.
 */
import { createHash, randomUUID, timingSafeEqual } from 'node:crypto';
import { isAwsError } from '../../../aws/errors.js';
import type { CognitoCore, StoredClient, StoredUser } from '../core.js';
import { ADMIN_SCOPE, applyClaims, issueTokens, refreshRow, refreshTokens, verifyAccessToken } from '../auth/tokens.js';
import { signJwt } from '../crypto/tokens.js';
import { allowedFlows, validityMs } from '../ops/clients.js';
import { invokeTrigger, triggerArn } from '../triggers.js';
import { takeCode } from './grants.js';
import { form, isForm, json, type DomainRequest } from './http.js';

class OAuthError extends Error {
  constructor(
    readonly error: string,
    readonly status = 400,
    readonly description?: string,
  ) {
    super(error);
  }
}

function sendError(d: DomainRequest, e: OAuthError): void {
  json(d.res, e.status, { error: e.error, ...(e.description ? { error_description: e.description } : {}) });
}

function same(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** The calling client: HTTP Basic (client_secret_basic), else client_id and client_secret in the body (client_secret_post). */
async function authenticateClient(core: CognitoCore, d: DomainRequest, f: URLSearchParams, status: number): Promise<StoredClient> {
  const header = d.req.headers.authorization ?? '';
  let id = f.get('client_id') ?? undefined;
  let secret = f.get('client_secret') ?? undefined;
  if (/^basic /i.test(header)) {
    const decoded = Buffer.from(header.slice(6).trim(), 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (colon < 0) throw new OAuthError('invalid_client', status);
    const basicId = decodeURIComponent(decoded.slice(0, colon));
    if (id !== undefined && id !== basicId) throw new OAuthError('invalid_client', status);
    id = basicId;
    secret = decodeURIComponent(decoded.slice(colon + 1));
  }
  if (!id) throw new OAuthError('invalid_request');
  const client = await core.client(id).catch(() => undefined);
  if (!client || client.UserPoolId !== d.pool.Id) throw new OAuthError('invalid_client', status);
  if (client.ClientSecret ? secret === undefined || !same(secret, client.ClientSecret) : secret !== undefined && secret !== '') throw new OAuthError('invalid_client', status);
  return client;
}

function s256(verifier: string): string {
  return createHash('sha256').update(verifier).digest('base64url');
}

function tokenJson(t: { IdToken?: string; AccessToken?: string; RefreshToken?: string; ExpiresIn?: number }): Record<string, unknown> {
  return { ...(t.IdToken ? { id_token: t.IdToken } : {}), access_token: t.AccessToken, ...(t.RefreshToken ? { refresh_token: t.RefreshToken } : {}), expires_in: t.ExpiresIn, token_type: 'Bearer' };
}

export class OAuthEndpoints {
  constructor(private readonly core: CognitoCore) {}

  async token(d: DomainRequest): Promise<void> {
    try {
      if (d.req.method !== 'POST') throw new OAuthError('invalid_request', 405);
      if (!isForm(d.req)) throw new OAuthError('invalid_request');
      const f = form(d.req);
      const grant = f.get('grant_type');
      if (!grant) throw new OAuthError('invalid_request');
      if (grant !== 'authorization_code' && grant !== 'refresh_token' && grant !== 'client_credentials') throw new OAuthError('unsupported_grant_type');
      const client = await authenticateClient(this.core, d, f, 400);
      if (!client.AllowedOAuthFlowsUserPoolClient && grant !== 'refresh_token') throw new OAuthError('unauthorized_client');
      const body = grant === 'authorization_code' ? await this.codeGrant(d, client, f) : grant === 'refresh_token' ? await this.refreshGrant(d, client, f) : await this.clientCredentials(d, client, f);
      json(d.res, 200, body);
    } catch (err) {
      if (err instanceof OAuthError) return sendError(d, err);
      throw err;
    }
  }

  private async codeGrant(d: DomainRequest, client: StoredClient, f: URLSearchParams): Promise<Record<string, unknown>> {
    if (!(client.AllowedOAuthFlows ?? []).includes('code')) throw new OAuthError('unauthorized_client');
    const code = f.get('code');
    const redirectUri = f.get('redirect_uri');
    if (!code || !redirectUri) throw new OAuthError('invalid_request');
    // Taken (spent) before it is checked: a code that failed once cannot be tried again.
    const grant = await takeCode(this.core, d.pool.Id, code);
    if (!grant || grant.clientId !== client.ClientId || grant.redirectUri !== redirectUri) throw new OAuthError('invalid_grant');
    if (grant.codeChallenge) {
      const verifier = f.get('code_verifier');
      if (!verifier || !same(s256(verifier), grant.codeChallenge)) throw new OAuthError('invalid_grant');
    }
    const user = await this.core.userByKey(d.pool.Id, grant.ukey);
    if (!user || !user.enabled) throw new OAuthError('invalid_grant');
    const tokens = await this.issue(d, client, user, grant.authTime, { scopes: grant.scopes, nonce: grant.nonce, refreshToken: true });
    return tokenJson(tokens);
  }

  private async refreshGrant(d: DomainRequest, client: StoredClient, f: URLSearchParams): Promise<Record<string, unknown>> {
    if (!allowedFlows(client).has('ALLOW_REFRESH_TOKEN_AUTH')) throw new OAuthError('unauthorized_client');
    const token = f.get('refresh_token');
    if (!token) throw new OAuthError('invalid_request');
    const row = await refreshRow(this.core, token);
    if (!row || row.client_id !== client.ClientId || row.revoked || row.expires <= this.core.now()) throw new OAuthError('invalid_grant');
    const user = await this.core.userByKey(d.pool.Id, row.ukey);
    if (!user || !user.enabled) throw new OAuthError('invalid_grant');
    const tokens = await refreshTokens(this.core, d.pool, client, user, row);
    return tokenJson(tokens);
  }

  private async issue(d: DomainRequest, client: StoredClient, user: StoredUser, authTime: number, oauth: { scopes: string[]; nonce?: string; refreshToken: boolean }) {
    try {
      return await issueTokens(this.core, d.pool, client, user, { authTime, triggerSource: 'TokenGeneration_HostedAuth', oauth });
    } catch (err) {
      // A PreTokenGeneration trigger that failed: the grant is refused, as AWS refuses it.
      if (isAwsError(err)) throw new OAuthError('invalid_request', 400, err.message);
      throw err;
    }
  }

  /** Machine-to-machine: an access token for the client itself, with the resource-server scopes asked for (all the client's when none). */
  private async clientCredentials(d: DomainRequest, client: StoredClient, f: URLSearchParams): Promise<Record<string, unknown>> {
    if (!(client.AllowedOAuthFlows ?? []).includes('client_credentials')) throw new OAuthError('unauthorized_client');
    if (!client.ClientSecret) throw new OAuthError('invalid_client');
    const custom = (client.AllowedOAuthScopes ?? []).filter((s) => s.includes('/'));
    const asked = (f.get('scope') ?? '').split(/[ +]+/).filter(Boolean);
    if (asked.some((s) => !custom.includes(s))) throw new OAuthError('invalid_scope');
    const scopes = asked.length ? [...new Set(asked)] : custom;
    if (!scopes.length) throw new OAuthError('invalid_scope');
    const iat = Math.floor(this.core.now() / 1000);
    const expiresIn = Math.floor(validityMs(client).access / 1000);
    const claims: Record<string, unknown> = { sub: client.ClientId, token_use: 'access', scope: scopes.join(' '), auth_time: iat, iss: this.core.issuer(d.pool), exp: iat + expiresIn, iat, version: 2, jti: randomUUID(), client_id: client.ClientId };
    await this.machineTokenTrigger(d, client, claims, scopes, f.get('aws_client_metadata'));
    return { access_token: signJwt(await this.core.key(d.pool.Id), claims), expires_in: expiresIn, token_type: 'Bearer' };
  }

  /**
   * PreTokenGeneration for a client-credentials grant: only with the V3_0 event, only in pools of
   * the Essentials or Plus tier (AWS's rule). The event is AWS's: userName `ClientCredentials`, no
   * attributes or groups, the granted scopes, and the `aws_client_metadata` JSON the request gave;
   * its accessTokenGeneration adds, overrides or suppresses claims and scopes.
   */
  private async machineTokenTrigger(d: DomainRequest, client: StoredClient, claims: Record<string, unknown>, scopes: string[], metadataParam: string | null): Promise<void> {
    const config = d.pool.LambdaConfig?.PreTokenGenerationConfig;
    if (config?.LambdaVersion !== 'V3_0' || !triggerArn(d.pool, 'PreTokenGeneration') || (d.pool.UserPoolTier ?? 'ESSENTIALS') === 'LITE') return;
    let clientMetadata: Record<string, string> | undefined;
    if (metadataParam !== null) {
      try {
        clientMetadata = JSON.parse(metadataParam) as Record<string, string>;
      } catch {
        throw new OAuthError('invalid_request');
      }
      if (!clientMetadata || typeof clientMetadata !== 'object' || Array.isArray(clientMetadata)) throw new OAuthError('invalid_request');
    }
    let response;
    try {
      response = await invokeTrigger(this.core, d.pool, {
        trigger: 'PreTokenGeneration', triggerSource: 'TokenGeneration_ClientCredentials', userName: 'ClientCredentials', clientId: client.ClientId, version: '3',
        request: { userAttributes: {}, groupConfiguration: null, scopes, ...(clientMetadata ? { clientMetadata } : {}) },
        response: { claimsAndScopeOverrideDetails: null },
      });
    } catch (err) {
      if (isAwsError(err)) throw new OAuthError('invalid_request', 400, err.message);
      throw err;
    }
    const at = (response?.claimsAndScopeOverrideDetails as { accessTokenGeneration?: { scopesToAdd?: string[]; scopesToSuppress?: string[] } } | null | undefined)?.accessTokenGeneration;
    if (!at) return;
    applyClaims(claims, at);
    let granted = scopes.filter((s) => !(at.scopesToSuppress ?? []).includes(s));
    granted = [...new Set([...granted, ...(at.scopesToAdd ?? [])])];
    claims.scope = granted.join(' ');
  }

  /** The signed-in user's attributes, for an access token carrying `openid` (or the user-pool admin scope). */
  async userInfo(d: DomainRequest): Promise<void> {
    const header = d.req.headers.authorization ?? '';
    const bad = (status: number, error: string, description: string) =>
      json(d.res, status, { error, error_description: description }, { 'www-authenticate': `error="${error}", error_description="${description}"` });
    if (d.req.method !== 'GET' && d.req.method !== 'POST') return bad(400, 'invalid_request', 'Bad OAuth2 request at UserInfo Endpoint');
    if (!/^bearer /i.test(header)) return bad(400, 'invalid_request', 'Bad OAuth2 request at UserInfo Endpoint');
    let signed;
    try {
      signed = await verifyAccessToken(this.core, header.slice(7).trim());
    } catch (err) {
      if (!isAwsError(err)) throw err;
      return bad(401, 'invalid_token', 'Access token is expired, disabled, or deleted, or the user has globally signed out.');
    }
    const scopes = String(signed.claims.scope ?? '').split(' ');
    if (signed.pool.Id !== d.pool.Id) return bad(401, 'invalid_token', 'Access token is expired, disabled, or deleted, or the user has globally signed out.');
    if (!scopes.includes('openid') && !scopes.includes(ADMIN_SCOPE)) return bad(401, 'invalid_token', 'Access token does not contain openid scope');
    const client = await this.core.client(String(signed.claims.client_id)).catch(() => undefined);
    const info: Record<string, string> = { sub: signed.user.sub };
    for (const [name, value] of Object.entries(signed.user.attrs)) {
      if (name.startsWith('dev:')) continue;
      if (!client?.ReadAttributes || client.ReadAttributes.includes(name)) info[name] = value;
    }
    info.username = signed.user.Username;
    json(d.res, 200, info);
  }

  /** Revokes a refresh token and the access tokens it gave; 200 for a token that is unknown. */
  async revoke(d: DomainRequest): Promise<void> {
    try {
      if (d.req.method !== 'POST' || !isForm(d.req)) throw new OAuthError('invalid_request');
      const f = form(d.req);
      const client = await authenticateClient(this.core, d, f, 401);
      const token = f.get('token');
      if (!token) throw new OAuthError('invalid_request');
      if (client.EnableTokenRevocation === false) throw new OAuthError('invalid_request');
      if (token.split('.').length === 3) throw new OAuthError('unsupported_token_type');
      const row = await refreshRow(this.core, token);
      if (row && row.client_id === client.ClientId) await this.core.db.tx((tx) => tx.run('UPDATE cognito_refresh SET revoked = 1 WHERE origin_jti = ?', [row.origin_jti]));
      d.res.writeHead(200, { 'content-length': 0, 'cache-control': 'no-store' });
      d.res.end();
    } catch (err) {
      if (err instanceof OAuthError) return sendError(d, err);
      throw err;
    }
  }
}
