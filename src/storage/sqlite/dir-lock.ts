import Database from 'better-sqlite3';
import { join } from 'node:path';

/**
 * Holds a data directory for this process alone: an exclusive SQLite lock on `stratus.lock`, which
 * is a POSIX lock the kernel drops when the process ends, even by `kill -9`. Two servers on one
 * directory would each trust their in-memory caches, and `jobs/` relies on the hold to know that
 * every lease it finds at start-up belongs to a process that is gone.
 */
export class DirectoryLock {
  private readonly holder: Database.Database;

  constructor(dataDir: string) {
    const holder = new Database(join(dataDir, 'stratus.lock'), { timeout: 1000 });
    try {
      holder.pragma('locking_mode = EXCLUSIVE');
      holder.exec('BEGIN EXCLUSIVE');
    } catch (e) {
      holder.close();
      if ((e as { code?: string }).code === 'SQLITE_BUSY') throw new Error(`the data directory ${dataDir} is in use by another Stratus process`);
      throw e;
    }
    this.holder = holder;
  }

  release(): void {
    this.holder.close();
  }
}
