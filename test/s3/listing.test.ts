/** ListObjectsV2 and ListObjects: prefix, delimiter, start-after, tokens, max keys, url encoding, byte order. */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { CreateBucketCommand, ListObjectsCommand, ListObjectsV2Command, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import type { TestServer } from '../helpers/server.js';
import { s3Client, s3Error, startS3 } from './helpers.js';

describe('S3 listing', () => {
  let server: TestServer;
  let s3: S3Client;
  const Bucket = 'listing';
  // Byte order of UTF-8: 'Z' < 'a' < 'é' (C3 A9) < '中' (E4 B8 AD) < '😀' (F0 9F 98 80) < '\uFFFD' is false in UTF-16 order.
  const keys = ['a.txt', 'Zebra', 'dir/a', 'dir/b', 'dir/sub/c', 'dir/sub/d', 'dir2/x', 'é', '中', '😀', '\uFF5E', 'space key', 'plus+key'];
  before(async () => {
    server = await startS3();
    s3 = s3Client(server);
    await s3.send(new CreateBucketCommand({ Bucket }));
    for (const Key of keys) await s3.send(new PutObjectCommand({ Bucket, Key, Body: Key }));
  });
  after(() => server.stop());

  const sorted = [...keys].sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)));

  it('lists every key in UTF-8 byte order with sizes and ETags', async () => {
    const out = await s3.send(new ListObjectsV2Command({ Bucket }));
    assert.deepEqual(out.Contents?.map((c) => c.Key), sorted);
    assert.equal(out.KeyCount, keys.length);
    assert.equal(out.IsTruncated, false);
    const first = out.Contents![0]!;
    assert.equal(first.Size, Buffer.byteLength(first.Key!));
    assert.match(first.ETag!, /^"[0-9a-f]{32}"$/);
    assert.equal(first.StorageClass, 'STANDARD');
    assert.equal(first.LastModified!.getMilliseconds(), 0, 'S3 keeps whole seconds');
    // '😀' sorts before U+FF5E in UTF-16 but after it in UTF-8.
    assert.ok(sorted.indexOf('\uFF5E') < sorted.indexOf('😀'));
  });

  it('prefix and delimiter roll keys up into CommonPrefixes', async () => {
    const top = await s3.send(new ListObjectsV2Command({ Bucket, Delimiter: '/' }));
    assert.deepEqual(top.CommonPrefixes?.map((p) => p.Prefix), ['dir/', 'dir2/']);
    assert.ok(!top.Contents?.some((c) => c.Key!.includes('/')));
    const dir = await s3.send(new ListObjectsV2Command({ Bucket, Prefix: 'dir/', Delimiter: '/' }));
    assert.deepEqual(dir.Contents?.map((c) => c.Key), ['dir/a', 'dir/b']);
    assert.deepEqual(dir.CommonPrefixes?.map((p) => p.Prefix), ['dir/sub/']);
    assert.equal(dir.KeyCount, 3);
    assert.equal(dir.Prefix, 'dir/');
    assert.equal(dir.Delimiter, '/');
  });

  it('pages with MaxKeys and ContinuationToken, common prefixes counted once', async () => {
    const seen: string[] = [];
    let token: string | undefined;
    let pages = 0;
    do {
      const page = await s3.send(new ListObjectsV2Command({ Bucket, Delimiter: '/', MaxKeys: 2, ContinuationToken: token }));
      assert.ok((page.KeyCount ?? 0) <= 2);
      seen.push(...(page.Contents ?? []).map((c) => c.Key!), ...(page.CommonPrefixes ?? []).map((p) => p.Prefix!));
      token = page.NextContinuationToken;
      assert.equal(page.IsTruncated, token !== undefined);
      pages++;
    } while (token);
    const expected = await s3.send(new ListObjectsV2Command({ Bucket, Delimiter: '/' }));
    const all = [...(expected.Contents ?? []).map((c) => c.Key!), ...(expected.CommonPrefixes ?? []).map((p) => p.Prefix!)];
    assert.deepEqual(seen.sort(), all.sort());
    assert.equal(pages, Math.ceil(all.length / 2));
    const bad = await s3Error(s3.send(new ListObjectsV2Command({ Bucket, ContinuationToken: 'bogus' })));
    assert.equal(bad.name, 'InvalidArgument');
    assert.equal(bad.message, 'The continuation token provided is incorrect');
  });

  it('StartAfter skips keys up to it; MaxKeys 0 lists nothing', async () => {
    const out = await s3.send(new ListObjectsV2Command({ Bucket, StartAfter: 'dir/sub/c' }));
    assert.deepEqual(out.Contents?.map((c) => c.Key), sorted.filter((k) => Buffer.compare(Buffer.from(k), Buffer.from('dir/sub/c')) > 0));
    assert.equal(out.StartAfter, 'dir/sub/c');
    const none = await s3.send(new ListObjectsV2Command({ Bucket, MaxKeys: 0 }));
    assert.equal(none.KeyCount, 0);
    assert.equal(none.Contents, undefined);
  });

  it('EncodingType=url encodes keys and prefixes', async () => {
    const out = await s3.send(new ListObjectsV2Command({ Bucket, EncodingType: 'url', Prefix: 's' }));
    assert.deepEqual(out.Contents?.map((c) => c.Key), ['space+key']);
    const plus = await s3.send(new ListObjectsV2Command({ Bucket, EncodingType: 'url', Prefix: 'plus' }));
    assert.deepEqual(plus.Contents?.map((c) => c.Key), ['plus%2Bkey']);
    const uni = await s3.send(new ListObjectsV2Command({ Bucket, EncodingType: 'url', Prefix: 'é' }));
    assert.deepEqual(uni.Contents?.map((c) => c.Key), ['%C3%A9']);
  });

  it('ListObjects (V1): Marker, NextMarker with a delimiter, owners', async () => {
    const first = await s3.send(new ListObjectsCommand({ Bucket, MaxKeys: 3, Delimiter: '/' }));
    assert.equal(first.IsTruncated, true);
    assert.ok(first.NextMarker);
    assert.ok(first.Contents?.every((c) => c.Owner?.ID));
    const rest = await s3.send(new ListObjectsCommand({ Bucket, Marker: first.NextMarker, Delimiter: '/' }));
    const got = [...(first.Contents ?? []).map((c) => c.Key!), ...(first.CommonPrefixes ?? []).map((p) => p.Prefix!), ...(rest.Contents ?? []).map((c) => c.Key!), ...(rest.CommonPrefixes ?? []).map((p) => p.Prefix!)];
    const all = await s3.send(new ListObjectsV2Command({ Bucket, Delimiter: '/' }));
    assert.equal(got.length, (all.KeyCount ?? 0));
    const noDelimiter = await s3.send(new ListObjectsCommand({ Bucket, MaxKeys: 2 }));
    assert.equal(noDelimiter.IsTruncated, true);
    assert.equal(noDelimiter.NextMarker, undefined);
    const after = await s3.send(new ListObjectsCommand({ Bucket, Marker: 'dir/b', Prefix: 'dir/' }));
    assert.deepEqual(after.Contents?.map((c) => c.Key), ['dir/sub/c', 'dir/sub/d']);
  });
});
