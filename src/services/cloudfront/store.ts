/**
 * CloudFront storage. CloudFront is global: rows are keyed by account alone (region is not part of
 * any key). Distributions are JSON documents keyed by their id (ids are unique across accounts, as
 * AWS's are, so the data plane finds one by its host name alone); invalidations live under their
 * distribution; functions have one row per stage (DEVELOPMENT, LIVE); custom cache and origin
 * request policies are documents keyed by their id. Every document carries its ETag.
 */
import type { Migration, Queryable } from '../../storage/db.js';

export const CLOUDFRONT_MIGRATIONS: Migration[] = [
  {
    version: 1,
    sql: `
CREATE TABLE IF NOT EXISTS cf_distributions (
  id TEXT COLLATE "C" NOT NULL PRIMARY KEY, account TEXT NOT NULL, domain TEXT NOT NULL,
  caller_ref TEXT NOT NULL, doc TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS cf_distributions_account ON cf_distributions (account, id);
CREATE INDEX IF NOT EXISTS cf_distributions_domain ON cf_distributions (domain);
CREATE TABLE IF NOT EXISTS cf_invalidations (
  dist_id TEXT NOT NULL, id TEXT NOT NULL, created BIGINT NOT NULL, caller_ref TEXT NOT NULL, doc TEXT NOT NULL,
  PRIMARY KEY (dist_id, id)
);
CREATE INDEX IF NOT EXISTS cf_invalidations_order ON cf_invalidations (dist_id, created, id);
CREATE TABLE IF NOT EXISTS cf_functions (
  account TEXT NOT NULL, name TEXT COLLATE "C" NOT NULL, stage TEXT NOT NULL, doc TEXT NOT NULL,
  PRIMARY KEY (account, name, stage)
);
CREATE TABLE IF NOT EXISTS cf_policies (
  account TEXT NOT NULL, kind TEXT NOT NULL, id TEXT COLLATE "C" NOT NULL, name TEXT NOT NULL, doc TEXT NOT NULL,
  PRIMARY KEY (account, kind, id)
);
`,
  },
  {
    // KeyValueStore data: a store's keys (its metadata is a cf_policies document of kind 'kvs').
    version: 2,
    sql: `
CREATE TABLE IF NOT EXISTS cf_kvs_keys (
  kvs_id TEXT NOT NULL, k TEXT COLLATE "C" NOT NULL, v TEXT NOT NULL,
  PRIMARY KEY (kvs_id, k)
);
`,
  },
];

/** A distribution as stored: its config and what CloudFront adds to it. */
export interface DistributionDoc {
  id: string;
  account: string;
  domain: string;
  etag: string;
  /** DistributionConfig in its JSON (model) shape. */
  config: any;
  lastModified: number;
  /** Until when the distribution shows Status InProgress (platform ms). */
  deployedAt: number;
}

export interface InvalidationDoc {
  id: string;
  distributionId: string;
  created: number;
  completedAt: number;
  callerReference: string;
  paths: string[];
}

export interface FunctionDoc {
  name: string;
  account: string;
  stage: 'DEVELOPMENT' | 'LIVE';
  etag: string;
  comment: string;
  runtime: string;
  keyValueStoreAssociations?: any;
  /** The code, base64. */
  code: string;
  created: number;
  lastModified: number;
}

export interface PolicyDoc {
  id: string;
  /** Documents kept alike: policies, origin access controls, public keys, key groups, key value stores. */
  kind: 'cache' | 'origin-request' | 'response-headers' | 'oac' | 'public-key' | 'key-group' | 'kvs';
  etag: string;
  config: any;
  lastModified: number;
}

export class CloudFrontStore {
  constructor(private readonly db: Queryable) {}

  async distribution(id: string, q: Queryable = this.db): Promise<DistributionDoc | undefined> {
    const row = await q.get<{ doc: string }>('SELECT doc FROM cf_distributions WHERE id = ?', [id]);
    return row ? (JSON.parse(row.doc) as DistributionDoc) : undefined;
  }

  async distributionByDomain(domain: string): Promise<DistributionDoc | undefined> {
    const row = await this.db.get<{ doc: string }>('SELECT doc FROM cf_distributions WHERE domain = ?', [domain]);
    return row ? (JSON.parse(row.doc) as DistributionDoc) : undefined;
  }

  async distributionByCallerRef(account: string, ref: string, q: Queryable): Promise<string | undefined> {
    const row = await q.get<{ id: string }>('SELECT id FROM cf_distributions WHERE account = ? AND caller_ref = ?', [account, ref]);
    return row?.id;
  }

  async putDistribution(q: Queryable, d: DistributionDoc): Promise<void> {
    await q.run(
      'INSERT INTO cf_distributions (id, account, domain, caller_ref, doc) VALUES (?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET doc = excluded.doc',
      [d.id, d.account, d.domain, String(d.config.CallerReference), JSON.stringify(d)],
    );
  }

  async deleteDistribution(q: Queryable, id: string): Promise<void> {
    await q.run('DELETE FROM cf_distributions WHERE id = ?', [id]);
    await q.run('DELETE FROM cf_invalidations WHERE dist_id = ?', [id]);
  }

  async listDistributions(account: string, after: string, limit: number): Promise<DistributionDoc[]> {
    const rows = await this.db.all<{ doc: string }>('SELECT doc FROM cf_distributions WHERE account = ? AND id > ? ORDER BY id LIMIT ?', [account, after, limit]);
    return rows.map((r) => JSON.parse(r.doc) as DistributionDoc);
  }

  async invalidation(distId: string, id: string): Promise<InvalidationDoc | undefined> {
    const row = await this.db.get<{ doc: string }>('SELECT doc FROM cf_invalidations WHERE dist_id = ? AND id = ?', [distId, id]);
    return row ? (JSON.parse(row.doc) as InvalidationDoc) : undefined;
  }

  async invalidationByCallerRef(q: Queryable, distId: string, ref: string): Promise<InvalidationDoc | undefined> {
    const row = await q.get<{ doc: string }>('SELECT doc FROM cf_invalidations WHERE dist_id = ? AND caller_ref = ?', [distId, ref]);
    return row ? (JSON.parse(row.doc) as InvalidationDoc) : undefined;
  }

  async putInvalidation(q: Queryable, inv: InvalidationDoc): Promise<void> {
    await q.run('INSERT INTO cf_invalidations (dist_id, id, created, caller_ref, doc) VALUES (?, ?, ?, ?, ?)', [
      inv.distributionId,
      inv.id,
      inv.created,
      inv.callerReference,
      JSON.stringify(inv),
    ]);
  }

  /** Newest first, as AWS lists them; `after` is the (created, id) of the last one of the previous page. */
  async listInvalidations(distId: string, after: { created: number; id: string } | undefined, limit: number): Promise<InvalidationDoc[]> {
    const rows = after
      ? await this.db.all<{ doc: string }>(
          'SELECT doc FROM cf_invalidations WHERE dist_id = ? AND (created < ? OR (created = ? AND id < ?)) ORDER BY created DESC, id DESC LIMIT ?',
          [distId, after.created, after.created, after.id, limit],
        )
      : await this.db.all<{ doc: string }>('SELECT doc FROM cf_invalidations WHERE dist_id = ? ORDER BY created DESC, id DESC LIMIT ?', [distId, limit]);
    return rows.map((r) => JSON.parse(r.doc) as InvalidationDoc);
  }

  async fn(account: string, name: string, stage: string, q: Queryable = this.db): Promise<FunctionDoc | undefined> {
    const row = await q.get<{ doc: string }>('SELECT doc FROM cf_functions WHERE account = ? AND name = ? AND stage = ?', [account, name, stage]);
    return row ? (JSON.parse(row.doc) as FunctionDoc) : undefined;
  }

  async putFn(q: Queryable, f: FunctionDoc): Promise<void> {
    await q.run('INSERT INTO cf_functions (account, name, stage, doc) VALUES (?, ?, ?, ?) ON CONFLICT (account, name, stage) DO UPDATE SET doc = excluded.doc', [
      f.account,
      f.name,
      f.stage,
      JSON.stringify(f),
    ]);
  }

  async deleteFn(q: Queryable, account: string, name: string): Promise<void> {
    await q.run('DELETE FROM cf_functions WHERE account = ? AND name = ?', [account, name]);
  }

  async listFns(account: string, stage: string | undefined, after: string, limit: number): Promise<FunctionDoc[]> {
    const rows = stage
      ? await this.db.all<{ doc: string }>('SELECT doc FROM cf_functions WHERE account = ? AND stage = ? AND name > ? ORDER BY name LIMIT ?', [account, stage, after, limit])
      : await this.db.all<{ doc: string }>(
          `SELECT doc FROM cf_functions WHERE account = ? AND name > ? AND (stage = 'DEVELOPMENT' OR NOT EXISTS (SELECT 1 FROM cf_functions d WHERE d.account = cf_functions.account AND d.name = cf_functions.name AND d.stage = 'DEVELOPMENT')) ORDER BY name LIMIT ?`,
          [account, after, limit],
        );
    return rows.map((r) => JSON.parse(r.doc) as FunctionDoc);
  }

  async policy(account: string, kind: string, id: string, q: Queryable = this.db): Promise<PolicyDoc | undefined> {
    const row = await q.get<{ doc: string }>('SELECT doc FROM cf_policies WHERE account = ? AND kind = ? AND id = ?', [account, kind, id]);
    return row ? (JSON.parse(row.doc) as PolicyDoc) : undefined;
  }

  async policyNameTaken(q: Queryable, account: string, kind: string, name: string, except: string): Promise<boolean> {
    const row = await q.get('SELECT id FROM cf_policies WHERE account = ? AND kind = ? AND name = ? AND id <> ?', [account, kind, name, except]);
    return row !== undefined;
  }

  async policyByName(account: string, kind: string, name: string, q: Queryable = this.db): Promise<PolicyDoc | undefined> {
    const row = await q.get<{ doc: string }>('SELECT doc FROM cf_policies WHERE account = ? AND kind = ? AND name = ?', [account, kind, name]);
    return row ? (JSON.parse(row.doc) as PolicyDoc) : undefined;
  }

  async putPolicy(q: Queryable, account: string, p: PolicyDoc): Promise<void> {
    await q.run('INSERT INTO cf_policies (account, kind, id, name, doc) VALUES (?, ?, ?, ?, ?) ON CONFLICT (account, kind, id) DO UPDATE SET name = excluded.name, doc = excluded.doc', [
      account,
      p.kind,
      p.id,
      String(p.config.Name),
      JSON.stringify(p),
    ]);
  }

  async deletePolicy(q: Queryable, account: string, kind: string, id: string): Promise<void> {
    await q.run('DELETE FROM cf_policies WHERE account = ? AND kind = ? AND id = ?', [account, kind, id]);
    if (kind === 'kvs') await q.run('DELETE FROM cf_kvs_keys WHERE kvs_id = ?', [id]);
  }

  /** A key value store's document by its id (ids are UUIDs, unique across accounts). */
  async kvsById(id: string, q: Queryable = this.db): Promise<PolicyDoc | undefined> {
    const row = await q.get<{ doc: string }>("SELECT doc FROM cf_policies WHERE kind = 'kvs' AND id = ?", [id]);
    return row ? (JSON.parse(row.doc) as PolicyDoc) : undefined;
  }

  async kvsValue(kvsId: string, key: string, q: Queryable = this.db): Promise<string | undefined> {
    const row = await q.get<{ v: string }>('SELECT v FROM cf_kvs_keys WHERE kvs_id = ? AND k = ?', [kvsId, key]);
    return row?.v;
  }

  async kvsPut(q: Queryable, kvsId: string, key: string, value: string): Promise<void> {
    await q.run('INSERT INTO cf_kvs_keys (kvs_id, k, v) VALUES (?, ?, ?) ON CONFLICT (kvs_id, k) DO UPDATE SET v = excluded.v', [kvsId, key, value]);
  }

  async kvsDelete(q: Queryable, kvsId: string, key: string): Promise<void> {
    await q.run('DELETE FROM cf_kvs_keys WHERE kvs_id = ? AND k = ?', [kvsId, key]);
  }

  /** Keys in byte order after `after`. */
  async kvsKeys(kvsId: string, after: string, limit: number): Promise<{ k: string; v: string }[]> {
    return this.db.all<{ k: string; v: string }>('SELECT k, v FROM cf_kvs_keys WHERE kvs_id = ? AND k > ? ORDER BY k LIMIT ?', [kvsId, after, limit]);
  }

  async listPolicies(account: string, kind: string): Promise<PolicyDoc[]> {
    const rows = await this.db.all<{ doc: string }>('SELECT doc FROM cf_policies WHERE account = ? AND kind = ? ORDER BY id LIMIT 1000', [account, kind]);
    return rows.map((r) => JSON.parse(r.doc) as PolicyDoc);
  }

  /** Ids of the account's distributions whose document holds `needle`, after `after`, in id order. */
  async distributionIdsMentioning(account: string, needle: string, after: string, limit: number): Promise<string[]> {
    const rows = await this.db.all<{ id: string }>("SELECT id FROM cf_distributions WHERE account = ? AND id > ? AND doc LIKE ? ESCAPE '\\' ORDER BY id LIMIT ?", [
      account,
      after,
      `%${needle.replace(/[%_\\]/g, (c) => '\\' + c)}%`,
      limit,
    ]);
    return rows.map((r) => r.id);
  }

  /** Whether any of the account's functions (either stage) has `needle` within its document (a KeyValueStore ARN). */
  async functionsMentioning(account: string, needle: string): Promise<boolean> {
    const row = await this.db.get("SELECT name FROM cf_functions WHERE account = ? AND doc LIKE ? ESCAPE '\\'", [account, `%${needle.replace(/[%_\\]/g, (c) => '\\' + c)}%`]);
    return row !== undefined;
  }

  /** Whether any of the account's distributions uses the policy or function (`needle` within its config). */
  async distributionsMentioning(account: string, needle: string): Promise<boolean> {
    const row = await this.db.get("SELECT id FROM cf_distributions WHERE account = ? AND doc LIKE ? ESCAPE '\\'", [account, `%${needle.replace(/[%_\\]/g, (c) => '\\' + c)}%`]);
    return row !== undefined;
  }
}
