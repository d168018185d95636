/**
 * Integrity: Content-MD5, x-amz-content-sha256, x-amz-checksum-* (header and aws-chunked trailer),
 * chunk-signed bodies (STREAMING-AWS4-HMAC-SHA256-PAYLOAD), truncated and oversized bodies: AWS's
 * error each time, nothing stored, the server still serving.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { CreateBucketCommand, GetObjectCommand, HeadObjectCommand, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { RawConnection } from '../helpers/raw-http.js';
import type { TestServer } from '../helpers/server.js';
import { checksumOf } from '../../src/services/s3/checksums.js';
import { bytes, md5B64, readAll, s3Client, s3Error, sha256Hex, signedFetch, startS3 } from './helpers.js';

const KEY = { accessKeyId: 'AKIASTRATUSS3TEST001', secretAccessKey: 's3-test-secret' };

/** Counts the blobs the store holds: a failed upload must leave none behind. */
async function blobCount(server: TestServer): Promise<number> {
  const row = await server.db.get<{ n: number }>('SELECT COUNT(*) AS n FROM stratus_blobs');
  return Number(row!.n);
}

function hmac(key: Buffer | string, data: string): Buffer {
  return createHmac('sha256', key).update(data).digest();
}

/** A PUT with a chunk-signed aws-chunked body, as the AWS CLI and boto3 send it. */
function chunkSignedPut(server: TestServer, path: string, data: Buffer, chunkSize: number, tamper = false) {
  const url = new URL(server.endpoint);
  const amzDate = new Date().toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
  const date = amzDate.slice(0, 8);
  const scope = `${date}/us-east-1/s3/aws4_request`;
  const key = hmac(hmac(hmac(hmac(`AWS4${KEY.secretAccessKey}`, date), 'us-east-1'), 's3'), 'aws4_request');
  const chunks: Buffer[] = [];
  for (let i = 0; i < data.length; i += chunkSize) chunks.push(data.subarray(i, i + chunkSize));
  chunks.push(Buffer.alloc(0));
  const sigLen = 64;
  const encodedLength = chunks.reduce((n, c) => n + c.length.toString(16).length + ';chunk-signature='.length + sigLen + 4 + c.length, 0);
  const headers: Record<string, string> = {
    host: url.host,
    'content-encoding': 'aws-chunked',
    'content-length': String(encodedLength),
    'x-amz-content-sha256': 'STREAMING-AWS4-HMAC-SHA256-PAYLOAD',
    'x-amz-date': amzDate,
    'x-amz-decoded-content-length': String(data.length),
  };
  const names = Object.keys(headers).sort();
  const canonical = ['PUT', path, '', names.map((h) => `${h}:${headers[h]}\n`).join(''), names.join(';'), 'STREAMING-AWS4-HMAC-SHA256-PAYLOAD'].join('\n');
  const seed = hmac(key, ['AWS4-HMAC-SHA256', amzDate, scope, sha256Hex(canonical)].join('\n')).toString('hex');
  headers.authorization = `AWS4-HMAC-SHA256 Credential=${KEY.accessKeyId}/${scope}, SignedHeaders=${names.join(';')}, Signature=${seed}`;
  let previous = seed;
  const parts: Buffer[] = [];
  for (const c of chunks) {
    const toSign = ['AWS4-HMAC-SHA256-PAYLOAD', amzDate, scope, previous, sha256Hex(''), sha256Hex(c)].join('\n');
    const sig = hmac(key, toSign).toString('hex');
    previous = sig;
    const body = tamper && c.length > 0 ? Buffer.from(c).fill(0x41, 0, 1) : c;
    parts.push(Buffer.from(`${c.length.toString(16)};chunk-signature=${sig}\r\n`), body, Buffer.from('\r\n'));
  }
  return fetch(`${server.endpoint}${path}`, { method: 'PUT', headers, body: new Uint8Array(Buffer.concat(parts)) });
}

describe('S3 integrity', () => {
  let server: TestServer;
  let s3: S3Client;
  const Bucket = 'integrity';
  before(async () => {
    server = await startS3({ config: { credentials: [{ ...KEY, accountId: '000000000000' }] } });
    s3 = s3Client(server);
    await s3.send(new CreateBucketCommand({ Bucket }));
  });
  after(() => server.stop());

  it('the SDK default (CRC32 in an aws-chunked trailer) is verified and stored; ChecksumMode returns it', async () => {
    const body = bytes(300_000, 7);
    const put = await s3.send(new PutObjectCommand({ Bucket, Key: 'default', Body: body }));
    assert.equal(put.ChecksumCRC32, checksumOf('CRC32', body));
    const got = await s3.send(new GetObjectCommand({ Bucket, Key: 'default', ChecksumMode: 'ENABLED' }));
    assert.equal(got.ChecksumCRC32, checksumOf('CRC32', body));
    assert.equal(got.ChecksumType, 'FULL_OBJECT');
    assert.ok((await readAll(got.Body as AsyncIterable<Uint8Array>)).equals(body));
  });

  for (const algorithm of ['CRC32C', 'CRC64NVME', 'SHA1', 'SHA256'] as const) {
    it(`ChecksumAlgorithm ${algorithm}: verified, stored, returned (the SDK validates the GET)`, async () => {
      const body = bytes(70_001, algorithm.length);
      await s3.send(new PutObjectCommand({ Bucket, Key: `alg-${algorithm}`, Body: body, ChecksumAlgorithm: algorithm }));
      const head = await s3.send(new HeadObjectCommand({ Bucket, Key: `alg-${algorithm}`, ChecksumMode: 'ENABLED' }));
      assert.equal(head[`Checksum${algorithm}`], checksumOf(algorithm, body));
      const got = await s3.send(new GetObjectCommand({ Bucket, Key: `alg-${algorithm}`, ChecksumMode: 'ENABLED' }));
      assert.ok((await readAll(got.Body as AsyncIterable<Uint8Array>)).equals(body));
    });
  }

  it('objects written without a checksum get CRC64NVME, as AWS computes by default', async () => {
    const res = await signedFetch(server, 'PUT', `/${Bucket}/plain`, { body: 'plain body' });
    assert.equal(res.status, 200);
    const head = await s3.send(new HeadObjectCommand({ Bucket, Key: 'plain', ChecksumMode: 'ENABLED' }));
    assert.equal(head.ChecksumCRC64NVME, checksumOf('CRC64NVME', Buffer.from('plain body')));
  });

  it('a wrong x-amz-checksum-* is BadDigest, a malformed one InvalidRequest; nothing is stored', async () => {
    const before = await blobCount(server);
    let res = await signedFetch(server, 'PUT', `/${Bucket}/bad-crc`, { body: 'hello', headers: { 'x-amz-checksum-crc32': checksumOf('CRC32', Buffer.from('other')) } });
    assert.equal(res.status, 400);
    assert.match(res.text, /<Code>BadDigest<\/Code><Message>The CRC32 you specified did not match the calculated checksum.<\/Message>/);
    res = await signedFetch(server, 'PUT', `/${Bucket}/bad-crc`, { body: 'hello', headers: { 'x-amz-checksum-sha256': 'notbase64!' } });
    assert.equal(res.status, 400);
    assert.match(res.text, /<Code>InvalidRequest<\/Code><Message>Value for x-amz-checksum-sha256 header is invalid.<\/Message>/);
    assert.equal((await s3Error(s3.send(new HeadObjectCommand({ Bucket, Key: 'bad-crc' })))).status, 404);
    assert.equal(await blobCount(server), before);
  });

  it('Content-MD5: a wrong digest is BadDigest, a malformed one InvalidDigest', async () => {
    const before = await blobCount(server);
    let e = await s3Error(s3.send(new PutObjectCommand({ Bucket, Key: 'md5', Body: 'payload', ContentMD5: md5B64('different') })));
    assert.equal(e.name, 'BadDigest');
    assert.equal(e.status, 400);
    assert.equal(e.message, 'The Content-MD5 you specified did not match what we received.');
    e = await s3Error(s3.send(new PutObjectCommand({ Bucket, Key: 'md5', Body: 'payload', ContentMD5: 'short' })));
    assert.equal(e.name, 'InvalidDigest');
    assert.equal(e.message, 'The Content-MD5 you specified is not valid.');
    await s3.send(new PutObjectCommand({ Bucket, Key: 'md5', Body: 'payload', ContentMD5: md5B64('payload') }));
    assert.equal(await blobCount(server), before + 1);
  });

  it('x-amz-content-sha256 that does not match the body is XAmzContentSHA256Mismatch', async () => {
    const res = await signedFetch(server, 'PUT', `/${Bucket}/sha`, { body: 'actual', headers: { 'x-amz-content-sha256': sha256Hex('claimed') } });
    assert.equal(res.status, 400);
    assert.match(res.text, /<Code>XAmzContentSHA256Mismatch<\/Code>/);
    assert.match(res.text, new RegExp(`<ClientComputedContentSHA256>${sha256Hex('claimed')}</ClientComputedContentSHA256><S3ComputedContentSHA256>${sha256Hex('actual')}</S3ComputedContentSHA256>`));
  });

  it('an aws-chunked trailer with the wrong checksum is BadDigest', async () => {
    const data = Buffer.from('trailer data');
    const body = Buffer.from(`${data.length.toString(16)}\r\n${data}\r\n0\r\nx-amz-checksum-crc32:${checksumOf('CRC32', Buffer.from('x'))}\r\n\r\n`);
    const res = await signedFetch(server, 'PUT', `/${Bucket}/trailer`, {
      body,
      headers: {
        'content-encoding': 'aws-chunked',
        'x-amz-content-sha256': 'STREAMING-UNSIGNED-PAYLOAD-TRAILER',
        'x-amz-decoded-content-length': String(data.length),
        'x-amz-trailer': 'x-amz-checksum-crc32',
      },
    });
    assert.equal(res.status, 400, res.text);
    assert.match(res.text, /<Code>BadDigest<\/Code>/);
    const short = Buffer.from(`${data.length.toString(16)}\r\n${data}\r\n0\r\n\r\n`);
    const res2 = await signedFetch(server, 'PUT', `/${Bucket}/trailer`, {
      body: short,
      headers: { 'content-encoding': 'aws-chunked', 'x-amz-content-sha256': 'STREAMING-UNSIGNED-PAYLOAD-TRAILER', 'x-amz-decoded-content-length': String(data.length + 5) },
    });
    assert.equal(res2.status, 400);
    assert.match(res2.text, /<Code>IncompleteBody<\/Code><Message>You did not provide the number of bytes specified by the Content-Length HTTP header<\/Message>/);
  });

  it('chunk-signed bodies (STREAMING-AWS4-HMAC-SHA256-PAYLOAD) are decoded; under --auth strict each chunk signature is checked', async () => {
    const data = bytes(200_000, 9);
    let res = await chunkSignedPut(server, `/${Bucket}/chunked`, data, 65536);
    assert.equal(res.status, 200, await res.text());
    const got = await s3.send(new GetObjectCommand({ Bucket, Key: 'chunked' }));
    assert.ok((await readAll(got.Body as AsyncIterable<Uint8Array>)).equals(data));

    const strict = await startS3({ config: { auth: 'strict', credentials: [{ ...KEY, accountId: '000000000000' }] } });
    try {
      const client = s3Client(strict, { credentials: KEY });
      await client.send(new CreateBucketCommand({ Bucket }));
      res = await chunkSignedPut(strict, `/${Bucket}/chunked`, data, 65536);
      assert.equal(res.status, 200, await res.text());
      res = await chunkSignedPut(strict, `/${Bucket}/tampered`, data, 65536, true);
      assert.equal(res.status, 403);
      assert.match(await res.text(), /<Code>SignatureDoesNotMatch<\/Code>/);
      assert.equal((await s3Error(client.send(new HeadObjectCommand({ Bucket, Key: 'tampered' })))).status, 404);
      // The SDK's own uploads verify end to end under strict auth.
      await client.send(new PutObjectCommand({ Bucket, Key: 'sdk', Body: data }));
    } finally {
      await strict.stop();
    }
  });

  it('a body cut short stores nothing and the server keeps serving; past 5 GiB is EntityTooLarge before reading', async () => {
    const before = await blobCount(server);
    const port = Number(new URL(server.endpoint).port);
    const conn = new RawConnection(port);
    await conn.write(`PUT /${Bucket}/truncated HTTP/1.1\r\nHost: localhost\r\nContent-Length: 100000\r\n\r\n`);
    await conn.write(Buffer.alloc(5000, 1));
    conn.socket.end();
    await conn.closed();
    const big = new RawConnection(port);
    await big.write(`PUT /${Bucket}/huge HTTP/1.1\r\nHost: localhost\r\nContent-Length: ${5 * 1024 ** 3 + 1}\r\n\r\n`);
    const res = await big.response();
    assert.equal(res.status, 400);
    assert.match(res.body.toString(), /<Code>EntityTooLarge<\/Code><Message>Your proposed upload exceeds the maximum allowed size<\/Message><ProposedSize>5368709121<\/ProposedSize><MaxSizeAllowed>5368709120<\/MaxSizeAllowed>/);
    big.socket.destroy();
    // Let the cut-off request finish failing.
    for (let i = 0; i < 50 && (await blobCount(server)) !== before; i++) await new Promise((r) => setTimeout(r, 20));
    assert.equal(await blobCount(server), before);
    assert.equal((await s3Error(s3.send(new HeadObjectCommand({ Bucket, Key: 'truncated' })))).status, 404);
    await s3.send(new PutObjectCommand({ Bucket, Key: 'still-serving', Body: 'yes' }));
  });
});
