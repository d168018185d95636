import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  CognitoIdentityClient,
  CreateIdentityPoolCommand,
  DeleteIdentityPoolCommand,
  DescribeIdentityCommand,
  DescribeIdentityPoolCommand,
  GetCredentialsForIdentityCommand,
  GetIdCommand,
  GetIdentityPoolRolesCommand,
  GetOpenIdTokenCommand,
  ListIdentitiesCommand,
  ListIdentityPoolsCommand,
  ListTagsForResourceCommand,
  SetIdentityPoolRolesCommand,
  TagResourceCommand,
  UntagResourceCommand,
  UpdateIdentityPoolCommand,
} from '@aws-sdk/client-cognito-identity';
import {
  AdminAddUserToGroupCommand,
  AdminCreateUserCommand,
  CreateGroupCommand,
  AdminSetUserPasswordCommand,
  CognitoIdentityProviderClient,
  CreateUserPoolClientCommand,
  CreateUserPoolCommand,
  InitiateAuthCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { CreateRoleCommand, IAMClient } from '@aws-sdk/client-iam';
import { AssumeRoleWithWebIdentityCommand, GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { definition as identityService } from '../../../src/services/cognito-identity/index.js';
import { definition as idpService } from '../../../src/services/cognito-idp/index.js';
import { definition as iamService } from '../../../src/services/iam/index.js';
import { definition as stsService } from '../../../src/services/sts/index.js';
import { clientConfig, startServer, type TestServer } from '../../helpers/server.js';

const ACCOUNT = '000000000000';
const PASSWORD = 'Correct-Horse-9';

function awsError(name: string, message?: string | RegExp) {
  return (e: any) => {
    assert.equal(e.name, name, `${e.name}: ${e.message}`);
    assert.equal(e.$metadata?.httpStatusCode, 400);
    if (typeof message === 'string') assert.equal(e.message, message);
    else if (message) assert.match(e.message, message);
    return true;
  };
}

const decode = (token: string) => JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString()) as Record<string, unknown>;

const cognitoTrust = (poolId: string, amr: string) =>
  JSON.stringify({
    Version: '2012-10-17',
    Statement: [{
      Effect: 'Allow',
      Principal: { Federated: 'cognito-identity.amazonaws.com' },
      Action: 'sts:AssumeRoleWithWebIdentity',
      Condition: { StringEquals: { 'cognito-identity.amazonaws.com:aud': poolId }, 'ForAnyValue:StringLike': { 'cognito-identity.amazonaws.com:amr': amr } },
    }],
  });

describe('Cognito identity pools (--auth strict)', () => {
  let server: TestServer;
  let ci: CognitoIdentityClient;
  let idp: CognitoIdentityProviderClient;
  let iam: IAMClient;
  let userPoolId: string;
  let clientId: string;
  let provider: string;
  let idToken: string;

  before(async () => {
    server = await startServer({ services: [identityService, idpService, iamService, stsService], config: { auth: 'strict' } });
    ci = new CognitoIdentityClient(clientConfig(server.endpoint));
    idp = new CognitoIdentityProviderClient(clientConfig(server.endpoint));
    iam = new IAMClient(clientConfig(server.endpoint));
    userPoolId = (await idp.send(new CreateUserPoolCommand({ PoolName: 'users' }))).UserPool!.Id!;
    clientId = (await idp.send(new CreateUserPoolClientCommand({ UserPoolId: userPoolId, ClientName: 'web', ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'] }))).UserPoolClient!.ClientId!;
    await idp.send(new AdminCreateUserCommand({ UserPoolId: userPoolId, Username: 'alice', MessageAction: 'SUPPRESS' }));
    await idp.send(new AdminSetUserPasswordCommand({ UserPoolId: userPoolId, Username: 'alice', Password: PASSWORD, Permanent: true }));
    const auth = await idp.send(new InitiateAuthCommand({ ClientId: clientId, AuthFlow: 'USER_PASSWORD_AUTH', AuthParameters: { USERNAME: 'alice', PASSWORD } }));
    idToken = auth.AuthenticationResult!.IdToken!;
    provider = `cognito-idp.us-east-1.amazonaws.com/${userPoolId}`;
  });
  after(() => server.stop());

  async function poolWithRoles(allowUnauth: boolean): Promise<string> {
    const pool = await ci.send(new CreateIdentityPoolCommand({
      IdentityPoolName: `app ${allowUnauth ? 'guests' : 'members'}`,
      AllowUnauthenticatedIdentities: allowUnauth,
      CognitoIdentityProviders: [{ ProviderName: provider, ClientId: clientId }],
    }));
    const id = pool.IdentityPoolId!;
    const suffix = id.split(':')[1]!.slice(0, 8);
    const authRole = await iam.send(new CreateRoleCommand({ RoleName: `auth-${suffix}`, AssumeRolePolicyDocument: cognitoTrust(id, 'authenticated') }));
    const unauthRole = await iam.send(new CreateRoleCommand({ RoleName: `unauth-${suffix}`, AssumeRolePolicyDocument: cognitoTrust(id, 'unauthenticated') }));
    await ci.send(new SetIdentityPoolRolesCommand({ IdentityPoolId: id, Roles: { authenticated: authRole.Role!.Arn!, unauthenticated: unauthRole.Role!.Arn! } }));
    return id;
  }

  it('creates, describes, lists, updates, tags and deletes identity pools', async () => {
    const created = await ci.send(new CreateIdentityPoolCommand({
      IdentityPoolName: 'my_pool',
      AllowUnauthenticatedIdentities: false,
      CognitoIdentityProviders: [{ ProviderName: provider, ClientId: clientId }],
      SupportedLoginProviders: { 'graph.facebook.com': '123' },
      DeveloperProviderName: 'login.mycompany'.replace('login.', 'dev.'),
      IdentityPoolTags: { team: 'a' },
    }));
    const id = created.IdentityPoolId!;
    assert.match(id, /^us-east-1:[0-9a-f-]{36}$/);
    assert.equal(created.CognitoIdentityProviders![0]!.ServerSideTokenCheck, false);
    const described = await ci.send(new DescribeIdentityPoolCommand({ IdentityPoolId: id }));
    assert.equal(described.IdentityPoolName, 'my_pool');
    assert.deepEqual(described.SupportedLoginProviders, { 'graph.facebook.com': '123' });
    assert.equal(described.DeveloperProviderName, 'dev.mycompany');
    const listed = await ci.send(new ListIdentityPoolsCommand({ MaxResults: 60 }));
    assert.ok(listed.IdentityPools!.some((p) => p.IdentityPoolId === id && p.IdentityPoolName === 'my_pool'));

    const updated = await ci.send(new UpdateIdentityPoolCommand({ IdentityPoolId: id, IdentityPoolName: 'renamed', AllowUnauthenticatedIdentities: true }));
    assert.equal(updated.IdentityPoolName, 'renamed');
    assert.equal(updated.AllowUnauthenticatedIdentities, true);
    assert.equal(updated.CognitoIdentityProviders, undefined);

    const arn = `arn:aws:cognito-identity:us-east-1:${ACCOUNT}:identitypool/${id}`;
    await ci.send(new TagResourceCommand({ ResourceArn: arn, Tags: { env: 'dev' } }));
    await ci.send(new UntagResourceCommand({ ResourceArn: arn, TagKeys: ['team'] }));
    assert.deepEqual((await ci.send(new ListTagsForResourceCommand({ ResourceArn: arn }))).Tags, { env: 'dev' });

    const roleArn = `arn:aws:iam::${ACCOUNT}:role/r1`;
    const mappings = { [provider]: { Type: 'Token' as const, AmbiguousRoleResolution: 'AuthenticatedRole' as const } };
    await ci.send(new SetIdentityPoolRolesCommand({ IdentityPoolId: id, Roles: { authenticated: roleArn }, RoleMappings: mappings }));
    const roles = await ci.send(new GetIdentityPoolRolesCommand({ IdentityPoolId: id }));
    assert.deepEqual(roles.Roles, { authenticated: roleArn });
    assert.deepEqual(roles.RoleMappings, mappings);
    await assert.rejects(ci.send(new SetIdentityPoolRolesCommand({ IdentityPoolId: id, Roles: { admin: roleArn } })), awsError('InvalidParameterException'));

    await ci.send(new DeleteIdentityPoolCommand({ IdentityPoolId: id }));
    await assert.rejects(ci.send(new DescribeIdentityPoolCommand({ IdentityPoolId: id })), awsError('ResourceNotFoundException', `IdentityPool '${id}' not found.`));
  });

  it('validates pool configurations', async () => {
    await assert.rejects(ci.send(new CreateIdentityPoolCommand({ IdentityPoolName: 'bad/name', AllowUnauthenticatedIdentities: true })), awsError('InvalidParameterException'));
    await assert.rejects(
      ci.send(new CreateIdentityPoolCommand({ IdentityPoolName: 'p', AllowUnauthenticatedIdentities: true, CognitoIdentityProviders: [{ ProviderName: 'example.com/x', ClientId: 'c' }] })),
      awsError('InvalidParameterException'),
    );
  });

  it('gives guests identities and credentials for the unauthenticated role', async () => {
    const poolId = await poolWithRoles(true);
    const { IdentityId } = await ci.send(new GetIdCommand({ IdentityPoolId: poolId }));
    assert.match(IdentityId!, /^us-east-1:[0-9a-f-]{36}$/);
    const other = await ci.send(new GetIdCommand({ IdentityPoolId: poolId }));
    assert.notEqual(other.IdentityId, IdentityId);

    const creds = await ci.send(new GetCredentialsForIdentityCommand({ IdentityId }));
    assert.equal(creds.IdentityId, IdentityId);
    assert.match(creds.Credentials!.AccessKeyId!, /^ASIA/);
    assert.ok(creds.Credentials!.Expiration instanceof Date);
    const sts = new STSClient({ ...clientConfig(server.endpoint), credentials: { accessKeyId: creds.Credentials!.AccessKeyId!, secretAccessKey: creds.Credentials!.SecretKey!, sessionToken: creds.Credentials!.SessionToken! } });
    const me = await sts.send(new GetCallerIdentityCommand({}));
    const suffix = poolId.split(':')[1]!.slice(0, 8);
    assert.equal(me.Arn, `arn:aws:sts::${ACCOUNT}:assumed-role/unauth-${suffix}/CognitoIdentityCredentials`);

    const desc = await ci.send(new DescribeIdentityCommand({ IdentityId }));
    assert.equal(desc.IdentityId, IdentityId);
    assert.equal(desc.Logins, undefined);
    const list = await ci.send(new ListIdentitiesCommand({ IdentityPoolId: poolId, MaxResults: 1 }));
    assert.equal(list.Identities!.length, 1);
    assert.ok(list.NextToken);
    const rest = await ci.send(new ListIdentitiesCommand({ IdentityPoolId: poolId, MaxResults: 10, NextToken: list.NextToken }));
    assert.equal(rest.Identities!.length, 1);
    assert.equal(rest.NextToken, undefined);
  });

  it('refuses guests where unauthenticated access is off', async () => {
    const poolId = await poolWithRoles(false);
    await assert.rejects(ci.send(new GetIdCommand({ IdentityPoolId: poolId })), awsError('NotAuthorizedException', 'Unauthenticated access is not supported for this identity pool.'));
  });

  it('gives a signed-in user one stable identity and the authenticated role', async () => {
    const poolId = await poolWithRoles(false);
    const logins = { [provider]: idToken };
    const first = await ci.send(new GetIdCommand({ IdentityPoolId: poolId, Logins: logins }));
    const again = await ci.send(new GetIdCommand({ IdentityPoolId: poolId, Logins: logins }));
    assert.equal(again.IdentityId, first.IdentityId);
    const desc = await ci.send(new DescribeIdentityCommand({ IdentityId: first.IdentityId }));
    assert.deepEqual(desc.Logins, [provider]);

    await assert.rejects(ci.send(new GetCredentialsForIdentityCommand({ IdentityId: first.IdentityId })), awsError('NotAuthorizedException', /Logins don't match/));
    const creds = await ci.send(new GetCredentialsForIdentityCommand({ IdentityId: first.IdentityId, Logins: logins }));
    const sts = new STSClient({ ...clientConfig(server.endpoint), credentials: { accessKeyId: creds.Credentials!.AccessKeyId!, secretAccessKey: creds.Credentials!.SecretKey!, sessionToken: creds.Credentials!.SessionToken! } });
    const me = await sts.send(new GetCallerIdentityCommand({}));
    assert.equal(me.Arn, `arn:aws:sts::${ACCOUNT}:assumed-role/auth-${poolId.split(':')[1]!.slice(0, 8)}/CognitoIdentityCredentials`);

    const open = await ci.send(new GetOpenIdTokenCommand({ IdentityId: first.IdentityId, Logins: logins }));
    const claims = decode(open.Token!);
    assert.equal(claims.iss, 'https://cognito-identity.amazonaws.com');
    assert.equal(claims.aud, poolId);
    assert.equal(claims.sub, first.IdentityId);
    assert.deepEqual((claims.amr as string[]).slice(0, 2), ['authenticated', provider]);
    const jwks = (await (await fetch(`${server.endpoint}/_stratus/cognito-identity/.well-known/jwks.json`)).json()) as { keys: Array<{ kid: string }> };
    assert.equal(jwks.keys[0]!.kid, JSON.parse(Buffer.from(open.Token!.split('.')[0]!, 'base64url').toString()).kid);

    // The OpenID token is accepted by STS directly, as on AWS (the enhanced flow's basic variant).
    const direct = await new STSClient(clientConfig(server.endpoint)).send(new AssumeRoleWithWebIdentityCommand({
      RoleArn: `arn:aws:iam::${ACCOUNT}:role/auth-${poolId.split(':')[1]!.slice(0, 8)}`,
      RoleSessionName: 'basic',
      WebIdentityToken: open.Token!,
    }));
    assert.equal(direct.Provider, 'cognito-identity.amazonaws.com');
    assert.equal(direct.SubjectFromWebIdentityToken, first.IdentityId);
  });

  it('refuses login tokens that are forged, for another client, or not from a provider of the pool', async () => {
    const poolId = await poolWithRoles(false);
    const [h, c, s] = idToken.split('.');
    const forgedClaims = Buffer.from(JSON.stringify({ ...decode(idToken), sub: 'someone-else' })).toString('base64url');
    await assert.rejects(ci.send(new GetIdCommand({ IdentityPoolId: poolId, Logins: { [provider]: `${h}.${forgedClaims}.${s}` } })), awsError('NotAuthorizedException', /^Invalid login token\./));
    await assert.rejects(ci.send(new GetIdCommand({ IdentityPoolId: poolId, Logins: { [provider]: 'not-a-jwt' } })), awsError('NotAuthorizedException', /^Invalid login token\./));
    assert.ok(c);
    const otherClient = (await idp.send(new CreateUserPoolClientCommand({ UserPoolId: userPoolId, ClientName: 'other' }))).UserPoolClient!.ClientId!;
    const strict = await ci.send(new CreateIdentityPoolCommand({ IdentityPoolName: 'other client', AllowUnauthenticatedIdentities: false, CognitoIdentityProviders: [{ ProviderName: provider, ClientId: otherClient }] }));
    await assert.rejects(ci.send(new GetIdCommand({ IdentityPoolId: strict.IdentityPoolId, Logins: { [provider]: idToken } })), awsError('NotAuthorizedException', /^Invalid login token\./));
    await assert.rejects(
      ci.send(new GetIdCommand({ IdentityPoolId: poolId, Logins: { 'cognito-idp.us-east-1.amazonaws.com/us-east-1_nope': idToken } })),
      awsError('NotAuthorizedException', 'Token is not from a supported provider of this identity pool.'),
    );
  });

  it('answers InvalidIdentityPoolConfiguration when the pool has no role for the identity', async () => {
    const pool = await ci.send(new CreateIdentityPoolCommand({ IdentityPoolName: 'no roles', AllowUnauthenticatedIdentities: true }));
    const { IdentityId } = await ci.send(new GetIdCommand({ IdentityPoolId: pool.IdentityPoolId }));
    await assert.rejects(
      ci.send(new GetCredentialsForIdentityCommand({ IdentityId })),
      awsError('InvalidIdentityPoolConfigurationException', 'Invalid identity pool configuration. Check assigned IAM roles for this pool.'),
    );
    await assert.rejects(ci.send(new DescribeIdentityCommand({ IdentityId: 'us-east-1:00000000-0000-0000-0000-000000000000' })), awsError('ResourceNotFoundException'));
  });

  it("evaluates the role's trust policy: another pool's guests cannot take its role", async () => {
    const trusted = await poolWithRoles(true);
    const roles = await ci.send(new GetIdentityPoolRolesCommand({ IdentityPoolId: trusted }));
    const other = await ci.send(new CreateIdentityPoolCommand({ IdentityPoolName: 'borrower', AllowUnauthenticatedIdentities: true }));
    await ci.send(new SetIdentityPoolRolesCommand({ IdentityPoolId: other.IdentityPoolId, Roles: { unauthenticated: roles.Roles!.unauthenticated! } }));
    const { IdentityId } = await ci.send(new GetIdCommand({ IdentityPoolId: other.IdentityPoolId }));
    await assert.rejects(ci.send(new GetCredentialsForIdentityCommand({ IdentityId })), awsError('InvalidIdentityPoolConfigurationException'));
    // A guest of the trusted pool may not take its authenticated role (amr is 'unauthenticated').
    await ci.send(new SetIdentityPoolRolesCommand({ IdentityPoolId: trusted, Roles: { unauthenticated: roles.Roles!.authenticated! } }));
    const guest = await ci.send(new GetIdCommand({ IdentityPoolId: trusted }));
    await assert.rejects(ci.send(new GetCredentialsForIdentityCommand({ IdentityId: guest.IdentityId })), awsError('InvalidIdentityPoolConfigurationException'));
  });
  it("with a Token role mapping, gives the ID token's preferred role, or a CustomRoleArn among its roles", async () => {
    const poolId = await poolWithRoles(false);
    const mk = async (name: string) => (await iam.send(new CreateRoleCommand({ RoleName: name, AssumeRolePolicyDocument: cognitoTrust(poolId, 'authenticated') }))).Role!.Arn!;
    const editors = await mk(`editors-${poolId.slice(10, 18)}`);
    const viewers = await mk(`viewers-${poolId.slice(10, 18)}`);
    const users = (await idp.send(new CreateUserPoolCommand({ PoolName: 'grouped' }))).UserPool!.Id!;
    const web = (await idp.send(new CreateUserPoolClientCommand({ UserPoolId: users, ClientName: 'web', ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'] }))).UserPoolClient!.ClientId!;
    await idp.send(new CreateGroupCommand({ UserPoolId: users, GroupName: 'editors', RoleArn: editors, Precedence: 1 }));
    await idp.send(new CreateGroupCommand({ UserPoolId: users, GroupName: 'viewers', RoleArn: viewers, Precedence: 2 }));
    await idp.send(new AdminCreateUserCommand({ UserPoolId: users, Username: 'bob', MessageAction: 'SUPPRESS' }));
    await idp.send(new AdminSetUserPasswordCommand({ UserPoolId: users, Username: 'bob', Password: PASSWORD, Permanent: true }));
    await idp.send(new AdminAddUserToGroupCommand({ UserPoolId: users, Username: 'bob', GroupName: 'editors' }));
    await idp.send(new AdminAddUserToGroupCommand({ UserPoolId: users, Username: 'bob', GroupName: 'viewers' }));
    const token = (await idp.send(new InitiateAuthCommand({ ClientId: web, AuthFlow: 'USER_PASSWORD_AUTH', AuthParameters: { USERNAME: 'bob', PASSWORD } }))).AuthenticationResult!.IdToken!;
    const bobProvider = `cognito-idp.us-east-1.amazonaws.com/${users}`;
    const pool = await ci.send(new DescribeIdentityPoolCommand({ IdentityPoolId: poolId }));
    await ci.send(new UpdateIdentityPoolCommand({ ...pool, CognitoIdentityProviders: [{ ProviderName: bobProvider, ClientId: web }] }));
    const roles = await ci.send(new GetIdentityPoolRolesCommand({ IdentityPoolId: poolId }));
    await ci.send(new SetIdentityPoolRolesCommand({ IdentityPoolId: poolId, Roles: roles.Roles, RoleMappings: { [bobProvider]: { Type: 'Token', AmbiguousRoleResolution: 'AuthenticatedRole' } } }));
    const logins = { [bobProvider]: token };
    const { IdentityId } = await ci.send(new GetIdCommand({ IdentityPoolId: poolId, Logins: logins }));
    const arnOf = async (custom?: string) => {
      const c = (await ci.send(new GetCredentialsForIdentityCommand({ IdentityId, Logins: logins, CustomRoleArn: custom }))).Credentials!;
      const sts = new STSClient({ ...clientConfig(server.endpoint), credentials: { accessKeyId: c.AccessKeyId!, secretAccessKey: c.SecretKey!, sessionToken: c.SessionToken! } });
      return (await sts.send(new GetCallerIdentityCommand({}))).Arn;
    };
    assert.equal(await arnOf(), `arn:aws:sts::${ACCOUNT}:assumed-role/${editors.split('/')[1]}/CognitoIdentityCredentials`);
    assert.equal(await arnOf(viewers), `arn:aws:sts::${ACCOUNT}:assumed-role/${viewers.split('/')[1]}/CognitoIdentityCredentials`);
    await assert.rejects(ci.send(new GetCredentialsForIdentityCommand({ IdentityId, Logins: logins, CustomRoleArn: roles.Roles!.authenticated })), awsError('InvalidParameterException'));
  });

  // Last: moves the platform clock on.
  it('refuses expired login tokens, and the credentials expire with their session', async () => {
    const poolId = await poolWithRoles(false);
    const logins = { [provider]: idToken };
    const { IdentityId } = await ci.send(new GetIdCommand({ IdentityPoolId: poolId, Logins: logins }));
    const creds = await ci.send(new GetCredentialsForIdentityCommand({ IdentityId, Logins: logins }));
    const expires = creds.Credentials!.Expiration!.getTime();
    assert.ok(expires > server.clock.now() && expires <= server.clock.now() + 3600_000);
    server.clock.advance(3601_000);
    await assert.rejects(ci.send(new GetIdCommand({ IdentityPoolId: poolId, Logins: logins })), awsError('NotAuthorizedException', /^Invalid login token\. Token expired: \d+ >= \d+$/));
    // The client signs at the platform's time, as strict mode checks signatures against it.
    const sts = new STSClient({ ...clientConfig(server.endpoint), systemClockOffset: 3601_000, credentials: { accessKeyId: creds.Credentials!.AccessKeyId!, secretAccessKey: creds.Credentials!.SecretKey!, sessionToken: creds.Credentials!.SessionToken! } });
    await assert.rejects(sts.send(new GetCallerIdentityCommand({})), (e: any) => e.name === 'ExpiredToken');
  });
});
