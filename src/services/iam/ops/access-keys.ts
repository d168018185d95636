import { randomBytes } from 'node:crypto';
import type { RequestContext, ResolvedCredential } from '../../../core/context.js';
import {
  LimitExceededException,
  type IAMApi,
  type CreateAccessKeyRequest,
  type DeleteAccessKeyRequest,
  type ListAccessKeysRequest,
  type UpdateAccessKeyRequest,
} from '../../../generated/iam.js';
import type { Queryable } from '../../../storage/db.js';
import { keysetPage } from '../../../storage/paginate.js';
import { noSuchEntity, randomBase32, type IamCore } from '../core.js';
import { getAccessKey, getEntity, lower, type AccessKeyRow } from '../store.js';

type Ops = 'CreateAccessKey' | 'ListAccessKeys' | 'UpdateAccessKey' | 'DeleteAccessKey' | 'GetAccessKeyLastUsed';

/** The most access keys a user (or the root) may have. */
const KEYS_PER_USER = 2;

/**
 * Long-term access keys (AKIA...): made for a user, or for the account root when the root calls
 * without UserName. Stratus accepts them as soon as they exist (resolveAccessKey), for the user's
 * account, and in `--auth strict` verifies signatures with their secret.
 */
export class AccessKeyOps implements Pick<IAMApi, Ops> {
  constructor(private readonly core: IamCore) {}

  async CreateAccessKey(ctx: RequestContext, input: CreateAccessKeyRequest) {
    const keyId = `AKIA${randomBase32(16)}`;
    const secret = randomBytes(30).toString('base64');
    const created = this.core.clock.now();
    const userName = await this.core.db.tx(async (tx) => {
      const usr = await this.owner(tx, ctx, input.UserName);
      const { n } = (await tx.get<{ n: number }>('SELECT COUNT(*) AS n FROM iam_access_keys WHERE account = ? AND usr = ?', [ctx.accountId, usr.key]))!;
      if (Number(n) >= KEYS_PER_USER) throw new LimitExceededException(`Cannot exceed quota for AccessKeysPerUser: ${KEYS_PER_USER}`);
      await tx.run('INSERT INTO iam_access_keys (key_id, account, usr, secret, status, created) VALUES (?, ?, ?, ?, ?, ?)', [keyId, ctx.accountId, usr.key, secret, 'Active', created]);
      return usr.name;
    });
    return { AccessKey: { UserName: userName as string, AccessKeyId: keyId, Status: 'Active' as const, SecretAccessKey: secret, CreateDate: new Date(created) } };
  }

  async ListAccessKeys(ctx: RequestContext, input: ListAccessKeysRequest) {
    const usr = await this.owner(this.core.db, ctx, input.UserName);
    const page = await keysetPage<AccessKeyRow>(
      this.core.db,
      { select: '*', from: 'iam_access_keys', where: 'account = ? AND usr = ?', params: [ctx.accountId, usr.key], keys: ['key_id'] },
      { ...this.core.page(ctx, 'ListAccessKeys', input, usr.key), keyOf: (r) => [r.key_id] },
    );
    return {
      AccessKeyMetadata: page.items.map((r) => ({ UserName: usr.name, AccessKeyId: r.key_id, Status: r.status as 'Active' | 'Inactive', CreateDate: new Date(Number(r.created)) })),
      ...this.core.truncation(page.next),
    };
  }

  async UpdateAccessKey(ctx: RequestContext, input: UpdateAccessKeyRequest) {
    await this.core.db.tx(async (tx) => {
      const usr = await this.owner(tx, ctx, input.UserName);
      const { changes } = await tx.run('UPDATE iam_access_keys SET status = ? WHERE key_id = ? AND account = ? AND usr = ?', [input.Status, input.AccessKeyId, ctx.accountId, usr.key]);
      if (changes === 0) throw noSuchEntity(`The Access Key with id ${input.AccessKeyId} cannot be found`);
    });
  }

  async DeleteAccessKey(ctx: RequestContext, input: DeleteAccessKeyRequest) {
    await this.core.db.tx(async (tx) => {
      const usr = await this.owner(tx, ctx, input.UserName);
      const { changes } = await tx.run('DELETE FROM iam_access_keys WHERE key_id = ? AND account = ? AND usr = ?', [input.AccessKeyId, ctx.accountId, usr.key]);
      if (changes === 0) throw noSuchEntity(`The Access Key with id ${input.AccessKeyId} cannot be found`);
    });
  }

  async GetAccessKeyLastUsed(ctx: RequestContext, input: { AccessKeyId: string }) {
    const row = await getAccessKey(this.core.db, input.AccessKeyId);
    if (!row || row.account !== ctx.accountId) throw noSuchEntity(`The Access Key with id ${input.AccessKeyId} cannot be found`);
    const user = row.usr === '' ? undefined : await getEntity(this.core.db, row.account, 'user', row.usr);
    return {
      ...(user ? { UserName: user.name } : {}),
      AccessKeyLastUsed:
        row.last_used === null
          ? { ServiceName: 'N/A', Region: 'N/A' }
          : { LastUsedDate: new Date(Number(row.last_used)), ServiceName: row.last_service ?? 'N/A', Region: row.last_region ?? 'N/A' },
    };
  }

  /** The user a key operation is about: the named one, else the caller (a user, or the root: key ''). */
  private async owner(q: Queryable, ctx: RequestContext, userName: string | undefined): Promise<{ key: string; name: string | undefined }> {
    if (userName !== undefined) {
      const e = await this.core.require(q, ctx, 'user', userName);
      return { key: lower(e.name), name: e.name };
    }
    const p = ctx.principal;
    if (p?.type === 'user') {
      const name = p.arn.slice(p.arn.lastIndexOf('/') + 1);
      return { key: lower(name), name };
    }
    return { key: '', name: undefined };
  }
}

/** What an IAM access key stands for: its user (or the root) in its account; undefined for keys IAM did not issue. */
export async function resolveAccessKey(core: IamCore, accessKeyId: string): Promise<ResolvedCredential | undefined> {
  if (!accessKeyId.startsWith('AKIA')) return undefined;
  const row = await getAccessKey(core.db, accessKeyId);
  if (!row) return undefined;
  const active = row.status === 'Active';
  if (row.usr === '') {
    return { secretAccessKey: row.secret, active, principal: { type: 'root', accountId: row.account, arn: `arn:aws:iam::${row.account}:root`, userId: row.account } };
  }
  const user = await getEntity(core.db, row.account, 'user', row.usr);
  if (!user) return undefined;
  return { secretAccessKey: row.secret, active, principal: { type: 'user', accountId: row.account, arn: user.arn, userId: user.id } };
}

/** How often one key's last use is written: AWS's record is also approximate. */
const LAST_USED_EVERY_MS = 60_000;

/**
 * Records when and where an access key was last used (GetAccessKeyLastUsed): at most once a minute
 * per key, after the request's lookup, without the request waiting for the write.
 */
export class KeyUseRecorder {
  private readonly written = new Map<string, number>();

  constructor(private readonly core: IamCore) {}

  record(accessKeyId: string, use: { service: string; region: string }): void {
    const now = this.core.clock.now();
    const last = this.written.get(accessKeyId);
    if (last !== undefined && now - last < LAST_USED_EVERY_MS) return;
    if (this.written.size >= 10_000) this.written.clear();
    this.written.set(accessKeyId, now);
    this.core.db
      .tx((tx) => tx.run('UPDATE iam_access_keys SET last_used = ?, last_service = ?, last_region = ? WHERE key_id = ?', [now, use.service, use.region, accessKeyId]))
      .catch((e: unknown) => this.core.platform.log({ level: 'error', error: `recording the use of ${accessKeyId}: ${String(e)}` }));
  }
}
