/**
 * A site through CloudFront in headless Chromium (Debian's `chromium` over the DevTools protocol, as
 * test/s3/browser.test.ts drives it): the page at `/` of `{id}.cloudfront.localhost` comes from S3
 * through a viewer-request function, compressed; its script fetches JSON from the same distribution
 * (a cached, compressed object) and an API path answered by the function. Skipped where no Chromium
 * is installed.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import WebSocket from 'ws';
import * as CF from '@aws-sdk/client-cloudfront';
import * as S3 from '@aws-sdk/client-s3';
import type { TestServer } from '../helpers/server.js';
import { definition as s3Service } from '../../src/services/s3/index.js';
import { s3Client } from '../s3/helpers.js';
import { cloudFrontClient, definition, s3Config, startCloudFront } from './helpers.js';

const CHROMIUM = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p));

/** Chromium with a DevTools WebSocket; `evaluate` runs an expression in a page at `url` and awaits its value. */
async function launch(): Promise<{ evaluate(url: string, expression: string): Promise<unknown>; close(): Promise<void> }> {
  const profile = mkdtempSync(join(tmpdir(), 'stratus-chromium-'));
  const child: ChildProcess = spawn(
    CHROMIUM!,
    ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-dev-shm-usage', '--no-first-run', '--remote-debugging-port=0', `--user-data-dir=${profile}`, 'about:blank'],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  const wsUrl = await new Promise<string>((resolve, reject) => {
    let err = '';
    child.stderr!.on('data', (c: Buffer) => {
      err += c.toString();
      const m = /DevTools listening on (ws:\/\/\S+)/.exec(err);
      if (m) resolve(m[1]!);
    });
    child.once('exit', () => reject(new Error(`chromium exited: ${err}`)));
  });
  const ws = new WebSocket(wsUrl);
  await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject));
  let id = 0;
  const pending = new Map<number, { resolve: (v: any) => void; reject: (e: Error) => void }>();
  const events: { method: string; params: any; sessionId?: string }[] = [];
  const waiters: (() => void)[] = [];
  ws.on('message', (data) => {
    const msg = JSON.parse(data.toString());
    if (msg.id !== undefined) {
      const p = pending.get(msg.id);
      pending.delete(msg.id);
      if (msg.error) p?.reject(new Error(JSON.stringify(msg.error)));
      else p?.resolve(msg.result);
    } else {
      events.push(msg);
      for (const w of waiters.splice(0)) w();
    }
  });
  const call = (method: string, params: object = {}, sessionId?: string): Promise<any> =>
    new Promise((resolve, reject) => {
      const n = ++id;
      pending.set(n, { resolve, reject });
      ws.send(JSON.stringify({ id: n, method, params, sessionId }));
    });
  const until = async (pred: (e: (typeof events)[number]) => boolean): Promise<void> => {
    while (!events.some(pred)) await new Promise<void>((r) => waiters.push(r));
  };
  return {
    async evaluate(url, expression) {
      const { targetId } = await call('Target.createTarget', { url: 'about:blank' });
      const { sessionId } = await call('Target.attachToTarget', { targetId, flatten: true });
      await call('Page.enable', {}, sessionId);
      const { frameId } = await call('Page.navigate', { url }, sessionId);
      // The about:blank page may fire its own load event: wait for the navigated document's.
      await until((e) => e.method === 'Page.frameNavigated' && e.sessionId === sessionId && e.params.frame.id === frameId && e.params.frame.url.startsWith(url));
      const loaded = events.length;
      for (;;) {
        const ready = await call('Runtime.evaluate', { expression: 'document.readyState', returnByValue: true }, sessionId);
        if (ready.result.value === 'complete') break;
        await until((e) => events.indexOf(e) >= loaded && e.method === 'Page.loadEventFired' && e.sessionId === sessionId);
      }
      const r = await call('Runtime.evaluate', { expression, awaitPromise: true, returnByValue: true }, sessionId);
      if (r.exceptionDetails) throw new Error(JSON.stringify(r.exceptionDetails));
      return r.result.value;
    },
    async close() {
      ws.close();
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGKILL');
      await exited;
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

const FUNCTION = `
function handler(event) {
  var request = event.request;
  if (request.uri === '/api/hello') {
    return { statusCode: 200, headers: { 'content-type': { value: 'application/json' } }, body: JSON.stringify({ hello: event.viewer.ip !== '' }) };
  }
  if (request.uri.endsWith('/')) request.uri += 'index.html';
  return request;
}`;

const PAGE = `<!doctype html><title>edge</title><h1>loading</h1>
<script>
window.done = Promise.all([fetch('/data.json').then((r) => r.json()), fetch('/api/hello').then((r) => r.json())])
  .then(([data, hello]) => { document.querySelector('h1').textContent = data.items.length + ' items, hello ' + hello.hello; return document.querySelector('h1').textContent; });
</script>`;

describe('CloudFront in a browser (headless Chromium)', { skip: CHROMIUM ? false : 'chromium is not installed' }, () => {
  let server: TestServer;
  let browser: Awaited<ReturnType<typeof launch>>;
  let url: string;
  before(async () => {
    server = await startCloudFront({}, [definition, s3Service]);
    const cf = cloudFrontClient(server);
    const s3 = s3Client(server);
    await s3.send(new S3.CreateBucketCommand({ Bucket: 'browser-site' }));
    await s3.send(new S3.PutObjectCommand({ Bucket: 'browser-site', Key: 'index.html', Body: PAGE, ContentType: 'text/html' }));
    const data = JSON.stringify({ items: Array.from({ length: 100 }, (_, i) => ({ id: i, name: 'item ' + i })) });
    await s3.send(new S3.PutObjectCommand({ Bucket: 'browser-site', Key: 'data.json', Body: data, ContentType: 'application/json' }));
    const fn = await cf.send(new CF.CreateFunctionCommand({ Name: 'browser-fn', FunctionConfig: { Comment: '', Runtime: 'cloudfront-js-2.0' }, FunctionCode: Buffer.from(FUNCTION) }));
    const arn = (await cf.send(new CF.PublishFunctionCommand({ Name: 'browser-fn', IfMatch: fn.ETag }))).FunctionSummary!.FunctionMetadata!.FunctionARN!;
    const base = s3Config('browser', 'browser-site');
    const d = await cf.send(
      new CF.CreateDistributionCommand({
        DistributionConfig: {
          ...base,
          DefaultCacheBehavior: { ...base.DefaultCacheBehavior!, Compress: true, FunctionAssociations: { Quantity: 1, Items: [{ EventType: 'viewer-request', FunctionARN: arn }] } },
        },
      }),
    );
    url = `http://${d.Distribution!.Id!.toLowerCase()}.cloudfront.localhost:${new URL(server.endpoint).port}/`;
    browser = await launch();
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('opens the site: the page, its cached compressed JSON and a function-generated API answer', async () => {
    assert.equal(await browser.evaluate(url, 'window.done'), '100 items, hello true');
    // Again: the objects now come from the cache.
    const cached = await browser.evaluate(url, "fetch('/data.json', { cache: 'no-store' }).then((r) => r.headers.get('x-cache') + ' ' + r.headers.get('content-encoding'))");
    assert.equal(cached, 'Hit from cloudfront br');
  });
});
