/**
 * AWS Signature Version 4: parsing and verification of signed requests, as pure functions over
 * HttpRequest. https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_sigv-create-signed-request.html
 *
 *   const info = parseSigV4(req);            // undefined: not signed; throws AwsError: malformed
 *   if (info) {
 *     switch (checkSigV4Time(info, clock.now())) { ... }            // 'ok' | 'skewed' | 'expired'
 *     if (!verifySigV4(req, info, secret)) throw authError(info.service, 'signature', ...);
 *   }
 *
 * Canonical request as AWS builds it: the path normalised and each segment URI-encoded again
 * (every service but S3, which signs the path as sent), the query sorted by encoded name then
 * value (X-Amz-Signature left out when presigned), the signed headers lower-cased with values
 * trimmed and inner whitespace collapsed (repeated headers joined with ','), and the payload hash
 * from x-amz-content-sha256 when present (UNSIGNED-PAYLOAD, STREAMING-*), else the SHA-256 of the
 * body (S3 presigned URLs: UNSIGNED-PAYLOAD).
 */
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { percentDecode, type HttpRequest } from '../core/http.js';
import { AwsError } from './errors.js';
import { ALGORITHM_V4A, verifySigV4aSignature } from './sigv4a.js';
import { MAX_SKEW_MS, authFamily, malformedSignatureError, parseAmzDate, signatureScopeError, toAmzDate } from './auth-errors.js';

export interface SigV4Info {
  accessKeyId: string;
  /** YYYYMMDD, from the credential scope. */
  date: string;
  region: string;
  /** The signing name in the credential scope (e.g. 'dynamodb', 'states', 's3'). */
  service: string;
  signedHeaders: string[];
  signature: string;
  /** YYYYMMDDTHHMMSSZ: X-Amz-Date, or the Date header converted. */
  amzDate: string;
  presigned: boolean;
  /** X-Amz-Expires of a presigned request. */
  expiresSeconds?: number;
  /** X-Amz-Security-Token, when the credentials are temporary. */
  sessionToken?: string;
  /** SigV4A (AWS4-ECDSA-P256-SHA256): its scope has no region; X-Amz-Region-Set names where it is good. */
  v4a?: { regionSet: string };
}

/**
 * The x-amz-* headers of a presigned request that its X-Amz-SignedHeaders leaves out, which S3
 * refuses. x-amz-content-sha256 may come unsigned (S3 takes it so; its value is part of the
 * canonical request anyway), as may headers outside the x-amz- prefix (x-amzn-trace-id among them).
 */
export function unsignedAmzHeaders(req: Pick<HttpRequest, 'headers'>, info: SigV4Info): string[] {
  const signed = new Set(info.signedHeaders);
  return Object.keys(req.headers).filter((name) => name.startsWith('x-amz-') && name !== 'x-amz-content-sha256' && !signed.has(name));
}

export const ALGORITHM = 'AWS4-HMAC-SHA256';
export const UNSIGNED_PAYLOAD = 'UNSIGNED-PAYLOAD';
/** S3's longest presigned URL lifetime: 7 days. */
export const MAX_PRESIGNED_EXPIRES = 604800;
const EMPTY_SHA256 = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';

/** Signing names whose canonical path is the path as sent (no normalisation, no second encoding). */
const RAW_PATH_SERVICES = new Set(['s3', 's3-object-lambda', 's3express']);

// ---------------------------------------------------------------------------------------------
// Parsing

/**
 * The SigV4 parameters of a request: from the Authorization header, or from the X-Amz-* query
 * parameters of a presigned URL. undefined when the request is not signed at all (no
 * Authorization header and no X-Amz-Credential query parameter). Throws the service's AwsError
 * for a malformed signature. `service` (the Stratus service the request was routed to, when known)
 * picks the error shape before the credential scope has been read.
 */
export function parseSigV4(req: HttpRequest, service?: string): SigV4Info | undefined {
  const auth = req.headers['authorization'];
  if (auth !== undefined && auth.trim() !== '') return parseAuthorizationHeader(req, auth, service);
  const query = parseQuery(req.rawQuery);
  if (query.some(([k]) => k === 'X-Amz-Credential')) return parsePresigned(req, query, service);
  return undefined;
}

function parseAuthorizationHeader(req: HttpRequest, header: string, routed: string | undefined): SigV4Info {
  const trimmed = header.trim();
  const space = trimmed.search(/\s/);
  const scheme = space < 0 ? trimmed : trimmed.slice(0, space);
  const rest = space < 0 ? '' : trimmed.slice(space + 1);

  const v4a = scheme === ALGORITHM_V4A;
  if (scheme !== ALGORITHM && !v4a) {
    if (routed !== undefined && routed === 's3' && scheme === 'AWS') {
      throw malformedSignatureError(routed, 'The authorization mechanism you have provided is not supported. Please use AWS4-HMAC-SHA256.', {
        code: 'InvalidRequest',
        message: 'The authorization mechanism you have provided is not supported. Please use AWS4-HMAC-SHA256.',
      });
    }
    // Anything else (Bearer tokens, SigV2, SigV4a) reads as a SigV4 header missing every part.
    throw malformedSignatureError(routed, missingPartsMessage(['Credential', 'Signature', 'SignedHeaders'], hasDate(req), header), {
      code: 'AuthorizationHeaderMalformed',
      message: 'The authorization header is malformed; the authorization header requires three components: Credential, SignedHeaders, and Signature.',
    });
  }

  const params = new Map<string, string>();
  for (const rawPart of rest.split(',')) {
    const part = rawPart.trim();
    if (part === '') continue;
    const eq = part.indexOf('=');
    if (eq < 0) {
      throw malformedSignatureError(routed, `'${part}' not a valid key=value pair (missing equal-sign) in Authorization header: '${header}'.`, {
        code: 'AuthorizationHeaderMalformed',
        message: 'The authorization header is malformed; the authorization header requires three components: Credential, SignedHeaders, and Signature.',
      });
    }
    params.set(part.slice(0, eq).trim(), part.slice(eq + 1).trim());
  }
  const credential = params.get('Credential');
  const signedHeadersRaw = params.get('SignedHeaders');
  const signature = params.get('Signature');
  const missing = [
    ...(credential ? [] : ['Credential']),
    ...(signature ? [] : ['Signature']),
    ...(signedHeadersRaw ? [] : ['SignedHeaders']),
  ];
  if (missing.length === 0 && !hasDate(req) && authFamily(routed ?? scopeService(credential) ?? '') === 's3') {
    throw new AwsError('AccessDenied', 'AWS authentication requires a valid Date or x-amz-date header', 403);
  }
  if (missing.length > 0 || !hasDate(req)) {
    throw malformedSignatureError(routed ?? scopeService(credential), missingPartsMessage(missing, hasDate(req), header), {
      code: 'AuthorizationHeaderMalformed',
      message: 'The authorization header is malformed; the authorization header requires three components: Credential, SignedHeaders, and Signature.',
    });
  }
  const scope = parseCredential(credential!, routed, v4a);
  const errService = routed ?? scope.service;
  const amzDate = requestDate(req, errService);
  const signedHeaders = signedHeadersRaw!.split(';').map((h) => h.trim().toLowerCase());
  if (!signedHeaders.includes('host') && !signedHeaders.includes(':authority')) {
    throw malformedSignatureError(errService, "'Host' or ':authority' must be a 'SignedHeader' in the AWS Authorization.", {
      code: 'AuthorizationHeaderMalformed',
      message: "The authorization header is malformed; 'Host' must be a 'SignedHeader' in the AWS Authorization.",
    });
  }
  checkScopeDate(scope.date, amzDate, errService);
  // SigV4A: the region set's one region, else (`*`, several) us-east-1 stands for the request's region.
  const regionSet = (req.headers['x-amz-region-set'] ?? '').trim();
  return {
    accessKeyId: scope.accessKeyId,
    date: scope.date,
    region: v4a && /^[a-z0-9-]+$/.test(regionSet) ? regionSet : scope.region,
    service: scope.service,
    signedHeaders,
    signature: signature!,
    amzDate,
    presigned: false,
    ...(req.headers['x-amz-security-token'] !== undefined ? { sessionToken: req.headers['x-amz-security-token'] } : {}),
    ...(v4a ? { v4a: { regionSet: req.headers['x-amz-region-set'] ?? '' } } : {}),
  };
}

function parsePresigned(req: HttpRequest, query: [string, string][], routed: string | undefined): SigV4Info {
  const get = (name: string) => query.find(([k]) => k === name)?.[1];
  const credential = get('X-Amz-Credential')!;
  const scopeGuess = routed ?? scopeService(credential);
  const s3 = scopeGuess !== undefined && RAW_PATH_SERVICES.has(scopeGuess);
  const required = ['X-Amz-Algorithm', 'X-Amz-Credential', 'X-Amz-Signature', 'X-Amz-SignedHeaders', 'X-Amz-Date', ...(s3 ? ['X-Amz-Expires'] : [])];
  const absent = required.filter((n) => !get(n));
  if (absent.length > 0) {
    throw malformedSignatureError(
      scopeGuess,
      absent.map((n) => `AWS query-string parameters must include '${n}'.`).join(' ') + ' Re-examine the query-string parameters.',
      {
        code: 'AuthorizationQueryParametersError',
        message:
          'Query-string authentication version 4 requires the X-Amz-Algorithm, X-Amz-Credential, X-Amz-Signature, X-Amz-Date, X-Amz-SignedHeaders, and X-Amz-Expires parameters.',
      },
    );
  }
  const algorithm = get('X-Amz-Algorithm')!;
  if (algorithm !== ALGORITHM) {
    throw malformedSignatureError(scopeGuess, `Unsupported AWS 'algorithm': '${algorithm}'.`, {
      code: 'AuthorizationQueryParametersError',
      message: 'X-Amz-Algorithm only supports "AWS4-HMAC-SHA256"',
    });
  }
  const scope = parseCredential(credential, routed);
  const errService = routed ?? scope.service;
  const amzDate = get('X-Amz-Date')!;
  if (Number.isNaN(parseAmzDate(amzDate))) throw badDate(amzDate, errService);
  let expiresSeconds: number | undefined;
  const expiresRaw = get('X-Amz-Expires');
  if (expiresRaw !== undefined && expiresRaw !== '') {
    if (!/^-?\d+$/.test(expiresRaw)) {
      throw malformedSignatureError(errService, `X-Amz-Expires should be a number: '${expiresRaw}'.`, {
        code: 'AuthorizationQueryParametersError',
        message: 'X-Amz-Expires should be a number',
      });
    }
    expiresSeconds = Number(expiresRaw);
    if (expiresSeconds < 0) {
      throw malformedSignatureError(errService, 'X-Amz-Expires must be non-negative.', {
        code: 'AuthorizationQueryParametersError',
        message: 'X-Amz-Expires must be non-negative',
      });
    }
    if (expiresSeconds > MAX_PRESIGNED_EXPIRES) {
      throw malformedSignatureError(errService, `X-Amz-Expires must be less than a week (in seconds) that is; ${MAX_PRESIGNED_EXPIRES}.`, {
        code: 'AuthorizationQueryParametersError',
        message: `X-Amz-Expires must be less than a week (in seconds) that is; ${MAX_PRESIGNED_EXPIRES}`,
      });
    }
  }
  const signedHeaders = get('X-Amz-SignedHeaders')!.split(';').map((h) => h.trim().toLowerCase());
  checkScopeDate(scope.date, amzDate, errService);
  const token = get('X-Amz-Security-Token');
  return {
    accessKeyId: scope.accessKeyId,
    date: scope.date,
    region: scope.region,
    service: scope.service,
    signedHeaders,
    signature: get('X-Amz-Signature')!,
    amzDate,
    presigned: true,
    ...(expiresSeconds !== undefined ? { expiresSeconds } : {}),
    ...(token !== undefined ? { sessionToken: token } : {}),
  };
}

function missingPartsMessage(missing: string[], dated: boolean, header: string): string {
  const parts = missing.map((p) => `Authorization header requires '${p}' parameter.`);
  if (!dated) parts.push("Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header.");
  return `${parts.join(' ')} Authorization=${header}`;
}

function hasDate(req: HttpRequest): boolean {
  return !!req.headers['x-amz-date'] || !!req.headers['date'];
}

/** The service named in a credential string, when it has the AKID/date/region/service/aws4_request shape. */
function scopeService(credential: string | undefined): string | undefined {
  const parts = credential?.split('/');
  return parts && parts.length === 5 ? parts[3] : undefined;
}

function parseCredential(credential: string, routed: string | undefined, v4a = false) {
  const parts = credential.split('/');
  // SigV4A's scope has no region: AKID/date/service/aws4_request (the region set is a header).
  if (v4a && parts.length === 4) parts.splice(2, 0, 'us-east-1');
  const errService = routed ?? (parts.length >= 4 ? parts[parts.length - 2] : undefined);
  const s3Malformed = {
    code: 'AuthorizationHeaderMalformed' as const,
    message: 'The authorization header is malformed; the Credential is mal-formed; expecting "<YOUR-AKID>/YYYYMMDD/REGION/SERVICE/aws4_request".',
  };
  const terminator = parts[parts.length - 1] ?? '';
  if (terminator !== 'aws4_request') {
    throw malformedSignatureError(errService, `Credential should be scoped with a valid terminator: 'aws4_request', not '${terminator}'.`, s3Malformed);
  }
  if (parts.length !== 5) {
    throw malformedSignatureError(errService, `Credential should be scoped to a valid region, not '${parts.length >= 3 ? parts[parts.length - 3] : ''}'.`, s3Malformed);
  }
  const [accessKeyId, date, region, service] = parts as [string, string, string, string, string];
  if (accessKeyId === '' || !/^\d{8}$/.test(date)) {
    throw malformedSignatureError(errService, `Credential should be scoped to a valid date, not '${date}'.`, s3Malformed);
  }
  if (region === '') throw malformedSignatureError(errService, "Credential should be scoped to a valid region, not ''.", s3Malformed);
  if (service === '') throw malformedSignatureError(errService, "Credential should be scoped to correct service: ''.", s3Malformed);
  return { accessKeyId, date, region, service };
}

/** The request time as YYYYMMDDTHHMMSSZ, from X-Amz-Date or else the Date header. */
function requestDate(req: HttpRequest, service: string): string {
  const amz = req.headers['x-amz-date'];
  if (amz !== undefined && amz !== '') {
    const v = amz.trim();
    if (Number.isNaN(parseAmzDate(v))) throw badDate(v, service);
    return v;
  }
  const date = (req.headers['date'] ?? '').trim();
  const ms = Date.parse(date);
  if (Number.isNaN(ms)) throw badDate(date, service);
  return toAmzDate(ms);
}

function badDate(value: string, service: string | undefined) {
  return malformedSignatureError(service, `Date must be in ISO-8601 'basic format'. Got '${value}'. See http://en.wikipedia.org/wiki/ISO_8601`, {
    code: 'AuthorizationHeaderMalformed',
    message: `The authorization header is malformed; Invalid date format header, expected to be in ISO8601, RFC1123 or RFC1123Z time format. Got '${value}'.`,
  });
}

function checkScopeDate(scopeDate: string, amzDate: string, service: string): void {
  if (amzDate.slice(0, 8) !== scopeDate) {
    throw signatureScopeError(
      service,
      `Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '${scopeDate}' != '${amzDate.slice(0, 8)}', from '${amzDate}'.`,
      'The authorization header is malformed; Invalid credential date. Date is not the same as X-Amz-Date.',
    );
  }
}

// ---------------------------------------------------------------------------------------------
// Canonical request

/** AWS's URI encoding: everything but A-Z a-z 0-9 - _ . ~ percent-encoded, upper-case hex. */
export function uriEncode(s: string): string {
  return encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** The query string as [name, value] pairs, percent-decoded ('+' is kept as '+'). */
function parseQuery(rawQuery: string): [string, string][] {
  if (rawQuery === '') return [];
  const out: [string, string][] = [];
  for (const pair of rawQuery.split('&')) {
    if (pair === '') continue;
    const eq = pair.indexOf('=');
    const k = eq < 0 ? pair : pair.slice(0, eq);
    const v = eq < 0 ? '' : pair.slice(eq + 1);
    out.push([percentDecode(k), percentDecode(v)]);
  }
  return out;
}

export function canonicalPath(rawPath: string, service: string): string {
  const path = rawPath === '' ? '/' : rawPath;
  if (RAW_PATH_SERVICES.has(service)) return path;
  const segments: string[] = [];
  for (const seg of path.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') segments.pop();
    else segments.push(seg);
  }
  const trailing = segments.length > 0 && path.endsWith('/') ? '/' : '';
  // The path as sent is already encoded once; every segment is encoded again.
  return `/${segments.map(uriEncode).join('/')}${trailing}`;
}

export function canonicalQuery(rawQuery: string, presigned: boolean): string {
  const pairs = parseQuery(rawQuery)
    .filter(([k]) => !(presigned && k === 'X-Amz-Signature'))
    .map(([k, v]) => [uriEncode(k), uriEncode(v)] as const);
  pairs.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0));
  return pairs.map(([k, v]) => `${k}=${v}`).join('&');
}

function normaliseHeaderValue(v: string): string {
  return v.replace(/[\r\n]/g, ' ').replace(/[ \t]+/g, ' ').trim();
}

/** Each header's values in arrival order, by lower-case name (raw headers when available). */
function headerValues(req: HttpRequest): Map<string, string[]> {
  const out = new Map<string, string[]>();
  const raw = (req.raw as { rawHeaders?: unknown } | undefined)?.rawHeaders;
  if (Array.isArray(raw) && raw.length > 0) {
    for (let i = 0; i + 1 < raw.length; i += 2) {
      const name = String(raw[i]).toLowerCase();
      const list = out.get(name) ?? [];
      list.push(String(raw[i + 1]));
      out.set(name, list);
    }
    return out;
  }
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) out.set(name.toLowerCase(), [value]);
  }
  return out;
}

export function canonicalHeaders(req: HttpRequest, signedHeaders: string[]): string {
  const values = headerValues(req);
  return signedHeaders
    .map((name) => `${name}:${(values.get(name) ?? []).map(normaliseHeaderValue).join(',')}\n`)
    .join('');
}

export function sha256Hex(data: string | Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}

/** The payload hashes a request may have been signed with, most likely first. */
function payloadHashes(req: HttpRequest, info: SigV4Info): string[] {
  const header = req.headers['x-amz-content-sha256'];
  if (header !== undefined && header !== '') return [header.trim()];
  if (info.presigned) {
    const q = parseQuery(req.rawQuery).find(([k]) => k === 'X-Amz-Content-Sha256')?.[1];
    if (q !== undefined && q !== '') return [q];
    if (RAW_PATH_SERVICES.has(info.service)) return [UNSIGNED_PAYLOAD];
    // Other presigners (botocore, smithy) hash the (usually empty) body.
    return [bodyHash(req), UNSIGNED_PAYLOAD];
  }
  return [bodyHash(req)];
}

function bodyHash(req: HttpRequest): string {
  return req.body.length === 0 ? EMPTY_SHA256 : sha256Hex(req.body);
}

export function buildCanonicalRequest(req: HttpRequest, info: SigV4Info, payloadHash?: string): string {
  const signed = [...info.signedHeaders].sort();
  return [
    req.method.toUpperCase(),
    canonicalPath(req.signedPath ?? req.rawPath, info.service),
    canonicalQuery(req.rawQuery, info.presigned),
    canonicalHeaders(req, signed),
    signed.join(';'),
    payloadHash ?? payloadHashes(req, info)[0]!,
  ].join('\n');
}

export function buildStringToSign(info: SigV4Info, canonicalRequest: string): string {
  if (info.v4a) return [ALGORITHM_V4A, info.amzDate, `${info.date}/${info.service}/aws4_request`, sha256Hex(canonicalRequest)].join('\n');
  return [ALGORITHM, info.amzDate, `${info.date}/${info.region}/${info.service}/aws4_request`, sha256Hex(canonicalRequest)].join('\n');
}

/**
 * What the server computed for a request, for the error details AWS echoes on a mismatch
 * (authError(service, 'signature', { ...signatureDetails(req, info) })).
 */
export function signatureDetails(req: HttpRequest, info: SigV4Info): { canonicalRequest: string; stringToSign: string } {
  const canonicalRequest = buildCanonicalRequest(req, info);
  return { canonicalRequest, stringToSign: buildStringToSign(info, canonicalRequest) };
}

// ---------------------------------------------------------------------------------------------
// Verification

const KEY_CACHE_MAX = 512;
const keyCache = new Map<string, Buffer>();

/** kSigning = HMAC(HMAC(HMAC(HMAC("AWS4" + secret, date), region), service), "aws4_request"), cached. */
export function signingKey(secretAccessKey: string, date: string, region: string, service: string): Buffer {
  const cacheKey = `${date}\n${region}\n${service}\n${secretAccessKey}`;
  const hit = keyCache.get(cacheKey);
  if (hit) return hit;
  const kDate = createHmac('sha256', `AWS4${secretAccessKey}`).update(date).digest();
  const kRegion = createHmac('sha256', kDate).update(region).digest();
  const kService = createHmac('sha256', kRegion).update(service).digest();
  const key = createHmac('sha256', kService).update('aws4_request').digest();
  if (keyCache.size >= KEY_CACHE_MAX) {
    // Drop the oldest entry (Map keeps insertion order).
    const oldest = keyCache.keys().next().value;
    if (oldest !== undefined) keyCache.delete(oldest);
  }
  keyCache.set(cacheKey, key);
  return key;
}

export function computeSignature(key: Buffer, stringToSign: string): string {
  return createHmac('sha256', key).update(stringToSign).digest('hex');
}

function constantTimeEqualHex(a: string, b: string): boolean {
  const ab = Buffer.from(a, 'utf8');
  const bb = Buffer.from(b, 'utf8');
  if (ab.length !== bb.length) {
    // Still spend the comparison so timing does not reveal the length check alone.
    timingSafeEqual(ab, ab);
    return false;
  }
  return timingSafeEqual(ab, bb);
}

/** A declared x-amz-content-sha256 that is a hash and does not match the body (S3: XAmzContentSHA256Mismatch). */
export function contentSha256Mismatch(req: HttpRequest): { claimed: string; computed: string } | undefined {
  const claimed = req.headers['x-amz-content-sha256']?.trim();
  // A streamed body is not here yet: the server checks it as it is read.
  if (claimed === undefined || !/^[0-9a-fA-F]{64}$/.test(claimed) || req.stream) return undefined;
  const computed = bodyHash(req);
  return claimed.toLowerCase() === computed ? undefined : { claimed, computed };
}

/**
 * True when the request's signature is the one `secretAccessKey` gives. A declared payload hash
 * that does not match the body also makes it false.
 */
export function verifySigV4(req: HttpRequest, info: SigV4Info, secretAccessKey: string): boolean {
  if (contentSha256Mismatch(req)) return false;
  if (info.v4a) {
    // The region set must be signed, and the signature good for one of the payload hashes.
    if (!info.signedHeaders.includes('x-amz-region-set')) return false;
    return payloadHashes(req, info).some((h) =>
      verifySigV4aSignature(buildStringToSign(info, buildCanonicalRequest(req, info, h)), info.signature, info.accessKeyId, secretAccessKey),
    );
  }
  const key = signingKey(secretAccessKey, info.date, info.region, info.service);
  let ok = false;
  for (const payloadHash of payloadHashes(req, info)) {
    const expected = computeSignature(key, buildStringToSign(info, buildCanonicalRequest(req, info, payloadHash)));
    if (constantTimeEqualHex(expected, info.signature.toLowerCase())) ok = true;
  }
  return ok;
}

/**
 * Whether the request time is acceptable at `nowMs`:
 * - header-signed: 'skewed' when X-Amz-Date (or Date) is more than 15 minutes from now;
 * - presigned: 'skewed' when dated more than 15 minutes in the future; 'expired' when past
 *   X-Amz-Date + X-Amz-Expires (S3) or X-Amz-Date + 15 minutes (every other service, which
 *   ignores X-Amz-Expires: aws/aws-sdk-go#2167).
 */
export function checkSigV4Time(info: SigV4Info, nowMs: number): 'ok' | 'skewed' | 'expired' {
  const reqMs = parseAmzDate(info.amzDate);
  if (Number.isNaN(reqMs)) return 'skewed';
  if (!info.presigned) return Math.abs(nowMs - reqMs) > MAX_SKEW_MS ? 'skewed' : 'ok';
  if (reqMs - nowMs > MAX_SKEW_MS) return 'skewed';
  const lifetimeMs = RAW_PATH_SERVICES.has(info.service)
    ? (info.expiresSeconds ?? MAX_PRESIGNED_EXPIRES) * 1000
    : MAX_SKEW_MS;
  return nowMs > reqMs + lifetimeMs ? 'expired' : 'ok';
}
