/** SigV4-signed raw requests in tests and benches (the load generator signs its request pool with src/aws/sigv4-sign.ts). */
import { signHeaders, type SigningCredentials } from '../../src/aws/sigv4-sign.js';

export { signHeaders, type SigningCredentials };

/** Every header of a signed awsJson 1.0 request (POST /) to `host` (host:port), for raw calls. */
export function signedJsonHeaders(cred: SigningCredentials, host: string, target: string, body: string | Buffer): Record<string, string> {
  const headers = { host, 'content-type': 'application/x-amz-json-1.0', 'x-amz-target': target };
  return { ...headers, ...signHeaders(cred, 'POST', '/', headers, Buffer.isBuffer(body) ? body : Buffer.from(body)) };
}

/** The test credentials signing DynamoDB requests in us-east-1. */
export const DYNAMODB_TEST_SIGNER: SigningCredentials = { service: 'dynamodb', region: 'us-east-1', accessKeyId: 'test', secretAccessKey: 'test' };
