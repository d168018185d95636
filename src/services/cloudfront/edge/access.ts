/**
 * Who may be served, decided before any function runs: geographic restrictions and signed URLs
 * or cookies (cache behaviors with TrustedKeyGroups, or the legacy TrustedSigners).
 *
 * Geo: CloudFront maps the viewer's IP to a country with a GeoIP database; Stratus has none, so
 * the viewer's country is the `x-stratus-viewer-country` request header (two letters), else
 * `services.cloudfront.viewerCountry`, else unknown. An unknown country is served, as CloudFront
 * serves viewers it cannot locate.
 *
 * Signed requests: the Key-Pair-Id, Signature and either Expires (canned policy) or Policy (custom)
 * come from the query string, or else from the CloudFront-* cookies. Policies and signatures use
 * CloudFront's base64 variant (+ = / written - _ ~); the signature is RSA-SHA1 over the policy
 * text; a canned policy is rebuilt from the URL the viewer asked for. Conditions (DateLessThan,
 * DateGreaterThan, IpAddress) are read against the platform clock and the viewer's address.
 */
import { verify, type KeyObject } from 'node:crypto';
import { isIP } from 'node:net';
import type { EdgeResponse } from './events.js';

export const VIEWER_COUNTRY_HEADER = 'x-stratus-viewer-country';
export const GEO_BLOCKED = 'The Amazon CloudFront distribution is configured to block access from your country.';

/** Whether the geo restriction refuses a viewer of this country (undefined: unknown, served). */
export function geoBlocked(restriction: { RestrictionType?: string; Items?: string[] } | undefined, country: string | undefined): boolean {
  if (!restriction || restriction.RestrictionType === 'none' || !country) return false;
  const listed = (restriction.Items ?? []).includes(country.toUpperCase());
  return restriction.RestrictionType === 'whitelist' ? !listed : listed;
}

/** CloudFront's XML answer to a request a signed URL or cookie does not let in. */
export function accessDenied(code: string, message: string): EdgeResponse {
  const body = `<?xml version="1.0" encoding="UTF-8"?><Error><Code>${code}</Code><Message>${message}</Message></Error>`;
  return { status: 403, headers: { 'content-type': 'text/xml', server: 'CloudFront' }, body: Buffer.from(body) };
}

const SIGNING_PARAMS = new Set(['Expires', 'Policy', 'Signature', 'Key-Pair-Id']);

/** CloudFront's base64 variant back to base64. */
const fromCloudFrontBase64 = (s: string): Buffer => Buffer.from(s.replace(/-/g, '+').replace(/_/g, '=').replace(/~/g, '/'), 'base64');

function cookies(header: string | undefined): Map<string, string> {
  const out = new Map<string, string>();
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0) out.set(part.slice(0, eq).trim(), part.slice(eq + 1).trim());
  }
  return out;
}

export interface SignedRequest {
  rawPath: string;
  rawQuery: string;
  cookieHeader: string | undefined;
  clientIp: string;
  /** The host names the viewer may have signed for: the distribution's domain, its aliases, the Host sent. */
  hosts: readonly string[];
  nowSeconds: number;
}

/** undefined when the request may be served; else CloudFront's 403. `publicKey` gives a trusted key by id. */
export async function checkSigned(r: SignedRequest, publicKey: (id: string) => Promise<KeyObject | undefined>): Promise<EdgeResponse | undefined> {
  const raw = r.rawQuery === '' ? [] : r.rawQuery.split('&');
  const pairs = raw.map((p) => {
    const eq = p.indexOf('=');
    return [eq < 0 ? p : p.slice(0, eq), eq < 0 ? '' : p.slice(eq + 1)] as const;
  });
  const fromQuery = pairs.some(([k]) => SIGNING_PARAMS.has(k));
  const jar = cookies(r.cookieHeader);
  const get = (name: string): string | undefined => {
    if (fromQuery) {
      const v = pairs.find(([k]) => k === name)?.[1];
      return v === undefined ? undefined : decodeURIComponent(v);
    }
    return jar.get(`CloudFront-${name}`);
  };
  const keyId = get('Key-Pair-Id');
  if (!keyId) return accessDenied('MissingKey', 'Missing Key-Pair-Id query parameter or cookie value');
  const key = await publicKey(keyId);
  if (!key) return accessDenied('InvalidKey', 'Unknown Key');
  const signature = get('Signature');
  if (!signature) return accessDenied('MissingSignature', 'Missing Signature query parameter or cookie value');
  const sig = fromCloudFrontBase64(signature);
  // The URL signed is the one asked for without the signing parameters.
  const rest = raw.filter((_p, i) => !SIGNING_PARAMS.has(pairs[i]![0]));
  const urls = resourceUrls(r.hosts, r.rawPath, rest.join('&'));

  const policyText = get('Policy');
  let statement: any;
  if (policyText) {
    const text = fromCloudFrontBase64(policyText);
    if (!verify('sha1', text, key, sig)) return accessDenied('AccessDenied', 'Access denied');
    try {
      statement = (JSON.parse(text.toString('utf8')) as { Statement?: unknown[] }).Statement?.[0];
    } catch {
      statement = undefined;
    }
    if (!statement || typeof statement !== 'object') return accessDenied('MalformedPolicy', 'Malformed Policy');
  } else {
    const expires = get('Expires');
    if (!expires || !/^\d+$/.test(expires)) return accessDenied('MissingPolicy', 'Missing Policy query parameter or cookie value');
    const signedUrl = urls.find((url) => verify('sha1', Buffer.from(cannedPolicy(url, expires)), key, sig));
    if (!signedUrl) return accessDenied('AccessDenied', 'Access denied');
    statement = { Resource: signedUrl, Condition: { DateLessThan: { 'AWS:EpochTime': Number(expires) } } };
  }
  return allows(statement, urls, r) ? undefined : accessDenied('AccessDenied', 'Access denied');
}

/** The canned policy CloudFront signs for a URL and an expiry (no whitespace, this key order). */
export function cannedPolicy(url: string, expires: string | number): string {
  return `{"Statement":[{"Resource":"${url}","Condition":{"DateLessThan":{"AWS:EpochTime":${expires}}}}]}`;
}

function resourceUrls(hosts: readonly string[], rawPath: string, query: string): string[] {
  const out: string[] = [];
  for (const scheme of ['https', 'http']) for (const host of hosts) out.push(`${scheme}://${host}${rawPath}${query ? `?${query}` : ''}`);
  return out;
}

/** Whether a policy statement lets this request in: its resource (with * and ? wildcards) and conditions. */
function allows(statement: any, urls: string[], r: SignedRequest): boolean {
  const resource = statement.Resource;
  if (resource !== undefined) {
    if (typeof resource !== 'string') return false;
    const pattern = new RegExp('^' + resource.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.') + '$');
    if (!urls.some((u) => pattern.test(u))) return false;
  }
  const c = statement.Condition ?? {};
  const before = Number(c.DateLessThan?.['AWS:EpochTime']);
  if (!Number.isFinite(before) || r.nowSeconds >= before) return false;
  const after = c.DateGreaterThan?.['AWS:EpochTime'];
  if (after !== undefined && !(r.nowSeconds > Number(after))) return false;
  const cidr = c.IpAddress?.['AWS:SourceIp'];
  if (cidr !== undefined && !inCidr(r.clientIp, String(cidr))) return false;
  return true;
}

/** Whether an IPv4 or IPv6 address is within a CIDR block (a bare address is a /32 or /128). */
export function inCidr(ip: string, cidr: string): boolean {
  const [base, bitsText] = cidr.split('/');
  const family = isIP(base ?? '');
  const addr = ip.replace(/^::ffff:(?=\d+\.)/, '');
  if (family === 0 || isIP(addr) !== family) return false;
  const width = family === 4 ? 32 : 128;
  const bits = bitsText === undefined ? width : Number(bitsText);
  if (!Number.isInteger(bits) || bits < 0 || bits > width) return false;
  const a = toBigInt(addr, family);
  const b = toBigInt(base!, family);
  const mask = bits === 0 ? 0n : ((1n << BigInt(bits)) - 1n) << BigInt(width - bits);
  return (a & mask) === (b & mask);
}

function toBigInt(ip: string, family: number): bigint {
  if (family === 4) return ip.split('.').reduce((n, o) => (n << 8n) | BigInt(Number(o)), 0n);
  const [head, tail] = ip.split('::') as [string, string | undefined];
  const h = head ? head.split(':') : [];
  const t = tail ? tail.split(':') : [];
  const groups = tail === undefined ? h : [...h, ...Array(8 - h.length - t.length).fill('0'), ...t];
  return groups.reduce((n, g) => (n << 16n) | BigInt(parseInt(g || '0', 16)), 0n);
}
