/**
 * Function URLs in SQL: one row per (function, alias or none), found by its URL id for every
 * request to the URL. Migrations of their own ('lambda.urls') so they never collide with the
 * function tables' numbering.
 */
import type { Cors, FunctionUrlAuthType, InvokeMode } from '../../../generated/lambda.js';
import type { Migration, Queryable } from '../../../storage/db.js';
import type { LambdaCore, Scope } from '../core.js';

export const URL_MIGRATIONS: Migration[] = [
  {
    version: 1,
    sql: `
CREATE TABLE IF NOT EXISTS lambda_urls (
  account TEXT NOT NULL, region TEXT NOT NULL, name TEXT NOT NULL, qualifier TEXT NOT NULL COLLATE "C",
  url_id TEXT NOT NULL UNIQUE, config TEXT NOT NULL,
  PRIMARY KEY (account, region, name, qualifier)
);
`,
  },
];

/** A URL's configuration as stored (InvokeMode only once set: responses show it only then). */
export interface UrlDoc {
  AuthType: FunctionUrlAuthType;
  Cors?: Cors;
  InvokeMode?: InvokeMode;
  CreationTime: string;
  LastModifiedTime: string;
}

/** A URL row; `qualifier` is '' for the unqualified function ($LATEST). */
export interface UrlRow {
  account: string;
  region: string;
  name: string;
  qualifier: string;
  url_id: string;
  config: string;
}

/** A URL as the data plane uses it. */
export interface FunctionUrlTarget {
  scope: Scope;
  name: string;
  qualifier: string | undefined;
  urlId: string;
  doc: UrlDoc;
}

/** Timestamps as AWS writes them for function URLs (microseconds, Z). */
export function urlTimestamp(ms: number): string {
  return new Date(ms).toISOString().replace(/Z$/, '000Z');
}

/**
 * The URL clients are told: on this server, under the `{urlId}.lambda-url.{region}.localhost` host
 * name (see the README's host names), at the port and scheme of the endpoint.
 */
export function functionUrl(endpoint: string, urlId: string, region: string): string {
  const u = new URL(endpoint);
  return `${u.protocol}//${urlId}.lambda-url.${region}.localhost${u.port ? `:${u.port}` : ''}/`;
}

export async function urlRow(q: Queryable, scope: Scope, name: string, qualifier: string | undefined): Promise<UrlRow | undefined> {
  return q.get<UrlRow>('SELECT * FROM lambda_urls WHERE account = ? AND region = ? AND name = ? AND qualifier = ?', [scope.accountId, scope.region, name, qualifier ?? '']);
}

/**
 * Looks URLs up by id for the data plane, with the rows read outside a transaction cached until
 * Lambda next writes (as the function rows are).
 */
export class UrlDirectory {
  private readonly cache = new Map<string, { generation: number; target: FunctionUrlTarget | undefined }>();

  constructor(private readonly core: LambdaCore) {}

  async find(urlId: string): Promise<FunctionUrlTarget | undefined> {
    const generation = this.core.generation;
    const hit = this.cache.get(urlId);
    if (hit && hit.generation === generation) return hit.target;
    const row = await this.core.db.get<UrlRow>('SELECT * FROM lambda_urls WHERE url_id = ?', [urlId]);
    const target = row
      ? { scope: { accountId: row.account, region: row.region }, name: row.name, qualifier: row.qualifier || undefined, urlId, doc: JSON.parse(row.config) as UrlDoc }
      : undefined;
    if (generation === this.core.generation) {
      if (this.cache.size >= 1000) this.cache.clear();
      this.cache.set(urlId, { generation, target });
    }
    return target;
  }
}
