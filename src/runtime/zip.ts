/**
 * A small zip reader (and writer, for tests and tools): reads the central directory, inflates
 * entries with node:zlib. Supports stored (0) and deflate (8) entries, zip64 sizes, Unix modes.
 */
import { inflateRawSync, deflateRawSync, crc32 as zlibCrc32 } from 'node:zlib';

export interface ZipEntry {
  name: string;
  /** Unix mode bits when the archive was made on Unix (0 when unknown). */
  mode: number;
  isDirectory: boolean;
  compressedSize: number;
  size: number;
  method: number;
  localHeaderOffset: number;
}

export class ZipError extends Error {}

const EOCD_SIG = 0x06054b50;
const CEN_SIG = 0x02014b50;
const LOC_SIG = 0x04034b50;
const EOCD64_LOCATOR_SIG = 0x07064b50;
const EOCD64_SIG = 0x06064b50;

/** Lists the entries of a zip archive (throws ZipError when it is not a readable zip). */
export function listZip(buf: Buffer): ZipEntry[] {
  if (buf.length < 22) throw new ZipError('not a zip archive');
  let eocd = -1;
  const minPos = Math.max(0, buf.length - 22 - 0xffff);
  for (let i = buf.length - 22; i >= minPos; i--) {
    if (buf.readUInt32LE(i) === EOCD_SIG) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new ZipError('end of central directory not found');
  let count = buf.readUInt16LE(eocd + 10);
  let cdSize = buf.readUInt32LE(eocd + 12);
  let cdOffset = buf.readUInt32LE(eocd + 16);
  if ((count === 0xffff || cdOffset === 0xffffffff) && eocd >= 20 && buf.readUInt32LE(eocd - 20) === EOCD64_LOCATOR_SIG) {
    const off64 = Number(buf.readBigUInt64LE(eocd - 12));
    if (off64 + 56 > buf.length || buf.readUInt32LE(off64) !== EOCD64_SIG) throw new ZipError('bad zip64 end record');
    count = Number(buf.readBigUInt64LE(off64 + 32));
    cdSize = Number(buf.readBigUInt64LE(off64 + 40));
    cdOffset = Number(buf.readBigUInt64LE(off64 + 48));
  }
  if (cdOffset + cdSize > buf.length) throw new ZipError('central directory out of range');
  const entries: ZipEntry[] = [];
  let p = cdOffset;
  for (let n = 0; n < count; n++) {
    if (p + 46 > buf.length || buf.readUInt32LE(p) !== CEN_SIG) throw new ZipError('bad central directory entry');
    const madeBy = buf.readUInt16LE(p + 4) >> 8;
    const flags = buf.readUInt16LE(p + 8);
    const method = buf.readUInt16LE(p + 10);
    let compressedSize = buf.readUInt32LE(p + 20);
    let size = buf.readUInt32LE(p + 24);
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    const external = buf.readUInt32LE(p + 38);
    let localHeaderOffset = buf.readUInt32LE(p + 42);
    const name = buf.toString(flags & 0x800 ? 'utf8' : 'latin1', p + 46, p + 46 + nameLen);
    // zip64 extra field
    let e = p + 46 + nameLen;
    const extraEnd = e + extraLen;
    while (e + 4 <= extraEnd) {
      const id = buf.readUInt16LE(e);
      const len = buf.readUInt16LE(e + 2);
      if (id === 0x0001) {
        let q = e + 4;
        if (size === 0xffffffff) {
          size = Number(buf.readBigUInt64LE(q));
          q += 8;
        }
        if (compressedSize === 0xffffffff) {
          compressedSize = Number(buf.readBigUInt64LE(q));
          q += 8;
        }
        if (localHeaderOffset === 0xffffffff) localHeaderOffset = Number(buf.readBigUInt64LE(q));
      }
      e += 4 + len;
    }
    const mode = madeBy === 3 ? external >>> 16 : 0;
    entries.push({
      name,
      mode,
      isDirectory: name.endsWith('/') || (mode & 0o170000) === 0o040000,
      compressedSize,
      size,
      method,
      localHeaderOffset,
    });
    p = extraEnd + commentLen;
  }
  return entries;
}

/** The uncompressed content of one entry. */
export function readZipEntry(buf: Buffer, entry: ZipEntry): Buffer {
  const p = entry.localHeaderOffset;
  if (p + 30 > buf.length || buf.readUInt32LE(p) !== LOC_SIG) throw new ZipError(`bad local header for ${entry.name}`);
  const start = p + 30 + buf.readUInt16LE(p + 26) + buf.readUInt16LE(p + 28);
  const end = start + entry.compressedSize;
  if (end > buf.length) throw new ZipError(`entry ${entry.name} out of range`);
  const raw = buf.subarray(start, end);
  if (entry.method === 0) return Buffer.from(raw);
  if (entry.method === 8) {
    try {
      return inflateRawSync(raw, { maxOutputLength: Math.max(entry.size, 1) });
    } catch (e) {
      throw new ZipError(`cannot inflate ${entry.name}: ${(e as Error).message}`);
    }
  }
  throw new ZipError(`unsupported compression method ${entry.method} for ${entry.name}`);
}

/** A safe relative path for an entry, or undefined if it escapes the target directory. */
export function safeEntryPath(name: string): string | undefined {
  const parts = name.replace(/\\/g, '/').split('/').filter((s) => s !== '' && s !== '.');
  if (parts.some((s) => s === '..') || parts.length === 0) return undefined;
  return parts.join('/');
}

/** Builds a zip (deflated entries, Unix modes). Used by tests, benches and tools. */
export function createZip(files: Record<string, string | Buffer | { data: string | Buffer; mode: number }>): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, spec] of Object.entries(files)) {
    const { data, mode } =
      typeof spec === 'string' || Buffer.isBuffer(spec) ? { data: spec, mode: 0o644 } : spec;
    const content = Buffer.isBuffer(data) ? data : Buffer.from(data);
    const compressed = deflateRawSync(content);
    const crc = zlibCrc32(content) >>> 0;
    const nameBuf = Buffer.from(name, 'utf8');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(LOC_SIG, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x800, 6);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(compressed.length, 18);
    local.writeUInt32LE(content.length, 22);
    local.writeUInt16LE(nameBuf.length, 26);
    locals.push(local, nameBuf, compressed);
    const cen = Buffer.alloc(46);
    cen.writeUInt32LE(CEN_SIG, 0);
    cen.writeUInt16LE((3 << 8) | 20, 4);
    cen.writeUInt16LE(20, 6);
    cen.writeUInt16LE(0x800, 8);
    cen.writeUInt16LE(8, 10);
    cen.writeUInt32LE(crc, 16);
    cen.writeUInt32LE(compressed.length, 20);
    cen.writeUInt32LE(content.length, 24);
    cen.writeUInt16LE(nameBuf.length, 28);
    cen.writeUInt32LE(((0o100000 | mode) << 16) >>> 0, 38);
    cen.writeUInt32LE(offset, 42);
    centrals.push(cen, nameBuf);
    offset += 30 + nameBuf.length + compressed.length;
  }
  const cd = Buffer.concat(centrals);
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(EOCD_SIG, 0);
  const count = Object.keys(files).length;
  eocd.writeUInt16LE(count, 8);
  eocd.writeUInt16LE(count, 10);
  eocd.writeUInt32LE(cd.length, 12);
  eocd.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, eocd]);
}
