import type { RequestContext } from '../../../core/context.js';
import { AwsError } from '../../../aws/errors.js';
import {
  DeleteConflictException,
  EntityAlreadyExistsException,
  InvalidInputException,
  LimitExceededException,
  type IAMApi,
  type CreatePolicyRequest,
  type CreatePolicyVersionRequest,
  type ListEntitiesForPolicyRequest,
  type ListPoliciesRequest,
  type ListPolicyTagsRequest,
  type ListPolicyVersionsRequest,
  type Policy,
  type PolicyVersion,
  type TagPolicyRequest,
  type UntagPolicyRequest,
} from '../../../generated/iam.js';
import type { Queryable, SqlValue } from '../../../storage/db.js';
import { decodePageToken, encodePageToken, listingOf } from '../../../storage/paginate.js';
import { checkTagList, GLOBAL, noSuchEntity, uniqueId, type IamCore } from '../core.js';
import { AWS_MANAGED_POLICIES, awsManagedArn } from '../managed.js';
import { policySize, validatePolicyDocument } from '../policy-document.js';
import { getEntity, lower, putEntity, type Entity } from '../store.js';

type Ops =
  | 'CreatePolicy' | 'GetPolicy' | 'ListPolicies' | 'DeletePolicy' | 'CreatePolicyVersion' | 'GetPolicyVersion' | 'ListPolicyVersions'
  | 'DeletePolicyVersion' | 'SetDefaultPolicyVersion' | 'TagPolicy' | 'UntagPolicy' | 'ListPolicyTags' | 'ListEntitiesForPolicy';

/** A customer managed policy may be this long, whitespace not counted. */
const MANAGED_POLICY_SIZE = 6144;
/** Versions a managed policy keeps. */
const MAX_VERSIONS = 5;

/** Customer managed policies and their versions; AWS managed policies read by ARN. */
export class PolicyOps implements Pick<IAMApi, Ops> {
  constructor(private readonly core: IamCore) {}

  private checkDocument(doc: string): void {
    validatePolicyDocument(doc, 'identity');
    if (policySize(doc) > MANAGED_POLICY_SIZE) throw new LimitExceededException(`Cannot exceed quota for PolicySize: ${MANAGED_POLICY_SIZE}`);
  }

  /** A customer managed policy of this account by ARN; AWS managed ones cannot be changed. */
  private async customer(q: Queryable, ctx: RequestContext, arn: string, action: string): Promise<Entity> {
    const found = await this.core.findPolicy(q, ctx, arn);
    if (found?.aws) {
      const caller = ctx.principal?.arn ?? `arn:aws:iam::${ctx.accountId}:root`;
      throw new AwsError('AccessDenied', `User: ${caller} is not authorized to perform: iam:${action} on resource: policy ${arn}`, 403);
    }
    if (!found?.customer) throw noSuchEntity(`Policy ${arn} was not found.`);
    return found.customer;
  }

  async CreatePolicy(ctx: RequestContext, input: CreatePolicyRequest) {
    this.checkDocument(input.PolicyDocument);
    const tags = checkTagList(input.Tags);
    const path = input.Path ?? '/';
    const now = this.core.clock.now();
    const policy = await this.core.db.tx(async (tx) => {
      if (await getEntity(tx, ctx.accountId, 'policy', input.PolicyName)) {
        throw new EntityAlreadyExistsException(`A policy called ${input.PolicyName} already exists. Duplicate names are not allowed.`);
      }
      const e: Entity = {
        kind: 'policy', name: input.PolicyName, id: uniqueId('ANPA'), arn: this.core.arn(ctx.accountId, 'policy', path, input.PolicyName), path,
        created: now, updated: now, defaultVersion: 1, nextVersion: 2,
        ...(input.Description !== undefined ? { description: input.Description } : {}), ...(tags.length ? { tags } : {}),
      };
      await putEntity(tx, ctx.accountId, e);
      await tx.run('INSERT INTO iam_policy_versions (account, policy, version, doc, created) VALUES (?, ?, ?, ?, ?)', [ctx.accountId, lower(e.name), 1, input.PolicyDocument, now]);
      return e;
    });
    const out = await this.core.policyOut(this.core.db, ctx, policy, true);
    const { Description: _, ...rest } = out;
    return { Policy: rest };
  }

  async GetPolicy(ctx: RequestContext, input: { PolicyArn: string }) {
    const found = await this.core.findPolicy(this.core.db, ctx, input.PolicyArn);
    if (found?.aws) return { Policy: await this.core.awsPolicyOut(this.core.db, ctx, found.aws, true) };
    if (!found?.customer) throw noSuchEntity(`Policy ${input.PolicyArn} was not found.`);
    return { Policy: await this.core.policyOut(this.core.db, ctx, found.customer, true) };
  }

  /**
   * AWS managed policies (Scope All or AWS), then the account's own (All or Local), by name; one
   * Marker runs across both. OnlyAttached keeps the attached ones; PathPrefix filters on the path.
   */
  async ListPolicies(ctx: RequestContext, input: ListPoliciesRequest) {
    const db = this.core.db;
    const scope = input.Scope ?? 'All';
    const prefix = input.PathPrefix ?? '/';
    const limit = input.MaxItems ?? 100;
    const listing = listingOf('ListPolicies', { accountId: ctx.accountId, region: GLOBAL }, scope, prefix, String(input.OnlyAttached ?? false), input.PolicyUsageFilter);
    let after: SqlValue[] = [0, ''];
    if (input.Marker !== undefined) {
      const decoded = decodePageToken(input.Marker, listing);
      if (!decoded || decoded.length !== 2) throw new InvalidInputException('Invalid Marker.');
      after = decoded;
    }
    const out: { policy: Policy; key: SqlValue[] }[] = [];
    if (scope !== 'Local' && Number(after[0]) === 0) {
      for (const p of [...AWS_MANAGED_POLICIES].sort((a, b) => (a.name < b.name ? -1 : 1))) {
        if (p.name <= String(after[1]) || !p.path.startsWith(prefix)) continue;
        const policy = await this.core.awsPolicyOut(db, ctx, p);
        if (!usageMatches(policy, input)) continue;
        out.push({ policy, key: [0, p.name] });
        if (out.length > limit) break;
      }
    }
    if (scope !== 'AWS' && out.length <= limit) {
      let cursor = Number(after[0]) === 1 ? String(after[1]) : '';
      while (out.length <= limit) {
        const rows = await db.all<{ doc: string; lname: string }>(
          "SELECT doc, lname FROM iam_entities WHERE account = ? AND kind = 'policy' AND substr(path, 1, ?) = ? AND lname > ? ORDER BY lname LIMIT ?",
          [ctx.accountId, prefix.length, prefix, cursor, limit + 1],
        );
        for (const r of rows) {
          const policy = await this.core.policyOut(db, ctx, JSON.parse(r.doc) as Entity);
          if (!usageMatches(policy, input)) continue;
          out.push({ policy, key: [1, r.lname] });
          if (out.length > limit) break;
        }
        if (rows.length <= limit) break;
        cursor = rows[rows.length - 1]!.lname;
      }
    }
    const more = out.length > limit;
    const shown = out.slice(0, limit);
    return {
      Policies: shown.map((p) => p.policy),
      ...(more ? { IsTruncated: true, Marker: encodePageToken(listing, shown[shown.length - 1]!.key) } : { IsTruncated: false }),
    };
  }

  async DeletePolicy(ctx: RequestContext, input: { PolicyArn: string }) {
    await this.core.db.tx(async (tx) => {
      const e = await this.customer(tx, ctx, input.PolicyArn, 'DeletePolicy');
      if ((await this.core.attachmentCount(tx, ctx.accountId, e.arn)) > 0) throw new DeleteConflictException('Cannot delete a policy attached to entities.');
      const { n } = (await tx.get<{ n: number }>('SELECT COUNT(*) AS n FROM iam_policy_versions WHERE account = ? AND policy = ?', [ctx.accountId, lower(e.name)]))!;
      if (Number(n) > 1) {
        throw new DeleteConflictException("This policy has more than one version. Before you delete a policy, you must delete the policy's versions. The default version is deleted with the policy.");
      }
      await tx.run('DELETE FROM iam_policy_versions WHERE account = ? AND policy = ?', [ctx.accountId, lower(e.name)]);
      await tx.run("DELETE FROM iam_entities WHERE account = ? AND kind = 'policy' AND lname = ?", [ctx.accountId, lower(e.name)]);
    });
  }

  async CreatePolicyVersion(ctx: RequestContext, input: CreatePolicyVersionRequest) {
    this.checkDocument(input.PolicyDocument);
    const now = this.core.clock.now();
    const version = await this.core.db.tx(async (tx) => {
      const e = await this.customer(tx, ctx, input.PolicyArn, 'CreatePolicyVersion');
      const { n } = (await tx.get<{ n: number }>('SELECT COUNT(*) AS n FROM iam_policy_versions WHERE account = ? AND policy = ?', [ctx.accountId, lower(e.name)]))!;
      if (Number(n) >= MAX_VERSIONS) {
        throw new LimitExceededException(`A managed policy can have up to ${MAX_VERSIONS} versions. Before you create a new version, you must delete an existing version.`);
      }
      const v = e.nextVersion ?? 2;
      await tx.run('INSERT INTO iam_policy_versions (account, policy, version, doc, created) VALUES (?, ?, ?, ?, ?)', [ctx.accountId, lower(e.name), v, input.PolicyDocument, now]);
      await putEntity(tx, ctx.accountId, { ...e, nextVersion: v + 1, updated: now, ...(input.SetAsDefault ? { defaultVersion: v } : {}) });
      return v;
    });
    return { PolicyVersion: { VersionId: `v${version}`, IsDefaultVersion: input.SetAsDefault ?? false, CreateDate: new Date(now) } };
  }

  async GetPolicyVersion(ctx: RequestContext, input: { PolicyArn: string; VersionId: string }) {
    const found = await this.core.findPolicy(this.core.db, ctx, input.PolicyArn);
    const missing = () => noSuchEntity(`Policy ${input.PolicyArn} version ${input.VersionId} does not exist or is not attachable.`);
    if (found?.aws) {
      if (input.VersionId !== found.aws.version) throw missing();
      return { PolicyVersion: { Document: encodeURIComponent(JSON.stringify(found.aws.document)), VersionId: found.aws.version, IsDefaultVersion: true, CreateDate: new Date(found.aws.updated) } };
    }
    if (!found?.customer) throw noSuchEntity(`Policy ${input.PolicyArn} was not found.`);
    const v = versionNumber(input.VersionId);
    const row = v === undefined ? undefined : await this.core.db.get<{ doc: string; created: number }>(
      'SELECT doc, created FROM iam_policy_versions WHERE account = ? AND policy = ? AND version = ?', [ctx.accountId, lower(found.customer.name), v]);
    if (!row) throw missing();
    return { PolicyVersion: versionOut(v!, row, found.customer.defaultVersion === v, true) };
  }

  async ListPolicyVersions(ctx: RequestContext, input: ListPolicyVersionsRequest) {
    const found = await this.core.findPolicy(this.core.db, ctx, input.PolicyArn);
    if (found?.aws) return { Versions: [{ VersionId: found.aws.version, IsDefaultVersion: true, CreateDate: new Date(found.aws.updated) }], IsTruncated: false };
    if (!found?.customer) throw noSuchEntity(`Policy ${input.PolicyArn} was not found.`);
    const rows = await this.core.db.all<{ version: number; doc: string; created: number }>(
      'SELECT version, doc, created FROM iam_policy_versions WHERE account = ? AND policy = ? ORDER BY version DESC', [ctx.accountId, lower(found.customer.name)]);
    return { Versions: rows.map((r) => versionOut(Number(r.version), r, found.customer!.defaultVersion === Number(r.version), false)), IsTruncated: false };
  }

  async DeletePolicyVersion(ctx: RequestContext, input: { PolicyArn: string; VersionId: string }) {
    await this.core.db.tx(async (tx) => {
      const e = await this.customer(tx, ctx, input.PolicyArn, 'DeletePolicyVersion');
      const v = versionNumber(input.VersionId);
      if (v === e.defaultVersion) throw new DeleteConflictException('Cannot delete the default version of a policy.');
      const { changes } = v === undefined ? { changes: 0 } : await tx.run('DELETE FROM iam_policy_versions WHERE account = ? AND policy = ? AND version = ?', [ctx.accountId, lower(e.name), v]);
      if (changes === 0) throw noSuchEntity(`Policy ${input.PolicyArn} version ${input.VersionId} does not exist or is not attachable.`);
    });
  }

  async SetDefaultPolicyVersion(ctx: RequestContext, input: { PolicyArn: string; VersionId: string }) {
    await this.core.db.tx(async (tx) => {
      const e = await this.customer(tx, ctx, input.PolicyArn, 'SetDefaultPolicyVersion');
      const v = versionNumber(input.VersionId);
      const exists = v !== undefined && (await tx.get('SELECT 1 FROM iam_policy_versions WHERE account = ? AND policy = ? AND version = ?', [ctx.accountId, lower(e.name), v]));
      if (!exists) throw noSuchEntity(`Policy ${input.PolicyArn} version ${input.VersionId} does not exist or is not attachable.`);
      await putEntity(tx, ctx.accountId, { ...e, defaultVersion: v, updated: this.core.clock.now() });
    });
  }

  async TagPolicy(ctx: RequestContext, input: TagPolicyRequest) {
    await this.core.db.tx(async (tx) => {
      const e = await this.customer(tx, ctx, input.PolicyArn, 'TagPolicy');
      await putEntity(tx, ctx.accountId, { ...e, tags: checkTagList(input.Tags, e.tags) });
    });
  }

  async UntagPolicy(ctx: RequestContext, input: UntagPolicyRequest) {
    await this.core.db.tx(async (tx) => {
      const e = await this.customer(tx, ctx, input.PolicyArn, 'UntagPolicy');
      await putEntity(tx, ctx.accountId, { ...e, tags: (e.tags ?? []).filter((t) => !input.TagKeys.includes(t.Key)) });
    });
  }

  async ListPolicyTags(ctx: RequestContext, input: ListPolicyTagsRequest) {
    const found = await this.core.findPolicy(this.core.db, ctx, input.PolicyArn);
    if (!found) throw noSuchEntity(`Policy ${input.PolicyArn} was not found.`);
    return { Tags: found.customer?.tags ?? [], IsTruncated: false };
  }

  async ListEntitiesForPolicy(ctx: RequestContext, input: ListEntitiesForPolicyRequest) {
    const db = this.core.db;
    if (!(await this.core.findPolicy(db, ctx, input.PolicyArn))) throw noSuchEntity(`Policy ${input.PolicyArn} was not found.`);
    const rows = await db.all<{ kind: string; doc: string }>(
      'SELECT a.kind AS kind, e.doc AS doc FROM iam_attached a JOIN iam_entities e ON e.account = a.account AND e.kind = a.kind AND e.lname = a.owner ' +
        'WHERE a.account = ? AND a.policy_arn = ? ORDER BY a.kind, a.owner',
      [ctx.accountId, input.PolicyArn],
    );
    const filter = input.EntityFilter;
    const of = (kind: string) => (filter === undefined || filter === 'LocalManagedPolicy' || filter === 'AWSManagedPolicy' || filter.toLowerCase() === kind ? rows.filter((r) => r.kind === kind).map((r) => JSON.parse(r.doc) as Entity) : []);
    return {
      PolicyUsers: of('user').map((e) => ({ UserName: e.name, UserId: e.id })),
      PolicyGroups: of('group').map((e) => ({ GroupName: e.name, GroupId: e.id })),
      PolicyRoles: of('role').map((e) => ({ RoleName: e.name, RoleId: e.id })),
      IsTruncated: false,
    };
  }
}

/** OnlyAttached keeps the policies in use; PolicyUsageFilter says as what (permissions policy or boundary). */
function usageMatches(p: Policy, input: ListPoliciesRequest): boolean {
  const asPolicy = (p.AttachmentCount ?? 0) > 0;
  const asBoundary = (p.PermissionsBoundaryUsageCount ?? 0) > 0;
  if (input.PolicyUsageFilter === 'PermissionsPolicy') return asPolicy;
  if (input.PolicyUsageFilter === 'PermissionsBoundary') return asBoundary;
  return !input.OnlyAttached || asPolicy || asBoundary;
}

function versionNumber(id: string): number | undefined {
  const m = /^v([1-9]\d*)$/.exec(id);
  return m ? Number(m[1]) : undefined;
}

function versionOut(v: number, row: { doc: string; created: number }, isDefault: boolean, withDocument: boolean): PolicyVersion {
  return { ...(withDocument ? { Document: encodeURIComponent(row.doc) } : {}), VersionId: `v${v}`, IsDefaultVersion: isDefault, CreateDate: new Date(Number(row.created)) };
}

export { awsManagedArn };
