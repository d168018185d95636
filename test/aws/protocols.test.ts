/**
 * Round trips through every protocol: a real AWS SDK v3 client builds the request, our parser
 * turns it into the typed input the provider sees, our serializer writes the provider's output,
 * and the SDK's own deserializer reads it back.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { SFNClient, StartExecutionCommand, DescribeExecutionCommand } from '@aws-sdk/client-sfn';
import { CloudWatchLogsClient, DescribeLogGroupsCommand, PutLogEventsCommand } from '@aws-sdk/client-cloudwatch-logs';
import { LambdaClient, InvokeCommand, ListFunctionsCommand, GetFunctionConfigurationCommand, GetAccountSettingsCommand } from '@aws-sdk/client-lambda';
import { S3Client, PutObjectTaggingCommand, GetObjectTaggingCommand, HeadObjectCommand, ListObjectsV2Command } from '@aws-sdk/client-s3';
import { STSClient, AssumeRoleCommand, GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { SQSClient, GetQueueUrlCommand } from '@aws-sdk/client-sqs';
import { AwsError } from '../../src/aws/errors.js';
import type { ServiceDefinition } from '../../src/services/service.js';
import { clientConfig, startServer, type TestServer } from '../helpers/server.js';

/** What each echo provider received, by operation. */
const seen: Record<string, any> = {};

function echo(name: string, handlers: Record<string, (input: any) => any>, extra: Partial<ServiceDefinition> = {}): ServiceDefinition {
  const provider: Record<string, unknown> = {};
  for (const [op, fn] of Object.entries(handlers)) {
    provider[op] = async (_ctx: unknown, input: unknown) => {
      seen[op] = input;
      return fn(input);
    };
  }
  return { name, ...extra, create: async () => provider };
}

const when = new Date('2026-03-04T05:06:07Z');

const services: ServiceDefinition[] = [
  echo('stepfunctions', {
    StartExecution: (i) => ({ executionArn: `${i.stateMachineArn}:exec`, startDate: when }),
    DescribeExecution: (i) => ({
      executionArn: i.executionArn,
      stateMachineArn: 'arn:aws:states:us-east-1:000000000000:stateMachine:m',
      status: 'SUCCEEDED',
      startDate: when,
      stopDate: new Date(when.getTime() + 1500),
      output: '{"ok":true}',
    }),
  }),
  echo('logs', {
    DescribeLogGroups: (i) => ({ logGroups: [{ logGroupName: i.logGroupNamePrefix, creationTime: 1700000000000, retentionInDays: 7 }] }),
    PutLogEvents: () => ({ nextSequenceToken: '42' }),
  }),
  echo('lambda', {
    Invoke: (i) => ({ StatusCode: 200, FunctionError: 'Unhandled', LogResult: 'bG9n', ExecutedVersion: '$LATEST', Payload: Buffer.from(`echo:${i.Payload.toString()}`) }),
    ListFunctions: (i) => ({ Functions: [{ FunctionName: `after-${i.Marker}`, MemorySize: i.MaxItems, LastModified: '2026-01-01T00:00:00.000+0000' }], NextMarker: 'next' }),
    GetFunctionConfiguration: (i) => ({ FunctionName: i.FunctionName, Version: i.Qualifier }),
  }),
  echo('s3', {
    PutObjectTagging: () => ({ VersionId: 'v1' }),
    GetObjectTagging: () => ({ TagSet: [{ Key: 'a', Value: '1' }, { Key: 'b', Value: '2' }], VersionId: 'v1' }),
    HeadObject: () => ({ ContentLength: 12, LastModified: when, ETag: '"abc"', Metadata: { color: 'blue' } }),
    ListObjectsV2: (i) => ({
      Name: i.Bucket,
      Prefix: i.Prefix,
      KeyCount: 2,
      MaxKeys: i.MaxKeys,
      IsTruncated: false,
      Contents: [
        { Key: 'x/1', Size: 1, LastModified: when, ETag: '"e1"' },
        { Key: 'x/2', Size: 2, LastModified: when, ETag: '"e2"' },
      ],
    }),
  }),
  echo(
    'sts',
    {
      GetCallerIdentity: () => ({ UserId: 'u', Account: '000000000000', Arn: 'arn:aws:iam::000000000000:root' }),
      AssumeRole: (i) => ({
        Credentials: { AccessKeyId: 'ASIA1', SecretAccessKey: 's', SessionToken: 't', Expiration: when },
        AssumedRoleUser: { AssumedRoleId: 'AROA:x', Arn: `${i.RoleArn}/${i.RoleSessionName}` },
        PackedPolicySize: i.DurationSeconds,
      }),
    },
    { validationErrorCode: 'ValidationError' },
  ),
  echo('sqs', {
    GetQueueUrl: (i) => {
      throw new AwsError('QueueDoesNotExist', `The specified queue ${i.QueueName} does not exist.`, 400);
    },
  }),
];

describe('protocol round trips with real SDK clients', () => {
  let server: TestServer;
  let cfg: ReturnType<typeof clientConfig>;
  before(async () => {
    server = await startServer({ services });
    cfg = clientConfig(server.endpoint);
  });
  after(() => server.stop());

  it('awsJson1.0 (Step Functions): input members and timestamps both ways', async () => {
    const sfn = new SFNClient(cfg);
    const started = await sfn.send(new StartExecutionCommand({ stateMachineArn: 'arn:aws:states:us-east-1:000000000000:stateMachine:m', input: '{"a":1}', name: 'n1' }));
    assert.deepEqual(seen.StartExecution, { stateMachineArn: 'arn:aws:states:us-east-1:000000000000:stateMachine:m', input: '{"a":1}', name: 'n1' });
    assert.equal(started.startDate?.toISOString(), when.toISOString());
    const described = await sfn.send(new DescribeExecutionCommand({ executionArn: started.executionArn! }));
    assert.equal(described.status, 'SUCCEEDED');
    assert.equal(described.stopDate?.getTime(), when.getTime() + 1500);
  });

  it('awsJson1.0: a missing required member is AWS validation error text', async () => {
    const sfn = new SFNClient(cfg);
    await assert.rejects(sfn.send(new DescribeExecutionCommand({} as never)), (e: any) => {
      assert.equal(e.name, 'ValidationException');
      assert.equal(e.message, "1 validation error detected: Value null at 'executionArn' failed to satisfy constraint: Member must not be null");
      assert.equal(e.$metadata.httpStatusCode, 400);
      return true;
    });
  });

  it('awsJson1.1 (CloudWatch Logs): lists of structures and numbers', async () => {
    const logs = new CloudWatchLogsClient(cfg);
    const out = await logs.send(new DescribeLogGroupsCommand({ logGroupNamePrefix: '/aws/lambda/', limit: 5 }));
    assert.deepEqual(seen.DescribeLogGroups, { logGroupNamePrefix: '/aws/lambda/', limit: 5 });
    assert.equal(out.logGroups?.[0]?.logGroupName, '/aws/lambda/');
    assert.equal(out.logGroups?.[0]?.retentionInDays, 7);
    const put = await logs.send(new PutLogEventsCommand({ logGroupName: 'g', logStreamName: 's', logEvents: [{ timestamp: 1, message: 'm' }] }));
    assert.equal(put.nextSequenceToken, '42');
  });

  it('awsJson1.0 with awsQueryCompatible (SQS): the error code reaches the SDK', async () => {
    const sqs = new SQSClient(cfg);
    await assert.rejects(sqs.send(new GetQueueUrlCommand({ QueueName: 'nope' })), (e: any) => {
      assert.equal(e.name, 'QueueDoesNotExist');
      assert.equal(e.message, 'The specified queue nope does not exist.');
      return true;
    });
  });

  it('restJson1 (Lambda): labels, query, headers, blob payload and status code', async () => {
    const lambda = new LambdaClient(cfg);
    const out = await lambda.send(new InvokeCommand({ FunctionName: 'my-fn', Qualifier: 'live', InvocationType: 'RequestResponse', LogType: 'Tail', Payload: Buffer.from('{"x":1}') }));
    assert.equal(seen.Invoke.FunctionName, 'my-fn');
    assert.equal(seen.Invoke.Qualifier, 'live');
    assert.equal(seen.Invoke.InvocationType, 'RequestResponse');
    assert.equal(seen.Invoke.LogType, 'Tail');
    assert.equal(seen.Invoke.Payload.toString(), '{"x":1}');
    assert.equal(out.StatusCode, 200);
    assert.equal(out.FunctionError, 'Unhandled');
    assert.equal(out.LogResult, 'bG9n');
    assert.equal(out.ExecutedVersion, '$LATEST');
    assert.equal(Buffer.from(out.Payload!).toString(), 'echo:{"x":1}');

    const list = await lambda.send(new ListFunctionsCommand({ Marker: 'm1', MaxItems: 7 }));
    assert.deepEqual(seen.ListFunctions, { Marker: 'm1', MaxItems: 7 });
    assert.equal(list.Functions?.[0]?.FunctionName, 'after-m1');
    assert.equal(list.NextMarker, 'next');

    const conf = await lambda.send(new GetFunctionConfigurationCommand({ FunctionName: 'arn:aws:lambda:us-east-1:000000000000:function:f', Qualifier: '3' }));
    assert.equal(conf.FunctionName, 'arn:aws:lambda:us-east-1:000000000000:function:f');
    assert.equal(conf.Version, '3');
  });

  it('restJson1: a constraint violation in a query parameter', async () => {
    const lambda = new LambdaClient(cfg);
    await assert.rejects(lambda.send(new ListFunctionsCommand({ MaxItems: 100000 })), (e: any) => {
      assert.equal(e.name, 'ValidationException');
      assert.match(e.message, /Value '100000' at 'maxItems' failed to satisfy constraint: Member must have value less than or equal to 10000/);
      return true;
    });
  });

  it('restXml (S3): XML body in, XML and header members out', async () => {
    const s3 = new S3Client({ ...cfg, forcePathStyle: true });
    const put = await s3.send(new PutObjectTaggingCommand({ Bucket: 'b', Key: 'dir/file.txt', Tagging: { TagSet: [{ Key: 'k1', Value: 'v1' }, { Key: 'k2', Value: 'v2' }] } }));
    assert.equal(seen.PutObjectTagging.Bucket, 'b');
    assert.equal(seen.PutObjectTagging.Key, 'dir/file.txt');
    assert.deepEqual(seen.PutObjectTagging.Tagging, { TagSet: [{ Key: 'k1', Value: 'v1' }, { Key: 'k2', Value: 'v2' }] });
    assert.equal(put.VersionId, 'v1');

    const tags = await s3.send(new GetObjectTaggingCommand({ Bucket: 'b', Key: 'k' }));
    assert.deepEqual(tags.TagSet, [{ Key: 'a', Value: '1' }, { Key: 'b', Value: '2' }]);

    const head = await s3.send(new HeadObjectCommand({ Bucket: 'b', Key: 'k' }));
    assert.equal(head.ContentLength, 12);
    assert.equal(head.LastModified?.toISOString(), when.toISOString());
    assert.equal(head.ETag, '"abc"');
    assert.deepEqual(head.Metadata, { color: 'blue' });

    const list = await s3.send(new ListObjectsV2Command({ Bucket: 'b', Prefix: 'x/', MaxKeys: 2 }));
    assert.equal(seen.ListObjectsV2.Prefix, 'x/');
    assert.equal(seen.ListObjectsV2.MaxKeys, 2);
    assert.deepEqual(list.Contents?.map((c) => [c.Key, c.Size, c.LastModified?.toISOString()]), [
      ['x/1', 1, when.toISOString()],
      ['x/2', 2, when.toISOString()],
    ]);
  });

  it('awsQuery (STS): nested lists and structures in, XML with timestamps out', async () => {
    const sts = new STSClient(cfg);
    const out = await sts.send(
      new AssumeRoleCommand({
        RoleArn: 'arn:aws:iam::000000000000:role/r',
        RoleSessionName: 'sess',
        DurationSeconds: 900,
        PolicyArns: [{ arn: 'arn:aws:iam::aws:policy/ReadOnlyAccess' }, { arn: 'arn:aws:iam::aws:policy/Other' }],
        Tags: [{ Key: 'team', Value: 'core' }],
      }),
    );
    assert.deepEqual(seen.AssumeRole, {
      RoleArn: 'arn:aws:iam::000000000000:role/r',
      RoleSessionName: 'sess',
      DurationSeconds: 900,
      PolicyArns: [{ arn: 'arn:aws:iam::aws:policy/ReadOnlyAccess' }, { arn: 'arn:aws:iam::aws:policy/Other' }],
      Tags: [{ Key: 'team', Value: 'core' }],
    });
    assert.equal(out.Credentials?.Expiration?.toISOString(), when.toISOString());
    assert.equal(out.AssumedRoleUser?.Arn, 'arn:aws:iam::000000000000:role/r/sess');
    assert.equal(out.PackedPolicySize, 900);
    const me = await sts.send(new GetCallerIdentityCommand({}));
    assert.equal(me.Account, '000000000000');
  });

  it('awsQuery: a validation error in the XML error shape', async () => {
    const sts = new STSClient(cfg);
    await assert.rejects(sts.send(new AssumeRoleCommand({ RoleArn: 'arn:aws:iam::000000000000:role/r', RoleSessionName: 's' })), (e: any) => {
      assert.equal(e.name, 'ValidationError');
      assert.match(e.message, /^1 validation error detected: Value 's' at 'roleSessionName' failed to satisfy constraint: Member must have length greater than or equal to 2$/);
      assert.equal(e.$metadata.httpStatusCode, 400);
      return true;
    });
  });

  it('answers an operation the provider lacks with NotImplemented (501)', async () => {
    const lambda = new LambdaClient(cfg);
    await assert.rejects(lambda.send(new GetAccountSettingsCommand({})), (e: any) => {
      assert.equal(e.name, 'NotImplemented');
      assert.equal(e.$metadata.httpStatusCode, 501);
      return true;
    });
  });
});
