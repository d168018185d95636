import { existsSync, readFileSync } from 'node:fs';
import { readLocalStackEnv } from './localstack-env.js';

export interface Credential {
  accessKeyId: string;
  secretAccessKey: string;
  accountId: string;
}

export interface Config {
  port: number;
  host: string;
  /** Where data lives; undefined with --ephemeral. */
  dataDir: string | undefined;
  /** 'open' accepts any credentials, as local tools do; 'strict' verifies SigV4 signatures. */
  auth: 'open' | 'strict';
  /**
   * IAM authorisation of requests signed by IAM users and STS sessions (the configured root keys are
   * allowed everything): 'off', 'enforce' (denials answer each service's AccessDenied), or 'report'
   * (allowed, with a log line for what enforce would deny).
   */
  iam: 'off' | 'enforce' | 'report';
  /** Known credentials (strict mode verifies against them; open mode maps keys to accounts). */
  credentials: Credential[];
  defaultAccountId: string;
  defaultRegion: string;
  /** 'normal': durable across a crash of the process; 'full': also across power loss. */
  sync: 'normal' | 'full';
  /** One JSON line per request on stdout. */
  logRequests: boolean;
  /** Service-specific settings (e.g. dynamodb.throttling, lambda.concurrency). */
  services: Record<string, Record<string, unknown>>;
  /** Only these services are loaded (names as in /_stratus/health); undefined: every one. */
  serviceNames?: string[];
  /** Names in serviceNames that Stratus does not serve are skipped with a warning (LocalStack's SERVICES), not refused. */
  skipUnknownServices?: boolean;
  /** Init hooks: boot.d, start.d, ready.d and shutdown.d under it (LocalStack's layout); undefined: none. */
  initDir?: string;
  /** A snapshot file (POST /_stratus/snapshot) whose state replaces the data directory's at start. */
  restoreFrom?: string;
}

/** LocalStack's volume (its state with PERSISTENCE=1): Stratus's data directory goes under it when it exists. */
export const LOCALSTACK_VOLUME = '/var/lib/localstack';

/** LocalStack's init directory, used when nothing else is given and it exists. */
export const LOCALSTACK_INIT_DIR = '/etc/localstack/init';

export const DEFAULT_ACCOUNT = '000000000000';

export function defaultConfig(): Config {
  return {
    port: 4566,
    host: '127.0.0.1',
    dataDir: '.stratus',
    auth: 'open',
    iam: 'off',
    credentials: [{ accessKeyId: 'test', secretAccessKey: 'test', accountId: DEFAULT_ACCOUNT }],
    defaultAccountId: DEFAULT_ACCOUNT,
    defaultRegion: 'us-east-1',
    sync: 'normal',
    logRequests: true,
    services: {},
  };
}

/**
 * Builds the configuration: defaults, then an optional JSON file (--config / STRATUS_CONFIG),
 * then environment variables (STRATUS_*), then command-line flags.
 */
export function loadConfig(flags: Record<string, string | boolean>, env: NodeJS.ProcessEnv = process.env): Config {
  const config = defaultConfig();
  const file = (flags.config as string | undefined) ?? env.STRATUS_CONFIG;
  if (file) Object.assign(config, JSON.parse(readFileSync(file, 'utf8')) as Partial<Config>);
  // LocalStack's variables first, so that STRATUS_* and flags override them.
  const ls = readLocalStackEnv(env).settings;
  if (ls.host !== undefined) config.host = ls.host;
  if (ls.port !== undefined) config.port = ls.port;
  if (ls.dataDir !== undefined) config.dataDir = ls.dataDir;
  if (ls.ephemeral) config.dataDir = undefined;
  // PERSISTENCE=1 in LocalStack's container keeps state in its volume: so does Stratus, beside it.
  else if (ls.ephemeral === false && ls.dataDir === undefined && existsSync(LOCALSTACK_VOLUME)) config.dataDir = `${LOCALSTACK_VOLUME}/stratus`;
  if (ls.services) {
    config.serviceNames = ls.services;
    config.skipUnknownServices = true;
  }
  if (ls.logRequests) config.logRequests = true;
  if (ls.defaultRegion) config.defaultRegion = ls.defaultRegion;
  if (ls.lambda) config.services = { ...config.services, lambda: { ...ls.lambda, ...config.services.lambda } };
  const pick = (flag: string, envName: string): string | boolean | undefined => flags[flag] ?? env[envName];
  const port = pick('port', 'STRATUS_PORT');
  if (port !== undefined) config.port = parsePort(String(port));
  const host = pick('host', 'STRATUS_HOST');
  if (typeof host === 'string') config.host = host;
  const dataDir = pick('data-dir', 'STRATUS_DATA_DIR');
  if (typeof dataDir === 'string') config.dataDir = dataDir;
  const ephemeral = pick('ephemeral', 'STRATUS_EPHEMERAL');
  if (ephemeral === true || ephemeral === '1' || ephemeral === 'true') config.dataDir = undefined;
  const auth = pick('auth', 'STRATUS_AUTH');
  if (auth !== undefined) {
    if (auth !== 'open' && auth !== 'strict') throw new Error(`--auth must be open or strict, not ${String(auth)}`);
    config.auth = auth;
  }
  const iam = pick('iam', 'STRATUS_IAM');
  if (iam !== undefined) {
    if (iam !== 'off' && iam !== 'enforce' && iam !== 'report') throw new Error(`--iam must be off, enforce or report, not ${String(iam)}`);
    config.iam = iam;
  }
  const sync = pick('sync', 'STRATUS_SYNC');
  if (sync !== undefined) {
    if (sync !== 'normal' && sync !== 'full') throw new Error(`--sync must be normal or full, not ${String(sync)}`);
    config.sync = sync;
  }
  const region = pick('region', 'STRATUS_REGION');
  if (typeof region === 'string') config.defaultRegion = region;
  const quiet = pick('quiet', 'STRATUS_QUIET');
  if (quiet === true || quiet === '1' || quiet === 'true') config.logRequests = false;
  const services = pick('services', 'STRATUS_SERVICES');
  if (typeof services === 'string') {
    config.serviceNames = services.split(',').map((s) => s.trim().toLowerCase()).filter(Boolean);
    config.skipUnknownServices = false;
  }
  const initDir = pick('init-dir', 'STRATUS_INIT_DIR');
  if (typeof initDir === 'string') config.initDir = initDir || undefined;
  else if (config.initDir === undefined && existsSync(LOCALSTACK_INIT_DIR)) config.initDir = LOCALSTACK_INIT_DIR;
  const restore = pick('restore', 'STRATUS_RESTORE');
  if (typeof restore === 'string') config.restoreFrom = restore;
  return config;
}

function parsePort(s: string): number {
  const n = Number(s);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new Error(`--port (STRATUS_PORT) must be a port number 0-65535, not ${s}`);
  return n;
}
