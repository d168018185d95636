import type { Config } from '../core/config.js';
import type { Db } from './db.js';
import { SqliteDb } from './sqlite/sqlite-db.js';

/**
 * The database the configuration asks for: embedded SQLite in the data directory (a temporary one
 * when ephemeral). A PostgreSQL implementation of `Db` plugs in here, chosen by configuration, and
 * nothing else in Stratus changes.
 */
export function openDb(config: Pick<Config, 'dataDir' | 'sync'>): Db {
  return new SqliteDb({ dataDir: config.dataDir, sync: config.sync });
}
