import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import { generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { IAMClient, CreateAccessKeyCommand, CreateOpenIDConnectProviderCommand, CreateRoleCommand, CreateUserCommand, GetUserCommand, UpdateAccessKeyCommand } from '@aws-sdk/client-iam';
import {
  STSClient,
  AssumeRoleCommand,
  AssumeRoleWithWebIdentityCommand,
  GetAccessKeyInfoCommand,
  GetCallerIdentityCommand,
  GetFederationTokenCommand,
  GetSessionTokenCommand,
} from '@aws-sdk/client-sts';
import { clientConfig, startServer, type TestServer } from '../helpers/server.js';
import { definition as iamService } from '../../src/services/iam/index.js';
import { definition as stsService } from '../../src/services/sts/index.js';

const ACCOUNT = '000000000000';

function awsError(name: string, status: number, message?: string | RegExp) {
  return (e: any) => {
    assert.equal(e.name, name, `${e.name}: ${e.message}`);
    assert.equal(e.$metadata?.httpStatusCode, status);
    if (typeof message === 'string') assert.equal(e.message, message);
    else if (message) assert.match(e.message, message);
    return true;
  };
}

const trust = (principal: object, condition?: object, action = 'sts:AssumeRole') =>
  JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: principal, Action: action, ...(condition ? { Condition: condition } : {}) }] });

type Creds = { AccessKeyId?: string; SecretAccessKey?: string; SessionToken?: string };
const asCreds = (c: Creds) => ({ accessKeyId: c.AccessKeyId!, secretAccessKey: c.SecretAccessKey!, sessionToken: c.SessionToken });

for (const auth of ['open', 'strict'] as const) {
  describe(`STS temporary credentials (--auth ${auth})`, () => {
    let server: TestServer;
    let iam: IAMClient;
    let sts: STSClient;
    let alice: { accessKeyId: string; secretAccessKey: string };
    const stsAs = (credentials: ReturnType<typeof asCreds> | typeof alice) => new STSClient({ ...clientConfig(server.endpoint), credentials });

    before(async () => {
      server = await startServer({ services: [iamService, stsService], config: { auth } });
      iam = new IAMClient(clientConfig(server.endpoint));
      sts = new STSClient(clientConfig(server.endpoint));
      await iam.send(new CreateUserCommand({ UserName: 'alice' }));
      const key = (await iam.send(new CreateAccessKeyCommand({ UserName: 'alice' }))).AccessKey!;
      alice = { accessKeyId: key.AccessKeyId!, secretAccessKey: key.SecretAccessKey! };
      await iam.send(new CreateRoleCommand({ RoleName: 'deployer', AssumeRolePolicyDocument: trust({ AWS: `arn:aws:iam::${ACCOUNT}:user/alice` }), MaxSessionDuration: 7200 }));
      await iam.send(new CreateRoleCommand({ RoleName: 'partner', AssumeRolePolicyDocument: trust({ AWS: ACCOUNT }, { StringEquals: { 'sts:ExternalId': 'secret-42' } }) }));
      await iam.send(new CreateRoleCommand({ RoleName: 'lambda-only', AssumeRolePolicyDocument: trust({ Service: 'lambda.amazonaws.com' }) }));
    });
    after(() => server.stop());

    it("identifies the IAM user behind an access key, and the root behind the configured one", async () => {
      const me = await stsAs(alice).send(new GetCallerIdentityCommand({}));
      assert.equal(me.Arn, `arn:aws:iam::${ACCOUNT}:user/alice`);
      assert.match(me.UserId!, /^AIDA/);
      assert.equal((await sts.send(new GetCallerIdentityCommand({}))).Arn, `arn:aws:iam::${ACCOUNT}:root`);
      assert.equal((await sts.send(new GetAccessKeyInfoCommand({ AccessKeyId: alice.accessKeyId }))).Account, ACCOUNT);
    });

    it('assumes a role whose trust policy names the caller: the credentials identify the assumed role', async () => {
      const r = await stsAs(alice).send(new AssumeRoleCommand({ RoleArn: `arn:aws:iam::${ACCOUNT}:role/deployer`, RoleSessionName: 'ci', DurationSeconds: 7200, Tags: [{ Key: 'project', Value: 'x' }] }));
      assert.match(r.Credentials!.AccessKeyId!, /^ASIA[A-Z2-7]{16}$/);
      assert.equal(r.AssumedRoleUser!.Arn, `arn:aws:sts::${ACCOUNT}:assumed-role/deployer/ci`);
      assert.match(r.AssumedRoleUser!.AssumedRoleId!, /^AROA[A-Z2-7]{17}:ci$/);
      const left = r.Credentials!.Expiration!.getTime() - server.clock.now();
      assert.ok(left > 7100 * 1000 && left <= 7200 * 1000, `expires in ${left} ms`);
      const me = await stsAs(asCreds(r.Credentials!)).send(new GetCallerIdentityCommand({}));
      assert.equal(me.Arn, `arn:aws:sts::${ACCOUNT}:assumed-role/deployer/ci`);
      assert.equal(me.UserId, r.AssumedRoleUser!.AssumedRoleId);
      assert.equal(me.Account, ACCOUNT);
      // Role chaining is limited to an hour.
      await assert.rejects(
        stsAs(asCreds(r.Credentials!)).send(new AssumeRoleCommand({ RoleArn: `arn:aws:iam::${ACCOUNT}:role/partner`, RoleSessionName: 'chained', ExternalId: 'secret-42', DurationSeconds: 7200 })),
        awsError('ValidationError', 400, 'The requested DurationSeconds exceeds the 1 hour session limit for roles assumed by role chaining.'),
      );
    });

    it('refuses callers the trust policy does not name, wrong external ids and durations past the maximum', async () => {
      await assert.rejects(
        sts.send(new AssumeRoleCommand({ RoleArn: `arn:aws:iam::${ACCOUNT}:role/lambda-only`, RoleSessionName: 'session' })),
        awsError('AccessDenied', 403, `User: arn:aws:iam::${ACCOUNT}:root is not authorized to perform: sts:AssumeRole on resource: arn:aws:iam::${ACCOUNT}:role/lambda-only`),
      );
      await assert.rejects(
        stsAs(alice).send(new AssumeRoleCommand({ RoleArn: `arn:aws:iam::${ACCOUNT}:role/missing`, RoleSessionName: 'session' })),
        awsError('AccessDenied', 403, `User: arn:aws:iam::${ACCOUNT}:user/alice is not authorized to perform: sts:AssumeRole on resource: arn:aws:iam::${ACCOUNT}:role/missing`),
      );
      const partner = `arn:aws:iam::${ACCOUNT}:role/partner`;
      await assert.rejects(stsAs(alice).send(new AssumeRoleCommand({ RoleArn: partner, RoleSessionName: 'session', ExternalId: 'wrong-id' })), awsError('AccessDenied', 403));
      await assert.rejects(stsAs(alice).send(new AssumeRoleCommand({ RoleArn: partner, RoleSessionName: 'session' })), awsError('AccessDenied', 403));
      const ok = await stsAs(alice).send(new AssumeRoleCommand({ RoleArn: partner, RoleSessionName: 'session', ExternalId: 'secret-42' }));
      assert.equal(ok.AssumedRoleUser!.Arn, `arn:aws:sts::${ACCOUNT}:assumed-role/partner/session`);
      await assert.rejects(
        stsAs(alice).send(new AssumeRoleCommand({ RoleArn: partner, RoleSessionName: 'session', ExternalId: 'secret-42', DurationSeconds: 7200 })),
        awsError('ValidationError', 400, 'The requested DurationSeconds exceeds the MaxSessionDuration set for this role.'),
      );
    });

    it('gives users session and federation tokens, but not sessions', async () => {
      const s = await stsAs(alice).send(new GetSessionTokenCommand({ DurationSeconds: 900 }));
      const asSession = stsAs(asCreds(s.Credentials!));
      assert.equal((await asSession.send(new GetCallerIdentityCommand({}))).Arn, `arn:aws:iam::${ACCOUNT}:user/alice`);
      await assert.rejects(asSession.send(new GetSessionTokenCommand({})), awsError('AccessDenied', 403, 'Cannot call GetSessionToken with session credentials'));
      const f = await stsAs(alice).send(new GetFederationTokenCommand({ Name: 'bob', Policy: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:*', Resource: '*' }] }) }));
      assert.equal(f.FederatedUser!.Arn, `arn:aws:sts::${ACCOUNT}:federated-user/bob`);
      assert.equal(f.FederatedUser!.FederatedUserId, `${ACCOUNT}:bob`);
      assert.ok(f.PackedPolicySize! > 0);
      assert.equal((await stsAs(asCreds(f.Credentials!)).send(new GetCallerIdentityCommand({}))).Arn, `arn:aws:sts::${ACCOUNT}:federated-user/bob`);
    });

    if (auth === 'strict') {
      it('verifies signatures of issued keys, session tokens, and refuses inactive keys', async () => {
        await assert.rejects(stsAs({ ...alice, secretAccessKey: 'x'.repeat(40) }).send(new GetCallerIdentityCommand({})), awsError('SignatureDoesNotMatch', 403));
        const r = await stsAs(alice).send(new AssumeRoleCommand({ RoleArn: `arn:aws:iam::${ACCOUNT}:role/deployer`, RoleSessionName: 'tok' }));
        await assert.rejects(
          stsAs({ ...asCreds(r.Credentials!), sessionToken: 'forged' }).send(new GetCallerIdentityCommand({})),
          awsError('InvalidClientTokenId', 403, 'The security token included in the request is invalid.'),
        );
        await assert.rejects(
          stsAs({ ...asCreds(r.Credentials!), sessionToken: undefined }).send(new GetCallerIdentityCommand({})),
          awsError('InvalidClientTokenId', 403, 'The security token included in the request is invalid.'),
        );
        await iam.send(new CreateUserCommand({ UserName: 'carol' }));
        const key = (await iam.send(new CreateAccessKeyCommand({ UserName: 'carol' }))).AccessKey!;
        const carol = new IAMClient({ ...clientConfig(server.endpoint), credentials: { accessKeyId: key.AccessKeyId!, secretAccessKey: key.SecretAccessKey! } });
        assert.equal((await carol.send(new GetUserCommand({}))).User!.UserName, 'carol');
        await iam.send(new UpdateAccessKeyCommand({ UserName: 'carol', AccessKeyId: key.AccessKeyId!, Status: 'Inactive' }));
        await assert.rejects(carol.send(new GetUserCommand({})), awsError('InvalidClientTokenId', 403, 'The security token included in the request is invalid.'));
      });
    }

    // Last: it moves the server's clock past what clients signing on real time may skew.
    it('expires temporary credentials on the platform clock with ExpiredToken', async () => {
      const r = await stsAs(alice).send(new AssumeRoleCommand({ RoleArn: `arn:aws:iam::${ACCOUNT}:role/deployer`, RoleSessionName: 'short', DurationSeconds: 900 }));
      const session = stsAs(asCreds(r.Credentials!));
      assert.equal((await session.send(new GetCallerIdentityCommand({}))).Arn, `arn:aws:sts::${ACCOUNT}:assumed-role/deployer/short`);
      server.clock.advance(901 * 1000);
      // The client signs on the server's (advanced) clock, so that only the token's expiry is at stake.
      const later = new STSClient({ ...clientConfig(server.endpoint), credentials: asCreds(r.Credentials!), systemClockOffset: server.clock.offsetMs });
      await assert.rejects(later.send(new GetCallerIdentityCommand({})), awsError('ExpiredToken', 403, 'The security token included in the request is expired'));
    });
  });
}

describe('AssumeRoleWithWebIdentity', () => {
  let server: TestServer;
  let idp: Server;
  let issuer: string;
  let privateKey: KeyObject;
  let sts: STSClient;

  const jwt = (claims: Record<string, unknown>, key = privateKey) => {
    const enc = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
    const head = `${enc({ alg: 'RS256', kid: 'k1', typ: 'JWT' })}.${enc(claims)}`;
    return `${head}.${sign('sha256', Buffer.from(head), key).toString('base64url')}`;
  };

  before(async () => {
    const pair = generateKeyPairSync('rsa', { modulusLength: 2048 });
    privateKey = pair.privateKey;
    const jwk = { ...pair.publicKey.export({ format: 'jwk' }), kid: 'k1', alg: 'RS256', use: 'sig' };
    idp = createServer((req, res) => {
      res.setHeader('content-type', 'application/json');
      if (req.url === '/.well-known/openid-configuration') res.end(JSON.stringify({ issuer, jwks_uri: `${issuer}/jwks` }));
      else if (req.url === '/jwks') res.end(JSON.stringify({ keys: [jwk] }));
      else res.writeHead(404).end('{}');
    });
    await new Promise<void>((resolve) => idp.listen(0, '127.0.0.1', resolve));
    issuer = `http://127.0.0.1:${(idp.address() as AddressInfo).port}`;
    server = await startServer({ services: [iamService, stsService], config: { auth: 'strict' } });
    const iam = new IAMClient(clientConfig(server.endpoint));
    const host = issuer.replace('http://', '');
    await iam.send(new CreateOpenIDConnectProviderCommand({ Url: `https://${host}`, ClientIDList: ['my-app'], ThumbprintList: ['0'.repeat(40)] }));
    await iam.send(
      new CreateRoleCommand({
        RoleName: 'web',
        AssumeRolePolicyDocument: trust({ Federated: `arn:aws:iam::${ACCOUNT}:oidc-provider/${host}` }, { StringEquals: { [`${host}:aud`]: 'my-app', [`${host}:sub`]: 'user-1' } }, 'sts:AssumeRoleWithWebIdentity'),
      }),
    );
    // AssumeRoleWithWebIdentity is unsigned: the client needs no credentials.
    sts = new STSClient({ ...clientConfig(server.endpoint), credentials: { accessKeyId: 'unused', secretAccessKey: 'unused' } });
  });
  after(async () => {
    await server.stop();
    await new Promise((resolve) => idp.close(resolve));
  });

  const exp = () => Math.floor(server.clock.now() / 1000) + 600;

  it('exchanges a verified token for credentials of the role', async () => {
    const r = await sts.send(new AssumeRoleWithWebIdentityCommand({ RoleArn: `arn:aws:iam::${ACCOUNT}:role/web`, RoleSessionName: 'app', WebIdentityToken: jwt({ iss: issuer, sub: 'user-1', aud: 'my-app', exp: exp() }) }));
    assert.equal(r.AssumedRoleUser!.Arn, `arn:aws:sts::${ACCOUNT}:assumed-role/web/app`);
    assert.equal(r.SubjectFromWebIdentityToken, 'user-1');
    assert.equal(r.Audience, 'my-app');
    const me = await new STSClient({ ...clientConfig(server.endpoint), credentials: asCreds(r.Credentials!) }).send(new GetCallerIdentityCommand({}));
    assert.equal(me.Arn, `arn:aws:sts::${ACCOUNT}:assumed-role/web/app`);
  });

  it('refuses other audiences, subjects the trust policy excludes, expired tokens and bad signatures', async () => {
    const call = (token: string) => sts.send(new AssumeRoleWithWebIdentityCommand({ RoleArn: `arn:aws:iam::${ACCOUNT}:role/web`, RoleSessionName: 'app', WebIdentityToken: token }));
    await assert.rejects(call(jwt({ iss: issuer, sub: 'user-1', aud: 'other', exp: exp() })), awsError('InvalidIdentityTokenException', 400, 'Incorrect token audience'));
    await assert.rejects(call(jwt({ iss: issuer, sub: 'user-2', aud: 'my-app', exp: exp() })), awsError('AccessDenied', 403, 'Not authorized to perform sts:AssumeRoleWithWebIdentity'));
    const past = Math.floor(server.clock.now() / 1000) - 10;
    await assert.rejects(call(jwt({ iss: issuer, sub: 'user-1', aud: 'my-app', exp: past })), awsError('ExpiredTokenException', 400, /^Token expired: current date\/time \d+ must be before the expiration date\/time \d+$/));
    const other = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
    await assert.rejects(call(jwt({ iss: issuer, sub: 'user-1', aud: 'my-app', exp: exp() }, other)), awsError('InvalidIdentityTokenException', 400));
    await assert.rejects(call(jwt({ iss: 'https://unknown.example', sub: 'user-1', aud: 'my-app', exp: exp() })), awsError('InvalidIdentityTokenException', 400, 'No OpenIDConnect provider found in your account for https://unknown.example'));
    await assert.rejects(call('not-a-jwt'), awsError('InvalidIdentityTokenException', 400));
  });
});
