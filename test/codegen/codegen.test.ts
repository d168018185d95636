import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SERVICES, apiName, generate, typeName } from '../../scripts/codegen.js';
import type { ServiceModel } from '../../src/aws/model.js';
import type { GetItemInput, DynamoDBApi, TableArn } from '../../src/generated/dynamodb.js';
import { ConditionalCheckFailedException, operations as ddbOperations } from '../../src/generated/dynamodb.js';
import type { InvocationType, InvocationRequest } from '../../src/generated/lambda.js';
import { ResourceNotFoundException as LambdaNotFound, TooManyRequestsException } from '../../src/generated/lambda.js';
import { AwsError } from '../../src/aws/errors.js';

// dist/test/codegen -> repository root
const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const script = join(root, 'dist', 'scripts', 'codegen.js');
const model = (s: string) => JSON.parse(readFileSync(join(root, 'models', 'aws', s, 'service-2.json'), 'utf8')) as ServiceModel;
const committed = (s: string) => readFileSync(join(root, 'src', 'generated', `${s}.ts`), 'utf8');

test('running the generator again produces byte-identical files', () => {
  const out = mkdtempSync(join(tmpdir(), 'stratus-codegen-'));
  try {
    execFileSync(process.execPath, [script, out], { stdio: 'pipe' });
    assert.deepEqual(readdirSync(out).sort(), SERVICES.map((s) => `${s}.ts`).sort());
    for (const s of SERVICES) {
      assert.equal(readFileSync(join(out, `${s}.ts`), 'utf8'), committed(s), `src/generated/${s}.ts is stale: run npm run codegen`);
    }
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
});

test('generate() is deterministic in-process', () => {
  for (const s of SERVICES) assert.equal(generate(s, model(s)), generate(s, model(s)));
});

test('header names the model and its API version', () => {
  assert.equal(
    committed('dynamodb').split('\n')[0],
    '// Generated from models/aws/dynamodb/service-2.json (API version 2012-08-10) by scripts/codegen.ts. Do not edit.',
  );
  assert.match(committed('lambda'), /^import type \{ RequestContext \} from '\.\.\/core\/context\.js';$/m);
  assert.match(committed('lambda'), /^import \{ AwsError \} from '\.\.\/aws\/errors\.js';$/m);
});

test('DynamoDB GetItemInput: TableName and Key required, the rest optional', () => {
  const src = committed('dynamodb');
  const block = /export interface GetItemInput \{\n([\s\S]*?)\n\}/.exec(src);
  assert.ok(block, 'GetItemInput interface present');
  const members = block[1]!;
  assert.match(members, /^ {2}TableName: \w+;$/m);
  assert.match(members, /^ {2}Key: Key;$/m);
  assert.match(members, /^ {2}ConsistentRead\?: \w+;$/m);
  assert.match(src, /^export type TableArn = string;$/m);
  // Compile-time checks: this file only builds if the generated types have these shapes.
  const input: GetItemInput = { TableName: 'users', Key: { id: { S: '1' } } };
  const name: TableArn = input.TableName;
  assert.equal(name, 'users');
  // @ts-expect-error Key is required
  const missingKey: GetItemInput = { TableName: 'users' };
  assert.equal(missingKey.Key, undefined);
});

test('Lambda InvocationType is a union of literals', () => {
  assert.match(committed('lambda'), /^export type InvocationType = 'Event' \| 'RequestResponse' \| 'DryRun';$/m);
  const t: InvocationType = 'DryRun';
  // @ts-expect-error not a member of the union
  const bad: InvocationType = 'Sync';
  assert.notEqual(t, bad);
  const req: InvocationRequest = { FunctionName: 'f', Payload: Buffer.from('{}') };
  assert.ok(Buffer.isBuffer(req.Payload), 'blobs are Buffers');
});

test('primitive mappings: list, map, timestamp, blob, numbers, boolean', () => {
  const ddb = committed('dynamodb');
  assert.match(ddb, /^export type AttributeMap = Record<string, AttributeValue>;$/m);
  assert.match(ddb, /^export type ListAttributeValue = AttributeValue\[\];$/m);
  assert.match(ddb, /^export type Date_ = Date;$/m);
  assert.match(ddb, /^export type BinaryAttributeValue = Buffer;$/m);
  assert.match(ddb, /^export type ConsistentRead = boolean;$/m);
  assert.match(ddb, /^export type PositiveLongObject = number;$/m);
});

test('shape names that clash with globals get a suffix; others keep their model name', () => {
  assert.equal(typeName('String'), 'String_');
  assert.equal(typeName('Date'), 'Date_');
  assert.equal(typeName('Record'), 'Record_');
  assert.equal(typeName('TableName'), 'TableName');
  const lambda = committed('lambda');
  assert.match(lambda, /^export type String_ = string;$/m);
  assert.match(lambda, /^export type Boolean_ = boolean;$/m);
  assert.doesNotMatch(lambda, /^export type String = /m);
  assert.match(committed('dynamodbstreams'), /^export interface Record_ \{$/m);
  // SNS's model names shapes after TypeScript's own types.
  assert.equal(typeName('boolean'), 'boolean_');
  assert.match(committed('sns'), /^export type string_ = string;$/m);
});

test('one <Service>Api interface per service with one method per operation', () => {
  const expected: Record<string, string> = {
    sts: 'StsApi',
    dynamodb: 'DynamoDBApi',
    dynamodbstreams: 'DynamoDBStreamsApi',
    lambda: 'LambdaApi',
    logs: 'CloudWatchLogsApi',
    stepfunctions: 'SFNApi',
    apigateway: 'APIGatewayApi',
    apigatewayv2: 'ApiGatewayV2Api',
    s3: 'S3Api',
    sns: 'SNSApi',
    sqs: 'SQSApi',
    events: 'EventBridgeApi',
    scheduler: 'SchedulerApi',
    kinesis: 'KinesisApi',
    'cognito-idp': 'CognitoIdentityProviderApi',
    cloudfront: 'CloudFrontApi',
    'cloudfront-keyvaluestore': 'CloudFrontKeyValueStoreApi',
    'cognito-identity': 'CognitoIdentityApi',
    iam: 'IAMApi',
  };
  for (const s of SERVICES) {
    const m = model(s);
    assert.equal(apiName(s, m), expected[s]);
    const src = committed(s);
    const block = new RegExp(`export interface ${expected[s]} \\{\\n([\\s\\S]*?)\\n\\}`).exec(src);
    assert.ok(block, `${s}: ${expected[s]} present`);
    const methods = block[1]!.split('\n');
    assert.equal(methods.length, Object.keys(m.operations).length, `${s}: one method per operation`);
  }
  assert.match(
    committed('dynamodb'),
    /^ {2}GetItem\(ctx: RequestContext, input: GetItemInput\): Promise<GetItemOutput>;$/m,
  );
  // logs DeleteLogGroup has no output shape
  assert.match(committed('logs'), /^ {2}DeleteLogGroup\(ctx: RequestContext, input: DeleteLogGroupRequest\): Promise<void>;$/m);
  const api: Pick<DynamoDBApi, 'GetItem'> = {
    async GetItem(_ctx, input) {
      return { Item: input.Key };
    },
  };
  assert.equal(typeof api.GetItem, 'function');
});

test('operations list matches the model, in model order', () => {
  assert.deepEqual([...ddbOperations], Object.keys(model('dynamodb').operations));
  assert.ok(ddbOperations.includes('TransactWriteItems'));
});

test('error classes carry the shape name as code and the model status', () => {
  const e = new ConditionalCheckFailedException('The conditional request failed', { Item: { id: { S: '1' } } });
  assert.ok(e instanceof AwsError);
  assert.equal(e.code, 'ConditionalCheckFailedException');
  assert.equal(e.status, 400);
  assert.equal(e.message, 'The conditional request failed');
  assert.deepEqual(e.fields, { Item: { id: { S: '1' } } });
  const nf = new LambdaNotFound('Function not found: arn:aws:lambda:us-east-1:000000000000:function:f');
  assert.equal(nf.status, 404);
  assert.equal(nf.code, 'ResourceNotFoundException');
  assert.deepEqual(nf.fields, {});
  assert.equal(new TooManyRequestsException('Rate exceeded').status, 429);
  // every exception shape of every service is a class with its status (default 400)
  for (const s of SERVICES) {
    const m = model(s);
    const src = committed(s);
    for (const [name, shape] of Object.entries(m.shapes)) {
      if (!shape.exception) continue;
      const status = shape.error?.httpStatusCode ?? 400;
      assert.ok(
        src.includes(`export class ${typeName(name)} extends AwsError {`) &&
          src.includes(`super('${name}', message, ${status}, { fields });`),
        `${s}: error class ${name}`,
      );
    }
  }
});
