/** Users: their API shape, attribute rules, the password policy, and ListUsers' filter language. */
import { randomUUID } from 'node:crypto';
import {
  InvalidParameterException,
  InvalidPasswordException,
  PasswordHistoryPolicyViolationException,
  type AttributeType,
  type UserType,
} from '../../generated/cognito-idp.js';
import type { StoredPool, StoredUser } from './core.js';
import { hashPassword, historyHash, historyMatches } from './crypto/password.js';
import { makeVerifier, poolNameOf } from './crypto/srp.js';

export function attributeList(user: StoredUser, only?: readonly string[]): AttributeType[] {
  const attrs: AttributeType[] = [{ Name: 'sub', Value: user.sub }];
  for (const [Name, Value] of Object.entries(user.attrs)) if (Name !== 'sub') attrs.push({ Name, Value });
  return only ? attrs.filter((a) => only.includes(a.Name)) : attrs;
}

export function userOutput(user: StoredUser, only?: readonly string[]): UserType {
  return {
    Username: user.Username,
    Attributes: attributeList(user, only),
    UserCreateDate: new Date(user.created),
    UserLastModifiedDate: new Date(user.modified),
    Enabled: user.enabled,
    UserStatus: user.status,
  };
}

/** Checks attributes against the pool's schema (names, mutability) and returns them as a record. */
export function checkAttributes(pool: StoredPool, attrs: readonly AttributeType[] | undefined, opts: { creating: boolean; developer?: boolean }): Record<string, string> {
  const out: Record<string, string> = {};
  const schema = new Map((pool.SchemaAttributes ?? []).map((s) => [s.Name, s]));
  for (const a of attrs ?? []) {
    const def = schema.get(a.Name);
    if (!def || a.Name === 'sub' || (def.DeveloperOnlyAttribute && !opts.developer)) {
      throw new InvalidParameterException(`Attributes did not conform to the schema: ${a.Name}: Attribute does not exist in the schema.\n`);
    }
    if (!opts.creating && def.Mutable === false) throw new InvalidParameterException(`Invalid user attributes: ${a.Name}: Attribute cannot be updated.\n`);
    const value = a.Value ?? '';
    const max = Number(def.StringAttributeConstraints?.MaxLength ?? 2048);
    if (value.length > max) throw new InvalidParameterException(`Attributes did not conform to the schema: ${a.Name}: String must be no longer than ${max} characters\n`);
    if (a.Name === 'email' && value && !/^[^@\s]+@[^@\s]+$/.test(value)) throw new InvalidParameterException('Invalid email address format.');
    if (a.Name === 'phone_number' && value && !/^\+\d{4,15}$/.test(value)) throw new InvalidParameterException('Invalid phone number format.');
    if ((a.Name === 'email_verified' || a.Name === 'phone_number_verified') && !['true', 'false'].includes(value)) {
      throw new InvalidParameterException(`Invalid value for ${a.Name}: must be true or false.`);
    }
    out[a.Name] = value;
  }
  return out;
}

/** Required attributes the pool's schema asks for that a new user lacks. */
export function checkRequired(pool: StoredPool, attrs: Record<string, string>): void {
  const missing = (pool.SchemaAttributes ?? []).filter((s) => s.Required && s.Name !== 'sub' && !attrs[s.Name ?? '']).map((s) => s.Name);
  if (missing.length) {
    throw new InvalidParameterException(`Attributes did not conform to the schema: ${missing.map((m) => `${m}: The attribute ${m} is required`).join(', ')}`);
  }
}

/** AWS's check of a password against the pool's policy, in AWS's words. */
export function checkPassword(pool: StoredPool, password: string): void {
  const p = pool.Policies?.PasswordPolicy ?? {};
  const fail = (why: string): never => {
    throw new InvalidPasswordException(`Password did not conform with policy: ${why}`);
  };
  if (password.length < (p.MinimumLength ?? 8)) fail('Password not long enough');
  if (p.RequireLowercase !== false && !/[a-z]/.test(password)) fail('Password must have lowercase characters');
  if (p.RequireUppercase !== false && !/[A-Z]/.test(password)) fail('Password must have uppercase characters');
  if (p.RequireNumbers !== false && !/[0-9]/.test(password)) fail('Password must have numeric characters');
  if (p.RequireSymbols !== false && !/[\^$*.[\]{}()?"!@#%&/\\,><':;|_~`=+\- ]/.test(password)) fail('Password must have symbol characters');
}

/** The password hash and the SRP verifier, computed whenever a password is set. */
export async function passwordFields(pool: StoredPool, username: string, password: string): Promise<Pick<StoredUser, 'pw' | 'srp' | 'history'>> {
  const size = pool.Policies?.PasswordPolicy?.PasswordHistorySize ?? 0;
  return { pw: await hashPassword(password), srp: makeVerifier(poolNameOf(pool.Id), username, password), ...(size > 0 ? { history: [await historyHash(password)] } : {}) };
}

/**
 * A user's new password (ChangePassword, ConfirmForgotPassword, AdminSetUserPassword, a
 * NEW_PASSWORD_REQUIRED answer): the policy, the pool's PasswordHistorySize, then the hash and verifier.
 */
export async function newPasswordFields(pool: StoredPool, user: StoredUser, password: string): Promise<Pick<StoredUser, 'pw' | 'srp' | 'history'>> {
  checkPassword(pool, password);
  const size = pool.Policies?.PasswordPolicy?.PasswordHistorySize ?? 0;
  const history = user.history ?? [];
  if (size > 0) {
    for (const h of history.slice(-size)) {
      if (await historyMatches(password, h)) throw new PasswordHistoryPolicyViolationException('The password you entered has already been used. Please choose a different password.');
    }
  }
  return { ...(await passwordFields(pool, user.Username, password)), history: size > 0 ? [...history, await historyHash(password)].slice(-size) : user.history };
}

/**
 * The username a new user gets: its own, or, in a pool whose users sign in with email or phone
 * number, a new UUID (the sub) with the given name as that attribute.
 */
export function newUserIdentity(pool: StoredPool, name: string, attrs: Record<string, string>): { Username: string; sub: string } {
  const sub = randomUUID();
  const ua = pool.UsernameAttributes ?? [];
  if (ua.length === 0) {
    if (/^[^@\s]+@[^@\s]+$/.test(name) && (pool.AliasAttributes ?? []).includes('email')) {
      throw new InvalidParameterException('Username cannot be of email format, since user pool is configured for email alias.');
    }
    return { Username: name, sub };
  }
  if (name.includes('@') && ua.includes('email')) {
    attrs.email = name;
  } else if (/^\+\d+$/.test(name) && ua.includes('phone_number')) {
    attrs.phone_number = name;
  } else {
    throw new InvalidParameterException(ua.length === 2 ? 'Username should be either an email or a phone number.' : ua[0] === 'email' ? 'Username should be an email.' : 'Username should be a phone number.');
  }
  return { Username: sub, sub };
}

export function maskEmail(email: string): string {
  const [local, domain] = email.split('@');
  return `${(local ?? '').slice(0, 1)}***@${(domain ?? '').slice(0, 1)}***`;
}

export function maskPhone(phone: string): string {
  return `+*******${phone.slice(-4)}`;
}

// ---- ListUsers filters: `attr = "value"` and `attr ^= "value"`

const FILTERABLE = new Set(['username', 'email', 'phone_number', 'name', 'given_name', 'family_name', 'preferred_username', 'cognito:user_status', 'status', 'sub']);

export interface UserFilter {
  attr: string;
  op: '=' | '^=';
  value: string;
}

export function parseFilter(filter: string | undefined): UserFilter | undefined {
  if (filter === undefined || filter.trim() === '') return undefined;
  const m = /^\s*([A-Za-z_:]+)\s*(\^?=)\s*"((?:[^"\\]|\\.)*)"\s*$/.exec(filter);
  if (!m) throw new InvalidParameterException('Error while parsing filter.');
  const attr = m[1]!;
  if (!FILTERABLE.has(attr)) throw new InvalidParameterException('Invalid search attribute: ' + attr);
  return { attr, op: m[2] as '=' | '^=', value: m[3]!.replace(/\\(.)/g, '$1') };
}

export function filterMatches(f: UserFilter, user: StoredUser): boolean {
  let v: string | undefined;
  if (f.attr === 'username') v = user.Username;
  else if (f.attr === 'cognito:user_status') v = user.status;
  else if (f.attr === 'status') v = user.enabled ? 'Enabled' : 'Disabled';
  else if (f.attr === 'sub') v = user.sub;
  else v = user.attrs[f.attr];
  if (v === undefined) return false;
  if (f.op === '=') return v === f.value;
  return v.startsWith(f.value);
}
