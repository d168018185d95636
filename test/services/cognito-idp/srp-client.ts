/**
 * A client-side SRP for the tests, written independently of the server from the algorithm
 * amazon-cognito-identity-js publishes (AuthenticationHelper, CognitoUser.authenticateUser): the
 * RFC 5054 3072-bit N as its literal, g = 2, k = H(padHex(N) | padHex(g)), u = H(padHex(A) | padHex(B)),
 * x = H(padHex(salt) | H(poolName | username | ":" | password)), S = (B - k g^x)^(a + u x) mod N,
 * HKDF("Caldera Derived Key"), and the PASSWORD_CLAIM_SIGNATURE HMAC.
 */
import { createHash, createHmac, randomBytes } from 'node:crypto';

const N = BigInt(
  '0x' +
    'FFFFFFFFFFFFFFFFC90FDAA22168C234C4C6628B80DC1CD1' +
    '29024E088A67CC74020BBEA63B139B22514A08798E3404DD' +
    'EF9519B3CD3A431B302B0A6DF25F14374FE1356D6D51C245' +
    'E485B576625E7EC6F44C42E9A637ED6B0BFF5CB6F406B7ED' +
    'EE386BFB5A899FA5AE9F24117C4B1FE649286651ECE45B3D' +
    'C2007CB8A163BF0598DA48361C55D39A69163FA8FD24CF5F' +
    '83655D23DCA3AD961C62F356208552BB9ED529077096966D' +
    '670C354E4ABC9804F1746C08CA18217C32905E462E36CE3B' +
    'E39E772C180E86039B2783A2EC07A28FB5C55DF06F4C52C9' +
    'DE2BCBF6955817183995497CEA956AE515D2261898FA0510' +
    '15728E5A8AAAC42DAD33170D04507A33A85521ABDF1CBA64' +
    'ECFB850458DBEF0A8AEA71575D060C7DB3970F85A6E1E4C7' +
    'ABF5AE8CDB0933D71E8C94E04A25619DCEE3D2261AD2EE6B' +
    'F12FFA06D98A0864D87602733EC86A64521F2B18177B200C' +
    'BBE117577A615D6C770988C0BAD946E208E24FA074E5AB31' +
    '43DB5BFCE0FD108E4B82D120A93AD2CAFFFFFFFFFFFFFFFF',
);
const g = 2n;

function padHex(n: bigint): string {
  const h = n.toString(16);
  const even = h.length % 2 ? '0' + h : h;
  return /^[89a-f]/i.test(even) ? '00' + even : even;
}
const hash = (buf: Buffer): string => createHash('sha256').update(buf).digest('hex').padStart(64, '0');
const hexHash = (hex: string): string => hash(Buffer.from(hex, 'hex'));
const big = (hex: string): bigint => BigInt('0x' + hex);

function modPow(b: bigint, e: bigint, m: bigint): bigint {
  let r = 1n;
  b %= m;
  while (e > 0n) {
    if (e & 1n) r = (r * b) % m;
    b = (b * b) % m;
    e >>= 1n;
  }
  return r;
}

const k = big(hexHash(padHex(N) + padHex(g)));

/** Cognito's TIMESTAMP: "Wed Dec 2 11:04:05 UTC 2026" (day not padded). */
export function nowString(d = new Date()): string {
  const days = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  const p = (n: number) => String(n).padStart(2, '0');
  return `${days[d.getUTCDay()]} ${months[d.getUTCMonth()]} ${d.getUTCDate()} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())} UTC ${d.getUTCFullYear()}`;
}

export class SrpClient {
  private readonly a = big(randomBytes(128).toString('hex')) % N;
  readonly A = modPow(g, this.a, N);
  readonly poolName: string;

  /** `poolName` overrides the name taken from the pool id: a device's SRP uses its DeviceGroupKey. */
  constructor(userPoolId: string, poolName?: string) {
    this.poolName = poolName ?? userPoolId.split('_')[1]!;
  }

  get srpA(): string {
    return this.A.toString(16);
  }

  /** The ChallengeResponses of PASSWORD_VERIFIER for the challenge parameters InitiateAuth gave. */
  respond(params: Record<string, string>, password: string, timestamp = nowString()): Record<string, string> {
    const username = params.USER_ID_FOR_SRP!;
    const B = big(params.SRP_B!);
    const salt = big(params.SALT!);
    if (B % N === 0n) throw new Error('B cannot be zero');
    const u = big(hexHash(padHex(this.A) + padHex(B)));
    const inner = hash(Buffer.from(`${this.poolName}${username}:${password}`, 'utf8'));
    const x = big(hexHash(padHex(salt) + inner));
    const gx = modPow(g, x, N);
    const base = (((B - k * gx) % N) + N) % N;
    const S = modPow(base, this.a + u * x, N);
    const prk = createHmac('sha256', Buffer.from(padHex(u), 'hex')).update(Buffer.from(padHex(S), 'hex')).digest();
    const key = createHmac('sha256', prk).update(Buffer.concat([Buffer.from('Caldera Derived Key'), Buffer.from([1])])).digest().subarray(0, 16);
    const signature = createHmac('sha256', key)
      .update(Buffer.concat([Buffer.from(this.poolName), Buffer.from(username), Buffer.from(params.SECRET_BLOCK!, 'base64'), Buffer.from(timestamp)]))
      .digest('base64');
    return { USERNAME: username, PASSWORD_CLAIM_SECRET_BLOCK: params.SECRET_BLOCK!, TIMESTAMP: timestamp, PASSWORD_CLAIM_SIGNATURE: signature };
  }
}

/**
 * What amazon-cognito-identity-js sends to ConfirmDevice (AuthenticationHelper.generateHashDevice): a
 * random device password, a salt, and v = g^H(salt | H(groupKey | deviceKey | ":" | password)).
 */
export function deviceSecret(groupKey: string, deviceKey: string): { password: string; Salt: string; PasswordVerifier: string } {
  const password = randomBytes(40).toString('base64');
  const hashed = hash(Buffer.from(`${groupKey}${deviceKey}:${password}`, 'utf8'));
  const salt = padHex(big(randomBytes(16).toString('hex')));
  const v = modPow(g, big(hexHash(salt + hashed)), N);
  return { password, Salt: Buffer.from(salt, 'hex').toString('base64'), PasswordVerifier: Buffer.from(padHex(v), 'hex').toString('base64') };
}
