/**
 * IAM storage. IAM is global: rows are keyed by account alone. Users, groups, roles, customer managed
 * policies, instance profiles and identity providers are `iam_entities` rows keyed by (account, kind,
 * lower-cased name) since IAM names are unique whatever their case; the row's document holds the
 * entity. Inline policies, attachments, group members, policy versions, instance profile roles and
 * access keys have their own tables; `iam_account` holds the alias and the password policy.
 */
import type { Migration, Queryable, SqlValue } from '../../storage/db.js';
import { keysetPage, type Page } from '../../storage/paginate.js';

export const IAM_MIGRATIONS: Migration[] = [
  {
    version: 1,
    sql: `
CREATE TABLE IF NOT EXISTS iam_entities (
  account TEXT NOT NULL, kind TEXT NOT NULL, lname TEXT COLLATE "C" NOT NULL,
  path TEXT COLLATE "C" NOT NULL, id TEXT NOT NULL, doc TEXT NOT NULL,
  PRIMARY KEY (account, kind, lname)
);
CREATE INDEX IF NOT EXISTS iam_entities_id ON iam_entities (id);
CREATE TABLE IF NOT EXISTS iam_inline (
  account TEXT NOT NULL, kind TEXT NOT NULL, owner TEXT COLLATE "C" NOT NULL, name TEXT COLLATE "C" NOT NULL, doc TEXT NOT NULL,
  PRIMARY KEY (account, kind, owner, name)
);
CREATE TABLE IF NOT EXISTS iam_attached (
  account TEXT NOT NULL, kind TEXT NOT NULL, owner TEXT COLLATE "C" NOT NULL, policy_arn TEXT COLLATE "C" NOT NULL,
  PRIMARY KEY (account, kind, owner, policy_arn)
);
CREATE INDEX IF NOT EXISTS iam_attached_policy ON iam_attached (account, policy_arn, kind, owner);
CREATE TABLE IF NOT EXISTS iam_members (
  account TEXT NOT NULL, grp TEXT COLLATE "C" NOT NULL, usr TEXT COLLATE "C" NOT NULL,
  PRIMARY KEY (account, grp, usr)
);
CREATE INDEX IF NOT EXISTS iam_members_user ON iam_members (account, usr, grp);
CREATE TABLE IF NOT EXISTS iam_policy_versions (
  account TEXT NOT NULL, policy TEXT COLLATE "C" NOT NULL, version BIGINT NOT NULL, doc TEXT NOT NULL, created BIGINT NOT NULL,
  PRIMARY KEY (account, policy, version)
);
CREATE TABLE IF NOT EXISTS iam_profile_roles (
  account TEXT NOT NULL, profile TEXT COLLATE "C" NOT NULL, role TEXT COLLATE "C" NOT NULL,
  PRIMARY KEY (account, profile)
);
CREATE INDEX IF NOT EXISTS iam_profile_roles_role ON iam_profile_roles (account, role, profile);
CREATE TABLE IF NOT EXISTS iam_access_keys (
  key_id TEXT COLLATE "C" NOT NULL PRIMARY KEY, account TEXT NOT NULL, usr TEXT COLLATE "C" NOT NULL,
  secret TEXT NOT NULL, status TEXT NOT NULL, created BIGINT NOT NULL,
  last_used BIGINT, last_service TEXT, last_region TEXT
);
CREATE INDEX IF NOT EXISTS iam_access_keys_user ON iam_access_keys (account, usr, key_id);
CREATE TABLE IF NOT EXISTS iam_account (
  account TEXT NOT NULL PRIMARY KEY, alias TEXT, password_policy TEXT
);
`,
  },
];

export type Kind = 'user' | 'group' | 'role' | 'policy' | 'instance-profile' | 'oidc-provider' | 'saml-provider' | 'mfa';

export interface Tag {
  Key: string;
  Value: string;
}

/** One IAM entity as stored: the fields every kind has, and those of its kind. */
export interface Entity {
  kind: Kind;
  name: string;
  id: string;
  arn: string;
  path: string;
  created: number;
  tags?: Tag[];
  /** Users and roles: the permissions boundary policy ARN. */
  boundary?: string;
  /** Roles. */
  trust?: string;
  description?: string;
  maxSession?: number;
  serviceLinked?: boolean;
  lastUsed?: { at: number; region: string };
  /** Policies. */
  defaultVersion?: number;
  nextVersion?: number;
  updated?: number;
  /** Users: the console password. */
  login?: { created: number; resetRequired: boolean; password: string };
  /** OIDC providers. */
  url?: string;
  clientIds?: string[];
  thumbprints?: string[];
  /** SAML providers. */
  metadata?: string;
  /** Virtual MFA devices: the TOTP seed (base32), the user it is enabled for and since when. */
  seed?: string;
  user?: string;
  enabledAt?: number;
}

export const lower = (name: string): string => name.toLowerCase();

export async function getEntity(q: Queryable, account: string, kind: Kind, name: string): Promise<Entity | undefined> {
  const row = await q.get<{ doc: string }>('SELECT doc FROM iam_entities WHERE account = ? AND kind = ? AND lname = ?', [account, kind, lower(name)]);
  return row ? (JSON.parse(row.doc) as Entity) : undefined;
}

export async function putEntity(q: Queryable, account: string, e: Entity): Promise<void> {
  await q.run(
    'INSERT INTO iam_entities (account, kind, lname, path, id, doc) VALUES (?, ?, ?, ?, ?, ?) ' +
      'ON CONFLICT (account, kind, lname) DO UPDATE SET path = excluded.path, id = excluded.id, doc = excluded.doc',
    [account, e.kind, lower(e.name), e.path, e.id, JSON.stringify(e)],
  );
}

export async function deleteEntity(q: Queryable, account: string, kind: Kind, name: string): Promise<boolean> {
  const { changes } = await q.run('DELETE FROM iam_entities WHERE account = ? AND kind = ? AND lname = ?', [account, kind, lower(name)]);
  return changes > 0;
}

/** A page of entities of one kind whose path starts with `pathPrefix`, by name. */
export async function listEntities(
  q: Queryable,
  account: string,
  kind: Kind,
  page: { pathPrefix?: string; listing: string; limit: number; after: SqlValue[] | undefined },
): Promise<Page<Entity>> {
  const prefix = page.pathPrefix ?? '/';
  const rows = await keysetPage<{ doc: string; lname: string }>(
    q,
    {
      select: 'doc, lname',
      from: 'iam_entities',
      where: 'account = ? AND kind = ? AND substr(path, 1, ?) = ?',
      params: [account, kind, prefix.length, prefix],
      keys: ['lname'],
    },
    { listing: page.listing, limit: page.limit, after: page.after, keyOf: (r) => [r.lname] },
  );
  return { items: rows.items.map((r) => JSON.parse(r.doc) as Entity), next: rows.next };
}

/** Names (lower-cased) from a simple two-column listing, paged by that name. */
export async function listNames(
  q: Queryable,
  sql: { from: string; where: string; params: SqlValue[]; column: string },
  page: { listing: string; limit: number; after: SqlValue[] | undefined },
): Promise<Page<string>> {
  const rows = await keysetPage<{ v: string }>(
    q,
    { select: `${sql.column} AS v`, from: sql.from, where: sql.where, params: sql.params, keys: [sql.column] },
    { listing: page.listing, limit: page.limit, after: page.after, keyOf: (r) => [r.v] },
  );
  return { items: rows.items.map((r) => r.v), next: rows.next };
}

export interface AccessKeyRow {
  key_id: string;
  account: string;
  usr: string;
  secret: string;
  status: string;
  created: number;
  last_used: number | null;
  last_service: string | null;
  last_region: string | null;
}

export async function getAccessKey(q: Queryable, keyId: string): Promise<AccessKeyRow | undefined> {
  return q.get<AccessKeyRow>('SELECT * FROM iam_access_keys WHERE key_id = ?', [keyId]);
}

export async function accountRow(q: Queryable, account: string): Promise<{ alias: string | null; password_policy: string | null } | undefined> {
  return q.get('SELECT alias, password_policy FROM iam_account WHERE account = ?', [account]);
}
