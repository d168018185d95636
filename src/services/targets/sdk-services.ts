/**
 * The service names of AWS SDK integrations (`arn:aws:states:::aws-sdk:{service}:{action}`, Scheduler's
 * universal targets `arn:aws:scheduler:::aws-sdk:{service}:{action}`): the lower-case SDK name, the
 * Stratus service (model folder) it calls, and the PascalCase name Step Functions prefixes its errors
 * with (the Java SDK's client name: `DynamoDb.ResourceNotFoundException`, `Sfn.InvalidTokenException`).
 */

/** SDK names that are not Stratus's folder name. */
const FOLDERS: Record<string, string> = {
  sfn: 'stepfunctions',
  eventbridge: 'events',
  cloudwatchlogs: 'logs',
  cognitoidentityprovider: 'cognito-idp',
  cognitoidentity: 'cognito-identity',
  apigatewaymanagementapi: 'apigatewaymanagementapi',
};

/** PascalCase names where the SDK name alone does not give them. */
const PASCAL: Record<string, string> = {
  dynamodb: 'DynamoDb',
  dynamodbstreams: 'DynamoDbStreams',
  s3: 'S3',
  sqs: 'Sqs',
  sns: 'Sns',
  sfn: 'Sfn',
  iam: 'Iam',
  sts: 'Sts',
  eventbridge: 'EventBridge',
  cloudwatchlogs: 'CloudWatchLogs',
  cloudwatch: 'CloudWatch',
  cloudfront: 'CloudFront',
  apigateway: 'ApiGateway',
  apigatewayv2: 'ApiGatewayV2',
  apigatewaymanagementapi: 'ApiGatewayManagementApi',
  cognitoidentityprovider: 'CognitoIdentityProvider',
  cognitoidentity: 'CognitoIdentity',
};

export interface SdkTarget {
  /** The Stratus service called. */
  readonly service: string;
  /** The operation, PascalCase (`sendMessage` -> `SendMessage`). */
  readonly operation: string;
  /** The name errors are prefixed with. */
  readonly errorPrefix: string;
}

/** The service and operation an integration's SDK service name and camelCase action name. */
export function sdkTarget(sdkService: string, action: string): SdkTarget {
  return {
    service: FOLDERS[sdkService] ?? sdkService,
    operation: action.charAt(0).toUpperCase() + action.slice(1),
    errorPrefix: PASCAL[sdkService] ?? sdkService.charAt(0).toUpperCase() + sdkService.slice(1),
  };
}
