/**
 * Deployment packages and layer contents in the blob store. A code row (`lambda_code`: account,
 * region, sha) names the blob of one package, and every function, version and layer version of that
 * account and region whose code has that SHA-256 uses it (their `code_sha` column). The row, with its claim on the blob, is written in
 * the transaction that first writes a function or version using the package, and goes in the one
 * that leaves no function or version using it; the blob file goes once that committed.
 */
import type { BlobInfo, BlobStore } from '../../storage/blobs/index.js';
import type { Db, Migration, Tx } from '../../storage/db.js';
import type { CodePackage } from './code.js';
import type { Scope } from './core.js';

/**
 * The code store's migrations, a track of their own ('lambda.code'). The first adds the columns
 * and forgets code rows nothing uses (earlier versions never removed any); the zips of the rest
 * then move to the blob store (`moveZipsToBlobs`, outside any transaction: a blob file is written
 * and made durable before the transaction that names it), and only then does the second drop the
 * zip column, so that no package is lost to a crash halfway.
 */
const MIGRATIONS: Migration[] = [
  {
    version: 1,
    sql: `
ALTER TABLE lambda_code ADD COLUMN blob_id TEXT;
ALTER TABLE lambda_functions ADD COLUMN code_sha TEXT;
ALTER TABLE lambda_versions ADD COLUMN code_sha TEXT;
CREATE INDEX lambda_functions_code ON lambda_functions (account, region, code_sha);
CREATE INDEX lambda_versions_code ON lambda_versions (account, region, code_sha);
`,
    data: async (tx) => {
      await fillCodeSha(tx, 'lambda_functions', ['account', 'region', 'name']);
      await fillCodeSha(tx, 'lambda_versions', ['account', 'region', 'name', 'version']);
      await tx.run(`DELETE FROM lambda_code WHERE ${unusedIn(['lambda_functions', 'lambda_versions'])}`);
    },
  },
];
const AFTER_ZIP_MOVE: Migration[] = [{ version: 2, sql: 'ALTER TABLE lambda_code DROP COLUMN zip;' }];

/** Code rows none of `tables` uses (in a statement on lambda_code). */
function unusedIn(tables: string[]): string {
  return tables.map((t) => `NOT EXISTS (SELECT 1 FROM ${t} u WHERE u.account = lambda_code.account AND u.region = lambda_code.region AND u.code_sha = lambda_code.sha)`).join(' AND ');
}

/** Code rows no function, version or layer version uses (layer versions marked deleted included: functions still run them). */
const UNUSED = unusedIn(['lambda_functions', 'lambda_versions', 'lambda_layer_versions']);

/** Sets `code_sha` from the stored configuration of every row of `table`, in batches. */
async function fillCodeSha(tx: Tx, table: string, keyColumns: string[]): Promise<void> {
  for (;;) {
    const rows = await tx.all(`SELECT ${keyColumns.join(', ')}, config FROM ${table} WHERE code_sha IS NULL LIMIT 100`);
    if (rows.length === 0) return;
    for (const row of rows) {
      const hex = codeHex(JSON.parse(row.config as string) as { CodeSha256: string });
      await tx.run(`UPDATE ${table} SET code_sha = ? WHERE ${keyColumns.map((c) => `${c} = ?`).join(' AND ')}`, [hex, ...keyColumns.map((c) => row[c])]);
    }
  }
}

/** The hex SHA-256 that keys a configuration's code (the API shows it in base64). */
export function codeHex(config: { CodeSha256: string }): string {
  return Buffer.from(config.CodeSha256, 'base64').toString('hex');
}

/** The code row a configuration uses (its `code_sha`): none for a hot-reload function, which runs from a directory. */
export function packageHex(config: { CodeSha256: string; _hotReload?: string | undefined }): string | null {
  return config._hotReload === undefined ? codeHex(config) : null;
}

/** Thrown in a transaction that needs a package's blob and has none yet: stored, then retried. */
class BlobNeeded extends Error {}

export class CodeStore {
  constructor(
    private readonly db: Db,
    private readonly blobs: BlobStore,
    private readonly log: (fields: Record<string, unknown>) => void,
  ) {}

  /** Applies the code store's migrations (after Lambda's), moving zips an earlier version kept in SQL to the blob store. */
  async migrate(): Promise<void> {
    await this.db.migrate('lambda.code', MIGRATIONS);
    await this.moveZipsToBlobs();
    await this.db.migrate('lambda.code', [...MIGRATIONS, ...AFTER_ZIP_MOVE]);
  }

  /**
   * Each code row still without a blob (only before migration 2 dropped the zip column) gets one,
   * a row at a time: the blob is stored, then claimed with the row's update in one transaction. A
   * crash between the two leaves an unclaimed blob, which the blob store removes at a later start.
   */
  private async moveZipsToBlobs(): Promise<void> {
    for (;;) {
      const key = await this.db.get<{ account: string; region: string; sha: string }>('SELECT account, region, sha FROM lambda_code WHERE blob_id IS NULL LIMIT 1');
      if (!key) return;
      const params = [key.account, key.region, key.sha];
      const row = await this.db.get<{ zip: Uint8Array }>('SELECT zip FROM lambda_code WHERE account = ? AND region = ? AND sha = ?', params);
      const blob = await this.blobs.put(chunksOf(Buffer.from(row!.zip)));
      const moved = await this.db.tx(async (tx) => {
        const { changes } = await tx.run('UPDATE lambda_code SET blob_id = ? WHERE account = ? AND region = ? AND sha = ? AND blob_id IS NULL', [blob.id, ...params]);
        if (changes > 0) await this.blobs.claim(tx, blob.id);
        return changes > 0;
      });
      if (!moved) await this.blobs.delete(blob.id);
    }
  }

  /**
   * Runs `write` in a write transaction; `keep()`, called there by a write that makes a function
   * or version use `pkg`, makes sure its code row exists. A package with no code row yet is stored
   * in the blob store first (the transaction then runs again, as transactions may), so that its
   * blob is durable before the row naming it commits; one that turned out not to be needed goes.
   */
  async storing<T>(scope: Scope, pkg: CodePackage, write: (tx: Tx, keep: () => Promise<void>) => Promise<T>): Promise<T> {
    let blob: BlobInfo | undefined;
    try {
      for (;;) {
        try {
          const { value, claimed } = await this.db.tx(async (tx) => {
            let claimed = false;
            const value = await write(tx, async () => {
              claimed = await this.keep(tx, scope, pkg, blob);
            });
            return { value, claimed };
          });
          if (claimed) blob = undefined;
          return value;
        } catch (e) {
          if (!(e instanceof BlobNeeded)) throw e;
          blob = await this.blobs.put(chunksOf(pkg.zip));
        }
      }
    } finally {
      if (blob) await this.blobs.delete(blob.id);
    }
  }

  /** Makes the package's code row exist (claiming `blob` for a new one); true if it claimed `blob`. */
  private async keep(tx: Tx, scope: Scope, pkg: CodePackage, blob: BlobInfo | undefined): Promise<boolean> {
    const params = [scope.accountId, scope.region, pkg.info.hex];
    if (await tx.get('SELECT sha FROM lambda_code WHERE account = ? AND region = ? AND sha = ?', params)) return false;
    if (!blob) throw new BlobNeeded();
    await tx.run('INSERT INTO lambda_code (account, region, sha, blob_id, size, unzipped) VALUES (?, ?, ?, ?, ?, ?)', [...params, blob.id, pkg.info.size, pkg.info.unzipped]);
    await this.blobs.claim(tx, blob.id);
    return true;
  }

  /**
   * In the caller's transaction, after it removed or changed functions or versions: drops the
   * code rows of `hexes` that none uses any more and releases their blobs. Returns the blobs to
   * `forget` once the transaction committed.
   */
  async release(tx: Tx, scope: Scope, hexes: Iterable<string | null>): Promise<string[]> {
    const released: string[] = [];
    for (const hex of new Set(hexes)) {
      if (hex === null) continue;
      const params = [scope.accountId, scope.region, hex];
      const row = await tx.get<{ blob_id: string }>(`SELECT blob_id FROM lambda_code WHERE account = ? AND region = ? AND sha = ? AND ${UNUSED}`, params);
      if (!row) continue;
      await tx.run('DELETE FROM lambda_code WHERE account = ? AND region = ? AND sha = ?', params);
      await this.blobs.release(tx, row.blob_id);
      released.push(row.blob_id);
    }
    return released;
  }

  /**
   * Removes released blobs' files. A failure costs only disk space until the blob store's
   * clean-up at a later start, so it is logged rather than failing the operation that released them.
   */
  async forget(blobIds: readonly string[]): Promise<void> {
    for (const id of blobIds) {
      await this.blobs.delete(id).catch((e: unknown) => this.log({ level: 'warn', message: `lambda: blob ${id} not removed`, error: String(e) }));
    }
  }

  /** A package's size and bytes as a stream, for a download; undefined when there is none. */
  async read(scope: Scope, hex: string): Promise<{ size: number; body: AsyncIterable<Buffer> } | undefined> {
    const row = await this.db.get<{ blob_id: string; size: number }>('SELECT blob_id, size FROM lambda_code WHERE account = ? AND region = ? AND sha = ?', [
      scope.accountId,
      scope.region,
      hex,
    ]);
    const body = row && (await this.blobs.read(row.blob_id));
    return body && { size: Number(row.size), body };
  }

  /** A package whole (to unpack it: a zip is read from its end), at most Lambda's 50 MB; undefined when there is none. */
  async load(scope: Scope, hex: string): Promise<Buffer | undefined> {
    const found = await this.read(scope, hex);
    if (!found) return undefined;
    const chunks: Buffer[] = [];
    for await (const chunk of found.body) chunks.push(chunk);
    return Buffer.concat(chunks, found.size);
  }
}

/** Bytes already in memory as the stream the blob store takes. */
async function* chunksOf(bytes: Buffer): AsyncIterable<Buffer> {
  yield bytes;
}
