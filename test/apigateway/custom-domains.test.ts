/**
 * Custom domain names as routing sees them: claimed from memory only (an unknown host never is, so
 * AWS calls from other host names go to the AWS API router), before the path forms (a custom
 * domain's `/restapis/...` is the mapped API's), and current as soon as this process's writes are answered.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { CreateBasePathMappingCommand, CreateDomainNameCommand, DeleteBasePathMappingCommand, DeleteDomainNameCommand } from '@aws-sdk/client-api-gateway';
import { CustomDomains } from '../../src/services/apigateway/dataplane/entry.js';
import type { Store } from '../../src/services/apigateway/store.js';
import { ApiBuilder, lambdaProxy } from './build.js';
import { http, startGateway, type Gateway } from './helpers.js';

type Rows = Awaited<ReturnType<Store['allDomains']>>;

/** A store whose domain table reads are answered by the test, in any order. */
function pendingStore() {
  const reads: ((rows: Rows) => void)[] = [];
  const store = { db: {}, allDomains: () => new Promise<Rows>((resolve) => reads.push(resolve)) } as unknown as Store;
  return { store, reads };
}

const row = (domainName: string): Rows[number] => ({ domainName, mappings: {}, scope: { accountId: '000000000000', region: 'us-east-1' } }) as unknown as Rows[number];

describe('custom domain names in memory', () => {
  it('claims only the names loaded, without reading the table', async () => {
    const { store, reads } = pendingStore();
    const domains = new CustomDomains(store, () => undefined);
    const opening = domains.open();
    reads[0]!([row('api.example.com')]);
    await opening;
    assert.equal(domains.claims('api.example.com'), true);
    assert.equal(domains.claims('dynamodb.us-east-1.amazonaws.com'), false);
    assert.equal(domains.claims('host.docker.internal'), false);
    assert.equal(reads.length, 1);
    await domains.close();
  });

  it('keeps the newest read when reloads finish out of order', async () => {
    const { store, reads } = pendingStore();
    const domains = new CustomDomains(store, () => undefined);
    const older = domains.reload();
    const newer = domains.reload();
    reads[1]!([row('new.example.com')]);
    await newer;
    reads[0]!([row('old.example.com')]);
    await older;
    assert.equal(domains.claims('new.example.com'), true);
    assert.equal(domains.claims('old.example.com'), false);
  });

  it('keeps the names it has when a reload fails', async () => {
    const logged: Record<string, unknown>[] = [];
    let fail = false;
    const store = { db: {}, allDomains: async () => (fail ? Promise.reject(new Error('database gone')) : [row('api.example.com')]) } as unknown as Store;
    const domains = new CustomDomains(store, (fields) => logged.push(fields));
    await domains.reload();
    fail = true;
    await domains.reload();
    assert.equal(domains.claims('api.example.com'), true);
    assert.match(String(logged[0]?.error), /database gone/);
  });
});

describe('custom domain names on the server', () => {
  let gw: Gateway;
  let api: ApiBuilder;

  before(async () => {
    gw = await startGateway();
    const echo = gw.lambda.add('echo', (event) => ({ statusCode: 200, body: JSON.stringify({ path: event.path, stage: event.requestContext.stage, domain: event.requestContext.domainName, body: event.body }) }));
    api = await ApiBuilder.create(gw.client, 'custom-domains');
    await api.method('/{proxy+}', 'ANY', lambdaProxy(echo));
    await api.deploy('v1');
  });
  after(() => gw.stop());

  const onDomain = (host: string, path: string, options: { method?: string; body?: string } = {}) =>
    http(`${gw.server.endpoint}${path}`, { ...options, headers: { host: `${host}:${gw.server.port}`, 'content-type': 'application/json' } });

  it('serves a domain at once, paths of the invoke URL forms included, and forgets it at once', async () => {
    const host = 'paths.example.test';
    await gw.client.send(new CreateDomainNameCommand({ domainName: host, regionalCertificateArn: 'arn:aws:acm:us-east-1:000000000000:certificate/x', endpointConfiguration: { types: ['REGIONAL'] } }));
    await gw.client.send(new CreateBasePathMappingCommand({ domainName: host, restApiId: api.id, stage: 'v1' }));
    for (const path of [`/restapis/${api.id}`, `/restapis/${api.id}/v1/_user_request_/x`, `/_aws/execute-api/${api.id}/v1/x`, '/stratus-lambda-code/x.zip']) {
      const r = await onDomain(host, path);
      assert.equal(r.status, 200, `${path}: ${r.text}`);
      assert.deepEqual(r.json(), { path, stage: 'v1', domain: host, body: null });
    }
    const posted = await onDomain(host, '/restapis', { method: 'POST', body: '{"name":"not a control plane call"}' });
    assert.deepEqual(posted.json(), { path: '/restapis', stage: 'v1', domain: host, body: '{"name":"not a control plane call"}' });

    await gw.client.send(new DeleteBasePathMappingCommand({ domainName: host, basePath: '(none)' }));
    const unmapped = await onDomain(host, `/restapis/${api.id}`);
    assert.equal(unmapped.status, 403);
    assert.deepEqual(unmapped.json(), { message: 'Forbidden' });

    await gw.client.send(new DeleteDomainNameCommand({ domainName: host }));
    // No longer a custom domain: the path is an AWS API call again (GetRestApi).
    const control = await onDomain(host, `/restapis/${api.id}`);
    assert.equal(control.status, 200, control.text);
    assert.equal(control.json().name, 'custom-domains');
  });

  it('leaves AWS calls from host names that are not custom domains to the AWS API, every time', async () => {
    const call = async (host: string): Promise<void> => {
      const r = await onDomain(host, '/restapis', { method: 'POST', body: JSON.stringify({ name: `from ${host}` }) });
      assert.equal(r.status, 201, `${host}: ${r.text}`);
      assert.equal(r.json().name, `from ${host}`);
    };
    const hosts = ['apigateway.us-east-1.amazonaws.com', 'host.docker.internal', 'stratus'];
    for (const host of hosts) await call(host);
    // Past the background reload interval, and right after a domain write, the same.
    await new Promise((r) => setTimeout(r, 1100));
    for (const host of hosts) await call(host);
    await gw.client.send(new CreateDomainNameCommand({ domainName: 'other.example.test', regionalCertificateArn: 'arn:aws:acm:us-east-1:000000000000:certificate/x', endpointConfiguration: { types: ['REGIONAL'] } }));
    for (const host of hosts) await call(host);
  });
});
