/**
 * What the hosted UI keeps between requests: authorization codes (one use, five minutes, kept by
 * their hash) and the browser's sign-in session behind the `cognito` cookie (an hour), which lets a
 * later /oauth2/authorize skip the login page until /logout ends it.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { hashToken, type CognitoCore } from '../core.js';

export const CODE_TTL_MS = 5 * 60_000;
export const WEB_SESSION_TTL_MS = 3600_000;

export interface CodeGrant {
  clientId: string;
  ukey: string;
  authTime: number;
  redirectUri: string;
  scopes: string[];
  nonce?: string;
  /** PKCE: the S256 challenge the authorize request gave. */
  codeChallenge?: string;
}

/** Stores a one-use record (five minutes) under the hash of its key. */
export async function putOnce(core: CognitoCore, poolId: string, key: string, doc: object): Promise<void> {
  const now = core.now();
  await core.db.tx(async (tx) => {
    await tx.run('DELETE FROM cognito_oauth_codes WHERE expires < ?', [now]);
    await tx.run('INSERT INTO cognito_oauth_codes (code_hash, pool_id, expires, doc) VALUES (?, ?, ?, ?)', [hashToken(key), poolId, now + CODE_TTL_MS, JSON.stringify(doc)]);
  });
}

/** The record a key names, deleted as it is read so that it is used once; undefined when unknown, used or expired. */
export async function takeOnce<T>(core: CognitoCore, poolId: string, key: string): Promise<T | undefined> {
  const id = hashToken(key);
  const row = await core.db.tx(async (tx) => {
    const r = await tx.get<{ pool_id: string; expires: number; doc: string }>('SELECT pool_id, expires, doc FROM cognito_oauth_codes WHERE code_hash = ?', [id]);
    if (r) await tx.run('DELETE FROM cognito_oauth_codes WHERE code_hash = ?', [id]);
    return r;
  });
  if (!row || row.pool_id !== poolId || row.expires <= core.now()) return undefined;
  return JSON.parse(row.doc) as T;
}

export async function newCode(core: CognitoCore, poolId: string, grant: CodeGrant): Promise<string> {
  const code = randomUUID();
  await putOnce(core, poolId, code, grant);
  return code;
}

/** The grant a code names, spent as it is read; never a federation state kept in the same table. */
export async function takeCode(core: CognitoCore, poolId: string, code: string): Promise<CodeGrant | undefined> {
  const grant = await takeOnce<CodeGrant & { kind?: string }>(core, poolId, code);
  return grant && grant.kind === undefined ? grant : undefined;
}

export interface WebSession {
  ukey: string;
  authTime: number;
}

export async function newWebSession(core: CognitoCore, poolId: string, session: WebSession): Promise<string> {
  const id = randomBytes(32).toString('base64url');
  const now = core.now();
  await core.db.tx(async (tx) => {
    await tx.run('DELETE FROM cognito_web_sessions WHERE expires < ?', [now]);
    await tx.run('INSERT INTO cognito_web_sessions (id_hash, pool_id, ukey, auth_time, expires) VALUES (?, ?, ?, ?, ?)', [hashToken(id), poolId, session.ukey, session.authTime, now + WEB_SESSION_TTL_MS]);
  });
  return id;
}

export async function webSession(core: CognitoCore, poolId: string, id: string | undefined): Promise<WebSession | undefined> {
  if (!id) return undefined;
  const row = await core.db.get<{ pool_id: string; ukey: string; auth_time: number; expires: number }>('SELECT pool_id, ukey, auth_time, expires FROM cognito_web_sessions WHERE id_hash = ?', [hashToken(id)]);
  if (!row || row.pool_id !== poolId || row.expires <= core.now()) return undefined;
  return { ukey: row.ukey, authTime: Number(row.auth_time) };
}

export async function endWebSession(core: CognitoCore, id: string | undefined): Promise<void> {
  if (id) await core.db.tx((tx) => tx.run('DELETE FROM cognito_web_sessions WHERE id_hash = ?', [hashToken(id)]));
}
