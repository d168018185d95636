/**
 * SNS storage. Topics keyed by (account, region, name); subscriptions by ARN, listed per topic and
 * per account in ARN order. A published message is one `sns_messages` row plus one `sns_deliveries`
 * row per subscription it goes to, written with the delivery jobs in Publish's transaction: the row
 * is the delivery's durable state (a job that finds its row gone has delivered already), and the
 * message goes with its last delivery. FIFO topics number their messages (`next_seq`) and remember
 * deduplication ids for five minutes. The local inbox keeps what email, SMS and mobile endpoints
 * would have received. The signing key and its certificate are made once and kept here.
 */
import type { Migration } from '../../storage/db.js';

export const SNS_MIGRATIONS: Migration[] = [
  {
    version: 1,
    sql: `
CREATE TABLE IF NOT EXISTS sns_topics (
  account TEXT NOT NULL, region TEXT NOT NULL, name TEXT COLLATE "C" NOT NULL,
  fifo INTEGER NOT NULL, attrs TEXT NOT NULL, created BIGINT NOT NULL,
  next_seq BIGINT NOT NULL, deleted_subs BIGINT NOT NULL,
  PRIMARY KEY (account, region, name)
);
CREATE TABLE IF NOT EXISTS sns_subscriptions (
  arn TEXT COLLATE "C" NOT NULL PRIMARY KEY, account TEXT NOT NULL, region TEXT NOT NULL,
  topic TEXT COLLATE "C" NOT NULL, protocol TEXT NOT NULL, endpoint TEXT NOT NULL, owner TEXT NOT NULL,
  attrs TEXT NOT NULL, confirmed INTEGER NOT NULL, authenticated INTEGER NOT NULL,
  token TEXT, token_expires BIGINT, created BIGINT NOT NULL
);
CREATE INDEX IF NOT EXISTS sns_subscriptions_scope ON sns_subscriptions (account, region, arn);
CREATE INDEX IF NOT EXISTS sns_subscriptions_topic ON sns_subscriptions (topic, arn);
CREATE INDEX IF NOT EXISTS sns_subscriptions_token ON sns_subscriptions (token);
CREATE TABLE IF NOT EXISTS sns_messages (
  id TEXT NOT NULL PRIMARY KEY, doc TEXT NOT NULL, created BIGINT NOT NULL
);
CREATE TABLE IF NOT EXISTS sns_deliveries (
  message_id TEXT NOT NULL, sub_arn TEXT COLLATE "C" NOT NULL, seq BIGINT NOT NULL, group_id TEXT,
  PRIMARY KEY (message_id, sub_arn)
);
CREATE INDEX IF NOT EXISTS sns_deliveries_fifo ON sns_deliveries (sub_arn, group_id, seq);
CREATE TABLE IF NOT EXISTS sns_dedup (
  account TEXT NOT NULL, region TEXT NOT NULL, topic TEXT NOT NULL, dedup_id TEXT NOT NULL,
  expires BIGINT NOT NULL, message_id TEXT NOT NULL, seq BIGINT NOT NULL,
  PRIMARY KEY (account, region, topic, dedup_id)
);
CREATE TABLE IF NOT EXISTS sns_inbox (
  id TEXT NOT NULL PRIMARY KEY, account TEXT NOT NULL, region TEXT NOT NULL, at BIGINT NOT NULL,
  seq BIGINT NOT NULL, doc TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS sns_inbox_order ON sns_inbox (at, seq);
CREATE TABLE IF NOT EXISTS sns_signing (
  id TEXT NOT NULL PRIMARY KEY, key_pem TEXT NOT NULL, cert_pem TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS sns_sms (
  account TEXT NOT NULL, region TEXT NOT NULL, attrs TEXT NOT NULL, sandbox TEXT NOT NULL, opted_out TEXT NOT NULL,
  PRIMARY KEY (account, region)
);
`,
  },
];

export interface TopicRow {
  account: string;
  region: string;
  name: string;
  fifo: number;
  attrs: string;
  created: number;
  next_seq: number;
  deleted_subs: number;
}

export interface SubscriptionRow {
  arn: string;
  account: string;
  region: string;
  /** The topic's ARN. */
  topic: string;
  protocol: string;
  endpoint: string;
  owner: string;
  attrs: string;
  confirmed: number;
  authenticated: number;
  token: string | null;
  token_expires: number | null;
  created: number;
}
