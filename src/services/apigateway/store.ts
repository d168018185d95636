import type { Db, Migration, Queryable } from '../../storage/db.js';
import { DocTable, type Scope } from '../../storage/documents.js';
import type { AccountDoc, ApiDoc, ApiKeyDoc, CertificateDoc, DeploymentDoc, DomainDoc, StageDoc, UsagePlanDoc, VpcLinkDoc } from './types.js';

export type { Scope };

export const MIGRATIONS: Migration[] = [
  {
    version: 1,
    sql: `
CREATE TABLE apigw_apis (account TEXT NOT NULL, region TEXT NOT NULL, id TEXT COLLATE "C" NOT NULL, created BIGINT NOT NULL, doc TEXT NOT NULL, PRIMARY KEY (account, region, id));
CREATE INDEX apigw_apis_id ON apigw_apis (id);
CREATE TABLE apigw_deployments (account TEXT NOT NULL, region TEXT NOT NULL, api_id TEXT NOT NULL, id TEXT COLLATE "C" NOT NULL, created BIGINT NOT NULL, doc TEXT NOT NULL, PRIMARY KEY (account, region, api_id, id));
CREATE TABLE apigw_stages (account TEXT NOT NULL, region TEXT NOT NULL, api_id TEXT NOT NULL, name TEXT COLLATE "C" NOT NULL, doc TEXT NOT NULL, PRIMARY KEY (account, region, api_id, name));
CREATE TABLE apigw_keys (account TEXT NOT NULL, region TEXT NOT NULL, id TEXT COLLATE "C" NOT NULL, value TEXT NOT NULL, created BIGINT NOT NULL, doc TEXT NOT NULL, PRIMARY KEY (account, region, id));
CREATE INDEX apigw_keys_value ON apigw_keys (account, region, value);
CREATE TABLE apigw_plans (account TEXT NOT NULL, region TEXT NOT NULL, id TEXT COLLATE "C" NOT NULL, doc TEXT NOT NULL, PRIMARY KEY (account, region, id));
CREATE TABLE apigw_plan_keys (account TEXT NOT NULL, region TEXT NOT NULL, plan_id TEXT COLLATE "C" NOT NULL, key_id TEXT COLLATE "C" NOT NULL, PRIMARY KEY (account, region, plan_id, key_id));
CREATE TABLE apigw_usage (account TEXT NOT NULL, region TEXT NOT NULL, plan_id TEXT NOT NULL, key_id TEXT COLLATE "C" NOT NULL, day TEXT COLLATE "C" NOT NULL, used INTEGER NOT NULL, PRIMARY KEY (account, region, plan_id, key_id, day));
`,
  },
  {
    version: 2,
    sql: `
CREATE TABLE apigw_domains (account TEXT NOT NULL, region TEXT NOT NULL, name TEXT COLLATE "C" NOT NULL, doc TEXT NOT NULL, PRIMARY KEY (account, region, name));
CREATE INDEX apigw_domains_name ON apigw_domains (name);
`,
  },
  {
    version: 3,
    sql: `CREATE TABLE apigw_account (account TEXT NOT NULL, region TEXT NOT NULL, doc TEXT NOT NULL, PRIMARY KEY (account, region));`,
  },
  {
    version: 4,
    sql: `CREATE TABLE apigw_certs (account TEXT NOT NULL, region TEXT NOT NULL, id TEXT COLLATE "C" NOT NULL, created BIGINT NOT NULL, doc TEXT NOT NULL, PRIMARY KEY (account, region, id));`,
  },
  {
    version: 5,
    sql: `CREATE TABLE apigw_vpclinks (account TEXT NOT NULL, region TEXT NOT NULL, id TEXT COLLATE "C" NOT NULL, created BIGINT NOT NULL, doc TEXT NOT NULL, PRIMARY KEY (account, region, id));`,
  },
];

/** SQL access for API Gateway: one document table per resource kind, plus plan keys and usage counters. */
export class Store {
  /** REST API documents (resource tree, models, authorizers...), listed in creation order. */
  readonly apis = new DocTable<ApiDoc>({ table: 'apigw_apis', key: ['id'], orderBy: ['created'], columns: { created: (d) => d.api.createdDate } });
  readonly deployments = new DocTable<DeploymentDoc, readonly [apiId: string, id: string]>({
    table: 'apigw_deployments',
    key: ['api_id', 'id'],
    orderBy: ['created'],
    columns: { created: (d) => d.createdDate },
  });
  readonly stages = new DocTable<StageDoc, readonly [apiId: string, name: string]>({ table: 'apigw_stages', key: ['api_id', 'name'] });
  /** API keys; `value` is stored beside the document for the data plane's lookup by key value. */
  readonly keys = new DocTable<ApiKeyDoc>({ table: 'apigw_keys', key: ['id'], orderBy: ['created'], columns: { created: (k) => k.createdDate, value: (k) => k.value } });
  readonly plans = new DocTable<UsagePlanDoc>({ table: 'apigw_plans', key: ['id'] });
  /** Custom domain names, with their base path mappings inside the document. */
  readonly domains = new DocTable<DomainDoc>({ table: 'apigw_domains', key: ['name'] });
  readonly certificates = new DocTable<CertificateDoc>({ table: 'apigw_certs', key: ['id'], orderBy: ['created'], columns: { created: (c) => c.createdDate } });
  readonly vpcLinks = new DocTable<VpcLinkDoc>({ table: 'apigw_vpclinks', key: ['id'], orderBy: ['created'], columns: { created: (l) => l.created } });
  /** Account settings (UpdateAccount): one document per account and region. */
  readonly account = new DocTable<AccountDoc, readonly []>({ table: 'apigw_account', key: [] });

  constructor(readonly db: Db) {}

  async init(): Promise<void> {
    await this.db.migrate('apigateway', MIGRATIONS);
  }

  /** Deletes a REST API with its deployments and stages. */
  async deleteApi(q: Queryable, s: Scope, id: string): Promise<void> {
    await this.apis.delete(q, s, [id]);
    await this.deployments.deleteAll(q, s, [id]);
    await this.stages.deleteAll(q, s, [id]);
  }

  /** The account and region an API id belongs to (ids are unique across accounts). */
  async locateApi(q: Queryable, id: string): Promise<Scope | undefined> {
    const row = await q.get<{ account: string; region: string }>('SELECT account, region FROM apigw_apis WHERE id = ?', [id]);
    return row ? { accountId: row.account, region: row.region } : undefined;
  }

  /** Every custom domain, across accounts (the data plane routes by Host). */
  async allDomains(q: Queryable): Promise<(DomainDoc & { scope: Scope })[]> {
    const rows = await q.all<{ account: string; region: string; doc: string }>('SELECT account, region, doc FROM apigw_domains', []);
    return rows.map((r) => ({ ...(JSON.parse(r.doc) as DomainDoc), scope: { accountId: r.account, region: r.region } }));
  }

  // ---- the data plane's lookups
  getStage(q: Queryable, s: Scope, apiId: string, name: string): Promise<StageDoc | undefined> {
    return this.stages.get(q, s, [apiId, name]);
  }
  getDeployment(q: Queryable, s: Scope, apiId: string, id: string): Promise<DeploymentDoc | undefined> {
    return this.deployments.get(q, s, [apiId, id]);
  }
  getKeyByValue(q: Queryable, s: Scope, value: string): Promise<ApiKeyDoc | undefined> {
    return this.keys.find(q, s, 'value', value);
  }
  getPlan(q: Queryable, s: Scope, id: string): Promise<UsagePlanDoc | undefined> {
    return this.plans.get(q, s, [id]);
  }
  getCertificate(q: Queryable, s: Scope, id: string): Promise<CertificateDoc | undefined> {
    return this.certificates.get(q, s, [id]);
  }

  // ---- API keys and usage plans
  async deleteKey(q: Queryable, s: Scope, id: string): Promise<void> {
    await this.keys.delete(q, s, [id]);
    await q.run('DELETE FROM apigw_plan_keys WHERE account = ? AND region = ? AND key_id = ?', [s.accountId, s.region, id]);
  }
  async deletePlan(q: Queryable, s: Scope, id: string): Promise<void> {
    await this.plans.delete(q, s, [id]);
    await q.run('DELETE FROM apigw_plan_keys WHERE account = ? AND region = ? AND plan_id = ?', [s.accountId, s.region, id]);
    await q.run('DELETE FROM apigw_usage WHERE account = ? AND region = ? AND plan_id = ?', [s.accountId, s.region, id]);
  }
  async planKeys(q: Queryable, s: Scope, planId: string): Promise<string[]> {
    const rows = await q.all<{ key_id: string }>('SELECT key_id FROM apigw_plan_keys WHERE account = ? AND region = ? AND plan_id = ? ORDER BY key_id', [s.accountId, s.region, planId]);
    return rows.map((r) => r.key_id);
  }
  async plansOfKey(q: Queryable, s: Scope, keyId: string): Promise<string[]> {
    const rows = await q.all<{ plan_id: string }>('SELECT plan_id FROM apigw_plan_keys WHERE account = ? AND region = ? AND key_id = ? ORDER BY plan_id', [s.accountId, s.region, keyId]);
    return rows.map((r) => r.plan_id);
  }
  async addPlanKey(q: Queryable, s: Scope, planId: string, keyId: string): Promise<void> {
    await q.run('INSERT INTO apigw_plan_keys (account, region, plan_id, key_id) VALUES (?, ?, ?, ?)', [s.accountId, s.region, planId, keyId]);
  }
  async removePlanKey(q: Queryable, s: Scope, planId: string, keyId: string): Promise<number> {
    const r = await q.run('DELETE FROM apigw_plan_keys WHERE account = ? AND region = ? AND plan_id = ? AND key_id = ?', [s.accountId, s.region, planId, keyId]);
    return r.changes;
  }

  // ---- usage (quota counters per key, plan and UTC day)
  async usage(q: Queryable, s: Scope, planId: string, keyId: string | undefined, fromDay: string, toDay: string): Promise<{ key_id: string; day: string; used: number }[]> {
    const params = [s.accountId, s.region, planId, fromDay, toDay];
    let sql = 'SELECT key_id, day, used FROM apigw_usage WHERE account = ? AND region = ? AND plan_id = ? AND day >= ? AND day <= ?';
    if (keyId) {
      sql += ' AND key_id = ?';
      params.push(keyId);
    }
    return q.all(sql + ' ORDER BY key_id, day', params);
  }
  async addUsage(q: Queryable, s: Scope, planId: string, keyId: string, day: string, n: number): Promise<void> {
    await q.run(
      'INSERT INTO apigw_usage (account, region, plan_id, key_id, day, used) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (account, region, plan_id, key_id, day) DO UPDATE SET used = apigw_usage.used + excluded.used',
      [s.accountId, s.region, planId, keyId, day, n],
    );
  }
  async setUsage(q: Queryable, s: Scope, planId: string, keyId: string, day: string, used: number): Promise<void> {
    await q.run(
      'INSERT INTO apigw_usage (account, region, plan_id, key_id, day, used) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (account, region, plan_id, key_id, day) DO UPDATE SET used = excluded.used',
      [s.accountId, s.region, planId, keyId, day, used],
    );
  }
}
