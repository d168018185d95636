import { generateKeyPairSync, randomBytes, sign } from 'node:crypto';
import type { RequestContext } from '../../core/context.js';
import { newId, notFound, page, scopeOf } from './control.js';
import { applyPatch } from './patch.js';
import type { Store } from './store.js';

/**
 * Client certificates: API Gateway's self-signed certificates that backends can require from it.
 * GenerateClientCertificate makes an RSA 2048 key and a self-signed X.509 v3 certificate (valid one
 * year, as on AWS); HTTP and HTTP_PROXY integrations over HTTPS present it when the stage names it.
 */

export interface CertificateDoc {
  clientCertificateId: string;
  description?: string;
  pemEncodedCertificate: string;
  privateKeyPem: string;
  createdDate: number;
  expirationDate: number;
  tags?: Record<string, string>;
}

// ---- a minimal DER writer for the certificate

function length(n: number): Buffer {
  if (n < 0x80) return Buffer.from([n]);
  const bytes: number[] = [];
  for (let v = n; v > 0; v >>= 8) bytes.unshift(v & 0xff);
  return Buffer.from([0x80 | bytes.length, ...bytes]);
}
const tlv = (tag: number, ...content: Buffer[]): Buffer => {
  const body = Buffer.concat(content);
  return Buffer.concat([Buffer.from([tag]), length(body.length), body]);
};
const seq = (...c: Buffer[]) => tlv(0x30, ...c);
const SHA256_RSA = Buffer.from([0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x0b]);
const COMMON_NAME = Buffer.from([0x06, 0x03, 0x55, 0x04, 0x03]);
const algorithm = () => seq(SHA256_RSA, Buffer.from([0x05, 0x00]));
const name = (cn: string) => seq(tlv(0x31, seq(COMMON_NAME, tlv(0x0c, Buffer.from(cn, 'utf8')))));
function time(ms: number): Buffer {
  const d = new Date(ms);
  const p = (n: number) => String(n).padStart(2, '0');
  const y = d.getUTCFullYear();
  const text = `${p(d.getUTCMonth() + 1)}${p(d.getUTCDate())}${p(d.getUTCHours())}${p(d.getUTCMinutes())}${p(d.getUTCSeconds())}Z`;
  // UTCTime up to 2049, GeneralizedTime after (RFC 5280).
  return y < 2050 ? tlv(0x17, Buffer.from(`${p(y % 100)}${text}`)) : tlv(0x18, Buffer.from(`${y}${text}`));
}

/** A self-signed certificate and its key, both PEM. */
export function selfSigned(commonName: string, notBefore: number, notAfter: number): { cert: string; key: string } {
  const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const serial = randomBytes(16);
  serial[0]! &= 0x7f;
  const tbs = seq(
    Buffer.from([0xa0, 0x03, 0x02, 0x01, 0x02]), // [0] version v3
    tlv(0x02, serial),
    algorithm(),
    name(commonName),
    seq(time(notBefore), time(notAfter)),
    name(commonName),
    publicKey.export({ type: 'spki', format: 'der' }),
  );
  const signature = sign('sha256', tbs, privateKey);
  const der = seq(tbs, algorithm(), tlv(0x03, Buffer.from([0x00]), signature));
  const b64 = der.toString('base64').replace(/(.{64})/g, '$1\n').trimEnd();
  return { cert: `-----BEGIN CERTIFICATE-----\n${b64}\n-----END CERTIFICATE-----\n`, key: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString() };
}

const out = (c: CertificateDoc) => ({
  clientCertificateId: c.clientCertificateId,
  description: c.description,
  pemEncodedCertificate: c.pemEncodedCertificate,
  createdDate: new Date(c.createdDate),
  expirationDate: new Date(c.expirationDate),
  tags: c.tags && Object.keys(c.tags).length ? c.tags : undefined,
});

export class Certificates {
  constructor(
    private readonly store: Store,
    private readonly deleted: () => void,
  ) {}

  async GenerateClientCertificate(ctx: RequestContext, input: any) {
    const now = Math.floor(ctx.clock.now() / 1000) * 1000;
    const expires = now + 365 * 86400000;
    const { cert, key } = selfSigned('ApiGateway', now, expires);
    const c: CertificateDoc = { clientCertificateId: newId(6), description: input.description, pemEncodedCertificate: cert, privateKeyPem: key, createdDate: now, expirationDate: expires, tags: input.tags };
    await this.store.db.tx((tx) => this.store.putCertificate(tx, scopeOf(ctx), c));
    return out(c);
  }

  private async get(ctx: RequestContext, id: string): Promise<CertificateDoc> {
    const c = await this.store.getCertificate(this.store.db, scopeOf(ctx), id);
    if (!c) throw notFound('Invalid Client Certificate identifier specified');
    return c;
  }

  async GetClientCertificate(ctx: RequestContext, input: any) {
    return out(await this.get(ctx, input.clientCertificateId));
  }

  async GetClientCertificates(ctx: RequestContext, input: any) {
    const p = page(await this.store.listCertificates(this.store.db, scopeOf(ctx)), input.position, input.limit);
    return { items: p.items.map(out), position: p.position };
  }

  async UpdateClientCertificate(ctx: RequestContext, input: any) {
    const c = await this.get(ctx, input.clientCertificateId);
    applyPatch(c as unknown as Record<string, any>, input.patchOperations, { description: 'string' });
    await this.store.db.tx((tx) => this.store.putCertificate(tx, scopeOf(ctx), c));
    return out(c);
  }

  async DeleteClientCertificate(ctx: RequestContext, input: any) {
    await this.get(ctx, input.clientCertificateId);
    await this.store.db.tx((tx) => this.store.deleteCertificate(tx, scopeOf(ctx), input.clientCertificateId));
    this.deleted();
    return {};
  }
}
