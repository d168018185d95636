/**
 * `--iam enforce` with resource-based policies (docs/services/iam.md), after AWS's "Policy evaluation
 * logic" (same account: an identity-based or a resource-based policy may allow; a grant to a role
 * session is not limited by the role's permissions boundary, a grant to the role is) and
 * "Cross-account policy evaluation logic" (both sides must allow). A second account is an access key
 * named by its account id (its root) and IAM users it creates.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CreateAccessKeyCommand, CreatePolicyCommand, CreateRoleCommand, CreateUserCommand, IAMClient, PutRolePermissionsBoundaryCommand, PutRolePolicyCommand, PutUserPolicyCommand } from '@aws-sdk/client-iam';
import { AssumeRoleCommand, STSClient } from '@aws-sdk/client-sts';
import { CreateBucketCommand, GetObjectCommand, PutBucketPolicyCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { CreateQueueCommand, ReceiveMessageCommand, SendMessageCommand, SetQueueAttributesCommand, SQSClient } from '@aws-sdk/client-sqs';
import { AddPermissionCommand, CreateTopicCommand, PublishCommand, SNSClient } from '@aws-sdk/client-sns';
import { CreateTableCommand, DynamoDBClient, GetItemCommand, PutItemCommand, PutResourcePolicyCommand } from '@aws-sdk/client-dynamodb';
import { awsCli } from '../helpers/clients.js';
import { clientConfig, startServer, type TestServer } from '../helpers/server.js';
import { definition as iamService } from '../../src/services/iam/index.js';
import { definition as stsService } from '../../src/services/sts/index.js';
import { definition as s3Service } from '../../src/services/s3/index.js';
import { definition as sqsService } from '../../src/services/sqs/index.js';
import { definition as snsService } from '../../src/services/sns/index.js';
import { definition as dynamodbService } from '../../src/services/dynamodb/index.js';

const A = '000000000000';
const B = '111111111111';
type Creds = { accessKeyId: string; secretAccessKey: string; sessionToken?: string };
const doc = (...Statement: object[]) => JSON.stringify({ Version: '2012-10-17', Statement });

describe('--iam enforce: resource-based policies', () => {
  let server: TestServer;
  const cfg = (credentials?: Creds) => ({ ...clientConfig(server.endpoint), ...(credentials ? { credentials } : {}) });
  const rootB: Creds = { accessKeyId: B, secretAccessKey: 'test' };

  /** An IAM user of `account` (made by that account's root) with an inline policy, and its key. */
  async function user(account: Creds | undefined, name: string, policy?: string): Promise<Creds> {
    const iam = new IAMClient(cfg(account));
    await iam.send(new CreateUserCommand({ UserName: name }));
    if (policy) await iam.send(new PutUserPolicyCommand({ UserName: name, PolicyName: 'p', PolicyDocument: policy }));
    const k = (await iam.send(new CreateAccessKeyCommand({ UserName: name }))).AccessKey!;
    return { accessKeyId: k.AccessKeyId!, secretAccessKey: k.SecretAccessKey! };
  }

  before(async () => {
    server = await startServer({ services: [iamService, stsService, s3Service, sqsService, snsService, dynamodbService], config: { iam: 'enforce' } });
  });
  after(() => server.stop());

  it('a bucket policy grants cross-account access: both the other account identity policy and the bucket policy must allow', async () => {
    const owner = new S3Client({ ...cfg(), forcePathStyle: true });
    await owner.send(new CreateBucketCommand({ Bucket: 'shared' }));
    await owner.send(new PutObjectCommand({ Bucket: 'shared', Key: 'report.txt', Body: 'figures' }));
    await owner.send(new PutObjectCommand({ Bucket: 'shared', Key: 'secret.txt', Body: 'no' }));
    const bob = await user(rootB, 'bob', doc({ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::shared/*' }));
    const s3b = new S3Client({ ...cfg(bob), forcePathStyle: true });
    const bobArn = `arn:aws:iam::${B}:user/bob`;
    await assert.rejects(s3b.send(new GetObjectCommand({ Bucket: 'shared', Key: 'report.txt' })), (e: any) => {
      assert.equal(e.name, 'AccessDenied');
      assert.equal(e.$metadata.httpStatusCode, 403);
      assert.equal(e.message, `User: ${bobArn} is not authorized to perform: s3:GetObject on resource: arn:aws:s3:::shared/report.txt because no resource-based policy allows the s3:GetObject action`);
      return true;
    });
    await owner.send(
      new PutBucketPolicyCommand({
        Bucket: 'shared',
        Policy: doc(
          { Sid: 'ReadForB', Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${B}:root` }, Action: ['s3:GetObject', 's3:PutObject'], Resource: 'arn:aws:s3:::shared/*' },
          { Sid: 'NotTheSecret', Effect: 'Deny', Principal: { AWS: bobArn }, Action: 's3:GetObject', Resource: 'arn:aws:s3:::shared/secret.txt' },
        ),
      }),
    );
    const got = await s3b.send(new GetObjectCommand({ Bucket: 'shared', Key: 'report.txt' }));
    assert.equal(await got.Body!.transformToString(), 'figures');
    // The bucket policy allows PutObject to account B, but bob's own policy does not.
    await assert.rejects(s3b.send(new PutObjectCommand({ Bucket: 'shared', Key: 'x', Body: 'x' })), (e: any) => {
      assert.equal(e.message, `User: ${bobArn} is not authorized to perform: s3:PutObject on resource: arn:aws:s3:::shared/x because no identity-based policy allows the s3:PutObject action`);
      return true;
    });
    // An explicit deny in the bucket policy wins.
    await assert.rejects(s3b.send(new GetObjectCommand({ Bucket: 'shared', Key: 'secret.txt' })), (e: any) => {
      assert.equal(e.message, `User: ${bobArn} is not authorized to perform: s3:GetObject on resource: arn:aws:s3:::shared/secret.txt with an explicit deny in a resource-based policy`);
      return true;
    });
    // Account B's root is allowed by the account grant (its identity allows everything).
    await new S3Client({ ...cfg(rootB), forcePathStyle: true }).send(new PutObjectCommand({ Bucket: 'shared', Key: 'from-b.txt', Body: 'hi' }));
    // A third account, not named, is refused.
    await assert.rejects(new S3Client({ ...cfg({ accessKeyId: '222222222222', secretAccessKey: 'test' }), forcePathStyle: true }).send(new GetObjectCommand({ Bucket: 'shared', Key: 'report.txt' })), { name: 'AccessDenied' });
  });

  it('the AWS CLI reads another account bucket through its bucket policy', async () => {
    const carol = await user(rootB, 'carol', doc({ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }));
    const dir = mkdtempSync(join(tmpdir(), 'stratus-rp-'));
    try {
      const env = { AWS_ACCESS_KEY_ID: carol.accessKeyId, AWS_SECRET_ACCESS_KEY: carol.secretAccessKey, AWS_DEFAULT_REGION: 'us-east-1' };
      const out = join(dir, 'report.txt');
      await awsCli(['s3api', 'get-object', '--bucket', 'shared', '--key', 'report.txt', out, '--endpoint-url', server.endpoint], env);
      assert.equal(readFileSync(out, 'utf8'), 'figures');
      // Carol's own policy does not allow PutObject, whatever the bucket policy grants her account.
      await assert.rejects(awsCli(['s3api', 'put-object', '--bucket', 'shared', '--key', 'c.txt', '--body', out, '--endpoint-url', server.endpoint], env), (e: any) => {
        assert.match(String(e.stderr ?? e.message), /AccessDenied.*User: arn:aws:iam::111111111111:user\/carol is not authorized to perform: s3:PutObject on resource: arn:aws:s3:::shared\/c.txt because no identity-based policy allows the s3:PutObject action/s);
        return true;
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('same account: a queue policy naming a user allows without any identity-based policy', async () => {
    const sqs = new SQSClient(cfg());
    const { QueueUrl } = await sqs.send(new CreateQueueCommand({ QueueName: 'inbox' }));
    const dave = await user(undefined, 'dave');
    const daveSqs = new SQSClient(cfg(dave));
    const queueArn = `arn:aws:sqs:us-east-1:${A}:inbox`;
    await assert.rejects(daveSqs.send(new SendMessageCommand({ QueueUrl, MessageBody: 'x' })), (e: any) => {
      assert.equal(e.name, 'AccessDenied');
      assert.equal(e.message, `User: arn:aws:iam::${A}:user/dave is not authorized to perform: sqs:SendMessage on resource: ${queueArn} because no identity-based policy allows the sqs:SendMessage action`);
      return true;
    });
    await sqs.send(new SetQueueAttributesCommand({ QueueUrl, Attributes: { Policy: doc({ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${A}:user/dave` }, Action: 'sqs:SendMessage', Resource: queueArn }) } }));
    await daveSqs.send(new SendMessageCommand({ QueueUrl, MessageBody: 'x' }));
    await assert.rejects(daveSqs.send(new ReceiveMessageCommand({ QueueUrl })), { name: 'AccessDenied' });
    // Naming the account delegates to its identity policies: it grants nothing by itself.
    const erin = await user(undefined, 'erin');
    await sqs.send(new SetQueueAttributesCommand({ QueueUrl, Attributes: { Policy: doc({ Effect: 'Allow', Principal: { AWS: A }, Action: 'sqs:SendMessage', Resource: queueArn }) } }));
    await assert.rejects(new SQSClient(cfg(erin)).send(new SendMessageCommand({ QueueUrl, MessageBody: 'x' })), { name: 'AccessDenied' });
  });

  it('a grant to a role session is not limited by the role permissions boundary; a grant to the role is', async () => {
    const iam = new IAMClient(cfg());
    const sqs = new SQSClient(cfg());
    const { QueueUrl } = await sqs.send(new CreateQueueCommand({ QueueName: 'bounded' }));
    const queueArn = `arn:aws:sqs:us-east-1:${A}:bounded`;
    await iam.send(new CreateRoleCommand({ RoleName: 'worker', AssumeRolePolicyDocument: doc({ Effect: 'Allow', Principal: { AWS: A }, Action: 'sts:AssumeRole' }) }));
    await iam.send(new PutRolePolicyCommand({ RoleName: 'worker', PolicyName: 'none', PolicyDocument: doc({ Effect: 'Allow', Action: 's3:ListAllMyBuckets', Resource: '*' }) }));
    const { Policy } = await iam.send(new CreatePolicyCommand({ PolicyName: 'only-s3', PolicyDocument: doc({ Effect: 'Allow', Action: 's3:*', Resource: '*' }) }));
    await iam.send(new PutRolePermissionsBoundaryCommand({ RoleName: 'worker', PermissionsBoundary: Policy!.Arn! }));
    const c = (await new STSClient(cfg()).send(new AssumeRoleCommand({ RoleArn: `arn:aws:iam::${A}:role/worker`, RoleSessionName: 'job' }))).Credentials!;
    const session = new SQSClient(cfg({ accessKeyId: c.AccessKeyId!, secretAccessKey: c.SecretAccessKey!, sessionToken: c.SessionToken! }));
    const grant = (principal: string) => sqs.send(new SetQueueAttributesCommand({ QueueUrl, Attributes: { Policy: doc({ Effect: 'Allow', Principal: { AWS: principal }, Action: 'sqs:SendMessage', Resource: queueArn }) } }));
    await grant(`arn:aws:iam::${A}:role/worker`);
    await assert.rejects(session.send(new SendMessageCommand({ QueueUrl, MessageBody: 'x' })), (e: any) => {
      assert.equal(e.message, `User: arn:aws:sts::${A}:assumed-role/worker/job is not authorized to perform: sqs:SendMessage on resource: ${queueArn} because no permissions boundary allows the sqs:SendMessage action`);
      return true;
    });
    await grant(`arn:aws:sts::${A}:assumed-role/worker/job`);
    await session.send(new SendMessageCommand({ QueueUrl, MessageBody: 'x' }));
  });

  it('an SNS topic policy lets another account publish once AddPermission names it', async () => {
    const sns = new SNSClient(cfg());
    const { TopicArn } = await sns.send(new CreateTopicCommand({ Name: 'alerts' }));
    const frank = await user(rootB, 'frank', doc({ Effect: 'Allow', Action: 'sns:Publish', Resource: '*' }));
    const frankSns = new SNSClient(cfg(frank));
    await assert.rejects(frankSns.send(new PublishCommand({ TopicArn, Message: 'm' })), (e: any) => {
      assert.equal(e.name, 'AuthorizationErrorException');
      assert.equal(e.message, `User: arn:aws:iam::${B}:user/frank is not authorized to perform: sns:Publish on resource: ${TopicArn} because no resource-based policy allows the sns:Publish action`);
      return true;
    });
    await sns.send(new AddPermissionCommand({ TopicArn, Label: 'b-publishes', AWSAccountId: [B], ActionName: ['Publish'] }));
    const r = await frankSns.send(new PublishCommand({ TopicArn, Message: 'm' }));
    assert.ok(r.MessageId);
  });

  it('another account user assumes a role whose trust policy names its account (the trust policy is the role resource policy)', async () => {
    await new IAMClient(cfg()).send(new CreateRoleCommand({ RoleName: 'partner-access', AssumeRolePolicyDocument: doc({ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${B}:root` }, Action: 'sts:AssumeRole' }) }));
    const roleArn = `arn:aws:iam::${A}:role/partner-access`;
    const henry = await user(rootB, 'henry', doc({ Effect: 'Allow', Action: 'sts:AssumeRole', Resource: roleArn }));
    const r = await new STSClient(cfg(henry)).send(new AssumeRoleCommand({ RoleArn: roleArn, RoleSessionName: 'visit' }));
    assert.equal(r.AssumedRoleUser!.Arn, `arn:aws:sts::${A}:assumed-role/partner-access/visit`);
    // Without sts:AssumeRole in its own policies, the other account's user is refused.
    const ivan = await user(rootB, 'ivan');
    await assert.rejects(new STSClient(cfg(ivan)).send(new AssumeRoleCommand({ RoleArn: roleArn, RoleSessionName: 'visit' })), { name: 'AccessDenied' });
  });

  it('a DynamoDB resource policy allows a user of the account the actions it names', async () => {
    const ddb = new DynamoDBClient(cfg());
    const { TableDescription } = await ddb.send(
      new CreateTableCommand({ TableName: 'shared', KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }], AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }], BillingMode: 'PAY_PER_REQUEST' }),
    );
    const tableArn = TableDescription!.TableArn!;
    const gina = await user(undefined, 'gina');
    const ginaDdb = new DynamoDBClient(cfg(gina));
    await assert.rejects(ginaDdb.send(new GetItemCommand({ TableName: 'shared', Key: { id: { S: 'a' } } })), { name: 'AccessDeniedException' });
    await ddb.send(new PutResourcePolicyCommand({ ResourceArn: tableArn, Policy: doc({ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${A}:user/gina` }, Action: 'dynamodb:GetItem', Resource: tableArn }) }));
    await ginaDdb.send(new GetItemCommand({ TableName: 'shared', Key: { id: { S: 'a' } } }));
    await assert.rejects(ginaDdb.send(new PutItemCommand({ TableName: 'shared', Item: { id: { S: 'a' } } })), (e: any) => {
      assert.equal(e.message, `User: arn:aws:iam::${A}:user/gina is not authorized to perform: dynamodb:PutItem on resource: ${tableArn} because no identity-based policy allows the dynamodb:PutItem action`);
      return true;
    });
  });
});
