/**
 * Amazon SNS (awsQuery): standard and FIFO topics, subscriptions and their confirmation, Publish and
 * PublishBatch with filter policies, durable delivery on platform jobs to SQS, Lambda and HTTP/S
 * endpoints (signed messages, AWS's retry policies, redrive DLQs), and a local inbox for email, SMS
 * and mobile endpoints. docs/services/sns.md.
 */
import type { SNSApi } from '../../generated/sns.js';
import { defineProvider, type Platform, type ServiceProvider } from '../service.js';
import { SnsCore } from './core.js';
import { snsRoutes } from './dataplane.js';
import { handleDeliveries } from './delivery/jobs.js';
import { PublishOps } from './ops/publish.js';
import { SmsOps } from './ops/sms.js';
import { SubscriptionOps } from './ops/subscriptions.js';
import { TagAndPermissionOps } from './ops/tags.js';
import { TopicOps } from './ops/topics.js';

export async function create(platform: Platform): Promise<ServiceProvider> {
  const core = await SnsCore.open(platform);
  handleDeliveries(core);
  const subscriptions = new SubscriptionOps(core);
  return defineProvider<SNSApi>()(
    [new TopicOps(core), subscriptions, new PublishOps(core), new TagAndPermissionOps(core), new SmsOps(core)],
    { dataPlanes: snsRoutes(core, subscriptions), resourcePolicy: (arn) => core.policies.get(arn) },
  );
}
