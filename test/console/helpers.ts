/**
 * The web console under test: Stratus on a free port, headless Chromium (Debian's `chromium`)
 * driven by playwright-core, an axe-core check per page, and screenshots kept as artifacts in
 * test-artifacts/console/ (git-ignored). console/README.md shows how a page's test is written.
 */
import { mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { CHROMIUM } from '../helpers/chromium.js';
import { startServer, type StartServerOptions, type TestServer } from '../helpers/server.js';

export { CHROMIUM };

/** The repository's root (this file runs from dist/test/console/). */
export const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
export const ARTIFACTS = join(REPO, 'test-artifacts', 'console');

const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

export interface ConsoleHarness {
  server: TestServer;
  /** http://127.0.0.1:<port>/_stratus/console/ */
  url: string;
  browser: Browser;
  context: BrowserContext;
  /** A new tab at `#/<hash>` of the console, once the shell has rendered that view. */
  open(hash?: string): Promise<Page>;
  close(): Promise<void>;
}

/** Starts Stratus and Chromium (a fresh profile each time). */
export async function startConsole(options: StartServerOptions = {}): Promise<ConsoleHarness> {
  const server = await startServer(options);
  let browser: Browser;
  try {
    // playwright gives each launch a fresh temporary profile (user-data-dir) and removes it on close.
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_FLAGS });
  } catch (e) {
    await server.stop();
    throw e;
  }
  const context = await browser.newContext({ viewport: { width: 1280, height: 860 } });
  const url = `${server.endpoint}/_stratus/console/`;
  return {
    server,
    url,
    browser,
    context,
    async open(hash = '#/platform') {
      const page = await context.newPage();
      // A page error fails the test that waits on the page, with its message.
      page.on('pageerror', (e) => console.error(`console page error: ${e.message}`));
      // confirm() before a reset or a stop: accepted, as a user who clicked on would.
      page.on('dialog', (d) => void d.accept());
      await page.goto(`${url}${hash}`);
      await waitForView(page, hash);
      return page;
    },
    async close() {
      await browser.close().catch(() => undefined);
      await server.stop();
    },
  };
}

/** Waits until the shell has rendered the view of `hash` (it sets main[data-view] after a page's render). */
export async function waitForView(page: Page, hash: string): Promise<void> {
  await page.waitForFunction((h) => document.getElementById('main')?.dataset.view === h, hash, { timeout: 30_000 });
}

const require = createRequire(import.meta.url);
const AXE = require.resolve('axe-core/axe.min.js');

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; html: string }[];
}

/** Runs axe-core on the page; the serious and critical violations (an empty list is a pass). */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: AXE });
  const result = await page.evaluate(async () => {
    const r = await (window as any).axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v: any) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 5).map((n: any) => ({ target: n.target, html: n.html })) }));
  });
  return (result as AxeViolation[]).filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

/** Readable text of violations, for an assertion's message. */
export function describeViolations(violations: AxeViolation[]): string {
  return violations.map((v) => `${v.impact} ${v.id}: ${v.help}\n${v.nodes.map((n) => `  ${n.target.join(' ')}  ${n.html}`).join('\n')}`).join('\n');
}

/** Saves a full-page screenshot as test-artifacts/console/<name>.png; its path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(ARTIFACTS, { recursive: true });
  const file = join(ARTIFACTS, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}
