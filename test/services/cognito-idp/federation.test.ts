import assert from 'node:assert/strict';
import { createHash, generateKeyPairSync, randomBytes, randomUUID, sign } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import {
  AdminGetUserCommand,
  CognitoIdentityProviderClient,
  CreateIdentityProviderCommand,
  CreateUserPoolClientCommand,
  CreateUserPoolCommand,
  CreateUserPoolDomainCommand,
  ListUsersCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { CognitoJwtVerifier } from 'aws-jwt-verify';
import { LambdaClient } from '@aws-sdk/client-lambda';
import { clientConfig, type TestServer } from '../../helpers/server.js';
import { createFunction, SERVICES } from '../../lambda/helpers.js';
import { chromium, type Browser } from 'playwright-core';
import { CHROMIUM } from '../../helpers/chromium.js';
import { cognitoServer } from './helpers.js';

const DOMAIN = 'stratus-federation';
const IDP_CLIENT = 'corp-client';
const IDP_SECRET = 'corp-secret';

/**
 * A small OIDC provider: discovery, an authorize endpoint that signs in `nextUser` at once and
 * redirects back with a code, a token endpoint issuing an RS256 id_token, userInfo and the JWKS.
 * `mode` makes it misbehave the ways a test needs.
 */
class TinyOidcProvider {
  server!: Server;
  issuer = '';
  nextUser = { sub: 'u-1', email: 'grace@corp.example', name: 'Grace' };
  mode: 'ok' | 'tamper' | 'wrong-aud' | 'wrong-nonce' | 'deny' = 'ok';
  lastAuthorize?: URLSearchParams;
  lastTokenRequest?: URLSearchParams;
  private readonly key = generateKeyPairSync('rsa', { modulusLength: 2048 });
  private readonly codes = new Map<string, { nonce: string; redirectUri: string; user: { sub: string; email: string; name: string } }>();
  private readonly tokens = new Map<string, { sub: string; email: string; name: string }>();

  async start(): Promise<void> {
    this.server = createServer((req, res) => void this.handle(req).then(({ status, headers, body }) => {
      res.writeHead(status, headers);
      res.end(body);
    }));
    await new Promise<void>((r) => this.server.listen(0, '127.0.0.1', r));
    this.issuer = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/realm`;
  }

  private signed(claims: Record<string, unknown>): string {
    const head = `${Buffer.from(JSON.stringify({ alg: 'RS256', kid: 'k1', typ: 'JWT' })).toString('base64url')}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}`;
    return `${head}.${sign('sha256', Buffer.from(head), this.key.privateKey).toString('base64url')}`;
  }

  private async handle(req: IncomingMessage): Promise<{ status: number; headers: Record<string, string>; body?: string }> {
    const url = new URL(req.url ?? '/', this.issuer);
    const json = (status: number, v: unknown) => ({ status, headers: { 'content-type': 'application/json' }, body: JSON.stringify(v) });
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    switch (url.pathname) {
      case '/realm/.well-known/openid-configuration':
        return json(200, { issuer: this.issuer, authorization_endpoint: `${this.issuer}/authorize`, token_endpoint: `${this.issuer}/token`, userinfo_endpoint: `${this.issuer}/userinfo`, jwks_uri: `${this.issuer}/jwks` });
      case '/realm/jwks':
        return json(200, { keys: [{ ...this.key.publicKey.export({ format: 'jwk' }), kid: 'k1', alg: 'RS256', use: 'sig' }] });
      case '/realm/authorize': {
        this.lastAuthorize = url.searchParams;
        const back = new URL(url.searchParams.get('redirect_uri')!);
        back.searchParams.set('state', url.searchParams.get('state')!);
        if (this.mode === 'deny') {
          back.searchParams.set('error', 'access_denied');
          back.searchParams.set('error_description', 'The user said no');
        } else {
          const code = randomUUID();
          this.codes.set(code, { nonce: url.searchParams.get('nonce')!, redirectUri: url.searchParams.get('redirect_uri')!, user: { ...this.nextUser } });
          back.searchParams.set('code', code);
        }
        return { status: 302, headers: { location: back.toString() } };
      }
      case '/realm/token': {
        const f = new URLSearchParams(Buffer.concat(chunks).toString());
        this.lastTokenRequest = f;
        const grant = this.codes.get(f.get('code') ?? '');
        this.codes.delete(f.get('code') ?? '');
        if (f.get('client_id') !== IDP_CLIENT || f.get('client_secret') !== IDP_SECRET) return json(401, { error: 'invalid_client' });
        if (!grant || grant.redirectUri !== f.get('redirect_uri')) return json(400, { error: 'invalid_grant', error_description: 'Code not valid' });
        const now = Math.floor(Date.now() / 1000);
        const claims = { iss: this.issuer, aud: this.mode === 'wrong-aud' ? 'someone-else' : IDP_CLIENT, sub: grant.user.sub, email: grant.user.email, iat: now, exp: now + 300, nonce: this.mode === 'wrong-nonce' ? 'other' : grant.nonce };
        let idToken = this.signed(claims);
        if (this.mode === 'tamper') {
          const [h, , s] = idToken.split('.');
          idToken = `${h}.${Buffer.from(JSON.stringify({ ...claims, sub: 'admin' })).toString('base64url')}.${s}`;
        }
        const access = randomBytes(16).toString('hex');
        this.tokens.set(access, grant.user);
        return json(200, { access_token: access, token_type: 'Bearer', expires_in: 300, id_token: idToken });
      }
      case '/realm/userinfo': {
        const user = this.tokens.get((req.headers.authorization ?? '').replace(/^Bearer /, ''));
        return user ? json(200, user) : json(401, { error: 'invalid_token' });
      }
      default:
        return json(404, { error: 'not_found' });
    }
  }
}

describe('Cognito hosted UI: OIDC federation', () => {
  let server: TestServer;
  let idp: CognitoIdentityProviderClient;
  const provider = new TinyOidcProvider();
  let UserPoolId: string;
  let ClientId: string;
  let base: string;
  let lambda: LambdaClient;
  // The app's callback: a page for the browser test (the HTTP tests stop at its URL).
  let callback: Server;
  let callbackUrl: string;

  const authorize = (extra: Record<string, string> = {}) =>
    `${base}/oauth2/authorize?${new URLSearchParams({ response_type: 'code', client_id: ClientId, redirect_uri: callbackUrl, state: 'app-state', scope: 'openid email profile', ...extra }).toString()}`;

  /** Follows redirects by hand (cookies kept) until the client's callback URL; that URL, and each hop. */
  async function follow(start: string, cookies = new Map<string, string>()): Promise<{ end: URL; hops: string[] }> {
    const hops: string[] = [];
    let url = start;
    for (let i = 0; i < 10; i++) {
      if (url.startsWith(callbackUrl)) return { end: new URL(url), hops };
      hops.push(url);
      const res = await fetch(url, { redirect: 'manual', headers: { cookie: [...cookies].map(([k, v]) => `${k}=${v}`).join('; ') } });
      for (const c of res.headers.getSetCookie()) {
        const [pair] = c.split(';');
        const eq = pair!.indexOf('=');
        cookies.set(pair!.slice(0, eq), pair!.slice(eq + 1));
      }
      assert.equal(res.status, 302, `${url} answered ${res.status}: ${await res.text()}`);
      url = new URL(res.headers.get('location')!, url).toString();
    }
    throw new Error('too many redirects');
  }

  before(async () => {
    await provider.start();
    callback = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end('<!doctype html><title>callback</title>');
    });
    await new Promise<void>((r) => callback.listen(0, '127.0.0.1', r));
    callbackUrl = `http://localhost:${(callback.address() as AddressInfo).port}/callback`;
    ({ server, idp } = await cognitoServer(SERVICES, { config: { services: { lambda: { idleTimeoutSeconds: 600 } } } }));
    lambda = new LambdaClient(clientConfig(server.endpoint));
    UserPoolId = (await idp.send(new CreateUserPoolCommand({ PoolName: 'federation' }))).UserPool!.Id!;
    await idp.send(new CreateUserPoolDomainCommand({ UserPoolId, Domain: DOMAIN }));
    base = `${server.endpoint}/_aws/cognito/${DOMAIN}`;
    await idp.send(new CreateIdentityProviderCommand({
      UserPoolId,
      ProviderName: 'Corp',
      ProviderType: 'OIDC',
      ProviderDetails: { client_id: IDP_CLIENT, client_secret: IDP_SECRET, authorize_scopes: 'openid email profile', oidc_issuer: provider.issuer, attributes_request_method: 'GET' },
      AttributeMapping: { email: 'email', name: 'name' },
    }));
    ClientId = (await idp.send(new CreateUserPoolClientCommand({
      UserPoolId,
      ClientName: 'web',
      AllowedOAuthFlowsUserPoolClient: true,
      AllowedOAuthFlows: ['code'],
      AllowedOAuthScopes: ['openid', 'email', 'profile'],
      CallbackURLs: [callbackUrl],
      SupportedIdentityProviders: ['COGNITO', 'Corp'],
    }))).UserPoolClient!.ClientId!;
  });
  after(async () => {
    idp.destroy();
    lambda.destroy();
    await new Promise((r) => provider.server.close(r));
    await new Promise((r) => callback.close(r));
    await server.stop();
  });

  it('authorize with identity_provider goes to the provider, back through /oauth2/idpresponse, and ends in tokens for Corp_{sub} that aws-jwt-verify accepts', async () => {
    provider.mode = 'ok';
    const verifier = randomBytes(32).toString('base64url');
    const challenge = createHash('sha256').update(verifier).digest('base64url');
    const { end, hops } = await follow(authorize({ identity_provider: 'Corp', code_challenge: challenge, code_challenge_method: 'S256', nonce: 'app-nonce' }));
    // The provider was asked as Cognito asks: its client, scopes, a state and nonce of Cognito's, the idpresponse redirect.
    assert.ok(hops[1]!.startsWith(`${provider.issuer}/authorize?`));
    const asked = provider.lastAuthorize!;
    assert.equal(asked.get('client_id'), IDP_CLIENT);
    assert.equal(asked.get('response_type'), 'code');
    assert.equal(asked.get('scope'), 'openid email profile');
    assert.equal(asked.get('redirect_uri'), `${base}/oauth2/idpresponse`);
    assert.ok(asked.get('state') && asked.get('state') !== 'app-state');
    assert.ok(asked.get('nonce') && asked.get('nonce') !== 'app-nonce');
    assert.equal(provider.lastTokenRequest!.get('redirect_uri'), `${base}/oauth2/idpresponse`);
    assert.equal(end.searchParams.get('state'), 'app-state');
    const code = end.searchParams.get('code')!;
    assert.ok(code, end.toString());
    const res = await fetch(`${base}/oauth2/token`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ grant_type: 'authorization_code', client_id: ClientId, code, redirect_uri: callbackUrl, code_verifier: verifier }).toString() });
    const tokens = (await res.json()) as Record<string, string>;
    assert.equal(res.status, 200, JSON.stringify(tokens));
    const jwks = await (await fetch(`${server.endpoint}/${UserPoolId}/.well-known/jwks.json`)).json();
    const idVerifier = CognitoJwtVerifier.create({ userPoolId: UserPoolId, tokenUse: 'id', clientId: ClientId });
    idVerifier.cacheJwks(jwks);
    const accessVerifier = CognitoJwtVerifier.create({ userPoolId: UserPoolId, tokenUse: 'access', clientId: ClientId });
    accessVerifier.cacheJwks(jwks);
    const id = await idVerifier.verify(tokens.id_token!);
    assert.equal(id['cognito:username'], 'Corp_u-1');
    assert.equal(id.email, 'grace@corp.example');
    assert.equal(id.name, 'Grace');
    assert.equal(id.nonce, 'app-nonce');
    const identities = id.identities as unknown as Record<string, unknown>[];
    assert.equal(identities.length, 1);
    assert.deepEqual({ ...identities[0], dateCreated: undefined }, { userId: 'u-1', providerName: 'Corp', providerType: 'OIDC', issuer: null, primary: 'true', dateCreated: undefined });
    assert.match(String(identities[0]!.dateCreated), /^\d+$/);
    assert.equal((await accessVerifier.verify(tokens.access_token!)).username, 'Corp_u-1');
    const user = await idp.send(new AdminGetUserCommand({ UserPoolId, Username: 'Corp_u-1' }));
    assert.equal(user.UserStatus, 'EXTERNAL_PROVIDER');
    const stored = JSON.parse(user.UserAttributes!.find((a) => a.Name === 'identities')!.Value!) as Record<string, unknown>[];
    assert.equal(stored[0]!.userId, 'u-1');
    assert.equal(stored[0]!.primary, true);
    // The userInfo endpoint of the pool answers for the federated user too.
    const info = (await (await fetch(`${base}/oauth2/userInfo`, { headers: { authorization: `Bearer ${tokens.access_token}` } })).json()) as Record<string, string>;
    assert.equal(info.username, 'Corp_u-1');
    assert.equal(info.email, 'grace@corp.example');
  });

  it('headless Chromium on the domain host: the login page\'s button, the provider, /oauth2/idpresponse on that host, the callback; then signed in without the provider', { skip: !CHROMIUM }, async () => {
    provider.mode = 'ok';
    provider.nextUser = { sub: 'u-browser', email: 'ada@corp.example', name: 'Ada' };
    const port = new URL(server.endpoint).port;
    const host = `http://${DOMAIN}.auth.us-east-1.localhost:${port}`;
    const query = new URLSearchParams({ response_type: 'code', client_id: ClientId, redirect_uri: callbackUrl, state: 'browser', scope: 'openid email' }).toString();
    let browser: Browser | undefined;
    try {
      browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
      const page = await browser.newPage();
      await page.goto(`${host}/login?${query}`);
      assert.equal(await page.title(), 'Sign in');
      await Promise.all([page.waitForURL((u) => u.toString().startsWith(callbackUrl)), page.getByRole('link', { name: 'Sign in with Corp' }).click()]);
      const first = new URL(page.url());
      assert.equal(first.searchParams.get('state'), 'browser');
      assert.ok(first.searchParams.get('code'));
      assert.equal(provider.lastAuthorize!.get('redirect_uri'), `${host}/oauth2/idpresponse`);
      // The browser's session on the domain: authorize without a provider goes straight back.
      const asked = provider.lastAuthorize;
      await page.goto(`${host}/oauth2/authorize?${query}`);
      assert.ok(page.url().startsWith(callbackUrl));
      assert.ok(new URL(page.url()).searchParams.get('code'));
      assert.equal(provider.lastAuthorize, asked);
    } finally {
      await browser?.close();
    }
    assert.equal((await idp.send(new AdminGetUserCommand({ UserPoolId, Username: 'Corp_u-browser' }))).UserStatus, 'EXTERNAL_PROVIDER');
  });

  it('a second sign-in links to the same user and refreshes its mapped attributes', async () => {
    provider.mode = 'ok';
    provider.nextUser = { sub: 'u-1', email: 'grace.h@corp.example', name: 'Grace H' };
    const { end } = await follow(authorize({ identity_provider: 'Corp' }));
    assert.ok(end.searchParams.get('code'));
    const users = await idp.send(new ListUsersCommand({ UserPoolId }));
    assert.deepEqual(users.Users!.map((u) => u.Username).filter((n) => n!.startsWith('Corp_u-1')), ['Corp_u-1']);
    const user = await idp.send(new AdminGetUserCommand({ UserPoolId, Username: 'Corp_u-1' }));
    assert.equal(user.UserAttributes!.find((a) => a.Name === 'email')!.Value, 'grace.h@corp.example');
  });

  it('the login page offers the provider; its button starts the same federation', async () => {
    const page = await (await fetch(authorize().replace('/oauth2/authorize', '/login'))).text();
    const href = /<a class="idp" href="([^"]+)">Sign in with Corp<\/a>/.exec(page)?.[1]?.replace(/&amp;/g, '&');
    assert.ok(href, page);
    provider.mode = 'ok';
    provider.nextUser = { sub: 'u-2', email: 'linus@corp.example', name: 'Linus' };
    const { end } = await follow(new URL(href, server.endpoint).toString());
    assert.ok(end.searchParams.get('code'));
    assert.equal((await idp.send(new AdminGetUserCommand({ UserPoolId, Username: 'Corp_u-2' }))).UserStatus, 'EXTERNAL_PROVIDER');
  });

  it('a tampered id_token, a wrong audience or nonce are refused at the callback, and no user is created', async () => {
    for (const [mode, why] of [['tamper', 'signature'], ['wrong-aud', 'audience'], ['wrong-nonce', 'nonce']] as const) {
      provider.mode = mode;
      provider.nextUser = { sub: `bad-${mode}`, email: 'mallory@corp.example', name: 'Mallory' };
      const { end } = await follow(authorize({ identity_provider: 'Corp' }));
      assert.equal(end.searchParams.get('code'), null);
      assert.equal(end.searchParams.get('error'), 'invalid_request');
      assert.equal(end.searchParams.get('error_description'), `Corp Error - invalid id_token: ${why}`);
      assert.equal(end.searchParams.get('state'), 'app-state');
    }
    const users = await idp.send(new ListUsersCommand({ UserPoolId }));
    assert.ok(!users.Users!.some((u) => /bad-|admin/.test(u.Username!)));
  });

  it('the provider\'s error comes back to the client with its name; unknown providers and spent states are refused', async () => {
    provider.mode = 'deny';
    const { end } = await follow(authorize({ identity_provider: 'Corp' }));
    assert.equal(end.searchParams.get('error'), 'access_denied');
    assert.equal(end.searchParams.get('error_description'), 'Corp Error - 400 access_denied The user said no');
    const unknown = await follow(authorize({ identity_provider: 'Nobody' }));
    assert.equal(unknown.end.searchParams.get('error'), 'invalid_request');
    assert.equal(unknown.end.searchParams.get('error_description'), 'Login option is not available. Please try another one');
    // A state Cognito never issued (or one already used) has no trusted callback: the error page.
    const forged = await fetch(`${base}/oauth2/idpresponse?code=x&state=forged`, { redirect: 'manual' });
    assert.equal(forged.status, 302);
    assert.equal(new URL(forged.headers.get('location')!, base).pathname, `/_aws/cognito/${DOMAIN}/error`);
  });

  it('PreSignUp runs as PreSignUp_ExternalProvider on a federated user\'s first sign-in; its error refuses the sign-in', async () => {
    await createFunction(lambda, 'federated-pre-signup', {
      'index.js': `exports.handler = async (event) => {
        if (event.triggerSource !== 'PreSignUp_ExternalProvider' || !event.userName.startsWith('Corp_') || !event.callerContext.clientId) throw new Error('bad event ' + JSON.stringify(event));
        if (event.request.userAttributes.email.endsWith('@blocked.example')) throw new Error('Domain blocked');
        return event;
      };`,
    });
    const guarded = (await idp.send(new CreateUserPoolCommand({ PoolName: 'guarded', LambdaConfig: { PreSignUp: 'arn:aws:lambda:us-east-1:000000000000:function:federated-pre-signup' } }))).UserPool!.Id!;
    await idp.send(new CreateUserPoolDomainCommand({ UserPoolId: guarded, Domain: 'stratus-guarded' }));
    await idp.send(new CreateIdentityProviderCommand({
      UserPoolId: guarded, ProviderName: 'Corp', ProviderType: 'OIDC',
      ProviderDetails: { client_id: IDP_CLIENT, client_secret: IDP_SECRET, authorize_scopes: 'openid email', oidc_issuer: provider.issuer, attributes_request_method: 'GET' },
      AttributeMapping: { email: 'email' },
    }));
    const client = (await idp.send(new CreateUserPoolClientCommand({ UserPoolId: guarded, ClientName: 'web', AllowedOAuthFlowsUserPoolClient: true, AllowedOAuthFlows: ['code'], AllowedOAuthScopes: ['openid', 'email'], CallbackURLs: [callbackUrl], SupportedIdentityProviders: ['Corp'] }))).UserPoolClient!.ClientId!;
    const start = `${server.endpoint}/_aws/cognito/stratus-guarded/oauth2/authorize?${new URLSearchParams({ response_type: 'code', client_id: client, redirect_uri: callbackUrl, identity_provider: 'Corp', state: 's' }).toString()}`;
    provider.mode = 'ok';
    provider.nextUser = { sub: 'u-9', email: 'eve@blocked.example', name: 'Eve' };
    const refused = await follow(start);
    assert.equal(refused.end.searchParams.get('error'), 'invalid_request');
    assert.equal(refused.end.searchParams.get('error_description'), 'PreSignUp failed with error Domain blocked.');
    await assert.rejects(idp.send(new AdminGetUserCommand({ UserPoolId: guarded, Username: 'Corp_u-9' })), { name: 'UserNotFoundException' });
    provider.nextUser = { sub: 'u-10', email: 'ok@corp.example', name: 'Ok' };
    const allowed = await follow(start);
    assert.ok(allowed.end.searchParams.get('code'), allowed.end.toString());
    assert.equal((await idp.send(new AdminGetUserCommand({ UserPoolId: guarded, Username: 'Corp_u-10' }))).UserStatus, 'EXTERNAL_PROVIDER');
  });

  it('an id_token expired on the platform clock is refused (run last: it moves the clock)', async () => {
    provider.mode = 'ok';
    provider.nextUser = { sub: 'u-late', email: 'late@corp.example', name: 'Late' };
    // The provider signs with the wall clock (five minutes); the platform clock is an hour ahead.
    server.clock.advance(3600_000);
    const { end } = await follow(authorize({ identity_provider: 'Corp' }));
    assert.equal(end.searchParams.get('error_description'), 'Corp Error - invalid id_token: expired');
    await assert.rejects(idp.send(new AdminGetUserCommand({ UserPoolId, Username: 'Corp_u-late' })), { name: 'UserNotFoundException' });
  });
});
