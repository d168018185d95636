/** Password hashes (scrypt, random salt): passwords are never stored in clear. */
import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';

/** scrypt's cost: N = 2^12 with r = 8 (4 MiB, a few milliseconds); stored with each hash, so it may change. */
const COST = 4096;

function derive(password: string, salt: Buffer, N: number): Promise<Buffer> {
  return new Promise((resolve, reject) => scrypt(password, salt, 32, { N, r: 8, p: 1 }, (e, key) => (e ? reject(e) : resolve(key))));
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  return `scrypt$${COST}$${salt.toString('base64')}$${(await derive(password, salt, COST)).toString('base64')}`;
}

export async function passwordMatches(password: string, stored: string): Promise<boolean> {
  const parts = stored.split('$');
  // scrypt$N$salt$hash (earlier hashes: scrypt$salt$hash at N = 16384)
  const [kind, n, salt, hash] = parts.length === 3 ? [parts[0], '16384', parts[1], parts[2]] : parts;
  const N = Number(n);
  if (kind !== 'scrypt' || !salt || !hash || !Number.isInteger(N) || N < 2 || N > 1 << 20) return false;
  const expected = Buffer.from(hash, 'base64');
  const got = await derive(password, Buffer.from(salt, 'base64'), N);
  return got.length === expected.length && timingSafeEqual(got, expected);
}

/** A cheaper hash for password history (scrypt N = 1024): old passwords are compared, never kept in clear. */
export async function historyHash(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await new Promise<Buffer>((resolve, reject) => scrypt(password, salt, 32, { N: 1024, r: 8, p: 1 }, (e, k) => (e ? reject(e) : resolve(k))));
  return `h$${salt.toString('base64')}$${key.toString('base64')}`;
}

export async function historyMatches(password: string, stored: string): Promise<boolean> {
  const [kind, salt, hash] = stored.split('$');
  if (kind !== 'h' || !salt || !hash) return false;
  const key = await new Promise<Buffer>((resolve, reject) => scrypt(password, Buffer.from(salt, 'base64'), 32, { N: 1024, r: 8, p: 1 }, (e, k) => (e ? reject(e) : resolve(k))));
  const expected = Buffer.from(hash, 'base64');
  return key.length === expected.length && timingSafeEqual(key, expected);
}
