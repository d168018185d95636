/**
 * Amazon SQS (awsJson1.0 with awsQueryCompatible errors, and the query protocol older SDKs send):
 * standard and FIFO queues in SQL, long polls woken in-process, dead-letter queues and redrive,
 * retention on durable jobs. docs/services/sqs.md.
 */
import type { SQSApi } from '../../generated/sqs.js';
import { defineProvider, type Platform, type ServiceProvider } from '../service.js';
import { registerSqsCore, SqsCore } from './core.js';
import { handleMoves, MoveTaskOps } from './ops/move-tasks.js';
import { QueueOps } from './ops/queues.js';
import { ReceiveOps } from './ops/receive.js';
import { SendOps } from './ops/send.js';
import { TagAndPermissionOps } from './ops/tags.js';
import { peekRoute } from './peek.js';
import { handleRetention } from './retention.js';

export async function create(platform: Platform): Promise<ServiceProvider> {
  const core = await SqsCore.open(platform.db, platform.clock, platform.jobs, platform.endpoint);
  registerSqsCore(platform, core);
  handleRetention(platform.jobs, platform.db);
  handleMoves(platform.jobs, core);
  return defineProvider<SQSApi>()(
    [new QueueOps(core), new SendOps(core), new ReceiveOps(core), new TagAndPermissionOps(core), new MoveTaskOps(core)],
    { close: async () => core.close(), dataPlanes: [peekRoute(core, platform.clock)], resourcePolicy: (arn) => core.policies.get(arn) },
  );
}
