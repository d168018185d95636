/**
 * What users do themselves, with a client id or their access token: sign up and confirm, resend
 * codes, forgotten and changed passwords, their attributes and their verification, deleting
 * themselves, signing out everywhere and revoking a refresh token.
 */
import type { RequestContext } from '../../../core/context.js';
import {
  CodeMismatchException,
  ExpiredCodeException,
  InvalidParameterException,
  NotAuthorizedException,
  UnsupportedOperationException,
  UnsupportedTokenTypeException,
  UserNotFoundException,
  UsernameExistsException,
  type CognitoIdentityProviderApi as Api,
  type ConfirmForgotPasswordRequest,
  type ConfirmSignUpRequest,
  type SignUpRequest,
} from '../../../generated/cognito-idp.js';
import { CODE_TTL_MS, FORGOT_TTL_MS, aliasValue, newCode, type CognitoCore, type Code, type StoredClient, type StoredPool, type StoredUser } from '../core.js';
import { passwordMatches } from '../crypto/password.js';
import { deliveryAttribute, prepareMessage } from '../messages.js';
import { refreshRow, verifyAccessToken } from '../auth/tokens.js';
import { invokeTrigger, triggerAttributes } from '../triggers.js';
import { attributeList, checkAttributes, checkPassword, checkRequired, newPasswordFields, newUserIdentity, passwordFields } from '../users.js';
import { attrRecord } from './admin-users.js';
import { allowedFlows, checkSecretHash } from './clients.js';
import { newSession, takeSession } from '../auth/sessions.js';
import { migrateUser } from '../migration.js';
import { mfaView } from './mfa.js';

type Ops =
  | 'SignUp' | 'ConfirmSignUp' | 'ResendConfirmationCode' | 'ForgotPassword' | 'ConfirmForgotPassword' | 'ChangePassword'
  | 'GetUser' | 'UpdateUserAttributes' | 'DeleteUserAttributes' | 'DeleteUser' | 'GetUserAttributeVerificationCode' | 'VerifyUserAttribute'
  | 'GlobalSignOut' | 'RevokeToken';

/** AWS's answers to a code: mismatched (or none), expired. */
export function checkCode(stored: Code | undefined, given: string, now: number): void {
  if (!stored || stored.code !== given) throw new CodeMismatchException('Invalid verification code provided, please try again.');
  if (stored.expires <= now) throw new ExpiredCodeException('Invalid code provided, please request a code again.');
}

/** PreventUserExistenceErrors: the answer for a user that does not exist looks like a code sent by email. */
function simulatedDelivery(username: string): { AttributeName: string; DeliveryMedium: 'EMAIL'; Destination: string } {
  const [local, domain] = username.includes('@') ? username.split('@') : [username, 'example.com'];
  return { AttributeName: 'email', DeliveryMedium: 'EMAIL', Destination: `${(local ?? '').slice(0, 1)}***@${(domain ?? '').slice(0, 1)}***` };
}

/**
 * Where a password-reset code goes: the pool's AccountRecoverySetting in priority order (admin_only
 * refuses), else AWS's legacy order, a verified phone number before a verified email.
 */
function recoveryAttribute(pool: StoredPool, user: StoredUser): 'email' | 'phone_number' {
  const verified = (a: 'email' | 'phone_number') => !!user.attrs[a] && user.attrs[`${a}_verified`] === 'true';
  const mechanisms = [...(pool.AccountRecoverySetting?.RecoveryMechanisms ?? [{ Name: 'verified_phone_number', Priority: 1 }, { Name: 'verified_email', Priority: 2 }])].sort((a, b) => a.Priority - b.Priority);
  for (const m of mechanisms) {
    if (m.Name === 'admin_only') throw new NotAuthorizedException('User password cannot be reset in the current state.');
    const attr = m.Name === 'verified_email' ? 'email' : 'phone_number';
    if (verified(attr)) return attr;
  }
  throw new InvalidParameterException('Cannot reset password for the user as there is no registered/verified email or phone_number');
}

export class AccountOps implements Pick<Api, Ops> {
  constructor(private readonly core: CognitoCore) {}

  private async poolOf(clientId: string): Promise<{ pool: StoredPool; client: StoredClient }> {
    const client = await this.core.client(clientId);
    return { client, pool: await this.core.pool(client.UserPoolId) };
  }

  /** The user a client names by username; in LEGACY mode AWS's "Username/client id combination not found.". */
  private async userFor(pool: StoredPool, client: StoredClient, username: string): Promise<StoredUser> {
    const user = await this.core.findUser(pool, username);
    if (user) return user;
    if (client.PreventUserExistenceErrors === 'ENABLED') throw new CodeMismatchException('Invalid verification code provided, please try again.');
    throw new UserNotFoundException('Username/client id combination not found.');
  }

  async SignUp(_ctx: RequestContext, input: SignUpRequest) {
    const { pool, client } = await this.poolOf(input.ClientId);
    checkSecretHash(client, input.Username, input.SecretHash);
    if (pool.AdminCreateUserConfig?.AllowAdminCreateUserOnly) throw new NotAuthorizedException('SignUp is not permitted for this user pool');
    if (input.Password === undefined) throw new InvalidParameterException('Password is required for sign up.');
    const attrs = checkAttributes(pool, input.UserAttributes, { creating: true });
    for (const a of Object.keys(attrs)) {
      if (client.WriteAttributes && !client.WriteAttributes.includes(a)) throw new NotAuthorizedException('A client attempted to write unauthorized attribute');
    }
    for (const a of ['email_verified', 'phone_number_verified']) delete attrs[a];
    const identity = newUserIdentity(pool, input.Username, attrs);
    if (await this.core.userByKey(pool.Id, this.core.ukey(pool, identity.Username))) throw new UsernameExistsException('User already exists');
    for (const attr of pool.UsernameAttributes ?? []) {
      const taken = attrs[attr] && (await this.core.db.get('SELECT 1 AS x FROM cognito_aliases WHERE pool_id = ? AND attr = ? AND value = ?', [pool.Id, attr, attr === 'email' ? aliasValue(pool, attrs[attr]!) : attrs[attr]!]));
      if (taken) throw new UsernameExistsException(`An account with the given ${attr} already exists.`);
    }
    checkRequired(pool, attrs);
    checkPassword(pool, input.Password);
    const now = this.core.now();
    let user: StoredUser = { ...identity, attrs, status: 'UNCONFIRMED', enabled: true, created: now, modified: now, codes: {}, ...(await passwordFields(pool, identity.Username, input.Password)) };
    const response = await invokeTrigger(this.core, pool, {
      trigger: 'PreSignUp',
      triggerSource: 'PreSignUp_SignUp',
      userName: user.Username,
      clientId: client.ClientId,
      request: { userAttributes: triggerAttributes(user, false), validationData: attrRecord(input.ValidationData), ...(input.ClientMetadata ? { clientMetadata: input.ClientMetadata } : {}) },
      response: { autoConfirmUser: false, autoVerifyEmail: false, autoVerifyPhone: false },
    });
    if (response?.autoVerifyEmail === true && attrs.email) attrs.email_verified = 'true';
    if (response?.autoVerifyPhone === true && attrs.phone_number) attrs.phone_number_verified = 'true';
    let message: Awaited<ReturnType<typeof prepareMessage>> | undefined;
    if (response?.autoConfirmUser === true) {
      user = { ...user, status: 'CONFIRMED' };
    } else {
      const attribute = deliveryAttribute(pool, user);
      const code = newCode();
      user = { ...user, codes: { signup: { code, expires: now + CODE_TTL_MS, ...(attribute ? { attr: attribute } : {}) } as Code } };
      if (attribute) message = await prepareMessage(this.core, pool, { kind: 'SignUp', user, attribute, code, clientId: client.ClientId, clientMetadata: input.ClientMetadata });
    }
    const saved = user;
    await this.core.db.tx(async (tx) => {
      await this.core.putUser(tx, pool, saved);
      await message?.record(tx);
    });
    // With USER_AUTH allowed, a session lets ConfirmSignUp and then InitiateAuth sign the new user in (Amplify's autoSignIn).
    const Session = allowedFlows(client).has('ALLOW_USER_AUTH')
      ? await newSession(this.core, pool, client, { clientId: client.ClientId, ukey: this.core.ukey(pool, saved.Username), challenge: saved.status === 'CONFIRMED' ? 'SIGNED_UP' : 'SIGN_UP', admin: false })
      : undefined;
    return { UserConfirmed: saved.status === 'CONFIRMED', UserSub: saved.sub, ...(message ? { CodeDeliveryDetails: message.details } : {}), ...(Session ? { Session } : {}) };
  }

  async ConfirmSignUp(_ctx: RequestContext, input: ConfirmSignUpRequest) {
    const { pool, client } = await this.poolOf(input.ClientId);
    checkSecretHash(client, input.Username, input.SecretHash);
    const user = await this.userFor(pool, client, input.Username);
    if (user.status !== 'UNCONFIRMED') throw new NotAuthorizedException(`User cannot be confirmed. Current status is ${user.status}`);
    checkCode(user.codes.signup, input.ConfirmationCode, this.core.now());
    const attr = (user.codes.signup as Code & { attr?: string }).attr;
    const confirmed: StoredUser = { ...user, status: 'CONFIRMED', attrs: { ...user.attrs, ...(attr ? { [`${attr}_verified`]: 'true' } : {}) }, codes: { ...user.codes, signup: undefined }, modified: this.core.now() };
    await this.core.db.tx((tx) => this.core.putUser(tx, pool, confirmed, { forceAlias: input.ForceAliasCreation === true }));
    await invokeTrigger(this.core, pool, {
      trigger: 'PostConfirmation',
      triggerSource: 'PostConfirmation_ConfirmSignUp',
      userName: user.Username,
      clientId: client.ClientId,
      request: { userAttributes: triggerAttributes(confirmed), ...(input.ClientMetadata ? { clientMetadata: input.ClientMetadata } : {}) },
    });
    if (input.Session) {
      await takeSession(this.core, input.Session, client.ClientId, 'SIGN_UP');
      const Session = await newSession(this.core, pool, client, { clientId: client.ClientId, ukey: this.core.ukey(pool, user.Username), challenge: 'SIGNED_UP', admin: false });
      return { Session };
    }
    return {};
  }

  async ResendConfirmationCode(_ctx: RequestContext, input: { ClientId: string; Username: string; SecretHash?: string; ClientMetadata?: Record<string, string> }) {
    const { pool, client } = await this.poolOf(input.ClientId);
    checkSecretHash(client, input.Username, input.SecretHash);
    if (client.PreventUserExistenceErrors === 'ENABLED' && !(await this.core.findUser(pool, input.Username))) return { CodeDeliveryDetails: simulatedDelivery(input.Username) };
    const user = await this.userFor(pool, client, input.Username);
    if (user.status !== 'UNCONFIRMED') throw new InvalidParameterException('User is already confirmed.');
    const attribute = deliveryAttribute(pool, user);
    if (!attribute) throw new InvalidParameterException('Auto verification not turned on.');
    const code = newCode();
    const updated: StoredUser = { ...user, codes: { ...user.codes, signup: { code, expires: this.core.now() + CODE_TTL_MS, attr: attribute } as Code } };
    const message = await prepareMessage(this.core, pool, { kind: 'ResendCode', user: updated, attribute, code, clientId: client.ClientId, clientMetadata: input.ClientMetadata });
    await this.core.db.tx(async (tx) => {
      await this.core.putUser(tx, pool, updated);
      await message.record(tx);
    });
    return { CodeDeliveryDetails: message.details };
  }

  async ForgotPassword(_ctx: RequestContext, input: { ClientId: string; Username: string; SecretHash?: string; ClientMetadata?: Record<string, string> }) {
    const { pool, client } = await this.poolOf(input.ClientId);
    checkSecretHash(client, input.Username, input.SecretHash);
    const migrated = (await this.core.findUser(pool, input.Username)) ? undefined : await migrateUser(this.core, pool, client.ClientId, input.Username, undefined, input.ClientMetadata);
    if (!migrated && client.PreventUserExistenceErrors === 'ENABLED' && !(await this.core.findUser(pool, input.Username))) return { CodeDeliveryDetails: simulatedDelivery(input.Username) };
    const user = migrated ?? (await this.userFor(pool, client, input.Username));
    if (!user.enabled) throw new NotAuthorizedException('User is disabled.');
    const verified = recoveryAttribute(pool, user);
    const code = newCode();
    const updated: StoredUser = { ...user, codes: { ...user.codes, forgot: { code, expires: this.core.now() + FORGOT_TTL_MS } } };
    const message = await prepareMessage(this.core, pool, { kind: 'ForgotPassword', user: updated, attribute: verified, code, clientId: client.ClientId, clientMetadata: input.ClientMetadata });
    await this.core.db.tx(async (tx) => {
      await this.core.putUser(tx, pool, updated);
      await message.record(tx);
    });
    return { CodeDeliveryDetails: message.details };
  }

  async ConfirmForgotPassword(_ctx: RequestContext, input: ConfirmForgotPasswordRequest) {
    const { pool, client } = await this.poolOf(input.ClientId);
    checkSecretHash(client, input.Username, input.SecretHash);
    const user = await this.userFor(pool, client, input.Username);
    checkCode(user.codes.forgot, input.ConfirmationCode, this.core.now());
    const updated: StoredUser = {
      ...user,
      ...(await newPasswordFields(pool, user, input.Password)),
      status: user.status === 'UNCONFIRMED' ? 'UNCONFIRMED' : 'CONFIRMED',
      tempExpires: undefined,
      codes: { ...user.codes, forgot: undefined },
      modified: this.core.now(),
    };
    await this.core.db.tx((tx) => this.core.putUser(tx, pool, updated));
    await invokeTrigger(this.core, pool, {
      trigger: 'PostConfirmation',
      triggerSource: 'PostConfirmation_ConfirmForgotPassword',
      userName: user.Username,
      clientId: client.ClientId,
      request: { userAttributes: triggerAttributes(updated), ...(input.ClientMetadata ? { clientMetadata: input.ClientMetadata } : {}) },
    });
    return {};
  }

  async ChangePassword(_ctx: RequestContext, input: { AccessToken: string; PreviousPassword?: string; ProposedPassword: string }) {
    const { pool, user } = await verifyAccessToken(this.core, input.AccessToken);
    if (!user.pw || input.PreviousPassword === undefined || !(await passwordMatches(input.PreviousPassword, user.pw))) {
      throw new NotAuthorizedException('Incorrect username or password.');
    }
    const fields = await newPasswordFields(pool, user, input.ProposedPassword);
    await this.core.db.tx((tx) => this.core.putUser(tx, pool, { ...user, ...fields, modified: this.core.now() }));
    return {};
  }

  async GetUser(_ctx: RequestContext, input: { AccessToken: string }) {
    const { user, claims } = await verifyAccessToken(this.core, input.AccessToken);
    const client = await this.core.client(String(claims.client_id)).catch(() => undefined);
    const readable = client?.ReadAttributes ? ['sub', ...client.ReadAttributes] : undefined;
    return { Username: user.Username, UserAttributes: attributeList(user, readable), ...mfaView(user) };
  }

  async UpdateUserAttributes(_ctx: RequestContext, input: { AccessToken: string; UserAttributes: { Name: string; Value?: string }[]; ClientMetadata?: Record<string, string> }) {
    const { pool, user, claims } = await verifyAccessToken(this.core, input.AccessToken);
    const client = await this.core.client(String(claims.client_id)).catch(() => undefined);
    const changes = checkAttributes(pool, input.UserAttributes, { creating: false });
    for (const name of Object.keys(changes)) {
      if (client?.WriteAttributes && !client.WriteAttributes.includes(name)) throw new NotAuthorizedException('A client attempted to write unauthorized attribute');
      if (name.endsWith('_verified')) throw new NotAuthorizedException('A client attempted to write unauthorized attribute');
    }
    const attrs = { ...user.attrs, ...changes };
    const messages: Awaited<ReturnType<typeof prepareMessage>>[] = [];
    const codes = { ...user.codes.attr };
    const pending = { ...user.pending };
    const keepOriginal = pool.UserAttributeUpdateSettings?.AttributesRequireVerificationBeforeUpdate ?? [];
    for (const a of ['email', 'phone_number'] as const) {
      if (!(a in changes) || changes[a] === user.attrs[a]) continue;
      const auto = (pool.AutoVerifiedAttributes ?? []).includes(a);
      // AttributesRequireVerificationBeforeUpdate: the verified value stays until the new one is verified.
      if (auto && keepOriginal.includes(a) && user.attrs[`${a}_verified`] === 'true') {
        pending[a] = changes[a]!;
        attrs[a] = user.attrs[a]!;
      } else {
        attrs[`${a}_verified`] = 'false';
        delete pending[a];
      }
      if (auto) {
        const code = newCode();
        codes[a] = { code, expires: this.core.now() + CODE_TTL_MS };
        messages.push(await prepareMessage(this.core, pool, { kind: 'UpdateUserAttribute', user: { ...user, attrs: { ...attrs, [a]: changes[a]! } }, attribute: a, code, clientId: client?.ClientId, clientMetadata: input.ClientMetadata }));
      }
    }
    await this.core.db.tx(async (tx) => {
      await this.core.putUser(tx, pool, { ...user, attrs, pending, codes: { ...user.codes, attr: codes }, modified: this.core.now() });
      for (const m of messages) await m.record(tx);
    });
    return { CodeDeliveryDetailsList: messages.map((m) => m.details) };
  }

  async DeleteUserAttributes(_ctx: RequestContext, input: { AccessToken: string; UserAttributeNames: string[] }) {
    const { pool, user } = await verifyAccessToken(this.core, input.AccessToken);
    const attrs = { ...user.attrs };
    for (const name of input.UserAttributeNames) {
      const def = pool.SchemaAttributes?.find((s) => s.Name === name);
      if (!def) throw new InvalidParameterException(`Invalid attribute name: ${name}: Attribute does not exist in the schema.`);
      if (def.Required) throw new InvalidParameterException(`Invalid user attributes: ${name}: The attribute is required`);
      delete attrs[name];
    }
    await this.core.db.tx((tx) => this.core.putUser(tx, pool, { ...user, attrs, modified: this.core.now() }));
    return {};
  }

  async DeleteUser(_ctx: RequestContext, input: { AccessToken: string }) {
    const { pool, user } = await verifyAccessToken(this.core, input.AccessToken);
    await this.core.db.tx((tx) => this.core.deleteUser(tx, pool, user));
  }

  async GetUserAttributeVerificationCode(_ctx: RequestContext, input: { AccessToken: string; AttributeName: string; ClientMetadata?: Record<string, string> }) {
    const { pool, user, claims } = await verifyAccessToken(this.core, input.AccessToken);
    const attribute = input.AttributeName;
    if ((attribute !== 'email' && attribute !== 'phone_number') || !user.attrs[attribute]) throw new InvalidParameterException('Invalid attribute name or no value for it.');
    const code = newCode();
    const message = await prepareMessage(this.core, pool, { kind: 'VerifyUserAttribute', user, attribute, code, clientId: String(claims.client_id), clientMetadata: input.ClientMetadata });
    const current = await this.core.userByKey(pool.Id, this.core.ukey(pool, user.Username));
    if (!current) throw new UserNotFoundException('User does not exist.');
    await this.core.db.tx(async (tx) => {
      await this.core.putUser(tx, pool, { ...current, codes: { ...current.codes, attr: { ...current.codes.attr, [attribute]: { code, expires: this.core.now() + CODE_TTL_MS } } } });
      await message.record(tx);
    });
    return { CodeDeliveryDetails: message.details };
  }

  async VerifyUserAttribute(_ctx: RequestContext, input: { AccessToken: string; AttributeName: string; Code: string }) {
    const { pool, user } = await verifyAccessToken(this.core, input.AccessToken);
    checkCode(user.codes.attr?.[input.AttributeName], input.Code, this.core.now());
    const codes = { ...user.codes.attr };
    delete codes[input.AttributeName];
    const pending = { ...user.pending };
    const value = pending[input.AttributeName];
    delete pending[input.AttributeName];
    const attrs = { ...user.attrs, ...(value !== undefined ? { [input.AttributeName]: value } : {}), [`${input.AttributeName}_verified`]: 'true' };
    await this.core.db.tx((tx) => this.core.putUser(tx, pool, { ...user, attrs, pending, codes: { ...user.codes, attr: codes }, modified: this.core.now() }));
    return {};
  }

  async GlobalSignOut(_ctx: RequestContext, input: { AccessToken: string }) {
    const { pool, user } = await verifyAccessToken(this.core, input.AccessToken);
    await this.core.db.tx((tx) => tx.run('UPDATE cognito_refresh SET revoked = 1 WHERE pool_id = ? AND ukey = ?', [pool.Id, this.core.ukey(pool, user.Username)]));
    return {};
  }

  async RevokeToken(_ctx: RequestContext, input: { Token: string; ClientId: string; ClientSecret?: string }) {
    const client = await this.core.client(input.ClientId);
    if (client.ClientSecret && input.ClientSecret !== client.ClientSecret) throw new NotAuthorizedException(`Client ${client.ClientId} is configured with secret but ClientSecret was not received or is wrong`);
    if (client.EnableTokenRevocation === false) throw new UnsupportedOperationException('Token revocation is not enabled for this client.');
    if (input.Token.split('.').length === 3) throw new UnsupportedTokenTypeException('Unsupported token type: only refresh tokens can be revoked.');
    const row = await refreshRow(this.core, input.Token);
    if (row && row.client_id !== client.ClientId) throw new NotAuthorizedException('Invalid token');
    if (row) await this.core.db.tx((tx) => tx.run('UPDATE cognito_refresh SET revoked = 1 WHERE origin_jti = ?', [row.origin_jti]));
    return {};
  }
}
