import assert from 'node:assert/strict';
import { request } from 'node:http';
import { after, before, describe, it } from 'node:test';
import {
  AdminCreateUserCommand,
  AdminDisableUserCommand,
  AdminUserGlobalSignOutCommand,
  AdminGetUserCommand,
  AdminInitiateAuthCommand,
  AdminRespondToAuthChallengeCommand,
  AdminSetUserMFAPreferenceCommand,
  AdminSetUserPasswordCommand,
  AssociateSoftwareTokenCommand,
  CreateGroupCommand,
  AdminAddUserToGroupCommand,
  CreateUserPoolClientCommand,
  CreateUserPoolCommand,
  GetTokensFromRefreshTokenCommand,
  GetUserCommand,
  GlobalSignOutCommand,
  InitiateAuthCommand,
  RespondToAuthChallengeCommand,
  RevokeTokenCommand,
  SetUserMFAPreferenceCommand,
  SetUserPoolMfaConfigCommand,
  VerifySoftwareTokenCommand,
  type CognitoIdentityProviderClient,
} from '@aws-sdk/client-cognito-identity-provider';
import type { TestServer } from '../../helpers/server.js';
import { cognitoServer, decode, messages, secretHash, totp, verifyWithJwks } from './helpers.js';
import { SrpClient } from './srp-client.js';

const PASSWORD = 'Correct-Horse-9';

describe('Cognito sign-in', () => {
  let server: TestServer;
  let idp: CognitoIdentityProviderClient;
  let poolId: string;
  let clientId: string;

  before(async () => {
    ({ server, idp } = await cognitoServer());
    const pool = await idp.send(new CreateUserPoolCommand({ PoolName: 'auth', Schema: [{ Name: 'tier', AttributeDataType: 'String' }] }));
    poolId = pool.UserPool!.Id!;
    const client = await idp.send(
      new CreateUserPoolClientCommand({ UserPoolId: poolId, ClientName: 'web', ExplicitAuthFlows: ['ALLOW_USER_SRP_AUTH', 'ALLOW_USER_PASSWORD_AUTH', 'ALLOW_ADMIN_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'] }),
    );
    clientId = client.UserPoolClient!.ClientId!;
    await idp.send(new AdminCreateUserCommand({ UserPoolId: poolId, Username: 'alice', MessageAction: 'SUPPRESS', UserAttributes: [{ Name: 'email', Value: 'alice@example.com' }, { Name: 'email_verified', Value: 'true' }, { Name: 'custom:tier', Value: 'gold' }] }));
    await idp.send(new AdminSetUserPasswordCommand({ UserPoolId: poolId, Username: 'alice', Password: PASSWORD, Permanent: true }));
    await idp.send(new CreateGroupCommand({ UserPoolId: poolId, GroupName: 'admins', Precedence: 1 }));
    await idp.send(new AdminAddUserToGroupCommand({ UserPoolId: poolId, Username: 'alice', GroupName: 'admins' }));
  });
  after(async () => {
    idp.destroy();
    await server.stop();
  });

  async function srpSignIn(username: string, password: string) {
    const srp = new SrpClient(poolId);
    const start = await idp.send(new InitiateAuthCommand({ ClientId: clientId, AuthFlow: 'USER_SRP_AUTH', AuthParameters: { USERNAME: username, SRP_A: srp.srpA } }));
    assert.equal(start.ChallengeName, 'PASSWORD_VERIFIER');
    return idp.send(new RespondToAuthChallengeCommand({ ClientId: clientId, ChallengeName: 'PASSWORD_VERIFIER', ChallengeResponses: srp.respond(start.ChallengeParameters!, password) }));
  }

  it('signs in with the real SRP-6a exchange and refuses a wrong password', async () => {
    const ok = await srpSignIn('alice', PASSWORD);
    assert.ok(ok.AuthenticationResult?.AccessToken);
    assert.ok(ok.AuthenticationResult?.IdToken);
    assert.ok(ok.AuthenticationResult?.RefreshToken);
    assert.equal(ok.AuthenticationResult?.TokenType, 'Bearer');
    assert.equal(ok.AuthenticationResult?.ExpiresIn, 3600);
    await assert.rejects(srpSignIn('alice', 'Wrong-Horse-9'), (e: Error) => e.name === 'NotAuthorizedException' && e.message === 'Incorrect username or password.');
  });

  it('refuses an SRP_A that is 0 mod N, and a replayed secret block', async () => {
    const N = (await import('node:crypto')).getDiffieHellman('modp15').getPrime('hex');
    await assert.rejects(
      idp.send(new InitiateAuthCommand({ ClientId: clientId, AuthFlow: 'USER_SRP_AUTH', AuthParameters: { USERNAME: 'alice', SRP_A: N } })),
      (e: Error) => e.name === 'InvalidParameterException',
    );
    const srp = new SrpClient(poolId);
    const start = await idp.send(new InitiateAuthCommand({ ClientId: clientId, AuthFlow: 'USER_SRP_AUTH', AuthParameters: { USERNAME: 'alice', SRP_A: srp.srpA } }));
    const answer = srp.respond(start.ChallengeParameters!, PASSWORD);
    await idp.send(new RespondToAuthChallengeCommand({ ClientId: clientId, ChallengeName: 'PASSWORD_VERIFIER', ChallengeResponses: answer }));
    await assert.rejects(idp.send(new RespondToAuthChallengeCommand({ ClientId: clientId, ChallengeName: 'PASSWORD_VERIFIER', ChallengeResponses: answer })), (e: Error) => e.name === 'NotAuthorizedException');
  });

  it('USER_PASSWORD_AUTH: tokens, wrong password and unknown user in AWS words', async () => {
    const ok = await idp.send(new InitiateAuthCommand({ ClientId: clientId, AuthFlow: 'USER_PASSWORD_AUTH', AuthParameters: { USERNAME: 'alice', PASSWORD } }));
    assert.ok(ok.AuthenticationResult?.AccessToken);
    assert.deepEqual(ok.ChallengeParameters, {});
    await assert.rejects(
      idp.send(new InitiateAuthCommand({ ClientId: clientId, AuthFlow: 'USER_PASSWORD_AUTH', AuthParameters: { USERNAME: 'alice', PASSWORD: 'nope' } })),
      (e: Error) => e.name === 'NotAuthorizedException' && e.message === 'Incorrect username or password.',
    );
    await assert.rejects(
      idp.send(new InitiateAuthCommand({ ClientId: clientId, AuthFlow: 'USER_PASSWORD_AUTH', AuthParameters: { USERNAME: 'nobody', PASSWORD } })),
      (e: Error) => e.name === 'UserNotFoundException' && e.message === 'User does not exist.',
    );
  });

  it('issues RS256 tokens with AWS claims that verify against the served JWKS', async () => {
    const { AuthenticationResult: r } = await srpSignIn('alice', PASSWORD);
    const jwks = (await (await fetch(`${server.endpoint}/${poolId}/.well-known/jwks.json`)).json()) as { keys: Record<string, string>[] };
    assert.equal(jwks.keys.length, 1);
    assert.equal(jwks.keys[0]!.alg, 'RS256');
    assert.ok(verifyWithJwks(r!.IdToken!, jwks));
    assert.ok(verifyWithJwks(r!.AccessToken!, jwks));
    const id = decode(r!.IdToken!).claims;
    const access = decode(r!.AccessToken!).claims;
    const iss = `https://cognito-idp.us-east-1.amazonaws.com/${poolId}`;
    assert.equal(id.iss, iss);
    assert.equal(id.aud, clientId);
    assert.equal(id.token_use, 'id');
    assert.equal(id['cognito:username'], 'alice');
    assert.equal(id.email, 'alice@example.com');
    assert.equal(id.email_verified, true);
    assert.equal(id['custom:tier'], 'gold');
    assert.deepEqual(id['cognito:groups'], ['admins']);
    assert.equal(id.exp, (id.iat as number) + 3600);
    for (const c of ['sub', 'auth_time', 'jti', 'origin_jti', 'event_id']) assert.ok(id[c], c);
    assert.equal(access.token_use, 'access');
    assert.equal(access.client_id, clientId);
    assert.equal(access.scope, 'aws.cognito.signin.user.admin');
    assert.equal(access.username, 'alice');
    assert.equal(access.iss, iss);
    assert.equal(access.sub, id.sub);
    assert.equal(access.origin_jti, id.origin_jti);
    assert.equal(access.aud, undefined);
    // The same document on AWS's own host name, as libraries that derive the JWKS URL from iss ask for it.
    const byHost = await new Promise<string>((resolve, reject) => {
      const req = request(`${server.endpoint}/${poolId}/.well-known/jwks.json`, { headers: { host: 'cognito-idp.us-east-1.amazonaws.com' } }, (res) => {
        let body = '';
        res.on('data', (d: Buffer) => (body += d.toString()));
        res.on('end', () => resolve(body));
      });
      req.on('error', reject);
      req.end();
    });
    assert.deepEqual(JSON.parse(byHost), jwks);
    const discovery = (await (await fetch(`${server.endpoint}/${poolId}/.well-known/openid-configuration`)).json()) as Record<string, unknown>;
    assert.equal(discovery.issuer, iss);
    assert.equal(discovery.jwks_uri, `${iss}/.well-known/jwks.json`);
    // A tampered token verifies nowhere.
    const [h, c, s] = r!.AccessToken!.split('.');
    const forged = Buffer.from(JSON.stringify({ ...access, username: 'mallory' })).toString('base64url');
    assert.equal(verifyWithJwks(`${h}.${forged}.${s}`, jwks), false);
    await assert.rejects(idp.send(new GetUserCommand({ AccessToken: `${h}.${forged}.${s}` })), (e: Error) => e.name === 'NotAuthorizedException' && e.message === 'Invalid Access Token');
    const me = await idp.send(new GetUserCommand({ AccessToken: r!.AccessToken! }));
    assert.equal(me.Username, 'alice');
    assert.ok(me.UserAttributes?.some((a) => a.Name === 'sub' && a.Value === id.sub));
    assert.equal(c?.length ? true : false, true);
  });

  it('refreshes, expires access tokens on the platform clock, signs out globally and revokes', async () => {
    const { AuthenticationResult: r } = await srpSignIn('alice', PASSWORD);
    const refreshed = await idp.send(new InitiateAuthCommand({ ClientId: clientId, AuthFlow: 'REFRESH_TOKEN_AUTH', AuthParameters: { REFRESH_TOKEN: r!.RefreshToken! } }));
    assert.ok(refreshed.AuthenticationResult?.AccessToken);
    assert.equal(refreshed.AuthenticationResult?.RefreshToken, undefined);
    assert.equal(decode(refreshed.AuthenticationResult!.AccessToken!).claims.origin_jti, decode(r!.AccessToken!).claims.origin_jti);
    server.clock.advance(3601_000);
    await assert.rejects(idp.send(new GetUserCommand({ AccessToken: r!.AccessToken! })), (e: Error) => e.message === 'Access Token has expired');
    const again = await idp.send(new InitiateAuthCommand({ ClientId: clientId, AuthFlow: 'REFRESH_TOKEN_AUTH', AuthParameters: { REFRESH_TOKEN: r!.RefreshToken! } }));
    await idp.send(new GlobalSignOutCommand({ AccessToken: again.AuthenticationResult!.AccessToken! }));
    await assert.rejects(idp.send(new GetUserCommand({ AccessToken: again.AuthenticationResult!.AccessToken! })), (e: Error) => e.message === 'Access Token has been revoked');
    await assert.rejects(
      idp.send(new InitiateAuthCommand({ ClientId: clientId, AuthFlow: 'REFRESH_TOKEN_AUTH', AuthParameters: { REFRESH_TOKEN: r!.RefreshToken! } })),
      (e: Error) => e.name === 'NotAuthorizedException' && e.message === 'Refresh Token has been revoked',
    );
    const other = await srpSignIn('alice', PASSWORD);
    await idp.send(new RevokeTokenCommand({ ClientId: clientId, Token: other.AuthenticationResult!.RefreshToken! }));
    await assert.rejects(idp.send(new GetUserCommand({ AccessToken: other.AuthenticationResult!.AccessToken! })), (e: Error) => e.message === 'Access Token has been revoked');
  });

  it('locks sign-in out after five wrong passwords, for a while on the platform clock', async () => {
    await idp.send(new AdminCreateUserCommand({ UserPoolId: poolId, Username: 'lock', MessageAction: 'SUPPRESS' }));
    await idp.send(new AdminSetUserPasswordCommand({ UserPoolId: poolId, Username: 'lock', Password: PASSWORD, Permanent: true }));
    const attempt = (PASSWORD: string) => idp.send(new InitiateAuthCommand({ ClientId: clientId, AuthFlow: 'USER_PASSWORD_AUTH', AuthParameters: { USERNAME: 'lock', PASSWORD } }));
    for (let i = 0; i < 5; i++) await assert.rejects(attempt('Wrong-Pass-1'), (e: Error) => e.message === 'Incorrect username or password.');
    await assert.rejects(attempt(PASSWORD), (e: Error) => e.name === 'NotAuthorizedException' && e.message === 'Password attempts exceeded');
    await assert.rejects(srpSignIn('lock', PASSWORD), (e: Error) => e.message === 'Password attempts exceeded');
    server.clock.advance(1500);
    assert.ok((await attempt(PASSWORD)).AuthenticationResult?.AccessToken);
    await assert.rejects(attempt('Wrong-Pass-1'), (e: Error) => e.message === 'Incorrect username or password.');
    assert.ok((await srpSignIn('lock', PASSWORD)).AuthenticationResult?.AccessToken);
  });

  it('enforces SECRET_HASH on a client with a secret', async () => {
    const c = await idp.send(new CreateUserPoolClientCommand({ UserPoolId: poolId, ClientName: 'server', GenerateSecret: true, ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'] }));
    const id = c.UserPoolClient!.ClientId!;
    const secret = c.UserPoolClient!.ClientSecret!;
    assert.match(secret, /^[a-z0-9]{51}$/);
    await assert.rejects(
      idp.send(new InitiateAuthCommand({ ClientId: id, AuthFlow: 'USER_PASSWORD_AUTH', AuthParameters: { USERNAME: 'alice', PASSWORD } })),
      (e: Error) => e.name === 'NotAuthorizedException' && e.message === `Client ${id} is configured with secret but SECRET_HASH was not received`,
    );
    await assert.rejects(
      idp.send(new InitiateAuthCommand({ ClientId: id, AuthFlow: 'USER_PASSWORD_AUTH', AuthParameters: { USERNAME: 'alice', PASSWORD, SECRET_HASH: secretHash('wrong', 'alice', id) } })),
      (e: Error) => e.message === `Unable to verify secret hash for client ${id}`,
    );
    const ok = await idp.send(new InitiateAuthCommand({ ClientId: id, AuthFlow: 'USER_PASSWORD_AUTH', AuthParameters: { USERNAME: 'alice', PASSWORD, SECRET_HASH: secretHash(secret, 'alice', id) } }));
    assert.ok(ok.AuthenticationResult?.IdToken);
    await assert.rejects(
      idp.send(new InitiateAuthCommand({ ClientId: id, AuthFlow: 'USER_SRP_AUTH', AuthParameters: { USERNAME: 'alice', SRP_A: new SrpClient(poolId).srpA } })),
      (e: Error) => e.name === 'InvalidParameterException' && e.message === 'USER_SRP_AUTH flow not enabled for this client',
    );
  });

  it('NEW_PASSWORD_REQUIRED after AdminCreateUser with a temporary password', async () => {
    await idp.send(new AdminCreateUserCommand({ UserPoolId: poolId, Username: 'bob', TemporaryPassword: 'Temp-Pass-123', MessageAction: 'SUPPRESS' }));
    assert.equal((await idp.send(new AdminGetUserCommand({ UserPoolId: poolId, Username: 'bob' }))).UserStatus, 'FORCE_CHANGE_PASSWORD');
    const start = await idp.send(new AdminInitiateAuthCommand({ UserPoolId: poolId, ClientId: clientId, AuthFlow: 'ADMIN_USER_PASSWORD_AUTH', AuthParameters: { USERNAME: 'bob', PASSWORD: 'Temp-Pass-123' } }));
    assert.equal(start.ChallengeName, 'NEW_PASSWORD_REQUIRED');
    assert.equal(start.ChallengeParameters?.USER_ID_FOR_SRP, 'bob');
    await assert.rejects(
      idp.send(new AdminRespondToAuthChallengeCommand({ UserPoolId: poolId, ClientId: clientId, ChallengeName: 'NEW_PASSWORD_REQUIRED', Session: start.Session, ChallengeResponses: { USERNAME: 'bob', NEW_PASSWORD: 'short' } })),
      (e: Error) => e.name === 'InvalidPasswordException' && e.message === 'Password did not conform with policy: Password not long enough',
    );
    const again = await idp.send(new AdminInitiateAuthCommand({ UserPoolId: poolId, ClientId: clientId, AuthFlow: 'ADMIN_USER_PASSWORD_AUTH', AuthParameters: { USERNAME: 'bob', PASSWORD: 'Temp-Pass-123' } }));
    const done = await idp.send(new AdminRespondToAuthChallengeCommand({ UserPoolId: poolId, ClientId: clientId, ChallengeName: 'NEW_PASSWORD_REQUIRED', Session: again.Session, ChallengeResponses: { USERNAME: 'bob', NEW_PASSWORD: 'Brand-New-Pass-1' } }));
    assert.ok(done.AuthenticationResult?.AccessToken);
    assert.equal((await idp.send(new AdminGetUserCommand({ UserPoolId: poolId, Username: 'bob' }))).UserStatus, 'CONFIRMED');
    const srp = await srpSignIn('bob', 'Brand-New-Pass-1');
    assert.ok(srp.AuthenticationResult?.IdToken);
  });

  it('TOTP MFA: associate, verify, prefer, then SOFTWARE_TOKEN_MFA at sign-in', async () => {
    await idp.send(new SetUserPoolMfaConfigCommand({ UserPoolId: poolId, MfaConfiguration: 'OPTIONAL', SoftwareTokenMfaConfiguration: { Enabled: true } }));
    await idp.send(new AdminCreateUserCommand({ UserPoolId: poolId, Username: 'carol', MessageAction: 'SUPPRESS' }));
    await idp.send(new AdminSetUserPasswordCommand({ UserPoolId: poolId, Username: 'carol', Password: PASSWORD, Permanent: true }));
    const first = await srpSignIn('carol', PASSWORD);
    const AccessToken = first.AuthenticationResult!.AccessToken!;
    const { SecretCode } = await idp.send(new AssociateSoftwareTokenCommand({ AccessToken }));
    assert.match(SecretCode!, /^[A-Z2-7]+$/);
    await assert.rejects(idp.send(new VerifySoftwareTokenCommand({ AccessToken, UserCode: '000000' === totp(SecretCode!, server.clock.now()) ? '111111' : '000000' })), (e: Error) => e.name === 'EnableSoftwareTokenMFAException');
    const verified = await idp.send(new VerifySoftwareTokenCommand({ AccessToken, UserCode: totp(SecretCode!, server.clock.now()) }));
    assert.equal(verified.Status, 'SUCCESS');
    await idp.send(new SetUserMFAPreferenceCommand({ AccessToken, SoftwareTokenMfaSettings: { Enabled: true, PreferredMfa: true } }));
    const got = await idp.send(new GetUserCommand({ AccessToken }));
    assert.deepEqual(got.UserMFASettingList, ['SOFTWARE_TOKEN_MFA']);
    assert.equal(got.PreferredMfaSetting, 'SOFTWARE_TOKEN_MFA');

    const srp = new SrpClient(poolId);
    const start = await idp.send(new InitiateAuthCommand({ ClientId: clientId, AuthFlow: 'USER_SRP_AUTH', AuthParameters: { USERNAME: 'carol', SRP_A: srp.srpA } }));
    const mfa = await idp.send(new RespondToAuthChallengeCommand({ ClientId: clientId, ChallengeName: 'PASSWORD_VERIFIER', ChallengeResponses: srp.respond(start.ChallengeParameters!, PASSWORD) }));
    assert.equal(mfa.ChallengeName, 'SOFTWARE_TOKEN_MFA');
    assert.equal(mfa.AuthenticationResult, undefined);
    const wrong = totp(SecretCode!, server.clock.now() + 10 * 60_000);
    await assert.rejects(
      idp.send(new RespondToAuthChallengeCommand({ ClientId: clientId, ChallengeName: 'SOFTWARE_TOKEN_MFA', Session: mfa.Session, ChallengeResponses: { USERNAME: 'carol', SOFTWARE_TOKEN_MFA_CODE: wrong } })),
      (e: Error) => e.name === 'CodeMismatchException' && e.message === 'Invalid code received for user',
    );
    const done = await idp.send(
      new RespondToAuthChallengeCommand({ ClientId: clientId, ChallengeName: 'SOFTWARE_TOKEN_MFA', Session: mfa.Session, ChallengeResponses: { USERNAME: 'carol', SOFTWARE_TOKEN_MFA_CODE: totp(SecretCode!, server.clock.now()) } }),
    );
    assert.ok(done.AuthenticationResult?.AccessToken);
  });

  it('SMS_MFA with the code in the inbox, and SELECT_MFA_TYPE when two methods are on', async () => {
    await idp.send(
      new SetUserPoolMfaConfigCommand({
        UserPoolId: poolId,
        MfaConfiguration: 'OPTIONAL',
        SoftwareTokenMfaConfiguration: { Enabled: true },
        SmsMfaConfiguration: { SmsConfiguration: { SnsCallerArn: 'arn:aws:iam::000000000000:role/sms', ExternalId: 'x' } },
      }),
    );
    await idp.send(new AdminCreateUserCommand({ UserPoolId: poolId, Username: 'dan', MessageAction: 'SUPPRESS', UserAttributes: [{ Name: 'phone_number', Value: '+15555550123' }, { Name: 'phone_number_verified', Value: 'true' }] }));
    await idp.send(new AdminSetUserPasswordCommand({ UserPoolId: poolId, Username: 'dan', Password: PASSWORD, Permanent: true }));
    await idp.send(new AdminSetUserMFAPreferenceCommand({ UserPoolId: poolId, Username: 'dan', SMSMfaSettings: { Enabled: true } }));
    const login = () => idp.send(new InitiateAuthCommand({ ClientId: clientId, AuthFlow: 'USER_PASSWORD_AUTH', AuthParameters: { USERNAME: 'dan', PASSWORD } }));
    const sms = await login();
    assert.equal(sms.ChallengeName, 'SMS_MFA');
    assert.equal(sms.ChallengeParameters?.CODE_DELIVERY_DELIVERY_MEDIUM, 'SMS');
    assert.equal(sms.ChallengeParameters?.CODE_DELIVERY_DESTINATION, '+*******0123');
    const sent = (await messages(server.endpoint, poolId)).at(-1)!;
    assert.equal(sent.medium, 'SMS');
    assert.equal(sent.destination, '+15555550123');
    assert.equal(sent.text, `Your authentication code is ${sent.code}. `);
    await assert.rejects(
      idp.send(new RespondToAuthChallengeCommand({ ClientId: clientId, ChallengeName: 'SMS_MFA', Session: sms.Session, ChallengeResponses: { USERNAME: 'dan', SMS_MFA_CODE: sent.code === '000000' ? '111111' : '000000' } })),
      (e: Error) => e.name === 'CodeMismatchException' && e.message === 'Invalid code or auth state for the user.',
    );
    const done = await idp.send(new RespondToAuthChallengeCommand({ ClientId: clientId, ChallengeName: 'SMS_MFA', Session: sms.Session, ChallengeResponses: { USERNAME: 'dan', SMS_MFA_CODE: sent.code! } }));
    const AccessToken = done.AuthenticationResult!.AccessToken!;
    const { SecretCode } = await idp.send(new AssociateSoftwareTokenCommand({ AccessToken }));
    await idp.send(new VerifySoftwareTokenCommand({ AccessToken, UserCode: totp(SecretCode!, server.clock.now()) }));
    const select = await login();
    assert.equal(select.ChallengeName, 'SELECT_MFA_TYPE');
    assert.equal(select.ChallengeParameters?.MFAS_CAN_CHOOSE, '["SMS_MFA","SOFTWARE_TOKEN_MFA"]');
    const chosen = await idp.send(new RespondToAuthChallengeCommand({ ClientId: clientId, ChallengeName: 'SELECT_MFA_TYPE', Session: select.Session, ChallengeResponses: { USERNAME: 'dan', ANSWER: 'SOFTWARE_TOKEN_MFA' } }));
    assert.equal(chosen.ChallengeName, 'SOFTWARE_TOKEN_MFA');
    const last = await idp.send(
      new RespondToAuthChallengeCommand({ ClientId: clientId, ChallengeName: 'SOFTWARE_TOKEN_MFA', Session: chosen.Session, ChallengeResponses: { USERNAME: 'dan', SOFTWARE_TOKEN_MFA_CODE: totp(SecretCode!, server.clock.now()) } }),
    );
    assert.ok(last.AuthenticationResult?.IdToken);
  });

  it('GetTokensFromRefreshToken rotates refresh tokens when the client asks for it', async () => {
    const c = await idp.send(new CreateUserPoolClientCommand({ UserPoolId: poolId, ClientName: 'rotating', ExplicitAuthFlows: ['ALLOW_ADMIN_USER_PASSWORD_AUTH'], RefreshTokenRotation: { Feature: 'ENABLED', RetryGracePeriodSeconds: 0 } }));
    const ClientId = c.UserPoolClient!.ClientId!;
    await idp.send(new AdminCreateUserCommand({ UserPoolId: poolId, Username: 'rot', MessageAction: 'SUPPRESS' }));
    await idp.send(new AdminSetUserPasswordCommand({ UserPoolId: poolId, Username: 'rot', Password: PASSWORD, Permanent: true }));
    const first = await idp.send(new AdminInitiateAuthCommand({ UserPoolId: poolId, ClientId, AuthFlow: 'ADMIN_USER_PASSWORD_AUTH', AuthParameters: { USERNAME: 'rot', PASSWORD } }));
    const rotated = await idp.send(new GetTokensFromRefreshTokenCommand({ ClientId, RefreshToken: first.AuthenticationResult!.RefreshToken! }));
    assert.ok(rotated.AuthenticationResult?.RefreshToken);
    assert.notEqual(rotated.AuthenticationResult?.RefreshToken, first.AuthenticationResult!.RefreshToken);
    await assert.rejects(idp.send(new GetTokensFromRefreshTokenCommand({ ClientId, RefreshToken: first.AuthenticationResult!.RefreshToken! })), (e: Error) => e.name === 'NotAuthorizedException');
    const next = await idp.send(new GetTokensFromRefreshTokenCommand({ ClientId, RefreshToken: rotated.AuthenticationResult!.RefreshToken! }));
    assert.ok(next.AuthenticationResult?.AccessToken);
  });

  it('AdminUserGlobalSignOut and AdminDisableUser revoke the tokens already issued', async () => {
    await idp.send(new AdminCreateUserCommand({ UserPoolId: poolId, Username: 'eve', MessageAction: 'SUPPRESS' }));
    await idp.send(new AdminSetUserPasswordCommand({ UserPoolId: poolId, Username: 'eve', Password: PASSWORD, Permanent: true }));
    const first = (await srpSignIn('eve', PASSWORD)).AuthenticationResult!;
    await idp.send(new AdminUserGlobalSignOutCommand({ UserPoolId: poolId, Username: 'eve' }));
    await assert.rejects(idp.send(new GetUserCommand({ AccessToken: first.AccessToken! })), (e: Error) => e.message === 'Access Token has been revoked');
    const second = (await srpSignIn('eve', PASSWORD)).AuthenticationResult!;
    await idp.send(new AdminDisableUserCommand({ UserPoolId: poolId, Username: 'eve' }));
    await assert.rejects(idp.send(new GetUserCommand({ AccessToken: second.AccessToken! })), (e: Error) => e.name === 'NotAuthorizedException');
    await assert.rejects(
      idp.send(new InitiateAuthCommand({ ClientId: clientId, AuthFlow: 'REFRESH_TOKEN_AUTH', AuthParameters: { REFRESH_TOKEN: second.RefreshToken! } })),
      (e: Error) => e.name === 'NotAuthorizedException',
    );
  });
});
