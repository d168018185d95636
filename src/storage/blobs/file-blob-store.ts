import { createHash, randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { mkdir, open, readdir, rename, rm, type FileHandle } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { Db, Tx } from '../db.js';
import { BlobTooLargeError, type BlobInfo, type BlobRange, type BlobStore } from './blob-store.js';

const MIGRATIONS = [
  {
    version: 1,
    // size and sha256 NULL: a row written before its file, as versions before the row came last did
    // (such a row at start-up is a crash's leftover).
    sql: `CREATE TABLE stratus_blobs (
      id TEXT PRIMARY KEY,
      size BIGINT,
      sha256 TEXT,
      refs INTEGER NOT NULL DEFAULT 0,
      created BIGINT NOT NULL
    )`,
  },
];

/** An unreferenced blob younger than this may be one whose owner has yet to commit: left alone at start-up. */
const UNCLAIMED_GRACE_MS = 60 * 60 * 1000;
/** Bytes gathered before one write to the file. */
const WRITE_BATCH = 1024 * 1024;
const READ_CHUNK = 256 * 1024;
/** Blob files looked up per query when start-up looks for files without a row. */
const LOOKUP_BATCH = 500;

/**
 * Blobs as files: `tmp/<id>` while written, then fsync'd and renamed to `data/<id[0..1]>/<id>`
 * (so a blob file is always whole), with a `stratus_blobs` row (size, sha256, references) in SQL.
 * A row exists only while its file does: put writes the row after the file is in place, delete
 * removes the row before the file. So a crash at any point leaves at most a file without a row,
 * which the next start removes. Ephemeral stores (no data directory) skip the fsyncs.
 */
export class FileBlobStore implements BlobStore {
  private constructor(
    private readonly db: Db,
    private readonly dir: string,
    private readonly ephemeral: boolean,
  ) {}

  static async open(db: Db, options: { dir?: string }): Promise<FileBlobStore> {
    const dir = options.dir ?? mkdtempSync(join(tmpdir(), 'stratus-blobs-'));
    await mkdir(join(dir, 'tmp'), { recursive: true });
    await mkdir(join(dir, 'data'), { recursive: true });
    await db.migrate('platform.blobs', MIGRATIONS);
    const store = new FileBlobStore(db, dir, !options.dir);
    await store.collectGarbage();
    return store;
  }

  private pathOf(id: string): string {
    return join(this.dir, 'data', id.slice(0, 2), id);
  }

  async put(source: AsyncIterable<Uint8Array>, options: { maxBytes?: number } = {}): Promise<BlobInfo> {
    const id = randomUUID().replace(/-/g, '');
    const temp = join(this.dir, 'tmp', id);
    const final = this.pathOf(id);
    const hash = createHash('sha256');
    let size = 0;
    try {
      const file = await open(temp, 'wx');
      try {
        let batch: Uint8Array[] = [];
        let batched = 0;
        for await (const chunk of source) {
          size += chunk.length;
          if (options.maxBytes !== undefined && size > options.maxBytes) throw new BlobTooLargeError(options.maxBytes);
          hash.update(chunk);
          batch.push(chunk);
          batched += chunk.length;
          if (batched >= WRITE_BATCH) {
            await writeAll(file, batch);
            batch = [];
            batched = 0;
          }
        }
        await writeAll(file, batch);
        if (!this.ephemeral) await file.sync();
      } finally {
        await file.close();
      }
      await mkdir(dirname(final), { recursive: true });
      await rename(temp, final);
      if (!this.ephemeral) await syncDir(dirname(final));
      const sha256 = hash.digest('hex');
      await this.db.tx((tx) => tx.run('INSERT INTO stratus_blobs (id, size, sha256, refs, created) VALUES (?, ?, ?, 0, ?)', [id, size, sha256, Date.now()]));
      return { id, size, sha256 };
    } catch (e) {
      await rm(temp, { force: true });
      await rm(final, { force: true });
      throw e;
    }
  }

  async stat(id: string): Promise<BlobInfo | undefined> {
    const row = await this.db.get<{ size: number; sha256: string }>('SELECT size, sha256 FROM stratus_blobs WHERE id = ?', [id]);
    return row ? { id, size: Number(row.size), sha256: row.sha256 } : undefined;
  }

  async read(id: string, range?: BlobRange): Promise<AsyncIterable<Buffer> | undefined> {
    const info = await this.stat(id);
    if (!info) return undefined;
    const start = range?.start ?? 0;
    const end = range?.end ?? info.size - 1;
    if (range && !(Number.isSafeInteger(start) && Number.isSafeInteger(end) && start >= 0 && start <= end && end < info.size)) {
      throw new RangeError(`range ${start}-${end} is outside blob ${id} of ${info.size} bytes`);
    }
    if (info.size === 0) return emptyBody();
    const file = await open(this.pathOf(id), 'r');
    // The stream closes the file at its end, on an error, and when the reader stops early.
    return file.createReadStream({ start, end, highWaterMark: READ_CHUNK });
  }

  async claim(tx: Tx, id: string): Promise<void> {
    const { changes } = await tx.run('UPDATE stratus_blobs SET refs = refs + 1 WHERE id = ?', [id]);
    if (changes === 0) throw new Error(`no blob ${id} to claim`);
  }

  async release(tx: Tx, id: string): Promise<void> {
    await tx.run('UPDATE stratus_blobs SET refs = refs - 1 WHERE id = ? AND refs > 0', [id]);
  }

  async delete(id: string): Promise<boolean> {
    // The row first: a crash before the file is gone leaves a file the next start removes.
    const { changes } = await this.db.tx((tx) => tx.run('DELETE FROM stratus_blobs WHERE id = ? AND refs = 0', [id]));
    if (changes === 0) return false;
    await rm(this.pathOf(id), { force: true });
    return true;
  }

  /**
   * What a crash can leave: temporary files, blobs stored but never claimed (their owner's
   * transaction did not commit), and files without a row (a put or delete cut short).
   */
  private async collectGarbage(): Promise<void> {
    for (const name of await readdir(join(this.dir, 'tmp'))) await rm(join(this.dir, 'tmp', name), { force: true });
    await this.db.tx((tx) => tx.run('DELETE FROM stratus_blobs WHERE refs = 0 AND (size IS NULL OR created < ?)', [Date.now() - UNCLAIMED_GRACE_MS]));
    const data = join(this.dir, 'data');
    for (const prefix of await readdir(data, { withFileTypes: true })) {
      if (!prefix.isDirectory()) continue;
      const dir = join(data, prefix.name);
      const names = (await readdir(dir, { withFileTypes: true })).filter((e) => e.isFile()).map((e) => e.name);
      for (let i = 0; i < names.length; i += LOOKUP_BATCH) {
        const batch = names.slice(i, i + LOOKUP_BATCH);
        const rows = await this.db.all<{ id: string }>(`SELECT id FROM stratus_blobs WHERE id IN (${batch.map(() => '?').join(', ')})`, batch);
        const known = new Set(rows.map((r) => r.id));
        for (const name of batch) if (!known.has(name)) await rm(join(dir, name), { force: true });
      }
    }
  }

  async close(): Promise<void> {
    if (this.ephemeral) await rm(this.dir, { recursive: true, force: true });
  }
}

/** Writes every byte of `chunks` (a write may take fewer bytes than it was given). */
async function writeAll(file: FileHandle, chunks: Uint8Array[]): Promise<void> {
  let pending = chunks.filter((c) => c.length > 0);
  while (pending.length > 0) {
    let { bytesWritten } = await file.writev(pending);
    while (pending.length > 0 && bytesWritten >= pending[0]!.length) bytesWritten -= pending.shift()!.length;
    if (bytesWritten > 0) pending[0] = pending[0]!.subarray(bytesWritten);
  }
}

/** Makes a rename in `dir` durable. */
async function syncDir(dir: string): Promise<void> {
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

async function* emptyBody(): AsyncIterable<Buffer> {}
