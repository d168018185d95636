/** Bucket configurations: tagging, policy, encryption, ownership, public access block, ACLs, request payment, accelerate, logging. */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as S3 from '@aws-sdk/client-s3';
import type { TestServer } from '../helpers/server.js';
import { s3Client, s3Error, startS3 } from './helpers.js';

describe('S3 bucket configurations', () => {
  let server: TestServer;
  let s3: S3.S3Client;
  before(async () => {
    server = await startS3();
    s3 = s3Client(server);
    await s3.send(new S3.CreateBucketCommand({ Bucket: 'cfg' }));
    await s3.send(new S3.CreateBucketCommand({ Bucket: 'cfg-logs' }));
  });
  after(() => server.stop());

  it('tagging: NoSuchTagSet until set, 204 on put, replaced, deleted; invalid tags refused', async () => {
    const missing = await s3Error(s3.send(new S3.GetBucketTaggingCommand({ Bucket: 'cfg' })));
    assert.deepEqual([missing.status, missing.name, missing.message], [404, 'NoSuchTagSet', 'The TagSet does not exist']);
    const put = await s3.send(new S3.PutBucketTaggingCommand({ Bucket: 'cfg', Tagging: { TagSet: [{ Key: 'tag1', Value: 'tag1' }, { Key: 'tag2', Value: '' }] } }));
    assert.equal(put.$metadata.httpStatusCode, 204);
    assert.deepEqual((await s3.send(new S3.GetBucketTaggingCommand({ Bucket: 'cfg' }))).TagSet, [{ Key: 'tag1', Value: 'tag1' }, { Key: 'tag2', Value: '' }]);
    const dup = await s3Error(s3.send(new S3.PutBucketTaggingCommand({ Bucket: 'cfg', Tagging: { TagSet: [{ Key: 'a', Value: '1' }, { Key: 'a', Value: '2' }] } })));
    assert.deepEqual([dup.status, dup.name, dup.message], [400, 'InvalidTag', 'Cannot provide multiple Tags with the same key']);
    const sys = await s3Error(s3.send(new S3.PutBucketTaggingCommand({ Bucket: 'cfg', Tagging: { TagSet: [{ Key: 'aws:x', Value: '1' }] } })));
    assert.deepEqual([sys.name, sys.message], ['InvalidTag', 'System tags cannot be added/updated by requester']);
    await s3.send(new S3.DeleteBucketTaggingCommand({ Bucket: 'cfg' }));
    assert.equal((await s3Error(s3.send(new S3.GetBucketTaggingCommand({ Bucket: 'cfg' })))).name, 'NoSuchTagSet');
  });

  it('policy: stored as sent, status, MalformedPolicy messages, public policies blocked by default', async () => {
    const none = await s3Error(s3.send(new S3.GetBucketPolicyCommand({ Bucket: 'cfg' })));
    assert.deepEqual([none.status, none.name, none.message], [404, 'NoSuchBucketPolicy', 'The bucket policy does not exist']);
    const bad = async (policy: string) => {
      const e = await s3Error(s3.send(new S3.PutBucketPolicyCommand({ Bucket: 'cfg', Policy: policy })));
      assert.equal(e.status, 400);
      assert.equal(e.name, 'MalformedPolicy');
      return e.message;
    };
    assert.equal(await bad('not json'), "Policies must be valid JSON and the first byte must be '{'");
    assert.equal(await bad('{}'), 'Missing required field Statement');
    const stmt = (s: object) => JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: '111122223333' }, Action: 's3:GetObject', Resource: 'arn:aws:s3:::cfg/*', ...s }] });
    assert.equal(await bad(stmt({ Effect: 'hello' })), 'Invalid effect: hello');
    assert.equal(await bad(stmt({ Action: 'invalid_action' })), 'Policy has invalid action');
    assert.equal(await bad(stmt({ Resource: 'arn:aws:s3:::other-bucket/*' })), 'Policy has invalid resource');
    assert.equal(await bad(stmt({ Resource: '*' })), 'Policy has invalid resource');
    assert.equal(await bad(stmt({ Action: 's3:PutObject', Resource: 'arn:aws:s3:::cfg' })), 'Action does not apply to any resource(s) in statement');
    assert.equal(await bad(stmt({ Principal: { AWS: 'user' } })), 'Invalid principal in policy');

    const own = stmt({});
    await s3.send(new S3.PutBucketPolicyCommand({ Bucket: 'cfg', Policy: own }));
    assert.equal((await s3.send(new S3.GetBucketPolicyCommand({ Bucket: 'cfg' }))).Policy, own);
    assert.equal((await s3.send(new S3.GetBucketPolicyStatusCommand({ Bucket: 'cfg' }))).PolicyStatus?.IsPublic, false);

    const pub = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: 'arn:aws:s3:::cfg/*' }] });
    const blocked = await s3Error(s3.send(new S3.PutBucketPolicyCommand({ Bucket: 'cfg', Policy: pub })));
    assert.equal(blocked.status, 403);
    assert.equal(blocked.name, 'AccessDenied');
    assert.match(blocked.message, /because public policies are blocked by the BlockPublicPolicy block public access setting\.$/);
    await s3.send(new S3.DeletePublicAccessBlockCommand({ Bucket: 'cfg' }));
    await s3.send(new S3.PutBucketPolicyCommand({ Bucket: 'cfg', Policy: pub }));
    assert.equal((await s3.send(new S3.GetBucketPolicyStatusCommand({ Bucket: 'cfg' }))).PolicyStatus?.IsPublic, true);
    const del = await s3.send(new S3.DeleteBucketPolicyCommand({ Bucket: 'cfg' }));
    assert.equal(del.$metadata.httpStatusCode, 204);
    assert.equal((await s3Error(s3.send(new S3.GetBucketPolicyCommand({ Bucket: 'cfg' })))).name, 'NoSuchBucketPolicy');
  });

  it('encryption: SSE-S3 by default, KMS configuration kept, a KMS key with AES256 refused, delete restores the default', async () => {
    const def = await s3.send(new S3.GetBucketEncryptionCommand({ Bucket: 'cfg' }));
    assert.deepEqual(def.ServerSideEncryptionConfiguration?.Rules, [{ ApplyServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' }, BucketKeyEnabled: false }]);
    const kms = { Rules: [{ ApplyServerSideEncryptionByDefault: { SSEAlgorithm: 'aws:kms' as const, KMSMasterKeyID: 'alias/mine' }, BucketKeyEnabled: true }] };
    await s3.send(new S3.PutBucketEncryptionCommand({ Bucket: 'cfg', ServerSideEncryptionConfiguration: kms }));
    assert.deepEqual((await s3.send(new S3.GetBucketEncryptionCommand({ Bucket: 'cfg' }))).ServerSideEncryptionConfiguration?.Rules, kms.Rules);
    const e = await s3Error(
      s3.send(new S3.PutBucketEncryptionCommand({ Bucket: 'cfg', ServerSideEncryptionConfiguration: { Rules: [{ ApplyServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256', KMSMasterKeyID: 'k' } }] } })),
    );
    assert.deepEqual([e.status, e.name, e.message], [400, 'InvalidArgument', 'a KMSMasterKeyID is not applicable if the default sse algorithm is not aws:kms or aws:kms:dsse']);
    await s3.send(new S3.DeleteBucketEncryptionCommand({ Bucket: 'cfg' }));
    assert.equal((await s3.send(new S3.GetBucketEncryptionCommand({ Bucket: 'cfg' }))).ServerSideEncryptionConfiguration?.Rules?.[0]?.ApplyServerSideEncryptionByDefault?.SSEAlgorithm, 'AES256');
  });

  it('ownership controls and public access block: defaults of a new bucket, put, delete, NotFound errors', async () => {
    await s3.send(new S3.CreateBucketCommand({ Bucket: 'cfg-own' }));
    assert.deepEqual((await s3.send(new S3.GetBucketOwnershipControlsCommand({ Bucket: 'cfg-own' }))).OwnershipControls?.Rules, [{ ObjectOwnership: 'BucketOwnerEnforced' }]);
    assert.deepEqual((await s3.send(new S3.GetPublicAccessBlockCommand({ Bucket: 'cfg-own' }))).PublicAccessBlockConfiguration, {
      BlockPublicAcls: true,
      IgnorePublicAcls: true,
      BlockPublicPolicy: true,
      RestrictPublicBuckets: true,
    });
    const wrong = await s3Error(s3.send(new S3.PutBucketOwnershipControlsCommand({ Bucket: 'cfg-own', OwnershipControls: { Rules: [{ ObjectOwnership: 'Nope' as never }] } })));
    assert.deepEqual([wrong.status, wrong.name], [400, 'MalformedXML']);
    await s3.send(new S3.PutBucketOwnershipControlsCommand({ Bucket: 'cfg-own', OwnershipControls: { Rules: [{ ObjectOwnership: 'ObjectWriter' }] } }));
    assert.deepEqual((await s3.send(new S3.GetBucketOwnershipControlsCommand({ Bucket: 'cfg-own' }))).OwnershipControls?.Rules, [{ ObjectOwnership: 'ObjectWriter' }]);
    await s3.send(new S3.DeleteBucketOwnershipControlsCommand({ Bucket: 'cfg-own' }));
    const gone = await s3Error(s3.send(new S3.GetBucketOwnershipControlsCommand({ Bucket: 'cfg-own' })));
    assert.deepEqual([gone.status, gone.name, gone.message], [404, 'OwnershipControlsNotFoundError', 'The bucket ownership controls were not found']);
    await s3.send(new S3.PutPublicAccessBlockCommand({ Bucket: 'cfg-own', PublicAccessBlockConfiguration: { BlockPublicAcls: false } }));
    assert.deepEqual((await s3.send(new S3.GetPublicAccessBlockCommand({ Bucket: 'cfg-own' }))).PublicAccessBlockConfiguration, {
      BlockPublicAcls: false,
      IgnorePublicAcls: false,
      BlockPublicPolicy: false,
      RestrictPublicBuckets: false,
    });
    assert.equal((await s3.send(new S3.DeletePublicAccessBlockCommand({ Bucket: 'cfg-own' }))).$metadata.httpStatusCode, 204);
    const noPab = await s3Error(s3.send(new S3.GetPublicAccessBlockCommand({ Bucket: 'cfg-own' })));
    assert.deepEqual([noPab.status, noPab.name, noPab.message], [404, 'NoSuchPublicAccessBlockConfiguration', 'The public access block configuration was not found']);
  });

  it('ACLs: the owner full control; BucketOwnerEnforced refuses other ACLs; canned ACLs and grants once ACLs are enabled', async () => {
    await s3.send(new S3.CreateBucketCommand({ Bucket: 'cfg-acl' }));
    const acl = await s3.send(new S3.GetBucketAclCommand({ Bucket: 'cfg-acl' }));
    assert.equal(acl.Grants?.length, 1);
    assert.equal(acl.Grants?.[0]?.Permission, 'FULL_CONTROL');
    assert.equal(acl.Grants?.[0]?.Grantee?.ID, acl.Owner?.ID);
    const enforced = await s3Error(s3.send(new S3.PutBucketAclCommand({ Bucket: 'cfg-acl', ACL: 'public-read' })));
    assert.deepEqual([enforced.status, enforced.name, enforced.message], [400, 'AccessControlListNotSupported', 'The bucket does not allow ACLs']);
    const putEnforced = await s3Error(s3.send(new S3.PutObjectCommand({ Bucket: 'cfg-acl', Key: 'k', Body: 'x', ACL: 'public-read' })));
    assert.equal(putEnforced.name, 'AccessControlListNotSupported');
    await s3.send(new S3.PutObjectCommand({ Bucket: 'cfg-acl', Key: 'k', Body: 'x', ACL: 'bucket-owner-full-control' }));

    await s3.send(new S3.PutBucketOwnershipControlsCommand({ Bucket: 'cfg-acl', OwnershipControls: { Rules: [{ ObjectOwnership: 'BucketOwnerPreferred' }] } }));
    const blocked = await s3Error(s3.send(new S3.PutObjectAclCommand({ Bucket: 'cfg-acl', Key: 'k', ACL: 'public-read' })));
    assert.deepEqual([blocked.status, blocked.name], [403, 'AccessDenied']);
    await s3.send(new S3.DeletePublicAccessBlockCommand({ Bucket: 'cfg-acl' }));
    await s3.send(new S3.PutObjectAclCommand({ Bucket: 'cfg-acl', Key: 'k', ACL: 'public-read' }));
    const objAcl = await s3.send(new S3.GetObjectAclCommand({ Bucket: 'cfg-acl', Key: 'k' }));
    assert.deepEqual(objAcl.Grants?.[1], { Grantee: { Type: 'Group', URI: 'http://acs.amazonaws.com/groups/global/AllUsers' }, Permission: 'READ' });
    await s3.send(new S3.PutBucketAclCommand({ Bucket: 'cfg-acl', GrantRead: 'uri="http://acs.amazonaws.com/groups/s3/LogDelivery"' }));
    assert.deepEqual((await s3.send(new S3.GetBucketAclCommand({ Bucket: 'cfg-acl' }))).Grants?.[1], { Grantee: { Type: 'Group', URI: 'http://acs.amazonaws.com/groups/s3/LogDelivery' }, Permission: 'READ' });
    const both = await s3Error(s3.send(new S3.PutBucketAclCommand({ Bucket: 'cfg-acl', ACL: 'private', GrantRead: 'uri="http://acs.amazonaws.com/groups/s3/LogDelivery"' })));
    assert.deepEqual([both.name, both.message], ['InvalidRequest', 'Specifying both Canned ACLs and Header Grants is not allowed']);
    const badUri = await s3Error(s3.send(new S3.PutBucketAclCommand({ Bucket: 'cfg-acl', GrantWrite: 'uri="http://acs.amazonaws.com/groups/s3/FakeGroup"' })));
    assert.deepEqual([badUri.name, badUri.message], ['InvalidArgument', 'Invalid group uri']);
    const badFormat = await s3Error(s3.send(new S3.PutBucketAclCommand({ Bucket: 'cfg-acl', GrantWrite: 'fakekey="1234"' })));
    assert.deepEqual([badFormat.name, badFormat.message], ['InvalidArgument', 'Argument format not recognized']);
  });

  it('request payment, accelerate and logging are stored and answered', async () => {
    assert.equal((await s3.send(new S3.GetBucketRequestPaymentCommand({ Bucket: 'cfg' }))).Payer, 'BucketOwner');
    await s3.send(new S3.PutBucketRequestPaymentCommand({ Bucket: 'cfg', RequestPaymentConfiguration: { Payer: 'Requester' } }));
    assert.equal((await s3.send(new S3.GetBucketRequestPaymentCommand({ Bucket: 'cfg' }))).Payer, 'Requester');
    assert.equal((await s3.send(new S3.GetBucketAccelerateConfigurationCommand({ Bucket: 'cfg' }))).Status, undefined);
    await s3.send(new S3.PutBucketAccelerateConfigurationCommand({ Bucket: 'cfg', AccelerateConfiguration: { Status: 'Enabled' } }));
    assert.equal((await s3.send(new S3.GetBucketAccelerateConfigurationCommand({ Bucket: 'cfg' }))).Status, 'Enabled');
    assert.equal((await s3.send(new S3.GetBucketLoggingCommand({ Bucket: 'cfg' }))).LoggingEnabled, undefined);
    const noTarget = await s3Error(s3.send(new S3.PutBucketLoggingCommand({ Bucket: 'cfg', BucketLoggingStatus: { LoggingEnabled: { TargetBucket: 'nope-nope', TargetPrefix: 'l/' } } })));
    assert.deepEqual([noTarget.status, noTarget.name, noTarget.message], [400, 'InvalidTargetBucketForLogging', 'The target bucket for logging does not exist']);
    await s3.send(new S3.PutBucketLoggingCommand({ Bucket: 'cfg', BucketLoggingStatus: { LoggingEnabled: { TargetBucket: 'cfg-logs', TargetPrefix: 'l/' } } }));
    assert.deepEqual((await s3.send(new S3.GetBucketLoggingCommand({ Bucket: 'cfg' }))).LoggingEnabled, { TargetBucket: 'cfg-logs', TargetPrefix: 'l/' });
  });

  it('notification configuration: ARNs, events and filter rules checked, overlap refused, stored with ids', async () => {
    assert.deepEqual(Object.keys(await s3.send(new S3.GetBucketNotificationConfigurationCommand({ Bucket: 'cfg' }))).filter((k) => k !== '$metadata'), []);
    const put = (c: S3.NotificationConfiguration) => s3.send(new S3.PutBucketNotificationConfigurationCommand({ Bucket: 'cfg', NotificationConfiguration: c }));
    const badArn = await s3Error(put({ QueueConfigurations: [{ QueueArn: 'invalid-queue', Events: ['s3:ObjectCreated:*'] }] }));
    assert.deepEqual([badArn.status, badArn.name, badArn.message], [400, 'InvalidArgument', 'The ARN could not be parsed']);
    assert.equal(badArn.raw.ArgumentName, 'Queue');
    const badRule = await s3Error(
      put({ QueueConfigurations: [{ QueueArn: 'arn:aws:sqs:us-east-1:000000000000:q', Events: ['s3:ObjectCreated:*'], Filter: { Key: { FilterRules: [{ Name: 'INVALID' as never, Value: 'x' }] } } }] }),
    );
    assert.deepEqual([badRule.name, badRule.message], ['InvalidArgument', 'filter rule name must be either prefix or suffix']);
    const overlap = await s3Error(
      put({
        QueueConfigurations: [{ QueueArn: 'arn:aws:sqs:us-east-1:000000000000:q', Events: ['s3:ObjectCreated:*'] }],
        TopicConfigurations: [{ TopicArn: 'arn:aws:sns:us-east-1:000000000000:t', Events: ['s3:ObjectCreated:Put'] }],
      }),
    );
    assert.equal(overlap.message, 'Configurations overlap. Configurations on the same bucket cannot share a common event type.');
    await put({
      QueueConfigurations: [{ Id: 'images', QueueArn: 'arn:aws:sqs:us-east-1:000000000000:q', Events: ['s3:ObjectCreated:*'], Filter: { Key: { FilterRules: [{ Name: 'prefix', Value: 'img/' }] } } }],
      LambdaFunctionConfigurations: [{ LambdaFunctionArn: 'arn:aws:lambda:us-east-1:000000000000:function:f', Events: ['s3:ObjectRemoved:*'] }],
      EventBridgeConfiguration: {},
    });
    const got = await s3.send(new S3.GetBucketNotificationConfigurationCommand({ Bucket: 'cfg' }));
    assert.equal(got.QueueConfigurations?.[0]?.Id, 'images');
    // Answered capitalised, as S3 does.
    assert.deepEqual(got.QueueConfigurations?.[0]?.Filter?.Key?.FilterRules, [{ Name: 'Prefix', Value: 'img/' }]);
    assert.match(got.LambdaFunctionConfigurations?.[0]?.Id ?? '', /^\S+$/);
    assert.deepEqual(got.EventBridgeConfiguration, {});
    await put({});
    assert.equal((await s3.send(new S3.GetBucketNotificationConfigurationCommand({ Bucket: 'cfg' }))).QueueConfigurations, undefined);
  });

  it('metrics, analytics and inventory configurations by id: NoSuchConfiguration, IdMismatch, list', async () => {
    const none = await s3Error(s3.send(new S3.GetBucketMetricsConfigurationCommand({ Bucket: 'cfg', Id: 'm1' })));
    assert.deepEqual([none.status, none.name, none.message], [404, 'NoSuchConfiguration', 'The specified configuration does not exist.']);
    const mismatch = await s3Error(s3.send(new S3.PutBucketMetricsConfigurationCommand({ Bucket: 'cfg', Id: 'm1', MetricsConfiguration: { Id: 'other' } })));
    assert.deepEqual([mismatch.status, mismatch.name, mismatch.message], [400, 'IdMismatch', 'Document ID does not match the specified configuration ID.']);
    await s3.send(new S3.PutBucketMetricsConfigurationCommand({ Bucket: 'cfg', Id: 'm1', MetricsConfiguration: { Id: 'm1', Filter: { Prefix: 'logs/' } } }));
    await s3.send(new S3.PutBucketMetricsConfigurationCommand({ Bucket: 'cfg', Id: 'm0', MetricsConfiguration: { Id: 'm0' } }));
    assert.deepEqual((await s3.send(new S3.GetBucketMetricsConfigurationCommand({ Bucket: 'cfg', Id: 'm1' }))).MetricsConfiguration, { Id: 'm1', Filter: { Prefix: 'logs/' } });
    const listed = await s3.send(new S3.ListBucketMetricsConfigurationsCommand({ Bucket: 'cfg' }));
    assert.deepEqual([listed.IsTruncated, listed.MetricsConfigurationList?.map((m) => m.Id)], [false, ['m0', 'm1']]);
    await s3.send(new S3.DeleteBucketMetricsConfigurationCommand({ Bucket: 'cfg', Id: 'm1' }));
    assert.equal((await s3Error(s3.send(new S3.DeleteBucketMetricsConfigurationCommand({ Bucket: 'cfg', Id: 'm1' })))).name, 'NoSuchConfiguration');
    const badDest = await s3Error(
      s3.send(
        new S3.PutBucketInventoryConfigurationCommand({
          Bucket: 'cfg',
          Id: 'inv',
          InventoryConfiguration: { Id: 'inv', IsEnabled: true, IncludedObjectVersions: 'All', Schedule: { Frequency: 'Daily' }, Destination: { S3BucketDestination: { Bucket: 'not-an-arn', Format: 'CSV' } } },
        }),
      ),
    );
    assert.deepEqual([badDest.name, badDest.message], ['InvalidS3DestinationBucket', 'Invalid bucket ARN.']);
  });
});

