/**
 * Amazon EventBridge Scheduler (restJson1): schedule groups and schedules (`at`, `rate`, `cron` with
 * time zones, start and end dates, flexible windows), each a recurring job on the platform clock
 * delivering to templated or universal targets with retries and dead-letter queues. docs/services/events.md.
 */
import type { SchedulerApi } from '../../generated/scheduler.js';
import { defineProvider, type Platform, type ServiceProvider } from '../service.js';
import { SchedulerCore } from './core.js';
import { handleFires } from './fire.js';
import { GroupOps } from './ops/groups.js';
import { ScheduleOps } from './ops/schedules.js';

export async function create(platform: Platform): Promise<ServiceProvider> {
  const core = await SchedulerCore.open(platform);
  handleFires(core);
  return defineProvider<SchedulerApi>()([new ScheduleOps(core), new GroupOps(core)]);
}
