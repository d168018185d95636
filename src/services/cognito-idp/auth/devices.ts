/**
 * Devices a user signs in from (a pool with DeviceConfiguration): made pending when tokens are
 * issued (NewDeviceMetadata), confirmed with the device's SRP salt and verifier (ConfirmDevice), then
 * proven at sign-in with DEVICE_SRP_AUTH / DEVICE_PASSWORD_VERIFIER; a remembered device skips MFA.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import type { DeviceType, NewDeviceMetadataType } from '../../../generated/cognito-idp.js';
import type { Queryable } from '../../../storage/db.js';
import type { CognitoCore, StoredPool } from '../core.js';

export interface StoredDevice {
  DeviceKey: string;
  groupKey: string;
  name?: string;
  confirmed: boolean;
  remembered: boolean;
  /** The device's SRP salt and verifier, hex. */
  salt?: string;
  verifier?: string;
  created: number;
  modified: number;
  lastAuthenticated?: number;
}

export async function newDevice(core: CognitoCore, pool: StoredPool, ukey: string): Promise<NewDeviceMetadataType> {
  const now = core.now();
  const device: StoredDevice = { DeviceKey: `${pool.region}_${randomUUID()}`, groupKey: `-${randomBytes(6).toString('base64url')}`, confirmed: false, remembered: false, created: now, modified: now };
  await core.db.tx((tx) => putDevice(tx, pool.Id, ukey, device));
  return { DeviceKey: device.DeviceKey, DeviceGroupKey: device.groupKey };
}

export async function getDevice(q: Queryable, poolId: string, ukey: string, deviceKey: string): Promise<StoredDevice | undefined> {
  const row = await q.get<{ doc: string }>('SELECT doc FROM cognito_devices WHERE pool_id = ? AND ukey = ? AND device_key = ?', [poolId, ukey, deviceKey]);
  return row ? (JSON.parse(row.doc) as StoredDevice) : undefined;
}

export async function putDevice(q: Queryable, poolId: string, ukey: string, d: StoredDevice): Promise<void> {
  await q.run(
    'INSERT INTO cognito_devices (pool_id, ukey, device_key, doc) VALUES (?, ?, ?, ?) ON CONFLICT (pool_id, ukey, device_key) DO UPDATE SET doc = excluded.doc',
    [poolId, ukey, d.DeviceKey, JSON.stringify(d)],
  );
}

export function deviceOutput(d: StoredDevice): DeviceType {
  return {
    DeviceKey: d.DeviceKey,
    DeviceAttributes: [
      { Name: 'device_status', Value: 'valid' },
      ...(d.name ? [{ Name: 'device_name', Value: d.name }] : []),
      { Name: 'dev:device_remembered_status', Value: d.remembered ? 'remembered' : 'not_remembered' },
    ],
    DeviceCreateDate: new Date(d.created),
    DeviceLastModifiedDate: new Date(d.modified),
    ...(d.lastAuthenticated ? { DeviceLastAuthenticatedDate: new Date(d.lastAuthenticated) } : {}),
  };
}
