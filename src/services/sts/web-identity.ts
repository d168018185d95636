/**
 * Web identity tokens (OpenID Connect ID tokens, JWTs) as STS checks them for AssumeRoleWithWebIdentity:
 * the issuer must be an OIDC provider registered in IAM, the audience one of its client ids, the token
 * unexpired on the platform clock, and its signature verified with a key of the issuer's JWKS (fetched
 * from `{iss}/.well-known/openid-configuration`'s `jwks_uri`). RS256/384/512 and ES256/384 are verified.
 */
import { createPublicKey, verify, type webcrypto } from 'node:crypto';

type JsonWebKey = webcrypto.JsonWebKey & { kid?: string };
import { ExpiredTokenException, IDPCommunicationErrorException, InvalidIdentityTokenException } from '../../generated/sts.js';

export interface WebIdentityClaims {
  readonly iss: string;
  readonly sub: string;
  readonly aud: string;
  readonly exp: number;
  readonly claims: Readonly<Record<string, unknown>>;
  readonly header: { alg?: string; kid?: string };
  readonly signed: Buffer;
  readonly signature: Buffer;
}

const NOT_JWT = 'The ID token provided is not a valid JWT. (You may see this error if you sent an Access Token)';

function decodePart(part: string): Record<string, unknown> {
  const value = JSON.parse(Buffer.from(part, 'base64url').toString('utf8')) as unknown;
  if (!value || typeof value !== 'object' || Array.isArray(value)) throw new Error('not an object');
  return value as Record<string, unknown>;
}

/** The claims of a JWT, unverified yet; InvalidIdentityToken for anything that is not one. */
export function parseJwt(token: string): WebIdentityClaims {
  const parts = token.split('.');
  if (parts.length !== 3) throw new InvalidIdentityTokenException(NOT_JWT);
  let header: Record<string, unknown>;
  let claims: Record<string, unknown>;
  try {
    header = decodePart(parts[0]!);
    claims = decodePart(parts[1]!);
  } catch {
    throw new InvalidIdentityTokenException(NOT_JWT);
  }
  const aud = Array.isArray(claims.aud) ? String(claims.aud[0] ?? '') : String(claims.aud ?? claims.azp ?? '');
  if (typeof claims.iss !== 'string' || typeof claims.exp !== 'number') throw new InvalidIdentityTokenException(NOT_JWT);
  return {
    iss: claims.iss,
    sub: String(claims.sub ?? ''),
    aud,
    exp: claims.exp,
    claims,
    header: { alg: header.alg as string | undefined, kid: header.kid as string | undefined },
    signed: Buffer.from(`${parts[0]}.${parts[1]}`),
    signature: Buffer.from(parts[2]!, 'base64url'),
  };
}

/** The IAM OIDC provider key of an issuer: its URL without scheme or trailing slash. */
export function issuerKey(iss: string): string {
  return iss.replace(/^https?:\/\//, '').replace(/\/$/, '');
}

/** Throws ExpiredTokenException, in STS's words, for a token whose `exp` has passed on the platform clock. */
export function checkExpiry(jwt: WebIdentityClaims, nowMs: number): void {
  const now = Math.floor(nowMs / 1000);
  if (jwt.exp <= now) throw new ExpiredTokenException(`Token expired: current date/time ${now} must be before the expiration date/time ${jwt.exp}`);
}

const HASHES: Record<string, string> = { RS256: 'sha256', RS384: 'sha384', RS512: 'sha512', ES256: 'sha256', ES384: 'sha384' };

const IDP_UNREACHABLE = "Couldn't retrieve verification key from your identity provider,  please reference AssumeRoleWithWebIdentity documentation for requirements";

async function getJson(url: string): Promise<Record<string, unknown>> {
  const res = await fetch(url, { signal: AbortSignal.timeout(5000) });
  if (!res.ok) throw new Error(`${url}: ${res.status}`);
  return (await res.json()) as Record<string, unknown>;
}

/** Verifies the token's signature with the issuer's published keys; IDPCommunicationError when they cannot be read. */
export async function verifySignature(jwt: WebIdentityClaims, discoveryBase?: string): Promise<void> {
  const hash = jwt.header.alg ? HASHES[jwt.header.alg] : undefined;
  if (!hash) throw new InvalidIdentityTokenException(`Unsupported signing algorithm: ${String(jwt.header.alg)}`);
  let keys: JsonWebKey[];
  try {
    const config = await getJson(`${(discoveryBase ?? jwt.iss).replace(/\/$/, '')}/.well-known/openid-configuration`);
    const jwks = await getJson(String(config.jwks_uri));
    keys = (jwks.keys as JsonWebKey[] | undefined) ?? [];
  } catch {
    throw new IDPCommunicationErrorException(IDP_UNREACHABLE);
  }
  const candidates = keys.filter((k) => jwt.header.kid === undefined || k.kid === jwt.header.kid);
  for (const jwk of candidates) {
    try {
      const key = createPublicKey({ key: jwk, format: 'jwk' });
      const ok = jwt.header.alg!.startsWith('ES')
        ? verify(hash, jwt.signed, { key, dsaEncoding: 'ieee-p1363' }, jwt.signature)
        : verify(hash, jwt.signed, key, jwt.signature);
      if (ok) return;
    } catch {
      // A key of another type: try the next one.
    }
  }
  throw new InvalidIdentityTokenException('Invalid identity token: the signature could not be verified with the keys of the issuer.');
}
