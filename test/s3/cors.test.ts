/** Bucket CORS: configuration CRUD and its enforcement on preflights and actual responses, path-style and virtual-hosted. */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { request } from 'node:http';
import * as S3 from '@aws-sdk/client-s3';
import type { TestServer } from '../helpers/server.js';
import { s3Client, s3Error, startS3 } from './helpers.js';

const NOT_ALLOWED =
  "CORSResponse: This CORS request is not allowed. This is usually because the evalution of Origin, request method / Access-Control-Request-Method or Access-Control-Request-Headers are not whitelisted by the resource's CORS spec.";

/** A raw request to any Host header (virtual hosts resolve to the loopback address). */
function raw(server: TestServer, method: string, host: string | undefined, path: string, headers: Record<string, string> = {}): Promise<{ status: number; headers: Record<string, string>; body: string }> {
  const port = Number(new URL(server.endpoint).port);
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, method, path, headers: { ...(host ? { host: `${host}:${port}` } : {}), ...headers } }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers as Record<string, string>, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

const code = (body: string): string | undefined => /<Code>([^<]*)<\/Code>/.exec(body)?.[1];
const message = (body: string): string | undefined => /<Message>([^<]*)<\/Message>/.exec(body)?.[1]?.replace(/&apos;/g, "'");

describe('S3 CORS', () => {
  let server: TestServer;
  let s3: S3.S3Client;
  before(async () => {
    server = await startS3();
    s3 = s3Client(server);
    await s3.send(new S3.CreateBucketCommand({ Bucket: 'cors' }));
    await s3.send(new S3.PutObjectCommand({ Bucket: 'cors', Key: 'obj', Body: 'test-cors' }));
  });
  after(() => server.stop());

  it('configuration: NoSuchCORSConfiguration, put/get, unsupported methods, delete (204)', async () => {
    const none = await s3Error(s3.send(new S3.GetBucketCorsCommand({ Bucket: 'cors' })));
    assert.deepEqual([none.status, none.name, none.message], [404, 'NoSuchCORSConfiguration', 'The CORS configuration does not exist']);
    const bad = await s3Error(s3.send(new S3.PutBucketCorsCommand({ Bucket: 'cors', CORSConfiguration: { CORSRules: [{ AllowedMethods: ['MYMETHOD'], AllowedOrigins: ['*'] }] } })));
    assert.deepEqual([bad.status, bad.name, bad.message], [400, 'InvalidRequest', 'Found unsupported HTTP method in CORS config. Unsupported method is MYMETHOD']);
    const rules = [{ AllowedHeaders: ['x-amz-expected-bucket-owner'], AllowedMethods: ['GET', 'PUT', 'HEAD'], AllowedOrigins: ['https://test.com', 'http://test.com:80'], MaxAgeSeconds: 3000 }];
    await s3.send(new S3.PutBucketCorsCommand({ Bucket: 'cors', CORSConfiguration: { CORSRules: rules } }));
    assert.deepEqual((await s3.send(new S3.GetBucketCorsCommand({ Bucket: 'cors' }))).CORSRules, rules);
    assert.equal((await s3.send(new S3.DeleteBucketCorsCommand({ Bucket: 'cors' }))).$metadata.httpStatusCode, 204);
    assert.equal((await s3Error(s3.send(new S3.GetBucketCorsCommand({ Bucket: 'cors' })))).name, 'NoSuchCORSConfiguration');
  });

  it('preflights without rules, without Origin, for a missing bucket', async () => {
    for (const host of [undefined, 'cors.s3.localhost']) {
      const path = host ? '/obj' : '/cors/obj';
      const noOrigin = await raw(server, 'OPTIONS', host, path, { 'access-control-request-method': 'PUT' });
      assert.equal(noOrigin.status, 400);
      assert.equal(code(noOrigin.body), 'BadRequest');
      assert.equal(message(noOrigin.body), 'Insufficient information. Origin request header needed.');
      const notEnabled = await raw(server, 'OPTIONS', host, path, { origin: 'whatever', 'access-control-request-method': 'PUT' });
      assert.equal(notEnabled.status, 403);
      assert.equal(code(notEnabled.body), 'AccessForbidden');
      assert.equal(message(notEnabled.body), 'CORSResponse: CORS is not enabled for this bucket.');
      assert.match(notEnabled.body, /<Method>PUT<\/Method><ResourceType>OBJECT<\/ResourceType>/);
      assert.equal(notEnabled.headers['access-control-allow-origin'], undefined);
    }
    const noBucket = await raw(server, 'OPTIONS', 'no-such-bucket-cors.s3.localhost', '/k', { origin: 'whatever' });
    assert.equal(noBucket.status, 403);
    assert.equal(message(noBucket.body), 'CORSResponse: Bucket not found');
    // An actual request from a browser to a bucket without rules carries no CORS headers.
    const get = await raw(server, 'GET', undefined, '/cors/obj', { origin: 'https://localhost:4200' });
    assert.equal(get.status, 200);
    assert.equal(get.headers['access-control-allow-origin'], undefined);
  });

  it('rules decide preflights (origin, method, headers) and the headers of actual responses', async () => {
    await s3.send(
      new S3.PutBucketCorsCommand({
        Bucket: 'cors',
        CORSConfiguration: {
          CORSRules: [
            { AllowedOrigins: ['https://localhost:4200'], AllowedMethods: ['GET', 'PUT'], AllowedHeaders: ['x-amz-request-payer', 'x-amz-expected-bucket-owner'], MaxAgeSeconds: 3000 },
            { AllowedOrigins: ['http://*.origin.com'], AllowedMethods: ['GET'], ExposeHeaders: ['x-amz-request-id', 'ETag'] },
          ],
        },
      }),
    );
    const ok = await raw(server, 'OPTIONS', 'cors.s3.localhost', '/obj', {
      origin: 'https://localhost:4200',
      'access-control-request-method': 'GET',
      'access-control-request-headers': 'X-Amz-Request-Payer, x-amz-expected-bucket-owner',
    });
    assert.equal(ok.status, 200);
    assert.equal(ok.body, '');
    assert.equal(ok.headers['access-control-allow-origin'], 'https://localhost:4200');
    assert.equal(ok.headers['access-control-allow-methods'], 'GET, PUT');
    assert.equal(ok.headers['access-control-allow-headers'], 'x-amz-request-payer, x-amz-expected-bucket-owner');
    assert.equal(ok.headers['access-control-allow-credentials'], 'true');
    assert.equal(ok.headers['access-control-max-age'], '3000');
    assert.equal(ok.headers.vary, 'Origin, Access-Control-Request-Headers, Access-Control-Request-Method');

    const wrongOrigin = await raw(server, 'OPTIONS', undefined, '/cors/obj', { origin: 'http://localhost:4200', 'access-control-request-method': 'PUT' });
    assert.equal(wrongOrigin.status, 403);
    assert.equal(code(wrongOrigin.body), 'AccessForbidden');
    assert.equal(message(wrongOrigin.body), NOT_ALLOWED);
    const wrongHeader = await raw(server, 'OPTIONS', undefined, '/cors/obj', { origin: 'https://localhost:4200', 'access-control-request-method': 'GET', 'access-control-request-headers': 'x-other' });
    assert.equal(wrongHeader.status, 403);
    const bucketLevel = await raw(server, 'OPTIONS', undefined, '/cors', { origin: 'http://a.origin.com', 'access-control-request-method': 'PUT' });
    assert.equal(bucketLevel.status, 403);
    assert.match(bucketLevel.body, /<Method>PUT<\/Method><ResourceType>BUCKET<\/ResourceType>/);

    const wildcard = await raw(server, 'OPTIONS', undefined, '/cors/obj', { origin: 'http://a.origin.com', 'access-control-request-method': 'GET' });
    assert.equal(wildcard.status, 200);
    assert.equal(wildcard.headers['access-control-allow-origin'], 'http://a.origin.com');
    assert.equal(wildcard.headers['access-control-expose-headers'], 'x-amz-request-id, ETag');

    const get = await raw(server, 'GET', undefined, '/cors/obj', { origin: 'https://localhost:4200' });
    assert.equal(get.status, 200);
    assert.equal(get.body, 'test-cors');
    assert.equal(get.headers['access-control-allow-origin'], 'https://localhost:4200');
    assert.equal(get.headers['access-control-allow-methods'], 'GET, PUT');
    assert.equal(get.headers.vary, 'Origin, Access-Control-Request-Headers, Access-Control-Request-Method');
    const getWrong = await raw(server, 'GET', undefined, '/cors/obj', { origin: 'http://localhost:4200' });
    assert.equal(getWrong.status, 200);
    assert.equal(getWrong.headers['access-control-allow-origin'], undefined);
    assert.equal(getWrong.headers.vary, undefined);

    await s3.send(new S3.PutBucketCorsCommand({ Bucket: 'cors', CORSConfiguration: { CORSRules: [{ AllowedOrigins: ['*'], AllowedMethods: ['GET'] }] } }));
    const any = await raw(server, 'OPTIONS', undefined, '/cors/obj', { origin: 'http://random:1234', 'access-control-request-method': 'GET' });
    assert.equal(any.headers['access-control-allow-origin'], '*');
    assert.equal(any.headers['access-control-allow-credentials'], undefined);
    assert.equal(any.headers['access-control-max-age'], undefined);
  });
});
