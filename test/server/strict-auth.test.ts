import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { SignatureV4 } from '@smithy/signature-v4';
import { Sha256 } from '@aws-crypto/sha256-js';
import { STSClient, GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { SFNClient, ListStateMachinesCommand } from '@aws-sdk/client-sfn';
import { definition as stsDefinition } from '../../src/services/sts/index.js';
import type { ServiceDefinition } from '../../src/services/service.js';
import { startServer, type TestServer } from '../helpers/server.js';

const ACCOUNT = '111122223333';
const KEY = { accessKeyId: 'AKIASTRATUSTEST00001', secretAccessKey: 'strict-secret' };

const sfnEcho: ServiceDefinition = {
  name: 'stepfunctions',
  create: async () => ({ ListStateMachines: async () => ({ stateMachines: [] }) }),
};

/** Signs a raw STS query request the way an SDK would, optionally at another time. */
async function signedSts(endpoint: string, body: string, opts: { secret?: string; key?: string; date?: Date } = {}) {
  const url = new URL(endpoint);
  const signer = new SignatureV4({
    service: 'sts',
    region: 'us-east-1',
    sha256: Sha256,
    credentials: { accessKeyId: opts.key ?? KEY.accessKeyId, secretAccessKey: opts.secret ?? KEY.secretAccessKey },
  });
  return signer.sign(
    {
      method: 'POST',
      protocol: 'http:',
      hostname: url.hostname,
      port: Number(url.port),
      path: '/',
      headers: { host: url.host, 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' },
      body,
    },
    { signingDate: opts.date },
  );
}

async function send(endpoint: string, req: { headers: Record<string, string>; body?: unknown }, body?: string) {
  const res = await fetch(`${endpoint}/`, { method: 'POST', headers: req.headers, body: body ?? (req.body as string) });
  return { status: res.status, text: await res.text() };
}

describe('--auth strict verifies SigV4', () => {
  let server: TestServer;
  before(async () => {
    server = await startServer({
      config: { auth: 'strict', credentials: [{ ...KEY, accountId: ACCOUNT }] },
      services: [stsDefinition, sfnEcho],
    });
  });
  after(() => server.stop());

  const body = 'Action=GetCallerIdentity&Version=2011-06-15';

  it('accepts a correctly signed request and maps the key to its account', async () => {
    const sts = new STSClient({ endpoint: server.endpoint, region: 'us-east-1', credentials: KEY, maxAttempts: 1 });
    const me = await sts.send(new GetCallerIdentityCommand({}));
    assert.equal(me.Account, ACCOUNT);
    const sfn = new SFNClient({ endpoint: server.endpoint, region: 'eu-west-1', credentials: KEY, maxAttempts: 1 });
    assert.deepEqual((await sfn.send(new ListStateMachinesCommand({}))).stateMachines, []);
  });

  it('rejects a tampered body: SignatureDoesNotMatch (403)', async () => {
    const req = await signedSts(server.endpoint, body);
    const res = await send(server.endpoint, req, 'Action=GetCallerIdentity&Version=2011-06-15&X=1');
    assert.equal(res.status, 403);
    assert.match(res.text, /<Code>SignatureDoesNotMatch<\/Code>/);
    assert.match(res.text, /The request signature we calculated does not match the signature you provided\./);
  });

  it('rejects a wrong secret through the SDK', async () => {
    const sts = new STSClient({ endpoint: server.endpoint, region: 'us-east-1', credentials: { ...KEY, secretAccessKey: 'wrong' }, maxAttempts: 1 });
    await assert.rejects(sts.send(new GetCallerIdentityCommand({})), (e: any) => {
      assert.equal(e.name, 'SignatureDoesNotMatch');
      assert.equal(e.$metadata.httpStatusCode, 403);
      return true;
    });
    const sfn = new SFNClient({ endpoint: server.endpoint, region: 'us-east-1', credentials: { ...KEY, secretAccessKey: 'wrong' }, maxAttempts: 1 });
    await assert.rejects(sfn.send(new ListStateMachinesCommand({})), (e: any) => {
      assert.equal(e.name, 'InvalidSignatureException');
      assert.equal(e.$metadata.httpStatusCode, 400);
      return true;
    });
  });

  it('rejects an unknown access key: InvalidClientTokenId / UnrecognizedClientException', async () => {
    const creds = { accessKeyId: 'AKIAUNKNOWN000000000', secretAccessKey: 'x' };
    const sts = new STSClient({ endpoint: server.endpoint, region: 'us-east-1', credentials: creds, maxAttempts: 1 });
    await assert.rejects(sts.send(new GetCallerIdentityCommand({})), (e: any) => {
      assert.equal(e.name, 'InvalidClientTokenId');
      assert.equal(e.message, 'The security token included in the request is invalid.');
      assert.equal(e.$metadata.httpStatusCode, 403);
      return true;
    });
    const sfn = new SFNClient({ endpoint: server.endpoint, region: 'us-east-1', credentials: creds, maxAttempts: 1 });
    await assert.rejects(sfn.send(new ListStateMachinesCommand({})), (e: any) => {
      assert.equal(e.name, 'UnrecognizedClientException');
      assert.equal(e.message, 'The security token included in the request is invalid.');
      return true;
    });
  });

  it('rejects a request signed more than 15 minutes ago with AWS\'s expiry message', async () => {
    const date = new Date(server.clock.now() - 16 * 60 * 1000);
    const req = await signedSts(server.endpoint, body, { date });
    const res = await send(server.endpoint, req);
    assert.equal(res.status, 403);
    assert.match(res.text, /<Code>SignatureDoesNotMatch<\/Code>/);
    assert.match(res.text, /Signature expired: \d{8}T\d{6}Z is now earlier than \d{8}T\d{6}Z \(\d{8}T\d{6}Z - 15 min\.\)/);
  });

  it('accepts a request signed 10 minutes ago (inside the window)', async () => {
    const req = await signedSts(server.endpoint, body, { date: new Date(server.clock.now() - 10 * 60 * 1000) });
    const res = await send(server.endpoint, req);
    assert.equal(res.status, 200);
    assert.match(res.text, new RegExp(`<Account>${ACCOUNT}</Account>`));
  });

  it('rejects an unsigned request: MissingAuthenticationToken', async () => {
    const res = await send(server.endpoint, { headers: { 'content-type': 'application/x-www-form-urlencoded' } }, body);
    assert.equal(res.status, 403);
    assert.match(res.text, /<Code>MissingAuthenticationToken<\/Code>/);
  });
});
