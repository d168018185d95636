/**
 * Migrations are written once, in types that mean the same in SQLite and PostgreSQL:
 *   BIGINT            integers that may pass 2^31 (millisecond timestamps, counters, sequence numbers)
 *   DOUBLE PRECISION  8-byte floats (PostgreSQL's REAL is 4 bytes: never write REAL)
 *   BYTEA             binary values (SQLite has no BYTEA: it becomes BLOB there)
 *   TEXT COLLATE "C"  text that is listed or paged in order: byte order, which is AWS's code-point
 *                     order for UTF-8 (SQLite's default collation is already binary)
 * INTEGER is only for values that fit in 32 bits (flags, counts, versions).
 */
export function sqliteDdl(sql: string): string {
  return sql.replace(/\bBYTEA\b/g, 'BLOB').replace(/\s+COLLATE\s+"C"/g, '');
}
