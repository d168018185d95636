import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  AdminCreateUserCommand,
  AdminInitiateAuthCommand,
  AdminRespondToAuthChallengeCommand,
  CreateUserPoolClientCommand,
  CreateUserPoolCommand,
  GetUserCommand,
  type CognitoIdentityProviderClient,
} from '@aws-sdk/client-cognito-identity-provider';
import type { TestServer } from '../../helpers/server.js';
import { cognitoServer, decode, verifyWithJwks } from './helpers.js';

describe('Cognito with a local issuer', () => {
  let server: TestServer;
  let idp: CognitoIdentityProviderClient;
  before(async () => ({ server, idp } = await cognitoServer([], { config: { services: { 'cognito-idp': { issuer: 'local' } } } })));
  after(async () => {
    idp.destroy();
    await server.stop();
  });

  it('issues tokens whose iss is this server, with discovery and JWKS there', async () => {
    const { UserPool } = await idp.send(new CreateUserPoolCommand({ PoolName: 'local' }));
    const UserPoolId = UserPool!.Id!;
    const { UserPoolClient } = await idp.send(new CreateUserPoolClientCommand({ UserPoolId, ClientName: 'c', ExplicitAuthFlows: ['ALLOW_ADMIN_USER_PASSWORD_AUTH'] }));
    await idp.send(new AdminCreateUserCommand({ UserPoolId, Username: 'max', TemporaryPassword: 'Temp-Pass-1', MessageAction: 'SUPPRESS' }));
    const { ChallengeName } = await idp.send(new AdminInitiateAuthCommand({ UserPoolId, ClientId: UserPoolClient!.ClientId, AuthFlow: 'ADMIN_USER_PASSWORD_AUTH', AuthParameters: { USERNAME: 'max', PASSWORD: 'Temp-Pass-1' } }));
    assert.equal(ChallengeName, 'NEW_PASSWORD_REQUIRED');
    const discovery = (await (await fetch(`${server.endpoint}/${UserPoolId}/.well-known/openid-configuration`)).json()) as { issuer: string; jwks_uri: string };
    assert.equal(discovery.issuer, `${server.endpoint}/${UserPoolId}`);
    const jwks = (await (await fetch(discovery.jwks_uri)).json()) as { keys: Record<string, string>[] };
    assert.equal(jwks.keys[0]?.kty, 'RSA');
    await assert.rejects(
      idp.send(new AdminRespondToAuthChallengeCommand({ UserPoolId, ClientId: UserPoolClient!.ClientId, ChallengeName: 'NEW_PASSWORD_REQUIRED', Session: 'not-a-session-of-this-pool-at-all', ChallengeResponses: { USERNAME: 'max', NEW_PASSWORD: 'Final-Pass-1' } })),
      (e: Error) => e.name === 'NotAuthorizedException' && e.message === 'Invalid session for the user.',
    );
    const again = await idp.send(new AdminInitiateAuthCommand({ UserPoolId, ClientId: UserPoolClient!.ClientId, AuthFlow: 'ADMIN_USER_PASSWORD_AUTH', AuthParameters: { USERNAME: 'max', PASSWORD: 'Temp-Pass-1' } }));
    const done = await idp.send(new AdminRespondToAuthChallengeCommand({ UserPoolId, ClientId: UserPoolClient!.ClientId, ChallengeName: 'NEW_PASSWORD_REQUIRED', Session: again.Session, ChallengeResponses: { USERNAME: 'max', NEW_PASSWORD: 'Final-Pass-1' } }));
    const token = done.AuthenticationResult!.AccessToken!;
    assert.equal(decode(token).claims.iss, `${server.endpoint}/${UserPoolId}`);
    assert.ok(verifyWithJwks(token, jwks));
    assert.equal((await idp.send(new GetUserCommand({ AccessToken: token }))).Username, 'max');
  });
});
