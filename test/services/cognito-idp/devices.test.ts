import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  AdminCreateUserCommand,
  AdminGetDeviceCommand,
  AdminSetUserPasswordCommand,
  ConfirmDeviceCommand,
  CreateUserPoolClientCommand,
  CreateUserPoolCommand,
  ForgetDeviceCommand,
  InitiateAuthCommand,
  ListDevicesCommand,
  RespondToAuthChallengeCommand,
  type CognitoIdentityProviderClient,
} from '@aws-sdk/client-cognito-identity-provider';
import type { TestServer } from '../../helpers/server.js';
import { cognitoServer, decode } from './helpers.js';
import { deviceSecret, SrpClient } from './srp-client.js';

const PASSWORD = 'Passw0rd!';

describe('Cognito devices', () => {
  let server: TestServer;
  let idp: CognitoIdentityProviderClient;
  let poolId: string;
  let clientId: string;
  before(async () => {
    ({ server, idp } = await cognitoServer());
    const { UserPool } = await idp.send(new CreateUserPoolCommand({ PoolName: 'devices', DeviceConfiguration: { ChallengeRequiredOnNewDevice: true, DeviceOnlyRememberedOnUserPrompt: false } }));
    poolId = UserPool!.Id!;
    const { UserPoolClient } = await idp.send(new CreateUserPoolClientCommand({ UserPoolId: poolId, ClientName: 'app' }));
    clientId = UserPoolClient!.ClientId!;
    await idp.send(new AdminCreateUserCommand({ UserPoolId: poolId, Username: 'pat', MessageAction: 'SUPPRESS' }));
    await idp.send(new AdminSetUserPasswordCommand({ UserPoolId: poolId, Username: 'pat', Password: PASSWORD, Permanent: true }));
  });
  after(async () => {
    idp.destroy();
    await server.stop();
  });

  async function signIn(deviceKey?: string) {
    const srp = new SrpClient(poolId);
    const start = await idp.send(new InitiateAuthCommand({ ClientId: clientId, AuthFlow: 'USER_SRP_AUTH', AuthParameters: { USERNAME: 'pat', SRP_A: srp.srpA, ...(deviceKey ? { DEVICE_KEY: deviceKey } : {}) } }));
    return idp.send(
      new RespondToAuthChallengeCommand({ ClientId: clientId, ChallengeName: 'PASSWORD_VERIFIER', ChallengeResponses: { ...srp.respond(start.ChallengeParameters!, PASSWORD), ...(deviceKey ? { DEVICE_KEY: deviceKey } : {}) } }),
    );
  }

  it('new device metadata, ConfirmDevice, then DEVICE_SRP_AUTH with the device secret; list and forget', async () => {
    const first = await signIn();
    const meta = first.AuthenticationResult!.NewDeviceMetadata!;
    assert.match(meta.DeviceKey!, /^us-east-1_[0-9a-f-]{36}$/);
    assert.ok(meta.DeviceGroupKey);
    const secret = deviceSecret(meta.DeviceGroupKey!, meta.DeviceKey!);
    const AccessToken = first.AuthenticationResult!.AccessToken!;
    const confirmed = await idp.send(new ConfirmDeviceCommand({ AccessToken, DeviceKey: meta.DeviceKey, DeviceName: 'laptop', DeviceSecretVerifierConfig: { Salt: secret.Salt, PasswordVerifier: secret.PasswordVerifier } }));
    assert.equal(confirmed.UserConfirmationNecessary, false);

    const deviceChallenge = await signIn(meta.DeviceKey);
    assert.equal(deviceChallenge.ChallengeName, 'DEVICE_SRP_AUTH');
    const device = new SrpClient(poolId, meta.DeviceGroupKey!);
    const verifier = await idp.send(
      new RespondToAuthChallengeCommand({ ClientId: clientId, ChallengeName: 'DEVICE_SRP_AUTH', Session: deviceChallenge.Session, ChallengeResponses: { USERNAME: 'pat', DEVICE_KEY: meta.DeviceKey!, SRP_A: device.srpA } }),
    );
    assert.equal(verifier.ChallengeName, 'DEVICE_PASSWORD_VERIFIER');
    const params = { ...verifier.ChallengeParameters!, USER_ID_FOR_SRP: meta.DeviceKey! };
    const wrong = new SrpClient(poolId, meta.DeviceGroupKey!);
    const wrongStart = await signIn(meta.DeviceKey);
    const wrongVerifier = await idp.send(
      new RespondToAuthChallengeCommand({ ClientId: clientId, ChallengeName: 'DEVICE_SRP_AUTH', Session: wrongStart.Session, ChallengeResponses: { USERNAME: 'pat', DEVICE_KEY: meta.DeviceKey!, SRP_A: wrong.srpA } }),
    );
    await assert.rejects(
      idp.send(
        new RespondToAuthChallengeCommand({
          ClientId: clientId,
          ChallengeName: 'DEVICE_PASSWORD_VERIFIER',
          ChallengeResponses: { ...wrong.respond({ ...wrongVerifier.ChallengeParameters!, USER_ID_FOR_SRP: meta.DeviceKey! }, 'not-the-device-password'), USERNAME: 'pat', DEVICE_KEY: meta.DeviceKey! },
        }),
      ),
      (e: Error) => e.name === 'NotAuthorizedException' && e.message === 'Incorrect username or password.',
    );
    const done = await idp.send(
      new RespondToAuthChallengeCommand({ ClientId: clientId, ChallengeName: 'DEVICE_PASSWORD_VERIFIER', ChallengeResponses: { ...device.respond(params, secret.password), USERNAME: 'pat', DEVICE_KEY: meta.DeviceKey! } }),
    );
    assert.ok(done.AuthenticationResult?.AccessToken);
    assert.equal(done.AuthenticationResult?.NewDeviceMetadata, undefined);
    assert.equal(decode(done.AuthenticationResult!.AccessToken!).claims.device_key, meta.DeviceKey);

    const listed = await idp.send(new ListDevicesCommand({ AccessToken }));
    assert.deepEqual(listed.Devices?.map((d) => d.DeviceKey), [meta.DeviceKey]);
    const got = await idp.send(new AdminGetDeviceCommand({ UserPoolId: poolId, Username: 'pat', DeviceKey: meta.DeviceKey }));
    assert.ok(got.Device?.DeviceAttributes?.some((a) => a.Name === 'device_name' && a.Value === 'laptop'));
    await idp.send(new ForgetDeviceCommand({ AccessToken, DeviceKey: meta.DeviceKey }));
    assert.deepEqual((await idp.send(new ListDevicesCommand({ AccessToken }))).Devices, []);
    await assert.rejects(idp.send(new AdminGetDeviceCommand({ UserPoolId: poolId, Username: 'pat', DeviceKey: meta.DeviceKey })), (e: Error) => e.name === 'ResourceNotFoundException');
  });
});
