/** RS256 JSON Web Tokens signed with a pool's key, and their verification. */
import { createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto';

export type JsonWebKey = Record<string, string | undefined>;

export interface PoolKey {
  kid: string;
  privatePem: string;
  publicJwk: JsonWebKey;
}

export function newPoolKey(kid: string): PoolKey {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const jwk = publicKey.export({ format: 'jwk' });
  return {
    kid,
    privatePem: privateKey.export({ format: 'pem', type: 'pkcs8' }) as string,
    publicJwk: { alg: 'RS256', e: jwk.e as string, kid, kty: 'RSA', n: jwk.n as string, use: 'sig' },
  };
}

/** Parsed keys, per PEM/JWK object (parsing a PEM on every signature costs more than the signature). */
const privateKeys = new Map<string, KeyObject>();
const publicKeys = new WeakMap<object, KeyObject>();

function privateKeyOf(key: PoolKey): KeyObject {
  let k = privateKeys.get(key.kid);
  if (!k) {
    k = createPrivateKey(key.privatePem);
    privateKeys.set(key.kid, k);
  }
  return k;
}

function publicKeyOf(key: PoolKey): KeyObject {
  let k = publicKeys.get(key.publicJwk);
  if (!k) {
    k = createPublicKey({ key: key.publicJwk as never, format: 'jwk' });
    publicKeys.set(key.publicJwk, k);
  }
  return k;
}

const b64url = (v: unknown): string => Buffer.from(JSON.stringify(v), 'utf8').toString('base64url');

export function signJwt(key: PoolKey, claims: Record<string, unknown>): string {
  const head = `${b64url({ kid: key.kid, alg: 'RS256' })}.${b64url(claims)}`;
  return `${head}.${sign('sha256', Buffer.from(head), privateKeyOf(key)).toString('base64url')}`;
}

/** The header and claims of a token, unverified; undefined when it is not a JWT. */
export function decodeJwt(token: string): { header: Record<string, unknown>; claims: Record<string, unknown> } | undefined {
  const parts = token.split('.');
  if (parts.length !== 3) return undefined;
  try {
    return {
      header: JSON.parse(Buffer.from(parts[0]!, 'base64url').toString('utf8')) as Record<string, unknown>,
      claims: JSON.parse(Buffer.from(parts[1]!, 'base64url').toString('utf8')) as Record<string, unknown>,
    };
  } catch {
    return undefined;
  }
}

/** Whether the token's RS256 signature is the key's. */
export function signatureValid(token: string, key: PoolKey): boolean {
  const parts = token.split('.');
  if (parts.length !== 3) return false;
  return verify('sha256', Buffer.from(`${parts[0]}.${parts[1]}`), publicKeyOf(key), Buffer.from(parts[2]!, 'base64url'));
}
