import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parse as parseYaml } from 'yaml';
import {
  ApiGatewayV2Client,
  CreateApiCommand,
  CreateAuthorizerCommand,
  CreateIntegrationCommand,
  CreateModelCommand,
  CreateRouteCommand,
  ExportApiCommand,
  GetAuthorizersCommand,
  GetModelsCommand,
  GetRoutesCommand,
  ImportApiCommand,
  ReimportApiCommand,
} from '@aws-sdk/client-apigatewayv2';
import { clientConfig, startServer, type TestServer } from '../helpers/server.js';
import { definition as apigatewayv2 } from '../../src/services/apigatewayv2/index.js';

const FN = 'arn:aws:lambda:us-east-1:000000000000:function:fn';

describe('apigatewayv2 OpenAPI export and import, models', () => {
  let server: TestServer;
  let client: ApiGatewayV2Client;
  before(async () => {
    server = await startServer({ services: [apigatewayv2] });
    client = new ApiGatewayV2Client(clientConfig(server.endpoint));
  });
  after(async () => {
    client.destroy();
    await server.stop();
  });

  it('exports an HTTP API as OpenAPI 3.0 with API Gateway extensions, and imports it back', async () => {
    const { ApiId } = await client.send(new CreateApiCommand({ Name: 'pets', ProtocolType: 'HTTP', Version: '1.2', CorsConfiguration: { AllowOrigins: ['*'], MaxAge: 10 } }));
    const i = await client.send(new CreateIntegrationCommand({ ApiId, IntegrationType: 'AWS_PROXY', IntegrationUri: FN, PayloadFormatVersion: '2.0' }));
    const a = await client.send(
      new CreateAuthorizerCommand({ ApiId, Name: 'cognito', AuthorizerType: 'JWT', IdentitySource: ['$request.header.Authorization'], JwtConfiguration: { Issuer: 'https://issuer.example', Audience: ['app'] } }),
    );
    await client.send(new CreateRouteCommand({ ApiId, RouteKey: 'GET /pets/{id}', Target: `integrations/${i.IntegrationId}`, AuthorizationType: 'JWT', AuthorizerId: a.AuthorizerId, AuthorizationScopes: ['read'] }));
    await client.send(new CreateRouteCommand({ ApiId, RouteKey: 'ANY /{proxy+}', Target: `integrations/${i.IntegrationId}` }));
    await client.send(new CreateRouteCommand({ ApiId, RouteKey: '$default', Target: `integrations/${i.IntegrationId}` }));
    const out = await client.send(new ExportApiCommand({ ApiId, Specification: 'OAS30', OutputType: 'JSON' }));
    const spec = JSON.parse(Buffer.from(out.body!).toString('utf8'));
    assert.equal(spec.openapi, '3.0.1');
    assert.deepEqual(spec.info, { title: 'pets', version: '1.2' });
    assert.deepEqual(Object.keys(spec.paths).sort(), ['$default', '/pets/{id}', '/{proxy+}']);
    const get = spec.paths['/pets/{id}'].get;
    assert.deepEqual(get.security, [{ cognito: ['read'] }]);
    assert.deepEqual(get.parameters.map((p: { name: string }) => p.name), ['id']);
    assert.deepEqual(get['x-amazon-apigateway-integration'], { payloadFormatVersion: '2.0', type: 'aws_proxy', httpMethod: 'POST', uri: FN, connectionType: 'INTERNET', timeoutInMillis: 30000 });
    assert.ok(spec.paths['/{proxy+}']['x-amazon-apigateway-any-method']);
    assert.deepEqual(spec.components.securitySchemes.cognito['x-amazon-apigateway-authorizer'], {
      type: 'jwt',
      jwtConfiguration: { issuer: 'https://issuer.example', audience: ['app'] },
      identitySource: '$request.header.Authorization',
    });
    assert.deepEqual(spec['x-amazon-apigateway-cors'], { allowOrigins: ['*'], maxAge: 10 });

    const yaml = await client.send(new ExportApiCommand({ ApiId, Specification: 'OAS30', OutputType: 'YAML' }));
    assert.deepEqual(parseYaml(Buffer.from(yaml.body!).toString('utf8')), spec);

    const imported = await client.send(new ImportApiCommand({ Body: JSON.stringify(spec) }));
    assert.equal(imported.Name, 'pets');
    assert.equal(imported.ProtocolType, 'HTTP');
    assert.deepEqual(imported.CorsConfiguration, { AllowOrigins: ['*'], MaxAge: 10 });
    const routes = (await client.send(new GetRoutesCommand({ ApiId: imported.ApiId }))).Items!;
    assert.deepEqual(routes.map((r) => r.RouteKey).sort(), ['$default', 'ANY /{proxy+}', 'GET /pets/{id}']);
    const scoped = routes.find((r) => r.RouteKey === 'GET /pets/{id}')!;
    assert.equal(scoped.AuthorizationType, 'JWT');
    assert.deepEqual(scoped.AuthorizationScopes, ['read']);
    const authorizers = (await client.send(new GetAuthorizersCommand({ ApiId: imported.ApiId }))).Items!;
    assert.equal(authorizers[0]!.AuthorizerId, scoped.AuthorizerId);
    assert.equal(authorizers[0]!.JwtConfiguration?.Issuer, 'https://issuer.example');
  });

  it('imports YAML, reports warnings, and reimports over an API', async () => {
    const body = `
openapi: 3.0.1
info: { title: yaml-api, version: '1' }
paths:
  /hello:
    get:
      x-amazon-apigateway-integration: { type: http_proxy, httpMethod: GET, uri: 'https://example.com/hello', payloadFormatVersion: '1.0' }
  /bad path:
    get: {}
`;
    const api = await client.send(new ImportApiCommand({ Body: body }));
    assert.equal(api.Name, 'yaml-api');
    assert.equal(api.Warnings!.length, 1);
    await assert.rejects(client.send(new ImportApiCommand({ Body: body, FailOnWarnings: true })), (e: Error) => e.name === 'BadRequestException');
    await assert.rejects(client.send(new ImportApiCommand({ Body: '{"swagger":"2.0"}' })), (e: Error) => e.name === 'BadRequestException');
    await client.send(new ReimportApiCommand({ ApiId: api.ApiId, Body: body.replace('/hello', '/bye') }));
    const routes = (await client.send(new GetRoutesCommand({ ApiId: api.ApiId }))).Items!;
    assert.deepEqual(routes.map((r) => r.RouteKey), ['GET /bye']);
  });

  it('keeps models of WebSocket APIs, and refuses them for HTTP APIs', async () => {
    const ws = await client.send(new CreateApiCommand({ Name: 'ws', ProtocolType: 'WEBSOCKET', RouteSelectionExpression: '$request.body.action' }));
    const m = await client.send(new CreateModelCommand({ ApiId: ws.ApiId, Name: 'Message', ContentType: 'application/json', Schema: '{"type":"object"}' }));
    assert.equal(m.Name, 'Message');
    assert.deepEqual((await client.send(new GetModelsCommand({ ApiId: ws.ApiId }))).Items!.map((x) => x.Name), ['Message']);
    await assert.rejects(client.send(new CreateModelCommand({ ApiId: ws.ApiId, Name: 'Bad', Schema: 'nope' })), (e: Error) => e.name === 'BadRequestException');
    const http = await client.send(new CreateApiCommand({ Name: 'h', ProtocolType: 'HTTP' }));
    await assert.rejects(client.send(new CreateModelCommand({ ApiId: http.ApiId, Name: 'M', Schema: '{}' })), (e: Error) => e.name === 'BadRequestException');
  });
});
