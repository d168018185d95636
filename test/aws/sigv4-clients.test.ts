/**
 * SigV4 verification against what real clients put on the wire: the AWS SDK for JavaScript v3 and
 * boto3 (botocore's signer, a second implementation) send requests to a bare HTTP listener that
 * records whether each one verifies. No Stratus server is involved.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { promisify } from 'node:util';
import { DynamoDBClient, GetItemCommand } from '@aws-sdk/client-dynamodb';
import { LambdaClient, GetFunctionCommand, InvokeCommand } from '@aws-sdk/client-lambda';
import { S3Client, PutObjectCommand, ListObjectsV2Command } from '@aws-sdk/client-s3';
import { STSClient, GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { SFNClient, DescribeExecutionCommand } from '@aws-sdk/client-sfn';
import { CloudWatchLogsClient, PutLogEventsCommand } from '@aws-sdk/client-cloudwatch-logs';
import { APIGatewayClient, GetResourceCommand } from '@aws-sdk/client-api-gateway';
import { SQSClient, SendMessageCommand } from '@aws-sdk/client-sqs';
import type { HttpRequest } from '../../src/core/http.js';
import { checkSigV4Time, parseSigV4, verifySigV4 } from '../../src/aws/sigv4.js';

const run = promisify(execFile);
const AKID = 'AKIDSTRATUSTEST';
const SECRET = 'stratus/secret+key=with/odd+chars';

interface Seen {
  method: string;
  url: string;
  service?: string;
  presigned?: boolean;
  verified: boolean;
  wrongSecret: boolean;
  time?: string;
  error?: string;
}

let server: Server;
let endpoint = '';
const seen: Seen[] = [];

function toHttpRequest(req: IncomingMessage, body: Buffer): HttpRequest {
  const url = req.url ?? '/';
  const q = url.indexOf('?');
  return {
    method: req.method ?? 'GET',
    rawPath: q < 0 ? url : url.slice(0, q),
    rawQuery: q < 0 ? '' : url.slice(q + 1),
    headers: req.headers as Record<string, string | undefined>,
    body,
    raw: req,
  };
}

before(async () => {
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const http = toHttpRequest(req, Buffer.concat(chunks));
      const entry: Seen = { method: http.method, url: req.url ?? '', verified: false, wrongSecret: true };
      try {
        const info = parseSigV4(http);
        if (info) {
          entry.service = info.service;
          entry.presigned = info.presigned;
          entry.verified = verifySigV4(http, info, SECRET);
          entry.wrongSecret = verifySigV4(http, info, SECRET.slice(1));
          entry.time = checkSigV4Time(info, Date.now());
        }
      } catch (e) {
        entry.error = String(e);
      }
      seen.push(entry);
      // Fail every call fast (4xx, no retry) so the clients return.
      res.writeHead(400, { 'content-type': 'application/json', 'x-amzn-errortype': 'CapturedException' });
      res.end(JSON.stringify({ __type: 'CapturedException', message: 'captured' }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

after(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

const cfg = () => ({
  endpoint,
  region: 'eu-west-3',
  credentials: { accessKeyId: AKID, secretAccessKey: SECRET },
  maxAttempts: 1,
});

/** Runs one client call (expected to fail with the captured error) and returns what the listener saw. */
async function capture(call: () => Promise<unknown>): Promise<Seen> {
  const before = seen.length;
  await call().then(
    () => assert.fail('the capture listener answers every call with an error'),
    () => undefined,
  );
  assert.equal(seen.length, before + 1, 'one request reached the listener');
  return seen[seen.length - 1]!;
}

function assertVerified(s: Seen, service: string) {
  assert.equal(s.error, undefined, `${service}: parse error ${s.error}`);
  assert.equal(s.service, service);
  assert.equal(s.verified, true, `${service}: ${s.method} ${s.url} verifies`);
  assert.equal(s.wrongSecret, false, `${service}: a wrong secret does not verify`);
  assert.equal(s.time, 'ok');
}

describe('requests signed by the AWS SDK for JavaScript v3', () => {
  test('DynamoDB GetItem (json 1.0)', async () => {
    const client = new DynamoDBClient(cfg());
    assertVerified(await capture(() => client.send(new GetItemCommand({ TableName: 'tàble', Key: { id: { S: 'ü 1' } } }))), 'dynamodb');
  });

  test('Lambda GetFunction by ARN with a qualifier, and Invoke with a payload (rest-json)', async () => {
    const client = new LambdaClient(cfg());
    const s = await capture(() =>
      client.send(new GetFunctionCommand({ FunctionName: 'arn:aws:lambda:eu-west-3:000000000000:function:my-fn', Qualifier: '$LATEST' })),
    );
    assert.match(s.url, /%3A/);
    assertVerified(s, 'lambda');
    assertVerified(
      await capture(() => client.send(new InvokeCommand({ FunctionName: 'my-fn', Payload: Buffer.from('{"a":"b c"}'), ClientContext: 'e30=' }))),
      'lambda',
    );
  });

  test('S3 PutObject with an awkward key and ListObjectsV2 (rest-xml, path style)', async () => {
    const client = new S3Client({ ...cfg(), forcePathStyle: true });
    const put = await capture(() =>
      client.send(new PutObjectCommand({ Bucket: 'my-bucket', Key: 'dir/a b+c~*(1)=ü.txt', Body: 'hello', ContentType: 'text/plain' })),
    );
    assertVerified(put, 's3');
    assertVerified(await capture(() => client.send(new ListObjectsV2Command({ Bucket: 'my-bucket', Prefix: 'a b/', Delimiter: '/' }))), 's3');
  });

  test('STS GetCallerIdentity (query)', async () => {
    const client = new STSClient(cfg());
    assertVerified(await capture(() => client.send(new GetCallerIdentityCommand({}))), 'sts');
  });

  test('Step Functions, CloudWatch Logs, SQS (json), API Gateway (rest-json)', async () => {
    assertVerified(
      await capture(() =>
        new SFNClient(cfg()).send(new DescribeExecutionCommand({ executionArn: 'arn:aws:states:eu-west-3:000000000000:execution:sm:run 1' })),
      ),
      'states',
    );
    assertVerified(
      await capture(() =>
        new CloudWatchLogsClient(cfg()).send(
          new PutLogEventsCommand({ logGroupName: '/aws/lambda/f', logStreamName: '2026/01/01/[$LATEST]abc', logEvents: [{ timestamp: 1, message: 'x' }] }),
        ),
      ),
      'logs',
    );
    assertVerified(
      await capture(() =>
        new SQSClient(cfg()).send(new SendMessageCommand({ QueueUrl: `${endpoint}/000000000000/q`, MessageBody: 'hi' })),
      ),
      'sqs',
    );
    assertVerified(
      await capture(() => new APIGatewayClient(cfg()).send(new GetResourceCommand({ restApiId: 'abc123', resourceId: 'r 1' }))),
      'apigateway',
    );
  });
});

const hasBoto3 = existsSync('/usr/bin/python3');

describe('requests signed by boto3 (botocore)', { skip: hasBoto3 ? false : 'python3-boto3 not installed' }, () => {
  const script = `
import os, sys, json, urllib.request, boto3
from botocore.config import Config
ep = os.environ['ENDPOINT']
kw = dict(endpoint_url=ep, region_name='eu-west-3', aws_access_key_id='${AKID}', aws_secret_access_key='${SECRET}',
          config=Config(retries={'max_attempts': 1}, s3={'addressing_style': 'path'}))
def attempt(f):
    try:
        f()
    except Exception:
        pass
attempt(lambda: boto3.client('dynamodb', **kw).get_item(TableName='users', Key={'id': {'S': 'x y'}}))
attempt(lambda: boto3.client('lambda', **kw).get_function(FunctionName='arn:aws:lambda:eu-west-3:000000000000:function:f', Qualifier='1'))
attempt(lambda: boto3.client('s3', **kw).put_object(Bucket='b', Key='dir/a b+c~*(1).txt', Body=b'hello'))
attempt(lambda: boto3.client('sts', **kw).get_caller_identity())
s3url = boto3.client('s3', **kw).generate_presigned_url('get_object', Params={'Bucket': 'b', 'Key': 'k y+z.txt'}, ExpiresIn=300)
attempt(lambda: urllib.request.urlopen(s3url))
# botocore signs with the operation's method (POST) unless told; GET is what URL users send.
stsurl = boto3.client('sts', **kw).generate_presigned_url('get_caller_identity', ExpiresIn=60, HttpMethod='GET')
attempt(lambda: urllib.request.urlopen(stsurl))
`;

  test('DynamoDB, Lambda, S3, STS and presigned S3/STS URLs verify', async () => {
    const start = seen.length;
    await run('/usr/bin/python3', ['-c', script], { env: { ...process.env, ENDPOINT: endpoint, AWS_CONFIG_FILE: '/dev/null' } });
    const got = seen.slice(start);
    assert.deepEqual(
      got.map((s) => [s.service, s.presigned ?? false]),
      [
        ['dynamodb', false],
        ['lambda', false],
        ['s3', false],
        ['sts', false],
        ['s3', true],
        ['sts', true],
      ],
    );
    for (const s of got) assertVerified(s, s.service!);
  });
});
