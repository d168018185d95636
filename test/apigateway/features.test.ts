import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  CreateApiKeyCommand,
  CreateAuthorizerCommand,
  CreateModelCommand,
  CreateRequestValidatorCommand,
  CreateUsagePlanCommand,
  CreateUsagePlanKeyCommand,
  FlushStageCacheCommand,
  GetUsageCommand,
  TestInvokeMethodCommand,
  GetModelTemplateCommand,
  TestInvokeAuthorizerCommand,
  UpdateStageCommand,
  UpdateUsagePlanCommand,
  UpdateRestApiCommand,
  UpdateUsageCommand,
  ImportApiKeysCommand,
} from '@aws-sdk/client-api-gateway';
import { SignatureV4 } from '@smithy/signature-v4';
import { Sha256 } from '@aws-crypto/sha256-js';
import { http, startGateway, type Gateway } from './helpers.js';
import { ApiBuilder, lambdaProxy } from './build.js';
import { inputVariable, renderTemplate } from '../../src/services/apigateway/vtl.js';

const policy = (effect: string, resource: string, extra: Record<string, unknown> = {}) => ({
  principalId: 'user-1',
  policyDocument: { Version: '2012-10-17', Statement: [{ Action: 'execute-api:Invoke', Effect: effect, Resource: resource }] },
  ...extra,
});

describe('apigateway features', () => {
  let gw: Gateway;
  let hello: string;
  before(async () => {
    gw = await startGateway();
    hello = gw.lambda.add('hello', (event) => ({ statusCode: 200, body: JSON.stringify({ hello: 'world', authorizer: event.requestContext.authorizer ?? null, identity: event.requestContext.identity }) }));
  });
  after(async () => gw.stop());

  it('runs a VTL non-proxy Lambda integration with error selection patterns', async () => {
    const calc = gw.lambda.add('calc', (event) => {
      if (event.b === 0) throw new Error('DivideByZero: cannot divide');
      return { result: event.a / event.b, op: event.op };
    });
    const api = await ApiBuilder.create(gw.client, 'vtl');
    await api.method(
      '/div/{a}',
      'GET',
      {
        type: 'AWS',
        integrationHttpMethod: 'POST',
        uri: calc,
        requestTemplates: { 'application/json': '{"a": $input.params(\'a\'), "b": $util.parseJson($input.params(\'b\')), "op": "$util.urlEncode(\'a b&c\')"}' },
      },
      {},
      [
        { statusCode: '200', responseTemplates: { 'application/json': '#set($r = $input.path(\'$\'))\n{"value": $r.result, "op": "$r.op", "requestId": "$context.requestId"}' } },
        {
          statusCode: '400',
          selectionPattern: 'DivideByZero.*',
          responseTemplates: { 'application/json': '#set($context.responseOverride.header.X-Reason = "zero")\n{"error": "$util.escapeJavaScript($input.path(\'$.errorMessage\'))"}' },
        },
      ],
    );
    await api.deploy('dev');
    const ok = await http(gw.url(api.id, 'dev', '/div/9?b=3'));
    assert.equal(ok.status, 200);
    const body = ok.json();
    assert.equal(body.value, 3);
    assert.equal(body.op, 'a+b%26c');
    assert.equal(body.requestId, ok.headers['x-amzn-requestid']);
    const err = await http(gw.url(api.id, 'dev', '/div/9?b=0'));
    assert.equal(err.status, 400);
    assert.deepEqual(err.json(), { error: 'DivideByZero: cannot divide' });
    assert.equal(err.headers['x-reason'], 'zero');
  });

  it('authorizes with a TOKEN authorizer: allow, deny, unauthorized, cached', async () => {
    const auth = gw.lambda.add('token-auth', (event) => {
      if (event.authorizationToken === 'allow') return policy('Allow', event.methodArn, { context: { tier: 'gold', n: 1 } });
      if (event.authorizationToken === 'deny') return policy('Deny', event.methodArn);
      throw new Error('Unauthorized');
    });
    const api = await ApiBuilder.create(gw.client, 'token');
    const a = await gw.client.send(
      new CreateAuthorizerCommand({ restApiId: api.id, name: 'tok', type: 'TOKEN', authorizerUri: auth, identitySource: 'method.request.header.Authorization', authorizerResultTtlInSeconds: 300 }),
    );
    await api.method('/secure', 'GET', lambdaProxy(hello), { authorizationType: 'CUSTOM', authorizerId: a.id });
    await api.deploy('dev');
    const url = gw.url(api.id, 'dev', '/secure');
    const ok = await http(url, { headers: { authorization: 'allow' } });
    assert.equal(ok.status, 200);
    assert.deepEqual(ok.json().authorizer, { tier: 'gold', n: 1, principalId: 'user-1', integrationLatency: 0 });
    const before = gw.lambda.count('token-auth');
    const again = await http(url, { headers: { authorization: 'allow' } });
    assert.equal(again.status, 200);
    assert.equal(gw.lambda.count('token-auth'), before, 'the cached policy is used');
    const tested = await gw.client.send(new TestInvokeAuthorizerCommand({ restApiId: api.id, authorizerId: a.id, headers: { Authorization: 'allow' }, pathWithQueryString: '/secure' }));
    assert.equal(tested.clientStatus, 200);
    assert.equal(tested.principalId, 'user-1');
    assert.equal(JSON.parse(tested.policy!).Statement[0].Effect, 'Allow');
    assert.deepEqual(tested.authorization, { tier: ['gold'], n: ['1'] });
    const testedBad = await gw.client.send(new TestInvokeAuthorizerCommand({ restApiId: api.id, authorizerId: a.id, headers: { Authorization: 'nope' } }));
    assert.equal(testedBad.clientStatus, 401);
    const deny = await http(url, { headers: { authorization: 'deny' } });
    assert.equal(deny.status, 403);
    assert.deepEqual(deny.json(), { Message: 'User is not authorized to access this resource with an explicit deny' });
    assert.equal(deny.headers['x-amzn-errortype'], 'AccessDeniedException');
    const bad = await http(url, { headers: { authorization: 'other' } });
    assert.equal(bad.status, 401);
    assert.deepEqual(bad.json(), { message: 'Unauthorized' });
    const missing = await http(url);
    assert.equal(missing.status, 401);
    assert.deepEqual(missing.json(), { message: 'Unauthorized' });
    // the cache expires with the TTL on the platform clock
    gw.server.clock.advance(301_000);
    await http(url, { headers: { authorization: 'allow' } });
    assert.equal(gw.lambda.count('token-auth'), before + 5);
  });

  it('authorizes with a REQUEST authorizer using headers and query strings', async () => {
    const auth = gw.lambda.add('request-auth', (event) => {
      const ok = event.headers?.['X-User'] === 'alice' && event.queryStringParameters?.key === 'k1';
      return policy(ok ? 'Allow' : 'Deny', event.methodArn.replace(/\/[^/]+\/[^/]+$/, '/*/*'), { context: { user: event.headers?.['X-User'] } });
    });
    const api = await ApiBuilder.create(gw.client, 'request');
    const a = await gw.client.send(
      new CreateAuthorizerCommand({ restApiId: api.id, name: 'req', type: 'REQUEST', authorizerUri: auth, identitySource: 'method.request.header.X-User, method.request.querystring.key', authorizerResultTtlInSeconds: 60 }),
    );
    await api.method('/r', 'GET', lambdaProxy(hello), { authorizationType: 'CUSTOM', authorizerId: a.id });
    await api.deploy('dev');
    const ok = await http(gw.url(api.id, 'dev', '/r?key=k1'), { headers: { 'X-User': 'alice' } });
    assert.equal(ok.status, 200);
    assert.equal(ok.json().authorizer.user, 'alice');
    const event = gw.lambda.calls.filter((c) => c.name === 'request-auth').at(-1)!.event;
    assert.equal(event.type, 'REQUEST');
    assert.match(event.methodArn, new RegExp(`^arn:aws:execute-api:us-east-1:000000000000:${api.id}/dev/GET/r$`));
    const n = gw.lambda.count('request-auth');
    assert.equal((await http(gw.url(api.id, 'dev', '/r?key=k1'), { headers: { 'X-User': 'alice' } })).status, 200);
    assert.equal(gw.lambda.count('request-auth'), n, 'cached by identity sources');
    const deny = await http(gw.url(api.id, 'dev', '/r?key=k2'), { headers: { 'X-User': 'alice' } });
    assert.equal(deny.status, 403);
    const missing = await http(gw.url(api.id, 'dev', '/r'), { headers: { 'X-User': 'alice' } });
    assert.equal(missing.status, 401);
  });

  it('validates request bodies against models and required parameters', async () => {
    const api = await ApiBuilder.create(gw.client, 'validate');
    await gw.client.send(
      new CreateModelCommand({
        restApiId: api.id,
        name: 'Pet',
        contentType: 'application/json',
        schema: JSON.stringify({ $schema: 'http://json-schema.org/draft-04/schema#', type: 'object', required: ['name'], properties: { name: { type: 'string' }, age: { type: 'integer', minimum: 0 } } }),
      }),
    );
    const template = await gw.client.send(new GetModelTemplateCommand({ restApiId: api.id, modelName: 'Pet' }));
    const rendered = renderTemplate(template.value!, { input: inputVariable({ body: '{"name":"rex","age":3}', params: { path: {}, querystring: {}, header: {} } }), context: {}, stageVariables: {} });
    assert.deepEqual(JSON.parse(rendered), { name: 'rex', age: 3 });
    const v = await gw.client.send(new CreateRequestValidatorCommand({ restApiId: api.id, name: 'all', validateRequestBody: true, validateRequestParameters: true }));
    await api.method('/pets', 'POST', lambdaProxy(hello), { requestValidatorId: v.id, requestModels: { 'application/json': 'Pet' }, requestParameters: { 'method.request.header.x-tenant': true } });
    await api.deploy('dev');
    const url = gw.url(api.id, 'dev', '/pets');
    const good = await http(url, { method: 'POST', headers: { 'content-type': 'application/json', 'x-tenant': 't' }, body: '{"name":"rex","age":3}' });
    assert.equal(good.status, 200);
    const badBody = await http(url, { method: 'POST', headers: { 'content-type': 'application/json', 'x-tenant': 't' }, body: '{"age":-1}' });
    assert.equal(badBody.status, 400);
    assert.deepEqual(badBody.json(), { message: 'Invalid request body' });
    assert.equal(badBody.headers['x-amzn-errortype'], 'BadRequestException');
    const noHeader = await http(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"name":"rex"}' });
    assert.equal(noHeader.status, 400);
    assert.deepEqual(noHeader.json(), { message: 'Missing required request parameters: [x-tenant]' });
  });

  it('requires API keys and enforces usage plan rate limits and quotas', async () => {
    const api = await ApiBuilder.create(gw.client, 'keys');
    await api.method('/k', 'GET', lambdaProxy(hello), { apiKeyRequired: true });
    await api.deploy('dev');
    const key = await gw.client.send(new CreateApiKeyCommand({ name: 'k1', enabled: true }));
    assert.equal(key.value?.length, 40);
    const url = gw.url(api.id, 'dev', '/k');
    const noKey = await http(url);
    assert.equal(noKey.status, 403);
    assert.deepEqual(noKey.json(), { message: 'Forbidden' });
    // a key outside any usage plan of this stage is refused too
    assert.equal((await http(url, { headers: { 'x-api-key': key.value! } })).status, 403);
    const plan = await gw.client.send(new CreateUsagePlanCommand({ name: 'p', apiStages: [{ apiId: api.id, stage: 'dev' }], throttle: { rateLimit: 1, burstLimit: 2 }, quota: { limit: 5, period: 'DAY' } }));
    await gw.client.send(new CreateUsagePlanKeyCommand({ usagePlanId: plan.id, keyId: key.id, keyType: 'API_KEY' }));
    const call = () => http(url, { headers: { 'x-api-key': key.value! } });
    const r1 = await call();
    assert.equal(r1.status, 200);
    assert.equal(r1.json().identity.apiKeyId, key.id);
    assert.equal((await call()).status, 200);
    const throttled = await call();
    assert.equal(throttled.status, 429);
    assert.deepEqual(throttled.json(), { message: 'Too Many Requests' });
    // one token per second on the platform clock
    gw.server.clock.advance(1000);
    assert.equal((await call()).status, 200);
    gw.server.clock.advance(2000);
    assert.equal((await call()).status, 200);
    gw.server.clock.advance(2000);
    assert.equal((await call()).status, 200);
    gw.server.clock.advance(2000);
    const over = await call();
    assert.equal(over.status, 429);
    assert.deepEqual(over.json(), { message: 'Limit Exceeded' });
    assert.equal(over.headers['x-amzn-errortype'], 'LimitExceededException');
    const today = new Date(gw.server.clock.now()).toISOString().slice(0, 10);
    const usage = await gw.client.send(new GetUsageCommand({ usagePlanId: plan.id, keyId: key.id, startDate: today, endDate: today }));
    assert.deepEqual(usage.items?.[key.id!], [[5, 0]]);
    // raising the quota lets requests through again
    await gw.client.send(new UpdateUsagePlanCommand({ usagePlanId: plan.id, patchOperations: [{ op: 'replace', path: '/quota/limit', value: '10' }] }));
    assert.equal((await call()).status, 200);
    // UpdateUsage grants remaining requests in the current period
    gw.server.clock.advance(2000);
    assert.equal((await call()).status, 200);
    gw.server.clock.advance(2000);
    assert.equal((await call()).status, 200);
    gw.server.clock.advance(2000);
    assert.equal((await call()).status, 200);
    gw.server.clock.advance(2000);
    assert.equal((await call()).status, 200);
    gw.server.clock.advance(2000);
    assert.equal((await call()).status, 429);
    const granted = await gw.client.send(new UpdateUsageCommand({ usagePlanId: plan.id, keyId: key.id, patchOperations: [{ op: 'replace', path: '/remaining', value: '1' }] }));
    assert.deepEqual(granted.items?.[key.id!], [[9, 1]]);
    gw.server.clock.advance(2000);
    assert.equal((await call()).status, 200);
  });

  it('imports API keys from CSV and throttles by stage method settings', async () => {
    const imported = await gw.client.send(new ImportApiKeysCommand({ format: 'csv', body: Buffer.from('Name,Key,Enabled\nimported,abcdefghijklmnopqrstuvwxyz,true\nshort,abc,true\n') }));
    assert.equal(imported.ids?.length, 1);
    assert.equal(imported.warnings?.length, 1);
    const api = await ApiBuilder.create(gw.client, 'stage-throttle');
    await api.method('/t', 'GET', lambdaProxy(hello));
    await api.deploy('dev');
    await gw.client.send(
      new UpdateStageCommand({
        restApiId: api.id,
        stageName: 'dev',
        patchOperations: [
          { op: 'replace', path: '/~1t/GET/throttling/rateLimit', value: '1' },
          { op: 'replace', path: '/~1t/GET/throttling/burstLimit', value: '1' },
        ],
      }),
    );
    assert.equal((await http(gw.url(api.id, 'dev', '/t'))).status, 200);
    const limited = await http(gw.url(api.id, 'dev', '/t'));
    assert.equal(limited.status, 429);
    assert.deepEqual(limited.json(), { message: 'Too Many Requests' });
    assert.equal(limited.headers['x-amzn-errortype'], 'TooManyRequestsException');
    gw.server.clock.advance(1000);
    assert.equal((await http(gw.url(api.id, 'dev', '/t'))).status, 200);
  });

  it('serves cached GET responses without reaching the function, by cache key parameters and TTL', async () => {
    const counter = gw.lambda.add('counter', (event) => ({ statusCode: 200, body: JSON.stringify({ id: event.queryStringParameters?.id ?? null, n: gw.lambda.count('counter') }) }));
    const api = await ApiBuilder.create(gw.client, 'cache');
    await api.method('/c', 'GET', { ...lambdaProxy(counter), cacheKeyParameters: ['method.request.querystring.id'] }, { requestParameters: { 'method.request.querystring.id': false } });
    await api.deploy('dev');
    await gw.client.send(
      new UpdateStageCommand({
        restApiId: api.id,
        stageName: 'dev',
        patchOperations: [
          { op: 'replace', path: '/cacheClusterEnabled', value: 'true' },
          { op: 'replace', path: '/*/*/caching/enabled', value: 'true' },
          { op: 'replace', path: '/*/*/caching/ttlInSeconds', value: '60' },
        ],
      }),
    );
    const first = await http(gw.url(api.id, 'dev', '/c?id=1'));
    const second = await http(gw.url(api.id, 'dev', '/c?id=1'));
    assert.equal(first.status, 200);
    assert.equal(second.text, first.text);
    assert.equal(gw.lambda.count('counter'), 1, 'the second call is served from the cache');
    await http(gw.url(api.id, 'dev', '/c?id=2'));
    assert.equal(gw.lambda.count('counter'), 2, 'another cache key reaches the function');
    gw.server.clock.advance(61_000);
    await http(gw.url(api.id, 'dev', '/c?id=1'));
    assert.equal(gw.lambda.count('counter'), 3, 'the entry expired');
    await gw.client.send(new FlushStageCacheCommand({ restApiId: api.id, stageName: 'dev' }));
    await http(gw.url(api.id, 'dev', '/c?id=1'));
    assert.equal(gw.lambda.count('counter'), 4, 'flushed');
  });

  it('requires a valid SigV4 signature for AWS_IAM methods', async () => {
    const api = await ApiBuilder.create(gw.client, 'iam');
    await api.method('/iam', 'GET', lambdaProxy(hello), { authorizationType: 'AWS_IAM' });
    await api.deploy('dev');
    const url = new URL(gw.url(api.id, 'dev', '/iam'));
    const unsigned = await http(url.toString());
    assert.equal(unsigned.status, 403);
    assert.deepEqual(unsigned.json(), { message: 'Missing Authentication Token' });
    const sign = async (secret: string) => {
      const signer = new SignatureV4({ service: 'execute-api', region: 'us-east-1', credentials: { accessKeyId: 'test', secretAccessKey: secret }, sha256: Sha256 });
      const signed = await signer.sign({ method: 'GET', protocol: 'http:', hostname: url.hostname, port: Number(url.port), path: url.pathname, headers: { host: url.host }, query: {} });
      return signed.headers as Record<string, string>;
    };
    const ok = await http(url.toString(), { headers: await sign('test') });
    assert.equal(ok.status, 200);
    assert.equal(ok.json().identity.accessKey, 'test');
    const bad = await http(url.toString(), { headers: await sign('wrong') });
    assert.equal(bad.status, 403);
    assert.match(bad.json().message, /signature we calculated does not match/);
  });

  it('evaluates resource policies with source IP conditions', async () => {
    const api = await ApiBuilder.create(gw.client, 'policy');
    await api.method('/p', 'GET', lambdaProxy(hello));
    const setPolicy = async (statements: unknown[]) => {
      await gw.client.send(new UpdateRestApiCommand({ restApiId: api.id, patchOperations: [{ op: 'replace', path: '/policy', value: JSON.stringify({ Version: '2012-10-17', Statement: statements }) }] }));
      await api.deploy('dev');
    };
    const allowAll = { Effect: 'Allow', Principal: '*', Action: 'execute-api:Invoke', Resource: 'execute-api:/*' };
    await setPolicy([allowAll, { Effect: 'Deny', Principal: '*', Action: 'execute-api:Invoke', Resource: 'execute-api:/*/GET/p', Condition: { IpAddress: { 'aws:SourceIp': ['127.0.0.0/8'] } } }]);
    const denied = await http(gw.url(api.id, 'dev', '/p'));
    assert.equal(denied.status, 403);
    assert.deepEqual(denied.json(), { Message: `User: anonymous is not authorized to perform: execute-api:Invoke on resource: arn:aws:execute-api:us-east-1:********0000:${api.id}/dev/GET/p with an explicit deny` });
    await setPolicy([{ ...allowAll, Condition: { IpAddress: { 'aws:SourceIp': '10.0.0.0/8' } } }]);
    const notAllowed = await http(gw.url(api.id, 'dev', '/p'));
    assert.equal(notAllowed.status, 403);
    assert.match(notAllowed.json().Message, /is not authorized to perform: execute-api:Invoke on resource: .*\/dev\/GET\/p$/);
    await setPolicy([allowAll, { Effect: 'Deny', Principal: '*', Action: 'execute-api:Invoke', Resource: 'execute-api:/*', Condition: { NotIpAddress: { 'aws:SourceIp': ['127.0.0.1'] } } }]);
    assert.equal((await http(gw.url(api.id, 'dev', '/p'))).status, 200);
  });

  it('runs TestInvokeMethod against the undeployed API', async () => {
    const api = await ApiBuilder.create(gw.client, 'test-invoke');
    const rid = await api.method('/t/{x}', 'POST', { type: 'MOCK', requestTemplates: { 'application/json': '{"statusCode": 202}' } }, {}, [
      { statusCode: '202', responseTemplates: { 'application/json': '{"x": "$input.params(\'x\')", "q": "$input.params(\'q\')", "s": "$stageVariables.s"}' } },
    ]);
    const out = await gw.client.send(new TestInvokeMethodCommand({ restApiId: api.id, resourceId: rid, httpMethod: 'POST', pathWithQueryString: '/t/abc?q=1', body: '{}', stageVariables: { s: 'v' } }));
    assert.equal(out.status, 202);
    assert.deepEqual(JSON.parse(out.body!), { x: 'abc', q: '1', s: 'v' });
    assert.match(out.log!, /Method completed with status: 202/);
  });
});
