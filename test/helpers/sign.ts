/**
 * SigV4 signing as SDK clients do it, for raw requests in tests and benches (the load generator
 * signs its request pool with it).
 */
import { createHash, createHmac } from 'node:crypto';

export interface SigningCredentials {
  service: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
}

const keyCache = new Map<string, Buffer>();

/** SigV4 headers (authorization, x-amz-date, x-amz-content-sha256) for a request; `headers` are lower-case. */
export function signHeaders(
  cred: SigningCredentials,
  method: string,
  path: string,
  headers: Record<string, string>,
  body: Buffer,
  /** The x-amz-content-sha256 to sign instead of the body's hash, e.g. UNSIGNED-PAYLOAD for a streamed body. */
  payloadHash = createHash('sha256').update(body).digest('hex'),
): Record<string, string> {
  const amzDate = new Date().toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
  const date = amzDate.slice(0, 8);
  const all: Record<string, string> = { ...headers, 'x-amz-date': amzDate, 'x-amz-content-sha256': payloadHash };
  const names = Object.keys(all).sort();
  const [rawPath, rawQuery = ''] = path.split('?', 2) as [string, string?];
  const query = rawQuery.split('&').filter(Boolean).sort().join('&');
  const canonical = [method, rawPath, query, names.map((h) => `${h}:${all[h]!.trim()}\n`).join(''), names.join(';'), payloadHash].join('\n');
  const scope = `${date}/${cred.region}/${cred.service}/aws4_request`;
  const toSign = ['AWS4-HMAC-SHA256', amzDate, scope, createHash('sha256').update(canonical).digest('hex')].join('\n');
  const cacheKey = `${cred.secretAccessKey}/${scope}`;
  let key = keyCache.get(cacheKey);
  if (!key) {
    const h = (k: string | Buffer, d: string): Buffer => createHmac('sha256', k).update(d).digest();
    key = h(h(h(h(`AWS4${cred.secretAccessKey}`, date), cred.region), cred.service), 'aws4_request');
    keyCache.set(cacheKey, key);
  }
  const signature = createHmac('sha256', key).update(toSign).digest('hex');
  return {
    'x-amz-date': amzDate,
    'x-amz-content-sha256': payloadHash,
    authorization: `AWS4-HMAC-SHA256 Credential=${cred.accessKeyId}/${scope}, SignedHeaders=${names.join(';')}, Signature=${signature}`,
  };
}

/** Every header of a signed awsJson 1.0 request (POST /) to `host` (host:port), for raw calls. */
export function signedJsonHeaders(cred: SigningCredentials, host: string, target: string, body: string | Buffer): Record<string, string> {
  const headers = { host, 'content-type': 'application/x-amz-json-1.0', 'x-amz-target': target };
  return { ...headers, ...signHeaders(cred, 'POST', '/', headers, Buffer.isBuffer(body) ? body : Buffer.from(body)) };
}

/** The test credentials signing DynamoDB requests in us-east-1. */
export const DYNAMODB_TEST_SIGNER: SigningCredentials = { service: 'dynamodb', region: 'us-east-1', accessKeyId: 'test', secretAccessKey: 'test' };
