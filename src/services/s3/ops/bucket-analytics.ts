/**
 * Per-id bucket configurations that are recorded and answered (no reports are produced): metrics,
 * analytics, inventory and Intelligent-Tiering. Put replaces by id (the document's Id must be the
 * query's), Get/Delete of an unknown id is NoSuchConfiguration, List pages by id.
 */
import { AwsError } from '../../../aws/errors.js';
import type { RequestContext } from '../../../core/context.js';
import type * as S3 from '../../../generated/s3.js';
import { bucketConfig, setBucketConfig } from '../bucket-config.js';
import { BucketSettingsBase } from './bucket-settings.js';

type Kind = 'metrics' | 'analytics' | 'inventory' | 'tiering';

/** How many configurations a List page holds (AWS's page sizes). */
const PAGE: Record<Kind, number> = { metrics: 100, analytics: 100, inventory: 100, tiering: 100 };
const LIMIT: Record<Kind, number> = { metrics: 1000, analytics: 1000, inventory: 1000, tiering: 1000 };

const noSuchConfiguration = (): AwsError => new AwsError('NoSuchConfiguration', 'The specified configuration does not exist.', 404);

export class BucketAnalyticsOps
  extends BucketSettingsBase
  implements
    Pick<
      S3.S3Api,
      | 'PutBucketMetricsConfiguration'
      | 'GetBucketMetricsConfiguration'
      | 'DeleteBucketMetricsConfiguration'
      | 'ListBucketMetricsConfigurations'
      | 'PutBucketAnalyticsConfiguration'
      | 'GetBucketAnalyticsConfiguration'
      | 'DeleteBucketAnalyticsConfiguration'
      | 'ListBucketAnalyticsConfigurations'
      | 'PutBucketInventoryConfiguration'
      | 'GetBucketInventoryConfiguration'
      | 'DeleteBucketInventoryConfiguration'
      | 'ListBucketInventoryConfigurations'
      | 'PutBucketIntelligentTieringConfiguration'
      | 'GetBucketIntelligentTieringConfiguration'
      | 'DeleteBucketIntelligentTieringConfiguration'
      | 'ListBucketIntelligentTieringConfigurations'
    >
{
  private async put(ctx: RequestContext, bucket: string, kind: Kind, id: string, doc: { Id: string }): Promise<void> {
    if (doc.Id !== id) throw new AwsError('IdMismatch', 'Document ID does not match the specified configuration ID.', 400);
    await this.core.db.tx(async (tx) => {
      await this.core.bucket(ctx, bucket, tx);
      const all = { ...((await bucketConfig(tx, bucket))[kind] ?? {}) };
      if (!(id in all) && Object.keys(all).length >= LIMIT[kind]) throw new AwsError('TooManyConfigurations', 'You are attempting to create a new configuration but have already reached the maximum limit.', 400);
      all[id] = doc;
      await setBucketConfig(tx, bucket, kind, all);
    });
  }

  private async get(ctx: RequestContext, bucket: string, kind: Kind, id: string): Promise<any> {
    const doc = (await this.settings(ctx, bucket))[kind]?.[id];
    if (!doc) throw noSuchConfiguration();
    return doc;
  }

  private async remove(ctx: RequestContext, bucket: string, kind: Kind, id: string): Promise<void> {
    await this.core.db.tx(async (tx) => {
      await this.core.bucket(ctx, bucket, tx);
      const all = { ...((await bucketConfig(tx, bucket))[kind] ?? {}) };
      if (!(id in all)) throw noSuchConfiguration();
      delete all[id];
      await setBucketConfig(tx, bucket, kind, Object.keys(all).length > 0 ? all : undefined);
    });
  }

  private async list(ctx: RequestContext, bucket: string, kind: Kind, token: string | undefined): Promise<{ items: any[]; IsTruncated: boolean; ContinuationToken?: string; NextContinuationToken?: string }> {
    const all = (await this.settings(ctx, bucket))[kind] ?? {};
    const ids = Object.keys(all).sort();
    const after = token === undefined ? undefined : Buffer.from(token, 'base64').toString('utf8');
    const rest = after === undefined ? ids : ids.filter((id) => id > after);
    const page = rest.slice(0, PAGE[kind]);
    const truncated = rest.length > page.length;
    return {
      items: page.map((id) => all[id]),
      IsTruncated: truncated,
      ContinuationToken: token,
      NextContinuationToken: truncated ? Buffer.from(page[page.length - 1]!).toString('base64') : undefined,
    };
  }

  async PutBucketMetricsConfiguration(ctx: RequestContext, input: S3.PutBucketMetricsConfigurationRequest): Promise<void> {
    await this.put(ctx, input.Bucket, 'metrics', input.Id, input.MetricsConfiguration);
  }
  async GetBucketMetricsConfiguration(ctx: RequestContext, input: S3.GetBucketMetricsConfigurationRequest): Promise<S3.GetBucketMetricsConfigurationOutput> {
    return { MetricsConfiguration: await this.get(ctx, input.Bucket, 'metrics', input.Id) };
  }
  async DeleteBucketMetricsConfiguration(ctx: RequestContext, input: S3.DeleteBucketMetricsConfigurationRequest): Promise<void> {
    await this.remove(ctx, input.Bucket, 'metrics', input.Id);
  }
  async ListBucketMetricsConfigurations(ctx: RequestContext, input: S3.ListBucketMetricsConfigurationsRequest): Promise<S3.ListBucketMetricsConfigurationsOutput> {
    const { items, ...page } = await this.list(ctx, input.Bucket, 'metrics', input.ContinuationToken);
    return { ...page, MetricsConfigurationList: items.length ? items : undefined };
  }

  async PutBucketAnalyticsConfiguration(ctx: RequestContext, input: S3.PutBucketAnalyticsConfigurationRequest): Promise<void> {
    await this.put(ctx, input.Bucket, 'analytics', input.Id, input.AnalyticsConfiguration);
  }
  async GetBucketAnalyticsConfiguration(ctx: RequestContext, input: S3.GetBucketAnalyticsConfigurationRequest): Promise<S3.GetBucketAnalyticsConfigurationOutput> {
    return { AnalyticsConfiguration: await this.get(ctx, input.Bucket, 'analytics', input.Id) };
  }
  async DeleteBucketAnalyticsConfiguration(ctx: RequestContext, input: S3.DeleteBucketAnalyticsConfigurationRequest): Promise<void> {
    await this.remove(ctx, input.Bucket, 'analytics', input.Id);
  }
  async ListBucketAnalyticsConfigurations(ctx: RequestContext, input: S3.ListBucketAnalyticsConfigurationsRequest): Promise<S3.ListBucketAnalyticsConfigurationsOutput> {
    const { items, ...page } = await this.list(ctx, input.Bucket, 'analytics', input.ContinuationToken);
    return { ...page, AnalyticsConfigurationList: items.length ? items : undefined };
  }

  async PutBucketInventoryConfiguration(ctx: RequestContext, input: S3.PutBucketInventoryConfigurationRequest): Promise<void> {
    const dest = input.InventoryConfiguration.Destination?.S3BucketDestination?.Bucket;
    if (dest !== undefined && !/^arn:aws:s3:::[a-z0-9.-]{3,63}$/.test(dest)) throw new AwsError('InvalidS3DestinationBucket', 'Invalid bucket ARN.', 400);
    await this.put(ctx, input.Bucket, 'inventory', input.Id, input.InventoryConfiguration);
  }
  async GetBucketInventoryConfiguration(ctx: RequestContext, input: S3.GetBucketInventoryConfigurationRequest): Promise<S3.GetBucketInventoryConfigurationOutput> {
    return { InventoryConfiguration: await this.get(ctx, input.Bucket, 'inventory', input.Id) };
  }
  async DeleteBucketInventoryConfiguration(ctx: RequestContext, input: S3.DeleteBucketInventoryConfigurationRequest): Promise<void> {
    await this.remove(ctx, input.Bucket, 'inventory', input.Id);
  }
  async ListBucketInventoryConfigurations(ctx: RequestContext, input: S3.ListBucketInventoryConfigurationsRequest): Promise<S3.ListBucketInventoryConfigurationsOutput> {
    const { items, ...page } = await this.list(ctx, input.Bucket, 'inventory', input.ContinuationToken);
    return { ...page, InventoryConfigurationList: items.length ? items : undefined };
  }

  async PutBucketIntelligentTieringConfiguration(ctx: RequestContext, input: S3.PutBucketIntelligentTieringConfigurationRequest): Promise<void> {
    await this.put(ctx, input.Bucket, 'tiering', input.Id, input.IntelligentTieringConfiguration);
  }
  async GetBucketIntelligentTieringConfiguration(ctx: RequestContext, input: S3.GetBucketIntelligentTieringConfigurationRequest): Promise<S3.GetBucketIntelligentTieringConfigurationOutput> {
    return { IntelligentTieringConfiguration: await this.get(ctx, input.Bucket, 'tiering', input.Id) };
  }
  async DeleteBucketIntelligentTieringConfiguration(ctx: RequestContext, input: S3.DeleteBucketIntelligentTieringConfigurationRequest): Promise<void> {
    await this.remove(ctx, input.Bucket, 'tiering', input.Id);
  }
  async ListBucketIntelligentTieringConfigurations(
    ctx: RequestContext,
    input: S3.ListBucketIntelligentTieringConfigurationsRequest,
  ): Promise<S3.ListBucketIntelligentTieringConfigurationsOutput> {
    const { items, ...page } = await this.list(ctx, input.Bucket, 'tiering', input.ContinuationToken);
    return { ...page, IntelligentTieringConfigurationList: items.length ? items : undefined };
  }
}
