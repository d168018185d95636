/**
 * Origin access control for Lambda function URL origins: CloudFront signs its request to the URL
 * with SigV4 (service `lambda`) as the distribution's account, so that a URL with AuthType AWS_IAM
 * answers it. Stratus signs with the account's configured credentials, or in open auth with the
 * account id as access key (the key Stratus gives functions for an account without one).
 */
import { toAmzDate } from '../../../aws/auth-errors.js';
import { buildCanonicalRequest, buildStringToSign, computeSignature, sha256Hex, signingKey, type SigV4Info } from '../../../aws/sigv4.js';
import type { HttpRequest } from '../../../core/http.js';
import type { Platform } from '../../service.js';

/** The headers to add to a request to a function URL in `region`, signed for `account`. */
export function signForFunctionUrl(platform: Platform, account: string, region: string, method: string, path: string, query: string, headers: Record<string, string>, body: Buffer): Record<string, string> {
  const known = platform.config.credentials.find((c) => c.accountId === account);
  const accessKeyId = known?.accessKeyId ?? account;
  const secret = known?.secretAccessKey ?? 'test';
  const amzDate = toAmzDate(platform.clock.now());
  const payloadHash = sha256Hex(body);
  const signedHeaders = { ...headers, 'x-amz-date': amzDate, 'x-amz-content-sha256': payloadHash };
  const names = Object.keys(signedHeaders).filter((h) => h === 'host' || h.startsWith('x-amz-')).sort();
  const info: SigV4Info = { accessKeyId, date: amzDate.slice(0, 8), region, service: 'lambda', signedHeaders: names, signature: '', amzDate, presigned: false };
  const req: HttpRequest = { method, rawPath: path, rawQuery: query, headers: signedHeaders, body, raw: { rawHeaders: [], socket: {} } };
  const canonical = buildCanonicalRequest(req, info, payloadHash);
  const signature = computeSignature(signingKey(secret, info.date, region, 'lambda'), buildStringToSign(info, canonical));
  return {
    'x-amz-date': amzDate,
    'x-amz-content-sha256': payloadHash,
    authorization: `AWS4-HMAC-SHA256 Credential=${accessKeyId}/${info.date}/${region}/lambda/aws4_request, SignedHeaders=${names.join(';')}, Signature=${signature}`,
  };
}
