/** Devices: ConfirmDevice, GetDevice, ListDevices, ForgetDevice, UpdateDeviceStatus and their admin forms. */
import type { RequestContext } from '../../../core/context.js';
import { decodePageToken, encodePageToken, listingOf } from '../../../storage/paginate.js';
import {
  InvalidParameterException,
  ResourceNotFoundException,
  type CognitoIdentityProviderApi as Api,
  type DeviceSecretVerifierConfigType,
} from '../../../generated/cognito-idp.js';
import type { CognitoCore, StoredPool, StoredUser } from '../core.js';
import { deviceOutput, getDevice, putDevice, type StoredDevice } from '../auth/devices.js';
import { verifyAccessToken } from '../auth/tokens.js';

type Ops =
  | 'ConfirmDevice' | 'GetDevice' | 'ListDevices' | 'ForgetDevice' | 'UpdateDeviceStatus'
  | 'AdminGetDevice' | 'AdminListDevices' | 'AdminForgetDevice' | 'AdminUpdateDeviceStatus';

export class DeviceOps implements Pick<Api, Ops> {
  constructor(private readonly core: CognitoCore) {}

  private async device(pool: StoredPool, user: StoredUser, key: string, confirmedOnly = true): Promise<StoredDevice> {
    const d = await getDevice(this.core.db, pool.Id, this.core.ukey(pool, user.Username), key);
    if (!d || (confirmedOnly && !d.confirmed)) throw new ResourceNotFoundException('Device does not exist.');
    return d;
  }

  private async save(pool: StoredPool, user: StoredUser, d: StoredDevice): Promise<void> {
    await this.core.db.tx((tx) => putDevice(tx, pool.Id, this.core.ukey(pool, user.Username), { ...d, modified: this.core.now() }));
  }

  private async admin(ctx: RequestContext, poolId: string, username: string) {
    const pool = await this.core.ownPool(ctx, poolId);
    return { pool, user: await this.core.mustFindUser(pool, username) };
  }

  async ConfirmDevice(_ctx: RequestContext, input: { AccessToken: string; DeviceKey: string; DeviceName?: string; DeviceSecretVerifierConfig?: DeviceSecretVerifierConfigType }) {
    const { pool, user } = await verifyAccessToken(this.core, input.AccessToken);
    const d = await this.device(pool, user, input.DeviceKey, false);
    const cfg = input.DeviceSecretVerifierConfig;
    if (!cfg?.PasswordVerifier || !cfg.Salt) throw new InvalidParameterException('DeviceSecretVerifierConfig is required.');
    const salt = Buffer.from(cfg.Salt, 'base64').toString('hex');
    const verifier = Buffer.from(cfg.PasswordVerifier, 'base64').toString('hex');
    const prompt = pool.DeviceConfiguration?.DeviceOnlyRememberedOnUserPrompt === true;
    await this.save(pool, user, { ...d, confirmed: true, remembered: !prompt, name: input.DeviceName, salt, verifier, lastAuthenticated: this.core.now() });
    return { UserConfirmationNecessary: prompt };
  }

  async GetDevice(_ctx: RequestContext, input: { AccessToken?: string; DeviceKey: string }) {
    const { pool, user } = await verifyAccessToken(this.core, input.AccessToken ?? '');
    return { Device: deviceOutput(await this.device(pool, user, input.DeviceKey)) };
  }

  async AdminGetDevice(ctx: RequestContext, input: { UserPoolId: string; Username: string; DeviceKey: string }) {
    const { pool, user } = await this.admin(ctx, input.UserPoolId, input.Username);
    return { Device: deviceOutput(await this.device(pool, user, input.DeviceKey)) };
  }

  private async list(ctx: RequestContext, pool: StoredPool, user: StoredUser, limit: number | undefined, token: string | undefined) {
    const ukey = this.core.ukey(pool, user.Username);
    const size = limit ?? 60;
    const listing = listingOf('ListDevices', ctx, pool.Id, ukey);
    const after = token === undefined ? undefined : decodePageToken(token, listing);
    if (token !== undefined && !after) throw new InvalidParameterException('Invalid pagination token.');
    const rows = await this.core.db.all<{ device_key: string; doc: string }>(
      `SELECT device_key, doc FROM cognito_devices WHERE pool_id = ? AND ukey = ?${after ? ' AND device_key > ?' : ''} ORDER BY device_key`,
      [pool.Id, ukey, ...(after ? [after[0]!] : [])],
    );
    const confirmed = rows.filter((r) => (JSON.parse(r.doc) as StoredDevice).confirmed);
    const page = confirmed.slice(0, size);
    return {
      Devices: page.map((r) => deviceOutput(JSON.parse(r.doc) as StoredDevice)),
      ...(confirmed.length > size ? { PaginationToken: encodePageToken(listing, [page[page.length - 1]!.device_key]) } : {}),
    };
  }

  async ListDevices(ctx: RequestContext, input: { AccessToken: string; Limit?: number; PaginationToken?: string }) {
    const { pool, user } = await verifyAccessToken(this.core, input.AccessToken);
    return this.list(ctx, pool, user, input.Limit, input.PaginationToken);
  }

  async AdminListDevices(ctx: RequestContext, input: { UserPoolId: string; Username: string; Limit?: number; PaginationToken?: string }) {
    const { pool, user } = await this.admin(ctx, input.UserPoolId, input.Username);
    return this.list(ctx, pool, user, input.Limit, input.PaginationToken);
  }

  private async forget(pool: StoredPool, user: StoredUser, key: string): Promise<void> {
    await this.device(pool, user, key);
    await this.core.db.tx((tx) => tx.run('DELETE FROM cognito_devices WHERE pool_id = ? AND ukey = ? AND device_key = ?', [pool.Id, this.core.ukey(pool, user.Username), key]));
  }

  async ForgetDevice(_ctx: RequestContext, input: { AccessToken?: string; DeviceKey: string }) {
    const { pool, user } = await verifyAccessToken(this.core, input.AccessToken ?? '');
    await this.forget(pool, user, input.DeviceKey);
  }

  async AdminForgetDevice(ctx: RequestContext, input: { UserPoolId: string; Username: string; DeviceKey: string }) {
    const { pool, user } = await this.admin(ctx, input.UserPoolId, input.Username);
    await this.forget(pool, user, input.DeviceKey);
  }

  async UpdateDeviceStatus(_ctx: RequestContext, input: { AccessToken: string; DeviceKey: string; DeviceRememberedStatus?: string }) {
    const { pool, user } = await verifyAccessToken(this.core, input.AccessToken);
    const d = await this.device(pool, user, input.DeviceKey);
    await this.save(pool, user, { ...d, remembered: input.DeviceRememberedStatus === 'remembered' });
    return {};
  }

  async AdminUpdateDeviceStatus(ctx: RequestContext, input: { UserPoolId: string; Username: string; DeviceKey: string; DeviceRememberedStatus?: string }) {
    const { pool, user } = await this.admin(ctx, input.UserPoolId, input.Username);
    const d = await this.device(pool, user, input.DeviceKey);
    await this.save(pool, user, { ...d, remembered: input.DeviceRememberedStatus === 'remembered' });
    return {};
  }
}
