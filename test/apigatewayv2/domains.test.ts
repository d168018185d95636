import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  CreateApiCommand,
  CreateApiMappingCommand,
  CreateDomainNameCommand,
  CreateStageCommand,
  DeleteApiMappingCommand,
  DeleteDomainNameCommand,
  GetApiMappingsCommand,
  GetDomainNameCommand,
  GetDomainNamesCommand,
} from '@aws-sdk/client-apigatewayv2';
import { createFunction } from '../lambda/helpers.js';
import { fnArn, http, startEnv, type Env } from './helpers.js';

const HANDLER = `exports.handler = async (event) => ({ rawPath: event.rawPath, routeKey: event.routeKey, stage: event.requestContext.stage, domainName: event.requestContext.domainName });`;

describe('apigatewayv2 custom domain names and API mappings', () => {
  let env: Env;
  before(async () => {
    env = await startEnv();
    await createFunction(env.lambda, 'where', { 'index.js': HANDLER });
  });
  after(() => env.stop());

  it('routes a custom domain by its API mappings (longest key first, root mapping last)', async () => {
    const root = (await env.v2.send(new CreateApiCommand({ Name: 'root', ProtocolType: 'HTTP', Target: fnArn('where') }))).ApiId!;
    const orders = (await env.v2.send(new CreateApiCommand({ Name: 'orders', ProtocolType: 'HTTP', Target: fnArn('where'), RouteKey: 'GET /list' }))).ApiId!;
    await env.v2.send(new CreateStageCommand({ ApiId: orders, StageName: 'v1', AutoDeploy: true }));
    const domain = await env.v2.send(new CreateDomainNameCommand({ DomainName: 'api.example.com', DomainNameConfigurations: [{ CertificateArn: 'arn:aws:acm:us-east-1:000000000000:certificate/x' }] }));
    assert.equal(domain.ApiMappingSelectionExpression, '$request.basepath');
    assert.equal(domain.DomainNameConfigurations![0]!.DomainNameStatus, 'AVAILABLE');
    assert.match(domain.DomainNameConfigurations![0]!.ApiGatewayDomainName!, /^d-[a-z0-9]{10}\.execute-api\.us-east-1\.amazonaws\.com$/);
    await assert.rejects(env.v2.send(new CreateDomainNameCommand({ DomainName: 'api.example.com' })), (e: Error) => e.name === 'ConflictException');
    await env.v2.send(new CreateApiMappingCommand({ DomainName: 'api.example.com', ApiId: root, Stage: '$default' }));
    const m = await env.v2.send(new CreateApiMappingCommand({ DomainName: 'api.example.com', ApiId: orders, Stage: 'v1', ApiMappingKey: 'orders/v1' }));
    await assert.rejects(
      env.v2.send(new CreateApiMappingCommand({ DomainName: 'api.example.com', ApiId: orders, Stage: 'v1', ApiMappingKey: 'orders/v1' })),
      (e: Error) => e.name === 'ConflictException',
    );
    await assert.rejects(env.v2.send(new CreateApiMappingCommand({ DomainName: 'api.example.com', ApiId: orders, Stage: 'nope' })), (e: Error) => e.name === 'BadRequestException');
    assert.equal((await env.v2.send(new GetApiMappingsCommand({ DomainName: 'api.example.com' }))).Items!.length, 2);

    const host = { host: 'api.example.com' };
    const list = await http(`${env.server.endpoint}/orders/v1/list`, { headers: host });
    assert.equal(list.status, 200);
    assert.deepEqual(list.json(), { rawPath: '/orders/v1/list', routeKey: 'GET /list', stage: 'v1', domainName: 'api.example.com' });
    const other = await http(`${env.server.endpoint}/orders/else`, { headers: host });
    assert.deepEqual(other.json().stage, '$default');
    assert.equal(other.json().routeKey, '$default');

    await env.v2.send(new DeleteApiMappingCommand({ DomainName: 'api.example.com', ApiMappingId: m.ApiMappingId }));
    assert.equal((await http(`${env.server.endpoint}/orders/v1/list`, { headers: host })).json().stage, '$default');
    await env.v2.send(new DeleteDomainNameCommand({ DomainName: 'api.example.com' }));
    await assert.rejects(env.v2.send(new GetDomainNameCommand({ DomainName: 'api.example.com' })), (e: Error) => e.name === 'NotFoundException');
    assert.deepEqual((await env.v2.send(new GetDomainNamesCommand({}))).Items, []);
  });

  it('answers mutual TLS as not supported', async () => {
    await assert.rejects(
      env.v2.send(new CreateDomainNameCommand({ DomainName: 'mtls.example.com', MutualTlsAuthentication: { TruststoreUri: 's3://bucket/truststore.pem' } })),
      (e: Error) => e.name === 'BadRequestException',
    );
  });
});
