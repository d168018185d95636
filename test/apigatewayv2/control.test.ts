import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  ApiGatewayV2Client,
  CreateApiCommand,
  CreateAuthorizerCommand,
  CreateDeploymentCommand,
  CreateIntegrationCommand,
  CreateRouteCommand,
  CreateStageCommand,
  DeleteApiCommand,
  DeleteCorsConfigurationCommand,
  DeleteIntegrationCommand,
  GetApiCommand,
  GetApisCommand,
  GetDeploymentsCommand,
  GetIntegrationsCommand,
  GetRoutesCommand,
  GetStageCommand,
  GetTagsCommand,
  TagResourceCommand,
  UntagResourceCommand,
  UpdateApiCommand,
  UpdateRouteCommand,
  UpdateStageCommand,
  CreateVpcLinkCommand,
  DeleteVpcLinkCommand,
  GetVpcLinkCommand,
  GetVpcLinksCommand,
} from '@aws-sdk/client-apigatewayv2';
import {
  APIGatewayClient,
  CreateDeploymentCommand as CreateRestDeploymentCommand,
  CreateRestApiCommand,
  GetResourcesCommand,
  GetRestApisCommand,
  PutIntegrationCommand,
  PutIntegrationResponseCommand,
  PutMethodCommand,
  PutMethodResponseCommand,
} from '@aws-sdk/client-api-gateway';
import { http } from './helpers.js';
import { clientConfig, startServer, type TestServer } from '../helpers/server.js';
import { definition as apigateway } from '../../src/services/apigateway/index.js';
import { definition as apigatewayv2 } from '../../src/services/apigatewayv2/index.js';

const FN = 'arn:aws:lambda:us-east-1:000000000000:function:fn';

function rejectsWith(name: string, status: number, message?: string | RegExp) {
  return (e: Error & { $metadata?: { httpStatusCode?: number } }): boolean => {
    assert.equal(e.name, name, e.message);
    assert.equal(e.$metadata?.httpStatusCode, status);
    if (typeof message === 'string') assert.equal(e.message, message);
    else if (message) assert.match(e.message, message);
    return true;
  };
}

describe('apigatewayv2 control plane', () => {
  let server: TestServer;
  let client: ApiGatewayV2Client;
  before(async () => {
    server = await startServer({ services: [apigateway, apigatewayv2] });
    client = new ApiGatewayV2Client(clientConfig(server.endpoint));
  });
  after(async () => {
    client.destroy();
    await server.stop();
  });

  it('quick-creates an HTTP API: a Lambda integration, the route and an auto-deployed $default stage', async () => {
    const api = await client.send(new CreateApiCommand({ Name: 'quick', ProtocolType: 'HTTP', Target: FN, Tags: { team: 'a' } }));
    assert.match(api.ApiId!, /^[a-z0-9]{10}$/);
    assert.equal(api.ApiEndpoint, `https://${api.ApiId}.execute-api.us-east-1.amazonaws.com`);
    assert.equal(api.RouteSelectionExpression, '${request.method} ${request.path}');
    assert.equal(api.ApiKeySelectionExpression, '$request.header.x-api-key');
    assert.deepEqual(api.Tags, { team: 'a' });
    assert.ok(api.CreatedDate instanceof Date);
    const routes = await client.send(new GetRoutesCommand({ ApiId: api.ApiId }));
    assert.equal(routes.Items!.length, 1);
    assert.equal(routes.Items![0]!.RouteKey, '$default');
    assert.equal(routes.Items![0]!.ApiGatewayManaged, true);
    const integrations = await client.send(new GetIntegrationsCommand({ ApiId: api.ApiId }));
    assert.equal(integrations.Items![0]!.IntegrationType, 'AWS_PROXY');
    assert.equal(integrations.Items![0]!.PayloadFormatVersion, '2.0');
    assert.equal(routes.Items![0]!.Target, `integrations/${integrations.Items![0]!.IntegrationId}`);
    const stage = await client.send(new GetStageCommand({ ApiId: api.ApiId, StageName: '$default' }));
    assert.equal(stage.AutoDeploy, true);
    assert.ok(stage.DeploymentId);
    const got = await client.send(new GetApiCommand({ ApiId: api.ApiId }));
    assert.equal(got.Name, 'quick');
    assert.deepEqual(got.Tags, { team: 'a' });
  });

  it('answers NotFoundException for unknown APIs, with the account in the message', async () => {
    await assert.rejects(client.send(new GetApiCommand({ ApiId: 'nope123456' })), rejectsWith('NotFoundException', 404, 'Invalid API identifier specified 000000000000:nope123456'));
    await assert.rejects(client.send(new DeleteApiCommand({ ApiId: 'nope123456' })), rejectsWith('NotFoundException', 404));
  });

  it('validates route keys and refuses duplicates', async () => {
    const { ApiId } = await client.send(new CreateApiCommand({ Name: 'routes', ProtocolType: 'HTTP' }));
    const i = await client.send(new CreateIntegrationCommand({ ApiId, IntegrationType: 'AWS_PROXY', IntegrationUri: FN, PayloadFormatVersion: '2.0' }));
    const ok = await client.send(new CreateRouteCommand({ ApiId, RouteKey: 'GET /pets/{id}', Target: `integrations/${i.IntegrationId}` }));
    assert.equal(ok.AuthorizationType, 'NONE');
    assert.equal(ok.ApiKeyRequired, false);
    for (const bad of ['GET', 'FETCH /x', 'GET pets', 'GET /a//b', 'GET /{proxy+}/x', '$connect']) {
      await assert.rejects(client.send(new CreateRouteCommand({ ApiId, RouteKey: bad })), rejectsWith('BadRequestException', 400), bad);
    }
    await assert.rejects(
      client.send(new CreateRouteCommand({ ApiId, RouteKey: 'GET /pets/{id}' })),
      rejectsWith('ConflictException', 409, 'Route with key GET /pets/{id} already exists for this API'),
    );
    await assert.rejects(client.send(new CreateRouteCommand({ ApiId, RouteKey: 'GET /x', Target: 'integrations/zzzzzzz' })), rejectsWith('BadRequestException', 400));
    await assert.rejects(client.send(new DeleteIntegrationCommand({ ApiId, IntegrationId: i.IntegrationId })), rejectsWith('ConflictException', 409));
    const updated = await client.send(new UpdateRouteCommand({ ApiId, RouteId: ok.RouteId, RouteKey: 'ANY /pets/{proxy+}' }));
    assert.equal(updated.RouteKey, 'ANY /pets/{proxy+}');
  });

  it('checks integrations and authorizers against the protocol', async () => {
    const { ApiId } = await client.send(new CreateApiCommand({ Name: 'checks', ProtocolType: 'HTTP' }));
    await assert.rejects(client.send(new CreateIntegrationCommand({ ApiId, IntegrationType: 'MOCK' })), rejectsWith('BadRequestException', 400));
    await assert.rejects(client.send(new CreateIntegrationCommand({ ApiId, IntegrationType: 'AWS_PROXY', IntegrationUri: FN })), rejectsWith('BadRequestException', 400));
    const http = await client.send(new CreateIntegrationCommand({ ApiId, IntegrationType: 'HTTP_PROXY', IntegrationUri: 'https://example.com/{proxy}', IntegrationMethod: 'ANY' }));
    assert.equal(http.PayloadFormatVersion, '1.0');
    assert.equal(http.TimeoutInMillis, 30000);
    await assert.rejects(client.send(new CreateAuthorizerCommand({ ApiId, Name: 'j', AuthorizerType: 'JWT', IdentitySource: ['$request.header.Authorization'] })), rejectsWith('BadRequestException', 400));
    const jwt = await client.send(
      new CreateAuthorizerCommand({ ApiId, Name: 'j', AuthorizerType: 'JWT', IdentitySource: ['$request.header.Authorization'], JwtConfiguration: { Issuer: 'https://issuer.example.com', Audience: ['a'] } }),
    );
    await assert.rejects(
      client.send(new CreateRouteCommand({ ApiId, RouteKey: 'GET /s', AuthorizationType: 'CUSTOM', AuthorizerId: jwt.AuthorizerId })),
      rejectsWith('BadRequestException', 400),
    );
    const r = await client.send(new CreateRouteCommand({ ApiId, RouteKey: 'GET /s', AuthorizationType: 'JWT', AuthorizerId: jwt.AuthorizerId, AuthorizationScopes: ['read'] }));
    assert.deepEqual(r.AuthorizationScopes, ['read']);
    const ws = await client.send(new CreateApiCommand({ Name: 'ws', ProtocolType: 'WEBSOCKET', RouteSelectionExpression: '$request.body.action' }));
    await assert.rejects(
      client.send(new CreateAuthorizerCommand({ ApiId: ws.ApiId, Name: 'j', AuthorizerType: 'JWT', IdentitySource: ['$request.header.Authorization'], JwtConfiguration: { Issuer: 'https://x' } })),
      rejectsWith('BadRequestException', 400),
    );
  });

  it('refuses WebSocket APIs without a valid route selection expression', async () => {
    await assert.rejects(client.send(new CreateApiCommand({ Name: 'w', ProtocolType: 'WEBSOCKET' })), rejectsWith('BadRequestException', 400));
    await assert.rejects(client.send(new CreateApiCommand({ Name: 'w', ProtocolType: 'WEBSOCKET', RouteSelectionExpression: 'action' })), rejectsWith('BadRequestException', 400));
    await assert.rejects(
      client.send(new CreateApiCommand({ Name: 'h', ProtocolType: 'HTTP', RouteSelectionExpression: '$request.body.action' })),
      rejectsWith('BadRequestException', 400),
    );
    const ok = await client.send(new CreateApiCommand({ Name: 'w', ProtocolType: 'WEBSOCKET', RouteSelectionExpression: '${request.body.action}' }));
    assert.equal(ok.ApiEndpoint, `wss://${ok.ApiId}.execute-api.us-east-1.amazonaws.com`);
  });

  it('deploys stages: manual deployments, auto-deploy on changes, stage variables', async () => {
    const { ApiId } = await client.send(new CreateApiCommand({ Name: 'stages', ProtocolType: 'HTTP' }));
    const i = await client.send(new CreateIntegrationCommand({ ApiId, IntegrationType: 'AWS_PROXY', IntegrationUri: FN, PayloadFormatVersion: '1.0' }));
    await client.send(new CreateRouteCommand({ ApiId, RouteKey: 'GET /a', Target: `integrations/${i.IntegrationId}` }));
    const dev = await client.send(new CreateStageCommand({ ApiId, StageName: 'dev', StageVariables: { v: '1' } }));
    assert.equal(dev.DeploymentId, undefined);
    await assert.rejects(client.send(new CreateStageCommand({ ApiId, StageName: 'dev' })), rejectsWith('ConflictException', 409));
    const dep = await client.send(new CreateDeploymentCommand({ ApiId, StageName: 'dev', Description: 'first' }));
    assert.equal(dep.DeploymentStatus, 'DEPLOYED');
    assert.equal(dep.AutoDeployed, false);
    assert.equal((await client.send(new GetStageCommand({ ApiId, StageName: 'dev' }))).DeploymentId, dep.DeploymentId);
    const auto = await client.send(new CreateStageCommand({ ApiId, StageName: 'auto', AutoDeploy: true }));
    assert.ok(auto.DeploymentId);
    await client.send(new CreateRouteCommand({ ApiId, RouteKey: 'GET /b', Target: `integrations/${i.IntegrationId}` }));
    const after = await client.send(new GetStageCommand({ ApiId, StageName: 'auto' }));
    assert.notEqual(after.DeploymentId, auto.DeploymentId);
    assert.equal((await client.send(new GetStageCommand({ ApiId, StageName: 'dev' }))).DeploymentId, dep.DeploymentId);
    const deployments = await client.send(new GetDeploymentsCommand({ ApiId }));
    assert.equal(deployments.Items!.length, 3);
    const updated = await client.send(new UpdateStageCommand({ ApiId, StageName: 'dev', StageVariables: { v: '2' } }));
    assert.deepEqual(updated.StageVariables, { v: '2' });
    await assert.rejects(client.send(new GetStageCommand({ ApiId, StageName: 'nope' })), rejectsWith('NotFoundException', 404, 'Invalid stage identifier specified'));
  });

  it('updates and deletes the CORS configuration, tags and untags', async () => {
    const api = await client.send(new CreateApiCommand({ Name: 'cors', ProtocolType: 'HTTP', CorsConfiguration: { AllowOrigins: ['https://a.example'], MaxAge: 60 } }));
    assert.deepEqual(api.CorsConfiguration, { AllowOrigins: ['https://a.example'], MaxAge: 60 });
    await assert.rejects(
      client.send(new UpdateApiCommand({ ApiId: api.ApiId, CorsConfiguration: { AllowOrigins: ['*'], AllowCredentials: true } })),
      rejectsWith('BadRequestException', 400),
    );
    const up = await client.send(new UpdateApiCommand({ ApiId: api.ApiId, Name: 'cors2', CorsConfiguration: { AllowOrigins: ['*'], AllowMethods: ['GET'] } }));
    assert.equal(up.Name, 'cors2');
    assert.deepEqual(up.CorsConfiguration, { AllowOrigins: ['*'], AllowMethods: ['GET'] });
    await client.send(new DeleteCorsConfigurationCommand({ ApiId: api.ApiId }));
    assert.equal((await client.send(new GetApiCommand({ ApiId: api.ApiId }))).CorsConfiguration, undefined);
    const arn = `arn:aws:apigateway:us-east-1::/apis/${api.ApiId}`;
    await client.send(new TagResourceCommand({ ResourceArn: arn, Tags: { a: '1', b: '2' } }));
    await client.send(new UntagResourceCommand({ ResourceArn: arn, TagKeys: ['a'] }));
    assert.deepEqual((await client.send(new GetTagsCommand({ ResourceArn: arn }))).Tags, { b: '2' });
  });

  it('lists APIs in pages, deletes them, and leaves REST APIs (v1) to their own service', async () => {
    const before = (await client.send(new GetApisCommand({}))).Items!.length;
    const { ApiId } = await client.send(new CreateApiCommand({ Name: 'listed', ProtocolType: 'HTTP' }));
    const first = await client.send(new GetApisCommand({ MaxResults: '1' }));
    assert.equal(first.Items!.length, 1);
    assert.ok(first.NextToken);
    const all = [];
    let token: string | undefined;
    do {
      const page = await client.send(new GetApisCommand({ MaxResults: '2', NextToken: token }));
      all.push(...page.Items!);
      token = page.NextToken;
    } while (token);
    assert.equal(all.length, before + 1);
    await client.send(new DeleteApiCommand({ ApiId }));
    await assert.rejects(client.send(new GetApiCommand({ ApiId })), rejectsWith('NotFoundException', 404));
    const v1 = new APIGatewayClient(clientConfig(server.endpoint));
    assert.deepEqual((await v1.send(new GetRestApisCommand({}))).items ?? [], []);
    v1.destroy();
  });

  it('serves REST (v1) and HTTP (v2) APIs side by side on the same invoke URL forms', async () => {
    const v1 = new APIGatewayClient(clientConfig(server.endpoint));
    const rest = await v1.send(new CreateRestApiCommand({ name: 'v1' }));
    const root = (await v1.send(new GetResourcesCommand({ restApiId: rest.id }))).items![0]!.id;
    await v1.send(new PutMethodCommand({ restApiId: rest.id, resourceId: root, httpMethod: 'GET', authorizationType: 'NONE' }));
    await v1.send(new PutIntegrationCommand({ restApiId: rest.id, resourceId: root, httpMethod: 'GET', type: 'MOCK', requestTemplates: { 'application/json': '{"statusCode": 200}' } }));
    await v1.send(new PutMethodResponseCommand({ restApiId: rest.id, resourceId: root, httpMethod: 'GET', statusCode: '200' }));
    await v1.send(
      new PutIntegrationResponseCommand({ restApiId: rest.id, resourceId: root, httpMethod: 'GET', statusCode: '200', responseTemplates: { 'application/json': '{"from":"v1"}' } }),
    );
    await v1.send(new CreateRestDeploymentCommand({ restApiId: rest.id, stageName: 'dev' }));
    v1.destroy();
    const r1 = await http(`${server.endpoint}/_aws/execute-api/${rest.id}/dev/`);
    assert.equal(r1.status, 200);
    assert.deepEqual(r1.json(), { from: 'v1' });
    const byHost = await http(`${server.endpoint}/dev/`, { headers: { host: `${rest.id}.execute-api.localhost` } });
    assert.deepEqual(byHost.json(), { from: 'v1' });
    // A v2 API without the Lambda service: its integration fails the v2 way.
    const { ApiId } = await client.send(new CreateApiCommand({ Name: 'v2', ProtocolType: 'HTTP', Target: FN }));
    const r2 = await http(`${server.endpoint}/_aws/execute-api/${ApiId}/x`);
    assert.equal(r2.status, 500);
    assert.deepEqual(r2.json(), { message: 'Internal Server Error' });
    const r3 = await http(`${server.endpoint}/x`, { headers: { host: `${ApiId}.execute-api.localhost` } });
    assert.deepEqual(r3.json(), { message: 'Internal Server Error' });
  });

  it('records VPC links (AVAILABLE), with tags', async () => {
    const link = await client.send(new CreateVpcLinkCommand({ Name: 'link', SubnetIds: ['subnet-1'], SecurityGroupIds: ['sg-1'], Tags: { k: 'v' } }));
    assert.equal(link.VpcLinkStatus, 'AVAILABLE');
    assert.equal(link.VpcLinkVersion, 'V2');
    assert.deepEqual(link.Tags, { k: 'v' });
    const got = await client.send(new GetVpcLinkCommand({ VpcLinkId: link.VpcLinkId }));
    assert.deepEqual(got.SubnetIds, ['subnet-1']);
    assert.equal((await client.send(new GetVpcLinksCommand({}))).Items!.length, 1);
    await client.send(new DeleteVpcLinkCommand({ VpcLinkId: link.VpcLinkId }));
    await assert.rejects(client.send(new GetVpcLinkCommand({ VpcLinkId: link.VpcLinkId })), rejectsWith('NotFoundException', 404));
  });
});
