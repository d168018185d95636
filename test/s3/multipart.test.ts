/** Multipart uploads: lib-storage Upload, the operations one by one, AWS's errors, no blob left behind. */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import {
  AbortMultipartUploadCommand,
  CompleteMultipartUploadCommand,
  CreateBucketCommand,
  CreateMultipartUploadCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListMultipartUploadsCommand,
  ListPartsCommand,
  PutObjectCommand,
  UploadPartCommand,
  UploadPartCopyCommand,
  type S3Client,
} from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import type { TestServer } from '../helpers/server.js';
import { checksumOf } from '../../src/services/s3/checksums.js';
import { bytes, md5Hex, readAll, s3Client, s3Error, signedFetch, startS3 } from './helpers.js';

const MiB = 1024 * 1024;

async function blobCount(server: TestServer): Promise<number> {
  return Number((await server.db.get<{ n: number }>('SELECT COUNT(*) AS n FROM stratus_blobs'))!.n);
}

describe('S3 multipart uploads', () => {
  let server: TestServer;
  let s3: S3Client;
  const Bucket = 'multipart';
  before(async () => {
    server = await startS3();
    s3 = s3Client(server);
    await s3.send(new CreateBucketCommand({ Bucket }));
  });
  after(() => server.stop());

  it('lib-storage Upload of a 17 MiB stream: ETag "<md5 of md5s>-4", bytes whole, ranges across parts', async () => {
    const data = bytes(17 * MiB, 11);
    const upload = new Upload({ client: s3, params: { Bucket, Key: 'big.bin', Body: Readable.from([data.subarray(0, 9 * MiB), data.subarray(9 * MiB)]) }, partSize: 5 * MiB, queueSize: 2 });
    const done = await upload.done();
    const md5s = [0, 1, 2, 3].map((i) => createHash('md5').update(data.subarray(i * 5 * MiB, Math.min((i + 1) * 5 * MiB, data.length))).digest());
    const expected = `"${createHash('md5').update(Buffer.concat(md5s)).digest('hex')}-4"`;
    assert.equal(done.ETag, expected);
    const got = await s3.send(new GetObjectCommand({ Bucket, Key: 'big.bin' }));
    assert.equal(got.ContentLength, data.length);
    assert.equal(got.ETag, expected);
    assert.ok((await readAll(got.Body as AsyncIterable<Uint8Array>)).equals(data));
    const start = 5 * MiB - 10;
    const range = await s3.send(new GetObjectCommand({ Bucket, Key: 'big.bin', Range: `bytes=${start}-${start + 10 * MiB + 19}` }));
    assert.equal(range.ContentRange, `bytes ${start}-${start + 10 * MiB + 19}/${data.length}`);
    assert.ok((await readAll(range.Body as AsyncIterable<Uint8Array>)).equals(data.subarray(start, start + 10 * MiB + 20)));
    const part2 = await s3.send(new GetObjectCommand({ Bucket, Key: 'big.bin', PartNumber: 2 }));
    assert.equal(part2.PartsCount, 4);
    assert.ok((await readAll(part2.Body as AsyncIterable<Uint8Array>)).equals(data.subarray(5 * MiB, 10 * MiB)));
    assert.equal((await s3.send(new ListMultipartUploadsCommand({ Bucket }))).Uploads, undefined);
    // lib-storage creates the upload with CRC32: a composite checksum of the parts' CRC32s.
    const head = await s3.send(new HeadObjectCommand({ Bucket, Key: 'big.bin', ChecksumMode: 'ENABLED' }));
    const crcs = [0, 1, 2, 3].map((i) => Buffer.from(checksumOf('CRC32', data.subarray(i * 5 * MiB, Math.min((i + 1) * 5 * MiB, data.length))), 'base64'));
    assert.equal(head.ChecksumCRC32, `${checksumOf('CRC32', Buffer.concat(crcs))}-4`);
    assert.equal(head.ChecksumType, 'COMPOSITE');
  });

  it('the operations one by one: ListParts, ListMultipartUploads, UploadPartCopy with a range, a composite checksum', async () => {
    await s3.send(new PutObjectCommand({ Bucket, Key: 'copy-source', Body: bytes(6 * MiB, 12) }));
    const create = await s3.send(new CreateMultipartUploadCommand({ Bucket, Key: 'assembled', ContentType: 'application/x-parts', Metadata: { m: '1' }, ChecksumAlgorithm: 'CRC32' }));
    const UploadId = create.UploadId!;
    assert.equal(create.ChecksumType, 'COMPOSITE');
    const p1 = bytes(5 * MiB, 13);
    const up1 = await s3.send(new UploadPartCommand({ Bucket, Key: 'assembled', UploadId, PartNumber: 1, Body: p1, ChecksumAlgorithm: 'CRC32' }));
    assert.equal(up1.ETag, `"${md5Hex(p1)}"`);
    assert.equal(up1.ChecksumCRC32, checksumOf('CRC32', p1));
    const copy = await s3.send(new UploadPartCopyCommand({ Bucket, Key: 'assembled', UploadId, PartNumber: 2, CopySource: `${Bucket}/copy-source`, CopySourceRange: 'bytes=100-1099' }));
    const copied = bytes(6 * MiB, 12).subarray(100, 1100);
    assert.equal(copy.CopyPartResult?.ETag, `"${md5Hex(copied)}"`);

    const parts = await s3.send(new ListPartsCommand({ Bucket, Key: 'assembled', UploadId }));
    assert.deepEqual(parts.Parts?.map((p) => [p.PartNumber, p.Size, p.ETag]), [[1, 5 * MiB, up1.ETag], [2, 1000, copy.CopyPartResult?.ETag]]);
    assert.equal(parts.ChecksumAlgorithm, 'CRC32');
    const page = await s3.send(new ListPartsCommand({ Bucket, Key: 'assembled', UploadId, MaxParts: 1 }));
    assert.equal(page.IsTruncated, true);
    assert.equal(page.NextPartNumberMarker, '1');
    const uploads = await s3.send(new ListMultipartUploadsCommand({ Bucket }));
    assert.deepEqual(uploads.Uploads?.map((u) => [u.Key, u.UploadId]), [['assembled', UploadId]]);

    const done = await s3.send(
      new CompleteMultipartUploadCommand({
        Bucket,
        Key: 'assembled',
        UploadId,
        MultipartUpload: { Parts: [{ PartNumber: 1, ETag: up1.ETag, ChecksumCRC32: up1.ChecksumCRC32 }, { PartNumber: 2, ETag: copy.CopyPartResult?.ETag, ChecksumCRC32: copy.CopyPartResult?.ChecksumCRC32 }] },
      }),
    );
    assert.match(done.ETag!, /^"[0-9a-f]{32}-2"$/);
    assert.equal(copy.CopyPartResult?.ChecksumCRC32, checksumOf('CRC32', copied));
    const composite = checksumOf('CRC32', Buffer.concat([Buffer.from(up1.ChecksumCRC32!, 'base64'), Buffer.from(checksumOf('CRC32', copied), 'base64')]));
    assert.equal(done.ChecksumCRC32, `${composite}-2`);
    const head = await s3.send(new HeadObjectCommand({ Bucket, Key: 'assembled', ChecksumMode: 'ENABLED' }));
    assert.equal(head.ContentType, 'application/x-parts');
    assert.deepEqual(head.Metadata, { m: '1' });
    assert.equal(head.ContentLength, 5 * MiB + 1000);
    assert.equal(head.PartsCount, undefined);
    assert.equal((await s3.send(new HeadObjectCommand({ Bucket, Key: 'assembled', PartNumber: 1 }))).PartsCount, 2);
    assert.equal(head.ChecksumType, 'COMPOSITE');
    const body = await readAll((await s3.send(new GetObjectCommand({ Bucket, Key: 'assembled' }))).Body as AsyncIterable<Uint8Array>);
    assert.ok(body.equals(Buffer.concat([p1, copied])));
  });

  it('a FULL_OBJECT CRC64NVME upload: the object checksum is the CRC of all its bytes', async () => {
    const create = await s3.send(new CreateMultipartUploadCommand({ Bucket, Key: 'full', ChecksumAlgorithm: 'CRC64NVME' }));
    assert.equal(create.ChecksumType, 'FULL_OBJECT');
    const a = bytes(5 * MiB, 31);
    const b = bytes(1234, 32);
    const pa = await s3.send(new UploadPartCommand({ Bucket, Key: 'full', UploadId: create.UploadId, PartNumber: 1, Body: a, ChecksumAlgorithm: 'CRC64NVME' }));
    const pb = await s3.send(new UploadPartCommand({ Bucket, Key: 'full', UploadId: create.UploadId, PartNumber: 2, Body: b, ChecksumAlgorithm: 'CRC64NVME' }));
    const done = await s3.send(new CompleteMultipartUploadCommand({ Bucket, Key: 'full', UploadId: create.UploadId, MultipartUpload: { Parts: [{ PartNumber: 1, ETag: pa.ETag }, { PartNumber: 2, ETag: pb.ETag }] } }));
    const whole = checksumOf('CRC64NVME', Buffer.concat([a, b]));
    assert.equal(done.ChecksumCRC64NVME, whole);
    assert.equal(done.ChecksumType, 'FULL_OBJECT');
    const got = await s3.send(new GetObjectCommand({ Bucket, Key: 'full', ChecksumMode: 'ENABLED' }));
    assert.equal(got.ChecksumCRC64NVME, whole);
    assert.ok((await readAll(got.Body as AsyncIterable<Uint8Array>)).equals(Buffer.concat([a, b])));
  });

  it('AWS errors: EntityTooSmall, InvalidPart, InvalidPartOrder, NoSuchUpload, part numbers, an empty part list', async () => {
    const { UploadId } = await s3.send(new CreateMultipartUploadCommand({ Bucket, Key: 'errors' }));
    const small = await s3.send(new UploadPartCommand({ Bucket, Key: 'errors', UploadId, PartNumber: 1, Body: 'tiny' }));
    const last = await s3.send(new UploadPartCommand({ Bucket, Key: 'errors', UploadId, PartNumber: 2, Body: 'tail' }));
    let e = await s3Error(s3.send(new CompleteMultipartUploadCommand({ Bucket, Key: 'errors', UploadId, MultipartUpload: { Parts: [{ PartNumber: 1, ETag: small.ETag }, { PartNumber: 2, ETag: last.ETag }] } })));
    assert.equal(e.name, 'EntityTooSmall');
    assert.equal(e.message, 'Your proposed upload is smaller than the minimum allowed size');
    e = await s3Error(s3.send(new CompleteMultipartUploadCommand({ Bucket, Key: 'errors', UploadId, MultipartUpload: { Parts: [{ PartNumber: 2, ETag: last.ETag }, { PartNumber: 1, ETag: small.ETag }] } })));
    assert.equal(e.name, 'InvalidPartOrder');
    assert.equal(e.message, 'The list of parts was not in ascending order. Parts must be ordered by part number.');
    e = await s3Error(s3.send(new CompleteMultipartUploadCommand({ Bucket, Key: 'errors', UploadId, MultipartUpload: { Parts: [{ PartNumber: 1, ETag: '"00000000000000000000000000000000"' }] } })));
    assert.equal(e.name, 'InvalidPart');
    assert.equal(e.message, "One or more of the specified parts could not be found.  The part may not have been uploaded, or the specified entity tag may not match the part's entity tag.");
    e = await s3Error(s3.send(new CompleteMultipartUploadCommand({ Bucket, Key: 'errors', UploadId, MultipartUpload: { Parts: [{ PartNumber: 3, ETag: last.ETag }] } })));
    assert.equal(e.name, 'InvalidPart');
    e = await s3Error(s3.send(new CompleteMultipartUploadCommand({ Bucket, Key: 'errors', UploadId, MultipartUpload: { Parts: [] } })));
    assert.equal(e.name, 'MalformedXML');
    e = await s3Error(s3.send(new UploadPartCommand({ Bucket, Key: 'errors', UploadId, PartNumber: 10001, Body: 'x' })));
    assert.equal(e.name, 'InvalidArgument');
    assert.equal(e.message, 'Part number must be an integer between 1 and 10000, inclusive');
    e = await s3Error(s3.send(new UploadPartCommand({ Bucket, Key: 'errors', UploadId: 'nope', PartNumber: 1, Body: 'x' })));
    assert.equal(e.name, 'NoSuchUpload');
    assert.equal(e.status, 404);
    assert.equal(e.message, 'The specified upload does not exist. The upload ID may be invalid, or the upload may have been aborted or completed.');
    const broken = await signedFetch(server, 'POST', `/${Bucket}/errors?uploadId=${encodeURIComponent(UploadId!)}`, { body: '<CompleteMultipartUpload><Part><PartNumber>1</Part>' });
    assert.equal(broken.status, 400);
    assert.match(broken.text, /<Code>MalformedXML<\/Code><Message>The XML you provided was not well-formed or did not validate against our published schema<\/Message>/);
    // A single small part is a valid (final) part.
    const one = await s3.send(new CompleteMultipartUploadCommand({ Bucket, Key: 'errors', UploadId, MultipartUpload: { Parts: [{ PartNumber: 2, ETag: last.ETag }] } }));
    assert.match(one.ETag!, /-1"$/);
    assert.equal(await (await s3.send(new GetObjectCommand({ Bucket, Key: 'errors' }))).Body!.transformToString(), 'tail');
    e = await s3Error(s3.send(new CompleteMultipartUploadCommand({ Bucket, Key: 'errors', UploadId, MultipartUpload: { Parts: [{ PartNumber: 2, ETag: last.ETag }] } })));
    assert.equal(e.name, 'NoSuchUpload');
  });

  it('abort and replaced parts leave no blob behind; a completion drops the parts it leaves out', async () => {
    const before = await blobCount(server);
    const { UploadId } = await s3.send(new CreateMultipartUploadCommand({ Bucket, Key: 'aborted' }));
    await s3.send(new UploadPartCommand({ Bucket, Key: 'aborted', UploadId, PartNumber: 1, Body: 'one' }));
    await s3.send(new UploadPartCommand({ Bucket, Key: 'aborted', UploadId, PartNumber: 1, Body: 'one again' }));
    await s3.send(new UploadPartCommand({ Bucket, Key: 'aborted', UploadId, PartNumber: 2, Body: 'two' }));
    assert.equal(await blobCount(server), before + 2);
    const abort = await s3.send(new AbortMultipartUploadCommand({ Bucket, Key: 'aborted', UploadId }));
    assert.equal(abort.$metadata.httpStatusCode, 204);
    assert.equal(await blobCount(server), before);
    assert.equal((await s3Error(s3.send(new AbortMultipartUploadCommand({ Bucket, Key: 'aborted', UploadId })))).name, 'NoSuchUpload');

    const second = await s3.send(new CreateMultipartUploadCommand({ Bucket, Key: 'partial' }));
    const a = await s3.send(new UploadPartCommand({ Bucket, Key: 'partial', UploadId: second.UploadId, PartNumber: 1, Body: 'kept' }));
    await s3.send(new UploadPartCommand({ Bucket, Key: 'partial', UploadId: second.UploadId, PartNumber: 2, Body: 'dropped' }));
    await s3.send(new CompleteMultipartUploadCommand({ Bucket, Key: 'partial', UploadId: second.UploadId, MultipartUpload: { Parts: [{ PartNumber: 1, ETag: a.ETag }] } }));
    assert.equal(await blobCount(server), before + 1);
    // Created without an algorithm: AWS's default full-object CRC64NVME, the parts' CRCs combined.
    const head = await s3.send(new HeadObjectCommand({ Bucket, Key: 'partial', ChecksumMode: 'ENABLED' }));
    assert.equal(head.ChecksumCRC64NVME, checksumOf('CRC64NVME', Buffer.from('kept')));
    assert.equal(head.ChecksumType, 'FULL_OBJECT');
  });
});
