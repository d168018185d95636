import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import {
  AdminCreateUserCommand,
  AdminSetUserPasswordCommand,
  AssociateSoftwareTokenCommand,
  CognitoIdentityProviderClient,
  CreateResourceServerCommand,
  CreateUserPoolClientCommand,
  CreateUserPoolCommand,
  CreateUserPoolDomainCommand,
  DeleteUserPoolCommand,
  DeleteUserPoolDomainCommand,
  DescribeUserPoolCommand,
  DescribeUserPoolDomainCommand,
  InitiateAuthCommand,
  SetUserMFAPreferenceCommand,
  SetUserPoolMfaConfigCommand,
  VerifySoftwareTokenCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { CognitoJwtVerifier } from 'aws-jwt-verify';
import { chromium, type Browser } from 'playwright-core';
import type { TestServer } from '../../helpers/server.js';
import { CHROMIUM } from '../../helpers/chromium.js';
import { cognitoServer, decode, totp } from './helpers.js';

const DOMAIN = 'stratus-hosted';

function pkce(): { verifier: string; challenge: string } {
  const verifier = randomBytes(32).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
}

describe('Cognito hosted UI and OAuth 2.0 endpoints', () => {
  let server: TestServer;
  let idp: CognitoIdentityProviderClient;
  let callback: Server;
  let callbackUrl: string;
  let UserPoolId: string;
  let ClientId: string;
  let M2mId: string;
  let M2mSecret: string;
  let base: string;

  const authorizeQuery = (extra: Record<string, string> = {}) =>
    new URLSearchParams({ response_type: 'code', client_id: ClientId, redirect_uri: callbackUrl, state: 'st-42', scope: 'openid email', ...extra }).toString();

  /** Signs in through /oauth2/authorize and the login form without a browser; the redirect it ends with. */
  async function signInByForm(query: string, password = 'Passw0rd!'): Promise<Response> {
    const start = await fetch(`${base}/oauth2/authorize?${query}`, { redirect: 'manual' });
    assert.equal(start.status, 302);
    const login = start.headers.get('location')!;
    assert.match(login, /\/login\?/);
    return fetch(new URL(login, server.endpoint), { method: 'POST', redirect: 'manual', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ username: 'ada', password }).toString() });
  }

  async function token(body: Record<string, string>, headers: Record<string, string> = {}): Promise<{ status: number; json: Record<string, any> }> {
    const res = await fetch(`${base}/oauth2/token`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers }, body: new URLSearchParams(body).toString() });
    return { status: res.status, json: (await res.json()) as Record<string, any> };
  }

  before(async () => {
    ({ server, idp } = await cognitoServer());
    callback = createServer((req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end(`<!doctype html><title>callback</title><p id="query">${(req.url ?? '').replace(/[<&]/g, '')}</p>`);
    });
    await new Promise<void>((r) => callback.listen(0, '127.0.0.1', r));
    callbackUrl = `http://localhost:${(callback.address() as AddressInfo).port}/callback`;
    UserPoolId = (await idp.send(new CreateUserPoolCommand({ PoolName: 'hosted', AutoVerifiedAttributes: ['email'] }))).UserPool!.Id!;
    await idp.send(new CreateUserPoolDomainCommand({ UserPoolId, Domain: DOMAIN }));
    base = `${server.endpoint}/_aws/cognito/${DOMAIN}`;
    ClientId = (
      await idp.send(new CreateUserPoolClientCommand({
        UserPoolId,
        ClientName: 'web',
        AllowedOAuthFlowsUserPoolClient: true,
        AllowedOAuthFlows: ['code', 'implicit'],
        AllowedOAuthScopes: ['openid', 'email', 'profile', 'aws.cognito.signin.user.admin'],
        CallbackURLs: [callbackUrl],
        LogoutURLs: [`${callbackUrl}?signed-out`],
        SupportedIdentityProviders: ['COGNITO'],
      }))
    ).UserPoolClient!.ClientId!;
    await idp.send(new CreateResourceServerCommand({ UserPoolId, Identifier: 'https://api.example.com', Name: 'api', Scopes: [{ ScopeName: 'read', ScopeDescription: 'read' }, { ScopeName: 'write', ScopeDescription: 'write' }] }));
    const m2m = await idp.send(new CreateUserPoolClientCommand({
      UserPoolId,
      ClientName: 'm2m',
      GenerateSecret: true,
      AllowedOAuthFlowsUserPoolClient: true,
      AllowedOAuthFlows: ['client_credentials'],
      AllowedOAuthScopes: ['https://api.example.com/read', 'https://api.example.com/write'],
    }));
    M2mId = m2m.UserPoolClient!.ClientId!;
    M2mSecret = m2m.UserPoolClient!.ClientSecret!;
    await idp.send(new AdminCreateUserCommand({ UserPoolId, Username: 'ada', MessageAction: 'SUPPRESS', UserAttributes: [{ Name: 'email', Value: 'ada@example.com' }, { Name: 'email_verified', Value: 'true' }] }));
    await idp.send(new AdminSetUserPasswordCommand({ UserPoolId, Username: 'ada', Password: 'Passw0rd!', Permanent: true }));
  });
  after(async () => {
    idp.destroy();
    await new Promise((r) => callback.close(r));
    await server.stop();
  });

  it('domains: created, described, in the pool; a pool with a domain cannot be deleted', async () => {
    const d = (await idp.send(new DescribeUserPoolDomainCommand({ Domain: DOMAIN }))).DomainDescription!;
    assert.equal(d.UserPoolId, UserPoolId);
    assert.equal(d.Status, 'ACTIVE');
    assert.equal((await idp.send(new DescribeUserPoolCommand({ UserPoolId }))).UserPool!.Domain, DOMAIN);
    assert.deepEqual((await idp.send(new DescribeUserPoolDomainCommand({ Domain: 'nobody-here' }))).DomainDescription, {});
    await assert.rejects(idp.send(new CreateUserPoolDomainCommand({ UserPoolId, Domain: 'another-one' })), /already has a domain/);
    await assert.rejects(idp.send(new CreateUserPoolDomainCommand({ UserPoolId, Domain: 'my-cognito-app' })), { name: 'InvalidParameterException' });
    const other = (await idp.send(new CreateUserPoolCommand({ PoolName: 'other' }))).UserPool!.Id!;
    await assert.rejects(idp.send(new CreateUserPoolDomainCommand({ UserPoolId: other, Domain: DOMAIN })), /already associated/);
    await idp.send(new CreateUserPoolDomainCommand({ UserPoolId: other, Domain: 'other-domain' }));
    await assert.rejects(idp.send(new DeleteUserPoolCommand({ UserPoolId: other })), /domain configured/);
    await idp.send(new DeleteUserPoolDomainCommand({ UserPoolId: other, Domain: 'other-domain' }));
    await idp.send(new DeleteUserPoolCommand({ UserPoolId: other }));
    // client_credentials: alone, and with a secret.
    const m2m = { UserPoolId, ClientName: 'bad', AllowedOAuthFlowsUserPoolClient: true, AllowedOAuthScopes: ['https://api.example.com/read'] };
    await assert.rejects(idp.send(new CreateUserPoolClientCommand({ ...m2m, AllowedOAuthFlows: ['client_credentials'] })), { name: 'InvalidOAuthFlowException', message: 'client_credentials flow can not be selected if client does not have a client secret.' });
    await assert.rejects(idp.send(new CreateUserPoolClientCommand({ ...m2m, GenerateSecret: true, AllowedOAuthFlows: ['client_credentials', 'code'], CallbackURLs: [callbackUrl] })), { name: 'InvalidOAuthFlowException', message: 'client_credentials flow can not be selected along with code flow or implicit flow.' });
  });

  it('headless Chromium: a wrong password shows an error, then authorization code + PKCE reaches the callback; the code exchanges for tokens that aws-jwt-verify accepts', { skip: !CHROMIUM }, async () => {
    const { verifier, challenge } = pkce();
    const port = new URL(server.endpoint).port;
    const query = authorizeQuery({ scope: 'openid email aws.cognito.signin.user.admin', code_challenge: challenge, code_challenge_method: 'S256', nonce: 'n-1' });
    let browser: Browser | undefined;
    let redirected: URL;
    try {
      browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
      const page = await browser.newPage();
      await page.goto(`http://${DOMAIN}.auth.us-east-1.localhost:${port}/oauth2/authorize?${query}`);
      assert.equal(await page.title(), 'Sign in');
      assert.match(new URL(page.url()).pathname, /^\/login$/);
      await page.getByLabel('Username').fill('ada');
      await page.getByLabel('Password').fill('not-the-password');
      await page.getByRole('button', { name: 'Sign in' }).click();
      assert.equal(await page.getByRole('alert').textContent(), 'Incorrect username or password.');
      assert.equal((await page.context().cookies()).filter((c) => c.name === 'cognito').length, 0);
      await page.getByLabel('Username').fill('ada');
      await page.getByLabel('Password').fill('Passw0rd!');
      await Promise.all([page.waitForURL((u) => u.pathname === '/callback'), page.getByRole('button', { name: 'Sign in' }).click()]);
      redirected = new URL(page.url());
      assert.equal(await page.title(), 'callback');
      // Signed in: a second authorize goes straight to the callback, without the login page.
      await page.goto(`http://${DOMAIN}.auth.us-east-1.localhost:${port}/oauth2/authorize?${authorizeQuery()}`);
      assert.equal(new URL(page.url()).pathname, '/callback');
      // Signed out: the login page again.
      await page.goto(`http://${DOMAIN}.auth.us-east-1.localhost:${port}/logout?client_id=${ClientId}&logout_uri=${encodeURIComponent(`${callbackUrl}?signed-out`)}`);
      assert.equal(new URL(page.url()).search, '?signed-out');
      await page.goto(`http://${DOMAIN}.auth.us-east-1.localhost:${port}/oauth2/authorize?${authorizeQuery()}`);
      assert.equal(await page.title(), 'Sign in');
    } finally {
      await browser?.close();
    }
    assert.equal(redirected.searchParams.get('state'), 'st-42');
    const code = redirected.searchParams.get('code')!;
    assert.ok(code);
    const { status, json } = await token({ grant_type: 'authorization_code', client_id: ClientId, code, redirect_uri: callbackUrl, code_verifier: verifier });
    assert.equal(status, 200, JSON.stringify(json));
    assert.equal(json.token_type, 'Bearer');
    assert.equal(json.expires_in, 3600);
    assert.ok(json.refresh_token);
    const jwks = await (await fetch(`${server.endpoint}/${UserPoolId}/.well-known/jwks.json`)).json();
    const access = CognitoJwtVerifier.create({ userPoolId: UserPoolId, tokenUse: 'access', clientId: ClientId, scope: 'openid' });
    access.cacheJwks(jwks);
    const id = CognitoJwtVerifier.create({ userPoolId: UserPoolId, tokenUse: 'id', clientId: ClientId });
    id.cacheJwks(jwks);
    const a = await access.verify(json.access_token);
    assert.equal(a.username, 'ada');
    assert.deepEqual(String(a.scope).split(' ').sort(), ['aws.cognito.signin.user.admin', 'email', 'openid']);
    const i = await id.verify(json.id_token);
    assert.equal(i['cognito:username'], 'ada');
    assert.equal(i.email, 'ada@example.com');
    assert.equal(i.nonce, 'n-1');
    assert.equal(i.at_hash, createHash('sha256').update(json.access_token).digest().subarray(0, 16).toString('base64url'));
    // The same code a second time: spent.
    const again = await token({ grant_type: 'authorization_code', client_id: ClientId, code, redirect_uri: callbackUrl, code_verifier: verifier });
    assert.deepEqual(again, { status: 400, json: { error: 'invalid_grant' } });
  });

  it('a wrong PKCE verifier is invalid_grant and spends the code; a missing one too', async () => {
    const { verifier, challenge } = pkce();
    const done = await signInByForm(authorizeQuery({ code_challenge: challenge, code_challenge_method: 'S256' }));
    assert.equal(done.status, 302);
    const code = new URL(done.headers.get('location')!).searchParams.get('code')!;
    assert.deepEqual(await token({ grant_type: 'authorization_code', client_id: ClientId, code, redirect_uri: callbackUrl, code_verifier: pkce().verifier }), { status: 400, json: { error: 'invalid_grant' } });
    assert.deepEqual(await token({ grant_type: 'authorization_code', client_id: ClientId, code, redirect_uri: callbackUrl, code_verifier: verifier }), { status: 400, json: { error: 'invalid_grant' } });
    const next = await signInByForm(authorizeQuery({ code_challenge: challenge, code_challenge_method: 'S256' }));
    const code2 = new URL(next.headers.get('location')!).searchParams.get('code')!;
    assert.deepEqual(await token({ grant_type: 'authorization_code', client_id: ClientId, code: code2, redirect_uri: callbackUrl }), { status: 400, json: { error: 'invalid_grant' } });
  });

  it('an unregistered redirect URI gets the error page on the domain, never a redirect to it', async () => {
    const res = await fetch(`${base}/oauth2/authorize?${authorizeQuery({ redirect_uri: 'https://evil.example.com/cb' })}`, { redirect: 'manual' });
    assert.equal(res.status, 302);
    const location = res.headers.get('location')!;
    assert.equal(location, `/_aws/cognito/${DOMAIN}/error?error=redirect_mismatch&client_id=${ClientId}`);
    const page = await fetch(new URL(location, server.endpoint));
    assert.equal(page.status, 400);
    assert.match(await page.text(), /redirect_mismatch/);
    // The login page refuses it the same way, and so does a POST of the right password.
    const post = await fetch(`${base}/login?${authorizeQuery({ redirect_uri: 'https://evil.example.com/cb' })}`, { method: 'POST', redirect: 'manual', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'username=ada&password=Passw0rd!' });
    assert.match(post.headers.get('location')!, /error=redirect_mismatch/);
    assert.equal(post.headers.get('set-cookie'), null);
    const unknownClient = await fetch(`${base}/oauth2/authorize?${authorizeQuery({ client_id: 'nosuchclient' })}`, { redirect: 'manual' });
    assert.match(unknownClient.headers.get('location')!, /\/error\?error=invalid_request/);
  });

  it('authorize errors that can go back to the client carry the state: scope, PKCE method, response type', async () => {
    const errorOf = async (extra: Record<string, string>) => {
      const res = await fetch(`${base}/oauth2/authorize?${authorizeQuery(extra)}`, { redirect: 'manual' });
      const to = new URL(res.headers.get('location')!);
      assert.equal(`${to.origin}${to.pathname}`, callbackUrl);
      assert.equal(to.searchParams.get('state'), 'st-42');
      return to.searchParams.get('error');
    };
    assert.equal(await errorOf({ scope: 'openid phone' }), 'invalid_scope');
    assert.equal(await errorOf({ scope: 'email' }), 'invalid_scope');
    assert.equal(await errorOf({ code_challenge: pkce().challenge, code_challenge_method: 'plain' }), 'invalid_request');
    assert.equal(await errorOf({ code_challenge: pkce().challenge }), 'invalid_request');
    assert.equal(await errorOf({ response_type: 'id_token' }), 'unsupported_response_type');
    assert.equal(await errorOf({ identity_provider: 'Google' }), 'invalid_request');
  });

  it('a wrong password logs nobody in: the page shows the error, no cookie, no code', async () => {
    const res = await signInByForm(authorizeQuery(), 'Wrong-passw0rd');
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('set-cookie'), null);
    assert.match(await res.text(), /role="alert" id="error">Incorrect username or password\./);
  });

  it('the implicit grant returns the tokens in the fragment; no refresh token', async () => {
    const res = await signInByForm(authorizeQuery({ response_type: 'token' }));
    const to = new URL(res.headers.get('location')!);
    const f = new URLSearchParams(to.hash.slice(1));
    assert.equal(f.get('state'), 'st-42');
    assert.equal(f.get('token_type'), 'Bearer');
    assert.ok(f.get('id_token') && f.get('access_token'));
    assert.equal(f.get('refresh_token'), null);
    assert.equal(decode(f.get('access_token')!).claims.scope, 'openid email');
  });

  it('refresh_token, userInfo and revoke', async () => {
    const done = await signInByForm(authorizeQuery({ scope: 'openid email profile' }));
    const code = new URL(done.headers.get('location')!).searchParams.get('code')!;
    const first = (await token({ grant_type: 'authorization_code', client_id: ClientId, code, redirect_uri: callbackUrl })).json;
    const info = await fetch(`${base}/oauth2/userInfo`, { headers: { authorization: `Bearer ${first.access_token}` } });
    assert.equal(info.status, 200);
    const body = (await info.json()) as Record<string, string>;
    assert.equal(body.username, 'ada');
    assert.equal(body.email, 'ada@example.com');
    assert.equal(body.email_verified, 'true');
    const badInfo = await fetch(`${base}/oauth2/userInfo`, { headers: { authorization: 'Bearer not.a.token' } });
    assert.equal(badInfo.status, 401);
    assert.match(badInfo.headers.get('www-authenticate')!, /invalid_token/);
    const refreshed = await token({ grant_type: 'refresh_token', client_id: ClientId, refresh_token: first.refresh_token });
    assert.equal(refreshed.status, 200);
    assert.equal(refreshed.json.refresh_token, undefined);
    assert.equal(decode(refreshed.json.access_token).claims.scope, 'openid email profile');
    const revoke = await fetch(`${base}/oauth2/revoke`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ token: first.refresh_token, client_id: ClientId }).toString() });
    assert.equal(revoke.status, 200);
    assert.deepEqual(await token({ grant_type: 'refresh_token', client_id: ClientId, refresh_token: first.refresh_token }), { status: 400, json: { error: 'invalid_grant' } });
    const revokedInfo = await fetch(`${base}/oauth2/userInfo`, { headers: { authorization: `Bearer ${first.access_token}` } });
    assert.equal(revokedInfo.status, 401);
    const jwtRevoke = await fetch(`${base}/oauth2/revoke`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ token: first.access_token, client_id: ClientId }).toString() });
    assert.equal(jwtRevoke.status, 400);
    assert.deepEqual(await jwtRevoke.json(), { error: 'unsupported_token_type' });
    const badClient = await fetch(`${base}/oauth2/revoke`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: `Basic ${Buffer.from(`${M2mId}:wrong`).toString('base64')}` }, body: 'token=x' });
    assert.equal(badClient.status, 401);
  });

  it('refresh_token with the client\'s RefreshTokenRotation enabled: a new refresh token each time, the old one refused at once (no grace period)', async () => {
    const rotating = (await idp.send(new CreateUserPoolClientCommand({
      UserPoolId, ClientName: 'rotating', AllowedOAuthFlowsUserPoolClient: true, AllowedOAuthFlows: ['code'], AllowedOAuthScopes: ['openid', 'email'], CallbackURLs: [callbackUrl], SupportedIdentityProviders: ['COGNITO'],
      RefreshTokenRotation: { Feature: 'ENABLED', RetryGracePeriodSeconds: 0 },
    }))).UserPoolClient!.ClientId!;
    const done = await signInByForm(authorizeQuery({ client_id: rotating }));
    const code = new URL(done.headers.get('location')!).searchParams.get('code')!;
    const first = (await token({ grant_type: 'authorization_code', client_id: rotating, code, redirect_uri: callbackUrl })).json;
    assert.ok(first.refresh_token);
    const second = await token({ grant_type: 'refresh_token', client_id: rotating, refresh_token: first.refresh_token });
    assert.equal(second.status, 200);
    assert.ok(second.json.refresh_token);
    assert.notEqual(second.json.refresh_token, first.refresh_token);
    assert.equal(decode(second.json.access_token).claims.scope, 'openid email');
    assert.deepEqual(await token({ grant_type: 'refresh_token', client_id: rotating, refresh_token: first.refresh_token }), { status: 400, json: { error: 'invalid_grant' } });
    const third = await token({ grant_type: 'refresh_token', client_id: rotating, refresh_token: second.json.refresh_token });
    assert.equal(third.status, 200);
    assert.ok(third.json.refresh_token);
  });

  it('client_credentials: resource-server scopes with HTTP Basic or client_secret in the body; the errors', async () => {
    const basic = `Basic ${Buffer.from(`${M2mId}:${M2mSecret}`).toString('base64')}`;
    const all = await token({ grant_type: 'client_credentials' }, { authorization: basic });
    assert.equal(all.status, 200);
    assert.equal(all.json.id_token, undefined);
    const claims = decode(all.json.access_token).claims;
    assert.equal(claims.scope, 'https://api.example.com/read https://api.example.com/write');
    assert.equal(claims.sub, M2mId);
    const verifier = CognitoJwtVerifier.create({ userPoolId: UserPoolId, tokenUse: 'access', clientId: M2mId, scope: 'https://api.example.com/read' });
    verifier.cacheJwks(await (await fetch(`${server.endpoint}/${UserPoolId}/.well-known/jwks.json`)).json());
    await verifier.verify(all.json.access_token);
    const post = await token({ grant_type: 'client_credentials', client_id: M2mId, client_secret: M2mSecret, scope: 'https://api.example.com/read' });
    assert.equal(decode(post.json.access_token).claims.scope, 'https://api.example.com/read');
    assert.deepEqual(await token({ grant_type: 'client_credentials', scope: 'https://api.example.com/admin' }, { authorization: basic }), { status: 400, json: { error: 'invalid_scope' } });
    assert.deepEqual(await token({ grant_type: 'client_credentials' }, { authorization: `Basic ${Buffer.from(`${M2mId}:nope`).toString('base64')}` }), { status: 400, json: { error: 'invalid_client' } });
    assert.deepEqual(await token({ grant_type: 'client_credentials', client_id: M2mId }), { status: 400, json: { error: 'invalid_client' } });
    assert.deepEqual(await token({ grant_type: 'client_credentials', client_id: ClientId }), { status: 400, json: { error: 'unauthorized_client' } });
    assert.deepEqual(await token({ grant_type: 'password', client_id: ClientId }), { status: 400, json: { error: 'unsupported_grant_type' } });
    assert.deepEqual(await token({ client_id: ClientId }), { status: 400, json: { error: 'invalid_request' } });
    assert.deepEqual(await token({ grant_type: 'authorization_code', client_id: ClientId, redirect_uri: callbackUrl }), { status: 400, json: { error: 'invalid_request' } });
    assert.deepEqual(await token({ grant_type: 'authorization_code', client_id: ClientId, code: 'not-a-code', redirect_uri: callbackUrl }), { status: 400, json: { error: 'invalid_grant' } });
  });

  it('sign-up page: a new user signs up, confirms with the code sent, then signs in', async () => {
    const q = authorizeQuery();
    const form = await fetch(`${base}/signup?${q}`);
    assert.match(await form.text(), /<label for="email">/);
    const signed = await fetch(`${base}/signup?${q}`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ username: 'grace', email: 'grace@example.com', password: 'Passw0rd!' }).toString() });
    assert.match(await signed.text(), /Confirm your account/);
    const inbox = (await (await fetch(`${server.endpoint}/_stratus/cognito/messages?userPoolId=${UserPoolId}&username=grace`)).json()) as { messages: { code: string }[] };
    const code = inbox.messages.at(-1)!.code;
    const wrong = await fetch(`${base}/confirmUser?${q}`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'username=grace&code=000000x' });
    assert.match(await wrong.text(), /Invalid verification code/);
    const ok = await fetch(`${base}/confirmUser?${q}`, { method: 'POST', redirect: 'manual', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: `username=grace&code=${code}` });
    assert.equal(ok.status, 302);
    const login = await fetch(new URL(ok.headers.get('location')!, server.endpoint), { method: 'POST', redirect: 'manual', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'username=grace&password=Passw0rd!' });
    assert.equal(login.status, 302);
    assert.ok(new URL(login.headers.get('location')!).searchParams.get('code'));
  });

  it('NEW_PASSWORD_REQUIRED: a user with a temporary password sets a new one on the hosted page', async () => {
    await idp.send(new AdminCreateUserCommand({ UserPoolId, Username: 'temp', TemporaryPassword: 'Temp-Passw0rd!', MessageAction: 'SUPPRESS' }));
    const q = authorizeQuery();
    const first = await fetch(`${base}/login?${q}`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'username=temp&password=Temp-Passw0rd!' });
    const page = await first.text();
    assert.match(page, /Change your password/);
    const session = /name="session" value="([^"]+)"/.exec(page)![1]!;
    const done = await fetch(`${base}/login?${q}`, { method: 'POST', redirect: 'manual', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ challenge: 'NEW_PASSWORD_REQUIRED', session: session.replace(/&#39;/g, "'").replace(/&quot;/g, '"').replace(/&amp;/g, '&'), username: 'temp', new_password: 'New-Passw0rd!' }).toString() });
    assert.equal(done.status, 302);
    assert.ok(new URL(done.headers.get('location')!).searchParams.get('code'));
  });

  it('SOFTWARE_TOKEN_MFA on the hosted page: a wrong code keeps the step, the right one reaches the callback', async () => {
    await idp.send(new SetUserPoolMfaConfigCommand({ UserPoolId, MfaConfiguration: 'OPTIONAL', SoftwareTokenMfaConfiguration: { Enabled: true } }));
    const totpClient = (await idp.send(new CreateUserPoolClientCommand({ UserPoolId, ClientName: 'api', ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'] }))).UserPoolClient!.ClientId!;
    await idp.send(new AdminCreateUserCommand({ UserPoolId, Username: 'otto', MessageAction: 'SUPPRESS' }));
    await idp.send(new AdminSetUserPasswordCommand({ UserPoolId, Username: 'otto', Password: 'Passw0rd!', Permanent: true }));
    const access = (await idp.send(new InitiateAuthCommand({ ClientId: totpClient, AuthFlow: 'USER_PASSWORD_AUTH', AuthParameters: { USERNAME: 'otto', PASSWORD: 'Passw0rd!' } }))).AuthenticationResult!.AccessToken!;
    const { SecretCode } = await idp.send(new AssociateSoftwareTokenCommand({ AccessToken: access }));
    await idp.send(new VerifySoftwareTokenCommand({ AccessToken: access, UserCode: totp(SecretCode!, server.clock.now()) }));
    await idp.send(new SetUserMFAPreferenceCommand({ AccessToken: access, SoftwareTokenMfaSettings: { Enabled: true, PreferredMfa: true } }));
    const q = authorizeQuery();
    const post = (body: Record<string, string>) => fetch(`${base}/login?${q}`, { method: 'POST', redirect: 'manual', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(body).toString() });
    const unescape = (v: string) => v.replace(/&#39;/g, "'").replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
    const first = await (await post({ username: 'otto', password: 'Passw0rd!' })).text();
    assert.match(first, /authenticator app/);
    const session = unescape(/name="session" value="([^"]+)"/.exec(first)![1]!);
    const good = totp(SecretCode!, server.clock.now());
    const wrong = await post({ challenge: 'SOFTWARE_TOKEN_MFA', session, username: 'otto', code: good === '000000' ? '111111' : '000000' });
    assert.equal(wrong.status, 200);
    assert.equal(wrong.headers.get('set-cookie'), null);
    assert.match(await wrong.text(), /role="alert" id="error">Invalid code received for user/);
    const done = await post({ challenge: 'SOFTWARE_TOKEN_MFA', session, username: 'otto', code: good });
    assert.equal(done.status, 302);
    assert.ok(new URL(done.headers.get('location')!).searchParams.get('code'));
    await idp.send(new SetUserPoolMfaConfigCommand({ UserPoolId, MfaConfiguration: 'OFF' }));
  });
});
