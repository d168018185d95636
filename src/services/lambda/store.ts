import type {
  AliasRoutingConfiguration,
  Architecture,
  EphemeralStorage,
  FunctionConfiguration,
  LogFormat,
  LoggingConfig,
  PackageType,
  Runtime,
  SnapStartApplyOn,
  SnapStartOptimizationStatus,
  TracingMode,
} from '../../generated/lambda.js';
import type { Migration } from '../../storage/db.js';
import { ESM_MIGRATION } from './esm/model.js';
import { moveAsyncTableToJobs } from './invoke/async-queue.js';

export const LAMBDA_MIGRATIONS: Migration[] = [
  {
    version: 1,
    sql: `
CREATE TABLE IF NOT EXISTS lambda_functions (
  account TEXT NOT NULL, region TEXT NOT NULL, name TEXT NOT NULL COLLATE "C",
  config TEXT NOT NULL, reserved INTEGER, tags TEXT NOT NULL, next_version INTEGER NOT NULL,
  event_config TEXT, created BIGINT NOT NULL,
  PRIMARY KEY (account, region, name)
);
CREATE TABLE IF NOT EXISTS lambda_versions (
  account TEXT NOT NULL, region TEXT NOT NULL, name TEXT NOT NULL, version INTEGER NOT NULL,
  config TEXT NOT NULL,
  PRIMARY KEY (account, region, name, version)
);
CREATE TABLE IF NOT EXISTS lambda_aliases (
  account TEXT NOT NULL, region TEXT NOT NULL, name TEXT NOT NULL, alias TEXT NOT NULL COLLATE "C",
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
  zip BYTEA NOT NULL, size INTEGER NOT NULL, unzipped INTEGER NOT NULL,
  PRIMARY KEY (account, region, sha)
);
CREATE TABLE IF NOT EXISTS lambda_async (
  id TEXT NOT NULL PRIMARY KEY, account TEXT NOT NULL, region TEXT NOT NULL, name TEXT NOT NULL,
  qualifier TEXT, payload BYTEA NOT NULL, request_id TEXT NOT NULL, attempt INTEGER NOT NULL,
  next_at BIGINT NOT NULL, created BIGINT NOT NULL, lease BIGINT
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
  // Async invocations are jobs now (invoke/async-queue.ts): pending events move to stratus_jobs.
  { version: 3, sql: '', data: moveAsyncTableToJobs },
  { version: 4, sql: 'DROP TABLE lambda_async;' },
  {
    // Layers (ops/layers.ts, layers.ts). A layer's row keeps its next version number after its
    // versions are deleted (numbers are never reused). A deleted version that functions still use
    // stays, marked deleted, until the last of them lets go of it (its code runs them).
    version: 5,
    sql: `
CREATE TABLE IF NOT EXISTS lambda_layers (
  account TEXT NOT NULL, region TEXT NOT NULL, name TEXT NOT NULL COLLATE "C", next_version INTEGER NOT NULL,
  PRIMARY KEY (account, region, name)
);
CREATE TABLE IF NOT EXISTS lambda_layer_versions (
  account TEXT NOT NULL, region TEXT NOT NULL, name TEXT NOT NULL COLLATE "C", version INTEGER NOT NULL,
  config TEXT NOT NULL, code_sha TEXT NOT NULL, unzipped BIGINT NOT NULL, policy TEXT, revision TEXT,
  deleted INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (account, region, name, version)
);
CREATE INDEX IF NOT EXISTS lambda_layer_versions_code ON lambda_layer_versions (account, region, code_sha);
CREATE TABLE IF NOT EXISTS lambda_layer_uses (
  account TEXT NOT NULL, region TEXT NOT NULL, name TEXT NOT NULL, version TEXT NOT NULL,
  layer_account TEXT NOT NULL, layer_region TEXT NOT NULL, layer_name TEXT NOT NULL, layer_version INTEGER NOT NULL,
  PRIMARY KEY (account, region, name, version, layer_account, layer_region, layer_name)
);
CREATE INDEX IF NOT EXISTS lambda_layer_uses_layer ON lambda_layer_uses (layer_account, layer_region, layer_name, layer_version);
`,
  },
  // Event-source mappings (esm/, ops/event-sources.ts).
  ESM_MIGRATION,
];

/**
 * A function configuration as stored: the API's FunctionConfiguration with the members Stratus
 * always sets, plus internal fields (withoutInternalFields drops them before it is shown).
 */
export interface FnConfig extends FunctionConfiguration {
  FunctionName: string;
  FunctionArn: string;
  Role: string;
  CodeSize: number;
  Description: string;
  Timeout: number;
  MemorySize: number;
  LastModified: string;
  CodeSha256: string;
  Version: string;
  Environment?: { Variables: Record<string, string> };
  TracingConfig: { Mode: TracingMode };
  RevisionId: string;
  PackageType: PackageType;
  Architectures: Architecture[];
  EphemeralStorage: EphemeralStorage;
  LoggingConfig: LoggingConfig & { LogFormat: LogFormat; LogGroup: string };
  SnapStart: { ApplyOn: SnapStartApplyOn; OptimizationStatus: SnapStartOptimizationStatus };
  /** Internal: unzipped size of the package. */
  _unzipped: number;
  /** Internal: the code of each of `Layers`, in order (its SHA-256 in hex and unzipped size). */
  _layerCode?: LayerCode[];
  /** Internal: the local directory a hot-reload function runs from (hot-reload.ts); no package then. */
  _hotReload?: string;
}

/** What running a function needs of one of its layers (the code row is in the layer's account and region). */
export interface LayerCode {
  account: string;
  region: string;
  hex: string;
  unzipped: number;
}

/** A layer version as stored (`lambda_layer_versions.config`): the API's fields that do not change. */
export interface LayerVersionDoc {
  Description: string;
  CreatedDate: string;
  CompatibleRuntimes?: Runtime[];
  CompatibleArchitectures?: Architecture[];
  LicenseInfo?: string;
  CodeSha256: string;
  CodeSize: number;
}

/** A function's row (its `tags` column stays '{}': tags are kept in the shared tags table, storage/tags.ts). */
export interface FnRow {
  name: string;
  config: string;
  reserved: number | null;
  next_version: number;
  event_config: string | null;
  created: number;
}

/** An alias as stored (its name and ARN are its row's key). */
export interface AliasDoc {
  FunctionVersion: string;
  Description: string;
  RoutingConfig?: AliasRoutingConfiguration;
  RevisionId: string;
}
