/**
 * Function code as AWS's tutorials write it: the SDK the runtime ships, imported from ES modules
 * and CommonJS, boto3 with no endpoint, explicit AWS endpoints and AWS host names, all reaching
 * Stratus with no change to the code.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { InvokeCommand } from '@aws-sdk/client-lambda';
import { CreateTableCommand, DynamoDBClient, GetItemCommand, PutItemCommand } from '@aws-sdk/client-dynamodb';
import {
  APIGatewayClient,
  CreateDeploymentCommand,
  CreateRestApiCommand,
  GetResourcesCommand,
  PutIntegrationCommand,
  PutIntegrationResponseCommand,
  PutMethodCommand,
  PutMethodResponseCommand,
} from '@aws-sdk/client-api-gateway';
import { LambdaClient } from '@aws-sdk/client-lambda';
import { definition as apigatewayService } from '../../src/services/apigateway/index.js';
import { definition as dynamodbService } from '../../src/services/dynamodb/index.js';
import { definition as s3Service } from '../../src/services/s3/index.js';
import { CreateBucketCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { CreateFunctionCommand, waitUntilFunctionActiveV2 } from '@aws-sdk/client-lambda';
import { clientConfig, startServer, type TestServer } from '../helpers/server.js';
import { awsError, createFunction, json, ROLE, SERVICES, zip } from './helpers.js';

describe('function code from AWS tutorials reaches Stratus unchanged', () => {
  let server: TestServer;
  let lambda: LambdaClient;
  let ddb: DynamoDBClient;
  before(async () => {
    server = await startServer({ config: { services: { lambda: { idleTimeoutSeconds: 600 } } }, services: [...SERVICES, dynamodbService, apigatewayService, s3Service] });
    lambda = new LambdaClient(clientConfig(server.endpoint));
    ddb = new DynamoDBClient(clientConfig(server.endpoint));
    await ddb.send(
      new CreateTableCommand({
        TableName: 'http-crud-tutorial-items',
        KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
        AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }],
        BillingMode: 'PAY_PER_REQUEST',
      }),
    );
  });
  after(async () => {
    await server.stop();
  });

  it('an index.mjs importing @aws-sdk/client-dynamodb and @aws-sdk/lib-dynamodb writes an item', async () => {
    // The handler of AWS's "CRUD API with Lambda and DynamoDB" tutorial, trimmed to its PUT route.
    await createFunction(
      lambda,
      'http-crud-tutorial-function',
      {
        'index.mjs': `import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { DynamoDBDocumentClient, PutCommand, GetCommand } from "@aws-sdk/lib-dynamodb";

const client = new DynamoDBClient({});
const dynamo = DynamoDBDocumentClient.from(client);
const tableName = "http-crud-tutorial-items";

export const handler = async (event, context) => {
  const requestJSON = JSON.parse(event.body);
  await dynamo.send(new PutCommand({ TableName: tableName, Item: { id: requestJSON.id, price: requestJSON.price, name: requestJSON.name } }));
  const got = await dynamo.send(new GetCommand({ TableName: tableName, Key: { id: requestJSON.id } }));
  return { statusCode: 200, body: JSON.stringify(got.Item) };
};
`,
      },
      { Runtime: 'nodejs22.x', Timeout: 15 },
    );
    const r = await lambda.send(new InvokeCommand({ FunctionName: 'http-crud-tutorial-function', Payload: Buffer.from(JSON.stringify({ body: '{"id":"123","price":12345,"name":"myitem"}' })) }));
    assert.equal(r.FunctionError, undefined, Buffer.from(r.Payload ?? []).toString());
    assert.deepEqual(JSON.parse((json(r.Payload) as { body: string }).body), { id: '123', price: 12345, name: 'myitem' });
    const item = await ddb.send(new GetItemCommand({ TableName: 'http-crud-tutorial-items', Key: { id: { S: '123' } } }));
    assert.deepEqual(item.Item, { id: { S: '123' }, price: { N: '12345' }, name: { S: 'myitem' } });
  });

  it('a CommonJS handler requires the SDK and names the AWS endpoint explicitly', async () => {
    await ddb.send(new PutItemCommand({ TableName: 'http-crud-tutorial-items', Item: { id: { S: 'explicit' }, name: { S: 'from the test' } } }));
    await createFunction(
      lambda,
      'explicit-endpoint',
      {
        'index.js': `const { DynamoDBClient, GetItemCommand } = require('@aws-sdk/client-dynamodb');
const client = new DynamoDBClient({ region: 'us-east-1', endpoint: 'https://dynamodb.us-east-1.amazonaws.com' });
exports.handler = async () => {
  const out = await client.send(new GetItemCommand({ TableName: 'http-crud-tutorial-items', Key: { id: { S: 'explicit' } } }));
  return out.Item.name.S;
};`,
      },
      { Timeout: 15 },
    );
    const r = await lambda.send(new InvokeCommand({ FunctionName: 'explicit-endpoint' }));
    assert.equal(r.FunctionError, undefined, Buffer.from(r.Payload ?? []).toString());
    assert.equal(json(r.Payload), 'from the test');
  });

  it('a Python handler lists tables through boto3 with no endpoint, and with an explicit AWS one', async () => {
    await createFunction(
      lambda,
      'boto3-list-tables',
      {
        'lambda_function.py': `import boto3

def lambda_handler(event, context):
    implicit = boto3.client("dynamodb").list_tables()["TableNames"]
    explicit = boto3.client("dynamodb", endpoint_url="https://dynamodb.us-east-1.amazonaws.com").list_tables()["TableNames"]
    item = boto3.resource("dynamodb").Table("http-crud-tutorial-items").get_item(Key={"id": "explicit"})["Item"]
    return {"implicit": implicit, "explicit": explicit, "name": item["name"]}
`,
      },
      { Runtime: 'python3.12', Handler: 'lambda_function.lambda_handler', Timeout: 20 },
    );
    const r = await lambda.send(new InvokeCommand({ FunctionName: 'boto3-list-tables' }));
    assert.equal(r.FunctionError, undefined, Buffer.from(r.Payload ?? []).toString());
    assert.deepEqual(json(r.Payload), { implicit: ['http-crud-tutorial-items'], explicit: ['http-crud-tutorial-items'], name: 'from the test' });
  });

  it('fetch and https.get to an execute-api host name on amazonaws.com reach the API', async () => {
    const apigw = new APIGatewayClient(clientConfig(server.endpoint));
    const api = await apigw.send(new CreateRestApiCommand({ name: 'hosts' }));
    const root = (await apigw.send(new GetResourcesCommand({ restApiId: api.id! }))).items![0]!;
    await apigw.send(new PutMethodCommand({ restApiId: api.id!, resourceId: root.id!, httpMethod: 'GET', authorizationType: 'NONE' }));
    await apigw.send(new PutIntegrationCommand({ restApiId: api.id!, resourceId: root.id!, httpMethod: 'GET', type: 'MOCK', requestTemplates: { 'application/json': '{"statusCode": 200}' } }));
    await apigw.send(new PutMethodResponseCommand({ restApiId: api.id!, resourceId: root.id!, httpMethod: 'GET', statusCode: '200' }));
    await apigw.send(
      new PutIntegrationResponseCommand({ restApiId: api.id!, resourceId: root.id!, httpMethod: 'GET', statusCode: '200', responseTemplates: { 'application/json': '{"hello": "$context.domainName"}' } }),
    );
    await apigw.send(new CreateDeploymentCommand({ restApiId: api.id!, stageName: 'prod' }));
    await createFunction(
      lambda,
      'aws-hosts',
      {
        'index.mjs': `import https from 'node:https';
const url = 'https://${api.id}.execute-api.us-east-1.amazonaws.com/prod';
const viaGet = () => new Promise((resolve, reject) => https.get(url, (res) => { let b = ''; res.on('data', (c) => (b += c)); res.on('end', () => resolve({ status: res.statusCode, body: JSON.parse(b) })); }).on('error', reject));
export const handler = async () => {
  const res = await fetch(url);
  return { fetch: { status: res.status, body: await res.json() }, get: await viaGet() };
};`,
      },
      { Runtime: 'nodejs20.x', Timeout: 15 },
    );
    const r = await lambda.send(new InvokeCommand({ FunctionName: 'aws-hosts' }));
    assert.equal(r.FunctionError, undefined, Buffer.from(r.Payload ?? []).toString());
    const domain = `${api.id}.execute-api.us-east-1.amazonaws.com`;
    assert.deepEqual(json(r.Payload), { fetch: { status: 200, body: { hello: domain } }, get: { status: 200, body: { hello: domain } } });
  });

  it('a function whose code is in S3 (Code.S3Bucket/S3Key) runs it; a missing key answers as AWS', async () => {
    const s3 = new S3Client({ ...clientConfig(server.endpoint), forcePathStyle: true });
    await s3.send(new CreateBucketCommand({ Bucket: 'deploy-bucket' }));
    await s3.send(new PutObjectCommand({ Bucket: 'deploy-bucket', Key: 'app/function.zip', Body: zip({ 'index.js': 'exports.handler = async () => "from s3";' }) }));
    await lambda.send(new CreateFunctionCommand({ FunctionName: 'from-s3', Runtime: 'nodejs20.x', Handler: 'index.handler', Role: ROLE, Code: { S3Bucket: 'deploy-bucket', S3Key: 'app/function.zip' } }));
    await waitUntilFunctionActiveV2({ client: lambda, maxWaitTime: 30, minDelay: 1 }, { FunctionName: 'from-s3' });
    assert.equal(json((await lambda.send(new InvokeCommand({ FunctionName: 'from-s3' }))).Payload), 'from s3');
    await assert.rejects(
      lambda.send(new CreateFunctionCommand({ FunctionName: 'from-s3-missing', Runtime: 'nodejs20.x', Handler: 'index.handler', Role: ROLE, Code: { S3Bucket: 'deploy-bucket', S3Key: 'nope.zip' } })),
      awsError('InvalidParameterValueException', 400, 'Error occurred while GetObject. S3 Error Code: NoSuchKey. S3 Error Message: The specified key does not exist.'),
    );
  });

  it('an ES module that imports a package the runtime does not have fails as on AWS', async () => {
    await createFunction(lambda, 'esm-missing', { 'index.mjs': `import x from 'no-such-package';\nexport const handler = async () => x;` });
    const r = await lambda.send(new InvokeCommand({ FunctionName: 'esm-missing' }));
    assert.equal(r.FunctionError, 'Unhandled');
    const err = json(r.Payload) as { errorType: string; errorMessage: string };
    assert.equal(err.errorType, 'Runtime.ImportModuleError');
    assert.match(err.errorMessage, /^Error: Cannot find package 'no-such-package' imported from /);
  });
});
