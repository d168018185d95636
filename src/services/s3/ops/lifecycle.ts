/**
 * Lifecycle configuration: Put/Get/DeleteBucketLifecycleConfiguration. A bucket with a configuration
 * has one job (`LIFECYCLE_JOB`, keyed by bucket name, lifecycle-job.ts) due at the next midnight UTC,
 * when AWS evaluates its rules; putting a configuration schedules it, deleting it cancels it.
 */
import type { RequestContext } from '../../../core/context.js';
import { cancel, enqueue } from '../../../jobs/queue.js';
import type {
  DeleteBucketLifecycleRequest,
  GetBucketLifecycleConfigurationOutput,
  GetBucketLifecycleConfigurationRequest,
  PutBucketLifecycleConfigurationOutput,
  PutBucketLifecycleConfigurationRequest,
  S3Api,
} from '../../../generated/s3.js';
import type { S3Core } from '../core.js';
import { invalidArgument, malformedXml } from '../errors.js';
import { LIFECYCLE_JOB } from '../lifecycle-job.js';
import { nextMidnight, noSuchLifecycle, parseRules, wireRules } from '../lifecycle-rules.js';
import { updateSettings } from '../settings.js';

const MINIMUM_SIZES = new Set(['varies_by_storage_class', 'all_storage_classes_128K']);
const DEFAULT_MINIMUM_SIZE = 'all_storage_classes_128K';

export class LifecycleOps implements Pick<S3Api, 'PutBucketLifecycleConfiguration' | 'GetBucketLifecycleConfiguration' | 'DeleteBucketLifecycle'> {
  constructor(private readonly core: S3Core) {}

  async PutBucketLifecycleConfiguration(ctx: RequestContext, input: PutBucketLifecycleConfigurationRequest): Promise<PutBucketLifecycleConfigurationOutput> {
    const minimumSize = input.TransitionDefaultMinimumObjectSize ?? DEFAULT_MINIMUM_SIZE;
    if (!MINIMUM_SIZES.has(minimumSize)) throw invalidArgument('Invalid TransitionDefaultMinimumObjectSize', 'x-amz-transition-default-minimum-object-size', minimumSize);
    if (!input.LifecycleConfiguration) throw malformedXml();
    const rules = parseRules(input.LifecycleConfiguration.Rules);
    const now = this.core.platform.clock.now();
    const dueAt = nextMidnight(now);
    await this.core.db.tx(async (tx) => {
      const { bucket } = await this.core.owned(ctx, input.Bucket, tx);
      await updateSettings(tx, input.Bucket, (s) => {
        s.lifecycle = { rules, minimumSize };
      });
      await enqueue(tx, { kind: LIFECYCLE_JOB, key: bucket.name, account: bucket.account, region: bucket.region, dueAt, payload: null }, now, 'replace');
    });
    this.core.platform.jobs.wake(LIFECYCLE_JOB, dueAt);
    return { TransitionDefaultMinimumObjectSize: minimumSize as PutBucketLifecycleConfigurationOutput['TransitionDefaultMinimumObjectSize'] };
  }

  async GetBucketLifecycleConfiguration(ctx: RequestContext, input: GetBucketLifecycleConfigurationRequest): Promise<GetBucketLifecycleConfigurationOutput> {
    const { settings } = await this.core.owned(ctx, input.Bucket);
    const l = settings.lifecycle;
    if (!l) throw noSuchLifecycle(input.Bucket);
    return { Rules: wireRules(l.rules), TransitionDefaultMinimumObjectSize: (l.minimumSize ?? DEFAULT_MINIMUM_SIZE) as GetBucketLifecycleConfigurationOutput['TransitionDefaultMinimumObjectSize'] };
  }

  async DeleteBucketLifecycle(ctx: RequestContext, input: DeleteBucketLifecycleRequest): Promise<void> {
    await this.core.db.tx(async (tx) => {
      await this.core.owned(ctx, input.Bucket, tx);
      await updateSettings(tx, input.Bucket, (s) => {
        s.lifecycle = undefined;
      });
      await cancel(tx, LIFECYCLE_JOB, input.Bucket);
    });
  }
}
