/**
 * The protocol layer's wire forms pinned against what AWS sends: error shapes per protocol and
 * service family, unknown operations and routes, timestamps per location, content types, S3's
 * request ids. Each case drives a real SDK client (what users see) and, where the SDK hides the
 * wire, reads the raw HTTP response too. Providers here are echo stubs: the layer is under test.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { crc32 } from 'node:zlib';
import { Sha256 } from '@aws-crypto/sha256-js';
import { SignatureV4 } from '@smithy/signature-v4';
import { DynamoDBClient, DescribeTableCommand, TransactWriteItemsCommand } from '@aws-sdk/client-dynamodb';
import { SFNClient, DescribeExecutionCommand } from '@aws-sdk/client-sfn';
import { CloudWatchLogsClient, DescribeLogGroupsCommand } from '@aws-sdk/client-cloudwatch-logs';
import { SQSClient, GetQueueUrlCommand } from '@aws-sdk/client-sqs';
import { LambdaClient, GetFunctionCommand, DeleteFunctionCommand, GetAccountSettingsCommand, CreateFunctionUrlConfigCommand } from '@aws-sdk/client-lambda';
import { APIGatewayClient, GetRestApiCommand } from '@aws-sdk/client-api-gateway';
import { S3Client, GetObjectCommand, HeadObjectCommand, ListObjectsV2Command, GetObjectAttributesCommand } from '@aws-sdk/client-s3';
import { STSClient, AssumeRoleCommand } from '@aws-sdk/client-sts';
import { AwsError } from '../../src/aws/errors.js';
import type { ServiceDefinition } from '../../src/services/service.js';
import { awsCli, boto3 } from '../helpers/clients.js';
import { clientConfig, startServer, type TestServer } from '../helpers/server.js';

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
const fail = (code: string, message: string, status = 400, fields: Record<string, unknown> = {}) => () => {
  throw new AwsError(code, message, status, { fields });
};

const services: ServiceDefinition[] = [
  echo(
    'dynamodb',
    {
      DescribeTable: (i) => {
        if (i.TableName === 'boom') throw new Error('provider bug');
        throw new AwsError('ResourceNotFoundException', `Requested resource not found: Table: ${i.TableName} not found`, 400);
      },
      TransactWriteItems: fail('TransactionCanceledException', 'Transaction cancelled, please refer cancellation reasons for specific reasons [ConditionalCheckFailed]', 400, {
        CancellationReasons: [{ Code: 'ConditionalCheckFailed', Message: 'The conditional request failed' }],
      }),
      ListTables: () => ({ TableNames: [] }),
    },
    { wireShapes: ['AttributeValue'] },
  ),
  echo('stepfunctions', {
    DescribeExecution: fail('ExecutionDoesNotExist', "Execution Does Not Exist: 'arn:aws:states:us-east-1:000000000000:execution:m:e'"),
  }),
  echo('logs', { DescribeLogGroups: fail('ResourceNotFoundException', 'The specified log group does not exist.') }),
  echo('sqs', {
    GetQueueUrl: fail('QueueDoesNotExist', 'The specified queue does not exist.'),
    SendMessage: () => ({ MessageId: 'm-1', MD5OfMessageBody: 'abc' }),
    ReceiveMessage: () => ({
      Messages: [
        { MessageId: 'm-1', ReceiptHandle: 'rh', Body: 'hi', Attributes: { SentTimestamp: '1', ApproximateReceiveCount: '2' }, MessageAttributes: { color: { DataType: 'String', StringValue: 'blue' } } },
        { MessageId: 'm-2', ReceiptHandle: 'rh2', Body: 'yo' },
      ],
    }),
  }),
  echo('lambda', {
    GetFunction: fail('ResourceNotFoundException', 'Function not found: arn:aws:lambda:us-east-1:000000000000:function:nope', 404),
    DeleteFunction: fail('InvalidParameterValueException', 'Unsupported qualifier', 400),
    GetAccountSettings: () => {
      throw new AwsError('TooManyRequestsException', 'Rate exceeded', 429, { fields: { retryAfterSeconds: '3', Reason: 'CallerRateLimitExceeded' } });
    },
    CreateFunctionUrlConfig: () => ({}),
  }),
  echo('apigateway', { GetRestApi: fail('NotFoundException', 'Invalid API identifier specified 000000000000:abc', 404) }),
  echo('s3', {
    GetObject: (i) => {
      throw new AwsError('NoSuchKey', 'The specified key does not exist.', 404, { fields: { Key: i.Key } });
    },
    HeadObject: fail('NotFound', 'Not Found', 404),
    ListObjectsV2: (i) => ({ Name: i.Bucket, KeyCount: 1, IsTruncated: false, Contents: [{ Key: 'a', Size: 1, LastModified: when }] }),
    GetObjectAttributes: () => ({ LastModified: when, ETag: 'e' }),
  }),
  echo('cloudfront', { GetDistribution: fail('NoSuchDistribution', 'The specified distribution does not exist.', 404) }),
  echo(
    'sts',
    {
      AssumeRole: (i) => ({
        Credentials: { AccessKeyId: 'ASIA1', SecretAccessKey: 's', SessionToken: 't', Expiration: when },
        AssumedRoleUser: { AssumedRoleId: 'AROA:x', Arn: `${i.RoleArn}/${i.RoleSessionName}` },
      }),
    },
    { validationErrorCode: 'ValidationError' },
  ),
];

describe('protocol wire forms match AWS', () => {
  let server: TestServer;
  let cfg: ReturnType<typeof clientConfig>;
  before(async () => {
    server = await startServer({ services });
    cfg = clientConfig(server.endpoint);
  });
  after(() => server.stop());

  /** A raw request, SigV4-signed for `service` so the router sends it to that service. */
  async function raw(service: string, method: string, path: string, headers: Record<string, string> = {}, body?: string) {
    const url = new URL(server.endpoint);
    const [p, q] = path.split('?', 2) as [string, string | undefined];
    const query = Object.fromEntries(new URLSearchParams(q ?? ''));
    const signer = new SignatureV4({ service, region: 'us-east-1', sha256: Sha256, credentials: { accessKeyId: 'test', secretAccessKey: 'test' } });
    const signed = await signer.sign({ method, protocol: 'http:', hostname: url.hostname, port: Number(url.port), path: p, query, headers: { host: url.host, ...headers }, body });
    const res = await fetch(`${server.endpoint}${path}`, { method, headers: signed.headers, body });
    return { status: res.status, headers: res.headers, text: await res.text() };
  }
  const json = (service: string, target: string, body: string, version = '1.0') =>
    raw(service, 'POST', '/', { 'content-type': `application/x-amz-json-${version}`, 'x-amz-target': target }, body);

  describe('awsJson errors', () => {
    it('DynamoDB: namespaced __type, `message`, and the SDK names the error', async () => {
      const r = await json('dynamodb', 'DynamoDB_20120810.DescribeTable', '{"TableName":"nope"}');
      assert.equal(r.status, 400);
      assert.equal(r.headers.get('x-amz-crc32'), String(crc32(r.text)));
      assert.equal(r.headers.get('content-type'), 'application/x-amz-json-1.0');
      assert.deepEqual(JSON.parse(r.text), {
        __type: 'com.amazonaws.dynamodb.v20120810#ResourceNotFoundException',
        message: 'Requested resource not found: Table: nope not found',
      });
      const ddb = new DynamoDBClient(cfg);
      await assert.rejects(ddb.send(new DescribeTableCommand({ TableName: 'nope' })), (e: any) => {
        assert.equal(e.name, 'ResourceNotFoundException');
        assert.equal(e.message, 'Requested resource not found: Table: nope not found');
        return true;
      });
    });

    it('DynamoDB TransactionCanceledException: `Message` (its shape says so) and CancellationReasons', async () => {
      const r = await json('dynamodb', 'DynamoDB_20120810.TransactWriteItems', '{"TransactItems":[{"ConditionCheck":{"TableName":"t","Key":{"k":{"S":"x"}},"ConditionExpression":"attribute_exists(k)"}}]}');
      assert.deepEqual(JSON.parse(r.text), {
        __type: 'com.amazonaws.dynamodb.v20120810#TransactionCanceledException',
        Message: 'Transaction cancelled, please refer cancellation reasons for specific reasons [ConditionalCheckFailed]',
        CancellationReasons: [{ Code: 'ConditionalCheckFailed', Message: 'The conditional request failed' }],
      });
      const ddb = new DynamoDBClient(cfg);
      await assert.rejects(
        ddb.send(new TransactWriteItemsCommand({ TransactItems: [{ ConditionCheck: { TableName: 't', Key: { k: { S: 'x' } }, ConditionExpression: 'attribute_exists(k)' } }] })),
        (e: any) => {
          assert.equal(e.name, 'TransactionCanceledException');
          assert.deepEqual(e.CancellationReasons, [{ Code: 'ConditionalCheckFailed', Message: 'The conditional request failed' }]);
          return true;
        },
      );
    });

    it('DynamoDB: Coral framework errors in their own namespaces, with DynamoDB`s wording', async () => {
      assert.deepEqual(JSON.parse((await json('dynamodb', 'DynamoDB_20120810.DescribeTable', '{"TableName":')).text), {
        __type: 'com.amazon.coral.service#SerializationException',
      });
      const unknown = await json('dynamodb', 'DynamoDB_20120810.DescribeTables', '{}');
      assert.equal(unknown.status, 400);
      assert.deepEqual(JSON.parse(unknown.text), { __type: 'com.amazon.coral.service#UnknownOperationException' });
      assert.deepEqual(JSON.parse((await json('dynamodb', 'DynamoDB_20120810.ListTables', '{"Limit":"ten"}')).text), {
        __type: 'com.amazon.coral.service#SerializationException',
        Message: 'STRING_VALUE cannot be converted to Integer',
      });
      assert.deepEqual(JSON.parse((await json('dynamodb', 'DynamoDB_20120810.DescribeTable', '{"TableName":["a"]}')).text), {
        __type: 'com.amazon.coral.service#SerializationException',
        Message: 'Unrecognized collection type class java.lang.String',
      });
      assert.deepEqual(JSON.parse((await json('dynamodb', 'DynamoDB_20120810.ListTables', '{"Limit":0,"ExclusiveStartTableName":"ab"}')).text), {
        __type: 'com.amazon.coral.validate#ValidationException',
        message:
          "2 validation errors detected: Value 'ab' at 'exclusiveStartTableName' failed to satisfy constraint: Member must have length greater than or equal to 3; " +
          "Value '0' at 'limit' failed to satisfy constraint: Member must have value greater than or equal to 1",
      });
    });

    it('a provider crash is InternalFailure (500) in the service`s form', async () => {
      const r = await json('dynamodb', 'DynamoDB_20120810.DescribeTable', '{"TableName":"boom"}');
      assert.equal(r.status, 500);
      const body = JSON.parse(r.text);
      assert.equal(body.__type, 'com.amazon.coral.service#InternalFailure');
      assert.match(body.message, /^The request processing has failed because of an unknown error, exception or failure\./);
    });

    it('a non-POST request to an awsJson service: 404 <UnknownOperationException/>', async () => {
      const r = await raw('dynamodb', 'GET', '/', { 'x-amz-target': 'DynamoDB_20120810.ListTables' });
      assert.equal(r.status, 404);
      assert.equal(r.text, '<UnknownOperationException/>\n');
      assert.match(r.headers.get('x-amzn-requestid') ?? '', /^[0-9a-f-]{36}$/);
      // DynamoDB's CRC32 of this very body, as DynamoDB sends it.
      assert.equal(r.headers.get('x-amz-crc32'), '3552371480');
    });

    it('Step Functions: its service namespace for its errors, Coral`s for validation', async () => {
      const r = await json('states', 'AWSStepFunctions.DescribeExecution', '{"executionArn":"arn:aws:states:us-east-1:000000000000:execution:m:e"}');
      assert.deepEqual(JSON.parse(r.text), {
        __type: 'com.amazonaws.swf.service.v2.model#ExecutionDoesNotExist',
        message: "Execution Does Not Exist: 'arn:aws:states:us-east-1:000000000000:execution:m:e'",
      });
      const v = await json('states', 'AWSStepFunctions.DescribeExecution', '{}');
      assert.equal(JSON.parse(v.text).__type, 'com.amazon.coral.validate#ValidationException');
      const sfn = new SFNClient(cfg);
      await assert.rejects(sfn.send(new DescribeExecutionCommand({ executionArn: 'arn:aws:states:us-east-1:000000000000:execution:m:e' })), (e: any) => {
        assert.equal(e.name, 'ExecutionDoesNotExist');
        return true;
      });
    });

    it('CloudWatch Logs (awsJson1.1): bare __type, and the bare UnknownOperationException', async () => {
      const r = await json('logs', 'Logs_20140328.DescribeLogGroups', '{}', '1.1');
      assert.equal(r.headers.get('content-type'), 'application/x-amz-json-1.1');
      assert.deepEqual(JSON.parse(r.text), { __type: 'ResourceNotFoundException', message: 'The specified log group does not exist.' });
      const unknown = await json('logs', 'Logs_20140328.Nope', '{}', '1.1');
      assert.deepEqual(JSON.parse(unknown.text), { __type: 'UnknownOperationException' });
      const logs = new CloudWatchLogsClient(cfg);
      await assert.rejects(logs.send(new DescribeLogGroupsCommand({})), (e: any) => e.name === 'ResourceNotFoundException');
    });

    it('newer Coral services word JSON type errors "can not be converted to a/an ..."', async () => {
      const r = await json('logs', 'Logs_20140328.DescribeLogGroups', '{"limit":"5"}', '1.1');
      assert.deepEqual(JSON.parse(r.text), { __type: 'SerializationException', message: 'STRING_VALUE can not be converted to an Integer' });
      const s = await json('logs', 'Logs_20140328.DescribeLogGroups', '{"logGroupNamePrefix":true}', '1.1');
      assert.deepEqual(JSON.parse(s.text), { __type: 'SerializationException', message: 'TRUE_VALUE can not be converted to a String' });
    });

    it('SQS (awsQueryCompatible): namespaced __type plus x-amzn-query-error with the query code', async () => {
      const r = await json('sqs', 'AmazonSQS.GetQueueUrl', '{"QueueName":"nope"}');
      assert.deepEqual(JSON.parse(r.text), { __type: 'com.amazonaws.sqs#QueueDoesNotExist', message: 'The specified queue does not exist.' });
      assert.equal(r.headers.get('x-amzn-query-error'), 'AWS.SimpleQueueService.NonExistentQueue;Sender');
      const sqs = new SQSClient(cfg);
      await assert.rejects(sqs.send(new GetQueueUrlCommand({ QueueName: 'nope' })), (e: any) => {
        assert.equal(e.name, 'QueueDoesNotExist');
        assert.equal(e.$metadata.httpStatusCode, 400);
        return true;
      });
    });

    it('SQS over the query protocol: <ErrorResponse> in its namespace with the query code', async () => {
      const r = await raw('sqs', 'POST', '/', { 'content-type': 'application/x-www-form-urlencoded' }, 'Action=GetQueueUrl&Version=2012-11-05&QueueName=nope');
      assert.equal(r.status, 400);
      assert.equal(r.headers.get('content-type'), 'text/xml');
      assert.match(
        r.text,
        /^<ErrorResponse xmlns="http:\/\/queue\.amazonaws\.com\/doc\/2012-11-05\/"><Error><Type>Sender<\/Type><Code>AWS\.SimpleQueueService\.NonExistentQueue<\/Code><Message>The specified queue does not exist\.<\/Message><\/Error><RequestId>[0-9a-f-]{36}<\/RequestId><\/ErrorResponse>$/,
      );
    });
  });

  describe('SQS over the query protocol (older SDKs)', () => {
    const form = (body: string) => raw('sqs', 'POST', '/', { 'content-type': 'application/x-www-form-urlencoded' }, body);

    it('reads flattened maps and lists by their query names (Attribute.N.Name, MessageAttribute.N.Value.StringValue)', async () => {
      const r = await form(
        'Action=SendMessage&Version=2012-11-05&QueueUrl=http%3A%2F%2Fq%2F000000000000%2Fq&MessageBody=hi' +
          '&MessageAttribute.1.Name=color&MessageAttribute.1.Value.DataType=String&MessageAttribute.1.Value.StringValue=blue' +
          '&MessageAttribute.2.Name=n&MessageAttribute.2.Value.DataType=Number&MessageAttribute.2.Value.StringValue=5',
      );
      assert.equal(r.status, 200);
      assert.deepEqual(seen.SendMessage, {
        QueueUrl: 'http://q/000000000000/q',
        MessageBody: 'hi',
        MessageAttributes: { color: { DataType: 'String', StringValue: 'blue' }, n: { DataType: 'Number', StringValue: '5' } },
      });
      assert.match(r.text, /^<SendMessageResponse xmlns="http:\/\/queue\.amazonaws\.com\/doc\/2012-11-05\/"><SendMessageResult><MD5OfMessageBody>abc<\/MD5OfMessageBody><MessageId>m-1<\/MessageId><\/SendMessageResult><ResponseMetadata>/);
    });

    it('writes flattened <Message> and <Attribute> elements inside <ReceiveMessageResult>', async () => {
      const r = await form('Action=ReceiveMessage&Version=2012-11-05&QueueUrl=http%3A%2F%2Fq%2F000000000000%2Fq&AttributeName.1=All&MessageAttributeName.1=color');
      assert.equal(r.status, 200);
      // AttributeName.N feeds both AttributeNames and MessageSystemAttributeNames (one query name in SQS's model).
      assert.deepEqual(seen.ReceiveMessage, { QueueUrl: 'http://q/000000000000/q', AttributeNames: ['All'], MessageSystemAttributeNames: ['All'], MessageAttributeNames: ['color'] });
      assert.match(r.text, /<ReceiveMessageResult><Message><Attribute><Name>SentTimestamp<\/Name><Value>1<\/Value><\/Attribute><Attribute><Name>ApproximateReceiveCount<\/Name><Value>2<\/Value><\/Attribute><Body>hi<\/Body>/);
      assert.match(r.text, /<MessageAttribute><Name>color<\/Name><Value><DataType>String<\/DataType><StringValue>blue<\/StringValue><\/Value><\/MessageAttribute>/);
      assert.match(r.text, /<\/Message><Message><Body>yo<\/Body><MessageId>m-2<\/MessageId><ReceiptHandle>rh2<\/ReceiptHandle><\/Message><\/ReceiveMessageResult>/);
    });
  });

  it('Debian boto3 (which speaks query to SQS) round-trips messages and names the query error', async () => {
    const out = await boto3(
      [
        'import boto3, json, os',
        "c = boto3.client('sqs', endpoint_url=os.environ['ENDPOINT'])",
        "s = c.send_message(QueueUrl='http://q/000000000000/q', MessageBody='hi', MessageAttributes={'color': {'DataType': 'String', 'StringValue': 'blue'}})",
        "r = c.receive_message(QueueUrl='http://q/000000000000/q', AttributeNames=['All'], MessageAttributeNames=['All'])",
        'try:',
        "    c.get_queue_url(QueueName='nope')",
        "    err = None",
        'except c.exceptions.QueueDoesNotExist as e:',
        "    err = [e.response['Error']['Code'], e.response['Error']['Message']]",
        "print(json.dumps({'id': s['MessageId'], 'messages': r['Messages'], 'err': err}))",
      ].join('\n'),
      server.endpoint,
    );
    const result = JSON.parse(out) as { id: string; messages: any[]; err: string[] };
    assert.equal(result.id, 'm-1');
    assert.deepEqual(seen.SendMessage.MessageAttributes, { color: { DataType: 'String', StringValue: 'blue' } });
    assert.equal(result.messages.length, 2);
    assert.deepEqual(result.messages[0].Attributes, { SentTimestamp: '1', ApproximateReceiveCount: '2' });
    assert.deepEqual(result.messages[0].MessageAttributes, { color: { DataType: 'String', StringValue: 'blue' } });
    assert.equal(result.messages[1].Body, 'yo');
    assert.deepEqual(result.err, ['AWS.SimpleQueueService.NonExistentQueue', 'The specified queue does not exist.']);
  });

  it('the AWS CLI v2 (botocore) reads the same error forms', async () => {
    const fails = async (args: string[]) => {
      try {
        await awsCli([...args, '--endpoint-url', server.endpoint]);
      } catch (e) {
        return String((e as { stderr?: string }).stderr ?? e);
      }
      throw new Error(`aws ${args.join(' ')} succeeded`);
    };
    const [lambdaErr, ddbErr, apigwErr, s3Err] = await Promise.all([
      fails(['lambda', 'get-function', '--function-name', 'nope']),
      fails(['dynamodb', 'describe-table', '--table-name', 'nope']),
      fails(['apigateway', 'get-rest-api', '--rest-api-id', 'abc']),
      fails(['s3api', 'get-object', '--bucket', 'bucket', '--key', 'missing.txt', '/dev/null']),
    ]);
    assert.match(lambdaErr, /An error occurred \(ResourceNotFoundException\) when calling the GetFunction operation: Function not found: arn:aws:lambda:us-east-1:000000000000:function:nope/);
    assert.match(ddbErr, /An error occurred \(ResourceNotFoundException\) when calling the DescribeTable operation: Requested resource not found: Table: nope not found/);
    assert.match(apigwErr, /An error occurred \(NotFoundException\) when calling the GetRestApi operation: Invalid API identifier specified 000000000000:abc/);
    assert.match(s3Err, /An error occurred \(NoSuchKey\) when calling the GetObject operation: The specified key does not exist\./);
  });

  describe('restJson1 errors', () => {
    it('Lambda: x-amzn-ErrorType with the bare code, body {"Type":"User","Message":...}', async () => {
      const r = await raw('lambda', 'GET', '/2015-03-31/functions/nope');
      assert.equal(r.status, 404);
      assert.equal(r.headers.get('x-amzn-errortype'), 'ResourceNotFoundException');
      assert.equal(r.headers.get('content-type'), 'application/json');
      assert.deepEqual(JSON.parse(r.text), { Type: 'User', Message: 'Function not found: arn:aws:lambda:us-east-1:000000000000:function:nope' });
      const lambda = new LambdaClient(cfg);
      await assert.rejects(lambda.send(new GetFunctionCommand({ FunctionName: 'nope' })), (e: any) => {
        assert.equal(e.name, 'ResourceNotFoundException');
        assert.equal(e.Type, 'User');
        assert.equal(e.message, 'Function not found: arn:aws:lambda:us-east-1:000000000000:function:nope');
        return true;
      });
    });

    it('Lambda: an error shape with a lower-case `message` keeps it', async () => {
      const r = await raw('lambda', 'DELETE', '/2015-03-31/functions/f');
      assert.deepEqual(JSON.parse(r.text), { Type: 'User', message: 'Unsupported qualifier' });
      const lambda = new LambdaClient(cfg);
      await assert.rejects(lambda.send(new DeleteFunctionCommand({ FunctionName: 'f' })), (e: any) => e.name === 'InvalidParameterValueException' && e.message === 'Unsupported qualifier');
    });

    it('Lambda: header-bound error members go out as headers (Retry-After)', async () => {
      const r = await raw('lambda', 'GET', '/2016-08-19/account-settings');
      assert.equal(r.status, 429);
      assert.equal(r.headers.get('retry-after'), '3');
      assert.deepEqual(JSON.parse(r.text), { Type: 'User', message: 'Rate exceeded', Reason: 'CallerRateLimitExceeded' });
      const lambda = new LambdaClient(cfg);
      await assert.rejects(lambda.send(new GetAccountSettingsCommand({})), (e: any) => {
        assert.equal(e.name, 'TooManyRequestsException');
        assert.equal(e.retryAfterSeconds, '3');
        assert.equal(e.Reason, 'CallerRateLimitExceeded');
        return true;
      });
    });

    it('Lambda: list members breaking their constraints are reported once, with every constraint', async () => {
      const lambda = new LambdaClient(cfg);
      await assert.rejects(
        lambda.send(new CreateFunctionUrlConfigCommand({ FunctionName: 'f', AuthType: 'NONE', Cors: { AllowMethods: ['GET', 'POST', 'OPTIONS'] } })),
        (e: any) => {
          assert.equal(e.name, 'ValidationException');
          assert.equal(
            e.message,
            "1 validation error detected: Value '[GET, POST, OPTIONS]' at 'cors.allowMethods' failed to satisfy constraint: Member must satisfy constraint: " +
              '[Member must have length less than or equal to 6, Member must have length greater than or equal to 0, Member must satisfy regular expression pattern: .*, Member must not be null]',
          );
          return true;
        },
      );
    });

    it('an unknown REST route: 404 with Coral`s <UnknownOperationException/>', async () => {
      const r = await raw('lambda', 'GET', '/2015-03-31/no-such-thing');
      assert.equal(r.status, 404);
      assert.equal(r.text, '<UnknownOperationException/>\n');
    });

    it('API Gateway: x-amzn-ErrorType carries Coral`s namespace suffix, body {"message":...}', async () => {
      const r = await raw('apigateway', 'GET', '/restapis/abc');
      assert.equal(r.status, 404);
      assert.equal(r.headers.get('x-amzn-errortype'), 'NotFoundException:http://internal.amazon.com/coral/com.amazonaws.backplane.controlplane/');
      assert.deepEqual(JSON.parse(r.text), { message: 'Invalid API identifier specified 000000000000:abc' });
      const apigw = new APIGatewayClient(cfg);
      await assert.rejects(apigw.send(new GetRestApiCommand({ restApiId: 'abc' })), (e: any) => {
        assert.equal(e.name, 'NotFoundException');
        assert.equal(e.message, 'Invalid API identifier specified 000000000000:abc');
        return true;
      });
    });
  });

  describe('restXml', () => {
    it('S3: <Error> at the root with its fields, RequestId and HostId; x-amz-request-id and x-amz-id-2', async () => {
      const r = await raw('s3', 'GET', '/bucket/missing.txt');
      assert.equal(r.status, 404);
      assert.equal(r.headers.get('content-type'), 'application/xml');
      const id = r.headers.get('x-amz-request-id');
      const hostId = r.headers.get('x-amz-id-2');
      assert.ok(id && hostId);
      assert.equal(
        r.text,
        `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>NoSuchKey</Code><Message>The specified key does not exist.</Message><Key>missing.txt</Key><RequestId>${id}</RequestId><HostId>${hostId}</HostId></Error>`,
      );
      const s3 = new S3Client({ ...cfg, forcePathStyle: true });
      await assert.rejects(s3.send(new GetObjectCommand({ Bucket: 'bucket', Key: 'missing.txt' })), (e: any) => {
        assert.equal(e.name, 'NoSuchKey');
        assert.equal(e.Key, 'missing.txt');
        assert.match(e.$metadata.requestId, /^[0-9a-f-]{36}$/);
        assert.ok(e.$metadata.extendedRequestId);
        return true;
      });
    });

    it('S3: a body that is not XML is MalformedXML', async () => {
      const r = await raw('s3', 'PUT', '/bucket/k?tagging', { 'content-type': 'application/xml' }, '<Tagging><TagSet>');
      assert.equal(r.status, 400);
      assert.match(r.text, /<Error><Code>MalformedXML<\/Code><Message>The XML you provided was not well-formed or did not validate against our published schema<\/Message><RequestId>/);
    });

    it('S3 HEAD errors have no body; the SDK names them by status', async () => {
      const r = await raw('s3', 'HEAD', '/bucket/k');
      assert.equal(r.status, 404);
      assert.equal(r.text, '');
      const s3 = new S3Client({ ...cfg, forcePathStyle: true });
      await assert.rejects(s3.send(new HeadObjectCommand({ Bucket: 'bucket', Key: 'k' })), (e: any) => e.name === 'NotFound' && e.$metadata.httpStatusCode === 404);
    });

    it('S3 success responses carry x-amz-request-id / x-amz-id-2 and millisecond timestamps', async () => {
      const r = await raw('s3', 'GET', '/bucket?list-type=2');
      assert.equal(r.status, 200);
      assert.ok(r.headers.get('x-amz-request-id'));
      assert.ok(r.headers.get('x-amz-id-2'));
      assert.match(r.text, /<LastModified>2026-03-04T05:06:07\.000Z<\/LastModified>/);
      assert.match(r.text, /^<\?xml version="1\.0" encoding="UTF-8"\?>\n<ListBucketResult xmlns="http:\/\/s3\.amazonaws\.com\/doc\/2006-03-01\/">/);
      const s3 = new S3Client({ ...cfg, forcePathStyle: true });
      const out = await s3.send(new ListObjectsV2Command({ Bucket: 'bucket' }));
      assert.equal(out.Contents?.[0]?.LastModified?.toISOString(), when.toISOString());
    });

    it('S3: a list-valued header is split into the list member; timestamps in headers are HTTP-dates', async () => {
      const s3 = new S3Client({ ...cfg, forcePathStyle: true });
      const out = await s3.send(new GetObjectAttributesCommand({ Bucket: 'bucket', Key: 'k', ObjectAttributes: ['ETag', 'ObjectSize', 'StorageClass'] }));
      assert.deepEqual(seen.GetObjectAttributes.ObjectAttributes, ['ETag', 'ObjectSize', 'StorageClass']);
      assert.equal(out.LastModified?.toISOString(), when.toISOString());
      const r = await raw('s3', 'GET', '/bucket/k?attributes', { 'x-amz-object-attributes': 'ETag' });
      assert.equal(r.headers.get('last-modified'), 'Wed, 04 Mar 2026 05:06:07 GMT');
    });

    it('CloudFront: <ErrorResponse> in the service namespace with Type, as text/xml', async () => {
      const r = await raw('cloudfront', 'GET', '/2020-05-31/distribution/E123');
      assert.equal(r.status, 404);
      assert.equal(r.headers.get('content-type'), 'text/xml');
      assert.match(
        r.text,
        /^<\?xml version="1\.0"\?>\n<ErrorResponse xmlns="http:\/\/cloudfront\.amazonaws\.com\/doc\/2020-05-31\/"><Error><Type>Sender<\/Type><Code>NoSuchDistribution<\/Code><Message>The specified distribution does not exist\.<\/Message><\/Error><RequestId>[0-9a-f-]{36}<\/RequestId><\/ErrorResponse>$/,
      );
    });
  });

  describe('awsQuery', () => {
    it('STS: ISO 8601 timestamps, empty lists read as empty, text/xml in its namespace', async () => {
      const r = await raw('sts', 'POST', '/', { 'content-type': 'application/x-www-form-urlencoded' }, 'Action=AssumeRole&Version=2011-06-15&RoleArn=arn%3Aaws%3Aiam%3A%3A000000000000%3Arole%2Fr&RoleSessionName=ss&PolicyArns=');
      assert.equal(r.status, 200);
      assert.equal(r.headers.get('content-type'), 'text/xml');
      assert.match(r.text, /^<AssumeRoleResponse xmlns="https:\/\/sts\.amazonaws\.com\/doc\/2011-06-15\/"><AssumeRoleResult>/);
      assert.match(r.text, /<Expiration>2026-03-04T05:06:07Z<\/Expiration>/);
      assert.deepEqual(seen.AssumeRole.PolicyArns, []);
      const sts = new STSClient(cfg);
      const out = await sts.send(new AssumeRoleCommand({ RoleArn: 'arn:aws:iam::000000000000:role/r', RoleSessionName: 'ss', PolicyArns: [] }));
      assert.equal(out.Credentials?.Expiration?.toISOString(), when.toISOString());
      assert.deepEqual(seen.AssumeRole.PolicyArns, []);
    });

    it('STS errors: <ErrorResponse xmlns=...><Error><Type>Sender</Type>...', async () => {
      const r = await raw('sts', 'POST', '/', { 'content-type': 'application/x-www-form-urlencoded' }, 'Action=AssumeRole&Version=2011-06-15&RoleArn=arn%3Aaws%3Aiam%3A%3A000000000000%3Arole%2Fr&RoleSessionName=s');
      assert.equal(r.status, 400);
      assert.match(
        r.text,
        /^<ErrorResponse xmlns="https:\/\/sts\.amazonaws\.com\/doc\/2011-06-15\/"><Error><Type>Sender<\/Type><Code>ValidationError<\/Code><Message>1 validation error detected: Value 's' at 'roleSessionName' failed to satisfy constraint: Member must have length greater than or equal to 2<\/Message><\/Error><RequestId>[0-9a-f-]{36}<\/RequestId><\/ErrorResponse>$/,
      );
    });
  });
});
