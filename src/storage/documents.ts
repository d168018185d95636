import type { Queryable, SqlValue } from './db.js';

/** The account and region a stored resource belongs to: the first two columns of every key. */
export interface Scope {
  readonly accountId: string;
  readonly region: string;
}

/**
 * A table of JSON documents keyed by (account, region, ...key). `K` is the tuple of key values after
 * account and region: `[id]` for a top-level resource, `[apiId, name]` for one that lives under a
 * parent, `[]` for one document per account and region.
 */
export interface DocTableSpec<T, K extends readonly string[]> {
  readonly table: string;
  /** The key's column names after account and region, outermost first (e.g. ['api_id', 'name']). */
  readonly key: { readonly [I in keyof K]: string };
  /** Columns that order listings ahead of the last key column (e.g. ['created'] for creation order). */
  readonly orderBy?: readonly string[];
  /** Columns stored beside the document and computed from it: listing order, lookups by value. */
  readonly columns?: Readonly<Record<string, (doc: T) => SqlValue>>;
}

/** One bounded page of a listing; `next` holds the order values of its last item when more may follow. */
export interface DocPage<T> {
  readonly items: T[];
  readonly next?: SqlValue[];
}

/** The most documents one `list` call returns. */
export const MAX_DOC_PAGE = 1000;

const NAME = /^[a-z_][a-z0-9_]*$/;

/**
 * Get, list, put and delete for resources stored whole as JSON text. Listings are keyset-ordered
 * (by `orderBy`, then the last key column) and bounded, so memory never grows with the table;
 * a put is one INSERT ... ON CONFLICT DO UPDATE, portable to PostgreSQL.
 */
export class DocTable<T, K extends readonly string[] = readonly [string]> {
  /** The listing order; a cursor holds one value for each of these columns. */
  readonly order: readonly string[];
  private readonly key: readonly string[];
  private readonly columns: readonly [string, (doc: T) => SqlValue][];
  private readonly keyWhere: string;
  private readonly parentWhere: string;
  private readonly putSql: string;

  constructor(private readonly spec: DocTableSpec<T, K>) {
    const key = (this.key = spec.key as readonly string[]);
    this.columns = Object.entries(spec.columns ?? {});
    for (const name of [spec.table, ...key, ...(spec.orderBy ?? []), ...this.columns.map(([c]) => c)]) {
      if (!NAME.test(name)) throw new Error(`DocTable: ${name} is not a plain SQL name`);
    }
    const conditions = ['account = ?', 'region = ?', ...key.map((c) => `${c} = ?`)];
    this.keyWhere = conditions.join(' AND ');
    this.parentWhere = conditions.slice(0, -1).join(' AND ');
    this.order = [...(spec.orderBy ?? []), ...key.slice(-1)];
    const all = ['account', 'region', ...key, ...this.columns.map(([c]) => c), 'doc'];
    const updated = [...this.columns.map(([c]) => c), 'doc'].map((c) => `${c} = excluded.${c}`);
    this.putSql =
      `INSERT INTO ${spec.table} (${all.join(', ')}) VALUES (${all.map(() => '?').join(', ')}) ` +
      `ON CONFLICT (${['account', 'region', ...key].join(', ')}) DO UPDATE SET ${updated.join(', ')}`;
  }

  async get(q: Queryable, s: Scope, key: K): Promise<T | undefined> {
    const row = await q.get<{ doc: string }>(`SELECT doc FROM ${this.spec.table} WHERE ${this.keyWhere}`, [s.accountId, s.region, ...key]);
    return row ? (JSON.parse(row.doc) as T) : undefined;
  }

  /** The document whose stored column `column` holds `value` (a lookup column holds unique values). */
  async find(q: Queryable, s: Scope, column: string, value: SqlValue): Promise<T | undefined> {
    if (!this.columns.some(([c]) => c === column)) throw new Error(`DocTable ${this.spec.table}: no column ${column}`);
    const row = await q.get<{ doc: string }>(`SELECT doc FROM ${this.spec.table} WHERE account = ? AND region = ? AND ${column} = ?`, [s.accountId, s.region, value]);
    return row ? (JSON.parse(row.doc) as T) : undefined;
  }

  async put(q: Queryable, s: Scope, key: K, doc: T): Promise<void> {
    await q.run(this.putSql, [s.accountId, s.region, ...key, ...this.columns.map(([, f]) => f(doc)), JSON.stringify(doc)]);
  }

  /** Whether there was a document to delete. */
  async delete(q: Queryable, s: Scope, key: K): Promise<boolean> {
    const { changes } = await q.run(`DELETE FROM ${this.spec.table} WHERE ${this.keyWhere}`, [s.accountId, s.region, ...key]);
    return changes > 0;
  }

  /** Deletes every document under `parent` (the key without its last value): an API's stages when the API goes. */
  async deleteAll(q: Queryable, s: Scope, parent: readonly string[]): Promise<void> {
    await q.run(`DELETE FROM ${this.spec.table} WHERE ${this.parentWhere}`, [s.accountId, s.region, ...this.checkParent(parent)]);
  }

  /** Up to `limit` documents under `parent` (at most MAX_DOC_PAGE), in listing order, after the cursor `after`. */
  async list(q: Queryable, s: Scope, page: { parent?: readonly string[]; after?: readonly SqlValue[]; limit: number }): Promise<DocPage<T>> {
    const limit = Math.min(Math.max(Math.floor(page.limit), 1), MAX_DOC_PAGE);
    const params: SqlValue[] = [s.accountId, s.region, ...this.checkParent(page.parent ?? [])];
    let where = this.parentWhere;
    if (page.after) {
      if (page.after.length !== this.order.length) throw new RangeError(`DocTable ${this.spec.table}: a cursor has ${this.order.length} values`);
      where += ` AND (${this.order.join(', ')}) > (${this.order.map(() => '?').join(', ')})`;
      params.push(...page.after);
    }
    const rows = await q.all<Record<string, SqlValue>>(
      `SELECT doc, ${this.order.join(', ')} FROM ${this.spec.table} WHERE ${where} ORDER BY ${this.order.join(', ')} LIMIT ${limit + 1}`,
      params,
    );
    const more = rows.length > limit;
    const kept = more ? rows.slice(0, limit) : rows;
    const items = kept.map((r) => JSON.parse(r.doc as string) as T);
    return more ? { items, next: this.order.map((c) => kept[kept.length - 1]![c]!) } : { items };
  }

  /** Every document under `parent`, read in bounded pages (for checks across a parent's few children). */
  async *scan(q: Queryable, s: Scope, parent: readonly string[] = []): AsyncGenerator<T> {
    let after: readonly SqlValue[] | undefined;
    do {
      const page = await this.list(q, s, { parent, after, limit: 100 });
      yield* page.items;
      after = page.next;
    } while (after);
  }

  private checkParent(parent: readonly string[]): readonly string[] {
    if (this.key.length === 0 || parent.length !== this.key.length - 1) throw new RangeError(`DocTable ${this.spec.table}: a parent has ${this.key.length - 1} values`);
    return parent;
  }
}
