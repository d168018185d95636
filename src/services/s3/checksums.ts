/**
 * The checksums S3 verifies and stores (x-amz-checksum-*): CRC32 (zlib's), CRC32C and CRC64NVME
 * (table-driven here, slicing by 8 bytes read as two 32-bit words), SHA-1 and SHA-256 (node:crypto). Values travel as the
 * base64 of the big-endian digest, as AWS sends them.
 */
import { createHash, type Hash } from 'node:crypto';
import { endianness } from 'node:os';
import { crc32 as zlibCrc32 } from 'node:zlib';

export type ChecksumAlgorithm = 'CRC32' | 'CRC32C' | 'CRC64NVME' | 'SHA1' | 'SHA256';
export const CHECKSUM_ALGORITHMS: readonly ChecksumAlgorithm[] = ['CRC32', 'CRC32C', 'CRC64NVME', 'SHA1', 'SHA256'];

/** The header carrying an algorithm's value, e.g. x-amz-checksum-crc32c. */
export const checksumHeader = (a: ChecksumAlgorithm): string => `x-amz-checksum-${a.toLowerCase()}`;
/** The output member carrying it, e.g. ChecksumCRC32C. */
export const checksumMember = (a: ChecksumAlgorithm): `Checksum${ChecksumAlgorithm}` => `Checksum${a}`;
/** Digest length in bytes, to tell a malformed header value from a wrong one. */
export const DIGEST_BYTES: Record<ChecksumAlgorithm, number> = { CRC32: 4, CRC32C: 4, CRC64NVME: 8, SHA1: 20, SHA256: 32 };

export function parseAlgorithm(name: string | undefined): ChecksumAlgorithm | undefined {
  const upper = name?.toUpperCase();
  return CHECKSUM_ALGORITHMS.find((a) => a === upper);
}

export interface Checksummer {
  update(chunk: Uint8Array): void;
  /** The digest, big-endian. */
  digest(): Buffer;
}

export function checksummer(algorithm: ChecksumAlgorithm): Checksummer {
  switch (algorithm) {
    case 'CRC32':
      return new Crc32();
    case 'CRC32C':
      return new Crc32c();
    case 'CRC64NVME':
      return new Crc64Nvme();
    case 'SHA1':
      return hashChecksummer(createHash('sha1'));
    case 'SHA256':
      return hashChecksummer(createHash('sha256'));
  }
}

export function checksumOf(algorithm: ChecksumAlgorithm, data: Uint8Array): string {
  const c = checksummer(algorithm);
  c.update(data);
  return c.digest().toString('base64');
}

function hashChecksummer(hash: Hash): Checksummer {
  return { update: (chunk) => hash.update(chunk), digest: () => hash.digest() };
}

class Crc32 implements Checksummer {
  private crc = 0;
  update(chunk: Uint8Array): void {
    this.crc = zlibCrc32(chunk, this.crc);
  }
  digest(): Buffer {
    const out = Buffer.alloc(4);
    out.writeUInt32BE(this.crc >>> 0);
    return out;
  }
}

/** Tables for slicing-by-8 over a reflected 32-bit polynomial: t[k * 256 + b] (Int32Array: read as int32 in the XORs, no conversion). */
function tables32(poly: number): Int32Array {
  const t = new Int32Array(8 * 256);
  for (let i = 0; i < 256; i++) {
    let c = i;
    for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ poly : c >>> 1;
    t[i] = c >>> 0;
  }
  for (let i = 0; i < 256; i++) for (let k = 1; k < 8; k++) t[k * 256 + i] = ((t[(k - 1) * 256 + i]! >>> 8) ^ t[t[(k - 1) * 256 + i]! & 0xff]!) >>> 0;
  return t;
}

const CRC32C_TABLE = tables32(0x82f63b78);

/**
 * The bytes of `buf` from `i` as little-endian 32-bit words, read in place when the platform is
 * little-endian (a word read costs less than four byte reads and their shifts); `from` is the
 * first word-aligned index at or after `i`. Undefined on big-endian platforms.
 */
const LITTLE_ENDIAN = endianness() === 'LE';
function wordsOf(buf: Uint8Array, i: number): { words: Int32Array; from: number } | undefined {
  if (!LITTLE_ENDIAN) return undefined;
  const from = i + ((4 - ((buf.byteOffset + i) & 3)) & 3);
  if (from > buf.length) return undefined;
  return { words: new Int32Array(buf.buffer, buf.byteOffset + from, (buf.length - from) >>> 2), from };
}

/** Inputs shorter than this are read byte by byte (a typed-array view costs more than it saves). */
const WORDS_FROM = 256;

class Crc32c implements Checksummer {
  private crc = 0xffffffff;
  update(buf: Uint8Array): void {
    const t = CRC32C_TABLE;
    let crc = this.crc;
    let i = 0;
    const aligned = buf.length >= WORDS_FROM ? wordsOf(buf, 0) : undefined;
    if (aligned) {
      for (; i < aligned.from; i++) crc = (crc >>> 8) ^ t[(crc ^ buf[i]!) & 0xff]!;
      const w = aligned.words;
      const n = w.length & ~1;
      for (let j = 0; j < n; j += 2) {
        crc ^= w[j]!;
        const x = w[j + 1]!;
        crc =
          t[1792 + (crc & 0xff)]! ^ t[1536 + ((crc >>> 8) & 0xff)]! ^ t[1280 + ((crc >>> 16) & 0xff)]! ^ t[1024 + (crc >>> 24)]! ^
          t[768 + (x & 0xff)]! ^ t[512 + ((x >>> 8) & 0xff)]! ^ t[256 + ((x >>> 16) & 0xff)]! ^ t[x >>> 24]!;
      }
      i += n * 4;
    } else {
      const n8 = buf.length - (buf.length % 8);
      for (; i < n8; i += 8) {
        crc ^= buf[i]! | (buf[i + 1]! << 8) | (buf[i + 2]! << 16) | (buf[i + 3]! << 24);
        crc =
          t[1792 + (crc & 0xff)]! ^ t[1536 + ((crc >>> 8) & 0xff)]! ^ t[1280 + ((crc >>> 16) & 0xff)]! ^ t[1024 + (crc >>> 24)]! ^
          t[768 + buf[i + 4]!]! ^ t[512 + buf[i + 5]!]! ^ t[256 + buf[i + 6]!]! ^ t[buf[i + 7]!]!;
      }
    }
    for (; i < buf.length; i++) crc = (crc >>> 8) ^ t[(crc ^ buf[i]!) & 0xff]!;
    this.crc = crc >>> 0;
  }
  digest(): Buffer {
    const out = Buffer.alloc(4);
    out.writeUInt32BE((this.crc ^ 0xffffffff) >>> 0);
    return out;
  }
}

/** CRC-64/NVME (reflected polynomial 0x9a6c9329ac4bc9b5) as two 32-bit halves: tables lo and hi. */
const CRC64 = ((): { lo: Int32Array; hi: Int32Array } => {
  const lo = new Int32Array(8 * 256);
  const hi = new Int32Array(8 * 256);
  const pLo = 0xac4bc9b5;
  const pHi = 0x9a6c9329;
  for (let i = 0; i < 256; i++) {
    let l = i;
    let h = 0;
    for (let k = 0; k < 8; k++) {
      const odd = l & 1;
      l = ((l >>> 1) | ((h & 1) << 31)) >>> 0;
      h = h >>> 1;
      if (odd) {
        l = (l ^ pLo) >>> 0;
        h = (h ^ pHi) >>> 0;
      }
    }
    lo[i] = l;
    hi[i] = h;
  }
  for (let k = 1; k < 8; k++) {
    for (let i = 0; i < 256; i++) {
      const pl = lo[(k - 1) * 256 + i]!;
      const ph = hi[(k - 1) * 256 + i]!;
      const idx = pl & 0xff;
      lo[k * 256 + i] = (((pl >>> 8) | (ph << 24)) ^ lo[idx]!) >>> 0;
      hi[k * 256 + i] = ((ph >>> 8) ^ hi[idx]!) >>> 0;
    }
  }
  return { lo, hi };
})();

/**
 * CRC-64/NVME by slicing-by-8 over 64-bit words in WebAssembly: one table load per byte where the
 * JavaScript below needs two (it works in 32-bit halves): ~1.0 s of CPU per GiB against ~1.5 s here. The module is built
 * here (no toolchain), one instance per thread; the tables sit at 0, the input is copied in after them.
 */
const WASM_TABLES = 8 * 256 * 8;
const WASM_INPUT = 1024 * 1024;

function uleb(n: number): number[] {
  const out: number[] = [];
  do {
    let b = n & 0x7f;
    n >>>= 7;
    if (n !== 0) b |= 0x80;
    out.push(b);
  } while (n !== 0);
  return out;
}

/** Small non-negative i64.const immediates (< 64 fit one signed LEB byte; 255 takes two). */
const i64const = (n: number): number[] => [0x42, ...(n < 64 ? [n] : [(n & 0x7f) | 0x80, n >> 7])];

function crc64Module(): Uint8Array<ArrayBuffer> {
  const op = { localGet: 0x20, localSet: 0x21, localTee: 0x22, i32Const: 0x41, i32Add: 0x6a, i32Sub: 0x6b, i32And: 0x71, i32Shl: 0x74, i32GeU: 0x4f, i64Load: 0x29, i64Load8U: 0x31, i64Xor: 0x85, i64And: 0x83, i64ShrU: 0x88, i64Shl: 0x86, i32WrapI64: 0xa7, block: 0x02, loop: 0x03, br: 0x0c, brIf: 0x0d, end: 0x0b };
  // Locals: 0 len (i32), 1 crc (i64) are the parameters; 2 p, 3 end8, 4 end (i32); 5 x (i64).
  const lookup = (table: number): number[] => [op.i32WrapI64, op.i32Const, 3, op.i32Shl, op.i64Load, 3, ...uleb(table * 2048)];
  const word: number[] = [];
  for (let k = 0; k < 8; k++) {
    // Byte k of the word, as a table offset (times 8: shifted 3 less, masked 0x7f8), indexes the table for 7 - k zero bytes after it.
    word.push(op.localGet, 5, ...i64const(k === 0 ? 3 : 8 * k - 3), k === 0 ? op.i64Shl : op.i64ShrU, ...i64const(0x7f8), op.i64And, op.i32WrapI64, op.i64Load, 3, ...uleb((7 - k) * 2048));
    if (k > 0) word.push(op.i64Xor);
  }
  const body = [
    0x02, 0x03, 0x7f, 0x01, 0x7e, // locals: 3 x i32, 1 x i64
    op.i32Const, ...uleb(WASM_TABLES), op.localSet, 2,
    op.localGet, 2, op.localGet, 0, op.i32Add, op.localTee, 4,
    op.localGet, 0, op.i32Const, 7, op.i32And, op.i32Sub, op.localSet, 3,
    op.block, 0x40, op.loop, 0x40,
    op.localGet, 2, op.localGet, 3, op.i32GeU, op.brIf, 1,
    op.localGet, 1, op.localGet, 2, op.i64Load, 3, 0, op.i64Xor, op.localSet, 5,
    ...word, op.localSet, 1,
    op.localGet, 2, op.i32Const, 8, op.i32Add, op.localSet, 2, op.br, 0,
    op.end, op.end,
    op.block, 0x40, op.loop, 0x40,
    op.localGet, 2, op.localGet, 4, op.i32GeU, op.brIf, 1,
    op.localGet, 1, op.localGet, 2, op.i64Load8U, 0, 0, op.i64Xor, ...i64const(255), op.i64And, ...lookup(0),
    op.localGet, 1, ...i64const(8), op.i64ShrU, op.i64Xor, op.localSet, 1,
    op.localGet, 2, op.i32Const, 1, op.i32Add, op.localSet, 2, op.br, 0,
    op.end, op.end,
    op.localGet, 1, op.end,
  ];
  const section = (id: number, content: number[]): number[] => [id, ...uleb(content.length), ...content];
  const pages = Math.ceil((WASM_TABLES + WASM_INPUT) / 65536);
  return new Uint8Array([
    0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,
    ...section(1, [1, 0x60, 2, 0x7f, 0x7e, 1, 0x7e]), // type: (i32, i64) -> i64
    ...section(3, [1, 0]),
    ...section(5, [1, 0, ...uleb(pages)]),
    ...section(7, [2, 1, 0x6d, 2, 0, 1, 0x63, 0, 0]), // exports "m" (memory), "c" (the function)
    ...section(10, [1, ...uleb(body.length), ...body]),
  ]);
}

let crc64Wasm: { memory: Uint8Array; crc: (len: number, crc: bigint) => bigint } | undefined;

function crc64Instance(): NonNullable<typeof crc64Wasm> {
  if (crc64Wasm) return crc64Wasm;
  const instance = new WebAssembly.Instance(new WebAssembly.Module(crc64Module()));
  const exports = instance.exports as { m: WebAssembly.Memory; c: (len: number, crc: bigint) => bigint };
  const memory = new Uint8Array(exports.m.buffer);
  const tables = new DataView(exports.m.buffer);
  for (let i = 0; i < 8 * 256; i++) {
    tables.setUint32(i * 8, CRC64.lo[i]! >>> 0, true);
    tables.setUint32(i * 8 + 4, CRC64.hi[i]! >>> 0, true);
  }
  return (crc64Wasm = { memory, crc: exports.c });
}

class Crc64Nvme implements Checksummer {
  private crc = 0xffffffffffffffffn;
  update(buf: Uint8Array): void {
    const { memory, crc } = crc64Instance();
    for (let at = 0; at < buf.length; at += WASM_INPUT) {
      const piece = buf.subarray(at, at + WASM_INPUT);
      memory.set(piece, WASM_TABLES);
      this.crc = crc(piece.length, this.crc);
    }
  }
  digest(): Buffer {
    const out = Buffer.alloc(8);
    out.writeBigUInt64BE(BigInt.asUintN(64, this.crc ^ 0xffffffffffffffffn));
    return out;
  }
}

/** The 32-bit-halves version, kept to check the WebAssembly one against. */
export class Crc64NvmeJs implements Checksummer {
  private lo = 0xffffffff;
  private hi = 0xffffffff;
  update(buf: Uint8Array): void {
    const TL = CRC64.lo;
    const TH = CRC64.hi;
    let lo = this.lo;
    let hi = this.hi;
    let i = 0;
    const aligned = buf.length >= WORDS_FROM ? wordsOf(buf, 0) : undefined;
    if (aligned) {
      for (; i < aligned.from; i++) {
        const idx = (lo ^ buf[i]!) & 0xff;
        lo = ((lo >>> 8) | (hi << 24)) ^ TL[idx]!;
        hi = (hi >>> 8) ^ TH[idx]!;
      }
      const w = aligned.words;
      const n = w.length & ~1;
      for (let j = 0; j < n; j += 2) {
        lo ^= w[j]!;
        hi ^= w[j + 1]!;
        const a = 1792 + (lo & 0xff), b = 1536 + ((lo >>> 8) & 0xff), c = 1280 + ((lo >>> 16) & 0xff), d = 1024 + (lo >>> 24);
        const e = 768 + (hi & 0xff), f = 512 + ((hi >>> 8) & 0xff), g = 256 + ((hi >>> 16) & 0xff), h = hi >>> 24;
        lo = TL[a]! ^ TL[b]! ^ TL[c]! ^ TL[d]! ^ TL[e]! ^ TL[f]! ^ TL[g]! ^ TL[h]!;
        hi = TH[a]! ^ TH[b]! ^ TH[c]! ^ TH[d]! ^ TH[e]! ^ TH[f]! ^ TH[g]! ^ TH[h]!;
      }
      i += n * 4;
    } else {
      const n8 = buf.length - (buf.length % 8);
      for (; i < n8; i += 8) {
        lo ^= buf[i]! | (buf[i + 1]! << 8) | (buf[i + 2]! << 16) | (buf[i + 3]! << 24);
        hi ^= buf[i + 4]! | (buf[i + 5]! << 8) | (buf[i + 6]! << 16) | (buf[i + 7]! << 24);
        const a = 1792 + (lo & 0xff), b = 1536 + ((lo >>> 8) & 0xff), c = 1280 + ((lo >>> 16) & 0xff), d = 1024 + (lo >>> 24);
        const e = 768 + (hi & 0xff), f = 512 + ((hi >>> 8) & 0xff), g = 256 + ((hi >>> 16) & 0xff), h = hi >>> 24;
        lo = TL[a]! ^ TL[b]! ^ TL[c]! ^ TL[d]! ^ TL[e]! ^ TL[f]! ^ TL[g]! ^ TL[h]!;
        hi = TH[a]! ^ TH[b]! ^ TH[c]! ^ TH[d]! ^ TH[e]! ^ TH[f]! ^ TH[g]! ^ TH[h]!;
      }
    }
    for (; i < buf.length; i++) {
      const idx = (lo ^ buf[i]!) & 0xff;
      lo = ((lo >>> 8) | (hi << 24)) ^ TL[idx]!;
      hi = (hi >>> 8) ^ TH[idx]!;
    }
    this.lo = lo >>> 0;
    this.hi = hi >>> 0;
  }
  digest(): Buffer {
    const out = Buffer.alloc(8);
    out.writeUInt32BE((this.hi ^ 0xffffffff) >>> 0, 0);
    out.writeUInt32BE((this.lo ^ 0xffffffff) >>> 0, 4);
    return out;
  }
}

/** Reflected polynomials and widths of the CRCs that combine (full-object checksums of multipart uploads). */
const CRC_PARAMS: Partial<Record<ChecksumAlgorithm, { poly: bigint; width: bigint }>> = {
  CRC32: { poly: 0xedb88320n, width: 32n },
  CRC32C: { poly: 0x82f63b78n, width: 32n },
  CRC64NVME: { poly: 0x9a6c9329ac4bc9b5n, width: 64n },
};

export const combinable = (a: ChecksumAlgorithm): boolean => CRC_PARAMS[a] !== undefined;

/** x^(2^k) mod P for k = 0..width-1, per algorithm (zlib's x2n_table). */
const x2nTables = new Map<ChecksumAlgorithm, bigint[]>();

/** a(x) * b(x) mod P(x), reflected (zlib's multmodp). */
function multModP(a: bigint, b: bigint, poly: bigint, width: bigint): bigint {
  let m = 1n << (width - 1n);
  let p = 0n;
  for (;;) {
    if (a & m) {
      p ^= b;
      if ((a & (m - 1n)) === 0n) break;
    }
    m >>= 1n;
    b = b & 1n ? (b >> 1n) ^ poly : b >> 1n;
  }
  return p;
}

/**
 * The CRC of A followed by B from the CRCs of each and B's length, without reading either: crc(A)
 * times x^(8 len(B)) mod P, plus crc(B) (zlib's crc32_combine, for any reflected CRC with init and
 * final xor all ones). Digests big-endian, as stored.
 */
export function combineCrc(algorithm: ChecksumAlgorithm, first: Buffer, second: Buffer, secondLength: number): Buffer {
  const { poly, width } = CRC_PARAMS[algorithm]!;
  let table = x2nTables.get(algorithm);
  if (!table) {
    table = [];
    let p = 1n << (width - 2n); // x^1
    table.push(p);
    for (let k = 1n; k < width; k++) table.push((p = multModP(p, p, poly, width)));
    x2nTables.set(algorithm, table);
  }
  // x^(8n) mod P.
  let xn = 1n << (width - 1n);
  let n = BigInt(secondLength);
  let k = 3;
  while (n > 0n) {
    if (n & 1n) xn = multModP(table[k % Number(width)]!, xn, poly, width);
    n >>= 1n;
    k++;
  }
  const bytes = Number(width / 8n);
  const a = BigInt(`0x${first.toString('hex')}`);
  const b = BigInt(`0x${second.toString('hex')}`);
  return Buffer.from((multModP(xn, a, poly, width) ^ b).toString(16).padStart(bytes * 2, '0'), 'hex');
}
