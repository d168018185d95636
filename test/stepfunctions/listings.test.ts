import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  CreateActivityCommand,
  CreateStateMachineAliasCommand,
  GetExecutionHistoryCommand,
  ListActivitiesCommand,
  ListExecutionsCommand,
  ListStateMachineAliasesCommand,
  ListStateMachinesCommand,
  ListStateMachineVersionsCommand,
  PublishStateMachineVersionCommand,
  UpdateStateMachineCommand,
  type HistoryEvent,
} from '@aws-sdk/client-sfn';
import { setup, machine, start, waitFor, history } from './helpers.js';

/** Every item of a listing, page by page (`maxResults` each), and the number of pages. */
async function allPages<T>(list: (nextToken: string | undefined) => Promise<{ items?: T[]; nextToken?: string }>): Promise<{ items: T[]; pages: number }> {
  const items: T[] = [];
  let nextToken: string | undefined;
  let pages = 0;
  do {
    const page = await list(nextToken);
    items.push(...(page.items ?? []));
    nextToken = page.nextToken;
    pages++;
  } while (nextToken);
  return { items, pages };
}

const isInvalidToken = (e: Error & { $metadata?: { httpStatusCode?: number } }) => {
  assert.equal(e.name, 'InvalidToken');
  assert.equal(e.message, "Invalid Token: 'Invalid token'");
  assert.equal(e.$metadata?.httpStatusCode, 400);
  return true;
};

test('List operations page through every item once, in the order of a single listing', async () => {
  const env = await setup();
  const c = env.client;
  try {
    const pass = { StartAt: 'A', States: { A: { Type: 'Pass', Next: 'B' }, B: { Type: 'Pass', End: true } } };
    const sm = await machine(env, pass);
    for (let i = 0; i < 4; i++) await machine(env, pass);
    // Executions started at once may share start_ms: the pages then follow the ARNs.
    const arns = await Promise.all([...Array(7).keys()].map((i) => start(env, sm, { i })));
    for (const arn of arns) await waitFor(env, arn);

    const executions = (await c.send(new ListExecutionsCommand({ stateMachineArn: sm }))).executions!.map((e) => e.executionArn);
    assert.deepEqual([...executions].sort(), [...arns].sort());
    const paged = await allPages(async (nextToken) => {
      const out = await c.send(new ListExecutionsCommand({ stateMachineArn: sm, maxResults: 3, nextToken }));
      return { items: out.executions?.map((e) => e.executionArn), nextToken: out.nextToken };
    });
    assert.deepEqual(paged, { items: executions, pages: 3 });
    const succeeded = await allPages(async (nextToken) => {
      const out = await c.send(new ListExecutionsCommand({ stateMachineArn: sm, statusFilter: 'SUCCEEDED', maxResults: 4, nextToken }));
      return { items: out.executions?.map((e) => e.executionArn), nextToken: out.nextToken };
    });
    assert.deepEqual(succeeded, { items: executions, pages: 2 });

    const machines = (await c.send(new ListStateMachinesCommand({}))).stateMachines!.map((m) => m.name);
    assert.equal(machines.length, 5);
    assert.deepEqual(machines, [...machines].sort());
    const machinePages = await allPages(async (nextToken) => {
      const out = await c.send(new ListStateMachinesCommand({ maxResults: 2, nextToken }));
      return { items: out.stateMachines?.map((m) => m.name), nextToken: out.nextToken };
    });
    assert.deepEqual(machinePages, { items: machines, pages: 3 });

    for (const name of ['act-b', 'act-a', 'act-c']) await c.send(new CreateActivityCommand({ name }));
    const activities = (await c.send(new ListActivitiesCommand({}))).activities!.map((a) => a.name);
    const activityPages = await allPages(async (nextToken) => {
      const out = await c.send(new ListActivitiesCommand({ maxResults: 2, nextToken }));
      return { items: out.activities?.map((a) => a.name), nextToken: out.nextToken };
    });
    assert.deepEqual(activityPages, { items: activities, pages: 2 });

    const versions: string[] = [];
    for (let i = 0; i < 3; i++) {
      await c.send(new UpdateStateMachineCommand({ stateMachineArn: sm, definition: JSON.stringify({ ...pass, Comment: `v${i}` }) }));
      versions.push((await c.send(new PublishStateMachineVersionCommand({ stateMachineArn: sm }))).stateMachineVersionArn!);
    }
    const versionPages = await allPages(async (nextToken) => {
      const out = await c.send(new ListStateMachineVersionsCommand({ stateMachineArn: sm, maxResults: 2, nextToken }));
      return { items: out.stateMachineVersions?.map((v) => v.stateMachineVersionArn), nextToken: out.nextToken };
    });
    assert.deepEqual(versionPages, { items: [...versions].reverse(), pages: 2 });

    for (const name of ['alias-1', 'alias-2', 'alias-3'])
      await c.send(new CreateStateMachineAliasCommand({ name, routingConfiguration: [{ stateMachineVersionArn: versions[0], weight: 100 }] }));
    const aliases = (await c.send(new ListStateMachineAliasesCommand({ stateMachineArn: sm }))).stateMachineAliases!.map((a) => a.stateMachineAliasArn);
    assert.equal(aliases.length, 3);
    const aliasPages = await allPages(async (nextToken) => {
      const out = await c.send(new ListStateMachineAliasesCommand({ stateMachineArn: sm, maxResults: 2, nextToken }));
      return { items: out.stateMachineAliases?.map((a) => a.stateMachineAliasArn), nextToken: out.nextToken };
    });
    assert.deepEqual(aliasPages, { items: aliases, pages: 2 });

    const ids = (await history(env, arns[0]!)).map((e) => e.id).reverse();
    const reversed = await allPages(async (nextToken) => {
      const out = await c.send(new GetExecutionHistoryCommand({ executionArn: arns[0], reverseOrder: true, maxResults: 2, nextToken }));
      return { items: out.events?.map((e) => e.id), nextToken: out.nextToken };
    });
    assert.deepEqual(reversed.items, ids);
  } finally {
    await env.stop();
  }
});

test('a next token is valid only for the listing that gave it; anything else is InvalidToken', async () => {
  const env = await setup();
  const c = env.client;
  try {
    const pass = { StartAt: 'A', States: { A: { Type: 'Pass', End: true } } };
    const sm = await machine(env, pass);
    const other = await machine(env, pass);
    for (const s of [sm, other]) for (let i = 0; i < 3; i++) await waitFor(env, await start(env, s));
    const page = await c.send(new ListExecutionsCommand({ stateMachineArn: sm, maxResults: 1 }));
    assert.ok(page.nextToken);
    await assert.rejects(c.send(new ListExecutionsCommand({ stateMachineArn: other, nextToken: page.nextToken })), isInvalidToken);
    await assert.rejects(c.send(new ListExecutionsCommand({ stateMachineArn: sm, statusFilter: 'FAILED', nextToken: page.nextToken })), isInvalidToken);
    await assert.rejects(c.send(new ListStateMachinesCommand({ nextToken: page.nextToken })), isInvalidToken);
    await assert.rejects(c.send(new ListActivitiesCommand({ nextToken: 'not-a-token' })), isInvalidToken);
    await assert.rejects(c.send(new ListExecutionsCommand({ stateMachineArn: sm, nextToken: Buffer.from('["executions"]').toString('base64') })), isInvalidToken);
  } finally {
    await env.stop();
  }
});

test('a long history is paged forward and in reverse across the rows it is stored in, each event once and in order', async () => {
  const env = await setup();
  const c = env.client;
  try {
    // 150 Pass states: 302 events, written at the end of the run in rows of at most 100 events.
    const States: Record<string, unknown> = {};
    for (let i = 0; i < 150; i++) States[`S${i}`] = i === 149 ? { Type: 'Pass', End: true } : { Type: 'Pass', Next: `S${i + 1}` };
    const sm = await machine(env, { StartAt: 'S0', States });
    const arn = await start(env, sm, { n: 1 });
    assert.equal((await waitFor(env, arn)).status, 'SUCCEEDED');
    const events: HistoryEvent[] = [];
    const forward = await allPages(async (nextToken) => {
      const out = await c.send(new GetExecutionHistoryCommand({ executionArn: arn, maxResults: 7, nextToken }));
      events.push(...(out.events ?? []));
      return { items: out.events?.map((e) => e.id), nextToken: out.nextToken };
    });
    const ids = Array.from({ length: 302 }, (_, i) => i + 1);
    assert.deepEqual(forward, { items: ids, pages: 44 });
    // As AWS links them: the first state's entry to event 0, every later event to the one before it.
    assert.deepEqual(
      events.map((e) => e.previousEventId),
      ids.map((id) => (id === 2 ? 0 : id - 1)),
    );
    assert.deepEqual(
      events.slice(99, 102).map((e) => `${e.type} ${e.stateEnteredEventDetails?.name ?? e.stateExitedEventDetails?.name}`),
      ['PassStateEntered S49', 'PassStateExited S49', 'PassStateEntered S50'],
    );
    assert.deepEqual(
      (await history(env, arn)).map((e) => e.id),
      ids.slice(0, 100),
      'a page holds 100 events by default',
    );
    const reversed = await allPages(async (nextToken) => {
      const out = await c.send(new GetExecutionHistoryCommand({ executionArn: arn, reverseOrder: true, maxResults: 99, nextToken }));
      return { items: out.events?.map((e) => e.id), nextToken: out.nextToken };
    });
    assert.deepEqual(reversed, { items: [...ids].reverse(), pages: 4 });
  } finally {
    await env.stop();
  }
});
