/**
 * Sign-in: InitiateAuth and AdminInitiateAuth, RespondToAuthChallenge and its admin form. Flows:
 * USER_SRP_AUTH (SRP-6a, PASSWORD_VERIFIER), USER_PASSWORD_AUTH, ADMIN_USER_PASSWORD_AUTH,
 * REFRESH_TOKEN_AUTH, CUSTOM_AUTH (Define/Create/Verify triggers); challenges NEW_PASSWORD_REQUIRED,
 * SOFTWARE_TOKEN_MFA, MFA_SETUP and CUSTOM_CHALLENGE.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { RequestContext } from '../../../core/context.js';
import {
  CodeMismatchException,
  InvalidParameterException,
  InvalidUserPoolConfigurationException,
  NotAuthorizedException,
  PasswordResetRequiredException,
  ResourceNotFoundException,
  UserNotConfirmedException,
  UserNotFoundException,
  type AdminInitiateAuthRequest,
  type AdminRespondToAuthChallengeRequest,
  type CognitoIdentityProviderApi as Api,
  type InitiateAuthRequest,
  type InitiateAuthResponse,
  type RespondToAuthChallengeRequest,
} from '../../../generated/cognito-idp.js';
import { newCode, type CognitoCore, type StoredClient, type StoredPool, type StoredUser } from '../core.js';
import { prepareMessage } from '../messages.js';
import { passwordMatches } from '../crypto/password.js';
import { N, claimSignature, poolNameOf, serverEphemeral, serverKey } from '../crypto/srp.js';
import { totpValid } from '../crypto/totp.js';
import { newSession, takeSession, type SessionDoc } from '../auth/sessions.js';
import { grantOf, issueTokens, refreshRow, refreshTokens } from '../auth/tokens.js';
import { getDevice, putDevice } from '../auth/devices.js';
import { invokeTrigger, triggerArn, triggerAttributes } from '../triggers.js';
import { checkRequired, newPasswordFields } from '../users.js';
import { migrateUser } from '../migration.js';
import { allowedFlows, checkSecretHash } from './clients.js';

type Ops = 'InitiateAuth' | 'AdminInitiateAuth' | 'RespondToAuthChallenge' | 'AdminRespondToAuthChallenge' | 'GetTokensFromRefreshToken';

interface Call {
  pool: StoredPool;
  client: StoredClient;
  admin: boolean;
  clientMetadata?: Record<string, string>;
  /** A sign-in through the hosted UI: any client with OAuth enabled, and its own end (a code or tokens for the redirect). */
  hosted?: HostedSignIn;
}

/** What the hosted UI does once a user has signed in (PostAuthentication has run). */
export type HostedSignIn = (user: StoredUser, authTime: number) => Promise<void>;

type Answer = InitiateAuthResponse;

const FLOW_PERMISSION: Record<string, string> = {
  USER_SRP_AUTH: 'ALLOW_USER_SRP_AUTH',
  USER_PASSWORD_AUTH: 'ALLOW_USER_PASSWORD_AUTH',
  ADMIN_USER_PASSWORD_AUTH: 'ALLOW_ADMIN_USER_PASSWORD_AUTH',
  ADMIN_NO_SRP_AUTH: 'ALLOW_ADMIN_USER_PASSWORD_AUTH',
  REFRESH_TOKEN_AUTH: 'ALLOW_REFRESH_TOKEN_AUTH',
  REFRESH_TOKEN: 'ALLOW_REFRESH_TOKEN_AUTH',
  CUSTOM_AUTH: 'ALLOW_CUSTOM_AUTH',
  USER_AUTH: 'ALLOW_USER_AUTH',
};

/** The code challenges: the attribute the code goes to and the response member that answers it. */
const OTP: Record<string, { attribute: 'email' | 'phone_number'; member: string; medium: 'EMAIL' | 'SMS' }> = {
  SMS_MFA: { attribute: 'phone_number', member: 'SMS_MFA_CODE', medium: 'SMS' },
  EMAIL_OTP: { attribute: 'email', member: 'EMAIL_OTP_CODE', medium: 'EMAIL' },
  SMS_OTP: { attribute: 'phone_number', member: 'SMS_OTP_CODE', medium: 'SMS' },
};

function param(params: Record<string, string> | undefined, name: string): string {
  const v = params?.[name];
  if (v === undefined || v === '') throw new InvalidParameterException(`Missing required parameter ${name}`);
  return v;
}

const incorrect = (): NotAuthorizedException => new NotAuthorizedException('Incorrect username or password.');

export class AuthOps implements Pick<Api, Ops> {
  constructor(private readonly core: CognitoCore) {}

  private async clientCall(clientId: string, admin: boolean, poolId?: string, ctx?: RequestContext, clientMetadata?: Record<string, string>): Promise<Call> {
    const client = await this.core.client(clientId);
    const pool = poolId && ctx ? await this.core.ownPool(ctx, poolId) : await this.core.pool(client.UserPoolId);
    if (pool.Id !== client.UserPoolId) throw new ResourceNotFoundException(`User pool client ${clientId} does not exist.`);
    return { pool, client, admin, clientMetadata };
  }

  async InitiateAuth(_ctx: RequestContext, input: InitiateAuthRequest) {
    if (input.AuthFlow === 'ADMIN_USER_PASSWORD_AUTH' || input.AuthFlow === 'ADMIN_NO_SRP_AUTH') throw new InvalidParameterException('Initiate Auth method not supported.');
    const call = await this.clientCall(input.ClientId, false, undefined, undefined, input.ClientMetadata);
    if (input.AuthFlow === 'USER_AUTH' && input.Session) return this.afterSignUp(call, input.AuthParameters ?? {}, input.Session);
    return this.start(call, input.AuthFlow, input.AuthParameters ?? {});
  }

  /** USER_AUTH with the session ConfirmSignUp gave: the user who just signed up and confirmed is signed in. */
  private async afterSignUp(call: Call, params: Record<string, string>, session: string): Promise<Answer> {
    if (!allowedFlows(call.client).has('ALLOW_USER_AUTH')) throw new InvalidParameterException('USER_AUTH flow not enabled for this client');
    const { doc } = await takeSession(this.core, session, call.client.ClientId, 'SIGNED_UP');
    const user = await this.sessionUser(call, doc, params);
    if (user.status !== 'CONFIRMED') throw new UserNotConfirmedException('User is not confirmed.');
    if (!user.enabled) throw new NotAuthorizedException('User is disabled.');
    return this.mfaOrTokens(call, user, this.core.now(), 'TokenGeneration_Authentication');
  }

  async AdminInitiateAuth(ctx: RequestContext, input: AdminInitiateAuthRequest) {
    if (input.AuthFlow === 'USER_PASSWORD_AUTH') throw new InvalidParameterException('Initiate Auth method not supported.');
    return this.start(await this.clientCall(input.ClientId, true, input.UserPoolId, ctx, input.ClientMetadata), input.AuthFlow, input.AuthParameters ?? {});
  }

  async RespondToAuthChallenge(_ctx: RequestContext, input: RespondToAuthChallengeRequest) {
    return this.respond(await this.clientCall(input.ClientId, false, undefined, undefined, input.ClientMetadata), input.ChallengeName, input.ChallengeResponses ?? {}, input.Session);
  }

  async AdminRespondToAuthChallenge(ctx: RequestContext, input: AdminRespondToAuthChallengeRequest) {
    return this.respond(await this.clientCall(input.ClientId, true, input.UserPoolId, ctx, input.ClientMetadata), input.ChallengeName, input.ChallengeResponses ?? {}, input.Session);
  }

  /**
   * New tokens for a refresh token; with the client's RefreshTokenRotation enabled, a new refresh
   * token too, the old one lasting RetryGracePeriodSeconds more.
   */
  async GetTokensFromRefreshToken(_ctx: RequestContext, input: { ClientId: string; ClientSecret?: string; RefreshToken: string; ClientMetadata?: Record<string, string> }) {
    const call = await this.clientCall(input.ClientId, false, undefined, undefined, input.ClientMetadata);
    if (call.client.ClientSecret && input.ClientSecret !== call.client.ClientSecret) throw new NotAuthorizedException(`Unable to verify secret hash for client ${call.client.ClientId}`);
    const { user, row } = await this.refreshUser(call, input.RefreshToken);
    return { AuthenticationResult: await refreshTokens(this.core, call.pool, call.client, user, row, { clientMetadata: call.clientMetadata }) };
  }

  private async refreshUser(call: Call, token: string) {
    const row = await refreshRow(this.core, token);
    if (!row || row.client_id !== call.client.ClientId) throw new NotAuthorizedException('Invalid Refresh Token');
    if (row.revoked) throw new NotAuthorizedException('Refresh Token has been revoked');
    if (row.expires <= this.core.now()) throw new NotAuthorizedException('Refresh Token has expired');
    const user = await this.core.userByKey(call.pool.Id, row.ukey);
    if (!user) throw new NotAuthorizedException('User does not exist.');
    if (!user.enabled) throw new NotAuthorizedException('User is disabled.');
    return { user, row };
  }

  private async start(call: Call, flow: string, params: Record<string, string>): Promise<Answer> {
    const permission = FLOW_PERMISSION[flow];
    if (!permission) throw new InvalidParameterException(`${flow} flow is not supported.`);
    if (!call.hosted && !allowedFlows(call.client).has(permission)) throw new InvalidParameterException(`${flow === 'ADMIN_NO_SRP_AUTH' ? 'ADMIN_USER_PASSWORD_AUTH' : flow} flow not enabled for this client`);
    switch (flow) {
      case 'USER_PASSWORD_AUTH':
      case 'ADMIN_USER_PASSWORD_AUTH':
      case 'ADMIN_NO_SRP_AUTH':
        return this.passwordFlow(call, params);
      case 'USER_SRP_AUTH':
        return this.srpStart(call, params);
      case 'CUSTOM_AUTH':
        return this.customStart(call, params);
      case 'USER_AUTH':
        return this.choiceStart(call, params);
      default:
        return this.refreshFlow(call, params);
    }
  }

  /** No such user: AWS's answer depends on the client's PreventUserExistenceErrors. */
  private notFound(call: Call): Error {
    return call.client.PreventUserExistenceErrors === 'ENABLED' ? incorrect() : new UserNotFoundException('User does not exist.');
  }

  private async preAuthentication(call: Call, user: StoredUser, validationData?: Record<string, string>): Promise<void> {
    await invokeTrigger(this.core, call.pool, {
      trigger: 'PreAuthentication',
      triggerSource: 'PreAuthentication_Authentication',
      userName: user.Username,
      clientId: call.client.ClientId,
      request: { userAttributes: triggerAttributes(user), validationData: validationData ?? null, userNotFound: false, ...(call.clientMetadata ? { clientMetadata: call.clientMetadata } : {}) },
    });
  }

  /** What AWS refuses once the password is right: disabled, unconfirmed, reset required, temporary password expired. */
  private checkStatus(user: StoredUser): void {
    if (!user.enabled) throw new NotAuthorizedException('User is disabled.');
    if (user.status === 'UNCONFIRMED') throw new UserNotConfirmedException('User is not confirmed.');
    if (user.status === 'RESET_REQUIRED') throw new PasswordResetRequiredException('Password reset required for the user');
    if (user.status === 'FORCE_CHANGE_PASSWORD' && user.tempExpires !== undefined && user.tempExpires <= this.core.now()) {
      throw new NotAuthorizedException('Temporary password has expired and must be reset by an administrator.');
    }
  }

  private async passwordFlow(call: Call, params: Record<string, string>): Promise<Answer> {
    const username = param(params, 'USERNAME');
    const password = param(params, 'PASSWORD');
    checkSecretHash(call.client, username, params.SECRET_HASH);
    let user = await this.core.findUser(call.pool, username);
    if (!user) user = await migrateUser(this.core, call.pool, call.client.ClientId, username, password, call.clientMetadata);
    if (!user) throw this.notFound(call);
    await this.preAuthentication(call, user);
    if (!user.enabled) throw new NotAuthorizedException('User is disabled.');
    this.checkLockout(user);
    if (!user.pw || !(await passwordMatches(password, user.pw))) return this.failed(call.pool, user);
    await this.succeeded(call.pool, user);
    this.checkStatus(user);
    return this.afterPassword(call, user, 'TokenGeneration_Authentication', params.DEVICE_KEY);
  }

  /** After five wrong passwords in a row, sign-in is refused for 1 s, doubling with each further failure up to 15 minutes. */
  private checkLockout(user: StoredUser): void {
    if ((user.failures?.lockedUntil ?? 0) > this.core.now()) throw new NotAuthorizedException('Password attempts exceeded');
  }

  private async failed(pool: StoredPool, user: StoredUser): Promise<never> {
    const count = (user.failures?.count ?? 0) + 1;
    const lockedUntil = count >= 5 ? this.core.now() + Math.min(1000 * 2 ** (count - 5), 15 * 60_000) : undefined;
    await this.core.db.tx(async (tx) => {
      const current = await this.core.userByKey(pool.Id, this.core.ukey(pool, user.Username), tx);
      if (current) await this.core.putUser(tx, pool, { ...current, failures: { count, ...(lockedUntil ? { lockedUntil } : {}) } });
    });
    throw incorrect();
  }

  private async succeeded(pool: StoredPool, user: StoredUser): Promise<void> {
    if (!user.failures) return;
    await this.core.db.tx(async (tx) => {
      const current = await this.core.userByKey(pool.Id, this.core.ukey(pool, user.Username), tx);
      if (current) await this.core.putUser(tx, pool, { ...current, failures: undefined });
    });
    user.failures = undefined;
  }

  private async srpStart(call: Call, params: Record<string, string>): Promise<Answer> {
    const username = param(params, 'USERNAME');
    const A = param(params, 'SRP_A');
    checkSecretHash(call.client, username, params.SECRET_HASH);
    if (!/^[0-9a-fA-F]+$/.test(A) || BigInt('0x' + A) % N === 0n) throw new InvalidParameterException('Invalid SRP_A value.');
    const user = await this.core.findUser(call.pool, username);
    if (!user && call.client.PreventUserExistenceErrors === 'ENABLED') return this.decoyChallenge(call, username);
    if (!user) throw this.notFound(call);
    await this.preAuthentication(call, user);
    if (!user.srp) throw incorrect();
    const { b, B } = serverEphemeral(user.srp.verifier);
    const secretBlock = randomBytes(512).toString('base64');
    await newSession(this.core, call.pool, call.client, { clientId: call.client.ClientId, ukey: this.core.ukey(call.pool, user.Username), challenge: 'PASSWORD_VERIFIER', admin: call.admin, srp: { A, B, b }, ...(params.DEVICE_KEY ? { deviceKey: params.DEVICE_KEY } : {}) }, secretBlock);
    return {
      ChallengeName: 'PASSWORD_VERIFIER',
      ChallengeParameters: { SALT: user.srp.salt, SECRET_BLOCK: secretBlock, SRP_B: B, USERNAME: user.Username, USER_ID_FOR_SRP: user.Username },
    };
  }

  /**
   * PreventUserExistenceErrors: a user that does not exist gets a PASSWORD_VERIFIER challenge like any
   * other (the same salt each time, from the name), which then fails as a wrong password would.
   */
  private async decoyChallenge(call: Call, username: string): Promise<Answer> {
    const salt = createHash('sha256').update(`${call.pool.Id}/${username}`).digest('hex').slice(0, 32);
    const { b, B } = serverEphemeral(randomBytes(384).toString('hex'));
    const secretBlock = randomBytes(512).toString('base64');
    await newSession(this.core, call.pool, call.client, { clientId: call.client.ClientId, ukey: '', challenge: 'PASSWORD_VERIFIER', admin: call.admin, srp: { A: '0', B, b } }, secretBlock);
    return { ChallengeName: 'PASSWORD_VERIFIER', ChallengeParameters: { SALT: salt, SECRET_BLOCK: secretBlock, SRP_B: B, USERNAME: username, USER_ID_FOR_SRP: username } };
  }

  private async refreshFlow(call: Call, params: Record<string, string>): Promise<Answer> {
    const { user, row } = await this.refreshUser(call, param(params, 'REFRESH_TOKEN'));
    checkSecretHash(call.client, params.USERNAME ?? user.Username, params.SECRET_HASH);
    const result = await issueTokens(this.core, call.pool, call.client, user, { authTime: row.auth_time, originJti: row.origin_jti, triggerSource: 'TokenGeneration_RefreshTokens', clientMetadata: call.clientMetadata, oauth: grantOf(row) });
    return { AuthenticationResult: result, ChallengeParameters: {} };
  }

  /** The password is right: a new password is due, or MFA, or the tokens. */
  private async afterPassword(call: Call, user: StoredUser, triggerSource: string, deviceKey?: string): Promise<Answer> {
    const ukey = this.core.ukey(call.pool, user.Username);
    if (user.status === 'FORCE_CHANGE_PASSWORD') {
      const Session = await newSession(this.core, call.pool, call.client, { clientId: call.client.ClientId, ukey, challenge: 'NEW_PASSWORD_REQUIRED', admin: call.admin, ...(deviceKey ? { deviceKey } : {}) });
      const required = (call.pool.SchemaAttributes ?? []).filter((s) => s.Required && s.Name !== 'sub' && !user.attrs[s.Name ?? '']).map((s) => `userAttributes.${s.Name}`);
      const visible = Object.fromEntries(Object.entries(user.attrs).filter(([k]) => !k.startsWith('dev:')));
      return { ChallengeName: 'NEW_PASSWORD_REQUIRED', Session, ChallengeParameters: { USER_ID_FOR_SRP: user.Username, requiredAttributes: JSON.stringify(required), userAttributes: JSON.stringify(visible) } };
    }
    const device = deviceKey ? await getDevice(this.core.db, call.pool.Id, ukey, deviceKey) : undefined;
    if (device?.confirmed && device.verifier) {
      const Session = await newSession(this.core, call.pool, call.client, { clientId: call.client.ClientId, ukey, challenge: 'DEVICE_SRP_AUTH', admin: call.admin, deviceKey, authTime: this.core.now(), triggerSource });
      return { ChallengeName: 'DEVICE_SRP_AUTH', Session, ChallengeParameters: {} };
    }
    return this.mfaOrTokens(call, user, this.core.now(), triggerSource);
  }

  private async mfaOrTokens(call: Call, user: StoredUser, authTime: number, triggerSource: string, deviceKey?: string): Promise<Answer> {
    const mode = call.pool.MfaConfiguration ?? 'OFF';
    if (mode === 'OFF') return this.finish(call, user, authTime, triggerSource, deviceKey);
    const base: SessionDoc = { clientId: call.client.ClientId, ukey: this.core.ukey(call.pool, user.Username), challenge: '', admin: call.admin, authTime, triggerSource, ...(deviceKey ? { deviceKey } : {}) };
    const totp = call.pool.softwareTokenMfa === true && user.mfa?.totp === true && user.totp?.verified === true;
    const email = !!call.pool.emailMfa && user.mfa?.email === true && !!user.attrs.email;
    const smsPossible = !!call.pool.SmsConfiguration && !!user.attrs.phone_number;
    // In a pool where MFA is required, a user with a phone number and no other method gets SMS.
    const sms = smsPossible && (user.mfa?.sms === true || (mode === 'ON' && !totp && !email));
    const methods = [...(sms ? ['SMS_MFA'] : []), ...(totp ? ['SOFTWARE_TOKEN_MFA'] : []), ...(email ? ['EMAIL_OTP'] : [])];
    let method: string | undefined = methods.length > 1 ? (user.mfa?.preferred && methods.includes(user.mfa.preferred) ? user.mfa.preferred : 'SELECT') : methods[0];
    if (!method && mode === 'ON' && call.pool.softwareTokenMfa) method = 'MFA_SETUP';
    if (!method) return this.finish(call, user, authTime, triggerSource, deviceKey);
    return this.mfaChallenge(call, user, { ...base, choices: methods }, method);
  }

  private async mfaChallenge(call: Call, user: StoredUser, base: SessionDoc, method: string): Promise<Answer> {
    if (method === 'SELECT') {
      const Session = await newSession(this.core, call.pool, call.client, { ...base, challenge: 'SELECT_MFA_TYPE' });
      return { ChallengeName: 'SELECT_MFA_TYPE', Session, ChallengeParameters: { MFAS_CAN_CHOOSE: JSON.stringify(base.choices ?? []), USER_ID_FOR_SRP: user.Username } };
    }
    const otp = OTP[method];
    if (otp) {
      const code = newCode();
      const message = await prepareMessage(this.core, call.pool, { kind: 'Authentication', user, attribute: otp.attribute, code, clientId: call.client.ClientId, clientMetadata: call.clientMetadata });
      await this.core.db.tx((tx) => message.record(tx));
      const Session = await newSession(this.core, call.pool, call.client, { ...base, challenge: method, code });
      return { ChallengeName: method as 'SMS_MFA', Session, ChallengeParameters: { CODE_DELIVERY_DELIVERY_MEDIUM: otp.medium, CODE_DELIVERY_DESTINATION: message.details.Destination!, USER_ID_FOR_SRP: user.Username } };
    }
    if (method === 'MFA_SETUP') {
      const Session = await newSession(this.core, call.pool, call.client, { ...base, challenge: 'MFA_SETUP' });
      return { ChallengeName: 'MFA_SETUP', Session, ChallengeParameters: { MFAS_CAN_SETUP: '["SOFTWARE_TOKEN_MFA"]' } };
    }
    const Session = await newSession(this.core, call.pool, call.client, { ...base, challenge: 'SOFTWARE_TOKEN_MFA' });
    return { ChallengeName: 'SOFTWARE_TOKEN_MFA', Session, ChallengeParameters: {} };
  }

  /** The first factors USER_AUTH offers this user: the pool's AllowedFirstAuthFactors that the user can answer. */
  private firstFactors(call: Call, user: StoredUser): string[] {
    const allowed = call.pool.Policies?.SignInPolicy?.AllowedFirstAuthFactors ?? ['PASSWORD'];
    const out: string[] = [];
    if (allowed.includes('PASSWORD') && user.pw) out.push('PASSWORD', 'PASSWORD_SRP');
    if (allowed.includes('EMAIL_OTP') && user.attrs.email) out.push('EMAIL_OTP');
    if (allowed.includes('SMS_OTP') && user.attrs.phone_number && call.pool.SmsConfiguration) out.push('SMS_OTP');
    return out;
  }

  /** USER_AUTH: the preferred first factor when given and possible, else SELECT_CHALLENGE with the choices. */
  private async choiceStart(call: Call, params: Record<string, string>): Promise<Answer> {
    const username = param(params, 'USERNAME');
    checkSecretHash(call.client, username, params.SECRET_HASH);
    const user = await this.core.findUser(call.pool, username);
    if (!user) throw this.notFound(call);
    const choices = this.firstFactors(call, user);
    const preferred = params.PREFERRED_CHALLENGE;
    if (preferred && choices.includes(preferred)) {
      const answer = await this.chooseFirstFactor(call, user, preferred, params);
      if (answer) return answer;
    }
    const Session = await newSession(this.core, call.pool, call.client, { clientId: call.client.ClientId, ukey: this.core.ukey(call.pool, user.Username), challenge: 'SELECT_CHALLENGE', admin: call.admin, choices });
    return { ChallengeName: 'SELECT_CHALLENGE', Session, AvailableChallenges: choices as Answer['AvailableChallenges'], ChallengeParameters: {} };
  }

  /** A chosen first factor; undefined when what it needs (PASSWORD, SRP_A) was not given with the choice. */
  private async chooseFirstFactor(call: Call, user: StoredUser, choice: string, params: Record<string, string>): Promise<Answer | undefined> {
    if (choice === 'PASSWORD') return params.PASSWORD ? this.passwordFlow(call, { ...params, USERNAME: params.USERNAME ?? user.Username }) : undefined;
    if (choice === 'PASSWORD_SRP') return params.SRP_A ? this.srpStart(call, { ...params, USERNAME: params.USERNAME ?? user.Username }) : undefined;
    await this.preAuthentication(call, user);
    if (!user.enabled) throw new NotAuthorizedException('User is disabled.');
    const base: SessionDoc = { clientId: call.client.ClientId, ukey: this.core.ukey(call.pool, user.Username), challenge: '', admin: call.admin, authTime: this.core.now(), triggerSource: 'TokenGeneration_Authentication' };
    return this.mfaChallenge(call, user, base, choice);
  }

  private async finish(call: Call, user: StoredUser, authTime: number, triggerSource: string, deviceKey?: string): Promise<Answer> {
    await invokeTrigger(this.core, call.pool, {
      trigger: 'PostAuthentication',
      triggerSource: 'PostAuthentication_Authentication',
      userName: user.Username,
      clientId: call.client.ClientId,
      request: { userAttributes: triggerAttributes(user), newDeviceUsed: false, ...(call.clientMetadata ? { clientMetadata: call.clientMetadata } : {}) },
    });
    if (call.hosted) {
      await call.hosted(user, authTime);
      return { ChallengeParameters: {} };
    }
    const result = await issueTokens(this.core, call.pool, call.client, user, { authTime, triggerSource, clientMetadata: call.clientMetadata, deviceKey });
    return { AuthenticationResult: result, ChallengeParameters: {} };
  }

  /** The hosted UI's sign-in with a password (its SECRET_HASH made by the UI, which knows the secret). */
  async hostedSignIn(pool: StoredPool, client: StoredClient, params: Record<string, string>, done: HostedSignIn): Promise<Answer> {
    return this.start({ pool, client, admin: false, hosted: done }, 'USER_PASSWORD_AUTH', params);
  }

  /** The hosted UI's answer to a challenge of its sign-in (new password, MFA code). */
  async hostedRespond(pool: StoredPool, client: StoredClient, challenge: string, responses: Record<string, string>, session: string, done: HostedSignIn): Promise<Answer> {
    return this.respond({ pool, client, admin: false, hosted: done }, challenge, responses, session);
  }

  private async sessionUser(call: Call, doc: SessionDoc, responses: Record<string, string>): Promise<StoredUser> {
    const user = await this.core.userByKey(call.pool.Id, doc.ukey);
    if (!user) throw new UserNotFoundException('User does not exist.');
    if (doc.admin !== call.admin) throw new NotAuthorizedException('Invalid session for the user.');
    const named = param(responses, 'USERNAME');
    const same = await this.core.findUser(call.pool, named);
    if (!same || same.sub !== user.sub) throw new NotAuthorizedException('Invalid session for the user.');
    checkSecretHash(call.client, named, responses.SECRET_HASH);
    return user;
  }

  private async respond(call: Call, challenge: string, responses: Record<string, string>, session: string | undefined): Promise<Answer> {
    switch (challenge) {
      case 'PASSWORD_VERIFIER': {
        const block = param(responses, 'PASSWORD_CLAIM_SECRET_BLOCK');
        const { doc } = await takeSession(this.core, block, call.client.ClientId, 'PASSWORD_VERIFIER');
        if (doc.ukey === '') throw incorrect();
        const user = await this.sessionUser(call, doc, responses);
        const signature = param(responses, 'PASSWORD_CLAIM_SIGNATURE');
        const timestamp = param(responses, 'TIMESTAMP');
        this.checkLockout(user);
        const key = user.srp && doc.srp ? serverKey(doc.srp.A, doc.srp.B, doc.srp.b, user.srp.verifier) : undefined;
        if (!key || claimSignature(key, poolNameOf(call.pool.Id), user.Username, block, timestamp) !== signature) return this.failed(call.pool, user);
        await this.succeeded(call.pool, user);
        this.checkStatus(user);
        return this.afterPassword(call, user, 'TokenGeneration_Authentication', responses.DEVICE_KEY ?? doc.deviceKey);
      }
      case 'DEVICE_SRP_AUTH': {
        const { doc } = await takeSession(this.core, session, call.client.ClientId, 'DEVICE_SRP_AUTH');
        const user = await this.sessionUser(call, doc, responses);
        const A = param(responses, 'SRP_A');
        if (param(responses, 'DEVICE_KEY') !== doc.deviceKey) throw new NotAuthorizedException('Invalid device key given.');
        if (!/^[0-9a-fA-F]+$/.test(A) || BigInt('0x' + A) % N === 0n) throw new InvalidParameterException('Invalid SRP_A value.');
        const device = await getDevice(this.core.db, call.pool.Id, doc.ukey, doc.deviceKey!);
        if (!device?.verifier || !device.salt) throw new NotAuthorizedException('Device does not exist.');
        const { b, B } = serverEphemeral(device.verifier);
        const secretBlock = randomBytes(512).toString('base64');
        await newSession(this.core, call.pool, call.client, { ...doc, challenge: 'DEVICE_PASSWORD_VERIFIER', srp: { A, B, b } }, secretBlock);
        return { ChallengeName: 'DEVICE_PASSWORD_VERIFIER', ChallengeParameters: { SRP_B: B, SALT: device.salt, SECRET_BLOCK: secretBlock, USERNAME: user.Username, DEVICE_KEY: device.DeviceKey } };
      }
      case 'DEVICE_PASSWORD_VERIFIER': {
        const block = param(responses, 'PASSWORD_CLAIM_SECRET_BLOCK');
        const { doc } = await takeSession(this.core, block, call.client.ClientId, 'DEVICE_PASSWORD_VERIFIER');
        const user = await this.sessionUser(call, doc, responses);
        const device = await getDevice(this.core.db, call.pool.Id, doc.ukey, doc.deviceKey!);
        const key = device?.verifier && doc.srp ? serverKey(doc.srp.A, doc.srp.B, doc.srp.b, device.verifier) : undefined;
        const signature = param(responses, 'PASSWORD_CLAIM_SIGNATURE');
        if (!device || !key || claimSignature(key, device.groupKey, device.DeviceKey, block, param(responses, 'TIMESTAMP')) !== signature) throw incorrect();
        await this.core.db.tx((tx) => putDevice(tx, call.pool.Id, doc.ukey, { ...device, lastAuthenticated: this.core.now() }));
        const authTime = doc.authTime ?? this.core.now();
        const source = doc.triggerSource ?? 'TokenGeneration_Authentication';
        // A remembered device stands in for the second factor.
        return device.remembered ? this.finish(call, user, authTime, source, device.DeviceKey) : this.mfaOrTokens(call, user, authTime, source, device.DeviceKey);
      }
      case 'NEW_PASSWORD_REQUIRED': {
        const { doc } = await takeSession(this.core, session, call.client.ClientId, 'NEW_PASSWORD_REQUIRED');
        const user = await this.sessionUser(call, doc, responses);
        const password = param(responses, 'NEW_PASSWORD');
        const attrs = { ...user.attrs };
        for (const [k, v] of Object.entries(responses)) {
          if (!k.startsWith('userAttributes.')) continue;
          const name = k.slice('userAttributes.'.length);
          if (!(call.pool.SchemaAttributes ?? []).some((s) => s.Name === name && s.Mutable !== false)) throw new InvalidParameterException(`Invalid user attributes: ${name}: Attribute cannot be updated.`);
          attrs[name] = v;
        }
        checkRequired(call.pool, attrs);
        const updated: StoredUser = { ...user, attrs, ...(await newPasswordFields(call.pool, user, password)), status: 'CONFIRMED', tempExpires: undefined, modified: this.core.now() };
        await this.core.db.tx((tx) => this.core.putUser(tx, call.pool, updated));
        return this.mfaOrTokens(call, updated, this.core.now(), 'TokenGeneration_NewPasswordChallenge', doc.deviceKey);
      }
      case 'SOFTWARE_TOKEN_MFA': {
        const { doc } = await takeSession(this.core, session, call.client.ClientId, 'SOFTWARE_TOKEN_MFA');
        const user = await this.sessionUser(call, doc, responses);
        const code = param(responses, 'SOFTWARE_TOKEN_MFA_CODE');
        if (!user.totp || !totpValid(user.totp.secret, code, this.core.now())) {
          // The session stays for another try, as AWS's does.
          await newSession(this.core, call.pool, call.client, doc, session);
          throw new CodeMismatchException('Invalid code received for user');
        }
        return this.finish(call, user, doc.authTime ?? this.core.now(), doc.triggerSource ?? 'TokenGeneration_Authentication', doc.deviceKey);
      }
      case 'SMS_MFA':
      case 'EMAIL_OTP':
      case 'SMS_OTP': {
        const { doc } = await takeSession(this.core, session, call.client.ClientId, challenge);
        const user = await this.sessionUser(call, doc, responses);
        if (param(responses, OTP[challenge]!.member) !== doc.code) {
          await newSession(this.core, call.pool, call.client, doc, session);
          throw new CodeMismatchException('Invalid code or auth state for the user.');
        }
        return this.finish(call, user, doc.authTime ?? this.core.now(), doc.triggerSource ?? 'TokenGeneration_Authentication', doc.deviceKey);
      }
      case 'SELECT_CHALLENGE': {
        const { doc } = await takeSession(this.core, session, call.client.ClientId, 'SELECT_CHALLENGE');
        const user = await this.sessionUser(call, doc, responses);
        const answer = param(responses, 'ANSWER');
        if (!(doc.choices ?? []).includes(answer)) throw new InvalidParameterException(`${answer} is not an available challenge.`);
        const next = await this.chooseFirstFactor(call, user, answer, responses);
        if (!next) throw new InvalidParameterException(`Missing required parameter ${answer === 'PASSWORD' ? 'PASSWORD' : 'SRP_A'}`);
        return next;
      }
      case 'SELECT_MFA_TYPE': {
        const { doc } = await takeSession(this.core, session, call.client.ClientId, 'SELECT_MFA_TYPE');
        const user = await this.sessionUser(call, doc, responses);
        const answer = param(responses, 'ANSWER');
        if (!(doc.choices ?? []).includes(answer)) throw new InvalidParameterException(`Invalid MFA type: ${answer}`);
        return this.mfaChallenge(call, user, doc, answer);
      }
      case 'MFA_SETUP': {
        const { doc } = await takeSession(this.core, session, call.client.ClientId, 'MFA_SETUP');
        const user = await this.sessionUser(call, doc, responses);
        if (!doc.totp?.verified) throw new NotAuthorizedException('Invalid session for the user.');
        const updated: StoredUser = { ...user, totp: doc.totp, mfa: { ...user.mfa, totp: true, preferred: user.mfa?.preferred ?? 'SOFTWARE_TOKEN_MFA' }, modified: this.core.now() };
        await this.core.db.tx((tx) => this.core.putUser(tx, call.pool, updated));
        return this.finish(call, updated, doc.authTime ?? this.core.now(), doc.triggerSource ?? 'TokenGeneration_Authentication', doc.deviceKey);
      }
      case 'CUSTOM_CHALLENGE': {
        const { doc } = await takeSession(this.core, session, call.client.ClientId, 'CUSTOM_CHALLENGE');
        const user = await this.sessionUser(call, doc, responses);
        const answer = param(responses, 'ANSWER');
        const verdict = await invokeTrigger(this.core, call.pool, {
          trigger: 'VerifyAuthChallengeResponse',
          triggerSource: 'VerifyAuthChallengeResponse_Authentication',
          userName: user.Username,
          clientId: call.client.ClientId,
          request: { userAttributes: triggerAttributes(user), privateChallengeParameters: doc.custom?.privateParameters ?? {}, challengeAnswer: answer, userNotFound: false, ...(call.clientMetadata ? { clientMetadata: call.clientMetadata } : {}) },
          response: { answerCorrect: false },
        });
        const history = [...(doc.custom?.history ?? [])];
        const last = history[history.length - 1];
        if (last) last.challengeResult = verdict?.answerCorrect === true;
        return this.customStep(call, user, history);
      }
      default:
        throw new InvalidParameterException(`${challenge} is not a challenge Stratus answers yet.`);
    }
  }

  private async customStart(call: Call, params: Record<string, string>): Promise<Answer> {
    const username = param(params, 'USERNAME');
    checkSecretHash(call.client, username, params.SECRET_HASH);
    if (!triggerArn(call.pool, 'DefineAuthChallenge')) throw new InvalidUserPoolConfigurationException('DefineAuthChallenge Lambda function is not configured for the user pool.');
    const user = await this.core.findUser(call.pool, username);
    if (!user) throw this.notFound(call);
    await this.preAuthentication(call, user);
    if (!user.enabled) throw new NotAuthorizedException('User is disabled.');
    if (user.status === 'UNCONFIRMED') throw new UserNotConfirmedException('User is not confirmed.');
    return this.customStep(call, user, []);
  }

  /** One round of CUSTOM_AUTH: DefineAuthChallenge decides; CreateAuthChallenge makes the next challenge. */
  private async customStep(call: Call, user: StoredUser, history: NonNullable<SessionDoc['custom']>['history']): Promise<Answer> {
    const common = { userAttributes: triggerAttributes(user), userNotFound: false, ...(call.clientMetadata ? { clientMetadata: call.clientMetadata } : {}) };
    const decision = await invokeTrigger(this.core, call.pool, {
      trigger: 'DefineAuthChallenge',
      triggerSource: 'DefineAuthChallenge_Authentication',
      userName: user.Username,
      clientId: call.client.ClientId,
      request: { ...common, session: history },
      response: { challengeName: null, issueTokens: false, failAuthentication: false },
    });
    if (decision?.failAuthentication === true) throw incorrect();
    if (decision?.issueTokens === true) return this.finish(call, user, this.core.now(), 'TokenGeneration_Authentication');
    if (decision?.challengeName !== 'CUSTOM_CHALLENGE') throw new InvalidParameterException(`DefineAuthChallenge asked for ${String(decision?.challengeName)}: only CUSTOM_CHALLENGE is supported in CUSTOM_AUTH by Stratus yet.`);
    const made = await invokeTrigger(this.core, call.pool, {
      trigger: 'CreateAuthChallenge',
      triggerSource: 'CreateAuthChallenge_Authentication',
      userName: user.Username,
      clientId: call.client.ClientId,
      request: { ...common, challengeName: 'CUSTOM_CHALLENGE', session: history },
      response: { publicChallengeParameters: null, privateChallengeParameters: null, challengeMetadata: null },
    });
    const meta = typeof made?.challengeMetadata === 'string' ? made.challengeMetadata : undefined;
    const next = [...history, { challengeName: 'CUSTOM_CHALLENGE', challengeResult: false, ...(meta ? { challengeMetadata: meta } : {}) }];
    const Session = await newSession(this.core, call.pool, call.client, {
      clientId: call.client.ClientId,
      ukey: this.core.ukey(call.pool, user.Username),
      challenge: 'CUSTOM_CHALLENGE',
      admin: call.admin,
      custom: { history: next, privateParameters: (made?.privateChallengeParameters as Record<string, unknown>) ?? {} },
    });
    const pub = Object.fromEntries(Object.entries((made?.publicChallengeParameters as Record<string, unknown>) ?? {}).map(([k, v]) => [k, String(v)]));
    return { ChallengeName: 'CUSTOM_CHALLENGE', Session, ChallengeParameters: { ...pub, USERNAME: user.Username } };
  }
}
