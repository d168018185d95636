/**
 * Bucket settings that are stored and answered: tagging, default encryption, ownership controls,
 * public access block, request payment, transfer acceleration and server access logging. Each lives
 * in the bucket's config JSON (settings.ts); Get on one never set answers AWS's NoSuch... error.
 */
import { AwsError } from '../../../aws/errors.js';
import { RESPONSE_STATUS } from '../../../aws/protocols/rest.js';
import type { RequestContext } from '../../../core/context.js';
import type * as S3 from '../../../generated/s3.js';
import type { S3Core } from '../core.js';
import { invalidArgument, malformedXml } from '../errors.js';
import { bucketConfig, ownershipOf, publicAccessBlockOf, setBucketConfig, type BucketConfig } from '../bucket-config.js';
import { store } from '../store.js';

const MAX_BUCKET_TAGS = 50;
const OWNERSHIPS = ['BucketOwnerPreferred', 'ObjectWriter', 'BucketOwnerEnforced'];
const SSE_ALGORITHMS = ['AES256', 'aws:kms', 'aws:kms:dsse'];

const notFound = (code: string, message: string, bucket: string): AwsError => new AwsError(code, message, 404, { fields: { BucketName: bucket } });
const noContent = <T extends object>(out: T): T => ({ ...out, [RESPONSE_STATUS]: 204 });

/** The shared shape of these operations: the caller's bucket, then its settings read or one member written. */
export class BucketSettingsBase {
  constructor(protected readonly core: S3Core) {}

  protected async settings(ctx: RequestContext, bucket: string): Promise<BucketConfig> {
    await this.core.bucket(ctx, bucket);
    return bucketConfig(this.core.db, bucket);
  }

  protected async set<K extends keyof BucketConfig>(ctx: RequestContext, bucket: string, key: K, value: BucketConfig[K] | undefined): Promise<void> {
    await this.core.db.tx(async (tx) => {
      await this.core.bucket(ctx, bucket, tx);
      await setBucketConfig(tx, bucket, key, value);
    });
    if (key === 'policy') this.core.policies.changed();
  }
}

export class BucketSettingsOps
  extends BucketSettingsBase
  implements
    Pick<
      S3.S3Api,
      | 'PutBucketTagging'
      | 'GetBucketTagging'
      | 'DeleteBucketTagging'
      | 'PutBucketEncryption'
      | 'GetBucketEncryption'
      | 'DeleteBucketEncryption'
      | 'PutBucketOwnershipControls'
      | 'GetBucketOwnershipControls'
      | 'DeleteBucketOwnershipControls'
      | 'PutPublicAccessBlock'
      | 'GetPublicAccessBlock'
      | 'DeletePublicAccessBlock'
      | 'PutBucketRequestPayment'
      | 'GetBucketRequestPayment'
      | 'PutBucketAccelerateConfiguration'
      | 'GetBucketAccelerateConfiguration'
      | 'PutBucketLogging'
      | 'GetBucketLogging'
    >
{
  async PutBucketTagging(ctx: RequestContext, input: S3.PutBucketTaggingRequest): Promise<void> {
    const tags = checkBucketTags(input.Tagging.TagSet ?? []);
    // An empty TagSet removes the tags, as DeleteBucketTagging does.
    await this.set(ctx, input.Bucket, 'tagging', tags.length > 0 ? tags : undefined);
    return noContent({}) as unknown as void;
  }

  async GetBucketTagging(ctx: RequestContext, input: S3.GetBucketTaggingRequest): Promise<S3.GetBucketTaggingOutput> {
    const s = await this.settings(ctx, input.Bucket);
    if (!s.tagging) throw notFound('NoSuchTagSet', 'The TagSet does not exist', input.Bucket);
    return { TagSet: s.tagging };
  }

  async DeleteBucketTagging(ctx: RequestContext, input: S3.DeleteBucketTaggingRequest): Promise<void> {
    await this.set(ctx, input.Bucket, 'tagging', undefined);
  }

  async PutBucketEncryption(ctx: RequestContext, input: S3.PutBucketEncryptionRequest): Promise<void> {
    const rules = input.ServerSideEncryptionConfiguration.Rules ?? [];
    if (rules.length !== 1) throw malformedXml();
    const d = rules[0]!.ApplyServerSideEncryptionByDefault;
    if (d) {
      if (!SSE_ALGORITHMS.includes(d.SSEAlgorithm)) throw malformedXml();
      if (d.KMSMasterKeyID !== undefined && d.SSEAlgorithm === 'AES256') {
        throw new AwsError('InvalidArgument', 'a KMSMasterKeyID is not applicable if the default sse algorithm is not aws:kms or aws:kms:dsse', 400, {
          fields: { ArgumentName: 'ApplyServerSideEncryptionByDefault' },
        });
      }
    }
    await this.set(ctx, input.Bucket, 'encryption', input.ServerSideEncryptionConfiguration);
  }

  async GetBucketEncryption(ctx: RequestContext, input: S3.GetBucketEncryptionRequest): Promise<S3.GetBucketEncryptionOutput> {
    const s = await this.settings(ctx, input.Bucket);
    // Every bucket has SSE-S3 by default (since January 2023); deleting the configuration restores it.
    return { ServerSideEncryptionConfiguration: (s.encryption as S3.ServerSideEncryptionConfiguration) ?? DEFAULT_ENCRYPTION };
  }

  async DeleteBucketEncryption(ctx: RequestContext, input: S3.DeleteBucketEncryptionRequest): Promise<void> {
    await this.set(ctx, input.Bucket, 'encryption', undefined);
  }

  async PutBucketOwnershipControls(ctx: RequestContext, input: S3.PutBucketOwnershipControlsRequest): Promise<void> {
    const rules = input.OwnershipControls.Rules ?? [];
    if (rules.length !== 1 || !OWNERSHIPS.includes(rules[0]!.ObjectOwnership)) throw malformedXml();
    await this.set(ctx, input.Bucket, 'ownership', rules[0]!.ObjectOwnership);
  }

  async GetBucketOwnershipControls(ctx: RequestContext, input: S3.GetBucketOwnershipControlsRequest): Promise<S3.GetBucketOwnershipControlsOutput> {
    const ownership = ownershipOf(await this.settings(ctx, input.Bucket));
    if (!ownership) throw notFound('OwnershipControlsNotFoundError', 'The bucket ownership controls were not found', input.Bucket);
    return { OwnershipControls: { Rules: [{ ObjectOwnership: ownership as S3.ObjectOwnership }] } };
  }

  async DeleteBucketOwnershipControls(ctx: RequestContext, input: S3.DeleteBucketOwnershipControlsRequest): Promise<void> {
    await this.set(ctx, input.Bucket, 'ownership', null);
  }

  async PutPublicAccessBlock(ctx: RequestContext, input: S3.PutPublicAccessBlockRequest): Promise<void> {
    const c = input.PublicAccessBlockConfiguration;
    await this.set(ctx, input.Bucket, 'publicAccessBlock', {
      BlockPublicAcls: c.BlockPublicAcls ?? false,
      IgnorePublicAcls: c.IgnorePublicAcls ?? false,
      BlockPublicPolicy: c.BlockPublicPolicy ?? false,
      RestrictPublicBuckets: c.RestrictPublicBuckets ?? false,
    });
  }

  async GetPublicAccessBlock(ctx: RequestContext, input: S3.GetPublicAccessBlockRequest): Promise<S3.GetPublicAccessBlockOutput> {
    const block = publicAccessBlockOf(await this.settings(ctx, input.Bucket));
    if (!block) throw notFound('NoSuchPublicAccessBlockConfiguration', 'The public access block configuration was not found', input.Bucket);
    return { PublicAccessBlockConfiguration: block };
  }

  async DeletePublicAccessBlock(ctx: RequestContext, input: S3.DeletePublicAccessBlockRequest): Promise<void> {
    await this.set(ctx, input.Bucket, 'publicAccessBlock', null);
  }

  async PutBucketRequestPayment(ctx: RequestContext, input: S3.PutBucketRequestPaymentRequest): Promise<void> {
    const payer = input.RequestPaymentConfiguration.Payer;
    if (payer !== 'Requester' && payer !== 'BucketOwner') throw malformedXml();
    await this.set(ctx, input.Bucket, 'requestPayment', payer === 'BucketOwner' ? undefined : payer);
  }

  async GetBucketRequestPayment(ctx: RequestContext, input: S3.GetBucketRequestPaymentRequest): Promise<S3.GetBucketRequestPaymentOutput> {
    const s = await this.settings(ctx, input.Bucket);
    return { Payer: (s.requestPayment ?? 'BucketOwner') as S3.Payer };
  }

  async PutBucketAccelerateConfiguration(ctx: RequestContext, input: S3.PutBucketAccelerateConfigurationRequest): Promise<void> {
    const status = input.AccelerateConfiguration.Status;
    if (status !== 'Enabled' && status !== 'Suspended') throw malformedXml();
    // Acceleration needs a DNS-compliant name without dots.
    if (input.Bucket.includes('.')) throw new AwsError('InvalidRequest', 'S3 Transfer Acceleration is not supported for buckets with periods (.) in their names', 400);
    await this.set(ctx, input.Bucket, 'accelerate', status);
  }

  async GetBucketAccelerateConfiguration(ctx: RequestContext, input: S3.GetBucketAccelerateConfigurationRequest): Promise<S3.GetBucketAccelerateConfigurationOutput> {
    const s = await this.settings(ctx, input.Bucket);
    // A bucket never configured answers without a Status.
    return { Status: s.accelerate as S3.BucketAccelerateStatus | undefined };
  }

  async PutBucketLogging(ctx: RequestContext, input: S3.PutBucketLoggingRequest): Promise<void> {
    const enabled = input.BucketLoggingStatus.LoggingEnabled;
    if (enabled) {
      const source = await this.core.bucket(ctx, input.Bucket);
      const target = await store.bucket(this.core.db, enabled.TargetBucket);
      if (!target || target.account !== ctx.accountId) {
        throw new AwsError('InvalidTargetBucketForLogging', 'The target bucket for logging does not exist', 400, { fields: { TargetBucket: enabled.TargetBucket } });
      }
      if (target.region !== source.region) {
        throw new AwsError('CrossLocationLoggingProhibitted', 'Cross S3 location logging not allowed. ', 403, { fields: { TargetBucketLocation: target.region } });
      }
    }
    await this.set(ctx, input.Bucket, 'logging', enabled);
  }

  async GetBucketLogging(ctx: RequestContext, input: S3.GetBucketLoggingRequest): Promise<S3.GetBucketLoggingOutput> {
    const s = await this.settings(ctx, input.Bucket);
    return { LoggingEnabled: s.logging as S3.LoggingEnabled | undefined };
  }
}

export const DEFAULT_ENCRYPTION: S3.ServerSideEncryptionConfiguration = {
  Rules: [{ ApplyServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' }, BucketKeyEnabled: false }],
};

const invalidTag = (message: string, fields: Record<string, string>): AwsError => new AwsError('InvalidTag', message, 400, { fields });

/** Bucket tags: up to 50, S3's characters and lengths, no `aws:` keys, no key twice. */
function checkBucketTags(tags: readonly S3.Tag[]): S3.Tag[] {
  if (tags.length > MAX_BUCKET_TAGS) throw invalidArgument('Bucket tag count cannot be greater than 50', 'Tagging', String(tags.length));
  const seen = new Set<string>();
  for (const t of tags) {
    if (t.Key.length === 0 || [...t.Key].length > 128 || !/^[\p{L}\p{Z}\p{N}_.:/=+\-@]*$/u.test(t.Key)) throw invalidTag('The TagKey you have provided is invalid', { TagKey: t.Key });
    if ([...t.Value].length > 256 || !/^[\p{L}\p{Z}\p{N}_.:/=+\-@]*$/u.test(t.Value)) throw invalidTag('The TagValue you have provided is invalid', { TagKey: t.Key, TagValue: t.Value });
    if (t.Key.toLowerCase().startsWith('aws:')) throw invalidTag('System tags cannot be added/updated by requester', { TagKey: t.Key });
    if (seen.has(t.Key)) throw invalidTag('Cannot provide multiple Tags with the same key', { TagKey: t.Key });
    seen.add(t.Key);
  }
  return tags.map((t) => ({ Key: t.Key, Value: t.Value }));
}
