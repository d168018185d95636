/**
 * SRP-6a as Cognito runs it with amazon-cognito-identity-js and Amplify: the 3072-bit group of
 * RFC 3526 (the same prime as Node's `modp15`), g = 2, k = H(N | g), SHA-256, hex values padded the
 * way the client's `padHex` pads them (even length, a leading 00 when the top bit is set), and the
 * password key derived with HKDF ("Caldera Derived Key"). The server keeps, per user, a salt and the
 * verifier v = g^x computed when the password is set; it never needs the password to run the exchange.
 */
import { createDiffieHellman, createHash, createHmac, getDiffieHellman, randomBytes } from 'node:crypto';

const PRIME = getDiffieHellman('modp15').getPrime();
export const N = BigInt('0x' + PRIME.toString('hex'));
export const g = 2n;

/** The client's padHex: hex of a non-negative integer, even length, 00 in front when the first nibble is 8-f. */
export function padHex(n: bigint): string {
  let h = n.toString(16);
  if (h.length % 2 === 1) h = '0' + h;
  else if ('89abcdef'.includes(h[0]!)) h = '00' + h;
  return h;
}

/** SHA-256 of a hex string's bytes, as 64 hex digits. */
export function hexHash(hex: string): string {
  return createHash('sha256').update(Buffer.from(hex, 'hex')).digest('hex');
}

/** SHA-256 of a text's UTF-8 bytes, as 64 hex digits. */
export function textHash(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

export const k = BigInt('0x' + hexHash(padHex(N) + padHex(g)));

function bytes(n: bigint): Buffer {
  const h = n.toString(16);
  return Buffer.from(h.length % 2 ? '0' + h : h, 'hex');
}

/**
 * base^exp mod m. Modulo N it runs in OpenSSL (a Diffie-Hellman "secret" is exactly other^private
 * mod p), ten times faster than BigInt; OpenSSL refuses bases of 0, 1 and p - 1, which go the slow way.
 */
export function modPow(base: bigint, exp: bigint, mod: bigint): bigint {
  const b = ((base % mod) + mod) % mod;
  if (mod === N && b > 1n && b < N - 1n && exp > 0n) {
    try {
      const dh = createDiffieHellman(PRIME, Buffer.from([2]));
      dh.setPrivateKey(bytes(exp));
      return BigInt('0x' + dh.computeSecret(bytes(b)).toString('hex'));
    } catch {
      // the BigInt way below
    }
  }
  return slowModPow(b, exp, mod);
}

function slowModPow(base: bigint, exp: bigint, mod: bigint): bigint {
  let result = 1n;
  let b = ((base % mod) + mod) % mod;
  let e = exp;
  while (e > 0n) {
    if (e & 1n) result = (result * b) % mod;
    e >>= 1n;
    b = (b * b) % mod;
  }
  return result;
}

/** The pool name in the password hash: the part of the pool id after its underscore. */
export function poolNameOf(userPoolId: string): string {
  return userPoolId.slice(userPoolId.indexOf('_') + 1);
}

/** x = H(padHex(salt) | H(poolName | username | ":" | password)). */
export function privateKeyX(poolName: string, username: string, password: string, saltHex: string): bigint {
  const inner = textHash(`${poolName}${username}:${password}`);
  return BigInt('0x' + hexHash(padHex(BigInt('0x' + saltHex)) + inner));
}

/** A new salt and the verifier for a password (computed whenever a password is set). */
export function makeVerifier(poolName: string, username: string, password: string): { salt: string; verifier: string } {
  const salt = randomBytes(16).toString('hex');
  const x = privateKeyX(poolName, username, password, salt);
  return { salt, verifier: modPow(g, x, N).toString(16) };
}

/** The server's ephemeral pair: b random, B = k v + g^b mod N. */
export function serverEphemeral(verifierHex: string): { b: string; B: string } {
  const v = BigInt('0x' + verifierHex);
  for (;;) {
    const b = BigInt('0x' + randomBytes(128).toString('hex'));
    const B = (k * v + modPow(g, b, N)) % N;
    if (B % N !== 0n) return { b: b.toString(16), B: B.toString(16) };
  }
}

export function scramble(A: bigint, B: bigint): bigint {
  return BigInt('0x' + hexHash(padHex(A) + padHex(B)));
}

/** HKDF-SHA256 of the shared secret S keyed by u, 16 bytes, as the client computes it. */
export function derivedKey(S: bigint, u: bigint): Buffer {
  const prk = createHmac('sha256', Buffer.from(padHex(u), 'hex')).update(Buffer.from(padHex(S), 'hex')).digest();
  return createHmac('sha256', prk).update(Buffer.concat([Buffer.from('Caldera Derived Key', 'utf8'), Buffer.from([1])])).digest().subarray(0, 16);
}

/** The server's key: S = (A v^u)^b mod N, then HKDF; undefined when A is not acceptable (A mod N = 0). */
export function serverKey(AHex: string, BHex: string, bHex: string, verifierHex: string): Buffer | undefined {
  const A = BigInt('0x' + AHex);
  if (A % N === 0n) return undefined;
  const B = BigInt('0x' + BHex);
  const u = scramble(A, B);
  if (u === 0n) return undefined;
  const v = BigInt('0x' + verifierHex);
  const S = modPow(A * modPow(v, u, N), BigInt('0x' + bHex), N);
  return derivedKey(S, u);
}

/** PASSWORD_CLAIM_SIGNATURE: HMAC-SHA256 over poolName | username | secret block | timestamp, base64. */
export function claimSignature(key: Buffer, poolName: string, username: string, secretBlockB64: string, timestamp: string): string {
  return createHmac('sha256', key)
    .update(Buffer.concat([Buffer.from(poolName, 'utf8'), Buffer.from(username, 'utf8'), Buffer.from(secretBlockB64, 'base64'), Buffer.from(timestamp, 'utf8')]))
    .digest('base64');
}
