import type { RequestContext } from '../../../core/context.js';
import {
  DeleteConflictException,
  EntityAlreadyExistsException,
  InvalidInputException,
  type IAMApi,
  type CreateLoginProfileRequest,
  type CreateUserRequest,
  type DeleteUserRequest,
  type GetUserRequest,
  type ListUserTagsRequest,
  type ListUsersRequest,
  type PutUserPermissionsBoundaryRequest,
  type TagUserRequest,
  type UntagUserRequest,
  type UpdateLoginProfileRequest,
  type UpdateUserRequest,
  type User,
} from '../../../generated/iam.js';
import type { Queryable } from '../../../storage/db.js';
import { checkTagList, noSuchEntity, uniqueId, type IamCore } from '../core.js';
import { deleteEntity, getEntity, listEntities, lower, putEntity, type Entity } from '../store.js';

type Ops =
  | 'CreateUser' | 'GetUser' | 'ListUsers' | 'UpdateUser' | 'DeleteUser' | 'TagUser' | 'UntagUser' | 'ListUserTags'
  | 'PutUserPermissionsBoundary' | 'DeleteUserPermissionsBoundary'
  | 'CreateLoginProfile' | 'GetLoginProfile' | 'UpdateLoginProfile' | 'DeleteLoginProfile';

/** Users, their tags, permissions boundaries and console passwords (login profiles). */
export class UserOps implements Pick<IAMApi, Ops> {
  constructor(private readonly core: IamCore) {}

  async CreateUser(ctx: RequestContext, input: CreateUserRequest) {
    const tags = checkTagList(input.Tags);
    const path = input.Path ?? '/';
    const user = await this.core.db.tx(async (tx) => {
      if (await getEntity(tx, ctx.accountId, 'user', input.UserName)) throw new EntityAlreadyExistsException(`User with name ${input.UserName} already exists.`);
      if (input.PermissionsBoundary) await this.core.attachablePolicy(tx, ctx, input.PermissionsBoundary);
      const e: Entity = {
        kind: 'user',
        name: input.UserName,
        id: uniqueId('AIDA'),
        arn: this.core.arn(ctx.accountId, 'user', path, input.UserName),
        path,
        created: this.core.clock.now(),
        ...(tags.length ? { tags } : {}),
        ...(input.PermissionsBoundary ? { boundary: input.PermissionsBoundary } : {}),
      };
      await putEntity(tx, ctx.accountId, e);
      return e;
    });
    return { User: this.core.userOut(user, true) };
  }

  async GetUser(ctx: RequestContext, input: GetUserRequest) {
    if (input.UserName === undefined) {
      const p = ctx.principal;
      if (p?.type === 'user') return { User: this.core.userOut(await this.core.require(this.core.db, ctx, 'user', p.arn.slice(p.arn.lastIndexOf('/') + 1)), true) };
      if (p && p.type !== 'root') throw new InvalidInputException('Must specify userName when calling with non-User credentials');
      // The account root: its id and ARN, no name.
      return { User: { UserId: ctx.accountId, Arn: `arn:aws:iam::${ctx.accountId}:root`, CreateDate: new Date(0) } as User };
    }
    return { User: this.core.userOut(await this.core.require(this.core.db, ctx, 'user', input.UserName), true) };
  }

  async ListUsers(ctx: RequestContext, input: ListUsersRequest) {
    const page = await listEntities(this.core.db, ctx.accountId, 'user', { pathPrefix: input.PathPrefix, ...this.core.page(ctx, 'ListUsers', input, input.PathPrefix) });
    return { Users: page.items.map((e) => this.core.userOut(e)), ...this.core.truncation(page.next) };
  }

  async UpdateUser(ctx: RequestContext, input: UpdateUserRequest) {
    await this.core.db.tx(async (tx) => {
      const e = await this.core.require(tx, ctx, 'user', input.UserName);
      const name = input.NewUserName ?? e.name;
      const path = input.NewPath ?? e.path;
      if (lower(name) !== lower(e.name) && (await getEntity(tx, ctx.accountId, 'user', name))) throw new EntityAlreadyExistsException(`User with name ${name} already exists.`);
      await deleteEntity(tx, ctx.accountId, 'user', e.name);
      await putEntity(tx, ctx.accountId, { ...e, name, path, arn: this.core.arn(ctx.accountId, 'user', path, name) });
      if (lower(name) !== lower(e.name)) await renameOwner(tx, ctx.accountId, 'user', e.name, name);
    });
  }

  async DeleteUser(ctx: RequestContext, input: DeleteUserRequest) {
    await this.core.db.tx(async (tx) => {
      const e = await this.core.require(tx, ctx, 'user', input.UserName);
      const owner = [ctx.accountId, lower(e.name)];
      const conflict = (m: string) => new DeleteConflictException(m);
      if (e.login) throw conflict('Cannot delete entity, must delete login profile first.');
      if (await tx.get('SELECT 1 FROM iam_access_keys WHERE account = ? AND usr = ?', owner)) throw conflict('Cannot delete entity, must delete access keys first.');
      if (await tx.get("SELECT 1 FROM iam_inline WHERE account = ? AND kind = 'user' AND owner = ?", owner)) throw conflict('Cannot delete entity, must delete policies first.');
      if (await tx.get("SELECT 1 FROM iam_attached WHERE account = ? AND kind = 'user' AND owner = ?", owner)) throw conflict('Cannot delete entity, must detach all policies first.');
      if (await tx.get('SELECT 1 FROM iam_members WHERE account = ? AND usr = ?', owner)) throw conflict('Cannot delete entity, must remove users from group first.');
      if (await tx.get("SELECT 1 FROM iam_entities WHERE account = ? AND kind = 'mfa' AND doc LIKE ?", [ctx.accountId, `%"user":${JSON.stringify(e.name)}%`])) {
        throw conflict('Cannot delete entity, must delete MFA device first.');
      }
      await deleteEntity(tx, ctx.accountId, 'user', e.name);
    });
  }

  async TagUser(ctx: RequestContext, input: TagUserRequest) {
    await this.update(ctx, input.UserName, (e) => ({ ...e, tags: checkTagList(input.Tags, e.tags) }));
  }

  async UntagUser(ctx: RequestContext, input: UntagUserRequest) {
    await this.update(ctx, input.UserName, (e) => ({ ...e, tags: (e.tags ?? []).filter((t) => !input.TagKeys.includes(t.Key)) }));
  }

  async ListUserTags(ctx: RequestContext, input: ListUserTagsRequest) {
    const e = await this.core.require(this.core.db, ctx, 'user', input.UserName);
    return { Tags: e.tags ?? [], IsTruncated: false };
  }

  async PutUserPermissionsBoundary(ctx: RequestContext, input: PutUserPermissionsBoundaryRequest) {
    await this.core.db.tx(async (tx) => {
      const e = await this.core.require(tx, ctx, 'user', input.UserName);
      await this.core.attachablePolicy(tx, ctx, input.PermissionsBoundary);
      await putEntity(tx, ctx.accountId, { ...e, boundary: input.PermissionsBoundary });
    });
  }

  async DeleteUserPermissionsBoundary(ctx: RequestContext, input: { UserName: string }) {
    await this.update(ctx, input.UserName, (e) => {
      if (!e.boundary) throw noSuchEntity(`The user with name ${e.name} does not have a permissions boundary.`);
      const { boundary: _, ...rest } = e;
      return rest;
    });
  }

  async CreateLoginProfile(ctx: RequestContext, input: CreateLoginProfileRequest) {
    const name = input.UserName ?? userNameOf(ctx);
    const created = this.core.clock.now();
    await this.update(ctx, name, (e) => {
      if (e.login) throw new EntityAlreadyExistsException(`Login Profile for user ${e.name} already exists.`);
      return { ...e, login: { created, resetRequired: input.PasswordResetRequired ?? false, password: input.Password ?? '' } };
    });
    return { LoginProfile: { UserName: name, CreateDate: new Date(created), PasswordResetRequired: input.PasswordResetRequired ?? false } };
  }

  async GetLoginProfile(ctx: RequestContext, input: { UserName?: string }) {
    const e = await this.core.require(this.core.db, ctx, 'user', input.UserName ?? userNameOf(ctx));
    if (!e.login) throw noSuchEntity(`Login Profile for User ${e.name} cannot be found.`);
    return { LoginProfile: { UserName: e.name, CreateDate: new Date(e.login.created), PasswordResetRequired: e.login.resetRequired } };
  }

  async UpdateLoginProfile(ctx: RequestContext, input: UpdateLoginProfileRequest) {
    await this.update(ctx, input.UserName, (e) => {
      if (!e.login) throw noSuchEntity(`Login Profile for User ${e.name} cannot be found.`);
      return { ...e, login: { ...e.login, password: input.Password ?? e.login.password, resetRequired: input.PasswordResetRequired ?? e.login.resetRequired } };
    });
  }

  async DeleteLoginProfile(ctx: RequestContext, input: { UserName?: string }) {
    await this.update(ctx, input.UserName ?? userNameOf(ctx), (e) => {
      if (!e.login) throw noSuchEntity(`Login Profile for User ${e.name} cannot be found.`);
      const { login: _, ...rest } = e;
      return rest;
    });
  }

  private async update(ctx: RequestContext, name: string, change: (e: Entity) => Entity): Promise<void> {
    await this.core.db.tx(async (tx) => {
      const e = await this.core.require(tx, ctx, 'user', name);
      await putEntity(tx, ctx.accountId, change(e));
    });
  }
}

/** The calling user's name, for operations whose UserName defaults to the caller. */
export function userNameOf(ctx: RequestContext): string {
  const p = ctx.principal;
  if (p?.type === 'user') return p.arn.slice(p.arn.lastIndexOf('/') + 1);
  throw new InvalidInputException('Must specify userName when calling with non-User credentials');
}

/** Moves what hangs off an owner (inline policies, attachments, memberships, keys, profile roles) to its new name. */
export async function renameOwner(tx: Queryable, account: string, kind: 'user' | 'group' | 'role', from: string, to: string): Promise<void> {
  const params = [lower(to), account, kind, lower(from)];
  await tx.run('UPDATE iam_inline SET owner = ? WHERE account = ? AND kind = ? AND owner = ?', params);
  await tx.run('UPDATE iam_attached SET owner = ? WHERE account = ? AND kind = ? AND owner = ?', params);
  if (kind === 'user') {
    await tx.run('UPDATE iam_members SET usr = ? WHERE account = ? AND usr = ?', [lower(to), account, lower(from)]);
    await tx.run('UPDATE iam_access_keys SET usr = ? WHERE account = ? AND usr = ?', [lower(to), account, lower(from)]);
  }
  if (kind === 'group') await tx.run('UPDATE iam_members SET grp = ? WHERE account = ? AND grp = ?', [lower(to), account, lower(from)]);
}
