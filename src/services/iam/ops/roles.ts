import { randomUUID } from 'node:crypto';
import type { RequestContext } from '../../../core/context.js';
import {
  DeleteConflictException,
  EntityAlreadyExistsException,
  InvalidInputException,
  LimitExceededException,
  MalformedPolicyDocumentException,
  UnmodifiableEntityException,
  type IAMApi,
  type CreateRoleRequest,
  type CreateServiceLinkedRoleRequest,
  type ListRolesRequest,
  type ListRoleTagsRequest,
  type PutRolePermissionsBoundaryRequest,
  type TagRoleRequest,
  type UntagRoleRequest,
  type UpdateAssumeRolePolicyRequest,
  type UpdateRoleDescriptionRequest,
  type UpdateRoleRequest,
} from '../../../generated/iam.js';
import type { Queryable } from '../../../storage/db.js';
import { checkTagList, noSuchEntity, uniqueId, type IamCore } from '../core.js';
import { awsPrincipals, policySize, validatePolicyDocument } from '../policy-document.js';
import { deleteEntity, getEntity, listEntities, lower, putEntity, type Entity } from '../store.js';

type Ops =
  | 'CreateRole' | 'GetRole' | 'ListRoles' | 'UpdateRole' | 'UpdateRoleDescription' | 'UpdateAssumeRolePolicy' | 'DeleteRole'
  | 'TagRole' | 'UntagRole' | 'ListRoleTags' | 'PutRolePermissionsBoundary' | 'DeleteRolePermissionsBoundary'
  | 'CreateServiceLinkedRole' | 'DeleteServiceLinkedRole' | 'GetServiceLinkedRoleDeletionStatus';

/** A role's trust policy may be this long (IAM's default ACLSizePerRole quota), whitespace not counted. */
const TRUST_POLICY_SIZE = 2048;

/** The role names AWS gives the service-linked roles of common services. */
const SERVICE_LINKED_NAMES: Record<string, string> = {
  'autoscaling.amazonaws.com': 'AWSServiceRoleForAutoScaling',
  'elasticbeanstalk.amazonaws.com': 'AWSServiceRoleForElasticBeanstalk',
  'ecs.amazonaws.com': 'AWSServiceRoleForECS',
  'rds.amazonaws.com': 'AWSServiceRoleForRDS',
  'elasticloadbalancing.amazonaws.com': 'AWSServiceRoleForElasticLoadBalancing',
  'lambda.amazonaws.com': 'AWSServiceRoleForLambda',
  'apigateway.amazonaws.com': 'AWSServiceRoleForAPIGateway',
  'replication.dynamodb.amazonaws.com': 'AWSServiceRoleForDynamoDBReplication',
  'dax.amazonaws.com': 'AWSServiceRoleForDAX',
  'es.amazonaws.com': 'AWSServiceRoleForAmazonElasticsearchService',
  'opensearchservice.amazonaws.com': 'AWSServiceRoleForAmazonOpenSearchService',
  'spot.amazonaws.com': 'AWSServiceRoleForEC2Spot',
  'events.amazonaws.com': 'AWSServiceRoleForCloudWatchEvents',
  'logs.amazonaws.com': 'AWSServiceRoleForLogDelivery',
  'cloudtrail.amazonaws.com': 'AWSServiceRoleForCloudTrail',
  'organizations.amazonaws.com': 'AWSServiceRoleForOrganizations',
  'sso.amazonaws.com': 'AWSServiceRoleForSSO',
  'config.amazonaws.com': 'AWSServiceRoleForConfig',
};

/** Roles: trust policies, session duration, permissions boundaries, tags, and service-linked roles. */
export class RoleOps implements Pick<IAMApi, Ops> {
  constructor(private readonly core: IamCore) {}

  /** Checks a trust policy: grammar, size, and that the users and roles of this account it names exist. */
  async checkTrust(q: Queryable, ctx: RequestContext, text: string): Promise<void> {
    validatePolicyDocument(text, 'trust');
    if (policySize(text) > TRUST_POLICY_SIZE) throw new LimitExceededException(`Cannot exceed quota for ACLSizePerRole: ${TRUST_POLICY_SIZE}`);
    for (const p of awsPrincipals(text)) {
      if (p === '*' || /^\d{12}$/.test(p) || /^arn:aws:sts::\d{12}:(assumed-role|federated-user)\/./.test(p)) continue;
      const m = /^arn:aws:iam::(\d{12}):(root|user|role)(\/.*)?$/.exec(p);
      if (!m) throw new MalformedPolicyDocumentException(`Invalid principal in policy: "AWS":"${p}"`);
      if (m[1] !== ctx.accountId || m[2] === 'root') continue;
      const name = m[3]!.slice(m[3]!.lastIndexOf('/') + 1);
      const e = await getEntity(q, ctx.accountId, m[2] as 'user' | 'role', name);
      if (!e || e.arn !== p) throw new MalformedPolicyDocumentException(`Invalid principal in policy: "AWS":"${p}"`);
    }
  }

  async CreateRole(ctx: RequestContext, input: CreateRoleRequest) {
    const tags = checkTagList(input.Tags);
    const path = input.Path ?? '/';
    const role = await this.core.db.tx(async (tx) => {
      if (await getEntity(tx, ctx.accountId, 'role', input.RoleName)) throw new EntityAlreadyExistsException(`Role with name ${input.RoleName} already exists.`);
      await this.checkTrust(tx, ctx, input.AssumeRolePolicyDocument);
      if (input.PermissionsBoundary) await this.core.attachablePolicy(tx, ctx, input.PermissionsBoundary);
      const e: Entity = {
        kind: 'role',
        name: input.RoleName,
        id: uniqueId('AROA'),
        arn: this.core.arn(ctx.accountId, 'role', path, input.RoleName),
        path,
        created: this.core.clock.now(),
        trust: input.AssumeRolePolicyDocument,
        ...(input.Description !== undefined ? { description: input.Description } : {}),
        maxSession: input.MaxSessionDuration ?? 3600,
        ...(tags.length ? { tags } : {}),
        ...(input.PermissionsBoundary ? { boundary: input.PermissionsBoundary } : {}),
      };
      await putEntity(tx, ctx.accountId, e);
      return e;
    });
    const out = this.core.roleOut(role);
    return { Role: { ...out, ...(role.tags?.length ? { Tags: role.tags } : {}) } };
  }

  async GetRole(ctx: RequestContext, input: { RoleName: string }) {
    return { Role: this.core.roleOut(await this.core.require(this.core.db, ctx, 'role', input.RoleName), true) };
  }

  async ListRoles(ctx: RequestContext, input: ListRolesRequest) {
    const page = await listEntities(this.core.db, ctx.accountId, 'role', { pathPrefix: input.PathPrefix, ...this.core.page(ctx, 'ListRoles', input, input.PathPrefix) });
    return { Roles: page.items.map((e) => this.core.roleOut(e)), ...this.core.truncation(page.next) };
  }

  async UpdateRole(ctx: RequestContext, input: UpdateRoleRequest) {
    await this.update(ctx, input.RoleName, (e) => ({
      ...e,
      ...(input.Description !== undefined ? { description: input.Description } : {}),
      ...(input.MaxSessionDuration !== undefined ? { maxSession: input.MaxSessionDuration } : {}),
    }));
    return {};
  }

  async UpdateRoleDescription(ctx: RequestContext, input: UpdateRoleDescriptionRequest) {
    const e = await this.update(ctx, input.RoleName, (r) => ({ ...r, description: input.Description }));
    return { Role: this.core.roleOut(e, true) };
  }

  async UpdateAssumeRolePolicy(ctx: RequestContext, input: UpdateAssumeRolePolicyRequest) {
    await this.core.db.tx(async (tx) => {
      const e = await this.modifiable(tx, ctx, input.RoleName);
      await this.checkTrust(tx, ctx, input.PolicyDocument);
      await putEntity(tx, ctx.accountId, { ...e, trust: input.PolicyDocument });
    });
  }

  async DeleteRole(ctx: RequestContext, input: { RoleName: string }) {
    await this.core.db.tx(async (tx) => {
      const e = await this.modifiable(tx, ctx, input.RoleName);
      await deleteRoleChecked(tx, ctx.accountId, e);
    });
  }

  async TagRole(ctx: RequestContext, input: TagRoleRequest) {
    await this.update(ctx, input.RoleName, (e) => ({ ...e, tags: checkTagList(input.Tags, e.tags) }), true);
  }

  async UntagRole(ctx: RequestContext, input: UntagRoleRequest) {
    await this.update(ctx, input.RoleName, (e) => ({ ...e, tags: (e.tags ?? []).filter((t) => !input.TagKeys.includes(t.Key)) }), true);
  }

  async ListRoleTags(ctx: RequestContext, input: ListRoleTagsRequest) {
    const e = await this.core.require(this.core.db, ctx, 'role', input.RoleName);
    return { Tags: e.tags ?? [], IsTruncated: false };
  }

  async PutRolePermissionsBoundary(ctx: RequestContext, input: PutRolePermissionsBoundaryRequest) {
    await this.core.db.tx(async (tx) => {
      const e = await this.modifiable(tx, ctx, input.RoleName);
      await this.core.attachablePolicy(tx, ctx, input.PermissionsBoundary);
      await putEntity(tx, ctx.accountId, { ...e, boundary: input.PermissionsBoundary });
    });
  }

  async DeleteRolePermissionsBoundary(ctx: RequestContext, input: { RoleName: string }) {
    await this.update(ctx, input.RoleName, (e) => {
      if (!e.boundary) throw noSuchEntity(`The role with name ${e.name} does not have a permissions boundary.`);
      const { boundary: _, ...rest } = e;
      return rest;
    });
  }

  async CreateServiceLinkedRole(ctx: RequestContext, input: CreateServiceLinkedRoleRequest) {
    const service = input.AWSServiceName;
    if (!/^[a-z0-9.-]+\.amazonaws\.com(\.cn)?$/.test(service)) throw new InvalidInputException(`Service ${service} is not a valid service name.`);
    const base = SERVICE_LINKED_NAMES[service] ?? `AWSServiceRoleFor${service.split('.')[0]!.replace(/(^|-)([a-z])/g, (_, __, c: string) => c.toUpperCase())}`;
    const name = input.CustomSuffix ? `${base}_${input.CustomSuffix}` : base;
    const path = `/aws-service-role/${service}/`;
    const trust = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: [service] }, Action: ['sts:AssumeRole'] }] });
    const role = await this.core.db.tx(async (tx) => {
      if (await getEntity(tx, ctx.accountId, 'role', name)) {
        throw new InvalidInputException(`Service role name ${name} has been taken in this account, please try a different suffix.`);
      }
      const e: Entity = {
        kind: 'role', name, id: uniqueId('AROA'), arn: this.core.arn(ctx.accountId, 'role', path, name), path, created: this.core.clock.now(),
        trust, maxSession: 3600, serviceLinked: true, ...(input.Description !== undefined ? { description: input.Description } : {}),
      };
      await putEntity(tx, ctx.accountId, e);
      return e;
    });
    return { Role: this.core.roleOut(role) };
  }

  async DeleteServiceLinkedRole(ctx: RequestContext, input: { RoleName: string }) {
    const e = await this.core.require(this.core.db, ctx, 'role', input.RoleName);
    if (!e.serviceLinked) throw new InvalidInputException(`Role ${e.name} is not a service-linked role.`);
    await this.core.db.tx(async (tx) => {
      await tx.run("DELETE FROM iam_inline WHERE account = ? AND kind = 'role' AND owner = ?", [ctx.accountId, lower(e.name)]);
      await tx.run("DELETE FROM iam_attached WHERE account = ? AND kind = 'role' AND owner = ?", [ctx.accountId, lower(e.name)]);
      await tx.run('DELETE FROM iam_profile_roles WHERE account = ? AND role = ?', [ctx.accountId, lower(e.name)]);
      await deleteEntity(tx, ctx.accountId, 'role', e.name);
    });
    // Deletion is immediate here: the task id names what GetServiceLinkedRoleDeletionStatus answers SUCCEEDED for.
    return { DeletionTaskId: `task${e.path}${e.name}/${randomUUID()}` };
  }

  async GetServiceLinkedRoleDeletionStatus(ctx: RequestContext, input: { DeletionTaskId: string }) {
    if (!/^task\/aws-service-role\/[^/]+\/[^/]+\/[0-9a-f-]{36}$/.test(input.DeletionTaskId)) throw new InvalidInputException(`Invalid deletion task id: ${input.DeletionTaskId}`);
    void ctx;
    return { Status: 'SUCCEEDED' as const };
  }

  /** A role that may be changed: service-linked roles answer UnmodifiableEntity. */
  private async modifiable(q: Queryable, ctx: RequestContext, name: string): Promise<Entity> {
    const e = await this.core.require(q, ctx, 'role', name);
    if (e.serviceLinked) throw new UnmodifiableEntityException(`Cannot perform the operation on the protected role '${e.name}' - this role is only modifiable by AWS`);
    return e;
  }

  private async update(ctx: RequestContext, name: string, change: (e: Entity) => Entity, anyRole = false): Promise<Entity> {
    return this.core.db.tx(async (tx) => {
      const e = anyRole ? await this.core.require(tx, ctx, 'role', name) : await this.modifiable(tx, ctx, name);
      const next = change(e);
      await putEntity(tx, ctx.accountId, next);
      return next;
    });
  }
}

/** Deletes a role once nothing hangs off it, else DeleteConflict in AWS's words. */
async function deleteRoleChecked(tx: Queryable, account: string, e: Entity): Promise<void> {
  const owner = [account, lower(e.name)];
  if (await tx.get('SELECT 1 FROM iam_profile_roles WHERE account = ? AND role = ?', owner)) throw new DeleteConflictException('Cannot delete entity, must remove roles from instance profile first.');
  if (await tx.get("SELECT 1 FROM iam_attached WHERE account = ? AND kind = 'role' AND owner = ?", owner)) throw new DeleteConflictException('Cannot delete entity, must detach all policies first.');
  if (await tx.get("SELECT 1 FROM iam_inline WHERE account = ? AND kind = 'role' AND owner = ?", owner)) throw new DeleteConflictException('Cannot delete entity, must delete policies first.');
  await deleteEntity(tx, account, 'role', e.name);
}
