/**
 * Amazon EventBridge (awsJson1.1): event buses, rules with the shared event-pattern engine, targets
 * delivered by durable jobs with retry policies and dead-letter queues, schedule rules on the platform
 * clock, archives and replays, connections and API destinations. docs/services/events.md.
 */
import type { EventBridgeApi } from '../../generated/events.js';
import { defineProvider, type Platform, type ServiceProvider } from '../service.js';
import { EventsCore } from './core.js';
import { handleDeliveries } from './deliver.js';
import { ArchiveOps } from './ops/archives.js';
import { BusOps } from './ops/buses.js';
import { ConnectionOps } from './ops/connections.js';
import { PutEventsOps } from './ops/put-events.js';
import { RuleOps } from './ops/rules.js';
import { TagOps } from './ops/tags.js';

export async function create(platform: Platform): Promise<ServiceProvider> {
  const core = await EventsCore.open(platform);
  handleDeliveries(core);
  return defineProvider<EventBridgeApi>()([
    new BusOps(core),
    new RuleOps(core),
    new PutEventsOps(core),
    new ArchiveOps(core),
    new ConnectionOps(core),
    new TagOps(core),
  ]);
}
