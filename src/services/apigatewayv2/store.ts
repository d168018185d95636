import type { Db, Migration, Queryable } from '../../storage/db.js';
import { DocTable, type Scope } from '../../storage/documents.js';
import type { ApiDoc, ConnectionRow, DeploymentDoc, DomainDoc, VpcLinkDoc } from './types.js';

export type { Scope };

export const MIGRATIONS: Migration[] = [
  {
    version: 1,
    sql: `
CREATE TABLE apigwv2_apis (account TEXT NOT NULL, region TEXT NOT NULL, id TEXT COLLATE "C" NOT NULL, created BIGINT NOT NULL, doc TEXT NOT NULL, PRIMARY KEY (account, region, id));
CREATE INDEX apigwv2_apis_id ON apigwv2_apis (id);
CREATE TABLE apigwv2_deployments (account TEXT NOT NULL, region TEXT NOT NULL, api_id TEXT NOT NULL, id TEXT COLLATE "C" NOT NULL, created BIGINT NOT NULL, doc TEXT NOT NULL, PRIMARY KEY (account, region, api_id, id));
CREATE TABLE apigwv2_connections (id TEXT NOT NULL PRIMARY KEY, account TEXT NOT NULL, region TEXT NOT NULL, api_id TEXT NOT NULL, stage TEXT NOT NULL, connected_at BIGINT NOT NULL, last_active_at BIGINT NOT NULL, source_ip TEXT NOT NULL, user_agent TEXT NOT NULL);
`,
  },
  {
    version: 2,
    sql: `CREATE TABLE apigwv2_vpclinks (account TEXT NOT NULL, region TEXT NOT NULL, id TEXT COLLATE "C" NOT NULL, created BIGINT NOT NULL, doc TEXT NOT NULL, PRIMARY KEY (account, region, id));`,
  },
  {
    version: 3,
    sql: `
CREATE TABLE apigwv2_domains (account TEXT NOT NULL, region TEXT NOT NULL, name TEXT COLLATE "C" NOT NULL, doc TEXT NOT NULL, PRIMARY KEY (account, region, name));
CREATE INDEX apigwv2_domains_name ON apigwv2_domains (name);
`,
  },
];

/** SQL access for API Gateway v2: an API document (routes, integrations, stages... inside), its deployments, WebSocket connections. */
export class Store {
  readonly apis = new DocTable<ApiDoc>({ table: 'apigwv2_apis', key: ['id'], orderBy: ['created'], columns: { created: (d) => d.api.CreatedDate } });
  readonly deployments = new DocTable<DeploymentDoc, readonly [apiId: string, id: string]>({
    table: 'apigwv2_deployments',
    key: ['api_id', 'id'],
    orderBy: ['created'],
    columns: { created: (d) => d.CreatedDate },
  });

  /** VPC links, recorded (no network is reached through them). */
  readonly vpcLinks = new DocTable<VpcLinkDoc>({ table: 'apigwv2_vpclinks', key: ['id'], orderBy: ['created'], columns: { created: (d) => d.CreatedDate } });

  /** Custom domain names, their API mappings inside. */
  readonly domains = new DocTable<DomainDoc>({ table: 'apigwv2_domains', key: ['name'] });

  constructor(readonly db: Db) {}

  /** Every custom domain with its scope (the data plane's table of host names). */
  async allDomains(): Promise<{ scope: Scope; doc: DomainDoc }[]> {
    const rows = await this.db.all<{ account: string; region: string; doc: string }>('SELECT account, region, doc FROM apigwv2_domains');
    return rows.map((r) => ({ scope: { accountId: r.account, region: r.region }, doc: JSON.parse(r.doc) as DomainDoc }));
  }

  init(): Promise<void> {
    return this.db.migrate('apigatewayv2', MIGRATIONS);
  }

  /** Every API's id and scope (the data plane's routing table of v2 ids). */
  async allApiIds(): Promise<{ id: string; scope: Scope }[]> {
    const rows = await this.db.all<{ id: string; account: string; region: string }>('SELECT id, account, region FROM apigwv2_apis');
    return rows.map((r) => ({ id: r.id, scope: { accountId: r.account, region: r.region } }));
  }

  async putConnection(q: Queryable, c: ConnectionRow): Promise<void> {
    await q.run(
      'INSERT INTO apigwv2_connections (id, account, region, api_id, stage, connected_at, last_active_at, source_ip, user_agent) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
      [c.connectionId, c.scope.accountId, c.scope.region, c.apiId, c.stage, c.connectedAt, c.lastActiveAt, c.sourceIp, c.userAgent],
    );
  }

  async getConnection(q: Queryable, id: string): Promise<ConnectionRow | undefined> {
    const r = await q.get<Record<string, string | number>>('SELECT * FROM apigwv2_connections WHERE id = ?', [id]);
    if (!r) return undefined;
    return {
      connectionId: String(r.id),
      scope: { accountId: String(r.account), region: String(r.region) },
      apiId: String(r.api_id),
      stage: String(r.stage),
      connectedAt: Number(r.connected_at),
      lastActiveAt: Number(r.last_active_at),
      sourceIp: String(r.source_ip),
      userAgent: String(r.user_agent),
    };
  }

  async touchConnection(q: Queryable, id: string, at: number): Promise<void> {
    await q.run('UPDATE apigwv2_connections SET last_active_at = ? WHERE id = ?', [at, id]);
  }

  async deleteConnection(q: Queryable, id: string): Promise<boolean> {
    const { changes } = await q.run('DELETE FROM apigwv2_connections WHERE id = ?', [id]);
    return changes > 0;
  }

  /** Connections of a previous run of this server: their sockets are gone. */
  async forgetConnections(q: Queryable): Promise<void> {
    await q.run('DELETE FROM apigwv2_connections', []);
  }
}
