import { randomBytes, randomUUID } from 'node:crypto';

export const uuid = (): string => randomUUID();

/** A random string of `n` characters from AWS-style id alphabets. */
export function randomId(n: number, alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789'): string {
  const bytes = randomBytes(n);
  let out = '';
  for (let i = 0; i < n; i++) out += alphabet[bytes[i]! % alphabet.length];
  return out;
}
