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
import type { Queryable } from '../../../storage/db.js';
import { enqueueNotifications } from '../notify.js';
import type { S3Core } from '../core.js';
import { NULL_VERSION, store, type ObjectRow, type Tag } from '../store.js';
import { checkTags } from '../tagging.js';
import { resolveObject } from '../versions.js';

export class ObjectTaggingOps implements Pick<S3Api, 'GetObjectTagging' | 'PutObjectTagging' | 'DeleteObjectTagging'> {
  constructor(private readonly core: S3Core) {}

  async GetObjectTagging(ctx: RequestContext, input: GetObjectTaggingRequest): Promise<GetObjectTaggingOutput> {
    await this.core.bucket(ctx, input.Bucket);
    const o = await this.object(this.core.db, input.Bucket, input.Key, input.VersionId, 'GET');
    return { TagSet: o.tags, VersionId: this.versionOf(o) };
  }

  async PutObjectTagging(ctx: RequestContext, input: PutObjectTaggingRequest): Promise<PutObjectTaggingOutput> {
    const tags = checkTags(input.Tagging.TagSet ?? []);
    return { VersionId: await this.setTags(ctx, input.Bucket, input.Key, input.VersionId, tags, 'PUT') };
  }

  async DeleteObjectTagging(ctx: RequestContext, input: DeleteObjectTaggingRequest): Promise<DeleteObjectTaggingOutput> {
    return { VersionId: await this.setTags(ctx, input.Bucket, input.Key, input.VersionId, [], 'DELETE') };
  }

  /** Tags one version (the current one by default); its id, when it has one to say. */
  private async setTags(ctx: RequestContext, bucket: string, key: string, versionId: string | undefined, tags: Tag[], method: string): Promise<string | undefined> {
    return this.core.db.tx(async (tx) => {
      await this.core.bucket(ctx, bucket, tx);
      const o = await this.object(tx, bucket, key, versionId, method);
      await store.setTags(tx, bucket, key, o.versionId, tags);
      await enqueueNotifications(tx, this.core.platform, {
        name: method === 'PUT' ? 'ObjectTagging:Put' : 'ObjectTagging:Delete',
        bucket,
        key,
        eTag: o.etag.replace(/"/g, ''),
        versionId: this.versionOf(o),
        requestId: ctx.requestId,
        time: this.core.now(),
      });
      return this.versionOf(o);
    });
  }

  private versionOf(o: ObjectRow): string | undefined {
    return o.versionId !== NULL_VERSION ? o.versionId : undefined;
  }

  private object(q: Queryable, bucket: string, key: string, versionId: string | undefined, method: string): Promise<ObjectRow> {
    return resolveObject(q, bucket, key, versionId, method);
  }
}
