import { generateKeyPairSync, randomBytes, sign } from 'node:crypto';
import type { RequestContext } from '../../../core/context.js';
import type {
  APIGatewayApi,
  ClientCertificate,
  ClientCertificates,
  DeleteClientCertificateRequest,
  GenerateClientCertificateRequest,
  GetClientCertificateRequest,
  GetClientCertificatesRequest,
  UpdateClientCertificateRequest,
} from '../../../generated/apigateway.js';
import { date, newId, scopeOf, wholeSecond } from '../common.js';
import type { CertificateDoc } from '../types.js';
import { TableResources, type ControlCore } from './core.js';
import { tagsOut } from './shapes.js';

/**
 * Client certificates: API Gateway's self-signed certificates that backends can require from it.
 * GenerateClientCertificate makes an RSA 2048 key and a self-signed X.509 v3 certificate (valid one
 * year, as on AWS); HTTP and HTTP_PROXY integrations over HTTPS present it when the stage names it.
 */

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
  // A positive DER INTEGER in its shortest form: the first byte is neither 0x00 nor past 0x7f
  // (with a leading zero byte, about one serial in 256 was refused as "illegal padding").
  const serial = randomBytes(16);
  serial[0] = (serial[0]! & 0x7f) || 0x01;
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

const out = (c: CertificateDoc): ClientCertificate => ({
  clientCertificateId: c.clientCertificateId,
  description: c.description,
  pemEncodedCertificate: c.pemEncodedCertificate,
  createdDate: date(c.createdDate),
  expirationDate: date(c.expirationDate),
  tags: tagsOut(c.tags),
});

export class CertificateOps
  implements Pick<APIGatewayApi, 'GenerateClientCertificate' | 'GetClientCertificate' | 'GetClientCertificates' | 'UpdateClientCertificate' | 'DeleteClientCertificate'>
{
  private readonly certificates: TableResources<CertificateDoc, ClientCertificate>;

  constructor(private readonly core: ControlCore) {
    this.certificates = new TableResources(core, { table: core.store.certificates, missing: 'Invalid Client Certificate identifier specified', fields: { description: 'string' }, out });
  }

  async GenerateClientCertificate(ctx: RequestContext, input: GenerateClientCertificateRequest): Promise<ClientCertificate> {
    const now = wholeSecond(ctx);
    const expires = now + 365 * 86400000;
    const { cert, key } = selfSigned('ApiGateway', now, expires);
    const c: CertificateDoc = { clientCertificateId: newId(6), description: input.description, pemEncodedCertificate: cert, privateKeyPem: key, createdDate: now, expirationDate: expires, tags: input.tags };
    await this.core.db.tx((tx) => this.core.store.certificates.put(tx, scopeOf(ctx), [c.clientCertificateId], c));
    return out(c);
  }

  GetClientCertificate(ctx: RequestContext, input: GetClientCertificateRequest): Promise<ClientCertificate> {
    return this.certificates.get(ctx, input.clientCertificateId);
  }

  GetClientCertificates(ctx: RequestContext, input: GetClientCertificatesRequest): Promise<ClientCertificates> {
    return this.certificates.list(ctx, input);
  }

  UpdateClientCertificate(ctx: RequestContext, input: UpdateClientCertificateRequest): Promise<ClientCertificate> {
    return this.certificates.update(ctx, input.clientCertificateId, input.patchOperations);
  }

  async DeleteClientCertificate(ctx: RequestContext, input: DeleteClientCertificateRequest): Promise<void> {
    await this.certificates.delete(ctx, input.clientCertificateId);
    this.core.hooks.forgetCertificates();
  }
}
