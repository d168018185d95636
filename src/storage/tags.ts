import type { Db, Queryable, Tx } from './db.js';

/**
 * Resource tags for every service, in one table keyed by (account, region, resource ARN, key). AWS's
 * limits are the same across services (50 user tags per resource, keys of 1-128 and values of 0-256
 * characters, the reserved `aws:` prefix); only the error each service answers differs, so the checks
 * report a `TagProblem` and the service turns it into its own error. A service that always answered
 * otherwise (no count at creation, `aws:` keys accepted) says so with its `TagRules`.
 */
export const MAX_TAGS_PER_RESOURCE = 50;
export const MAX_TAG_KEY_LENGTH = 128;
export const MAX_TAG_VALUE_LENGTH = 256;

export type TagProblem =
  | { kind: 'tooMany'; count: number }
  | { kind: 'keyLength'; key: string }
  | { kind: 'valueLength'; key: string; value: string }
  | { kind: 'reservedPrefix'; key: string };

const MIGRATIONS = [
  {
    version: 1,
    sql: `CREATE TABLE stratus_tags (
      account TEXT NOT NULL, region TEXT NOT NULL, arn TEXT COLLATE "C" NOT NULL,
      tag_key TEXT COLLATE "C" NOT NULL, tag_value TEXT NOT NULL,
      PRIMARY KEY (account, region, arn, tag_key))`,
  },
];

/** Where a service departs from AWS's common rules. */
export interface TagRules {
  /** The most tags a resource may have: MAX_TAGS_PER_RESOURCE unless given (Infinity: no count). */
  readonly limit?: number;
  readonly acceptReservedPrefix?: boolean;
  /** Accept keys and values of any length (a service whose own limits are not known to differ). */
  readonly acceptAnyLength?: boolean;
}

export interface TagScope {
  readonly accountId: string;
  readonly region: string;
}

/** The problem with a set of tags on its own (key and value lengths, reserved prefix), if any. */
export function checkTags(tags: Readonly<Record<string, string>>, rules: TagRules = {}): TagProblem | undefined {
  for (const [key, value] of Object.entries(tags)) {
    if (!rules.acceptAnyLength && (key.length < 1 || key.length > MAX_TAG_KEY_LENGTH)) return { kind: 'keyLength', key };
    if (!rules.acceptAnyLength && value.length > MAX_TAG_VALUE_LENGTH) return { kind: 'valueLength', key, value };
    if (!rules.acceptReservedPrefix && key.toLowerCase().startsWith('aws:')) return { kind: 'reservedPrefix', key };
  }
  return undefined;
}

export class TagStore {
  private constructor(private readonly db: Db) {}

  static async open(db: Db): Promise<TagStore> {
    await db.migrate('tags', MIGRATIONS);
    return new TagStore(db);
  }

  /** The resource's tags, in key order (but for integer-like keys, which an object puts first). */
  async list(scope: TagScope, arn: string, q: Queryable = this.db): Promise<Record<string, string>> {
    return Object.fromEntries(await this.entries(scope, arn, q));
  }

  /** The resource's tags as [key, value] pairs in key order (byte order), for services that answer a list. */
  async entries(scope: TagScope, arn: string, q: Queryable = this.db): Promise<[string, string][]> {
    const rows = await q.all<{ tag_key: string; tag_value: string }>(
      'SELECT tag_key, tag_value FROM stratus_tags WHERE account = ? AND region = ? AND arn = ? ORDER BY tag_key',
      [scope.accountId, scope.region, arn],
    );
    return rows.map((r) => [r.tag_key, r.tag_value]);
  }

  /**
   * Adds or replaces tags inside the caller's transaction; returns the problem instead of writing when
   * `check` finds a malformed tag or the resource would pass `limit`. A service whose API has accepted
   * more than AWS's common rules (`checkTags`) passes its own `check`.
   */
  async tag(tx: Tx, scope: TagScope, arn: string, tags: Readonly<Record<string, string>>, rules: TagRules = {}): Promise<TagProblem | undefined> {
    const problem = checkTags(tags, rules);
    if (problem) return problem;
    const existing = await this.list(scope, arn, tx);
    const count = new Set([...Object.keys(existing), ...Object.keys(tags)]).size;
    if (count > (rules.limit ?? MAX_TAGS_PER_RESOURCE)) return { kind: 'tooMany', count };
    for (const [key, value] of Object.entries(tags)) {
      await tx.run(
        'INSERT INTO stratus_tags (account, region, arn, tag_key, tag_value) VALUES (?, ?, ?, ?, ?) ON CONFLICT (account, region, arn, tag_key) DO UPDATE SET tag_value = excluded.tag_value',
        [scope.accountId, scope.region, arn, key, value],
      );
    }
    return undefined;
  }

  async untag(tx: Tx, scope: TagScope, arn: string, keys: readonly string[]): Promise<void> {
    for (const key of keys) {
      await tx.run('DELETE FROM stratus_tags WHERE account = ? AND region = ? AND arn = ? AND tag_key = ?', [scope.accountId, scope.region, arn, key]);
    }
  }

  /** Drops every tag of a deleted resource. */
  async forget(tx: Tx, scope: TagScope, arn: string): Promise<void> {
    await tx.run('DELETE FROM stratus_tags WHERE account = ? AND region = ? AND arn = ?', [scope.accountId, scope.region, arn]);
  }
}
