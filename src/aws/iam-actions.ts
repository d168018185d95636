/**
 * The IAM actions and resource ARNs an API request asks for, as AWS's Service Authorization Reference
 * lists them, for `--iam enforce`: DynamoDB, SQS, S3, Lambda, SNS and Step Functions. An operation of another service (or
 * one not listed here) maps to nothing, and is not authorised by Stratus (docs/services/iam.md).
 * Pure: the operation's validated input in, the (action, resource) pairs it needs out.
 */
export interface ActionRequest {
  readonly action: string;
  readonly resource: string;
  /** Condition keys of this action alone (lower-cased), e.g. iam:PassedToService for iam:PassRole. */
  readonly context?: Readonly<Record<string, string>>;
}

interface Scope {
  readonly accountId: string;
  readonly region: string;
}

type Input = Record<string, any>;

/** One request may need several authorisations (a batch over tables, a transaction's items). */
export function actionsFor(service: string, operation: string, input: Input, scope: Scope): ActionRequest[] | undefined {
  switch (service) {
    case 'dynamodb':
      return dynamodb(operation, input, scope);
    case 'sqs':
      return sqs(operation, input, scope);
    case 's3':
      return s3(operation, input);
    case 'lambda':
      return lambda(operation, input, scope);
    case 'sns':
      return sns(operation, input, scope);
    case 'stepfunctions':
      return states(operation, input, scope);
    default:
      return undefined;
  }
}

function tableArn(name: string, s: Scope): string {
  return name.startsWith('arn:') ? name : `arn:aws:dynamodb:${s.region}:${s.accountId}:table/${name}`;
}

const DYNAMODB_ACCOUNT_LEVEL = new Set(['ListTables', 'DescribeLimits', 'DescribeEndpoints', 'ListBackups', 'ListGlobalTables', 'ListExports', 'ListImports', 'ListContributorInsights']);

function dynamodb(op: string, input: Input, s: Scope): ActionRequest[] | undefined {
  const action = `dynamodb:${op}`;
  if (DYNAMODB_ACCOUNT_LEVEL.has(op)) return [{ action, resource: '*' }];
  if (op === 'BatchGetItem' || op === 'BatchWriteItem') return Object.keys(input.RequestItems ?? {}).map((t) => ({ action, resource: tableArn(t, s) }));
  if (op === 'TransactWriteItems' || op === 'TransactGetItems') {
    const out: ActionRequest[] = [];
    for (const item of (input.TransactItems ?? []) as Input[]) {
      for (const [kind, body] of Object.entries(item)) {
        const verb = { Put: 'PutItem', Update: 'UpdateItem', Delete: 'DeleteItem', ConditionCheck: 'ConditionCheckItem', Get: 'GetItem' }[kind];
        if (verb && body?.TableName) out.push({ action: `dynamodb:${verb}`, resource: tableArn(body.TableName as string, s) });
      }
    }
    return out;
  }
  if (typeof input.TableName === 'string') return [{ action, resource: tableArn(input.TableName, s) }];
  if (typeof input.ResourceArn === 'string') return [{ action, resource: input.ResourceArn }];
  return undefined;
}

function queueArn(url: string | undefined, name: string | undefined, s: Scope, owner?: string): string {
  if (url) {
    const m = /\/(\d{12})\/([^/?]+)\/?(?:\?.*)?$/.exec(url);
    if (m) return `arn:aws:sqs:${s.region}:${m[1]}:${m[2]}`;
  }
  return `arn:aws:sqs:${s.region}:${owner ?? s.accountId}:${name ?? '*'}`;
}

function sqs(op: string, input: Input, s: Scope): ActionRequest[] {
  const batch: Record<string, string> = { SendMessageBatch: 'SendMessage', DeleteMessageBatch: 'DeleteMessage', ChangeMessageVisibilityBatch: 'ChangeMessageVisibility' };
  const action = `sqs:${batch[op] ?? op}`;
  if (op === 'ListQueues') return [{ action, resource: '*' }];
  if (op === 'CreateQueue' || op === 'GetQueueUrl') return [{ action, resource: queueArn(undefined, input.QueueName as string, s, input.QueueOwnerAWSAccountId as string | undefined) }];
  return [{ action, resource: queueArn(input.QueueUrl as string | undefined, undefined, s) }];
}

/** S3 operations whose action is not `s3:<operation>`. */
const S3_ACTIONS: Record<string, string> = {
  HeadObject: 'GetObject',
  HeadBucket: 'ListBucket',
  ListObjects: 'ListBucket',
  ListObjectsV2: 'ListBucket',
  ListObjectVersions: 'ListBucketVersions',
  ListBuckets: 'ListAllMyBuckets',
  ListDirectoryBuckets: 'ListAllMyBuckets',
  DeleteObjects: 'DeleteObject',
  CopyObject: 'PutObject',
  CreateMultipartUpload: 'PutObject',
  UploadPart: 'PutObject',
  UploadPartCopy: 'PutObject',
  CompleteMultipartUpload: 'PutObject',
  ListParts: 'ListMultipartUploadParts',
  ListMultipartUploads: 'ListBucketMultipartUploads',
  GetObjectAttributes: 'GetObject',
  GetBucketLifecycleConfiguration: 'GetLifecycleConfiguration',
  PutBucketLifecycleConfiguration: 'PutLifecycleConfiguration',
  GetBucketNotificationConfiguration: 'GetBucketNotification',
  PutBucketNotificationConfiguration: 'PutBucketNotification',
  DeleteBucketCors: 'PutBucketCORS',
  GetBucketCors: 'GetBucketCORS',
  PutBucketCors: 'PutBucketCORS',
  DeleteBucketLifecycle: 'PutLifecycleConfiguration',
  DeleteBucketEncryption: 'PutEncryptionConfiguration',
  GetBucketEncryption: 'GetEncryptionConfiguration',
  PutBucketEncryption: 'PutEncryptionConfiguration',
  DeleteBucketTagging: 'PutBucketTagging',
  DeleteBucketWebsite: 'DeleteBucketWebsite',
};

function s3(op: string, input: Input): ActionRequest[] | undefined {
  const action = `s3:${S3_ACTIONS[op] ?? op}`;
  if (op === 'ListBuckets' || op === 'ListDirectoryBuckets') return [{ action, resource: '*' }];
  const bucket = input.Bucket as string | undefined;
  if (!bucket) return undefined;
  if (op === 'DeleteObjects') {
    const keys = ((input.Delete?.Objects ?? []) as Input[]).map((o) => String(o.Key));
    return keys.map((k) => ({ action, resource: `arn:aws:s3:::${bucket}/${k}` }));
  }
  const key = input.Key as string | undefined;
  return [{ action, resource: key !== undefined ? `arn:aws:s3:::${bucket}/${key}` : `arn:aws:s3:::${bucket}` }];
}

/** Lambda operations whose action is not `lambda:<operation>`. */
const LAMBDA_ACTIONS: Record<string, string> = { Invoke: 'InvokeFunction', InvokeWithResponseStream: 'InvokeFunction' };

function functionArn(name: string, qualifier: string | undefined, s: Scope): string {
  let arn: string;
  if (name.startsWith('arn:')) arn = name;
  else if (/^\d{12}:function:/.test(name)) arn = `arn:aws:lambda:${s.region}:${name}`;
  else arn = `arn:aws:lambda:${s.region}:${s.accountId}:function:${name}`;
  return qualifier && !/:function:[^:]+:[^:]+$/.test(arn) ? `${arn}:${qualifier}` : arn;
}

function lambda(op: string, input: Input, s: Scope): ActionRequest[] {
  const action = `lambda:${LAMBDA_ACTIONS[op] ?? op}`;
  // Giving a function a role passes the role to Lambda (iam:PassRole, with iam:PassedToService).
  const passRole: ActionRequest[] = typeof input.Role === 'string' ? [{ action: 'iam:PassRole', resource: input.Role, context: { 'iam:passedtoservice': 'lambda.amazonaws.com' } }] : [];
  if (typeof input.FunctionName === 'string') return [{ action, resource: functionArn(input.FunctionName, input.Qualifier as string | undefined, s) }, ...passRole];
  if (typeof input.Resource === 'string') return [{ action, resource: input.Resource }];
  return [{ action, resource: '*' }];
}

function sns(op: string, input: Input, s: Scope): ActionRequest[] {
  const action = `sns:${op}`;
  const topic = (input.TopicArn ?? input.TargetArn ?? input.ResourceArn) as string | undefined;
  if (topic) return [{ action, resource: topic }];
  if (op === 'CreateTopic' && typeof input.Name === 'string') return [{ action, resource: `arn:aws:sns:${s.region}:${s.accountId}:${input.Name}` }];
  // A subscription's actions are on its topic.
  if (typeof input.SubscriptionArn === 'string') return [{ action, resource: input.SubscriptionArn.slice(0, input.SubscriptionArn.lastIndexOf(':')) }];
  return [{ action, resource: '*' }];
}

function states(op: string, input: Input, s: Scope): ActionRequest[] {
  const action = `states:${op}`;
  const passRole: ActionRequest[] = typeof input.roleArn === 'string' ? [{ action: 'iam:PassRole', resource: input.roleArn, context: { 'iam:passedtoservice': 'states.amazonaws.com' } }] : [];
  if (op === 'CreateStateMachine' && typeof input.name === 'string') return [{ action, resource: `arn:aws:states:${s.region}:${s.accountId}:stateMachine:${input.name}` }, ...passRole];
  const resource = (input.stateMachineArn ?? input.executionArn ?? input.resourceArn ?? input.mapRunArn) as string | undefined;
  return [{ action, resource: resource ?? '*' }, ...passRole];
}
