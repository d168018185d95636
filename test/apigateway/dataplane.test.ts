import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import { gunzipSync } from 'node:zlib';
import { createServer as createHttpsServer } from 'node:https';
import { X509Certificate } from 'node:crypto';
import { selfSigned } from '../../src/services/apigateway/control/certificates.js';
import type { AddressInfo } from 'node:net';
import { CreateVpcLinkCommand, GetVpcLinksCommand, PutIntegrationCommand, GenerateClientCertificateCommand, CreateBasePathMappingCommand, CreateDeploymentCommand, CreateDomainNameCommand, DeleteDomainNameCommand, GetBasePathMappingsCommand, GetStageCommand, PutGatewayResponseCommand, PutIntegrationResponseCommand, UpdateRestApiCommand, UpdateStageCommand } from '@aws-sdk/client-api-gateway';
import { http, startGateway, type Gateway } from './helpers.js';
import { ApiBuilder, lambdaProxy } from './build.js';

describe('apigateway data plane', () => {
  let gw: Gateway;
  let backend: Server;
  let backendUrl: string;
  const seen: { method: string; url: string; headers: Record<string, unknown>; body: string }[] = [];

  before(async () => {
    gw = await startGateway();
    backend = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const body = Buffer.concat(chunks).toString('utf8');
        seen.push({ method: req.method!, url: req.url!, headers: req.headers, body });
        if (req.url?.startsWith('/slow')) return; // never answers
        res.writeHead(req.url?.includes('/missing') ? 404 : 200, { 'content-type': 'application/json', 'x-backend': 'yes' });
        res.end(JSON.stringify({ path: req.url, method: req.method, body }));
      });
    });
    await new Promise<void>((r) => backend.listen(0, '127.0.0.1', r));
    backendUrl = `http://127.0.0.1:${(backend.address() as AddressInfo).port}`;
  });
  after(async () => {
    backend.closeAllConnections();
    await new Promise<void>((r) => backend.close(() => r()));
    await gw.stop();
  });

  it('serves a MOCK integration and CORS preflight through OPTIONS mock', async () => {
    const api = await ApiBuilder.create(gw.client, 'mock');
    await api.method('/hello', 'GET', { type: 'MOCK', requestTemplates: { 'application/json': '{"statusCode": 200}' } }, {}, [
      { statusCode: '200', responseTemplates: { 'application/json': '{"hello": "$input.params(\'name\')", "stage": "$context.stage", "v": "$stageVariables.v"}' } },
    ]);
    await api.method('/hello', 'OPTIONS', { type: 'MOCK', requestTemplates: { 'application/json': '{"statusCode": 200}' } }, {}, [
      {
        statusCode: '200',
        responseParameters: {
          'method.response.header.Access-Control-Allow-Origin': "'*'",
          'method.response.header.Access-Control-Allow-Methods': "'GET,OPTIONS'",
          'method.response.header.Access-Control-Allow-Headers': "'Content-Type,X-Api-Key'",
        },
      },
    ]);
    await api.deploy('dev', { v: 'one' });
    const r = await http(gw.url(api.id, 'dev', '/hello?name=bob'));
    assert.equal(r.status, 200);
    assert.deepEqual(r.json(), { hello: 'bob', stage: 'dev', v: 'one' });
    assert.match(String(r.headers['x-amzn-requestid']), /^[0-9a-f-]{36}$/);
    const pre = await http(gw.url(api.id, 'dev', '/hello'), { method: 'OPTIONS', headers: { origin: 'http://x', 'access-control-request-method': 'GET' } });
    assert.equal(pre.status, 200);
    assert.equal(pre.headers['access-control-allow-origin'], '*');
    assert.equal(pre.headers['access-control-allow-methods'], 'GET,OPTIONS');
  });

  it('answers AWS error bodies for unknown routes, methods and stages', async () => {
    const api = await ApiBuilder.create(gw.client, 'errors');
    await api.method('/a', 'GET', { type: 'MOCK', requestTemplates: { 'application/json': '{"statusCode": 200}' } }, {}, [{ statusCode: '200' }]);
    await api.deploy('prod');
    const unknown = await http(gw.url(api.id, 'prod', '/nope'));
    assert.equal(unknown.status, 403);
    assert.deepEqual(unknown.json(), { message: 'Missing Authentication Token' });
    assert.equal(unknown.headers['x-amzn-errortype'], 'MissingAuthenticationTokenException');
    const wrongVerb = await http(gw.url(api.id, 'prod', '/a'), { method: 'POST', body: '{}' });
    assert.equal(wrongVerb.status, 403);
    assert.deepEqual(wrongVerb.json(), { message: 'Missing Authentication Token' });
    const tooLarge = await http(gw.url(api.id, 'prod', '/a'), { method: 'POST', body: Buffer.alloc(10 * 1024 * 1024 + 1, 97) });
    assert.equal(tooLarge.status, 413);
    assert.deepEqual(tooLarge.json(), { message: 'Request Too Long' });
    const noStage = await http(gw.url(api.id, 'nostage', '/a'));
    assert.equal(noStage.status, 403);
    assert.deepEqual(noStage.json(), { message: 'Forbidden' });
    // a custom gateway response for the type, then a redeploy
    await gw.client.send(
      new PutGatewayResponseCommand({
        restApiId: api.id,
        responseType: 'MISSING_AUTHENTICATION_TOKEN',
        statusCode: '404',
        responseTemplates: { 'application/json': '{"error":"not found","type":"$context.error.responseType"}' },
        responseParameters: { 'gatewayresponse.header.x-custom': "'yes'" },
      }),
    );
    await api.deploy('prod');
    const custom = await http(gw.url(api.id, 'prod', '/nope'));
    assert.equal(custom.status, 404);
    assert.deepEqual(custom.json(), { error: 'not found', type: 'MISSING_AUTHENTICATION_TOKEN' });
    assert.equal(custom.headers['x-custom'], 'yes');
  });

  it('passes the REST v1 Lambda proxy event and maps the proxy response', async () => {
    const uri = gw.lambda.add('echo', (event) => ({
      statusCode: 201,
      headers: { 'content-type': 'application/json', 'x-one': 'a' },
      multiValueHeaders: { 'set-cookie': ['a=1', 'b=2'] },
      body: JSON.stringify({ event }),
    }));
    const api = await ApiBuilder.create(gw.client, 'proxy');
    await api.method('/items/{id}', 'POST', lambdaProxy(uri));
    await api.method('/{proxy+}', 'ANY', lambdaProxy(uri));
    await api.deploy('v1', { color: 'blue' });
    const r = await http(gw.url(api.id, 'v1', '/items/42?x=1&x=2&y=3'), { method: 'POST', headers: { 'content-type': 'application/json', 'X-Multi': ['p', 'q'] }, body: '{"a":1}' });
    assert.equal(r.status, 201);
    assert.equal(r.headers['x-one'], 'a');
    assert.deepEqual(r.headers['set-cookie'], ['a=1', 'b=2']);
    const { event } = r.json();
    assert.equal(event.resource, '/items/{id}');
    assert.equal(event.path, '/items/42');
    assert.equal(event.httpMethod, 'POST');
    assert.deepEqual(event.pathParameters, { id: '42' });
    assert.deepEqual(event.queryStringParameters, { x: '2', y: '3' });
    assert.deepEqual(event.multiValueQueryStringParameters, { x: ['1', '2'], y: ['3'] });
    assert.deepEqual(event.multiValueHeaders['X-Multi'], ['p', 'q']);
    assert.equal(event.headers['X-Multi'], 'q');
    assert.equal(event.headers['X-Forwarded-For'], '127.0.0.1');
    assert.equal(event.headers['X-Forwarded-Proto'], 'http');
    assert.equal(event.headers['X-Forwarded-Port'], String(gw.server.port));
    assert.match(event.headers['X-Amzn-Trace-Id'], /^Root=1-[0-9a-f]{8}-[0-9a-f]{24}$/);
    assert.equal(r.headers['x-amzn-trace-id'], event.headers['X-Amzn-Trace-Id']);
    assert.deepEqual(event.stageVariables, { color: 'blue' });
    assert.equal(event.body, '{"a":1}');
    assert.equal(event.isBase64Encoded, false);
    assert.equal(event.requestContext.stage, 'v1');
    assert.equal(event.requestContext.resourcePath, '/items/{id}');
    assert.equal(event.requestContext.path, '/v1/items/42');
    assert.equal(event.requestContext.apiId, api.id);
    assert.equal(event.requestContext.accountId, '000000000000');
    assert.equal(event.requestContext.identity.sourceIp, '127.0.0.1');
    assert.match(event.requestContext.requestId, /^[0-9a-f-]{36}$/);
    // greedy proxy with most-specific-wins
    const g = await http(gw.url(api.id, 'v1', '/deep/er/path'), { method: 'DELETE' });
    const ge = g.json().event;
    assert.equal(ge.resource, '/{proxy+}');
    assert.deepEqual(ge.pathParameters, { proxy: 'deep/er/path' });
    assert.equal(ge.body, null);
    assert.equal(ge.queryStringParameters, null);
  });

  it('handles binary media types with base64 both ways', async () => {
    const uri = gw.lambda.add('binary', (event) => ({
      statusCode: 200,
      headers: { 'content-type': 'image/png' },
      body: Buffer.from(Buffer.from(event.body, 'base64').reverse()).toString('base64'),
      isBase64Encoded: true,
    }));
    const api = await ApiBuilder.create(gw.client, 'binary', { binaryMediaTypes: ['image/png'] });
    await api.method('/img', 'POST', lambdaProxy(uri));
    await api.deploy('dev');
    const input = Buffer.from([0, 1, 2, 250, 255]);
    const r = await http(gw.url(api.id, 'dev', '/img'), { method: 'POST', headers: { 'content-type': 'image/png', accept: 'image/png' }, body: input });
    assert.equal(r.status, 200);
    assert.deepEqual([...r.body], [255, 250, 2, 1, 0]);
    const event = gw.lambda.calls.filter((c) => c.name === 'binary').at(-1)!.event;
    assert.equal(event.isBase64Encoded, true);
    // without a matching Accept the base64 text is returned as is
    const t = await http(gw.url(api.id, 'dev', '/img'), { method: 'POST', headers: { 'content-type': 'image/png', accept: 'application/json' }, body: input });
    assert.equal(t.text, Buffer.from([255, 250, 2, 1, 0]).toString('base64'));
  });

  it('answers 502 Internal server error for malformed proxy responses and function errors', async () => {
    const bad = gw.lambda.add('bad', () => ({ statusCode: 200, body: { not: 'a string' } }));
    const extra = gw.lambda.add('extra', () => ({ statusCode: 200, body: 'x', unexpected: true }));
    const boom = gw.lambda.add('boom', () => {
      throw new Error('kaput');
    });
    const api = await ApiBuilder.create(gw.client, 'malformed');
    await api.method('/bad', 'GET', lambdaProxy(bad));
    await api.method('/extra', 'GET', lambdaProxy(extra));
    await api.method('/boom', 'GET', lambdaProxy(boom));
    await api.method('/missing', 'GET', lambdaProxy(bad.replace('function:bad', 'function:absent')));
    await api.deploy('dev');
    for (const p of ['/bad', '/extra', '/boom']) {
      const r = await http(gw.url(api.id, 'dev', p));
      assert.equal(r.status, 502, p);
      assert.deepEqual(r.json(), { message: 'Internal server error' });
    }
    const missing = await http(gw.url(api.id, 'dev', '/missing'));
    assert.equal(missing.status, 500);
    assert.deepEqual(missing.json(), { message: 'Internal server error' });
  });

  it('proxies HTTP_PROXY integrations to a local server, with path and query', async () => {
    const api = await ApiBuilder.create(gw.client, 'http-proxy');
    await api.method('/svc/{proxy+}', 'ANY', {
      type: 'HTTP_PROXY',
      integrationHttpMethod: 'ANY',
      uri: `${backendUrl}/base/{proxy}`,
      requestParameters: { 'integration.request.path.proxy': 'method.request.path.proxy', 'integration.request.header.x-stage': "'dev'" },
    });
    await api.deploy('dev');
    const r = await http(gw.url(api.id, 'dev', '/svc/a/b?q=1'), { method: 'PUT', headers: { 'content-type': 'text/plain', 'x-in': 'v' }, body: 'payload' });
    assert.equal(r.status, 200);
    assert.equal(r.headers['x-backend'], 'yes');
    assert.deepEqual(r.json(), { path: '/base/a/b?q=1', method: 'PUT', body: 'payload' });
    const last = seen.at(-1)!;
    assert.equal(last.headers['x-in'], 'v');
    assert.equal(last.headers['x-stage'], 'dev');
    const notFound = await http(gw.url(api.id, 'dev', '/svc/missing'));
    assert.equal(notFound.status, 404);
  });

  it('serves VPC_LINK private integrations through an AVAILABLE VPC link', async () => {
    const link = await gw.client.send(new CreateVpcLinkCommand({ name: 'nlb', targetArns: ['arn:aws:elasticloadbalancing:us-east-1:000000000000:loadbalancer/net/my-nlb/0123456789abcdef'] }));
    assert.equal(link.status, 'AVAILABLE');
    const api = await ApiBuilder.create(gw.client, 'vpclink');
    const rid = await api.method('/private', 'GET', { type: 'HTTP_PROXY', integrationHttpMethod: 'GET', uri: `${backendUrl}/private`, connectionType: 'VPC_LINK', connectionId: link.id });
    await assert.rejects(
      gw.client.send(new PutIntegrationCommand({ restApiId: api.id, resourceId: rid, httpMethod: 'GET', type: 'HTTP_PROXY', integrationHttpMethod: 'GET', uri: `${backendUrl}/private`, connectionType: 'VPC_LINK', connectionId: 'nope99' })),
      (e: any) => e.name === 'BadRequestException' && /Invalid VPC link identifier/.test(e.message),
    );
    await api.deploy('dev');
    const r = await http(gw.url(api.id, 'dev', '/private'));
    assert.equal(r.status, 200);
    assert.equal(r.json().path, '/private');
    assert.equal((await gw.client.send(new GetVpcLinksCommand({}))).items?.some((l) => l.id === link.id), true);
  });

  it('maps an HTTP (non-proxy) integration with VTL templates and selection patterns', async () => {
    const api = await ApiBuilder.create(gw.client, 'http-vtl');
    await api.method(
      '/users/{id}',
      'POST',
      {
        type: 'HTTP',
        integrationHttpMethod: 'POST',
        uri: `${backendUrl}/users/{uid}`,
        requestParameters: { 'integration.request.path.uid': 'method.request.path.id', 'integration.request.querystring.src': "'gw'" },
        requestTemplates: {
          'application/json': '#set($b = $input.path(\'$\'))\n#set($context.requestOverride.header.X-Override = "o1")\n#set($context.requestOverride.querystring.extra = "e1")\n{"name": "$util.escapeJavaScript($b.name)", "n": $b.tags.size(), "id": "$input.params(\'id\')"}',
        },
      },
      { requestParameters: { 'method.request.path.id': true } },
      [
        { statusCode: '200', responseTemplates: { 'application/json': '{"echo": $input.json(\'$.body\'), "status": "ok"}' }, responseParameters: { 'method.response.header.X-Backend': 'integration.response.header.x-backend' } },
        { statusCode: '404', selectionPattern: '4\\d{2}', responseTemplates: { 'application/json': '{"status": "missing"}' } },
      ],
    );
    await api.method('/missing', 'GET', { type: 'HTTP', integrationHttpMethod: 'GET', uri: `${backendUrl}/missing` }, {}, [
      { statusCode: '200' },
      { statusCode: '404', selectionPattern: '404', responseTemplates: { 'application/json': '{"status": "missing"}' } },
    ]);
    await api.deploy('dev');
    const r = await http(gw.url(api.id, 'dev', '/users/7'), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name: 'a"b', tags: [1, 2] }) });
    assert.equal(r.status, 200);
    assert.equal(r.headers['x-backend'], 'yes');
    const echoed = r.json();
    assert.equal(echoed.status, 'ok');
    assert.deepEqual(JSON.parse(echoed.echo), { name: 'a"b', n: 2, id: '7' });
    assert.equal(seen.at(-1)!.url, '/users/7?src=gw&extra=e1');
    assert.equal(seen.at(-1)!.headers['x-override'], 'o1');
    const m = await http(gw.url(api.id, 'dev', '/missing'));
    assert.equal(m.status, 404);
    assert.deepEqual(m.json(), { status: 'missing' });
  });

  it('answers 504 when the integration exceeds its timeout', async () => {
    const api = await ApiBuilder.create(gw.client, 'timeout');
    await api.method('/slow', 'GET', { type: 'HTTP_PROXY', integrationHttpMethod: 'GET', uri: `${backendUrl}/slow`, timeoutInMillis: 29000 });
    await api.deploy('dev');
    const pending = http(gw.url(api.id, 'dev', '/slow'));
    // advance platform time past the 29 s limit once the backend has the request
    while (!seen.some((s) => s.url === '/slow')) await new Promise((r) => setImmediate(r));
    gw.server.clock.advance(29001);
    const r = await pending;
    assert.equal(r.status, 504);
    assert.deepEqual(r.json(), { message: 'Endpoint request timed out' });
  });

  it('routes canary traffic to the canary deployment with its variable overrides, then promotes it', async () => {
    const api = await ApiBuilder.create(gw.client, 'canary');
    const template = (v: string) => ({ 'application/json': `{"version": "${v}", "canary": $context.isCanaryRequest, "color": "$stageVariables.color"}` });
    const rid = await api.method('/v', 'GET', { type: 'MOCK', requestTemplates: { 'application/json': '{"statusCode": 200}' } }, {}, [{ statusCode: '200', responseTemplates: template('one') }]);
    await api.deploy('live', { color: 'blue' });
    await gw.client.send(new PutIntegrationResponseCommand({ restApiId: api.id, resourceId: rid, httpMethod: 'GET', statusCode: '200', responseTemplates: template('two') }));
    const canary = await gw.client.send(new CreateDeploymentCommand({ restApiId: api.id, stageName: 'live', canarySettings: { percentTraffic: 100, stageVariableOverrides: { color: 'green' } } }));
    const stage = await gw.client.send(new GetStageCommand({ restApiId: api.id, stageName: 'live' }));
    assert.equal(stage.canarySettings?.deploymentId, canary.id);
    assert.equal(stage.canarySettings?.percentTraffic, 100);
    assert.deepEqual((await http(gw.url(api.id, 'live', '/v'))).json(), { version: 'two', canary: true, color: 'green' });
    await gw.client.send(new UpdateStageCommand({ restApiId: api.id, stageName: 'live', patchOperations: [{ op: 'replace', path: '/canarySettings/percentTraffic', value: '0' }] }));
    assert.deepEqual((await http(gw.url(api.id, 'live', '/v'))).json(), { version: 'one', canary: false, color: 'blue' });
    await gw.client.send(
      new UpdateStageCommand({
        restApiId: api.id,
        stageName: 'live',
        patchOperations: [
          { op: 'replace', path: '/deploymentId', value: canary.id },
          { op: 'remove', path: '/canarySettings' },
        ],
      }),
    );
    assert.deepEqual((await http(gw.url(api.id, 'live', '/v'))).json(), { version: 'two', canary: false, color: 'blue' });
  });

  it('compresses answers above minimumCompressionSize for clients that accept gzip', async () => {
    const api = await ApiBuilder.create(gw.client, 'gzip', { minimumCompressionSize: 100 });
    const big = 'x'.repeat(500);
    await api.method('/big', 'GET', { type: 'MOCK', requestTemplates: { 'application/json': '{"statusCode": 200}' } }, {}, [{ statusCode: '200', responseTemplates: { 'application/json': `{"data": "${big}"}` } }]);
    await api.method('/small', 'GET', { type: 'MOCK', requestTemplates: { 'application/json': '{"statusCode": 200}' } }, {}, [{ statusCode: '200', responseTemplates: { 'application/json': '{"a": 1}' } }]);
    await api.deploy('dev');
    const r = await http(gw.url(api.id, 'dev', '/big'), { headers: { 'accept-encoding': 'gzip' } });
    assert.equal(r.headers['content-encoding'], 'gzip');
    assert.deepEqual(JSON.parse(gunzipSync(r.body).toString('utf8')), { data: big });
    const small = await http(gw.url(api.id, 'dev', '/small'), { headers: { 'accept-encoding': 'gzip' } });
    assert.equal(small.headers['content-encoding'], undefined);
    const plain = await http(gw.url(api.id, 'dev', '/big'));
    assert.equal(plain.headers['content-encoding'], undefined);
    assert.deepEqual(plain.json(), { data: big });
  });

  it('serves custom domain names through base path mappings', async () => {
    const api = await ApiBuilder.create(gw.client, 'domains');
    await api.method('/who', 'GET', { type: 'MOCK', requestTemplates: { 'application/json': '{"statusCode": 200}' } }, {}, [
      { statusCode: '200', responseTemplates: { 'application/json': '{"stage": "$context.stage", "domain": "$context.domainName", "path": "$context.resourcePath"}' } },
    ]);
    await api.deploy('v1');
    await api.deploy('v2');
    const domain = await gw.client.send(new CreateDomainNameCommand({ domainName: 'api.example.test', regionalCertificateArn: 'arn:aws:acm:us-east-1:000000000000:certificate/x', endpointConfiguration: { types: ['REGIONAL'] } }));
    assert.match(domain.regionalDomainName!, /^d-[a-z0-9]{10}\.execute-api\.us-east-1\.amazonaws\.com$/);
    await gw.client.send(new CreateBasePathMappingCommand({ domainName: 'api.example.test', restApiId: api.id, stage: 'v1', basePath: 'orders' }));
    await gw.client.send(new CreateBasePathMappingCommand({ domainName: 'api.example.test', restApiId: api.id }));
    const mappings = await gw.client.send(new GetBasePathMappingsCommand({ domainName: 'api.example.test' }));
    assert.deepEqual(mappings.items?.map((m) => m.basePath).sort(), ['(none)', 'orders']);
    const host = { host: `api.example.test:${gw.server.port}` };
    const viaBase = await http(`${gw.server.endpoint}/orders/who`, { headers: host });
    assert.deepEqual(viaBase.json(), { stage: 'v1', domain: 'api.example.test', path: '/who' });
    const viaNone = await http(`${gw.server.endpoint}/v2/who`, { headers: host });
    assert.deepEqual(viaNone.json(), { stage: 'v2', domain: 'api.example.test', path: '/who' });
    await assert.rejects(gw.client.send(new CreateBasePathMappingCommand({ domainName: 'api.example.test', restApiId: api.id, basePath: 'orders' })), (e: any) => e.name === 'ConflictException');
    await gw.client.send(new DeleteDomainNameCommand({ domainName: 'api.example.test' }));
    const gone = await http(`${gw.server.endpoint}/orders/who`, { headers: host });
    assert.notEqual(gone.status, 200);
  });

  it('presents the stage client certificate to HTTPS backends', async () => {
    const serverCert = selfSigned('localhost', Date.now() - 60_000, Date.now() + 86_400_000);
    let peer: Buffer | undefined;
    const tls = createHttpsServer({ key: serverCert.key, cert: serverCert.cert, requestCert: true, rejectUnauthorized: false }, (req, res) => {
      peer = (req.socket as import('node:tls').TLSSocket).getPeerCertificate().raw;
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"secure":true}');
    });
    await new Promise<void>((r) => tls.listen(0, '127.0.0.1', r));
    try {
      const cert = await gw.client.send(new GenerateClientCertificateCommand({ description: 'backend auth' }));
      assert.match(cert.pemEncodedCertificate!, /^-----BEGIN CERTIFICATE-----\n/);
      const parsed = new X509Certificate(cert.pemEncodedCertificate!);
      assert.equal(parsed.subject, 'CN=ApiGateway');
      assert.equal(cert.expirationDate!.getTime() - cert.createdDate!.getTime(), 365 * 86_400_000);
      const api = await ApiBuilder.create(gw.client, 'mtls');
      await api.method('/s', 'GET', { type: 'HTTP_PROXY', integrationHttpMethod: 'GET', uri: `https://127.0.0.1:${(tls.address() as AddressInfo).port}/s`, tlsConfig: { insecureSkipVerification: true } });
      await api.deploy('dev');
      await gw.client.send(new UpdateStageCommand({ restApiId: api.id, stageName: 'dev', patchOperations: [{ op: 'replace', path: '/clientCertificateId', value: cert.clientCertificateId }] }));
      const r = await http(gw.url(api.id, 'dev', '/s'));
      assert.deepEqual(r.json(), { secure: true });
      assert.ok(peer && parsed.raw.equals(peer), 'the backend saw the generated client certificate');
    } finally {
      tls.closeAllConnections();
      await new Promise<void>((r) => tls.close(() => r()));
    }
  });

  it('serves host-based invoke URLs', async () => {
    const api = await ApiBuilder.create(gw.client, 'host');
    await api.method('/', 'GET', { type: 'MOCK', requestTemplates: { 'application/json': '{"statusCode": 200}' } }, {}, [{ statusCode: '200', responseTemplates: { 'application/json': '{"path":"$context.resourcePath"}' } }]);
    await api.deploy('live');
    const r = await http(`${gw.server.endpoint}/live`, { headers: { host: `${api.id}.execute-api.localhost:${gw.server.port}` } });
    assert.equal(r.status, 200);
    assert.deepEqual(r.json(), { path: '/' });
    // disabling the default endpoint takes effect on the next deployment
    await gw.client.send(new UpdateRestApiCommand({ restApiId: api.id, patchOperations: [{ op: 'replace', path: '/disableExecuteApiEndpoint', value: 'true' }] }));
    await api.deploy('live');
    const off = await http(`${gw.server.endpoint}/live`, { headers: { host: `${api.id}.execute-api.localhost:${gw.server.port}` } });
    assert.equal(off.status, 403);
  });
});
