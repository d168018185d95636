import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  AdminCreateUserCommand,
  AdminDeleteUserAttributesCommand,
  AdminDeleteUserCommand,
  AdminDisableUserCommand,
  AdminEnableUserCommand,
  AdminGetUserCommand,
  AdminResetUserPasswordCommand,
  AdminSetUserPasswordCommand,
  AdminUpdateUserAttributesCommand,
  ChangePasswordCommand,
  ConfirmForgotPasswordCommand,
  ConfirmSignUpCommand,
  CreateUserPoolClientCommand,
  CreateUserPoolCommand,
  ForgotPasswordCommand,
  GetUserAttributeVerificationCodeCommand,
  GetUserCommand,
  InitiateAuthCommand,
  ListUsersCommand,
  ResendConfirmationCodeCommand,
  SignUpCommand,
  UpdateUserAttributesCommand,
  VerifyUserAttributeCommand,
  type CognitoIdentityProviderClient,
} from '@aws-sdk/client-cognito-identity-provider';
import type { TestServer } from '../../helpers/server.js';
import { cognitoServer, lastCode, messages } from './helpers.js';

const fails = (name: string, message?: string) => (e: Error) => {
  assert.equal(e.name, name, e.message);
  if (message !== undefined) assert.equal(e.message, message);
  return true;
};

describe('Cognito users', () => {
  let server: TestServer;
  let idp: CognitoIdentityProviderClient;
  let poolId: string;
  let clientId: string;
  const login = (USERNAME: string, PASSWORD: string) => idp.send(new InitiateAuthCommand({ ClientId: clientId, AuthFlow: 'USER_PASSWORD_AUTH', AuthParameters: { USERNAME, PASSWORD } }));

  before(async () => {
    ({ server, idp } = await cognitoServer());
    const p = await idp.send(new CreateUserPoolCommand({ PoolName: 'users', UsernameAttributes: ['email'], UsernameConfiguration: { CaseSensitive: false }, AutoVerifiedAttributes: ['email'], Schema: [{ Name: 'name', Required: true }] }));
    poolId = p.UserPool!.Id!;
    const c = await idp.send(new CreateUserPoolClientCommand({ UserPoolId: poolId, ClientName: 'app', ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'] }));
    clientId = c.UserPoolClient!.ClientId!;
  });
  after(async () => {
    idp.destroy();
    await server.stop();
  });

  it('sign-up, codes that mismatch and expire on the platform clock, resend, confirm', async () => {
    const email = 'Dana@Example.com';
    await assert.rejects(
      idp.send(new SignUpCommand({ ClientId: clientId, Username: email, Password: 'Passw0rd!', UserAttributes: [] })),
      fails('InvalidParameterException', 'Attributes did not conform to the schema: name: The attribute name is required'),
    );
    await assert.rejects(idp.send(new SignUpCommand({ ClientId: clientId, Username: email, Password: 'password', UserAttributes: [{ Name: 'name', Value: 'Dana' }] })), fails('InvalidPasswordException'));
    await assert.rejects(idp.send(new SignUpCommand({ ClientId: clientId, Username: 'dana', Password: 'Passw0rd!', UserAttributes: [{ Name: 'name', Value: 'Dana' }] })), fails('InvalidParameterException', 'Username should be an email.'));
    const up = await idp.send(new SignUpCommand({ ClientId: clientId, Username: email, Password: 'Passw0rd!', UserAttributes: [{ Name: 'name', Value: 'Dana' }] }));
    assert.equal(up.UserConfirmed, false);
    assert.match(up.UserSub!, /^[0-9a-f-]{36}$/);
    assert.deepEqual(up.CodeDeliveryDetails, { AttributeName: 'email', DeliveryMedium: 'EMAIL', Destination: 'D***@E***' });
    await assert.rejects(
      idp.send(new SignUpCommand({ ClientId: clientId, Username: 'dana@example.com', Password: 'Passw0rd!', UserAttributes: [{ Name: 'name', Value: 'D' }] })),
      fails('UsernameExistsException', 'An account with the given email already exists.'),
    );
    await assert.rejects(login(email, 'Passw0rd!'), fails('UserNotConfirmedException', 'User is not confirmed.'));
    const inbox = await messages(server.endpoint, poolId);
    assert.equal(inbox.length, 1);
    assert.equal(inbox[0]!.destination, email);
    assert.equal(inbox[0]!.medium, 'EMAIL');
    assert.match(inbox[0]!.code!, /^\d{6}$/);
    assert.equal(inbox[0]!.text, `Your verification code is ${inbox[0]!.code}. `);
    const wrong = inbox[0]!.code === '000000' ? '111111' : '000000';
    await assert.rejects(idp.send(new ConfirmSignUpCommand({ ClientId: clientId, Username: email, ConfirmationCode: wrong })), fails('CodeMismatchException', 'Invalid verification code provided, please try again.'));
    server.clock.advance(24 * 3600_000 + 1000);
    await assert.rejects(
      idp.send(new ConfirmSignUpCommand({ ClientId: clientId, Username: email, ConfirmationCode: inbox[0]!.code! })),
      fails('ExpiredCodeException', 'Invalid code provided, please request a code again.'),
    );
    const resent = await idp.send(new ResendConfirmationCodeCommand({ ClientId: clientId, Username: email }));
    assert.equal(resent.CodeDeliveryDetails?.DeliveryMedium, 'EMAIL');
    await idp.send(new ConfirmSignUpCommand({ ClientId: clientId, Username: email, ConfirmationCode: await lastCode(server.endpoint, poolId) }));
    await assert.rejects(
      idp.send(new ConfirmSignUpCommand({ ClientId: clientId, Username: email, ConfirmationCode: '123456' })),
      fails('NotAuthorizedException', 'User cannot be confirmed. Current status is CONFIRMED'),
    );
    const u = await idp.send(new AdminGetUserCommand({ UserPoolId: poolId, Username: email.toLowerCase() }));
    assert.equal(u.UserStatus, 'CONFIRMED');
    assert.equal(u.Username, up.UserSub);
    assert.equal(u.UserAttributes?.find((a) => a.Name === 'email_verified')?.Value, 'true');
    const tokens = await login('dana@example.com', 'Passw0rd!');
    assert.ok(tokens.AuthenticationResult?.AccessToken);
  });

  it('forgotten and changed passwords, attributes and their verification', async () => {
    const email = 'erin@example.com';
    await idp.send(new SignUpCommand({ ClientId: clientId, Username: email, Password: 'Passw0rd!', UserAttributes: [{ Name: 'name', Value: 'Erin' }] }));
    await idp.send(new ConfirmSignUpCommand({ ClientId: clientId, Username: email, ConfirmationCode: await lastCode(server.endpoint, poolId) }));
    const fp = await idp.send(new ForgotPasswordCommand({ ClientId: clientId, Username: email }));
    assert.equal(fp.CodeDeliveryDetails?.AttributeName, 'email');
    const code = await lastCode(server.endpoint, poolId);
    await assert.rejects(idp.send(new ConfirmForgotPasswordCommand({ ClientId: clientId, Username: email, ConfirmationCode: code, Password: 'weak' })), fails('InvalidPasswordException'));
    await idp.send(new ConfirmForgotPasswordCommand({ ClientId: clientId, Username: email, ConfirmationCode: code, Password: 'N3w-Passw0rd' }));
    await assert.rejects(login(email, 'Passw0rd!'), fails('NotAuthorizedException', 'Incorrect username or password.'));
    const { AuthenticationResult } = await login(email, 'N3w-Passw0rd');
    const AccessToken = AuthenticationResult!.AccessToken!;
    await assert.rejects(idp.send(new ChangePasswordCommand({ AccessToken, PreviousPassword: 'nope', ProposedPassword: 'Other-Passw0rd' })), fails('NotAuthorizedException', 'Incorrect username or password.'));
    await idp.send(new ChangePasswordCommand({ AccessToken, PreviousPassword: 'N3w-Passw0rd', ProposedPassword: 'Other-Passw0rd' }));
    await login(email, 'Other-Passw0rd');

    const upd = await idp.send(new UpdateUserAttributesCommand({ AccessToken, UserAttributes: [{ Name: 'name', Value: 'Erin B' }, { Name: 'email', Value: 'erin.b@example.com' }] }));
    assert.equal(upd.CodeDeliveryDetailsList?.[0]?.AttributeName, 'email');
    let me = await idp.send(new GetUserCommand({ AccessToken }));
    assert.equal(me.UserAttributes?.find((a) => a.Name === 'email_verified')?.Value, 'false');
    await assert.rejects(idp.send(new VerifyUserAttributeCommand({ AccessToken, AttributeName: 'email', Code: '000000' === (await lastCode(server.endpoint, poolId)) ? '111111' : '000000' })), fails('CodeMismatchException'));
    await idp.send(new GetUserAttributeVerificationCodeCommand({ AccessToken, AttributeName: 'email' }));
    await idp.send(new VerifyUserAttributeCommand({ AccessToken, AttributeName: 'email', Code: await lastCode(server.endpoint, poolId) }));
    me = await idp.send(new GetUserCommand({ AccessToken }));
    assert.equal(me.UserAttributes?.find((a) => a.Name === 'email_verified')?.Value, 'true');
    assert.equal(me.UserAttributes?.find((a) => a.Name === 'name')?.Value, 'Erin B');
    await assert.rejects(idp.send(new UpdateUserAttributesCommand({ AccessToken, UserAttributes: [{ Name: 'nonexistent', Value: 'x' }] })), fails('InvalidParameterException'));
  });

  it('admin: create with invitation, attributes, disable and enable, delete', async () => {
    const created = await idp.send(new AdminCreateUserCommand({ UserPoolId: poolId, Username: 'fay@example.com', DesiredDeliveryMediums: ['EMAIL'], UserAttributes: [{ Name: 'name', Value: 'Fay' }] }));
    assert.equal(created.User?.UserStatus, 'FORCE_CHANGE_PASSWORD');
    const invite = (await messages(server.endpoint, poolId)).at(-1)!;
    assert.equal(invite.kind, 'AdminCreateUser');
    assert.ok(invite.temporaryPassword);
    assert.equal(invite.text, `Your username is ${created.User?.Username} and temporary password is ${invite.temporaryPassword}. `);
    await assert.rejects(idp.send(new AdminCreateUserCommand({ UserPoolId: poolId, Username: 'fay@example.com', UserAttributes: [{ Name: 'name', Value: 'Fay' }] })), fails('UsernameExistsException', 'User account already exists'));
    const challenge = await login('fay@example.com', invite.temporaryPassword!);
    assert.equal(challenge.ChallengeName, 'NEW_PASSWORD_REQUIRED');
    await assert.rejects(idp.send(new AdminUpdateUserAttributesCommand({ UserPoolId: poolId, Username: 'fay@example.com', UserAttributes: [{ Name: 'custom:missing', Value: 'x' }] })), fails('InvalidParameterException'));
    await idp.send(new AdminUpdateUserAttributesCommand({ UserPoolId: poolId, Username: 'fay@example.com', UserAttributes: [{ Name: 'given_name', Value: 'F' }] }));
    await idp.send(new AdminDeleteUserAttributesCommand({ UserPoolId: poolId, Username: 'fay@example.com', UserAttributeNames: ['given_name'] }));
    await assert.rejects(idp.send(new AdminDeleteUserAttributesCommand({ UserPoolId: poolId, Username: 'fay@example.com', UserAttributeNames: ['name'] })), fails('InvalidParameterException'));
    await idp.send(new AdminDisableUserCommand({ UserPoolId: poolId, Username: 'fay@example.com' }));
    await assert.rejects(login('fay@example.com', invite.temporaryPassword!), fails('NotAuthorizedException', 'User is disabled.'));
    await idp.send(new AdminEnableUserCommand({ UserPoolId: poolId, Username: 'fay@example.com' }));
    assert.equal((await login('fay@example.com', invite.temporaryPassword!)).ChallengeName, 'NEW_PASSWORD_REQUIRED');
    server.clock.advance(8 * 86_400_000);
    await assert.rejects(login('fay@example.com', invite.temporaryPassword!), fails('NotAuthorizedException', 'Temporary password has expired and must be reset by an administrator.'));
    await idp.send(new AdminDeleteUserCommand({ UserPoolId: poolId, Username: 'fay@example.com' }));
    await assert.rejects(idp.send(new AdminGetUserCommand({ UserPoolId: poolId, Username: 'fay@example.com' })), fails('UserNotFoundException', 'User does not exist.'));
  });

  it('ListUsers with the filter language, pages and AttributesToGet', async () => {
    const { UserPool } = await idp.send(new CreateUserPoolCommand({ PoolName: 'listing' }));
    const UserPoolId = UserPool!.Id!;
    for (const [name, email] of [['gil', 'gil@a.com'], ['gina', 'gina@b.com'], ['hal', 'hal@a.com']]) {
      await idp.send(new AdminCreateUserCommand({ UserPoolId, Username: name!, MessageAction: 'SUPPRESS', UserAttributes: [{ Name: 'email', Value: email! }] }));
    }
    const all = await idp.send(new ListUsersCommand({ UserPoolId }));
    assert.deepEqual(all.Users?.map((u) => u.Username), ['gil', 'gina', 'hal']);
    const prefix = await idp.send(new ListUsersCommand({ UserPoolId, Filter: 'username ^= "gi"' }));
    assert.deepEqual(prefix.Users?.map((u) => u.Username), ['gil', 'gina']);
    const exact = await idp.send(new ListUsersCommand({ UserPoolId, Filter: 'email = "hal@a.com"', AttributesToGet: ['email'] }));
    assert.deepEqual(exact.Users?.map((u) => [u.Username, u.Attributes]), [['hal', [{ Name: 'email', Value: 'hal@a.com' }]]]);
    const status = await idp.send(new ListUsersCommand({ UserPoolId, Filter: 'cognito:user_status = "FORCE_CHANGE_PASSWORD"' }));
    assert.equal(status.Users?.length, 3);
    const page = await idp.send(new ListUsersCommand({ UserPoolId, Limit: 2 }));
    assert.equal(page.Users?.length, 2);
    const rest = await idp.send(new ListUsersCommand({ UserPoolId, Limit: 2, PaginationToken: page.PaginationToken }));
    assert.deepEqual(rest.Users?.map((u) => u.Username), ['hal']);
    assert.equal(rest.PaginationToken, undefined);
    await assert.rejects(idp.send(new ListUsersCommand({ UserPoolId, Filter: 'email == oops' })), fails('InvalidParameterException', 'Error while parsing filter.'));
  });

  it('password reset follows AccountRecoverySetting; admin_only refuses; AdminResetUserPassword forces a reset', async () => {
    const { UserPool } = await idp.send(
      new CreateUserPoolCommand({ PoolName: 'recovery', AccountRecoverySetting: { RecoveryMechanisms: [{ Name: 'verified_email', Priority: 1 }, { Name: 'verified_phone_number', Priority: 2 }] } }),
    );
    const UserPoolId = UserPool!.Id!;
    const { UserPoolClient } = await idp.send(new CreateUserPoolClientCommand({ UserPoolId, ClientName: 'c', ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH'] }));
    const ClientId = UserPoolClient!.ClientId!;
    const attrs = [{ Name: 'email', Value: 'quinn@example.com' }, { Name: 'email_verified', Value: 'true' }, { Name: 'phone_number', Value: '+15555550199' }, { Name: 'phone_number_verified', Value: 'true' }];
    await idp.send(new AdminCreateUserCommand({ UserPoolId, Username: 'quinn', MessageAction: 'SUPPRESS', UserAttributes: attrs }));
    await idp.send(new AdminSetUserPasswordCommand({ UserPoolId, Username: 'quinn', Password: 'Passw0rd!', Permanent: true }));
    const fp = await idp.send(new ForgotPasswordCommand({ ClientId, Username: 'quinn' }));
    assert.equal(fp.CodeDeliveryDetails?.DeliveryMedium, 'EMAIL');
    await idp.send(new AdminResetUserPasswordCommand({ UserPoolId, Username: 'quinn' }));
    await assert.rejects(
      idp.send(new InitiateAuthCommand({ ClientId, AuthFlow: 'USER_PASSWORD_AUTH', AuthParameters: { USERNAME: 'quinn', PASSWORD: 'Passw0rd!' } })),
      fails('PasswordResetRequiredException', 'Password reset required for the user'),
    );
    const { UserPool: adminOnly } = await idp.send(new CreateUserPoolCommand({ PoolName: 'admin-only', AccountRecoverySetting: { RecoveryMechanisms: [{ Name: 'admin_only', Priority: 1 }] } }));
    const c2 = await idp.send(new CreateUserPoolClientCommand({ UserPoolId: adminOnly!.Id, ClientName: 'c' }));
    await idp.send(new AdminCreateUserCommand({ UserPoolId: adminOnly!.Id, Username: 'quinn', MessageAction: 'SUPPRESS', UserAttributes: attrs }));
    await assert.rejects(idp.send(new ForgotPasswordCommand({ ClientId: c2.UserPoolClient!.ClientId, Username: 'quinn' })), fails('NotAuthorizedException'));
  });

  it('password history, client read/write attributes, and PreventUserExistenceErrors', async () => {
    const { UserPool } = await idp.send(new CreateUserPoolCommand({ PoolName: 'history', Policies: { PasswordPolicy: { PasswordHistorySize: 2 } } }));
    const UserPoolId = UserPool!.Id!;
    await assert.rejects(
      idp.send(new CreateUserPoolClientCommand({ UserPoolId, ClientName: 'bad', WriteAttributes: ['nickname', 'custom:nope'] })),
      fails('InvalidParameterException', 'Invalid write attributes specified while creating a client'),
    );
    const { UserPoolClient } = await idp.send(
      new CreateUserPoolClientCommand({ UserPoolId, ClientName: 'c', ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_USER_SRP_AUTH'], ReadAttributes: ['email'], WriteAttributes: ['email'], PreventUserExistenceErrors: 'ENABLED' }),
    );
    const ClientId = UserPoolClient!.ClientId!;
    await assert.rejects(
      idp.send(new SignUpCommand({ ClientId, Username: 'sam', Password: 'Passw0rd!', UserAttributes: [{ Name: 'nickname', Value: 'S' }] })),
      fails('NotAuthorizedException', 'A client attempted to write unauthorized attribute'),
    );
    await idp.send(new AdminCreateUserCommand({ UserPoolId, Username: 'sam', MessageAction: 'SUPPRESS', UserAttributes: [{ Name: 'email', Value: 'sam@example.com' }, { Name: 'nickname', Value: 'S' }] }));
    await idp.send(new AdminSetUserPasswordCommand({ UserPoolId, Username: 'sam', Password: 'First-Pass-1', Permanent: true }));
    await idp.send(new AdminSetUserPasswordCommand({ UserPoolId, Username: 'sam', Password: 'Second-Pass-1', Permanent: true }));
    await assert.rejects(idp.send(new AdminSetUserPasswordCommand({ UserPoolId, Username: 'sam', Password: 'First-Pass-1', Permanent: true })), fails('PasswordHistoryPolicyViolationException'));
    const { AuthenticationResult } = await idp.send(new InitiateAuthCommand({ ClientId, AuthFlow: 'USER_PASSWORD_AUTH', AuthParameters: { USERNAME: 'sam', PASSWORD: 'Second-Pass-1' } }));
    const me = await idp.send(new GetUserCommand({ AccessToken: AuthenticationResult!.AccessToken! }));
    assert.deepEqual(me.UserAttributes?.map((a) => a.Name).sort(), ['email', 'sub']);
    await assert.rejects(idp.send(new ChangePasswordCommand({ AccessToken: AuthenticationResult!.AccessToken!, PreviousPassword: 'Second-Pass-1', ProposedPassword: 'Second-Pass-1' })), fails('PasswordHistoryPolicyViolationException'));

    await assert.rejects(
      idp.send(new InitiateAuthCommand({ ClientId, AuthFlow: 'USER_PASSWORD_AUTH', AuthParameters: { USERNAME: 'ghost', PASSWORD: 'Passw0rd!' } })),
      fails('NotAuthorizedException', 'Incorrect username or password.'),
    );
    const decoy = await idp.send(new InitiateAuthCommand({ ClientId, AuthFlow: 'USER_SRP_AUTH', AuthParameters: { USERNAME: 'ghost', SRP_A: 'abc123' } }));
    assert.equal(decoy.ChallengeName, 'PASSWORD_VERIFIER');
    assert.equal(decoy.ChallengeParameters?.USER_ID_FOR_SRP, 'ghost');
    const fp = await idp.send(new ForgotPasswordCommand({ ClientId, Username: 'ghost@example.com' }));
    assert.equal(fp.CodeDeliveryDetails?.DeliveryMedium, 'EMAIL');
  });

  it('AttributesRequireVerificationBeforeUpdate keeps the verified email until the new one is verified', async () => {
    const { UserPool } = await idp.send(
      new CreateUserPoolCommand({ PoolName: 'keep', AutoVerifiedAttributes: ['email'], UserAttributeUpdateSettings: { AttributesRequireVerificationBeforeUpdate: ['email'] } }),
    );
    const UserPoolId = UserPool!.Id!;
    await assert.rejects(
      idp.send(new CreateUserPoolCommand({ PoolName: 'bad', UserAttributeUpdateSettings: { AttributesRequireVerificationBeforeUpdate: ['email'] } })),
      fails('InvalidParameterException'),
    );
    const { UserPoolClient } = await idp.send(new CreateUserPoolClientCommand({ UserPoolId, ClientName: 'c', ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH'] }));
    await idp.send(new AdminCreateUserCommand({ UserPoolId, Username: 'tess', MessageAction: 'SUPPRESS', UserAttributes: [{ Name: 'email', Value: 'old@example.com' }, { Name: 'email_verified', Value: 'true' }] }));
    await idp.send(new AdminSetUserPasswordCommand({ UserPoolId, Username: 'tess', Password: 'Passw0rd!', Permanent: true }));
    const { AuthenticationResult } = await idp.send(new InitiateAuthCommand({ ClientId: UserPoolClient!.ClientId, AuthFlow: 'USER_PASSWORD_AUTH', AuthParameters: { USERNAME: 'tess', PASSWORD: 'Passw0rd!' } }));
    const AccessToken = AuthenticationResult!.AccessToken!;
    await idp.send(new UpdateUserAttributesCommand({ AccessToken, UserAttributes: [{ Name: 'email', Value: 'new@example.com' }] }));
    const sent = (await messages(server.endpoint, UserPoolId)).at(-1)!;
    assert.equal(sent.destination, 'new@example.com');
    const email = async () => Object.fromEntries((await idp.send(new GetUserCommand({ AccessToken }))).UserAttributes!.map((a) => [a.Name, a.Value]));
    assert.deepEqual([(await email()).email, (await email()).email_verified], ['old@example.com', 'true']);
    await idp.send(new VerifyUserAttributeCommand({ AccessToken, AttributeName: 'email', Code: sent.code! }));
    assert.deepEqual([(await email()).email, (await email()).email_verified], ['new@example.com', 'true']);
  });
});
