import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Tx } from '../../src/storage/db.js';
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

  it("runs a migration's data step after its sql, once, and not at all if it throws", async () => {
    const db = new SqliteDb();
    await db.migrate('t', migrations);
    await db.run('INSERT INTO t_kv (k, v) VALUES (?, ?)', ['a', 'x']);
    const failing = { version: 3, sql: 'ALTER TABLE t_kv ADD COLUMN w TEXT', data: async () => Promise.reject(new Error('boom')) };
    await assert.rejects(db.migrate('t', [...migrations, failing]), /boom/);
    let runs = 0;
    const moving = {
      version: 3,
      sql: 'ALTER TABLE t_kv ADD COLUMN w TEXT',
      data: async (tx: Tx) => {
        runs++;
        await tx.run("UPDATE t_kv SET w = v || '!'");
      },
    };
    await db.migrate('t', [...migrations, moving]);
    await db.migrate('t', [...migrations, moving]);
    assert.equal(runs, 1);
    assert.deepEqual(await db.get('SELECT k, w FROM t_kv'), { k: 'a', w: 'x!' });
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

  it('commits concurrent transactions together, undoing only the one that failed', async () => {
    const db = new SqliteDb();
    await db.migrate('t', migrations);
    const results = await Promise.allSettled(
      Array.from({ length: 10 }, (_, i) =>
        db.tx(async (tx) => {
          await tx.run('INSERT INTO t_kv (k, v) VALUES (?, ?)', [`k${i}`, String(i)]);
          if (i === 4) throw new Error('boom');
          // A later transaction of the batch sees the earlier ones' writes.
          return (await tx.get<{ n: number }>('SELECT COUNT(*) AS n FROM t_kv'))!.n;
        }),
      ),
    );
    assert.equal(results[4]!.status, 'rejected');
    assert.deepEqual(
      results.filter((r) => r.status === 'fulfilled').map((r) => (r as PromiseFulfilledResult<number>).value),
      [1, 2, 3, 4, 5, 6, 7, 8, 9],
    );
    const keys = (await db.all<{ k: string }>('SELECT k FROM t_kv ORDER BY k')).map((r) => r.k);
    assert.deepEqual(keys, ['k0', 'k1', 'k2', 'k3', 'k5', 'k6', 'k7', 'k8', 'k9']);
    // A constraint error inside a batch is undone the same way.
    const dup = await Promise.allSettled([
      db.tx((tx) => tx.run('INSERT INTO t_kv (k, v) VALUES (?, ?)', ['x', '1'])),
      db.tx((tx) => tx.run('INSERT INTO t_kv (k, v) VALUES (?, ?)', ['k0', 'dup'])),
      db.tx((tx) => tx.run('INSERT INTO t_kv (k, v) VALUES (?, ?)', ['y', '1'])),
    ]);
    assert.deepEqual(dup.map((r) => r.status), ['fulfilled', 'rejected', 'fulfilled']);
    assert.equal((await db.all('SELECT * FROM t_kv')).length, 11);
    await db.close();
  });

  it('reports a failed transaction only once the writes it saw are committed', async () => {
    const db = new SqliteDb();
    await db.migrate('t', migrations);
    const a = db.tx((tx) => tx.run('INSERT INTO t_kv (k, v) VALUES (?, ?)', ['x', '1']));
    const b = db.tx(async (tx) => {
      if (await tx.get('SELECT k FROM t_kv WHERE k = ?', ['x'])) throw new Error('exists');
    });
    // A later member of the batch that takes a while (the batch stays open meanwhile).
    const c = db.tx(() => new Promise((resolve) => setTimeout(resolve, 30)));
    // When b's caller learns of its failure, what b saw is visible to every reader.
    await assert.rejects(b, /exists/);
    assert.deepEqual(await db.get('SELECT k FROM t_kv WHERE k = ?', ['x']), { k: 'x' });
    await Promise.all([a, c]);
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
