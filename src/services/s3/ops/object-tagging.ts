/** Object tags: Get/Put/DeleteObjectTagging (the x-amz-tagging header on writes is tagging.ts). */
import type { RequestContext } from '../../../core/context.js';
import type {
  DeleteObjectTaggingOutput,
  DeleteObjectTaggingRequest,
  GetObjectTaggingOutput,
  GetObjectTaggingRequest,
  PutObjectTaggingOutput,
  PutObjectTaggingRequest,
  S3Api,
} from '../../../generated/s3.js';
import type { Tx } from '../../../storage/db.js';
import type { S3Core } from '../core.js';
import { noSuchKey } from '../errors.js';
import { store, type ObjectRow, type Tag } from '../store.js';
import { checkTags } from '../tagging.js';
import { checkVersionId } from './objects.js';

export class ObjectTaggingOps implements Pick<S3Api, 'GetObjectTagging' | 'PutObjectTagging' | 'DeleteObjectTagging'> {
  constructor(private readonly core: S3Core) {}

  async GetObjectTagging(ctx: RequestContext, input: GetObjectTaggingRequest): Promise<GetObjectTaggingOutput> {
    checkVersionId(input.VersionId);
    await this.core.bucket(ctx, input.Bucket);
    const o = await this.object(this.core.db, input.Bucket, input.Key);
    return { TagSet: o.tags };
  }

  async PutObjectTagging(ctx: RequestContext, input: PutObjectTaggingRequest): Promise<PutObjectTaggingOutput> {
    checkVersionId(input.VersionId);
    const tags = checkTags(input.Tagging.TagSet ?? []);
    await this.setTags(ctx, input.Bucket, input.Key, tags);
    return {};
  }

  async DeleteObjectTagging(ctx: RequestContext, input: DeleteObjectTaggingRequest): Promise<DeleteObjectTaggingOutput> {
    checkVersionId(input.VersionId);
    await this.setTags(ctx, input.Bucket, input.Key, []);
    return {};
  }

  private async setTags(ctx: RequestContext, bucket: string, key: string, tags: Tag[]): Promise<void> {
    await this.core.db.tx(async (tx) => {
      await this.core.bucket(ctx, bucket, tx);
      const o = await this.object(tx, bucket, key);
      await store.setTags(tx, bucket, key, o.versionId, tags);
    });
  }

  private async object(q: Pick<Tx, 'get'>, bucket: string, key: string): Promise<ObjectRow> {
    const o = await store.latest(q as Tx, bucket, key);
    if (!o || o.deleteMarker) throw noSuchKey(key);
    return o;
  }
}
