/**
 * The browser side of the hosted UI: /oauth2/authorize, /login (with its challenges), /signup,
 * /confirmUser, /logout and /error, with AWS's rules. A request whose client or redirect URI cannot
 * be trusted goes to the error page on the domain (`/error?error=redirect_mismatch`), never to the
 * URI it named; the other errors go to the registered redirect URI with `error` and `state`.
 */
import { createHmac } from 'node:crypto';
import { isAwsError } from '../../../aws/errors.js';
import type { CognitoCore, StoredClient, StoredUser } from '../core.js';
import { issueTokens } from '../auth/tokens.js';
import { AccountOps } from '../ops/account.js';
import { AuthOps } from '../ops/auth.js';
import { idpResponse, provider as providerOf, startFederation, type OidcProvider } from './federation.js';
import { endWebSession, newCode, newWebSession, webSession } from './grants.js';
import { COOKIE, cookie, form, html, redirect, sessionCookie, withParams, type DomainRequest } from './http.js';
import { challengePage, confirmPage, errorPage, loginPage, signupPage } from './pages.js';

const STANDARD_SCOPES = new Set(['openid', 'email', 'phone', 'profile', 'aws.cognito.signin.user.admin']);
const CHALLENGES = new Set(['NEW_PASSWORD_REQUIRED', 'SOFTWARE_TOKEN_MFA', 'SMS_MFA', 'EMAIL_OTP']);

/** An authorize request that passed every check. */
export interface Authorization {
  client: StoredClient;
  responseType: 'code' | 'token';
  redirectUri: string;
  scopes: string[];
  state?: string;
  nonce?: string;
  codeChallenge?: string;
  /** The identity provider the request names (`identity_provider`), other than COGNITO. */
  provider?: OidcProvider;
}

type Checked = { ok: Authorization } | { page: string; status: number } | { to: string };

export class HostedUi {
  private readonly auth: AuthOps;
  private readonly account: AccountOps;

  constructor(private readonly core: CognitoCore) {
    this.auth = new AuthOps(core);
    this.account = new AccountOps(core);
  }

  /** The client and redirect URI first (else the error page), then the rest (else an error sent to the redirect URI). */
  async check(d: DomainRequest, q: URLSearchParams): Promise<Checked> {
    const clientId = q.get('client_id') ?? '';
    const client = clientId ? await this.core.client(clientId).catch(() => undefined) : undefined;
    const errorAt = (error: string) => ({ to: withParams(`${d.base}/error`, { error, client_id: clientId || undefined }) });
    if (!client || client.UserPoolId !== d.pool.Id) return errorAt('invalid_request');
    const redirectUri = q.get('redirect_uri') ?? '';
    if (!redirectUri || !(client.CallbackURLs ?? []).includes(redirectUri)) return errorAt('redirect_mismatch');
    const state = q.get('state') ?? undefined;
    const fail = (error: string, description?: string) => ({ to: withParams(redirectUri, { error, error_description: description, state }) });
    const responseType = q.get('response_type');
    if (!responseType) return fail('invalid_request', 'response_type is required');
    if (responseType !== 'code' && responseType !== 'token') return fail('unsupported_response_type');
    if (!client.AllowedOAuthFlowsUserPoolClient || !(client.AllowedOAuthFlows ?? []).includes(responseType === 'code' ? 'code' : 'implicit')) return fail('unauthorized_client');
    const allowed = client.AllowedOAuthScopes ?? [];
    const scopeParam = q.get('scope');
    const scopes = scopeParam === null || scopeParam.trim() === '' ? [...allowed] : [...new Set(scopeParam.split(/[ +]+/).filter(Boolean))];
    if (scopes.some((s) => !allowed.includes(s))) return fail('invalid_scope');
    if (scopes.some((s) => s === 'email' || s === 'phone' || s === 'profile') && !scopes.includes('openid')) return fail('invalid_scope');
    const challenge = q.get('code_challenge') ?? undefined;
    const method = q.get('code_challenge_method') ?? undefined;
    // Cognito supports S256 only of PKCE's two methods.
    if ((challenge && method !== 'S256') || (method && !challenge)) return fail('invalid_request');
    if (challenge && !/^[A-Za-z0-9\-._~]{43,128}$/.test(challenge)) return fail('invalid_request');
    const provider = q.get('identity_provider') ?? undefined;
    const supported = client.SupportedIdentityProviders ?? [];
    const a: Authorization = { client, responseType, redirectUri, scopes, state, nonce: q.get('nonce') ?? undefined, codeChallenge: challenge };
    if (provider && provider !== 'COGNITO') {
      const p = supported.includes(provider) ? await providerOf(this.core, d.pool.Id, provider) : undefined;
      if (!p) return fail('invalid_request', 'Login option is not available. Please try another one');
      // Of the provider types, OIDC is the one Stratus federates with (SAML and social ones are recorded only).
      if (p.ProviderType !== 'OIDC') return fail('invalid_request', `Federation to ${p.ProviderType} providers is not served by Stratus's hosted UI`);
      return { ok: { ...a, provider: p } };
    }
    if (!supported.includes('COGNITO') && (provider === 'COGNITO' || !supported.length)) return fail('unauthorized_client', 'Login option is not available. Please try another one');
    return { ok: a };
  }

  private answerCheck(d: DomainRequest, checked: Exclude<Checked, { ok: Authorization }>): void {
    if ('to' in checked) redirect(d.res, checked.to);
    else html(d.res, checked.status, checked.page);
  }

  async authorize(d: DomainRequest): Promise<void> {
    const checked = await this.check(d, d.query);
    if (!('ok' in checked)) return this.answerCheck(d, checked);
    if (checked.ok.provider) return startFederation(this.core, d, checked.ok, checked.ok.provider);
    // A browser signed in to this pool within the hour goes straight back to the client.
    const session = await webSession(this.core, d.pool.Id, cookie(d.req, COOKIE));
    const user = session ? await this.core.userByKey(d.pool.Id, session.ukey) : undefined;
    if (session && user?.enabled && (user.status === 'CONFIRMED' || user.status === 'EXTERNAL_PROVIDER')) return redirect(d.res, await this.complete(d, checked.ok, user, session.authTime));
    redirect(d.res, `${d.base}/login?${d.query.toString()}`);
  }

  /** /oauth2/idpresponse: a federated sign-in, continued as a password sign-in is (browser session, then the client). */
  async idpResponse(d: DomainRequest): Promise<void> {
    return idpResponse(this.core, d, async (a, user) => {
      const authTime = this.core.now();
      const id = await newWebSession(this.core, d.pool.Id, { ukey: this.core.ukey(d.pool, user.Username), authTime });
      redirect(d.res, await this.complete(d, a, user, authTime), { 'set-cookie': sessionCookie(d, id) });
    });
  }

  /** Where a signed-in user goes: the redirect URI with a code, or with the tokens in the fragment. */
  private async complete(d: DomainRequest, a: Authorization, user: StoredUser, authTime: number): Promise<string> {
    const ukey = this.core.ukey(d.pool, user.Username);
    if (a.responseType === 'code') {
      const code = await newCode(this.core, d.pool.Id, { clientId: a.client.ClientId, ukey, authTime, redirectUri: a.redirectUri, scopes: a.scopes, ...(a.nonce ? { nonce: a.nonce } : {}), ...(a.codeChallenge ? { codeChallenge: a.codeChallenge } : {}) });
      return withParams(a.redirectUri, { code, state: a.state });
    }
    const tokens = await issueTokens(this.core, d.pool, a.client, user, { authTime, triggerSource: 'TokenGeneration_HostedAuth', oauth: { scopes: a.scopes, nonce: a.nonce, refreshToken: false } });
    return withParams(a.redirectUri, { id_token: tokens.IdToken, access_token: tokens.AccessToken, expires_in: String(tokens.ExpiresIn), token_type: 'Bearer', state: a.state }, true);
  }

  private secretHash(client: StoredClient, username: string): string | undefined {
    return client.ClientSecret ? createHmac('sha256', client.ClientSecret).update(username + client.ClientId).digest('base64') : undefined;
  }

  private links(d: DomainRequest) {
    const q = d.query.toString();
    return { login: `${d.base}/login?${q}`, signup: `${d.base}/signup?${q}`, confirm: `${d.base}/confirmUser?${q}` };
  }

  /** GET draws the form; POST signs in with a password, or answers the challenge that sign-in asked. */
  async login(d: DomainRequest): Promise<void> {
    const checked = await this.check(d, d.query);
    if (!('ok' in checked)) return this.answerCheck(d, checked);
    const a = checked.ok;
    const links = this.links(d);
    const supported = a.client.SupportedIdentityProviders ?? [];
    const cognito = supported.includes('COGNITO');
    const signupHref = d.pool.AdminCreateUserConfig?.AllowAdminCreateUserOnly || !cognito ? undefined : links.signup;
    // A button per identity provider of the client: /oauth2/authorize with the same request and that provider.
    const providers = supported.filter((p) => p !== 'COGNITO').map((name) => {
      const q = new URLSearchParams(d.query);
      q.set('identity_provider', name);
      return { name, href: `${d.base}/oauth2/authorize?${q.toString()}` };
    });
    if (d.req.method !== 'POST') return html(d.res, 200, loginPage({ action: links.login, signupHref, providers, passwordForm: cognito, notice: d.query.get('confirmed') ? 'Your account is confirmed. Sign in.' : undefined }));
    if (!cognito) return redirect(d.res, withParams(a.redirectUri, { error: 'unauthorized_client', error_description: 'Login option is not available. Please try another one', state: a.state }));
    const f = form(d.req);
    const username = f.get('username') ?? '';
    let signedIn: { user: StoredUser; authTime: number } | undefined;
    const done = async (user: StoredUser, authTime: number): Promise<void> => {
      signedIn = { user, authTime };
    };
    const challenge = f.get('challenge');
    try {
      const hash = this.secretHash(a.client, username);
      const answer = challenge && CHALLENGES.has(challenge)
        ? await this.auth.hostedRespond(d.pool, a.client, challenge, {
            USERNAME: username,
            ...(hash ? { SECRET_HASH: hash } : {}),
            ...(challenge === 'NEW_PASSWORD_REQUIRED' ? { NEW_PASSWORD: f.get('new_password') ?? '' } : { [challenge === 'SOFTWARE_TOKEN_MFA' ? 'SOFTWARE_TOKEN_MFA_CODE' : challenge === 'SMS_MFA' ? 'SMS_MFA_CODE' : 'EMAIL_OTP_CODE']: f.get('code') ?? '' }),
          }, f.get('session') ?? '', done)
        : await this.auth.hostedSignIn(d.pool, a.client, { USERNAME: username, PASSWORD: f.get('password') ?? '', ...(hash ? { SECRET_HASH: hash } : {}) }, done);
      if (signedIn) {
        const id = await newWebSession(this.core, d.pool.Id, { ukey: this.core.ukey(d.pool, signedIn.user.Username), authTime: signedIn.authTime });
        return redirect(d.res, await this.complete(d, a, signedIn.user, signedIn.authTime), { 'set-cookie': sessionCookie(d, id) });
      }
      const next = answer.ChallengeName ?? '';
      if (!CHALLENGES.has(next) || !answer.Session) return html(d.res, 200, loginPage({ action: links.login, signupHref, providers, passwordForm: cognito, error: `Sign-in needs ${next}, which the hosted UI does not offer.` }));
      const name = answer.ChallengeParameters?.USER_ID_FOR_SRP ?? username;
      return html(d.res, 200, challengePage({ action: links.login, challenge: next, session: answer.Session, username: name, destination: answer.ChallengeParameters?.CODE_DELIVERY_DESTINATION }));
    } catch (err) {
      if (!isAwsError(err)) throw err;
      if (err.code === 'UserNotConfirmedException') return redirect(d.res, withParams(links.confirm, { username }));
      // A wrong code keeps its session (AWS's lets the user try again); other failures start over.
      if (err.code === 'CodeMismatchException' && challenge) return html(d.res, 200, challengePage({ action: links.login, challenge, session: f.get('session') ?? '', username, error: err.message }));
      if (challenge === 'NEW_PASSWORD_REQUIRED' && err.code === 'InvalidPasswordException') return html(d.res, 200, loginPage({ action: links.login, signupHref, providers, passwordForm: cognito, error: `${err.message} Sign in again with your temporary password.` }));
      return html(d.res, 200, loginPage({ action: links.login, signupHref, providers, passwordForm: cognito, error: err.message, username }));
    }
  }

  /** The attributes sign-up asks for: the pool's required ones (email when it is the username attribute). */
  private signupAttributes(d: DomainRequest): string[] {
    const required = (d.pool.SchemaAttributes ?? []).filter((s) => s.Required && s.Name && s.Name !== 'sub').map((s) => s.Name!);
    for (const a of d.pool.AutoVerifiedAttributes ?? []) if (!required.includes(a)) required.push(a);
    return required;
  }

  async signup(d: DomainRequest): Promise<void> {
    const checked = await this.check(d, d.query);
    if (!('ok' in checked)) return this.answerCheck(d, checked);
    const a = checked.ok;
    const links = this.links(d);
    const attributes = this.signupAttributes(d);
    if (d.pool.AdminCreateUserConfig?.AllowAdminCreateUserOnly) return html(d.res, 400, errorPage('SignUp is not permitted for this user pool'));
    if (d.req.method !== 'POST') return html(d.res, 200, signupPage({ action: links.signup, loginHref: links.login, attributes }));
    const f = form(d.req);
    const username = f.get('username') ?? '';
    const values = Object.fromEntries([...f.entries()].filter(([k]) => k !== 'password'));
    try {
      const hash = this.secretHash(a.client, username);
      const out = await this.account.SignUp(undefined as never, {
        ClientId: a.client.ClientId,
        Username: username,
        Password: f.get('password') ?? '',
        UserAttributes: attributes.map((n) => ({ Name: n, Value: f.get(n) ?? '' })),
        ...(hash ? { SecretHash: hash } : {}),
      });
      if (out.UserConfirmed) return redirect(d.res, withParams(links.login, { confirmed: '1' }));
      return html(d.res, 200, confirmPage({ action: links.confirm, username, destination: out.CodeDeliveryDetails?.Destination }));
    } catch (err) {
      if (!isAwsError(err)) throw err;
      return html(d.res, 200, signupPage({ action: links.signup, loginHref: links.login, attributes, error: err.message, values }));
    }
  }

  async confirm(d: DomainRequest): Promise<void> {
    const checked = await this.check(d, d.query);
    if (!('ok' in checked)) return this.answerCheck(d, checked);
    const links = this.links(d);
    const username = (d.req.method === 'POST' ? form(d.req).get('username') : d.query.get('username')) ?? '';
    if (d.req.method !== 'POST') return html(d.res, 200, confirmPage({ action: links.confirm, username }));
    try {
      const hash = this.secretHash(checked.ok.client, username);
      await this.account.ConfirmSignUp(undefined as never, { ClientId: checked.ok.client.ClientId, Username: username, ConfirmationCode: form(d.req).get('code') ?? '', ...(hash ? { SecretHash: hash } : {}) });
      redirect(d.res, withParams(links.login, { confirmed: '1' }));
    } catch (err) {
      if (!isAwsError(err)) throw err;
      html(d.res, 200, confirmPage({ action: links.confirm, username, error: err.message }));
    }
  }

  /** Ends the browser's session; then to a registered sign-out URL, or back to the login page for the authorize parameters given. */
  async logout(d: DomainRequest): Promise<void> {
    const q = d.query;
    const clientId = q.get('client_id') ?? '';
    const client = clientId ? await this.core.client(clientId).catch(() => undefined) : undefined;
    if (!client || client.UserPoolId !== d.pool.Id) return redirect(d.res, withParams(`${d.base}/error`, { error: 'invalid_request', client_id: clientId || undefined }));
    const logoutUri = q.get('logout_uri');
    let to: string;
    if (logoutUri !== null) {
      if (!(client.LogoutURLs ?? []).includes(logoutUri)) return redirect(d.res, withParams(`${d.base}/error`, { error: 'redirect_mismatch', client_id: clientId }));
      to = logoutUri;
    } else if (q.get('redirect_uri') !== null && q.get('response_type') !== null) {
      const checked = await this.check(d, q);
      if (!('ok' in checked)) return this.answerCheck(d, checked);
      to = `${d.base}/login?${q.toString()}`;
    } else {
      return redirect(d.res, withParams(`${d.base}/error`, { error: 'invalid_request', client_id: clientId }));
    }
    await endWebSession(this.core, cookie(d.req, COOKIE));
    redirect(d.res, to, { 'set-cookie': sessionCookie(d, undefined) });
  }

  error(d: DomainRequest): void {
    const error = d.query.get('error') ?? 'invalid_request';
    const description = error === 'redirect_mismatch' ? 'The redirect URI is not one of the app client\'s callback or sign-out URLs.' : undefined;
    html(d.res, 400, errorPage(error, description));
  }
}
