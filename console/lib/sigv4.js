/**
 * AWS Signature Version 4 in the browser, on WebCrypto (crypto.subtle's HMAC-SHA256 and SHA-256):
 * the console signs its calls like any SDK, so `--auth strict` verifies them like any other client's.
 * Also runs under Node (globalThis.crypto), where test/console/sigv4.test.ts checks it against
 * @smithy/signature-v4.
 */

const encoder = new TextEncoder();
const subtle = globalThis.crypto.subtle;

const hex = (buf) => Array.from(new Uint8Array(buf), (b) => b.toString(16).padStart(2, '0')).join('');
const bytes = (data) => (typeof data === 'string' ? encoder.encode(data) : data ?? new Uint8Array());

export async function sha256Hex(data) {
  return hex(await subtle.digest('SHA-256', bytes(data)));
}

const hmacKey = (raw) => subtle.importKey('raw', typeof raw === 'string' ? encoder.encode(raw) : raw, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);

async function hmac(key, data) {
  return subtle.sign('HMAC', key instanceof CryptoKey ? key : await hmacKey(key), encoder.encode(data));
}

/** AWS's URI encoding: all but A-Z a-z 0-9 - _ . ~ percent-encoded with upper-case hex. */
export function uriEncode(text) {
  return encodeURIComponent(text).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** Signing names whose canonical path is the path as sent (S3); every other service encodes each segment again. */
const RAW_PATH = new Set(['s3']);

function canonicalPath(path, service) {
  if (RAW_PATH.has(service)) return path || '/';
  return path
    .split('/')
    .map((seg) => uriEncode(seg))
    .join('/') || '/';
}

/** `query` is [[name, value], ...] (decoded text); sorted by encoded name then value. */
function canonicalQuery(query) {
  return query
    .map(([k, v]) => [uriEncode(k), uriEncode(v)])
    .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0))
    .map(([k, v]) => `${k}=${v}`)
    .join('&');
}

const keys = new Map();

/** The derived signing key of one day, region and service, imported once (four HMACs and an import saved per call). */
async function signingKey(secret, date, region, service) {
  const id = `${secret}\n${date}\n${region}\n${service}`;
  let key = keys.get(id);
  if (!key) {
    key = hmacKey(await hmac(await hmac(await hmac(await hmac(`AWS4${secret}`, date), region), service), 'aws4_request'));
    if (keys.size > 32) keys.clear();
    keys.set(id, key);
  }
  return key;
}

/**
 * The headers to add to a request so that it is signed: x-amz-date, x-amz-content-sha256,
 * x-amz-security-token (with a session token) and authorization. `path` is the path as it will be
 * sent (already percent-encoded), `query` the decoded [name, value] pairs, `headers` lower-case
 * names (host included: the browser sends location.host).
 */
export async function signRequest({ method, host, path, query = [], headers = {}, body, service, region, credentials, now = new Date() }) {
  const amzDate = now.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
  const date = amzDate.slice(0, 8);
  const payloadHash = await sha256Hex(body);
  const added = { 'x-amz-date': amzDate, 'x-amz-content-sha256': payloadHash };
  if (credentials.sessionToken) added['x-amz-security-token'] = credentials.sessionToken;
  const all = { ...Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), String(v)])), host, ...added };
  const names = Object.keys(all).sort();
  const canonicalHeaders = names.map((n) => `${n}:${all[n].replace(/\s+/g, ' ').trim()}\n`).join('');
  const signedHeaders = names.join(';');
  const canonicalRequest = [method, canonicalPath(path, service), canonicalQuery(query), canonicalHeaders, signedHeaders, payloadHash].join('\n');
  const scope = `${date}/${region}/${service}/aws4_request`;
  const stringToSign = ['AWS4-HMAC-SHA256', amzDate, scope, await sha256Hex(canonicalRequest)].join('\n');
  const signature = hex(await hmac(await signingKey(credentials.secretAccessKey, date, region, service), stringToSign));
  return {
    ...added,
    authorization: `AWS4-HMAC-SHA256 Credential=${credentials.accessKeyId}/${scope}, SignedHeaders=${signedHeaders}, Signature=${signature}`,
  };
}
