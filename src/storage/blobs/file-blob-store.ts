import { createHash, randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { mkdir, open, readdir, rm, unlink, type FileHandle } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { Db, Tx } from '../db.js';
import { BlobTooLargeError, type BlobInfo, type BlobRange, type BlobStore, type PutOptions } from './blob-store.js';

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
  // The bytes of a small blob, kept in its row instead of a file (NULL for a blob in a file).
  { version: 2, sql: 'ALTER TABLE stratus_blobs ADD COLUMN data BYTEA' },
];

/** An unreferenced blob younger than this may be one whose owner has yet to commit: left alone at start-up. */
const UNCLAIMED_GRACE_MS = 60 * 60 * 1000;
/** Bytes gathered before one write to the file (one write is in flight while the next batch gathers). */
const WRITE_BATCH = 1024 * 1024;
/**
 * A large blob's file is fdatasynced in the background each time this many more bytes were written
 * (one sync at a time), so the disk writes them back while the rest arrives and the sync before the
 * answer has little left to do (a 1 GiB body's single sync at its end took 1.3-2.2 s here).
 */
const SYNC_BEHIND = 32 * 1024 * 1024;
/** A large blob is read in chunks of this size; a range up to this size in one read. */
const READ_CHUNK = 1024 * 1024;
/**
 * A blob of at most this many bytes put with `inline` is kept in its row: one SQL write, committed with the others
 * of its event-loop turn (group commit), instead of a file, two fsyncs and a directory entry. It is
 * then exactly as durable as the rows that reference it (the database's sync setting: a crash of the
 * process under `normal`, power loss too under `full`).
 */
const INLINE_MAX = 64 * 1024;
/** Blob files looked up per query when start-up looks for files without a row. */
const LOOKUP_BATCH = 500;

/** The fsync of one directory: the one running, and the one queued to start after it. */
interface DirSync {
  running?: Promise<void>;
  queued?: Promise<void>;
}

/**
 * Blobs as files under `data/<id[0..1]>/<id>`, with a `stratus_blobs` row (size, sha256, references)
 * in SQL; a small blob put with `inline` (INLINE_MAX) is kept in its row alone. A row exists only while its whole file does: put writes the file in place, fsyncs it and
 * its directory entry, and only then inserts the row; delete removes the row before the file. So a
 * crash at any point leaves at most a file without a row (whole or not), which the next start
 * removes, and nothing reads a blob without its row. Ephemeral stores (no data directory) skip the
 * fsyncs. (Earlier versions wrote to `tmp/` and renamed; start-up still empties it.)
 */
export class FileBlobStore implements BlobStore {
  /** Directories known to exist (created or seen), so a put does not ask again. */
  private readonly dirs = new Set<string>();
  /** Open handles of the data directories, kept for their fsyncs (at most 256 + 1). */
  private readonly dirHandles = new Map<string, Promise<FileHandle>>();
  private readonly dirSyncs = new Map<string, DirSync>();

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

  async put(source: AsyncIterable<Uint8Array>, options: PutOptions = {}): Promise<BlobInfo> {
    const id = randomUUID().replace(/-/g, '');
    const path = this.pathOf(id);
    const hash = options.sha256 === false ? undefined : createHash('sha256');
    let size = 0;
    // The write in flight: the next batch gathers (and the caller hashes it) meanwhile.
    let writing: Promise<void> = Promise.resolve();
    let file: FileHandle | undefined;
    // The background sync (SYNC_BEHIND) in flight, and the bytes written when the last one started.
    let syncing: Promise<void> | undefined;
    let syncedTo = 0;
    let written = 0;
    try {
      let batch: Uint8Array[] = [];
      let batched = 0;
      for await (const chunk of source) {
        size += chunk.length;
        if (options.maxBytes !== undefined && size > options.maxBytes) throw new BlobTooLargeError(options.maxBytes);
        hash?.update(chunk);
        batch.push(chunk);
        batched += chunk.length;
        if (batched >= WRITE_BATCH) {
          file ??= await this.create(path);
          await writing;
          written += batched;
          writing = writeAll(file, batch);
          writing.catch(() => undefined); // awaited before the next write or at the end
          batch = [];
          batched = 0;
          if (!this.ephemeral && !syncing && written - syncedTo >= SYNC_BEHIND) {
            // Once the write just started is done; a failure shows in the final sync.
            const f = file;
            syncedTo = written;
            syncing = writing.then(() => f.datasync()).catch(() => undefined).finally(() => (syncing = undefined));
          }
        }
      }
      if (!file && options.inline && size <= INLINE_MAX) {
        const data = batch.length === 1 ? batch[0]! : Buffer.concat(batch, size);
        const sha256 = hash?.digest('hex');
        await this.db.tx((tx) => tx.run('INSERT INTO stratus_blobs (id, size, sha256, refs, created, data) VALUES (?, ?, ?, 0, ?, ?)', [id, size, sha256 ?? null, Date.now(), data]));
        return sha256 === undefined ? { id, size } : { id, size, sha256 };
      }
      file ??= await this.create(path);
      await writing;
      await writeAll(file, batch);
      await syncing;
      if (!this.ephemeral) await file.datasync();
      const opened = file;
      file = undefined;
      await opened.close();
      if (!this.ephemeral) await this.syncDir(dirname(path));
      const sha256 = hash?.digest('hex');
      await this.db.tx((tx) => tx.run('INSERT INTO stratus_blobs (id, size, sha256, refs, created) VALUES (?, ?, ?, 0, ?)', [id, size, sha256 ?? null, Date.now()]));
      return sha256 === undefined ? { id, size } : { id, size, sha256 };
    } catch (e) {
      await writing.catch(() => undefined);
      await syncing;
      await file?.close().catch(() => undefined);
      await unlink(path).catch(() => undefined);
      throw e;
    }
  }

  /** Creates a blob's file, and its directory (durably) the first time. */
  private async create(path: string): Promise<FileHandle> {
    const dir = dirname(path);
    if (!this.dirs.has(dir)) {
      await mkdir(dir, { recursive: true });
      if (!this.ephemeral) await this.syncDir(dirname(dir));
      this.dirs.add(dir);
    }
    return open(path, 'wx');
  }

  /**
   * Makes the entries created in `dir` so far durable. Puts finishing together share an fsync
   * (group commit): a caller arriving while one runs waits for the next, which covers it.
   */
  private syncDir(dir: string): Promise<void> {
    let state = this.dirSyncs.get(dir);
    if (!state) this.dirSyncs.set(dir, (state = {}));
    const s = state;
    if (s.queued) return s.queued;
    if (!s.running) return this.startDirSync(dir, s);
    s.queued = s.running
      .catch(() => undefined)
      .then(() => {
        s.queued = undefined;
        return this.startDirSync(dir, s);
      });
    return s.queued;
  }

  private startDirSync(dir: string, s: DirSync): Promise<void> {
    const run = (async () => {
      let handle = this.dirHandles.get(dir);
      if (!handle) {
        handle = open(dir, 'r');
        this.dirHandles.set(dir, handle);
        handle.catch(() => this.dirHandles.delete(dir));
      }
      await (await handle).sync();
    })();
    s.running = run;
    run.then(
      () => void (s.running === run && (s.running = undefined)),
      () => void (s.running === run && (s.running = undefined)),
    );
    return run;
  }

  async stat(id: string): Promise<BlobInfo | undefined> {
    const row = await this.db.get<{ size: number; sha256: string | null }>('SELECT size, sha256 FROM stratus_blobs WHERE id = ?', [id]);
    if (!row) return undefined;
    return row.sha256 === null ? { id, size: Number(row.size) } : { id, size: Number(row.size), sha256: row.sha256 };
  }

  async read(id: string, range?: BlobRange): Promise<AsyncIterable<Buffer> | undefined> {
    const row = await this.db.get<{ size: number; data: Buffer | null }>('SELECT size, data FROM stratus_blobs WHERE id = ?', [id]);
    if (!row) return undefined;
    const info = { size: Number(row.size) };
    const start = range?.start ?? 0;
    const end = range?.end ?? info.size - 1;
    if (range && !(Number.isSafeInteger(start) && Number.isSafeInteger(end) && start >= 0 && start <= end && end < info.size)) {
      throw new RangeError(`range ${start}-${end} is outside blob ${id} of ${info.size} bytes`);
    }
    if (row.data) return info.size === 0 ? emptyBody() : oneChunk(row.data.subarray(start, end + 1));
    if (info.size === 0) return emptyBody();
    const file = await open(this.pathOf(id), 'r');
    const length = end - start + 1;
    if (length <= READ_CHUNK) {
      // Small: read now, in one call, and the file closed at once (no stream to set up).
      try {
        const buf = Buffer.allocUnsafe(length);
        for (let at = 0; at < length; ) {
          const { bytesRead } = await file.read(buf, at, length - at, start + at);
          if (bytesRead === 0) throw new Error(`blob ${id} is shorter than its ${info.size} bytes`);
          at += bytesRead;
        }
        return oneChunk(buf);
      } finally {
        await file.close();
      }
    }
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
    const removed = await this.db.tx(async (tx) => {
      const row = await tx.get<{ inline: number }>('SELECT (data IS NOT NULL) AS inline FROM stratus_blobs WHERE id = ? AND refs = 0', [id]);
      if (row) await tx.run('DELETE FROM stratus_blobs WHERE id = ?', [id]);
      return row;
    });
    if (!removed) return false;
    if (!removed.inline) await unlink(this.pathOf(id)).catch(() => undefined);
    return true;
  }

  /** The file of a blob kept outside its row (snapshots read it). */
  fileOf(id: string): string {
    return this.pathOf(id);
  }

  /** Removes the files without a row and the rows never claimed (after a restore replaced the rows). */
  sweep(): Promise<void> {
    return this.collectGarbage();
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
    const handles = [...this.dirHandles.values()];
    this.dirHandles.clear();
    for (const h of handles) await (await h.catch(() => undefined))?.close().catch(() => undefined);
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

async function* emptyBody(): AsyncIterable<Buffer> {}

async function* oneChunk(buf: Buffer): AsyncIterable<Buffer> {
  yield buf;
}
