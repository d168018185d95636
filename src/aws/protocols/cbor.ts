/**
 * CBOR (RFC 8949) for the awsJson protocols' `application/x-amz-cbor-1.1` variant, which the AWS SDK
 * for Java sends to Kinesis by default (and the KCL with it): the same documents as JSON, with blobs as
 * byte strings and timestamps as tag 1 over epoch milliseconds (the SDK's own convention). Decoding
 * takes definite and indefinite lengths (Jackson writes maps and arrays of unknown size indefinitely);
 * values come out native (Buffer, Date), as serviceClient's inputs are.
 */
import type { ServiceIndex } from '../service-index.js';
import { serializationError } from '../validate.js';

export const CBOR_CONTENT_TYPE = 'application/x-amz-cbor-1.1';

export function isCbor(contentType: string | undefined): boolean {
  return contentType !== undefined && contentType.toLowerCase().startsWith(CBOR_CONTENT_TYPE);
}

const BREAK = Symbol('break');

class Reader {
  private at = 0;
  constructor(private readonly buf: Buffer) {}

  done(): boolean {
    return this.at >= this.buf.length;
  }

  private need(n: number): void {
    if (this.at + n > this.buf.length) throw serializationError('Unexpected end of CBOR input');
  }

  private length(info: number): number | undefined {
    if (info < 24) return info;
    if (info === 31) return undefined;
    const size = info === 24 ? 1 : info === 25 ? 2 : info === 26 ? 4 : info === 27 ? 8 : 0;
    if (size === 0) throw serializationError('Invalid CBOR length');
    this.need(size);
    let n: number;
    if (size === 1) n = this.buf.readUInt8(this.at);
    else if (size === 2) n = this.buf.readUInt16BE(this.at);
    else if (size === 4) n = this.buf.readUInt32BE(this.at);
    else n = Number(this.buf.readBigUInt64BE(this.at));
    this.at += size;
    return n;
  }

  value(): unknown {
    this.need(1);
    const first = this.buf[this.at++]!;
    const major = first >> 5;
    const info = first & 31;
    switch (major) {
      case 0:
        return this.length(info) ?? 0;
      case 1:
        return -1 - (this.length(info) ?? 0);
      case 2:
      case 3: {
        const n = this.length(info);
        let bytes: Buffer;
        if (n === undefined) {
          const parts: Buffer[] = [];
          for (let part = this.value(); part !== BREAK; part = this.value()) parts.push(Buffer.isBuffer(part) ? part : Buffer.from(String(part), 'utf8'));
          bytes = Buffer.concat(parts);
        } else {
          this.need(n);
          bytes = this.buf.subarray(this.at, this.at + n);
          this.at += n;
        }
        return major === 2 ? Buffer.from(bytes) : bytes.toString('utf8');
      }
      case 4: {
        const n = this.length(info);
        const out: unknown[] = [];
        if (n === undefined) for (let v = this.value(); v !== BREAK; v = this.value()) out.push(v);
        else for (let i = 0; i < n; i++) out.push(this.value());
        return out;
      }
      case 5: {
        const n = this.length(info);
        const out: Record<string, unknown> = {};
        for (let i = 0; n === undefined || i < n; i++) {
          const k = this.value();
          if (k === BREAK) break;
          out[String(k)] = this.value();
        }
        return out;
      }
      case 6: {
        const t = this.length(info);
        const v = this.value();
        // Tag 1: a time; the Java SDK writes epoch milliseconds.
        return t === 1 && typeof v === 'number' ? new Date(v) : v;
      }
      default: {
        if (info === 20) return false;
        if (info === 21) return true;
        if (info === 22 || info === 23) return null;
        if (info === 31) return BREAK;
        if (info === 25) {
          this.need(2);
          const half = this.buf.readUInt16BE(this.at);
          this.at += 2;
          const exp = (half >> 10) & 31;
          const mant = half & 1023;
          const v = exp === 0 ? mant * 2 ** -24 : exp === 31 ? (mant ? NaN : Infinity) : (mant + 1024) * 2 ** (exp - 25);
          return half & 0x8000 ? -v : v;
        }
        if (info === 26) {
          this.need(4);
          const v = this.buf.readFloatBE(this.at);
          this.at += 4;
          return v;
        }
        if (info === 27) {
          this.need(8);
          const v = this.buf.readDoubleBE(this.at);
          this.at += 8;
          return v;
        }
        throw serializationError('Invalid CBOR value');
      }
    }
  }
}

export function decodeCbor(buf: Buffer): unknown {
  if (buf.length === 0) return {};
  const r = new Reader(buf);
  const v = r.value();
  if (v === BREAK || !r.done()) throw serializationError('Invalid CBOR document');
  return v;
}

function head(major: number, n: number): Buffer {
  if (n < 24) return Buffer.from([(major << 5) | n]);
  if (n < 256) return Buffer.from([(major << 5) | 24, n]);
  if (n < 65536) {
    const b = Buffer.alloc(3);
    b[0] = (major << 5) | 25;
    b.writeUInt16BE(n, 1);
    return b;
  }
  if (n < 2 ** 32) {
    const b = Buffer.alloc(5);
    b[0] = (major << 5) | 26;
    b.writeUInt32BE(n, 1);
    return b;
  }
  const b = Buffer.alloc(9);
  b[0] = (major << 5) | 27;
  b.writeBigUInt64BE(BigInt(n), 1);
  return b;
}

function encodeInto(v: unknown, out: Buffer[]): void {
  if (v === null || v === undefined) out.push(Buffer.from([0xf6]));
  else if (typeof v === 'boolean') out.push(Buffer.from([v ? 0xf5 : 0xf4]));
  else if (typeof v === 'number') {
    if (Number.isSafeInteger(v)) out.push(v >= 0 ? head(0, v) : head(1, -1 - v));
    else {
      const b = Buffer.alloc(9);
      b[0] = 0xfb;
      b.writeDoubleBE(v, 1);
      out.push(b);
    }
  } else if (typeof v === 'string') {
    const s = Buffer.from(v, 'utf8');
    out.push(head(3, s.length), s);
  } else if (v instanceof Date) {
    out.push(Buffer.from([0xc1]));
    encodeInto(v.getTime(), out);
  } else if (Buffer.isBuffer(v) || v instanceof Uint8Array) {
    out.push(head(2, v.length), Buffer.from(v));
  } else if (Array.isArray(v)) {
    out.push(head(4, v.length));
    for (const x of v) encodeInto(x, out);
  } else {
    const entries = Object.entries(v as Record<string, unknown>).filter(([, x]) => x !== undefined);
    out.push(head(5, entries.length));
    for (const [k, x] of entries) {
      encodeInto(k, out);
      encodeInto(x, out);
    }
  }
}

export function encodeCbor(v: unknown): Buffer {
  const out: Buffer[] = [];
  encodeInto(v, out);
  return Buffer.concat(out);
}

/** A provider's output as the model's members only, values kept native (Buffer, Date) for CBOR. */
export function toCborValue(index: ServiceIndex, shapeName: string, value: unknown): unknown {
  if (value === undefined || value === null) return undefined;
  if (index.isPlainJson(shapeName)) return value;
  const shape = index.shape(shapeName);
  switch (shape.type) {
    case 'structure': {
      if (shape.document) return value;
      const out: Record<string, unknown> = {};
      for (const [name, ref] of Object.entries(shape.members ?? {})) {
        const v = (value as Record<string, unknown>)[name];
        if (v !== undefined && v !== null) out[name] = toCborValue(index, ref.shape, v);
      }
      return out;
    }
    case 'list':
      return (value as unknown[]).map((v) => toCborValue(index, shape.member!.shape, v));
    case 'map': {
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(value as Record<string, unknown>)) out[k] = toCborValue(index, shape.value!.shape, v);
      return out;
    }
    case 'timestamp':
      return value instanceof Date ? value : new Date(typeof value === 'number' ? value : String(value));
    default:
      return value;
  }
}
