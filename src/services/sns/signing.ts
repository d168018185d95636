/**
 * Message signatures as Amazon SNS makes them ("Verifying the signatures of Amazon SNS messages"):
 * an RSA key and a self-signed X.509 certificate, made once and kept in SQL (so every node, and every
 * restart, signs with the same key); SignatureVersion 1 is SHA1withRSA and 2 SHA256withRSA over the
 * canonical string: each field's name and value on their own lines, in AWS's order.
 */
import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, randomBytes, sign } from 'node:crypto';
import type { Db } from '../../storage/db.js';

/** The fields signed, in order, for each message type; Subject only when the message has one. */
const NOTIFICATION_FIELDS = ['Message', 'MessageId', 'Subject', 'Timestamp', 'TopicArn', 'Type'] as const;
const CONFIRMATION_FIELDS = ['Message', 'MessageId', 'SubscribeURL', 'Timestamp', 'Token', 'TopicArn', 'Type'] as const;

export function canonicalString(message: Readonly<Record<string, unknown>>): string {
  const fields = message.Type === 'Notification' ? NOTIFICATION_FIELDS : CONFIRMATION_FIELDS;
  let out = '';
  for (const f of fields) {
    const v = message[f];
    if (v === undefined || v === null) continue;
    out += `${f}\n${String(v)}\n`;
  }
  return out;
}

export class Signer {
  /** `SimpleNotificationService-<hash>.pem`, the certificate's file name in SigningCertURL. */
  readonly certFile: string;

  private constructor(
    private readonly keyPem: string,
    readonly certPem: string,
  ) {
    const der = Buffer.from(certPem.replace(/-----[A-Z ]+-----|\s/g, ''), 'base64');
    this.certFile = `SimpleNotificationService-${createHash('md5').update(der).digest('hex')}.pem`;
  }

  /**
   * The stored signing key, or one made on first use: a 2048-bit RSA key costs about 0.2 s of CPU,
   * which a start that never delivers a notification (most test servers) should not pay. A key made
   * here is stored in the background; when another node stored one first, this process keeps signing
   * with (and serving the certificate of) its own.
   */
  static async open(db: Db): Promise<() => Signer> {
    const row = await db.get<{ key_pem: string; cert_pem: string }>("SELECT key_pem, cert_pem FROM sns_signing WHERE id = 'default'");
    let signer = row ? new Signer(row.key_pem, row.cert_pem) : undefined;
    return () => {
      if (signer) return signer;
      const made = makeCertificate();
      signer = new Signer(made.keyPem, made.certPem);
      void db
        .tx((tx) => tx.run("INSERT INTO sns_signing (id, key_pem, cert_pem) VALUES ('default', ?, ?) ON CONFLICT (id) DO NOTHING", [made.keyPem, made.certPem]))
        .catch(() => undefined);
      return signer;
    };
  }

  /** The Signature of a message (its fields as sent), for SignatureVersion '1' or '2'. */
  sign(message: Readonly<Record<string, unknown>>, version: string): string {
    return sign(version === '2' ? 'sha256' : 'sha1', Buffer.from(canonicalString(message), 'utf8'), createPrivateKey(this.keyPem)).toString('base64');
  }
}

// A self-signed certificate, DER-encoded by hand (node:crypto reads X.509 but does not write it).

function der(tag: number, content: Buffer): Buffer {
  const n = content.length;
  let len: Buffer;
  if (n < 0x80) len = Buffer.from([n]);
  else {
    const bytes: number[] = [];
    for (let v = n; v > 0; v = Math.floor(v / 256)) bytes.unshift(v % 256);
    len = Buffer.from([0x80 | bytes.length, ...bytes]);
  }
  return Buffer.concat([Buffer.from([tag]), len, content]);
}

const seq = (...items: Buffer[]): Buffer => der(0x30, Buffer.concat(items));

function oid(text: string): Buffer {
  const parts = text.split('.').map(Number);
  const bytes = [40 * parts[0]! + parts[1]!];
  for (const p of parts.slice(2)) {
    const chunk: number[] = [p & 0x7f];
    for (let v = p >>> 7; v > 0; v >>>= 7) chunk.unshift((v & 0x7f) | 0x80);
    bytes.push(...chunk);
  }
  return der(0x06, Buffer.from(bytes));
}

function name(cn: string): Buffer {
  return seq(
    der(0x31, seq(oid('2.5.4.6'), der(0x13, Buffer.from('US')))),
    der(0x31, seq(oid('2.5.4.10'), der(0x0c, Buffer.from('Stratus')))),
    der(0x31, seq(oid('2.5.4.3'), der(0x0c, Buffer.from(cn)))),
  );
}

function makeCertificate(): { keyPem: string; certPem: string } {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const spki = createPublicKey(privateKey).export({ type: 'spki', format: 'der' });
  const serial = randomBytes(16);
  serial[0] = serial[0]! & 0x7f;
  const algorithm = seq(oid('1.2.840.113549.1.1.11'), Buffer.from([0x05, 0x00]));
  const tbs = seq(
    der(0xa0, der(0x02, Buffer.from([2]))),
    der(0x02, serial),
    algorithm,
    name('sns.amazonaws.com'),
    seq(der(0x17, Buffer.from('200101000000Z')), der(0x17, Buffer.from('491231235959Z'))),
    name('sns.amazonaws.com'),
    spki,
  );
  const signature = sign('sha256', tbs, privateKey);
  const cert = seq(tbs, algorithm, der(0x03, Buffer.concat([Buffer.from([0]), signature])));
  const b64 = cert.toString('base64').replace(/(.{64})/g, '$1\n').trimEnd();
  return {
    keyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    certPem: `-----BEGIN CERTIFICATE-----\n${b64}\n-----END CERTIFICATE-----\n`,
  };
}
