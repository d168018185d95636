/**
 * STS storage: one row per set of temporary credentials (ASIA... keys), with its secret, session
 * token, expiry on the platform clock and the principal it stands for (an assumed role, a federated
 * user, an IAM user's session). Rows expired for a day are dropped as new sessions are made.
 */
import type { Principal } from '../../core/context.js';
import type { Migration, Queryable } from '../../storage/db.js';

export const STS_MIGRATIONS: Migration[] = [
  {
    version: 1,
    sql: `
CREATE TABLE IF NOT EXISTS sts_sessions (
  key_id TEXT COLLATE "C" NOT NULL PRIMARY KEY, account TEXT NOT NULL, secret TEXT NOT NULL, token TEXT NOT NULL,
  expires BIGINT NOT NULL, created BIGINT NOT NULL, principal TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS sts_sessions_expires ON sts_sessions (expires);
`,
  },
];

/** How long an expired session's row is kept (so that its use answers ExpiredToken rather than an unknown key). */
const KEEP_EXPIRED_MS = 24 * 60 * 60 * 1000;

export interface SessionRow {
  key_id: string;
  account: string;
  secret: string;
  token: string;
  expires: number;
  principal: string;
}

export async function insertSession(q: Queryable, s: { keyId: string; secret: string; token: string; expires: number; now: number; principal: Principal }): Promise<void> {
  await q.run('DELETE FROM sts_sessions WHERE expires < ?', [s.now - KEEP_EXPIRED_MS]);
  await q.run('INSERT INTO sts_sessions (key_id, account, secret, token, expires, created, principal) VALUES (?, ?, ?, ?, ?, ?, ?)', [
    s.keyId,
    s.principal.accountId,
    s.secret,
    s.token,
    s.expires,
    s.now,
    JSON.stringify(s.principal),
  ]);
}

export async function getSession(q: Queryable, keyId: string): Promise<SessionRow | undefined> {
  return q.get<SessionRow>('SELECT key_id, account, secret, token, expires, principal FROM sts_sessions WHERE key_id = ?', [keyId]);
}
