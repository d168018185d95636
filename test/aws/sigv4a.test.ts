/**
 * SigV4A (AWS4-ECDSA-P256-SHA256): requests signed by the SDK's own signer (@smithy/signature-v4a)
 * parse and verify with the key src/aws/sigv4a.ts derives from the secret; another secret, a changed
 * request or an unsigned region set do not.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { IncomingMessage } from 'node:http';
import { SignatureV4a } from '@smithy/signature-v4a';
import { Sha256 } from '@aws-crypto/sha256-js';
import type { HttpRequest } from '../../src/core/http.js';
import { parseSigV4, verifySigV4 } from '../../src/aws/sigv4.js';
import { sigV4aPrivateKey } from '../../src/aws/sigv4a.js';

const AKID = 'AKIAIOSFODNN7EXAMPLE';
const SECRET = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';

async function signed(body: string, regionSet = '*'): Promise<HttpRequest> {
  const signer = new SignatureV4a({ credentials: { accessKeyId: AKID, secretAccessKey: SECRET }, region: regionSet, service: 'cloudfront-keyvaluestore', sha256: Sha256 });
  const path = '/key-value-stores/arn%3Aaws%3Acloudfront%3A%3A123456789012%3Akey-value-store%2Fabc/keys/k%201';
  const r = await signer.sign({ method: 'PUT', protocol: 'https:', hostname: '123456789012.cloudfront-kvs.global.api.aws', path, query: {}, headers: { host: '123456789012.cloudfront-kvs.global.api.aws', 'content-type': 'application/json', 'if-match': 'KV1' }, body } as never, { signingDate: new Date() });
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(r.headers as Record<string, string>)) headers[k.toLowerCase()] = v;
  return { method: 'PUT', rawPath: path, rawQuery: '', headers, body: Buffer.from(body), raw: {} as IncomingMessage };
}

describe('SigV4A', () => {
  test('the private key derivation gives a scalar in [1, n-1]', () => {
    const d = sigV4aPrivateKey(AKID, SECRET);
    assert.equal(d.length, 32);
    assert.ok(BigInt('0x' + d.toString('hex')) > 0n);
    // The same inputs give the same key; another access key id another one.
    assert.deepEqual(sigV4aPrivateKey(AKID, SECRET), d);
    assert.notDeepEqual(sigV4aPrivateKey('AKIDOTHER', SECRET), d);
  });

  test("a request signed by the SDK's signer verifies; another secret or a changed body does not", async () => {
    const req = await signed('{"Value":"v"}');
    assert.match(req.headers.authorization!, /^AWS4-ECDSA-P256-SHA256 Credential=AKIAIOSFODNN7EXAMPLE\/\d{8}\/cloudfront-keyvaluestore\/aws4_request, SignedHeaders=.*x-amz-region-set/);
    const info = parseSigV4(req)!;
    assert.equal(info.service, 'cloudfront-keyvaluestore');
    assert.equal(info.region, 'us-east-1');
    assert.deepEqual(info.v4a, { regionSet: '*' });
    assert.equal(verifySigV4(req, info, SECRET), true);
    assert.equal(verifySigV4(req, info, 'not-the-secret'), false);
    assert.equal(verifySigV4({ ...req, body: Buffer.from('{"Value":"w"}') }, info, SECRET), false);
    assert.equal(verifySigV4({ ...req, headers: { ...req.headers, 'x-amz-region-set': 'eu-west-1' } }, info, SECRET), false);
  });

  test('a one-region set is the request region', async () => {
    const req = await signed('{}', 'eu-west-1');
    const info = parseSigV4(req)!;
    assert.equal(info.region, 'eu-west-1');
    assert.equal(verifySigV4(req, info, SECRET), true);
  });
});
