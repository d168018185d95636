/**
 * CloudFront KeyValueStore: the control plane (CloudFront's API), the data API through
 * @aws-sdk/client-cloudfront-keyvaluestore (signed with SigV4A, verified in --auth strict), its
 * ETags and limits, and a viewer-request function reading a redirect table from the store.
 */
import '@aws-sdk/signature-v4a';
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as CF from '@aws-sdk/client-cloudfront';
import * as KVS from '@aws-sdk/client-cloudfront-keyvaluestore';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import type { TestServer } from '../helpers/server.js';
import { definition as kvsService } from '../../src/services/cloudfront-keyvaluestore/index.js';
import { definition as s3Service } from '../../src/services/s3/index.js';
import * as S3 from '@aws-sdk/client-s3';
import { s3Client } from '../s3/helpers.js';
import { awsError, cloudFrontClient, definition, edge, kvsClient, s3Config, startCloudFront } from './helpers.js';

const REDIRECTS = `import cf from 'cloudfront';
const kvs = cf.kvs();
async function handler(event) {
  const request = event.request;
  try {
    const target = await kvs.get(request.uri, { format: 'json' });
    return { statusCode: 302, statusDescription: 'Found', headers: { location: { value: target.to } } };
  } catch (e) {
    if (await kvs.exists('fallback')) request.uri = await kvs.get('fallback');
    return request;
  }
}`;

describe('CloudFront KeyValueStore', () => {
  let server: TestServer;
  let cf: CF.CloudFrontClient;
  let kvs: KVS.CloudFrontKeyValueStoreClient;
  let arn: string;
  before(async () => {
    server = await startCloudFront({ config: { auth: 'strict' } }, [definition, kvsService, s3Service]);
    cf = cloudFrontClient(server);
    kvs = kvsClient(server);
    const created = await cf.send(new CF.CreateKeyValueStoreCommand({ Name: 'redirects', Comment: 'paths' }));
    arn = created.KeyValueStore!.ARN!;
    assert.match(arn, /^arn:aws:cloudfront::000000000000:key-value-store\/[0-9a-f-]{36}$/);
    assert.equal(created.KeyValueStore!.Status, 'READY');
  });
  after(() => server.stop());

  it('control plane: describe, update with If-Match, list, duplicate names, delete', async () => {
    const d = await cf.send(new CF.DescribeKeyValueStoreCommand({ Name: 'redirects' }));
    assert.equal(d.KeyValueStore!.Comment, 'paths');
    await assert.rejects(cf.send(new CF.CreateKeyValueStoreCommand({ Name: 'redirects' })), awsError('EntityAlreadyExists', 409));
    await assert.rejects(cf.send(new CF.UpdateKeyValueStoreCommand({ Name: 'redirects', Comment: 'x', IfMatch: 'E0000000000000' })), awsError('PreconditionFailed', 412));
    const u = await cf.send(new CF.UpdateKeyValueStoreCommand({ Name: 'redirects', Comment: 'redirect table', IfMatch: d.ETag }));
    assert.equal(u.KeyValueStore!.Comment, 'redirect table');
    assert.notEqual(u.ETag, d.ETag);
    const other = await cf.send(new CF.CreateKeyValueStoreCommand({ Name: 'scratch' }));
    const list = await cf.send(new CF.ListKeyValueStoresCommand({}));
    assert.deepEqual(list.KeyValueStoreList!.Items!.map((s) => s.Name).sort(), ['redirects', 'scratch']);
    await cf.send(new CF.DeleteKeyValueStoreCommand({ Name: 'scratch', IfMatch: other.ETag }));
    await assert.rejects(cf.send(new CF.DescribeKeyValueStoreCommand({ Name: 'scratch' })), awsError('EntityNotFound', 404));
  });

  it('data API over SigV4A: put, get, list with pages, update keys, ETags, limits', async () => {
    const d = await kvs.send(new KVS.DescribeKeyValueStoreCommand({ KvsARN: arn }));
    assert.equal(d.ItemCount, 0);
    assert.equal(d.KvsARN, arn);
    const put = await kvs.send(new KVS.PutKeyCommand({ KvsARN: arn, Key: '/old', Value: JSON.stringify({ to: '/new.html' }), IfMatch: d.ETag }));
    assert.equal(put.ItemCount, 1);
    assert.equal(put.TotalSizeInBytes, '/old'.length + JSON.stringify({ to: '/new.html' }).length);
    await assert.rejects(kvs.send(new KVS.PutKeyCommand({ KvsARN: arn, Key: 'a', Value: 'b', IfMatch: d.ETag })), awsError('ConflictException', 409));
    const got = await kvs.send(new KVS.GetKeyCommand({ KvsARN: arn, Key: '/old' }));
    assert.equal(got.Value, '{"to":"/new.html"}');
    await assert.rejects(kvs.send(new KVS.GetKeyCommand({ KvsARN: arn, Key: '/missing' })), awsError('ResourceNotFoundException', 404));

    const up = await kvs.send(
      new KVS.UpdateKeysCommand({ KvsARN: arn, IfMatch: put.ETag, Puts: [{ Key: 'fallback', Value: '/index.html' }, { Key: 'k1', Value: 'v1' }, { Key: 'k2', Value: 'v2' }], Deletes: [{ Key: 'nothing' }] }),
    );
    assert.equal(up.ItemCount, 4);
    const page1 = await kvs.send(new KVS.ListKeysCommand({ KvsARN: arn, MaxResults: 3 }));
    assert.deepEqual(page1.Items!.map((i) => i.Key), ['/old', 'fallback', 'k1']);
    const page2 = await kvs.send(new KVS.ListKeysCommand({ KvsARN: arn, MaxResults: 3, NextToken: page1.NextToken }));
    assert.deepEqual(page2.Items!.map((i) => i.Key), ['k2']);
    assert.equal(page2.NextToken, undefined);

    const del = await kvs.send(new KVS.DeleteKeyCommand({ KvsARN: arn, Key: 'k2', IfMatch: up.ETag }));
    assert.equal(del.ItemCount, 3);
    await assert.rejects(kvs.send(new KVS.PutKeyCommand({ KvsARN: arn, Key: 'k'.repeat(513), Value: 'v', IfMatch: del.ETag })), awsError('ValidationException', 400));
    await assert.rejects(kvs.send(new KVS.PutKeyCommand({ KvsARN: arn, Key: 'big', Value: 'v'.repeat(1025), IfMatch: del.ETag })), awsError('ValidationException', 400));
    // 5 MB in all: 6 000 values of 1 KB do not fit (nothing of the batch is written).
    const many = Array.from({ length: 6000 }, (_, i) => ({ Key: `bulk-${i}`, Value: 'v'.repeat(1000) }));
    await assert.rejects(kvs.send(new KVS.UpdateKeysCommand({ KvsARN: arn, IfMatch: del.ETag, Puts: many })), awsError('ServiceQuotaExceededException', 402));
    assert.equal((await kvs.send(new KVS.DescribeKeyValueStoreCommand({ KvsARN: arn }))).ItemCount, 3);
    await assert.rejects(kvs.send(new KVS.DescribeKeyValueStoreCommand({ KvsARN: arn.replace(/\/.*$/, '/00000000-0000-0000-0000-000000000000') })), awsError('ResourceNotFoundException', 404));
  });

  it("AWS's own host name: a client without an endpoint override, its connection sent here", async () => {
    // The SDK addresses https://{account}.cloudfront-kvs.global.api.aws; the handler connects to this server instead, Host unchanged.
    const port = Number(new URL(server.endpoint).port);
    const inner = new NodeHttpHandler();
    const aws = new KVS.CloudFrontKeyValueStoreClient({
      region: 'us-east-1',
      credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
      maxAttempts: 1,
      requestHandler: {
        handle: (request: any, options: any) => {
          assert.equal(request.headers.host ?? request.hostname, '000000000000.cloudfront-kvs.global.api.aws');
          request.headers.host = request.hostname;
          return inner.handle(Object.assign(request, { protocol: 'http:', hostname: '127.0.0.1', port }), options);
        },
      } as any,
    });
    const d = await aws.send(new KVS.DescribeKeyValueStoreCommand({ KvsARN: arn }));
    assert.equal(d.KvsARN, arn);
  });

  it('--auth strict checks the SigV4A signature: a wrong secret is refused', async () => {
    await assert.rejects(kvsClient(server, 'wrong').send(new KVS.DescribeKeyValueStoreCommand({ KvsARN: arn })), (e: Error & { $metadata?: { httpStatusCode?: number } }) => {
      assert.equal(e.$metadata?.httpStatusCode, 403);
      return true;
    });
  });

  it('a viewer-request function reads a redirect table from the store, updated through the client', async () => {
    const s3 = s3Client(server);
    await s3.send(new S3.CreateBucketCommand({ Bucket: 'kvs-site' }));
    await s3.send(new S3.PutObjectCommand({ Bucket: 'kvs-site', Key: 'index.html', Body: '<h1>home</h1>', ContentType: 'text/html' }));
    const fnConfig = { Comment: '', Runtime: 'cloudfront-js-2.0' as const, KeyValueStoreAssociations: { Quantity: 1, Items: [{ KeyValueStoreARN: arn }] } };
    await assert.rejects(
      cf.send(new CF.CreateFunctionCommand({ Name: 'bad', FunctionConfig: { ...fnConfig, KeyValueStoreAssociations: { Quantity: 1, Items: [{ KeyValueStoreARN: arn.replace(/\/.*$/, '/00000000-0000-0000-0000-000000000000') }] } }, FunctionCode: Buffer.from(REDIRECTS) })),
      awsError('InvalidArgument', 400),
    );
    const created = await cf.send(new CF.CreateFunctionCommand({ Name: 'redirects', FunctionConfig: fnConfig, FunctionCode: Buffer.from(REDIRECTS) }));
    const tested = await cf.send(
      new CF.TestFunctionCommand({
        Name: 'redirects',
        IfMatch: created.ETag,
        EventObject: Buffer.from(JSON.stringify({ version: '1.0', context: { eventType: 'viewer-request' }, viewer: { ip: '1.2.3.4' }, request: { method: 'GET', uri: '/old', querystring: {}, headers: {}, cookies: {} } })),
      }),
    );
    assert.equal(tested.TestResult!.FunctionErrorMessage, '');
    assert.equal(JSON.parse(tested.TestResult!.FunctionOutput!).headers.location.value, '/new.html');
    const published = await cf.send(new CF.PublishFunctionCommand({ Name: 'redirects', IfMatch: created.ETag }));
    const d = await cf.send(
      new CF.CreateDistributionCommand({
        DistributionConfig: s3Config('kvs', 'kvs-site', {
          DefaultCacheBehavior: {
            TargetOriginId: 's3',
            ViewerProtocolPolicy: 'allow-all',
            CachePolicyId: '4135ea2d-6df8-44a3-9df3-4b5a84be39ad',
            FunctionAssociations: { Quantity: 1, Items: [{ EventType: 'viewer-request', FunctionARN: published.FunctionSummary!.FunctionMetadata!.FunctionARN }] },
          },
        }),
      }),
    );
    const host = `${d.Distribution!.Id!.toLowerCase()}.cloudfront.localhost`;
    const moved = await edge(server, host, '/old');
    assert.equal(moved.status, 302);
    assert.equal(moved.headers.location, '/new.html');
    const home = await edge(server, host, '/anything');
    assert.equal(home.status, 200);
    assert.equal(home.body, '<h1>home</h1>');

    // A new entry through the data API changes what the function answers.
    const etag = (await kvs.send(new KVS.DescribeKeyValueStoreCommand({ KvsARN: arn }))).ETag;
    await kvs.send(new KVS.PutKeyCommand({ KvsARN: arn, Key: '/promo', Value: JSON.stringify({ to: 'https://example.com/sale' }), IfMatch: etag }));
    const promo = await edge(server, host, '/promo');
    assert.equal(promo.status, 302);
    assert.equal(promo.headers.location, 'https://example.com/sale');

    // A store associated with a function cannot be deleted.
    const desc = await cf.send(new CF.DescribeKeyValueStoreCommand({ Name: 'redirects' }));
    await assert.rejects(cf.send(new CF.DeleteKeyValueStoreCommand({ Name: 'redirects', IfMatch: desc.ETag })), awsError('CannotDeleteEntityWhileInUse', 409));
  });
});
