/** Versioning: bucket status, version ids, delete markers, suspended 'null' versions, ListObjectVersions, copies and multipart. */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  CompleteMultipartUploadCommand,
  CopyObjectCommand,
  CreateBucketCommand,
  CreateMultipartUploadCommand,
  DeleteBucketCommand,
  DeleteObjectCommand,
  DeleteObjectsCommand,
  GetBucketVersioningCommand,
  GetObjectCommand,
  GetObjectTaggingCommand,
  HeadObjectCommand,
  ListObjectVersionsCommand,
  ListObjectsV2Command,
  PutBucketVersioningCommand,
  PutObjectCommand,
  PutObjectTaggingCommand,
  UploadPartCommand,
  type S3Client,
} from '@aws-sdk/client-s3';
import { awsCli } from '../helpers/clients.js';
import type { TestServer } from '../helpers/server.js';
import { s3Client, s3Error, signedFetch, startS3 } from './helpers.js';

describe('S3 versioning', () => {
  let server: TestServer;
  let s3: S3Client;
  before(async () => {
    server = await startS3();
    s3 = s3Client(server);
  });
  after(() => server.stop());

  const bucket = async (name: string, status?: 'Enabled' | 'Suspended'): Promise<string> => {
    await s3.send(new CreateBucketCommand({ Bucket: name }));
    if (status) await s3.send(new PutBucketVersioningCommand({ Bucket: name, VersioningConfiguration: { Status: status } }));
    return name;
  };
  const text = async (Bucket: string, Key: string, VersionId?: string): Promise<string> =>
    (await s3.send(new GetObjectCommand({ Bucket, Key, VersionId }))).Body!.transformToString();

  it('GetBucketVersioning: empty until set, then Enabled / Suspended; MFADelete needs MFA; bad status is MalformedXML', async () => {
    const Bucket = await bucket('ver-status');
    const none = await s3.send(new GetBucketVersioningCommand({ Bucket }));
    assert.deepEqual([none.Status, none.MFADelete], [undefined, undefined]);
    await s3.send(new PutBucketVersioningCommand({ Bucket, VersioningConfiguration: { Status: 'Enabled' } }));
    assert.equal((await s3.send(new GetBucketVersioningCommand({ Bucket }))).Status, 'Enabled');
    await s3.send(new PutBucketVersioningCommand({ Bucket, VersioningConfiguration: { Status: 'Suspended', MFADelete: 'Disabled' } }));
    const got = await s3.send(new GetBucketVersioningCommand({ Bucket }));
    assert.deepEqual([got.Status, got.MFADelete], ['Suspended', 'Disabled']);
    let e = await s3Error(s3.send(new PutBucketVersioningCommand({ Bucket, VersioningConfiguration: { Status: 'Enabled', MFADelete: 'Enabled' } })));
    assert.deepEqual([e.status, e.name, e.message], [403, 'AccessDenied', 'Mfa Authentication must be used for this request']);
    e = await s3Error(s3.send(new PutBucketVersioningCommand({ Bucket, VersioningConfiguration: { Status: 'On' as 'Enabled' } })));
    assert.deepEqual([e.status, e.name], [400, 'MalformedXML']);
    e = await s3Error(s3.send(new GetBucketVersioningCommand({ Bucket: 'ver-missing' })));
    assert.deepEqual([e.status, e.name], [404, 'NoSuchBucket']);
  });

  it('each PUT is a version; GET/HEAD by versionId; NoSuchVersion and malformed ids; listings show the latest only', async () => {
    const Bucket = await bucket('ver-puts', 'Enabled');
    const v1 = (await s3.send(new PutObjectCommand({ Bucket, Key: 'k', Body: 'one' }))).VersionId!;
    const v2 = (await s3.send(new PutObjectCommand({ Bucket, Key: 'k', Body: 'two' }))).VersionId!;
    assert.match(v1, /^[A-Za-z0-9._]{32}$/);
    assert.notEqual(v1, v2);
    assert.equal(await text(Bucket, 'k'), 'two');
    assert.equal(await text(Bucket, 'k', v1), 'one');
    const head = await s3.send(new HeadObjectCommand({ Bucket, Key: 'k', VersionId: v1 }));
    assert.deepEqual([head.VersionId, head.ContentLength], [v1, 3]);
    assert.equal((await s3.send(new GetObjectCommand({ Bucket, Key: 'k' }))).VersionId, v2);
    let e = await s3Error(s3.send(new GetObjectCommand({ Bucket, Key: 'k', VersionId: 'A'.repeat(32) })));
    assert.deepEqual([e.status, e.name, e.message, e.raw.Key, e.raw.VersionId], [404, 'NoSuchVersion', 'The specified version does not exist.', 'k', 'A'.repeat(32)]);
    e = await s3Error(s3.send(new GetObjectCommand({ Bucket, Key: 'k', VersionId: 'bad id' })));
    assert.deepEqual([e.status, e.name, e.message], [400, 'InvalidArgument', 'Invalid version id specified']);
    const list = await s3.send(new ListObjectsV2Command({ Bucket }));
    assert.deepEqual(list.Contents?.map((c) => [c.Key, c.Size]), [['k', 3]]);
    // Tags belong to a version.
    await s3.send(new PutObjectTaggingCommand({ Bucket, Key: 'k', VersionId: v1, Tagging: { TagSet: [{ Key: 'old', Value: 'yes' }] } }));
    assert.deepEqual((await s3.send(new GetObjectTaggingCommand({ Bucket, Key: 'k', VersionId: v1 }))).TagSet, [{ Key: 'old', Value: 'yes' }]);
    assert.deepEqual((await s3.send(new GetObjectTaggingCommand({ Bucket, Key: 'k' }))).TagSet, []);
  });

  it('DELETE without a version adds a delete marker: GET is 404 with x-amz-delete-marker, the marker by id is 405; deleting it restores the object', async () => {
    const Bucket = await bucket('ver-markers', 'Enabled');
    const v1 = (await s3.send(new PutObjectCommand({ Bucket, Key: 'doc', Body: 'hello' }))).VersionId!;
    const del = await s3.send(new DeleteObjectCommand({ Bucket, Key: 'doc' }));
    assert.equal(del.$metadata.httpStatusCode, 204);
    assert.equal(del.DeleteMarker, true);
    const marker = del.VersionId!;
    assert.notEqual(marker, v1);

    const raw = await signedFetch(server, 'GET', `/${Bucket}/doc`);
    assert.equal(raw.status, 404);
    assert.equal(raw.headers.get('x-amz-delete-marker'), 'true');
    assert.equal(raw.headers.get('x-amz-version-id'), marker);
    assert.match(raw.text, /<Code>NoSuchKey<\/Code><Message>The specified key does not exist.<\/Message>/);
    const byId = await signedFetch(server, 'GET', `/${Bucket}/doc?versionId=${marker}`);
    assert.equal(byId.status, 405);
    assert.equal(byId.headers.get('x-amz-delete-marker'), 'true');
    assert.match(byId.text, /<Code>MethodNotAllowed<\/Code><Message>The specified method is not allowed against this resource.<\/Message><Method>GET<\/Method><ResourceType>DeleteMarker<\/ResourceType>/);
    const e = await s3Error(s3.send(new HeadObjectCommand({ Bucket, Key: 'doc', VersionId: marker })));
    assert.equal(e.status, 405);
    assert.equal(await text(Bucket, 'doc', v1), 'hello', 'the version is still there');
    assert.equal((await s3.send(new ListObjectsV2Command({ Bucket }))).KeyCount, 0);

    const removed = await s3.send(new DeleteObjectCommand({ Bucket, Key: 'doc', VersionId: marker }));
    assert.deepEqual([removed.DeleteMarker, removed.VersionId], [true, marker]);
    assert.equal(await text(Bucket, 'doc'), 'hello', 'the previous version is current again');
    // A version that is not there: success, as on AWS.
    const none = await s3.send(new DeleteObjectCommand({ Bucket, Key: 'doc', VersionId: 'Z'.repeat(32) }));
    assert.deepEqual([none.$metadata.httpStatusCode, none.VersionId], [204, 'Z'.repeat(32)]);
    // Deleting the last version for good leaves nothing; the bucket can then go.
    await s3.send(new DeleteObjectCommand({ Bucket, Key: 'doc', VersionId: v1 }));
    assert.equal((await s3Error(s3.send(new GetObjectCommand({ Bucket, Key: 'doc' })))).name, 'NoSuchKey');
    await s3.send(new DeleteObjectCommand({ Bucket, Key: 'gone' }));
    const e2 = await s3Error(s3.send(new DeleteBucketCommand({ Bucket })));
    assert.equal(e2.name, 'BucketNotEmpty', 'a delete marker is a version');
  });

  it("suspended versioning writes the 'null' version, replacing the previous one; versions made before stay", async () => {
    const Bucket = await bucket('ver-suspended');
    await s3.send(new PutObjectCommand({ Bucket, Key: 'k', Body: 'before' }));
    await s3.send(new PutBucketVersioningCommand({ Bucket, VersioningConfiguration: { Status: 'Enabled' } }));
    const v = (await s3.send(new PutObjectCommand({ Bucket, Key: 'k', Body: 'versioned' }))).VersionId!;
    assert.equal(await text(Bucket, 'k', 'null'), 'before', 'the object from before versioning is the null version');
    await s3.send(new PutBucketVersioningCommand({ Bucket, VersioningConfiguration: { Status: 'Suspended' } }));
    const put = await s3.send(new PutObjectCommand({ Bucket, Key: 'k', Body: 'suspended' }));
    assert.equal(put.VersionId, undefined, 'no x-amz-version-id for a suspended write');
    assert.equal((await s3.send(new GetObjectCommand({ Bucket, Key: 'k' }))).VersionId, 'null');
    assert.equal(await text(Bucket, 'k', 'null'), 'suspended');
    assert.equal(await text(Bucket, 'k', v), 'versioned');
    let versions = await s3.send(new ListObjectVersionsCommand({ Bucket }));
    assert.deepEqual(versions.Versions?.map((x) => [x.VersionId, x.IsLatest]), [['null', true], [v, false]]);

    const del = await s3.send(new DeleteObjectCommand({ Bucket, Key: 'k' }));
    assert.deepEqual([del.DeleteMarker, del.VersionId], [true, 'null']);
    versions = await s3.send(new ListObjectVersionsCommand({ Bucket }));
    assert.deepEqual(versions.Versions?.map((x) => [x.VersionId, x.IsLatest]), [[v, false]], "the null marker replaced the null version");
    assert.deepEqual(versions.DeleteMarkers?.map((x) => [x.Key, x.VersionId, x.IsLatest]), [['k', 'null', true]]);
  });

  it('ListObjectVersions: newest first per key, prefix and delimiter, KeyMarker/VersionIdMarker pages, errors', async () => {
    const Bucket = await bucket('ver-list', 'Enabled');
    const ids: Record<string, string[]> = {};
    for (const key of ['a', 'b', 'dir/x', 'dir/y']) {
      ids[key] = [];
      for (let i = 0; i < 2; i++) ids[key]!.unshift((await s3.send(new PutObjectCommand({ Bucket, Key: key, Body: `${key}${i}` }))).VersionId!);
    }
    const marker = (await s3.send(new DeleteObjectCommand({ Bucket, Key: 'b' }))).VersionId!;
    const all = await s3.send(new ListObjectVersionsCommand({ Bucket }));
    assert.deepEqual(all.Versions?.map((v) => [v.Key, v.VersionId, v.IsLatest, v.Size]), [
      ['a', ids.a![0], true, 2],
      ['a', ids.a![1], false, 2],
      ['b', ids.b![0], false, 2],
      ['b', ids.b![1], false, 2],
      ['dir/x', ids['dir/x']![0], true, 6],
      ['dir/x', ids['dir/x']![1], false, 6],
      ['dir/y', ids['dir/y']![0], true, 6],
      ['dir/y', ids['dir/y']![1], false, 6],
    ]);
    assert.deepEqual(all.DeleteMarkers?.map((m) => [m.Key, m.VersionId, m.IsLatest]), [['b', marker, true]]);
    assert.equal(all.IsTruncated, false);

    const rolled = await s3.send(new ListObjectVersionsCommand({ Bucket, Delimiter: '/' }));
    assert.deepEqual(rolled.CommonPrefixes, [{ Prefix: 'dir/' }]);
    assert.deepEqual(rolled.Versions?.map((v) => v.Key), ['a', 'a', 'b', 'b']);
    const under = await s3.send(new ListObjectVersionsCommand({ Bucket, Prefix: 'dir/', MaxKeys: 100 }));
    assert.deepEqual(under.Versions?.map((v) => v.Key), ['dir/x', 'dir/x', 'dir/y', 'dir/y']);

    // Pages of 3: entries (versions and markers together) in order, resumed by the markers.
    const seen: string[] = [];
    let page = await s3.send(new ListObjectVersionsCommand({ Bucket, MaxKeys: 3 }));
    for (;;) {
      const entries = [...(page.Versions ?? []), ...(page.DeleteMarkers ?? [])].map((v) => `${v.Key}@${v.VersionId}`);
      seen.push(...entries);
      if (!page.IsTruncated) break;
      assert.equal(entries.length, 3);
      page = await s3.send(new ListObjectVersionsCommand({ Bucket, MaxKeys: 3, KeyMarker: page.NextKeyMarker, VersionIdMarker: page.NextVersionIdMarker }));
    }
    assert.equal(seen.length, 9);
    assert.equal(new Set(seen).size, 9);
    const afterKey = await s3.send(new ListObjectVersionsCommand({ Bucket, KeyMarker: 'b' }));
    assert.deepEqual(afterKey.Versions?.map((v) => v.Key), ['dir/x', 'dir/x', 'dir/y', 'dir/y'], 'a key marker alone skips all its versions');

    const e = await s3Error(s3.send(new ListObjectVersionsCommand({ Bucket, VersionIdMarker: ids.a![0] })));
    assert.deepEqual([e.status, e.name, e.message], [400, 'InvalidArgument', 'A version-id marker cannot be specified without a key marker.']);
  });

  it('CopyObject from a version (x-amz-copy-source-version-id); a delete marker cannot be a source; DeleteObjects with versions', async () => {
    const Bucket = await bucket('ver-copy', 'Enabled');
    const v1 = (await s3.send(new PutObjectCommand({ Bucket, Key: 'src', Body: 'first' }))).VersionId!;
    await s3.send(new PutObjectCommand({ Bucket, Key: 'src', Body: 'second' }));
    const copy = await s3.send(new CopyObjectCommand({ Bucket, Key: 'dst', CopySource: `${Bucket}/src?versionId=${v1}` }));
    assert.equal(copy.CopySourceVersionId, v1);
    assert.match(copy.VersionId!, /^[A-Za-z0-9._]{32}$/);
    assert.equal(await text(Bucket, 'dst'), 'first');
    // Restoring an old version onto its own key is a plain copy.
    await s3.send(new CopyObjectCommand({ Bucket, Key: 'src', CopySource: `${Bucket}/src?versionId=${v1}` }));
    assert.equal(await text(Bucket, 'src'), 'first');

    const marker = (await s3.send(new DeleteObjectCommand({ Bucket, Key: 'src' }))).VersionId!;
    let e = await s3Error(s3.send(new CopyObjectCommand({ Bucket, Key: 'x', CopySource: `${Bucket}/src?versionId=${marker}` })));
    assert.deepEqual([e.status, e.name, e.message], [400, 'InvalidRequest', 'The source of a copy request may not specifically refer to a delete marker by version id.']);
    e = await s3Error(s3.send(new CopyObjectCommand({ Bucket, Key: 'x', CopySource: `${Bucket}/src` })));
    assert.deepEqual([e.status, e.name], [404, 'NoSuchKey']);

    const res = await s3.send(
      new DeleteObjectsCommand({ Bucket, Delete: { Objects: [{ Key: 'dst' }, { Key: 'src', VersionId: marker }, { Key: 'src', VersionId: v1 }] } }),
    );
    const byKey = Object.fromEntries((res.Deleted ?? []).map((d) => [`${d.Key}${d.VersionId ? `@${d.VersionId}` : ''}`, d]));
    assert.equal(byKey.dst?.DeleteMarker, true);
    assert.match(byKey.dst!.DeleteMarkerVersionId!, /^[A-Za-z0-9._]{32}$/);
    assert.deepEqual([byKey[`src@${marker}`]?.DeleteMarker, byKey[`src@${marker}`]?.DeleteMarkerVersionId], [true, marker]);
    assert.equal(byKey[`src@${v1}`]?.DeleteMarker, undefined);
    assert.equal(await text(Bucket, 'src'), 'first', 'the marker and v1 gone, the restored copy is current');
  });

  it('CompleteMultipartUpload creates a version', async () => {
    const Bucket = await bucket('ver-mpu', 'Enabled');
    const v1 = (await s3.send(new PutObjectCommand({ Bucket, Key: 'big', Body: 'small' }))).VersionId!;
    const { UploadId } = await s3.send(new CreateMultipartUploadCommand({ Bucket, Key: 'big' }));
    const part = await s3.send(new UploadPartCommand({ Bucket, Key: 'big', UploadId, PartNumber: 1, Body: 'only part' }));
    const done = await s3.send(new CompleteMultipartUploadCommand({ Bucket, Key: 'big', UploadId, MultipartUpload: { Parts: [{ PartNumber: 1, ETag: part.ETag }] } }));
    assert.match(done.VersionId!, /^[A-Za-z0-9._]{32}$/);
    assert.equal(await text(Bucket, 'big'), 'only part');
    assert.equal(await text(Bucket, 'big', v1), 'small');
  });

  it('aws s3api list-object-versions and delete-object through the CLI', async () => {
    const Bucket = await bucket('ver-cli', 'Enabled');
    await s3.send(new PutObjectCommand({ Bucket, Key: 'f.txt', Body: '1' }));
    await s3.send(new PutObjectCommand({ Bucket, Key: 'f.txt', Body: '2' }));
    const cli = (...args: string[]): Promise<string> => awsCli([...args, '--endpoint-url', server.endpoint]);
    const del = JSON.parse(await cli('s3api', 'delete-object', '--bucket', Bucket, '--key', 'f.txt'));
    assert.equal(del.DeleteMarker, true);
    const out = JSON.parse(await cli('s3api', 'list-object-versions', '--bucket', Bucket));
    assert.equal(out.Versions.length, 2);
    assert.deepEqual(out.Versions.map((v: { IsLatest: boolean }) => v.IsLatest), [false, false]);
    assert.deepEqual(out.DeleteMarkers.map((m: { VersionId: string; IsLatest: boolean }) => [m.VersionId, m.IsLatest]), [[del.VersionId, true]]);
  });
});
