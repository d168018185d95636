import type { RequestContext } from '../../../core/context.js';
import { LimitExceededException, type IAMApi } from '../../../generated/iam.js';
import type { SqlValue } from '../../../storage/db.js';
import { keysetPage } from '../../../storage/paginate.js';
import { noSuchEntity, type IamCore, type PageRequest } from '../core.js';
import { policySize, validatePolicyDocument } from '../policy-document.js';
import { listNames, lower } from '../store.js';

type Owner = 'user' | 'group' | 'role';
type Ops =
  | 'PutUserPolicy' | 'GetUserPolicy' | 'DeleteUserPolicy' | 'ListUserPolicies'
  | 'PutGroupPolicy' | 'GetGroupPolicy' | 'DeleteGroupPolicy' | 'ListGroupPolicies'
  | 'PutRolePolicy' | 'GetRolePolicy' | 'DeleteRolePolicy' | 'ListRolePolicies'
  | 'AttachUserPolicy' | 'DetachUserPolicy' | 'ListAttachedUserPolicies'
  | 'AttachGroupPolicy' | 'DetachGroupPolicy' | 'ListAttachedGroupPolicies'
  | 'AttachRolePolicy' | 'DetachRolePolicy' | 'ListAttachedRolePolicies';

/** The inline policy size quotas (whitespace not counted): users 2,048, groups 5,120, roles 10,240 characters. */
const INLINE_SIZE: Record<Owner, number> = { user: 2048, group: 5120, role: 10240 };
/** Managed policies attached to one user, group or role (IAM's default quota). */
const ATTACHED_MAX = 10;
const QUOTA_NAME: Record<Owner, string> = { user: 'PoliciesPerUser', group: 'PoliciesPerGroup', role: 'PoliciesPerRole' };
const NAME_FIELD = { user: 'UserName', group: 'GroupName', role: 'RoleName' } as const;

/** Inline policies of users, groups and roles, and the managed policies attached to them. */
export class InlinePolicyOps implements Pick<IAMApi, Ops> {
  constructor(private readonly core: IamCore) {}

  private async put(ctx: RequestContext, kind: Owner, owner: string, name: string, doc: string): Promise<void> {
    validatePolicyDocument(doc, 'identity');
    await this.core.db.tx(async (tx) => {
      const e = await this.core.require(tx, ctx, kind, owner);
      if (policySize(doc) > INLINE_SIZE[kind]) throw new LimitExceededException(`Maximum policy size of ${INLINE_SIZE[kind]} bytes exceeded for ${kind} ${e.name}`);
      await tx.run(
        'INSERT INTO iam_inline (account, kind, owner, name, doc) VALUES (?, ?, ?, ?, ?) ON CONFLICT (account, kind, owner, name) DO UPDATE SET doc = excluded.doc',
        [ctx.accountId, kind, lower(e.name), name, doc],
      );
    });
  }

  private async get(ctx: RequestContext, kind: Owner, owner: string, name: string) {
    const e = await this.core.require(this.core.db, ctx, kind, owner);
    const row = await this.core.db.get<{ doc: string }>('SELECT doc FROM iam_inline WHERE account = ? AND kind = ? AND owner = ? AND name = ?', [ctx.accountId, kind, lower(e.name), name]);
    if (!row) throw noSuchEntity(`The ${kind} policy with name ${name} cannot be found.`);
    return { [NAME_FIELD[kind]]: e.name, PolicyName: name, PolicyDocument: encodeURIComponent(row.doc) };
  }

  private async remove(ctx: RequestContext, kind: Owner, owner: string, name: string): Promise<void> {
    await this.core.db.tx(async (tx) => {
      const e = await this.core.require(tx, ctx, kind, owner);
      const { changes } = await tx.run('DELETE FROM iam_inline WHERE account = ? AND kind = ? AND owner = ? AND name = ?', [ctx.accountId, kind, lower(e.name), name]);
      if (changes === 0) throw noSuchEntity(`The ${kind} policy with name ${name} cannot be found.`);
    });
  }

  private async names(ctx: RequestContext, kind: Owner, owner: string, input: PageRequest) {
    const e = await this.core.require(this.core.db, ctx, kind, owner);
    const page = await listNames(
      this.core.db,
      { from: 'iam_inline', where: 'account = ? AND kind = ? AND owner = ?', params: [ctx.accountId, kind, lower(e.name)], column: 'name' },
      this.core.page(ctx, `List${kind}Policies`, input, lower(e.name)),
    );
    return { PolicyNames: page.items, ...this.core.truncation(page.next) };
  }

  private async attach(ctx: RequestContext, kind: Owner, owner: string, arn: string): Promise<void> {
    await this.core.db.tx(async (tx) => {
      const e = await this.core.require(tx, ctx, kind, owner);
      await this.core.attachablePolicy(tx, ctx, arn);
      const key = [ctx.accountId, kind, lower(e.name)];
      if (await tx.get('SELECT 1 FROM iam_attached WHERE account = ? AND kind = ? AND owner = ? AND policy_arn = ?', [...key, arn])) return;
      const { n } = (await tx.get<{ n: number }>('SELECT COUNT(*) AS n FROM iam_attached WHERE account = ? AND kind = ? AND owner = ?', key))!;
      if (Number(n) >= ATTACHED_MAX) throw new LimitExceededException(`Cannot exceed quota for ${QUOTA_NAME[kind]}: ${ATTACHED_MAX}`);
      await tx.run('INSERT INTO iam_attached (account, kind, owner, policy_arn) VALUES (?, ?, ?, ?)', [...key, arn]);
    });
  }

  private async detach(ctx: RequestContext, kind: Owner, owner: string, arn: string): Promise<void> {
    await this.core.db.tx(async (tx) => {
      const e = await this.core.require(tx, ctx, kind, owner);
      const { changes } = await tx.run('DELETE FROM iam_attached WHERE account = ? AND kind = ? AND owner = ? AND policy_arn = ?', [ctx.accountId, kind, lower(e.name), arn]);
      if (changes === 0) throw noSuchEntity(`Policy ${arn} was not found.`);
    });
  }

  private async attached(ctx: RequestContext, kind: Owner, owner: string, input: PageRequest & { PathPrefix?: string }) {
    const e = await this.core.require(this.core.db, ctx, kind, owner);
    const prefix = input.PathPrefix ?? '/';
    // The path of `arn:aws:iam::acct:policy/path/name` starts at the 'policy' segment's slash.
    const params: SqlValue[] = [ctx.accountId, kind, lower(e.name)];
    const page = await keysetPage<{ policy_arn: string }>(
      this.core.db,
      { select: 'policy_arn', from: 'iam_attached', where: 'account = ? AND kind = ? AND owner = ?', params, keys: ['policy_arn'] },
      { ...this.core.page(ctx, `ListAttached${kind}Policies`, input, lower(e.name), input.PathPrefix), keyOf: (r) => [r.policy_arn] },
    );
    const items = page.items
      .map((r) => r.policy_arn)
      .filter((arn) => arn.slice(arn.indexOf(':policy/') + ':policy'.length).startsWith(prefix))
      .map((arn) => ({ PolicyName: arn.slice(arn.lastIndexOf('/') + 1), PolicyArn: arn }));
    return { AttachedPolicies: items, ...this.core.truncation(page.next) };
  }

  PutUserPolicy = (ctx: RequestContext, i: { UserName: string; PolicyName: string; PolicyDocument: string }) => this.put(ctx, 'user', i.UserName, i.PolicyName, i.PolicyDocument);
  GetUserPolicy = (ctx: RequestContext, i: { UserName: string; PolicyName: string }) => this.get(ctx, 'user', i.UserName, i.PolicyName) as Promise<{ UserName: string; PolicyName: string; PolicyDocument: string }>;
  DeleteUserPolicy = (ctx: RequestContext, i: { UserName: string; PolicyName: string }) => this.remove(ctx, 'user', i.UserName, i.PolicyName);
  ListUserPolicies = (ctx: RequestContext, i: PageRequest & { UserName: string }) => this.names(ctx, 'user', i.UserName, i);
  PutGroupPolicy = (ctx: RequestContext, i: { GroupName: string; PolicyName: string; PolicyDocument: string }) => this.put(ctx, 'group', i.GroupName, i.PolicyName, i.PolicyDocument);
  GetGroupPolicy = (ctx: RequestContext, i: { GroupName: string; PolicyName: string }) => this.get(ctx, 'group', i.GroupName, i.PolicyName) as Promise<{ GroupName: string; PolicyName: string; PolicyDocument: string }>;
  DeleteGroupPolicy = (ctx: RequestContext, i: { GroupName: string; PolicyName: string }) => this.remove(ctx, 'group', i.GroupName, i.PolicyName);
  ListGroupPolicies = (ctx: RequestContext, i: PageRequest & { GroupName: string }) => this.names(ctx, 'group', i.GroupName, i);
  PutRolePolicy = (ctx: RequestContext, i: { RoleName: string; PolicyName: string; PolicyDocument: string }) => this.put(ctx, 'role', i.RoleName, i.PolicyName, i.PolicyDocument);
  GetRolePolicy = (ctx: RequestContext, i: { RoleName: string; PolicyName: string }) => this.get(ctx, 'role', i.RoleName, i.PolicyName) as Promise<{ RoleName: string; PolicyName: string; PolicyDocument: string }>;
  DeleteRolePolicy = (ctx: RequestContext, i: { RoleName: string; PolicyName: string }) => this.remove(ctx, 'role', i.RoleName, i.PolicyName);
  ListRolePolicies = (ctx: RequestContext, i: PageRequest & { RoleName: string }) => this.names(ctx, 'role', i.RoleName, i);
  AttachUserPolicy = (ctx: RequestContext, i: { UserName: string; PolicyArn: string }) => this.attach(ctx, 'user', i.UserName, i.PolicyArn);
  DetachUserPolicy = (ctx: RequestContext, i: { UserName: string; PolicyArn: string }) => this.detach(ctx, 'user', i.UserName, i.PolicyArn);
  ListAttachedUserPolicies = (ctx: RequestContext, i: PageRequest & { UserName: string; PathPrefix?: string }) => this.attached(ctx, 'user', i.UserName, i);
  AttachGroupPolicy = (ctx: RequestContext, i: { GroupName: string; PolicyArn: string }) => this.attach(ctx, 'group', i.GroupName, i.PolicyArn);
  DetachGroupPolicy = (ctx: RequestContext, i: { GroupName: string; PolicyArn: string }) => this.detach(ctx, 'group', i.GroupName, i.PolicyArn);
  ListAttachedGroupPolicies = (ctx: RequestContext, i: PageRequest & { GroupName: string; PathPrefix?: string }) => this.attached(ctx, 'group', i.GroupName, i);
  AttachRolePolicy = (ctx: RequestContext, i: { RoleName: string; PolicyArn: string }) => this.attach(ctx, 'role', i.RoleName, i.PolicyArn);
  DetachRolePolicy = (ctx: RequestContext, i: { RoleName: string; PolicyArn: string }) => this.detach(ctx, 'role', i.RoleName, i.PolicyArn);
  ListAttachedRolePolicies = (ctx: RequestContext, i: PageRequest & { RoleName: string; PathPrefix?: string }) => this.attached(ctx, 'role', i.RoleName, i);
}
