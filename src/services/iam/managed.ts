/**
 * The AWS managed policies users attach by ARN most often (`arn:aws:iam::aws:policy/...`), with their
 * documents as AWS publishes them (default version at the time of writing). They exist in every
 * account, cannot be changed or deleted, and ListPolicies shows them under Scope AWS or All.
 */
export interface AwsManagedPolicy {
  readonly name: string;
  readonly path: string;
  readonly id: string;
  readonly version: string;
  readonly created: string;
  readonly updated: string;
  readonly description: string;
  readonly document: object;
}

const allow = (Action: string | string[], Resource: string | string[] = '*', extra: object = {}) => ({ Effect: 'Allow', Action, Resource, ...extra });
const doc = (...Statement: object[]) => ({ Version: '2012-10-17', Statement });

const LOGS = ['logs:CreateLogGroup', 'logs:CreateLogStream', 'logs:PutLogEvents'];

export const AWS_MANAGED_POLICIES: readonly AwsManagedPolicy[] = [
  {
    name: 'AdministratorAccess', path: '/', id: 'ANPAIWMBCKSKIEE64ZLYK', version: 'v1',
    created: '2015-02-06T18:39:46Z', updated: '2015-02-06T18:39:46Z',
    description: 'Provides full access to AWS services and resources.',
    document: doc(allow('*')),
  },
  {
    name: 'AmazonDynamoDBFullAccess', path: '/', id: 'ANPAINUGF2JSOSUY76KYA', version: 'v19',
    created: '2015-02-06T18:40:11Z', updated: '2024-03-20T21:20:24Z',
    description: 'Provides full access to Amazon DynamoDB via the AWS Management Console.',
    document: doc(
      allow([
        'dynamodb:*', 'dax:*', 'application-autoscaling:DeleteScalingPolicy', 'application-autoscaling:DeregisterScalableTarget',
        'application-autoscaling:DescribeScalableTargets', 'application-autoscaling:DescribeScalingActivities',
        'application-autoscaling:DescribeScalingPolicies', 'application-autoscaling:PutScalingPolicy', 'application-autoscaling:RegisterScalableTarget',
        'cloudwatch:DeleteAlarms', 'cloudwatch:DescribeAlarmHistory', 'cloudwatch:DescribeAlarms', 'cloudwatch:DescribeAlarmsForMetric',
        'cloudwatch:GetMetricStatistics', 'cloudwatch:ListMetrics', 'cloudwatch:PutMetricAlarm', 'cloudwatch:GetMetricData',
        'datapipeline:ActivatePipeline', 'datapipeline:CreatePipeline', 'datapipeline:DeletePipeline', 'datapipeline:DescribeObjects',
        'datapipeline:DescribePipelines', 'datapipeline:GetPipelineDefinition', 'datapipeline:ListPipelines', 'datapipeline:PutPipelineDefinition',
        'datapipeline:QueryObjects', 'ec2:DescribeVpcs', 'ec2:DescribeSubnets', 'ec2:DescribeSecurityGroups', 'iam:GetRole', 'iam:ListRoles',
        'kms:DescribeKey', 'kms:ListAliases', 'sns:CreateTopic', 'sns:DeleteTopic', 'sns:ListSubscriptions', 'sns:ListSubscriptionsByTopic',
        'sns:ListTopics', 'sns:Subscribe', 'sns:Unsubscribe', 'sns:SetTopicAttributes', 'lambda:CreateFunction', 'lambda:ListFunctions',
        'lambda:ListEventSourceMappings', 'lambda:CreateEventSourceMapping', 'lambda:DeleteEventSourceMapping', 'lambda:GetFunctionConfiguration',
        'lambda:DeleteFunction', 'resource-groups:ListGroups', 'resource-groups:ListGroupResources', 'resource-groups:GetGroup',
        'resource-groups:GetGroupQuery', 'resource-groups:DeleteGroup', 'resource-groups:CreateGroup', 'tag:GetResources',
        'kinesis:ListStreams', 'kinesis:DescribeStream', 'kinesis:DescribeStreamSummary',
      ]),
      allow('cloudwatch:GetInsightRuleReport', 'arn:aws:cloudwatch:*:*:insight-rule/DynamoDBContributorInsights*'),
      allow('iam:PassRole', '*', { Condition: { StringLike: { 'iam:PassedToService': ['application-autoscaling.amazonaws.com', 'application-autoscaling.amazonaws.com.cn', 'dax.amazonaws.com'] } } }),
      allow('iam:CreateServiceLinkedRole', '*', {
        Condition: { StringEquals: { 'iam:AWSServiceName': ['replication.dynamodb.amazonaws.com', 'dax.amazonaws.com', 'dynamodb.application-autoscaling.amazonaws.com', 'contributorinsights.dynamodb.amazonaws.com', 'kinesisreplication.dynamodb.amazonaws.com'] } },
      }),
    ),
  },
  {
    name: 'AmazonDynamoDBReadOnlyAccess', path: '/', id: 'ANPAIY2XFNA232XJ6J7X2', version: 'v13',
    created: '2015-02-06T18:40:12Z', updated: '2024-01-18T20:52:55Z',
    description: 'Provides read only access to Amazon DynamoDB via the AWS Management Console.',
    document: doc(
      allow([
        'application-autoscaling:DescribeScalableTargets', 'application-autoscaling:DescribeScalingActivities', 'application-autoscaling:DescribeScalingPolicies',
        'cloudwatch:DescribeAlarmHistory', 'cloudwatch:DescribeAlarms', 'cloudwatch:DescribeAlarmsForMetric', 'cloudwatch:GetMetricStatistics',
        'cloudwatch:ListMetrics', 'cloudwatch:GetMetricData', 'datapipeline:DescribeObjects', 'datapipeline:DescribePipelines',
        'datapipeline:GetPipelineDefinition', 'datapipeline:ListPipelines', 'datapipeline:QueryObjects', 'dynamodb:BatchGetItem', 'dynamodb:Describe*',
        'dynamodb:List*', 'dynamodb:GetAbacStatus', 'dynamodb:GetItem', 'dynamodb:GetResourcePolicy', 'dynamodb:Query', 'dynamodb:Scan',
        'dynamodb:PartiQLSelect', 'dax:Describe*', 'dax:List*', 'dax:GetItem', 'dax:BatchGetItem', 'dax:Query', 'dax:Scan', 'ec2:DescribeVpcs',
        'ec2:DescribeSubnets', 'ec2:DescribeSecurityGroups', 'iam:GetRole', 'iam:ListRoles', 'kms:DescribeKey', 'kms:ListAliases',
        'sns:ListSubscriptionsByTopic', 'sns:ListTopics', 'lambda:ListFunctions', 'lambda:ListEventSourceMappings', 'lambda:GetFunctionConfiguration',
        'resource-groups:ListGroups', 'resource-groups:ListGroupResources', 'resource-groups:GetGroup', 'resource-groups:GetGroupQuery',
        'tag:GetResources', 'kinesis:ListStreams', 'kinesis:DescribeStream', 'kinesis:DescribeStreamSummary',
      ]),
      allow('cloudwatch:GetInsightRuleReport', 'arn:aws:cloudwatch:*:*:insight-rule/DynamoDBContributorInsights*'),
    ),
  },
  {
    name: 'AmazonS3FullAccess', path: '/', id: 'ANPAIFIR6V6BVTRAHWINE', version: 'v2',
    created: '2015-02-06T18:40:58Z', updated: '2021-09-27T20:16:37Z',
    description: 'Provides full access to all buckets via the AWS Management Console.',
    document: doc(allow(['s3:*', 's3-object-lambda:*'])),
  },
  {
    name: 'AmazonS3ReadOnlyAccess', path: '/', id: 'ANPAIZTJ4DXE7G6AGAE6M', version: 'v3',
    created: '2015-02-06T18:40:59Z', updated: '2023-08-10T21:31:39Z',
    description: 'Provides read only access to all buckets via the AWS Management Console.',
    document: doc(allow(['s3:Get*', 's3:List*', 's3:Describe*', 's3-object-lambda:Get*', 's3-object-lambda:List*'])),
  },
  {
    name: 'AmazonSQSFullAccess', path: '/', id: 'ANPAI65L554VRJ33ECQS6', version: 'v2',
    created: '2015-02-06T18:41:07Z', updated: '2024-02-15T22:55:41Z',
    description: 'Provides full access to Amazon SQS via the AWS Management Console.',
    document: doc(allow(['sqs:*'])),
  },
  {
    name: 'AmazonSQSReadOnlyAccess', path: '/', id: 'ANPAIUGSSQY362XGCM6KW', version: 'v3',
    created: '2015-02-06T18:41:08Z', updated: '2024-02-15T22:57:11Z',
    description: 'Provides read only access to Amazon SQS via the AWS Management Console.',
    document: doc(allow(['sqs:GetQueueAttributes', 'sqs:GetQueueUrl', 'sqs:ListDeadLetterSourceQueues', 'sqs:ListQueues', 'sqs:ListMessageMoveTasks', 'sqs:ListQueueTags'])),
  },
  {
    name: 'AmazonSNSFullAccess', path: '/', id: 'ANPAJWEKLCXXUNT2SOLSG', version: 'v2',
    created: '2015-02-06T18:41:05Z', updated: '2023-06-26T17:21:41Z',
    description: 'Provides full access to Amazon SNS via the AWS Management Console.',
    document: doc(allow(['sns:*'])),
  },
  {
    name: 'AWSLambdaBasicExecutionRole', path: '/service-role/', id: 'ANPAJNCQGXC42545SKXIK', version: 'v1',
    created: '2015-04-09T15:03:43Z', updated: '2015-04-09T15:03:43Z',
    description: 'Provides write permissions to CloudWatch Logs.',
    document: doc(allow(LOGS)),
  },
  {
    name: 'AWSLambdaDynamoDBExecutionRole', path: '/service-role/', id: 'ANPAIP7WNAGMIPYNW4WQG', version: 'v1',
    created: '2015-04-09T15:09:29Z', updated: '2015-04-09T15:09:29Z',
    description: 'Provides list and read access to DynamoDB streams and write permissions to CloudWatch logs.',
    document: doc(allow(['dynamodb:DescribeStream', 'dynamodb:GetRecords', 'dynamodb:GetShardIterator', 'dynamodb:ListStreams', ...LOGS])),
  },
  {
    name: 'AWSLambdaSQSQueueExecutionRole', path: '/service-role/', id: 'ANPAJFWJZI6JNND4TSELK', version: 'v2',
    created: '2018-06-14T21:50:45Z', updated: '2025-02-13T20:33:16Z',
    description: 'Provides receive message, delete message, and read attribute access to SQS queues, and write permissions to CloudWatch logs.',
    document: doc(allow(['sqs:ReceiveMessage', 'sqs:DeleteMessage', 'sqs:GetQueueAttributes', ...LOGS])),
  },
  {
    name: 'AWSLambdaRole', path: '/service-role/', id: 'ANPAJX4DPCRGTC4NFDUXI', version: 'v1',
    created: '2015-02-06T18:41:28Z', updated: '2015-02-06T18:41:28Z',
    description: 'Default policy for AWS Lambda service role.',
    document: doc(allow(['lambda:InvokeFunction'])),
  },
  {
    name: 'AWSLambda_FullAccess', path: '/', id: 'ANPAZKAPJZG4JBT5MNRW6', version: 'v2',
    created: '2020-11-23T18:24:55Z', updated: '2022-12-15T23:31:17Z',
    description: 'Grants full access to AWS Lambda service, AWS Lambda console features, and other related AWS services.',
    document: doc(
      allow([
        'cloudformation:DescribeStacks', 'cloudformation:ListStackResources', 'cloudwatch:ListMetrics', 'cloudwatch:GetMetricData',
        'ec2:DescribeSecurityGroups', 'ec2:DescribeSubnets', 'ec2:DescribeVpcs', 'kms:ListAliases', 'iam:GetPolicy', 'iam:GetPolicyVersion',
        'iam:GetRole', 'iam:GetRolePolicy', 'iam:ListAttachedRolePolicies', 'iam:ListRolePolicies', 'iam:ListRoles', 'lambda:*',
        'logs:DescribeLogGroups', 'states:DescribeStateMachine', 'states:ListStateMachines', 'tag:GetResources', 'xray:GetTraceSummaries',
        'xray:BatchGetTraces',
      ]),
      allow('iam:PassRole', '*', { Condition: { StringEquals: { 'iam:PassedToService': 'lambda.amazonaws.com' } } }),
      allow(['logs:DescribeLogStreams', 'logs:GetLogEvents', 'logs:FilterLogEvents'], 'arn:aws:logs:*:*:log-group:/aws/lambda/*'),
    ),
  },
  {
    name: 'CloudWatchLogsFullAccess', path: '/', id: 'ANPAJ3ZGNWK2R5HW5BQFO', version: 'v2',
    created: '2015-02-06T18:40:54Z', updated: '2023-03-30T18:40:47Z',
    description: 'Provides full access to CloudWatch Logs',
    document: doc(allow(['logs:*', 'cloudwatch:GenerateQuery'])),
  },
];

const BY_ARN = new Map(AWS_MANAGED_POLICIES.map((p) => [awsManagedArn(p), p]));

export function awsManagedArn(p: AwsManagedPolicy): string {
  return `arn:aws:iam::aws:policy${p.path}${p.name}`;
}

export function awsManagedPolicy(arn: string): AwsManagedPolicy | undefined {
  return BY_ARN.get(arn);
}
