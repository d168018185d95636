import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import {
  AdminCreateUserCommand,
  AdminSetUserPasswordCommand,
  CognitoIdentityProviderClient,
  CreateUserPoolClientCommand,
  CreateUserPoolCommand,
  GetUserCommand,
  InitiateAuthCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { boto3 } from '../../helpers/clients.js';
import { clientConfig, spawnServer } from '../../helpers/server.js';
import { cognitoServer, verifyWithJwks } from './helpers.js';

describe('Cognito with boto3, and across a kill -9', () => {
  it('boto3: sign-up, admin confirm, USER_PASSWORD_AUTH, GetUser and a refused password', async () => {
    const { server, idp } = await cognitoServer();
    try {
      const out = await boto3(
        [
          'import boto3, json, os',
          "c = boto3.client('cognito-idp', endpoint_url=os.environ['ENDPOINT'])",
          "p = c.create_user_pool(PoolName='py')['UserPool']['Id']",
          "cid = c.create_user_pool_client(UserPoolId=p, ClientName='py', ExplicitAuthFlows=['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'])['UserPoolClient']['ClientId']",
          "s = c.sign_up(ClientId=cid, Username='py', Password='Passw0rd!')",
          "c.admin_confirm_sign_up(UserPoolId=p, Username='py')",
          "r = c.initiate_auth(ClientId=cid, AuthFlow='USER_PASSWORD_AUTH', AuthParameters={'USERNAME': 'py', 'PASSWORD': 'Passw0rd!'})['AuthenticationResult']",
          "u = c.get_user(AccessToken=r['AccessToken'])",
          'try:',
          "    c.initiate_auth(ClientId=cid, AuthFlow='USER_PASSWORD_AUTH', AuthParameters={'USERNAME': 'py', 'PASSWORD': 'nope'})",
          '    err = None',
          'except c.exceptions.NotAuthorizedException as e:',
          "    err = e.response['Error']['Message']",
          "print(json.dumps({'confirmed': s['UserConfirmed'], 'user': u['Username'], 'err': err, 'type': r['TokenType']}))",
        ].join('\n'),
        server.endpoint,
      );
      assert.deepEqual(JSON.parse(out), { confirmed: false, user: 'py', err: 'Incorrect username or password.', type: 'Bearer' });
    } finally {
      idp.destroy();
      await server.stop();
    }
  });

  it('pools, users, keys and refresh tokens survive kill -9; tokens issued before still verify', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'stratus-cognito-'));
    try {
      const first = await spawnServer(['--data-dir', dataDir]);
      const idp = new CognitoIdentityProviderClient(clientConfig(first.endpoint));
      const { UserPool } = await idp.send(new CreateUserPoolCommand({ PoolName: 'durable' }));
      const UserPoolId = UserPool!.Id!;
      const { UserPoolClient } = await idp.send(new CreateUserPoolClientCommand({ UserPoolId, ClientName: 'c', ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'] }));
      const ClientId = UserPoolClient!.ClientId!;
      await idp.send(new AdminCreateUserCommand({ UserPoolId, Username: 'nia', MessageAction: 'SUPPRESS' }));
      await idp.send(new AdminSetUserPasswordCommand({ UserPoolId, Username: 'nia', Password: 'Passw0rd!', Permanent: true }));
      const { AuthenticationResult: r } = await idp.send(new InitiateAuthCommand({ ClientId, AuthFlow: 'USER_PASSWORD_AUTH', AuthParameters: { USERNAME: 'nia', PASSWORD: 'Passw0rd!' } }));
      idp.destroy();
      await first.kill('SIGKILL');

      const second = await spawnServer(['--data-dir', dataDir]);
      const again = new CognitoIdentityProviderClient(clientConfig(second.endpoint));
      try {
        const jwks = (await (await fetch(`${second.endpoint}/${UserPoolId}/.well-known/jwks.json`)).json()) as { keys: Record<string, string>[] };
        assert.ok(verifyWithJwks(r!.AccessToken!, jwks));
        assert.equal((await again.send(new GetUserCommand({ AccessToken: r!.AccessToken! }))).Username, 'nia');
        const refreshed = await again.send(new InitiateAuthCommand({ ClientId, AuthFlow: 'REFRESH_TOKEN_AUTH', AuthParameters: { REFRESH_TOKEN: r!.RefreshToken! } }));
        assert.ok(refreshed.AuthenticationResult?.IdToken);
        await assert.rejects(
          again.send(new InitiateAuthCommand({ ClientId, AuthFlow: 'USER_PASSWORD_AUTH', AuthParameters: { USERNAME: 'nia', PASSWORD: 'Wrong-Pass-1' } })),
          (e: Error) => e.message === 'Incorrect username or password.',
        );
      } finally {
        again.destroy();
        await second.stop();
      }
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
