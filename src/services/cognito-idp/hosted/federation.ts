/**
 * Sign-in through an OIDC identity provider of the pool, as the hosted UI does it: /oauth2/authorize
 * with `identity_provider` sends the browser to the provider's authorize endpoint (discovered from
 * `{oidc_issuer}/.well-known/openid-configuration` unless the provider names it), with
 * `/oauth2/idpresponse` on the domain serving the request as its redirect URI. There the code is
 * exchanged at the provider's token endpoint (client_secret_post), its id_token verified (RS256
 * signature from its JWKS, issuer, audience, expiry on the platform clock, the nonce Cognito sent),
 * the user created or updated as `{ProviderName}_{sub}` with status EXTERNAL_PROVIDER, and the
 * original authorize request continued. Errors go to the client's callback URL as
 * `error` and `error_description`, as AWS sends them.
 */
import { createPublicKey, randomBytes, randomUUID, verify } from 'node:crypto';
import { isAwsError } from '../../../aws/errors.js';
import type { Queryable } from '../../../storage/db.js';
import type { CognitoCore, StoredUser } from '../core.js';
import { decodeJwt } from '../crypto/tokens.js';
import { invokeTrigger } from '../triggers.js';
import type { Authorization } from './authorize.js';
import { putOnce, takeOnce } from './grants.js';
import { redirect, withParams, type DomainRequest } from './http.js';

export interface OidcProvider {
  ProviderName: string;
  ProviderType: string;
  ProviderDetails: Record<string, string>;
  AttributeMapping?: Record<string, string>;
}

/** What the browser's trip to the provider must come back with. */
interface FederationState {
  kind: 'idp';
  provider: string;
  nonce: string;
  idpRedirectUri: string;
  /** The authorize request being continued (its client by id, checked again on return). */
  clientId: string;
  responseType: 'code' | 'token';
  redirectUri: string;
  scopes: string[];
  state?: string;
  nonceFromClient?: string;
  codeChallenge?: string;
}

interface Endpoints {
  authorize: string;
  token: string;
  userInfo?: string;
  jwks: string;
}

/** Why a federated sign-in failed: sent to the client's callback URL. */
class FederationError extends Error {
  constructor(
    readonly error: string,
    description: string,
  ) {
    super(description);
  }
}

const STATE_PREFIX = 'idp-state:';

export async function provider(core: CognitoCore, poolId: string, name: string): Promise<OidcProvider | undefined> {
  const row = await core.db.get<{ doc: string }>('SELECT doc FROM cognito_providers WHERE pool_id = ? AND name = ?', [poolId, name]);
  return row ? (JSON.parse(row.doc) as OidcProvider) : undefined;
}

/** The provider's endpoints: those its details name, the rest from its discovery document. */
async function endpoints(p: OidcProvider): Promise<Endpoints> {
  const d = p.ProviderDetails;
  let discovered: Record<string, unknown> = {};
  if (!d.authorize_url || !d.token_url || !d.jwks_uri) {
    const url = `${d.oidc_issuer!.replace(/\/+$/, '')}/.well-known/openid-configuration`;
    const res = await fetch(url).catch(() => undefined);
    if (!res?.ok) throw new FederationError('invalid_request', `${p.ProviderName} Error - unable to read the OpenID configuration at ${url}`);
    discovered = (await res.json().catch(() => ({}))) as Record<string, unknown>;
  }
  const pick = (own: string | undefined, key: string) => own || (typeof discovered[key] === 'string' ? (discovered[key] as string) : undefined);
  const authorize = pick(d.authorize_url, 'authorization_endpoint');
  const token = pick(d.token_url, 'token_endpoint');
  const jwks = pick(d.jwks_uri, 'jwks_uri');
  if (!authorize || !token || !jwks) throw new FederationError('invalid_request', `${p.ProviderName} Error - the OpenID configuration lacks an endpoint`);
  return { authorize, token, jwks, userInfo: pick(d.attributes_url, 'userinfo_endpoint') };
}

/** Where the provider sends the browser back: `/oauth2/idpresponse` on the host (and path form) serving this request. */
function idpResponseUri(d: DomainRequest): string {
  const proto = String(d.req.headers['x-forwarded-proto'] ?? 'http').split(',')[0]!.trim();
  return `${proto}://${d.req.headers.host}${d.base}/oauth2/idpresponse`;
}

/** From /oauth2/authorize (or the login page's button): to the provider's sign-in. */
export async function startFederation(core: CognitoCore, d: DomainRequest, a: Authorization, p: OidcProvider): Promise<void> {
  const fail = (e: FederationError) => redirect(d.res, withParams(a.redirectUri, { error_description: e.message, error: e.error, state: a.state }));
  let ep: Endpoints;
  try {
    ep = await endpoints(p);
  } catch (err) {
    if (err instanceof FederationError) return fail(err);
    throw err;
  }
  const state = randomBytes(32).toString('base64url');
  const nonce = randomBytes(32).toString('base64url');
  const idpRedirectUri = idpResponseUri(d);
  const doc: FederationState = {
    kind: 'idp', provider: p.ProviderName, nonce, idpRedirectUri, clientId: a.client.ClientId, responseType: a.responseType, redirectUri: a.redirectUri, scopes: a.scopes,
    ...(a.state !== undefined ? { state: a.state } : {}), ...(a.nonce !== undefined ? { nonceFromClient: a.nonce } : {}), ...(a.codeChallenge ? { codeChallenge: a.codeChallenge } : {}),
  };
  await putOnce(core, d.pool.Id, STATE_PREFIX + state, doc);
  redirect(d.res, withParams(ep.authorize, { response_type: 'code', client_id: p.ProviderDetails.client_id, redirect_uri: idpRedirectUri, scope: p.ProviderDetails.authorize_scopes, state, nonce }));
}

async function postForm(url: string, body: Record<string, string>): Promise<{ status: number; json: Record<string, unknown> }> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' }, body: new URLSearchParams(body).toString() }).catch(() => undefined);
  if (!res) return { status: 0, json: { error: 'invalid_request', error_description: 'token endpoint unreachable' } };
  return { status: res.status, json: (await res.json().catch(() => ({}))) as Record<string, unknown> };
}

/** The provider's id_token claims, once its signature, issuer, audience, expiry and nonce hold. */
async function verifiedIdToken(core: CognitoCore, p: OidcProvider, ep: Endpoints, token: string, nonce: string): Promise<Record<string, unknown>> {
  const bad = (why: string) => new FederationError('invalid_request', `${p.ProviderName} Error - invalid id_token: ${why}`);
  const decoded = decodeJwt(token);
  if (!decoded) throw bad('not a JWT');
  if (decoded.header.alg !== 'RS256') throw bad(`unsupported algorithm ${String(decoded.header.alg)}`);
  const res = await fetch(ep.jwks).catch(() => undefined);
  const keys = res?.ok ? (((await res.json().catch(() => ({}))) as { keys?: Record<string, string>[] }).keys ?? []) : [];
  const kid = decoded.header.kid;
  const jwk = keys.find((k) => k.kty === 'RSA' && (kid === undefined || k.kid === kid));
  if (!jwk) throw bad('no key of the provider JWKS signed it');
  const [h, c, s] = token.split('.') as [string, string, string];
  if (!verify('sha256', Buffer.from(`${h}.${c}`), createPublicKey({ key: jwk as never, format: 'jwk' }), Buffer.from(s, 'base64url'))) throw bad('signature');
  const claims = decoded.claims;
  if (String(claims.iss).replace(/\/+$/, '') !== p.ProviderDetails.oidc_issuer!.replace(/\/+$/, '')) throw bad('issuer');
  const aud = Array.isArray(claims.aud) ? claims.aud : [claims.aud];
  if (!aud.includes(p.ProviderDetails.client_id)) throw bad('audience');
  if (typeof claims.exp !== 'number' || claims.exp * 1000 <= core.now()) throw bad('expired');
  if (claims.nonce !== nonce) throw bad('nonce');
  if (typeof claims.sub !== 'string' || !claims.sub) throw bad('no sub');
  return claims;
}

/** The provider's userInfo claims, asked with its access token (GET or POST as the details say). */
async function userInfo(p: OidcProvider, ep: Endpoints, accessToken: unknown): Promise<Record<string, unknown>> {
  if (!ep.userInfo || typeof accessToken !== 'string') return {};
  const res = await fetch(ep.userInfo, { method: p.ProviderDetails.attributes_request_method === 'POST' ? 'POST' : 'GET', headers: { authorization: `Bearer ${accessToken}`, accept: 'application/json' } }).catch(() => undefined);
  if (!res?.ok) throw new FederationError('invalid_request', `${p.ProviderName} Error - ${res?.status ?? 0} userInfo request failed`);
  return (await res.json().catch(() => ({}))) as Record<string, unknown>;
}

/** Pool attributes from the provider's claims through AttributeMapping (`username` maps to sub by default for OIDC). */
function mappedAttributes(p: OidcProvider, claims: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [attr, claim] of Object.entries(p.AttributeMapping ?? {})) {
    if (attr === 'username') continue;
    const v = claims[claim];
    if (v === undefined || v === null) continue;
    out[attr] = typeof v === 'string' ? v : typeof v === 'object' ? JSON.stringify(v) : String(v);
  }
  return out;
}

/**
 * Creates the federated user on first sign-in (after PreSignUp with `PreSignUp_ExternalProvider`,
 * whose error refuses the sign-in), or refreshes its mapped attributes; the user signed in.
 */
async function federatedUser(core: CognitoCore, d: DomainRequest, p: OidcProvider, clientId: string, claims: Record<string, unknown>): Promise<StoredUser> {
  const idpSub = String(claims[p.AttributeMapping?.username ?? 'sub'] ?? claims.sub);
  const username = `${p.ProviderName}_${idpSub}`;
  const ukey = core.ukey(d.pool, username);
  const attrs = mappedAttributes(p, claims);
  const refresh = async (tx: Queryable, existing: StoredUser): Promise<StoredUser> => {
    const user: StoredUser = { ...existing, attrs: { ...existing.attrs, ...attrs }, modified: core.now() };
    await core.putUser(tx, d.pool, user, { forceAlias: true });
    return user;
  };
  const known = await core.userByKey(d.pool.Id, ukey);
  if (known) return known.enabled ? core.db.tx((tx) => refresh(tx, known)) : known;
  const missing = (d.pool.SchemaAttributes ?? []).filter((s) => s.Required && s.Name && s.Name !== 'sub' && !attrs[s.Name]).map((s) => s.Name!);
  if (missing.length) throw new FederationError('invalid_request', `Invalid user attributes: ${missing.map((m) => `${m}: The attribute ${m} is required`).join(', ')}`);
  try {
    await invokeTrigger(core, d.pool, { trigger: 'PreSignUp', triggerSource: 'PreSignUp_ExternalProvider', userName: username, clientId, request: { userAttributes: attrs, validationData: null }, response: { autoConfirmUser: false, autoVerifyEmail: false, autoVerifyPhone: false } });
  } catch (err) {
    if (isAwsError(err)) throw new FederationError('invalid_request', err.message);
    throw err;
  }
  const now = core.now();
  // The `identities` attribute as AWS writes it for a federated user.
  const identities = [{ userId: idpSub, providerName: p.ProviderName, providerType: p.ProviderType, issuer: null, primary: true, dateCreated: now }];
  const created: StoredUser = { Username: username, sub: randomUUID(), attrs: { ...attrs, identities: JSON.stringify(identities) }, status: 'EXTERNAL_PROVIDER', enabled: true, created: now, modified: now, codes: {} };
  return core.db.tx(async (tx) => {
    // A sign-in of the same user that finished first: that user, refreshed.
    const raced = await core.userByKey(d.pool.Id, ukey, tx);
    if (raced) return refresh(tx, raced);
    await core.putUser(tx, d.pool, created, { forceAlias: true });
    return created;
  });
}

/**
 * /oauth2/idpresponse: the provider's answer. An unknown or spent state has nowhere trusted to go
 * and gets the error page; everything after it goes back to the client's callback URL.
 */
export async function idpResponse(core: CognitoCore, d: DomainRequest, finish: (a: Authorization, user: StoredUser) => Promise<void>): Promise<void> {
  const q = d.query;
  const taken = await takeOnce<FederationState>(core, d.pool.Id, STATE_PREFIX + (q.get('state') ?? ''));
  const client = taken?.kind === 'idp' ? await core.client(taken.clientId).catch(() => undefined) : undefined;
  if (!taken || taken.kind !== 'idp' || !client || client.UserPoolId !== d.pool.Id) return redirect(d.res, withParams(`${d.base}/error`, { error: 'invalid_request' }));
  const s = taken;
  const a: Authorization = { client, responseType: s.responseType, redirectUri: s.redirectUri, scopes: s.scopes, state: s.state, nonce: s.nonceFromClient, codeChallenge: s.codeChallenge };
  const back = (error: string, description: string) => redirect(d.res, withParams(s.redirectUri, { error_description: description, error, state: s.state }));
  const p = await provider(core, d.pool.Id, s.provider);
  if (!p || !(client.SupportedIdentityProviders ?? []).includes(p.ProviderName)) return back('invalid_request', 'Login option is not available. Please try another one');
  const idpError = q.get('error');
  if (idpError) return back(idpError, `${p.ProviderName} Error - 400 ${idpError}${q.get('error_description') ? ` ${q.get('error_description')}` : ''}`);
  const code = q.get('code');
  if (!code) return back('invalid_request', `${p.ProviderName} Error - no authorization code`);
  try {
    const ep = await endpoints(p);
    const exchanged = await postForm(ep.token, { grant_type: 'authorization_code', code, redirect_uri: s.idpRedirectUri, client_id: p.ProviderDetails.client_id!, ...(p.ProviderDetails.client_secret ? { client_secret: p.ProviderDetails.client_secret } : {}) });
    if (exchanged.status !== 200) {
      const e = String(exchanged.json.error ?? 'invalid_request');
      throw new FederationError(e, `${p.ProviderName} Error - ${exchanged.status} ${e}${exchanged.json.error_description ? ` ${String(exchanged.json.error_description)}` : ''}`);
    }
    if (typeof exchanged.json.id_token !== 'string') throw new FederationError('invalid_request', `${p.ProviderName} Error - the token response has no id_token`);
    const idClaims = await verifiedIdToken(core, p, ep, exchanged.json.id_token, s.nonce);
    const info = await userInfo(p, ep, exchanged.json.access_token);
    // userInfo's sub must be the id token's (OIDC Core 5.3.2); its other claims complete the id token's.
    if (info.sub !== undefined && info.sub !== idClaims.sub) throw new FederationError('invalid_request', `${p.ProviderName} Error - userInfo sub does not match the id_token`);
    const user = await federatedUser(core, d, p, client.ClientId, { ...idClaims, ...info });
    if (!user.enabled) return back('invalid_request', 'User is disabled.');
    return finish(a, user);
  } catch (err) {
    if (err instanceof FederationError) return back(err.error, err.message);
    throw err;
  }
}
