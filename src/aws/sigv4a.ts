/**
 * SigV4A (AWS4-ECDSA-P256-SHA256): the signing key is an ECDSA P-256 key derived from the secret
 * access key, so one signature is good in every region of its region set. The derivation is NIST
 * SP 800-108's KDF in counter mode with HMAC-SHA256 keyed by "AWS4A" + secret, over
 *   0x00000001 || "AWS4-ECDSA-P256-SHA256" || 0x00 || accessKeyId || counter || 0x00000100
 * for counter 1, 2, ... until the 32 bytes read as a number c are at most n - 2 (n the curve's
 * order); the private key is c + 1. The signature is the DER-encoded ECDSA signature (hex) of
 * SHA-256(string to sign); the server checks it with the public key of that private key.
 */
import { createECDH, createHmac, createPublicKey, verify, type KeyObject } from 'node:crypto';

export const ALGORITHM_V4A = 'AWS4-ECDSA-P256-SHA256';

/** The order of P-256 minus 2. */
const N_MINUS_TWO = BigInt('0xffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc63254f');

const cache = new Map<string, KeyObject>();
const CACHE_MAX = 256;

/** The private scalar (32 bytes, big-endian) SigV4A derives for an access key. */
export function sigV4aPrivateKey(accessKeyId: string, secretAccessKey: string): Buffer {
  const hmacKey = Buffer.from('AWS4A' + secretAccessKey, 'utf8');
  for (let counter = 1; counter < 255; counter++) {
    const fixed = Buffer.concat([
      Buffer.from([0, 0, 0, 1]),
      Buffer.from(ALGORITHM_V4A, 'utf8'),
      Buffer.from([0]),
      Buffer.from(accessKeyId, 'utf8'),
      Buffer.from([counter]),
      Buffer.from([0, 0, 1, 0]),
    ]);
    const k = createHmac('sha256', hmacKey).update(fixed).digest();
    const c = BigInt('0x' + k.toString('hex'));
    if (c > N_MINUS_TWO) continue;
    return Buffer.from((c + 1n).toString(16).padStart(64, '0'), 'hex');
  }
  throw new Error('SigV4A: no signing key could be derived');
}

/** The public key that checks SigV4A signatures made with this access key (cached). */
export function sigV4aPublicKey(accessKeyId: string, secretAccessKey: string): KeyObject {
  const cacheKey = `${accessKeyId}\n${secretAccessKey}`;
  const hit = cache.get(cacheKey);
  if (hit) return hit;
  const ecdh = createECDH('prime256v1');
  ecdh.setPrivateKey(sigV4aPrivateKey(accessKeyId, secretAccessKey));
  const point = ecdh.getPublicKey(); // 0x04 || x || y
  const key = createPublicKey({
    key: { kty: 'EC', crv: 'P-256', x: point.subarray(1, 33).toString('base64url'), y: point.subarray(33, 65).toString('base64url') },
    format: 'jwk',
  });
  if (cache.size >= CACHE_MAX) cache.delete(cache.keys().next().value!);
  cache.set(cacheKey, key);
  return key;
}

/** Whether `signatureHex` (DER) is this key's ECDSA signature of SHA-256(stringToSign). */
export function verifySigV4aSignature(stringToSign: string, signatureHex: string, accessKeyId: string, secretAccessKey: string): boolean {
  if (!/^[0-9a-fA-F]+$/.test(signatureHex) || signatureHex.length % 2 !== 0) return false;
  try {
    return verify('sha256', Buffer.from(stringToSign, 'utf8'), { key: sigV4aPublicKey(accessKeyId, secretAccessKey), dsaEncoding: 'der' }, Buffer.from(signatureHex, 'hex'));
  } catch {
    return false;
  }
}
