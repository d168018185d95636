/**
 * A site through CloudFront in headless Chromium (Debian's `chromium` over the DevTools protocol, as
 * test/s3/browser.test.ts drives it): the page at `/` of `{id}.cloudfront.localhost` comes from S3
 * through a viewer-request function, compressed; its script fetches JSON from the same distribution
 * (a cached, compressed object) and an API path answered by the function. Skipped where no Chromium
 * is installed.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as CF from '@aws-sdk/client-cloudfront';
import * as S3 from '@aws-sdk/client-s3';
import { CHROMIUM, launch } from '../helpers/chromium.js';
import type { TestServer } from '../helpers/server.js';
import { definition as s3Service } from '../../src/services/s3/index.js';
import { s3Client } from '../s3/helpers.js';
import { cloudFrontClient, definition, s3Config, startCloudFront } from './helpers.js';

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
