/**
 * What the Cognito families share: the database and clock, pools, clients, users and their aliases,
 * the pool's signing key, the message inbox and the Lambda triggers.
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { Clock } from '../../core/clock.js';
import type { Db, Queryable } from '../../storage/db.js';
import type { Platform } from '../service.js';
import {
  AliasExistsException,
  ResourceNotFoundException,
  UserNotFoundException,
  type UserPoolClientType,
  type UserPoolType,
  type UserStatusType,
} from '../../generated/cognito-idp.js';
import { newPoolKey, type PoolKey } from './crypto/tokens.js';
import { COGNITO_MIGRATIONS } from './store.js';

/** A pool as stored: the API's shape with dates as epoch milliseconds, and the MFA settings. */
export type StoredPool = Omit<UserPoolType, 'CreationDate' | 'LastModifiedDate'> & {
  Id: string;
  Name: string;
  account: string;
  region: string;
  CreationDate: number;
  LastModifiedDate: number;
  softwareTokenMfa?: boolean;
  /** Email MFA's message settings, when it is on. */
  emailMfa?: { Message?: string; Subject?: string };
};

export type StoredClient = Omit<UserPoolClientType, 'CreationDate' | 'LastModifiedDate'> & {
  ClientId: string;
  UserPoolId: string;
  CreationDate: number;
  LastModifiedDate: number;
};

export interface StoredGroup {
  GroupName: string;
  Description?: string;
  RoleArn?: string;
  Precedence?: number;
  CreationDate: number;
  LastModifiedDate: number;
}

export interface Code {
  code: string;
  expires: number;
}

export interface StoredUser {
  Username: string;
  sub: string;
  attrs: Record<string, string>;
  status: UserStatusType;
  enabled: boolean;
  created: number;
  modified: number;
  /** scrypt hash of the password. */
  pw?: string;
  /** SRP salt and verifier of the password (hex). */
  srp?: { salt: string; verifier: string };
  /** New email or phone values awaiting verification (AttributesRequireVerificationBeforeUpdate). */
  pending?: Record<string, string>;
  /** Hashes of the last passwords (PasswordHistorySize), newest last. */
  history?: string[];
  /** When a temporary password stops working. */
  tempExpires?: number;
  codes: { signup?: Code; forgot?: Code; attr?: Record<string, Code> };
  totp?: { secret: string; verified: boolean };
  /** Failed sign-ins in a row, and until when sign-in is refused after too many. */
  failures?: { count: number; lockedUntil?: number };
  mfa?: { totp?: boolean; sms?: boolean; email?: boolean; preferred?: string };
}

export interface Message {
  username: string;
  destination: string;
  medium: 'EMAIL' | 'SMS';
  kind: string;
  code?: string;
  temporaryPassword?: string;
  subject?: string;
  text: string;
  created: string;
}

export const CODE_TTL_MS = 24 * 3600_000;
export const FORGOT_TTL_MS = 3600_000;

export class CognitoCore {
  private readonly keys = new Map<string, PoolKey>();

  private constructor(
    readonly platform: Platform,
    readonly db: Db,
    readonly clock: Clock,
  ) {}

  static async open(platform: Platform): Promise<CognitoCore> {
    await platform.db.migrate('cognito-idp', COGNITO_MIGRATIONS);
    return new CognitoCore(platform, platform.db, platform.clock);
  }

  now(): number {
    return this.clock.now();
  }

  /**
   * The `iss` of the pool's tokens: AWS's own `https://cognito-idp.{region}.amazonaws.com/{poolId}`
   * unless the configuration's `services["cognito-idp"].issuer` says `local` (this server's
   * endpoint) or gives a template with `{region}` and `{userPoolId}`.
   */
  issuer(pool: { Id: string; region: string }): string {
    const setting = this.platform.config.services?.['cognito-idp']?.issuer;
    if (setting === 'local') return `${this.platform.endpoint()}/${pool.Id}`;
    const template = typeof setting === 'string' && setting !== 'aws' ? setting : 'https://cognito-idp.{region}.amazonaws.com/{userPoolId}';
    return template.replaceAll('{region}', pool.region).replaceAll('{userPoolId}', pool.Id);
  }

  // ---- pools

  async pool(poolId: string, q: Queryable = this.db): Promise<StoredPool> {
    const row = await q.get<{ doc: string }>('SELECT doc FROM cognito_pools WHERE pool_id = ?', [poolId]);
    if (!row) throw new ResourceNotFoundException(`User pool ${poolId} does not exist.`);
    return JSON.parse(row.doc) as StoredPool;
  }

  /** A pool of the caller's account and region (admin calls). */
  async ownPool(scope: { accountId: string; region: string }, poolId: string, q: Queryable = this.db): Promise<StoredPool> {
    const pool = await this.pool(poolId, q).catch(() => undefined);
    if (!pool || pool.account !== scope.accountId || pool.region !== scope.region) throw new ResourceNotFoundException(`User pool ${poolId} does not exist.`);
    return pool;
  }

  async putPool(q: Queryable, pool: StoredPool): Promise<void> {
    await q.run(
      'INSERT INTO cognito_pools (pool_id, account, region, created, doc) VALUES (?, ?, ?, ?, ?) ON CONFLICT (pool_id) DO UPDATE SET doc = excluded.doc',
      [pool.Id, pool.account, pool.region, pool.CreationDate, JSON.stringify(pool)],
    );
  }

  /** The pool's RS256 key, made with the pool. */
  async key(poolId: string): Promise<PoolKey> {
    const cached = this.keys.get(poolId);
    if (cached) return cached;
    const row = await this.db.get<{ kid: string; private_pem: string; public_jwk: string }>('SELECT kid, private_pem, public_jwk FROM cognito_keys WHERE pool_id = ?', [poolId]);
    if (!row) throw new ResourceNotFoundException(`User pool ${poolId} does not exist.`);
    const key: PoolKey = { kid: row.kid, privatePem: row.private_pem, publicJwk: JSON.parse(row.public_jwk) as PoolKey['publicJwk'] };
    this.keys.set(poolId, key);
    return key;
  }

  async createKey(q: Queryable, poolId: string): Promise<void> {
    const key = newPoolKey(randomBytes(32).toString('base64'));
    await q.run('INSERT INTO cognito_keys (pool_id, kid, private_pem, public_jwk) VALUES (?, ?, ?, ?)', [poolId, key.kid, key.privatePem, JSON.stringify(key.publicJwk)]);
  }

  forgetKey(poolId: string): void {
    this.keys.delete(poolId);
  }

  // ---- clients

  async client(clientId: string, q: Queryable = this.db): Promise<StoredClient> {
    const row = await q.get<{ doc: string }>('SELECT doc FROM cognito_clients WHERE client_id = ?', [clientId]);
    if (!row) throw new ResourceNotFoundException(`User pool client ${clientId} does not exist.`);
    return JSON.parse(row.doc) as StoredClient;
  }

  async putClient(q: Queryable, client: StoredClient): Promise<void> {
    await q.run(
      'INSERT INTO cognito_clients (client_id, pool_id, doc) VALUES (?, ?, ?) ON CONFLICT (client_id) DO UPDATE SET doc = excluded.doc',
      [client.ClientId, client.UserPoolId, JSON.stringify(client)],
    );
  }

  // ---- users

  /** The key a username is stored under in this pool: as given, lower-cased when the pool is case-insensitive (CaseSensitive false; true is AWS's default). */
  ukey(pool: StoredPool, username: string): string {
    return caseInsensitive(pool) ? username.toLowerCase() : username;
  }

  async userByKey(poolId: string, ukey: string, q: Queryable = this.db): Promise<StoredUser | undefined> {
    const row = await q.get<{ doc: string }>('SELECT doc FROM cognito_users WHERE pool_id = ? AND ukey = ?', [poolId, ukey]);
    return row ? (JSON.parse(row.doc) as StoredUser) : undefined;
  }

  /**
   * The user a sign-in name names: the username, else an email or phone number that is a username
   * attribute or a verified alias, else a preferred_username alias; undefined when none.
   */
  async findUser(pool: StoredPool, name: string, q: Queryable = this.db): Promise<StoredUser | undefined> {
    const direct = await this.userByKey(pool.Id, this.ukey(pool, name), q);
    if (direct) return direct;
    const alias = await q.get<{ ukey: string }>('SELECT ukey FROM cognito_aliases WHERE pool_id = ? AND value = ? ORDER BY attr LIMIT 1', [pool.Id, aliasValue(pool, name)]);
    if (alias) return this.userByKey(pool.Id, alias.ukey, q);
    const bySub = await q.get<{ doc: string }>('SELECT doc FROM cognito_users WHERE pool_id = ? AND sub = ?', [pool.Id, name]);
    return bySub ? (JSON.parse(bySub.doc) as StoredUser) : undefined;
  }

  async mustFindUser(pool: StoredPool, name: string, q: Queryable = this.db): Promise<StoredUser> {
    const user = await this.findUser(pool, name, q);
    if (!user) throw new UserNotFoundException('User does not exist.');
    return user;
  }

  /** Stores a user and its sign-in aliases; AliasExistsException when another user holds one. */
  async putUser(q: Queryable, pool: StoredPool, user: StoredUser, opts: { forceAlias?: boolean } = {}): Promise<void> {
    const ukey = this.ukey(pool, user.Username);
    await q.run(
      'INSERT INTO cognito_users (pool_id, ukey, sub, doc) VALUES (?, ?, ?, ?) ON CONFLICT (pool_id, ukey) DO UPDATE SET doc = excluded.doc',
      [pool.Id, ukey, user.sub, JSON.stringify(user)],
    );
    await q.run('DELETE FROM cognito_aliases WHERE pool_id = ? AND ukey = ?', [pool.Id, ukey]);
    for (const [attr, value] of aliasesOf(pool, user)) {
      const holder = await q.get<{ ukey: string }>('SELECT ukey FROM cognito_aliases WHERE pool_id = ? AND attr = ? AND value = ?', [pool.Id, attr, value]);
      if (holder && holder.ukey !== ukey) {
        if (!opts.forceAlias) throw new AliasExistsException(`An account with the given ${attr === 'phone_number' ? 'phone_number' : attr} already exists.`);
        await q.run('DELETE FROM cognito_aliases WHERE pool_id = ? AND attr = ? AND value = ?', [pool.Id, attr, value]);
      }
      await q.run('INSERT INTO cognito_aliases (pool_id, attr, value, ukey) VALUES (?, ?, ?, ?)', [pool.Id, attr, value, ukey]);
    }
  }

  async deleteUser(q: Queryable, pool: StoredPool, user: StoredUser): Promise<void> {
    const ukey = this.ukey(pool, user.Username);
    for (const table of ['cognito_users', 'cognito_aliases', 'cognito_members', 'cognito_refresh', 'cognito_devices']) {
      await q.run(`DELETE FROM ${table} WHERE pool_id = ? AND ukey = ?`, [pool.Id, ukey]);
    }
  }

  async groupsOf(poolId: string, ukey: string, q: Queryable = this.db): Promise<StoredGroup[]> {
    const rows = await q.all<{ doc: string }>(
      'SELECT g.doc FROM cognito_members m JOIN cognito_groups g ON g.pool_id = m.pool_id AND g.name = m.group_name WHERE m.pool_id = ? AND m.ukey = ? ORDER BY m.group_name',
      [poolId, ukey],
    );
    return rows.map((r) => JSON.parse(r.doc) as StoredGroup);
  }

  // ---- messages

  async addMessage(q: Queryable, poolId: string, message: Omit<Message, 'created'>): Promise<void> {
    const now = this.now();
    const id = `${String(now).padStart(15, '0')}-${randomUUID()}`;
    await q.run('INSERT INTO cognito_messages (pool_id, id, created, doc) VALUES (?, ?, ?, ?)', [poolId, id, now, JSON.stringify({ ...message, created: new Date(now).toISOString() })]);
    this.platform.log({ service: 'cognito-idp', userPoolId: poolId, message: `${message.kind} message for ${message.username} to ${message.destination} (${message.medium})`, code: message.code });
  }

  async messages(poolId: string, limit = 1000): Promise<Message[]> {
    const rows = await this.db.all<{ doc: string }>('SELECT doc FROM cognito_messages WHERE pool_id = ? ORDER BY id LIMIT ?', [poolId, limit]);
    return rows.map((r) => JSON.parse(r.doc) as Message);
  }
}

export function newCode(): string {
  return String(randomBytes(4).readUInt32BE() % 1_000_000).padStart(6, '0');
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function caseInsensitive(pool: StoredPool): boolean {
  return pool.UsernameConfiguration?.CaseSensitive === false;
}

/** In a case-insensitive pool, email and preferred_username aliases are matched case-insensitively too. */
export function aliasValue(pool: StoredPool, name: string): string {
  return caseInsensitive(pool) ? name.toLowerCase() : name;
}

/** The aliases a user signs in with: username attributes always, alias attributes when verified (preferred_username always). */
export function aliasesOf(pool: StoredPool, user: StoredUser): [string, string][] {
  const out: [string, string][] = [];
  const norm = (attr: string, v: string): string => (attr === 'phone_number' ? v : aliasValue(pool, v));
  for (const attr of pool.UsernameAttributes ?? []) {
    const v = user.attrs[attr];
    if (v) out.push([attr, norm(attr, v)]);
  }
  for (const attr of pool.AliasAttributes ?? []) {
    const v = user.attrs[attr];
    if (!v) continue;
    if (attr === 'preferred_username' || user.attrs[`${attr}_verified`] === 'true') out.push([attr, norm(attr, v)]);
  }
  return out;
}
