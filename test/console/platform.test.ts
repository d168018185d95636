/**
 * The console's shell and Platform page in headless Chromium: navigation from /_stratus/health,
 * the clock advanced from the page, the live request log filtered by service and status, and an
 * axe-core check with no serious or critical violation.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { SFNClient, ListStateMachinesCommand, DescribeStateMachineCommand } from '@aws-sdk/client-sfn';
import { clientConfig } from '../helpers/server.js';
import { axeViolations, CHROMIUM, describeViolations, screenshot, startConsole, type ConsoleHarness } from './helpers.js';

describe('console: shell and Platform page (headless Chromium)', { skip: CHROMIUM ? false : 'chromium is not installed', timeout: 180_000 }, () => {
  let c: ConsoleHarness;
  before(async () => {
    c = await startConsole();
  });
  after(() => c?.close());

  it('lists every service the server serves in the navigation', async () => {
    const page = await c.open('#/platform');
    const health = (await (await fetch(`${c.server.endpoint}/_stratus/health`)).json()) as { services: Record<string, unknown> };
    const nav = await page.locator('nav [data-nav]').evaluateAll((as) => as.map((a) => (a as HTMLElement).dataset.nav));
    assert.deepEqual(nav.filter((n) => n !== 'platform').sort(), Object.keys(health.services).sort());
    assert.equal(await page.getByRole('link', { name: 'Platform' }).getAttribute('aria-current'), 'page');
    assert.equal(await page.getByRole('heading', { level: 1 }).textContent(), 'Platform');
    await page.close();
  });

  it('advances the platform clock from the page', async () => {
    const page = await c.open('#/platform');
    const before = c.server.clock.offsetMs;
    await page.getByLabel('Advance by').fill('90');
    await page.getByLabel('Unit').selectOption('minutes');
    await page.getByRole('button', { name: 'Advance clock' }).click();
    await page.waitForFunction((ms) => document.querySelector('[data-test="clock-offset"]')?.textContent === `${ms} ms`, before + 90 * 60_000);
    assert.equal(c.server.clock.offsetMs, before + 90 * 60_000);
    await page.close();
  });

  it('shows the requests live, filtered by service and status, and passes axe', async () => {
    const page = await c.open('#/platform');
    const sfn = new SFNClient(clientConfig(c.server.endpoint));
    await sfn.send(new ListStateMachinesCommand({}));
    await assert.rejects(sfn.send(new DescribeStateMachineCommand({ stateMachineArn: 'arn:aws:states:us-east-1:000000000000:stateMachine:nope' })));
    const rows = page.locator('[data-test="requests"] tbody tr');
    await rows.filter({ hasText: 'DescribeStateMachine' }).waitFor();
    await page.getByLabel('Filter by service').selectOption('stepfunctions');
    await page.getByLabel('Filter by status').selectOption('4');
    const shown = await rows.evaluateAll((trs) => trs.map((tr) => [(tr as HTMLElement).dataset.service, (tr as HTMLElement).dataset.status, tr.children[2]!.textContent]));
    assert.deepEqual(shown, [['stepfunctions', '400', 'DescribeStateMachine']]);
    const violations = await axeViolations(page);
    assert.deepEqual(violations, [], describeViolations(violations));
    await screenshot(page, 'platform');
    await page.close();
  });

  it('says a view that does not exist, and a service without its own page', async () => {
    const page = await c.open('#/platform/nowhere');
    assert.match((await page.getByRole('alert').textContent()) ?? '', /No such view/);
    await page.close();
  });
});
