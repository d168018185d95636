/**
 * The console's files under /_stratus/console/ (types, ETag and 304, index for the folder, 404s,
 * no traversal), the request log at /_stratus/requests, and the console's SigV4 signer and service
 * table checked against the SDK's signer and the models.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { SignatureV4 } from '@smithy/signature-v4';
import { Sha256 } from '@aws-crypto/sha256-js';
import { SFNClient, ListStateMachinesCommand, DescribeStateMachineCommand } from '@aws-sdk/client-sfn';
import { clientConfig, startServer, type TestServer } from '../helpers/server.js';
import { REPO } from './helpers.js';

function get(endpoint: string, path: string, headers: Record<string, string> = {}, method = 'GET'): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }> {
  const { hostname, port } = new URL(endpoint);
  return new Promise((resolve, reject) => {
    // node:http sends the path as given (no `..` normalisation), as an attacker's client would.
    const req = request({ host: hostname, port, path, method, headers }, (res) => {
      let body = '';
      res.on('data', (d) => (body += d));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('console files and the request log', () => {
  let server: TestServer;
  before(async () => {
    server = await startServer({ config: { auth: 'strict', credentials: [{ accessKeyId: 'test', secretAccessKey: 'test', accountId: '000000000000' }] } });
  });
  after(() => server.stop());

  it('serves index.html for the folder, with its type and an ETag that revalidates to 304', async () => {
    const bare = await get(server.endpoint, '/_stratus/console');
    assert.equal(bare.status, 301);
    assert.equal(bare.headers.location, '/_stratus/console/');
    const index = await get(server.endpoint, '/_stratus/console/');
    assert.equal(index.status, 200);
    assert.equal(index.headers['content-type'], 'text/html; charset=utf-8');
    assert.equal(index.headers['cache-control'], 'no-cache');
    assert.equal(index.body, readFileSync(join(REPO, 'console/index.html'), 'utf8'));
    const etag = index.headers.etag as string;
    assert.match(etag, /^W\/"[0-9a-f]+-[0-9a-f]+"$/);
    const again = await get(server.endpoint, '/_stratus/console/index.html', { 'if-none-match': etag });
    assert.equal(again.status, 304);
    assert.equal(again.body, '');
    const head = await get(server.endpoint, '/_stratus/console/app.js', {}, 'HEAD');
    assert.equal(head.status, 200);
    assert.equal(head.headers['content-type'], 'text/javascript; charset=utf-8');
    assert.equal((await get(server.endpoint, '/_stratus/console/README.md')).headers['content-type'], 'text/markdown; charset=utf-8');
  });

  it('answers 404 for unknown files and for paths that leave the folder, 405 for writes', async () => {
    for (const p of ['/_stratus/console/nope.js', '/_stratus/console/../package.json', '/_stratus/console/%2e%2e/package.json', '/_stratus/console/..%2fpackage.json', '/_stratus/console/lib/..%2f..%2fpackage.json', '/_stratus/console/%00', '/_stratus/console/.gitignore']) {
      const r = await get(server.endpoint, p);
      assert.equal(r.status, 404, p);
      assert.doesNotMatch(r.body, /"name": "stratus"/, p);
    }
    assert.equal((await get(server.endpoint, '/_stratus/console/', {}, 'POST')).status, 405);
  });

  it('keeps the recent API requests for /_stratus/requests?since=', async () => {
    const sfn = new SFNClient(clientConfig(server.endpoint));
    const before = (await (await fetch(`${server.endpoint}/_stratus/requests?limit=1`)).json()) as { last: number };
    await sfn.send(new ListStateMachinesCommand({}));
    await assert.rejects(sfn.send(new DescribeStateMachineCommand({ stateMachineArn: 'arn:aws:states:us-east-1:000000000000:stateMachine:none' })));
    const r = (await (await fetch(`${server.endpoint}/_stratus/requests?since=${before.last}`)).json()) as { last: number; records: any[] };
    assert.equal(r.records.length, 2);
    assert.equal(r.last, before.last + 2);
    assert.deepEqual(
      r.records.map((x) => [x.service, x.operation, x.status]),
      [
        ['stepfunctions', 'ListStateMachines', 200],
        ['stepfunctions', 'DescribeStateMachine', 400],
      ],
    );
    assert.match(r.records[0].time, /^\d{4}-\d\d-\d\dT/);
    assert.equal(typeof r.records[0].durationMs, 'number');
    assert.match(r.records[0].requestId, /^[0-9a-f-]{36}$/);
    const none = (await (await fetch(`${server.endpoint}/_stratus/requests?since=${r.last}`)).json()) as { records: unknown[] };
    assert.deepEqual(none.records, []);
    assert.equal((await fetch(`${server.endpoint}/_stratus/requests?since=-1`)).status, 400);
  });

  it('says the auth mode and region in /_stratus/health (the console asks for a key in strict mode)', async () => {
    const h = (await (await fetch(`${server.endpoint}/_stratus/health`)).json()) as { auth: string; region: string };
    assert.equal(h.auth, 'strict');
    assert.equal(h.region, 'us-east-1');
  });
});

describe('the console signer and service table', () => {
  const load = (rel: string) => import(pathToFileURL(join(REPO, 'console/lib', rel)).href);

  it('signs as the SDK signer does (JSON, REST with a query, S3 paths)', async () => {
    const { signRequest } = await load('sigv4.js');
    const credentials = { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY', sessionToken: 'tok' };
    const now = new Date('2026-01-02T03:04:05Z');
    const cases: { service: string; method: string; path: string; query: Record<string, string>; headers: Record<string, string>; body: string }[] = [
      { service: 'states', method: 'POST', path: '/', query: {}, headers: { 'content-type': 'application/x-amz-json-1.0', 'x-amz-target': 'AWSStepFunctions.ListStateMachines' }, body: '{}' },
      { service: 'lambda', method: 'GET', path: '/2015-03-31/functions/my%20fn%3A1/configuration', query: { Qualifier: 'a b', Marker: 'x/y+z' }, headers: {}, body: '' },
      { service: 's3', method: 'PUT', path: '/bucket/a%20key/%C3%A9', query: {}, headers: { 'content-type': 'text/plain' }, body: 'hello' },
    ];
    for (const c of cases) {
      const ours = await signRequest({ method: c.method, host: 'localhost:4566', path: c.path, query: Object.entries(c.query), headers: c.headers, body: c.body, service: c.service, region: 'eu-west-1', credentials, now });
      const signer = new SignatureV4({ service: c.service, region: 'eu-west-1', credentials, sha256: Sha256, uriEscapePath: c.service !== 's3' });
      const sdk = await signer.sign(
        // The SDK's request: its path is already encoded, as the console's is.
        { method: c.method, protocol: 'http:', hostname: 'localhost', port: 4566, path: c.path, query: c.query, headers: { ...c.headers, host: 'localhost:4566', 'x-amz-content-sha256': ours['x-amz-content-sha256'] }, body: c.body },
        { signingDate: now },
      );
      assert.equal(ours.authorization, sdk.headers.authorization, `${c.service} ${c.path}`);
    }
  });

  it('knows each service Stratus serves as its model describes it', async () => {
    const { SERVICES } = await load('aws.js');
    const served = (await import(pathToFileURL(join(REPO, 'dist/src/server/registry.js')).href)).discoverServices as () => Promise<{ name: string }[]>;
    const names = (await served()).map((d) => d.name).sort();
    assert.deepEqual(Object.keys(SERVICES).sort(), names);
    for (const name of names) {
      const meta = JSON.parse(readFileSync(join(REPO, 'models/aws', name, 'service-2.json'), 'utf8')).metadata;
      const s = SERVICES[name];
      assert.equal(s.signingName, meta.signingName ?? meta.endpointPrefix, name);
      assert.equal(s.protocol, meta.protocol, name);
      if (s.protocol === 'json') {
        assert.equal(s.targetPrefix, meta.targetPrefix, name);
        assert.equal(s.jsonVersion, meta.jsonVersion, name);
      }
      if (s.protocol === 'query') assert.equal(s.apiVersion, meta.apiVersion, name);
    }
  });
});
