/** ACL answers: Get/PutBucketAcl, Get/PutObjectAcl (acl.ts), with Object Ownership and Block Public Access applied. */
import { AwsError } from '../../../aws/errors.js';
import type { RequestContext } from '../../../core/context.js';
import type * as S3 from '../../../generated/s3.js';
import { aclNotSupported, grantsWithOwner, isPublicGrant, requestedGrants, type StoredGrant } from '../acl.js';
import type { S3Core } from '../core.js';
import { ownerOf } from '../owner.js';
import { bucketConfig, ownershipOf, publicAccessBlockOf, setBucketConfig, type BucketConfig } from '../bucket-config.js';
import { resolveObject } from '../versions.js';
import { enqueueNotifications } from '../notify.js';
import { NULL_VERSION } from '../store.js';

/** The grants a write may record under the bucket's settings (or AWS's refusal). */
export function admitGrants(settings: BucketConfig, grants: StoredGrant[]): StoredGrant[] {
  if (ownershipOf(settings) === 'BucketOwnerEnforced' && grants.length > 0) throw aclNotSupported();
  if (publicAccessBlockOf(settings)?.BlockPublicAcls && grants.some(isPublicGrant)) throw new AwsError('AccessDenied', 'Access Denied', 403);
  return grants;
}

export class AclOps implements Pick<S3.S3Api, 'GetBucketAcl' | 'PutBucketAcl' | 'GetObjectAcl' | 'PutObjectAcl'> {
  constructor(private readonly core: S3Core) {}

  async GetBucketAcl(ctx: RequestContext, input: S3.GetBucketAclRequest): Promise<S3.GetBucketAclOutput> {
    const b = await this.core.bucket(ctx, input.Bucket);
    const s = await bucketConfig(this.core.db, input.Bucket);
    return { Owner: ownerOf(b.account), Grants: grantsWithOwner(b.account, (s.acl?.grants ?? []) as StoredGrant[]) };
  }

  async PutBucketAcl(ctx: RequestContext, input: S3.PutBucketAclRequest): Promise<void> {
    const grants = requestedGrants(input, ctx.accountId, true)!;
    await this.core.db.tx(async (tx) => {
      await this.core.bucket(ctx, input.Bucket, tx);
      const s = await bucketConfig(tx, input.Bucket);
      await setBucketConfig(tx, input.Bucket, 'acl', grants.length > 0 ? { grants: admitGrants(s, grants) } : undefined);
    });
  }

  async GetObjectAcl(ctx: RequestContext, input: S3.GetObjectAclRequest): Promise<S3.GetObjectAclOutput> {
    const b = await this.core.bucket(ctx, input.Bucket);
    const o = await resolveObject(this.core.db, input.Bucket, input.Key, input.VersionId, 'GET');
    const grants = ((o.meta as { acl?: StoredGrant[] }).acl ?? []) as StoredGrant[];
    return { Owner: ownerOf(b.account), Grants: grantsWithOwner(b.account, grants) };
  }

  async PutObjectAcl(ctx: RequestContext, input: S3.PutObjectAclRequest): Promise<S3.PutObjectAclOutput> {
    const grants = requestedGrants(input, ctx.accountId, true)!;
    await this.core.db.tx(async (tx) => {
      await this.core.bucket(ctx, input.Bucket, tx);
      const o = await resolveObject(tx, input.Bucket, input.Key, input.VersionId, 'PUT');
      const meta = { ...o.meta, acl: admitGrants(await bucketConfig(tx, input.Bucket), grants) };
      if (meta.acl.length === 0) delete (meta as { acl?: unknown }).acl;
      await tx.run('UPDATE s3_objects SET meta = ? WHERE bucket = ? AND object_key = ? AND version_id = ?', [JSON.stringify(meta), input.Bucket, input.Key, o.versionId]);
      await enqueueNotifications(tx, this.core.platform, {
        name: 'ObjectAcl:Put',
        bucket: input.Bucket,
        key: input.Key,
        eTag: o.etag.replace(/"/g, ''),
        versionId: o.versionId !== NULL_VERSION ? o.versionId : undefined,
        requestId: ctx.requestId,
        time: this.core.now(),
      });
    });
    return {};
  }
}

/** The grants a write's ACL headers (x-amz-acl, x-amz-grant-*) give the new object, checked against the bucket's settings. */
export async function writeGrants(core: S3Core, ctx: RequestContext, bucket: string, input: Parameters<typeof requestedGrants>[0]): Promise<StoredGrant[] | undefined> {
  const grants = requestedGrants(input, ctx.accountId, false);
  if (grants === undefined) return undefined;
  admitGrants(await bucketConfig(core.db, bucket), grants);
  return grants.length > 0 ? grants : undefined;
}
