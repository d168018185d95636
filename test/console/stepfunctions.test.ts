/**
 * The Step Functions pages in headless Chromium: a machine with Choice, Parallel, Map and Catch
 * drawn whole; the editor's graph following an edit; AWS's diagnostic for an invalid definition at
 * its line; an execution started from the page whose states turn succeeded in order; caught and
 * failed states with their errors; stop and redrive; axe checks and screenshots of each view.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  CreateStateMachineCommand,
  DescribeExecutionCommand,
  DescribeStateMachineCommand,
  ListStateMachineVersionsCommand,
  SFNClient,
  StartExecutionCommand,
  ValidateStateMachineDefinitionCommand,
} from '@aws-sdk/client-sfn';
import type { Page } from 'playwright-core';
import { clientConfig } from '../helpers/server.js';
import { axeViolations, CHROMIUM, describeViolations, screenshot, startConsole, waitForView, type ConsoleHarness } from './helpers.js';
import { bigMachine } from './machines.js';

const ROLE = 'arn:aws:iam::000000000000:role/sfn';

/** Choice, Map, Parallel (a branch that fails) and a Catch that recovers. */
const SHOWCASE = {
  StartAt: 'Classify',
  States: {
    Classify: { Type: 'Choice', Choices: [{ Variable: '$.kind', StringEquals: 'many', Next: 'Fan out' }], Default: 'Single' },
    'Fan out': { Type: 'Map', ItemsPath: '$.items', ItemProcessor: { ProcessorConfig: { Mode: 'INLINE' }, StartAt: 'Double', States: { Double: { Type: 'Pass', End: true } } }, ResultPath: '$.doubled', Next: 'Both' },
    Single: { Type: 'Pass', Next: 'Both' },
    Both: {
      Type: 'Parallel',
      Branches: [
        { StartAt: 'Left', States: { Left: { Type: 'Pass', End: true } } },
        { StartAt: 'Right', States: { Right: { Type: 'Fail', Error: 'Right.Failed', Cause: 'the right branch fails' } } },
      ],
      Catch: [{ ErrorEquals: ['States.ALL'], ResultPath: '$.error', Next: 'Recover' }],
      Next: 'Done',
    },
    Recover: { Type: 'Pass', Next: 'Done' },
    Done: { Type: 'Succeed' },
  },
};
const ALL_STATES = ['Classify', 'Fan out', 'Double', 'Single', 'Both', 'Left', 'Right', 'Recover', 'Done'];

const statusOf = (page: Page, name: string) => page.locator(`[data-state="${name}"]`).getAttribute('data-status');

describe('console: Step Functions (headless Chromium)', { skip: CHROMIUM ? false : 'chromium is not installed', timeout: 300_000 }, () => {
  let c: ConsoleHarness;
  let sfn: SFNClient;
  let showcase: string;
  before(async () => {
    c = await startConsole();
    sfn = new SFNClient(clientConfig(c.server.endpoint));
    showcase = (await sfn.send(new CreateStateMachineCommand({ name: 'showcase', roleArn: ROLE, definition: JSON.stringify(SHOWCASE) }))).stateMachineArn!;
  });
  after(() => c?.close());

  it('draws every state of a machine with Choice, Parallel, Map and Catch, named and not started', async () => {
    const page = await c.open('#/stepfunctions');
    await page.getByRole('link', { name: 'showcase' }).click();
    await waitForView(page, `#/stepfunctions/machines/${encodeURIComponent(showcase)}`);
    const graph = page.locator('[data-test="graph"] svg');
    for (const name of ALL_STATES) {
      const node = graph.getByRole('button', { name, exact: true });
      assert.equal(await node.count(), 1, name);
      assert.equal(await node.getAttribute('data-status'), 'not-started', name);
    }
    // Nested states sit inside their group's frame.
    const box = async (name: string) => (await graph.locator(`[data-state="${name}"] rect`).first().boundingBox())!;
    const [both, left, right, fan, dbl] = await Promise.all(['Both', 'Left', 'Right', 'Fan out', 'Double'].map((n) => graph.locator(`[data-state="${n}"]`).locator('xpath=..').locator('rect').first().boundingBox()));
    for (const [inner, outer] of [[left, both], [right, both], [dbl, fan]] as const) {
      assert.ok(inner!.x >= outer!.x && inner!.y >= outer!.y && inner!.x + inner!.width <= outer!.x + outer!.width && inner!.y + inner!.height <= outer!.y + outer!.height);
    }
    // Edges are labelled: the Choice rule, Default and the Catch.
    const labels = await graph.locator('.edge-label').allTextContents();
    assert.ok(labels.includes('$.kind == "many"'), labels.join(' | '));
    assert.ok(labels.includes('Default'));
    assert.ok(labels.includes('Catch States.ALL'));
    // A node is reachable by keyboard and shows its definition when activated.
    await graph.getByRole('button', { name: 'Recover', exact: true }).focus();
    await page.keyboard.press('Enter');
    assert.match((await page.locator('[data-test="state-details"]').textContent()) ?? '', /"Next": "Done"/);
    assert.ok(await box('Classify'));
    const violations = await axeViolations(page);
    assert.deepEqual(violations, [], describeViolations(violations));
    await screenshot(page, 'stepfunctions-machine');
    await page.close();
  });

  it('redraws the graph as the definition is edited: a new state is a new node', async () => {
    const page = await c.open(`#/stepfunctions/machines/${encodeURIComponent(showcase)}`);
    const edited = structuredClone(SHOWCASE) as any;
    edited.States.Recover.Next = 'Log it';
    edited.States['Log it'] = { Type: 'Pass', Next: 'Done' };
    await page.getByLabel('Definition (ASL JSON)').fill(JSON.stringify(edited, null, 2));
    await page.locator('[data-test="graph"]').getByRole('button', { name: 'Log it', exact: true }).waitFor();
    assert.equal(await page.locator('[data-test="graph"] [data-state]').count(), ALL_STATES.length + 1);
    await page.locator('[data-test="diagnostics-summary"][data-result="OK"]').waitFor();
    // Saved as a new version of the machine, then as a new machine.
    await page.getByLabel('Version description (optional)').fill('logs the recovery');
    await page.getByRole('button', { name: 'Save as new version' }).click();
    await page.getByText('Saved as version').waitFor();
    const versions = await sfn.send(new ListStateMachineVersionsCommand({ stateMachineArn: showcase }));
    assert.equal(versions.stateMachineVersions!.length, 1);
    const version = await sfn.send(new DescribeStateMachineCommand({ stateMachineArn: versions.stateMachineVersions![0]!.stateMachineVersionArn }));
    assert.deepEqual(JSON.parse(version.definition!), edited);
    assert.equal(version.description, 'logs the recovery');
    await page.getByLabel('New machine name').fill('showcase-logged');
    await page.getByRole('button', { name: 'Save as new machine' }).click();
    await page.getByRole('link', { name: 'showcase-logged' }).click();
    await page.locator('[data-test="graph"]').getByRole('button', { name: 'Log it', exact: true }).waitFor();
    await page.close();
  });

  it('draws a machine of more than 100 states whole', async () => {
    const big = bigMachine(110);
    const arn = (await sfn.send(new CreateStateMachineCommand({ name: 'big', roleArn: ROLE, definition: JSON.stringify(big.definition) }))).stateMachineArn!;
    const page = await c.open(`#/stepfunctions/machines/${encodeURIComponent(arn)}`);
    assert.equal(await page.locator('[data-test="graph"] [data-state]').count(), big.states);
    assert.equal(await page.locator('[data-test="graph"]').getByRole('button', { name: 'Step 016 b1 b', exact: true }).count(), 1);
    const violations = await axeViolations(page);
    assert.deepEqual(violations, [], describeViolations(violations));
    // The whole graph, not the scrolled box.
    await page.addStyleTag({ content: '.graph-wrap { max-height: none !important; }' });
    await screenshot(page, 'stepfunctions-100-states');
    await page.close();
  });

  it("shows AWS's diagnostic for an invalid definition, at its line", async () => {
    const page = await c.open('#/stepfunctions/new');
    const bad = { StartAt: 'A', States: { A: { Type: 'Pass', Next: 'Nowhere' } } };
    const text = JSON.stringify(bad, null, 2);
    const expected = await sfn.send(new ValidateStateMachineDefinitionCommand({ definition: text }));
    assert.equal(expected.result, 'FAIL');
    const d = expected.diagnostics![0]!;
    await page.getByLabel('Definition (ASL JSON)').fill(text);
    const item = page.locator(`[data-test="diagnostics"] li[data-code="${d.code}"]`);
    await item.waitFor();
    assert.equal(await item.locator('.message').textContent(), d.message);
    // The line of `"Next": "Nowhere"`.
    const line = String(text.split('\n').findIndex((l) => l.includes('"Nowhere"')) + 1);
    assert.equal(await item.getAttribute('data-line'), line);
    assert.equal(await page.locator('.gutter .bad').textContent(), line);
    const violations = await axeViolations(page);
    assert.deepEqual(violations, [], describeViolations(violations));
    await screenshot(page, 'stepfunctions-diagnostics');
    // Creating it is refused with AWS's error.
    await page.getByRole('button', { name: 'Create state machine' }).click();
    await page.locator('[data-error-code="InvalidDefinition"]').waitFor();
    await page.close();
  });

  it('starts an execution from the page; its states turn succeeded in order', async () => {
    const linear = { StartAt: 'First', States: { First: { Type: 'Pass', Next: 'Pause' }, Pause: { Type: 'Wait', Seconds: 1, Next: 'Second' }, Second: { Type: 'Pass', Result: { done: true }, ResultPath: '$.result', Assign: { total: 42 }, Next: 'Finish' }, Finish: { Type: 'Succeed' } } };
    const arn = (await sfn.send(new CreateStateMachineCommand({ name: 'linear', roleArn: ROLE, definition: JSON.stringify(linear) }))).stateMachineArn!;
    const page = await c.context.newPage();
    page.on('dialog', (d) => void d.accept());
    // Every data-status change, in the order the page makes them.
    await page.addInitScript(() => {
      const w = window as any;
      w.__changes = [];
      new MutationObserver((records) => {
        for (const r of records) {
          const el = r.target as Element;
          if (r.attributeName === 'data-status' && el.getAttribute('data-status') !== 'not-started') w.__changes.push([el.getAttribute('data-state'), el.getAttribute('data-status')]);
        }
      }).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-status'] });
    });
    await page.goto(`${c.url}#/stepfunctions/machines/${encodeURIComponent(arn)}`);
    await waitForView(page, `#/stepfunctions/machines/${encodeURIComponent(arn)}`);
    await page.getByLabel('Input (JSON)').fill('{"order": 42}');
    await page.getByRole('button', { name: 'Start execution' }).click();
    await page.waitForFunction(() => location.hash.startsWith('#/stepfunctions/executions/'));
    await page.locator('[data-test="execution-status"]', { hasText: 'SUCCEEDED' }).waitFor();
    await page.waitForFunction(() => document.querySelector('[data-state="Finish"]')?.getAttribute('data-status') === 'succeeded');
    const changes = (await page.evaluate(() => (window as any).__changes)) as [string, string][];
    assert.deepEqual(changes.filter(([, s]) => s === 'succeeded').map(([n]) => n), ['First', 'Pause', 'Second', 'Finish']);
    // The Wait was seen running at some point only if a poll fell inside it: not asserted (timing).
    // Its output and input shown for a state when clicked.
    await page.getByRole('button', { name: 'Second', exact: true }).click();
    assert.match((await page.locator('[data-test="output"]').textContent()) ?? '', /"done": true/);
    assert.match((await page.locator('[data-test="input"]').textContent()) ?? '', /"order": 42/);
    assert.match((await page.locator('[data-test="variables"]').textContent()) ?? '', /"total": 42/);
    assert.ok((await page.locator('[data-test="history"] tbody tr').count()) >= 9);
    assert.equal(await page.locator('[data-test="history"] tr[data-type="ExecutionSucceeded"]').count(), 1);
    const violations = await axeViolations(page);
    assert.deepEqual(violations, [], describeViolations(violations));
    await screenshot(page, 'stepfunctions-execution');
    await page.close();
  });

  it('runs an Express machine synchronously from the page and shows its result', async () => {
    const def = { StartAt: 'Shape', States: { Shape: { Type: 'Pass', Parameters: { 'doubled.$': 'States.MathAdd($.n, $.n)' }, End: true } } };
    const arn = (await sfn.send(new CreateStateMachineCommand({ name: 'quick', type: 'EXPRESS', roleArn: ROLE, definition: JSON.stringify(def) }))).stateMachineArn!;
    const page = await c.open(`#/stepfunctions/machines/${encodeURIComponent(arn)}`);
    await page.getByLabel('Input (JSON)').fill('{"n": 21}');
    await page.getByRole('button', { name: 'Start execution' }).click();
    await page.locator('.status-SUCCEEDED', { hasText: 'SUCCEEDED' }).waitFor();
    assert.match((await page.locator('[data-test="sync-output"]').textContent()) ?? '', /"doubled":\s*42/);
    await page.close();
  });

  it('shows caught and failed states, a Map and a Choice branch taken, with their errors', async () => {
    const exec = await sfn.send(new StartExecutionCommand({ stateMachineArn: showcase, input: JSON.stringify({ kind: 'many', items: [1, 2] }) }));
    const page = await c.open(`#/stepfunctions/executions/${encodeURIComponent(exec.executionArn!)}`);
    await page.locator('[data-test="execution-status"]', { hasText: 'SUCCEEDED' }).waitFor();
    await page.waitForFunction(() => document.querySelector('[data-state="Done"]')?.getAttribute('data-status') === 'succeeded');
    const statuses = Object.fromEntries(await Promise.all(ALL_STATES.map(async (n) => [n, await statusOf(page, n)])));
    assert.deepEqual(statuses, { Classify: 'succeeded', 'Fan out': 'succeeded', Double: 'succeeded', Single: 'not-started', Both: 'caught', Left: 'succeeded', Right: 'failed', Recover: 'succeeded', Done: 'succeeded' });
    await page.getByRole('button', { name: 'Right', exact: true }).click();
    assert.match((await page.locator('[data-test="state-error"]').textContent()) ?? '', /Right\.Failed: the right branch fails/);
    await page.getByRole('button', { name: 'Double', exact: true }).click();
    assert.match((await page.locator('[data-test="state-status"]').textContent()) ?? '', /2 runs: 2 succeeded/);
    await screenshot(page, 'stepfunctions-caught');
    await page.close();
  });

  it('shows a failed execution with its error on the failing state', async () => {
    const def = { StartAt: 'Prepare', States: { Prepare: { Type: 'Pass', Next: 'Explode' }, Explode: { Type: 'Fail', Error: 'Custom.Error', Cause: 'went wrong' } } };
    const arn = (await sfn.send(new CreateStateMachineCommand({ name: 'failing', roleArn: ROLE, definition: JSON.stringify(def) }))).stateMachineArn!;
    const exec = await sfn.send(new StartExecutionCommand({ stateMachineArn: arn }));
    const page = await c.open(`#/stepfunctions/executions/${encodeURIComponent(exec.executionArn!)}`);
    await page.locator('[data-test="execution-status"]', { hasText: 'FAILED' }).waitFor();
    await page.waitForFunction(() => document.querySelector('[data-state="Explode"]')?.getAttribute('data-status') === 'failed');
    assert.equal(await statusOf(page, 'Prepare'), 'succeeded');
    assert.match((await page.locator('[data-test="execution-error"]').textContent()) ?? '', /Custom\.Error: went wrong/);
    await page.getByRole('button', { name: 'Explode', exact: true }).click();
    assert.match((await page.locator('[data-test="state-error"]').textContent()) ?? '', /Custom\.Error: went wrong/);
    await page.close();
  });

  it('stops a running execution and redrives it from the page', async () => {
    const def = { StartAt: 'Hold', States: { Hold: { Type: 'Wait', Seconds: 3600, Next: 'After' }, After: { Type: 'Succeed' } } };
    const arn = (await sfn.send(new CreateStateMachineCommand({ name: 'holding', roleArn: ROLE, definition: JSON.stringify(def) }))).stateMachineArn!;
    const exec = await sfn.send(new StartExecutionCommand({ stateMachineArn: arn }));
    const page = await c.open(`#/stepfunctions/executions/${encodeURIComponent(exec.executionArn!)}`);
    await page.waitForFunction(() => document.querySelector('[data-state="Hold"]')?.getAttribute('data-status') === 'running');
    await page.getByRole('button', { name: 'Stop execution' }).click();
    await page.locator('[data-test="execution-status"]', { hasText: 'ABORTED' }).waitFor();
    assert.equal((await sfn.send(new DescribeExecutionCommand({ executionArn: exec.executionArn! }))).status, 'ABORTED');
    assert.equal(await statusOf(page, 'Hold'), 'failed');
    await page.getByRole('button', { name: 'Redrive execution' }).click();
    await page.locator('[data-test="execution-status"]', { hasText: 'RUNNING' }).waitFor();
    const after = await sfn.send(new DescribeExecutionCommand({ executionArn: exec.executionArn! }));
    assert.equal(after.status, 'RUNNING');
    assert.equal(after.redriveCount, 1);
    await page.close();
  });
});

describe('console: --auth strict (headless Chromium)', { skip: CHROMIUM ? false : 'chromium is not installed', timeout: 120_000 }, () => {
  let c: ConsoleHarness;
  before(async () => {
    c = await startConsole({ config: { auth: 'strict', credentials: [{ accessKeyId: 'AKIACONSOLE', secretAccessKey: 'console-secret', accountId: '111122223333' }] } });
    const sfn = new SFNClient({ ...clientConfig(c.server.endpoint), credentials: { accessKeyId: 'AKIACONSOLE', secretAccessKey: 'console-secret' } });
    await sfn.send(new CreateStateMachineCommand({ name: 'signed', roleArn: 'arn:aws:iam::111122223333:role/sfn', definition: JSON.stringify({ StartAt: 'A', States: { A: { Type: 'Pass', End: true } } }) }));
  });
  after(() => c?.close());

  it('asks for an access key, then signs its calls with it', async () => {
    const page = await c.context.newPage();
    await page.goto(`${c.url}#/stepfunctions`);
    const dialog = page.getByRole('dialog', { name: 'Credentials' });
    await dialog.waitFor();
    const violations = await axeViolations(page);
    assert.deepEqual(violations, [], describeViolations(violations));
    await dialog.getByLabel('Access key ID').fill('AKIACONSOLE');
    await dialog.getByLabel('Secret access key').fill('console-secret');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('link', { name: 'signed' }).waitFor();
    await page.close();
  });

  it("shows the server's refusal of a wrong secret with AWS's code", async () => {
    const page = await c.context.newPage();
    await page.goto(`${c.url}#/platform`);
    const dialog = page.getByRole('dialog', { name: 'Credentials' });
    await dialog.getByLabel('Access key ID').fill('AKIACONSOLE');
    await dialog.getByLabel('Secret access key').fill('wrong');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await page.goto(`${c.url}#/stepfunctions`);
    await page.locator('[data-error-code="InvalidSignatureException"]').waitFor();
    await page.close();
  });
});
