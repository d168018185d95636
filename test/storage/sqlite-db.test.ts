import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SqliteDb } from '../../src/storage/sqlite/sqlite-db.js';

const migrations = [
  { version: 1, sql: 'CREATE TABLE t_kv (k TEXT PRIMARY KEY, v TEXT NOT NULL)' },
  { version: 2, sql: 'ALTER TABLE t_kv ADD COLUMN n INTEGER' },
];

describe('SqliteDb', () => {
  it('applies migrations once, in order', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'stratus-db-'));
    const db = new SqliteDb({ dataDir: dir });
    await db.migrate('t', migrations);
    await db.migrate('t', migrations);
    await db.run('INSERT INTO t_kv (k, v, n) VALUES (?, ?, ?)', ['a', 'x', 1]);
    assert.deepEqual(await db.get('SELECT k, v, n FROM t_kv'), { k: 'a', v: 'x', n: 1 });
    await db.close();
  });

  it('rolls a failed transaction back whole, and keeps serving', async () => {
    const db = new SqliteDb();
    await db.migrate('t', migrations);
    await assert.rejects(
      db.tx(async (tx) => {
        await tx.run('INSERT INTO t_kv (k, v) VALUES (?, ?)', ['a', '1']);
        throw new Error('boom');
      }),
      /boom/,
    );
    assert.equal(await db.get('SELECT * FROM t_kv'), undefined);
    await db.tx((tx) => tx.run('INSERT INTO t_kv (k, v) VALUES (?, ?)', ['b', '2']));
    assert.equal((await db.all('SELECT * FROM t_kv')).length, 1);
    await db.close();
  });

  it('runs concurrent async transactions one at a time (no interleaving)', async () => {
    const db = new SqliteDb();
    await db.migrate('t', migrations);
    await db.run('INSERT INTO t_kv (k, v, n) VALUES (?, ?, ?)', ['c', 'counter', 0]);
    await Promise.all(
      Array.from({ length: 50 }, () =>
        db.tx(async (tx) => {
          const row = await tx.get<{ n: number }>('SELECT n FROM t_kv WHERE k = ?', ['c']);
          await new Promise((r) => setImmediate(r));
          await tx.run('UPDATE t_kv SET n = ? WHERE k = ?', [row!.n + 1, 'c']);
        }),
      ),
    );
    assert.equal((await db.get<{ n: number }>('SELECT n FROM t_kv WHERE k = ?', ['c']))!.n, 50);
    await db.close();
  });

  it('reads outside a transaction see only committed data', async () => {
    const db = new SqliteDb();
    await db.migrate('t', migrations);
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const pending = db.tx(async (tx) => {
      await tx.run('INSERT INTO t_kv (k, v) VALUES (?, ?)', ['u', 'uncommitted']);
      await gate;
    });
    await new Promise((r) => setImmediate(r));
    assert.equal(await db.get('SELECT * FROM t_kv WHERE k = ?', ['u']), undefined);
    release();
    await pending;
    assert.deepEqual(await db.get('SELECT k FROM t_kv WHERE k = ?', ['u']), { k: 'u' });
    await db.close();
  });

  it('keeps every acknowledged write through kill -9', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'stratus-kill-'));
    const writer = join(fileURLToPath(new URL('.', import.meta.url)), 'fixtures', 'writer.js');
    const child = spawn(process.execPath, [writer, dir], { stdio: ['ignore', 'pipe', 'inherit'] });
    const acknowledged: string[] = [];
    let buffer = '';
    await new Promise<void>((resolve) => {
      child.stdout!.on('data', (d: Buffer) => {
        buffer += d.toString();
        const lines = buffer.split('\n');
        buffer = lines.pop()!;
        acknowledged.push(...lines.filter(Boolean));
        if (acknowledged.length >= 300) {
          child.kill('SIGKILL');
          resolve();
        }
      });
    });
    await new Promise((r) => child.once('exit', r));
    const db = new SqliteDb({ dataDir: dir });
    const stored = new Set((await db.all<{ k: string }>('SELECT k FROM t_kv')).map((r) => r.k));
    const lost = acknowledged.filter((k) => !stored.has(k));
    assert.deepEqual(lost, []);
    await db.close();
  });
});
