/**
 * SigV4 verification cost per request, in process (no HTTP): parseSigV4 + verifySigV4 on a
 * DynamoDB-shaped JSON POST and on a Lambda-shaped REST GET, with the signing-key cache warm
 * (the normal case: one key per access key, day, region and service) and cold (a new secret each
 * time, so every request derives its key: 4 extra HMACs). The peer figure is @smithy/signature-v4
 * signing the same request (what a client pays), measured in the same run.
 *
 *   npx tsc -p tsconfig.json && node dist/bench/sigv4/verify.js
 */
import type { IncomingMessage } from 'node:http';
import { SignatureV4 } from '@smithy/signature-v4';
import { Sha256 } from '@aws-crypto/sha256-js';
import type { HttpRequest } from '../../src/core/http.js';
import { parseSigV4, uriEncode, verifySigV4 } from '../../src/aws/sigv4.js';

const SECRET = 'bench/secret';
const DURATION_MS = Number(process.env.BENCH_MS ?? 1500);

interface SmithyRequest {
  method: string;
  protocol: string;
  hostname: string;
  path: string;
  query?: Record<string, string>;
  headers: Record<string, string>;
  body?: string;
}

const requests: Record<string, SmithyRequest> = {
  'json POST (dynamodb GetItem, 1 KB body)': {
    method: 'POST',
    protocol: 'http:',
    hostname: 'localhost',
    path: '/',
    headers: { host: 'localhost:4566', 'content-type': 'application/x-amz-json-1.0', 'x-amz-target': 'DynamoDB_20120810.GetItem' },
    body: JSON.stringify({ TableName: 'users', Key: { id: { S: 'x'.repeat(960) } } }),
  },
  'rest GET (lambda GetFunction, encoded path + query)': {
    method: 'GET',
    protocol: 'http:',
    hostname: 'localhost',
    path: '/2015-03-31/functions/arn%3Aaws%3Alambda%3Aus-east-1%3A000000000000%3Afunction%3Af',
    query: { Qualifier: '$LATEST' },
    headers: { host: 'localhost:4566' },
  },
};

function signer(service: string, secret = SECRET) {
  return new SignatureV4({ credentials: { accessKeyId: 'AKID', secretAccessKey: secret }, region: 'us-east-1', service, sha256: Sha256, applyChecksum: false });
}

function toHttp(r: SmithyRequest): HttpRequest {
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(r.headers)) headers[k.toLowerCase()] = v;
  return {
    method: r.method,
    rawPath: r.path,
    rawQuery: Object.entries(r.query ?? {}).map(([k, v]) => `${uriEncode(k)}=${uriEncode(v)}`).join('&'),
    headers,
    body: Buffer.from(r.body ?? ''),
    raw: {} as IncomingMessage,
  };
}

function opsPerSecond(fn: () => void): number {
  for (let i = 0; i < 200; i++) fn();
  let n = 0;
  const start = process.hrtime.bigint();
  const end = start + BigInt(DURATION_MS) * 1_000_000n;
  let now = start;
  while (now < end) {
    for (let i = 0; i < 100; i++) fn();
    n += 100;
    now = process.hrtime.bigint();
  }
  return n / (Number(now - start) / 1e9);
}

async function asyncOpsPerSecond(fn: () => Promise<unknown>): Promise<number> {
  for (let i = 0; i < 50; i++) await fn();
  let n = 0;
  const start = process.hrtime.bigint();
  const end = start + BigInt(DURATION_MS) * 1_000_000n;
  let now = start;
  while (now < end) {
    for (let i = 0; i < 20; i++) await fn();
    n += 20;
    now = process.hrtime.bigint();
  }
  return n / (Number(now - start) / 1e9);
}

const fmt = (x: number) => Math.round(x).toLocaleString('en-US').padStart(9);

for (const [name, r] of Object.entries(requests)) {
  const service = name.includes('lambda') ? 'lambda' : 'dynamodb';
  const signed = toHttp((await signer(service).sign(r as never)) as unknown as SmithyRequest);
  const warm = opsPerSecond(() => {
    const info = parseSigV4(signed)!;
    if (!verifySigV4(signed, info, SECRET)) throw new Error('did not verify');
  });
  let k = 0;
  const cold = opsPerSecond(() => {
    const info = parseSigV4(signed)!;
    verifySigV4(signed, info, `other-secret-${k++}`);
  });
  const s = signer(service);
  const peer = await asyncOpsPerSecond(() => s.sign(structuredClone(r) as never));
  console.log(name);
  console.log(`  stratus parse+verify, key cached   ${fmt(warm)} ops/s  (${(1e6 / warm).toFixed(1)} µs/request)`);
  console.log(`  stratus parse+verify, key derived  ${fmt(cold)} ops/s  (${(1e6 / cold).toFixed(1)} µs/request)`);
  console.log(`  peer: @smithy/signature-v4 sign    ${fmt(peer)} ops/s  (${(1e6 / peer).toFixed(1)} µs/request)`);
}
