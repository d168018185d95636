/**
 * Amazon S3 (restXml, 2006-03-01): buckets and objects in SQL (store.ts), object bytes in the blob
 * store, streamed both ways; path-style and virtual-hosted addressing (addressing.ts).
 * See docs/services/s3.md.
 */
import type { S3Api } from '../../generated/s3.js';
import { defineProvider, type Platform, type ServiceProvider } from '../service.js';
import { virtualHosts } from './addressing.js';
import { S3Core } from './core.js';
import { BucketOps } from './ops/buckets.js';
import { CopyOps } from './ops/copy.js';
import { ListingOps } from './ops/listing.js';
import { MultipartOps } from './ops/multipart.js';
import { ObjectTaggingOps } from './ops/object-tagging.js';
import { ObjectOps } from './ops/objects.js';
import { AttributesOps } from './ops/attributes.js';
import { LifecycleOps } from './ops/lifecycle.js';
import { ObjectLockOps } from './ops/object-lock.js';
import { VersioningOps } from './ops/versioning.js';
import { LIFECYCLE_JOB, LifecycleRunner } from './lifecycle-job.js';
import { handleNotifications } from './notify.js';
import { AclOps } from './ops/acl.js';
import { BucketSettingsOps } from './ops/bucket-settings.js';
import { BucketWebOps } from './ops/bucket-web.js';
import { BucketAnalyticsOps } from './ops/bucket-analytics.js';
import { NotificationOps } from './ops/notifications.js';
import { S3Browser } from './browser.js';
import { S3Website } from './website.js';
import { withRegionChecks } from './regions.js';

export async function create(platform: Platform): Promise<ServiceProvider> {
  const core = await S3Core.open(platform);
  platform.jobs.handle(LIFECYCLE_JOB, new LifecycleRunner(core).run, { concurrency: 2 });
  handleNotifications(platform);
  const browser = new S3Browser(core);
  const website = new S3Website(core);
  return withRegionChecks(defineProvider<S3Api>()(
    [
      new BucketOps(core),
      new ObjectOps(core),
      new CopyOps(core),
      new ObjectTaggingOps(core),
      new ListingOps(core),
      new MultipartOps(core),
      new VersioningOps(core),
      new ObjectLockOps(core),
      new LifecycleOps(core),
      new AttributesOps(core),
      new BucketSettingsOps(core),
      new BucketWebOps(core),
      new AclOps(core),
      new NotificationOps(core),
      new BucketAnalyticsOps(core),
    ],
    {
      hostAddressing: [{ ...virtualHosts, routes: [browser.hostRoute] }],
      // Website hosts first; path-style browser requests (preflights, form uploads) on `/`.
      dataPlanes: [website.route, browser.pathRoute],
      corsHeaders: (req) => browser.corsHeaders(req),
      resourcePolicy: (arn) => core.resourcePolicy(arn),
    },
  ));
}
