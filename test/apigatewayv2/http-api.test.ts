import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { CreateApiCommand, CreateIntegrationCommand, CreateRouteCommand, CreateStageCommand, DeleteApiCommand } from '@aws-sdk/client-apigatewayv2';
import { createFunction } from '../lambda/helpers.js';
import { fnArn, http, startEnv, type Env } from './helpers.js';

const HANDLER = `
exports.handler = async (event) => {
  const path = event.rawPath ?? event.path;
  if (path.endsWith('/fail')) throw new Error('boom');
  if (path.endsWith('/slow')) { await new Promise((r) => setTimeout(r, 2000)); return { statusCode: 200, body: 'late' }; }
  if (path.endsWith('/plain')) return { hello: 'world' };
  if (path.endsWith('/text')) return 'just text';
  if (path.endsWith('/bin')) return { statusCode: 200, headers: { 'content-type': 'application/octet-stream' }, body: Buffer.from([0, 1, 2]).toString('base64'), isBase64Encoded: true };
  if (event.version === '1.0') return { statusCode: 201, multiValueHeaders: { 'x-m': ['1', '2'] }, body: JSON.stringify(event) };
  return { statusCode: 200, headers: { 'x-custom': 'yes' }, cookies: ['a=1', 'b=2'], body: JSON.stringify(event) };
};`;

describe('apigatewayv2 HTTP APIs with Lambda proxy integrations', () => {
  let env: Env;
  let quick: string;
  let api: string;
  before(async () => {
    env = await startEnv();
    await createFunction(env.lambda, 'echo', { 'index.js': HANDLER }, { Timeout: 10 });
    quick = (await env.v2.send(new CreateApiCommand({ Name: 'quick', ProtocolType: 'HTTP', Target: fnArn('echo') }))).ApiId!;
    api = (await env.v2.send(new CreateApiCommand({ Name: 'routes', ProtocolType: 'HTTP' }))).ApiId!;
    const v2 = await env.v2.send(new CreateIntegrationCommand({ ApiId: api, IntegrationType: 'AWS_PROXY', IntegrationUri: fnArn('echo'), PayloadFormatVersion: '2.0' }));
    const v1 = await env.v2.send(new CreateIntegrationCommand({ ApiId: api, IntegrationType: 'AWS_PROXY', IntegrationUri: fnArn('echo'), PayloadFormatVersion: '1.0' }));
    const short = await env.v2.send(
      new CreateIntegrationCommand({ ApiId: api, IntegrationType: 'AWS_PROXY', IntegrationUri: fnArn('echo'), PayloadFormatVersion: '2.0', TimeoutInMillis: 200 }),
    );
    for (const key of ['GET /pets', 'GET /pets/{id}', 'ANY /pets/{proxy+}', 'GET /pets/{id}/toys/{toy}', 'POST /pets/dog', 'ANY /pets/dog']) {
      await env.v2.send(new CreateRouteCommand({ ApiId: api, RouteKey: key, Target: `integrations/${v2.IntegrationId}` }));
    }
    await env.v2.send(new CreateRouteCommand({ ApiId: api, RouteKey: 'ANY /v1/{proxy+}', Target: `integrations/${v1.IntegrationId}` }));
    await env.v2.send(new CreateRouteCommand({ ApiId: api, RouteKey: 'GET /timeout/slow', Target: `integrations/${short.IntegrationId}` }));
    await env.v2.send(new CreateStageCommand({ ApiId: api, StageName: 'dev', AutoDeploy: true, StageVariables: { color: 'blue' } }));
  });
  after(() => env.stop());

  it('serves a quick-created API on the $default stage, without a stage segment, by host name and by path', async () => {
    const byHost = env.host(quick, '/anything?x=1');
    const r = await http(byHost.url, { headers: byHost.headers });
    assert.equal(r.status, 200);
    const event = r.json();
    assert.equal(event.routeKey, '$default');
    assert.equal(event.rawPath, '/anything');
    assert.equal(event.requestContext.stage, '$default');
    assert.ok(r.headers['apigw-requestid']);
    const byPath = await http(`${env.server.endpoint}/_aws/execute-api/${quick}/other`);
    assert.equal(byPath.status, 200);
    assert.equal(byPath.json().rawPath, '/other');
    const aws = await http(`${env.server.endpoint}/x`, { headers: { host: `${quick}.execute-api.us-east-1.amazonaws.com` } });
    assert.equal(aws.status, 200);
  });

  it('sends the payload 2.0 event exactly as AWS documents it', async () => {
    const { url, headers } = env.host(api, '/dev/pets/7/toys/ball?a=1&a=2&b=x%20y');
    const r = await http(url, {
      method: 'GET',
      headers: { ...headers, cookie: 'c1=v1; c2=v2', 'x-multi': 'one', 'user-agent': 'tester/1', 'content-type': 'text/plain' },
    });
    assert.equal(r.status, 200);
    assert.equal(r.headers['x-custom'], 'yes');
    assert.deepEqual(r.headers['set-cookie'], ['a=1', 'b=2']);
    const e = r.json();
    assert.deepEqual(Object.keys(e).sort(), ['cookies', 'headers', 'isBase64Encoded', 'pathParameters', 'queryStringParameters', 'rawPath', 'rawQueryString', 'requestContext', 'routeKey', 'stageVariables', 'version']);
    assert.equal(e.version, '2.0');
    assert.equal(e.routeKey, 'GET /pets/{id}/toys/{toy}');
    assert.equal(e.rawPath, '/dev/pets/7/toys/ball');
    assert.equal(e.rawQueryString, 'a=1&a=2&b=x%20y');
    assert.deepEqual(e.cookies, ['c1=v1', 'c2=v2']);
    assert.equal(e.headers['x-multi'], 'one');
    assert.equal(e.headers['user-agent'], 'tester/1');
    assert.equal(e.headers.cookie, undefined);
    assert.deepEqual(e.queryStringParameters, { a: '1,2', b: 'x y' });
    assert.deepEqual(e.pathParameters, { id: '7', toy: 'ball' });
    assert.deepEqual(e.stageVariables, { color: 'blue' });
    assert.equal(e.isBase64Encoded, false);
    const rc = e.requestContext;
    assert.deepEqual(Object.keys(rc).sort(), ['accountId', 'apiId', 'domainName', 'domainPrefix', 'http', 'requestId', 'routeKey', 'stage', 'time', 'timeEpoch']);
    assert.equal(rc.accountId, '000000000000');
    assert.equal(rc.apiId, api);
    assert.equal(rc.domainName, `${api}.execute-api.us-east-1.amazonaws.com`);
    assert.equal(rc.domainPrefix, api);
    assert.deepEqual(Object.keys(rc.http).sort(), ['method', 'path', 'protocol', 'sourceIp', 'userAgent']);
    assert.equal(rc.http.method, 'GET');
    assert.equal(rc.http.path, '/dev/pets/7/toys/ball');
    assert.equal(rc.http.protocol, 'HTTP/1.1');
    assert.equal(rc.http.sourceIp, '127.0.0.1');
    assert.equal(rc.http.userAgent, 'tester/1');
    assert.equal(rc.routeKey, 'GET /pets/{id}/toys/{toy}');
    assert.equal(rc.stage, 'dev');
    assert.match(rc.time, /^\d{2}\/[A-Z][a-z]{2}\/\d{4}:\d{2}:\d{2}:\d{2} \+0000$/);
    assert.equal(typeof rc.timeEpoch, 'number');
  });

  it('passes bodies as text or base64 by content type', async () => {
    const text = await http(`${env.server.endpoint}/_aws/execute-api/${api}/dev/pets/dog`, { method: 'POST', body: '{"a":1}', headers: { 'content-type': 'application/json' } });
    assert.equal(text.json().body, '{"a":1}');
    assert.equal(text.json().isBase64Encoded, false);
    const bin = await http(`${env.server.endpoint}/_aws/execute-api/${api}/dev/pets/dog`, { method: 'POST', body: Buffer.from([255, 0, 1]), headers: { 'content-type': 'image/png' } });
    assert.equal(bin.json().body, Buffer.from([255, 0, 1]).toString('base64'));
    assert.equal(bin.json().isBase64Encoded, true);
  });

  it('matches routes with AWS precedence: exact path, then parameters, then greedy; method over ANY', async () => {
    const route = async (method: string, path: string): Promise<unknown> => {
      const r = await http(`${env.server.endpoint}/_aws/execute-api/${api}/dev${path}`, { method });
      return r.status === 200 ? r.json().routeKey : r.status;
    };
    assert.equal(await route('GET', '/pets'), 'GET /pets');
    assert.equal(await route('GET', '/pets/1'), 'GET /pets/{id}');
    // A full path match (even of ANY) wins over a path parameter.
    assert.equal(await route('GET', '/pets/dog'), 'ANY /pets/dog');
    assert.equal(await route('GET', '/pets/cat'), 'GET /pets/{id}');
    assert.equal(await route('POST', '/pets/dog'), 'POST /pets/dog');
    assert.equal(await route('PUT', '/pets/dog'), 'ANY /pets/dog');
    assert.equal(await route('DELETE', '/pets/1'), 'ANY /pets/{proxy+}');
    assert.equal(await route('GET', '/pets/1/toys'), 'ANY /pets/{proxy+}');
    assert.equal(await route('GET', '/pets/1/toys/2'), 'GET /pets/{id}/toys/{toy}');
    assert.equal(await route('POST', '/pets'), 404);
    const notFound = await http(`${env.server.endpoint}/_aws/execute-api/${api}/dev/nothing`);
    assert.equal(notFound.status, 404);
    assert.deepEqual(notFound.json(), { message: 'Not Found' });
    // No $default stage: a path without a stage is not found.
    assert.equal((await http(`${env.server.endpoint}/_aws/execute-api/${api}/pets`)).status, 404);
  });

  it('sends the payload 1.0 event and reads the 1.0 response', async () => {
    const r = await http(`${env.server.endpoint}/_aws/execute-api/${api}/dev/v1/a/b?q=1&q=2`, { method: 'PUT', body: 'hi', headers: { 'x-h': 'v', 'content-type': 'text/plain' } });
    assert.equal(r.status, 201);
    assert.equal(r.headers['x-m'], '1, 2');
    const e = r.json();
    assert.deepEqual(Object.keys(e).sort(), [
      'body',
      'headers',
      'httpMethod',
      'isBase64Encoded',
      'multiValueHeaders',
      'multiValueQueryStringParameters',
      'path',
      'pathParameters',
      'queryStringParameters',
      'requestContext',
      'resource',
      'stageVariables',
      'version',
    ]);
    assert.equal(e.version, '1.0');
    assert.equal(e.resource, '/v1/{proxy+}');
    assert.equal(e.path, '/dev/v1/a/b');
    assert.equal(e.httpMethod, 'PUT');
    assert.equal(e.headers['x-h'], 'v');
    assert.deepEqual(e.multiValueHeaders['x-h'], ['v']);
    assert.deepEqual(e.queryStringParameters, { q: '2' });
    assert.deepEqual(e.multiValueQueryStringParameters, { q: ['1', '2'] });
    assert.deepEqual(e.pathParameters, { proxy: 'a/b' });
    assert.deepEqual(e.stageVariables, { color: 'blue' });
    assert.equal(e.body, 'hi');
    assert.equal(e.requestContext.httpMethod, 'PUT');
    assert.equal(e.requestContext.identity.sourceIp, '127.0.0.1');
    assert.equal(e.requestContext.stage, 'dev');
    assert.deepEqual(e.requestContext.authorizer, { claims: null, scopes: null });
  });

  it('infers 2.0 responses: a plain object or string is a 200 JSON body; base64 bodies are decoded', async () => {
    const plain = await http(`${env.server.endpoint}/_aws/execute-api/${quick}/plain`);
    assert.equal(plain.status, 200);
    assert.equal(plain.headers['content-type'], 'application/json');
    assert.deepEqual(plain.json(), { hello: 'world' });
    const text = await http(`${env.server.endpoint}/_aws/execute-api/${quick}/text`);
    assert.equal(text.status, 200);
    assert.equal(text.text, '"just text"');
    const bin = await http(`${env.server.endpoint}/_aws/execute-api/${quick}/bin`);
    assert.deepEqual([...bin.body], [0, 1, 2]);
  });

  it('answers 500 for a function error and 503 when the integration times out', async () => {
    const fail = await http(`${env.server.endpoint}/_aws/execute-api/${quick}/fail`);
    assert.equal(fail.status, 500);
    assert.deepEqual(fail.json(), { message: 'Internal Server Error' });
    const slow = await http(`${env.server.endpoint}/_aws/execute-api/${api}/dev/timeout/slow`);
    assert.equal(slow.status, 503);
    assert.deepEqual(slow.json(), { message: 'Service Unavailable' });
  });

  it('answers CORS preflights from the API configuration', async () => {
    const { ApiId } = await env.v2.send(
      new CreateApiCommand({
        Name: 'cors',
        ProtocolType: 'HTTP',
        Target: fnArn('echo'),
        CorsConfiguration: { AllowOrigins: ['https://app.example'], AllowMethods: ['GET', 'POST'], AllowHeaders: ['content-type'], ExposeHeaders: ['x-custom'], MaxAge: 300, AllowCredentials: true },
      }),
    );
    const pre = await http(`${env.server.endpoint}/_aws/execute-api/${ApiId}/x`, {
      method: 'OPTIONS',
      headers: { origin: 'https://app.example', 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
    });
    assert.equal(pre.status, 204);
    assert.equal(pre.headers['access-control-allow-origin'], 'https://app.example');
    assert.equal(pre.headers['access-control-allow-methods'], 'GET,POST');
    assert.equal(pre.headers['access-control-allow-headers'], 'content-type');
    assert.equal(pre.headers['access-control-allow-credentials'], 'true');
    assert.equal(pre.headers['access-control-max-age'], '300');
    const other = await http(`${env.server.endpoint}/_aws/execute-api/${ApiId}/x`, { method: 'OPTIONS', headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' } });
    assert.equal(other.status, 204);
    assert.equal(other.headers['access-control-allow-origin'], undefined);
    const get = await http(`${env.server.endpoint}/_aws/execute-api/${ApiId}/x`, { headers: { origin: 'https://app.example' } });
    assert.equal(get.headers['access-control-allow-origin'], 'https://app.example');
    assert.equal(get.headers['access-control-expose-headers'], 'x-custom');
  });

  it('stops serving a deleted API', async () => {
    const { ApiId } = await env.v2.send(new CreateApiCommand({ Name: 'gone', ProtocolType: 'HTTP', Target: fnArn('echo') }));
    assert.equal((await http(`${env.server.endpoint}/_aws/execute-api/${ApiId}/x`)).status, 200);
    await env.v2.send(new DeleteApiCommand({ ApiId }));
    const r = await http(`${env.server.endpoint}/_aws/execute-api/${ApiId}/x`);
    assert.notEqual(r.status, 200);
  });
});
