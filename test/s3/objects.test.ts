/** Objects: put/get/head/delete, metadata and standard headers, ranges, conditions, copy, tags. */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  CopyObjectCommand,
  CreateBucketCommand,
  DeleteObjectCommand,
  DeleteObjectsCommand,
  DeleteObjectTaggingCommand,
  GetObjectCommand,
  GetObjectTaggingCommand,
  HeadObjectCommand,
  PutObjectCommand,
  PutObjectTaggingCommand,
  type S3Client,
} from '@aws-sdk/client-s3';
import type { TestServer } from '../helpers/server.js';
import { bytes, md5Hex, readAll, s3Client, s3Error, signedFetch, startS3 } from './helpers.js';

describe('S3 objects', () => {
  let server: TestServer;
  let s3: S3Client;
  const Bucket = 'objects';
  before(async () => {
    server = await startS3();
    s3 = s3Client(server);
    await s3.send(new CreateBucketCommand({ Bucket }));
  });
  after(() => server.stop());

  it('PutObject then GetObject/HeadObject: ETag is the quoted MD5, headers and metadata kept', async () => {
    const body = bytes(100_000, 3);
    const put = await s3.send(
      new PutObjectCommand({
        Bucket,
        Key: 'doc.bin',
        Body: body,
        ContentType: 'application/x-test',
        ContentEncoding: 'identity',
        ContentDisposition: 'attachment; filename="d.bin"',
        ContentLanguage: 'fr',
        CacheControl: 'max-age=60',
        Expires: new Date('2030-01-02T03:04:05Z'),
        Metadata: { Color: 'blue', 'with-dash': 'x y' },
        StorageClass: 'STANDARD_IA',
      }),
    );
    assert.equal(put.ETag, `"${md5Hex(body)}"`);
    const got = await s3.send(new GetObjectCommand({ Bucket, Key: 'doc.bin' }));
    assert.equal(got.ETag, put.ETag);
    assert.equal(got.ContentLength, body.length);
    assert.equal(got.ContentType, 'application/x-test');
    assert.equal(got.ContentEncoding, 'identity');
    assert.equal(got.ContentDisposition, 'attachment; filename="d.bin"');
    assert.equal(got.ContentLanguage, 'fr');
    assert.equal(got.CacheControl, 'max-age=60');
    assert.equal(got.ExpiresString, 'Wed, 02 Jan 2030 03:04:05 GMT');
    assert.deepEqual(got.Metadata, { color: 'blue', 'with-dash': 'x y' });
    assert.equal(got.StorageClass, 'STANDARD_IA');
    assert.equal(got.AcceptRanges, 'bytes');
    assert.ok(got.LastModified instanceof Date);
    assert.ok((await readAll(got.Body as AsyncIterable<Uint8Array>)).equals(body));
    const head = await s3.send(new HeadObjectCommand({ Bucket, Key: 'doc.bin' }));
    assert.equal(head.ContentLength, body.length);
    assert.equal(head.ETag, put.ETag);
    assert.deepEqual(head.Metadata, { color: 'blue', 'with-dash': 'x y' });
  });

  it('a missing key is NoSuchKey (404), HEAD 404 without a body; a missing bucket is NoSuchBucket', async () => {
    const e = await s3Error(s3.send(new GetObjectCommand({ Bucket, Key: 'missing' })));
    assert.equal(e.name, 'NoSuchKey');
    assert.equal(e.status, 404);
    assert.equal(e.message, 'The specified key does not exist.');
    assert.equal(e.raw.Key, 'missing');
    const h = await s3Error(s3.send(new HeadObjectCommand({ Bucket, Key: 'missing' })));
    assert.equal(h.status, 404);
    assert.equal(h.name, 'NotFound');
    const b = await s3Error(s3.send(new PutObjectCommand({ Bucket: 'no-such-bucket-x', Key: 'k', Body: 'hello' })));
    assert.equal(b.name, 'NoSuchBucket');
    // The server keeps serving the connection after refusing an unread body.
    await s3.send(new PutObjectCommand({ Bucket, Key: 'after', Body: 'ok' }));
  });

  it('Range GETs: 206 with Content-Range; suffix and open ranges; 416 InvalidRange past the end; bad syntax ignored', async () => {
    const body = bytes(1000, 4);
    await s3.send(new PutObjectCommand({ Bucket, Key: 'ranged', Body: body }));
    const r = await s3.send(new GetObjectCommand({ Bucket, Key: 'ranged', Range: 'bytes=10-19' }));
    assert.equal(r.$metadata.httpStatusCode, 206);
    assert.equal(r.ContentRange, 'bytes 10-19/1000');
    assert.equal(r.ContentLength, 10);
    assert.ok((await readAll(r.Body as AsyncIterable<Uint8Array>)).equals(body.subarray(10, 20)));
    const suffix = await s3.send(new GetObjectCommand({ Bucket, Key: 'ranged', Range: 'bytes=-5' }));
    assert.equal(suffix.ContentRange, 'bytes 995-999/1000');
    const open = await s3.send(new GetObjectCommand({ Bucket, Key: 'ranged', Range: 'bytes=990-' }));
    assert.equal(open.ContentRange, 'bytes 990-999/1000');
    const clipped = await s3.send(new GetObjectCommand({ Bucket, Key: 'ranged', Range: 'bytes=998-5000' }));
    assert.equal(clipped.ContentRange, 'bytes 998-999/1000');
    const e = await s3Error(s3.send(new GetObjectCommand({ Bucket, Key: 'ranged', Range: 'bytes=1000-1001' })));
    assert.equal(e.name, 'InvalidRange');
    assert.equal(e.status, 416);
    assert.equal(e.message, 'The requested range is not satisfiable');
    const ignored = await s3.send(new GetObjectCommand({ Bucket, Key: 'ranged', Range: 'bytes=a-b' }));
    assert.equal(ignored.$metadata.httpStatusCode, 200);
    assert.equal(ignored.ContentLength, 1000);
  });

  it('conditional GET/HEAD: 412 for If-Match / If-Unmodified-Since, 304 for If-None-Match / If-Modified-Since, AWS precedence', async () => {
    const put = await s3.send(new PutObjectCommand({ Bucket, Key: 'cond', Body: 'conditional' }));
    const etag = put.ETag!;
    const past = new Date(Date.now() - 3600_000);
    const future = new Date(Date.now() + 3600_000);
    assert.equal((await s3.send(new GetObjectCommand({ Bucket, Key: 'cond', IfMatch: etag }))).$metadata.httpStatusCode, 200);
    let e = await s3Error(s3.send(new GetObjectCommand({ Bucket, Key: 'cond', IfMatch: '"0000"' })));
    assert.equal(e.status, 412);
    assert.equal(e.name, 'PreconditionFailed');
    assert.equal(e.message, 'At least one of the pre-conditions you specified did not hold');
    e = await s3Error(s3.send(new GetObjectCommand({ Bucket, Key: 'cond', IfUnmodifiedSince: past })));
    assert.equal(e.status, 412);
    // If-Match true wins over If-Unmodified-Since false.
    assert.equal((await s3.send(new GetObjectCommand({ Bucket, Key: 'cond', IfMatch: etag, IfUnmodifiedSince: past }))).$metadata.httpStatusCode, 200);
    e = await s3Error(s3.send(new GetObjectCommand({ Bucket, Key: 'cond', IfNoneMatch: etag })));
    assert.equal(e.status, 304);
    e = await s3Error(s3.send(new HeadObjectCommand({ Bucket, Key: 'cond', IfModifiedSince: future })));
    assert.equal(e.status, 304);
    // If-None-Match false (no match) wins over If-Modified-Since.
    assert.equal((await s3.send(new GetObjectCommand({ Bucket, Key: 'cond', IfNoneMatch: '"other"', IfModifiedSince: future }))).$metadata.httpStatusCode, 200);
    assert.equal((await s3.send(new GetObjectCommand({ Bucket, Key: 'cond', IfModifiedSince: past }))).$metadata.httpStatusCode, 200);
  });

  it('conditional writes: If-None-Match * refuses an existing key (412), If-Match needs the current ETag', async () => {
    await s3.send(new PutObjectCommand({ Bucket, Key: 'once', Body: 'first', IfNoneMatch: '*' }));
    let e = await s3Error(s3.send(new PutObjectCommand({ Bucket, Key: 'once', Body: 'second', IfNoneMatch: '*' })));
    assert.equal(e.status, 412);
    assert.equal(e.name, 'PreconditionFailed');
    const got = await s3.send(new GetObjectCommand({ Bucket, Key: 'once' }));
    assert.equal(await got.Body!.transformToString(), 'first');
    e = await s3Error(s3.send(new PutObjectCommand({ Bucket, Key: 'once', Body: 'third', IfMatch: '"deadbeef"' })));
    assert.equal(e.status, 412);
    await s3.send(new PutObjectCommand({ Bucket, Key: 'once', Body: 'fourth', IfMatch: got.ETag }));
    e = await s3Error(s3.send(new PutObjectCommand({ Bucket, Key: 'never-there', Body: 'x', IfMatch: got.ETag })));
    assert.equal(e.name, 'NoSuchKey');
  });

  it('DeleteObject answers 204 whether or not the key exists; DeleteObjects reports each key, Quiet only errors', async () => {
    await s3.send(new PutObjectCommand({ Bucket, Key: 'del-1', Body: '1' }));
    await s3.send(new PutObjectCommand({ Bucket, Key: 'del-2', Body: '2' }));
    const d = await s3.send(new DeleteObjectCommand({ Bucket, Key: 'del-1' }));
    assert.equal(d.$metadata.httpStatusCode, 204);
    assert.equal((await s3.send(new DeleteObjectCommand({ Bucket, Key: 'del-1' }))).$metadata.httpStatusCode, 204);
    const many = await s3.send(new DeleteObjectsCommand({ Bucket, Delete: { Objects: [{ Key: 'del-2' }, { Key: 'never' }, { Key: 'v', VersionId: 'abc' }] } }));
    assert.deepEqual(many.Deleted?.map((x) => x.Key), ['del-2', 'never']);
    assert.deepEqual(many.Errors, [{ Key: 'v', VersionId: 'abc', Code: 'NoSuchVersion', Message: 'The specified version does not exist.' }]);
    const quiet = await s3.send(new DeleteObjectsCommand({ Bucket, Delete: { Quiet: true, Objects: [{ Key: 'x1' }] } }));
    assert.equal(quiet.Deleted, undefined);
    assert.equal((await s3Error(s3.send(new GetObjectCommand({ Bucket, Key: 'del-2' })))).name, 'NoSuchKey');
    const bare = await signedFetch(server, 'POST', `/${Bucket}?delete=`, { body: '<Delete><Object><Key>x</Key></Object></Delete>' });
    assert.equal(bare.status, 400);
    assert.match(bare.text, /<Code>InvalidRequest<\/Code><Message>Missing required header for this request: Content-MD5<\/Message>/);
  });

  it('CopyObject: metadata and tagging directives, source conditions, the same-object rule', async () => {
    await s3.send(new PutObjectCommand({ Bucket, Key: 'src', Body: 'copy me', ContentType: 'text/plain', Metadata: { a: '1' }, Tagging: 'k=v&x=y' }));
    const copy = await s3.send(new CopyObjectCommand({ Bucket, Key: 'dst', CopySource: `${Bucket}/src` }));
    assert.equal(copy.CopyObjectResult?.ETag, `"${md5Hex('copy me')}"`);
    let got = await s3.send(new GetObjectCommand({ Bucket, Key: 'dst' }));
    assert.equal(got.ContentType, 'text/plain');
    assert.deepEqual(got.Metadata, { a: '1' });
    assert.equal(got.TagCount, 2);
    assert.equal(await got.Body!.transformToString(), 'copy me');

    await s3.send(new CopyObjectCommand({ Bucket, Key: 'dst2', CopySource: `/${Bucket}/src`, MetadataDirective: 'REPLACE', ContentType: 'text/x', Metadata: { b: '2' }, TaggingDirective: 'REPLACE', Tagging: 'only=one' }));
    got = await s3.send(new GetObjectCommand({ Bucket, Key: 'dst2' }));
    assert.equal(got.ContentType, 'text/x');
    assert.deepEqual(got.Metadata, { b: '2' });
    assert.deepEqual((await s3.send(new GetObjectTaggingCommand({ Bucket, Key: 'dst2' }))).TagSet, [{ Key: 'only', Value: 'one' }]);

    let e = await s3Error(s3.send(new CopyObjectCommand({ Bucket, Key: 'src', CopySource: `${Bucket}/src` })));
    assert.equal(e.name, 'InvalidRequest');
    assert.equal(e.message, "This copy request is illegal because it is trying to copy an object to itself without changing the object's metadata, storage class, website redirect location or encryption attributes.");
    await s3.send(new CopyObjectCommand({ Bucket, Key: 'src', CopySource: `${Bucket}/src`, MetadataDirective: 'REPLACE', Metadata: { a: '9' } }));
    assert.deepEqual((await s3.send(new HeadObjectCommand({ Bucket, Key: 'src' }))).Metadata, { a: '9' });

    e = await s3Error(s3.send(new CopyObjectCommand({ Bucket, Key: 'dst3', CopySource: `${Bucket}/src`, CopySourceIfMatch: '"nope"' })));
    assert.equal(e.status, 412);
    e = await s3Error(s3.send(new CopyObjectCommand({ Bucket, Key: 'dst3', CopySource: `${Bucket}/src`, CopySourceIfNoneMatch: copy.CopyObjectResult!.ETag })));
    assert.equal(e.status, 412);
    e = await s3Error(s3.send(new CopyObjectCommand({ Bucket, Key: 'dst3', CopySource: `${Bucket}/absent` })));
    assert.equal(e.name, 'NoSuchKey');
    e = await s3Error(s3.send(new CopyObjectCommand({ Bucket, Key: 'dst3', CopySource: `${Bucket}/src`, MetadataDirective: 'BOGUS' as never })));
    assert.equal(e.name, 'InvalidArgument');
    assert.equal(e.message, 'Unknown metadata directive.');

    // Deleting the source leaves the copy whole (they share the stored bytes).
    await s3.send(new DeleteObjectCommand({ Bucket, Key: 'src' }));
    assert.equal(await (await s3.send(new GetObjectCommand({ Bucket, Key: 'dst' }))).Body!.transformToString(), 'copy me');
  });

  it('object tagging: header on PUT, Get/Put/DeleteObjectTagging, AWS limits', async () => {
    await s3.send(new PutObjectCommand({ Bucket, Key: 'tagged', Body: 't', Tagging: 'a=1&b=two%20words' }));
    assert.deepEqual((await s3.send(new GetObjectTaggingCommand({ Bucket, Key: 'tagged' }))).TagSet, [
      { Key: 'a', Value: '1' },
      { Key: 'b', Value: 'two words' },
    ]);
    await s3.send(new PutObjectTaggingCommand({ Bucket, Key: 'tagged', Tagging: { TagSet: [{ Key: 'z', Value: '26' }] } }));
    assert.deepEqual((await s3.send(new GetObjectTaggingCommand({ Bucket, Key: 'tagged' }))).TagSet, [{ Key: 'z', Value: '26' }]);
    assert.equal((await s3.send(new HeadObjectCommand({ Bucket, Key: 'tagged' }))).TagCount, 1);
    const tooMany = Array.from({ length: 11 }, (_, i) => ({ Key: `k${i}`, Value: 'v' }));
    const e = await s3Error(s3.send(new PutObjectTaggingCommand({ Bucket, Key: 'tagged', Tagging: { TagSet: tooMany } })));
    assert.equal(e.name, 'BadRequest');
    assert.equal(e.message, 'Object tags cannot be greater than 10');
    const dup = await s3Error(s3.send(new PutObjectTaggingCommand({ Bucket, Key: 'tagged', Tagging: { TagSet: [{ Key: 'a', Value: '1' }, { Key: 'a', Value: '2' }] } })));
    assert.equal(dup.name, 'InvalidTag');
    assert.equal(dup.message, 'Cannot provide multiple Tags with the same key');
    assert.equal((await s3.send(new DeleteObjectTaggingCommand({ Bucket, Key: 'tagged' }))).$metadata.httpStatusCode, 204);
    assert.deepEqual((await s3.send(new GetObjectTaggingCommand({ Bucket, Key: 'tagged' }))).TagSet ?? [], []);
    assert.equal((await s3Error(s3.send(new GetObjectTaggingCommand({ Bucket, Key: 'nope' })))).name, 'NoSuchKey');
  });

  it('keys over 1024 bytes are KeyTooLongError; metadata over 2 KB is MetadataTooLarge; a bad storage class is InvalidStorageClass', async () => {
    let e = await s3Error(s3.send(new PutObjectCommand({ Bucket, Key: 'k'.repeat(1025), Body: 'x' })));
    assert.equal(e.name, 'KeyTooLongError');
    e = await s3Error(s3.send(new PutObjectCommand({ Bucket, Key: 'meta', Body: 'x', Metadata: { big: 'v'.repeat(2100) } })));
    assert.equal(e.name, 'MetadataTooLarge');
    e = await s3Error(s3.send(new PutObjectCommand({ Bucket, Key: 'sc', Body: 'x', StorageClass: 'PLATINUM' as never })));
    assert.equal(e.name, 'InvalidStorageClass');
    assert.equal(e.message, 'The storage class you specified is not valid');
  });
});
