import type { Db, Migration, Queryable } from '../../storage/db.js';
import type { ApiDoc, ApiKeyDoc, DeploymentDoc, DomainDoc, StageDoc, UsagePlanDoc } from './types.js';
import type { CertificateDoc } from './certificates.js';
import type { VpcLinkDoc } from './vpclinks.js';

export const MIGRATIONS: Migration[] = [
  {
    version: 1,
    sql: `
CREATE TABLE apigw_apis (account TEXT NOT NULL, region TEXT NOT NULL, id TEXT NOT NULL, created INTEGER NOT NULL, doc TEXT NOT NULL, PRIMARY KEY (account, region, id));
CREATE INDEX apigw_apis_id ON apigw_apis (id);
CREATE TABLE apigw_deployments (account TEXT NOT NULL, region TEXT NOT NULL, api_id TEXT NOT NULL, id TEXT NOT NULL, created INTEGER NOT NULL, doc TEXT NOT NULL, PRIMARY KEY (account, region, api_id, id));
CREATE TABLE apigw_stages (account TEXT NOT NULL, region TEXT NOT NULL, api_id TEXT NOT NULL, name TEXT NOT NULL, doc TEXT NOT NULL, PRIMARY KEY (account, region, api_id, name));
CREATE TABLE apigw_keys (account TEXT NOT NULL, region TEXT NOT NULL, id TEXT NOT NULL, value TEXT NOT NULL, created INTEGER NOT NULL, doc TEXT NOT NULL, PRIMARY KEY (account, region, id));
CREATE INDEX apigw_keys_value ON apigw_keys (account, region, value);
CREATE TABLE apigw_plans (account TEXT NOT NULL, region TEXT NOT NULL, id TEXT NOT NULL, doc TEXT NOT NULL, PRIMARY KEY (account, region, id));
CREATE TABLE apigw_plan_keys (account TEXT NOT NULL, region TEXT NOT NULL, plan_id TEXT NOT NULL, key_id TEXT NOT NULL, PRIMARY KEY (account, region, plan_id, key_id));
CREATE TABLE apigw_usage (account TEXT NOT NULL, region TEXT NOT NULL, plan_id TEXT NOT NULL, key_id TEXT NOT NULL, day TEXT NOT NULL, used INTEGER NOT NULL, PRIMARY KEY (account, region, plan_id, key_id, day));
`,
  },
  {
    version: 2,
    sql: `
CREATE TABLE apigw_domains (account TEXT NOT NULL, region TEXT NOT NULL, name TEXT NOT NULL, doc TEXT NOT NULL, PRIMARY KEY (account, region, name));
CREATE INDEX apigw_domains_name ON apigw_domains (name);
`,
  },
  {
    version: 3,
    sql: `CREATE TABLE apigw_account (account TEXT NOT NULL, region TEXT NOT NULL, doc TEXT NOT NULL, PRIMARY KEY (account, region));`,
  },
  {
    version: 4,
    sql: `CREATE TABLE apigw_certs (account TEXT NOT NULL, region TEXT NOT NULL, id TEXT NOT NULL, created INTEGER NOT NULL, doc TEXT NOT NULL, PRIMARY KEY (account, region, id));`,
  },
  {
    version: 5,
    sql: `CREATE TABLE apigw_vpclinks (account TEXT NOT NULL, region TEXT NOT NULL, id TEXT NOT NULL, created INTEGER NOT NULL, doc TEXT NOT NULL, PRIMARY KEY (account, region, id));`,
  },
];

export interface Scope {
  accountId: string;
  region: string;
}

/** SQL access for API Gateway; documents are JSON text. */
export class Store {
  constructor(readonly db: Db) {}

  async init(): Promise<void> {
    await this.db.migrate('apigateway', MIGRATIONS);
  }

  // ---- REST APIs
  async getApi(q: Queryable, s: Scope, id: string): Promise<ApiDoc | undefined> {
    const row = await q.get<{ doc: string }>('SELECT doc FROM apigw_apis WHERE account = ? AND region = ? AND id = ?', [s.accountId, s.region, id]);
    return row ? (JSON.parse(row.doc) as ApiDoc) : undefined;
  }
  async listApis(q: Queryable, s: Scope): Promise<ApiDoc[]> {
    const rows = await q.all<{ doc: string }>('SELECT doc FROM apigw_apis WHERE account = ? AND region = ? ORDER BY created, id', [s.accountId, s.region]);
    return rows.map((r) => JSON.parse(r.doc) as ApiDoc);
  }
  async putApi(q: Queryable, s: Scope, doc: ApiDoc): Promise<void> {
    const text = JSON.stringify(doc);
    const { changes } = await q.run('UPDATE apigw_apis SET doc = ? WHERE account = ? AND region = ? AND id = ?', [text, s.accountId, s.region, doc.api.id]);
    if (changes === 0) await q.run('INSERT INTO apigw_apis (account, region, id, created, doc) VALUES (?, ?, ?, ?, ?)', [s.accountId, s.region, doc.api.id, doc.api.createdDate, text]);
  }
  async deleteApi(q: Queryable, s: Scope, id: string): Promise<void> {
    const p = [s.accountId, s.region, id];
    await q.run('DELETE FROM apigw_apis WHERE account = ? AND region = ? AND id = ?', p);
    await q.run('DELETE FROM apigw_deployments WHERE account = ? AND region = ? AND api_id = ?', p);
    await q.run('DELETE FROM apigw_stages WHERE account = ? AND region = ? AND api_id = ?', p);
  }
  /** The account and region an API id belongs to (ids are unique across accounts). */
  async locateApi(q: Queryable, id: string): Promise<Scope | undefined> {
    const row = await q.get<{ account: string; region: string }>('SELECT account, region FROM apigw_apis WHERE id = ?', [id]);
    return row ? { accountId: row.account, region: row.region } : undefined;
  }

  // ---- deployments
  async getDeployment(q: Queryable, s: Scope, apiId: string, id: string): Promise<DeploymentDoc | undefined> {
    const row = await q.get<{ doc: string }>('SELECT doc FROM apigw_deployments WHERE account = ? AND region = ? AND api_id = ? AND id = ?', [s.accountId, s.region, apiId, id]);
    return row ? (JSON.parse(row.doc) as DeploymentDoc) : undefined;
  }
  async listDeployments(q: Queryable, s: Scope, apiId: string): Promise<DeploymentDoc[]> {
    const rows = await q.all<{ doc: string }>('SELECT doc FROM apigw_deployments WHERE account = ? AND region = ? AND api_id = ? ORDER BY created, id', [s.accountId, s.region, apiId]);
    return rows.map((r) => JSON.parse(r.doc) as DeploymentDoc);
  }
  async putDeployment(q: Queryable, s: Scope, apiId: string, doc: DeploymentDoc): Promise<void> {
    const text = JSON.stringify(doc);
    const { changes } = await q.run('UPDATE apigw_deployments SET doc = ? WHERE account = ? AND region = ? AND api_id = ? AND id = ?', [text, s.accountId, s.region, apiId, doc.id]);
    if (changes === 0) await q.run('INSERT INTO apigw_deployments (account, region, api_id, id, created, doc) VALUES (?, ?, ?, ?, ?, ?)', [s.accountId, s.region, apiId, doc.id, doc.createdDate, text]);
  }
  async deleteDeployment(q: Queryable, s: Scope, apiId: string, id: string): Promise<void> {
    await q.run('DELETE FROM apigw_deployments WHERE account = ? AND region = ? AND api_id = ? AND id = ?', [s.accountId, s.region, apiId, id]);
  }

  // ---- stages
  async getStage(q: Queryable, s: Scope, apiId: string, name: string): Promise<StageDoc | undefined> {
    const row = await q.get<{ doc: string }>('SELECT doc FROM apigw_stages WHERE account = ? AND region = ? AND api_id = ? AND name = ?', [s.accountId, s.region, apiId, name]);
    return row ? (JSON.parse(row.doc) as StageDoc) : undefined;
  }
  async listStages(q: Queryable, s: Scope, apiId: string): Promise<StageDoc[]> {
    const rows = await q.all<{ doc: string }>('SELECT doc FROM apigw_stages WHERE account = ? AND region = ? AND api_id = ? ORDER BY name', [s.accountId, s.region, apiId]);
    return rows.map((r) => JSON.parse(r.doc) as StageDoc);
  }
  async putStage(q: Queryable, s: Scope, apiId: string, doc: StageDoc): Promise<void> {
    const text = JSON.stringify(doc);
    const { changes } = await q.run('UPDATE apigw_stages SET doc = ? WHERE account = ? AND region = ? AND api_id = ? AND name = ?', [text, s.accountId, s.region, apiId, doc.stageName]);
    if (changes === 0) await q.run('INSERT INTO apigw_stages (account, region, api_id, name, doc) VALUES (?, ?, ?, ?, ?)', [s.accountId, s.region, apiId, doc.stageName, text]);
  }
  async deleteStage(q: Queryable, s: Scope, apiId: string, name: string): Promise<void> {
    await q.run('DELETE FROM apigw_stages WHERE account = ? AND region = ? AND api_id = ? AND name = ?', [s.accountId, s.region, apiId, name]);
  }

  // ---- API keys
  async getKey(q: Queryable, s: Scope, id: string): Promise<ApiKeyDoc | undefined> {
    const row = await q.get<{ doc: string }>('SELECT doc FROM apigw_keys WHERE account = ? AND region = ? AND id = ?', [s.accountId, s.region, id]);
    return row ? (JSON.parse(row.doc) as ApiKeyDoc) : undefined;
  }
  async getKeyByValue(q: Queryable, s: Scope, value: string): Promise<ApiKeyDoc | undefined> {
    const row = await q.get<{ doc: string }>('SELECT doc FROM apigw_keys WHERE account = ? AND region = ? AND value = ?', [s.accountId, s.region, value]);
    return row ? (JSON.parse(row.doc) as ApiKeyDoc) : undefined;
  }
  async listKeys(q: Queryable, s: Scope): Promise<ApiKeyDoc[]> {
    const rows = await q.all<{ doc: string }>('SELECT doc FROM apigw_keys WHERE account = ? AND region = ? ORDER BY created, id', [s.accountId, s.region]);
    return rows.map((r) => JSON.parse(r.doc) as ApiKeyDoc);
  }
  async putKey(q: Queryable, s: Scope, doc: ApiKeyDoc): Promise<void> {
    const text = JSON.stringify(doc);
    const { changes } = await q.run('UPDATE apigw_keys SET doc = ?, value = ? WHERE account = ? AND region = ? AND id = ?', [text, doc.value, s.accountId, s.region, doc.id]);
    if (changes === 0) await q.run('INSERT INTO apigw_keys (account, region, id, value, created, doc) VALUES (?, ?, ?, ?, ?, ?)', [s.accountId, s.region, doc.id, doc.value, doc.createdDate, text]);
  }
  async deleteKey(q: Queryable, s: Scope, id: string): Promise<void> {
    await q.run('DELETE FROM apigw_keys WHERE account = ? AND region = ? AND id = ?', [s.accountId, s.region, id]);
    await q.run('DELETE FROM apigw_plan_keys WHERE account = ? AND region = ? AND key_id = ?', [s.accountId, s.region, id]);
  }

  // ---- usage plans
  async getPlan(q: Queryable, s: Scope, id: string): Promise<UsagePlanDoc | undefined> {
    const row = await q.get<{ doc: string }>('SELECT doc FROM apigw_plans WHERE account = ? AND region = ? AND id = ?', [s.accountId, s.region, id]);
    return row ? (JSON.parse(row.doc) as UsagePlanDoc) : undefined;
  }
  async listPlans(q: Queryable, s: Scope): Promise<UsagePlanDoc[]> {
    const rows = await q.all<{ doc: string }>('SELECT doc FROM apigw_plans WHERE account = ? AND region = ? ORDER BY id', [s.accountId, s.region]);
    return rows.map((r) => JSON.parse(r.doc) as UsagePlanDoc);
  }
  async putPlan(q: Queryable, s: Scope, doc: UsagePlanDoc): Promise<void> {
    const text = JSON.stringify(doc);
    const { changes } = await q.run('UPDATE apigw_plans SET doc = ? WHERE account = ? AND region = ? AND id = ?', [text, s.accountId, s.region, doc.id]);
    if (changes === 0) await q.run('INSERT INTO apigw_plans (account, region, id, doc) VALUES (?, ?, ?, ?)', [s.accountId, s.region, doc.id, text]);
  }
  async deletePlan(q: Queryable, s: Scope, id: string): Promise<void> {
    await q.run('DELETE FROM apigw_plans WHERE account = ? AND region = ? AND id = ?', [s.accountId, s.region, id]);
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

  // ---- custom domain names (base path mappings inside the document)
  async getDomain(q: Queryable, s: Scope, name: string): Promise<DomainDoc | undefined> {
    const row = await q.get<{ doc: string }>('SELECT doc FROM apigw_domains WHERE account = ? AND region = ? AND name = ?', [s.accountId, s.region, name]);
    return row ? (JSON.parse(row.doc) as DomainDoc) : undefined;
  }
  async listDomains(q: Queryable, s: Scope): Promise<DomainDoc[]> {
    const rows = await q.all<{ doc: string }>('SELECT doc FROM apigw_domains WHERE account = ? AND region = ? ORDER BY name', [s.accountId, s.region]);
    return rows.map((r) => JSON.parse(r.doc) as DomainDoc);
  }
  async putDomain(q: Queryable, s: Scope, doc: DomainDoc): Promise<void> {
    const text = JSON.stringify(doc);
    const { changes } = await q.run('UPDATE apigw_domains SET doc = ? WHERE account = ? AND region = ? AND name = ?', [text, s.accountId, s.region, doc.domainName]);
    if (changes === 0) await q.run('INSERT INTO apigw_domains (account, region, name, doc) VALUES (?, ?, ?, ?)', [s.accountId, s.region, doc.domainName, text]);
  }
  async deleteDomain(q: Queryable, s: Scope, name: string): Promise<void> {
    await q.run('DELETE FROM apigw_domains WHERE account = ? AND region = ? AND name = ?', [s.accountId, s.region, name]);
  }
  /** Every custom domain, across accounts (the data plane routes by Host). */
  async allDomains(q: Queryable): Promise<(DomainDoc & { scope: Scope })[]> {
    const rows = await q.all<{ account: string; region: string; doc: string }>('SELECT account, region, doc FROM apigw_domains', []);
    return rows.map((r) => ({ ...(JSON.parse(r.doc) as DomainDoc), scope: { accountId: r.account, region: r.region } }));
  }

  // ---- client certificates
  async getCertificate(q: Queryable, s: Scope, id: string): Promise<CertificateDoc | undefined> {
    const row = await q.get<{ doc: string }>('SELECT doc FROM apigw_certs WHERE account = ? AND region = ? AND id = ?', [s.accountId, s.region, id]);
    return row ? (JSON.parse(row.doc) as CertificateDoc) : undefined;
  }
  async listCertificates(q: Queryable, s: Scope): Promise<CertificateDoc[]> {
    const rows = await q.all<{ doc: string }>('SELECT doc FROM apigw_certs WHERE account = ? AND region = ? ORDER BY created, id', [s.accountId, s.region]);
    return rows.map((r) => JSON.parse(r.doc) as CertificateDoc);
  }
  async putCertificate(q: Queryable, s: Scope, c: CertificateDoc): Promise<void> {
    await q.run('DELETE FROM apigw_certs WHERE account = ? AND region = ? AND id = ?', [s.accountId, s.region, c.clientCertificateId]);
    await q.run('INSERT INTO apigw_certs (account, region, id, created, doc) VALUES (?, ?, ?, ?, ?)', [s.accountId, s.region, c.clientCertificateId, c.createdDate, JSON.stringify(c)]);
  }
  async deleteCertificate(q: Queryable, s: Scope, id: string): Promise<void> {
    await q.run('DELETE FROM apigw_certs WHERE account = ? AND region = ? AND id = ?', [s.accountId, s.region, id]);
  }

  // ---- VPC links
  async getVpcLink(q: Queryable, s: Scope, id: string): Promise<VpcLinkDoc | undefined> {
    const row = await q.get<{ doc: string }>('SELECT doc FROM apigw_vpclinks WHERE account = ? AND region = ? AND id = ?', [s.accountId, s.region, id]);
    return row ? (JSON.parse(row.doc) as VpcLinkDoc) : undefined;
  }
  async listVpcLinks(q: Queryable, s: Scope): Promise<VpcLinkDoc[]> {
    const rows = await q.all<{ doc: string }>('SELECT doc FROM apigw_vpclinks WHERE account = ? AND region = ? ORDER BY created, id', [s.accountId, s.region]);
    return rows.map((r) => JSON.parse(r.doc) as VpcLinkDoc);
  }
  async putVpcLink(q: Queryable, s: Scope, l: VpcLinkDoc): Promise<void> {
    await q.run('DELETE FROM apigw_vpclinks WHERE account = ? AND region = ? AND id = ?', [s.accountId, s.region, l.id]);
    await q.run('INSERT INTO apigw_vpclinks (account, region, id, created, doc) VALUES (?, ?, ?, ?, ?)', [s.accountId, s.region, l.id, l.created, JSON.stringify(l)]);
  }
  async deleteVpcLink(q: Queryable, s: Scope, id: string): Promise<void> {
    await q.run('DELETE FROM apigw_vpclinks WHERE account = ? AND region = ? AND id = ?', [s.accountId, s.region, id]);
  }

  // ---- account settings (UpdateAccount)
  async getAccount(q: Queryable, s: Scope): Promise<{ cloudwatchRoleArn?: string } | undefined> {
    const row = await q.get<{ doc: string }>('SELECT doc FROM apigw_account WHERE account = ? AND region = ?', [s.accountId, s.region]);
    return row ? (JSON.parse(row.doc) as { cloudwatchRoleArn?: string }) : undefined;
  }
  async putAccount(q: Queryable, s: Scope, doc: { cloudwatchRoleArn?: string }): Promise<void> {
    await q.run('DELETE FROM apigw_account WHERE account = ? AND region = ?', [s.accountId, s.region]);
    await q.run('INSERT INTO apigw_account (account, region, doc) VALUES (?, ?, ?)', [s.accountId, s.region, JSON.stringify(doc)]);
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
    const { changes } = await q.run('UPDATE apigw_usage SET used = used + ? WHERE account = ? AND region = ? AND plan_id = ? AND key_id = ? AND day = ?', [n, s.accountId, s.region, planId, keyId, day]);
    if (changes === 0) await q.run('INSERT INTO apigw_usage (account, region, plan_id, key_id, day, used) VALUES (?, ?, ?, ?, ?, ?)', [s.accountId, s.region, planId, keyId, day, n]);
  }
  async setUsage(q: Queryable, s: Scope, planId: string, keyId: string, day: string, used: number): Promise<void> {
    await q.run('DELETE FROM apigw_usage WHERE account = ? AND region = ? AND plan_id = ? AND key_id = ? AND day = ?', [s.accountId, s.region, planId, keyId, day]);
    await q.run('INSERT INTO apigw_usage (account, region, plan_id, key_id, day, used) VALUES (?, ?, ?, ?, ?, ?)', [s.accountId, s.region, planId, keyId, day, used]);
  }
}
