/**
 * One cheap read per service, by the service's own SDK client: the first request each service of
 * a server gets (test/server/lazy-services.test.ts; bench/platform/startup.ts, for the memory of
 * a server with every service loaded).
 */
import { APIGatewayClient, GetRestApisCommand } from '@aws-sdk/client-api-gateway';
import { ApiGatewayV2Client, GetApisCommand } from '@aws-sdk/client-apigatewayv2';
import '@aws-sdk/signature-v4a';
import { CloudFrontClient, CreateKeyValueStoreCommand, ListDistributionsCommand } from '@aws-sdk/client-cloudfront';
import { DescribeKeyValueStoreCommand } from '@aws-sdk/client-cloudfront-keyvaluestore';
import { CloudWatchLogsClient, DescribeLogGroupsCommand } from '@aws-sdk/client-cloudwatch-logs';
import { CognitoIdentityClient, ListIdentityPoolsCommand } from '@aws-sdk/client-cognito-identity';
import { CognitoIdentityProviderClient, ListUserPoolsCommand } from '@aws-sdk/client-cognito-identity-provider';
import { DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { DynamoDBStreamsClient, ListStreamsCommand } from '@aws-sdk/client-dynamodb-streams';
import { EventBridgeClient, ListEventBusesCommand } from '@aws-sdk/client-eventbridge';
import { IAMClient, ListUsersCommand } from '@aws-sdk/client-iam';
import { KinesisClient, ListStreamsCommand as ListKinesisStreamsCommand } from '@aws-sdk/client-kinesis';
import { LambdaClient, ListFunctionsCommand } from '@aws-sdk/client-lambda';
import { ListBucketsCommand, S3Client } from '@aws-sdk/client-s3';
import { ListSchedulesCommand, SchedulerClient } from '@aws-sdk/client-scheduler';
import { ListStateMachinesCommand, SFNClient } from '@aws-sdk/client-sfn';
import { ListTopicsCommand, SNSClient } from '@aws-sdk/client-sns';
import { ListQueuesCommand, SQSClient } from '@aws-sdk/client-sqs';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { kvsClient } from '../cloudfront/helpers.js';
import { clientConfig } from './server.js';

/** [service name, its call] for every service, in the order the server lists them. */
export function firstCalls(endpoint: string): [string, () => Promise<{ $metadata: { httpStatusCode?: number } }>][] {
  const c = clientConfig(endpoint);
  return [
    ['apigateway', () => new APIGatewayClient(c).send(new GetRestApisCommand({}))],
    ['apigatewayv2', () => new ApiGatewayV2Client(c).send(new GetApisCommand({}))],
    ['cloudfront', () => new CloudFrontClient(c).send(new ListDistributionsCommand({}))],
    [
      'cloudfront-keyvaluestore',
      async () => {
        const store = await new CloudFrontClient(c).send(new CreateKeyValueStoreCommand({ Name: `first-${Date.now()}` }));
        return kvsClient({ endpoint }).send(new DescribeKeyValueStoreCommand({ KvsARN: store.KeyValueStore!.ARN! }));
      },
    ],
    ['cognito-identity', () => new CognitoIdentityClient(c).send(new ListIdentityPoolsCommand({ MaxResults: 10 }))],
    ['cognito-idp', () => new CognitoIdentityProviderClient(c).send(new ListUserPoolsCommand({ MaxResults: 10 }))],
    ['dynamodb', () => new DynamoDBClient(c).send(new ListTablesCommand({}))],
    ['dynamodbstreams', () => new DynamoDBStreamsClient(c).send(new ListStreamsCommand({}))],
    ['events', () => new EventBridgeClient(c).send(new ListEventBusesCommand({}))],
    ['iam', () => new IAMClient(c).send(new ListUsersCommand({}))],
    ['kinesis', () => new KinesisClient(c).send(new ListKinesisStreamsCommand({}))],
    ['lambda', () => new LambdaClient(c).send(new ListFunctionsCommand({}))],
    ['logs', () => new CloudWatchLogsClient(c).send(new DescribeLogGroupsCommand({}))],
    ['s3', () => new S3Client({ ...c, forcePathStyle: true }).send(new ListBucketsCommand({}))],
    ['scheduler', () => new SchedulerClient(c).send(new ListSchedulesCommand({}))],
    ['sns', () => new SNSClient(c).send(new ListTopicsCommand({}))],
    ['sqs', () => new SQSClient(c).send(new ListQueuesCommand({}))],
    ['stepfunctions', () => new SFNClient(c).send(new ListStateMachinesCommand({}))],
    ['sts', () => new STSClient(c).send(new GetCallerIdentityCommand({}))],
  ];
}
