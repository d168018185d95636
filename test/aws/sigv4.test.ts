import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { IncomingMessage } from 'node:http';
import { SignatureV4 } from '@smithy/signature-v4';
import { Sha256 } from '@aws-crypto/sha256-js';
import type { HttpRequest } from '../../src/core/http.js';
import {
  buildCanonicalRequest,
  buildStringToSign,
  canonicalPath,
  canonicalQuery,
  checkSigV4Time,
  contentSha256Mismatch,
  parseSigV4,
  signatureDetails,
  uriEncode,
  verifySigV4,
  type SigV4Info,
} from '../../src/aws/sigv4.js';
import { authError, authFamily, skewMessage } from '../../src/aws/auth-errors.js';
import { AwsError } from '../../src/aws/errors.js';

const AKID = 'AKIAIOSFODNN7EXAMPLE';
const SECRET = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
const SIGNED_AT = new Date('2026-01-01T00:00:00Z');
const T0 = SIGNED_AT.getTime();
const MIN = 60_000;

interface SmithyRequest {
  method: string;
  protocol: string;
  hostname: string;
  path: string;
  query?: Record<string, string | string[]>;
  headers: Record<string, string>;
  body?: string | Uint8Array;
}

function signer(service: string, opts: { applyChecksum?: boolean; region?: string } = {}) {
  return new SignatureV4({
    credentials: { accessKeyId: AKID, secretAccessKey: SECRET },
    region: opts.region ?? 'us-east-1',
    service,
    sha256: Sha256,
    uriEscapePath: service !== 's3',
    applyChecksum: opts.applyChecksum ?? true,
  });
}

/** The signed smithy request as Stratus's HTTP layer would see it. */
function toHttp(r: SmithyRequest, raw?: Partial<IncomingMessage>): HttpRequest {
  const query = Object.entries(r.query ?? {})
    .flatMap(([k, v]) => (Array.isArray(v) ? v.map((x) => [k, x] as const) : [[k, v] as const]))
    .map(([k, v]) => `${uriEncode(k)}=${uriEncode(v)}`)
    .join('&');
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(r.headers)) headers[k.toLowerCase()] = v;
  const body = r.body === undefined ? Buffer.alloc(0) : Buffer.from(r.body);
  return { method: r.method, rawPath: r.path, rawQuery: query, headers, body, raw: (raw ?? {}) as IncomingMessage };
}

function withChanges(req: HttpRequest, changes: Partial<Omit<HttpRequest, 'raw'>>): HttpRequest {
  return { ...req, ...changes };
}

async function sign(service: string, r: SmithyRequest, opts: { applyChecksum?: boolean } = {}): Promise<HttpRequest> {
  const signed = (await signer(service, opts).sign(r as never, { signingDate: SIGNED_AT })) as unknown as SmithyRequest;
  return toHttp(signed);
}

async function presign(service: string, r: SmithyRequest, expiresIn: number): Promise<HttpRequest> {
  const signed = (await signer(service).presign(r as never, { signingDate: SIGNED_AT, expiresIn })) as unknown as SmithyRequest;
  return toHttp(signed);
}

function parsed(req: HttpRequest, service?: string): SigV4Info {
  const info = parseSigV4(req, service);
  assert.ok(info, 'request is signed');
  return info;
}

function throwsAws(fn: () => unknown, expect: { code: string; status: number; message?: string | RegExp }) {
  assert.throws(fn, (e: unknown) => {
    assert.ok(e instanceof AwsError, `AwsError expected, got ${String(e)}`);
    assert.equal(e.code, expect.code);
    assert.equal(e.status, expect.status);
    if (typeof expect.message === 'string') assert.equal(e.message, expect.message);
    else if (expect.message) assert.match(e.message, expect.message);
    return true;
  });
}

const ddbRequest = (): SmithyRequest => ({
  method: 'POST',
  protocol: 'http:',
  hostname: 'localhost',
  path: '/',
  headers: {
    host: 'localhost:4566',
    'content-type': 'application/x-amz-json-1.0',
    'x-amz-target': 'DynamoDB_20120810.GetItem',
  },
  body: JSON.stringify({ TableName: 'users', Key: { id: { S: '1' } } }),
});

describe('SigV4 pinned vector', () => {
  test('GET / (the shape of the AWS test suite get-vanilla case)', () => {
    // GET / on example.amazon.com, service "service"; signature pinned from @smithy/signature-v4.
    const req: HttpRequest = {
      method: 'GET',
      rawPath: '/',
      rawQuery: '',
      headers: {
        host: 'example.amazon.com',
        'x-amz-date': '20150830T123600Z',
        authorization:
          'AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, SignedHeaders=host;x-amz-date, Signature=7ab4567ae243ee168f6bf18206b2b40b61ce08277323168138fa113ed23c538e',
      },
      body: Buffer.alloc(0),
      raw: {} as IncomingMessage,
    };
    const info = parsed(req);
    assert.deepEqual(
      { ...info },
      {
        accessKeyId: 'AKIDEXAMPLE',
        date: '20150830',
        region: 'us-east-1',
        service: 'service',
        signedHeaders: ['host', 'x-amz-date'],
        signature: '7ab4567ae243ee168f6bf18206b2b40b61ce08277323168138fa113ed23c538e',
        amzDate: '20150830T123600Z',
        presigned: false,
      },
    );
    assert.equal(
      buildCanonicalRequest(req, info),
      'GET\n/\n\nhost:example.amazon.com\nx-amz-date:20150830T123600Z\n\nhost;x-amz-date\ne3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
    );
    assert.equal(verifySigV4(req, info, 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY'), true);
    assert.equal(verifySigV4(req, info, 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEZ'), false);
  });
});

describe('SigV4 verification of SDK-signed requests', () => {
  test('json POST (DynamoDB), body hashed by the server', async () => {
    const req = await sign('dynamodb', ddbRequest(), { applyChecksum: false });
    assert.equal(req.headers['x-amz-content-sha256'], undefined);
    const info = parsed(req, 'dynamodb');
    assert.equal(info.service, 'dynamodb');
    assert.equal(info.accessKeyId, AKID);
    assert.equal(info.amzDate, '20260101T000000Z');
    assert.equal(verifySigV4(req, info, SECRET), true);
    assert.equal(verifySigV4(withChanges(req, { body: Buffer.from('{"TableName":"other"}') }), info, SECRET), false, 'tampered body');
    assert.equal(
      verifySigV4(withChanges(req, { headers: { ...req.headers, 'x-amz-target': 'DynamoDB_20120810.DeleteItem' } }), info, SECRET),
      false,
      'tampered signed header',
    );
    assert.equal(verifySigV4(req, info, SECRET + 'x'), false, 'wrong secret');
    assert.equal(verifySigV4(withChanges(req, { method: 'PUT' }), info, SECRET), false, 'tampered method');
    // A header that was not signed may change freely.
    assert.equal(verifySigV4(withChanges(req, { headers: { ...req.headers, 'user-agent': 'other' } }), info, SECRET), true);
  });

  test('json POST with x-amz-content-sha256 (Step Functions)', async () => {
    const req = await sign('states', {
      ...ddbRequest(),
      headers: { host: 'localhost:4566', 'content-type': 'application/x-amz-json-1.0', 'x-amz-target': 'AWSStepFunctions.ListStateMachines' },
      body: '{}',
    });
    assert.ok(req.headers['x-amz-content-sha256']);
    const info = parsed(req);
    assert.equal(info.service, 'states');
    assert.equal(verifySigV4(req, info, SECRET), true);
    assert.equal(verifySigV4(withChanges(req, { body: Buffer.from('{"maxResults":1}') }), info, SECRET), false);
  });

  test('rest GET with an encoded path and query (Lambda)', async () => {
    const req = await sign('lambda', {
      method: 'GET',
      protocol: 'http:',
      hostname: 'localhost',
      path: '/2015-03-31/functions/arn%3Aaws%3Alambda%3Aus-east-1%3A000000000000%3Afunction%3Amy-fn/configuration',
      query: { Qualifier: 'v 1+2', Marker: 'a/b~c*d', Zeta: ['2', '1'] },
      headers: { host: 'localhost:4566' },
    });
    assert.match(req.rawQuery, /Qualifier=v%201%2B2/);
    const info = parsed(req, 'lambda');
    assert.equal(verifySigV4(req, info, SECRET), true);
    assert.equal(
      verifySigV4(withChanges(req, { rawPath: req.rawPath.replace('my-fn', 'my-fo') }), info, SECRET),
      false,
      'tampered path',
    );
    assert.equal(verifySigV4(withChanges(req, { rawQuery: req.rawQuery.replace('v%201', 'v%202') }), info, SECRET), false, 'tampered query');
    assert.equal(verifySigV4(withChanges(req, { rawQuery: req.rawQuery + '&Extra=1' }), info, SECRET), false, 'added query parameter');
    // Query order on the wire does not matter: the canonical query is sorted.
    const reordered = req.rawQuery.split('&').reverse().join('&');
    assert.equal(verifySigV4(withChanges(req, { rawQuery: reordered }), info, SECRET), true);
  });

  test('non-S3 paths are normalised before signing', async () => {
    const req = await sign('apigateway', {
      method: 'GET',
      protocol: 'http:',
      hostname: 'localhost',
      path: '/restapis//abc/./resources/x/../y/',
      headers: { host: 'localhost:4566' },
    });
    const info = parsed(req);
    assert.equal(canonicalPath(req.rawPath, 'apigateway'), '/restapis/abc/resources/y/');
    assert.equal(verifySigV4(req, info, SECRET), true);
  });

  test('S3 signs the path as sent, with a declared payload hash', async () => {
    const body = 'hello world';
    const req = await sign('s3', {
      method: 'PUT',
      protocol: 'http:',
      hostname: 'localhost',
      path: '/my-bucket/dir//a%20b/c%2Bd.txt',
      headers: { host: 'localhost:4566', 'content-type': 'text/plain' },
      body,
    });
    const info = parsed(req, 's3');
    assert.equal(canonicalPath(req.rawPath, 's3'), '/my-bucket/dir//a%20b/c%2Bd.txt');
    assert.equal(verifySigV4(req, info, SECRET), true);
    const tampered = withChanges(req, { body: Buffer.from('hello there') });
    assert.equal(verifySigV4(tampered, info, SECRET), false, 'tampered body');
    assert.deepEqual(contentSha256Mismatch(tampered)?.claimed, req.headers['x-amz-content-sha256']);
    assert.equal(contentSha256Mismatch(req), undefined);
    assert.equal(verifySigV4(withChanges(req, { rawPath: '/my-bucket/dir/a%20b/c%2Bd.txt' }), info, SECRET), false, 'S3 path not normalised');
  });

  test('S3 UNSIGNED-PAYLOAD and STREAMING payload hashes are taken from the header', async () => {
    for (const hash of ['UNSIGNED-PAYLOAD', 'STREAMING-AWS4-HMAC-SHA256-PAYLOAD']) {
      const req = await sign('s3', {
        method: 'PUT',
        protocol: 'http:',
        hostname: 'localhost',
        path: '/b/k',
        headers: { host: 'localhost:4566', 'x-amz-content-sha256': hash },
        body: 'anything',
      });
      const info = parsed(req, 's3');
      assert.equal(verifySigV4(req, info, SECRET), true, hash);
      assert.equal(verifySigV4(withChanges(req, { body: Buffer.from('other') }), info, SECRET), true, `${hash}: body not covered`);
    }
  });

  test('header values: trimmed, sequential spaces collapsed', async () => {
    const req = await sign('lambda', {
      method: 'GET',
      protocol: 'http:',
      hostname: 'localhost',
      path: '/2015-03-31/functions',
      headers: { host: 'localhost:4566', 'x-amz-meta-note': '  a   b \t c  ' },
    });
    const info = parsed(req);
    assert.ok(info.signedHeaders.includes('x-amz-meta-note'));
    assert.match(buildCanonicalRequest(req, info), /\nx-amz-meta-note:a b c\n/);
    assert.equal(verifySigV4(req, info, SECRET), true);
    // The same value with different inner spacing canonicalises the same way.
    assert.equal(verifySigV4(withChanges(req, { headers: { ...req.headers, 'x-amz-meta-note': 'a b c' } }), info, SECRET), true);
    assert.equal(verifySigV4(withChanges(req, { headers: { ...req.headers, 'x-amz-meta-note': 'a bc' } }), info, SECRET), false);
  });

  test('repeated headers from the raw header list are joined with commas', async () => {
    const base = await sign('lambda', {
      method: 'GET',
      protocol: 'http:',
      hostname: 'localhost',
      path: '/2015-03-31/functions',
      headers: { host: 'localhost:4566', 'x-amz-meta-multi': 'one,two' },
    });
    const info = parsed(base);
    const rawHeaders = Object.entries(base.headers).flatMap(([k, v]) => (k === 'x-amz-meta-multi' ? [k, 'one', 'X-Amz-Meta-Multi', ' two '] : [k, v!]));
    const req = { ...base, raw: { rawHeaders } as unknown as IncomingMessage };
    assert.equal(verifySigV4(req, info, SECRET), true);
  });

  test('query-protocol POST (STS)', async () => {
    const req = await sign('sts', {
      method: 'POST',
      protocol: 'http:',
      hostname: 'localhost',
      path: '/',
      headers: { host: 'localhost:4566', 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' },
      body: 'Action=GetCallerIdentity&Version=2011-06-15',
    });
    const info = parsed(req);
    assert.equal(verifySigV4(req, info, SECRET), true);
    assert.equal(verifySigV4(withChanges(req, { body: Buffer.from('Action=GetSessionToken&Version=2011-06-15') }), info, SECRET), false);
  });

  test('presigned S3 URL', async () => {
    const req = await presign(
      's3',
      {
        method: 'GET',
        protocol: 'http:',
        hostname: 'localhost',
        path: '/my-bucket/photos/cat%20one.jpg',
        query: { 'x-id': 'GetObject', 'response-content-type': 'image/jpeg' },
        headers: { host: 'localhost:4566', 'x-amz-content-sha256': 'UNSIGNED-PAYLOAD' },
      },
      300,
    );
    assert.equal(req.headers['authorization'], undefined);
    const info = parsed(req, 's3');
    assert.equal(info.presigned, true);
    assert.equal(info.expiresSeconds, 300);
    assert.equal(info.service, 's3');
    assert.equal(verifySigV4(req, info, SECRET), true);
    assert.equal(verifySigV4(withChanges(req, { rawQuery: req.rawQuery.replace('image%2Fjpeg', 'text%2Fhtml') }), info, SECRET), false);
    assert.equal(verifySigV4(withChanges(req, { rawPath: '/my-bucket/photos/cat%20two.jpg' }), info, SECRET), false);
    assert.equal(verifySigV4(req, info, 'not-the-secret'), false);
    assert.equal(checkSigV4Time(info, T0 + 299_000), 'ok');
    assert.equal(checkSigV4Time(info, T0 + 300_000), 'ok');
    assert.equal(checkSigV4Time(info, T0 + 301_000), 'expired');
    assert.equal(checkSigV4Time(info, T0 - 16 * MIN), 'skewed', 'dated in the future');
  });

  test('presigned non-S3 URL (STS GetCallerIdentity) lives 15 minutes whatever X-Amz-Expires says', async () => {
    const req = await presign(
      'sts',
      {
        method: 'GET',
        protocol: 'http:',
        hostname: 'localhost',
        path: '/',
        query: { Action: 'GetCallerIdentity', Version: '2011-06-15' },
        headers: { host: 'localhost:4566', 'x-k8s-aws-id': 'cluster' },
      },
      60,
    );
    const info = parsed(req);
    assert.equal(info.presigned, true);
    assert.ok(info.signedHeaders.includes('x-k8s-aws-id'));
    assert.equal(verifySigV4(req, info, SECRET), true);
    assert.equal(verifySigV4(withChanges(req, { headers: { ...req.headers, 'x-k8s-aws-id': 'other' } }), info, SECRET), false);
    assert.equal(checkSigV4Time(info, T0 + 14 * MIN), 'ok');
    assert.equal(checkSigV4Time(info, T0 + 16 * MIN), 'expired');
  });
});

describe('SigV4 request time', () => {
  test('header-signed: more than 15 minutes either way is skewed', async () => {
    const info = parsed(await sign('dynamodb', ddbRequest()));
    assert.equal(checkSigV4Time(info, T0), 'ok');
    assert.equal(checkSigV4Time(info, T0 + 15 * MIN), 'ok');
    assert.equal(checkSigV4Time(info, T0 + 15 * MIN + 1000), 'skewed');
    assert.equal(checkSigV4Time(info, T0 - 15 * MIN - 1000), 'skewed');
  });

  test('the Date header stands in for X-Amz-Date', () => {
    const req: HttpRequest = {
      method: 'GET',
      rawPath: '/',
      rawQuery: '',
      headers: {
        host: 'localhost',
        date: 'Thu, 01 Jan 2026 00:05:00 GMT',
        authorization: `AWS4-HMAC-SHA256 Credential=${AKID}/20260101/us-east-1/sts/aws4_request, SignedHeaders=date;host, Signature=00`,
      },
      body: Buffer.alloc(0),
      raw: {} as IncomingMessage,
    };
    const info = parsed(req);
    assert.equal(info.amzDate, '20260101T000500Z');
    assert.equal(checkSigV4Time(info, T0 + 25 * MIN), 'skewed');
  });
});

describe('SigV4 malformed signatures', () => {
  const base = (authorization: string, extra: Record<string, string> = { 'x-amz-date': '20260101T000000Z' }): HttpRequest => ({
    method: 'POST',
    rawPath: '/',
    rawQuery: '',
    headers: { host: 'localhost', authorization, ...extra },
    body: Buffer.alloc(0),
    raw: {} as IncomingMessage,
  });
  const cred = `${AKID}/20260101/us-east-1/dynamodb/aws4_request`;

  test('an unsigned request is not an error', () => {
    assert.equal(parseSigV4(base('', {})), undefined);
    assert.equal(parseSigV4({ ...base('', {}), headers: { host: 'x' }, rawQuery: 'Action=ListQueues' }), undefined);
  });

  test('missing Signature / SignedHeaders', () => {
    const header = `AWS4-HMAC-SHA256 Credential=${cred}`;
    throwsAws(() => parseSigV4(base(header), 'dynamodb'), {
      code: 'IncompleteSignatureException',
      status: 400,
      message: `Authorization header requires 'Signature' parameter. Authorization header requires 'SignedHeaders' parameter. Authorization=${header}`,
    });
  });

  test('missing date header', () => {
    const header = `AWS4-HMAC-SHA256 Credential=${cred}, SignedHeaders=host, Signature=abc`;
    throwsAws(() => parseSigV4(base(header, {}), 'sts'), {
      code: 'IncompleteSignature',
      status: 400,
      message: `Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header. Authorization=${header}`,
    });
  });

  test('a non-SigV4 scheme (Bearer) lacks every part', () => {
    throwsAws(() => parseSigV4(base('Bearer abc.def', {}), 'lambda'), {
      code: 'IncompleteSignatureException',
      status: 403,
      message:
        "Authorization header requires 'Credential' parameter. Authorization header requires 'Signature' parameter. Authorization header requires 'SignedHeaders' parameter. Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header. Authorization=Bearer abc.def",
    });
  });

  test('a part without an equal sign', () => {
    const header = `AWS4-HMAC-SHA256 Credential ${cred}, SignedHeaders=host, Signature=abc`;
    throwsAws(() => parseSigV4(base(header), 'dynamodb'), {
      code: 'IncompleteSignatureException',
      status: 400,
      message: `'Credential ${cred}' not a valid key=value pair (missing equal-sign) in Authorization header: '${header}'.`,
    });
  });

  test('a credential with a wrong terminator or shape', () => {
    throwsAws(() => parseSigV4(base(`AWS4-HMAC-SHA256 Credential=${AKID}/20260101/us-east-1/dynamodb/aws5_request, SignedHeaders=host, Signature=abc`)), {
      code: 'IncompleteSignatureException',
      status: 400,
      message: "Credential should be scoped with a valid terminator: 'aws4_request', not 'aws5_request'.",
    });
    throwsAws(() => parseSigV4(base(`AWS4-HMAC-SHA256 Credential=${AKID}/20260101/dynamodb/aws4_request, SignedHeaders=host, Signature=abc`), 'dynamodb'), {
      code: 'IncompleteSignatureException',
      status: 400,
    });
    throwsAws(() => parseSigV4(base(`AWS4-HMAC-SHA256 Credential=${AKID}/20260101/us-east-1/s3/aws4_requestx, SignedHeaders=host, Signature=abc`), 's3'), {
      code: 'AuthorizationHeaderMalformed',
      status: 400,
      message: 'The authorization header is malformed; the Credential is mal-formed; expecting "<YOUR-AKID>/YYYYMMDD/REGION/SERVICE/aws4_request".',
    });
  });

  test('a credential date that is not the request date', () => {
    throwsAws(() => parseSigV4(base(`AWS4-HMAC-SHA256 Credential=${AKID}/20251231/us-east-1/dynamodb/aws4_request, SignedHeaders=host, Signature=abc`)), {
      code: 'InvalidSignatureException',
      status: 400,
      message: "Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '20251231' != '20260101', from '20260101T000000Z'.",
    });
  });

  test('a malformed X-Amz-Date', () => {
    throwsAws(() => parseSigV4(base(`AWS4-HMAC-SHA256 Credential=${cred}, SignedHeaders=host, Signature=abc`, { 'x-amz-date': '2026-01-01T00:00:00Z' })), {
      code: 'IncompleteSignatureException',
      status: 400,
      message: "Date must be in ISO-8601 'basic format'. Got '2026-01-01T00:00:00Z'. See http://en.wikipedia.org/wiki/ISO_8601",
    });
  });

  test('host must be signed', () => {
    throwsAws(() => parseSigV4(base(`AWS4-HMAC-SHA256 Credential=${cred}, SignedHeaders=x-amz-date, Signature=abc`)), {
      code: 'IncompleteSignatureException',
      status: 400,
      message: "'Host' or ':authority' must be a 'SignedHeader' in the AWS Authorization.",
    });
  });

  test('S3 rejects SigV2', () => {
    throwsAws(() => parseSigV4(base(`AWS ${AKID}:c2lnbmF0dXJl`), 's3'), {
      code: 'InvalidRequest',
      status: 400,
      message: 'The authorization mechanism you have provided is not supported. Please use AWS4-HMAC-SHA256.',
    });
  });

  test('presigned query missing parameters', () => {
    const q = (s: string) => ({ ...base('', {}), headers: { host: 'localhost' }, rawQuery: s });
    throwsAws(() => parseSigV4(q(`X-Amz-Credential=${encodeURIComponent(`${AKID}/20260101/us-east-1/sts/aws4_request`)}&X-Amz-Date=20260101T000000Z&X-Amz-Algorithm=AWS4-HMAC-SHA256`)), {
      code: 'IncompleteSignature',
      status: 400,
      message:
        "AWS query-string parameters must include 'X-Amz-Signature'. AWS query-string parameters must include 'X-Amz-SignedHeaders'. Re-examine the query-string parameters.",
    });
    throwsAws(() => parseSigV4(q(`X-Amz-Credential=${encodeURIComponent(`${AKID}/20260101/us-east-1/s3/aws4_request`)}&X-Amz-Date=20260101T000000Z`)), {
      code: 'AuthorizationQueryParametersError',
      status: 400,
      message:
        'Query-string authentication version 4 requires the X-Amz-Algorithm, X-Amz-Credential, X-Amz-Signature, X-Amz-Date, X-Amz-SignedHeaders, and X-Amz-Expires parameters.',
    });
    const full = (expires: string) =>
      q(
        `X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=${encodeURIComponent(`${AKID}/20260101/us-east-1/s3/aws4_request`)}&X-Amz-Date=20260101T000000Z&X-Amz-Expires=${expires}&X-Amz-SignedHeaders=host&X-Amz-Signature=abc`,
      );
    throwsAws(() => parseSigV4(full('604801')), {
      code: 'AuthorizationQueryParametersError',
      status: 400,
      message: 'X-Amz-Expires must be less than a week (in seconds) that is; 604800',
    });
    assert.equal(parsed(full('604800')).expiresSeconds, 604800);
  });
});

describe('auth errors per service', () => {
  test('the example messages from AWS', () => {
    const e = authError('dynamodb', 'skewed', { amzDate: '20260101T000000Z', nowMs: Date.parse('2026-01-01T00:25:00Z') });
    assert.equal(e.code, 'InvalidSignatureException');
    assert.equal(e.status, 400);
    assert.equal(e.message, 'Signature expired: 20260101T000000Z is now earlier than 20260101T001000Z (20260101T002500Z - 15 min.)');
    assert.equal(
      skewMessage('20260101T003000Z', Date.parse('2026-01-01T00:00:00Z')),
      'Signature not yet current: 20260101T003000Z is still later than 20260101T001500Z (20260101T000000Z + 15 min.)',
    );
  });

  test('codes and statuses by family', () => {
    const table: [string, string, string, number, string][] = [
      ['dynamodb', 'signature', 'InvalidSignatureException', 400, 'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.'],
      ['dynamodb', 'unknownKey', 'UnrecognizedClientException', 400, 'The security token included in the request is invalid.'],
      ['dynamodb', 'missing', 'MissingAuthenticationTokenException', 400, 'Request is missing Authentication Token'],
      ['logs', 'unknownKey', 'UnrecognizedClientException', 400, 'The security token included in the request is invalid.'],
      ['stepfunctions', 'unknownKey', 'UnrecognizedClientException', 400, 'The security token included in the request is invalid.'],
      ['states', 'signature', 'InvalidSignatureException', 400, 'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.'],
      ['lambda', 'unknownKey', 'UnrecognizedClientException', 403, 'The security token included in the request is invalid.'],
      ['lambda', 'missing', 'MissingAuthenticationTokenException', 403, 'Missing Authentication Token'],
      ['apigateway', 'signature', 'InvalidSignatureException', 403, 'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.'],
      ['sts', 'signature', 'SignatureDoesNotMatch', 403, 'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.'],
      ['sts', 'unknownKey', 'InvalidClientTokenId', 403, 'The security token included in the request is invalid.'],
      ['sts', 'missing', 'MissingAuthenticationToken', 403, 'Request is missing Authentication Token'],
      ['sns', 'unknownKey', 'InvalidClientTokenId', 403, 'The security token included in the request is invalid.'],
      ['sqs', 'unknownKey', 'InvalidClientTokenId', 403, 'The security token included in the request is invalid.'],
      ['s3', 'signature', 'SignatureDoesNotMatch', 403, 'The request signature we calculated does not match the signature you provided. Check your key and signing method.'],
      ['s3', 'unknownKey', 'InvalidAccessKeyId', 403, 'The AWS Access Key Id you provided does not exist in our records.'],
      ['s3', 'skewed', 'RequestTimeTooSkewed', 403, 'The difference between the request time and the current time is too large.'],
      ['s3', 'expired', 'AccessDenied', 403, 'Request has expired'],
      ['s3', 'missing', 'AccessDenied', 403, 'Access Denied'],
    ];
    for (const [service, kind, code, status, message] of table) {
      const e = authError(service, kind as 'signature', { amzDate: '20260101T000000Z', nowMs: T0 + 20 * MIN, expiresSeconds: 60 });
      assert.ok(e instanceof AwsError);
      assert.deepEqual([e.code, e.status, e.message], [code, status, message], `${service} ${kind}`);
    }
    assert.equal(authError('sqs', 'signature').headers['x-amzn-query-error'], 'SignatureDoesNotMatch;Sender');
    assert.equal(authError('sts', 'skewed', { amzDate: '20260101T000000Z', nowMs: T0 + 20 * MIN }).code, 'SignatureDoesNotMatch');
    assert.equal(authError('lambda', 'expired', { amzDate: '20260101T000000Z', nowMs: T0 + 20 * MIN }).status, 403);
    assert.equal(authFamily('kinesis'), 'json');
    assert.equal(authFamily('execute-api'), 'rest');
  });

  test('S3 error fields', () => {
    const now = Date.parse('2026-01-01T00:20:00Z');
    assert.deepEqual(authError('s3', 'skewed', { amzDate: '20260101T000000Z', nowMs: now }).fields, {
      RequestTime: '20260101T000000Z',
      ServerTime: '2026-01-01T00:20:00Z',
      MaxAllowedSkewMilliseconds: 900000,
    });
    assert.deepEqual(authError('s3', 'expired', { amzDate: '20260101T000000Z', nowMs: now, expiresSeconds: 300 }).fields, {
      'X-Amz-Expires': 300,
      Expires: '2026-01-01T00:05:00Z',
      ServerTime: '2026-01-01T00:20:00Z',
    });
    assert.equal(authError('s3', 'skewed', { amzDate: '20260101T003000Z', nowMs: T0, presigned: true }).message, 'Request is not yet valid');
    const sig = authError('s3', 'signature', { accessKeyId: AKID, stringToSign: 'AB', canonicalRequest: 'C', signatureProvided: 'ff' });
    assert.deepEqual(sig.fields, {
      AWSAccessKeyId: AKID,
      StringToSign: 'AB',
      SignatureProvided: 'ff',
      StringToSignBytes: '41 42',
      CanonicalRequest: 'C',
      CanonicalRequestBytes: '43',
    });
    assert.deepEqual(authError('s3', 'unknownKey', { accessKeyId: AKID }).fields, { AWSAccessKeyId: AKID });
  });

  test('json services echo the canonical request and string to sign on a mismatch', async () => {
    const req = await sign('dynamodb', ddbRequest());
    const info = parsed(req);
    const canonical = buildCanonicalRequest(req, info);
    const sts = buildStringToSign(info, canonical);
    assert.deepEqual(signatureDetails(req, info), { canonicalRequest: canonical, stringToSign: sts });
    const e = authError('dynamodb', 'signature', signatureDetails(req, info));
    assert.ok(e.message.includes(`\n\nThe Canonical String for this request should have been\n'${canonical}'\n\nThe String-to-Sign should have been\n'${sts}'\n`));
    assert.ok(sts.startsWith('AWS4-HMAC-SHA256\n20260101T000000Z\n20260101/us-east-1/dynamodb/aws4_request\n'));
  });

  test('canonical query encoding and ordering', () => {
    assert.equal(canonicalQuery('b=2&a=2&a=1&c&d=%7e%20x+y', false), 'a=1&a=2&b=2&c=&d=~%20x%2By');
    assert.equal(canonicalQuery('X-Amz-Signature=abc&X-Amz-Date=1', true), 'X-Amz-Date=1');
    assert.equal(canonicalQuery('X-Amz-Signature=abc', false), 'X-Amz-Signature=abc');
  });
});
