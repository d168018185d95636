import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createHmac, generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { CreateApiCommand, CreateAuthorizerCommand, CreateIntegrationCommand, CreateRouteCommand, CreateStageCommand } from '@aws-sdk/client-apigatewayv2';
import { createFunction } from '../lambda/helpers.js';
import { fnArn, http, startEnv, type Env } from './helpers.js';

const ECHO = `exports.handler = async (event) => ({ statusCode: 200, body: JSON.stringify(event) });`;
const SIMPLE_AUTH = `
let calls = 0;
exports.handler = async (event) => {
  calls++;
  return { isAuthorized: event.headers.authorization === 'let-me-in', context: { user: 'alice', calls } };
};`;
const POLICY_AUTH = `
exports.handler = async (event) => ({
  principalId: 'bob',
  policyDocument: { Version: '2012-10-17', Statement: [{ Action: 'execute-api:Invoke', Effect: event.headers.authorization === 'allow' ? 'Allow' : 'Deny', Resource: event.methodArn }] },
  context: { tier: 'gold' },
});`;

const b64 = (o: unknown): string => Buffer.from(JSON.stringify(o)).toString('base64url');

function jwt(key: KeyObject, claims: Record<string, unknown>, header: Record<string, unknown> = { alg: 'RS256', kid: 'k1', typ: 'JWT' }): string {
  const input = `${b64(header)}.${b64(claims)}`;
  return `${input}.${sign('sha256', Buffer.from(input), key).toString('base64url')}`;
}

describe('apigatewayv2 authorizers', () => {
  let env: Env;
  let issuerServer: Server;
  let issuer: string;
  let api: string;
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const other = generateKeyPairSync('rsa', { modulusLength: 2048 });
  let jwksFetches = 0;

  before(async () => {
    issuerServer = createServer((req, res) => {
      res.setHeader('content-type', 'application/json');
      if (req.url === '/.well-known/openid-configuration') return res.end(JSON.stringify({ issuer, jwks_uri: `${issuer}/keys` }));
      if (req.url === '/keys') {
        jwksFetches++;
        return res.end(JSON.stringify({ keys: [{ ...publicKey.export({ format: 'jwk' }), kid: 'k1', use: 'sig', alg: 'RS256' }] }));
      }
      res.statusCode = 404;
      res.end('{}');
    });
    await new Promise<void>((r) => issuerServer.listen(0, '127.0.0.1', r));
    issuer = `http://127.0.0.1:${(issuerServer.address() as AddressInfo).port}`;
    env = await startEnv();
    await createFunction(env.lambda, 'echo', { 'index.js': ECHO });
    await createFunction(env.lambda, 'simple-auth', { 'index.js': SIMPLE_AUTH });
    await createFunction(env.lambda, 'policy-auth', { 'index.js': POLICY_AUTH });
    api = (await env.v2.send(new CreateApiCommand({ Name: 'auth', ProtocolType: 'HTTP' }))).ApiId!;
    const i2 = await env.v2.send(new CreateIntegrationCommand({ ApiId: api, IntegrationType: 'AWS_PROXY', IntegrationUri: fnArn('echo'), PayloadFormatVersion: '2.0' }));
    const i1 = await env.v2.send(new CreateIntegrationCommand({ ApiId: api, IntegrationType: 'AWS_PROXY', IntegrationUri: fnArn('echo'), PayloadFormatVersion: '1.0' }));
    const jwtAuth = await env.v2.send(
      new CreateAuthorizerCommand({ ApiId: api, Name: 'jwt', AuthorizerType: 'JWT', IdentitySource: ['$request.header.Authorization'], JwtConfiguration: { Issuer: issuer, Audience: ['my-app'] } }),
    );
    const simple = await env.v2.send(
      new CreateAuthorizerCommand({
        ApiId: api,
        Name: 'simple',
        AuthorizerType: 'REQUEST',
        AuthorizerUri: `arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/${fnArn('simple-auth')}/invocations`,
        AuthorizerPayloadFormatVersion: '2.0',
        EnableSimpleResponses: true,
        IdentitySource: ['$request.header.Authorization'],
        AuthorizerResultTtlInSeconds: 300,
      }),
    );
    const policy = await env.v2.send(
      new CreateAuthorizerCommand({ ApiId: api, Name: 'policy', AuthorizerType: 'REQUEST', AuthorizerUri: fnArn('policy-auth'), AuthorizerPayloadFormatVersion: '1.0', IdentitySource: ['$request.header.Authorization'] }),
    );
    const route = (RouteKey: string, integration: string, extra: Record<string, unknown>) =>
      env.v2.send(new CreateRouteCommand({ ApiId: api, RouteKey, Target: `integrations/${integration}`, ...extra }));
    await route('GET /jwt', i2.IntegrationId!, { AuthorizationType: 'JWT', AuthorizerId: jwtAuth.AuthorizerId });
    await route('GET /scoped', i2.IntegrationId!, { AuthorizationType: 'JWT', AuthorizerId: jwtAuth.AuthorizerId, AuthorizationScopes: ['pets/read'] });
    await route('GET /simple', i2.IntegrationId!, { AuthorizationType: 'CUSTOM', AuthorizerId: simple.AuthorizerId });
    await route('GET /policy', i1.IntegrationId!, { AuthorizationType: 'CUSTOM', AuthorizerId: policy.AuthorizerId });
    await env.v2.send(new CreateStageCommand({ ApiId: api, StageName: '$default', AutoDeploy: true }));
  });
  after(async () => {
    await env.stop();
    issuerServer.close();
  });

  const call = (path: string, authorization?: string) =>
    http(`${env.server.endpoint}/_aws/execute-api/${api}${path}`, { headers: authorization === undefined ? {} : { authorization } });
  const now = () => Math.floor(Date.now() / 1000);

  it('JWT: a valid RS256 token passes, its claims reach the function', async () => {
    const token = jwt(privateKey, { iss: issuer, aud: 'my-app', sub: 'user-1', exp: now() + 600, iat: now(), groups: ['a', 'b'] });
    const r = await call('/jwt', `Bearer ${token}`);
    assert.equal(r.status, 200, r.text);
    const claims = r.json().requestContext.authorizer.jwt.claims;
    assert.equal(claims.sub, 'user-1');
    assert.equal(claims.aud, 'my-app');
    assert.equal(claims.groups, '[a b]');
    assert.equal(typeof claims.exp, 'string');
    assert.equal(r.json().requestContext.authorizer.jwt.scopes, null);
    // A Cognito access token carries client_id instead of aud.
    const access = jwt(privateKey, { iss: issuer, client_id: 'my-app', token_use: 'access', scope: 'pets/read', exp: now() + 600 });
    assert.equal((await call('/jwt', access)).status, 200);
  });

  it('JWT: missing, expired, wrong audience or issuer, alg none, HMAC and tampered tokens get 401', async () => {
    const missing = await call('/jwt');
    assert.equal(missing.status, 401);
    assert.deepEqual(missing.json(), { message: 'Unauthorized' });
    const bad = [
      jwt(privateKey, { iss: issuer, aud: 'other-app', exp: now() + 600 }),
      jwt(privateKey, { iss: 'https://elsewhere.example', aud: 'my-app', exp: now() + 600 }),
      jwt(privateKey, { iss: issuer, aud: 'my-app', exp: now() - 10 }),
      jwt(privateKey, { iss: issuer, aud: 'my-app', exp: now() + 600, nbf: now() + 300 }),
      jwt(other.privateKey, { iss: issuer, aud: 'my-app', exp: now() + 600 }),
      `${b64({ alg: 'none', kid: 'k1' })}.${b64({ iss: issuer, aud: 'my-app', exp: now() + 600 })}.`,
      (() => {
        const input = `${b64({ alg: 'HS256', kid: 'k1' })}.${b64({ iss: issuer, aud: 'my-app', exp: now() + 600 })}`;
        return `${input}.${createHmac('sha256', publicKey.export({ format: 'pem', type: 'spki' })).update(input).digest('base64url')}`;
      })(),
      (() => {
        const [h, , s] = jwt(privateKey, { iss: issuer, aud: 'my-app', exp: now() + 600, admin: false }).split('.');
        return `${h}.${b64({ iss: issuer, aud: 'my-app', exp: now() + 600, admin: true })}.${s}`;
      })(),
      'not-a-jwt',
    ];
    for (const token of bad) {
      const r = await call('/jwt', `Bearer ${token}`);
      assert.equal(r.status, 401, token);
      assert.deepEqual(r.json(), { message: 'Unauthorized' });
      assert.match(String(r.headers['www-authenticate']), /^Bearer/);
    }
  });

  it('JWT: a token without a required scope gets 403; with it, the scopes reach the function', async () => {
    const none = jwt(privateKey, { iss: issuer, aud: 'my-app', exp: now() + 600, scope: 'pets/write' });
    const r = await call('/scoped', `Bearer ${none}`);
    assert.equal(r.status, 403);
    assert.deepEqual(r.json(), { message: 'Forbidden' });
    const ok = jwt(privateKey, { iss: issuer, aud: 'my-app', exp: now() + 600, scope: 'openid pets/read' });
    const good = await call('/scoped', `Bearer ${ok}`);
    assert.equal(good.status, 200);
    assert.deepEqual(good.json().requestContext.authorizer.jwt.scopes, ['openid', 'pets/read']);
  });

  it('JWT: the issuer keys are fetched once and cached', () => {
    assert.equal(jwksFetches, 1);
  });

  it('Lambda authorizer (2.0, simple responses): allowed, refused, missing identity, cached by identity source', async () => {
    const missing = await call('/simple');
    assert.equal(missing.status, 401);
    assert.deepEqual(missing.json(), { message: 'Unauthorized' });
    const no = await call('/simple', 'nope');
    assert.equal(no.status, 403);
    assert.deepEqual(no.json(), { message: 'Forbidden' });
    const yes = await call('/simple', 'let-me-in');
    assert.equal(yes.status, 200);
    const first = yes.json().requestContext.authorizer.lambda;
    assert.equal(first.user, 'alice');
    const again = await call('/simple', 'let-me-in');
    assert.deepEqual(again.json().requestContext.authorizer.lambda, first, 'the cached result is reused');
  });

  it('Lambda authorizer (1.0, IAM policy): Allow passes with its context, Deny is 403', async () => {
    const ok = await call('/policy', 'allow');
    assert.equal(ok.status, 200, ok.text);
    const auth = ok.json().requestContext.authorizer;
    assert.equal(auth.principalId, 'bob');
    assert.equal(auth.tier, 'gold');
    const denied = await call('/policy', 'deny');
    assert.equal(denied.status, 403);
    assert.deepEqual(denied.json(), { message: 'Forbidden' });
  });

  // Last: it moves the server's clock ahead.
  it('JWT: expiry is checked on the platform clock', async () => {
    const token = jwt(privateKey, { iss: issuer, aud: 'my-app', exp: now() + 600 });
    assert.equal((await call('/jwt', `Bearer ${token}`)).status, 200);
    env.server.clock.advance(601 * 1000);
    assert.equal((await call('/jwt', `Bearer ${token}`)).status, 401);
  });
});
