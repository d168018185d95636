/** kill -9 during a stream of PUTs: every acknowledged object reads back whole with its checksum. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CompleteMultipartUploadCommand, CreateBucketCommand, CreateMultipartUploadCommand, GetObjectCommand, ListObjectsV2Command, PutObjectCommand, S3Client, UploadPartCommand } from '@aws-sdk/client-s3';
import { clientConfig, spawnServer } from '../helpers/server.js';
import { checksumOf } from '../../src/services/s3/checksums.js';
import { bytes, md5Hex, readAll } from './helpers.js';

const client = (endpoint: string): S3Client => new S3Client({ ...clientConfig(endpoint), forcePathStyle: true });

function blobFiles(dataDir: string): number {
  const data = join(dataDir, 'blobs', 'data');
  return readdirSync(data).reduce((n, d) => n + readdirSync(join(data, d)).length, 0);
}

describe('S3 durability', () => {
  it('acknowledged PUTs and a completed multipart upload survive SIGKILL; nothing half-written appears', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'stratus-s3-durable-'));
    const acknowledged = new Map<string, { md5: string; crc: string; size: number }>();
    const first = await spawnServer(['--data-dir', dataDir]);
    try {
      const s3 = client(first.endpoint);
      await s3.send(new CreateBucketCommand({ Bucket: 'durable' }));
      const part = bytes(5 * 1024 * 1024, 99);
      const { UploadId } = await s3.send(new CreateMultipartUploadCommand({ Bucket: 'durable', Key: 'multi' }));
      const p1 = await s3.send(new UploadPartCommand({ Bucket: 'durable', Key: 'multi', UploadId, PartNumber: 1, Body: part }));
      const p2 = await s3.send(new UploadPartCommand({ Bucket: 'durable', Key: 'multi', UploadId, PartNumber: 2, Body: 'tail' }));
      await s3.send(new CompleteMultipartUploadCommand({ Bucket: 'durable', Key: 'multi', UploadId, MultipartUpload: { Parts: [{ PartNumber: 1, ETag: p1.ETag }, { PartNumber: 2, ETag: p2.ETag }] } }));

      let stop = false;
      const writer = async (w: number): Promise<void> => {
        for (let i = 0; !stop; i++) {
          const key = `w${w}/${i}`;
          const body = bytes(1000 + ((w * 7919 + i * 104729) % 200_000), w * 1000 + i);
          try {
            await s3.send(new PutObjectCommand({ Bucket: 'durable', Key: key, Body: body }));
            acknowledged.set(key, { md5: md5Hex(body), crc: checksumOf('CRC32', body), size: body.length });
          } catch {
            return; // killed mid-request: never acknowledged
          }
        }
      };
      const writers = Array.from({ length: 6 }, (_, w) => writer(w));
      while (acknowledged.size < 150) await new Promise((r) => setTimeout(r, 5));
      await first.kill('SIGKILL');
      stop = true;
      await Promise.all(writers);
    } finally {
      await first.kill('SIGKILL');
    }

    const second = await spawnServer(['--data-dir', dataDir]);
    try {
      const s3 = client(second.endpoint);
      const multi = await s3.send(new GetObjectCommand({ Bucket: 'durable', Key: 'multi', ChecksumMode: 'ENABLED' }));
      assert.equal(multi.ChecksumCRC64NVME, checksumOf('CRC64NVME', Buffer.concat([bytes(5 * 1024 * 1024, 99), Buffer.from('tail')])));
      assert.equal(multi.ContentLength, 5 * 1024 * 1024 + 4);
      assert.equal(md5Hex(await readAll(multi.Body as AsyncIterable<Uint8Array>)), md5Hex(Buffer.concat([bytes(5 * 1024 * 1024, 99), Buffer.from('tail')])));
      for (const [key, want] of acknowledged) {
        const got = await s3.send(new GetObjectCommand({ Bucket: 'durable', Key: key, ChecksumMode: 'ENABLED' }));
        const body = await readAll(got.Body as AsyncIterable<Uint8Array>);
        assert.equal(body.length, want.size, key);
        assert.equal(md5Hex(body), want.md5, key);
        assert.equal(got.ChecksumCRC32, want.crc, key);
      }
      // Whatever was listed (acknowledged or not) reads back whole.
      let token: string | undefined;
      let listed = 0;
      let inFiles = 0;
      do {
        const page = await s3.send(new ListObjectsV2Command({ Bucket: 'durable', ContinuationToken: token }));
        for (const o of page.Contents ?? []) {
          listed++;
          if (o.Size! > 64 * 1024) inFiles++; // smaller ones are kept in their blob's row
          const got = await s3.send(new GetObjectCommand({ Bucket: 'durable', Key: o.Key }));
          assert.equal((await readAll(got.Body as AsyncIterable<Uint8Array>)).length, o.Size);
        }
        token = page.NextContinuationToken;
      } while (token);
      assert.ok(listed >= acknowledged.size + 1);
      // Every larger object's bytes are in a file; at most the writes cut off hold a file without an object (removed at a later start).
      assert.ok(blobFiles(dataDir) >= inFiles);
      assert.ok(blobFiles(dataDir) <= inFiles + 6);
    } finally {
      await second.stop();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
