/** A distribution, its function and invalidation survive kill -9; the edge serves after the restart. */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import * as CF from '@aws-sdk/client-cloudfront';
import * as S3 from '@aws-sdk/client-s3';
import { clientConfig, spawnServer } from '../helpers/server.js';
import { s3Config } from './helpers.js';

function get(endpoint: string, host: string, path: string): Promise<{ status: number; body: string; xCache: string }> {
  const port = Number(new URL(endpoint).port);
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, headers: { host: `${host}:${port}` } }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode!, body, xCache: String(res.headers['x-cache']) }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('CloudFront durability', () => {
  it('kill -9 after the answers: distribution, ETag, function and invalidation are there, and the edge serves', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'stratus-cloudfront-crash-'));
    try {
      const first = await spawnServer(['--data-dir', dataDir]);
      const cf = new CF.CloudFrontClient(clientConfig(first.endpoint));
      const s3 = new S3.S3Client({ ...clientConfig(first.endpoint), forcePathStyle: true });
      await s3.send(new S3.CreateBucketCommand({ Bucket: 'durable-site' }));
      await s3.send(new S3.PutObjectCommand({ Bucket: 'durable-site', Key: 'index.html', Body: 'home', ContentType: 'text/html' }));
      const fn = await cf.send(
        new CF.CreateFunctionCommand({ Name: 'idx', FunctionConfig: { Comment: '', Runtime: 'cloudfront-js-2.0' }, FunctionCode: Buffer.from("function handler(e) { if (e.request.uri === '/home') e.request.uri = '/index.html'; return e.request; }") }),
      );
      const live = await cf.send(new CF.PublishFunctionCommand({ Name: 'idx', IfMatch: fn.ETag }));
      const base = s3Config('durable', 'durable-site');
      const d = await cf.send(
        new CF.CreateDistributionCommand({
          DistributionConfig: {
            ...base,
            DefaultCacheBehavior: { ...base.DefaultCacheBehavior!, FunctionAssociations: { Quantity: 1, Items: [{ EventType: 'viewer-request', FunctionARN: live.FunctionSummary!.FunctionMetadata!.FunctionARN }] } },
          },
        }),
      );
      const id = d.Distribution!.Id!;
      const inv = await cf.send(new CF.CreateInvalidationCommand({ DistributionId: id, InvalidationBatch: { CallerReference: 'x', Paths: { Quantity: 1, Items: ['/*'] } } }));
      await first.kill('SIGKILL');
      cf.destroy();
      s3.destroy();

      const second = await spawnServer(['--data-dir', dataDir]);
      try {
        const again = new CF.CloudFrontClient(clientConfig(second.endpoint));
        const got = await again.send(new CF.GetDistributionCommand({ Id: id }));
        assert.equal(got.ETag, d.ETag);
        assert.equal((await again.send(new CF.GetInvalidationCommand({ DistributionId: id, Id: inv.Invalidation!.Id }))).Invalidation!.Id, inv.Invalidation!.Id);
        const r = await get(second.endpoint, `${id.toLowerCase()}.cloudfront.localhost`, '/home');
        assert.equal(r.status, 200);
        assert.equal(r.body, 'home');
        assert.equal(r.xCache, 'Miss from cloudfront');
        again.destroy();
      } finally {
        await second.stop();
      }
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
