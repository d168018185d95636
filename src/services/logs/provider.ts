/**
 * CloudWatch Logs (awsJson1.1, Logs_20140328): log groups and streams, writing and reading events,
 * retention and tags, subscription filters to Lambda and Kinesis. Other services write their logs through the Platform's Logs sink (sink.ts).
 */
import type { CloudWatchLogsApi } from '../../generated/logs.js';
import { defineProvider, type Platform, type ServiceProvider } from '../service.js';
import { LogsCore } from './core.js';
import { EventOps } from './ops/events.js';
import { GroupOps } from './ops/groups.js';
import { RetentionAndTagOps } from './ops/retention-and-tags.js';
import { StreamOps } from './ops/streams.js';
import { SubscriptionOps } from './ops/subscriptions.js';
import { handleSubscriptions } from './subscriptions.js';

export async function create(platform: Platform): Promise<ServiceProvider> {
  const core = await LogsCore.open(platform.db);
  handleSubscriptions(platform);
  // No close hook: the server flushes the Logs sink itself after every service has stopped.
  return defineProvider<CloudWatchLogsApi>()([new GroupOps(core), new StreamOps(core), new EventOps(core), new RetentionAndTagOps(core), new SubscriptionOps(core, platform)]);
}
