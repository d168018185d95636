import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { CreateUserPoolClientCommand, CreateUserPoolCommand, type CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import type { TestServer } from '../../helpers/server.js';
import { cognitoServer } from './helpers.js';

/** Browsers and amazon-cognito-identity-js call SignUp and InitiateAuth unsigned: `--auth strict` lets those through, and only those. */
describe('Cognito under --auth strict', () => {
  let server: TestServer;
  let idp: CognitoIdentityProviderClient;
  before(async () => ({ server, idp } = await cognitoServer([], { config: { auth: 'strict' } })));
  after(async () => {
    idp.destroy();
    await server.stop();
  });

  const call = (target: string, body: unknown) =>
    fetch(server.endpoint, { method: 'POST', headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': `AWSCognitoIdentityProviderService.${target}` }, body: JSON.stringify(body) });

  it('serves unsigned operations the model marks unauthenticated, and refuses unsigned admin calls', async () => {
    const { UserPool } = await idp.send(new CreateUserPoolCommand({ PoolName: 'strict' }));
    const { UserPoolClient } = await idp.send(new CreateUserPoolClientCommand({ UserPoolId: UserPool!.Id, ClientName: 'web' }));
    const signUp = await call('SignUp', { ClientId: UserPoolClient!.ClientId, Username: 'lee', Password: 'Passw0rd!' });
    assert.equal(signUp.status, 200);
    assert.equal(((await signUp.json()) as { UserConfirmed: boolean }).UserConfirmed, false);
    const admin = await call('CreateUserPool', { PoolName: 'unsigned' });
    assert.equal(admin.status, 400);
    assert.equal(((await admin.json()) as { __type: string }).__type, 'MissingAuthenticationTokenException');
  });
});
