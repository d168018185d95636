/**
 * The console's pages. Each entry names a page module, loaded when first shown (so first paint
 * loads none of them). `id` is the first segment of the hash (`#/stepfunctions/...`) and, for a
 * service's page, the service's name in /_stratus/health. `preload` (optional) lists the modules the
 * page imports, relative to console/, so that opening the console on that page fetches them at once.
 * console/README.md describes a page module.
 */
export const pages = [
  { id: 'platform', title: 'Platform', load: () => import('./platform.js') },
  {
    id: 'stepfunctions',
    title: 'Step Functions',
    load: () => import('./stepfunctions.js'),
    // Fetched in parallel when the console opens on this page, instead of one import level at a time.
    preload: ['pages/stepfunctions/editor.js', 'pages/stepfunctions/execution.js', 'lib/asl-graph.js', 'lib/layout.js', 'lib/json-locate.js', 'lib/sfn-history.js'],
  },
];

/** Display names of the services Stratus serves, for the navigation of those without a page yet. */
export const serviceTitles = {
  apigateway: 'API Gateway (REST)',
  apigatewayv2: 'API Gateway (HTTP, WebSocket)',
  cloudfront: 'CloudFront',
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
