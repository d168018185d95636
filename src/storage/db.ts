/**
 * The storage interface every service uses. SQL with `?` placeholders, in the subset of SQL
 * that SQLite and PostgreSQL share, so a PostgreSQL implementation can replace SQLite without
 * touching a service. Values: string, number, bigint, Buffer/Uint8Array, null.
 *
 * Reads through `Db` see the last committed state. Writes happen in `tx()`, which runs
 * transactions one at a time; a transaction that returned has been committed durably
 * (WAL on disk) before its promise resolves.
 *
 * The contract of a `tx()` callback, so that a PostgreSQL implementation can run it SERIALIZABLE and
 * retry it on a serialization failure: it does SQL and computes, nothing else. No caches written, no
 * counters bumped, no timers, no I/O outside `tx`; such effects go after the promise resolves, from
 * the value the callback returned. Migrations run under a lock (SQLite's one writer; an advisory lock
 * in PostgreSQL) so that two nodes starting at once apply each migration once.
 */
export type SqlValue = string | number | bigint | Buffer | Uint8Array | null;
export type Row = Record<string, any>;

export interface Queryable {
  get<T extends Row = Row>(sql: string, params?: readonly SqlValue[]): Promise<T | undefined>;
  all<T extends Row = Row>(sql: string, params?: readonly SqlValue[]): Promise<T[]>;
  run(sql: string, params?: readonly SqlValue[]): Promise<{ changes: number }>;
}

export type Tx = Queryable;

export interface Migration {
  /** Increasing per service: 1, 2, 3... Applied once, in order. */
  version: number;
  /** DDL in the portable types of storage/ddl.ts (BIGINT, DOUBLE PRECISION, BYTEA, TEXT COLLATE "C"). */
  sql: string;
  /**
   * Moves data in code, after `sql` and in the same transaction, where portable SQL cannot (e.g.
   * re-encoding a BYTEA column as JSON). A tx() callback: SQL only.
   */
  data?: (tx: Tx) => Promise<void>;
}

export interface Db extends Queryable {
  readonly dialect: 'sqlite' | 'postgres';
  /** Runs `fn` in one write transaction; commits if it resolves, rolls back if it throws. */
  tx<T>(fn: (tx: Tx) => Promise<T>): Promise<T>;
  /** Applies the service's migrations that were not applied yet. */
  migrate(service: string, migrations: readonly Migration[]): Promise<void>;
  close(): Promise<void>;
}
