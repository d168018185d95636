import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteDb } from '../../src/storage/sqlite/sqlite-db.js';
import { BlobTooLargeError, createBlobStore, type BlobStore } from '../../src/storage/blobs/index.js';

async function* chunks(...parts: (string | Buffer)[]): AsyncIterable<Buffer> {
  for (const p of parts) yield Buffer.from(p);
}

async function bytesOf(body: AsyncIterable<Buffer> | undefined): Promise<string> {
  assert.ok(body, 'the blob exists');
  const out: Buffer[] = [];
  for await (const c of body) out.push(c);
  return Buffer.concat(out).toString();
}

const sha256 = (s: string): string => createHash('sha256').update(s).digest('hex');

/** Past the size kept in the row: such a blob is a file. */
const LARGE = 'x'.repeat(64 * 1024);

describe('the blob store (files beside the database)', () => {
  let dataDir: string;
  let db: SqliteDb;
  let blobs: BlobStore;
  before(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'stratus-blobs-test-'));
    db = new SqliteDb({ dataDir });
    blobs = await createBlobStore({ dataDir }, db);
  });
  after(async () => {
    await blobs.close();
    await db.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('stores a stream, knows its size and SHA-256, and reads it back whole or by range', async () => {
    const text = 'hello, ' + 'x'.repeat(3 * 1024 * 1024) + ' world';
    const info = await blobs.put(chunks(text.slice(0, 5), text.slice(5, 200_000), text.slice(200_000)));
    assert.deepEqual(info, { id: info.id, size: text.length, sha256: sha256(text) });
    assert.deepEqual(await blobs.stat(info.id), info);
    assert.equal(await bytesOf(await blobs.read(info.id)), text);
    assert.equal(await bytesOf(await blobs.read(info.id, { start: 0, end: 4 })), 'hello');
    assert.equal(await bytesOf(await blobs.read(info.id, { start: text.length - 5 })), 'world');
    assert.equal(await bytesOf(await blobs.read(info.id, { start: 7, end: 7 })), 'x');
    await assert.rejects(blobs.read(info.id, { start: 5, end: text.length }), RangeError);
    await assert.rejects(blobs.read(info.id, { start: 9, end: 8 }), RangeError);
    assert.equal(await blobs.read('nope'), undefined);
    assert.equal(await blobs.stat('nope'), undefined);
    const empty = await blobs.put(chunks(), { inline: true });
    assert.equal(empty.size, 0);
    assert.equal(await bytesOf(await blobs.read(empty.id)), '');
  });

  it('keeps nothing of a blob over its limit, or of a source that fails', async () => {
    await assert.rejects(blobs.put(chunks('12345', '67890'), { maxBytes: 8 }), BlobTooLargeError);
    const failing = (async function* () {
      yield Buffer.from('partial');
      throw new Error('client went away');
    })();
    await assert.rejects(blobs.put(failing), /client went away/);
    assert.deepEqual(readdirSync(join(dataDir, 'blobs', 'tmp')), []);
    assert.equal((await db.get<{ n: number }>('SELECT COUNT(*) AS n FROM stratus_blobs WHERE size IS NULL'))!.n, 0);
  });

  it('is not deleted while referenced: claim and release go in the caller\'s transaction', async () => {
    const info = await blobs.put(chunks('owned'));
    await db.tx((tx) => blobs.claim(tx, info.id));
    assert.equal(await blobs.delete(info.id), false);
    assert.equal(await bytesOf(await blobs.read(info.id)), 'owned');
    await db.tx((tx) => blobs.release(tx, info.id));
    assert.equal(await blobs.delete(info.id), true);
    assert.equal(await blobs.read(info.id), undefined);
    assert.equal(existsSync(join(dataDir, 'blobs', 'data', info.id.slice(0, 2), info.id)), false);
    await assert.rejects(db.tx((tx) => blobs.claim(tx, info.id)), /no blob/);
  });

  it('keeps a small blob in its row when asked (no file), whole, by range, without SHA-256 when asked, and deletes it', async () => {
    const info = await blobs.put(chunks('small ', 'blob'), { sha256: false, inline: true });
    assert.deepEqual(info, { id: info.id, size: 10 });
    assert.deepEqual(await blobs.stat(info.id), { id: info.id, size: 10 });
    assert.equal(existsSync(join(dataDir, 'blobs', 'data', info.id.slice(0, 2), info.id)), false);
    assert.equal(await bytesOf(await blobs.read(info.id)), 'small blob');
    assert.equal(await bytesOf(await blobs.read(info.id, { start: 2, end: 6 })), 'all b');
    await assert.rejects(blobs.read(info.id, { start: 3, end: 10 }), RangeError);
    const empty = await blobs.put(chunks(), { inline: true });
    assert.equal(empty.size, 0);
    assert.equal(await bytesOf(await blobs.read(empty.id)), '');
    const large = await blobs.put(chunks(LARGE, '!'), { sha256: false, inline: true });
    assert.equal(large.sha256, undefined);
    assert.equal(existsSync(join(dataDir, 'blobs', 'data', large.id.slice(0, 2), large.id)), true);
    for (const id of [info.id, empty.id, large.id]) assert.equal(await blobs.delete(id), true);
    assert.equal(await blobs.read(info.id), undefined);
    assert.equal(existsSync(join(dataDir, 'blobs', 'data', large.id.slice(0, 2), large.id)), false);
  });

  it('an early end of reading releases the file', async () => {
    const info = await blobs.put(chunks('a'.repeat(2 * 1024 * 1024)));
    for await (const chunk of (await blobs.read(info.id))!) {
      assert.ok(chunk.length > 0);
      break;
    }
    assert.equal(await blobs.delete(info.id), true);
  });

  it('cleans what a crash leaves at the next start: temporary files, unfinished and long-unclaimed blobs', async () => {
    const kept = await blobs.put(chunks('claimed'));
    await db.tx((tx) => blobs.claim(tx, kept.id));
    const fresh = await blobs.put(chunks('unclaimed, but recent'));
    const stale = await blobs.put(chunks('unclaimed for hours'));
    await db.run('UPDATE stratus_blobs SET created = ? WHERE id = ?', [Date.now() - 2 * 3600_000, stale.id]);
    await db.run('INSERT INTO stratus_blobs (id, size, sha256, refs, created) VALUES (?, NULL, NULL, 0, ?)', ['unfinished', Date.now()]);
    writeFileSync(join(dataDir, 'blobs', 'tmp', 'unfinished'), 'half a blob');
    await blobs.close();

    blobs = await createBlobStore({ dataDir }, db);
    assert.deepEqual(readdirSync(join(dataDir, 'blobs', 'tmp')), []);
    assert.equal(await bytesOf(await blobs.read(kept.id)), 'claimed');
    assert.equal(await bytesOf(await blobs.read(fresh.id)), 'unclaimed, but recent');
    assert.equal(await blobs.read(stale.id), undefined);
    assert.equal(existsSync(join(dataDir, 'blobs', 'data', stale.id.slice(0, 2), stale.id)), false);
    assert.equal(await db.get('SELECT id FROM stratus_blobs WHERE id = ?', ['unfinished']), undefined);
  });
});

/** Every blob file under the store's data directory. */
const dataFiles = (dataDir: string): string[] =>
  readdirSync(join(dataDir, 'blobs', 'data'), { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => e.name)
    .sort();

describe('the blob store after a crash', () => {
  let dataDir: string;
  let db: SqliteDb;
  before(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'stratus-blobs-crash-'));
    db = new SqliteDb({ dataDir });
  });
  after(async () => {
    await db.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('removes at the next start a file without a row: a put cut before its row, a delete cut after it', async () => {
    let blobs = await createBlobStore({ dataDir }, db);
    const kept = await blobs.put(chunks('kept', LARGE));
    await db.tx((tx) => blobs.claim(tx, kept.id));
    const recent = await blobs.put(chunks('unclaimed, but recent', LARGE));
    // delete() committed the row's removal, then the process died before the file went.
    const deleted = await blobs.put(chunks('deleted', LARGE));
    await db.run('DELETE FROM stratus_blobs WHERE id = ?', [deleted.id]);
    // put() renamed the file into place, then the process died before the row was written.
    const orphan = 'ab' + '0'.repeat(30);
    mkdirSync(join(dataDir, 'blobs', 'data', 'ab'), { recursive: true });
    writeFileSync(join(dataDir, 'blobs', 'data', 'ab', orphan), 'a whole blob nothing knows of');
    await blobs.close();

    blobs = await createBlobStore({ dataDir }, db);
    assert.deepEqual(dataFiles(dataDir), [kept.id, recent.id].sort());
    assert.equal(await bytesOf(await blobs.read(kept.id)), `kept${LARGE}`);
    assert.equal(await bytesOf(await blobs.read(recent.id)), `unclaimed, but recent${LARGE}`);
    await blobs.close();
  });

  it('keeps neither file nor row of a put whose database write fails once its file is in place', async () => {
    let before: string[] | undefined;
    const flaky = new Proxy(db, {
      get: (target, key) => {
        if (key === 'tx' && before && dataFiles(dataDir).length > before.length) return () => Promise.reject(new Error('disk I/O error'));
        const value: unknown = Reflect.get(target, key, target);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
    const blobs = await createBlobStore({ dataDir }, flaky);
    before = dataFiles(dataDir);
    const rows = await db.all('SELECT * FROM stratus_blobs ORDER BY id');
    await assert.rejects(blobs.put(chunks('never recorded', LARGE)), /disk I\/O error/);
    assert.deepEqual(dataFiles(dataDir), before);
    assert.deepEqual(await db.all('SELECT * FROM stratus_blobs ORDER BY id'), rows);
    assert.deepEqual(readdirSync(join(dataDir, 'blobs', 'tmp')), []);
    await blobs.close();
  });
});

describe('the ephemeral blob store', () => {
  it('lives in a temporary directory removed on close', async () => {
    const db = new SqliteDb();
    const blobs = await createBlobStore({ dataDir: undefined }, db);
    const info = await blobs.put(chunks('gone soon', LARGE));
    assert.equal(await bytesOf(await blobs.read(info.id)), `gone soon${LARGE}`);
    const file = readdirSync(tmpdir())
      .filter((d) => d.startsWith('stratus-blobs-'))
      .map((d) => join(tmpdir(), d, 'data', info.id.slice(0, 2), info.id))
      .find((f) => existsSync(f));
    assert.ok(file, 'the blob is a file in a temporary directory');
    await blobs.close();
    await db.close();
    assert.equal(existsSync(join(file, '../../..')), false);
  });
});
