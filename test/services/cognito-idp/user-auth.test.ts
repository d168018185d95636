import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  AdminCreateUserCommand,
  AdminSetUserMFAPreferenceCommand,
  AdminSetUserPasswordCommand,
  ConfirmSignUpCommand,
  CreateUserPoolClientCommand,
  CreateUserPoolCommand,
  InitiateAuthCommand,
  RespondToAuthChallengeCommand,
  SetUserPoolMfaConfigCommand,
  SignUpCommand,
  type CognitoIdentityProviderClient,
} from '@aws-sdk/client-cognito-identity-provider';
import type { TestServer } from '../../helpers/server.js';
import { cognitoServer, messages } from './helpers.js';
import { SrpClient } from './srp-client.js';

const PASSWORD = 'Passw0rd!';

describe('Cognito USER_AUTH and email MFA', () => {
  let server: TestServer;
  let idp: CognitoIdentityProviderClient;
  let poolId: string;
  let clientId: string;
  before(async () => {
    ({ server, idp } = await cognitoServer());
    const { UserPool } = await idp.send(new CreateUserPoolCommand({ PoolName: 'choice', Policies: { SignInPolicy: { AllowedFirstAuthFactors: ['PASSWORD', 'EMAIL_OTP'] } } }));
    poolId = UserPool!.Id!;
    const { UserPoolClient } = await idp.send(new CreateUserPoolClientCommand({ UserPoolId: poolId, ClientName: 'app', ExplicitAuthFlows: ['ALLOW_USER_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'] }));
    clientId = UserPoolClient!.ClientId!;
    await idp.send(new AdminCreateUserCommand({ UserPoolId: poolId, Username: 'ola', MessageAction: 'SUPPRESS', UserAttributes: [{ Name: 'email', Value: 'ola@example.com' }, { Name: 'email_verified', Value: 'true' }] }));
    await idp.send(new AdminSetUserPasswordCommand({ UserPoolId: poolId, Username: 'ola', Password: PASSWORD, Permanent: true }));
  });
  after(async () => {
    idp.destroy();
    await server.stop();
  });

  const code = async () => (await messages(server.endpoint, poolId)).at(-1)!.code!;

  it('offers the first factors, and signs in with an emailed code, a password or SRP', async () => {
    const select = await idp.send(new InitiateAuthCommand({ ClientId: clientId, AuthFlow: 'USER_AUTH', AuthParameters: { USERNAME: 'ola' } }));
    assert.equal(select.ChallengeName, 'SELECT_CHALLENGE');
    assert.deepEqual(select.AvailableChallenges, ['PASSWORD', 'PASSWORD_SRP', 'EMAIL_OTP']);
    const otp = await idp.send(new RespondToAuthChallengeCommand({ ClientId: clientId, ChallengeName: 'SELECT_CHALLENGE', Session: select.Session, ChallengeResponses: { USERNAME: 'ola', ANSWER: 'EMAIL_OTP' } }));
    assert.equal(otp.ChallengeName, 'EMAIL_OTP');
    assert.equal(otp.ChallengeParameters?.CODE_DELIVERY_DELIVERY_MEDIUM, 'EMAIL');
    const sent = await code();
    await assert.rejects(
      idp.send(new RespondToAuthChallengeCommand({ ClientId: clientId, ChallengeName: 'EMAIL_OTP', Session: otp.Session, ChallengeResponses: { USERNAME: 'ola', EMAIL_OTP_CODE: sent === '000000' ? '111111' : '000000' } })),
      (e: Error) => e.name === 'CodeMismatchException',
    );
    const byCode = await idp.send(new RespondToAuthChallengeCommand({ ClientId: clientId, ChallengeName: 'EMAIL_OTP', Session: otp.Session, ChallengeResponses: { USERNAME: 'ola', EMAIL_OTP_CODE: sent } }));
    assert.ok(byCode.AuthenticationResult?.AccessToken);

    const byPassword = await idp.send(new InitiateAuthCommand({ ClientId: clientId, AuthFlow: 'USER_AUTH', AuthParameters: { USERNAME: 'ola', PREFERRED_CHALLENGE: 'PASSWORD', PASSWORD } }));
    assert.ok(byPassword.AuthenticationResult?.IdToken);
    await assert.rejects(
      idp.send(new InitiateAuthCommand({ ClientId: clientId, AuthFlow: 'USER_AUTH', AuthParameters: { USERNAME: 'ola', PREFERRED_CHALLENGE: 'PASSWORD', PASSWORD: 'Wrong-Pass-1' } })),
      (e: Error) => e.message === 'Incorrect username or password.',
    );

    const again = await idp.send(new InitiateAuthCommand({ ClientId: clientId, AuthFlow: 'USER_AUTH', AuthParameters: { USERNAME: 'ola' } }));
    const srp = new SrpClient(poolId);
    const verifier = await idp.send(new RespondToAuthChallengeCommand({ ClientId: clientId, ChallengeName: 'SELECT_CHALLENGE', Session: again.Session, ChallengeResponses: { USERNAME: 'ola', ANSWER: 'PASSWORD_SRP', SRP_A: srp.srpA } }));
    assert.equal(verifier.ChallengeName, 'PASSWORD_VERIFIER');
    const bySrp = await idp.send(new RespondToAuthChallengeCommand({ ClientId: clientId, ChallengeName: 'PASSWORD_VERIFIER', ChallengeResponses: srp.respond(verifier.ChallengeParameters!, PASSWORD) }));
    assert.ok(bySrp.AuthenticationResult?.AccessToken);
  });

  it('EMAIL_OTP as the second factor after a password', async () => {
    await idp.send(new SetUserPoolMfaConfigCommand({ UserPoolId: poolId, MfaConfiguration: 'OPTIONAL', EmailMfaConfiguration: { Subject: 'Your code' } }));
    await idp.send(new AdminSetUserMFAPreferenceCommand({ UserPoolId: poolId, Username: 'ola', EmailMfaSettings: { Enabled: true, PreferredMfa: true } }));
    const mfa = await idp.send(new InitiateAuthCommand({ ClientId: clientId, AuthFlow: 'USER_AUTH', AuthParameters: { USERNAME: 'ola', PREFERRED_CHALLENGE: 'PASSWORD', PASSWORD } }));
    assert.equal(mfa.ChallengeName, 'EMAIL_OTP');
    assert.equal(mfa.ChallengeParameters?.CODE_DELIVERY_DESTINATION, 'o***@e***');
    const done = await idp.send(new RespondToAuthChallengeCommand({ ClientId: clientId, ChallengeName: 'EMAIL_OTP', Session: mfa.Session, ChallengeResponses: { USERNAME: 'ola', EMAIL_OTP_CODE: await code() } }));
    assert.ok(done.AuthenticationResult?.AccessToken);
  });

  it('signs a user in straight after sign-up and confirmation with the sessions they return (autoSignIn)', async () => {
    const { UserPool } = await idp.send(new CreateUserPoolCommand({ PoolName: 'auto', AutoVerifiedAttributes: ['email'] }));
    const UserPoolId = UserPool!.Id!;
    const { UserPoolClient } = await idp.send(new CreateUserPoolClientCommand({ UserPoolId, ClientName: 'app', ExplicitAuthFlows: ['ALLOW_USER_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'] }));
    const ClientId = UserPoolClient!.ClientId!;
    const up = await idp.send(new SignUpCommand({ ClientId, Username: 'una', Password: PASSWORD, UserAttributes: [{ Name: 'email', Value: 'una@example.com' }] }));
    assert.ok(up.Session);
    await assert.rejects(idp.send(new InitiateAuthCommand({ ClientId, AuthFlow: 'USER_AUTH', Session: up.Session, AuthParameters: { USERNAME: 'una' } })), (e: Error) => e.name === 'NotAuthorizedException');
    const sent = (await messages(server.endpoint, UserPoolId)).at(-1)!.code!;
    const again = await idp.send(new SignUpCommand({ ClientId, Username: 'una2', Password: PASSWORD, UserAttributes: [{ Name: 'email', Value: 'una2@example.com' }] }));
    const confirmed = await idp.send(new ConfirmSignUpCommand({ ClientId, Username: 'una2', ConfirmationCode: (await messages(server.endpoint, UserPoolId)).at(-1)!.code!, Session: again.Session }));
    assert.ok(confirmed.Session);
    const signedIn = await idp.send(new InitiateAuthCommand({ ClientId, AuthFlow: 'USER_AUTH', Session: confirmed.Session, AuthParameters: { USERNAME: 'una2' } }));
    assert.ok(signedIn.AuthenticationResult?.AccessToken);
    await assert.rejects(idp.send(new InitiateAuthCommand({ ClientId, AuthFlow: 'USER_AUTH', Session: confirmed.Session, AuthParameters: { USERNAME: 'una2' } })), (e: Error) => e.name === 'NotAuthorizedException');
    assert.match(sent, /^\d{6}$/);
  });
});
