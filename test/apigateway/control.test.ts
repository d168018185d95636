import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  CreateDeploymentCommand,
  CreateResourceCommand,
  CreateRestApiCommand,
  CreateStageCommand,
  DeleteResourceCommand,
  DeleteRestApiCommand,
  GetGatewayResponseCommand,
  GetModelsCommand,
  GetResourcesCommand,
  GetRestApiCommand,
  GetRestApisCommand,
  GetStageCommand,
  GetTagsCommand,
  PutIntegrationCommand,
  PutIntegrationResponseCommand,
  PutMethodCommand,
  PutMethodResponseCommand,
  TagResourceCommand,
  UpdateRestApiCommand,
  UpdateStageCommand,
  GetMethodCommand,
  GetDeploymentCommand,
  UpdateResourceCommand,
  GetResourceCommand,
  GetAccountCommand,
  CreateDocumentationPartCommand,
  ImportDocumentationPartsCommand,
  GetDocumentationPartsCommand,
  UpdateDocumentationPartCommand,
  CreateDocumentationVersionCommand,
  GetDocumentationVersionsCommand,
  DeleteDocumentationPartCommand,
  GetDocumentationPartCommand,
  UpdateAccountCommand,
  CreateApiKeyCommand,
  GetApiKeysCommand,
} from '@aws-sdk/client-api-gateway';
import { startGateway, type Gateway } from './helpers.js';

async function rejects(p: Promise<unknown>, name: string, status: number, message?: RegExp): Promise<void> {
  await assert.rejects(p, (e: any) => {
    assert.equal(e.name, name);
    assert.equal(e.$metadata?.httpStatusCode, status);
    if (message) assert.match(e.message, message);
    return true;
  });
}

describe('apigateway control plane', () => {
  let gw: Gateway;
  before(async () => {
    gw = await startGateway();
  });
  after(async () => gw.stop());

  it('creates a REST API with a root resource and the default models', async () => {
    const api = await gw.client.send(new CreateRestApiCommand({ name: 'pets', description: 'd', tags: { team: 'a' } }));
    assert.match(api.id!, /^[a-z0-9]{10}$/);
    assert.equal(api.apiKeySource, 'HEADER');
    assert.deepEqual(api.endpointConfiguration?.types, ['EDGE']);
    assert.ok(api.createdDate instanceof Date);
    const resources = await gw.client.send(new GetResourcesCommand({ restApiId: api.id }));
    assert.equal(resources.items?.length, 1);
    assert.equal(resources.items![0]!.path, '/');
    assert.equal(resources.items![0]!.id, api.rootResourceId);
    const models = await gw.client.send(new GetModelsCommand({ restApiId: api.id }));
    assert.deepEqual(models.items?.map((m) => m.name), ['Empty', 'Error']);
    const list = await gw.client.send(new GetRestApisCommand({}));
    assert.ok(list.items?.some((a) => a.id === api.id));
    const tags = await gw.client.send(new GetTagsCommand({ resourceArn: `arn:aws:apigateway:us-east-1::/restapis/${api.id}` }));
    assert.deepEqual(tags.tags, { team: 'a' });
    await gw.client.send(new TagResourceCommand({ resourceArn: `arn:aws:apigateway:us-east-1::/restapis/${api.id}`, tags: { env: 'dev' } }));
    const again = await gw.client.send(new GetRestApiCommand({ restApiId: api.id }));
    assert.deepEqual(again.tags, { team: 'a', env: 'dev' });
  });

  it('answers BadRequestException for constraint violations and NotFoundException for unknown ids', async () => {
    await rejects(gw.client.send(new CreateRestApiCommand({ name: undefined as unknown as string })), 'BadRequestException', 400);
    await rejects(gw.client.send(new GetRestApiCommand({ restApiId: 'nope123456' })), 'NotFoundException', 404, /Invalid API identifier specified 000000000000:nope123456/);
  });

  it('builds resources with path params and greedy parts, enforcing sibling rules', async () => {
    const api = await gw.client.send(new CreateRestApiCommand({ name: 'tree' }));
    const root = api.rootResourceId!;
    const pets = await gw.client.send(new CreateResourceCommand({ restApiId: api.id, parentId: root, pathPart: 'pets' }));
    assert.equal(pets.path, '/pets');
    const id = await gw.client.send(new CreateResourceCommand({ restApiId: api.id, parentId: pets.id, pathPart: '{petId}' }));
    assert.equal(id.path, '/pets/{petId}');
    await rejects(gw.client.send(new CreateResourceCommand({ restApiId: api.id, parentId: root, pathPart: 'pets' })), 'ConflictException', 409, /already has this name: pets/);
    await rejects(gw.client.send(new CreateResourceCommand({ restApiId: api.id, parentId: pets.id, pathPart: '{other}' })), 'BadRequestException', 400, /variable path part/);
    await rejects(gw.client.send(new CreateResourceCommand({ restApiId: api.id, parentId: root, pathPart: 'bad/part' })), 'BadRequestException', 400, /path part only allow/);
    const proxy = await gw.client.send(new CreateResourceCommand({ restApiId: api.id, parentId: root, pathPart: '{proxy+}' }));
    await rejects(gw.client.send(new CreateResourceCommand({ restApiId: api.id, parentId: proxy.id, pathPart: 'x' })), 'BadRequestException', 400, /greedy/);
    const moved = await gw.client.send(new UpdateResourceCommand({ restApiId: api.id, resourceId: pets.id, patchOperations: [{ op: 'replace', path: '/pathPart', value: 'animals' }] }));
    assert.equal(moved.path, '/animals');
    const child = await gw.client.send(new GetResourceCommand({ restApiId: api.id, resourceId: id.id }));
    assert.equal(child.path, '/animals/{petId}');
    await gw.client.send(new DeleteResourceCommand({ restApiId: api.id, resourceId: pets.id }));
    const left = await gw.client.send(new GetResourcesCommand({ restApiId: api.id }));
    assert.deepEqual(left.items?.map((r) => r.path).sort(), ['/', '/{proxy+}']);
    await rejects(gw.client.send(new DeleteResourceCommand({ restApiId: api.id, resourceId: root })), 'BadRequestException', 400);
  });

  it('manages methods, integrations and responses, and deploys stages', async () => {
    const api = await gw.client.send(new CreateRestApiCommand({ name: 'methods' }));
    const root = api.rootResourceId!;
    await rejects(gw.client.send(new CreateDeploymentCommand({ restApiId: api.id, stageName: 'dev' })), 'BadRequestException', 400, /doesn't contain any methods/);
    await gw.client.send(new PutMethodCommand({ restApiId: api.id, resourceId: root, httpMethod: 'GET', authorizationType: 'NONE', requestParameters: { 'method.request.querystring.q': false } }));
    await rejects(gw.client.send(new PutMethodCommand({ restApiId: api.id, resourceId: root, httpMethod: 'GET', authorizationType: 'NONE' })), 'ConflictException', 409);
    await rejects(gw.client.send(new CreateDeploymentCommand({ restApiId: api.id, stageName: 'dev' })), 'BadRequestException', 400, /No integration defined for method/);
    await rejects(
      gw.client.send(new PutIntegrationCommand({ restApiId: api.id, resourceId: root, httpMethod: 'GET', type: 'HTTP', integrationHttpMethod: 'GET', uri: 'not a url' })),
      'BadRequestException',
      400,
      /Invalid HTTP endpoint/,
    );
    const integ = await gw.client.send(new PutIntegrationCommand({ restApiId: api.id, resourceId: root, httpMethod: 'GET', type: 'MOCK', requestTemplates: { 'application/json': '{"statusCode": 200}' } }));
    assert.equal(integ.type, 'MOCK');
    assert.equal(integ.timeoutInMillis, 29000);
    assert.equal(integ.passthroughBehavior, 'WHEN_NO_MATCH');
    await gw.client.send(new PutMethodResponseCommand({ restApiId: api.id, resourceId: root, httpMethod: 'GET', statusCode: '200' }));
    await gw.client.send(new PutIntegrationResponseCommand({ restApiId: api.id, resourceId: root, httpMethod: 'GET', statusCode: '200', responseTemplates: { 'application/json': '{"ok":true}' } }));
    const method = await gw.client.send(new GetMethodCommand({ restApiId: api.id, resourceId: root, httpMethod: 'GET' }));
    assert.equal(method.methodIntegration?.integrationResponses?.['200']?.responseTemplates?.['application/json'], '{"ok":true}');
    assert.ok(method.methodResponses?.['200']);
    const dep = await gw.client.send(new CreateDeploymentCommand({ restApiId: api.id, stageName: 'dev', variables: { v: '1' } }));
    const stage = await gw.client.send(new GetStageCommand({ restApiId: api.id, stageName: 'dev' }));
    assert.equal(stage.deploymentId, dep.id);
    assert.deepEqual(stage.variables, { v: '1' });
    const summary = await gw.client.send(new GetDeploymentCommand({ restApiId: api.id, deploymentId: dep.id, embed: ['apisummary'] }));
    assert.deepEqual(summary.apiSummary, { '/': { GET: { authorizationType: 'NONE', apiKeyRequired: false } } });
    await rejects(gw.client.send(new CreateStageCommand({ restApiId: api.id, stageName: 'dev', deploymentId: dep.id })), 'ConflictException', 409);
    const updated = await gw.client.send(
      new UpdateStageCommand({
        restApiId: api.id,
        stageName: 'dev',
        patchOperations: [
          { op: 'replace', path: '/*/*/throttling/rateLimit', value: '5' },
          { op: 'replace', path: '/~1/GET/caching/enabled', value: 'true' },
          { op: 'replace', path: '/variables/w', value: '2' },
        ],
      }),
    );
    assert.equal(updated.methodSettings?.['*/*']?.throttlingRateLimit, 5);
    assert.equal(updated.methodSettings?.['~1/GET']?.cachingEnabled, true);
    assert.deepEqual(updated.variables, { v: '1', w: '2' });
    await rejects(gw.client.send(new UpdateStageCommand({ restApiId: api.id, stageName: 'dev', patchOperations: [{ op: 'replace', path: '/nope', value: 'x' }] })), 'BadRequestException', 400, /Invalid patch path/);
  });

  it('manages documentation parts and versions', async () => {
    const api = await gw.client.send(new CreateRestApiCommand({ name: 'docs' }));
    const part = await gw.client.send(new CreateDocumentationPartCommand({ restApiId: api.id, location: { type: 'METHOD', path: '/pets', method: 'GET' }, properties: '{"description":"List pets"}' }));
    assert.deepEqual(part.location, { type: 'METHOD', path: '/pets', method: 'GET' });
    await rejects(gw.client.send(new CreateDocumentationPartCommand({ restApiId: api.id, location: { type: 'METHOD', path: '/pets', method: 'GET' }, properties: '{}' })), 'ConflictException', 409);
    await rejects(gw.client.send(new CreateDocumentationPartCommand({ restApiId: api.id, location: { type: 'API' }, properties: 'not json' })), 'BadRequestException', 400);
    const imported = await gw.client.send(
      new ImportDocumentationPartsCommand({
        restApiId: api.id,
        body: Buffer.from(JSON.stringify({ swagger: '2.0', 'x-amazon-apigateway-documentation': { documentationParts: [{ location: { type: 'API' }, properties: { description: 'Pets API' } }] } })),
      }),
    );
    assert.equal(imported.ids?.length, 1);
    const parts = await gw.client.send(new GetDocumentationPartsCommand({ restApiId: api.id }));
    assert.equal(parts.items?.length, 2);
    const updated = await gw.client.send(new UpdateDocumentationPartCommand({ restApiId: api.id, documentationPartId: part.id, patchOperations: [{ op: 'replace', path: '/properties', value: '{"description":"All pets"}' }] }));
    assert.equal(updated.properties, '{"description":"All pets"}');
    const v = await gw.client.send(new CreateDocumentationVersionCommand({ restApiId: api.id, documentationVersion: '1.0', description: 'first' }));
    assert.equal(v.version, '1.0');
    assert.equal((await gw.client.send(new GetDocumentationVersionsCommand({ restApiId: api.id }))).items?.[0]?.description, 'first');
    await gw.client.send(new DeleteDocumentationPartCommand({ restApiId: api.id, documentationPartId: part.id }));
    await rejects(gw.client.send(new GetDocumentationPartCommand({ restApiId: api.id, documentationPartId: part.id })), 'NotFoundException', 404);
  });

  it('keeps account settings', async () => {
    const before = await gw.client.send(new GetAccountCommand({}));
    assert.deepEqual(before.throttleSettings, { burstLimit: 5000, rateLimit: 10000 });
    assert.equal(before.cloudwatchRoleArn, undefined);
    const role = 'arn:aws:iam::000000000000:role/apigw-logs';
    const after = await gw.client.send(new UpdateAccountCommand({ patchOperations: [{ op: 'replace', path: '/cloudwatchRoleArn', value: role }] }));
    assert.equal(after.cloudwatchRoleArn, role);
    assert.equal((await gw.client.send(new GetAccountCommand({}))).cloudwatchRoleArn, role);
    await rejects(gw.client.send(new UpdateAccountCommand({ patchOperations: [{ op: 'replace', path: '/cloudwatchRoleArn', value: 'nope' }] })), 'BadRequestException', 400);
  });

  it('patches REST APIs and reports gateway response defaults', async () => {
    const api = await gw.client.send(new CreateRestApiCommand({ name: 'patch' }));
    const out = await gw.client.send(
      new UpdateRestApiCommand({
        restApiId: api.id,
        patchOperations: [
          { op: 'replace', path: '/name', value: 'renamed' },
          { op: 'add', path: '/binaryMediaTypes/image~1png', value: '' },
        ],
      }),
    );
    assert.equal(out.name, 'renamed');
    assert.deepEqual(out.binaryMediaTypes, ['image/png']);
    const g = await gw.client.send(new GetGatewayResponseCommand({ restApiId: api.id, responseType: 'MISSING_AUTHENTICATION_TOKEN' }));
    assert.equal(g.statusCode, '403');
    assert.equal(g.defaultResponse, true);
    assert.equal(g.responseTemplates?.['application/json'], '{"message":$context.error.messageString}');
    await gw.client.send(new DeleteRestApiCommand({ restApiId: api.id }));
    await rejects(gw.client.send(new GetRestApiCommand({ restApiId: api.id })), 'NotFoundException', 404);
  });
  it('pages REST APIs and API keys by position, each item once, and rejects a position it did not give', async () => {
    const created = new Set<string>();
    for (const name of ['page-a', 'page-b', 'page-c']) created.add((await gw.client.send(new CreateRestApiCommand({ name }))).id!);
    const seen: string[] = [];
    let position: string | undefined;
    do {
      const p = await gw.client.send(new GetRestApisCommand({ limit: 2, position }));
      assert.ok((p.items?.length ?? 0) <= 2);
      seen.push(...(p.items ?? []).map((a) => a.id!));
      position = p.position;
    } while (position);
    assert.equal(new Set(seen).size, seen.length);
    for (const id of created) assert.ok(seen.includes(id));
    const whole = await gw.client.send(new GetRestApisCommand({ limit: 500 }));
    assert.deepEqual(seen, whole.items?.map((a) => a.id));
    for (const name of ['pk-1', 'pk-2', 'other']) await gw.client.send(new CreateApiKeyCommand({ name }));
    const first = await gw.client.send(new GetApiKeysCommand({ nameQuery: 'pk-', limit: 1 }));
    const second = await gw.client.send(new GetApiKeysCommand({ nameQuery: 'pk-', limit: 1, position: first.position }));
    assert.deepEqual([...(first.items ?? []), ...(second.items ?? [])].map((k) => k.name).sort(), ['pk-1', 'pk-2']);
    await rejects(gw.client.send(new GetRestApisCommand({ position: 'bm9wZQ' })), 'BadRequestException', 400, /Invalid position parameter/);
  });
});
