import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { APIGatewayClient } from '@aws-sdk/client-api-gateway';
import { LambdaClient } from '@aws-sdk/client-lambda';
import { clientConfig, startServer, type TestServer } from '../helpers/server.js';
import { SERVICES, createFunction } from '../lambda/helpers.js';
import { definition as apigateway } from '../../src/services/apigateway/index.js';
import { http } from './helpers.js';
import { ApiBuilder, lambdaProxy } from './build.js';

const HANDLER = `
exports.handler = async (event) => {
  if (event.path === '/fail') throw new Error('boom');
  return {
    statusCode: 200,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ message: 'hello', path: event.path, q: event.queryStringParameters, body: event.body }),
  };
};`;

describe('apigateway with the real Lambda service', () => {
  let server: TestServer;
  let client: APIGatewayClient;
  let lambda: LambdaClient;
  before(async () => {
    server = await startServer({ config: { services: { lambda: { idleTimeoutSeconds: 600 } } }, services: [...SERVICES, apigateway] });
    client = new APIGatewayClient(clientConfig(server.endpoint));
    lambda = new LambdaClient(clientConfig(server.endpoint));
    await createFunction(lambda, 'gw-hello', { 'index.js': HANDLER });
  });
  after(async () => {
    client.destroy();
    lambda.destroy();
    await server.stop();
  });

  it('invokes a deployed Node function through a Lambda proxy integration', async () => {
    const uri = 'arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:000000000000:function:gw-hello/invocations';
    const api = await ApiBuilder.create(client, 'real');
    await api.method('/{proxy+}', 'ANY', lambdaProxy(uri));
    await api.deploy('dev');
    const url = (p: string) => `${server.endpoint}/restapis/${api.id}/dev/_user_request_${p}`;
    const r = await http(url('/greet?who=me'), { method: 'POST', body: 'hi' });
    assert.equal(r.status, 200);
    assert.deepEqual(r.json(), { message: 'hello', path: '/greet', q: { who: 'me' }, body: 'hi' });
    const fail = await http(url('/fail'));
    assert.equal(fail.status, 502);
    assert.deepEqual(fail.json(), { message: 'Internal server error' });
  });
});
