/** Presigned URLs (SigV4 query auth) from @aws-sdk/s3-request-presigner, verified under --auth strict, expiry on the platform clock. */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { CreateBucketCommand, GetObjectCommand, GetObjectTaggingCommand, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
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

  // URLs for 10 minutes: the test before moved the platform clock a minute ahead.
  it('a presigned request carrying x-amz-* headers its URL did not sign is refused, naming them (x-amz-content-sha256 aside)', async () => {
    const put = await getSignedUrl(s3, new PutObjectCommand({ Bucket: 'presigned', Key: 'unsigned-headers' }), { expiresIn: 600 });
    const refused = await fetch(put, { method: 'PUT', body: 'x', headers: { 'x-amz-tagging': 'a=b', 'X-Amz-Storage-Class': 'GLACIER', 'x-amzn-trace-id': 'Root=1' } });
    assert.equal(refused.status, 403);
    const text = await refused.text();
    assert.match(text, /<Code>AccessDenied<\/Code><Message>There were headers present in the request which were not signed<\/Message>/);
    assert.match(text, /<HeadersNotSigned>x-amz-tagging, x-amz-storage-class<\/HeadersNotSigned>/);
    assert.equal((await fetch(await getUrl(s3, 'unsigned-headers'))).status, 404, 'nothing was stored');
    const sha = await fetch(put, { method: 'PUT', body: 'y', headers: { 'x-amz-content-sha256': 'UNSIGNED-PAYLOAD' } });
    assert.equal(sha.status, 200, await sha.text());
    // A header the URL signs (kept out of the query) is taken, and must then be sent.
    const tagged = await getSignedUrl(s3, new PutObjectCommand({ Bucket: 'presigned', Key: 'tagged', Tagging: 'a=b' }), { expiresIn: 600, unhoistableHeaders: new Set(['x-amz-tagging']) });
    assert.match(tagged, /X-Amz-SignedHeaders=host%3Bx-amz-tagging/);
    const ok = await fetch(tagged, { method: 'PUT', body: 'z', headers: { 'x-amz-tagging': 'a=b' } });
    assert.equal(ok.status, 200, await ok.text());
    const tags = await s3.send(new GetObjectTaggingCommand({ Bucket: 'presigned', Key: 'tagged' }));
    assert.deepEqual(tags.TagSet, [{ Key: 'a', Value: 'b' }]);
  });
});

async function getUrl(s3: S3Client, key: string): Promise<string> {
  return getSignedUrl(s3, new GetObjectCommand({ Bucket: 'presigned', Key: key }), { expiresIn: 600 });
}

