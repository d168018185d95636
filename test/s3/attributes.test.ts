/** GetObjectAttributes: each attribute, parts of a multipart object with pagination, versions, errors; boto3 as a second client. */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  CompleteMultipartUploadCommand,
  CreateBucketCommand,
  CreateMultipartUploadCommand,
  DeleteObjectCommand,
  GetObjectAttributesCommand,
  PutBucketVersioningCommand,
  PutObjectCommand,
  UploadPartCommand,
  type S3Client,
} from '@aws-sdk/client-s3';
import { boto3 } from '../helpers/clients.js';
import type { TestServer } from '../helpers/server.js';
import { bytes, md5Hex, s3Client, s3Error, signedFetch, startS3 } from './helpers.js';

const MiB = 1024 * 1024;

describe('S3 GetObjectAttributes', () => {
  let server: TestServer;
  let s3: S3Client;
  const Bucket = 'attrs';
  before(async () => {
    server = await startS3();
    s3 = s3Client(server);
    await s3.send(new CreateBucketCommand({ Bucket }));
  });
  after(() => server.stop());

  it('ETag (unquoted), Checksum, StorageClass and ObjectSize of a single-part object; no ObjectParts', async () => {
    await s3.send(new PutObjectCommand({ Bucket, Key: 'one', Body: 'hello', ChecksumAlgorithm: 'SHA256', StorageClass: 'STANDARD_IA' }));
    const out = await s3.send(new GetObjectAttributesCommand({ Bucket, Key: 'one', ObjectAttributes: ['ETag', 'Checksum', 'StorageClass', 'ObjectSize', 'ObjectParts'] }));
    assert.equal(out.ETag, md5Hex('hello'));
    assert.deepEqual(out.Checksum, { ChecksumSHA256: 'LPJNul+wow4m6DsqxbninhsWHlwfp0JecwQzYpOLmCQ=', ChecksumType: 'FULL_OBJECT' });
    assert.deepEqual([out.StorageClass, out.ObjectSize, out.ObjectParts], ['STANDARD_IA', 5, undefined]);
    assert.ok(out.LastModified instanceof Date);
    const some = await s3.send(new GetObjectAttributesCommand({ Bucket, Key: 'one', ObjectAttributes: ['ObjectSize'] }));
    assert.deepEqual([some.ObjectSize, some.ETag, some.Checksum], [5, undefined, undefined]);
  });

  it('ObjectParts of a multipart upload with a checksum, page by page', async () => {
    const Key = 'multi';
    const { UploadId } = await s3.send(new CreateMultipartUploadCommand({ Bucket, Key, ChecksumAlgorithm: 'CRC32' }));
    const sizes = [5 * MiB, 5 * MiB, 1000];
    const parts = [];
    for (let i = 0; i < sizes.length; i++) {
      const r = await s3.send(new UploadPartCommand({ Bucket, Key, UploadId, PartNumber: i + 1, Body: bytes(sizes[i]!, i + 1), ChecksumAlgorithm: 'CRC32' }));
      parts.push({ PartNumber: i + 1, ETag: r.ETag, ChecksumCRC32: r.ChecksumCRC32 });
    }
    await s3.send(new CompleteMultipartUploadCommand({ Bucket, Key, UploadId, MultipartUpload: { Parts: parts } }));
    const first = await s3.send(new GetObjectAttributesCommand({ Bucket, Key, ObjectAttributes: ['ObjectParts', 'ETag'], MaxParts: 2 }));
    assert.match(first.ETag!, /^[0-9a-f]{32}-3$/);
    const p = first.ObjectParts!;
    assert.deepEqual([p.TotalPartsCount, p.PartNumberMarker, p.NextPartNumberMarker, p.MaxParts, p.IsTruncated], [3, '0', '2', 2, true]);
    assert.deepEqual(p.Parts?.map((x) => [x.PartNumber, x.Size, x.ChecksumCRC32]), [
      [1, sizes[0], parts[0]!.ChecksumCRC32],
      [2, sizes[1], parts[1]!.ChecksumCRC32],
    ]);
    const rest = await s3.send(new GetObjectAttributesCommand({ Bucket, Key, ObjectAttributes: ['ObjectParts'], MaxParts: 2, PartNumberMarker: '2' }));
    assert.deepEqual([rest.ObjectParts?.IsTruncated, rest.ObjectParts?.Parts?.map((x) => x.PartNumber)], [false, [3]]);
  });

  it('versions, delete markers and errors', async () => {
    const B = 'attrs-versions';
    await s3.send(new CreateBucketCommand({ Bucket: B }));
    await s3.send(new PutBucketVersioningCommand({ Bucket: B, VersioningConfiguration: { Status: 'Enabled' } }));
    const v1 = (await s3.send(new PutObjectCommand({ Bucket: B, Key: 'k', Body: 'one' }))).VersionId!;
    await s3.send(new PutObjectCommand({ Bucket: B, Key: 'k', Body: 'three' }));
    const old = await s3.send(new GetObjectAttributesCommand({ Bucket: B, Key: 'k', VersionId: v1, ObjectAttributes: ['ObjectSize'] }));
    assert.deepEqual([old.ObjectSize, old.VersionId], [3, v1]);
    const marker = (await s3.send(new DeleteObjectCommand({ Bucket: B, Key: 'k' }))).VersionId!;
    const raw = await signedFetch(server, 'GET', `/${B}/k?attributes=`, { headers: { 'x-amz-object-attributes': 'ObjectSize' } });
    assert.equal(raw.status, 404);
    assert.equal(raw.headers.get('x-amz-delete-marker'), 'true');
    assert.equal(raw.headers.get('x-amz-version-id'), marker);

    let e = await s3Error(s3.send(new GetObjectAttributesCommand({ Bucket, Key: 'one', ObjectAttributes: ['Colour' as 'ETag'] })));
    assert.deepEqual([e.status, e.name, e.message], [400, 'InvalidArgument', 'Invalid attribute name specified.']);
    e = await s3Error(s3.send(new GetObjectAttributesCommand({ Bucket, Key: 'missing', ObjectAttributes: ['ETag'] })));
    assert.deepEqual([e.status, e.name], [404, 'NoSuchKey']);
  });

  it('boto3 get_object_attributes', async () => {
    await s3.send(new PutObjectCommand({ Bucket, Key: 'py', Body: 'python' }));
    const out = await boto3(
      `
import boto3, json, os
s3 = boto3.client('s3', endpoint_url=os.environ['ENDPOINT'], config=boto3.session.Config(s3={'addressing_style': 'path'}))
r = s3.get_object_attributes(Bucket='${Bucket}', Key='py', ObjectAttributes=['ETag', 'ObjectSize', 'StorageClass'])
print(json.dumps([r['ETag'], r['ObjectSize'], r['StorageClass']]))
`,
      server.endpoint,
    );
    assert.deepEqual(JSON.parse(out.trim().split('\n').pop()!), [md5Hex('python'), 6, 'STANDARD']);
  });
});
