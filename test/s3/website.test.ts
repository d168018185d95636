/** Static website hosting on `{bucket}.s3-website.{region}.localhost` and the dash form: documents, redirects, routing rules, S3's HTML errors. */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { request } from 'node:http';
import * as S3 from '@aws-sdk/client-s3';
import type { TestServer } from '../helpers/server.js';
import { s3Client, s3Error, startS3 } from './helpers.js';

function web(server: TestServer, host: string, path: string, method = 'GET'): Promise<{ status: number; headers: Record<string, string>; body: string }> {
  const port = Number(new URL(server.endpoint).port);
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, method, path, headers: { host: `${host}:${port}` } }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers as Record<string, string>, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

const publicRead = (bucket: string, list = false) =>
  JSON.stringify({
    Version: '2012-10-17',
    Statement: [
      { Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: `arn:aws:s3:::${bucket}/*` },
      ...(list ? [{ Effect: 'Allow', Principal: '*', Action: 's3:ListBucket', Resource: `arn:aws:s3:::${bucket}` }] : []),
    ],
  });

describe('S3 static websites', () => {
  let server: TestServer;
  let s3: S3.S3Client;
  const host = 'site.s3-website.us-east-1.localhost';
  before(async () => {
    server = await startS3();
    s3 = s3Client(server);
    await s3.send(new S3.CreateBucketCommand({ Bucket: 'site' }));
    const put = (Key: string, Body: string, extra: Partial<S3.PutObjectCommandInput> = {}) => s3.send(new S3.PutObjectCommand({ Bucket: 'site', Key, Body, ContentType: 'text/html', ...extra }));
    await put('index.html', '<h1>home</h1>');
    await put('docs/index.html', '<h1>docs</h1>');
    await put('error.html', '<h1>oops</h1>');
    await put('moved', '', { WebsiteRedirectLocation: '/docs/' });
  });
  after(() => server.stop());

  it('configuration: validation errors, NoSuchWebsiteConfiguration, get/delete', async () => {
    const none = await s3Error(s3.send(new S3.GetBucketWebsiteCommand({ Bucket: 'site' })));
    assert.deepEqual([none.status, none.name, none.message], [404, 'NoSuchWebsiteConfiguration', 'The specified bucket does not have a website configuration']);
    const slash = await s3Error(s3.send(new S3.PutBucketWebsiteCommand({ Bucket: 'site', WebsiteConfiguration: { IndexDocument: { Suffix: '/index.html' } } })));
    assert.deepEqual([slash.status, slash.name, slash.message], [400, 'InvalidArgument', 'The IndexDocument Suffix is not well formed']);
    const noIndex = await s3Error(s3.send(new S3.PutBucketWebsiteCommand({ Bucket: 'site', WebsiteConfiguration: { ErrorDocument: { Key: 'e.html' } } })));
    assert.equal(noIndex.message, 'A value for IndexDocument Suffix must be provided if RedirectAllRequestsTo is empty');
    const both = await s3Error(
      s3.send(new S3.PutBucketWebsiteCommand({ Bucket: 'site', WebsiteConfiguration: { IndexDocument: { Suffix: 'i.html' }, RedirectAllRequestsTo: { HostName: 'example.com' } } })),
    );
    assert.equal(both.message, 'RedirectAllRequestsTo cannot be provided in conjunction with other Routing Rules.');
    const emptyCondition = await s3Error(
      s3.send(new S3.PutBucketWebsiteCommand({ Bucket: 'site', WebsiteConfiguration: { IndexDocument: { Suffix: 'i.html' }, RoutingRules: [{ Condition: {}, Redirect: { HostName: 'x' } }] } })),
    );
    assert.deepEqual([emptyCondition.name, emptyCondition.message], ['InvalidRequest', "Condition cannot be empty. To redirect all requests without a condition, the condition element shouldn't be present."]);
    const noSite = await web(server, host, '/');
    assert.equal(noSite.status, 404);
    assert.match(noSite.body, /<li>Code: NoSuchWebsiteConfiguration<\/li>\n<li>Message: The specified bucket does not have a website configuration<\/li>\n<li>BucketName: site<\/li>/);
    const noBucket = await web(server, 'nobucket.s3-website.us-east-1.localhost', '/');
    assert.equal(noBucket.status, 404);
    assert.match(noBucket.body, /^<html>\n<head><title>404 Not Found<\/title><\/head>\n<body>\n<h1>404 Not Found<\/h1>\n<ul>\n<li>Code: NoSuchBucket<\/li>/);
  });

  it('serves documents to everyone only once a public policy allows it; missing keys are 403 without ListBucket', async () => {
    await s3.send(new S3.PutBucketWebsiteCommand({ Bucket: 'site', WebsiteConfiguration: { IndexDocument: { Suffix: 'index.html' } } }));
    const denied = await web(server, host, '/');
    assert.equal(denied.status, 403);
    assert.match(denied.body, /<title>403 Forbidden<\/title>[\s\S]*<li>Code: AccessDenied<\/li>\n<li>Message: Access Denied<\/li>/);
    await s3.send(new S3.DeletePublicAccessBlockCommand({ Bucket: 'site' }));
    await s3.send(new S3.PutBucketPolicyCommand({ Bucket: 'site', Policy: publicRead('site') }));
    for (const h of [host, 'site.s3-website-us-east-1.localhost', 'site.s3-website.us-east-1.amazonaws.com']) {
      const home = await web(server, h, '/');
      assert.equal(home.status, 200);
      assert.equal(home.body, '<h1>home</h1>');
      assert.equal(home.headers['content-type'], 'text/html');
    }
    assert.equal((await web(server, host, '/docs/')).body, '<h1>docs</h1>');
    const dir = await web(server, host, '/docs');
    assert.deepEqual([dir.status, dir.headers.location], [302, '/docs/']);
    const moved = await web(server, host, '/moved');
    assert.deepEqual([moved.status, moved.headers.location], [301, '/docs/']);
    assert.equal((await web(server, host, '/nothing')).status, 403);
    const head = await web(server, host, '/index.html', 'HEAD');
    assert.deepEqual([head.status, head.headers['content-length'], head.body], [200, '13', '']);
    const post = await web(server, host, '/index.html', 'POST');
    assert.equal(post.status, 405);
    assert.match(post.body, /<li>Code: MethodNotAllowed<\/li>\n<li>Message: The specified method is not allowed against this resource.<\/li>\n<li>Method: POST<\/li>\n<li>ResourceType: OBJECT<\/li>/);
  });

  it('error document with the error status; its own absence reported in the page; routing rules; redirect all', async () => {
    await s3.send(new S3.PutBucketPolicyCommand({ Bucket: 'site', Policy: publicRead('site', true) }));
    await s3.send(new S3.PutBucketWebsiteCommand({ Bucket: 'site', WebsiteConfiguration: { IndexDocument: { Suffix: 'index.html' }, ErrorDocument: { Key: 'error.html' } } }));
    const missing = await web(server, host, '/nothing');
    assert.deepEqual([missing.status, missing.body], [404, '<h1>oops</h1>']);
    await s3.send(new S3.PutBucketWebsiteCommand({ Bucket: 'site', WebsiteConfiguration: { IndexDocument: { Suffix: 'index.html' }, ErrorDocument: { Key: 'gone.html' } } }));
    const noDoc = await web(server, host, '/nothing');
    assert.equal(noDoc.status, 404);
    assert.match(noDoc.body, /<li>Key: nothing<\/li>[\s\S]*<h3>An Error Occurred While Attempting to Retrieve a Custom Error Document<\/h3>\n<ul>\n<li>Code: NoSuchKey<\/li>\n<li>Message: The specified key does not exist.<\/li>\n<li>Key: gone.html<\/li>/);

    await s3.send(
      new S3.PutBucketWebsiteCommand({
        Bucket: 'site',
        WebsiteConfiguration: {
          IndexDocument: { Suffix: 'index.html' },
          RoutingRules: [
            { Condition: { KeyPrefixEquals: 'old/' }, Redirect: { ReplaceKeyPrefixWith: 'docs/', HttpRedirectCode: '302' } },
            { Condition: { HttpErrorCodeReturnedEquals: '404' }, Redirect: { HostName: 'fallback.example.com', Protocol: 'https', ReplaceKeyWith: 'missing.html' } },
          ],
        },
      }),
    );
    const old = await web(server, host, '/old/page.html');
    assert.equal(old.status, 302);
    assert.equal(old.headers.location, `http://${host}:${new URL(server.endpoint).port}/docs/page.html`);
    const onError = await web(server, host, '/nothing');
    assert.deepEqual([onError.status, onError.headers.location], [301, 'https://fallback.example.com/missing.html']);

    await s3.send(new S3.PutBucketWebsiteCommand({ Bucket: 'site', WebsiteConfiguration: { RedirectAllRequestsTo: { HostName: 'www.example.com', Protocol: 'https' } } }));
    const all = await web(server, host, '/a/b?x=1');
    assert.deepEqual([all.status, all.headers.location], [301, 'https://www.example.com/a/b']);
    assert.deepEqual((await s3.send(new S3.GetBucketWebsiteCommand({ Bucket: 'site' }))).RedirectAllRequestsTo, { HostName: 'www.example.com', Protocol: 'https' });
    assert.equal((await s3.send(new S3.DeleteBucketWebsiteCommand({ Bucket: 'site' }))).$metadata.httpStatusCode, 204);
  });
});
