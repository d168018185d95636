import type { RequestContext } from '../../../core/context.js';
import type { IAMApi, GetAccountAuthorizationDetailsRequest, ManagedPolicyDetail, PolicyDetail } from '../../../generated/iam.js';
import type { Queryable } from '../../../storage/db.js';
import type { IamCore } from '../core.js';
import { AWS_MANAGED_POLICIES } from '../managed.js';
import { lower, type Entity } from '../store.js';

/**
 * GetAccountAuthorizationDetails: every user, group, role and managed policy with their policies,
 * in one answer (documents URL-encoded); AWS managed policies only when something uses them.
 */
export class DetailsOps implements Pick<IAMApi, 'GetAccountAuthorizationDetails'> {
  constructor(private readonly core: IamCore) {}

  async GetAccountAuthorizationDetails(ctx: RequestContext, input: GetAccountAuthorizationDetailsRequest) {
    const db = this.core.db;
    const account = ctx.accountId;
    const want = (f: string) => !input.Filter?.length || input.Filter.includes(f as never);
    const all = async (kind: string) =>
      (await db.all<{ doc: string }>('SELECT doc FROM iam_entities WHERE account = ? AND kind = ? ORDER BY lname', [account, kind])).map((r) => JSON.parse(r.doc) as Entity);
    const inline = async (kind: string, e: Entity): Promise<PolicyDetail[]> =>
      (await db.all<{ name: string; doc: string }>('SELECT name, doc FROM iam_inline WHERE account = ? AND kind = ? AND owner = ? ORDER BY name', [account, kind, lower(e.name)])).map((r) => ({
        PolicyName: r.name,
        PolicyDocument: encodeURIComponent(r.doc),
      }));
    const attached = async (kind: string, e: Entity) =>
      (await db.all<{ policy_arn: string }>('SELECT policy_arn FROM iam_attached WHERE account = ? AND kind = ? AND owner = ? ORDER BY policy_arn', [account, kind, lower(e.name)])).map((r) => ({
        PolicyName: r.policy_arn.slice(r.policy_arn.lastIndexOf('/') + 1),
        PolicyArn: r.policy_arn,
      }));
    const out: Awaited<ReturnType<IAMApi['GetAccountAuthorizationDetails']>> = { IsTruncated: false };
    if (want('User')) {
      out.UserDetailList = [];
      for (const u of await all('user')) {
        const groups = await db.all<{ grp: string }>('SELECT grp FROM iam_members WHERE account = ? AND usr = ? ORDER BY grp', [account, lower(u.name)]);
        out.UserDetailList.push({
          ...this.core.userOut(u, true),
          UserPolicyList: await inline('user', u),
          GroupList: await this.names(db, account, groups.map((g) => g.grp)),
          AttachedManagedPolicies: await attached('user', u),
        });
      }
    }
    if (want('Group')) {
      out.GroupDetailList = [];
      for (const g of await all('group')) out.GroupDetailList.push({ ...this.core.groupOut(g), GroupPolicyList: await inline('group', g), AttachedManagedPolicies: await attached('group', g) });
    }
    if (want('Role')) {
      out.RoleDetailList = [];
      for (const r of await all('role')) {
        const profiles = await db.all<{ doc: string }>(
          "SELECT e.doc AS doc FROM iam_profile_roles p JOIN iam_entities e ON e.account = p.account AND e.kind = 'instance-profile' AND e.lname = p.profile WHERE p.account = ? AND p.role = ? ORDER BY e.lname",
          [account, lower(r.name)],
        );
        const InstanceProfileList = [];
        for (const p of profiles) InstanceProfileList.push(await this.core.instanceProfileOut(db, ctx, JSON.parse(p.doc) as Entity));
        out.RoleDetailList.push({ ...this.core.roleOut(r, true), InstanceProfileList, RolePolicyList: await inline('role', r), AttachedManagedPolicies: await attached('role', r) });
      }
    }
    const policies: ManagedPolicyDetail[] = [];
    if (want('LocalManagedPolicy')) {
      for (const p of await all('policy')) {
        const versions = await db.all<{ version: number; doc: string; created: number }>('SELECT version, doc, created FROM iam_policy_versions WHERE account = ? AND policy = ? ORDER BY version DESC', [account, lower(p.name)]);
        policies.push({
          ...(await this.core.policyOut(db, ctx, p)),
          PolicyVersionList: versions.map((v) => ({ Document: encodeURIComponent(v.doc), VersionId: `v${v.version}`, IsDefaultVersion: Number(v.version) === p.defaultVersion, CreateDate: new Date(Number(v.created)) })),
        });
      }
    }
    if (want('AWSManagedPolicy')) {
      for (const p of AWS_MANAGED_POLICIES) {
        const detail = await this.core.awsPolicyOut(db, ctx, p);
        if (!detail.AttachmentCount && !detail.PermissionsBoundaryUsageCount) continue;
        policies.push({ ...detail, PolicyVersionList: [{ Document: encodeURIComponent(JSON.stringify(p.document)), VersionId: p.version, IsDefaultVersion: true, CreateDate: new Date(p.updated) }] });
      }
    }
    if (want('LocalManagedPolicy') || want('AWSManagedPolicy')) out.Policies = policies;
    return out;
  }

  private async names(q: Queryable, account: string, groups: string[]): Promise<string[]> {
    const out: string[] = [];
    for (const g of groups) {
      const row = await q.get<{ doc: string }>("SELECT doc FROM iam_entities WHERE account = ? AND kind = 'group' AND lname = ?", [account, g]);
      if (row) out.push((JSON.parse(row.doc) as Entity).name);
    }
    return out;
  }
}
