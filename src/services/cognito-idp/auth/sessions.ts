/**
 * Sign-in sessions between InitiateAuth and the answers to its challenges: one row per step,
 * taken (deleted) when answered, valid for the client's AuthSessionValidity minutes (3 by default).
 */
import { randomBytes } from 'node:crypto';
import { NotAuthorizedException } from '../../../generated/cognito-idp.js';
import { hashToken, type CognitoCore, type StoredClient, type StoredPool } from '../core.js';

export interface SessionDoc {
  clientId: string;
  ukey: string;
  /** The challenge this session answers (PASSWORD_VERIFIER, NEW_PASSWORD_REQUIRED, SOFTWARE_TOKEN_MFA, MFA_SETUP, CUSTOM_CHALLENGE). */
  challenge: string;
  admin: boolean;
  authTime?: number;
  srp?: { A: string; B: string; b: string };
  /** CUSTOM_AUTH: the challenges so far and the private parameters of the current one. */
  custom?: { history: { challengeName: string; challengeResult: boolean; challengeMetadata?: string }[]; privateParameters?: Record<string, unknown> };
  clientMetadata?: Record<string, string>;
  /** MFA_SETUP: the secret AssociateSoftwareToken gave, verified or not. */
  totp?: { secret: string; verified: boolean };
  triggerSource?: string;
  /** SMS_MFA, EMAIL_OTP, SMS_OTP: the code sent. */
  code?: string;
  /** The device the sign-in comes from (DEVICE_KEY), when the client named one. */
  deviceKey?: string;
  /** SELECT_MFA_TYPE and SELECT_CHALLENGE: what the user may choose. */
  choices?: string[];
}

export async function newSession(core: CognitoCore, pool: StoredPool, client: StoredClient, doc: SessionDoc, token?: string): Promise<string> {
  const id = token ?? randomBytes(192).toString('base64');
  const expires = core.now() + (client.AuthSessionValidity ?? 3) * 60_000;
  await core.db.tx((tx) => tx.run('INSERT INTO cognito_sessions (id, pool_id, expires, doc) VALUES (?, ?, ?, ?)', [hashToken(id), pool.Id, expires, JSON.stringify(doc)]));
  return id;
}

/** The session a token names, deleted so that it answers once; NotAuthorizedException when unknown or expired. */
export async function takeSession(core: CognitoCore, token: string | undefined, clientId: string, challenge?: string): Promise<{ poolId: string; doc: SessionDoc }> {
  if (!token) throw new NotAuthorizedException('Invalid session for the user.');
  const id = hashToken(token);
  const row = await core.db.tx(async (tx) => {
    const r = await tx.get<{ pool_id: string; expires: number; doc: string }>('SELECT pool_id, expires, doc FROM cognito_sessions WHERE id = ?', [id]);
    if (r) await tx.run('DELETE FROM cognito_sessions WHERE id = ?', [id]);
    await tx.run('DELETE FROM cognito_sessions WHERE expires < ?', [core.now() - 3600_000]);
    return r;
  });
  if (!row) throw new NotAuthorizedException('Invalid session for the user.');
  if (row.expires <= core.now()) throw new NotAuthorizedException('Invalid session for the user, session is expired.');
  const doc = JSON.parse(row.doc) as SessionDoc;
  if (doc.clientId !== clientId || (challenge && doc.challenge !== challenge)) throw new NotAuthorizedException('Invalid session for the user.');
  return { poolId: row.pool_id, doc };
}
