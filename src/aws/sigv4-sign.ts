/**
 * SigV4 signing as SDK clients do it: for calls Stratus makes on a caller's behalf that the target
 * verifies (Step Functions' IAM_ROLE calls to API Gateway), and for raw requests in tests and benches.
 * The canonical request is built by the same functions the verifier uses (sigv4.ts).
 */
import { createHash } from 'node:crypto';
import { ALGORITHM, canonicalPath, canonicalQuery, computeSignature, sha256Hex, signingKey } from './sigv4.js';

export interface SigningCredentials {
  service: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
  /** A temporary credential's session token (sent as x-amz-security-token, signed). */
  sessionToken?: string;
}

/** SigV4 headers (authorization, x-amz-date, x-amz-content-sha256[, x-amz-security-token]) for a request; `headers` are lower-case. */
export function signHeaders(
  cred: SigningCredentials,
  method: string,
  /** The path as sent (percent-encoded), with its query string. */
  path: string,
  headers: Record<string, string>,
  body: Buffer,
  /** The x-amz-content-sha256 to sign instead of the body's hash, e.g. UNSIGNED-PAYLOAD for a streamed body. */
  payloadHash = createHash('sha256').update(body).digest('hex'),
  /** When it is signed (the platform clock's time, where the target checks it against that clock). */
  nowMs = Date.now(),
): Record<string, string> {
  const amzDate = new Date(nowMs).toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
  const date = amzDate.slice(0, 8);
  const added: Record<string, string> = { 'x-amz-date': amzDate, 'x-amz-content-sha256': payloadHash, ...(cred.sessionToken ? { 'x-amz-security-token': cred.sessionToken } : {}) };
  const all: Record<string, string> = { ...headers, ...added };
  const names = Object.keys(all).sort();
  const q = path.indexOf('?');
  const rawPath = q < 0 ? path : path.slice(0, q);
  const rawQuery = q < 0 ? '' : path.slice(q + 1);
  const canonical = [
    method.toUpperCase(),
    canonicalPath(rawPath, cred.service),
    canonicalQuery(rawQuery, false),
    names.map((h) => `${h}:${all[h]!.trim()}\n`).join(''),
    names.join(';'),
    payloadHash,
  ].join('\n');
  const scope = `${date}/${cred.region}/${cred.service}/aws4_request`;
  const toSign = [ALGORITHM, amzDate, scope, sha256Hex(canonical)].join('\n');
  const signature = computeSignature(signingKey(cred.secretAccessKey, date, cred.region, cred.service), toSign);
  return { ...added, authorization: `${ALGORITHM} Credential=${cred.accessKeyId}/${scope}, SignedHeaders=${names.join(';')}, Signature=${signature}` };
}
