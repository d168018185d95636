import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { DocTable } from '../../src/storage/documents.js';
import { SqliteDb } from '../../src/storage/sqlite/sqlite-db.js';

interface Item {
  id: string;
  created: number;
  tag: string;
}

const migrations = [
  {
    version: 1,
    sql: `
CREATE TABLE t_items (account TEXT NOT NULL, region TEXT NOT NULL, id TEXT COLLATE "C" NOT NULL, created BIGINT NOT NULL, tag TEXT NOT NULL, doc TEXT NOT NULL, PRIMARY KEY (account, region, id));
CREATE TABLE t_children (account TEXT NOT NULL, region TEXT NOT NULL, parent TEXT NOT NULL, name TEXT COLLATE "C" NOT NULL, doc TEXT NOT NULL, PRIMARY KEY (account, region, parent, name));
CREATE TABLE t_settings (account TEXT NOT NULL, region TEXT NOT NULL, doc TEXT NOT NULL, PRIMARY KEY (account, region));
`,
  },
];

const here = { accountId: '111111111111', region: 'us-east-1' };
const there = { accountId: '222222222222', region: 'us-east-1' };

async function setup() {
  const db = new SqliteDb();
  await db.migrate('t', migrations);
  const items = new DocTable<Item>({ table: 't_items', key: ['id'], orderBy: ['created'], columns: { created: (d) => d.created, tag: (d) => d.tag } });
  const children = new DocTable<{ name: string }, readonly [string, string]>({ table: 't_children', key: ['parent', 'name'] });
  const settings = new DocTable<{ on: boolean }, readonly []>({ table: 't_settings', key: [] });
  return { db, items, children, settings };
}

describe('DocTable', () => {
  it('puts (insert, then update in place), gets, finds by a stored column and deletes, per account and region', async () => {
    const { db, items, settings } = await setup();
    await db.tx((tx) => items.put(tx, here, ['a'], { id: 'a', created: 1, tag: 'x' }));
    await db.tx((tx) => items.put(tx, here, ['a'], { id: 'a', created: 1, tag: 'y' }));
    assert.deepEqual(await items.get(db, here, ['a']), { id: 'a', created: 1, tag: 'y' });
    assert.equal(await items.get(db, there, ['a']), undefined);
    assert.deepEqual(await items.find(db, here, 'tag', 'y'), { id: 'a', created: 1, tag: 'y' });
    assert.equal(await items.find(db, here, 'tag', 'x'), undefined);
    assert.equal(await db.tx((tx) => items.delete(tx, here, ['a'])), true);
    assert.equal(await db.tx((tx) => items.delete(tx, here, ['a'])), false);
    await db.tx((tx) => settings.put(tx, here, [], { on: true }));
    await db.tx((tx) => settings.put(tx, here, [], { on: false }));
    assert.deepEqual(await settings.get(db, here, []), { on: false });
    await db.close();
  });

  it('lists in keyset order (orderBy, then the key), in bounded pages that resume after a cursor', async () => {
    const { db, items } = await setup();
    await db.tx(async (tx) => {
      for (const [id, created] of [['c', 1], ['b', 2], ['a', 2], ['Z', 3], ['é', 3]] as const) await items.put(tx, here, [id], { id, created, tag: '' });
      await items.put(tx, there, ['x'], { id: 'x', created: 0, tag: '' });
    });
    const first = await items.list(db, here, { limit: 2 });
    assert.deepEqual(first.items.map((i) => i.id), ['c', 'a']);
    assert.deepEqual(first.next, [2, 'a']);
    const second = await items.list(db, here, { after: first.next, limit: 2 });
    assert.deepEqual(second.items.map((i) => i.id), ['b', 'Z']);
    const last = await items.list(db, here, { after: second.next, limit: 2 });
    assert.deepEqual(last.items.map((i) => i.id), ['é']);
    assert.equal(last.next, undefined);
    const all: string[] = [];
    for await (const i of items.scan(db, here)) all.push(i.id);
    assert.deepEqual(all, ['c', 'a', 'b', 'Z', 'é']);
    await assert.rejects(items.list(db, here, { after: ['a'], limit: 2 }), RangeError);
    await db.close();
  });

  it('lists and deletes the children of one parent', async () => {
    const { db, children } = await setup();
    await db.tx(async (tx) => {
      for (const [parent, name] of [['p', 'b'], ['p', 'a'], ['q', 'c']] as const) await children.put(tx, here, [parent, name], { name });
    });
    assert.deepEqual((await children.list(db, here, { parent: ['p'], limit: 10 })).items, [{ name: 'a' }, { name: 'b' }]);
    await assert.rejects(children.list(db, here, { limit: 10 }), RangeError);
    await db.tx((tx) => children.deleteAll(tx, here, ['p']));
    assert.deepEqual((await children.list(db, here, { parent: ['p'], limit: 10 })).items, []);
    assert.deepEqual(await children.get(db, here, ['q', 'c']), { name: 'c' });
    await db.close();
  });
});
