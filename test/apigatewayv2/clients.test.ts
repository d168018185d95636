import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { awsCli, boto3 } from '../helpers/clients.js';
import { startServer, type TestServer } from '../helpers/server.js';
import { definition as apigatewayv2 } from '../../src/services/apigatewayv2/index.js';

describe('apigatewayv2 with the AWS CLI and boto3', () => {
  let server: TestServer;
  before(async () => {
    server = await startServer({ services: [apigatewayv2] });
  });
  after(() => server.stop());

  it('quick-creates, reads and refuses a malformed route key through the AWS CLI', async () => {
    const e = ['--endpoint-url', server.endpoint];
    const api = JSON.parse(
      await awsCli(['apigatewayv2', 'create-api', '--name', 'cli', '--protocol-type', 'HTTP', '--target', 'arn:aws:lambda:us-east-1:000000000000:function:f', ...e]),
    ) as { ApiId: string; ApiEndpoint: string };
    assert.equal(api.ApiEndpoint, `https://${api.ApiId}.execute-api.us-east-1.amazonaws.com`);
    const stages = JSON.parse(await awsCli(['apigatewayv2', 'get-stages', '--api-id', api.ApiId, ...e])) as { Items: { StageName: string; AutoDeploy: boolean }[] };
    assert.deepEqual(stages.Items.map((s) => [s.StageName, s.AutoDeploy]), [['$default', true]]);
    await assert.rejects(awsCli(['apigatewayv2', 'create-route', '--api-id', api.ApiId, '--route-key', 'GET', ...e]), /BadRequestException/);
    await assert.rejects(awsCli(['apigatewayv2', 'get-api', '--api-id', 'nope', ...e]), /NotFoundException.*Invalid API identifier specified 000000000000:nope/);
  });

  it('creates a WebSocket API and its routes with boto3', async () => {
    const out = await boto3(
      `
import boto3, json, os
c = boto3.client('apigatewayv2', endpoint_url=os.environ['ENDPOINT'])
api = c.create_api(Name='py', ProtocolType='WEBSOCKET', RouteSelectionExpression='$request.body.action')
r = c.create_route(ApiId=api['ApiId'], RouteKey='$connect')
try:
    c.create_route(ApiId=api['ApiId'], RouteKey='$connect')
    dup = None
except c.exceptions.ConflictException as e:
    dup = e.response['Error']['Code']
print(json.dumps({'endpoint': api['ApiEndpoint'], 'key': r['RouteKey'], 'dup': dup, 'routes': len(c.get_routes(ApiId=api['ApiId'])['Items'])}))
`,
      server.endpoint,
    );
    const r = JSON.parse(out) as { endpoint: string; key: string; dup: string; routes: number };
    assert.match(r.endpoint, /^wss:\/\/[a-z0-9]{10}\.execute-api\.us-east-1\.amazonaws\.com$/);
    assert.equal(r.key, '$connect');
    assert.equal(r.dup, 'ConflictException');
    assert.equal(r.routes, 1);
  });
});
