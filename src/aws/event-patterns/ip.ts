import { isIP } from 'node:net';

/** An inclusive range of IPv4 or IPv6 addresses (a CIDR block, or one address). */
export interface IpRange {
  readonly v6: boolean;
  readonly first: bigint;
  readonly last: bigint;
}

/** The address as a number, or undefined when the text is not an IP address. */
function ipValue(text: string): { v6: boolean; value: bigint } | undefined {
  const kind = isIP(text);
  if (kind === 4) return { v6: false, value: text.split('.').reduce((acc, p) => (acc << 8n) | BigInt(Number(p)), 0n) };
  if (kind !== 6) return undefined;
  let t = text;
  // An embedded IPv4 tail (::ffff:1.2.3.4) becomes two hextets.
  const v4 = /(\d+\.\d+\.\d+\.\d+)$/.exec(t);
  if (v4) {
    const n = ipValue(v4[1]!)!.value;
    t = `${t.slice(0, -v4[1]!.length)}${(n >> 16n).toString(16)}:${(n & 0xffffn).toString(16)}`;
  }
  const [head, tail] = t.split('::') as [string, string | undefined];
  const h = head ? head.split(':') : [];
  const tl = tail ? tail.split(':') : [];
  const groups = tail === undefined ? h : [...h, ...Array<string>(8 - h.length - tl.length).fill('0'), ...tl];
  return { v6: true, value: groups.reduce((acc, g) => (acc << 16n) | BigInt(parseInt(g, 16)), 0n) };
}

/** One address as a range, so that `"10.0.0.1"` in a pattern matches the same address written otherwise. */
export function parseIp(text: string): IpRange | undefined {
  const ip = ipValue(text);
  return ip ? { v6: ip.v6, first: ip.value, last: ip.value } : undefined;
}

/** `10.0.0.0/24` or `2001:db8::/32`. */
export function parseCidr(text: string): IpRange | undefined {
  const slash = text.indexOf('/');
  if (slash < 0) return parseIp(text);
  const ip = ipValue(text.slice(0, slash));
  const bitsText = text.slice(slash + 1);
  if (!ip || !/^\d{1,3}$/.test(bitsText)) return undefined;
  const width = ip.v6 ? 128n : 32n;
  const bits = BigInt(bitsText);
  if (bits > width) return undefined;
  const hostMask = (1n << (width - bits)) - 1n;
  return { v6: ip.v6, first: ip.value & ~hostMask, last: (ip.value & ~hostMask) | hostMask };
}

export function inRange(range: IpRange, text: string): boolean {
  const ip = ipValue(text);
  return !!ip && ip.v6 === range.v6 && ip.value >= range.first && ip.value <= range.last;
}
