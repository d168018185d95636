/**
 * Step Functions tags in the shared tags table: the tags a data directory kept in the old `sfn_tags`
 * table are still there after the upgrade, and a deleted resource takes its tags with it.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  CreateActivityCommand,
  CreateStateMachineCommand,
  DeleteActivityCommand,
  DeleteStateMachineCommand,
  ListTagsForResourceCommand,
  TagResourceCommand,
} from '@aws-sdk/client-sfn';
import { openDb } from '../../src/storage/open.js';
import { JOBS_MIGRATIONS } from '../../src/jobs/queue.js';
import { MIGRATIONS } from '../../src/services/stepfunctions/store.js';
import { setup, ROLE, type Env } from './helpers.js';

const SM = 'arn:aws:states:us-east-1:000000000000:stateMachine:old-sm';
const ACTIVITY = 'arn:aws:states:us-east-1:000000000000:activity:old-activity';
const DEFINITION = JSON.stringify({ StartAt: 'P', States: { P: { Type: 'Pass', End: true } } });

/** A data directory as Step Functions left it before the shared tags table (its migrations 1-5). */
async function oldDataDir(dir: string): Promise<void> {
  const db = openDb({ dataDir: dir, sync: 'normal' });
  try {
    await db.migrate('jobs', JOBS_MIGRATIONS);
    await db.migrate('stepfunctions', MIGRATIONS.filter((m) => m.version <= 5));
    await db.tx(async (tx) => {
      await tx.run(
        "INSERT INTO sfn_state_machines (arn, account, region, name, definition, role_arn, type, created, logging, tracing, revision_id, encryption) VALUES (?, '000000000000', 'us-east-1', 'old-sm', ?, ?, 'STANDARD', 1, ?, ?, '', ?)",
        [SM, DEFINITION, ROLE, JSON.stringify({ level: 'OFF', includeExecutionData: false }), JSON.stringify({ enabled: false }), JSON.stringify({ type: 'AWS_OWNED_KEY' })],
      );
      await tx.run("INSERT INTO sfn_activities (arn, account, region, name, created, encryption) VALUES (?, '000000000000', 'us-east-1', 'old-activity', 1, NULL)", [ACTIVITY]);
      for (const [arn, key, value] of [
        [SM, 'b', 'B'],
        [SM, '10', 'ten'],
        [SM, '9', 'nine'],
        [SM, 'aws:owner', 'me'],
        [ACTIVITY, 'team', 'ops'],
      ]) {
        await tx.run('INSERT INTO sfn_tags (arn, tag_key, tag_value) VALUES (?, ?, ?)', [arn!, key!, value!]);
      }
    });
  } finally {
    await db.close();
  }
}

async function tagsOf(env: Env, resourceArn: string) {
  return (await env.client.send(new ListTagsForResourceCommand({ resourceArn }))).tags;
}

test('tags kept in the old sfn_tags table survive the upgrade, in key order, and go with their resource', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'stratus-sfn-tags-'));
  try {
    await oldDataDir(dir);
    const env = await setup({ config: { dataDir: dir } });
    try {
      assert.deepEqual(await tagsOf(env, SM), [
        { key: '10', value: 'ten' },
        { key: '9', value: 'nine' },
        { key: 'aws:owner', value: 'me' },
        { key: 'b', value: 'B' },
      ]);
      assert.deepEqual(await tagsOf(env, ACTIVITY), [{ key: 'team', value: 'ops' }]);
      assert.deepEqual(await env.server.db.all("SELECT name FROM sqlite_master WHERE name = 'sfn_tags'"), []);

      await env.client.send(new TagResourceCommand({ resourceArn: SM, tags: [{ key: 'b', value: 'B2' }] }));
      assert.deepEqual((await tagsOf(env, SM))?.find((t) => t.key === 'b'), { key: 'b', value: 'B2' });

      await env.client.send(new DeleteStateMachineCommand({ stateMachineArn: SM }));
      await env.client.send(new DeleteActivityCommand({ activityArn: ACTIVITY }));
      assert.deepEqual(await env.server.db.all('SELECT arn FROM stratus_tags WHERE arn IN (?, ?)', [SM, ACTIVITY]), []);
    } finally {
      await env.stop();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a state machine or activity created again after its deletion starts without the old tags', async () => {
  const env = await setup();
  try {
    const { stateMachineArn } = await env.client.send(
      new CreateStateMachineCommand({ name: 'retagged', definition: DEFINITION, roleArn: ROLE, tags: [{ key: 'k', value: 'v' }] }),
    );
    assert.deepEqual(await tagsOf(env, stateMachineArn!), [{ key: 'k', value: 'v' }]);
    await env.client.send(new DeleteStateMachineCommand({ stateMachineArn }));
    await env.client.send(new CreateStateMachineCommand({ name: 'retagged', definition: DEFINITION, roleArn: ROLE }));
    assert.deepEqual(await tagsOf(env, stateMachineArn!), []);

    const { activityArn } = await env.client.send(new CreateActivityCommand({ name: 'retagged', tags: [{ key: 'k' }] }));
    assert.deepEqual(await tagsOf(env, activityArn!), [{ key: 'k', value: '' }]);
    await env.client.send(new DeleteActivityCommand({ activityArn }));
    await env.client.send(new CreateActivityCommand({ name: 'retagged' }));
    assert.deepEqual(await tagsOf(env, activityArn!), []);
  } finally {
    await env.stop();
  }
});
