import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  CreateDeploymentCommand,
  GetExportCommand,
  GetResourcesCommand,
  GetAuthorizersCommand,
  GetRequestValidatorsCommand,
  ImportRestApiCommand,
  PutRestApiCommand,
} from '@aws-sdk/client-api-gateway';
import { stringify } from 'yaml';
import { http, startGateway, type Gateway } from './helpers.js';

function spec(helloUri: string, authUri: string) {
  return {
    openapi: '3.0.1',
    info: { title: 'Imported Pets', version: '1.0' },
    'x-amazon-apigateway-request-validators': { body: { validateRequestBody: true, validateRequestParameters: false } },
    'x-amazon-apigateway-gateway-responses': {
      DEFAULT_4XX: { responseParameters: { 'gatewayresponse.header.Access-Control-Allow-Origin': "'*'" }, responseTemplates: { 'application/json': '{"error":$context.error.messageString}' } },
    },
    paths: {
      '/pets': {
        post: {
          operationId: 'createPet',
          'x-amazon-apigateway-request-validator': 'body',
          requestBody: { content: { 'application/json': { schema: { $ref: '#/components/schemas/Pet' } } } },
          responses: { '200': { description: 'ok' } },
          'x-amazon-apigateway-integration': { type: 'aws_proxy', httpMethod: 'POST', uri: helloUri },
        },
        options: {
          responses: { '200': { description: 'cors', headers: { 'Access-Control-Allow-Origin': { schema: { type: 'string' } } } } },
          'x-amazon-apigateway-integration': {
            type: 'mock',
            requestTemplates: { 'application/json': '{"statusCode": 200}' },
            responses: { default: { statusCode: '200', responseParameters: { 'method.response.header.Access-Control-Allow-Origin': "'*'" } } },
          },
        },
      },
      '/pets/{petId}': {
        get: {
          parameters: [{ name: 'petId', in: 'path', required: true, schema: { type: 'string' } }],
          security: [{ tokenAuth: [] }],
          responses: { '200': { description: 'ok' } },
          'x-amazon-apigateway-integration': { type: 'aws_proxy', httpMethod: 'POST', uri: helloUri },
        },
      },
    },
    components: {
      schemas: { Pet: { type: 'object', required: ['name'], properties: { name: { type: 'string' } } } },
      securitySchemes: {
        tokenAuth: {
          type: 'apiKey',
          name: 'Authorization',
          in: 'header',
          'x-amazon-apigateway-authtype': 'custom',
          'x-amazon-apigateway-authorizer': { type: 'token', authorizerUri: authUri, authorizerResultTtlInSeconds: 0 },
        },
      },
    },
  };
}

describe('apigateway OpenAPI import and export', () => {
  let gw: Gateway;
  let helloUri: string;
  let authUri: string;
  before(async () => {
    gw = await startGateway();
    helloUri = gw.lambda.add('pets', (event) => ({ statusCode: 200, body: JSON.stringify({ resource: event.resource, params: event.pathParameters }) }));
    authUri = gw.lambda.add('auth', (event) => ({
      principalId: 'p',
      policyDocument: { Version: '2012-10-17', Statement: [{ Action: 'execute-api:Invoke', Effect: event.authorizationToken === 'ok' ? 'Allow' : 'Deny', Resource: event.methodArn }] },
    }));
  });
  after(async () => gw.stop());

  it('imports a YAML OpenAPI 3 definition with extensions and serves it', async () => {
    const api = await gw.client.send(new ImportRestApiCommand({ body: Buffer.from(stringify(spec(helloUri, authUri))), failOnWarnings: true }));
    assert.equal(api.name, 'Imported Pets');
    const resources = await gw.client.send(new GetResourcesCommand({ restApiId: api.id, embed: ['methods'] }));
    assert.deepEqual(resources.items?.map((r) => r.path).sort(), ['/', '/pets', '/pets/{petId}']);
    const authorizers = await gw.client.send(new GetAuthorizersCommand({ restApiId: api.id }));
    assert.equal(authorizers.items?.[0]?.identitySource, 'method.request.header.Authorization');
    const validators = await gw.client.send(new GetRequestValidatorsCommand({ restApiId: api.id }));
    assert.equal(validators.items?.[0]?.name, 'body');
    await gw.client.send(new CreateDeploymentCommand({ restApiId: api.id!, stageName: 'dev' }));
    const created = await http(gw.url(api.id!, 'dev', '/pets'), { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"name":"rex"}' });
    assert.equal(created.status, 200);
    assert.equal(created.json().resource, '/pets');
    const invalid = await http(gw.url(api.id!, 'dev', '/pets'), { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    assert.equal(invalid.status, 400);
    assert.deepEqual(invalid.json(), { error: 'Invalid request body' });
    assert.equal(invalid.headers['access-control-allow-origin'], '*');
    const cors = await http(gw.url(api.id!, 'dev', '/pets'), { method: 'OPTIONS' });
    assert.equal(cors.status, 200);
    assert.equal(cors.headers['access-control-allow-origin'], '*');
    const allowed = await http(gw.url(api.id!, 'dev', '/pets/7'), { headers: { authorization: 'ok' } });
    assert.equal(allowed.status, 200);
    assert.deepEqual(allowed.json().params, { petId: '7' });
    const denied = await http(gw.url(api.id!, 'dev', '/pets/7'), { headers: { authorization: 'no' } });
    assert.equal(denied.status, 403);

    const exported = await gw.client.send(new GetExportCommand({ restApiId: api.id, stageName: 'dev', exportType: 'oas30', parameters: { extensions: 'integrations' }, accepts: 'application/json' }));
    const doc = JSON.parse(Buffer.from(exported.body!).toString('utf8'));
    assert.equal(doc.openapi, '3.0.1');
    assert.equal(doc.info.title, 'Imported Pets');
    assert.equal(doc.paths['/pets'].post['x-amazon-apigateway-integration'].type, 'aws_proxy');
    assert.equal(doc.paths['/pets'].post.requestBody.content['application/json'].schema.$ref, '#/components/schemas/Pet');
    assert.ok(doc.components.securitySchemes.tokenAuth['x-amazon-apigateway-authorizer']);
    // the export imports again into an equivalent API
    const again = await gw.client.send(new ImportRestApiCommand({ body: Buffer.from(JSON.stringify(doc)) }));
    const res2 = await gw.client.send(new GetResourcesCommand({ restApiId: again.id }));
    assert.deepEqual(res2.items?.map((r) => r.path).sort(), ['/', '/pets', '/pets/{petId}']);
    const swagger = await gw.client.send(new GetExportCommand({ restApiId: api.id, stageName: 'dev', exportType: 'swagger' }));
    assert.equal(JSON.parse(Buffer.from(swagger.body!).toString('utf8')).swagger, '2.0');
  });

  it('overwrites and merges with PutRestApi, and rejects invalid definitions', async () => {
    const api = await gw.client.send(new ImportRestApiCommand({ body: Buffer.from(JSON.stringify(spec(helloUri, authUri))) }));
    const small = { swagger: '2.0', info: { title: 'Small', version: '1' }, paths: { '/only': { get: { responses: { '200': { description: 'ok' } }, 'x-amazon-apigateway-integration': { type: 'mock', requestTemplates: { 'application/json': '{"statusCode":200}' }, responses: { default: { statusCode: '200' } } } } } } };
    await gw.client.send(new PutRestApiCommand({ restApiId: api.id, mode: 'overwrite', body: Buffer.from(JSON.stringify(small)) }));
    let paths = (await gw.client.send(new GetResourcesCommand({ restApiId: api.id }))).items?.map((r) => r.path).sort();
    assert.deepEqual(paths, ['/', '/only']);
    await gw.client.send(new PutRestApiCommand({ restApiId: api.id, mode: 'merge', body: Buffer.from(JSON.stringify({ ...small, paths: { '/more': small.paths['/only'] } })) }));
    paths = (await gw.client.send(new GetResourcesCommand({ restApiId: api.id }))).items?.map((r) => r.path).sort();
    assert.deepEqual(paths, ['/', '/more', '/only']);
    await assert.rejects(gw.client.send(new ImportRestApiCommand({ body: Buffer.from('{"not":"openapi"}') })), (e: any) => e.name === 'BadRequestException');
  });
});
