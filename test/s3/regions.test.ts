/**
 * A bucket addressed from another region: 301 PermanentRedirect with x-amz-bucket-region (HEAD: the
 * status and header alone), 400 AuthorizationHeaderMalformed when the host names the bucket's region
 * but the signature another, and the SDK v3 (followRegionRedirects) and boto3 following them.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { CreateBucketCommand, GetBucketLocationCommand, GetObjectCommand, HeadBucketCommand, HeadObjectCommand, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { request, type IncomingHttpHeaders } from 'node:http';
import { boto3 } from '../helpers/clients.js';
import { signHeaders } from '../helpers/sign.js';
import type { TestServer } from '../helpers/server.js';
import { readAll, s3Client, s3Error, signedFetch, startS3 } from './helpers.js';

describe('S3 buckets addressed from another region', () => {
  let server: TestServer;
  let eu: S3Client;
  let us: S3Client;
  before(async () => {
    server = await startS3({ config: { auth: 'strict', credentials: [{ accessKeyId: 'test', secretAccessKey: 'test', accountId: '000000000000' }] } });
    eu = s3Client(server, { region: 'eu-west-1' });
    us = s3Client(server, { region: 'us-east-1' });
    await eu.send(new CreateBucketCommand({ Bucket: 'in-ireland', CreateBucketConfiguration: { LocationConstraint: 'eu-west-1' } }));
    await eu.send(new PutObjectCommand({ Bucket: 'in-ireland', Key: 'k', Body: 'from ireland' }));
  });
  after(() => server.stop());

  it('a request signed for another region gets 301 PermanentRedirect naming the endpoint, its region in x-amz-bucket-region', async () => {
    const res = await signedFetch(server, 'GET', '/in-ireland/k', { region: 'us-east-1' });
    assert.equal(res.status, 301);
    assert.equal(res.headers.get('x-amz-bucket-region'), 'eu-west-1');
    const port = new URL(server.endpoint).port;
    assert.match(
      res.text,
      new RegExp(
        `<Code>PermanentRedirect</Code><Message>The bucket you are attempting to access must be addressed using the specified endpoint. Please send all future requests to this endpoint.</Message><Endpoint>in-ireland.s3.eu-west-1.localhost:${port}</Endpoint><Bucket>in-ireland</Bucket>`,
      ),
    );
    const head = await signedFetch(server, 'HEAD', '/in-ireland', { region: 'ap-south-1' });
    assert.equal(head.status, 301);
    assert.equal(head.headers.get('x-amz-bucket-region'), 'eu-west-1');
    assert.equal(head.text, '');
    // A bucket that does not exist is NoSuchBucket from any region; GetBucketLocation answers from any region.
    assert.equal((await signedFetch(server, 'GET', '/no-such-bucket-here', { region: 'us-east-1' })).status, 404);
    assert.equal((await us.send(new GetBucketLocationCommand({ Bucket: 'in-ireland' }))).LocationConstraint, 'eu-west-1');
  });

  it("a host that names the bucket's region, signed for another: 400 AuthorizationHeaderMalformed with the Region", async () => {
    const host = `in-ireland.s3.eu-west-1.localhost:${new URL(server.endpoint).port}`;
    const res = await hostRequest(server, host, '/k', 'us-east-1');
    assert.equal(res.status, 400);
    assert.equal(res.headers['x-amz-bucket-region'], 'eu-west-1');
    assert.match(res.text, /<Code>AuthorizationHeaderMalformed<\/Code><Message>The authorization header is malformed; the region 'us-east-1' is wrong; expecting 'eu-west-1'<\/Message><Region>eu-west-1<\/Region>/);
    // The same host signed for the bucket's region is served; one that names a third region redirects.
    const ok = await hostRequest(server, host, '/k', 'eu-west-1');
    assert.equal(ok.status, 200);
    assert.equal(ok.text, 'from ireland');
    const elsewhere = await hostRequest(server, host.replace('eu-west-1', 'us-west-2'), '/k', 'us-west-2');
    assert.equal(elsewhere.status, 301);
    assert.match(elsewhere.text, /<Endpoint>in-ireland.s3.eu-west-1.localhost:\d+<\/Endpoint>/);
  });

  it('SDK v3: followRegionRedirects false gets the 301, true follows it (path-style and virtual-hosted, presigned too)', async () => {
    const plain = await s3Error(us.send(new GetObjectCommand({ Bucket: 'in-ireland', Key: 'k' })));
    assert.equal(plain.status, 301);
    assert.equal(plain.name, 'PermanentRedirect');
    const headPlain = await s3Error(us.send(new HeadObjectCommand({ Bucket: 'in-ireland', Key: 'k' })));
    assert.equal(headPlain.status, 301);
    for (const virtual of [false, true]) {
      const following = s3Client(server, { region: 'us-east-1', followRegionRedirects: true, virtual });
      const got = await following.send(new GetObjectCommand({ Bucket: 'in-ireland', Key: 'k' }));
      assert.equal((await readAll(got.Body as AsyncIterable<Uint8Array>)).toString(), 'from ireland');
      const head = await following.send(new HeadBucketCommand({ Bucket: 'in-ireland' }));
      assert.equal(head.BucketRegion, 'eu-west-1');
      await following.send(new PutObjectCommand({ Bucket: 'in-ireland', Key: `put-${virtual}`, Body: 'redirected put' }));
      const back = await eu.send(new GetObjectCommand({ Bucket: 'in-ireland', Key: `put-${virtual}` }));
      assert.equal(await back.Body!.transformToString(), 'redirected put');
    }
    // A URL presigned for the wrong region is redirected the same way.
    const url = await getSignedUrl(us, new GetObjectCommand({ Bucket: 'in-ireland', Key: 'k' }), { expiresIn: 600 });
    const res = await fetch(url, { redirect: 'manual' });
    assert.equal(res.status, 301);
    assert.equal(res.headers.get('x-amz-bucket-region'), 'eu-west-1');
  });

  it('boto3 follows the redirect (path-style and virtual-hosted)', async () => {
    const out = await boto3(
      `
import os, json, socket, boto3
from botocore.config import Config
real = socket.getaddrinfo
def lookup(host, *args, **kw):
    return real('127.0.0.1' if str(host).endswith('.localhost') else host, *args, **kw)
socket.getaddrinfo = lookup
result = {}
for style in ['path', 'virtual']:
    endpoint = os.environ['ENDPOINT']
    if style == 'virtual':
        endpoint = endpoint.replace('127.0.0.1', 's3.localhost')
    s3 = boto3.client('s3', endpoint_url=endpoint, region_name='us-east-1', config=Config(s3={'addressing_style': style}))
    body = s3.get_object(Bucket='in-ireland', Key='k')['Body'].read().decode()
    s3.put_object(Bucket='in-ireland', Key='boto-' + style, Body=b'boto redirected')
    head = s3.head_bucket(Bucket='in-ireland')
    listed = [o['Key'] for o in s3.list_objects_v2(Bucket='in-ireland')['Contents']]
    result[style] = {'body': body, 'region': head['ResponseMetadata']['HTTPHeaders'].get('x-amz-bucket-region'), 'listed': listed}
print(json.dumps(result))
`,
      server.endpoint,
    );
    const result = JSON.parse(out) as Record<string, { body: string; region: string; listed: string[] }>;
    for (const style of ['path', 'virtual']) {
      assert.equal(result[style]!.body, 'from ireland');
      assert.equal(result[style]!.region, 'eu-west-1');
      assert.ok(result[style]!.listed.includes(`boto-${style}`));
    }
  });
});

/** A signed GET sent to the server under another Host (fetch would put the URL's host back). */
function hostRequest(server: TestServer, host: string, path: string, region: string): Promise<{ status: number; text: string; headers: IncomingHttpHeaders }> {
  const headers = { host, ...signHeaders({ service: 's3', region, accessKeyId: 'test', secretAccessKey: 'test' }, 'GET', path, { host }, Buffer.alloc(0)) };
  return new Promise((resolve, reject) => {
    request(`${server.endpoint}${path}`, { headers }, (res) => {
      let text = '';
      res.on('data', (d: Buffer) => (text += d.toString()));
      res.on('end', () => resolve({ status: res.statusCode!, text, headers: res.headers }));
    })
      .on('error', reject)
      .end();
  });
}
