/** Users as an administrator manages them: create (temporary password), get, confirm, passwords, attributes, enable/disable, delete, list. */
import { randomInt } from 'node:crypto';
import type { RequestContext } from '../../../core/context.js';
import { decodePageToken, encodePageToken, listingOf } from '../../../storage/paginate.js';
import {
  InvalidParameterException,
  NotAuthorizedException,
  UnsupportedUserStateException,
  UserNotFoundException,
  UsernameExistsException,
  type AdminCreateUserRequest,
  type CognitoIdentityProviderApi as Api,
  type ListUsersRequest,
} from '../../../generated/cognito-idp.js';
import { newCode, type CognitoCore, type StoredPool, type StoredUser } from '../core.js';
import { prepareMessage } from '../messages.js';
import { invokeTrigger, triggerAttributes } from '../triggers.js';
import { checkAttributes, checkPassword, checkRequired, filterMatches, newPasswordFields, newUserIdentity, parseFilter, passwordFields, userOutput } from '../users.js';
import { mfaView } from './mfa.js';

type Ops =
  | 'AdminCreateUser' | 'AdminGetUser' | 'AdminConfirmSignUp' | 'AdminSetUserPassword' | 'AdminResetUserPassword'
  | 'AdminUpdateUserAttributes' | 'AdminDeleteUserAttributes' | 'AdminEnableUser' | 'AdminDisableUser' | 'AdminDeleteUser'
  | 'AdminUserGlobalSignOut' | 'ListUsers';

/** A temporary password the pool's policy accepts. */
export function temporaryPassword(pool: StoredPool): string {
  const sets = ['abcdefghijkmnopqrstuvwxyz', 'ABCDEFGHJKLMNPQRSTUVWXYZ', '23456789', '^$*.[]{}()?-"!@#%&/,><:;|_~`+='];
  const len = Math.max(pool.Policies?.PasswordPolicy?.MinimumLength ?? 8, 12);
  const chars = sets.map((s) => s[randomInt(s.length)]!);
  const all = sets.join('');
  while (chars.length < len) chars.push(all[randomInt(all.length)]!);
  return chars.join('');
}

export class AdminUserOps implements Pick<Api, Ops> {
  constructor(private readonly core: CognitoCore) {}

  private async target(ctx: RequestContext, poolId: string, username: string): Promise<{ pool: StoredPool; user: StoredUser }> {
    const pool = await this.core.ownPool(ctx, poolId);
    return { pool, user: await this.core.mustFindUser(pool, username) };
  }

  private async save(pool: StoredPool, user: StoredUser): Promise<void> {
    await this.core.db.tx((tx) => this.core.putUser(tx, pool, { ...user, modified: this.core.now() }));
  }

  async AdminCreateUser(ctx: RequestContext, input: AdminCreateUserRequest) {
    const pool = await this.core.ownPool(ctx, input.UserPoolId);
    const existing = await this.core.findUser(pool, input.Username);
    const now = this.core.now();
    let user: StoredUser;
    if (input.MessageAction === 'RESEND') {
      if (!existing) throw new UserNotFoundException('User does not exist.');
      if (existing.status !== 'FORCE_CHANGE_PASSWORD') throw new UnsupportedUserStateException('Resend not possible. ' + existing.Username + ' status is not FORCE_CHANGE_PASSWORD');
      user = existing;
    } else {
      if (existing) throw new UsernameExistsException('User account already exists');
      const attrs = checkAttributes(pool, input.UserAttributes, { creating: true, developer: true });
      const identity = newUserIdentity(pool, input.Username, attrs);
      checkRequired(pool, attrs);
      user = { ...identity, attrs, status: 'FORCE_CHANGE_PASSWORD', enabled: true, created: now, modified: now, codes: {} };
      const response = await invokeTrigger(this.core, pool, {
        trigger: 'PreSignUp',
        triggerSource: 'PreSignUp_AdminCreateUser',
        userName: user.Username,
        request: { userAttributes: triggerAttributes(user, false), validationData: attrRecord(input.ValidationData), ...(input.ClientMetadata ? { clientMetadata: input.ClientMetadata } : {}) },
        response: { autoConfirmUser: false, autoVerifyEmail: false, autoVerifyPhone: false },
      });
      if (response?.autoVerifyEmail === true && attrs.email) attrs.email_verified = 'true';
      if (response?.autoVerifyPhone === true && attrs.phone_number) attrs.phone_number_verified = 'true';
    }
    const temp = input.TemporaryPassword ?? temporaryPassword(pool);
    if (input.TemporaryPassword) checkPassword(pool, temp);
    const days = pool.Policies?.PasswordPolicy?.TemporaryPasswordValidityDays ?? pool.AdminCreateUserConfig?.UnusedAccountValidityDays ?? 7;
    user = { ...user, ...(await passwordFields(pool, user.Username, temp)), tempExpires: now + days * 86_400_000, modified: now };
    const messages: Awaited<ReturnType<typeof prepareMessage>>[] = [];
    if (input.MessageAction !== 'SUPPRESS') {
      const mediums = input.DesiredDeliveryMediums ?? ['SMS'];
      for (const medium of mediums) {
        const attribute = medium === 'EMAIL' ? 'email' : 'phone_number';
        if (!user.attrs[attribute]) continue;
        messages.push(await prepareMessage(this.core, pool, { kind: 'AdminCreateUser', user, attribute, code: temp, clientMetadata: input.ClientMetadata }));
      }
    }
    const saved = user;
    await this.core.db.tx(async (tx) => {
      await this.core.putUser(tx, pool, saved, { forceAlias: input.ForceAliasCreation === true });
      for (const m of messages) await m.record(tx);
    });
    return { User: userOutput(saved) };
  }

  async AdminGetUser(ctx: RequestContext, input: { UserPoolId: string; Username: string }) {
    const { user } = await this.target(ctx, input.UserPoolId, input.Username);
    const out = userOutput(user);
    return { Username: user.Username, UserAttributes: out.Attributes, UserCreateDate: out.UserCreateDate, UserLastModifiedDate: out.UserLastModifiedDate, Enabled: user.enabled, UserStatus: user.status, ...mfaView(user) };
  }

  async AdminConfirmSignUp(ctx: RequestContext, input: { UserPoolId: string; Username: string; ClientMetadata?: Record<string, string> }) {
    const { pool, user } = await this.target(ctx, input.UserPoolId, input.Username);
    if (user.status !== 'UNCONFIRMED') throw new NotAuthorizedException(`User cannot be confirmed. Current status is ${user.status}`);
    const confirmed: StoredUser = { ...user, status: 'CONFIRMED', codes: { ...user.codes, signup: undefined } };
    await this.save(pool, confirmed);
    await invokeTrigger(this.core, pool, {
      trigger: 'PostConfirmation',
      triggerSource: 'PostConfirmation_ConfirmSignUp',
      userName: user.Username,
      request: { userAttributes: triggerAttributes(confirmed), ...(input.ClientMetadata ? { clientMetadata: input.ClientMetadata } : {}) },
    });
    return {};
  }

  async AdminSetUserPassword(ctx: RequestContext, input: { UserPoolId: string; Username: string; Password: string; Permanent?: boolean }) {
    const { pool, user } = await this.target(ctx, input.UserPoolId, input.Username);
    const days = pool.Policies?.PasswordPolicy?.TemporaryPasswordValidityDays ?? 7;
    await this.save(pool, {
      ...user,
      ...(await newPasswordFields(pool, user, input.Password)),
      status: input.Permanent ? 'CONFIRMED' : 'FORCE_CHANGE_PASSWORD',
      tempExpires: input.Permanent ? undefined : this.core.now() + days * 86_400_000,
    });
    return {};
  }

  async AdminResetUserPassword(ctx: RequestContext, input: { UserPoolId: string; Username: string; ClientMetadata?: Record<string, string> }) {
    const { pool, user } = await this.target(ctx, input.UserPoolId, input.Username);
    const code = newCode();
    const attribute = user.attrs.email && user.attrs.email_verified === 'true' ? 'email' : user.attrs.phone_number && user.attrs.phone_number_verified === 'true' ? 'phone_number' : undefined;
    const message = attribute ? await prepareMessage(this.core, pool, { kind: 'ForgotPassword', user, attribute, code, clientMetadata: input.ClientMetadata }) : undefined;
    await this.core.db.tx(async (tx) => {
      await this.core.putUser(tx, pool, { ...user, status: 'RESET_REQUIRED', codes: { ...user.codes, forgot: { code, expires: this.core.now() + 3600_000 } }, modified: this.core.now() });
      await message?.record(tx);
      await tx.run('UPDATE cognito_refresh SET revoked = 1 WHERE pool_id = ? AND ukey = ?', [pool.Id, this.core.ukey(pool, user.Username)]);
    });
    return {};
  }

  async AdminUpdateUserAttributes(ctx: RequestContext, input: { UserPoolId: string; Username: string; UserAttributes: { Name: string; Value?: string }[] }) {
    const { pool, user } = await this.target(ctx, input.UserPoolId, input.Username);
    const changes = checkAttributes(pool, input.UserAttributes, { creating: false, developer: true });
    const attrs = { ...user.attrs, ...changes };
    for (const a of ['email', 'phone_number']) {
      if (a in changes && changes[a] !== user.attrs[a] && !(`${a}_verified` in changes)) attrs[`${a}_verified`] = 'false';
    }
    await this.save(pool, { ...user, attrs });
    return {};
  }

  async AdminDeleteUserAttributes(ctx: RequestContext, input: { UserPoolId: string; Username: string; UserAttributeNames: string[] }) {
    const { pool, user } = await this.target(ctx, input.UserPoolId, input.Username);
    const attrs = { ...user.attrs };
    for (const name of input.UserAttributeNames) {
      const def = pool.SchemaAttributes?.find((s) => s.Name === name);
      if (!def) throw new InvalidParameterException(`Invalid attribute name: ${name}: Attribute does not exist in the schema.`);
      if (def.Required) throw new InvalidParameterException(`Invalid user attributes: ${name}: The attribute is required`);
      delete attrs[name];
      if (name === 'email' || name === 'phone_number') delete attrs[`${name}_verified`];
    }
    await this.save(pool, { ...user, attrs });
    return {};
  }

  async AdminEnableUser(ctx: RequestContext, input: { UserPoolId: string; Username: string }) {
    const { pool, user } = await this.target(ctx, input.UserPoolId, input.Username);
    await this.save(pool, { ...user, enabled: true });
    return {};
  }

  async AdminDisableUser(ctx: RequestContext, input: { UserPoolId: string; Username: string }) {
    const { pool, user } = await this.target(ctx, input.UserPoolId, input.Username);
    await this.core.db.tx(async (tx) => {
      await this.core.putUser(tx, pool, { ...user, enabled: false, modified: this.core.now() });
      await tx.run('UPDATE cognito_refresh SET revoked = 1 WHERE pool_id = ? AND ukey = ?', [pool.Id, this.core.ukey(pool, user.Username)]);
    });
    return {};
  }

  async AdminDeleteUser(ctx: RequestContext, input: { UserPoolId: string; Username: string }) {
    const { pool, user } = await this.target(ctx, input.UserPoolId, input.Username);
    await this.core.db.tx((tx) => this.core.deleteUser(tx, pool, user));
  }

  async AdminUserGlobalSignOut(ctx: RequestContext, input: { UserPoolId: string; Username: string }) {
    const { pool, user } = await this.target(ctx, input.UserPoolId, input.Username);
    await this.core.db.tx((tx) => tx.run('UPDATE cognito_refresh SET revoked = 1 WHERE pool_id = ? AND ukey = ?', [pool.Id, this.core.ukey(pool, user.Username)]));
    return {};
  }

  async ListUsers(ctx: RequestContext, input: ListUsersRequest) {
    const pool = await this.core.ownPool(ctx, input.UserPoolId);
    const filter = parseFilter(input.Filter);
    const size = input.Limit ?? 60;
    const listing = listingOf('ListUsers', ctx, pool.Id, input.Filter);
    const after = input.PaginationToken === undefined ? undefined : decodePageToken(input.PaginationToken, listing);
    if (input.PaginationToken !== undefined && !after) throw new InvalidParameterException('Invalid pagination token.');
    let cursor = after ? String(after[0]) : undefined;
    const found: { ukey: string; user: StoredUser }[] = [];
    let more = false;
    // Read in bounded chunks until the page is full (a filter may skip most rows).
    for (;;) {
      const rows = await this.core.db.all<{ ukey: string; doc: string }>(
        `SELECT ukey, doc FROM cognito_users WHERE pool_id = ?${cursor !== undefined ? ' AND ukey > ?' : ''} ORDER BY ukey LIMIT 200`,
        [pool.Id, ...(cursor !== undefined ? [cursor] : [])],
      );
      for (const r of rows) {
        const user = JSON.parse(r.doc) as StoredUser;
        if (filter && !filterMatches(filter, user)) continue;
        if (found.length === size) {
          more = true;
          break;
        }
        found.push({ ukey: r.ukey, user });
      }
      if (more || rows.length < 200) break;
      cursor = rows[rows.length - 1]!.ukey;
    }
    return {
      Users: found.map((f) => userOutput(f.user, input.AttributesToGet?.length ? input.AttributesToGet : undefined)),
      ...(more ? { PaginationToken: encodePageToken(listing, [found[found.length - 1]!.ukey]) } : {}),
    };
  }
}

export function attrRecord(list: { Name: string; Value?: string }[] | undefined): Record<string, string> | null {
  if (!list) return null;
  return Object.fromEntries(list.map((a) => [a.Name, a.Value ?? '']));
}
