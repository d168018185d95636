/** Presigned URLs (SigV4 query auth) from @aws-sdk/s3-request-presigner, verified under --auth strict, expiry on the platform clock. */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { CreateBucketCommand, GetObjectCommand, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import type { TestServer } from '../helpers/server.js';
import { s3Client, startS3 } from './helpers.js';

describe('S3 presigned URLs', () => {
  let server: TestServer;
  let s3: S3Client;
  before(async () => {
    server = await startS3({ config: { auth: 'strict', credentials: [{ accessKeyId: 'test', secretAccessKey: 'test', accountId: '000000000000' }] } });
    s3 = s3Client(server);
    await s3.send(new CreateBucketCommand({ Bucket: 'presigned' }));
  });
  after(() => server.stop());

  it('a presigned PUT then GET work without credentials; a changed URL or an expired one is refused', async () => {
    const put = await getSignedUrl(s3, new PutObjectCommand({ Bucket: 'presigned', Key: 'dir/a b.txt' }), { expiresIn: 60 });
    const res = await fetch(put, { method: 'PUT', body: 'via presigned url' });
    assert.equal(res.status, 200, await res.text());
    const get = await getSignedUrl(s3, new GetObjectCommand({ Bucket: 'presigned', Key: 'dir/a b.txt' }), { expiresIn: 60 });
    const got = await fetch(get);
    assert.equal(got.status, 200);
    assert.equal(await got.text(), 'via presigned url');
    const tampered = await fetch(get.replace('a%20b', 'a%20c'));
    assert.equal(tampered.status, 403);
    assert.match(await tampered.text(), /<Code>SignatureDoesNotMatch<\/Code>/);
    server.clock.advance(61_000);
    const expired = await fetch(get);
    assert.equal(expired.status, 403);
    assert.match(await expired.text(), /<Code>AccessDenied<\/Code><Message>Request has expired<\/Message>/);
  });
});
