/** Object Lock: buckets created with it, default retention, retention and legal hold per version, enforcement on the platform clock. */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  CreateBucketCommand,
  DeleteObjectCommand,
  DeleteObjectsCommand,
  GetBucketVersioningCommand,
  GetObjectLegalHoldCommand,
  GetObjectLockConfigurationCommand,
  GetObjectRetentionCommand,
  HeadObjectCommand,
  PutBucketVersioningCommand,
  PutObjectCommand,
  PutObjectLegalHoldCommand,
  PutObjectLockConfigurationCommand,
  PutObjectRetentionCommand,
  type S3Client,
} from '@aws-sdk/client-s3';
import type { TestServer } from '../helpers/server.js';
import { md5B64, s3Client, s3Error, signedFetch, startS3 } from './helpers.js';

const DAY = 86_400_000;

describe('S3 Object Lock', () => {
  let server: TestServer;
  let s3: S3Client;
  before(async () => {
    server = await startS3();
    s3 = s3Client(server);
  });
  after(() => server.stop());

  const locked = async (Bucket: string): Promise<string> => {
    await s3.send(new CreateBucketCommand({ Bucket, ObjectLockEnabledForBucket: true }));
    return Bucket;
  };
  const future = (days: number): Date => new Date(Math.floor((server.clock.now() + days * DAY) / 1000) * 1000);

  it('a bucket created with Object Lock has versioning enabled for good and a configuration without a rule', async () => {
    const Bucket = await locked('lock-create');
    assert.equal((await s3.send(new GetBucketVersioningCommand({ Bucket }))).Status, 'Enabled');
    const conf = await s3.send(new GetObjectLockConfigurationCommand({ Bucket }));
    assert.deepEqual(conf.ObjectLockConfiguration, { ObjectLockEnabled: 'Enabled' });
    const e = await s3Error(s3.send(new PutBucketVersioningCommand({ Bucket, VersioningConfiguration: { Status: 'Suspended' } })));
    assert.deepEqual([e.status, e.name, e.message], [409, 'InvalidBucketState', 'An Object Lock configuration is present on this bucket, so the versioning state cannot be changed.']);

    await s3.send(new CreateBucketCommand({ Bucket: 'lock-none' }));
    let e2 = await s3Error(s3.send(new GetObjectLockConfigurationCommand({ Bucket: 'lock-none' })));
    assert.deepEqual([e2.status, e2.name, e2.message], [404, 'ObjectLockConfigurationNotFoundError', 'Object Lock configuration does not exist for this bucket.']);
    e2 = await s3Error(s3.send(new PutObjectLockConfigurationCommand({ Bucket: 'lock-none', ObjectLockConfiguration: { ObjectLockEnabled: 'Enabled' } })));
    assert.deepEqual([e2.status, e2.name, e2.message], [409, 'InvalidBucketState', "Versioning must be 'Enabled' on the bucket to apply a Object Lock configuration"]);
    await s3.send(new PutObjectCommand({ Bucket: 'lock-none', Key: 'k', Body: 'x' }));
    e2 = await s3Error(s3.send(new PutObjectRetentionCommand({ Bucket: 'lock-none', Key: 'k', Retention: { Mode: 'GOVERNANCE', RetainUntilDate: future(1) } })));
    assert.deepEqual([e2.status, e2.name, e2.message], [400, 'InvalidRequest', 'Bucket is missing Object Lock Configuration']);
    e2 = await s3Error(s3.send(new PutObjectCommand({ Bucket: 'lock-none', Key: 'k', Body: 'x', ObjectLockMode: 'GOVERNANCE', ObjectLockRetainUntilDate: future(1) })));
    assert.deepEqual([e2.status, e2.name, e2.message], [400, 'InvalidRequest', 'Bucket is missing ObjectLockConfiguration']);
    // An existing bucket with versioning enabled may turn Object Lock on.
    await s3.send(new PutBucketVersioningCommand({ Bucket: 'lock-none', VersioningConfiguration: { Status: 'Enabled' } }));
    await s3.send(new PutObjectLockConfigurationCommand({ Bucket: 'lock-none', ObjectLockConfiguration: { ObjectLockEnabled: 'Enabled' } }));
  });

  it('default retention applies to new versions; its validation', async () => {
    const Bucket = await locked('lock-default');
    let e = await s3Error(
      s3.send(new PutObjectLockConfigurationCommand({ Bucket, ObjectLockConfiguration: { ObjectLockEnabled: 'Enabled', Rule: { DefaultRetention: { Mode: 'GOVERNANCE', Days: 0 } } } })),
    );
    assert.deepEqual([e.status, e.name, e.message], [400, 'InvalidArgument', 'Default retention period must be a positive integer value.']);
    e = await s3Error(
      s3.send(new PutObjectLockConfigurationCommand({ Bucket, ObjectLockConfiguration: { ObjectLockEnabled: 'Enabled', Rule: { DefaultRetention: { Mode: 'GOVERNANCE', Days: 1, Years: 1 } } } })),
    );
    assert.deepEqual([e.status, e.name], [400, 'MalformedXML']);
    await s3.send(new PutObjectLockConfigurationCommand({ Bucket, ObjectLockConfiguration: { ObjectLockEnabled: 'Enabled', Rule: { DefaultRetention: { Mode: 'COMPLIANCE', Days: 2 } } } }));
    const conf = await s3.send(new GetObjectLockConfigurationCommand({ Bucket }));
    assert.deepEqual(conf.ObjectLockConfiguration?.Rule?.DefaultRetention, { Mode: 'COMPLIANCE', Days: 2 });
    const put = await s3.send(new PutObjectCommand({ Bucket, Key: 'k', Body: 'x' }));
    const r = await s3.send(new GetObjectRetentionCommand({ Bucket, Key: 'k' }));
    assert.equal(r.Retention?.Mode, 'COMPLIANCE');
    const head = await s3.send(new HeadObjectCommand({ Bucket, Key: 'k' }));
    assert.equal(head.ObjectLockMode, 'COMPLIANCE');
    assert.equal(head.ObjectLockRetainUntilDate?.getTime(), r.Retention?.RetainUntilDate?.getTime());
    assert.ok(Math.abs(r.Retention!.RetainUntilDate!.getTime() - (server.clock.now() + 2 * DAY)) < 5000);
    e = await s3Error(s3.send(new DeleteObjectCommand({ Bucket, Key: 'k', VersionId: put.VersionId })));
    assert.deepEqual([e.status, e.name, e.message], [403, 'AccessDenied', 'Access Denied because object protected by object lock.']);
    // A delete marker is always allowed: retention protects versions, not the key.
    assert.equal((await s3.send(new DeleteObjectCommand({ Bucket, Key: 'k' }))).DeleteMarker, true);
  });

  it('GOVERNANCE gives way to x-amz-bypass-governance-retention, COMPLIANCE to nobody until the platform clock passes the date', async () => {
    const Bucket = await locked('lock-modes');
    const g = await s3.send(new PutObjectCommand({ Bucket, Key: 'g', Body: 'x', ObjectLockMode: 'GOVERNANCE', ObjectLockRetainUntilDate: future(1) }));
    const c = await s3.send(new PutObjectCommand({ Bucket, Key: 'c', Body: 'x' }));
    await s3.send(new PutObjectRetentionCommand({ Bucket, Key: 'c', VersionId: c.VersionId, Retention: { Mode: 'COMPLIANCE', RetainUntilDate: future(3) } }));

    let e = await s3Error(s3.send(new DeleteObjectCommand({ Bucket, Key: 'g', VersionId: g.VersionId })));
    assert.equal(e.name, 'AccessDenied');
    // Shortening GOVERNANCE needs the bypass; COMPLIANCE cannot be shortened or weakened at all.
    e = await s3Error(s3.send(new PutObjectRetentionCommand({ Bucket, Key: 'c', Retention: { Mode: 'COMPLIANCE', RetainUntilDate: future(2) }, BypassGovernanceRetention: true })));
    assert.deepEqual([e.status, e.name], [403, 'AccessDenied']);
    e = await s3Error(s3.send(new PutObjectRetentionCommand({ Bucket, Key: 'c', Retention: { Mode: 'GOVERNANCE', RetainUntilDate: future(5) } })));
    assert.deepEqual([e.status, e.name], [403, 'AccessDenied']);
    await s3.send(new PutObjectRetentionCommand({ Bucket, Key: 'c', Retention: { Mode: 'COMPLIANCE', RetainUntilDate: future(4) } }));
    e = await s3Error(s3.send(new PutObjectRetentionCommand({ Bucket, Key: 'g', Retention: { Mode: 'GOVERNANCE', RetainUntilDate: future(0.5) } })));
    assert.equal(e.name, 'AccessDenied');
    e = await s3Error(s3.send(new PutObjectRetentionCommand({ Bucket, Key: 'g', Retention: { Mode: 'GOVERNANCE', RetainUntilDate: new Date(server.clock.now() - DAY) } })));
    assert.deepEqual([e.status, e.name, e.message], [400, 'InvalidArgument', 'The retain until date must be in the future!']);

    const many = await s3.send(new DeleteObjectsCommand({ Bucket, Delete: { Objects: [{ Key: 'g', VersionId: g.VersionId }, { Key: 'c', VersionId: c.VersionId }] } }));
    assert.deepEqual(many.Errors?.map((x) => [x.Key, x.Code, x.Message]), [
      ['g', 'AccessDenied', 'Access Denied because object protected by object lock.'],
      ['c', 'AccessDenied', 'Access Denied because object protected by object lock.'],
    ]);
    const bypass = await s3.send(new DeleteObjectCommand({ Bucket, Key: 'g', VersionId: g.VersionId, BypassGovernanceRetention: true }));
    assert.equal(bypass.$metadata.httpStatusCode, 204);
    e = await s3Error(s3.send(new DeleteObjectCommand({ Bucket, Key: 'c', VersionId: c.VersionId, BypassGovernanceRetention: true })));
    assert.equal(e.name, 'AccessDenied');

    server.clock.advance(5 * DAY);
    await s3.send(new DeleteObjectCommand({ Bucket, Key: 'c', VersionId: c.VersionId }));
  });

  it('legal hold: ON blocks deletion whatever the retention, OFF releases; NoSuchObjectLockConfiguration before any', async () => {
    const Bucket = await locked('lock-hold');
    const v = await s3.send(new PutObjectCommand({ Bucket, Key: 'h', Body: 'x' }));
    let e = await s3Error(s3.send(new GetObjectLegalHoldCommand({ Bucket, Key: 'h' })));
    assert.deepEqual([e.status, e.name, e.message], [404, 'NoSuchObjectLockConfiguration', 'The specified object does not have a ObjectLock configuration.']);
    e = await s3Error(s3.send(new GetObjectRetentionCommand({ Bucket, Key: 'h' })));
    assert.equal(e.name, 'NoSuchObjectLockConfiguration');
    await s3.send(new PutObjectLegalHoldCommand({ Bucket, Key: 'h', LegalHold: { Status: 'ON' } }));
    assert.equal((await s3.send(new GetObjectLegalHoldCommand({ Bucket, Key: 'h', VersionId: v.VersionId }))).LegalHold?.Status, 'ON');
    assert.equal((await s3.send(new HeadObjectCommand({ Bucket, Key: 'h' }))).ObjectLockLegalHoldStatus, 'ON');
    e = await s3Error(s3.send(new DeleteObjectCommand({ Bucket, Key: 'h', VersionId: v.VersionId, BypassGovernanceRetention: true })));
    assert.deepEqual([e.status, e.name], [403, 'AccessDenied']);
    await s3.send(new PutObjectLegalHoldCommand({ Bucket, Key: 'h', LegalHold: { Status: 'OFF' } }));
    await s3.send(new DeleteObjectCommand({ Bucket, Key: 'h', VersionId: v.VersionId }));
    e = await s3Error(s3.send(new GetObjectLegalHoldCommand({ Bucket, Key: 'h', VersionId: v.VersionId })));
    assert.equal(e.name, 'NoSuchVersion');
  });

  it('lock headers on PutObject: both mode and date, known values, and Content-MD5 or a checksum', async () => {
    const Bucket = await locked('lock-headers');
    let e = await s3Error(s3.send(new PutObjectCommand({ Bucket, Key: 'k', Body: 'x', ObjectLockMode: 'GOVERNANCE' })));
    assert.deepEqual([e.status, e.name, e.message], [400, 'InvalidArgument', 'x-amz-object-lock-retain-until-date and x-amz-object-lock-mode must both be supplied.']);
    e = await s3Error(s3.send(new PutObjectCommand({ Bucket, Key: 'k', Body: 'x', ObjectLockMode: 'STRICT' as 'GOVERNANCE', ObjectLockRetainUntilDate: future(1) })));
    assert.deepEqual([e.status, e.name, e.message], [400, 'InvalidArgument', 'Unknown wormMode directive.']);
    e = await s3Error(s3.send(new PutObjectCommand({ Bucket, Key: 'k', Body: 'x', ObjectLockMode: 'GOVERNANCE', ObjectLockRetainUntilDate: new Date(server.clock.now() - 1000) })));
    assert.deepEqual([e.status, e.name, e.message], [400, 'InvalidArgument', 'The retain until date must be in the future!']);

    const until = future(1).toISOString().replace(/\.\d+Z$/, 'Z');
    const lockHeaders = { 'x-amz-object-lock-mode': 'GOVERNANCE', 'x-amz-object-lock-retain-until-date': until };
    const bare = await signedFetch(server, 'PUT', `/${Bucket}/raw`, { body: 'x', headers: lockHeaders });
    assert.equal(bare.status, 400);
    assert.match(bare.text, /<Code>InvalidRequest<\/Code><Message>Content-MD5 OR x-amz-checksum- HTTP header is required for Put Object requests with Object Lock parameters<\/Message>/);
    const withMd5 = await signedFetch(server, 'PUT', `/${Bucket}/raw`, { body: 'x', headers: { ...lockHeaders, 'content-md5': md5B64('x') } });
    assert.equal(withMd5.status, 200);
    const head = await s3.send(new HeadObjectCommand({ Bucket, Key: 'raw' }));
    assert.deepEqual([head.ObjectLockMode, head.ObjectLockRetainUntilDate?.toISOString()], ['GOVERNANCE', new Date(until).toISOString()]);
  });
});
