import type { Migration } from '../../storage/db.js';

export const LAMBDA_MIGRATIONS: Migration[] = [
  {
    version: 1,
    sql: `
CREATE TABLE IF NOT EXISTS lambda_functions (
  account TEXT NOT NULL, region TEXT NOT NULL, name TEXT NOT NULL,
  config TEXT NOT NULL, reserved INTEGER, tags TEXT NOT NULL, next_version INTEGER NOT NULL,
  event_config TEXT, created INTEGER NOT NULL,
  PRIMARY KEY (account, region, name)
);
CREATE TABLE IF NOT EXISTS lambda_versions (
  account TEXT NOT NULL, region TEXT NOT NULL, name TEXT NOT NULL, version INTEGER NOT NULL,
  config TEXT NOT NULL,
  PRIMARY KEY (account, region, name, version)
);
CREATE TABLE IF NOT EXISTS lambda_aliases (
  account TEXT NOT NULL, region TEXT NOT NULL, name TEXT NOT NULL, alias TEXT NOT NULL,
  config TEXT NOT NULL,
  PRIMARY KEY (account, region, name, alias)
);
CREATE TABLE IF NOT EXISTS lambda_policies (
  account TEXT NOT NULL, region TEXT NOT NULL, name TEXT NOT NULL, qualifier TEXT NOT NULL,
  policy TEXT NOT NULL, revision TEXT NOT NULL,
  PRIMARY KEY (account, region, name, qualifier)
);
CREATE TABLE IF NOT EXISTS lambda_code (
  account TEXT NOT NULL, region TEXT NOT NULL, sha TEXT NOT NULL,
  zip BLOB NOT NULL, size INTEGER NOT NULL, unzipped INTEGER NOT NULL,
  PRIMARY KEY (account, region, sha)
);
CREATE TABLE IF NOT EXISTS lambda_async (
  id TEXT NOT NULL PRIMARY KEY, account TEXT NOT NULL, region TEXT NOT NULL, name TEXT NOT NULL,
  qualifier TEXT, payload BLOB NOT NULL, request_id TEXT NOT NULL, attempt INTEGER NOT NULL,
  next_at INTEGER NOT NULL, created INTEGER NOT NULL, lease INTEGER
);
`,
  },
  {
    // The unprivileged uid/gid each function's environments run as when Stratus runs as root.
    version: 2,
    sql: `
CREATE TABLE IF NOT EXISTS lambda_uids (
  account TEXT NOT NULL, region TEXT NOT NULL, name TEXT NOT NULL, uid INTEGER NOT NULL UNIQUE,
  PRIMARY KEY (account, region, name)
);
`,
  },
];

/** A function configuration as stored (the FunctionConfiguration shape plus internal fields). */
export interface FnConfig {
  FunctionName: string;
  FunctionArn: string;
  Runtime?: string;
  Role: string;
  Handler?: string;
  CodeSize: number;
  Description: string;
  Timeout: number;
  MemorySize: number;
  LastModified: string;
  CodeSha256: string;
  Version: string;
  Environment?: { Variables: Record<string, string> };
  TracingConfig: { Mode: string };
  RevisionId: string;
  PackageType: string;
  Architectures: string[];
  EphemeralStorage: { Size: number };
  LoggingConfig: { LogFormat: string; LogGroup: string; ApplicationLogLevel?: string; SystemLogLevel?: string };
  SnapStart: { ApplyOn: string; OptimizationStatus: string };
  DeadLetterConfig?: { TargetArn?: string };
  KMSKeyArn?: string;
  Layers?: { Arn: string; CodeSize: number }[];
  RuntimeVersionConfig?: { RuntimeVersionArn: string };
  State?: string;
  StateReason?: string;
  StateReasonCode?: string;
  LastUpdateStatus?: string;
  LastUpdateStatusReason?: string;
  LastUpdateStatusReasonCode?: string;
  /** Internal: unzipped size of the package. */
  _unzipped: number;
}

export interface FnRow {
  name: string;
  config: string;
  reserved: number | null;
  tags: string;
  next_version: number;
  event_config: string | null;
  created: number;
}

export interface AliasDoc {
  FunctionVersion: string;
  Description: string;
  RoutingConfig?: { AdditionalVersionWeights?: Record<string, number> };
  RevisionId: string;
}
