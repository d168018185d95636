/**
 * The console's pages. Each entry names a page module, loaded when first shown (so first paint
 * loads none of them). `id` is the first segment of the hash (`#/stepfunctions/...`) and, for a
 * service's page, the service's name in /_stratus/health. `preload` (optional) lists the modules the
 * page imports, relative to console/, so that opening the console on that page fetches them at once.
 * console/README.md describes a page module.
 */
/** Display names of the services Stratus serves. */
export const serviceTitles = {
  apigateway: 'API Gateway (REST)',
  apigatewayv2: 'API Gateway (HTTP, WebSocket)',
  cloudfront: 'CloudFront',
  'cloudfront-keyvaluestore': 'CloudFront KeyValueStore',
  'cognito-identity': 'Cognito identity pools',
  'cognito-idp': 'Cognito user pools',
  dynamodb: 'DynamoDB',
  dynamodbstreams: 'DynamoDB Streams',
  events: 'EventBridge',
  iam: 'IAM',
  kinesis: 'Kinesis',
  lambda: 'Lambda',
  logs: 'CloudWatch Logs',
  s3: 'S3',
  scheduler: 'EventBridge Scheduler',
  sns: 'SNS',
  sqs: 'SQS',
  stepfunctions: 'Step Functions',
  sts: 'STS',
};

export const pages = [
  { id: 'platform', title: 'Platform', load: () => import('./platform.js') },
  {
    id: 'stepfunctions',
    title: 'Step Functions',
    load: () => import('./stepfunctions.js'),
    // Fetched in parallel when the console opens on this page, instead of one import level at a time.
    preload: ['pages/stepfunctions/editor.js', 'pages/stepfunctions/execution.js', 'lib/asl-graph.js', 'lib/layout.js', 'lib/json-locate.js', 'lib/sfn-history.js'],
  },
  { id: 'apigateway', title: serviceTitles['apigateway'], load: () => import('./apigateway.js') },
  { id: 'apigatewayv2', title: serviceTitles['apigatewayv2'], load: () => import('./apigatewayv2.js') },
  { id: 'cloudfront', title: serviceTitles['cloudfront'], load: () => import('./cloudfront.js') },
  { id: 'cloudfront-keyvaluestore', title: serviceTitles['cloudfront-keyvaluestore'], load: () => import('./cloudfront-keyvaluestore.js') },
  { id: 'cognito-identity', title: serviceTitles['cognito-identity'], load: () => import('./cognito-identity.js') },
  { id: 'cognito-idp', title: serviceTitles['cognito-idp'], load: () => import('./cognito-idp.js') },
  { id: 'dynamodb', title: serviceTitles['dynamodb'], load: () => import('./dynamodb.js') },
  { id: 'dynamodbstreams', title: serviceTitles['dynamodbstreams'], load: () => import('./dynamodbstreams.js') },
  { id: 'events', title: serviceTitles['events'], load: () => import('./events.js') },
  { id: 'iam', title: serviceTitles['iam'], load: () => import('./iam.js') },
  { id: 'kinesis', title: serviceTitles['kinesis'], load: () => import('./kinesis.js') },
  { id: 'lambda', title: serviceTitles['lambda'], load: () => import('./lambda.js') },
  { id: 'logs', title: serviceTitles['logs'], load: () => import('./logs.js') },
  { id: 's3', title: serviceTitles['s3'], load: () => import('./s3.js') },
  { id: 'scheduler', title: serviceTitles['scheduler'], load: () => import('./scheduler.js') },
  { id: 'sns', title: serviceTitles['sns'], load: () => import('./sns.js') },
  { id: 'sqs', title: serviceTitles['sqs'], load: () => import('./sqs.js') },
  { id: 'sts', title: serviceTitles['sts'], load: () => import('./sts.js') },
];
