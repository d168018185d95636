import { createHmac } from 'node:crypto';
import type { RequestContext } from '../../../core/context.js';
import {
  DeleteConflictException,
  EntityAlreadyExistsException,
  InvalidAuthenticationCodeException,
  LimitExceededException,
  type IAMApi,
  type CreateVirtualMFADeviceRequest,
  type EnableMFADeviceRequest,
  type ListMFADevicesRequest,
  type ListVirtualMFADevicesRequest,
  type VirtualMFADevice,
} from '../../../generated/iam.js';
import type { Queryable } from '../../../storage/db.js';
import { checkTagList, noSuchEntity, randomBase32, type IamCore } from '../core.js';
import { deleteEntity, getEntity, listEntities, putEntity, type Entity } from '../store.js';
import { userNameOf } from './users.js';

type Ops = 'CreateVirtualMFADevice' | 'EnableMFADevice' | 'DeactivateMFADevice' | 'DeleteVirtualMFADevice' | 'ListMFADevices' | 'ListVirtualMFADevices';

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** RFC 6238 TOTP (SHA-1, 6 digits, 30 s steps) of a base32 seed at a step. */
export function totp(seed: string, step: number): string {
  let bits = '';
  for (const ch of seed) bits += BASE32.indexOf(ch).toString(2).padStart(5, '0');
  const key = Buffer.from((bits.match(/.{8}/g) ?? []).map((b) => parseInt(b, 2)));
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(step));
  const mac = createHmac('sha1', key).update(counter).digest();
  const offset = mac[mac.length - 1]! & 15;
  return String((mac.readUInt32BE(offset) & 0x7fffffff) % 1_000_000).padStart(6, '0');
}

/**
 * Virtual MFA devices: made with a TOTP seed, enabled for a user with two consecutive codes (checked
 * on the platform clock, a few steps either way), recorded; sign-in with MFA is not modelled.
 */
export class MfaOps implements Pick<IAMApi, Ops> {
  constructor(private readonly core: IamCore) {}

  async CreateVirtualMFADevice(ctx: RequestContext, input: CreateVirtualMFADeviceRequest) {
    const tags = checkTagList(input.Tags);
    const path = input.Path ?? '/';
    const seed = randomBase32(64);
    const e = await this.core.db.tx(async (tx) => {
      if (await getEntity(tx, ctx.accountId, 'mfa', input.VirtualMFADeviceName)) throw new EntityAlreadyExistsException('MFADevice entity at the same path and name already exists.');
      const device: Entity = {
        kind: 'mfa', name: input.VirtualMFADeviceName, id: input.VirtualMFADeviceName, arn: this.core.arn(ctx.accountId, 'mfa', path, input.VirtualMFADeviceName), path,
        created: this.core.clock.now(), seed, ...(tags.length ? { tags } : {}),
      };
      await putEntity(tx, ctx.accountId, device);
      return device;
    });
    return { VirtualMFADevice: { SerialNumber: e.arn, Base32StringSeed: Buffer.from(seed), ...(tags.length ? { Tags: tags } : {}) } };
  }

  async EnableMFADevice(ctx: RequestContext, input: EnableMFADeviceRequest) {
    await this.core.db.tx(async (tx) => {
      const user = await this.core.require(tx, ctx, 'user', input.UserName);
      const device = await this.device(tx, ctx, input.SerialNumber);
      if (device.user) throw new LimitExceededException('MFA device is already in use.');
      const step = Math.floor(this.core.clock.now() / 30_000);
      const ok = [-2, -1, 0, 1].some((d) => totp(device.seed!, step + d) === input.AuthenticationCode1 && totp(device.seed!, step + d + 1) === input.AuthenticationCode2);
      if (!ok) throw new InvalidAuthenticationCodeException('Authentication code for device is not valid.');
      await putEntity(tx, ctx.accountId, { ...device, user: user.name, enabledAt: this.core.clock.now() });
    });
  }

  async DeactivateMFADevice(ctx: RequestContext, input: { UserName?: string; SerialNumber: string }) {
    await this.core.db.tx(async (tx) => {
      const device = await this.device(tx, ctx, input.SerialNumber);
      const name = input.UserName ?? device.user;
      if (!device.user || !name || device.user.toLowerCase() !== name.toLowerCase()) throw noSuchEntity(`MFA Device with serial number ${input.SerialNumber} does not exist.`);
      const { user: _, enabledAt: __, ...rest } = device;
      await putEntity(tx, ctx.accountId, rest);
    });
  }

  async DeleteVirtualMFADevice(ctx: RequestContext, input: { SerialNumber: string }) {
    await this.core.db.tx(async (tx) => {
      const device = await this.device(tx, ctx, input.SerialNumber);
      if (device.user) throw new DeleteConflictException('MFA device is still in use.');
      await deleteEntity(tx, ctx.accountId, 'mfa', device.name);
    });
  }

  async ListMFADevices(ctx: RequestContext, input: ListMFADevicesRequest) {
    const name = input.UserName ?? userNameOf(ctx);
    const user = await this.core.require(this.core.db, ctx, 'user', name);
    const all = await this.core.db.all<{ doc: string }>("SELECT doc FROM iam_entities WHERE account = ? AND kind = 'mfa' ORDER BY lname", [ctx.accountId]);
    const mine = all.map((r) => JSON.parse(r.doc) as Entity).filter((d) => d.user?.toLowerCase() === user.name.toLowerCase());
    return { MFADevices: mine.map((d) => ({ UserName: user.name, SerialNumber: d.arn, EnableDate: new Date(d.enabledAt!) })), IsTruncated: false };
  }

  async ListVirtualMFADevices(ctx: RequestContext, input: ListVirtualMFADevicesRequest) {
    const page = await listEntities(this.core.db, ctx.accountId, 'mfa', this.core.page(ctx, 'ListVirtualMFADevices', input, input.AssignmentStatus));
    const status = input.AssignmentStatus ?? 'Any';
    const out: VirtualMFADevice[] = [];
    for (const d of page.items) {
      if ((status === 'Assigned' && !d.user) || (status === 'Unassigned' && d.user)) continue;
      const user = d.user ? await getEntity(this.core.db, ctx.accountId, 'user', d.user) : undefined;
      out.push({ SerialNumber: d.arn, ...(user ? { User: this.core.userOut(user), EnableDate: new Date(d.enabledAt!) } : {}), ...(d.tags?.length ? { Tags: d.tags } : {}) });
    }
    return { VirtualMFADevices: out, ...this.core.truncation(page.next) };
  }

  private async device(q: Queryable, ctx: RequestContext, serial: string): Promise<Entity> {
    const name = serial.slice(serial.lastIndexOf('/') + 1);
    const e = serial.includes(':mfa/') ? await getEntity(q, ctx.accountId, 'mfa', name) : undefined;
    if (!e || e.arn !== serial) throw noSuchEntity(`VirtualMFADevice with serial number ${serial} doesn't exist.`);
    return e;
  }
}
