import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  AddCustomAttributesCommand,
  AdminAddUserToGroupCommand,
  AdminCreateUserCommand,
  AdminGetUserCommand,
  AdminListGroupsForUserCommand,
  CreateGroupCommand,
  CreateIdentityProviderCommand,
  DeleteIdentityProviderCommand,
  DescribeIdentityProviderCommand,
  GetIdentityProviderByIdentifierCommand,
  ListIdentityProvidersCommand,
  CreateResourceServerCommand,
  DeleteResourceServerCommand,
  DescribeResourceServerCommand,
  ListResourceServersCommand,
  ListTagsForResourceCommand,
  TagResourceCommand,
  UntagResourceCommand,
  UpdateResourceServerCommand,
  CreateUserPoolClientCommand,
  CreateUserPoolCommand,
  DeleteGroupCommand,
  DeleteUserPoolCommand,
  DescribeUserPoolClientCommand,
  DescribeUserPoolCommand,
  GetGroupCommand,
  GetUserPoolMfaConfigCommand,
  ListGroupsCommand,
  ListUserPoolClientsCommand,
  ListUserPoolsCommand,
  ListUsersInGroupCommand,
  UpdateUserPoolClientCommand,
  UpdateUserPoolCommand,
  type CognitoIdentityProviderClient,
} from '@aws-sdk/client-cognito-identity-provider';
import type { TestServer } from '../../helpers/server.js';
import { cognitoServer } from './helpers.js';

const fails = (name: string, message?: string) => (e: Error) => {
  assert.equal(e.name, name, e.message);
  if (message !== undefined) assert.equal(e.message, message);
  return true;
};

describe('Cognito pools, clients and groups', () => {
  let server: TestServer;
  let idp: CognitoIdentityProviderClient;
  before(async () => ({ server, idp } = await cognitoServer()));
  after(async () => {
    idp.destroy();
    await server.stop();
  });

  it('creates a pool with AWS defaults and its settings', async () => {
    const { UserPool: p } = await idp.send(
      new CreateUserPoolCommand({
        PoolName: 'main',
        UsernameAttributes: ['email'],
        UsernameConfiguration: { CaseSensitive: false },
        AutoVerifiedAttributes: ['email'],
        Policies: { PasswordPolicy: { MinimumLength: 10, RequireSymbols: false } },
        Schema: [{ Name: 'name', Required: true }, { Name: 'plan', AttributeDataType: 'String', Mutable: true }],
        DeletionProtection: 'ACTIVE',
      }),
    );
    assert.match(p!.Id!, /^us-east-1_[A-Za-z0-9]{9}$/);
    assert.equal(p!.Arn, `arn:aws:cognito-idp:us-east-1:000000000000:userpool/${p!.Id}`);
    assert.deepEqual(p!.Policies?.PasswordPolicy, { MinimumLength: 10, RequireUppercase: true, RequireLowercase: true, RequireNumbers: true, RequireSymbols: false, TemporaryPasswordValidityDays: 7 });
    assert.equal(p!.MfaConfiguration, 'OFF');
    assert.equal(p!.SchemaAttributes?.find((s) => s.Name === 'name')?.Required, true);
    assert.equal(p!.SchemaAttributes?.find((s) => s.Name === 'custom:plan')?.AttributeDataType, 'String');
    assert.ok(p!.CreationDate instanceof Date);
    const d = await idp.send(new DescribeUserPoolCommand({ UserPoolId: p!.Id }));
    assert.equal(d.UserPool?.Name, 'main');
    assert.equal(d.UserPool?.EstimatedNumberOfUsers, 0);
    assert.deepEqual(d.UserPool?.UsernameAttributes, ['email']);
    await assert.rejects(idp.send(new DeleteUserPoolCommand({ UserPoolId: p!.Id })), fails('InvalidParameterException', 'The user pool cannot be deleted because deletion protection is activated. Deletion protection must be inactivated first.'));
    await idp.send(new UpdateUserPoolCommand({ UserPoolId: p!.Id, DeletionProtection: 'INACTIVE', AutoVerifiedAttributes: ['email'] }));
    await idp.send(new AddCustomAttributesCommand({ UserPoolId: p!.Id, CustomAttributes: [{ Name: 'team', AttributeDataType: 'String' }] }));
    await assert.rejects(idp.send(new AddCustomAttributesCommand({ UserPoolId: p!.Id, CustomAttributes: [{ Name: 'team', AttributeDataType: 'String' }] })), fails('InvalidParameterException', 'Existing schema attributes cannot be modified or deleted.'));
    await idp.send(new DeleteUserPoolCommand({ UserPoolId: p!.Id }));
    await assert.rejects(idp.send(new DescribeUserPoolCommand({ UserPoolId: p!.Id })), fails('ResourceNotFoundException', `User pool ${p!.Id} does not exist.`));
  });

  it('refuses what AWS refuses at creation', async () => {
    await assert.rejects(
      idp.send(new CreateUserPoolCommand({ PoolName: 'x', UsernameAttributes: ['email'], AliasAttributes: ['phone_number'] })),
      fails('InvalidParameterException', 'Only one of the aliasAttributes or usernameAttributes should be set in a User Pool.'),
    );
    await assert.rejects(idp.send(new CreateUserPoolCommand({ PoolName: 'x', Schema: [{ Name: 'x', AttributeDataType: 'String', Required: true }] })), fails('InvalidParameterException', 'Required custom attributes are not supported currently.'));
    await assert.rejects(idp.send(new CreateUserPoolCommand({ PoolName: 'x', MfaConfiguration: 'ON' })), fails('InvalidParameterException'));
    await assert.rejects(idp.send(new CreateUserPoolCommand({ PoolName: 'x', Policies: { PasswordPolicy: { MinimumLength: 5 } } })), fails('InvalidParameterException'));
    await assert.rejects(
      idp.send(new CreateUserPoolCommand({ PoolName: 'x', UserPoolTier: 'LITE', LambdaConfig: { PreTokenGenerationConfig: { LambdaArn: 'arn:aws:lambda:us-east-1:000000000000:function:f', LambdaVersion: 'V2_0' } } })),
      fails('FeatureUnavailableInTierException'),
    );
    await assert.rejects(idp.send(new CreateUserPoolCommand({ PoolName: 'x', UserPoolAddOns: { AdvancedSecurityMode: 'ENFORCED' } })), fails('FeatureUnavailableInTierException'));
  });

  it('lists pools in pages', async () => {
    for (const n of ['a', 'b', 'c']) await idp.send(new CreateUserPoolCommand({ PoolName: `list-${n}` }));
    const first = await idp.send(new ListUserPoolsCommand({ MaxResults: 2 }));
    assert.equal(first.UserPools?.length, 2);
    assert.ok(first.NextToken);
    const second = await idp.send(new ListUserPoolsCommand({ MaxResults: 60, NextToken: first.NextToken }));
    const names = [...first.UserPools!, ...second.UserPools!].map((p) => p.Name);
    for (const n of ['list-a', 'list-b', 'list-c']) assert.ok(names.includes(n));
    await assert.rejects(idp.send(new ListUserPoolsCommand({ MaxResults: 2, NextToken: 'bogus' })), fails('InvalidParameterException'));
  });

  it('clients: secrets, validity units and their ranges, auth flows, listing', async () => {
    const { UserPool } = await idp.send(new CreateUserPoolCommand({ PoolName: 'clients' }));
    const UserPoolId = UserPool!.Id!;
    const c = await idp.send(
      new CreateUserPoolClientCommand({ UserPoolId, ClientName: 'app', GenerateSecret: true, AccessTokenValidity: 15, IdTokenValidity: 15, TokenValidityUnits: { AccessToken: 'minutes', IdToken: 'minutes', RefreshToken: 'days' }, ExplicitAuthFlows: ['ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'] }),
    );
    const client = c.UserPoolClient!;
    assert.match(client.ClientId!, /^[a-z0-9]{26}$/);
    assert.equal(client.AccessTokenValidity, 15);
    assert.equal(client.RefreshTokenValidity, 30);
    await assert.rejects(
      idp.send(new CreateUserPoolClientCommand({ UserPoolId, ClientName: 'bad', AccessTokenValidity: 2, TokenValidityUnits: { AccessToken: 'minutes' } })),
      fails('InvalidParameterException', 'Invalid range for token validity.'),
    );
    await assert.rejects(
      idp.send(new CreateUserPoolClientCommand({ UserPoolId, ClientName: 'bad', ExplicitAuthFlows: ['USER_PASSWORD_AUTH', 'ALLOW_USER_SRP_AUTH'] })),
      fails('InvalidParameterException'),
    );
    const described = await idp.send(new DescribeUserPoolClientCommand({ UserPoolId, ClientId: client.ClientId }));
    assert.equal(described.UserPoolClient?.ClientSecret, client.ClientSecret);
    const updated = await idp.send(new UpdateUserPoolClientCommand({ UserPoolId, ClientId: client.ClientId, ClientName: 'renamed' }));
    assert.equal(updated.UserPoolClient?.ClientName, 'renamed');
    assert.equal(updated.UserPoolClient?.ClientSecret, client.ClientSecret);
    const list = await idp.send(new ListUserPoolClientsCommand({ UserPoolId }));
    assert.deepEqual(list.UserPoolClients, [{ ClientId: client.ClientId, ClientName: 'renamed', UserPoolId }]);
    await assert.rejects(idp.send(new DescribeUserPoolClientCommand({ UserPoolId, ClientId: 'nope' })), fails('ResourceNotFoundException', 'User pool client nope does not exist.'));
    const mfa = await idp.send(new GetUserPoolMfaConfigCommand({ UserPoolId }));
    assert.equal(mfa.MfaConfiguration, 'OFF');
  });

  it('groups: precedence, role, members', async () => {
    const { UserPool } = await idp.send(new CreateUserPoolCommand({ PoolName: 'groups' }));
    const UserPoolId = UserPool!.Id!;
    const g = await idp.send(new CreateGroupCommand({ UserPoolId, GroupName: 'admins', Precedence: 2, RoleArn: 'arn:aws:iam::000000000000:role/admin', Description: 'd' }));
    assert.equal(g.Group?.Precedence, 2);
    await assert.rejects(idp.send(new CreateGroupCommand({ UserPoolId, GroupName: 'admins' })), fails('GroupExistsException', 'A group with the name admins already exists.'));
    await idp.send(new CreateGroupCommand({ UserPoolId, GroupName: 'users' }));
    await idp.send(new AdminCreateUserCommand({ UserPoolId, Username: 'ann', MessageAction: 'SUPPRESS' }));
    await idp.send(new AdminAddUserToGroupCommand({ UserPoolId, Username: 'ann', GroupName: 'admins' }));
    await idp.send(new AdminAddUserToGroupCommand({ UserPoolId, Username: 'ann', GroupName: 'users' }));
    const mine = await idp.send(new AdminListGroupsForUserCommand({ UserPoolId, Username: 'ann' }));
    assert.deepEqual(mine.Groups?.map((x) => x.GroupName), ['admins', 'users']);
    const members = await idp.send(new ListUsersInGroupCommand({ UserPoolId, GroupName: 'admins' }));
    assert.deepEqual(members.Users?.map((u) => u.Username), ['ann']);
    assert.equal((await idp.send(new ListGroupsCommand({ UserPoolId }))).Groups?.length, 2);
    await idp.send(new DeleteGroupCommand({ UserPoolId, GroupName: 'users' }));
    await assert.rejects(idp.send(new GetGroupCommand({ UserPoolId, GroupName: 'users' })), fails('ResourceNotFoundException', 'Group not found.'));
    await assert.rejects(idp.send(new AdminAddUserToGroupCommand({ UserPoolId, Username: 'nobody', GroupName: 'admins' })), fails('UserNotFoundException', 'User does not exist.'));
  });

  it('resource servers, the scopes clients may be allowed, and tags', async () => {
    const { UserPool } = await idp.send(new CreateUserPoolCommand({ PoolName: 'resources', UserPoolTags: { team: 'a' } }));
    const UserPoolId = UserPool!.Id!;
    const rs = await idp.send(new CreateResourceServerCommand({ UserPoolId, Identifier: 'https://api.example.com', Name: 'api', Scopes: [{ ScopeName: 'read', ScopeDescription: 'Read' }] }));
    assert.equal(rs.ResourceServer?.Identifier, 'https://api.example.com');
    await assert.rejects(idp.send(new CreateResourceServerCommand({ UserPoolId, Identifier: 'https://api.example.com', Name: 'again' })), fails('InvalidParameterException'));
    await assert.rejects(
      idp.send(new CreateUserPoolClientCommand({ UserPoolId, ClientName: 'm2m', AllowedOAuthScopes: ['https://api.example.com/write'] })),
      fails('ScopeDoesNotExistException', 'Invalid scope requested: https://api.example.com/write'),
    );
    const ok = await idp.send(new CreateUserPoolClientCommand({ UserPoolId, ClientName: 'm2m', AllowedOAuthScopes: ['https://api.example.com/read', 'openid'] }));
    assert.deepEqual(ok.UserPoolClient?.AllowedOAuthScopes, ['https://api.example.com/read', 'openid']);
    await idp.send(new UpdateResourceServerCommand({ UserPoolId, Identifier: 'https://api.example.com', Name: 'api2', Scopes: [] }));
    assert.equal((await idp.send(new DescribeResourceServerCommand({ UserPoolId, Identifier: 'https://api.example.com' }))).ResourceServer?.Name, 'api2');
    assert.equal((await idp.send(new ListResourceServersCommand({ UserPoolId, MaxResults: 10 }))).ResourceServers?.length, 1);
    await idp.send(new DeleteResourceServerCommand({ UserPoolId, Identifier: 'https://api.example.com' }));
    await assert.rejects(idp.send(new DescribeResourceServerCommand({ UserPoolId, Identifier: 'https://api.example.com' })), fails('ResourceNotFoundException'));

    const ResourceArn = UserPool!.Arn!;
    await idp.send(new TagResourceCommand({ ResourceArn, Tags: { env: 'dev' } }));
    assert.deepEqual((await idp.send(new ListTagsForResourceCommand({ ResourceArn }))).Tags, { team: 'a', env: 'dev' });
    await idp.send(new UntagResourceCommand({ ResourceArn, TagKeys: ['team'] }));
    assert.deepEqual((await idp.send(new ListTagsForResourceCommand({ ResourceArn }))).Tags, { env: 'dev' });
    await assert.rejects(idp.send(new ListTagsForResourceCommand({ ResourceArn: ResourceArn.replace(UserPoolId, 'us-east-1_nothere00') })), fails('ResourceNotFoundException'));
  });

  it('identity providers are recorded with their required details, and clients may name them', async () => {
    const { UserPool } = await idp.send(new CreateUserPoolCommand({ PoolName: 'idps' }));
    const UserPoolId = UserPool!.Id!;
    await assert.rejects(idp.send(new CreateIdentityProviderCommand({ UserPoolId, ProviderName: 'corp', ProviderType: 'OIDC', ProviderDetails: { client_id: 'x' } })), fails('InvalidParameterException'));
    const details = { client_id: 'abc', client_secret: 's', attributes_request_method: 'GET', oidc_issuer: 'https://issuer.example.com', authorize_scopes: 'openid email' };
    const created = await idp.send(new CreateIdentityProviderCommand({ UserPoolId, ProviderName: 'corp', ProviderType: 'OIDC', ProviderDetails: details, AttributeMapping: { email: 'email' }, IdpIdentifiers: ['example.com'] }));
    assert.equal(created.IdentityProvider?.ProviderType, 'OIDC');
    await assert.rejects(idp.send(new CreateIdentityProviderCommand({ UserPoolId, ProviderName: 'corp', ProviderType: 'OIDC', ProviderDetails: details })), fails('DuplicateProviderException'));
    assert.equal((await idp.send(new GetIdentityProviderByIdentifierCommand({ UserPoolId, IdpIdentifier: 'example.com' }))).IdentityProvider?.ProviderName, 'corp');
    assert.deepEqual((await idp.send(new ListIdentityProvidersCommand({ UserPoolId }))).Providers?.map((p) => p.ProviderName), ['corp']);
    await assert.rejects(idp.send(new CreateUserPoolClientCommand({ UserPoolId, ClientName: 'web', SupportedIdentityProviders: ['COGNITO', 'nope'] })), fails('InvalidParameterException', `The provider nope does not exist for User Pool ${UserPoolId}`));
    const c = await idp.send(new CreateUserPoolClientCommand({ UserPoolId, ClientName: 'web', SupportedIdentityProviders: ['COGNITO', 'corp'] }));
    assert.deepEqual(c.UserPoolClient?.SupportedIdentityProviders, ['COGNITO', 'corp']);
    await idp.send(new DeleteIdentityProviderCommand({ UserPoolId, ProviderName: 'corp' }));
    await assert.rejects(idp.send(new DescribeIdentityProviderCommand({ UserPoolId, ProviderName: 'corp' })), fails('ResourceNotFoundException'));
  });

  it('usernames are case-sensitive by default, as on AWS, and not with CaseSensitive false', async () => {
    const { UserPool: sensitive } = await idp.send(new CreateUserPoolCommand({ PoolName: 'sensitive' }));
    await idp.send(new AdminCreateUserCommand({ UserPoolId: sensitive!.Id, Username: 'Vic', MessageAction: 'SUPPRESS' }));
    await assert.rejects(idp.send(new AdminGetUserCommand({ UserPoolId: sensitive!.Id, Username: 'vic' })), fails('UserNotFoundException'));
    await idp.send(new AdminCreateUserCommand({ UserPoolId: sensitive!.Id, Username: 'vic', MessageAction: 'SUPPRESS' }));
    const { UserPool: insensitive } = await idp.send(new CreateUserPoolCommand({ PoolName: 'insensitive', UsernameConfiguration: { CaseSensitive: false } }));
    await idp.send(new AdminCreateUserCommand({ UserPoolId: insensitive!.Id, Username: 'Vic', MessageAction: 'SUPPRESS' }));
    assert.equal((await idp.send(new AdminGetUserCommand({ UserPoolId: insensitive!.Id, Username: 'VIC' }))).Username, 'Vic');
    await assert.rejects(idp.send(new AdminCreateUserCommand({ UserPoolId: insensitive!.Id, Username: 'vic', MessageAction: 'SUPPRESS' })), fails('UsernameExistsException'));
  });

  it('refuses CustomEmailSender and CustomSMSSender: their codes are KMS-encrypted, and Stratus has no KMS', async () => {
    const sender = 'arn:aws:lambda:us-east-1:000000000000:function:sender';
    await assert.rejects(
      idp.send(new CreateUserPoolCommand({ PoolName: 'custom-sender', LambdaConfig: { CustomEmailSender: { LambdaVersion: 'V1_0', LambdaArn: sender } } })),
      fails('InvalidParameterException', 'KMSKeyID is required when a CustomEmailSender or CustomSMSSender is configured.'),
    );
    const kms = 'arn:aws:kms:us-east-1:000000000000:key/1234abcd-12ab-34cd-56ef-1234567890ab';
    await assert.rejects(
      idp.send(new CreateUserPoolCommand({ PoolName: 'custom-sender', LambdaConfig: { CustomSMSSender: { LambdaVersion: 'V1_0', LambdaArn: sender }, KMSKeyID: kms } })),
      fails('InvalidParameterException', `Invalid KMS key ${kms}: Stratus has no KMS, so the CustomEmailSender and CustomSMSSender triggers are not supported.`),
    );
  });
});
