import type { RequestContext } from '../../../core/context.js';
import {
  DeleteConflictException,
  EntityAlreadyExistsException,
  LimitExceededException,
  type IAMApi,
  type CreateInstanceProfileRequest,
  type ListInstanceProfilesForRoleRequest,
  type ListInstanceProfilesRequest,
} from '../../../generated/iam.js';
import { keysetPage } from '../../../storage/paginate.js';
import { checkTagList, noSuchEntity, uniqueId, type IamCore, type PageRequest } from '../core.js';
import { deleteEntity, getEntity, listEntities, lower, putEntity, type Entity, type Tag } from '../store.js';

type Ops =
  | 'CreateInstanceProfile' | 'GetInstanceProfile' | 'ListInstanceProfiles' | 'DeleteInstanceProfile' | 'AddRoleToInstanceProfile'
  | 'RemoveRoleFromInstanceProfile' | 'ListInstanceProfilesForRole' | 'TagInstanceProfile' | 'UntagInstanceProfile' | 'ListInstanceProfileTags';

/** Instance profiles: a container for one role. */
export class InstanceProfileOps implements Pick<IAMApi, Ops> {
  constructor(private readonly core: IamCore) {}

  async CreateInstanceProfile(ctx: RequestContext, input: CreateInstanceProfileRequest) {
    const tags = checkTagList(input.Tags);
    const path = input.Path ?? '/';
    const name = input.InstanceProfileName;
    const e = await this.core.db.tx(async (tx) => {
      if (await getEntity(tx, ctx.accountId, 'instance-profile', name)) throw new EntityAlreadyExistsException(`Instance Profile ${name} already exists.`);
      const profile: Entity = {
        kind: 'instance-profile', name, id: uniqueId('AIPA'), arn: this.core.arn(ctx.accountId, 'instance-profile', path, name), path,
        created: this.core.clock.now(), ...(tags.length ? { tags } : {}),
      };
      await putEntity(tx, ctx.accountId, profile);
      return profile;
    });
    return { InstanceProfile: await this.core.instanceProfileOut(this.core.db, ctx, e) };
  }

  async GetInstanceProfile(ctx: RequestContext, input: { InstanceProfileName: string }) {
    const e = await this.core.require(this.core.db, ctx, 'instance-profile', input.InstanceProfileName);
    return { InstanceProfile: await this.core.instanceProfileOut(this.core.db, ctx, e) };
  }

  async ListInstanceProfiles(ctx: RequestContext, input: ListInstanceProfilesRequest) {
    const page = await listEntities(this.core.db, ctx.accountId, 'instance-profile', { pathPrefix: input.PathPrefix, ...this.core.page(ctx, 'ListInstanceProfiles', input, input.PathPrefix) });
    const out = [];
    for (const e of page.items) out.push(await this.core.instanceProfileOut(this.core.db, ctx, e));
    return { InstanceProfiles: out, ...this.core.truncation(page.next) };
  }

  async DeleteInstanceProfile(ctx: RequestContext, input: { InstanceProfileName: string }) {
    await this.core.db.tx(async (tx) => {
      const e = await this.core.require(tx, ctx, 'instance-profile', input.InstanceProfileName);
      if (await tx.get('SELECT 1 FROM iam_profile_roles WHERE account = ? AND profile = ?', [ctx.accountId, lower(e.name)])) {
        throw new DeleteConflictException('Cannot delete entity, must remove roles from instance profile first.');
      }
      await deleteEntity(tx, ctx.accountId, 'instance-profile', e.name);
    });
  }

  async AddRoleToInstanceProfile(ctx: RequestContext, input: { InstanceProfileName: string; RoleName: string }) {
    await this.core.db.tx(async (tx) => {
      const profile = await this.core.require(tx, ctx, 'instance-profile', input.InstanceProfileName);
      const role = await this.core.require(tx, ctx, 'role', input.RoleName);
      if (await tx.get('SELECT 1 FROM iam_profile_roles WHERE account = ? AND profile = ?', [ctx.accountId, lower(profile.name)])) {
        throw new LimitExceededException('Cannot exceed quota for InstanceSessionsPerInstanceProfile: 1');
      }
      await tx.run('INSERT INTO iam_profile_roles (account, profile, role) VALUES (?, ?, ?)', [ctx.accountId, lower(profile.name), lower(role.name)]);
    });
  }

  async RemoveRoleFromInstanceProfile(ctx: RequestContext, input: { InstanceProfileName: string; RoleName: string }) {
    await this.core.db.tx(async (tx) => {
      const profile = await this.core.require(tx, ctx, 'instance-profile', input.InstanceProfileName);
      const role = await this.core.require(tx, ctx, 'role', input.RoleName);
      const { changes } = await tx.run('DELETE FROM iam_profile_roles WHERE account = ? AND profile = ? AND role = ?', [ctx.accountId, lower(profile.name), lower(role.name)]);
      if (changes === 0) throw noSuchEntity(`The role with name ${role.name} cannot be found.`);
    });
  }

  async ListInstanceProfilesForRole(ctx: RequestContext, input: ListInstanceProfilesForRoleRequest) {
    const db = this.core.db;
    const role = await this.core.require(db, ctx, 'role', input.RoleName);
    const page = await keysetPage<{ doc: string; lname: string }>(
      db,
      {
        select: 'e.doc AS doc, e.lname AS lname',
        from: "iam_profile_roles p JOIN iam_entities e ON e.account = p.account AND e.kind = 'instance-profile' AND e.lname = p.profile",
        where: 'p.account = ? AND p.role = ?',
        params: [ctx.accountId, lower(role.name)],
        keys: ['e.lname'],
      },
      { ...this.core.page(ctx, 'ListInstanceProfilesForRole', input, lower(role.name)), keyOf: (r) => [r.lname] },
    );
    const out = [];
    for (const r of page.items) out.push(await this.core.instanceProfileOut(db, ctx, JSON.parse(r.doc) as Entity));
    return { InstanceProfiles: out, ...this.core.truncation(page.next) };
  }

  async TagInstanceProfile(ctx: RequestContext, input: { InstanceProfileName: string; Tags: Tag[] }) {
    await this.update(ctx, input.InstanceProfileName, (e) => ({ ...e, tags: checkTagList(input.Tags, e.tags) }));
  }

  async UntagInstanceProfile(ctx: RequestContext, input: { InstanceProfileName: string; TagKeys: string[] }) {
    await this.update(ctx, input.InstanceProfileName, (e) => ({ ...e, tags: (e.tags ?? []).filter((t) => !input.TagKeys.includes(t.Key)) }));
  }

  async ListInstanceProfileTags(ctx: RequestContext, input: PageRequest & { InstanceProfileName: string }) {
    const e = await this.core.require(this.core.db, ctx, 'instance-profile', input.InstanceProfileName);
    return { Tags: e.tags ?? [], IsTruncated: false };
  }

  private async update(ctx: RequestContext, name: string, change: (e: Entity) => Entity): Promise<void> {
    await this.core.db.tx(async (tx) => {
      await putEntity(tx, ctx.accountId, change(await this.core.require(tx, ctx, 'instance-profile', name)));
    });
  }
}
