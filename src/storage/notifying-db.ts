import type { Db } from './db.js';

/**
 * `db`, calling `onWrite` once each write (transaction or statement) has finished, committed or
 * not: a service that caches what it reads outside transactions drops its caches there.
 */
export function notifyingWrites(db: Db, onWrite: () => void): Db {
  return {
    dialect: db.dialect,
    get: (sql, params) => db.get(sql, params),
    all: (sql, params) => db.all(sql, params),
    run: (sql, params) => db.run(sql, params).finally(onWrite),
    tx: (fn) => db.tx(fn).finally(onWrite),
    migrate: (service, migrations) => db.migrate(service, migrations),
    close: () => db.close(),
  };
}
