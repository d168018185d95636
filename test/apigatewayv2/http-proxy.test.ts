import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { CreateApiCommand, CreateIntegrationCommand, CreateRouteCommand, CreateStageCommand } from '@aws-sdk/client-apigatewayv2';
import { signHeaders } from '../helpers/sign.js';
import { http, startEnv, type Env } from './helpers.js';

describe('apigatewayv2 HTTP proxy integrations and parameter mapping', () => {
  let env: Env;
  let backend: Server;
  let base: string;
  let api: string;
  before(async () => {
    backend = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        res.setHeader('content-type', 'application/json');
        res.setHeader('x-backend', 'yes');
        res.statusCode = req.url?.startsWith('/status/') ? Number(req.url.slice(8, 11)) : 200;
        res.end(JSON.stringify({ method: req.method, url: req.url, headers: req.headers, body: Buffer.concat(chunks).toString('utf8') }));
      });
    });
    await new Promise<void>((r) => backend.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(backend.address() as AddressInfo).port}`;
    env = await startEnv({ auth: 'strict' });
    api = (await env.v2.send(new CreateApiCommand({ Name: 'proxy', ProtocolType: 'HTTP' }))).ApiId!;
    const plain = await env.v2.send(new CreateIntegrationCommand({ ApiId: api, IntegrationType: 'HTTP_PROXY', IntegrationMethod: 'ANY', IntegrationUri: `${base}/up/{proxy}` }));
    const mapped = await env.v2.send(
      new CreateIntegrationCommand({
        ApiId: api,
        IntegrationType: 'HTTP_PROXY',
        IntegrationMethod: 'POST',
        IntegrationUri: `${base}/ignored`,
        RequestParameters: {
          'overwrite:path': '/mapped/$request.path.id',
          'append:header.x-user': '$request.header.x-name',
          'overwrite:header.x-stage': '$context.stage',
          'remove:header.x-secret': "''",
          'append:querystring.from': '$request.body.from',
        },
        ResponseParameters: { '200': { 'overwrite:statuscode': '202', 'append:header.x-mapped': '$response.header.x-backend', 'remove:header.x-backend': "''" } },
      }),
    );
    await env.v2.send(new CreateRouteCommand({ ApiId: api, RouteKey: 'ANY /up/{proxy+}', Target: `integrations/${plain.IntegrationId}` }));
    await env.v2.send(new CreateRouteCommand({ ApiId: api, RouteKey: 'POST /items/{id}', Target: `integrations/${mapped.IntegrationId}` }));
    await env.v2.send(new CreateRouteCommand({ ApiId: api, RouteKey: 'GET /iam', Target: `integrations/${plain.IntegrationId}`, AuthorizationType: 'AWS_IAM' }));
    await env.v2.send(new CreateStageCommand({ ApiId: api, StageName: '$default', AutoDeploy: true }));
  });
  after(async () => {
    await env.stop();
    backend.close();
  });

  it('forwards method, path parameters, query, headers and body to the backend and its answer back', async () => {
    const r = await http(`${env.server.endpoint}/_aws/execute-api/${api}/up/a/b?x=1`, { method: 'PUT', body: 'payload', headers: { 'x-h': 'v' } });
    assert.equal(r.status, 200);
    assert.equal(r.headers['x-backend'], 'yes');
    const seen = r.json();
    assert.equal(seen.method, 'PUT');
    assert.equal(seen.url, '/up/a/b?x=1');
    assert.equal(seen.headers['x-h'], 'v');
    assert.equal(seen.headers['x-forwarded-for'], '127.0.0.1');
    assert.equal(seen.body, 'payload');
    const status = await http(`${env.server.endpoint}/_aws/execute-api/${api}/up/status/418`);
    assert.equal(status.status, 200);
    assert.equal(status.json().url, '/up/status/418');
  });

  it('maps request parameters (path, headers, query string) and response parameters (status, headers)', async () => {
    const r = await http(`${env.server.endpoint}/_aws/execute-api/${api}/items/42`, {
      method: 'POST',
      body: JSON.stringify({ from: 'web' }),
      headers: { 'content-type': 'application/json', 'x-name': 'ann', 'x-secret': 's3cr3t' },
    });
    assert.equal(r.status, 202);
    assert.equal(r.headers['x-mapped'], 'yes');
    assert.equal(r.headers['x-backend'], undefined);
    const seen = r.json();
    assert.equal(seen.url, '/mapped/42?from=web');
    assert.equal(seen.headers['x-user'], 'ann');
    assert.equal(seen.headers['x-stage'], '$default');
    assert.equal(seen.headers['x-secret'], undefined);
  });

  it('refuses malformed mapping keys', async () => {
    await assert.rejects(
      env.v2.send(new CreateIntegrationCommand({ ApiId: api, IntegrationType: 'HTTP_PROXY', IntegrationMethod: 'GET', IntegrationUri: base, RequestParameters: { 'overwrite:statuscode': '200' } })),
      (e: Error) => e.name === 'BadRequestException',
    );
  });

  it('requires a valid SigV4 signature for execute-api on AWS_IAM routes', async () => {
    const path = `/_aws/execute-api/${api}/iam`;
    const host = new URL(env.server.endpoint).host;
    const unsigned = await http(`${env.server.endpoint}${path}`);
    assert.equal(unsigned.status, 403);
    assert.deepEqual(unsigned.json(), { message: 'Missing Authentication Token' });
    const cred = { service: 'execute-api', region: 'us-east-1', accessKeyId: 'test', secretAccessKey: 'test' };
    const signed = await http(`${env.server.endpoint}${path}`, { headers: signHeaders(cred, 'GET', path, { host }, Buffer.alloc(0)) });
    assert.equal(signed.status, 200, signed.text);
    const wrong = await http(`${env.server.endpoint}${path}`, { headers: signHeaders({ ...cred, secretAccessKey: 'other' }, 'GET', path, { host }, Buffer.alloc(0)) });
    assert.equal(wrong.status, 403);
    assert.match(wrong.json().message, /^The request signature we calculated does not match/);
  });
});
