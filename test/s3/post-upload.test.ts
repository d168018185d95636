/** Browser POST uploads (PostObject): signed policies, conditions, expiry on the platform clock, success actions, AWS's errors. */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import * as S3 from '@aws-sdk/client-s3';
import type { TestServer } from '../helpers/server.js';
import { readAll, s3Client, startS3 } from './helpers.js';
import { signedFields } from './post-policy.js';

async function post(url: string, fields: Record<string, string>, file: string | Blob, filename = 'file.txt'): Promise<{ status: number; headers: Headers; body: string }> {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  form.append('file', typeof file === 'string' ? new Blob([file]) : file, filename);
  const res = await fetch(url, { method: 'POST', body: form, redirect: 'manual' });
  return { status: res.status, headers: res.headers, body: await res.text() };
}

const message = (body: string): string | undefined => /<Message>([^<]*)<\/Message>/.exec(body)?.[1]?.replace(/&quot;/g, '"');

describe('S3 browser POST uploads', () => {
  let server: TestServer;
  let s3: S3.S3Client;
  let url: string;
  const later = () => new Date(server.clock.now() + 3600_000);
  before(async () => {
    server = await startS3({ config: { auth: 'strict', credentials: [{ accessKeyId: 'test', secretAccessKey: 'test', accountId: '000000000000' }] } });
    s3 = s3Client(server);
    await s3.send(new S3.CreateBucketCommand({ Bucket: 'uploads' }));
    url = `${server.endpoint}/uploads`;
  });
  after(() => server.stop());

  it('stores the file under the key (with ${filename}), its content type and metadata; 204 by default', async () => {
    const fields = { key: 'user/${filename}', 'Content-Type': 'text/plain', 'x-amz-meta-who': 'browser' };
    const signed = signedFields([{ bucket: 'uploads' }, ['starts-with', '$key', 'user/'], ['starts-with', '$Content-Type', 'text/'], { 'x-amz-meta-who': 'browser' }], later());
    const res = await post(url, { ...fields, ...signed }, 'hello from a form', 'hello.txt');
    assert.equal(res.status, 204, res.body);
    assert.equal(res.headers.get('etag'), `"${createHash('md5').update('hello from a form').digest('hex')}"`);
    const got = await s3.send(new S3.GetObjectCommand({ Bucket: 'uploads', Key: 'user/hello.txt' }));
    assert.equal((await readAll(got.Body as AsyncIterable<Uint8Array>)).toString(), 'hello from a form');
    assert.equal(got.ContentType, 'text/plain');
    assert.deepEqual(got.Metadata, { who: 'browser' });
    assert.equal(got.ETag, res.headers.get('etag'));
  });

  it('success_action_status 201 answers a PostResponse; success_action_redirect a 303 with bucket, key and etag', async () => {
    const created = await post(url, { key: 'a.txt', success_action_status: '201', ...signedFields([{ bucket: 'uploads' }, { key: 'a.txt' }, { success_action_status: '201' }], later()) }, 'A');
    assert.equal(created.status, 201);
    assert.match(created.body, /<PostResponse><Location>http:\/\/[^<]+\/uploads\/a\.txt<\/Location><Bucket>uploads<\/Bucket><Key>a\.txt<\/Key><ETag>"7fc56270e7a70fa81a5935b72eacbe29"<\/ETag><\/PostResponse>/);
    const redirect = 'http://app.example/done';
    const moved = await post(url, { key: 'b.txt', success_action_redirect: redirect, ...signedFields([{ bucket: 'uploads' }, { key: 'b.txt' }, ['eq', '$success_action_redirect', redirect]], later()) }, 'B');
    assert.equal(moved.status, 303);
    const to = new URL(moved.headers.get('location')!);
    assert.deepEqual([to.origin + to.pathname, to.searchParams.get('bucket'), to.searchParams.get('key'), to.searchParams.get('etag')], [redirect, 'uploads', 'b.txt', '"9d5ed678fe57bcca610140957afab571"']);
  });

  it('violated conditions, extra fields, size range, expiry on the platform clock and a wrong signature are refused; nothing is stored', async () => {
    const bad = await post(url, { key: 'other/x', ...signedFields([{ bucket: 'uploads' }, ['starts-with', '$key', 'user/']], later()) }, 'x');
    assert.equal(bad.status, 403);
    assert.match(bad.body, /<Code>AccessDenied<\/Code>/);
    assert.equal(message(bad.body), 'Invalid according to Policy: Policy Condition failed: ["starts-with", "$key", "user/"]');
    const extra = await post(url, { key: 'user/x', 'x-amz-meta-extra': '1', ...signedFields([{ bucket: 'uploads' }, ['starts-with', '$key', 'user/']], later()) }, 'x');
    assert.equal(extra.status, 403);
    assert.equal(message(extra.body), 'Invalid according to Policy: Extra input fields: x-amz-meta-extra');
    const big = await post(url, { key: 'user/big', ...signedFields([{ bucket: 'uploads' }, ['starts-with', '$key', ''], ['content-length-range', 1, 10]], later()) }, '0123456789AB');
    assert.equal(big.status, 400);
    assert.match(big.body, /<Code>EntityTooLarge<\/Code><Message>Your proposed upload exceeds the maximum allowed size<\/Message><ProposedSize>\d+<\/ProposedSize><MaxSizeAllowed>10<\/MaxSizeAllowed>/);
    const small = await post(url, { key: 'user/small', ...signedFields([{ bucket: 'uploads' }, ['starts-with', '$key', ''], ['content-length-range', 5, 10]], later()) }, 'x');
    assert.equal(small.status, 400);
    assert.match(small.body, /<Code>EntityTooSmall<\/Code><Message>Your proposed upload is smaller than the minimum allowed size<\/Message><ProposedSize>1<\/ProposedSize><MinSizeAllowed>5<\/MinSizeAllowed>/);
    const twoProps = await post(url, { key: 'user/x', ...signedFields([{ bucket: 'uploads', key: 'user/x' }], later()) }, 'x');
    assert.equal(twoProps.status, 400);
    assert.match(twoProps.body, /<Code>InvalidPolicyDocument<\/Code><Message>Invalid Policy: Invalid Simple-Condition: Simple-Conditions must have exactly one property specified.<\/Message>/);

    const soon = signedFields([{ bucket: 'uploads' }, ['starts-with', '$key', '']], new Date(server.clock.now() + 60_000));
    server.clock.advance(61_000);
    const expired = await post(url, { key: 'late', ...soon }, 'x');
    assert.equal(expired.status, 403);
    assert.equal(message(expired.body), 'Invalid according to Policy: Policy expired.');
    const forged = await post(url, { key: 'user/f', ...signedFields([{ bucket: 'uploads' }, ['starts-with', '$key', '']], later(), 'wrong-secret') }, 'x');
    assert.equal(forged.status, 403);
    assert.match(forged.body, /<Code>SignatureDoesNotMatch<\/Code>/);

    const listed = await s3.send(new S3.ListObjectsV2Command({ Bucket: 'uploads' }));
    assert.deepEqual(listed.Contents?.map((o) => o.Key), ['a.txt', 'b.txt', 'user/hello.txt']);
  });

  it('virtual-hosted form uploads; a POST that is not a form is PreconditionFailed, a malformed form MalformedPOSTRequest', async () => {
    const port = new URL(server.endpoint).port;
    const form = new FormData();
    for (const [k, v] of Object.entries({ key: 'vh.txt', ...signedFields([{ bucket: 'uploads' }, { key: 'vh.txt' }], later()) })) form.append(k, v);
    form.append('file', new Blob(['virtual']), 'vh.txt');
    const { request } = await import('node:http');
    const body = Buffer.from(await new Response(form).arrayBuffer());
    const contentType = new Response(form).headers.get('content-type');
    let last = '';
    const send = (headers: Record<string, string>, payload: Buffer) =>
      new Promise<number>((resolve, reject) => {
        const req = request({ host: '127.0.0.1', port: Number(port), method: 'POST', path: '/', headers: { host: `uploads.s3.localhost:${port}`, 'content-length': String(payload.length), ...headers } }, (res) => {
          last = '';
          res.on('data', (c: Buffer) => (last += c.toString()));
          res.on('end', () => resolve(res.statusCode!));
        });
        req.on('error', reject);
        req.end(payload);
      });
    // FormData boundaries differ between two Responses: take the one that goes with the body.
    const boundary = /--([^\r\n]+)/.exec(body.toString('latin1'))![1]!;
    assert.ok(contentType);
    assert.equal(await send({ 'content-type': `multipart/form-data; boundary=${boundary}` }, body), 204);
    const got = await s3.send(new S3.GetObjectCommand({ Bucket: 'uploads', Key: 'vh.txt' }));
    assert.equal((await readAll(got.Body as AsyncIterable<Uint8Array>)).toString(), 'virtual');
    assert.equal(await send({ 'content-type': 'text/plain' }, Buffer.from('key=x')), 412);
    assert.match(last, /<Code>PreconditionFailed<\/Code><Message>At least one of the pre-conditions you specified did not hold<\/Message><Condition>Bucket POST must be of the enclosure-type multipart\/form-data<\/Condition>/);
    const res = await fetch(`${server.endpoint}/uploads`, { method: 'POST', headers: { 'content-type': 'multipart/form-data; boundary=x' }, body: 'nope' });
    assert.equal(res.status, 400);
    assert.match(await res.text(), /<Code>MalformedPOSTRequest<\/Code><Message>The body of your POST request is not well-formed multipart\/form-data.<\/Message>/);
  });
});
