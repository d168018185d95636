/** Buckets: names, location constraints, us-east-1's legacy re-create, head, list pages, delete. */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  CreateBucketCommand,
  DeleteBucketCommand,
  GetBucketLocationCommand,
  HeadBucketCommand,
  ListBucketsCommand,
  PutObjectCommand,
  DeleteObjectCommand,
  type S3Client,
} from '@aws-sdk/client-s3';
import type { TestServer } from '../helpers/server.js';
import { s3Client, s3Error, signedFetch, startS3 } from './helpers.js';

describe('S3 buckets', () => {
  let server: TestServer;
  let s3: S3Client;
  let west: S3Client;
  before(async () => {
    server = await startS3();
    s3 = s3Client(server);
    west = s3Client(server, { region: 'eu-west-1' });
  });
  after(() => server.stop());

  it('rejects names AWS rejects with InvalidBucketName', async () => {
    for (const name of ['ab', 'a'.repeat(64), 'Upper', 'under_score', '-start', 'end-', 'a..b', '192.168.1.1', 'xn--abc', 'sthree-x', 'x-s3alias', 'x--ol-s3']) {
      const e = await s3Error(s3.send(new CreateBucketCommand({ Bucket: name })));
      assert.equal(e.name, 'InvalidBucketName', name);
      assert.equal(e.status, 400);
      assert.equal(e.message, 'The specified bucket is not valid.');
    }
    await s3.send(new CreateBucketCommand({ Bucket: 'my.dotted-bucket.1' }));
  });

  it('creates in us-east-1 without a constraint; a second create there is 200 (legacy), elsewhere 409', async () => {
    const out = await s3.send(new CreateBucketCommand({ Bucket: 'east-bucket' }));
    assert.equal(out.Location, '/east-bucket');
    const again = await s3.send(new CreateBucketCommand({ Bucket: 'east-bucket' }));
    assert.equal(again.$metadata.httpStatusCode, 200);

    await west.send(new CreateBucketCommand({ Bucket: 'west-bucket', CreateBucketConfiguration: { LocationConstraint: 'eu-west-1' } }));
    const e = await s3Error(west.send(new CreateBucketCommand({ Bucket: 'west-bucket', CreateBucketConfiguration: { LocationConstraint: 'eu-west-1' } })));
    assert.equal(e.name, 'BucketAlreadyOwnedByYou');
    assert.equal(e.status, 409);
    assert.equal(e.message, 'Your previous request to create the named bucket succeeded and you already own it.');
  });

  it('applies the LocationConstraint rules', async () => {
    // The v3 SDK adds the client's region as LocationConstraint; a raw request can leave it out.
    const raw = await signedFetch(server, 'PUT', '/no-constraint', { region: 'eu-west-1' });
    assert.equal(raw.status, 400);
    assert.match(raw.text, /<Code>IllegalLocationConstraintException<\/Code><Message>The unspecified location constraint is incompatible for the region specific endpoint this request was sent to.<\/Message>/);
    let e = await s3Error(west.send(new CreateBucketCommand({ Bucket: 'other-constraint', CreateBucketConfiguration: { LocationConstraint: 'eu-central-1' } })));
    assert.equal(e.name, 'IllegalLocationConstraintException');
    assert.equal(e.message, 'The eu-central-1 location constraint is incompatible for the region specific endpoint this request was sent to.');
    e = await s3Error(s3.send(new CreateBucketCommand({ Bucket: 'explicit-east', CreateBucketConfiguration: { LocationConstraint: 'us-east-1' as never } })));
    assert.equal(e.name, 'InvalidLocationConstraint');
    assert.equal(e.message, 'The specified location-constraint is not valid');
    // From us-east-1 a bucket may be created in another region (the global endpoint's behaviour).
    await s3.send(new CreateBucketCommand({ Bucket: 'made-in-west', CreateBucketConfiguration: { LocationConstraint: 'us-west-2' } }));
    const loc = await s3.send(new GetBucketLocationCommand({ Bucket: 'made-in-west' }));
    assert.equal(loc.LocationConstraint, 'us-west-2');
    const eastLoc = await s3.send(new GetBucketLocationCommand({ Bucket: 'east-bucket' }));
    assert.equal(eastLoc.LocationConstraint, undefined);
  });

  it('HeadBucket answers the region; a missing bucket is 404; another account gets AccessDenied / BucketAlreadyExists', async () => {
    const head = await s3Client(server, { region: 'eu-west-1' }).send(new HeadBucketCommand({ Bucket: 'west-bucket' }));
    assert.equal(head.BucketRegion, 'eu-west-1');
    // From another region: 301 with the bucket's region (regions.test.ts has the rest).
    const moved = await s3Error(s3.send(new HeadBucketCommand({ Bucket: 'west-bucket' })));
    assert.equal(moved.status, 301);
    assert.equal(moved.raw.$response.headers['x-amz-bucket-region'], 'eu-west-1');
    const e = await s3Error(s3.send(new HeadBucketCommand({ Bucket: 'nope-bucket' })));
    assert.equal(e.status, 404);
    assert.equal(e.name, 'NotFound');

    const other = s3Client(server, { credentials: { accessKeyId: '222233334444', secretAccessKey: 'x' } });
    const denied = await s3Error(other.send(new HeadBucketCommand({ Bucket: 'east-bucket' })));
    assert.equal(denied.status, 403);
    const taken = await s3Error(other.send(new CreateBucketCommand({ Bucket: 'east-bucket' })));
    assert.equal(taken.name, 'BucketAlreadyExists');
    assert.equal(taken.status, 409);
    assert.equal(taken.message, 'The requested bucket name is not available. The bucket namespace is shared by all users of the system. Please select a different name and try again.');
    const list = await other.send(new ListBucketsCommand({}));
    assert.deepEqual(list.Buckets ?? [], []);
  });

  it('ListBuckets pages with MaxBuckets and ContinuationToken, filters by prefix and region', async () => {
    for (const n of ['page-a', 'page-b', 'page-c']) await s3.send(new CreateBucketCommand({ Bucket: n }));
    const names: string[] = [];
    let token: string | undefined;
    do {
      const page = await s3.send(new ListBucketsCommand({ MaxBuckets: 2, ContinuationToken: token, Prefix: 'page-' }));
      assert.ok((page.Buckets ?? []).length <= 2);
      names.push(...(page.Buckets ?? []).map((b) => b.Name!));
      token = page.ContinuationToken;
    } while (token);
    assert.deepEqual(names, ['page-a', 'page-b', 'page-c']);
    const all = await s3.send(new ListBucketsCommand({}));
    assert.ok(all.Owner?.ID && /^[0-9a-f]{64}$/.test(all.Owner.ID));
    assert.equal(all.Buckets?.find((b) => b.Name === 'west-bucket')?.BucketRegion, 'eu-west-1');
    assert.ok(all.Buckets!.every((b) => b.CreationDate instanceof Date));
    const west2 = await s3.send(new ListBucketsCommand({ BucketRegion: 'eu-west-1' }));
    assert.deepEqual(west2.Buckets?.map((b) => b.Name), ['west-bucket']);
    const bad = await s3Error(s3.send(new ListBucketsCommand({ ContinuationToken: 'garbage' })));
    assert.equal(bad.name, 'InvalidArgument');
  });

  it('DeleteBucket: BucketNotEmpty while it holds an object, NoSuchBucket once gone', async () => {
    await s3.send(new CreateBucketCommand({ Bucket: 'to-delete' }));
    await s3.send(new PutObjectCommand({ Bucket: 'to-delete', Key: 'k', Body: 'x' }));
    const e = await s3Error(s3.send(new DeleteBucketCommand({ Bucket: 'to-delete' })));
    assert.equal(e.name, 'BucketNotEmpty');
    assert.equal(e.status, 409);
    assert.equal(e.message, 'The bucket you tried to delete is not empty');
    await s3.send(new DeleteObjectCommand({ Bucket: 'to-delete', Key: 'k' }));
    const out = await s3.send(new DeleteBucketCommand({ Bucket: 'to-delete' }));
    assert.equal(out.$metadata.httpStatusCode, 204);
    const gone = await s3Error(s3.send(new DeleteBucketCommand({ Bucket: 'to-delete' })));
    assert.equal(gone.name, 'NoSuchBucket');
    assert.equal(gone.status, 404);
    assert.equal(gone.message, 'The specified bucket does not exist');
    assert.equal(gone.raw.BucketName, 'to-delete');
  });
});
