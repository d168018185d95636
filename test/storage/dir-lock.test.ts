import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteDb } from '../../src/storage/sqlite/sqlite-db.js';

test('a data directory is held by one open database at a time', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'stratus-lock-'));
  try {
    const db = new SqliteDb({ dataDir: dir });
    assert.throws(() => new SqliteDb({ dataDir: dir }), { message: `the data directory ${dir} is in use by another Stratus process` });
    await db.close();
    const again = new SqliteDb({ dataDir: dir });
    await again.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
