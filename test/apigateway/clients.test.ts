import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { awsCli, boto3 } from '../helpers/clients.js';
import { http, startGateway, type Gateway } from './helpers.js';

describe('apigateway through the AWS CLI and boto3', () => {
  let gw: Gateway;
  before(async () => {
    gw = await startGateway();
  });
  after(async () => gw.stop());

  it('builds and deploys a MOCK API with the AWS CLI', async () => {
    const cli = (args: string[]) => awsCli(['--endpoint-url', gw.server.endpoint, 'apigateway', ...args]).then((out) => (out.trim() ? JSON.parse(out) : {}));
    const api = await cli(['create-rest-api', '--name', 'cli-api']);
    assert.match(api.id, /^[a-z0-9]{10}$/);
    // Debian's botocore predates RestApi.rootResourceId: find the root like older clients do.
    const root = (await cli(['get-resources', '--rest-api-id', api.id])).items.find((r: { path: string }) => r.path === '/');
    const res = await cli(['create-resource', '--rest-api-id', api.id, '--parent-id', root.id, '--path-part', 'ping']);
    await cli(['put-method', '--rest-api-id', api.id, '--resource-id', res.id, '--http-method', 'GET', '--authorization-type', 'NONE']);
    await cli(['put-integration', '--rest-api-id', api.id, '--resource-id', res.id, '--http-method', 'GET', '--type', 'MOCK', '--request-templates', '{"application/json":"{\\"statusCode\\": 200}"}']);
    await cli(['put-method-response', '--rest-api-id', api.id, '--resource-id', res.id, '--http-method', 'GET', '--status-code', '200']);
    await cli(['put-integration-response', '--rest-api-id', api.id, '--resource-id', res.id, '--http-method', 'GET', '--status-code', '200', '--response-templates', '{"application/json":"{\\"pong\\": true}"}']);
    const dep = await cli(['create-deployment', '--rest-api-id', api.id, '--stage-name', 'dev']);
    assert.ok(dep.id);
    const stages = await cli(['get-stages', '--rest-api-id', api.id]);
    assert.equal(stages.item[0].stageName, 'dev');
    const r = await http(gw.url(api.id, 'dev', '/ping'));
    assert.deepEqual(r.json(), { pong: true });
    await assert.rejects(cli(['get-rest-api', '--rest-api-id', 'missing000']), /NotFoundException/);
  });

  it('lists APIs and resources with boto3', async () => {
    const out = await boto3(
      [
        'import boto3, os, json',
        "c = boto3.client('apigateway', endpoint_url=os.environ['ENDPOINT'], region_name='us-east-1')",
        "api = c.create_rest_api(name='boto-api', binaryMediaTypes=['image/png'])",
        "root = [r for r in c.get_resources(restApiId=api['id'])['items'] if r['path'] == '/'][0]",
        "c.create_resource(restApiId=api['id'], parentId=root['id'], pathPart='{proxy+}')",
        "items = c.get_resources(restApiId=api['id'])['items']",
        "print(json.dumps({'paths': sorted(i['path'] for i in items), 'binary': c.get_rest_api(restApiId=api['id'])['binaryMediaTypes']}))",
      ].join('\n'),
      gw.server.endpoint,
    );
    assert.deepEqual(JSON.parse(out), { paths: ['/', '/{proxy+}'], binary: ['image/png'] });
  });
});
