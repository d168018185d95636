/**
 * Custom origins: an HTTP origin on a `.localhost` name of this server (query strings in the cache
 * key by policy, headers CloudFront sends, path-pattern precedence, origin failure answered 502),
 * and an S3 website endpoint by its AWS name.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as CF from '@aws-sdk/client-cloudfront';
import * as S3 from '@aws-sdk/client-s3';
import type { TestServer } from '../helpers/server.js';
import { definition as s3Service } from '../../src/services/s3/index.js';
import { s3Client } from '../s3/helpers.js';
import { cloudFrontClient, definition, edge, startCloudFront } from './helpers.js';

describe('CloudFront custom origins', () => {
  let server: TestServer;
  let cf: CF.CloudFrontClient;
  let host: string;
  let originHits = 0;
  before(async () => {
    server = await startCloudFront({
      extraDataPlanes: () => [
        {
          host: /^origin\.localhost$/,
          handle: (req, res) => {
            originHits++;
            const body = JSON.stringify({ path: req.rawPath, query: req.rawQuery, ua: req.headers['user-agent'], cfId: req.headers['x-amz-cf-id'], via: req.headers.via, host: req.headers.host, n: originHits });
            res.writeHead(200, { 'content-type': 'application/json', 'cache-control': req.rawPath.startsWith('/api/') ? 'no-cache' : 'max-age=60' });
            res.end(body);
          },
        },
      ],
    }, [definition, s3Service]);
    cf = cloudFrontClient(server);
    const port = Number(new URL(server.endpoint).port);
    const custom = (Id: string, DomainName: string, HTTPPort: number) => ({
      Id,
      DomainName,
      CustomOriginConfig: { HTTPPort, HTTPSPort: 443, OriginProtocolPolicy: 'http-only' as const },
    });
    const s3 = s3Client(server);
    await s3.send(new S3.CreateBucketCommand({ Bucket: 'www' }));
    await s3.send(new S3.PutBucketWebsiteCommand({ Bucket: 'www', WebsiteConfiguration: { IndexDocument: { Suffix: 'index.html' } } }));
    await s3.send(new S3.DeletePublicAccessBlockCommand({ Bucket: 'www' }));
    await s3.send(
      new S3.PutBucketPolicyCommand({
        Bucket: 'www',
        Policy: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: 'arn:aws:s3:::www/*' }] }),
      }),
    );
    await s3.send(new S3.PutObjectCommand({ Bucket: 'www', Key: 'site/index.html', Body: '<h1>website</h1>', ContentType: 'text/html' }));
    const d = await cf.send(
      new CF.CreateDistributionCommand({
        DistributionConfig: {
          CallerReference: 'custom',
          Comment: '',
          Enabled: true,
          Origins: {
            Quantity: 3,
            Items: [custom('app', 'origin.localhost', port), custom('dead', 'dead.localhost', 1), custom('web', 'www.s3-website-us-east-1.amazonaws.com', 80)],
          },
          DefaultCacheBehavior: {
            TargetOriginId: 'app',
            ViewerProtocolPolicy: 'allow-all',
            // Legacy settings: query strings forwarded, only `v` in the cache key.
            ForwardedValues: { QueryString: true, QueryStringCacheKeys: { Quantity: 1, Items: ['v'] }, Cookies: { Forward: 'none' } },
            MinTTL: 0,
          },
          OriginGroups: {
            Quantity: 1,
            Items: [{ Id: 'group', FailoverCriteria: { StatusCodes: { Quantity: 2, Items: [500, 502] } }, Members: { Quantity: 2, Items: [{ OriginId: 'dead' }, { OriginId: 'app' }] } }],
          },
          CacheBehaviors: {
            Quantity: 4,
            Items: [
              { PathPattern: '/group/*', TargetOriginId: 'group', ViewerProtocolPolicy: 'allow-all', CachePolicyId: '4135ea2d-6df8-44a3-9df3-4b5a84be39ad' },
              { PathPattern: '/site/*', TargetOriginId: 'web', ViewerProtocolPolicy: 'allow-all', CachePolicyId: '658327ea-f89d-4fab-a63d-7e88639e58f6' },
              { PathPattern: '/down/*', TargetOriginId: 'dead', ViewerProtocolPolicy: 'allow-all', CachePolicyId: '4135ea2d-6df8-44a3-9df3-4b5a84be39ad' },
              {
                PathPattern: 'api/*',
                TargetOriginId: 'app',
                ViewerProtocolPolicy: 'allow-all',
                CachePolicyId: '4135ea2d-6df8-44a3-9df3-4b5a84be39ad',
                OriginRequestPolicyId: 'b689b0a8-53d0-40ab-baf2-68738e2966ac',
                ResponseHeadersPolicyId: 'eaab4381-ed33-4a86-88ca-d9558dc6cd63',
                AllowedMethods: { Quantity: 7, Items: ['GET', 'HEAD', 'OPTIONS', 'PUT', 'PATCH', 'POST', 'DELETE'] },
              },
            ],
          },
        },
      }),
    );
    host = `${d.Distribution!.Id!.toLowerCase()}.cloudfront.localhost`;
  });
  after(() => server.stop());

  it('forwards to the HTTP origin with CloudFront headers; the cache key keeps only the whitelisted query string', async () => {
    const a = await edge(server, host, '/page?v=1&utm=a');
    assert.equal(a.headers['x-cache'], 'Miss from cloudfront');
    const seen = JSON.parse(a.body);
    assert.equal(seen.path, '/page');
    assert.equal(seen.query, 'v=1&utm=a');
    assert.equal(seen.ua, 'Amazon CloudFront');
    assert.equal(seen.cfId, a.headers['x-amz-cf-id']);
    assert.match(seen.via, /cloudfront\.net \(CloudFront\)$/);
    assert.equal(seen.host, 'origin.localhost');
    // Another utm value is the same object; another v is not.
    const b = await edge(server, host, '/page?v=1&utm=b');
    assert.equal(b.headers['x-cache'], 'Hit from cloudfront');
    assert.equal(JSON.parse(b.body).n, seen.n);
    const c = await edge(server, host, '/page?v=2');
    assert.equal(c.headers['x-cache'], 'Miss from cloudfront');
  });

  it('path patterns in order: api/* without a leading slash, caching disabled, every method, all viewer headers but Host', async () => {
    const post = await edge(server, host, '/api/items?x=1', { method: 'POST', body: '{}', headers: { 'content-type': 'application/json', 'user-agent': 'tester', origin: 'http://app.example' } });
    assert.equal(post.status, 200);
    // The managed CORS-with-preflight-and-SecurityHeadersPolicy.
    assert.equal(post.headers['access-control-allow-origin'], '*');
    assert.equal(post.headers['strict-transport-security'], 'max-age=31536000');
    assert.equal(post.headers['x-frame-options'], 'SAMEORIGIN');
    assert.equal(post.headers['x-content-type-options'], 'nosniff');
    assert.equal(post.headers['x-cache'], 'Miss from cloudfront');
    const seen = JSON.parse(post.body);
    assert.equal(seen.path, '/api/items');
    assert.equal(seen.query, 'x=1');
    assert.equal(seen.ua, 'tester');
    assert.equal(seen.host, 'origin.localhost');
    assert.equal((await edge(server, host, '/api/items')).headers['x-cache'], 'Miss from cloudfront');
  });

  it('a request looping back through CloudFront is refused', async () => {
    const via = '1.1 a.cloudfront.net (CloudFront), 1.1 b.cloudfront.net (CloudFront), 1.1 c.cloudfront.net (CloudFront)';
    const r = await edge(server, host, '/page?v=9', { headers: { via } });
    assert.equal(r.status, 403);
    assert.equal(r.headers['x-cache'], 'Error from cloudfront');
  });

  it('an origin group fails over to its second member when the first cannot be reached', async () => {
    const r = await edge(server, host, '/group/x');
    assert.equal(r.status, 200);
    assert.equal(JSON.parse(r.body).path, '/group/x');
  });

  it('an S3 website endpoint origin by its AWS name', async () => {
    const r = await edge(server, host, '/site/');
    assert.equal(r.status, 200);
    assert.equal(r.body, '<h1>website</h1>');
  });

  it('an unreachable origin is CloudFront\'s 502 page', async () => {
    const r = await edge(server, host, '/down/x');
    assert.equal(r.status, 502);
    assert.equal(r.headers['x-cache'], 'Error from cloudfront');
    assert.match(r.body, /CloudFront wasn't able to connect to the origin\./);
  });
});
