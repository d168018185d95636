import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { SqliteDb } from '../../src/storage/sqlite/sqlite-db.js';
import { decodePageToken, encodePageToken, keysetPage, listingOf } from '../../src/storage/paginate.js';
import { TagStore } from '../../src/storage/tags.js';

const scope = { accountId: '123456789012', region: 'us-east-1' };

describe('keyset pagination', () => {
  it('walks a listing in pages of bounded size, in key order, across equal leading keys', async () => {
    const db = new SqliteDb();
    await db.migrate('t', [{ version: 1, sql: 'CREATE TABLE t_items (account TEXT, created BIGINT, name TEXT COLLATE "C", PRIMARY KEY (account, name))' }]);
    await db.tx(async (tx) => {
      for (let i = 0; i < 25; i++) await tx.run('INSERT INTO t_items VALUES (?, ?, ?)', [scope.accountId, Math.floor(i / 4), `n${String(i).padStart(2, '0')}`]);
      await tx.run('INSERT INTO t_items VALUES (?, ?, ?)', ['999999999999', 0, 'other']);
    });
    const query = { select: 'created, name', from: 't_items', where: 'account = ?', params: [scope.accountId], keys: ['created', 'name'] };
    const seen: string[] = [];
    let after: ReturnType<typeof decodePageToken>;
    for (let pages = 0; ; pages++) {
      assert.ok(pages < 10);
      const page = await keysetPage<{ created: number; name: string }>(db, query, { listing: listingOf('List', scope), limit: 7, after, keyOf: (r) => [r.created, r.name] });
      assert.ok(page.items.length <= 7);
      seen.push(...page.items.map((r) => r.name));
      if (!page.next) break;
      after = decodePageToken(page.next, listingOf('List', scope));
      assert.ok(after);
    }
    assert.deepEqual(seen, Array.from({ length: 25 }, (_, i) => `n${String(i).padStart(2, '0')}`));
    await db.close();
  });

  it('refuses a token of another operation, scope or filter, or a tampered one', () => {
    const listing = listingOf('ListA', scope, 'filter');
    const token = encodePageToken(listing, ['x', 1]);
    assert.deepEqual(decodePageToken(token, listing), ['x', 1]);
    assert.equal(decodePageToken(token, listingOf('ListB', scope, 'filter')), undefined);
    assert.equal(decodePageToken(token, listingOf('ListA', scope, 'other')), undefined);
    assert.equal(decodePageToken(token, listingOf('ListA', { ...scope, region: 'eu-west-1' }, 'filter')), undefined);
    assert.equal(decodePageToken(token.slice(0, -3), listing), undefined);
    assert.equal(decodePageToken('not a token!', listing), undefined);
  });
});

describe('tags', () => {
  it('tags, lists in key order, untags, enforces the per-resource limit and the reserved prefix', async () => {
    const db = new SqliteDb();
    const tags = await TagStore.open(db);
    const arn = 'arn:aws:sqs:us-east-1:123456789012:q';
    assert.equal(await db.tx((tx) => tags.tag(tx, scope, arn, { b: '2', a: '1' })), undefined);
    assert.deepEqual(await tags.list(scope, arn), { a: '1', b: '2' });
    assert.deepEqual(Object.keys(await tags.list(scope, arn)), ['a', 'b']);
    const many = Object.fromEntries(Array.from({ length: 49 }, (_, i) => [`k${i}`, 'v']));
    assert.deepEqual(await db.tx((tx) => tags.tag(tx, scope, arn, many)), { kind: 'tooMany', count: 51 });
    assert.deepEqual(await db.tx((tx) => tags.tag(tx, scope, arn, { 'aws:x': 'v' })), { kind: 'reservedPrefix', key: 'aws:x' });
    assert.deepEqual(await db.tx((tx) => tags.tag(tx, scope, arn, { ['k'.repeat(129)]: 'v' })), { kind: 'keyLength', key: 'k'.repeat(129) });
    await db.tx((tx) => tags.untag(tx, scope, arn, ['a']));
    assert.deepEqual(await tags.list(scope, arn), { b: '2' });
    assert.deepEqual(await tags.list({ ...scope, region: 'eu-west-1' }, arn), {});
    await db.tx((tx) => tags.forget(tx, scope, arn));
    assert.deepEqual(await tags.list(scope, arn), {});
    await db.close();
  });

  it("applies a service's own rules, and lists entries in byte order where an object would put integer-like keys first", async () => {
    const db = new SqliteDb();
    const tags = await TagStore.open(db);
    const arn = 'arn:aws:states:us-east-1:123456789012:activity:a';
    const many = Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`k${i}`, 'v']));
    assert.equal(await db.tx((tx) => tags.tag(tx, scope, arn, many, { limit: Infinity })), undefined);
    await db.tx((tx) => tags.forget(tx, scope, arn));
    assert.equal(await db.tx((tx) => tags.tag(tx, scope, arn, { 'aws:x': 'v', b: '', '10': 't', '9': 'n' }, { acceptReservedPrefix: true })), undefined);
    assert.deepEqual(await tags.entries(scope, arn), [
      ['10', 't'],
      ['9', 'n'],
      ['aws:x', 'v'],
      ['b', ''],
    ]);
    await db.close();
  });
});
