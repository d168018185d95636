/**
 * The whole state in one file and back (POST /_stratus/snapshot and /_stratus/restore, `--restore`).
 *
 * A snapshot is an SQLite database: `VACUUM INTO` copies the committed state between two write
 * transactions, and the blobs kept as files are copied into their rows (`stratus_blobs.data`) in the
 * same synchronous step, so nothing commits or deletes meanwhile: the file is consistent while
 * requests run, and self-contained. A restore replaces every table's rows with the snapshot's in one
 * transaction (the blobs then live in their rows) and drops the blob files nothing names any more.
 * The caller stops the services first and starts them again after (server/control.ts).
 */
import Database from 'better-sqlite3';
import { existsSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import type { BlobStore } from './blobs/index.js';
import { FileBlobStore } from './blobs/file-blob-store.js';
import type { Db } from './db.js';
import { SqliteDb } from './sqlite/sqlite-db.js';

/** Tables that belong to this process, not to the state: kept as they are by a restore. */
const PROCESS_TABLES = new Set(['stratus_nodes', 'stratus_migrations']);

export class SnapshotError extends Error {}

export interface Snapshots {
  /** Writes the whole state to `path` (replacing a file there); its size in bytes. */
  snapshot(path: string): Promise<number>;
  /** Replaces the whole state with the snapshot's. */
  restore(path: string): Promise<void>;
}

/** Snapshots for this storage; undefined where it cannot take them (a database other than SQLite). */
export function snapshotsOf(db: Db, blobs: BlobStore): Snapshots | undefined {
  if (!(db instanceof SqliteDb) || !(blobs instanceof FileBlobStore)) return undefined;
  return {
    async snapshot(path: string): Promise<number> {
      const tmp = `${path}.${process.pid}.tmp`;
      rmSync(tmp, { force: true });
      await db.exclusive((raw) => {
        raw.prepare('VACUUM INTO ?').run(tmp);
        const copy = new Database(tmp);
        try {
          const rows = copy.prepare('SELECT id FROM stratus_blobs WHERE data IS NULL AND size IS NOT NULL').all() as { id: string }[];
          const put = copy.prepare('UPDATE stratus_blobs SET data = ? WHERE id = ?');
          copy.transaction(() => {
            for (const { id } of rows) put.run(readFileSync(blobs.fileOf(id)), id);
          })();
        } finally {
          copy.close();
        }
      });
      renameSync(tmp, path);
      return statSync(path).size;
    },

    async restore(path: string): Promise<void> {
      if (!existsSync(path)) throw new SnapshotError(`no snapshot at ${path}`);
      await db.exclusive((raw) => {
        raw.prepare('ATTACH DATABASE ? AS snap').run(path);
        try {
          const tablesOf = (schema: string): Set<string> =>
            new Set((raw.prepare(`SELECT name FROM ${schema}.sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`).all() as { name: string }[]).map((r) => r.name));
          const theirs = tablesOf('snap');
          if (!theirs.has('stratus_migrations')) throw new SnapshotError(`${path} is not a Stratus snapshot`);
          const newer = raw
            .prepare('SELECT s.service, s.version FROM snap.stratus_migrations s WHERE NOT EXISTS (SELECT 1 FROM main.stratus_migrations m WHERE m.service = s.service AND m.version = s.version)')
            .all() as { service: string; version: number }[];
          // A migration the snapshot has and this server does not: a newer Stratus (or a service not loaded here).
          const loaded = new Set((raw.prepare('SELECT DISTINCT service FROM main.stratus_migrations').all() as { service: string }[]).map((r) => r.service));
          const unknown = newer.filter((m) => loaded.has(m.service));
          if (unknown.length > 0) throw new SnapshotError(`${path} was written by a newer Stratus (migration ${unknown[0]!.service} ${unknown[0]!.version})`);
          const columns = (schema: string, table: string): string[] => (raw.prepare(`PRAGMA ${schema}.table_info("${table}")`).all() as { name: string }[]).map((c) => c.name);
          raw.transaction(() => {
            raw.pragma('defer_foreign_keys = ON');
            for (const table of tablesOf('main')) {
              if (PROCESS_TABLES.has(table)) continue;
              raw.exec(`DELETE FROM main."${table}"`);
              if (!theirs.has(table)) continue;
              const have = new Set(columns('snap', table));
              const cols = columns('main', table).filter((c) => have.has(c)).map((c) => `"${c}"`).join(', ');
              raw.exec(`INSERT INTO main."${table}" (${cols}) SELECT ${cols} FROM snap."${table}"`);
            }
            // The leases name the nodes of the process that wrote the snapshot.
            raw.exec('UPDATE main.stratus_jobs SET lease_owner = NULL, lease_until = NULL, claim = NULL');
          })();
        } finally {
          raw.exec('DETACH DATABASE snap');
        }
      });
      await blobs.sweep();
    },
  };
}
