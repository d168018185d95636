import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { STSClient, GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { definition as stsDefinition } from '../../src/services/sts/index.js';
import type { ServiceDefinition } from '../../src/services/service.js';
import { awsCli } from '../helpers/clients.js';
import { clientConfig, spawnServer, startServer, type TestServer } from '../helpers/server.js';

describe('the platform end to end', () => {
  let server: TestServer;
  before(async () => {
    server = await startServer();
  });
  after(() => server.stop());

  it('STS GetCallerIdentity through the SDK returns the account and root ARN', async () => {
    const sts = new STSClient(clientConfig(server.endpoint));
    const me = await sts.send(new GetCallerIdentityCommand({}));
    assert.equal(me.Account, '000000000000');
    assert.equal(me.Arn, 'arn:aws:iam::000000000000:root');
    assert.equal(me.UserId, '000000000000');
  });

  it('derives the account from a 12-digit access key', async () => {
    const sts = new STSClient({ ...clientConfig(server.endpoint), credentials: { accessKeyId: '123456789012', secretAccessKey: 'x' } });
    const me = await sts.send(new GetCallerIdentityCommand({}));
    assert.equal(me.Account, '123456789012');
    assert.equal(me.Arn, 'arn:aws:iam::123456789012:root');
  });

  it('answers GET /_stratus/health with version, uptime and services', async () => {
    const res = await fetch(`${server.endpoint}/_stratus/health`);
    assert.equal(res.status, 200);
    const body = (await res.json()) as { version: string; uptimeSeconds: number; services: Record<string, { state: string }> };
    assert.match(body.version, /^\d+\.\d+\.\d+/);
    assert.equal(typeof body.uptimeSeconds, 'number');
    assert.equal(body.services.sts?.state, 'running');
  });

  it('advances the platform clock through the admin API', async () => {
    const before = server.clock.now();
    const res = await fetch(`${server.endpoint}/_stratus/clock`, { method: 'POST', body: JSON.stringify({ advanceSeconds: 3600 }) });
    assert.equal(res.status, 200);
    assert.ok(server.clock.now() - before >= 3600_000);
    const bad = await fetch(`${server.endpoint}/_stratus/clock`, { method: 'POST', body: '{"advanceMs":-1}' });
    assert.equal(bad.status, 400);
  });

  it('sends request ids and CORS headers, and answers preflight requests', async () => {
    const res = await fetch(`${server.endpoint}/`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'http://app.local' },
      body: 'Action=GetCallerIdentity&Version=2011-06-15',
    });
    assert.equal(res.status, 200);
    assert.match(res.headers.get('x-amzn-requestid') ?? '', /^[0-9a-f-]{36}$/);
    assert.equal(res.headers.get('access-control-allow-origin'), 'http://app.local');
    const text = await res.text();
    assert.match(text, /<Account>000000000000<\/Account>/);
    assert.match(text, new RegExp(`<RequestId>${res.headers.get('x-amzn-requestid')}</RequestId>`));
    const pre = await fetch(`${server.endpoint}/`, {
      method: 'OPTIONS',
      headers: { origin: 'http://app.local', 'access-control-request-method': 'POST', 'access-control-request-headers': 'x-amz-target,content-type' },
    });
    assert.equal(pre.status, 200);
    assert.equal(pre.headers.get('access-control-allow-headers'), 'x-amz-target,content-type');
  });

  it('answers an unknown query action with InvalidAction', async () => {
    const res = await fetch(`${server.endpoint}/`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'Action=NoSuchThing&Version=2011-06-15',
    });
    assert.equal(res.status, 400);
    assert.match(await res.text(), /<Code>InvalidAction<\/Code>/);
  });

  it('answers an operation of a known model that Stratus lacks with NotImplemented', async () => {
    const res = await fetch(`${server.endpoint}/`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'Action=GetDelegatedAccessToken&Version=2011-06-15&TradeInToken=abc',
    });
    assert.equal(res.status, 501);
    assert.match(await res.text(), /<Code>NotImplemented<\/Code>/);
  });
});

describe('malformed requests get AWS errors and the server keeps serving', () => {
  let server: TestServer;
  before(async () => {
    // A Step Functions model (awsJson1.0) served by a provider that must never be reached.
    const unreachable: ServiceDefinition = {
      name: 'stepfunctions',
      create: async () => ({
        DescribeExecution: async () => {
          throw new Error('malformed input reached the provider');
        },
      }),
    };
    server = await startServer({ services: [stsDefinition, unreachable] });
  });
  after(() => server.stop());

  const target = (op: string) => ({ 'content-type': 'application/x-amz-json-1.0', 'x-amz-target': `AWSStepFunctions.${op}` });

  for (const [label, body] of [
    ['invalid JSON', Buffer.from('{"executionArn": ')],
    ['invalid UTF-8', Buffer.from([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x7d])],
    ['10 MB of garbage', Buffer.alloc(10 * 1024 * 1024, 0x41)],
    ['a JSON array', Buffer.from('[1,2,3]')],
  ] as const) {
    it(`${label}: SerializationException`, async () => {
      const res = await fetch(`${server.endpoint}/`, { method: 'POST', headers: target('DescribeExecution'), body });
      assert.equal(res.status, 400);
      const json = (await res.json()) as { __type: string };
      assert.equal(json.__type, 'SerializationException');
    });
  }

  it('a wrong type for a member: SerializationException naming the type', async () => {
    const res = await fetch(`${server.endpoint}/`, { method: 'POST', headers: target('DescribeExecution'), body: '{"executionArn": 12}' });
    assert.equal(res.status, 400);
    // Step Functions runs on the newer Coral stack: "can not be converted to a String" (DynamoDB's older one says "cannot be converted to String").
    assert.deepEqual(await res.json(), { __type: 'SerializationException', message: 'NUMBER_VALUE can not be converted to a String' });
  });

  it('an unknown JSON target: UnknownOperationException', async () => {
    const res = await fetch(`${server.endpoint}/`, { method: 'POST', headers: target('NoSuchOp'), body: '{}' });
    assert.equal(res.status, 400);
    assert.equal(((await res.json()) as { __type: string }).__type, 'UnknownOperationException');
  });

  it('still serves after all of that', async () => {
    const sts = new STSClient(clientConfig(server.endpoint));
    assert.equal((await sts.send(new GetCallerIdentityCommand({}))).Account, '000000000000');
  });

  it('a null JSON body is an empty input (validation names the missing member)', async () => {
    const res = await fetch(`${server.endpoint}/`, { method: 'POST', headers: target('DescribeExecution'), body: 'null' });
    assert.equal(res.status, 400);
    const json = (await res.json()) as { __type: string; message: string };
    // A model-constraint violation is Coral's own type, namespaced, in Step Functions as in DynamoDB.
    assert.equal(json.__type, 'com.amazon.coral.validate#ValidationException');
    assert.equal(json.message, "1 validation error detected: Value null at 'executionArn' failed to satisfy constraint: Member must not be null");
  });
});

describe('the stratus command', () => {
  it('starts, serves the AWS CLI and the SDK, and stops cleanly on SIGTERM', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'stratus-cli-'));
    const server = await spawnServer(['--data-dir', dataDir]);
    try {
      assert.match(server.output(), new RegExp(`ready at http://127\\.0\\.0\\.1:\\d+ \\(data: ${dataDir.replace(/[/\\]/g, '\\$&')}`));
      const sts = new STSClient(clientConfig(server.endpoint));
      assert.equal((await sts.send(new GetCallerIdentityCommand({}))).Account, '000000000000');
      const identity = JSON.parse(await awsCli(['sts', 'get-caller-identity', '--endpoint-url', server.endpoint])) as { Account: string; Arn: string };
      assert.equal(identity.Account, '000000000000');
      assert.equal(identity.Arn, 'arn:aws:iam::000000000000:root');
    } finally {
      assert.equal(await server.stop(), 0);
    }
  });
});


describe('background jobs', () => {
  it('start once the server listens: a job enqueued as a service starts runs with the endpoint known', async () => {
    const endpoints: string[] = [];
    const early: ServiceDefinition = {
      name: 'sts',
      create: async (platform) => {
        platform.jobs.handle('test.endpoint', async () => void endpoints.push(platform.endpoint()));
        await platform.jobs.enqueue({ kind: 'test.endpoint' });
        // Transactions commit in order: a claim asked for by now has committed (and its run started).
        await platform.db.tx(async () => {});
        return stsDefinition.create(platform);
      },
    };
    const server = await startServer({ services: [early] });
    try {
      for (let i = 0; i < 2000 && endpoints.length === 0; i++) await new Promise((r) => setTimeout(r, 5));
      assert.deepEqual(endpoints, [server.endpoint]);
    } finally {
      await server.stop();
    }
  });
});
