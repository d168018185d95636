/**
 * Table tags in the shared tags table: listing order, DynamoDB's errors, DeleteTable forgetting
 * them, and tags of a data directory that kept them in the table metadata moved at start-up.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DeleteTableCommand, ListTagsOfResourceCommand, TagResourceCommand, UntagResourceCommand } from '@aws-sdk/client-dynamodb';
import { SqliteDb } from '../../src/storage/sqlite/sqlite-db.js';
import { setup, error, hashTable, type Env } from './helpers.js';

const arnOf = (name: string): string => `arn:aws:dynamodb:us-east-1:000000000000:table/${name}`;

async function listTags(e: Env, name: string): Promise<{ Tags?: { Key?: string; Value?: string }[]; NextToken?: string }> {
  return e.client.send(new ListTagsOfResourceCommand({ ResourceArn: arnOf(name) }));
}

let env: Env;
before(async () => {
  env = await setup();
});
after(() => env.stop());

test('tags are listed in key order on one page and replaced by key', async () => {
  await env.client.send(hashTable('tags-order', { Tags: [{ Key: 'zeta', Value: '1' }, { Key: 'alpha', Value: '2' }, { Key: 'alpha', Value: '3' }] }));
  await env.client.send(new TagResourceCommand({ ResourceArn: arnOf('tags-order'), Tags: [{ Key: 'mid', Value: '' }, { Key: 'zeta', Value: '4' }] }));
  const out = await listTags(env, 'tags-order');
  assert.deepEqual(out.Tags, [
    { Key: 'alpha', Value: '3' },
    { Key: 'mid', Value: '' },
    { Key: 'zeta', Value: '4' },
  ]);
  assert.equal(out.NextToken, undefined);
});

test('tags over the limit are refused and change nothing; aws: keys are taken, as DynamoDB always took them', async () => {
  await env.client.send(hashTable('tags-limits', { Tags: [{ Key: 'keep', Value: 'me' }] }));
  const many = Array.from({ length: 50 }, (_, i) => ({ Key: `k${i}`, Value: 'v' }));
  const e = await error(() => env.client.send(new TagResourceCommand({ ResourceArn: arnOf('tags-limits'), Tags: many })));
  assert.deepEqual([e.name, e.message], ['LimitExceededException', 'Subscriber limit exceeded: The number of tags exceeds the limit of 50']);
  assert.deepEqual((await listTags(env, 'tags-limits')).Tags, [{ Key: 'keep', Value: 'me' }]);
  await env.client.send(new TagResourceCommand({ ResourceArn: arnOf('tags-limits'), Tags: [{ Key: 'aws:x', Value: '1' }] }));
  assert.deepEqual((await listTags(env, 'tags-limits')).Tags, [
    { Key: 'aws:x', Value: '1' },
    { Key: 'keep', Value: 'me' },
  ]);
});

test('DeleteTable forgets the tags: a new table of the same name has none', async () => {
  await env.client.send(hashTable('tags-gone', { Tags: [{ Key: 'a', Value: '1' }] }));
  await env.client.send(new UntagResourceCommand({ ResourceArn: arnOf('tags-gone'), TagKeys: ['missing'] }));
  await env.client.send(new DeleteTableCommand({ TableName: 'tags-gone' }));
  await env.client.send(hashTable('tags-gone'));
  assert.deepEqual((await listTags(env, 'tags-gone')).Tags, []);
});

test('a data directory with tags in the table metadata has them moved to the tags table', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'stratus-ddb-tags-'));
  try {
    let e = await setup({ dataDir: dir });
    await e.client.send(hashTable('old-tagged'));
    await e.client.send(hashTable('old-reserved'));
    await e.client.send(hashTable('old-untagged'));
    await e.stop();
    // As DynamoDB kept them before the shared tags table: in `meta.tags` (an `aws:` key was taken
    // then), none in stratus_tags, migration 5 not applied.
    const old: Record<string, Record<string, string>> = {
      'old-tagged': { team: 'core', env: 'dev' },
      'old-reserved': { 'aws:x': '1', owner: 'me' },
      'old-untagged': {},
    };
    const db = new SqliteDb({ dataDir: dir });
    await db.tx(async (tx) => {
      for (const [name, tags] of Object.entries(old)) {
        const row = await tx.get<{ meta: string }>('SELECT meta FROM ddb_tables WHERE name = ?', [name]);
        await tx.run('UPDATE ddb_tables SET meta = ? WHERE name = ?', [JSON.stringify({ ...JSON.parse(row!.meta), tags }), name]);
      }
      await tx.run('DELETE FROM stratus_tags');
      await tx.run("DELETE FROM stratus_migrations WHERE service = 'dynamodb' AND version = 5");
    });
    await db.close();

    e = await setup({ dataDir: dir });
    try {
      assert.deepEqual((await listTags(e, 'old-tagged')).Tags, [
        { Key: 'env', Value: 'dev' },
        { Key: 'team', Value: 'core' },
      ]);
      assert.deepEqual((await listTags(e, 'old-untagged')).Tags, []);
      const metaTags = async (name: string) => JSON.parse((await e.server.db.get<{ meta: string }>('SELECT meta FROM ddb_tables WHERE name = ?', [name]))!.meta).tags;
      assert.equal(await metaTags('old-tagged'), undefined);
      assert.equal(await metaTags('old-untagged'), undefined);
      assert.equal(await metaTags('old-reserved'), undefined);
      assert.deepEqual((await listTags(e, 'old-reserved')).Tags, [
        { Key: 'aws:x', Value: '1' },
        { Key: 'owner', Value: 'me' },
      ]);
      await e.client.send(new TagResourceCommand({ ResourceArn: arnOf('old-tagged'), Tags: [{ Key: 'new', Value: 'yes' }] }));
      assert.deepEqual((await listTags(e, 'old-tagged')).Tags?.map((t) => t.Key), ['env', 'new', 'team']);
    } finally {
      await e.stop();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
