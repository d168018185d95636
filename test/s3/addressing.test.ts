/** Path-style and virtual-hosted addressing; keys with every odd character round-trip exactly. */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { CreateBucketCommand, GetObjectCommand, HeadObjectCommand, ListObjectsV2Command, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { signHeaders } from '../helpers/sign.js';
import type { TestServer } from '../helpers/server.js';
import { s3Client, startS3 } from './helpers.js';

const ODD_KEYS = [
  'plain.txt',
  'with space',
  'plus+sign',
  'percent%20literal',
  '100%',
  'ünïcödé/ñ/中文/😀',
  'double//slash',
  'trailing/',
  'trailing//',
  '/leading',
  'question?mark',
  'hash#tag',
  'semi;colon,comma',
  'tilde~star*paren(1)',
  'quote"apostrophe\'',
  'back\\slash',
  'amp&equals=',
  'dots/./and/../x',
  '[brackets]{braces}',
  '   ',
];

/** A raw request signed for `host` (the host header as sent, whatever the connection's address). */
function hostRequest(port: number, host: string, method: string, path: string, body = ''): Promise<{ status: number; body: string }> {
  const headers: Record<string, string> = { host: `${host}:${port}` };
  Object.assign(headers, signHeaders({ service: 's3', region: 'us-east-1', accessKeyId: 'test', secretAccessKey: 'test' }, method, path, headers, Buffer.from(body)));
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, method, path, headers }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (d: string) => (text += d));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

describe('S3 addressing', () => {
  let server: TestServer;
  let path: S3Client;
  let virtual: S3Client;
  before(async () => {
    server = await startS3({ config: { auth: 'strict', credentials: [{ accessKeyId: 'test', secretAccessKey: 'test', accountId: '000000000000' }] } });
    path = s3Client(server);
    virtual = s3Client(server, { virtual: true });
    await path.send(new CreateBucketCommand({ Bucket: 'addressing' }));
    await path.send(new CreateBucketCommand({ Bucket: 'dotted.bucket.name' }));
  });
  after(() => server.stop());

  for (const [name, client] of [['path-style', () => path], ['virtual-hosted', () => virtual]] as const) {
    it(`${name}: odd keys round-trip exactly (signatures verified)`, async () => {
      const s3 = client();
      for (const Key of ODD_KEYS) {
        await s3.send(new PutObjectCommand({ Bucket: 'addressing', Key: `${name}/${Key}`, Body: `body of ${Key}` }));
        const got = await s3.send(new GetObjectCommand({ Bucket: 'addressing', Key: `${name}/${Key}` }));
        assert.equal(await got.Body!.transformToString(), `body of ${Key}`, Key);
      }
      const listed = await s3.send(new ListObjectsV2Command({ Bucket: 'addressing', Prefix: `${name}/` }));
      assert.deepEqual(
        listed.Contents?.map((c) => c.Key),
        ODD_KEYS.map((k) => `${name}/${k}`).sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b))),
      );
    });
  }

  it('a dotted bucket name over virtual hosts', async () => {
    await virtual.send(new PutObjectCommand({ Bucket: 'dotted.bucket.name', Key: 'k', Body: 'dots' }));
    const got = await path.send(new GetObjectCommand({ Bucket: 'dotted.bucket.name', Key: 'k' }));
    assert.equal(await got.Body!.transformToString(), 'dots');
  });

  it('every virtual host form reaches the bucket; the plain AWS endpoint host is path-style', async () => {
    await path.send(new PutObjectCommand({ Bucket: 'addressing', Key: 'hosts/k', Body: 'by host' }));
    const port = Number(new URL(server.endpoint).port);
    for (const host of [
      'addressing.s3.localhost',
      'addressing.s3.us-east-1.localhost',
      'addressing.s3.amazonaws.com',
      'addressing.s3.us-east-1.amazonaws.com',
      'addressing.s3-us-east-1.amazonaws.com',
      'addressing.s3.localhost.localstack.cloud',
      'addressing.s3.us-east-1.localhost.localstack.cloud',
    ]) {
      const res = await hostRequest(port, host, 'GET', '/hosts/k');
      assert.equal(res.status, 200, `${host}: ${res.body}`);
      assert.equal(res.body, 'by host', host);
      const list = await hostRequest(port, host, 'GET', '/?list-type=2&prefix=hosts%2F');
      assert.match(list.body, /<Key>hosts\/k<\/Key>/, host);
    }
    for (const host of ['s3.amazonaws.com', 's3.us-east-1.amazonaws.com', 's3.localhost.localstack.cloud', 'localhost']) {
      const res = await hostRequest(port, host, 'GET', '/addressing/hosts/k');
      assert.equal(res.status, 200, host);
      assert.equal(res.body, 'by host');
    }
    // A bucket named like another service's path is still S3's over its virtual host.
    const missing = await hostRequest(port, 'restapis.s3.localhost', 'GET', '/x');
    assert.equal(missing.status, 404);
    assert.match(missing.body, /<Code>NoSuchBucket<\/Code>/);
  });

  it('HEAD through the virtual host', async () => {
    const head = await virtual.send(new HeadObjectCommand({ Bucket: 'addressing', Key: 'hosts/k' }));
    assert.equal(head.ContentLength, 7);
  });
});
