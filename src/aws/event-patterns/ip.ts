import { isIP } from 'node:net';

/**
 * IP addresses as AWS's rule engine reads them: only text shaped like an IPv4 (four dot-separated digit
 * runs) or IPv6 (hex digits and colons, no embedded IPv4) literal is an address, and Java's address
 * parsing decides the rest, including that an IPv4-mapped IPv6 address (::ffff:a00:1) is the IPv4 one.
 */
export interface IpRange {
  readonly v6: boolean;
  readonly first: bigint;
  readonly last: bigint;
}

/** Why a CIDR of a pattern is refused; AWS reports these without a location. */
export class CidrError extends Error {}

const IPV4_SHAPE = /^[0-9]+\.[0-9]+\.[0-9]+\.[0-9]+$/;
const IPV6_SHAPE = /^[0-9a-fA-F:]*:[0-9a-fA-F:]*$/;

function v6Value(text: string): bigint {
  const [head, tail] = text.split('::') as [string, string | undefined];
  const h = head ? head.split(':') : [];
  const t = tail ? tail.split(':') : [];
  const groups = tail === undefined ? h : [...h, ...Array<string>(8 - h.length - t.length).fill('0'), ...t];
  return groups.reduce((acc, g) => (acc << 16n) | BigInt(parseInt(g, 16)), 0n);
}

/** 'nonstandard' for text not shaped like an address, 'invalid' for a shaped one Java refuses. */
function parseAddress(text: string): { v6: boolean; value: bigint } | 'nonstandard' | 'invalid' {
  if (IPV4_SHAPE.test(text)) {
    if (isIP(text) !== 4) return 'invalid';
    return { v6: false, value: text.split('.').reduce((acc, p) => (acc << 8n) | BigInt(Number(p)), 0n) };
  }
  if (!IPV6_SHAPE.test(text)) return 'nonstandard';
  if (isIP(text) !== 6) return 'invalid';
  const value = v6Value(text);
  if (value >> 32n === 0xffffn) return { v6: false, value: value & 0xffffffffn };
  return { v6: true, value };
}

/** The address an event's string denotes, if any. */
export function ipAddress(text: string): { v6: boolean; value: bigint } | undefined {
  const ip = parseAddress(text);
  return typeof ip === 'string' ? undefined : ip;
}

/** A pattern string that is an IP address matches that address however the event writes it. */
export function ipLiteralRange(text: string): IpRange | undefined {
  const ip = ipAddress(text);
  return ip && { v6: ip.v6, first: ip.value, last: ip.value };
}

/** `{"cidr": "10.0.0.0/24"}`; throws CidrError with AWS's reason. */
export function cidrRange(text: string): IpRange {
  // Java's String.split drops trailing empty parts: "10.0.0.0/" has one part.
  const parts = text.split('/');
  while (parts.length > 0 && parts[parts.length - 1] === '') parts.pop();
  if (parts.length !== 2) throw new CidrError("Malformed CIDR, one '/' required");
  const maskText = parts[1]!;
  const mask = /^[+-]?\d+$/.test(maskText) ? Number(maskText) : NaN;
  if (!Number.isSafeInteger(mask) || mask > 2147483647 || mask < -2147483648) throw new CidrError('Malformed CIDR, mask bits must be an integer');
  if (mask < 0) throw new CidrError('Malformed CIDR, mask bits must not be negative');
  const ip = parseAddress(parts[0]!);
  if (ip === 'nonstandard') throw new CidrError(`Nonstandard IP address: ${parts[0]}`);
  if (ip === 'invalid') throw new CidrError(`Invalid IP address: ${parts[0]}`);
  if (!ip.v6 && mask > 31) throw new CidrError('IPv4 mask bits must be < 32');
  if (ip.v6 && mask > 127) throw new CidrError('IPv6 mask bits must be < 128');
  const hostBits = BigInt((ip.v6 ? 128 : 32) - mask);
  const hostMask = (1n << hostBits) - 1n;
  return { v6: ip.v6, first: ip.value & ~hostMask, last: ip.value | hostMask };
}

export function inIpRange(range: IpRange, text: string): boolean {
  const ip = ipAddress(text);
  return !!ip && ip.v6 === range.v6 && ip.value >= range.first && ip.value <= range.last;
}
