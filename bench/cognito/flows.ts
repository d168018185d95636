/**
 * The Cognito bench's fixture (a pool, a client allowing every flow, a user) and its probes: each
 * flow tried against a server with the AWS SDK, answered "yes" when it behaves as AWS's does, else
 * "no" with what came back. Refusals count: a wrong password, code or SRP value accepted is a "no".
 */
import { createHash, randomBytes } from 'node:crypto';
import {
  AdminCreateUserCommand,
  AdminInitiateAuthCommand,
  AdminSetUserPasswordCommand,
  AssociateSoftwareTokenCommand,
  CognitoIdentityProviderClient,
  ConfirmForgotPasswordCommand,
  ConfirmSignUpCommand,
  CreateUserPoolClientCommand,
  CreateUserPoolCommand,
  CreateUserPoolDomainCommand,
  ForgotPasswordCommand,
  GetTokensFromRefreshTokenCommand,
  GetUserCommand,
  GlobalSignOutCommand,
  InitiateAuthCommand,
  RespondToAuthChallengeCommand,
  RevokeTokenCommand,
  SetUserMFAPreferenceCommand,
  SetUserPoolMfaConfigCommand,
  SignUpCommand,
  VerifySoftwareTokenCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { CognitoJwtVerifier } from 'aws-jwt-verify';
import { SrpClient } from '../../test/services/cognito-idp/srp-client.js';
import { totp } from '../../test/services/cognito-idp/helpers.js';

export interface Fixture {
  idp: CognitoIdentityProviderClient;
  poolId: string;
  clientId: string;
  username: string;
  password: string;
  accessToken: string;
}

const PASSWORD = 'Bench-Passw0rd!';
// Email-shaped usernames: cognito-local's pools take email addresses as usernames by default.
const PROBE = 'probe@example.com';
const FLOWS = ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH', 'ALLOW_ADMIN_USER_PASSWORD_AUTH', 'ALLOW_CUSTOM_AUTH', 'ALLOW_USER_AUTH'] as const;

function client(endpoint: string): CognitoIdentityProviderClient {
  return new CognitoIdentityProviderClient({ endpoint, region: 'us-east-1', credentials: { accessKeyId: 'test', secretAccessKey: 'test' }, maxAttempts: 1 });
}

async function poolWithUser(idp: CognitoIdentityProviderClient, username: string, extra: { oauth?: boolean } = {}) {
  const poolId = (await idp.send(new CreateUserPoolCommand({ PoolName: `bench-${randomBytes(3).toString('hex')}` }))).UserPool!.Id!;
  const clientId = (
    await idp.send(new CreateUserPoolClientCommand({
      UserPoolId: poolId,
      ClientName: 'bench',
      ExplicitAuthFlows: [...FLOWS],
      ...(extra.oauth
        ? { AllowedOAuthFlowsUserPoolClient: true, AllowedOAuthFlows: ['code'], AllowedOAuthScopes: ['openid'], CallbackURLs: ['http://localhost/cb'], SupportedIdentityProviders: ['COGNITO'] }
        : {}),
    }))
  ).UserPoolClient!.ClientId!;
  await idp.send(new AdminCreateUserCommand({ UserPoolId: poolId, Username: username, MessageAction: 'SUPPRESS', UserAttributes: [{ Name: 'email', Value: username }, { Name: 'email_verified', Value: 'true' }] }));
  await idp.send(new AdminSetUserPasswordCommand({ UserPoolId: poolId, Username: username, Password: PASSWORD, Permanent: true }));
  return { poolId, clientId };
}

export async function setUp(endpoint: string): Promise<Fixture> {
  const idp = client(endpoint);
  const { poolId, clientId } = await poolWithUser(idp, 'bench-user@example.com');
  const auth = await idp.send(new InitiateAuthCommand({ ClientId: clientId, AuthFlow: 'USER_PASSWORD_AUTH', AuthParameters: { USERNAME: 'bench-user@example.com', PASSWORD } }));
  return { idp, poolId, clientId, username: 'bench-user@example.com', password: PASSWORD, accessToken: auth.AuthenticationResult!.AccessToken! };
}

const name = (e: unknown): string => `${(e as Error).name}: ${(e as Error).message}`.slice(0, 70);

/** Runs each probe on a fresh pool; "yes", or "no (...)". */
export async function probeFlows(endpoint: string): Promise<Map<string, string>> {
  const idp = client(endpoint);
  const out = new Map<string, string>();
  const probe = async (flow: string, fn: () => Promise<void>): Promise<void> => {
    try {
      await fn();
      out.set(flow, 'yes');
    } catch (e) {
      out.set(flow, `no (${name(e).replace(/\|/g, '/')})`);
    }
  };
  const refused = async (what: string, p: Promise<unknown>): Promise<void> => {
    const accepted = await p.then(() => true, () => false);
    if (accepted) throw new Error(`accepted ${what}`);
  };
  const fresh = async (oauth = false) => ({ ...(await poolWithUser(idp, PROBE, { oauth })), username: PROBE });
  const passwordAuth = (clientId: string, password = PASSWORD) => idp.send(new InitiateAuthCommand({ ClientId: clientId, AuthFlow: 'USER_PASSWORD_AUTH', AuthParameters: { USERNAME: PROBE, PASSWORD: password } }));

  await probe('SignUp; ConfirmSignUp refuses a wrong code', async () => {
    const f = await fresh();
    await idp.send(new SignUpCommand({ ClientId: f.clientId, Username: 'newbie@example.com', Password: PASSWORD, UserAttributes: [{ Name: 'email', Value: 'newbie@example.com' }] }));
    await refused('a wrong confirmation code', idp.send(new ConfirmSignUpCommand({ ClientId: f.clientId, Username: 'newbie@example.com', ConfirmationCode: '000000' })));
  });
  await probe('USER_PASSWORD_AUTH', async () => void (await passwordAuth((await fresh()).clientId)).AuthenticationResult!.AccessToken!.length);
  await probe('USER_PASSWORD_AUTH refuses a wrong password', async () => refused('a wrong password', passwordAuth((await fresh()).clientId, 'Wrong-Passw0rd!')));
  await probe('USER_SRP_AUTH (SRP-6a, PASSWORD_VERIFIER)', async () => {
    const f = await fresh();
    const srp = new SrpClient(f.poolId);
    const start = await idp.send(new InitiateAuthCommand({ ClientId: f.clientId, AuthFlow: 'USER_SRP_AUTH', AuthParameters: { USERNAME: PROBE, SRP_A: srp.srpA } }));
    if (start.ChallengeName !== 'PASSWORD_VERIFIER') throw new Error(`answered ${start.ChallengeName ?? 'tokens'} instead of PASSWORD_VERIFIER`);
    const done = await idp.send(new RespondToAuthChallengeCommand({ ClientId: f.clientId, ChallengeName: 'PASSWORD_VERIFIER', ChallengeResponses: srp.respond(start.ChallengeParameters!, PASSWORD) }));
    if (!done.AuthenticationResult?.AccessToken) throw new Error('no tokens');
    const again = new SrpClient(f.poolId);
    const second = await idp.send(new InitiateAuthCommand({ ClientId: f.clientId, AuthFlow: 'USER_SRP_AUTH', AuthParameters: { USERNAME: PROBE, SRP_A: again.srpA } }));
    await refused('an SRP proof of a wrong password', idp.send(new RespondToAuthChallengeCommand({ ClientId: f.clientId, ChallengeName: 'PASSWORD_VERIFIER', ChallengeResponses: again.respond(second.ChallengeParameters!, 'Wrong-Passw0rd!') })));
  });
  await probe('USER_SRP_AUTH refuses SRP_A = 0 mod N', async () => {
    const f = await fresh();
    // Only meaningful where SRP itself is served: a valid SRP_A must get its challenge first.
    await idp.send(new InitiateAuthCommand({ ClientId: f.clientId, AuthFlow: 'USER_SRP_AUTH', AuthParameters: { USERNAME: PROBE, SRP_A: new SrpClient(f.poolId).srpA } }));
    await refused('SRP_A = 0', idp.send(new InitiateAuthCommand({ ClientId: f.clientId, AuthFlow: 'USER_SRP_AUTH', AuthParameters: { USERNAME: PROBE, SRP_A: '0' } })));
  });
  await probe('ADMIN_USER_PASSWORD_AUTH', async () => {
    const f = await fresh();
    const r = await idp.send(new AdminInitiateAuthCommand({ UserPoolId: f.poolId, ClientId: f.clientId, AuthFlow: 'ADMIN_USER_PASSWORD_AUTH', AuthParameters: { USERNAME: PROBE, PASSWORD } }));
    if (!r.AuthenticationResult?.AccessToken) throw new Error('no tokens');
  });
  await probe('REFRESH_TOKEN_AUTH', async () => {
    const f = await fresh();
    const first = await passwordAuth(f.clientId);
    const r = await idp.send(new InitiateAuthCommand({ ClientId: f.clientId, AuthFlow: 'REFRESH_TOKEN_AUTH', AuthParameters: { REFRESH_TOKEN: first.AuthenticationResult!.RefreshToken! } }));
    if (!r.AuthenticationResult?.AccessToken) throw new Error('no tokens');
  });
  await probe('GetTokensFromRefreshToken', async () => {
    const f = await fresh();
    const first = await passwordAuth(f.clientId);
    const r = await idp.send(new GetTokensFromRefreshTokenCommand({ ClientId: f.clientId, RefreshToken: first.AuthenticationResult!.RefreshToken! }));
    if (!r.AuthenticationResult?.AccessToken) throw new Error('no tokens');
  });
  await probe('USER_AUTH (choice-based, PASSWORD)', async () => {
    const f = await fresh();
    const r = await idp.send(new InitiateAuthCommand({ ClientId: f.clientId, AuthFlow: 'USER_AUTH', AuthParameters: { USERNAME: PROBE, PREFERRED_CHALLENGE: 'PASSWORD', PASSWORD } }));
    if (!r.AuthenticationResult?.AccessToken) throw new Error(`answered ${r.ChallengeName ?? 'nothing'}`);
  });
  await probe('NEW_PASSWORD_REQUIRED', async () => {
    const f = await fresh();
    await idp.send(new AdminCreateUserCommand({ UserPoolId: f.poolId, Username: 'temp@example.com', TemporaryPassword: 'Temp-Passw0rd!', MessageAction: 'SUPPRESS' }));
    const r = await idp.send(new InitiateAuthCommand({ ClientId: f.clientId, AuthFlow: 'USER_PASSWORD_AUTH', AuthParameters: { USERNAME: 'temp@example.com', PASSWORD: 'Temp-Passw0rd!' } }));
    if (r.ChallengeName !== 'NEW_PASSWORD_REQUIRED') throw new Error(`answered ${r.ChallengeName ?? 'tokens'}`);
    const done = await idp.send(new RespondToAuthChallengeCommand({ ClientId: f.clientId, ChallengeName: 'NEW_PASSWORD_REQUIRED', Session: r.Session, ChallengeResponses: { USERNAME: 'temp@example.com', NEW_PASSWORD: 'New-Passw0rd!' } }));
    if (!done.AuthenticationResult?.AccessToken) throw new Error('no tokens');
  });
  await probe('SOFTWARE_TOKEN_MFA (TOTP); a wrong code refused', async () => {
    const f = await fresh();
    await idp.send(new SetUserPoolMfaConfigCommand({ UserPoolId: f.poolId, MfaConfiguration: 'OPTIONAL', SoftwareTokenMfaConfiguration: { Enabled: true } }));
    const access = (await passwordAuth(f.clientId)).AuthenticationResult!.AccessToken!;
    const { SecretCode } = await idp.send(new AssociateSoftwareTokenCommand({ AccessToken: access }));
    await idp.send(new VerifySoftwareTokenCommand({ AccessToken: access, UserCode: totp(SecretCode!, Date.now()) }));
    await idp.send(new SetUserMFAPreferenceCommand({ AccessToken: access, SoftwareTokenMfaSettings: { Enabled: true, PreferredMfa: true } }));
    const r = await passwordAuth(f.clientId);
    if (r.ChallengeName !== 'SOFTWARE_TOKEN_MFA') throw new Error(`answered ${r.ChallengeName ?? 'tokens'}`);
    await refused('a wrong TOTP code', idp.send(new RespondToAuthChallengeCommand({ ClientId: f.clientId, ChallengeName: 'SOFTWARE_TOKEN_MFA', Session: r.Session, ChallengeResponses: { USERNAME: PROBE, SOFTWARE_TOKEN_MFA_CODE: totp(SecretCode!, Date.now()) === '000000' ? '111111' : '000000' } })));
  });
  await probe('ForgotPassword; a wrong code refused', async () => {
    const f = await fresh();
    await idp.send(new ForgotPasswordCommand({ ClientId: f.clientId, Username: PROBE }));
    await refused('a wrong reset code', idp.send(new ConfirmForgotPasswordCommand({ ClientId: f.clientId, Username: PROBE, ConfirmationCode: '000000', Password: 'Other-Passw0rd!' })));
  });
  await probe('GlobalSignOut revokes the access token', async () => {
    const f = await fresh();
    const access = (await passwordAuth(f.clientId)).AuthenticationResult!.AccessToken!;
    await idp.send(new GlobalSignOutCommand({ AccessToken: access }));
    await refused('a signed-out access token', idp.send(new GetUserCommand({ AccessToken: access })));
  });
  await probe('RevokeToken revokes the refresh token', async () => {
    const f = await fresh();
    const first = (await passwordAuth(f.clientId)).AuthenticationResult!;
    await idp.send(new RevokeTokenCommand({ ClientId: f.clientId, Token: first.RefreshToken! }));
    await refused('a revoked refresh token', idp.send(new InitiateAuthCommand({ ClientId: f.clientId, AuthFlow: 'REFRESH_TOKEN_AUTH', AuthParameters: { REFRESH_TOKEN: first.RefreshToken! } })));
  });
  await probe('GetUser refuses a tampered access token', async () => {
    const f = await fresh();
    const access = (await passwordAuth(f.clientId)).AuthenticationResult!.AccessToken!;
    const [h, c, s] = access.split('.');
    const claims = JSON.parse(Buffer.from(c!, 'base64url').toString()) as Record<string, unknown>;
    await refused('a tampered token', idp.send(new GetUserCommand({ AccessToken: `${h}.${Buffer.from(JSON.stringify({ ...claims, username: 'mallory', sub: 'x' })).toString('base64url')}.${s}` })));
  });
  await probe('aws-jwt-verify accepts the tokens (JWKS served, AWS issuer)', async () => {
    const f = await fresh();
    const tokens = (await passwordAuth(f.clientId)).AuthenticationResult!;
    const res = await fetch(`${endpoint}/${f.poolId}/.well-known/jwks.json`);
    if (!res.ok) throw new Error(`JWKS: HTTP ${res.status}`);
    const verifier = CognitoJwtVerifier.create({ userPoolId: f.poolId, tokenUse: 'id', clientId: f.clientId });
    verifier.cacheJwks(await res.json());
    await verifier.verify(tokens.IdToken!);
  });
  await probe('Hosted UI: authorization code + PKCE at /oauth2/token', async () => {
    const f = await fresh(true);
    const domain = `bench-${randomBytes(3).toString('hex')}`;
    await idp.send(new CreateUserPoolDomainCommand({ UserPoolId: f.poolId, Domain: domain }));
    const base = `${endpoint}/_aws/cognito/${domain}`;
    const verifier = randomBytes(32).toString('base64url');
    const q = new URLSearchParams({ response_type: 'code', client_id: f.clientId, redirect_uri: 'http://localhost/cb', scope: 'openid', code_challenge_method: 'S256', code_challenge: createHash('sha256').update(verifier).digest('base64url') });
    const login = await fetch(`${base}/login?${q}`, { method: 'POST', redirect: 'manual', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ username: PROBE, password: PASSWORD }) });
    const code = login.headers.get('location') ? new URL(login.headers.get('location')!).searchParams.get('code') : null;
    if (!code) throw new Error(`login: HTTP ${login.status}`);
    const token = await fetch(`${base}/oauth2/token`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ grant_type: 'authorization_code', client_id: f.clientId, code, redirect_uri: 'http://localhost/cb', code_verifier: verifier }) });
    if (!((await token.json()) as { access_token?: string }).access_token) throw new Error(`token: HTTP ${token.status}`);
  });
  idp.destroy();
  return out;
}
