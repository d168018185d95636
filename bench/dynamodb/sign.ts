/**
 * A small AWS Signature V4 signer for awsJson requests (used by the benchmark's load generator
 * and by raw-request tests). The signing key is derived once per day and cached.
 */
import { createHash, createHmac } from 'node:crypto';

const hmac = (key: Buffer | string, data: string): Buffer => createHmac('sha256', key).update(data, 'utf8').digest();
const sha256 = (data: string | Buffer): string => createHash('sha256').update(data).digest('hex');

export interface Credentials {
  accessKeyId: string;
  secretAccessKey: string;
}

export class Signer {
  private keyDate = '';
  private key: Buffer = Buffer.alloc(0);

  constructor(
    private readonly creds: Credentials = { accessKeyId: 'test', secretAccessKey: 'test' },
    private readonly region = 'us-east-1',
    private readonly service = 'dynamodb',
  ) {}

  /** Headers for a POST / with `body` to `host` (host:port). */
  sign(host: string, target: string, body: string | Buffer, contentType = 'application/x-amz-json-1.0'): Record<string, string> {
    const now = new Date();
    const amzDate = now.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
    const date = amzDate.slice(0, 8);
    if (date !== this.keyDate) {
      const kDate = hmac('AWS4' + this.creds.secretAccessKey, date);
      this.key = hmac(hmac(hmac(kDate, this.region), this.service), 'aws4_request');
      this.keyDate = date;
    }
    const payloadHash = sha256(body);
    const signedHeaders = 'content-type;host;x-amz-date;x-amz-target';
    const canonical = `POST\n/\n\ncontent-type:${contentType}\nhost:${host}\nx-amz-date:${amzDate}\nx-amz-target:${target}\n\n${signedHeaders}\n${payloadHash}`;
    const scope = `${date}/${this.region}/${this.service}/aws4_request`;
    const toSign = `AWS4-HMAC-SHA256\n${amzDate}\n${scope}\n${sha256(canonical)}`;
    const signature = createHmac('sha256', this.key).update(toSign, 'utf8').digest('hex');
    return {
      'content-type': contentType,
      'x-amz-date': amzDate,
      'x-amz-target': target,
      authorization: `AWS4-HMAC-SHA256 Credential=${this.creds.accessKeyId}/${scope}, SignedHeaders=${signedHeaders}, Signature=${signature}`,
    };
  }
}
