/**
 * Cognito identity pools in SQL. Pools are keyed by their id (`{region}:{uuid}`, unique everywhere:
 * the unsigned calls GetId and GetCredentialsForIdentity carry only the pool or identity id);
 * identities by their id, with the login (`{provider}|{subject}`) that made them, so that the same
 * user always gets the same identity. One RSA key signs the OpenID tokens of every pool.
 */
import type { Migration } from '../../storage/db.js';

export const COGNITO_IDENTITY_MIGRATIONS: Migration[] = [
  {
    version: 1,
    sql: `
CREATE TABLE IF NOT EXISTS cognito_identity_pools (
  pool_id TEXT COLLATE "C" NOT NULL PRIMARY KEY, account TEXT NOT NULL, region TEXT NOT NULL,
  created BIGINT NOT NULL, doc TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS cognito_identity_pools_scope ON cognito_identity_pools (account, region, pool_id);
CREATE TABLE IF NOT EXISTS cognito_identity_ids (
  identity_id TEXT COLLATE "C" NOT NULL PRIMARY KEY, pool_id TEXT COLLATE "C" NOT NULL,
  created BIGINT NOT NULL, modified BIGINT NOT NULL, logins TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS cognito_identity_ids_pool ON cognito_identity_ids (pool_id, identity_id);
CREATE TABLE IF NOT EXISTS cognito_identity_logins (
  pool_id TEXT COLLATE "C" NOT NULL, login TEXT COLLATE "C" NOT NULL, identity_id TEXT NOT NULL,
  PRIMARY KEY (pool_id, login)
);
CREATE TABLE IF NOT EXISTS cognito_identity_keys (
  id TEXT NOT NULL PRIMARY KEY, kid TEXT NOT NULL, private_pem TEXT NOT NULL, public_jwk TEXT NOT NULL
);
`,
  },
];
