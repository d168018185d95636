/**
 * Kinesis's shard arithmetic, pure: hash-key ranges (the 128-bit MD5 space split evenly, as AWS and
 * kinesalite lay out a new stream), shard ids, sequence numbers and shard iterators.
 *
 * Sequence numbers are 56-digit decimal strings like AWS's: `49`, the stream's creation time (15
 * digits, ms), the shard's index (9 digits) and the record's counter in its shard (30 digits). They
 * increase within a shard, a child shard's are above its parents', and one names its stream and shard,
 * so a number from another stream or shard is refused as AWS refuses it.
 */
import { createHash } from 'node:crypto';

export const HASH_SPACE = 1n << 128n;
export const MAX_HASH = HASH_SPACE - 1n;

export interface ShardInfo {
  index: number;
  /** Decimal hash keys, inclusive. */
  start: string;
  end: string;
  parent?: number;
  adjacentParent?: number;
  /** Platform ms. */
  created: number;
  /** Platform ms when a split, merge or reshard closed it. */
  closed?: number;
  /** The last counter the shard handed out before it closed (0: none; records are counted from 1). */
  lastCounter?: number;
}

/** `count` shards covering [start, end] evenly: each floor(size / count) wide, the last one to the end. */
export function evenRanges(count: number, start = 0n, end = MAX_HASH): { start: string; end: string }[] {
  const size = (end - start + 1n) / BigInt(count);
  const out: { start: string; end: string }[] = [];
  for (let i = 0; i < count; i++) {
    const s = start + size * BigInt(i);
    const e = i === count - 1 ? end : start + size * BigInt(i + 1) - 1n;
    out.push({ start: s.toString(), end: e.toString() });
  }
  return out;
}

/** The 128-bit hash key of a partition key: its UTF-8 bytes' MD5 as an unsigned big-endian integer. */
export function hashKeyOf(partitionKey: string): bigint {
  return BigInt(`0x${createHash('md5').update(partitionKey, 'utf8').digest('hex')}`);
}

export function shardIdOf(index: number): string {
  return `shardId-${String(index).padStart(12, '0')}`;
}

/** The index a shard id names (`shardId-000000000003`, or AWS's tolerated bare number), or undefined. */
export function shardIndexOf(id: string): number | undefined {
  const m = /^(?:shardId-)?(\d{1,12})$/.exec(id);
  if (!m) return undefined;
  const n = Number(m[1]);
  return Number.isSafeInteger(n) && n <= 2147483647 ? n : undefined;
}

export function sequenceNumber(streamCreated: number, shard: number, counter: number): string {
  return `49${String(streamCreated).padStart(15, '0')}${String(shard).padStart(9, '0')}${String(counter).padStart(30, '0')}`;
}

/** The parts of a sequence number made here, or undefined for any other text. */
export function parseSequenceNumber(seq: string): { streamCreated: number; shard: number; counter: number } | undefined {
  const m = /^49(\d{15})(\d{9})(\d{30})$/.exec(seq);
  if (!m) return undefined;
  const counter = Number(m[3]);
  if (!Number.isSafeInteger(counter)) return undefined;
  return { streamCreated: Number(m[1]), shard: Number(m[2]), counter };
}

/** What a shard iterator carries: where reading resumes (the first counter to read) and when it was issued. */
export interface IteratorState {
  account: string;
  region: string;
  stream: string;
  /** The stream's id: an iterator of a deleted and re-created stream is refused. */
  id: string;
  shard: number;
  counter: number;
  issued: number;
}

const ITERATOR_VERSION = 'AAAAAAAAAAE';

export function encodeIterator(s: IteratorState): string {
  const body = Buffer.from(JSON.stringify([s.account, s.region, s.stream, s.id, s.shard, s.counter, s.issued]), 'utf8').toString('base64');
  return `${ITERATOR_VERSION}${body}`;
}

export function decodeIterator(text: string): IteratorState | undefined {
  if (!text.startsWith(ITERATOR_VERSION)) return undefined;
  try {
    const v = JSON.parse(Buffer.from(text.slice(ITERATOR_VERSION.length), 'base64').toString('utf8')) as unknown;
    if (!Array.isArray(v) || v.length !== 7) return undefined;
    const [account, region, stream, id, shard, counter, issued] = v as unknown[];
    if (typeof account !== 'string' || typeof region !== 'string' || typeof stream !== 'string' || typeof id !== 'string') return undefined;
    if (!Number.isSafeInteger(shard) || !Number.isSafeInteger(counter) || !Number.isSafeInteger(issued)) return undefined;
    return { account, region, stream, id, shard: shard as number, counter: counter as number, issued: issued as number };
  } catch {
    return undefined;
  }
}

/** AWS's way of writing a time in ExpiredIteratorException: `Thu Jan 22 01:22:02 UTC 2015`. */
export function amzUtc(ms: number): string {
  const d = new Date(ms);
  const days = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  const p = (n: number): string => String(n).padStart(2, '0');
  return `${days[d.getUTCDay()]} ${months[d.getUTCMonth()]} ${p(d.getUTCDate())} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())} UTC ${d.getUTCFullYear()}`;
}
