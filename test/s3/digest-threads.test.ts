/**
 * Large bodies digested on the digest threads (digest-offload.ts), forced on whatever the machine's
 * load: ETag, the SDK's default trailer checksum, each algorithm, the signed payload's SHA-256 under
 * --auth strict, mismatches answered with AWS's error and nothing stored, multipart parts.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { CreateBucketCommand, GetObjectCommand, HeadObjectCommand, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import { checksumOf } from '../../src/services/s3/checksums.js';
import { setOffloadPolicy } from '../../src/services/s3/digest-offload.js';
import type { TestServer } from '../helpers/server.js';
import { signHeaders } from '../helpers/sign.js';
import { bytes, md5Hex, readAll, s3Client, s3Error, sha256Hex, signedFetch, startS3 } from './helpers.js';

const MiB = 1024 * 1024;

describe('S3 digests of large bodies on other threads', () => {
  let server: TestServer;
  let s3: S3Client;
  const data = bytes(9 * MiB + 333, 7);
  before(async () => {
    setOffloadPolicy('always');
    server = await startS3({ config: { auth: 'strict', credentials: [{ accessKeyId: 'test', secretAccessKey: 'test', accountId: '000000000000' }] } });
    s3 = s3Client(server);
    await s3.send(new CreateBucketCommand({ Bucket: 'threads' }));
  });
  after(async () => {
    setOffloadPolicy('auto');
    await server.stop();
  });

  it('ETag and checksums come out as computed inline: SDK default, each algorithm, CRC64NVME by default', async () => {
    const put = await s3.send(new PutObjectCommand({ Bucket: 'threads', Key: 'default', Body: data }));
    assert.equal(put.ETag, `"${md5Hex(data)}"`);
    assert.equal(put.ChecksumCRC32, checksumOf('CRC32', data));
    for (const algorithm of ['CRC32C', 'CRC64NVME', 'SHA1', 'SHA256'] as const) {
      await s3.send(new PutObjectCommand({ Bucket: 'threads', Key: algorithm, Body: data, ChecksumAlgorithm: algorithm }));
      const head = await s3.send(new HeadObjectCommand({ Bucket: 'threads', Key: algorithm, ChecksumMode: 'ENABLED' }));
      assert.equal(head[`Checksum${algorithm}`], checksumOf(algorithm, data), algorithm);
      assert.equal(head.ETag, `"${md5Hex(data)}"`);
    }
    // Signed payload, no checksum header: the SHA-256 checked once, CRC64NVME stored.
    const signed = await signedFetch(server, 'PUT', '/threads/signed', { body: data });
    assert.equal(signed.status, 200, signed.text);
    assert.equal(signed.headers.get('x-amz-checksum-crc64nvme'), checksumOf('CRC64NVME', data));
    const got = await s3.send(new GetObjectCommand({ Bucket: 'threads', Key: 'signed' }));
    assert.ok((await readAll(got.Body as AsyncIterable<Uint8Array>)).equals(data));
  });

  it('mismatches: BadDigest, XAmzContentSHA256Mismatch, nothing stored', async () => {
    const bad = await s3Error(s3.send(new PutObjectCommand({ Bucket: 'threads', Key: 'bad', Body: data, ChecksumCRC32C: checksumOf('CRC32C', Buffer.from('other')) })));
    assert.equal(bad.name, 'BadDigest');
    // Signed with another body's SHA-256 (a valid signature): the server's check and S3's are one pass here.
    const host = new URL(server.endpoint).host;
    const headers = { host, ...signHeaders({ service: 's3', region: 'us-east-1', accessKeyId: 'test', secretAccessKey: 'test' }, 'PUT', '/threads/bad-sha', { host }, data, sha256Hex('other')) };
    const wrongSha = await fetch(`${server.endpoint}/threads/bad-sha`, { method: 'PUT', headers, body: new Uint8Array(data) });
    assert.equal(wrongSha.status, 400);
    assert.match(await wrongSha.text(), new RegExp(`<Code>XAmzContentSHA256Mismatch</Code>.*<S3ComputedContentSHA256>${sha256Hex(data)}</S3ComputedContentSHA256>`));
    for (const key of ['bad', 'bad-sha']) assert.equal((await s3Error(s3.send(new HeadObjectCommand({ Bucket: 'threads', Key: key })))).status, 404);
  });

  it('multipart parts (four at a time) get their ETags and checksums', async () => {
    const big = bytes(21 * MiB + 5, 8);
    await new Upload({ client: s3, params: { Bucket: 'threads', Key: 'multi', Body: big, ChecksumAlgorithm: 'CRC32' }, partSize: 5 * MiB, queueSize: 4 }).done();
    const got = await s3.send(new GetObjectCommand({ Bucket: 'threads', Key: 'multi' }));
    assert.ok((await readAll(got.Body as AsyncIterable<Uint8Array>)).equals(big));
    assert.match(got.ETag!, /-5"$/);
  });
});
