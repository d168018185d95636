/**
 * EventBridge storage: buses, rules, targets, archives (with their events), replays, connections and
 * API destinations, each a JSON document keyed by account, region and name (rules and targets under
 * their bus). Deliveries are jobs (`events.deliver`), written in the transaction that accepts the event.
 */
import type { Target } from '../../generated/events.js';
import type { Migration } from '../../storage/db.js';
import { DocTable } from '../../storage/documents.js';

export const EVENTS_MIGRATIONS: Migration[] = [
  {
    version: 1,
    sql: `
CREATE TABLE IF NOT EXISTS events_buses (
  account TEXT NOT NULL, region TEXT NOT NULL, name TEXT COLLATE "C" NOT NULL, doc TEXT NOT NULL,
  PRIMARY KEY (account, region, name)
);
CREATE TABLE IF NOT EXISTS events_rules (
  account TEXT NOT NULL, region TEXT NOT NULL, bus TEXT COLLATE "C" NOT NULL, name TEXT COLLATE "C" NOT NULL, doc TEXT NOT NULL,
  PRIMARY KEY (account, region, bus, name)
);
CREATE TABLE IF NOT EXISTS events_targets (
  account TEXT NOT NULL, region TEXT NOT NULL, bus TEXT COLLATE "C" NOT NULL, rule TEXT COLLATE "C" NOT NULL, id TEXT COLLATE "C" NOT NULL,
  arn TEXT NOT NULL, doc TEXT NOT NULL,
  PRIMARY KEY (account, region, bus, rule, id)
);
CREATE INDEX IF NOT EXISTS events_targets_arn ON events_targets (account, region, bus, arn, rule);
CREATE TABLE IF NOT EXISTS events_archives (
  account TEXT NOT NULL, region TEXT NOT NULL, name TEXT COLLATE "C" NOT NULL, doc TEXT NOT NULL,
  PRIMARY KEY (account, region, name)
);
CREATE TABLE IF NOT EXISTS events_archived (
  account TEXT NOT NULL, region TEXT NOT NULL, archive TEXT NOT NULL, time BIGINT NOT NULL, id TEXT NOT NULL,
  event TEXT NOT NULL,
  PRIMARY KEY (account, region, archive, time, id)
);
CREATE TABLE IF NOT EXISTS events_replays (
  account TEXT NOT NULL, region TEXT NOT NULL, name TEXT COLLATE "C" NOT NULL, doc TEXT NOT NULL,
  PRIMARY KEY (account, region, name)
);
CREATE TABLE IF NOT EXISTS events_connections (
  account TEXT NOT NULL, region TEXT NOT NULL, name TEXT COLLATE "C" NOT NULL, doc TEXT NOT NULL,
  PRIMARY KEY (account, region, name)
);
CREATE TABLE IF NOT EXISTS events_api_destinations (
  account TEXT NOT NULL, region TEXT NOT NULL, name TEXT COLLATE "C" NOT NULL, doc TEXT NOT NULL,
  PRIMARY KEY (account, region, name)
);
`,
  },
];

export interface StoredBus {
  name: string;
  arn: string;
  description?: string;
  created: number;
  modified: number;
  /** The resource policy built by PutPermission (or given whole). */
  policy?: { Version: string; Statement: Record<string, unknown>[] };
  deadLetterArn?: string;
}

export interface StoredRule {
  name: string;
  bus: string;
  arn: string;
  eventPattern?: string;
  scheduleExpression?: string;
  state: 'ENABLED' | 'DISABLED' | 'ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS';
  description?: string;
  roleArn?: string;
  created: number;
}

export interface StoredArchive {
  name: string;
  arn: string;
  sourceArn: string;
  eventPattern?: string;
  description?: string;
  retentionDays: number;
  created: number;
  eventCount: number;
  sizeBytes: number;
}

export interface StoredReplay {
  name: string;
  arn: string;
  archiveArn: string;
  description?: string;
  destinationArn: string;
  filterArns?: string[];
  eventStart: number;
  eventEnd: number;
  state: 'STARTING' | 'RUNNING' | 'CANCELLING' | 'COMPLETED' | 'CANCELLED' | 'FAILED';
  stateReason?: string;
  replayStart: number;
  replayEnd?: number;
  lastReplayed?: number;
}

export interface StoredConnection {
  name: string;
  arn: string;
  description?: string;
  authorizationType: 'BASIC' | 'OAUTH_CLIENT_CREDENTIALS' | 'API_KEY';
  /** As given (secrets included: they are what the invocations send). */
  auth: Record<string, any>;
  state: string;
  created: number;
  modified: number;
  lastAuthorized: number;
}

export interface StoredApiDestination {
  name: string;
  arn: string;
  description?: string;
  connectionArn: string;
  endpoint: string;
  method: string;
  rateLimit?: number;
  created: number;
  modified: number;
}

export const buses = new DocTable<StoredBus>({ table: 'events_buses', key: ['name'] });
export const rules = new DocTable<StoredRule, readonly [string, string]>({ table: 'events_rules', key: ['bus', 'name'] });
export const targets = new DocTable<Target, readonly [string, string, string]>({ table: 'events_targets', key: ['bus', 'rule', 'id'], columns: { arn: (t) => t.Arn } });
export const archives = new DocTable<StoredArchive>({ table: 'events_archives', key: ['name'] });
export const replays = new DocTable<StoredReplay>({ table: 'events_replays', key: ['name'] });
export const connections = new DocTable<StoredConnection>({ table: 'events_connections', key: ['name'] });
export const apiDestinations = new DocTable<StoredApiDestination>({ table: 'events_api_destinations', key: ['name'] });
