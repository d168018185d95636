import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  IAMClient,
  AddRoleToInstanceProfileCommand,
  AddUserToGroupCommand,
  AttachRolePolicyCommand,
  AttachUserPolicyCommand,
  CreateAccessKeyCommand,
  CreateAccountAliasCommand,
  CreateGroupCommand,
  CreateInstanceProfileCommand,
  CreateOpenIDConnectProviderCommand,
  CreatePolicyCommand,
  CreatePolicyVersionCommand,
  CreateRoleCommand,
  CreateServiceLinkedRoleCommand,
  CreateVirtualMFADeviceCommand,
  DeactivateMFADeviceCommand,
  DeleteVirtualMFADeviceCommand,
  EnableMFADeviceCommand,
  ListMFADevicesCommand,
  ListVirtualMFADevicesCommand,
  CreateUserCommand,
  DeleteAccessKeyCommand,
  DeleteGroupCommand,
  DeleteInstanceProfileCommand,
  DeletePolicyCommand,
  DeletePolicyVersionCommand,
  DeleteRoleCommand,
  DeleteRolePolicyCommand,
  DeleteUserCommand,
  DetachRolePolicyCommand,
  GetAccessKeyLastUsedCommand,
  GetAccountAuthorizationDetailsCommand,
  GetAccountPasswordPolicyCommand,
  GetGroupCommand,
  GetInstanceProfileCommand,
  GetOpenIDConnectProviderCommand,
  GetPolicyCommand,
  GetPolicyVersionCommand,
  GetRoleCommand,
  GetRolePolicyCommand,
  GetUserCommand,
  ListAccessKeysCommand,
  ListAccountAliasesCommand,
  ListAttachedRolePoliciesCommand,
  ListEntitiesForPolicyCommand,
  ListGroupsForUserCommand,
  ListPoliciesCommand,
  ListPolicyVersionsCommand,
  ListRolePoliciesCommand,
  ListRolesCommand,
  ListUsersCommand,
  PutRolePermissionsBoundaryCommand,
  PutRolePolicyCommand,
  RemoveRoleFromInstanceProfileCommand,
  RemoveUserFromGroupCommand,
  SimulateCustomPolicyCommand,
  SimulatePrincipalPolicyCommand,
  SetDefaultPolicyVersionCommand,
  TagRoleCommand,
  UpdateAccessKeyCommand,
  UpdateAccountPasswordPolicyCommand,
  UpdateRoleCommand,
  UpdateUserCommand,
} from '@aws-sdk/client-iam';
import { clientConfig, startServer, type TestServer } from '../helpers/server.js';
import { definition as iamService } from '../../src/services/iam/index.js';
import { definition as stsService } from '../../src/services/sts/index.js';
import { totp } from '../../src/services/iam/ops/mfa.js';

const ACCOUNT = '000000000000';
const TRUST = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }] });
const doc = (action: string | string[], resource = '*') => JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: action, Resource: resource }] });

/** Asserts an AWS error by code, status and message. */
function awsError(name: string, status: number, message?: string | RegExp) {
  return (e: any) => {
    assert.equal(e.name, name, `${e.name}: ${e.message}`);
    assert.equal(e.$metadata?.httpStatusCode, status);
    if (typeof message === 'string') assert.equal(e.message, message);
    else if (message) assert.match(e.message, message);
    return true;
  };
}

describe('IAM', () => {
  let server: TestServer;
  let iam: IAMClient;
  before(async () => {
    server = await startServer({ services: [iamService, stsService] });
    iam = new IAMClient(clientConfig(server.endpoint));
  });
  after(() => server.stop());

  it('creates, reads, updates, lists and deletes roles with AWS errors', async () => {
    const created = await iam.send(new CreateRoleCommand({ RoleName: 'app-role', Path: '/svc/', AssumeRolePolicyDocument: TRUST, Description: 'd', MaxSessionDuration: 7200, Tags: [{ Key: 'team', Value: 'a' }] }));
    assert.equal(created.Role!.Arn, `arn:aws:iam::${ACCOUNT}:role/svc/app-role`);
    assert.match(created.Role!.RoleId!, /^AROA[A-Z2-7]{17}$/);
    assert.equal(decodeURIComponent(created.Role!.AssumeRolePolicyDocument!), TRUST);
    await assert.rejects(iam.send(new CreateRoleCommand({ RoleName: 'APP-ROLE', AssumeRolePolicyDocument: TRUST })), awsError('EntityAlreadyExistsException', 409, 'Role with name APP-ROLE already exists.'));
    await assert.rejects(iam.send(new GetRoleCommand({ RoleName: 'nope' })), awsError('NoSuchEntityException', 404, 'The role with name nope cannot be found.'));
    await iam.send(new UpdateRoleCommand({ RoleName: 'app-role', MaxSessionDuration: 3600 }));
    await iam.send(new TagRoleCommand({ RoleName: 'app-role', Tags: [{ Key: 'env', Value: 'dev' }] }));
    const got = await iam.send(new GetRoleCommand({ RoleName: 'app-role' }));
    assert.equal(got.Role!.MaxSessionDuration, 3600);
    assert.deepEqual(got.Role!.Tags, [{ Key: 'team', Value: 'a' }, { Key: 'env', Value: 'dev' }]);
    await assert.rejects(
      iam.send(new CreateRoleCommand({ RoleName: 'bad', AssumeRolePolicyDocument: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'sts:AssumeRole' }] }) })),
      awsError('MalformedPolicyDocumentException', 400, 'Missing required field Principal'),
    );
    await assert.rejects(
      iam.send(new CreateRoleCommand({ RoleName: 'bad', AssumeRolePolicyDocument: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${ACCOUNT}:role/ghost` }, Action: 'sts:AssumeRole' }] }) })),
      awsError('MalformedPolicyDocumentException', 400, `Invalid principal in policy: "AWS":"arn:aws:iam::${ACCOUNT}:role/ghost"`),
    );
    await assert.rejects(iam.send(new CreateRoleCommand({ RoleName: 'bad', AssumeRolePolicyDocument: TRUST, MaxSessionDuration: 100 })), awsError('ValidationError', 400, /maxSessionDuration/));
    const listed = await iam.send(new ListRolesCommand({ PathPrefix: '/svc/' }));
    assert.deepEqual(listed.Roles!.map((r) => r.RoleName), ['app-role']);
    await iam.send(new DeleteRoleCommand({ RoleName: 'app-role' }));
    await assert.rejects(iam.send(new DeleteRoleCommand({ RoleName: 'app-role' })), awsError('NoSuchEntityException', 404, 'The role with name app-role cannot be found.'));
  });

  it('attaches AWS managed and customer policies, with DeleteConflict until they are detached', async () => {
    await iam.send(new CreateRoleCommand({ RoleName: 'lambda-ex', AssumeRolePolicyDocument: TRUST }));
    const basic = 'arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole';
    await iam.send(new AttachRolePolicyCommand({ RoleName: 'lambda-ex', PolicyArn: basic }));
    const awsPolicy = await iam.send(new GetPolicyCommand({ PolicyArn: basic }));
    assert.equal(awsPolicy.Policy!.AttachmentCount, 1);
    const version = await iam.send(new GetPolicyVersionCommand({ PolicyArn: basic, VersionId: 'v1' }));
    assert.deepEqual(JSON.parse(decodeURIComponent(version.PolicyVersion!.Document!)).Statement[0].Action, ['logs:CreateLogGroup', 'logs:CreateLogStream', 'logs:PutLogEvents']);
    await assert.rejects(
      iam.send(new AttachRolePolicyCommand({ RoleName: 'lambda-ex', PolicyArn: 'arn:aws:iam::aws:policy/NoSuchPolicy' })),
      awsError('NoSuchEntityException', 404, 'Policy arn:aws:iam::aws:policy/NoSuchPolicy does not exist or is not attachable.'),
    );
    await iam.send(new PutRolePolicyCommand({ RoleName: 'lambda-ex', PolicyName: 'inline', PolicyDocument: doc('dynamodb:PutItem', 'arn:aws:dynamodb:us-east-1:000000000000:table/t') }));
    const inline = await iam.send(new GetRolePolicyCommand({ RoleName: 'lambda-ex', PolicyName: 'inline' }));
    assert.equal(JSON.parse(decodeURIComponent(inline.PolicyDocument!)).Statement[0].Action, 'dynamodb:PutItem');
    assert.deepEqual((await iam.send(new ListRolePoliciesCommand({ RoleName: 'lambda-ex' }))).PolicyNames, ['inline']);
    await assert.rejects(iam.send(new DeleteRoleCommand({ RoleName: 'lambda-ex' })), awsError('DeleteConflictException', 409, 'Cannot delete entity, must detach all policies first.'));
    await iam.send(new DetachRolePolicyCommand({ RoleName: 'lambda-ex', PolicyArn: basic }));
    await assert.rejects(iam.send(new DetachRolePolicyCommand({ RoleName: 'lambda-ex', PolicyArn: basic })), awsError('NoSuchEntityException', 404, `Policy ${basic} was not found.`));
    await assert.rejects(iam.send(new DeleteRoleCommand({ RoleName: 'lambda-ex' })), awsError('DeleteConflictException', 409, 'Cannot delete entity, must delete policies first.'));
    await iam.send(new DeleteRolePolicyCommand({ RoleName: 'lambda-ex', PolicyName: 'inline' }));
    await assert.rejects(iam.send(new GetRolePolicyCommand({ RoleName: 'lambda-ex', PolicyName: 'inline' })), awsError('NoSuchEntityException', 404, 'The role policy with name inline cannot be found.'));
    await iam.send(new DeleteRoleCommand({ RoleName: 'lambda-ex' }));
  });

  it('keeps managed policy versions: default version, the five-version limit, deletion rules', async () => {
    const { Policy } = await iam.send(new CreatePolicyCommand({ PolicyName: 'versions', PolicyDocument: doc('s3:GetObject') }));
    const arn = Policy!.Arn!;
    assert.equal(arn, `arn:aws:iam::${ACCOUNT}:policy/versions`);
    assert.equal(Policy!.DefaultVersionId, 'v1');
    await assert.rejects(
      iam.send(new CreatePolicyCommand({ PolicyName: 'versions', PolicyDocument: doc('s3:GetObject') })),
      awsError('EntityAlreadyExistsException', 409, 'A policy called versions already exists. Duplicate names are not allowed.'),
    );
    for (let i = 2; i <= 5; i++) {
      const created: { PolicyVersion?: { VersionId?: string } } = await iam.send(new CreatePolicyVersionCommand({ PolicyArn: arn, PolicyDocument: doc(`s3:Get${i}`), SetAsDefault: i === 3 }));
      assert.equal(created.PolicyVersion!.VersionId, `v${i}`);
    }
    await assert.rejects(
      iam.send(new CreatePolicyVersionCommand({ PolicyArn: arn, PolicyDocument: doc('s3:Get6') })),
      awsError('LimitExceededException', 409, 'A managed policy can have up to 5 versions. Before you create a new version, you must delete an existing version.'),
    );
    assert.equal((await iam.send(new GetPolicyCommand({ PolicyArn: arn }))).Policy!.DefaultVersionId, 'v3');
    await assert.rejects(iam.send(new DeletePolicyVersionCommand({ PolicyArn: arn, VersionId: 'v3' })), awsError('DeleteConflictException', 409, 'Cannot delete the default version of a policy.'));
    await iam.send(new SetDefaultPolicyVersionCommand({ PolicyArn: arn, VersionId: 'v5' }));
    const versions = await iam.send(new ListPolicyVersionsCommand({ PolicyArn: arn }));
    assert.deepEqual(versions.Versions!.map((v) => [v.VersionId, v.IsDefaultVersion]), [['v5', true], ['v4', false], ['v3', false], ['v2', false], ['v1', false]]);
    await assert.rejects(iam.send(new GetPolicyVersionCommand({ PolicyArn: arn, VersionId: 'v9' })), awsError('NoSuchEntityException', 404, `Policy ${arn} version v9 does not exist or is not attachable.`));
    await assert.rejects(iam.send(new DeletePolicyCommand({ PolicyArn: arn })), awsError('DeleteConflictException', 409, /more than one version/));
    for (const v of ['v1', 'v2', 'v3', 'v4']) await iam.send(new DeletePolicyVersionCommand({ PolicyArn: arn, VersionId: v }));
    await iam.send(new CreateUserCommand({ UserName: 'pol-user' }));
    await iam.send(new AttachUserPolicyCommand({ UserName: 'pol-user', PolicyArn: arn }));
    const entities = await iam.send(new ListEntitiesForPolicyCommand({ PolicyArn: arn }));
    assert.deepEqual(entities.PolicyUsers!.map((u) => u.UserName), ['pol-user']);
    await assert.rejects(iam.send(new DeletePolicyCommand({ PolicyArn: arn })), awsError('DeleteConflictException', 409, 'Cannot delete a policy attached to entities.'));
    await assert.rejects(iam.send(new DeleteUserCommand({ UserName: 'pol-user' })), awsError('DeleteConflictException', 409, 'Cannot delete entity, must detach all policies first.'));
  });

  it('refuses malformed policy documents with AWS messages', async () => {
    const cases: [string, string][] = [
      ['{not json', 'Syntax errors in policy.'],
      [JSON.stringify({ Statement: [{ Effect: 'Allow', Action: 's3:*', Resource: '*' }] }), 'Policy document must be version 2012-10-17 or greater.'],
      [JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Resource: '*' }] }), 'Policy statement must contain actions.'],
      [JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:*' }] }), 'Policy statement must contain resources.'],
      [JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:*', Resource: 'bucket' }] }), 'Resource bucket must be in ARN format or "*".'],
      [JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:*', Resource: '*', Principal: '*' }] }), 'Policy document should not specify a principal.'],
      [JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Permit', Action: 's3:*', Resource: '*' }] }), 'Syntax errors in policy.'],
      [JSON.stringify({ Version: '2012-10-17', Statement: [{ Sid: 'a', Effect: 'Allow', Action: 's3:*', Resource: '*' }, { Sid: 'a', Effect: 'Allow', Action: 's3:*', Resource: '*' }] }), 'Statement IDs (SID) in a single policy must be unique.'],
    ];
    for (const [document, message] of cases) {
      await assert.rejects(iam.send(new CreatePolicyCommand({ PolicyName: 'malformed', PolicyDocument: document })), awsError('MalformedPolicyDocumentException', 400, message));
    }
  });

  it('manages users, groups and access keys, and pages listings with Marker and MaxItems', async () => {
    for (const name of ['u1', 'u2', 'u3', 'u4', 'u5']) await iam.send(new CreateUserCommand({ UserName: name, Path: '/paged/' }));
    const seen: string[] = [];
    let marker: string | undefined;
    let pages = 0;
    do {
      const page = await iam.send(new ListUsersCommand({ PathPrefix: '/paged/', MaxItems: 2, Marker: marker }));
      seen.push(...page.Users!.map((u) => u.UserName!));
      assert.equal(page.IsTruncated, page.Marker !== undefined);
      marker = page.Marker;
      pages++;
    } while (marker);
    assert.deepEqual(seen, ['u1', 'u2', 'u3', 'u4', 'u5']);
    assert.equal(pages, 3);
    await iam.send(new CreateGroupCommand({ GroupName: 'devs' }));
    await iam.send(new AddUserToGroupCommand({ GroupName: 'devs', UserName: 'u1' }));
    assert.deepEqual((await iam.send(new GetGroupCommand({ GroupName: 'devs' }))).Users!.map((u) => u.UserName), ['u1']);
    assert.deepEqual((await iam.send(new ListGroupsForUserCommand({ UserName: 'u1' }))).Groups!.map((g) => g.GroupName), ['devs']);
    await assert.rejects(iam.send(new DeleteGroupCommand({ GroupName: 'devs' })), awsError('DeleteConflictException', 409, 'Cannot delete entity, must remove users from group first.'));
    await iam.send(new RemoveUserFromGroupCommand({ GroupName: 'devs', UserName: 'u1' }));
    await iam.send(new DeleteGroupCommand({ GroupName: 'devs' }));
    await iam.send(new UpdateUserCommand({ UserName: 'u2', NewUserName: 'u2-renamed' }));
    assert.equal((await iam.send(new GetUserCommand({ UserName: 'u2-renamed' }))).User!.Arn, `arn:aws:iam::${ACCOUNT}:user/paged/u2-renamed`);
    await assert.rejects(iam.send(new GetUserCommand({ UserName: 'u2' })), awsError('NoSuchEntityException', 404, 'The user with name u2 cannot be found.'));

    const k1 = (await iam.send(new CreateAccessKeyCommand({ UserName: 'u1' }))).AccessKey!;
    assert.match(k1.AccessKeyId!, /^AKIA[A-Z2-7]{16}$/);
    assert.equal(k1.SecretAccessKey!.length, 40);
    await iam.send(new CreateAccessKeyCommand({ UserName: 'u1' }));
    await assert.rejects(iam.send(new CreateAccessKeyCommand({ UserName: 'u1' })), awsError('LimitExceededException', 409, 'Cannot exceed quota for AccessKeysPerUser: 2'));
    await iam.send(new UpdateAccessKeyCommand({ UserName: 'u1', AccessKeyId: k1.AccessKeyId!, Status: 'Inactive' }));
    const keys = await iam.send(new ListAccessKeysCommand({ UserName: 'u1' }));
    assert.equal(keys.AccessKeyMetadata!.find((k) => k.AccessKeyId === k1.AccessKeyId)!.Status, 'Inactive');
    await assert.rejects(iam.send(new DeleteUserCommand({ UserName: 'u1' })), awsError('DeleteConflictException', 409, 'Cannot delete entity, must delete access keys first.'));
    await assert.rejects(iam.send(new DeleteAccessKeyCommand({ UserName: 'u1', AccessKeyId: 'AKIAAAAAAAAAAAAAAAAA' })), awsError('NoSuchEntityException', 404, 'The Access Key with id AKIAAAAAAAAAAAAAAAAA cannot be found'));

    // The new key is the user's: it signs requests that IAM answers for that user.
    const k2 = (await iam.send(new CreateAccessKeyCommand({ UserName: 'u3' }))).AccessKey!;
    const asUser = new IAMClient({ ...clientConfig(server.endpoint), credentials: { accessKeyId: k2.AccessKeyId!, secretAccessKey: k2.SecretAccessKey! } });
    assert.equal((await asUser.send(new GetUserCommand({}))).User!.UserName, 'u3');
    const used = await iam.send(new GetAccessKeyLastUsedCommand({ AccessKeyId: k2.AccessKeyId! }));
    assert.equal(used.UserName, 'u3');
    assert.equal(used.AccessKeyLastUsed!.ServiceName, 'iam');
    assert.equal(used.AccessKeyLastUsed!.Region, 'us-east-1');
    assert.ok(used.AccessKeyLastUsed!.LastUsedDate instanceof Date);
    const unused = await iam.send(new GetAccessKeyLastUsedCommand({ AccessKeyId: k1.AccessKeyId! }));
    assert.deepEqual(unused.AccessKeyLastUsed, { ServiceName: 'N/A', Region: 'N/A' });
  });

  it('lists AWS managed and local policies across one Marker', async () => {
    const local = await iam.send(new ListPoliciesCommand({ Scope: 'Local' }));
    assert.ok(local.Policies!.every((p) => p.Arn!.startsWith(`arn:aws:iam::${ACCOUNT}:policy/`)));
    const names: string[] = [];
    let marker: string | undefined;
    do {
      const page = await iam.send(new ListPoliciesCommand({ MaxItems: 4, Marker: marker }));
      names.push(...page.Policies!.map((p) => p.PolicyName!));
      marker = page.Marker;
    } while (marker);
    assert.ok(names.includes('AdministratorAccess') && names.includes('AmazonDynamoDBFullAccess') && names.includes('versions'));
    assert.equal(new Set(names).size, names.length);
    const attached = await iam.send(new ListPoliciesCommand({ OnlyAttached: true, Scope: 'AWS' }));
    assert.ok(attached.Policies!.every((p) => p.AttachmentCount! > 0 || p.PermissionsBoundaryUsageCount! > 0));
    assert.ok(attached.Policies!.length < names.length);
  });

  it('handles instance profiles, permissions boundaries, service-linked roles and the account settings', async () => {
    await iam.send(new CreateRoleCommand({ RoleName: 'ec2-role', AssumeRolePolicyDocument: TRUST }));
    await iam.send(new CreateInstanceProfileCommand({ InstanceProfileName: 'web' }));
    await iam.send(new AddRoleToInstanceProfileCommand({ InstanceProfileName: 'web', RoleName: 'ec2-role' }));
    const profile = await iam.send(new GetInstanceProfileCommand({ InstanceProfileName: 'web' }));
    assert.deepEqual(profile.InstanceProfile!.Roles!.map((r) => r.RoleName), ['ec2-role']);
    await assert.rejects(iam.send(new DeleteInstanceProfileCommand({ InstanceProfileName: 'web' })), awsError('DeleteConflictException', 409, 'Cannot delete entity, must remove roles from instance profile first.'));
    await assert.rejects(iam.send(new DeleteRoleCommand({ RoleName: 'ec2-role' })), awsError('DeleteConflictException', 409, 'Cannot delete entity, must remove roles from instance profile first.'));
    await iam.send(new RemoveRoleFromInstanceProfileCommand({ InstanceProfileName: 'web', RoleName: 'ec2-role' }));
    await iam.send(new DeleteInstanceProfileCommand({ InstanceProfileName: 'web' }));
    await iam.send(new PutRolePermissionsBoundaryCommand({ RoleName: 'ec2-role', PermissionsBoundary: 'arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess' }));
    const bounded = await iam.send(new GetRoleCommand({ RoleName: 'ec2-role' }));
    assert.deepEqual(bounded.Role!.PermissionsBoundary, { PermissionsBoundaryType: 'PermissionsBoundaryPolicy', PermissionsBoundaryArn: 'arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess' });

    const slr = await iam.send(new CreateServiceLinkedRoleCommand({ AWSServiceName: 'autoscaling.amazonaws.com' }));
    assert.equal(slr.Role!.Arn, `arn:aws:iam::${ACCOUNT}:role/aws-service-role/autoscaling.amazonaws.com/AWSServiceRoleForAutoScaling`);
    await assert.rejects(iam.send(new DeleteRoleCommand({ RoleName: 'AWSServiceRoleForAutoScaling' })), awsError('UnmodifiableEntityException', 400, /protected role/));

    await iam.send(new CreateAccountAliasCommand({ AccountAlias: 'my-alias' }));
    assert.deepEqual((await iam.send(new ListAccountAliasesCommand({}))).AccountAliases, ['my-alias']);
    await assert.rejects(iam.send(new GetAccountPasswordPolicyCommand({})), awsError('NoSuchEntityException', 404, `The Password Policy with domain name ${ACCOUNT} cannot be found.`));
    await iam.send(new UpdateAccountPasswordPolicyCommand({ MinimumPasswordLength: 12, RequireSymbols: true }));
    const pp = await iam.send(new GetAccountPasswordPolicyCommand({}));
    assert.equal(pp.PasswordPolicy!.MinimumPasswordLength, 12);
    assert.equal(pp.PasswordPolicy!.RequireSymbols, true);

    const oidc = await iam.send(new CreateOpenIDConnectProviderCommand({ Url: 'https://token.actions.githubusercontent.com', ClientIDList: ['sts.amazonaws.com'], ThumbprintList: ['a'.repeat(40)] }));
    assert.equal(oidc.OpenIDConnectProviderArn, `arn:aws:iam::${ACCOUNT}:oidc-provider/token.actions.githubusercontent.com`);
    const got = await iam.send(new GetOpenIDConnectProviderCommand({ OpenIDConnectProviderArn: oidc.OpenIDConnectProviderArn }));
    assert.equal(got.Url, 'token.actions.githubusercontent.com');
    assert.deepEqual(got.ClientIDList, ['sts.amazonaws.com']);
    await assert.rejects(
      iam.send(new CreateOpenIDConnectProviderCommand({ Url: 'https://token.actions.githubusercontent.com', ThumbprintList: ['a'.repeat(40)] })),
      awsError('EntityAlreadyExistsException', 409, 'Provider with url https://token.actions.githubusercontent.com already exists.'),
    );
    const attached = await iam.send(new ListAttachedRolePoliciesCommand({ RoleName: 'ec2-role' }));
    assert.deepEqual(attached.AttachedPolicies, []);
  });

  it('simulates a principal\'s policies and custom policies on the enforcement evaluator', async () => {
    await iam.send(new CreateRoleCommand({ RoleName: 'sim', AssumeRolePolicyDocument: TRUST }));
    await iam.send(new PutRolePolicyCommand({ RoleName: 'sim', PolicyName: 'reads', PolicyDocument: doc(['s3:GetObject', 's3:PutObject']) }));
    await iam.send(new PutRolePermissionsBoundaryCommand({ RoleName: 'sim', PermissionsBoundary: 'arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess' }));
    const r = await iam.send(new SimulatePrincipalPolicyCommand({ PolicySourceArn: `arn:aws:iam::${ACCOUNT}:role/sim`, ActionNames: ['s3:GetObject', 's3:PutObject', 'sqs:SendMessage'] }));
    assert.deepEqual(r.EvaluationResults!.map((e) => [e.EvalActionName, e.EvalDecision]), [['s3:GetObject', 'allowed'], ['s3:PutObject', 'implicitDeny'], ['sqs:SendMessage', 'implicitDeny']]);
    assert.deepEqual(r.EvaluationResults![0]!.MatchedStatements!.map((m) => [m.SourcePolicyId, m.SourcePolicyType]), [['reads', 'role']]);
    assert.equal(r.EvaluationResults![1]!.PermissionsBoundaryDecisionDetail!.AllowedByPermissionsBoundary, false);
    const custom = await iam.send(
      new SimulateCustomPolicyCommand({
        PolicyInputList: [doc('dynamodb:*'), JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Deny', Action: 'dynamodb:DeleteTable', Resource: '*' }] })],
        ActionNames: ['dynamodb:PutItem', 'dynamodb:DeleteTable'],
        ResourceArns: ['arn:aws:dynamodb:us-east-1:000000000000:table/t'],
      }),
    );
    assert.deepEqual(custom.EvaluationResults!.map((e) => [e.EvalActionName, e.EvalDecision]), [['dynamodb:PutItem', 'allowed'], ['dynamodb:DeleteTable', 'explicitDeny']]);
    assert.equal(custom.EvaluationResults![1]!.MatchedStatements![0]!.SourcePolicyId, 'PolicyInputList.2');
  });

  it('records virtual MFA devices enabled with two consecutive TOTP codes', async () => {
    // RFC 6238's SHA-1 test vector: the seed "12345678901234567890" at T=59 s.
    assert.equal(totp('GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ', 1), '287082');
    await iam.send(new CreateUserCommand({ UserName: 'mfa-user' }));
    const { VirtualMFADevice } = await iam.send(new CreateVirtualMFADeviceCommand({ VirtualMFADeviceName: 'phone' }));
    assert.equal(VirtualMFADevice!.SerialNumber, `arn:aws:iam::${ACCOUNT}:mfa/phone`);
    const seed = Buffer.from(VirtualMFADevice!.Base32StringSeed!).toString();
    assert.match(seed, /^[A-Z2-7]{64}$/);
    const step = Math.floor(server.clock.now() / 30_000);
    const serial = VirtualMFADevice!.SerialNumber!;
    await assert.rejects(
      iam.send(new EnableMFADeviceCommand({ UserName: 'mfa-user', SerialNumber: serial, AuthenticationCode1: '000000', AuthenticationCode2: '000001' })),
      awsError('InvalidAuthenticationCodeException', 403, 'Authentication code for device is not valid.'),
    );
    await iam.send(new EnableMFADeviceCommand({ UserName: 'mfa-user', SerialNumber: serial, AuthenticationCode1: totp(seed, step - 1), AuthenticationCode2: totp(seed, step) }));
    const devices = await iam.send(new ListMFADevicesCommand({ UserName: 'mfa-user' }));
    assert.deepEqual(devices.MFADevices!.map((d) => d.SerialNumber), [serial]);
    const assigned = await iam.send(new ListVirtualMFADevicesCommand({ AssignmentStatus: 'Assigned' }));
    assert.equal(assigned.VirtualMFADevices![0]!.User!.UserName, 'mfa-user');
    await assert.rejects(iam.send(new DeleteUserCommand({ UserName: 'mfa-user' })), awsError('DeleteConflictException', 409, 'Cannot delete entity, must delete MFA device first.'));
    await assert.rejects(iam.send(new DeleteVirtualMFADeviceCommand({ SerialNumber: serial })), awsError('DeleteConflictException', 409));
    await iam.send(new DeactivateMFADeviceCommand({ UserName: 'mfa-user', SerialNumber: serial }));
    await iam.send(new DeleteVirtualMFADeviceCommand({ SerialNumber: serial }));
    await iam.send(new DeleteUserCommand({ UserName: 'mfa-user' }));
  });

  it('answers every identity with its policies in GetAccountAuthorizationDetails', async () => {
    await iam.send(new CreateRoleCommand({ RoleName: 'detailed', AssumeRolePolicyDocument: TRUST }));
    await iam.send(new PutRolePolicyCommand({ RoleName: 'detailed', PolicyName: 'inline', PolicyDocument: doc('sqs:SendMessage') }));
    await iam.send(new AttachRolePolicyCommand({ RoleName: 'detailed', PolicyArn: 'arn:aws:iam::aws:policy/AmazonSQSFullAccess' }));
    const d = await iam.send(new GetAccountAuthorizationDetailsCommand({ Filter: ['Role', 'AWSManagedPolicy'] }));
    assert.equal(d.UserDetailList, undefined);
    const role = d.RoleDetailList!.find((r) => r.RoleName === 'detailed')!;
    assert.equal(JSON.parse(decodeURIComponent(role.RolePolicyList![0]!.PolicyDocument!)).Statement[0].Action, 'sqs:SendMessage');
    assert.deepEqual(role.AttachedManagedPolicies, [{ PolicyName: 'AmazonSQSFullAccess', PolicyArn: 'arn:aws:iam::aws:policy/AmazonSQSFullAccess' }]);
    const sqs = d.Policies!.find((p) => p.PolicyName === 'AmazonSQSFullAccess')!;
    assert.equal(sqs.AttachmentCount, 1);
    assert.equal(sqs.PolicyVersionList![0]!.IsDefaultVersion, true);
  });
});
