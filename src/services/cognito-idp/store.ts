/**
 * Cognito user pools in SQL. Everything is keyed by the pool id (`{region}_{random}`, unique across
 * accounts and regions) or by an id that names a pool: the calls a signed-out user makes (SignUp,
 * InitiateAuth...) carry no credentials, only a client id or a token, and find their pool from it.
 * Users are keyed by `ukey`: the username as stored, lower-cased in a case-insensitive pool.
 */
import type { Migration } from '../../storage/db.js';

export const COGNITO_MIGRATIONS: Migration[] = [
  {
    version: 1,
    sql: `
CREATE TABLE IF NOT EXISTS cognito_pools (
  pool_id TEXT COLLATE "C" NOT NULL PRIMARY KEY, account TEXT NOT NULL, region TEXT NOT NULL,
  created BIGINT NOT NULL, doc TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS cognito_pools_scope ON cognito_pools (account, region, pool_id);
CREATE TABLE IF NOT EXISTS cognito_keys (
  pool_id TEXT NOT NULL PRIMARY KEY, kid TEXT NOT NULL, private_pem TEXT NOT NULL, public_jwk TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS cognito_clients (
  client_id TEXT COLLATE "C" NOT NULL PRIMARY KEY, pool_id TEXT COLLATE "C" NOT NULL, doc TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS cognito_clients_pool ON cognito_clients (pool_id, client_id);
CREATE TABLE IF NOT EXISTS cognito_groups (
  pool_id TEXT NOT NULL, name TEXT COLLATE "C" NOT NULL, doc TEXT NOT NULL, PRIMARY KEY (pool_id, name)
);
CREATE TABLE IF NOT EXISTS cognito_users (
  pool_id TEXT NOT NULL, ukey TEXT COLLATE "C" NOT NULL, sub TEXT NOT NULL, doc TEXT NOT NULL,
  PRIMARY KEY (pool_id, ukey)
);
CREATE UNIQUE INDEX IF NOT EXISTS cognito_users_sub ON cognito_users (pool_id, sub);
CREATE TABLE IF NOT EXISTS cognito_aliases (
  pool_id TEXT NOT NULL, attr TEXT NOT NULL, value TEXT NOT NULL, ukey TEXT NOT NULL,
  PRIMARY KEY (pool_id, attr, value)
);
CREATE INDEX IF NOT EXISTS cognito_aliases_user ON cognito_aliases (pool_id, ukey);
CREATE TABLE IF NOT EXISTS cognito_members (
  pool_id TEXT NOT NULL, group_name TEXT COLLATE "C" NOT NULL, ukey TEXT COLLATE "C" NOT NULL,
  PRIMARY KEY (pool_id, group_name, ukey)
);
CREATE INDEX IF NOT EXISTS cognito_members_user ON cognito_members (pool_id, ukey, group_name);
CREATE TABLE IF NOT EXISTS cognito_sessions (
  id TEXT NOT NULL PRIMARY KEY, pool_id TEXT NOT NULL, expires BIGINT NOT NULL, doc TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS cognito_refresh (
  token_hash TEXT NOT NULL PRIMARY KEY, pool_id TEXT NOT NULL, client_id TEXT NOT NULL, ukey TEXT NOT NULL,
  origin_jti TEXT NOT NULL, auth_time BIGINT NOT NULL, expires BIGINT NOT NULL, revoked INTEGER NOT NULL
);
CREATE UNIQUE INDEX IF NOT EXISTS cognito_refresh_origin ON cognito_refresh (origin_jti);
CREATE INDEX IF NOT EXISTS cognito_refresh_user ON cognito_refresh (pool_id, ukey);
CREATE TABLE IF NOT EXISTS cognito_messages (
  pool_id TEXT NOT NULL, id TEXT COLLATE "C" NOT NULL, created BIGINT NOT NULL, doc TEXT NOT NULL,
  PRIMARY KEY (pool_id, id)
);
`,
  },
  {
    version: 2,
    sql: `
CREATE TABLE IF NOT EXISTS cognito_resource_servers (
  pool_id TEXT NOT NULL, identifier TEXT COLLATE "C" NOT NULL, doc TEXT NOT NULL, PRIMARY KEY (pool_id, identifier)
);
`,
  },
  {
    version: 3,
    sql: `
CREATE TABLE IF NOT EXISTS cognito_devices (
  pool_id TEXT NOT NULL, ukey TEXT NOT NULL, device_key TEXT COLLATE "C" NOT NULL, doc TEXT NOT NULL,
  PRIMARY KEY (pool_id, ukey, device_key)
);
`,
  },
  {
    version: 4,
    sql: `
CREATE TABLE IF NOT EXISTS cognito_providers (
  pool_id TEXT NOT NULL, name TEXT COLLATE "C" NOT NULL, doc TEXT NOT NULL, PRIMARY KEY (pool_id, name)
);
`,
  },
  {
    version: 5,
    sql: `
CREATE INDEX IF NOT EXISTS cognito_sessions_expires ON cognito_sessions (expires);
CREATE INDEX IF NOT EXISTS cognito_refresh_expires ON cognito_refresh (pool_id, ukey, expires);
`,
  },
  {
    version: 6,
    sql: `
CREATE TABLE IF NOT EXISTS cognito_domains (
  domain TEXT COLLATE "C" NOT NULL PRIMARY KEY, pool_id TEXT NOT NULL, doc TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS cognito_domains_pool ON cognito_domains (pool_id);
CREATE TABLE IF NOT EXISTS cognito_oauth_codes (
  code_hash TEXT NOT NULL PRIMARY KEY, pool_id TEXT NOT NULL, expires BIGINT NOT NULL, doc TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS cognito_oauth_codes_expires ON cognito_oauth_codes (expires);
CREATE TABLE IF NOT EXISTS cognito_web_sessions (
  id_hash TEXT NOT NULL PRIMARY KEY, pool_id TEXT NOT NULL, ukey TEXT NOT NULL, auth_time BIGINT NOT NULL, expires BIGINT NOT NULL
);
CREATE INDEX IF NOT EXISTS cognito_web_sessions_expires ON cognito_web_sessions (expires);
ALTER TABLE cognito_refresh ADD COLUMN scopes TEXT;
`,
  },
];
