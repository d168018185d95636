/**
 * Headless Chromium (Debian's `chromium`, driven over the DevTools protocol with `ws`): a page served
 * from an S3 website host does a CORS-preflighted PUT to a presigned URL and a form POST upload to
 * another bucket; the objects land. Skipped where no Chromium is installed.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as S3 from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { CHROMIUM, launch } from '../helpers/chromium.js';
import type { TestServer } from '../helpers/server.js';
import { readAll, s3Client, startS3 } from './helpers.js';
import { signedFields } from './post-policy.js';

// A browser that dies mid-test (a loaded machine) fails the suite instead of leaving it waiting on an event.
describe('S3 from a browser (headless Chromium)', { skip: CHROMIUM ? false : 'chromium is not installed', timeout: 180_000 }, () => {
  let server: TestServer;
  let s3: S3.S3Client;
  let browser: Awaited<ReturnType<typeof launch>>;
  let origin: string;
  before(async () => {
    server = await startS3({ config: { auth: 'strict', credentials: [{ accessKeyId: 'test', secretAccessKey: 'test', accountId: '000000000000' }] } });
    s3 = s3Client(server);
    const port = new URL(server.endpoint).port;
    origin = `http://app.s3-website.us-east-1.localhost:${port}`;
    // The page's bucket: a public website.
    await s3.send(new S3.CreateBucketCommand({ Bucket: 'app' }));
    await s3.send(new S3.DeletePublicAccessBlockCommand({ Bucket: 'app' }));
    await s3.send(
      new S3.PutBucketPolicyCommand({
        Bucket: 'app',
        Policy: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: 'arn:aws:s3:::app/*' }] }),
      }),
    );
    await s3.send(new S3.PutBucketWebsiteCommand({ Bucket: 'app', WebsiteConfiguration: { IndexDocument: { Suffix: 'index.html' } } }));
    await s3.send(new S3.PutObjectCommand({ Bucket: 'app', Key: 'index.html', Body: '<!doctype html><title>uploader</title><p>ready</p>', ContentType: 'text/html' }));
    // The uploads' bucket: private, with CORS for the page's origin.
    await s3.send(new S3.CreateBucketCommand({ Bucket: 'inbox' }));
    await s3.send(
      new S3.PutBucketCorsCommand({
        Bucket: 'inbox',
        CORSConfiguration: { CORSRules: [{ AllowedOrigins: [origin], AllowedMethods: ['PUT', 'POST'], AllowedHeaders: ['*'], ExposeHeaders: ['ETag'], MaxAgeSeconds: 60 }] },
      }),
    );
    browser = await launch();
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('a page on the website host PUTs to a presigned URL (preflighted) and POSTs a form; both objects land', async () => {
    const putUrl = await getSignedUrl(s3, new S3.PutObjectCommand({ Bucket: 'inbox', Key: 'from-put.txt', ContentType: 'text/plain' }), { expiresIn: 300 });
    const fields = { key: 'forms/${filename}', ...signedFields([{ bucket: 'inbox' }, ['starts-with', '$key', 'forms/']], new Date(server.clock.now() + 300_000)) };
    const script = `(async () => {
      const put = await fetch(${JSON.stringify(putUrl)}, { method: 'PUT', headers: { 'Content-Type': 'text/plain' }, body: 'put from chromium' })
        .then(async (r) => ({ status: r.status, etag: r.headers.get('etag') }), (e) => ({ error: String(e) }));
      const form = new FormData();
      for (const [k, v] of Object.entries(${JSON.stringify(fields)})) form.append(k, v);
      form.append('file', new Blob(['posted from chromium'], { type: 'text/plain' }), 'note.txt');
      const post = await fetch(${JSON.stringify(`${server.endpoint}/inbox`)}, { method: 'POST', body: form })
        .then((r) => ({ status: r.status, etag: r.headers.get('etag') }), (e) => ({ error: String(e) }));
      const denied = await fetch(${JSON.stringify(`${server.endpoint}/app/index.html`)}, { method: 'PUT', body: 'x' }).then((r) => 'answered ' + r.status, (e) => 'blocked');
      return { origin: location.origin, title: document.title, put, post, denied };
    })()`;
    const result = (await browser.evaluate(`${origin}/`, script)) as any;
    assert.equal(result.origin, origin);
    assert.equal(result.title, 'uploader');
    // The rule exposes ETag to the page.
    assert.equal(result.put.status, 200, JSON.stringify(result.put));
    assert.match(result.put.etag, /^"[0-9a-f]{32}"$/);
    assert.equal(result.post.status, 204, JSON.stringify(result.post));
    assert.match(result.post.etag, /^"[0-9a-f]{32}"$/);
    // The page's own bucket has no CORS rules: the browser refuses the preflight.
    assert.equal(result.denied, 'blocked');

    const put = await s3.send(new S3.GetObjectCommand({ Bucket: 'inbox', Key: 'from-put.txt' }));
    assert.equal((await readAll(put.Body as AsyncIterable<Uint8Array>)).toString(), 'put from chromium');
    assert.equal(put.ContentType, 'text/plain');
    const posted = await s3.send(new S3.GetObjectCommand({ Bucket: 'inbox', Key: 'forms/note.txt' }));
    assert.equal((await readAll(posted.Body as AsyncIterable<Uint8Array>)).toString(), 'posted from chromium');
    assert.equal(posted.ContentType, 'text/plain');
  });
});
