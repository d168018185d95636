/** CRC-64/NVME in WebAssembly (checksums.ts) against its check value and the JavaScript version, over odd lengths and pieces. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { checksummer, Crc64NvmeJs } from '../../src/services/s3/checksums.js';
import { bytes } from './helpers.js';

describe('S3 CRC64NVME', () => {
  it('gives the check value of "123456789" and agrees with the JavaScript version', () => {
    const c = checksummer('CRC64NVME');
    c.update(Buffer.from('123456789'));
    assert.equal(c.digest().toString('hex'), 'ae8b14860a799888');
    for (const size of [0, 1, 7, 8, 9, 4096, 100_003, 2 * 1024 * 1024 + 13]) {
      const data = bytes(size, size + 1);
      const wasm = checksummer('CRC64NVME');
      const js = new Crc64NvmeJs();
      for (let at = 0; at < size; at += 65_537) {
        wasm.update(data.subarray(at, at + 65_537));
        js.update(data.subarray(at, at + 65_537));
      }
      assert.equal(wasm.digest().toString('hex'), js.digest().toString('hex'), `${size} bytes`);
    }
  });
});
