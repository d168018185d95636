import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, request, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  AddPermissionCommand,
  CreateAliasCommand,
  CreateFunctionUrlConfigCommand,
  DeleteAliasCommand,
  DeleteFunctionCommand,
  DeleteFunctionUrlConfigCommand,
  GetFunctionUrlConfigCommand,
  InvokeCommand,
  InvokeWithResponseStreamCommand,
  ListFunctionUrlConfigsCommand,
  PublishVersionCommand,
  PutFunctionConcurrencyCommand,
  UpdateFunctionUrlConfigCommand,
  type Cors,
} from '@aws-sdk/client-lambda';
import { SignatureV4 } from '@smithy/signature-v4';
import { Sha256 } from '@aws-crypto/sha256-js';
import { awsError, createFunction, startLambdaServer, text, type LambdaTestContext } from './helpers.js';

const ARN = 'arn:aws:lambda:us-east-1:000000000000:function:';
const FORBIDDEN = 'Forbidden. For troubleshooting Function URL authorization issues, see: https://docs.aws.amazon.com/lambda/latest/dg/urls-auth.html';
const QUALIFIER_ERROR = (q: string) =>
  `1 validation error detected: Value '${q}' at 'qualifier' failed to satisfy constraint: Member must satisfy regular expression pattern: ((?!^\\d+$)^[0-9a-zA-Z-_]+$)`;

/** Echoes the event as a 201 with a header and a cookie; throws on `?fail`; returns other values on `?value=`. */
const ECHO = `
exports.handler = async (event) => {
  const q = event.queryStringParameters || {};
  if (q.fail) throw new Error('boom');
  if (q.value) return JSON.parse(q.value);
  return { statusCode: 201, headers: { 'X-Echo': 'yes', 'Content-Type': 'application/json' }, cookies: ['a=1; Path=/', 'b=2'], body: JSON.stringify(event) };
};`;

/** The URL's path form on the main endpoint (plain fetch cannot set a Host header). */
function pathUrl(endpoint: string, functionUrl: string, rest = ''): string {
  const id = new URL(functionUrl).hostname.split('.')[0]!;
  return `${endpoint}/_aws/lambda-url/${id}${rest}`;
}

/** Grants the public access a NONE URL needs since October 2025: both statements. */
async function makePublic(t: LambdaTestContext, name: string, qualifier?: string, both = true): Promise<void> {
  await t.lambda.send(new AddPermissionCommand({ FunctionName: name, Qualifier: qualifier, StatementId: 'url', Action: 'lambda:InvokeFunctionUrl', Principal: '*', FunctionUrlAuthType: 'NONE' }));
  if (both) await t.lambda.send(new AddPermissionCommand({ FunctionName: name, Qualifier: qualifier, StatementId: 'invoke', Action: 'lambda:InvokeFunction', Principal: '*', InvokedViaFunctionUrl: true }));
}

/** A request through node:http with any Host header; the body arrives piece by piece through `onData`. */
function raw(
  port: number,
  path: string,
  options: { method?: string; headers?: Record<string, string>; body?: string; onData?: (chunk: Buffer) => void } = {},
): Promise<{ status: number; headers: IncomingHttpHeaders; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method: options.method ?? 'GET', headers: options.headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => {
        chunks.push(c);
        options.onData?.(c);
      });
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

describe('lambda function URLs', () => {
  let t: LambdaTestContext;
  before(async () => {
    t = await startLambdaServer();
    await createFunction(t.lambda, 'url-echo', { 'index.js': ECHO });
  });
  after(async () => {
    await t.server.stop();
  });

  describe('configuration', () => {
    it('creates, reads, updates, lists and deletes URLs as AWS answers', async () => {
      await createFunction(t.lambda, 'url-crud', { 'index.js': 'exports.handler = async () => 1;' });
      const created = await t.lambda.send(new CreateFunctionUrlConfigCommand({ FunctionName: 'url-crud', AuthType: 'NONE' }));
      assert.equal(created.$metadata.httpStatusCode, 201);
      assert.match(created.FunctionUrl!, new RegExp(`^http://[a-z0-9]{32}\\.lambda-url\\.us-east-1\\.localhost:${t.server.port}/$`));
      assert.equal(created.FunctionArn, `${ARN}url-crud`);
      assert.equal(created.AuthType, 'NONE');
      assert.match(created.CreationTime!, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$/);
      assert.equal(created.InvokeMode, undefined);

      await assert.rejects(
        t.lambda.send(new CreateFunctionUrlConfigCommand({ FunctionName: 'url-crud', AuthType: 'NONE' })),
        awsError('ResourceConflictException', 409, `Failed to create function url config for [functionArn = ${ARN}url-crud]. Error message:  FunctionUrlConfig exists for this Lambda function`),
      );
      const got = await t.lambda.send(new GetFunctionUrlConfigCommand({ FunctionName: 'url-crud' }));
      assert.equal(got.FunctionUrl, created.FunctionUrl);
      assert.equal(got.InvokeMode, 'BUFFERED');
      assert.equal(got.LastModifiedTime, created.CreationTime);

      const cors: Cors = { AllowOrigins: ['https://app.example'], AllowMethods: ['GET'], MaxAge: 60 };
      const updated = await t.lambda.send(new UpdateFunctionUrlConfigCommand({ FunctionName: 'url-crud', AuthType: 'AWS_IAM', Cors: cors }));
      assert.equal(updated.AuthType, 'AWS_IAM');
      assert.deepEqual(updated.Cors, cors);
      assert.equal(updated.InvokeMode, undefined);
      assert.equal(updated.FunctionUrl, created.FunctionUrl);
      const streamed = await t.lambda.send(new UpdateFunctionUrlConfigCommand({ FunctionName: 'url-crud', InvokeMode: 'RESPONSE_STREAM' }));
      assert.equal(streamed.InvokeMode, 'RESPONSE_STREAM');
      assert.equal((await t.lambda.send(new GetFunctionUrlConfigCommand({ FunctionName: 'url-crud' }))).InvokeMode, 'RESPONSE_STREAM');

      await t.lambda.send(new PublishVersionCommand({ FunctionName: 'url-crud' }));
      await t.lambda.send(new CreateAliasCommand({ FunctionName: 'url-crud', Name: 'live', FunctionVersion: '1' }));
      const aliased = await t.lambda.send(new CreateFunctionUrlConfigCommand({ FunctionName: `url-crud:live`, Qualifier: 'live', AuthType: 'NONE', InvokeMode: 'BUFFERED' }));
      assert.equal(aliased.FunctionArn, `${ARN}url-crud:live`);
      assert.equal(aliased.InvokeMode, 'BUFFERED');
      assert.notEqual(aliased.FunctionUrl, created.FunctionUrl);

      const all = await t.lambda.send(new ListFunctionUrlConfigsCommand({ FunctionName: 'url-crud' }));
      assert.deepEqual(
        all.FunctionUrlConfigs!.map((c) => c.FunctionArn),
        [`${ARN}url-crud`, `${ARN}url-crud:live`],
      );
      const page1 = await t.lambda.send(new ListFunctionUrlConfigsCommand({ FunctionName: 'url-crud', MaxItems: 1 }));
      assert.equal(page1.FunctionUrlConfigs!.length, 1);
      const page2 = await t.lambda.send(new ListFunctionUrlConfigsCommand({ FunctionName: 'url-crud', MaxItems: 1, Marker: page1.NextMarker }));
      assert.deepEqual(page2.FunctionUrlConfigs!.map((c) => c.FunctionUrl), [aliased.FunctionUrl]);
      assert.equal(page2.NextMarker, undefined);

      // Deleting the unqualified URL leaves the alias's.
      const deleted = await t.lambda.send(new DeleteFunctionUrlConfigCommand({ FunctionName: 'url-crud' }));
      assert.equal(deleted.$metadata.httpStatusCode, 204);
      await assert.rejects(t.lambda.send(new GetFunctionUrlConfigCommand({ FunctionName: 'url-crud' })), awsError('ResourceNotFoundException', 404, 'The resource you requested does not exist.'));
      assert.equal((await t.lambda.send(new GetFunctionUrlConfigCommand({ FunctionName: 'url-crud', Qualifier: 'live' }))).FunctionUrl, aliased.FunctionUrl);
      // A new URL gets a new address.
      const again = await t.lambda.send(new CreateFunctionUrlConfigCommand({ FunctionName: 'url-crud', AuthType: 'NONE' }));
      assert.notEqual(again.FunctionUrl, created.FunctionUrl);

      // An alias's URL goes with the alias; the function's URLs with the function.
      await t.lambda.send(new DeleteAliasCommand({ FunctionName: 'url-crud', Name: 'live' }));
      await t.lambda.send(new CreateAliasCommand({ FunctionName: 'url-crud', Name: 'live', FunctionVersion: '1' }));
      await assert.rejects(t.lambda.send(new GetFunctionUrlConfigCommand({ FunctionName: 'url-crud', Qualifier: 'live' })), awsError('ResourceNotFoundException', 404));
      await t.lambda.send(new DeleteFunctionCommand({ FunctionName: 'url-crud' }));
      await createFunction(t.lambda, 'url-crud', { 'index.js': 'exports.handler = async () => 1;' });
      assert.deepEqual((await t.lambda.send(new ListFunctionUrlConfigsCommand({ FunctionName: 'url-crud' }))).FunctionUrlConfigs, []);
    });

    it('answers AWS errors for qualifiers, missing functions and invalid settings', async () => {
      await createFunction(t.lambda, 'url-errors', { 'index.js': 'exports.handler = async () => 1;' });
      await t.lambda.send(new PublishVersionCommand({ FunctionName: 'url-errors' }));
      await t.lambda.send(new CreateAliasCommand({ FunctionName: 'url-errors', Name: 'prod', FunctionVersion: '1' }));
      const create = (input: { FunctionName: string; Qualifier?: string; InvokeMode?: string; Cors?: Cors }) =>
        t.lambda.send(new CreateFunctionUrlConfigCommand({ AuthType: 'NONE', ...input } as never));
      await assert.rejects(create({ FunctionName: 'url-errors', Qualifier: '1' }), awsError('ValidationException', 400, QUALIFIER_ERROR('1')));
      await assert.rejects(create({ FunctionName: 'url-errors', Qualifier: '$LATEST' }), awsError('ValidationException', 400, QUALIFIER_ERROR('$LATEST')));
      await assert.rejects(create({ FunctionName: 'url-errors:1' }), awsError('ValidationException', 400, QUALIFIER_ERROR('1')));
      await assert.rejects(t.lambda.send(new GetFunctionUrlConfigCommand({ FunctionName: 'url-errors', Qualifier: '2' })), awsError('ValidationException', 400, QUALIFIER_ERROR('2')));
      await assert.rejects(create({ FunctionName: 'url-errors', Qualifier: 'v1' }), awsError('ResourceNotFoundException', 404, 'Function does not exist'));
      await assert.rejects(create({ FunctionName: 'nope' }), awsError('ResourceNotFoundException', 404, 'Function does not exist'));
      await assert.rejects(create({ FunctionName: `${ARN}nope` }), awsError('ResourceNotFoundException', 404, 'Function does not exist'));
      await assert.rejects(
        create({ FunctionName: 'url-errors:prod-x', Qualifier: 'prod' }),
        awsError('InvalidParameterValueException', 400, 'The derived qualifier from the function name does not match the specified qualifier.'),
      );
      await assert.rejects(
        create({ FunctionName: 'url-errors', InvokeMode: 'UNKNOWN' }),
        awsError('ValidationException', 400, "1 validation error detected: Value 'UNKNOWN' at 'invokeMode' failed to satisfy constraint: Member must satisfy enum value set: [RESPONSE_STREAM, BUFFERED]"),
      );
      await assert.rejects(create({ FunctionName: 'url-errors', Cors: { MaxAge: 90000 } }), awsError('ValidationException', 400, /Member must have value less than or equal to 86400/));
      await assert.rejects(t.lambda.send(new GetFunctionUrlConfigCommand({ FunctionName: 'nope' })), awsError('ResourceNotFoundException', 404, 'The resource you requested does not exist.'));
      await assert.rejects(t.lambda.send(new GetFunctionUrlConfigCommand({ FunctionName: 'url-errors', Qualifier: 'prod' })), awsError('ResourceNotFoundException', 404, 'The resource you requested does not exist.'));
      await assert.rejects(t.lambda.send(new DeleteFunctionUrlConfigCommand({ FunctionName: 'url-errors' })), awsError('ResourceNotFoundException', 404, 'The resource you requested does not exist.'));
      await assert.rejects(t.lambda.send(new UpdateFunctionUrlConfigCommand({ FunctionName: 'nope', AuthType: 'NONE' })), awsError('ResourceNotFoundException', 404, 'Function does not exist'));
      await assert.rejects(t.lambda.send(new UpdateFunctionUrlConfigCommand({ FunctionName: 'url-errors', Qualifier: 'v1' })), awsError('ResourceNotFoundException', 404, 'Function does not exist'));
      await assert.rejects(t.lambda.send(new UpdateFunctionUrlConfigCommand({ FunctionName: 'url-errors' })), awsError('ResourceNotFoundException', 404, 'The resource you requested does not exist.'));
      await assert.rejects(t.lambda.send(new ListFunctionUrlConfigsCommand({ FunctionName: 'nope' })), awsError('ResourceNotFoundException', 404, 'Function does not exist'));
    });
  });

  describe('invocation (AuthType NONE)', () => {
    let url: string;
    before(async () => {
      url = (await t.lambda.send(new CreateFunctionUrlConfigCommand({ FunctionName: 'url-echo', AuthType: 'NONE' }))).FunctionUrl!;
    });

    it('refuses a URL whose policy does not grant both InvokeFunctionUrl and InvokeFunction', async () => {
      const refused = await fetch(pathUrl(t.server.endpoint, url, '/'));
      assert.equal(refused.status, 403);
      assert.equal(refused.headers.get('x-amzn-errortype'), 'AccessDeniedException');
      assert.deepEqual(await refused.json(), { Message: FORBIDDEN });
      await makePublic(t, 'url-echo', undefined, false);
      const half = await fetch(pathUrl(t.server.endpoint, url, '/'));
      assert.equal(half.status, 403);
      await t.lambda.send(new AddPermissionCommand({ FunctionName: 'url-echo', StatementId: 'invoke', Action: 'lambda:InvokeFunction', Principal: '*', InvokedViaFunctionUrl: true }));
      assert.equal((await fetch(pathUrl(t.server.endpoint, url, '/'))).status, 201);
    });

    it('passes the request as a payload 2.0 event and answers with the function response', async () => {
      const res = await fetch(pathUrl(t.server.endpoint, url, '/some/path?a=1&a=2&b=x%20y'), {
        headers: { 'X-Custom-In': 'Value', Cookie: 'k1=v1; k2=v2', 'User-Agent': 'url-test/1.0' },
      });
      assert.equal(res.status, 201);
      assert.equal(res.headers.get('x-echo'), 'yes');
      assert.deepEqual(res.headers.getSetCookie(), ['a=1; Path=/', 'b=2']);
      const event = (await res.json()) as Record<string, any>;
      const id = new URL(url).hostname.split('.')[0];
      assert.equal(res.headers.get('x-amzn-requestid'), event.requestContext.requestId);
      assert.equal(event.version, '2.0');
      assert.equal(event.routeKey, '$default');
      assert.equal(event.rawPath, '/some/path');
      assert.equal(event.rawQueryString, 'a=1&a=2&b=x%20y');
      assert.deepEqual(event.queryStringParameters, { a: '1,2', b: 'x y' });
      assert.deepEqual(event.cookies, ['k1=v1', 'k2=v2']);
      assert.equal(event.headers['x-custom-in'], 'Value');
      assert.equal(event.headers.cookie, undefined);
      assert.equal(event.headers['x-forwarded-for'], '127.0.0.1');
      assert.equal(event.isBase64Encoded, false);
      assert.equal(event.body, undefined);
      const rc = event.requestContext;
      assert.equal(rc.accountId, 'anonymous');
      assert.equal(rc.apiId, id);
      assert.equal(rc.domainPrefix, id);
      assert.equal(rc.domainName, `${id}.lambda-url.us-east-1.localhost`);
      assert.deepEqual(rc.http, { method: 'GET', path: '/some/path', protocol: 'HTTP/1.1', sourceIp: '127.0.0.1', userAgent: 'url-test/1.0' });
      assert.equal(rc.routeKey, '$default');
      assert.equal(rc.stage, '$default');
      assert.match(rc.time, /^\d\d\/[A-Z][a-z]{2}\/\d{4}:\d\d:\d\d:\d\d \+0000$/);
      assert.equal(typeof rc.timeEpoch, 'number');
      assert.equal(rc.authorizer, undefined);
    });

    it('passes text bodies as text and other bodies as base64', async () => {
      const post = async (body: string | Uint8Array, type: string) => {
        const res = await fetch(pathUrl(t.server.endpoint, url, '/'), { method: 'POST', headers: { 'content-type': type }, body: body as BodyInit });
        return (await res.json()) as Record<string, any>;
      };
      const textual = await post('{"x":1}', 'application/json');
      assert.equal(textual.body, '{"x":1}');
      assert.equal(textual.isBase64Encoded, false);
      assert.equal(textual.requestContext.http.method, 'POST');
      const binary = await post(new Uint8Array([0, 1, 2, 255]), 'application/octet-stream');
      assert.equal(binary.body, Buffer.from([0, 1, 2, 255]).toString('base64'));
      assert.equal(binary.isBase64Encoded, true);
    });

    it('answers other return values as a 200 JSON body, and function errors with 502', async () => {
      const call = async (value: string) => {
        const res = await fetch(pathUrl(t.server.endpoint, url, `/?value=${encodeURIComponent(value)}`));
        return { status: res.status, type: res.headers.get('content-type'), body: await res.text() };
      };
      assert.deepEqual(await call('"hello"'), { status: 200, type: 'application/json', body: 'hello' });
      assert.deepEqual(await call('{"hello": "world"}'), { status: 200, type: 'application/json', body: '{"hello":"world"}' });
      assert.deepEqual(await call('["a", 3, true]'), { status: 200, type: 'application/json', body: '["a",3,true]' });
      assert.deepEqual(await call('{"statusCode": "418", "body": "teapot"}'), { status: 418, type: 'application/json', body: 'teapot' });
      const b64 = Buffer.from('binary!').toString('base64');
      assert.deepEqual(await call(`{"statusCode": 200, "headers": {"content-type": "image/png"}, "body": "${b64}", "isBase64Encoded": true}`), {
        status: 200,
        type: 'image/png',
        body: 'binary!',
      });
      const failed = await fetch(pathUrl(t.server.endpoint, url, '/?fail=1'));
      assert.equal(failed.status, 502);
      assert.equal(await failed.text(), 'Internal Server Error');
    });

    it('answers on the URL host names, and 403 with a null message for an unknown URL', async () => {
      const { hostname } = new URL(url);
      const local = await raw(t.server.port, '/x?y=1', { headers: { host: `${hostname}:${t.server.port}` } });
      assert.equal(local.status, 201);
      assert.equal(JSON.parse(local.body).requestContext.domainName, hostname);
      assert.equal(JSON.parse(local.body).rawPath, '/x');
      const aws = await raw(t.server.port, '/', { headers: { host: hostname.replace(/\.localhost$/, '.on.aws') } });
      assert.equal(aws.status, 201);
      const unknown = await raw(t.server.port, '/', { headers: { host: `${'0'.repeat(32)}.lambda-url.us-east-1.localhost` } });
      assert.equal(unknown.status, 403);
      assert.equal(unknown.headers['x-amzn-errortype'], 'AccessDeniedException');
      assert.equal(unknown.body, '{"Message":null}');
      const wrongRegion = await raw(t.server.port, '/', { headers: { host: hostname.replace('us-east-1', 'eu-west-1') } });
      assert.equal(wrongRegion.status, 403);
    });

    it('throttles with 429 when the function has no concurrency left', async () => {
      await createFunction(t.lambda, 'url-throttled', { 'index.js': 'exports.handler = async () => "ok";' });
      const u = (await t.lambda.send(new CreateFunctionUrlConfigCommand({ FunctionName: 'url-throttled', AuthType: 'NONE' }))).FunctionUrl!;
      await makePublic(t, 'url-throttled');
      assert.equal(await (await fetch(pathUrl(t.server.endpoint, u, '/'))).text(), 'ok');
      await t.lambda.send(new PutFunctionConcurrencyCommand({ FunctionName: 'url-throttled', ReservedConcurrentExecutions: 0 }));
      const throttled = await fetch(pathUrl(t.server.endpoint, u, '/'));
      assert.equal(throttled.status, 429);
      assert.deepEqual(await throttled.json(), { Message: 'Rate Exceeded.' });
    });

    it("serves an alias's URL with the alias's version and policy", async () => {
      await createFunction(t.lambda, 'url-alias', { 'index.js': 'exports.handler = async (e, ctx) => ({ statusCode: 200, body: ctx.functionVersion + " " + ctx.invokedFunctionArn });' });
      await t.lambda.send(new PublishVersionCommand({ FunctionName: 'url-alias' }));
      await t.lambda.send(new CreateAliasCommand({ FunctionName: 'url-alias', Name: 'live', FunctionVersion: '1' }));
      const u = (await t.lambda.send(new CreateFunctionUrlConfigCommand({ FunctionName: 'url-alias', Qualifier: 'live', AuthType: 'NONE' }))).FunctionUrl!;
      // The function's own policy does not open its alias's URL.
      await makePublic(t, 'url-alias');
      assert.equal((await fetch(pathUrl(t.server.endpoint, u, '/'))).status, 403);
      await makePublic(t, 'url-alias', 'live');
      const res = await fetch(pathUrl(t.server.endpoint, u, '/'));
      assert.equal(res.status, 200);
      assert.equal(await res.text(), `1 ${ARN}url-alias:live`);
    });
  });

  describe('AuthType AWS_IAM', () => {
    it('refuses unsigned and badly signed requests, and accepts a SigV4 signature for lambda', async () => {
      await createFunction(t.lambda, 'url-iam', { 'index.js': ECHO });
      const u = (await t.lambda.send(new CreateFunctionUrlConfigCommand({ FunctionName: 'url-iam', AuthType: 'AWS_IAM' }))).FunctionUrl!;
      const target = new URL(pathUrl(t.server.endpoint, u, '/signed?q=1'));
      const unsigned = await fetch(target);
      assert.equal(unsigned.status, 403);
      assert.deepEqual(await unsigned.json(), { Message: FORBIDDEN });
      const sign = async (secret: string, service = 'lambda') => {
        const signer = new SignatureV4({ service, region: 'us-east-1', credentials: { accessKeyId: 'test', secretAccessKey: secret }, sha256: Sha256 });
        const signed = await signer.sign({ method: 'GET', protocol: 'http:', hostname: target.hostname, port: Number(target.port), path: target.pathname, headers: { host: target.host }, query: { q: '1' } });
        return signed.headers as Record<string, string>;
      };
      const ok = await fetch(target, { headers: await sign('test') });
      assert.equal(ok.status, 201);
      const event = (await ok.json()) as Record<string, any>;
      assert.equal(event.requestContext.accountId, '000000000000');
      assert.deepEqual(event.requestContext.authorizer.iam, {
        accessKey: 'test',
        accountId: '000000000000',
        callerId: '000000000000',
        cognitoIdentity: null,
        principalOrgId: null,
        userArn: 'arn:aws:iam::000000000000:root',
        userId: '000000000000',
      });
      const bad = await fetch(target, { headers: await sign('wrong') });
      assert.equal(bad.status, 403);
      assert.match(((await bad.json()) as { Message: string }).Message, /signature we calculated does not match/);
      assert.equal((await fetch(target, { headers: await sign('test', 'execute-api') })).status, 403);
    });
  });

  describe('CORS', () => {
    it('answers preflight requests from the configuration without invoking, and adds the headers to responses', async () => {
      // The function would answer 418 to anything: a preflight answered 200 never reached it.
      await createFunction(t.lambda, 'url-cors', { 'index.js': 'exports.handler = async () => ({ statusCode: 418, headers: { "access-control-allow-origin": "https://evil.example" }, body: "fn" });' });
      const cors: Cors = { AllowOrigins: ['https://app.example'], AllowMethods: ['GET', 'POST'], AllowHeaders: ['x-custom'], ExposeHeaders: ['x-out'], MaxAge: 300, AllowCredentials: true };
      const u = (await t.lambda.send(new CreateFunctionUrlConfigCommand({ FunctionName: 'url-cors', AuthType: 'NONE', Cors: cors }))).FunctionUrl!;
      await makePublic(t, 'url-cors');
      const preflight = await fetch(pathUrl(t.server.endpoint, u, '/res'), {
        method: 'OPTIONS',
        headers: { Origin: 'https://app.example', 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'X-Custom' },
      });
      assert.equal(preflight.status, 200);
      assert.equal(preflight.headers.get('access-control-allow-origin'), 'https://app.example');
      assert.equal(preflight.headers.get('access-control-allow-methods'), 'GET,POST');
      assert.equal(preflight.headers.get('access-control-allow-headers'), 'x-custom');
      assert.equal(preflight.headers.get('access-control-max-age'), '300');
      assert.equal(preflight.headers.get('access-control-allow-credentials'), 'true');
      assert.equal(await preflight.text(), '');
      const other = await fetch(pathUrl(t.server.endpoint, u, '/res'), { method: 'OPTIONS', headers: { Origin: 'https://other.example', 'Access-Control-Request-Method': 'GET' } });
      assert.equal(other.status, 200);
      assert.equal(other.headers.get('access-control-allow-origin'), null);

      const actual = await fetch(pathUrl(t.server.endpoint, u, '/res'), { headers: { Origin: 'https://app.example' } });
      assert.equal(actual.status, 418);
      assert.equal(actual.headers.get('access-control-allow-origin'), 'https://app.example');
      assert.equal(actual.headers.get('access-control-expose-headers'), 'x-out');
      // Without a Cors configuration, an OPTIONS request is the function's.
      await t.lambda.send(new UpdateFunctionUrlConfigCommand({ FunctionName: 'url-cors', Cors: {} }));
      const passed = await fetch(pathUrl(t.server.endpoint, u, '/res'), { method: 'OPTIONS', headers: { Origin: 'https://app.example', 'Access-Control-Request-Method': 'GET' } });
      assert.equal(passed.status, 418);
      assert.equal(passed.headers.get('access-control-allow-origin'), 'https://evil.example');
    });
  });

  describe('response streaming', () => {
    let gate: Server;
    let opened = false;
    let waiting: (() => void) | undefined;
    const release = (): void => {
      opened = true;
      waiting?.();
    };
    let gatePort = 0;
    before(async () => {
      // The function waits at this gate after its first chunk, so the test sees that chunk while the function still runs.
      gate = createServer((_req, res) => {
        if (opened) res.end('go');
        else waiting = () => res.end('go');
      });
      await new Promise<void>((resolve) => gate.listen(0, '127.0.0.1', resolve));
      gatePort = (gate.address() as AddressInfo).port;
    });
    after(() => {
      gate.closeAllConnections();
      gate.close();
    });

    const STREAMING = `
exports.handler = awslambda.streamifyResponse(async (event, responseStream) => {
  const q = event.queryStringParameters || {};
  if (q.early) throw new Error('before any byte');
  if (q.plain) {
    responseStream.setContentType('text/plain');
    responseStream.write('one,');
    responseStream.end('two');
    return;
  }
  const stream = awslambda.HttpResponseStream.from(responseStream, { statusCode: 207, headers: { 'content-type': 'text/event-stream', 'x-streamed': 'yes' }, cookies: ['s=1'] });
  stream.write('chunk-0\\n');
  if (q.gate) await fetch(process.env.GATE);
  stream.write('chunk-1\\n');
  stream.end('chunk-2\\n');
});`;

    it('streams chunks to the client as the function writes them, after the prelude', async () => {
      await createFunction(t.lambda, 'url-stream', { 'index.js': STREAMING }, { Environment: { Variables: { GATE: `http://127.0.0.1:${gatePort}/` } }, Timeout: 30 });
      const u = (await t.lambda.send(new CreateFunctionUrlConfigCommand({ FunctionName: 'url-stream', AuthType: 'NONE', InvokeMode: 'RESPONSE_STREAM' }))).FunctionUrl!;
      await makePublic(t, 'url-stream');
      const id = new URL(u).hostname.split('.')[0];
      let received = '';
      let sawFirstBeforeGate = false;
      const res = await raw(t.server.port, `/_aws/lambda-url/${id}/?gate=1`, {
        onData: (c) => {
          received += c.toString();
          // The first chunk arrived while the function still waits at the gate: open it.
          if (received.startsWith('chunk-0\n') && !received.includes('chunk-1')) {
            sawFirstBeforeGate = true;
            release();
          }
        },
      });
      assert.ok(sawFirstBeforeGate);
      assert.equal(res.status, 207);
      assert.equal(res.headers['content-type'], 'text/event-stream');
      assert.equal(res.headers['x-streamed'], 'yes');
      assert.deepEqual(res.headers['set-cookie'], ['s=1']);
      assert.equal(res.headers['transfer-encoding'], 'chunked');
      assert.equal(res.body, 'chunk-0\nchunk-1\nchunk-2\n');

      const plain = await fetch(pathUrl(t.server.endpoint, u, '/?plain=1'));
      assert.equal(plain.status, 200);
      assert.equal(plain.headers.get('content-type'), 'text/plain');
      assert.equal(await plain.text(), 'one,two');
      const early = await fetch(pathUrl(t.server.endpoint, u, '/?early=1'));
      assert.equal(early.status, 502);
      assert.equal(await early.text(), 'Internal Server Error');
    });

    it('streams PayloadChunk events then InvokeComplete for InvokeWithResponseStream', async () => {
      const collect = async (payload: unknown, extra: { LogType?: 'Tail' } = {}) => {
        const out = await t.lambda.send(new InvokeWithResponseStreamCommand({ FunctionName: 'url-stream', Payload: Buffer.from(JSON.stringify(payload)), ...extra }));
        assert.equal(out.StatusCode, 200);
        assert.equal(out.ExecutedVersion, '$LATEST');
        const chunks: string[] = [];
        let complete: Record<string, unknown> | undefined;
        for await (const event of out.EventStream!) {
          if (event.PayloadChunk) chunks.push(Buffer.from(event.PayloadChunk.Payload!).toString('utf8'));
          if (event.InvokeComplete) complete = { ...event.InvokeComplete };
        }
        return { chunks, complete: complete! };
      };
      const plain = await collect({ queryStringParameters: { plain: '1' } });
      assert.equal(plain.chunks.join(''), 'one,two');
      assert.deepEqual(plain.complete, {});
      const failed = await collect({ queryStringParameters: { early: '1' } }, { LogType: 'Tail' });
      assert.deepEqual(failed.chunks, []);
      assert.equal(failed.complete.ErrorCode, 'Error');
      assert.equal(failed.complete.ErrorDetails, 'before any byte');
      assert.match(Buffer.from(String(failed.complete.LogResult), 'base64').toString('utf8'), /END RequestId/);
      // A function that does not stream answers in one chunk.
      const whole = await t.lambda.send(new InvokeWithResponseStreamCommand({ FunctionName: 'url-echo', Payload: Buffer.from('{"queryStringParameters":{"value":"[1,2]"}}') }));
      const parts: string[] = [];
      for await (const event of whole.EventStream!) if (event.PayloadChunk) parts.push(Buffer.from(event.PayloadChunk.Payload!).toString('utf8'));
      assert.deepEqual(parts, ['[1,2]']);
    });

    it('collects a streamed response for a plain Invoke', async () => {
      const out = await t.lambda.send(new InvokeCommand({ FunctionName: 'url-stream', Payload: Buffer.from(JSON.stringify({ queryStringParameters: { plain: '1' } })) }));
      assert.equal(out.FunctionError, undefined);
      assert.equal(text(out.Payload), 'one,two');
    });
  });
});
