import { sqliteDdl } from '../ddl.js';
import { DirectoryLock } from './dir-lock.js';
import Database from 'better-sqlite3';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Db, Migration, Queryable, Row, SqlValue, Tx } from '../db.js';

export interface SqliteOptions {
  /** Directory holding stratus.db; absent = ephemeral (a temporary file removed on close). */
  dataDir?: string;
  /** 'normal' survives a crash of the process (kill -9); 'full' also survives power loss. */
  sync?: 'normal' | 'full';
}

type Statement = Database.Statement<unknown[], unknown>;

interface PendingTx {
  fn: (tx: Tx) => Promise<unknown>;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

/** Caches prepared statements per SQL text: preparing is the costly part of a query. */
class Connection implements Queryable {
  private readonly statements = new Map<string, Statement>();
  constructor(readonly raw: Database.Database) {}

  statement(sql: string): Statement {
    let st = this.statements.get(sql);
    if (!st) {
      st = this.raw.prepare(sql);
      this.statements.set(sql, st);
    }
    return st;
  }

  getSync<T extends Row>(sql: string, params: readonly SqlValue[] = []): T | undefined {
    return this.statement(sql).get(...params) as T | undefined;
  }
  allSync<T extends Row>(sql: string, params: readonly SqlValue[] = []): T[] {
    return this.statement(sql).all(...params) as T[];
  }
  runSync(sql: string, params: readonly SqlValue[] = []): { changes: number } {
    const st = this.statement(sql);
    if (!st.reader) return { changes: st.run(...params).changes };
    st.all(...params);
    return { changes: 0 };
  }

  async get<T extends Row>(sql: string, params?: readonly SqlValue[]): Promise<T | undefined> {
    return this.getSync<T>(sql, params);
  }
  async all<T extends Row>(sql: string, params?: readonly SqlValue[]): Promise<T[]> {
    return this.allSync<T>(sql, params);
  }
  async run(sql: string, params?: readonly SqlValue[]): Promise<{ changes: number }> {
    return this.runSync(sql, params);
  }
}

/**
 * SQLite in WAL mode: one connection writes (transactions queued one at a time, so an async
 * transaction never interleaves with another), one connection reads committed data.
 *
 * The reads of one event-loop turn share one read transaction: beginning a WAL read transaction
 * takes and drops a lock on the -shm file (two fcntl calls), which cost more than the lookup
 * itself on a busy server. The snapshot is dropped at the end of the turn and before every commit,
 * so a read never sees older data than the last commit and checkpoints are never held back.
 */
export class SqliteDb implements Db {
  readonly dialect = 'sqlite' as const;
  readonly path: string;
  private readonly writer: Connection;
  private readonly reader: Connection;
  private readonly tempDir: string | undefined;
  /** The data directory is this process's alone while the database is open (see dir-lock.ts). */
  private readonly lock: DirectoryLock | undefined;
  private pending: PendingTx[] = [];
  private batchScheduled = false;
  private inTx = false;
  private readOpen = false;
  private readonly beginRead: Statement;
  private readonly endRead: Statement;
  private readonly savepoint: Statement;
  private readonly release: Statement;
  private readonly rollbackTo: Statement;

  constructor(options: SqliteOptions = {}) {
    if (options.dataDir) {
      mkdirSync(options.dataDir, { recursive: true });
      this.lock = new DirectoryLock(options.dataDir);
      this.tempDir = undefined;
      this.path = join(options.dataDir, 'stratus.db');
    } else {
      this.lock = undefined;
      this.tempDir = mkdtempSync(join(tmpdir(), 'stratus-'));
      this.path = join(this.tempDir, 'stratus.db');
    }
    const sync = this.tempDir ? 'OFF' : options.sync === 'full' ? 'FULL' : 'NORMAL';
    const w = new Database(this.path);
    w.pragma('journal_mode = WAL');
    w.pragma(`synchronous = ${sync}`);
    w.pragma('busy_timeout = 5000');
    w.pragma('foreign_keys = ON');
    this.writer = new Connection(w);
    const r = new Database(this.path, { readonly: false });
    r.pragma('busy_timeout = 5000');
    r.pragma('query_only = ON');
    this.reader = new Connection(r);
    this.beginRead = r.prepare('BEGIN');
    this.endRead = r.prepare('COMMIT');
    this.savepoint = w.prepare('SAVEPOINT tx');
    this.release = w.prepare('RELEASE tx');
    this.rollbackTo = w.prepare('ROLLBACK TO tx');
  }

  /** The reader, inside this turn's read transaction. */
  private reading(): Connection {
    if (!this.readOpen) {
      this.beginRead.run();
      this.readOpen = true;
      setImmediate(this.closeRead);
    }
    return this.reader;
  }

  private readonly closeRead = (): void => {
    if (!this.readOpen) return;
    this.readOpen = false;
    this.endRead.run();
  };

  get<T extends Row>(sql: string, params?: readonly SqlValue[]): Promise<T | undefined> {
    return Promise.resolve(this.reading().getSync<T>(sql, params));
  }
  all<T extends Row>(sql: string, params?: readonly SqlValue[]): Promise<T[]> {
    return Promise.resolve(this.reading().allSync<T>(sql, params));
  }
  run(sql: string, params?: readonly SqlValue[]): Promise<{ changes: number }> {
    return this.tx((tx) => tx.run(sql, params));
  }

  tx<T>(fn: (tx: Tx) => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.pending.push({ fn, resolve: resolve as (value: unknown) => void, reject });
      this.scheduleBatch();
    });
  }

  /**
   * Group commit: the transactions asked for during one event-loop turn run one after another in
   * one SQLite transaction, each inside a savepoint (so one that throws undoes only its own
   * writes), and resolve together once it has committed. A commit writes the WAL and takes its
   * locks once per batch instead of once per request.
   */
  private scheduleBatch(): void {
    if (this.batchScheduled || this.inTx) return; // a running batch schedules the next one itself
    this.batchScheduled = true;
    setImmediate(() => {
      this.batchScheduled = false;
      void this.runBatch();
    });
  }

  private async runBatch(): Promise<void> {
    const batch = this.pending;
    this.pending = [];
    if (batch.length === 0) return;
    const raw = this.writer.raw;
    const single = batch.length === 1;
    const done: { t: PendingTx; value: unknown }[] = [];
    // Failures are reported after the batch's outcome too: a failure may rest on writes of earlier
    // members that are not committed yet, and its caller must not act before they are.
    const failed: { t: PendingTx; error: unknown }[] = [];
    let ran = 0;
    this.inTx = true;
    try {
      raw.exec('BEGIN IMMEDIATE');
      for (; ran < batch.length; ran++) {
        const t = batch[ran]!;
        if (!single) this.savepoint.run();
        try {
          done.push({ t, value: await t.fn(this.writer) });
          if (!single) this.release.run();
        } catch (error) {
          // An error SQLite answers by rolling back everything ends the batch (below).
          if (single || !raw.inTransaction) throw error;
          this.rollbackTo.run();
          this.release.run();
          failed.push({ t, error });
        }
      }
      this.closeRead();
      raw.exec('COMMIT');
      for (const { t, value } of done) t.resolve(value);
      for (const { t, error } of failed) t.reject(error);
    } catch (e) {
      if (raw.inTransaction) raw.exec('ROLLBACK');
      // Nothing of this batch was committed. The members that ran fail with the error that ended it
      // (a failed commit, or SQLite rolling back for a full disk, an I/O error...: their own commit
      // would have met it too); the ones not run yet go to the next batch.
      for (const { t } of done) t.reject(e);
      for (const { t, error } of failed) t.reject(error);
      if (ran < batch.length) {
        batch[ran]!.reject(e);
        this.pending.unshift(...batch.slice(ran + 1));
      }
    } finally {
      this.inTx = false;
      if (this.pending.length > 0) this.scheduleBatch();
    }
  }

  async migrate(service: string, migrations: readonly Migration[]): Promise<void> {
    this.writer.raw.exec(
      'CREATE TABLE IF NOT EXISTS stratus_migrations (service TEXT NOT NULL, version INTEGER NOT NULL, PRIMARY KEY (service, version))',
    );
    await this.tx(async (tx) => {
      const done = new Set(
        (await tx.all<{ version: number }>('SELECT version FROM stratus_migrations WHERE service = ?', [service])).map(
          (r) => r.version,
        ),
      );
      for (const m of [...migrations].sort((a, b) => a.version - b.version)) {
        if (done.has(m.version)) continue;
        this.writer.raw.exec(sqliteDdl(m.sql));
        await m.data?.(tx);
        await tx.run('INSERT INTO stratus_migrations (service, version) VALUES (?, ?)', [service, m.version]);
      }
    });
  }

  /**
   * Runs `fn` on the writer's connection between transactions (none in progress, reads of this turn
   * ended): for whole-database work such as a snapshot (VACUUM INTO) or a restore. `fn` is synchronous,
   * so no transaction interleaves with it.
   */
  async exclusive<T>(fn: (raw: Database.Database) => T): Promise<T> {
    while (this.inTx) await new Promise((r) => setImmediate(r));
    this.closeRead();
    return fn(this.writer.raw);
  }

  async close(): Promise<void> {
    while (this.pending.length > 0 || this.batchScheduled || this.inTx) await new Promise((r) => setImmediate(r));
    this.closeRead();
    this.reader.raw.close();
    this.writer.raw.close();
    this.lock?.release();
    if (this.tempDir) rmSync(this.tempDir, { recursive: true, force: true });
  }
}
