/**
 * The edge: a static site from S3 through a distribution, a viewer-request function rewriting `/`
 * and redirecting, cache Miss then Hit, invalidation, custom error responses, CloudFront's headers.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { request } from 'node:http';
import * as CF from '@aws-sdk/client-cloudfront';
import * as S3 from '@aws-sdk/client-s3';
import type { TestServer } from '../helpers/server.js';
import { definition as s3Service } from '../../src/services/s3/index.js';
import { s3Client } from '../s3/helpers.js';
import { cloudFrontClient, definition, edge, s3Config, startCloudFront } from './helpers.js';

function rawGet(server: TestServer, host: string, path: string, headers: Record<string, string>): Promise<{ headers: Record<string, string | string[] | undefined>; body: Buffer }> {
  const port = Number(new URL(server.endpoint).port);
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, headers: { host: `${host}:${port}`, ...headers } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });
}

const REWRITE = `
async function handler(event) {
  var request = event.request;
  if (request.uri === '/old') {
    return { statusCode: 301, statusDescription: 'Moved Permanently', headers: { location: { value: '/new.html' } } };
  }
  if (request.uri.endsWith('/')) request.uri += 'index.html';
  return request;
}`;

const ADD_HEADER = `
function handler(event) {
  var response = event.response;
  response.headers['x-edge'] = { value: 'viewer-response ' + event.context.eventType };
  return response;
}`;

describe('CloudFront edge with an S3 origin', () => {
  let server: TestServer;
  let cf: CF.CloudFrontClient;
  let s3: S3.S3Client;
  let id: string;
  let host: string;
  before(async () => {
    server = await startCloudFront({}, [definition, s3Service]);
    cf = cloudFrontClient(server);
    s3 = s3Client(server);
    await s3.send(new S3.CreateBucketCommand({ Bucket: 'site' }));
    const put = (Key: string, Body: string, extra: Partial<S3.PutObjectCommandInput> = {}) => s3.send(new S3.PutObjectCommand({ Bucket: 'site', Key, Body, ContentType: 'text/html', ...extra }));
    await put('index.html', '<h1>home</h1>');
    await put('docs/index.html', '<h1>docs</h1>');
    await put('new.html', '<h1>new</h1>');
    await put('404.html', '<h1>not here</h1>');
    await put('short.txt', 'short', { CacheControl: 'max-age=5', ContentType: 'text/plain' });
    await put('private.txt', 'private', { CacheControl: 'no-store', ContentType: 'text/plain' });
    await put('app.css', 'body { color: red; }\n'.repeat(200), { ContentType: 'text/css' });

    const fns: string[] = [];
    for (const [name, code] of [['rewrite', REWRITE], ['stamp', ADD_HEADER]] as const) {
      const created = await cf.send(new CF.CreateFunctionCommand({ Name: name, FunctionConfig: { Comment: '', Runtime: 'cloudfront-js-2.0' }, FunctionCode: Buffer.from(code) }));
      const published = await cf.send(new CF.PublishFunctionCommand({ Name: name, IfMatch: created.ETag }));
      fns.push(published.FunctionSummary!.FunctionMetadata!.FunctionARN!);
    }
    const d = await cf.send(
      new CF.CreateDistributionCommand({
        DistributionConfig: s3Config('site', 'site', {
          DefaultRootObject: 'index.html',
          DefaultCacheBehavior: {
            TargetOriginId: 's3',
            ViewerProtocolPolicy: 'redirect-to-https',
            CachePolicyId: '658327ea-f89d-4fab-a63d-7e88639e58f6',
            Compress: true,
            FunctionAssociations: {
              Quantity: 2,
              Items: [
                { EventType: 'viewer-request', FunctionARN: fns[0] },
                { EventType: 'viewer-response', FunctionARN: fns[1] },
              ],
            },
          },
          CacheBehaviors: {
            Quantity: 1,
            Items: [{ PathPattern: '/private*', TargetOriginId: 's3', ViewerProtocolPolicy: 'allow-all', CachePolicyId: '4135ea2d-6df8-44a3-9df3-4b5a84be39ad' }],
          },
          CustomErrorResponses: { Quantity: 1, Items: [{ ErrorCode: 404, ResponsePagePath: '/404.html', ResponseCode: '404', ErrorCachingMinTTL: 30 }] },
        }),
      }),
    );
    id = d.Distribution!.Id!;
    host = `${id.toLowerCase()}.cloudfront.localhost`;
  });
  after(() => server.stop());

  it('serves the site: the function rewrites / and /docs/ to index.html, Miss then Hit with Age', async () => {
    const first = await edge(server, host, '/');
    assert.equal(first.status, 200);
    assert.equal(first.body, '<h1>home</h1>');
    assert.equal(first.headers['x-cache'], 'Miss from cloudfront');
    assert.match(String(first.headers.via), /^1\.1 [0-9a-f]{32}\.cloudfront\.net \(CloudFront\)$/);
    assert.match(String(first.headers['x-amz-cf-id']), /^[A-Za-z0-9_-]{54}==$/);
    assert.ok(first.headers['x-amz-cf-pop']);
    assert.equal(first.headers['x-edge'], 'viewer-response viewer-response');
    assert.equal(first.headers['content-type'], 'text/html');

    server.clock.advance(3000);
    const second = await edge(server, host, '/');
    assert.equal(second.headers['x-cache'], 'Hit from cloudfront');
    assert.equal(second.headers.age, '3');
    assert.equal(second.body, '<h1>home</h1>');

    const head = await edge(server, host, '/', { method: 'HEAD' });
    assert.equal(head.headers['x-cache'], 'Hit from cloudfront');
    assert.equal(head.headers['content-length'], String('<h1>home</h1>'.length));
    assert.equal(head.body, '');
    const headMiss = await edge(server, host, '/404.html', { method: 'HEAD' });
    assert.equal(headMiss.headers['x-cache'], 'Miss from cloudfront');
    assert.equal(headMiss.headers['content-length'], String('<h1>not here</h1>'.length));

    const docs = await edge(server, host, '/docs/');
    assert.equal(docs.body, '<h1>docs</h1>');
    // The AWS domain name as Host serves the same distribution.
    const byDomain = await edge(server, (await cf.send(new CF.GetDistributionCommand({ Id: id }))).Distribution!.DomainName!, '/docs/');
    assert.equal(byDomain.headers['x-cache'], 'Hit from cloudfront');
  });

  it('compresses for viewers that accept it (Brotli first), not for those that do not', async () => {
    const { brotliDecompressSync, gunzipSync } = await import('node:zlib');
    const css = 'body { color: red; }\n'.repeat(200);
    const raw = await rawGet(server, host, '/app.css', { 'accept-encoding': 'gzip, deflate, br' });
    assert.equal(raw.headers['content-encoding'], 'br');
    assert.equal(brotliDecompressSync(raw.body).toString(), css);
    const gz = await rawGet(server, host, '/app.css', { 'accept-encoding': 'gzip' });
    assert.equal(gz.headers['content-encoding'], 'gzip');
    assert.equal(gz.headers['x-cache'], 'Hit from cloudfront');
    assert.equal(gunzipSync(gz.body).toString(), css);
    const plain = await edge(server, host, '/app.css');
    assert.equal(plain.headers['content-encoding'], undefined);
    assert.equal(plain.body, css);
  });

  it('a function answers a redirect itself', async () => {
    const r = await edge(server, host, '/old');
    assert.equal(r.status, 301);
    assert.equal(r.headers.location, '/new.html');
    assert.equal(r.headers['x-cache'], 'FunctionGeneratedResponse from cloudfront');
  });

  it('an invalidation drops the cached object; the next request misses and sees the new content', async () => {
    assert.equal((await edge(server, host, '/new.html')).headers['x-cache'], 'Miss from cloudfront');
    await s3.send(new S3.PutObjectCommand({ Bucket: 'site', Key: 'new.html', Body: '<h1>newer</h1>', ContentType: 'text/html' }));
    const stale = await edge(server, host, '/new.html');
    assert.equal(stale.headers['x-cache'], 'Hit from cloudfront');
    assert.equal(stale.body, '<h1>new</h1>');
    await cf.send(new CF.CreateInvalidationCommand({ DistributionId: id, InvalidationBatch: { CallerReference: 'site-1', Paths: { Quantity: 1, Items: ['/new*'] } } }));
    const fresh = await edge(server, host, '/new.html');
    assert.equal(fresh.headers['x-cache'], 'Miss from cloudfront');
    assert.equal(fresh.body, '<h1>newer</h1>');
  });

  it('TTLs: origin max-age expires the object, revalidated (RefreshHit) or fetched again; a CachingDisabled behavior is never cached', async () => {
    assert.equal((await edge(server, host, '/short.txt')).headers['x-cache'], 'Miss from cloudfront');
    assert.equal((await edge(server, host, '/short.txt')).headers['x-cache'], 'Hit from cloudfront');
    server.clock.advance(6000);
    // Expired but unchanged: revalidated with the origin (If-None-Match, 304).
    const refreshed = await edge(server, host, '/short.txt');
    assert.equal(refreshed.headers['x-cache'], 'RefreshHit from cloudfront');
    assert.equal(refreshed.body, 'short');
    assert.equal((await edge(server, host, '/short.txt')).headers['x-cache'], 'Hit from cloudfront');
    await s3.send(new S3.PutObjectCommand({ Bucket: 'site', Key: 'short.txt', Body: 'changed', CacheControl: 'max-age=5', ContentType: 'text/plain' }));
    server.clock.advance(6000);
    const changed = await edge(server, host, '/short.txt');
    assert.equal(changed.headers['x-cache'], 'Miss from cloudfront');
    assert.equal(changed.body, 'changed');
    assert.equal((await edge(server, host, '/private.txt')).headers['x-cache'], 'Miss from cloudfront');
    assert.equal((await edge(server, host, '/private.txt')).headers['x-cache'], 'Miss from cloudfront');
  });

  it('custom error response: the 404 page from the origin with its status, cached for ErrorCachingMinTTL', async () => {
    const r = await edge(server, host, '/missing.html');
    assert.equal(r.status, 404);
    assert.equal(r.body, '<h1>not here</h1>');
    assert.equal(r.headers['x-cache'], 'Error from cloudfront');
    await s3.send(new S3.PutObjectCommand({ Bucket: 'site', Key: 'missing.html', Body: 'found', ContentType: 'text/html' }));
    assert.equal((await edge(server, host, '/missing.html')).status, 404);
    server.clock.advance(31_000);
    const later = await edge(server, host, '/missing.html');
    assert.equal(later.status, 200);
    assert.equal(later.body, 'found');
  });

  it('refuses methods the behavior does not allow; unknown distributions get CloudFront\'s 403 page', async () => {
    const post = await edge(server, host, '/', { method: 'POST', body: 'x' });
    assert.equal(post.status, 403);
    assert.match(post.body, /This distribution is not configured to allow the HTTP request method/);
    assert.match(post.body, /Generated by cloudfront \(CloudFront\)/);
    const unknown = await edge(server, 'e0000000000000.cloudfront.localhost', '/');
    assert.equal(unknown.status, 403);
    assert.equal(unknown.headers['x-cache'], 'Error from cloudfront');
  });
});
