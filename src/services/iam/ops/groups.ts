import type { RequestContext } from '../../../core/context.js';
import {
  DeleteConflictException,
  EntityAlreadyExistsException,
  type IAMApi,
  type CreateGroupRequest,
  type GetGroupRequest,
  type ListGroupsForUserRequest,
  type ListGroupsRequest,
  type UpdateGroupRequest,
} from '../../../generated/iam.js';
import { keysetPage } from '../../../storage/paginate.js';
import { uniqueId, type IamCore } from '../core.js';
import { deleteEntity, getEntity, listEntities, lower, putEntity, type Entity } from '../store.js';
import { renameOwner } from './users.js';

type Ops = 'CreateGroup' | 'GetGroup' | 'ListGroups' | 'UpdateGroup' | 'DeleteGroup' | 'AddUserToGroup' | 'RemoveUserFromGroup' | 'ListGroupsForUser';

/** Groups and their members. */
export class GroupOps implements Pick<IAMApi, Ops> {
  constructor(private readonly core: IamCore) {}

  async CreateGroup(ctx: RequestContext, input: CreateGroupRequest) {
    const path = input.Path ?? '/';
    const group = await this.core.db.tx(async (tx) => {
      if (await getEntity(tx, ctx.accountId, 'group', input.GroupName)) throw new EntityAlreadyExistsException(`Group with name ${input.GroupName} already exists.`);
      const e: Entity = { kind: 'group', name: input.GroupName, id: uniqueId('AGPA'), arn: this.core.arn(ctx.accountId, 'group', path, input.GroupName), path, created: this.core.clock.now() };
      await putEntity(tx, ctx.accountId, e);
      return e;
    });
    return { Group: this.core.groupOut(group) };
  }

  /** The group and a page of its users, by name. */
  async GetGroup(ctx: RequestContext, input: GetGroupRequest) {
    const db = this.core.db;
    const group = await this.core.require(db, ctx, 'group', input.GroupName);
    const page = await keysetPage<{ doc: string; lname: string }>(
      db,
      {
        select: 'e.doc AS doc, e.lname AS lname',
        from: "iam_members m JOIN iam_entities e ON e.account = m.account AND e.kind = 'user' AND e.lname = m.usr",
        where: 'm.account = ? AND m.grp = ?',
        params: [ctx.accountId, lower(group.name)],
        keys: ['e.lname'],
      },
      { ...this.core.page(ctx, 'GetGroup', input, lower(group.name)), keyOf: (r) => [r.lname] },
    );
    return { Group: this.core.groupOut(group), Users: page.items.map((r) => this.core.userOut(JSON.parse(r.doc) as Entity)), ...this.core.truncation(page.next) };
  }

  async ListGroups(ctx: RequestContext, input: ListGroupsRequest) {
    const page = await listEntities(this.core.db, ctx.accountId, 'group', { pathPrefix: input.PathPrefix, ...this.core.page(ctx, 'ListGroups', input, input.PathPrefix) });
    return { Groups: page.items.map((e) => this.core.groupOut(e)), ...this.core.truncation(page.next) };
  }

  async UpdateGroup(ctx: RequestContext, input: UpdateGroupRequest) {
    await this.core.db.tx(async (tx) => {
      const e = await this.core.require(tx, ctx, 'group', input.GroupName);
      const name = input.NewGroupName ?? e.name;
      const path = input.NewPath ?? e.path;
      if (lower(name) !== lower(e.name) && (await getEntity(tx, ctx.accountId, 'group', name))) throw new EntityAlreadyExistsException(`Group with name ${name} already exists.`);
      await deleteEntity(tx, ctx.accountId, 'group', e.name);
      await putEntity(tx, ctx.accountId, { ...e, name, path, arn: this.core.arn(ctx.accountId, 'group', path, name) });
      if (lower(name) !== lower(e.name)) await renameOwner(tx, ctx.accountId, 'group', e.name, name);
    });
  }

  async DeleteGroup(ctx: RequestContext, input: { GroupName: string }) {
    await this.core.db.tx(async (tx) => {
      const e = await this.core.require(tx, ctx, 'group', input.GroupName);
      const owner = [ctx.accountId, lower(e.name)];
      if (await tx.get('SELECT 1 FROM iam_members WHERE account = ? AND grp = ?', owner)) throw new DeleteConflictException('Cannot delete entity, must remove users from group first.');
      if (await tx.get("SELECT 1 FROM iam_inline WHERE account = ? AND kind = 'group' AND owner = ?", owner)) throw new DeleteConflictException('Cannot delete entity, must delete policies first.');
      if (await tx.get("SELECT 1 FROM iam_attached WHERE account = ? AND kind = 'group' AND owner = ?", owner)) throw new DeleteConflictException('Cannot delete entity, must detach all policies first.');
      await deleteEntity(tx, ctx.accountId, 'group', e.name);
    });
  }

  async AddUserToGroup(ctx: RequestContext, input: { GroupName: string; UserName: string }) {
    await this.core.db.tx(async (tx) => {
      const group = await this.core.require(tx, ctx, 'group', input.GroupName);
      const user = await this.core.require(tx, ctx, 'user', input.UserName);
      await tx.run('INSERT INTO iam_members (account, grp, usr) VALUES (?, ?, ?) ON CONFLICT (account, grp, usr) DO NOTHING', [ctx.accountId, lower(group.name), lower(user.name)]);
    });
  }

  async RemoveUserFromGroup(ctx: RequestContext, input: { GroupName: string; UserName: string }) {
    await this.core.db.tx(async (tx) => {
      const group = await this.core.require(tx, ctx, 'group', input.GroupName);
      const user = await this.core.require(tx, ctx, 'user', input.UserName);
      await tx.run('DELETE FROM iam_members WHERE account = ? AND grp = ? AND usr = ?', [ctx.accountId, lower(group.name), lower(user.name)]);
    });
  }

  async ListGroupsForUser(ctx: RequestContext, input: ListGroupsForUserRequest) {
    const db = this.core.db;
    const user = await this.core.require(db, ctx, 'user', input.UserName);
    const page = await keysetPage<{ doc: string; lname: string }>(
      db,
      {
        select: 'e.doc AS doc, e.lname AS lname',
        from: "iam_members m JOIN iam_entities e ON e.account = m.account AND e.kind = 'group' AND e.lname = m.grp",
        where: 'm.account = ? AND m.usr = ?',
        params: [ctx.accountId, lower(user.name)],
        keys: ['e.lname'],
      },
      { ...this.core.page(ctx, 'ListGroupsForUser', input, lower(user.name)), keyOf: (r) => [r.lname] },
    );
    return { Groups: page.items.map((r) => this.core.groupOut(JSON.parse(r.doc) as Entity)), ...this.core.truncation(page.next) };
  }
}
