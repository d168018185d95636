/**
 * Operations whose model payload streams (S3 PutObject's and GetObject's Body): the provider gets
 * the request body as a stream and may answer with one, end to end with the real S3 client, here
 * through a stand-in S3 provider that keeps objects in the platform's blob store.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { SignatureV4 } from '@smithy/signature-v4';
import { Sha256 } from '@aws-crypto/sha256-js';
import { S3Client, GetObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { AwsError } from '../../src/aws/errors.js';
import type { BodyStream } from '../../src/core/http.js';
import type { ServiceDefinition } from '../../src/services/service.js';
import { clientConfig, startServer, type TestServer } from '../helpers/server.js';

interface Stored {
  id: string;
  streamed: boolean;
}

/** PutObject and GetObject over platform.blobs, remembering whether each body came as a stream. */
function blobBackedS3(objects: Map<string, Stored>): ServiceDefinition {
  return {
    name: 's3',
    async create(platform) {
      return {
        async PutObject(_ctx: unknown, input: { Bucket: string; Key: string; Body: BodyStream }) {
          const blob = await platform.blobs.put(input.Body);
          objects.set(`${input.Bucket}/${input.Key}`, { id: blob.id, streamed: typeof input.Body[Symbol.asyncIterator] === 'function' });
          return { ETag: `"${blob.sha256!.slice(0, 32)}"` };
        },
        async GetObject(_ctx: unknown, input: { Bucket: string; Key: string }) {
          const stored = objects.get(`${input.Bucket}/${input.Key}`);
          const info = stored && (await platform.blobs.stat(stored.id));
          if (!info) throw new AwsError('NoSuchKey', 'The specified key does not exist.', 404);
          return { Body: await platform.blobs.read(info.id), ContentLength: info.size, ContentType: 'application/octet-stream' };
        },
      };
    },
  };
}

function bytes(size: number, seed: number): Buffer {
  const out = Buffer.alloc(size);
  for (let i = 0; i < size; i += 4) out.writeUInt32LE((i * 2654435761 + seed) >>> 0, Math.min(i, size - 4));
  return out;
}

const sha256 = (b: Buffer): string => createHash('sha256').update(b).digest('hex');

async function readAll(body: AsyncIterable<Uint8Array>): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of body) chunks.push(Buffer.from(c));
  return Buffer.concat(chunks);
}

describe('streaming payloads (S3 Body) with the S3 client', () => {
  const objects = new Map<string, Stored>();
  let server: TestServer;
  let s3: S3Client;
  before(async () => {
    server = await startServer({ services: [blobBackedS3(objects)] });
    s3 = new S3Client({ ...clientConfig(server.endpoint), forcePathStyle: true, requestChecksumCalculation: 'WHEN_REQUIRED' });
  });
  after(() => server.stop());

  it('PutObject with a Buffer: the provider gets a stream; GetObject streams it back with its length', async () => {
    const data = bytes(3 * 1024 * 1024 + 7, 1);
    await s3.send(new PutObjectCommand({ Bucket: 'b', Key: 'dir/a.bin', Body: data }));
    assert.equal(objects.get('b/dir/a.bin')?.streamed, true);
    const got = await s3.send(new GetObjectCommand({ Bucket: 'b', Key: 'dir/a.bin' }));
    assert.equal(got.ContentLength, data.length);
    assert.equal(sha256(await readAll(got.Body as Readable)), sha256(data));
  });

  it('PutObject with a stream of unknown length (chunked) and a small one', async () => {
    const data = bytes(20 * 1024 * 1024, 2);
    const parts = Array.from({ length: 20 }, (_, i) => data.subarray(i * 1024 * 1024, (i + 1) * 1024 * 1024));
    await s3.send(new PutObjectCommand({ Bucket: 'b', Key: 'big', Body: Readable.from(parts) }));
    const got = await s3.send(new GetObjectCommand({ Bucket: 'b', Key: 'big' }));
    assert.equal(sha256(await readAll(got.Body as Readable)), sha256(data));

    await s3.send(new PutObjectCommand({ Bucket: 'b', Key: 'small', Body: 'hello' }));
    const small = await s3.send(new GetObjectCommand({ Bucket: 'b', Key: 'small' }));
    assert.equal(await small.Body!.transformToString(), 'hello');
    await s3.send(new PutObjectCommand({ Bucket: 'b', Key: 'empty', Body: '' }));
    const empty = await s3.send(new GetObjectCommand({ Bucket: 'b', Key: 'empty' }));
    assert.equal(empty.ContentLength, 0);
    assert.equal(await empty.Body!.transformToString(), '');
  });
});

describe('a streamed body under --auth strict', () => {
  const KEY = { accessKeyId: 'AKIASTRATUSSTREAM001', secretAccessKey: 'stream-secret' };
  const objects = new Map<string, Stored>();
  let server: TestServer;
  before(async () => {
    server = await startServer({ config: { auth: 'strict', credentials: [{ ...KEY, accountId: '111122223333' }] }, services: [blobBackedS3(objects)] });
  });
  after(() => server.stop());

  /** A PutObject signed for `signed`, with `sent` as the body. */
  async function put(key: string, signed: Buffer, sent: Buffer): Promise<{ status: number; text: string }> {
    const url = new URL(server.endpoint);
    const signer = new SignatureV4({ service: 's3', region: 'us-east-1', sha256: Sha256, credentials: KEY, uriEscapePath: false });
    const req = await signer.sign({
      method: 'PUT',
      protocol: 'http:',
      hostname: url.hostname,
      port: Number(url.port),
      path: `/b/${key}`,
      query: { 'x-id': 'PutObject' },
      headers: { host: url.host, 'x-amz-content-sha256': sha256(signed), 'content-length': String(sent.length) },
      body: signed,
    });
    const res = await fetch(`${server.endpoint}/b/${key}?x-id=PutObject`, { method: 'PUT', headers: req.headers, body: new Uint8Array(sent) });
    return { status: res.status, text: await res.text() };
  }

  it('is checked against its declared SHA-256 as it is read: a mismatch is XAmzContentSHA256Mismatch and keeps nothing', async () => {
    const good = bytes(2 * 1024 * 1024, 3);
    assert.equal((await put('ok', good, good)).status, 200);
    assert.equal(objects.get('b/ok')?.streamed, true);

    const tampered = Buffer.from(good);
    tampered[tampered.length - 1]! ^= 1;
    const res = await put('bad', good, tampered);
    assert.equal(res.status, 400, res.text);
    assert.match(res.text, /<Code>XAmzContentSHA256Mismatch<\/Code>/);
    assert.equal(objects.has('b/bad'), false);
  });
});
