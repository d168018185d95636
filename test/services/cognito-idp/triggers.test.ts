import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  AdminCreateUserCommand,
  AdminGetUserCommand,
  AdminSetUserPasswordCommand,
  ConfirmForgotPasswordCommand,
  ConfirmSignUpCommand,
  ForgotPasswordCommand,
  CreateResourceServerCommand,
  CreateUserPoolClientCommand,
  CreateUserPoolCommand,
  CreateUserPoolDomainCommand,
  InitiateAuthCommand,
  RespondToAuthChallengeCommand,
  SignUpCommand,
  type CognitoIdentityProviderClient,
} from '@aws-sdk/client-cognito-identity-provider';
import { LambdaClient } from '@aws-sdk/client-lambda';
import { clientConfig, type TestServer } from '../../helpers/server.js';
import { createFunction, SERVICES } from '../../lambda/helpers.js';
import { cognitoServer, decode, messages } from './helpers.js';

const arn = (name: string) => `arn:aws:lambda:us-east-1:000000000000:function:${name}`;

describe('Cognito Lambda triggers', () => {
  let server: TestServer;
  let idp: CognitoIdentityProviderClient;
  let lambda: LambdaClient;

  before(async () => {
    ({ server, idp } = await cognitoServer(SERVICES, { config: { services: { lambda: { idleTimeoutSeconds: 600 } } } }));
    lambda = new LambdaClient(clientConfig(server.endpoint));
    await createFunction(lambda, 'pre-signup', {
      'index.js': `exports.handler = async (event) => {
        if (event.request.userAttributes.email.endsWith('@blocked.com')) throw new Error('Domain not allowed');
        if (!['PreSignUp_SignUp', 'PreSignUp_AdminCreateUser'].includes(event.triggerSource) || event.version !== '1' || !event.callerContext.clientId) throw new Error('bad event ' + JSON.stringify(event));
        event.response.autoConfirmUser = true;
        event.response.autoVerifyEmail = true;
        return event;
      };`,
    });
    await createFunction(lambda, 'pre-token', {
      'index.js': `exports.handler = async (event) => {
        event.response = { claimsAndScopeOverrideDetails: {
          idTokenGeneration: { claimsToAddOrOverride: { plan: 'pro', email: 'hidden@example.com' }, claimsToSuppress: ['name'] },
          accessTokenGeneration: { claimsToAddOrOverride: { tenant: event.request.userAttributes['custom:tenant'] }, scopesToAdd: ['api/read'] },
          groupOverrideDetails: { groupsToOverride: ['from-trigger'] } } };
        return event;
      };`,
    });
    await createFunction(lambda, 'custom-message', {
      'index.js': `exports.handler = async (event) => {
        if (event.triggerSource === 'CustomMessage_AdminCreateUser') {
          event.response.emailSubject = 'Welcome';
          event.response.emailMessage = 'Hello ' + event.request.usernameParameter + ', use ' + event.request.codeParameter;
        }
        return event;
      };`,
    });
    await createFunction(lambda, 'migrate', {
      'index.js': `exports.handler = async (event) => {
        if (event.triggerSource === 'UserMigration_Authentication') {
          if (event.request.password !== 'Legacy-Pass-1') throw new Error('Bad password');
          event.response.userAttributes = { email: event.userName, email_verified: 'true', name: 'Legacy' };
          event.response.finalUserStatus = 'CONFIRMED';
          event.response.messageAction = 'SUPPRESS';
        } else if (event.triggerSource === 'UserMigration_ForgotPassword') {
          event.response.userAttributes = { email: event.userName, email_verified: 'true' };
          event.response.messageAction = 'SUPPRESS';
        }
        return event;
      };`,
    });
    await createFunction(lambda, 'pre-auth', {
      'index.js': `exports.handler = async (event) => {
        if (event.request.userAttributes.email === 'blocked@example.com' && event.triggerSource === 'PreAuthentication_Authentication') throw new Error('Sign-in blocked');
        return event;
      };`,
    });
    await createFunction(lambda, 'token-v1', {
      'index.js': `exports.handler = async (event) => {
        if (event.version !== '1' || event.triggerSource !== 'TokenGeneration_Authentication') throw new Error('unexpected ' + event.triggerSource);
        event.response = { claimsOverrideDetails: { claimsToAddOrOverride: { role: 'editor', aud: 'forged' }, claimsToSuppress: ['email'] } };
        return event;
      };`,
    });
    await createFunction(lambda, 'm2m-token', {
      'index.js': `exports.handler = async (event) => {
        const r = event.request;
        if (event.version !== '3' || event.triggerSource !== 'TokenGeneration_ClientCredentials' || event.userName !== 'ClientCredentials' || JSON.stringify(r.userAttributes) !== '{}' || r.groupConfiguration !== null || event.response.claimsAndScopeOverrideDetails !== null || !event.callerContext.clientId) throw new Error('bad event ' + JSON.stringify(event));
        if (r.clientMetadata && r.clientMetadata.deny) throw new Error('Machine not allowed');
        event.response = { claimsAndScopeOverrideDetails: { accessTokenGeneration: {
          claimsToAddOrOverride: { tenant: (r.clientMetadata || {}).tenant || 'none', scopes_seen: r.scopes.join(','), client_id: 'forged' },
          scopesToSuppress: ['api/write'], scopesToAdd: ['api/extra'] } } };
        return event;
      };`,
    });
    await createFunction(lambda, 'post-confirm', {
      'index.js': `exports.handler = async (event) => { throw new Error('Welcome mail failed for ' + event.request.userAttributes.email); };`,
    });
    await createFunction(lambda, 'define', {
      'index.js': `exports.handler = async (event) => {
        const s = event.request.session;
        if (s.length === 0) { event.response.challengeName = 'CUSTOM_CHALLENGE'; }
        else if (s[s.length - 1].challengeResult) { event.response.issueTokens = true; }
        else if (s.length >= 2) { event.response.failAuthentication = true; }
        else { event.response.challengeName = 'CUSTOM_CHALLENGE'; }
        return event;
      };`,
    });
    await createFunction(lambda, 'create', {
      'index.js': `exports.handler = async (event) => {
        event.response.publicChallengeParameters = { question: '6 x 7' };
        event.response.privateChallengeParameters = { answer: '42' };
        event.response.challengeMetadata = 'MATH';
        return event;
      };`,
    });
    await createFunction(lambda, 'verify', {
      'index.js': `exports.handler = async (event) => {
        event.response.answerCorrect = event.request.challengeAnswer === event.request.privateChallengeParameters.answer;
        return event;
      };`,
    });
  });
  after(async () => {
    idp.destroy();
    lambda.destroy();
    await server.stop();
  });

  it('PreSignUp confirms or refuses, PreTokenGeneration v2 shapes the tokens, CustomMessage writes the invitation', async () => {
    const { UserPool } = await idp.send(
      new CreateUserPoolCommand({
        PoolName: 'triggers',
        AutoVerifiedAttributes: ['email'],
        Schema: [{ Name: 'tenant', AttributeDataType: 'String' }],
        LambdaConfig: { PreSignUp: arn('pre-signup'), PreTokenGenerationConfig: { LambdaArn: arn('pre-token'), LambdaVersion: 'V2_0' }, CustomMessage: arn('custom-message') },
      }),
    );
    const UserPoolId = UserPool!.Id!;
    const { UserPoolClient } = await idp.send(new CreateUserPoolClientCommand({ UserPoolId, ClientName: 'app', ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_CUSTOM_AUTH'] }));
    const ClientId = UserPoolClient!.ClientId!;
    await assert.rejects(
      idp.send(new SignUpCommand({ ClientId, Username: 'x', Password: 'Passw0rd!', UserAttributes: [{ Name: 'email', Value: 'x@blocked.com' }] })),
      (e: Error) => e.name === 'UserLambdaValidationException' && e.message === 'PreSignUp failed with error Domain not allowed.',
    );
    const up = await idp.send(new SignUpCommand({ ClientId, Username: 'ivy', Password: 'Passw0rd!', UserAttributes: [{ Name: 'email', Value: 'ivy@example.com' }, { Name: 'name', Value: 'Ivy' }, { Name: 'custom:tenant', Value: 't1' }] }));
    assert.equal(up.UserConfirmed, true);
    assert.equal(up.CodeDeliveryDetails, undefined);
    const { AuthenticationResult: r } = await idp.send(new InitiateAuthCommand({ ClientId, AuthFlow: 'USER_PASSWORD_AUTH', AuthParameters: { USERNAME: 'ivy', PASSWORD: 'Passw0rd!' } }));
    const id = decode(r!.IdToken!).claims;
    const access = decode(r!.AccessToken!).claims;
    assert.equal(id.plan, 'pro');
    assert.equal(id.email, 'hidden@example.com');
    assert.equal(id.name, undefined);
    assert.equal(id.email_verified, true);
    assert.deepEqual(id['cognito:groups'], ['from-trigger']);
    assert.equal(access.tenant, 't1');
    assert.equal(access.scope, 'aws.cognito.signin.user.admin api/read');

    await idp.send(new AdminCreateUserCommand({ UserPoolId, Username: 'jay', DesiredDeliveryMediums: ['EMAIL'], UserAttributes: [{ Name: 'email', Value: 'jay@example.com' }] }));
    const invite = (await messages(server.endpoint, UserPoolId)).at(-1)!;
    assert.equal(invite.text, `Hello jay, use ${invite.temporaryPassword}`);
    assert.equal((invite as unknown as { subject: string }).subject, 'Welcome');
  });

  it('CUSTOM_AUTH through Define, Create and Verify', async () => {
    const { UserPool } = await idp.send(
      new CreateUserPoolCommand({ PoolName: 'custom', LambdaConfig: { DefineAuthChallenge: arn('define'), CreateAuthChallenge: arn('create'), VerifyAuthChallengeResponse: arn('verify') } }),
    );
    const UserPoolId = UserPool!.Id!;
    const { UserPoolClient } = await idp.send(new CreateUserPoolClientCommand({ UserPoolId, ClientName: 'app', ExplicitAuthFlows: ['ALLOW_CUSTOM_AUTH'] }));
    const ClientId = UserPoolClient!.ClientId!;
    await idp.send(new AdminCreateUserCommand({ UserPoolId, Username: 'kim', MessageAction: 'SUPPRESS' }));
    await idp.send(new AdminSetUserPasswordCommand({ UserPoolId, Username: 'kim', Password: 'Passw0rd!', Permanent: true }));
    const start = await idp.send(new InitiateAuthCommand({ ClientId, AuthFlow: 'CUSTOM_AUTH', AuthParameters: { USERNAME: 'kim' } }));
    assert.equal(start.ChallengeName, 'CUSTOM_CHALLENGE');
    assert.deepEqual(start.ChallengeParameters, { question: '6 x 7', USERNAME: 'kim' });
    const retry = await idp.send(new RespondToAuthChallengeCommand({ ClientId, ChallengeName: 'CUSTOM_CHALLENGE', Session: start.Session, ChallengeResponses: { USERNAME: 'kim', ANSWER: '41' } }));
    assert.equal(retry.ChallengeName, 'CUSTOM_CHALLENGE');
    await assert.rejects(
      idp.send(new RespondToAuthChallengeCommand({ ClientId, ChallengeName: 'CUSTOM_CHALLENGE', Session: retry.Session, ChallengeResponses: { USERNAME: 'kim', ANSWER: '40' } })),
      (e: Error) => e.name === 'NotAuthorizedException' && e.message === 'Incorrect username or password.',
    );
    const again = await idp.send(new InitiateAuthCommand({ ClientId, AuthFlow: 'CUSTOM_AUTH', AuthParameters: { USERNAME: 'kim' } }));
    const done = await idp.send(new RespondToAuthChallengeCommand({ ClientId, ChallengeName: 'CUSTOM_CHALLENGE', Session: again.Session, ChallengeResponses: { USERNAME: 'kim', ANSWER: '42' } }));
    assert.ok(done.AuthenticationResult?.IdToken);
  });

  it('UserMigration at sign-in and at ForgotPassword; PreAuthentication refusing a sign-in', async () => {
    const { UserPool } = await idp.send(
      new CreateUserPoolCommand({ PoolName: 'migration', UsernameAttributes: ['email'], AutoVerifiedAttributes: ['email'], LambdaConfig: { UserMigration: arn('migrate'), PreAuthentication: arn('pre-auth') } }),
    );
    const UserPoolId = UserPool!.Id!;
    const { UserPoolClient } = await idp.send(new CreateUserPoolClientCommand({ UserPoolId, ClientName: 'app', ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH'] }));
    const ClientId = UserPoolClient!.ClientId!;
    const login = (USERNAME: string, PASSWORD: string) => idp.send(new InitiateAuthCommand({ ClientId, AuthFlow: 'USER_PASSWORD_AUTH', AuthParameters: { USERNAME, PASSWORD } }));
    await assert.rejects(login('legacy@example.com', 'Wrong-Pass-1'), (e: Error) => e.name === 'UserLambdaValidationException' && e.message === 'UserMigration failed with error Bad password.');
    const ok = await login('legacy@example.com', 'Legacy-Pass-1');
    assert.equal(decode(ok.AuthenticationResult!.IdToken!).claims.name, 'Legacy');
    const migrated = await idp.send(new AdminGetUserCommand({ UserPoolId, Username: 'legacy@example.com' }));
    assert.equal(migrated.UserStatus, 'CONFIRMED');
    assert.ok((await login('legacy@example.com', 'Legacy-Pass-1')).AuthenticationResult);

    const fp = await idp.send(new ForgotPasswordCommand({ ClientId, Username: 'old@example.com' }));
    assert.equal(fp.CodeDeliveryDetails?.DeliveryMedium, 'EMAIL');
    assert.equal((await idp.send(new AdminGetUserCommand({ UserPoolId, Username: 'old@example.com' }))).UserStatus, 'RESET_REQUIRED');
    await assert.rejects(login('old@example.com', 'Anything-1'), (e: Error) => e.name === 'NotAuthorizedException');
    const code = (await messages(server.endpoint, UserPoolId)).at(-1)!.code!;
    await idp.send(new ConfirmForgotPasswordCommand({ ClientId, Username: 'old@example.com', ConfirmationCode: code, Password: 'Fresh-Pass-1' }));
    assert.ok((await login('old@example.com', 'Fresh-Pass-1')).AuthenticationResult?.AccessToken);

    await idp.send(new AdminCreateUserCommand({ UserPoolId, Username: 'blocked@example.com', MessageAction: 'SUPPRESS' }));
    await idp.send(new AdminSetUserPasswordCommand({ UserPoolId, Username: 'blocked@example.com', Password: 'Passw0rd!', Permanent: true }));
    await assert.rejects(login('blocked@example.com', 'Passw0rd!'), (e: Error) => e.name === 'UserLambdaValidationException' && e.message === 'PreAuthentication failed with error Sign-in blocked.');
  });

  it('PreTokenGeneration V1_0 shapes the id token only and cannot touch protected claims; PostConfirmation errors after confirming', async () => {
    const { UserPool } = await idp.send(
      new CreateUserPoolCommand({ PoolName: 'v1', AutoVerifiedAttributes: ['email'], LambdaConfig: { PreTokenGeneration: arn('token-v1'), PostConfirmation: arn('post-confirm') } }),
    );
    const UserPoolId = UserPool!.Id!;
    const { UserPoolClient } = await idp.send(new CreateUserPoolClientCommand({ UserPoolId, ClientName: 'app', ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH'] }));
    const ClientId = UserPoolClient!.ClientId!;
    await idp.send(new SignUpCommand({ ClientId, Username: 'rae', Password: 'Passw0rd!', UserAttributes: [{ Name: 'email', Value: 'rae@example.com' }] }));
    const code = (await messages(server.endpoint, UserPoolId)).at(-1)!.code!;
    await assert.rejects(
      idp.send(new ConfirmSignUpCommand({ ClientId, Username: 'rae', ConfirmationCode: code })),
      (e: Error) => e.name === 'UserLambdaValidationException' && e.message === 'PostConfirmation failed with error Welcome mail failed for rae@example.com.',
    );
    assert.equal((await idp.send(new AdminGetUserCommand({ UserPoolId, Username: 'rae' }))).UserStatus, 'CONFIRMED');
    const { AuthenticationResult: r } = await idp.send(new InitiateAuthCommand({ ClientId, AuthFlow: 'USER_PASSWORD_AUTH', AuthParameters: { USERNAME: 'rae', PASSWORD: 'Passw0rd!' } }));
    const id = decode(r!.IdToken!).claims;
    assert.equal(id.role, 'editor');
    assert.equal(id.aud, ClientId);
    assert.equal(id.email, undefined);
    assert.equal(decode(r!.AccessToken!).claims.role, undefined);
  });

  it('PreTokenGeneration V3_0 shapes client-credentials access tokens (AWS\'s M2M event, aws_client_metadata); not with V2_0', async () => {
    const m2mPool = async (name: string, version: 'V2_0' | 'V3_0', tier: 'ESSENTIALS' | 'LITE') => {
      const UserPoolId = (await idp.send(new CreateUserPoolCommand({ PoolName: name, UserPoolTier: tier, LambdaConfig: { PreTokenGenerationConfig: { LambdaArn: arn('m2m-token'), LambdaVersion: version } } }))).UserPool!.Id!;
      await idp.send(new CreateUserPoolDomainCommand({ UserPoolId, Domain: `m2m-${name}` }));
      await idp.send(new CreateResourceServerCommand({ UserPoolId, Identifier: 'api', Name: 'api', Scopes: [{ ScopeName: 'read', ScopeDescription: 'r' }, { ScopeName: 'write', ScopeDescription: 'w' }] }));
      const c = (await idp.send(new CreateUserPoolClientCommand({ UserPoolId, ClientName: 'm2m', GenerateSecret: true, AllowedOAuthFlowsUserPoolClient: true, AllowedOAuthFlows: ['client_credentials'], AllowedOAuthScopes: ['api/read', 'api/write'] }))).UserPoolClient!;
      return async (body: Record<string, string> = {}) => {
        const res = await fetch(`${server.endpoint}/_aws/cognito/m2m-${name}/oauth2/token`, {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: `Basic ${Buffer.from(`${c.ClientId}:${c.ClientSecret}`).toString('base64')}` },
          body: new URLSearchParams({ grant_type: 'client_credentials', ...body }).toString(),
        });
        return { status: res.status, json: (await res.json()) as Record<string, string>, clientId: c.ClientId! };
      };
    };
    const v3 = await m2mPool('v3', 'V3_0', 'ESSENTIALS');
    const shaped = await v3({ aws_client_metadata: JSON.stringify({ tenant: 'acme' }) });
    assert.equal(shaped.status, 200, JSON.stringify(shaped.json));
    const claims = decode(shaped.json.access_token!).claims;
    assert.equal(claims.tenant, 'acme');
    assert.equal(claims.scopes_seen, 'api/read,api/write');
    assert.equal(claims.scope, 'api/read api/extra');
    assert.equal(claims.client_id, shaped.clientId);
    assert.equal((decode((await v3()).json.access_token!).claims).tenant, 'none');
    assert.deepEqual((await v3({ aws_client_metadata: JSON.stringify({ deny: 'yes' }) })).status, 400);
    assert.deepEqual((await v3({ aws_client_metadata: 'not json' })).json, { error: 'invalid_request' });
    // A V2_0 trigger is not asked for machine tokens; a Lite pool cannot have a V3_0 one at all.
    const plain = await (await m2mPool('v2', 'V2_0', 'ESSENTIALS'))();
    assert.equal(plain.status, 200, JSON.stringify(plain.json));
    assert.equal(decode(plain.json.access_token!).claims.tenant, undefined);
    assert.equal(decode(plain.json.access_token!).claims.scope, 'api/read api/write');
    await assert.rejects(m2mPool('lite', 'V3_0', 'LITE'), { message: 'PreTokenGeneration V3_0 is not available in the LITE tier.' });
  });
});
