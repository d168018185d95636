import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  CognitoIdentityClient,
  CreateIdentityPoolCommand,
  DescribeIdentityCommand,
  DescribeIdentityPoolCommand,
  GetCredentialsForIdentityCommand,
  GetIdCommand,
  GetOpenIdTokenForDeveloperIdentityCommand,
  LookupDeveloperIdentityCommand,
  MergeDeveloperIdentitiesCommand,
  SetIdentityPoolRolesCommand,
  UnlinkDeveloperIdentityCommand,
  UpdateIdentityPoolCommand,
} from '@aws-sdk/client-cognito-identity';
import {
  AdminAddUserToGroupCommand,
  AdminCreateUserCommand,
  AdminSetUserPasswordCommand,
  CognitoIdentityProviderClient,
  CreateGroupCommand,
  CreateUserPoolClientCommand,
  CreateUserPoolCommand,
  InitiateAuthCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { CreateRoleCommand, IAMClient } from '@aws-sdk/client-iam';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { definition as identityService } from '../../../src/services/cognito-identity/index.js';
import { definition as idpService } from '../../../src/services/cognito-idp/index.js';
import { definition as iamService } from '../../../src/services/iam/index.js';
import { definition as stsService } from '../../../src/services/sts/index.js';
import { clientConfig, startServer, type TestServer } from '../../helpers/server.js';

const PASSWORD = 'Correct-Horse-9';
const DEV = 'login.example.app';
const decode = (token: string) => JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString()) as Record<string, unknown>;

const trust = (poolId: string) =>
  JSON.stringify({
    Version: '2012-10-17',
    Statement: [{
      Effect: 'Allow',
      Principal: { Federated: 'cognito-identity.amazonaws.com' },
      Action: 'sts:AssumeRoleWithWebIdentity',
      Condition: { StringEquals: { 'cognito-identity.amazonaws.com:aud': poolId }, 'ForAnyValue:StringLike': { 'cognito-identity.amazonaws.com:amr': 'authenticated' } },
    }],
  });

describe('Cognito identity pools: developer-authenticated identities and rules-based role mappings (--auth strict)', () => {
  let server: TestServer;
  let ci: CognitoIdentityClient;
  let idp: CognitoIdentityProviderClient;
  let iam: IAMClient;
  let poolId: string;
  let roles: Record<string, string>;

  const roleOf = async (IdentityId: string, Logins: Record<string, string>) => {
    const c = (await ci.send(new GetCredentialsForIdentityCommand({ IdentityId, Logins }))).Credentials!;
    const sts = new STSClient({ ...clientConfig(server.endpoint), credentials: { accessKeyId: c.AccessKeyId!, secretAccessKey: c.SecretKey!, sessionToken: c.SessionToken! } });
    return (await sts.send(new GetCallerIdentityCommand({}))).Arn!.split('/')[1];
  };

  before(async () => {
    server = await startServer({ services: [identityService, idpService, iamService, stsService], config: { auth: 'strict' } });
    ci = new CognitoIdentityClient(clientConfig(server.endpoint));
    idp = new CognitoIdentityProviderClient(clientConfig(server.endpoint));
    iam = new IAMClient(clientConfig(server.endpoint));
    poolId = (await ci.send(new CreateIdentityPoolCommand({ IdentityPoolName: 'devpool', AllowUnauthenticatedIdentities: false, DeveloperProviderName: DEV }))).IdentityPoolId!;
    roles = {};
    for (const name of ['authed', 'admins', 'staff', 'guests-denied']) {
      roles[name] = (await iam.send(new CreateRoleCommand({ RoleName: `${name}-${poolId.slice(10, 18)}`, AssumeRolePolicyDocument: trust(poolId) }))).Role!.Arn!;
    }
    await ci.send(new SetIdentityPoolRolesCommand({ IdentityPoolId: poolId, Roles: { authenticated: roles.authed! } }));
  });
  after(async () => {
    ci.destroy();
    idp.destroy();
    iam.destroy();
    await server.stop();
  });

  it('GetOpenIdTokenForDeveloperIdentity: one identity per developer user; its token gets credentials of the authenticated role', async () => {
    const first = await ci.send(new GetOpenIdTokenForDeveloperIdentityCommand({ IdentityPoolId: poolId, Logins: { [DEV]: 'user-1' }, TokenDuration: 120 }));
    const again = await ci.send(new GetOpenIdTokenForDeveloperIdentityCommand({ IdentityPoolId: poolId, Logins: { [DEV]: 'user-1' } }));
    assert.equal(again.IdentityId, first.IdentityId);
    const claims = decode(first.Token!);
    assert.equal(claims.sub, first.IdentityId);
    assert.equal(claims.aud, poolId);
    assert.equal(Number(claims.exp) - Number(claims.iat), 120);
    assert.deepEqual(claims.amr, ['authenticated', 'cognito-identity.amazonaws.com', `cognito-identity.amazonaws.com:${poolId}:${DEV}`]);
    assert.deepEqual((await ci.send(new DescribeIdentityCommand({ IdentityId: first.IdentityId! }))).Logins, [DEV]);
    assert.equal(await roleOf(first.IdentityId!, { 'cognito-identity.amazonaws.com': first.Token! }), roles.authed!.split('/')[1]);
    // Another identity's token does not open this one; a tampered token is refused.
    const other = await ci.send(new GetOpenIdTokenForDeveloperIdentityCommand({ IdentityPoolId: poolId, Logins: { [DEV]: 'user-2' } }));
    await assert.rejects(ci.send(new GetCredentialsForIdentityCommand({ IdentityId: first.IdentityId!, Logins: { 'cognito-identity.amazonaws.com': other.Token! } })), { name: 'NotAuthorizedException' });
    const [h, , s] = first.Token!.split('.');
    const forged = `${h}.${Buffer.from(JSON.stringify({ ...claims, sub: other.IdentityId })).toString('base64url')}.${s}`;
    await assert.rejects(ci.send(new GetCredentialsForIdentityCommand({ IdentityId: other.IdentityId!, Logins: { 'cognito-identity.amazonaws.com': forged } })), /Couldn't verify signed token/);
    // Linking a developer user already linked elsewhere.
    await assert.rejects(ci.send(new GetOpenIdTokenForDeveloperIdentityCommand({ IdentityPoolId: poolId, IdentityId: other.IdentityId!, Logins: { [DEV]: 'user-1' } })), { name: 'DeveloperUserAlreadyRegisteredException' });
  });

  it('LookupDeveloperIdentity, MergeDeveloperIdentities, UnlinkDeveloperIdentity; the provider name is fixed once set', async () => {
    const a = (await ci.send(new GetOpenIdTokenForDeveloperIdentityCommand({ IdentityPoolId: poolId, Logins: { [DEV]: 'merge-a' } }))).IdentityId!;
    const b = (await ci.send(new GetOpenIdTokenForDeveloperIdentityCommand({ IdentityPoolId: poolId, Logins: { [DEV]: 'merge-b' } }))).IdentityId!;
    assert.notEqual(a, b);
    const byUser = await ci.send(new LookupDeveloperIdentityCommand({ IdentityPoolId: poolId, DeveloperUserIdentifier: 'merge-a' }));
    assert.equal(byUser.IdentityId, a);
    assert.deepEqual(byUser.DeveloperUserIdentifierList, ['merge-a']);
    const merged = await ci.send(new MergeDeveloperIdentitiesCommand({ IdentityPoolId: poolId, DeveloperProviderName: DEV, SourceUserIdentifier: 'merge-a', DestinationUserIdentifier: 'merge-b' }));
    assert.equal(merged.IdentityId, b);
    assert.deepEqual((await ci.send(new LookupDeveloperIdentityCommand({ IdentityPoolId: poolId, IdentityId: b }))).DeveloperUserIdentifierList, ['merge-a', 'merge-b']);
    await assert.rejects(ci.send(new DescribeIdentityCommand({ IdentityId: a })), { name: 'ResourceNotFoundException' });
    await ci.send(new UnlinkDeveloperIdentityCommand({ IdentityPoolId: poolId, IdentityId: b, DeveloperProviderName: DEV, DeveloperUserIdentifier: 'merge-a' }));
    assert.deepEqual((await ci.send(new LookupDeveloperIdentityCommand({ IdentityPoolId: poolId, IdentityId: b }))).DeveloperUserIdentifierList, ['merge-b']);
    await assert.rejects(ci.send(new LookupDeveloperIdentityCommand({ IdentityPoolId: poolId, DeveloperUserIdentifier: 'merge-a' })), { name: 'ResourceNotFoundException' });
    await assert.rejects(ci.send(new LookupDeveloperIdentityCommand({ IdentityPoolId: poolId })), { name: 'InvalidParameterException' });
    await assert.rejects(ci.send(new MergeDeveloperIdentitiesCommand({ IdentityPoolId: poolId, DeveloperProviderName: 'other.provider', SourceUserIdentifier: 'x', DestinationUserIdentifier: 'y' })), { name: 'NotAuthorizedException' });
    const described = await ci.send(new DescribeIdentityPoolCommand({ IdentityPoolId: poolId }));
    await assert.rejects(ci.send(new UpdateIdentityPoolCommand({ ...described, DeveloperProviderName: 'other.provider' })), { name: 'InvalidParameterException' });
    const plain = (await ci.send(new CreateIdentityPoolCommand({ IdentityPoolName: 'nodev', AllowUnauthenticatedIdentities: true }))).IdentityPoolId!;
    await assert.rejects(ci.send(new GetOpenIdTokenForDeveloperIdentityCommand({ IdentityPoolId: plain, Logins: { [DEV]: 'u' } })), { name: 'NotAuthorizedException' });
  });

  it('Rules role mappings: Equals, Contains, StartsWith, NotEqual on ID token claims; AuthenticatedRole or Deny when none matches', async () => {
    const users = (await idp.send(new CreateUserPoolCommand({ PoolName: 'ruled', Schema: [{ Name: 'dept', AttributeDataType: 'String', Mutable: true }] }))).UserPool!.Id!;
    const web = (await idp.send(new CreateUserPoolClientCommand({ UserPoolId: users, ClientName: 'web', ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'] }))).UserPoolClient!.ClientId!;
    await idp.send(new CreateGroupCommand({ UserPoolId: users, GroupName: 'admins' }));
    const provider = `cognito-idp.us-east-1.amazonaws.com/${users}`;
    const tokenOf = async (name: string, attrs: Record<string, string>, groups: string[] = []) => {
      await idp.send(new AdminCreateUserCommand({ UserPoolId: users, Username: name, MessageAction: 'SUPPRESS', UserAttributes: Object.entries(attrs).map(([Name, Value]) => ({ Name, Value })) }));
      await idp.send(new AdminSetUserPasswordCommand({ UserPoolId: users, Username: name, Password: PASSWORD, Permanent: true }));
      for (const g of groups) await idp.send(new AdminAddUserToGroupCommand({ UserPoolId: users, Username: name, GroupName: g }));
      return (await idp.send(new InitiateAuthCommand({ ClientId: web, AuthFlow: 'USER_PASSWORD_AUTH', AuthParameters: { USERNAME: name, PASSWORD } }))).AuthenticationResult!.IdToken!;
    };
    const ruled = (await ci.send(new CreateIdentityPoolCommand({ IdentityPoolName: 'ruled', AllowUnauthenticatedIdentities: false, CognitoIdentityProviders: [{ ProviderName: provider, ClientId: web }] }))).IdentityPoolId!;
    const role = async (n: string) => (await iam.send(new CreateRoleCommand({ RoleName: `${n}-${ruled.slice(10, 18)}`, AssumeRolePolicyDocument: trust(ruled) }))).Role!.Arn!;
    const [authed, admins, staff, sales, others] = [await role('authed'), await role('admins'), await role('staff'), await role('sales'), await role('others')];
    const rules = (resolution: 'AuthenticatedRole' | 'Deny') => ({
      [`${provider}:${web}`]: {
        Type: 'Rules' as const,
        AmbiguousRoleResolution: resolution,
        RulesConfiguration: {
          Rules: [
            { Claim: 'cognito:groups', MatchType: 'Contains' as const, Value: 'admin', RoleARN: admins },
            { Claim: 'custom:dept', MatchType: 'StartsWith' as const, Value: 'eng', RoleARN: staff },
            { Claim: 'custom:dept', MatchType: 'Equals' as const, Value: 'sales', RoleARN: sales },
            { Claim: 'email', MatchType: 'NotEqual' as const, Value: 'nobody@example.com', RoleARN: others },
          ],
        },
      },
    });
    await ci.send(new SetIdentityPoolRolesCommand({ IdentityPoolId: ruled, Roles: { authenticated: authed }, RoleMappings: rules('AuthenticatedRole') }));
    const cases: [string, Record<string, string>, string[], string][] = [
      ['ruth', { 'custom:dept': 'engineering' }, ['admins'], admins],
      ['eric', { 'custom:dept': 'eng-ops' }, [], staff],
      ['sam', { 'custom:dept': 'sales' }, [], sales],
      ['olga', { email: 'olga@example.com' }, [], others],
      ['nina', { email: 'nobody@example.com' }, [], authed],
    ];
    const logins: Record<string, Record<string, string>> = {};
    for (const [name, attrs, groups, expected] of cases) {
      const token = await tokenOf(name, attrs, groups);
      logins[name] = { [provider]: token };
      const got = await ci.send(new GetIdCommand({ IdentityPoolId: ruled, Logins: logins[name] }));
      assert.equal(await roleOf(got.IdentityId!, logins[name]!), expected.split('/')[1], name);
    }
    await ci.send(new SetIdentityPoolRolesCommand({ IdentityPoolId: ruled, Roles: { authenticated: authed }, RoleMappings: rules('Deny') }));
    const nina = await ci.send(new GetIdCommand({ IdentityPoolId: ruled, Logins: logins.nina }));
    await assert.rejects(ci.send(new GetCredentialsForIdentityCommand({ IdentityId: nina.IdentityId!, Logins: logins.nina })), { name: 'InvalidIdentityPoolConfigurationException' });
    const ruth = await ci.send(new GetIdCommand({ IdentityPoolId: ruled, Logins: logins.ruth }));
    assert.equal(await roleOf(ruth.IdentityId!, logins.ruth!), admins.split('/')[1]);
  });
});
