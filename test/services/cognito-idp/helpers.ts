import { createHmac, createPublicKey, verify } from 'node:crypto';
import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { definition } from '../../../src/services/cognito-idp/index.js';
import type { ServiceDefinition } from '../../../src/services/service.js';
import { clientConfig, startServer, type StartServerOptions, type TestServer } from '../../helpers/server.js';

export async function cognitoServer(extra: ServiceDefinition[] = [], options: StartServerOptions = {}): Promise<{ server: TestServer; idp: CognitoIdentityProviderClient }> {
  const server = await startServer({ ...options, services: [definition, ...extra] });
  return { server, idp: new CognitoIdentityProviderClient(clientConfig(server.endpoint)) };
}

export interface Message {
  username: string;
  destination: string;
  medium: string;
  kind: string;
  code?: string;
  temporaryPassword?: string;
  text: string;
}

export async function messages(endpoint: string, userPoolId: string): Promise<Message[]> {
  const res = await fetch(`${endpoint}/_stratus/cognito/messages?userPoolId=${encodeURIComponent(userPoolId)}`);
  return ((await res.json()) as { messages: Message[] }).messages;
}

export async function lastCode(endpoint: string, userPoolId: string): Promise<string> {
  const all = await messages(endpoint, userPoolId);
  const code = all[all.length - 1]?.code;
  if (!code) throw new Error('no code message');
  return code;
}

export function secretHash(secret: string, username: string, clientId: string): string {
  return createHmac('sha256', secret).update(username + clientId).digest('base64');
}

export function decode(token: string): { header: Record<string, unknown>; claims: Record<string, unknown> } {
  const [h, c] = token.split('.');
  return { header: JSON.parse(Buffer.from(h!, 'base64url').toString()), claims: JSON.parse(Buffer.from(c!, 'base64url').toString()) };
}

/** Verifies an RS256 JWT against a JWKS document with node:crypto alone. */
export function verifyWithJwks(token: string, jwks: { keys: Record<string, string>[] }): boolean {
  const [h, c, s] = token.split('.');
  const header = JSON.parse(Buffer.from(h!, 'base64url').toString()) as { kid: string; alg: string };
  const jwk = jwks.keys.find((k) => k.kid === header.kid);
  if (!jwk || header.alg !== 'RS256') return false;
  const key = createPublicKey({ key: jwk as never, format: 'jwk' });
  return verify('sha256', Buffer.from(`${h}.${c}`), key, Buffer.from(s!, 'base64url'));
}

/** RFC 6238 code for a base32 secret at a time (an authenticator app's computation, written for the tests). */
export function totp(secret: string, timeMs: number): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let bits = '';
  for (const ch of secret.replace(/=+$/, '')) bits += alphabet.indexOf(ch).toString(2).padStart(5, '0');
  const bytes: number[] = [];
  for (let i = 0; i + 8 <= bits.length; i += 8) bytes.push(parseInt(bits.slice(i, i + 8), 2));
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(Math.floor(timeMs / 30_000)));
  const h = createHmac('sha1', Buffer.from(bytes)).update(counter).digest();
  const o = h[19]! & 15;
  return String((h.readUInt32BE(o) & 0x7fffffff) % 1_000_000).padStart(6, '0');
}
