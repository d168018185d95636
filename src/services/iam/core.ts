/**
 * What IAM's families share: the store, ids and ARNs (global: no region), lookups that answer AWS's
 * NoSuchEntity messages, Marker/MaxItems paging, and the wire forms of users, roles, groups, policies.
 */
import { randomBytes } from 'node:crypto';
import type { RequestContext } from '../../core/context.js';
import {
  InvalidInputException,
  LimitExceededException,
  NoSuchEntityException,
  type AttachedPermissionsBoundary,
  type Group,
  type InstanceProfile,
  type Policy,
  type Role,
  type User,
} from '../../generated/iam.js';
import type { Db, Queryable, SqlValue } from '../../storage/db.js';
import { decodePageToken, listingOf } from '../../storage/paginate.js';
import type { Clock } from '../../core/clock.js';
import type { Platform } from '../service.js';
import { awsManagedArn, awsManagedPolicy, type AwsManagedPolicy } from './managed.js';
import { getEntity, lower, type Entity, type Kind, type Tag } from './store.js';

/** IAM resources have no region; every listing and token is scoped by account alone. */
export const GLOBAL = 'global';

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** `n` random characters of AWS's id alphabet (upper-case letters and 2-7). */
export function randomBase32(n: number): string {
  const bytes = randomBytes(n);
  let out = '';
  for (let i = 0; i < n; i++) out += BASE32[bytes[i]! & 31];
  return out;
}

/** IAM's unique ids: AIDA (user), AGPA (group), AROA (role), ANPA (policy), AIPA (instance profile), then 17 characters. */
export const uniqueId = (prefix: 'AIDA' | 'AGPA' | 'AROA' | 'ANPA' | 'AIPA'): string => prefix + randomBase32(17);

const NOT_FOUND: Record<Kind, (name: string) => string> = {
  user: (n) => `The user with name ${n} cannot be found.`,
  group: (n) => `The group with name ${n} cannot be found.`,
  role: (n) => `The role with name ${n} cannot be found.`,
  policy: (n) => `Policy ${n} was not found.`,
  'instance-profile': (n) => `Instance Profile ${n} cannot be found.`,
  'oidc-provider': (n) => `OpenIDConnect Provider not found for arn ${n}`,
  'saml-provider': (n) => `SAMLProvider not found for arn ${n}`,
  mfa: (n) => `VirtualMFADevice with serial number ${n} doesn't exist.`,
};

export const noSuchEntity = (message: string) => new NoSuchEntityException(message);

export interface PageRequest {
  Marker?: string;
  MaxItems?: number;
}

/** Tags given as a list (create operations): AWS's duplicate and count limits. */
export function checkTagList(tags: readonly Tag[] | undefined, existing: readonly Tag[] = []): Tag[] {
  const merged = new Map(existing.map((t) => [t.Key, t]));
  const seen = new Set<string>();
  for (const t of tags ?? []) {
    if (seen.has(t.Key)) throw new InvalidInputException('Duplicate tag keys found. Please note that Tag keys are case insensitive.');
    seen.add(t.Key);
    merged.set(t.Key, { Key: t.Key, Value: t.Value });
  }
  if (merged.size > 50) throw new LimitExceededException('The number of tags has reached the maximum limit.');
  return [...merged.values()];
}

export class IamCore {
  readonly db: Db;
  readonly clock: Clock;

  constructor(readonly platform: Platform) {
    this.db = platform.db;
    this.clock = platform.clock;
  }

  arn(account: string, type: string, path: string, name: string): string {
    return `arn:aws:iam::${account}:${type}${path}${name}`;
  }

  /** The entity, or NoSuchEntity in AWS's words for its kind. */
  async require(q: Queryable, ctx: RequestContext, kind: Kind, name: string): Promise<Entity> {
    const e = await getEntity(q, ctx.accountId, kind, name);
    if (!e) throw noSuchEntity(NOT_FOUND[kind](name));
    return e;
  }

  /** The listing's paging from Marker and MaxItems (default 100). */
  page(ctx: RequestContext, operation: string, input: PageRequest, ...filters: (string | number | undefined)[]): { listing: string; limit: number; after: SqlValue[] | undefined } {
    const listing = listingOf(operation, { accountId: ctx.accountId, region: GLOBAL }, ...filters);
    let after: SqlValue[] | undefined;
    if (input.Marker !== undefined) {
      after = decodePageToken(input.Marker, listing);
      if (!after) throw new InvalidInputException('Invalid Marker.');
    }
    return { listing, limit: input.MaxItems ?? 100, after };
  }

  /** IsTruncated and Marker of a page's answer. */
  truncation(next: string | undefined): { IsTruncated: boolean; Marker?: string } {
    return next ? { IsTruncated: true, Marker: next } : { IsTruncated: false };
  }

  /** A customer managed policy of the caller's account, or an AWS managed one, by ARN. */
  async findPolicy(q: Queryable, ctx: RequestContext, arn: string): Promise<{ customer?: Entity; aws?: AwsManagedPolicy } | undefined> {
    const aws = awsManagedPolicy(arn);
    if (aws) return { aws };
    const m = /^arn:aws:iam::(\d{12}):policy(\/(?:[^/]+\/)*)?([^/]+)$/.exec(arn);
    if (!m || m[1] !== ctx.accountId) return undefined;
    const e = await getEntity(q, ctx.accountId, 'policy', m[3]!);
    return e && e.arn === arn ? { customer: e } : undefined;
  }

  /** The policy for an attachment or boundary: NoSuchEntity "does not exist or is not attachable" when missing. */
  async attachablePolicy(q: Queryable, ctx: RequestContext, arn: string): Promise<{ customer?: Entity; aws?: AwsManagedPolicy }> {
    if (!/^arn:[^:]+:iam::(\d{12}|aws):policy\//.test(arn)) throw new InvalidInputException(`ARN ${arn} is not valid.`);
    const found = await this.findPolicy(q, ctx, arn);
    if (!found) throw noSuchEntity(`Policy ${arn} does not exist or is not attachable.`);
    return found;
  }

  async attachmentCount(q: Queryable, account: string, arn: string): Promise<number> {
    const row = await q.get<{ n: number }>('SELECT COUNT(*) AS n FROM iam_attached WHERE account = ? AND policy_arn = ?', [account, arn]);
    return Number(row?.n ?? 0);
  }

  async boundaryCount(q: Queryable, account: string, arn: string): Promise<number> {
    // The boundary is a member of the user's or role's document: `"boundary":"arn..."` (ARNs hold no quotes or backslashes).
    const row = await q.get<{ n: number }>("SELECT COUNT(*) AS n FROM iam_entities WHERE account = ? AND kind IN ('user', 'role') AND doc LIKE ?", [account, `%"boundary":${JSON.stringify(arn)}%`]);
    return Number(row?.n ?? 0);
  }

  boundaryOut(e: Entity): { PermissionsBoundary?: AttachedPermissionsBoundary } {
    return e.boundary ? { PermissionsBoundary: { PermissionsBoundaryType: 'PermissionsBoundaryPolicy', PermissionsBoundaryArn: e.boundary } } : {};
  }

  userOut(e: Entity, withTags = false): User {
    return {
      Path: e.path,
      UserName: e.name,
      UserId: e.id,
      Arn: e.arn,
      CreateDate: new Date(e.created),
      ...this.boundaryOut(e),
      ...(withTags && e.tags?.length ? { Tags: e.tags } : {}),
    };
  }

  groupOut(e: Entity): Group {
    return { Path: e.path, GroupName: e.name, GroupId: e.id, Arn: e.arn, CreateDate: new Date(e.created) };
  }

  roleOut(e: Entity, detail = false): Role {
    return {
      Path: e.path,
      RoleName: e.name,
      RoleId: e.id,
      Arn: e.arn,
      CreateDate: new Date(e.created),
      AssumeRolePolicyDocument: encodeURIComponent(e.trust ?? ''),
      ...(e.description !== undefined ? { Description: e.description } : {}),
      MaxSessionDuration: e.maxSession ?? 3600,
      ...this.boundaryOut(e),
      ...(detail && e.tags?.length ? { Tags: e.tags } : {}),
      ...(detail ? { RoleLastUsed: e.lastUsed ? { LastUsedDate: new Date(e.lastUsed.at), Region: e.lastUsed.region } : {} } : {}),
    };
  }

  async instanceProfileOut(q: Queryable, ctx: RequestContext, e: Entity): Promise<InstanceProfile> {
    const row = await q.get<{ role: string }>('SELECT role FROM iam_profile_roles WHERE account = ? AND profile = ?', [ctx.accountId, lower(e.name)]);
    const role = row ? await getEntity(q, ctx.accountId, 'role', row.role) : undefined;
    return {
      Path: e.path,
      InstanceProfileName: e.name,
      InstanceProfileId: e.id,
      Arn: e.arn,
      CreateDate: new Date(e.created),
      Roles: role ? [this.roleOut(role)] : [],
      ...(e.tags?.length ? { Tags: e.tags } : {}),
    };
  }

  async policyOut(q: Queryable, ctx: RequestContext, e: Entity, withTags = false): Promise<Policy> {
    return {
      PolicyName: e.name,
      PolicyId: e.id,
      Arn: e.arn,
      Path: e.path,
      DefaultVersionId: `v${e.defaultVersion}`,
      AttachmentCount: await this.attachmentCount(q, ctx.accountId, e.arn),
      PermissionsBoundaryUsageCount: await this.boundaryCount(q, ctx.accountId, e.arn),
      IsAttachable: true,
      ...(e.description !== undefined ? { Description: e.description } : {}),
      CreateDate: new Date(e.created),
      UpdateDate: new Date(e.updated ?? e.created),
      ...(withTags && e.tags?.length ? { Tags: e.tags } : {}),
    };
  }

  async awsPolicyOut(q: Queryable, ctx: RequestContext, p: AwsManagedPolicy, description = false): Promise<Policy> {
    const arn = awsManagedArn(p);
    return {
      PolicyName: p.name,
      PolicyId: p.id,
      Arn: arn,
      Path: p.path,
      DefaultVersionId: p.version,
      AttachmentCount: await this.attachmentCount(q, ctx.accountId, arn),
      PermissionsBoundaryUsageCount: await this.boundaryCount(q, ctx.accountId, arn),
      IsAttachable: true,
      ...(description ? { Description: p.description } : {}),
      CreateDate: new Date(p.created),
      UpdateDate: new Date(p.updated),
    };
  }

  /** The document of a policy's default version (customer or AWS managed), as text. */
  async policyDocument(q: Queryable, account: string, arn: string): Promise<string | undefined> {
    const aws = awsManagedPolicy(arn);
    if (aws) return JSON.stringify(aws.document);
    const m = /^arn:aws:iam::(\d{12}):policy(?:\/.*)?\/([^/]+)$/.exec(arn);
    if (!m || m[1] !== account) return undefined;
    const e = await getEntity(q, account, 'policy', m[2]!);
    if (!e || e.arn !== arn) return undefined;
    const row = await q.get<{ doc: string }>('SELECT doc FROM iam_policy_versions WHERE account = ? AND policy = ? AND version = ?', [account, lower(e.name), e.defaultVersion!]);
    return row?.doc;
  }
}
