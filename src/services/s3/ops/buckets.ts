/** Buckets: create (name and location rules), head, list, delete, location. */
import { AwsError } from '../../../aws/errors.js';
import type { RequestContext } from '../../../core/context.js';
import {
  BucketAlreadyExists,
  BucketAlreadyOwnedByYou,
  type CreateBucketOutput,
  type CreateBucketRequest,
  type DeleteBucketRequest,
  type GetBucketLocationOutput,
  type GetBucketLocationRequest,
  type HeadBucketOutput,
  type HeadBucketRequest,
  type ListBucketsOutput,
  type ListBucketsRequest,
  type S3Api,
} from '../../../generated/s3.js';
import { decodePageToken, encodePageToken, listingOf } from '../../../storage/paginate.js';
import { isRegionName, validBucketName } from '../bucket-names.js';
import type { S3Core } from '../core.js';
import { invalidArgument, invalidBucketName } from '../errors.js';
import { ownerOf } from '../owner.js';
import { updateSettings } from '../settings.js';
import { store } from '../store.js';

const MAX_BUCKETS_PAGE = 10_000;

const incompatible = (constraint: string | undefined): AwsError =>
  new AwsError(
    'IllegalLocationConstraintException',
    `The ${constraint ?? 'unspecified'} location constraint is incompatible for the region specific endpoint this request was sent to.`,
    400,
  );

export const bucketArn = (name: string): string => `arn:aws:s3:::${name}`;

export class BucketOps implements Pick<S3Api, 'CreateBucket' | 'HeadBucket' | 'ListBuckets' | 'DeleteBucket' | 'GetBucketLocation'> {
  constructor(private readonly core: S3Core) {}

  async CreateBucket(ctx: RequestContext, input: CreateBucketRequest): Promise<CreateBucketOutput> {
    const name = input.Bucket;
    if (!validBucketName(name)) throw invalidBucketName(name);
    const region = this.regionFor(ctx, input.CreateBucketConfiguration?.LocationConstraint);
    const created = await this.core.db.tx(async (tx) => {
      const existing = await store.bucket(tx, name);
      if (existing) return existing;
      await store.insertBucket(tx, { name, account: ctx.accountId, region, created: this.core.now() });
      // Object Lock at creation turns versioning on for good (ops/object-lock.ts).
      if (input.ObjectLockEnabledForBucket) {
        await updateSettings(tx, name, (s) => {
          s.versioning = 'Enabled';
          s.objectLock = { enabled: true };
        });
      }
      return undefined;
    });
    // A bucket that did not exist (cached as nothing) now has an owner.
    if (!created) this.core.policies.changed();
    if (created) {
      if (created.account !== ctx.accountId) {
        throw new BucketAlreadyExists('The requested bucket name is not available. The bucket namespace is shared by all users of the system. Please select a different name and try again.', { BucketName: name });
      }
      // us-east-1's legacy behaviour: creating a bucket you already own there succeeds.
      if (!(created.region === 'us-east-1' && region === 'us-east-1')) {
        throw new BucketAlreadyOwnedByYou('Your previous request to create the named bucket succeeded and you already own it.', { BucketName: name });
      }
    }
    return { Location: region === 'us-east-1' ? `/${name}` : `http://${name}.s3.${region}.localhost${portOf(this.core.platform.endpoint())}/`, BucketArn: bucketArn(name) };
  }

  /** The region a new bucket goes to: the request's, as its LocationConstraint must say outside us-east-1. */
  private regionFor(ctx: RequestContext, constraint: string | undefined): string {
    const c = constraint === 'EU' ? 'eu-west-1' : constraint;
    if (c !== undefined && c !== '' && (!isRegionName(c) || c === 'us-east-1')) {
      throw new AwsError('InvalidLocationConstraint', 'The specified location-constraint is not valid', 400, { fields: { LocationConstraint: constraint } });
    }
    if (ctx.region === 'us-east-1') return c || 'us-east-1';
    if (!c) throw incompatible(undefined);
    if (c !== ctx.region) throw incompatible(constraint);
    return c;
  }

  async HeadBucket(ctx: RequestContext, input: HeadBucketRequest): Promise<HeadBucketOutput> {
    const b = await this.core.bucket(ctx, input.Bucket);
    return { BucketRegion: b.region, BucketArn: bucketArn(b.name), AccessPointAlias: false };
  }

  async ListBuckets(ctx: RequestContext, input: ListBucketsRequest): Promise<ListBucketsOutput> {
    const listing = listingOf('ListBuckets', { accountId: ctx.accountId, region: '' }, input.Prefix, input.BucketRegion);
    let after = '';
    if (input.ContinuationToken !== undefined) {
      const key = decodePageToken(input.ContinuationToken, listing);
      if (!key || typeof key[0] !== 'string') throw invalidArgument('The continuation token provided is incorrect', 'continuation-token', input.ContinuationToken);
      after = key[0];
    }
    const size = input.MaxBuckets ?? MAX_BUCKETS_PAGE;
    const rows = await store.listBuckets(this.core.db, ctx.accountId, after, size + 1, input.Prefix, input.BucketRegion);
    const page = rows.slice(0, size);
    return {
      Buckets: page.map((b) => ({ Name: b.name, CreationDate: new Date(b.created), BucketRegion: b.region, BucketArn: bucketArn(b.name) })),
      Owner: ownerOf(ctx.accountId),
      ContinuationToken: rows.length > size ? encodePageToken(listing, [page[page.length - 1]!.name]) : undefined,
      Prefix: input.Prefix,
    };
  }

  async DeleteBucket(ctx: RequestContext, input: DeleteBucketRequest): Promise<void> {
    await this.core.db.tx(async (tx) => {
      await this.core.bucket(ctx, input.Bucket, tx);
      if (await store.hasObjectsOrUploads(tx, input.Bucket)) {
        throw new AwsError('BucketNotEmpty', 'The bucket you tried to delete is not empty', 409, { fields: { BucketName: input.Bucket } });
      }
      await store.deleteBucket(tx, input.Bucket);
    });
    this.core.policies.changed();
  }

  async GetBucketLocation(ctx: RequestContext, input: GetBucketLocationRequest): Promise<GetBucketLocationOutput> {
    const b = await this.core.bucket(ctx, input.Bucket);
    // us-east-1 answers an empty LocationConstraint.
    return { LocationConstraint: b.region === 'us-east-1' ? undefined : (b.region as GetBucketLocationOutput['LocationConstraint']) };
  }
}

function portOf(endpoint: string): string {
  const port = new URL(endpoint).port;
  return port ? `:${port}` : '';
}
