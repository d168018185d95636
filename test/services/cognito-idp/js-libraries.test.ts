import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { AdminCreateUserCommand, AdminSetUserPasswordCommand, CognitoIdentityProviderClient, CreateUserPoolClientCommand, CreateUserPoolCommand } from '@aws-sdk/client-cognito-identity-provider';
import { AuthenticationDetails, CognitoUser, CognitoUserPool, type CognitoUserSession } from 'amazon-cognito-identity-js';
import { CognitoJwtVerifier } from 'aws-jwt-verify';
import type { TestServer } from '../../helpers/server.js';
import { cognitoServer } from './helpers.js';

/** Signs in with amazon-cognito-identity-js (SRP), pointed at Stratus by the pool's `endpoint`. */
function signIn(pool: CognitoUserPool, username: string, password: string): Promise<CognitoUserSession> {
  const user = new CognitoUser({ Username: username, Pool: pool });
  return new Promise((resolve, reject) => {
    user.authenticateUser(new AuthenticationDetails({ Username: username, Password: password }), { onSuccess: resolve, onFailure: reject });
  });
}

describe('Cognito with the JavaScript user libraries', () => {
  let server: TestServer;
  let idp: CognitoIdentityProviderClient;
  let UserPoolId: string;
  let ClientId: string;
  let pool: CognitoUserPool;
  before(async () => {
    ({ server, idp } = await cognitoServer());
    UserPoolId = (await idp.send(new CreateUserPoolCommand({ PoolName: 'libs' }))).UserPool!.Id!;
    ClientId = (await idp.send(new CreateUserPoolClientCommand({ UserPoolId, ClientName: 'web', ExplicitAuthFlows: ['ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'] }))).UserPoolClient!.ClientId!;
    await idp.send(new AdminCreateUserCommand({ UserPoolId, Username: 'lena', MessageAction: 'SUPPRESS' }));
    await idp.send(new AdminSetUserPasswordCommand({ UserPoolId, Username: 'lena', Password: 'Passw0rd!', Permanent: true }));
    pool = new CognitoUserPool({ UserPoolId, ClientId, endpoint: `${server.endpoint}/` });
  });
  after(async () => {
    idp.destroy();
    await server.stop();
  });

  it('amazon-cognito-identity-js: SRP sign-in succeeds, a wrong password is refused', async () => {
    const session = await signIn(pool, 'lena', 'Passw0rd!');
    assert.equal(session.isValid(), true);
    assert.equal(session.getIdToken().payload['cognito:username'], 'lena');
    assert.equal(session.getAccessToken().payload.client_id, ClientId);
    await assert.rejects(signIn(pool, 'lena', 'wrong-Passw0rd!'), (e: { code?: string; name?: string; message: string }) => {
      assert.equal(e.code ?? e.name, 'NotAuthorizedException');
      assert.equal(e.message, 'Incorrect username or password.');
      return true;
    });
  });

  it('aws-jwt-verify: the access and id tokens verify with the JWKS fetched from Stratus; a tampered token fails', async () => {
    const session = await signIn(pool, 'lena', 'Passw0rd!');
    const jwks = await (await fetch(`${server.endpoint}/${UserPoolId}/.well-known/jwks.json`)).json();
    const access = CognitoJwtVerifier.create({ userPoolId: UserPoolId, tokenUse: 'access', clientId: ClientId });
    access.cacheJwks(jwks);
    const id = CognitoJwtVerifier.create({ userPoolId: UserPoolId, tokenUse: 'id', clientId: ClientId });
    id.cacheJwks(jwks);
    const a = await access.verify(session.getAccessToken().getJwtToken());
    assert.equal(a.username, 'lena');
    assert.equal(a.token_use, 'access');
    const i = await id.verify(session.getIdToken().getJwtToken());
    assert.equal(i['cognito:username'], 'lena');
    assert.equal(i.aud, ClientId);
    // Access token given to the id verifier: wrong token_use.
    await assert.rejects(id.verify(session.getAccessToken().getJwtToken()));
    const [h, c, s] = session.getAccessToken().getJwtToken().split('.');
    const claims = JSON.parse(Buffer.from(c!, 'base64url').toString());
    const tampered = `${h}.${Buffer.from(JSON.stringify({ ...claims, username: 'mallory' })).toString('base64url')}.${s}`;
    await assert.rejects(access.verify(tampered), /signature/i);
  });
});
