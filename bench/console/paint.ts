/**
 * The web console's speed in headless Chromium (Debian's `chromium`, via playwright-core), from the
 * browser's own performance entries: first paint and first contentful paint of the console
 * (cold: a new browser context, nothing cached), and the time until a 100+ state machine's graph is
 * drawn and painted (navigation start to the frame after the SVG is in the page), with the layout
 * and SVG build alone and where the time went (health read, page module loaded, view rendered).
 * Goal: first paint under 200 ms. Wall-clock figures on a shared machine are noisy: medians of
 * several runs, the load average printed, and a peer measured in the same run: the first paint of
 * a plain JSON document (/_stratus/health) from the same server, the least a page can cost here.
 * The renderer main thread's CPU time (CDP Performance.getMetrics TaskDuration in thread ticks) is
 * printed too: it does not count the time spent waiting for a CPU, which the timestamps do.
 *   npm run bench:console [runs]
 */
import { loadavg } from 'node:os';
import { CreateStateMachineCommand, SFNClient } from '@aws-sdk/client-sfn';
import type { Page } from 'playwright-core';
import { clientConfig } from '../../test/helpers/server.js';
import { startConsole } from '../../test/console/helpers.js';
import { bigMachine } from '../../test/console/machines.js';

const runs = Number(process.argv[2] ?? 7);
const FIRST_PAINT_GOAL_MS = 200;

/** Starts counting the renderer main thread's busy time (CDP Performance metrics, from enable on); `read()` gives it in ms. */
async function busyCounter(page: Page): Promise<{ read(): Promise<number> }> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
  return {
    async read() {
      const { metrics } = await cdp.send('Performance.getMetrics');
      return (metrics.find((x) => x.name === 'TaskDuration')?.value ?? NaN) * 1000;
    },
  };
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
};

async function main(): Promise<void> {
  const c = await startConsole();
  try {
    const sfn = new SFNClient(clientConfig(c.server.endpoint));
    const big = bigMachine(100);
    const { stateMachineArn } = await sfn.send(new CreateStateMachineCommand({ name: 'big', roleArn: 'arn:aws:iam::000000000000:role/sfn', definition: JSON.stringify(big.definition) }));
    const paints: { fp: number; fcp: number; busy: number }[] = [];
    const peers: number[] = [];
    const graphs: { painted: number; build: number; nodes: number; health: number; module: number; rendered: number; busy: number }[] = [];
    const fcpOf = (page: Page) =>
      page.evaluate(async () => {
        while (performance.getEntriesByName('first-contentful-paint').length === 0) await new Promise((r) => setTimeout(r, 10));
        return { fp: performance.getEntriesByName('first-paint')[0]?.startTime ?? NaN, fcp: performance.getEntriesByName('first-contentful-paint')[0]!.startTime };
      });
    for (let r = 0; r < runs; r++) {
      // A new context each run: no cache, no session storage.
      const context = await c.browser.newContext();
      const peer = await context.newPage();
      await peer.goto(`${c.server.endpoint}/_stratus/health`);
      peers.push((await fcpOf(peer)).fcp);
      await peer.close();
      const page = await context.newPage();
      const pageBusy = await busyCounter(page);
      await page.goto(`${c.url}#/platform`);
      paints.push({ ...(await fcpOf(page)), busy: await pageBusy.read() });
      await page.close();
      const graphPage = await context.newPage();
      const graphBusy = await busyCounter(graphPage);
      await graphPage.goto(`${c.url}#/stepfunctions/machines/${encodeURIComponent(stateMachineArn!)}`);
      await graphPage.waitForFunction(() => ['stratus:graph-painted', 'stratus:rendered'].every((n) => performance.getEntriesByName(n).length > 0), undefined, { timeout: 60_000 });
      const at = await graphPage.evaluate(() => {
        const t = (n: string) => performance.getEntriesByName(n)[0]?.startTime ?? NaN;
        return {
          painted: t('stratus:graph-painted'),
          build: performance.getEntriesByName('stratus:graph-build')[0]!.duration,
          nodes: document.querySelectorAll('[data-test="graph"] [data-state]').length,
          health: t('stratus:health'),
          module: t('stratus:page-module'),
          rendered: t('stratus:rendered'),
        };
      });
      graphs.push({ ...at, busy: await graphBusy.read() });
      await context.close();
    }
    const m = (xs: number[]) => median(xs).toFixed(1);
    console.log(`load average while measuring: ${loadavg().map((x) => x.toFixed(1)).join(' ')} (on ${(await import('node:os')).cpus().length} CPUs)`);
    const fcp = median(paints.map((p) => p.fcp));
    console.log(`console first paint (cold, median of ${runs}): first paint ${m(paints.map((p) => p.fp))} ms, first contentful paint ${fcp.toFixed(1)} ms (goal < ${FIRST_PAINT_GOAL_MS} ms: ${fcp < FIRST_PAINT_GOAL_MS ? 'met' : 'not met on this run'})`);
    console.log(`  peer, a JSON document from the same server: first contentful paint ${m(peers)} ms`);
    console.log(`  renderer main thread busy (CPU time) by then: ${m(paints.map((p) => p.busy))} ms; runs (fcp): ${paints.map((p) => p.fcp.toFixed(0)).join(' ')} ms`);
    console.log(`${graphs[0]!.nodes}-state graph, navigation start to painted frame (median): ${m(graphs.map((g) => g.painted))} ms; layout + SVG build ${m(graphs.map((g) => g.build))} ms`);
    console.log(`  health read at ${m(graphs.map((g) => g.health))} ms, page module at ${m(graphs.map((g) => g.module))} ms, view rendered (all its calls answered) at ${m(graphs.map((g) => g.rendered))} ms; main thread CPU ${m(graphs.map((g) => g.busy))} ms`);
    console.log(`  runs (painted/build): ${graphs.map((g) => `${g.painted.toFixed(0)}/${g.build.toFixed(0)}`).join(' ')} ms`);
  } finally {
    await c.close();
  }
}

await main();
