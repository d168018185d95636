/** Browser POST form fields signed as the SDKs' createPresignedPost signs them (SigV4 over the base64 policy). */
import { createHmac } from 'node:crypto';

const hmac = (key: Buffer | string, data: string): Buffer => createHmac('sha256', key).update(data).digest();

/** The fields a browser form carries for `conditions`, signed as the SDKs' createPresignedPost does. */
export function signedFields(conditions: unknown[], expiresAt: Date, secret = 'test', accessKeyId = 'test'): Record<string, string> {
  const date = '20240101';
  const credential = `${accessKeyId}/${date}/us-east-1/s3/aws4_request`;
  const fields = { 'X-Amz-Algorithm': 'AWS4-HMAC-SHA256', 'X-Amz-Credential': credential, 'X-Amz-Date': `${date}T000000Z` };
  const policy = Buffer.from(
    JSON.stringify({ expiration: expiresAt.toISOString(), conditions: [...conditions, ...Object.entries(fields).map(([k, v]) => ({ [k]: v }))] }),
  ).toString('base64');
  const key = hmac(hmac(hmac(hmac(`AWS4${secret}`, date), 'us-east-1'), 's3'), 'aws4_request');
  return { ...fields, Policy: policy, 'X-Amz-Signature': createHmac('sha256', key).update(policy).digest('hex') };
}

