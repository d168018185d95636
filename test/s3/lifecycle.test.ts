/** Lifecycle: configuration validation, x-amz-expiration, and the daily job on the platform clock. */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  CreateBucketCommand,
  CreateMultipartUploadCommand,
  DeleteBucketLifecycleCommand,
  DeleteObjectCommand,
  GetBucketLifecycleConfigurationCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListMultipartUploadsCommand,
  ListObjectVersionsCommand,
  ListObjectsV2Command,
  PutBucketLifecycleConfigurationCommand,
  PutBucketVersioningCommand,
  PutObjectCommand,
  type LifecycleRule,
  type S3Client,
} from '@aws-sdk/client-s3';
import type { TestServer } from '../helpers/server.js';
import { settled } from '../jobs/helpers.js';
import { bytes, s3Client, s3Error, startS3 } from './helpers.js';

const DAY = 86_400_000;
const midnightAfter = (t: number): number => Math.ceil(t / DAY) * DAY;

describe('S3 lifecycle', () => {
  let server: TestServer;
  let s3: S3Client;
  before(async () => {
    server = await startS3();
    s3 = s3Client(server);
  });
  after(() => server.stop());

  const put = (Bucket: string, rules: LifecycleRule[]) => s3.send(new PutBucketLifecycleConfigurationCommand({ Bucket, LifecycleConfiguration: { Rules: rules } }));
  const keys = async (Bucket: string): Promise<string[]> => ((await s3.send(new ListObjectsV2Command({ Bucket }))).Contents ?? []).map((c) => c.Key!);
  /** Moves the platform clock and waits until the lifecycle jobs due by then have run. */
  const days = async (n: number): Promise<void> => {
    server.clock.advance(n * DAY);
    await settled(server.db, server.clock as never);
  };

  it('Put/Get/DeleteBucketLifecycleConfiguration round trip; NoSuchLifecycleConfiguration', async () => {
    const Bucket = 'lc-config';
    await s3.send(new CreateBucketCommand({ Bucket }));
    let e = await s3Error(s3.send(new GetBucketLifecycleConfigurationCommand({ Bucket })));
    assert.deepEqual([e.status, e.name, e.message], [404, 'NoSuchLifecycleConfiguration', 'The lifecycle configuration does not exist']);
    const rules: LifecycleRule[] = [
      { ID: 'logs', Status: 'Enabled', Filter: { Prefix: 'logs/' }, Expiration: { Days: 30 }, Transitions: [{ Days: 30, StorageClass: 'STANDARD_IA' }] },
      {
        ID: 'tagged',
        Status: 'Disabled',
        Filter: { And: { Prefix: 'data/', Tags: [{ Key: 'tier', Value: 'cold' }], ObjectSizeGreaterThan: 10 } },
        NoncurrentVersionExpiration: { NoncurrentDays: 5, NewerNoncurrentVersions: 2 },
      },
      { ID: 'dated', Status: 'Enabled', Filter: {}, Expiration: { Date: new Date('2031-01-01T00:00:00Z') }, AbortIncompleteMultipartUpload: { DaysAfterInitiation: 7 } },
    ];
    const out = await put(Bucket, rules);
    assert.equal(out.TransitionDefaultMinimumObjectSize, 'all_storage_classes_128K');
    const got = await s3.send(new GetBucketLifecycleConfigurationCommand({ Bucket }));
    assert.equal(got.TransitionDefaultMinimumObjectSize, 'all_storage_classes_128K');
    assert.deepEqual(got.Rules?.map((r) => r.ID), ['logs', 'tagged', 'dated']);
    assert.deepEqual(got.Rules?.[0]?.Transitions, [{ Days: 30, StorageClass: 'STANDARD_IA' }]);
    assert.deepEqual(got.Rules?.[1]?.Filter?.And?.Tags, [{ Key: 'tier', Value: 'cold' }]);
    assert.equal(got.Rules?.[2]?.Expiration?.Date?.toISOString(), '2031-01-01T00:00:00.000Z');
    await s3.send(new DeleteBucketLifecycleCommand({ Bucket }));
    e = await s3Error(s3.send(new GetBucketLifecycleConfigurationCommand({ Bucket })));
    assert.equal(e.name, 'NoSuchLifecycleConfiguration');
  });

  it("validation: AWS's codes and messages", async () => {
    const Bucket = 'lc-invalid';
    await s3.send(new CreateBucketCommand({ Bucket }));
    const cases: [LifecycleRule[], number, string, string?][] = [
      [[{ ID: 'a', Status: 'Enabled', Filter: { Prefix: '' } }], 400, 'InvalidRequest', 'At least one action needs to be specified in a rule'],
      [[{ ID: 'a', Status: 'Enabled', Filter: { Prefix: '' }, Expiration: { Days: 0 } }], 400, 'InvalidArgument', "'Days' for Expiration action must be a positive integer"],
      [[{ ID: 'a', Status: 'Enabled', Filter: { Prefix: '' }, Expiration: { Date: new Date('2031-01-01T12:00:00Z') } }], 400, 'InvalidArgument', "'Date' must be at midnight GMT"],
      [
        [
          { ID: 'a', Status: 'Enabled', Filter: { Prefix: 'x' }, Expiration: { Days: 1 } },
          { ID: 'a', Status: 'Enabled', Filter: { Prefix: 'y' }, Expiration: { Days: 1 } },
        ],
        400,
        'InvalidArgument',
        'Rule ID must be unique. Found same ID for more than one rule',
      ],
      [[{ ID: 'a', Status: 'Enabled', Filter: { Prefix: '' }, Transitions: [{ Days: 10, StorageClass: 'STANDARD_IA' }] }], 400, 'InvalidArgument', "'Days' in Transition action must be greater than or equal to 30 for storageClass 'STANDARD_IA'"],
      [[{ ID: 'a', Status: 'Enabled', Filter: { Prefix: '' }, NoncurrentVersionExpiration: { NoncurrentDays: 0 } }], 400, 'InvalidArgument', "'NoncurrentDays' for NoncurrentVersionExpiration action must be a positive integer"],
      [[{ ID: 'a', Status: 'Enabled', Filter: { Prefix: '' }, AbortIncompleteMultipartUpload: { DaysAfterInitiation: 0 } }], 400, 'InvalidArgument', "'DaysAfterInitiation' for AbortIncompleteMultipartUpload action must be a positive integer"],
      [[{ ID: 'a', Status: 'Enabled', Filter: { Prefix: '' }, Expiration: { Days: 1, ExpiredObjectDeleteMarker: true } }], 400, 'MalformedXML'],
      [[{ ID: 'a', Status: 'Enabled', Filter: { Prefix: 'p', Tag: { Key: 'k', Value: 'v' } }, Expiration: { Days: 1 } }], 400, 'MalformedXML'],
      [[{ ID: 'a', Status: 'Maybe' as 'Enabled', Filter: { Prefix: '' }, Expiration: { Days: 1 } }], 400, 'MalformedXML'],
      [[{ ID: 'x'.repeat(256), Status: 'Enabled', Filter: { Prefix: '' }, Expiration: { Days: 1 } }], 400, 'InvalidArgument', 'ID length should not exceed allowed limit of 255'],
    ];
    for (const [rules, status, code, message] of cases) {
      const e = await s3Error(put(Bucket, rules));
      assert.deepEqual([e.status, e.name], [status, code], JSON.stringify(rules));
      if (message) assert.equal(e.message, message);
    }
    const e = await s3Error(s3.send(new GetBucketLifecycleConfigurationCommand({ Bucket })));
    assert.equal(e.name, 'NoSuchLifecycleConfiguration', 'nothing stored by a failed put');
  });

  it('x-amz-expiration on PUT, GET and HEAD for objects a rule expires, at midnight UTC after creation + Days', async () => {
    const Bucket = 'lc-header';
    await s3.send(new CreateBucketCommand({ Bucket }));
    await put(Bucket, [
      { ID: 'tmp-rule', Status: 'Enabled', Filter: { Prefix: 'tmp/' }, Expiration: { Days: 3 } },
      { ID: 'off', Status: 'Disabled', Filter: { Prefix: '' }, Expiration: { Days: 1 } },
    ]);
    const written = await s3.send(new PutObjectCommand({ Bucket, Key: 'tmp/a', Body: 'x' }));
    const head = await s3.send(new HeadObjectCommand({ Bucket, Key: 'tmp/a' }));
    const expected = `expiry-date="${new Date(midnightAfter(head.LastModified!.getTime() + 3 * DAY)).toUTCString()}", rule-id="tmp-rule"`;
    assert.equal(written.Expiration, expected);
    assert.equal(head.Expiration, expected);
    assert.equal((await s3.send(new GetObjectCommand({ Bucket, Key: 'tmp/a' }))).Expiration, expected);
    await s3.send(new PutObjectCommand({ Bucket, Key: 'keep', Body: 'x' }));
    assert.equal((await s3.send(new HeadObjectCommand({ Bucket, Key: 'keep' }))).Expiration, undefined, 'a disabled rule says nothing');
  });

  it('the daily job: expiration by prefix and tags, transitions recorded, incomplete uploads aborted', async () => {
    const Bucket = 'lc-run';
    await s3.send(new CreateBucketCommand({ Bucket }));
    await put(Bucket, [
      { ID: 'tmp', Status: 'Enabled', Filter: { Prefix: 'tmp/' }, Expiration: { Days: 1 }, AbortIncompleteMultipartUpload: { DaysAfterInitiation: 1 } },
      { ID: 'cold', Status: 'Enabled', Filter: { And: { Prefix: 'data/', Tags: [{ Key: 'tier', Value: 'cold' }] } }, Expiration: { Days: 2 } },
      { ID: 'ia', Status: 'Enabled', Filter: { Prefix: 'big/' }, Transitions: [{ Days: 30, StorageClass: 'STANDARD_IA' }, { Days: 60, StorageClass: 'GLACIER' }] },
    ]);
    await s3.send(new PutObjectCommand({ Bucket, Key: 'tmp/a', Body: 'x' }));
    await s3.send(new PutObjectCommand({ Bucket, Key: 'keep/b', Body: 'x' }));
    await s3.send(new PutObjectCommand({ Bucket, Key: 'data/cold', Body: 'x', Tagging: 'tier=cold' }));
    await s3.send(new PutObjectCommand({ Bucket, Key: 'data/hot', Body: 'x', Tagging: 'tier=hot' }));
    await s3.send(new PutObjectCommand({ Bucket, Key: 'big/large', Body: bytes(200 * 1024) }));
    await s3.send(new PutObjectCommand({ Bucket, Key: 'big/small', Body: 'x' }));
    await s3.send(new CreateMultipartUploadCommand({ Bucket, Key: 'tmp/upload' }));
    await s3.send(new CreateMultipartUploadCommand({ Bucket, Key: 'keep/upload' }));

    await days(2.01);
    assert.deepEqual(await keys(Bucket), ['big/large', 'big/small', 'data/cold', 'data/hot', 'keep/b']);
    assert.deepEqual(((await s3.send(new ListMultipartUploadsCommand({ Bucket }))).Uploads ?? []).map((u) => u.Key), ['keep/upload']);
    await days(1);
    assert.deepEqual(await keys(Bucket), ['big/large', 'big/small', 'data/hot', 'keep/b']);
    await days(30);
    assert.equal((await s3.send(new HeadObjectCommand({ Bucket, Key: 'big/large' }))).StorageClass, 'STANDARD_IA');
    assert.equal((await s3.send(new HeadObjectCommand({ Bucket, Key: 'big/small' }))).StorageClass, undefined, 'under 128 KiB: not transitioned');
    await days(30);
    assert.equal((await s3.send(new HeadObjectCommand({ Bucket, Key: 'big/large' }))).StorageClass, 'GLACIER');
  });

  it('versioned buckets: expiration adds a delete marker, noncurrent versions expire beyond NewerNoncurrentVersions, lone markers go', async () => {
    const Bucket = 'lc-versions';
    await s3.send(new CreateBucketCommand({ Bucket }));
    await s3.send(new PutBucketVersioningCommand({ Bucket, VersioningConfiguration: { Status: 'Enabled' } }));
    const ids: string[] = [];
    for (const body of ['1', '2', '3']) ids.push((await s3.send(new PutObjectCommand({ Bucket, Key: 'doc', Body: body }))).VersionId!);
    await s3.send(new PutObjectCommand({ Bucket, Key: 'gone/x', Body: 'x' }));
    await s3.send(new DeleteObjectCommand({ Bucket, Key: 'gone/x', VersionId: (await s3.send(new HeadObjectCommand({ Bucket, Key: 'gone/x' }))).VersionId }));
    await s3.send(new PutObjectCommand({ Bucket, Key: 'gone/y', Body: 'y' }));
    await put(Bucket, [
      { ID: 'nc', Status: 'Enabled', Filter: { Prefix: 'doc' }, NoncurrentVersionExpiration: { NoncurrentDays: 1, NewerNoncurrentVersions: 1 } },
      { ID: 'exp', Status: 'Enabled', Filter: { Prefix: 'gone/' }, Expiration: { Days: 1 } },
      { ID: 'markers', Status: 'Enabled', Filter: { Prefix: 'gone/' }, Expiration: { ExpiredObjectDeleteMarker: true } },
    ]);
    await days(2.01);
    let v = await s3.send(new ListObjectVersionsCommand({ Bucket }));
    assert.deepEqual(v.Versions?.map((x) => [x.Key, x.VersionId]), [
      ['doc', ids[2]],
      ['doc', ids[1]],
      ['gone/y', (v.Versions ?? []).find((x) => x.Key === 'gone/y')?.VersionId],
    ]);
    assert.deepEqual(v.DeleteMarkers?.map((m) => [m.Key, m.IsLatest]), [['gone/y', true]], 'gone/y expired behind a marker');
    // Once its only version goes, the marker is alone and the next run removes it.
    const y = v.Versions!.find((x) => x.Key === 'gone/y')!.VersionId!;
    await s3.send(new DeleteObjectCommand({ Bucket, Key: 'gone/y', VersionId: y }));
    await days(1);
    v = await s3.send(new ListObjectVersionsCommand({ Bucket, Prefix: 'gone/' }));
    assert.deepEqual([v.Versions, v.DeleteMarkers], [undefined, undefined]);
  });
});
