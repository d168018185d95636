import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { IAMClient, AttachRolePolicyCommand, CreateAccessKeyCommand, CreateRoleCommand, CreateUserCommand, DeleteRolePolicyCommand, PutRolePermissionsBoundaryCommand, PutRolePolicyCommand, PutUserPolicyCommand } from '@aws-sdk/client-iam';
import { STSClient, AssumeRoleCommand } from '@aws-sdk/client-sts';
import { CreateTableCommand, DynamoDBClient, GetItemCommand, PutItemCommand } from '@aws-sdk/client-dynamodb';
import { CreateFunctionCommand, InvokeCommand, LambdaClient, waitUntilFunctionActiveV2 } from '@aws-sdk/client-lambda';
import { clientConfig, startServer, type TestServer } from '../helpers/server.js';
import { createZip } from '../../src/runtime/zip.js';
import { definition as iamService } from '../../src/services/iam/index.js';
import { definition as stsService } from '../../src/services/sts/index.js';
import { definition as dynamodbService } from '../../src/services/dynamodb/index.js';
import { definition as lambdaService } from '../../src/services/lambda/index.js';
import { definition as logsService } from '../../src/services/logs/index.js';
import { definition as sqsService } from '../../src/services/sqs/index.js';
import { definition as s3Service } from '../../src/services/s3/index.js';
import { definition as snsService } from '../../src/services/sns/index.js';
import { CreateTopicCommand, PublishCommand, SNSClient } from '@aws-sdk/client-sns';
import { CreateQueueCommand, SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { CreateBucketCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';

const ACCOUNT = '000000000000';
const TABLE_ARN = `arn:aws:dynamodb:us-east-1:${ACCOUNT}:table/items`;
const SERVICES = [iamService, stsService, dynamodbService, lambdaService, logsService, sqsService, s3Service, snsService];
const policy = (effect: 'Allow' | 'Deny', action: string | string[], resource = '*') =>
  JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: effect, Action: action, Resource: resource }] });
const trust = (principal: object) => JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: principal, Action: 'sts:AssumeRole' }] });
const item = (id: string) => ({ TableName: 'items', Item: { id: { S: id } } });

async function setUp(server: TestServer): Promise<{ iam: IAMClient; sts: STSClient }> {
  const iam = new IAMClient(clientConfig(server.endpoint));
  const sts = new STSClient(clientConfig(server.endpoint));
  await new DynamoDBClient(clientConfig(server.endpoint)).send(
    new CreateTableCommand({ TableName: 'items', KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }], AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }], BillingMode: 'PAY_PER_REQUEST' }),
  );
  return { iam, sts };
}

async function sessionOf(server: TestServer, sts: STSClient, role: string): Promise<DynamoDBClient> {
  const r = await sts.send(new AssumeRoleCommand({ RoleArn: `arn:aws:iam::${ACCOUNT}:role/${role}`, RoleSessionName: 'tester' }));
  const c = r.Credentials!;
  return new DynamoDBClient({ ...clientConfig(server.endpoint), credentials: { accessKeyId: c.AccessKeyId!, secretAccessKey: c.SecretAccessKey!, sessionToken: c.SessionToken! } });
}

function denied(message: string) {
  return (e: any) => {
    assert.equal(e.name, 'AccessDeniedException');
    assert.equal(e.$metadata.httpStatusCode, 400);
    assert.equal(e.message, message);
    return true;
  };
}

describe('--iam enforce', () => {
  let server: TestServer;
  let iam: IAMClient;
  let sts: STSClient;
  before(async () => {
    server = await startServer({ services: SERVICES, config: { iam: 'enforce', services: { lambda: { idleTimeoutSeconds: 600 } } } });
    ({ iam, sts } = await setUp(server));
  });
  after(() => server.stop());

  it('denies what no identity-based policy allows, with DynamoDB AccessDeniedException and AWS message, and allows it once granted', async () => {
    await iam.send(new CreateRoleCommand({ RoleName: 'reader', AssumeRolePolicyDocument: trust({ AWS: ACCOUNT }) }));
    await iam.send(new PutRolePolicyCommand({ RoleName: 'reader', PolicyName: 'read', PolicyDocument: policy('Allow', 'dynamodb:GetItem', TABLE_ARN) }));
    const ddb = await sessionOf(server, sts, 'reader');
    await ddb.send(new GetItemCommand({ TableName: 'items', Key: { id: { S: 'a' } } }));
    await assert.rejects(
      ddb.send(new PutItemCommand(item('a'))),
      denied(`User: arn:aws:sts::${ACCOUNT}:assumed-role/reader/tester is not authorized to perform: dynamodb:PutItem on resource: ${TABLE_ARN} because no identity-based policy allows the dynamodb:PutItem action`),
    );
    await iam.send(new AttachRolePolicyCommand({ RoleName: 'reader', PolicyArn: 'arn:aws:iam::aws:policy/AmazonDynamoDBFullAccess' }));
    await ddb.send(new PutItemCommand(item('a')));
    // The account's root credentials (the configured `test` key) are allowed everything.
    await new DynamoDBClient(clientConfig(server.endpoint)).send(new PutItemCommand(item('root')));
  });

  it('lets an explicit deny beat an allow', async () => {
    await iam.send(new CreateRoleCommand({ RoleName: 'denied', AssumeRolePolicyDocument: trust({ AWS: ACCOUNT }) }));
    await iam.send(new AttachRolePolicyCommand({ RoleName: 'denied', PolicyArn: 'arn:aws:iam::aws:policy/AdministratorAccess' }));
    await iam.send(new PutRolePolicyCommand({ RoleName: 'denied', PolicyName: 'no-writes', PolicyDocument: policy('Deny', ['dynamodb:PutItem', 'dynamodb:DeleteItem'], TABLE_ARN) }));
    const ddb = await sessionOf(server, sts, 'denied');
    await ddb.send(new GetItemCommand({ TableName: 'items', Key: { id: { S: 'a' } } }));
    await assert.rejects(
      ddb.send(new PutItemCommand(item('b'))),
      denied(`User: arn:aws:sts::${ACCOUNT}:assumed-role/denied/tester is not authorized to perform: dynamodb:PutItem on resource: ${TABLE_ARN} with an explicit deny in an identity-based policy`),
    );
    await iam.send(new DeleteRolePolicyCommand({ RoleName: 'denied', PolicyName: 'no-writes' }));
    await ddb.send(new PutItemCommand(item('b')));
  });

  it('limits a role to its permissions boundary', async () => {
    await iam.send(new CreateRoleCommand({ RoleName: 'bounded', AssumeRolePolicyDocument: trust({ AWS: ACCOUNT }) }));
    await iam.send(new AttachRolePolicyCommand({ RoleName: 'bounded', PolicyArn: 'arn:aws:iam::aws:policy/AdministratorAccess' }));
    await iam.send(new PutRolePermissionsBoundaryCommand({ RoleName: 'bounded', PermissionsBoundary: 'arn:aws:iam::aws:policy/AmazonDynamoDBReadOnlyAccess' }));
    const ddb = await sessionOf(server, sts, 'bounded');
    await ddb.send(new GetItemCommand({ TableName: 'items', Key: { id: { S: 'a' } } }));
    await assert.rejects(
      ddb.send(new PutItemCommand(item('c'))),
      denied(`User: arn:aws:sts::${ACCOUNT}:assumed-role/bounded/tester is not authorized to perform: dynamodb:PutItem on resource: ${TABLE_ARN} because no permissions boundary allows the dynamodb:PutItem action`),
    );
  });

  it('answers SQS, S3, Lambda and SNS denials in their own errors', async () => {
    await iam.send(new CreateRoleCommand({ RoleName: 'nothing', AssumeRolePolicyDocument: trust({ AWS: ACCOUNT }) }));
    const r = await sts.send(new AssumeRoleCommand({ RoleArn: `arn:aws:iam::${ACCOUNT}:role/nothing`, RoleSessionName: 'tester' }));
    const c = r.Credentials!;
    const session = { ...clientConfig(server.endpoint), credentials: { accessKeyId: c.AccessKeyId!, secretAccessKey: c.SecretAccessKey!, sessionToken: c.SessionToken! } };
    const who = `User: arn:aws:sts::${ACCOUNT}:assumed-role/nothing/tester is not authorized to perform:`;
    const { QueueUrl } = await new SQSClient(clientConfig(server.endpoint)).send(new CreateQueueCommand({ QueueName: 'jobs' }));
    await assert.rejects(new SQSClient(session).send(new SendMessageCommand({ QueueUrl, MessageBody: 'x' })), (e: any) => {
      assert.equal(e.$metadata.httpStatusCode, 403);
      assert.match(e.name, /^AccessDenied/);
      assert.equal(e.message, `${who} sqs:SendMessage on resource: arn:aws:sqs:us-east-1:${ACCOUNT}:jobs because no identity-based policy allows the sqs:SendMessage action`);
      return true;
    });
    await new S3Client({ ...clientConfig(server.endpoint), forcePathStyle: true }).send(new CreateBucketCommand({ Bucket: 'docs' }));
    await assert.rejects(new S3Client({ ...session, forcePathStyle: true }).send(new PutObjectCommand({ Bucket: 'docs', Key: 'a/b.txt', Body: 'x' })), (e: any) => {
      assert.equal(e.$metadata.httpStatusCode, 403);
      assert.equal(e.name, 'AccessDenied');
      assert.equal(e.message, `${who} s3:PutObject on resource: arn:aws:s3:::docs/a/b.txt because no identity-based policy allows the s3:PutObject action`);
      return true;
    });
    const { TopicArn } = await new SNSClient(clientConfig(server.endpoint)).send(new CreateTopicCommand({ Name: 'events' }));
    await assert.rejects(new SNSClient(session).send(new PublishCommand({ TopicArn, Message: 'x' })), (e: any) => {
      assert.equal(e.$metadata.httpStatusCode, 403);
      assert.equal(e.name, 'AuthorizationErrorException');
      assert.equal(e.message, `${who} sns:Publish on resource: ${TopicArn} because no identity-based policy allows the sns:Publish action`);
      return true;
    });
    await assert.rejects(new LambdaClient(session).send(new InvokeCommand({ FunctionName: 'absent' })), (e: any) => {
      assert.equal(e.$metadata.httpStatusCode, 403);
      assert.equal(e.name, 'AccessDeniedException');
      assert.equal(e.message, `${who} lambda:InvokeFunction on resource: arn:aws:lambda:us-east-1:${ACCOUNT}:function:absent because no identity-based policy allows the lambda:InvokeFunction action`);
      return true;
    });
  });

  it('needs iam:PassRole to give a function a role, and matches aws:PrincipalTag on the role\'s tags', async () => {
    await iam.send(new CreateRoleCommand({ RoleName: 'deployer', AssumeRolePolicyDocument: trust({ AWS: ACCOUNT }), Tags: [{ Key: 'team', Value: 'data' }] }));
    await iam.send(new PutRolePolicyCommand({ RoleName: 'deployer', PolicyName: 'lambda', PolicyDocument: policy('Allow', 'lambda:*') }));
    await iam.send(
      new PutRolePolicyCommand({
        RoleName: 'deployer',
        PolicyName: 'team-table',
        PolicyDocument: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'dynamodb:GetItem', Resource: '*', Condition: { StringEquals: { 'aws:PrincipalTag/team': 'data' } } }] }),
      }),
    );
    const r = await sts.send(new AssumeRoleCommand({ RoleArn: `arn:aws:iam::${ACCOUNT}:role/deployer`, RoleSessionName: 'tester' }));
    const c = r.Credentials!;
    const session = { ...clientConfig(server.endpoint), credentials: { accessKeyId: c.AccessKeyId!, secretAccessKey: c.SecretAccessKey!, sessionToken: c.SessionToken! } };
    await new DynamoDBClient(session).send(new GetItemCommand({ TableName: 'items', Key: { id: { S: 'a' } } }));
    const role = `arn:aws:iam::${ACCOUNT}:role/fn-role-2`;
    const create = () => new LambdaClient(session).send(new CreateFunctionCommand({ FunctionName: 'passed', Runtime: 'nodejs20.x', Handler: 'index.handler', Role: role, Code: { ZipFile: createZip({ 'index.mjs': 'export const handler = async () => 1;' }) } }));
    await assert.rejects(create(), (e: any) => {
      assert.equal(e.name, 'AccessDeniedException');
      assert.equal(e.message, `User: arn:aws:sts::${ACCOUNT}:assumed-role/deployer/tester is not authorized to perform: iam:PassRole on resource: ${role} because no identity-based policy allows the iam:PassRole action`);
      return true;
    });
    await iam.send(
      new PutRolePolicyCommand({
        RoleName: 'deployer',
        PolicyName: 'pass',
        PolicyDocument: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'iam:PassRole', Resource: role, Condition: { StringEquals: { 'iam:PassedToService': 'lambda.amazonaws.com' } } }] }),
      }),
    );
    assert.equal((await create()).FunctionName, 'passed');
  });

  it('needs sts:AssumeRole in the caller\'s policies unless the trust policy names the caller', async () => {
    await iam.send(new CreateUserCommand({ UserName: 'eve' }));
    const key = (await iam.send(new CreateAccessKeyCommand({ UserName: 'eve' }))).AccessKey!;
    const eve = new STSClient({ ...clientConfig(server.endpoint), credentials: { accessKeyId: key.AccessKeyId!, secretAccessKey: key.SecretAccessKey! } });
    await iam.send(new CreateRoleCommand({ RoleName: 'account-trust', AssumeRolePolicyDocument: trust({ AWS: ACCOUNT }) }));
    await iam.send(new CreateRoleCommand({ RoleName: 'eve-trust', AssumeRolePolicyDocument: trust({ AWS: `arn:aws:iam::${ACCOUNT}:user/eve` }) }));
    const assume = (role: string) => eve.send(new AssumeRoleCommand({ RoleArn: `arn:aws:iam::${ACCOUNT}:role/${role}`, RoleSessionName: 'eve' }));
    await assert.rejects(assume('account-trust'), (e: any) => {
      assert.equal(e.name, 'AccessDenied');
      assert.equal(e.$metadata.httpStatusCode, 403);
      assert.equal(e.message, `User: arn:aws:iam::${ACCOUNT}:user/eve is not authorized to perform: sts:AssumeRole on resource: arn:aws:iam::${ACCOUNT}:role/account-trust because no identity-based policy allows the sts:AssumeRole action`);
      return true;
    });
    assert.equal((await assume('eve-trust')).AssumedRoleUser!.Arn, `arn:aws:sts::${ACCOUNT}:assumed-role/eve-trust/eve`);
    await iam.send(new PutUserPolicyCommand({ UserName: 'eve', PolicyName: 'assume', PolicyDocument: policy('Allow', 'sts:AssumeRole', `arn:aws:iam::${ACCOUNT}:role/account-*`) }));
    assert.equal((await assume('account-trust')).AssumedRoleUser!.Arn, `arn:aws:sts::${ACCOUNT}:assumed-role/account-trust/eve`);
  });

  it('runs a function with its execution role: missing dynamodb:PutItem fails as on AWS, and works once attached', async () => {
    await iam.send(new CreateRoleCommand({ RoleName: 'fn-role', AssumeRolePolicyDocument: trust({ Service: 'lambda.amazonaws.com' }) }));
    await iam.send(new AttachRolePolicyCommand({ RoleName: 'fn-role', PolicyArn: 'arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole' }));
    const lambda = new LambdaClient(clientConfig(server.endpoint));
    const code = `import { DynamoDBClient, PutItemCommand } from "@aws-sdk/client-dynamodb";
const client = new DynamoDBClient({});
export const handler = async (event) => {
  try {
    await client.send(new PutItemCommand({ TableName: "items", Item: { id: { S: event.id } } }));
    return { ok: true };
  } catch (e) {
    return { ok: false, name: e.name, message: e.message };
  }
};`;
    await lambda.send(new CreateFunctionCommand({ FunctionName: 'writer', Runtime: 'nodejs20.x', Handler: 'index.handler', Role: `arn:aws:iam::${ACCOUNT}:role/fn-role`, Code: { ZipFile: createZip({ 'index.mjs': code }) } }));
    await waitUntilFunctionActiveV2({ client: lambda, maxWaitTime: 60 }, { FunctionName: 'writer' });
    const invoke = async (id: string) => JSON.parse(Buffer.from((await lambda.send(new InvokeCommand({ FunctionName: 'writer', Payload: JSON.stringify({ id }) }))).Payload!).toString()) as Record<string, unknown>;
    const first = await invoke('f1');
    assert.equal(first.ok, false);
    assert.equal(first.name, 'AccessDeniedException');
    assert.equal(first.message, `User: arn:aws:sts::${ACCOUNT}:assumed-role/fn-role/writer is not authorized to perform: dynamodb:PutItem on resource: ${TABLE_ARN} because no identity-based policy allows the dynamodb:PutItem action`);
    await iam.send(new PutRolePolicyCommand({ RoleName: 'fn-role', PolicyName: 'put', PolicyDocument: policy('Allow', 'dynamodb:PutItem', TABLE_ARN) }));
    assert.deepEqual(await invoke('f2'), { ok: true });
  });
});

describe('--iam report', () => {
  it('allows what enforce would deny and logs the denial with the statement that decided it', async () => {
    const lines: string[] = [];
    const write = process.stdout.write.bind(process.stdout);
    const server = await startServer({ services: SERVICES, config: { iam: 'report', logRequests: true } });
    try {
      const { iam, sts } = await setUp(server);
      await iam.send(new CreateRoleCommand({ RoleName: 'audited', AssumeRolePolicyDocument: trust({ AWS: ACCOUNT }) }));
      await iam.send(new PutRolePolicyCommand({ RoleName: 'audited', PolicyName: 'deny', PolicyDocument: policy('Deny', 'dynamodb:PutItem', TABLE_ARN) }));
      const ddb = await sessionOf(server, sts, 'audited');
      process.stdout.write = ((chunk: string | Uint8Array, ...rest: unknown[]) => {
        lines.push(String(chunk));
        return true;
      }) as typeof process.stdout.write;
      try {
        await ddb.send(new PutItemCommand(item('reported')));
      } finally {
        process.stdout.write = write;
      }
    } finally {
      await server.stop();
    }
    const report = lines.map((l) => JSON.parse(l) as Record<string, any>).find((l) => l.iam === 'report');
    assert.ok(report, lines.join(''));
    assert.equal(report.wouldDeny, `User: arn:aws:sts::${ACCOUNT}:assumed-role/audited/tester is not authorized to perform: dynamodb:PutItem on resource: ${TABLE_ARN} with an explicit deny in an identity-based policy`);
    assert.deepEqual(report.statement, { Effect: 'Deny', Action: 'dynamodb:PutItem', Resource: TABLE_ARN });
  });
});
